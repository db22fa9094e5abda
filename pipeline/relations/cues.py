"""Cue lists (trigger words, function words, negation and hedge cues) and their matcher.

Reads ``ontology/patterns/relation_triggers.yaml``, ``relation_patterns.yaml`` and
``negation_hedges.yaml``: ``{family: {lang: [cue, ...]}}``. A cue matches, on normalized
text, at the start of a word (Arabic ones also after a proclitic و ف ب ل ك); it is a word
prefix unless it ends in ``$``; spaces in a cue match any run of spaces.

Usage::

    cues = load_cues()
    spans = cues.find("cooperatesWith", "fr", "La France coopère avec le Maroc")
    # -> [(10, 17)]  character offsets into the ORIGINAL text
"""
from __future__ import annotations

import re
from functools import lru_cache

import yaml

from pipeline.ontology_data import ONTOLOGY_DIR
from pipeline.language.normalize import normalize, normalize_with_offsets

CUE_FILES = ("relation_triggers.yaml", "relation_patterns.yaml", "negation_hedges.yaml")
# The Arabic proclitics a cue may carry, in the order the matcher tries them (longest first).
_AR_PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "لل", "و", "ف", "ب", "ل", "ك")


def _spellings(cue: str, lang: str) -> list[tuple[str, str]]:
    """The ways ``cue`` (normalized) may be written, in the order they are tried: each a
    first character and a regex for the rest. Empty for an empty cue."""
    exact = cue.endswith("$")
    body = cue.rstrip("$").strip()
    if not body:
        return []
    words = body.split()
    right = r"(?!\w)" if exact and re.search(r"\w$", body) else ""
    rest = r"\s+".join([re.escape(words[0][1:])] + [re.escape(w) for w in words[1:]]) + right
    out = [(body[0], rest)]
    if lang == "ar" and re.match(r"\w", body) and "\u0600" <= body[0] <= "\u06ff":
        whole = re.escape(body[0]) + rest
        out = [(p[0], re.escape(p[1:]) + whole) for p in _AR_PROCLITICS] + out
    return out


def _cue_regex(cues: list[str], lang: str) -> re.Pattern[str] | None:
    """One regex for ``cues``, longest first; ``None`` when there are none.

    A cue that begins with a word character matches only at the start of a word. The
    spellings of all cues are grouped by their first character, each group keeping the
    order of the cues: at a given position only the group of the character found there
    can match, so the first match is the same as with one alternative per cue, and
    ``re`` can skip in one test the positions where no cue begins (alternatives that
    each begin with a lookbehind and an optional proclitic made it try every cue at
    every position)."""
    groups: dict[str, list[str]] = {}
    for cue in sorted({normalize(c) for c in cues}, key=len, reverse=True):
        for first, rest in _spellings(cue, lang):
            groups.setdefault(first, []).append(rest)
    if not groups:
        return None
    branches = []
    for first, rests in groups.items():
        # After ``first``: the character before it is no word character, i.e. (?<!\w) before it.
        start = re.escape(first) + (rf"(?<!\w{re.escape(first)})" if re.match(r"\w", first) else "")
        branches.append(start + "(?:" + "|".join(rests) + ")")
    return re.compile("|".join(branches))


# The families of cues are looked for one after the other in the same sentence: the
# sentence is normalized once for all of them. Small, so it hardly outlives a sentence.
@lru_cache(maxsize=4)
def _normalized(text: str) -> tuple[str, list[int]]:
    """:func:`normalize_with_offsets` of ``text`` (callers must not change the list)."""
    return normalize_with_offsets(text)


class Cues:
    """All cue families, compiled per language."""

    def __init__(self, data: dict[str, dict[str, list[str]]]) -> None:
        self.data = data
        self._compiled: dict[tuple[str, str], re.Pattern[str] | None] = {}

    def regex(self, family: str, lang: str) -> re.Pattern[str] | None:
        key = (family, lang)
        if key not in self._compiled:
            self._compiled[key] = _cue_regex(self.data.get(family, {}).get(lang, []), lang)
        return self._compiled[key]

    def find(self, family: str, lang: str, text: str, offset: int = 0) -> list[tuple[int, int]]:
        """``(start, end)`` of every cue of ``family`` in ``text``, shifted by ``offset``."""
        regex = self.regex(family, lang)
        if regex is None or not text:
            return []
        norm, index = _normalized(text)
        return [(offset + index[m.start()], offset + index[m.end() - 1] + 1)
                for m in regex.finditer(norm) if m.end() > m.start()]

    def only(self, families: tuple[str, ...], lang: str, text: str) -> bool:
        """True when ``text`` holds nothing but cues of ``families``, punctuation and spaces."""
        norm = normalize(text)
        for family in families:
            regex = self.regex(family, lang)
            if regex is not None:
                norm = regex.sub(" ", norm)
        if lang == "ar":
            norm = re.sub(r"(?<!\w)[وفبلك](?!\w)", " ", norm)
        return not re.search(r"\w", norm)


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    data: dict[str, dict[str, list[str]]] = {}
    for name in CUE_FILES:
        loaded = yaml.safe_load((ONTOLOGY_DIR / "patterns" / name).read_text(encoding="utf-8"))
        for family, by_lang in loaded.items():
            data.setdefault(family, {}).update({lang: [str(c) for c in cues] for lang, cues in by_lang.items()})
    return Cues(data)
