"""Relation extraction stage: :class:`~pipeline.model.Relation` records between mentions.

Per sentence, the argument patterns of :mod:`pipeline.relations.patterns` (titles,
coordination, demonyms, flows with their direction, membership, events, places) propose
candidates; :mod:`pipeline.relations.modality` marks negated and hedged ones and lowers
their confidence; cooperation domains come from the sentence and its neighbours
(:mod:`pipeline.relations.domains`); event dates from :mod:`pipeline.language.dates`.
Two document-level rules add ``agencyOf`` from an agency's name (a country named inside
it) and from the lexicon (the agency's own country, when the text names that country).

Every relation carries its evidence (the sentence, with character offsets into the
document text), the rule that found it (``Relation.extractor``) and a confidence. The
same fact found twice in a document is one relation with all its evidences.

Threshold: relations under :data:`MIN_CONFIDENCE` (a negated statement always is) are
left out of what :func:`extract_relations` returns, hence out of every export; pass
``min_confidence=0`` to get them all, flagged ``negated`` / ``hedged``.

Robustness: each rule family runs guarded, so one failing rule loses its own candidates,
not the document: the failure is logged and appended to ``errors`` (when the caller
passes a list) as ``"family: ExceptionType: message"``. ``strict=True`` (or the
environment variable ``DOC2KG_STRICT_RELATIONS=1``) raises instead: the tests run strict.

Usage::

    errors: list[str] = []
    relations = extract_relations(doc, document, mentions, errors=errors)
    relations[0].extractor, relations[0].confidence, relations[0].evidence[0].text
"""
from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable
from functools import partial
from typing import TypeVar

from spacy.tokens import Doc

from pipeline.ontology_data import load_lexicon
from pipeline.language.normalize import normalize
from pipeline.model import DOMAINS, SYMMETRIC_RELATIONS, Document, Evidence, Mention, Relation
from pipeline.relations.context import Arg, SentenceContext, mention_key
from pipeline.relations.cues import load_cues
from pipeline.language.dates import reference_date
from pipeline.relations.domains import find_domains
from pipeline.relations.modality import Modality, assess
from pipeline.relations.events import document_event_relations, events
from pipeline.relations.patterns import FAMILIES, Candidate, dual_reference

MIN_CONFIDENCE = 0.5
STRICT_ENV = "DOC2KG_STRICT_RELATIONS"
log = logging.getLogger(__name__)
T = TypeVar("T")
# Sentences back in which a named event can be referred to by "the operation", "القمة".
EVENT_MEMORY = 3
# Sentences before a dual reference ("the two countries") whose parties it may stand for.
DUAL_MEMORY = 2
SENTENCE_FINAL = (".", "!", "?", "؟", "؛", "…", ".»", ".\"", ".”", "\n")
NAME_INTERNAL = {"agencyOf", "locatedIn"}
OUTLET_KINDS = {"news_agency", "media"}
QUALIFIED_TYPES = {"GovernmentAgency", "Organization", "InternationalOrganization"}
BACK_REFERENCE_TYPES = {"GovernmentAgency", "InternationalOrganization"}


def _country_mentions(mentions: list[Mention]) -> dict[str, Mention]:
    out: dict[str, Mention] = {}
    for m in mentions:
        if m.type == "Country":
            out.setdefault(mention_key(m), m)
    return out


def _demonym_args(doc: Doc, mentions: list[Mention], countries: dict[str, Mention], lang: str) -> list[Arg]:
    args = []
    for span in doc.spans.get("demonyms", []):
        country = countries.get(span.kb_id_)
        if country is None:
            continue
        s, e = span.start_char, span.end_char
        inside = [m for m in mentions if m.start <= s and e <= m.end]
        if inside and inside[0].type not in QUALIFIED_TYPES:
            continue  # part of a country's or a person's name
        qualifier = inside[0].id if inside else None
        if qualifier is None:
            for m in mentions:
                if m.type in QUALIFIED_TYPES and (0 <= s - m.end <= 2 or (lang == "en" and 0 <= m.start - e <= 2)):
                    qualifier = m.id
        args.append(Arg(country.id, "Country", span.kb_id_, s, e, span.text, demonym=True, qualifier_of=qualifier))
    return args


