"""``graph.html``: one self-contained, offline, interactive page of the graph.

Reads the graph of :mod:`pipeline.graph.build` and writes a single HTML file with
vis-network (from the installed pyvis package), our page script and styles, and the graph
data all inline; nothing is fetched when it opens (a Content-Security-Policy forbids
it). Nodes are coloured and shaped by type (``html_page/palette.json``) and sized by
PageRank; edges are labelled by relation type, symmetric ones without arrows. The page
searches names in any script (with the Arabic/Latin folding of
:mod:`pipeline.language.normalize` and the consonant skeletons of
:mod:`pipeline.language.transliterate`, both shipped to the page as data) and says how each
result matched, filters by entity type, relation type, document and number of links without
moving a node, shows a node's or an edge's facts with every evidence sentence in a details
panel (a role's status and dates once per fact, and per document only where one says otherwise;
the source that states it, the outlet when none is named, and the report date), opens a document's text with its mentions highlighted (from the entities' ``spans``
and ``G.graph["texts"]``, up to ``MAX_PAGE_TEXT`` characters) and exports what is shown as
PNG and CSV.

Untrusted text (labels, aliases, titles, evidence) only ever reaches the page as JSON
in a non-executed ``<script type="application/json">`` block with ``<``, ``>`` and
``&`` escaped, and the page script only inserts it with ``textContent``.

Small graphs are laid out by vis-network physics, which stops once stabilized; above
``PHYSICS_LIMIT`` nodes the positions come from :func:`grouped_layout` and physics is off.

Usage::

    write(G, Path("outputs"))   # -> [Path("outputs/graph.html")]
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from pipeline.exporters.html_layout import grouped_layout, simple_undirected
from pipeline.language import normalize as arabic_fold
from pipeline.language import transliterate
from pipeline.model import OUTLET
from pipeline.runtime.atomic import write_text

PHYSICS_LIMIT = 1000
MAX_TEXT = 400
MAX_EVIDENCE_TEXT = 2000  # an evidence sentence; every evidence of a fact is kept
MAX_TITLE = 300
MAX_LABEL = 40
MAX_PAGE_TEXT = 4_000_000  # characters of document text the page carries for its document view
TOP_LABELS = 12  # nodes (by degree among those shown) whose label stays readable at the fitted zoom

PAGE = Path(__file__).with_name("html_page")
VIS = resources.files("pyvis") / "lib" / "vis-9.1.2"


def _asset(name: str) -> str:
    return (PAGE / name).read_text(encoding="utf-8")


def _clip(text: Any, limit: int = MAX_TEXT) -> str:
    text = "" if text is None else str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _fold_table() -> dict:
    """The normalization tables of :mod:`pipeline.language.normalize`, for the page's search."""
    return {"drop": "".join(sorted(arabic_fold._DROP)), "map": dict(sorted(arabic_fold._MAP.items()))}


def _translit_table() -> dict:
    """The consonant-skeleton tables of :mod:`pipeline.language.transliterate`, so that a
    Latin query (Hammouchi) finds a name written only in Arabic (حموشي) and back."""
    t = transliterate.load_tables()
    return {"arabic": t.arabic, "latin_special": t.latin_special, "latin_sequences": [list(p) for p in t.latin_sequences],
            "latin_letters": t.latin_letters, "latin_articles": sorted(t.latin_articles),
            "arabic_articles": list(t.arabic_articles), "abd_article": t.abd_article.pattern,
            "latin_particles": t.latin_particles}


def _skeletons(names: list[str]) -> list[str]:
    out: dict[str, None] = {}
    for name in names:
        for skel in transliterate.suffix_skeletons(name):
            if len(skel) >= 2:
                out[skel] = None
    return list(out)


def _importance(G: nx.MultiDiGraph) -> dict:
    if G.number_of_edges() == 0:
        return dict.fromkeys(G, 1.0)
    rank = nx.pagerank(simple_undirected(G))
    top = max(rank.values()) or 1.0
    return {n: rank.get(n, 0.0) / top for n in G}


