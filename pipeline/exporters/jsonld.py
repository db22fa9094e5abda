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
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from rdflib import BNode, Graph, URIRef
from rdflib.namespace import RDF
from rdflib.plugins.serializers.jsonld import from_rdf

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
    if isinstance(value, str):  # rdflib's converter leaves some terms as they are (a URIRef, a Literal)
        return str(value)
    return value


def to_jsonld(G: nx.MultiDiGraph) -> dict[str, Any]:
    context = load_context()
    return {"@context": context, "@graph": [json.loads(text) for _, text in _node_texts(G, context)]}


class TriplesView:
    """What rdflib's JSON-LD converter reads of a graph, from plain triples: each subject's
    predicate-objects in the order given (the order rdflib's memory store keeps), ``value``
    and ``subjects``. The converter then compacts without a store to build (the cost of
    ``Graph.addN`` and its lookups, about half the exporter's time). Plain IRIs and literals
    only: :func:`TriplesView.covers` says when the rdflib ``Graph`` is needed (blank nodes,
    RDF lists)."""

    context_aware = False
    identifier = None  # a plain graph: no named graph in the output

    def __init__(self, by_subject: dict, subjects: list) -> None:
        self._pairs = {s: [(p, o) for _, p, o in by_subject[s]] for s in subjects}
        self._predicates = {p for pairs in self._pairs.values() for p, _ in pairs}

    @staticmethod
    def covers(triples: Iterable[tuple]) -> bool:
        return all(type(s) is URIRef and p != RDF.first and type(o) is not BNode for s, p, o in triples)

    def subjects(self, predicate=None, object=None):
        if predicate is None and object is None:
            return iter(self._pairs)
        return (s for s, pairs in self._pairs.items() for p, o in pairs
                if (predicate is None or p == predicate) and (object is None or o == object))

    def predicate_objects(self, subject):
        return iter(self._pairs.get(subject, ()))

    def value(self, subject=None, predicate=None, object=None, default=None, any=True):
        if subject is None or predicate is None or object is not None:
            raise NotImplementedError("value(subject, predicate) only")
        if predicate not in self._predicates:  # the converter's rdf:first test on every IRI object
            return default
        for p, o in self._pairs.get(subject, ()):
            if p == predicate:
                return o
        return default


def _compacted(by_subject: dict, subjects: list, context: dict[str, Any]) -> Any:
    """rdflib's JSON-LD of these subjects' triples as Python data: ``json.loads`` of
    ``Graph.serialize(format="json-ld", context=context, auto_compact=True)``."""
    if TriplesView.covers(t for subject in subjects for t in by_subject[subject]):
        # Graph.serialize's own call (rdflib passes use_native_types as a one-element tuple)
        return from_rdf(TriplesView(by_subject, subjects), context, None, (False,), False, auto_compact=True)
    return _serialized(by_subject, subjects, context)


def _serialized(by_subject: dict, subjects: list, context: dict[str, Any]) -> Any:
    """``json.loads`` of rdflib's JSON-LD text of these subjects' triples (an rdflib ``Graph``)."""
    g = Graph()
    _bind(g)
    g.addN((s, p, o, g) for subject in subjects for s, p, o in by_subject[subject])
    return json.loads(g.serialize(format="json-ld", context=context, auto_compact=True, ensure_ascii=False))


def _node_texts(G: nx.MultiDiGraph, context: dict[str, Any]) -> list[tuple[str, str]]:
    """``(@id, JSON text)`` of every node, sorted by ``@id``.

    rdflib compacts the union a batch of subjects at a time (a node holds only its own
    subject's triples, so the batches compact as the whole would): the JSON-LD tree in
    memory is that of one batch, and a node is kept as its text. The tree is rdflib's
    converter's output itself, not its JSON text read back (the same values: strings,
    numbers, booleans), unless a text cannot be written in UTF-8 (a lone surrogate, which
    rdflib's text had replaced): then that batch takes the round trip.
    """
    by_subject: dict = defaultdict(list)
    for t in union_triples(dataset_triples(G)):
        by_subject[t[0]].append(t)
    subjects = sorted(by_subject, key=str)
    out: list[tuple[str, str]] = []
    for start in range(0, len(subjects), SUBJECTS_PER_BATCH):
        batch = subjects[start:start + SUBJECTS_PER_BATCH]
        texts = _batch_texts(_compacted(by_subject, batch, context))
        try:
            "".join(text for _, text in texts).encode("utf-8")
        except UnicodeEncodeError:
            texts = _batch_texts(_serialized(by_subject, batch, context))
        out.extend(texts)
    out.sort(key=lambda item: item[0])
    return out


def _batch_texts(data: Any) -> list[tuple[str, str]]:
    nodes = data.get("@graph", [] if "@id" not in data else [{k: v for k, v in data.items() if k != "@context"}])
    out = []
    for node in nodes:
        node = _canonical(node)
        out.append((node.get("@id", ""), json.dumps(node, ensure_ascii=False, indent=1)))
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
