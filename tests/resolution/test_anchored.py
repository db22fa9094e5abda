"""Tallies of lexicon-anchored entities (pipeline/resolution/anchored.py): the record read
back from a tally is the one a clean resolution makes of the same nodes, and a part added
then subtracted leaves the tally as it was."""
from __future__ import annotations

import pytest

from pipeline.model import Document
from pipeline.ontology_data import load_lexicon
from pipeline.resolution.anchored import (add_tally, empty_tally, entity_anchor, node_tally, tally_empty,
                                          tally_entity)
from pipeline.resolution.resolve import Resolver, _make_entity
from pipeline.runner import Pipeline

TEXTS = {
    "en": "Morocco and Europol signed an accord in Rabat, the Moroccan capital, said Nasser Bourita.",
    "fr": "Le Maroc et l'Office européen de police (Europol) ont renforcé leur coopération à Rabat.",
    "ar": "وقع المغرب اتفاقا مع الأنتربول في الرباط.",
}


@pytest.fixture(scope="module")
def resolver():
    results = Pipeline().process_batch([Document(id=i, text=t) for i, t in TEXTS.items()])
    resolver = Resolver(load_lexicon())
    relations = []
    for r in results:
        resolver.add_document(r)
        relations += r.relations
    resolver.join_all(relations)
    return resolver


def test_the_record_of_a_tally_is_the_clean_record(resolver):
    lexicon = resolver.lexicon
    anchored = {root: nodes for root, nodes in resolver.components().items()
                if entity_anchor(resolver.uf.lexicon[root], lexicon)}
    anchors = {resolver.uf.lexicon[root] for root in anchored}
    assert {"country/MA", "city/2538475"} <= anchors  # Morocco and Rabat, in three documents
    for root, nodes in anchored.items():
        anchor = resolver.uf.lexicon[root]
        assert tally_entity(node_tally(nodes), anchor, lexicon) == _make_entity(nodes, lexicon)
    morocco = next(nodes for root, nodes in anchored.items() if resolver.uf.lexicon[root] == "country/MA")
    assert {n.document for n in morocco} == set(TEXTS)


def test_a_part_added_and_subtracted_leaves_the_tally(resolver):
    lexicon = resolver.lexicon
    nodes = next(nodes for root, nodes in resolver.components().items()
                 if resolver.uf.lexicon[root] == "country/MA")
    whole = node_tally(nodes)
    rest = node_tally([n for n in nodes if n.document != "ar"])
    without = add_tally(node_tally(nodes), node_tally([n for n in nodes if n.document == "ar"]), -1)
    assert without == rest
    entity = tally_entity(without, "country/MA", lexicon)
    assert "ar" not in entity.documents and "المغرب" not in entity.aliases and "ar" not in entity.alias_langs
    assert add_tally(without, node_tally([n for n in nodes if n.document == "ar"])) == whole
    assert tally_empty(add_tally(node_tally(nodes), node_tally(nodes), -1))
    with pytest.raises(RuntimeError):  # more taken away than was there: the index is out of step
        add_tally(empty_tally(), whole, -1)


def test_only_places_and_organizations_of_the_lexicon_are_anchored():
    lexicon = load_lexicon()
    assert entity_anchor("country/MA", lexicon) == "country/MA"
    assert entity_anchor("io/europol", lexicon) == "io/europol"
    assert entity_anchor("no/such-entry", lexicon) is None and entity_anchor(None, lexicon) is None
