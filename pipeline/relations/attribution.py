"""Who states a relation: the party the text names as its source, else the outlet.

Reads the cue families ``attribution_according`` ("according to", "selon", "نقلا عن", "حسب")
and ``attribution_said`` ("said", "a déclaré", "أفاد", "أكد", "communiqué") of
``ontology/patterns/time_cues.yaml``. In the relation's sentence, the source is the person,
agency or organization named right after an ``according to`` cue; else the one named just
before a ``said`` verb (its subject: "the ministry said", "le ministre a déclaré") or just
after it (Arabic verb first: "أفاد المكتب المركزي للأبحاث القضائية"). Nothing of the kind:
:data:`pipeline.model.OUTLET`, the document's outlet.

Usage::

    source = attribution(text, sent_start, sent_end, "en", mentions)   # a mention id, "outlet" or "previous"
"""
from __future__ import annotations

from pipeline.model import OUTLET, Mention
from pipeline.relations.cues import load_cues

# What :func:`attribution` answers for "according to the same source", "selon lui": the
# source of the sentence before, which the caller knows.
PREVIOUS = "previous"
SOURCE_TYPES = frozenset({"Person", "GovernmentAgency", "Organization", "InternationalOrganization"})
# Characters between a cue and the source's name.
AFTER_ACCORDING = 12
BEFORE_SAID = 40
AFTER_SAID = 6
# Arabic puts the verb first and a title may stand between it and the name (قال وزير الخارجية ناصر بوريطة).
AFTER_SAID_AR = 30


def attribution(text: str, sent_start: int, sent_end: int, lang: str, mentions: list[Mention], *,
                said: bool = True) -> str:
    """The id of the mention that states the sentence ``text[sent_start:sent_end]``, or
    :data:`OUTLET` when it names no source; ``said=False``: only an ``according to`` cue
    names one (a role in an apposition is the outlet's word, not the speaker's)."""
    sources = sorted((m for m in mentions if m.type in SOURCE_TYPES and sent_start <= m.start < sent_end),
                     key=lambda m: m.start)
    cues = load_cues()
    sentence = text[sent_start:sent_end]
    for _, end in cues.find("attribution_according", lang, sentence, sent_start):
        after = [m for m in sources if end <= m.start <= end + AFTER_ACCORDING]
        if after:
            return after[0].id
        same = cues.find("attribution_same_source", lang, text[end:min(sent_end, end + AFTER_ACCORDING)], end)
        if same and same[0][0] - end <= 2:
            return PREVIOUS
    def clause_between(a: int, b: int) -> bool:  # "that" or a stop between: another clause
        return any(c in text[a:b] for c in ".;؛") or bool(cues.find("attribution_that", lang, text[a:b]))

    for start, end in cues.find("attribution_said", lang, sentence, sent_start) if said else ():
        before = [m for m in sources if start - BEFORE_SAID <= m.end <= start and not clause_between(m.end, start)]
        reach = AFTER_SAID_AR if lang == "ar" else AFTER_SAID
        after = [m for m in sources if end <= m.start <= end + reach and not clause_between(end, m.start)]
        if lang == "ar" and after:  # Arabic puts the verb first: أفاد المكتب
            return after[0].id
        if before:
            return before[-1].id
        if after:
            return after[0].id
    return OUTLET
