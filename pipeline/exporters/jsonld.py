"""``graph.jsonld``: the union RDF graph as JSON-LD, compacted with ``ontology/context.jsonld``.

The same triples as ``graph.ttl`` (see :mod:`pipeline.exporters.rdf`). Node objects are
sorted by ``@id`` and value arrays by their JSON text (JSON-LD arrays are unordered sets
unless ``@list``), so the file is byte-identical across runs.

Usage::

    write(G, Path("outputs"))   # -> [Path("outputs/graph.jsonld")]
"""
from __future__ import annotations

import copy
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import networkx as nx

from rdflib import Graph

from pipeline.exporters.rdf import _bind, dataset_triples, union_triples
from pipeline.ontology_data import jsonld_context
from pipeline.runtime.atomic import atomic_write

SUBJECTS_PER_BATCH = 5000


def load_context() -> dict[str, Any]:
    """A copy of ``ontology/context.jsonld``'s ``@context`` (the caller's document holds it)."""
    return copy.deepcopy(jsonld_context())


def _canonical(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in sorted(value.items())}
    if isinstance(value, list):
        items = [_canonical(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    return value


def to_jsonld(G: nx.MultiDiGraph) -> dict[str, Any]:
    context = load_context()
    return {"@context": context, "@graph": [json.loads(text) for _, text in _node_texts(G, context)]}


def _node_texts(G: nx.MultiDiGraph, context: dict[str, Any]) -> list[tuple[str, str]]:
    """``(@id, JSON text)`` of every node, sorted by ``@id``.

    rdflib compacts the union a batch of subjects at a time (a node holds only its own
    subject's triples, so the batches compact as the whole would): the rdflib graph and
    JSON-LD tree in memory are those of one batch, and a node is kept as its text.
    """
    by_subject: dict = defaultdict(list)
    for t in union_triples(dataset_triples(G)):
        by_subject[t[0]].append(t)
    subjects = sorted(by_subject, key=str)
    out: list[tuple[str, str]] = []
    for start in range(0, len(subjects), SUBJECTS_PER_BATCH):
        g = Graph()
        _bind(g)
        g.addN((s, p, o, g) for subject in subjects[start:start + SUBJECTS_PER_BATCH] for s, p, o in by_subject[subject])
        data = json.loads(g.serialize(format="json-ld", context=context, auto_compact=True, ensure_ascii=False))
        nodes = data.get("@graph", [] if "@id" not in data else [{k: v for k, v in data.items() if k != "@context"}])
        for node in nodes:
            node = _canonical(node)
            out.append((node.get("@id", ""), json.dumps(node, ensure_ascii=False, indent=1)))
    out.sort(key=lambda item: item[0])
    return out


def write(G: nx.MultiDiGraph, out_dir: Path) -> list[Path]:
    """``json.dumps({"@context": ..., "@graph": nodes}, indent=1)``, written a node at a time."""
    context = load_context()
    nodes = _node_texts(G, context)
    head = json.dumps({"@context": context, "@graph": []}, ensure_ascii=False, indent=1)
    with atomic_write(out_dir / "graph.jsonld") as fh:
        if not nodes:
            fh.write(head + "\n")
            return [out_dir / "graph.jsonld"]
        fh.write(head[:-len("[]\n}")] + "[")
        for i, (_, text) in enumerate(nodes):
            fh.write(("\n  " if i == 0 else ",\n  ") + text.replace("\n", "\n  "))
        fh.write("\n ]\n}\n")
    return [out_dir / "graph.jsonld"]
