"""Cue lists (trigger words, function words, negation and hedge cues) and their matcher.

Reads ``ontology/patterns/relation_triggers.yaml``, ``relation_patterns.yaml`` and
``negation_hedges.yaml`` through the data owner (:func:`pipeline.ontology_data.cue_families`):
``{family: {lang: [cue, ...]}}``, checked when loaded (a family in two files or a language
other than ar / fr / en is a :class:`CueFileError`). Asking for a family that no file
declares (a misspelt name) raises :class:`UnknownCueFamily`; a known family without cues in
a language matches nothing.

A cue matches, on normalized text, at the start of a word (Arabic ones also after a
proclitic of :data:`pipeline.language.morphology.CUE_PROCLITICS`); it is a word prefix
unless it ends in ``$``; spaces in a cue match any run of spaces.

Usage::

    cues = load_cues()
    spans = cues.find("cooperatesWith", "fr", "La France coopère avec le Maroc")
    # -> [(10, 17)]  character offsets into the ORIGINAL text
    read_document(text)                    # once per document (extract_relations does it):
    cues.find("hedge", "fr", text[s:e], s)  # a stretch at its offset is sliced, not normalized again
"""
from __future__ import annotations

import difflib
import re
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path

from pipeline.language.morphology import CUE_PROCLITICS, LONE_PROCLITIC
from pipeline.language.normalize import normalize, normalize_with_offsets
from pipeline.ontology_data import PATTERNS_DIR, cue_families

CUE_FILES = ("relation_triggers.yaml", "relation_patterns.yaml", "negation_hedges.yaml", "time_cues.yaml")
LANGS = ("ar", "fr", "en")
_FAMILY_NAME = re.compile(r"^[A-Za-z][A-Za-z_]*$")
_FOUND_MAX = 8192  # entries of Cues._found (a few documents' sentences and families)


class CueFileError(ValueError):
    """A cue file that is not ``{family: {lang: [cue, ...]}}``."""


class UnknownCueFamily(KeyError):
    """A cue family that no cue file declares (a misspelt name matches nothing, silently)."""

    def __str__(self) -> str:
        return str(self.args[0])


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
        # The proclitics that begin with the same letter, in their order, before one copy of
        # the cue: ``و(?:ب|ل|ك|)cue`` tries what ``وبcue|ولcue|وكcue|وcue`` tries, in the same
        # order, and is a quarter of the pattern to compile.
        tails: dict[str, list[str]] = {}
        for p in CUE_PROCLITICS:
            tails.setdefault(p[0], []).append(re.escape(p[1:]))
        out = [(first, (ts[0] if len(ts) == 1 else "(?:" + "|".join(ts) + ")") + whole)
               for first, ts in tails.items()] + out
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


def cue_anchors(cues: list[str]) -> tuple[str, ...]:
    """Literal strings one of which every match of ``cues`` (normalized) contains: the first
    word of each cue (a proclitic before it or the words after it only add to it), without
    one that contains another (the shorter is then in the text too). A text (normalized)
    that holds none of them holds no cue: :meth:`Cues.find` skips its regex."""
    firsts = {body.split()[0] for body in (normalize(c).rstrip("$").strip() for c in cues) if body}
    kept: list[str] = []
    for word in sorted(firsts, key=lambda w: (len(w), w)):
        if not any(k in word for k in kept):
            kept.append(word)
    return tuple(kept)


# The families of cues are looked for one after the other in the same sentence: the
# sentence is normalized once for all of them (and the parts of it the rules look at).
@lru_cache(maxsize=64)
def _normalized(text: str) -> tuple[str, list[int]]:
    """:func:`normalize_with_offsets` of ``text`` (callers must not change the list)."""
    return normalize_with_offsets(text)


# The rules look for cues in stretches of one document's text (``text[s:e]`` at offset ``s``):
# the document is normalized once and each stretch's normalized form sliced from it
# (normalization maps each character on its own; ``str.translate`` of every stretch was most
# of the cue search's cost).
_document: tuple[str, str, list[int]] = ("", "", [])
# The read document's stretches asked for so far, by (offset, length): their normalized slice
# and its start (the rules ask for the same sentence's cues family after family).
_windows: dict[tuple[int, int], tuple[str, int]] = {}


def read_document(text: str) -> None:
    """Normalize ``text`` once for the cue searches in it that follow (see :meth:`Cues.find`)."""
    global _document
    if _document[0] is not text:
        _document = (text, *normalize_with_offsets(text))
        _windows.clear()


def document_window(text: str, offset: int) -> tuple[str, list[int], int] | None:
    """``text`` normalized, as a slice of the read document's normalized text, when ``text``
    is that document's text at ``offset``: the slice, the document's index (for each
    normalized character, its offset in the document) and the slice's start in it;
    ``None`` otherwise."""
    whole, norm, index = _document
    if offset < 0 or not text or not whole.startswith(text, offset):
        return None
    key = (offset, len(text))
    window = _windows.get(key)
    if window is None:
        lo = bisect_left(index, offset)
        window = _windows[key] = (norm[lo:bisect_left(index, offset + len(text), lo)], lo)
    return window[0], index, window[1]


