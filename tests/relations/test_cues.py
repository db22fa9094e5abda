"""The cue matcher finds exactly what one alternative per cue, in cue order, would find:
its regex groups the cues by first character for speed only (see ``_cue_regex``)."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.language.normalize import normalize, normalize_with_offsets
from pipeline.relations.cues import (Cues, UnknownCueFamily, _cue_regex, cue_anchors, document_window, load_cues,
                                     read_document)
from pipeline.relations.rules.events import event_cues

_PROCLITIC = "(?:وب|ول|وك|فب|فل|لل|[وفبلك])?"
FAMILIES = sorted({(cues, family, lang) for cues in ("relations", "events")
                   for family, by_lang in (load_cues() if cues == "relations" else event_cues()).data.items()
                   for lang in by_lang if by_lang[lang]})  # (a language without cues matches nothing)


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


def test_anchors_are_first_words_without_longer_ones():
    assert cue_anchors(["coopère avec", "coopération$", "coop", "accord de", "", "$"]) == ("coop", "accord")
    assert cue_anchors(["Signed", "sign"]) == ("sign",)  # normalized as the text is
    assert cue_anchors([]) == ()


@pytest.mark.parametrize("which,family,lang", FAMILIES)
def test_a_text_with_a_cue_holds_an_anchor(which, family, lang):
    # the anchors only let Cues.find skip the regex: a text they reject must hold no cue
    cues = _cue_list(which, family, lang)
    grouped, anchors = _cue_regex(cues, lang), cue_anchors(cues)
    for cue in cues:
        body = normalize(cue).rstrip("$").strip()
        for before in ("", "x", "و", "وب", "لل", "ال", "("):
            for after in ("", "s", "ة", " و"):
                text = f"{before}{body}{after}"
                if _spans(grouped, text):
                    assert any(a in text for a in anchors), (cue, text)


def _reference_find(family: str, lang: str, text: str, offset: int) -> list[tuple[int, int]]:
    """What Cues.find gave before the read document and the anchors: the regex on the
    stretch normalized on its own, its offsets mapped back."""
    regex = load_cues().regex(family, lang)
    if regex is None or not text:
        return []
    norm, index = normalize_with_offsets(text)
    return [(offset + index[m.start()], offset + index[m.end() - 1] + 1) for m in regex.finditer(norm) if m.end() > m.start()]


# Diacritics and a tatweel (removed by normalization: offsets shift) around cues.
_DOCUMENT = ("أكّدَ وزيرُ الخارجية المغربي ناصر بوريطة أيضاً أن المغرب يتعاون مع إسبانيا، "
             "وقّـع الطرفان اتفاقاً للتعاون الأمني. La France coopère avec le Maroc.")


@settings(max_examples=300, deadline=None)
@given(st.integers(0, len(_DOCUMENT)), st.integers(0, len(_DOCUMENT)),
       st.sampled_from(["cooperatesWith", "conjunction", "locative", "hedge", "negation"]), st.sampled_from(["ar", "fr"]))
def test_find_in_the_read_document_is_find_in_the_stretch_alone(i, j, family, lang):
    start, end = min(i, j), max(i, j)
    stretch = _DOCUMENT[start:end]
    read_document(_DOCUMENT)
    assert Cues(load_cues().data).find(family, lang, stretch, start) == _reference_find(family, lang, stretch, start)
    # the same stretch at another offset (not the document's text there) is normalized on its own
    assert Cues(load_cues().data).find(family, lang, stretch, start + 1) == _reference_find(family, lang, stretch, start + 1)


def test_document_window_slices_the_normalized_document():
    read_document(_DOCUMENT)
    start = _DOCUMENT.index("وقّـع")
    stretch = _DOCUMENT[start:start + 12]
    norm, _, _ = document_window(stretch, start)
    assert norm == normalize(stretch) and len(norm) < len(stretch)  # the shadda and the tatweel are gone
    assert document_window(stretch, start + 1) is None
    assert document_window("", start) is None
    found = Cues(load_cues().data).find("cooperatesWith", "ar", _DOCUMENT)
    assert found == _reference_find("cooperatesWith", "ar", _DOCUMENT, 0)
    assert any(_DOCUMENT[s:e].startswith("يتعاون") for s, e in found)
    after = [(s, e) for s, e in found if s > start]  # past the removed characters: offsets shifted back
    assert after and all(_DOCUMENT[s:e] == _DOCUMENT[s:e].strip() for s, e in after)


def test_only_answers_by_families_language_and_text_every_time():
    cues = Cues(load_cues().data)
    for _ in range(2):  # the kept answer is the one for these families, language and text
        assert cues.only(("conjunction", "filler"), "fr", " et ")
        assert not cues.only(("filler",), "fr", " et ")
        assert not cues.only(("conjunction", "filler"), "fr", " et Rabat ")
        assert cues.only(["conjunction"], "en", ", and ")  # a list of families as well as a tuple


def test_a_window_is_kept_for_its_document_only():
    from pipeline.relations import cues as cue_module

    first, second = "Le Maroc coopère avec la France.", "La Tunisie et l'Italie coopèrent."
    read_document(first)
    assert document_window(first[9:16], 9)[0] == "coopere"
    assert cue_module._windows == {(9, 7): ("coopere", 9)}
    assert document_window(first[9:16], 9)[0] == "coopere"  # kept
    read_document(second)
    assert cue_module._windows == {}
    assert document_window(second[9:16], 9)[0] == normalize(second[9:16])  # the new document's slice
