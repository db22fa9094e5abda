"""RDF export: named graphs per document, statement nodes with evidence, labels, round trip,
determinism, and parsing by rdflib and Oxigraph."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD

from pipeline.exporters import DEFAULT, get_exporter
from pipeline.exporters.rdf import (
    D2K, DOMAIN, dataset_triples, document_iri, entity_iri, graph_iri, statement_iri, to_dataset, to_rdf, union_graph,
)
from pipeline.graph.build import build_graph
from pipeline.model import Document, Entity, Evidence, Relation

EXPORTERS = ("json", "rdf", "jsonld", "graphml", "nodelink")

AR_TEXT = "تعاون المغرب وفرنسا في مجال الأمن. سلمت المديرية العامة لمراقبة التراب الوطني معلومات لفرنسا."
FR_TEXT = "Le Maroc et la France coopèrent. Les attentats du Bataclan ont eu lieu à Paris le 13 novembre 2015."


def ev(doc: str, text: str, sentence: str) -> Evidence:
    start = text.index(sentence)
    return Evidence(document=doc, start=start, end=start + len(sentence), text=sentence)


def small_graph() -> nx.MultiDiGraph:
    docs = [Document(id="ar-1", text=AR_TEXT, source="in/ar-1.txt", lang="ar", content_hash="a" * 64),
            Document(id="fr 2", text=FR_TEXT, source="in/fr 2.txt", lang="fr", content_hash="b" * 64,
                     title="Coopération", publisher="Le Journal")]
    ar1, fr1 = AR_TEXT.split(". ")[0], FR_TEXT.split(". ")[0]
    entities = [
        Entity(id="country/MA", type="Country", label="Morocco", aliases=["المغرب", "Maroc"],
               documents=["ar-1", "fr 2"], key="country/MA", labels={"en": "Morocco", "fr": "Maroc", "ar": "المغرب"},
               alias_langs={"ar": ["المغرب"], "fr": ["Maroc"]}, iso3166="MA", geonames=2542007),
        Entity(id="country/FR", type="Country", label="France", aliases=["فرنسا", "France"],
               documents=["ar-1", "fr 2"], labels={"en": "France", "fr": "France", "ar": "فرنسا"},
               alias_langs={"ar": ["فرنسا"], "fr": ["France"]}, iso3166="FR", geonames=3017382),
        Entity(id="agency/dgst", type="GovernmentAgency", label="المديرية العامة لمراقبة التراب الوطني",
               aliases=["المديرية العامة لمراقبة التراب الوطني"], documents=["ar-1"]),
        Entity(id="person/hammouchi", type="Person", label="Abdellatif Hammouchi", aliases=["Hammouchi"],
               documents=["ar-1"], labels={"ar": "عبد اللطيف حموشي"}),
        Entity(id="event/bataclan", type="Event", label="attentats du Bataclan", aliases=["attentats du Bataclan"],
               documents=["fr 2"]),
        Entity(id="city/paris", type="City", label="Paris", aliases=["Paris"], documents=["fr 2"], geonames=2988507),
    ]
    coop_evidence = [ev("ar-1", AR_TEXT, ar1), ev("fr 2", FR_TEXT, fr1)]
    intel = ev("ar-1", AR_TEXT, AR_TEXT.split(". ")[1])
    bataclan = ev("fr 2", FR_TEXT, FR_TEXT.split(". ")[1])
    relations = [
        Relation("country/MA", "cooperatesWith", "country/FR", domains=["security", "intelligence"],
                 confidence=0.8, extractor="rule:test", evidence=coop_evidence),
        Relation("agency/dgst", "providesIntelligenceTo", "country/FR", confidence=0.7, extractor="rule:test",
                 evidence=[intel]),
        Relation("agency/dgst", "agencyOf", "country/MA", confidence=0.9, extractor="rule:test", evidence=[intel]),
        Relation("person/hammouchi", "leads", "agency/dgst", confidence=0.9, extractor="rule:test", evidence=[intel]),
        Relation("event/bataclan", "occurredIn", "city/paris", confidence=0.9, extractor="rule:test",
                 evidence=[bataclan]),
        Relation("event/bataclan", "occurredOn", "2015-11-13", confidence=0.9, extractor="rule:test",
                 evidence=[bataclan]),
        Relation("country/FR", "involvedIn", "event/bataclan", confidence=0.5, extractor="rule:test",
                 evidence=[bataclan], negated=True),
    ]
    return build_graph(entities, relations, docs)


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return small_graph()


@pytest.fixture(scope="module")
def out(G, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("rdf-out")
    for name in EXPORTERS:
        get_exporter(name)(G, out)
    return out


def test_one_named_graph_per_document(G):
    ds = to_dataset(G)
    names = {c.identifier for c in ds.graphs() if len(c)}
    assert names == {graph_iri("ar-1"), graph_iri("fr 2")}
    assert str(graph_iri("fr 2")) == "https://doc2kg.org/graph/fr%202"


def test_the_graphs_of_some_documents_are_those_of_the_whole_dataset(G):
    """``only``: an incremental run builds the named graphs of its touched documents alone,
    and they must be the whole dataset's (the shared entities' triples included)."""
    whole = dataset_triples(G)
    part = dataset_triples(G, only={"fr 2"})
    assert set(part) - {None} == {graph_iri("fr 2")}
    assert part[graph_iri("fr 2")] == whole[graph_iri("fr 2")]
    assert (entity_iri("country/MA"), RDF.type, D2K.Country) in part[graph_iri("fr 2")]


def test_fact_of_two_documents_is_in_both_graphs_evidence_only_in_its_own(G):
    ds = to_dataset(G)
    ar, fr = ds.graph(graph_iri("ar-1")), ds.graph(graph_iri("fr 2"))
    truthy = (entity_iri("country/MA"), D2K.cooperatesWith, entity_iri("country/FR"))
    assert truthy in ar and truthy in fr
    st = statement_iri("country/MA", "cooperatesWith", "country/FR")
    ar_quoted = {ar.value(e, PROV.wasQuotedFrom) for e in ar.objects(st, PROV.wasDerivedFrom)}
    fr_quoted = {fr.value(e, PROV.wasQuotedFrom) for e in fr.objects(st, PROV.wasDerivedFrom)}
    assert ar_quoted == {document_iri("ar-1")} and fr_quoted == {document_iri("fr 2")}
    # entity descriptions go with the documents that mention them
    assert (entity_iri("agency/dgst"), RDF.type, D2K.GovernmentAgency) in ar
    assert (entity_iri("agency/dgst"), None, None) not in fr


def test_statement_node_carries_domains_confidence_extractor_evidence(G):
    g = to_rdf(G)
    st = statement_iri("country/MA", "cooperatesWith", "country/FR")
    assert (st, RDF.type, D2K.Statement) in g
    assert g.value(st, RDF.subject) == entity_iri("country/MA")
    assert g.value(st, RDF.predicate) == D2K.cooperatesWith
    assert set(g.objects(st, D2K.domain)) == {DOMAIN.security, DOMAIN.intelligence}
    assert g.value(st, D2K.confidence) == Literal("0.800", datatype=XSD.decimal)
    assert str(g.value(st, D2K.extractor)) == "rule:test"
    evidence = sorted(g.objects(st, PROV.wasDerivedFrom))
    assert len(evidence) == 2
    ar_ev = URIRef(f"{document_iri('ar-1')}#char=0,{len(AR_TEXT.split('. ')[0])}")
    assert ar_ev in evidence
    assert g.value(ar_ev, PROV.value) == Literal(AR_TEXT.split(". ")[0], lang="ar")
    assert g.value(ar_ev, D2K.startOffset).toPython() == 0


def test_labels_one_pref_per_language_and_tagged_aliases(G):
    g = to_rdf(G)
    ma = entity_iri("country/MA")
    prefs = sorted((lit.language, str(lit)) for lit in g.objects(ma, SKOS.prefLabel))
    assert prefs == [("ar", "المغرب"), ("en", "Morocco"), ("fr", "Maroc")]
    alts = {(lit.language, str(lit)) for lit in g.objects(ma, SKOS.altLabel)}
    assert alts == {("ar", "المغرب"), ("fr", "Maroc")}
    # no recorded language: Arabic script -> ar, Latin in a French-only entity -> fr
    agency_pref = {lit.language for lit in g.objects(entity_iri("agency/dgst"), SKOS.prefLabel)}
    assert agency_pref == {"ar"}
    assert {lit.language for lit in g.objects(entity_iri("event/bataclan"), SKOS.prefLabel)} == {"fr"}
    # a given ar label and the Latin main label both kept, one per language
    person = sorted(lit.language for lit in g.objects(entity_iri("person/hammouchi"), SKOS.prefLabel))
    assert person == ["ar", "en"]


def test_one_rdfs_label_per_entity_english_else_document_language(G):
    g = to_rdf(G)
    labels = {s: list(g.objects(s, RDFS.label)) for s in g.subjects(D2K.identifier, None)}
    assert all(len(found) == 1 for found in labels.values()), labels
    assert labels[entity_iri("country/MA")] == [Literal("Morocco", lang="en")]
    assert labels[entity_iri("person/hammouchi")] == [Literal("Abdellatif Hammouchi", lang="en")]
    # no English name: the name in the language of the document that mentions it
    assert labels[entity_iri("agency/dgst")] == [Literal("المديرية العامة لمراقبة التراب الوطني", lang="ar")]
    assert labels[entity_iri("event/bataclan")] == [Literal("attentats du Bataclan", lang="fr")]


def test_symmetric_relation_stored_both_ways_with_one_statement_node(G):
    g = to_rdf(G)
    ma, fr = entity_iri("country/MA"), entity_iri("country/FR")
    assert (ma, D2K.cooperatesWith, fr) in g and (fr, D2K.cooperatesWith, ma) in g
    statements = [st for st in g.subjects(RDF.predicate, D2K.cooperatesWith)]
    assert statements == [statement_iri("country/MA", "cooperatesWith", "country/FR")]
    # an asymmetric relation keeps its one direction
    assert (fr, D2K.providesIntelligenceTo, entity_iri("agency/dgst")) not in g
    assert (entity_iri("agency/dgst"), D2K.providesIntelligenceTo, fr) in g


def test_entity_iris_written_with_per_type_prefixes_that_paste_into_sparql(out):
    text = (out / "graph.ttl").read_text(encoding="utf-8")
    assert "@prefix country: <https://doc2kg.org/id/country/> ." in text
    assert "@prefix agency: <https://doc2kg.org/id/agency/> ." in text
    assert "country:MA" in text and "<https://doc2kg.org/id/country/MA>" not in text
    store = ox.Store()
    store.load(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    prefixes = "PREFIX country: <https://doc2kg.org/id/country/> PREFIX d2k: <https://doc2kg.org/ontology#> "
    assert bool(store.query(prefixes + "ASK { country:MA d2k:cooperatesWith country:FR }"))
    assert bool(store.query(prefixes + "ASK { country:FR d2k:cooperatesWith country:MA }"))


def test_geonames_iso_and_types(G):
    g = to_rdf(G)
    ma = entity_iri("country/MA")
    assert (ma, OWL.sameAs, URIRef("https://sws.geonames.org/2542007/")) in g
    assert str(g.value(ma, D2K.iso3166Code)) == "MA"
    assert (ma, RDFS.seeAlso, URIRef("https://www.iso.org/obp/ui/#iso:code:3166:MA")) in g
    assert (entity_iri("city/paris"), RDF.type, D2K.City) in g


def test_dates_typed_and_negated_has_no_truthy_triple(G):
    g = to_rdf(G)
    date = g.value(entity_iri("event/bataclan"), D2K.occurredOn)
    assert date.datatype == XSD.date and str(date) == "2015-11-13"
    assert (entity_iri("country/FR"), D2K.involvedIn, entity_iri("event/bataclan")) not in g
    st = statement_iri("country/FR", "involvedIn", "event/bataclan")
    assert g.value(st, D2K.negated).toPython() is True


def test_document_node(G):
    g = to_rdf(G)
    d = document_iri("fr 2")
    assert (d, RDF.type, URIRef("https://schema.org/NewsArticle")) in g
    assert str(g.value(d, URIRef("https://schema.org/inLanguage"))) == "fr"
    assert str(g.value(d, D2K.contentHash)) == "b" * 64
    assert g.value(d, URIRef("https://schema.org/headline")) == Literal("Coopération", lang="fr")


def _rdf_entities_relations(g: Graph) -> tuple[set, set]:
    entities = {(str(g.value(s, D2K.identifier)), str(o).split("#")[1])
                for s, o in g.subject_objects(RDF.type) if (s, D2K.identifier, None) in g}
    relations = set()
    for st in g.subjects(RDF.type, D2K.Statement):
        obj = g.value(st, RDF.object)
        tail = str(g.value(obj, D2K.identifier)) if isinstance(obj, URIRef) else str(obj)
        relations.add((str(g.value(g.value(st, RDF.subject), D2K.identifier)),
                       str(g.value(st, RDF.predicate)).split("#")[1], tail))
    return entities, relations


def _json_entities_relations(path: Path) -> tuple[set, set]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return ({(e["id"], e["type"]) for e in data["entities"]},
            {(r["head"], r["type"], r["tail"]) for r in data["relations"]})


def test_round_trip_turtle_matches_graph_json(out):
    entities, relations = _rdf_entities_relations(Graph().parse(out / "graph.ttl"))
    assert (entities, relations) == _json_entities_relations(out / "graph.json")
    assert len(relations) == 7


def test_round_trip_on_seed(seed_run):
    g = Graph().parse(seed_run.out_dir / "graph.ttl")
    assert _rdf_entities_relations(g) == _json_entities_relations(seed_run.out_dir / "graph.json")
    assert ("country/MA", "Country") in _rdf_entities_relations(g)[0]


def test_every_serialization_parses_with_rdflib_and_oxigraph(out):
    union = Graph().parse(out / "graph.ttl", format="turtle")
    ds = Dataset()
    ds.parse(out / "graph.trig", format="trig")
    nq = Dataset()
    nq.parse(out / "graph.nq", format="nquads")
    jsonld = Graph().parse(out / "graph.jsonld", format="json-ld")
    assert len(union) > 50
    assert len(jsonld) == len(union)
    assert len(set(ds.quads())) == len(set(nq.quads())) == len(open(out / "graph.nq").readlines())
    assert {(s, p, o) for s, p, o, _ in nq.quads()} == set(union)
    for name, fmt in (("graph.ttl", ox.RdfFormat.TURTLE), ("graph.nq", ox.RdfFormat.N_QUADS),
                      ("graph.trig", ox.RdfFormat.TRIG)):
        store = ox.Store()
        store.load(path=str(out / name), format=fmt)
        triples = {(q.subject, q.predicate, q.object) for q in store}
        assert len(triples) == len(union), name
    store = ox.Store()
    store.load(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS)
    assert {str(g.value) for g in store.named_graphs()} == {
        "https://doc2kg.org/graph/ar-1", "https://doc2kg.org/graph/fr%202"}


def test_jsonld_uses_context(out):
    data = json.loads((out / "graph.jsonld").read_text(encoding="utf-8"))
    assert data["@context"]["d2k"] == "https://doc2kg.org/ontology#"
    ma = next(n for n in data["@graph"] if n["@id"] == "https://doc2kg.org/id/country/MA")
    assert ma["prefLabel"] == {"ar": "المغرب", "en": "Morocco", "fr": "Maroc"}


def test_graphml_and_node_link_read_back_with_networkx(G, out):
    H = nx.read_graphml(out / "graph.graphml", force_multigraph=True)
    assert set(H.nodes) == set(G.nodes)
    assert json.loads(H.nodes["country/MA"]["aliases"]) == ["المغرب", "Maroc"]
    edge = next(a for _, _, a in H.edges(data=True) if a["type"] == "cooperatesWith")
    assert json.loads(edge["evidence"])[0]["document"] == "ar-1"
    data = json.loads((out / "graph.nodelink.json").read_text(encoding="utf-8"))
    N = nx.node_link_graph(data, edges="edges")
    assert set(N.edges(keys=True)) == set(G.edges(keys=True))
    assert N.graph["documents"]["fr 2"]["lang"] == "fr"


def test_outputs_byte_identical_across_runs(G, out, tmp_path):
    again = small_graph()
    for name in EXPORTERS:
        get_exporter(name)(again, tmp_path)
    for path in sorted(out.iterdir()):
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


def test_rdf_exporters_run_by_default():
    assert set(EXPORTERS) <= set(DEFAULT)


def test_single_format_exporters_by_name(G, tmp_path):
    for name, file in (("ttl", "graph.ttl"), ("trig", "graph.trig"), ("nq", "graph.nq")):
        assert get_exporter(name)(G, tmp_path) == [tmp_path / file]


def test_outputs_byte_identical_across_processes(tmp_path):
    """Set and dict order depends on the hash seed: two processes must still agree."""
    script = ("import sys; from pathlib import Path; from pipeline.exporters import get_exporter; "
              "from tests.exporters.test_rdf import small_graph; G = small_graph(); "
              "[get_exporter(n)(G, Path(sys.argv[1])) for n in ('rdf', 'jsonld', 'graphml', 'nodelink')]")
    root = Path(__file__).resolve().parents[2]
    for seed in ("1", "2"):
        subprocess.run([sys.executable, "-c", script, str(tmp_path / seed)], cwd=root, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed})
    files = sorted(p.name for p in (tmp_path / "1").iterdir())
    assert len(files) == 6
    for name in files:
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes(), name


def rdflib_trig(ds) -> bytes:
    """graph.trig as rdflib writes it: each non-empty graph serialized alone, prefixes on top."""
    from rdflib import Dataset
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    from pipeline.exporters.rdf import _bind

    prefixes, blocks = set(), []
    graphs = sorted((g for g in ds.graphs() if len(g)),
                    key=lambda g: (g.identifier != DATASET_DEFAULT_GRAPH_ID, str(g.identifier)))
    for graph in graphs:
        one = Dataset()
        _bind(one)
        target = one.default_graph if graph.identifier == DATASET_DEFAULT_GRAPH_ID else one.graph(graph.identifier)
        for t in graph:
            target.add(t)
        lines = one.serialize(format="trig").splitlines()
        prefixes.update(line for line in lines if line.startswith("@prefix"))
        blocks.append("\n".join(line for line in lines if not line.startswith("@prefix")).strip("\n"))
    return ("\n".join(sorted(prefixes)) + "\n\n" + "\n\n".join(blocks) + "\n").encode("utf-8")


def test_written_files_equal_rdflib_serializers(G, tmp_path):
    """graph.ttl/.trig/.nq are written from plain triples: byte for byte what rdflib's own
    serializers write for the same dataset."""
    from pipeline.exporters.rdf import sorted_lines, union_graph, write

    ds = to_dataset(G)
    write(G, tmp_path)
    assert (tmp_path / "graph.ttl").read_bytes() == union_graph(ds).serialize(format="turtle", encoding="utf-8")
    assert (tmp_path / "graph.trig").read_bytes() == rdflib_trig(ds)
    assert (tmp_path / "graph.nq").read_bytes() == sorted_lines(ds.serialize(format="nquads", encoding="utf-8"))


def test_nquads_merged_from_sorted_runs_equal_one_sort(G, tmp_path):
    from pipeline.exporters.rdf import dataset_triples
    from pipeline.exporters.rdf_text import nquad_lines

    graphs = dataset_triples(G)
    whole = list(nquad_lines(graphs))
    assert whole == sorted(set(whole)) and len(whole) > 20
    assert list(nquad_lines(graphs, chunk=7, workdir=str(tmp_path))) == whole


def test_unsupported_rdf_falls_back_to_rdflib():
    """A blank node is outside what the fast writers reproduce: rdflib serializes it."""
    from rdflib import BNode, Literal

    from pipeline.exporters.rdf import nquads_text, turtle_text

    b = BNode("b1")
    graphs = {graph_iri("d1"): {(entity_iri("country/MA"), D2K.identifier, Literal("country/MA")),
                                (entity_iri("country/MA"), D2K.partOf, b)}}
    assert b"_:b1" in nquads_text(graphs)
    assert b"d2k:partOf [ ]" in turtle_text(graphs) or b"_:" in turtle_text(graphs)


def test_jsonld_compacted_in_batches_equals_one_batch(G, tmp_path, monkeypatch):
    from pipeline.exporters import jsonld

    jsonld.write(G, tmp_path / "one")
    monkeypatch.setattr(jsonld, "SUBJECTS_PER_BATCH", 2)
    jsonld.write(G, tmp_path / "many")
    data = (tmp_path / "one" / "graph.jsonld").read_bytes()
    assert (tmp_path / "many" / "graph.jsonld").read_bytes() == data
    assert len(json.loads(data)["@graph"]) > 4


def test_default_graph_and_named_graphs_written_as_rdflib_does():
    """Statements without a document (the default graph) take rdflib's own TriG path; every
    file still equals rdflib's serializers."""
    from rdflib import Dataset, Literal

    from pipeline.exporters.rdf import _bind, nquads_text, sorted_lines, trig_text, turtle_text, union_graph

    graphs = {None: {(entity_iri("a/x"), D2K.identifier, Literal("a/x"))},
              graph_iri("d 1"): {(entity_iri("a/x"), D2K.identifier, Literal("a/x")),
                                 (entity_iri("a/y"), D2K.partOf, entity_iri("a/x"))}}
    ds = Dataset()
    _bind(ds)
    for graph, triples in graphs.items():
        target = ds.default_graph if graph is None else ds.graph(graph)
        for t in triples:
            target.add(t)
    assert trig_text(graphs) == rdflib_trig(ds)
    assert trig_text(graphs).decode().split("\n\n")[1].startswith("{")
    assert nquads_text(graphs) == sorted_lines(ds.serialize(format="nquads", encoding="utf-8"))
    assert turtle_text(graphs) == union_graph(ds).serialize(format="turtle", encoding="utf-8")


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c"])
def test_trig_keeps_a_literal_with_a_character_python_splits_lines_on(char):
    """A quote's text may hold a line or paragraph separator; the TriG file must still parse
    and give back the very literal (its blocks were once rejoined from ``splitlines()``)."""
    from pipeline.exporters.rdf import trig_text

    text = f"avant{char}après"
    graphs = {graph_iri("d 1"): {(entity_iri("a/x"), D2K.identifier, Literal(text, lang="fr"))}}
    ds = Dataset()
    ds.parse(data=trig_text(graphs).decode("utf-8"), format="trig")
    assert [o for _, _, o, _ in ds.quads((None, D2K.identifier, None, None))] == [Literal(text, lang="fr")]


