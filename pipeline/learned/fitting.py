"""What the trained models share at training time: reading gold files and choosing an
operating point on out-of-fold predictions.

Usage::

    gold = read_gold([Path("corpus/train/a1.jsonl")])
    chosen = choose_threshold([(0.9, 1), (0.8, 0), ...], total_positives=40)   # Threshold | None
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

BETA = 0.7
# The operating point of every trained model: out-of-fold precision at least this (on what the
# rules did not already state: the precision the extraction must keep on unseen news), with at
# least MIN_TRUE facts found; a model with no such point is left out.
MIN_PRECISION = 0.7
MIN_TRUE = 10


@dataclass(frozen=True)
class Threshold:
    """The operating point chosen on out-of-fold predictions."""

    value: float  # accept a candidate whose probability is at least this
    f_beta: float
    precision: float
    recall: float
    tp: int
    fp: int


def choose_threshold(scored: list[tuple[float, int]], total_positives: int) -> Threshold | None:
    """The threshold with the best F-beta among those whose out-of-fold precision is at least
    :data:`MIN_PRECISION` with :data:`MIN_TRUE` true positives; None when there is none.

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
        if prec < MIN_PRECISION:
            continue
        f = (1 + BETA ** 2) * prec * rec / (BETA ** 2 * prec + rec)
        if best is None or f > best.f_beta:
            best = Threshold(p, f, prec, rec, tp, fp)
    return best


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
