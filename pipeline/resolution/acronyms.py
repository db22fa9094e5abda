"""Acronyms and the long forms they abbreviate.

Reads the function words of ``ontology/resolution/resolution.yaml``. :func:`is_acronym`
tells an acronym (DGSN, OTAN, FC-G5S) from a name; :func:`acronym_key` folds its spellings
(D.G.S.N. -> DGSN); :func:`initials` gives the keys a long form answers to: its initials
without the function words (Direction générale de la sécurité intérieure -> DGSI) and,
for the few acronyms that keep them, with them; :func:`is_syllabic_acronym` tells a
syllabic acronym of a long form (CENTCOM <- Central Command, EUROPOL <- European Police
Office, INTERPOL <- International Criminal Police Organization): the short name read as
the first letters of some of the long form's words, in order, at least one piece of
three letters or more.

Usage::

    from pipeline.resolution.acronyms import acronym_key, initials, is_acronym
    is_acronym("DGSI")                                                   # True
    "DGSI" in initials("Direction générale de la sécurité intérieure")   # True
    acronym_key("D.G.S.N.")                                             # 'DGSN'
    is_syllabic_acronym("CENTCOM", "U.S. Central Command", starts=(0, 1))  # True
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pipeline.ontology_data import resolution_settings

_ELISION = re.compile(r"^(?:l|d|qu|j|n|s)['’]", re.IGNORECASE)


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    words: set[str] = set()
    for forms in resolution_settings()["function_words"].values():
        words.update(str(w).lower() for w in forms)
    return frozenset(words)


@lru_cache(maxsize=1)
def _acronym_re() -> re.Pattern[str]:
    return re.compile(resolution_settings()["acronym_pattern"])


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def is_acronym(text: str) -> bool:
    """A single token of capitals (and digits), lower case letters not outnumbering them."""
    text = text.strip()
    if not _acronym_re().match(text):
        return False
    upper = sum(c.isupper() for c in text)
    lower = sum(c.islower() for c in text)
    digits = sum(c.isdigit() for c in text)
    return upper >= 2 or (upper >= 1 and digits >= 1) if upper >= lower else False


def acronym_key(text: str) -> str:
    return "".join(c for c in _fold(text).upper() if c.isalnum())


def initials(text: str) -> set[str]:
    """Initials of a Latin-script long form, without and with its function words."""
    if any("\u0600" <= c <= "\u06ff" for c in text):
        return set()
    content: list[str] = []
    every: list[str] = []
    for raw in re.split(r"[\s\-/]+", _fold(text)):
        word = _ELISION.sub("", raw.strip("()[]{}.,;:«»\"'’"))
        if not word:
            continue
        head = word if any(c.isdigit() for c in word) else word[0]
        every.append(head.upper())
        if word.lower() not in _function_words():
            content.append(head.upper())
    if len(every) < 2:
        return set()
    keys = {"".join(content), "".join(every)}
    return {k for k in keys if len(k) >= 2}


def long_form_words(text: str) -> list[str]:
    """Lower-case, accent-folded words of a Latin-script long form, elided articles cut
    (``l'Afrique`` -> ``afrique``); function words are kept (they may be skipped)."""
    if any("\u0600" <= c <= "\u06ff" for c in text):
        return []
    words = []
    for raw in re.split(r"[\s\-/]+", _fold(text)):
        word = _ELISION.sub("", raw.strip("()[]{}.,;:«»\"'’"))
        word = "".join(c for c in word.lower() if c.isalnum())
        if word:
            words.append(word)
    return words


def is_syllabic_acronym(short: str, long_form: str, *, starts: tuple[int, ...] = (0,),
                        min_piece: int = 3) -> bool:
    """``short`` spelt by the beginnings of words of ``long_form``, in order: the first piece
    from the word at one of ``starts`` (0, or past a leading qualifier such as "U.S."),
    later words skipped at will, two pieces at least, one of them ``min_piece`` letters or
    more (one-letter pieces throughout would be plain initials)."""
    key = acronym_key(short).lower()
    words = long_form_words(long_form)
    if len(key) < 4 or len(words) < 2 or " " in short.strip():
        return False
    function = _function_words()

    @lru_cache(maxsize=None)
    def spell(i: int, j: int, pieces: int, long_piece: bool) -> bool:
        if i == len(key):
            return pieces >= 2 and long_piece
        for k in range(j, len(words)):
            word = words[k]
            if word in function:
                continue
            n = 0
            while n < len(word) and i + n < len(key) and word[n] == key[i + n]:
                n += 1
            for size in range(n, 0, -1):
                if spell(i + size, k + 1, pieces + 1, long_piece or size >= min_piece):
                    return True
        return False

    def from_word(k: int) -> bool:  # the first piece taken from word k itself
        word = words[k]
        if word in function:
            return False
        n = 0
        while n < len(word) and n < len(key) and word[n] == key[n]:
            n += 1
        return any(spell(size, k + 1, 1, size >= min_piece) for size in range(n, 0, -1))

    return any(from_word(k) for k in starts if k < len(words))
