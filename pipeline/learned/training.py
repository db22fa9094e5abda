"""Train the relation classifier from annotated documents (``make train``).

Each gold document (the JSONL format of ../shared/eval/GUIDELINES.md) is run through the
per-document stages (language, entities, rules); its candidates (:mod:`.candidates`) get
their features (:mod:`.features`) and a label from the gold graph: a candidate is positive
when its mentions match gold entities (same type, a shared normalized name, as the scorer
matches them) that the gold relates with that type; candidates of an ``optional`` gold
relation are left out. One logistic regression per relation type (scikit-learn, L-BFGS,
fixed seed); the threshold is chosen on out-of-fold predictions over the candidates the
rules did not already state, one fold per author (:func:`author_folds`): the best F0.7 among
the points whose precision is at least :data:`MIN_PRECISION` (:func:`choose_threshold`); a
type with no such point is left out. The weights go to a JSON file the run reads.

Usage::

    python -m pipeline.learned.training corpus/train/*.jsonl --out ontology/models/relations.json
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from pipeline.evaluation.score import names as gold_names
from pipeline.evaluation.score import variants
from pipeline.learned.candidates import SIGNATURES, SYMMETRIC
from pipeline.learned.classifier import featurize
from pipeline.learned.fitting import (CROSS_MIN_PRECISION, CROSS_SPLITS, MIN_PRECISION, MIN_TRUE, Threshold,
                                      author_folds, author_of, choose_threshold, read_gold, write_model)
from pipeline.model import Document

SEED = 13
MIN_FEATURE_COUNT = 2
MIN_POSITIVES = 8
# The inverse L2 strength of every logistic model.
REGULARIZATION = 0.5


@dataclass
class Example:
    doc: str
    type: str
    features: list[str]
    label: int
    by_rule: bool  # the rules already stated this relation on this pair
    # What the candidate would add to the graph: the gold relation (head, type, tail) it finds,
    # else its arguments' names; several candidates (mentions of one pair) may share it.
    key: tuple = ()


def _parse(text: str, doc_id: str):
    from pipeline.entities.recognize import recognize_entities
    from pipeline.language.detect import detect_language
    from pipeline.language.metadata import read_metadata
    from pipeline.learned.event_spans import event_mentions
    from pipeline.nlp import get_nlp
    from pipeline.relations.extract import extract_relations

    document = Document(id=doc_id, text=text)
    document.lang = detect_language(text)[0]
    doc = get_nlp(document.lang)(text)
    read_metadata(document)  # as the run does: the dateline and the document's dates, which rules read
    mentions = recognize_entities(doc, document)
    # As at run time: the trained event mentions (their model is trained first) join the rules'.
    mentions = sorted(mentions + event_mentions(doc, document, mentions), key=lambda m: m.start)
    relations = extract_relations(doc, document, mentions)
    return doc, document, mentions, relations


def parse_gold_document(gold: dict, parsed: tuple | None = None):
    """The per-document stages on a gold text (or ``parsed``, their output for it), and
    ``aligned(mention)``: the ids of the gold entities a mention names (same type, a shared
    normalized name, as the scorer matches)."""
    doc, document, mentions, relations = parsed or _parse(gold["text"], gold["id"])
    by_name: dict[str, list[dict]] = defaultdict(list)
    for entity in gold["entities"]:
        for name in gold_names(entity):
            by_name[name].append(entity)

    def aligned(mention) -> set[str]:
        return {e["id"] for v in variants(mention.text) for e in by_name.get(v, ()) if e["type"] == mention.type}

    return doc, document, mentions, relations, aligned


def scorer_alignment(golds: list[dict], parsed: list[tuple]) -> list[Callable]:
    """Per gold document, ``aligned(mention)`` as the scorer aligns it: the run's mentions
    resolved into entities over all the documents (their aliases gathered across them), each
    entity matched to a gold entity of its document as ``doc2kg eval`` matches for relations
    (greedy by shared names, types aside). A training label then says what the score says."""
    from pipeline.evaluation.score import match_entities
    from pipeline.model import DocumentResult
    from pipeline.resolution.resolve import resolve_entities

    results = [DocumentResult(document=p[1], mentions=p[2], relations=p[3]) for p in parsed]
    entities, _ = resolve_entities(results)
    by_span: dict[tuple[str, int, int], str] = {}
    in_doc: dict[str, list[dict]] = defaultdict(list)
    for e in entities:
        record = {"id": e.id, "type": e.type, "label": e.label, "aliases": e.aliases}
        for doc_id, start, end in e.spans:
            by_span[(doc_id, start, end)] = e.id
        for doc_id in e.documents:
            in_doc[doc_id].append(record)
    out = []
    for gold in golds:
        mapping = match_entities(gold["entities"], in_doc.get(gold["id"], []), typed=False)

        def aligned(mention, mapping=mapping, doc_id=gold["id"]) -> set[str]:
            entity = by_span.get((doc_id, mention.start, mention.end))
            return {mapping[entity]} if entity in mapping else set()

        out.append(aligned)
    return out


def examples_of(gold: dict, parsed: tuple | None = None, aligned: Callable | None = None) -> list[Example]:
    doc, document, mentions, relations, by_name = parse_gold_document(gold, parsed)
    aligned = aligned or by_name
    required: set[tuple[str, str, str]] = set()
    optional: set[tuple[str, str, str]] = set()
    for r in gold["relations"]:
        if r["type"] not in SIGNATURES:
            continue
        keys = {(r["head"], r["type"], r["tail"])}
        if r["type"] in SYMMETRIC:
            keys.add((r["tail"], r["type"], r["head"]))
        (optional if r.get("optional") else required).update(keys)
    stated = {(r.head, r.type, r.tail) for r in relations}
    stated |= {(r.tail, r.type, r.head) for r in relations if r.type in SYMMETRIC}
    out = []
    for cand, feats in featurize(doc, mentions, relations, document.lang or "en"):
        heads, tails = aligned(cand.head.mention), aligned(cand.tail.mention)
        keys = {(h, cand.type, t) for h in heads for t in tails}
        if keys & required:
            label, key = 1, min(keys & required)
        elif keys & optional:
            continue
        else:
            label, key = 0, (cand.head.mention.key or cand.head.mention.text, cand.type,
                             cand.tail.mention.key or cand.tail.mention.text)
        if cand.type in SYMMETRIC:
            key = (min(key[0], key[2]), cand.type, max(key[0], key[2]))  # either order, one key
        by_rule = (cand.head.mention.id, cand.type, cand.tail.mention.id) in stated
        out.append(Example(gold["id"], cand.type, feats, label, by_rule, key))
    return out


def _train(subset: list[Example], keep: set[str]):
    """A logistic model over ``subset`` (features in ``keep``), or None with one class only."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    y = [e.label for e in subset]
    if len(set(y)) < 2:
        return None
    vec = DictVectorizer(sort=True)
    X = vec.fit_transform([{f: 1.0 for f in e.features if f in keep} for e in subset])
    clf = LogisticRegression(C=REGULARIZATION, solver="lbfgs", random_state=SEED, class_weight="balanced",
                             max_iter=1000)
    clf.fit(X, y)
    return vec, clf


