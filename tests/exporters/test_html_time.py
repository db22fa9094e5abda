"""graph.html shows a fact's time, status and source (issue 16), in headless Chromium at
1366×768, on a pipeline run over our own French and Arabic sentences about public people: a
former head with dates, acting heads, facts according to a ministry, an undated note whose
role reads otherwise, and an outlet name that is hostile markup."""
from __future__ import annotations

import csv
import io
import json

import pytest

from tests.exporters.conftest import open_page

pytestmark = pytest.mark.browser

READY = "window.doc2kg && window.doc2kg.drawn && window.doc2kg.stabilized"
HOSTILE = "<img src=x onerror=alert(1)>Agence"
# Our own sentences (no evaluation text).
CORPUS = [
    {"id": "fr-monde", "date": "2024-02-10", "publisher": "Le Monde", "lang": "fr", "title": "Renseignement : les anciens patrons",
     "text": "Bernard Bajolet, qui a dirigé la DGSE de 2013 à 2017, a publié un livre. Nicolas Lerner, directeur par "
             "intérim de la DGSI, a rencontré des responsables marocains à Rabat. Selon le ministère de l'Intérieur, "
             "la France coopère avec le Maroc dans la lutte antiterroriste."},
    {"id": "fr-note", "publisher": HOSTILE, "lang": "fr", "title": "Note sans date",
     "text": "Bernard Bajolet, directeur de la DGSE, a reçu des journalistes."},
    {"id": "ar-hespress", "date": "2024-03-01", "publisher": "Hespress", "lang": "ar", "title": "تعاون أمني",
     "text": "وحسب وزارة الداخلية، يتعاون المغرب مع إسبانيا في مكافحة الإرهاب. برنار باجولي، المدير السابق للمديرية "
             "العامة للأمن الخارجي الفرنسية، نشر كتابا. وقال ياسين المنصوري، المدير بالنيابة للمديرية العامة "
             "للدراسات والمستندات، إن التعاون مستمر."},
]


def _run_and_open(chromium, tmp_path_factory, name: str, documents: list[dict]):
    """The real pipeline over ``documents`` (JSON Lines), its graph.html open in Chromium."""
    from pipeline.runner import Pipeline

    src = tmp_path_factory.mktemp(f"{name}-corpus") / "reports.jsonl"
    src.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents), encoding="utf-8")
    out = tmp_path_factory.mktemp(f"{name}-out")
    Pipeline().run([src], out)
    return open_page(chromium, out / "graph.html", ready=READY, viewport=(1366, 768))


@pytest.fixture(scope="module")
def visit(chromium, tmp_path_factory):
    visit = _run_and_open(chromium, tmp_path_factory, "pagetime", CORPUS)
    yield visit
    visit.page.context.close()


@pytest.fixture
def page(visit):
    yield visit.page
    assert visit.errors == [] and visit.outside == [] and visit.dialogs == []


def edge(page, head: str, rel: str, doc: str | None = None) -> dict:
    """The one edge of type ``rel`` whose head is named ``head`` (stated in ``doc``, if given)."""
    found = page.evaluate("""([head, rel, doc]) => doc2kg.data.edges.filter(e => e.type === rel
        && doc2kg.data.nodes[e.from].name === head
        && (doc === null || e.docs.some(i => doc2kg.data.documents[i].id === doc)))""", [head, rel, doc])
    assert len(found) == 1, found
    return found[0]


def show_edge(page, e: dict) -> dict:
    """Select the edge; its details as text: the fact's role line and each evidence's attribution."""
    page.evaluate("id => doc2kg.showEdge(id)", e["id"])
    return page.evaluate("""() => ({
        role: Array.from(document.querySelectorAll('#details-body .role-time'), x => x.textContent),
        attribution: Array.from(document.querySelectorAll('#details-body .attribution'), x => x.textContent),
    })""")


