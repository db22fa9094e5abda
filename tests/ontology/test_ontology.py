"""The OWL ontology, the SHACL shapes and the example queries of ontology/."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from pipeline.commands.validate import validate_graph
from pipeline.exporters.rdf import (
    D2K, DOMAIN, document_iri, entity_iri, statement_iri, to_dataset, to_rdf, union_graph,
)
from pipeline.model import DOMAINS
from tests.exporters.test_rdf import small_graph, time_graph

ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology"
SCHEMA = "https://schema.org/"
QUERIES = ONTOLOGY / "queries"
XSD_GYEAR = "http://www.w3.org/2001/XMLSchema#gYear"


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY / "doc2kg.ttl")


def test_provenance_classes_and_domains_are_declared(onto):
    # Entity classes and relation properties: test_type_tables.py checks them against model.py.
    for name in ("Document", "Statement", "Evidence"):
        assert (D2K[name], RDF.type, OWL.Class) in onto, name
    assert {str(c).rsplit("/", 1)[1] for c in onto.subjects(SKOS.inScheme, DOMAIN.Domains)} == set(DOMAINS)


def test_labels_and_comments_in_three_languages(onto):
    terms = {s for s in onto.subjects(RDF.type, None) if str(s).startswith(str(D2K))}
    assert len(terms) > 25
    for term in terms:
        for prop in (RDFS.label, RDFS.comment):
            langs = {lit.language for lit in onto.objects(term, prop)}
            assert {"en", "fr", "ar"} <= langs, (term, prop, langs)


def test_alignments(onto):
    expected = {"Person": "Person", "Country": "Country", "City": "City", "Location": "Place",
                "GovernmentAgency": "GovernmentOrganization", "Organization": "Organization",
                "InternationalOrganization": "Organization", "Event": "Event", "Document": "NewsArticle"}
    for cls, schema_cls in expected.items():
        assert (D2K[cls], RDFS.subClassOf, URIRef(SCHEMA + schema_cls)) in onto, cls
    org = "http://www.w3.org/ns/org#"
    wdt = "http://www.wikidata.org/prop/direct/"
    assert (D2K.leads, RDFS.subPropertyOf, URIRef(org + "headOf")) in onto
    assert (D2K.memberOf, RDFS.subPropertyOf, URIRef(org + "memberOf")) in onto
    assert (D2K.agencyOf, SKOS.closeMatch, URIRef(org + "subOrganizationOf")) in onto
    for prop, wd in (("memberOf", "P463"), ("agencyOf", "P17"), ("locatedIn", "P131"), ("occurredIn", "P276"),
                     ("occurredOn", "P585")):
        assert (D2K[prop], RDFS.subPropertyOf, URIRef(wdt + wd)) in onto, prop
    cameo = onto.value(onto.value(D2K.providesIntelligenceTo, SKOS.closeMatch), SKOS.notation)
    assert str(cameo) == "064"
    assert (D2K.Statement, RDFS.subClassOf, URIRef("http://www.w3.org/ns/prov#Entity")) in onto


# ---- SHACL shapes


def test_export_conforms_to_shapes():
    conforms, violations = validate_graph(to_rdf(small_graph()), strict=True)
    assert conforms, violations


def test_seed_output_conforms(seed_run):
    conforms, violations = validate_graph(Graph().parse(seed_run.out_dir / "graph.ttl"), strict=True)
    assert conforms, violations


def test_wrong_relation_types_are_warnings_not_violations():
    G = small_graph()
    attrs = dict(G.edges["person/hammouchi", "agency/dgst", "leads"], type="memberOf")
    G.add_edge("person/hammouchi", "country/MA", key="memberOf", **attrs)  # a person is no member of a country
    g = to_rdf(G)
    conforms, results = validate_graph(g)
    assert conforms
    assert [(r["severity"], r["path"]) for r in results if r["focus"] == str(entity_iri("person/hammouchi"))] == [
        ("Warning", str(D2K.memberOf))]
    assert not validate_graph(g, strict=True)[0]


def test_shapes_catch_broken_outputs():
    g = to_rdf(small_graph())
    ma, st = entity_iri("country/MA"), statement_iri("country/MA", "cooperatesWith", "country/FR")
    g.add((ma, SKOS.prefLabel, Literal("Kingdom of Morocco", lang="en")))            # 2nd @en prefLabel
    g.add((st, D2K.domain, DOMAIN.fishing))                                          # not a domain
    g.add((entity_iri("event/bataclan"), D2K.occurredOn, Literal("13/11/2015")))    # not a date
    g.add((entity_iri("city/paris"), D2K.leads, ma))                                 # a city does not lead
    orphan = statement_iri("x", "y", "z")
    g.add((orphan, RDF.type, D2K.Statement))                                         # no evidence
    g.add((entity_iri("country/FR"), D2K.memberOf, entity_iri("agency/dgst")))       # no statement node
    g.add((ma, RDFS.label, Literal("Maroc", lang="fr")))                              # a 2nd rdfs:label
    # reversed: only a symmetric relation may share its statement node with the reverse triple
    g.add((entity_iri("country/FR"), D2K.providesIntelligenceTo, entity_iri("agency/dgst")))
    conforms, violations = validate_graph(g, strict=True)
    assert not conforms
    focus = {(v["focus"], v["path"]) for v in violations}
    assert (str(ma), str(SKOS.prefLabel)) in focus
    assert (str(st), str(D2K.domain)) in focus
    assert (str(entity_iri("event/bataclan")), str(D2K.occurredOn)) in focus
    assert (str(orphan), "http://www.w3.org/ns/prov#wasDerivedFrom") in focus
    assert any(v["focus"] == str(entity_iri("city/paris")) and v["severity"] == "Warning" for v in violations)
    lenient, _ = validate_graph(g)
    assert not lenient  # the structural violations fail without --strict too
    assert any(v["focus"] == str(entity_iri("country/FR")) and "Statement" in v["message"] for v in violations)
    assert (str(ma), str(RDFS.label)) in focus
    assert any(v["focus"] == str(entity_iri("country/FR")) and "providesIntelligenceTo" in v["message"]
               for v in violations)
    assert not any("cooperatesWith" in v["message"] for v in violations)  # stored both ways, one node: valid


# ---- example queries, with rdflib and Oxigraph


def run_query(name: str, **params: str) -> tuple[list[tuple], list[tuple]]:
    """The query's rows with rdflib and with Oxigraph; ``params`` bind its variables to IRIs."""
    text = (QUERIES / name).read_text(encoding="utf-8")
    ds = to_dataset(small_graph())
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    target = ds if "GRAPH" in code else union_graph(ds)
    with_rdflib = [tuple(None if v is None else str(v) for v in row)
                   for row in target.query(text, initBindings={k: URIRef(v) for k, v in params.items()})]
    store = ox.Store()
    store.load(ds.serialize(format="nquads", encoding="utf-8"), format=ox.RdfFormat.N_QUADS)
    substitutions = {ox.Variable(k): ox.NamedNode(v) for k, v in params.items()}
    with_oxigraph = [tuple(None if v is None else v.value for v in row)
                     for row in store.query(text, use_default_graph_as_union=True, substitutions=substitutions)]
    return with_rdflib, with_oxigraph


