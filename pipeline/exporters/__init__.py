"""Exporters, registered by name and imported only when used (the rdflib plugin way).

Each exporter is ``write(G, out_dir) -> list[Path]``: it writes its files atomically
into ``out_dir`` from the NetworkX graph of :mod:`pipeline.graph.build`.

Usage::

    from pipeline.exporters import get_exporter
    get_exporter("json")(G, Path("outputs"))
"""
from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

import networkx as nx

Exporter = Callable[[nx.MultiDiGraph, Path], list[Path]]

EXPORTERS: dict[str, str] = {
    "json": "pipeline.exporters.graph_json:write",
    "rdf": "pipeline.exporters.rdf:write",  # graph.ttl + graph.trig + graph.nq
    "ttl": "pipeline.exporters.rdf:write_turtle",
    "trig": "pipeline.exporters.rdf:write_trig",
    "nq": "pipeline.exporters.rdf:write_nquads",
    "jsonld": "pipeline.exporters.jsonld:write",
    "graphml": "pipeline.exporters.graphml:write",
    "nodelink": "pipeline.exporters.node_link:write",
    "html": "pipeline.exporters.html:write",
    "store": "pipeline.store.oxigraph_store:write",  # OUT/store, the embedded SPARQL store
}
DEFAULT = ("json", "rdf", "jsonld", "graphml", "nodelink", "html", "store")


def get_exporter(name: str) -> Exporter:
    try:
        module, attr = EXPORTERS[name].split(":")
    except KeyError:
        raise KeyError(f"unknown exporter {name!r}; known: {', '.join(sorted(EXPORTERS))}") from None
    return getattr(importlib.import_module(module), attr)
