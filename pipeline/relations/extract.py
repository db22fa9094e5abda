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
import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from spacy.tokens import Doc

from pipeline.model import (DOMAINS, OUTLET, PARTIES, ROLE_RELATIONS, STATUS_RANK, SYMMETRIC_RELATIONS, Document, Evidence,
                            Mention, Relation)
from pipeline.language.normalize import normalize
from pipeline.relations.arguments import sentence_contexts
from pipeline.relations.attribution import PREVIOUS, attribution
from pipeline.relations.context import Arg, SentenceContext, mention_key
from pipeline.relations.cues import read_document
from pipeline.relations.domains import find_domains
from pipeline.relations.modality import Modality, assess
from pipeline.relations.patterns import Candidate
from pipeline.relations.registry import DocumentContext, RelationRule
from pipeline.relations.role_time import role_time, tenure_start
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
# A word of a body's name this long or longer tells which of a person's roles a tenure
# said without the body is ("the intelligence service": the National Intelligence Service).
TENURE_BODY_WORD = 5
# A surname this long or longer is looked for as a word where no mention names the person.
SURNAME_CHARS = 4


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
        return _failure(name, exc, errors, doc_id)


def _failure(name: str, exc: Exception, errors: list[str] | None, doc_id: str) -> list:
    """``[]`` for a rule that raised ``exc``, the failure logged and recorded in ``errors``."""
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


