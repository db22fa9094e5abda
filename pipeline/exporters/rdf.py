"""RDF export under the doc2kg ontology (``ontology/doc2kg.ttl``), built with rdflib.

Reads the NetworkX graph of :mod:`pipeline.graph.build` and writes

* ``graph.trig`` and ``graph.nq``: one named graph per document
  (``https://doc2kg.org/graph/<doc id>``) holding what that document asserts: its
  document node, the entities it mentions and the relations it states, with the
  evidence read in it. A fact stated by two documents is in both graphs, so replacing
  one document's graph replaces exactly its assertions.
* ``graph.ttl``: the union of all named graphs.

Each relation is a direct ("truthy") triple ``head d2k:type tail`` for easy querying
(a symmetric one, ``cooperatesWith``, in both directions, so ``ASK { country:MA
d2k:cooperatesWith country:FR }`` holds whichever way a text put it) plus one statement node
per fact, in the direction the graph keeps it (the reification is not doubled: one fact,
one node; the Wikidata pattern) ``https://doc2kg.org/statement/<hash>`` carrying domains, confidence, extractor and PROV-O evidence. Evidence nodes are
RFC 5147 fragments of the document IRI (``.../doc/<id>#char=104,500``). Two shortcuts for
queries at archive scale (Oxigraph looks a single triple pattern up per row, but evaluates a
group of several over the whole store; benchmarks/README.md): a symmetric statement names
both parties with ``d2k:between`` (found from either side in one pattern), and a statement
read in a dated document carries that document's ``schema:datePublished`` as
``d2k:reportedOn`` in the document's graph (the report time without the evidence path), and
its year as ``d2k:reportedInYear`` (the statements reported in a year, found by an index lookup);
a document links the statements it is evidence for with ``d2k:asserts``.
Every IRI is derived from ids and hashes, never from blank nodes, so output is byte-identical
across runs; each kind of entity id has its prefix (``country:MA``, ``agency:ma-dgsn``,
``person:51c60dddc8de``). Every entity has one ``rdfs:label`` (English where the lexicon
has it, else the documents' language) beside its language-tagged SKOS labels.

The triples are rdflib terms, computed once per graph (:func:`dataset_triples`, shared by
the rdf, jsonld and store exporters inside :func:`reuse`). The files are written from them
by :mod:`pipeline.exporters.rdf_text` exactly as rdflib's serializers write them, without
loading an rdflib store; ``graph.trig`` a graph at a time and ``graph.nq`` as a merge of
sorted runs, so memory does not grow with the text.

Usage::

    ds = to_dataset(G)                       # rdflib.Dataset, one graph per document
    g = to_rdf(G)                            # rdflib.Graph, the union
    graphs = dataset_triples(G)              # {graph IRI (None: default graph): {(s, p, o)}}
    write(G, Path("outputs"))                # -> graph.ttl, graph.trig, graph.nq
    write_trig(G, Path("outputs"))           # one file only (also write_turtle, write_nquads)
"""
from __future__ import annotations

import contextlib
import hashlib
import itertools
import re
import tempfile
import weakref
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import quote

import networkx as nx
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD

from pipeline.exporters import rdf_text
from pipeline.graph.build import entities_of, relations_of
from pipeline.model import ENTITY_TYPES, SYMMETRIC_RELATIONS, held_now
from pipeline.model import OUTLET as OUTLET_SOURCE
from pipeline.runtime.atomic import atomic_write, write_bytes

D2K = Namespace("https://doc2kg.org/ontology#")
ID = Namespace("https://doc2kg.org/id/")
DOC = Namespace("https://doc2kg.org/doc/")
GRAPH = Namespace("https://doc2kg.org/graph/")
STATEMENT = Namespace("https://doc2kg.org/statement/")
DOMAIN = Namespace("https://doc2kg.org/domain/")
OUTLET = Namespace("https://doc2kg.org/outlet/")
SCHEMA = Namespace("https://schema.org/")
GEONAMES = "https://sws.geonames.org/{}/"
ISO3166 = "https://www.iso.org/obp/ui/#iso:code:3166:{}"

