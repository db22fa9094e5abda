from pipeline.language.nlp import get_nlp


def events(lang, text):
    doc = get_nlp(lang)(text)
    info = doc.user_data["event_names"]
    return {s.text: info[(s.start_char, s.end_char)] for s in doc.spans["events"]}


def test_arabic_quoted_event_name_and_year():
    found = events("ar", "خلال هجمات «نيس» سنة 2016 قتل العشرات")
    assert list(found) == ["نيس"]
    assert found["نيس"]["year"] == "2016"


def test_arabic_operation_named_by_a_word_not_a_verb():
    assert "عملية إيريني" in events("ar", "في إطار عملية إيريني الأوروبية")
    assert events("ar", "وهي عملية أطلقت لوقف الهجرة") == {}


def test_french_operation_with_demonym_and_naming_participle():
    assert "opération française Serval" in events("fr", "Les soldats de l’opération française Serval au Mali.")
    assert list(events("fr", "L'opération, baptisée Sentinelle, a commencé.")) == ["Sentinelle"]


def test_english_exercise_keeps_its_year_and_generic_head_is_nothing():
    found = events("en", "Troops joined Exercise African Lion 2022 in Morocco.")
    assert found["Exercise African Lion 2022"]["year"] == "2022"
    assert events("en", "The operation was a success.") == {}
