"""``event_lexicon``: recurring and well-known named events from a curated lexicon
(``ontology/lexicons/named_events.yaml``): exercises (African Lion, Flintlock), operations
(Barkhane, Operation Irini), fora and summits (Munich Security Conference, منتدى داكار),
agreements (accord d'Alger, اتفاق الصخيرات), in English, French and Arabic.

A name is found in the normalized text by the lexicon matcher's automaton (Arabic through a
proclitic: وبمؤتمر ميونخ للأمن; Latin capitalized, or with its lowercase generic first word
when a capitalized word follows: accord d'Alger), and its edition joins its extent when it
is written next to it:

- a year after the name (African Lion 2024, الأسد الإفريقي 2024), or in English before it
  (the 2024 Munich Security Conference); a year after a cue (مناورات الأسد الإفريقي لعام
  2024, Flintlock in 2019) is kept as the year, outside the extent;
- an ordinal before the name (the 60th Munich Security Conference), or an edition phrase
  (the 10th edition of the Dakar Forum, la 10e édition du Forum de Dakar, الدورة الـ60
  لمؤتمر ميونخ للأمن, النسخة العاشرة من مناورات الأسد الإفريقي: an event head may stand
  between the phrase and the name);
- a number after a numbered series' name (Medusa-10, نسور النيل-2, Trigger VIII).

The name of a one-off event alone (Barkhane, accord d'Alger) is a mention too, unless the
document names two of its editions (which one it is is unsaid); a recurring series' name
alone (``series``: Flintlock, "organised every year since 2005") is the series as often as
one edition: a mention only where the document names one edition of it (resolution joins
them), else none. Forms of an entry's ``edition_only`` (names that
are also common words or persons' names: Marhaba, Sophia) are mentions only with an edition.
The component runs after the other event components: names that their events already cover
are left to them (la frappe de Barkhane en janvier 2021, the Cobra Gold 2023 exercise); an event strictly
inside one of these names (opération Screen of a longer name) gives way, and one that starts
on the name's last word and runs on past it is its host place (the 2023 NATO summit in
Vilnius: one span).

Assigns to ``doc.spans["events"]`` (``label_`` "Event"; ``kb_id_`` the lexicon id) with
``span._.event_name``: ``name`` the entry's shortest form inside the name as written
(Operation Irini for "EUNAVFOR MED Operation IRINI": resolution joins the document's
mentions by it),
``alias`` the series name as written when it differs, ``year``; no ``head`` (a head would
keep it apart from "task force Takuba"; cross-document identity reads the entry's kind).

Usage::

    nlp = spacy.blank("en")
    nlp.add_pipe("event_lexicon")
    doc = nlp("Troops joined African Lion 2024 in Agadir.")
    [(s.text, s._.event_name.year) for s in doc.spans["events"]]   # [('African Lion 2024', '2024')]
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import ahocorasick
from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.entities.lexicon_matcher import name_automaton, normalized_text, scan
from pipeline.entities.records import EventName
from pipeline.entities.tokens import known_arabic_words, phrases, token_view
from pipeline.language.morphology import ARTICLE
from pipeline.language.normalize import normalize
from pipeline.ontology_data import event_heads, event_kinds, named_events

_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)م?$")
# 10th, 10e, 10ème, 1er; Arabic الـ10, ال10 (the ordinal written in digits after the article)
_DIGIT_ORDINAL = re.compile(rf"^(?:\d{{1,3}}(?:e|er|re|ère|ème|eme|th|st|nd|rd)|{ARTICLE}ـ?\d{{1,3}})$", re.IGNORECASE)
_ARABIC_ARTICLE_MARK = re.compile(rf"^{ARTICLE}ـ?$")  # the article written apart from its digits (الـ 60)
_SERIES_NUMBER = re.compile(r"^(?:[-‐–]?\d{1,3}|[IVX]{1,5})$")
_DASH = frozenset("-‐–")
_GLUED_NUMBER = re.compile(r"^[-‐–]\d{1,3}$")
# An edition phrase's ordinal spans this many words at most (الحادية والعشرين، twenty-first).
MAX_ORDINAL_WORDS = 3


class Entry(NamedTuple):
    """What a match needs of its lexicon entry: whether it numbers its editions, its forms
    (normalized) that need an edition and all its forms, shortest first."""

    numbered: bool
    edition_only: frozenset[str]
    forms: tuple[str, ...]
    series: bool = False  # a recurring event: its name alone is no mention


class Tables(NamedTuple):
    automaton: ahocorasick.Automaton
    entries: dict[str, Entry]


class EditionWords(NamedTuple):
    words: frozenset[str]
    links: list[tuple[str, ...]]
    year_cues: frozenset[str]
    ordinals: frozenset[str]
    heads: frozenset[str]  # event heads that may stand between an edition phrase and the name
    following_heads: frozenset[str]  # heads that follow the name they head (en before_name)


def _form_kind(text: str) -> str:
    letters = [c for c in text if c.isalpha()]
    return "acronym" if letters and text.upper() == text and any(c.isupper() for c in letters) else "label"


@lru_cache(maxsize=2)
def lexicon_tables() -> Tables:
    """The automaton of every form of every entry (each language's forms match in any
    document: names cross languages) and the entries by id; built once per process."""
    forms: list[tuple[str, str, str, str]] = []
    entries: dict[str, Entry] = {}
    for item in named_events()["events"]:
        only = frozenset(" ".join(normalize(f).split()) for f in item.get("edition_only") or [])
        every = sorted({f for names in item["names"].values() for f in names}, key=lambda f: (len(f), f))
        entries[item["id"]] = Entry(bool(item.get("numbered")), only, tuple(every), bool(item.get("series")))
        for names in item["names"].values():
            forms += [(form, item["id"], "Event", _form_kind(form)) for form in names]
    return Tables(name_automaton(forms), entries)


@lru_cache(maxsize=4)
def edition_words(lang: str) -> EditionWords:
    spec = named_events()["editions"].get(lang) or {"words": [], "links": []}
    kinds = event_kinds()
    ordinals = frozenset(normalize(w) for w in (kinds["ordinals"].get(lang) or {}))
    heads = frozenset(normalize(h) for h in (event_heads().get(lang) or {}).get("heads") or [])
    heads |= frozenset(h[len(ARTICLE):] for h in heads if h.startswith(ARTICLE))
    heads |= frozenset(ARTICLE + h for h in heads if lang == "ar" and not h.startswith(ARTICLE))
    return EditionWords(frozenset(normalize(w) for w in spec["words"]), phrases(spec["links"]),
                        frozenset(normalize(w) for w in spec.get("year_cues") or []), ordinals, heads,
                        frozenset(normalize(h) for h in (event_heads().get(lang) or {}).get("before_name") or []))


class Found(NamedTuple):
    start: int  # tokens
    end: int
    entry_id: str
    name: str  # the series name as written
    year: str | None
    head: str = ""  # a head noun after the name in the extent (English: the X exercise)
    name_start: int = -1  # the name's first token (after an edition phrase or ordinal before it)
    edition: bool = False  # an edition is written next to the name


def _glued_word(text: str, start: int) -> str | None:
    """The written word a match starts inside of, from its first letter on to the match's
    first word's end (لجنة for a name جنة after ل), or None when the match starts a word."""
    if start == 0 or not text[start - 1].isalpha():
        return None
    s = start
    while s > 0 and text[s - 1].isalpha():
        s -= 1
    end = start
    while end < len(text) and text[end].isalpha():
        end += 1
    return normalize(text[s:end])


