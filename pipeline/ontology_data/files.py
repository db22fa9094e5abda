"""The files under ``ontology/``: where they are, and one cached, schema-checked loader each.

No other module opens an ontology file: a stage asks for ``person_titles()`` or
``months()`` and gets the parsed YAML, read once per process and path, its shape
(keys and value types) checked against :data:`SCHEMAS`. A file of the wrong shape raises
:class:`OntologyFileError` naming the file and the place inside it. Loaders that
components configure with a path (a tiny pattern file in a test) take ``path``; without it
they read the project's file.

The parsed data is shared by every caller: read it, never change it.

Usage::

    from pipeline.ontology_data import months, person_titles
    person_titles()["fr"][:2]       # ['M.', 'Mme']
    months()[1]["ar"][0]            # 'يناير'
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from pipeline.language.normalize import normalize

ONTOLOGY_DIR = Path(__file__).resolve().parents[2] / "ontology"
PATTERNS_DIR = ONTOLOGY_DIR / "patterns"
RESOLUTION_DIR = ONTOLOGY_DIR / "resolution"
LEXICON_DIR = ONTOLOGY_DIR / "lexicons"
AR_COMMON_WORDS_FILE = LEXICON_DIR / "curated" / "ar_common_words.txt"
JSONLD_CONTEXT_FILE = ONTOLOGY_DIR / "context.jsonld"
ONTOLOGY_FILE = ONTOLOGY_DIR / "doc2kg.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
QUERIES_DIR = ONTOLOGY_DIR / "queries"
# Trained models (pipeline/learned): built by `make train`, read by the run.
MODELS_DIR = ONTOLOGY_DIR / "models"
RELATION_MODEL_FILE = MODELS_DIR / "relations.json"
EVENT_MODEL_FILE = MODELS_DIR / "events.json"
FRAME_MODEL_FILE = MODELS_DIR / "frames.json"


class OntologyFileError(ValueError):
    """An ontology file whose content does not have the shape its readers expect."""


# --- shapes -------------------------------------------------------------------------------
# A shape is a type (str, int, float, bool), ``None`` (an empty YAML value), ``[shape]`` (a
# list; an empty value counts as an empty list), ``{key_type: shape}`` (a mapping, any keys
# of that type), a :class:`Fields` (named keys), a tuple (any one of its shapes) or ANY.
ANY = object()


@dataclass(frozen=True)
class Fields:
    """A mapping with named keys: ``required`` and ``optional`` ones, each with its shape;
    other keys are errors unless ``rest`` gives their shape."""

    required: dict[str, Any] = field(default_factory=dict)
    optional: dict[str, Any] = field(default_factory=dict)
    rest: Any = None


def _error(where: str, message: str) -> OntologyFileError:
    return OntologyFileError(f"{where or 'top level'}: {message}")


def check_shape(value: Any, shape: Any, where: str = "") -> None:
    """Raise :class:`OntologyFileError` unless ``value`` has ``shape``; the message names the
    place inside the value (``fr[1]``, ``kinds.police.words``), ``where`` being its own."""
    if shape is ANY:
        return
    if isinstance(shape, tuple):
        errors = []
        for option in shape:
            try:
                check_shape(value, option, where)
                return
            except OntologyFileError as error:
                errors.append(str(error))
        raise OntologyFileError(" / ".join(errors))
    if shape is None:
        if value is not None:
            raise _error(where, f"expected nothing, found {type(value).__name__}")
    elif isinstance(shape, list):
        if value is None:
            return
        if not isinstance(value, list):
            raise _error(where, f"expected a list, found {type(value).__name__}")
        for i, item in enumerate(value):
            check_shape(item, shape[0], f"{where}[{i}]")
    elif isinstance(shape, Fields):
        if not isinstance(value, dict):
            raise _error(where, f"expected a mapping, found {type(value).__name__}")
        missing = [k for k in shape.required if k not in value]
        if missing:
            raise _error(where, f"missing keys {missing}")
        for key, item in value.items():
            inner = shape.required.get(key, shape.optional.get(key, shape.rest))
            if inner is None and key not in shape.required and key not in shape.optional:
                raise _error(where, f"unknown key {key!r}")
            check_shape(item, inner, f"{where}.{key}" if where else str(key))
    elif isinstance(shape, dict):
        if not isinstance(value, dict):
            raise _error(where, f"expected a mapping, found {type(value).__name__}")
        ((key_type, inner),) = shape.items()
        for key, item in value.items():
            if not isinstance(key, key_type):
                raise _error(where, f"key {key!r} is not a {key_type.__name__}")
            check_shape(item, inner, f"{where}.{key}" if where else str(key))
    elif shape is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _error(where, f"expected a number, found {value!r}")
    elif isinstance(value, bool) is not (shape is bool) or not isinstance(value, shape):
        raise _error(where, f"expected {shape.__name__}, found {value!r}")


WORDS = [str]
WORDS_BY_LANG = {str: WORDS}
# Cue families: family -> language -> cues (relation_triggers.yaml and its siblings).
FAMILIES = {str: WORDS_BY_LANG}
_MONTH_FORMS = {int: WORDS_BY_LANG}

# The shape of every YAML file a loader reads, by path relative to ontology/.
SCHEMAS: dict[str, Any] = {
    "patterns/person_titles.yaml": WORDS_BY_LANG,
    "patterns/person_roles.yaml": WORDS_BY_LANG,
    "patterns/given_names.yaml": WORDS_BY_LANG,
    "patterns/public_figures.yaml": WORDS_BY_LANG,
    "patterns/place_context_cues.yaml": WORDS_BY_LANG,
    "patterns/model_entity_filters.yaml": WORDS_BY_LANG,
    "patterns/numbered_groups.yaml": {str: WORDS_BY_LANG},
    "patterns/event_heads.yaml": {str: WORDS_BY_LANG},
    "patterns/event_phrases.yaml": {str: WORDS_BY_LANG},
    "patterns/event_signings.yaml": {str: WORDS_BY_LANG},
    "patterns/event_kinds.yaml": Fields(required={
        "kinds": {str: WORDS_BY_LANG}, "single_day": WORDS, "ordinals": {str: {str: int}},
        "translations": [WORDS], "country_prefixes": {str: str}},
        optional={"relative": {str: WORDS_BY_LANG}}),
    "lexicons/named_events.yaml": Fields(required={
        "events": [Fields(required={"id": str, "names": WORDS_BY_LANG},
                          optional={"kind": str, "edition_only": WORDS, "numbered": bool, "series": bool})],
        "editions": {str: Fields(required={"words": WORDS, "links": WORDS}, optional={"year_cues": WORDS})}}),
    "patterns/event_phrases_ar.yaml": Fields(required={key: WORDS for key in (
        "heads", "stops", "bridges", "visit_links", "year_cues", "demonstratives", "anaphor_heads", "partitives", "time_anchors", "superlatives")},
        optional={key: WORDS for key in ("visit_relatives", "visit_verbs", "target_heads", "target_links", "target_verbs", "place_heads", "place_links",
                                               "gathering_heads", "gathering_members", "person_heads",
                                               "held_heads", "held_verbs", "held_links", "held_place_words", "held_hosts",
                                               "held_possessives", "single_anaphor_heads", "edition_heads", "edition_links",
                                               "edition_kinds", "session_kinds", "topic_links", "indefinite_target_heads",
                                               "target_blockers", "proceedings_cues", "proceedings_heads",
                                               "proceedings_parties", "proceedings_constructs", "placed_heads", "placed_qualifiers", "ordinal_before",
                                               "ordinal_before_heads", "ordinal_before_links", "placed_attack_heads", "placed_links", "dated_editions",
                                               "held_objects")}),
    "patterns/entity_function_words.yaml": Fields(
        required={key: WORDS for key in (
            "name_links", "kunya", "latin_name_particles", "arabic_name_particles", "age_after", "title_complement_links",
            "arabic_locatives", "place_prepositions", "name_connectors", "french_de", "french_et_de", "french_links", "year_cues",
            "naming", "event_complements", "articles", "demonstratives", "place_determiners", "of_place",
            "date_links", "naming_links", "target_links", "indefinite_articles", "apposition_articles",
            "role_articles", "title_place_links", "title_body_links", "title_destination_links",
            "name_continuations", "person_naming")} | {"town_of": WORDS_BY_LANG}),
    "patterns/entity_heads.yaml": Fields(
        required={lang: {str: {str: (WORDS, bool)}} for lang in ("ar", "fr", "en")},
        optional={"state_schools": {str: WORDS_BY_LANG}},
        rest=(WORDS, WORDS_BY_LANG)),
    "patterns/months.yaml": Fields(required={"range_words": WORDS}, optional={"weekdays": _MONTH_FORMS},
                                   rest=WORDS_BY_LANG),
    "patterns/domains.yaml": FAMILIES,
    "patterns/relation_triggers.yaml": FAMILIES,
    "patterns/relation_patterns.yaml": FAMILIES,
    "patterns/negation_hedges.yaml": FAMILIES,
    "patterns/event_relations.yaml": FAMILIES,
    "patterns/time_cues.yaml": FAMILIES,
    "patterns/relative_dates.yaml": FAMILIES,
    "patterns/datelines.yaml": Fields(required={"max_lines": int, "patterns": WORDS, "outlets": WORDS},
                                      optional={"unnamed_outlets": WORDS}),
    "patterns/dependency_cues.yaml": Fields(required={
        "cues": {str: {str: Fields(
            required={"words": WORDS, "pos": WORDS, "relations": WORDS, "head": WORDS, "tail": WORDS},
            optional={"object": WORDS, "among": bool, "through": WORDS})}}}),
    "patterns/relation_words.yaml": Fields(required={name: WORDS for name in (
        "possessive", "pair_joiners", "demonym_pair_joiners", "demonym_pair_marks", "list_filler",
        "list_conjunctions_ar", "object_prepositions_first", "object_prepositions_before_last",
        "elided_articles")}),
    "lexicons/memberships.yaml": {str: WORDS},
    "lexicons/state_leaders.yaml": {str: Fields(optional={"state_head": WORDS, "government_head": WORDS})},
    "resolution/generic_agencies.yaml": Fields(
        required={"kinds": {str: Fields(required={"agency_kinds": WORDS, "words": WORDS})}, "fillers": WORDS},
        optional={"stateless_words": WORDS}),
    "resolution/modifiers.yaml": Fields(
        required={"descriptive": WORDS_BY_LANG},
        optional={"min_words_after_descriptive": int, "leading_articles": WORDS, "country_prepositions": WORDS,
                  "country_articles": WORDS, "possessive": WORDS, "locatives": WORDS}),
    "resolution/resolution.yaml": Fields(
        required={"type_groups": WORDS_BY_LANG, "function_words": WORDS_BY_LANG},
        optional={"model_sources": WORDS, "transliterated_types": WORDS, "skeleton_threshold": float,
                  "skeleton_min_length": int, "latin_threshold": float, "surname_latin_threshold": float, "patronymic_links": WORDS, "window": int, "min_key_length": int,
                  "acronym_pattern": str, "place_connectors": WORDS, "latin_articles": WORDS}),
    "resolution/transliteration.yaml": Fields(
        required={"arabic": {str: (str, None)}, "latin_special": {str: str}, "latin_sequences": {str: (str, None)},
                  "latin_letters": {str: (str, None)}, "latin_articles": WORDS, "arabic_articles": WORDS,
                  "latin_abd_article": str},
        optional={"latin_particles": {str: str}, "arabic_long_vowels": {str: str},
                  "latin_vowels_for": WORDS_BY_LANG, "latin_long_vowels": WORDS_BY_LANG}),
}


def _schema_key(path: Path) -> str | None:
    """The :data:`SCHEMAS` key of ``path``: its place under ontology/, or for a file
    elsewhere (a test's tiny pattern file) the project file of the same name."""
    try:
        return path.resolve().relative_to(ONTOLOGY_DIR).as_posix()
    except ValueError:
        matches = [key for key in SCHEMAS if key.rsplit("/", 1)[-1] == path.name]
        return matches[0] if len(matches) == 1 else None


# libyaml's safe loader when PyYAML was built with it: the same data, ~7x less CPU at start-up
# (the pure-Python loader took ~0.6 s of every run for these files).
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=64)
def _read_yaml(path: str, schema_key: str | None) -> Any:
    file = Path(path)
    try:
        data = yaml.load(file.read_text(encoding="utf-8"), Loader=_SafeLoader)
    except yaml.YAMLError as error:
        raise OntologyFileError(f"{file}: not valid YAML: {error}") from error
    if schema_key is not None:
        try:
            check_shape(data, SCHEMAS[schema_key])
        except OntologyFileError as error:
            raise OntologyFileError(f"{file}: {error}") from None
    return data


