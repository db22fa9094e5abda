"""What the relation rules share: the :class:`Candidate` they propose and the argument
patterns more than one family reads.

The rules themselves live in :mod:`pipeline.relations.rules`, one module per family,
each registered with :func:`pipeline.relations.registry.relation_rule`. They work on
character gaps between arguments and on cue families (see :mod:`pipeline.relations.cues`),
the same way in the three languages: Arabic through normalized, proclitic-aware cues;
French and English the same, which copes with the appositions and titles the dependency
parses of the small models often get wrong.

Usage::

    candidate(person, "leads", body, "rule:leads-title", 0.8)   # spans both arguments
    chains(ctx, ctx.parties())        # runs of parties joined by "and", commas, articles
"""
from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.relations.context import Arg, SentenceContext
from pipeline.relations.words import rule_words

BODY_TYPES = frozenset({"GovernmentAgency", "InternationalOrganization", "Organization", "Country"})
# Cue families that join two coordinated names ("X and Y", "du Mali, du Niger").
LINK = ("conjunction", "filler")


@dataclass
class Candidate:
    """A relation a rule proposes in one sentence: ``rule`` is its rule id, ``start:end``
    the stretch of the statement (modality is read there)."""

    head: Arg
    type: str
    tail: Arg | str
    rule: str
    confidence: float
    start: int
    end: int
    domains: list[str] = field(default_factory=list)


def covering(*items: Arg | tuple[int, int]) -> tuple[int, int]:
    """The stretch from the first start to the last end of ``items``."""
    starts = [i.start if isinstance(i, Arg) else i[0] for i in items]
    ends = [i.end if isinstance(i, Arg) else i[1] for i in items]
    return min(starts), max(ends)


def candidate(head: Arg, typ: str, tail: Arg | str, rule: str, conf: float, *span_of: Arg | tuple[int, int]) -> Candidate:
    """A :class:`Candidate` whose stretch covers ``head``, ``tail`` (an argument) and ``span_of``."""
    start, end = covering(head, *(x for x in ([tail] if isinstance(tail, Arg) else []) + list(span_of)))
    return Candidate(head, typ, tail, rule, conf, start, end)


def phrase_start(ctx: SentenceContext, b: Arg) -> int:
    """Where a body's whole name starts: "Italy's External … Agency (AISE)" for "AISE", so a
    title before it ("the director of Italy's …") is found."""
    start = b.start
    while True:
        prev = [x for x in ctx.args if x.end <= start and x.type in BODY_TYPES]
        if not prev:
            return start
        x = max(prev, key=lambda a: a.end)
        gap = ctx.text[x.end:start].strip().lower()
        if gap == "(" or gap in rule_words().possessive or gap == "" and not x.demonym:
            start = x.start
        else:
            return start


def _repeated_preposition(ctx: SentenceContext, a: Arg, b: Arg) -> bool:
    """"par X ainsi que par Y", "by X and by Y", "مع X ومع Y": a conjunction and the same
    kind of preposition again still coordinate the two names."""
    return bool(ctx.cues("conjunction", a.end, b.start)) and ctx.only_between(a, b, LINK + ("agent", "with"))


def chains(ctx: SentenceContext, parties: list[Arg]) -> list[list[Arg]]:
    """Runs of parties joined only by conjunctions, commas, articles or hyphens."""
    out: list[list[Arg]] = []
    current: list[Arg] = []
    last: Arg | None = None  # the mention the next gap starts after (a short name in brackets)
    for arg in parties:
        if current and ctx.gap(last, arg).strip() in {"(", "["}:
            last = arg
            continue  # "Office ... (Unodc)": the same party again, by its short name
        if current and last is current[-1] and _possessor(ctx, last, arg):
            current[-1] = last = arg  # "Morocco's DGSN": the body is the party, not its state
            continue
        if current and (ctx.gap(last, arg).strip() in {"-", "/"} | {""} or ctx.only_between(last, arg, LINK)
                        or _repeated_preposition(ctx, last, arg)):
            current.append(arg)
        else:
            if len(current) > 1:
                out.append(current)
            current = [arg]
        last = arg
    if len(current) > 1:
        out.append(current)
    return out


def _possessor(ctx: SentenceContext, a: Arg, b: Arg) -> bool:
    """``a`` is a state named as the possessor of the body ``b`` ("Portugal's police")."""
    return (a.type == "Country" and not a.demonym and b.type in BODY_TYPES - {"Country"}
            and ctx.gap(a, b).strip().lower() in rule_words().possessive)


def possessor_of(ctx: SentenceContext, parties: list[Arg], a: Arg) -> Arg:
    """"Morocco's Royal Gendarmerie": the body the possessor names, not the possessor."""
    nxt = next((x for x in parties if x.start >= a.end), None)
    if nxt is not None and ctx.text[a.end:nxt.start].strip().lower() in rule_words().possessive:
        return nxt
    return a
