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


# --- a site in a city or a wider place (site_places); a list of places is no apposition

@pytest.mark.parametrize("lang, text, names, expected", [
    # the demonym stands for a state the text names (أفغانستان)
    ("ar", "قتل ستة أشخاص في هجوم على فندق سيرينا في العاصمة الأفغانية كابول. وتشهد أفغانستان هجمات متكررة.",
     [("فندق سيرينا", "Location"), ("كابول", "City")], ("فندق سيرينا", "كابول")),
    ("fr", "Les avions américains sont stationnés sur la base aérienne Prince Sultan à Al-Kharj.",
     [("base aérienne Prince Sultan", "Location"), ("Al-Kharj", "City")], ("base aérienne Prince Sultan", "Al-Kharj")),
    ("en", "The first explosions were heard outside the Ataturk Airport in Istanbul.",
     [("Ataturk Airport", "Location"), ("Istanbul", "City")], ("Ataturk Airport", "Istanbul")),
])
def test_a_site_in_a_city(extract, lang, text, names, expected):
    triples, relations = extract(lang, text, names)
    assert expected in _located(triples), _located(triples)
    assert "rule:place-site-in" in {r.extractor for r in relations if r.type == "locatedIn"}


def test_a_city_before_a_site_is_not_in_it_fr(extract):
    # "de Rotterdam au port de Hambourg": from one place to another; the control is the site in its city
    text = "Le convoi est allé de Rotterdam au port de Hambourg. Le port de Hambourg à Hambourg a battu son record."
    triples, _ = extract("fr", text, [("port de Hambourg", "Location"), ("Hambourg", "City")])
    assert ("Rotterdam", "port de Hambourg") not in _located(triples)
    assert ("port de Hambourg", "Hambourg") in _located(triples)


def test_a_list_of_places_is_no_apposition_fr(extract):
    text = ("Les patrouilles ont eu lieu à Annecy, Chambéry, Albertville et Grenoble. "
            "Les gendarmes sont arrivés à Modane, Savoie, dans la nuit.")
    triples, _ = extract("fr", text, [("Annecy", "City"), ("Chambéry", "Location"), ("Albertville", "Location"),
                                      ("Modane", "City"), ("Savoie", "Location")])
    assert ("Annecy", "Chambéry") not in _located(triples)
    assert ("Chambéry", "Albertville") not in _located(triples)
    assert ("Modane", "Savoie") in _located(triples)


# --- a town's noun with an indefinite article before where it lies

@pytest.mark.parametrize("lang, text, names, expected", [
    ("en", "The raid took place in Moura, a village in the Mopti region of central Mali.", [],
     ("Moura", "Mopti region")),
    ("en", "Officials visited Agadez, a city in northern Niger, on Monday.", [], ("Agadez", "Niger")),
    ("fr", "Les soldats ont été tués à Tabatol, un village dans la région de Tillabéri.",
     [("Tabatol", "City")], ("Tabatol", "région de Tillabéri")),
])
def test_a_town_and_its_noun_in_a_region_or_a_state(extract, lang, text, names, expected):
    triples, _ = extract(lang, text, names)
    assert expected in _located(triples), _located(triples)


def test_a_town_and_its_noun_without_a_locative_is_no_place_in(extract):
    # "a city that Niger's army retook": the country after the noun is no place it lies in
    triples, _ = extract("en", "The army entered Agadez, a city Niger had lost, on Monday.")
    assert ("Agadez", "Niger") not in _located(triples), _located(triples)
