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


@pytest.fixture
def build(data):
    """``build(lang, *factories)``: a blank pipeline with those components, each given the
    tiny files (Arabic: the normalizer first, the components match on ``token.norm_``)."""
    configs = {
        "lexicon_matcher": {"lexicon_dir": data["lexicon"], "context_cues_path": data["cues"],
                            "common_words_path": data["common"]},
        "head_noun_patterns": {"heads_path": data["heads"], "common_words_path": data["common"]},
        "event_patterns": {"heads_path": data["events"], "common_words_path": data["common"]},
        "entity_patterns": {"titles_path": data["titles"], "roles_path": data["roles"],
                            "given_names_path": data["given"], "heads_path": data["heads"],
                            "common_words_path": data["common"]},
    }

    def make(lang, *factories):
        nlp = spacy.blank(lang)
        if lang == "ar":
            nlp.add_pipe("arabic_normalizer")
        for factory in factories:
            nlp.add_pipe(factory, config=configs[factory])
        return nlp
    return make


def offsets(spans):
    return [(s.text, s.start_char, s.end_char, s.label_, s.kb_id_) for s in spans]


# Each case: the language, the text, then every span the component assigns as
# (text, start_char, end_char, label, kb_id) and the record on each. A case whose names
# are fewer than its head or title words shows what is no name.
CASES = {
    ("lexicon_matcher", "lexicon", "lexicon_ids"): [
        ("fr", "La DGSI et le Maroc.",
         [("DGSI", 3, 7, "GovernmentAgency", "agency/fr-dgsi"), ("Maroc", 14, 19, "Country", "country/MA")],
         [("agency/fr-dgsi",), ("country/MA",)]),
        ("ar", "زار الوفد المغرب أمس", [("المغرب", 10, 16, "Country", "country/MA")], [("country/MA",)]),
        # Latin names must be capitalized: "le maroc", "la dgsi" are no names
        ("fr", "le maroc et la dgsi. Le Maroc.", [("Maroc", 24, 29, "Country", "country/MA")], [("country/MA",)]),
    ],
    ("head_noun_patterns", "heads", "head_name"): [
        ("ar", "أعلنت المديرية العامة الوطنية عن توقيف",
         [("المديرية العامة الوطنية", 6, 29, "GovernmentAgency", "")], [HeadName("المديريه العامه")]),
        ("ar", "وذكرت صحيفة «لوموند» أن", [("لوموند", 13, 19, "Organization", "")], [HeadName("صحيفه", quoted=True)]),
        # a bare head names nothing
        ("fr", "Le ministère a confirmé. Le ministère de l'Intérieur aussi.",
         [("ministère de l'Intérieur", 28, 52, "GovernmentAgency", "")], [HeadName("ministere")]),
        ("en", "Officials of the Ministry of Defence said.",
         [("Ministry of Defence", 17, 36, "GovernmentAgency", "")], [HeadName("ministry")]),
    ],
    ("event_patterns", "events", "event_name"): [
        ("ar", "خلال هجمات «نيس» سنة 2016 قتل العشرات", [("نيس", 12, 15, "Event", "")],
         [EventName("نيس", "هجمات", "2016")]),
        ("fr", "Les soldats de l'opération Barkhane au Mali.", [("opération Barkhane", 17, 35, "Event", "")],
         [EventName("Barkhane", "operation")]),
        ("en", "Troops joined Exercise African Lion 2022 in Morocco.",
         [("Exercise African Lion 2022", 14, 40, "Event", "")], [EventName("African Lion 2022", "exercise", "2022")]),
        # a head alone is no event
        ("en", "The exercise went well. Exercise Sea Breeze began.",
         [("Exercise Sea Breeze", 24, 43, "Event", "")], [EventName("Sea Breeze", "exercise")]),
    ],
    ("entity_patterns", "patterns", "person_cue"): [
        ("ar", "قال السيد عبد اللطيف حموشي إن", [("عبد اللطيف حموشي", 10, 26, "Person", "")],
         [PersonCue("title", "السيد")]),
        ("ar", "واستقبل الوفد محمد بن سلمان.", [("محمد بن سلمان", 14, 27, "Person", "")], [PersonCue("given_name")]),
        ("fr", "Selon le ministre Jean Dupont, la situation est calme.", [("Jean Dupont", 18, 29, "Person", "")],
         [PersonCue("title", "le ministre")]),
        ("en", "Officials met John Smith, spokesman for the group.", [("John Smith", 14, 24, "Person", "")],
         [PersonCue("apposition", "spokesman")]),
        # lowercase words after a title are no name
        ("en", "The President said nothing. President Joe Biden spoke.", [("Joe Biden", 38, 47, "Person", "")],
         [PersonCue("title", "president")]),
    ],
}


@pytest.mark.parametrize("component,case", [(c, case) for c, cases in CASES.items() for case in cases],
                         ids=[f"{c[0]}-{case[0]}-{i}" for c, cases in CASES.items() for i, case in enumerate(cases)])
def test_component_assigns_spans_and_records(build, component, case):
    factory, key, extension = component
    lang, text, spans, records = case
    doc = build(lang, factory)(text)
    assert offsets(doc.spans[key]) == spans
    assert [getattr(s._, extension) for s in doc.spans[key]] == records


def test_lexicon_matcher_marks_demonyms_with_their_country(build):
    doc = build("en", "lexicon_matcher")("Moroccan police met in Rabat.")
    assert offsets(doc.spans["demonyms"]) == [("Moroccan", 0, 8, "Demonym", "country/MA")]


def test_head_noun_patterns_country_in_the_name_is_its_kb_id(build):
    doc = build("en", "lexicon_matcher", "head_noun_patterns")("The Moroccan Ministry said.")
    assert offsets(doc.spans["heads"]) == [("Moroccan Ministry", 4, 21, "GovernmentAgency", "country/MA")]
    assert doc.spans["heads"][0]._.head_name == HeadName("ministry", country="country/MA")


# -- registration ----------------------------------------------------------------------------------
@pytest.mark.parametrize("factory,assigned", [
    ("lexicon_matcher", "span._.lexicon_ids"), ("head_noun_patterns", "span._.head_name"),
    ("event_patterns", "span._.event_name"), ("entity_patterns", "span._.person_cue"),
])
def test_components_declare_what_they_assign(factory, assigned):
    meta = spacy.blank("en").get_factory_meta(factory)
    assert meta.assigns == ["doc.spans", assigned]
