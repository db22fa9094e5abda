"""The owner of the data under ``ontology/``: paths, loaders and the gazetteer.

Every stage reads ontology files through this package, never with its own ``open`` or
``yaml.safe_load``: :mod:`pipeline.ontology_data.files` has the paths (``ONTOLOGY_DIR`` is
defined there, once) and one cached, schema-checked loader per file;
:mod:`pipeline.ontology_data.lexicon` reads the gazetteer of ``ontology/lexicons/``.

Usage::

    from pipeline.ontology_data import load_lexicon, person_titles
    person_titles()["en"][:2]                          # ['Mr.', 'Mr']
    load_lexicon().entries["country/MA"].labels["ar"]   # 'المغرب'
"""
from pipeline.ontology_data.files import (
    AR_COMMON_WORDS_FILE,
    JSONLD_CONTEXT_FILE,
    LEXICON_DIR,
    MODELS_DIR,
    ONTOLOGY_DIR,
    ONTOLOGY_FILE,
    PATTERNS_DIR,
    RELATION_MODEL_FILE,
    EVENT_MODEL_FILE,
    FRAME_MODEL_FILE,
    RESOLUTION_DIR,
    SCHEMAS,
    SHAPES_FILE,
    OntologyFileError,
    QUERIES_DIR,
    cue_families,
    datelines,
    dependency_cues,
    domains,
    example_queries,
    ontology_terms,
    entity_function_words,
    entity_heads,
    event_heads,
    event_kinds,
    event_phrases,
    event_phrases_ar,
    event_signings,
    generic_agencies,
    given_names,
    jsonld_context,
    memberships,
    state_leaders,
    load_yaml,
    model_entity_filters,
    modifiers,
    months,
    named_events,
    numbered_groups,
    person_roles,
    person_titles,
    place_context_cues,
    public_figures,
    relative_dates,
    reporting_verbs,
    relation_words,
    resolution_settings,
    transliteration,
    word_list,
)
from pipeline.ontology_data.lexicon import LANGS, Lexicon, LexiconEntry, load_lexicon, read_entries

__all__ = [
    "AR_COMMON_WORDS_FILE", "JSONLD_CONTEXT_FILE", "LANGS", "LEXICON_DIR", "MODELS_DIR", "EVENT_MODEL_FILE", "FRAME_MODEL_FILE",
    "ONTOLOGY_DIR", "ONTOLOGY_FILE", "PATTERNS_DIR", "QUERIES_DIR", "RELATION_MODEL_FILE", "RESOLUTION_DIR", "SCHEMAS", "SHAPES_FILE",
    "Lexicon", "LexiconEntry", "OntologyFileError",
    "cue_families", "datelines", "domains", "example_queries", "ontology_terms", "entity_function_words", "entity_heads", "event_heads", "event_kinds",
    "event_phrases", "event_phrases_ar", "event_signings", "generic_agencies", "given_names",
    "jsonld_context",
    "load_lexicon", "load_yaml", "memberships", "state_leaders", "model_entity_filters", "modifiers", "months", "named_events", "numbered_groups", "person_roles",
    "person_titles", "place_context_cues", "public_figures", "read_entries", "relation_words", "relative_dates", "reporting_verbs", "resolution_settings", "transliteration", "word_list",
]
