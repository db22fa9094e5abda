"""The embedded store: per-document graphs replaced or removed, and crash safety of an update."""
from __future__ import annotations

import subprocess
import sys
import time

import pyoxigraph as ox
import pytest

from pipeline.store.oxigraph_store import NO_DOCUMENT_GRAPH, SUMMARY, open_store, update_store

P = ox.NamedNode("https://doc2kg.org/ontology#says")


def quad(subject: str, text: str, doc: str | None) -> ox.Quad:
    graph = ox.NamedNode(f"https://doc2kg.org/graph/{doc}") if doc else ox.DefaultGraph()
    return ox.Quad(ox.NamedNode(f"https://doc2kg.org/id/{subject}"), P, ox.Literal(text, language="ar"), graph)


def contents(out) -> set[tuple[str, str]]:
    """(graph, object) per named-graph quad; the default graph must be exactly their set union."""
    store = open_store(out)
    named = [(r["g"].value, r["s"], r["o"]) for r in store.query("SELECT * { GRAPH ?g { ?s ?p ?o } }")]
    default = [(r["s"], r["o"]) for r in store.query("SELECT * { ?s ?p ?o }")]
    assert sorted(map(str, default)) == sorted(map(str, {(s, o) for _, s, o in named}))
    return {(g, o.value) for g, _, o in named}


def test_graph_per_document_replaced_and_removed(tmp_path):
    update_store([quad("a", "المغرب", "d1"), quad("b", "فرنسا", "d2"), quad("c", "عام", None)], tmp_path)
    assert contents(tmp_path) == {("https://doc2kg.org/graph/d1", "المغرب"), ("https://doc2kg.org/graph/d2", "فرنسا"),
                                  (NO_DOCUMENT_GRAPH, "عام")}
    update_store([quad("a", "الجزائر", "d1"), quad("b", "فرنسا", "d2")], tmp_path)  # d1 changed, default gone
    assert contents(tmp_path) == {("https://doc2kg.org/graph/d1", "الجزائر"), ("https://doc2kg.org/graph/d2", "فرنسا")}
    update_store([quad("b", "فرنسا", "d2")], tmp_path)  # d1 gone
    assert contents(tmp_path) == {("https://doc2kg.org/graph/d2", "فرنسا")}
    assert (tmp_path / SUMMARY).is_file()


def test_default_graph_is_the_set_union(tmp_path):
    shared = [quad("ma", "المغرب", f"d{i}") for i in range(5)]  # one triple, five documents
    update_store(shared, tmp_path)
    assert len(list(open_store(tmp_path).query("SELECT * { ?s ?p ?o }"))) == 1
    update_store(shared[:2], tmp_path)  # three documents gone: the triple stays
    assert len(list(open_store(tmp_path).query("SELECT * { ?s ?p ?o }"))) == 1
    update_store([quad("fr", "فرنسا", "d9")], tmp_path)  # all gone: it leaves the default graph too
    assert contents(tmp_path) == {("https://doc2kg.org/graph/d9", "فرنسا")}


def test_unchanged_dataset_keeps_the_generation(tmp_path):
    quads = [quad("a", "x", "d1")]
    update_store(quads, tmp_path)
    first = (tmp_path / "store").resolve()
    update_store(quads, tmp_path)
    assert (tmp_path / "store").resolve() == first


def test_old_generations_are_pruned(tmp_path):
    for i in range(4):
        update_store([quad("a", str(i), "d1")], tmp_path)
    folders = [p for p in (tmp_path / ".store").iterdir() if p.is_dir()]
    assert len(folders) == 2  # current and previous
    assert contents(tmp_path) == {("https://doc2kg.org/graph/d1", "3")}


LOADER = """
import sys
import pyoxigraph as ox
from pipeline.store.oxigraph_store import update_store
P = ox.NamedNode("https://doc2kg.org/ontology#says")
quads = [ox.Quad(ox.NamedNode(f"https://doc2kg.org/id/{i}"), P, ox.Literal(f"new {i}"),
                 ox.NamedNode(f"https://doc2kg.org/graph/d{i % 50}")) for i in range(300_000)]
print("loading", flush=True)
update_store(quads, sys.argv[1])
"""


def test_killed_update_leaves_the_previous_store_whole(tmp_path):
    update_store([quad("a", "old", "d1")], tmp_path)
    before = contents(tmp_path)
    generations = {p.name for p in (tmp_path / ".store").iterdir()}
    proc = subprocess.Popen([sys.executable, "-c", LOADER, str(tmp_path)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "loading"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not ({p.name for p in (tmp_path / ".store").iterdir()} - generations):
        time.sleep(0.005)
    proc.kill()  # SIGKILL while the new generation is being written
    proc.wait()
    after = contents(tmp_path)
    # Either the load had not finished (old store, whole) or it had swapped in completely.
    assert after == before or len(after) == 300_000
    update_store([quad("a", "next", "d1")], tmp_path)  # the next run recovers and cleans up
    assert contents(tmp_path) == {("https://doc2kg.org/graph/d1", "next")}
    assert len([p for p in (tmp_path / ".store").iterdir() if p.is_dir()]) == 2


def test_open_store_without_a_run(tmp_path):
    with pytest.raises(FileNotFoundError, match="doc2kg run"):
        open_store(tmp_path)


def test_exporter_loads_graph_by_graph_and_updates_like_a_clean_load(tmp_path):
    """The exporter streams the dataset a graph at a time (in batches); a second run with one
    document changed gives the store a clean load of the new graph gives."""
    import json

    from pipeline.store.oxigraph_store import dataset_quads, write
    from tests.exporters.test_rdf import small_graph

    def everything(out) -> list[str]:
        store = open_store(out)
        return sorted(str(q) for q in store)

    G = small_graph()
    write(G, tmp_path / "run")
    first = everything(tmp_path / "run")
    H = small_graph()
    H.graph["documents"]["ar-1"]["title"] = "عنوان جديد"
    write(H, tmp_path / "run")
    write(H, tmp_path / "clean")
    assert everything(tmp_path / "run") == everything(tmp_path / "clean") != first
    summary = json.loads((tmp_path / "run" / SUMMARY).read_text())
    assert summary["quads"] == len(dataset_quads(H)) and summary["graphs"] == 2
