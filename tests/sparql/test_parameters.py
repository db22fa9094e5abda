"""Query parameters bound as terms, and the check of a query's d2k: terms."""
from __future__ import annotations

import re

import pytest

from pipeline.ontology_data import ontology_terms
from pipeline.sparql.parameters import ParameterError, bind, declared, to_oxigraph, unknown_terms
from pipeline.sparql.prefixes import PREFIXES

QUERY = """# @param ?country country:  the country, by its ISO code
# @param ?name literal  a name
# @param ?who  anyone, a prefixed name or <IRI>
SELECT * { ?who d2k:cooperatesWith ?country . ?country rdfs:label ?name }"""


def test_declared_parameters():
    found = declared(QUERY)
    assert {k: v.kind for k, v in found.items()} == {"country": "country:", "name": "literal", "who": None}
    assert found["country"].help == "the country, by its ISO code"


@pytest.mark.parametrize("given,term", [
    ("country=MA", {"iri": "https://doc2kg.org/id/country/MA"}),
    ("country=country:FR", {"iri": "https://doc2kg.org/id/country/FR"}),
    ("country=<https://doc2kg.org/id/country/DZ>", {"iri": "https://doc2kg.org/id/country/DZ"}),
    ("country=a b/c", {"iri": "https://doc2kg.org/id/country/a%20b%2Fc"}),  # one local name, encoded
    ("name=country:MA", {"literal": "country:MA"}),                          # declared a literal
    ("who=agency:ma-dgsn", {"iri": "https://doc2kg.org/id/agency/ma-dgsn"}),
    ("who=Morocco", {"literal": "Morocco"}),
    # text that would change the query if pasted stays inside one term
    ("country=MA> } ; DROP ALL", {"iri": "https://doc2kg.org/id/country/MA%3E%20%7D%20%3B%20DROP%20ALL"}),
    ("who=x\" } DROP ALL #", {"literal": 'x" } DROP ALL #'}),
])
def test_values_become_one_term(given, term):
    (value,) = bind([given], QUERY, PREFIXES).values()
    assert value == term
    to_oxigraph({"x": value})  # a valid Oxigraph term


@pytest.mark.parametrize("given,says", [
    ("nation=MA", "no ?nation"),
    ("country", "NAME=VALUE"),
    ("country=<not an iri>", "not an absolute IRI"),
    ("country=<http://x/ y>", "not an absolute IRI"),
])
def test_bad_parameters_are_refused(given, says):
    with pytest.raises(ParameterError, match=re.escape(says)):
        bind([given], QUERY, PREFIXES)


def test_a_variable_named_only_in_a_comment_or_string_is_not_in_the_query():
    with pytest.raises(ParameterError, match=re.escape("no ?ghost")):
        bind(["ghost=1"], '# ?ghost\nSELECT * { ?s ?p "?ghost" }', PREFIXES)


def test_unknown_d2k_terms_named_with_a_close_match():
    query = ('SELECT * { ?a d2k:cooperatesWit ?b ; a <https://doc2kg.org/ontology#Countr> ; d2k:leads ?c '
             '# d2k:InComment\n FILTER(?b != "d2k:InString") }')
    assert unknown_terms(query, ontology_terms()) == [
        "d2k:cooperatesWit (did you mean d2k:cooperatesWith?)", "d2k:Countr (did you mean d2k:Country?)"]
    assert unknown_terms("SELECT * { ?a d2k:cooperatesWith ?b ; a d2k:Country }", ontology_terms()) == []
