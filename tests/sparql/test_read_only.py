"""The read-only guard: updates, SERVICE and foreign graphs refused; look-alikes in strings, IRIs, names pass."""
from __future__ import annotations

import pytest

from pipeline.sparql.prefixes import PREFIXES
from pipeline.sparql.read_only import QueryRefused, check_read_only, dataset_graphs


@pytest.mark.parametrize("query", [
    "INSERT DATA { <http://a> <http://b> <http://c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "LOAD <http://example.org/data.ttl>",
    "CLEAR ALL",
    "drop graph <https://doc2kg.org/graph/x>",
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { service silent ?endpoint { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o OPTIONAL{SERVICE<http://e/>{?s ?p ?x}} }",
    "SELECT * FROM <http://example.org/remote.ttl> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <http://example.org/g> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "PREFIX ex: <http://example.org/> SELECT * FROM ex:data WHERE { ?s ?p ?o }",
    "# comment\nSELECT * FROM\n<file:///etc/passwd> { ?s ?p ?o }",
])
def test_refused(query):
    with pytest.raises(QueryRefused) as info:
        check_read_only(query, predeclared=PREFIXES)
    assert info.value.status == 403


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { ?s ?p 'SERVICE <http://x/> { }' }",
    'SELECT * WHERE { ?s ?p """multi\nline INSERT DATA { } LOAD""" }',
    "SELECT * WHERE { ?s <http://example.org/SERVICE> ?o }  # SERVICE in a comment",
    "PREFIX ex: <http://example.org/> SELECT ?load WHERE { ?load ex:delete ex:service }",
    "SELECT * WHERE { ?s ?p ?o FILTER(?o<?p&&?p>?s) }",
    "SELECT * FROM <https://doc2kg.org/graph/000_x> WHERE { ?s ?p ?o }",
    "SELECT * FROM graph:000_x WHERE { ?s ?p ?o }",
    "SELECT ?s WHERE { ?s a d2k:Country ; skos:prefLabel 'Drop'@en }",
])
def test_accepted(query):
    check_read_only(query, predeclared=PREFIXES)


def test_protocol_graph_parameters_are_checked():
    check_read_only("SELECT * { ?s ?p ?o }", protocol_graphs=["https://doc2kg.org/graph/a"])
    with pytest.raises(QueryRefused):
        check_read_only("SELECT * { ?s ?p ?o }", protocol_graphs=["http://example.org/remote"])


def test_dataset_graphs_expands_prefixes():
    q = "PREFIX g: <https://doc2kg.org/graph/> SELECT * FROM g:a FROM NAMED <https://doc2kg.org/graph/b> { }"
    assert dataset_graphs(q) == ["https://doc2kg.org/graph/a", "https://doc2kg.org/graph/b"]
