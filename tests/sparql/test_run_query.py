"""Running queries on the store and formatting the results (Arabic kept intact)."""
from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest
from rich.console import Console

from pipeline.sparql.read_only import QueryRefused
from pipeline.sparql.run_query import QuerySyntaxError, format_result, rich_table, run_query
from pipeline.store.oxigraph_store import open_store, update_store

D2K = "https://doc2kg.org/ontology#"
SKOS = "http://www.w3.org/2004/02/skos/core#"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    out = tmp_path_factory.mktemp("store")
    ma, fr = ox.NamedNode("https://doc2kg.org/id/country/MA"), ox.NamedNode("https://doc2kg.org/id/country/FR")
    g1, g2 = (ox.NamedNode(f"https://doc2kg.org/graph/{d}") for d in ("d1", "d2"))
    label = ox.NamedNode(SKOS + "prefLabel")
    update_store([
        ox.Quad(ma, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), ox.NamedNode(D2K + "Country"), g1),
        ox.Quad(ma, label, ox.Literal("المغرب", language="ar"), g1),
        ox.Quad(fr, label, ox.Literal("فرنسا", language="ar"), g2),
        ox.Quad(ma, ox.NamedNode(D2K + "cooperatesWith"), fr, g2),
    ], out)
    return open_store(out)


def test_union_default_graph_and_predeclared_prefixes(store):
    result = run_query(store, "SELECT ?l WHERE { ?c d2k:cooperatesWith ?p . ?c skos:prefLabel ?l }")
    data = json.loads(format_result(result, "json"))
    assert [b["l"] for b in data["results"]["bindings"]] == [{"type": "literal", "value": "المغرب", "xml:lang": "ar"}]


def test_csv_and_tsv(store):
    rows = list(csv.reader(io.StringIO(format_result(
        run_query(store, "SELECT ?l { ?c skos:prefLabel ?l } ORDER BY ?l"), "csv").decode("utf-8"))))
    assert rows == [["l"], ["المغرب"], ["فرنسا"]]
    tsv = format_result(run_query(store, "SELECT ?c { ?c a d2k:Country }"), "tsv").decode("utf-8")
    assert tsv.splitlines() == ["?c", "<https://doc2kg.org/id/country/MA>"]


def test_table_keeps_arabic_and_compacts_iris(store):
    console = Console(record=True, width=120)
    console.print(rich_table(run_query(store, "SELECT ?c ?l { ?c skos:prefLabel ?l } ORDER BY ?l")))
    text = console.export_text()
    assert "المغرب @ar" in text and "country:MA" in text and "2 rows" in text


def test_table_keeps_a_long_value_on_one_line_cut_with_an_ellipsis(tmp_path):
    long = "word " * 60 + "\nsecond line"
    update_store([ox.Quad(ox.NamedNode("https://doc2kg.org/id/country/MA"), ox.NamedNode(SKOS + "prefLabel"),
                          ox.Literal(long), ox.NamedNode("https://doc2kg.org/graph/d1"))], tmp_path)
    console = Console(record=True, width=200)
    console.print(rich_table(run_query(open_store(tmp_path), "SELECT ?c ?l { ?c skos:prefLabel ?l }")))
    lines = console.export_text().splitlines()
    row = [line for line in lines if "country:MA" in line]
    assert len(row) == 1 and "…" in row[0] and "second line" not in "\n".join(lines)
    assert len(lines) == 6  # top, header, rule, the one row, bottom, the caption


def test_parameters_substituted_as_terms_not_text(store):
    from pipeline.sparql.parameters import bind
    from pipeline.sparql.prefixes import PREFIXES

    text = "# @param ?c country:  a country\nSELECT ?c ?l { ?c skos:prefLabel ?l }"
    rows = lambda params: [b["l"]["value"] for b in json.loads(format_result(
        run_query(store, text, bind(params, text, PREFIXES)), "json"))["results"]["bindings"]]
    assert rows(["c=FR"]) == ["فرنسا"]
    assert rows(["c=country:MA"]) == ["المغرب"]
    assert sorted(rows([])) == ["المغرب", "فرنسا"]
    # a value that would be an injection if pasted stays one IRI, matching nothing
    assert rows(["c=MA> ?p ?o } UNION { ?c ?l"]) == []


def test_construct_as_turtle(store):
    ttl = format_result(run_query(store, "CONSTRUCT WHERE { ?c d2k:cooperatesWith ?p }"), "ttl").decode("utf-8")
    g = ox.Store()
    g.load(ttl.encode("utf-8"), ox.RdfFormat.TURTLE)
    assert len(g) == 1 and "@prefix d2k:" in ttl
    with pytest.raises(ValueError, match="ttl"):
        format_result(run_query(store, "SELECT * { ?s ?p ?o }"), "ttl")


def test_ask(store):
    assert format_result(run_query(store, "ASK { ?c a d2k:Country }"), "table") == b"true\n"


def test_syntax_error_has_position(store):
    with pytest.raises(QuerySyntaxError) as info:
        run_query(store, "SELECT ?s\nWHERE { ?s ?p }")
    assert info.value.line == 2 and info.value.column is not None
    assert "line 2" in str(info.value)


def test_service_refused_before_running(store):
    with pytest.raises(QueryRefused):
        run_query(store, "SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