def _is_outlet(m: Mention, lang: str) -> bool:
    """A news agency, paper or broadcaster: by its lexicon kind, or its name's head noun."""
    if m.type not in {"Organization", "GovernmentAgency"}:
        return False
    entry = load_lexicon().entries.get(m.key or "")
    if entry is not None and entry.kind in OUTLET_KINDS:
        return True
    return bool(load_cues().find("news_outlet", lang, m.text))


_AR_WORD = re.compile(r"[\u0621-\u064A\u0660-\u0669\u064B-\u0652\u0640]+")
# A definite noun with its proclitics: "والجهاز", "بالمديرية", "للجامعة".
_AR_DEFINITE = re.compile(r"^(?:[وف])?(?:[بك])?(?:ال|لل)(\w{3,})$")


def _body_head(m: Mention) -> str | None:
    """The head noun of a body's Arabic name ("جهاز" of "جهاز مكافحة الإرهاب"), when it is
    one of the nouns a later "الجهاز" may refer back with (``back_reference`` cues)."""
    words = normalize(m.text).split()
    if not words:
        return None
    head = words[0][2:] if words[0].startswith("ال") else words[0]
    return head if load_cues().find("back_reference", "ar", head) else None


def _back_references(text: str, mentions: list[Mention], args: list[Arg]) -> list[Arg]:
    """"المتحدث باسم الجهاز", "الأمين العام للجامعة", "أحالت المديرية …": a definite head
    noun alone, outside any name, refers back to the last body named before it with that
    head noun; it becomes an argument carrying that body's mention id."""
    bodies = [(m, head) for m in mentions if m.type in BACK_REFERENCE_TYPES and (head := _body_head(m))]
    if not bodies:
        return []
    heads = {head for _, head in bodies}
    taken = [(a.start, a.end) for a in args]
    out = []
    for w in _AR_WORD.finditer(text, min(m.end for m, _ in bodies)):
        found = _AR_DEFINITE.match(normalize(w.group()))
        if found is None or found.group(1) not in heads or any(s0 < w.end() and w.start() < s1 for s0, s1 in taken):
            continue
        before = [m for m, head in bodies if head == found.group(1) and m.end <= w.start()]
        if before:
            m = max(before, key=lambda x: x.end)
            out.append(Arg(m.id, m.type, mention_key(m), w.start(), w.end(), w.group()))
    return out


def _capitals(mentions: list[Mention], countries: dict[str, Mention]) -> dict[str, Arg]:
    """City mention id -> its state's Arg, for capitals whose state the document names."""
    lexicon = load_lexicon()
    out = {}
    for m in mentions:
        entry = lexicon.entries.get(m.key or "")
        if m.type != "City" or entry is None or not entry.capital:
            continue
        country = countries.get(lexicon.country_of(entry.id) or "")
        if country is not None:
            out[m.id] = Arg(country.id, "Country", mention_key(country), m.start, m.end, m.text)
    return out


def _contexts(doc: Doc, document: Document, mentions: list[Mention]) -> list[SentenceContext]:
    lang = document.lang or "en"
    countries = _country_mentions(mentions)
    all_args = [Arg(m.id, m.type, mention_key(m), m.start, m.end, m.text, source=_is_outlet(m, lang)) for m in mentions]
    all_args += _demonym_args(doc, mentions, countries, lang)
    if lang == "ar":
        all_args += _back_references(document.text, mentions, all_args)
    all_args.sort(key=lambda a: (a.start, a.end))
    _locative_qualifiers(document.text, lang, all_args)
    # Only events read the reference date: no scan of the whole text where none is named.
    reference = reference_date(document.text, lang) if any(a.type == "Event" for a in all_args) else None
    capitals = _capitals(mentions, countries)
    ministries = _ministries(document.text, lang, mentions, all_args)
    out = []
    for start, end in _sentence_spans(doc, document.text):
        args = [a for a in all_args if start <= a.start < end]
        out.append(SentenceContext(document.text, start, end, lang, args, reference, capitals, ministries))
    return out


