"""Matching normalization for Arabic, French and English text.

``normalize`` folds what writers vary freely and readers ignore: Arabic diacritics and
tatweel, alef/hamza forms, alef maqsura, ta marbuta, Arabic-Indic digits, typographic
quotes and dashes, Latin case and accents. ``normalize_with_offsets`` does the same and
keeps, for every output character, the index of the input character it came from, so a
match in normalized text maps back to the original text exactly.

Usage::

    from pipeline.language.normalize import normalize
    normalize("المملكةُ المغربيّة")  # -> "المملكه المغربيه"
"""
from __future__ import annotations

import re
import unicodedata

# Characters dropped entirely: harakat, shadda, sukun, superscript alef, Quranic marks, tatweel.
_DROP = {chr(c) for c in range(0x064B, 0x0660)} | {"\u0670", "\u0640"}
_DROP |= {chr(c) for c in range(0x0610, 0x061B)} | {chr(c) for c in range(0x06D6, 0x06EE)}
_DROP |= {"\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\ufeff"}

_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
    "ی": "ي", "ک": "ك", "ہ": "ه", "ھ": "ه",
    "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'", "`": "'", "´": "'",
    "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ",
}
_MAP.update({chr(0x0660 + i): str(i) for i in range(10)})  # Arabic-Indic digits
_MAP.update({chr(0x06F0 + i): str(i) for i in range(10)})  # Extended (Persian) digits


def _fold(ch: str) -> str:
    """Normalized form of one character: '' to drop it, else one or more characters."""
    if ch in _DROP:
        return ""
    mapped = _MAP.get(ch)
    if mapped is not None:
        return mapped
    if ch.isascii():
        return ch.lower()
    if "\u0600" <= ch <= "\u06ff":
        return ch
    # Latin and others: lowercase, strip combining accents (é -> e, ß stays ß).
    decomposed = unicodedata.normalize("NFKD", ch.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)) or ch


class _FoldTable(dict):
    """``str.translate`` table filled on first sight of a character: ord -> its fold.

    Also records the characters whose fold is not exactly one character (dropped or
    expanded), the only ones that shift offsets."""

    def __init__(self) -> None:
        super().__init__()
        self.uneven: set[str] = set()
        self._uneven_pattern: re.Pattern[str] | None = None

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        out = self[code] = _fold(ch)
        if len(out) != 1:
            self.uneven.add(ch)
            self._uneven_pattern = None
        return out

    def uneven_pattern(self) -> re.Pattern[str]:
        """A regex for one character of :attr:`uneven` (compiled again when it grows)."""
        if self._uneven_pattern is None:
            chars = "".join(re.escape(ch) for ch in sorted(self.uneven))
            self._uneven_pattern = re.compile(f"[{chars}]" if chars else "(?!)")
        return self._uneven_pattern


_TABLE = _FoldTable()


def fold_char(ch: str) -> str:
    return _TABLE[ord(ch)]


# Words come back again and again (every token of every document is normalized, often
# more than once): the normalized form of a short text is kept; emptied when full.
_SHORT_MAX_LEN = 40
_SHORT_MAX = 200_000
_short: dict[str, str] = {}


def normalize(text: str) -> str:
    """Normalized text for matching (lengths may differ from the input)."""
    out = _short.get(text)
    if out is None:
        out = text.translate(_TABLE)
        if len(text) <= _SHORT_MAX_LEN:
            if len(_short) >= _SHORT_MAX:
                _short.clear()
            _short[text] = out
    return out


def normalize_with_offsets(text: str) -> tuple[str, list[int]]:
    """Normalized text and, for each of its characters, the index in ``text`` it came from."""
    folded = text.translate(_TABLE)
    if _TABLE.uneven.isdisjoint(text):  # one character for one: offsets are unchanged
        return folded, list(range(len(text)))
    # Characters between two uneven ones keep their offsets; only the uneven ones shift them.
    index: list[int] = []
    pos = 0
    for uneven in _TABLE.uneven_pattern().finditer(text):
        i = uneven.start()
        index.extend(range(pos, i))
        index.extend([i] * len(_TABLE[ord(text[i])]))
        pos = i + 1
    index.extend(range(pos, len(text)))
    return folded, index


class _KeyTable(dict):
    """``str.translate`` table: letters, digits and spaces kept, anything else a space."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        out = self[code] = ch if (ch.isalnum() or ch.isspace()) else " "
        return out


_KEY_TABLE = _KeyTable()


def normalize_key(text: str) -> str:
    """Normalized text with punctuation removed and spaces collapsed: a comparison key."""
    return " ".join(normalize(text).translate(_KEY_TABLE).split())
