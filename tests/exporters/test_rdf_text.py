"""rdf_text: Turtle/TriG text byte for byte as rdflib's serializers write it."""
from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS, XSD

from pipeline.exporters.rdf import D2K, _bound, _graph_of, entity_iri, graph_iri, names, trig_text
from pipeline.exporters.rdf_text import sort_objects, turtle_document

# Uppercase, mixed-case and shared language tags, texts that sort differently from their tags.
TAGGED = [Literal("Rabat", lang="fr"), Literal("الرباط", lang="ar"), Literal("Rabat", lang="en"),
          Literal("Ribat", lang="EN"), Literal("Arribat", lang="fr"), Literal("Rabat", lang="en-GB"),
          Literal("zz", lang="ar"), Literal("Ar-Ribat", lang="en")]
IRIS = [entity_iri("country/MA"), entity_iri("country/FR"), entity_iri("city/rabat"), D2K.Country,
        URIRef("https://doc2kg.org/doc/a#char=10,20"), URIRef("https://doc2kg.org/doc/a#char=1,20")]
MIXED = [Literal("2015", datatype=XSD.gYear), Literal("2015-11-13", datatype=XSD.date), Literal(3),
         Literal("Rabat", lang="fr"), Literal("Rabat"), Literal(True), entity_iri("country/MA")]


def test_sort_objects_is_rdflib_s_term_order():
    for objects in (TAGGED, IRIS, MIXED, TAGGED + [Literal("Rabat")], IRIS + TAGGED):
        expected = sorted(objects)
        for start in (list(objects), list(reversed(objects))):
            sort_objects(start)
            assert start == expected and [type(o) for o in start] == [type(o) for o in expected]
    tagged = list(TAGGED)
    sort_objects(tagged)
    assert [o.language for o in tagged[:2]] == ["EN", "ar"]  # tags compared as written, uppercase first


def test_many_labels_and_objects_written_as_rdflib_does():
    s, t = entity_iri("city/rabat"), entity_iri("country/MA")
    triples = {(s, SKOS.altLabel, o) for o in TAGGED} | {(s, D2K.mentionedWith, o) for o in IRIS}
    triples |= {(t, D2K.note, o) for o in MIXED if isinstance(o, Literal)}
    g = _bound(Graph())
    g.addN((a, b, c, g) for a, b, c in triples)
    assert turtle_document(triples, names()) == g.serialize(format="turtle")


def test_one_memo_for_turtle_then_trig_writes_what_fresh_memos_write():
    """The rdf exporter shares one memo between graph.ttl and graph.trig: the TriG text is the
    same as with its own memo, and as rdflib's."""
    s = entity_iri("city/rabat")
    graphs = {graph_iri("d1"): {(s, SKOS.altLabel, o) for o in TAGGED},
              graph_iri("d2"): {(s, D2K.mentionedWith, o) for o in IRIS}}
    memo = names()
    turtle_document(set().union(*graphs.values()), memo)
    shared = trig_text(graphs, memo)
    assert shared == trig_text(graphs)
    assert b"@prefix city: <https://doc2kg.org/id/city/> ." in shared
    one = _graph_of(graph_iri("d1"), graphs[graph_iri("d1")])  # rdflib's own TriG of one graph
    lines = one.serialize(format="trig").splitlines()
    block = "\n".join(line for line in lines if not line.startswith("@prefix")).strip("\n")
    assert "Arribat" in block
    assert block in shared.decode("utf-8")
