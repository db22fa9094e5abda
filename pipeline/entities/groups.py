"""Numbered groups of states ("Group of N") as international organization candidates.

Arabic names groups of states by a head noun and the number of members, with or without
"states" and a region between them (مجموعة السبع, مجموعة دول الساحل الأفريقي الخمس,
مجموعة الدول الخمس); the lexicon lists one or two of these wordings, and the number word
alone is also a place name (الخمس, a Libyan city). Reads ``numbered_groups.yaml``; each
found name is bound to the lexicon organization whose Arabic name holds the same words
(all the found words in the lexicon name, or the reverse), when exactly one does.

Usage::

    for group in numbered_groups(doc):
        ...   # group.span: doc[i:j], group.kb_id: "io/..." or ""
"""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from spacy.tokens import Doc, Span

from pipeline import ontology_data
from pipeline.entities.tokens import is_clitic, norm, token_view
from pipeline.language.normalize import normalize
from pipeline.ontology_data import load_lexicon

MAX_INNER = 4


class NumberedGroup(NamedTuple):
    """A numbered group's name in the doc and the lexicon id it is bound to ("" if none)."""

    span: Span
    kb_id: str


@lru_cache(maxsize=4)
def _spec(lang: str) -> dict[str, frozenset[str]]:
    data = ontology_data.numbered_groups().get(lang) or {}
    return {k: frozenset(normalize(w) for w in data.get(k, [])) for k in ("heads", "members", "numbers")}


@lru_cache(maxsize=4)
def _group_names(lang: str) -> list[tuple[str, frozenset[str]]]:
    """``(entry id, words)`` of lexicon organization names built on a group head."""
    spec = _spec(lang)
    out = []
    for entry in load_lexicon().entries.values():
        if entry.type != "InternationalOrganization":
            continue
        for text, form_lang, _ in entry.surface_forms():
            words = frozenset(normalize(text).split()) - spec["members"]
            if form_lang == lang and words & spec["heads"] and words & spec["numbers"]:
                out.append((entry.id, words))
    return out


def _bind(words: frozenset[str], lang: str) -> str:
    ids = {i for i, names in _group_names(lang) if words <= names or names <= words}
    return ids.pop() if len(ids) == 1 else ""


def numbered_groups(doc: Doc) -> list[NumberedGroup]:
    spec = _spec(doc.lang_)
    if not spec["heads"]:
        return []
    out = []
    for i, n in enumerate(token_view(doc).norms):
        if n not in spec["heads"]:
            continue
        for j in range(i + 1, min(len(doc), i + 2 + MAX_INNER)):
            t = doc[j]
            if is_clitic(t) or t.is_punct or not any(c.isalpha() for c in t.text):
                break
            if norm(t) in spec["numbers"]:
                span = doc[i:j + 1]
                words = frozenset(norm(x) for x in span) - spec["members"]
                out.append(NumberedGroup(span, _bind(words, doc.lang_)))
                break
    return out
