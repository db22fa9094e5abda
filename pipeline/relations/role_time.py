"""What the text says of a role's time: the status and the since / until dates of a
``leads`` or ``memberOf`` relation.

Reads the cue families ``role_former``, ``role_acting``, ``role_appointed``, ``role_late``,
``role_since`` and ``role_until`` of ``ontology/patterns/time_cues.yaml``. The status cue is
looked for around the two mentions: from a few words before the first to a few words after
the last ("the former head of the DGSN, X", "l'ancien directeur de la DGSN X", "المدير العام
السابق للأمن الوطني X", "the late X, who led ..."), never across another person's name or a
sentence end. A since / until date is the date right after such a cue in the clause ("since
2015", "depuis mars 2019", "منذ 2016", "from 2010 to 2015"). No cue: ``current``. A role
whose end date is before the publication date is ``former``, and so is one whose duties a
verb of ending ends some words before ("أنهى الرئيس، أمس، مهام X": ``role_end_verb``,
``role_end_duties``), or whose holder is the object of a verb that ends it before it
(``role_ended_object``; a coup's ``role_ousted_object``: "the coup that toppled President X",
"الذي أطاح بالرئيس X"), and one said with a past verb between person and body ("X headed
the INIS": ``role_past_verb``).

Usage::

    status, start, end = role_time(text, person, body, sentence_start, sentence_end, "en",
                                   others=[...], published="2024-05-01")
"""
from __future__ import annotations

import re

from pipeline.language.dates import document_dates, find_dates
from pipeline.model import HELD_NOW, Mention
from pipeline.relations.cues import load_cues

# Characters before the first mention and after the last that a status cue may stand in.
LEFT_WINDOW = 30
RIGHT_WINDOW = 20
# An ended role said in two parts ("أنهى الرئيس، أمس، مهام X"): characters before the role
# that the duties may stand in, and before those that the verb of ending may stand in.
DUTIES_WINDOW = 60
END_VERB_WINDOW = 80
# Characters after a past-tense verb of heading that "by" must stand in to make it a passive.
AGENT_AFTER_VERB = 5
# ... and characters before it that "has" must stand in to make it a present perfect.
PERFECT_AUX_BEFORE = 6
# Characters after a since / until cue that its date must start in.
DATE_AFTER_CUE = 4
# ... or after the event that starts or ends the tenure ("until his dismissal in 2021").
DATE_AFTER_TENURE_EVENT = 40
# A role's start in another sentence (:func:`tenure_start`): characters after the person
# that the tenure or start cue must begin in, before it (Arabic: "تعيين X") that a start
# cue may stand in, and after a start cue that its date must begin in.
TENURE_AFTER_PERSON = 60
START_BEFORE_PERSON = 12
DATE_AFTER_START = 30
# A coup's verb before its object's role, with no subject between in any language.
OUSTED_OBJECT = "role_ousted_object"
# The order a status cue wins in when several stand in the window.
STATUS_ORDER = (("role_late", "late"), ("role_former", "former"), ("role_acting", "acting"),
                ("role_appointed", "appointed"))
_CLAUSE_STOPS = (".", ";", "؛", "\n", "!", "?", "؟")
# A comma and a conjunction: the start of a coordinated clause (، و / , et / , and).
_NEXT_CLAUSE = re.compile(r"[,،]\s*(?:و|et\s|and\s|while\s|tandis\s)")


def _bounded(text: str, lo: int, hi: int, left: int, right: int) -> tuple[int, int]:
    """``[left, right)`` cut at a clause stop between it and ``[lo, hi)``."""
    for stop in _CLAUSE_STOPS:
        cut = text.rfind(stop, left, lo)
        if cut >= 0:
            left = max(left, cut + 1)
        cut = text.find(stop, hi, right)
        if cut >= 0:
            right = min(right, cut)
    return left, right


def _without_set_off(text: str, left: int, right: int, mentions: list[Mention]) -> str:
    """``text[left:right]`` less a clause set off by two commas between the two mentions that
    holds neither: it says something else of the person ("appointed X, a former prefect, as
    head of Y" is no former role of Y)."""
    window = text[left:right]
    if len(mentions) < 2:
        return window
    first, second = sorted(mentions, key=lambda m: m.start)
    gap = text[first.end:second.start]
    a = min((i for i in (gap.find(","), gap.find("،")) if i >= 0), default=-1)
    b = max(gap.rfind(","), gap.rfind("،"))
    if a < 0 or b <= a:
        return window
    lo, hi = first.end + a - left, first.end + b + 1 - left
    return window[:lo] + " " * (hi - lo) + window[hi:]


