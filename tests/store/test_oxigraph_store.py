"""The embedded store: per-document graphs replaced or removed, and crash safety of an update."""
from __future__ import annotations

import subprocess
import sys
import time

import pyoxigraph as ox
import pytest

from pipeline.store.oxigraph_store import NO_DOCUMENT_GRAPH, SUMMARY, open_store, update_store, update_store_graphs

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


HOLDER = """
import sys
from pipeline.store.leases import hold
with hold(sys.argv[1]):
    print("held", flush=True)
    sys.stdin.read()
"""


def test_a_generation_a_reader_holds_survives_the_prune(tmp_path):
    """Finding 3: a reader's lease (another process, as ``doc2kg serve``) keeps its generation
    through any number of updates; once released, the next update prunes it."""
    from tests.conftest import ROOT

    update_store([quad("a", "0", "d1")], tmp_path)
    held = (tmp_path / "store").resolve()
    reader = subprocess.Popen([sys.executable, "-c", HOLDER, str(held)], cwd=ROOT, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "held"
        for i in range(1, 4):
            update_store([quad("a", str(i), "d1")], tmp_path)
        assert held.is_dir() and held.with_suffix(".json").is_file()
        store = ox.Store.read_only(str(held))  # still whole: the reader sees its own data
        assert {r["o"].value for r in store.query("SELECT ?o { GRAPH ?g { ?s ?p ?o } }")} == {"0"}
        del store
    finally:
        reader.stdin.close()
        reader.wait(timeout=30)
    update_store([quad("a", "4", "d1")], tmp_path)
    assert not held.exists() and not held.with_suffix(".json").exists()
    assert len([p for p in (tmp_path / ".store").iterdir() if p.is_dir()]) == 2


def test_a_failed_update_removes_its_half_written_generation(tmp_path):
    update_store([quad("a", "old", "d1")], tmp_path)
    before = {p.name for p in (tmp_path / ".store").iterdir()}

    calls = []

    def graphs():  # the first pass compares hashes; the disk fills up half-way through the load
        calls.append(1)
        yield "https://doc2kg.org/graph/d1", [quad(f"a{i}", "new", "d1") for i in range(60_000)]
        if len(calls) == 2:
            raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space"):
        update_store_graphs(graphs, tmp_path)
    assert len(calls) == 2
    assert {p.name for p in (tmp_path / ".store").iterdir()} == before
    assert contents(tmp_path) == {("https://doc2kg.org/graph/d1", "old")}


def test_update_of_some_documents_equals_a_clean_load(tmp_path):
    """update_store_documents loads only the named graphs of the documents it is given
    (removing those no longer in the graph); the store then equals a clean load."""
    import json

    from pipeline.store.oxigraph_store import dataset_quads, update_store_documents, write
    from tests.exporters.test_rdf import small_graph

    def everything(out) -> list[str]:
        return sorted(str(q) for q in open_store(out))

    G = small_graph()
    write(G, tmp_path / "run")
    H = small_graph()
    H.graph["documents"]["ar-1"]["title"] = "عنوان جديد"
    update_store_documents(H, tmp_path / "run", {"ar-1"})
    write(H, tmp_path / "clean")
    assert everything(tmp_path / "run") == everything(tmp_path / "clean")
    summary = json.loads((tmp_path / "run" / SUMMARY).read_text())
    assert summary["quads"] == len(dataset_quads(H)) and summary["graphs"] == 2
    # a document not named is neither compared nor loaded: its stale graph stays
    K = small_graph()
    K.graph["documents"]["ar-1"]["title"] = "عنوان آخر"
    update_store_documents(K, tmp_path / "run", set())
    assert everything(tmp_path / "run") == everything(tmp_path / "clean")


def _archive(aliases: list[str], documents: list[str]):
    """A graph of ``documents``, each naming Morocco (with ``aliases``) and a person of its
    own, who leads the DGSN in it; one statement without a document."""
    from pipeline.graph.build import build_graph
    from pipeline.model import Document, Entity, Evidence, Relation

    docs = [Document(id=d, text=f"Abdellatif Hammouchi {d} dirige la DGSN au Maroc.", lang="fr",
                     content_hash=d.ljust(64, "0")) for d in documents]
    entities = [Entity(id="country/MA", type="Country", label="Morocco", aliases=aliases, documents=list(documents),
                       key="country/MA", labels={"en": "Morocco"}, iso3166="MA"),
                Entity(id="agency/dgsn", type="GovernmentAgency", label="DGSN", aliases=["DGSN"],
                       documents=list(documents))]
    relations = [Relation("country/MA", "cooperatesWith", "agency/dgsn", confidence=0.5, extractor="rule:test")]
    for d in documents:
        entities.append(Entity(id=f"person/{d}", type="Person", label=f"Hammouchi {d}", aliases=[f"Hammouchi {d}"],
                               documents=[d]))
        relations.append(Relation(f"person/{d}", "leads", "agency/dgsn", confidence=0.9, extractor="rule:test",
                                  evidence=[Evidence(document=d, text=f"Hammouchi {d} dirige la DGSN.",
                                                     start=0, end=10)]))
    return build_graph(entities, relations, docs)


@pytest.mark.parametrize("chunk", [1, 2, 3])
def test_touched_graphs_loaded_in_chunks_give_the_store_of_one_chunk(tmp_path, chunk):
    """A new alias of Morocco changes the named graph of every document that names it: the
    touched graphs built and loaded ``chunk`` documents at a time (with a document removed
    and one added) give the store, manifest and summary of one chunk and of a clean load."""
    import json

    from pipeline.store.oxigraph_store import current_generation, update_store_documents, write

    before = _archive(["Morocco"], [f"d{i}" for i in range(7)])
    after = _archive(["Morocco", "Maroc"], [f"d{i}" for i in range(7) if i != 3] + ["d7"])
    touched = {f"d{i}" for i in range(8)}
    write(after, tmp_path / "clean")
    stores = {}
    for size in (chunk, len(touched)):
        out = tmp_path / f"chunk{size}"
        write(before, out)
        first = current_generation(out)
        update_store_documents(after, out, touched, chunk=size)
        assert current_generation(out) != first
        stores[size] = out
    # the manifest, read and written a line at a time, is the file a clean load writes
    texts = [current_generation(out).with_suffix(".json").read_text() for out in
             (stores[chunk], stores[len(touched)], tmp_path / "clean")]
    assert texts[0] == texts[1] == texts[2]
    manifests = [json.loads(text) for text in texts]
    assert "https://doc2kg.org/graph/d3" not in manifests[0]["graphs"] and len(manifests[0]["graphs"]) == 8
    summaries = [json.loads((out / SUMMARY).read_text()) for out in (stores[chunk], tmp_path / "clean")]
    assert (summaries[0]["graphs"], summaries[0]["quads"]) == (summaries[1]["graphs"], summaries[1]["quads"])
    everything = [sorted(str(q) for q in open_store(out)) for out in (stores[chunk], stores[len(touched)],
                                                                      tmp_path / "clean")]
    assert everything[0] == everything[1] == everything[2]
    assert any('"Maroc"' in q and "graph/d0" in q for q in everything[0])
    # the default graph is the set union of the named graphs: the removed person left it
    default = {str(q.triple) for q in open_store(stores[chunk]).quads_for_pattern(None, None, None, ox.DefaultGraph())}
    assert default == {str(q.triple) for q in open_store(stores[chunk])
                       if not isinstance(q.graph_name, ox.DefaultGraph)}
    assert not any("person/d3" in t for t in default)


def test_chunks_that_change_nothing_make_no_generation(tmp_path):
    """Touched documents whose graphs come out the same, in chunks: no new generation."""
    from pipeline.store.oxigraph_store import current_generation, update_store_documents, write

    G = _archive(["Morocco"], [f"d{i}" for i in range(5)])
    write(G, tmp_path)
    first = current_generation(tmp_path)
    update_store_documents(_archive(["Morocco"], [f"d{i}" for i in range(5)]), tmp_path, {"d0", "d1", "d4"}, chunk=1)
    assert current_generation(tmp_path) == first
    assert sorted((tmp_path / ".store").iterdir()) == [first, first.with_suffix(".json")]


def test_a_manifest_in_another_layout_is_read_whole(tmp_path):
    """A manifest not written a graph a line (compact JSON) is read whole: same store."""
    import json

    from pipeline.store.oxigraph_store import current_generation, update_store_documents, write

    before = _archive(["Morocco"], ["d0", "d1", "d2"])
    after = _archive(["Morocco", "Maroc"], ["d0", "d2", "d3"])
    write(before, tmp_path / "run")
    manifest = current_generation(tmp_path / "run").with_suffix(".json")
    manifest.write_text(json.dumps(json.loads(manifest.read_text())))
    update_store_documents(after, tmp_path / "run", {"d0", "d1", "d2", "d3"}, chunk=1)
    write(after, tmp_path / "clean")
    assert (json.loads(current_generation(tmp_path / "run").with_suffix(".json").read_text())
            == json.loads(current_generation(tmp_path / "clean").with_suffix(".json").read_text()))
    assert sorted(map(str, open_store(tmp_path / "run"))) == sorted(map(str, open_store(tmp_path / "clean")))