def test_query_partners_of_country():
    for rows in run_query("partners_of_country.rq", country=str(entity_iri("country/MA"))):
        assert len(rows) == 1
        country, partner, label, _type, domains = rows[0]
        assert (country, partner, label) == (str(entity_iri("country/MA")), str(entity_iri("country/FR")), "France")
        assert set(domains.split(",")) == {"security", "intelligence"}
    for rows in run_query("partners_of_country.rq"):  # unbound: each side of the symmetric fact
        assert {(r[0], r[1]) for r in rows} == {(str(entity_iri("country/MA")), str(entity_iri("country/FR"))),
                                                (str(entity_iri("country/FR")), str(entity_iri("country/MA")))}
        assert all(set(r[4].split(",")) == {"security", "intelligence"} for r in rows)


def test_query_agencies_heads_countries():
    for rows in run_query("agencies_heads_countries.rq"):
        assert {(r[0], r[2], r[4]) for r in rows} == {
            (str(entity_iri("agency/dgst")), str(entity_iri("person/hammouchi")), str(entity_iri("country/MA")))}
        assert {r[5] for r in rows} == {"Morocco"}


def test_query_intelligence_sharing_with_evidence():
    for rows in run_query("intelligence_sharing.rq"):
        assert len(rows) == 1
        giver, _, receiver, receiver_label, document, start, end, sentence = rows[0]
        assert (giver, receiver, receiver_label) == (str(entity_iri("agency/dgst")), str(entity_iri("country/FR")),
                                                     "France")
        assert document == "https://doc2kg.org/doc/ar-1"
        assert sentence.startswith("سلمت") and int(end) - int(start) == len(sentence)


def test_query_events_place_date():
    for rows in run_query("events_place_date.rq"):
        assert rows == [(str(entity_iri("event/bataclan")), None, str(entity_iri("city/paris")), None,
                         "2015-11-13")]