# One prefix per kind of entity id (the id's first segment: lexicon ids such as
# ``country/MA``, ``agency/ma-dgsn``; minted ids ``person/<hash>``, ``organization/<hash>``),
# so an entity's prefixed name is valid Turtle and SPARQL (``country:MA``; ``id:country/MA``
# is neither: a local name has no ``/``). The lexicon's ``org/`` is ``orgid:``: ``org:`` is
# the W3C Organization ontology's.
ENTITY_PREFIXES = {
    **{t.lower(): t.lower() for t in ENTITY_TYPES},  # minted ids: type/hash
    "agency": "agency", "io": "io", "orgid": "org",  # the lexicon's other segments
}
ENTITY_NAMESPACES = {prefix: Namespace(f"{ID}{segment}/") for prefix, segment in ENTITY_PREFIXES.items()}

PREFIXES = {
    "d2k": D2K, "id": ID, "doc": DOC, "graph": GRAPH, "stmt": STATEMENT, "domain": DOMAIN,
    "schema": SCHEMA, "skos": SKOS, "prov": PROV, "owl": OWL, "rdfs": RDFS, "xsd": XSD,
    **ENTITY_NAMESPACES,
}

ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
YEAR = re.compile(r"^\d{4}$")
DATE_TYPES = (
    (re.compile(r"^\d{4}$"), XSD.gYear),
    (re.compile(r"^\d{4}-\d{2}$"), XSD.gYearMonth),
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), XSD.date),
)


def _quote(value: str) -> str:
    return quote(value, safe="")


def entity_iri(entity_id: str) -> URIRef:
    return ID[quote(entity_id, safe="/")]


def document_iri(doc_id: str) -> URIRef:
    return DOC[_quote(doc_id)]


def graph_iri(doc_id: str) -> URIRef:
    return GRAPH[_quote(doc_id)]


def statement_iri(head: str, rel_type: str, tail: str) -> URIRef:
    digest = hashlib.sha1(f"{head}\t{rel_type}\t{tail}".encode()).hexdigest()[:20]
    return STATEMENT[digest]


def evidence_iri(doc_id: str, start: int, end: int) -> URIRef:
    """RFC 5147 text fragment of the document: one node per evidence span."""
    return URIRef(f"{document_iri(doc_id)}#char={start},{end}")


def date_literal(value: str) -> Literal:
    for pattern, datatype in DATE_TYPES:
        if pattern.match(value):
            return Literal(value, datatype=datatype)
    return Literal(value)


def label_lang(text: str, alias_langs: dict[str, list[str]], doc_langs: Iterable[str]) -> str:
    """The language tag of a surface form: as the recognizer recorded it, else by script
    (Arabic script -> ar) and the documents' language (fr or en)."""
    for lang, forms in sorted(alias_langs.items()):
        if text in forms and lang:
            return lang
    if ARABIC.search(text):
        return "ar"
    latin = sorted(lang for lang in doc_langs if lang in ("fr", "en"))
    return latin[0] if len(latin) == 1 else "en"


def display_label(pref: dict[str, str], doc_langs: list[str]) -> Literal | None:
    """The entity's one ``rdfs:label``: its English name where the lexicon has one, else its
    name in the language of the documents that mention it (the first in id order), else any."""
    for lang in ("en", *doc_langs, *sorted(pref)):
        if pref.get(lang):
            return Literal(pref[lang], lang=lang)
    return None


def _bind(g: Graph) -> None:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)


def _bound(g: Graph) -> Graph:
    _bind(g)
    return g


