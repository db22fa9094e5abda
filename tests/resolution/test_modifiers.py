from pipeline.ontology_data import Lexicon, LexiconEntry
from pipeline.resolution.modifiers import bare_key, reduced_forms

LEXICON = Lexicon([
    LexiconEntry(id="country/EG", type="Country", labels={"en": "Egypt", "ar": "مصر"}, aliases={"en": ["A.R.E."]},
                 country="EG", iso3166="EG", demonyms={"en": ["Egyptian"], "ar": ["المصري", "المصرية"],
                                                       "fr": ["égyptienne"]}),
    LexiconEntry(id="country/ML", type="Country", labels={"en": "Mali", "fr": "Mali"}, country="ML", iso3166="ML"),
    LexiconEntry(id="location/europe", type="Location", labels={"en": "Europe"}, demonyms={"en": ["European"]}),
])


def test_state_body_loses_a_leading_or_trailing_country_modifier():
    assert reduced_forms("the Egyptian Navy", "agency", LEXICON) == {"navy"}
    assert reduced_forms("القوات البحرية المصرية", "agency", LEXICON) == {"قوات بحريه"}
    assert reduced_forms("la Marine nationale égyptienne", "agency", LEXICON) == {"marine nationale"}
    assert reduced_forms("A.R.E. Navy", "agency", LEXICON) == {"navy"}
    assert reduced_forms("the Army of Mali", "agency", LEXICON) == {"army"}
    assert reduced_forms("l'armée du Mali", "agency", LEXICON) == {"armee"}


def test_region_adjectives_and_name_words_are_not_modifiers():
    assert reduced_forms("European Commission", "agency", LEXICON) == set()
    assert reduced_forms("الحرس الوطني", "agency", LEXICON) == set()
    assert reduced_forms("Mali", "agency", LEXICON) == set()  # nothing would be left
    assert reduced_forms("the liaison office in Mali", "agency", LEXICON) == set()  # where, not whose


def test_place_loses_descriptive_adjectives_but_keeps_a_head_and_a_name():
    assert reduced_forms("مطار الحمامات الدولي", "place", LEXICON) == {"مطار حمامات"}
    assert reduced_forms("Sfax International Airport", "place", LEXICON) == {"sfax airport"}
    assert reduced_forms("base aérienne de Sfax", "place", LEXICON) == {"base de sfax"}
    assert reduced_forms("القاعدة الجوية", "place", LEXICON) == set()
    assert reduced_forms("Egyptian Sinai", "place", LEXICON) == set()


def test_bare_key_drops_a_leading_article():
    assert bare_key("the Navy") == bare_key("Navy") == "navy"
    assert bare_key("la Marine") == "marine"
    assert bare_key("البحرية") == "بحريه"


def test_a_country_possessive_is_a_modifier_and_leaves_the_name():
    from pipeline.resolution.modifiers import possessive_name
    assert reduced_forms("Egypt's Navy", "agency", LEXICON) == {"navy"}
    assert possessive_name("Egypt's Navy", LEXICON) == "Navy"
    assert possessive_name("Sisi's Navy", LEXICON) is None
