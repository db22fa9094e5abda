"""``doc2kg view``: pages of one view of a run, built from its store (a real run of two documents)."""
from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.sparql.view import ViewError, build_view

runner = CliRunner()

# Our own sentences, with real public names: d1 (2023) links Morocco and France and an
# agreement event dated 2023; d2 (2024) links France and Spain only.
DOCUMENTS = [
    {"id": "d1", "lang": "en", "title": "Morocco and France", "published": "2023-03-10", "publisher": "Test Wire",
     "text": "Morocco and France signed a security cooperation agreement in Rabat on 9 March 2023. "
             "Abdellatif Hammouchi, the head of the DGSN, met French officials."},
    {"id": "d2", "lang": "en", "title": "Spain and France", "published": "2024-06-12", "publisher": "Test Wire",
     "text": "France and Spain agreed to share intelligence on 11 June 2024. "
             "An explosion hit Madrid on 10 June 2024, killing two people."},
]


@pytest.fixture(scope="module")
def run_out(tmp_path_factory):
    from pipeline.runner import Pipeline

    root = tmp_path_factory.mktemp("view")
    source = root / "docs.jsonl"
    source.write_text("".join(json.dumps(d) + "\n" for d in DOCUMENTS), encoding="utf-8")
    out = root / "out"
    Pipeline().run([source], out)
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    return out, graph


def _event(graph) -> str:
    [event] = [r["tail"] for r in graph["relations"] if r["head"] == "country/MA" and r["type"] == "involvedIn"]
    return event


def test_the_run_has_what_the_views_need(run_out):
    _, graph = run_out
    facts = {(r["head"], r["type"], r["tail"]) for r in graph["relations"]}
    assert ("country/ES", "cooperatesWith", "country/FR") in facts
    assert ("country/FR", "cooperatesWith", "country/MA") in facts
    assert (_event(graph), "occurredOn", "2023-03-09") in facts


def test_neighbourhood_of_morocco_one_hop_leaves_out_two_hop_nodes(run_out):
    out, graph = run_out
    G = build_view(out, entity="Morocco", hops=1)
    assert {"country/MA", "country/FR", _event(graph)} <= set(G)
    assert "country/ES" not in G  # Spain is two steps away (through France)
    assert G.nodes["country/MA"]["label"] == "Morocco" and G.nodes["country/MA"]["type"] == "Country"
    [edge] = [a for h, t, a in G.edges(data=True) if {h, t} == {"country/FR", "country/MA"}]
    assert edge["type"] == "cooperatesWith" and edge["symmetric"]
    assert edge["documents"] == ["d1"] and "Morocco and France" in edge["evidence"][0]["text"]
    G2 = build_view(out, entity="country:MA", hops=2)
    assert "country/ES" in G2
    assert set(build_view(out, entity="country/MA", hops=1)) == set(G)


def test_time_window_drops_an_event_outside_it(run_out):
    out, graph = run_out
    G = build_view(out, start="2024-01", end="2024-12-31")
    assert {"country/ES", "country/FR"} <= set(G)
    assert _event(graph) not in G and "country/MA" not in G
    assert set(G.graph["documents"]) == {"d2"}
    assert _event(graph) in build_view(out, start="2023", end="2023")
    assert _event(graph) not in build_view(out, top=10, start="2024-06", end="2024-06")
    assert _event(graph) in build_view(out, top=10)


def test_document_set_keeps_only_its_facts(run_out):
    out, _ = run_out
    G = build_view(out, documents=["d2"])
    facts = {(h, a["type"], t) for h, t, a in G.edges(data=True)}
    assert ("country/ES", "cooperatesWith", "country/FR") in facts
    assert all(a["documents"] == ["d2"] for *_, a in G.edges(data=True))
    assert "country/MA" not in G
    assert all(ev["document"] == "d2" for *_, a in G.edges(data=True) for ev in a["evidence"])


