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


def test_french_tokenizer_pattern_read_from_the_cache_is_the_compiled_one(tmp_path, monkeypatch):
    import re

    monkeypatch.setenv("DOC2KG_PATTERN_CACHE", str(tmp_path))
    first = language_nlp("fr")  # compiles the tokenizer's exception pattern and keeps its opcodes
    assert len(list(tmp_path.glob("*.sre"))) == 1
    second = language_nlp("fr")  # builds it from the kept opcodes
    pattern = second.tokenizer.token_match.__self__
    # Pattern equality compares the pattern text, the flags and the compiled opcodes
    assert pattern == first.tokenizer.token_match.__self__ == re.compile(pattern.pattern)
    text = "L'arrière-grand-mère d'Emmanuel Macron est venue à Aix-en-Provence aujourd'hui."
    assert [t.text for t in second(text)] == [t.text for t in first(text)]
    assert "Aix-en-Provence" in [t.text for t in second(text)]
