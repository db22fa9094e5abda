"""The named events of ontology/lexicons/named_events.yaml in the real pipelines of the three
languages: the series name, its edition joining the extent, and forms that need an edition."""
from pipeline.nlp import get_nlp


def events(lang, text):
    doc = get_nlp(lang)(text)
    return {s.text: s for s in doc.spans["events"]}


def test_an_exercise_with_its_year_after_and_an_operation_alone():
    found = events("en", "Navies from twelve states trained together in Cutlass Express 2023 while Barkhane wound down.")
    assert set(found) >= {"Cutlass Express 2023", "Barkhane"}
    assert found["Cutlass Express 2023"]._.event_name.year == "2023"
    assert found["Cutlass Express 2023"].kb_id_ == "event/cutlass-express"
    assert found["Barkhane"]._.event_name.year is None


def test_an_english_year_or_ordinal_before_a_forum_is_its_edition():
    found = events("en", "At the 2023 Manama Dialogue the minister met his peers; the 59th Munich Security Conference had closed.")
    assert found["2023 Manama Dialogue"]._.event_name.year == "2023"
    assert "59th Munich Security Conference" in found


def test_an_edition_phrase_joins_the_extent_in_french_and_arabic():
    fr = events("fr", "Le ministre a ouvert la 9e édition du Forum de Dakar lundi.")
    assert "9e édition du Forum de Dakar" in fr
    ar = events("ar", "افتتحت أمس الدورة الـ59 لمؤتمر ميونخ للأمن بحضور الوزير.")
    assert "الدورة الـ59 لمؤتمر ميونخ للأمن" in ar
    ar = events("ar", "اختتمت النسخة التاسعة عشرة من مناورات الأسد الإفريقي في طانطان.")
    assert "النسخة التاسعة عشرة من مناورات الأسد الإفريقي" in ar


def test_arabic_name_after_a_proclitic_and_a_year_after_a_cue_stays_out_of_the_extent():
    found = events("ar", "وشاركت وحدات من البحرية في مناورات نسيم البحر لعام 2021 بالبحر الأسود.")
    assert found["نسيم البحر"]._.event_name.year == "2021"
    found = events("ar", "وانسحبت قوات وبرخان من شمال مالي.")
    assert any(s.kb_id_ == "event/barkhane" and s.text == "برخان" for s in found.values())


def test_a_numbered_series_takes_its_number():
    assert "Medusa-12" in events("en", "Greek and Egyptian frigates sailed in Medusa-12 off Alexandria.")
    assert "نسور النيل-3" in events("ar", "انطلق التدريب المشترك نسور النيل-3 في قاعدة مروي.")


def test_a_form_that_is_a_common_word_needs_its_edition():
    assert "Marhaba 2022" in events("fr", "Plus de deux millions de passagers ont traversé pendant Marhaba 2022.")
    assert not any(s.kb_id_ for s in events("ar", "وقال مرحبا بكم في الرباط.").values())
    assert not any(s.kb_id_ for s in events("en", "Sophia Loren said Cleopatra was her favourite role.").values())


def test_a_lowercase_generic_before_a_capitalized_name_matches_and_lowercase_alone_does_not():
    found = events("fr", "Le plan Vigipirate a été relevé à Paris.")
    assert found["plan Vigipirate"].kb_id_ == "event/vigipirate"
    assert events("en", "A bright star rose over the desert storm.") == {}


def test_a_recurring_series_alone_is_no_mention_a_one_off_operation_alone_is():
    found = events("en", "Flintlock, held every year since 2005, trains Sahel armies; Takuba ended in 2022.")
    assert [s.kb_id_ for s in found.values() if s.kb_id_] == ["event/takuba"]
    assert "Flintlock 2024" in events("en", "Flintlock 2024 opened in Ghana.")


def test_the_component_alone_on_a_blank_pipeline():
    import spacy

    import pipeline.entities.event_lexicon  # noqa: F401  (registers the factory)

    nlp = spacy.blank("en")
    nlp.add_pipe("event_lexicon")
    doc = nlp("Troops joined African Lion 2024 in Agadir after Operation Barkhane ended.")
    assert [(s.text, s.kb_id_, s._.event_name.year) for s in doc.spans["events"]] == [
        ("African Lion 2024", "event/african-lion", "2024"), ("Operation Barkhane", "event/barkhane", None)]


def test_a_series_alone_beside_its_one_edition_is_a_mention():
    found = events("en", "Cutlass Express 2024 opened in Djibouti. Cutlass Express trains East African navies.")
    assert [s.text for s in found.values() if s.kb_id_] == ["Cutlass Express 2024", "Cutlass Express"]
    two = events("en", "Cutlass Express 2023 and Cutlass Express 2024 differ. Cutlass Express trains navies.")
    assert [s.text for s in two.values() if s.kb_id_] == ["Cutlass Express 2023", "Cutlass Express 2024"]