def load_yaml(path: str | Path) -> Any:
    """The parsed YAML of ``path``, checked against its schema when it is one of
    :data:`SCHEMAS` (or carries the name of one), read once per process."""
    file = str(Path(path))
    return _read_yaml(file, _schema_key_of(file))


@lru_cache(maxsize=256)
def _schema_key_of(path: str) -> str | None:
    """:func:`_schema_key` of ``path``, once per path (``Path.resolve`` asks the file system:
    the loaders are called per document)."""
    return _schema_key(Path(path))


def _project_file(name: str, path: str | Path | None) -> Any:
    return load_yaml(path if path is not None else ONTOLOGY_DIR / name)


# --- one loader per file ------------------------------------------------------------------
def person_titles(path: str | Path | None = None) -> dict[str, list[str]]:
    """``patterns/person_titles.yaml``: titles before a person's name, per language (+ ``*_weak``)."""
    return _project_file("patterns/person_titles.yaml", path)


def person_roles(path: str | Path | None = None) -> dict[str, list[str]]:
    """``patterns/person_roles.yaml``: role nouns (a spokesman, an official), per language."""
    return _project_file("patterns/person_roles.yaml", path)


def given_names(path: str | Path | None = None) -> dict[str, list[str]]:
    """``patterns/given_names.yaml``: given names per language, and name stops."""
    return _project_file("patterns/given_names.yaml", path)


