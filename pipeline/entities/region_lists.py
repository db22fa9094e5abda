"""Arabic regions listed without their head after a plural, dual or governor word.

The news names a region with its head (ولاية القيروان, محافظة صلاح الدين: lexicon names), but
in a list it writes the head once, in the plural or dual, or names the governors: "ولاة
جندوبة والكاف والقصرين" (the governors of the governorates), "منطقتي أغاديز وتاهوا",
"محافظات نينوى وصلاح الدين". Each name of such a list that a region of the gazetteer
bears after its head (``ar_region_name_heads``) is that region, a Location, not the town of
the same name. The words that open a list are ``ar_region_list_heads`` (entity_heads.yaml).

Usage::

    mentions = listed_regions(document, mentions)
"""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.language.morphology import NOUN_PREPOSITIONS, WA
from pipeline.language.normalize import normalize
from pipeline.model import Document, Mention
from pipeline.ontology_data import entity_heads, load_lexicon

_WORD = re.compile(r"[\u0621-\u064a\u0660-\u0669]+")
# What may stand between two names of the list (besides a و glued to the second one).
_SEPARATORS = {"", "،", ","}
CONFIDENCE = 0.9


@lru_cache(maxsize=1)
def region_names() -> dict[tuple[str, ...], str]:
    """Normalized words of a region's name after its head (ولاية القيروان -> (القيروان,)) ->
    the region's lexicon id; a name two regions share is left out."""
    heads = {normalize(w) for w in entity_heads().get("ar_region_name_heads") or []}
    out: dict[tuple[str, ...], str] = {}
    shared: set[tuple[str, ...]] = set()
    for entry in load_lexicon().entries.values():
        if entry.type != "Location" or not entry.country:
            continue
        for form in [entry.labels.get("ar"), *entry.aliases.get("ar", [])]:
            words = normalize(form or "").split()
            if len(words) > 1 and words[0] in heads:
                key = tuple(words[1:])
                if out.get(key, entry.id) != entry.id:
                    shared.add(key)
                out[key] = entry.id
    return {k: v for k, v in out.items() if k not in shared}


@lru_cache(maxsize=1)
def _openers() -> frozenset[str]:
    return frozenset(normalize(w) for w in entity_heads().get("ar_region_list_heads") or [])


def _name_at(words: list[tuple[int, int, str]], j: int, names: dict[tuple[str, ...], str],
             longest: int, text: str) -> tuple[int, int, int, str] | None:
    """The longest region name starting at word ``j`` (after a و glued to it): (words used,
    start char, end char, region id)."""
    for n in range(min(longest, len(words) - j), 0, -1):
        span = words[j:j + n]
        if any(text[a[1]:b[0]] != " " for a, b in zip(span, span[1:])):
            continue
        seq = [w for _, _, w in span]
        for skip, first in ((0, seq[0]), (len(WA), seq[0][len(WA):] if seq[0].startswith(WA) else "")):
            key = (first, *seq[1:])
            if first and key in names:
                return n, span[0][0] + skip, span[-1][1], names[key]
    return None


def listed_regions(document: Document, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with the regions of Arabic lists opened by a plural, dual or governor
    word: a town mention of the same span becomes the region; a span another name holds
    stays as it is."""
    names = region_names()
    if not names or (document.lang or "") != "ar":
        return mentions
    text = document.text
    openers = _openers()
    longest = max(len(k) for k in names)
    words = [(m.start(), m.end(), normalize(m.group())) for m in _WORD.finditer(text)]
    found: list[Mention] = []
    for i, (_, _, word) in enumerate(words):
        if word not in openers and not (word[:1] in (WA, *NOUN_PREPOSITIONS) and word[1:] in openers):
            continue
        j = i + 1
        while j < len(words):
            if text[words[j - 1][1]:words[j][0]].strip() not in _SEPARATORS:
                break
            hit = _name_at(words, j, names, longest, text)
            if hit is None:
                break
            n, start, end, key = hit
            found.append(Mention(id=f"{document.id}#{start}-{end}", document=document.id, start=start, end=end,
                                 text=text[start:end], type="Location", lang="ar", key=key, source="lexicon",
                                 confidence=CONFIDENCE))
            j += n
    if not found:
        return mentions
    out = list(mentions)
    for region in found:
        overlapping = [m for m in out if m.start < region.end and region.start < m.end]
        if all(m.type == "City" and m.start == region.start and m.end == region.end for m in overlapping):
            out = [m for m in out if m not in overlapping] + [region]
    return sorted(out, key=lambda m: m.start)
