"""Entity recognition stage: typed :class:`~pipeline.model.Mention` records from a parsed doc.

Candidates come from every recognizer that ran in the pipeline:

- ``doc.spans["lexicon"]`` (gazetteer names, lexicon id in ``kb_id_``);
- ``doc.spans["heads"]`` (head-noun names: agencies, organizations, places; ``span._.head_name``);
- ``doc.spans["events"]`` (events by head noun; ``span._.event_name``: name and year);
- ``doc.spans["patterns"]`` (persons by title, apposition, given name; ``span._.person_cue``);
- numbered groups of states (مجموعة الدول الخمس, :mod:`pipeline.entities.groups`);
- for French and English, the spaCy model's ``doc.ents``, cleaned of elided articles and
  function words and re-typed to our ontology (:func:`model_type`): by a lexicon name
  that covers it, by a head noun (``entity_heads.yaml``), else PER -> Person,
  ORG -> Organization, LOC/GPE/FAC -> Location, EVENT -> Event; dates, numbers,
  nationalities and lowercase or generic words are dropped.

Overlaps are settled by length first (a country inside a newspaper's or an agency's name
is not a country mention), then by trust (lexicon, patterns, model). Then:

- a fused لل mention (للأمن الوطني) starts at the ل as written, so its text is a real
  surface form;
- an acronym in parentheses after a name is bound to it: ``attrs.acronym`` on the long
  form, ``attrs.long_form_of`` (the long form's mention id) on the acronym mention;
- an agency with a demonym or country in or next to its name gets ``attrs.country``
  (a country id), also for generic lexicon agencies (وزارة الداخلية الفرنسية);
- events carry ``attrs.name`` (the name alone, also in ``attrs.aliases``) and
  ``attrs.year``; persons ``attrs.cue`` and ``attrs.role``
  (:class:`~pipeline.model.MentionAttrs`).

Usage::

    doc = get_nlp("fr")(document.text)
    mentions = recognize_entities(doc, document)
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, NamedTuple

from spacy.tokens import Doc, Span

from pipeline.entities import records  # noqa: F401  (registers the span extensions read below)
from pipeline.entities.component import function_words
from pipeline.entities.groups import numbered_groups
from pipeline.entities.head_nouns import state_schools
from pipeline.entities.lexicon_matcher import lexicon_name, names_a_place, nested_cities, nested_names
from pipeline.entities.outlets import outlet_names
from pipeline.entities.tokens import (LexiconMarks, is_capitalized, is_clitic, known_arabic_words, match_at, norm,
                                      phrases, token_view, yaml_words)
from pipeline.language.datelines import dateline_outlets, read_dateline
from pipeline.language.dates import load_months, load_weekdays
from pipeline.language.morphology import ARTICLE, glued_to_hamza, pronoun_suffixed, strip_clitics
from pipeline.language.normalize import normalize
from pipeline.model import Document, Mention, MentionAttrs
from pipeline.ontology_data import (entity_heads, event_heads, load_lexicon, model_entity_filters, person_roles,
                                    person_titles)

MODEL_TYPES = {
    "PER": "Person", "PERSON": "Person",
    "ORG": "Organization",
    "LOC": "Location", "GPE": "Location", "FAC": "Location",
    "EVENT": "Event",
}
TRUST = {"lexicon": 0.95, "heads": 0.85, "events": 0.8, "pattern": 0.8, "model": 0.6}
_ELISIONS = re.compile(r"^(?:qu|jusqu|lorsqu|puisqu|d|l|s|n|c|j|m|t)['’]", re.IGNORECASE)
_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9]{1,9}(?:[-/][A-Z][A-Za-z0-9]{1,9})*$")


class HeadType(NamedTuple):
    """A head noun (normalized words) and the type of the names it heads."""

    words: tuple[str, ...]
    type: str


class ModelEntity(NamedTuple):
    """A statistical model's entity, cleaned (``span``), with our type and the model's label."""

    span: Span
    type: str
    label: str


@dataclass
class _Candidate:
    span: Span
    type: str
    source: str
    confidence: float
    attrs: MentionAttrs = field(default_factory=MentionAttrs)
    kb_id: str = ""

    @property
    def length(self) -> int:
        return self.span.end_char - self.span.start_char


# What is derived from the data files, built once per file content: the loaders of
# pipeline.ontology_data return the same object while a file is unchanged, so an entry is
# kept as long as its sources are the very objects it was built from.
_DERIVED: dict[tuple[Any, ...], tuple[tuple[Any, ...], Any]] = {}


def derived(key: tuple[Any, ...], sources: tuple[Any, ...], build: Callable[[], Any]) -> Any:
    """``build()``, kept under ``key`` while every one of ``sources`` is the same object."""
    hit = _DERIVED.get(key)
    if hit is not None and len(hit[0]) == len(sources) and all(a is b for a, b in zip(hit[0], sources)):
        return hit[1]
    value = build()
    _DERIVED[key] = (sources, value)
    return value


def _filters() -> dict[str, Any]:
    data = model_entity_filters()
    return derived(("filters",), (data,), lambda: {
        "generic": {normalize(w) for w in data.get("generic", [])},
        "portfolio": frozenset(normalize(w) for w in data.get("portfolio", [])),
        "org_unit_nouns": frozenset(normalize(w) for w in data.get("org_unit_nouns", [])),
        "participle_endings": tuple(normalize(w) for w in data.get("fr_participle_endings", [])),
        "participle_followers": frozenset(normalize(w) for w in data.get("fr_participle_followers", [])),
        "ship_prefixes": frozenset(data.get("ship_prefixes", [])),
        "craft_nouns": frozenset(data.get("craft_nouns", [])),
        "craft_links": frozenset(data.get("craft_links", [])),
        "agency_state_links": frozenset(normalize(w) for w in data.get("agency_state_links", []))})


def _head_types(lang: str) -> list[HeadType]:
    entities, event_data = entity_heads(), event_heads()

    def build() -> list[HeadType]:
        data = entities.get(lang) or {}
        out = [HeadType(h, typ) for typ, spec in data.items() for h in phrases(spec.get("heads"))]
        events = event_data.get(lang) or {}
        out += [HeadType(h, "Event") for h in phrases(events.get("heads"))]
        return sorted(out, key=lambda x: -len(x.words))

    return derived(("heads", lang), (entities, event_data), build)


class HeadIndex(NamedTuple):
    """Head nouns indexed for lookups by word; ``None`` fields when a head is empty."""

    whole: frozenset[tuple[str, ...]] | None  # every head's words
    by_first: dict[str, list[tuple[int, HeadType]]] | None  # first word -> (rank, head), in list order
    edge_words: frozenset[str] | None  # first and last words of every head


def head_index(heads: list[HeadType]) -> HeadIndex:
    """The index of ``heads`` (kept while ``heads`` is the same list object)."""
    def build() -> HeadIndex:
        if any(not head for head, _ in heads):
            return HeadIndex(None, None, None)
        by_first: dict[str, list[tuple[int, HeadType]]] = {}
        for rank, head in enumerate(heads):
            by_first.setdefault(head.words[0], []).append((rank, head))
        return HeadIndex(frozenset(h for h, _ in heads), by_first,
                         frozenset(h[0] for h, _ in heads) | frozenset(h[-1] for h, _ in heads))

    if len(_DERIVED) > 64:
        _DERIVED.clear()
    return derived(("head_index", id(heads), len(heads)), (heads,), build)


def _head_type(norms: list[str], lang: str, heads: list[HeadType], index: HeadIndex) -> str | None:
    """The type of the first head of ``heads`` found in ``norms`` at a head's place: first
    word in French (ministère de...), last in English (... Command) or before "of"."""
    n = len(norms)

    def at(p: int, head: tuple[str, ...]) -> bool:
        return tuple(norms[p:p + len(head)]) == head and (lang == "fr" or p + len(head) == n or
                                                          (p + len(head) < n and norms[p + len(head)] == "of"))

    positions = [0] if lang == "fr" else list(range(n))
    if index.by_first is None:
        for head, typ in heads:
            for p in positions:
                if at(p, head):
                    return typ
        return None
    best: tuple[int, HeadType] | None = None
    for p in positions:
        for rank, head in index.by_first.get(norms[p], ()):
            if best is not None and rank >= best[0]:
                break
            if at(p, head.words):
                best = (rank, head)
                break
    return best[1].type if best is not None else None


def _as_state_school(cand: "_Candidate", lang: str) -> "_Candidate":
    """An organization named as a school of the security forces (Hellenic Naval Academy,
    Royal Institute of Police) retyped GovernmentAgency; ``cand`` itself, changed or not."""
    if cand.type != "Organization" or cand.source == "lexicon":
        return cand
    schools = state_schools(lang)
    norms = {norm(t) for t in cand.span}
    if norms & schools.heads and norms & schools.words and not norms & schools.not_words:
        cand.type = "GovernmentAgency"
    return cand


def clean_model_span(span: Span) -> Span | None:
    """Drop leading elided articles and function words, trailing punctuation and elisions."""
    start, end = span.start, span.end
    doc = span.doc
    articles = function_words().articles
    while start < end and (doc[start].is_punct or doc[start].is_stop and doc[start].is_lower
                           or _ELISIONS.match(doc[start].text) and len(doc[start].text) <= 7
                           or doc[start].lower_ in articles):
        if _ELISIONS.match(doc[start].text) and len(doc[start].text) > 3 and doc[start].text[-1] not in "'’":
            break  # "qu’Alexandre" as one token: handled below
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].text.endswith(("'", "’")) or doc[end - 1].is_stop and doc[end - 1].is_lower):
        end -= 1
    if end <= start:
        return None
    out = doc[start:end]
    m = _ELISIONS.match(out.text)
    if m:
        trimmed = doc.char_span(out.start_char + m.end(), out.end_char, alignment_mode="contract")
        if trimmed is None or not len(trimmed):
            return None
        out = trimmed
    return out


# Words a person name the model cut after a particle may run on over (Ursula von der | Leyen).
MAX_NAME_AFTER_PARTICLE = 3


# A dash or double slash set off by spaces: a dateline's end ("LISBON - Portugal and Spain").
_DATELINE_DASHES = frozenset({"-", "–", "—", "//"})


def after_dateline(span: Span) -> Span | None:
    """The part of a model span after a dateline's dash (LISBON - Portugal -> Portugal,
    MADRID // -> None): a city in capitals and the dash are not part of the name after them."""
    doc = span.doc
    cut = None
    for k in range(span.start, span.end):
        if doc[k].text in _DATELINE_DASHES and doc[k].whitespace_ and k > 0 and doc[k - 1].whitespace_:
            cut = k + 1
            break
    # a dateline's city is written in capitals (not "Senegal - Exercise Flintlock")
    if cut is None or not all(t.text.isupper() for t in doc[span.start:cut - 1]):
        return span
    return clean_model_span(doc[cut:span.end]) if cut < span.end else None


