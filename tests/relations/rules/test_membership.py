"""``membership`` (pipeline/relations/rules/membership.py): with only a partitive cue ("among
them", "dont", "من بينها"), the listed states are an organization's members only when the
organization is what the cue follows ("X, which includes A and B"); a part of "countries" or
"partners" is no member of an organization named elsewhere in the sentence."""
import pytest


def _members(triples) -> set[tuple[str, str]]:
    return {(h, t) for h, typ, t in triples if typ == "memberOf"}


@pytest.mark.parametrize("lang, text, states, org", [
    ("en", "Investigators from ten countries, including Germany, Poland and Sweden, worked from the headquarters of Interpol.",
     ["Germany", "Poland", "Sweden"], "Interpol"),
    ("fr", "Des enquêteurs de dix pays, dont l'Allemagne, la Pologne et la Suède, ont travaillé depuis le siège d'Interpol.",
     ["Allemagne", "Pologne", "Suède"], "Interpol"),
    ("ar", "وعمل محققون من عشر دول، من بينها ألمانيا وبولندا والسويد، انطلاقا من مقر الإنتربول.",
     ["ألمانيا", "بولندا", "السويد"], "الإنتربول"),
])
def test_a_part_of_some_countries_is_no_member(extract, lang, text, states, org):
    triples, _ = extract(lang, text)
    members = _members(triples)
    assert not any((s, org) in members for s in states), members


@pytest.mark.parametrize("lang, text, states, org", [
    ("en", "The Arab Maghreb Union, which includes Morocco, Algeria and Tunisia, met in Rabat.",
     ["Morocco", "Algeria", "Tunisia"], "Arab Maghreb Union"),
    ("fr", "L'Union du Maghreb arabe, qui comprend le Maroc, l'Algérie et la Tunisie, s'est réunie à Rabat.",
     ["Maroc", "Algérie", "Tunisie"], "Union du Maghreb arabe"),
])
def test_an_organization_that_includes_states_has_them_as_members(extract, lang, text, states, org):
    triples, _ = extract(lang, text)
    members = _members(triples)
    for s in states:
        assert (s, org) in members, (s, members)
