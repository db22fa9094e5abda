"""``entity_patterns``: person names that no lexicon holds, found by the words around them.

Three cues, all read from data under ``ontology/patterns/``:

- a title or role before the name (``person_titles.yaml``: السيد، الوزير، رئيس، M.,
  le ministre, President, Maj. Gen.), possibly with modifiers between them: a demonym,
  a country or a definite adjective (الرئيس الأميركي فرانكلين روزفلت, رئيس النيجر محمد
  يوسف, Le président français, Emmanuel Macron);
- a role in apposition after the name (``person_roles.yaml``): "جون برينان، مستشار",
  "Paolo Conti, ambassadeur";
- in Arabic, a known given name (``given_names.yaml``) followed by name words
  (باراك أوباما), since Arabic script has no capitals;
- in Arabic, the full name of a public figure of security and diplomacy
  (``public_figures.yaml``: إيدي راما، لي شانغفو), wherever it stands.

In Arabic a name right after the head of a building or place named after a person (ملعب
الملك فهد، بضريح محمد الخامس، بالمركز الدولي للمؤتمرات X: ``ar_named_after_heads`` of
``given_names.yaml``) names that place, not the person, and is left out.

Arabic name words are words that are not function words, common words
(``ontology/lexicons/curated/ar_common_words.txt``), definite nouns (except after a
link: عبد اللطيف، آل سعود) or lexicon names; Latin name words are capitalized.

Assigns ``doc.spans["patterns"]``, ``label_`` "Person", and ``span._.person_cue``, a
:class:`~pipeline.entities.records.PersonCue`: the cue ("title", "apposition",
"given_name") and the role words when there were some.

Usage::

    nlp = spacy.blank("ar")
    nlp.add_pipe("entity_patterns")  # config: titles_path, roles_path, given_names_path, heads_path, ...
    doc = nlp("قال السيد عبد اللطيف حموشي إن")
    [s.text for s in doc.spans["patterns"]]  # ['عبد اللطيف حموشي']
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.entities.component import (AR_STOP, AR_STOP_WRITTEN, FUNCTION_WORDS_FILE, OPEN_QUOTES, EntityComponent, Match,
                                         common_words, function_words, longest_first, scan_phrases,
                                         stop_words)
from pipeline.entities.records import PersonCue
from pipeline.entities.tokens import (LexiconMarks, Phrases, is_arabic_word, is_capitalized, is_clitic, is_definite,
                                      match_at, norm, phrases, token_view)
from pipeline.language.morphology import (ARTICLE, COMPLEMENT_PROCLITICS, CONJUNCTIONS, FA, NOUN_PREPOSITIONS, PREPOSITIONS, PROCLITICS,
                                         PRONOUN_SUFFIXES,
                                         glued_to_hamza, hamza_initial, possessed_forms, pronoun_suffixed,
                                         without_conjunction)
from pipeline.language.normalize import normalize
from pipeline.ontology_data import (AR_COMMON_WORDS_FILE, PATTERNS_DIR, entity_heads, event_heads, given_names,
                                    model_entity_filters, person_roles, person_titles, public_figures,
                                    reporting_verbs)

TITLES_FILE = PATTERNS_DIR / "person_titles.yaml"
ROLES_FILE = PATTERNS_DIR / "person_roles.yaml"
GIVEN_NAMES_FILE = PATTERNS_DIR / "given_names.yaml"
PUBLIC_FIGURES_FILE = PATTERNS_DIR / "public_figures.yaml"
# Arabic: how many words (definite adjectives, a genitive, one title) may stand between the
# head of a place named after a person and the name (بالمركز الدولي للمؤتمرات X، ملعب الملك X).
MAX_NAMED_AFTER_GAP = 4
MAX_NAME_TOKENS = 6
MAX_MODIFIERS = 3
# Arabic: a title's complement closed by a comma, then the name ("المدير التنفيذي ليوروبول،
# كاثرين دي بول،"): at most this many words of complement, and a name of at least two words.
MAX_COMPLEMENT_WORDS = 8
MIN_APPOSED_NAME_WORDS = 2
_NOT_PERSON_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "NORP"}
MAX_FREE_NAME_WORDS = 4  # words not introduced by a link (بن، آل، von): more only through links
_ROMAN = re.compile(r"^(?:II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI)$")
_AGE = re.compile(r"^(?:1[5-9]|[2-9]\d)$")
# Tanween fath (ً), written on indefinite accusatives (رئيساً، حديثاً), never on a name.
_TANWEEN_FATH = ("\u064b", "\u064bا")
ENTITY_HEADS_FILE = PATTERNS_DIR / "entity_heads.yaml"


def is_arabic_word_text(word: str) -> bool:
    return bool(word) and all("\u0621" <= c <= "\u064a" for c in word)


def load_titles(path: str = str(TITLES_FILE)) -> dict[str, list[tuple[str, ...]]]:
    """Titles per language as tuples of normalized words, longest first."""
    return {lang: phrases(words) for lang, words in person_titles(path).items()}


class PersonMatch(Match):
    """A person's name at tokens ``start:end`` (``label`` "Person") and its :class:`PersonCue`."""

    info: PersonCue


