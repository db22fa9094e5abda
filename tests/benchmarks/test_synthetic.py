"""The synthetic archives of the SPARQL benchmarks: copies renamed, countries shared, the
default graph the exact set union of the documents' graphs (as OUT/store keeps it)."""
from __future__ import annotations

import pyoxigraph as ox

from benchmarks.synthetic import Template, load

D2K = "https://doc2kg.org/ontology#"
NQ = "\n".join([
    f'<https://doc2kg.org/doc/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{D2K}Document> <https://doc2kg.org/graph/a> .',
    '<https://doc2kg.org/doc/a> <https://schema.org/mentions> <https://doc2kg.org/id/country/MA> <https://doc2kg.org/graph/a> .',
    '<https://doc2kg.org/id/country/MA> <http://www.w3.org/2000/01/rdf-schema#label> "Morocco"@en <https://doc2kg.org/graph/a> .',
    '<https://doc2kg.org/id/person/abc> <https://doc2kg.org/ontology#leads> <https://doc2kg.org/id/agency/ma-dgst> <https://doc2kg.org/graph/a> .',
    '<https://doc2kg.org/doc/a#char=1,9> <http://www.w3.org/ns/prov#wasQuotedFrom> <https://doc2kg.org/doc/a> <https://doc2kg.org/graph/a> .',
    f'<https://doc2kg.org/doc/b> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{D2K}Document> <https://doc2kg.org/graph/b> .',
    '<https://doc2kg.org/doc/b> <https://schema.org/datePublished> "2015-11-18"^^<http://www.w3.org/2001/XMLSchema#date> <https://doc2kg.org/graph/b> .',
    '<https://doc2kg.org/id/country/MA> <http://www.w3.org/2000/01/rdf-schema#label> "Morocco"@en <https://doc2kg.org/graph/b> .',
]) + "\n"


def test_copies_renamed_countries_shared_union_exact(tmp_path):
    (tmp_path / "graph.nq").write_text(NQ, encoding="utf-8")
    template = Template.read(tmp_path / "graph.nq")
    assert template.documents == 2 and len(template.dated) == 1  # b has its date already
    named, union = template.write(tmp_path, 0, 3)
    load(tmp_path / "store", [named, union])
    store = ox.Store.read_only(str(tmp_path / "store"))
    in_graphs = [q for q in store if not isinstance(q.graph_name, ox.DefaultGraph)]
    default = {q.triple for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    assert default == {q.triple for q in in_graphs}  # the set union, each triple once
    assert len(in_graphs) == 3 * (8 + 1)
    assert {q.graph_name.value for q in in_graphs} == {f"https://doc2kg.org/graph/{d}{s}" for d in "ab"
                                                         for s in ("", "-1", "-2")}
    subjects = {t.value for q in in_graphs for t in (q.subject, q.object)}
    assert {"https://doc2kg.org/id/person/abc-2", "https://doc2kg.org/id/agency/ma-dgst-1",
            "https://doc2kg.org/doc/a-2#char=1,9"} <= subjects
    labels = [q for q in default if q.predicate.value.endswith("#label")]
    assert [q.subject.value for q in labels] == ["https://doc2kg.org/id/country/MA"]  # shared, once
    dates = {q.subject.value: q.object.value for q in default if q.predicate.value == "https://schema.org/datePublished"}
    assert dates["https://doc2kg.org/doc/b-2"] == "2015-11-18" and len(dates) == 6
    assert len({dates[f"https://doc2kg.org/doc/a{s}"] for s in ("", "-1", "-2")}) == 3  # one per copy


RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
PROV = "http://www.w3.org/ns/prov#"
STATEMENTS = "\n".join([
    f'<https://doc2kg.org/doc/a> <{RDF}type> <{D2K}Document> <https://doc2kg.org/graph/a> .',
    # two countries: one fact, one node, whatever the copy
    f'<https://doc2kg.org/statement/s1> <{RDF}subject> <https://doc2kg.org/id/country/MA> <https://doc2kg.org/graph/a> .',
    f'<https://doc2kg.org/statement/s1> <{RDF}object> <https://doc2kg.org/id/country/FR> <https://doc2kg.org/graph/a> .',
    f'<https://doc2kg.org/statement/s1> <{PROV}wasDerivedFrom> <https://doc2kg.org/doc/a#char=1,9> <https://doc2kg.org/graph/a> .',
    # an agency (renamed in each copy) and a country: one node per copy
    f'<https://doc2kg.org/statement/s2> <{RDF}subject> <https://doc2kg.org/id/agency/ma-dgst> <https://doc2kg.org/graph/a> .',
    f'<https://doc2kg.org/statement/s2> <{RDF}object> <https://doc2kg.org/id/country/MA> <https://doc2kg.org/graph/a> .',
    f'<https://doc2kg.org/statement/s2> <{PROV}wasDerivedFrom> <https://doc2kg.org/doc/a#char=1,9> <https://doc2kg.org/graph/a> .',
    f'<https://doc2kg.org/statement/s2> <{PROV}wasDerivedFrom> <https://doc2kg.org/doc/a#char=10,19> <https://doc2kg.org/graph/a> .',
]) + "\n"


def test_a_statement_between_countries_is_shared_and_each_statement_reported_on_its_document_s_date(tmp_path):
    (tmp_path / "graph.nq").write_text(STATEMENTS, encoding="utf-8")
    template = Template.read(tmp_path / "graph.nq")
    named, union = template.write(tmp_path, 0, 2)
    load(tmp_path / "store", [named, union])
    store = ox.Store.read_only(str(tmp_path / "store"))
    default = [q for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())]
    subjects = {q.subject.value for q in default if q.predicate.value == f"{RDF}subject"}
    assert subjects == {"https://doc2kg.org/statement/s1", "https://doc2kg.org/statement/s2",
                        "https://doc2kg.org/statement/s2-1"}
    evidence = {q.object.value for q in default
                if q.subject.value == "https://doc2kg.org/statement/s1" and q.predicate.value == f"{PROV}wasDerivedFrom"}
    assert evidence == {"https://doc2kg.org/doc/a#char=1,9", "https://doc2kg.org/doc/a-1#char=1,9"}
    # d2k:reportedOn: the date given to the document, once per statement and document, in its graph
    dates = {q.subject.value: q.object.value for q in default if q.predicate.value == "https://schema.org/datePublished"}
    for copy, doc in ((0, "https://doc2kg.org/doc/a"), (1, "https://doc2kg.org/doc/a-1")):
        graph = ox.NamedNode(doc.replace("/doc/", "/graph/"))
        reported = [(q.subject.value, q.object.value) for q in store.quads_for_pattern(
            None, ox.NamedNode(f"{D2K}reportedOn"), None, graph)]
        assert sorted(reported) == [("https://doc2kg.org/statement/s1", dates[doc]),
                                    ("https://doc2kg.org/statement/s2" + ("-1" if copy else ""), dates[doc])]
        years = [(q.subject.value, q.object.value, q.object.datatype.value) for q in store.quads_for_pattern(
            None, ox.NamedNode(f"{D2K}reportedInYear"), None, graph)]
        assert sorted(years) == [(st, date[:4], "http://www.w3.org/2001/XMLSchema#gYear") for st, date in sorted(reported)]
