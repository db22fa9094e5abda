"""Event relations: who took part in an event (``involvedIn``), where (``occurredIn``) and
when (``occurredOn``).

Reads the sentence contexts of :mod:`pipeline.relations.context` (events are mentions of
type ``Event``) and the event cues of ``ontology/patterns/relation_patterns.yaml`` and
``relation_triggers.yaml`` (``involvedIn``, ``participation``, ``event_reference``,
``event_pronoun``, ``locative``).

- :func:`events`, per sentence: the sentence's named events, or the event the text has just
  named when the sentence refers back to it ("the exercise", "العملية", a participation
  verb); a date in the event's name or near it; a place after a locative; the parties of
  the sentence as participants.
- :func:`document_event_relations`, per document: what the event's own name says (قمة
  بغداد, the Brussels attack, réunion de Niamey: ``occurredIn`` the place named in it,
  when the document names that place as a mention of its own).

Usage::

    candidates = events(ctx, recent_events)           # inside extract_relations
    relations = document_event_relations(doc, document, mentions, contexts)
"""
from __future__ import annotations

from spacy.tokens import Doc

from pipeline.model import Document, Evidence, Mention, Relation
from pipeline.relations.context import PARTY_TYPES, Arg, SentenceContext, mention_key
from pipeline.relations.cues import load_cues
from pipeline.relations.dates import find_dates
from pipeline.relations.patterns import Candidate, _cand, _span

PLACE_TYPES = frozenset({"City", "Location", "Country"})


def events(ctx: SentenceContext, recent_events: list[Arg] | None = None) -> list[Candidate]:
    named = [a for a in ctx.args if a.type == "Event" and not a.demonym]
    evs = named
    referenced = participation_only = False
    if not evs and recent_events:
        opening = ctx.text[ctx.start:ctx.after(Arg("", "", "", ctx.start, ctx.start, ""), 2)[1]]
        if ctx.cues("event_reference") or load_cues().find("event_pronoun", ctx.lang, opening):
            evs, referenced = recent_events[-1:], True
        elif ctx.cues("participation"):
            # "Frontex and Interpol also took part", "وشاركت في التحقيق الشرطة …": a clear
            # participation verb continues about the event the text has just named.
            evs, referenced, participation_only = recent_events[-1:], True, True
    out: list[Candidate] = []
    dates = find_dates(ctx.sentence, ctx.lang, ctx.reference)
    involve = ctx.cues("involvedIn")
    for ev in evs:
        # occurredOn: a date in the event's name, else the nearest date of the sentence.
        if not referenced:
            inside = [d for d in dates if ev.start <= ctx.start + d.start and ctx.start + d.end <= ev.end]
            near = sorted(dates, key=lambda d: min(abs(ctx.start + d.start - ev.end), abs(ev.start - ctx.start - d.end)))
            if inside:
                out.append(_cand(ev, "occurredOn", inside[0].value, "rule:event-date-in-name", 0.85))
            elif near and ctx.words(ctx.text[min(ev.end, ctx.start + near[0].start):max(ev.start, ctx.start + near[0].end)]) <= 12:
                d = near[0]
                out.append(_cand(ev, "occurredOn", d.value, "rule:event-date", 0.7, (ctx.start + d.start, ctx.start + d.end)))
        for a in ctx.args:
            if a is ev or a.demonym or a.source or a.type == "Event":
                continue
            lo, _ = ctx.before(a, 2)
            located = ctx.cues("locative", lo, a.start) and a.type in PLACE_TYPES
            if located and participation_only:
                continue
            if located and (referenced or a.start >= ev.end or ctx.words(ctx.gap(a, ev)) <= 12):
                conf = 0.6 if referenced else (0.75 if a.start >= ev.end and ctx.words(ctx.gap(ev, a)) <= 6 else 0.6)
                out.append(_cand(ev, "occurredIn", a, "rule:event-place", conf))
            elif a.type in PARTY_TYPES | {"Person"} and a.qualifier_of is None and _nearest(a, evs) is ev:
                conf = (0.65 if involve else 0.5) if not referenced else (0.55 if involve else 0.0)
                if conf:
                    cand = _cand(a, "involvedIn", ev, "rule:event-participant", conf, *involve[:1])
                    if referenced:  # the statement is this sentence's, not the one naming the event
                        cand.start, cand.end = _span(a, *involve[:1])
                    out.append(cand)
    return out


def _nearest(a: Arg, evs: list[Arg]) -> Arg | None:
    """The event of the sentence nearest to ``a``: with two events in a sentence ("the
    meeting came three weeks after the attack claimed by X"), a party belongs to one."""
    return min(evs, key=lambda e: e.start - a.end if a.end <= e.start else a.start - e.end, default=None)


def document_event_relations(doc: Doc, document: Document, mentions: list[Mention],
                             contexts: list[SentenceContext]) -> list[Relation]:
    """Relations an event's own name states: the place named in it (قمة بغداد, réunion de
    Niamey, the Brussels attack) when the document also names that place on its own."""
    places: dict[str, Mention] = {}
    for m in mentions:
        if m.type in PLACE_TYPES:
            places.setdefault(mention_key(m), m)
    out = []
    for ev in (m for m in mentions if m.type == "Event"):
        for span in doc.spans.get("lexicon", []):
            if span.label_ not in PLACE_TYPES or not (ev.start <= span.start_char and span.end_char <= ev.end):
                continue
            place = places.get(span.kb_id_) if span.kb_id_ else None
            if place is None or place.start < ev.end and place.end > ev.start:
                continue
            ctx = next((c for c in contexts if c.start <= ev.start < c.end), None)
            evidence = Evidence(document.id, ctx.start, ctx.end, ctx.sentence) if ctx else Evidence(document.id, ev.start, ev.end, ev.text)
            out.append(Relation(head=ev.id, type="occurredIn", tail=place.id, confidence=0.8,
                                extractor="rule:event-place-in-name", evidence=[evidence]))
    return out