@Language.factory(
    "entity_patterns",
    assigns=["doc.spans", "span._.person_cue"],
    default_config={
        "titles_path": str(TITLES_FILE),
        "roles_path": str(ROLES_FILE),
        "given_names_path": str(GIVEN_NAMES_FILE),
        "public_figures_path": str(PUBLIC_FIGURES_FILE),
        "heads_path": str(ENTITY_HEADS_FILE),
        "common_words_path": str(AR_COMMON_WORDS_FILE),
        "function_words_path": str(FUNCTION_WORDS_FILE),
    },
)
class EntityPatterns(EntityComponent):
    """Marks person names introduced by a title, a role apposition or a given name: assigns
    ``doc.spans["patterns"]`` (``label_`` "Person") and ``span._.person_cue``."""

    finders = {"ar": ("_by_title", "_by_apposition", "_by_given_name", "_by_listed_demonym", "_by_public_figure"),
               "*": ("_by_title", "_by_apposition")}

    def __init__(self, nlp: Language, name: str = "entity_patterns", *, titles_path: str = str(TITLES_FILE),
                 roles_path: str = str(ROLES_FILE), given_names_path: str = str(GIVEN_NAMES_FILE),
                 public_figures_path: str = str(PUBLIC_FIGURES_FILE), heads_path: str = str(ENTITY_HEADS_FILE), common_words_path: str = str(AR_COMMON_WORDS_FILE),
                 function_words_path: str = str(FUNCTION_WORDS_FILE)) -> None:
        super().__init__(nlp, name)
        lang = self.lang
        titles = load_titles(titles_path)
        self.weak = set(titles.get(f"{lang}_weak", []))
        # Arabic: a one-word indefinite title with a possessive pronoun (سفيرتها، مؤسسها، رئيسه)
        # is a title with its complement said: the name may follow it directly.
        self.possessed = set(phrases([form for word in person_titles(titles_path).get(lang) or []
                                      if lang == "ar" and " " not in word and is_arabic_word_text(word)
                                      and not word.startswith(ARTICLE) for form in possessed_forms(word)])) - self.weak
        self.titles = Phrases(sorted(set(titles.get(lang, [])) | self.weak | self.possessed, key=lambda s: (-len(s), s)))
        self.one_word_titles = frozenset(t[0] for t in self.titles if len(t) == 1)
        self.roles = phrases(person_roles(roles_path).get(lang))
        given = given_names(given_names_path)
        # given names of the language's own and foreign ones written in its script (ar_foreign)
        self.given = phrases((given.get(lang) or []) + (given.get(f"{lang}_foreign") or []))
        self.foreign_given = frozenset(phrases(given.get(f"{lang}_foreign")))
        figures = public_figures(public_figures_path)
        self.public_figures = phrases((figures.get(lang) or []) + (figures.get(f"{lang}_surnames") or []))
        self.named_after_heads = frozenset(normalize(w) for w in given.get(f"{lang}_named_after_heads", []) or [])
        self.named_after_titles = frozenset(normalize(w) for w in given.get(f"{lang}_named_after_titles", []) or [])
        self.event_heads = frozenset(normalize(h) for h in (event_heads().get(lang) or {}).get("heads") or [])
        self.given_fused = {"".join(g) for g in self.given if len(g) > 1}
        self.given_words = {g[0] for g in self.given if len(g) == 1}
        # Words no name runs into, and the verbs of saying of the attribution cues (قال X،):
        # also with the conjunction glued to them (وقال، فأكد), see :meth:`_stops_name`.
        self.name_stops = frozenset(normalize(w) for w in given.get(f"{lang}_name_stops", []) or []) | (
            reporting_verbs(lang) if lang == "ar" else frozenset()) | self._stop_verbs(given.get(f"{lang}_name_stop_verbs"))
        self.ordinals = frozenset(normalize(w) for w in given.get(f"{lang}_regnal_ordinals", []) or [])
        self.title_adverbs = frozenset(normalize(w) for w in given.get(f"{lang}_title_adverbs", []) or [])
        # Place and body heads end no person name: "King Baudouin Stadium", "Place Sainctelette".
        heads = entity_heads(heads_path).get(lang) or {}
        self.not_name = frozenset(normalize(w) for w in given.get("latin_not_name", []) or []) | frozenset(
            h for spec in heads.values() if isinstance(spec, dict) for h in (normalize(x) for x in spec.get("heads", []))
            if " " not in h) if lang != "ar" else frozenset()
        # Arabic has no capitals: a name runs two words unless a link (بن، آل) carries it on.
        self.max_free = 2 if lang == "ar" else MAX_FREE_NAME_WORDS
        self.stop_words = stop_words(lang)
        self.craft_nouns = frozenset(model_entity_filters().get("craft_nouns") or [])
        self.portfolio = frozenset(normalize(w) for w in model_entity_filters().get("portfolio") or [])
        self.common = common_words(lang, common_words_path)
        # A common word or a one-word title with a conjunction glued to it ends a name
        # ("X وعدد من", "X ورئيس الوزراء"): see :meth:`_arabic_name_word`.
        self.glued_stems = self.common | {t[0] for t in self.titles if len(t) == 1}
        self.words = function_words(function_words_path)

    def _stop_verbs(self, verbs: list[str] | None) -> frozenset[str]:
        """Normalized perfect verbs (``ar_name_stop_verbs``) and their feminine (عرض -> عرضت،
        أعطى -> أعطت، دعا -> دعت), the given names among them left out."""
        forms = set()
        for written in verbs or []:
            verb = normalize(written)  # (a final hamza stays: بدأ -> بدأت; a final ى or ا goes)
            forms.add(verb)
            forms.add((verb[:-1] if written.endswith(("ى", "ا")) else verb) + "ت")
        return frozenset(forms - self.given_words)

    # -- name words -------------------------------------------------------------------------
    def _arabic_name_word(self, token: Token, previous: Token | None, marks: LexiconMarks) -> bool:
        n = norm(token)
        if not is_arabic_word(token) or len(n) < 2 or is_clitic(token) or token.text.endswith(_TANWEEN_FATH):
            return False  # رئيساً، حديثاً: an accusative noun or adverb is no name word
        if n in self.words.name_links and previous is not None and not is_clitic(previous):
            return True
        if n in self.words.name_continuations and previous is not None and is_arabic_word(previous) and not is_clitic(previous) \
                and norm(previous) not in AR_STOP and not is_definite(previous):
            return True  # كلام الله، نصر الله: a theophoric compound
        if self._particle_between_names(token, previous):
            return True
        if n in AR_STOP and n in self.given_words and token.text == n and previous is not None and (
                norm(previous) in self.words.name_links or norm(previous) in self.given_words):
            return True  # علي (also the preposition على written with ya) inside a name: محمد بن علي
        if n in AR_STOP or self._stops_name(n) or marks.demonym_at(token.i):
            return False
        if n not in self.given_words and (pronoun_suffixed(token.text) or glued_to_hamza(token.text)) \
                and not self._foreign_surname_in_ha(token, previous):
            return False  # مارك روته بأنها، X واهتمامه: a pronoun or a glued preposition ends the name
        if n not in self.given_words and without_conjunction(n, self.glued_stems) != n:
            return False  # ورئيس، وعدد: "and" + a title or a common word, not a name word
        if n not in self.given_words and self._glued_common(n):
            return False  # بمستوى، لشؤون، لساعات: a preposition glued to a common word
        if n.endswith("ا") and n[:-1] in self.glued_stems and n not in self.given_words:
            return False  # رئيسا جديدا: an accusative title or common word written without its tanween
        if token.i in marks.name and marks.type_at(token.i) in ("Country", "InternationalOrganization", "GovernmentAgency"):
            return False
        if previous is not None and is_clitic(previous):
            return False
        if n.startswith(ARTICLE) and not hamza_initial(token.text):
            return previous is not None and norm(previous) in self.words.name_links
        continued = token.i + 1 < len(token.doc) and norm(token.doc[token.i + 1]) in self.words.name_continuations
        if n in self.common and n not in self.given_words and not continued and not (
                previous is not None and norm(previous) in self.words.name_links):
            return False  # (a common word before الله is the first half of a name: نصر الله، فضل الله)
        return True

    def _foreign_surname_in_ha(self, token: Token, previous: Token | None) -> bool:
        """A surname written with a final ه right after a foreign given name (فالتر لوبكه،
        أنغيلا ميركه: German -ke, -e), which the pronoun check would read as "his": not after
        anything else, nor a common word or title with the pronoun (جون وزيره)."""
        text, n = token.text, norm(token)
        return (previous is not None and (norm(previous),) in self.foreign_given and text.endswith(PRONOUN_SUFFIXES[0])
                and not text.endswith(PRONOUN_SUFFIXES[1:]) and n[:-1] not in self.glued_stems
                and n[:-1] not in self.given_words)

    def _particle_between_names(self, token: Token, previous: Token | None) -> bool:
        """A European name's particle in Arabic script between two name words (بول فان
        تيغشلت، نيكول دو مور): after a word that is no function word and before an Arabic word
        that is none either (فإن after a name is the conjunction: "X فإن الحكومة")."""
        if norm(token) not in self.words.arabic_name_particles or previous is None or token.i + 1 >= len(token.doc):
            return False
        after = token.doc[token.i + 1]
        return (is_arabic_word(previous) and not is_clitic(previous) and norm(previous) not in AR_STOP
                and is_arabic_word(after) and not is_clitic(after) and norm(after) not in AR_STOP
                and not is_definite(after) and not self._stops_name(norm(after)))

    def _glued_common(self, n: str) -> bool:
        """The normalized word ``n`` is the preposition ب or ل (after و/ف or not) glued to a
        common word of four letters or more: بمستوى، لشؤون، وبعدد, never a name word (ك is left
        out: كمال، كامل are names)."""
        rest = n[1:] if n[:1] in CONJUNCTIONS else n
        return rest[:1] in NOUN_PREPOSITIONS and len(rest) > 4 and rest[1:] in self.common

    def _family_name(self, doc: Doc, i: int, marks: LexiconMarks, name_len: int) -> bool:
        """A definite family name closing an Arabic name (كريم الإدريسي، محمد علي الأمين): a
        nisba (-ي) after one name word, any definite name word after two."""
        token = doc[i]
        n = norm(token)
        if not is_definite(token) or len(n) < 5 or is_clitic(token) or (i > 0 and is_clitic(doc[i - 1])):
            return False
        if marks.demonym_at(i):
            # A nisba family name that is also a demonym (محمد شياع السوداني): after two name
            # words and right before punctuation; elsewhere the demonym describes.
            return name_len >= 2 and n.endswith("ي") and i + 1 < len(doc) and doc[i + 1].is_punct
        if n in AR_STOP or self._stops_name(n) or i in marks.name:
            return False
        # The common-word list holds names too (الحسين، المنصور): after two name words, a common
        # word closes a name only right before punctuation, and only one that is also a given
        # name or a nisba (not the object of a verb-first sentence: ودان الرئيس X Y الهجوم،).
        closed = i + 1 == len(doc) or doc[i + 1].is_punct
        stem = n[len(ARTICLE):]
        if stem in self.common and stem not in self.given_words and (not closed or stem in self.event_heads):
            # a definite common noun: the object after the name (X Y الأحكام في، X Y القمة،); before
            # punctuation only an event head (a family name may be a common word: فهد يوسف سعود الصباح،)
            return False
        if n in self.common:
            name_like = n[len(ARTICLE):] in self.given_words or n.endswith("ي")
            return name_len >= 2 and closed and name_like
        # After one known given name, right before punctuation: اللواء سامي العبادي،
        norms = token_view(doc).norms
        given_before = name_len == 1 and i > 0 and match_at(norms, i - 1, self.given) is not None
        if name_len >= 2 and not n.endswith("ي"):
            # After two name words a definite word that is no nisba is a family name only in a
            # name led by a known given name or a link (ناصر بن عبدالعزيز الداود): after a foreign
            # name it is the object of a verb-first sentence (وصف الوزير أولف كريسترسون الهجوم).
            # Nor after a foreign given name (جان لوي بيري الأحكام، دونالد ترامب القمة).
            start = i - name_len
            given = self._given_at(doc, norms, start, marks) if start >= 0 else 0
            return start >= 0 and ((given and tuple(norms[start:start + given]) not in self.foreign_given)
                                   or any(w in self.words.name_links for w in norms[start:i]))
        return name_len >= 2 or n.endswith("ي") or (closed and given_before)

    def _definite_given(self, doc: Doc, norms: list[str], i: int, marks: LexiconMarks) -> bool:
        """Arabic: a one-word given name written with the article at ``i`` (المختار، الهادي), no
        lexicon name or demonym, then a name word."""
        return (self.lang == "ar" and i + 1 < len(doc) and is_definite(doc[i]) and not is_clitic(doc[i - 1] if i else doc[i])
                and norms[i][len(ARTICLE):] in self.given_words and i not in marks.name and not marks.demonym_at(i)
                and self._arabic_name_word(doc[i + 1], doc[i], marks) and not is_definite(doc[i + 1]))

    def _given_country(self, doc: Doc, norms: list[str], i: int, marks: LexiconMarks) -> bool:
        """Arabic: a one-word country name at ``i`` that is also a given name (جورجيا), then a
        name word that is no lexicon name: a person's given name."""
        return (self.lang == "ar" and i + 1 < len(doc) and norms[i] in self.given_words and marks.country_at(i)
                and marks.name[i].end == i + 1 and (i + 1) not in marks.name and not is_definite(doc[i + 1])
                and self._arabic_name_word(doc[i + 1], doc[i], marks))

    def _given_family(self, doc: Doc, norms: list[str], start: int, marks: LexiconMarks) -> bool:
        """A one-word known given name at ``start`` then a definite family name (مريم
        المهدي): a definite word of five letters or more that is no function, common or
        lexicon word, demonym or name stop."""
        i = start + 1
        if i >= len(doc) or self._given_at(doc, norms, start, marks) != 1:
            return False
        token, n = doc[i], norms[i]
        return (is_definite(token) and len(n) >= 5 and not is_clitic(doc[i - 1]) and n not in AR_STOP
                and not self._stops_name(n) and n not in self.common and i not in marks.name
                and not marks.demonym_at(i))

    def _closes_name(self, doc: Doc, i: int) -> bool:
        """Punctuation, a function word, the preposition ب/ل glued to a definite word (بالقرار،
        للتشاور) or the text's end at ``i``: nothing more of a name."""
        return i >= len(doc) or doc[i].is_punct or norm(doc[i]) in AR_STOP or self._stops_name(norm(doc[i])) or (
            is_clitic(doc[i]) and norm(doc[i]) in NOUN_PREPOSITIONS and i + 1 < len(doc) and is_definite(doc[i + 1]))

    def _stops_name(self, n: str) -> bool:
        """The normalized word ``n`` is a name stop, with or without a conjunction glued to it
        (وقال، فأكد: a verb before a name is never part of it)."""
        return without_conjunction(n, self.name_stops) in self.name_stops

    def _closed_run(self, doc: Doc, start: int, end: int, marks: LexiconMarks) -> int:
        """End of an Arabic name past its free words: up to two more words, the second a name
        word or a definite family name, when punctuation closes them right after (الفريق محمد
        فريد حجازي، الشيخ ناصر خالد حمد العلي،: given, father's, grandfather's and family
        names); else ``end``, the name word at ``end`` left out."""
        k = end + 1
        if k < len(doc) and k - start < MAX_NAME_TOKENS and (
                self._name_word(doc, k, start, marks) or self._family_name(doc, k, marks, k - start)):
            k += 1
        while k > end and not self._closes_name(doc, k) and not self._common_definite(doc, k):
            k -= 1  # back off to the longest run that punctuation closes
        return k

    def _common_definite(self, doc: Doc, i: int) -> bool:
        """A definite common noun at ``i`` (الهجوم، القمة، الأحكام): the object of a verb-first
        sentence after its subject's name (ودان رئيس الوزراء X Y Z الهجوم), never part of it."""
        return i < len(doc) and is_definite(doc[i]) and not is_clitic(doc[i]) and norm(doc[i])[len(ARTICLE):] in self.common

    def _latin_name_word(self, token: Token, previous: Token | None) -> bool:
        text = token.text
        if text.lower() in self.words.latin_name_particles and previous is not None and (
                is_capitalized(previous) or previous.text.lower() in self.words.latin_name_particles):  # von der, dos
            return True
        if not is_capitalized(token) or "’" in text or "'" in text[1:]:
            return False
        if normalize(text) in self.not_name:
            return False
        if token.is_stop or text.lower() in self.stop_words:
            return False
        if token.ent_type_ in _NOT_PERSON_ENTS:
            return False
        if text.isupper() and len(text) > 1:
            return token.ent_type_ in ("PER", "PERSON")
        return True

    def _name_word(self, doc: Doc, i: int, start: int, marks: LexiconMarks) -> bool:
        previous = doc[i - 1] if i > 0 else None
        if self.lang == "ar":
            return (self._arabic_name_word(doc[i], previous, marks) and not self._glued_construct(doc, i, start)
                    and not self._noun_and_adjective(doc, i, start))
        return self._latin_name_word(doc[i], previous)

    def _noun_and_adjective(self, doc: Doc, i: int, start: int) -> bool:
        """Arabic: after two name words, a feminine noun that a feminine nisba adjective follows
        (X Y مكالمة هاتفية، X Y زيارة رسمية) is the verb's object, not a third name."""
        n = norm(doc[i])  # (the normalized forms write ة as ه: the written one tells the feminine)
        if not doc[i].text.endswith("ة") or len(n) < 4 or n in self.given_words or i + 1 >= len(doc):
            return False
        after = doc[i + 1].text
        if (not after.endswith("ية") or len(after) < 5 or norm(doc[i + 1]) in self.given_words
                or is_definite(doc[i + 1])):
            return False
        return self._name_words_before(doc, start, i) >= 2

    def _glued_construct(self, doc: Doc, i: int, start: int) -> bool:
        """Arabic: after two name words (links such as عبد not counted), ب/ل glued to a noun
        that a definite word follows (X Y بدعم الشراكة، X Y بثوابت السياسة، X Y لمكافحة الإرهاب) is a
        prepositional phrase in construct, not a third name: a family name that starts with ب
        (بوريطة، بوتفليقة) comes second, or after عبد X, or after a foreign given name."""
        n = norm(doc[i])
        if (n[:1] not in NOUN_PREPOSITIONS or len(n) < 4 or n in self.given_words or i + 1 >= len(doc)
                or not is_definite(doc[i + 1]) or is_clitic(doc[i + 1])):
            return False
        words = tuple(norm(doc[k]) for k in range(start, i))
        if any(words[:j] in self.foreign_given for j in range(1, len(words) + 1)):
            return False  # جان لوي بيري الأحكام: a foreign name's surname may start with ب
        return self._name_words_before(doc, start, i) >= 2

    def _name_words_before(self, doc: Doc, start: int, i: int) -> int:
        """How many words of the name from ``start`` come before ``i``, links (عبد، بن) not counted."""
        return sum(1 for k in range(start, i) if norm(doc[k]) not in self.words.name_links)

    def _glued_fa_name(self, doc: Doc, i: int, marks: LexiconMarks) -> bool:
        """Arabic: a name word the clitic splitter read as ف + a definite noun, at the start of a
        name (فالديسي، فالنتين: Val-, Wal-): the ف glued to a definite word that is no common
        word, lexicon name or demonym, and a name word after it."""
        if self.lang != "ar" or i + 2 >= len(doc) or not is_clitic(doc[i]) or norm(doc[i]) != FA:
            return False
        rest = doc[i + 1]
        n = norm(rest)
        return (is_definite(rest) and n[len(ARTICLE):] not in self.common and n not in self.common
                and (i + 1) not in marks.name and not marks.demonym_at(i + 1) and not self._stops_name(n)
                and n not in AR_STOP and self._arabic_name_word(doc[i + 2], None, marks))

    def _name_forward(self, doc: Doc, start: int, marks: LexiconMarks, max_free: int | None = None,
                      name_start: int | None = None) -> int:
        """End of the name words from ``start``; ``name_start``: where the name began, when a
        given name already read opens it (``start`` is then the word after it)."""
        max_free = self.max_free if max_free is None else max_free
        name_start = start if name_start is None else name_start
        end = start
        free = 0
        if self._glued_fa_name(doc, start, marks):
            end, free = start + 2, 1  # فالديسي X: one name word
        while end < len(doc) and end - start < MAX_NAME_TOKENS:
            if not self._name_word(doc, end, name_start, marks):
                # (after a free word: "آل سعود الوفد" is a name and a noun)
                # (after link + word only a nisba: "بن سلمان الوفد" is a name and a noun, "بن حمد البوسعيدي" a name)
                # (and a nisba after link + definite word: "محمد ولد الشيخ الغزواني")
                after_link = end - 2 >= start and norm(doc[end - 2]) in self.words.name_links
                # (or any family name right before punctuation: "منصور بن فهد الراشد،")
                closed = end + 1 >= len(doc) or doc[end + 1].is_punct
                if self.lang == "ar" and end > start and norm(doc[end - 1]) not in self.words.name_links and (
                        not is_definite(doc[end - 1]) or (after_link and norm(doc[end]).endswith("ي"))) and (
                        not after_link or norm(doc[end]).endswith("ي") or closed) and \
                        self._family_name(doc, end, marks, end - start):
                    end += 1  # a definite family name closes the name
                break
            if self.lang == "ar" and end - 2 >= start and norm(doc[end - 2]) in self.words.arabic_name_particles and \
                    norm(doc[end - 1]) not in self.words.arabic_name_particles and norm(doc[end]) not in self.words.arabic_name_particles:
                break  # مارك فان دير لاندن: the word after a particle's surname is no part of the name
            linked = end > start and (norm(doc[end - 1]) in self.words.name_links or doc[end - 1].text.lower() in self.words.latin_name_particles
                                      or norm(doc[end - 1]) in self.words.arabic_name_particles)
            if end + 2 < len(doc) and doc[end + 1].text in ("-", "‑") and not doc[end].whitespace_ \
                    and not doc[end + 1].whitespace_ and (is_capitalized(doc[end + 2]) if self.lang != "ar"
                                                          else self._arabic_name_word(doc[end + 2], doc[end], marks)):
                end += 2  # Jean-Philippe, توماس-غرينفيلد: one name word written with a hyphen
            if not linked and norm(doc[end]) not in self.words.name_links and norm(doc[end]) not in self.words.arabic_name_particles:
                if free >= max_free:
                    if self.lang == "ar":
                        end = self._closed_run(doc, start, end, marks)
                    break
                free += 1
            end += 1
        # A name never ends on a link word (بن، عبد) or a Latin particle.
        while end > start and (norm(doc[end - 1]) in self.words.name_links or doc[end - 1].text.lower() in self.words.latin_name_particles
                               or norm(doc[end - 1]) in self.words.arabic_name_particles):
            end -= 1
        # A sovereign's ordinal: الملك عبد الله الثاني, Mohammed VI.
        if start < end < len(doc) and (norm(doc[end]) in self.ordinals or (
                self.lang != "ar" and _ROMAN.match(doc[end].text) and doc[end].text != "I")):
            end += 1
        return end

    def _skip_modifiers(self, doc: Doc, i: int, marks: LexiconMarks) -> int:
        """Skip demonyms, countries and definite adjectives between a title and a name."""
        skipped = 0
        while i < len(doc) and skipped < MAX_MODIFIERS:
            token = doc[i]
            if norm(token) in self.title_adverbs:
                i += 1  # وزيرة الداخلية آنذاك X
            elif marks.demonym_at(i) or marks.country_at(i) or token.text in (",", "،"):
                span = marks.demonym.get(i) or marks.name.get(i)
                i = span.end if span is not None else i + 1
            elif self._post_place(doc, i, marks):
                i = marks.name[i + 1].end  # السفير الفرنسي في الرباط X: the place of the post
            elif self.lang == "ar" and (is_definite(token) or (is_clitic(token) and norm(token).endswith("ل"))) and not (
                    i > 0 and norm(doc[i - 1]) in self.words.name_links):
                i += 1
            elif self.lang != "ar" and token.is_lower and token.text.isalpha() and token.is_stop is False:
                i += 1
                # a hyphenated demonym: équato-guinéen, bosno-serbe
                if i + 1 < len(doc) and doc[i].text in ("-", "‑") and doc[i + 1].is_lower:
                    i += 2
            else:
                break
            skipped += 1
        return i

    def _post_place(self, doc: Doc, i: int, marks: LexiconMarks) -> bool:
        """Arabic: في/لدى at ``i`` then a lexicon place, the place of a title's post."""
        return (self.lang == "ar" and norm(doc[i]) in self.words.title_place_links and i + 1 < len(doc)
                and marks.type_at(i + 1) in ("City", "Country", "Location"))

    def _post_link(self, doc: Doc, i: int, marks: LexiconMarks) -> int:
        """Arabic, inside a title's complement: the end of the body or place of the post that a
        link at ``i`` introduces (في/لدى + a place, في/لدى + any lexicon name: المندوب لدى الأمم
        المتحدة; إلى + a country or city: المبعوث الخاص إلى ليبيا; the clitic ب + a country or
        city: سفير ألمانيا بالجزائر); ``i`` when there is none."""
        if i + 1 >= len(doc) or (i + 1) not in marks.name:
            return i
        n, typ = norm(doc[i]), marks.type_at(i + 1)
        if self._post_place(doc, i, marks) or n in self.words.title_body_links or (
                typ in ("Country", "City") and (n in self.words.title_destination_links
                                                or (is_clitic(doc[i]) and n == PREPOSITIONS[0]))):
            return marks.name[i + 1].end
        return i

    def _complement_clitic(self, doc: Doc, i: int) -> bool:
        """Arabic: a proclitic و/ب/ل glued to a definite word inside a title's complement
        (وزير الداخلية واللامركزية، المكلفة باللجوء والهجرة)."""
        return (is_clitic(doc[i]) and norm(doc[i]) in COMPLEMENT_PROCLITICS and i + 1 < len(doc)
                and is_definite(doc[i + 1]))

    def _name_after_genitive(self, doc: Doc, i: int, marks: LexiconMarks) -> tuple[int, int]:
        """Arabic: the name right after a title's genitive complement, with no comma
        ("رئيس هيئة الأركان الفرنسية آنذاك فرانسوا لوكوانتر ورئيس"): the complement its construct
        noun, definite words, ل + definite word, lexicon names, demonyms, the post's place
        and title adverbs (at most :data:`MAX_COMPLEMENT_WORDS` words); the name at least
        :data:`MIN_APPOSED_NAME_WORDS` name words, led by a given name or closed by
        punctuation, a function word or a conjunction + title. ``(i, i)`` when there is none."""
        k, words, definite = i, 0, False
        norms = token_view(doc).norms
        while k < len(doc) and words < MAX_COMPLEMENT_WORDS:
            token, n = doc[k], norm(doc[k])
            span = marks.name.get(k) or marks.demonym.get(k)
            if k > i and (self._definite_given(doc, norms, k, marks) or self._given_country(doc, norms, k, marks)):
                break  # قائد الأركان العامة الفريق المختار X، رئيسة مجلس الوزراء الإيطالي جورجيا X
            if span is not None:
                k, words, definite = span.end, words + 1, True
            elif n in self.title_adverbs or (is_clitic(token) and n.endswith("ل")):
                k += 1
            elif self._post_link(doc, k, marks) > k:
                k = self._post_link(doc, k, marks)
            elif self._complement_clitic(doc, k):
                k += 1
            elif is_definite(token) and n not in AR_STOP:
                k, words, definite = k + 1, words + 1, True
            elif k == i and is_arabic_word(token) and n not in AR_STOP and not is_clitic(token) and (
                    n not in self.common or (k + 1 < len(doc) and is_definite(doc[k + 1]))) \
                    and not match_at(token_view(doc).norms, k, self.given):
                k, words = k + 1, words + 1  # the construct noun: رئيس هيئة، مدير جهاز، رئيسة مجلس الوزراء
            else:
                break
        if not definite or k >= len(doc) or match_at(token_view(doc).norms, k, self.titles):
            return i, i
        start = k
        led = self._definite_given(doc, norms, start, marks) or self._given_country(doc, norms, start, marks)
        end = self._name_forward(doc, start + 1 if led else start, marks)
        given = led or bool(self._given_at(doc, token_view(doc).norms, start, marks))
        if end - start == 1 and self._given_family(doc, token_view(doc).norms, start, marks):
            end += 1  # وزيرة الخارجية السودانية مريم المهدي: a given name and a definite family name
        if end - start < MIN_APPOSED_NAME_WORDS:
            return i, i
        closed = self._closes_name(doc, end) or (
            end < len(doc) and norm(doc[end])[:1] in CONJUNCTIONS and without_conjunction(norm(doc[end]), self.glued_stems) != norm(doc[end]))
        return (start, end) if given or closed else (i, i)

    def _skip_complement(self, doc: Doc, norms: list[str], i: int) -> int:
        """Latin: a title's complement closed by a comma, then the name: "le ministre
        malien de la Sécurité, Moussa Traoré"; else ``i`` unchanged."""
        if self.lang == "ar" or i >= len(doc) or norms[i] not in self.words.title_complement_links:
            return i
        k = i
        while k < len(doc) and k - i < 10:
            t = doc[k]
            if t.text == ",":
                return k + 1 if k > i + 1 and is_capitalized(doc[k - 1]) or doc[k - 1].is_lower and k > i + 2 else i
            if not (norms[k] in self.words.title_complement_links or is_capitalized(t) or t.is_lower and t.is_alpha and k > i):
                return i
            k += 1
        return i

    def _apposed_after_complement(self, doc: Doc, i: int, marks: LexiconMarks) -> tuple[int, int]:
        """Arabic: the name set off by commas after a title's complement ("رئيس المكتب الاتحادي
        للشرطة الجنائية الألمانية، هولغر مونش،", "المديرة التنفيذية ليوروبول، كاثرين دي بول،"):
        the complement a genitive (a definite word or one with the clitic لـ) of at most
        :data:`MAX_COMPLEMENT_WORDS` words, the name at least two name words closed by a comma
        (or by other punctuation when it opens with a given name). ``(i, i)`` when there is none."""
        k, words, genitive = i, 0, False
        while k < len(doc) and words < MAX_COMPLEMENT_WORDS and doc[k].text not in ("،", ","):
            token = doc[k]
            post = self._post_link(doc, k, marks)
            if post > k:
                k, words, genitive = post, words + 1, True
                continue
            if self._complement_clitic(doc, k):
                k += 1
                continue
            if token.is_punct or not is_arabic_word(token) or norm(token) in AR_STOP:
                return i, i
            genitive = genitive or is_definite(token) or (is_clitic(token) and norm(token).endswith("ل")) or k in marks.name
            k, words = k + 1, words + 1
        if not genitive or k >= len(doc) or doc[k].text not in ("،", ","):
            return i, i
        start = k + 1
        if start >= len(doc) or is_definite(doc[start]) or match_at(token_view(doc).norms, start, self.titles):
            return i, i
        end = self._name_forward(doc, start, marks)
        if end - start < MIN_APPOSED_NAME_WORDS or not self._closes_name(doc, end) or (end < len(doc) and not doc[end].is_punct):
            return i, i
        # set off by a second comma, or opened by a given name: not the clause that goes on after
        # the apposition ("المدير السابق لـ Y، نشر كتابا.")
        if not (end < len(doc) and doc[end].text in ("،", ",")) and norm(doc[start]) not in self.given_words:
            return i, i
        return start, end

    def _vetoed(self, doc: Doc, start: int, end: int) -> bool:
        """A place or body head right after a Latin name: "King Baudouin Stadium"; a craft noun
        before its title: "the frigate Sultan Moulay Ismail"; a minister's portfolio alone, its
        articles aside ("le ministre malien de la Défense, le général X": no name before the
        comma) (``model_entity_filters.yaml``)."""
        if self.lang == "ar":
            return False
        if all(doc[k].is_lower or normalize(doc[k].text) in self.portfolio for k in range(start, end)):
            return True
        k = start - 1
        while k >= 0 and k >= start - 3 and is_capitalized(doc[k]):
            k -= 1
        return (end < len(doc) and normalize(doc[end].text) in self.not_name) or (
            k >= 0 and k < start - 1 and doc[k].text in self.craft_nouns)

    def _given_at(self, doc: Doc, norms: list[str], i: int, marks: LexiconMarks) -> int:
        """Length of the given name that starts at ``i`` (0 if none): a listed one, or a
        compound عبد + definite word (عبد الوافي)."""
        given = match_at(norms, i, self.given)
        if given:
            return len(given)
        if norms[i] in self.given_fused:
            return 1
        if norms[i] == "عبد" and i + 1 < len(doc) and is_definite(doc[i + 1]) and i + 1 not in marks.name:
            return 2
        return 0

    # -- cues ------------------------------------------------------------------------------
    def _by_title(self, doc: Doc, norms: list[str], marks: LexiconMarks) -> list[PersonMatch]:
        return scan_phrases(self.titles, norms, lambda i, title: self._title_name(doc, norms, i, title, marks))

    def _title_name(self, doc: Doc, norms: list[str], i: int, title: tuple[str, ...],
                    marks: LexiconMarks) -> PersonMatch | None:
        """The name a title at ``i`` introduces."""
        after = i + len(title)
        start = after
        # Arabic: after a title in the construct state (رئيس، نظيره، برئاسة) the next word is
        # its complement (رئيس جهاز، رئيس أركان), a name only when it is a known given name.
        construct = self.lang == "ar" and title not in self.possessed and all(
            is_arabic_word_text(w) and not w.startswith(ARTICLE) for w in title)
        given_led = after < len(doc) and bool(self._given_at(doc, norms, after, marks))
        end = start if construct and not given_led else self._name_forward(doc, start, marks)
        if end == start and self._definite_given(doc, norms, after, marks):
            end = self._name_forward(doc, after + 1, marks)  # الفريق المختار X Y: a given name with the article
        if end == start:
            start = self._skip_modifiers(doc, after, marks)
            start = self._skip_complement(doc, norms, start)
            # After modifiers, a word led by و/ف continues the phrase, it does not start a name.
            if start < len(doc) and norm(doc[start])[:1] in CONJUNCTIONS and not match_at(norms, start, self.given) and not (
                    start + 1 < len(doc) and self._name_word(doc, start + 1, start, marks)) and not self._glued_fa_name(doc, start, marks):
                end = start
            elif construct and start == after and not given_led:
                end = start
            else:
                end = self._name_forward(doc, start, marks)
        if self.lang == "ar" and end - start == 1 and self._given_family(doc, norms, start, marks):
            end += 1  # وزيرة الخارجية مريم المهدي: after a title, a given name and a definite family name
        if self.lang == "ar" and end - start == 1 and start > after and norms[start - 1] in self.given_words and marks.country_at(start - 1) \
                and not is_clitic(doc[start - 1]):
            start -= 1  # رئيسة الوزراء جورجيا X: a country's name that is also a given name, then one name word
        if end == start and self.lang == "ar" and title not in self.weak:
            start, end = self._apposed_after_complement(doc, after, marks)
            if end == start:
                start, end = self._name_after_genitive(doc, after, marks)
        if end > start and title in self.weak and (
                not given_led if self.lang == "ar" else end - start < 2 or marks.type_at(start)):
            end = start
        if end > start and self.lang != "ar" and (match_at(norms, start, self.titles) or match_at([norms[start] + "."], 0, self.titles)):
            end = start  # "Emir, Sheikh Tamim", "president Col. X": the inner title leads the name
        if end - start == 1 and self.lang == "ar" and (norms[start],) in self.foreign_given:
            end = start  # الصحفي بيتر ر. دي فريس: a foreign given name alone is a name cut short
        if end > start and not self._vetoed(doc, start, end):
            return PersonMatch(start, end, "Person", PersonCue("title", " ".join(title)))
        return None

    def _by_apposition(self, doc: Doc, norms: list[str], marks: LexiconMarks) -> list[PersonMatch]:
        found = []
        for i, text in enumerate(token_view(doc).texts):
            if text not in ("،", ","):
                continue
            j = i + 1
            if self.lang != "ar" and j < len(doc) and norms[j] in self.words.apposition_articles:
                j += 1
            role = match_at(norms, j, self.roles)
            if role is None and self.lang != "ar" and j + 1 < len(doc) and doc[j].is_lower and doc[j].is_alpha \
                    and not doc[j].is_stop and doc[j].lower_ not in self.stop_words:
                role = match_at(norms, j + 1, self.roles)  # "X, operational head of", "X, the deputy speaker"
            age = None
            if role is None and self.lang != "ar" and j < len(doc) and _AGE.match(doc[j].text) and (
                    j + 1 == len(doc) or norms[j + 1] in self.words.age_after):
                role = age = ("age",)  # "Karim Benali, 45, was", "Jean Dupont, 52 ans"
            if role is None:
                continue
            start = i
            if self.lang == "ar" and i > 1 and self._family_name(doc, i - 1, marks, 1) and \
                    self._name_word(doc, i - 2, i - 2, marks):
                start = i - 1  # كريم الإدريسي، المراقب العام
            while start > 0 and i - start < MAX_NAME_TOKENS - 1 and self._name_word(doc, start - 1, start - 1, marks):
                start -= 1
            if age and (i - start < 2 or marks.type_at(start)):
                continue
            if self.lang == "ar":
                # Without capitals, keep the given-name-led part when one is there.
                for k in range(start, i):
                    if match_at(norms, k, self.given):
                        start = k
                        break
                if i - start > 3:
                    start = i - 3
            while start < i and norms[start] in self.words.name_links:
                start += 1
            if self.lang != "ar":
                start = self._past_title_and_demonym(doc, norms, start, i, marks)
            if i > start and not self._vetoed(doc, start, i):
                found.append(PersonMatch(start, i, "Person", PersonCue("apposition", " ".join(role))))
        return found

    def _with_kunya(self, doc: Doc, norms: list[str], start: int) -> int:
        """Start of an Arabic name with the kunya before it (أبو عمر الدليمي, عن أبي بكر): the
        token before ``start`` when it is أبو/أبي, else ``start``."""
        if start > 0 and norms[start - 1] in self.words.kunya and not is_clitic(doc[start - 1]):
            return start - 1
        return start

    def _past_title_and_demonym(self, doc: Doc, norms: list[str], start: int, end: int, marks: LexiconMarks) -> int:
        """Latin: the start of a name found backwards from an apposition, past a capitalized
        title or demonym before it (Vice Admiral John Carter, la Française Claire
        Dubois); ``start`` when two name words would not remain."""
        k = start
        while k < end:
            title = match_at(norms, k, self.titles)
            if title is not None and title not in self.weak:
                k += len(title)
            elif marks.demonym_at(k):
                k = marks.demonym[k].end
            else:
                break
        return k if end - k >= 2 else start

    def _by_given_name(self, doc: Doc, norms: list[str], marks: LexiconMarks) -> list[PersonMatch]:
        found = []
        i = 0
        while i < len(doc):
            length = self._given_at(doc, norms, i, marks)
            if not length:  # most tokens: no given name starts here
                i += 1
                continue
            # after a clitic preposition no name starts (بكمال), after the conjunction one does
            # (صلاح عبد السلام ومحمد عبريني)
            glued = i > 0 and is_clitic(doc[i - 1]) and norms[i - 1] not in CONJUNCTIONS
            # a quoted name is a ship's, a unit's or an operation's (سفينة الدورية "دميتري X")
            glued = glued or (i > 0 and doc[i - 1].text in OPEN_QUOTES and not doc[i - 1].whitespace_
                              and not (i > 1 and norms[i - 2] in self.words.person_naming))
            if doc[i].text in AR_STOP_WRITTEN or not is_arabic_word(doc[i]) or glued or (
                    i in marks.name and marks.type_at(i) != "City"):
                i += 1
                continue
            end = self._name_forward(doc, i + length, marks, max_free=1, name_start=i)
            if end == i + length < len(doc) and (self._family_name(doc, end, marks, length) or norms[end] in self.ordinals):
                end += 1  # محمد المنفي، محمد السادس
            if end > i + length:
                found.append(PersonMatch(i, end, "Person", PersonCue("given_name")))
                i = end
            else:
                i += 1
        return found

    def _by_listed_demonym(self, doc: Doc, norms: list[str], marks: LexiconMarks) -> list[PersonMatch]:
        """Arabic: a name after a definite demonym that opens an item of a list, the title
        said once before the list ("وزراء الدفاع: المصري X، واليوناني Y، والقبرصي Z"): the
        demonym after a colon or a comma, or carrying the conjunction, and the name of at
        least :data:`MIN_APPOSED_NAME_WORDS` name words closed by punctuation."""
        found = []
        for i in range(len(doc)):
            span = marks.demonym.get(i)
            if span is None or span.start != i or not is_definite(doc[i]):
                continue
            # after a colon or a comma, or after "و" (a token of its own here) that follows one
            previous = doc[i - 1].text if i > 0 else ""
            opens_item = previous in (":", "،", ",") or (
                norm(doc[i - 1]) == CONJUNCTIONS[0] and i > 1 and doc[i - 2].text in ("،", ","))
            if not opens_item:
                continue
            start = span.end
            end = self._name_forward(doc, start, marks)
            if end - start < MIN_APPOSED_NAME_WORDS or (end < len(doc) and not doc[end].is_punct):
                continue
            found.append(PersonMatch(start, end, "Person", PersonCue("title", "")))
        return found

    def _by_public_figure(self, doc: Doc, norms: list[str], marks: LexiconMarks) -> list[PersonMatch]:
        """Arabic: a listed public figure's full name or the surname that names the figure alone
        (``public_figures.yaml``: ``ar``, ``ar_surnames``), also after a proclitic the clitic
        splitter cut off (وماكرون، بفولوديمير زيلينسكي)."""
        return scan_phrases(self.public_figures, norms,
                            lambda i, name: PersonMatch(i, i + len(name), "Person", PersonCue("public_figure")))

    def _names_a_place(self, doc: Doc, norms: list[str], start: int) -> bool:
        """Arabic: the name at ``start`` follows the head of a building, place or prize named
        after a person (ملعب الملك بودوان، بضريح محمد الخامس، وأكاديمية X، بالمركز الدولي
        للمؤتمرات X), past at most :data:`MAX_NAMED_AFTER_GAP` definite words, genitive clitics
        or the titles places are named with (الملك، الأمير: ``ar_named_after_titles``); not
        after another title (قاعدة X العقيد Y), nor a head in construct after a title (مدير مطار X، رئيس جامعة الأزهر X:
        the person who runs it)."""
        k = start - 1
        while k >= 0 and start - k <= MAX_NAMED_AFTER_GAP + 1:
            if self._place_head(norms[k]):
                return k == 0 or norms[k - 1] not in self.one_word_titles
            if norms[k] in self.one_word_titles and norms[k] not in self.named_after_titles:
                return False  # قاعدة X العميد Y: a rank before the name, a person at the place
            if doc[k].is_punct or not (is_definite(doc[k]) or is_clitic(doc[k]) or norms[k] in self.named_after_titles):
                return False
            k -= 1
        return False

    def _place_head(self, n: str) -> bool:
        """The normalized word ``n`` is a head of :meth:`_names_a_place`, with its article or a
        proclitic glued to it (المركز، بضريح، وأكاديمية، بالمركز)."""
        for clitic in ("",) + PROCLITICS:
            if not n.startswith(clitic):
                continue
            rest = n[len(clitic):]
            if rest in self.named_after_heads or (rest.startswith(ARTICLE) and rest[len(ARTICLE):] in self.named_after_heads):
                return True
        return False

    def _cut_at_surname(self, norms: list[str], found: list[PersonMatch]) -> list[PersonMatch]:
        """Arabic: a name ends before the conjunction glued to a surname the document gives in
        full elsewhere: "جورجيا ميلوني ونورديو" after "كارلو نورديو" (a list of surnames)."""
        surnames = {norms[m.end - 1] for m in found if m.end - m.start >= 2}
        out = []
        for m in found:
            end = m.end
            for k in range(m.start + 1, end):
                if norms[k][:1] in CONJUNCTIONS and norms[k][1:] in surnames:
                    end = k
                    break
            out.append(m._replace(end=end))
        return out

    def find(self, doc: Doc, norms: list[str], marks: LexiconMarks) -> list[PersonMatch]:
        found = super().find(doc, norms, marks)
        if self.lang == "ar":
            found = [m._replace(start=self._with_kunya(doc, norms, m.start)) for m in self._cut_at_surname(norms, found)
                     if not self._names_a_place(doc, norms, m.start)]
        return found

    def assign(self, doc: Doc, found: list[PersonMatch]) -> None:
        spans: list[Span] = []
        for match in longest_first(found):
            span = Span(doc, match.start, match.end, label=match.label)
            span._.person_cue = match.info
            spans.append(span)
        doc.spans["patterns"] = sorted(spans, key=lambda s: s.start)