def _locative_qualifiers(text: str, lang: str, args: list[Arg]) -> None:
    """"المديرية العامة للأمن الوطني بالمغرب", "la police judiciaire au Maroc": a country
    right after an agency, joined by "in" / "of" alone, says where the agency belongs; it
    is not a party of its own (it qualifies the agency)."""
    cues = load_cues()
    for prev, a in zip(args, args[1:]):
        if a.type != "Country" or a.demonym or prev.type != "GovernmentAgency" or prev.demonym:
            continue
        gap = text[prev.end:a.start]
        if len(gap.split()) <= 2 and cues.find("locative", lang, gap) and cues.only(("locative", "of", "filler"), lang, gap):
            a.qualifier_of = prev.id


def _ministries(text: str, lang: str, mentions: list[Mention], args: list[Arg]) -> list[tuple[Arg, str, frozenset[str]]]:
    """Ministries named in the document: ``(arg, state key, content words of the name)``.
    The state comes from a demonym or country inside or next to the name ("وزارة الداخلية
    الإسبانية", "Italy's Interior Ministry", "ministère de l'Intérieur du Mali") or, failing
    that, from the lexicon."""
    cues = load_cues()
    lexicon = load_lexicon()
    out = []
    for m in mentions:
        if m.type != "GovernmentAgency" or not cues.find("ministry", lang, m.text):
            continue
        state = None
        for a in args:
            if a.type != "Country" or a.id == m.id:
                continue
            inside = m.start <= a.start and a.end <= m.end
            before = a.end <= m.start and text[a.end:m.start].strip().lower() in {"'s", "’s"}
            after = a.start >= m.end and len(text[m.end:a.start].split()) <= 2 and cues.find("of", lang, text[m.end:a.start])
            if inside or a.qualifier_of == m.id or before or after:
                state = a.key
                break
        if state is None and m.key:
            state = lexicon.country_of(m.key)
        if state is None:
            continue
        arg = Arg(m.id, m.type, mention_key(m), m.start, m.end, m.text)
        inner = [a for a in args if m.start <= a.start and a.end <= m.end and a.id != m.id]
        words = SentenceContext(text, m.start, m.end, lang, inner).content_words(m.start, m.end, ("ministry", "of", "filler"))
        if words:
            out.append((arg, state, words))
    return out


def _sentence_spans(doc: Doc, doc_text: str) -> list[tuple[int, int]]:
    """Sentences as the parser splits them, re-joined where a split falls before any final
    punctuation (the small French and English parsers also cut at dashes and commas).
    ``doc_text`` is the text ``doc`` was parsed from (``Doc.text`` joins every token anew)."""
    spans: list[tuple[int, int]] = []
    pending: int | None = None
    for sent in doc.sents:
        start = sent.start_char if pending is None else pending
        text = doc_text[start:sent.end_char]
        closed = text.rstrip().endswith(SENTENCE_FINAL) or "\n" in doc_text[sent.end_char:sent.end_char + 2]
        if closed or sent.end == len(doc):
            spans.append((start, sent.end_char))
            pending = None
        else:
            pending = start
    return spans


def _document_agency_rules(doc: Doc, mentions: list[Mention]) -> list[tuple[Mention, Mention, str, float]]:
    """``(agency, country, rule, confidence)`` from the agency's name and the lexicon."""
    countries = _country_mentions(mentions)
    lexicon = load_lexicon()
    country_spans = [(s.start_char, s.end_char, s.kb_id_) for s in doc.spans.get("lexicon", []) if s.label_ == "Country"]
    out = []
    for m in mentions:
        if m.type != "GovernmentAgency":
            continue
        for start, end, kb_id in country_spans:
            if m.start <= start and end <= m.end and kb_id in countries:
                out.append((m, countries[kb_id], "rule:agency-name-country", 0.85))
        if m.key:
            country = lexicon.country_of(m.key)
            if country in countries:
                out.append((m, countries[country], "rule:agency-lexicon-country", 0.7))
    return out


