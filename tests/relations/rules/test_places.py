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


# --- a site in a city or a wider place (site_places)

@pytest.mark.parametrize("lang, text, names, expected", [
    # the demonym stands for a state the text names (الصومال)
    ("ar", "قتل 32 شخصا في هجوم على شاطئ ليدو في العاصمة الصومالية مقديشو. وتشهد الصومال هجمات متكررة.",
     [("شاطئ ليدو", "Location"), ("مقديشو", "City")], ("شاطئ ليدو", "مقديشو")),
    ("fr", "La France gardait des avions sur la base aérienne Sergent Adji Kossei à N'Djamena.",
     [("base aérienne Sergent Adji Kossei", "Location"), ("N'Djamena", "City")], ("base aérienne Sergent Adji Kossei", "N'Djamena")),
    ("en", "The first explosions were heard outside the Stade de France in Saint-Denis.",
     [("Stade de France", "Location"), ("Saint-Denis", "City")], ("Stade de France", "Saint-Denis")),
])
def test_a_site_in_a_city(extract, lang, text, names, expected):
    triples, relations = extract(lang, text, names)
    assert expected in _located(triples), _located(triples)
    assert "rule:place-site-in" in {r.extractor for r in relations if r.type == "locatedIn"}


def test_a_city_before_a_site_is_not_in_it_fr(extract):
    # "de Bruxelles au port d'Anvers": from one place to another; the control is the site in its city
    text = "Le convoi est allé de Bruxelles au port d'Anvers. Le port d'Anvers à Anvers a battu son record."
    triples, _ = extract("fr", text, [("port d'Anvers", "Location"), ("Anvers", "City")])
    assert ("Bruxelles", "port d'Anvers") not in _located(triples)
    assert ("port d'Anvers", "Anvers") in _located(triples)