def sentence_participle(span: Span, lang: str, marks: LexiconMarks, filters: dict[str, Any]) -> bool:
    """French: one capitalized word opening a sentence with a participle's ending, right
    before a preposition or a comma ("Lancée en 2019, la mission"), that no lexicon knows."""
    if lang != "fr" or len(span) != 1 or marks.type_at(span.start):
        return False
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    # the parser may join a paragraph's first word to the sentence before it
    if not (span[0].is_sent_start or before is None or "\n" in before.text or before.text in (".", "!", "?")):
        return False
    following = normalize(doc[span.end].text) if span.end < len(doc) else ""
    return normalize(span.text).endswith(filters["participle_endings"]) and following in filters["participle_followers"]


def complete_particle_name(span: Span) -> Span | None:
    """A person name the model cut after a particle (Ursula von der | Leyen, Tamim ben |
    Hamad Al Thani) runs on over the capitalized words (and particles) right after it; a
    particle with no name after it is cut off (Mohamed Ould, then punctuation). A name
    never ends on a particle."""
    particles = function_words().latin_name_particles
    doc = span.doc
    if not (len(span) > 1 and doc[span.end - 1].lower_ in particles):
        return span
    k = span.end
    while k < len(doc) and k - span.end < MAX_NAME_AFTER_PARTICLE and (
            doc[k].lower_ in particles or is_capitalized(doc[k]) and doc[k].is_alpha and not doc[k].is_stop):
        k += 1
    while k > span.start and doc[k - 1].lower_ in particles:
        k -= 1
    return doc[span.start:k] if k > span.start else None


@lru_cache(maxsize=None)
def _latin_titles(lang: str) -> list[tuple[str, ...]]:
    return phrases(person_titles().get(lang))


def past_person_title(span: Span, lang: str) -> Span | None:
    """French and English: a person's name the model read with the title before it
    (Ayatollah Ali Khamenei, Field Marshal Asim Munir, le général X): the name after the
    title(s); None when the span is a title alone (Crown Prince, Brig)."""
    if lang == "ar":
        return span
    titles = _latin_titles(lang)
    norms = [normalize(t.text) for t in span]
    k = 0
    while k < len(norms):
        title = match_at(norms, k, titles) or match_at([n + "." for n in norms[k:k + 1]], 0, titles)
        if title is None:
            break
        k += len(title)
        while k < len(span) and span[k].is_punct:
            k += 1
    if k == 0:
        return span
    return span.doc[span.start + k:span.end] if k < len(span) else None


