"""The read-only guard, decided on rdflib's parse: updates, SERVICE and foreign graphs refused (403),
unparsable text refused (400), look-alikes in strings, IRIs and names accepted; the queries we ship pass."""
from __future__ import annotations

import re

import pytest

from pipeline.sparql.prefixes import PREFIXES
from pipeline.sparql.read_only import QueryRefused, UnparsableQuery, check_query, check_read_only
from tests.conftest import ROOT

# The exact bypass of issue 18: the old keyword scanner took `\#` for a comment.
ISSUE_18_BYPASS = ("SELECT * WHERE { BIND(ex:a\\#b AS ?z) SERVICE <http://127.0.0.1:18999/sparql> { ?s ?p ?x } }")


def test_issue_18_bypass_is_refused():
    for query in (ISSUE_18_BYPASS, "PREFIX ex: <http://example.org/> " + ISSUE_18_BYPASS,
                  "SELECT * WHERE { ?s ?p <http://x/\\u0041#> . SERVICE <http://127.0.0.1:18999/> { ?s ?p ?o } }"):
        with pytest.raises(QueryRefused):
            check_query(query, predeclared=PREFIXES)


@pytest.mark.parametrize("query", [
    "INSERT DATA { <http://a> <http://b> <http://c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "LOAD <http://example.org/data.ttl>",
    "load silent <http://example.org/data.ttl> into graph <http://g>",
    "CLEAR ALL",
    "drop graph <https://doc2kg.org/graph/x>",
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { service silent ?endpoint { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o OPTIONAL{SERVICE<http://e/>{?s ?p ?x}} }",
    "SELECT * WHERE { { SELECT ?s { SERVICE <http://e/> { ?s ?p ?o } } } }",
    "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE <http://e/> { ?s ?p ?o } } }",
    "ASK { ?s ?p ?o MINUS { SERVICE <http://e/> { ?s ?p ?o } } }",
    "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <http://e/> { ?s ?p ?o } }",
    "SELECT * FROM <http://example.org/remote.ttl> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <http://example.org/g> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "PREFIX ex: <http://example.org/> SELECT * FROM ex:data WHERE { ?s ?p ?o }",
    "# comment\nSELECT * FROM\n<file:///etc/passwd> { ?s ?p ?o }",
    "DESCRIBE <http://x> FROM <http://example.org/remote.ttl>",
])
def test_refused(query):
    with pytest.raises(QueryRefused) as info:
        check_read_only(query, predeclared=PREFIXES)
    assert info.value.status == 403


@pytest.mark.parametrize("query", [
    # rdflib expands \u everywhere, Oxigraph only in strings and IRIs: "\u0022" would open a
    # """ string for one and not the other. Parsed as written, rdflib does not accept it.
    'SELECT * WHERE { ?s ?p "\\u0022" . SERVICE <http://h/> { ?s ?p ?o } . ?s ?p "\\u0022" }',
    # rdflib's comment runs to \n, Oxigraph's to \r too.
    "SELECT * WHERE { ?s ?p ?o # x\rSERVICE <http://h/> { ?s ?p ?o } \n}",
    "SELECT * WHERE { SERV\\u0049CE <http://h/> { ?s ?p ?o } }",
    "SELECT * { ?s ?p }",
    "SELECT * { ?s ?p ?o \x1b[31m }",
    "SELECT * { ?s unknownprefix:x ?o }",
])
def test_unparsable_is_refused_with_400(query):
    with pytest.raises(UnparsableQuery) as info:
        check_query(query, predeclared=PREFIXES)
    assert info.value.status == 400 and str(info.value).startswith("syntax error")


def test_syntax_error_has_line_and_column():
    with pytest.raises(UnparsableQuery) as info:
        check_query("SELECT *\nWHERE { ?s ?p }", predeclared=PREFIXES)
    assert info.value.line == 2 and info.value.column


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { ?s ?p 'SERVICE <http://x/> { }' }",
    'SELECT * WHERE { ?s ?p """multi\nline INSERT DATA { } LOAD""" }',
    "SELECT * WHERE { ?s <http://example.org/SERVICE> ?o }  # SERVICE in a comment",
    "PREFIX ex: <http://example.org/> SELECT ?load WHERE { ?load ex:delete ex:service }",
    "SELECT * WHERE { ?s ?p ?o FILTER(?o<?p&&?p>?s) }",
    "SELECT * FROM <https://doc2kg.org/graph/000_x> WHERE { ?s ?p ?o }",
    "SELECT * FROM graph:000_x WHERE { ?s ?p ?o }",
    "SELECT ?s WHERE { ?s a d2k:Country ; skos:prefLabel 'Drop'@en }",
    "SELECT *\r\nWHERE { ?s ?p ?o }",
])
def test_accepted(query):
    check_read_only(query, predeclared=PREFIXES)


def test_crlf_is_run_as_lf():
    assert check_read_only("ASK\r\n{ }") == "ASK\n{ }"


def test_forms():
    assert check_query("ASK {}").form == "ask"
    assert check_query("CONSTRUCT WHERE { ?s ?p ?o }").form == "graph"
    assert check_query("DESCRIBE <http://x>").form == "graph"
    assert check_query("SELECT * {}").form == "select"


def test_protocol_graph_parameters_are_checked():
    check_read_only("SELECT * { ?s ?p ?o }", protocol_graphs=["https://doc2kg.org/graph/a"])
    with pytest.raises(QueryRefused):
        check_read_only("SELECT * { ?s ?p ?o }", protocol_graphs=["http://example.org/remote"])


def _shipped_queries() -> list[tuple[str, str]]:
    """Every query we ship or document: ontology/queries, the README's and the tests' own."""
    found = [(p.name, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "ontology" / "queries").glob("*.rq"))]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found += [(f"README {i}", q) for i, q in enumerate(re.findall(r"doc2kg query '([^']+)'", readme))]
    found += [(f"README query= {i}", q) for i, q in enumerate(re.findall(r"query=([^']+)'", readme))]
    found += [(f"README echo {i}", q) for i, q in enumerate(re.findall(r"echo '([^']+)' \| doc2kg query", readme))]
    return found


@pytest.mark.parametrize("name,query", _shipped_queries(), ids=[n for n, _ in _shipped_queries()])
def test_shipped_and_documented_queries_pass(name, query):
    assert check_query(query, predeclared=PREFIXES).form in ("select", "ask", "graph")


def test_parses_from_many_threads_at_once():
    import threading

    errors = []

    def check(i):
        try:
            for j in range(20):
                check_query(f"SELECT ?x{i}_{j} WHERE {{ ?x{i}_{j} ?p 'v{j}' FILTER(?p != <http://x/{i}>) }}")
        except Exception as exc:  # noqa: BLE001 - any error is the failure
            errors.append(exc)

    threads = [threading.Thread(target=check, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors[:2]
