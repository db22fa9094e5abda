"""Does a trained model generalize across authors? Train it on some files of corpus/train, score
rules only against rules + that model on the others, then the other way round: a Markdown table.

Each document is parsed and run through the rules once (``--cache DIR`` keeps that, per file,
for the next run: the rules' output, so clear it when the rules change); the model is trained
on one side's documents with :func:`pipeline.learned.training.fit` (its out-of-fold operating
point as ``make train`` chooses it) and its relations are added to the other side's rule
relations as the run adds them. Both graphs are resolved and scored as ``doc2kg eval`` does.
The ``added`` row is the precision of what the model adds: the change in true positives over
the change in predicted relations.

``--ceiling`` measures what any operating point could give, whatever the threshold: a model of
every type is trained on one side (no precision floor), the other side's candidates the rules
did not already find are ranked by its probability (one per relation it would add, labelled as
the training labels are), and the precision of the K most probable is printed per type, with
the best K of a language's own ranking. Where even the first 10 or 20 of the ranking on unseen
authors are under the floor, no threshold ships anything there.

Usage::

    .venv/bin/python scripts/cross_authors.py --split a1 a3 a4 f1 e1 [--model frames] [--by-type]
    .venv/bin/python scripts/cross_authors.py --split a1 a3 a4 f1 e1 --cache /tmp/learn-cache
    .venv/bin/python scripts/cross_authors.py --split a1 a2 e1 f1 --model relations --ceiling
"""
from __future__ import annotations

import argparse
import json
import pickle
import sys
import tempfile
from pathlib import Path

from pipeline.evaluation.score import score
from pipeline.learned.classifier import RelationModel, learned_relations
from pipeline.learned.event_frames import ROLES, frame_examples, frame_relations
from pipeline.learned.fitting import MIN_PRECISION, read_gold
from pipeline.learned.training import _parse, examples_of, fit, scorer_alignment
from pipeline.model import DocumentResult
from pipeline.runner import Pipeline

CORPUS = Path("corpus/train")
MODELS = {
    # name -> (training examples of a gold document, relation types, relations the model adds)
    "frames": (frame_examples, ROLES, frame_relations),
    "relations": (examples_of, None, learned_relations),
}


def parsed_file(stem: str, cache: Path | None) -> list[tuple[dict, tuple]]:
    """The gold documents of corpus/train/STEM.jsonl with the rules' output for each."""
    path = CORPUS / f"{stem}.jsonl"
    gold = read_gold([path])
    stored = cache / f"{stem}.pkl" if cache else None
    if stored is not None and stored.exists():
        return list(zip(gold, pickle.loads(stored.read_bytes())))
    parsed = [_parse(g["text"], g["id"]) for g in gold]
    for (_, document, _, _), g in zip(parsed, gold):
        document.source = str(path)
    if stored is not None:
        stored.parent.mkdir(parents=True, exist_ok=True)
        stored.write_bytes(pickle.dumps(parsed))
    return list(zip(gold, parsed))


def side_examples(model_name: str, side: list[tuple[dict, tuple]]) -> list:
    """The training examples of ``side``, labelled through the scorer's alignment over it."""
    examples = MODELS[model_name][0]
    aligned = scorer_alignment([g for g, _ in side], [p for _, p in side])
    return [e for (g, p), a in zip(side, aligned) for e in examples(g, p, a)]


def train(model_name: str, side: list[tuple[dict, tuple]], min_precision: float = MIN_PRECISION
          ) -> tuple[RelationModel, dict]:
    types = MODELS[model_name][1]
    rows = side_examples(model_name, side)
    data = fit(rows, types, min_precision) if types else fit(rows, min_precision=min_precision)
    return RelationModel.load_dict(data), data["meta"]["report"]


CEILING_K = (10, 20, 40, 80)


def ceiling(model: RelationModel, rows: list) -> dict[str, dict[str, tuple[int, int]]]:
    """Per type (and per type and language): (true, taken) among the K most probable new
    relations of ``rows`` (examples of the scored side), for each K of :data:`CEILING_K`."""
    found = {(e.doc, e.key) for e in rows if e.by_rule and e.label}
    best: dict[tuple[str, str, tuple], tuple[float, int]] = {}
    for e in rows:
        typed = model.types.get(e.type)
        if typed is None or e.by_rule or (e.doc, e.key) in found:
            continue
        p = typed.probability(e.features)
        k = (e.type, e.doc, e.key)
        if k not in best or p > best[k][0]:
            best[k] = (p, e.label)
    ranked: dict[str, list[tuple[float, int]]] = {}
    for (rtype, doc, _), (p, y) in best.items():
        lang = doc.split("-")[1] if doc.count("-") >= 3 else "?"
        for scope in (rtype, f"{rtype} {lang}"):
            ranked.setdefault(scope, []).append((p, y))
    out = {}
    for scope, items in sorted(ranked.items()):
        items.sort(key=lambda x: -x[0])
        out[scope] = {f"top{k}": (sum(y for _, y in items[:k]), min(k, len(items))) for k in CEILING_K}
        out[scope]["positives"] = (sum(y for _, y in items), len(items))
    return out