# ---- time and sources: the document node, a role's status and dates, attribution

TIME_TEXT = ("RABAT, 5 mars 2024 (AFP) - L'ancien directeur de la DGSN a rencontré le directeur actuel. "
             "Selon Europol, le Maroc coopère avec l'Espagne.")


def time_graph() -> nx.MultiDiGraph:
    doc = Document(id="fr-t", text=TIME_TEXT, lang="fr", content_hash="c" * 64, title="Rencontre",
                   publisher="AFP", url="https://example.org/a?b=1", published="2024-03-05", dateline="RABAT",
                   outlet="AFP")
    first, second = TIME_TEXT.split(". ")
    e1, e2 = ev("fr-t", TIME_TEXT, first), ev("fr-t", TIME_TEXT, second)
    entities = [
        Entity(id="person/old", type="Person", label="Old Director", documents=["fr-t"]),
        Entity(id="person/new", type="Person", label="New Director", documents=["fr-t"]),
        Entity(id="agency/dgsn", type="GovernmentAgency", label="DGSN", documents=["fr-t"]),
        Entity(id="country/MA", type="Country", label="Maroc", documents=["fr-t"]),
        Entity(id="country/ES", type="Country", label="Espagne", documents=["fr-t"]),
        Entity(id="io/europol", type="InternationalOrganization", label="Europol", documents=["fr-t"]),
    ]
    relations = [
        Relation("person/old", "leads", "agency/dgsn", extractor="rule:test", evidence=[e1], status="former",
                 start="2005", end="2015-05", attributed_to="outlet"),
        Relation("person/new", "leads", "agency/dgsn", extractor="rule:test", evidence=[e1], status="current",
                 start="2015-05", attributed_to="outlet"),
        Relation("country/MA", "cooperatesWith", "country/ES", extractor="rule:test", evidence=[e2],
                 attributed_to="io/europol"),
    ]
    return build_graph(entities, relations, [doc])


