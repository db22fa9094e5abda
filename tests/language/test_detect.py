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
