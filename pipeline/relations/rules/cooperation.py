"""Cooperation between parties (``cooperatesWith``), and the hosting that states it.

Rules: ``cooperation`` (between X and Y, X with Y, X and Y + trigger), ``counterparts``
("le ministre marocain … avec son homologue espagnol"), ``hosting`` ("X hosted a
delegation of Y to discuss cooperation"; "X will host Y officers for training" gives
``providesTrainingTo``) and ``dual_reference`` ("the two countries", "البلدين", standing
for the two parties of the sentences just before).

Usage::

    candidates = cooperation(ctx) + counterparts(ctx) + hosting(ctx)
    candidates += dual_reference(ctx, previous_contexts)
"""
from __future__ import annotations

from itertools import combinations

from pipeline.language.morphology import POSSESSOR_SUFFIXES, has_pronoun_suffix
from pipeline.relations.context import PARTY_TYPES, Arg, SentenceContext
from pipeline.relations.cues import load_cues
from pipeline.relations.patterns import Candidate, candidate, chains, possessor_of
from pipeline.relations.registry import relation_rule
from pipeline.relations.words import rule_words

# Confidences.
BETWEEN = 0.85  # "cooperation between X and Y"
COORDINATION = 0.75  # "X and Y" with a trigger near them
WITH = 0.8  # "X coopère avec Y"
WITH_SUBJECT = 0.65  # "Italy …, under a plan for cooperation with Libya": the subject and Y
SENTENCE_PAIR = 0.45  # two parties and a trigger anywhere: kept, under the export threshold
COUNTERPARTS = 0.7
HOST_COOPERATION = 0.7
HOST_TRAINING = 0.65
DUAL = 0.65
# Windows, in words.
TRIGGER_WORDS = 4  # a trigger this close to a chain of parties joins them
# Parties. A coordinated list longer than this names the members or participants of
# something ("partners include A, B, C and D"), not partners of each other, unless the text
# pairs them ("among them") or has them all sign one act ("signed by A, B and C").
PAIRWISE_LIST = 2
JOINT_WORDS = 12  # "X and Y … set up a joint cell": the joint word after the chain
SOURCE_WORDS = 2  # "according to X": the source named right after the cue
REACTION_WORDS = 2  # "welcomed" before the chain: the parties react, they do not cooperate
TITLE_WORDS = 4  # "UN Secretary-General X": a body that only qualifies the person after it
POSSESSIVE_WORDS = 2  # "sa coopération", "its cooperation"
WITH_WORDS = 2  # "avec A et B": "with" just before a chain
WITH_SUBJECT_WORDS = 8  # "X coopère avec Y et Z": X before "with"
WITH_GAP_WORDS = 10  # "X … with Y"
WITH_OBJECT_WORDS = 2  # "cooperation with Y"
COUNTERPART_DEMONYM_WORDS = 1  # "نظيره الإسباني"
COUNTERPART_OWN_WORDS = 10  # the official's own state, before the counterpart cue
HOST_WORDS_AR = 1  # "استقبل X": the host right after the verb
HOST_WORDS = 4  # "X hosted": the host before the verb
GUEST_WORDS = 5  # "a delegation of Y"
HOST_COOPERATION_WORDS = 8  # the cooperation trigger after the guest
HOST_TRAINING_WORDS = 6  # the training trigger after the guest
POSSESSIVE_CHARS = 3  # "Y's support": the possessive right after the guest
# Sentences back in which a dual reference ("the two countries") finds its parties.
DUAL_MEMORY = 2


def _compact_pair(ctx: SentenceContext, a: Arg, b: Arg) -> bool:
    gap = ctx.gap(a, b).strip()
    return gap in rule_words().pair_joiners or (gap == "" and a.demonym and b.demonym)


