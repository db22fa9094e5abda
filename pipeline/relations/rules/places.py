"""Where a place lies (``locatedIn``, City / Location -> Location / Country).

Usage::

    candidates = places(ctx)
"""
from __future__ import annotations

from pipeline.relations.context import Arg, SentenceContext
from pipeline.relations.patterns import LINK, Candidate, candidate
from pipeline.relations.registry import relation_rule

# Confidences.
COMMA = 0.8  # "Rabat, Morocco"
CAPITAL_DEMONYM = 0.85  # "Rabat, the Moroccan capital", "la capitale marocaine, Rabat"
IN = 0.65  # "X in Morocco"
APPOSITION = 0.8  # "Malabo, capitale de la Guinée équatoriale", "Almeria, in southern Spain"
REGION_OF = 0.75  # "the Tillabéri region of Niger"
REGION_APPOSITION = 0.75  # "Ménaka, dans la région de Gao"
COMPASS = 0.75  # "إقليم قادس جنوب إسبانيا"
CITY_DEMONYM = 0.8  # "في مدينة قابس التونسية"
SITE_IN = 0.65  # "the Ataturk Airport in Istanbul", "Zermatt dans le canton du Valais"
CHAIN_DEMOTION = 0.05  # a city in a region in a state: a little less sure than either step
COORDINATED_DEMOTION = 0.05  # each place coordinated before the one "in" the state
# Conjunctions alone between two members of a list of places.
_LIST_WORDS = {"ar": {"و"}, "fr": {"et"}, "en": {"and"}}
# A site lies in a city or a wider place (in a state: :func:`places`).
SITE_WIDER = {"Location": ("City", "Location")}
# Windows, in words.
CAPITAL_WORDS = 4  # "Rabat, the Moroccan capital": city to demonym
IN_WORDS = 2  # "X in Y", "the X region of Y", "X جنوب Y"
IN_PART_WORDS = 5  # "X in north-central Y", "X dans le nord-est de la Y"
APPOSITION_WORDS = 5  # "X, capitale de Y"
REGION_APPOSITION_WORDS = 3  # "X, in the Y region"
CAPITAL_NAME_WORDS = 1  # "la capitale marocaine, Rabat": demonym to city
CAPITAL_CUE_WORDS = 2  # the capital noun before the demonym
SITE_IN_WORDS = 4  # "X في العاصمة", "X dans le canton de": a site to the wider place
CITY_NOUN_WORDS = 1  # "في مدينة قابس التونسية": the city noun right before the name


def _coordinated_places(ctx: SentenceContext, last: Arg) -> list[Arg]:
    """The places of ``last``'s kind coordinated before it ("Atar, Nouakchott and Kaedi"),
    each joined to the next by commas, "and" and articles only."""
    out: list[Arg] = []
    nxt = last
    for x in reversed([a for a in ctx.args if a.end <= last.start]):
        if x.end > nxt.start:
            continue
        if x.type != last.type or x.demonym or not ctx.only_between(x, nxt, LINK):
            break
        out.append(x)
        nxt = x
    return out


def _listed_places(ctx: SentenceContext, a: Arg, b: Arg) -> bool:
    """``a`` and ``b`` (not a state) are two members of a list of places ("à Annecy, Chambéry,
    Albertville et Grenoble"): a place joined to ``a``
    before it or to ``b`` after it by a comma or a conjunction, no apposition of a wider place."""
    if b.type == "Country" or ctx.gap(a, b).strip() == "(":
        return False
    places = sorted((x for x in ctx.args if x.type in {"City", "Location", "Country"} and not x.demonym), key=lambda x: x.start)
    before = [x for x in places if x.end <= a.start]
    after = [x for x in places if x.start >= b.end]
    joined_before = bool(before) and ctx.gap(before[-1], a).strip() in {",", "،"} | _LIST_WORDS[ctx.lang] \
        or bool(before) and ctx.only_between(before[-1], a, LINK) and ctx.cues("conjunction", before[-1].end, a.start)
    joined_after = bool(after) and after[0].type in {"City", "Location"} and (ctx.gap(b, after[0]).strip() in {",", "،"}
                                                                or ctx.only_between(b, after[0], LINK))
    return joined_before or joined_after