def _domains(contexts: list[SentenceContext], i: int) -> list[str]:
    """Domains of sentence ``i``, with its neighbours' when they name no other party."""
    ctx = contexts[i]
    found = set(find_domains(ctx.sentence, ctx.lang))
    for j in (i - 1, i + 1):
        if 0 <= j < len(contexts) and not contexts[j].parties():
            found |= set(find_domains(contexts[j].sentence, ctx.lang))
    return sorted(found, key=DOMAINS.index)


def _guarded(name: str, fn: Callable[[], list[T]], errors: list[str] | None, strict: bool, doc_id: str) -> list[T]:
    """``fn()``, or ``[]`` with the failure logged and recorded when not ``strict``."""
    try:
        return fn()
    except Exception as exc:
        if strict:
            raise
        message = f"{name}: {type(exc).__name__}: {exc}"
        log.warning("relations of %s: rule family failed: %s", doc_id, message, exc_info=True)
        if errors is not None:
            errors.append(message)
        return []


def extract_relations(doc: Doc, document: Document, mentions: list[Mention], *,
                      min_confidence: float = MIN_CONFIDENCE, errors: list[str] | None = None,
                      strict: bool | None = None) -> list[Relation]:
    if strict is None:
        strict = os.environ.get(STRICT_ENV, "") not in {"", "0"}

    def guarded(name: str, fn: Callable[[], list[T]]) -> list[T]:
        return _guarded(name, fn, errors, strict, document.id)

    contexts = _contexts(doc, document, mentions)
    keys = {m.id: mention_key(m) for m in mentions}
    found: dict[tuple[str, str, str], Relation] = {}

    def add(rel: Relation) -> None:
        hk, tk = keys.get(rel.head, rel.head), keys.get(rel.tail, rel.tail)
        if rel.type in SYMMETRIC_RELATIONS and tk < hk:
            hk, tk = tk, hk
        k = (hk, rel.type, tk)
        if k not in found:
            found[k] = rel
            return
        old = found[k]
        for ev in rel.evidence:
            if ev not in old.evidence:
                old.evidence.append(ev)
        if rel.confidence > old.confidence:
            old.confidence, old.extractor = rel.confidence, rel.extractor
            old.negated, old.hedged = rel.negated, rel.hedged
        old.domains = sorted(set(old.domains) | set(rel.domains), key=DOMAINS.index)

    recent: list[tuple[int, Arg]] = []  # events of the sentences so far, by sentence
    parties: list[tuple[int, Arg]] = []  # and their parties
    for i, ctx in enumerate(contexts):
        candidates: list[Candidate] = []
        for family in FAMILIES:
            candidates.extend(guarded(family.__name__, partial(family, ctx)))
        memory = [a for j, a in recent if i - j <= EVENT_MEMORY]
        candidates.extend(guarded("events", partial(events, ctx, memory)))
        recent.extend((i, a) for a in ctx.args if a.type == "Event")
        in_view = [a for j, a in parties if i - j <= DUAL_MEMORY]
        candidates.extend(guarded("dual_reference", partial(dual_reference, ctx, in_view)))
        parties.extend((i, a) for a in ctx.parties(demonyms=True))
        evidence = Evidence(document.id, ctx.start, ctx.end, ctx.sentence)
        domains: list[str] | None = None  # the sentence's, found for its first cooperatesWith
        for c in candidates:
            # What a name or an apposition says (la police *marocaine*, Rabat, Maroc) is
            # not what the clause around it negates or hedges.
            modality = Modality() if c.type in NAME_INTERNAL else assess(document.text, c.start, c.end, ctx.lang)
            tail = c.tail.id if isinstance(c.tail, Arg) else c.tail
            if tail == c.head.id:
                continue
            if c.type == "cooperatesWith" and domains is None:
                domains = _domains(contexts, i)
            add(Relation(head=c.head.id, type=c.type, tail=tail,
                         domains=list(domains) if c.type == "cooperatesWith" else [],
                         confidence=round(c.confidence * modality.factor, 3), extractor=c.rule,
                         evidence=[evidence], negated=modality.negated, hedged=modality.hedged))
    by_id = {m.id: m for m in mentions}
    for agency, country, rule, conf in guarded("document_agency_rules", lambda: _document_agency_rules(doc, mentions)):
        ctx = next((c for c in contexts if c.start <= agency.start < c.end), None)
        ev = Evidence(document.id, ctx.start, ctx.end, ctx.sentence) if ctx else Evidence(document.id, agency.start, agency.end, agency.text)
        add(Relation(head=agency.id, type="agencyOf", tail=country.id, confidence=conf, extractor=rule, evidence=[ev]))
    for rel in guarded("apposed_places", lambda: _apposed_places(list(found.values()))):
        add(rel)
    for rel in guarded("document_events", lambda: document_event_relations(doc, document, mentions, contexts)):
        add(rel)
    for rel in guarded("host_countries", lambda: _host_countries(list(found.values()), by_id)):
        add(rel)
    relations = _consistent(list(found.values()), keys)
    return [r for r in relations if r.confidence >= min_confidence and by_id.get(r.head) is not None]


