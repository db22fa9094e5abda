"""One escaping family for untrusted text on the terminal (one-line messages and query results)."""
from __future__ import annotations

import pytest

from pipeline.runtime.terminal import printable, printable_bytes

PERSIAN = "می\u200cخواهم"  # "I want", with the ZWNJ every Persian writer puts there
ZWJ_WORD = "ل\u200dا"


@pytest.mark.parametrize("text", ["plain", "وزارة الخارجية", "Ministère", PERSIAN, ZWJ_WORD, "a b"])
def test_readable_text_passes(text):
    assert printable(text) == text
    assert printable(text, newlines=True) == text
    assert printable_bytes(text.encode("utf-8")) == text.encode("utf-8")


@pytest.mark.parametrize(("char", "escaped"), [
    ("\x1b", "\\x1b"), ("\x07", "\\x07"), ("\r", "\\r"), ("\x7f", "\\x7f"), ("\x9b", "\\x9b"),  # C0, DEL, C1
    *[(chr(c), f"\\u{c:04x}") for c in range(0x202A, 0x202F)],  # bidi embeddings and overrides
    *[(chr(c), f"\\u{c:04x}") for c in range(0x2066, 0x206A)],  # bidi isolates
    ("\u2028", "\\u2028"), ("\u2029", "\\u2029"), ("\u200b", "\\u200b"), ("\ufeff", "\\ufeff"),
])
def test_what_a_terminal_acts_on_is_escaped_in_both_modes(char, escaped):
    text = f"{PERSIAN}{char}x"
    assert printable(text) == f"{PERSIAN}{escaped}x"
    assert printable(text, newlines=True) == f"{PERSIAN}{escaped}x"
    assert printable_bytes(text.encode("utf-8")) == f"{PERSIAN}{escaped}x".encode("utf-8")


def test_newlines_kept_only_when_asked():
    assert printable("a\nb\tc") == "a\\nb\\tc"  # a message stays on one line
    assert printable("a\nb\tc", newlines=True) == "a\nb\tc"  # query results keep their lines
    assert printable_bytes(b"a\nb\x1b[31m") == b"a\nb\\x1b[31m"
    assert printable_bytes(b"a\nb", newlines=False) == b"a\\nb"


def test_limit_cuts_before_escaping():
    assert printable("abcdef", limit=3) == "abc..."
    assert printable("ab\x1bdef", limit=3) == "ab\\x1b..."
    assert printable("abc", limit=3) == "abc"


def test_markup_stays_text():
    assert printable("[link=http://evil.example]x[/link] [/]") == "[link=http://evil.example]x[/link] [/]"
