"""The shared base of the entity components: quoting, overlaps, phrase scans, function words."""
import spacy

from pipeline.entities.component import (EVENT_QUOTING, NAME_QUOTING, Match, TokenRange, function_words,
                                         longest_first, scan_phrases)
from pipeline.entities.tokens import phrases


def test_quoting_limits_differ_by_caller():
    doc = spacy.blank("en")('head « a b c d e f » rest')
    # six quoted words: an event's name may hold them, a body's name may not
    assert EVENT_QUOTING.after(doc, 1) == TokenRange(2, 8)
    assert NAME_QUOTING.after(doc, 1) is None
    assert NAME_QUOTING.after(spacy.blank("en")("x « a b » y"), 1) == TokenRange(2, 4)


def test_event_quoting_takes_single_curly_quotes():
    doc = spacy.blank("en")("operation ‘ GLOBAL CHAIN ’ began")
    assert EVENT_QUOTING.after(doc, 1) == TokenRange(2, 4)
    assert NAME_QUOTING.after(doc, 1) is None


def test_longest_first_keeps_longer_then_earlier_matches():
    found = [Match(0, 2, "A", None), Match(1, 4, "B", None), Match(4, 5, "C", None), Match(3, 5, "D", None)]
    assert [m.label for m in longest_first(found)] == ["B", "C"]


def test_scan_phrases_resumes_past_a_match():
    norms = "a b a b c".split()
    heads = phrases(["a b", "b"])
    reads = scan_phrases(heads, norms, lambda i, p: Match(i, i + len(p) + 1, " ".join(p), None))
    assert [(m.start, m.end, m.label) for m in reads] == [(0, 3, "a b"), (3, 5, "b")]
    every = scan_phrases(heads, norms, lambda i, p: Match(i, i + len(p) + 1, " ".join(p), None), resumes=False)
    assert [m.start for m in every] == [0, 1, 2, 3]


def test_function_words_are_read_from_the_ontology_file():
    words = function_words()
    assert ("town", "of") in words.town_of and ("ville", "d'") in words.town_of
    assert "بن" in words.name_links and "baptisee" in words.naming
    assert "on" in words.target_links  # quoted in the YAML: a bare `on` would read as true
