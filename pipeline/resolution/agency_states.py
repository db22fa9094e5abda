"""Whose agency: the state a text names at an agency's mention, and the lexicon entry of
that state among the entries that share the mention's name.

Several states give one name to their bodies (Direction générale de la sécurité intérieure:
France's and Algeria's; الحرس الوطني: Tunisia's, Niger's...). The lexicon gives each its
entry, and the name alone names one of them by chance. :func:`stated_country` reads the
state the text gives the mention itself: the recognizer's country, a country name or
demonym among the mention's words (Garde nationale du Niger), a country's possessive before
it (Turkey's Interior Ministry), or the demonym that follows it, past a short name in
parentheses ("la Direction générale de la sécurité intérieure
(DGSI) algérienne"). :func:`entry_of_state` is the one entry of that state that shares a
name with the mention (a label's trailing qualifier in parentheses left out, the state's
demonym that closes the mention too: المديرية العامة للأمن الوطني المغربية), or None: an
agency of a state the lexicon does not list under that name stays unresolved rather than
becoming another state's.

Usage::

    from pipeline.ontology_data import load_lexicon
    lex = load_lexicon()
    text = "la Direction générale de la sécurité intérieure (DGSI) algérienne"
    stated_country(text, 3, 47, "Direction générale de la sécurité intérieure", lex)  # 'country/DZ'
    entry_of_state("Direction générale de la sécurité intérieure", "country/DZ", lex)   # 'agency/dz-dgsi'
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from pipeline.language.morphology import strip_article
from pipeline.language.normalize import normalize_key
from pipeline.ontology_data import Lexicon

# After the mention: an optional short name in parentheses, then the next word.
_AFTER = re.compile(r"\s*(?:[(\[][^()\[\]\n]{1,15}[)\]]\s*)?[)\]]?\s*([^\W\d_][\w\-'’]*)")
_TRAILING_QUALIFIER = re.compile(r"\s*\([^()]*\)\s*$")
# Before the mention: a country's possessive (Turkey's Interior Ministry).
_POSSESSIVE = re.compile(r"([^\W\d_][\w\-]*)['’]s\s+$")


def _country_of_word(word: str, lexicon: Lexicon, *, in_context: bool = False) -> str | None:
    """The country a demonym or a country's name names; a name that is also a common word
    (Turkey, مالي) only ``in_context`` (a possessive before an agency's name)."""
    found = lexicon.demonym_country(word)
    if found:
        return found
    for key in {normalize_key(word), strip_article(normalize_key(word), min_length=4)}:
        for entry_id in lexicon.by_name.get(key, ()):
            entry = lexicon.entries[entry_id]
            if entry.type == "Country" and (in_context or not entry.is_ambiguous_form(word)):
                return entry_id
    return None


def stated_country(text: str, start: int, end: int, name: str, lexicon: Lexicon,
                   recognized: str | None = None) -> str | None:
    """The one country the text gives the mention ``text[start:end]`` (named ``name``):
    the recognizer's, else the countries named among its words, else a country's
    possessive right before it, else the demonym right after it. None when there is none, or two."""
    if recognized:
        return recognized
    inside = {c for w in re.findall(r"[^\W\d_]+", name) if (c := _country_of_word(w, lexicon))}
    if len(inside) == 1:
        return inside.pop()
    if inside:
        return None
    before = _POSSESSIVE.search(text, max(0, start - 40), start)
    if before:
        found = _country_of_word(before.group(1), lexicon, in_context=True)
        if found:
            return found
    m = _AFTER.match(text, end)
    return lexicon.demonym_country(m.group(1)) if m else None


@lru_cache(maxsize=4)
def _shared_names(lexicon: Lexicon) -> dict[str, tuple[str, ...]]:
    """Normalized names of the agencies (labels without a trailing qualifier in
    parentheses, aliases, acronyms) -> the entries that carry them."""
    index: dict[str, list[str]] = defaultdict(list)
    for entry in lexicon.entries.values():
        if entry.type != "GovernmentAgency":
            continue
        for text, _, _ in entry.surface_forms():
            for form in {text, _TRAILING_QUALIFIER.sub("", text)}:
                key = normalize_key(form)
                if key and entry.id not in index[key]:
                    index[key].append(entry.id)
    return {k: tuple(v) for k, v in index.items()}


def without_state(name: str, country: str, lexicon: Lexicon) -> str:
    """``name`` without the demonym of ``country`` that closes it (masculine or feminine,
    with or without the article: المديرية العامة للأمن الوطني المغربية, DGSN marocaine),
    else ``name``."""
    head, _, last = name.rstrip().rpartition(" ")
    if head and _country_of_word(last, lexicon) == country:
        return head.rstrip()
    return name


def entry_of_state(name: str, country: str, lexicon: Lexicon) -> str | None:
    """The one agency entry of ``country`` that shares the name ``name``, or the name
    without the state's demonym that closes it (:func:`without_state`), else None."""
    names = _shared_names(lexicon)
    for form in dict.fromkeys((name, without_state(name, country, lexicon))):
        found = [i for i in names.get(normalize_key(form), ()) if lexicon.country_of(i) == country]
        if found:
            return found[0] if len(found) == 1 else None
    return None
