"""Acronyms and the long forms they abbreviate.

Reads the function words of ``ontology/resolution/resolution.yaml``. :func:`is_acronym`
tells an acronym (DGSN, OTAN, FC-G5S) from a name; :func:`acronym_key` folds its spellings
(D.G.S.N. -> DGSN); :func:`initials` gives the keys a long form answers to: its initials
without the function words (Direction générale de la sécurité intérieure -> DGSI) and,
for the few acronyms that keep them, with them.

Usage::

    from pipeline.resolution.acronyms import acronym_key, initials, is_acronym
    is_acronym("DGSI")                                                   # True
    "DGSI" in initials("Direction générale de la sécurité intérieure")   # True
    acronym_key("D.G.S.N.")                                             # 'DGSN'
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

SETTINGS = Path(__file__).resolve().parents[2] / "ontology" / "resolution" / "resolution.yaml"
_ELISION = re.compile(r"^(?:l|d|qu|j|n|s)['’]", re.IGNORECASE)


@lru_cache(maxsize=1)
def load_settings(path: str | None = None) -> dict[str, Any]:
    return yaml.safe_load(Path(path or SETTINGS).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    words: set[str] = set()
    for forms in load_settings()["function_words"].values():
        words.update(str(w).lower() for w in forms)
    return frozenset(words)


@lru_cache(maxsize=1)
def _acronym_re() -> re.Pattern[str]:
    return re.compile(load_settings()["acronym_pattern"])


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