@relation_rule(name="places", produces=("locatedIn",),
               rule_ids=("rule:place-comma", "rule:place-capital-demonym", "rule:place-in", "rule:place-apposition",
                         "rule:place-region-of", "rule:place-compass", "rule:place-city-demonym", "rule:place-chain"))
def places(ctx: SentenceContext) -> list[Candidate]:
    """"Rabat, Morocco", "Rabat, the Moroccan capital", "Almeria, in southern Spain",
    "إقليم قادس جنوب إسبانيا" -> ``locatedIn``; a city in a region the sentence puts in a
    state is in that state too (``rule:place-chain``)."""
    out: list[Candidate] = []
    for a, b in zip(ctx.args, ctx.args[1:]):
        if a.type not in {"City", "Location"} or a.demonym:
            continue
        gap = ctx.gap(a, b).strip()
        if b.type in {"Country", "Location"} and not b.demonym and gap in {",", "،", "("}:
            if not _listed_places(ctx, a, b):
                out.append(candidate(a, "locatedIn", b, "rule:place-comma", COMMA))
        elif b.type == "Country" and b.demonym and ctx.cues("capital", a.end, b.start) and ctx.words(gap) <= CAPITAL_WORDS:
            out.append(candidate(a, "locatedIn", b, "rule:place-capital-demonym", CAPITAL_DEMONYM))
        elif b.type == "Country" and not b.demonym and ctx.words(gap) <= IN_WORDS and ctx.only(gap, ("locative", "filler")) and ctx.cues("locative", a.end, b.start):
            out.append(candidate(a, "locatedIn", b, "rule:place-in", IN))
            # "Atar, Nouakchott and Kaedi in Mauritania": each place coordinated before it
            out.extend(candidate(x, "locatedIn", b, "rule:place-in", IN - COORDINATED_DEMOTION) for x in _coordinated_places(ctx, a))
        elif (b.type == "Country" and not b.demonym and gap[:1] not in {",", "،"} and ctx.words(gap) <= IN_PART_WORDS
              and ctx.only(gap, ("locative", "filler", "capital", "of")) and ctx.cues("capital", a.end, b.start)
              and ctx.cues("locative", a.end, b.start)):
            # "Barsalogho in north-central Burkina Faso", "le camp de Roj dans le nord-est de la Syrie"
            out.append(candidate(a, "locatedIn", b, "rule:place-in", IN))
        elif (b.type == "Country" and not b.demonym and gap[:1] in {",", "،"} and ctx.words(gap) <= APPOSITION_WORDS
              and ctx.only(gap, ("capital", "locative", "filler", "of")) and (ctx.cues("capital", a.end, b.start) or ctx.cues("locative", a.end, b.start))):
            # "Malabo, capitale de la Guinée équatoriale", "Almeria, in southern Spain"
            out.append(candidate(a, "locatedIn", b, "rule:place-apposition", APPOSITION))
        elif (a.type == "Location" and b.type == "Country" and not b.demonym and ctx.words(gap) <= IN_WORDS and ctx.only(gap, ("of", "filler"))
              and ctx.cues("of", a.end, b.start) and ctx.cues("capital", a.start, a.end)):
            # "the Tillabéri region of Niger", "la province de X du Y"
            out.append(candidate(a, "locatedIn", b, "rule:place-region-of", REGION_OF))
        elif (a.type == "City" and b.type == "Location" and gap[:1] in {",", "،"} and ctx.words(gap) <= REGION_APPOSITION_WORDS
              and ctx.only(gap, ("locative", "filler")) and ctx.cues("locative", a.end, b.start)):
            # "Ménaka, dans la région de Gao", "X, in the Y region": a city in a region
            out.append(candidate(a, "locatedIn", b, "rule:place-apposition", REGION_APPOSITION))
        elif (a.type == "City" and b.type in {"Location", "Country"} and not b.demonym and gap[:1] in {",", "،"}
              and ctx.words(gap) <= APPOSITION_WORDS and ctx.only(gap, ("indefinite_article", "capital", "locative", "filler"))
              and ctx.cues("indefinite_article", a.end, b.start) and ctx.cues("capital", a.end, b.start)
              and ctx.cues("locative", a.end, b.start)):
            # "Kuriga, a town in Kaduna State", "Moura, a village in the Mopti region",
            # "Tabatol, un village dans la région de Tillabéri": the town's noun and where it lies
            out.append(candidate(a, "locatedIn", b, "rule:place-apposition", REGION_APPOSITION))
        elif (ctx.lang == "ar" and b.type in {"Country", "Location", "City"} and not b.demonym and ctx.words(gap) <= IN_WORDS
              and ctx.cues("compass", a.end, b.start) and ctx.only(gap, ("compass", "capital"))):
            # "إقليم قادس جنوب إسبانيا", "وادي حوران غربي محافظة الأنبار"
            out.append(candidate(a, "locatedIn", b, "rule:place-compass", COMPASS))
        elif ctx.lang == "ar" and b.type == "Country" and b.demonym and not gap:
            # "في مدينة قابس التونسية", "محافظة الجوف اليمنية", "ميناء تشابهار الإيراني":
            # the place's name, then its adjective of state
            out.append(candidate(a, "locatedIn", b, "rule:place-city-demonym", CITY_DEMONYM))
    # "Ménaka, dans la région de Gao, au Mali", "X, in the Y region of Z": a city in a
    # region that the sentence puts in a state is in that state too.
    for first in list(out):
        for second in list(out):
            if (first.tail is second.head or isinstance(first.tail, Arg) and first.tail.id == second.head.id) \
                    and first.head.type == "City" and isinstance(second.tail, Arg) and second.tail.type == "Country":
                out.append(candidate(first.head, "locatedIn", second.tail, "rule:place-chain", min(first.confidence, second.confidence) - CHAIN_DEMOTION))
    for a, b in zip(ctx.args, ctx.args[1:]):
        # "la capitale marocaine, Rabat" / "العاصمة المغربية الرباط"
        if a.type == "Country" and a.demonym and b.type == "City" and ctx.words(ctx.gap(a, b)) <= CAPITAL_NAME_WORDS:
            lo, _ = ctx.before(a, CAPITAL_CUE_WORDS)
            if ctx.cues("capital", lo, a.start) or ctx.cues("capital", a.end, b.start):
                out.append(candidate(b, "locatedIn", a, "rule:place-capital-demonym", CAPITAL_DEMONYM))
    return out


