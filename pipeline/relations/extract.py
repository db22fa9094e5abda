"""Relation extraction stage: :class:`~pipeline.model.Relation` records between mentions.

Runs the relation rules of :mod:`pipeline.relations.rules` in their declared order
(:data:`~pipeline.relations.rules.ORDER`): per sentence, the sentence rules propose
:class:`~pipeline.relations.patterns.Candidate` records over its
:class:`~pipeline.relations.context.SentenceContext` (built by
:mod:`pipeline.relations.arguments`; a rule with memory also sees the sentences just
before); :mod:`pipeline.relations.modality` marks negated and hedged ones and lowers their
confidence; cooperation domains come from the sentence and its neighbours
(:mod:`pipeline.relations.domains`). Then the document rules add what the document as a
whole states (an agency's country from its name or the lexicon, an event's place from its
name) or what follows from the relations found (an event in a place is in the wider place;
its host country takes part in it). ``doc2kg rules`` lists every rule.

Every relation carries its evidence (the sentence, with character offsets into the
document text), the rule that found it (``Relation.extractor``) and a confidence. The
same fact found twice in a document is one relation with all its evidences.

Threshold: relations under :data:`MIN_CONFIDENCE` (a negated statement always is) are
left out of what :func:`extract_relations` returns, hence out of every export; pass
``min_confidence=0`` to get them all, flagged ``negated`` / ``hedged``.

Robustness: each rule runs guarded, so one failing rule loses its own candidates, not the
document: the failure is logged and appended to ``errors`` (when the caller passes a list)
as ``"rule: ExceptionType: message"``. ``strict=True`` (or the environment variable
``DOC2KG_STRICT_RELATIONS=1``) raises instead, and also when a rule emits a relation type
or rule id it does not declare: the tests run strict.

Usage::

    errors: list[str] = []
    relations = extract_relations(doc, document, mentions, errors=errors)
    relations[0].extractor, relations[0].confidence, relations[0].evidence[0].text
"""
from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from typing import TypeVar

from spacy.tokens import Doc

from pipeline.model import DOMAINS, OUTLET, ROLE_RELATIONS, STATUS_RANK, SYMMETRIC_RELATIONS, Document, Evidence, Mention, Relation
from pipeline.relations.arguments import sentence_contexts
from pipeline.relations.attribution import PREVIOUS, attribution
from pipeline.relations.context import Arg, SentenceContext, mention_key
from pipeline.relations.domains import find_domains
from pipeline.relations.modality import Modality, assess
from pipeline.relations.patterns import Candidate
from pipeline.relations.registry import DocumentContext, RelationRule
from pipeline.relations.role_time import role_time
from pipeline.relations.rules import RULES

MIN_CONFIDENCE = 0.5
STRICT_ENV = "DOC2KG_STRICT_RELATIONS"
log = logging.getLogger(__name__)
T = TypeVar("T")
# What a name or an apposition says (la police *marocaine*, Rabat, Maroc) is not what the
# clause around it negates or hedges.
NAME_INTERNAL = {"agencyOf", "locatedIn"}
# The statuses of a role read in another sentence than the one that states it: an end.
ENDED = frozenset({"former", "late"})


class UndeclaredOutput(RuntimeError):
    """A rule emitted a relation type or a rule id its registration does not declare."""


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
        log.warning("relations of %s: rule failed: %s", doc_id, message, exc_info=True)
        if errors is not None:
            errors.append(message)
        return []


def _check_declared(rule: RelationRule, found: Sequence[Candidate | Relation], strict: bool) -> None:
    """Each of ``found`` has a type and a rule id that ``rule`` declares (raise when strict)."""
    for x in found:
        rule_id = x.rule if isinstance(x, Candidate) else x.extractor
        if x.type not in rule.produces or rule_id not in rule.rule_ids:
            message = f"rule {rule.name} emitted {x.type} / {rule_id}, declared {rule.produces} / {rule.rule_ids}"
            if strict:
                raise UndeclaredOutput(message)
            log.warning(message)


def _run_rule(rule: RelationRule, arg: object, previous: list[SentenceContext] | None) -> list:
    """A sentence rule with memory takes the sentences before; others their context alone."""
    return rule.func(arg, previous) if previous is not None else rule.func(arg)


