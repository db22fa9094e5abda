"""The evaluation sets as regression tests: F1 may only stay at or above the floors."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.evaluation.score import score
from pipeline.model import Document
from pipeline.runner import Pipeline
from tests.conftest import ROOT

FLOORS = {k: v for k, v in json.loads((Path(__file__).parent / "floors.json").read_text(encoding="utf-8")).items()
          if not k.startswith("_")}


def _report(path: Path, out: Path) -> dict:
    gold = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    pipeline = Pipeline(exporters=("json",))
    pipeline.finish([pipeline.process(Document(id=d["id"], text=d["text"])) for d in gold], out)
    return score(gold, json.loads((out / "graph.json").read_text(encoding="utf-8")))


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_f1_at_or_above_floor(name, tmp_path):
    path = (ROOT / FLOORS[name]["path"]).resolve()
    if not path.exists():
        pytest.skip(f"evaluation set not found at {path}")
    report = _report(path, tmp_path)
    low = [f"{kind} {scope}: F1 {report[kind].get(scope, {'f1': 0.0})['f1']:.3f} < floor {floor}"
           for kind in ("entities", "relations") for scope, floor in FLOORS[name][kind].items()
           if report[kind].get(scope, {"f1": 0.0})["f1"] < floor]
    assert not low, f"{name}: " + "; ".join(low)
