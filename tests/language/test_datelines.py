"""Datelines: place, date and outlet from a text's first lines, in the three languages."""
from __future__ import annotations

import pytest

from pipeline.language.datelines import read_dateline


@pytest.mark.parametrize(("text", "lang", "place", "date", "outlet"), [
    ("RABAT, 5 mars 2024 (AFP) - Le ministre a reçu son homologue.", "fr", "RABAT", "2024-03-05", "AFP"),
    ("Paris (Reuters) - France said on Monday it would send troops.", "en", "Paris", None, "Reuters"),
    ("الرباط - مراسلون 24\nأعلنت وزارة الداخلية عن تفكيك خلية.", "ar", "الرباط", None, "مراسلون 24"),
    ("NOUAKCHOTT, May 14, 2024 - Mauritania hosted the meeting.", "en", "NOUAKCHOTT", "2024-05-14", None),
    ("Lagos, Jan. 12, NAN - Nigeria hosted the meeting.", "en", "Lagos", None, "NAN"),
    # a region in parentheses after the place; a country after a comma
    ("AL HOCEIMA (Rif), 2 juin 2023 (MAP) - La marine royale a mené un exercice.", "fr", "AL HOCEIMA", "2023-06-02", "MAP"),
    ("CAMP LEMONNIER, Djibouti - U.S. and French troops trained together.", "en", "CAMP LEMONNIER", None, None),
    # the headline first, the dateline on the next line
    ("Sommet à Niamey\nNIAMEY, 6 juillet 2024 (AFP) - Les trois pays ont signé.", "fr", "NIAMEY", "2024-07-06", "AFP"),
])
def test_dateline_gives_place_date_outlet(text, lang, place, date, outlet):
    d = read_dateline(text, lang)
    assert (d.place, d.date, d.outlet) == (place, date, outlet)
    assert text[d.start:d.end].startswith(place)


def test_dateline_day_without_year_takes_the_publication_year():
    assert read_dateline("RABAT, 5 mars (AFP) - Le ministre.", "fr", "2023-03-06").date == "2023-03-05"
    assert read_dateline("RABAT, 5 mars (AFP) - Le ministre.", "fr").date is None  # never guessed


def test_byline_line_gives_the_outlet_only():
    d = read_dateline("تعاون أمني بين المغرب وإسبانيا\n\nمراسلون 24\n\nفي سياق دولي", "ar")
    assert (d.place, d.outlet) == ("", "مراسلون 24")


@pytest.mark.parametrize(("text", "lang"), [
    ("Morocco and Spain - a new chapter\nThe two kingdoms signed an agreement.", "en"),
    ("Le Maroc et l'Espagne renforcent leur coopération sécuritaire.", "fr"),
    ("المغرب - إسبانيا: تعاون أمني متجدد", "ar"),
])
def test_headlines_are_no_datelines(text, lang):
    assert read_dateline(text, lang) is None


@pytest.mark.parametrize(("text", "lang", "outlet"), [
    ("واج - أعلنت وزارة الدفاع الوطني عن تدمير مخبأ للإرهابيين.", "ar", "واج"),
    ("AGI - Trois patrouilleurs ont été livrés par l'Italie à la Tunisie.", "fr", "AGI"),
    ("Reuters - Spain and Morocco agreed on Monday to step up police cooperation.", "en", "Reuters"),
])
def test_an_outlet_opening_the_text_is_a_dateline_without_place(text, lang, outlet):
    d = read_dateline(text, lang)
    assert d is not None and (d.place, d.outlet) == ("", outlet)
    # a place in capitals still opens its own dateline
    assert read_dateline("NOUAKCHOTT - Le ministre a reçu son homologue.", "fr").place == "NOUAKCHOTT"


def test_agencies_in_the_parentheses_name_no_outlet():
    d = read_dateline("نيامي (وكالات) - غادر السفير العاصمة", "ar")
    assert (d.place, d.outlet) == ("نيامي", None)
    assert read_dateline("BAMAKO (Agencies) - The junta said", "en").outlet is None
    assert read_dateline("Bamako (AFP) - La junte a dit", "fr").outlet == "AFP"


@pytest.mark.parametrize(("text", "lang", "place", "outlet"), [
    # national agencies as datelines abbreviate them, without parentheses
    ("الدوحة - قنا\nأعلنت وزارة الداخلية القطرية عن إطلاق حملة جديدة.", "ar", "الدوحة", "قنا"),
    ("صنعاء - سبأ\nأعلنت السلطات عن إجراءات أمنية جديدة.", "ar", "صنعاء", "سبأ"),
    ("NOUAKCHOTT - AMI - Le ministre de l'Intérieur a reçu son homologue.", "fr", "NOUAKCHOTT", "AMI"),
])
def test_agency_abbreviations_without_parentheses_are_outlets(text, lang, place, outlet):
    d = read_dateline(text, lang)
    assert (d.place, d.outlet) == (place, outlet)