def extract_relations(doc: Doc, document: Document, mentions: list[Mention], *,
                      min_confidence: float = MIN_CONFIDENCE, errors: list[str] | None = None,
                      strict: bool | None = None, rules: Sequence[RelationRule] | None = None) -> list[Relation]:
    """The relations between ``mentions`` that ``rules`` (by default every registered rule,
    :data:`pipeline.relations.rules.RULES`, in order) find in ``document``."""
    if strict is None:
        strict = os.environ.get(STRICT_ENV, "") not in {"", "0"}
    rules = RULES if rules is None else tuple(rules)

    def run(rule: RelationRule, arg: object, previous: list[SentenceContext] | None = None) -> list:
        out = _guarded(rule.name, lambda: _run_rule(rule, arg, previous), errors, strict, document.id)
        _check_declared(rule, out, strict)
        return out

    contexts = sentence_contexts(doc, document, mentions)
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

    sentence_rules = [r for r in rules if r.scope == "sentence"]
    for i, ctx in enumerate(contexts):
        candidates: list[Candidate] = []
        for rule in sentence_rules:
            previous = contexts[max(0, i - rule.memory):i] if rule.memory else None
            candidates.extend(run(rule, ctx, previous))
        domains: list[str] | None = None  # the sentence's, found for its first cooperatesWith
        for c in candidates:
            modality = Modality() if c.type in NAME_INTERNAL else assess(document.text, c.start, c.end, ctx.lang)
            tail = c.tail.id if isinstance(c.tail, Arg) else c.tail
            if tail == c.head.id:
                continue
            if c.type == "cooperatesWith" and domains is None:
                domains = _domains(contexts, i)
            args = [a for a in (c.head, c.tail) if isinstance(a, Arg)]
            lo, hi = ctx.statement_span(min(c.start, *(a.start for a in args)), max(c.end, *(a.end for a in args)))
            evidence = Evidence(document.id, lo, hi, document.text[lo:hi])
            add(Relation(head=c.head.id, type=c.type, tail=tail,
                         domains=list(domains) if c.type == "cooperatesWith" else [],
                         confidence=round(c.confidence * modality.factor, 3), extractor=c.rule,
                         evidence=[evidence], negated=modality.negated, hedged=modality.hedged))
    for rule in rules:
        if rule.scope == "document":
            for rel in run(rule, DocumentContext(doc, document, mentions, contexts, list(found.values()))):
                add(rel)
    by_id = {m.id: m for m in mentions}
    relations = _consistent(list(found.values()), keys)
    relations = [r for r in relations if r.confidence >= min_confidence and by_id.get(r.head) is not None]
    time_and_source(document, mentions, relations, keys, [(c.start, c.end) for c in contexts])
    return relations


def time_and_source(document: Document, mentions: list[Mention], relations: list[Relation],
                    keys: dict[str, str], sentences: list[tuple[int, int]] = ()) -> None:
    """Set who states each relation (:mod:`pipeline.relations.attribution`) and, for a role,
    its status and dates (:mod:`pipeline.relations.role_time`), from the sentence it is read in
    (``sentences``: the spans of the document's sentences, for "according to the same source")."""
    by_id = {m.id: m for m in mentions}
    lang = document.lang or "en"

    def previous_source(start: int) -> str:
        for s, e in reversed([x for x in sentences if x[1] <= start]):
            source = attribution(document.text, s, e, lang, mentions)
            if source != PREVIOUS:
                return source
        return OUTLET

    for r in relations:
        head, tail = by_id.get(r.head), by_id.get(r.tail)
        spans = [ev for ev in r.evidence if ev.document == document.id]
        if not spans:
            continue
        # The sentence that holds the head, when one does (a rule with memory reads further).
        ev = next((e for e in spans if head is not None and e.start <= head.start < e.end), spans[0])
        role = r.type in ROLE_RELATIONS and head is not None and tail is not None
        if role:
            others = [m for m in mentions if m.type == "Person" and ev.start <= m.start < ev.end
                      and keys.get(m.id) != keys.get(head.id) and not (m.start < head.end and head.start < m.end)]
            r.status, r.start, r.end = role_time(document.text, head, tail, ev.start, ev.end, lang,
                                                 others=others, published=document.published)
            _later_status(document, r, head, tail, ev, mentions, keys, sentences)
        if r.type in NAME_INTERNAL or role and r.status == "current" and head.type == "Person":
            # A current title is the outlet's word ("Le directeur de la DGSN, X, a limogé Y, selon
            # un communiqué"); a change of role is what the source reports.
            r.attributed_to = OUTLET
            continue
        # Each sentence that states it, the one of the head first: a source one of them names.
        r.attributed_to = OUTLET
        for e in [ev] + [x for x in spans if x is not ev]:
            source = attribution(document.text, e.start, e.end, lang, mentions, said=not role,
                                 statement_end=max(head.end, tail.end) if role and e is ev else None)
            if source == PREVIOUS:
                source = previous_source(e.start)
            if source != OUTLET:
                r.attributed_to = source
                break


def _later_status(document: Document, r: Relation, head: Mention, tail: Mention, ev: Evidence,
                  mentions: list[Mention], keys: dict[str, str], sentences: list[tuple[int, int]]) -> None:
    """What the document's other sentences that name both the person and the body say of
    the role ("Mali's government said it was withdrawing from the G5 Sahel"): the status
    that knows more of its end wins (:data:`pipeline.model.STATUS_RANK`), and only an end
    (``former``, ``late``) is taken from them."""
    lang = document.lang or "en"
    hk, tk = keys.get(head.id, head.id), keys.get(tail.id, tail.id)
    for s, e in sentences:
        if s <= ev.start < e:
            continue
        inside = [m for m in mentions if s <= m.start < e]
        # The person again, or by the surname ("James Comey" ... "Comey").
        heads = [m for m in inside if keys.get(m.id, m.id) == hk
                 or m.type == "Person" == head.type and head.text.endswith(" " + m.text)]
        tails = [m for m in inside if keys.get(m.id, m.id) == tk]
        if not heads or not tails:
            continue
        h = heads[0]
        t = min(tails, key=lambda m: abs(m.start - h.start))
        others = [m for m in inside if m.type == "Person" and m not in heads]
        status, start, end = role_time(document.text, h, t, s, e, lang, others=others, published=document.published)
        if status in ENDED and STATUS_RANK[status] > STATUS_RANK.get(r.status, 0):
            r.status = status  # only an end: "new", "acting" elsewhere may be about something else
        r.start, r.end = r.start or start, r.end or end


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