def _probabilities(model, rows: list[Example], keep: set[str]) -> list[float]:
    vec, clf = model
    return list(clf.predict_proba(vec.transform([{f: 1.0 for f in e.features if f in keep} for e in rows]))[:, 1])


def _operating_point(rows: list[Example], keep: set[str], min_precision: float) -> Threshold | None:
    """The threshold chosen on out-of-fold predictions (one fold per author) over the rows
    the rules did not already state."""
    fold_of = author_folds([e.doc for e in rows])
    probs: list[float] = []
    labels: list[int] = []
    for fold in sorted(set(fold_of.values())):
        held = [e for e in rows if fold_of[e.doc] == fold and not e.by_rule]
        model = _train([e for e in rows if fold_of[e.doc] != fold], keep)
        if model is None or not held:
            continue
        probs += _probabilities(model, held, keep)
        labels += [e.label for e in held]
    return choose_threshold(list(zip(probs, labels)), sum(labels), min_precision)


def _added(model, threshold: float, rows: list[Example], keep: set[str]) -> tuple[int, int]:
    """(right, added): the relations ``model`` adds over ``rows`` at ``threshold``, one per
    :attr:`Example.key`, leaving out those the rules already found."""
    found = {(e.doc, e.key) for e in rows if e.by_rule and e.label}
    new = [e for e in rows if not e.by_rule and (e.doc, e.key) not in found]
    taken: dict[tuple, int] = {}
    for e, p in zip(new, _probabilities(model, new, keep) if new else []):
        if p >= threshold:
            taken[(e.doc, e.key)] = max(taken.get((e.doc, e.key), 0), e.label)
    return sum(taken.values()), len(taken)


