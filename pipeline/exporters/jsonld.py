"""``graph.jsonld``: the union RDF graph as JSON-LD, compacted with ``ontology/context.jsonld``.

The same triples as ``graph.ttl`` (see :mod:`pipeline.exporters.rdf`). Node objects are
sorted by ``@id`` and value arrays by their JSON text (JSON-LD arrays are unordered sets
unless ``@list``), so the file is byte-identical across runs.

Usage::

    write(G, Path("outputs"))   # -> [Path("outputs/graph.jsonld")]
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from pipeline.exporters.rdf import to_rdf
from pipeline.runtime.atomic import write_text

CONTEXT_PATH = Path(__file__).resolve().parents[2] / "ontology" / "context.jsonld"


def load_context() -> dict[str, Any]:
    return json.loads(CONTEXT_PATH.read_text(encoding="utf-8"))["@context"]


def _canonical(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in sorted(value.items())}
    if isinstance(value, list):
        items = [_canonical(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    return value


def to_jsonld(G: nx.MultiDiGraph) -> dict[str, Any]:
    context = load_context()
    text = to_rdf(G).serialize(format="json-ld", context=context, auto_compact=True, ensure_ascii=False)
    data = json.loads(text)
    nodes = data.get("@graph", [] if "@id" not in data else [{k: v for k, v in data.items() if k != "@context"}])
    nodes = sorted((_canonical(n) for n in nodes), key=lambda n: n.get("@id", ""))
    return {"@context": context, "@graph": nodes}


def write(G: nx.MultiDiGraph, out_dir: Path) -> list[Path]:
    text = json.dumps(to_jsonld(G), ensure_ascii=False, indent=1)
    return [write_text(out_dir / "graph.jsonld", text + "\n")]