_INITIAL = re.compile(r"^[A-Z]\.$")


def with_name_before_initial(span: Span, lang: str) -> Span:
    """French and English: a person name the model began at a middle initial (J. Blinken in
    "Antony J. Blinken") takes the capitalized given name right before it, when that word is
    no title and does not open the sentence."""
    doc = span.doc
    k = span.start - 1
    if lang == "ar" or len(span) < 2 or k < 0 or not _INITIAL.match(doc[k + 1].text):
        return span
    before = doc[k]
    if not (is_capitalized(before) and before.is_alpha) or before.is_sent_start or past_person_title(doc[k:k + 1], lang) is None:
        return span
    return doc[k:span.end]


def trim_arabic_person(span: Span) -> Span | None:
    """An Arabic person name the model ran over a word no name holds, at either end: a
    pronoun suffix or a preposition glued to a hamza (حينها خلوصي أكار، مارك روته بأنها)."""
    start, end = span.start, span.end
    doc = span.doc

    def foreign(token) -> bool:
        return pronoun_suffixed(token.text) or glued_to_hamza(token.text)

    while start < end and foreign(doc[start]):
        start += 1
    while end > start and foreign(doc[end - 1]):
        end -= 1
    return doc[start:end] if end > start else None


def model_type(span: Span, lang: str, marks: LexiconMarks, heads: list[HeadType],
               generic: set[str], portfolio: frozenset[str] = frozenset(),
               unit_nouns: frozenset[str] | None = None) -> str | None:
    """Our type for a model entity, or None to drop it."""
    text = span.text.strip()
    label = span.label_
    if label not in MODEL_TYPES or len(text) < 2 or not (text[0].isupper() or text[0].isdigit()):
        return None
    if normalize(text) in generic or all(t.is_stop or t.is_punct or normalize(t.text) in generic for t in span):
        return None
    # Affaires étrangères, Interior: a minister's portfolio, not an organization or place.
    if label not in ("PER", "PERSON") and all(t.is_stop or t.is_punct or normalize(t.text) in portfolio for t in span):
        return None
    if any(c.isdigit() for c in text) and label in ("PER", "PERSON"):
        return None
    demonym = marks.demonym.get(span.start)
    if demonym is not None and demonym.end >= span.end:
        return None  # "la Belge": a nationality noun, no place or organization
    norms = [norm(t) for t in span]
    if label in ("PER", "PERSON") and len(span) == 1 and len(text) < 3:
        return None
    index = head_index(heads)
    if (tuple(norms) in index.whole if index.whole is not None else any(tuple(norms) == head for head, _ in heads)):
        return None  # a bare head noun (Guardia, Ministère) names nothing
    # The head noun decides: first word in French (ministère de...), last in English (... Command).
    typ = _head_type(norms, lang, heads, index)
    if typ is not None:
        return typ
    if label in ("PER", "PERSON") and len(span) == 1 and marks.type_at(span.start):
        return None
    if label == "ORG" and len(span) == 1 and not _acronym_like(text) and not _before_unit_noun(span, unit_nouns):
        return None  # one capitalized word no gazetteer lists (Channel, Petra, Coalition): seldom a body
    return MODEL_TYPES[label]


def names_a_craft(span: Span, filters: dict[str, Any]) -> bool:
    """French and English: a model person or body that names a vessel, an aircraft, a vehicle
    or a weapon (``model_entity_filters.yaml``): opened by a ship prefix (USS Ross, ESPS
    Canarias), or with a craft noun before it ("the destroyer X", "des chars Leclerc"), past a
    capitalized word or links ("la frégate Sultan X", "fusils de type X"); a model person also
    with one right after it, or two words after ("X patrol aircraft"). Places are left alone."""
    if span.label_ in ("GPE", "LOC"):
        return False
    doc = span.doc
    if span[0].text in filters["ship_prefixes"] and len(span) > 1:
        return True
    nouns, links = filters["craft_nouns"], filters["craft_links"]
    k = span.start - 1
    if k >= 0 and is_capitalized(doc[k]):
        k -= 1  # la frégate Sultan | Moulay Ismail
    while k >= 0 and doc[k].text in links and span.start - k <= 3:
        k -= 1  # fusils de type | Kalachnikov
    if k >= 0 and doc[k].text in nouns:
        return True
    if span.label_ not in ("PER", "PERSON"):
        return False
    after = [doc[j].text for j in range(span.end, min(len(doc), span.end + 2))]
    return bool(after) and (after[0] in nouns or (len(after) == 2 and after[0].islower() and after[1] in nouns))


def _before_unit_noun(span: Span, unit_nouns: frozenset[str] | None) -> bool:
    """A lowercase noun of a unit or group right after the name (the Danab brigade)."""
    if unit_nouns is None:
        unit_nouns = _filters()["org_unit_nouns"]
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return nxt is not None and nxt.text.islower() and normalize(nxt.text) in unit_nouns


def _acronym_like(text: str) -> bool:
    """Two capitals or a digit (LCI, RVIM, C3N): the shape of an organization's short name."""
    return sum(c.isupper() for c in text) >= 2 or any(c.isdigit() for c in text)


