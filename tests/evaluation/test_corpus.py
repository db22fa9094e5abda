"""The annotated corpus is valid gold and its frozen test split is apart from training."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
spec = importlib.util.spec_from_file_location("validate_corpus", ROOT / "scripts" / "validate_corpus.py")
validate_corpus = importlib.util.module_from_spec(spec)
spec.loader.exec_module(validate_corpus)


def _docs(part: str) -> list[dict]:
    docs = []
    for path in sorted((CORPUS / part).glob("*.jsonl")):
        docs += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return docs


@pytest.mark.parametrize("part", ["train", "test"])
def test_every_document_is_valid_gold(part):
    docs = _docs(part)
    assert docs, f"corpus/{part} is empty"
    problems = {d["id"]: validate_corpus.check_document(d) for d in docs}
    assert {k: v for k, v in problems.items() if v} == {}


def test_the_frozen_split_is_apart_from_training():
    train, test = _docs("train"), _docs("test")
    assert not {d["id"] for d in train} & {d["id"] for d in test}
    assert not {d["text"] for d in train} & {d["text"] for d in test}
    assert all(d["id"].startswith("ft-") for d in test) and all(d["id"].startswith("tr-") for d in train)


def test_the_frozen_split_has_twenty_documents_per_language():
    langs = [d["lang"] for d in _docs("test")]
    assert {lang: langs.count(lang) for lang in ("ar", "fr", "en")} == {"ar": 20, "fr": 20, "en": 20}


def test_the_validator_catches_an_alias_missing_from_the_text():
    doc = _docs("train")[0]
    broken = {**doc, "entities": [{**doc["entities"][0], "aliases": ["a name that is not in the text"]}]}
    assert any("does not occur" in p for p in validate_corpus.check_document(broken))


def test_the_time_gold_is_valid_and_covers_three_languages():
    docs = _docs("time")
    problems = {d["id"]: validate_corpus.check_document(d) for d in docs}
    assert {k: v for k, v in problems.items() if v} == {}
    langs = [d["lang"] for d in docs]
    assert all(langs.count(lang) >= 10 for lang in ("ar", "fr", "en"))
    assert all("meta" in d and "dates" in d for d in docs)


@pytest.mark.parametrize(("change", "problem"), [
    (lambda d: d["dates"].append({"text": "hier", "value": "2024-13", "precision": "day", "relative": True}),
     "does not occur"),
    (lambda d: d["dates"].append({"text": d["text"][:4], "value": "2024-03", "precision": "day", "relative": False}),
     "does not fit"),
    (lambda d: d["dates"].append({"text": d["text"][:4], "value": None, "precision": "day", "relative": True}),
     "not marked unresolved"),
    (lambda d: d["meta"].update(published="5 mars"), "meta.published"),
    (lambda d: d["relations"].append({"head": d["entities"][0]["id"], "type": "locatedIn",
                                      "tail": d["entities"][0]["id"], "status": "former"}), "status on a relation"),
    (lambda d: d["relations"].append({**next(r for r in d["relations"] if r["type"] == "leads"),
                                      "status": "retired"}), "not in"),
    (lambda d: d["relations"].append({**d["relations"][0], "attributed_to": "e999"}), "attributed_to"),
])
def test_the_validator_catches_broken_time_fields(change, problem):
    doc = json.loads(json.dumps(next(d for d in _docs("time") if any(r["type"] == "leads" for r in d["relations"]))))
    assert validate_corpus.check_document(doc) == []
    change(doc)
    assert any(problem in p for p in validate_corpus.check_document(doc))
