"""Each registered entity component built alone on ``spacy.blank(lang)`` with tiny data files,
as spaCy tests its own components: what it assigns, exactly (spans, labels, offsets, records).

Arabic pipelines add the ``arabic_normalizer`` first: the components match on ``token.norm_``.
"""
import json

import pytest
import spacy

import pipeline.entities.events  # noqa: F401  (registers the factories)
import pipeline.entities.head_nouns  # noqa: F401
import pipeline.entities.lexicon_matcher  # noqa: F401
import pipeline.entities.patterns  # noqa: F401
import pipeline.language.arabic  # noqa: F401
from pipeline.entities.records import EventName, HeadName, PersonCue

LEXICON = [
    {"id": "country/MA", "type": "Country", "labels": {"en": "Morocco", "fr": "Maroc", "ar": "المغرب"},
     "demonyms": {"en": ["Moroccan"], "fr": ["marocain"]}, "country": "MA", "iso3166": "MA"},
    {"id": "agency/fr-dgsi", "type": "GovernmentAgency",
     "labels": {"fr": "Direction générale de la sécurité intérieure"}, "acronyms": ["DGSI"], "country": "FR"},
]
HEADS = """
ar:
  GovernmentAgency:
    heads: [المديرية العامة]
  Organization:
    heads: [صحيفة]
    quoted_name: true
fr:
  GovernmentAgency:
    heads: [ministère]
en:
  GovernmentAgency:
    heads: [Ministry]
"""
EVENTS = """
ar:
  heads: [هجمات]
fr:
  heads: [opération]
en:
  heads: [Exercise]
"""
TITLES = """
ar: [السيد]
fr: [le ministre]
en: [President]
"""
ROLES = """
ar: [مستشار]
fr: [ambassadeur]
en: [spokesman]
"""


@pytest.fixture
def data(tmp_path):
    """Paths of the tiny data files, by name."""
    (tmp_path / "lexicon").mkdir()
    (tmp_path / "lexicon" / "tiny.jsonl").write_text("\n".join(json.dumps(e, ensure_ascii=False) for e in LEXICON),
                                                     encoding="utf-8")
    # Named as the project's files, so the ontology-data owner checks them against the same schemas.
    files = {"heads": ("entity_heads.yaml", HEADS), "events": ("event_heads.yaml", EVENTS),
             "titles": ("person_titles.yaml", TITLES), "roles": ("person_roles.yaml", ROLES),
             "given": ("given_names.yaml", "ar: [محمد]\n"),
             "cues": ("place_context_cues.yaml", "ar: [في]\nfr: [à]\nen: [in]\n"),
             "common": ("ar_common_words.txt", "# none\n")}
    paths = {"lexicon": str(tmp_path / "lexicon")}
    for key, (name, text) in files.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths[key] = str(path)
    return paths


def blank(lang):
    nlp = spacy.blank(lang)
    if lang == "ar":
        nlp.add_pipe("arabic_normalizer")
    return nlp


def offsets(spans):
    return [(s.text, s.start_char, s.end_char, s.label_, s.kb_id_) for s in spans]


# -- lexicon_matcher -------------------------------------------------------------------------------
def lexicon_nlp(lang, data):
    nlp = blank(lang)
    nlp.add_pipe("lexicon_matcher", config={"lexicon_dir": data["lexicon"], "context_cues_path": data["cues"],
                                            "common_words_path": data["common"]})
    return nlp


def test_lexicon_matcher_marks_names_and_acronyms_with_their_ids(data):
    doc = lexicon_nlp("fr", data)("La DGSI et le Maroc.")
    assert offsets(doc.spans["lexicon"]) == [("DGSI", 3, 7, "GovernmentAgency", "agency/fr-dgsi"),
                                             ("Maroc", 14, 19, "Country", "country/MA")]
    assert [s._.lexicon_ids for s in doc.spans["lexicon"]] == [("agency/fr-dgsi",), ("country/MA",)]
    assert list(doc.spans["demonyms"]) == []


def test_lexicon_matcher_marks_demonyms_with_their_country(data):
    doc = lexicon_nlp("en", data)("Moroccan police met in Rabat.")
    assert offsets(doc.spans["demonyms"]) == [("Moroccan", 0, 8, "Demonym", "country/MA")]


def test_lexicon_matcher_reads_arabic_names(data):
    doc = lexicon_nlp("ar", data)("زار الوفد المغرب أمس")
    assert offsets(doc.spans["lexicon"]) == [("المغرب", 10, 16, "Country", "country/MA")]


def test_lexicon_matcher_wants_latin_names_capitalized(data):
    doc = lexicon_nlp("fr", data)("le maroc et la dgsi. Le Maroc.")
    assert [s.text for s in doc.spans["lexicon"]] == ["Maroc"]


# -- head_noun_patterns ----------------------------------------------------------------------------
def heads_nlp(lang, data):
    nlp = blank(lang)
    nlp.add_pipe("head_noun_patterns", config={"heads_path": data["heads"], "common_words_path": data["common"]})
    return nlp


def test_head_noun_patterns_arabic_head_with_definite_complement(data):
    doc = heads_nlp("ar", data)("أعلنت المديرية العامة الوطنية عن توقيف")
    assert offsets(doc.spans["heads"]) == [("المديرية العامة الوطنية", 6, 29, "GovernmentAgency", "")]
    assert doc.spans["heads"][0]._.head_name == HeadName("المديريه العامه")


def test_head_noun_patterns_arabic_quoted_name(data):
    doc = heads_nlp("ar", data)("وذكرت صحيفة «لوموند» أن")
    assert offsets(doc.spans["heads"]) == [("لوموند", 13, 19, "Organization", "")]
    assert doc.spans["heads"][0]._.head_name == HeadName("صحيفه", quoted=True)


