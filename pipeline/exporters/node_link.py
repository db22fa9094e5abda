"""``graph.nodelink.json``: the NetworkX graph in node-link form, for NetworkX and D3 users.

Read it back with ``networkx.node_link_graph(json.load(fh), edges="edges")``; every
attribute of :mod:`pipeline.graph.build` is kept as is (lists, dicts, the documents
table in ``graph``), except the documents' texts. Nodes and edges are sorted for byte-identical output.

Usage::

    write(G, Path("outputs"))   # -> [Path("outputs/graph.nodelink.json")]
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from pipeline.runtime.atomic import write_text


def to_node_link(G: nx.MultiDiGraph) -> dict[str, Any]:
    data = nx.node_link_data(G, edges="edges")
    data["graph"] = {k: v for k, v in data["graph"].items() if k != "texts"}  # the input's text, for the page only
    data["nodes"] = sorted(data["nodes"], key=lambda n: n["id"])
    data["edges"] = sorted(data["edges"], key=lambda e: (e["source"], e["target"], str(e.get("key"))))
    return data


def write(G: nx.MultiDiGraph, out_dir: Path) -> list[Path]:
    text = json.dumps(to_node_link(G), ensure_ascii=False, indent=1, sort_keys=True)
    return [write_text(out_dir / "graph.nodelink.json", text + "\n")]
