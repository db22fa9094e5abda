"""One event across reports: event nodes of different documents that name the same event.

A *report* is what one document says of one event (:class:`EventReport`): the signatures
of its names (core name, year, head noun, from :mod:`.event_names`), the dates, places and
participants its document's relations give it. Two reports of different documents are one
event when

- a name links them: their core names are equal (once head nouns, ordinals, years and
  function words are cut), or equal through a translated name of a recurring event
  (African Lion / الأسد الإفريقي, ``translations`` of ``ontology/patterns/event_kinds.yaml``),
  or, across scripts, their transliteration skeletons are equal (Flintlock / فلينتلوك);
  or a kind and an ordinal link them (the 8th session, الدورة الثامنة, whatever the
  body's name in each language) with two shared places or participants besides;
- and nothing keeps them apart: their kinds agree (the head noun mapped to a kind:
  exercise, summit, session, visit, operation, attack, agreement signing, training,
  project), their years agree when both have one (African Lion 2023 / 2024; a name
  without a year has the years of its dates, African Lion 24 the year 2024), their
  ordinals agree (the 22nd / 23rd session), and for single-day kinds (an attack) their
  days agree when both give one and their places when both give one (two attacks in one
  city on different days), and two that give no date were published within a year.

The resolver (:mod:`.resolve`) joins each group; every report keeps its document, so the
event entity lists every document that reported it.

Usage::

    from pipeline.resolution.event_identity import EventReport, same_event_groups
    from pipeline.resolution.event_names import event_signature
    a = EventReport("a", "doc1", (event_signature("African Lion 2024"),))
    b = EventReport("b", "doc2", (event_signature("مناورات الأسد الإفريقي 2024"),))
    same_event_groups([a, b])     # [['a', 'b']]
"""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Callable

from pipeline import ontology_data
from pipeline.language.morphology import strip_article
from pipeline.language.normalize import normalize_key
from pipeline.language.transliterate import is_arabic, skeleton
from pipeline.resolution.event_names import EventSignature, event_signature

# Reports linked by their kind and ordinal alone (no name) must share this many places or
# participants (countries, bodies) besides.
ORDINAL_ONLY_SHARED = 2
# A report without a name (a state visit, زيارة عمل) joins another report of its kind when
# they share this many places or participants (or a person and a year).
FRAME_SHARED = 2
# A transliteration skeleton shorter than this links nothing across scripts (too many
# names share it).
MIN_SKELETON = 3
# Two reports of a single-day kind (an attack) that give no date of it are two events when
# their documents were published more than this many days apart (news of one attack without
# its date is written within weeks of it: the Bamako attacks of 2015 and 2024).
SINGLE_DAY_PUBLISHED_GAP = 366

_EDITION = re.compile(r"^(.+?) (\d\d)$")
_DIGIT_ORDINAL = re.compile(r"^(\d{1,3})(?:e|er|re|eme|ème|ieme|ième|st|nd|rd|th)$")


@dataclass(frozen=True, slots=True)
class EventReport:
    """What one document says of one event: its names' signatures and what its relations
    give it (``dates``: ``YYYY[-MM[-DD]]``; ``places`` and ``participants``: entity keys),
    and its document's publication date (``published``, ISO, or None)."""

    id: str
    document: str
    signatures: tuple[EventSignature, ...]
    dates: frozenset[str] = field(default_factory=frozenset)
    places: frozenset[str] = field(default_factory=frozenset)
    participants: frozenset[str] = field(default_factory=frozenset)
    published: str | None = None


@dataclass(frozen=True, slots=True)
class _Facts:
    names: frozenset[tuple[str, str]]  # ("name" | "skeleton-ar" | "skeleton-la", key)
    kinds: frozenset[str]
    years: frozenset[str]
    ordinals: frozenset[int]
    # a report named by its place in a series (la précédente session: -1, the next one: +1),
    # of the years when its name says a year (last year's edition); ``unanchored``: its
    # document has no report to count from, it links nothing
    shift: int = 0
    by_year: bool = False
    unanchored: bool = False