def test_document_node_has_publication_date_outlet_url_dateline():
    g = to_rdf(time_graph())
    d = document_iri("fr-t")
    assert g.value(d, URIRef("https://schema.org/datePublished")) == Literal("2024-03-05", datatype=XSD.date)
    assert g.value(d, URIRef("https://schema.org/url")) == Literal("https://example.org/a?b=1", datatype=XSD.anyURI)
    assert str(g.value(d, URIRef("https://schema.org/dateline"))) == "RABAT"
    outlet = g.value(d, D2K.outlet)
    assert (outlet, RDF.type, PROV.Agent) in g and str(g.value(outlet, URIRef("https://schema.org/name"))) == "AFP"


def test_a_former_head_keeps_its_statement_but_no_truthy_triple():
    g = to_rdf(time_graph())
    old = statement_iri("person/old", "leads", "agency/dgsn")
    new = statement_iri("person/new", "leads", "agency/dgsn")
    assert (entity_iri("person/old"), D2K.leads, entity_iri("agency/dgsn")) not in g
    assert (entity_iri("person/new"), D2K.leads, entity_iri("agency/dgsn")) in g
    assert str(g.value(old, D2K.roleStatus)) == "former" and str(g.value(new, D2K.roleStatus)) == "current"
    assert g.value(old, D2K.startDate) == Literal("2005", datatype=XSD.gYear)
    assert g.value(old, D2K.endDate) == Literal("2015-05", datatype=XSD.gYearMonth)


