"""Property-based tests (hypothesis): no exception, offsets inside the text, and the
original text recoverable from the offsets, whatever the input."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.entities.lexicon_matcher import build_automata, scan
from pipeline.entities.recognize import recognize_entities
from pipeline.language.arabic import split_proclitic
from pipeline.nlp import get_nlp
from pipeline.language.normalize import normalize, normalize_with_offsets
from pipeline.model import Document
from pipeline.relations.extract import extract_relations

WORDS = ["المغرب", "وفرنسا", "للأمن", "الوطني", "بالرباط", "السيد", "عبد", "اللطيف", "حموشي", "تعاون", "بين",
         "Maroc", "France", "DGSN", "(DGSN)", "M.", "Hammouchi", "coopération", "entre", "et", "ONU", "UN",
         "٢٠١٥", "2015", "،", "؛", "؟", ".", "«", "»", "“", "”", "\n", "\n\n", "ـ", "\u064e", "\u0651", "🔥"]
PIECES = st.one_of(st.sampled_from(WORDS), st.text(min_size=1, max_size=6))
TEXTS = st.lists(PIECES, max_size=40).map(lambda xs: " ".join(xs))
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.text(max_size=300))
def test_normalize_offsets_are_monotonic_and_inside(text):
    norm, index = normalize_with_offsets(text)
    assert len(norm) == len(index)
    assert all(0 <= i < len(text) for i in index)
    assert index == sorted(index)
    assert normalize(text) == norm


@FAST
@given(st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF), max_size=12))
def test_clitic_split_recovers_the_word(word):
    parts = split_proclitic(word, frozenset({"فرنسا", "باريس"}))
    if parts:
        assert "".join(parts) == word and parts[0] and parts[1]


@pytest.mark.parametrize("lang", ["ar", "fr", "en"])
@FAST
@given(text=TEXTS)
def test_pipeline_keeps_text_and_offsets(lang, text):
    doc = get_nlp(lang)(text)
    assert doc.text == text
    assert "".join(t.text_with_ws for t in doc) == text
    document = Document(id="p", text=text, lang=lang)
    mentions = recognize_entities(doc, document)
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
    for rel in extract_relations(doc, document, mentions):
        for ev in rel.evidence:
            assert 0 <= ev.start <= ev.end <= len(text)
            assert text[ev.start:ev.end] == ev.text


@FAST
@given(TEXTS)
def test_lexicon_scan_offsets(text):
    names, demonyms = build_automata()
    for automaton in (names, demonyms):
        spans = scan(text, automaton)
        for start, end, _ in spans:
            assert 0 <= start < end <= len(text)
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))  # non-overlapping, in order


DATE_WORDS = ["2015", "٢٠١٥", "13", "١٣", "novembre", "November", "نوفمبر", "تشرين الثاني", "كانون الثاني/يناير",
              "le", "on", "في", "من", "إلى", "-", "/", ".", "،", "Monday", "lundi", "الاثنين", "1er", "3rd", "31"]


@pytest.mark.parametrize("lang", ["ar", "fr", "en"])
@FAST
@given(words=st.lists(st.one_of(st.sampled_from(DATE_WORDS), st.text(max_size=4)), max_size=25),
       reference=st.sampled_from([None, "2024-05-20", "2023"]))
def test_dates_are_valid_and_inside_the_text(lang, words, reference):
    import re

    from pipeline.language.dates import find_dates

    text = " ".join(words)
    found = find_dates(text, lang, reference)
    for d in found:
        assert 0 <= d.start < d.end <= len(text)
        assert re.fullmatch(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?", d.value), d.value
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