def _key(text: str) -> str:
    return " ".join(strip_article(w, min_length=4) for w in normalize_key(text).split())


@lru_cache(maxsize=1)
def _relative_words() -> tuple[dict[str, int], frozenset[str]]:
    """(relative word key -> shift: previous -1, next +1; year word keys)."""
    data = ontology_data.event_kinds().get("relative") or {}
    shift = {_key(w): n for family, n in (("previous", -1), ("next", 1))
             for words in (data.get(family) or {}).values() for w in words}
    return shift, frozenset(_key(w) for words in (data.get("year_words") or {}).values() for w in words)


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, int], dict[str, str], frozenset[str]]:
    """(head key -> kind, ordinal word key -> number, name key -> translation id, single-day kinds)."""
    data = ontology_data.event_kinds()
    kinds = {_key(head): kind for kind, by_lang in data["kinds"].items()
             for heads in by_lang.values() for head in heads}
    ordinals = {_key(word): n for words in data["ordinals"].values() for word, n in words.items()}
    translations = {_key(name): f"t{i}" for i, names in enumerate(data["translations"]) for name in names}
    # the named events' lexicon: an entry's forms in every language are one name (Munich
    # Security Conference / Conférence de Munich sur la sécurité / مؤتمر ميونخ للأمن), by the
    # whole form and by its core (head nouns cut)
    for item in ontology_data.named_events()["events"]:
        for form in (f for forms in item["names"].values() for f in forms):
            core = _key(event_signature(form).core)
            for key in (_key(form), core, " ".join(_cut_heads(core.split(), kinds)[0])):
                if key:
                    translations.setdefault(key, item["id"])
    return kinds, ordinals, translations, frozenset(data["single_day"])


def event_kind(head: str | None) -> str | None:
    """The kind of event a head noun names (``exercise``, ``session``, ``attack``...), or None."""
    return _tables()[0].get(_key(head)) if head else None


def countries_named(text: str, country_of: Callable[[str], str | None]) -> frozenset[str]:
    """The countries an event's name carries (the Morocco-Mauritania commission, la
    commission mixte maroco-mauritanienne, اللجنة المشتركة المغربية الموريتانية): each word
    and each part of a hyphenated word read by ``country_of`` (a demonym or a country name
    to its lexicon id) or as a combining form (``country_prefixes``)."""
    prefixes = {normalize_key(k): v for k, v in ontology_data.event_kinds()["country_prefixes"].items()}
    found: set[str] = set()
    for word in re.split(r"[\s\-‐–]+", text):
        word = word.strip(".,;:()«»\"'’")
        if len(word) < 3:
            continue
        country = prefixes.get(normalize_key(word)) or country_of(word)
        if country:
            found.add(country)
    return frozenset(found)


def edition_name(key: str) -> str:
    """A name key without the two-digit edition that ends it (african lion 24 -> african lion)."""
    m = _EDITION.match(key)
    return m.group(1) if m else key


def name_keys(core: str) -> set[tuple[str, str]]:
    """What links a core name to its namesakes: the name itself, its translation and its
    transliteration skeleton (long enough to tell names apart)."""
    translations = _tables()[2]
    keys = {("name", core)}
    if core in translations:
        keys.add(("name", translations[core]))
    skel = skeleton(core)
    if len(skel) >= MIN_SKELETON:
        keys.add(("skeleton", skel))
    return keys


def _ordinal(words: list[str]) -> tuple[int | None, list[str]]:
    """The ordinal number the words carry (8e, eighth, الثالثة والعشرين) and the words left."""
    ordinals = _tables()[1]
    total, rest = 0, []
    for w in words:
        digit = _DIGIT_ORDINAL.match(w)
        if digit:
            total += int(digit.group(1))
        elif w in ordinals:
            total += ordinals[w]
        elif "-" in w and all(p in ordinals for p in w.split("-")):  # twenty-third
            total += sum(ordinals[p] for p in w.split("-"))
        else:
            rest.append(w)
    return (total or None), rest


