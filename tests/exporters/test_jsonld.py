"""graph.jsonld: rdflib's JSON-LD compaction, read from plain triples (no rdflib store)."""
from __future__ import annotations

import json
from collections import defaultdict

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, SKOS, XSD

from pipeline.exporters import jsonld
from pipeline.exporters.rdf import D2K, dataset_triples, entity_iri, evidence_iri, union_triples
from pipeline.graph.build import build_graph
from pipeline.model import Document, Entity
from tests.exporters.test_rdf import small_graph


def by_subject(triples) -> tuple[dict, list]:
    out: dict = defaultdict(list)
    for t in triples:
        out[t[0]].append(t)
    return out, sorted(out, key=str)


def canonical_nodes(data) -> list:
    return sorted((jsonld._canonical(n) for n in data["@graph"]), key=lambda n: n["@id"])


def edge_triples() -> set[tuple]:
    """Language maps with several values, a zero offset (a falsy native value), booleans,
    decimals, dates and IRIs."""
    s, node = entity_iri("city/rabat"), evidence_iri("d 1", 0, 12)
    return {
        (s, SKOS.altLabel, Literal("Rabat", lang="fr")), (s, SKOS.altLabel, Literal("Ribat", lang="fr")),
        (s, SKOS.altLabel, Literal("الرباط", lang="ar")), (s, SKOS.prefLabel, Literal("Rabat", lang="en")),
        (s, D2K.mentionedWith, entity_iri("country/MA")), (s, D2K.mentionedWith, entity_iri("country/FR")),
        (node, D2K.startOffset, Literal(0)), (node, D2K.endOffset, Literal(12)), (node, D2K.negated, Literal(True)),
        (node, D2K.confidence, Literal("0.800", datatype=XSD.decimal)), (node, RDF.type, D2K.Evidence),
        (node, D2K.reportedOn, Literal("2016-05-01", datatype=XSD.date)),
        (node, D2K.reportedOn, Literal("2016", datatype=XSD.gYear)),
    }


def test_compaction_without_a_store_is_rdflib_s():
    context = jsonld.load_context()
    for triples in (union_triples(dataset_triples(small_graph())), edge_triples()):
        pairs, subjects = by_subject(triples)
        assert jsonld.TriplesView.covers(triples)
        fast = canonical_nodes(jsonld._compacted(pairs, subjects, context))
        assert fast == canonical_nodes(jsonld._serialized(pairs, subjects, context))
        assert len(fast) == len(subjects) >= 2


def test_blank_nodes_and_lists_are_compacted_by_rdflib_s_graph():
    context = jsonld.load_context()
    s, b = entity_iri("country/MA"), BNode("b1")
    for extra in ({(s, D2K.partOf, b), (b, D2K.identifier, Literal("x"))},
                  {(s, D2K.members, b), (b, RDF.first, entity_iri("country/FR")), (b, RDF.rest, RDF.nil)}):
        triples = edge_triples() | extra
        assert not jsonld.TriplesView.covers(triples)
        pairs, subjects = by_subject(triples)
        data = jsonld._compacted(pairs, subjects, context)
        assert data == jsonld._serialized(pairs, subjects, context)


def test_the_view_answers_what_the_converter_asks():
    pairs, subjects = by_subject(edge_triples())
    view = jsonld.TriplesView(pairs, subjects)
    s = entity_iri("city/rabat")
    assert set(view.subjects()) == set(subjects)
    assert set(view.subjects(None, entity_iri("country/MA"))) == {s}
    assert view.value(s, RDF.first) is None and view.value(s, SKOS.prefLabel) == Literal("Rabat", lang="en")
    assert list(view.predicate_objects(s)) == [(p, o) for _, p, o in pairs[s]]
    assert list(view.predicate_objects(URIRef("https://example.org/none"))) == []


def test_a_lone_surrogate_is_replaced_as_rdflib_s_text_replaced_it(tmp_path):
    """A literal rdflib's UTF-8 text could not hold (a lone surrogate) is written as its text
    read back had it: a question mark."""
    doc = Document(id="d1", text="Rabat", source="in/d1.txt", lang="fr", content_hash="c" * 64)
    G = build_graph([Entity(id="city/rabat", type="City", label="Rabat", aliases=["Rabat", "Ra\udc80bat"],
                            documents=["d1"])], [], [doc])
    jsonld.write(G, tmp_path)
    data = json.loads((tmp_path / "graph.jsonld").read_text(encoding="utf-8"))
    rabat = next(n for n in data["@graph"] if n["@id"] == str(entity_iri("city/rabat")))
    assert sorted(rabat["altLabel"]["fr"]) == ["Ra?bat", "Rabat"]
