"""Cross-document entity identity: B-cubed precision and recall of resolution.

Gold documents run as ONE corpus give one ``graph.json``; per document its gold entities
are matched to the predicted entities listing the document, by shared normalized names
(:func:`pipeline.evaluation.score.match_entities`, untyped: identity, not typing, is
scored here). Each match is an *item* (document, gold entity, predicted entity):

- the one-to-one matching of :mod:`.score` gives the first items;
- a gold entity it left unmatched whose names a matched predicted entity also carries
  is an item of that entity (two gold entities of one document merged into one);
- a predicted entity it left unmatched that carries names of a gold entity is an item of
  the gold entity it shares most names with (one gold entity split in one document).

Gold clusters are the items with the same gold ``type`` and canonical ``name``
(:func:`gold_clusters`: annotators of different sets name one entity a little
differently, so the name is normalized, an acronym in parentheses dropped, and two names
are one when one is the other's only qualified form or is given as an alias of only the
other); predicted clusters are the items with the same predicted entity id. B-cubed precision
is the mean, over items, of the share of the item's predicted cluster that is in its gold
cluster; recall the mean share of its gold cluster that is in its predicted cluster. A
wrong merge is a predicted cluster over several gold clusters, a split a gold cluster over
several predicted clusters; each is listed with the names and documents involved, the
worst (most item pairs wrongly joined or kept apart) first. Gold entities no predicted
entity matches are extraction misses, counted (``unmatched``) but not items.

Usage::

    report = score_identity(gold_docs, graph)    # graph: the parsed graph.json
    report["p"], report["r"], report["merges"][0]
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from pipeline.evaluation.score import match_entities, names, norm


@dataclass(frozen=True, slots=True)
class Item:
    """One gold entity of one document as a predicted entity stands for it."""

    document: str
    gold_id: str
    gold: tuple[str, str]  # (type, canonical name) of the gold cluster (:func:`gold_clusters`)
    predicted: str  # predicted entity id: the predicted cluster


_PAREN = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*$")
_FUNCTION_WORDS = frozenset({"of", "for", "the", "de", "du", "des", "la", "le", "les", "l"})


def _words(text: str) -> str:
    return " ".join(w for w in norm(text).split() if w not in _FUNCTION_WORDS)


def name_parts(entity: dict) -> tuple[str, tuple[str, ...]]:
    """A gold entity's canonical name as (base, qualifiers): normalized, function words
    out, the parts in parentheses kept as qualifiers unless they are acronyms or aliases
    of the entity (General Directorate of National Security (DGSN, Morocco) -> base
    "general directorate national security", qualifiers ("morocco",))."""
    name = str(entity.get("name", ""))
    aliases = {norm(a) for a in entity.get("aliases", []) if isinstance(a, str)}
    m = _PAREN.match(name)
    if not m:
        return _words(name), ()
    qualifiers = []
    for part in m.group(2).split(","):
        part = part.strip()
        if not part or (part.isupper() and " " not in part) or norm(part) in aliases:
            continue
        qualifiers.append(_words(part))
    return _words(m.group(1)), tuple(sorted(q for q in qualifiers if q))


def gold_key(entity: dict) -> tuple[str, str]:
    base, qualifiers = name_parts(entity)
    return (str(entity.get("type", "")), base + "".join(f" ({q})" for q in qualifiers))


def gold_clusters(gold_docs: list[dict]) -> dict[tuple[str, str], tuple[str, str]]:
    """Gold key -> the key of its cluster. Keys of one type are one cluster when equal,
    when one is the unqualified base of the only qualified key built on it (General
    Directorate of National Security / ... (Morocco), unless an Algerian one is there
    too), or when one key's name is an alias of entities of exactly one other key (AFP,
    named so by one annotator, an alias of Agence France-Presse by another)."""
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(k):
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(a, b):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    qualified: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    alias_of: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for doc in gold_docs:
        for g in doc["entities"]:
            key = gold_key(g)
            parent.setdefault(key, key)
            base, qualifiers = name_parts(g)
            if qualifiers:
                qualified[(key[0], base)].add(key)
            for alias in g.get("aliases", []):
                if isinstance(alias, str):
                    alias_of[(key[0], _words(alias))].add(key)
    for (typ, base), keys in qualified.items():
        if len(keys) == 1 and (typ, base) in parent:
            union((typ, base), next(iter(keys)))
    for key in list(parent):
        others = alias_of.get(key, set()) - {key}
        if len(others) == 1:
            union(key, others.pop())
    return {k: find(k) for k in parent}


def identity_items(gold_docs: list[dict], graph: dict) -> tuple[list[Item], int]:
    """The items of every document, and the number of gold entities no prediction matched."""
    ents = [e for e in graph.get("entities", []) if isinstance(e, dict) and "id" in e]
    by_document: dict[str, list[dict]] = defaultdict(list)
    for e in ents:
        for d in e.get("documents", []):
            by_document[d].append(e)
    cluster = gold_clusters(gold_docs)

    def key(g: dict) -> tuple[str, str]:
        return cluster[gold_key(g)]

    items: list[Item] = []
    unmatched = 0
    for doc in gold_docs:
        did = doc["id"]
        pred = by_document.get(did, [])
        gold = [g for g in doc["entities"] if isinstance(g, dict) and "id" in g]
        mapping = match_entities(gold, pred, typed=False)
        gold_by_id = {g["id"]: g for g in gold}
        gold_names = {g["id"]: names(g) for g in gold}
        pred_names = {p["id"]: names(p) for p in pred}
        for pid, gid in mapping.items():
            items.append(Item(did, gid, key(gold_by_id[gid]), pid))
        matched_gold = set(mapping.values())
        for g in gold:  # a gold entity whose names a matched prediction carries: merged into it
            if g["id"] in matched_gold:
                continue
            overlap = sorted(((len(gold_names[g["id"]] & pred_names[pid]), pid) for pid in mapping), key=lambda x: (-x[0], x[1]))
            if overlap and overlap[0][0]:
                items.append(Item(did, g["id"], key(g), overlap[0][1]))
            else:
                unmatched += 1
        for p in pred:  # a prediction left over that names a gold entity: that entity split
            if p["id"] in mapping:
                continue
            overlap = sorted(((len(gold_names[g["id"]] & pred_names[p["id"]]), g["id"]) for g in gold),
                             key=lambda x: (-x[0], x[1]))
            if overlap and overlap[0][0]:
                gid = overlap[0][1]
                items.append(Item(did, gid, key(gold_by_id[gid]), p["id"]))
    return items, unmatched


def bcubed(items: list[Item]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of the predicted clusters against the gold ones."""
    if not items:
        return 0.0, 0.0, 0.0
    by_pred = Counter(i.predicted for i in items)
    by_gold = Counter(i.gold for i in items)
    both = Counter((i.predicted, i.gold) for i in items)
    p = sum(both[(i.predicted, i.gold)] / by_pred[i.predicted] for i in items) / len(items)
    r = sum(both[(i.predicted, i.gold)] / by_gold[i.gold] for i in items) / len(items)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _pairs(counts: Counter) -> int:
    """Item pairs across the parts of a cluster (each part's items against the others')."""
    total = sum(counts.values())
    return (total * total - sum(c * c for c in counts.values())) // 2