def _ordinal(norms: list[str], texts: list[str], i: int, words: EditionWords) -> int:
    """The first token of an ordinal that ends at token ``i - 1`` (the 10th, الـ10, الحادية
    والعشرين, الـ 60), or ``i`` when none does."""
    j = i
    while j > 0 and i - j < MAX_ORDINAL_WORDS and (norms[j - 1] in words.ordinals
                                                  or _DIGIT_ORDINAL.match(texts[j - 1])
                                                  or texts[j - 1].isdigit() and j - 2 >= 0
                                                  and _ARABIC_ARTICLE_MARK.match(texts[j - 2])):
        j -= 2 if texts[j - 1].isdigit() and not _DIGIT_ORDINAL.match(texts[j - 1]) else 1
    return j


def _edition_before(norms: list[str], texts: list[str], start: int, lang: str) -> tuple[int, str | None]:
    """Where the edition written before a name at token ``start`` begins (an edition phrase,
    an ordinal, in English a year), and the year it gives; ``(start, None)`` when none."""
    words = edition_words(lang)
    i = start
    if i > 0 and norms[i - 1] in words.heads:  # النسخة العاشرة من مناورات X
        i -= 1
    if lang == "ar" and i > 0 and norms[i - 1] == "ل" and not texts[i - 1].endswith(" "):
        i -= 1  # الدورة الـ60 ل + مؤتمر ميونخ للأمن (the clitic split off)
    for link in words.links:
        if i >= len(link) and tuple(norms[i - len(link):i]) == link:
            i -= len(link)
            break
    # the phrase: an edition word, then an ordinal or a year (la 10e édition, l'édition 2024, الدورة الـ60)
    if i > 0 and _YEAR.match(texts[i - 1]) and i - 1 > 0 and norms[i - 2] in words.words:
        return i - 2, _YEAR.match(texts[i - 1]).group(1)
    j = _ordinal(norms, texts, i, words)
    if j < i and j > 0 and norms[j - 1] in words.words:
        return j - 1, None
    if i > 0 and norms[i - 1] in words.words:
        k = _ordinal(norms, texts, i - 1, words)  # la 10e édition du
        if k < i - 1:
            return k, None
        return start, None  # an edition word with no number: not this edition
    # an ordinal or (English) a year right before the name: the 60th Munich Security Conference
    j = _ordinal(norms, texts, start, words)
    if j < start and lang != "ar":
        return j, None
    if lang == "en" and start > 0 and _YEAR.match(texts[start - 1]):
        return start - 1, _YEAR.match(texts[start - 1]).group(1)
    return start, None


