from pipeline.language.arabic import build_arabic_nlp
from pipeline.language.morphology import split_proclitic


def test_proclitics_split_on_article_and_known_stems():
    nlp = build_arabic_nlp(stems=["فرنسا"])
    doc = nlp("وفرنسا والمغرب بالرباط للأمن الوطني")
    assert [t.text for t in doc] == ["و", "فرنسا", "و", "المغرب", "ب", "الرباط", "ل", "لأمن", "الوطني"]
    assert doc[7].norm_ == "الامن"
    assert doc.text == "وفرنسا والمغرب بالرباط للأمن الوطني"


def test_unknown_stem_is_not_split():
    assert split_proclitic("وصل", frozenset()) is None
    assert split_proclitic("بوصفها", frozenset()) is None


def test_sentences_on_arabic_punctuation_and_newlines():
    nlp = build_arabic_nlp()
    doc = nlp("قال الوزير كذا؛ ثم غادر. هل عاد؟ نعم\nسطر جديد")
    assert len(list(doc.sents)) == 5


def test_blank_line_is_not_its_own_sentence():
    nlp = build_arabic_nlp()
    doc = nlp("جملة أولى\n\nجملة ثانية! ثالثة")
    sents = [s.text.strip() for s in doc.sents]
    assert sents == ["جملة أولى", "جملة ثانية!", "ثالثة"]


def test_norms_and_sentence_starts_from_token_texts():
    from pipeline.language.arabic import sentence_starts, token_norms

    assert token_norms([("ل", ""), ("لأمن", " "), ("الوطني", "")]) == ["ل", "الامن", "الوطني"]
    assert sentence_starts([("قال", " "), (".", ""), ("\n\n", ""), ("ثم", "")]) == [True, False, False, True]


def test_deputy_is_a_whole_word_not_a_conjunction_and_a_city():
    from pipeline.nlp import get_nlp

    doc = get_nlp("ar")("وقال وكيل وزارة الداخلية إن")
    assert "وكيل" in [t.text for t in doc]


def test_the_splitter_keeps_each_word_split_and_starts_again_with_new_stems():
    nlp = build_arabic_nlp(stems=[])
    splitter = nlp.get_pipe("arabic_clitic_splitter")
    assert [t.text for t in nlp("وفرنسا والمغرب")] == ["وفرنسا", "و", "المغرب"]
    assert splitter.split_of("والمغرب") == ("و", "المغرب") == split_proclitic("والمغرب", splitter.stems)
    splitter.add_stems(["فرنسا"])  # a word kept unsplit before is looked at again
    assert [t.text for t in nlp("وفرنسا والمغرب")] == ["و", "فرنسا", "و", "المغرب"]
    splitter.stems = frozenset()
    assert splitter.split_of("وفرنسا") is None


def test_a_proclitic_written_on_an_opening_quote_is_a_token_of_its_own():
    nlp = build_arabic_nlp()
    doc = nlp('عملية "ثيميس" و"بوسيدون" وب«فرونتكس» والوكالة')
    assert [t.text for t in doc] == ["عملية", '"', "ثيميس", '"', "و", '"', "بوسيدون", '"', "وب", "«", "فرونتكس",
                                     "»", "و", "الوكالة"]
    # a word that starts with the same letter and no quote after it stays whole
    assert [t.text for t in nlp("وزير بوسيدون")] == ["وزير", "بوسيدون"]


def test_words_kept_whole_are_not_split_and_lose_only_a_conjunction():
    nlp = build_arabic_nlp()
    splitter = nlp.get_pipe("arabic_clitic_splitter")
    assert [t.text for t in nlp("فالتر والتر")] == ["ف", "التر", "و", "التر"]
    splitter.keep_whole(["فالتر", "والتر", "إيفان"])
    assert [t.text for t in nlp("فالتر والتر وإيفان بإيفان والمغرب")] == [
        "فالتر", "والتر", "و", "إيفان", "بإيفان", "و", "المغرب"]
