"""Membership of states in international organizations (``memberOf``, Country -> body): said
with a membership cue (``membership``), or by a list of states named with an organization
they all belong to (``known_members``, checked against ``ontology/lexicons/memberships.yaml``);
and, over the whole document, ``bloc_members`` (a list of half a small bloc the document names
elsewhere) and ``commissioner_of_commission`` (a commissioner is a member of the
document's one international commission whose name shares a word with the title).

Usage::

    candidates = membership(ctx) + known_members(ctx)
    relations = bloc_members(dctx) + commissioner_of_commission(dctx)
"""
from __future__ import annotations

from functools import lru_cache

from pipeline.language.normalize import normalize
from pipeline.model import Mention, Relation
from pipeline.ontology_data import memberships
from pipeline.relations.context import Arg, SentenceContext, mention_key
from pipeline.relations.coordination import coordinated_lists
from pipeline.relations.patterns import LINK, Candidate, candidate, chains, phrase_start
from pipeline.relations.registry import DocumentContext, relation_rule

LISTED = 0.75  # a list of countries
SINGLE = 0.65  # one country
CUE_REACH_CHARS = 15  # a membership cue within this many characters of the stretch
ORGANIZATION_WORDS = 20  # the list to the organization
AGENT_WORDS = 2  # "set up by the X": the agent cue before the organization's name
WITHDRAWAL_BEFORE_WORDS = 3  # a withdrawal cue before the states ("انسحبت منها مالي")
WITHDRAWAL_AFTER_WORDS = 5  # ... or after them ("B and C followed Mali out of the bloc")
MEMBER_CUE_WORDS = 2  # "… ses cinq membres, A, B": a membership cue right before the states
DEPARTING_MEMBERS_WORDS = 6  # "le départ de trois de ses cinq membres": the withdrawal to that cue
MEMBERS_OF_WORDS = 2  # "member states of the X": the cue to the organization
PARTITIVE_WORDS = 3  # "X, which includes A, B", "X التي تضم": a partitive cue right after X
CUE_TOUCH_WORDS = 4  # one state alone: the cue within this many words of it or of the organization
FAR_SIDE_WORDS = 6  # "X, which holds a seat on the Y until 2025, has raised ... in Mali": org to states
KNOWN_LIST = 0.6  # a list of states, each a known member of the organization named with them
BLOC_LIST = 0.55  # ... of the small bloc the document names in another sentence
SMALL_BLOC = 12  # a bloc of at most this many members: a list of half of them names it
COMMISSIONER = 0.6  # "المفوضة الأوروبية X" and the document's one European Commission
TITLE_WORDS = 6  # "la commissaire européenne aux Affaires intérieures, X": the title within this many words before the name
NAME_WORDS = 2  # a commissioner's name: no shorter
QUALIFIER_CHARS = 4  # a qualifier word shared by the title and the commission's name: no shorter
COMMISSIONER_WORDS = 2  # the words around a commissioner's title that qualify it ("European", "الأوروبية")
CONTINGENT_WORDS = 3  # "troops from A and B", "عنصر من A وB": the personnel cue within this many words before the states


def _left(ctx: SentenceContext, chain: list[Arg], org: Arg, orgs: list[Arg]) -> bool:
    """The states of ``chain`` leave ``org``: a withdrawal cue around them ("بعدما انسحبت منها
    مالي", "A and B followed Mali out of the bloc", "A and B left X"), with no other
    organization between the cue and ``org`` when ``org`` comes after the states ("A and B
    left ECOWAS and formed the X": they leave ECOWAS, not X)."""
    lo, hi = chain[0].start, chain[-1].end
    withdrawals = ctx.cues("withdrawal", ctx.before(chain[0], WITHDRAWAL_BEFORE_WORDS)[0], ctx.after(chain[-1], WITHDRAWAL_AFTER_WORDS)[1])
    # "le départ de trois de ses cinq membres, A, B et C": the members that leave, named
    # after the membership cue the withdrawal governs.
    for c0, c1 in ctx.cues("memberOf", ctx.before(chain[0], MEMBER_CUE_WORDS)[0], lo):
        if ctx.only(ctx.text[c1:lo], LINK):
            withdrawals += ctx.cues("withdrawal", ctx.before(Arg("", "", "", c0, c1, ""), DEPARTING_MEMBERS_WORDS)[0], c0)
    if org.start < hi:
        return bool(withdrawals)
    return any(w0 < org.start and not any(o is not org and w1 <= o.start and o.end <= org.start for o in orgs)
               for w0, w1 in withdrawals)


