"""The endpoint on the seed run: the example queries through SPARQLWrapper, negotiation, refusals, limits."""
from __future__ import annotations

import json
from urllib.error import HTTPError

import pytest
import requests
from SPARQLWrapper import CSV, JSON, XML, SPARQLWrapper

from pipeline.sparql.endpoint import Endpoint, Limits, free_port
from tests.conftest import ROOT

QUERIES = sorted((ROOT / "ontology" / "queries").glob("*.rq"))
# The issue's example queries, each with an answer in the seed article.
SEED_HAS_ROWS = {"partners_of_country", "agencies_heads_countries", "intelligence_sharing", "events_place_date",
                 "document_assertions"}
YASGUI = "https://yasgui.example"  # a browser tool's origin, allowed with --cors
FOREVER = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"


@pytest.fixture(scope="module")
def endpoint(seed_run):
    ep = Endpoint(seed_run.out_dir, port=free_port(), limits=Limits(timeout=1.5, max_result_bytes=200_000,
                                                                   max_request_bytes=20_000), cors=(YASGUI,))
    ep.start()
    yield ep
    ep.stop()


def client(endpoint, query: str, fmt=JSON, method="GET") -> SPARQLWrapper:
    sparql = SPARQLWrapper(endpoint.url + "/sparql")
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    sparql.setMethod(method)
    return sparql


def test_example_queries_exist():
    assert {q.stem for q in QUERIES} >= SEED_HAS_ROWS


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_example_query_through_sparqlwrapper(endpoint, path):
    result = client(endpoint, path.read_text(encoding="utf-8"), method="POST").queryAndConvert()
    assert result["head"]["vars"]
    if path.stem in SEED_HAS_ROWS:
        assert result["results"]["bindings"], f"{path.name} found nothing on the seed"


def test_partners_of_morocco_on_the_seed(endpoint):
    query = (ROOT / "ontology" / "queries" / "partners_of_country.rq").read_text(encoding="utf-8")
    rows = client(endpoint, query).queryAndConvert()["results"]["bindings"]
    assert "https://doc2kg.org/id/country/FR" in {r["partner"]["value"] for r in rows}


def test_content_negotiation(endpoint):
    q = "SELECT ?c WHERE { ?c a d2k:Country } ORDER BY ?c"
    assert b"https://doc2kg.org/id/country/MA" in client(endpoint, q, CSV).queryAndConvert()
    xml = client(endpoint, q, XML).queryAndConvert()
    assert xml.getElementsByTagName("uri")
    for accept, marker in (("text/tab-separated-values", "?c"), ("application/sparql-results+json", '"vars"')):
        r = requests.post(endpoint.url + "/sparql", data=q.encode(), timeout=10,
                          headers={"Content-Type": "application/sparql-query", "Accept": accept})
        assert r.status_code == 200 and r.headers["Content-Type"].startswith(accept) and marker in r.text


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SELECT * FROM <http://example.org/remote.ttl> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <http://example.org/g> WHERE { GRAPH ?g { ?s ?p ?o } }",
])
def test_refused_queries(endpoint, query):
    r = requests.get(endpoint.url + "/sparql", params={"query": query}, timeout=10)
    assert r.status_code == 403 and "read-only" in r.text


@pytest.mark.parametrize("body", ["LOAD <http://example.org/x.ttl>", "INSERT DATA { <http://a> <http://b> 1 }",
                                  "CLEAR ALL"])
def test_updates_refused(endpoint, body):
    for kwargs in ({"data": {"update": body}},
                   {"data": body.encode(), "headers": {"Content-Type": "application/sparql-update"}},
                   {"data": {"query": body}}):
        r = requests.post(endpoint.url + "/sparql", timeout=10, **kwargs)
        assert r.status_code == 403, kwargs
    with pytest.raises(HTTPError) as info:  # SPARQLWrapper sends it as an update, by POST
        client(endpoint, body, method="POST").queryAndConvert()
    assert info.value.code == 403