def _joint_later(ctx: SentenceContext, chain: list[Arg], parties: list[Arg]) -> bool:
    """Two coordinated names followed, within their clause, by a word of joint action ("the
    DGSE and the DGST had set up a joint unit", "X et Y ont lancé, le 3 février, des
    patrouilles conjointes"): no other party, clause break or "with" before that word."""
    if len(chain) != 2 or any(x.demonym for x in chain):
        return False
    end = chain[-1].end
    _, far = ctx.after(chain[-1], JOINT_WORDS)
    for j0, _ in ctx.cues("joint", end, far):
        if any(end <= a.start < j0 for a in parties) or ctx.cues("clause_break", end, j0) or ctx.cues("with", end, j0):
            return False
        return True
    return False


def _reacting(ctx: SentenceContext, chain: list[Arg], triggers: list[tuple[int, int]]) -> bool:
    """"The AU and the UN welcomed the agreement", "رحب الاتحاد والأمم المتحدة بالاتفاق":
    the coordinated names share a verb of reaction, the trigger is its object; they do not
    cooperate with each other."""
    lo, _ = ctx.before(chain[0], REACTION_WORDS)
    if any(t1 <= chain[0].start and t0 >= ctx.before(chain[0], TRIGGER_WORDS)[0] for t0, t1 in triggers):
        return False  # "cooperation between X and Y", "تعاون X وY"
    nxt = next((t0 for t0, _ in triggers if t0 >= chain[-1].end), None)
    spans = [(lo, chain[0].start)] + ([(chain[-1].end, nxt)] if nxt is not None else [])
    return any(ctx.cues("reaction", a, b) for a, b in spans)


def _affiliation_of_person(ctx: SentenceContext, b: Arg) -> bool:
    """``b`` only qualifies the person named right after it by a title ("UN
    Secretary-General X", "Europol's director X")."""
    nxt = next((x for x in ctx.args if x.start >= b.end), None)
    if nxt is None or nxt.type != "Person" or ctx.words(ctx.text[b.end:nxt.start]) > TITLE_WORDS:
        return False
    return bool(ctx.cues("leads", b.end, nxt.start) or ctx.cues("memberRole", b.end, nxt.start))


def _possessed(ctx: SentenceContext, t0: int, t1: int) -> bool:
    """The trigger noun has a possessor pronoun: an Arabic suffix (تعاونها، تعاونه) or a
    possessive determiner just before it (sa, son, leur, its, their)."""
    word = ctx.text[t0:t1]
    if ctx.lang == "ar":
        return has_pronoun_suffix(word, POSSESSOR_SUFFIXES)
    lo, _ = ctx.before(Arg("", "", "", t0, t0, ""), POSSESSIVE_WORDS)
    return bool(load_cues().find("possessive", ctx.lang, ctx.text[lo:t0]))


@relation_rule(name="cooperation", produces=("cooperatesWith",),
               rule_ids=("rule:coop-between", "rule:coop-coordination", "rule:coop-with",
                         "rule:coop-with-subject", "rule:coop-sentence-pair"))