def entity_triples(e: dict, doc_langs: dict[str, str | None]) -> list[tuple]:
    s = entity_iri(e["id"])
    langs = [doc_langs.get(d) or "" for d in e.get("documents", [])]
    alias_langs = e.get("alias_langs") or {}
    out: list[tuple] = [(s, RDF.type, D2K[e["type"]]), (s, D2K.identifier, Literal(e["id"]))]
    pref = {lang: text for lang, text in (e.get("labels") or {}).items() if text}
    main_lang = label_lang(e["label"], alias_langs, langs)
    if e["label"]:
        pref.setdefault(main_lang, e["label"])
    for lang, text in sorted(pref.items()):
        out.append((s, SKOS.prefLabel, Literal(text, lang=lang)))
    label = display_label(pref, [lang for lang in langs if lang])
    if label is not None:
        out.append((s, RDFS.label, label))
    for alias in sorted(set(e.get("aliases") or [])):
        out.append((s, SKOS.altLabel, Literal(alias, lang=label_lang(alias, alias_langs, langs))))
    if e.get("geonames"):
        out.append((s, OWL.sameAs, URIRef(GEONAMES.format(int(e["geonames"])))))
    if e.get("country") and e.get("type") == "City":  # the gazetteer's, not a statement read in a text
        out.append((s, SCHEMA.containedInPlace, entity_iri(f"country/{e['country']}")))
    if e.get("event_kind") and e.get("type") == "Event":
        out.append((s, D2K.eventKind, Literal(e["event_kind"])))
    if e.get("iso3166"):
        out.append((s, D2K.iso3166Code, Literal(e["iso3166"])))
        out.append((s, RDFS.seeAlso, URIRef(ISO3166.format(e["iso3166"]))))
    if e.get("key"):
        out.append((s, D2K.lexiconKey, Literal(e["key"])))
    return out


def document_triples(doc_id: str, meta: dict) -> list[tuple]:
    s = document_iri(doc_id)
    out: list[tuple] = [(s, RDF.type, SCHEMA.NewsArticle), (s, RDF.type, D2K.Document),
                        (s, SCHEMA.identifier, Literal(doc_id))]
    if meta.get("source"):
        out.append((s, D2K.sourcePath, Literal(meta["source"])))
    if meta.get("lang"):
        out.append((s, SCHEMA.inLanguage, Literal(meta["lang"])))
    if meta.get("content_hash"):
        out.append((s, D2K.contentHash, Literal(meta["content_hash"])))
    if meta.get("encoding"):
        out.append((s, SCHEMA.encodingFormat, Literal(meta["encoding"])))
    lang = meta.get("lang") or None
    if meta.get("title"):
        out.append((s, SCHEMA.headline, Literal(meta["title"], lang=lang)))
    if meta.get("publisher"):
        out.append((s, SCHEMA.publisher, Literal(meta["publisher"])))
    return out + document_time_triples(doc_id, meta)


def outlet_iri(name: str) -> URIRef:
    """An outlet as a PROV agent: the default source of what its articles state."""
    return OUTLET[_quote(name.strip())]


def document_time_triples(doc_id: str, meta: dict) -> list[tuple]:
    """When and where the document was published: schema:datePublished (xsd:date, gYearMonth
    or gYear at the precision known), schema:url, schema:dateline; its outlet as an agent."""
    s = document_iri(doc_id)
    out: list[tuple] = []
    if meta.get("published"):
        out.append((s, SCHEMA.datePublished, date_literal(meta["published"])))
    if meta.get("url"):
        out.append((s, SCHEMA.url, Literal(meta["url"], datatype=XSD.anyURI)))
    if meta.get("dateline"):
        out.append((s, SCHEMA.dateline, Literal(meta["dateline"])))
    if meta.get("publisher"):
        outlet = outlet_iri(meta["publisher"])
        out += [(s, D2K.outlet, outlet), (outlet, RDF.type, PROV.Agent), (outlet, RDF.type, SCHEMA.Organization),
                (outlet, SCHEMA.name, Literal(meta["publisher"]))]
    return out


