"""Coordinated lists of parties (pipeline/relations/coordination.py), on the real parse and
entity stage: lists in the three scripts, the Arabic "و" glued to a name, and a comma alone
between two names (an apposition, not a list)."""
import pytest

from pipeline.entities.recognize import recognize_entities
from pipeline.model import Document
from pipeline.nlp import get_nlp
from pipeline.relations.arguments import sentence_contexts
from pipeline.relations.coordination import coordinated_lists, coordinator_between, members_with


def _contexts(lang: str, text: str):
    document = Document(id="t", text=text, lang=lang)
    doc = get_nlp(lang)(text)
    return sentence_contexts(doc, document, recognize_entities(doc, document))


def _lists(lang: str, text: str) -> list[list[str]]:
    return [[a.text for a in chain] for ctx in _contexts(lang, text) for chain in coordinated_lists(ctx)]


@pytest.mark.parametrize("lang, text, members", [
    ("en", "Troops from Ghana, Senegal and Nigeria joined the patrol.", ["Ghana", "Senegal", "Nigeria"]),
    ("fr", "Des unités du Sénégal, du Ghana et du Nigeria ont rejoint la patrouille.", ["Sénégal", "Ghana", "Nigeria"]),
    ("ar", "وشاركت في الدورية وحدات من السنغال وغانا ونيجيريا.", ["السنغال", "غانا", "نيجيريا"]),
])
def test_a_list_in_each_language(lang, text, members):
    assert members in _lists(lang, text)


def test_two_names_and_a_comma_are_no_list_but_three_are():
    assert not any(len(chain) == 2 for chain in _lists("en", "Morocco, Spain signed nothing."))
    assert ["Morocco", "Spain", "Portugal"] in _lists("en", "Morocco, Spain, Portugal: the three hosts of the 2030 World Cup.")


def test_the_arabic_conjunction_glued_to_the_next_name():
    ctx = _contexts("ar", "وقعت الاتفاقية بين المغرب وإسبانيا.")[0]
    morocco, spain = [a for a in ctx.args if a.type == "Country"]
    assert coordinator_between(ctx, morocco.end, spain.start)
    assert members_with(coordinated_lists(ctx), spain) == [morocco, spain]


def test_a_word_that_starts_with_waw_is_not_a_conjunction():
    # "وزير" (minister) starts with the letter of "و": a word of its own, not the clitic.
    ctx = _contexts("ar", "استقبل المغرب وزير خارجية إسبانيا.")[0]
    morocco, spain = [a for a in ctx.args if a.type == "Country"]
    assert not coordinator_between(ctx, morocco.end, spain.start)
    assert members_with(coordinated_lists(ctx), spain) == [spain]
