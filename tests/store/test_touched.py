"""Which named graphs a run changed (pipeline/store/touched.py): entity and relation
signatures against those the store was built from."""
from __future__ import annotations

from pipeline.exporters.rdf import dataset_triples, graph_iri
from pipeline.store.touched import StoreState, signatures
from tests.exporters.test_rdf import small_graph


def _changed_graphs(G, H) -> set[str]:
    """The documents whose named graph differs between two graphs (the truth)."""
    a, b = dataset_triples(G), dataset_triples(H)
    docs = set(G.graph["documents"]) | set(H.graph["documents"])
    return {d for d in docs if a.get(graph_iri(d)) != b.get(graph_iri(d))}


def test_touched_covers_every_changed_graph_and_only_those(tmp_path):
    state = StoreState(tmp_path / "store-state.sqlite")
    G = small_graph()
    state.save(G, "s1", "g1")
    # the label of an entity that only "fr 2" names changes: only that graph
    H = small_graph()
    H.nodes["city/paris"]["aliases"] = ["Paris", "Paname"]
    assert _changed_graphs(G, H) == {"fr 2"}
    assert state.touched(H, set(), "s1", "g1") == {"fr 2"}
    # a relation's statement (its confidence) changes: the graphs of its evidence
    K = small_graph()
    for _, _, key, data in K.edges(keys=True, data=True):
        if key == "cooperatesWith":
            data["confidence"] = 0.95
    assert _changed_graphs(G, K) == {"ar-1", "fr 2"}
    assert state.touched(K, set(), "s1", "g1") == {"ar-1", "fr 2"}
    # nothing changed: nothing but the dirty documents
    assert state.touched(small_graph(), {"ar-1"}, "s1", "g1") == {"ar-1"}


def test_signatures_of_another_state_or_generation_are_not_used(tmp_path):
    state = StoreState(tmp_path / "store-state.sqlite")
    assert state.touched(small_graph(), set(), "s1", "g1") is None
    state.save(small_graph(), "s1", "g1")
    assert state.touched(small_graph(), set(), "s2", "g1") is None
    assert state.touched(small_graph(), set(), "s1", "g2") is None


def _part(G, nodes, edge_types):
    """The changed records of ``G`` as an incremental run gives them: some entities and
    relations, with every document's language."""
    H = G.__class__()
    H.add_nodes_from((n, G.nodes[n]) for n in nodes)
    H.add_edges_from((h, t, k, d) for h, t, k, d in G.edges(keys=True, data=True) if k in edge_types)
    H.graph["documents"] = {d: {"lang": m.get("lang")} for d, m in G.graph["documents"].items()}
    return H


def test_touched_by_the_changed_records_alone_gives_what_touched_gives(tmp_path):
    state = StoreState(tmp_path / "store-state.sqlite")
    state.save(small_graph(), "s1", "g1")
    H = small_graph()
    H.nodes["city/paris"]["aliases"] = ["Paris", "Paname"]
    changes = _part(H, ["city/paris"], ())
    assert state.touched_by(changes, set(), set(), "s1", "g1") == state.touched(H, set(), "s1", "g1") == {"fr 2"}
    # a record whose triples did not change (only its documents would): no graph
    assert state.touched_by(_part(small_graph(), ["country/MA"], ()), set(), set(), "s1", "g1") == set()
    # a relation gone: the graphs of its evidence, as its old signature has them
    gone = {key for key, _, _ in signatures(small_graph())
            if key.startswith("r\x1f") and "\x1fcooperatesWith\x1f" in key}
    assert state.touched_by(_part(H, [], ()), gone, set(), "s1", "g1") == {"ar-1", "fr 2"}
    # saved: the next run compares with the new signatures, the others kept
    state.save_changes(changes, gone, "s2", "g2")
    assert state.touched_by(changes, set(), set(), "s2", "g2") == set()
    assert state.touched_by(changes, set(), set(), "s1", "g1") is None
    assert state.touched(H, set(), "s2", "g2") == {"ar-1", "fr 2"}  # the relation is new to them again