def statement_time_triples(st: URIRef, r: dict, outlet: str | None) -> list[tuple]:
    """A statement's valid time and source: a role's d2k:roleStatus, d2k:startDate and
    d2k:endDate; prov:wasAttributedTo the entity that states it, or the document's outlet."""
    out: list[tuple] = []
    if r.get("status"):
        out.append((st, D2K.roleStatus, Literal(r["status"])))
    if r.get("start"):
        out.append((st, D2K.startDate, date_literal(r["start"])))
    if r.get("end"):
        out.append((st, D2K.endDate, date_literal(r["end"])))
    source = r.get("attributed_to")
    if source and source != OUTLET_SOURCE:
        out.append((st, PROV.wasAttributedTo, entity_iri(source)))
    elif source == OUTLET_SOURCE and outlet:
        out.append((st, PROV.wasAttributedTo, outlet_iri(outlet)))
    return out


def relation_triples(r: dict, doc_id: str | None, doc_langs: dict[str, str | None],
                     outlets: dict[str, str] | None = None, published: dict[str, str] | None = None) -> list[tuple]:
    """The truthy triple, the statement node, and the evidence read in ``doc_id``
    (all evidence when ``doc_id`` is None); ``outlets``: each document's outlet;
    ``published``: each document's publication date (``schema:datePublished``)."""
    head = entity_iri(r["head"])
    pred = D2K[r["type"]]
    obj = date_literal(r["tail"]) if r["type"] == "occurredOn" else entity_iri(r["tail"])
    st = statement_iri(r["head"], r["type"], r["tail"])
    out: list[tuple] = []
    # A former, late or ended role keeps its statement node, not the truthy triple.
    if not r.get("negated") and held_now(r["type"], r.get("status"), r.get("end")):
        out.append((head, pred, obj))
        if r["type"] in SYMMETRIC_RELATIONS:  # both directions asserted; one statement node (the fact)
            out.append((obj, pred, head))
    out += [
        (st, RDF.type, D2K.Statement),
        (st, RDF.subject, head),
        (st, RDF.predicate, pred),
        (st, RDF.object, obj),
        (st, D2K.confidence, Literal(f"{float(r.get('confidence', 1.0)):.3f}", datatype=XSD.decimal)),
    ]
    if r["type"] in SYMMETRIC_RELATIONS:
        # Both parties on the statement node, so it is found from either side in one pattern
        # (`?st d2k:between ?country`): its rdf:subject/rdf:object keep the one direction.
        out += [(st, D2K.between, head), (st, D2K.between, obj)]
    if r.get("extractor"):
        out.append((st, D2K.extractor, Literal(r["extractor"])))
    for domain in sorted(set(r.get("domains") or [])):
        out.append((st, D2K.domain, DOMAIN[domain]))
    if r.get("negated"):
        out.append((st, D2K.negated, Literal(True)))
    if r.get("hedged"):
        out.append((st, D2K.hedged, Literal(True)))
    # In a document's graph, what that document says of the role's time and source.
    own = (r.get("by_document") or {}).get(doc_id) if doc_id is not None else None
    said = r if own is None else {k: own.get(k) for k in ("status", "start", "end", "attributed_to")}
    out += statement_time_triples(st, said, (outlets or {}).get(doc_id) if doc_id is not None else None)
    for ev in r.get("evidence") or []:
        if doc_id is not None and ev["document"] != doc_id:
            continue
        node = evidence_iri(ev["document"], ev["start"], ev["end"])
        out += [
            # The document to its statements in one pattern (the path's inverse
            # ^prov:wasQuotedFrom/^prov:wasDerivedFrom: two lookups per evidence).
            (document_iri(ev["document"]), D2K.asserts, st),
            (st, PROV.wasDerivedFrom, node),
            (node, RDF.type, D2K.Evidence),
            (node, PROV.wasQuotedFrom, document_iri(ev["document"])),
            (node, D2K.startOffset, Literal(int(ev["start"]))),
            (node, D2K.endOffset, Literal(int(ev["end"]))),
            (node, PROV.value, Literal(ev["text"], lang=doc_langs.get(ev["document"]) or None)),
        ]
        if (published or {}).get(ev["document"]):
            # The report time one pattern away from the statement (the path
            # prov:wasDerivedFrom/prov:wasQuotedFrom/schema:datePublished, precomputed per document).
            out.append((st, D2K.reportedOn, date_literal(published[ev["document"]])))
            out += report_year_triples(st, published[ev["document"]])
    return out