def test_query_document_assertions_and_graph():
    for rows in run_query("document_assertions.rq", document="https://doc2kg.org/doc/ar-1"):
        assert {r[0] for r in rows} == {"https://doc2kg.org/doc/ar-1"}
        assert {r[2].split("#")[1] for r in rows} == {"cooperatesWith", "providesIntelligenceTo", "agencyOf", "leads"}
    for rows in run_query("document_assertions.rq"):  # unbound: every document
        assert {r[0] for r in rows} == {"https://doc2kg.org/doc/ar-1", "https://doc2kg.org/doc/fr%202"}
    for rows in run_query("document_graph.rq", graph="https://doc2kg.org/graph/ar-1"):
        assert rows and {r[0] for r in rows} == {"https://doc2kg.org/graph/ar-1"}


def test_queries_on_seed_output(seed_run):
    g = Graph().parse(seed_run.out_dir / "graph.ttl")
    partners = list(g.query((QUERIES / "partners_of_country.rq").read_text(encoding="utf-8"),
                            initBindings={"country": entity_iri("country/MA")}))
    assert [str(r[1]) for r in partners] == [str(entity_iri("country/FR"))]
    assert {"security", "intelligence"} <= set(str(partners[0][4]).split(","))
    asserted = list(g.query((QUERIES / "document_assertions.rq").read_text(encoding="utf-8")))
    assert asserted and all(str(r[7]) for r in asserted)
    store = ox.Store()
    store.load(path=str(seed_run.out_dir / "graph.nq"), format=ox.RdfFormat.N_QUADS)
    seed_graph = ox.NamedNode("https://doc2kg.org/graph/000_6b72f15d28a0d0d5")
    rows = list(store.query((QUERIES / "document_graph.rq").read_text(encoding="utf-8"),
                            substitutions={ox.Variable("graph"): seed_graph}))
    assert len(rows) == len(Dataset().parse(seed_run.out_dir / "graph.trig", format="trig").graph(
        URIRef("https://doc2kg.org/graph/000_6b72f15d28a0d0d5")))


def test_time_and_source_conform_and_shapes_catch_a_former_truthy_role():
    g = to_rdf(time_graph())
    conforms, violations = validate_graph(g, strict=True)
    assert conforms, violations
    old = statement_iri("person/old", "leads", "agency/dgsn")
    g.add((entity_iri("person/old"), D2K.leads, entity_iri("agency/dgsn")))     # a former head as current
    g.add((old, D2K.roleStatus, Literal("retired")))                              # not a status
    g.add((document_iri("fr-t"), URIRef("https://schema.org/datePublished"), Literal("5 mars")))  # not a date
    assert (old, D2K.reportedInYear, Literal("2024", datatype=URIRef(XSD_GYEAR))) in g  # written, and conforms
    g.add((old, D2K.reportedInYear, Literal("2024")))                             # a string, not an xsd:gYear
    conforms, violations = validate_graph(g, strict=True)
    assert not conforms
    focus = {(v["focus"], v["path"]) for v in violations}
    assert (str(old), str(D2K.roleStatus)) in focus
    assert (str(document_iri("fr-t")), "https://schema.org/datePublished") in focus
    assert (str(old), str(D2K.reportedInYear)) in focus
    assert any(v["focus"] == str(old) and "truthy" in v["message"] for v in violations)


def _time_rows(text: str) -> tuple[list[tuple], list[tuple]]:
    ds = to_dataset(time_graph())
    with_rdflib = [tuple(None if v is None else str(v) for v in row) for row in union_graph(ds).query(text)]
    store = ox.Store()
    store.load(ds.serialize(format="nquads", encoding="utf-8"), format=ox.RdfFormat.N_QUADS)
    with_oxigraph = [tuple(None if v is None else v.value for v in row)
                     for row in store.query(text, use_default_graph_as_union=True)]
    return with_rdflib, with_oxigraph


@pytest.mark.parametrize(("date", "head", "status"), [
    ("2010-06-01", "person/old", "former"),      # within 2005 .. 2015-05
    ("2015-05-20", "person/old", "former"),      # the month of the change: both
    ("2020-01-01", "person/new", "current"),     # since 2015-05, no end
])
def test_query_leaders_on_date(date, head, status):
    text = (QUERIES / "leaders_on_date.rq").read_text(encoding="utf-8").replace('"2016-06-01"', f'"{date}"').replace(
        '"2016"^^xsd:gYear', f'"{date[:4]}"^^xsd:gYear')
    for rows in _time_rows(text):
        assert (str(entity_iri("agency/dgsn")), str(entity_iri(head)), status) in {(r[0], r[2], r[4]) for r in rows}
        if date != "2015-05-20":
            assert len(rows) == 1


# IRIs whose string order differs from a naive one (a prefix, "-" and "%" before letters, upper case first).
SORTED_NAMES = ["org/A", "org/a", "org/a%20b", "org/a-b", "org/ab", "org/b"]