def extract_relations(doc: Doc, document: Document, mentions: list[Mention], *,
                      min_confidence: float = MIN_CONFIDENCE, errors: list[str] | None = None,
                      strict: bool | None = None, rules: Sequence[RelationRule] | None = None) -> list[Relation]:
    """The relations between ``mentions`` that ``rules`` (by default every registered rule,
    :data:`pipeline.relations.rules.RULES`, in order) find in ``document``."""
    if strict is None:
        strict = os.environ.get(STRICT_ENV, "") not in {"", "0"}
    rules = RULES if rules is None else tuple(rules)

    def run(rule: RelationRule, dctx: DocumentContext) -> list:  # a document rule (sentence rules: below, inlined)
        out = _guarded(rule.name, lambda: rule.func(dctx), errors, strict, document.id)
        _check_declared(rule, out, strict)
        return out

    read_document(document.text)
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
        # run() inlined: ~30 rules a sentence, most finding nothing, and its three calls a rule
        # were a tenth of the relation stage
        for rule in sentence_rules:
            try:
                out = rule.func(ctx, contexts[max(0, i - rule.memory):i]) if rule.memory else rule.func(ctx)
            except Exception as exc:
                if strict:
                    raise
                out = _failure(rule.name, exc, errors, document.id)
            if out:
                _check_declared(rule, out, strict)
                candidates.extend(out)
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
            if r.start is None and head.type == "Person":
                _tenure_start(document, r, head, ev, mentions, keys, sentences, relations, by_id)
        if r.type in NAME_INTERNAL or role and r.status == "current" and head.type == "Person":
            # A current title is the outlet's word ("Le directeur de la DGSN, X, a limogé Y, selon
            # un communiqué"); a change of role is what the source reports.
            r.attributed_to = OUTLET
            continue
        # Each sentence that states it, the one of the head first: a source one of them names.
        r.attributed_to = OUTLET
        for e in [ev] + [x for x in spans if x is not ev]:
            source = attribution(document.text, e.start, e.end, lang, mentions, said=not role,
                                 statement_start=min(head.start, tail.start) if role and e is ev else None,
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
        tails = [m for m in inside if keys.get(m.id, m.id) == tk]
        h = _person_again(document, head, inside, keys, s, e) if tails else None
        if h is None:
            continue
        heads = [m for m in inside if _same_person(m, head, keys)] or [h]
        t = min(tails, key=lambda m: abs(m.start - h.start))
        others = [m for m in inside if m.type == "Person" and m not in heads]
        status, start, end = role_time(document.text, h, t, s, e, lang, others=others, published=document.published)
        if status in ENDED and STATUS_RANK[status] > STATUS_RANK.get(r.status, 0):
            r.status = status  # only an end: "new", "acting" elsewhere may be about something else
        r.start, r.end = r.start or start, r.end or end


def _tenure_start(document: Document, r: Relation, head: Mention, ev: Evidence, mentions: list[Mention],
                  keys: dict[str, str], sentences: list[tuple[int, int]], relations: list[Relation],
                  by_id: dict[str, Mention]) -> None:
    """A role's start said in another sentence that names the person but not the body
    (:func:`pipeline.relations.role_time.tenure_start`: "Kadhimi, who has run the
    intelligence service since June 2016", "Sudani, who took office on October 27"): the
    role of the person's only one in the document, or, of several, the one whose body's
    words the clause shares most ("the intelligence service": the National Intelligence
    Service)."""
    lang = document.lang or "en"
    roles = [x for x in relations if x.type in ROLE_RELATIONS and x.head in by_id and x.tail in by_id
             and _same_person(by_id[x.head], head, keys)]
    bodies = {keys.get(x.tail, x.tail) for x in roles}
    for s, e in sentences:
        if s <= ev.start < e:
            continue
        inside = [m for m in mentions if s <= m.start < e]
        if any(keys.get(m.id, m.id) in bodies for m in inside):
            continue  # the body named: the sentence is read with it (_later_status)
        h = _person_again(document, head, inside, keys, s, e)
        if h is None:
            continue
        stops = [m.start for m in inside if m.start >= h.end and (m.type == "Person" or m.type in PARTIES)
                 and not _same_person(m, head, keys)]
        start, lo, hi = tenure_start(document.text, h, s, e, lang, stops=stops, published=document.published)
        if start is None:
            continue
        if len(bodies) > 1:
            words = set(_words(document.text[lo:hi]))
            shared = {k: len(words & set(_words(" ".join(by_id[x.tail].text for x in roles
                                                             if keys.get(x.tail, x.tail) == k)))) for k in bodies}
            best = max(shared.values())
            if not best or list(shared.values()).count(best) > 1 or shared[keys.get(r.tail, r.tail)] != best:
                continue
        r.start = start
        return


def _same_person(m: Mention, person: Mention, keys: dict[str, str]) -> bool:
    """``m`` names ``person`` again: the same key, or one name the end or the start of the
    other ("James Comey" ... "Comey"; a mention that took a word too many, "X ويعين")."""
    if keys.get(m.id, m.id) == keys.get(person.id, person.id):
        return True
    if not m.type == "Person" == person.type:
        return False
    a, b = sorted((m.text, person.text), key=len)
    return b.endswith((" " + a, "-" + a)) or len(a.split()) >= 2 and b.startswith(a + " ")


def _person_again(document: Document, person: Mention, inside: list[Mention], keys: dict[str, str],
                  s: int, e: int) -> Mention | None:
    """The person named again in ``[s, e)``: a mention of them, else the surname of a name
    of two words or more as a word of the text ("وكان هامل يقود", "ويشغل حموشي منصب"),
    which the recognizer may leave unmentioned."""
    found = next((m for m in inside if _same_person(m, person, keys)), None)
    if found is not None or person.type != "Person" or len(person.text.split()) < 2:
        return found
    surname = person.text.split()[-1]
    if len(surname) < SURNAME_CHARS:
        return None
    m = re.compile(rf"(?<!\w){re.escape(surname)}(?!\w)").search(document.text, s, e)
    if m is None:
        return None
    return Mention(id=f"{person.id}~{m.start()}", document=document.id, start=m.start(), end=m.end(),
                   text=surname, type="Person", lang=person.lang)


def _words(text: str) -> list[str]:
    """The content words of ``text``, normalized (long enough to name a body)."""
    return [w for w in re.findall(r"\w+", normalize(text)) if len(w) >= TENURE_BODY_WORD]


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