@lru_cache(maxsize=1)
def _named_kinds() -> dict[str, str]:
    """Named events' lexicon id -> kind (``ontology/lexicons/named_events.yaml``)."""
    return {item["id"]: item["kind"] for item in ontology_data.named_events()["events"] if item.get("kind")}


def _cut_heads(words: list[str], kinds_of: dict[str, str]) -> tuple[list[str], set[str]]:
    """The words without the head nouns a signature left in its core (8e session: session is
    no event head there; Dakar International Forum), and the kinds those heads name."""
    kinds: set[str] = set()
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            phrase = " ".join(words[i:i + size])
            if phrase in kinds_of:
                kinds.add(kinds_of[phrase])
                words = words[:i] + words[i + size:]
                break
    return words, kinds


def _facts(report: EventReport) -> _Facts:
    kinds_of = _tables()[0]
    relative, year_words = _relative_words()
    names: set[tuple[str, str]] = set()
    kinds: set[str] = set()
    years: set[str] = set()
    ordinals: set[int] = set()
    lexicon_kinds: set[str] = set()  # the named events' lexicon's kind of a name
    shift, by_year = 0, False
    for sig in report.signatures:
        if sig.head and sig.head in kinds_of:
            kinds.add(kinds_of[sig.head])
        edition = None if sig.year else _EDITION.match(sig.core)
        if sig.year:
            years.add(sig.year)
        elif edition:  # African Lion 24
            years.add("20" + edition.group(2))
        words, found = _cut_heads((edition.group(1) if edition else sig.core).split(), kinds_of)
        kinds |= found
        number, words = _ordinal(words)
        if number:
            ordinals.add(number)
        if any(w in relative for w in words):  # la précédente session, دورة السنة الماضية
            shift = next(relative[w] for w in words if w in relative)
            by_year = by_year or any(w in year_words for w in words)
            words = [w for w in words if w not in relative and w not in year_words and len(w) > 1]
        if not words:
            continue
        core = " ".join(words)
        script = "skeleton-ar" if is_arabic(core) else "skeleton-la"
        keys = name_keys(core)
        names |= {(script if kind == "skeleton" else kind, key) for kind, key in keys}
        lexicon_kinds |= {_named_kinds()[key] for kind, key in keys if kind == "name" and key in _named_kinds()}
    kinds = kinds or lexicon_kinds  # a head the text gives outranks the lexicon's kind
    if shift and (years or ordinals):
        shift = 0  # "the last 22nd session": its own number says which
    if shift:
        names = set()  # "précédente" names nothing: the series it counts in does
    return _Facts(frozenset(names), frozenset(kinds), frozenset(years), frozenset(ordinals), shift, by_year)


