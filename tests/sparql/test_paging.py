"""Pages of a SELECT's answer (LIMIT/OFFSET added, a query's own LIMIT kept as a subquery), run on a
real Oxigraph store: the pages, one after the other, are the whole answer in its order."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from pipeline.sparql.paging import NotPageable, paged
from pipeline.sparql.prefixes import PREFIXES
from pipeline.sparql.read_only import QueryRefused

EX = "http://example.org/"
CAPITALS = ["Rabat", "Paris", "Madrid", "Lisbon", "Rome", "Berlin", "Vienna", "Bern", "Brussels", "Amsterdam",
            "Dublin", "Oslo", "Stockholm", "Helsinki", "Copenhagen", "Warsaw", "Prague", "Athens", "Valletta",
            "Tunis", "Algiers", "Cairo", "Amman"]


@pytest.fixture(scope="module")
def store() -> ox.Store:
    store = ox.Store()
    for i, name in enumerate(CAPITALS):
        city = ox.NamedNode(f"{EX}city/{i:02d}")
        store.add(ox.Quad(city, ox.NamedNode(PREFIXES["rdfs"] + "label"), ox.Literal(name), ox.DefaultGraph()))
        store.add(ox.Quad(city, ox.NamedNode(EX + "rank"), ox.Literal(i), ox.DefaultGraph()))
    return store


def rows(store: ox.Store, query: str) -> list[tuple[str, ...]]:
    result = store.query(query, prefixes=PREFIXES)
    return [tuple(s[v].value if s[v] is not None else "" for v in result.variables) for s in result]


def pages(store: ox.Store, query: str, size: int) -> list[list[tuple[str, ...]]]:
    out, offset = [], 0
    while True:
        page = rows(store, paged(query, size, offset))
        assert len(page) <= size
        out.append(page)
        if len(page) < size:
            return out
        offset += size


SORTED = "SELECT ?label ?city WHERE { ?city rdfs:label ?label } ORDER BY ?label"


def test_pages_of_an_ordered_query_are_its_answer_in_order(store):
    got = pages(store, SORTED, 10)
    assert [len(p) for p in got] == [10, 10, 3]
    assert [r for p in got for r in p] == rows(store, SORTED)
    assert got[0][0][0] == "Algiers" and got[2][-1][0] == "Warsaw"
    assert paged(SORTED, 10, 20) == SORTED + "\nLIMIT 10 OFFSET 20"  # appended: the text otherwise as written


def test_pages_in_the_store_order_cover_every_row_once(store):
    query = "SELECT ?city { ?city rdfs:label ?label }"
    got = [r for p in pages(store, query, 7) for r in p]
    assert len(got) == len(CAPITALS) and sorted(got) == sorted(rows(store, query))


def test_a_query_with_its_own_limit_keeps_it_and_its_columns(store):
    query = "# the ten last\nSELECT ?rank ?label { ?c rdfs:label ?label ; <http://example.org/rank> ?rank }\n" \
            "ORDER BY DESC(?rank) LIMIT 10 # a comment at the end"
    got = pages(store, query, 4)
    assert [len(p) for p in got] == [4, 4, 2]
    assert [r for p in got for r in p] == rows(store, query)
    assert got[0][0] == ("22", "Amman")  # columns in the query's order, not sorted by name
    assert rows(store, paged(query, 4, 12)) == []


def test_select_star_with_own_limit_keeps_the_column_order(store):
    query = "SELECT * { ?c rdfs:label ?label } ORDER BY ?label LIMIT 5"
    whole = store.query(query, prefixes=PREFIXES)
    result = store.query(paged(query, 2, 1), prefixes=PREFIXES)
    assert [v.value for v in result.variables] == [v.value for v in whole.variables]
    assert rows(store, paged(query, 2, 1)) == rows(store, query)[1:3]


def test_prologue_and_final_values_clause(store):
    query = ("PREFIX ex: <http://example.org/>\nBASE <http://example.org/>\n"
             "SELECT ?label { ?c rdfs:label ?label ; ex:rank ?rank } ORDER BY ?rank\n"
             "VALUES ?label { \"Paris\" \"Rome\" \"Oslo\" }")
    assert rows(store, paged(query, 2)) == [("Paris",), ("Rome",)]
    assert rows(store, paged(query, 2, 2)) == [("Oslo",)]


def test_offset_alone_and_no_window(store):
    assert rows(store, paged(SORTED, None, 21)) == rows(store, SORTED)[21:]
    assert paged(SORTED) == SORTED


@pytest.mark.parametrize("query", ["ASK { ?s ?p ?o }", "CONSTRUCT WHERE { ?s ?p ?o }", "DESCRIBE <http://example.org/x>",
                                   "SELECT * FROM <https://doc2kg.org/graph/d1> { ?s ?p ?o } LIMIT 5"])
def test_what_cannot_be_paged_says_so(query):
    with pytest.raises(NotPageable):
        paged(query, 10)


def test_from_without_own_limit_is_paged_by_appending():
    query = "SELECT * FROM <https://doc2kg.org/graph/d1> { ?s ?p ?o }"
    assert paged(query, 10, 10).endswith("\nLIMIT 10 OFFSET 10")


def test_the_guard_decides_first():
    with pytest.raises(QueryRefused):
        paged("SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } } LIMIT 3", 10)
    with pytest.raises(NotPageable):
        paged(SORTED, -1)