def report_year_triples(st: URIRef, published: str) -> list[tuple]:
    """``d2k:reportedInYear``: the year of a report date as an xsd:gYear, so that the statements
    reported in a year are an index lookup (``?st d2k:reportedInYear "2016"^^xsd:gYear``) rather
    than a filter over every statement's dates; none where the date does not start with one."""
    year = published[:4]  # as the queries compared SUBSTR(STR(?published), 1, 4)
    return [(st, D2K.reportedInYear, Literal(year, datatype=XSD.gYear))] if YEAR.match(year) else []


def dataset_triples(G: nx.MultiDiGraph, only: set[str] | None = None) -> dict[URIRef | None, set[tuple]]:
    """The dataset as plain sets of triples: graph IRI -> triples; ``None`` is the default
    graph (statements without a document). What :func:`to_dataset` loads into rdflib.
    ``only``: the named graphs of these documents alone (and the default graph), as the
    whole dataset has them: a country named in a million documents is not written a million
    times to update ten of them."""
    cached = _reused.get(id(G)) if only is None else None
    if cached is not None and cached[0]() is G:
        return cached[1]
    documents: dict[str, dict] = G.graph.get("documents", {})
    doc_langs = {d: (m.get("lang") or None) for d, m in documents.items()}
    outlets = {d: m["publisher"] for d, m in documents.items() if m.get("publisher")}
    published = {d: m["published"] for d, m in documents.items() if m.get("published")}
    entities = entities_of(G)
    relations = relations_of(G)
    doc_ids = sorted(set(documents) | {d for e in entities for d in e.get("documents", [])}
                     | {d for r in relations for d in r.get("documents", [])})
    if only is not None:
        doc_ids = [d for d in doc_ids if d in only]
    # Equal terms made one object: lookups in the writers' sets and memos then match by
    # identity instead of rdflib's (Python-level) term equality.
    terms: dict = {}
    one = terms.setdefault

    def canonical(triples: Iterable[tuple]) -> list[tuple]:
        return [(one(s, s), one(p, p), one(o, o)) for s, p, o in triples]

    graphs: dict[URIRef | None, set[tuple]] = {graph_iri(d): set() for d in doc_ids}
    by_doc = {d: graphs[graph_iri(d)] for d in doc_ids}
    for d in doc_ids:
        by_doc[d].update(canonical(document_triples(d, documents.get(d, {}))))
    for e in entities:
        triples = canonical(entity_triples(e, doc_langs))
        mentions = one(SCHEMA.mentions, SCHEMA.mentions)
        entity = one(entity_iri(e["id"]), entity_iri(e["id"]))
        for d in sorted(e.get("documents", [])):
            if d not in by_doc:  # another document's graph (``only``)
                continue
            doc = document_iri(d)
            by_doc[d].add((one(doc, doc), mentions, entity))
            by_doc[d].update(triples)
    for r in relations:
        docs = sorted(r.get("documents") or [])
        if not docs:
            graphs.setdefault(None, set()).update(canonical(relation_triples(r, None, doc_langs,
                                                                             published=published)))
        for d in docs:
            if d in by_doc:
                by_doc[d].update(canonical(relation_triples(r, d, doc_langs, outlets, published)))
    graphs = {g: ts for g, ts in graphs.items() if ts}
    if id(G) in _reusing and only is None:
        _reused[id(G)] = (weakref.ref(G), graphs)
    return graphs


# Graphs whose dataset is computed once and shared by the exporters (see :func:`reuse`).
_reusing: set[int] = set()
_reused: dict[int, tuple] = {}