def _members_of(ctx: SentenceContext, cues: list[tuple[int, int]], org: Arg) -> bool:
    """A membership cue and "of" right before the organization ("the member states of the X,
    A, B and C", "الدول الأعضاء في X"): the names set after it by a comma are its members."""
    return any(c1 <= org.start and ctx.words(ctx.text[c1:org.start]) <= MEMBERS_OF_WORDS
               and ctx.only(ctx.text[c1:org.start], ("of", "filler")) for _, c1 in cues)


def _co_party(ctx: SentenceContext, cues: list[tuple[int, int]], chain: list[Arg], org: Arg) -> bool:
    """``org`` is joined to the first or last state of ``chain`` by a conjunction only, and no
    membership cue says "of" it: a co-party of the states, not the body they belong to. So is
    its acronym after it ("qui réunit le Liban, Israël, la France et la Force intérimaire des
    Nations unies au Liban (Finul)"): another mention of the same organization that is one."""
    def joined(o: Arg) -> bool:
        return any(ctx.only_between(o, x, LINK) and ctx.cues("conjunction", *ctx.gap_span(o, x))
                   and not set(ctx.gap(o, x)) & set("(:[") for x in (chain[0], chain[-1]))
    same = [o for o in ctx.args if o.key == org.key and o.type == org.type]
    return any(joined(o) for o in same) and not _members_of(ctx, cues, org)


def _touches(ctx: SentenceContext, cue: tuple[int, int], arg: Arg) -> bool:
    """The membership cue is within a few words of ``arg``, on either side."""
    gap = ctx.text[cue[1]:arg.start] if cue[1] <= arg.start else ctx.text[arg.end:cue[0]] if arg.end <= cue[0] else ""
    return ctx.words(gap) <= CUE_TOUCH_WORDS


def _set_apart(ctx: SentenceContext, chain: list[Arg], org: Arg) -> bool:
    """The states are set apart from ``org``'s members: a ``non_member`` cue between them
    ("partners from outside the union, among them A and B", "au sein de l'UE, mais aussi A
    et B"), or they are where a mission's personnel come from ("بعثة X تضم نحو 19 ألف عنصر
    من A وB", "the X mission, with troops from A and B")."""
    lo, hi = chain[0].start, chain[-1].end
    if ctx.cues("non_member", *((org.end, lo) if org.end <= lo else (hi, org.start))):
        return True
    if not ctx.cues("mission", ctx.before(org, 1)[0], org.end):  # "Minusma", "بعثة أتميس"
        return False
    c_lo = ctx.before(chain[0], CONTINGENT_WORDS)[0]
    return any(ctx.only(ctx.text[c1:lo], LINK) for _, c1 in ctx.cues("contingent", c_lo, lo))


