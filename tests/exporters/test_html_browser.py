"""graph.html in a real browser (headless Chromium): the seed page, hostile text, 5,000 nodes.

Each test opens the page offline (any request leaving the file is aborted and recorded),
waits a bounded time for it to draw, and checks what a reader would see.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline.exporters import html
from pipeline.language.normalize import normalize
from pipeline.language.transliterate import skeleton
from tests.exporters.conftest import open_page, synthetic_graph
from tests.exporters.test_html import HOSTILE, small_graph

pytestmark = pytest.mark.browser

READY = "window.doc2kg && window.doc2kg.drawn && window.doc2kg.stabilized"


def _clean(visit):
    assert visit.errors == []
    assert visit.outside == []
    assert visit.dialogs == []
    assert len(visit.requests) == 1  # the file itself


@pytest.fixture(scope="module")
def seed_page(chromium, seed_run):
    visit = open_page(chromium, seed_run.out_dir / "graph.html", ready=READY)
    yield visit
    visit.page.context.close()


def test_seed_page_shows_the_expected_nodes(seed_page, seed_run, tmp_path):
    _clean(seed_page)
    page = seed_page.page
    refs = page.evaluate("doc2kg.data.nodes.map(n => n.ref)")
    entities = json.loads((seed_run.out_dir / "graph.json").read_text(encoding="utf-8"))["entities"]
    assert sorted(r for r in refs if not r.startswith("literal:")) == sorted(e["id"] for e in entities)
    assert {"country/MA", "country/FR"} <= set(refs)
    names = page.evaluate("doc2kg.data.nodes.map(n => n.name)")
    assert {"Morocco", "France"} <= set(names)
    [hammouchi] = [e["id"] for e in entities if e["type"] == "Person" and "حموشي" in " ".join(e["aliases"])]
    for query in ("حموشي", "Hammouchi", "hamouchi"):
        hits = page.evaluate("q => doc2kg.search(q).map(i => doc2kg.data.nodes[i].ref)", query)
        assert hammouchi in hits[:2], query
    assert page.evaluate("doc2kg.search('maroc').map(i => doc2kg.data.nodes[i].ref)")[0] == "country/MA"
    assert page.evaluate("doc2kg.network.physics.options.enabled") is False  # stopped after stabilizing
    page.screenshot(path=str(tmp_path / "graph-seed.png"))
    shutil.copy(tmp_path / "graph-seed.png", "/tmp/graph-seed.png")
    assert (tmp_path / "graph-seed.png").stat().st_size > 10_000


def test_page_folds_text_like_the_pipeline(seed_page):
    samples = ["المملكةُ المغربيّة", "أحمد إبراهيم آل", "مكافحة الإرهاب", "Sécurité Générale", "HAMMOUCHI", "Ça va",
               "٢٠١٥", "ـالـرباط", "مصطفى"]
    assert seed_page.page.evaluate("s => s.map(doc2kg.normalize)", samples) == [normalize(s) for s in samples]
    names = ["عبد اللطيف حموشي", "Abdellatif Hammouchi", "Abdul Latif Hamouchi", "al-Qaeda", "القاعدة",
             "Ould Cheikh", "Chaoui", "Djibouti", "مديرية مراقبة التراب الوطني"]
    assert seed_page.page.evaluate("s => s.map(doc2kg.skeleton)", names) == [skeleton(s) for s in names]


def test_arabic_tooltip_is_right_to_left(seed_page):
    page = seed_page.page
    person = page.evaluate("doc2kg.search('حموشي')[0]")
    point = page.evaluate("""id => {
        const p = doc2kg.network.canvasToDOM(doc2kg.network.getPositions([id])[id]);
        const r = document.getElementById('graph').getBoundingClientRect();
        return [r.left + p.x, r.top + p.y];
    }""", person)
    page.mouse.move(point[0] - 30, point[1] - 30)
    page.mouse.move(*point)
    page.wait_for_selector("#tooltip:not([hidden])", timeout=5_000)
    head = page.locator("#tooltip .head")
    assert "حموشي" in head.text_content()
    assert head.evaluate("e => getComputedStyle(e).direction") == "rtl"
    page.mouse.move(5, 5)


def test_click_highlights_the_neighbourhood_and_filters_hide(seed_page):
    page = seed_page.page
    morocco = page.evaluate("doc2kg.data.nodes.find(n => n.ref === 'country/MA').id")
    neighbours = page.evaluate("id => doc2kg.network.getConnectedNodes(id)", morocco)
    page.evaluate("id => doc2kg.focus(id)", morocco)
    assert sorted(page.evaluate("doc2kg.highlighted.nodes")) == sorted([morocco, *neighbours])
    page.evaluate("doc2kg.network.body.emitter.emit('click', {nodes: [], edges: []})")
    assert page.evaluate("doc2kg.highlighted") is None
    total = page.evaluate("doc2kg.visibleNodes().length")
    countries = page.evaluate("doc2kg.data.types.Country.count")
    page.locator("#type-filter li", has_text="Country").locator("input").uncheck()
    assert page.evaluate("doc2kg.visibleNodes().length") == total - countries
    assert page.evaluate("doc2kg.network.body.data.nodes.getIds().sort((a, b) => a - b)") == page.evaluate("doc2kg.visibleNodes()")
    page.locator("#type-filter li", has_text="Country").locator("input").check()
    assert page.evaluate("doc2kg.visibleNodes().length") == total


def test_hostile_text_stays_text(chromium, tmp_path):
    G = small_graph(label=HOSTILE)
    G.nodes["country/FR"]["alias_langs"] = {"fr": ['<img src=x onerror="window.__pwned=3">', '" href="javascript:alert(1)']}
    G.graph["documents"]["d1"]["title"] = '<script>alert("title")</script>'
    G.graph["texts"] = {"d1": '<img src=x onerror="window.__pwned=4"> France'}
    G.nodes["country/FR"]["spans"] = [["d1", 0, 10], ["d1", 39, 45]]
    for *_, attrs in G.edges(data=True):
        attrs["evidence"] = [{"document": "d1", "start": 0, "end": 1, "text": '<a href="javascript:alert(1)">x</a><svg onload=alert(1)>'}]
    html.write(G, tmp_path)
    visit = open_page(chromium, tmp_path / "graph.html", ready=READY)
    page = visit.page
    for kind, count in (("node", 3), ("edge", 2)):
        for i in range(count):
            page.evaluate("([k, i]) => doc2kg.showTooltip(k, i, 10, 10)", [kind, i])
            page.evaluate("([k, i]) => k === 'node' ? doc2kg.showNode(i) : doc2kg.showEdge(i)", [kind, i])
    page.evaluate("doc2kg.openDocument(0)")
    page.fill("#search", "script")
    page.select_option("#doc-filter", index=1)
    page.wait_for_timeout(300)
    _clean(visit)
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("document.querySelectorAll('img, iframe, a, svg[onload]').length") == 0
    assert page.evaluate("document.scripts.length") == 3
    assert HOSTILE in page.locator("#results").text_content()
    assert '<script>alert("title")</script>' in page.locator("#doc-filter").text_content()
    page.evaluate("doc2kg.showEdge(0)")
    assert '<a href="javascript:alert(1)">' in page.locator("#details-body").text_content()
    page.evaluate("doc2kg.openDocument(0)")
    assert page.locator("#doc-text").text_content() == '<img src=x onerror="window.__pwned=4"> France'
    assert page.locator("#doc-text mark").all_text_contents() == ['<img src=x', "France"]
    assert page.evaluate("window.__pwned") is None
    visit.page.context.close()


@pytest.mark.slow
def test_five_thousand_nodes_open_and_respond(chromium, tmp_path):
    G = synthetic_graph(5000, 15000)
    html.write(G, tmp_path)
    visit = open_page(chromium, tmp_path / "graph.html", ready=READY, timeout_ms=180_000)
    page = visit.page
    _clean(visit)
    assert page.evaluate("doc2kg.data.physics") is False
    assert page.evaluate("[doc2kg.visibleNodes().length, doc2kg.visibleEdges().length]") == [5000, 15000]
    # Something was drawn: the canvas is not blank.
    inked = page.evaluate("""() => {
        const c = document.querySelector('#graph canvas');
        const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < px.length; i += 4) if (px[i] > 0) n++;
        return n;
    }""")
    assert inked > 10_000
    assert page.evaluate("doc2kg.search('n4999 ').length + doc2kg.search('4999').length") >= 1
    page.evaluate("doc2kg.focus(0)")
    assert page.evaluate("doc2kg.highlighted.node") == 0
    page.screenshot(path=str(tmp_path / "graph-5k.png"))
    shutil.copy(tmp_path / "graph-5k.png", "/tmp/graph-5k.png")
    assert Path(tmp_path / "graph-5k.png").stat().st_size > 10_000
    visit.page.context.close()


def test_document_and_relation_filters(chromium, tmp_path):
    G = small_graph()
    G.graph["documents"]["d2"] = {"source": "b.txt", "lang": "fr", "title": "Dépêche"}
    G.nodes["country/FR"]["documents"] = ["d2"]
    html.write(G, tmp_path)
    visit = open_page(chromium, tmp_path / "graph.html", ready=READY)
    page = visit.page
    shown = "doc2kg.visibleNodes().map(i => doc2kg.data.nodes[i].ref).sort()"
    page.select_option("#doc-filter", label="Dépêche [fr]")
    assert page.evaluate(shown) == ["country/FR"]
    page.select_option("#doc-filter", label="خبر [ar]")
    assert page.evaluate(shown) == ["country/MA", "person/x"]
    page.select_option("#doc-filter", index=0)
    assert len(page.evaluate(shown)) == 3
    page.locator("#relation-filter li", has_text="leads").locator("input").uncheck()
    assert page.evaluate("doc2kg.visibleEdges().map(i => doc2kg.data.edges[i].type)") == ["cooperatesWith"]
    _clean(visit)
    visit.page.context.close()