def _candidates(doc: Doc, lang: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    lexicon = load_lexicon()
    for span in doc.spans.get("lexicon", []):
        attrs = MentionAttrs()
        entry = lexicon.entries.get(span.kb_id_) if span.kb_id_ else None
        if entry is not None and entry.type == "City" and not _city_ok(doc, span, entry):
            continue
        kb_id = span.kb_id_
        if entry is not None and entry.is_generic_form(span.text):
            # وزارة الداخلية is every country's: no key, a country from its context below.
            attrs.generic_of = kb_id
            kb_id = ""
        found.append(_Candidate(span, span.label_, "lexicon", TRUST["lexicon"], attrs, kb_id))
    for span in doc.spans.get("heads", []):
        head = span._.head_name
        attrs = MentionAttrs(head=head.head, country=span.kb_id_ or None)
        # the Schaerbeek district: the head's reading of a lexicon name outranks the lexicon's
        conf = 0.97 if head.retype else TRUST["heads"]
        if head.alias:
            attrs.aliases = [head.alias]
        found.append(_Candidate(span, span.label_, "heads", conf, attrs))
    for span in doc.spans.get("events", []):
        event = span._.event_name
        attrs = MentionAttrs(name=event.name or None, head=event.head or None, year=event.year or None)
        if event.name and normalize(event.name) != normalize(span.text):
            attrs.aliases = [event.name]
        if event.alias and normalize(event.alias) not in {normalize(a) for a in (span.text, *attrs.aliases)}:
            attrs.aliases = [*attrs.aliases, event.alias]  # sa 23e session, of 23e session de la commission...
        # A quoted event name outranks the same words as a lexicon place (أحداث «باتاكلان»).
        conf = 0.96 if normalize(event.name) == normalize(span.text) else TRUST["events"]
        found.append(_Candidate(span, "Event", "events", conf, attrs))
    for group in numbered_groups(doc):
        found.append(_Candidate(group.span, "InternationalOrganization", "groups", TRUST["lexicon"], kb_id=group.kb_id))
    for span in doc.spans.get("patterns", []):
        cue = span._.person_cue
        found.append(_Candidate(span, span.label_, "pattern", TRUST["pattern"],
                                MentionAttrs(cue=cue.cue or None, role=cue.role or None)))
    found = _outlet_candidates(doc, lang, found)
    # Names our recognizers typed in this doc type the model's later mentions of them
    # (Bright Star 2017 after Exercise Bright Star 2017; Mansour after Karim Mansour).
    known: dict[str, str] = {}
    for cand in found:
        if cand.source in ("events", "pattern", "heads"):
            name = cand.attrs.name or cand.span.text
            known.setdefault(normalize(name), cand.type)
            words = normalize(name).split()
            if cand.type == "Event" and len(words) > 2:
                known.setdefault(" ".join(words[1:]), "Event")
                known.setdefault(" ".join(words[1:-1]), "Event")
            if cand.type == "Person" and len(words) > 1:
                known.setdefault(words[-1], "Person")
    if doc.ents:
        marks = LexiconMarks(doc)
        heads = _head_types(lang)
        filters = _filters()
        typed: list[ModelEntity] = []
        for ent in doc.ents:
            if ent.label_ == "DATE":
                named = _named_edition(ent, marks)
                if named is not None:
                    typed.append(ModelEntity(named, "Event", "DATE"))
                    known.setdefault(normalize(_YEAR_END.sub("", named.text)), "Event")
                continue
            span = clean_model_span(ent)
            if span is not None:
                span = after_dateline(span)
            if span is not None and ent.label_ in ("PER", "PERSON"):
                span = complete_particle_name(span)
            if span is not None and ent.label_ in ("PER", "PERSON") and lang == "ar":
                span = trim_arabic_person(span)
            elif span is not None and ent.label_ in ("PER", "PERSON"):
                span = past_person_title(span, lang)
                if span is not None:
                    span = with_name_before_initial(span, lang)
            if span is not None:
                span.label_ = ent.label_
            if span is None or sentence_participle(span, lang, marks, filters) or names_a_craft(span, filters):
                continue
            if lang != "ar" and past_person_title(span, lang) is None:
                continue  # National Security Advisor, Crown Prince: a title alone names nobody
            span.label_ = ent.label_
            typ = model_type(span, lang, marks, heads, filters["generic"], filters["portfolio"], filters["org_unit_nouns"])
            if ent.label_ in ("ORG", "FAC") and typ in ("Organization", "Location") and _YEAR_END.search(span.text) and len(span) > 1:
                typ = "Event"  # African Lion 2024: organizations and buildings are not named with a year
            elif (ent.label_ in ("ORG", "FAC", "LOC", "MISC") and typ in ("Organization", "Location")
                  and span.end < len(doc) and _YEAR_TOKEN.match(doc[span.end].text)
                  and not marks.type_at(span.start)):
                # the model's name cut before its year (« Flintlock » 2019, African Lion 2024)
                span, typ = doc[span.start:span.end + 1], "Event"
                span.label_ = ent.label_
            if typ:
                typ = _place_by_preposition(span, typ, lang, marks)
                typ = _town_not_person(span, typ, lang, marks)
                typ = _town_by_label(span, typ, lang, marks)
                typed.append(ModelEntity(span, typ, ent.label_))
                if typ == "Event" and _YEAR_END.search(span.text):
                    known.setdefault(normalize(_YEAR_END.sub("", span.text)), "Event")
        typed = _towns_in_lists(doc, typed, marks, lang)
        typed = _places_read_once(typed, found)
        surnames = {normalize(c.span.text).split()[-1] for c in found if c.type == "Person"}
        surnames |= {normalize(e.span.text).split()[-1] for e in typed if e.type == "Person" and len(e.span) > 1}
        roles = _role_words(lang)
        for span, typ, label in typed:
            span_norm = normalize(span.text)
            for name, known_type in known.items():
                rest = span_norm[len(name):].strip()
                if span_norm == name or span_norm.startswith(name + " ") and not rest.isdigit():
                    trimmed = doc.char_span(span.start_char, span.start_char + len(name), alignment_mode="contract")
                    if trimmed is not None and normalize(trimmed.text) == name:
                        span, typ = trimmed, known_type
                    break
            if typ == "Organization" and _person_shaped(span, marks, heads, surnames, roles):
                typ = "Person"
            found.append(_Candidate(span, typ, f"model:{label}", TRUST["model"]))
    found += _names_before_acronyms(doc, found)
    return found


_YEAR_END = re.compile(r"\s+(?:19|20)\d\d$")


def _named_edition(ent: Span, marks: LexiconMarks) -> Span | None:
    """A span the model read as a date that is a name and its year (Flintlock 2020, Cobra
    Gold 2019: proper nouns, none a month, a weekday or a lexicon name, then the year): an
    edition of a recurring event, not a date."""
    if len(ent) < 2 or not _YEAR_TOKEN.match(ent[-1].text):
        return None
    if ent.start > 0 and ent.doc[ent.start - 1].pos_ == "PROPN" and is_capitalized(ent.doc[ent.start - 1]):
        return None  # the end of a longer name ("Star 2017" of Bright Star 2017)
    words = ent[:-1]
    calendar = _calendar_words()
    if any(t.pos_ != "PROPN" or not is_capitalized(t) or normalize(t.text) in calendar
           or marks.type_at(t.i) for t in words):
        return None
    return ent


@lru_cache(maxsize=1)
def _calendar_words() -> frozenset[str]:
    """Month and weekday names of every language, normalized."""
    return frozenset(w for names in (*load_months().values(), *load_weekdays().values()) for w in names)


_YEAR_TOKEN = re.compile(r"^(?:19|20)\d\d$")


def _role_words(lang: str) -> frozenset[str]:
    """Role and title words of ``person_roles.yaml`` / ``person_titles.yaml`` (single words)."""
    roles, titles = person_roles(), person_titles()
    return derived(("roles", lang), (roles, titles), lambda: frozenset(yaml_words((roles, titles), lang)) | {"by"})


def _person_shaped(span: Span, marks: LexiconMarks, heads, surnames: set[str], roles: frozenset[str]) -> bool:
    """A model organization that reads as a person: capitalized words without any head noun
    or lexicon name, either the surname of a person of the document (Benali after Karim
    Benali) or two or three words right after a role word (headed by Gérald Darmanin)."""
    tokens = list(span)
    if not 1 <= len(tokens) <= 3 or not all(t.is_alpha and t.text[:1].isupper() and not t.is_upper for t in tokens):
        return False
    norms = [norm(t) for t in tokens]
    if any(marks.type_at(t.i) or marks.demonym_at(t.i) for t in tokens):
        return False
    edges = head_index(heads).edge_words
    if (not edges.isdisjoint(norms) if edges is not None else any(head[-1] in norms or head[0] in norms for head, _ in heads)):
        return False
    if len(tokens) == 1:
        return norms[0] in surnames
    doc = span.doc
    k = span.start - 1
    while k >= 0 and (doc[k].is_punct or doc[k].lower_ in function_words().role_articles):
        k -= 1
    return k >= 0 and doc[k].is_lower and normalize(doc[k].text) in roles


def _place_by_preposition(span: Span, typ: str, lang: str, marks: LexiconMarks) -> str:
    """A place the lexicon does not know, written after French "à" (à Bakel, près de
    Kéniéba) or after "the town of", "la ville de", is a city or town: regions and countries
    take "en", "au" or an article."""
    if typ != "Location" or lang not in ("fr", "en") or len(span) > 2 or marks.type_at(span.start):
        return typ
    doc = span.doc
    before = [t.lower_ for t in doc[max(0, span.start - 2):span.start]]
    if tuple(before) in function_words().town_of:
        return "City"  # the town of Reyhanli, la ville de Djibo
    if lang != "fr":
        return typ
    if before[-1:] == ["à"] or before[-2:] in (["près", "de"], ["près", "d'"], ["près", "d’"]):
        return "City"
    return typ


def _town_not_person(span: Span, typ: str, lang: str, marks: LexiconMarks) -> str:
    """A name the model reads as a person right after "à" or "in" (à Jacqueville, in
    Bordj Badji Mokhtar) is a town, unless a possessive follows it (in Macron's speech) or a
    lexicon name starts it."""
    if typ != "Person" or lang not in ("fr", "en") or len(span) > 3 or marks.type_at(span.start):
        return typ
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].lower_ not in function_words().place_prepositions:
        return typ
    if span.end < len(doc) and doc[span.end].lower_ in ("'s", "’s"):
        return typ
    return "City"


