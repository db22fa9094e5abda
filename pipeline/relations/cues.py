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

from pipeline.entities.lexicon import ONTOLOGY_DIR
from pipeline.language.normalize import normalize, normalize_with_offsets

CUE_FILES = ("relation_triggers.yaml", "relation_patterns.yaml", "negation_hedges.yaml")
_AR_PROCLITIC = "(?:وب|ول|وك|فب|فل|لل|[وفبلك])?"


def _cue_regex(cues: list[str], lang: str) -> re.Pattern[str] | None:
    parts = []
    for cue in sorted({normalize(c) for c in cues}, key=len, reverse=True):
        exact = cue.endswith("$")
        body = cue.rstrip("$").strip()
        if not body:
            continue
        pattern = r"\s+".join(re.escape(w) for w in body.split())
        if re.match(r"\w", body):
            left = r"(?<!\w)" + (_AR_PROCLITIC if lang == "ar" and "\u0600" <= body[0] <= "\u06ff" else "")
        else:
            left = ""
        right = r"(?!\w)" if exact and re.search(r"\w$", body) else ""
        parts.append(f"{left}{pattern}{right}")
    return re.compile("|".join(parts)) if parts else None


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
        norm, index = normalize_with_offsets(text)
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
