"""``entity_patterns``: names that no lexicon holds, found by the words around them.

Persons: a title or role (``ontology/patterns/person_titles.yaml``: السيد، الوزير، M.,
le ministre, President...) followed by a name: Arabic words that are not function words
(an article-bearing word only after عبد or أبو, as in عبد اللطيف), or capitalized Latin
words.

Assigns ``doc.spans["patterns"]``, ``label_`` the entity type.

Usage::

    nlp = spacy.blank("ar")
    nlp.add_pipe("entity_patterns")
    doc = nlp("قال السيد عبد اللطيف حموشي إن")
    [s.text for s in doc.spans["patterns"]]  # ['عبد اللطيف حموشي']
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from spacy.language import Language
from spacy.lang.ar.stop_words import STOP_WORDS as AR_STOP
from spacy.tokens import Doc, Span, Token

from pipeline.entities.lexicon import ONTOLOGY_DIR
from pipeline.language.normalize import normalize

TITLES_FILE = ONTOLOGY_DIR / "patterns" / "person_titles.yaml"
_AR_STOP = {normalize(w) for w in AR_STOP}
_NAME_LINKS = {"عبد", "ابو", "ابن", "بن", "ابا", "بنت", "ولد"}
MAX_NAME_TOKENS = 4


@lru_cache(maxsize=2)
def load_titles(path: str = str(TITLES_FILE)) -> dict[str, list[tuple[str, ...]]]:
    """Titles per language as tuples of normalized words, longest first."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    out: dict[str, list[tuple[str, ...]]] = {}
    for lang, titles in data.items():
        seqs = {tuple(normalize(t).split()) for t in titles}
        out[lang] = sorted(seqs, key=len, reverse=True)
    return out


def _token_norm(token: Token) -> str:
    return token.norm_ if token.norm_ else normalize(token.text)


def _arabic_name_token(token: Token, previous: Token | None) -> bool:
    norm = _token_norm(token)
    if not norm or not all("\u0621" <= c <= "\u064a" for c in norm):
        return False
    if norm in _AR_STOP:
        return False
    if norm.startswith("ال"):
        return previous is not None and _token_norm(previous) in _NAME_LINKS
    return True


def _latin_name_token(token: Token) -> bool:
    text = token.text
    return text[:1].isupper() and text[:1].isalpha() and not text.isupper() or (
        text.isupper() and len(text) > 1 and token.ent_type_ == "PER"
    )


@Language.factory("entity_patterns", assigns=["doc.spans"], default_config={"titles_path": str(TITLES_FILE)})
def make_entity_patterns(nlp: Language, name: str, titles_path: str) -> "EntityPatterns":
    return EntityPatterns(name=name, lang=nlp.lang, titles_path=titles_path)


class EntityPatterns:
    """Marks person names introduced by a title (see module docstring)."""

    def __init__(self, *, name: str = "entity_patterns", lang: str = "xx", titles_path: str = str(TITLES_FILE)) -> None:
        self.name = name
        self.lang = lang
        self.titles = load_titles(titles_path).get(lang, [])

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        norms = [_token_norm(t) for t in doc]
        i = 0
        while i < len(doc):
            title = next((t for t in self.titles if tuple(norms[i:i + len(t)]) == t), None)
            if title is None:
                i += 1
                continue
            start = end = i + len(title)
            while end < len(doc) and end - start < MAX_NAME_TOKENS:
                token = doc[end]
                previous = doc[end - 1] if end > start else None
                ok = _arabic_name_token(token, previous) if self.lang == "ar" else _latin_name_token(token)
                if not ok:
                    break
                end += 1
            if end > start:
                spans.append(Span(doc, start, end, label="Person"))
            i = max(end, i + 1)
        doc.spans["patterns"] = spans
        return doc
