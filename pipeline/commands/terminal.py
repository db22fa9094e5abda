"""Untrusted text on the terminal: file names, document ids and error messages that quote a
document are printed as text, never as markup or control sequences.

:func:`printable` escapes what a terminal acts on or hides (C0 and C1 controls: newline,
carriage return, ESC sequences; DEL; Unicode format characters such as bidi overrides and
zero-width marks; line and paragraph separators) the way Python writes them in a string
literal; every other character (Arabic included) passes. :func:`say` prints one such line on
stderr with ``print``, not through rich markup (so ``[link=...]`` or ``[/]`` stay text).

Usage::

    say(f"doc2kg: failed: {source}: {error}")   # a file name with a newline stays on one line
    printable("a\\nb\\x1b[31m")                   # 'a\\\\nb\\\\x1b[31m'
"""
from __future__ import annotations

import sys
import unicodedata

_ESCAPED_CATEGORIES = {"Cc", "Cf", "Zl", "Zp"}


def printable(text: object) -> str:
    """``text`` with every control, format and line-separator character escaped."""
    text = str(text)
    if text.isprintable():  # the common case: nothing to escape
        return text
    return "".join(ch.encode("unicode_escape").decode("ascii")
                   if unicodedata.category(ch) in _ESCAPED_CATEGORIES else ch for ch in text)


def say(message: object) -> None:
    """One line on stderr, escaped."""
    print(printable(message), file=sys.stderr, flush=True)
