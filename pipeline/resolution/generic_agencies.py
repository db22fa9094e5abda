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
