"""Event relations: who took part in an event (``involvedIn``), where (``occurredIn``) and
when (``occurredOn``).

Reads the sentence contexts of :mod:`pipeline.relations.context` (events are mentions of
type ``Event``), the cues of ``ontology/patterns/event_relations.yaml`` and those of
``relation_patterns.yaml`` (``participation``, ``event_reference``,
``event_pronoun``, ``locative``).

- :func:`events`, per sentence: the sentence's named events, or the event the text has just
  named when the sentence refers back to it ("the exercise" to the latest event with that
  head or a bare name, "العملية", a participation verb); a date in the event's name or near
  it in the same clause; a place after a locative (and the places listed with it); as
  participants only the parties a participation cue of ``event_relations.yaml`` links to
  the event in the same clause (took part in, revendiquée par, نفذ…) or that follow its name
  as partners (talks between X and Y); the owner a genitive names right after the event's name
  (the summit of the African Union, التابعة لحلف شمال الأطلسي), the subject of what is done as
  part of it (as part of Operation X, في إطار عملية), the sides of a hyphenated pair next to it
  (the Israel-Hamas war). Sharing a sentence, a title line or a dateline with
  an event is no participation; a line break ends a clause.
- per document, after every sentence rule: what the event's own name says
  (:func:`event_place_in_name`: قمة نواكشوط, the Nairobi attack, réunion de Lomé:
  ``occurredIn`` the place named in it, when the document names that place as a mention of
  its own); the dateline's city of an event its lead sentence says opens or is held
  (:func:`event_dateline_place`); the wider place of an apposition (:func:`event_apposed_place`: "at X Base,
  Egypt"); the country an event takes place in takes part in it (:func:`event_host_country`).

Usage::

    candidates = events(ctx, previous_contexts)       # run by extract_relations
    relations = event_place_in_name(dctx)
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from pipeline.language.dates import DateMention, document_dates, find_dates
from pipeline.language.datelines import DASH, read_dateline
from pipeline.language.morphology import agrees_in_gender, lam_genitive, lam_glued_before, strip_definite
from pipeline.language.normalize import normalize
from pipeline.model import Mention, Relation
from pipeline.ontology_data import PATTERNS_DIR, person_roles
from pipeline.relations.context import PARTY_TYPES, Arg, SentenceContext, mention_key
from pipeline.relations.cues import Cues, load_cue_files, load_cues
from pipeline.relations.modality import assess
from pipeline.relations.patterns import BODY_TYPES, Candidate, candidate, covering
from pipeline.relations.registry import DocumentContext, relation_rule
from pipeline.relations.words import rule_words

PLACE_TYPES = frozenset({"City", "Location", "Country"})
# Places that host an event as its site (a country that hosts one takes part in it).
HOST_PLACE_TYPES = frozenset({"City", "Location"})
# Sentences back in which a named event can be referred to by "the operation", "القمة".
EVENT_MEMORY = 3
# ... counted from the last sentence that referred back to it ("The exercise, held every year
# since 2005, ..."): a report stays on its event as long as it keeps referring to it, at most
# this many sentences back from the sentence read.
EVENT_CHAIN_MEMORY = 9
# Confidences.
DATE_IN_NAME = 0.85  # "l'attentat du 13 novembre 2015"
DATE = 0.7  # the nearest date of the event's clause
DATE_CLAUSE = 0.6  # the one day of the clause of the sentence's one event, further away
DEMONYM = 0.6  # "التدريب التونسي الجزائري المشترك"
PLACE = 0.6  # a place after a locative in the event's clause, or in a sentence referring back
PLACE_AFTER = 0.75  # ... right after the event's name
HOSTED_IN = 0.6  # "تحتضن تايلاند ... مناورات كوبرا غولد", "Thailand hosts Cobra Gold"
HOST_PLACE = 0.6  # "المحادثات التي احتضنتها مسقط", "hosted by Geneva"
PARTICIPANT = 0.65  # a participation cue links the party to the event
PARTICIPANT_REFERENCED = 0.55  # ... to an event an earlier sentence named
PARTNER = 0.6  # "the talks between X and Y"
PARTY_LIST = 0.6  # "took part ..., among them X, Y and Z"
ROSTER = 0.6  # "Participants were X, Y and Z", "ومن بين الدول المشاركة: X، وY"
POSSESSOR = 0.6  # "the EU's Operation Sophia", "Iraq's invasion of Kuwait"
OCCASION = 0.6  # "X and Y signed ... during the 12th session": the subject of what the event is the occasion of
OWNER = 0.6  # "the 28th summit of the African Union", "عملية "حارس البحر" التابعة لحلف شمال الأطلسي"
SIDES = 0.6  # "the Israel-Hamas war", "le sixième sommet UE-UA", "الاجتماع رفيع المستوى المغرب-إسبانيا"
ANNOUNCER = 0.6  # "أعلنت X، ... في إطار عملية Y": the announcing subject of an operation's results
FRAMEWORK = 0.6  # "Europol announced 40 arrests as part of Operation X": the subject of what is done within it
PLACE_IN_NAME = 0.8  # "قمة نواكشوط", "the Nairobi attack"
DATELINE_PLACE = 0.6  # "RABAT - The 12th session opened on Monday ...": the dateline's city
APPOSED_PLACE_FACTOR = 0.9  # "at X Base, Egypt": in the wider place too, a little less sure
HOST_COUNTRY_FACTOR = 0.9  # the country an event takes place in takes part in it
VISIT_SUBJECT = 0.6  # the subject of a verb of visiting, the host of a verb of receiving
VISITOR = 0.7  # the person whose visit it is: "la visite d'État du président X", "X's state visit"
VISIT_PLACE = 0.7  # where a visit goes: "... to Morocco", "... إلى المغرب"
VISIT_MET = 0.6  # "زيارة عمل أداها X إلى باريس، التقى خلالها Y، وZ": the persons met during a visit
TITLED_LIST = 0.55  # "بحضور الوزير X، ووزير الخارجية Y": the next titled person of a participant's list
# The participants whose list of titled persons is read on: those a participation cue or a
# list of parties introduces (not a visit's host, nor a person a possessive or a name qualifies).
TITLED_LIST_SOURCES = frozenset({"rule:event-participant", "rule:event-party-list", "rule:event-roster"})
# Windows, in words unless said.
# A demonym qualifies an event's name across at most this many other words.
MAX_QUALIFIER_WORDS = 3
PAIR_QUALIFIER_WORDS = 7  # a pair of demonyms after an event's name, the body's genitives between
DATE_WORDS = 12  # event to the date of its clause
PLACE_WORDS = 12  # a located place before the event
PLACE_AFTER_WORDS = 6  # event to a place right after it
SIGNING_HEAD_CHARS = 2  # a signed text's head at the start of an event's name, after a proclitic (فمذكرة)
LOCATIVE_WORDS = 2  # the locative before a place
OPENING_WORDS = 2  # a sentence opening with a pronoun ("وهي", "it")
REFERENCE_PARTY_WORDS = 2  # Arabic VSO: the back-reference to the party after it
NEXT_TO_CUE_WORDS = 4  # a cue next to the party, the event beyond
PARTNER_WORDS = 4  # the event's name to "between" / "with"
PARTNER_LIST_WORDS = 1  # "with" to the list of partners
INTRO_LIST_WORDS = 1  # "among them" to the list it opens
INTRO_CUE_WORDS = 10  # the participation cue to "among them", the event's name aside
INTRO_JOINED_CUE_WORDS = 16  # ... when a conjunction joins the intro to the groups the cue names first (not
# "brought together navies of the western Indian Ocean for two weeks of drills at sea, alongside observers from X")
OCCASION_CUE_WORDS = 3  # the occasion cue to the event's name ("خلال أشغال الدورة", "at the close of the")
OCCASION_SUBJECT_WORDS = 10  # the subject to the occasion cue, its verb and time between ("ont signé mercredi,")
OWNER_WORDS = 4  # an event's name to the party whose event it is ("of heads of state of the", "" التابعة ل")
FRAMEWORK_CUE_WORDS = 2  # the framework cue to the event's name ("as part of the", "في إطار عملية")
# the subject to the framework cue: its verb, date and objects between ("أعلنت يوروبول، الخميس 30 مايو
# 2024، توقيف أربعة أشخاص وتعطيل أكثر من مئة خادم في إطار")
FRAMEWORK_SUBJECT_WORDS = 24
# an event's description and the words that name it, between a cue and the name ("an
# international operation dubbed", "عملية واسعة لمكافحة الجرائم الإلكترونية حملت اسم")
NAMING_DESCRIPTION_WORDS = 8
ANNOUNCER_DATELINE_WORDS = 4  # a dateline before the verb of announcing ("ليون (فرنسا) -")
NAMING_HEAD_WORDS = 3  # the description's head noun among its first words ("une vaste opération")
NAMING_CUE_WORDS = 3  # the cue before the description ("as part of", "في إطار", "lors d'")
ROSTER_HEAD_WORDS = 6  # a roster's head among the sentence's first words ("ومن بين الدول الإفريقية المشاركة")
ROSTER_OPENER_WORDS = 8  # the head to what opens the list ("الشركاء الدوليون فتتقدمهم ...، وتضم قائمتهم كلا من")
VISITOR_WORDS = 6  # a visit to its visitor, titles between ("التي قام بها وزير الشؤون الخارجية X")
VISIT_VERB_WORDS = 3  # "paid a working visit", "قام بزيارة عمل": the verb to the visit
VISIT_SUBJECT_WORDS = 14  # the visitor to its verb, its titles between ("X، المدير العام …، قام بـ")
VISIT_PLACE_WORDS = 12  # a visit to the place it goes to, its visitor between
DESTINATION_WORDS = 1  # the destination link to the place ("to the UAE")
DATELINE_LINES = 3  # a dateline opens one of the first lines (a title may stand above it)
DATELINE_CUE_BEFORE_WORDS = 12  # "انطلقت، صباح الاثنين 25 أكتوبر 2021 بفندق الأوراسي، أشغال الدورة"
DATELINE_CUE_AFTER_WORDS = 3  # "the 12th session opened"
APPOSED_TITLE_LANGS = ("fr", "en")  # a title, a comma, then the name: "le ministre de la Défense, X"
TITLE_POSSESSIVE_GAP_WORDS = 1  # "his [Spanish] counterpart X": a word between the possessive and the title
LIST_TITLE_WORDS = 8  # a person's title before its name in a list ("Spain's Minister of Foreign Affairs X")
TITLE_PLACE_WORDS = 10  # a person to the place that ends the title after the name ("X، رئيس المرحلة الانتقالية في مالي")
LONE_DEMONYM_WORDS = 1  # one demonym qualifies an event only right next to it
AFFILIATION_WORDS = 3  # "affilié à", "linked to" before the party
COMMA_CHARS = 3  # the comma that opens a relative clause after the party
OTHER_EVENT_WORDS = 1  # a back-reference to the word that makes it another event ("القمة المقبلة")
REPEATED_LOCATIVE_WORDS = 3  # "et à", "and in", "وفي": two places of one list, each with its locative
DESCRIPTION_WORDS = 5  # an event's description before its name ("التمرين البحري المختلط «")
HEAD_ENDING_LETTERS = 2  # a head word's plural ending ("drill-s", "مناور-ات")
SEAT_WORDS = 4  # "commanded from its headquarters in": the seat cue before the place
TITLED_APPOSITION_WORDS = 14  # a listed person's title after the name ("X، رئيس المرحلة الانتقالية في مالي، وY")
TITLED_OPENING_WORDS = 12  # the conjunction to the next listed person, its title between ("، ووزير الشؤون الخارجية Y")
TITLED_RANK_WORDS = 3  # the conjunction to the title that opens ("، وكذلك الأمين العام", "et par le chef")
TITLE_NAME_WORDS = 2  # a place that ends a title to the person named after it ("... في الإكوادور السيد X")
RELATIVE_OPENER_CHARS = 12  # "which", "qui", "الذي" after that comma
# Arabic words longer than this lose their article before the head words are matched.
HEAD_WORD_MIN_LETTERS = 4
_PUNCTUATION = (",", "،", ".", ";", "؛", ":", "(", ")", "—", "–")
_QUOTES = ('"', "«", "»", "“", "”")
_HYPHENS = ("-", "–", "‐")
EVENT_CUES_FILE = PATTERNS_DIR / "event_relations.yaml"
# Verbs that join a place named before an event to it ("X، الذي يؤدي زيارة", "lors du sommet").
SITE_VERB_FAMILIES = ("event_opening", "event_host", "visit_verb", "event_occasion", "event_site", "event_signing")
# A party and its cue are linked across at most this many other words.
MAX_CUE_WORDS = 12
# A list member's long name the entity stage missed, before its short name in brackets.
BRACKETED_NAME_WORDS = 10


@lru_cache(maxsize=1)
def event_cues() -> Cues:
    """The cue families of ``ontology/patterns/event_relations.yaml``."""
    return load_cue_files((EVENT_CUES_FILE,))


def _find(ctx: SentenceContext, family: str, start: int | None = None, end: int | None = None) -> list[tuple[int, int]]:
    s = ctx.start if start is None else max(ctx.start, start)
    e = ctx.end if end is None else min(ctx.end, end)
    return event_cues().find(family, ctx.lang, ctx.text[s:e], offset=s) if e > s else []


def _same_clause(ctx: SentenceContext, lo: int, hi: int) -> bool:
    """No line break between ``lo`` and ``hi``: a title or a dateline line is a clause of
    its own, even where the sentence splitter joined it to the first sentence."""
    lo, hi = min(lo, hi), max(lo, hi)
    return "\n" not in ctx.text[lo:hi]


def _separator(ctx: SentenceContext, lo: int, hi: int) -> bool:
    """``text[lo:hi]`` only joins two members of a list: a comma, a conjunction, an article."""
    rest = ctx.text[lo:hi]
    # a demonym between two members qualifies the second ("X ونظيره النيجري Y")
    blanks = _find(ctx, "list_joiner", lo, hi) + [(d.start, d.end) for d in ctx.args
                                                   if d.demonym and lo <= d.start and d.end <= hi]
    for s0, s1 in blanks:
        rest = rest[:s0 - lo] + " " * (s1 - s0) + rest[s1 - lo:]
    words = rest.replace(",", " , ").replace("،", " ، ").split()
    if ctx.lang == "ar":
        words = [w for w in words if w not in rule_words().list_conjunctions_ar]
    return all(w.lower() in rule_words().list_filler for w in words) or _bracketed_member(ctx, lo, hi)


def _bracketed_member(ctx: SentenceContext, lo: int, hi: int) -> bool:
    """``text[lo:hi]`` opens the next member of a list under a long name the entity stage did
    not name, its short name in brackets being the argument at ``hi``: "..., and the European
    Union Agency for Law Enforcement Training (CEPOL)", "، ووكالة الاتحاد الأوروبي للتدريب على
    إنفاذ القانون (سيبول)". A comma or a conjunction opens the gap, at most
    :data:`BRACKETED_NAME_WORDS` words before the bracket, and the bracket closes right after."""
    nxt = next((a for a in ctx.args if a.start == hi), None)
    gap = ctx.text[lo:hi].lstrip(" )")
    if nxt is None or not gap.rstrip().endswith("(") or not ctx.text[nxt.end:nxt.end + 2].lstrip().startswith(")"):
        return False
    name = gap.rstrip()[:-1].strip()
    if not name or any(c in name for c in "()[]\n") or ctx.words(name) > BRACKETED_NAME_WORDS:
        return False
    if name[0] in (",", "،"):
        return True
    # the name's head noun read alone as a back-reference ("والوكالة" of "والوكالة الأوروبية
    # للتعاون ... (يوروبول)", "the Agency"): a one-word argument of the same type before the gap
    if any(a.end == lo and len(a.text.split()) == 1 and a.type == nxt.type for a in ctx.args):
        return True
    first = name.split()[0]
    at = ctx.text.index(first, lo)
    return bool(_find(ctx, "list_joiner", at, at + len(first))) or (ctx.lang == "ar" and first.startswith("و"))


def _joined(ctx: SentenceContext, lo: int, hi: int) -> bool:
    """A conjunction in ``text[lo:hi]``; in Arabic و may cling to the next name (وإيران)."""
    if _find(ctx, "list_joiner", lo, hi):
        return True
    return ctx.lang == "ar" and (ctx.text[hi:hi + 1] == "و" or " و" in ctx.text[lo:hi])


def _located(ctx: SentenceContext) -> set[int]:
    """Positions of the places after a locative, and of the places listed with them (in
    Algeria, France and Spain); not the places right after a back-reference the locative
    governs (:func:`_governs_reference`)."""
    out: set[int] = set()
    prev: Arg | None = None
    refs = ctx.cues("event_reference") + _find(ctx, "event_reference_more") + _find(ctx, "participation_reference")
    for a in sorted(ctx.args, key=lambda x: x.start):
        if a.type in PLACE_TYPES and not a.demonym and not _governs_reference(ctx, a, refs):
            lo, _ = ctx.before(a, LOCATIVE_WORDS)
            if ctx.cues("locative", lo, a.start) or (prev is not None and prev.start in out and _separator(ctx, prev.end, a.start)):
                out.add(a.start)
        prev = a
    return out


def _site_of(ctx: SentenceContext, ev: Arg, a: Arg, located_at: set[int]) -> bool:
    """``a``, a place after a locative in ``ev``'s clause, can be where ``ev`` took place:

    - not a place inside the event's own name that a locative outside it governs ("killed in
      a U.S. drone strike": the drone strike is no event in the United States), nor the
      possessor of the name ("Iraq's invasion of Kuwait");
    - before the event, only a place the event's phrase follows ("بالرباط، أشغال المنتدى",
      "à Lomé, le sommet") or a verb of holding, opening, hosting or visiting joins to it
      ("X، الذي يؤدي زيارة", "lors du sommet"): not the place of another predicate ("sentenced
      in Canada for his role in the Mumbai attacks"), nor a state that qualifies the
      event right before it ("a U.S. drone strike");
    - after the event, the first place (and those listed with it) that a locative introduces:
      a later place after another locative is another predicate's ("ended at Trondheim, in
      the county of Trøndelag"; "Triton in Italy and Neptune in Greece"), and a
      place "near" which something happened is not where it happened;
    - not a place that ends the title of the person named right after it ("رئيس الجمهورية
      في الإكوادور السيد X")."""
    if ev.start <= a.start and a.end <= ev.end:
        return bool(ctx.cues("locative", ev.start, a.start))
    if _near(ctx, a) or _in_title_before_name(ctx, a) or _seat(ctx, a):
        return False
    if a.end <= ev.start:
        gap = ctx.text[a.end:ev.start]
        # "Iraq's invasion", "a U.S. drone strike": the state qualifies the event (a party)
        if gap.strip().lower() in rule_words().possessive or a.type == "Country" and not gap.strip():
            return False
        return _bridged(ctx, a.end, ev.start)
    return _first_site(ctx, ev, a, located_at)


def _referred_site(ctx: SentenceContext, a: Arg) -> bool:
    """``a``, a place after a locative in a sentence that refers back to an event ("the
    operation", "العملية"), can be where that event took place: not a place "near" which
    something happened, a seat, a title's place; nor a place that another event's head noun
    (or a visit) between the back-reference and it claims ("بعد دورة عام 1985 في بوينس آيرس",
    "alors que le ministre se trouvait en visite en Chine"), one that a reported clause
    opened after the back-reference says ("... في ختام القمة، أن البرازيل
    ستواصل ... في أمن الأمازون"), or one after a back-reference to another event ("القمة المقبلة في ريو دي جانيرو")."""
    if _near(ctx, a) or _in_title_before_name(ctx, a) or _seat(ctx, a):
        return False
    # a pronoun ("وهي", "it") refers back from the sentence's start
    refs = ctx.cues("event_reference") + _find(ctx, "event_reference_more") or [(ctx.start, ctx.start)]
    before = [r for r in refs if r[1] <= a.start]
    r0, r1 = max(before, key=lambda r: r[1]) if before else min(refs, key=lambda r: r[0])
    lo, hi = (r1, a.start) if r1 <= a.start else (a.end, r0)
    if _find(ctx, "other_event", r1, ctx.after(Arg("", "", "", r1, r1, ""), OTHER_EVENT_WORDS)[1]):
        return False
    heads = [h for family in ("reference_heads", "visit_heads") for h in _find(ctx, family, lo, hi)
             if len(re.match(r"\w*", ctx.text[h[1]:]).group(0)) <= HEAD_ENDING_LETTERS]  # drills, مناورات; not "according"
    return not heads and not (r1 <= a.start and _find(ctx, "complementizer", lo, hi))


def _governs_reference(ctx: SentenceContext, a: Arg, refs: list[tuple[int, int]]) -> bool:
    """``a`` comes right after a back-reference (``refs``): a locative before governs the
    reference, and ``a`` is the subject that comes after: "وشارك في الدورة المغرب وإسبانيا" (Morocco and Spain took part
    in the session), not a session in Morocco."""
    return any(r1 <= a.start and not ctx.text[r1:a.start].strip() for _, r1 in refs)


def _seat(ctx: SentenceContext, a: Arg) -> bool:
    """``a`` is where a body or an operation is based ("commanded from its headquarters in
    Naples", "basée à Djibouti", "ومقرها جنيف"), or the place of the body named right before it
    ("المديرية العامة للأمن الوطني بالأردن"), not an event's site."""
    lo, _ = ctx.before(a, SEAT_WORDS)
    if _find(ctx, "place_seat", lo, a.start):
        return True
    # Arabic: the place right after the body's name ("للأمن الوطني بالأردن")
    prev = max((x for x in ctx.args if x.end <= a.start), key=lambda x: x.end, default=None)
    return ctx.lang == "ar" and prev is not None and prev.type in BODY_TYPES - {"Country"} \
        and normalize(ctx.text[prev.end:a.start].strip()) in {normalize(c) for c in event_cues().family("body_seat").get("ar", [])}


def _near(ctx: SentenceContext, a: Arg) -> bool:
    """A ``place_near`` cue right before ``a`` ("near Vladikavkaz", "قرب فلاديكافكاز", "près de Lyon")."""
    lo, _ = ctx.before(a, LOCATIVE_WORDS)
    return any(c1 <= a.start and not ctx.text[c1:a.start].strip(" \"'«“")
               for _, c1 in _find(ctx, "place_near", lo, a.start))


def _bridged(ctx: SentenceContext, lo: int, hi: int) -> bool:
    """``text[lo:hi]``, between a place and the event named after it, is the event's own
    phrase (punctuation, articles, a locative, a date, the words of ``event_phrase_bridge``, an event's
    head noun: "، أشغال", "، يوم الأربعاء 1 مارس 2023، مناورات") or holds a verb of holding,
    opening, hosting or visiting the event, or of an occasion ("الذي يؤدي زيارة", "lors du")."""
    if any(_find(ctx, family, lo, hi) for family in SITE_VERB_FAMILIES):
        return True
    chars = list(ctx.text[lo:hi])
    spans = [(lo + d.start, lo + d.end) for d in find_dates(ctx.text[lo:hi], ctx.lang)]
    spans += [c for family in ("event_phrase_bridge", "reference_heads") for c in _find(ctx, family, lo, hi)]
    # the places listed with the first one ("في ساحل العاج وغانا، ... مناورات")
    spans += [(x.start, x.end) for x in ctx.args if x.type in PLACE_TYPES and lo <= x.start and x.end <= hi]
    for s0, s1 in spans:
        while s1 < hi and ctx.text[s1].isalnum():  # a head word's ending: مناور-ات
            s1 += 1
        chars[s0 - lo:s1 - lo] = " " * (s1 - s0)
    # the event's description before its name: its head noun and what qualifies it
    # ("، فعاليات التمرين البحري المختلط «X»", "in Jeddah, the mixed naval exercise X")
    head = _description_start(ctx, lo, hi)
    if head is not None:
        chars[head - lo:] = " " * (hi - head)
    rest = "".join(chars)
    return ctx.only(rest, ("locative", "filler", "of"))


def _description_start(ctx: SentenceContext, lo: int, hi: int) -> int | None:
    """Where an event's head noun (``reference_heads``, the Arabic article off) opens the last
    :data:`DESCRIPTION_WORDS` words of ``text[lo:hi]``, right before the event's name."""
    regex = event_cues().regex("reference_heads", ctx.lang)
    if regex is None:
        return None
    words = list(re.finditer(r"\S+", ctx.text[lo:hi]))[-DESCRIPTION_WORDS:]
    for m in words:
        word = normalize(m.group(0))
        if ctx.lang == "ar" and len(word) > HEAD_WORD_MIN_LETTERS:
            word = strip_definite(word)
        if regex.match(word):
            return lo + m.start()
    return None


def _first_site(ctx: SentenceContext, ev: Arg, a: Arg, located_at: set[int]) -> bool:
    """``a`` belongs to the first group of places a locative introduces after ``ev`` (the first
    one, and the places listed with it: "in Tallinn and Kiel, Germany"); a place
    "near" which it happened closes the search too."""
    places = sorted((x for x in ctx.args if x.type in PLACE_TYPES and not x.demonym and x.start >= ev.end
                     and (x.start in located_at or _near(ctx, x))), key=lambda x: x.start)
    prev: Arg | None = None
    for x in places:
        gap = ctx.text[prev.end:x.start] if prev is not None else ""
        # "à Bruxelles et à Zaventem", "en France, en Belgique", "في X وفي Y": the locative said again
        if prev is not None and not _separator(ctx, prev.end, x.start) and not (
                ctx.words(gap) <= REPEATED_LOCATIVE_WORDS
                and ctx.only(gap, ("conjunction", "filler", "locative"))
                and (_joined(ctx, prev.end, x.start) or _same_locative(ctx, prev, x))) \
                and not any(_find(ctx, family, prev.end, x.start) for family in SITE_VERB_FAMILIES):
            # (a verb of holding opens the event's own places: "the largest exercise in
            # Africa, which opened on Monday in Morocco, Ghana ...")
            return False
        if x.start == a.start:
            return True
        prev = x
    return False


def _same_locative(ctx: SentenceContext, prev: Arg, x: Arg) -> bool:
    """``x`` follows ``prev`` (of its type) behind the locative ``prev`` has ("en France, en
    Belgique"), not a wider place behind another one ("à X, dans la région de Y")."""
    lo, _ = ctx.before(prev, LOCATIVE_WORDS)
    first = ctx.cues("locative", lo, prev.start)
    again = ctx.cues("locative", prev.end, x.start)
    return prev.type == x.type and bool(first) and bool(again) \
        and normalize(ctx.text[slice(*first[-1])]) == normalize(ctx.text[slice(*again[-1])])


def _in_title_before_name(ctx: SentenceContext, place: Arg) -> bool:
    """``place`` ends a title that stands before the person's name, no punctuation between
    ("رئيس الجمهورية في الإكوادور السيد دانيال نوبوا", "the ambassador in Peru General
    X"): where the person serves, not where an event took place."""
    after = [a for a in ctx.args if a.start >= place.end]
    if not after:
        return False
    nxt = min(after, key=lambda a: a.start)
    gap = ctx.text[place.end:nxt.start]
    if nxt.type != "Person" or ctx.words(gap) > TITLE_NAME_WORDS or any(c in gap for c in _PUNCTUATION + ("\n",)):
        return False
    lo, _ = ctx.before(place, TITLE_PLACE_WORDS)
    before = normalize(ctx.text[lo:place.start])
    before = before[max(before.rfind(","), before.rfind("،")) + 1:]
    return any(f" {r} " in f" {before} " for r in _roles(ctx.lang))


@lru_cache(maxsize=4)
def _roles(lang: str) -> tuple[str, ...]:
    """The role nouns of ``person_roles.yaml`` that follow a name in apposition, normalized."""
    return tuple(sorted({normalize(r) for r in person_roles().get(lang, [])}, key=len, reverse=True))


def _in_title(ctx: SentenceContext, place: Arg) -> bool:
    """``place`` ends the title of the person named before it ("General X, head of the
    ruling council in Niger", "X رئيس المرحلة الانتقالية في مالي", "X, ambassadeur en Côte
    d'Ivoire"): where the person serves, not where an event took place."""
    persons = [a for a in ctx.args if a.type == "Person" and a.end <= place.start]
    if not persons:
        return False
    person = max(persons, key=lambda a: a.end)
    gap = ctx.text[person.end:place.start]
    if "\n" in gap or ctx.words(gap) > TITLE_PLACE_WORDS or any(
            a.type == "Event" and person.end <= a.start and a.end <= place.start for a in ctx.args):
        return False
    opening = normalize(gap).lstrip(" ,،")
    role = next((r for r in _roles(ctx.lang) if opening.startswith(r + " ")), None)
    # the title runs on to the place: no second comma, no verb's clause between
    return role is not None and not any(c in opening for c in (",", "،"))


def _title_starts(ctx: SentenceContext) -> dict[int, int]:
    """Where the title right before a person starts, by the person's start: a ``list_title``
    cue, or a state, body or demonym with a possessive at most before such a cue, within
    :data:`LIST_TITLE_WORDS` words of the name with no punctuation, no other person or event
    between ("Morocco's Head of Government X", "the Spanish Prime Minister Y", "أمير دولة قطر
    الشيخ X", "le Premier ministre espagnol Y"). Persons without such a title are left out."""
    out: dict[int, int] = {}
    cues = _find(ctx, "list_title")
    if not cues:
        return out
    possessive = rule_words().possessive | {""}
    for p in ctx.args:
        if p.type != "Person":
            continue
        # the title may stand in apposition before the name, a comma between ("le ministre
        # tunisien de la Défense, X"): the comma right before the name is no boundary
        at = p.start
        before = ctx.text[ctx.start:p.start].rstrip()
        if ctx.lang in APPOSED_TITLE_LANGS and before.endswith(","):
            at = ctx.start + len(before) - 1
        lo = max([ctx.start, ctx.text.rfind("\n", ctx.start, at) + 1]
                 + [ctx.text.rfind(c, ctx.start, at) + 1 for c in _PUNCTUATION if c != "."]
                 + [x.end for x in ctx.args if x.type in ("Person", "Event") and x.end <= p.start])
        inside = [c for c in cues if lo <= c[0] and c[1] <= p.start]
        if not inside:
            continue
        starts = [c[0] for c in inside]
        for x in ctx.args:
            if x.type in ("Person", "Event") or not (lo <= x.start and x.end <= p.start):
                continue
            c0 = min((c for c, _ in inside if c >= x.end), default=None)
            if c0 is None:
                continue
            gap = ctx.text[x.end:c0]
            for y in ctx.args:  # "Morocco's Moroccan ...": the other names of the title are no words of it
                if y is not x and x.end <= y.start and y.end <= c0:
                    gap = gap.replace(y.text, " ")
            if gap.strip() in possessive or not gap.split() or " ".join(gap.split()) in possessive:
                starts.append(x.start)
        t = min(starts)
        # "and his Spanish counterpart X", "et son homologue algérien, X": the possessive opens the title
        # (a demonym the document names no state of may stand between: "his Spanish counterpart")
        t = min([t] + [c0 for c0, c1 in _find(ctx, "title_possessive", lo, t)
                       if ctx.words(ctx.text[c1:t]) <= TITLE_POSSESSIVE_GAP_WORDS])
        if ctx.words(ctx.text[t:p.start]) <= LIST_TITLE_WORDS:
            out[p.start] = t
    return out


def _list_members(ctx: SentenceContext, a: Arg, toward: int, *, to_its_end: bool = False,
                  titles: bool = True) -> tuple[int, bool] | None:
    """Walk from ``a`` toward offset ``toward`` over the parties listed with it (X, Y and
    Z): the far edge of the list, and whether a conjunction joins it; None when another
    argument stands in the way without a list separator (``to_its_end``: the walk stops
    there instead, the list ends before that argument). With ``titles``, a person's walk steps over the
    titles of the persons listed with it and its own (:func:`_title_starts`): the far edge
    is then where the last member's title starts, and the states and bodies inside the
    titles are no members."""
    step = 1 if toward >= a.end else -1
    titled = _title_starts(ctx) if titles and a.type == "Person" else {}
    in_title = {x.start for x in ctx.args for p, t in titled.items() if t <= x.start and x.end <= p}
    others = sorted((x for x in ctx.args if x is not a and x.type != "Event" and x.start not in in_title and
                     (a.end <= x.start and x.end <= toward if step > 0 else toward <= x.start and x.end <= a.start)),
                    key=lambda x: x.start * step)
    edge, joined = (a.end if step > 0 else titled.get(a.start, a.start)), False
    for x in others:
        if x.qualifier_of is not None or x.demonym:
            continue
        lo, hi = (edge, titled.get(x.start, x.start)) if step > 0 else (x.end, edge)
        if not _separator(ctx, lo, hi):
            return (edge, joined) if to_its_end else None
        joined = joined or _joined(ctx, lo, hi)
        edge = x.end if step > 0 else titled.get(x.start, x.start)
    return edge, joined


def _near_edge(ctx: SentenceContext, a: Arg, step: int, titles: bool = True) -> int:
    """Where ``a`` itself ends toward a cue on its ``step`` side: a person's title before its
    name is part of it (:func:`_title_starts`)."""
    if step > 0:
        return a.end
    return _title_starts(ctx).get(a.start, a.start) if titles and a.type == "Person" else a.start


def _linked(ctx: SentenceContext, a: Arg, cue: tuple[int, int], ev: Arg | None) -> bool:
    """``a`` is the party of ``cue``: in one clause, the cue at most :data:`MAX_CUE_WORDS`
    words from ``a`` or from the list ``a`` is a member of, no other argument between them
    but the members of a list with ``a`` (X, Y and Z; a comma-only chain is no list:
    "revendiqués par l'EI, l'OCAM maintient"); with
    ``ev`` in the sentence, the cue is between the party and the event, or next to the
    party with the event on its far side."""
    c0, c1 = cue
    if ev is not None and not (ev.end <= c0 or c1 <= ev.start):
        return False
    if not (a.end <= c0 or c1 <= a.start):
        return False
    toward = c0 if a.end <= c0 else c1
    lo, hi = (a.end, c0) if a.end <= c0 else (c1, a.start)
    if not _same_clause(ctx, lo, hi):
        return False
    # the words are counted from the cue to the list's near edge below: a long list of
    # parties ("will bring together 14 countries: A, B, ... and N") all take part
    # a person's title is stepped over only toward an event the sentence names: the parties
    # of an event referred back to ("the summit") are read as before
    # ... and toward a back-reference right after the cue, the persons of a VSO list
    # ("وشارك في القمة أمير دولة قطر X، وملك البحرين Y")
    titled_walk = ev is not None or _vso_reference(ctx, a, cue)
    walked = _list_members(ctx, a, toward, titles=titled_walk)
    if walked is None:
        return False
    edge, joined = walked
    if edge != _near_edge(ctx, a, 1 if a.end <= c0 else -1, titles=titled_walk):
        # a list: it closes with a conjunction, inside the walk or on the far side of the party
        # (the list ends where a name follows it without a separator: "avec le soutien de
        # l'Australie, de Bahreïn, du Canada et des Pays-Bas, l'opération X contre ... au Yémen")
        past = _list_members(ctx, a, ctx.start if a.end <= c0 else ctx.end, to_its_end=True, titles=titled_walk)
        if not joined and not (past and past[1]):
            return False
    free = ctx.text[edge:c0] if a.end <= c0 else ctx.text[c1:edge]
    if any(x.type != "Event" and not x.demonym and x.qualifier_of is None and
           (edge <= x.start and x.end <= c0 if a.end <= c0 else c1 <= x.start and x.end <= edge) for x in ctx.args):
        return False
    if ctx.words(free) > MAX_CUE_WORDS or _find(ctx, "complementizer", min(edge, c0), max(edge, c1)) and a.end <= c0:
        return False
    titles = _title_starts(ctx) if titled_walk and a.type == "Person" else {}
    titled = [x for x in ctx.args if x.type not in ("Person", "Event") and min(edge, a.start) <= x.start
              and x.end <= max(edge, a.end) and any(t <= x.start and x.end <= p for p, t in titles.items())]
    lo, hi = (edge, c0) if a.end <= c0 else (c1, edge)
    gap = ctx.text[lo:hi]
    for x in ctx.args:  # an event's name in quotes between them: no quote of a speaker
        if x.type == "Event" and lo <= x.start and x.end <= hi:
            gap = gap[:max(0, x.start - 1 - lo)] + " " * (min(hi, x.end + 1) - max(lo, x.start - 1)) + gap[min(hi, x.end + 1) - lo:]
    if titled and any(m in gap for m in _PUNCTUATION + _QUOTES):
        # a title with a state or a body in it is read only right after the cue: ""..., the
        # threat of organized crime," said INTERPOL Secretary General X" is no party of a cue
        return False
    if ev is None:
        if c1 <= a.start:
            # VSO: وشارك في التمرين (كل من) X, "Ont participé à l'exercice la France et le Maroc":
            # the preposition governs the back-reference, the party after it is the subject
            refs = ctx.cues("event_reference", c1, a.start) + _find(ctx, "event_reference_more", c1, a.start) \
                + _find(ctx, "participation_reference", c1, a.start)
            # (to the near edge of the list the party is a member of: "la France, le Maroc et ...");
            # outside Arabic an article at most between: "Its participation in the operation
            # angered X" has a verb of its own
            r1 = max((r1 for _, r1 in refs), default=c1)
            gap = ctx.text[r1:max(edge, r1)]
            if refs and ctx.words(gap) <= REFERENCE_PARTY_WORDS and (
                    ctx.lang == "ar" or all(w.lower() in rule_words().list_filler for w in gap.split())):
                return True
        # "its participation in the MNJTF": what a cue's preposition governs is its object
        # (a prefix cue, "particip", ends inside its word: the words after it start past it)
        after = ctx.text[c1:a.start].split()[1 if ctx.text[c1:c1 + 1].isalnum() else 0:] if c1 <= a.start else []
        words = rule_words()
        return not (len(after) >= 2 and after[-2] in words.object_prepositions_before_last
                    or bool(after) and after[0] in words.object_prepositions_first)
    if not _same_clause(ctx, min(a.start, ev.start, c0), max(a.end, ev.end, c1)):
        return False
    if c1 <= a.start and a.end <= ev.start:
        # VSO with its own object, a back-reference: "وأشرف على العملية X، ... منذ هجمات برشلونة":
        # X supervised the operation the text is about, not the event named further on
        refs = ctx.cues("event_reference", c1, a.start) + _find(ctx, "event_reference_more", c1, a.start)
        if any(ctx.words(ctx.text[c1:r0]) <= REFERENCE_PARTY_WORDS for r0, _ in refs):
            return False
    between = min(a.end, ev.end) <= c0 and c1 <= max(a.start, ev.start)
    # VSO (نفذ الجهاز … عملية) or a relative clause (Israel, which held the X exercise):
    # the cue next to the party, the event beyond the cue or beyond the party.
    return between or ctx.words(free) <= NEXT_TO_CUE_WORDS


def _vso_reference(ctx: SentenceContext, a: Arg, cue: tuple[int, int]) -> bool:
    """A person named after a participation cue that a back-reference follows right away, in
    Arabic: "وشارك في القمة أمير دولة قطر X" (the verb, its object, then the titled subject)."""
    c0, c1 = cue
    if ctx.lang != "ar" or a.type != "Person" or a.start < c1:
        return False
    refs = ctx.cues("event_reference", c1, a.start) + _find(ctx, "event_reference_more", c1, a.start) \
        + _find(ctx, "participation_reference", c1, a.start)
    return any(ctx.words(ctx.text[c1:r0]) <= REFERENCE_PARTY_WORDS for r0, _ in refs)


def _partner(ctx: SentenceContext, a: Arg, ev: Arg) -> bool:
    """``a`` follows the event's name as its partner: the talks between X and Y, the
    exercise with X (a list after the preposition counts)."""
    if a.start < ev.end or not _same_clause(ctx, ev.end, a.start):
        return False
    for p0, p1 in _find(ctx, "event_partner", ev.end, a.start):
        walked = _list_members(ctx, a, p1)
        if ctx.words(ctx.text[ev.end:p0]) <= PARTNER_WORDS and walked is not None and ctx.words(ctx.text[p1:walked[0]]) <= PARTNER_LIST_WORDS:
            return True
    return False


def _words_but_parties(ctx: SentenceContext, lo: int, hi: int) -> int:
    """The words of ``text[lo:hi]`` but the names of parties: a first list of parties does not
    keep the cue from a second one ("وشاركت فيها وحدات من X وY وZ، إلى جانب قوات من W وV")."""
    gap = ctx.text[lo:hi]
    for x in sorted(ctx.args, key=lambda x: -x.start):
        if x.type in PARTY_TYPES and lo <= x.start and x.end <= hi:
            gap = gap[:x.start - lo] + gap[x.end - lo:]
    return ctx.words(gap)


def _introduced(ctx: SentenceContext, a: Arg, cues: list[tuple[int, int]], ev: Arg, referenced: bool) -> tuple[int, int] | None:
    """``a`` is a member of a list that a ``party_list_intro`` cue opens after a
    participation cue of the event's clause: "took part, with officers from ten countries,
    among them X, Y and Z", "Participants include X and Y", "وشاركت في العملية أجهزة … في
    عشر دول، من بينها X وY", "بمشاركة وحدات من X وY". The participation cue's span, else None."""
    for i0, i1 in _find(ctx, "party_list_intro", ctx.start, a.start):
        walked = _list_members(ctx, a, i1)
        if walked is None or ctx.words(ctx.text[i1:walked[0]]) > INTRO_LIST_WORDS or not _same_clause(ctx, i1, a.start):
            continue
        for c0, c1 in cues:
            if c1 > i0 or not _same_clause(ctx, c0, i0):
                continue
            # the event's own name may stand between the cue and the list ("launched the X
            # exercise, with units from 33 countries including ...")
            gap_from = max(c1, ev.end) if not referenced and c1 <= ev.start and ev.end <= i0 else c1
            if _words_but_parties(ctx, gap_from, i0) > INTRO_CUE_WORDS and not _second_list(ctx, gap_from, i0) \
                    and not _joined_groups(ctx, gap_from, i0):
                continue
            if not referenced and not _same_clause(ctx, ev.start, c0):
                continue
            return c0, c1
    return None


def _joined_groups(ctx: SentenceContext, lo: int, i0: int) -> bool:
    """The list that a ``party_list_intro`` cue at ``i0`` opens is joined to the groups a
    participation cue ending at ``lo`` names first, a ``list_joiner`` right before the intro
    ("was attended by interior ministers and senior officials of member states, as well as
    representatives of A, B and C", "en présence des ministres ..., ainsi que des
    représentants de A et de B"): at most :data:`INTRO_JOINED_CUE_WORDS` words, in one
    clause, no complementizer between."""
    if ctx.words(ctx.text[lo:i0]) > INTRO_JOINED_CUE_WORDS or not _same_clause(ctx, lo, i0) \
            or _find(ctx, "complementizer", lo, i0):
        return False
    return any(not ctx.text[j1:i0].strip(" ,،") for _, j1 in _find(ctx, "list_joiner", lo, i0))


def _second_list(ctx: SentenceContext, lo: int, i0: int) -> bool:
    """The list that a ``party_list_intro`` cue at ``i0`` opens follows a first list of parties
    after ``lo`` (a participation cue's end), a ``list_joiner`` between them: "يشهد مشاركة
    عناصر من القوات الجوية لكل من X وY، إلى جانب مراقبين من Z وW", "brought together navies
    from X and Y, alongside observers from Z": the first list's near edge is within
    :data:`INTRO_CUE_WORDS` words of the cue, its members run up to the joiner."""
    members = [x for x in ctx.parties() if lo <= x.start and x.end <= i0]
    if not members:
        return False
    last = max(members, key=lambda x: x.end)
    walked = _list_members(ctx, last, lo)
    if walked is None or _words_but_parties(ctx, lo, walked[0]) > INTRO_CUE_WORDS:
        return False
    gap = ctx.text[last.end:i0]
    for j0, j1 in _find(ctx, "list_joiner", last.end, i0):
        gap = gap.replace(ctx.text[j0:j1], " ")
    return _joined(ctx, last.end, i0) and not gap.strip(" ,،")


def _roster(ctx: SentenceContext) -> tuple[list[Arg], tuple[int, int]] | None:
    """The parties a sentence lists as the participants of the event the text is about, and
    the span of the words that say so: a ``roster_heads`` word among its first
    :data:`ROSTER_HEAD_WORDS` words ("Participants were", "International partners include",
    "ومن بين الدول الإفريقية المشاركة:", "Les pays participants sont"), a ``roster_opener``
    after it, then a list of parties right after the opener, an article at most between
    (X, Y and Z; X، وY، وZ; not "partners ...: forces from X and Y have left")."""
    start = Arg("", "", "", ctx.start, ctx.start, "")
    heads = _find(ctx, "roster_heads", ctx.start, ctx.after(start, ROSTER_HEAD_WORDS)[1])
    if not heads:
        return None
    h1 = heads[0][1]
    for o0, o1 in _find(ctx, "roster_opener", h1, ctx.after(Arg("", "", "", h1, h1, ""), ROSTER_OPENER_WORDS)[1]):
        parties = sorted((a for a in ctx.parties() if a.start >= o1), key=lambda a: a.start)
        if not parties or not _separator(ctx, o1, parties[0].start) or not _same_clause(ctx, h1, parties[0].start):
            continue  # "وتضم قائمتهم كلا من X": the next opener
        members = [parties[0]]
        for x in parties[1:]:
            if not _separator(ctx, members[-1].end, x.start):
                break
            members.append(x)
        return members, (heads[0][0], o1)
    return None


def _possessors(ctx: SentenceContext, ev: Arg) -> list[Arg]:
    """The party whose event it is by a possessive right before its name ("the EU's Operation
    Sophia", "Iraq's invasion of Kuwait"); a person's is a visitor's (:func:`_visitor`)."""
    return [a for a in ctx.parties() if a.type != "Person" and a.end <= ev.start
            and ctx.text[a.end:ev.start].strip().lower() in rule_words().possessive]


def _subjects_before(ctx: SentenceContext, before: list[Arg], c0: int, max_words: int,
                     reported: bool = False) -> list[Arg] | None:
    """The party of ``before`` nearest to the cue at ``c0`` (at most ``max_words`` words before
    it, in its clause, with no event between; with ``reported``, no complementizer between
    either), then the parties listed right before it, nearest first; ``None`` when there is
    no such party."""
    if not before:
        return None
    last = max(before, key=lambda a: a.end)
    if ctx.words(ctx.text[last.end:c0]) > max_words or not _same_clause(ctx, last.end, c0) \
            or (reported and _find(ctx, "complementizer", last.end, c0)) \
            or any(x.type == "Event" and last.end <= x.start and x.end <= c0 for x in ctx.args):
        return None
    members = [last]
    for x in sorted((a for a in before if a is not last), key=lambda a: -a.start):
        if not _separator(ctx, x.end, members[-1].start):
            break
        members.append(x)
    return members


def _occasion_subjects(ctx: SentenceContext, ev: Arg) -> tuple[list[Arg], tuple[int, int]] | None:
    """The parties whose act the event ``ev`` is the occasion of, and the cue that says so:
    an ``event_occasion`` cue right before the event's name ("during the", "خلال أشغال",
    "lors du"), and before it in the clause the list of parties nearest to the cue, with no
    other party between ("Morocco and Spain signed 19 agreements during the 12th session",
    "وكانت تونس والجزائر قد وقعتا، في اختتام أشغال الدورة ...")."""
    for c0, c1 in _find(ctx, "event_occasion", ctx.start, ev.start):
        if ctx.words(ctx.text[c1:ev.start]) > OCCASION_CUE_WORDS or not _same_clause(ctx, c0, ev.start):
            continue
        members = _subjects_before(ctx, [a for a in ctx.parties() if a.end <= c0 and a.type != "Event"], c0,
                                   OCCASION_SUBJECT_WORDS)
        if members is None:
            return None
        # two parties or more joined by a conjunction, the two sides of what was done ("Europol,
        # the Hague": a comma alone makes no list; one party alone may act at an event it had no
        # part in: "Al-Qaeda ... during the attack")
        if len(members) < 2 or not any(_joined(ctx, a.end, b.start) for b, a in zip(members, members[1:])):
            return None
        return members, (c0, c1)
    return None


def _list_after(ctx: SentenceContext, first: Arg, types: frozenset[str]) -> list[Arg]:
    """``first`` and the parties of ``types`` listed right after it (X, Y and Z); a chain of
    commas with no conjunction is no list ("of the African Union, Niger said ...")."""
    members = [first]
    rest = sorted((a for a in ctx.args if a.start >= first.end and a.type in types and not a.demonym
                   and a.qualifier_of is None and not a.source), key=lambda a: a.start)
    for x in rest:
        if not _same_clause(ctx, members[-1].end, x.start) or not _separator(ctx, members[-1].end, x.start):
            break
        members.append(x)
    while len(members) > 1 and not _joined(ctx, members[-2].end, members[-1].start):
        members.pop()
    return members


def _owner_after(ctx: SentenceContext, name: Arg) -> Arg | None:
    """The party a genitive right after ``name`` names: an ``event_owner`` cue opens the gap
    to the first name after it, at most :data:`OWNER_WORDS` words with no punctuation but
    quotes, or in Arabic the genitive ل is glued to that name (للاتحاد الإفريقي)."""
    after = sorted((a for a in ctx.args if a.start >= name.end and not a.demonym), key=lambda a: a.start)
    if not after or after[0].type not in PARTY_TYPES or after[0].qualifier_of is not None or after[0].source:
        return None
    first = after[0]
    gap = ctx.text[name.end:first.start]
    if not _same_clause(ctx, name.end, first.start) or any(p in gap for p in _PUNCTUATION) \
            or ctx.words(gap) > OWNER_WORDS:
        return None
    quotes = "".join(_QUOTES)
    # the cue opens the gap: only quotes before it ("Sea Guardian" التابعة ل)
    opens = any(not ctx.text[name.end:c0].strip().strip(quotes).strip() for c0, _ in _find(ctx, "event_owner", name.end, first.start))
    glued = ctx.lang == "ar" and not gap.strip().strip(quotes).strip() and lam_genitive(first.text)
    return first if opens or glued else None


def _owners(ctx: SentenceContext, ev: Arg) -> list[Arg]:
    """The parties whose event ``ev`` is, or whom it is aimed at, by a genitive right after
    its name (:func:`_owner_after`): "the 28th summit of the African Union", "le premier sommet
    de l'Alliance des États du Sahel", "la réunion des chefs d'État de la CEDEAO", "عملية
    "حارس البحر" التابعة لحلف شمال الأطلسي", "the offensive against Boko Haram", "القمة
    العادية الثامنة والعشرين للاتحاد الإفريقي"; the parties listed with it too. Along a chain of
    genitives the last one owns the event: the assembly in "the 93rd session of the General
    Assembly of Interpol" is the event's own name, Interpol its party."""
    owner = _owner_after(ctx, ev)
    if owner is None:
        return []
    seen = {owner.start}
    while (further := _owner_after(ctx, owner)) is not None and further.start not in seen:
        owner = further
        seen.add(owner.start)
    following = ctx.text[owner.end:ctx.end].split()[:1]
    after = min((a for a in ctx.args if a.start >= owner.end), key=lambda a: a.start, default=None)
    if ctx.lang == "ar" and following and (lam_genitive(following[0]) or after is not None and not ctx.text[
            owner.end:after.start - 1].strip() and lam_glued_before(ctx.text, after.start)):
        # the name runs on past the owner ("المؤتمر الإقليمي الحادي والعشرين للإنتربول لمنطقة
        # الشرق الأوسط"): the owner is a word of a name the mention cut short
        return []
    return _list_after(ctx, owner, PARTY_TYPES)


def _hyphen_sides(ctx: SentenceContext, ev: Arg) -> list[Arg]:
    """The two sides a hyphenated pair of parties names next to the event's name: right
    before it ("the Israel-Hamas war") or after it, at most :data:`OWNER_WORDS` words and no
    punctuation between ("le sixième sommet UE-UA", "الدورة الثانية عشرة للاجتماع رفيع
    المستوى المغرب-إسبانيا"). A pair of demonyms is :func:`_qualifying_demonyms`'s."""
    names = sorted((a for a in ctx.args if a.type in PARTY_TYPES and not a.demonym and a.qualifier_of is None
                    and not a.source), key=lambda a: a.start)
    for x, y in zip(names, names[1:]):
        if ctx.text[x.end:y.start].strip() not in _HYPHENS:
            continue
        if y.end <= ev.start:
            gap = ctx.text[y.end:ev.start]
            if gap.strip() or not _same_clause(ctx, y.end, ev.start):
                continue
        elif x.start >= ev.end:
            gap = ctx.text[ev.end:x.start]
            if not _same_clause(ctx, ev.end, x.start) or any(p in gap for p in _PUNCTUATION) \
                    or ctx.words(gap) > OWNER_WORDS \
                    or any(a.type != "Event" and ev.end <= a.start and a.end <= x.start for a in ctx.args):
                continue
        else:
            continue
        return [x, y]
    return []


def _framework_subjects(ctx: SentenceContext, ev: Arg) -> tuple[list[Arg], tuple[int, int]] | None:
    """The parties whose act is done within the event ``ev``, and the cue that says so: an
    ``event_framework`` cue right before the event's name ("as part of", "في إطار", "dans le
    cadre de"), and before it in the clause the party nearest to the cue, with no event between
    and no reported clause after it, and the parties listed right before it ("Europol announced
    40 arrests as part of Operation X", "أعلنت يوروبول ... توقيف أربعة أشخاص في إطار عملية X").
    Unlike an occasion (:func:`_occasion_subjects`) one party is enough: what is done as
    part of an operation is the operation's work. The cue also opens a description that names
    the event (:func:`_naming_cues`: "في عملية دولية حملت اسم X"); with no party before the cue
    the parties are empty and the cue's span is still given (for :func:`_announcers`)."""
    for c0, c1 in _find(ctx, "event_framework", ctx.start, ev.start) + _naming_cues(ctx, ev):
        if ctx.words(ctx.text[c1:ev.start]) > FRAMEWORK_CUE_WORDS and not _named_description(ctx, c1, ev.start) \
                or not _same_clause(ctx, c0, ev.start):
            continue
        if any(a.start >= c1 and a.end <= ev.start and a.type != "Event" for a in ctx.args):
            continue  # "under the command of X, Operation Y": the cue governs another name
        members = _subjects_before(ctx, [a for a in ctx.parties() if a.end <= c0], c0, FRAMEWORK_SUBJECT_WORDS,
                                   reported=True)
        # no party right before the cue: the clause's announcer may still be (:func:`_announcers`)
        return members or [], (c0, c1)
    return None


def _announcers(ctx: SentenceContext, c0: int) -> list[Arg]:
    """Arabic: the subject of the verb of announcing that opens the clause of a framework cue
    at ``c0`` (VSO: "أعلنت وزارة العدل الأمريكية ومكتب التحقيقات الفيدرالي، الثلاثاء ...، تفكيك
    شبكة ... في عملية دولية حملت اسم"), the parties listed with it and those a ``coordination``
    cue right after them joins ("أعلنت X، بالتنسيق مع Y وZ، ..."). The clause opens at the
    sentence, a line or a dateline's dash; the subject follows the verb at once."""
    if ctx.lang != "ar":
        return []
    line = max(ctx.start, ctx.text.rfind("\n", ctx.start, c0) + 1)
    for v0, v1 in _find(ctx, "announcement", line, c0):
        opening = ctx.text[line:v0].strip()
        if opening and not opening.endswith(_HYPHENS + ("—",)) or ctx.words(opening) > ANNOUNCER_DATELINE_WORDS:
            continue
        after = sorted((a for a in ctx.args if v1 <= a.start < c0 and not a.demonym), key=lambda a: a.start)
        if not after or after[0].type not in PARTY_TYPES or ctx.text[v1:after[0].start].strip():
            return []
        members = _quoted_list(ctx, after[0])
        last = max(a.end for a in members)
        for k0, k1 in _find(ctx, "coordination", last, c0):
            if ctx.text[last:k0].strip(" ,،"):
                break
            partners = [a for a in ctx.args if a.start >= k1 and a.type in PARTY_TYPES and not a.demonym]
            if partners:
                first = min(partners, key=lambda a: a.start)
                if not ctx.text[k1:first.start].strip():
                    members += _quoted_list(ctx, first)
            break
        return members
    return []


def _quoted_list(ctx: SentenceContext, first: Arg) -> list[Arg]:
    """``first`` and the parties listed after it (:func:`_list_after`), each with the short name
    it may have in quotes right after it (وكالة الشرطة الأوروبية "يوروبول" ووكالة التعاون القضائي
    الأوروبية "يوروجست"): the quoted name is one more mention of the same party, no list break."""
    quotes = "".join(_QUOTES)
    out: list[Arg] = []
    head: Arg | None = first
    while head is not None and head not in out:
        members = _list_after(ctx, head, PARTY_TYPES)
        out += [a for a in members if a not in out]
        head = None
        short = _next_arg(ctx, members[-1].end)
        gap = ctx.text[members[-1].end:short.start] if short is not None else ""
        if short is None or short.type not in PARTY_TYPES or not gap.strip() or gap.strip(quotes + " "):
            break
        out.append(short)
        lo = short.end + len(ctx.text[short.end:]) - len(ctx.text[short.end:].lstrip(quotes))
        after = _next_arg(ctx, short.end)
        if after is not None and after.type in PARTY_TYPES and not after.demonym \
                and _separator(ctx, lo, after.start) and _joined(ctx, lo, after.start):
            head = after
    return out


def _next_arg(ctx: SentenceContext, at: int) -> Arg | None:
    return min((a for a in ctx.args if a.start >= at), key=lambda a: a.start, default=None)


def _naming_cues(ctx: SentenceContext, ev: Arg) -> list[tuple[int, int]]:
    """The occasion and locative cues right before a description that names ``ev``
    (:func:`_named_description`): "during a vast operation called X", "في عملية دولية حملت
    اسم X", "lors d'une opération baptisée X". Like a framework cue, what is done there is the
    named operation's work: the agent before the cue takes part in it."""
    lo = ctx.before(ev, NAMING_DESCRIPTION_WORDS + NAMING_CUE_WORDS)[0]
    cues = _find(ctx, "event_occasion", lo, ev.start) + ctx.cues("locative", lo, ev.start)
    return [c for c in cues if _named_description(ctx, c[1], ev.start)]


def _named_description(ctx: SentenceContext, lo: int, hi: int) -> bool:
    """``text[lo:hi]``, between a cue and an event's name, is the event's description and the
    words that name it (``event_naming``): "an international operation dubbed", "عملية دولية
    أطلق عليها اسم", "une vaste opération baptisée": an event's head noun (``reference_heads``)
    among its first :data:`NAMING_HEAD_WORDS` words, at most :data:`NAMING_DESCRIPTION_WORDS`
    words, no punctuation and no other name between (only quotes after the naming words)."""
    naming = _find(ctx, "event_naming", lo, hi)
    if not naming:
        return False
    n0, n1 = naming[-1]
    description = ctx.text[lo:n0]
    if ctx.text[n1:hi].strip("".join(_QUOTES) + " ") or any(p in description for p in _PUNCTUATION + ("\n",)) \
            or ctx.words(description) > NAMING_DESCRIPTION_WORDS or any(lo <= a.start and a.end <= hi for a in ctx.args):
        return False
    regex = event_cues().regex("reference_heads", ctx.lang)
    if regex is None:
        return False
    for word in description.split()[:NAMING_HEAD_WORDS]:
        word = normalize(word)
        if ctx.lang == "ar" and len(word) > HEAD_WORD_MIN_LETTERS:
            word = strip_definite(word)
        if regex.match(word):
            return True
    return False


def _denied(ctx: SentenceContext, a: Arg, cues: list[tuple[int, int]]) -> bool:
    """``a`` is followed by a relative clause whose main verb, after the clause's closing
    comma, is a negated participation cue: "Chad, which withdrew its troops from
    the joint force, did not join the operation"."""
    after = ctx.text[a.end:a.end + COMMA_CHARS].lstrip()
    if not after.startswith((",", "،")):
        return False
    opener = _find(ctx, "relative_opener", a.end, a.end + RELATIVE_OPENER_CHARS)
    if not opener:
        return False
    close = min((i for i in (ctx.text.find(",", opener[0][1], ctx.end), ctx.text.find("،", opener[0][1], ctx.end)) if i >= 0),
                default=-1)
    main = [c for c in cues if close >= 0 and c[0] > close and _same_clause(ctx, a.end, c[0])]
    return bool(main) and assess(ctx.text, close + 1, main[0][1], ctx.lang).negated


def _hosts(ctx: SentenceContext, a: Arg, ev: Arg, referenced: bool) -> bool:
    """``a`` (a city or a site) hosts the event: a host cue of ``event_host`` links them
    (الذي تستضيفه قاعدة X, المحادثات التي احتضنتها مسقط, hosted by Geneva)."""
    return any(_linked(ctx, a, c, None if referenced else ev) for c in _find(ctx, "event_host"))


def _qualifying_demonyms(ctx: SentenceContext, ev: Arg) -> list[Arg]:
    """The demonyms that qualify the event's name, the states taking part in it: inside
    the name, or a run of demonyms right before or after it with at most
    :data:`MAX_QUALIFIER_WORDS` words and no punctuation or other name in between
    (التدريب التونسي الجزائري المشترك "درع الصحراء", the 7th session of the Mauritanian-Malian
    committee, l'exercice franco-marocain)."""
    out: list[Arg] = []
    for d in ctx.args:
        if not d.demonym or d.qualifier_of is not None:
            continue
        if ev.start <= d.start and d.end <= ev.end:
            if ctx.lang != "ar" or agrees_in_gender(normalize(ev.text), normalize(d.text)):  # زيارة وزير الداخلية الإسباني: the minister's
                out.append(d)
            continue
        lo, hi = (d.end, ev.start) if d.end <= ev.start else (ev.end, d.start)
        if lo > hi or not _same_clause(ctx, lo, hi):
            continue
        gap = ctx.text[lo:hi]
        if any(x is not d and x is not ev and lo <= x.start and x.end <= hi and not x.demonym for x in ctx.args):
            continue
        for x in ctx.args:  # the other demonyms of the run are no words of the gap
            if x.demonym and lo <= x.start and x.end <= hi:
                gap = gap.replace(x.text, " ")
        for h in _HYPHENS:  # nor is the hyphen of a pair (للجنة الحدودية الجزائرية-النيجرية)
            gap = gap.replace(h, " ")
        # after the name, a pair may qualify the body of a longer genitive ("الدورة الأولى للجنة
        # الثنائية لتنمية المناطق الحدودية التونسية الجزائرية"); a lone demonym there is dropped below
        limit = PAIR_QUALIFIER_WORDS if d.start >= ev.end and _opens_genitive(ctx, lo, hi) else MAX_QUALIFIER_WORDS
        if not any(p in gap for p in _PUNCTUATION) and ctx.words(gap) <= limit:
            out.append(d)
    # one demonym qualifies the event only right next to it; further away it takes a pair
    # (الجزائرية النيجرية, Egyptian-Sudanese): "بالوساطة العمانية" is no qualifier of the summit
    return [d for d in out if ev.start <= d.start and d.end <= ev.end
            or ctx.words(ctx.text[min(d.end, ev.end):max(d.start, ev.start)]) <= LONE_DEMONYM_WORDS
            or any(_paired(ctx, d, x) for x in out if x is not d)]


def _opens_genitive(ctx: SentenceContext, lo: int, hi: int) -> bool:
    """``text[lo:hi]`` opens with a genitive: an ``event_owner`` cue ("of the", "de la") or, in
    Arabic, the ل glued to its first word (للجنة)."""
    words = ctx.text[lo:hi].split()
    if not words:
        return False
    if ctx.lang == "ar":
        return bool(lam_genitive(words[0]))
    return any(not ctx.text[lo:c0].strip() for c0, _ in _find(ctx, "event_owner", lo, hi))


def _paired(ctx: SentenceContext, a: Arg, b: Arg) -> bool:
    """``a`` and ``b`` are two demonyms side by side (المصري السوداني, franco-marocain)."""
    lo, hi = (a.end, b.start) if a.end <= b.start else (b.end, a.start)
    words = rule_words()
    return lo <= hi and ctx.text[lo:hi].strip("".join(words.demonym_pair_marks)).lower() in words.demonym_pair_joiners | {""}


def _qualifies_another(ctx: SentenceContext, a: Arg) -> bool:
    """le JNIM, affilié à Al-Qaïda: Al-Qaïda names who the JNIM is, not a participant."""
    lo, _ = ctx.before(a, AFFILIATION_WORDS)
    return bool(_find(ctx, "affiliation", lo, a.start))


# What _refers_back answered for the sentences of the text read last, by (start, end, lang):
# recent_events_of asks it of each sentence again for each of the sentences that follow.
_referring: tuple[str, dict[tuple[int, int, str], bool]] = ("", {})


def _refers_back(ctx: SentenceContext) -> bool:
    """The sentence refers back to an event already named: "the exercise", "العملية", a
    sentence that opens with "it", a list of its participants."""
    global _referring
    text, answers = _referring
    if text is not ctx.text:
        answers = {}
        _referring = (ctx.text, answers)
    key = (ctx.start, ctx.end, ctx.lang)
    answer = answers.get(key)
    if answer is None:
        answer = answers[key] = _refers_back_scan(ctx)
    return answer


def _refers_back_scan(ctx: SentenceContext) -> bool:
    opening = ctx.text[ctx.start:ctx.after(Arg("", "", "", ctx.start, ctx.start, ""), OPENING_WORDS)[1]]
    return bool(ctx.cues("event_reference") or _find(ctx, "event_reference_more") or _find(ctx, "participant_list_heads")
                or _find(ctx, "participation_reference")
                or load_cues().find("event_pronoun", ctx.lang, opening))


def latest_event_of(previous: list[SentenceContext]) -> Arg:
    """The event the text was last about: the first event of the last sentence that names
    one (its name comes before the descriptions that follow it: "مناورات X، التي تعد أكبر
    تمرين سنوي ..."). ``previous`` names one."""
    named = [evs[0] for c in reversed(previous) if (evs := [a for a in c.args if a.type == "Event" and not a.demonym])]
    return named[0] if named else next(a for c in reversed(previous) for a in c.args if a.type == "Event")


def recent_events_of(previous: list[SentenceContext]) -> list[Arg]:
    """The events of the sentences before that the sentence may refer back to, in text
    order: those of the last :data:`EVENT_MEMORY` sentences, and further back those within
    :data:`EVENT_MEMORY` sentences of a sentence that referred back to an event."""
    out: list[Arg] = []
    reach = EVENT_MEMORY  # how far back, in sentences, the chain of references still reaches
    for back, c in enumerate(reversed(previous), start=1):
        if back > reach:
            break
        out = [a for a in c.args if a.type == "Event"] + out
        if _refers_back(c):
            reach = max(reach, back + EVENT_MEMORY)
    return out


@relation_rule(name="events", produces=("involvedIn", "occurredIn", "occurredOn"), memory=EVENT_CHAIN_MEMORY,
               rule_ids=("rule:event-date-in-name", "rule:event-date", "rule:event-date-clause", "rule:event-demonym",
                         "rule:event-place", "rule:event-host-place", "rule:event-participant", "rule:event-partner",
                         "rule:event-party-list", "rule:event-roster", "rule:event-occasion",
                         "rule:event-possessor", "rule:event-owner", "rule:event-framework", "rule:event-announcer",
                         "rule:event-sides"))
def events(ctx: SentenceContext, previous: list[SentenceContext] | None = None) -> list[Candidate]:
    """Participants, place and date of the sentence's events, or of the event of the
    ``previous`` sentences it refers back to (:func:`recent_events_of`)."""
    recent_events = recent_events_of(previous or [])
    named = [a for a in ctx.args if a.type == "Event" and not a.demonym]
    evs = named
    referenced = participation_only = False
    if not evs and recent_events:
        opening = ctx.text[ctx.start:ctx.after(Arg("", "", "", ctx.start, ctx.start, ""), OPENING_WORDS)[1]]
        refs = ctx.cues("event_reference")
        more = _find(ctx, "event_reference_more")
        if refs or more:
            evs, referenced = _referent(ctx, refs, recent_events) if refs else _referent(ctx, more, recent_events, strict=True), True
        elif load_cues().find("event_pronoun", ctx.lang, opening) or _find(ctx, "event_part_reference"):
            # "it", or a part of the event just named: "the opening session", "الجلسة الافتتاحية"
            evs, referenced = recent_events[-1:], True
        elif ctx.cues("participation") and _find(ctx, "participation_reference"):
            # "وشارك في هذه الدورة X وY", "The session was attended by X": the session or forum
            # the text has named, its participants only (none when the latest events are no
            # session: "Operation X ... The session was attended by Y")
            evs, referenced, participation_only = _session_referent(ctx, recent_events), True, True
        elif ctx.cues("participation") or _find(ctx, "participant_list_heads") or _find(ctx, "contribution"):
            # "Frontex and Interpol also took part", "وشاركت في التحقيق الشرطة …": a clear
            # participation verb continues about the event the text has just named (so does
            # a list of its parties: "Participants include X and Y").
            evs, referenced, participation_only = recent_events[-1:], True, True
    out: list[Candidate] = []
    roster = _roster(ctx) if not named and recent_events else None
    if roster is not None:  # "Participants were X, Y and Z": the event the text is about
        members, said = roster
        for a in members:
            cand = candidate(a, "involvedIn", latest_event_of(previous or []), "rule:event-roster", ROSTER, said)
            cand.start, cand.end = covering(a, said)
            out.append(cand)
    if named:
        out += _later_line(ctx, named, previous or [])
    if not evs:  # most sentences: spare the dates, cues and places below
        return out
    dates = _event_dates(ctx)
    cues = sorted(_find(ctx, "event_participation") + _find(ctx, "contribution") + _find(ctx, "speech"))
    located_at = _located(ctx)
    for ev in evs:
        # occurredOn: a date in the event's name, else the nearest date of the event's clause.
        if not referenced:
            inside = [d for d in dates if ev.start <= ctx.start + d.start and ctx.start + d.end <= ev.end]
            near = sorted((d for d in dates if _same_clause(ctx, ev.start, ctx.start + d.start)),
                          key=lambda d: min(abs(ctx.start + d.start - ev.end), abs(ev.start - ctx.start - d.end)))
            if inside:
                out.append(candidate(ev, "occurredOn", inside[0].value, "rule:event-date-in-name", DATE_IN_NAME))
            elif near and ctx.words(ctx.text[min(ev.end, ctx.start + near[0].start):max(ev.start, ctx.start + near[0].end)]) <= DATE_WORDS:
                d = near[0]
                out.append(candidate(ev, "occurredOn", d.value, "rule:event-date", DATE, (ctx.start + d.start, ctx.start + d.end)))
            elif len(near) == 1 and len(named) == 1 and len(near[0].value or "") == len("YYYY-MM-DD"):
                # the one day the clause of the sentence's one event gives, further away: "استقبل X،
                # يوم الاثنين 3 يونيو 2024 بمقر ...، Y، الذي يقوم بزيارة عمل"
                d = near[0]
                out.append(candidate(ev, "occurredOn", d.value, "rule:event-date-clause", DATE_CLAUSE,
                                     (ctx.start + d.start, ctx.start + d.end)))
        if not referenced:
            out.extend(candidate(d, "involvedIn", ev, "rule:event-demonym", DEMONYM) for d in _qualifying_demonyms(ctx, ev))
            # not a visit: its visitor and its host are read from their verbs (visits)
            occasion = None if _find(ctx, "visit_heads", ev.start, ev.end) else _occasion_subjects(ctx, ev)
            out.extend(candidate(a, "involvedIn", ev, "rule:event-possessor", POSSESSOR) for a in _possessors(ctx, ev))
            if occasion is not None:
                out.extend(candidate(a, "involvedIn", ev, "rule:event-occasion", OCCASION, occasion[1]) for a in occasion[0])
            if not _find(ctx, "visit_heads", ev.start, ev.end):
                out.extend(candidate(a, "involvedIn", ev, "rule:event-owner", OWNER) for a in _owners(ctx, ev))
                out.extend(candidate(a, "involvedIn", ev, "rule:event-sides", SIDES) for a in _hyphen_sides(ctx, ev))
                framework = _framework_subjects(ctx, ev)
                if framework is not None:
                    out.extend(candidate(a, "involvedIn", ev, "rule:event-framework", FRAMEWORK, framework[1])
                               for a in framework[0])
                    out.extend(candidate(a, "involvedIn", ev, "rule:event-announcer", ANNOUNCER)
                               for a in _announcers(ctx, framework[1][0]) if a not in framework[0])
        # a signing's parties are states: a country is its party, never its place (the city or
        # the site is: "signed in Nouakchott by Algeria and Mauritania")
        signing = any(h0 <= ev.start + SIGNING_HEAD_CHARS for h0, _ in _find(ctx, "signing_heads", ev.start, ev.end))
        for a in ctx.args:
            if a is ev or a.demonym or a.source or a.type == "Event":
                continue
            if not referenced and not _same_clause(ctx, a.start, ev.start):
                continue
            placeable = not (signing and a.type == "Country")
            located = a.start in located_at and a.type in PLACE_TYPES and placeable
            if located and (_in_title(ctx, a) or not (_referred_site(ctx, a) if referenced else _site_of(ctx, ev, a, located_at))):
                continue
            if located and participation_only:
                continue
            if located and (referenced or a.start >= ev.end or ctx.words(ctx.gap(a, ev)) <= PLACE_WORDS):
                if not referenced and _nearest(a, named) is not ev:
                    continue  # the place of the other event of the sentence
                conf = PLACE if referenced else (PLACE_AFTER if a.start >= ev.end and ctx.words(ctx.gap(ev, a)) <= PLACE_AFTER_WORDS else PLACE)
                out.append(candidate(ev, "occurredIn", a, "rule:event-place", conf))
            elif a.type in HOST_PLACE_TYPES and not participation_only and placeable and _hosts(ctx, a, ev, referenced):
                out.append(candidate(ev, "occurredIn", a, "rule:event-host-place", HOST_PLACE))
            elif a.type in PARTY_TYPES | {"Person"} and a.qualifier_of is None and _qualifies_another(ctx, a) is False \
                    and (referenced or _nearest(a, evs) is ev):
                if _denied(ctx, a, cues):
                    continue
                linked = [c for c in cues if _linked(ctx, a, c, None if referenced else ev)]
                # the cue farthest along the party's clause carries its modality ("X, which
                # suspended its participation, did not take part")
                link = (linked[-1] if a.end <= linked[-1][0] else linked[0]) if linked else None
                if link is not None:
                    cand = candidate(a, "involvedIn", ev, "rule:event-participant", PARTICIPANT_REFERENCED if referenced else PARTICIPANT, link)
                    if referenced:  # the statement is this sentence's, not the one naming the event
                        cand.start, cand.end = covering(a, link)
                    out.append(cand)
                elif not referenced and _partner(ctx, a, ev):
                    out.append(candidate(a, "involvedIn", ev, "rule:event-partner", PARTNER))
                elif (intro := _introduced(ctx, a, cues, ev, referenced)) is not None:
                    cand = candidate(a, "involvedIn", ev, "rule:event-party-list", PARTY_LIST, intro)
                    if referenced:
                        cand.start, cand.end = covering(a, intro)
                    out.append(cand)
    return out


def _later_line(ctx: SentenceContext, named: list[Arg], previous: list[SentenceContext]) -> list[Candidate]:
    """A sentence the splitter ran over a line break, its events all named before it: the
    line after is read as a sentence of its own that may refer back to them, as the next
    sentence would ('"... I am announcing Operation X."' / 'A, B and C have signed up, he
    said.'). The lines before are the sentence it follows."""
    nl = ctx.text.rfind("\n", max(a.end for a in named), ctx.end)
    if nl < 0:
        return []
    tail_args = [a for a in ctx.args if a.start > nl]
    if not tail_args or any(a.type == "Event" for a in tail_args):
        return []
    head = replace(ctx, end=nl, args=[a for a in ctx.args if a.end <= nl])
    tail = replace(ctx, start=nl + 1, args=tail_args)
    return events(tail, previous + [head])


def _event_dates(ctx: SentenceContext) -> list[DateMention]:
    """The sentence's dates, and with a reference date its relative ones (أكتوبر الماضي, last
    October: the month of the year before the publication), in text order."""
    dates = find_dates(ctx.sentence, ctx.lang, ctx.reference)
    if ctx.reference:
        taken = [(d.start, d.end) for d in dates]
        dates += [DateMention(d.start, d.end, d.value) for d in document_dates(ctx.sentence, ctx.lang, ctx.reference)[0]
                  if d.relative and d.value and not d.unresolved and not d.invalid
                  and not any(s < d.end and d.start < e for s, e in taken)]
    return sorted(dates, key=lambda d: d.start)


def _referent(ctx: SentenceContext, refs: list[tuple[int, int]], recent: list[Arg], strict: bool = False) -> list[Arg]:
    """The event a back-reference ("the operation", العملية) points to: the latest one whose
    name holds the same head word, or no head word at all (Sirocco II); "the operation" does
    not refer back to "the attack on X". ``strict`` (the cues of ``event_reference_more``):
    only an event whose name holds the same head."""
    regex = event_cues().regex("reference_heads", ctx.lang)
    if regex is None:
        return [] if strict else recent[-1:]
    said = {m.group(0) for r0, r1 in refs for m in regex.finditer(_heads_text(ctx.text[r0:r1], ctx.lang))}
    for ev in reversed(recent):
        heads = {m.group(0) for m in regex.finditer(_heads_text(ev.text, ctx.lang))}
        if heads & said or not strict and (not heads or not said):
            return [ev]
    return []


def _session_referent(ctx: SentenceContext, recent: list[Arg]) -> list[Arg]:
    """The session or forum a ``participation_reference`` of the sentence refers back to: the
    latest of ``recent`` whose name holds the same head ("هذه الدورة" to "الدورة الخامسة
    للجنة المشتركة") or no head at all (the Interpol General Assembly); none when the
    latest events are of other kinds (an operation, an attack)."""
    return _referent(ctx, _find(ctx, "participation_reference"), recent)


def _heads_text(text: str, lang: str) -> str:
    """``text`` normalized, the Arabic article taken off its words (التدريب → تدريب) so that
    the head words of ``reference_heads`` match at a word's start."""
    norm = normalize(text)
    if lang != "ar":
        return norm
    return " ".join(strip_definite(w) if len(w) > HEAD_WORD_MIN_LETTERS else w for w in norm.split())


def _nearest(a: Arg, evs: list[Arg]) -> Arg | None:
    """The event of the sentence nearest to ``a``: with two events in a sentence ("the
    meeting came three weeks after the attack claimed by X"), a party belongs to one."""
    return min(evs, key=lambda e: e.start - a.end if a.end <= e.start else a.start - e.end, default=None)


@relation_rule(name="event_place_in_name", produces=("occurredIn",), scope="document",
               rule_ids=("rule:event-place-in-name",))
def event_place_in_name(dctx: DocumentContext) -> list[Relation]:
    """Relations an event's own name states: the place named in it (قمة نواكشوط, réunion de
    Lomé, the Nairobi attack) when the document also names that place on its own."""
    places: dict[str, Mention] = {}
    for m in dctx.mentions:
        if m.type in PLACE_TYPES:
            places.setdefault(mention_key(m), m)
    out = []
    for ev in (m for m in dctx.mentions if m.type == "Event"):
        # a place inside a body's or a person's name within the event (the visit of the chief
        # of the Royal Saudi Naval Forces) is not where the event took place
        names = [m for m in dctx.mentions if m.type not in PLACE_TYPES and m.type != "Event"
                 and ev.start <= m.start and m.end <= ev.end]
        for span in dctx.doc.spans.get("lexicon", []):
            if span.label_ not in PLACE_TYPES or not (ev.start <= span.start_char and span.end_char <= ev.end):
                continue
            if any(m.start <= span.start_char and span.end_char <= m.end for m in names):
                continue
            place = places.get(span.kb_id_) if span.kb_id_ else None
            if place is None or place.start < ev.end and place.end > ev.start:
                continue
            out.append(Relation(head=ev.id, type="occurredIn", tail=place.id, confidence=PLACE_IN_NAME,
                                extractor="rule:event-place-in-name", evidence=[dctx.evidence_at(ev)]))
    return out


@relation_rule(name="event_apposed_place", produces=("occurredIn",), scope="document",
               rule_ids=("rule:event-place-apposition",))
def event_apposed_place(dctx: DocumentContext) -> list[Relation]:
    """"… taking place at X Base, Egypt": an event in a place that the same sentence puts
    in a wider one by apposition (``rule:place-comma``) also took place in the wider one."""
    within = [r for r in dctx.relations if r.type == "locatedIn" and r.extractor == "rule:place-comma"]
    out = []
    for r in dctx.relations:
        if r.type != "occurredIn":
            continue
        for w in within:
            if w.head == r.tail and any(e in r.evidence for e in w.evidence):
                out.append(Relation(head=r.head, type="occurredIn", tail=w.tail,
                                    confidence=round(min(r.confidence, w.confidence) * APPOSED_PLACE_FACTOR, 3),
                                    extractor="rule:event-place-apposition", evidence=list(w.evidence),
                                    negated=r.negated, hedged=r.hedged))
    return out


# After a city that opens a line: an outlet in parentheses, then a dash ("Tunis (TAP) -", "مراكش -").
_AFTER_DATELINE_CITY = re.compile(r"(?:\s*\([^()\n]{2,30}\))?" + DASH)


def dateline_place(dctx: DocumentContext, types: frozenset[str] = HOST_PLACE_TYPES) -> tuple[Mention, int] | None:
    """The city or place (a mention of one of ``types``) of the document's dateline and
    where the text after the dateline starts: the dateline :func:`read_dateline` reads, else
    a city that opens one of the first lines, followed by a dash ("مراكش - انطلقت ...",
    whose text goes on in the line)."""
    text = dctx.document.text
    dateline = read_dateline(text, dctx.document.lang or "")
    places = [m for m in dctx.mentions if m.type in types]
    if dateline is not None and dateline.place:
        place = next((m for m in places if dateline.start <= m.start and m.end <= dateline.end), None)
        return (place, dateline.end) if place is not None else None
    for m in places:
        if text.count("\n", 0, m.start) >= DATELINE_LINES:
            break
        if text[text.rfind("\n", 0, m.start) + 1:m.start].strip():
            continue  # not the first word of its line
        after = _AFTER_DATELINE_CITY.match(text, m.end)
        if after is not None:
            return m, after.end()
    return None


@relation_rule(name="event_dateline_place", produces=("occurredIn",), scope="document",
               rule_ids=("rule:event-dateline-place",))
def event_dateline_place(dctx: DocumentContext) -> list[Relation]:
    """"AGADIR - The 20th edition of the exercise opened on Monday ...", "تونس - تنطلق غدا
    أشغال الدورة ...": an event that the dateline's sentence says opens, is held or closes
    (an ``event_opening`` cue) took place in the dateline's city, when no rule has given it
    a place. Not a visit (a visit goes from where the text is written to its host)."""
    lang = dctx.document.lang or ""
    found = dateline_place(dctx)
    if found is None:
        return []
    place, start = found
    lead = next((c for c in dctx.contexts if c.start <= start < c.end), None)
    if lead is None:
        return []
    # the lead sentence's own clause: from the dateline's end to the sentence's first line break
    end = dctx.document.text.find("\n", start, lead.end)
    end = lead.end if end < 0 else end
    opening = _find(lead, "event_opening", start, end)
    if not opening:
        return []
    # a place that a negated statement gives ("X did not take part in the meeting, ... in Yemen") is none
    placed = {r.head for r in dctx.relations if r.type == "occurredIn" and not r.negated}
    out = []
    for ev in dctx.mentions:
        if ev.type != "Event" or not (start <= ev.start and ev.end <= end) or ev.id in placed:
            continue
        if event_cues().find("visit_heads", lang, ev.text):
            continue
        # the cue is the event's own: before it ("opened Cutlass Express", "انطلقت أشغال الدورة")
        # or right after it ("the 12th session opened"), not a verb of another clause
        if not any(c1 <= ev.start and lead.words(dctx.document.text[c1:ev.start]) <= DATELINE_CUE_BEFORE_WORDS
                   or ev.end <= c0 and lead.words(dctx.document.text[ev.end:c0]) <= DATELINE_CUE_AFTER_WORDS
                   for c0, c1 in opening):
            continue
        out.append(Relation(head=ev.id, type="occurredIn", tail=place.id, confidence=DATELINE_PLACE,
                            extractor="rule:event-dateline-place", evidence=[dctx.evidence_at(ev)]))
    return out


@relation_rule(name="event_host_country", produces=("involvedIn",), scope="document",
               rule_ids=("rule:event-host-country",))
def event_host_country(dctx: DocumentContext) -> list[Relation]:
    """The state an operation, exercise or attack takes place in is a party to it (it hosts
    it, takes part through its services, or is its target): ``occurredIn`` a Country gives
    that country ``involvedIn`` the event, a little less sure than the place itself; not a
    visit's (its host receives it, its visitor is the party)."""
    by_id = {m.id: m for m in dctx.mentions}
    lang = dctx.document.lang or ""
    out = []
    for r in dctx.relations:
        tail = by_id.get(r.tail)
        event = by_id.get(r.head)
        if event is not None and event_cues().find("visit_heads", lang, event.text):
            continue  # the country a visit goes to receives it: no party to it (the visitor is)
        if r.type == "occurredIn" and tail is not None and tail.type == "Country":
            out.append(Relation(head=r.tail, type="involvedIn", tail=r.head, confidence=round(r.confidence * HOST_COUNTRY_FACTOR, 3),
                                extractor="rule:event-host-country", evidence=list(r.evidence),
                                negated=r.negated, hedged=r.hedged))
    return out


def _visitor(ctx: SentenceContext, ev: Arg) -> Arg | None:
    """The person whose visit ``ev`` is: right after it behind a ``visit_visitor`` cue (la
    visite d'État du président X, زيارة العمل التي قام بها الوزير X; a body of the title may
    stand between; a demonym of a title, الرئيس الفرنسي, stands for its country), or in
    English right before it with 's."""
    for a in ctx.args:
        if a.type == "Person" and a.end <= ev.start and ctx.text[a.end:ev.start].strip().lower() in rule_words().possessive:
            return a
    after = sorted((a for a in ctx.args if a.start >= ev.end and a.type != "Event" and not a.source), key=lambda a: a.start)
    for a in after:
        if not _same_clause(ctx, ev.end, a.start) or ctx.words(ctx.text[ev.end:a.start]) > VISITOR_WORDS:
            return None
        if a.type in PLACE_TYPES and not a.demonym:
            return None  # the destination comes first: "visit to Morocco of ..." is no visitor's
        if a.type == "Person" or a.demonym and a.type == "Country":
            return a if _find(ctx, "visit_visitor", ev.end, a.start) else None
        # a body in the visitor's title passes: "du président du gouvernement espagnol X"
    return None


def _persons(ctx: SentenceContext, lo: int, hi: int) -> list[Arg]:
    return sorted((a for a in ctx.args if a.type == "Person" and not a.source and lo <= a.start and a.end <= hi),
                  key=lambda a: a.start)


def _visit_subjects(ctx: SentenceContext, ev: Arg) -> list[Arg]:
    """Who makes the visit and who receives it, said by a verb: the subject of a
    ``visit_verb`` that governs the visit ("X, who is on a working visit", "X a effectué une
    visite", "الذي يقوم بزيارة", VSO "اختتم X زيارة"; titles may stand between, no other
    person), and the person a ``visit_host`` verb names right after it ("استقبل X … Y الذي
    يقوم بزيارة", "was received by X, at the end of an official visit")."""
    out: list[Arg] = []
    for c0, c1 in _find(ctx, "visit_verb", ctx.start, ev.start):
        if not _same_clause(ctx, c0, ev.start) or ctx.words(ctx.text[c1:ev.start]) > VISIT_VERB_WORDS:
            continue
        between = _persons(ctx, c1, ev.start)  # VSO: the verb, its subject, the visit
        before = _persons(ctx, ctx.start, c0)
        if between:
            out.append(between[0])
        elif before and _same_clause(ctx, before[-1].end, c0) and ctx.words(ctx.text[before[-1].end:c0]) <= VISIT_SUBJECT_WORDS:
            out.append(before[-1])
    for h0, h1 in _find(ctx, "visit_host"):
        after = _persons(ctx, h1, ctx.end)
        if after and _same_clause(ctx, h0, ev.start) and _same_clause(ctx, h1, after[0].start) \
                and ctx.words(ctx.text[h1:after[0].start]) <= VISIT_SUBJECT_WORDS:
            out.append(after[0])
    return list({a.start: a for a in out}.values())


def _destination(ctx: SentenceContext, ev: Arg) -> Arg | None:
    """The place a visit goes to: the first city, country or place after a
    ``visit_destination`` cue past the visit (and its visitor), in the visit's clause."""
    for a in sorted((a for a in ctx.args if a.start >= ev.end), key=lambda a: a.start):
        if a.type == "Event" or not _same_clause(ctx, ev.end, a.start) or ctx.words(ctx.text[ev.end:a.start]) > VISIT_PLACE_WORDS:
            return None
        if a.type in PLACE_TYPES and not a.demonym:
            lo, _ = ctx.before(a, DESTINATION_WORDS + 1)
            return a if _find(ctx, "visit_destination", lo, a.start) else None
    return None


def _met_during(ctx: SentenceContext, ev: Arg) -> list[Arg]:
    """The persons the visitor met during the visit ``ev``: the list of persons right after a
    ``visit_met`` cue past the visit in its clause, their titles stepped over ("التقى خلالها
    بيرتون، والمدير العام للأمن الخارجي X", "during which he met X and Y")."""
    out: list[Arg] = []
    for c0, c1 in _find(ctx, "visit_met", ev.end, ctx.end):
        if not _same_clause(ctx, ev.end, c0):
            continue
        for p in _persons(ctx, c1, ctx.end):
            walked = _list_members(ctx, p, c1)
            if walked is not None and _same_clause(ctx, c1, p.start) and ctx.words(ctx.text[c1:walked[0]]) <= 1:
                out.append(p)
        break
    return out


@relation_rule(name="visits", produces=("involvedIn", "occurredIn"),
               rule_ids=("rule:visit-visitor", "rule:visit-subject", "rule:visit-place", "rule:visit-met"))
def visits(ctx: SentenceContext) -> list[Candidate]:
    """A visit's frame: its visitor (``involvedIn``) and the place it goes to
    (``occurredIn``): "President Emmanuel Macron's state visit to Morocco", "la visite
    d'État du président Emmanuel Macron au Maroc", "زيارة العمل التي قام بها الوزير X إلى
    موريتانيا" (a place inside the visit's own name, "state visit to Morocco", is
    :func:`event_place_in_name`'s)."""
    out: list[Candidate] = []
    for ev in (a for a in ctx.args if a.type == "Event" and not a.demonym):
        if not _find(ctx, "visit_heads", ev.start, ev.end):
            continue
        visitor = _visitor(ctx, ev)
        if visitor is not None:
            out.append(candidate(visitor, "involvedIn", ev, "rule:visit-visitor", VISITOR))
        out.extend(candidate(a, "involvedIn", ev, "rule:visit-subject", VISIT_SUBJECT)
                   for a in _visit_subjects(ctx, ev) if a is not visitor)
        out.extend(candidate(a, "involvedIn", ev, "rule:visit-met", VISIT_MET)
                   for a in _met_during(ctx, ev) if a is not visitor)
        place = _destination(ctx, ev)
        if place is not None:
            out.append(candidate(ev, "occurredIn", place, "rule:visit-place", VISIT_PLACE))
    return out


@relation_rule(name="event_hosts", produces=("occurredIn",), rule_ids=("rule:event-hosted-in",))
def event_hosts(ctx: SentenceContext) -> list[Candidate]:
    """The state, city or site that hosts an event the sentence names is where it took
    place: "تحتضن تايلاند ... مناورات كوبرا غولد 2023", "Addis-Abeba
    accueille le 37e sommet de l'Union africaine", "Thailand hosts Cobra Gold" (an ``event_hosting``
    cue links the place to the event as :func:`events` links a party to its cue; the
    state stays a party too). Not a visit: its host receives the visitor (:func:`visits`
    gives where it goes)."""
    named = [a for a in ctx.args if a.type == "Event" and not a.demonym]
    # not "co-hosted by X and Y": a co-host may be a partner from abroad
    cues = [c for c in _find(ctx, "event_hosting") if ctx.text[c[0] - 1:c[0]] != "-"] if named else []
    out: list[Candidate] = []
    for ev in named if cues else []:
        if _find(ctx, "visit_heads", ev.start, ev.end):
            continue
        for a in ctx.args:
            if a.type not in PLACE_TYPES or a.demonym or a.source or _nearest(a, named) is not ev:
                continue
            if any(_linked(ctx, a, c, ev) for c in cues):
                out.append(candidate(ev, "occurredIn", a, "rule:event-hosted-in", HOSTED_IN))
    return out


# What ends a list of persons and their titles: another clause or a quotation.
_LIST_BREAKS = (";", "؛", ":", "\n") + _QUOTES


def _titled_next(ctx: SentenceContext, p: Arg, q: Arg) -> bool:
    """``q`` is the next member of the list of persons ``p`` belongs to, each with a title:
    after ``p`` at most its title in apposition (", رئيس المرحلة الانتقالية في بوركينا فاسو"),
    then a comma, a conjunction and ``q``'s title, a ``list_title`` or ``list_rank`` word
    opening it ("، ووزير الشؤون الخارجية ناصر بوريطة", "، واللواء X", ", et par le chef de
    l'État sénégalais, Macky Sall", ", and Interpol Secretary General X"). No other person,
    event, quotation or clause between them."""
    gap = ctx.text[p.end:q.start]
    if any(b in gap for b in _LIST_BREAKS):
        return False
    if any(x.type in ("Person", "Event") and p.end <= x.start and x.end <= q.start for x in ctx.args):
        return False
    commas = [i for i, ch in enumerate(gap) if ch in (",", "،")]
    for i in reversed(commas):
        head, tail = gap[:i], gap[i + 1:]
        if not tail.split():
            continue  # the comma right before the name ("le chef de l'État sénégalais, Macky Sall")
        if head.strip() and (ctx.words(head) > TITLED_APPOSITION_WORDS or head.lstrip()[0] not in (",", "،")
                             and not _opens_title(ctx, p.end, p.end + i)):
            return False  # p's title in apposition: after a comma or opening with a title word
        if head.strip() and (_find(ctx, "relative_opener", p.end, p.end + i) or _find(ctx, "complementizer", p.end, p.end + i)):
            return False  # "X, who said that ...": a clause of its own
        t0 = p.end + i + 1
        inner = tail.rstrip().rstrip(",،")
        if "," in inner or "،" in inner or ctx.words(tail) > TITLED_OPENING_WORDS:
            return False
        first = tail.split()[0]
        if ctx.lang == "ar":
            joined = normalize(first).startswith("و")
        else:
            joined = bool(_find(ctx, "list_joiner", t0, t0 + len(tail) - len(tail.lstrip()) + len(first)))
        if not joined:
            return False
        return _opens_title(ctx, t0, q.start)
    return False


def _opens_title(ctx: SentenceContext, lo: int, hi: int) -> bool:
    """``text[lo:hi]`` opens with a ``list_title`` or ``list_rank`` word, a conjunction, an
    article or a preposition at most before it ("، ووزير", "et par le chef", "and Interpol
    Secretary General": a name between, within :data:`TITLED_RANK_WORDS` words), not a verb
    ("، وسلمه رسالة من رئيس ...")."""
    filler = rule_words().list_filler
    for c0, _ in sorted(_find(ctx, "list_title", lo, hi) + _find(ctx, "list_rank", lo, hi)):
        before = ctx.text[lo:c0]
        for x in ctx.args:  # a state or body before the title ("Interpol Secretary General")
            if lo <= x.start and x.end <= c0:
                before = before.replace(x.text, " ")
        for j0, j1 in _find(ctx, "list_joiner", lo, c0):
            before = before.replace(ctx.text[j0:j1], " ")
        words = [w.lower() for w in before.split()]
        if ctx.lang == "ar":
            words = [w for w in words if w not in rule_words().list_conjunctions_ar]
        if ctx.words(ctx.text[lo:c0]) <= TITLED_RANK_WORDS and all(w in filler for w in words):
            return True
    return False


@relation_rule(name="event_titled_lists", produces=("involvedIn",), scope="document",
               rule_ids=("rule:event-titled-list",))
def event_titled_lists(dctx: DocumentContext) -> list[Relation]:
    """The persons listed after a participant of an event that a participation cue or a list
    introduces, each with a title, take part in it too (not in a visit): "بحضور وزير الداخلية
    X، ووزير الشؤون الخارجية Y، والأمين العام لـ Z", "وشارك في القمة الجنرال X، رئيس ...،
    والنقيب Y ...", "coprésidée par X, président du Conseil européen, et par le chef de l'État
    sénégalais, Y" (:func:`_titled_next`: the title that opens each entry tells a list from an
    apposition or another clause)."""
    by_id = {m.id: m for m in dctx.mentions}
    lang = dctx.document.lang or ""
    out: list[Relation] = []
    for rel in dctx.relations:
        head, event = by_id.get(rel.head), by_id.get(rel.tail)
        if rel.type != "involvedIn" or head is None or head.type != "Person" or rel.extractor not in TITLED_LIST_SOURCES:
            continue
        if event is None or event_cues().find("visit_heads", lang, event.text):
            continue  # a visit's persons are its visitor, its host and those met (visits)
        for ev in rel.evidence:
            ctx = next((c for c in dctx.contexts if c.start <= ev.start < c.end), None)
            if ctx is None:
                continue
            persons = sorted((a for a in ctx.args if a.type == "Person" and not a.source and not a.demonym),
                             key=lambda a: a.start)
            at = next((i for i, a in enumerate(persons) if a.id == rel.head), None)
            if at is None:
                continue
            members: list[Arg] = []
            i = at
            while i + 1 < len(persons) and _titled_next(ctx, persons[i], persons[i + 1]):
                i += 1
                members.append(persons[i])
            for a in members:
                if a.key == persons[at].key:
                    continue
                out.append(Relation(head=a.id, type="involvedIn", tail=rel.tail, confidence=min(TITLED_LIST, rel.confidence),
                                    extractor="rule:event-titled-list", evidence=[ev], negated=rel.negated, hedged=rel.hedged))
            break  # one statement is enough
    return out


@relation_rule(name="visit_frame_in_name", produces=("involvedIn", "occurredIn"),
               rule_ids=("rule:visit-visitor-in-name", "rule:visit-place-in-name"))
def visit_frame_in_name(ctx: SentenceContext) -> list[Candidate]:
    """A visit whose name holds its visitor and the place it goes to ("زيارة أجراها وزير
    الداخلية الإسباني X إلى الرباط", "بزيارة الرئيس X إلى مقديشو"; the Arabic visit runs on
    over both): the first person inside the name is the visitor, the place after a
    ``visit_destination`` cue inside it is where the visit took place (:func:`visits` reads them
    after a shorter name: "the state visit of President X to Morocco")."""
    out: list[Candidate] = []
    for ev in (a for a in ctx.args if a.type == "Event" and not a.demonym):
        heads = _find(ctx, "visit_heads", ev.start, ev.end)
        if not heads:
            continue
        h1 = min(heads)[1]
        inside = sorted((a for a in ctx.args if a is not ev and not a.source and not a.demonym
                         and h1 <= a.start and a.end <= ev.end), key=lambda a: a.start)
        persons = [a for a in inside if a.type == "Person"]
        if persons:
            out.append(candidate(persons[0], "involvedIn", ev, "rule:visit-visitor-in-name", VISITOR))
        for a in inside:
            # the first place a destination cue opens (not a state of the visitor's title)
            lo, _ = ctx.before(a, DESTINATION_WORDS + 1)
            if a.type in PLACE_TYPES and _find(ctx, "visit_destination", max(lo, h1), a.start):
                out.append(candidate(ev, "occurredIn", a, "rule:visit-place-in-name", VISIT_PLACE))
                break
    return out