def _canvas_label(attrs: dict) -> str:
    """The canonical label, plus the Arabic one on a second line when it differs."""
    label = _clip(attrs.get("label") or "", MAX_LABEL)
    arabic = (attrs.get("labels") or {}).get("ar")
    if arabic and arabic != attrs.get("label"):
        label += "\n" + _clip(arabic, MAX_LABEL)
    return label


def _document_texts(G: nx.MultiDiGraph, doc_ids: list[str]) -> dict[str, str]:
    """The texts the page carries for its document view, in id order until ``MAX_PAGE_TEXT``
    characters (a larger corpus's page opens its first documents' texts only)."""
    texts = G.graph.get("texts") or {}
    out, total = {}, 0
    for d in doc_ids:
        text = texts.get(d)
        if text and total + len(text) <= MAX_PAGE_TEXT:
            out[d] = text
            total += len(text)
    return out


def _role_time(values: dict, index: dict) -> dict:
    """A fact's (or one document's) status, since / until dates and source, only the keys it
    has: ``source`` is the node index of the entity that states it, or its id when it is no
    node; the outlet (the default source) is left out, the page names the document's."""
    out = {k: str(values[k]) for k in ("status", "start", "end") if values.get(k)}
    source = values.get("attributed_to")
    if source and source != OUTLET:
        out["source"] = index.get(source, str(source))
    return out


def _time_and_source(a: dict, index: dict, doc_index: dict) -> dict:
    """The edge's keys for its time and source: the fact's, plus ``by_doc`` (document index ->
    the same keys) only where a document says something other than the fact's merge."""
    fact = _role_time(a, index)
    per_doc = {doc_index[d]: _role_time(v or {}, index) for d, v in (a.get("by_document") or {}).items()
               if d in doc_index}
    if any(v != fact for v in per_doc.values()):
        fact["by_doc"] = per_doc
    return fact