def cooperation(ctx: SentenceContext) -> list[Candidate]:
    """A cooperation trigger and the parties it joins: "between X and Y", "X and Y" near
    the trigger, "X with Y", "its cooperation with Y" (the subject and Y); two parties and
    a trigger anywhere in the sentence stay under the export threshold."""
    triggers = ctx.cues("cooperatesWith")
    headline = ctx.headline()
    if headline:  # the splitter may cut a title at ".." or ":"
        line = load_cues().find("cooperatesWith", ctx.lang, ctx.text[headline[0]:headline[1]], offset=headline[0])
        triggers = sorted(set(triggers) | set(line))
    # A word of a name ("Gulf Cooperation Council", "مجلس التعاون") states no cooperation.
    # A signed text named as an event ("accord intergouvernemental", "اتفاقية للتعاون العسكري")
    # still states the cooperation of its parties: an event's words are no name.
    triggers = [(t0, t1) for t0, t1 in triggers
                if not any(a.start <= t0 and t1 <= a.end and a.type != "Event" for a in ctx.args)]
    if not triggers:
        return []
    parties = sorted(ctx.parties(demonyms=True) + ctx.metonymic_capitals(), key=lambda a: (a.start, a.end))
    named = [a for a in parties if not a.demonym]
    out: list[Candidate] = []
    seen: set[frozenset[str]] = set()

    def emit(a: Arg, b: Arg, rule: str, conf: float) -> None:
        pair = frozenset((a.key, b.key))
        if len(pair) < 2 or pair in seen:
            return
        first, last = (a, b) if a.start <= b.start else (b, a)
        if ctx.cues("rupture", ctx.before(first, TRIGGER_WORDS)[0], last.end):
            return  # "X suspended cooperation with Y", "X cut ties with Y": no longer partners
        seen.add(pair)
        out.append(candidate(a, "cooperatesWith", b, rule, conf, *triggers))

    for chain in chains(ctx, parties):
        # Demonyms count only in compact pairs: "التحالف السعودي-الأميركي", "franco-marocain",
        # "التدريب التونسي الجزائري المشترك" (two adjectives in a row qualify one noun).
        if any(x.demonym for x in chain) and not all(_compact_pair(ctx, x, y) for x, y in zip(chain, chain[1:])):
            chain = [x for x in chain if not x.demonym]
        # "Selon Europol, le Maroc et l'Espagne coopèrent": the source is no member of the list.
        chain = [x for x in chain if not ctx.cues("attribution_according", ctx.before(x, SOURCE_WORDS)[0], x.start)]
        if len(chain) < 2:
            continue
        lo, _ = ctx.before(chain[0], TRIGGER_WORDS)
        _, hi = ctx.after(chain[-1], TRIGGER_WORDS)
        if headline and chain[-1].end <= headline[1]:
            lo, hi = headline  # "المغرب وإسبانيا.. تفكيك شبكة بتنسيق أمني": a title's names and its trigger
        if not any(lo <= t0 and t1 <= hi for t0, t1 in triggers) and not _joint_later(ctx, chain, parties):
            continue
        if _reacting(ctx, chain, triggers):
            continue
        between = ctx.cues("between", lo, chain[0].start)
        rule, conf = ("rule:coop-between", BETWEEN) if between else ("rule:coop-coordination", COORDINATION)
        with_lo, _ = ctx.before(chain[0], WITH_WORDS)
        # Co-objects of "with" ("coopère avec A et B", "التنسيق مع A وB") are each the
        # subject's partner, not each other's; a list of more than two (after "between" or
        # not) is pairwise only when the text says so ("among them", "فيما بينها") or has
        # them sign one act together ("signed by A, B and C").
        co_objects = not between and bool(ctx.cues("with", with_lo, chain[0].start))
        if len(chain) > PAIRWISE_LIST and not ctx.cues("among") and not ctx.cues("signing", lo, hi):
            co_objects = True
        if not co_objects:
            for a, b in combinations(chain, 2):
                emit(a, b, rule, conf)
        # "X coopère avec Y et Z": the party before "with" cooperates with the whole chain.
        for x in named:
            if x.end <= chain[0].start and ctx.cues("with", x.end, chain[0].start) and ctx.words(ctx.gap(x, chain[0])) <= WITH_SUBJECT_WORDS:
                for y in chain:
                    emit(x, y, "rule:coop-with", WITH)
    for a, b in combinations(named, 2):
        gap = ctx.gap(a, b)
        between = [x for x in ctx.between_args(a, b) if x.type in PARTY_TYPES and x.qualifier_of is None and not x.source]
        if ctx.words(gap) <= WITH_GAP_WORDS and ctx.cues("with", a.end, b.start) and not between:
            if _affiliation_of_person(ctx, b) or ctx.cues("reaction", a.end, b.start):
                continue  # "hailed the accord, with UN Secretary-General X calling it …"
            # "in coordination with Morocco's DGSN": the body the state possesses is the partner
            emit(a, possessor_of(ctx, named, b), "rule:coop-with", WITH)
    # "أنجزت إيطاليا تدريب …، ضمن خطة للتعاون مع ليبيا", "Italy …, under a plan for
    # cooperation with Libya": the trigger noun takes "with Y"; the other party is the
    # sentence's subject, its first named party.
    if named:
        for t0, t1 in triggers:
            while t1 < ctx.end and ctx.text[t1].isalnum():
                t1 += 1  # the cue is a word prefix: "cooperat|ion"
            line = ctx.text.rfind("\n", ctx.start, t0) + 1
            subject = next((a for a in named if a.start >= line), None)
            if _possessed(ctx, t0, t1):
                # "تعاونها مع Y", "sa coopération avec Y", "its cooperation with Y": the
                # possessor is the nearest party before the noun.
                subject = next((a for a in reversed(named) if line <= a.start and a.end <= t0), subject)
            if subject is None:
                continue
            y = next((a for a in named if a.start >= t1 and ctx.words(ctx.text[t1:a.start]) <= WITH_OBJECT_WORDS), None)
            if y is None or y is subject or subject.end > t0 or not ctx.cues("with", t1, y.start):
                continue
            if not ctx.only(ctx.text[t1:y.start], ("with", "filler")) or _affiliation_of_person(ctx, y):
                continue
            if ctx.cues("reaction", subject.end, t0):
                continue  # "X welcomed the deal, with …": X reacts, it is no party
            emit(subject, y, "rule:coop-with-subject", WITH_SUBJECT)
    if not out:
        # Two parties and a trigger somewhere in the sentence: often each is only the
        # affiliation of a person or the setting of the trigger, so this stays under the
        # export threshold (kept, flagged, with min_confidence=0).
        keys = {a.key for a in named}
        if len(keys) == 2:
            a = named[0]
            b = next(x for x in named if x.key != a.key)
            emit(a, b, "rule:coop-sentence-pair", SENTENCE_PAIR)
    return out