@contextlib.contextmanager
def reuse(G: nx.MultiDiGraph) -> Iterator[None]:
    """Within the block, :func:`dataset_triples` of ``G`` is computed once and shared (the
    rdf, jsonld and store exporters all read it); ``G`` must not change meanwhile."""
    _reusing.add(id(G))
    try:
        yield
    finally:
        _reusing.discard(id(G))
        _reused.pop(id(G), None)


def to_dataset(G: nx.MultiDiGraph) -> Dataset:
    """One named graph per document; statements without a document go to the default graph."""
    ds = Dataset()
    _bind(ds)
    for graph, triples in dataset_triples(G).items():
        target = ds.default_graph if graph is None else ds.graph(graph)
        target.addN((s, p, o, target) for s, p, o in triples)
    return ds


def union_graph(ds: Dataset) -> Graph:
    g = Graph()
    _bind(g)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def union_triples(graphs: dict[URIRef | None, set[tuple]]) -> set[tuple]:
    return set().union(*graphs.values())


def to_rdf(G: nx.MultiDiGraph) -> Graph:
    """The union of all documents' graphs."""
    g = Graph()
    _bind(g)
    g.addN((s, p, o, g) for s, p, o in union_triples(dataset_triples(G)))
    return g


def sorted_lines(data: bytes) -> bytes:
    lines = sorted({line for line in data.decode("utf-8").splitlines() if line.strip()})
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def _graph_of(graph: URIRef | None, triples: Iterable[tuple]) -> Dataset:
    one = Dataset()
    _bind(one)
    target = one.default_graph if graph is None else one.graph(graph)
    target.addN((s, p, o, target) for s, p, o in triples)
    return one


def names() -> rdf_text.Names:
    """Prefixed names and term texts for the Turtle and TriG files. A ``Graph`` and a
    ``Dataset`` are bound alike (:func:`_bind`), so one memo serves both files."""
    return rdf_text.Names(lambda: _bound(Graph()))


def turtle_text(graphs: dict[URIRef | None, set[tuple]], memo: rdf_text.Names | None = None) -> bytes:
    """``graph.ttl``: the union as rdflib's Turtle serializer writes it (written by
    :mod:`pipeline.exporters.rdf_text`, rdflib itself for what that does not cover);
    ``memo``: the :func:`names` to share with the TriG file."""
    union = union_triples(graphs)
    try:
        return rdf_text.turtle_document(union, memo or names()).encode("utf-8", "replace")
    except rdf_text.Unsupported:
        g = Graph()
        _bind(g)
        g.addN((s, p, o, g) for s, p, o in union)
        return g.serialize(format="turtle", encoding="utf-8")


def _trig_blocks(graphs: dict[URIRef | None, set[tuple]], prefixes: set[str],
                 memo: rdf_text.Names | None = None) -> Iterator[str]:
    """Each graph's TriG block in sorted graph order (rdflib's own order follows a set), each
    serialized on its own; the ``@prefix`` lines they use are added to ``prefixes``."""
    memo = memo or names()
    for graph in sorted(graphs, key=lambda g: (g is not None, str(g) if g is not None else "")):
        try:
            text = rdf_text.trig_document(graph, graphs[graph], memo)
        except rdf_text.Unsupported:
            text = _graph_of(graph, graphs[graph]).serialize(format="trig")
        lines = text.split("\n")  # not splitlines(): a literal may hold U+2028, \x85, \x0b ...
        prefixes.update(line for line in lines if line.startswith("@prefix"))
        yield "\n".join(line for line in lines if not line.startswith("@prefix")).strip("\n")


def trig_text(graphs: dict[URIRef | None, set[tuple]], memo: rdf_text.Names | None = None) -> bytes:
    """TriG: the prefixes at the top, then the graphs' blocks in sorted order."""
    prefixes: set[str] = set()
    blocks = list(_trig_blocks(graphs, prefixes, memo))
    return ("\n".join(sorted(prefixes)) + "\n\n" + "\n\n".join(blocks) + "\n").encode("utf-8")


