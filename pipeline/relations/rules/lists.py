"""Lists of parties: what a sentence states of one member of a list it states of each.

Rule: ``list_members`` (document scope, after every sentence rule): a relation found in a
sentence whose head or tail belongs to a coordinated list there
(:func:`pipeline.relations.coordination.coordinated_lists`) holds for every member of that
list, in the same direction: "Police from Belgium, the Netherlands and France worked with
Europol" (each country ``cooperatesWith`` Europol), "Italy will train the coast guards of
Libya and Tunisia", "وتضم المنظمة المغرب وتونس والسنغال". Members must fit the
relation's signature; a relation between two members of one list is the list's own business
(the cooperation rules read it) and is not spread.

Rule: ``event_group_lists`` (sentence scope, with the event rules' memory): a sentence that
names no event of its own after sentences about one, and lists the parties that people came
from ("Troops from A, B and C carried out landings", "des militaires venus du A, du B et du
C", "ووصلت وحدات من A وB وC"), lists the parties of the event the text was last about:
each ``involvedIn`` it; not the make-up of a body ("the force, which includes units from
A, B and C"), nor those who leave ("forces from A and B have left the region").

Usage::

    relations = list_members(dctx)
    candidates = event_group_lists(ctx, previous)
"""
from __future__ import annotations

from itertools import product

from pipeline.model import RELATION_SIGNATURES, Relation
from pipeline.relations.context import Arg, SentenceContext
from pipeline.relations.coordination import coordinated_lists, members_with
from pipeline.relations.patterns import Candidate, candidate, covering
from pipeline.relations.registry import DocumentContext, relation_rule
from pipeline.relations.rules.events import EVENT_CHAIN_MEMORY, event_cues, latest_event_of, recent_events_of

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


GROUP_LIST_WORDS = 1  # the group's cue to the list's first party ("troops from the X", an article)
GROUP_LIST_CONFIDENCE = 0.55
# States and international bodies send delegations and contingents; officers "from" a
# national body are more often its trainees or staff ("trained 3,000 officers, among them
# members of the National Guard and of the DGSN": blind_set5 lost .364 -> .357 in Arabic).
GROUP_LIST_TYPES = frozenset({"Country", "InternationalOrganization"})
COMPOSITION_CHARS = 40  # how far before the group's cue a verb of composition rules the list out


@relation_rule(name="event_group_lists", produces=("involvedIn",), rule_ids=("rule:event-group-list",),
               memory=EVENT_CHAIN_MEMORY)
def event_group_lists(ctx: SentenceContext, previous: list[SentenceContext] | None = None) -> list[Candidate]:
    """A sentence that names no event of its own, right after sentences about an event, and
    lists the parties that people came from (``party_group_intro``: "Troops from Ghana, Togo
    and Benin joined", "des officiers venus du Bénin, du Gabon et du Togo", "وفود من X وY
    وZ") lists that event's parties: each takes part in the event the text was last about."""
    if any(a.type == "Event" for a in ctx.args) or not recent_events_of(previous or []):
        return []
    intros = event_cues().find("party_group_intro", ctx.lang, ctx.text[ctx.start:ctx.end], offset=ctx.start)
    # "forces from A and B have left the region": who leaves takes no part
    if not intros or ctx.cues("withdrawal"):
        return []
    ev = latest_event_of(previous or [])
    out: list[Candidate] = []
    for chain in coordinated_lists(ctx):
        first = chain[0]
        opening = [(i0, i1) for i0, i1 in intros if i1 <= first.start and ctx.words(ctx.text[i1:first.start]) <= GROUP_LIST_WORDS]
        if not opening:
            continue
        # "the force, which includes units from X, Y and Z": the make-up of a body
        i0 = opening[-1][0]
        if event_cues().find("body_composition", ctx.lang, ctx.text[max(ctx.start, i0 - COMPOSITION_CHARS):i0]):
            continue
        for a in chain:
            if a.type not in GROUP_LIST_TYPES:
                continue
            cand = candidate(a, "involvedIn", ev, "rule:event-group-list", GROUP_LIST_CONFIDENCE)
            cand.start, cand.end = covering(*chain)
            out.append(cand)
    return out
