"""Person roles: who ``leads`` a body, who is a ``memberOf`` it (Person -> body).

Rules: ``person_roles`` (titles in apposition, before or after the name),
``headed_by`` ("Italy's Interior Ministry, headed by X", "برئاسة X") and, over the whole
document, ``state_head_of_dateline`` (a bare "President X" of a dispatch heads the state
its dateline writes from), ``state_head_of_sentence`` (elsewhere, the one state his sentence
names), ``state_head_of_known_holder`` (a known head of a state the document names) and
``minister_of_named_ministry`` (a bare "Interior Minister X"
heads the one Ministry of the Interior the document names).

Usage::

    candidates = person_roles(ctx) + headed_by(ctx)
    relations = state_head_of_dateline(dctx) + state_head_of_sentence(dctx) + state_head_of_known_holder(dctx) \
        + minister_of_named_ministry(dctx)
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from pipeline.language.morphology import CONJUNCTIONS
from pipeline.language.normalize import normalize
from pipeline.model import Relation
from pipeline.ontology_data import state_leaders
from pipeline.ontology_data.lexicon import load_lexicon
from pipeline.relations.context import Arg, SentenceContext, mention_key
from pipeline.relations.coordination import coordinator_between
from pipeline.relations.patterns import BODY_TYPES, LINK, Candidate, candidate, phrase_start
from pipeline.relations.registry import DocumentContext, relation_rule
from pipeline.relations.rules.events import dateline_place
from pipeline.relations.words import rule_words

# Confidences, by the construction that states the role.
TITLE_NAME_OF_BODY = 0.7  # "le colonel X de la Garde": the title before the name, the body after "of"
NAME_APPOSED_TITLE = 0.8  # "X, director general of Y", "X, Y's director"
BODY_TITLE_NAME = 0.75  # "Le président français, Emmanuel Macron", "Europol's Executive Director X"
MINISTER_OF_STATE = 0.45  # a minister and a state but no ministry named: kept, under the export threshold
MINISTRY_DEMOTION = 0.05  # a minister leads the ministry the text names: a little less sure than the title
COORDINATED_DEMOTION = 0.05  # each body coordinated after the one the title names
HEADED_BY = 0.75
POSSESSIVE_HEAD = 0.7  # "the INIS ... its chief, X": the body is the pronoun's, named before
POSSESSIVE_MEMORY = 1  # "Le MPC conduit ... Sa porte-parole, X": the subject of the sentence before
MINISTER_OF_NAMED_MINISTRY = 0.6  # "Interior Minister X" and the document's one Ministry of the Interior
STATE_HEAD_OF_DATELINE = 0.6  # "President X" in a dispatch from the state's city: the state is not said
STATE_HEAD_OF_SENTENCE = 0.6  # "President X" and the one state his sentence names
STATE_HEAD_OF_KNOWN_HOLDER = 0.65  # "President X", X a known head of a state the document names
# Marks that close one item of a list of persons with their titles ("A, head of Y; and B, …").
LIST_ITEM_BREAKS = frozenset(";؛")
# Windows, in words unless said.
OF_GAP_WORDS = 3  # "X of the Y": person to body
TITLE_WORDS = 4  # where a title is looked for, before the name or after the body
DEMONYM_TITLE_WORDS = 1  # ... after a demonym body ("X, the Moroccan minister"): the next word
NICKNAME_CUE_WORDS = 3  # ", dit", ", known as": the name to the nickname cue
NICKNAME_CHARS = 40  # the longest quoted nickname
APPOSITION_GAP_WORDS = 8  # "X, director general of Y": person to body
BODY_TITLE_GAP_WORDS = 6  # "Y's Executive Director X": body to person
NEXT_PERSON_CHARS = 3  # a person right after the body takes the title ("مستشار الرئيس الأميركي باراك اوباما")
WITHIN_WORDS = 2  # "in" / "within" before the body after a sub-unit title
DEPUTY_ADJACENT_CHARS = 2  # "deputy director": the deputy cue right before the head title
DEPUTY_GAP_WORDS = 2  # "النائب الأول لرئيس", "first deputy of the president"
POSSESSIVE_TITLE_WORDS = 2  # "Secretary-General's (special) representative": possessive title to the next
RELATIVE_WORDS = 1  # "who heads", "الذي يرأس": the relative pronoun before a head cue
HEADED_BY_BODY_WORDS = 1  # body, then "headed by"
HEADED_BY_PERSON_WORDS = 3  # "headed by (General) X"
POSSESSIVE_HEAD_TITLE_WORDS = 3  # "its (new) chief", "son directeur exécutif": pronoun to the title's end
POSSESSIVE_HEAD_NAME_WORDS = 3  # "son commandant, le général espagnol X": title to the holder
# What a dateline's place may be read as ("NOUAKCHOTT -", "الجزائر -": Algiers or Algeria).
DATELINE_PLACE_TYPES = frozenset({"City", "Location", "Country"})
STATE_HEAD_NAME_WORDS = 2  # a head named by one word after a bare title is as often no name ("الرئيس رحب")
HOLDER_TITLE_EXTRA_WORDS = 2  # a found head's title may have a demonym or a state between ("الرئيس التشادي X")
# Titles of a state's head and of its government's: one holder of each per state.
HEAD_FAMILIES = ("state_head", "government_head")
MINISTER_TITLE_WORDS = 6  # "le ministre de l'Intérieur et des Outre-mer, X": title to name
BARE_TITLE_WORDS = 2  # no body or demonym this near before a bare head-of-state title ("Spain's Prime Minister X")
ACRONYM_MIN_LETTERS = 3  # an acronym spelled out before it in brackets: DCSD, DRHAT
ACRONYM_TITLE_LETTERS = 2  # its first letters the title stands for: D(irection) G(énérale)
_LATIN_WORD = re.compile(r"[^\W\d_][\w-]*")
# Marks around an apposition, no words of their own ("la DGSN (…) marocaine, le général X").
_APPOSITION_MARKS = str.maketrans({",": " ", "،": " ", "(": " ", ")": " "})
# Cue families of the words of a title, never a name alone.
TITLE_WORD_FAMILIES = ("rank", "memberRole", "leads", "title_modifier", "deputy")
# Cue families that may sit between a body and the name after it when the title is before
# the body ("المدير العام السابق للأمن الوطني، الفريق X"): ranks, articles, status words.
NAME_GAP = ("rank", "article", "title_modifier")
# What may stand between a person and a body whose title follows it ("X, a senior Hamas
# official", "X, the former Europol director").
BODY_FIRST_GAP = ("article", "indefinite_article", "title_modifier")


def _sub_unit_title(ctx: SentenceContext, title: tuple[int, int], body_start: int, body_end: int) -> bool:
    """A head title with a complement of its own heads a part of the body, so the person
    is a member of the body: "the armed forces' exercise director" (a noun before the
    title), "وزيرة الخارجية في الاتحاد الأوروبي", "director of operations at Europol" (a
    complement, then the body after "in" / "at")."""
    t0, t1 = title
    if body_end <= t0:  # body, then title: "Y's exercise director"
        if ctx.cues("possessive_head", body_end, t0) or ctx.cues("relative_possessive", body_end, t0):
            return False  # "Y ... its chief", "Y, whose director": the body's own head
        return not ctx.only(ctx.text[body_end:t0], LINK + ("of", "title_modifier", "deputy"))
    between = ctx.text[t1:body_start]
    if not between.strip() or ctx.only(between, LINK + ("of", "title_modifier")):
        return False
    if ctx.cues("sub_unit", t1, body_start):
        return True  # "commandant du secteur nord de l'armée", "head of the cyber unit of Y"
    lo, _ = ctx.before(Arg("", "", "", body_start, body_start, ""), WITHIN_WORDS)
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
    later = [t for t in titles if t[0] >= pick[1]]
    if later and _possessive_title(ctx, (pick[0], pick[1]), later[0][0]):
        # "the UN Secretary-General's special representative": the holder of the second
        # title serves in the first's office, a member of the body, not its head.
        return "memberOf", (later[0][0], later[0][1])
    span = (pick[0], pick[1])
    if pick[2] == "leads" and any(_deputy_of(ctx, d1, pick[0]) for _, d1 in ctx.cues("deputy", start, end)):
        return "memberOf", span
    if pick[2] == "leads" and body is not None and _sub_unit_title(ctx, span, *body):
        return "memberOf", span
    return pick[2], span


def _possessor_of_body(ctx: SentenceContext, x: Arg, body: Arg) -> bool:
    """``x`` is the state whose body follows in the possessive ("Inspector General of
    Morocco's Royal Armed Forces"): part of the body's phrase, not a body of its own."""
    return x.type == "Country" and x.end <= body.start and bool(ctx.text[x.end:body.start].strip()) \
        and ctx.only(ctx.text[x.end:body.start], ("title_possessive",))


def _possessive_title(ctx: SentenceContext, title: tuple[int, int], next_title: int) -> bool:
    """The word of ``title`` ends in a possessive and another title follows within a few
    words ("Secretary-General's special representative")."""
    word_end = title[1] + len(ctx.text[title[1]:].split(maxsplit=1)[0]) if ctx.text[title[1]:title[1] + 1].strip() else title[1]
    return bool(ctx.cues("title_possessive", title[0], word_end)) and ctx.words(ctx.text[word_end:next_title]) <= POSSESSIVE_TITLE_WORDS


def _deputy_of(ctx: SentenceContext, deputy_end: int, title_start: int) -> bool:
    """A deputy cue ending at ``deputy_end`` qualifies the head title at ``title_start``:
    right before it, or with an ordinal and "of" between ("النائب الأول لرئيس", "first
    deputy of the president")."""
    if 0 <= title_start - deputy_end <= DEPUTY_ADJACENT_CHARS:
        return True
    between = ctx.text[deputy_end:title_start]
    return deputy_end < title_start and ctx.words(between) <= DEPUTY_GAP_WORDS and ctx.only(between, ("title_modifier", "of", "filler"))


def _relative_head(ctx: SentenceContext, start: int, end: int) -> tuple[str, tuple[int, int]] | None:
    """A head cue right after a relative pronoun in ``text[start:end]`` ("X, the Nigerian
    officer who commands Y", "الذي يرأس"): the clause says what the person heads, over a
    rank noun before it."""
    for h0, h1 in ctx.cues("leads", start, end):
        lo, _ = ctx.before(Arg("", "", "", h0, h0, ""), RELATIVE_WORDS)
        if lo >= start and ctx.only(ctx.text[lo:h0], ("copula",)) and ctx.cues("copula", lo, h0):
            return "leads", (h0, h1)
    return None


def _ministry_official(ctx: SentenceContext, title: tuple[int, int], body: Arg) -> bool:
    """A ``ministry_member_title`` of a body named as a ministry ("the secretary general of the
    Ministry of Defence"): its senior civil servant, a member, not its head."""
    return bool(ctx.cues("ministry", body.start, body.end)) and any(
        m0 <= title[0] and title[1] <= m1
        for m0, m1 in ctx.cues("ministry_member_title", ctx.before(Arg("", "", "", *title, ""), 1)[0], title[1] + 1))


def _is_minister(ctx: SentenceContext, title: tuple[int, int]) -> bool:
    """A portfolio minister's title ("Interior Minister", "وزير الداخلية"), not "prime minister"
    nor a head of government's title whose first word is "minister" ("الوزير الأول", the
    Maghreb's prime minister)."""
    if not any(m == title for m in ctx.cues("minister", *title)):
        return False
    _, hi = ctx.after(Arg("", "", "", *title, ""), 1)
    return not any(g0 <= title[0] and title[1] <= g1 for g0, g1 in ctx.cues("government_head", title[0], hi))


def _minister_of_cabinet(ctx: SentenceContext, title: tuple[int, int], body: Arg) -> bool:
    """A portfolio minister's title of a body named as a cabinet, not as a ministry ("the
    interior minister of the Government of National Unity", "وزير الداخلية بحكومة الوفاق
    الوطني"): one of the cabinet's members; its head is the prime minister."""
    return _is_minister(ctx, title) and bool(ctx.cues("cabinet", body.start, body.end)) and not ctx.cues("ministry", body.start, body.end)


def _ministry_of(ctx: SentenceContext, state: Arg, window: tuple[int, int]) -> Arg | None:
    """The ministry of ``state`` whose name shares a portfolio word with the title's words
    (status words are no name's; "Interior" in "Interior Minister" is a title modifier too,
    and is the portfolio)."""
    words = ctx.content_words(*window, skip=("leads", "minister", "memberRole", "rank", "of", "filler"))
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
        if ctx.text[c0:c1] in {",", "،"} and any(not ctx.text[c1:r0].strip() for r0, _ in ctx.cues("relative_possessive", c1, end)):
            continue  # "le Sénégal, dont le président X": the title is the body's
        return True
    return False


def _name_follows(ctx: SentenceContext, body: Arg, person: Arg) -> bool:
    """Between a body and the person after it, only what may stand between a title's body
    and its holder's name: ranks, articles, status words, one adjective ("… التراب الوطني
    المغربي عبد اللطيف حموشي"), or a portfolio after "of" ("le ministre tunisien de
    l'Intérieur, X"). "With" or "in the presence of" ("…، بحضور اللواء X") or more words of
    their own leave the title before the body to someone else."""
    gap = list(ctx.text[body.end:person.start])
    for a in ctx.between_args(body, person):
        for i in range(a.start - body.end, a.end - body.end):
            gap[i] = " "
    text = "".join(gap)
    if ctx.cues("with", body.end, person.start) or ctx.cues("presence", body.end, person.start):
        return False
    if ctx.only(text, LINK + NAME_GAP):
        return True
    of = ctx.cues("of", body.end, person.start)
    if of and not ctx.text[body.end:of[0][0]].strip():
        return True
    # One word of its own: an adjective of the body ("… التراب الوطني المغربي X", "la DGSN
    # marocaine, le général-major X"), its ranks, articles and closing bracket aside.
    if ctx.lang == "ar":
        return ctx.words(text.replace(",", " ").replace("،", " ")) - len(ctx.cues("rank", body.end, person.start)) <= 1
    chars = list(text)
    for family in LINK + NAME_GAP:
        for c0, c1 in ctx.cues(family, body.end, person.start):
            chars[c0 - body.end:c1 - body.end] = " " * (c1 - c0)
    own = "".join(chars).translate(_APPOSITION_MARKS)
    return ctx.words(own) <= 1


def _spelled_start(ctx: SentenceContext, body: Arg) -> int:
    """Where the words that spell ``body``'s acronym start, when the acronym is set in
    brackets right after them and the title before stands for its first letters (the
    directorate a director heads): "directeur de la coopération de sécurité et de défense
    (DCSD)", "directeur des ressources humaines de l'armée de Terre (DRHAT)"; else
    ``body.start``. Latin script only; articles, "of" and status words spell nothing."""
    letters = [c for c in body.text if c.isalpha()]
    if ctx.lang == "ar" or len(letters) < ACRONYM_MIN_LETTERS or sum(c.isupper() for c in letters) < len(letters) - 1:
        return body.start
    head = ctx.text[ctx.start:body.start]
    if not head.rstrip().endswith("("):
        return body.start
    end = ctx.start + len(head.rstrip()) - 1
    chars = list(ctx.text[ctx.start:end])
    for family in LINK + ("of", "article", "title_modifier"):
        for c0, c1 in ctx.cues(family, ctx.start, end):
            chars[c0 - ctx.start:c1 - ctx.start] = " " * (c1 - c0)
    words = [(m.start() + ctx.start, m.group()) for m in _LATIN_WORD.finditer("".join(chars))]
    acronym = "".join(letters).upper()
    initials = ""
    for k in range(len(words) - 1, -1, -1):
        initials = words[k][1][0].upper() + initials
        if not acronym.endswith(initials):
            return body.start
        if 0 < len(acronym) - len(initials) <= ACRONYM_TITLE_LETTERS and ctx.cues("leads", *ctx.before(Arg("", "", "", words[k][0], words[k][0], ""), OF_GAP_WORDS)):
            return words[k][0]
    return body.start


def _after_demonym(ctx: SentenceContext, arg: Arg) -> bool:
    """The word right before ``arg`` is a demonym ("الإيطالية جورجيا")."""
    lo, _ = ctx.before(arg, 1)
    word = ctx.text[lo:arg.start].strip(" ,،")
    return bool(word) and load_lexicon().demonym_country(word) is not None


def _generic_cabinet(ctx: SentenceContext, body: Arg) -> bool:
    """``body`` names a state's cabinet by its head noun alone, with at most a demonym
    ("الحكومة الإسبانية", "مجلس الوزراء العراقي", "le gouvernement espagnol"), not a
    government with a name of its own ("Government of National Unity")."""
    cabinet = ctx.cues("cabinet", body.start, body.end)
    if not cabinet:
        return False
    chars = list(ctx.text[body.start:body.end])
    for s0, s1 in cabinet + [(a.start, a.end) for a in ctx.args if a.demonym and body.start <= a.start and a.end <= body.end]:
        for i in range(max(s0, body.start), min(s1, body.end)):
            chars[i - body.start] = " "
    return ctx.only("".join(chars), ("article", "of", "filler"))


def _state_office(ctx: SentenceContext, title: tuple[int, int], state: Arg) -> bool:
    """A head title with a complement, then "in" a state ("رئيس المرحلة الانتقالية في مالي",
    "President of the Transition in Burkina Faso"): the head of that state's office heads
    the state. A body of its own would stand between as an argument; a deputy, a part of a
    body ("head of the cyber unit in Mali") or the title after the state are no head's."""
    t0, t1 = title
    if state.start < t1 or not ctx.cues("leads", t0, t1) or ctx.cues("sub_unit", t1, state.start):
        return False
    if any(_deputy_of(ctx, d1, t0) for _, d1 in ctx.cues("deputy", ctx.before(Arg("", "", "", t0, t1, ""), DEPUTY_GAP_WORDS + 1)[0], t0)):
        return False
    lo, _ = ctx.before(state, WITHIN_WORDS)
    return bool(ctx.cues("within", max(lo, t1), state.start))


def _next_list_item(ctx: SentenceContext, start: int, title: tuple[int, int]) -> bool:
    """The title after a person's name opens the next item of a list of persons: a comma,
    then "and" before it ("A, and the director of Y, B"; "A، والأمين العام لـ Y"; the
    Arabic "و" is a proclitic of the title word: the title without it is still a title)."""
    t0, t1 = title
    between = ctx.text[start:t0]
    if between.strip()[:1] not in {",", "،"}:
        return False
    after_mark = start + between.index(between.strip()[0]) + 1
    if [c for c in ctx.cues("conjunction", after_mark, t0) if ctx.text[c[0]:c[1]] not in {",", "،"}]:
        return True
    if ctx.lang != "ar" or ctx.text[after_mark:t0].strip() or normalize(ctx.text[t0:t0 + 1]) != CONJUNCTIONS[0]:
        return False
    return any(c0 == t0 + 1 for family in ("leads", "memberRole") for c0, _ in ctx.cues(family, t0 + 1, t1 + 1))


QUOTES = "«»\"“”'’"


def _nickname_end(ctx: SentenceContext, p: Arg) -> tuple[int, Arg | None] | None:
    """Where the nickname given right after ``p`` ends ("X, dit « Toufik »", "X, known as
    Y", "X، الملقب بـ Y") and the nickname's own argument, if it is one; ``None`` without."""
    lo, hi = ctx.after(p, NICKNAME_CUE_WORDS)
    cues = [c for c in ctx.cues("nickname", p.end, hi) if ctx.text[p.end:c[0]].strip() in {"", ",", "،", "("}]
    if not cues:
        return None
    c1 = cues[0][1]
    nxt = next((a for a in ctx.args if a.start >= c1), None)
    lead = ctx.text[c1:nxt.start].strip(" " + QUOTES) if nxt is not None else ""
    # at most a rank before the nickname ("المعروف بالجنرال توفيق")
    if nxt is not None and nxt.type == "Person" and ctx.words(lead) <= 1 and not set(lead) & set(",،.;"):
        end = nxt.end
    else:
        opened = ctx.text[c1:].lstrip()
        if not opened or opened[0] not in QUOTES:
            return None
        start = c1 + ctx.text[c1:].index(opened[0]) + 1
        close = min((i for i in (ctx.text.find(q, start) for q in QUOTES) if i > 0), default=-1)
        if close < 0 or close - start > NICKNAME_CHARS:
            return None
        end, nxt = close, None
    while end < len(ctx.text) and ctx.text[end] in QUOTES + " )":
        end += 1
    return end, nxt


def _nickname_of(ctx: SentenceContext, p: Arg) -> Arg | None:
    """The nickname's argument right after ``p`` ("Toufik" in "X, dit « Toufik »")."""
    found = _nickname_end(ctx, p)
    return found[1] if found else None


def _with_nickname(ctx: SentenceContext, p: Arg) -> Arg:
    """``p`` stretched over the nickname right after it, so the title after the nickname
    is the name's."""
    found = _nickname_end(ctx, p)
    return p if found is None else replace(p, end=found[0])


@relation_rule(name="person_roles", produces=("leads", "memberOf"),
               rule_ids=("rule:leads-title", "rule:memberOf-title",
                         "rule:leads-title-coordinated", "rule:memberOf-title-coordinated"))
def person_roles(ctx: SentenceContext) -> list[Candidate]:
    """Apposition and titles: "X, director general of Y", "Le président français, Emmanuel
    Macron", "le colonel X de la Garde nationale" -> X ``leads`` / is a ``memberOf`` Y; a
    portfolio minister leads the ministry the text names; bodies coordinated after the
    first share the role (``-coordinated``)."""
    out: list[Candidate] = []
    # A "person" that is only a rank or a title ("جنرال", "Maj", "نائب") is a misread name.
    persons = [a for a in ctx.args if a.type == "Person" and not ctx.only(a.text, TITLE_WORD_FAMILIES)]
    # A demonym qualifying a named body ("the head of the Libyan Intelligence Service") is
    # not the body the title names.
    # Nor is a news outlet credited in a dateline ("القاهرة - أ ش أ شهد اللواء X").
    bodies = [a for a in ctx.args if a.type in BODY_TYPES and not (a.demonym and a.qualifier_of) and not a.source]
    nicknames = {id(n) for p in persons for n in [_nickname_of(ctx, p)] if n is not None}
    for p in persons:
        if id(p) in nicknames:
            continue  # "X, dit « Toufik », chef du Y": the title is the name's, before the nickname
        p = _with_nickname(ctx, p)
        # One role per side: the title before the name and the one after it are two
        # statements ("Le président du Sénégal, X, président en exercice de l'UA").
        best: dict[str, tuple[int, Candidate]] = {}
        for b in bodies:
            if b.key == p.key:
                continue
            if p.start < b.start and any(_possessor_of_body(ctx, b, y) for y in bodies):
                continue  # "director of Egypt's General Intelligence Service": the title is the body's
            # (a "person" that is only a rank, "جنرال الجيش X", is a word of the name's title)
            others = [x for x in ctx.between_args(p, b)
                      if (x.type == "Person" and not ctx.only(x.text, TITLE_WORD_FAMILIES) or x.type in BODY_TYPES and not x.demonym)
                      and x.key != b.key and not _possessor_of_body(ctx, x, b)]
            if others:
                continue
            gap = ctx.gap(p, b)
            title = None
            if (p.start < b.start and ctx.only(gap, ("of", "filler")) and ctx.words(gap) <= OF_GAP_WORDS
                    and ctx.cues("of", *ctx.gap_span(p, b)) and not set(gap) & set(",،(")):
                # "Maj. Gen. X of the Air Force", "le colonel X de la Garde nationale": the
                # title before the person, the body after "of".
                if ctx.cues("locative", *ctx.gap_span(p, b)):
                    continue  # "l'ambassadeur X à Tunis", "السفير X في الرباط"
                lo = ctx.before(p, TITLE_WORDS)[0]
                title = _title_in(ctx, lo, p.start, "end")
                window = (lo, p.start)
                conf = TITLE_NAME_OF_BODY
            elif p.start < b.start:
                # "X, director general of Y" / "X، المدير العام لـ Y" / "X, Y's director"
                # (Y an acronym after the words it spells: "X, directeur de la … (DCSD)")
                if ctx.words(ctx.text[p.end:_spelled_start(ctx, b)]) > APPOSITION_GAP_WORDS:
                    continue
                if gap.strip()[:1] not in {",", "،", "(", "-", "—"}:
                    # No apposition mark: only "X is / who heads / بصفته …" — "X met the
                    # head of Y" gives the title to someone else.
                    heads = ctx.cues("leads", p.end, b.start) + ctx.cues("memberRole", p.end, b.start)
                    if not heads or not ctx.only(ctx.text[p.end:min(h[0] for h in heads)], LINK + ("copula",)):
                        continue
                    if _conjunction_opens_title(ctx, p.end, min(h[0] for h in heads)):
                        continue  # "… الجنرال X وقائد القوات الفرنسية الجنرال Z": the next item's title
                if ctx.cues("with", p.end, b.start) or ctx.cues("presence", p.end, b.start):
                    continue  # "X، ...، مباحثات مع مدير Y Z", "X met with the head of Y": the one met's title
                nxt = [x for x in ctx.args if x.start >= b.end and x.type == "Person" and (
                    x.start - b.end <= NEXT_PERSON_CHARS or _ranked_name_after(ctx, b.end, x.start))]
                if nxt:  # "مستشار الرئيس الأميركي باراك اوباما": the title is the next person's
                    continue
                if ctx.only(gap, LINK) or ctx.only(gap, LINK + BODY_FIRST_GAP) and _title_in(ctx, p.end, b.start) is None:
                    # "X, Y's director", "X, a senior Hamas official": the title follows the body
                    window = (b.end, ctx.after(b, DEMONYM_TITLE_WORDS if b.demonym else TITLE_WORDS)[1])
                    title = _title_in(ctx, *window, body=(b.start, b.end))
                    if title is not None and title[0] == "leads" and ctx.cues("indefinite_article", p.end, b.start):
                        title = ("memberOf", title[1])  # "X, a Hezbollah commander": one of its commanders
                else:
                    window = (p.end, b.start)
                    title = _title_in(ctx, *window, body=(b.start, b.end))
                    if title is not None and title[0] == "memberOf":
                        title = _relative_head(ctx, *window) or title
                    if title is not None and _next_list_item(ctx, p.end, title[1]):
                        continue  # "X، والأمين العام لـ Y Z": the title is the next person's
                    if title is not None and _verb_before_title(ctx, p.end, title[1][0]):
                        continue  # "X, a reçu lundi le commandant de Y, le général Z": the one met's title
                if title is not None and _title_of_next_name(ctx, p, max(b.end, title[1][1])):
                    continue  # "President X, the European Commission president, Y": Y's title
                conf = NAME_APPOSED_TITLE
            else:
                # "Le président français, Emmanuel Macron" / "Europol's Executive Director X" /
                # "وزير الداخلية الفرنسي X" / "مدير المخابرات العامة اللواء X"
                if ctx.words(gap) > BODY_TITLE_GAP_WORDS or ctx.cues("clause_break", b.end, p.start) or set(gap) & LIST_ITEM_BREAKS:
                    continue  # (a semicolon closes the previous item of a list: "A, head of Y; B")
                if _apposition_conjunction(ctx, b.end, p.start) and not ctx.only(gap, LINK):
                    continue
                if b.type == "Country" and not b.demonym and not gap.strip() and _after_demonym(ctx, b):
                    continue  # "رئيسة الوزراء الإيطالية جورجيا ميلوني": the title has its state, the name a given name
                # "المدير العام للأمن الوطني ولمراقبة التراب الوطني، X": the title before
                # the first of the bodies coordinated before the person.
                first = _coordinated_before(ctx, b)[0]
                lo = ctx.before(Arg("", "", "", min(phrase_start(ctx, first), _spelled_start(ctx, first)), first.end, ""), TITLE_WORDS)[0]
                # a head title the window cuts ("le ministre délégué chargé de l'X"): whole
                lo = min([lo] + [c0 for c0, c1 in ctx.cues("leads", ctx.start, first.start) if c0 < lo < c1])
                title = None if ctx.only(gap, LINK + ("rank",)) else _title_in(ctx, b.end, p.start, "end", body=(b.start, b.end))
                if title is not None and any(r0 <= title[1][0] and title[1][1] <= r1 for r0, r1 in ctx.cues("rank", b.end, p.start)):
                    title = None  # "الأمين العام للتحالف اللواء الطيار X": a rank, not the title
                window = (b.end, p.start)
                if title is None:
                    if not _name_follows(ctx, b, p):
                        continue  # "مدير وكالة … الأمريكية، بحضور اللواء X": a word between, another's title
                    title = _title_in(ctx, lo, min(phrase_start(ctx, first), _spelled_start(ctx, first)), "end",
                                      body=(first.start, first.end))
                    window = (lo, p.start)
                conf = BODY_TITLE_NAME
            if title is None:
                continue
            role, span = title
            target = b
            if role == "leads" and b.type != "Country" and _ministry_official(ctx, span, b):
                role = "memberOf"  # "الأمين العام لوزارة الدفاع الوطني X": the ministry's senior official
            if role == "leads" and b.type != "Country" and _minister_of_cabinet(ctx, span, b):
                role = "memberOf"  # "وزير الداخلية بحكومة الوحدة الوطنية X": one of the cabinet's ministers
            if role == "memberOf" and b.type == "Country" and _state_office(ctx, span, b):
                role = "leads"  # "رئيس المرحلة الانتقالية في مالي، العقيد X": the state's head
            if role == "memberOf" and b.type == "Country":
                continue  # a person is a member of a body, not of a state
            if role == "leads" and b.type != "Country" and _generic_cabinet(ctx, b):
                # "رئيس الحكومة الإسبانية X", "le chef du gouvernement espagnol": the state's head
                state = next((a for a in ctx.args if a.demonym and b.start <= a.start and a.end <= b.end), None)
                if state is None:
                    continue
                target = state
            if role == "leads" and b.type == "Country" and _is_minister(ctx, span):
                # A portfolio minister heads the ministry the text names, not the state.
                ministry = _ministry_of(ctx, b, (min(window[0], span[0]), max(window[1], span[1])))
                if ministry is None:
                    conf = MINISTER_OF_STATE
                else:
                    target, conf = ministry, conf - MINISTRY_DEMOTION
            side = "left" if b.start < p.start else "right"
            distance = len(gap)
            found = candidate(p, role, target, f"rule:{role}-title", conf, b)
            if target is not b:
                # "وزير الداخلية الفرنسي، X، ... حسب ما أعلنت وزارة الداخلية الفرنسية": the title
                # states the role; a negation or hedge between it and the ministry named further
                # on ("عدم الاستقرار") is not the role's (modality is read over this stretch).
                found = replace(found, start=min(p.start, b.start, span[0]), end=max(p.end, b.end, span[1]))
            if side not in best or distance < best[side][0]:
                best[side] = (distance, found)
        for _, cand in best.values():
            out.append(cand)
            out.extend(_coordinated_bodies(ctx, cand))
    return out


def _conjunction_opens_title(ctx: SentenceContext, start: int, title_start: int) -> bool:
    """A conjunction (not a copula's: "وهو مدير") between a name and the title after it
    with no apposition mark: "X and the head of Y", "X وقائد Y" (the Arabic "و" a
    proclitic of the title word) open the next item of a list."""
    copulas = ctx.cues("copula", start, title_start + 1)
    for c0, c1 in ctx.cues("conjunction", start, title_start + 1):
        if ctx.text[c0:c1] not in {",", "،"} and not any(k0 <= c0 < k1 for k0, k1 in copulas):
            return True
    return ctx.lang == "ar" and not ctx.text[start:title_start].strip() \
        and normalize(ctx.text[title_start - 1:title_start]) == CONJUNCTIONS[0]


def _title_of_next_name(ctx: SentenceContext, person: Arg, phrase_end: int) -> bool:
    """The title phrase after ``person``'s comma is followed by a comma and another name, and
    ``person`` has a title of its own right before it (its comma aside): a list of titled names ("President X,
    the European Commission president, Y, Italy's prime minister, Z"), where each phrase
    is the title of the name after it."""
    nxt = next((a for a in ctx.args if a.start >= phrase_end), None)
    if nxt is None or nxt.type != "Person" or ctx.text[phrase_end:nxt.start].strip() not in {",", "،"}:
        return False
    lo = ctx.before(person, TITLE_WORDS)[0]
    before = ctx.text[lo:person.start]
    own = [t for family in ("leads", "memberRole") for t in ctx.cues(family, lo, person.start)]
    return bool(before.strip()) and any(
        ctx.only(ctx.text[t1:person.start].replace(",", " ").replace("،", " "), ("rank", "article", "title_modifier"))
        for _, t1 in own)


VERB_TAGS = frozenset({"VERB", "AUX"})
MODIFIER_DEPS = frozenset({"amod", "compound", "acl"})  # a participle of the title ("the acting director")


def _verb_before_title(ctx: SentenceContext, start: int, title_start: int) -> bool:
    """A verb of its own between a name's apposition mark and the title after it ("X, a
    reçu lundi le commandant de Y", "X, who met the head of Y"): the title is the one met's,
    not the name's. Copulas and the words that name a role ("who is", "nommé", "appointed")
    are no verb of their own, nor a participle qualifying the title ("the acting director").
    Read from the parse's part-of-speech tags (French, English:
    the Arabic pipeline has none)."""
    if ctx.doc is None or not ctx.doc.has_annotation("POS"):
        return False
    taken = [c for family in ("copula", "relative", "title_modifier", "deputy", "rank") for c in ctx.cues(family, start, title_start)]
    span = ctx.doc.char_span(start, title_start, alignment_mode="expand")
    return span is not None and any(
        t.pos_ in VERB_TAGS and t.dep_ not in MODIFIER_DEPS and start <= t.idx < title_start
        and not any(c0 <= t.idx < c1 for c0, c1 in taken)
        for t in span)


def _ranked_name_after(ctx: SentenceContext, body_end: int, name_start: int) -> bool:
    """Only a rank (and articles) between a body and the name after it, no comma: "X، المدير
    العام للأمن الوطني اللواء Z", "X congratulated the head of Y, General Z" without the
    comma: the title before the body is Z's, not X's."""
    gap = ctx.text[body_end:name_start]
    return bool(gap.strip()) and not set(gap) & set(",،;؛()") and bool(ctx.cues("rank", body_end, name_start)) \
        and ctx.only(gap, ("rank", "article"))


def _words_less_ranks(ctx: SentenceContext, start: int, end: int) -> int:
    """The words of ``text[start:end]``, a rank of several words counted as one ("le général
    de corps d'armée X"), a comma as none."""
    chars = list(ctx.text[start:end])
    for r0, r1 in ctx.cues("rank", start, end):
        chars[r0 - start:r1 - start] = "_" * (r1 - r0)
    return ctx.words("".join(chars).replace(",", " ").replace("،", " "))


@relation_rule(name="headed_by", produces=("leads",), rule_ids=("rule:leads-headed-by",))
def headed_by(ctx: SentenceContext) -> list[Candidate]:
    """"Italy's Interior Ministry, headed by X", "المجلس الرئاسي برئاسة X", "la commission,
    présidée par X", "قوات الدعم السريع، التي يقودها X": the person right after the cue leads
    the body right before it."""
    out = []
    for c0, c1 in ctx.cues("headed_by"):
        body = next((a for a in reversed(ctx.args) if a.end <= c0 and not (a.demonym and a.qualifier_of)), None)
        person = next((a for a in ctx.args if a.start >= c1), None)
        if body is None or person is None or person.type != "Person" or body.type not in BODY_TYPES - {"Country"} or body.demonym:
            continue
        # "قوات الدعم السريع، التي يقودها X": a relative pronoun between is no word of its own
        if (ctx.words(ctx.text[body.end:c0]) > HEADED_BY_BODY_WORDS and not ctx.only(ctx.text[body.end:c0], ("relative",))) \
                or _words_less_ranks(ctx, c1, person.start) > HEADED_BY_PERSON_WORDS:
            continue
        if not ctx.only(ctx.text[c1:person.start], ("rank", "leads", "filler")):
            continue
        out.append(candidate(person, "leads", body, "rule:leads-headed-by", HEADED_BY, (c0, c1)))
    return out


def _pronoun_title(ctx: SentenceContext, c0: int, c1: int) -> tuple[str, tuple[int, int]] | None:
    """The role and span of the title a ``possessive_head`` cue at ``[c0, c1)`` gives: the
    Arabic cue is the title ("رئيستها"); in French and English the title follows the
    pronoun, with at most status words between ("its new chief", "son directeur exécutif")."""
    if ctx.lang == "ar":
        return _title_in(ctx, c0, c1)
    title = _title_in(ctx, c1, ctx.after(Arg("", "", "", c0, c1, ""), POSSESSIVE_HEAD_TITLE_WORDS)[1])
    if title is None or not ctx.only(ctx.text[c1:title[1][0]], ("title_modifier",)):
        return None
    return title


def _holder_of(ctx: SentenceContext, c0: int, t1: int) -> Arg | None:
    """The person a possessive title is said of: right after the title (only ranks, articles,
    status words or a demonym between: "its chief, Raed Jouhi", "son commandant, le général
    espagnol X", "رئيستها أورسولا فون دير لاين") or right before the pronoun, set off by a
    comma ("Bernard Emié, its director since 2017")."""
    after = next((a for a in ctx.args if a.start >= t1 and not a.demonym), None)
    if after is not None and after.type == "Person":
        gap = list(ctx.text[t1:after.start])
        for a in ctx.args:
            if a.demonym and t1 <= a.start and a.end <= after.start:
                gap[a.start - t1:a.end - t1] = " " * (a.end - a.start)
        for family in LINK + NAME_GAP:
            for g0, g1 in ctx.cues(family, t1, after.start):
                gap[g0 - t1:g1 - t1] = " " * (g1 - g0)
        # one word of its own: an adjective of the name ("son commandant, le général espagnol X")
        if _words_less_ranks(ctx, t1, after.start) <= POSSESSIVE_HEAD_NAME_WORDS \
                and ctx.words("".join(gap).replace(",", " ").replace("،", " ")) <= 1:
            return after
    before = [a for a in ctx.args if a.end <= c0]
    if before and before[-1].type == "Person" and ctx.text[before[-1].end:c0].strip() in {",", "،"}:
        return before[-1]
    return None


@relation_rule(name="possessive_head", produces=("leads", "memberOf"), memory=POSSESSIVE_MEMORY,
               rule_ids=("rule:leads-possessive-title", "rule:memberOf-possessive-title"))
def possessive_head(ctx: SentenceContext, previous: list[SentenceContext] = ()) -> list[Candidate]:
    """"the National Intelligence Service after removing its chief, X", "Frontex et son
    directeur exécutif, X", "the DGSE, replacing X, its director since 2017", "المفوضية
    الأوروبية ... واعتبرت رئيستها X": a body's title with a possessive pronoun goes to the
    body named last before it in the sentence (not a state: "its president" is as often a
    party's), with no other person between but the holder."""
    out: list[Candidate] = []
    for c0, c1 in ctx.cues("possessive_head"):
        title = _pronoun_title(ctx, c0, c1)
        if title is None:
            continue
        role, (t0, t1) = title
        person = _holder_of(ctx, c0, max(t1, c1))
        if person is None:
            continue
        first = min(c0, person.start)
        body = next((a for a in reversed(ctx.args) if a.end <= first and a.type in BODY_TYPES), None)
        if body is None and ctx.lang != "ar" and person.start > c0 and previous:
            body = _sentence_subject(previous[-1], c0, ctx)
        if body is None or body.type == "Country" or body.demonym or body.source:
            continue
        if any(a.type == "Person" and a is not person and body.end <= a.start and a.end <= c0 for a in ctx.args):
            continue  # "Y received X, and its chief Z": the pronoun may be X's
        out.append(candidate(person, role, body, f"rule:{role}-possessive-title", POSSESSIVE_HEAD, (c0, t1)))
    return out


def _sentence_subject(prev: SentenceContext, c0: int, ctx: SentenceContext) -> Arg | None:
    """The body that opens the sentence before, when a possessive title opens this one ("Le
    MPC conduit une vingtaine de procédures. Sa porte-parole, X, ..."): the pronoun's
    antecedent is that sentence's subject. Latin script; nothing of the sentence but quotes
    and an article before the pronoun, nothing but an article before the body."""
    if ctx.text[ctx.start:c0].strip(" \n«»\"'“”-—"):
        return None
    first = next(iter(prev.args), None)
    if first is None or first.type not in BODY_TYPES or first.type == "Country" or first.demonym:
        return None
    lead = prev.text[prev.start:first.start].strip(" \n«»\"'“”-—")
    return first if not lead or prev.only(lead, ("article",)) else None


def _coordinated_before(ctx: SentenceContext, body: Arg) -> list[Arg]:
    """The bodies of ``body``'s type coordinated before it, and ``body`` last ("المدير العام
    للأمن الوطني ولمراقبة التراب الوطني"; "director of the police and of the gendarmerie")."""
    run = [body]
    for x in reversed([a for a in ctx.args if a.end <= body.start]):
        if x.end > run[0].start:
            continue  # inside a name of the run
        if x.demonym or x.type != body.type or not coordinator_between(ctx, x.end, run[0].start) \
                or set(ctx.gap(x, run[0])) & set(",،") or not ctx.only_between(x, run[0], LINK + ("of",)):
            break
        run.insert(0, x)
    return run


def _coordinated_bodies(ctx: SentenceContext, cand: Candidate) -> list[Candidate]:
    """"X, directeur de la police et de la gendarmerie", "المدير العام للأمن الوطني ومراقبة
    التراب الوطني": bodies coordinated after the one a title names share the role; named
    before the person, each body of the run the title heads."""
    body = cand.tail
    if not isinstance(body, Arg):
        return []
    if body.start < cand.head.start:
        return [candidate(cand.head, cand.type, x, cand.rule + "-coordinated", round(cand.confidence - COORDINATED_DEMOTION, 3))
                for x in _coordinated_before(ctx, body)[:-1]]
    out = []
    last = body
    for x in ctx.args:
        if x.start < last.end or x.demonym:
            continue
        gap = ctx.gap(last, x)
        if gap.strip() == "(":
            last = x  # "la Sûreté nationale (DGSN) et …": the same body by its short name
            continue
        if x.type != body.type or not coordinator_between(ctx, last.end, x.start) or not ctx.only(gap.lstrip(" )"), LINK + ("of",)):
            break
        out.append(candidate(cand.head, cand.type, x, cand.rule + "-coordinated", round(cand.confidence - COORDINATED_DEMOTION, 3)))
        last = x
    return out


def _head_title(ctx: SentenceContext, person: Arg, words: int = TITLE_WORDS) -> tuple[str, tuple[int, int]] | None:
    """The head-of-state or head-of-government title nearest before ``person``, within
    ``words`` words: its family (``state_head`` / ``government_head``) and span."""
    lo = ctx.before(person, words)[0]
    titles = sorted((span[1], family, span) for family in HEAD_FAMILIES for span in ctx.cues(family, lo, person.start))
    return (titles[-1][1], titles[-1][2]) if titles else None


def _bare_state_head(ctx: SentenceContext, person: Arg) -> str | None:
    """The family of the head-of-state or head-of-government title right before
    ``person`` that names no state: "President X", "le président de la République, X",
    "رئيس الجمهورية X", with only ranks, articles and status words between. Not a deputy's
    title ("Vice President X", "نائب رئيس الوزراء"), nor one a body, a demonym, a possessive
    or a relative qualifies ("Spain's Prime Minister X", "European Commission President X",
    "الرئيس السوري X", "its president X", "le Sénégal, dont le président X"), nor a title
    inside another ("the King's adviser X", "مستشار جلالة الملك X"), nor a name the state
    follows ("le roi Abdallah II de Jordanie")."""
    if len(person.text.split()) < STATE_HEAD_NAME_WORDS:
        return None
    title = _head_title(ctx, person)
    if title is None:
        return None
    family, (t0, t1) = title
    between = ctx.text[t1:person.start].replace(",", " ").replace("،", " ")
    # (an event named with the person in it, "the visit of President X to Y", is no qualifier)
    if any(t0 < a.end and a.start < person.start and a is not person and a.end < person.end for a in ctx.args) \
            or not ctx.only(between, ("rank", "article", "title_modifier")):
        return None
    b0 = ctx.before(Arg("", "", "", t0, t1, ""), BARE_TITLE_WORDS)[0]
    if any(_deputy_of(ctx, d1, t0) for _, d1 in ctx.cues("deputy", b0, t0)):
        return None
    for qualifier in ("relative", "possessive", "leads", "memberRole"):
        if any(ctx.only(ctx.text[c1:t0], ("article", "rank")) for _, c1 in ctx.cues(qualifier, b0, t0)):
            return None
    if any(a.type != "Person" and b0 < a.end <= t0 and not set(ctx.text[a.end:t0]) & set(",،") for a in ctx.args):
        return None  # (a body before a comma is no qualifier: "بين تونس والاتحاد الأوروبي، بحضور رئيس الجمهورية X")
    a1 = ctx.after(person, BARE_TITLE_WORDS)[1]
    if any(a.type in BODY_TYPES and person.end <= a.start < a1 and ctx.only(ctx.text[person.end:a.start], ("of", "article"))
           for a in ctx.args):
        return None
    return family


def _dateline_state_key(dctx: DocumentContext) -> str | None:
    """The key (``country/..``) of the state the dateline's city lies in, named in the
    document or not ("ROME -": Italy); ``None`` without a dateline place."""
    found = dateline_place(dctx, DATELINE_PLACE_TYPES)
    if found is None:
        return None
    if found[0].type == "Country":  # "الجزائر -": a capital read as its state, of the same name
        return mention_key(found[0])
    return load_lexicon().country_of(found[0].key or "")


def _dateline_state(dctx: DocumentContext):
    """The Country mention of the state the dateline's city lies in, when the document
    names that state ("NOUAKCHOTT -" and "Mauritania"); ``None`` otherwise."""
    state = _dateline_state_key(dctx)
    return next((m for m in dctx.mentions if m.type == "Country" and state and mention_key(m) == state), None)


def _surname(m) -> str:
    """The last word of a person mention's normalized text: how the document rules tell one
    holder of a title from another."""
    return normalize(m.text).split()[-1] if m.text.split() else ""


def _head_surnames(dctx: DocumentContext, by_id: dict, min_confidence: float) -> set[str]:
    """The surnames the text already gives a head's role (``leads`` at least ``min_confidence``
    sure): the document rules of heads of state leave those persons alone."""
    return {_surname(by_id[r.head]) for r in dctx.relations
            if r.type == "leads" and r.confidence >= min_confidence and r.head in by_id}


def _persons_without_a_head_role(dctx: DocumentContext, by_id: dict, heads: set[str]):
    """``(sentence, person)`` for each person argument, not a demonym, whose surname is not
    among ``heads`` (the surnames the text already gives a head's role)."""
    for ctx in dctx.contexts:
        for p in ctx.args:
            if p.type == "Person" and not p.demonym and p.id in by_id and _surname(by_id[p.id]) not in heads:
                yield ctx, p


@relation_rule(name="state_head_of_dateline", produces=("leads",), scope="document",
               rule_ids=("rule:leads-state-head-dateline",))
def state_head_of_dateline(dctx: DocumentContext) -> list[Relation]:
    """"NOUAKCHOTT - ... received by President X", "الجزائر - استقبل رئيس الجمهورية X",
    "TUNIS - Le président Kaïs Saïed ...": a head-of-state title that names no state heads
    the state the dispatch is written from. Not a person the text gives a head's role
    elsewhere, as sure as this one (then it says which), by any mention of the same surname;
    nor a second person with the same kind of title as the state's head the text names
    already (a state has one president: "Algeria's President Tebboune ... the greetings of
    President Mattarella")."""
    state = _dateline_state(dctx)
    if state is None:
        return []
    by_id = {m.id: m for m in dctx.mentions}
    context_of = {a.id: c for c in dctx.contexts for a in c.args}

    heads = _head_surnames(dctx, by_id, STATE_HEAD_OF_DATELINE)
    # The state's heads the text names already, by title: (family) -> surname.
    holders = _holders_by_state(dctx, by_id, context_of, STATE_HEAD_OF_DATELINE).get(mention_key(state), {})
    out = []
    for ctx, p in _persons_without_a_head_role(dctx, by_id, heads):
        family = _bare_state_head(ctx, p)
        if family is None or _known_elsewhere(by_id[p.id].text, family, mention_key(state)) \
                or holders.setdefault(family, _surname(by_id[p.id])) != _surname(by_id[p.id]):
            continue  # the state's president is someone else: this one is another state's
        out.append(Relation(head=p.id, type="leads", tail=state.id, confidence=STATE_HEAD_OF_DATELINE,
                            extractor="rule:leads-state-head-dateline", evidence=[dctx.evidence_at(by_id[p.id])]))
    return out



def _holders_by_state(dctx: DocumentContext, by_id: dict, context_of: dict,
                      min_confidence: float) -> dict[str, dict[str, str]]:
    """State key -> {title family: surname} of the heads of state and of government the
    text names already (``leads`` at least ``min_confidence`` sure), each by a title of that
    family before the name."""
    holders: dict[str, dict[str, str]] = {}
    for r in dctx.relations:
        head, tail = by_id.get(r.head), by_id.get(r.tail)
        if r.type != "leads" or head is None or tail is None or tail.type != "Country" \
                or r.confidence < min_confidence or head.id not in context_of:
            continue
        ctx = context_of[head.id]
        arg = next(a for a in ctx.args if a.id == head.id)
        title = _head_title(ctx, arg, TITLE_WORDS + HOLDER_TITLE_EXTRA_WORDS)
        if title is not None:
            holders.setdefault(mention_key(tail), {}).setdefault(title[0], _surname(head))
    return holders


def _possessive_state(ctx: SentenceContext, state: Arg) -> bool:
    """``state`` is said in the possessive ("Tunisia's tourism season")."""
    after = ctx.text[state.end:state.end + 2].lower()
    return any(state.text.lower().endswith(p) or after.startswith(p) for p in rule_words().possessive)


def _sentence_state(ctx: SentenceContext, person: Arg, led: set[str]) -> Arg | None:
    """The one state the sentence names, by its name or its capital standing for it
    ("sanctions on Niger after the overthrow of President X", "ورفضت إسبانيا ... إذ قال رئيس
    الحكومة X", "inaugurated by President X and described by Cairo as ..."); ``None`` when
    it names none, several, or a demonym of another state ("... Prime Minister X, accusing
    the Algerian regime"; "خطة الحكومة البريطانية ... إلى رواندا"). A state whose head the
    sentence names already (``led``: "Italy's prime minister Y and President X") is that
    one's. A state named after the person is his own only in the possessive ("President X
    called the shooting an act aimed at Tunisia's tourism"): otherwise it is as often the
    object of what he does ("حمّل الرئيس X أوكرانيا مسؤولية ...")."""
    states: dict[str, Arg] = {}
    for a in [a for a in ctx.args if not a.demonym] + ctx.metonymic_capitals():
        if a.type == "Country" and not a.source and a.key not in led and (a.end <= person.start or _possessive_state(ctx, a)):
            states.setdefault(a.key, a)
    if len(states) != 1 or any(a.demonym and a.key not in states for a in ctx.args):
        return None
    return next(iter(states.values()))


@relation_rule(name="state_head_of_sentence", produces=("leads",), scope="document",
               rule_ids=("rule:leads-state-head-sentence",))
def state_head_of_sentence(dctx: DocumentContext) -> list[Relation]:
    """"the sanctions imposed on Niger after the overthrow of President X", "ورفضت إسبانيا
    الالتزام ... إذ قال رئيس الحكومة X", "Le président X a reçu à Alger ...": a head-of-state
    or head-of-government title that names no state heads the one state its sentence names
    (by name, demonym or capital), outside a dispatch (``state_head_of_dateline`` reads the
    dateline's). Not a person the text gives a head's role already, nor a state whose head of
    that kind the text names already (another surname), nor a state another person of the
    sentence heads, nor one of two persons with a bare head's title in one sentence."""
    by_id = {m.id: m for m in dctx.mentions}
    context_of = {a.id: c for c in dctx.contexts for a in c.args}
    heads = _head_surnames(dctx, by_id, STATE_HEAD_OF_SENTENCE)
    holders = _holders_by_state(dctx, by_id, context_of, STATE_HEAD_OF_SENTENCE)
    # the states each sentence's persons head already: sentence start -> state keys
    led_in: dict[int, set[str]] = {}
    for r in dctx.relations:
        head, tail = by_id.get(r.head), by_id.get(r.tail)
        if r.type == "leads" and head is not None and tail is not None and tail.type == "Country" and head.id in context_of:
            led_in.setdefault(context_of[head.id].start, set()).add(mention_key(tail))
    # the sentences that name one person by a bare head's title: with two ("Prime Minister X
    # was to meet President Y in Washington") the state may be either's
    bare: dict[int, int] = {}
    for ctx in dctx.contexts:
        for a in ctx.args:
            if a.type == "Person" and not a.demonym and _bare_state_head(ctx, a) is not None:
                bare[ctx.start] = bare.get(ctx.start, 0) + 1
    out = []
    for ctx, p in _persons_without_a_head_role(dctx, by_id, heads):
        if bare.get(ctx.start) != 1:
            continue
        family = _bare_state_head(ctx, p)
        if family is None:
            continue
        state = _sentence_state(ctx, p, led_in.get(ctx.start, set()))
        if state is None or _known_elsewhere(by_id[p.id].text, family, state.key):
            continue
        surname = _surname(by_id[p.id])
        if holders.setdefault(state.key, {}).setdefault(family, surname) != surname:
            continue  # the state's president is someone else: this one is another state's
        out.append(Relation(head=p.id, type="leads", tail=state.id, confidence=STATE_HEAD_OF_SENTENCE,
                            extractor="rule:leads-state-head-sentence", evidence=[dctx.evidence_at(by_id[p.id])]))
    return out

# Latin name particles a spelling may write or leave out ("Abdel Fattah el-Sisi" / "al-Sisi").
_NAME_PARTICLES = frozenset({"al", "el"})


def _holder_key(name: str) -> str:
    """A name as the holders' table compares it: normalized, hyphens and apostrophes as
    spaces, the Latin particles al / el left out."""
    words = re.split(r"[\s\-'’‘`]+", normalize(name))
    return " ".join(w for w in words if w and w not in _NAME_PARTICLES)


@lru_cache(maxsize=1)
def known_state_leaders() -> dict[str, tuple[tuple[str, str], ...]]:
    """Name key -> ``(country key, title family)`` of every holder ``state_leaders.yaml``
    lists (a person who held both offices, or spelled alike in two states, has several)."""
    table: dict[str, set[tuple[str, str]]] = {}
    for iso, families in state_leaders().items():
        for family, names in families.items():
            for name in names:
                table.setdefault(_holder_key(name), set()).add((f"country/{iso}", family))
    return {key: tuple(sorted(v)) for key, v in table.items()}


def _leader_entries(text: str) -> tuple[tuple[str, str], ...]:
    """The holders' entries of a person mention's text; an Arabic name glued to "و" ("وماكرون")
    is read without it."""
    key = _holder_key(text)
    found = known_state_leaders().get(key)
    if found is None and key.startswith("و"):
        found = known_state_leaders().get(key[1:])
    return found or ()


def _known_elsewhere(text: str, family: str, state_key: str) -> bool:
    """``state_leaders.yaml`` lists the person as a holder of this kind of office, of other
    states only ("King Abdullah II" in a sentence that names Iraq)."""
    entries = [state for state, fam in _leader_entries(text) if fam == family]
    return bool(entries) and state_key not in entries


def _trailing_bare_head(ctx: SentenceContext, person: Arg) -> str | None:
    """The family of a head-of-state or head-of-government title right after ``person``,
    set off as an apposition that names no state ("X, رئيس المرحلة الانتقالية", "X, the
    Prime Minister,"): nothing but a comma and an article between, no body or state in the
    words after the title."""
    if len(person.text.split()) < STATE_HEAD_NAME_WORDS:
        return None
    a0, a1 = ctx.after(person, TITLE_WORDS)
    for family in HEAD_FAMILIES:
        for t0, t1 in ctx.cues(family, person.end, a1):
            gap = ctx.text[person.end:t0]
            if not set(gap) & set(",،") or not ctx.only(gap.replace(",", " ").replace("،", " "), ("article",)):
                continue
            b1 = ctx.after(Arg("", "", "", t0, t1, ""), BARE_TITLE_WORDS)[1]
            if any(a is not person and t0 <= a.start < b1 for a in ctx.args):
                continue  # "X, Prime Minister of Y": the title names its state
            return family
    return None


def _demonym_head(ctx: SentenceContext, person: Arg) -> tuple[str, str] | None:
    """The family of a head-of-state or head-of-government title right before ``person`` and
    the key of the state its demonym names ("الرئيس التشادي X", "le Premier ministre espagnol
    X"): only the demonym, ranks and articles between; not a deputy's title."""
    if len(person.text.split()) < STATE_HEAD_NAME_WORDS:
        return None
    title = _head_title(ctx, person, TITLE_WORDS + HOLDER_TITLE_EXTRA_WORDS)
    if title is None:
        return None
    family, (t0, t1) = title
    inside = [a for a in ctx.args if t1 <= a.start and a.end <= person.start]
    if len(inside) != 1 or not inside[0].demonym or inside[0].type != "Country":
        return None
    demonym = inside[0]
    between = (ctx.text[t1:demonym.start] + " " + ctx.text[demonym.end:person.start]).replace(",", " ").replace("،", " ")
    if not ctx.only(between, ("rank", "article", "title_modifier")):
        return None
    b0 = ctx.before(Arg("", "", "", t0, t1, ""), BARE_TITLE_WORDS)[0]
    if any(_deputy_of(ctx, d1, t0) for _, d1 in ctx.cues("deputy", b0, t0)):
        return None
    return family, demonym.key


@relation_rule(name="state_head_of_known_holder", produces=("leads",), scope="document",
               rule_ids=("rule:leads-state-head-known",))
def state_head_of_known_holder(dctx: DocumentContext) -> list[Relation]:
    """"le président Emmanuel Macron a annoncé ...", "استقبل الملك محمد السادس ...", "Prime
    Minister Pedro Sánchez said ...", "X, رئيس المرحلة الانتقالية": a head-of-state or
    head-of-government title that names no state, given to a person ``state_leaders.yaml``
    lists as a holder of that kind of office, heads that state when the document names it
    (anywhere: the title and the name are the text's, the state is the reader's knowledge of
    who holds the office). Not a person the text gives a head's role already (the other rules
    read the state the text says), nor a state whose head of that kind the text names already
    (another surname). A title with a demonym ("الرئيس التشادي X") says the state itself: it
    heads it when the document names it, wherever."""
    by_id = {m.id: m for m in dctx.mentions}
    context_of = {a.id: c for c in dctx.contexts for a in c.args}
    states: dict[str, object] = {}
    for m in dctx.mentions:
        if m.type == "Country":
            states.setdefault(mention_key(m), m)
    if not states:
        return []
    heads = _head_surnames(dctx, by_id, STATE_HEAD_OF_SENTENCE)
    holders = _holders_by_state(dctx, by_id, context_of, STATE_HEAD_OF_SENTENCE)
    out = []
    for ctx, p in _persons_without_a_head_role(dctx, by_id, heads):
        entries = _leader_entries(by_id[p.id].text)
        family = _bare_state_head(ctx, p) or _trailing_bare_head(ctx, p)
        if family is not None:
            named = {state for state, fam in entries if fam == family and state in states}
        elif (qualified := _demonym_head(ctx, p)) is not None:  # the title says the state
            family, key = qualified
            named = {key} if key in states and not _known_elsewhere(by_id[p.id].text, family, key) else set()
        else:
            continue
        if len(named) != 1:
            continue
        state = states[named.pop()]
        surname = _surname(by_id[p.id])
        if holders.setdefault(mention_key(state), {}).setdefault(family, surname) != surname:
            continue  # the text names another holder of this office
        heads.add(surname)
        out.append(Relation(head=p.id, type="leads", tail=state.id, confidence=STATE_HEAD_OF_KNOWN_HOLDER,
                            extractor="rule:leads-state-head-known", evidence=[dctx.evidence_at(by_id[p.id])]))
    return out


def _bare_minister(ctx: SentenceContext, person: Arg) -> tuple[int, int] | None:
    """The stretch of a portfolio minister's title right before ``person`` that names no
    state ("Interior Minister X", "وزير الداخلية X", "le ministre de l'Intérieur, X"): no
    argument in it or right after the name, no deputy; ``None`` otherwise."""
    if len(person.text.split()) < STATE_HEAD_NAME_WORDS:
        return None
    lo = ctx.before(person, MINISTER_TITLE_WORDS)[0]
    titles = [t for t in ctx.cues("minister", lo, person.start) if _is_minister(ctx, t)]
    if not titles:
        return None
    t0, t1 = titles[-1]
    b0 = ctx.before(Arg("", "", "", t0, t1, ""), BARE_TITLE_WORDS)[0]
    if any(a is not person and b0 < a.end and a.start < person.start for a in ctx.args):
        return None  # a state, a demonym, a body or another person in the title
    if ctx.cues("deputy", b0, t0) or set(ctx.text[t1:person.start]) & set("()"):
        return None
    # after a comma, only what names the person ("le ministre de l'Intérieur, X"), not
    # another item of a list ("… auprès du ministre de l'Intérieur, de X, directeur")
    tail = ctx.text[t1:person.start]
    for mark in ",،":
        tail = tail.rsplit(mark, 1)[-1]
    if tail != ctx.text[t1:person.start] and not ctx.only(tail, ("rank", "article", "title_modifier")):
        return None
    for qualifier in ("relative", "possessive", "leads", "memberRole"):
        if any(ctx.only(ctx.text[c1:t0], ("article", "rank")) for _, c1 in ctx.cues(qualifier, b0, t0)):
            return None
    a1 = ctx.after(person, BARE_TITLE_WORDS)[1]
    if any(a.type in BODY_TYPES and person.end <= a.start < a1 for a in ctx.args):
        return None
    return b0, person.start


@relation_rule(name="minister_of_named_ministry", produces=("leads",), scope="document",
               rule_ids=("rule:leads-minister-named-ministry",))
def minister_of_named_ministry(dctx: DocumentContext) -> list[Relation]:
    """"Interior Minister X said ..." and, elsewhere in the document, "the Ministry of the
    Interior of Tunisia": a portfolio minister whose title names no state heads the one
    ministry of that portfolio the document names (the dateline's state's, in a dispatch). Not a person the text gives a head's role already, nor a ministry whose head
    the text names already (another person)."""
    if not dctx.contexts:
        return []
    by_id = {m.id: m for m in dctx.mentions}

    led: dict[str, str] = {}  # ministry key -> its head's surname
    heads = set()
    for r in dctx.relations:
        if r.type == "leads" and r.confidence >= MINISTER_OF_NAMED_MINISTRY and r.head in by_id:
            heads.add(_surname(by_id[r.head]))
            if r.tail in by_id:
                led.setdefault(mention_key(by_id[r.tail]), _surname(by_id[r.head]))
    ministries = dctx.contexts[0].ministries
    state = _dateline_state_key(dctx)
    out = []
    for ctx, p in _persons_without_a_head_role(dctx, by_id, heads):
        window = _bare_minister(ctx, p)
        if window is None:
            continue
        words = ctx.content_words(*window, skip=("leads", "minister", "memberRole", "rank", "of", "filler"))
        found = {arg.key: (arg, key) for arg, key, name_words in ministries if words & name_words}
        if state is not None:  # a dispatch's bare "Interior Minister" is its own state's (or the ministry of no state said)
            found = {k: v for k, v in found.items() if v[1] in {state, ""}}
        if len(found) != 1:
            continue
        ministry = next(iter(found.values()))[0]
        if led.setdefault(ministry.key, _surname(by_id[p.id])) != _surname(by_id[p.id]):
            continue
        out.append(Relation(head=p.id, type="leads", tail=ministry.id, confidence=MINISTER_OF_NAMED_MINISTRY,
                            extractor="rule:leads-minister-named-ministry", evidence=[dctx.evidence_at(by_id[p.id])]))
    return out