def test_foreign_protocol_graph_refused(endpoint):
    r = requests.get(endpoint.url + "/sparql", timeout=10,
                     params={"query": "SELECT * { ?s ?p ?o }", "default-graph-uri": "http://example.org/g"})
    assert r.status_code == 403


def test_time_limit_then_next_request_answered(endpoint):
    r = requests.post(endpoint.url + "/sparql", data={"query": FOREVER}, timeout=30)
    assert r.status_code == 503 and "time limit" in r.text
    r = requests.get(endpoint.url + "/sparql", params={"query": "ASK { ?s a d2k:Country }"}, timeout=10,
                     headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200 and json.loads(r.text)["boolean"] is True


def test_result_size_limit(endpoint):
    r = requests.get(endpoint.url + "/sparql", timeout=30, params={"query": "SELECT * { ?a ?b ?c . ?d ?e ?f }"})
    assert r.status_code == 507 and "LIMIT" in r.text, r.text


def test_oversized_request(endpoint):
    r = requests.post(endpoint.url + "/sparql", data=("#" * 30_000).encode(), timeout=10,
                      headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 413


def test_syntax_error_position_is_the_clients(endpoint):
    r = requests.get(endpoint.url + "/sparql", params={"query": "SELECT *\nWHERE { ?s ?p }"}, timeout=10)
    assert r.status_code == 400 and "syntax error at line 2, column" in r.text, r.text


def test_graph_page_whole_with_a_link_to_the_query_page(endpoint, seed_run):
    r = requests.get(endpoint.url + "/", timeout=10)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/html")
    assert 'href="/editor"' in r.text and "vis" in r.text.lower()
    # the graph page's own markup is all there, and it still makes no request
    body = (seed_run.out_dir / "graph.html").read_text(encoding="utf-8").split("<body>")[1].split("</body>")[0]
    assert r.text.split("<body>")[1].startswith(body + '<a id="doc2kg-query-link"')
    assert "connect-src 'none'" in r.text


def test_query_page_lists_prefixes_and_example_queries(endpoint):
    r = requests.get(endpoint.url + "/editor", timeout=10)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/html")
    data = json.loads(r.text.split('id="query-data">')[1].split("</script>")[0])
    assert data["prefixes"]["country"] == "https://doc2kg.org/id/country/" and data["prefixes"]["d2k"]
    assert {e["name"] for e in data["examples"]} == {q.stem for q in QUERIES}
    partners = next(e for e in data["examples"] if e["name"] == "partners_of_country")
    assert partners["params"] and partners["params"][0].startswith("?country")


def test_resource_page_lists_the_triples_of_an_iri_both_ways(endpoint):
    r = requests.get(endpoint.url + "/resource", params={"iri": "https://doc2kg.org/id/country/MA"}, timeout=10)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/html")
    outgoing, incoming = r.text.split("<h2>As subject</h2>")[1].split("<h2>As object</h2>")
    assert "rdfs:label" in outgoing and "Morocco" in outgoing and "d2k:cooperatesWith" in outgoing
    assert "country:FR" in incoming and 'href="/#entity=country%2FMA"' in r.text
    assert requests.get(endpoint.url + "/resource", params={"iri": "not an iri"}, timeout=10).status_code == 400
    hostile = "https://doc2kg.org/id/x<script>alert(1)</script>"
    r = requests.get(endpoint.url + "/resource", params={"iri": hostile}, timeout=10)
    assert "<script>" not in r.text


# -- what a newcomer queries: one rdfs:label, symmetric relations both ways, CORS for browser tools --
def test_every_entity_has_one_rdfs_label(endpoint):
    query = ("SELECT ?e (COUNT(?l) AS ?n) (SAMPLE(?l) AS ?label) WHERE { ?e d2k:identifier ?id . "
             "OPTIONAL { ?e rdfs:label ?l } } GROUP BY ?e")
    rows = client(endpoint, query).queryAndConvert()["results"]["bindings"]
    assert rows and all(r["n"]["value"] == "1" for r in rows), rows
    labels = {r["e"]["value"]: r["label"] for r in rows}
    assert labels["https://doc2kg.org/id/country/MA"] == {"type": "literal", "value": "Morocco", "xml:lang": "en"}


@pytest.mark.parametrize("query", ["ASK { country:MA d2k:cooperatesWith country:FR }",
                                   "ASK { country:FR d2k:cooperatesWith country:MA }"])
def test_symmetric_relation_answers_both_ways(endpoint, query):
    assert client(endpoint, query).queryAndConvert()["boolean"] is True


def test_symmetric_relation_one_statement_node(endpoint):
    query = ("SELECT (COUNT(DISTINCT ?st) AS ?n) WHERE { ?st rdf:predicate d2k:cooperatesWith ; "
             "rdf:subject|rdf:object country:MA }")
    assert client(endpoint, query).queryAndConvert()["results"]["bindings"][0]["n"]["value"] == "1"


def test_cors_for_the_allowed_origin_only(endpoint):
    sparql = client(endpoint, "ASK { ?s a d2k:Country }", method="POST")
    sparql.addCustomHttpHeader("Origin", YASGUI)
    response = sparql.query().response
    assert response.headers["Access-Control-Allow-Origin"] == YASGUI
    sparql = client(endpoint, "ASK { ?s a d2k:Country }")
    sparql.addCustomHttpHeader("Origin", "https://elsewhere.example")
    assert "Access-Control-Allow-Origin" not in sparql.query().response.headers
    preflight = requests.options(endpoint.url + "/sparql", timeout=10, headers={
        "Origin": YASGUI, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"})
    assert preflight.status_code == 204 and preflight.headers["Access-Control-Allow-Origin"] == YASGUI
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    assert "content-type" in preflight.headers["Access-Control-Allow-Headers"].lower()
    plain = requests.options(endpoint.url + "/sparql", timeout=10)
    assert plain.status_code == 204 and "POST" in plain.headers["Allow"]
    assert "Access-Control-Allow-Origin" not in plain.headers


def test_issue_18_service_bypass_reaches_nothing(endpoint):
    from tests.sparql.service_fuzz import Listener

    listener = Listener()
    try:
        query = ("PREFIX ex: <http://example.org/> SELECT * WHERE { BIND(ex:a\\#b AS ?z) "
                 f"SERVICE <http://127.0.0.1:{listener.port}/sparql> {{ ?s ?p ?x }} }}")
        r = requests.get(endpoint.url + "/sparql", params={"query": query}, timeout=10)
        assert r.status_code in (400, 403), r.text
        assert listener.connections == 0
    finally:
        listener.close()


TRIPLES = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o"


def test_limit_and_offset_page_a_select(endpoint):
    url, accept = endpoint.url + "/sparql", {"Accept": "application/sparql-results+json"}
    post = lambda query, **window: requests.post(url, params=window, data=query.encode(), timeout=30, headers={
        **accept, "Content-Type": "application/sparql-query"})
    whole = post(TRIPLES).json()["results"]["bindings"]
    assert len(whole) > 30
    assert post(TRIPLES, limit=10, offset=20).json()["results"]["bindings"] == whole[20:30]
    own = TRIPLES + " LIMIT 25"  # its own LIMIT kept: the second page of 10 is rows 10-19, the third 20-24
    assert post(own, limit=10, offset=20).json()["results"]["bindings"] == whole[20:25]
    assert post("ASK { ?s ?p ?o }", limit=1).json()["boolean"] is True  # only a SELECT is paged
    for bad in ({"limit": "-1"}, {"offset": "ten"}, {"limit": "1" * 14}):
        response = post(TRIPLES, **bad)
        assert response.status_code == 400 and "whole number" in response.text
    graph = post("SELECT ?g { GRAPH ?g { ?s ?p ?o } } LIMIT 1").json()["results"]["bindings"][0]["g"]["value"]
    with_from = f"SELECT ?s ?p ?o FROM <{graph}> WHERE {{ ?s ?p ?o }} ORDER BY ?s ?p ?o LIMIT 25"
    assert len(post(with_from, limit=10).json()["results"]["bindings"]) == 25  # no subquery for FROM: whole
    refused = post("SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", limit=5)
    assert refused.status_code == 403