def checked_families(loaded: object, source: str) -> dict[str, dict[str, list[str]]]:
    """``loaded`` (a cue file's YAML) checked and its cues made strings."""
    if not isinstance(loaded, dict):
        raise CueFileError(f"{source}: not a mapping of cue families")
    out: dict[str, dict[str, list[str]]] = {}
    for family, by_lang in loaded.items():
        if not isinstance(family, str) or not _FAMILY_NAME.match(family):
            raise CueFileError(f"{source}: {family!r} is no cue family name")
        if not isinstance(by_lang, dict) or set(by_lang) - set(LANGS):
            raise CueFileError(f"{source}: {family}: expected {{lang: [cue, ...]}} with lang in {LANGS}")
        for lang, cues in by_lang.items():
            if not isinstance(cues, list) or not all(isinstance(c, (str, int, float)) for c in cues):
                raise CueFileError(f"{source}: {family}.{lang}: expected a list of cues")
        out[family] = {lang: [str(c) for c in cues] for lang, cues in by_lang.items()}
    return out


class Cues:
    """All cue families, compiled per language."""

    def __init__(self, data: dict[str, dict[str, list[str]]]) -> None:
        self.data = data
        self._compiled: dict[tuple[str, str], re.Pattern[str] | None] = {}
        # The rules look for the same families in the same sentences again and again: what
        # :meth:`find` found, by (family, lang, text), in text offsets; emptied when full.
        self._found: dict[tuple[str, str, str], tuple[tuple[int, int], ...]] = {}
        # (family, lang) -> :func:`cue_anchors` of its cues, and what :meth:`only` answered.
        self._anchors: dict[tuple[str, str], tuple[str, ...]] = {}
        self._only: dict[tuple[tuple[str, ...], str, str], bool] = {}

    def family(self, name: str) -> dict[str, list[str]]:
        """The cues of family ``name`` by language; :class:`UnknownCueFamily` when no file declares it."""
        try:
            return self.data[name]
        except KeyError:
            close = difflib.get_close_matches(name, self.data, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise UnknownCueFamily(f"unknown cue family {name!r}{hint}") from None

    def regex(self, family: str, lang: str) -> re.Pattern[str] | None:
        key = (family, lang)
        if key not in self._compiled:
            self._compiled[key] = _cue_regex(self.family(family).get(lang, []), lang)
        return self._compiled[key]

    def anchors(self, family: str, lang: str) -> tuple[str, ...]:
        key = (family, lang)
        if key not in self._anchors:
            self._anchors[key] = cue_anchors(self.family(family).get(lang, []))
        return self._anchors[key]

    def find(self, family: str, lang: str, text: str, offset: int = 0) -> list[tuple[int, int]]:
        """``(start, end)`` of every cue of ``family`` in ``text``, shifted by ``offset``."""
        key = (family, lang, text)
        found = self._found.get(key)
        if found is None:
            found = self._scan(family, lang, text, offset)
            if len(self._found) >= _FOUND_MAX:
                self._found.clear()
            self._found[key] = found
        if not found:
            return []
        return [(offset + start, offset + end) for start, end in found]

    def _scan(self, family: str, lang: str, text: str, offset: int) -> tuple[tuple[int, int], ...]:
        """What :meth:`find` finds, in ``text`` offsets. ``text`` normalized is a slice of
        the read document's normalized text where it is that document's text at ``offset``
        (:func:`read_document`). Most texts hold none of the family's :meth:`anchors`
        (substring tests, cheaper than the regex's scan); offsets are mapped back only for
        a text with a match."""
        regex = self.regex(family, lang)
        if regex is None or not text:
            return ()
        window = document_window(text, offset)
        norm = normalize(text) if window is None else window[0]
        if not any(map(norm.__contains__, self.anchors(family, lang))):
            return ()
        matches = [m for m in regex.finditer(norm) if m.end() > m.start()]
        if not matches:
            return ()
        if window is not None:
            _, index, lo = window
            return tuple((index[lo + m.start()] - offset, index[lo + m.end() - 1] + 1 - offset) for m in matches)
        index = _normalized(text)[1]
        return tuple((index[m.start()], index[m.end() - 1] + 1) for m in matches)

    def only(self, families: tuple[str, ...], lang: str, text: str) -> bool:
        """True when ``text`` holds nothing but cues of ``families``, punctuation and spaces."""
        key = (tuple(families), lang, text)
        answer = self._only.get(key)
        if answer is None:
            answer = self._only_scan(families, lang, text)
            if len(self._only) >= _FOUND_MAX:
                self._only.clear()
            self._only[key] = answer
        return answer

    def _only_scan(self, families: tuple[str, ...], lang: str, text: str) -> bool:
        norm = normalize(text)
        # A cue of several words first, whatever the order of the families: a word of one
        # family inside it ("de" in "général de division") would break it.
        regexes = [r for r in (self.regex(family, lang) for family in families) if r is not None]
        whole = norm
        for regex in regexes:
            for m in regex.finditer(whole):
                if " " in m.group().strip():
                    norm = norm[:m.start()] + " " * (m.end() - m.start()) + norm[m.end():]
        for regex in regexes:
            norm = regex.sub(" ", norm)
        if lang == "ar":
            norm = LONE_PROCLITIC.sub(" ", norm)
        return not re.search(r"\w", norm)


def load_cue_files(paths: tuple[Path, ...]) -> Cues:
    """The cue families of ``paths``, checked; a family declared in two files is an error."""
    data: dict[str, dict[str, list[str]]] = {}
    where: dict[str, str] = {}
    for path in paths:
        for family, by_lang in checked_families(cue_families(path.name, path), path.name).items():
            if family in data:
                raise CueFileError(f"cue family {family} declared in {where[family]} and {path.name}")
            data[family], where[family] = by_lang, path.name
    return Cues(data)


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """The cue families of :data:`CUE_FILES`."""
    return load_cue_files(tuple(PATTERNS_DIR / name for name in CUE_FILES))
