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
