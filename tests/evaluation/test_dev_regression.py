"""The shared dev set as a regression test: F1 may only stay at or above the floors."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.evaluation.score import score
from pipeline.model import Document
from pipeline.runner import Pipeline
from tests.conftest import SHARED_EVAL

FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def dev_report(tmp_path_factory):
    if not SHARED_EVAL.exists():
        pytest.skip(f"dev set not found at {SHARED_EVAL}")
    gold = [json.loads(line) for line in SHARED_EVAL.read_text(encoding="utf-8").splitlines() if line.strip()]
    pipeline = Pipeline(exporters=("json",))
    out = tmp_path_factory.mktemp("dev")
    pipeline.finish([pipeline.process(Document(id=d["id"], text=d["text"])) for d in gold], out)
    return score(gold, json.loads((out / "graph.json").read_text(encoding="utf-8")))


@pytest.mark.parametrize("kind", ["entities", "relations"])
def test_dev_f1_at_or_above_floor(dev_report, kind):
    for scope, floor in FLOORS[kind].items():
        f1 = dev_report[kind].get(scope, {"f1": 0.0})["f1"]
        assert f1 >= floor, f"{kind} {scope}: F1 {f1:.3f} fell below the floor {floor}"
