"""graph.html without a browser: one self-contained file, escaped data, layout switch."""
from __future__ import annotations

import json
import re

import networkx as nx

from pipeline.exporters import html
from tests.exporters.conftest import synthetic_graph

HOSTILE = '</script><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> & "href"'


def small_graph(label: str = "Morocco") -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    G.graph["documents"] = {"d1": {"source": "a.txt", "lang": "ar", "title": "خبر"}}
    G.add_node("country/MA", kind="entity", type="Country", label=label, aliases=["المغرب"], documents=["d1"],
               labels={"en": label, "ar": "المغرب"}, alias_langs={"ar": ["المغرب"]}, mentions=3)
    G.add_node("country/FR", kind="entity", type="Country", label="France", aliases=["فرنسا"], documents=["d1"],
               labels={"ar": "فرنسا"}, alias_langs={"ar": ["فرنسا"]}, mentions=1)
    G.add_node("person/x", kind="entity", type="Person", label="عبد اللطيف حموشي", aliases=["حموشي"],
               documents=["d1"], labels={}, alias_langs={"ar": ["حموشي"]}, mentions=2)
    ev = [{"document": "d1", "start": 0, "end": 5, "text": "تعاون أمني"}]
    common = dict(domains=["security"], confidence=0.9, extractor="pattern", evidence=ev, documents=["d1"],
                  negated=False, hedged=False)
    G.add_edge("country/MA", "country/FR", key="cooperatesWith", type="cooperatesWith", symmetric=True, **common)
    G.add_edge("person/x", "country/MA", key="leads", type="leads", symmetric=False, **common)
    return G


def embedded_data(page: str) -> dict:
    block = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page, re.S).group(1)
    return json.loads(block)


def test_page_is_one_file_that_loads_nothing():
    page = html.render(small_graph())
    assert not re.search(r"<(script|link|img|iframe)[^>]*\s(src|href)=", page, re.I)
    assert "jsdelivr" not in page and "bootstrap" not in page.lower()
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp
    assert "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
    assert "vis.Network" in page and "Noto Naskh Arabic" in page


def test_hostile_text_cannot_close_the_data_block():
    page = html.render(small_graph(label=HOSTILE))
    assert "</script><script>window.__pwned" not in page
    assert "<img src=x" not in page
    data = embedded_data(page)
    assert any(n["name"] == HOSTILE for n in data["nodes"])


def test_nodes_and_edges_carry_type_style_and_direction():
    data = embedded_data(html.render(small_graph()))
    assert data["types"]["Country"]["shape"] == "hexagon" and data["types"]["Person"]["shape"] == "dot"
    edges = {e["type"]: e for e in data["edges"]}
    assert edges["cooperatesWith"]["symmetric"] is True and edges["leads"]["symmetric"] is False
    assert edges["leads"]["evidence"][0]["text"] == "تعاون أمني"
    morocco = next(n for n in data["nodes"] if n["ref"] == "country/MA")
    assert morocco["label"] == "Morocco\nالمغرب"
    assert morocco["aliases"] == {"ar": ["المغرب"]}
    assert [data["documents"][i]["title"] for i in morocco["docs"]] == ["خبر"]
    # Morocco touches both other nodes: the most important
    assert morocco["size"] == max(n["size"] for n in data["nodes"])


def test_search_keys_are_normalized_and_transliterated():
    data = embedded_data(html.render(small_graph()))
    person = next(n for n in data["nodes"] if n["ref"] == "person/x")
    assert "حموشي" in person["key"].split("\n")
    from pipeline.language.transliterate import skeleton
    assert skeleton("Hammouchi") in person["skel"]


def test_physics_for_small_graphs_positions_for_large_ones():
    small = embedded_data(html.render(small_graph()))
    assert small["physics"] is True and all("x" not in n for n in small["nodes"])
    G = synthetic_graph(html.PHYSICS_LIMIT + 1, 2 * html.PHYSICS_LIMIT)
    large = embedded_data(html.render(G))
    assert large["physics"] is False
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in large["nodes"])


