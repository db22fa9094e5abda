from pipeline.ontology_data import load_lexicon
from pipeline.resolution.generic_agencies import generic_reference

LEX = load_lexicon()


def test_demonym_and_kind_word_in_three_languages():
    for text, country in (("British intelligence", "country/GB"), ("الاستخبارات البريطانية", "country/GB"),
                          ("services de renseignement français", "country/FR"),
                          ("جهاز الاستخبارات الفرنسي", "country/FR")):
        ref = generic_reference(text, LEX)
        assert ref is not None and ref[0] == country and "intelligence" in ref[1], text
    assert generic_reference("la police marocaine", LEX) == ("country/MA", frozenset({"police"}))
    for text in ("Forces armées tunisiennes", "القوات المسلحة التونسية", "Tunisian armed forces", "armées tunisiennes"):
        assert generic_reference(text, LEX) == ("country/TN", frozenset({"defence"})), text


def test_specific_names_and_names_without_a_country_are_not_references():
    assert generic_reference("Secret Intelligence Service", LEX) is None
    assert generic_reference("intelligence", LEX) is None
    assert generic_reference("Italian government", LEX) is None
    # the recognizer's country stands in for a demonym it already read
    assert generic_reference("intelligence", LEX, "country/GB")[0] == "country/GB"


def test_stateless_names_are_names_any_state_may_bear():
    from pipeline.resolution.generic_agencies import is_stateless_name
    for text in ("National Police", "Interior Ministry", "the Coast Guard", "الحرس الوطني", "ministères de l'Intérieur",
                 "المديرية العامة للأمن الوطني"):
        assert is_stateless_name(text, LEX), text
    for text in ("Guardia Civil", "Egyptian Navy", "Belgian police", "Office central pour la répression du banditisme",
                 "Mossad"):
        assert not is_stateless_name(text, LEX), text
