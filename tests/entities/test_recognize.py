from pipeline.entities.recognize import recognize_entities
from pipeline.language.nlp import get_nlp
from pipeline.model import Document


def mentions(lang, text):
    document = Document(id="t", text=text, lang=lang)
    return recognize_entities(get_nlp(lang)(text), document)


def by_text(ms):
    return {m.text: m for m in ms}


def test_fused_lam_mention_keeps_the_lam_as_written():
    ms = by_text(mentions("ar", "المدير العام للأمن الوطني"))
    assert "للأمن الوطني" in ms or "المدير العام للأمن الوطني" not in ms
    assert not any(m.text.startswith("لأ") for m in ms.values())


def test_demonym_is_not_a_country_mention():
    ms = mentions("fr", "Les autorités marocaines et la France coopèrent.")
    assert [m.text for m in ms if m.type == "Country"] == ["France"]


def test_acronym_in_parentheses_is_bound_to_the_long_form():
    ms = mentions("fr", "La Direction générale de la sécurité extérieure (DGSE) a transmis des informations.")
    long_form = next(m for m in ms if m.text.startswith("Direction générale"))
    acronym = next(m for m in ms if m.text == "DGSE")
    assert long_form.type == "GovernmentAgency"
    assert long_form.attrs["acronym"] == "DGSE"
    assert acronym.attrs["long_form_of"] == long_form.id


def test_place_inside_a_longer_model_name_is_not_a_place_mention():
    ms = mentions("fr", "Le groupe Al-Qaida au Maghreb islamique a revendiqué l'attaque.")
    assert not any(m.text == "Maghreb" for m in ms)


def test_model_junk_is_dropped_and_elisions_trimmed():
    ms = mentions("fr", "C’est jusqu’à l’État qu’Alexandre Dumas a écrit.")
    texts = [m.text for m in ms]
    assert "État" not in texts and not any(t.startswith(("qu’", "jusqu’")) for t in texts)


def test_agency_gets_country_from_demonym():
    ms = mentions("ar", "أعلنت وزارة الداخلية الفرنسية توقيف خلية")
    agency = next(m for m in ms if m.type == "GovernmentAgency")
    assert agency.attrs["country"] == "country/FR"
    assert agency.key is None or agency.key.startswith("agency/")


def test_event_name_alias_and_later_model_mention_typed_as_event():
    ms = mentions("en", "Troops joined Exercise African Lion 2022 in Morocco. African Lion 2022 ended in June.")
    events = [m for m in ms if m.type == "Event"]
    assert events and events[0].attrs["year"] == "2022"
    assert all(m.type == "Event" for m in ms if "African Lion" in m.text)