def test_former_role_with_dates_and_what_each_document_says(page):
    e = edge(page, "Bernard Bajolet", "leads", "fr-monde")
    assert (e["status"], e["start"], e["end"]) == ("former", "2013", "2017")
    assert "source" not in e  # the outlet is the default source: no value per fact to carry
    docs = {page.evaluate("i => doc2kg.data.documents[i].id", int(i)): v for i, v in e["by_doc"].items()}
    # the Arabic report names him in Arabic (one entity across scripts) and says "former" without dates
    assert docs == {"fr-monde": {"status": "former", "start": "2013", "end": "2017"}, "fr-note": {"status": "current"},
                    "ar-hespress": {"status": "former"}}
    shown = show_edge(page, e)
    assert shown["role"] == ["former \u00b7 2013\u20132017"]
    # per evidence: who reports it and when; the undated note's own reading of the role
    assert sorted(shown["attribution"]) == sorted([
        "reported by Le Monde \u00b7 reported 2024-02-10",
        "current \u00b7 reported by " + HOSTILE + " \u00b7 undated",
        "former \u00b7 reported by Hespress \u00b7 reported 2024-03-01"])
    # hostile outlet name stays text
    assert page.locator("#details-body img").count() == 0


def test_acting_head_in_node_details(page):
    e = edge(page, "Nicolas Lerner", "leads")
    assert e["status"] == "acting" and "by_doc" not in e and "start" not in e
    page.evaluate("id => doc2kg.showNode(id)", e["from"])
    assert page.locator("#details-body .role-time").all_text_contents() == ["acting"]
    assert page.locator("#details-body .attribution").all_text_contents() == [
        "reported by Le Monde \u00b7 reported 2024-02-10"]


def test_fact_according_to_a_ministry(page):
    facts = page.evaluate("""() => doc2kg.data.edges.filter(e => e.type === 'cooperatesWith'
        && doc2kg.data.nodes[e.from].ref === 'country/FR' && doc2kg.data.nodes[e.to].ref === 'country/MA')""")
    (e,) = facts
    source = page.evaluate("i => doc2kg.data.nodes[i]", e["source"])
    assert source["type"] == "GovernmentAgency" and "Intérieur" in source["name"]
    assert "status" not in e  # no role: nothing about time carried
    shown = show_edge(page, e)
    assert shown["role"] == []
    assert shown["attribution"] == ["according to " + source["name"] + " (GovernmentAgency) \u00b7 reported 2024-02-10"]
    # the source's name opens its own facts
    page.locator("#details-body .attribution button.source-node").click()
    assert page.evaluate("doc2kg.selected") == {"kind": "node", "id": e["source"]}
    assert page.locator("#details-body .title").first.text_content() == source["name"]


def test_arabic_facts_former_acting_and_ministry(page):
    former = edge(page, "Bernard Bajolet", "leads", "ar-hespress")
    page.evaluate("id => doc2kg.showEdge(id)", former["id"])
    arabic = page.locator("#details-body .evidence", has=page.locator("blockquote[lang=ar]"))
    assert "برنار باجولي" in arabic.locator("blockquote").text_content()
    assert arabic.locator(".attribution").text_content() == "former \u00b7 reported by Hespress \u00b7 reported 2024-03-01"
    assert arabic.locator(".attribution .doc-role").text_content() == "former"  # this document's own reading
    acting = edge(page, "ياسين المنصوري", "leads")
    assert show_edge(page, acting)["role"] == ["acting"]
    (coop,) = page.evaluate("""() => doc2kg.data.edges.filter(e => e.type === 'cooperatesWith'
        && e.docs.some(i => doc2kg.data.documents[i].id === 'ar-hespress'))""")
    source = page.evaluate("i => doc2kg.data.nodes[i].name", coop["source"])
    assert "الداخلية" in source
    assert show_edge(page, coop)["attribution"] == [f"according to {source} (GovernmentAgency) \u00b7 reported 2024-03-01"]


def test_former_edge_dotted_tooltip_and_legend(page):
    former = edge(page, "Bernard Bajolet", "leads", "fr-monde")
    acting = edge(page, "Nicolas Lerner", "leads")
    dashes = page.evaluate("ids => ids.map(id => doc2kg.edges.get(id).dashes)", [former["id"], acting["id"]])
    assert dashes == [[2, 6], False]
    labels = page.evaluate("ids => ids.map(id => doc2kg.edges.get(id).label)", [former["id"], acting["id"]])
    assert labels == ["leads (former)", "leads"]
    page.evaluate("id => doc2kg.showTooltip('edge', id, 200, 200)", former["id"])
    assert "former \u00b7 2013\u20132017" in page.locator("#tooltip .role-time").text_content()
    page.evaluate("id => doc2kg.showTooltip('edge', id, 200, 200)", acting["id"])
    assert page.locator("#tooltip .role-time").text_content() == "acting"
    assert "dotted: a role that has ended" in page.locator("footer").text_content()


