"""The valid-time / report-time example queries of ontology/queries/, run by ``doc2kg query``
(Oxigraph) on a pipeline run over a small ar/fr/en corpus with publication dates."""
from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, SKOS
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.sparql.prefixes import PREFIXES
from tests.conftest import ROOT

QUERIES = ROOT / "ontology" / "queries"
ID = "https://doc2kg.org/id/"
D2K = "https://doc2kg.org/ontology#"
# Our own sentences about public events and people (no evaluation text).
CORPUS = [
    {"id": "en-reuters", "date": "2015-11-20", "publisher": "Reuters", "title": "Morocco helped France",
     "text": "On 13 November 2015, terrorist attacks in Paris, France, killed 130 people. Belgium took part in "
             "the investigation of the Paris attacks. Morocco's DGST provided intelligence to France after the "
             "Paris attacks. Abdellatif Hammouchi, the head of the DGST, met French officials."},
    {"id": "fr-lemonde", "date": "2015-11-18", "publisher": "Le Monde", "title": "Attentats de Paris",
     "text": "Les attentats du 13 novembre 2015 à Paris ont fait 130 morts. La DGST marocaine a fourni des "
             "renseignements à la France. Abdellatif Hammouchi, directeur de la DGST depuis 2005, a été décoré."},
    {"id": "ar-hespress", "date": "2015-12-01", "publisher": "Hespress", "title": "تعاون أمني",
     "text": "قدمت المديرية العامة لمراقبة التراب الوطني معلومات استخباراتية إلى فرنسا بعد هجمات باريس في 13 "
             "نوفمبر 2015. ويقود عبد اللطيف الحموشي المديرية العامة لمراقبة التراب الوطني."},
    {"id": "en-ap", "date": "2016-03-25", "publisher": "AP", "title": "Brussels",
     "text": "The Brussels bombings on 22 March 2016 killed 32 people. Belgium and France investigated the "
             "Brussels bombings."},
]
runner = CliRunner()


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    from pipeline.runner import Pipeline

    src = tmp_path_factory.mktemp("time-corpus") / "reports.jsonl"
    src.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in CORPUS), encoding="utf-8")
    out = tmp_path_factory.mktemp("time-out")
    Pipeline().run([src], out)
    return out


def rows(out, name: str, *params: str) -> list[dict]:
    args = ["query", str(QUERIES / f"{name}.rq"), "--out", str(out), "--format", "csv"]
    for p in params:
        args += ["--param", p]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


def _paris_attack(out) -> str:
    """The event read in the English and Arabic reports (merged across them)."""
    (event,) = {r["event"] for r in rows(out, "event_reports") if r["outletName"] == "Hespress"}
    return event


def test_events_in_region_and_period_with_participants(out):
    found = rows(out, "events_in_region_period", "region=FR", "from=2015", "to=2015-11")
    # Placed in France by the English text, and in Paris (a French city by the gazetteer) by Le Monde's.
    in_paris = {r["event"] for r in found if r["place"] != ID + "country/FR"}
    assert {r["place"] for r in found if r["event"] in in_paris} == {ID + "city/2988507"}
    assert {(r["event"], r["date"], r["participant"]) for r in found} == {
        (_paris_attack(out), "2015-11-13", ID + "country/FR"), (*in_paris, "2015-11-13", "")}
    assert rows(out, "events_in_region_period", "region=FR", "from=2015-11-14") == []  # after the attack
    assert rows(out, "events_in_region_period", "region=BE") == []                    # no event placed there
    assert {r["date"] for r in rows(out, "events_in_region_period", "to=2015-11-13")} == {"2015-11-13"}
    assert rows(out, "events_in_region_period", "from=2016") == []  # the 2016 event has no place


def test_facts_first_reported_by_an_outlet(out):
    intelligence = [r for r in rows(out, "first_reported_by_outlet")
                    if r["predicate"] == D2K + "providesIntelligenceTo"]
    # Reported on 18 (Le Monde), 20 (Reuters) November and 1 December (Hespress): Le Monde first.
    assert [(r["firstReported"], r["outletName"], r["document"]) for r in intelligence] == [
        ("2015-11-18", "Le Monde", "https://doc2kg.org/doc/fr-lemonde")]
    by_reuters = rows(out, "first_reported_by_outlet", "outletName=Reuters")
    assert by_reuters and {r["outletName"] for r in by_reuters} == {"Reuters"}
    assert D2K + "providesIntelligenceTo" not in {r["predicate"] for r in by_reuters}
    assert (_paris_attack(out), D2K + "occurredOn", "2015-11-20") in {
        (r["subject"], r["predicate"], r["firstReported"]) for r in by_reuters}
    assert rows(out, "first_reported_by_outlet", "outletName=Hespress") == []  # it reported nothing first


