"""``event_phrases``: events a noun phrase singles out without naming them, read from the
dependency parse (French and English; ``ontology/patterns/event_phrases.yaml``).

An event head noun (meeting, session, summit, exercise, attack, coup, visit, bataille,
réunion, guerre...) heads an event phrase when the phrase singles out one event:

- an ordinal or a year: "the 38th meeting of GCC interior ministers", "la première
  réunion", "the 2023 Niger coup", "le coup d'État d'août 2020";
- a named party or place before the head or in a complement after it: "the Moura massacre",
  "la bataille de Tinzaouatène", "the war in Gaza", "l'attaque contre la base de Boulkessi".

The phrase's extent is the head's dependency subtree: the modifiers before it, then its
complements after it up to the first relative clause, verb, coordination or comma, each
complement with its own subtree pruned the same way; a place or time complement is cut when
what comes before it already singles the event out ("the 38th meeting of GCC interior
ministers [in Manama]"); a complement of someone met ("talks with Wray") ends it. The extent
never ends inside a word (algéro-tunisienne) or a lexicon name. Not events: a head alone, a
comparison or a class ("the largest annual exercise", "such attacks"), a capitalized head
without an ordinal or a year (the National Assembly, the United Nations Support Mission),
numbered heads (session, assembly) without an ordinal or a year, agreements and ceasefires
without a year, an ordinal or a name before them, indefinite plurals ("attacks on ..."), an
inauguration without a named complement ("son inauguration en mai 2009"), a part of another
event ("the closing ceremony in Nouakchott"). A coordination before the head stays in the
phrase ("the 2019 security and military cooperation agreement"); a French month without its
year ends it, as an English time entity does ("sommet de l'UA [en février]").

A head of ``qualified`` is singled out by one of its own adjectives (réunis en sommet
extraordinaire, an emergency Arab-Islamic summit): the span is the head with its adjectives,
the phrase with its complements its alias. A ceasefire or truce is singled out by its named
parties before it (the Israel-Lebanon ceasefire), an agreement is not. A time with its year
after a named head stays in the phrase and dates it ("a Predator strike in November 2002").

Assigns events to ``doc.spans["events"]`` beside ``event_patterns``' (which runs first; a
head inside one of its events is left to it) with ``span._.event_name`` an
:class:`~pipeline.entities.records.EventName`: ``name`` the whole phrase, ``head`` the head
noun, ``year`` a year in the phrase. The span is the head with the modifiers before it that
are no other name (the countries and bodies of the phrase stay mentions of their own); the
phrase is its name, and so an alias. A numbered session ``event_patterns`` found ("41e
session du Conseil") gets the phrase as its name when the parse's extent runs further ("41e
session du Conseil des ministres arabes de l'Intérieur"); an English event of
``event_patterns`` whose span starts at its head takes the nouns before that head into an alias
("the Paris attacks of November 2015"). Without a parse (a blank pipeline, Arabic) it assigns
nothing.

Anaphors (issue 16): a demonstrative right before an anaphoric head with no other modifier
or complement ("this exercise", "cette session"; after a definite article only the gatherings
of ``definite_anaphor_heads``: "the session", "la réunion") refers back to the last event of
its kind in the :data:`MAX_ANAPHOR_SENTENCES` sentences before
(:class:`~pipeline.entities.anaphors.AnaphorLinks`, as ``arabic_event_phrases``' anaphors):
its span goes to ``doc.spans["event_phrases"]`` with ``event_name.antecedent`` that event's
first token; it is no event of its own. A head of ``relative_heads`` with a relative word
(event_kinds.yaml's ``relative``: "the previous session", "last year's edition") is another
event of the series, never an anaphor: an event phrase whose name keeps that word, for
event_identity's counting rule. An exercise head after a definite article alone
(``single_anaphor_heads``: les manœuvres, the drills) refers back to the one exercise the
document names before it, when it names one only and no word of ``series_cues`` comes right
before (since the drills began); an edition (``edition_heads``: cette 17e édition, the 2024
edition; la 17e édition de l'exercice X) is the one named event of ``edition_kinds`` it follows
(or that follows its ``edition_links``) and no event of its own: its span leaves
``doc.spans["events"]``.

Usage::

    nlp = spacy.load("en_core_web_sm")
    for name in ("lexicon_matcher", "event_patterns", "event_phrases"):
        nlp.add_pipe(name)                     # config: path
    doc = nlp("The 2023 Niger coup toppled Mohamed Bazoum.")
    [s._.event_name.name for s in doc.spans["events"]]   # ['2023 Niger coup']
"""
from __future__ import annotations

import re
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.entities.anaphors import AnaphorLinks, Antecedent
from pipeline.entities.component import EntityComponent
from pipeline.entities.records import EventName
from pipeline.entities.tokens import LexiconMarks, is_capitalized
from pipeline.language.dates import load_months, load_weekdays
from pipeline.language.normalize import normalize
from pipeline.ontology_data import PATTERNS_DIR, event_heads, event_kinds, event_phrases

