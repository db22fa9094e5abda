"""``lexicon_matcher``: finds gazetteer names in any script, through Arabic proclitics.

An Aho-Corasick automaton (pyahocorasick) runs over the normalized text of the doc. A
match must stand on word boundaries; in Arabic it may also follow one proclitic
(و ف ب ل ك and pairs such as وب، ول) and the fused لل form (للأمن الوطني matches
الأمن الوطني). Latin names must be capitalized in the text, acronyms written in
capitals, so "un" or "nice" in running French or English text are not names.

Assigns:
- ``doc.spans["lexicon"]``: one span per name, ``label_`` the entity type and
  ``kb_id_`` the lexicon id ("" when the name fits several entries); ``span._.lexicon_ids``
  every entry id the name fits.
- ``doc.spans["demonyms"]``: nationality adjectives, ``kb_id_`` the country id.

Usage::

    nlp = spacy.blank("fr")
    nlp.add_pipe("lexicon_matcher")
    doc = nlp("La DGSI et le Maroc")
    [(s.text, s.kb_id_) for s in doc.spans["lexicon"]]  # [('DGSI', 'agency/fr-dgsi'), ('Maroc', 'country/MA')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import ahocorasick
from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.entities import records  # noqa: F401  (registers span._.lexicon_ids)
from pipeline.entities.tokens import known_arabic_words, token_view
from pipeline.language.morphology import ARTICLE, PROCLITICS, hamza_contradicts, strip_clitics
from pipeline.language.normalize import normalize, normalize_with_offsets
from pipeline.language.transliterate import load_tables
from pipeline.ontology_data import (AR_COMMON_WORDS_FILE, PATTERNS_DIR, Lexicon, load_lexicon, place_context_cues,
                                    word_list)

CONTEXT_CUES_FILE = PATTERNS_DIR / "place_context_cues.yaml"
# Types a place cue (في، in, à) can read a common word as: not Al-Qaeda from في القاعدة "at the base".
PLACE_TYPES = frozenset({"Country", "City", "Location"})
# Types a name of the same type next to it can read a common word as (a list of them).
LISTED_TYPES = PLACE_TYPES | {"Organization"}


@dataclass(frozen=True)
class Pattern:
    ids: tuple[str, ...]
    type: str
    kind: str  # label | alias | acronym | demonym
    arabic: bool
    fused_lam: bool  # the variant of an ال name written after ل (للأمن)
    needs_context: bool = False  # the name is also a common word (lexicon ambiguous_forms)
    written: tuple[str, ...] = ()  # Arabic city names as the lexicon writes them (hamzas kept)
    lower_lead: bool = False  # a place the lexicon writes with a lower-case generic first (mer Rouge)
    titled: bool = False  # an organization the lexicon writes with every word capitalized (Le Monde)


# Whitespace other than a lone space: a run of two or more, or one tab or line break.
_UNEVEN_SPACE = re.compile(r"\s{2,}|[^\S ]")


def _collapse(norm: str, index: list[int]) -> tuple[str, list[int]]:
    """Collapse whitespace runs to one space (kept at the run's first index), keeping the
    offset map aligned."""
    out: list[str] = []
    idx: list[int] = []
    pos = 0
    for run in _UNEVEN_SPACE.finditer(norm):
        out.append(norm[pos:run.start()])
        idx.extend(index[pos:run.start()])
        out.append(" ")
        idx.append(index[run.start()])
        pos = run.end()
    if pos == 0:
        return norm, index
    out.append(norm[pos:])
    idx.extend(index[pos:])
    return "".join(out), idx


@lru_cache(maxsize=2)
def normalized_text(text: str) -> tuple[str, list[int]]:
    """The text :func:`scan` matches in (normalized, whitespace collapsed) and its offset map
    (kept for the last texts: the lexicon matcher and the named-events component scan the same
    document's text; callers read the map, never change it)."""
    norm, index = normalize_with_offsets(text)
    return _collapse(norm, index)


def _pattern_text(text: str) -> str:
    return " ".join(normalize(text).split())


_ARABIC_CHAR = re.compile("[\u0600-\u06ff]")


def _is_arabic(text: str) -> bool:
    return _ARABIC_CHAR.search(text) is not None


class _Automaton:
    def __init__(self, country_names: frozenset[str] = frozenset()) -> None:
        self.values: dict[str, dict[tuple[str, str, bool, bool, bool], set[str]]] = {}
        self.written: dict[str, set[str]] = {}
        self.country_names = country_names  # normalized; "nord du Mali" is a description, not a name

    def add(self, text: str, entry_id: str, type_: str, kind: str, needs_context: bool = False,
            lower_lead: bool = False) -> None:
        norm = _pattern_text(text)
        if len(norm) < 2:
            return
        arabic = _is_arabic(norm)
        words = norm.split()
        lower = ((type_ == "Location" or lower_lead) and _lower_lead(text)
                 and not any(" ".join(words[i:]) in self.country_names for i in (1, 2)))
        titled = type_ == "Organization" and kind != "acronym" and _titled(text)
        self._add(norm, entry_id, type_, kind, False, needs_context, lower, titled)
        if arabic and type_ == "City":
            self.written.setdefault(norm, set()).add(text)
        if arabic and norm.startswith(ARTICLE) and len(norm) > 3:
            self._add(norm[1:], entry_id, type_, kind, True, needs_context)

    def _add(self, norm: str, entry_id: str, type_: str, kind: str, fused: bool, needs_context: bool,
             lower_lead: bool = False, titled: bool = False) -> None:
        key = (type_, kind, fused, needs_context, lower_lead, titled)
        self.values.setdefault(norm, {}).setdefault(key, set()).add(entry_id)

    def build(self) -> ahocorasick.Automaton:
        auto = ahocorasick.Automaton()
        for norm, groups in self.values.items():
            patterns = []
            # An unambiguous reading of a name outranks a reading that needs context.
            for (type_, kind, fused, needs, lower, titled), ids in sorted(groups.items(), key=lambda g: (g[0][3], g[0])):
                written = tuple(sorted(self.written.get(norm, ()))) if type_ == "City" and not fused else ()
                patterns.append(Pattern(tuple(sorted(ids)), type_, kind, _is_arabic(norm), fused, needs, written,
                                        lower, titled))
            auto.add_word(norm, (len(norm), tuple(patterns)))
        auto.make_automaton()
        return auto


@lru_cache(maxsize=4)
def build_automata(lexicon_dir: str | None = None) -> tuple[ahocorasick.Automaton, ahocorasick.Automaton]:
    """(names, demonyms) automata of a lexicon; built once per process."""
    lexicon = load_lexicon(lexicon_dir)
    countries = frozenset(_pattern_text(text) for entry in lexicon.entries.values() if entry.type == "Country"
                          for text, _, _ in entry.surface_forms())
    names, demonyms = _Automaton(countries), _Automaton()
    for entry in lexicon.entries.values():
        if entry.ambiguous:
            continue
        for text, _, kind in entry.surface_forms():
            names.add(text, entry.id, entry.type, kind, entry.is_ambiguous_form(text))
        for forms in entry.demonyms.values():
            for form in forms:
                if entry.is_ambiguous_form(form):  # مالية "financial" is no demonym of Mali
                    continue
                demonyms.add(form, entry.id, "Demonym", "demonym")
                # on the written form: ألمانية normalizes to المانيه, which only looks definite
                if _is_arabic(form) and not form.startswith(ARTICLE):
                    demonyms.add(ARTICLE + form, entry.id, "Demonym", "demonym")
    return names.build(), demonyms.build()


def name_automaton(forms: list[tuple[str, str, str, str]]) -> ahocorasick.Automaton:
    """An automaton for :func:`scan` of other names than the gazetteer's (the named events of
    ``event_lexicon``): ``(text, id, type, kind)`` forms, ``kind`` "label" or "acronym"; a
    Latin form written with a lowercase generic first word matches so in the text when a
    capitalized word follows it (accord d'Alger, plan Vigipirate)."""
    names = _Automaton()
    for text, entry_id, type_, kind in forms:
        names.add(text, entry_id, type_, kind, lower_lead=True)
    return names.build()


@lru_cache(maxsize=4)
def _context_cues(path: str = str(CONTEXT_CUES_FILE)) -> frozenset[str]:
    return frozenset(normalize(w) for words in place_context_cues(path).values() for w in words)


@lru_cache(maxsize=4)
def _region_cues(path: str = str(CONTEXT_CUES_FILE)) -> frozenset[str]:
    """Words before a region's name that read it as the region even where it is a common word."""
    return frozenset(normalize(w) for w in place_context_cues(path).get("ar_region", []))


@lru_cache(maxsize=4)
def _bare_region_cues(path: str = str(CONTEXT_CUES_FILE)) -> frozenset[str]:
    """Prepositions before a region's name that is a frequent word (في الساحل): it is the region."""
    return frozenset(normalize(w) for w in place_context_cues(path).get("ar_region_bare", []))


_LAM_PROCLITICS = tuple(c for c in PROCLITICS if c.endswith("ل"))


def _left_ok(norm: str, start: int, pattern: Pattern) -> bool:
    """Word boundary before ``start``, possibly after one Arabic proclitic."""
    if pattern.fused_lam:
        candidates = _LAM_PROCLITICS
    elif start == 0 or not norm[start - 1].isalnum():
        return True
    elif pattern.arabic:
        candidates = tuple(PROCLITICS)
    else:
        return False
    for clitic in candidates:
        s = start - len(clitic)
        if s >= 0 and norm[s:start] == clitic and (s == 0 or not norm[s - 1].isalnum()):
            return True
    return False


def _case_ok(original: str, pattern: Pattern) -> bool:
    if pattern.arabic or pattern.kind == "demonym":
        return True
    letters = [c for c in original if c.isalpha()]
    if not letters:
        return True
    if pattern.kind == "acronym":
        if len(letters) <= 3:  # "Un", "Ue" are words; UN, UE are acronyms
            return all(c.isupper() for c in letters)
        if " " in original:  # EUTM Mali, EUBAM Libya: an acronym, then capitalized words
            first, *rest = original.split()
            return _case_ok(first, pattern) and all(w[:1].isupper() for w in rest)
        return sum(c.isupper() for c in letters) >= max(1, len(letters) - 1)
    if pattern.titled and not _titled(original):
        return False  # "Le monde entier", "The independent inquiry": common words, not Le Monde
    return (original[0].isupper() or original[0].isdigit() or _lowercase_article(original)
            or (pattern.lower_lead and _lower_lead(original)))


def _titled(written: str) -> bool:
    """Two or more words, each capitalized (or a number) but a transliterated article: "Le
    Monde", "The Independent", "Al-Quds al-Arabi"; not "groupe Wagner", "Libération"."""
    words = [w for w in re.split(r"[\s\-‐‑’']+", written) if w]
    core = [w for w in words if w.lower() not in load_tables().latin_articles]  # al-Qaeda as Al-Qaeda
    return len(words) > 1 and bool(core) and all(w[:1].isupper() or w[:1].isdigit() for w in core)


def _lower_lead(written: str) -> bool:
    """A place name led by a lower-case generic and named by a capitalized word after it, as
    French writes seas, straits and strips (mer Rouge, détroit de Gibraltar, bande de Gaza)."""
    first, *rest = written.split()
    # a capitalized word after an elided article or preposition counts (accord d'Alger)
    return first[:1].islower() and any(re.split(r"['’]", w)[-1][:1].isupper() for w in rest)


def _lowercase_article(original: str) -> bool:
    """A transliterated Arabic article written in lower case before a capitalized name
    ("al-Qaeda", "al Shabaab", "ash-Sham"): the name is capitalized after it."""
    head, _, rest = re.sub(r"^(\w+)[-‐‑]", r"\1 ", original, count=1).partition(" ")
    return head in load_tables().latin_articles and rest[:1].isupper()


class Hit(NamedTuple):
    """A name found in the text: characters ``start:end`` and the pattern it matched."""

    start: int
    end: int
    pattern: Pattern


def all_hits(text: str, automaton: ahocorasick.Automaton,
             normalized: tuple[str, list[int]] | None = None) -> list[Hit]:
    """Every match in ``text`` on word boundaries, overlapping ones too (the first reading of
    each), longest first."""
    norm, index = normalized or normalized_text(text)
    found: list[Hit] = []
    if len(automaton) == 0:
        return found
    for end, (length, patterns) in automaton.iter(norm):
        start = end - length + 1
        if end + 1 < len(norm) and norm[end + 1].isalnum():
            continue
        for pattern in patterns:
            if not _left_ok(norm, start, pattern):
                continue
            o_start, o_end = index[start], index[end] + 1
            if not _case_ok(text[o_start:o_end], pattern):
                continue
            found.append(Hit(o_start, o_end, pattern))
            break
    found.sort(key=lambda m: (-(m.end - m.start), m.start))
    return found


def scan(text: str, automaton: ahocorasick.Automaton,
         normalized: tuple[str, list[int]] | None = None) -> list[Hit]:
    """Non-overlapping matches in ``text``, longest first, in text order; ``normalized`` is
    :func:`normalized_text` of ``text`` when the caller has it already."""
    found = all_hits(text, automaton, normalized)
    taken: list[Hit] = []
    used = [False] * (len(text) + 1)
    for hit in found:
        if any(used[hit.start:hit.end]):
            continue
        for i in range(hit.start, hit.end):
            used[i] = True
        taken.append(hit)
    return sorted(taken, key=lambda m: m.start)


# Organizations nested in other names: international ones only (the UN in a UN body); an armed
# group named in its branch's name (the Islamic State in ISWAP's) is not annotated apart.
NESTED_TYPES = frozenset({"InternationalOrganization"})


def nested_names(text: str, outer: tuple[str, ...] = (), lexicon_dir: str | None = None) -> list[Hit]:
    """International organizations named inside another name, ``text`` (the UN in "UN Office on
    Drugs and Crime", الأمم المتحدة in بعثة الأمم المتحدة, l'ONU in "Conseil de sécurité de
    l'ONU"): unambiguous names of ``NESTED_TYPES`` shorter than ``text`` (in Latin script their
    acronyms), of entries other than ``outer``, not overlapping each other, in text order."""
    # Latin script: the short form only (UN Security Council, Conseil de sécurité de l'ONU);
    # a mission's full name ("European Union Border Assistance Mission") is annotated whole
    return _nested_hits(text, outer, lexicon_dir,
                        lambda p: p.type in NESTED_TYPES and (p.arabic or p.kind == "acronym"))


def nested_cities(text: str, outer: tuple[str, ...] = (), lexicon_dir: str | None = None) -> list[Hit]:
    """Cities named inside another name, ``text`` (Paris in "the Paris attacks", Pau in "sommet
    de Pau", باريس in اعتداءات باريس): names of one City entry other than
    ``outer``, shorter than ``text``, not names that are also common words (those need a cue
    the holder's name does not give), not overlapping each other, in text order."""
    return _nested_hits(text, outer, lexicon_dir, lambda p: p.type == "City" and p.kind != "acronym")


def _nested_hits(text: str, outer: tuple[str, ...], lexicon_dir: str | None, wanted) -> list[Hit]:
    """The lexicon hits inside ``text`` whose pattern is ``wanted``, of one entry not in ``outer``,
    shorter than ``text``, no Arabic common word, not overlapping each other, in text order."""
    names, _ = build_automata(lexicon_dir)
    words = known_arabic_words()
    whole = len(text.strip())
    taken: list[Hit] = []
    for hit in all_hits(text, names):
        p = hit.pattern
        if (not wanted(p) or p.needs_context or len(p.ids) != 1 or p.ids[0] in outer
                or hit.end - hit.start >= whole):
            continue
        if p.arabic and _glued_word(text, hit.start, hit.end) in words:
            continue
        if any(h.start < hit.end and hit.start < h.end for h in taken):
            continue
        taken.append(hit)
    return sorted(taken, key=lambda h: h.start)


def lexicon_name(text: str, type_: str, lexicon_dir: str | None = None) -> str | None:
    """The id of the one ``type_`` entry whose name is the whole of ``text`` (ambiguous forms
    too: the caller knows the text is a name), else ``None``."""
    names, _ = build_automata(lexicon_dir)
    whole = len(text.strip())
    for hit in all_hits(text, names):
        if hit.end - hit.start >= whole and hit.pattern.type == type_ and len(hit.pattern.ids) == 1:
            return hit.pattern.ids[0]
    return None


def names_a_place(text: str, lexicon_dir: str | None = None) -> bool:
    """Whether a country, city or place name stands in ``text`` (تونس in شمال غرب تونس)."""
    names, _ = build_automata(lexicon_dir)
    return any(hit.pattern.type in PLACE_TYPES for hit in all_hits(text, names))


def _glued_word(text: str, start: int, end: int) -> str | None:
    """The whole written word when a match follows a glued proclitic (لجنة for جنة), else None."""
    if start == 0 or not text[start - 1].isalpha():
        return None
    s = start
    while s > 0 and text[s - 1].isalpha():
        s -= 1
    return normalize(text[s:end])


def _definite_after(doc: Doc, span: Span) -> bool:
    """The word after ``span`` is a definite Arabic word (an adjective of it: الساحل الأطلسي)."""
    return span.end < len(doc) and normalize(doc[span.end].text).startswith(ARTICLE)


def _span(doc: Doc, start: int, end: int, label: str, kb_id: str) -> Span | None:
    span = doc.char_span(start, end, label=label, kb_id=kb_id, alignment_mode="contract")
    if span is None or not span.text.strip():
        span = doc.char_span(start, end, label=label, kb_id=kb_id, alignment_mode="expand")
    return span


@Language.factory(
    "lexicon_matcher",
    assigns=["doc.spans", "span._.lexicon_ids"],
    default_config={"lexicon_dir": None, "context_cues_path": str(CONTEXT_CUES_FILE),
                    "common_words_path": str(AR_COMMON_WORDS_FILE)},
)
class LexiconMatcher:
    """Marks lexicon names and demonyms in a doc: assigns ``doc.spans["lexicon"]``,
    ``doc.spans["demonyms"]`` and ``span._.lexicon_ids`` (see module docstring)."""

    def __init__(self, nlp: Language, name: str = "lexicon_matcher", *, lexicon_dir: str | None = None,
                 context_cues_path: str = str(CONTEXT_CUES_FILE), common_words_path: str = str(AR_COMMON_WORDS_FILE)) -> None:
        self.name = name
        self.lexicon_dir = lexicon_dir
        self.context_cues_path = context_cues_path
        self.common_words_path = common_words_path

    @property
    def lexicon(self) -> Lexicon:
        return load_lexicon(self.lexicon_dir)

    def __call__(self, doc: Doc) -> Doc:
        names, demonyms = build_automata(self.lexicon_dir)
        spans: list[Span] = []
        pending: list[tuple[Span, Pattern]] = []
        words = known_arabic_words()
        text = token_view(doc).text
        normalized = normalized_text(text)  # both scans match in it
        for start, end, pattern in scan(text, names, normalized):
            if pattern.arabic and _glued_word(text, start, end) in words:
                continue  # لجنة "committee" is a word, not ل + جنة (Djenné)
            if pattern.written and all(hamza_contradicts(text[start:end], form) for form in pattern.written):
                continue  # بأنه "that it" is not the town بانه: a hamza the city's name lacks
            kb_id = pattern.ids[0] if len(pattern.ids) == 1 else ""
            span = _span(doc, start, end, pattern.type, kb_id)
            if span is None:
                continue
            if pattern.needs_context:
                pending.append((span, pattern))
                continue
            span._.lexicon_ids = pattern.ids
            spans.append(span)
        spans.extend(self._in_context(doc, pending, spans))
        spans.sort(key=lambda s: s.start_char)
        doc.spans["lexicon"] = spans
        doc.spans["demonyms"] = [
            s for s in (_span(doc, a, b, "Demonym", p.ids[0]) for a, b, p in scan(text, demonyms, normalized)) if s is not None
        ]
        return doc

    def _capital_of_named(self, span: Span, pattern: Pattern, sure: list[Span], named: set[str]) -> bool:
        """An Arabic national capital whose country the document names unambiguously (مسقط with
        سلطنة عمان), in no other name's place (جيبوتي the city is not read from جيبوتي the country)."""
        # Arabic only: a Latin capital named like its state (Djibouti, Kuwait) is the state.
        if pattern.type != "City" or not pattern.arabic or any(s.start < span.end and span.start < s.end for s in sure):
            return False
        lexicon = self.lexicon
        return any(getattr(lexicon.entries.get(i), "capital", False) and lexicon.country_of(i) in named
                   for i in pattern.ids)

    def _in_context(self, doc: Doc, pending: list[tuple[Span, Pattern]], sure: list[Span]) -> list[Span]:
        """Names that are also common words, kept when the text reads them as names: the
        document names the same entry unambiguously elsewhere, a place cue stands before
        them (في، إلى، in, à... before a place), a place or group name of the same kind stands
        next to them (a list: مالي والنيجر وتشاد، القاعدة وداعش), or they are the capital of a
        country the document names."""
        cues = _context_cues(self.context_cues_path)
        regions = _region_cues(self.context_cues_path)
        bare_cues = _bare_region_cues(self.context_cues_path)
        common = word_list(self.common_words_path)
        named = {s.kb_id_ for s in sure if s.kb_id_}
        accepted: list[Span] = []
        rest: list[tuple[Span, Pattern]] = []
        for span, pattern in pending:
            before = [t for t in doc[max(0, span.start - 3):span.start] if not t.is_punct]
            # a list of places (مالي والنيجر وتشاد) or of groups (القاعدة وداعش); not of international
            # organizations: الجمعية العامة للإنتربول is Interpol's assembly, not the UN's
            near = [s for s in sure if s.label_ == span.label_ and pattern.type in LISTED_TYPES and
                    (0 <= span.start - s.end <= 2 or 0 <= s.start - span.end <= 2)]
            # A frequent Arabic word (إطار in في إطار) is not made a name by a preposition or a neighbour.
            word = normalize(span.text) in common
            # A place cue reads a place: في القاعدة is "at the base", not Al-Qaeda.
            cue = (pattern.type in PLACE_TYPES and bool(before) and normalize(before[-1].text) in cues
                   and not word)
            # دول الساحل: "the states of" reads even a frequent word as the region
            region = (pattern.type == "Location" and pattern.arabic and bool(before)
                      and strip_clitics(before[-1].text, regions) in regions)
            capital = not word and self._capital_of_named(span, pattern, sure, named)
            # في الساحل، من الساحل: a frequent word that names a region, after a place cue and
            # with no adjective after it (الساحل الإيطالي، الساحل الشرقي is a coast)
            bare_region = (word and pattern.type == "Location" and pattern.arabic and bool(before)
                           and normalize(before[-1].text) in bare_cues and not _definite_after(doc, span))
            if (set(pattern.ids) & named) or cue or region or bare_region or near and not word or capital:
                span._.lexicon_ids = pattern.ids
                accepted.append(span)
            else:
                rest.append((span, pattern))
        # Once one mention reads as the name (in Chad), its other mentions do too (Chad's).
        read = {i for span in accepted for i in span._.lexicon_ids}
        for span, pattern in rest:
            if set(pattern.ids) & read and normalize(span.text) not in common:
                span._.lexicon_ids = pattern.ids
                accepted.append(span)
        return accepted
