"""Views of a run's store for a page: top entities, an entity's neighbourhood, a document set,
a time window (issue 17), read with the SPARQL queries of ``pipeline/sparql/views/`` (parameters
bound as terms by the engine, never pasted into the text) into a NetworkX graph of the shape
:func:`pipeline.graph.build.build_graph` makes, so the html exporter draws it.

* ``top=N``: the N entities with the most facts, and the facts between them;
* ``entity=E, hops=1|2``: E (an IRI, ``country:MA``, an id ``country/MA`` or a name) and what its
  facts reach in that many steps, with the facts between them;
* ``documents=[ID, ...]``: what those documents state (their facts and the entities they name);
* ``start``/``end`` (YYYY, YYYY-MM or YYYY-MM-DD): the documents published in the window, as
  ``documents``; an event whose date (``occurredOn``) is known and outside it is left out.

Documents and the window also narrow ``top`` and ``entity`` to the facts those documents state.
``limit`` caps the nodes so a view stays readable; a fact keeps at most ``MAX_EVIDENCE``
evidence sentences. Only what the view needs is read from the store.

Usage::

    G = build_view(Path("outputs"), entity="Morocco", hops=1)     # leases the store's generation
    G = view_graph(ox.Store.read_only(path), top=50, start="2024-01", end="2024-06")
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote

import networkx as nx
import pyoxigraph as ox

from pipeline.exporters.rdf import D2K, ID, document_iri, entity_iri, graph_iri
from pipeline.graph.build import LITERAL_PREFIX
from pipeline.model import ENTITY_TYPES, SYMMETRIC_RELATIONS
from pipeline.sparql.prefixes import PREFIXES
from pipeline.sparql.run_query import leased_generation, run_query

QUERIES = Path(__file__).resolve().with_name("views")
DEFAULT_LIMIT = 200
MAX_EVIDENCE = 20
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
PREF_LABEL = "http://www.w3.org/2004/02/skos/core#prefLabel"
ALT_LABEL = "http://www.w3.org/2004/02/skos/core#altLabel"


class ViewError(ValueError):
    """A view that cannot be built (one line for the user)."""


def _query(name: str) -> str:
    return (QUERIES / f"{name}.rq").read_text(encoding="utf-8")


def entity_id(iri: str) -> str:
    return unquote(iri[len(str(ID)):]) if iri.startswith(str(ID)) else iri


def _value(term) -> str | None:
    return None if term is None else term.value


class View:
    """The queries of one view on one read-only store."""

    def __init__(self, store: ox.Store, documents: set[str] | None = None) -> None:
        self.store = store
        self.documents = documents

    def rows(self, query: str, **bound: ox.NamedNode | ox.Literal) -> Iterable:
        result = run_query(self.store, _query(query),
                           {k: ({"iri": v.value} if isinstance(v, ox.NamedNode) else {"literal": v.value})
                            for k, v in bound.items()})
        return result.value

    # -- what the view starts from

    def resolve(self, given: str) -> str:
        """The IRI of the entity ``given`` names (IRI, prefixed name, id or name)."""
        candidates = []
        if given.startswith("<") and given.endswith(">"):
            candidates.append(given[1:-1])
        elif re.match(r"^https?://", given):
            candidates.append(given)
        else:
            prefix, sep, local = given.partition(":")
            if sep and prefix in PREFIXES and local:
                candidates.append(PREFIXES[prefix] + local)
            if "/" in given and not given.startswith("/"):
                candidates.append(str(entity_iri(given)))
        for iri in candidates:
            if any(True for _ in self.rows("entity", e=ox.NamedNode(iri))):
                return iri
        for row in self.rows("entity_by_name", name=ox.Literal(given)):
            return row["e"].value
        raise ViewError(f"no entity {given!r} in the store (give its IRI, id such as country/MA, or a name)")

    def top(self, n: int) -> list[str]:
        out = []
        for row in self.rows("top_entities"):
            iri = row["e"].value
            if self.documents is None or self._facts_of(iri):
                out.append(iri)
            if len(out) >= n:
                break
        return out

    def in_window(self, start: str, end: str) -> set[str]:
        return {row["id"].value for row in self.rows("documents_in_window", **{"from": ox.Literal(start)},
                                                          to=ox.Literal(end + "~"))}

    # -- facts

    def _keep(self, st: str) -> bool:
        if self.documents is None:
            return True
        return any(row["id"].value in self.documents for row in self.rows("evidence", st=ox.NamedNode(st)))

    def _facts_of(self, iri: str, *, every: bool = False) -> list[tuple[str, str, str, ox.NamedNode | ox.Literal]]:
        """The facts naming ``iri`` (those the view's documents state, unless ``every``)."""
        facts = []
        for row in self.rows("facts_of_entity", e=ox.NamedNode(iri)):
            if every or self._keep(row["st"].value):
                subject = iri if row["s"] is None else row["s"].value
                facts.append((row["st"].value, subject, row["p"].value, row["o"] or ox.NamedNode(iri)))
        return facts

    def neighbourhood(self, iri: str, hops: int, limit: int) -> list[str]:
        """``iri`` and the entities its facts reach in ``hops`` steps, at most ``limit``."""
        nodes = [iri]
        seen = {iri}
        frontier = [iri]
        for _ in range(hops):
            following = []
            for node in frontier:
                for _, s, _, o in self._facts_of(node):
                    other = s if s != node else (o.value if isinstance(o, ox.NamedNode) else None)
                    if other is not None and other not in seen and len(nodes) < limit:
                        seen.add(other)
                        nodes.append(other)
                        following.append(other)
            frontier = following
        return nodes

    def among(self, nodes: list[str]) -> list[tuple]:
        """The facts between ``nodes`` (and their dates)."""
        inside = set(nodes)
        facts: dict[str, tuple] = {}
        for node in nodes:
            for fact in self._facts_of(node):
                st, s, _, o = fact
                if s in inside and (isinstance(o, ox.Literal) or o.value in inside):
                    facts.setdefault(st, fact)
        return list(facts.values())

    def of_documents(self, limit: int) -> tuple[list[str], list[tuple]]:
        nodes: dict[str, None] = {}
        facts: dict[str, tuple] = {}
        for doc in sorted(self.documents or ()):
            g = ox.NamedNode(str(graph_iri(doc)))
            for row in self.rows("facts_of_document", g=g):
                ends = [row["s"].value] + ([row["o"].value] if isinstance(row["o"], ox.NamedNode) else [])
                if len(set(nodes) | set(ends)) > limit:
                    continue
                nodes.update(dict.fromkeys(ends))
                facts.setdefault(row["st"].value, (row["st"].value, row["s"].value, row["p"].value, row["o"]))
            for row in self.rows("mentions_of_document", g=g):
                if len(nodes) < limit:
                    nodes.setdefault(row["e"].value)
        return list(nodes), list(facts.values())

    # -- the graph

    def entity_attrs(self, iri: str) -> dict:
        types, labels, aliases, alias_langs = [], {}, [], {}
        label, ident = None, entity_id(iri)
        for row in self.rows("entity", e=ox.NamedNode(iri)):
            p, o = row["p"].value, row["o"]
            if p == RDF_TYPE and o.value.startswith(str(D2K)):
                types.append(o.value[len(str(D2K)):])
            elif p == str(D2K.identifier):
                ident = o.value
            elif p == RDFS_LABEL:
                label = o.value
            elif p == PREF_LABEL:
                labels[o.language or ""] = o.value
            elif p == ALT_LABEL:
                aliases.append(o.value)
                alias_langs.setdefault(o.language or "", []).append(o.value)
        kind = next((t for t in types if t in ENTITY_TYPES), types[0] if types else "")
        return {"id": ident, "kind": "entity", "type": kind, "label": label or next(iter(labels.values()), ident),
                "labels": labels, "aliases": sorted(aliases), "alias_langs": alias_langs, "documents": [],
                "mentions": 0}

    def edge_attrs(self, st: str) -> dict:
        a: dict = {"domains": [], "confidence": 1.0, "extractor": "", "negated": False, "hedged": False,
                   "status": None, "start": None, "end": None, "attributed_to": None}
        for row in self.rows("statement", st=ox.NamedNode(st)):
            if row["confidence"] is not None:
                a["confidence"] = float(row["confidence"].value)
            a["extractor"] = _value(row["extractor"]) or a["extractor"]
            a["negated"] = a["negated"] or _value(row["negated"]) == "true"
            a["hedged"] = a["hedged"] or _value(row["hedged"]) == "true"
            for key in ("status", "start", "end"):
                a[key] = _value(row[key]) or a[key]
            if row["source"] is not None:
                a["attributed_to"] = entity_id(row["source"].value)
            if row["domain"] is not None:
                domain = row["domain"].value.rstrip("/").rsplit("/", 1)[-1]
                if domain not in a["domains"]:
                    a["domains"].append(domain)
        evidence = []
        for row in self.rows("evidence", st=ox.NamedNode(st)):
            doc = row["id"].value
            if self.documents is not None and doc not in self.documents:
                continue
            evidence.append({"document": doc, "start": int(row["start"].value), "end": int(row["end"].value),
                             "text": row["text"].value})
            if len(evidence) >= MAX_EVIDENCE:
                break
        a["evidence"] = evidence
        a["documents"] = sorted({ev["document"] for ev in evidence})
        return a

    def document_meta(self, doc: str) -> dict:
        for row in self.rows("document", doc=ox.NamedNode(str(document_iri(doc)))):
            return {"title": _value(row["title"]), "published": _value(row["published"]),
                    "publisher": _value(row["publisher"]), "lang": _value(row["lang"]), "source": _value(row["source"])}
        return {}

    def graph(self, nodes: list[str], facts: list[tuple], limit: int, window: tuple[str, str] | None = None,
              dates: bool = True) -> nx.MultiDiGraph:
        G = nx.MultiDiGraph()
        for iri in nodes:
            a = self.entity_attrs(iri)
            G.add_node(a.pop("id"), **a)
        for st, s, p, o in sorted(facts):
            head = entity_id(s)
            rel = p[len(str(D2K)):] if p.startswith(str(D2K)) else p
            if isinstance(o, ox.Literal):
                if not dates or G.number_of_nodes() >= limit and LITERAL_PREFIX + o.value not in G:
                    continue
                tail = LITERAL_PREFIX + o.value
                G.add_node(tail, kind="literal", label=o.value, type="Date")
            else:
                tail = entity_id(o.value)
            if head not in G or tail not in G:
                continue
            G.add_edge(head, tail, key=rel, type=rel, symmetric=rel in SYMMETRIC_RELATIONS, **self.edge_attrs(st),
                       by_document=None)
        if window is not None:  # an event dated outside the window is left out, with its dates
            for n in [n for n, a in G.nodes(data=True) if a.get("type") == "Event"]:
                when = [o.value for _, s, p, o in self._facts_of(str(entity_iri(n)), every=True)
                        if p == str(D2K.occurredOn) and isinstance(o, ox.Literal)]
                if when and not any(_overlaps(d, *window) for d in when):
                    G.remove_node(n)
            G.remove_nodes_from([n for n, a in list(G.nodes(data=True)) if a.get("kind") == "literal" and not G.degree(n)])
        for n, a in G.nodes(data=True):
            if a.get("kind") == "entity":
                a["documents"] = sorted({d for *_, e in G.in_edges(n, data=True) for d in e["documents"]}
                                        | {d for *_, e in G.out_edges(n, data=True) for d in e["documents"]})
        docs = sorted({d for *_, e in G.edges(data=True) for d in e["documents"]} | (self.documents or set()))
        G.graph["documents"] = {d: self.document_meta(d) for d in docs}
        return G


def _overlaps(date: str, start: str, end: str) -> bool:
    return date + "~" >= start and date <= end + "~"


def build_view(out_dir: Path, *, top: int | None = None, entity: str | None = None, hops: int = 1,
               documents: list[str] | None = None, start: str | None = None, end: str | None = None,
               limit: int = DEFAULT_LIMIT) -> nx.MultiDiGraph:
    """The view's graph (see the module docstring); raises ViewError or StoreNotFound."""
    with leased_generation(Path(out_dir)) as generation:
        return view_graph(ox.Store.read_only(str(generation)), top=top, entity=entity, hops=hops,
                          documents=documents, start=start, end=end, limit=limit)


def view_graph(store: ox.Store, *, top: int | None = None, entity: str | None = None, hops: int = 1,
               documents: list[str] | None = None, start: str | None = None, end: str | None = None,
               limit: int = DEFAULT_LIMIT) -> nx.MultiDiGraph:
    """:func:`build_view` on an open store; raises ViewError."""
    for name, value in (("--from", start), ("--to", end)):
        if value is not None and not DATE.match(value):
            raise ViewError(f"{name} {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    if hops not in (1, 2):
        raise ViewError("--hops is 1 or 2")
    if limit < 1 or (top is not None and top < 1):
        raise ViewError("--limit and --top are at least 1")
    window = (start or "0000", end or "9999") if (start or end) else None
    view = View(store)
    docs: set[str] | None = set(documents) if documents else None
    for doc in sorted(docs or ()):
        if not view.document_meta(doc):
            raise ViewError(f"no document {doc!r} in the store")
    if window is not None:
        dated = view.in_window(*window)
        docs = dated if docs is None else docs & dated
    view.documents = docs
    if entity is not None:
        nodes = view.neighbourhood(view.resolve(entity), hops, limit)
        return view.graph(nodes, view.among(nodes), limit, window)
    if top is not None:
        nodes = view.top(min(top, limit))
        return view.graph(nodes, view.among(nodes), len(nodes), window, dates=False)
    if docs is None:
        raise ViewError("choose a view: --top N, --entity E, --documents ID or --from/--to")
    nodes, facts = view.of_documents(limit)
    return view.graph(nodes, facts, limit, window)
