"""``graph.html``: an interactive page of the graph drawn with pyvis.

Usage::

    write(G, Path("outputs"))   # -> [Path("outputs/graph.html")]
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx
from pyvis.network import Network

from pipeline.runtime.atomic import write_text


def write(G: nx.MultiDiGraph, out_dir: Path) -> list[Path]:
    net = Network(height="800px", width="100%", directed=True, cdn_resources="in_line")
    for node, attrs in sorted(G.nodes(data=True)):
        net.add_node(node, label=str(attrs.get("label", node)), title=f"{attrs.get('type')}: {attrs.get('label')}")
    for h, t, attrs in G.edges(data=True):
        net.add_edge(h, t, label=attrs["type"])
    return [write_text(out_dir / "graph.html", net.generate_html())]