def test_attribution_to_the_named_source_else_the_outlet():
    g = to_rdf(time_graph())
    coop = statement_iri("country/MA", "cooperatesWith", "country/ES")
    assert g.value(coop, PROV.wasAttributedTo) == entity_iri("io/europol")
    old = statement_iri("person/old", "leads", "agency/dgsn")
    assert g.value(old, PROV.wasAttributedTo) == g.value(document_iri("fr-t"), D2K.outlet)


def test_graph_json_keeps_document_metadata_and_role_fields(tmp_path):
    get_exporter("json")(time_graph(), tmp_path)
    data = json.loads((tmp_path / "graph.json").read_text(encoding="utf-8"))
    (doc,) = data["documents"]
    assert (doc["id"], doc["published"], doc["publisher"], doc["dateline"]) == ("fr-t", "2024-03-05", "AFP", "RABAT")
    old = next(r for r in data["relations"] if r["head"] == "person/old")
    assert (old["status"], old["start"], old["end"], old["attributed_to"]) == ("former", "2005", "2015-05", "outlet")


def test_a_gazetteer_city_lies_in_its_country_and_the_shape_checks_it():
    from pipeline.commands.validate import validate_graph

    doc = Document(id="en-c", text="Police in Lyon arrested two men.", lang="en", content_hash="d" * 64)
    lyon = Entity(id="city/2996944", type="City", label="Lyon", documents=["en-c"], geonames=2996944, country="FR")
    town = Entity(id="city/abc", type="City", label="Nowhere", documents=["en-c"])  # no gazetteer entry
    g = to_rdf(build_graph([lyon, town], [], [doc]))
    contained = URIRef("https://schema.org/containedInPlace")
    assert list(g.objects(entity_iri("city/2996944"), contained)) == [entity_iri("country/FR")]
    assert list(g.objects(entity_iri("city/abc"), contained)) == []
    conforms, violations = validate_graph(g, strict=True)
    assert conforms, violations
    g.add((entity_iri("city/abc"), contained, Literal("France")))  # a name, not a country id
    conforms, violations = validate_graph(g, strict=True)
    assert not conforms and {v["path"] for v in violations} == {str(contained)}