def _anchored(reports: list[EventReport]) -> tuple[dict[str, _Facts], dict[str, EventReport]]:
    """Every report's facts; a report named by its place in a series takes its document's
    one report to count from: by ordinal (la précédente session after la 23e session: the
    22nd, its kind, name and parties), or by year (last year's edition in a report of
    African Lion 2024: African Lion 2023). Without exactly one, it is ``unanchored``."""
    facts = {r.id: _facts(r) for r in reports}
    by_id = {r.id: r for r in reports}
    by_document: dict[str, list[str]] = defaultdict(list)
    for r in reports:
        by_document[r.document].append(r.id)
    for r in reports:
        f = facts[r.id]
        if not f.shift:
            continue
        others = [(facts[o], by_id[o]) for o in by_document[r.document] if o != r.id and not facts[o].shift]
        if f.by_year:
            anchors = [(g, o) for g, o in others if g.years and g.names]
            values = {y for g, _ in anchors for y in g.years}
        else:
            anchors = [(g, o) for g, o in others if g.ordinals and (not f.kinds or g.kinds & f.kinds)]
            values = {n for g, _ in anchors for n in g.ordinals}
        if len(values) != 1:
            facts[r.id] = replace(f, unanchored=True)
            continue
        value = next(iter(values))
        names = frozenset().union(*(g.names for g, _ in anchors))
        kinds = frozenset().union(*(g.kinds for g, _ in anchors)) if f.by_year else f.kinds or frozenset().union(
            *(g.kinds for g, _ in anchors))
        if f.by_year:
            facts[r.id] = replace(f, names=names, kinds=kinds, years=frozenset({str(int(value) + f.shift)}))
        else:
            facts[r.id] = replace(f, names=names, kinds=kinds, ordinals=frozenset({value + f.shift}))
        by_id[r.id] = replace(r, participants=r.participants.union(*(o.participants for _, o in anchors)))
    return facts, by_id


def _years(dates: frozenset[str]) -> frozenset[str]:
    """The years of a report's dates: a name without a year takes them (Flintlock, which
    ran from 17 February 2020, is not Flintlock 2019)."""
    return frozenset(d[:4] for d in dates if d[:4].isdigit())


def _edition_years(report: EventReport, facts: _Facts) -> frozenset[str]:
    """The years its name gives, else those of its dates, except for a numbered session:
    its ordinal tells it from the others, and a date near it may be an earlier session's
    (the first since 2013)."""
    return facts.years or (frozenset() if facts.ordinals else _years(report.dates))


def _published_apart(a: EventReport, b: EventReport) -> bool:
    """Whether the two reports' documents were published :data:`SINGLE_DAY_PUBLISHED_GAP`
    days apart or more (both dated to the day)."""
    if not (a.published and b.published and len(a.published) >= 10 and len(b.published) >= 10):
        return False
    gap = dt.date.fromisoformat(a.published[:10]) - dt.date.fromisoformat(b.published[:10])
    return abs(gap.days) > SINGLE_DAY_PUBLISHED_GAP


def _days(dates: frozenset[str]) -> frozenset[str]:
    return frozenset(d for d in dates if len(d) == 10)


def _apart(a: EventReport, fa: _Facts, b: EventReport, fb: _Facts) -> bool:
    """What keeps two reports apart: another kind, year or ordinal; for a single-day kind,
    another day or place; for two reports without a name, another place."""
    if fa.kinds and fb.kinds and not fa.kinds & fb.kinds:
        return True
    years_a, years_b = _edition_years(a, fa), _edition_years(b, fb)
    if years_a and years_b and not years_a & years_b:
        return True
    if fa.ordinals and fb.ordinals and not fa.ordinals & fb.ordinals:
        return True
    if not fa.names and not fb.names and a.places and b.places and not a.places & b.places:
        return True  # two described reports (state visits) in two other places
    if (fa.kinds | fb.kinds) & _tables()[3]:
        days_a, days_b = _days(a.dates), _days(b.dates)
        if days_a and days_b and not days_a & days_b:
            return True
        if not a.dates and not b.dates and not years_a and not years_b and _published_apart(a, b):
            return True
        if a.places and b.places and not a.places & b.places:
            return True
    return False


def _blocking_keys(facts: _Facts, report: EventReport) -> set[tuple]:
    keys: set[tuple] = set()
    if facts.unanchored:
        return keys
    for kind, key in facts.names:
        if kind == "name":
            keys.add(("name", key))
        else:  # a skeleton links only across scripts
            keys.add((kind, key))
    if not facts.names and facts.kinds and not facts.ordinals:
        # a described report (state visit, visite d'État): one block per kind and party
        for kind in facts.kinds:
            for party in report.places | report.participants:
                keys.add(("frame", kind, party))
    if facts.ordinals:  # la 8e session de la commission mixte / الدورة الثامنة للجنة المشتركة
        # one block per participant or place: every "first session" of a corpus is no block
        for number in facts.ordinals:
            for kind in facts.kinds or {None}:
                for party in report.places | report.participants:
                    keys.add(("ordinal", kind, number, party))
    return keys


