"""The shared token helpers: the cached per-doc token view and phrase look-ups."""
import spacy

from pipeline.entities.tokens import is_definite, norm, phrases, token_view
from pipeline.language.arabic import build_arabic_nlp


def test_token_view_reads_what_the_tokens_say():
    doc = build_arabic_nlp()("أعلنت وزارة الداخلية  للأمن.")
    view = token_view(doc)
    assert view.text == doc.text
    assert view.texts == [t.text for t in doc]
    assert view.norms == [norm(t) for t in doc]
    assert view.spaces == [bool(t.whitespace_) for t in doc]
    assert token_view(doc) is view  # read once


def test_token_view_is_read_again_after_a_change():
    doc = spacy.blank("ar")("وفرنسا هنا")
    before = token_view(doc)
    doc[1].norm_ = "غير"
    assert token_view(doc).norms == [norm(t) for t in doc] != before.norms
    with doc.retokenize() as retok:
        retok.split(doc[0], ["و", "فرنسا"], heads=[(doc[0], 1), (doc[0], 1)])
    assert token_view(doc).texts == ["و", "فرنسا", "هنا"]


def test_latin_token_view_folds_the_text():
    doc = spacy.blank("fr")("Le Ministère")
    assert token_view(doc).norms == ["le", "ministere"]


def test_phrases_found_in_checks_first_words():
    cands = phrases(["قمة", "عملية عسكرية"])
    assert cands.found_in(["في", "عمليه", "ما"])
    assert not cands.found_in(["في", "ما"])


def test_phrases_starts_are_the_positions_of_first_words():
    cands = phrases(["قمة", "عملية عسكرية"])
    norms = ["قمه", "في", "عمليه", "قمه"]
    assert cands.starts(norms) == [0, 2, 3]
    assert cands.starts(norms, begin=1) == [2, 3]


def test_a_hamza_on_the_alef_is_no_article():
    doc = build_arabic_nlp()("الداخلية ألمانيا أولاف للأمن")
    definite = {t.text: is_definite(t) for t in doc}
    assert definite["الداخلية"] and definite["لأمن"]  # the article, also fused after ل
    assert not definite["ألمانيا"] and not definite["أولاف"]


def test_lexicon_marks_are_read_once_per_doc_and_again_when_the_groups_change():
    from pipeline.entities.tokens import LexiconMarks, lexicon_marks

    doc = spacy.blank("fr")("La DGSI et la police marocaine")
    doc.spans["lexicon"] = [doc.char_span(3, 7, label="GovernmentAgency")]
    marks = lexicon_marks(doc)
    assert marks.type_at(1) == "GovernmentAgency" and marks.demonym_at(5) is None
    assert lexicon_marks(doc) is marks  # read once
    doc.spans["demonyms"] = [doc[5:6]]
    assert lexicon_marks(doc) is not marks and lexicon_marks(doc).demonym_at(5) == "?"
    other = spacy.blank("fr")("La DGSI et la police marocaine")
    assert lexicon_marks(other).type_at(1) is None  # another doc: its own marks
    assert LexiconMarks(doc).name.keys() == lexicon_marks(doc).name.keys()
