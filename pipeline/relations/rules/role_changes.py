"""Roles said with a verb or a position, as appointments, dismissals and tenures say them:
"X, who has led the DGSI since 2018", "Kadhimi headed the INIS from 2016", "وبومبيو، الذي
ترأس وكالة المخابرات المركزية", "appointed X as head of the DGSI", "أنهى مهام X على رأس
المديرية العامة للأمن الوطني" -> X ``leads`` the body (its status and dates are read by
:mod:`pipeline.relations.role_time`).

Cue families ``role_verb``, ``role_helm`` and ``role_verb_gap`` of
``ontology/patterns/time_cues.yaml``.

Usage::

    candidates = role_changes(ctx)
"""
from __future__ import annotations

from pipeline.language.morphology import CONJUNCTIONS
from pipeline.relations.context import SentenceContext
from pipeline.relations.patterns import BODY_TYPES, Candidate, candidate
from pipeline.relations.registry import relation_rule

ROLE_VERB = 0.7  # "X, who has led the DGSI"
ROLE_HELM = 0.7  # "X ... at the head of the DGSI"
PERSON_TO_CUE_WORDS = 3  # ", who has", "وكان هامل قد"
CUE_TO_BODY_WORDS = 2  # "led the", "à la tête de la"
_STOPS = ".;؛:!?؟()\"«»"


def _commas(text: str) -> int:
    return sum(text.count(c) for c in ",،")


def _set_off_start(text: str, end: int) -> int | None:
    """Where a clause set off by two commas that ends right before ``end`` opens (its first
    comma), or ``None``: "عين X، الذي شغل منصب والي أريانة، على رأس Y"."""
    close = len(text[:end].rstrip()) - 1
    if close < 0 or text[close] not in ",،":
        return None
    opened = max(text.rfind(",", 0, close), text.rfind("،", 0, close))
    if opened < 0 or any(s in text[opened:close] for s in _STOPS):
        return None
    return opened


def _opens_clause(ctx: SentenceContext, c0: int) -> bool:
    """The cue's word starts a coordinated clause after the comma, its subject after it
    ("…، ويقود القوات المشاركة اللواء X": Arabic verb first, "و" its proclitic)."""
    word_start = max(ctx.text.rfind(" ", 0, c0), ctx.text.rfind("\n", 0, c0)) + 1
    return ctx.lang == "ar" and ctx.text[word_start:word_start + 1] == CONJUNCTIONS[0]


def _person_before(ctx: SentenceContext, c0: int):
    """The person right before the cue at ``c0``: the last argument before it, or the last
    before a clause set off by two commas right before the cue, whose own names (a place,
    a former post's body) are not the one the cue speaks of."""
    before = [a for a in ctx.args if a.end <= c0]
    if before and before[-1].type == "Person":
        return before[-1]
    opened = _set_off_start(ctx.text, c0)
    if opened is None or _opens_clause(ctx, c0):
        return None
    before = [a for a in before if a.end <= opened]
    if before and before[-1].type == "Person" and not ctx.text[before[-1].end:opened].strip():
        return before[-1]
    return None


@relation_rule(name="role_changes", produces=("leads",), rule_ids=("rule:leads-verb", "rule:leads-helm"))
def role_changes(ctx: SentenceContext) -> list[Candidate]:
    """The person right before a ``role_verb`` or ``role_helm`` cue (only a relative pronoun,
    an auxiliary or a comma between, or a clause set off by two commas) leads the body right
    after it (only an article or "of" between); never a passive ("led by": that is
    ``headed_by``) or a demonym."""
    out: list[Candidate] = []
    bodies = [a for a in ctx.args if a.type in BODY_TYPES and not a.demonym]
    for family, rule, conf in (("role_verb", "rule:leads-verb", ROLE_VERB), ("role_helm", "rule:leads-helm", ROLE_HELM)):
        for c0, c1 in ctx.cues(family):
            if ctx.cues("agent", c1, c1 + 5):
                continue  # "led by X", "dirigé par X"
            person = _person_before(ctx, c0)
            if person is None:
                continue
            gap = ctx.text[person.end:c0]
            if any(s in gap for s in _STOPS):
                continue
            # A clause set off by two commas may stand between ("عين X، الذي شغل منصب والي، على رأس Y").
            set_off = gap.strip()[:1] in ",،" and gap.strip()[-1:] in ",،" and _commas(gap) == 2
            if not set_off and (ctx.words(gap) > PERSON_TO_CUE_WORDS or not ctx.only(gap, ("role_verb_gap", "rank"))):
                continue
            body = next((b for b in bodies if b.start >= c1), None)
            if body is None or any(a.start >= c1 and a.end <= body.start for a in ctx.args):
                continue
            between = ctx.text[c1:body.start]
            if ctx.words(between) > CUE_TO_BODY_WORDS or not ctx.only(between, ("filler", "article", "of")):
                continue
            out.append(candidate(person, "leads", body, rule, conf, (c0, c1)))
    return out