def evaluate(side: list[tuple[dict, tuple]], model_name: str, model: RelationModel | None) -> dict:
    """The relation scores of the run over ``side``: rules only (``model`` None) or with it."""
    add = MODELS[model_name][2]
    results = []
    for _, (doc, document, mentions, relations) in side:
        extra = add(doc, document, mentions, relations, model=model) if model and model.types else []
        results.append(DocumentResult(document=document, mentions=mentions, relations=relations + extra))
    with tempfile.TemporaryDirectory() as out:
        Pipeline(exporters=("json",)).finish(results, Path(out))
        graph = json.loads((Path(out) / "graph.json").read_text(encoding="utf-8"))
    return score([g for g, _ in side], graph)["relations"]


def _cell(v: dict | None) -> str:
    return "–" if not v else f"{v['p']:.3f} / {v['r']:.3f} / **{v['f1']:.3f}** ({v['tp']},{v['fp']},{v['fn']})"


def _added(base: dict | None, full: dict | None) -> str:
    if not base or not full:
        return "–"
    tp = full["tp"] - base["tp"]
    predicted = full["tp"] + full["fp"] - base["tp"] - base["fp"]
    return f"+{predicted} at P {tp / predicted:.2f}" if predicted else "+0"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", nargs="+", required=True, help="file stems of corpus/train on one side")
    parser.add_argument("--model", choices=sorted(MODELS), default="frames")
    parser.add_argument("--by-type", action="store_true", help="also one row per relation type")
    parser.add_argument("--cache", type=Path, help="keep the rules' output per file here")
    parser.add_argument("--ceiling", action="store_true",
                        help="the precision of the K most probable new relations on the other side, any threshold")
    args = parser.parse_args(argv)
    stems = sorted(p.stem for p in CORPUS.glob("*.jsonl"))
    one = sorted(args.split)
    other = [s for s in stems if s not in one]
    parsed = {s: parsed_file(s, args.cache) for s in stems}
    if args.ceiling:
        tops = " | ".join(f"top {k}" for k in CEILING_K)
        print(f"| trained on | scored on | type | {tops} | new positives / new |")
        print("|---|---|---|" + "---|" * (len(CEILING_K) + 1))
        for train_on, score_on in ((one, other), (other, one)):
            model, _ = train(args.model, [x for s in train_on for x in parsed[s]], min_precision=0.0)
            rows = side_examples(args.model, [x for s in score_on for x in parsed[s]])
            for scope, row in ceiling(model, rows).items():
                cells = " | ".join(f"{t}/{n}" + (f" ({t / n:.2f})" if n else "") for t, n in row.values())
                print(f"| {' '.join(train_on)} | {' '.join(score_on)} | {scope} | {cells} |")
        return 0
    print("| trained on | scored on | scope | rules only P / R / F1 (tp,fp,fn) | rules + model | added |")
    print("|---|---|---|---|---|---|")
    for train_on, score_on in ((one, other), (other, one)):
        model, report = train(args.model, [x for s in train_on for x in parsed[s]])
        for rtype, row in report.items():
            print(f"<!-- {'+'.join(train_on)} {rtype}: {json.dumps(row)} -->", file=sys.stderr)
        side = [x for s in score_on for x in parsed[s]]
        base, full = evaluate(side, args.model, None), evaluate(side, args.model, model)
        scopes = ["all", "lang:ar", "lang:fr", "lang:en"]
        if args.by_type:
            scopes += sorted(k for k in set(base) | set(full) if k.startswith("type:"))
        for scope in scopes:
            if scope in base or scope in full:
                print(f"| {' '.join(train_on)} | {' '.join(score_on)} | {scope} | {_cell(base.get(scope))} | "
                      f"{_cell(full.get(scope))} | {_added(base.get(scope), full.get(scope))} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
