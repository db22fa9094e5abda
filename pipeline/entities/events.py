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
    is_definite,
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
# Participles (مشتركة، ملزم) and nisba adjectives in -ية qualify a head; they do not name it.
_AR_ADJECTIVE_SHAPE = re.compile(r"^(?:م\S{3,}|\S{2,}يه)$")
_LATIN_ORDINAL = re.compile(r"^\d{1,3}(?:e|er|ère|ème|eme|th|st|nd|rd)$", re.IGNORECASE)
_COMPLEMENT = {"de", "d'", "d’", "of", "in", "a", "à"}
_ARTICLES = {"la", "le", "l'", "l’", "les", "the"}
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
        self.named_only = set(phrases(spec.get("named_only")))
        self.heads = sorted(set(phrases(spec.get("heads"))) | self.named_only, key=lambda h: (-len(h), h))
        self.with_place = set(phrases(spec.get("with_place")))
        self.bare_name = set(phrases(spec.get("bare_name")))
        self.attack_heads = set(phrases(spec.get("attack_heads")))
        self.ordinal_heads = set(phrases(spec.get("ordinal_heads")))
        self.ordinals = frozenset(normalize(w) for w in spec.get("ordinals") or [])
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
        if self.lang == "ar":
            # Adjectives and demonyms between the head and a quoted name:
            # التدريب المصري السوداني المشترك «…».
            k = j
            while k < len(doc) and k - j < 5 and (is_definite(doc[k]) or marks.demonym_at(k)) and not marks.type_at(k):
                k += 1
            if k > j and self._quoted(doc, k):
                j = k
        for _ in range(3):
            # A capitalized demonym may start the name itself (Exercise African Lion).
            demonym = marks.demonym_at(j) if j < len(doc) and not is_capitalized(doc[j]) else None
            if j < len(doc) and (demonym or doc[j].text in (",", "،") or norms[j] in _NAMING):
                named = named or not demonym
                j = marks.demonym[j].end if demonym else j + 1
        quoted = self._quoted(doc, j)
        if quoted:
            return quoted[0], quoted[1], True
        if head in self.named_only and not named:
            return None
        if named:  # "L'opération, baptisée Kafo II": the name stands alone, like a quoted one
            found = self._name_after(doc, norms, head, j, marks)
            return (found[0], found[1], True) if found and found[1] > found[0] else None
        if j >= len(doc):
            return None
        if self.lang != "ar" and head in self.with_place and norms[j] in _COMPLEMENT:
            # l'attaque de Djerba, l'attentat de la Ghriba, the attack in Brussels
            k = j + 1 + (1 if j + 1 < len(doc) and norms[j + 1] in _ARTICLES else 0)
            if k < len(doc) and marks.type_at(k) in ("City", "Country", "Location"):
                return j, marks.name[k].end, False
            if k < len(doc) and head in self.attack_heads and is_capitalized(doc[k]) and not marks.type_at(k) \
                    and k not in self._heads_at(doc):
                end = k
                while end < len(doc) and end - k < MAX_NAME and is_capitalized(doc[end]) and not marks.type_at(end):
                    end += 1
                return j, end, False
            return None
        if marks.type_at(j) in ("City", "Country", "Location"):
            # قمة بروكسل: the place names the summit; عملية صوفيا: an operation named after a place.
            return marks.name[j].start, marks.name[j].end, False
        if marks.type_at(j):
            return None
        if self.lang == "ar":
            token = doc[j]
            n = norms[j]
            if head not in self.bare_name:
                return None  # اجتماع عقداه، اتفاق ملزم: a meeting or a deal needs a quoted name, a place or a year
            if not is_arabic_word(token) or is_clitic(token) or n.startswith("ال") or n in _AR_STOP or n in self.common:
                return None
            if _AR_VERB_SHAPE.match(n) or _AR_ADJECTIVE_SHAPE.match(n):
                return None
            return j, j + 1, False
        end = j
        while end < len(doc) and end - j < MAX_NAME and (is_capitalized(doc[end]) or (
                end > j and (doc[end].text.isupper() or doc[end].like_num) and not _YEAR.match(doc[end].text))):
            if marks.type_at(end):
                break
            end += 1
        return (j, end, False) if end > j else None

    @staticmethod
    def _heads_at(doc: Doc) -> set[int]:
        return {i for span in doc.spans.get("heads", []) for i in range(span.start, span.end)}

    def _ordinal_sessions(self, doc: Doc, norms: list[str]) -> list[tuple[int, int, str]]:
        """Numbered sessions: الدورة الثالثة عشرة, la 13e session, the 13th session."""
        out = []
        for i in range(len(doc)):
            head = match_at(norms, i, sorted(self.ordinal_heads, key=len, reverse=True))
            if head is None:
                continue
            if self.lang == "ar":
                k = i + len(head)
                while k < len(doc) and norms[k] in self.ordinals:
                    k += 1
                if k > i + len(head):
                    out.append((i, k, " ".join(head)))
            elif i > 0 and _LATIN_ORDINAL.match(doc[i - 1].text):
                out.append((i - 1, i + len(head), " ".join(head)))
        return out

    def _place_before_head(self, doc: Doc, norms: list[str], marks: LexiconMarks) -> list[tuple[int, int, str]]:
        """English: a city or country right before a place-taking head: the Brussels attack,
        the Doha agreement."""
        out = []
        if self.lang != "en":
            return out
        for i in range(1, len(doc)):
            head = match_at(norms, i, sorted(self.with_place, key=len, reverse=True))
            if head is None or marks.type_at(i - 1) not in ("City", "Country"):
                continue
            place = marks.name[i - 1]
            if place.start > 0 and norms[place.start - 1] in ("the", "this", "that"):
                out.append((place.start, i + len(head), place.text))
        return out

    def _named_with_year(self, doc: Doc, norms: list[str], marks: LexiconMarks) -> list[tuple[int, int, str]]:
        """Latin: capitalized words and a year, then an apposition with an event head:
        "taking part in African Lion 2024, the largest military exercise"."""
        out = []
        if self.lang == "ar":
            return out
        heads = self._heads_at(doc)
        for k in range(1, len(doc)):
            if not _YEAR.match(doc[k].text) or not is_capitalized(doc[k - 1]):
                continue
            start = k
            while start > 0 and k - start < MAX_NAME and is_capitalized(doc[start - 1]) and not doc[start - 1].is_stop \
                    and not marks.type_at(start - 1) and start - 1 not in heads \
                    and doc[start - 1].ent_type_ not in ("DATE", "TIME", "PERSON", "PER", "GPE", "LOC"):
                start -= 1
            if start == k or (start > 0 and doc[start - 1].text == "-") or all(marks.demonym_at(t) for t in range(start, k)):
                continue
            if match_at(norms, start, self.heads):
                continue  # Exercise Bright Star 2017: the head pattern has it
            # the head in an apposition right after the year: "African Lion 2024, the largest … exercise"
            if k + 1 < len(doc) and doc[k + 1].text == "," and any(
                    match_at(norms, t, self.heads) and not is_capitalized(doc[t]) for t in range(k + 2, min(len(doc), k + 12))):
                out.append((start, k + 1, doc[start:k].text))
        return out

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
        taken = {t for span in spans for t in range(span.start, span.end)}
        extra = [(s, e, name, "session") for s, e, name in self._ordinal_sessions(doc, norms)]
        extra += [(s, e, name, "place") for s, e, name in self._place_before_head(doc, norms, marks)]
        # A name with a year already named after its head (Exercise Bright Star 2017) is that event.
        named = " | ".join(normalize(v["name"]) for v in info.values())
        extra += [(s, e, name, "year") for s, e, name in self._named_with_year(doc, norms, marks)
                  if normalize(name) not in named]
        for start, end, name, kind in extra:
            if taken & set(range(start, end)):
                continue
            taken |= set(range(start, end))
            span = Span(doc, start, end, label="Event")
            year = norms[end - 1][:4] if _YEAR.match(norms[end - 1]) else None
            spans.append(span)
            info[(span.start_char, span.end_char)] = {"name": name if kind != "session" else span.text,
                                                      "head": kind, "year": year}
        doc.spans["events"] = sorted(spans, key=lambda s: s.start)
        doc.user_data["event_names"] = info
        return doc
