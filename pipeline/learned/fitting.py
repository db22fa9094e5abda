"""What the trained models share at training time: reading gold files and choosing an
operating point on out-of-fold predictions.

Usage::

    gold = read_gold([Path("corpus/train/a1.jsonl")])
    chosen = choose_threshold([(0.9, 1), (0.8, 0), ...], total_positives=40)   # Threshold | None
    fold_of = author_folds(["tr-ar-a1-001", "tr-en-e1-004", ...])             # doc id -> fold
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

BETA = 0.7
# The operating point of every trained model: out-of-fold precision at least this (on what the
# rules did not already state: the precision the extraction must keep on unseen news), with at
# least MIN_TRUE facts found; a model with no such point is left out.
MIN_PRECISION = 0.7
MIN_TRUE = 10
# Out-of-fold predictions come from models that never saw the held-out document's AUTHOR (a
# corpus/train id reads "tr-LANG-AUTHOR-NNN"): an operating point must hold on the next author's
# wording and annotation, not on the other articles of the same one. With fewer than
# MIN_AUTHORS authors (or ids of another shape) the folds are DOC_FOLDS groups of documents.
MIN_AUTHORS = 3
DOC_FOLDS = 5
_AUTHORED_ID = re.compile(r"^[a-z]+-[a-z]{2}-([a-z]+[0-9]+)-[0-9]+$")
# The author splits of corpus/train a model must hold on before it ships (each side in turn
# trains, the other scores; scripts/cross_authors.py prints the same splits in full): what it
# adds on the authors it never saw must be right at least CROSS_MIN_PRECISION of the time.
CROSS_SPLITS = (("a1", "a3", "a4", "e1", "f1"), ("a1", "a2", "e1", "f1"))
CROSS_MIN_PRECISION = 0.65


@dataclass(frozen=True)
class Threshold:
    """The operating point chosen on out-of-fold predictions."""

    value: float  # accept a candidate whose probability is at least this
    f_beta: float
    precision: float
    recall: float
    tp: int
    fp: int


def choose_threshold(scored: list[tuple[float, int]], total_positives: int,
                     min_precision: float | None = None) -> Threshold | None:
    """The threshold with the best F-beta among those whose out-of-fold precision is at least
    :data:`MIN_PRECISION` (or ``min_precision``, for a measurement) with :data:`MIN_TRUE` true
    positives; None when there is none.

    The layer adds facts to the rules' own: below the precision the rules hold on unseen text
    it would trade more precision than it gives recall, so such a point is never chosen.
    """
    best: Threshold | None = None
    tp = fp = 0
    for p, y in sorted(scored, reverse=True):
        tp += y
        fp += 1 - y
        if tp < MIN_TRUE:
            continue
        prec, rec = tp / (tp + fp), tp / max(total_positives, 1)
        if prec < (MIN_PRECISION if min_precision is None else min_precision):
            continue
        f = (1 + BETA ** 2) * prec * rec / (BETA ** 2 * prec + rec)
        if best is None or f > best.f_beta:
            best = Threshold(p, f, prec, rec, tp, fp)
    return best


def author_of(doc_id: str) -> str | None:
    """The author a corpus/train id names ("tr-ar-a1-004" -> "a1"), else None."""
    found = _AUTHORED_ID.match(doc_id)
    return found.group(1) if found else None


def author_folds(doc_ids: list[str]) -> dict[str, int]:
    """Each document's fold for out-of-fold predictions: one fold per author when every id
    names one and there are at least :data:`MIN_AUTHORS`; else :data:`DOC_FOLDS` folds of
    documents in id order. Deterministic."""
    docs = sorted(set(doc_ids))
    found = [_AUTHORED_ID.match(d) for d in docs]
    authors = sorted({m.group(1) for m in found if m})
    if all(found) and len(authors) >= MIN_AUTHORS:
        return {d: authors.index(m.group(1)) for d, m in zip(docs, found)}
    return {d: i % DOC_FOLDS for i, d in enumerate(docs)}


def read_gold(paths: list[Path]) -> list[dict]:
    docs = []
    for path in paths:
        docs += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return docs


def write_model(path: Path, model: dict, accepts: bool) -> str:
    """Write ``model`` to ``path`` when it ``accepts`` anything at its operating point; else
    remove the file (the run then goes without it) rather than ship a model that adds nothing.
    Returns what was done, for the training log."""
    if not accepts:
        path.unlink(missing_ok=True)
        return f"no operating point at precision >= {MIN_PRECISION}: {path} not written (removed if there)"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(model, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return f"-> {path}"
