"""Event anaphors: which earlier event a demonstrative or definite head refers back to.

One rule for the three languages (هذه الدورة، this exercise, cette session): an anaphor refers
to the last event of its kind (``ontology/patterns/event_kinds.yaml``) that ends before it,
optionally no further back than a given token; and one anaphor text refers to one event in a
document (a second reading would join two events). The components that find anaphors
(``arabic_event_phrases``, ``event_phrases``) put the antecedent's first token on the span's
``event_name.antecedent``; :func:`pipeline.entities.recognize.recognize_entities` turns it into
``MentionAttrs.refers_to`` and resolution joins the anaphor to its antecedent's entity.

Usage::

    links = AnaphorLinks([Antecedent(3, 5, "exercise"), Antecedent(9, 11, "attack")])
    links.resolve(start=20, kind="exercise", text="this exercise")   # 3
"""
from __future__ import annotations

from typing import NamedTuple


class Antecedent(NamedTuple):
    """An event an anaphor may refer to: its tokens ``start:end`` and its kind."""

    start: int
    end: int
    kind: str


class AnaphorLinks:
    """The antecedents of a document's anaphors, and what each anaphor text refers to."""

    def __init__(self, antecedents: list[Antecedent]) -> None:
        self.antecedents = sorted(antecedents)
        self.linked: dict[str, int] = {}

    def resolve(self, start: int, kind: str, text: str, *, earliest: int = 0) -> int | None:
        """The first token of the last event of ``kind`` ending before ``start`` and starting
        at ``earliest`` or later; None when there is none, or when ``text`` already referred
        to another event."""
        before = [a for a in self.antecedents if a.end <= start and a.kind == kind and a.start >= earliest]
        if not before:
            return None
        antecedent = before[-1].start
        if self.linked.setdefault(text, antecedent) != antecedent:
            return None
        return antecedent