def across_authors(rows: list[Example], keep: set[str], min_precision: float) -> list[dict] | None:
    """Does a type hold on authors its model never saw? For each split of
    :data:`CROSS_SPLITS` and each direction: the model trained on one side (its operating point
    out of author there) adds relations to the other side at :data:`CROSS_MIN_PRECISION` or more.
    One row per direction; None when the rows' authors do not cover the splits (not corpus/train)."""
    author = {e.doc: author_of(e.doc) for e in rows}
    present = set(author.values())
    out = []
    for split in CROSS_SPLITS:
        if not set(split) < present:
            return None
        rest = tuple(sorted(present - set(split)))
        for side, other in ((split, rest), (rest, split)):
            train_rows = [e for e in rows if author[e.doc] in side]
            test_rows = [e for e in rows if author[e.doc] in other]
            point = _operating_point(train_rows, keep, min_precision)
            model = _train(train_rows, keep) if point else None
            right, added = _added(model, point.value, test_rows, keep) if model else (0, 0)
            out.append({"trained_on": " ".join(side), "right": right, "added": added,
                        "holds": added > 0 and right / added >= CROSS_MIN_PRECISION})
    return out


def fit(examples: list[Example], relation_types: Iterable[str] = tuple(SIGNATURES),
        min_precision: float = MIN_PRECISION) -> dict:
    """One logistic model per relation type with its out-of-author operating point (a type
    without one at ``min_precision`` is left out; a lower value is for measurements only). On
    the authors of corpus/train a type is kept only when it also holds on every split of
    :func:`across_authors`."""
    docs = sorted({e.doc for e in examples})
    types: dict[str, dict] = {}
    report: dict[str, dict] = {}
    for rtype in relation_types:
        rows = [e for e in examples if e.type == rtype]
        positives = sum(e.label for e in rows)
        if positives < MIN_POSITIVES or positives == len(rows):
            report[rtype] = {"candidates": len(rows), "positives": positives, "trained": False}
            continue
        counts = Counter(f for e in rows for f in set(e.features))
        keep = {f for f, c in counts.items() if c >= MIN_FEATURE_COUNT}
        chosen = _operating_point(rows, keep, min_precision)
        if chosen is None:
            report[rtype] = {"candidates": len(rows), "positives": positives, "trained": False,
                             "reason": f"no out-of-fold precision >= {min_precision} with {MIN_TRUE} found"}
            continue
        oof = {"precision": round(chosen.precision, 3), "recall": round(chosen.recall, 3), "tp": chosen.tp,
               "fp": chosen.fp}
        splits = across_authors(rows, keep, min_precision) if min_precision >= MIN_PRECISION else None
        if splits is not None and not all(d["holds"] for d in splits):
            report[rtype] = {"candidates": len(rows), "positives": positives, "trained": False, "oof_new": oof,
                             "reason": f"does not add at precision >= {CROSS_MIN_PRECISION} on every author split",
                             "splits": splits}
            continue
        vec, clf = _train(rows, keep)
        weights = {name: round(float(w), 4) for name, w in zip(vec.feature_names_, clf.coef_[0]) if abs(w) >= 1e-4}
        types[rtype] = {"bias": round(float(clf.intercept_[0]), 4), "threshold": round(float(chosen.value), 4),
                        "weights": dict(sorted(weights.items()))}
        report[rtype] = {"candidates": len(rows), "positives": positives, "trained": True, "oof_new": oof,
                         "threshold": round(float(chosen.value), 3), "features": len(weights)}
        if splits is not None:
            report[rtype]["splits"] = splits
    return {"format": "doc2kg-relations/1", "types": types,
            "meta": {"documents": len(docs), "seed": SEED, "report": report}}


def train_main(argv: list[str] | None, description: str, default_out: Path | None,
               examples: Callable[..., list[Example]], relation_types: Iterable[str] = tuple(SIGNATURES)) -> int:
    """The command line of a model trained by :func:`fit`: gold JSONL in, a JSON model out
    (not written when no type reaches an operating point), a report line per type.
    ``examples(gold, parsed, aligned)``: a document's examples, labelled through
    :func:`scorer_alignment` over all the documents."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("gold", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, default=default_out, required=default_out is None)
    args = parser.parse_args(argv)
    gold = read_gold(args.gold)
    parsed = [_parse(g["text"], g["id"]) for g in gold]
    aligned = scorer_alignment(gold, parsed)
    rows = [e for g, p, a in zip(gold, parsed, aligned) for e in examples(g, p, a)]
    model = fit(rows, relation_types)
    model["meta"]["sources"] = sorted(p.as_posix() for p in args.gold)
    done = write_model(args.out, model, accepts=bool(model["types"]))
    for rtype, row in model["meta"]["report"].items():
        print(rtype, json.dumps(row))
    print(f"{len(gold)} documents, {len(rows)} candidates {done}")
    return 0


def main(argv: list[str] | None = None) -> int:
    return train_main(argv, "Train the relation classifier from gold JSONL.", None, examples_of)


if __name__ == "__main__":
    sys.exit(main())