def test_write_replaces_graph_html(tmp_path):
    (tmp_path / "graph.html").write_text("old")
    paths = html.write(small_graph(), tmp_path)
    assert paths == [tmp_path / "graph.html"]
    assert paths[0].read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]


FR_TEXT = ("Paris et Rabat renforcent leur coopération\n\n"
           "Le Maroc et la France ont signé mardi un accord de coopération sécuritaire à Paris. "
           "Emmanuel Macron dirige la délégation française.")
AR_TEXT = ("تعاون أمني بين المغرب وإسبانيا\n\n"
           "أعلن المغرب وإسبانيا عن تعزيز التعاون الأمني بين البلدين. "
           "ويقود عبد اللطيف حموشي المديرية العامة للأمن الوطني.")


def _span(doc: str, text: str, form: str, nth: int = 0) -> list:
    at = -1
    for _ in range(nth + 1):
        at = text.index(form, at + 1)
    return [doc, at, at + len(form)]


def _sentence(doc: str, text: str, start_words: str, end_words: str) -> dict:
    start = text.index(start_words)
    end = text.index(end_words, start) + len(end_words)
    return {"document": doc, "start": start, "end": end, "text": text[start:end]}


def workbench_graph(extra_documents: int = 8) -> nx.MultiDiGraph:
    """A French and an Arabic article with their texts, mention spans and evidence sentences,
    plus ``extra_documents`` short French notes that all state Morocco cooperates with France."""
    G = nx.MultiDiGraph()
    docs = {"fr1": {"source": "fr1.txt", "lang": "fr", "title": "Paris et Rabat renforcent leur coopération",
                    "date": "2024-03-05"},
            "ar1": {"source": "ar1.txt", "lang": "ar", "title": "تعاون أمني بين المغرب وإسبانيا"}}
    texts = {"fr1": FR_TEXT, "ar1": AR_TEXT}
    for i in range(extra_documents):
        d = f"note{i}"
        docs[d] = {"source": f"{d}.txt", "lang": "fr", "title": f"Note {i}"}
        texts[d] = f"Note {i}\n\nLe Maroc coopère avec la France (note {i})."
    G.graph["documents"] = docs
    G.graph["texts"] = texts

    def node(ref, typ, label, spans, labels=None, aliases=()):
        G.add_node(ref, kind="entity", type=typ, label=label, aliases=list(aliases), documents=sorted({s[0] for s in spans}),
                   labels=labels or {}, alias_langs={}, mentions=len(spans), spans=spans)

    notes = [_span(f"note{i}", texts[f"note{i}"], "Maroc") for i in range(extra_documents)]
    node("country/MA", "Country", "Morocco", [_span("fr1", FR_TEXT, "Maroc"), _span("ar1", AR_TEXT, "المغرب", 1), *notes],
         {"en": "Morocco", "fr": "Maroc", "ar": "المغرب"}, ["Maroc", "المغرب"])
    notes = [_span(f"note{i}", texts[f"note{i}"], "France") for i in range(extra_documents)]
    node("country/FR", "Country", "France", [_span("fr1", FR_TEXT, "France"), *notes], {"ar": "فرنسا"}, ["France"])
    node("country/ES", "Country", "Spain", [_span("ar1", AR_TEXT, "إسبانيا", 1)], {"ar": "إسبانيا"}, ["إسبانيا"])
    node("person/macron", "Person", "Emmanuel Macron", [_span("fr1", FR_TEXT, "Emmanuel Macron")], {}, ["Emmanuel Macron"])
    node("person/hammouchi", "Person", "عبد اللطيف حموشي", [_span("ar1", AR_TEXT, "عبد اللطيف حموشي")], {}, ["حموشي"])
    node("agency/ma-dgsn", "GovernmentAgency", "المديرية العامة للأمن الوطني",
         [_span("ar1", AR_TEXT, "المديرية العامة للأمن الوطني")], {}, ["المديرية العامة للأمن الوطني"])
    node("organization/un", "Organization", "Nations unies", [], {}, [])
    node("city/paris", "City", "Paris", [_span("fr1", FR_TEXT, "Paris"), _span("fr1", FR_TEXT, "Paris", 1)], {}, ["Paris"])
    node("city/rabat", "City", "Rabat", [_span("fr1", FR_TEXT, "Rabat")], {}, ["Rabat"])
    node("event/accord", "Event", "accord de coopération", [_span("fr1", FR_TEXT, "accord de coopération")], {}, [])
    G.add_node("literal:2024-03-05", kind="literal", label="2024-03-05", type="Date")

    def edge(h, rel, t, evidence, symmetric=False):
        G.add_edge(h, t, key=rel, type=rel, symmetric=symmetric, domains=["security"], confidence=0.9, extractor="rule:test",
                   evidence=evidence, documents=sorted({e["document"] for e in evidence}), negated=False, hedged=False)

    fr_sentence = _sentence("fr1", FR_TEXT, "Le Maroc", "à Paris.")
    edge("country/FR", "cooperatesWith", "country/MA",
         [fr_sentence, *(_sentence(f"note{i}", texts[f"note{i}"], "Le Maroc", ").") for i in range(extra_documents))],
         symmetric=True)
    edge("country/ES", "cooperatesWith", "country/MA", [_sentence("ar1", AR_TEXT, "أعلن", "البلدين.")], symmetric=True)
    edge("person/hammouchi", "leads", "agency/ma-dgsn", [_sentence("ar1", AR_TEXT, "ويقود", "الوطني.")])
    edge("person/macron", "leads", "country/FR", [_sentence("fr1", FR_TEXT, "Emmanuel", "française.")])
    edge("event/accord", "occurredOn", "literal:2024-03-05", [fr_sentence])
    edge("country/MA", "involvedIn", "event/accord", [fr_sentence])
    return G