def public_figures(path: str | Path | None = None) -> dict[str, list[str]]:
    """``patterns/public_figures.yaml``: full names of public figures of security and
    diplomacy per script (``ar``: foreign and Arab officials written in Arabic letters)."""
    return _project_file("patterns/public_figures.yaml", path)


def place_context_cues(path: str | Path | None = None) -> dict[str, list[str]]:
    """``patterns/place_context_cues.yaml``: words that make an ambiguous place name a place."""
    return _project_file("patterns/place_context_cues.yaml", path)


def model_entity_filters(path: str | Path | None = None) -> dict[str, list[str]]:
    """``patterns/model_entity_filters.yaml``: statistical-model entities to drop or re-type."""
    return _project_file("patterns/model_entity_filters.yaml", path)


def numbered_groups(path: str | Path | None = None) -> dict[str, dict[str, list[str]]]:
    """``patterns/numbered_groups.yaml``: heads, members and numbers of numbered groups."""
    return _project_file("patterns/numbered_groups.yaml", path)


def event_heads(path: str | Path | None = None) -> dict[str, dict[str, list[str]]]:
    """``patterns/event_heads.yaml``: event head nouns and their cues, per language."""
    return _project_file("patterns/event_heads.yaml", path)


def event_phrases(path: str | Path | None = None) -> dict[str, dict[str, list[str]]]:
    """``patterns/event_phrases.yaml``: event head nouns read from the parse (fr, en), the
    dependency labels of an event phrase's extent and the words that single it out or not."""
    return _project_file("patterns/event_phrases.yaml", path)


