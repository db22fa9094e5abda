"""Event frames: who took part in an event and where it happened, read over the whole document.

News annotates an event's participants at document level: the exercise is named in the lead,
the ten countries taking part two sentences later, the host city in the dateline. A pair of
mentions in one sentence (:mod:`.candidates`) misses most of them. Here every **event** of
the document (its mentions grouped by name) meets every **party** (``involvedIn``) and every
**place** (``occurredIn``) of the document (mentions grouped by lexicon key or name), and a
logistic model per role decides from features that do not depend on one phrasing:

- how close they come: the fewest sentences between a mention of each, whether they share a
  sentence, the words between them there, whether the event is the only one of the document,
  its rank, whether either is in the headline;
- how the argument is written: its type, how often it is named, whether it stands in a list
  of parties, the two words before and after it where it comes closest to the event, the
  word before a place (in, à, في, ب);
- what the rules said: this role on this pair, this role with another event, other relations
  of the argument; whether the event is one the rules gave parties, a place or a date, and
  whether another argument of the argument's sentence (a list-mate) has this role on it;
- which cue families (:mod:`pipeline.relations.cues`: participation, hosting, ...) stand in
  the argument's sentence and between it and the event.

Not the event's own words: they name the training corpus's events, not the next author's.
Labels come from the gold graph as the scorer aligns it
(:func:`pipeline.learned.training.scorer_alignment`).

The model file is ``ontology/models/frames.json`` (the relation-model format of
:mod:`.classifier`, one type per role), built by ``make train``.

Usage::

    python -m pipeline.learned.event_frames corpus/train/*.jsonl --out ontology/models/frames.json
    extra = frame_relations(doc, document, mentions, rule_relations)   # at run time
"""
from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

from pipeline.language.morphology import strip_clitics
from pipeline.language.normalize import normalize
from pipeline.learned.candidates import PARTY, PLACE, MentionSpan, mention_spans
from pipeline.learned.classifier import RelationModel
from pipeline.learned.features import word_form
from pipeline.model import Document, Evidence, Mention, Relation
from pipeline.ontology_data import FRAME_MODEL_FILE
from pipeline.relations.cues import load_cues

EXTRACTOR = "learned:frame"
ROLES = ("involvedIn", "occurredIn")
_ARGUMENT_TYPES = {"involvedIn": PARTY | {"Person"}, "occurredIn": PLACE}
_LIST_MARKS = {",", "،", "و", "and", "et", "ou", "or"}
# Words between an argument and its event are a bag only this close (tokens).
BAG_WINDOW = 20
# Cue families (ontology/patterns, :mod:`pipeline.relations.cues`) whose presence in the
# argument's sentence, or between it and the event, is a feature: participation, hosting, lists.
CUE_FAMILIES = ("involvedIn", "participation", "hosting", "hosted_group", "joint", "presence", "among", "with",
                "between", "signing", "locative", "withdrawal", "reaction", "negation", "event_reference")
# The rules' relations of an event that say it is a real, annotated one.
_EVENT_ROLES = {"t:involvedIn": "parties", "h:occurredIn": "place", "h:occurredOn": "date"}


@dataclass(frozen=True, slots=True)
class Group:
    """The mentions of one named thing in the document, in text order."""

    name: str
    type: str
    spans: tuple[MentionSpan, ...]


@dataclass(frozen=True, slots=True)
class FrameCandidate:
    role: str
    argument: Group
    event: Group
    closest: tuple[MentionSpan, MentionSpan]  # the argument's and the event's mentions nearest each other


def _bucket(n: int) -> str:
    for limit in (0, 1, 2, 3, 5, 8, 12):
        if n <= limit:
            return str(limit)
    return "more"


def groups(spans: list[MentionSpan], lang: str) -> list[Group]:
    by_name: dict[tuple[str, str], list[MentionSpan]] = defaultdict(list)
    for s in spans:
        m = s.mention
        name = m.key or " ".join(word_form_text(m.text, lang))
        by_name[(m.type, name)].append(s)
    return [Group(name, mtype, tuple(v)) for (mtype, name), v in by_name.items()]