def _apposed_places(relations: list[Relation]) -> list[Relation]:
    """"… taking place at X Base, Egypt": an event in a place that the same sentence puts
    in a wider one by apposition (``rule:place-comma``) also took place in the wider one."""
    within = [r for r in relations if r.type == "locatedIn" and r.extractor == "rule:place-comma"]
    out = []
    for r in relations:
        if r.type != "occurredIn":
            continue
        for w in within:
            if w.head == r.tail and any(e in r.evidence for e in w.evidence):
                out.append(Relation(head=r.head, type="occurredIn", tail=w.tail, confidence=round(min(r.confidence, w.confidence) * 0.9, 3),
                                    extractor="rule:event-place-apposition", evidence=list(w.evidence),
                                    negated=r.negated, hedged=r.hedged))
    return out


def _host_countries(relations: list[Relation], by_id: dict[str, Mention]) -> list[Relation]:
    """The state an operation, exercise or attack takes place in is a party to it (it hosts
    it, takes part through its services, or is its target): ``occurredIn`` a Country gives
    that country ``involvedIn`` the event, a little less sure than the place itself."""
    out = []
    for r in relations:
        tail = by_id.get(r.tail)
        if r.type == "occurredIn" and tail is not None and tail.type == "Country":
            out.append(Relation(head=r.tail, type="involvedIn", tail=r.head, confidence=round(r.confidence * 0.9, 3),
                                extractor="rule:event-host-country", evidence=list(r.evidence),
                                negated=r.negated, hedged=r.hedged))
    return out


def _consistent(relations: list[Relation], keys: dict[str, str]) -> list[Relation]:
    """Drop what another relation of the same pair contradicts: an agency does not cooperate
    with its own state; a person heads or is a member, not both."""
    def k(x: str) -> str:
        return keys.get(x, x)
    own = {(k(r.head), k(r.tail)) for r in relations if r.type == "agencyOf"}
    roles: dict[tuple[str, str], Relation] = {}
    for r in relations:
        if r.type in {"leads", "memberOf"}:
            pair = (k(r.head), k(r.tail))
            if pair not in roles or r.confidence > roles[pair].confidence:
                roles[pair] = r
    out = []
    for r in relations:
        pair = (k(r.head), k(r.tail))
        if r.type == "cooperatesWith" and (pair in own or pair[::-1] in own):
            continue
        if r.type in {"leads", "memberOf"} and roles[pair] is not r:
            continue
        out.append(r)
    return out
