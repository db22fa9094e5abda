import pytest

from pipeline.language.detect import _arabic_share, detect_language


@pytest.mark.parametrize(
    "text,lang",
    [
        ("بين المغرب وفرنسا تعاون أمني متقدم في مكافحة الإرهاب", "ar"),
        ("La coopération entre le Maroc et la France a été renforcée hier à Rabat.", "fr"),
        ("Cooperation between Morocco and France was strengthened on Monday in Rabat.", "en"),
        ("Die Zusammenarbeit zwischen Marokko und Frankreich wurde gestern verstärkt.", "de"),
    ],
)
def test_detect_language(text, lang):
    assert detect_language(text)[0] == lang


def test_no_letters_is_undetermined():
    assert detect_language("123 456 !!")[0] == "und"


def test_arabic_share_counts_letters_only_each_as_often_as_written():
    assert _arabic_share("") == 0.0
    assert _arabic_share("123 ...") == 0.0
    assert _arabic_share("المغرب") == 1.0
    assert _arabic_share("المغرب Maroc 2024") == 6 / 11  # digits and spaces are no letters
    assert _arabic_share("aaaa بب") == 2 / 6
    assert _arabic_share("ب" * 30000 + "a" * 10) == 1.0  # only the first 20,000 characters


def test_arabic_varieties_are_arabic():
    # Under half Arabic letters: the model decides, and calls this Moroccan Arabic (ary).
    mixed = ("أكد وزير الداخلية أن التعاون الأمني بين المغرب وفرنسا متين في مكافحة الإرهاب. "
             "La coopération sécuritaire entre le Maroc et la France s'est renforcée à Paris. "
             "Morocco and France signed a security cooperation agreement in Rabat on Monday.")
    assert detect_language(mixed)[0] == "ar"


@pytest.mark.parametrize("text,lang,says", [
    ("hi", "sr", "too short to tell its language (2 letters)"),
    ("123 456 !!", "und", "too short to tell its language (0 letters)"),
    ("Die Zusammenarbeit zwischen Marokko und Frankreich wurde gestern verstärkt.", "de", "language de has no pipeline"),
])
def test_doubtful_language_is_a_warning(text, lang, says):
    from pipeline.language.detect import language_warning

    assert detect_language(text)[0] == lang
    assert says in language_warning(text, lang)


@pytest.mark.parametrize("text", ["بين المغرب وفرنسا", "Cooperation between Morocco and France was strengthened."])
def test_a_supported_language_has_no_warning(text):
    from pipeline.language.detect import language_warning

    assert language_warning(text, detect_language(text)[0]) is None


def test_the_letters_of_a_short_text_are_all_counted():
    from pipeline.language.detect import MIN_LETTERS, language_warning

    assert language_warning("ab " * MIN_LETTERS, "en") is None
    one_short = "a " * (MIN_LETTERS - 1) + "!"
    assert f"({MIN_LETTERS - 1} letters)" in language_warning(one_short, "en")
    assert language_warning("ab", "ar") is None  # Arabic script is counted, not guessed
