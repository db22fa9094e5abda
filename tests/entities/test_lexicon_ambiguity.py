"""Names that are also common words (lexicon ``ambiguous_forms``) need context."""
import pytest

from pipeline.nlp import get_nlp


def _lexicon(lang, text):
    doc = get_nlp(lang)(text)
    return [(s.text, s.kb_id_) for s in doc.spans["lexicon"]], [s.kb_id_ for s in doc.spans["demonyms"]]


@pytest.mark.parametrize("text", ["قدم الاتحاد دعما مالي للمشروع", "هذا الدعم مالي وتقني"])
def test_common_word_reading_is_not_a_country(text):
    names, _ = _lexicon("ar", text)
    assert ("مالي", "country/ML") not in names


@pytest.mark.parametrize("text", ["انتشرت القوات في مالي منذ سنوات", "تعاون بين مالي والنيجر وتشاد"])
def test_place_reading_in_context_is_a_country(text):
    names, _ = _lexicon("ar", text)
    assert ("مالي", "country/ML") in names


def test_ambiguous_demonym_is_not_bound():
    _, demonyms = _lexicon("ar", "أعلنت وزارة المالية عن ميزانية جديدة")
    assert "country/ML" not in demonyms


def test_unambiguous_mention_elsewhere_licenses_the_short_form():
    names, _ = _lexicon("ar", "أعلنت جمهورية مالي أمس. وقال مسؤول إن مالي ستشارك")
    assert [k for _, k in names].count("country/ML") == 2


def test_common_word_is_not_a_city_after_a_preposition():
    doc = get_nlp("ar")("وقع الطرفان اتفاقا في إطار التعاون الأمني")
    assert [s.text for s in doc.spans["lexicon"]] == []


def test_one_reading_as_a_name_carries_to_the_other_mentions():
    doc = get_nlp("en")("Chad's army said the rebels attacked troops in Chad.")
    assert [s.text for s in doc.spans["lexicon"] if s.label_ == "Country"] == ["Chad", "Chad"]


@pytest.mark.parametrize("text", ["تنشط الجماعات المسلحة في الساحل منذ عقد.", "انسحبت القوات من الساحل، بحسب البيان."])
def test_a_frequent_word_naming_a_region_after_a_place_cue_is_the_region(text):
    doc = get_nlp("ar")(text)
    assert [(s.text, s.kb_id_) for s in doc.spans["lexicon"]] == [("الساحل", "location/sahel")]


@pytest.mark.parametrize("text", ["وصل القارب إلى الساحل الإيطالي ليلا.", "تقع المدينة على الساحل الشرقي للبلاد."])
def test_a_coast_with_its_adjective_is_no_region(text):
    doc = get_nlp("ar")(text)
    assert "location/sahel" not in [s.kb_id_ for s in doc.spans["lexicon"]]


@pytest.mark.parametrize("text", ["غرق قارب في مياه المتوسط ليلا.", "أنقذت البحرية مهاجرين قبالة سواحل المتوسط."])
def test_waters_and_off_the_coast_of_read_a_sea(text):
    # المتوسط is also "the average": "the waters of", "off", "the coasts of" read the sea
    doc = get_nlp("ar")(text)
    assert "location/mediterranean-sea" in [s.kb_id_ for s in doc.spans["lexicon"]]


def test_off_the_coast_of_is_a_locative_for_a_small_city():
    from pipeline.entities.recognize import recognize_entities
    from pipeline.model import Document

    text = "اعترضت البحرية قاربا قبالة أصيلة فجر اليوم."
    found = [(m.text, m.type) for m in recognize_entities(get_nlp("ar")(text), Document(id="t", text=text, lang="ar"))]
    assert ("أصيلة", "City") in found


# Towns GeoNames' cities15000 leaves out (curated town entries) and bases, crossings, country forms.
@pytest.mark.parametrize("lang, text, name, kb", [
    ("ar", "قتل جنديان في هجوم قرب تساليت شمال مالي.", "تساليت", "city/ml-tessalit"),
    ("en", "Troops withdrew from Ménaka and In Guezzam last week.", "In Guezzam", "city/dz-in-guezzam"),
    ("fr", "Une attaque a visé un poste militaire à Tinzaouatène.", "Tinzaouatène", "city/ml-tinzaouaten"),
    ("en", "Fighting in the Democratic Republic of Congo displaced thousands.", "Democratic Republic of Congo", "country/CD"),
    ("fr", "Le président de la Côte d’Ivoire a reçu son homologue.", "Côte d’Ivoire", "country/CI"),
    ("en", "Drones struck Al Udeid Air Base in Qatar.", "Al Udeid Air Base", "location/al-udeid"),
    ("ar", "أغلقت السلطات معبر رأس جدير الحدودي مع ليبيا.", "معبر رأس جدير الحدودي", "location/ras-jedir"),
])
def test_small_towns_bases_and_crossings_are_places(lang, text, name, kb):
    doc = get_nlp(lang)(text)
    assert (name, kb) in [(s.text, s.kb_id_) for s in doc.spans["lexicon"]]


@pytest.mark.parametrize("lang, text, kb", [
    ("ar", "نصب النازحون الخيام على أطراف المدينة.", "city/lb-khiam"),  # "the tents"
    ("en", "Tata Motors sold trucks to the army.", "city/2529362"),  # a company's name
    ("en", "The Mocha coffee was served.", "city/78751"),
    ("fr", "Le chef Chami a parlé devant la foule.", "city/mr-chami"),  # a person's name
])
def test_a_town_named_like_a_common_word_needs_context(lang, text, kb):
    doc = get_nlp(lang)(text)
    assert kb not in [s.kb_id_ for s in doc.spans["lexicon"]]


@pytest.mark.parametrize("lang, text, name, kb", [
    ("ar", "سقطت قذائف على الخيام ومرجعيون.", "الخيام", "city/lb-khiam"),
    ("en", "Houthi forces near Mocha fired missiles.", "Mocha", "city/78751"),
])
def test_a_place_cue_reads_the_town(lang, text, name, kb):
    doc = get_nlp(lang)(text)
    assert (name, kb) in [(s.text, s.kb_id_) for s in doc.spans["lexicon"]]
