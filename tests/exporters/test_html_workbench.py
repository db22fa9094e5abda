"""graph.html as an analyst's workbench, in headless Chromium at 1366×768: filters that keep
the layout, the details panel, the document view, the overview switches, search marks and
the exports, on a French and an Arabic article (``workbench_graph``).

One page is opened for the module; each test starts from all filters reset and nothing
selected.
"""
from __future__ import annotations

import csv
import io

import pytest

from pipeline.exporters import html
from tests.exporters.conftest import open_page
from tests.exporters.test_html import AR_TEXT, FR_TEXT, workbench_graph

pytestmark = pytest.mark.browser

READY = "window.doc2kg && window.doc2kg.drawn && window.doc2kg.stabilized"
WIDTH, HEIGHT = 1366, 768


@pytest.fixture(scope="module")
def bench(chromium, tmp_path_factory):
    out = tmp_path_factory.mktemp("workbench")
    html.write(workbench_graph(), out)
    visit = open_page(chromium, out / "graph.html", ready=READY, viewport=(WIDTH, HEIGHT))
    yield visit
    visit.page.context.close()


@pytest.fixture
def page(bench):
    page = bench.page
    page.keyboard.press("Escape")
    page.evaluate("doc2kg.resetFilters()")
    yield page
    assert bench.errors == [] and bench.outside == [] and bench.dialogs == []


def node_id(page, ref: str) -> int:
    return page.evaluate("r => doc2kg.data.nodes.find(n => n.ref === r).id", ref)


def refs(page, ids) -> list[str]:
    return sorted(page.evaluate("ids => ids.map(i => doc2kg.data.nodes[i].ref)", ids))


def shown(page) -> list[str]:
    return refs(page, page.evaluate("doc2kg.visibleNodes()"))


def positions(page) -> dict:
    return page.evaluate("doc2kg.network.getPositions(doc2kg.data.nodes.map(n => n.id))")


def screen_point(page, nid: int) -> tuple[float, float]:
    return page.evaluate("""id => {
        const p = doc2kg.network.canvasToDOM(doc2kg.network.getPositions([id])[id]);
        const r = document.getElementById('graph').getBoundingClientRect();
        return [r.left + p.x, r.top + p.y];
    }""", nid)


def all_shown_on_screen(page) -> bool:
    return page.evaluate("""() => {
        const r = document.getElementById('graph').getBoundingClientRect();
        return doc2kg.visibleNodes().every(id => {
            const p = doc2kg.network.canvasToDOM(doc2kg.network.getPositions([id])[id]);
            return p.x >= 0 && p.y >= 0 && p.x <= r.width && p.y <= r.height;
        });
    }""")


def click_node(page, ref: str) -> int:
    nid = node_id(page, ref)
    page.evaluate("id => doc2kg.network.focus(id, {scale: 1.0})", nid)
    page.mouse.click(*screen_point(page, nid))
    page.wait_for_selector("#details:not([hidden])", timeout=5_000)
    return nid


def type_box(page, name: str):
    return page.locator(f'#type-filter input[data-name="{name}"]')


def relation_box(page, name: str):
    return page.locator(f'#relation-filter input[data-name="{name}"]')


def set_range(page, selector: str, value: int) -> None:
    page.evaluate("([s, v]) => { const e = document.querySelector(s); e.value = String(v); e.dispatchEvent(new Event('input')); }",
                  [selector, value])


# --- 1. the layout survives every filter ------------------------------------------------