def event_signings(path: str | Path | None = None) -> dict[str, dict[str, list[str]]]:
    """``patterns/event_signings.yaml``: the heads of signed texts and the signing verbs,
    participles and phrase words around them, per language."""
    return _project_file("patterns/event_signings.yaml", path)


def event_kinds(path: str | Path | None = None) -> dict[str, Any]:
    """``patterns/event_kinds.yaml``: event kinds by head noun, single-day kinds, ordinal
    words and translated names of recurring events (cross-document event identity)."""
    return _project_file("patterns/event_kinds.yaml", path)


def named_events(path: str | Path | None = None) -> dict[str, Any]:
    """``lexicons/named_events.yaml``: recurring and well-known named events (exercises,
    operations, fora, agreements) with their forms per language and kind, and the words of
    an edition written before or after their name."""
    return _project_file("lexicons/named_events.yaml", path)


def event_phrases_ar(path: str | Path | None = None) -> dict[str, list[str]]:
    """``patterns/event_phrases_ar.yaml``: Arabic event phrase heads, the words that end or
    bridge a phrase, demonstratives and anaphoric heads."""
    return _project_file("patterns/event_phrases_ar.yaml", path)


def entity_function_words(path: str | Path | None = None) -> dict[str, Any]:
    """``patterns/entity_function_words.yaml``: function words the entity recognizers read
    around names (name links, articles, prepositions, naming participles, year cues)."""
    return _project_file("patterns/entity_function_words.yaml", path)


