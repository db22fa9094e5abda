"""``entity_patterns``: person names that no lexicon holds, found by the words around them.

Three cues, all read from data under ``ontology/patterns/``:

- a title or role before the name (``person_titles.yaml``: السيد، الوزير، رئيس، M.,
  le ministre, President, Maj. Gen.), possibly with modifiers between them: a demonym,
  a country or a definite adjective (الرئيس الأميركي فرانكلين روزفلت, رئيس النيجر محمد
  يوسف, Le président français, Emmanuel Macron);
- a role in apposition after the name (``person_roles.yaml``): "جون برينان، مستشار",
  "Alexandre Prunas, ambassadeur";
- in Arabic, a known given name (``given_names.yaml``) followed by name words
  (باراك أوباما), since Arabic script has no capitals.

Arabic name words are words that are not function words, common words
(``ontology/lexicons/curated/ar_common_words.txt``), definite nouns (except after a
link: عبد اللطيف، آل سعود) or lexicon names; Latin name words are capitalized.

Assigns ``doc.spans["patterns"]``, ``label_`` "Person"; the span's cue is in
``doc.user_data["person_cues"][(start_char, end_char)]`` ("title", "apposition",
"given_name") with the role words when there were some.

Usage::

    nlp = spacy.blank("ar")
    nlp.add_pipe("entity_patterns")
    doc = nlp("قال السيد عبد اللطيف حموشي إن")
    [s.text for s in doc.spans["patterns"]]  # ['عبد اللطيف حموشي']
"""
from __future__ import annotations

import spacy
from spacy.lang.ar.stop_words import STOP_WORDS as AR_STOP
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.entities.tokens import (
    AR_COMMON_FILE,
    NAME_LINKS,
    PATTERNS_DIR,
    LexiconMarks,
    is_arabic_word,
    is_capitalized,
    is_clitic,
    is_definite,
    load_word_list,
    load_yaml,
    match_at,
    norm,
    phrases,
)
from pipeline.language.normalize import normalize

TITLES_FILE = PATTERNS_DIR / "person_titles.yaml"
ROLES_FILE = PATTERNS_DIR / "person_roles.yaml"
GIVEN_NAMES_FILE = PATTERNS_DIR / "given_names.yaml"
_AR_STOP = frozenset(normalize(w) for w in AR_STOP)
MAX_NAME_TOKENS = 5
MAX_MODIFIERS = 3
_NOT_PERSON_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "NORP"}
MAX_FREE_NAME_WORDS = 3  # words not introduced by a link (بن، آل، von): more only through links
_LATIN_PARTICLES = {"von", "der", "van", "de", "di", "da", "del", "al", "el", "bin", "ben", "la", "le", "du"}


def _stop_words(lang: str) -> frozenset[str]:
    try:
        return frozenset(spacy.util.get_lang_class(lang).Defaults.stop_words)
    except Exception:  # a language spaCy has no class for
        return frozenset()


def load_titles(path: str = str(TITLES_FILE)) -> dict[str, list[tuple[str, ...]]]:
    """Titles per language as tuples of normalized words, longest first."""
    return {lang: phrases(words) for lang, words in load_yaml(path).items()}


@Language.factory(
    "entity_patterns",
    assigns=["doc.spans", "doc.user_data"],
    default_config={
        "titles_path": str(TITLES_FILE),
        "roles_path": str(ROLES_FILE),
        "given_names_path": str(GIVEN_NAMES_FILE),
    },
)
def make_entity_patterns(nlp: Language, name: str, titles_path: str, roles_path: str,
                         given_names_path: str) -> "EntityPatterns":
    return EntityPatterns(name=name, lang=nlp.lang, titles_path=titles_path, roles_path=roles_path,
                          given_names_path=given_names_path)