def test_positions_survive_every_filter_and_search(page):
    before = positions(page)
    type_box(page, "Country").uncheck()
    type_box(page, "Country").check()
    page.select_option("#doc-filter", label="Paris et Rabat renforcent leur coopération [fr] 2024-03-05")
    assert all_shown_on_screen(page)  # re-fitted to what is shown
    page.select_option("#doc-filter", index=0)
    relation_box(page, "leads").uncheck()
    relation_box(page, "leads").check()
    page.check("#hide-isolated")
    set_range(page, "#min-degree", 2)
    set_range(page, "#min-degree", 0)
    page.uncheck("#hide-isolated")
    # search and Enter on a node a filter hides: it is shown on its own, the filters stay
    type_box(page, "Person").uncheck()
    page.fill("#search", "Hammouchi")
    page.press("#search", "Enter")
    assert not type_box(page, "Person").is_checked()
    assert "person/hammouchi" in shown(page) and "person/macron" not in shown(page)
    assert page.evaluate("doc2kg.network.getSelectedNodes()") == [node_id(page, "person/hammouchi")]
    page.click("#reset")
    after = positions(page)
    assert after.keys() == before.keys()
    for nid, p in before.items():
        assert abs(after[nid]["x"] - p["x"]) < 0.01 and abs(after[nid]["y"] - p["y"]) < 0.01, nid
    # nothing piled up: the nodes are spread as physics left them
    assert len({(round(p["x"]), round(p["y"])) for p in after.values()}) == len(after)


def test_fit_button_and_keys(page):
    page.evaluate("doc2kg.network.moveTo({position: {x: 5000, y: 5000}, scale: 3})")
    assert not all_shown_on_screen(page)
    page.click("#fit")
    assert all_shown_on_screen(page)
    page.evaluate("doc2kg.network.moveTo({position: {x: 5000, y: 5000}, scale: 3})")
    page.locator("#graph canvas").focus()
    page.keyboard.press("f")
    assert all_shown_on_screen(page)
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "search"
    page.keyboard.type("Maroc")
    assert page.locator("#results li").count() >= 1
    page.keyboard.press("Enter")
    assert page.evaluate("doc2kg.highlighted.node") == node_id(page, "country/MA")
    page.keyboard.press("Escape")
    assert page.input_value("#search") == ""
    assert page.locator("#results li").count() == 0
    assert page.evaluate("doc2kg.highlighted") is None


# --- 2. the details panel ---------------------------------------------------------------

def test_node_details_group_facts_with_their_sentence_french(page):
    click_node(page, "country/MA")
    body = page.locator("#details-body")
    assert body.locator(".title").first.text_content() == "Morocco"
    groups = page.evaluate("Array.from(document.querySelectorAll('.relation-group')).map(g => g.dataset.relation)")
    assert groups == ["cooperatesWith", "involvedIn"]
    coop = body.locator('.relation-group[data-relation="cooperatesWith"]')
    assert coop.locator(".fact").count() == 2
    french = coop.locator(".evidence", has_text="ont signé mardi").first
    quote = french.locator("blockquote")
    assert quote.text_content() == "Le Maroc et la France ont signé mardi un accord de coopération sécuritaire à Paris."
    assert sorted(quote.locator("mark").all_text_contents()) == ["France", "Maroc"]
    source = french.locator(".source").text_content()
    for part in ("Paris et Rabat renforcent leur coopération", "fr1", "fr", "Open document"):
        assert part in source
    assert french.locator(".attribution").text_content() == "reported 2024-03-05"  # no outlet named, no source
    # every evidence of the fact, none cut
    assert coop.locator(".fact").first.locator(".evidence").count() + coop.locator(".fact").nth(1).locator(".evidence").count() == 10
    # the panel fits the screen and scrolls
    box = page.locator("#side").bounding_box()
    assert box["x"] + box["width"] <= WIDTH and box["y"] + box["height"] <= HEIGHT
    assert page.locator("#graph").bounding_box()["width"] >= WIDTH / 2
    assert page.evaluate("(() => { const d = document.getElementById('details'); d.scrollTop = 300; return d.scrollTop > 0 && d.scrollHeight > d.clientHeight; })()")


def test_node_details_arabic_sentence_right_to_left(page):
    click_node(page, "person/hammouchi")
    evidence = page.locator("#details-body .evidence").first
    quote = evidence.locator("blockquote")
    assert quote.text_content() == "ويقود عبد اللطيف حموشي المديرية العامة للأمن الوطني."
    assert quote.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert quote.locator("mark").all_text_contents() == ["عبد اللطيف حموشي", "المديرية العامة للأمن الوطني"]
    source = evidence.locator(".source").text_content()
    assert "تعاون أمني بين المغرب وإسبانيا" in source and "ar1" in source and " ar" in source


