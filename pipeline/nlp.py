"""The spaCy pipeline of each language, built once per process: the language's own pipeline
(:mod:`pipeline.language.models`) followed by the shared entity components.

The assembly sits above both layers: ``language/`` knows no entity component, and the
entity components know nothing of how a language's pipeline is made.

- every pipeline gets ``lexicon_matcher``, ``entity_patterns``, ``head_noun_patterns``,
  ``event_patterns``, ``event_phrases`` (events read from the dependency parse; it finds
  nothing where there is no parse: Arabic), ``arabic_event_phrases`` (Arabic only; empty
  elsewhere), ``event_signings`` (agreement signings) and ``event_lexicon`` (named events of a
  curated lexicon, last: the rules before it keep their extents), which read their data through
  :mod:`pipeline.ontology_data`;
- the Arabic clitic splitter also splits a proclitic off a lexicon name's first word
  (وفرنسا -> و + فرنسا) and off a place head that takes an unquoted name or an
  organization head that takes a quoted one (بقاعدة -> ب + قاعدة, لصحيفة -> ل + صحيفة,
  ``entity_heads.yaml``), off an event head (لهجمات -> ل + هجمات, ``event_heads.yaml``) and off
  an indefinite person title (ووزيرة -> و + وزيرة), unless the whole word is a known word (وزير is no و + زير).

Usage::

    from pipeline.nlp import get_nlp
    doc = get_nlp("fr")("La DGSI coopère avec le Maroc.")
"""
from __future__ import annotations

import threading

from spacy.language import Language

from pipeline.language.models import language_nlp
from pipeline.language.morphology import ARTICLE, PROCLITICS
from pipeline.language.normalize import normalize
from pipeline.ontology_data import (entity_heads, event_heads, given_names, load_lexicon, named_events, person_titles,
                                    public_figures)

ENTITY_COMPONENTS = ("lexicon_matcher", "entity_patterns", "head_noun_patterns", "event_patterns", "event_phrases",
                     "arabic_event_phrases", "event_signings", "event_lexicon")

_lock = threading.Lock()
_cache: dict[str, Language] = {}


def _register_components() -> None:
    # Importing the modules registers their factories with spaCy.
    import pipeline.entities.lexicon_matcher  # noqa: F401
    import pipeline.entities.patterns  # noqa: F401
    import pipeline.entities.head_nouns  # noqa: F401
    import pipeline.entities.events  # noqa: F401
    import pipeline.entities.event_lexicon  # noqa: F401
    import pipeline.entities.event_phrases  # noqa: F401
    import pipeline.entities.event_phrases_ar  # noqa: F401
    import pipeline.entities.signings  # noqa: F401


def arabic_stems() -> set[str]:
    """First words of the lexicon's names (without the article), of the place and
    organization heads of ``entity_heads.yaml`` that take a name and of the indefinite
    person titles and of the words of public figures' names, which the clitic splitter
    may find after a proclitic; a listed whole word (وزير، لجنة) is not a proclitic plus a
    lexicon stem (و + زير)."""
    from pipeline.entities.tokens import known_arabic_words

    stems = set()
    for entry in load_lexicon().entries.values():
        for text, _, _ in entry.surface_forms():
            first = normalize(text).split()[:1]
            if first and not first[0].startswith(ARTICLE):
                stems.add(first[0])
    for spec in (entity_heads().get("ar") or {}).values():
        stems |= {normalize(h).split()[0] for h in spec.get("unquoted_name") or []}
        if spec.get("quoted_name"):  # لصحيفة «لوموند»: ل + صحيفة
            stems |= {normalize(h).split()[0] for h in spec.get("heads") or [] if not normalize(h).startswith(ARTICLE)}
    # an event head after a proclitic (لهجمات 13 نوفمبر، وهجوم بروكسل، بعملية «X»): ل + هجمات
    # and a titled event's first word (لكأس أمم إفريقيا، وكأس العالم 2030): ل + كأس
    ar_events = event_heads().get("ar") or {}
    stems |= {normalize(h).split()[0] for h in (ar_events.get("heads") or []) + (ar_events.get("titled") or [])
              if not normalize(h).startswith(ARTICLE)}
    # a named event's first word after a proclitic (وبرخان، بمؤتمر ميونخ للأمن): و + برخان
    stems |= {normalize(form).split()[0] for item in named_events()["events"] for form in item["names"].get("ar") or []
              if not normalize(form).startswith(ARTICLE)}
    # و + a title in a list of officials (ووزيرة الخارجية X): و + وزيرة
    stems |= {normalize(t).split()[0] for t in person_titles().get("ar") or [] if not normalize(t).startswith(ARTICLE)}
    # a preposition on a public figure's name (بماكرون، لزيلينسكي): ب + ماكرون (words of five
    # letters or more, which no proclitic + a stem of the lists writes by chance)
    stems |= {w for w in arabic_public_figure_words() if len(w) >= 5}
    stems -= {w[len(c):] for w in known_arabic_words() for c in PROCLITICS if w.startswith(c)}
    return stems


def arabic_given_names() -> set[str]:
    """The one-word given names of ``given_names.yaml`` in Arabic script (``ar`` and
    ``ar_foreign``): the clitic splitter keeps them whole (فالتر is no ف + التر)."""
    names = given_names()
    return {normalize(w) for key in ("ar", "ar_foreign") for w in names.get(key) or [] if " " not in w.strip()}


def arabic_public_figure_words() -> set[str]:
    """The words of the full names of ``public_figures.yaml`` (``ar``), the article-led ones
    left out: the clitic splitter keeps them whole and splits only و/ف off them (وماكرون ->
    و + ماكرون; لحبيب, Lahbib, is no ل + حبيب)."""
    figures = public_figures()
    return {w for name in (figures.get("ar") or []) + (figures.get("ar_surnames") or []) for w in normalize(name).split()
            if len(w) >= 3 and not w.startswith(ARTICLE)}


def build_nlp(lang: str) -> Language:
    """A fresh pipeline for ``lang`` (heavy: loads models and lexicons)."""
    _register_components()
    nlp = language_nlp(lang, arabic_stems() if lang == "ar" else ())
    if lang == "ar":
        nlp.get_pipe("arabic_clitic_splitter").keep_whole(arabic_given_names() | arabic_public_figure_words())
    for name in ENTITY_COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def get_nlp(lang: str) -> Language:
    """The shared pipeline for ``lang``, built on first use."""
    with _lock:
        if lang not in _cache:
            _cache[lang] = build_nlp(lang)
        return _cache[lang]
