import pytest

from pipeline.language.detect import detect_language


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


def test_arabic_varieties_are_arabic():
    # Under half Arabic letters: the model decides, and calls this Moroccan Arabic (ary).
    mixed = ("أكد وزير الداخلية أن التعاون الأمني بين المغرب وفرنسا متين في مكافحة الإرهاب. "
             "La coopération sécuritaire entre le Maroc et la France s'est renforcée à Paris. "
             "Morocco and France signed a security cooperation agreement in Rabat on Monday.")
    assert detect_language(mixed)[0] == "ar"
