"""Shorter forms of a name: the name without the modifiers a longer form adds on top.

Reads ``ontology/resolution/modifiers.yaml`` and the lexicon's countries and demonyms.
:func:`reduced_forms` gives the name keys (:func:`pipeline.resolution.resolve.name_key`
form: normalized, the Arabic article cut) a name still answers to once its modifiers are
cut: for a state body a country's demonym or name before or after it (the Libyan Coast
Guard -> coast guard, جهاز حرس الحدود الليبي -> جهاز حرس حدود, Garde nationale
tunisienne -> garde nationale), for a place the descriptive adjectives of its kind (معبر
رأس جدير الحدودي -> معبر رأس جدير, Carthage International Airport -> carthage airport).
The resolver joins a longer form to the one shorter form of the document it reduces to.

Usage::

    from pipeline.ontology_data import load_lexicon
    from pipeline.resolution.modifiers import reduced_forms
    reduced_forms("the Libyan Coast Guard", "agency", load_lexicon())         # {'coast guard'}
    reduced_forms("معبر رأس جدير الحدودي", "place", load_lexicon())          # {'معبر راس جدير'}
    reduced_forms("الأمن الوطني", "agency", load_lexicon())                   # set()
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from pipeline.language.morphology import strip_article
from pipeline.language.normalize import normalize_key
from pipeline.ontology_data import Lexicon, modifiers

MAX_COUNTRY_WORDS = 3
_POSSESSIVE = re.compile(r"^(?:[Tt]he\s+)?(\S+(?:\s+\S+){0,2}?)['’]s?\s+(\S.*)$")


@lru_cache(maxsize=1)
def _settings(path: str | None = None) -> dict[str, Any]:
    data = modifiers(path)

    def words(items) -> frozenset[str]:
        return frozenset(w for item in items or [] for w in normalize_key(str(item)).split())

    return {
        "descriptive": words(w for forms in (data.get("descriptive") or {}).values() for w in forms or []),
        "min_words": int(data.get("min_words_after_descriptive", 2)),
        "articles": words(data.get("leading_articles")),
        "prepositions": words(data.get("country_prepositions")),
        "country_articles": words(data.get("country_articles")),
        "locatives": words(data.get("locatives")),
        "possessive": words(data.get("possessive")),
    }


def _key(words: list[str]) -> str:
    return " ".join(strip_article(w, min_length=4) for w in words)


def _is_country(words: list[str], lexicon: Lexicon) -> bool:
    """The words name a country (Libya, ليبيا, U.S., United States)."""
    joined = " ".join(words)
    for key in {joined, joined.replace(" ", ""), strip_article(joined)}:
        if any(lexicon.entries[i].type == "Country" for i in lexicon.by_name.get(key, ())):
            return True
    return False


def _is_demonym(word: str, lexicon: Lexicon) -> bool:
    """A country's demonym (Libyan, الليبي, tunisienne), not a region's (European)."""
    found = lexicon.demonym_country(word)
    return found is not None and found in lexicon.entries and lexicon.entries[found].type == "Country"


def _country_lead(words: list[str], lexicon: Lexicon) -> int:
    """How many leading words are a country's demonym or name, with its possessive
    (Libyan; U.S.; Cyprus's), 0 if none."""
    if words and _is_demonym(words[0], lexicon):
        return 1
    for size in range(min(MAX_COUNTRY_WORDS, len(words) - 1), 0, -1):
        if _is_country(words[:size], lexicon):
            if size < len(words) - 1 and words[size] in _settings()["possessive"]:
                return size + 1
            return size
    return 0


def possessive_name(text: str, lexicon: Lexicon) -> str | None:
    """The name after a country's possessive (Cyprus's National Guard -> National Guard),
    as written; None when ``text`` does not start with one."""
    found = _POSSESSIVE.match(text.strip())
    if not found or not _is_country(normalize_key(found.group(1)).split(), lexicon):
        return None
    return found.group(2)


def _country_tail(words: list[str], lexicon: Lexicon) -> int:
    """How many trailing words are a country's demonym or name, with the preposition and
    article before a name (الليبي; of Libya; de la Tunisie), 0 if none."""
    s = _settings()
    if words and _is_demonym(words[-1], lexicon):
        return 1
    for size in range(min(MAX_COUNTRY_WORDS, len(words) - 1), 0, -1):
        if not _is_country(words[-size:], lexicon):
            continue
        at = len(words) - size
        if at > 0 and words[at - 1] in s["locatives"]:
            return 0
        if at > 0 and words[at - 1] in s["country_articles"]:
            at -= 1
        if at > 0 and words[at - 1] in s["prepositions"]:
            at -= 1
        return len(words) - at
    return 0


def _without_countries(words: list[str], lexicon: Lexicon) -> list[list[str]]:
    """The organization name with its country modifiers cut, first the leading one, then
    the trailing ones (the Libyan Coast Guard; Garde nationale tunisienne)."""
    out: list[list[str]] = []
    lead = _country_lead(words, lexicon)
    if lead and len(words) - lead >= 1:
        words = words[lead:]
        out.append(words)
    while len(words) > 1:
        tail = _country_tail(words, lexicon)
        if not tail or len(words) - tail < 1:
            break
        words = words[:-tail]
        out.append(words)
    return out


def _without_descriptive(words: list[str]) -> list[list[str]]:
    """The place name with its descriptive adjectives cut: trailing ones (head-first
    languages), then every one past the first word (English puts them before the head)."""
    s = _settings()
    desc, out = s["descriptive"], []
    trailing = list(words)
    while len(trailing) > 1 and trailing[-1] in desc:
        trailing = trailing[:-1]
    inner = [words[0]] + [w for w in words[1:] if w not in desc]
    for form in (trailing, inner):
        if len(form) < len(words) and len(form) >= s["min_words"] and form not in out:
            out.append(form)
    return out


def reduced_forms(name: str, kind: str, lexicon: Lexicon) -> frozenset[str]:
    """Name keys of the shorter forms ``name`` reduces to (empty when it has no modifier);
    ``kind`` is ``agency`` (a state body) or ``place``."""
    words = normalize_key(name).split()
    while words and words[0] in _settings()["articles"] and len(words) > 1:
        words = words[1:]
    if kind == "agency":
        forms = _without_countries(words, lexicon)
    elif kind == "place":
        forms = _without_descriptive(words)
    else:
        forms = []
    full = _key(words)
    return frozenset(k for k in (_key(f) for f in forms) if k and k != full)


def bare_key(name: str) -> str:
    """The name key of ``name`` without a leading Latin article (the Coast Guard -> coast guard)."""
    words = normalize_key(name).split()
    while words and words[0] in _settings()["articles"] and len(words) > 1:
        words = words[1:]
    return _key(words)