# --- counterparts: "وزير الداخلية المغربي مع نظيره الإسباني" -----------------------------

@relation_rule(name="counterparts", produces=("cooperatesWith",), rule_ids=("rule:coop-counterparts",))
def counterparts(ctx: SentenceContext) -> list[Candidate]:
    """"بحث وزير الداخلية المغربي مع نظيره الإسباني سبل التعاون", "le ministre marocain …
    avec son homologue espagnol … la coopération", "Moroccan minister X met his Spanish
    counterpart": the states of the two officials cooperate, when the sentence has a
    cooperation trigger. The counterpart's state is the demonym right after the cue; the
    other is the nearest state before the cue."""
    triggers = ctx.cues("cooperatesWith")
    if not triggers:
        return []
    states = [a for a in ctx.parties(demonyms=True) if a.type == "Country"]
    out = []
    for c0, c1 in ctx.cues("counterpart"):
        if ctx.lang == "en":  # "his Spanish counterpart": the demonym before the cue
            other = next((a for a in reversed(states) if a.end <= c0 and not ctx.text[a.end:c0].strip()), None)
            c0 = other.start if other is not None else c0
        else:
            other = next((a for a in states if a.start >= c1 and ctx.words(ctx.text[c1:a.start]) <= COUNTERPART_DEMONYM_WORDS), None)
        own = next((a for a in reversed(states) if a.end <= c0 and ctx.words(ctx.text[a.end:c0]) <= COUNTERPART_OWN_WORDS), None)
        if other is None or own is None or other.key == own.key or not other.demonym:
            continue
        out.append(candidate(own, "cooperatesWith", other, "rule:coop-counterparts", COUNTERPARTS, (c0, c1), *triggers))
    return out


# --- hosting: "X hosted a delegation of Y" ----------------------------------------------

def _host_and_guest(ctx: SentenceContext, parties: list[Arg], h0: int, h1: int) -> tuple[Arg, Arg] | None:
    """The host and the guest of the hosting verb at ``h0:h1``: the host just before it
    (in Arabic, verb first, just after it), the guest after it past "a delegation of" /
    "وفدا من" words only."""
    named = [a for a in parties if not a.demonym]
    if ctx.lang == "ar":
        host = next((a for a in named if a.start >= h1 and ctx.words(ctx.text[h1:a.start]) <= HOST_WORDS_AR
                     and ctx.only(ctx.text[h1:a.start], ("filler",))), None)
        after = host.end if host else h1
    else:
        host = next((a for a in reversed(named) if a.end <= h0 and ctx.words(ctx.text[a.end:h0]) <= HOST_WORDS
                     and not set(ctx.text[a.end:h0]) & set(",;:")), None)
        after = h1
    if host is None:
        return None
    guest = next((a for a in parties if a.start >= after and a.key != host.key), None)
    if guest is None or ctx.words(ctx.text[after:guest.start]) > GUEST_WORDS or not ctx.only(ctx.text[after:guest.start], ("hosted_group", "filler")):
        return None
    if ctx.text[guest.end:guest.end + POSSESSIVE_CHARS].lstrip().startswith(tuple(rule_words().possessive)):
        owned = possessor_of(ctx, parties, guest)
        if owned is guest:
            return None  # "X received Y's support": Y's thing, not Y, is received
        guest = owned
    return host, guest