def _duties_ended(text: str, lo: int, hi: int, sent_start: int, lang: str, others: list[Mention]) -> bool:
    """The role's duties ended, said in two parts: the duties right before the role (up to
    :data:`DUTIES_WINDOW` characters, not across another person) and a verb of ending before
    them (up to :data:`END_VERB_WINDOW` characters, across anything but a sentence end)."""
    cues = load_cues()
    left = max([sent_start, lo - DUTIES_WINDOW] + [m.end for m in others if m.end <= lo])
    for d0, _ in cues.find("role_end_duties", lang, text[left:hi], left):
        v_left = max(sent_start, d0 - END_VERB_WINDOW)
        if cues.find("role_end_verb", lang, text[v_left:d0]):
            return True
    return False


def _object_of(family: str, text: str, lo: int, sent_start: int, lang: str, others: list[Mention],
               not_before: int = 0) -> bool:
    """The role (starting at ``lo``) is the object of a verb of ``family`` that ends or gives
    it (``role_ended_object``, ``role_appointed_object``; up to :data:`END_VERB_WINDOW`
    characters before): in Arabic with the subject, another person, between ("أقال الرئيس
    قيس سعيد وزير الداخلية X"); in French and English with no person between ("after
    removing its chief, X")."""
    left = max(sent_start, lo - END_VERB_WINDOW, not_before)
    for _, v1 in load_cues().find(family, lang, text[left:lo], left):
        between = [m for m in others if v1 <= m.start and m.end <= lo]
        subject_between = lang == "ar" and family != OUSTED_OBJECT  # Arabic VSO, not a coup's "أطاح بـ"
        if bool(between) == subject_between and not any(c in text[v1:lo] for c in _CLAUSE_STOPS):
            return True
    return False


def _past_verb(text: str, start: int, end: int, lang: str) -> bool:
    """A past-tense verb of heading in ``text[start:end]``, neither a passive ("led by") nor
    a present perfect ("has led")."""
    cues = load_cues()
    for v0, v1 in cues.find("role_past_verb", lang, text[start:end], start):
        if cues.find("agent", lang, text[v1:v1 + AGENT_AFTER_VERB]):
            continue
        if cues.find("role_perfect_aux", lang, text[max(start, v0 - PERFECT_AUX_BEFORE):v0]):
            continue
        return True
    return False


def _dates(text: str, lang: str, published: str | None) -> list:
    """The dates of ``text`` (``.start``, ``.value``): with a publication date, also the
    relative ones resolved against it ("depuis septembre dernier", "on October 27")."""
    if published is None:
        return find_dates(text, lang)
    return [d for d in document_dates(text, lang, published)[0] if d.value]


def _date_after(cues: list[tuple[int, int]], text: str, lang: str, limit: int,
                published: str | None = None) -> str | None:
    """The date right after one of ``cues``, or after it and the event that starts or ends
    the tenure ("until his dismissal in 2021", "منذ تعيينه في 2019", "until he became prime
    minister in May 2020": ``role_tenure_event``, no comma between)."""
    for _, end in cues:
        for d in _dates(text[end:limit], lang, published):
            if d.start <= DATE_AFTER_CUE:
                return d.value
            gap = text[end:end + d.start]
            if (d.start <= DATE_AFTER_TENURE_EVENT and not any(c in gap for c in ",،" + "".join(_CLAUSE_STOPS))
                    and load_cues().find("role_tenure_event", lang, gap)):
                return d.value
            break
    return None


