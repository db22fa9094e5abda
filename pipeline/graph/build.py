"""Graph stage: resolved entities and relations as a NetworkX ``MultiDiGraph``.

Nodes are entity ids with the :class:`~pipeline.model.Entity` fields as attributes
(``kind="entity"``). Each relation is an edge keyed by its type, with ``domains``,
``confidence``, ``extractor``, ``evidence`` (list of dicts) and ``documents``. A literal
relation (``occurredOn``) points to a ``kind="literal"`` node whose id is
``literal:<value>``. ``G.graph["documents"]`` maps document ids to their metadata
(:func:`document_record`: title, outlet, publication date, URL, dateline, dates) and
``G.graph["texts"]`` to their text (for the page's document view; the data exporters leave
it out, the text is the input's).

Usage::

    G = build_graph(entities, relations, documents)
    G.nodes["country/MA"]["label"]      # 'Morocco'
"""
from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from pipeline.model import SYMMETRIC_RELATIONS, Document, Entity, Relation

LITERAL_PREFIX = "literal:"


def build_graph(entities: Iterable[Entity], relations: Iterable[Relation], documents: Iterable[Document] = ()) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    G.graph["documents"] = {
        d.id: {"source": d.source, "lang": d.lang, "content_hash": d.content_hash, "encoding": d.encoding,
               **document_record(d)}
        for d in sorted(documents, key=lambda d: d.id)
    }
    G.graph["texts"] = {d.id: d.text for d in sorted(documents, key=lambda d: d.id)}
    for e in entities:
        G.add_node(e.id, kind="entity", **{k: v for k, v in e.to_dict().items() if k != "id"})
    for r in relations:
        tail = r.tail
        if r.literal:
            tail = LITERAL_PREFIX + r.tail
            G.add_node(tail, kind="literal", label=r.tail, type="Date")
        evidence = [ev.to_dict() for ev in r.evidence]
        G.add_edge(
            r.head, tail, key=r.type, type=r.type, symmetric=r.type in SYMMETRIC_RELATIONS,
            domains=list(r.domains), confidence=r.confidence, extractor=r.extractor, evidence=evidence,
            documents=sorted({ev["document"] for ev in evidence}), negated=r.negated, hedged=r.hedged,
            status=r.status, start=r.start, end=r.end, attributed_to=r.attributed_to,
            by_document=r.by_document or None,
        )
    return G


def document_record(d: Document) -> dict:
    """A document's metadata as the outputs show it (graph.json, report.json, RDF):
    ``publisher`` is the outlet (the input's, else the dateline's)."""
    return {"title": d.title, "publisher": d.outlet or d.publisher, "published": d.published, "url": d.url,
            "dateline": d.dateline, "dates": [x.to_dict() for x in d.dates]}


def entities_of(G: nx.MultiDiGraph) -> list[dict]:
    """Entity nodes as dicts with their id, sorted by id."""
    return [dict(id=n, **a) for n, a in sorted(G.nodes(data=True)) if a.get("kind") == "entity"]


def relations_of(G: nx.MultiDiGraph) -> list[dict]:
    """Edges as dicts ``head, type, tail, ...``; literal tails as their value; sorted."""
    out = []
    for h, t, a in G.edges(data=True):
        tail = G.nodes[t]["label"] if G.nodes[t].get("kind") == "literal" else t
        out.append(dict(head=h, tail=tail, **a))
    return sorted(out, key=lambda r: (r["head"], r["type"], r["tail"]))
