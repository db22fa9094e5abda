"""What the pattern components (``entity_patterns``, ``head_noun_patterns``,
``event_patterns``) share: the per-doc views they read, language dispatch, quoting, stop
words and function words (``entity_function_words.yaml``), phrase scans, and settling
overlaps between the names they found.

A component subclasses :class:`EntityComponent` and is registered as a spaCy factory on
the class itself (``@Language.factory(name, assigns=[...], default_config={...})``), so
``nlp.add_pipe(name, config={...})`` builds it from config with typed keyword-only
parameters.

Usage::

    @Language.factory("my_patterns", assigns=["doc.spans"], default_config={"path": PATH})
    class MyPatterns(EntityComponent):
        finders = {"ar": ("_arabic",), "fr": ("_latin",), "en": ("_latin",)}

        def __init__(self, nlp: Language, name: str = "my_patterns", *, path: str = PATH) -> None:
            super().__init__(nlp, name)

        def _arabic(self, doc, norms, marks): ...   # -> list of matches
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, ClassVar, Iterable, NamedTuple, Sequence, TypeVar

import spacy
from spacy.lang.ar.stop_words import STOP_WORDS as _AR_STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.entities.tokens import LexiconMarks, Phrases, lexicon_marks, token_view
from pipeline.language.normalize import normalize
from pipeline.ontology_data import AR_COMMON_WORDS_FILE, PATTERNS_DIR, entity_function_words, word_list

# spaCy's Arabic stop words in normalized form: the recognizers compare them with ``norm()``.
AR_STOP = frozenset(normalize(w) for w in _AR_STOP_WORDS)
# As written: the given-name scan tests the token text itself.
AR_STOP_WRITTEN = frozenset(_AR_STOP_WORDS)


def stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop words of ``lang`` as written (empty for a language spaCy has no class for)."""
    try:
        return frozenset(spacy.util.get_lang_class(lang).Defaults.stop_words)
    except Exception:  # a language spaCy has no class for
        return frozenset()


def common_words(lang: str, path: str = str(AR_COMMON_WORDS_FILE)) -> frozenset[str]:
    """Frequent Arabic words that name nothing (``ar_common_words.txt``); empty for other languages."""
    return word_list(path) if lang == "ar" else frozenset()


FUNCTION_WORDS_FILE = PATTERNS_DIR / "entity_function_words.yaml"


@dataclass(frozen=True)
class FunctionWords:
    """The function words of ``entity_function_words.yaml`` (its comments say what each is)."""

    name_links: frozenset[str]
    kunya: frozenset[str]
    latin_name_particles: frozenset[str]
    arabic_name_particles: frozenset[str]
    age_after: frozenset[str]
    title_complement_links: frozenset[str]
    arabic_locatives: frozenset[str]
    place_prepositions: frozenset[str]
    town_of: frozenset[tuple[str, str]]  # (noun, preposition): ("town", "of")
    name_connectors: frozenset[str]
    french_de: frozenset[str]
    french_et_de: frozenset[str]
    french_links: frozenset[str]
    year_cues: frozenset[str]
    naming: frozenset[str]
    event_complements: frozenset[str]
    articles: frozenset[str]
    demonstratives: frozenset[str]
    place_determiners: frozenset[str]
    of_place: frozenset[str]
    date_links: frozenset[str]
    naming_links: frozenset[str]
    target_links: frozenset[str]
    indefinite_articles: frozenset[str]
    apposition_articles: frozenset[str]
    role_articles: frozenset[str]
    title_place_links: frozenset[str]
    title_body_links: frozenset[str]
    title_destination_links: frozenset[str]
    name_continuations: frozenset[str]
    person_naming: frozenset[str]


@lru_cache(maxsize=4)
def function_words(path: str = str(FUNCTION_WORDS_FILE)) -> FunctionWords:
    """The function words of ``path``, as written there (the file gives norms in normalized form)."""
    data = entity_function_words(path)
    town_of = frozenset((noun, prep) for prep, nouns in data["town_of"].items() for noun in nouns)
    return FunctionWords(**{k: frozenset(v) for k, v in data.items() if k != "town_of"}, town_of=town_of)


class TokenRange(NamedTuple):
    """Tokens ``start:end`` of a doc."""

    start: int
    end: int


@dataclass(frozen=True)
class Quoting:
    """Quote marks that open and close a name, and how many words a quoted name may hold."""

    opens: frozenset[str]
    closes: frozenset[str]
    max_words: int

    def after(self, doc: Doc, j: int) -> TokenRange | None:
        """Token range of a quoted name whose opening quote is at ``j`` (the quotes excluded)."""
        if j >= len(doc) or doc[j].text not in self.opens:
            return None
        for k in range(j + 1, min(len(doc), j + 2 + self.max_words)):
            if doc[k].text in self.closes:
                return TokenRange(j + 1, k) if k > j + 1 else None
        return None


OPEN_QUOTES = frozenset({"«", "“", '"', "„", "'"})
CLOSE_QUOTES = frozenset({"»", "”", '"', "'"})
_SINGLE_QUOTES = frozenset({"‘", "’"})
# A body's or place's name: صحيفة «ديلي تلغراف» (five words at most).
NAME_QUOTING = Quoting(OPEN_QUOTES, CLOSE_QUOTES, max_words=5)
# An event's name, also in single curly quotes: operation ‘TRIDENT SHIELD’ (six words at most).
EVENT_QUOTING = Quoting(OPEN_QUOTES | _SINGLE_QUOTES, CLOSE_QUOTES | _SINGLE_QUOTES, max_words=6)


class Match(NamedTuple):
    """A name a component found: tokens ``start:end``, and what it knows of the name."""

    start: int
    end: int
    label: str
    info: object


M = TypeVar("M", bound=Match)


def longest_first(found: Iterable[M]) -> list[M]:
    """The matches that survive when longer ones win (then earlier ones): no two share a token."""
    kept: list[M] = []
    taken: set[int] = set()
    for match in sorted(found, key=lambda f: (-(f.end - f.start), f.start)):
        if taken & set(range(match.start, match.end)):
            continue
        taken |= set(range(match.start, match.end))
        kept.append(match)
    return kept


def scan_phrases(phrases: Phrases, norms: list[str], read: Callable[[int, tuple[str, ...]], M | None], *,
                 resumes: bool = True) -> list[M]:
    """What ``read(i, phrase)`` makes of each phrase found in ``norms`` (``None``: nothing), in
    text order; with ``resumes``, no phrase inside the last match is read."""
    found: list[M] = []
    resume = 0
    for i, phrase in phrases.matches(norms):
        if i < resume:
            continue
        match = read(i, phrase)
        if match is not None:
            found.append(match)
            if resumes:
                resume = match.end
    return found


class EntityComponent:
    """Base of the pattern components: ``name`` and ``lang`` from the pipeline, and a call
    that reads the doc's token norms and lexicon marks once and hands them to the finders
    of the doc's language (``finders``: language -> method names, ``"*"`` for any other)."""

    finders: ClassVar[dict[str, Sequence[str]]] = {}

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.lang = nlp.lang

    def find(self, doc: Doc, norms: list[str], marks: LexiconMarks) -> list:
        """Every match of the finders of this component's language, in finder order."""
        names = self.finders.get(self.lang, self.finders.get("*", ()))
        found: list = []
        for method in names:
            found += getattr(self, method)(doc, norms, marks)
        return found

    def assign(self, doc: Doc, found: list) -> None:
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        self.assign(doc, self.find(doc, token_view(doc).norms, lexicon_marks(doc)))
        return doc
