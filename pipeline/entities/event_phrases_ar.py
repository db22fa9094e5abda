"""``arabic_event_phrases``: Arabic events described by a noun phrase (issue 14).

Arabic news names most events by a description, not a name: زيارة أجراها وزير الداخلية
الإسباني إلى الرباط، ملتقى مشترك بين وزارة الخارجية وحلف شمال الأطلسي، التمرين البحري المشترك
2021 (numbered sessions, الدورة السابعة للجنة ..., are ``event_patterns``'). With no parser,
the phrase is read from the construct state (idafa) and agreement:

- a head noun (``ontology/patterns/event_phrases_ar.yaml``: زيارة، قمة، تمرين، ملتقى، ندوة،
  حفل...), with or without the article and a proclitic (بزيارة، للتمرين);
- then its chain: definite words (adjectives, genitives), ل + a definite word (للجنة), the
  names of parties, places and bodies the lexicon and the other recognizers found, a
  coordinated name (المغرب وبلجيكا), a bridge to a name (بين; a visit's إلى + a place, also
  past its visitor: زيارة أجراها X إلى أنقرة), an ordinal; indefinite words
  only while the chain is still indefinite (عملية أمنية مشتركة), never a word shaped like a
  verb;
- up to a stop: punctuation, a preposition that starts an adjunct, a relative pronoun, a
  participle of time (المنعقد، المقبل), a verb shape; a year right after (or عام 2019) ends it.

A phrase is an event only when something in it singles one event out: a name (a party, a
place, a body, a person), an ordinal, or a year. A phrase that another rule of
``event_patterns`` already found (a named or numbered event) is left to that rule, and so is
one that only dates what its sentence tells (a time anchor before it: بعد زيارة، بعد أسابيع
من زيارة).

An attack, a coup or a terrorist operation told by its named target (الهجوم على متحف X،
الهجوم الذي استهدف قاعة "X"، الانقلاب الذي أطاح بالرئيس X) and a war in a named place (الحرب في
أوكرانيا) are events too, unless the text names an event of that kind (then it is that one); so
is an indefinite attack or one in construct told by its target (هجوما داميا على بلدة X، هجوم الطعن
الذي استهدف ...), and the same place targeted again is the attack told before; a
visit told as done by its visitor (زيارة أجراها X إلى Y) is one even after a time anchor, and a
described visit of ``event_patterns`` (زيارة الدولة) takes its visitor and place as its alias.

Other things single an unnamed event out too: its proceedings or sidelines told (أشغال الاجتماع
الدوري الثلاثي السنوي، على هامش الاجتماع رفيع المستوى بين البلدين), a joint exercise's named place
(تمارين مشتركة في مضيق جبل طارق), an edition's year (نسخة 2019), an ordinal before the head (في أول
تمرين تكتيكي مشترك بين البلدين), a holding verb before an indefinite gathering in a named place
(عقدت اللجنة ... اجتماعا بمدينة سرت), the named town an indefinite attack struck (ضربة في بلدة X).

Measured on the Arabic files of corpus/train (tuning; exact gold names): the phrases are
gold events 13 times in 17 (the heads of ``event_phrases_ar.yaml`` are those whose phrases
were; its comment gives the counts of the others).

An anaphor (هذه الدورة، هذا الاجتماع; a definite head alone, الاجتماع، العملية, only with
``bare_anaphors``: on corpus/train it found 20 relations for 22 wrong ones) after an event of
its kind (``event_kinds.yaml``) refers back to the last one: its span's
``event_name.antecedent`` is that event's first token, and no new event is made. One anaphor
text refers to one event in a document (a second reading would join two events). Without
``bare_anaphors`` a head of ``single_anaphor_heads`` alone (التمرين، المناورات) is an anaphor
when the events of its kind before it are one named event (one name, at most one year); a
numbered edition of ``edition_heads`` followed by من and, a few words on, a named event of
``edition_kinds`` (الدورة العشرين من التمرين العسكري المشترك "X 2024") is that event, and its
span leaves ``doc.spans["events"]``.

Assigns ``doc.spans["event_phrases"]`` (``label_`` "Event"), each with ``span._.event_name``
(:class:`~pipeline.entities.records.EventName`: the phrase as its name, its head, its year;
``antecedent`` for an anaphor). The spans may hold other names (the parties of a session):
:func:`pipeline.entities.recognize.recognize_entities` keeps those names as mentions of their own.

Usage::

    nlp = get_nlp("ar")   # the component runs after ``event_patterns``
    doc = nlp("وصل الوفد في زيارة أجراها رئيس الوزراء الهندي ناريندرا مودي إلى باريس. وقال إن هذه الزيارة تاريخية.")
    [s.text for s in doc.spans["event_phrases"]]
    # ['زيارة أجراها رئيس الوزراء الهندي ناريندرا مودي إلى باريس', 'هذه الزيارة']
"""
from __future__ import annotations

import re
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.entities.anaphors import AnaphorLinks, Antecedent
from pipeline.entities.component import CLOSE_QUOTES, OPEN_QUOTES, EntityComponent
from pipeline.entities.records import EventName
from pipeline.entities.tokens import LexiconMarks, Phrases, is_arabic_word, is_clitic, is_definite
from pipeline.language.dates import find_dates
from pipeline.language.morphology import ARTICLE, CONJUNCTIONS, PREPOSITIONS, split_proclitic, strip_definite
from pipeline.language.normalize import normalize
from pipeline.ontology_data import event_heads, event_kinds, event_phrases_ar, load_lexicon

# The tokens of a phrase after its head, at most.
MAX_PHRASE_TOKENS = 18
# The kind (event_kinds.yaml) whose phrase runs on to the place it goes to (زيارة ... إلى الرباط).
VISIT = "visit"
# Whether a definite head alone (الاجتماع) is an anaphor, or only with a demonstrative (هذا
# الاجتماع): measured on corpus/train (module docstring).
BARE_ANAPHORS = False
# The tokens of an attack's target (الهجوم على | متحف باردو), at most, and of a quoted name in it.
MAX_TARGET_TOKENS = 8
MAX_QUOTED_WORDS = 6
# Indefinite adjectives between an indefinite attack and its target (هجوما داميا | على), at most.
MAX_TARGET_ADJECTIVES = 2
# Words between a time anchor and the من before a phrase (بعد أسابيع من زيارة), at most.
MAX_ANCHOR_GAP = 3
# The words of a visitor between a visit and the place it goes to, at most.
MAX_VISITOR_TOKENS = 16
# A comma may set off a visitor's name (وزير الداخلية، إبراهيم مراد، إلى إيطاليا).
VISITOR_COMMAS = frozenset({"،", ","})
# Normalized, the given name علي is the preposition على (a stop); written with ي before a
# name, it is the name.
NAME_ALI = "علي"
# The words between a gathering's head and the verb that tells it held (قمة | قادة المجموعة |
# المنعقدة في أبوجا), at most.
MAX_HELD_WORDS = 4
# Arabic words between a holding verb and the gathering it holds (عقدت | اللجنة ... | اجتماعا), at most.
MAX_HELD_OBJECT_GAP = 8
# Adjectives between an exercise and the link to its place (تمارين | مشتركة | في), at most.
MAX_PLACED_ADJECTIVES = 3
# Words of the officials' chain after a gathering's ل (لقادة المناطق العسكرية), at most.
MAX_PROCEEDINGS_CHAIN = 5
# The words of a person's titles between an act and the person's name (اغتيال | الصحفي
# الاستقصائي | X), at most.
MAX_PERSON_WORDS = 5
# The words of a person's name no recognizer found after the titles (فالتر لوبكه), at most.
MAX_UNKNOWN_NAME_WORDS = 3
_BARE_MAX = 100_000  # bare forms of norms kept before the table starts again
# What a visit goes to (إلى الرباط), not a body it calls on (إلى قيادة القوات البحرية).
PLACE_LABELS = frozenset({"Country", "City", "Location"})
# The bodies that hold a session named after one of their organs (للمنظمة الدولية للشرطة الجنائية).
OWNER_LABELS = frozenset({"InternationalOrganization", "Organization", "GovernmentAgency"})
# A lexicon city smaller than this is no name in a phrase (its Arabic name is often a word).
MIN_CITY_POPULATION = 100_000
# Spans of the other recognizers whose names single an event out.
NAME_SPAN_KEYS = ("lexicon", "heads", "patterns", "events")
# How many words may stand between an edition's من and the event it belongs to.
MAX_EDITION_GAP = 6
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)م?$")
# Tokens after an attack told by its target where its date is looked for (في يناير 2015).
MAX_DATE_TOKENS_AFTER = 5
# The endings of a relative adjective (nisba), normalized: الفرنسية، الساحلي.
_NISBA = ("ي", "يه", "ية")
_TA_MARBUTA = "ه"  # ة normalized: a feminine noun or adjective (كبيرة), no town's name after بلدة
# The endings of the adjectives that qualify a gathering after its head (الدوري، الموسعة، المشترك).
_ADJECTIVE_ENDINGS = _NISBA + (_TA_MARBUTA, "ك")
_GENITIVE = PREPOSITIONS[1]  # ل: للجنة العليا
_AND = CONJUNCTIONS[0]  # و: المغرب وبلجيكا
_LIKE = PREPOSITIONS[2]  # ك: a word the splitter may cut (كنيس)
# Verbs have no tag without a parser; these shapes are verbs, never nouns of a chain: an
# imperfect (يقضي، يضم، تتعرض; not a verbal noun تفعيل، تعاون، تعزيز), a feminine past (نفذت،
# جرت; not a plural in ات), a form VIII or X past (استهدف، انطلق; its verbal noun has a long
# ا: استهداف).
_IMPERFECT = re.compile(r"^ي\S{2,}$|^ت(?!\S*ي\S$)(?!\S\S?ا)\S{3,}(?<!ات)$")
_FEMININE_PAST = re.compile(r"^\S{2,}[^ا]ت$")
_DERIVED_PAST = re.compile(r"^ا[^ا]{4,5}$")