def test_top_n_keeps_n(run_out):
    out, _ = run_out
    assert list(build_view(out, top=1)) == ["country/FR"]  # three facts: with Morocco, Spain, the agreement
    G = build_view(out, top=3)
    assert G.number_of_nodes() == 3 and "country/FR" in G
    assert build_view(out, top=50, limit=2).number_of_nodes() == 2


def test_cli_writes_the_page_and_says_why_it_cannot(run_out, tmp_path):
    out, _ = run_out
    page = tmp_path / "ma.html"
    result = runner.invoke(app, ["view", str(out), "--entity", "Morocco", "--html", str(page)])
    assert result.exit_code == 0, result.output
    assert page.exists() and "nodes" in result.stdout
    for args, message in ((["--entity", "Atlantis"], "no entity 'Atlantis'"),
                          (["--from", "2024-13-x"], "is not a date"),
                          (["--documents", "d9"], "no document 'd9'"),
                          ([], "choose a view")):
        result = runner.invoke(app, ["view", str(out), *args, "--html", str(tmp_path / "x.html")])
        assert result.exit_code == 2 and message in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    result = runner.invoke(app, ["view", str(tmp_path), "--top", "3", "--html", str(tmp_path / "x.html")])
    assert result.exit_code == 2 and "no SPARQL store" in result.stderr
    assert not (tmp_path / "x.html").exists()
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["view", str(out), "--top", "3", "--html", str(tmp_path / "a-file" / "x.html")])
    assert result.exit_code == 2 and "cannot write" in result.stderr
    with pytest.raises(ViewError):
        build_view(out, entity="Morocco", hops=3)


@pytest.mark.browser
def test_view_page_opens_in_chromium_with_the_view_nodes(run_out, chromium, tmp_path):
    from tests.exporters.conftest import open_page

    out, _ = run_out
    page = tmp_path / "view.html"
    result = runner.invoke(app, ["view", str(out), "--entity", "Morocco", "--hops", "2", "--html", str(page)])
    assert result.exit_code == 0, result.output
    G = build_view(out, entity="Morocco", hops=2)
    visit = open_page(chromium, page, ready="window.doc2kg && window.doc2kg.drawn && window.doc2kg.stabilized")
    try:
        assert visit.errors == [] and visit.outside == []
        refs = visit.page.evaluate("doc2kg.data.nodes.map(n => n.ref)")
        assert len(refs) == G.number_of_nodes() and sorted(refs) == sorted(map(str, G))
        assert visit.page.evaluate("doc2kg.network.body.data.nodes.length") == G.number_of_nodes()
    finally:
        visit.page.context.close()


def test_serve_answers_the_same_view(run_out):
    import signal
    import subprocess
    import sys

    import requests

    from pipeline.sparql.endpoint import free_port
    from tests.conftest import ROOT, wait_for_server

    out, _ = run_out
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "serve", str(out), "--port", str(port), "--engines", "1"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        base = wait_for_server(proc, port)
        page = requests.get(base + "/view", params={"entity": "Morocco", "hops": "1"}, timeout=60)
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
        refs = set(re.findall(r'"ref":"([^"]+)"', page.text))
        assert refs == {str(n) for n in build_view(out, entity="Morocco", hops=1)}
        assert "country/ES" not in refs
        bad = requests.get(base + "/view", params={"entity": "Atlantis"}, timeout=60)
        assert bad.status_code == 400 and "no entity 'Atlantis'" in bad.text
        assert requests.get(base + "/view", params={"top": "x"}, timeout=60).status_code == 400
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 0


def test_a_partial_date_is_in_a_window_it_overlaps():
    from pipeline.sparql.view import _overlaps

    assert _overlaps("2024-05", "2024-05-10", "2024-06")
    assert _overlaps("2024", "2024-06-01", "2024-06-30")
    assert _overlaps("2024-06-30", "2024-06-01", "2024-06-30")
    assert not _overlaps("2023-12-31", "2024-01", "2024-12")
    assert not _overlaps("2025-01", "2024-01", "2024-12-31")