def score_identity(gold_docs: list[dict], graph: dict) -> dict:
    """B-cubed P/R/F1 with the wrong merges and splits, worst first."""
    items, unmatched = identity_items(gold_docs, graph)
    p, r, f = bcubed(items)
    labels = {e["id"]: str(e.get("label", e["id"])) for e in graph.get("entities", []) if isinstance(e, dict) and "id" in e}
    cluster = gold_clusters(gold_docs)
    gold_names: dict[tuple[str, str], str] = {}
    for doc in gold_docs:
        for g in doc["entities"]:
            gold_names.setdefault(cluster[gold_key(g)], str(g.get("name", "")))
    by_pred: dict[str, list[Item]] = defaultdict(list)
    by_gold: dict[tuple[str, str], list[Item]] = defaultdict(list)
    for i in items:
        by_pred[i.predicted].append(i)
        by_gold[i.gold].append(i)

    def parts(members: list[Item], key) -> list[dict]:
        grouped: dict = defaultdict(list)
        for i in members:
            grouped[key(i)].append(i)
        return sorted(({"name": name, "items": len(its), "documents": sorted({i.document for i in its})}
                       for name, its in grouped.items()), key=lambda x: (-x["items"], x["name"]))

    merges = []
    for pid, members in by_pred.items():
        counts = Counter(i.gold for i in members)
        if len(counts) > 1:
            merges.append({"entity": pid, "label": labels.get(pid, pid), "pairs": _pairs(counts),
                           "gold": parts(members, lambda i: f"{gold_names[i.gold]} ({i.gold[0]})")})
    splits = []
    for gk, members in by_gold.items():
        counts = Counter(i.predicted for i in members)
        if len(counts) > 1:
            splits.append({"gold": f"{gold_names[gk]} ({gk[0]})", "pairs": _pairs(counts),
                           "entities": parts(members, lambda i: f"{labels.get(i.predicted, i.predicted)} [{i.predicted}]")})
    merges.sort(key=lambda m: (-m["pairs"], m["label"]))
    splits.sort(key=lambda s: (-s["pairs"], s["gold"]))
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "items": len(items),
            "gold_clusters": len(by_gold), "predicted_clusters": len(by_pred), "unmatched": unmatched,
            "merges": merges, "splits": splits}