def test_edge_details_list_every_evidence_and_copy(page):
    edge = page.evaluate("doc2kg.data.edges.find(e => e.type === 'cooperatesWith' && e.evidence.length > 1).id")
    page.evaluate("id => doc2kg.network.body.emitter.emit('click', {nodes: [], edges: [id], pointer: {DOM: {x: 0, y: 0}}})", edge)
    body = page.locator("#details-body")
    assert body.locator(".evidence").count() == 9
    assert "Le Maroc coopère avec la France (note 7)." in body.text_content()
    # real text: selectable, and the copy button copies it
    assert page.evaluate("getComputedStyle(document.querySelector('#details-body blockquote')).userSelect") != "none"
    page.click("#copy")
    page.wait_for_selector("#copy-status:not(:empty)", timeout=5_000)
    copied = page.evaluate("doc2kg.lastCopied")
    assert "Le Maroc et la France ont signé mardi" in copied and "(note 7)" in copied


# --- 3. the document view ---------------------------------------------------------------

def test_document_view_arabic_from_a_fact(page):
    click_node(page, "person/hammouchi")
    page.locator("#details-body .evidence").first.get_by_role("button", name="Open document").click()
    text = page.locator("#doc-text")
    assert page.locator("#docview").is_visible()
    assert page.locator("#doc-title").text_content() == "تعاون أمني بين المغرب وإسبانيا"
    assert text.get_attribute("dir") == "rtl" and text.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert text.text_content() == AR_TEXT
    marks = text.locator("mark")
    assert sorted(marks.all_text_contents()) == sorted(["المغرب", "إسبانيا", "عبد اللطيف حموشي", "المديرية العامة للأمن الوطني"])
    colours = {m.get_attribute("data-type"): m.evaluate("e => getComputedStyle(e).backgroundColor") for m in marks.all()}
    assert len(set(colours.values())) == 3  # Country, Person, GovernmentAgency
    evidence = "".join(text.locator(".evidence-mark").all_text_contents())
    assert "أعلن المغرب وإسبانيا عن تعزيز التعاون الأمني بين البلدين." in evidence
    assert "ويقود عبد اللطيف حموشي المديرية العامة للأمن الوطني." in evidence
    # from a mention back to its node
    text.locator("mark", has_text="المديرية العامة للأمن الوطني").click()
    agency = node_id(page, "agency/ma-dgsn")
    assert page.evaluate("doc2kg.network.getSelectedNodes()") == [agency]
    assert page.evaluate("doc2kg.highlighted.node") == agency


def test_document_view_french_from_the_document_list(page):
    page.select_option("#doc-filter", label="Paris et Rabat renforcent leur coopération [fr] 2024-03-05")
    page.click("#doc-open")
    text = page.locator("#doc-text")
    assert text.get_attribute("dir") == "ltr" and text.text_content() == FR_TEXT
    assert "2024-03-05" in page.locator("#doc-meta").text_content()
    marks = text.locator("mark").all_text_contents()
    assert marks.count("Paris") == 2 and "Emmanuel Macron" in marks and "accord de coopération" in marks
    assert "Emmanuel Macron dirige la délégation française." in "".join(text.locator(".evidence-mark").all_text_contents())
    text.locator("mark", has_text="Emmanuel Macron").click()
    assert page.evaluate("doc2kg.network.getSelectedNodes()") == [node_id(page, "person/macron")]


# --- 5. a readable overview -------------------------------------------------------------

