"""Negation and hedging of a stated relation (``ontology/patterns/negation_hedges.yaml``).

A relation is read from a stretch of a sentence: from its first argument (or trigger) to
its last. A negation cue in that stretch, or in the few words before it ("did not sign",
"لم يتم", "ne ... pas", "نفى"), marks it negated; a hedge cue ("reportedly", "aurait",
"يعتقد") marks it hedged. Each lowers the confidence by its factor, so that a negated
statement falls under :data:`pipeline.relations.extract.MIN_CONFIDENCE` and leaves the
default export, while a hedged one stays in it, marked.

Usage::

    assess("The two countries did not sign the agreement", 0, 45, "en")
    # -> Modality(negated=True, hedged=False, factor=0.4)
"""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.relations.cues import load_cues

NEGATED_FACTOR = 0.4
HEDGED_FACTOR = 0.8
# How far before the stated stretch a cue still scopes over it, in characters.
LEFT_SCOPE = 30


@dataclass(frozen=True)
class Modality:
    negated: bool = False
    hedged: bool = False

    @property
    def factor(self) -> float:
        return (NEGATED_FACTOR if self.negated else 1.0) * (HEDGED_FACTOR if self.hedged else 1.0)


def assess(text: str, start: int, end: int, lang: str) -> Modality:
    """Modality of the statement at ``text[start:end]`` (offsets into ``text``)."""
    left = max(0, start - LEFT_SCOPE)
    # Start at a word: a word cut in two reads as another ("وأعلن" -> "لن", "une" -> "ne").
    while 0 < left < start and text[left - 1].isalnum() and text[left].isalnum():
        left += 1
    # Do not reach back across a clause or sentence boundary.
    for stop in (".", ";", "؛", "،", "\n"):
        cut = text.rfind(stop, left, start)
        if cut >= 0:
            left = max(left, cut + 1)
    window = text[left:end]
    cues = load_cues()
    hedges = [span for span in cues.find("hedge", lang, window) if not _name_word(window, *span)]
    # "كلا من X وY" (both X and Y), "not only": their negation word negates nothing
    not_negation = cues.find("not_negation", lang, window)
    negations = [span for span in cues.find("negation", lang, window)
                 if not any(s <= span[0] and span[1] <= e for s, e in not_negation)]
    return Modality(negated=bool(negations), hedged=bool(hedges))


def _name_word(window: str, start: int, end: int) -> bool:
    """A capitalized cue inside a sentence is a name, not a cue: the month in "9 May 2023",
    "Theresa May" (Latin scripts only; Arabic has no case)."""
    word = window[start:end]
    if not word[:1].isupper():
        return False
    before = window[:start].rstrip()
    return bool(before) and before[-1] not in ".!?:\"«“'"
