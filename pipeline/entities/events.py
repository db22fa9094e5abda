"""``event_patterns``: named events found by their head noun (``ontology/patterns/event_heads.yaml``).

An event is a head noun (أحداث، عملية، قمة، attentats, opération, sommet, attacks,
Exercise, summit...) with its name:

- a quoted name: أحداث «باتاكلان», l'opération « Serval », operation 'GLOBAL CHAIN';
- capitalized words (Latin): Operation Sophia, l'opération française Barkhane (a demonym
  may sit between), Exercise Bright Star 2017, "L'opération, baptisée Kafo II";
- in Arabic, a word that is not a common or function word right after the head
  (عملية صوفيا), or for place-taking heads a city or country (قمة بروكسل);
- a year right after the name (or after سنة / عام / en / in) is kept in the attrs.

A head alone ("the operation", القمة) is not an event.

Assigns ``doc.spans["events"]`` (``label_`` "Event") and
``doc.user_data["event_names"][(start_char, end_char)] = {"name", "head", "year"}``: ``name``
is the name part alone (باتاكلان, Barkhane) so resolution can use it as an alias.

Usage::

    nlp = spacy.blank("fr")
    nlp.add_pipe("lexicon_matcher"); nlp.add_pipe("event_patterns")
    doc = nlp("Les soldats de l'opération Barkhane au Mali.")
    [s.text for s in doc.spans["events"]]   # ['opération Barkhane']
"""
from __future__ import annotations

import re

from spacy.lang.ar.stop_words import STOP_WORDS as AR_STOP
from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.entities.head_nouns import CLOSE_QUOTES, OPEN_QUOTES
from pipeline.entities.tokens import (
    AR_COMMON_FILE,
    PATTERNS_DIR,
    LexiconMarks,
    is_arabic_word,
    is_capitalized,
    is_clitic,
    load_word_list,
    load_yaml,
    match_at,
    norm,
    phrases,
)
from pipeline.language.normalize import normalize

EVENT_HEADS_FILE = PATTERNS_DIR / "event_heads.yaml"
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)م?$")
_YEAR_CUES = {"سنه", "عام", "en", "in", "of", "de"}
_NAMING = {"baptisee", "baptise", "nommee", "nomme", "appelee", "appele", "dite", "dubbed", "codenamed", "called", "named",
           "المسماه", "المسمي", "المعروفه", "بعنوان"}
_AR_STOP = frozenset(normalize(w) for w in AR_STOP)
# Without a POS tagger: words shaped like verbs (imperfect ي/ت/ن + 3 letters or more,
# form-IV past ا...ت) do not name an event (عملية أطلقت).
_AR_VERB_SHAPE = re.compile(r"^(?:[يتن]\S{3,}|ا\S{2,}ت)$")
MAX_NAME = 4
MAX_QUOTED = 6


@Language.factory("event_patterns", assigns=["doc.spans", "doc.user_data"],
                  default_config={"heads_path": str(EVENT_HEADS_FILE)})
def make_event_patterns(nlp: Language, name: str, heads_path: str) -> "EventPatterns":
    return EventPatterns(name=name, lang=nlp.lang, heads_path=heads_path)


