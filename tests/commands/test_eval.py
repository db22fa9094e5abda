"""``doc2kg eval``: several gold files run as one corpus, ``--identity`` (entities) and ``--events``
(event identity) scored beside entities and relations."""
from __future__ import annotations

import json
import tempfile

from typer.testing import CliRunner

from pipeline.cli import app

runner = CliRunner()


def _gold(path, doc_id, text, entities):
    path.write_text(json.dumps({"id": doc_id, "lang": "en", "text": text, "relations": [],
                                "entities": [{"id": f"e{i}", "type": t, "name": n, "aliases": []}
                                             for i, (t, n) in enumerate(entities)]}) + "\n", encoding="utf-8")


def test_two_gold_files_run_as_one_corpus_and_identity_is_scored(tmp_path):
    _gold(tmp_path / "a.jsonl", "a1", "Emmanuel Macron met Pedro Sanchez in Madrid on Monday.",
          [("Person", "Emmanuel Macron"), ("Person", "Pedro Sanchez"), ("City", "Madrid")])
    _gold(tmp_path / "b.jsonl", "b1", "Emmanuel Macron later flew to Madrid again.",
          [("Person", "Emmanuel Macron"), ("City", "Madrid")])
    report = tmp_path / "report.json"
    result = runner.invoke(app, ["eval", str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl"),
                                 "--identity", "--no-misses", "--json", str(report)])
    assert result.exit_code == 0, result.output
    assert "identity_bcubed_p=" in result.output
    assert result.output.strip().splitlines()[-1].startswith("entity_f1=")
    identity = json.loads(report.read_text(encoding="utf-8"))["identity"]
    # Macron and Madrid of both documents, each one entity across them
    assert identity["items"] >= 4 and identity["p"] == 1.0 and identity["r"] == 1.0


def test_a_document_id_in_two_gold_files_is_refused(tmp_path):
    _gold(tmp_path / "a.jsonl", "x", "Madrid.", [("City", "Madrid")])
    _gold(tmp_path / "b.jsonl", "x", "Madrid.", [("City", "Madrid")])
    result = runner.invoke(app, ["eval", str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl"), "--identity"])
    assert result.exit_code == 2 and "repeated" in result.output


GOLD = [
    {"id": "ar-lion", "lang": "ar",
     "text": "انطلقت يوم الاثنين 20 ماي 2024 بمدينة طانطان مناورات «الأسد الإفريقي 2024» بمشاركة القوات المسلحة الملكية.",
     "entities": [{"id": "e1", "type": "Event", "name": "African Lion 2024", "aliases": ["الأسد الإفريقي 2024"],
                   "event_key": "african-lion-2024"}], "relations": []},
    {"id": "fr-lion", "lang": "fr",
     "text": "L'exercice « African Lion 2024 » a débuté le 20 mai 2024 à Tan-Tan avec les Forces armées royales.",
     "entities": [{"id": "e1", "type": "Event", "name": "African Lion 2024", "aliases": ["African Lion 2024"],
                   "event_key": "african-lion-2024"}], "relations": []},
    {"id": "en-lion", "lang": "en",
     "text": "Exercise African Lion 2023 opened in Agadir on 22 May 2023 with Moroccan and American troops.",
     "entities": [{"id": "e1", "type": "Event", "name": "African Lion 2023", "aliases": ["African Lion 2023"],
                   "event_key": "african-lion-2023"}], "relations": []},
]


def test_eval_events_prints_and_keeps_bcubed(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in GOLD), encoding="utf-8")
    report = tmp_path / "report.json"
    result = runner.invoke(app, ["eval", str(gold), "--events", "--no-misses", "--json", str(report)])
    assert result.exit_code == 0, result.output
    assert "event_identity precision=1.000 recall=1.000 f1=1.000 (reports=3, matched=3)" in result.output
    identity = json.loads(report.read_text(encoding="utf-8"))["event_identity"]
    assert len({r.split(" -> ")[1] for r in identity["clusters"]["african-lion-2024"]}) == 1
    assert identity["clusters"]["african-lion-2023"][0].split(" -> ")[1] not in identity["clusters"]["african-lion-2024"][0]


def test_without_out_the_runs_outputs_are_removed_once_scored(tmp_path, monkeypatch):
    # every `doc2kg eval` had left a doc2kg-eval-* folder with its graph in the temp folder
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    _gold(tmp_path / "a.jsonl", "a1", "Emmanuel Macron met Pedro Sanchez in Madrid on Monday.",
          [("Person", "Emmanuel Macron"), ("City", "Madrid")])
    result = runner.invoke(app, ["eval", str(tmp_path / "a.jsonl"), "--no-misses"])
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1].startswith("entity_f1=")
    assert list(scratch.iterdir()) == []
    kept = tmp_path / "kept"
    result = runner.invoke(app, ["eval", str(tmp_path / "a.jsonl"), "--no-misses", "--out", str(kept)])
    assert result.exit_code == 0 and (kept / "graph.json").is_file()
