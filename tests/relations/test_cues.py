"""The cue matcher finds exactly what one alternative per cue, in cue order, would find:
its regex groups the cues by first character for speed only (see ``_cue_regex``)."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.language.normalize import normalize
from pipeline.relations.cues import UnknownCueFamily, _cue_regex, load_cues
from pipeline.relations.rules.events import event_cues

_PROCLITIC = "(?:وب|ول|وك|فب|فل|لل|[وفبلك])?"
FAMILIES = sorted({(cues, family, lang) for cues in ("relations", "events")
                   for family, by_lang in (load_cues() if cues == "relations" else event_cues()).data.items()
                   for lang in by_lang})


def _plain_regex(cues: list[str], lang: str) -> re.Pattern[str] | None:
    """The straightforward matcher: one alternative per cue, longest cue first."""
    parts = []
    for cue in sorted({normalize(c) for c in cues}, key=len, reverse=True):
        exact = cue.endswith("$")
        body = cue.rstrip("$").strip()
        if not body:
            continue
        pattern = r"\s+".join(re.escape(w) for w in body.split())
        left = ""
        if re.match(r"\w", body):
            left = r"(?<!\w)" + (_PROCLITIC if lang == "ar" and "\u0600" <= body[0] <= "\u06ff" else "")
        right = r"(?!\w)" if exact and re.search(r"\w$", body) else ""
        parts.append(f"{left}{pattern}{right}")
    return re.compile("|".join(parts)) if parts else None


def _cue_list(which: str, family: str, lang: str) -> list[str]:
    return (load_cues() if which == "relations" else event_cues()).data[family][lang]


def _spans(regex: re.Pattern[str] | None, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in regex.finditer(text)] if regex is not None else []


@pytest.mark.parametrize("which,family,lang", FAMILIES)
def test_every_cue_with_every_prefix(which, family, lang):
    cues = _cue_list(which, family, lang)
    grouped, plain = _cue_regex(cues, lang), _plain_regex(cues, lang)
    for cue in cues:
        body = normalize(cue).rstrip("$").strip()
        for before in ("", " ", "x", "و", "وب", "لل", "ال", ",", "("):
            for after in ("", " ", "s", "ة", ".", " و"):
                text = f"{before}{body}{after} {body}"
                assert _spans(grouped, text) == _spans(plain, text), (cue, text)


@st.composite
def _case(draw):
    which, family, lang = draw(st.sampled_from(FAMILIES))
    cues = _cue_list(which, family, lang)
    pieces = st.one_of(st.sampled_from([normalize(c).rstrip("$").strip() for c in cues]),
                       st.sampled_from(["و", "ف", "ب", "ل", "ك", "ال", "x", "le", "de", "في", "'s", "-"]),
                       st.sampled_from([" ", "  ", ",", "، ", ".", "\n", ""]))
    return cues, lang, "".join(draw(st.lists(pieces, max_size=12)))


@settings(max_examples=300, deadline=None)
@given(_case())
def test_same_matches_as_one_alternative_per_cue(case):
    cues, lang, text = case
    assert _spans(_cue_regex(cues, lang), text) == _spans(_plain_regex(cues, lang), text)


def test_find_gives_the_same_spans_again_for_every_offset_and_a_fresh_list():
    cues = load_cues()
    text = "La France coopère avec le Maroc et coopère avec l'Espagne."
    first = cues.find("cooperatesWith", "fr", text)
    assert [text[s:e][:5] for s, e in first] == ["coopè", "coopè"]  # both verbs, at their places
    assert [s for s, _ in first] == [10, 35]
    again = cues.find("cooperatesWith", "fr", text, offset=100)
    assert again == [(s + 100, e + 100) for s, e in first]
    again.append((0, 0))
    assert cues.find("cooperatesWith", "fr", text) == first  # the kept result is not the caller's list
    assert cues.find("cooperatesWith", "fr", "") == []
    for _ in range(2):  # an unknown family fails every time, not only before a result is kept
        with pytest.raises(UnknownCueFamily):
            cues.find("cooperatesWithh", "fr", text)