def test_edges_csv_has_status_dates_and_source(page):
    rows = list(csv.DictReader(io.StringIO(page.evaluate("doc2kg.edgesCsv()"))))
    former = next(r for r in rows if r["head_name"] == "Bernard Bajolet")
    assert (former["status"], former["start"], former["end"], former["source"]) == ("former", "2013", "2017", "")
    coop = next(r for r in rows if r["relation"] == "cooperatesWith" and {r["head"], r["tail"]} == {"country/FR", "country/MA"})
    assert "Intérieur" in coop["source"] and coop["status"] == ""


# --- the time filter reads a role's since / until (the valid time) before its report dates ----
# Our own sentence about public people: a former head with dates, a head "since" a year; the
# article is dated 2024, after the one role ended.
ROLES = [{"id": "en-post", "date": "2024-05-02", "publisher": "The Washington Post", "lang": "en", "title": "Spy chiefs",
          "text": "John Brennan, who led the CIA from 2013 to 2017, wrote a memoir. Christopher Wray has led the FBI "
                  "since 2017. The United States cooperates with Morocco in the fight against terrorism."}]


@pytest.fixture(scope="module")
def roles_visit(chromium, tmp_path_factory):
    visit = _run_and_open(chromium, tmp_path_factory, "rolefilter", ROLES)
    yield visit
    visit.page.context.close()


def set_time(page, selector: str, value: str) -> None:
    page.fill(selector, value)
    page.dispatch_event(selector, "change")


def test_time_filter_reads_a_roles_since_and_until(roles_visit):
    page = roles_visit.page
    former, since = edge(page, "John Brennan", "leads"), edge(page, "Christopher Wray", "leads")
    assert (former["status"], former["start"], former["end"]) == ("former", "2013", "2017")
    assert since["start"] == "2017" and "end" not in since
    ids = page.evaluate("doc2kg.data.nodes.map(n => n.id)")
    before = page.evaluate("ids => doc2kg.network.getPositions(ids)", ids)

    def shown() -> tuple[set, set]:
        edges = {page.evaluate("i => doc2kg.data.edges[i].type + ' ' + doc2kg.data.nodes[doc2kg.data.edges[i].from].name", i)
                 for i in page.evaluate("doc2kg.visibleEdges()")}
        nodes = {page.evaluate("i => doc2kg.data.nodes[i].name", i) for i in page.evaluate("doc2kg.visibleNodes()")}
        return edges, nodes

    everything = shown()
    assert {"leads John Brennan", "leads Christopher Wray"} <= everything[0]
    assert "valid time decides" in page.locator("#time-help").text_content()
    # 2015: inside 2013-2017; the open role starts after it; the 2024 report dates nothing in it
    set_time(page, "#time-from", "2015")
    set_time(page, "#time-to", "2015")
    edges, nodes = shown()
    assert edges == {"leads John Brennan"}
    assert nodes == {"John Brennan", "Central Intelligence Agency"}
    # 2019: the former role has ended (hidden), "since 2017" still holds
    set_time(page, "#time-from", "2019")
    set_time(page, "#time-to", "2019")
    edges, nodes = shown()
    assert edges == {"leads Christopher Wray"} and "John Brennan" not in nodes
    # 2024, the report's year: the role's own time decides, not the date of the article that states it
    set_time(page, "#time-from", "2024")
    set_time(page, "#time-to", "")
    edges, nodes = shown()
    assert "leads Christopher Wray" in edges and "leads John Brennan" not in edges
    assert "John Brennan" in nodes  # the node: one of its times (the report) meets the range
    assert any(e.startswith("cooperatesWith") for e in edges)  # no valid time: the report date decides
    # up to 2013-06: a year meets a month in it; the former role is back
    set_time(page, "#time-from", "")
    set_time(page, "#time-to", "2013-06")
    assert shown()[0] == {"leads John Brennan"}
    page.click("#reset")
    assert shown() == everything
    after = page.evaluate("ids => doc2kg.network.getPositions(ids)", ids)
    for nid, p in before.items():
        assert abs(after[nid]["x"] - p["x"]) < 0.01 and abs(after[nid]["y"] - p["y"]) < 0.01, nid
    assert roles_visit.errors == [] and roles_visit.outside == [] and roles_visit.dialogs == []
