"""The served store generation: leased (never pruned while served), replaced between requests after a
new run, the page and the queries always from the same generation, the old one let go afterwards."""
from __future__ import annotations

import shutil
import time

import pyoxigraph as ox
import pytest
import requests

from pipeline.sparql.endpoint import Endpoint, Limits, free_port
from pipeline.sparql.run_query import leased_store
from pipeline.store.leases import try_prune
from pipeline.store.oxigraph_store import current_generation, update_store

NEW_GRAPH = "https://doc2kg.org/graph/zz_generation_test"
ASK_NEW = {"query": f"ASK {{ GRAPH <{NEW_GRAPH}> {{ ?s ?p ?o }} }}"}


@pytest.fixture()
def out_dir(seed_run, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(seed_run.out_dir, out, symlinks=True)
    return out


def next_run(out) -> None:
    """What a new `doc2kg run` leaves: a new page, then a new store generation (one more graph)."""
    page = (out / "graph.html").read_text(encoding="utf-8")
    (out / "graph.html").write_text(page.replace("</body>", "<!-- GENERATION-TWO --></body>"), encoding="utf-8")
    with leased_store(out) as store:
        quads = [q for q in store.quads_for_pattern(None, None, None, None) if not isinstance(q.graph_name, ox.DefaultGraph)]
    quads.append(ox.Quad(ox.NamedNode("https://doc2kg.org/id/x"), ox.NamedNode("https://doc2kg.org/ontology#p"),
                         ox.Literal("new"), ox.NamedNode(NEW_GRAPH)))
    update_store(quads, out)


def test_served_generation_is_leased_then_replaced_between_requests(out_dir):
    ep = Endpoint(out_dir, port=free_port(), limits=Limits(timeout=10, engines=2))
    ep.start()
    try:
        first = ep.served.generation
        assert try_prune(first) is False  # the server and its engines hold it
        assert requests.get(ep.url + "/sparql", params=ASK_NEW, timeout=10).json()["boolean"] is False
        next_run(out_dir)
        second = current_generation(out_dir)
        assert second != first
        seen = []  # (what /sparql said, what / said), request after request
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            new_data = requests.get(ep.url + "/sparql", params=ASK_NEW, timeout=10).json()["boolean"]
            new_page = "GENERATION-TWO" in requests.get(ep.url + "/", timeout=10).text
            seen.append((new_data, new_page))
            if new_data and new_page and len(seen) > 3 and all(seen[-3:]):
                break
            time.sleep(0.05)
        assert seen[-1] == (True, True), seen[-5:]
        # The requests in the order they were answered (query, page, query, page...): the server
        # switches between two of them, so every answer after the first new one is new too
        # (a new page right after an old query answer is a switch between those two requests).
        answers = [new for pair in seen for new in pair]
        switched = answers.index(True)
        assert all(answers[switched:]), seen
        assert ep.served.generation == second
        deadline = time.monotonic() + 10
        while not try_prune(first):  # the old generation is let go once its last request ended
            assert time.monotonic() < deadline, "the old generation is still leased"
            time.sleep(0.1)
        assert not first.exists() and try_prune(second) is False
        assert requests.get(ep.url + "/sparql", params=ASK_NEW, timeout=10).json()["boolean"] is True
    finally:
        ep.stop()


def test_doc2kg_query_leases_its_generation(out_dir):
    with leased_store(out_dir) as store:
        generation = current_generation(out_dir)
        assert try_prune(generation) is False
        assert bool(store.query("ASK { ?s ?p ?o }"))
    assert try_prune(generation) is True
