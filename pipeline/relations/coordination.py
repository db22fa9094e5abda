"""Coordinated lists of parties: "A, B, C et D", "A وB وC", "A, B and C", "between A and B and C".

A list is a run of parties (:func:`pipeline.relations.patterns.chains`: names joined only by
commas, conjunctions, articles, "by X and by Y") that holds a coordinating word ("and", "et",
"ainsi que", the Arabic "و" written alone or as the clitic of the next name), or three names
or more. Two names joined by a comma alone ("Europol, the Hague") are not a list: the second
may stand in apposition to the first. What is said of one member of a list is said of each
(:mod:`pipeline.relations.rules.lists` reads it; any rule may).

Usage::

    found = coordinated_lists(ctx)           # [[A, B, C], ...] in text order
    members_with(found, arg)                 # the list holding ``arg``, or [arg]
"""
from __future__ import annotations

from pipeline.language.morphology import WA
from pipeline.language.normalize import normalize
from pipeline.relations.context import Arg, SentenceContext
from pipeline.relations.patterns import chains

# A comma joins a list's names but also sets a name in apposition: a list of two needs a word.
COMMA_JOINERS = frozenset({",", "،"})
MIN_COMMA_LIST = 3


def coordinator_between(ctx: SentenceContext, start: int, end: int) -> bool:
    """A coordinating word in ``text[start:end]``, not a comma: "and", "et", "و" alone or as
    the clitic of the next word ("ولمراقبة", "وللشرطة")."""
    if any(ctx.text[c0:c1] not in COMMA_JOINERS for c0, c1 in ctx.cues("conjunction", start, end)):
        return True
    # The clitic is glued to the name after it: the gap's last word touches ``end``.
    words = normalize(ctx.text[start:end]).split()
    glued = end > start and not ctx.text[end - 1].isspace()
    return ctx.lang == "ar" and glued and bool(words) and words[-1].startswith(WA)


def _has_coordinator(ctx: SentenceContext, chain: list[Arg]) -> bool:
    return any(coordinator_between(ctx, a.end, b.start) for a, b in zip(chain, chain[1:]))


def coordinated_lists(ctx: SentenceContext) -> list[list[Arg]]:
    """The lists of parties of the sentence (no demonym, no qualifier, no news outlet), each
    with a coordinating word or at least :data:`MIN_COMMA_LIST` names."""
    return [chain for chain in chains(ctx, ctx.parties())
            if len({a.key for a in chain}) > 1 and (_has_coordinator(ctx, chain) or len(chain) >= MIN_COMMA_LIST)]


def members_with(lists: list[list[Arg]], arg: Arg) -> list[Arg]:
    """The list that holds ``arg`` (the same argument, by position), or ``[arg]``."""
    for chain in lists:
        if any(a.id == arg.id and a.start == arg.start for a in chain):
            return chain
    return [arg]