def word_form_text(text: str, lang: str) -> list[str]:
    return [strip_clitics(w) if lang == "ar" else normalize(w).lower() for w in text.split()]


def candidates(doc: Doc, mentions: list[Mention], lang: str) -> list[FrameCandidate]:
    spans = mention_spans(doc, mentions)
    gs = groups(spans, lang)
    events = [g for g in gs if g.type == "Event"]
    out = []
    for role in ROLES:
        for arg in (g for g in gs if g.type in _ARGUMENT_TYPES[role]):
            for ev in events:
                closest = min(((a, e) for a in arg.spans for e in ev.spans),
                              key=lambda p: (abs(p[0].sentence - p[1].sentence), abs(p[0].start - p[1].start)))
                out.append(FrameCandidate(role, arg, ev, closest))
    return out


@dataclass
class _Context:
    doc: Doc
    lang: str
    events: int
    event_rank: dict[str, int]
    rules: dict[tuple[str, str, str], bool]
    rule_roles: dict[str, set[str]]
    headline_end: int
    sentences: list  # the doc's sentence spans
    by_sentence: dict[int, list[MentionSpan]]  # the arguments' mentions by sentence
    stated: dict[tuple[str, str], set[str]]  # (role, event mention id) -> argument mention ids the rules gave it


def _context(doc: Doc, relations: list[Relation], lang: str, cands: list[FrameCandidate]) -> _Context:
    events = sorted({c.event.name: min(s.start for s in c.event.spans) for c in cands}.items(), key=lambda x: x[1])
    rules: dict[tuple[str, str, str], bool] = {}
    rule_roles: dict[str, set[str]] = defaultdict(set)
    for r in relations:
        rules[(r.head, r.type, r.tail)] = True
        rule_roles[r.head].add("h:" + r.type)
        rule_roles[r.tail].add("t:" + r.type)
    stated: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in relations:
        if r.type == "involvedIn":
            stated[("involvedIn", r.tail)].add(r.head)
        elif r.type == "occurredIn":
            stated[("occurredIn", r.head)].add(r.tail)
    by_sentence: dict[int, list[MentionSpan]] = defaultdict(list)
    seen: set[str] = set()
    for c in cands:
        for s in c.argument.spans:
            if s.mention.id not in seen:
                seen.add(s.mention.id)
                by_sentence[s.sentence].append(s)
    sentences = list(doc.sents)
    return _Context(doc, lang, len(events), {name: k for k, (name, _) in enumerate(events)}, rules, rule_roles,
                    sentences[0].end if sentences else 0, sentences, by_sentence, stated)


def _cues_in(ctx: _Context, start: int, end: int) -> list[str]:
    """The :data:`CUE_FAMILIES` with a cue in the text of tokens ``start:end``."""
    if end <= start:
        return []
    text = ctx.doc[start:end].text
    cues = load_cues()
    return [f for f in CUE_FAMILIES if f in cues.data and cues.find(f, ctx.lang, text)]


def _in_list(doc: Doc, span: MentionSpan) -> bool:
    before = doc[span.start - 1].text if span.start > 0 else ""
    after = doc[span.end].text if span.end < len(doc) else ""
    return before in _LIST_MARKS or after in _LIST_MARKS


