"""``agency_country``: an agency belongs to the state named after "affiliated to"."""
import pytest


@pytest.mark.parametrize("lang, text, expected", [
    # the Arabic body's name stops before التابع: the state after it is the agency's
    ("ar", "أعلن الدرك الوطني التابع للجزائر توقيف شبكة للتهريب.", ("الدرك الوطني", "agencyOf", "للجزائر")),
])
def test_an_agency_affiliated_to_a_state(extract, lang, text, expected):
    triples, _ = extract(lang, text)
    assert expected in triples, triples


def test_affiliation_to_a_ministry_gives_no_state(extract):
    triples, _ = extract("ar", "وقالت المديرية العامة للأمن الوطني التابعة لوزارة الداخلية إن التحقيق مستمر.")
    assert not any(t[1] == "agencyOf" for t in triples), triples