def page_data(G: nx.MultiDiGraph, *, physics: bool | None = None) -> dict:
    """Everything the page script needs, as JSON-ready data."""
    physics = G.number_of_nodes() <= PHYSICS_LIMIT if physics is None else physics
    palette = json.loads(_asset("palette.json"))
    documents = G.graph.get("documents", {})
    doc_ids = sorted(set(documents) | {d for _, a in G.nodes(data=True) for d in a.get("documents") or []}
                     | {d for *_, a in G.edges(data=True) for d in a.get("documents") or []})
    doc_index = {d: i for i, d in enumerate(doc_ids)}
    texts = _document_texts(G, doc_ids)
    docs = []
    for d in doc_ids:
        meta = documents.get(d) or {}
        doc = {"id": d, "title": _clip(meta.get("title") or "", MAX_TITLE), "source": _clip(meta.get("source") or "", 200),
               "lang": meta.get("lang") or "", "date": str(meta.get("published") or meta.get("date") or ""),
               "publisher": _clip(meta.get("publisher") or "", 200)}
        if d in texts:
            doc["text"] = texts[d]
        docs.append(doc)

    order = sorted(G.nodes, key=str)
    index = {n: i for i, n in enumerate(order)}
    importance = _importance(G)
    degree = dict(simple_undirected(G).degree()) if G.number_of_edges() else dict.fromkeys(G, 0)
    positions = {} if physics else grouped_layout(G)
    nodes = []
    for n in order:
        a = G.nodes[n]
        kind = a.get("kind") or "entity"
        names = [a.get("label") or str(n), *(a.get("labels") or {}).values(), *(a.get("aliases") or [])]
        forms = list(dict.fromkeys(str(x) for x in names if x))
        folded: dict[str, str] = {}
        for form in forms:  # one form per folded key, the name's first
            folded.setdefault(arabic_fold.normalize(form), form)
        node_docs = a.get("documents") or []
        if kind == "literal":  # a date belongs to the documents of the facts that give it
            node_docs = sorted({d for *_, e in G.in_edges(n, data=True) for d in e.get("documents") or []})
        node = {
            "id": index[n], "ref": str(n), "label": _canvas_label(a) or str(n), "name": a.get("label") or str(n),
            "type": a.get("type") or "", "kind": kind,
            "size": round(8 + 26 * importance[n] ** 0.5, 1), "degree": degree.get(n, 0),
            "labels": a.get("labels") or {}, "aliases": a.get("alias_langs") or {},
            "docs": [doc_index[d] for d in node_docs if d in doc_index],
            "mentions": a.get("mentions") or 0,
            # mention offsets where the page carries the text (evidence falls back to the names)
            "spans": [[doc_index[d], s, e] for d, s, e in a.get("spans") or [] if d in texts],
            "key": "\n".join(folded), "forms": list(folded.values()),
            "skel": _skeletons([str(x) for x in names if x]) if kind == "entity" else [],
        }
        if not node["aliases"] and a.get("aliases"):
            node["aliases"] = {"": list(a["aliases"])}
        if n in positions:
            node["x"], node["y"] = positions[n]
        nodes.append(node)

    edges = []
    pair_count: Counter = Counter()
    for h, t, a in sorted(G.edges(data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2].get("type")))):
        pair = tuple(sorted((index[h], index[t])))
        edges.append({
            "id": len(edges), "from": index[h], "to": index[t], "type": a.get("type") or "",
            "symmetric": bool(a.get("symmetric")), "confidence": round(float(a.get("confidence") or 0), 3),
            "extractor": a.get("extractor") or "", "negated": bool(a.get("negated")), "hedged": bool(a.get("hedged")),
            "domains": list(a.get("domains") or []),
            "docs": [doc_index[d] for d in a.get("documents") or [] if d in doc_index],
            "evidence": [{"doc": doc_index.get(ev.get("document"), -1), "start": ev.get("start", 0),
                          "end": ev.get("end", 0), "text": _clip(ev.get("text"), MAX_EVIDENCE_TEXT)}
                         for ev in a.get("evidence") or []],
            "parallel": pair_count[pair],
            **_time_and_source(a, index, doc_index),
        })
        pair_count[pair] += 1

    types = Counter(n["type"] for n in nodes)
    relations = Counter(e["type"] for e in edges)
    symmetric = {e["type"] for e in edges if e["symmetric"]}
    return {
        "physics": physics,
        "documents": docs,
        "types": {t: {**palette["types"].get(t, palette["fallback"]), "count": c} for t, c in sorted(types.items())},
        "relations": {r: {"color": palette["relations"].get(r, palette["relation_fallback"]), "count": c,
                          "symmetric": r in symmetric} for r, c in sorted(relations.items())},
        "fold": _fold_table(),
        "translit": _translit_table(),
        "top_labels": TOP_LABELS,
        "nodes": nodes,
        "edges": edges,
    }


def _json_for_html(data: dict) -> str:
    """JSON that cannot end its ``<script>`` block or open markup."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _script_hash(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode("ascii") + "'"


def render(G: nx.MultiDiGraph, *, physics: bool | None = None) -> str:
    vis_js = (VIS / "vis-network.min.js").read_text(encoding="utf-8")
    page_js = _asset("graph.js")
    for code in (vis_js, page_js):
        if re.search(r"</script|<!--", code, re.I):
            raise ValueError("inline script contains a sequence that would end its <script> block")
    csp = ("default-src 'none'; script-src " + _script_hash(vis_js) + " " + _script_hash(page_js)
           + "; style-src 'unsafe-inline'; img-src data: blob:; font-src data:; connect-src 'none';"
           " base-uri 'none'; form-action 'none'")
    parts = {
        "csp": csp,
        "vis_css": (VIS / "vis-network.css").read_text(encoding="utf-8"),
        "page_css": _asset("graph.css"),
        "data": _json_for_html(page_data(G, physics=physics)),
        "vis_js": vis_js,
        "page_js": page_js,
    }
    # One pass, so inserted text is never scanned for further placeholders.
    return re.sub(r"\{\{(\w+)\}\}", lambda m: parts[m.group(1)], _asset("page.html"))


def write(G: nx.MultiDiGraph, out_dir: Path) -> list[Path]:
    return [write_text(Path(out_dir) / "graph.html", render(G))]
