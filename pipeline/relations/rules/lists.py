"""Lists of parties: what a sentence states of one member of a list it states of each.

Rule: ``list_members`` (document scope, after every sentence rule): a relation found in a
sentence whose head or tail belongs to a coordinated list there
(:func:`pipeline.relations.coordination.coordinated_lists`) holds for every member of that
list, in the same direction: "Police from Belgium, the Netherlands and France worked with
Europol" (each country ``cooperatesWith`` Europol), "Italy will train the coast guards of
Libya and Tunisia", "وتضم المنظمة المغرب وتونس والسنغال". Members must fit the
relation's signature; a relation between two members of one list is the list's own business
(the cooperation rules read it) and is not spread.

Usage::

    relations = list_members(dctx)
"""
from __future__ import annotations

from itertools import product

from pipeline.model import RELATION_SIGNATURES, Relation
from pipeline.relations.context import Arg, SentenceContext
from pipeline.relations.coordination import coordinated_lists, members_with
from pipeline.relations.registry import DocumentContext, relation_rule

# The relation types a list spreads (roles go through the title rules, places do not list;
# an event's parties are the event frames' business, which may read the same lists).
SPREAD = ("cooperatesWith", "providesIntelligenceTo", "providesTrainingTo", "memberOf")
# Rules that give each member of their lists the relation themselves, and read a list they
# do not spread to on purpose ("A, B and C, with the help of Y": who Y helps is not said).
NOT_SPREAD = frozenset({"rule:coop-support", "rule:coop-founders", "rule:coop-joint-agents",
                        "rule:coop-trilateral", "rule:coop-partners-of"})
MEMBER_DEMOTION = 0.05  # a member named further from the statement than the one the rule read


def _arg_in(ctx: SentenceContext, mention_id: str, start: int, end: int) -> Arg | None:
    return next((a for a in ctx.args if a.id == mention_id and start <= a.start and a.end <= end and not a.demonym), None)


def _own_state(ctx: SentenceContext, a: Arg, b: Arg) -> bool:
    """One is the state whose adjective or name qualifies the other's name ("Turkish Armed
    Forces" and Turkey): a body and its own state take no relation from a list."""
    return any((x.demonym or x.type == "Country") and (x.qualifier_of == a.id and x.key == b.key or x.qualifier_of == b.id and x.key == a.key)
               for x in ctx.args)


@relation_rule(name="list_members", produces=SPREAD, rule_ids=("rule:list-member",), scope="document")
def list_members(dctx: DocumentContext) -> list[Relation]:
    """Each member of a list takes the relation one member of it has in the same sentence."""
    out: list[Relation] = []
    lists_of: dict[int, list[list[Arg]]] = {}
    for rel in dctx.relations:
        if rel.type not in SPREAD or rel.extractor in NOT_SPREAD:
            continue
        signature = RELATION_SIGNATURES[rel.type]
        for ev in rel.evidence:
            ctx = next((c for c in dctx.contexts if c.start <= ev.start < c.end), None)
            if ctx is None:
                continue
            head, tail = _arg_in(ctx, rel.head, ev.start, ev.end), _arg_in(ctx, rel.tail, ev.start, ev.end)
            if head is None or tail is None:
                continue
            found = lists_of.setdefault(ctx.start, coordinated_lists(ctx))
            heads, tails = members_with(found, head), members_with(found, tail)
            if heads is tails:
                continue
            for h, t in product(heads, tails):
                if (h is head and t is tail) or h.key == t.key:
                    continue
                if h.type not in signature.heads or t.type not in signature.tails:
                    continue
                if _own_state(ctx, h, t):
                    continue  # "Turkey and Libya's GNU ...; the Turkish Armed Forces will train ...": not Turkey
                out.append(Relation(head=h.id, type=rel.type, tail=t.id, domains=list(rel.domains),
                                    confidence=round(rel.confidence - MEMBER_DEMOTION, 3), extractor="rule:list-member",
                                    evidence=[ev], negated=rel.negated, hedged=rel.hedged))
            break  # one statement is enough
    return out