def test_a_fact_two_outlets_report_is_attributed_to_both_and_conforms():
    from pipeline.commands.validate import validate_graph

    text = "Le Maroc coopère avec l'Espagne."
    docs = [Document(id=i, text=text, lang="fr", content_hash=c * 64, publisher=o, outlet=o)
            for i, c, o in (("fr-a", "a", "AFP"), ("fr-b", "b", "Le Monde"))]
    entities = [Entity(id="country/MA", type="Country", label="Maroc", documents=["fr-a", "fr-b"]),
                Entity(id="country/ES", type="Country", label="Espagne", documents=["fr-a", "fr-b"])]
    coop = Relation("country/MA", "cooperatesWith", "country/ES", extractor="rule:test", attributed_to="outlet",
                    evidence=[ev(d.id, text, text) for d in docs])
    g = to_rdf(build_graph(entities, [coop], docs))
    sources = set(g.objects(statement_iri("country/MA", "cooperatesWith", "country/ES"), PROV.wasAttributedTo))
    assert sources == {g.value(document_iri("fr-a"), D2K.outlet), g.value(document_iri("fr-b"), D2K.outlet)}
    conforms, violations = validate_graph(g, strict=True)
    assert conforms, violations


def test_each_document_s_graph_says_who_states_the_fact_there():
    # fr-a names Europol as the source; fr-b says nothing of one: its outlet states it.
    texts = {"fr-a": "Selon Europol, le Maroc coopère avec l'Espagne.", "fr-b": "Le Maroc coopère avec l'Espagne."}
    docs = [Document(id=i, text=t, lang="fr", content_hash=c * 64, publisher=o, outlet=o)
            for (i, t), c, o in zip(texts.items(), "ab", ("AFP", "Le Monde"))]
    entities = [Entity(id="country/MA", type="Country", label="Maroc", documents=["fr-a", "fr-b"]),
                Entity(id="country/ES", type="Country", label="Espagne", documents=["fr-a", "fr-b"]),
                Entity(id="io/europol", type="InternationalOrganization", label="Europol", documents=["fr-a"])]
    coop = Relation("country/MA", "cooperatesWith", "country/ES", extractor="rule:test", attributed_to="io/europol",
                    evidence=[ev(d, t, t) for d, t in texts.items()],
                    by_document={"fr-a": {"attributed_to": "io/europol"}, "fr-b": {"attributed_to": "outlet"}})
    ds = to_dataset(build_graph(entities, [coop], docs))
    st = statement_iri("country/MA", "cooperatesWith", "country/ES")
    g_a, g_b = (ds.graph(graph_iri(d)) for d in ("fr-a", "fr-b"))
    assert set(g_a.objects(st, PROV.wasAttributedTo)) == {entity_iri("io/europol")}
    assert set(g_b.objects(st, PROV.wasAttributedTo)) == {g_b.value(document_iri("fr-b"), D2K.outlet)}


