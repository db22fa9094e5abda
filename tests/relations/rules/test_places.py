"""``places`` (pipeline/relations/rules/places.py): places coordinated before "in" a state,
a place "in" a part of a state, and an Arabic place name followed by its adjective of
state are ``locatedIn`` that state (issue 14)."""
import pytest


def _located(triples) -> set[tuple[str, str]]:
    return {(h, t) for h, typ, t in triples if typ == "locatedIn"}


@pytest.mark.parametrize("lang, text, names, expected", [
    ("en", "Exercises will take place in Atar, Nouakchott and Kaedi in Mauritania.", [],
     {("Atar", "Mauritania"), ("Nouakchott", "Mauritania"), ("Kaedi", "Mauritania")}),
    ("en", "Gunmen attacked villagers near Djibo in north-central Burkina Faso.", [],
     {("Djibo", "Burkina Faso")}),
    ("fr", "Les enfants étaient détenus dans le camp d'Al-Hol, puis à Hassaké dans le nord-est de la Syrie.",
     [("Hassaké", "City")], {("Hassaké", "Syrie")}),
    ("ar", "ووصلت السفن إلى إيران ثم رست في ميناء بندر عباس الإيراني.",
     [("ميناء بندر عباس", "Location")], {("ميناء بندر عباس", "إيران")}),
])
def test_a_place_in_a_state(extract, lang, text, names, expected):
    triples, _ = extract(lang, text, names)
    assert expected <= _located(triples), _located(triples)


def test_a_place_after_a_comma_is_not_in_the_next_clauses_state(extract):
    text = "The convoy left Gao, and in northern Niger the army arrested two men."
    triples, _ = extract("en", text)
    assert ("Gao", "Niger") not in _located(triples), _located(triples)
