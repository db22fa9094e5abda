from pipeline.language.models import language_nlp


def test_arabic_pipeline_splits_a_given_stem_and_has_no_entity_component():
    nlp = language_nlp("ar", {"فرنسا"})
    assert nlp.pipe_names == ["arabic_clitic_splitter", "arabic_normalizer", "arabic_sentencizer"]
    assert [t.text for t in nlp("وفرنسا والمغرب")] == ["و", "فرنسا", "و", "المغرب"]
    assert [t.text for t in language_nlp("ar")("وفرنسا")] == ["وفرنسا"]  # no stems: kept whole


def test_other_languages_get_a_blank_pipeline_with_sentences():
    nlp = language_nlp("xx")
    assert nlp.pipe_names == ["sentencizer"]
    assert len(list(nlp("One. Two.").sents)) == 2