@relation_rule(name="membership", produces=("memberOf",), rule_ids=("rule:member-countries",))
def membership(ctx: SentenceContext) -> list[Candidate]:
    """Countries listed with an international organization and a membership cue ("Les
    pays membres de l'X : A, B", "X, which groups A, B and C", "وتضم A وB") are each a
    ``memberOf`` it."""
    orgs = [a for a in ctx.args if a.type == "InternationalOrganization" and not a.demonym]
    if not orgs:
        return []
    cues = ctx.cues("memberOf")
    if not cues:
        return []
    partitive = ctx.cues("partitive")
    countries = [a for a in ctx.args if a.type == "Country" and not a.demonym]
    out: list[Candidate] = []
    runs = chains(ctx, countries)
    # A country named alone beside a list ("Le Sénégal, membre de la X aux côtés du Ghana et
    # du Nigeria") is a run of its own.
    listed = {id(c) for chain in runs for c in chain}
    runs = sorted(runs + [[c] for c in countries if id(c) not in listed], key=lambda r: r[0].start)
    for chain in runs:
        lo, hi = chain[0].start, chain[-1].end
        # The nearest organization, past one the states leave ("A and B left ECOWAS and
        # formed the X": X's members).
        near = sorted(orgs, key=lambda o: min(abs(o.start - hi), abs(lo - o.end)))
        staying = [o for o in near if not _left(ctx, chain, o, orgs)] or near[:1]
        # An organization coordinated with the states is their co-party ("signed by the EU, Italy
        # and Tunisia"); one further away may still be theirs ("X الذي يضم A وB، و«Y» التي ...").
        org = next((o for o in staying if not _co_party(ctx, cues, chain, o)), staying[0])
        if _co_party(ctx, cues, chain, org):
            continue  # "signed by the EU, Italy and Tunisia": co-parties, not members
        if org.end <= lo and ctx.cues("agent", ctx.before(Arg("", "", "", phrase_start(ctx, org), org.end, ""), AGENT_WORDS)[0], org.start):
            continue  # "The force, set up by the X, includes A, B": X's creation, not X, has them
        start, end = min(lo, org.start), max(hi, org.end)
        # A cue overlapping the stretch or within a few characters of it ("Les pays membres
        # de l'X : A, B", "X, which groups A, B and C", "وتضم A وB").
        near = [(c0, c1) for c0, c1 in cues if c1 >= start - CUE_REACH_CHARS and c0 <= end + CUE_REACH_CHARS]
        if not near:
            continue
        if len(chain) == 1 and not any(_touches(ctx, cue, chain[0]) or _touches(ctx, cue, org) for cue in near):
            continue  # "chaired by Qatar, attended by … of member states, as well as the Arab League": the cue is neither's
        if org.end <= lo and all(c1 <= org.start for _, c1 in near) and ctx.words(ctx.text[org.end:lo]) > FAR_SIDE_WORDS:
            continue  # "Algeria, which holds a seat on the Y until 2025, ... in Mali": the cue is another's
        if all(any(p0 < c1 and c0 < p1 for p0, p1 in partitive) for c0, c1 in near) and not any(
                org.end <= c0 and c1 <= lo and ctx.words(ctx.text[org.end:c0]) <= PARTITIVE_WORDS for c0, c1 in near):
            continue  # "countries, among them A and B, … X": a part of the countries, not X's members
        if ctx.words(ctx.text[min(hi, org.end):max(lo, org.start)]) > ORGANIZATION_WORDS:
            continue
        if _left(ctx, chain, org, orgs):
            continue  # "بعدما انسحبت منها مالي", "A and B followed Mali out of the bloc": no longer members
        if _set_apart(ctx, chain, org):
            continue  # "partners from outside the union, among them A", "troops from A and B": no members
        conf = LISTED if len(chain) > 1 else SINGLE
        known = _known_members(org.key)
        for c in chain:
            if known and c.key not in known:
                continue  # "Turkey ... joined the AES states": not one of the organization's members
            if org.start >= c.end and ctx.text[c.end:org.start].strip() == "(":
                continue  # "la mission … au Mali (EUTM Mali)": the country of the name
            out.append(candidate(c, "memberOf", org, "rule:member-countries", conf, *cues))
    return out