def test_page_carries_texts_spans_and_all_evidence():
    data = embedded_data(html.render(workbench_graph()))
    docs = {d["id"]: d for d in data["documents"]}
    assert docs["fr1"]["text"] == FR_TEXT and docs["ar1"]["text"] == AR_TEXT
    assert docs["fr1"]["date"] == "2024-03-05" and docs["ar1"]["date"] == ""
    index = {d["id"]: i for i, d in enumerate(data["documents"])}
    hammouchi = next(n for n in data["nodes"] if n["ref"] == "person/hammouchi")
    [[doc, start, end]] = hammouchi["spans"]
    assert doc == index["ar1"] and AR_TEXT[start:end] == "عبد اللطيف حموشي"
    coop = next(e for e in data["edges"] if e["type"] == "cooperatesWith" and e["docs"] != [index["ar1"]])
    assert len(coop["evidence"]) == 9  # every evidence, none dropped
    first = coop["evidence"][0]
    assert FR_TEXT[first["start"]:first["end"]] == first["text"]
    # a date belongs to the documents of the facts that give it
    date = next(n for n in data["nodes"] if n["kind"] == "literal")
    assert date["docs"] == [index["fr1"]]


def test_texts_stop_at_the_page_budget(monkeypatch):
    monkeypatch.setattr(html, "MAX_PAGE_TEXT", len(AR_TEXT) + 10)
    data = embedded_data(html.render(workbench_graph(0)))
    docs = {d["id"]: d for d in data["documents"]}
    assert "text" in docs["ar1"] and "text" not in docs["fr1"]  # ids in order: ar1 first, fr1 over the budget
    morocco = next(n for n in data["nodes"] if n["ref"] == "country/MA")
    assert [data["documents"][s[0]]["id"] for s in morocco["spans"]] == ["ar1"]  # offsets only where the text is


def test_types_that_are_told_apart_have_distinct_shapes():
    palette = json.loads((html.PAGE / "palette.json").read_text(encoding="utf-8"))["types"]
    shape = {t: (v["shape"], bool(v.get("dashes"))) for t, v in palette.items()}
    assert shape["GovernmentAgency"] != shape["Organization"]
    assert shape["City"] != shape["Date"]
    assert len(set(shape.values())) == len(shape)


