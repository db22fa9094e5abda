"""Token tests shared by the pattern recognizers (persons, head nouns, events).

They read what earlier components assigned: ``token.norm_`` (Arabic normalizer) and the
lexicon matcher's ``doc.spans["lexicon"]`` / ``doc.spans["demonyms"]``; they assign nothing.

Usage::

    marks = LexiconMarks(doc)
    marks.demonym_at(token.i)    # 'country/FR' when the token is part of a demonym
    is_definite(token)           # True for الداخلية, and for لأمن after the clitic ل
    view = token_view(doc)       # view.norms[i] == norm(doc[i]); view.text == doc.text
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from typing import Iterator

import numpy
from spacy.attrs import NORM, ORTH, SPACY
from spacy.tokens import Doc, Span, Token

from pipeline.language.morphology import ARTICLE, hamza_initial, is_proclitic
from pipeline.language.normalize import normalize
from pipeline.ontology_data import event_heads, given_names, person_roles, person_titles, word_list


# The last document seen and its language: Doc.lang_ asks the vocabulary's language
# getter each time, which costs more than the rest of norm().
_last_doc: list = [None, ""]


def norm(token: Token) -> str:
    """Matching form: the Arabic normalizer's NORM (which restores a fused article), else
    the folded text (the Latin models' NORM keeps accents)."""
    doc = token.doc
    if doc is not _last_doc[0]:
        _last_doc[:] = [doc, doc.lang_]
    if _last_doc[1] == "ar" and token.norm_:
        return token.norm_
    return normalize(token.text)


@dataclass(frozen=True)
class TokenView:
    """What the recognizers read of every token of a doc, read once: building Token objects
    and joining ``Doc.text`` cost more than the reads themselves."""

    text: str  # doc.text
    texts: list[str]  # token.text
    norms: list[str]  # norm(token)
    spaces: list[bool]  # whether whitespace follows the token
    signature: numpy.ndarray  # the ORTH, NORM, SPACY columns it was read from


_VIEW_KEY = "token_view"
_VIEW_ATTRS = [ORTH, NORM, SPACY]


def token_view(doc: Doc) -> TokenView:
    """The doc's :class:`TokenView`, kept in ``doc.user_data`` and read again when a
    component changed the tokens (clitic splitter), their norms or spaces since."""
    signature = doc.to_array(_VIEW_ATTRS).reshape(len(doc), len(_VIEW_ATTRS))
    view = doc.user_data.get(_VIEW_KEY)
    if isinstance(view, TokenView) and numpy.array_equal(view.signature, signature):
        return view
    strings = doc.vocab.strings
    orth_ids, norm_ids, spaces = ([int(v) for v in column] for column in signature.T)
    texts = [strings[h] for h in orth_ids]
    if doc.lang_ == "ar":  # as norm(): the normalizer's NORM, else the folded text
        norms = [strings[h] or normalize(t) for h, t in zip(norm_ids, texts)]
    else:
        norms = [normalize(t) for t in texts]
    spaces = [bool(s) for s in spaces]
    text = "".join(t + " " if s else t for t, s in zip(texts, spaces))
    view = TokenView(text, texts, norms, spaces, signature)
    doc.user_data[_VIEW_KEY] = view
    return view


def is_arabic_word(token: Token) -> bool:
    n = norm(token)
    return bool(n) and all("\u0621" <= c <= "\u064a" for c in n)


def is_definite(token: Token) -> bool:
    """An Arabic word with the article (its NORM restores it after a fused لل); not a word
    written with a hamza on its alef (ألكاش، ألمانيا), whose أل is no article."""
    n = norm(token)
    return is_arabic_word(token) and n.startswith(ARTICLE) and len(n) > 3 and not hamza_initial(token.text)


def is_clitic(token: Token) -> bool:
    """A proclitic split off by the clitic splitter (no space after it)."""
    return not token.whitespace_ and is_proclitic(norm(token))


def is_capitalized(token: Token) -> bool:
    return token.text[:1].isupper() and token.text[:1].isalpha()


class Phrases(list):
    """Word tuples (a plain list to its readers) that also know which of them start with
    each word, so :func:`match_at` tries only those."""

    def __init__(self, seqs=()) -> None:
        super().__init__(seqs)
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        for cand in self:
            self.by_first.setdefault(cand[0] if cand else "", []).append(cand)
        self.size = len(self) if "" not in self.by_first else -1  # -1: an empty tuple matches anywhere

    def starts(self, norms: list[str], begin: int = 0) -> list[int]:
        """The positions from ``begin`` on where a candidate may match (a first word of one
        stands there), in order: the only ones worth a :func:`match_at`."""
        if self.size != len(self):  # an empty tuple, or changed since it was built: any position
            return list(range(begin, len(norms)))
        return list(compress(range(begin, len(norms)), map(self.by_first.__contains__, norms[begin:])))

    def matches(self, norms: list[str], begin: int = 0) -> Iterator[tuple[int, tuple[str, ...]]]:
        """``(position, longest candidate matching there)`` for each position from ``begin`` on
        where one matches, in order."""
        for i in self.starts(norms, begin):
            found = match_at(norms, i, self)
            if found is not None:
                yield i, found

    def found_in(self, norms: list[str]) -> bool:
        """False when no candidate can match anywhere in ``norms`` (no first word of one is there)."""
        if self.size != len(self):  # an empty tuple matches anywhere; or changed since it was built
            return True
        return not self.by_first.keys().isdisjoint(norms)


def phrases(words: list[str] | None) -> list[tuple[str, ...]]:
    """Normalized word tuples, longest first."""
    seqs = {tuple(normalize(w).split()) for w in words or [] if w and w.strip()}
    return Phrases(sorted(seqs, key=lambda s: (-len(s), s)))


def match_at(norms: list[str], i: int, candidates: list[tuple[str, ...]]) -> tuple[str, ...] | None:
    """The longest candidate word sequence starting at token ``i``."""
    first = norms[i] if i < len(norms) else None
    if getattr(candidates, "size", -1) == len(candidates):  # an unchanged Phrases
        for cand in candidates.by_first.get(first, ()):  # in list order, as below
            if tuple(norms[i:i + len(cand)]) == cand:
                return cand
        return None
    for cand in candidates:
        # The first word rules out almost every candidate before a slice is built.
        if (not cand or cand[0] == first) and tuple(norms[i:i + len(cand)]) == cand:
            return cand
    return None


class LexiconMarks:
    """Per-token view of the lexicon matcher's spans: names, their types and demonyms."""

    def __init__(self, doc: Doc) -> None:
        self.name: dict[int, Span] = {}
        self.demonym: dict[int, Span] = {}
        names, demonyms = doc.spans.get("lexicon", []), doc.spans.get("demonyms", [])
        for span in names:
            for i in range(span.start, span.end):
                self.name[i] = span
        for span in demonyms:
            for i in range(span.start, span.end):
                self.demonym[i] = span
        self.sizes = (len(names), len(demonyms))  # of the span groups read (lexicon_marks)

    def type_at(self, i: int) -> str | None:
        span = self.name.get(i)
        return span.label_ if span is not None else None

    def demonym_at(self, i: int) -> str | None:
        span = self.demonym.get(i)
        return (span.kb_id_ or "?") if span is not None else None

    def country_at(self, i: int) -> str | None:
        span = self.name.get(i)
        if span is not None and span.label_ == "Country":
            return span.kb_id_ or "?"
        return None


# The marks of the last doc read, with the span groups they were read from: the entity
# components and recognize_entities each read them, and the groups change only when the
# lexicon matcher sets them.
_last_marks: list = [None, None, None, None]


def lexicon_marks(doc: Doc) -> LexiconMarks:
    """``LexiconMarks(doc)``, read again only when the doc or its lexicon span groups changed
    (the marks are read, never changed, by their users)."""
    names, demonyms = doc.spans.get("lexicon"), doc.spans.get("demonyms")
    cached_doc, cached_names, cached_demonyms, marks = _last_marks
    if (doc is not cached_doc or names is not cached_names or demonyms is not cached_demonyms
            or marks.sizes != (len(names or ()), len(demonyms or ()))):
        marks = LexiconMarks(doc)
        _last_marks[:] = [doc, names, demonyms, marks]
    return marks


def yaml_words(files: tuple[dict, ...], lang: str) -> set[str]:
    """Every normalized word of the ``lang`` part of pattern files (lists or nested maps of strings)."""
    words: set[str] = set()
    for data in files:
        stack = [data.get(lang)]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, str):
                words.update(normalize(item).split())
    return words


@lru_cache(maxsize=1)
def known_arabic_words() -> frozenset[str]:
    """Normalized whole Arabic words of the pattern lists and the common-word list: a word
    listed here (وزير، لجنة) is not a proclitic plus a stem (و + زير)."""
    words = set(word_list())
    words |= yaml_words((person_titles(), person_roles(), given_names(), event_heads()), "ar")
    words |= yaml_words((given_names(),), "ar_foreign")
    return frozenset(w for w in words if w and all("\u0621" <= c <= "\u064a" for c in w))