def test_top_labels_readable_at_the_fitted_zoom(page):
    page.click("#fit")
    page.evaluate("doc2kg.network.moveTo({scale: 0.2})")
    page.wait_for_timeout(300)
    top = page.evaluate("doc2kg.topLabels")
    assert node_id(page, "country/MA") == top[0]
    # vis-network leaves labels out at this zoom (14 px × 0.2 < 6 px); the page draws the chosen ones
    assert page.evaluate("doc2kg.labelsDrawn") == {"ids": top, "px": 12}
    ink = page.evaluate("""id => {
        const c = document.querySelector('#graph canvas');
        const n = doc2kg.data.nodes[id];
        const p = doc2kg.network.canvasToDOM(doc2kg.network.getPositions([id])[id]);
        const y = p.y + n.size * doc2kg.network.getScale() + 3;
        const px = c.getContext('2d').getImageData(p.x - 30, y, 60, 14).data;
        let dark = 0;
        for (let i = 0; i < px.length; i += 4) if (px[i + 3] > 200 && px[i] < 100) dark++;
        return dark;
    }""", top[0])
    assert ink > 20  # "Morocco" under its node
    degrees = page.evaluate("ids => ids.map(id => doc2kg.network.getConnectedEdges(id).length)", top)
    assert degrees == sorted(degrees, reverse=True)  # the most linked first
    points = [screen_point(page, nid) for nid in top]
    for i, a in enumerate(points):  # spread out: no two chosen labels on top of each other
        for b in points[i + 1:]:
            assert abs(a[0] - b[0]) > 120 or abs(a[1] - b[1]) > 34


def test_hide_unconnected_degree_expand_and_counts(page):
    page.check("#hide-isolated")
    assert {"city/paris", "city/rabat", "organization/un"}.isdisjoint(shown(page))
    assert page.locator('#type-filter li', has_text="City").locator(".count").text_content() == "0 / 2"
    set_range(page, "#min-degree", 2)
    assert shown(page) == ["country/FR", "country/MA", "event/accord"]
    click_node(page, "country/MA")
    page.get_by_role("button", name="Expand neighbours").click()
    assert {"country/ES", "country/FR", "event/accord"} <= set(shown(page))
    page.keyboard.press("Escape")  # the expanded nodes are no longer pinned
    assert "country/ES" not in shown(page)
    set_range(page, "#min-degree", 0)
    page.uncheck("#hide-isolated")
    # edge counts follow the filters
    coop = page.locator('#relation-filter li', has_text="cooperatesWith").locator(".count")
    assert coop.text_content() == "2 / 2"
    type_box(page, "Country").uncheck()
    assert coop.text_content() == "0 / 2"
    assert page.locator("#stats").text_content().startswith(f"{len(shown(page))} / ")


def test_dates_only_under_documents_that_give_them(page):
    page.select_option("#doc-filter", label="تعاون أمني بين المغرب وإسبانيا [ar]")
    assert "literal:2024-03-05" not in shown(page)
    assert shown(page) == ["agency/ma-dgsn", "country/ES", "country/MA", "person/hammouchi"]
    page.select_option("#doc-filter", label="Paris et Rabat renforcent leur coopération [fr] 2024-03-05")
    assert "literal:2024-03-05" in shown(page)


# --- 6. search says how each result matched ---------------------------------------------

def test_search_marks_how_each_result_matched(page):
    page.fill("#search", "Maroc")
    first = page.locator("#results li").first
    assert first.locator(".name").text_content() == "Morocco"
    assert first.get_attribute("data-how") == "exact" and first.locator(".how").text_content() == "exact (alias)"
    page.fill("#search", "المغرب")
    assert page.locator("#results li").first.get_attribute("data-how") == "exact"
    page.fill("#search", "Hammouchi")
    hit = page.locator("#results li").first
    assert hit.locator(".name").text_content() == "عبد اللطيف حموشي" and hit.locator(".how").text_content() == "sounds like"
    page.fill("#search", "Emman")
    assert page.locator("#results li").first.locator(".how").text_content() == "name"
    hows = page.evaluate("doc2kg.searchMatches('Paris').map(h => h.how)")
    assert hows[0] == "exact" and hows == sorted(hows, key=["exact", "prefix", "contains", "sounds-like"].index)
    page.fill("#search", "Zanzibar")
    assert page.locator("#results li").count() == 0
    assert "No match" in page.locator("#search-status").text_content()


# --- 7. export what is shown ------------------------------------------------------------