def _role_graph() -> nx.MultiDiGraph:
    """Roles and a statement with their time and source, as :mod:`pipeline.graph.build` stores them."""
    G = nx.MultiDiGraph()
    G.graph["documents"] = {"d1": {"lang": "fr", "published": "2024-02-10", "publisher": "Le Monde"},
                            "d2": {"lang": "fr"}, "d3": {"lang": "ar", "published": "2024-03-01"}}
    for ref, typ in (("person/bajolet", "Person"), ("person/lerner", "Person"), ("agency/fr-dgse", "GovernmentAgency"),
                     ("agency/fr-dgsi", "GovernmentAgency"), ("country/FR", "Country"), ("country/MA", "Country"),
                     ("agency/fr-interior", "GovernmentAgency")):
        G.add_node(ref, kind="entity", type=typ, label=ref.split("/")[1], documents=["d1"])
    ev = [{"document": "d1", "start": 0, "end": 4, "text": "text"}]
    former = {"status": "former", "start": "2013", "end": "2017", "attributed_to": "outlet"}
    G.add_edge("person/bajolet", "agency/fr-dgse", key="leads", type="leads", evidence=ev, documents=["d1", "d2", "d3"],
               **former, by_document={"d1": former, "d2": {"status": "current", "attributed_to": "outlet"},
                                      "d3": {"status": "former", "attributed_to": "agency/fr-interior"}})
    acting = {"status": "acting", "attributed_to": "outlet"}
    G.add_edge("person/lerner", "agency/fr-dgsi", key="leads", type="leads", evidence=ev, documents=["d1", "d2"],
               **acting, by_document={"d1": acting, "d2": acting})
    G.add_edge("country/FR", "country/MA", key="cooperatesWith", type="cooperatesWith", evidence=ev, documents=["d1"],
               attributed_to="agency/fr-interior", status=None, start=None, end=None, by_document=None)
    G.add_edge("country/MA", "country/FR", key="cooperatesWith", type="cooperatesWith", evidence=ev, documents=["d1"],
               attributed_to="person/unknown")
    G.add_edge("agency/fr-dgse", "country/FR", key="agencyOf", type="agencyOf", evidence=ev, documents=["d1"])
    return G


def test_edges_carry_role_time_and_source_once_per_fact():
    data = html.page_data(_role_graph())
    refs = [n["ref"] for n in data["nodes"]]
    docs = [d["id"] for d in data["documents"]]
    edges = {(refs[e["from"]], e["type"]): e for e in data["edges"]}
    time_keys = {"status", "start", "end", "source", "by_doc"}
    former = edges["person/bajolet", "leads"]
    assert {k: former[k] for k in time_keys & set(former) - {"by_doc"}} == {"status": "former", "start": "2013", "end": "2017"}
    # what each document says, where one differs from the fact's merge; the outlet is no value
    assert {docs[i]: v for i, v in former["by_doc"].items()} == {
        "d1": {"status": "former", "start": "2013", "end": "2017"}, "d2": {"status": "current"},
        "d3": {"status": "former", "source": refs.index("agency/fr-interior")}}
    acting = edges["person/lerner", "leads"]
    assert {k: acting[k] for k in time_keys & set(acting)} == {"status": "acting"}  # documents agree: no by_doc
    assert {k: edges["country/FR", "cooperatesWith"][k] for k in time_keys & set(edges["country/FR", "cooperatesWith"])} == {
        "source": refs.index("agency/fr-interior")}
    assert edges["country/MA", "cooperatesWith"]["source"] == "person/unknown"  # no node: its id
    assert not time_keys & set(edges["agency/fr-dgse", "agencyOf"])
    # the page's documents give the report time and the outlet
    assert [(d["date"], d["publisher"]) for d in data["documents"]] == [("2024-02-10", "Le Monde"), ("", ""), ("2024-03-01", "")]
