"""Outlets read after (or, in English, before) their press noun: pipeline/entities/outlets.py."""
import pytest

from pipeline.entities.outlets import outlet_names
from pipeline.entities.recognize import recognize_entities
from pipeline.model import Document
from pipeline.nlp import get_nlp


def names(lang, text):
    return [s.text for s in outlet_names(get_nlp(lang)(text), lang)]


def organizations(lang, text):
    document = Document(id="t", text=text, lang=lang)
    return {m.text: m.key for m in recognize_entities(get_nlp(lang)(text), document) if m.type == "Organization"}


@pytest.mark.parametrize("lang, text, expected", [
    ("fr", "L'hebdomadaire Marianne a publié lundi une longue enquête.", ["Marianne"]),
    ("fr", "Selon le quotidien algérien Liberté, le wali a été limogé.", ["Liberté"]),
    ("en", "According to the daily Al-Sabah, the minister resigned on Sunday.", ["Al-Sabah"]),
    ("en", "Officials told the Libya Review newspaper that the talks had failed.", ["Libya Review"]),
])
def test_the_name_after_or_before_its_press_noun_is_an_outlet(lang, text, expected):
    assert names(lang, text) == expected


@pytest.mark.parametrize("lang, text", [
    ("fr", "Le quotidien des habitants de Gao reste difficile depuis le blocus."),
    ("fr", "Le Journal du Dimanche a publié un entretien avec le ministre."),
    ("en", "The daily briefing was cancelled and the weekly meeting postponed."),
    ("en", "The weekly Friday prayers and the daily Cabinet meeting went on as planned."),
    ("en", "The Moroccan newspaper Hespress said the suspects were arrested."),  # the lexicon names it
])
def test_no_outlet_without_a_name_after_a_lowercase_noun(lang, text):
    assert names(lang, text) == []


def test_an_outlet_name_that_reads_like_a_persons_is_the_outlet():
    # "Al Akhbar Al Yaoum" looks like an Arabic person's name; after "le quotidien" it is the paper
    found = organizations("fr", "Selon le quotidien Al Akhbar Al Yaoum, le ministre a démissionné.")
    assert found == {"Al Akhbar Al Yaoum": "org/akhbar-al-yaoum"}


def test_the_outlet_alone_is_the_mention_not_its_noun():
    found = organizations("fr", "Le journal La Nouvelle Tribune a révélé l'affaire mardi.")
    assert found == {"La Nouvelle Tribune": None}
    found = organizations("en", "Officials told the Libya Review newspaper that the talks had failed.")
    assert found == {"Libya Review": None}


def test_an_arabic_agency_closed_by_lil_anba_is_an_outlet():
    # وكالة X للأنباء: the agency's whole name, even after a glued preposition
    assert names("ar", "وذكرت لوكالة سند للأنباء أن الوفد وصل.") == ["وكالة سند للأنباء"]
    assert names("ar", "ونقلت وكالة قدس برس للأنباء عن شهود أن القوات انسحبت.") == ["وكالة قدس برس للأنباء"]
    # no name between the noun and للأنباء, or a lexicon agency: nothing here
    assert names("ar", "وقالت الوكالة للأنباء إن الخبر غير صحيح.") == []
    assert names("ar", "وذكرت وكالة نواكشوط للأنباء أن الوفد وصل.") == []


def test_the_platform_x_after_on_or_sur():
    assert names("fr", "Le ministre a publié sur X un message de soutien.") == ["X"]
    assert names("en", "The colonel wrote on X, and the post was shared widely.") == ["X"]
    # a letter elsewhere is no platform
    assert names("en", "Article X of the treaty and Louis X were cited.") == []