class Phrase(NamedTuple):
    """An event phrase at tokens ``start:end`` headed by ``head`` (normalized, bare), with
    the year written at its end."""

    start: int
    end: int
    head: str
    year: str | None
    cue: str  # what singles it out: a name, an ordinal, a year


def verb_shaped(norm: str) -> bool:
    """A normalized Arabic word shaped like a verb (see the shapes above)."""
    return bool(_IMPERFECT.match(norm) or _FEMININE_PAST.match(norm)
                or (_DERIVED_PAST.match(norm) and not norm.endswith(("ه", "ي"))))


def _adjective_shaped(norm: str) -> bool:
    """A normalized word that may qualify an event's head: a nisba or participle ending, and no
    verb's shape unless a long nisba (تكتيكي، تشادية: shaped like an imperfect)."""
    return norm.endswith(_ADJECTIVE_ENDINGS) and (not verb_shaped(norm) or norm.endswith(_NISBA) and len(norm) >= 6)


@Language.factory("arabic_event_phrases", assigns=["doc.spans", "span._.event_name"],
                  default_config={"bare_anaphors": BARE_ANAPHORS})
class ArabicEventPhrases(EntityComponent):
    """Marks Arabic event phrases and their anaphors: assigns ``doc.spans["event_phrases"]``
    and ``span._.event_name`` (see module docstring). Other languages get an empty group."""

    def __init__(self, nlp: Language, name: str = "arabic_event_phrases", *, bare_anaphors: bool = BARE_ANAPHORS) -> None:
        super().__init__(nlp, name)
        self.bare_anaphors = bare_anaphors
        data = event_phrases_ar()
        self.heads = Phrases(sorted({tuple(normalize(w).split()) for w in data["heads"]}, key=lambda h: (-len(h), h)))
        self.head_first = frozenset(h[0] for h in self.heads)
        self._bare_forms: dict[str, str] = {}  # norm -> its bare form (see _bare)
        self.stops = frozenset(normalize(w) for w in data["stops"])
        self.bridges = frozenset(normalize(w) for w in data["bridges"])
        self.visit_links = frozenset(normalize(w) for w in data["visit_links"])
        self.visit_relatives = frozenset(normalize(w) for w in data.get("visit_relatives") or [])
        self.visit_verbs = frozenset(normalize(w) for w in data.get("visit_verbs") or [])
        self.target_heads = frozenset(normalize(w) for w in data.get("target_heads") or [])
        self.target_links = frozenset(normalize(w) for w in data.get("target_links") or [])
        self.target_verbs = frozenset(normalize(w) for w in data.get("target_verbs") or [])
        self.indefinite_target_heads = frozenset(normalize(w) for w in data.get("indefinite_target_heads") or [])
        self.target_blockers = frozenset(normalize(w) for w in data.get("target_blockers") or [])
        self.place_heads = frozenset(normalize(w) for w in data.get("place_heads") or [])
        self.place_links = frozenset(normalize(w) for w in data.get("place_links") or [])
        self.held_heads = frozenset(normalize(w) for w in (data.get("held_heads") or []) + (data.get("held_possessives") or []))
        self.topic_links = frozenset(normalize(w) for w in data.get("topic_links") or [])
        self.session_kinds = frozenset(data.get("session_kinds") or [])
        self.held_possessives = frozenset(normalize(w) for w in data.get("held_possessives") or [])
        self.held_verbs = frozenset(normalize(w) for w in data.get("held_verbs") or [])
        self.held_links = frozenset(normalize(w) for w in data.get("held_links") or [])
        self.held_hosts = frozenset(normalize(w) for w in data.get("held_hosts") or [])
        self.held_place_words = frozenset(normalize(w) for w in data.get("held_place_words") or [])
        self.person_heads = frozenset(normalize(w) for w in data.get("person_heads") or [])
        self.held_objects = frozenset(normalize(w) for w in data.get("held_objects") or [])
        self.proceedings_cues = frozenset(normalize(w) for w in data.get("proceedings_cues") or [])
        self.proceedings_heads = frozenset(normalize(w) for w in data.get("proceedings_heads") or [])
        self.proceedings_constructs = frozenset(normalize(w) for w in data.get("proceedings_constructs") or [])
        self.proceedings_parties = frozenset(normalize(w) for w in data.get("proceedings_parties") or [])
        self.placed_heads = frozenset(normalize(w) for w in data.get("placed_heads") or [])
        self.placed_links = frozenset(normalize(w) for w in data.get("placed_links") or [])
        self.placed_qualifiers = frozenset(normalize(w) for w in data.get("placed_qualifiers") or [])
        self.ordinal_before = frozenset(normalize(w) for w in data.get("ordinal_before") or [])
        self.ordinal_before_heads = frozenset(normalize(w) for w in data.get("ordinal_before_heads") or [])
        self.ordinal_before_links = frozenset(normalize(w) for w in data.get("ordinal_before_links") or [])
        self.placed_attack_heads = frozenset(normalize(w) for w in data.get("placed_attack_heads") or [])
        self.dated_editions = frozenset(normalize(w) for w in data.get("dated_editions") or [])
        # the first words of heads a proclitic may be glued to (بزيارة، لاغتيال)
        self.glued_heads = self.head_first | self.person_heads | self.held_heads | self.placed_heads
        self.gathering_heads = frozenset(normalize(w) for w in data.get("gathering_heads") or [])
        self.gathering_members = frozenset(normalize(w) for w in data.get("gathering_members") or [])
        self.year_cues = frozenset(normalize(w) for w in data["year_cues"])
        self.demonstratives = frozenset(normalize(w) for w in data["demonstratives"])
        self.partitives = frozenset(normalize(w) for w in data["partitives"])
        self.time_anchors = frozenset(normalize(w) for w in data["time_anchors"])
        self.superlatives = frozenset(normalize(w) for w in data["superlatives"])
        self.anaphor_heads = frozenset(strip_definite(normalize(w)) for w in data["anaphor_heads"])
        self.single_heads = frozenset(strip_definite(normalize(w)) for w in data.get("single_anaphor_heads") or [])
        self.edition_heads = frozenset(strip_definite(normalize(w)) for w in data.get("edition_heads") or [])
        self.edition_links = frozenset(normalize(w) for w in data.get("edition_links") or [])
        self.edition_kinds = frozenset(data.get("edition_kinds") or [])
        # ordinal words; و alone only joins two of them (الحادية والعشرين)
        self.ordinals = frozenset(normalize(w) for w in (event_heads().get("ar") or {}).get("ordinals") or []) - {_AND}
        self.kinds: dict[str, str] = {}
        for kind, by_lang in event_kinds()["kinds"].items():
            for word in by_lang.get("ar") or []:
                self.kinds.setdefault(strip_definite(normalize(word)), kind)

    def kind(self, head: str) -> str:
        """The kind of a bare head (event_kinds.yaml), else its first word."""
        return self.kinds.get(head) or self.kinds.get(head.split()[0]) or head.split()[0]

    def _bare(self, doc: Doc, norms: list[str]) -> list[str]:
        """Each token's norm without the article or a proclitic glued to a head (بزيارة)."""
        known = self._bare_forms
        if len(known) >= _BARE_MAX:
            known.clear()
        out = []
        for n in norms:
            bare = known.get(n)
            if bare is None:
                bare = known[n] = self._bare_form(n)
            out.append(bare)
        return out

    def _bare_form(self, n: str) -> str:
        """:meth:`_bare` of one norm (kept per norm in ``_bare_forms``: words repeat)."""
        if n.startswith(ARTICLE) or n[:1] in CONJUNCTIONS + PREPOSITIONS and ARTICLE in n[:3]:
            return strip_definite(n)
        cut = None if n in self.glued_heads else split_proclitic(n, self.glued_heads)
        return normalize(cut[1]) if cut else n

    def find(self, doc: Doc, norms: list[str], marks: LexiconMarks) -> list[tuple[Span, EventName]]:
        if self.lang != "ar" or not len(doc):
            return []
        bare = self._bare(doc, norms)
        names = self._name_spans(doc)
        demonyms = {s.start for s in doc.spans.get("demonyms", [])}
        events = sorted(doc.spans.get("events", []), key=lambda s: s.start)
        taken = {i for s in events for i in range(s.start, self._name_end(doc, s))}
        self._described_visits(doc, norms, bare, events, names, taken)
        self._targets_of_placed(doc, norms, bare, events, names, taken)
        self._session_aliases(doc, norms, bare, events, names)
        found: list[tuple[Span, EventName]] = []
        resume = 0
        for i, head in self.heads.matches(bare):
            if i < resume or i in taken or (i > 0 and norms[i - 1] in self.demonstratives):
                continue
            # بعد زيارة أجراها X إلى Y: a visit told as done by its visitor, to its place, is an
            # event even when it dates what the sentence tells
            anchored = self._anchor_before(norms, i)
            if anchored and self.kind(" ".join(head)) != VISIT:
                continue
            phrase = self._phrase(doc, norms, i, head, names, demonyms, taken)
            if phrase is None or anchored and not (any(norms[k] in self.visit_verbs for k in range(i, phrase.end))
                                                   and any(norms[k] in self.visit_links for k in range(i, phrase.end))):
                continue
            span = Span(doc, phrase.start, phrase.end, label="Event")
            alias = self._unglued(doc, norms, span)
            if alias is None and i > 1 and norms[i - 1] in self.ordinal_before and norms[i - 2] in self.ordinal_before_links \
                    and not is_definite(doc[i]) and i - 1 not in taken:
                # في أول تمرين ... بين الجزائر وتونس: the ordinal tells which one; the phrase without it is its other form
                alias, span = span.text, Span(doc, i - 1, phrase.end, label="Event")
            found.append((span, EventName(span.text, phrase.head, phrase.year, alias)))
            resume = phrase.end
        # an attack told by its target beside an attack the text names (هجوم الرطبة) is that one,
        # unless both are dated and their dates differ (الهجوم على مقر مجلة X في يناير 2015 beside
        # هجمات 13 نوفمبر 2015)
        named_dates: dict[str, set[str | None]] = {}
        for s in events:
            named_dates.setdefault(self._event_kind(s, bare), set()).add(self._date_of(doc, s.start, s.end))
        for s, r in self._target_phrases(doc, norms, bare, names,
                                         taken | {k for s, _ in found for k in range(s.start, s.end)}):
            dates = named_dates.get(self.kind(r.head))
            date = self._date_of(doc, s.end, min(len(doc), s.end + MAX_DATE_TOKENS_AFTER)) if dates else None
            if dates is None or date and None not in dates and not any(
                    d.startswith(date) or date.startswith(d) for d in dates if d):
                found.append((s, r))
        found += self._gatherings(doc, norms, bare, names, taken | {k for s, _ in found for k in range(s.start, s.end)})
        found += self._held_gatherings(doc, norms, bare, names, taken | {k for s, _ in found for k in range(s.start, s.end)})
        found += self._person_acts(doc, norms, bare, names, taken | {k for s, _ in found for k in range(s.start, s.end)})
        found += self._placed(doc, norms, bare, names, taken | {k for s, _ in found for k in range(s.start, s.end)})
        found += self._proceedings(doc, norms, bare, names, taken | {k for s, _ in found for k in range(s.start, s.end)})
        found += self._attacks_in_towns(doc, norms, bare, names, taken | {k for s, _ in found for k in range(s.start, s.end)})
        found += self._ordinal_firsts(doc, norms, bare, names, taken | {k for s, _ in found for k in range(s.start, s.end)})
        found += self._editions_by_year(doc, norms, bare, names, taken | {k for s, _ in found for k in range(s.start, s.end)})
        found += self._anaphors(doc, norms, bare, events, found, taken)
        return found

    def _unglued(self, doc: Doc, norms: list[str], span: Span) -> str | None:
        """The phrase without a proclitic glued to its indefinite head (زيارة ... of بزيارة ...،
        لزيارة ...), which the annotators write either way; None when there is none."""
        head = norms[span.start]
        if head.startswith(ARTICLE) or head in self.glued_heads:
            return None
        cut = split_proclitic(doc[span.start].text, self.glued_heads)
        return doc[span.start:span.end].text[len(cut[0]):] if cut else None

    def _held_gatherings(self, doc: Doc, norms: list[str], bare: list[str], names: dict[int, Span],
                         taken: set[int]) -> list[tuple[Span, EventName]]:
        """A gathering told as held in a named place (``held_heads`` ... ``held_verbs`` ...
        ``held_links`` + the place: قمة قادة المجموعة المنعقدة في أبوجا، اجتماع عقدوه في نيامي،
        مؤتمر صحفي عقد في مدينة ليل الفرنسية، اجتماع جمع بالرباط): the indefinite head, at
        most :data:`MAX_HELD_WORDS` words of its chain, the verb, the link and the place (a
        place's name, or the word after one of ``held_place_words``) with its definite
        adjectives; the head and its chain alone (اجتماع قمة) are its alias. A possessive head
        (``held_possessives``) with its adjectives needs no verb before the link (قمتهم السنوية
        في مدينة لاهاي الهولندية)."""
        out: list[tuple[Span, EventName]] = []
        n = len(doc)
        for i in range(n):
            if bare[i] not in self.held_heads or i in taken \
                    or (i > 0 and norms[i - 1] in self.demonstratives):
                continue
            k = i + 1
            while k < n and k - i <= MAX_HELD_WORDS and norms[k] not in self.held_verbs and k not in taken \
                    and is_arabic_word(doc[k]) and norms[k] not in self.stops and not verb_shaped(norms[k]) \
                    and not (is_clitic(doc[k]) and norms[k] in self.held_links):
                k += 1
            chain_end = k
            if k + 1 < n and norms[k] in self.visit_relatives and norms[k + 1] in self.held_verbs | self.held_hosts:
                k += 1  # القمة التي عقدت في، قمتهم التي احتضنتها
            if k + 2 < n and norms[k] in self.held_verbs and norms[k + 1] in self.held_links:
                j = k + 2
            elif k + 1 < n and norms[k] in self.held_links and k > i and (
                    bare[i] in self.held_possessives or self._held_before(doc, norms, i)):
                # قمتهم السنوية في مدينة لاهاي: their summit is one, its place is enough; so is a
                # gathering the verb before it holds (عقدت اللجنة اجتماعا بمدينة سرت)
                j = k + 1
            elif k + 1 < n and norms[k] in self.held_hosts:
                j = k + 1  # احتضنتها العاصمة الأمريكية واشنطن: the place is the verb's subject
                while j < n and j - k <= 3 and (j not in names or names[j].label_ not in PLACE_LABELS) and is_definite(doc[j]) \
                        and (norms[j] in self.held_place_words or bare[j] in self.held_place_words or norms[j].endswith(_NISBA)):
                    j += 1
            else:
                continue
            place = names.get(j) or next((s for s in doc.spans.get("lexicon", [])
                                          if s.start == j and s.label_ == "City"), None)
            if place is not None and place.label_ in PLACE_LABELS:
                end = place.end
            elif norms[j] in self.held_place_words and j + 1 < n and is_arabic_word(doc[j + 1]) \
                    and norms[j + 1] not in self.stops:
                end = (names[j + 1].end if j + 1 in names else j + 2)
            else:
                continue
            while end < n and is_definite(doc[end]) and norms[end].endswith(_NISBA) and norms[end] not in self.stops \
                    and end not in taken:
                end += 1  # ليل الفرنسية، سرت الساحلية; not the object after it (جمع بالرباط المدير العام)
            if taken & set(range(i, end)):
                continue
            span = Span(doc, i, end, label="Event")
            # the gathering's own words before the verb are its other form (اجتماع قمة of اجتماع
            # قمة عقد في بروكسل): the annotators give one or the other
            alias = doc[i:chain_end].text if chain_end - i >= 2 else self._unglued(doc, norms, span)
            out.append((span, EventName(span.text, bare[i], None, alias)))
            taken = taken | set(range(i, end))
        return out

    def _held_before(self, doc: Doc, norms: list[str], i: int) -> bool:
        """Whether one of ``held_objects`` stands a few words before the indefinite gathering at
        ``i`` in its clause, its subject (the holders) between (عقدت اللجنة العسكرية المشتركة، يوم
        ...، اجتماعا): the gathering is its object."""
        if norms[i].startswith(ARTICLE) or (i > 0 and is_clitic(doc[i - 1])):
            return False
        words = 0
        for k in range(i - 1, -1, -1):
            if norms[k] in self.held_objects or norms[k][:1] in CONJUNCTIONS and norms[k][1:] in self.held_objects:
                return words > 0  # عقدت اللجنة اجتماعا: its holders between (وعقد اجتماع مطول: no one's)
            if doc[k].text in (".", "؟", "!") or norms[k] in self.visit_relatives:
                return False
            words += is_arabic_word(doc[k])  # not the numbers and marks of a date or a name ("5+5")
            if words > MAX_HELD_OBJECT_GAP:
                return False
        return False

    def _place_at(self, doc: Doc, names: dict[int, Span], j: int) -> Span | None:
        """The place named at token ``j``: a name of :data:`PLACE_LABELS` or a lexicon place of
        any size (الحسيمة)."""
        place = names.get(j)
        if place is not None and place.label_ in PLACE_LABELS:
            return place
        return max((s for s in doc.spans.get("lexicon", []) if s.start == j and s.label_ in PLACE_LABELS),
                   key=len, default=None)

    def _placed(self, doc: Doc, norms: list[str], bare: list[str], names: dict[int, Span],
                taken: set[int]) -> list[tuple[Span, EventName]]:
        """An exercise told by the named place it is held in (``placed_heads`` ... ``placed_links``
        + a place: تمارين مشتركة في مضيق جبل طارق وبحر البوران، المناورات البحرية المشتركة قبالة
        الحسيمة): the head, its adjectives (definite after a definite head, indefinite after an
        indefinite one), the link, the place with its nisba adjectives and a second place after و.
        Not after a demonstrative or a time anchor, nor when a year or a name already made it
        an event."""
        out: list[tuple[Span, EventName]] = []
        n = len(doc)
        for i in range(n):
            if bare[i] not in self.placed_heads or i in taken or (i > 0 and (
                    norms[i - 1] in self.demonstratives or self._anchor_before(norms, i))):
                continue
            definite = is_definite(doc[i])
            k = i + 1
            while k < n and k - i <= MAX_PLACED_ADJECTIVES and k not in taken and k not in names \
                    and is_arabic_word(doc[k]) and not is_clitic(doc[k]) and norms[k] not in self.stops \
                    and norms[k] not in self.placed_links and is_definite(doc[k]) == definite \
                    and _adjective_shaped(norms[k]):
                k += 1  # البحرية المشتركة، عسكرية مشتركة، مشترك
            if not any(norms[t] in self.placed_qualifiers for t in range(i + 1, k)):
                continue
            if k < n and norms[k] in self.placed_links and k not in taken:
                k += 1
            else:
                continue
            if k < n and norms[k] in self.held_place_words:
                k += 1  # في مدينة X
            place = self._place_at(doc, names, k)
            if place is None:
                continue
            end = self._places_end(doc, norms, names, place.end, taken)
            if taken & set(range(i, end)):
                continue
            span = Span(doc, i, end, label="Event")
            out.append((span, EventName(span.text, bare[i], None, self._unglued(doc, norms, span))))
            taken = taken | set(range(i, end))
        return out

    def _places_end(self, doc: Doc, norms: list[str], names: dict[int, Span], end: int, taken: set[int]) -> int:
        """The end of a place's nisba adjectives from ``end`` (سرت الساحلية), and of a second place
        after و (وبحر البوران) with its own."""
        n = len(doc)
        while end < n and is_definite(doc[end]) and norms[end].endswith(_NISBA) and norms[end] not in self.stops \
                and end not in taken and end not in names:
            end += 1
        if end + 1 < n and norms[end] == _AND and is_clitic(doc[end]) and end + 1 not in taken:
            second = self._place_at(doc, names, end + 1)
            if second is not None:
                return self._places_end(doc, norms, names, second.end, taken)
        elif end < n and norms[end][:1] == _AND and len(norms[end]) > 1 and end not in taken:
            second = max((s for s in doc.spans.get("lexicon", []) if s.start == end and s.label_ in PLACE_LABELS),
                         key=len, default=None)
            if second is not None:
                return second.end
        return end

    def _proceedings(self, doc: Doc, norms: list[str], bare: list[str], names: dict[int, Span],
                     taken: set[int]) -> list[tuple[Span, EventName]]:
        """A definite gathering after one of ``proceedings_cues`` (أشغال الاجتماع الدوري الثلاثي
        السنوي، انعقاد الاجتماع الرفيع المستوى المغربي-البرتغالي، هامش الاجتماع رفيع المستوى بين
        البلدين): the head and its adjectives are its name; the officials after ل or the
        parties after بين its alias. A head with no adjective is left to the anaphors."""
        out: list[tuple[Span, EventName]] = []
        n = len(doc)
        for i in range(1, n):
            if bare[i] not in self.proceedings_heads or i in taken or not is_definite(doc[i]) or is_clitic(doc[i - 1]):
                continue
            cue = norms[i - 1]
            if cue not in self.proceedings_cues and not (cue[:1] in CONJUNCTIONS + PREPOSITIONS
                                                        and cue[1:] in self.proceedings_cues):
                continue
            k = i + 1
            while k < n and k not in taken and norms[k] not in self.stops and is_arabic_word(doc[k]):
                if (k in names and names[k].label_ != "Demonym") or is_clitic(doc[k]) or verb_shaped(norms[k]) \
                        and not is_definite(doc[k]) or norms[k] in self.ordinals:
                    break
                if k + 1 < n and norms[k + 1] in self.proceedings_constructs:
                    k += 2  # رفيع المستوى، الرفيع المستوى
                elif is_definite(doc[k]) and norms[k].endswith(_ADJECTIVE_ENDINGS):
                    k += 1  # الدوري، الثلاثي، المغربي، المشترك; not a noun (هامش القمة | الرئيس التركي)
                else:
                    break
                if k + 1 < n and doc[k].text == "-" and not doc[k - 1].whitespace_ and not doc[k].whitespace_ \
                        and is_definite(doc[k + 1]):
                    k += 1  # المغربي-البرتغالي
            if k == i + 1 or k < n and norms[k] in self.ordinals:
                continue
            end = k
            alias = None
            if end + 1 < n and norms[end] in self.bridges and (end + 1 in names or norms[end + 1] in self.proceedings_parties):
                last = names[end + 1].end if end + 1 in names else end + 2
                if last + 1 < n and norms[last] == _AND and last + 1 in names:
                    last = names[last + 1].end  # بين المغرب | و | إسبانيا
                alias = doc[i:last].text
            elif end + 1 < n and (is_clitic(doc[end]) and norms[end] == _GENITIVE
                                  or norms[end][:1] == _GENITIVE and not is_definite(doc[end]) and len(norms[end]) > 3):
                last = end + 1  # ل | الأمم المتحدة، لقادة | المناطق العسكرية
                while last < n and last - end <= MAX_PROCEEDINGS_CHAIN and last not in taken and (
                        last in names or is_definite(doc[last]) and norms[last] not in self.stops):
                    last = names[last].end if last in names else last + 1
                if last > end + 1:
                    alias = doc[i:last].text  # لقادة المناطق العسكرية، للأمم المتحدة
            if taken & set(range(i, end)):
                continue
            span = Span(doc, i, end, label="Event")
            out.append((span, EventName(span.text, bare[i], None, alias)))
            taken = taken | set(range(i, end))
        return out

    def _attacks_in_towns(self, doc: Doc, norms: list[str], bare: list[str], names: dict[int, Span],
                          taken: set[int]) -> list[tuple[Span, EventName]]:
        """An indefinite attack told by the town it struck (``placed_attack_heads``: ضربة في بلدة X،
        هجوم انتحاري في مدينة X): the head, up to :data:`MAX_TARGET_ADJECTIVES` indefinite
        adjectives, في or ب, then a city or site (no country) or the word after a place word,
        with its nisba adjectives. Not one planned or possible (لهجوم، لتنفيذ هجوم، هجوم محتمل)."""
        out: list[tuple[Span, EventName]] = []
        n = len(doc)
        for i in range(n):
            if norms[i] not in self.placed_attack_heads or i in taken or i > 0 and (
                    is_clitic(doc[i - 1]) or norms[i - 1] in self.target_blockers or norms[i - 1] in self.demonstratives):
                continue
            k = i + 1
            while k < n and k - i <= MAX_TARGET_ADJECTIVES and k not in taken and k not in names \
                    and is_arabic_word(doc[k]) and not is_clitic(doc[k]) and not is_definite(doc[k]) \
                    and norms[k] not in self.stops and _adjective_shaped(norms[k]):
                k += 1  # انتحاري، مسلح
            if k >= n - 1 or k in taken or any(norms[t] in self.target_blockers for t in range(i + 1, k + 1)) \
                    or not (norms[k] in self.place_links or is_clitic(doc[k]) and norms[k] == PREPOSITIONS[0]):
                continue
            j = k + 1
            place = self._place_at(doc, names, j)
            if place is not None and place.label_ != "Country":
                end = place.end
            elif norms[j] in self.held_place_words and j + 1 < n and is_arabic_word(doc[j + 1]) \
                    and not is_definite(doc[j + 1]) and norms[j + 1] not in self.stops \
                    and not norms[j + 1].endswith(_NISBA + (_TA_MARBUTA,)):
                end = names[j + 1].end if j + 1 in names else j + 2  # بلدة أمسراكو
            else:
                continue
            while end < n and is_definite(doc[end]) and norms[end].endswith(_NISBA) and norms[end] not in self.stops \
                    and end not in taken:
                end += 1
            if taken & set(range(i, end)):
                continue
            span = Span(doc, i, end, label="Event")
            out.append((span, EventName(span.text, norms[i], None)))
            taken = taken | set(range(i, end))
        return out

    def _ordinal_firsts(self, doc: Doc, norms: list[str], bare: list[str], names: dict[int, Span],
                        taken: set[int]) -> list[tuple[Span, EventName]]:
        """An ordinal word before an event's head after one of ``ordinal_before_links`` (في أول
        تمرين تكتيكي مشترك بين البلدين، في ثاني انقلاب عسكري): the ordinal, the head, its
        indefinite adjectives and the parties after بين (names, or one of ``proceedings_parties``
        with a name after و). The head alone is no event."""
        out: list[tuple[Span, EventName]] = []
        n = len(doc)
        for i in range(1, n - 1):
            if norms[i] not in self.ordinal_before or norms[i - 1] not in self.ordinal_before_links \
                    or i in taken or bare[i + 1] not in self.ordinal_before_heads or is_definite(doc[i + 1]):
                continue
            k = i + 2
            while k < n and k - i <= MAX_PLACED_ADJECTIVES + 1 and k not in taken and k not in names \
                    and is_arabic_word(doc[k]) and not is_clitic(doc[k]) and not is_definite(doc[k]) \
                    and norms[k] not in self.stops and norms[k] not in self.bridges and _adjective_shaped(norms[k]):
                k += 1  # تكتيكي مشترك، عسكري
            if k < n - 1 and norms[k] in self.bridges and k not in taken:
                if k + 1 in names:
                    last = names[k + 1].end
                    if last + 1 < n and norms[last] == _AND and last + 1 in names:
                        last = names[last + 1].end
                    k = last
                elif norms[k + 1] in self.proceedings_parties:
                    k += 2
            if k == i + 2 or taken & set(range(i, k)):
                continue
            span = Span(doc, i, k, label="Event")
            out.append((span, EventName(span.text, bare[i + 1], None)))
            taken = taken | set(range(i, k))
        return out

    def _editions_by_year(self, doc: Doc, norms: list[str], bare: list[str], names: dict[int, Span],
                          taken: set[int]) -> list[tuple[Span, EventName]]:
        """An edition told by its year (``dated_editions``: نسخة 2019، دورة عام 2007): the head, a
        year cue and the year; "في" + a place after it joins its alias (دورة عام 2007 في مراكش).
        Not after a demonstrative, nor before one of ``edition_links`` (an edition of a named
        event)."""
        out: list[tuple[Span, EventName]] = []
        n = len(doc)
        for i in range(n):
            if bare[i] not in self.dated_editions or i in taken or (i > 0 and norms[i - 1] in self.demonstratives):
                continue
            k = i + 1
            if k < n and norms[k] in self.year_cues:
                k += 1
            if not (k < n and _YEAR.match(norms[k])) or k in taken:
                continue
            end = k + 1
            if end < n and norms[end] in self.edition_links:
                continue
            alias = None
            if end + 1 < n and norms[end] in self.place_links and (place := self._place_at(doc, names, end + 1)) is not None:
                alias = doc[i:place.end].text
            span = Span(doc, i, end, label="Event")
            out.append((span, EventName(span.text, bare[i], norms[k][:4], alias)))
            taken = taken | set(range(i, end))
        return out

    def _person_acts(self, doc: Doc, norms: list[str], bare: list[str], names: dict[int, Span],
                     taken: set[int]) -> list[tuple[Span, EventName]]:
        """An act told by the person it befell (``person_heads``: اغتيال الصحفي X، اغتيال رئيس
        الوزراء X): the indefinite head (a proclitic may be glued to it: لاغتيال), at most
        :data:`MAX_PERSON_WORDS` words of the person's titles and a person's name, which ends the
        event."""
        out: list[tuple[Span, EventName]] = []
        persons = {start: span for start, span in names.items() if span.label_ == "Person"}
        for i in range(len(doc)):
            if bare[i] not in self.person_heads or norms[i].startswith(ARTICLE) or i in taken:
                continue
            k = i + 1
            while k < len(doc) and k not in persons and k - i <= MAX_PERSON_WORDS and k not in taken \
                    and is_arabic_word(doc[k]) and not is_clitic(doc[k]) and norms[k] not in self.stops \
                    and not (verb_shaped(norms[k]) and not is_definite(doc[k])) \
                    and not (k > i + 1 and is_definite(doc[k - 1]) and not is_definite(doc[k])):
                k += 1  # the titles (رئيس الوزراء الياباني السابق), up to the name after a definite one
            end = persons[k].end if k in persons else self._unknown_name_end(doc, norms, i + 1, k)
            if end is None or taken & set(range(i, end)):
                continue
            span = Span(doc, i, end, label="Event")
            out.append((span, EventName(span.text, bare[i], None, self._unglued(doc, norms, span))))
            taken = taken | set(range(i, end))
        return out

    def _unknown_name_end(self, doc: Doc, norms: list[str], start: int, k: int) -> int | None:
        """The end of a name no recognizer found after a person's definite titles
        (``start:k``: الصحفي الاستقصائي | X Y): up to :data:`MAX_UNKNOWN_NAME_WORDS` indefinite
        words, then a stop, a punctuation mark or a year; None when there is no title or the
        words run on."""
        titles = [t for t in range(start, k) if is_definite(doc[t])]
        if not titles or titles[-1] != k - 1:
            return None
        end = k
        def dated(t: int) -> bool:  # عام 2002
            return norms[t] in self.year_cues and t + 1 < len(doc) and bool(_YEAR.match(norms[t + 1]))

        while end < len(doc) and end - k < MAX_UNKNOWN_NAME_WORDS and is_arabic_word(doc[end]) \
                and not is_clitic(doc[end]) and not is_definite(doc[end]) and norms[end] not in self.stops \
                and not dated(end):
            end += 1
        if end == k or end < len(doc) and is_arabic_word(doc[end]) and norms[end] not in self.stops \
                and not _YEAR.match(norms[end]) and not dated(end):
            return None
        if any(len(norms[t]) < 2 for t in range(k, end)):
            return None  # an initial (بيتر ر. دي فريس): the name runs on past the point
        return end

    def _gatherings(self, doc: Doc, norms: list[str], bare: list[str], names: dict[int, Span],
                    taken: set[int]) -> list[tuple[Span, EventName]]:
        """A meeting of named officials (``gathering_heads`` + one of ``gathering_members``:
        اجتماع وزراء دفاع الكونفدرالية، اجتماع لقادة المجموعة الاقتصادية، اجتماع ولاة الولايات
        الحدودية): the head, the officials and their chain; with a place after في, that longer
        phrase is its alias (اجتماع وزراء دفاع الكونفدرالية في نيامي)."""
        out: list[tuple[Span, EventName]] = []
        n = len(doc)
        for i in range(n):
            if bare[i] not in self.gathering_heads or i in taken or norms[i].startswith(ARTICLE) \
                    or (i > 0 and (norms[i - 1] in self.demonstratives or self._anchor_before(norms, i))):
                continue
            k = i + 1
            if k < n and is_clitic(doc[k]) and norms[k] == _GENITIVE:
                k += 1
            member = norms[k] if k < n else ""
            if member[:1] == _GENITIVE and member[1:] in self.gathering_members:
                member = member[1:]
            if member not in self.gathering_members:
                continue
            end = k = k + 1
            while k < n and k - i < MAX_PHRASE_TOKENS and k not in taken and norms[k] not in self.stops:
                if k in names:
                    k = end = names[k].end
                elif is_arabic_word(doc[k]) and not verb_shaped(norms[k]) and not is_clitic(doc[k]):
                    definite = is_definite(doc[k])
                    k = end = k + 1
                    if definite and not (k < n and is_definite(doc[k])):
                        break
                else:
                    break
            if end <= i + 2 or taken & set(range(i, end)):
                continue
            alias = None
            if end + 1 < n and norms[end] in self.place_links and end + 1 in names \
                    and names[end + 1].label_ in PLACE_LABELS:
                alias = doc[i:names[end + 1].end].text
            span = Span(doc, i, end, label="Event")
            out.append((span, EventName(span.text, bare[i], None, alias)))
            taken = taken | set(range(i, end))
        return out

    @staticmethod
    def _date_of(doc: Doc, start: int, end: int) -> str | None:
        """The first full or month date written in tokens ``start:end`` (هجمات 13 نوفمبر 2015;
        في يناير 2015 after an attack), ``YYYY-MM[-DD]``; ``None`` when there is none."""
        return next((d.value for d in find_dates(doc[start:end].text, "ar") if len(d.value) >= 7), None)

    def _target_phrases(self, doc: Doc, norms: list[str], bare: list[str], names: dict[int, Span],
                        taken: set[int]) -> list[tuple[Span, EventName]]:
        """الهجوم على متحف باردو، الهجوم الذي استهدف قاعة "X"، الانقلاب الذي أطاح بالرئيس X: a
        definite head of ``target_heads`` (with its definite adjectives: الهجوم الانتحاري) and a
        link to its target (``target_links``, or one of ``visit_relatives`` and a verb of
        ``target_verbs``), then the target up to a stop, a verb or a conjunction; an event only
        when the target holds a name (a lexicon, head or pattern name, or a quoted name). A
        definite head of ``place_heads`` with one of ``place_links`` and a place's name right
        after (الحرب في أوكرانيا، الحرب الروسية في أوكرانيا) is an event too."""
        out: list[tuple[Span, EventName]] = []
        n = len(doc)
        demonyms = {s.start for s in doc.spans.get("demonyms", [])}
        # in a target a small town's name is a name too (الهجوم على متحف باردو)
        target_names = {s.start: s for s in doc.spans.get("lexicon", []) if s.label_ in PLACE_LABELS} | names
        targeted: dict[int, set[str]] = {}  # first token of an attack -> its target's places
        for i in range(n):
            if i in taken or bare[i] not in self.target_heads | self.place_heads | self.indefinite_target_heads \
                    or is_clitic(doc[i]):
                continue
            j = i + 1
            if not is_definite(doc[i]):
                # هجوم الطعن الذي استهدف ...: a head in construct with a definite noun; هجوما داميا على
                # بلدة X: an indefinite attack with its adjectives, not one to come (لهجوم، أي هجوم، هجوم محتمل)
                construct = bare[i] in self.target_heads and j < n and is_definite(doc[j]) and j not in names \
                    and norms[j] not in self.stops
                if not construct and (bare[i] not in self.indefinite_target_heads or i > 0 and (
                        is_clitic(doc[i - 1]) and norms[i - 1] == _GENITIVE or norms[i - 1] in self.target_blockers)):
                    continue
                while not construct and j < n and j - i <= MAX_TARGET_ADJECTIVES and is_arabic_word(doc[j]) \
                        and not is_clitic(doc[j]) and not is_definite(doc[j]) and j not in target_names \
                        and norms[j] not in self.stops | self.target_blockers and not verb_shaped(norms[j]):
                    j += 1
                if any(norms[t] in self.target_blockers for t in range(i + 1, min(n, j + 1))):
                    continue
            while j < n and is_definite(doc[j]) and (j not in names or j in demonyms) and norms[j] not in self.stops:
                j += 1  # الهجوم الانتحاري، العملية الإرهابية، الحرب الروسية
            if bare[i] in self.place_heads and is_definite(doc[i]):  # الحرب في أوكرانيا
                place = names.get(j + 1) if j + 1 < n and norms[j] in self.place_links else None
                if place is not None and place.label_ in PLACE_LABELS and not taken & set(range(i, place.end)):
                    span = Span(doc, i, place.end, label="Event")
                    out.append((span, EventName(span.text, bare[i], None)))
                    taken = taken | set(range(i, place.end))
                continue
            if j < n and norms[j] in self.target_links:
                j += 1
            elif j + 1 < n and norms[j] in self.visit_relatives and norms[j + 1] in self.target_verbs:
                j += 2
            else:
                continue
            end, named = self._target(doc, norms, j, target_names, taken)
            if named:
                span = Span(doc, i, end, label="Event")
                # the same place targeted again (العملية الإرهابية التي استهدفت المتحف الوطني بباردو،
                # then الهجوم على متحف باردو) is the attack told before
                places = {s.kb_id_ for s in doc.spans.get("lexicon", []) if j <= s.start < end and s.kb_id_}
                before = next((first for first, seen in targeted.items() if seen & places), None)
                out.append((span, EventName(span.text, bare[i], None, antecedent=before)))
                if before is None:
                    targeted[i] = places
                taken = taken | set(range(i, end))
        return out

    def _target(self, doc: Doc, norms: list[str], k: int, names: dict[int, Span], taken: set[int]) -> tuple[int, bool]:
        """The end of an attack's target from token ``k`` (متحف باردو، كنيس مدينة هاله، مقر
        مجلة "شارلي إيبدو"، نزلا بمدينة سوسة الساحلية) and whether it holds a name: words,
        clitics ب and ل, names and quoted names, at most :data:`MAX_TARGET_TOKENS`; after a
        name only definite relative adjectives (its nisba: الساحلية، الأفغانية). Words with no
        name in them followed by one of ``place_links`` and a place's name take that place in
        (الهجوم الانتحاري على حفل المغنية X في مانشستر)."""
        n = len(doc)
        j = end = k
        named = False
        while j < n and j - k < MAX_TARGET_TOKENS and j not in taken:
            token, nj = doc[j], norms[j]
            if j in names:
                j = end = names[j].end
                named = True
                continue
            if token.text in OPEN_QUOTES:
                close = next((c for c in range(j + 1, min(n, j + 1 + MAX_QUOTED_WORDS)) if doc[c].text in CLOSE_QUOTES), None)
                if close is None or close == j + 1:
                    break
                j = end = close + 1
                named = True
                continue
            if nj in self.held_place_words and j + 1 < n and is_arabic_word(doc[j + 1]) and not is_clitic(doc[j + 1]) \
                    and norms[j + 1] not in self.stops and not is_definite(doc[j + 1]) and not named \
                    and j + 1 not in names and not norms[j + 1].endswith(_NISBA + (_TA_MARBUTA,)):
                j = end = j + 2  # بلدة برسالوغو، مدينة X: the word after a place word is its name
                named = True
                continue
            if nj in self.stops or not is_arabic_word(token) or (verb_shaped(nj) and not is_definite(token)):
                break  # (الرئيس is shaped like a past verb, but has the article)
            if is_clitic(token):
                if nj == _AND or j + 1 >= n or not is_arabic_word(doc[j + 1]):
                    break  # وأسفر: a new clause
                if nj == _LIKE:  # كنيس read as ك + نيس: one word, no name in it
                    if named:
                        break
                    j = end = j + 2
                    continue
                j += 1
                continue
            if named and not (is_definite(token) and nj.endswith(_NISBA)):
                break  # after a name only its adjectives (الأفغانية), not a time (الشهر الماضي)
            j = end = j + 1
        if not named and end > k and end + 1 < n and norms[end] in self.place_links and end not in taken:
            place = names.get(end + 1)  # حفل المغنية X | في مانشستر: a target in a named place
            if place is not None and place.label_ in PLACE_LABELS and not taken & set(range(end, place.end)):
                return place.end, True
        return end, named

    @staticmethod
    def _name_end(doc: Doc, span: Span) -> int:
        """The end of an event's name when it runs on past its span (a numbered session's
        body: الدورة السابعة | للجنة الثنائية), else of its span."""
        record = span._.event_name
        name = record.name if record is not None else ""
        if name and len(name) > len(span.text) and name.startswith(span.text):
            end = doc.char_span(span.start_char, min(span.start_char + len(name), len(doc.text)), alignment_mode="expand")
            if end is not None:
                return end.end
        return span.end

    def _name_spans(self, doc: Doc) -> dict[int, Span]:
        """The names other recognizers found, by first token (the longest at each); a small
        city's name is often a word (وقف): it counts only when it is a large city."""
        out: dict[int, Span] = {}
        entries = load_lexicon().entries
        for key in NAME_SPAN_KEYS:
            for span in list(doc.spans.get(key, [])) + (list(doc.spans.get("demonyms", [])) if key == "lexicon" else []):
                if key == "lexicon" and span.label_ == "City":
                    entry = entries.get(span.kb_id_)
                    if entry is None or (entry.population or 0) < MIN_CITY_POPULATION:
                        continue
                if span.start not in out or len(span) > len(out[span.start]):
                    out[span.start] = span
        return out

    def _anchor_before(self, norms: list[str], i: int) -> bool:
        """The phrase only dates what the sentence tells (وجاءت الصفقة بعد زيارة ...، بعد أسابيع
        من زيارة ...): a time anchor right before it, or a few words before its من; or it
        names a class of events (من أكبر التمارين)."""
        if i > 0 and norms[i - 1] in self.time_anchors:
            return True
        if i > 1 and norms[i - 1] in self.superlatives and norms[i - 2] in self.partitives:
            return True  # من أكبر التمارين السنوية: a class of events, not one
        if i > 1 and norms[i - 1] in self.partitives:
            return any(norms[k] in self.time_anchors for k in range(max(0, i - 2 - MAX_ANCHOR_GAP), i - 1))
        return False

    def _phrase(self, doc: Doc, norms: list[str], i: int, head: tuple[str, ...], names: dict[int, Span],
                demonyms: set[int], taken: set[int]) -> Phrase | None:
        """The phrase headed at ``i``, or None when nothing in it singles an event out."""
        n = len(doc)
        k = end = i + len(head)
        definite = head_definite = norms[i].startswith(ARTICLE)
        singled = ""
        year = None
        while k < n and k - i < MAX_PHRASE_TOKENS and k not in taken:
            token, nk = doc[k], norms[k]
            linked = k - 1 >= i + len(head) and (norms[k - 1] in self.bridges or norms[k - 1] in self.visit_links
                                                 or is_clitic(doc[k - 1]))
            if k in names and (k in demonyms or not head_definite or linked):
                # a party, a place, a body, a person: part of the chain; a definite head takes
                # a name only after ل, بين, و (ترأس القمة الجنرال X: X is no part of it)
                k = end = names[k].end
                singled, definite = singled or "name", True
                continue
            if nk in self.ordinals:
                k = end = k + 1
                singled, definite = singled or "ordinal", True
                continue
            if _YEAR.match(nk) or (nk in self.year_cues and k + 1 < n and _YEAR.match(norms[k + 1])):
                end = k + (1 if _YEAR.match(nk) else 2)
                year = norms[end - 1][:4]
                singled = singled or "year"
                break
            if k + 1 < n and (nk in self.bridges and k + 1 in names or nk in self.visit_links and self.kind(" ".join(head)) == VISIT
                              and (k + 1 in names and names[k + 1].label_ in PLACE_LABELS
                                   or k + 1 not in names and is_definite(doc[k + 1]))):
                k += 1
                continue
            if nk in self.stops:
                break
            if is_clitic(token) and k + 1 < n and (
                    nk == _GENITIVE and (is_definite(doc[k + 1]) or k + 1 in names)
                    or nk == _AND and k == end and end > i + len(head) and (k + 1 in names or is_definite(doc[k + 1]))):
                k += 1  # للجنة; المغرب وبلجيكا (one name after another); السياسي والأمني
                continue
            if token.text == "-" and not doc[k - 1].whitespace_ and not token.whitespace_ and k + 1 < n \
                    and is_arabic_word(doc[k + 1]):
                k += 1  # المغربي-البرتغالي
                continue
            if not is_arabic_word(token) or verb_shaped(nk):
                break
            if is_definite(token):
                k = end = k + 1
                definite = True
                continue
            if definite or is_clitic(token):
                break
            k = end = k + 1  # an indefinite chain: عملية أمنية مشتركة، اجتماع وزراء الداخلية
        if self.kind(" ".join(head)) == VISIT and not year and not any(norms[t] in self.visit_links for t in range(i, end)):
            destination = self._destination(doc, norms, end, names, taken)
            if destination is not None:
                end, singled = destination, singled or "name"
        if not singled or end <= i + len(head):
            return None
        return Phrase(i, end, " ".join(head), year, singled)

    def _targets_of_placed(self, doc: Doc, norms: list[str], bare: list[str], events: list[Span],
                           names: dict[int, Span], taken: set[int]) -> None:
        """An attack of ``event_patterns`` named by its place and told by its target after it
        (هجوم بروكسل على مشجعين سويديين) takes the phrase with its target as its alias; its
        span stays the head and the place."""
        for span in events:
            record = span._.event_name
            if record is None or record.alias or record.antecedent is not None or bare[span.start] not in self.target_heads \
                    or span.end + 1 >= len(doc) or norms[span.end] not in self.target_links:
                continue
            place = names.get(span.end - 1) or next((s for s in names.values() if s.end == span.end), None)
            if place is None or place.label_ not in PLACE_LABELS or place.start <= span.start:
                continue
            end, _ = self._target(doc, norms, span.end + 1, names, taken - set(range(span.start, span.end)))
            if end > span.end + 1:
                record.alias = doc[span.start:end].text

    def _session_aliases(self, doc: Doc, norms: list[str], bare: list[str], events: list[Span],
                         names: dict[int, Span]) -> None:
        """A numbered session or summit of ``event_patterns`` gets the other form the annotators
        give it as its alias: with its topic, one of ``topic_links`` and a place's name
        (قمتهم الاستثنائية الثانية بشأن النيجر), or, when its body's genitive chain runs on to
        the organization that holds it, without that organization (الدورة الثالثة والتسعين للجمعية
        العامة of الدورة ... للجمعية العامة للمنظمة الدولية للشرطة الجنائية)."""
        for span in events:
            record = span._.event_name
            if record is None or record.alias or record.antecedent is not None \
                    or self.kind(bare[span.start]) not in self.session_kinds:
                continue
            end = self._name_end(doc, span)
            if end + 1 < len(doc) and norms[end] in self.topic_links and (place := names.get(end + 1)) is not None \
                    and place.label_ in PLACE_LABELS:
                record.alias = doc[span.start:place.end].text
                continue
            owner = next((t for t in range(span.end + 2, end - 1) if is_clitic(doc[t]) and norms[t] == _GENITIVE
                          and (body := names.get(t + 1)) is not None and body.label_ in OWNER_LABELS), None)
            if owner is not None:
                record.alias = doc[span.start:owner].text

    def _described_visits(self, doc: Doc, norms: list[str], bare: list[str], events: list[Span],
                          names: dict[int, Span], taken: set[int]) -> None:
        """A described visit of ``event_patterns`` (زيارة الدولة، زيارة عمل) that its visitor
        follows before the place it goes to (زيارة الدولة التي أداها الرئيس X إلى إيطاليا)
        takes that phrase as its alias; its span stays the description."""
        for span in events:
            record = span._.event_name
            if record is None or record.name or record.alias or record.antecedent is not None \
                    or self._event_kind(span, bare) != VISIT:
                continue
            end = self._destination(doc, norms, span.end, names, taken)
            if end is not None:
                record.alias = doc[span.start:end].text

    def _destination(self, doc: Doc, norms: list[str], k: int, names: dict[int, Span], taken: set[int]) -> int | None:
        """The end of the place a visit goes to, after its visitor (زيارة أجراها رئيس الوزراء
        X إلى أنقرة، الزيارة التي أدتها X إلى طرابلس): a visit link at most
        :data:`MAX_VISITOR_TOKENS` words on, only words between (the first may be one of
        ``visit_relatives``), then a place's name (a lexicon city of any size) with the
        definite words after it."""
        in_name = {t for span in names.values() for t in range(span.start, span.end)}
        persons = {span.start for span in names.values() if span.label_ == "Person"}
        for j in range(k, min(len(doc) - 1, k + MAX_VISITOR_TOKENS)):
            if j == k and norms[j] in self.visit_relatives:
                continue
            before_link = norms[j + 1] in self.visit_links
            if doc[j].text in VISITOR_COMMAS and (j + 1 in persons or before_link and j - 1 in in_name):
                continue  # وزير الداخلية، إبراهيم مراد، إلى إيطاليا: the visitor's name in apposition
            if j in taken or not (is_arabic_word(doc[j]) or doc[j].text == "-") \
                    or (_IMPERFECT.match(norms[j]) and j not in in_name and not before_link):
                # زيارة يقوم بها X: a visit under way or to come, not one done (تبون is a name; so is
                # a visitor's last word right before إلى: يونس بك يفكوروف إلى واغادوغو)
                return None
            if doc[j].text == NAME_ALI and j + 1 in in_name:
                continue  # علي محمد الأمين زين: a given name, not the preposition على
            if norms[j] in self.visit_links:
                # after إلى a lexicon city of any size is the place (موسكو)
                place = names.get(j + 1) or next((s for s in doc.spans.get("lexicon", [])
                                                  if s.start == j + 1 and s.label_ == "City"), None)
                if place is None or place.label_ not in PLACE_LABELS:
                    return None
                end = place.end
                while end < len(doc) and is_definite(doc[end]) and norms[end] not in self.stops and end not in taken:
                    end += 1
                return end
            if norms[j] in self.stops:
                return None
        return None

    def _anaphors(self, doc: Doc, norms: list[str], bare: list[str], events: list[Span],
                  found: list[tuple[Span, EventName]], taken: set[int]) -> list[tuple[Span, EventName]]:
        """هذه الدورة، الاجتماع: the last event of the anaphor's kind before it."""
        links = AnaphorLinks([Antecedent(s.start, s.end, self._event_kind(s, bare)) for s in events]
                             + [Antecedent(s.start, s.end, self.kind(r.head)) for s, r in found])
        phrase_tokens = {t for s, _ in found for t in range(s.start, s.end)}
        out: list[tuple[Span, EventName]] = []
        for i in range(len(doc)):
            if i in taken or i in phrase_tokens or not norms[i].startswith(ARTICLE) or bare[i] not in self.anaphor_heads:
                continue
            if i + 1 < len(doc) and (is_definite(doc[i + 1]) or norms[i + 1] in self.ordinals):
                continue  # الاجتماع الوزاري: a description of its own, not an anaphor
            start = i - 1 if i > 0 and norms[i - 1] in self.demonstratives else i
            if start == i and not self.bare_anaphors and not (
                    bare[i] in self.single_heads and self._one_named(doc, links, i, self.kind(bare[i]))):
                continue
            if start > 0 and norms[start - 1] in self.partitives:
                continue  # نسخة عام 2013 من التمرين: another edition of it, not the last one named
            if start == i and i > 0 and is_clitic(doc[i - 1]):
                start = i  # للاجتماع: the anaphor is the word after the clitic
            antecedent = links.resolve(start, self.kind(bare[i]), normalize(doc[start:i + 1].text))
            if antecedent is None:
                continue
            span = Span(doc, start, i + 1, label="Event")
            out.append((span, EventName(span.text, bare[i], None, antecedent=antecedent)))
        return out + self._editions_of(doc, norms, bare, events, links)

    def _editions_of(self, doc: Doc, norms: list[str], bare: list[str], events: list[Span],
                     links: AnaphorLinks) -> list[tuple[Span, EventName]]:
        """الدورة العشرين من التمرين العسكري المشترك "X 2024": a numbered edition, من, then
        within a few words of the same clause a named event of ``edition_kinds``: that event."""
        out: list[tuple[Span, EventName]] = []
        starts = {a.start: a for a in links.antecedents}
        for span in events:
            end = span.end
            if bare[span.start] not in self.edition_heads or end >= len(doc) or norms[end] not in self.edition_links:
                continue
            k = end + 1
            while k < len(doc) and k not in starts and k - end <= MAX_EDITION_GAP and (
                    not doc[k].is_punct or doc[k].text in OPEN_QUOTES):
                k += 1
            event = starts.get(k)
            if event is not None and event.kind in self.edition_kinds \
                    and not any(bare[t] in self.edition_heads for t in range(event.start, event.end)):
                out.append((Span(doc, span.start, end, label="Event"),
                            EventName(span.text, bare[span.start], None, antecedent=event.start)))
        return out

    def _one_named(self, doc: Doc, links: AnaphorLinks, before: int, kind: str) -> bool:
        """Whether the events of ``kind`` ending before token ``before`` are one named event
        (one name once years are left out, at most one year: الأسد الإفريقي 2024)."""
        events = [a for a in links.antecedents if a.end <= before and a.kind == kind]
        words = [[t.text for t in doc[a.start:a.end] if not t.is_punct] for a in events]
        cores = {" ".join(normalize(w) for w in ws if not _YEAR.match(w)) for ws in words}
        years = {w for ws in words for w in ws if _YEAR.match(w)}
        return len(cores) == 1 and len(years) <= 1 and not any(bare_core in self.single_heads for bare_core in
                                                                (strip_definite(c) for c in cores))

    def _event_kind(self, span: Span, bare: list[str]) -> str:
        record = span._.event_name
        head = strip_definite(normalize(record.head)) if record is not None and record.head else ""
        if head in self.kinds or head.split()[:1] and head.split()[0] in self.kinds:
            return self.kind(head)
        return self.kind(bare[span.start])

    def assign(self, doc: Doc, found: list[tuple[Span, EventName]]) -> None:
        for span, record in found:
            span._.event_name = record
        # the fr/en anaphors of ``event_phrases`` are in the group already
        spans = list(doc.spans.get("event_phrases", [])) + [span for span, _ in found]
        doc.spans["event_phrases"] = sorted(spans, key=lambda s: s.start)
        editions = [span for span, record in found if record.antecedent is not None]
        if editions:  # an edition of a named event (الدورة العشرين من ...) is no event of its own
            doc.spans["events"] = [s for s in doc.spans.get("events", [])
                                   if not any(a.start <= s.start and s.end <= a.end for a in editions)]