def _download(page, selector: str) -> bytes:
    with page.expect_download(timeout=10_000) as info:
        page.click(selector)
    return open(info.value.path(), "rb").read()


def test_export_csv_of_what_is_shown_and_png(page):
    relation_box(page, "leads").uncheck()
    rows = list(csv.reader(io.StringIO(_download(page, "#export-edges").decode("utf-8-sig"))))
    assert rows[0][:3] == ["head", "relation", "tail"]
    assert len(rows) - 1 == page.evaluate("doc2kg.visibleEdges().length") == 4
    assert "leads" not in {r[1] for r in rows[1:]}
    type_box(page, "City").uncheck()
    nodes = list(csv.reader(io.StringIO(_download(page, "#export-nodes").decode("utf-8-sig"))))
    assert len(nodes) - 1 == page.evaluate("doc2kg.visibleNodes().length")
    names = {r[1] for r in nodes[1:]}
    assert "المديرية العامة للأمن الوطني" in names and "Paris" not in names
    png = _download(page, "#export-png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 5_000


# --- the time filter: event and report dates --------------------------------------------


def set_time(page, selector: str, value: str) -> None:
    page.fill(selector, value)
    page.dispatch_event(selector, "change")


def test_time_filter_hides_and_brings_back_nodes_positions_kept(page):
    before = positions(page)
    everything = shown(page)
    # Dated: what fr1 (published 2024-03-05) gives, the event dated 2024-03-05 and its date node.
    dated = {"country/MA", "country/FR", "person/macron", "city/paris", "city/rabat", "event/accord",
             "literal:2024-03-05"}
    undated = {"country/ES", "person/hammouchi", "agency/ma-dgsn"}
    assert dated | undated <= set(everything)
    set_time(page, "#time-from", "2025")
    assert not dated & set(shown(page)) and undated <= set(shown(page))  # undated ones stay
    set_time(page, "#time-from", "2024")
    set_time(page, "#time-to", "2024-03")  # a month meets a day in it
    assert shown(page) == everything
    set_time(page, "#time-to", "2024-03-04")
    assert not dated & set(shown(page))
    assert page.evaluate("doc2kg.visibleEdges().map(i => doc2kg.data.edges[i].type)") == ["leads"]  # ar1's, undated
    page.check("#hide-undated")
    assert shown(page) == []
    set_time(page, "#time-to", "")
    assert set(shown(page)) == dated  # only dated ones, now all in range
    set_time(page, "#time-from", "20x")  # not a date: no bound, and the field says so
    assert page.evaluate("document.getElementById('time-from').classList.contains('invalid')")
    assert set(shown(page)) == dated
    page.click("#reset")
    assert shown(page) == everything and not page.is_checked("#hide-undated")
    after = positions(page)
    for nid, p in before.items():
        assert abs(after[nid]["x"] - p["x"]) < 0.01 and abs(after[nid]["y"] - p["y"]) < 0.01, nid


def test_time_filter_reads_an_events_own_date_apart_from_its_reports(chromium, tmp_path):
    G = workbench_graph(extra_documents=0)
    G.graph["documents"]["fr1"]["date"] = "2024-04-10"  # reported in April what happened on 5 March
    html.write(G, tmp_path)
    visit = open_page(chromium, tmp_path / "graph.html", ready=READY, viewport=(WIDTH, HEIGHT))
    try:
        page = visit.page
        set_time(page, "#time-to", "2024-03-31")
        page.check("#hide-undated")
        # The event and its date meet March by the valid time; what fr1 alone dates (April) does not.
        assert shown(page) == ["event/accord", "literal:2024-03-05"]
        set_time(page, "#time-from", "2024-04")
        set_time(page, "#time-to", "")
        # by the report date: a date node belongs to the documents of the facts that give it
        assert {"event/accord", "person/macron", "country/FR", "literal:2024-03-05"} <= set(shown(page))
        set_time(page, "#time-to", "2024-04-09")  # after the event, before the report
        assert shown(page) == []
        assert visit.errors == []
    finally:
        page.context.close()
