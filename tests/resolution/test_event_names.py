from pipeline.resolution.event_names import event_signature


def test_head_nouns_and_years_are_cut_from_both_ends():
    assert event_signature("Exercise Bright Star 2017") == ("bright star", "2017", "exercise")
    assert event_signature("Bright Star 2017") == ("bright star", "2017", None)
    assert event_signature("the Bright Star exercise") == ("bright star", None, "exercise")
    assert event_signature("attentats de Paris").core == "paris"


def test_arabic_head_and_the_recognizers_year_and_head():
    sig = event_signature("أحداث باتاكلان", year="2015")
    assert sig.core == "باتاكلان" and sig.year == "2015" and sig.head is not None
    assert event_signature("Kafo II", head="opération").head == "operation"


def test_qualifiers_are_cut_only_when_asked():
    assert event_signature("opération française Barkhane").core == "francaise barkhane"
    sig = event_signature("opération française Barkhane", is_qualifier=lambda w: w == "francaise")
    assert sig.core == "barkhane"
