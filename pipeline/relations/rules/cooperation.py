"""Cooperation between parties (``cooperatesWith``), and the hosting that states it.

Rules: ``cooperation`` (between X and Y, X with Y, X and Y + trigger), ``support`` ("X,
with the support of Y"), ``support_given`` ("X renforce son soutien à Y"), ``cooperation_of`` ("X praised the
cooperation of Y"), ``founders`` ("A, B and C founded the alliance"), ``joint_agents`` ("an operation
led by A and B"), ``trilateral`` ("the tripartite mechanism brought together A, B and C"),
``partners_of`` ("X, one of the main partners of A and B"), ``meeting_between`` ("the
summit between A and B"), ``counterparts``
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

from pipeline.language.morphology import PLURAL_POSSESSOR_SUFFIXES, POSSESSOR_SUFFIXES, has_pronoun_suffix
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
SUPPORT = 0.7  # "X, with the support of Y": Y supports X
FOUNDERS = 0.7  # "A, B and C founded the alliance"
JOINT_AGENTS = 0.7  # "an operation led by A and B"
TRILATERAL = 0.7  # "the tripartite mechanism brought together A, B and C"
PARTNERS_OF = 0.7  # "X, one of the main partners of A and B"
COOPERATION_OF = 0.7  # "X praised the cooperation of Y"
MEETING = 0.7  # "the summit between A and B"
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
WITH_OBJECT_WORDS = 4  # "cooperation with Y", "opération conjointe et simultanée avec la Y"
COUNTERPART_DEMONYM_WORDS = 1  # "نظيره الإسباني"
COUNTERPART_OWN_WORDS = 10  # the official's own state, before the counterpart cue
HOST_WORDS_AR = 1  # "استقبل X": the host right after the verb
HOST_WORDS = 4  # "X hosted": the host before the verb
GUEST_WORDS = 5  # "a delegation of Y"
HOST_COOPERATION_WORDS = 8  # the cooperation trigger after the guest
HOST_TRAINING_WORDS = 6  # the training trigger after the guest
POSSESSIVE_CHARS = 3  # "Y's support": the possessive right after the guest
SUPPORTER_WORDS = 3  # "with the support of the": the supporter right after the cue
SUPPORTED_WORDS = 15  # the supported party, before the cue in its clause
JOINT_AGENT_WORDS = 2  # "organisé par la": the list right after the cue
PARTNER_OBJECT_WORDS = 2  # "partenaires de la": the partner right after the cue
PARTNER_SUBJECT_WORDS = 6  # "X est l'un des principaux partenaires": X before the cue
LIST_OPENER_WORDS = 3  # "between the", "brought together the": the list right after
SUPPORT_TO_WORDS = 3  # "support to the border guards of": the party helped after the cue
SUPPORTER_SUBJECT_WORDS = 10  # "X a annoncé mercredi qu'elle renforçait son soutien": X before the cue
COOPERATION_OF_WORDS = 1  # "la collaboration de la": the party right after the cue
COOPERATION_OF_SPEAKER_WORDS = 12  # "X a souligné, dans un communiqué, que la coopération de": X before
MEETING_WORDS = 6  # "la douzième Réunion de haut niveau (RHN) entre": the meeting word before "between"
AGAINST_WORDS = 3  # "a war against X": X, right after "against", is no party helped
FOUNDING_WORDS = 12  # "A, B and C, all governed by juntas, have since formed": the verb after the list
FOUNDING_AGENT_WORDS = 5  # "launched in 2017 by A, B and C": the verb before the list
FOUNDED_BODY_WORDS = 8  # the alliance or joint force around the founding verb
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
    # "X et Y ont renforcé leurs échanges d'informations", "X and Y agreed to deepen their
    # cooperation", "جدد X وY التزام تعاونهما": a trigger their own (a possessive of several)
    for t0, t1 in ctx.cues("cooperatesWith", end, far):
        if any(end <= a.start < t0 for a in parties) or ctx.cues("clause_break", end, t0) or ctx.cues("with", end, t0):
            return False
        if _possessed_by_several(ctx, t0, t1):
            return True
    return False


def _possessed_by_several(ctx: SentenceContext, t0: int, t1: int) -> bool:
    """The trigger noun at ``t0:t1`` has a possessor of several: a dual or plural suffix
    (تعاونهما) or "leur(s)" / "their" just before it."""
    if ctx.lang == "ar":
        while t1 < ctx.end and ctx.text[t1].isalnum():
            t1 += 1
        return has_pronoun_suffix(ctx.text[t0:t1], PLURAL_POSSESSOR_SUFFIXES)
    lo, _ = ctx.before(Arg("", "", "", t0, t0, ""), POSSESSIVE_WORDS)
    return bool(ctx.cues("plural_possessive", lo, t0))


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

def _opening_list(ctx: SentenceContext, named: list[Arg], c1: int, max_words: int,
                  families: tuple[str, ...]) -> Arg | None:
    """The first party of ``named`` after a cue ending at ``c1``, when at most ``max_words``
    words of ``families`` stand between them (the list the cue opens); ``None`` otherwise."""
    first = next((a for a in named if a.start >= c1), None)
    if first is None or ctx.words(ctx.text[c1:first.start]) > max_words \
            or not ctx.only(ctx.text[c1:first.start], families):
        return None
    return first


def _new_pairs(parties: list[Arg], seen: set[frozenset], rule_id: str, conf: float,
               span: tuple[int, int]) -> list[Candidate]:
    """Every pair of ``parties`` cooperates, each pair of distinct entities once per sentence
    (``seen`` holds the pairs already given)."""
    out = []
    for a, b in combinations(parties, 2):
        pair = frozenset((a.key, b.key))
        if len(pair) == 2 and pair not in seen:
            seen.add(pair)
            out.append(candidate(a, "cooperatesWith", b, rule_id, conf, span))
    return out



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
        # "a force supported by A and B": co-supporters of a third party (rule ``support``)
        co_objects = co_objects or bool(ctx.cues("supported_by", ctx.before(chain[0], SUPPORTER_WORDS)[0], chain[0].start))
        # "X is a partner of A and B" (rule ``partners_of``): A and B are X's partners
        co_objects = co_objects or bool(ctx.cues("partner_of", ctx.before(chain[0], PARTNER_OBJECT_WORDS)[0], chain[0].start))
        # "the Egyptian-Greek-Cypriot joint exercise": adjectives in a row qualify one noun
        adjectives = all(x.demonym for x in chain) and all(_compact_pair(ctx, x, y) for x, y in zip(chain, chain[1:]))
        if len(chain) > PAIRWISE_LIST and not ctx.cues("among") and not ctx.cues("signing", lo, hi) and not adjectives:
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
            # "بتعاون وثيق مع Y", "une opération conjointe et simultanée avec Y": qualifiers of the noun
            if not ctx.only(ctx.text[t1:y.start], ("with", "filler", "cooperation_qualifier")) or _affiliation_of_person(ctx, y):
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


# --- support: "X, with the support of Y" ----------------------------------------------

def _chain_from(ctx: SentenceContext, named: list[Arg], first: Arg) -> list[Arg]:
    """The coordinated run of parties that opens with ``first`` ("with the support of A and
    B"), or ``first`` alone."""
    return next((chain for chain in chains(ctx, named) if chain[0] is first), [first])


@relation_rule(name="support", produces=("cooperatesWith",), rule_ids=("rule:coop-support",))
def support(ctx: SentenceContext) -> list[Candidate]:
    """"L'opération a été conduite par X, avec l'appui de Y", "a joint force supported by
    A and B", "X …، بدعم من Y": each party named right after the cue supports the party
    named before it in its clause (the nearest one), so the two cooperate; the supporters
    of one list are not each other's partners."""
    named = [a for a in ctx.parties() if not a.demonym]
    out: list[Candidate] = []
    for s0, s1 in ctx.cues("supported_by"):
        first = next((a for a in named if a.start >= s1), None)
        if first is None or ctx.words(ctx.text[s1:first.start]) > SUPPORTER_WORDS:
            continue
        if not ctx.only(ctx.text[s1:first.start], ("filler", "of")):
            continue  # "with the help of patrol boats of Y": Y's things, not Y, help
        line = ctx.text.rfind("\n", ctx.start, s0) + 1
        x = next((a for a in reversed(named) if line <= a.start and a.end <= s0), None)
        if x is None or ctx.words(ctx.text[x.end:s0]) > SUPPORTED_WORDS or ctx.cues("clause_break", x.end, s0):
            continue
        if any(x in chain for chain in chains(ctx, named)):
            continue  # "investigators from A, B and C, with the help of Y": who Y helps is not said
        if ctx.cues("against", ctx.before(x, AGAINST_WORDS)[0], x.start):
            continue  # "a war against X, with the support of Y": X is the opponent
        supporters = _chain_from(ctx, named, first)
        if any(y.key == x.key for y in supporters) or _affiliation_of_person(ctx, supporters[-1]):
            continue
        for y in supporters:
            y = possessor_of(ctx, named, y)
            if y.key != x.key:
                out.append(candidate(x, "cooperatesWith", y, "rule:coop-support", SUPPORT, (s0, s1)))
    return out


# --- joint agents: "an operation led by A, B and C" --------------------------------------

@relation_rule(name="joint_agents", produces=("cooperatesWith",), rule_ids=("rule:coop-joint-agents",))
def joint_agents(ctx: SentenceContext) -> list[Candidate]:
    """The parties of a list that leads, organizes or chairs one act together are each
    other's partners, however many they are: "the operation was led by France, Germany and
    the Netherlands", "un exercice co-organisé par A et B", "التمرين الذي تنظمه A وB". The
    list must open right after the cue (``joint_agent``)."""
    named = [a for a in ctx.parties() if not a.demonym]
    out: list[Candidate] = []
    seen: set[frozenset[str]] = set()
    for c0, c1 in ctx.cues("joint_agent"):
        first = _opening_list(ctx, named, c1, JOINT_AGENT_WORDS, ("filler", "agent"))
        if first is None:
            continue
        chain = _chain_from(ctx, named, first)
        if _affiliation_of_person(ctx, chain[-1]):
            continue
        out.extend(_new_pairs(chain, seen, "rule:coop-joint-agents", JOINT_AGENTS, (c0, c1)))
    return out


# --- partners of: "X, one of the main partners of A and B" -------------------------------

@relation_rule(name="partners_of", produces=("cooperatesWith",), rule_ids=("rule:coop-partners-of",))
def partners_of(ctx: SentenceContext) -> list[Candidate]:
    """"X est l'un des principaux partenaires de A et B", "تعد X من أبرز شركاء A وB وC",
    "A and B, Mali's partners in the alliance" / "A وB، شريكتا Y": the party (or each party of
    the list) named just before the cue and each party of the list just after it (in English
    "Y's partners", Y before the cue) cooperate; the list after the cue is no pair itself."""
    named = [a for a in ctx.parties() if not a.demonym]
    lists = chains(ctx, named)
    out: list[Candidate] = []
    for c0, c1 in ctx.cues("partner_of"):
        if ctx.text[c0] in "'’":  # "Mali's partners": the one partnered is right before the cue
            y = next((a for a in reversed(named) if a.end <= c0 and not ctx.text[a.end:c0].strip()), None)
            others = [y] if y is not None else []
            left_end = y.start if y is not None else c0
        else:
            first = _opening_list(ctx, named, c1, PARTNER_OBJECT_WORDS, ("filler", "of"))
            if first is None:
                continue
            others = _chain_from(ctx, named, first)
            left_end = c0
        x = next((a for a in reversed(named) if a.end <= left_end), None)
        if not others or x is None or ctx.words(ctx.text[x.end:left_end]) > PARTNER_SUBJECT_WORDS:
            continue
        if ctx.cues("clause_break", x.end, left_end) or ctx.cues("with", x.end, left_end):
            continue
        # "A and B, Mali's partners": the list that ends with x (a comma may chain Mali to it)
        chain = next((chain for chain in lists if x in chain), [x])
        subjects = chain[:chain.index(x) + 1]
        for a in subjects:
            for b in others:
                if a.key != b.key:
                    out.append(candidate(a, "cooperatesWith", b, "rule:coop-partners-of", PARTNERS_OF, (c0, c1)))
    return out


# --- trilateral: "the tripartite mechanism brought together A, B and C" -----------------

@relation_rule(name="trilateral", produces=("cooperatesWith",), rule_ids=("rule:coop-trilateral",))
def trilateral(ctx: SentenceContext) -> list[Candidate]:
    """A tripartite or trilateral meeting, mechanism or exercise and the list it brings
    together: "the tripartite mechanism, which brought together A, B and C", "الاجتماع
    الثلاثي … بين A وB وC", "la réunion tripartite entre A, B et C". The list opens right
    after "between" or "brought together", after the ``trilateral`` word."""
    words = ctx.cues("trilateral")
    if not words:
        return []
    named = [a for a in ctx.parties() if not a.demonym]
    out: list[Candidate] = []
    for chain in chains(ctx, named):
        if len({a.key for a in chain}) < 2 or not any(w1 <= chain[0].start for _, w1 in words):
            continue
        lo, _ = ctx.before(chain[0], LIST_OPENER_WORDS)
        opener = ctx.cues("between", lo, chain[0].start) or ctx.cues("bringing_together", lo, chain[0].start)
        if not opener:
            continue
        seen: set[frozenset[str]] = set()
        out.extend(_new_pairs(chain, seen, "rule:coop-trilateral", TRILATERAL, opener[0]))
    return out


@relation_rule(name="support_given", produces=("cooperatesWith",), rule_ids=("rule:coop-support-to",))
def support_given(ctx: SentenceContext) -> list[Candidate]:
    """"Frontex renforce son soutien à l'Italie", "X provides support to the border guards of
    Y", "وتقدم X دعما لحرس الحدود في Y": the party before the cue (its subject, the nearest
    party before it in its clause) supports the first party after it, so the two cooperate."""
    named = [a for a in ctx.parties() if not a.demonym]
    out: list[Candidate] = []
    for s0, s1 in ctx.cues("support_to"):
        y = next((a for a in named if a.start >= s1), None)
        if y is None or ctx.words(ctx.text[s1:y.start]) > SUPPORT_TO_WORDS or ctx.cues("clause_break", s1, y.start):
            continue
        line = ctx.text.rfind("\n", ctx.start, s0) + 1
        x = next((a for a in reversed(named) if line <= a.start and a.end <= s0), None)
        if x is None or x.key == y.key or ctx.words(ctx.text[x.end:s0]) > SUPPORTER_SUBJECT_WORDS:
            continue
        # a clause break may lie between: "X a annoncé qu'elle renforçait son soutien à Y"
        if ctx.cues("rupture", x.end, s0) or ctx.cues("against", ctx.before(x, AGAINST_WORDS)[0], x.start):
            continue
        if ctx.cues("locative", ctx.before(x, 1)[0], x.start):
            continue  # "en Syrie, l'aide aux …": a party after "in" is a place, not the one who helps
        out.append(candidate(x, "cooperatesWith", y, "rule:coop-support-to", SUPPORT, (s0, s1)))
    return out


@relation_rule(name="cooperation_of", produces=("cooperatesWith",), rule_ids=("rule:coop-of",))
def cooperation_of(ctx: SentenceContext) -> list[Candidate]:
    """"The Spanish police praised the valuable cooperation of the DGST", "أكدت X أن تعاون Y
    كان حاسما", "X a salué la collaboration de Y": the one party right after the cue and the
    party named before the cue in the sentence (the one who speaks of it) cooperate. A list
    after the cue ("la coopération du Maroc et de l'Espagne") is the cooperation rule's."""
    named = [a for a in ctx.parties() if not a.demonym]
    lists = chains(ctx, named)
    out: list[Candidate] = []
    for c0, c1 in ctx.cues("cooperation_of"):
        if any(a.start <= c0 and c1 <= a.end for a in ctx.args):
            continue  # a word of a name: "Gulf Cooperation Council"
        y = next((a for a in named if a.start >= c1), None)
        if y is None or ctx.words(ctx.text[c1:y.start]) > COOPERATION_OF_WORDS or not ctx.only(ctx.text[c1:y.start], ("filler", "of")):
            continue
        if any(y in chain for chain in lists):
            continue
        line = ctx.text.rfind("\n", ctx.start, c0) + 1
        x = next((a for a in reversed(named) if line <= a.start and a.end <= c0), None)
        if x is None or x.key == y.key or ctx.words(ctx.text[x.end:c0]) > COOPERATION_OF_SPEAKER_WORDS:
            continue
        if ctx.cues("locative", ctx.before(x, 1)[0], x.start) or ctx.cues("rupture", x.end, y.start):
            continue
        out.append(candidate(x, "cooperatesWith", y, "rule:coop-of", COOPERATION_OF, (c0, c1)))
    return out


# --- meeting between: "the sixth summit between the EU and the AU" --------------------

@relation_rule(name="meeting_between", produces=("cooperatesWith",), rule_ids=("rule:coop-meeting",))
def meeting_between(ctx: SentenceContext) -> list[Candidate]:
    """A summit or meeting of two parties as such: "le sixième sommet entre l'Union
    européenne et l'Union africaine", "the high-level meeting between A and B", "القمة بين A
    وB", "sommet UE-UA". The pair opens right after "between" (or is a compact "A-B" right
    after the meeting word), and the meeting word lies just before; a list of more than two
    is the ``trilateral`` rule's."""
    meetings = ctx.cues("encounter")
    if not meetings:
        return []
    named = [a for a in ctx.parties() if not a.demonym]
    out: list[Candidate] = []
    for chain in chains(ctx, named):
        if len(chain) != 2 or chain[0].key == chain[1].key:
            continue
        lo, _ = ctx.before(chain[0], LIST_OPENER_WORDS)
        between = ctx.cues("between", lo, chain[0].start)
        compact = ctx.gap(chain[0], chain[1]).strip() in {"-", "/"}
        if between:
            m_lo, _ = ctx.before(Arg("", "", "", between[0][0], between[0][0], ""), MEETING_WORDS)
            found = [m for m in meetings if m_lo <= m[0] and m[1] <= between[0][0]]
        elif compact:  # "le sommet UE-UA", "the EU-AU summit"
            _, hi = ctx.after(chain[1], 1)
            found = [m for m in meetings if lo <= m[0] and m[1] <= chain[0].start or chain[1].end <= m[0] and m[1] <= hi]
        else:
            continue
        if found:
            out.append(candidate(chain[0], "cooperatesWith", chain[1], "rule:coop-meeting", MEETING, found[-1]))
    return out


# --- founders: "A, B and C founded the Alliance of Sahel States" -------------------------

def _founders_of(ctx: SentenceContext, named: list[Arg], chain: list[Arg]) -> tuple[list[Arg], tuple[int, int]] | None:
    """The parties that found a body together with ``chain`` and the founding cue: the list
    before the verb ("A, B and C … formed"), after it in a verb-first clause or a passive
    ("أسست A وB", "launched in 2017 by A, B and C"), or a party before the verb and "with"
    before the list ("Mali formed with A and B", "X forme avec A et B")."""
    first, last = chain[0], chain[-1]
    _, hi = ctx.after(last, FOUNDING_WORDS)
    for f0, f1 in ctx.cues("founding", last.end, hi):
        if any(last.end <= a.start < f0 for a in named) or ctx.cues("clause_break", last.end, f0):
            break
        return chain, (f0, f1)
    lo, _ = ctx.before(first, FOUNDING_AGENT_WORDS)
    for f0, f1 in ctx.cues("founding", lo, first.start):
        gap = ctx.text[f1:first.start]
        if not gap.strip() or ctx.lang == "ar" and ctx.only(gap, ("filler",)) or ctx.cues("passive_agent", f1, first.start):
            return chain, (f0, f1)
        if ctx.cues("with", f0, first.start) and ctx.words(gap) <= WITH_WORDS:
            x = next((a for a in reversed(named) if a.end <= f0 and ctx.words(ctx.text[a.end:f0]) <= WITH_WORDS), None)
            if x is not None:
                return [x] + chain, (f0, f1)
    return None


@relation_rule(name="founders", produces=("cooperatesWith",), rule_ids=("rule:coop-founders",))
def founders(ctx: SentenceContext) -> list[Candidate]:
    """The parties that found an alliance, a confederation or a joint force together are
    each other's partners, however many they are: "Burkina Faso, Mali and Niger founded the
    Alliance of Sahel States", "le traité instituant une confédération", "the Initiative,
    launched in 2017 by A, B and C", "تحالف أسسته A وB وC". The word of the body founded
    (``founded_body``) must lie near the founding verb."""
    if not ctx.cues("founded_body") or not ctx.cues("founding"):
        return []
    named = [a for a in ctx.parties() if not a.demonym]
    lists = chains(ctx, named)
    # "Mali formed with A and B": a lone party before "with" founds with the list after it
    lists += [[a] for a in named if not any(a in chain for chain in lists)]
    out: list[Candidate] = []
    seen: set[frozenset[str]] = set()
    for chain in lists:
        found = _founders_of(ctx, named, chain)
        if found is None:
            continue
        members, (f0, f1) = found
        # the body founded is no founder of itself ("A forme avec B et C l'Alliance des États du Sahel")
        members = [m for m in members if not ctx.cues("founded_body", m.start, m.end)]
        if len({m.key for m in members}) < 2:
            continue
        start, end = min(members[0].start, f0), max(members[-1].end, f1)
        lo, _ = ctx.before(Arg("", "", "", start, start, ""), FOUNDED_BODY_WORDS)
        _, hi = ctx.after(Arg("", "", "", end, end, ""), FOUNDED_BODY_WORDS)
        if not ctx.cues("founded_body", lo, hi) or ctx.cues("rupture", lo, hi):
            continue
        out.extend(_new_pairs(members, seen, "rule:coop-founders", FOUNDERS, (f0, f1)))
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
        training = [t0 for t0, _ in ctx.cues("providesTrainingTo", guest.end, ctx.after(guest, HOST_TRAINING_WORDS)[1]) if t0 >= guest.end]
        if training and guest.demonym and any(c0 <= training[0] < c1 for c0, c1 in ctx.cues("trainer_noun")):
            continue  # "Y received Russian instructors": the guests train the host (flows.training_flow)
        # "X hosted Somali cadets", "X hosts Malian trainees": the guests named as trainees.
        cadets = ctx.cues("trainee_origin", guest.end, ctx.after(guest, 1)[1]) if guest.demonym else []
        if training or cadets:
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