EVENT_PHRASES_FILE = PATTERNS_DIR / "event_phrases.yaml"
_YEAR = re.compile(r"^(?:1[89]\d\d|20\d\d)$")
_LATIN_ORDINAL = re.compile(r"^\d{1,4}(?:e|er|ère|ème|eme|th|st|nd|rd)$", re.IGNORECASE)
# A line whose words are mostly capitalized is a title-case headline: capitals name nothing there.
TITLE_CASE_SHARE = 0.6
# The session rule's head in event_patterns: its events may take the parse's longer extent.
SESSION_RULE = "session"
# Parts of speech of a capitalized word that names (not a demonym adjective, not "Quatre").
_NAME_POS = frozenset({"PROPN", "NOUN", "X"})
# The model's time entities: their capitalized words (Monday, March) name nothing.
_TIME_ENTS = frozenset({"DATE", "TIME"})
# What a numbered session's name does not end with: a clitic, a verb, a function word.
_NOT_NAME = frozenset({"PRON", "VERB", "AUX", "ADP", "DET", "PUNCT", "SCONJ", "CCONJ", "PART"})
# Dependencies after a head that make it a description of its own, not an anaphor.
_DESCRIBING_DEPS = frozenset({"prep", "poss", "compound", "nummod", "flat:name", "appos", "amod"})
# The words of a relative phrase, at most (l'édition de l'année dernière).
MAX_RELATIVE_TOKENS = 6
# The subject of a session's verb that a possessive refers to, and what ends its phrase.
_SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})
_OWNER_CUT = frozenset({"acl", "acl:relcl", "relcl", "conj", "cc", "advcl", "parataxis"})
_NAME_PUNCT = frozenset({"-", "‐", "'", "’"})
# How many articles and head nouns may stand between an edition's link and its event (of the exercise X).
MAX_EDITION_GAP = 3
# How many sentences before an anaphor (this exercise) its antecedent may be, at most.
MAX_ANAPHOR_SENTENCES = 3
# Whether a definite head alone (the attack, l'attaque) is an anaphor, or only with a
# demonstrative (this attack), by language: measured on corpus/train (module docstring).
BARE_ANAPHORS = {"fr": True, "en": True}


def year_text(doc: Doc, start: int, end: int) -> str | None:
    """The first year written among tokens ``start:end``."""
    return next((doc[k].text for k in range(start, end) if _YEAR.match(doc[k].text)), None)


def _verbal(token: Token) -> bool:
    """A verb or a participle after a noun ("mémorandum paraphé en décembre"): it leaves the
    phrase. A lowercase word tagged as a proper noun is a participle the tagger missed."""
    return token.pos_ in ("VERB", "AUX") or "Part" in token.morph.get("VerbForm") or (
        token.pos_ == "PROPN" and token.is_lower)


class Anaphor(NamedTuple):
    """An anaphor at tokens ``start:end`` (this exercise) headed by ``head``, and the first
    token of the event it refers back to."""

    start: int
    end: int
    head: str
    antecedent: int


class Phrase(NamedTuple):
    """An event phrase: its span (tokens ``start:end``), its extent (``name_start:name_end``),
    its head noun and the year written in it."""

    start: int
    end: int
    name_start: int
    name_end: int
    head: str
    year: str | None
    relative: bool = False  # la précédente session: another event of the series, no antecedent


@Language.factory("event_phrases", assigns=["doc.spans", "span._.event_name"],
                  default_config={"path": str(EVENT_PHRASES_FILE)})