def _town_by_label(span: Span, typ: str, lang: str, marks: LexiconMarks) -> str:
    """A place the English model labels GPE (a geopolitical entity) that the lexicon does not
    know is a city or town (Landstuhl, Uccle): the lexicon knows the countries, and
    regions are named with their head noun (the Belgorod region) or are LOC."""
    if typ != "Location" or lang != "en" or span.label_ != "GPE" or len(span) > 3:
        return typ
    if any(marks.type_at(t.i) for t in span) or not all(is_capitalized(t) or t.is_punct for t in span):
        return typ
    # the province of Nangarhar, the Belgorod region: a region head before or after the name
    regions = {normalize(w) for w in ((entity_heads().get("en") or {}).get("Location") or {}).get("name_first") or []}
    doc = span.doc
    if (span.start >= 2 and doc[span.start - 1].lower_ == "of" and normalize(doc[span.start - 2].text) in regions
            or span.end < len(doc) and normalize(doc[span.end].text) in regions):
        return typ
    return "City"


def _places_read_once(typed: list[ModelEntity], found: list[_Candidate]) -> list[ModelEntity]:
    """A name the model reads as a person that the document names as a city or a place
    elsewhere (s'ouvre à Jacqueville ... l'académie de Jacqueville: the town after "à"
    typed it, or the lexicon) is that place: one name, one type in a document."""
    places = {normalize(e.span.text): e.type for e in typed if e.type in ("City", "Location")}
    places.update({normalize(c.span.text): c.type for c in found if c.type in ("City", "Location")})
    if not places:
        return typed
    return [ModelEntity(e.span, places.get(normalize(e.span.text), e.type), e.label) if e.type == "Person" else e
            for e in typed]


def _towns_in_lists(doc: Doc, typed: list[ModelEntity], marks: LexiconMarks, lang: str) -> list[ModelEntity]:
    """A place the lexicon does not know, listed next to a city (à Tifnit, Zagora et
    Tiznit; Ixelles, Uccle and Brussels), is a city too: the model's Location is
    retyped, along the list, by the links of ``place_list_links`` (entity_heads.yaml)."""
    links = frozenset((entity_heads().get("place_list_links") or {}).get(lang) or [])
    if not links:
        return typed
    out = list(typed)
    starts = {s.start for s in marks.name.values() if s.label_ == "City"}
    ends = {s.end for s in marks.name.values() if s.label_ == "City"}
    starts |= {e.span.start for e in out if e.type == "City"}
    ends |= {e.span.end for e in out if e.type == "City"}
    changed = True
    while changed:
        changed = False
        for n, (span, typ, label) in enumerate(out):
            if typ != "Location" or len(span) > 3 or any(marks.type_at(t.i) for t in span):
                continue
            k, j = span.start - 1, span.end
            before = k >= 1 and doc[k].lower_ in links and k in ends
            after = j + 1 < len(doc) and doc[j].lower_ in links and j + 1 in starts
            if before or after:
                out[n] = ModelEntity(span, "City", label)
                starts.add(span.start)
                ends.add(span.end)
                changed = True
    return out


