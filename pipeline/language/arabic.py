"""spaCy components for Arabic text: normalization, proclitic splitting, sentences.

No pretrained Arabic pipeline exists here, so ``build_arabic_nlp`` starts from
``spacy.blank("ar")`` and adds, in order:

- ``arabic_clitic_splitter``: splits the proclitics و ف ب ل ك (and their pairs) off a
  token when the rest is a definite noun (ال...) or a known stem, and the fused لل form
  (للأمن -> ل + لأمن, normed الامن); never a word it is told to keep whole (a given name
  such as فالتر, Walter, is no ف + التر), and only the conjunction و/ف off one of those
  (وإيفان -> و + إيفان). ``doc.text`` is unchanged: the pieces are written
  exactly as in the text, only the token boundaries move.
- ``arabic_normalizer``: assigns ``token.norm_`` (see :mod:`pipeline.language.normalize`).
- ``arabic_sentencizer``: sentence starts after . ! ? ؟ ؛ and at line breaks; a blank-line
  token ("\n\n") stays with the sentence before it.

Usage::

    nlp = build_arabic_nlp()
    doc = nlp("وفرنسا والمغرب")
    [t.text for t in doc]   # ['و', 'فرنسا', 'و', 'المغرب']
"""
from __future__ import annotations

from collections.abc import Iterable

import numpy
import spacy
from spacy.attrs import NORM, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_prefix_regex, compile_suffix_regex

from pipeline.language.morphology import PROCLITIC_BEFORE_QUOTE, PROCLITICS, rest_norm, split_proclitic
from pipeline.language.normalize import normalize

SENTENCE_END = {".", "!", "?", "؟", "؛", "...", "…"}

# A proclitic written on an opening quote (و"بوسيدون"، و«فلينتلوك») is a token of its own,
# so the quoted name is read as one.
_EXTRA_PREFIXES = [r"\.+", "“", "«", r"\(", r"\[", '"', "'", PROCLITIC_BEFORE_QUOTE]
_EXTRA_SUFFIXES = [r"\.+", "،", "؛", "؟", "”", "»", r"\)", r"\]", ":", '"', "'", "!"]


_WORDS_MAX = 100_000  # words kept by a clitic splitter before it starts again


def token_words(doc: Doc) -> list[tuple[str, str]]:
    """``(token.text, token.whitespace_)`` of each token, read from the doc's arrays: a Token
    object made for each token cost these components more than their own work."""
    strings = doc.vocab.strings
    return [(strings[orth], " " if space else "") for orth, space in doc.to_array([ORTH, SPACY]).tolist()]


@Language.factory(
    "arabic_clitic_splitter",
    assigns=["token.orth"],
    default_config={"stems": []},
)
def make_clitic_splitter(nlp: Language, name: str, stems: list[str]) -> "ArabicCliticSplitter":
    return ArabicCliticSplitter(name=name, stems=stems)


class ArabicCliticSplitter:
    """Splits و ف ب ل ك proclitics off tokens (see module docstring)."""

    def __init__(self, *, name: str = "arabic_clitic_splitter", stems: Iterable[str] = ()) -> None:
        self.name = name
        self.stems = frozenset(normalize(s) for s in stems)
        # split_proclitic of each word seen (words repeat across documents), for the stems
        # it was found with: a new stems set starts it again.
        self._parts: dict[str, tuple[str, str] | None] = {}
        self._parts_stems: frozenset[str] = self.stems
        # Whole words never split, though a proclitic and an article seem to open them: given
        # names in Arabic script (فالتر Walter, فالنتينو Valentino, كارل Karl).
        self.whole: frozenset[str] = frozenset()
        # ... and split after the conjunction و/ف alone (وإيفان -> و + إيفان).
        self.conjunct_stems: frozenset[str] = frozenset()

    def add_stems(self, stems: Iterable[str]) -> None:
        self.stems = self.stems | {normalize(s) for s in stems}

    def keep_whole(self, words: Iterable[str]) -> None:
        """Never split these words (as :func:`normalize` writes them); split the conjunction و/ف
        off them (and only it)."""
        self.whole = self.whole | {normalize(w) for w in words}
        self.conjunct_stems = self.whole
        self._parts = {}

    def split_of(self, text: str) -> tuple[str, str] | None:
        """:func:`split_proclitic` of ``text`` with this splitter's stems (kept per word)."""
        if self._parts_stems is not self.stems:
            self._parts, self._parts_stems = {}, self.stems
        parts = self._parts.get(text, False)
        if parts is False:
            parts = None if normalize(text) in self.whole else split_proclitic(text, self.stems, self.conjunct_stems)
            if len(self._parts) >= _WORDS_MAX:
                self._parts = {}
            self._parts[text] = parts
        return parts

    def __call__(self, doc: Doc) -> Doc:
        splits = []
        for i, (text, _) in enumerate(token_words(doc)):
            parts = self.split_of(text)
            if parts and parts[1]:
                splits.append((doc[i], parts))
        if splits:
            with doc.retokenize() as retok:
                for token, (clitic, rest) in splits:
                    retok.split(token, [clitic, rest], heads=[(token, 1), (token, 1)])
        return doc


