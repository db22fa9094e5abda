"""``graph.json``: the contract of ``shared/eval/README.md``.

Usage::

    write(G, Path("outputs"))   # -> [Path("outputs/graph.json")]
"""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from pipeline.graph.build import entities_of, relations_of
from pipeline.runtime.atomic import write_text


# A document record's metadata (pipeline.graph.build.document_record).
DOCUMENT_FIELDS = ("lang", "title", "publisher", "published", "url", "dateline", "dates")


def to_contract(G: nx.MultiDiGraph) -> dict:
    entities = [
        {"id": e["id"], "type": e["type"], "label": e["label"], "aliases": e["aliases"], "documents": e["documents"],
         "labels": e.get("labels", {}), "key": e.get("key")}
        for e in entities_of(G)
    ]
    relations = []
    for r in relations_of(G):
        rel = {"head": r["head"], "type": r["type"], "tail": r["tail"], "documents": r["documents"],
               "domains": r["domains"], "confidence": round(r["confidence"], 3), "extractor": r["extractor"],
               "evidence": r["evidence"]}
        if r.get("negated") or r.get("hedged"):
            rel["negated"], rel["hedged"] = r["negated"], r["hedged"]
        for key in ("status", "start", "end", "attributed_to", "by_document"):  # a role's time, who states it
            if r.get(key):
                rel[key] = r[key]
        relations.append(rel)
    documents = [{"id": d, **{k: meta.get(k) for k in DOCUMENT_FIELDS}}
                 for d, meta in sorted(G.graph.get("documents", {}).items())]
    return {"entities": entities, "relations": relations, "documents": documents}


def write(G: nx.MultiDiGraph, out_dir: Path) -> list[Path]:
    text = json.dumps(to_contract(G), ensure_ascii=False, indent=1, sort_keys=False)
    return [write_text(out_dir / "graph.json", text + "\n")]
