"""``graph.ttl``: the graph as RDF under the doc2kg ontology, built with rdflib.

Usage::

    write(G, Path("outputs"))   # -> [Path("outputs/graph.ttl")]
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import networkx as nx
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, SKOS

from pipeline.graph.build import entities_of, relations_of
from pipeline.runtime.atomic import write_bytes

D2K = Namespace("https://doc2kg.org/ontology#")
ID = Namespace("https://doc2kg.org/id/")
DOC = Namespace("https://doc2kg.org/doc/")


def entity_iri(entity_id: str) -> URIRef:
    return ID[quote(entity_id, safe="/")]


def to_rdf(G: nx.MultiDiGraph) -> Graph:
    g = Graph()
    g.bind("d2k", D2K)
    g.bind("id", ID)
    g.bind("skos", SKOS)
    for e in entities_of(G):
        s = entity_iri(e["id"])
        g.add((s, RDF.type, D2K[e["type"]]))
        g.add((s, SKOS.prefLabel, Literal(e["label"])))
        for alias in e["aliases"]:
            g.add((s, SKOS.altLabel, Literal(alias)))
    for r in relations_of(G):
        obj = Literal(r["tail"]) if r["type"] == "occurredOn" else entity_iri(r["tail"])
        g.add((entity_iri(r["head"]), D2K[r["type"]], obj))
    return g


def write(G: nx.MultiDiGraph, out_dir: Path) -> list[Path]:
    data = to_rdf(G).serialize(format="turtle", encoding="utf-8")
    return [write_bytes(out_dir / "graph.ttl", data)]