def _next_place(ctx: SentenceContext, a: Arg) -> tuple[Arg, int] | None:
    """The place named after ``a`` and where its phrase starts: the next argument, or the one
    after a demonym of a capital ("في العاصمة الأفغانية كابول": the city after the
    demonym, its phrase from "العاصمة")."""
    after = sorted((x for x in ctx.args if x.start >= a.end), key=lambda x: x.start)
    if not after:
        return None
    b = after[0]
    if b.type == "Country" and b.demonym and len(after) > 1 and after[1].type == "City" \
            and ctx.words(ctx.gap(b, after[1])) <= CAPITAL_NAME_WORDS:
        return after[1], b.start
    return b, b.start


@relation_rule(name="site_places", produces=("locatedIn",), rule_ids=("rule:place-site-in",))
def site_places(ctx: SentenceContext) -> list[Candidate]:
    """A site in a city or a wider place, said with a locative: "the Ataturk Airport in
    Istanbul", "فندق سيرينا في العاصمة الأفغانية كابول", "la base aérienne Prince Sultan à
    Al-Kharj", "the Atlas mountains in the Souss region" -> ``locatedIn``
    (:func:`places` gives the places in a state)."""
    out: list[Candidate] = []
    for a in ctx.args:
        if a.type not in {"City", "Location"} or a.demonym:
            continue
        found = _next_place(ctx, a)
        if found is None:
            continue
        b, phrase = found
        if b.demonym or b.type not in SITE_WIDER.get(a.type, ()) or b.id == a.id:
            continue
        gap = ctx.text[a.end:phrase]
        if (gap.strip()[:1] not in {",", "،", "("} and ctx.words(gap) <= SITE_IN_WORDS
                and ctx.only(gap, ("locative", "filler", "capital")) and ctx.cues("locative", a.end, phrase)):
            out.append(candidate(a, "locatedIn", b, "rule:place-site-in", SITE_IN))
    return out
