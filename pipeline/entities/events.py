"""``event_patterns``: named events found by their head noun (``ontology/patterns/event_heads.yaml``).

An event is a head noun (أحداث، عملية، قمة، attentats, opération, sommet, attacks,
Exercise, summit...) with its name:

- a quoted name: أحداث «باتاكلان», l'opération « Serval », operation 'TRIDENT SHIELD';
- capitalized words (Latin): Operation Sophia, l'opération française Barkhane (a demonym
  may sit between), Exercise Bright Star 2017, "L'opération, baptisée Sirocco II";
- in Arabic, a word that is not a common or function word right after the head
  (عملية صوفيا), or for place-taking heads a city or country (قمة بروكسل);
- a year right after the name (or after سنة / عام / en / in) is kept in the attrs;
- in Latin script, two names joined by a dash after a place-taking head (le sommet
  Chine-Afrique de Dakar): the head is the span and the phrase its alias, so both names stay
  mentions of their own;
- a description that singles out one event without naming it (a state visit, une visite
  officielle, زيارة عمل): an event with no name (``name`` ""), its head the phrase (its kind
  in ``event_kinds.yaml``), the description with the place it goes to its ``alias``
  ("working visit to France"; the place stays a mention of its own).

A head alone ("the operation", القمة) is not an event.

Assigns ``doc.spans["events"]`` (``label_`` "Event") and ``span._.event_name``, an
:class:`~pipeline.entities.records.EventName`: ``name`` is the name part alone (باتاكلان,
Barkhane) so resolution can use it as an alias, ``head`` the head noun (or the rule that
found the name), ``year`` the year written with it.

Usage::

    nlp = spacy.blank("fr")
    nlp.add_pipe("lexicon_matcher"); nlp.add_pipe("event_patterns")  # config: heads_path, common_words_path
    doc = nlp("Les soldats de l'opération Barkhane au Mali.")
    [s.text for s in doc.spans["events"]]   # ['opération Barkhane']
"""
from __future__ import annotations

import re
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.entities.component import (AR_STOP, CLOSE_QUOTES, EVENT_QUOTING, FUNCTION_WORDS_FILE, OPEN_QUOTES,
                                         EntityComponent, TokenRange, common_words, function_words)
from pipeline.entities.event_phrases_ar import verb_shaped
from pipeline.entities.records import EventName
from pipeline.entities.tokens import (LexiconMarks, Phrases, is_arabic_word, is_capitalized, is_clitic, is_definite,
                                      lexicon_marks, match_at, phrases, token_view)
from pipeline.language.dates import find_dates, reference_date
from pipeline.language.morphology import ARTICLE, WA, glued_to_hamza, lam_prefixed, split_proclitic
from pipeline.language.normalize import normalize
from pipeline.ontology_data import AR_COMMON_WORDS_FILE, PATTERNS_DIR, event_heads, event_phrases

EVENT_HEADS_FILE = PATTERNS_DIR / "event_heads.yaml"
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)م?$")
# Without a POS tagger: words shaped like verbs (imperfect ي/ت/ن + 3 letters or more,
# form-IV past ا...ت) do not name an event (عملية أطلقت).
_AR_VERB_SHAPE = re.compile(r"^(?:[يتن]\S{3,}|ا\S{2,}ت|\Sا\S\Sت)$")
# Participles (مشتركة، ملزم) and nisba adjectives in -ية qualify a head; they do not name it.
_AR_ADJECTIVE_SHAPE = re.compile(r"^(?:م\S{3,}|\S{2,}يه)$")
# The endings of an Arabic relative adjective (nisba), normalized: الليبي، الليبية.
_AR_NISBA = ("ي", "يه", "ية")
# A feminine participle (منحازة، مشتركة): quoted alone after a head, what is said of the event.
_AR_PARTICIPLE_ALONE = re.compile(r"^م\S{3,}ه$")
# Verbal nouns (إنزال، اقتحام، تمشيط) say what an operation does; they do not name it.
_AR_MASDAR_SHAPE = re.compile(r"^(?:ا\S{2,4}ا\S|ت\S\Sي\S|ت\Sا\S\S)$")
_AR_TA_MARBUTA = "ه"  # ة normalized
# Arabic: the fewest letters of an operation's unquoted name (foreign words: إيريني، برخان).
MIN_AR_BARE_NAME = 5
_NUMBERED = re.compile(r"^[A-Z][\w]+-\d{1,3}$")
# English names a session's body before its head noun (the Morocco-Mauritania High Joint
# Commission): the tokens between the link and the body noun.
MAX_SESSION_BODY_WORDS = 7
# Arabic: indefinite nouns in construct inside a session's body (مجلس وزراء دفاع التحالف).
MAX_AR_CONSTRUCT_WORDS = 2
# Arabic: the tokens of a session's body after the ordinal (clitics split off), its
# adjectives and genitive chain included.
MAX_AR_BODY_TOKENS = 12
# Arabic: lexicon names that are the body of a numbered session after ل (المؤتمر الإقليمي الحادي
# والعشرين للإنتربول), and those its genitive chain runs on through after ل (لمنطقة الشرق الأوسط).
SESSION_BODY_NAMES = frozenset({"InternationalOrganization", "Organization", "GovernmentAgency"})
SESSION_CHAIN_NAMES = SESSION_BODY_NAMES | {"Location"}
_BARE_MAX = 100_000  # Arabic norms kept with their bare form (_described) before the table starts again


def _lower_word(text: str) -> bool:
    """A lowercase word, hyphenated or not (mixte, maroco-mauritanienne)."""
    return text.islower() and all(part.isalpha() for part in text.split("-"))


def _bare(norm: str) -> str:
    """A norm without the Arabic article (لجنة / اللجنة)."""
    return norm[len(ARTICLE):] if norm.startswith(ARTICLE) and len(norm) > len(ARTICLE) + 2 else norm


_LATIN_ORDINAL = re.compile(r"^\d{1,3}(?:e|er|ère|ème|eme|th|st|nd|rd)$", re.IGNORECASE)
MAX_NAME = 4
# French and English: lowercase adjectives between a head and its quoted name, at most
# (l'exercice combiné maroco-américain « African Lion 2021 »; a hyphen counts as a word).
MAX_ADJECTIVES_BEFORE_QUOTE = 4
# Arabic: tokens of a body's or place's name and definite adjectives between a head and its
# quoted name, at most (عملية الاتحاد الأوروبي البحرية «إيريني»، التدريب البحري الجوي المصري
# اليوناني القبرصي المشترك «ميدوزا-10»).
MAX_AR_WORDS_BEFORE_QUOTE = 7
# Words between a titled event and its host city (JO de Paris 2024; الألعاب الأولمبية الصيفية باريس), at most.
MAX_HOST_GAP = 2


class EventMatch(NamedTuple):
    """An event at tokens ``start:end``: its name alone, its head (or the rule that found
    it) and its year."""

    start: int
    end: int
    name: str
    head: str
    year: str | None = None


class NameAfter(NamedTuple):
    """The tokens ``start:end`` of an event's name after its head, and whether it was quoted."""

    start: int
    end: int
    quoted: bool


