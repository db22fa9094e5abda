"""Event names reduced to what tells one event from another: core name, year, head noun.

Reads the event head nouns of ``ontology/patterns/event_heads.yaml`` (all languages) and the
function words of ``ontology/resolution/resolution.yaml``. "Exercise Bright Star 2017",
"Bright Star 2017" and "the Bright Star exercise" share the core name ``bright star``; the
first two carry the year 2017, the first and last the head ``exercise``. The resolver joins
event names whose cores are equal when their years and heads do not disagree (see
:func:`pipeline.resolution.resolve.Resolver`).

Usage::

    from pipeline.resolution.event_names import event_signature
    event_signature("Exercise Bright Star 2017")   # EventSignature('bright star', '2017', 'exercise')
    event_signature("Bright Star 2017")            # EventSignature('bright star', '2017', None)
    event_signature("أحداث باتاكلان", year="2015").core   # 'باتاكلان'
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, NamedTuple

from pipeline import ontology_data
from pipeline.language.morphology import strip_article
from pipeline.language.normalize import normalize_key

_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)م?$")


class EventSignature(NamedTuple):
    core: str
    year: str | None
    head: str | None


def _word_key(word: str) -> str:
    return strip_article(word, min_length=4)


@lru_cache(maxsize=1)
def event_heads() -> frozenset[str]:
    """Every event head noun of every language, normalized, without the Arabic article."""
    data = ontology_data.event_heads()
    heads: set[str] = set()
    for lang in data.values():
        for head in (lang or {}).get("heads", []) or []:
            heads.add(" ".join(_word_key(w) for w in normalize_key(head).split()))
    return frozenset(heads)


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    words = {str(w).lower() for forms in ontology_data.resolution_settings()["function_words"].values() for w in forms}
    return frozenset(normalize_key(w) for w in words)


def event_signature(text: str, *, year: str | None = None, head: str | None = None,
                    is_qualifier: Callable[[str], bool] | None = None) -> EventSignature:
    """Core name of ``text`` (years, head nouns, function words and qualifiers such as
    demonyms cut from both ends; years cut anywhere), its year and its head noun.
    ``year`` and ``head`` given by the recognizer win over those read from the text."""
    words = [_word_key(w) for w in normalize_key(re.sub(r"[«»\"“”'’‘()]", " ", text)).split()]
    years = [w[:4] for w in words if _YEAR.match(w)]
    words = [w for w in words if not _YEAR.match(w)]
    heads = event_heads()
    found_head: str | None = None
    changed = True
    while words and changed:
        changed = False
        for end in (0, -1):
            if not words:
                break
            w = words[end]
            if w in heads:
                found_head = found_head or w
            elif not (w in _function_words() or (is_qualifier is not None and is_qualifier(w))):
                continue
            words.pop(end)
            changed = True
    head_key = " ".join(_word_key(w) for w in normalize_key(head).split()) if head else found_head
    return EventSignature(" ".join(words), year or (years[0] if years else None), head_key or None)