def entity_heads(path: str | Path | None = None) -> dict[str, Any]:
    """``patterns/entity_heads.yaml``: agency, organization and place head nouns per language."""
    return _project_file("patterns/entity_heads.yaml", path)


def months(path: str | Path | None = None) -> dict[Any, Any]:
    """``patterns/months.yaml``: month number -> language -> names; ``weekdays`` likewise;
    ``range_words``, the words between two days of a range (1 to 14 September)."""
    return _project_file("patterns/months.yaml", path)


def relative_dates(path: str | Path | None = None) -> dict[str, dict[str, list[str]]]:
    """``patterns/relative_dates.yaml``: relative date words (yesterday, last month, a weekday's
    "last") -> language -> forms."""
    return _project_file("patterns/relative_dates.yaml", path)


def datelines(path: str | Path | None = None) -> dict[str, Any]:
    """``patterns/datelines.yaml``: dateline regexes (place, date, outlet) and known outlets."""
    return _project_file("patterns/datelines.yaml", path)


def domains(path: str | Path | None = None) -> dict[str, dict[str, list[str]]]:
    """``patterns/domains.yaml``: cooperation domain -> language -> keywords."""
    return _project_file("patterns/domains.yaml", path)


def cue_families(name: str, path: str | Path | None = None) -> dict[str, dict[str, list[str]]]:
    """A cue file of ``patterns/`` (``relation_triggers.yaml``, ``relation_patterns.yaml``,
    ``negation_hedges.yaml``, ``event_relations.yaml``, ``time_cues.yaml``): family -> language -> cues."""
    key = f"patterns/{name}"
    if SCHEMAS.get(key) is not FAMILIES:
        raise OntologyFileError(f"{ONTOLOGY_DIR / key}: not a cue file")
    return _project_file(key, path)


def reporting_verbs(lang: str, path: str | Path | None = None) -> frozenset[str]:
    """The one-word cues of saying of ``lang`` among the attribution cues of
    ``patterns/time_cues.yaml`` (``attribution_said``: قال، أكد، أعلن...; also the nouns of
    a statement it holds, بلاغ، بيان), their ``$`` anchors cut, cues of several words left
    out. Normalized, as in the cue file."""
    cues = (cue_families("time_cues.yaml", path).get("attribution_said") or {}).get(lang) or []
    return frozenset(w for w in (c.rstrip("$") for c in cues if " " not in c) if w.isalpha())