def role_time(text: str, head: Mention, tail: Mention, sent_start: int, sent_end: int, lang: str, *,
              others: list[Mention] = (), published: str | None = None) -> tuple[str, str | None, str | None]:
    """``(status, start, end)`` of the role ``head`` -> ``tail`` stated in the sentence
    ``text[sent_start:sent_end]``; ``others`` are the sentence's other person mentions."""
    # A mention outside the sentence (a demonym read as the state named elsewhere) bounds nothing.
    inside = [m for m in (head, tail) if sent_start <= m.start < sent_end] or [head, tail]
    both = len(inside) == 2
    lo, hi = min(m.start for m in inside), max(m.end for m in inside)
    left, right = max(sent_start, lo - LEFT_WINDOW), min(sent_end, hi + RIGHT_WINDOW)
    for m in others:  # another person's name closes the window on its side
        if m.end <= lo:
            left = max(left, m.end)
        elif m.start >= hi:
            right = min(right, m.start)
    left, right = _bounded(text, lo, hi, left, right)
    # A coordinated clause after the role is about something else ("..., وعين فريد", ", and named").
    joint = _NEXT_CLAUSE.search(text, hi, right)
    if joint is not None:
        right = joint.start()
    cues = load_cues()
    status = "current"
    window = _without_set_off(text, left, right, inside)
    for family, name in STATUS_ORDER:
        if cues.find(family, lang, window):
            status = name
            break
    if status in HELD_NOW and (_duties_ended(text, lo, hi, sent_start, lang, others)
                               or _object_of("role_ended_object", text, lo, sent_start, lang, others)
                               # the body first, then the verb and its object: "Y, after removing its chief, X"
                               or both and tail.end <= head.start
                               and _object_of("role_ended_object", text, head.start, sent_start, lang, others, tail.end)
                               or _object_of(OUSTED_OBJECT, text, head.start, sent_start, lang, others)):
        status = "former"
    elif status == "current" and _object_of("role_appointed_object", text, lo, sent_start, lang, others):
        status = "appointed"  # "وعين الرئيس X Y مديرا", "the cabinet appointed Y as head of"
    if status == "current" and both and head.end <= tail.start and _past_verb(text, head.end, tail.start, lang):
        status = "former"  # "Kadhimi headed the INIS", not "Mali, led by X"
    _, clause_end = _bounded(text, lo, hi, lo, sent_end)
    # Another person's name after the role starts what is said of that person ("..., X, who
    # has held the post since 2021").
    clause_end = min([clause_end] + [m.start for m in others if m.start >= hi])
    # a period said of something else after the role ("made a visit during the period from 26
    # to 28 June") ends what the role's own since / until may be read from
    other = cues.find("role_other_period", lang, text[hi:clause_end], hi)
    if other:
        clause_end = other[0][0]
    tail_text = text[left:clause_end]
    start = _date_after(cues.find("role_since", lang, tail_text, left), text, lang, clause_end, published)
    # or the start itself: "Nicolas Lerner, nommé en octobre 2018", "the director appointed in August 2017"
    start = start or _start_date(cues.find("role_took_office", lang, tail_text, left), text, lang, clause_end, published)
    end = _date_after(cues.find("role_until", lang, tail_text, left), text, lang, clause_end, published)
    if end and status == "current" and (published is None or end < published):
        status = "former"  # "from 2010 to 2015": over by the time of writing
    return status, start, end


def _start_date(cues: list[tuple[int, int]], text: str, lang: str, limit: int, published: str | None) -> str | None:
    """The date a start cue gives ("took office on October 27", "nommé en octobre 2018",
    "المعين في ماي 2015"): within :data:`DATE_AFTER_START` characters after it, no comma
    between."""
    for _, c1 in cues:
        for d in _dates(text[c1:limit], lang, published):
            gap = text[c1:c1 + d.start]
            if d.start <= DATE_AFTER_START and not any(c in gap for c in ",،" + "".join(_CLAUSE_STOPS)):
                return d.value
            break
    return None


def tenure_start(text: str, person: Mention, sent_start: int, sent_end: int, lang: str, *,
                 stops: list[int] = (), published: str | None = None) -> tuple[str | None, int, int]:
    """``(start, clause start, clause end)``: the start of a role that a sentence naming the
    person but not the body gives, and the clause it is read in (the caller tells which of
    the person's roles it is). A role held before a since cue ("Kadhimi, who has run the
    intelligence service since June 2016", "le général X, en poste depuis juillet 2021",
    "وكان هامل يقود جهاز الشرطة منذ يوليو 2010", "ويشغل X هذا المنصب منذ ماي 2015":
    ``role_in_office``), or the start itself
    with its date ("Sudani, who took office on October 27", "تعيين X في هذا المنصب في يوليو
    2019": ``role_took_office``). The clause runs from the person to the sentence's next
    stop or ``stops`` (another person's or a body's mention)."""
    cues = load_cues()
    lo = max(sent_start, person.start - START_BEFORE_PERSON)
    for stop in _CLAUSE_STOPS + (",", "،"):  # a start cue before the name: right before it
        cut = text.rfind(stop, lo, person.start)
        if cut >= 0:
            lo = cut + 1
    _, clause_end = _bounded(text, person.start, person.end, person.start, sent_end)
    clause_end = min([clause_end] + [p for p in stops if p >= person.end])
    reach = min(clause_end, person.end + TENURE_AFTER_PERSON)
    start = _start_date(cues.find("role_took_office", lang, text[lo:reach], lo), text, lang, clause_end, published)
    if start:
        return start, lo, clause_end
    # the role held: after the name, or before it in Arabic ("ويشغل X هذا المنصب منذ")
    held = cues.find("role_in_office", lang, text[lo:reach], lo)
    if held:
        after = max(held[0][1], person.end)
        since = cues.find("role_since", lang, text[after:clause_end], after)
        start = _date_after(since, text, lang, clause_end, published)
        if start:
            return start, lo, clause_end
    return None, lo, clause_end
