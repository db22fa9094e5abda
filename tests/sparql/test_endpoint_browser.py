"""The served pages in headless Chromium: the query page (examples, results, links, downloads),
the graph page never squeezed by a result, a result IRI opening its entity in the graph."""
from __future__ import annotations

import pytest

from pipeline.sparql.endpoint import Endpoint, free_port
from tests.conftest import wait_until

WIDTH, HEIGHT = 1280, 800
# Every evidence sentence with its statement, subject, object and document: a wide result.
WIDE = ("SELECT ?st ?subject ?predicate ?object ?ev ?document ?start ?end ?sentence ?long WHERE { "
        "?st rdf:subject ?subject ; rdf:predicate ?predicate ; rdf:object ?object ; prov:wasDerivedFrom ?ev . "
        "?ev prov:wasQuotedFrom ?document ; d2k:startOffset ?start ; d2k:endOffset ?end ; prov:value ?sentence "
        "BIND(IRI(CONCAT(STR(?ev), '/', STR(?st), '/', STR(?subject))) AS ?long) }")


@pytest.fixture(scope="module")
def served(seed_run):
    ep = Endpoint(seed_run.out_dir, port=free_port())
    ep.start()
    yield ep
    ep.stop()


def open_editor(chromium, served):
    page = chromium.new_page(viewport={"width": WIDTH, "height": HEIGHT}, accept_downloads=True)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(served.url + "/editor")
    wait_until(page, "window.doc2kgQuery !== undefined", 30_000)
    return page, errors


def run(page, query: str | None = None) -> None:
    if query is not None:
        page.fill("#editor", query)
    page.evaluate("window.doc2kgQuery.last = null")
    page.click("#run")
    wait_until(page, "window.doc2kgQuery.last !== null || document.getElementById('status').className === 'error'",
               30_000)


@pytest.mark.browser
def test_query_page_runs_an_example_with_timing_and_shows_the_prefixes(served, chromium):
    page, errors = open_editor(chromium, served)
    assert "PREFIX country: <https://doc2kg.org/id/country/>" in page.text_content("#prefixes")
    page.select_option("#examples", "partners_of_country")
    assert "?country" in page.input_value("#editor") and "?country" in page.text_content("#example-help")
    run(page)
    cells = page.eval_on_selector_all("#results td", "tds => tds.map(td => td.textContent)")
    assert any(c.startswith("country:MA") for c in cells) and any(c.startswith("country:FR") for c in cells)
    assert any("Morocco" in c for c in cells)
    status = page.text_content("#status")
    assert status.startswith("2 rows") and status.endswith(" ms")
    assert errors == []
    page.close()


@pytest.mark.browser
def test_downloads_csv_and_json(served, chromium):
    page, errors = open_editor(chromium, served)
    page.fill("#editor", "SELECT ?c WHERE { ?c a d2k:Country } ORDER BY ?c")
    with page.expect_download() as download:
        page.click("#csv")
    text = open(download.value.path(), encoding="utf-8").read()
    assert download.value.suggested_filename.endswith(".csv")
    assert text.splitlines() == ["c", "https://doc2kg.org/id/country/FR", "https://doc2kg.org/id/country/MA"]
    with page.expect_download() as download:
        page.click("#json")
    assert '"vars":["c"]' in open(download.value.path(), encoding="utf-8").read().replace(" ", "")
    assert errors == []
    page.close()


@pytest.mark.browser
def test_a_wide_result_never_squeezes_the_graph(served, chromium):
    page, errors = open_editor(chromium, served)
    run(page, WIDE)
    assert page.evaluate("window.doc2kgQuery.last.rows") > 0
    # the table scrolls inside its own box; the page itself keeps the window's width
    assert page.evaluate("document.getElementById('results').scrollWidth") > WIDTH
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH
    page.click("#graph-link")
    wait_until(page, "window.doc2kg && window.doc2kg.drawn", 60_000)
    graph_width = page.evaluate("document.getElementById('graph').getBoundingClientRect().width")
    assert graph_width >= WIDTH / 2
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH
    assert errors == []
    page.close()


@pytest.mark.browser
def test_a_result_iri_opens_its_entity_in_the_graph(served, chromium):
    page, errors = open_editor(chromium, served)
    run(page, "SELECT ?c ?label WHERE { ?c a d2k:Country ; rdfs:label ?label } ORDER BY DESC(?c)")
    link = page.query_selector("#results a.entity")
    assert link.text_content() == "country:MA" and link.get_attribute("href") == "/#entity=country%2FMA"
    link.click()
    wait_until(page, "window.doc2kg && window.doc2kg.highlighted !== null", 60_000)
    focused = page.evaluate("(() => { const api = window.doc2kg; "
                            "return api.data.nodes.find(n => n.id === api.highlighted.node).ref; })()")
    assert focused == "country/MA"
    # and the triples link lists what the store says about it
    page.go_back()
    wait_until(page, "window.doc2kgQuery !== undefined", 30_000)
    run(page, "SELECT ?c WHERE { ?c a d2k:Country } ORDER BY DESC(?c)")
    page.click("#results a.triples")
    page.wait_for_load_state()
    assert "/resource?iri=" in page.url and "Morocco" in page.text_content("body")
    assert errors == []
    page.close()


TRIPLES = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o"


def subjects_shown(page) -> list[str]:
    return page.eval_on_selector_all("#results tr td:first-child", "tds => tds.map(td => td.title)")


def next_page(page, button: str) -> None:
    page.evaluate("window.doc2kgQuery.last = null")
    page.click(button)
    wait_until(page, "window.doc2kgQuery.last !== null || document.getElementById('status').className === 'error'",
               30_000)


@pytest.mark.browser
def test_query_page_fetches_the_answer_a_page_at_a_time(served, chromium, tmp_path):
    import requests

    whole = requests.post(served.url + "/sparql", data=TRIPLES.encode(), timeout=30, headers={
        "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"}).json()
    subjects = [b["s"]["value"] for b in whole["results"]["bindings"]]
    assert len(subjects) > 100 and {b["s"]["type"] for b in whole["results"]["bindings"]} == {"uri"}
    page, errors = open_editor(chromium, served)
    assert "store's order unless the query has an ORDER BY" in page.text_content("#page-note")
    run(page, TRIPLES)
    assert subjects_shown(page) == subjects[:100]
    assert page.text_content("#status").startswith("rows 1–100 ·")
    assert page.is_disabled("#previous") and page.is_enabled("#next")
    page.fill("#editor", "ASK { ?s ?p ?o }")  # an edit waits for Run: the pages stay the query's that ran
    next_page(page, "#next")
    assert subjects_shown(page) == subjects[100:200]
    shown = len(subjects[100:200])
    assert page.text_content("#status").startswith(f"rows 101–{100 + shown}")
    assert page.is_enabled("#previous") and page.is_enabled("#next") == (len(subjects) > 200)
    assert page.input_value("#editor") == "ASK { ?s ?p ?o }"  # the text is the user's, never rewritten
    page.screenshot(path=str(tmp_path / "page-2.png"))
    next_page(page, "#previous")
    assert subjects_shown(page) == subjects[:100]
    run(page, TRIPLES + " LIMIT 120")  # its own LIMIT kept: the second page has its last 20 rows
    next_page(page, "#next")
    assert subjects_shown(page) == subjects[100:120] and page.is_disabled("#next")
    assert page.text_content("#status").startswith("rows 101–120 (the last)")
    assert errors == []
    page.close()
