"""``graph.graphml``: the NetworkX graph for Gephi, yEd and ``networkx.read_graphml``.

GraphML holds only scalar attributes, so lists and dicts (aliases, labels, domains,
evidence, the documents table) are written as JSON strings and ``None`` is left out.
Nodes and edges are written sorted, so the file is byte-identical across runs.

Usage::

    write(G, Path("outputs"))                        # -> [Path("outputs/graph.graphml")]
    H = nx.read_graphml("outputs/graph.graphml")     # json.loads(H.nodes[n]["aliases"])
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from pipeline.runtime.atomic import write_text


def _scalar(value: Any) -> Any:
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def _scalars(attrs: dict[str, Any]) -> dict[str, Any]:
    return {k: _scalar(v) for k, v in sorted(attrs.items()) if v is not None}


def to_scalar_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` with scalar attributes only, nodes and edges in sorted order."""
    H = nx.MultiDiGraph()
    H.graph.update(_scalars({k: v for k, v in G.graph.items() if k != "texts"}))  # the input's text, for the page only
    for node, attrs in sorted(G.nodes(data=True)):
        H.add_node(node, **_scalars(attrs))
    for head, tail, key, attrs in sorted(G.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2]))):
        H.add_edge(head, tail, key=key, **_scalars(attrs))
    return H


def write(G: nx.MultiDiGraph, out_dir: Path) -> list[Path]:
    text = "\n".join(nx.generate_graphml(to_scalar_graph(G), encoding="utf-8", prettyprint=True))
    return [write_text(out_dir / "graph.graphml", text + "\n")]