def frame_features(cand: FrameCandidate, ctx: _Context) -> list[str]:
    doc, lang = ctx.doc, ctx.lang
    arg, ev = cand.argument, cand.event
    a, e = cand.closest
    sent_gap = abs(a.sentence - e.sentence)
    shared = len({s.sentence for s in arg.spans} & {s.sentence for s in ev.spans})
    feats = [
        f"role={cand.role}", f"atype={arg.type}", f"lang={lang}", f"events={_bucket(ctx.events)}",
        f"rank={_bucket(ctx.event_rank.get(ev.name, 0))}", f"sent_gap={_bucket(sent_gap)}",
        f"shared={_bucket(shared)}", f"acount={_bucket(len(arg.spans))}", f"ecount={_bucket(len(ev.spans))}",
        f"order={'ae' if a.start < e.start else 'ea'}", f"atype_gap={arg.type}:{_bucket(sent_gap)}",
        f"ev_source={e.mention.source.split(':')[0]}",
    ]  # not the event's own words: they name this corpus's events (Flintlock), not the next author's
    if any(s.start < ctx.headline_end for s in arg.spans):
        feats.append("arg_in_headline")
    if any(s.start < ctx.headline_end for s in ev.spans):
        feats.append("event_in_headline")
    if any(x.start < y.end and y.start < x.end for x in arg.spans for y in ev.spans):
        feats.append("inside_event_name")
    if any(_in_list(doc, s) for s in arg.spans):
        feats.append("in_list")
    for t in doc[max(0, a.start - 2):a.start]:
        feats.append(f"before={word_form(t, lang).lower()}")
    for t in doc[a.end:a.end + 2]:
        feats.append(f"after={word_form(t, lang).lower()}")
    if a.start > 0:
        feats.append(f"prev_word={word_form(doc[a.start - 1], lang).lower()}")
    if sent_gap == 0:
        lo, hi = (a.end, e.start) if a.start < e.start else (e.end, a.start)
        if 0 <= hi - lo <= BAG_WINDOW:
            feats += [f"bw={w}" for w in {word_form(t, lang).lower() for t in doc[lo:hi]} if w]
            feats.append(f"dist={_bucket(hi - lo)}")
        else:
            feats.append("far")
    arg_ids = {s.mention.id for s in arg.spans}
    ev_ids = {s.mention.id for s in ev.spans}
    head_ids, tail_ids = (arg_ids, ev_ids) if cand.role == "involvedIn" else (ev_ids, arg_ids)
    if any(ctx.rules.get((h, cand.role, t)) for h in head_ids for t in tail_ids):
        feats.append("rule=same")
    own = "h:" if cand.role == "involvedIn" else "t:"
    roles = set().union(*(ctx.rule_roles.get(i, set()) for i in arg_ids))
    if own + cand.role in roles:
        feats.append("rule=other_event")
    feats += [f"arg_rule={r}" for r in roles]
    # Is the event a real one? What the rules gave it (parties, a place, a date).
    ev_roles = set().union(*(ctx.rule_roles.get(i, set()) for i in ev_ids))
    feats += [f"ev_rule={name}" for role, name in _EVENT_ROLES.items() if role in ev_roles]
    stated = set().union(*(ctx.stated.get((cand.role, i), set()) for i in ev_ids))
    feats.append(f"ev_stated={_bucket(len(stated))}")
    # Its neighbours: the other arguments of the argument's sentence, and whether the rules
    # gave this role on this event to one of them (a list of participants, one of them found).
    same = [s for s in ctx.by_sentence.get(a.sentence, ()) if s.mention.id not in arg_ids
            and s.mention.type in _ARGUMENT_TYPES[cand.role]]
    feats.append(f"sent_args={_bucket(len({s.mention.key or s.mention.text for s in same}))}")
    mates = [s for s in same if s.mention.id in stated]
    if mates:
        feats.append("sent_mate_stated")
        near = min(abs(s.start - a.start) for s in mates)
        feats.append(f"mate_dist={_bucket(near)}")
        if any(_in_list(doc, s) for s in mates) and _in_list(doc, a):
            feats.append("list_mate_stated")
    sentence = ctx.sentences[a.sentence] if a.sentence < len(ctx.sentences) else None
    if sentence is not None:
        feats += [f"acue={f}" for f in _cues_in(ctx, sentence.start, sentence.end)]
        if a.sentence == e.sentence:
            lo, hi = (a.end, e.start) if a.start < e.start else (e.end, a.start)
            feats += [f"bcue={f}" for f in _cues_in(ctx, lo, hi)]
    return feats