def _names_before_acronyms(doc: Doc, found: list[_Candidate]) -> list[_Candidate]:
    """An organization's name that runs on to an acronym in parentheses is one name: the
    Movement for Democracy and Justice in Chad (MDJT), the Combined Joint Task Force, Horn of
    Africa (CJTF-HOA). The words up to the parenthesis join the candidate that starts the name;
    its lexicon entry only when the acronym is one of the entry's."""
    out: list[_Candidate] = []
    connectors = function_words().name_connectors
    for cand in found:
        if cand.type not in ("Organization", "GovernmentAgency", "InternationalOrganization"):
            continue
        end = cand.span.end
        k, capitals, comma = end, 0, False
        while k < len(doc) and k - end < 8:
            t = doc[k]
            if t.text == "(":
                break
            if t.text == "," and not comma and capitals == 0 and k + 1 < len(doc) and doc[k + 1].text[:1].isupper():
                comma = True
            elif t.lower_ in connectors and t.is_lower:
                pass
            elif t.text[:1].isupper() and t.is_alpha:
                capitals += 1
            else:
                break
            k += 1
        if k == end or k >= len(doc) or doc[k].text != "(" or not doc[k - 1].text[:1].isupper():
            continue
        doc_text = token_view(doc).text
        inner = re.match(r"\(\s*([^()\s]{2,20})\s*\)", doc_text[doc[k].idx:doc[k].idx + 24])
        if not inner or not all(_ACRONYM.match(p) for p in inner.group(1).split("/")):
            continue
        span = doc[cand.span.start:k]
        # The longer name is the lexicon entry's only when the acronym is the entry's: the
        # African Union Support and Stabilization Mission in Somalia (AUSSOM) is not the AU.
        entry = load_lexicon().entries.get(cand.kb_id) if cand.kb_id else None
        acronyms = {a.upper() for a in entry.acronyms} if entry is not None else set()
        kb_id = cand.kb_id if set(inner.group(1).upper().split("/")) & acronyms else ""
        out.append(_Candidate(span, cand.type, cand.source, cand.confidence, replace(cand.attrs), kb_id))
    return out


def _city_ok(doc: Doc, span: Span, entry) -> bool:
    """A small city matched by its Arabic name needs a locative cue: such names are often words.
    A place named next to it in a list (العرائش وشفشاون) or a cue before
    another mention of the same city in the document does as well."""
    if not any("\u0600" <= c <= "\u06ff" for c in span.text):
        return True
    if entry.population and entry.population >= 100_000:
        return True
    if _after_locative(doc, span) or _listed_with_place(doc, span):
        return True
    return any(other.kb_id_ == span.kb_id_ and other.start != span.start and _after_locative(doc, other)
               for other in doc.spans.get("lexicon", []))


def _after_locative(doc: Doc, span: Span) -> bool:
    k = span.start - 1
    return k >= 0 and (norm(doc[k]) in function_words().arabic_locatives or is_clitic(doc[k]) and norm(doc[k]).endswith("ب"))


def _sure_place(doc: Doc, span: Span) -> bool:
    """A lexicon country, a city of 100,000 or more, or a city after a locative cue."""
    if span.label_ == "Country":
        return True
    entry = load_lexicon().entries.get(span.kb_id_) if span.kb_id_ else None
    return span.label_ == "City" and (entry is not None and (entry.population or 0) >= 100_000
                                      or _after_locative(doc, span))


def _listed_with_place(doc: Doc, span: Span) -> bool:
    """A sure place (:func:`_sure_place`) joined to ``span`` by و, before it (العرائش وشفشاون)
    or after it (في شفشاون والعرائش): a list of places. A list of small names with no cue
    (ولاة شفشاون وأصيلة "the governors of") stays out."""
    places = [s for s in doc.spans.get("lexicon", [])
              if s.label_ in ("City", "Country") and s.start != span.start and _sure_place(doc, s)]
    regions = frozenset(normalize(w) for w in entity_heads().get("ar_region_words") or [])

    def opens_regions(start: int) -> bool:  # ولايتي شفشاون والعرائش: a list of provinces, not of towns
        return start > 0 and (norm(doc[start - 1]) in regions or strip_clitics(doc[start - 1].text, regions) in regions)

    k = span.start - 1
    if k >= 1 and is_clitic(doc[k]) and norm(doc[k]) == "و":
        before = next((s for s in places if s.end == k), None)
        if before is not None and not opens_regions(before.start):
            return True
    k = span.end
    return (k + 1 < len(doc) and is_clitic(doc[k]) and norm(doc[k]) == "و" and not opens_regions(span.start)
            and any(s.start == k + 1 for s in places))


def _fused_lam_start(doc: Doc, span: Span) -> int:
    """Start char including a split-off ل when the span's first word lost its article to it (للأمن)."""
    if span.start == 0:
        return span.start_char
    first, previous = doc[span.start], doc[span.start - 1]
    n = norm(first)
    if is_clitic(previous) and norm(previous).endswith("ل") and n.startswith(ARTICLE) and not normalize(first.text).startswith(ARTICLE):
        return previous.idx + len(previous.text) - 1  # the ل written before the ل of the article
    return span.start_char


def _glued_lam_start(doc: Doc, span: Span) -> int:
    """Start char including a split-off ل glued to a name's first, indefinite word
    (ولمراقبة التراب الوطني): where the name as written starts."""
    if span.start == 0:
        return span.start_char
    first, previous = doc[span.start], doc[span.start - 1]
    if (is_clitic(previous) and norm(previous).endswith("ل") and not norm(first).startswith(ARTICLE)
            and previous.idx + len(previous.text) == first.idx):
        return previous.idx + len(previous.text) - 1
    return span.start_char


def _bind_acronyms(doc: Doc, mentions: list[Mention], document: Document, lang: str) -> list[Mention]:
    """Acronyms in parentheses right after a name: bound both ways, a mention made when missing."""
    by_start = {m.start: m for m in mentions}
    text = token_view(doc).text
    added: list[Mention] = []
    for m in mentions:
        if m.type in ("Person", "Country", "City") or m.attrs.long_form_of:
            continue
        rest = text[m.end:m.end + 40]
        match = re.match(r"\s*\(\s*([^()]{2,30}?)\s*\)", rest)
        if not match:
            continue
        inner = match.group(1)
        inner_start = m.end + match.start(1)
        # ACSRT/CAERT are two acronyms of one body; SETAF-AF and FC-G5S are one acronym each.
        parts = [(p.start(), p.group(0)) for p in re.finditer(r"[^/\s][^/]*[^/\s]|[^/\s]", inner)]
        if not all(_ACRONYM.match(p) for _, p in parts):
            continue
        for offset, part in parts:
            a_start = inner_start + offset
            acro = by_start.get(a_start)
            if acro is None:
                acro = Mention(id=f"{document.id}#{a_start}-{a_start + len(part)}", document=document.id,
                               start=a_start, end=a_start + len(part), text=part, type=m.type,
                               lang=lang, source="acronym", confidence=m.confidence)
                added.append(acro)
            if len(parts) == 1:
                m.attrs.acronym = part
                acro.attrs.long_form_of = m.id
                if acro.type != m.type and acro.source.startswith("model"):
                    acro.type = m.type
            else:
                acro.attrs.part_of_acronym = acro.attrs.part_of_acronym or inner
    return mentions + added