def test_person_roles_over_time(out):
    everyone = rows(out, "person_roles_over_time")
    (role,) = [r for r in everyone if r["personLabel"] == "Abdellatif Hammouchi"]
    assert (role["role"], role["body"], role["status"], role["start"], role["end"], role["firstReported"]) == (
        D2K + "leads", ID + "agency/ma-dgst", "current", "2005", "", "2015-11-18")
    person = role["person"].rsplit("/", 1)[1]
    assert rows(out, "person_roles_over_time", f"person={person}") == [role]


def test_reports_of_one_event_side_by_side(out):
    event = _paris_attack(out)
    reports = rows(out, "event_reports", f"event={event.rsplit('/', 1)[1]}")
    assert [(r["document"].rsplit("/", 1)[1], r["published"], r["outletName"], r["language"], r["eventDate"])
            for r in reports] == [("en-reuters", "2015-11-20", "Reuters", "en", "2015-11-13"),
                                  ("ar-hespress", "2015-12-01", "Hespress", "ar", "2015-11-13")]
    assert "13 نوفمبر 2015" in reports[1]["sentence"] and "13 November 2015" in reports[0]["sentence"]


# The plain formulation of leaders_on_date.rq (a FILTER EXISTS, which Oxigraph evaluates
# against the whole archive for each statement): the shipped query must answer as it does.
LEADERS_WITH_EXISTS = '''
SELECT DISTINCT ?body ?bodyLabel ?head ?headLabel ?status ?start ?end
WHERE {
  VALUES ?date { "2016-06-01" }
  ?st a d2k:Statement ; rdf:predicate d2k:leads ; rdf:subject ?head ; rdf:object ?body .
  OPTIONAL { ?st d2k:roleStatus ?status }
  OPTIONAL { ?st d2k:startDate ?start }
  OPTIONAL { ?st d2k:endDate ?end }
  FILTER (!BOUND(?start) || STR(?start) <= SUBSTR(?date, 1, STRLEN(STR(?start))))
  FILTER (!BOUND(?end) || STR(?end) >= SUBSTR(?date, 1, STRLEN(STR(?end))))
  FILTER (BOUND(?start) || BOUND(?end) || EXISTS {
    ?st prov:wasDerivedFrom/prov:wasQuotedFrom/schema:datePublished ?published .
    FILTER (SUBSTR(STR(?published), 1, 4) = SUBSTR(?date, 1, 4))
    FILTER (!BOUND(?status) || ?status IN ("current", "acting", "appointed"))
  })
  OPTIONAL { ?body skos:prefLabel ?bodyLabel FILTER (LANG(?bodyLabel) IN ("en", "fr")) }
  OPTIONAL { ?head skos:prefLabel ?headLabel FILTER (LANG(?headLabel) IN ("en", "fr")) }
}
ORDER BY ?body ?head
'''


def text_rows(out, text: str) -> list[dict]:
    result = runner.invoke(app, ["query", text, "--out", str(out), "--format", "csv"])
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


def on_date(text: str, date: str) -> str:
    """leaders_on_date.rq (or its EXISTS form) for ``date``: the date and its year in VALUES."""
    return text.replace('"2016-06-01"', f'"{date}"').replace('"2016"^^xsd:gYear', f'"{date[:4]}"^^xsd:gYear')


def sorted_rows(rows: list[dict]) -> list[tuple]:
    """The rows as ORDER BY ?body ?head orders them, ties (labels, statuses) in a fixed order."""
    return sorted(tuple(r.values()) for r in rows)


@pytest.mark.parametrize("date", ["2015-11-20", "2015-01-01", "2005-06-01", "2016-06-01", "1990-01-01"])
def test_leaders_on_date_answers_as_its_exists_form(out, date):
    shipped = (QUERIES / "leaders_on_date.rq").read_text(encoding="utf-8")
    assert '"2016-06-01"' in shipped and '"2016"^^xsd:gYear' in shipped and "wasDerivedFrom" not in shipped
    expected = text_rows(out, on_date(LEADERS_WITH_EXISTS, date))
    found = text_rows(out, on_date(shipped, date))
    assert sorted_rows(found) == sorted_rows(expected)
    assert [(r["body"], r["head"]) for r in found] == [(r["body"], r["head"]) for r in expected]
    if date == "2015-11-20":  # Hammouchi, head of the DGST since 2005 (a start date) and stated as such in 2015
        assert any(r["head"].startswith(ID + "person/") for r in expected)


