"""Argument patterns per relation family, over one :class:`SentenceContext`.

Each family is a function ``(ctx) -> list[Candidate]``; :data:`FAMILIES` lists them. They
work on character gaps between arguments and on cue families (see
:mod:`pipeline.relations.cues`), the same way in the three languages: Arabic through
normalized, proclitic-aware cues; French and English the same, which copes with the
appositions and titles the dependency parses of the small models often get wrong.

- ``person_roles``: apposition and titles -> ``leads`` / ``memberOf`` (Person -> body);
- ``agency_country``: demonym, "of X", "X's" next to an agency -> ``agencyOf``;
- ``cooperation``: between X and Y, X with Y, X and Y + trigger -> ``cooperatesWith``;
- ``flows``: X gives information / trains -> Y, direction from word order, "by", "in";
- ``membership``: countries listed with an international organization -> ``memberOf``;
- ``events``: participants, place and date of an Event -> ``involvedIn`` / ``occurredIn``
  / ``occurredOn``;
- ``places``: "Rabat, Morocco", "Rabat, the Moroccan capital" -> ``locatedIn``.

Usage::

    for family in FAMILIES:
        candidates.extend(family(ctx))
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import combinations

from pipeline.relations.context import PARTY_TYPES, Arg, SentenceContext
from pipeline.language.normalize import normalize
from pipeline.relations.cues import load_cues

BODY_TYPES = frozenset({"GovernmentAgency", "InternationalOrganization", "Organization", "Country"})
LINK = ("conjunction", "filler")


@dataclass
class Candidate:
    head: Arg
    type: str
    tail: Arg | str
    rule: str
    confidence: float
    start: int
    end: int
    domains: list[str] = field(default_factory=list)


def _span(*items: Arg | tuple[int, int]) -> tuple[int, int]:
    starts = [i.start if isinstance(i, Arg) else i[0] for i in items]
    ends = [i.end if isinstance(i, Arg) else i[1] for i in items]
    return min(starts), max(ends)


def _cand(head: Arg, typ: str, tail: Arg | str, rule: str, conf: float, *span_of) -> Candidate:
    start, end = _span(head, *(x for x in ([tail] if isinstance(tail, Arg) else []) + list(span_of)))
    return Candidate(head, typ, tail, rule, conf, start, end)


# --- leads / memberOf (Person -> body) -------------------------------------------------

def _sub_unit_title(ctx: SentenceContext, title: tuple[int, int], body_start: int, body_end: int) -> bool:
    """A head title with a complement of its own heads a part of the body, so the person
    is a member of the body: "the armed forces' exercise director" (a noun before the
    title), "وزيرة الخارجية في الاتحاد الأوروبي", "director of operations at Europol" (a
    complement, then the body after "in" / "at")."""
    t0, t1 = title
    if body_end <= t0:  # body, then title: "Y's exercise director"
        return not ctx.only(ctx.text[body_end:t0], LINK + ("of", "title_modifier", "deputy"))
    between = ctx.text[t1:body_start]
    if not between.strip() or ctx.only(between, LINK + ("of", "title_modifier")):
        return False
    if ctx.cues("sub_unit", t1, body_start):
        return True  # "commandant du secteur sud de l'armée", "head of the cyber unit of Y"
    lo, _ = ctx.before(Arg("", "", "", body_start, body_start, ""), 2)
    return bool(ctx.cues("within", max(lo, t1), body_start))


def _title_in(ctx: SentenceContext, start: int, end: int, nearest: str = "start",
              body: tuple[int, int] | None = None) -> tuple[str, tuple[int, int]] | None:
    """``(role, title span)``: ``leads`` or ``memberOf`` from the title in ``text[start:end]``
    nearest to the body (``nearest`` = which end of the stretch the body is at). A non-head
    title just before a head title makes a member ("deputy director", "نائب رئيس"); a
    non-head cue inside a head title is part of it ("secrétaire général"); a rank is part
    of the name, not a role, unless it is the only title ("le colonel X de la Garde")."""
    if end <= start:
        return None
    heads = ctx.cues("leads", start, end)
    roles = [r for r in ctx.cues("memberRole", start, end)
             if not any(h0 <= r0 < h1 or r0 <= h0 < r1 for h0, h1 in heads for r0, r1 in [r])]
    titles = sorted([(s, e, "leads") for s, e in heads] + [(s, e, "memberOf") for s, e in roles])
    if not titles:
        return None
    ranks = ctx.cues("rank", start, end)
    named = [t for t in titles if not any(r0 <= t[0] and t[1] <= r1 for r0, r1 in ranks)]
    titles = named or titles
    pick = titles[0] if nearest == "start" else titles[-1]
    span = (pick[0], pick[1])
    if pick[2] == "leads" and any(_deputy_of(ctx, d1, pick[0]) for _, d1 in ctx.cues("deputy", start, end)):
        return "memberOf", span
    if pick[2] == "leads" and body is not None and _sub_unit_title(ctx, span, *body):
        return "memberOf", span
    return pick[2], span


def _deputy_of(ctx: SentenceContext, deputy_end: int, title_start: int) -> bool:
    """A deputy cue ending at ``deputy_end`` qualifies the head title at ``title_start``:
    right before it, or with an ordinal and "of" between ("النائب الأول لرئيس", "first
    deputy of the president")."""
    if 0 <= title_start - deputy_end <= 2:
        return True
    between = ctx.text[deputy_end:title_start]
    return deputy_end < title_start and ctx.words(between) <= 2 and ctx.only(between, ("title_modifier", "of", "filler"))


def _role_in(ctx: SentenceContext, start: int, end: int, nearest: str = "start",
             body: tuple[int, int] | None = None) -> str | None:
    found = _title_in(ctx, start, end, nearest, body)
    return found[0] if found else None


def _relative_head(ctx: SentenceContext, start: int, end: int) -> tuple[str, tuple[int, int]] | None:
    """A head cue right after a relative pronoun in ``text[start:end]`` ("X, the Nigerian
    officer who commands Y", "الذي يرأس"): the clause says what the person heads, over a
    rank noun before it."""
    for h0, h1 in ctx.cues("leads", start, end):
        lo, _ = ctx.before(Arg("", "", "", h0, h0, ""), 1)
        if lo >= start and ctx.only(ctx.text[lo:h0], ("copula",)) and ctx.cues("copula", lo, h0):
            return "leads", (h0, h1)
    return None


def _phrase_start(ctx: SentenceContext, b: Arg) -> int:
    """Where a body's whole name starts: "Italy's External … Agency (AISE)" for "AISE", so a
    title before it ("the director of Italy's …") is found."""
    start = b.start
    while True:
        prev = [x for x in ctx.args if x.end <= start and x.type in BODY_TYPES]
        if not prev:
            return start
        x = max(prev, key=lambda a: a.end)
        gap = ctx.text[x.end:start].strip().lower()
        if gap in {"(", "'s", "’s"} or gap == "" and not x.demonym:
            start = x.start
        else:
            return start


def _is_minister(ctx: SentenceContext, title: tuple[int, int]) -> bool:
    """A portfolio minister's title ("Interior Minister", "وزير الداخلية"), not "prime minister"."""
    return any(m == title for m in ctx.cues("minister", *title))


def _ministry_of(ctx: SentenceContext, state: Arg, window: tuple[int, int]) -> Arg | None:
    """The ministry of ``state`` whose name shares a portfolio word with the title's words."""
    words = ctx.content_words(*window, skip=("leads", "minister", "memberRole", "rank", "of", "filler", "title_modifier"))
    best, overlap = None, 0
    for arg, key, name_words in ctx.ministries:
        shared = len(words & name_words)
        if key == state.key and shared > overlap:
            best, overlap = arg, shared
    return best


def _apposition_conjunction(ctx: SentenceContext, start: int, end: int) -> bool:
    """A conjunction in ``text[start:end]`` other than the comma that sets a name in
    apposition to its title ("Qatar's Emir, Sheikh X", "…، العقيد X")."""
    for c0, c1 in ctx.cues("conjunction", start, end):
        if ctx.text[c0:c1] in {",", "،"} and ctx.only(ctx.text[c1:end], ("rank", "article")):
            continue
        return True
    return False


def person_roles(ctx: SentenceContext) -> list[Candidate]:
    out: list[Candidate] = []
    persons = [a for a in ctx.args if a.type == "Person"]
    # A demonym qualifying a named body ("the head of the Libyan Intelligence Service") is
    # not the body the title names.
    bodies = [a for a in ctx.args if a.type in BODY_TYPES and not (a.demonym and a.qualifier_of)]
    for p in persons:
        # One role per side: the title before the name and the one after it are two
        # statements ("Le président du Sénégal, X, président en exercice de l'UA").
        best: dict[str, tuple[int, Candidate]] = {}
        for b in bodies:
            if b.key == p.key:
                continue
            others = [x for x in ctx.between_args(p, b) if x.type == "Person" or x.type in BODY_TYPES and not x.demonym]
            if others:
                continue
            gap = ctx.gap(p, b)
            title = None
            if (p.start < b.start and ctx.only(gap, ("of", "filler")) and ctx.words(gap) <= 3
                    and ctx.cues("of", *ctx.gap_span(p, b)) and not set(gap) & set(",،(")):
                # "Maj. Gen. X of the Air Force", "le colonel X de la Garde nationale": the
                # title before the person, the body after "of".
                if ctx.cues("locative", *ctx.gap_span(p, b)):
                    continue  # "l'ambassadeur X à Tunis", "السفير X في الرباط"
                lo = ctx.before(p, 4)[0]
                title = _title_in(ctx, lo, p.start, "end")
                window = (lo, p.start)
                conf = 0.7
            elif p.start < b.start:
                # "X, director general of Y" / "X، المدير العام لـ Y" / "X, Y's director"
                if ctx.words(gap) > 8:
                    continue
                if gap.strip()[:1] not in {",", "،", "(", "-", "—"}:
                    # No apposition mark: only "X is / who heads / بصفته …" — "X met the
                    # head of Y" gives the title to someone else.
                    heads = ctx.cues("leads", p.end, b.start) + ctx.cues("memberRole", p.end, b.start)
                    if not heads or not ctx.only(ctx.text[p.end:min(h[0] for h in heads)], LINK + ("copula",)):
                        continue
                nxt = [x for x in ctx.args if x.start >= b.end and x.start - b.end <= 3 and x.type == "Person"]
                if nxt:  # "مستشار الرئيس الأميركي باراك اوباما": the title is the next person's
                    continue
                if ctx.only(gap, LINK):  # "X, Y's director": the title follows the body
                    window = (b.end, ctx.after(b, 1 if b.demonym else 4)[1])
                    title = _title_in(ctx, *window, body=(b.start, b.end))
                else:
                    window = (p.end, b.start)
                    title = _title_in(ctx, *window, body=(b.start, b.end))
                    if title is not None and title[0] == "memberOf":
                        title = _relative_head(ctx, *window) or title
                conf = 0.8
            else:
                # "Le président français, Emmanuel Macron" / "Europol's Executive Director X" /
                # "وزير الداخلية الفرنسي X" / "مدير المخابرات العامة اللواء X"
                if ctx.words(gap) > 6 or ctx.cues("clause_break", b.end, p.start):
                    continue
                if _apposition_conjunction(ctx, b.end, p.start) and not ctx.only(gap, LINK):
                    continue
                lo = ctx.before(Arg("", "", "", _phrase_start(ctx, b), b.end, ""), 4)[0]
                title = None if ctx.only(gap, LINK + ("rank",)) else _title_in(ctx, b.end, p.start, "end", body=(b.start, b.end))
                window = (b.end, p.start)
                if title is None:
                    title = _title_in(ctx, lo, _phrase_start(ctx, b), "end", body=(b.start, b.end))
                    window = (lo, p.start)
                conf = 0.75
            if title is None:
                continue
            role, span = title
            target = b
            if role == "memberOf" and b.type == "Country":
                continue  # a person is a member of a body, not of a state
            if role == "leads" and b.type == "Country" and _is_minister(ctx, span):
                # A portfolio minister heads the ministry the text names, not the state.
                ministry = _ministry_of(ctx, b, (min(window[0], span[0]), max(window[1], span[1])))
                if ministry is None:
                    conf = 0.45  # kept, flagged, under the export threshold
                else:
                    target, conf = ministry, conf - 0.05
            side = "left" if b.start < p.start else "right"
            distance = len(gap)
            if side not in best or distance < best[side][0]:
                best[side] = (distance, _cand(p, role, target, f"rule:{role}-title", conf, b))
        for _, cand in best.values():
            out.append(cand)
            out.extend(_coordinated_bodies(ctx, cand))
    return out + headed_by(ctx)


def headed_by(ctx: SentenceContext) -> list[Candidate]:
    """"Italy's Interior Ministry, headed by X", "المجلس الرئاسي برئاسة X", "la commission,
    présidée par X": the person right after the cue leads the body right before it."""
    out = []
    for c0, c1 in ctx.cues("headed_by"):
        body = next((a for a in reversed(ctx.args) if a.end <= c0 and not (a.demonym and a.qualifier_of)), None)
        person = next((a for a in ctx.args if a.start >= c1), None)
        if body is None or person is None or person.type != "Person" or body.type not in BODY_TYPES - {"Country"} or body.demonym:
            continue
        if ctx.words(ctx.text[body.end:c0]) > 1 or ctx.words(ctx.text[c1:person.start]) > 3:
            continue
        if not ctx.only(ctx.text[c1:person.start], ("rank", "leads", "filler")):
            continue
        out.append(_cand(person, "leads", body, "rule:leads-headed-by", 0.75, (c0, c1)))
    return out


def _coordinated_bodies(ctx: SentenceContext, cand: Candidate) -> list[Candidate]:
    """"X, directeur de la police et de la gendarmerie", "المدير العام للأمن الوطني ومراقبة
    التراب الوطني": bodies coordinated after the one a title names share the role."""
    body = cand.tail
    if not isinstance(body, Arg) or body.start < cand.head.start:
        return []
    out = []
    last = body
    for x in ctx.args:
        if x.start < last.end or x.demonym:
            continue
        if x.type != body.type or not ctx.cues("conjunction", last.end, x.start) or not ctx.only_between(last, x, LINK + ("of",)):
            break
        out.append(_cand(cand.head, cand.type, x, cand.rule + "-coordinated", round(cand.confidence - 0.05, 3)))
        last = x
    return out


# --- agencyOf ---------------------------------------------------------------------------

def agency_country(ctx: SentenceContext) -> list[Candidate]:
    out = []
    agencies = [a for a in ctx.args if a.type == "GovernmentAgency" and not a.demonym]
    countries = [a for a in ctx.args if a.type == "Country"]
    for ag in agencies:
        for c in countries:
            if c.demonym and c.qualifier_of == ag.id:
                out.append(_cand(ag, "agencyOf", c, "rule:agency-demonym", 0.85))
            elif not c.demonym and c.start >= ag.end and ctx.words(ctx.gap(ag, c)) <= 2 and ctx.only_between(ag, c, ("of", "filler")) and ctx.cues("of", *ctx.gap_span(ag, c)):
                out.append(_cand(ag, "agencyOf", c, "rule:agency-of-country", 0.8))
            elif not c.demonym and c.end <= ag.start and ctx.gap(c, ag).strip().lower() in {"'s", "’s", ""}:
                out.append(_cand(ag, "agencyOf", c, "rule:country-possessive-agency", 0.8))
    return out


# --- cooperatesWith ---------------------------------------------------------------------

def _repeated_preposition(ctx: SentenceContext, a: Arg, b: Arg) -> bool:
    """"par X ainsi que par Y", "by X and by Y", "مع X ومع Y": a conjunction and the same
    kind of preposition again still coordinate the two names."""
    return bool(ctx.cues("conjunction", a.end, b.start)) and ctx.only_between(a, b, LINK + ("agent", "with"))


def _chains(ctx: SentenceContext, parties: list[Arg]) -> list[list[Arg]]:
    """Runs of parties joined only by conjunctions, commas, articles or hyphens."""
    chains: list[list[Arg]] = []
    current: list[Arg] = []
    last: Arg | None = None  # the mention the next gap starts after (a short name in brackets)
    for arg in parties:
        if current and ctx.gap(last, arg).strip() in {"(", "["}:
            last = arg
            continue  # "Office ... (Unodc)": the same party again, by its short name
        if current and last is current[-1] and _possessor(ctx, last, arg):
            current[-1] = last = arg  # "Morocco's DGSN": the body is the party, not its state
            continue
        if current and (ctx.gap(last, arg).strip() in {"-", "/"} | {""} or ctx.only_between(last, arg, LINK)
                        or _repeated_preposition(ctx, last, arg)):
            current.append(arg)
        else:
            if len(current) > 1:
                chains.append(current)
            current = [arg]
        last = arg
    if len(current) > 1:
        chains.append(current)
    return chains


def _possessor(ctx: SentenceContext, a: Arg, b: Arg) -> bool:
    """``a`` is a state named as the possessor of the body ``b`` ("Portugal's police")."""
    return (a.type == "Country" and not a.demonym and b.type in BODY_TYPES - {"Country"}
            and ctx.gap(a, b).strip().lower() in {"'s", "’s"})


def _compact_pair(ctx: SentenceContext, a: Arg, b: Arg) -> bool:
    gap = ctx.gap(a, b).strip()
    return gap in {"-", "/", "و", "et", "and"} or (gap == "" and a.demonym and b.demonym)


def _joint_later(ctx: SentenceContext, chain: list[Arg], parties: list[Arg]) -> bool:
    """Two coordinated names followed, within their clause, by a word of joint action ("the
    MIT and the INIS had set up a joint cell", "X et Y ont lancé, le 3 février, des
    patrouilles conjointes"): no other party, clause break or "with" before that word."""
    if len(chain) != 2 or any(x.demonym for x in chain):
        return False
    end = chain[-1].end
    _, far = ctx.after(chain[-1], 12)
    for j0, _ in ctx.cues("joint", end, far):
        if any(end <= a.start < j0 for a in parties) or ctx.cues("clause_break", end, j0) or ctx.cues("with", end, j0):
            return False
        return True
    return False


def _reacting(ctx: SentenceContext, chain: list[Arg], triggers: list[tuple[int, int]]) -> bool:
    """"The AU and the UN welcomed the agreement", "رحب الاتحاد والأمم المتحدة بالاتفاق":
    the coordinated names share a verb of reaction, the trigger is its object; they do not
    cooperate with each other."""
    lo, _ = ctx.before(chain[0], 2)
    if any(t1 <= chain[0].start and t0 >= ctx.before(chain[0], 4)[0] for t0, t1 in triggers):
        return False  # "cooperation between X and Y", "تعاون X وY"
    nxt = next((t0 for t0, _ in triggers if t0 >= chain[-1].end), None)
    spans = [(lo, chain[0].start)] + ([(chain[-1].end, nxt)] if nxt is not None else [])
    return any(ctx.cues("reaction", a, b) for a, b in spans)


def _affiliation_of_person(ctx: SentenceContext, b: Arg) -> bool:
    """``b`` only qualifies the person named right after it by a title ("UN
    Secretary-General X", "Europol's director X")."""
    nxt = next((x for x in ctx.args if x.start >= b.end), None)
    if nxt is None or nxt.type != "Person" or ctx.words(ctx.text[b.end:nxt.start]) > 4:
        return False
    return bool(ctx.cues("leads", b.end, nxt.start) or ctx.cues("memberRole", b.end, nxt.start))


def _possessed(ctx: SentenceContext, t0: int, t1: int) -> bool:
    """The trigger noun has a possessor pronoun: an Arabic suffix (تعاونها، تعاونه) or a
    possessive determiner just before it (sa, son, leur, its, their)."""
    word = ctx.text[t0:t1]
    if ctx.lang == "ar":
        return word.endswith(("ها", "هم", "هما")) or word.endswith("ه") and not word.endswith("ة")
    lo, _ = ctx.before(Arg("", "", "", t0, t0, ""), 2)
    return bool(load_cues().find("possessive", ctx.lang, ctx.text[lo:t0]))


def cooperation(ctx: SentenceContext) -> list[Candidate]:
    triggers = ctx.cues("cooperatesWith")
    headline = ctx.headline()
    if headline:  # the splitter may cut a title at ".." or ":"
        line = load_cues().find("cooperatesWith", ctx.lang, ctx.text[headline[0]:headline[1]], offset=headline[0])
        triggers = sorted(set(triggers) | set(line))
    # A word of a name ("Gulf Cooperation Council", "مجلس التعاون") states no cooperation.
    triggers = [(t0, t1) for t0, t1 in triggers if not any(a.start <= t0 and t1 <= a.end for a in ctx.args)]
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
        seen.add(pair)
        out.append(_cand(a, "cooperatesWith", b, rule, conf, *triggers))

    for chain in _chains(ctx, parties):
        # Demonyms count only in compact pairs: "التحالف السعودي-الأميركي", "franco-marocain",
        # "التدريب المصري السوداني المشترك" (two adjectives in a row qualify one noun).
        if any(x.demonym for x in chain) and not all(_compact_pair(ctx, x, y) for x, y in zip(chain, chain[1:])):
            chain = [x for x in chain if not x.demonym]
        if len(chain) < 2:
            continue
        lo, _ = ctx.before(chain[0], 4)
        _, hi = ctx.after(chain[-1], 4)
        if headline and chain[-1].end <= headline[1]:
            lo, hi = headline  # "المغرب وإسبانيا.. تفكيك شبكة بتنسيق أمني": a title's names and its trigger
        if not any(lo <= t0 and t1 <= hi for t0, t1 in triggers) and not _joint_later(ctx, chain, parties):
            continue
        if _reacting(ctx, chain, triggers):
            continue
        between = ctx.cues("between", lo, chain[0].start)
        rule, conf = ("rule:coop-between", 0.85) if between else ("rule:coop-coordination", 0.75)
        with_lo, _ = ctx.before(chain[0], 2)
        # Co-objects of "with" ("coopère avec A et B", "التنسيق مع A وB") are each the
        # subject's partner, not each other's; a list of more than two after "between" is
        # pairwise only when the text says so ("among them", "فيما بينها").
        co_objects = not between and bool(ctx.cues("with", with_lo, chain[0].start))
        if between and len(chain) > 2 and not ctx.cues("among"):
            co_objects = True
        if not co_objects:
            for a, b in combinations(chain, 2):
                emit(a, b, rule, conf)
        # "X coopère avec Y et Z": the party before "with" cooperates with the whole chain.
        for x in named:
            if x.end <= chain[0].start and ctx.cues("with", x.end, chain[0].start) and ctx.words(ctx.gap(x, chain[0])) <= 8:
                for y in chain:
                    emit(x, y, "rule:coop-with", 0.8)
    for a, b in combinations(named, 2):
        gap = ctx.gap(a, b)
        between = [x for x in ctx.between_args(a, b) if x.type in PARTY_TYPES and x.qualifier_of is None and not x.source]
        if ctx.words(gap) <= 10 and ctx.cues("with", a.end, b.start) and not between:
            if _affiliation_of_person(ctx, b) or ctx.cues("reaction", a.end, b.start):
                continue  # "welcomed the deal, with UN Secretary-General X calling it …"
            emit(a, b, "rule:coop-with", 0.8)
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
            y = next((a for a in named if a.start >= t1 and ctx.words(ctx.text[t1:a.start]) <= 2), None)
            if y is None or y is subject or subject.end > t0 or not ctx.cues("with", t1, y.start):
                continue
            if not ctx.only(ctx.text[t1:y.start], ("with", "filler")) or _affiliation_of_person(ctx, y):
                continue
            if ctx.cues("reaction", subject.end, t0):
                continue  # "X welcomed the deal, with …": X reacts, it is no party
            emit(subject, y, "rule:coop-with-subject", 0.65)
    if not out:
        # Two parties and a trigger somewhere in the sentence: often each is only the
        # affiliation of a person or the setting of the trigger, so this stays under the
        # export threshold (kept, flagged, with min_confidence=0).
        keys = {a.key for a in named}
        if len(keys) == 2:
            a = named[0]
            b = next(x for x in named if x.key != a.key)
            emit(a, b, "rule:coop-sentence-pair", 0.45)
    return out


# --- providesIntelligenceTo / providesTrainingTo ------------------------------------------

def _flows(ctx: SentenceContext, family: str, rule: str) -> list[Candidate]:
    out: list[Candidate] = []
    parties = ctx.parties(demonyms=True)
    # Verbs of handing over that state a flow only with the thing handed in the clause
    # ("نقلت X معلومات إلى Y"), checked in :func:`_verb_first`.
    handing = set(ctx.cues("handing_verb")) if family == "providesIntelligenceTo" else set()
    for t0, t1 in sorted(set(ctx.cues(family)) | handing):
        if (t0, t1) in handing and not (ctx.lang == "ar" and after_vso(ctx, parties, t0, t1)):
            continue
        if (t0, t1) in handing and (t0, t1) not in set(ctx.cues(family)):
            # "نقلت X معلومات إلى Y", "أحالت X على الجانب الإسباني معطيات": verb, subject, recipient.
            subject, recipient = [a for a in parties if a.start >= t1][:2]
            if subject.key != recipient.key and not subject.demonym:
                out.append(_cand(subject, family, recipient, rule + "-vso", 0.65, (t0, t1)))
            continue
        if any(a.start <= t0 and t1 <= a.end for a in ctx.args):
            continue  # a word of a name ("Direction des renseignements"), not a statement
        before = [a for a in parties if a.end <= t0 and _words_past_relative(ctx, a.end, t0) <= 6]
        # "handed information on the suspects to Y": a party marked by "to" may sit further.
        after = [a for a in parties if a.start >= t1 and (ctx.words(ctx.text[t1:a.start]) <= 4
                 or ctx.words(ctx.text[t1:a.start]) <= 7 and ctx.cues("flow_to", t1, a.start))]
        giver = before[-1] if before else None
        receiver = _possessor_of(ctx, parties, after[0]) if after else None
        source_cues = "flow_source" if family == "providesIntelligenceTo" else "training_source"
        # The source cue may close the trigger itself ("renseignements fournis par X").
        cue_from = t0 if family == "providesIntelligenceTo" else t1  # "trainees from Y" are Y's
        if receiver and ctx.words(ctx.text[t1:receiver.start]) <= 3 and ctx.cues(source_cues, cue_from, receiver.start):
            # "information supplied by X", "معلومات دقيقة قدمها X", "a tip from X": the party
            # after the trigger is the source; the recipient is the one it goes "to", else
            # the party before the trigger (who acted on it: "Y arrested … after a tip from X").
            source = receiver
            to = next((a for a in parties if a.start >= source.end and a.key != source.key
                       and ctx.words(ctx.text[source.end:a.start]) <= 4 and ctx.cues("flow_to", source.end, a.start)), None)
            # Not the source's own state ("Iraqi national X … intelligence provided by Iraq's service").
            own = {a.key for a in parties if a.type == "Country" and (a.qualifier_of == source.id
                   or _phrase_start(ctx, source) <= a.start < source.start)}
            prior = [a for a in parties if a.end <= t0 and a.key != source.key and a.key not in own]
            target, conf = (to, 0.7) if to else (prior[-1], 0.7 if giver and prior[-1] is giver else 0.65) if prior else (None, 0)
            if target is None:
                # A fronted adjunct: "Acting on intelligence from X, Y raided …", "بناء على
                # معلومات من X، أوقفت Y …": the recipient is the main clause's subject after the comma.
                target = _clause_subject_after(ctx, parties, source)
                conf = 0.65
            if target is not None:
                out.append(_cand(source, family, target, rule + "-source", conf, (t0, t1)))
            continue
        if receiver and ctx.lang == "ar" and _verb_first(ctx, giver, receiver, after, t0, t1):
            # "زودت X Y بمعلومات", "أبلغت X Y", "ويدرب X Y على …": verb, subject, object.
            out.append(_cand(receiver, family, after[1], rule + "-vso", 0.65, (t0, t1)))
            continue
        if giver and receiver and ctx.lang == "ar" and "،" in ctx.text[giver.end:t0] and ctx.words(ctx.text[t1:receiver.start]) <= 1:
            # Verb first: "…، في حين نبّهت السعودية إلى …": the party right after the verb is
            # its subject, the one before the clause break belongs to another clause.
            giver = receiver
            receiver = next((a for a in after[1:] if ctx.words(ctx.text[giver.end:a.start]) <= 4), None)
            if receiver is None or receiver.key == giver.key:
                continue
            out.append(_cand(giver, family, receiver, rule + "-verb-first", 0.65, (t0, t1)))
            continue
        if giver and receiver:
            if giver.key == receiver.key or ctx.only_between(giver, receiver, LINK):
                continue
            agent = ctx.cues("agent", t1, receiver.start)
            lo, _ = ctx.before(giver, 3)
            # "Y received training from X", "Y a reçu des informations de X": the recipient
            # verb before the subject or between it and the trigger.
            recipient = ctx.cues("recipient", lo, t1)
            if agent or recipient:
                # "Y was trained by X", "Y alerté par X", "Y received training from X",
                # "استفادة ضباط من Y من دورات يؤطرها X", "Y bénéficiera de sessions ... X"
                giver, receiver = receiver, giver
            out.append(_cand(giver, family, receiver, rule, 0.7, (t0, t1)))
            if not (agent or recipient):
                # "X will train units of A and B": each coordinated party receives it.
                out.extend(_cand(giver, family, x, rule + "-coordinated", 0.65, (t0, t1))
                           for x in _coordinated_after(ctx, parties, receiver) if x.key != giver.key)
        elif receiver and any(a.start >= receiver.end for a in parties):
            # "تكوين عناصر مغاربة في مؤسسات أمنية فرنسية": trainee, then "in" the trainer's
            # institutions; "training of X by Y"; "transmis aux enquêteurs de Y par X".
            second = next(a for a in parties if a.start >= receiver.end)
            gap_start, gap_end = receiver.end, second.start
            if ctx.cues("locative", gap_start, gap_end) or ctx.cues("agent", gap_start, gap_end):
                if second.key != receiver.key and ctx.words(ctx.text[gap_start:gap_end]) <= 5:
                    out.append(_cand(second, family, receiver, rule + "-locative", 0.65, (t0, t1)))
        elif giver and len(before) > 1 and not receiver:
            # "X ... support for Y's forces in training": the trigger closes the clause.
            first, second = before[-2], before[-1]
            if first.key != second.key and not ctx.only_between(first, second, LINK) and ctx.words(ctx.text[second.end:t0]) <= 3:
                out.append(_cand(first, family, second, rule + "-final", 0.55, (t0, t1)))
    return out


def _coordinated_after(ctx: SentenceContext, parties: list[Arg], first: Arg) -> list[Arg]:
    """The parties coordinated after ``first`` ("A, B and C"), of its kind (a state or a
    body), each joined to the one before by a conjunction and articles only."""
    out: list[Arg] = []
    last = first
    for x in parties:
        if x.start < last.end or x.key == first.key:
            continue
        if x.demonym or (x.type == "Country") != (first.type == "Country"):
            break
        if not ctx.cues("conjunction", last.end, x.start) or not ctx.only_between(last, x, LINK):
            break
        out.append(x)
        last = x
    return out


def _words_past_relative(ctx: SentenceContext, start: int, end: int) -> int:
    """Words in ``text[start:end]`` leaving out a relative clause set off by commas ("X,
    which plans the exercise, will also train Y", "X، الذي …، يدرب Y")."""
    text = ctx.text[start:end]
    for c0, c1 in ctx.cues("relative", start, end):
        lo = ctx.text.rfind(",", start, c0) if ctx.lang != "ar" else max(ctx.text.rfind("،", start, c0), ctx.text.rfind(",", start, c0))
        if lo < 0 or ctx.text[lo + 1:c0].strip():
            continue  # not right after a comma
        close = [i for i in (ctx.text.find(",", c1, end), ctx.text.find("،", c1, end)) if i >= 0]
        if close:
            text = ctx.text[start:lo] + ctx.text[min(close) + 1:end]
            break
    return ctx.words(text)


def _possessor_of(ctx: SentenceContext, parties: list[Arg], a: Arg) -> Arg:
    """"Morocco's Royal Gendarmerie": the body the possessor names, not the possessor."""
    nxt = next((x for x in parties if x.start >= a.end), None)
    if nxt is not None and ctx.text[a.end:nxt.start].strip().lower() in {"'s", "’s"}:
        return nxt
    return a


def _clause_subject_after(ctx: SentenceContext, parties: list[Arg], source: Arg) -> Arg | None:
    """The first party after ``source`` past a comma, within a few words: the subject of the
    main clause that a fronted adjunct ("Grâce à des renseignements fournis par X, Y …")
    precedes."""
    nxt = next((a for a in parties if a.start >= source.end and a.key != source.key), None)
    if nxt is None or ctx.words(ctx.text[source.end:nxt.start]) > 6:
        return None
    gap = ctx.text[source.end:nxt.start]
    return nxt if set(gap) & set(",،") and not ctx.cues("flow_to", source.end, nxt.start) else None


def after_vso(ctx: SentenceContext, parties: list[Arg], t0: int, t1: int) -> bool:
    """A handing verb, its subject, the information, then "to" the recipient; or the
    recipient first, then the information ("أحالت X على الجانب الإسباني معطيات")."""
    after = [a for a in parties if a.start >= t1]
    if len(after) < 2 or ctx.words(ctx.text[t1:after[0].start]) > 1:
        return False
    if ctx.cues("information", after[0].end, after[1].start):
        return True
    _, hi = ctx.after(after[1], 2)
    return (bool(ctx.cues("flow_to", after[0].end, after[1].start)) and ctx.words(ctx.text[after[0].end:after[1].start]) <= 2
            and bool(ctx.cues("information", after[1].end, hi)))


def _verb_first(ctx: SentenceContext, giver: Arg | None, receiver: Arg, after: list[Arg], t0: int, t1: int) -> bool:
    """An Arabic verb-first clause: the trigger verb, its subject right after it, then the
    object, right after the subject or after "to" (إلى، لـ) with at most the thing handed
    over between ("نقلت X معلومات إلى Y"); no party of the same clause before the verb."""
    if ctx.words(ctx.text[t1:receiver.start]) > 1 or len(after) < 2 or after[1].key == receiver.key:
        return False
    if receiver.demonym or after[1].demonym or normalize(ctx.text[t0:t1]).lstrip("وفبلك").startswith("ال"):
        return False  # a noun, not a verb: "التدريب المصري السوداني المشترك"
    if not ctx.only(ctx.text[t1:receiver.start], ("filler",)):
        return False
    if giver is not None and not ("،" in ctx.text[giver.end:t0] or ctx.cues("clause_break", giver.end, t0)) and ctx.words(ctx.text[giver.end:t0]) < 3:
        return False
    gap0, gap1 = receiver.end, after[1].start
    if ctx.cues("agent", gap0, gap1) or ctx.cues("locative", gap0, gap1) and not ctx.cues("flow_to", gap0, gap1):
        return False
    return ctx.only(ctx.text[gap0:gap1], ("filler",)) or bool(ctx.cues("flow_to", gap0, gap1)) and ctx.words(ctx.text[gap0:gap1]) <= 3


def flows(ctx: SentenceContext) -> list[Candidate]:
    return (_flows(ctx, "providesIntelligenceTo", "rule:intelligence-flow")
            + _flows(ctx, "providesTrainingTo", "rule:training-flow"))


# --- counterparts: "وزير الداخلية المغربي مع نظيره الإسباني" -----------------------------

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
            other = next((a for a in states if a.start >= c1 and ctx.words(ctx.text[c1:a.start]) <= 1), None)
        own = next((a for a in reversed(states) if a.end <= c0 and ctx.words(ctx.text[a.end:c0]) <= 10), None)
        if other is None or own is None or other.key == own.key or not other.demonym:
            continue
        out.append(_cand(own, "cooperatesWith", other, "rule:coop-counterparts", 0.7, (c0, c1), *triggers))
    return out


# --- hosting: "X hosted a delegation of Y" ----------------------------------------------

def _host_and_guest(ctx: SentenceContext, parties: list[Arg], h0: int, h1: int) -> tuple[Arg, Arg] | None:
    """The host and the guest of the hosting verb at ``h0:h1``: the host just before it
    (in Arabic, verb first, just after it), the guest after it past "a delegation of" /
    "وفدا من" words only."""
    named = [a for a in parties if not a.demonym]
    if ctx.lang == "ar":
        host = next((a for a in named if a.start >= h1 and ctx.words(ctx.text[h1:a.start]) <= 1
                     and ctx.only(ctx.text[h1:a.start], ("filler",))), None)
        after = host.end if host else h1
    else:
        host = next((a for a in reversed(named) if a.end <= h0 and ctx.words(ctx.text[a.end:h0]) <= 4
                     and not set(ctx.text[a.end:h0]) & set(",;:")), None)
        after = h1
    if host is None:
        return None
    guest = next((a for a in parties if a.start >= after and a.key != host.key), None)
    if guest is None or ctx.words(ctx.text[after:guest.start]) > 5 or not ctx.only(ctx.text[after:guest.start], ("hosted_group", "filler")):
        return None
    if ctx.text[guest.end:guest.end + 3].lstrip().startswith(("'s", "’s")):
        owned = _possessor_of(ctx, parties, guest)
        if owned is guest:
            return None  # "X received Y's support": Y's thing, not Y, is received
        guest = owned
    return host, guest


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
        _, hi = ctx.after(guest, 8)
        if any(t0 >= guest.end for t0, _ in ctx.cues("providesTrainingTo", guest.end, ctx.after(guest, 6)[1])):
            out.append(_cand(host, "providesTrainingTo", guest, "rule:training-host", 0.65, (h0, h1)))
        elif ctx.cues("cooperatesWith", guest.end, hi) and not guest.demonym:
            cand = _cand(host, "cooperatesWith", guest, "rule:coop-host", 0.7, (h0, h1))
            out.append(cand)
    return out


# --- memberOf (Country -> International organization) ----------------------------------

def membership(ctx: SentenceContext) -> list[Candidate]:
    orgs = [a for a in ctx.args if a.type == "InternationalOrganization" and not a.demonym]
    if not orgs:
        return []
    cues = ctx.cues("memberOf")
    if not cues:
        return []
    countries = [a for a in ctx.args if a.type == "Country" and not a.demonym]
    out: list[Candidate] = []
    chains = _chains(ctx, countries) or [[c] for c in countries]
    for chain in chains:
        lo, hi = chain[0].start, chain[-1].end
        org = min(orgs, key=lambda o: min(abs(o.start - hi), abs(lo - o.end)))
        if any(ctx.only_between(org, x, LINK) and ctx.cues("conjunction", *ctx.gap_span(org, x))
               and not set(ctx.gap(org, x)) & set("(:[") for x in (chain[0], chain[-1])):
            continue  # "signed by the EU, Italy and Tunisia": co-parties, not members
        if org.end <= lo and ctx.cues("agent", ctx.before(Arg("", "", "", _phrase_start(ctx, org), org.end, ""), 2)[0], org.start):
            continue  # "The force, set up by the X, includes A, B": X's creation, not X, has them
        start, end = min(lo, org.start), max(hi, org.end)
        # A cue overlapping the stretch or within a few characters of it ("Les pays membres
        # de l'X : A, B", "X, which groups A, B and C", "وتضم A وB").
        if not any(c1 >= start - 15 and c0 <= end + 15 for c0, c1 in cues):
            continue
        if ctx.words(ctx.text[min(hi, org.end):max(lo, org.start)]) > 20:
            continue
        conf = 0.75 if len(chain) > 1 else 0.65
        for c in chain:
            if org.start >= c.end and ctx.text[c.end:org.start].strip() == "(":
                continue  # "la mission … au Mali (EUTM Mali)": the country of the name
            out.append(_cand(c, "memberOf", org, "rule:member-countries", conf, *cues))
    return out


# --- locatedIn --------------------------------------------------------------------------

def places(ctx: SentenceContext) -> list[Candidate]:
    out: list[Candidate] = []
    for a, b in zip(ctx.args, ctx.args[1:]):
        if a.type not in {"City", "Location"} or a.demonym:
            continue
        gap = ctx.gap(a, b).strip()
        if b.type in {"Country", "Location"} and not b.demonym and gap in {",", "،", "("}:
            out.append(_cand(a, "locatedIn", b, "rule:place-comma", 0.8))
        elif b.type == "Country" and b.demonym and ctx.cues("capital", a.end, b.start) and ctx.words(gap) <= 4:
            out.append(_cand(a, "locatedIn", b, "rule:place-capital-demonym", 0.85))
        elif b.type == "Country" and not b.demonym and ctx.words(gap) <= 2 and ctx.only(gap, ("locative", "filler")) and ctx.cues("locative", a.end, b.start):
            out.append(_cand(a, "locatedIn", b, "rule:place-in", 0.65))
        elif (b.type == "Country" and not b.demonym and gap[:1] in {",", "،"} and ctx.words(gap) <= 5
              and ctx.only(gap, ("capital", "locative", "filler", "of")) and (ctx.cues("capital", a.end, b.start) or ctx.cues("locative", a.end, b.start))):
            # "Malabo, capitale de la Guinée équatoriale", "Almeria, in southern Spain"
            out.append(_cand(a, "locatedIn", b, "rule:place-apposition", 0.8))
        elif (a.type == "Location" and b.type == "Country" and not b.demonym and ctx.words(gap) <= 2 and ctx.only(gap, ("of", "filler"))
              and ctx.cues("of", a.end, b.start) and ctx.cues("capital", a.start, a.end)):
            # "the Tillabéri region of Niger", "la province de X du Y"
            out.append(_cand(a, "locatedIn", b, "rule:place-region-of", 0.75))
        elif (a.type == "City" and b.type == "Location" and gap[:1] in {",", "،"} and ctx.words(gap) <= 3
              and ctx.only(gap, ("locative", "filler")) and ctx.cues("locative", a.end, b.start)):
            # "Ménaka, dans la région de Gao", "X, in the Y region": a city in a region
            out.append(_cand(a, "locatedIn", b, "rule:place-apposition", 0.75))
        elif (ctx.lang == "ar" and b.type in {"Country", "Location", "City"} and not b.demonym and ctx.words(gap) <= 2
              and ctx.cues("compass", a.end, b.start) and ctx.only(gap, ("compass", "capital"))):
            # "إقليم قادس جنوب إسبانيا", "وادي حوران غربي محافظة الأنبار"
            out.append(_cand(a, "locatedIn", b, "rule:place-compass", 0.75))
        elif ctx.lang == "ar" and b.type == "Country" and b.demonym and not gap and ctx.cues("capital", *ctx.before(a, 1)):
            # "في مدينة قابس التونسية": the city noun, the name, its adjective of state
            out.append(_cand(a, "locatedIn", b, "rule:place-city-demonym", 0.8))
    # "Ménaka, dans la région de Gao, au Mali", "X, in the Y region of Z": a city in a
    # region that the sentence puts in a state is in that state too.
    for first in list(out):
        for second in list(out):
            if (first.tail is second.head or isinstance(first.tail, Arg) and first.tail.id == second.head.id) \
                    and first.head.type == "City" and isinstance(second.tail, Arg) and second.tail.type == "Country":
                out.append(_cand(first.head, "locatedIn", second.tail, "rule:place-chain", min(first.confidence, second.confidence) - 0.05))
    for a, b in zip(ctx.args, ctx.args[1:]):
        # "la capitale marocaine, Rabat" / "العاصمة المغربية الرباط"
        if a.type == "Country" and a.demonym and b.type == "City" and ctx.words(ctx.gap(a, b)) <= 1:
            lo, _ = ctx.before(a, 2)
            if ctx.cues("capital", lo, a.start) or ctx.cues("capital", a.end, b.start):
                out.append(_cand(b, "locatedIn", a, "rule:place-capital-demonym", 0.85))
    return out


# --- cooperation by a dual reference ("the two countries", البلدين) -----------------------

DUAL_REFERENCES = (("dual_states", frozenset({"Country"})), ("dual_sides", PARTY_TYPES))


def dual_reference(ctx: SentenceContext, memory: list[Arg]) -> list[Candidate]:
    """cooperatesWith between the two parties a dual reference stands for: a cooperation
    cue and "البلدين" / "les deux pays" / "both sides" in a sentence that names fewer than
    two parties itself, when exactly two distinct parties of the kind (states; any parties
    for "sides") are named in it before the reference or in ``memory`` (the parties of the
    sentences just before). With three or more in view the reference is ambiguous: nothing."""
    triggers = ctx.cues("cooperatesWith")
    if not triggers:
        return []
    parties = ctx.parties(demonyms=True)
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
        return [Candidate(first, "cooperatesWith", second, "rule:dual-reference", 0.65,
                          min(ref[0], trigger[0]), max(ref[1], trigger[1]))]
    return []


FAMILIES: tuple[Callable[[SentenceContext], list[Candidate]], ...] = (
    person_roles, agency_country, cooperation, counterparts, flows, hosting, membership, places,
)
