"""Entity recognition stage: typed :class:`~pipeline.model.Mention` records from a parsed doc.

Sources, in order of trust: lexicon names (``doc.spans["lexicon"]``), pattern names
(``doc.spans["patterns"]``) and, for French and English, the spaCy model's entities,
re-typed to our ontology (a model entity that a lexicon name covers takes the lexicon
type; PER -> Person; ORG/MISC -> Organization; LOC/GPE -> Location).
Overlaps keep the more trusted, then the longer span.

Usage::

    doc = get_nlp("fr")(document.text)
    mentions = recognize_entities(doc, document)
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from pipeline.model import Document, Mention

MODEL_TYPES = {
    "PER": "Person", "PERSON": "Person",
    "ORG": "Organization", "NORP": None, "MISC": None,
    "LOC": "Location", "GPE": "Location", "FAC": "Location",
    "EVENT": "Event",
}
TRUST = {"lexicon": 0.95, "pattern": 0.8, "model": 0.6}


def _candidates(doc: Doc) -> list[tuple[Span, str, str, float]]:
    """``(span, type, source, confidence)`` from every recognizer, best first."""
    found: list[tuple[Span, str, str, float]] = []
    for span in doc.spans.get("lexicon", []):
        found.append((span, span.label_, "lexicon", TRUST["lexicon"]))
    for span in doc.spans.get("patterns", []):
        found.append((span, span.label_, "pattern", TRUST["pattern"]))
    for span in doc.ents:
        typ = MODEL_TYPES.get(span.label_)
        if typ:
            found.append((span, typ, "model", TRUST["model"]))
    return found


def recognize_entities(doc: Doc, document: Document) -> list[Mention]:
    """Non-overlapping typed mentions of ``document`` found in ``doc``."""
    taken: list[Mention] = []
    occupied: set[int] = set()
    ranked = sorted(_candidates(doc), key=lambda c: (-c[3], -(c[0].end_char - c[0].start_char), c[0].start_char))
    for span, typ, source, conf in ranked:
        text = span.text.strip()
        if not text:
            continue
        chars = set(range(span.start_char, span.end_char))
        if chars & occupied:
            continue
        occupied |= chars
        start = span.start_char + (len(span.text) - len(span.text.lstrip()))
        end = start + len(text)
        taken.append(
            Mention(
                id=f"{document.id}#{start}-{end}",
                document=document.id,
                start=start,
                end=end,
                text=text,
                type=typ,
                lang=document.lang or "und",
                key=span.kb_id_ or None,
                source=f"{source}:{span.label_}" if source == "model" else source,
                confidence=conf,
            )
        )
    return sorted(taken, key=lambda m: m.start)
