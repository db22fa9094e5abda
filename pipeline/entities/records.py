"""What the pattern components know of each name they mark, as typed span extensions.

Each component puts its spans in ``doc.spans[key]`` and one record on each span:

- ``doc.spans["lexicon"]`` (``lexicon_matcher``): ``span._.lexicon_ids``, every lexicon id
  the name fits (a tuple);
- ``doc.spans["heads"]`` (``head_noun_patterns``): ``span._.head_name``, a :class:`HeadName`;
- ``doc.spans["events"]`` (``event_patterns``): ``span._.event_name``, an :class:`EventName`;
- ``doc.spans["patterns"]`` (``entity_patterns``): ``span._.person_cue``, a :class:`PersonCue`.

Usage::

    for span in doc.spans["events"]:
        span._.event_name.year   # '2016'
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span


@dataclass(frozen=True, slots=True)
class HeadName:
    """A name built on a head noun: the head (normalized words), the country id of a demonym
    or country in it (``"?"`` when the lexicon did not say which), and how it was read."""

    head: str
    country: str | None = None
    quoted: bool = False  # صحيفة «لوموند»: the span is the quoted name alone
    alias: str | None = None  # معبر جابر الحدودي is also written معبر جابر; محكمة الجنايات with its seat: في بروكسل
    retype: bool = False  # the Schaerbeek district: the name is a region, not the city of that name
    # the lexicon body a director's title names by its field (المدير العام للأمن الخارجي: the
    # DGSE), and whether that name is one many states' bodies share (bound by context later)
    key: str | None = None
    generic: bool = False


@dataclass(slots=True)
class EventName:
    """A named event: its name alone (باتاكلان, Barkhane), the head or the rule that found it,
    and the year written with it."""

    name: str
    head: str
    year: str | None = None
    # a described event's description alone when its span runs on to its place ("state
    # visit" of "state visit to Morocco")
    alias: str | None = None
    # an anaphor's (هذه الدورة): the first token of the event it refers back to
    antecedent: int | None = None


@dataclass(frozen=True, slots=True)
class PersonCue:
    """What marked a person's name: ``title``, ``apposition`` or ``given_name``, and the role
    words (``""`` when none)."""

    cue: str
    role: str = ""


for _name in ("lexicon_ids", "head_name", "event_name", "person_cue"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)