def _write_trig_file(path: Path, graphs: dict[URIRef | None, set[tuple]], memo: rdf_text.Names | None = None) -> Path:
    """:func:`trig_text` written block by block (through a temporary file: the prefixes go first)."""
    prefixes: set[str] = set()
    with tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n", dir=path.parent) as body:
        for i, block in enumerate(_trig_blocks(graphs, prefixes, memo)):
            body.write(block if i == 0 else "\n\n" + block)
        body.write("\n")
        body.seek(0)
        with atomic_write(path, "wb") as fh:
            fh.write(("\n".join(sorted(prefixes)) + "\n\n").encode("utf-8"))
            for piece in iter(lambda: body.read(1 << 20), ""):
                fh.write(piece.encode("utf-8"))
    return path


def _write_nquads_file(path: Path, graphs: dict[URIRef | None, set[tuple]]) -> Path:
    """:func:`nquads_text` written as it is produced (a merge of sorted runs beyond memory)."""
    try:
        with atomic_write(path, "wb") as fh:
            lines = rdf_text.nquad_lines(graphs, workdir=str(path.parent))
            while batch := list(itertools.islice(lines, 20_000)):
                fh.write(("\n".join(batch) + "\n").encode("utf-8", "replace"))
        return path
    except rdf_text.Unsupported:
        return write_bytes(path, nquads_text(graphs))


def nquads_text(graphs: dict[URIRef | None, set[tuple]]) -> bytes:
    """Sorted, distinct N-Quads lines: the canonical form of rdflib's ``nquads`` output."""
    try:
        lines = list(rdf_text.nquad_lines(graphs))
    except rdf_text.Unsupported:
        ds = Dataset()
        _bind(ds)
        for graph, triples in graphs.items():
            target = ds.default_graph if graph is None else ds.graph(graph)
            target.addN((s, p, o, target) for s, p, o in triples)
        return sorted_lines(ds.serialize(format="nquads", encoding="utf-8"))
    return ("\n".join(lines) + "\n").encode("utf-8", "replace") if lines else b""


def _dataset_graphs(ds: Dataset) -> dict[URIRef | None, set[tuple]]:
    graphs: dict[URIRef | None, set[tuple]] = {}
    for g in ds.graphs():
        if len(g):
            key = None if g.identifier == DATASET_DEFAULT_GRAPH_ID else g.identifier
            graphs.setdefault(key, set()).update(g)
    return graphs


def turtle_bytes(ds: Dataset) -> bytes:
    return turtle_text(_dataset_graphs(ds))


def trig_bytes(ds: Dataset) -> bytes:
    return trig_text(_dataset_graphs(ds))


def nquads_bytes(ds: Dataset) -> bytes:
    # rdflib writes quads in store order; sorted lines make the file canonical.
    return nquads_text(_dataset_graphs(ds))


def write_turtle(G: nx.MultiDiGraph, out_dir: Path) -> list[Path]:
    return [write_bytes(out_dir / "graph.ttl", turtle_text(dataset_triples(G)))]


def write_trig(G: nx.MultiDiGraph, out_dir: Path) -> list[Path]:
    return [_write_trig_file(out_dir / "graph.trig", dataset_triples(G))]


def write_nquads(G: nx.MultiDiGraph, out_dir: Path) -> list[Path]:
    return [_write_nquads_file(out_dir / "graph.nq", dataset_triples(G))]


def write(G: nx.MultiDiGraph, out_dir: Path) -> list[Path]:
    """All three RDF files from one dataset (the Turtle and TriG files share their term texts)."""
    graphs = dataset_triples(G)
    memo = names()
    return [
        write_bytes(out_dir / "graph.ttl", turtle_text(graphs, memo)),
        _write_trig_file(out_dir / "graph.trig", graphs, memo),
        _write_nquads_file(out_dir / "graph.nq", graphs),
    ]