class EventPhrases(EntityComponent):
    """Marks events that a noun phrase singles out (see module docstring): adds them to
    ``doc.spans["events"]`` (``label_`` "Event", ``span._.event_name``) and gives
    ``event_patterns``' numbered sessions the parse's extent as their name."""

    finders = {"fr": ("_phrases",), "en": ("_phrases",)}

    def __init__(self, nlp: Language, name: str = "event_phrases", *, path: str = str(EVENT_PHRASES_FILE)) -> None:
        super().__init__(nlp, name)
        spec = event_phrases(path).get(self.lang) or {}

        def words(key: str) -> frozenset[str]:
            return frozenset(normalize(w) for w in spec.get(key) or [])

        self.heads = words("heads")
        self.fixed = sorted({tuple(normalize(w).split()) for w in spec.get("fixed") or []}, key=len, reverse=True)
        self.numbered = words("numbered_heads")
        self.dated = words("dated_heads")
        self.party_dated = words("party_dated_heads")
        self.plural = words("plural_heads")
        # dependency labels are the model's, as written
        self.left_deps = frozenset(spec.get("left_deps") or [])
        self.prune_deps = frozenset(spec.get("prune_deps") or [])
        self.keep_conj_after = words("keep_conj_after")
        self.adjunct = words("adjunct_preps")
        self.party = words("party_preps")
        self.complement_heads = words("complement_heads")
        self.object_heads = words("object_heads")
        self.part_words = words("part_words")
        self.generic = words("generic_words")
        self.indefinite = words("indefinite")
        kinds = event_kinds()
        self.ordinals = frozenset(normalize(w) for w in (kinds["ordinals"].get(self.lang) or {}))
        self.ordinal_values = {normalize(w): v for w, v in (kinds["ordinals"].get(self.lang) or {}).items()}
        self.durations = words("durations")
        self.combining = frozenset(normalize(w) for w in kinds["country_prefixes"])
        self.session_bodies = frozenset(normalize(w) for w in (event_heads().get(self.lang) or {}).get("session_bodies") or [])
        self.kind_of = {normalize(h): kind for kind, by_lang in kinds["kinds"].items() for h in by_lang.get(self.lang) or []}
        self.anaphor_heads = words("anaphor_heads")
        self.demonstratives = words("demonstratives")
        self.definites = words("definites") if BARE_ANAPHORS.get(self.lang) else frozenset()
        self.definite_heads = words("definite_anaphor_heads")
        self.single_heads = words("single_anaphor_heads")
        self.series_cues = words("series_cues")
        self.single_definites = self.definites | words("single_definites") if self.definites else frozenset()
        self.edition_heads = words("edition_heads")
        self.edition_kinds = frozenset(spec.get("edition_kinds") or [])
        self.edition_links = words("edition_links")
        relative = kinds.get("relative") or {}

        def relative_words(*families: str) -> frozenset[str]:
            return frozenset(normalize(w) for family in families for w in (relative.get(family) or {}).get(self.lang) or [])

        self.relatives = relative_words("previous", "next", "year_words")
        # "the next session" is left out: a session to come, which the tuning sets do not
        # annotate (on corpus/train fr+en its relations were all wrong)
        self.shifts = relative_words("previous")
        self.year_words = relative_words("year_words")
        self.relative_heads = words("relative_heads")
        self.possessives = words("possessives")
        # qualified heads: head -> the words of its own modifiers that single it out
        self.qualified: dict[str, frozenset[str]] = {}
        for pair in spec.get("qualified") or []:  # "opération conjointe": the head, then a cue
            head, cue = normalize(pair).split(maxsplit=1)
            self.qualified[head] = self.qualified.get(head, frozenset()) | {cue}
        self.negations = words("negations")
        self.calendar = frozenset((load_months().get(self.lang) or {}) | (load_weekdays().get(self.lang) or {}))
        self.name_left_deps = frozenset(spec.get("name_left_deps") or [])
        self.owner_link = " ".join(spec.get("owner_link") or [])
        self.owner_contractions = {normalize(" ".join(pair[:-1])): pair[-1] for pair in
                                   (w.split() for w in spec.get("owner_contractions") or []) if len(pair) > 1}

    def find(self, doc: Doc, norms: list[str], marks: LexiconMarks) -> list:
        """The event phrases, then the anaphors of the events found so far and of those."""
        found = super().find(doc, norms, marks)
        found += self._relative_phrases(doc, norms, found)
        return found + self._anaphors(doc, norms, found)

    def _relative_phrases(self, doc: Doc, norms: list[str], found: list[Phrase]) -> list[Phrase]:
        """la précédente session, the next round, last year's edition, l'édition de l'année
        dernière: a head of ``relative_heads`` with a relative word (or a year word with one)
        among its modifiers; the phrase runs from the first of them to the last."""
        if not doc.has_annotation("DEP") or not self.relative_heads:
            return []
        taken = {k for s in doc.spans.get("events", []) for k in range(s.start, s.end)}
        taken |= {k for p in found for k in range(p.name_start, p.name_end)}
        out: list[Phrase] = []
        for token in doc:
            if token.i in taken or norms[token.i] not in self.relative_heads or token.pos_ != "NOUN":
                continue
            words = [c for c in token.children if norms[c.i] in self.shifts and c.dep_ == "amod"]
            for c in token.children:  # last year's edition, l'édition de l'année dernière
                if norms[c.i] in self.year_words:
                    shift = [g for g in c.children if norms[g.i] in self.shifts and g.dep_ == "amod"]
                    if shift:
                        words += [c, *shift]
            if not words:
                continue
            start = min(w.i for w in [token, *words])
            end = max(w.i for w in [token, *words]) + 1
            if any(k in taken for k in range(start, end)) or end - start > MAX_RELATIVE_TOKENS:
                continue
            out.append(Phrase(start, end, start, end, norms[token.i], None, relative=True))
            taken.update(range(start, end))
        return out

    # --- the extent -------------------------------------------------------------------------
    def _head_end(self, norms: list[str], i: int) -> int:
        """The end of the head at ``i``: past a fixed complement (coup d'État)."""
        for fixed in self.fixed:
            if tuple(norms[i:i + len(fixed)]) == fixed:
                return i + len(fixed)
        return i + 1

    def _prep(self, token: Token, norms: list[str]) -> str | None:
        """The preposition of a complement: the token itself (en ``prep``) or its ``case``
        child (fr)."""
        if token.dep_ == "prep":
            return norms[token.i]
        case = next((c for c in token.children if c.dep_ == "case"), None)
        return norms[case.i] if case is not None else None

    def _subtree(self, token: Token, norms: list[str], keep_conj: bool, cut=None) -> set[int]:
        """The tokens of ``token``'s subtree without its pruned branches (its commas kept:
        the extent's contiguity and trimming drop those that end it); ``cut(child)`` says
        whether a nested complement leaves the phrase too."""
        keep = {token.i}
        keep_conj = keep_conj or self._prep(token, norms) in self.keep_conj_after
        for child in token.children:
            if child.dep_ in self.prune_deps and child.dep_ != "punct" \
                    and not (keep_conj and child.dep_ in ("conj", "cc")):
                continue
            if child.i > token.i and _verbal(child):
                continue
            if cut is not None and child.i > token.i and cut(child):
                continue
            keep |= self._subtree(child, norms, keep_conj, cut)
        return keep

    def _party(self, token: Token, norms: list[str]) -> bool:
        """A complement of someone met or served: one of ``party_preps``, or its object
        (on behalf of, au nom de)."""
        obj = next((c for c in token.children if c.dep_ == "pobj"), token)
        return self._prep(token, norms) in self.party or norms[obj.i] in self.party

    def _adjunct(self, token: Token, norms: list[str]) -> bool:
        """A place or time complement: one of ``adjunct_preps``, or a date."""
        return self._prep(token, norms) in self.adjunct or (token.ent_type_ == "DATE" and token.pos_ != "NUM"
                                                             and not _YEAR.match(token.text))

    def _extent(self, doc: Doc, norms: list[str], marks: LexiconMarks, head: Token, head_end: int,
                singles, *, capital_head: bool = False) -> tuple[int, int, int]:
        """Tokens ``start:end`` of the phrase headed by ``head`` (see module docstring) and
        where its first place or time complement starts (``end`` when none);
        ``singles(start, end)`` says whether tokens already single the event out (a place
        or time complement is then cut: directly after the head only after a year or for a
        date)."""
        left = {head.i}
        for child in head.lefts:
            if child.dep_ in self.left_deps and not (capital_head and child.dep_ == "poss"):
                # a coordination before the head stays (the 2019 security and military cooperation agreement)
                left |= self._subtree(child, norms, True)
        start = head.i
        while start - 1 in left:
            start -= 1
        # "the 14-month offensive", "three-day visit": a duration is no part of the name
        durations = [k for k in range(start, head.i) if norms[k] in self.durations]
        if durations:
            start = durations[-1] + 1
        end = head_end
        adjuncts: list[int] = []
        unit = range(head.i, head_end)

        def cut(child: Token) -> bool:
            # a nested complement of someone met, or a place or time once the event is singled out
            if self._party(child, norms):
                return True
            if not self._adjunct(child, norms):
                return False
            if child.ent_type_ in _TIME_ENTS and not self._count(doc, norms, start, child.left_edge.i)[1] \
                    and self._year_unbroken(doc, child.left_edge.i, child.right_edge.i + 1):
                adjuncts.append(child.left_edge.i)
                return False  # a time with its year dates the event named before it: the TB2 strike in July 2022
            if singles(start, child.left_edge.i) or self._count(doc, norms, start, child.left_edge.i)[0]:
                return True
            adjuncts.append(child.left_edge.i)
            return False

        rights = sorted((c for i in unit for c in doc[i].rights if c.i >= head_end), key=lambda c: c.i)
        for child in rights:
            if child.dep_ in self.prune_deps or self._party(child, norms) or _verbal(child):
                break
            obj = next((c for c in child.children if c.dep_ == "pobj"), child)
            if (obj.ent_type_ in _TIME_ENTS or norms[obj.i] in self.calendar) \
                    and not self._count(doc, norms, child.left_edge.i, child.right_edge.i + 1)[1]:
                break  # a time without a year ("on Monday evening", "en février") singles out nothing
            adjunct = self._adjunct(child, norms)
            if adjunct and (self._count(doc, norms, start, end)[1] or child.ent_type_ == "DATE") \
                    and singles(start, end):
                break
            sub = self._subtree(child, norms, False, cut)
            if min(sub) > end:
                break
            if adjunct:
                adjuncts.append(min(sub))
            while end in sub:
                end += 1
            if end <= max(sub) or adjunct:
                break  # a place or time complement ends the phrase
        start, end = self._trim(doc, marks, start, end, head.i, head_end)
        return start, end, max(min([a for a in adjuncts if a < end], default=end), head_end)

    def _trim(self, doc: Doc, marks: LexiconMarks, start: int, end: int, head: int, head_end: int) -> tuple[int, int]:
        """No function word or punctuation at either edge; never an edge inside a word or a
        lexicon name."""
        while end > head_end and (doc[end - 1].is_punct or doc[end - 1].pos_ in ("ADP", "DET", "CCONJ", "PRON", "SCONJ")):
            end -= 1
        while start < head and (doc[start].is_punct or doc[start].pos_ in ("DET", "ADP", "PRON", "CCONJ")):
            start += 1
        if end + 1 < len(doc) and normalize(doc[end].text) in self.combining and doc[end + 1].text == "-":
            end += 1  # a combining form after the body (commission mixte algéro-tunisienne)
        while end < len(doc) and not doc[end - 1].whitespace_ and (
                doc[end].text == "-" or (doc[end - 1].text == "-" and doc[end].is_alpha)):
            end += 1
        if end - 1 in marks.name:
            end = max(end, marks.name[end - 1].end)
        if start in marks.name:
            start = min(start, marks.name[start].start)
        return start, end

    @staticmethod
    def _year_unbroken(doc: Doc, start: int, end: int) -> bool:
        """Whether tokens ``start:end`` hold a year with no punctuation before it (in July
        2022; not "on Jan. 28, 2024", whose year the extent's comma leaves out)."""
        for k in range(start, end):
            if _YEAR.match(doc[k].text):
                return True
            if doc[k].is_punct and doc[k].text != ".":
                return False
        return False

    # --- what singles an event out ----------------------------------------------------------
    def _count(self, doc: Doc, norms: list[str], start: int, end: int) -> tuple[bool, bool]:
        """Whether tokens ``start:end`` hold an ordinal, and a year."""
        ordinal = any(norms[i] in self.ordinals or _LATIN_ORDINAL.match(doc[i].text) for i in range(start, end))
        return ordinal, any(_YEAR.match(doc[i].text) for i in range(start, end))

    def _named(self, doc: Doc, marks: LexiconMarks, start: int, end: int, head: int, head_end: int) -> bool:
        """A name among tokens ``start:end`` besides the head: a lexicon name that is no
        demonym, or a capitalized noun that does not start its sentence."""
        for i in range(start, end):
            if head <= i < head_end or marks.demonym_at(i) or doc[i].ent_type_ in _TIME_ENTS:
                continue  # a demonym; a weekday or a month ("the shooting on Monday evening")
            if marks.type_at(i) or (is_capitalized(doc[i]) and doc[i].pos_ in _NAME_POS and not doc[i].is_sent_start):
                return True
        return False

    def _title_case(self, doc: Doc, i: int) -> bool:
        """Whether the sentence of token ``i`` is a title-case headline."""
        words = [t for t in doc[i].sent if t.is_alpha and len(t) > 3 and not t.ent_type_]
        return len(words) >= 3 and sum(is_capitalized(t) for t in words) / len(words) >= TITLE_CASE_SHARE

    def _numbered_event(self, doc: Doc, norms: list[str], start: int, end: int, head: str) -> tuple[int, str] | None:
        """The ordinal number and head noun of a numbered phrase (12e / douzième Réunion: 12)."""
        for k in range(start, end):
            number = _LATIN_ORDINAL.match(doc[k].text)
            value = int(re.match(r"\d+", doc[k].text).group()) if number else self.ordinal_values.get(norms[k])
            if value:
                return value, head
        return None

    def _phrase(self, doc: Doc, norms: list[str], marks: LexiconMarks, head: Token, taken: set[int],
                numbered: set[tuple[int, str]], found_kinds: dict[str, set[str | None]]) -> Phrase | None:
        """The event phrase headed by ``head``, or ``None`` when nothing singles one event out."""
        i = head.i
        n = norms[i]
        head_end = self._head_end(norms, i)
        capital_head = is_capitalized(head) and not head.is_sent_start and doc[i - 1].text not in ("\n", "«", '"', "“")

        def singles(s: int, e: int) -> bool:  # a name or a year: enough to cut a place or a time
            return self._count(doc, norms, s, e)[1] or self._named(doc, marks, s, e, i, head_end)

        start, end, adjunct_at = self._extent(doc, norms, marks, head, head_end, singles, capital_head=capital_head)
        if taken & set(range(start, end)) or self._title_case(doc, i):
            return None
        if any(norms[k] in self.generic or doc[k].tag_ == "JJS" for k in range(start, end)):
            return None
        ordinal, year = self._count(doc, norms, start, end)
        named = self._named(doc, marks, start, end, i, head_end)
        named_before = self._named(doc, marks, start, i, i, head_end)
        named_complement = self._named(doc, marks, head_end, adjunct_at, i, head_end)  # not in a place or time
        if not (year or named or (ordinal and adjunct_at > head_end)):
            return None  # a head alone, or an ordinal alone ("the second meeting [in less than a year]")
        if (capital_head or n in self.numbered) and not (ordinal or year):
            return None  # the National Assembly; "la session de la commission"
        if n in self.numbered and start == i and end == head_end + 1:
            return None  # "l'édition 2024": a year alone after the head
        if n in self.dated and not (ordinal or year or (n in self.party_dated and named_before)):
            return None  # "un accord entre X et Y", "the EU-Tunisia memorandum": a text, not the event of its signing
        if n in self.plural and not (ordinal or year or named_before):
            return None  # "attacks on Jewish institutions": a series
        if n in self.complement_heads and not (ordinal or year or named_complement):
            return None  # "the EU's operation"
        if n in self.object_heads and not named_complement:
            return None  # "son inauguration en mai 2009": what was inaugurated is not said
        if any(norms[k] in self.part_words for k in range(start, end)):
            return None  # "the closing ceremony in Nouakchott": a part of another event
        before = start - 1
        while before >= 0 and doc[before].is_punct:
            before -= 1
        if before >= 0 and norms[before] in self.indefinite and not (
                ordinal or year or self._named(doc, marks, start, adjunct_at, i, head_end)):
            return None  # "a meeting in Brussels": a place or a time alone does not single out
        if ordinal and self._numbered_event(doc, norms, start, end, n) in numbered:
            return None  # "la douzième Réunion" after "la 12e Réunion": that event, already found
        kind = self.kind_of.get(" ".join(norms[i:head_end]))
        if kind in found_kinds and not ordinal and not (year and year_text(doc, start, end) not in found_kinds[kind]):
            return None  # "the bilateral U.S. Central Command exercise" beside "Exercise Bright Star 2017": that event
        marked = set(marks.name) | {k for key in ("heads", "patterns") for s in doc.spans.get(key, [])
                                    for k in range(s.start, s.end)}
        span_start = start
        if any(k in marked for k in range(start, end)):
            # The span: the head and the modifiers before it that are no other name.
            while span_start < i and (any(k in marked for k in range(span_start, head_end))
                                      or doc[span_start].is_punct or doc[span_start].pos_ in ("DET", "ADP", "PRON", "PART")):
                span_start += 1
            span_end = head_end
        else:
            span_end = end
        return Phrase(span_start, span_end, start, end, " ".join(norms[i:head_end]), year_text(doc, start, end))

    def _phrases(self, doc: Doc, norms: list[str], marks: LexiconMarks) -> list[Phrase]:
        if not doc.has_annotation("DEP"):
            return []
        self._extend_sessions(doc, norms, marks)
        self._extend_left(doc, norms, marks)
        taken: set[int] = set()
        for span in doc.spans.get("events", []):
            record = span._.event_name
            taken.update(range(span.start, span.end))
            if record is not None and record.name:
                at = doc.text.find(record.name, span.start_char)
                if at == span.start_char:
                    end = doc.char_span(at, at + len(record.name), alignment_mode="expand")
                    taken.update(range(span.start, end.end if end is not None else span.end))
        numbered = set()
        found_kinds: dict[str, set[str | None]] = {}  # the kinds of the events found by name, and their years
        for span in doc.spans.get("events", []):
            record = span._.event_name
            # the kind of its head, else of a head noun in its span (the Brussels attack: head "place")
            kind = next((k for k in [self.kind_of.get(normalize(record.head or ""))] + [self.kind_of.get(norms[t.i]) for t in span]
                         if k), None) if record is not None else None
            if kind is not None:
                found_kinds.setdefault(kind, set()).add(record.year)
            head = next((t.i for t in span if norms[t.i] in self.heads), None)
            number = self._numbered_event(doc, norms, span.start, span.end, norms[head]) if head is not None else None
            if number is not None:
                numbered.add(number)
        found: list[Phrase] = []
        for token in doc:
            if token.i in taken or norms[token.i] not in self.heads or token.pos_ not in ("NOUN", "PROPN"):
                continue
            phrase = self._phrase(doc, norms, marks, token, taken, numbered, found_kinds)
            if phrase is not None:
                found.append(phrase)
                taken.update(range(phrase.name_start, phrase.name_end))
                kind = self.kind_of.get(phrase.head)
                if kind is not None:  # a later description of that kind is this event again
                    found_kinds.setdefault(kind, set()).add(phrase.year)
        return found + self._qualified(doc, norms, marks, taken, found_kinds)

    def _qualified(self, doc: Doc, norms: list[str], marks: LexiconMarks, taken: set[int],
                   found_kinds: dict[str, set[str | None]]) -> list[Phrase]:
        """Heads of ``qualified`` that one of their own modifiers singles out without a name
        (une opération conjointe, a joint, simultaneous operation, une vaste opération policière
        menée simultanément, an emergency Arab-Islamic summit, sommet extraordinaire): the
        cue among the head's adjectives, or an adverb of the participle right after them. The
        phrase is the head with its adjectives, never a complement. Not one: an item of a list
        (desert manoeuvres, a joint airborne operation and a drill: parts of an exercise), a
        negated one (aucune opération conjointe), one beside an event of its kind already found."""
        out: list[Phrase] = []
        # only the tokens whose norm is a head of ``qualified`` (a Token object for every token cost more)
        for i in [k for k, n in enumerate(norms) if n in self.qualified]:
            token = doc[i]
            cues = self.qualified.get(norms[i])
            if cues is None or i in taken or token.pos_ not in ("NOUN", "PROPN"):
                continue
            if token.dep_ == "conj" or any(c.dep_ == "conj" for c in token.children):
                continue
            if self.kind_of.get(norms[i]) in found_kinds:
                continue
            left = {i}
            for child in token.lefts:
                if child.dep_ in self.left_deps and child.dep_ != "poss":
                    left |= self._subtree(child, norms, True)
                elif child.dep_ in ("punct", "cc") and child.text in (",", "-"):
                    left.add(child.i)  # a joint, simultaneous operation
            start = i
            while start - 1 in left and not marks.type_at(start - 1) and doc[start - 1].ent_type_ not in _TIME_ENTS:
                start -= 1
            end = i + 1
            participle = None
            for child in token.rights:
                if child.i != end:
                    break
                if self._adjective_after(child, norms):  # opération policière, sommet extraordinaire
                    end += 1
                elif _verbal(child) and norms[child.i] in cues:  # opération coordonnée
                    end += 1
                    break
                else:
                    participle = child if _verbal(child) else None
                    break
            start, end = self._trim(doc, marks, start, end, i, i + 1)
            words = {norms[k] for k in range(start, end)}
            if participle is not None:
                words |= {norms[c.i] for c in participle.children if c.dep_ == "advmod"}
            if not words & cues or taken & set(range(start, end)):
                continue
            before = {norms[c.i] for c in token.lefts} | ({norms[start - 1]} if start else set())
            if before & self.negations:
                continue  # ne mène aucune opération conjointe
            # the annotators' extents vary: the phrase with its complements is its alias
            # (une opération conjointe de la Garde nationale et de l'armée)
            name_start, name_end, _ = self._extent(doc, norms, marks, token, i + 1, lambda s, e: (
                self._count(doc, norms, s, e)[1] or self._named(doc, marks, s, e, i, i + 1)))
            name_start, name_end = min(name_start, start), max(name_end, end)
            out.append(Phrase(start, end, name_start, name_end, norms[i], year_text(doc, name_start, name_end)))
            taken.update(range(name_start, name_end))
        return out

    def _adjective_after(self, token: Token, norms: list[str]) -> bool:
        """A lowercase adjective alone right after a head (opération policière, sommet
        extraordinaire: the small French model may tag it a noun or an adverb), not a weekday
        or a month (sommet extraordinaire samedi)."""
        return token.dep_ in ("amod", "nmod", "advmod") and not any(True for _ in token.children) \
            and token.is_lower and token.is_alpha and token.pos_ in ("ADJ", "NOUN", "ADV") \
            and norms[token.i] not in self.calendar and token.ent_type_ not in _TIME_ENTS

    def _span_kind(self, span: Span, norms: list[str]) -> str | None:
        """An event span's kind: of its head, else of a head noun in it (the Brussels attack:
        head "place")."""
        record = span._.event_name
        if record is None:
            return None
        kind = next((k for k in [self.kind_of.get(normalize(record.head or ""))]
                     + [self.kind_of.get(norms[t.i]) for t in span] if k), None)
        if kind is None:  # a name (African Lion 2024): the head noun it is in apposition with
            root = span.root
            linked = [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
            kind = next((self.kind_of[norms[t.i]] for t in linked if norms[t.i] in self.kind_of), None)
        return kind

    @staticmethod
    def _describes(child: Token, head: int) -> bool:
        """A child that makes a head a description of its own: a modifier before it (the joint
        exercise), a complement (the attack on X, l'attaque de X), an apposition; not a time
        noun (cette attaque mardi), a relative clause or punctuation."""
        if child.i == head - 1 or child.dep_ == "punct":
            return False  # a comma the parse hangs on the head ("Coprésidée par X, la réunion")
        if child.i < head:
            return True
        return child.dep_ in _DESCRIBING_DEPS or any(c.dep_ == "case" for c in child.children)

    def _anaphors(self, doc: Doc, norms: list[str], phrases: list[Phrase]) -> list[Anaphor]:
        """this exercise, cette session (and, with ``BARE_ANAPHORS``, the attack): a
        demonstrative (or definite article) right before an anaphoric head with no other
        modifier nor complement, after an event of its kind in the sentences before."""
        if not doc.has_annotation("DEP") or not self.anaphor_heads:
            return []
        antecedents = [Antecedent(s.start, s.end, kind) for s in doc.spans.get("events", [])
                       if (kind := self._span_kind(s, norms)) is not None]
        antecedents += [Antecedent(p.start, p.end, kind) for p in phrases
                        if not p.relative and (kind := self.kind_of.get(p.head))]
        if not antecedents:
            return []
        links = AnaphorLinks(antecedents)
        taken = {k for a in antecedents for k in range(a.start, a.end)}
        taken |= {k for p in phrases for k in range(p.name_start, p.name_end)}
        sentence_starts = [sent.start for sent in doc.sents]
        sentence_of = [0] * len(doc)
        for number, sent in enumerate(doc.sents):
            for k in range(sent.start, sent.end):
                sentence_of[k] = number
        out: list[Anaphor] = self._edition_anaphors(doc, norms, antecedents, links)
        taken |= {k for a in out for k in range(a.start, a.end)}
        for token in doc:
            i = token.i
            if i == 0 or i in taken or norms[i] not in self.anaphor_heads or token.pos_ != "NOUN":
                continue
            det = doc[i - 1]
            single = norms[i - 1] in self.single_definites and norms[i] in self.single_heads \
                and not any(norms[k] in self.series_cues for k in range(max(0, i - 4), i - 1)) \
                and self._one_named(doc, norms, antecedents, i - 1, {self.kind_of.get(norms[i])})
            if det.head.i != i or not (norms[i - 1] in self.demonstratives or single
                                       or norms[i - 1] in self.definites and norms[i] in self.definite_heads):
                continue
            if any(self._describes(c, i) for c in token.children) \
                    or any(norms[k] in self.relatives for k in range(max(0, i - 3), min(len(doc), i + 3))):
                continue  # the joint exercise, the attack on X: a description; the previous session: another event
            if token.dep_ in ("compound", "amod") or (i - 2 >= 0 and norms[i - 2] in self.generic):
                continue
            first = 0 if single else sentence_starts[max(0, sentence_of[i] - MAX_ANAPHOR_SENTENCES)]
            kind = self.kind_of.get(norms[i])
            antecedent = links.resolve(i - 1, kind, normalize(doc[i - 1:i + 1].text.lower()), earliest=first) \
                if kind else None
            if antecedent is not None:
                out.append(Anaphor(i - 1, i + 1, norms[i], antecedent))
        return out

    def _core(self, doc: Doc, norms: list[str], start: int, end: int) -> str:
        """An event's name without its head nouns, articles and year (« African Lion 2021 »,
        l'exercice African Lion 2021: "african lion")."""
        return " ".join(norms[k] for k in range(start, end) if norms[k] not in self.kind_of
                        and not _YEAR.match(doc[k].text) and doc[k].is_alpha and doc[k].pos_ != "DET")

    def _one_named(self, doc: Doc, norms: list[str], antecedents: list[Antecedent], before: int,
                   kinds: set[str | None]) -> Antecedent | None:
        """The last event of ``kinds`` ending before token ``before`` when all those events
        are one named event (one core name, at most one year), else None."""
        events = [a for a in antecedents if a.end <= before and a.kind in kinds]
        cores = {self._core(doc, norms, a.start, a.end) for a in events}
        years = {y for a in events if (y := year_text(doc, a.start, a.end))}
        if len(cores) != 1 or "" in cores or len(years) > 1:
            return None
        return max(events, key=lambda a: a.start)

    def _edition_anaphors(self, doc: Doc, norms: list[str], antecedents: list[Antecedent],
                          links: AnaphorLinks) -> list[Anaphor]:
        """cette 17e édition, sa 17e édition, this edition, the 2024 edition: the one named
        recurring event (``edition_kinds``) the document names before it (``edition_heads``)."""
        if not self.edition_heads:
            return []
        out: list[Anaphor] = []
        for token in doc:
            i = token.i
            if norms[i] not in self.edition_heads or token.pos_ not in ("NOUN", "PROPN"):
                continue
            start = i - 1
            numbered = start >= 1 and (_LATIN_ORDINAL.match(doc[start].text) or norms[start] in self.ordinals
                                       or _YEAR.match(doc[start].text))
            if numbered:
                start -= 1
            if start < 0 or not (norms[start] in self.demonstratives or norms[start] in self.possessives
                                 or numbered and norms[start] in self.definites):
                continue
            if any(c.i > i and (c.dep_ in _DESCRIBING_DEPS or any(g.dep_ == "case" for g in c.children))
                   for c in token.children):
                continue  # l'édition de l'exercice X, the 2024 edition of X: a description of its own
            if any(norms[k] in self.relatives for k in range(max(0, start - 2), min(len(doc), i + 3))):
                continue  # last year's edition: another edition
            antecedent = self._one_named(doc, norms, antecedents, start, set(self.edition_kinds))
            if antecedent is None:
                continue
            year, named = year_text(doc, start, i + 1), year_text(doc, antecedent.start, antecedent.end)
            if year and named and year != named:
                continue  # the 2023 edition after African Lion 2024: another edition
            if links.linked.setdefault(normalize(doc[start:i + 1].text.lower()), antecedent.start) != antecedent.start:
                continue
            out.append(Anaphor(start, i + 1, norms[i], antecedent.start))
        return out + self._editions_of(doc, norms, antecedents, {k for a in out for k in range(a.start, a.end)})

    def _editions_of(self, doc: Doc, norms: list[str], antecedents: list[Antecedent], taken: set[int]) -> list[Anaphor]:
        """la 17e édition de l'exercice African Lion 2021, the 20th edition of the X exercise:
        a numbered edition, one of ``edition_links``, then (past articles and head nouns) a
        named event of ``edition_kinds``: that event."""
        out: list[Anaphor] = []
        starts = {a.start: a for a in antecedents}
        for span in doc.spans.get("events", []):
            end = span.end
            if span.start in taken or norms[end - 1] not in self.edition_heads or end >= len(doc) \
                    or norms[end] not in self.edition_links:
                continue
            k = end + 1
            while k < len(doc) and k not in starts and k - end <= MAX_EDITION_GAP and (
                    doc[k].pos_ == "DET" or norms[k] in self.kind_of):
                k += 1
            event = starts.get(k)
            if event is not None and event.kind in self.edition_kinds and self._core(doc, norms, event.start, event.end):
                out.append(Anaphor(span.start, span.end, norms[end - 1], event.start))
        return out

    def _extend_sessions(self, doc: Doc, norms: list[str], marks: LexiconMarks) -> None:
        """A numbered session of ``event_patterns`` takes the parse's extent as its name when
        that extent holds its span and runs further with the body's name (a body noun of
        ``event_heads.yaml``'s ``session_bodies`` or a capitalized word), or stops before a
        clitic or a verb its name had taken (…algéro-qatarie se tiendra)."""
        for span in doc.spans.get("events", []):
            record = span._.event_name
            if record is None or record.head != SESSION_RULE:
                continue
            head = span[-1]  # the session rule's span ends with its head (la 4e édition)
            start, end, _ = self._extent(doc, norms, marks, head, self._head_end(norms, head.i), lambda s, e: True)
            old = doc.char_span(span.start_char, span.start_char + len(record.name), alignment_mode="expand") \
                if doc.text.startswith(record.name, span.start_char) else None
            # the rule's longer name stands unless what the parse leaves out is a clitic or a verb (…mixte se)
            dropped = range(end, old.end) if old is not None else range(0)
            # what the parse adds must name the body: a body noun, a capitalized word, or a
            # capitalized head (la 12e Réunion de haut niveau); not "the 7th session of talks"
            added = end > (old.end if old is not None else span.end)
            names_body = is_capitalized(head) or any(
                norms[k] in self.session_bodies or (is_capitalized(doc[k]) and not doc[k].is_sent_start)
                for k in range(span.end, end))
            if start <= span.start and end > span.end and all(doc[k].pos_ in _NOT_NAME for k in dropped) \
                    and (names_body or not added):
                record.name = doc[start:end].text
            elif normalize(record.name) == normalize(span.text):
                self._name_owner(doc, span, head)  # sa 23e session: no body named after it

    def _extend_left(self, doc: Doc, norms: list[str], marks: LexiconMarks) -> None:
        """An event of ``event_patterns`` whose span starts at its head noun takes the nouns
        that modify that head right before it (``name_left_deps``: "the Paris attacks of
        November 2015", "a truck bombing in April 2002", "a migration conference in Rome")
        into an alias; its span and name stay as they were."""
        if not self.name_left_deps:
            return
        for span in doc.spans.get("events", []):
            record = span._.event_name
            if record is None or record.alias or record.antecedent is not None:
                continue
            root = span.root
            left = [c for c in root.lefts if c.dep_ in self.name_left_deps and c.i < span.start]
            if not left:
                continue
            start = span.start
            for child in sorted(left, key=lambda c: -c.i):
                tokens = sorted(t.i for t in child.subtree)
                if tokens[-1] != start - 1 or tokens[-1] - tokens[0] + 1 != len(tokens):
                    break
                if any(doc[k].ent_type_ in _TIME_ENTS or doc[k].is_punct or doc[k].pos_ in ("DET", "PRON", "ADP")
                       or norms[k] in self.durations or norms[k] in self.generic for k in tokens):
                    break
                start = tokens[0]
            if start < span.start:
                start, _ = self._trim(doc, marks, start, span.end, root.i, root.i + 1)
                if start < span.start:
                    record.alias = doc[start:span.end].text

    def _name_owner(self, doc: Doc, span: Span, head: Token) -> None:
        """A numbered session after a possessive (la commission mixte maroco-française a
        clôturé sa 23e session) takes the subject of its verb as its body: its name becomes
        "23e session de la commission mixte maroco-française" and "sa 23e session" its alias."""
        if span.start == 0 or not self.owner_link:
            return
        det = doc[span.start - 1]
        if normalize(det.text.lower()) not in self.possessives or det.head.i != head.i:
            return
        owner = next((c for c in head.head.children if c.dep_ in _SUBJECT_DEPS and c.pos_ in ("NOUN", "PROPN")), None)
        if owner is None or head.head.i == head.i:
            return
        if owner.ent_type_ in ("PER", "PERSON") or any(c.dep_ in ("flat:name",) for c in owner.children):
            return  # a person's session is no body's
        kept = sorted(t.i for t in owner.subtree if not any(
            a.dep_ in _OWNER_CUT or a.dep_ == "punct" and a.text not in _NAME_PUNCT
            for a in (t, *t.ancestors) if a.i != owner.i and owner.is_ancestor(a)))
        if not kept or kept[-1] - kept[0] + 1 != len(kept) or kept[-1] >= span.start:
            return
        words = doc[kept[0]:kept[-1] + 1].text
        if doc[kept[0]].pos_ == "DET":
            words = words[:1].lower() + words[1:]
        link = f"{self.owner_link} {words}"
        for long, short in self.owner_contractions.items():  # de le Conseil: du Conseil
            if normalize(link[:len(long) + 1]) == long + " ":
                link = short + link[len(long):]
        record = span._.event_name
        record.alias = doc[span.start - 1:span.end].text
        record.name = f"{record.name or span.text} {link}"

    def assign(self, doc: Doc, found: list[Phrase | Anaphor]) -> None:
        anaphors = []
        for anaphor in (f for f in found if isinstance(f, Anaphor)):
            span = Span(doc, anaphor.start, anaphor.end, label="Event")
            span._.event_name = EventName(span.text, anaphor.head, None, antecedent=anaphor.antecedent)
            anaphors.append(span)
        doc.spans["event_phrases"] = anaphors  # read with arabic_event_phrases' (recognize_entities)
        if anaphors:  # an edition anaphor (cette 17e édition) is no event of its own
            doc.spans["events"] = [s for s in doc.spans.get("events", [])
                                   if not any(a.start <= s.start and s.end <= a.end for a in anaphors)]
        found = [f for f in found if isinstance(f, Phrase)]
        if not found:
            return
        spans = list(doc.spans.get("events", []))
        for phrase in found:
            span = Span(doc, phrase.start, phrase.end, label="Event")
            text = doc[phrase.name_start:phrase.name_end].text
            # a description, not a name: no name, the whole phrase its alias when the span is shorter
            span._.event_name = EventName("", phrase.head, phrase.year, text if text != span.text else None)
            if phrase.relative:  # la précédente session: its relative word is its name (event_identity counts it)
                span._.event_name.name = text
            spans.append(span)
        doc.spans["events"] = sorted(spans, key=lambda s: s.start)