def _places(ctx: SentenceContext, chain: list[Arg]) -> bool:
    """The states of ``chain`` are named as places: a locative right before the first ("déployés
    au Tchad, au Mali et au Niger", "in Mali and Niger", "في مالي والنيجر")."""
    lo = ctx.before(chain[0], 1)[0]
    return any(not ctx.text[c1:chain[0].start].strip() or ctx.only(ctx.text[c1:chain[0].start], ("filler",))
               for _, c1 in ctx.cues("locative", lo, chain[0].start))


def _state_lists(ctx: SentenceContext) -> list[list[Arg]]:
    """The coordinated lists of two states or more in ``ctx`` not named as places."""
    return [chain for chain in coordinated_lists(ctx)
            if all(a.type == "Country" for a in chain) and len({a.key for a in chain}) >= 2 and not _places(ctx, chain)]


@lru_cache(maxsize=None)
def _known_members(org_key: str) -> frozenset[str]:
    """The country keys (``country/ML``) of the member states ``memberships.yaml`` lists for
    the organization ``org_key``; empty for one it does not list."""
    return frozenset("country/" + code for code in memberships().get(org_key, ()))


@relation_rule(name="known_members", produces=("memberOf",), rule_ids=("rule:member-known-list",))
def known_members(ctx: SentenceContext) -> list[Candidate]:
    """A coordinated list of two states or more named in one sentence with an international
    organization they all belong to ("Mali, Burkina Faso and Niger recalled their ambassadors,
    the AES said", "تنسق إسبانيا واليونان وإيطاليا ومالطا وقبرص ضمن مجموعة ميد 5"): each is a
    ``memberOf`` it. The list is the evidence, the lexicon only the check: a list that holds
    one state outside the organization says nothing of it ("the EU, Italy and Tunisia"; the
    organization in the list itself is a co-party), nor does a list of states that leave it
    or that are set apart from its members."""
    orgs = [a for a in ctx.args if a.type == "InternationalOrganization" and not a.demonym and _known_members(a.key)]
    if not orgs:
        return []
    out: list[Candidate] = []
    for chain in _state_lists(ctx):
        for org in orgs:
            if not all(a.key in _known_members(org.key) for a in chain):
                continue
            if ctx.words(ctx.text[min(chain[-1].end, org.end):max(chain[0].start, org.start)]) > ORGANIZATION_WORDS:
                continue  # "the AU's peace commissioner said ..., the posts went to A, B and C": another body's
            if _left(ctx, chain, org, orgs) or _set_apart(ctx, chain, org):
                continue
            out.extend(candidate(c, "memberOf", org, "rule:member-known-list", KNOWN_LIST) for c in chain)
    return out


@relation_rule(name="bloc_members", produces=("memberOf",), scope="document", rule_ids=("rule:member-known-bloc",))
def bloc_members(dctx: DocumentContext) -> list[Relation]:
    """A list of states that is half of a small bloc the document names elsewhere, each state
    a member of it ("the AES" in one sentence, "Mali and Niger recalled their ambassadors" in
    another; "the G5 Sahel", then "Chad, Mauritania and Niger"): each a ``memberOf`` the bloc.
    Only blocs of at most :data:`SMALL_BLOC` members (``memberships.yaml``), the one such bloc
    the list fits; not in a sentence that says states stand outside an organization, nor in one
    that says they leave, unless it names the organization they leave, another one, and the
    list is the whole bloc ("Mali, Burkina Faso and Niger left ECOWAS": still the AES's members)."""
    blocs: dict[str, Mention] = {}
    for m in dctx.mentions:
        if m.type == "InternationalOrganization" and m.key and 0 < len(_known_members(m.key)) <= SMALL_BLOC:
            blocs.setdefault(m.key, m)
    if not blocs:
        return []
    by_id = {m.id: m for m in dctx.mentions}
    out: list[Relation] = []
    for ctx in dctx.contexts:
        if ctx.cues("non_member"):
            continue
        # States that leave: the organization the sentence names is the one they leave ("Mali,
        # Burkina Faso and Niger left ECOWAS"), not the bloc the document names elsewhere.
        withdrawing = bool(ctx.cues("withdrawal"))
        named = {a.key for a in ctx.args if a.type == "InternationalOrganization" and not a.demonym}
        if withdrawing and not named:
            continue
        for chain in _state_lists(ctx):
            keys = {a.key for a in chain}
            fits = [m for k, m in blocs.items() if keys <= _known_members(k) and 2 * len(keys) >= len(_known_members(k))]
            # Mali, Burkina Faso and Niger beside the AES and the G5 Sahel: the list that is the
            # whole of one bloc names that bloc, not the larger one it is a part of.
            whole = [m for m in fits if keys == _known_members(m.key)]
            fits = whole if len(whole) == 1 else fits
            if len(fits) != 1:
                continue  # none, or several blocs the list fits (Mali and Niger: the AES or Liptako-Gourma)
            if withdrawing and (fits[0].key in named or keys != _known_members(fits[0].key)):
                continue  # "... have withdrawn from the G5 Sahel"; leavers that are only a part of the bloc
            out.extend(Relation(head=a.id, type="memberOf", tail=fits[0].id, confidence=BLOC_LIST, extractor="rule:member-known-bloc",
                                evidence=[dctx.evidence_at(by_id[a.id])]) for a in chain if a.id in by_id)
    return out


