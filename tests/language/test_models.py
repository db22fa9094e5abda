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


def test_french_and_english_models_leave_out_the_lemmatizer_that_no_stage_reads():
    # The lemmatizer is excluded for speed (~10% of the bare French model's CPU): this fails
    # when it comes back, or when a stage starts reading lemmas it would then not get.
    import re
    from pathlib import Path

    import pipeline

    for lang in ("fr", "en"):
        nlp = language_nlp(lang)
        assert "lemmatizer" not in nlp.component_names
        assert {"tok2vec", "parser", "attribute_ruler", "ner"} <= set(nlp.pipe_names)  # what the stages read
    reads = re.compile(r"\.lemma_?\b|[\"'](?:LEMMA|lemma)[\"']")
    readers = [str(path) for path in Path(pipeline.__file__).parent.rglob("*.py") if reads.search(path.read_text("utf-8"))]
    assert readers == []