class NamedByPhrase(NamedTuple):
    """A name given by a naming word (tokens ``start:end``) and the event head before it."""

    start: int
    end: int
    head: str
    head_at: int


class DateTokens(NamedTuple):
    """A date of the text as tokens ``start:end`` and its value (``YYYY[-MM[-DD]]``)."""

    start: int
    end: int
    value: str


@Language.factory("event_patterns", assigns=["doc.spans", "span._.event_name"],
                  default_config={"heads_path": str(EVENT_HEADS_FILE), "common_words_path": str(AR_COMMON_WORDS_FILE),
                                  "function_words_path": str(FUNCTION_WORDS_FILE)})
class EventPatterns(EntityComponent):
    """Marks events named after a head noun: assigns ``doc.spans["events"]`` (``label_``
    "Event") and ``span._.event_name`` (see module docstring)."""

    def __init__(self, nlp: Language, name: str = "event_patterns", *, heads_path: str = str(EVENT_HEADS_FILE),
                 common_words_path: str = str(AR_COMMON_WORDS_FILE),
                 function_words_path: str = str(FUNCTION_WORDS_FILE)) -> None:
        super().__init__(nlp, name)
        lang = self.lang
        spec = event_heads(heads_path).get(lang) or {}
        self.named_only = set(phrases(spec.get("named_only")))
        self.heads = Phrases(sorted(set(phrases(spec.get("heads"))) | self.named_only, key=lambda h: (-len(h), h)))
        self.with_place = set(phrases(spec.get("with_place")))
        self.bare_name = set(phrases(spec.get("bare_name")))
        self.attack_heads = set(phrases(spec.get("attack_heads")))
        self.ordinal_heads = set(phrases(spec.get("ordinal_heads")))
        self.ordinals = frozenset(normalize(w) for w in spec.get("ordinals") or [])
        self.common = common_words(lang, common_words_path)
        self.of_place = set(phrases(spec.get("of_place")))
        self.dated = phrases(spec.get("dated"))
        self.in_force = phrases(spec.get("in_force"))
        self.in_force_cues = phrases(spec.get("in_force_cues"))
        self.naming = phrases(spec.get("naming"))
        self.naming_first = frozenset(p[0] for p in self.naming if len(p) == 1)
        self.titled = phrases(spec.get("titled"))
        self.before_name = set(phrases(spec.get("before_name")))
        self.apposition_heads = phrases(spec.get("apposition_heads"))
        self.word_ordinal_heads = phrases(spec.get("word_ordinal_heads"))
        self.session_bodies = frozenset(_bare(normalize(w)) for w in spec.get("session_bodies") or [])
        self.session_links = frozenset(normalize(w) for w in spec.get("session_links") or [])
        self.session_genitive = frozenset(normalize(w) for w in spec.get("session_genitive") or [])
        self.session_body_stops = frozenset(normalize(w) for w in spec.get("session_body_stops") or [])
        self.partitive_heads = set(phrases(spec.get("partitive_heads")))
        self.session_partitives = frozenset(normalize(w) for w in spec.get("session_partitives") or [])
        self.session_bridges = frozenset(normalize(w) for w in spec.get("session_bridges") or [])
        # Longest first, for match_at.
        self.ordinal_heads_longest = Phrases(sorted(self.ordinal_heads, key=len, reverse=True))
        self.with_place_longest = Phrases(sorted(self.with_place, key=len, reverse=True))
        self.before_name_longest = Phrases(sorted(self.before_name, key=len, reverse=True))
        self.described = phrases(spec.get("described"))
        self.described_heads = {tuple(normalize(w).split()): w for w in spec.get("described") or []}
        self.described_first = frozenset(p[0] for p in self.described)
        self._described_bare: dict[str, str] = {}  # norm -> without a proclitic before a description (_described)
        self.described_links = frozenset(normalize(w) for w in spec.get("described_links") or [])
        self.host_links = frozenset(normalize(w) for w in spec.get("host_links") or [])
        self.host_verbs = frozenset(normalize(w) for w in spec.get("host_verbs") or [])
        self.titled_qualifiers = phrases(spec.get("titled_qualifiers"))
        self.titled_editions = frozenset(normalize(w) for w in spec.get("titled_editions") or [])
        self.titled_place_links = frozenset(normalize(w) for w in spec.get("titled_place_links") or [])
        self.dated_place_links = frozenset(normalize(w) for w in spec.get("dated_place_links") or [])
        # event_phrases.yaml's words of a class or a series (the deadliest attacks, attacks in the UK)
        described = event_phrases().get(lang) or {}
        self.series_words = frozenset(normalize(w) for w in described.get("generic_words") or [])
        self.plural_heads = frozenset(normalize(w) for w in described.get("plural_heads") or [])
        self.indefinite = frozenset(normalize(w) for w in described.get("indefinite") or [])
        self.durations = frozenset(normalize(w) for w in described.get("durations") or [])
        self.list_heads = phrases(spec.get("list_heads"))
        self.list_links = frozenset(normalize(w) for w in spec.get("list_links") or [])
        self.list_place_links = frozenset(normalize(w) for w in spec.get("list_place_links") or [])
        self.words = function_words(function_words_path)
        self.naming_cues = Phrases(self.naming + [(w,) for w in self.words.naming])

    def _name_after(self, doc: Doc, norms: list[str], head: tuple[str, ...], j: int,
                    marks: LexiconMarks) -> NameAfter | None:
        """The event's name after the head."""
        # Skip a demonym, a comma and a naming participle: "l'opération française Barkhane",
        # "L'opération, baptisée Sirocco II", "operation, codenamed 'TRIDENT SHIELD'".
        named = comma = False
        if self.lang == "ar":
            # Adjectives and demonyms between the head and a quoted name:
            # التدريب التونسي الجزائري المشترك «…».
            k = j
            while k < len(doc) and k - j < 5 and (is_definite(doc[k]) or marks.demonym_at(k)) and not marks.type_at(k):
                k += 1
            if k > j and EVENT_QUOTING.after(doc, k):
                j = k
            elif (body := self._body_before_quote(doc, j, marks)) > j:
                j = body
        else:
            # Lowercase adjectives between the head and a quoted name with its year (in the quotes
            # or right after): l'exercice combiné maroco-américain « African Lion 2021 » (without a year, "l'exercice
            # militaire « Flintlock »" is the series as often as one edition).
            k = j
            while k < len(doc) and k - j < MAX_ADJECTIVES_BEFORE_QUOTE and not doc[k].is_stop \
                    and (_lower_word(doc[k].text) or doc[k].text == "-") and doc[k].pos_ not in ("ADP", "DET", "AUX") \
                    and (doc[k].pos_ != "VERB" or "Part" in doc[k].morph.get("VerbForm")):
                k += 1
            quoted = EVENT_QUOTING.after(doc, k) if k > j else None
            if quoted and (any(_YEAR.match(doc[t].text) for t in range(quoted.start, quoted.end))
                           or self._year(doc, norms, quoted.end + 1)[1]):
                j = k  # « African Lion 2021 », « Eager Lion » 2024
        for _ in range(3):
            # A capitalized demonym may start the name itself (Exercise African Lion).
            demonym = marks.demonym_at(j) if j < len(doc) and not is_capitalized(doc[j]) else None
            if j < len(doc) and (demonym or doc[j].text in (",", "،") or norms[j] in self.words.naming):
                # a comma alone is no naming ("Under the agreement, PSP officers ..."): only
                # a naming participle after it is
                named = named or norms[j] in self.words.naming
                comma = comma or doc[j].text in (",", "،")
                j = marks.demonym[j].end if demonym else j + 1
        quoted = EVENT_QUOTING.after(doc, j)
        if quoted and self.lang == "ar" and self._quoted_no_name(doc, quoted):
            return None
        if quoted and self.lang != "ar" and doc[quoted.start].text[:1].islower():
            return None  # a quotation, not a name: un cessez-le-feu « fragile », the attack "terrorism against all of us"
        if quoted:
            return NameAfter(quoted.start, quoted.end, True)
        if comma and not named:
            return None
        if head in self.named_only and not named:
            return None
        if named:  # "L'opération, baptisée Sirocco II": the name stands alone, like a quoted one
            found = self._name_after(doc, norms, head, j, marks)
            return NameAfter(found.start, found.end, True) if found and found.end > found.start else None
        if j >= len(doc):
            return None
        if self.lang != "ar" and head in self.with_place and norms[j] in self.words.event_complements \
                and (head not in self.of_place or norms[j] in self.words.of_place):
            # l'attaque de Sousse, l'attentat de la Kasbah, the attack in Nairobi
            k = j + 1 + (1 if j + 1 < len(doc) and norms[j + 1] in self.words.articles else 0)
            if k < len(doc) and marks.type_at(k) in ("City", "Country", "Location"):
                if head in self.attack_heads and self._series(doc, norms, j - len(head), head):
                    return None
                return NameAfter(j, marks.name[k].end, False)
            if k < len(doc) and head in self.attack_heads and is_capitalized(doc[k]) and not marks.type_at(k) \
                    and k not in self._heads_at(doc) and doc[k].ent_type_ not in ("DATE", "TIME") \
                    and not self._series(doc, norms, j - len(head), head):
                # (a month is no place: "a truck bombing in April 2002")
                end = k
                while end < len(doc) and end - k < MAX_NAME and is_capitalized(doc[end]) and not marks.type_at(end):
                    end += 1
                return NameAfter(j, end, False)
            return None
        if self.lang != "ar" and head in self.with_place and self._pair_end(doc, norms, j, marks) > j:
            return None  # le sommet Chine-Afrique: not a summit named after China (_pair_named)
        if marks.type_at(j) in ("City", "Country", "Location"):
            # قمة بروكسل: the place names the summit; عملية صوفيا: an operation named after a place.
            end = marks.name[j].end
            if self.lang != "ar":  # Exercise Phoenix Express: capitalized words after the place go on with the name
                while end < len(doc) and end - j < MAX_NAME and is_capitalized(doc[end]) and not marks.type_at(end) \
                        and not doc[end].is_sent_start:
                    end += 1
            return NameAfter(marks.name[j].start, end, False)
        if marks.type_at(j):
            return None
        if self.lang == "ar":
            token = doc[j]
            n = norms[j]
            if head not in self.bare_name:
                return None  # اجتماع عقداه، اتفاق ملزم: a meeting or a deal needs a quoted name, a place or a year
            if not is_arabic_word(token) or is_clitic(token) or n.startswith(ARTICLE) or n in AR_STOP or n in self.common:
                return None
            if self._not_a_bare_name(token.text, n):
                return None
            return NameAfter(j, j + 1, False)
        end = j
        while end < len(doc) and end - j < MAX_NAME and (is_capitalized(doc[end]) or (
                end > j and (doc[end].text.isupper() or doc[end].like_num) and not _YEAR.match(doc[end].text))):
            if marks.type_at(end) and not (end > j and marks.type_at(end) in ("Organization", "Location")):
                break  # a body's name after the first word is part of the event's (Operation Prosperity Guardian)
            end += 1
        return NameAfter(j, end, False) if end > j else None

    def _pair_named(self, doc: Doc, norms: list[str], marks: LexiconMarks) -> list[tuple[int, int, str, int]]:
        """Latin: a place-taking head followed by two names joined by a dash (le sommet
        Chine-Afrique de Dakar, sommet Union africaine–Union européenne d'Abidjan): the head,
        its end, and the end of the phrase (the head's span; the phrase is its alias, so the
        names stay mentions of their own). A numbered one (le sixième sommet UE-UA) is left to
        the numbered phrases."""
        out = []
        if self.lang == "ar":
            return out
        for i, head in self.with_place_longest.matches(norms):
            if i > 0 and (norms[i - 1] in self.ordinals or _LATIN_ORDINAL.match(doc[i - 1].text)):
                continue
            end = self._pair_end(doc, norms, i + len(head), marks)
            if end > i + len(head):
                out.append((i, i + len(head), " ".join(head), end))
        return out

    def _pair_end(self, doc: Doc, norms: list[str], j: int, marks: LexiconMarks) -> int:
        """Latin: the end of two names joined by a dash at ``j`` (Chine-Afrique, Union
        africaine–Union européenne, EU-AU), with the city after de/of that hosts them
        (sommet Union africaine–Union européenne d'Abidjan), or ``j`` when there are none."""
        if not marks.type_at(j) or marks.name[j].start != j:
            return j
        dash = marks.name[j].end
        if dash + 1 >= len(doc) or norms[dash] != "-" or not marks.type_at(dash + 1):
            return j
        end = marks.name[dash + 1].end
        if end + 1 < len(doc) and norms[end] in self.words.of_place and marks.type_at(end + 1) == "City":
            end = marks.name[end + 1].end
        return end

    def _quoted_no_name(self, doc: Doc, quoted: TokenRange) -> bool:
        """Arabic: quoted words that are no event's name: a motto, opening with a naming word
        under a proclitic (هجوم "باسم الفكر المتطرف"), or what someone said of the event, a
        clause opening with a verb (العملية "غيرت قواعد اللعبة") or a participle alone (العملية
        "منحازة"); a verbal noun opens names (عملية "تطهير")."""
        first = normalize(doc[quoted.start].text)
        cut = split_proclitic(doc[quoted.start].text, self.naming_first)
        if first in self.naming_first or (cut is not None and normalize(cut[1]) in self.naming_first):
            return True
        if quoted.end - quoted.start == 1:  # one word may be a foreign name (تسونامي، إيريني)
            return bool(_AR_PARTICIPLE_ALONE.match(first))
        return not first.startswith(ARTICLE) and verb_shaped(first)

    @staticmethod
    def _not_a_bare_name(text: str, n: str) -> bool:
        """Arabic: a word after عملية that says what the operation does, not its name: a verb
        (عملية أطلقت، عملية شاركت), an adjective, a verbal noun (عملية إنزال، عملية تبادل), one
        glued to a preposition (عملية لإنجاز، عملية لتبادل), a word too short for a name
        (عملية دهم، عملية صعود: names are foreign words, إيريني، برخان، صوفيا), or one ending in
        ة, a feminine noun or adjective (حرب هجينة، عملية ناجحة: a foreign name ends in ا)."""
        if len(n) < MIN_AR_BARE_NAME or glued_to_hamza(text) or n.endswith(_AR_TA_MARBUTA):
            return True
        words = (n, n[1:]) if lam_prefixed(n) else (n,)
        return any(_AR_VERB_SHAPE.match(w) or _AR_ADJECTIVE_SHAPE.match(w) or _AR_MASDAR_SHAPE.match(w) for w in words)

    @staticmethod
    def _body_before_quote(doc: Doc, j: int, marks: LexiconMarks) -> int:
        """Arabic: the start of a quoted name after the body or place whose operation it is and
        its definite adjectives (عملية الاتحاد الأوروبي البحرية «إيريني»، عملية العبور «مرحبا
        2023», a word the lexicon also knows as a place; التدريب البحري الجوي المصري اليوناني
        القبرصي المشترك «ميدوزا-10»; التمرين المضاد للإرهاب «درع الصحراء»), or ``j`` when no
        quote follows them."""
        k = j
        while k < len(doc) and k - j < MAX_AR_WORDS_BEFORE_QUOTE:
            if marks.type_at(k):
                k = marks.name[k].end
            elif is_definite(doc[k]) or marks.demonym_at(k):
                k += 1
            elif is_clitic(doc[k]) and k + 1 < len(doc) and is_definite(doc[k + 1]):
                k += 2  # التمرين المضاد للإرهاب «درع الصحراء 2022»: a genitive after the adjective
            else:
                break
        return k if k > j and EVENT_QUOTING.after(doc, k) else j

    def _series(self, doc: Doc, norms: list[str], i: int, head: tuple[str, ...]) -> bool:
        """Latin: an attack head at ``i`` that a place after it does not single out: a class or a
        series (the deadliest attacks in the Sahel, one of the worst attacks in X: a word of
        ``generic_words`` among the adjectives before it) or a bare plural (linked to attacks in
        the UK). An indefinite one is a report's own ("Une attaque à Bamako a fait vingt morts")."""
        k = i
        while k > 0 and i - k < MAX_ADJECTIVES_BEFORE_QUOTE and doc[k - 1].is_alpha and doc[k - 1].is_lower \
                and norms[k - 1] not in self.words.articles and norms[k - 1] not in self.indefinite:
            if norms[k - 1] in self.series_words:
                return True
            k -= 1
        if k == 0 or " ".join(head) not in self.plural_heads:
            return False
        before = norms[k - 1]
        # a clause that opens with the plural ("On 13 November 2015, terrorist attacks in Paris
        # killed 130 people") tells the report's own attacks
        return doc[k - 1].is_alpha and before not in self.indefinite | self.words.articles | self.words.demonstratives \
            and doc[k - 1].tag_ not in ("PRP$", "POS")

    @staticmethod
    def _heads_at(doc: Doc) -> set[int]:
        return {i for span in doc.spans.get("heads", []) for i in range(span.start, span.end)}

    def _ordinal_sessions(self, doc: Doc, norms: list[str]) -> list[EventMatch]:
        """Numbered sessions: الدورة السابعة, la 7e session, the 7th session."""
        out = []
        for i, head in self.ordinal_heads_longest.matches(norms):
            if self.lang == "ar":
                k = i + len(head)
                # an adjective may stand between: القمة العربية الحادية والثلاثين
                while k < len(doc) and k - i - len(head) < 2 and is_definite(doc[k]) and norms[k] not in self.ordinals:
                    k += 1
                first = k
                while k < len(doc) and norms[k] in self.ordinals:
                    k += 1
                while k > first and norms[k - 1] == "و":
                    k -= 1
                if k > first:
                    out.append(EventMatch(i, k, doc[i:self._session_body(doc, norms, k, head)].text, "session"))
            elif i > 0 and _LATIN_ORDINAL.match(doc[i - 1].text):
                k = i + len(head)
                out.append(EventMatch(i - 1, k, doc[i - 1:self._session_body(doc, norms, k)].text, "session"))
        if self.lang == "ar":
            return out
        for i, head in self.word_ordinal_heads.matches(norms, begin=1):
            # the fourth round (of talks), la troisième session
            if norms[i - 1] in self.ordinals and i > 1 and norms[i - 2] in self.words.articles | self.words.demonstratives:
                k = i + len(head)
                out.append(EventMatch(i - 1, k, doc[i - 1:self._session_body(doc, norms, k)].text, "session"))
        return out

    def _session_body(self, doc: Doc, norms: list[str], k: int, head: tuple[str, ...] = ()) -> int:
        """The end of a numbered session's name with the body whose session it is, or ``k``
        (the span stays the session alone, so the countries in the body's name stay
        mentions of their own; the long name is the event's name):
        الدورة الثامنة للجنة العليا المشتركة (the body, its definite adjectives and its genitive
        chain: الدورة الثالثة والتسعين للجمعية العامة للمنظمة الدولية للشرطة الجنائية), la 8e
        session de la haute commission mixte maroco-mauritanienne (a link, at most two words,
        the body, its lowercase adjectives), the eighth session of the Joint Commission (a
        link, at most :data:`MAX_SESSION_BODY_WORDS` tokens, the body)."""
        if self.lang == "ar":
            if head in self.partitive_heads and k + 1 < len(doc) and norms[k] in self.session_partitives \
                    and is_definite(doc[k + 1]):
                # الجولة الأولى من الحوار الليبي: a round of the talks it is part of
                end = k + 2
                while end < len(doc) and is_definite(doc[end]) and norms[end].endswith(_AR_NISBA) \
                        and norms[end] not in self.session_body_stops:
                    end += 1
                return end
            return self._arabic_session_body(doc, norms, k)
        j = k
        while j < len(doc) and j - k < 2 and norms[j] in self.session_links:
            j += 1
        if j == k:
            return k
        for body in range(j, min(j + (MAX_SESSION_BODY_WORDS if self.lang == "en" else 3), len(doc))):
            if norms[body] in self.session_bodies:
                break
            if not (_lower_word(doc[body].text.lower()) or doc[body].text == "-"):
                return k
        else:
            return k
        end = body + 1
        while self.lang == "fr" and end < len(doc) and end - body < 6 and (
                _lower_word(doc[end].text) and norms[end] not in self.session_links
                and norms[end] not in self.words.articles or doc[end].text == "-" and not doc[end - 1].whitespace_):
            end += 1
        while end > body + 1 and doc[end - 1].text == "-":
            end -= 1
        return end

    def _arabic_session_body(self, doc: Doc, norms: list[str], k: int) -> int:
        """:meth:`_session_body` in Arabic: ل + a body noun (للجنة، لمجلس، لقادة), then its
        definite adjectives and genitive chain (للجمعية العامة للمنظمة الدولية), a hyphenated
        pair of adjectives (الجزائرية-النيجرية), و + a definite word (السلام والأمن), ل + an
        organization's or region's name (للإنتربول لمنطقة الشرق الأوسط وشمال أفريقيا), indefinite
        nouns in construct before a definite one (للجنة أجهزة الأمن، رفيع المستوى، لتنمية وترقية
        المناطق), and بين with the named parties (للشراكة بين المغرب وبلجيكا)."""
        n = len(doc)
        marks: LexiconMarks | None = None
        if k + 1 < n and is_clitic(doc[k]) and (
                _bare(norms[k + 1]) in self.session_bodies or _bare(normalize(doc[k + 1].text)) in self.session_bodies):
            end = k + 2
        elif k + 1 < n and norms[k][:1] in self.session_genitive and norms[k][1:] in self.session_bodies \
                and (is_definite(doc[k + 1]) or self._construct_end(doc, norms, k + 1) > k + 1):
            end = k + 1  # لمجلس وزراء الداخلية: the ل written on an indefinite body noun
        elif k + 1 < n and is_clitic(doc[k]) and norms[k] in self.session_genitive \
                and (marks := lexicon_marks(doc)).type_at(k + 1) in SESSION_BODY_NAMES:
            end = marks.name[k + 1].end  # المؤتمر الإقليمي الحادي والعشرين | للإنتربول
        else:
            return k
        while end < n and end - k < MAX_AR_BODY_TOKENS and norms[end] not in self.session_body_stops:
            if is_definite(doc[end]):
                end += 1
            elif end + 1 < n and is_clitic(doc[end]) and norms[end] in self.session_genitive \
                    and (marks := marks or lexicon_marks(doc)).type_at(end + 1) in SESSION_CHAIN_NAMES:
                end = marks.name[end + 1].end  # للإنتربول | لمنطقة الشرق الأوسط وشمال أفريقيا
            elif end + 1 < n and is_definite(doc[end + 1]) and (
                    is_clitic(doc[end]) and norms[end] in self.session_genitive | {WA}
                    or doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_):
                end += 2
            elif self._construct_end(doc, norms, end) > end:
                end = self._construct_end(doc, norms, end)
            elif self._hyphen_pair_end(doc, end, marks := marks or lexicon_marks(doc)) > end:
                end = self._hyphen_pair_end(doc, end, marks)  # رفيع المستوى فرنسا-ألمانيا
            elif norms[end] in self.session_bridges and end + 1 < n:
                marks = marks or lexicon_marks(doc)
                if not marks.type_at(end + 1):
                    break
                end = marks.name[end + 1].end
                while end + 1 < n and is_clitic(doc[end]) and norms[end] == WA and marks.type_at(end + 1):
                    end = marks.name[end + 1].end  # بين المغرب وبلجيكا
            else:
                break
        return end

    @staticmethod
    def _hyphen_pair_end(doc: Doc, k: int, marks: LexiconMarks) -> int:
        """The end of a hyphenated pair of names at ``k`` or right after a name that ends at
        ``k`` (فرنسا-ألمانيا، المغرب-إسبانيا), else ``k``."""
        j = marks.name[k].end if marks.type_at(k) else k
        if j + 1 < len(doc) and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_ \
                and marks.type_at(j + 1):
            return marks.name[j + 1].end
        return k

    def _construct_end(self, doc: Doc, norms: list[str], k: int) -> int:
        """The end of up to :data:`MAX_AR_CONSTRUCT_WORDS` indefinite nouns in construct and
        the definite word that ends them (أجهزة الأمن، وزراء دفاع التحالف، رفيعة المستوى), or ``k``."""
        j = k
        while j < len(doc) and j - k < MAX_AR_CONSTRUCT_WORDS and is_arabic_word(doc[j]) and not is_clitic(doc[j]) \
                and not is_definite(doc[j]) and len(norms[j]) > 2 and norms[j] not in AR_STOP \
                and norms[j] not in self.session_body_stops and not verb_shaped(norms[j]):
            j += 1
        return j + 1 if k < j < len(doc) and is_definite(doc[j]) else k

    def _place_before_head(self, doc: Doc, norms: list[str], marks: LexiconMarks) -> list[EventMatch]:
        """English: a city or country right before a place-taking head: the Nairobi attack,
        the Algiers agreement."""
        out = []
        if self.lang != "en":
            return out
        for i, head in self.with_place_longest.matches(norms, begin=1):
            if marks.type_at(i - 1) not in ("City", "Country"):
                continue
            place = marks.name[i - 1]
            if place.start > 0 and norms[place.start - 1] in self.words.place_determiners:
                out.append(EventMatch(place.start, i + len(head), place.text, "place"))
        return out

    def _listed_names(self, doc: Doc, norms: list[str], marks: LexiconMarks) -> list[EventMatch]:
        """A plural head with a list of names, each an event of its own, each perhaps with the
        place it took place in: les opérations Harmattan en Libye, Pamir en Afghanistan et
        Chammal en Irak; the exercises "X" and "Y"; عمليات «X» في إيطاليا، «Y» في اليونان. One
        name alone after a plural head is left out (les exercices Flintlock: the series)."""
        out: list[EventMatch] = []
        for i, head in self.list_heads.matches(norms):
            k = i + len(head)
            items: list[TokenRange] = []
            while (item := self._list_item(doc, k, marks)) is not None:
                items.append(item)
                k = item.end + (1 if EVENT_QUOTING.after(doc, item.start - 1) else 0)
                k = self._past_place(doc, norms, k, marks)
                link = k
                while link < len(doc) and link - k < 2 and (norms[link] in self.list_links or doc[link].text == ","):
                    link += 1
                if link == k:
                    break
                k = link
            if len(items) >= 2:
                out += [EventMatch(t.start, t.end, doc[t.start:t.end].text, " ".join(head)) for t in items]
        return out

    def _list_item(self, doc: Doc, k: int, marks: LexiconMarks) -> TokenRange | None:
        """A name of a list after a plural head at ``k``: quoted, or (Latin) capitalized words
        that are no place's or body's name, with a year or number after them."""
        quoted = EVENT_QUOTING.after(doc, k)
        if quoted or self.lang == "ar":
            return quoted
        end = k
        while end < len(doc) and end - k < MAX_NAME and not doc[end].is_sent_start and (
                is_capitalized(doc[end]) and not doc[end].is_stop or end > k and doc[end].like_num):
            if marks.type_at(end):
                return None
            end += 1
        return TokenRange(k, end) if end > k else None

    def _past_place(self, doc: Doc, norms: list[str], k: int, marks: LexiconMarks) -> int:
        """Past the place a listed name took place in (en Libye, in the Gulf of Guinea, في
        اليونان), or ``k``."""
        if k < len(doc) and norms[k] in self.list_place_links:
            p = k + 1 + (1 if k + 1 < len(doc) and norms[k + 1] in self.words.articles else 0)
            if p < len(doc) and marks.type_at(p) in ("City", "Country", "Location"):
                return marks.name[p].end
        return k

    def _named_with_year(self, doc: Doc, norms: list[str], marks: LexiconMarks) -> list[EventMatch]:
        """Latin: capitalized words and a year, then an apposition with an event head:
        "joining Cutlass Express 2023, the annual naval exercise"."""
        out = []
        if self.lang == "ar":
            return out
        heads = self._heads_at(doc)
        texts = token_view(doc).texts
        for k in range(1, len(doc)):
            if not _YEAR.match(texts[k]) or not is_capitalized(doc[k - 1]):
                continue
            start = k
            while start > 0 and k - start < MAX_NAME and is_capitalized(doc[start - 1]) and not doc[start - 1].is_stop \
                    and not marks.type_at(start - 1) and start - 1 not in heads \
                    and doc[start - 1].ent_type_ not in ("DATE", "TIME", "PERSON", "PER", "GPE", "LOC"):
                start -= 1
            if start == k or (start > 0 and doc[start - 1].text == "-") or all(marks.demonym_at(t) for t in range(start, k)):
                continue
            if match_at(norms, start, self.heads):
                continue  # Exercise Bright Star 2017: the head pattern has it
            # the head in an apposition right after the year: "Cutlass Express 2023, the annual … exercise"
            if k + 1 < len(doc) and doc[k + 1].text == "," and any(
                    match_at(norms, t, self.heads) and not is_capitalized(doc[t]) for t in range(k + 2, min(len(doc), k + 12))):
                out.append(EventMatch(start, k + 1, doc[start:k].text, "year"))
        return out

    def _named_by_phrase(self, doc: Doc, norms: list[str], marks: LexiconMarks) -> list[NamedByPhrase]:
        """A name after a naming word, an event head a few words before it: عملية إنزال جوي
        أطلق عليها اسم «X», une opération militaire baptisée « X »."""
        out = []
        for i, cue in self.naming_cues.matches(norms, begin=1):
            j = i + len(cue) + (1 if i + len(cue) < len(doc) and norms[i + len(cue)] in self.words.naming_links else 0)
            quoted = EVENT_QUOTING.after(doc, j)
            if quoted is None and self.lang != "ar":
                end = j
                while end < len(doc) and end - j < MAX_NAME and is_capitalized(doc[end]) and not marks.type_at(end):
                    end += 1
                quoted = TokenRange(j, end) if end > j else None
            if quoted is None:
                continue
            for h in range(i - 1, max(-1, i - 8), -1):
                if doc[h].text in (".", "!", "?", "؟", "\n") or doc[h].is_space:
                    break
                head = match_at(norms, h, self.heads)
                if head is not None:
                    out.append(NamedByPhrase(quoted.start, quoted.end, " ".join(head), h))
                    break
        return out

    def _dated(self, doc: Doc, norms: list[str], dates: list[DateTokens]) -> list[EventMatch]:
        """Events identified by their date: attentats du 7 janvier 2015, هجمات 11 سبتمبر, the
        March 3, 2021 attack (on the X Church)."""
        out = []
        starts = {s: (e, v) for s, e, v in dates}
        ends = {e: (s, v) for s, e, v in dates}
        for i, head in self.dated.matches(norms):
            h_end = i + len(head)
            k = h_end + (1 if h_end < len(doc) and norms[h_end] in self.words.date_links else 0)
            if k in starts and (k > h_end or self.lang == "ar"):
                end, value = starts[k]
                out.append(EventMatch(i, end, doc[i:end].text, " ".join(head), value[:4]))
                continue
            if self.lang != "en":
                continue
            # the DATE (Boko Haram) attack: up to three capitalized words between
            b = i
            while b not in ends and b > 0 and i - b < 3 and is_capitalized(doc[b - 1]):
                b -= 1
            if b not in ends:
                continue
            s0, value = ends[b]
            start, name_end, name = i, h_end, doc[s0:h_end].text
            # "attack on the Saint Joseph Cathedral": the target names the attack
            t = h_end
            if t + 1 < len(doc) and norms[t] in self.words.target_links and norms[t + 1] == "the":
                c = t + 2
                while c < len(doc) and c - t - 2 < MAX_NAME and is_capitalized(doc[c]):
                    c += 1
                if c > t + 2:
                    name_end = c
                    name = doc[t + 2:c].text + " " + doc[i:h_end].text
            out.append(EventMatch(start if name_end > h_end else s0, name_end, name, " ".join(head), value[:4]))
        return out

    def _dated_place_end(self, doc: Doc, norms: list[str], k: int, marks: LexiconMarks) -> int:
        """Arabic: the end of the city or country a dated event took place in, right after its
        date and one of ``dated_place_links`` (هجمات 13 نوفمبر 2015 في باريس), else ``k``. The
        place stays a mention of its own: the phrase with it is the event's alias."""
        if k + 1 < len(doc) and norms[k] in self.dated_place_links and marks.type_at(k + 1) in ("City", "Country"):
            return marks.name[k + 1].end
        return k

    def _in_force(self, doc: Doc, norms: list[str], dates: list[DateTokens]) -> list[EventMatch]:
        """A (definite) agreement or ceasefire dated by its signing or entry into force in the
        same clause: l'accord de cessez-le-feu entre X et Y entré en vigueur le 12 mars
        2021, the ceasefire agreement signed on 3 May."""
        out = []
        starts = {s: (e, v) for s, e, v in dates}
        for i, head in self.in_force.matches(norms):
            definite = (i > 0 and norms[i - 1] in self.words.articles) or (self.lang == "ar" and norms[i].startswith(ARTICLE))
            if not definite and not (self.lang == "ar" and i > 0 and norms[i - 1].startswith(ARTICLE)):
                continue
            for k in range(i + len(head), min(len(doc), i + len(head) + 10)):
                if doc[k].text in (".", ";", "؛", "!", "?", "؟") or doc[k].is_space:
                    break
                cue = match_at(norms, k, self.in_force_cues)
                if cue is None:
                    continue
                d = k + len(cue) + next((n for n in range(3) if k + len(cue) + n in starts), 99)
                if d in starts and len(starts[d][1]) >= 7:
                    out.append(EventMatch(i, i + len(head), doc[i:i + len(head)].text, " ".join(head), starts[d][1][:4]))
                break
        return out

    def _titled(self, doc: Doc, norms: list[str]) -> list[EventMatch]:
        """Recurring events with their year: the 2030 FIFA World Cup, كأس العالم 2030, les Jeux
        olympiques de 2024. The name is the year and the title (2030 World Cup), so that
        variants with or without an organizer's name are one event."""
        out = []
        cities = {s.start: s.end for s in doc.spans.get("lexicon", []) if s.label_ == "City"}
        for i, title in self.titled.matches(norms):
            t_end = i + len(title)
            start = i
            while start > 0 and i - start < 2 and is_capitalized(doc[start - 1]) and not _YEAR.match(doc[start - 1].text):
                start -= 1
            if start > 0 and _YEAR.match(norms[start - 1]):
                year = norms[start - 1][:4]
                # the host city before the year is the writer's (the Paris 2024 Olympic Games)
                first = start - 1
                host = next((c for c, e in cities.items() if e == first), None)
                out.append(EventMatch(host if host is not None else first, t_end, f"{year} {doc[i:t_end].text}",
                                      "titled", year))
                continue
            # what the title is of before the year (كأس أمم إفريقيا لكرة القدم 2025)
            qualifier = match_at(norms, t_end, self.titled_qualifiers) if self.titled_qualifiers else None
            k = t_end + len(qualifier) if qualifier else t_end
            after, year = self._year(doc, norms, self._host_city(doc, norms, k, cities))
            if start > 0 and norms[start - 1] in self.titled_editions:
                start -= 1  # دورة الألعاب الأولمبية: the edition word is the annotators' extent too
            if year:
                out.append(EventMatch(start, after, f"{doc[i:t_end].text} {year}", "titled", year))
            elif k < len(doc) - 1 and norms[k] in self.titled_place_links and k + 1 in cities:
                # دورة الألعاب الأولمبية في باريس: a host city singles out one edition; the span
                # stays the title, so the city is a mention of its own
                out.append(EventMatch(start, t_end, doc[start:cities[k + 1]].text, "titled", None))
        return out

    def _host_city(self, doc: Doc, norms: list[str], k: int, cities: dict[int, int]) -> int:
        """Past a host city (and a link or an Arabic adjective before it, or a hosting verb of
        ``host_verbs``: التي احتضنتها باريس) between a titled event and its year (JO de Paris
        2024, الألعاب الأولمبية الصيفية باريس 2024): where its
        year is looked for; ``k`` when no city is there."""
        j = k
        while j < len(doc) and j - k < MAX_HOST_GAP and j not in cities and (
                norms[j] in self.host_links or (self.lang == "ar" and is_definite(doc[j]))):
            j += 1
        if j < len(doc) and norms[j] in self.host_verbs:
            j += 1  # الألعاب الأولمبية الصيفية التي احتضنتها باريس سنة 2024
        if j in cities and self._year(doc, norms, cities[j])[1]:
            return cities[j]
        return k

    def _name_before_head(self, doc: Doc, norms: list[str], marks: LexiconMarks) -> list[EventMatch]:
        """English: a quoted or capitalized name before its head, lowercase words between:
        the "X" special forces exercise, X naval drills, the X attack, the X 2023 exercise
        (the year is the name's)."""
        out = []
        if self.lang != "en":
            return out
        for i, head in self.before_name_longest.matches(norms, begin=1):
            if is_capitalized(doc[i]):
                continue
            k = i
            while k > 0 and i - k < 3 and doc[k - 1].is_lower and doc[k - 1].is_alpha and (
                    not doc[k - 1].is_stop or doc[k - 1].pos_ == "CCONJ" and k < i and k > 1 and doc[k - 2].is_lower):
                k -= 1  # the SAHA EXPO defence and aerospace fair: a conjunction between two lowercase words
            if k > 0 and doc[k - 1].text in CLOSE_QUOTES and doc[k - 1].text not in ("'", "’"):
                q = k - 1
                o = q - 1
                while o >= 0 and q - o <= EVENT_QUOTING.max_words and doc[o].text not in OPEN_QUOTES:
                    o -= 1
                if o >= 0 and q - o > 1:
                    out.append(EventMatch(o + 1, q, doc[o + 1:q].text, " ".join(head)))
                continue
            # the Bright Star 2023 exercise: the year ends the name
            year = doc[k - 1].text if k > 1 and _YEAR.match(doc[k - 1].text) and is_capitalized(doc[k - 2]) else None
            if year:
                k -= 1
            e = k
            while k > 0 and e - k < 3 and is_capitalized(doc[k - 1]) and not doc[k - 1].is_stop \
                    and not marks.type_at(k - 1) and not marks.demonym_at(k - 1) and not _YEAR.match(doc[k - 1].text) \
                    and doc[k - 1].ent_type_ not in ("PERSON", "GPE", "NORP", "DATE"):
                k -= 1
            if k < e and k > 1 and norms[k - 1] == "-" and not doc[k - 2].whitespace_ and is_capitalized(doc[k - 2]):
                k -= 2  # the EU-AU summit: the pair is the name
                if marks.type_at(k):
                    k = marks.name[k].start
            if k == e or (k > 0 and (is_capitalized(doc[k - 1]) or doc[k - 1].text in ("\n", ".") or doc[k - 1].is_space)) or k == 0:
                continue
            if k > 0 and marks.type_at(k - 1):
                continue
            out.append(EventMatch(k, i + len(head), doc[k:e + (1 if year else 0)].text, " ".join(head), year))
        return out

    def _named_by_apposition(self, doc: Doc, norms: list[str], marks: LexiconMarks) -> list[EventMatch]:
        """Latin: a name (capitalized, often with a number: X-14) then an indefinite
        apposition with an event head: "concluded X-14, a week-long joint exercise"."""
        out = []
        if self.lang == "ar":
            return out
        texts = token_view(doc).texts
        for k in range(1, len(doc) - 2):
            if texts[k] != "," or norms[k + 1] not in self.words.indefinite_articles:
                continue
            if not any(match_at(norms, t, self.apposition_heads or self.heads) and not is_capitalized(doc[t])
                       for t in range(k + 2, min(len(doc), k + 8))):
                continue
            e = k
            # a number ends the name (Joint Action Days Danube 8, a week-long operation)
            s0 = e - 1 if e > 1 and doc[e - 1].like_num and not _YEAR.match(texts[e - 1]) \
                and is_capitalized(doc[e - 2]) else e
            numbered = s0 < e
            # a person's name holds no number: the model's person there is the name (Danube 8)
            not_names = ("GPE", "NORP", "DATE") if numbered else ("PERSON", "PER", "GPE", "NORP", "DATE")
            while s0 > 0 and e - s0 < MAX_NAME + (1 if numbered else 0) \
                    and is_capitalized(doc[s0 - 1]) and not doc[s0 - 1].is_stop \
                    and not marks.type_at(s0 - 1) and not marks.demonym_at(s0 - 1) \
                    and doc[s0 - 1].ent_type_ not in not_names:
                s0 -= 1
            if s0 == e or s0 == 0 or is_capitalized(doc[s0 - 1]) or doc[s0 - 1].is_punct or doc[s0 - 1].is_space:
                continue
            if match_at(norms, s0, self.heads):
                continue
            out.append(EventMatch(s0, e, doc[s0:e].text, "apposition"))
        return out

    def _described(self, doc: Doc, norms: list[str], marks: LexiconMarks) -> list[EventMatch]:
        """Events singled out by a description, not a name (``described``: a state visit,
        une visite de travail, زيارة عمل, an Arabic proclitic on its first word: بزيارة عمل),
        with the place it goes to when one of ``described_links`` and a city, country or
        place follow it (working visit to France, زيارة رسمية إلى روسيا)."""
        out: list[EventMatch] = []
        if not self.described.found_in(norms) and self.lang != "ar":
            return out
        bare = list(norms)
        if self.lang == "ar":
            known = self._described_bare
            if len(known) >= _BARE_MAX:
                known.clear()
            for i, n in enumerate(norms):
                form = known.get(n)
                if form is None:
                    cut = None if n in self.described_first else split_proclitic(n, self.described_first)
                    form = known[n] = normalize(cut[1]) if cut is not None else n
                bare[i] = form
        for i, phrase in self.described.matches(bare):
            start = i
            end = k = i + len(phrase)
            if k < len(doc) and norms[k] in self.described_links:
                p = k + 1 + (1 if k + 1 < len(doc) and norms[k + 1] in self.words.articles else 0)
                if p < len(doc) and marks.type_at(p) in ("City", "Country", "Location"):
                    end = marks.name[p].end
                elif self.lang != "ar" and p > k + 1:  # a state visit to the Kingdom: a name the lexicon lacks
                    while p < len(doc) and p - k <= MAX_NAME and is_capitalized(doc[p]) and not marks.type_at(p):
                        p += 1
                    end = p if p > k + 2 else end
            if end == k and self.lang != "ar" and i >= 3 and doc[i - 2].text == "-" \
                    and normalize(doc[i - 1].text.lower()) in self.durations and doc[i - 3].like_num:
                start = i - 3  # Mr X's three-day state visit
            out.append(EventMatch(start, end, "", self.described_heads[phrase]))
        return out

    def _claim_described(self, doc: Doc, norms: list[str], m: EventMatch, claim,
                         found: list[tuple[Span, EventName]]) -> None:
        """A described event's span is its description alone (the place it goes to stays a
        mention of its own); the description with its place is its alias ("official visit
        to Russia")."""
        # the description's words (its tokens), after a duration its alias has (three-day state visit)
        words = tuple(normalize(m.head).split())
        start = next((k for k in range(m.start, m.end) if tuple(norms[k:k + len(words)]) == words), m.start)
        end = min(start + len(words), m.end)
        before = len(found)
        claim(start, end, m.name, m.head, None)
        if len(found) > before and (m.end > end or m.start < start):
            found[-1][1].alias = doc[m.start:m.end].text

    def _date_tokens(self, doc: Doc) -> list[DateTokens]:
        """Dates of the text as token ranges."""
        out = []
        text = token_view(doc).text
        for d in find_dates(text, self.lang, reference_date(text, self.lang)):
            span = doc.char_span(d.start, d.end, alignment_mode="expand")
            if span is not None:
                out.append(DateTokens(span.start, span.end, d.value))
        return out

    def _year(self, doc: Doc, norms: list[str], k: int) -> tuple[int, str | None]:
        if k < len(doc) and norms[k] in self.words.year_cues and k + 1 < len(doc) and _YEAR.match(norms[k + 1]):
            return k + 2, norms[k + 1][:4]
        if k < len(doc) and _YEAR.match(norms[k]):
            return k + 1, norms[k][:4]
        return k, None

    def find(self, doc: Doc, norms: list[str], marks: LexiconMarks) -> list[tuple[Span, EventName]]:
        """Events in the order they are claimed: a later one that shares a token with an
        earlier one is dropped."""
        found: list[tuple[Span, EventName]] = []
        taken: set[int] = set()

        def claim(start: int, end: int, name: str, head: str, year: str | None) -> None:
            if start >= end or taken & set(range(start, end)):
                return
            taken.update(range(start, end))
            found.append((Span(doc, start, end, label="Event"), EventName(name, head, year)))

        # Names the text gives in so many words come first; their heads name nothing else.
        consumed: set[int] = set()
        for m in self._named_by_phrase(doc, norms, marks):
            claim(m.start, m.end, doc[m.start:m.end].text, m.head, self._year(doc, norms, m.end + 1)[1])
            consumed.update(range(m.head_at, m.start))
        # Dates only serve a dated or in-force head: without one, finding them is wasted.
        dates = self._date_tokens(doc) if self.dated.found_in(norms) or self.in_force.found_in(norms) else []
        for m in self._dated(doc, norms, dates):
            before = len(found)
            claim(*m)
            place_end = self._dated_place_end(doc, norms, m.end, marks)
            if len(found) > before and place_end > m.end:
                found[-1][1].alias = doc[m.start:place_end].text  # هجمات 13 نوفمبر 2015 في باريس
        for m in (self._in_force(doc, norms, dates) + self._titled(doc, norms)
                  + self._name_before_head(doc, norms, marks) + self._named_by_apposition(doc, norms, marks)):
            claim(*m)
        resume = 0  # past the last match: no new one starts inside it
        for i, head in self.heads.matches(norms):
            if i < resume or (taken | consumed) & set(range(i, i + len(head))):
                continue
            if self.lang == "en" and doc[i].text.isupper() and len(doc[i]) > 1:
                continue
            name = self._name_after(doc, norms, head, i + len(head), marks)
            if name is None:
                continue
            n_start, n_end = name.start, name.end
            after, year = self._year(doc, norms, n_end + (1 if name.quoted else 0))
            # A quoted name is the event's name as written (أحداث «باتاكلان»: باتاكلان, the
            # closing quote left out); else the span runs from the head, with a bare year that
            # follows (Exercise Bright Star 2017).
            start, end = (n_start, n_end) if name.quoted else (i, n_end)
            if not name.quoted and year and (after == n_end + 1 or self.lang == "ar" and after == n_end + 2):
                end = n_end = after  # Exercise Bright Star 2017; اعتداءات باريس عام 2015
            if year is None and n_end > n_start and _YEAR.match(norms[n_end - 1]):
                year = norms[n_end - 1][:4]
            if taken & set(range(start, end)):
                continue
            claim(start, end, doc[n_start:n_end].text, " ".join(head), year)
            resume = max(end, after)
        for start, end, head, phrase_end in self._pair_named(doc, norms, marks):
            before = len(found)
            if not taken & set(range(start, phrase_end)):
                claim(start, end, "", head, None)
            if len(found) > before:
                found[-1][1].alias = doc[start:phrase_end].text
                taken.update(range(end, phrase_end))
        extra = self._ordinal_sessions(doc, norms) + self._place_before_head(doc, norms, marks) \
            + self._listed_names(doc, norms, marks)
        # A name with a year already named after its head (Exercise Bright Star 2017) is that event.
        named = " | ".join(normalize(record.name) for _, record in found)
        extra += [m for m in self._named_with_year(doc, norms, marks) if normalize(m.name) not in named]
        for m in extra:
            claim(m.start, m.end, m.name, m.head, norms[m.end - 1][:4] if _YEAR.match(norms[m.end - 1]) else None)
        for m in self._described(doc, norms, marks):
            self._claim_described(doc, norms, m, claim, found)
        # "X naval drills" in a text that also names "X-14": the numbered name is that event's.
        numbered = {r.name.rsplit("-", 1)[0]: r.name for _, r in found if _NUMBERED.match(r.name)}
        for _, record in found:
            if record.name in numbered:
                record.name = numbered[record.name]
        return found

    def assign(self, doc: Doc, found: list[tuple[Span, EventName]]) -> None:
        for span, record in found:
            span._.event_name = record
        doc.spans["events"] = sorted((span for span, _ in found), key=lambda s: s.start)
