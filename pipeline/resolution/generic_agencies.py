"""National references: "British intelligence" is the one British intelligence agency the
document names.

Reads ``ontology/resolution/generic_agencies.yaml``. :func:`generic_reference` tells whether
a name is only a kind word (intelligence, police, customs...) with fillers (service,
جهاز) and its country's demonym (الاستخبارات البريطانية, les services de renseignement
français), and returns the country and the lexicon agency kinds it may stand for. The
resolver joins such a mention to an agency of that country and kind only when the document
names exactly one.

Usage::

    from pipeline.ontology_data import load_lexicon
    from pipeline.resolution.generic_agencies import generic_reference
    generic_reference("British intelligence", load_lexicon())
    # ('country/GB', frozenset({'intelligence', 'security'}))
    generic_reference("Secret Intelligence Service", load_lexicon())   # None
    is_stateless_name("National Police", load_lexicon())                # True
    is_stateless_name("Guardia Civil", load_lexicon())                  # False

:func:`is_stateless_name` tells whether a state body's name is one any state may bear (the
lexicon gives it to several entries or as a shared form, or it is only kind words, fillers
and the ``stateless_words``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.language.morphology import strip_article
from pipeline.language.normalize import normalize_key
from pipeline.ontology_data import Lexicon, generic_agencies



def _words(text: str) -> tuple[str, ...]:
    words = normalize_key(re.sub(r"[-'’]", " ", text)).split()
    return tuple(strip_article(w, min_length=4) for w in words)


@lru_cache(maxsize=1)
def _settings(path: str | None = None) -> tuple[dict[tuple[str, ...], frozenset[str]], frozenset[str]]:
    data = generic_agencies(path)
    kinds: dict[tuple[str, ...], frozenset[str]] = {}
    for spec in (data.get("kinds") or {}).values():
        for word in spec.get("words") or []:
            kinds[_words(str(word))] = frozenset(spec.get("agency_kinds") or [])
    fillers = frozenset(w for f in data.get("fillers") or [] for w in _words(str(f)))
    return kinds, fillers


@lru_cache(maxsize=1)
def _stateless(path: str | None = None) -> tuple[tuple[tuple[str, ...], ...], frozenset[str], frozenset[str]]:
    data = generic_agencies(path)
    kinds = {_words(str(w)) for spec in (data.get("kinds") or {}).values() for w in spec.get("words") or []}
    fillers = frozenset(w for f in data.get("fillers") or [] for w in _words(str(f)))
    stateless = frozenset(w for f in data.get("stateless_words") or [] for w in _words(str(f)))
    return tuple(sorted((k for k in kinds if k), key=lambda k: (-len(k), k))), fillers, stateless


def is_stateless_name(text: str, lexicon: Lexicon) -> bool:
    """True when ``text`` names no state body of its own: the lexicon gives it to several
    entries or as a form they share, or its words are kind words (police, coast guard),
    fillers and stateless words (national, ministry, interior) only."""
    entries = lexicon.lookup(text)
    if len(entries) > 1 or any(e.generic or e.is_generic_form(text) for e in entries):
        return True
    kinds, fillers, stateless = _stateless()
    words = [w for w in _words(text) if w not in fillers]
    if not words:
        return False
    i, rest = 0, []
    while i < len(words):
        kind = next((k for k in kinds if tuple(words[i:i + len(k)]) == k), None)
        if kind:
            i += len(kind)
            continue
        rest.append(words[i])
        i += 1
    return all(w in stateless for w in rest)


def generic_reference(text: str, lexicon: Lexicon, country: str | None = None) -> tuple[str, frozenset[str]] | None:
    """``(country id, agency kinds)`` when ``text`` is a kind word, fillers and one country's
    demonym (or the recognizer's ``country``), else None."""
    kinds, fillers = _settings()
    raw = normalize_key(re.sub(r"[-'’]", " ", text)).split()
    countries = set()
    rest: list[str] = []
    for word, bare in zip(raw, _words(text)):
        found = lexicon.demonym_country(word) or lexicon.demonym_country(bare)
        if found:
            countries.add(found)
        elif bare not in fillers:
            rest.append(bare)
    if country:
        countries.add(country)
    if len(countries) != 1 or not rest:
        return None
    agency_kinds = kinds.get(tuple(rest))
    return (countries.pop(), agency_kinds) if agency_kinds else None
