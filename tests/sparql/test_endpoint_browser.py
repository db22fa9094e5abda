"""The served graph page in headless Chromium: the query form runs a query against /sparql."""
from __future__ import annotations

import pytest

from pipeline.sparql.endpoint import Endpoint, free_port
from tests.conftest import wait_until


@pytest.fixture(scope="module")
def served(seed_run):
    ep = Endpoint(seed_run.out_dir, port=free_port())
    ep.start()
    yield ep
    ep.stop()


@pytest.mark.browser
def test_query_form_runs_in_the_page(served, chromium):
    page = chromium.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(served.url + "/")
    wait_until(page, "window.doc2kg && window.doc2kg.drawn", 60_000)
    page.fill("#doc2kg-sparql-form textarea",
              "SELECT ?label WHERE { ?c a d2k:Country ; skos:prefLabel ?label FILTER(LANG(?label) = 'en') } ORDER BY ?label")
    page.click("#doc2kg-sparql-form button")
    wait_until(page, "document.querySelectorAll('#doc2kg-sparql-results tr').length > 1", 30_000)
    cells = page.eval_on_selector_all("#doc2kg-sparql-results td", "tds => tds.map(td => td.textContent)")
    assert {"France", "Morocco"} <= set(cells)
    assert errors == []
    page.close()
