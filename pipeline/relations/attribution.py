"""Who states a relation: the party the text names as its source, else the outlet.

Reads the cue families ``attribution_according`` ("according to", "selon", "نقلا عن", "حسب"),
``attribution_said`` ("said", "a déclaré", "أفاد", "أكد", "communiqué"),
``attribution_statement``, ``attribution_same_source`` and ``attribution_same_speaker`` of
``ontology/patterns/time_cues.yaml``. In the relation's sentence, the source is the person,
agency or organization named right after an ``according to`` cue, or after it and a
statement ("according to a statement from X", "selon un communiqué de X", "حسب ما أفاد به
بيان لـ X"); else the one named just before a ``said`` verb (its subject: "the ministry
said", "Le ministre, X, a déclaré"; not across a clause: "Spain and Morocco cooperate, the
ministry said") or just after it (Arabic verb first: "أفاد المكتب المركزي للأبحاث
القضائية"; a reporting clause set off by a comma: "..., a indiqué lundi la Garde civile");
the speaker of the sentence before when the cue names it ("selon lui", "he added", "a-t-il
ajouté", "précise le texte", "واعتبر البلاغ": :data:`PREVIOUS`). Nothing of the kind:
:data:`pipeline.model.OUTLET`, the document's outlet.

Usage::

    source = attribution(text, sent_start, sent_end, "en", mentions)   # a mention id, "outlet" or "previous"
"""
from __future__ import annotations

from pipeline.language.morphology import restore_fused_article, strip_definite
from pipeline.language.normalize import normalize
from pipeline.model import OUTLET, Mention
from pipeline.relations.cues import load_cues

# What :func:`attribution` answers for "according to the same source", "selon lui", "he
# added": the source of the sentence before, which the caller knows.
PREVIOUS = "previous"
SOURCE_TYPES = frozenset({"Person", "GovernmentAgency", "Organization", "InternationalOrganization"})
# Characters between a cue and the source's name.
AFTER_ACCORDING = 12
# ... when a statement stands between ("according to a statement from X", "selon un communiqué de X").
AFTER_ACCORDING_STATEMENT = 45
# Characters after an `according to` cue that "the same source", "le ministère" may end in.
SAME_SOURCE_REACH = 20
BEFORE_SAID = 40
AFTER_SAID = 6
# Arabic puts the verb first and a title may stand between it and the name (قال وزير الخارجية ناصر بوريطة).
AFTER_SAID_AR = 30
# ... and a person there, over the body he speaks for ("وقال المتحدث باسم وزارة الداخلية، X").
AFTER_SAID_AR_PERSON = 50
# A reporting clause after what is said, subject after the verb ("..., a indiqué dimanche la
# Garde civile", "..., said a spokesman for Europol").
AFTER_SAID_INVERTED = 30
# ... and characters from the subject to the end of the clause ("... la Garde civile, selon").
INVERTED_TAIL = 30
# Characters before a `said` verb that a passive auxiliary stands in ("Säpo is reported to").
PASSIVE_BEFORE = 10
# Characters between a `said` verb and a subject that is the speaker before ("he added", "précise le texte").
SAME_SPEAKER_GAP = 3
_CLAUSE_MARKS = ".;؛,،"


def _clause_ends(text: str, start: int, sent_end: int) -> bool:
    """The clause ends a few characters after ``start`` ("..., a indiqué lundi la Garde
    civile." but not "Brandt, 54, said the police had received ...")."""
    rest = text[start:sent_end]
    cut = min([i for i in (rest.find(c) for c in _CLAUSE_MARKS) if i >= 0] + [len(rest)])
    return cut <= INVERTED_TAIL


def _commas(text: str) -> int:
    return sum(text.count(c) for c in ",،")


def _clause_comma(between: str) -> bool:
    """One comma, then words, between a subject and its verb: the comma ends a clause
    ("Spain and Morocco cooperate, the ministry said"); none, two (an apposition) or one
    right before the verb ("Le ministre, X, a déclaré") keep the subject."""
    return _commas(between) == 1 and bool(between.replace("،", ",").rsplit(",", 1)[1].strip(" \"'»”"))


def _own_office(text: str, sent_start: int, sent_end: int, start: int, end: int, lang: str,
                sources: list[Mention]) -> str | None:
    """The first person named in the sentence before a speaker's own office that is the
    subject of the `said` verb at ``text[start:end]`` ("Prime Minister X ..., his press office
    said", "a indiqué son cabinet", "وقال مكتبه الإعلامي"), else None."""
    cues = load_cues()
    office = None
    before = cues.find("attribution_own_office", lang, text[max(sent_start, start - BEFORE_SAID):start],
                       max(sent_start, start - BEFORE_SAID))
    if before and start - before[-1][1] <= SAME_SPEAKER_GAP:
        office = before[-1][0]
    else:  # after the verb: "a indiqué son cabinet", "وقال مكتبه الإعلامي"
        after = cues.find("attribution_own_office", lang, text[end:min(sent_end, end + AFTER_SAID_AR)], end)
        if after and after[0][0] - end <= SAME_SPEAKER_GAP:
            office = after[0][0]
    if office is None:
        return None
    persons = [m for m in sources if m.type == "Person" and m.end <= office]
    return persons[0].id if persons else None