class EntityPatterns:
    """Marks person names introduced by a title, a role apposition or a given name."""

    def __init__(self, *, name: str = "entity_patterns", lang: str = "xx", titles_path: str = str(TITLES_FILE),
                 roles_path: str = str(ROLES_FILE), given_names_path: str = str(GIVEN_NAMES_FILE)) -> None:
        self.name = name
        self.lang = lang
        self.titles = load_titles(titles_path).get(lang, [])
        self.roles = phrases(load_yaml(roles_path).get(lang))
        given = load_yaml(given_names_path)
        self.given = phrases(given.get(lang))
        self.given_fused = {"".join(g) for g in self.given if len(g) > 1}
        self.name_stops = frozenset(normalize(w) for w in given.get(f"{lang}_name_stops", []) or [])
        # Arabic has no capitals: a name runs two words unless a link (بن، آل) carries it on.
        self.max_free = 2 if lang == "ar" else MAX_FREE_NAME_WORDS
        self.stop_words = _stop_words(lang)
        self.common = load_word_list(str(AR_COMMON_FILE)) if lang == "ar" else frozenset()

    # -- name words -------------------------------------------------------------------------
    def _arabic_name_word(self, token: Token, previous: Token | None, marks: LexiconMarks) -> bool:
        n = norm(token)
        if not is_arabic_word(token) or len(n) < 2 or is_clitic(token):
            return False
        if n in NAME_LINKS and previous is not None and not is_clitic(previous):
            return True
        if n in _AR_STOP or n in self.name_stops or marks.demonym_at(token.i):
            return False
        if token.i in marks.name and marks.type_at(token.i) in ("Country", "InternationalOrganization", "GovernmentAgency"):
            return False
        if previous is not None and is_clitic(previous):
            return False
        if n.startswith("ال"):
            return previous is not None and norm(previous) in NAME_LINKS
        if n in self.common and not (previous is not None and norm(previous) in NAME_LINKS):
            return False
        return True

    def _latin_name_word(self, token: Token, previous: Token | None) -> bool:
        text = token.text
        if text.lower() in _LATIN_PARTICLES and previous is not None and is_capitalized(previous):
            return True
        if not is_capitalized(token) or "’" in text or "'" in text[1:]:
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
            return self._arabic_name_word(doc[i], previous, marks)
        return self._latin_name_word(doc[i], previous)

    def _name_forward(self, doc: Doc, start: int, marks: LexiconMarks, max_free: int | None = None) -> int:
        max_free = self.max_free if max_free is None else max_free
        end = start
        free = 0
        while end < len(doc) and end - start < MAX_NAME_TOKENS and self._name_word(doc, end, start, marks):
            linked = end > start and (norm(doc[end - 1]) in NAME_LINKS or doc[end - 1].text.lower() in _LATIN_PARTICLES)
            if not linked and norm(doc[end]) not in NAME_LINKS:
                if free >= max_free:
                    break
                free += 1
            end += 1
        # A name never ends on a link word (بن، عبد) or a Latin particle.
        while end > start and (norm(doc[end - 1]) in NAME_LINKS or doc[end - 1].text.lower() in _LATIN_PARTICLES):
            end -= 1
        return end

    def _skip_modifiers(self, doc: Doc, i: int, marks: LexiconMarks) -> int:
        """Skip demonyms, countries and definite adjectives between a title and a name."""
        skipped = 0
        while i < len(doc) and skipped < MAX_MODIFIERS:
            token = doc[i]
            if marks.demonym_at(i) or marks.country_at(i) or token.text in (",", "،"):
                span = marks.demonym.get(i) or marks.name.get(i)
                i = span.end if span is not None else i + 1
            elif self.lang == "ar" and (is_definite(token) or (is_clitic(token) and norm(token).endswith("ل"))) and not (
                    i > 0 and norm(doc[i - 1]) in NAME_LINKS):
                i += 1
            elif self.lang != "ar" and token.is_lower and token.text.isalpha() and token.is_stop is False:
                i += 1
            else:
                break
            skipped += 1
        return i

    # -- cues ------------------------------------------------------------------------------
    def _by_title(self, doc: Doc, norms: list[str], marks: LexiconMarks) -> list[tuple[int, int, str, str]]:
        found = []
        i = 0
        while i < len(doc):
            title = match_at(norms, i, self.titles)
            if title is None:
                i += 1
                continue
            after = i + len(title)
            start = after
            end = self._name_forward(doc, start, marks)
            if end == start:
                start = self._skip_modifiers(doc, after, marks)
                # After modifiers, a word led by و/ف continues the phrase, it does not start a name.
                if start < len(doc) and norm(doc[start])[:1] in ("و", "ف") and not match_at(norms, start, self.given):
                    end = start
                else:
                    end = self._name_forward(doc, start, marks)
            if end > start:
                found.append((start, end, "title", " ".join(title)))
            i = max(end, i + 1)
        return found

    def _by_apposition(self, doc: Doc, norms: list[str], marks: LexiconMarks) -> list[tuple[int, int, str, str]]:
        found = []
        for i, token in enumerate(doc):
            if token.text not in ("،", ","):
                continue
            j = i + 1
            if self.lang != "ar" and j < len(doc) and norms[j] in ("le", "la", "l'", "the", "a", "an"):
                j += 1
            role = match_at(norms, j, self.roles)
            if role is None:
                continue
            start = i
            while start > 0 and i - start < MAX_NAME_TOKENS - 1 and self._name_word(doc, start - 1, start - 1, marks):
                start -= 1
            if self.lang == "ar":
                # Without capitals, keep the given-name-led part when one is there.
                for k in range(start, i):
                    if match_at(norms, k, self.given):
                        start = k
                        break
                if i - start > 3:
                    start = i - 3
            while start < i and norms[start] in NAME_LINKS:
                start += 1
            if i > start:
                found.append((start, i, "apposition", " ".join(role)))
        return found

    def _by_given_name(self, doc: Doc, norms: list[str], marks: LexiconMarks) -> list[tuple[int, int, str, str]]:
        found = []
        i = 0
        while i < len(doc):
            given = match_at(norms, i, self.given)
            length = len(given) if given else (1 if norms[i] in self.given_fused else 0)
            if not length or doc[i].text in AR_STOP or not is_arabic_word(doc[i]) or (i > 0 and is_clitic(doc[i - 1])) or (
                    i in marks.name and marks.type_at(i) != "City"):
                i += 1
                continue
            end = self._name_forward(doc, i + length, marks, max_free=1)
            if end > i + length:
                found.append((i, end, "given_name", ""))
                i = end
            else:
                i += 1
        return found

    def __call__(self, doc: Doc) -> Doc:
        marks = LexiconMarks(doc)
        norms = [norm(t) for t in doc]
        found = self._by_title(doc, norms, marks) + self._by_apposition(doc, norms, marks)
        if self.lang == "ar":
            found += self._by_given_name(doc, norms, marks)
        spans: list[Span] = []
        cues: dict[tuple[int, int], dict[str, str]] = {}
        taken: set[int] = set()
        for start, end, cue, role in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
            if taken & set(range(start, end)):
                continue
            taken |= set(range(start, end))
            span = Span(doc, start, end, label="Person")
            spans.append(span)
            cues[(span.start_char, span.end_char)] = {"cue": cue, "role": role}
        doc.spans["patterns"] = sorted(spans, key=lambda s: s.start)
        doc.user_data["person_cues"] = cues
        return doc