def event_blocking_keys(reports: list[EventReport]) -> dict[str, set[str]]:
    """Report id -> the blocks :func:`same_event_groups` puts it in (a skeleton's block
    without its script): two reports that share none are never compared; and one block per
    document for a report named by its place in a series and the reports it may count from
    (what it links depends on them)."""
    out: dict[str, set[str]] = {}
    facts, by_id = _anchored(reports)
    # a report named by its place in a series is read with every report of its document it
    # may count from: one block for them all, so that they are resolved again together
    series = {r.document for r in reports if facts[r.id].shift}
    for r in (by_id[r.id] for r in reports):
        keys = set()
        for key in _blocking_keys(facts[r.id], r):
            if key[0] in ("skeleton-ar", "skeleton-la"):
                key = ("skeleton", *key[1:])
            keys.add("\x1f".join(map(str, key)))
        f = facts[r.id]
        if r.document in series and (f.shift or f.ordinals or f.years and f.names):
            keys.add("\x1f".join(("series", r.document)))
        out[r.id] = keys
    return out


def _linked(key: tuple, a: EventReport, b: EventReport, years_a: frozenset[str] = frozenset(),
            years_b: frozenset[str] = frozenset()) -> bool:
    common = (a.places | a.participants) & (b.places | b.participants)
    if key[0] == "ordinal":
        return len(common) >= ORDINAL_ONLY_SHARED
    if key[0] == "frame":
        # a described report: two shared parties or places, or one shared person in a shared
        # year (Macron's state visit, 2024), or a shared place in a shared month unless each
        # names its people and none is shared; never two reports that name two other places
        if a.places and b.places and not a.places & b.places:
            return False
        persons_a, persons_b = ({k for k in r.participants if k.startswith("person")} for r in (a, b))
        person_in_year = bool(years_a & years_b) and any(k.startswith("person") for k in common)
        other_people = bool(persons_a and persons_b and not persons_a & persons_b)
        place_in_month = bool(a.places & b.places) and bool(_months(a.dates) & _months(b.dates)) and not other_people
        return len(common) >= FRAME_SHARED or person_in_year or place_in_month
    return True


def _months(dates: frozenset[str]) -> frozenset[str]:
    """The months of a report's dates of month or day precision (a visit to Morocco in
    October 2024, زيارة الدولة ... في أكتوبر الماضي)."""
    return frozenset(d[:7] for d in dates if len(d) >= 7 and d[:4].isdigit())


def _strength(fa: _Facts, fb: _Facts) -> int:
    """How much two linked reports share besides the link: a year, a kind, an ordinal."""
    return 2 * bool(fa.years & fb.years) + bool(fa.kinds & fb.kinds) + bool(fa.ordinals & fb.ordinals)