def _agency_country(doc: Doc, mention: Mention, marks: LexiconMarks) -> str | None:
    """A demonym or country right before or after an agency mention (وزارة الداخلية الفرنسية)."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return None
    for k in [*range(span.start, span.end), span.end, span.start - 1]:
        if 0 <= k < len(doc):
            country = marks.demonym_at(k) or marks.country_at(k)
            if country and country != "?":
                return country
    return None


def _bind_generic_agency_state(doc: Doc, mention: Mention, marks: LexiconMarks) -> None:
    """A generic agency form followed by a preposition and a country is that state's body:
    "الدرك الوطني في النيجر", "المديرية العامة للأمن الوطني بموريتانيا", "the Interior Ministry in
    Tunisia" (issue 14: a name several states use resolves to the state the text names, not to
    the lexicon entry's). Sets the mention's country and gives it the phrase with the country
    as alias (the gold sets write "المديرية العامة للأمن الوطني بموريتانيا" whole). Only forms
    many states share (``attrs.generic_of``, or a lexicon name of several states' entries:
    DGSN)."""
    if not (mention.attrs.generic_of or (mention.source == "lexicon" and not mention.key)):
        return
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.end + 1 >= len(doc):
        return
    if normalize(doc[span.end].text) not in _filters()["agency_state_links"]:
        return
    country = marks.country_at(span.end + 1)
    if not country or country == "?":
        return
    mention.attrs.country = country
    phrase = doc.text[mention.start:doc[span.end + 1].idx + len(doc[span.end + 1].text)]
    mention.attrs.aliases = [*mention.attrs.aliases, phrase]


# An outlet named after its noun outranks a person's or a head's reading of the same words.
OUTLET_TRUST = 0.97


def _outlet_candidates(doc: Doc, lang: str, found: list[_Candidate]) -> list[_Candidate]:
    """``found`` with the outlets :func:`~pipeline.entities.outlets.outlet_names` reads after
    their noun ("le quotidien Al Akhbar", "the daily Al-Sabah") as Organization candidates, the
    lexicon's entry as key when the name or one Organization inside it is one; a head
    candidate that holds the outlet's name with its noun ("journal La Nouvelle Tribune") gives
    way to the name alone."""
    outlets = outlet_names(doc, lang)
    if not outlets:
        return found
    kept = [c for c in found if not (c.source == "heads" and c.type == "Organization" and any(
        c.span.start <= o.start and o.end <= c.span.end and len(c.span) > len(o) for o in outlets))]
    for span in outlets:
        inner = {c.kb_id for c in found if c.source == "lexicon" and c.type == "Organization" and c.kb_id
                 and span.start <= c.span.start and c.span.end <= span.end}
        key = lexicon_name(span.text, "Organization") or (inner.pop() if len(inner) == 1 else "")
        kept.append(_Candidate(span, "Organization", "heads", OUTLET_TRUST, MentionAttrs(), key))
    return kept


def _tier(cand: _Candidate, candidates: list[_Candidate]) -> int:
    """0 for our recognizers; 1 for the model, except a model person or organization name
    that strictly contains a lexicon place (Kaïs Saïed, Al-Qaida au Maghreb islamique):
    the place inside a longer name is not a mention of the place."""
    if not cand.source.startswith("model"):
        return 0
    if cand.type in ("Person", "Organization", "GovernmentAgency") and len(cand.span) > 1:
        for other in candidates:
            if (other.source == "lexicon" and other.type in ("City", "Location", "Country")
                    and cand.span.start <= other.span.start and other.span.end <= cand.span.end
                    and cand.length > other.length):
                return 0
    return 1


def _event_phrase_mentions(doc: Doc, document: Document, lang: str, taken: list[Mention]) -> list[Mention]:
    """The Arabic event phrases of ``doc.spans["event_phrases"]`` as mentions: a phrase may
    hold other mentions (the parties of a session, the place of a visit: they stay mentions of
    their own) but never cuts one in two nor overlaps another event; an anaphor (هذه الدورة)
    is a mention of its own whose ``attrs.refers_to`` is its antecedent's mention."""
    spans = doc.spans.get("event_phrases", [])
    if not spans:
        return taken
    doc_text = token_view(doc).text
    mentions = sorted(taken, key=lambda m: m.start)
    for span in spans:
        record = span._.event_name
        start, end = min(span.start_char, _fused_lam_start(doc, span)), span.end_char
        if any(m.start < end and start < m.end and (m.type == "Event" or m.start < start or m.end > end)
               for m in mentions):
            continue
        attrs = MentionAttrs(head=record.head or None, year=record.year or None)
        if record.antecedent is not None:
            at = doc[record.antecedent].idx
            antecedent = next((m for m in mentions if m.type == "Event" and m.start <= at < m.end), None)
            if antecedent is None:
                continue
            attrs.refers_to = antecedent.id
        else:
            attrs.name = doc_text[start:end]
            # a signing's other forms (event_signings): the text with its participle, its signing noun
            attrs.aliases = list(dict.fromkeys(a for a in (record.name, record.alias)
                                               if a and normalize(a) != normalize(attrs.name)))
        mentions.append(Mention(id=f"{document.id}#{start}-{end}", document=document.id, start=start, end=end,
                                text=doc_text[start:end], type="Event", lang=lang, source="events",
                                confidence=TRUST["events"], attrs=attrs))
        mentions.sort(key=lambda m: m.start)
    return mentions


