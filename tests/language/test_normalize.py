from pipeline.language.normalize import _TABLE, normalize, normalize_key, normalize_with_offsets


def test_arabic_folding():
    assert normalize("المملكةُ المغربيّة") == "المملكه المغربيه"
    assert normalize("إسبانيا") == normalize("اسبانيا")
    assert normalize("مصطفى") == "مصطفي"
    assert normalize("الـمـغـرب") == "المغرب"
    assert normalize("٢٠١٥") == "2015"


def test_latin_folding_and_quotes():
    assert normalize("Sécurité “Intérieure”") == 'securite "interieure"'


def test_offsets_map_back_to_original():
    text = "عبدُ اللطيف – DGSN"
    norm, index = normalize_with_offsets(text)
    assert len(norm) == len(index)
    for ch, i in zip(norm, index):
        assert normalize(text[i]) and ch in normalize(text[i])


def test_key_drops_punctuation():
    assert normalize_key("(DGSN-DGST).") == "dgsn dgst"


def test_offsets_skip_dropped_marks_and_repeat_expanded_letters():
    from pipeline.language.normalize import normalize_with_offsets

    assert normalize_with_offsets("مُحمّد ﬁn") == ("محمد fin", [0, 2, 3, 5, 6, 7, 7, 8])


def test_a_kept_short_form_is_the_same_as_a_fresh_one():
    for text in ["Sécurité", "الـمـغـرب", "Sécurité", "x" * 41, "x" * 41, ""]:
        assert normalize(text) == text.translate(_TABLE)
    assert normalize("الـمـغـرب") == "المغرب"  # asked a second time, from the kept forms
