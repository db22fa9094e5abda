from pipeline.language.nlp import get_nlp


def heads(lang, text):
    doc = get_nlp(lang)(text)
    return {s.text: (s.label_, s.kb_id_) for s in doc.spans["heads"]}


def test_arabic_agency_with_lam_complement():
    found = heads("ar", "أعلنت المديرية العامة للأمن الوطني عن توقيف")
    assert found == {"المديرية العامة للأمن الوطني": ("GovernmentAgency", "")}


def test_arabic_generic_ministry_bound_to_demonym_country():
    found = heads("ar", "وقالت وزارة الداخلية الفرنسية إن")
    assert found["وزارة الداخلية الفرنسية"] == ("GovernmentAgency", "country/FR")


def test_arabic_head_needing_a_country_alone_is_not_an_entity():
    assert heads("ar", "وقالت الحكومة إن الشرطة تحقق") == {}
    assert heads("ar", "وقالت الحكومة الفرنسية إن")["الحكومة الفرنسية"][0] == "GovernmentAgency"


def test_arabic_newspaper_takes_its_quoted_name():
    found = heads("ar", "وذكرت صحيفة «لوموند» أن")
    assert found == {"لوموند": ("Organization", "")}


def test_french_ministry_with_demonym_and_complement():
    found = heads("fr", "Le ministère espagnol de l’Intérieur a confirmé.")
    assert found["ministère espagnol de l’Intérieur"] == ("GovernmentAgency", "country/ES")


def test_french_lowercase_generic_head_is_not_a_name():
    assert heads("fr", "Les services de sécurité ont réagi.") == {}


def test_english_capitalized_words_before_head_and_demonym():
    found = heads("en", "Troops of the Egyptian armed forces met the Kenyan Coast Guard.")
    assert found["Egyptian armed forces"][0] == "GovernmentAgency"
    assert found["Kenyan Coast Guard"] == ("GovernmentAgency", "country/KE")


def test_english_head_that_only_modifies_a_noun():
    assert "U.S. service" not in heads("en", "Over 200 U.S. service members arrived.")