def _edition_after(norms: list[str], texts: list[str], end: int, entry: Entry,
                   lang: str) -> tuple[int, str | None, bool]:
    """(the extent's new end, the year, whether an edition was read) after a name ending at
    token ``end``: a series number, then a year; a cue and a year give the year alone."""
    n = len(texts)
    edition = False
    if entry.numbered and end < n:
        if texts[end] in _DASH and end + 1 < n and texts[end + 1].isdigit() and len(texts[end + 1]) <= 3:
            end, edition = end + 2, True
        elif _SERIES_NUMBER.match(texts[end]) and not _YEAR.match(texts[end]):
            end, edition = end + 1, True
    if end < n and _YEAR.match(texts[end]):
        return end + 1, _YEAR.match(texts[end]).group(1), True
    if end + 1 < n and norms[end] in edition_words(lang).year_cues and _YEAR.match(texts[end + 1]):
        return end, _YEAR.match(texts[end + 1]).group(1), True
    return end, None, edition


@Language.factory("event_lexicon", assigns=["doc.spans", "span._.event_name"])
class EventLexicon:
    """Marks named events of the curated lexicon and their editions: adds to
    ``doc.spans["events"]`` (see module docstring)."""

    def __init__(self, nlp: Language, name: str = "event_lexicon") -> None:
        self.name = name
        self.lang = nlp.lang

    def find(self, doc: Doc) -> list[Found]:
        tables = lexicon_tables()
        view = token_view(doc)
        text, norms, texts = view.text, view.norms, view.texts
        words = known_arabic_words()
        found: list[Found] = []
        for hit in scan(text, tables.automaton, normalized_text(text)):
            if hit.pattern.arabic and _glued_word(text, hit.start) in words:
                continue  # a word that only ends like a name
            entry_id = hit.pattern.ids[0]
            entry = tables.entries[entry_id]
            span = doc.char_span(hit.start, hit.end, alignment_mode="contract")
            glued_number = False
            if span is None or span.end_char != hit.end or span.start_char != hit.start:
                # a numbered name written as one token with its number (Medusa-10, ميدوزا-10)
                span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
                if (span is None or not entry.numbered or span.start_char != hit.start
                        or not _GLUED_NUMBER.match(text[hit.end:span.end_char])):
                    continue
                glued_number = True
            start, year_before = _edition_before(norms, texts, span.start, self.lang)
            end, year, after = _edition_after(norms, texts, span.end, entry, self.lang)
            after = after or glued_number
            if year:  # a name with its year is the edition; a phrase before it is told apart
                start = span.start  # (the 42nd edition of the Cobra Gold 2023 exercise: an anaphor)
            year = year or year_before
            edition = after or start < span.start
            if not edition and " ".join(normalize(span.text).split()) in entry.edition_only:
                continue
            # English: the head noun after the name is in the extent (the Cobra Gold 2023 exercise)
            head = ""
            following = edition_words(self.lang).following_heads
            if end < len(norms) and norms[end] in following:
                head, end = texts[end], end + 1
            found.append(Found(start, end, entry_id, text[hit.start:hit.end], year, head, span.start, edition))
        return found

    def __call__(self, doc: Doc) -> Doc:
        found = self.find(doc)
        if not found:
            return doc
        spans = list(doc.spans.get("events", []))
        entries = lexicon_tables().entries
        # a series named alone where the document names two of its editions (Flintlock 2015,
        # Flintlock 2020): which one is unsaid, resolution could join it to neither
        editions: dict[str, set[str]] = {}
        for item in found:
            if item.edition:
                editions.setdefault(item.entry_id, set()).add(item.year or str(item.start))
        series = {f.entry_id for f in found if lexicon_tables().entries[f.entry_id].series}
        # a series' name alone is the document's one edition of it, else no mention (see module doc)
        found = [f for f in found if f.edition or len(editions.get(f.entry_id, ())) == (1 if f.entry_id in series else 0)
                 or f.entry_id not in series and len(editions.get(f.entry_id, ())) < 2]
        for item in found:
            # an event of the other rules inside the edition phrase (an anaphor: the 20th
            # edition of African Lion) keeps it: the name alone is the lexicon's
            if any(item.start <= s.start and s.end <= item.name_start for s in spans):
                item = item._replace(start=item.name_start)
            inside = [s for s in spans if s.start < item.end and item.start < s.end]
            end = item.end
            # a head rule's event that starts on the name's last word and runs on past it (the
            # 2023 NATO summit in Vilnius: "summit in Vilnius") is the name's host place: one span
            on = [s for s in inside if item.start < s.start == item.end - 1 and s.end > item.end]
            if len(on) == 1 and len(inside) == 1:
                end = on[0].end
            elif any(not (item.start <= s.start and s.end <= item.end) or (s.start, s.end) == (item.start, item.end)
                     for s in inside):
                continue  # an event of the head rules covers it, or crosses it
            spans = [s for s in spans if s not in inside]
            span = Span(doc, item.start, end, label="Event", kb_id=item.entry_id)
            # the entry's shortest form inside the name names it (Operation Irini of "EUNAVFOR
            # MED Operation IRINI"), so resolution joins the document's other mentions of it
            written = " ".join(normalize(item.name).split())
            name = next((f for f in entries[item.entry_id].forms
                         if f" {' '.join(normalize(f).split())} " in f" {written} "), item.name)
            if " ".join(normalize(name).split()) == written:
                name = item.name
            alias = item.name if normalize(item.name) not in (normalize(name), normalize(span.text)) else None
            if item.head:  # the name and its edition without the head (Cobra Gold 2023)
                alias = doc[item.start:item.end - 1].text
            span._.event_name = EventName(name=name, head=item.head, year=item.year, alias=alias)
            spans.append(span)
        doc.spans["events"] = sorted(spans, key=lambda s: s.start)
        return doc