def featurize(doc: Doc, mentions: list[Mention], relations: list[Relation], lang: str
              ) -> list[tuple[FrameCandidate, list[str]]]:
    cands = candidates(doc, mentions, lang)
    if not cands:
        return []
    ctx = _context(doc, relations, lang, cands)
    return [(c, frame_features(c, ctx)) for c in cands]


@lru_cache(maxsize=4)
def load_frame_model(path: Path = FRAME_MODEL_FILE) -> RelationModel | None:
    """The model file, or None when there is none (event relations then come from the rules)."""
    return RelationModel.load(path) if path.exists() else None


def _evidence(doc: Doc, document: Document, cand: FrameCandidate) -> Evidence:
    sents = list(doc.sents)
    a, e = cand.closest
    first, last = sorted((a.sentence, e.sentence))
    if last - first > 1:  # far apart: each sentence, not everything between
        start, end = sents[a.sentence].start_char, sents[a.sentence].end_char
    else:
        start, end = sents[first].start_char, sents[last].end_char
    return Evidence(document.id, start, end, document.text[start:end])


def frame_relations(doc: Doc, document: Document, mentions: list[Mention], relations: list[Relation],
                    model: RelationModel | None = None) -> list[Relation]:
    """``involvedIn`` and ``occurredIn`` relations the model accepts that the rules did not state."""
    model = model or load_frame_model()
    if model is None or not mentions:
        return []
    lang = document.lang or "en"
    out = []
    for cand, feats in featurize(doc, mentions, relations, lang):
        typed = model.types.get(cand.role)
        if typed is None or "rule=same" in feats:
            continue
        p = typed.probability(feats)
        if p < typed.threshold:
            continue
        a, e = cand.closest
        head, tail = (a, e) if cand.role == "involvedIn" else (e, a)
        out.append(Relation(head=head.mention.id, type=cand.role, tail=tail.mention.id, confidence=round(p, 3),
                            extractor=EXTRACTOR, evidence=[_evidence(doc, document, cand)]))
    return out


# --- training -------------------------------------------------------------------------


def frame_examples(gold: dict, parsed: tuple | None = None, aligned=None):
    """Training examples of one gold document (:class:`pipeline.learned.training.Example`);
    ``parsed``: the per-document stages' output for it, when already run; ``aligned``: the
    gold ids of a mention (:func:`pipeline.learned.training.scorer_alignment`; by name alone
    when not given)."""
    from pipeline.learned.training import Example, parse_gold_document

    doc, document, mentions, relations, by_name = parse_gold_document(gold, parsed)
    aligned = aligned or by_name
    required: set[tuple[str, str, str]] = set()
    optional: set[tuple[str, str, str]] = set()
    for r in gold["relations"]:
        if r["type"] in ROLES:
            (optional if r.get("optional") else required).add((r["head"], r["type"], r["tail"]))
    out = []
    for cand, feats in featurize(doc, mentions, relations, document.lang or "en"):
        args = set().union(*(aligned(s.mention) for s in cand.argument.spans))
        evs = set().union(*(aligned(s.mention) for s in cand.event.spans))
        keys = ({(x, cand.role, y) for x in args for y in evs} if cand.role == "involvedIn"
                else {(y, cand.role, x) for x in args for y in evs})
        if keys & required:
            label, key = 1, min(keys & required)
        elif keys & optional:
            continue
        else:
            label, key = 0, (cand.argument.name, cand.role, cand.event.name)
        out.append(Example(gold["id"], cand.role, feats, label, "rule=same" in feats, key))
    return out


def main(argv: list[str] | None = None) -> int:
    from pipeline.learned.training import train_main

    return train_main(argv, "Train the event-frame model from gold JSONL.", FRAME_MODEL_FILE, frame_examples,
                      relation_types=ROLES)


if __name__ == "__main__":
    sys.exit(main())
