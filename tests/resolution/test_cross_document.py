"""Entity identity across documents: the shared dev set and the four evaluation sets of
tests/evaluation/data run as ONE corpus, scored by B-cubed over (document, gold entity)
(pipeline/evaluation/identity.py). One wrong merge puts a false fact in front of every
reader, so precision has a hard floor; recall a floor measured on these sets."""
from __future__ import annotations

import json

from pipeline.evaluation.identity import score_identity
from pipeline.model import Document
from pipeline.runner import Pipeline
from tests.conftest import ROOT, SHARED_EVAL

SETS = sorted((ROOT / "tests" / "evaluation" / "data").glob("*.jsonl"))
PRECISION_FLOOR = 0.98
# Measured 0.975 with the dev set, 0.973 without it (2026-12-07); a small margin below.
RECALL_FLOOR = 0.965


def test_entity_identity_across_documents(tmp_path):
    paths = ([SHARED_EVAL] if SHARED_EVAL.exists() else []) + SETS
    gold = [json.loads(line) for path in paths for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(gold) >= 51
    pipeline = Pipeline(exporters=("json",))
    pipeline.finish([pipeline.process(Document(id=d["id"], text=d["text"])) for d in gold], tmp_path)
    report = score_identity(gold, json.loads((tmp_path / "graph.json").read_text(encoding="utf-8")))
    merges = "; ".join(f"{m['label']}: " + " + ".join(p["name"] for p in m["gold"]) for m in report["merges"][:8])
    assert report["p"] >= PRECISION_FLOOR, f"B-cubed precision {report['p']:.4f}; worst merges: {merges}"
    splits = "; ".join(s["gold"] for s in report["splits"][:8])
    assert report["r"] >= RECALL_FLOOR, f"B-cubed recall {report['r']:.4f}; worst splits: {splits}"
