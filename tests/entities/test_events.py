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


def test_arabic_quoted_name_after_head_adjectives_and_named_only_heads():
    found = events("ar", 'بدأت فعاليات التدريب الجزائري التونسي المشترك "درع الصحراء 2" أمس')
    assert list(found) == ["درع الصحراء 2"]
    assert events("ar", "واصل التدريب ضباط الجيش") == {}


def test_arabic_meeting_or_deal_with_a_bare_word_is_not_an_event():
    assert events("ar", "خلال اجتماع عقداه في الرباط") == {}
    assert events("ar", "رفضت الحكومة أي اتفاق ملزم بشأن المياه") == {}
    assert events("ar", "ونفذت القوات عملية مشتركة") == {}


def test_numbered_sessions_are_events():
    assert "الدورة الخامسة عشرة" in events("ar", "افتتحت الدورة الخامسة عشرة للجنة المشتركة")
    assert "7th session" in events("en", "The 7th session of the joint commission opened.")


def test_place_complement_and_place_before_head():
    assert "attentat de Sousse" in events("fr", "L'enquête sur l'attentat de Sousse avance.")
    assert "Madrid bombings" in events("en", "A year after the Madrid bombings, police said.")
    assert events("en", "The attack on the convoy failed.") == {}


def test_capitalized_name_with_year_in_an_event_apposition():
    found = events("en", "Sailors joined Sea Breeze 2021, a multinational naval exercise in the Black Sea.")
    assert "Sea Breeze 2021" in found and found["Sea Breeze 2021"]["year"] == "2021"
    assert events("en", "Officials presented Vision 2030, a plan for the economy.") == {}