def recognize_entities(doc: Doc, document: Document) -> list[Mention]:
    """Non-overlapping typed mentions of ``document`` found in ``doc``."""
    lang = document.lang or doc.lang_ or "und"
    taken: list[Mention] = []
    occupied: set[int] = set()
    candidates = [_as_state_school(c, lang) for c in _candidates(doc, lang)]
    doc_text = token_view(doc).text
    ranked = sorted(candidates, key=lambda c: (_tier(c, candidates), -c.length, -c.confidence, c.span.start_char))
    for cand in ranked:
        span = cand.span
        text = span.text.strip()
        if not text:
            continue
        start = span.start_char + (len(span.text) - len(span.text.lstrip()))
        start = min(start, _fused_lam_start(doc, span))
        end = span.start_char + len(span.text.rstrip())
        # The name as written with a ل glued to its indefinite first word (ولمراقبة التراب الوطني)
        # is an alias; the mention keeps the name's own span, so the rules read the clitic
        # between two names (للأمن الوطني ولمراقبة) as they always did.
        glued = doc_text[_glued_lam_start(doc, span):end] if cand.kb_id else ""
        if len(glued) <= end - start:
            glued = ""
        chars = set(range(start, end))
        if chars & occupied:
            continue
        occupied |= chars
        text = doc_text[start:end]
        taken.append(
            Mention(
                id=f"{document.id}#{start}-{end}",
                document=document.id,
                start=start,
                end=end,
                text=text,
                type=cand.type,
                lang=lang,
                key=cand.kb_id or None,
                source=cand.source,
                confidence=cand.confidence,
                attrs=replace(cand.attrs),
            )
        )
        if glued:
            taken[-1].attrs.aliases = [*taken[-1].attrs.aliases, glued]
    taken.sort(key=lambda m: m.start)
    taken = _event_phrase_mentions(doc, document, lang, taken)
    taken = _bind_acronyms(doc, taken, document, lang)
    marks = LexiconMarks(doc)
    for m in taken:
        if m.type == "GovernmentAgency" and m.attrs.country is None:
            m.attrs.country = _agency_country(doc, m, marks)
            if m.attrs.country is None:
                _bind_generic_agency_state(doc, m, marks)
    return sorted(taken, key=lambda m: m.start)


# Names that can hold an organization's name: the UN in a UN body, Interpol in its assembly.
HOLDER_TYPES = frozenset({"InternationalOrganization", "Organization", "GovernmentAgency", "Event"})


def nested_mentions(document: Document, mentions: list[Mention]) -> list[Mention]:
    """Mentions of the organizations named inside other names (the guidelines annotate both:
    the UN in "UN Security Council", الأمم المتحدة in "بعثة الأمم المتحدة في ليبيا", l'ONU in
    "Conseil de sécurité de l'ONU"). They overlap their holder, so they are made after the
    relation rules have read the document's mentions: the document names the body, and no
    rule reads a relation from inside a name. Cities named in an event's name too
    (:func:`nested_city_mentions`)."""
    held = {(m.start, m.end, m.key) for m in mentions}
    nested: list[Mention] = []
    for m in mentions:
        # a gazetteer name or an event: a model's "Kurdistan Region Security Council" holds no UN
        if m.type not in HOLDER_TYPES or not (m.key or m.type == "Event"):
            continue
        for hit in nested_names(m.text, (m.key,) if m.key else ()):
            start, end, key = m.start + hit.start, m.start + hit.end, hit.pattern.ids[0]
            if (start, end, key) in held:
                continue
            held.add((start, end, key))
            nested.append(Mention(id=f"{document.id}#{start}-{end}", document=document.id, start=start, end=end,
                                  text=document.text[start:end], type=hit.pattern.type, lang=m.lang, key=key,
                                  source="nested", confidence=TRUST["lexicon"]))
    return nested + nested_city_mentions(document, mentions, held)


def _holds_city(m: Mention) -> bool:
    """Whether ``m`` may name a city inside it: an event found by its phrase (the Paris attacks,
    sommet de Pau, اعتداءات باريس). Not a body's or a place's name found by its head: the port
    of Rotterdam, the base at Mopti name the city there no more often than not (corpus/train:
    9 right, 10 wrong), and a lexicon or model name stands as it is named (Gulf of Aden)."""
    return m.type == "Event" and m.source == "events"


def _city_in_name(text: str, hit_start: int, hit_end: int, arabic: bool) -> bool:
    """A city's name inside an event's ``text`` stands as the city: in Arabic a word that is no
    common word or given name (جان) closing the name, or before its year only (اعتداءات باريس
    عام 2015; not دير in "زيارة أورسولا فون دير لاين إلى نواكشوط"); in Latin script not followed by
    a capitalized word, which makes it part of another name (Exercise Phoenix Express)."""
    rest = text[hit_end:].split()
    if arabic:
        cues = function_words().year_cues
        return (normalize(text[hit_start:hit_end]) not in known_arabic_words()
                and all(w.isdigit() or normalize(w) in cues for w in rest))
    return not (rest and rest[0][:1].isupper())


def nested_city_mentions(document: Document, mentions: list[Mention],
                         held: set[tuple[int, int, str]]) -> list[Mention]:
    """Mentions of the cities named inside an event's name (the Paris attacks, sommet de Pau,
    اعتداءات باريس): the annotators mark the city too. Made after the relation rules, as
    :func:`nested_mentions`; ``held`` (start, end, key) of the mentions found so far, updated."""
    nested: list[Mention] = []
    for m in mentions:
        if not _holds_city(m):
            continue
        for hit in nested_cities(m.text, (m.key,) if m.key else ()):
            start, end, key = m.start + hit.start, m.start + hit.end, hit.pattern.ids[0]
            if (start, end, key) in held or not _city_in_name(m.text, hit.start, hit.end, hit.pattern.arabic):
                continue
            held.add((start, end, key))
            nested.append(Mention(id=f"{document.id}#{start}-{end}", document=document.id, start=start, end=end,
                                  text=document.text[start:end], type="City", lang=m.lang, key=key,
                                  source="nested", confidence=TRUST["lexicon"]))
    return nested


# How far into the text a byline (an outlet's name on a line of its own) is looked for.
BYLINE_CHARS = 400


def outlet_mentions(document: Document, mentions: list[Mention]) -> list[Mention]:
    """The outlet a dateline or byline names ("Rabat (Reuters) -", "الرباط - مراسلون 24",
    "AGI - ...") as an Organization mention, when no recognizer found it: news outlets named
    in the text are organizations. The lexicon entry of the name, when it has one, is its key.
    Made after the relation rules, like :func:`nested_mentions`: a dateline states no relation."""
    dateline = read_dateline(document.text, document.lang or "und")
    if dateline is None or not dateline.outlet:
        return []
    window = (dateline.start, dateline.end) if dateline.end > dateline.start else (0, BYLINE_CHARS)
    start = document.text.find(dateline.outlet, *window)
    if start < 0:
        return []
    end = start + len(dateline.outlet)
    if any(m.start <= start and end <= m.end for m in mentions):
        return []  # found already (a lexicon outlet); a place inside its name (Kurdistan 24) is no reason
    key = lexicon_name(dateline.outlet, "Organization")
    if key is None and dateline.outlet not in dateline_outlets() and names_a_place(dateline.outlet):
        return []  # "طبرقة (شمال غرب تونس) -": a region in parentheses, not an outlet
    return [Mention(id=f"{document.id}#{start}-{end}", document=document.id, start=start, end=end,
                    text=dateline.outlet, type="Organization", lang=document.lang or "und", key=key,
                    source="dateline", confidence=TRUST["lexicon"] if key else TRUST["pattern"])]

