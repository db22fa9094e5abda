"""Candidate relations for the trained layer: pairs of mentions whose types fit a relation.

Every ordered pair of mentions in one sentence (and, for event relations, the sentence
after the event's) is a candidate for each relation type whose signature admits the pair
(:data:`SIGNATURES`), within :data:`MAX_TOKENS` tokens of each other. ``cooperatesWith``
is symmetric: its candidates are unordered (first mention in text order as head).

Usage::

    for cand in candidate_pairs(doc, mentions):
        cand.head, cand.type, cand.tail, cand.sentence   # mentions and the sentence span
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from pipeline.model import Mention

PARTY = frozenset({"Country", "GovernmentAgency", "InternationalOrganization", "Organization"})
PLACE = frozenset({"City", "Country", "Location"})
# relation type -> (head types, tail types), as ../shared/eval/GUIDELINES.md defines them.
SIGNATURES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "cooperatesWith": (PARTY, PARTY),
    "providesIntelligenceTo": (frozenset({"Country", "GovernmentAgency"}), frozenset({"Country", "GovernmentAgency"})),
    "providesTrainingTo": (PARTY, PARTY),
    "leads": (frozenset({"Person"}), frozenset({"GovernmentAgency", "Organization", "InternationalOrganization",
                                                "Country"})),
    "memberOf": (frozenset({"Person", "Country"}), frozenset({"Organization", "GovernmentAgency",
                                                              "InternationalOrganization"})),
    "agencyOf": (frozenset({"GovernmentAgency"}), frozenset({"Country"})),
    "locatedIn": (frozenset({"City", "Location"}), PLACE),
    "involvedIn": (PARTY | {"Person"}, frozenset({"Event"})),
    "occurredIn": (frozenset({"Event"}), PLACE),
}
SYMMETRIC = frozenset({"cooperatesWith"})
# Relations whose arguments are often a sentence apart (an event, then its participants).
NEXT_SENTENCE = frozenset({"involvedIn", "occurredIn"})
# Farthest two arguments can be, in tokens (longer lists of parties are the reason for 60).
MAX_TOKENS = 60


@dataclass(frozen=True, slots=True)
class MentionSpan:
    """A mention with its token span and sentence index in the parsed doc."""

    mention: Mention
    start: int  # first token
    end: int  # one past the last token
    sentence: int


@dataclass(frozen=True, slots=True)
class Candidate:
    head: MentionSpan
    type: str
    tail: MentionSpan
    start_char: int  # the span the evidence is read from: the sentence(s) of both arguments
    end_char: int


def mention_spans(doc: Doc, mentions: list[Mention]) -> list[MentionSpan]:
    """Mentions located in the doc's tokens and sentences, in text order."""
    sent_starts = [s.start for s in doc.sents]
    out = []
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        out.append(MentionSpan(m, span.start, span.end, _index(sent_starts, span.start)))
    return out


def _index(starts: list[int], token: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= token:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _fits(rtype: str, head: MentionSpan, tail: MentionSpan) -> bool:
    heads, tails = SIGNATURES[rtype]
    return head.mention.type in heads and tail.mention.type in tails


def candidate_pairs(doc: Doc, mentions: list[Mention]) -> list[Candidate]:
    spans = mention_spans(doc, mentions)
    sents = list(doc.sents)
    out: list[Candidate] = []
    for i, a in enumerate(spans):
        for b in spans[i + 1:]:
            if b.start - a.end > MAX_TOKENS:
                break
            if a.mention.start < b.mention.end and b.mention.start < a.mention.end:
                continue  # overlapping mentions name one thing, or nest
            gap = b.sentence - a.sentence
            if gap > 1:
                break
            start_char = sents[a.sentence].start_char
            end_char = sents[b.sentence].end_char
            for rtype in SIGNATURES:
                if gap and rtype not in NEXT_SENTENCE:
                    continue
                if rtype in SYMMETRIC:
                    same = a.mention.key is not None and a.mention.key == b.mention.key
                    if _fits(rtype, a, b) and not same:
                        out.append(Candidate(a, rtype, b, start_char, end_char))
                    continue
                if _fits(rtype, a, b):
                    out.append(Candidate(a, rtype, b, start_char, end_char))
                if _fits(rtype, b, a):
                    out.append(Candidate(b, rtype, a, start_char, end_char))
    return out