def relation_words(path: str | Path | None = None) -> dict[str, list[str]]:
    """``patterns/relation_words.yaml``: the closed word lists of the relation rules."""
    return _project_file("patterns/relation_words.yaml", path)


def dependency_cues(path: str | Path | None = None) -> dict[str, Any]:
    """``patterns/dependency_cues.yaml``: per language, cue words read on the dependency
    parse (fr, en) with the relation types they state and the dependents of each side."""
    return _project_file("patterns/dependency_cues.yaml", path)


def memberships(path: str | Path | None = None) -> dict[str, list[str]]:
    """``lexicons/memberships.yaml``: an international organization's lexicon id -> the ISO
    codes of its member states (a check on what a text says, never a fact on its own)."""
    return _project_file("lexicons/memberships.yaml", path)


def state_leaders(path: str | Path | None = None) -> dict[str, dict[str, list[str]]]:
    """``lexicons/state_leaders.yaml``: a state's ISO code -> its heads of state
    (``state_head``) and of government (``government_head``) since about 2000, each in the
    spellings of both scripts (a check on a title the text gives, never a fact on its own)."""
    return _project_file("lexicons/state_leaders.yaml", path)


def generic_agencies(path: str | Path | None = None) -> dict[str, Any]:
    """``resolution/generic_agencies.yaml``: kinds of agency a generic name may mean."""
    return _project_file("resolution/generic_agencies.yaml", path)


def modifiers(path: str | Path | None = None) -> dict[str, Any]:
    """``resolution/modifiers.yaml``: descriptive words, articles and prepositions of names."""
    return _project_file("resolution/modifiers.yaml", path)


def resolution_settings(path: str | Path | None = None) -> dict[str, Any]:
    """``resolution/resolution.yaml``: type groups, thresholds and function words of the resolver."""
    return _project_file("resolution/resolution.yaml", path)


def transliteration(path: str | Path | None = None) -> dict[str, Any]:
    """``resolution/transliteration.yaml``: the letter classes of the consonant skeletons."""
    return _project_file("resolution/transliteration.yaml", path)


@lru_cache(maxsize=4)
def word_list(path: str | Path = AR_COMMON_WORDS_FILE) -> frozenset[str]:
    """Normalized lines of a one-word-a-line file (``#`` comments skipped; a missing file is
    empty). Default: ``lexicons/curated/ar_common_words.txt``, common Arabic words."""
    file = Path(path)
    if not file.exists():
        return frozenset()
    lines = (line.strip() for line in file.read_text(encoding="utf-8").splitlines())
    return frozenset(normalize(line) for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def jsonld_context() -> dict[str, Any]:
    """The ``@context`` of ``context.jsonld``."""
    return json.loads(JSONLD_CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]


ONTOLOGY_NAMESPACE = "https://doc2kg.org/ontology#"


@lru_cache(maxsize=1)
def ontology_terms() -> frozenset[str]:
    """Local names of the ``d2k:`` terms ``doc2kg.ttl`` defines (classes and properties), e.g.
    ``"Country"``, ``"cooperatesWith"``: what ``doc2kg query`` checks a query's ``d2k:`` terms against."""
    from rdflib import Graph, URIRef

    graph = Graph().parse(ONTOLOGY_FILE, format="turtle")
    return frozenset(str(s)[len(ONTOLOGY_NAMESPACE):] for s in graph.subjects()
                     if isinstance(s, URIRef) and str(s).startswith(ONTOLOGY_NAMESPACE) and len(str(s)) > len(ONTOLOGY_NAMESPACE))


@lru_cache(maxsize=1)
def example_queries() -> dict[str, str]:
    """The example SPARQL queries of ``queries/*.rq``: file stem -> query text, sorted by name."""
    return {path.stem: path.read_text(encoding="utf-8") for path in sorted(QUERIES_DIR.glob("*.rq"))}
