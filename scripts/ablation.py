"""Rules only against rules plus the trained layer, on gold sets: a Markdown table.

Runs the per-document stages twice per set (``Pipeline(learned=False)`` and ``True``: the
tagger's mentions and the classifier's relations), scores both graphs, and prints precision / recall / F1 overall, per
language and per relation type.

Usage::

    .venv/bin/python scripts/ablation.py ../shared/eval/dev.jsonl corpus/test/t1.jsonl
    .venv/bin/python scripts/ablation.py SET.jsonl --by-type
"""
from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from pipeline.evaluation.score import score
from pipeline.model import Document
from pipeline.runner import Pipeline


def _score(gold: list[dict], results, out: Path) -> dict:
    pipeline = Pipeline(exporters=("json",))
    pipeline.finish(results, out)
    return score(gold, json.loads((out / "graph.json").read_text(encoding="utf-8")))


def ablate(gold: list[dict], source: str, part: str = "relations") -> tuple[dict, dict]:
    scores = []
    for learned in (False, True):
        pipeline = Pipeline(exporters=("json",), learned=learned)
        results = [pipeline.process(Document(id=d["id"], text=d["text"], source=source)) for d in gold]
        with tempfile.TemporaryDirectory() as out:
            scores.append(_score(gold, results, Path(out))[part])
    return scores[0], scores[1]


def _cell(v: dict | None) -> str:
    return "–" if not v else f"{v['p']:.2f} / {v['r']:.2f} / **{v['f1']:.2f}**"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", type=Path, help="gold JSONL files, each scored as one set")
    parser.add_argument("--by-type", action="store_true", help="also one row per relation type")
    parser.add_argument("--entities", action="store_true", help="score entities instead of relations")
    args = parser.parse_args()
    print("| set | scope | rules only P / R / F1 | rules + trained P / R / F1 |")
    print("|---|---|---|---|")
    for path in args.gold:
        gold = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        base, full = ablate(gold, str(path), "entities" if args.entities else "relations")
        scopes = ["all", "lang:ar", "lang:fr", "lang:en"]
        if args.by_type:
            scopes += sorted(k for k in set(base) | set(full) if k.startswith("type:"))
        for scope in scopes:
            if scope in base or scope in full:
                print(f"| {path.stem} | {scope} | {_cell(base.get(scope))} | {_cell(full.get(scope))} |")


if __name__ == "__main__":
    main()