def same_event_groups(reports: list[EventReport]) -> list[list[str]]:
    """Report ids grouped by event (groups of two or more, each sorted; sorted). Reports are
    compared only within a blocking key (a name, a skeleton, a kind and ordinal), never
    all pairs. Pairs are joined strongest first, and two groups join only when no report of
    one is kept apart from a report of the other (Flintlock without a year does not chain
    Flintlock 2019 to Flintlock 2020); a yearless report that could join reports of two
    different years joins those of its document's publication year, else neither. Within a document, a yearless name without a head noun
    joins its one dated namesake without one (the resolver's own within-document joins
    read four-digit years; this one also reads African Lion 24 and the model's names)."""
    facts, by_id = _anchored(reports)
    reports = [by_id[r.id] for r in reports]
    blocks: dict[tuple, list[str]] = defaultdict(list)
    for r in sorted(reports, key=lambda r: r.id):
        for key in _blocking_keys(facts[r.id], r):
            blocks[key].append(r.id)
    for key in [k for k in blocks if k[0] == "skeleton-ar"]:  # one script meets the other
        latin = ("skeleton-la", key[1])
        if latin in blocks:
            blocks[("skeleton", key[1])] = blocks[key] + blocks[latin]
    years = {r.id: _edition_years(r, facts[r.id]) for r in reports}
    candidates: dict[tuple[str, str], int] = {}
    in_document: dict[str, set[str]] = defaultdict(set)  # a yearless name -> its dated namesakes
    for key, ids in sorted(blocks.items(), key=lambda kv: str(kv[0])):
        if key[0] in ("skeleton-ar", "skeleton-la"):
            continue
        for i, x in enumerate(ids):
            for y in ids[i + 1:]:
                a, b = by_id[x], by_id[y]
                pair = (min(x, y), max(x, y))
                if a.document == b.document:
                    if (key[0] == "name" and bool(years[x]) != bool(years[y]) and not facts[x].kinds
                            and not facts[y].kinds and not _apart(a, facts[x], b, facts[y])):
                        in_document[x if not years[x] else y].add(y if not years[x] else x)
                    elif (key[0] == "ordinal" and bool(facts[x].names) != bool(facts[y].names)
                          and not _apart(a, facts[x], b, facts[y])):
                        # دورتها الثالثة والعشرين after الدورة الثالثة والعشرين للجنة ...: its one
                        # named report of its kind and ordinal
                        in_document[x if not facts[x].names else y].add(y if not facts[x].names else x)
                    continue
                if pair in candidates:
                    continue
                if key[0] == "skeleton" and _is_arabic(facts[x]) == _is_arabic(facts[y]):
                    continue
                if _linked(key, a, b, years[x], years[y]) and not _apart(a, facts[x], b, facts[y]):
                    candidates[pair] = _strength(facts[x], facts[y])
    partner_years: dict[str, set[str]] = defaultdict(set)
    for x, y in candidates:
        partner_years[x] |= years[y]
        partner_years[y] |= years[x]
    # a yearless report that could join two editions is the edition of its document's
    # year, when one is among them (« Flintlock » in a dispatch of February 2020 is
    # Flintlock 2020, not 2019); else it joins neither
    edition_of = {x: by_id[x].published[:4] for x, ys in partner_years.items()
                  if not years[x] and len(ys) > 1 and by_id[x].published and by_id[x].published[:4] in ys}
    group = {r.id: r.id for r in reports}
    members = {r.id: [r.id] for r in reports}
    # within a document, a yearless name is its one dated namesake (African Lion after
    # African Lion 24)
    for x, dated in sorted(in_document.items()):
        y = group[next(iter(dated))]
        if len(dated) == 1 and group[x] == x and len(members[x]) == 1 and not any(
                _apart(by_id[x], facts[x], by_id[j], facts[j]) for j in members[y]):
            members[y].append(members.pop(x)[0])
            group[x] = y
    for (x, y), _ in sorted(candidates.items(), key=lambda kv: (-kv[1], kv[0])):
        if any(not years[i] and len(partner_years[i]) > 1 and edition_of.get(i) not in years[j]
               for i, j in ((x, y), (y, x))):
            continue
        gx, gy = group[x], group[y]
        if gx == gy or any(_apart(by_id[i], facts[i], by_id[j], facts[j])
                           for i in members[gx] for j in members[gy]):
            continue
        if any(by_id[i].document == by_id[j].document for i in members[gx] for j in members[gy]):
            continue  # two events of one document stay two
        for i in members[gy]:
            group[i] = gx
        members[gx] += members.pop(gy)
    return sorted(sorted(m) for m in members.values() if len(m) > 1)


def _is_arabic(facts: _Facts) -> bool:
    return any(kind == "skeleton-ar" for kind, _ in facts.names)