@relation_rule(name="commissioner_of_commission", produces=("memberOf",), scope="document",
               rule_ids=("rule:memberOf-commissioner",))
def commissioner_of_commission(dctx: DocumentContext) -> list[Relation]:
    """"المفوضة الأوروبية للشؤون الداخلية X", "la commissaire européenne aux Affaires
    intérieures, X" and, elsewhere in the document, "the European Commission": a
    commissioner is a member of the one international commission the document names whose
    name shares a word with the title ("européenne"). Not a high commissioner (a head), nor
    a person the text already makes a member of that commission."""
    commissions = {}
    for ctx in dctx.contexts:
        for a in ctx.args:
            if a.type == "InternationalOrganization" and not a.demonym and ctx.cues("commission", a.start, a.end):
                commissions.setdefault(a.key, (ctx, a))
    if len(commissions) != 1:
        return []
    cctx, commission = next(iter(commissions.values()))
    name = normalize(commission.text)
    by_id = {m.id: m for m in dctx.mentions}
    members = {r.head for r in dctx.relations if r.type in ("memberOf", "leads") and r.tail in by_id
               and mention_key(by_id[r.tail]) == commission.key}
    out: list[Relation] = []
    for ctx in dctx.contexts:
        for p in ctx.args:
            if p.type != "Person" or p.demonym or p.id in members or p.id not in by_id or len(p.text.split()) < NAME_WORDS:
                continue  # (a one-word "person" after a title is as often a word of the title: "لشؤون")
            lo = ctx.before(p, TITLE_WORDS)[0]
            for t0, t1 in ctx.cues("commissioner", lo, p.start):
                if any(h0 <= t0 and t1 <= h1 and (h0, h1) != (t0, t1) for h0, h1 in ctx.cues("leads", lo, p.start)):
                    continue  # "المفوض السامي", "haut-commissaire": the head of an office
                w0 = ctx.before(Arg("", "", "", t0, t1, ""), COMMISSIONER_WORDS)[0]
                w1 = min(ctx.after(Arg("", "", "", t0, t1, ""), COMMISSIONER_WORDS)[1], p.start)
                words = ctx.content_words(w0, w1, skip=("commissioner", "of", "filler"))
                if any(len(w) >= QUALIFIER_CHARS and w in name for w in words):
                    out.append(Relation(head=p.id, type="memberOf", tail=commission.id, confidence=COMMISSIONER,
                                        extractor="rule:memberOf-commissioner", evidence=[dctx.evidence_at(by_id[p.id])]))
                    members.add(p.id)
                    break
    return out
