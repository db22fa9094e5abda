"""The relation-rule registry: every rule declared once, with what it produces.

A rule is a function registered with :func:`relation_rule` (modelled on spaCy's
``Language.factory(..., assigns=[...])``): its name, the relation types it produces, its
scope and its memory, and the rule ids (``Relation.extractor``) it can emit. The rules
live in :mod:`pipeline.relations.rules`, one module per family; the family is the
module's name. :func:`pipeline.relations.extract.extract_relations` runs them in the
order of :data:`pipeline.relations.rules.ORDER` (:data:`~pipeline.relations.rules.RULES`); nothing is wired by hand.

- ``scope="sentence"``: ``fn(ctx) -> list[Candidate]`` over one
  :class:`~pipeline.relations.context.SentenceContext`; with ``memory=n`` (sentences
  back), ``fn(ctx, previous)`` where ``previous`` holds the contexts of at most ``n``
  sentences before it, in text order.
- ``scope="document"``: ``fn(dctx) -> list[Relation]`` over a :class:`DocumentContext`,
  after every sentence rule, reading the relations found so far.

Usage::

    @relation_rule(name="places", produces=("locatedIn",), rule_ids=("rule:place-comma",))
    def places(ctx: SentenceContext) -> list[Candidate]: ...

    for rule in RULES:                    # pipeline.relations.rules, in ORDER
        rule.name, rule.family, rule.produces, rule.scope, rule.memory, rule.rule_ids
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from spacy.tokens import Doc

from pipeline.model import RELATION_TYPES, Document, Evidence, Mention, Relation
from pipeline.relations.context import SentenceContext

Scope = Literal["sentence", "document"]
SCOPES = ("sentence", "document")


@dataclass(frozen=True)
class RelationRule:
    """One registered rule (see :func:`relation_rule`)."""

    name: str
    family: str
    func: Callable[..., list[Any]]
    produces: tuple[str, ...]
    scope: Scope
    memory: int
    rule_ids: tuple[str, ...]


@dataclass
class DocumentContext:
    """What a document-scope rule reads: the parse, the mentions, the sentence contexts
    and the relations the rules before it have found (merged, one per fact)."""

    doc: Doc
    document: Document
    mentions: list[Mention]
    contexts: list[SentenceContext]
    relations: list[Relation]

    def evidence_at(self, m: Mention) -> Evidence:
        """The sentence holding mention ``m`` as evidence (``m`` itself outside every sentence)."""
        ctx = next((c for c in self.contexts if c.start <= m.start < c.end), None)
        if ctx is None:
            return Evidence(self.document.id, m.start, m.end, m.text)
        lo, hi = ctx.statement_span(m.start, m.end)
        return Evidence(self.document.id, lo, hi, self.document.text[lo:hi])


class RegistryError(ValueError):
    """A rule declared twice, or declared with an unknown relation type, scope or id."""


_RULES: dict[str, RelationRule] = {}


def relation_rule(*, name: str, produces: tuple[str, ...], rule_ids: tuple[str, ...],
                  scope: Scope = "sentence", memory: int = 0) -> Callable[[Callable[..., list[Any]]], Callable[..., list[Any]]]:
    """Register the decorated function as the relation rule ``name``; it is returned as is."""
    unknown = set(produces) - set(RELATION_TYPES)
    if unknown or not produces:
        raise RegistryError(f"rule {name}: produces {sorted(unknown) or 'nothing'}, not relation types of pipeline.model")
    if scope not in SCOPES:
        raise RegistryError(f"rule {name}: scope {scope!r}, not one of {SCOPES}")
    if memory < 0 or scope == "document" and memory:
        raise RegistryError(f"rule {name}: memory {memory} (sentences back, sentence rules only)")
    if not rule_ids or any(not r.startswith("rule:") for r in rule_ids) or len(set(rule_ids)) != len(rule_ids):
        raise RegistryError(f"rule {name}: rule ids must be distinct 'rule:...' strings, got {rule_ids}")

    def register(func: Callable[..., list[Any]]) -> Callable[..., list[Any]]:
        if name in _RULES and _RULES[name].func is not func:
            raise RegistryError(f"rule {name} declared twice: {_RULES[name].func.__module__} and {func.__module__}")
        family = func.__module__.rsplit(".", 1)[-1]
        _RULES[name] = RelationRule(name, family, func, tuple(produces), scope, memory, tuple(rule_ids))
        return func

    return register


def ordered(order: tuple[str, ...]) -> tuple[RelationRule, ...]:
    """The registered rules in ``order``, which must name each of them once, sentence
    rules first (:data:`pipeline.relations.rules.ORDER`)."""
    missing = set(_RULES) - set(order)
    unknown = [n for n in order if n not in _RULES]
    if missing or unknown or len(set(order)) != len(order):
        raise RegistryError(f"the rule order must name each registered rule once: missing {sorted(missing)}, unknown {unknown}")
    rules = tuple(_RULES[n] for n in order)
    if [r.scope for r in rules] != sorted((r.scope for r in rules), key=SCOPES.index):
        raise RegistryError("the rule order puts a document rule before a sentence rule")
    return rules


def catalogue(rules: tuple[RelationRule, ...]) -> dict[str, RelationRule]:
    """Rule id (``Relation.extractor``) -> the rule of ``rules`` that emits it."""
    out: dict[str, RelationRule] = {}
    for rule in rules:
        for rule_id in rule.rule_ids:
            if rule_id in out:
                raise RegistryError(f"{rule_id} declared by {out[rule_id].name} and {rule.name}")
            out[rule_id] = rule
    return out