def test_an_event_carries_its_kind_and_the_shape_checks_it():
    from pipeline.commands.validate import validate_graph

    doc = Document(id="en-k", text="The African Lion exercise opened in Agadir.", lang="en", content_hash="e" * 64)
    lion = Entity(id="event/lion", type="Event", label="African Lion exercise", documents=["en-k"],
                  event_kind="exercise")
    agadir = Entity(id="city/x", type="City", label="Agadir", documents=["en-k"])
    g = to_rdf(build_graph([lion, agadir], [], [doc]))
    assert list(g.objects(entity_iri("event/lion"), D2K.eventKind)) == [Literal("exercise")]
    assert list(g.objects(entity_iri("city/x"), D2K.eventKind)) == []
    conforms, violations = validate_graph(g, strict=True)
    assert conforms, violations
    g.add((entity_iri("event/lion"), D2K.eventKind, Literal("summit")))  # two kinds
    conforms, violations = validate_graph(g, strict=True)
    assert not conforms and {v["path"] for v in violations} == {str(D2K.eventKind)}


def test_a_symmetric_statement_names_both_parties_and_the_shape_checks_it(G):
    from pipeline.commands.validate import validate_graph

    g = to_rdf(G)
    ma, fr = entity_iri("country/MA"), entity_iri("country/FR")
    coop = statement_iri("country/MA", "cooperatesWith", "country/FR")
    assert set(g.objects(coop, D2K.between)) == {ma, fr}
    # found from either party in one pattern; an asymmetric statement has no d2k:between
    assert list(g.subjects(D2K.between, fr)) == [coop] and list(g.subjects(D2K.between, ma)) == [coop]
    assert list(g.objects(statement_iri("agency/dgst", "providesIntelligenceTo", "country/FR"), D2K.between)) == []
    conforms, violations = validate_graph(g, strict=True)
    assert conforms, violations
    g.remove((coop, D2K.between, fr))
    g.add((coop, D2K.between, entity_iri("country/ES")))
    conforms, violations = validate_graph(g, strict=True)
    assert not conforms
    messages = [v["message"] for v in violations if v["focus"] == str(coop) and "between" in v["message"]]
    assert len(messages) == 2  # France is missing, Spain is no party
    assert any(str(fr) in m for m in messages) and any(str(entity_iri("country/ES")) in m for m in messages)


