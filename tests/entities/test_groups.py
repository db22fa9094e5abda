"""Numbered groups of states (مجموعة الدول الخمس) as international organizations."""
from pipeline.entities.groups import numbered_groups
from pipeline.entities.recognize import recognize_entities
from pipeline.nlp import get_nlp
from pipeline.model import Document


def _mentions(text: str):
    doc = get_nlp("ar")(text)
    return doc, recognize_entities(doc, Document(id="t", text=text, lang="ar"))


def test_group_wordings_bind_to_one_lexicon_entry():
    text = "دعمت مجموعة دول الساحل الأفريقي الخمس القوة المشتركة، وقال رئيس مجموعة الدول الخمس إن مجموعة الخمس موحدة."
    doc, mentions = _mentions(text)
    groups = [m for m in mentions if m.type == "InternationalOrganization"]
    assert [m.text for m in groups] == ["مجموعة دول الساحل الأفريقي الخمس", "مجموعة الدول الخمس", "مجموعة الخمس"]
    assert len({m.key for m in groups}) == 1 and groups[0].key
    # the number word is not the Libyan city of the same name
    assert not any(m.type == "City" for m in mentions)


def test_group_needs_its_number_word():
    doc = get_nlp("ar")("التقت مجموعة من الخبراء في الرباط.")
    assert numbered_groups(doc) == []
