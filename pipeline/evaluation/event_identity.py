"""B-cubed precision and recall of event identity across documents.

Each gold Event of each document (a *report* of an event) is one item; its gold cluster
is every item with the same ``event_key`` (the same real event, in any document), its
predicted cluster every item matched to the same predicted entity. Gold events are matched
to the predicted Event entities that list their document as :func:`.score.match_entities`
matches entities (greedy, one-to-one, by shared normalized names); an item no predicted
entity matches is a cluster of its own (it costs recall, never precision).

B-cubed (Bagga and Baldwin 1998): per item, precision is the share of its predicted
cluster that is in its gold cluster, recall the share of its gold cluster that is in its
predicted cluster; both are averaged over items.

Usage::

    report = event_identity(gold_docs, graph)      # graph: the parsed graph.json
    report["precision"], report["recall"], report["matched"], report["items"]
"""
from __future__ import annotations

from collections import defaultdict

from pipeline.evaluation.score import match_entities


def _events(doc: dict) -> list[dict]:
    return [e for e in doc.get("entities", []) if e.get("type") == "Event" and e.get("event_key")]


def event_identity(gold_docs: list[dict], graph: dict) -> dict:
    """B-cubed of event identity: ``precision``, ``recall``, ``f1``, ``items`` (gold
    event reports), ``matched`` (those a predicted entity matched) and ``clusters``: per
    gold ``event_key``, the predicted entity each of its reports went to."""
    events = [e for e in graph.get("entities", []) if isinstance(e, dict) and e.get("type") == "Event"]
    gold_of: dict[tuple[str, str], str] = {}
    pred_of: dict[tuple[str, str], str] = {}
    for doc in gold_docs:
        gold = _events(doc)
        if not gold:
            continue
        did = doc["id"]
        mapping = match_entities(gold, [e for e in events if did in e.get("documents", [])], typed=True)
        by_gold = {g: p for p, g in mapping.items()}
        for g in gold:
            item = (did, g["id"])
            gold_of[item] = g["event_key"]
            pred_of[item] = by_gold.get(g["id"], f"unmatched:{did}:{g['id']}")
    gold_clusters: dict[str, set] = defaultdict(set)
    pred_clusters: dict[str, set] = defaultdict(set)
    for item in gold_of:
        gold_clusters[gold_of[item]].add(item)
        pred_clusters[pred_of[item]].add(item)
    p_sum = r_sum = 0.0
    for item in gold_of:
        both = len(gold_clusters[gold_of[item]] & pred_clusters[pred_of[item]])
        p_sum += both / len(pred_clusters[pred_of[item]])
        r_sum += both / len(gold_clusters[gold_of[item]])
    n = len(gold_of)
    p, r = (p_sum / n, r_sum / n) if n else (0.0, 0.0)
    return {
        "precision": round(p, 4), "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "items": n,
        "matched": sum(1 for v in pred_of.values() if not v.startswith("unmatched:")),
        "clusters": {key: sorted(f"{d}:{g} -> {pred_of[(d, g)]}" for d, g in items)
                     for key, items in sorted(gold_clusters.items())},
    }
