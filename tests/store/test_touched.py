"""Which named graphs a run changed (pipeline/store/touched.py): entity and relation
signatures against those the store was built from."""
from __future__ import annotations

from pipeline.exporters.rdf import dataset_triples, graph_iri
from pipeline.store.touched import StoreState
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