def attribution(text: str, sent_start: int, sent_end: int, lang: str, mentions: list[Mention], *,
                said: bool = True, statement_start: int | None = None, statement_end: int | None = None) -> str:
    """The id of the mention that states the sentence ``text[sent_start:sent_end]``, or
    :data:`OUTLET` when it names no source, or :data:`PREVIOUS` when it names the source of
    the sentence before ("selon lui", "the statement added"); ``said=False``: only an
    ``according to`` cue, or a reporting clause set off after ``statement_end`` ("X was
    named head of Y, the ministry said") or a verb whose clause, after a complementizer, holds
    the statement from ``statement_start`` on ("the presidency said that X was appointed",
    "أفاد بلاغ ... بأن سعيد عين X"), names one (a role in an apposition is the outlet's word,
    not the speaker's: "Interior Minister X said"); a speaker's own office as the subject
    ("..., his press office said") names the first person of the sentence."""
    sources = sorted((m for m in mentions if m.type in SOURCE_TYPES and sent_start <= m.start < sent_end),
                     key=lambda m: m.start)
    cues = load_cues()
    sentence = text[sent_start:sent_end]

    def clause_between(a: int, b: int) -> bool:  # "that" or a stop between: another clause
        return any(c in text[a:b] for c in ".;؛") or bool(cues.find("attribution_that", lang, text[a:b]))

    def relay_between(a: int, b: int) -> bool:  # "بيان للحكومة نقلته وكالة X": X carries it, not says it
        # (but X is the party named for "a security source quoted by X")
        return (bool(cues.find("attribution_relay", lang, text[a:b]))
                and not cues.find("attribution_unnamed_source", lang, text[a:b]))

    def name_words(m: Mention) -> set[str]:
        words = normalize(m.text).split()
        if lang == "ar":  # "للشرطة" in a name: "الشرطة"'s noun
            return set(words) | {strip_definite(restore_fused_article(w)) for w in words}
        return set(words)

    def named_body(a: int, b: int, family: str = "attribution_definite_body") -> str | None:
        """The latest source before the sentence whose name holds the head noun of a body
        cue in ``text[a:b]`` ("the ministry" -> "the Spanish Interior Ministry")."""
        found = cues.find(family, lang, text[a:b], a)
        if not found:
            return None
        noun = normalize(text[found[0][0]:found[0][1]]).split()[-1]
        noun = strip_definite(noun) if lang == "ar" else noun[2:] if noun.startswith("l'") else noun
        earlier = [m for m in mentions if m.type in SOURCE_TYPES and m.end <= sent_start
                   and noun in name_words(m)]
        return max(earlier, key=lambda m: m.start).id if earlier else None

    def body_next_to(a: int, b: int, after: bool) -> str | None:
        """A body named before, by its head noun right after ``b`` or right before ``a``
        ("a indiqué le parquet", "the police said", "selon la présidence", "وأوضحت المديرية"):
        :data:`attribution_named_body`; none named before: no source from it."""
        if after:
            found = cues.find("attribution_named_body", lang, text[b:min(sent_end, b + AFTER_SAID_AR)], b)
            found = [f for f in found if f[0] - b <= SAME_SPEAKER_GAP][:1]
        else:
            lo = max(sent_start, a - BEFORE_SAID)
            found = [f for f in cues.find("attribution_named_body", lang, text[lo:a], lo)
                     if a - f[1] <= SAME_SPEAKER_GAP][-1:]
        return named_body(found[0][0], found[0][1], "attribution_named_body") if found else None

    def statement_between(a: int, b: int) -> bool:  # "a statement from", "un communiqué de", "ما أفاد به بيان لـ"
        # ... or a press title ("the Israeli daily X"); not a relay ("بيان للرئاسة نقلته وكالة الأنباء":
        # the agency carries the presidency's statement).
        gap = text[a:b]
        return (not any(c in gap for c in _CLAUSE_MARKS) and not relay_between(a, b)
                and bool(cues.find("attribution_statement", lang, gap) or cues.find("attribution_outlet_noun", lang, gap)))

    same_source = False
    for _, end in cues.find("attribution_according", lang, sentence, sent_start):
        after = [m for m in sources if end <= m.start <= end + AFTER_ACCORDING]
        if after:
            return after[0].id
        after = [m for m in sources if end < m.start <= end + AFTER_ACCORDING_STATEMENT and statement_between(end, m.start)]
        if after:
            return after[0].id
        same = cues.find("attribution_same_source", lang, text[end:min(sent_end, end + SAME_SOURCE_REACH)], end)
        if same and same[0][0] - end <= 2:
            body = named_body(same[0][0], same[0][1])
            if body:
                return body
            same_source = True  # unless a speaker of its own is named ("selon le communiqué, X a déclaré")
        body = body_next_to(end, end, after=True)  # "selon la présidence", "according to the police"
        if body:
            return body

    previous = False
    for start, end in cues.find("attribution_said", lang, sentence, sent_start):
        # The subject right before the verb; Arabic puts it after, so a party before a comma
        # there ends the clause before ("... مع الشرطة الإسبانية، وأوضح البلاغ").
        adjacent = [m for m in sources if m.end <= start
                    and not text[m.end:start].strip(" \"'»”" if lang == "ar" else " ,،\"'»”")]
        inverted = (not adjacent and bool(text[sent_start:start].strip())
                    and text[sent_start:start].rstrip(" \"'»”")[-1:] in ",،")
        reported = (statement_start is not None and end <= statement_start
                    and bool(cues.find("attribution_that", lang, text[end:statement_start])))
        office = _own_office(text, sent_start, sent_end, start, end, lang, sources)
        if not said and not reported and not (
                statement_end is not None and start >= statement_end
                and (inverted or office is not None or _clause_comma(text[statement_end:start]))):
            continue  # a role: only a reporting clause of its own after it ("..., the ministry said")
            # or a verb whose "that" clause holds it ("the presidency said that X was appointed")
        if office is not None:  # "..., his press office said": the person the sentence is about
            return office
        if cues.find("attribution_passive", lang, text[max(sent_start, start - PASSIVE_BEFORE):start]):
            continue  # "X is reported to have": not X's word
        if adjacent:  # "Fernando Grande-Marlaska, a qualifié", "the ministry said"
            return adjacent[-1].id
        # The subject before the verb: no clause between ("Spain and Morocco cooperate, the
        # ministry said": one comma is a clause; two set off an apposition, "X, the minister,
        # said"); after a comma, only one set off so ("Brandt, 54, said", "X, who attended, said").
        before = [m for m in sources if start - BEFORE_SAID <= m.end <= start and not clause_between(m.end, start)
                  and not _clause_comma(text[m.end:start])
                  and (not inverted or _commas(text[m.end:start]) >= 2)]
        reach = AFTER_SAID_AR if lang == "ar" else AFTER_SAID_INVERTED if inverted else AFTER_SAID
        after = [m for m in sources if end <= m.start <= end + reach and not clause_between(end, m.start)
                 and not relay_between(end, m.start)
                 and not (inverted and (_commas(text[end:m.start]) or not _clause_ends(text, m.end, sent_end)))]
        if lang == "ar":  # Arabic puts the verb first: أفاد المكتب; the speaker over his body
            speaker = [m for m in sources if m.type == "Person" and end <= m.start <= end + AFTER_SAID_AR_PERSON
                       and _commas(text[end:m.start]) and not clause_between(end, m.start)]
            # ("وقال المتحدث باسم الوزارة، X، إن": set off by a comma)
            if speaker or after:
                return (speaker or after)[0].id
        if before:
            return before[-1].id
        if inverted:  # the official after his title: "..., a annoncé le ministre de la Défense, le général X."
            speaker = [m for m in sources if m.type == "Person" and end <= m.start <= end + AFTER_SAID_AR_PERSON
                       and _commas(text[end:m.start]) == 1 and not clause_between(end, m.start)
                       and _clause_ends(text, m.end, sent_end)]
            if speaker:
                return speaker[0].id
        if after:
            return after[0].id
        speaker = cues.find("attribution_same_speaker", lang, text[start:min(sent_end, end + AFTER_SAID_AR)], start)
        if speaker and speaker[0][0] - end <= SAME_SPEAKER_GAP:  # in the verb too: "a-t-il ajouté"
            body = named_body(speaker[0][0], speaker[0][1])  # "a indiqué le ministère", "وأكدت الوزارة"
            if body:
                return body
            previous = True  # "a-t-il ajouté", "précise le texte", "واعتبر البلاغ"
        speaker = cues.find("attribution_same_speaker", lang, text[max(sent_start, start - BEFORE_SAID):start],
                            max(sent_start, start - BEFORE_SAID))
        if speaker and start - speaker[-1][1] <= SAME_SPEAKER_GAP:
            body = named_body(speaker[-1][0], speaker[-1][1])  # "the ministry said"
            if body:
                return body
            previous = True  # "he said", "the statement added"
        body = body_next_to(start, end, after=True) or body_next_to(start, end, after=False)
        if body:  # "a indiqué le parquet", "the police said", "وأوضحت المديرية"
            return body
    return PREVIOUS if previous or same_source else OUTLET
