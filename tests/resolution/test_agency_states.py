"""Whose agency: the state a text gives an agency's mention, and that state's entry."""
from pipeline.model import MentionAttrs
from pipeline.ontology_data import Lexicon, LexiconEntry
from pipeline.resolution.agency_states import entry_of_state, stated_country
from pipeline.resolution.resolve import resolve_entities
from tests.resolution.test_resolve import entity_with

STATES = Lexicon([
    LexiconEntry(id="country/FR", type="Country", labels={"en": "France", "fr": "France"}, country="FR", iso3166="FR",
                 demonyms={"fr": ["français", "française"], "en": ["French"]}),
    LexiconEntry(id="country/DZ", type="Country", labels={"en": "Algeria", "fr": "Algérie"}, country="DZ",
                 iso3166="DZ", demonyms={"fr": ["algérien", "algérienne"], "en": ["Algerian"]}),
    LexiconEntry(id="country/NE", type="Country", labels={"en": "Niger", "fr": "Niger"}, country="NE", iso3166="NE",
                 demonyms={"fr": ["nigérien", "nigérienne"]}),
    LexiconEntry(id="country/TN", type="Country", labels={"en": "Tunisia", "fr": "Tunisie"}, country="TN",
                 iso3166="TN", demonyms={"fr": ["tunisien", "tunisienne"]}),
    LexiconEntry(id="country/TR", type="Country", labels={"en": "Turkey"}, country="TR", iso3166="TR",
                 ambiguous_forms={"en": ["Turkey"]}),
    LexiconEntry(id="country/EG", type="Country", labels={"en": "Egypt"}, country="EG", iso3166="EG"),
    LexiconEntry(id="agency/fr-dgsi", type="GovernmentAgency", country="FR", acronyms=["DGSI"],
                 labels={"en": "General Directorate for Internal Security",
                         "fr": "Direction générale de la sécurité intérieure"},
                 generic_forms={"acronyms": ["DGSI"]}),
    LexiconEntry(id="agency/dz-dgsi", type="GovernmentAgency", country="DZ", acronyms=["DGSI"],
                 labels={"en": "General Directorate of Internal Security (Algeria)",
                         "fr": "Direction générale de la sécurité intérieure (Algérie)"},
                 generic_forms={"acronyms": ["DGSI"]}),
    LexiconEntry(id="agency/tn-garde-nationale", type="GovernmentAgency", country="TN",
                 labels={"en": "National Guard (Tunisia)", "fr": "Garde nationale"},
                 generic_forms={"fr": ["Garde nationale"]}),
    LexiconEntry(id="agency/tr-interior", type="GovernmentAgency", country="TR", generic=True,
                 labels={"en": "Ministry of Interior"}, aliases={"en": ["Interior Ministry"]}),
    LexiconEntry(id="agency/eg-interior", type="GovernmentAgency", country="EG", generic=True,
                 labels={"en": "Ministry of Interior"}, aliases={"en": ["Interior Ministry"]}),
])


def at(text: str, name: str) -> tuple[int, int]:
    start = text.index(name)
    return start, start + len(name)


def test_the_state_given_by_the_demonym_after_the_name_past_its_short_name():
    text = "la Direction générale de la sécurité intérieure (DGSI) algérienne a reçu le signalement"
    name = "Direction générale de la sécurité intérieure"
    assert stated_country(text, *at(text, name), name, STATES) == "country/DZ"
    text = "la DGSI française"
    assert stated_country(text, *at(text, "DGSI"), "DGSI", STATES) == "country/FR"


def test_the_state_named_in_the_name_or_by_a_possessive_before_it():
    text = "la Garde nationale du Niger patrouille"
    assert stated_country(text, *at(text, "Garde nationale du Niger"), "Garde nationale du Niger", STATES) == "country/NE"
    # Turkey is also a bird: a possessive before an agency's name reads it as the country
    text = "Turkey's Interior Ministry said"
    assert stated_country(text, *at(text, "Interior Ministry"), "Interior Ministry", STATES) == "country/TR"
    text = "the Interior Ministry said"
    assert stated_country(text, *at(text, "Interior Ministry"), "Interior Ministry", STATES) is None
    # the recognizer's country comes first
    assert stated_country(text, *at(text, "Interior Ministry"), "Interior Ministry", STATES, "country/EG") == "country/EG"