def test_head_noun_patterns_french_head_with_capitalized_complement(data):
    doc = heads_nlp("fr", data)("Le ministère de l'Intérieur a confirmé.")
    assert offsets(doc.spans["heads"]) == [("ministère de l'Intérieur", 3, 27, "GovernmentAgency", "")]
    assert doc.spans["heads"][0]._.head_name.head == "ministere"


def test_head_noun_patterns_english_head_with_of_complement(data):
    doc = heads_nlp("en", data)("Officials of the Ministry of Defence said.")
    assert offsets(doc.spans["heads"]) == [("Ministry of Defence", 17, 36, "GovernmentAgency", "")]


def test_head_noun_patterns_english_country_in_the_name_is_its_kb_id(data):
    nlp = lexicon_nlp("en", data)
    nlp.add_pipe("head_noun_patterns", config={"heads_path": data["heads"], "common_words_path": data["common"]})
    doc = nlp("The Moroccan Ministry said.")
    assert offsets(doc.spans["heads"]) == [("Moroccan Ministry", 4, 21, "GovernmentAgency", "country/MA")]
    assert doc.spans["heads"][0]._.head_name.country == "country/MA"


def test_head_noun_patterns_bare_head_is_no_name(data):
    doc = heads_nlp("fr", data)("Le ministère a confirmé. Le ministère de l'Intérieur aussi.")
    assert [s.text for s in doc.spans["heads"]] == ["ministère de l'Intérieur"]


# -- event_patterns --------------------------------------------------------------------------------
def events_nlp(lang, data):
    nlp = blank(lang)
    nlp.add_pipe("event_patterns", config={"heads_path": data["events"], "common_words_path": data["common"]})
    return nlp


def test_event_patterns_arabic_quoted_name_and_year(data):
    doc = events_nlp("ar", data)("خلال هجمات «نيس» سنة 2016 قتل العشرات")
    assert offsets(doc.spans["events"]) == [("نيس", 12, 15, "Event", "")]
    assert doc.spans["events"][0]._.event_name == EventName("نيس", "هجمات", "2016")


def test_event_patterns_french_capitalized_name(data):
    doc = events_nlp("fr", data)("Les soldats de l'opération Barkhane au Mali.")
    assert offsets(doc.spans["events"]) == [("opération Barkhane", 17, 35, "Event", "")]
    assert doc.spans["events"][0]._.event_name == EventName("Barkhane", "operation", None)


def test_event_patterns_english_name_keeps_its_year(data):
    doc = events_nlp("en", data)("Troops joined Exercise African Lion 2022 in Morocco.")
    assert offsets(doc.spans["events"]) == [("Exercise African Lion 2022", 14, 40, "Event", "")]
    assert doc.spans["events"][0]._.event_name == EventName("African Lion 2022", "exercise", "2022")


def test_event_patterns_head_alone_is_no_event(data):
    doc = events_nlp("en", data)("The exercise went well. Exercise Sea Breeze began.")
    assert [s.text for s in doc.spans["events"]] == ["Exercise Sea Breeze"]


# -- entity_patterns -------------------------------------------------------------------------------
def persons_nlp(lang, data):
    nlp = blank(lang)
    nlp.add_pipe("entity_patterns", config={
        "titles_path": data["titles"], "roles_path": data["roles"], "given_names_path": data["given"],
        "heads_path": data["heads"], "common_words_path": data["common"]})
    return nlp


def test_entity_patterns_arabic_name_after_title(data):
    doc = persons_nlp("ar", data)("قال السيد عبد اللطيف حموشي إن")
    assert offsets(doc.spans["patterns"]) == [("عبد اللطيف حموشي", 10, 26, "Person", "")]
    assert doc.spans["patterns"][0]._.person_cue == PersonCue("title", "السيد")


def test_entity_patterns_arabic_given_name(data):
    doc = persons_nlp("ar", data)("واستقبل الوفد محمد بن سلمان.")
    assert [s.text for s in doc.spans["patterns"]] == ["محمد بن سلمان"]
    assert doc.spans["patterns"][0]._.person_cue == PersonCue("given_name")


def test_entity_patterns_french_name_after_title(data):
    doc = persons_nlp("fr", data)("Selon le ministre Jean Dupont, la situation est calme.")
    assert offsets(doc.spans["patterns"]) == [("Jean Dupont", 18, 29, "Person", "")]
    assert doc.spans["patterns"][0]._.person_cue == PersonCue("title", "le ministre")


def test_entity_patterns_english_name_before_role(data):
    doc = persons_nlp("en", data)("Officials met John Smith, spokesman for the group.")
    assert offsets(doc.spans["patterns"]) == [("John Smith", 14, 24, "Person", "")]
    assert doc.spans["patterns"][0]._.person_cue == PersonCue("apposition", "spokesman")


def test_entity_patterns_lowercase_words_after_title_are_no_name(data):
    doc = persons_nlp("en", data)("The President said nothing. President Joe Biden spoke.")
    assert [s.text for s in doc.spans["patterns"]] == ["Joe Biden"]


# -- registration ----------------------------------------------------------------------------------
@pytest.mark.parametrize("factory,assigned", [
    ("lexicon_matcher", "span._.lexicon_ids"), ("head_noun_patterns", "span._.head_name"),
    ("event_patterns", "span._.event_name"), ("entity_patterns", "span._.person_cue"),
])
def test_components_declare_what_they_assign(factory, assigned):
    meta = spacy.blank("en").get_factory_meta(factory)
    assert meta.assigns == ["doc.spans", assigned]