@Language.factory("arabic_normalizer", assigns=["token.norm"])
def make_normalizer(nlp: Language, name: str) -> "ArabicNormalizer":
    return ArabicNormalizer(name=name)


class ArabicNormalizer:
    """Sets ``token.norm_`` to the matching normalization; keeps norms set by the splitter."""

    def __init__(self, *, name: str = "arabic_normalizer") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        norms = token_norms(token_words(doc))
        # One array write instead of a token.norm_ assignment per token (same strings, same ids).
        ids = [doc.vocab.strings.add(n) for n in norms]
        doc.from_array([NORM], numpy.array(ids, dtype=numpy.uint64).reshape(len(doc), 1))
        return doc


def token_norms(words: list[tuple[str, str]]) -> list[str]:
    """NORM of each token from ``(text, whitespace after it)``: the normalized text, and for
    the piece after a split-off proclitic, :func:`rest_norm`."""
    norms = []
    previous = None  # (normalized text, whitespace) of the token before
    for text, space in words:
        folded = normalize(text)
        if previous is not None and not previous[1] and previous[0] in PROCLITICS:
            norms.append(rest_norm(previous[0], text))
        else:
            norms.append(folded)
        previous = (folded, space)
    return norms


@Language.factory("arabic_sentencizer", assigns=["token.is_sent_start"])
def make_sentencizer(nlp: Language, name: str) -> "ArabicSentencizer":
    return ArabicSentencizer(name=name)


class ArabicSentencizer:
    """Sentence starts after . ! ? ؟ ؛ … and after any line break."""

    def __init__(self, *, name: str = "arabic_sentencizer") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        starts = sentence_starts(token_words(doc))
        # One array write: setting token.is_sent_start checks the whole doc for a parse each time.
        values = numpy.array([1 if s else -1 for s in starts], dtype="int64").astype(numpy.uint64)
        doc.from_array([SENT_START], values.reshape(len(doc), 1))
        return doc


def sentence_starts(words: list[tuple[str, str]]) -> list[bool]:
    """Whether each token starts a sentence, from ``(text, whitespace after it)`` of each token."""
    starts = []
    start = True
    for i, (text, space) in enumerate(words):
        if text.isspace() and i > 0:
            # A blank-line token belongs to the sentence before it; the next word starts one.
            starts.append(False)
            start = start or "\n" in text
            continue
        starts.append(start)
        start = text in SENTENCE_END or (text.strip(".") == "" and "." in text) or "\n" in text
        start = start or "\n" in space
    return starts


def build_arabic_nlp(stems: Iterable[str] = ()) -> Language:
    """A blank Arabic pipeline with our tokenizer rules and the three components."""
    nlp = spacy.blank("ar")
    prefixes = list(nlp.Defaults.prefixes or []) + _EXTRA_PREFIXES
    suffixes = list(nlp.Defaults.suffixes or []) + _EXTRA_SUFFIXES
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    # The stems are given to the component, not through its config: spaCy copies and
    # type-checks a config value element by element (~30,000 stems: 0.2 s of every start).
    nlp.add_pipe("arabic_clitic_splitter").add_stems(stems)
    nlp.add_pipe("arabic_normalizer")
    nlp.add_pipe("arabic_sentencizer")
    return nlp