def test_the_entry_of_the_state_among_the_entries_sharing_the_name():
    name = "Direction générale de la sécurité intérieure"
    assert entry_of_state(name, "country/DZ", STATES) == "agency/dz-dgsi"
    assert entry_of_state(name, "country/FR", STATES) == "agency/fr-dgsi"
    assert entry_of_state("Garde nationale", "country/NE", STATES) is None


def mention_doc(doc_id: str, text: str, *items: tuple):
    """A result with mentions ``(surface, type, key, attrs)`` found in ``text``."""
    from pipeline.model import Document, DocumentResult, Mention
    mentions = []
    for i, (surface, typ, key, attrs) in enumerate(items):
        start, end = at(text, surface)
        mentions.append(Mention(id=f"{doc_id}#{i}", document=doc_id, start=start, end=end, text=surface, type=typ,
                                lang="fr", key=key, attrs=MentionAttrs(**attrs)))
    return DocumentResult(document=Document(id=doc_id, text=text, lang="fr"), mentions=mentions)


def test_an_agency_name_several_states_share_resolves_to_the_state_the_text_names():
    text = ("La Direction générale de la sécurité intérieure (DGSI) algérienne a transmis le signalement "
            "à la France.")
    result = mention_doc("a", text,
                         ("Direction générale de la sécurité intérieure", "GovernmentAgency", "agency/fr-dgsi", {}),
                         ("DGSI", "GovernmentAgency", None, {}), ("France", "Country", "country/FR", {}))
    entities, _ = resolve_entities([result], STATES)
    dgsi = entity_with(entities, "DGSI")
    assert dgsi.id == "agency/dz-dgsi" and "Direction générale de la sécurité intérieure" in dgsi.aliases
    assert not any(e.id == "agency/fr-dgsi" for e in entities)


def test_another_states_body_of_a_shared_name_is_not_the_lexicon_entry():
    text = "Le ministre a confié l'enquête à la Garde nationale du Niger à Niamey."
    result = mention_doc("a", text, ("Garde nationale du Niger", "GovernmentAgency", None,
                                     {"country": "country/NE", "generic_of": "agency/tn-garde-nationale"}))
    entities, _ = resolve_entities([result], STATES)
    guard = entity_with(entities, "Garde nationale du Niger")
    assert guard.id != "agency/tn-garde-nationale" and guard.key is None


def test_a_stateless_name_resolves_by_a_possessive_else_stays_in_its_document():
    entities, _ = resolve_entities([
        mention_doc("a", "Turkey's Interior Ministry said on Monday.", ("Interior Ministry", "GovernmentAgency", None, {})),
        mention_doc("b", "The Interior Ministry said on Monday.", ("Interior Ministry", "GovernmentAgency", None, {})),
        mention_doc("c", "The Interior Ministry denied it.", ("Interior Ministry", "GovernmentAgency", None, {})),
    ], STATES)
    assert next(e for e in entities if e.id == "agency/tr-interior").documents == ["a"]
    bare = sorted(e.documents for e in entities if e.id != "agency/tr-interior")
    assert bare == [["b"], ["c"]]
    assert len({e.id for e in entities}) == 3


def test_the_state_demonym_closing_the_name_is_left_out_to_find_that_states_entry():
    from pipeline.resolution.agency_states import without_state
    name = "Direction générale de la sécurité intérieure algérienne"
    assert without_state(name, "country/DZ", STATES) == "Direction générale de la sécurité intérieure"
    assert without_state(name, "country/FR", STATES) == name
    assert entry_of_state(name, "country/DZ", STATES) == "agency/dz-dgsi"
    assert entry_of_state("DGSI française", "country/FR", STATES) == "agency/fr-dgsi"
    assert entry_of_state("DGSI française", "country/DZ", STATES) is None