@relation_rule(name="hosting", produces=("cooperatesWith", "providesTrainingTo"),
               rule_ids=("rule:training-host", "rule:coop-host"))
def hosting(ctx: SentenceContext) -> list[Candidate]:
    """"X hosted a delegation of Y to discuss security cooperation", "استقبل X وفدا من Y
    لبحث سبل التعاون" -> cooperatesWith; "X will host Y officers for training courses",
    "a accueilli des officiers de Y pour une formation" -> X providesTrainingTo Y. The
    cooperation or training trigger must follow the guest within a few words."""
    out: list[Candidate] = []
    parties = ctx.parties(demonyms=True)
    for h0, h1 in ctx.cues("hosting"):
        found = _host_and_guest(ctx, parties, h0, h1)
        if found is None:
            continue
        host, guest = found
        _, hi = ctx.after(guest, HOST_COOPERATION_WORDS)
        if any(t0 >= guest.end for t0, _ in ctx.cues("providesTrainingTo", guest.end, ctx.after(guest, HOST_TRAINING_WORDS)[1])):
            out.append(candidate(host, "providesTrainingTo", guest, "rule:training-host", HOST_TRAINING, (h0, h1)))
        elif ctx.cues("cooperatesWith", guest.end, hi) and not guest.demonym:
            cand = candidate(host, "cooperatesWith", guest, "rule:coop-host", HOST_COOPERATION, (h0, h1))
            out.append(cand)
    return out


# --- cooperation by a dual reference ("the two countries", البلدين) -----------------------

DUAL_REFERENCES = (("dual_states", frozenset({"Country"})), ("dual_sides", PARTY_TYPES))


@relation_rule(name="dual_reference", produces=("cooperatesWith",), memory=DUAL_MEMORY,
               rule_ids=("rule:dual-reference",))
def dual_reference(ctx: SentenceContext, previous: list[SentenceContext]) -> list[Candidate]:
    """cooperatesWith between the two parties a dual reference stands for: a cooperation
    cue and "البلدين" / "les deux pays" / "both sides" in a sentence that names fewer than
    two parties itself, when exactly two distinct parties of the kind (states; any parties
    for "sides") are named in it before the reference or in the ``previous``
    sentences (at most :data:`DUAL_MEMORY`). With three or more in view the reference is ambiguous: nothing."""
    triggers = ctx.cues("cooperatesWith")
    if not triggers:
        return []
    parties = ctx.parties(demonyms=True)
    memory = [a for c in previous for a in c.parties(demonyms=True)]
    for family, types in DUAL_REFERENCES:
        refs = ctx.cues(family)
        if not refs:
            continue
        if len({a.key for a in parties if a.type in types}) >= 2 or len({a.key for a in parties}) >= 3:
            return []  # the sentence names its parties: the other rules read it
        ref = refs[0]
        in_view: dict[str, Arg] = {}
        for a in memory + [a for a in parties if a.end <= ref[0]]:
            if a.type in types:
                in_view.pop(a.key, None)
                in_view[a.key] = a  # the latest mention of each party
        if len(in_view) != 2:
            return []
        first, second = in_view.values()
        trigger = min(triggers, key=lambda t: abs(t[0] - ref[0]))
        return [Candidate(first, "cooperatesWith", second, "rule:dual-reference", DUAL,
                          min(ref[0], trigger[0]), max(ref[1], trigger[1]))]
    return []