class EventPatterns:
    """Marks events named after a head noun (see module docstring)."""

    def __init__(self, *, name: str = "event_patterns", lang: str = "xx", heads_path: str = str(EVENT_HEADS_FILE)) -> None:
        self.name = name
        self.lang = lang
        spec = load_yaml(heads_path).get(lang) or {}
        self.heads = phrases(spec.get("heads"))
        self.with_place = set(phrases(spec.get("with_place")))
        self.common = load_word_list(str(AR_COMMON_FILE)) if lang == "ar" else frozenset()

    def _quoted(self, doc: Doc, j: int) -> tuple[int, int] | None:
        if j >= len(doc) or doc[j].text not in OPEN_QUOTES | {"‘", "’"}:
            return None
        for k in range(j + 1, min(len(doc), j + 2 + MAX_QUOTED)):
            if doc[k].text in CLOSE_QUOTES | {"’", "‘"}:
                return (j + 1, k) if k > j + 1 else None
        return None

    def _name_after(self, doc: Doc, norms: list[str], head: tuple[str, ...], j: int,
                    marks: LexiconMarks) -> tuple[int, int, bool] | None:
        """``(name_start, name_end, quoted)`` of the event's name after the head."""
        # Skip a demonym, a comma and a naming participle: "l'opération française Barkhane",
        # "L'opération, baptisée Kafo II", "operation, codenamed 'GLOBAL CHAIN'".
        named = False
        for _ in range(3):
            # A capitalized demonym may start the name itself (Exercise African Lion).
            demonym = marks.demonym_at(j) if j < len(doc) and not is_capitalized(doc[j]) else None
            if j < len(doc) and (demonym or doc[j].text in (",", "،") or norms[j] in _NAMING):
                named = named or not demonym
                j = marks.demonym[j].end if demonym else j + 1
        quoted = self._quoted(doc, j)
        if quoted:
            return quoted[0], quoted[1], True
        if named:  # "L'opération, baptisée Kafo II": the name stands alone, like a quoted one
            found = self._name_after(doc, norms, head, j, marks)
            return (found[0], found[1], True) if found and found[1] > found[0] else None
        if j >= len(doc):
            return None
        if marks.type_at(j) in ("City", "Country", "Location"):
            # قمة بروكسل: the place names the summit; عملية صوفيا: an operation named after a place.
            return marks.name[j].start, marks.name[j].end, False
        if marks.type_at(j):
            return None
        if self.lang == "ar":
            token = doc[j]
            n = norms[j]
            if not is_arabic_word(token) or is_clitic(token) or n.startswith("ال") or n in _AR_STOP or n in self.common:
                return None
            if _AR_VERB_SHAPE.match(n):
                return None
            return j, j + 1, False
        end = j
        while end < len(doc) and end - j < MAX_NAME and (is_capitalized(doc[end]) or (
                end > j and (doc[end].text.isupper() or doc[end].like_num) and not _YEAR.match(doc[end].text))):
            if marks.type_at(end):
                break
            end += 1
        return (j, end, False) if end > j else None

    def _year(self, doc: Doc, norms: list[str], k: int) -> tuple[int, str | None]:
        if k < len(doc) and norms[k] in _YEAR_CUES and k + 1 < len(doc) and _YEAR.match(norms[k + 1]):
            return k + 2, norms[k + 1][:4]
        if k < len(doc) and _YEAR.match(norms[k]):
            return k + 1, norms[k][:4]
        return k, None

    def __call__(self, doc: Doc) -> Doc:
        marks = LexiconMarks(doc)
        norms = [norm(t) for t in doc]
        spans: list[Span] = []
        info: dict[tuple[int, int], dict] = {}
        i = 0
        while i < len(doc):
            head = match_at(norms, i, self.heads)
            if head is None or (self.lang == "en" and doc[i].text.isupper() and len(doc[i]) > 1):
                i += 1
                continue
            found = self._name_after(doc, norms, head, i + len(head), marks)
            if found is None:
                i += 1
                continue
            n_start, n_end, quoted = found
            after, year = self._year(doc, norms, n_end + (1 if quoted else 0))
            # A quoted name is the event's name as written (أحداث «باتاكلان»: باتاكلان); else
            # the span runs from the head, with a bare year that follows (Exercise Bright Star 2017).
            start, end = (n_start, n_end) if quoted else (i, n_end)
            if quoted and end < len(doc) and doc[end].text in CLOSE_QUOTES | {"’", "‘"}:
                pass  # the closing quote stays out of the name
            if not quoted and year and after == n_end + 1:
                end = n_end = after
            if year is None and n_end > n_start and _YEAR.match(norms[n_end - 1]):
                year = norms[n_end - 1][:4]
            span = Span(doc, start, end, label="Event")
            name = doc[n_start:n_end].text
            spans.append(span)
            info[(span.start_char, span.end_char)] = {"name": name, "head": " ".join(head), "year": year}
            i = max(end, after)
        doc.spans["events"] = spans
        doc.user_data["event_names"] = info
        return doc