def _many_rows_graph() -> Graph:
    """small_graph's union plus cooperations of Morocco (in security), heads of agencies and
    places of events named in an order that is not the IRIs' (inserted in reverse)."""
    g = union_graph(to_dataset(small_graph()))
    ma = entity_iri("country/MA")
    for i, name in enumerate(reversed(SORTED_NAMES)):
        org, head = entity_iri(name), entity_iri(f"person/{9 - SORTED_NAMES.index(name)}")  # the reverse order
        g.add((org, RDF.type, D2K.Organization))
        g.add((org, RDF.type, D2K.GovernmentAgency))
        if i % 2:  # half of them with a head (the others: an unbound ?head, sorted first)
            g.add((head, D2K.leads, org))
        event = entity_iri(name.replace("org/", "event/"))
        g.add((event, RDF.type, D2K.Event))
        for place in SORTED_NAMES[:i % 3]:  # none, one or two places, in the reverse order
            g.add((event, D2K.occurredIn, entity_iri(place.replace("org/", "city/"))))
        g.add((ma, D2K.cooperatesWith, org))
        g.add((org, D2K.cooperatesWith, ma))
        coop = URIRef(f"https://doc2kg.org/statement/coop{i}")
        for p, o in ((RDF.predicate, D2K.cooperatesWith), (D2K.between, ma), (D2K.between, org),
                     (D2K.domain, DOMAIN.security)):
            g.add((coop, p, o))
        st = URIRef(f"https://doc2kg.org/statement/lead{i}")
        for p, o in ((RDF.predicate, D2K.leads), (RDF.subject, head), (RDF.object, org),
                     (D2K.startDate, Literal("2001", datatype=URIRef(XSD_GYEAR)))):
            g.add((st, p, o))
    return g


@pytest.mark.parametrize(("name", "keys", "terms"), [
    ("leaders_on_date.rq", "ORDER BY ?bodyKey ?headKey", "ORDER BY ?body ?head"),
    ("partners_of_country.rq", "ORDER BY (MIN(?countryKey)) (MIN(?partnerKey))", "ORDER BY ?country ?partner"),
    ("agencies_heads_countries.rq", "ORDER BY ?agencyKey ?headKey ?countryKey", "ORDER BY ?agency ?head ?country"),
    ("events_place_date.rq", "ORDER BY ?eventKey ?placeKey ?date", "ORDER BY ?event ?place ?date"),
])
def test_sort_keys_order_rows_as_the_terms_do(name, keys, terms):
    # The queries sort by string keys computed once per row (Oxigraph 0.5 decodes an IRI from
    # the store at each comparison of an ORDER BY on it): the same rows in the same order.
    text = (QUERIES / name).read_text(encoding="utf-8")
    assert keys in text
    g = _many_rows_graph()
    store = ox.Store()
    store.extend(ox.Quad(ox.NamedNode(s), ox.NamedNode(p), ox.Literal(o, datatype=ox.NamedNode(o.datatype))
                         if isinstance(o, Literal) and o.datatype else
                         ox.Literal(o, language=o.language) if isinstance(o, Literal) else ox.NamedNode(o))
                 for s, p, o in g)
    by_keys, by_terms = ([tuple(None if v is None else v.value for v in row) for row in store.query(q)]
                         for q in (text, text.replace(keys, terms)))
    assert len(by_keys) >= len(SORTED_NAMES) and by_keys == by_terms
    second = {"leaders_on_date.rq": 2, "partners_of_country.rq": 1, "agencies_heads_countries.rq": 2,
              "events_place_date.rq": 2}[name]
    assert by_keys == sorted(by_keys, key=lambda r: (r[0], r[second] or ""))
    assert [str(r[0]) for r in g.query(text)] == [r[0] for r in by_keys]  # rdflib: the same order


def test_shapes_check_that_documents_assert_the_statements_they_are_evidence_for():
    g = to_rdf(small_graph())
    st = statement_iri("country/MA", "cooperatesWith", "country/FR")
    ar, fr = document_iri("ar-1"), document_iri("fr 2")
    assert (ar, D2K.asserts, st) in g
    g.remove((ar, D2K.asserts, st))                                          # evidence, not asserted
    g.add((fr, D2K.asserts, statement_iri("agency/dgst", "agencyOf", "country/MA")))  # asserted, no evidence
    conforms, violations = validate_graph(g, strict=True)
    assert not conforms
    messages = {(v["focus"], v["message"].split(" (")[0]) for v in violations if "assert" in v["message"]}
    assert messages == {(str(ar), "a document asserts every statement it is evidence for"),
                        (str(fr), "d2k:asserts names the statements the document is evidence for")}