def test_a_statement_carries_the_publication_dates_of_the_documents_it_is_read_in():
    text = "Le Maroc coopère avec l'Espagne."
    docs = [Document(id="fr-a", text=text, lang="fr", content_hash="a" * 64, published="2016-03-01"),
            Document(id="fr-b", text=text, lang="fr", content_hash="b" * 64, published="2015-11"),
            Document(id="fr-c", text=text, lang="fr", content_hash="c" * 64)]  # undated
    entities = [Entity(id="country/MA", type="Country", label="Maroc", documents=[d.id for d in docs]),
                Entity(id="country/ES", type="Country", label="Espagne", documents=[d.id for d in docs])]
    coop = Relation("country/MA", "cooperatesWith", "country/ES", extractor="rule:test",
                    evidence=[ev(d.id, text, text) for d in docs])
    ds = to_dataset(build_graph(entities, [coop], docs))
    st = statement_iri("country/MA", "cooperatesWith", "country/ES")
    # each in its document's graph, typed as the document's datePublished; none for the undated one
    assert list(ds.graph(graph_iri("fr-a")).objects(st, D2K.reportedOn)) == [Literal("2016-03-01", datatype=XSD.date)]
    assert list(ds.graph(graph_iri("fr-b")).objects(st, D2K.reportedOn)) == [Literal("2015-11", datatype=XSD.gYearMonth)]
    assert list(ds.graph(graph_iri("fr-c")).objects(st, D2K.reportedOn)) == []
    # each document asserts the statement it is evidence for, dated or not, in its own graph
    for d in ("fr-a", "fr-b", "fr-c"):
        assert set(ds.graph(graph_iri(d)).subject_objects(D2K.asserts)) == {(document_iri(d), st)}
    # and the year beside the date (the statements reported in a year: one index lookup)
    assert list(ds.graph(graph_iri("fr-a")).objects(st, D2K.reportedInYear)) == [Literal("2016", datatype=XSD.gYear)]
    assert list(ds.graph(graph_iri("fr-b")).objects(st, D2K.reportedInYear)) == [Literal("2015", datatype=XSD.gYear)]
    assert list(ds.graph(graph_iri("fr-c")).objects(st, D2K.reportedInYear)) == []
    # the same values as the evidence path, which the queries no longer walk
    path = ("SELECT ?d WHERE { ?st prov:wasDerivedFrom/prov:wasQuotedFrom/schema:datePublished ?d }")
    g = union_graph(ds)
    assert {r[0] for r in g.query(path, initNs={"prov": PROV, "schema": "https://schema.org/"},
                                   initBindings={"st": st})} == set(g.objects(st, D2K.reportedOn))
    quoted = "SELECT ?doc ?st WHERE { ?st prov:wasDerivedFrom/prov:wasQuotedFrom ?doc }"
    assert {tuple(r) for r in g.query(quoted, initNs={"prov": PROV})} == set(g.subject_objects(D2K.asserts))
