"""Untrusted text on the terminal: file names, document ids, error messages that quote a
document, and query results are printed as text, never as markup or control sequences.

:func:`printable` escapes what a terminal acts on or what hides or reorders text, the way
Python writes it in a string literal (``\\x1b``, ``\\n``, ``\\u202e``): C0 and C1 controls and
DEL (escape sequences, bells, carriage returns that overwrite a line), line and paragraph
separators, and Unicode format characters (bidi embeddings, overrides and isolates, marks,
zero-width spaces). Two format characters pass: ZWNJ and ZWJ (U+200C, U+200D), which Persian
and Arabic words use between their letters and which move nothing. Every other character
(Arabic included) passes. ``newlines=True`` keeps newline and tab (multi-line output such as
query results); the default escapes them, so a message stays on one line.
:func:`printable_bytes` does the same on UTF-8 bytes, and :func:`say` prints one escaped line
on stderr with ``print``, not through rich markup (so ``[link=...]`` or ``[/]`` stay text).

Usage::

    say(f"doc2kg: failed: {source}: {error}")   # a file name with a newline stays on one line
    printable("a\\nb\\x1b[31m")                   # 'a\\\\nb\\\\x1b[31m'
    printable("a\\nb\\u202e", newlines=True)      # 'a\\nb\\\\u202e'
"""
from __future__ import annotations

import sys
import unicodedata

_ESCAPED_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp"})
JOINERS = frozenset("\u200c\u200d")  # ZWNJ, ZWJ: inside Persian and Arabic words
_LAYOUT = frozenset("\n\t")


def _escape(ch: str) -> str:
    return ch.encode("unicode_escape").decode("ascii")


def printable(text: object, *, newlines: bool = False, limit: int | None = None) -> str:
    """``text`` with every control, format (but ZWNJ, ZWJ) and line-separator character
    escaped; newline and tab kept if ``newlines``; cut at ``limit`` characters (``...``) if given."""
    text = str(text)
    cut = limit is not None and len(text) > limit
    if cut:
        text = text[:limit]
    if not text.isprintable():  # the common case has nothing to escape
        kept = _LAYOUT if newlines else frozenset()
        text = "".join(_escape(ch) if ch not in kept and ch not in JOINERS
                       and unicodedata.category(ch) in _ESCAPED_CATEGORIES else ch for ch in text)
    return text + "..." if cut else text


def printable_bytes(data: bytes, *, newlines: bool = True) -> bytes:
    """UTF-8 ``data`` escaped as :func:`printable` does (newline and tab kept by default)."""
    return printable(data.decode("utf-8", "backslashreplace"), newlines=newlines).encode("utf-8")


def say(message: object) -> None:
    """One line on stderr, escaped."""
    print(printable(message), file=sys.stderr, flush=True)