def _roles_graph() -> ox.Store:
    """Roles of every kind leaders_on_date.rq tells apart, written as the exporter writes them:
    statement nodes, evidence in dated documents, d2k:reportedOn and d2k:reportedInYear."""
    from pipeline.exporters.rdf import D2K as NS, date_literal, document_iri, entity_iri, report_year_triples

    g = Graph()
    docs = {"a": "2016-01-01", "b": "2019-01-01", "c": "2016", "d": "2018-05", "e": "2016-02-01"}
    for doc, date in docs.items():
        g.add((document_iri(doc), URIRef("https://schema.org/datePublished"), date_literal(date)))
    roles = [  # (id, predicate, status, start, end, reporting documents)
        ("start", "leads", "current", "2010", None, []),
        ("end", "leads", None, None, "2016-03", ["a"]),
        ("both", "leads", None, "2014-01-01", "2017", ["a"]),
        ("current", "leads", "current", None, None, ["e", "d"]),
        ("former-then-current", "leads", "former", None, None, ["a"]),  # and "current" in b, below
        ("no-status", "leads", None, None, None, ["c"]),
        ("unreported", "leads", "current", None, None, []),
        ("member", "memberOf", "current", "2001", None, ["a"]),
    ]
    for i, (name, predicate, status, start, end, reports) in enumerate(roles):
        st, body = URIRef(f"https://doc2kg.org/statement/{name}"), entity_iri(f"agency/body-{i % 3}")
        g.add((st, RDF.type, NS.Statement))
        g.add((st, RDF.predicate, NS[predicate]))
        g.add((st, RDF.subject, entity_iri(f"person/{name}")))
        g.add((st, RDF.object, body))
        g.add((body, SKOS.prefLabel, Literal(f"Body {i % 3}", lang="en")))
        g.add((body, SKOS.prefLabel, Literal(f"Organe {i % 3}", lang="fr")))
        for prop, value in ((NS.roleStatus, status and Literal(status)), (NS.startDate, start and date_literal(start)),
                            (NS.endDate, end and date_literal(end))):
            if value:
                g.add((st, prop, value))
        for doc in reports + (["b"] if name == "former-then-current" else []):
            evidence = URIRef(f"{document_iri(doc)}#char=0,{i}")
            g.add((st, PROV.wasDerivedFrom, evidence))
            g.add((evidence, PROV.wasQuotedFrom, document_iri(doc)))
            g.add((st, NS.reportedOn, date_literal(docs[doc])))
            g.addN((*t, g) for t in report_year_triples(st, docs[doc]))
    g.add((URIRef("https://doc2kg.org/statement/former-then-current"), NS.roleStatus, Literal("current")))
    store = ox.Store()
    store.load(g.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return store


@pytest.mark.parametrize("date", ["2016-06-01", "2016-03-15", "2016-04-01", "2017-12-31", "2019-02-02",
                                  "2018-01-01", "2009-01-01", "2001-06-01"])
def test_leaders_on_date_answers_as_its_exists_form_for_every_kind_of_role(date):
    store = _roles_graph()
    shipped = (QUERIES / "leaders_on_date.rq").read_text(encoding="utf-8")

    def answer(text: str) -> list[tuple]:
        return [tuple(None if v is None else v.value for v in row)
                for row in store.query(on_date(text, date), prefixes=PREFIXES)]

    expected, found = answer(LEADERS_WITH_EXISTS), answer(shipped)
    assert sorted(found, key=str) == sorted(expected, key=str)
    assert [r[:3:2] for r in found] == [r[:3:2] for r in expected]  # ordered by body, head
    heads = {r[2].rsplit("/", 1)[1] for r in found}
    assert "member" not in heads and "unreported" not in heads
    if date == "2016-06-01":  # reported in 2016 (a, c, e); the former/current one by its status read in 2019's b
        assert heads == {"start", "both", "current", "no-status", "former-then-current"}
    # A year that does not match the date answers nothing for the roles without dates.
    wrong = answer(shipped.replace('"2016-06-01"', f'"{date}"').replace('"2016"^^xsd:gYear', '"1900"^^xsd:gYear'))
    assert {r[2].rsplit("/", 1)[1] for r in wrong} <= {"start", "end", "both"}
