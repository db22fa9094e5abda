"""The closed word lists of the relation rules (``ontology/patterns/relation_words.yaml``).

Whole words or whole gaps are compared with them, lower-cased (the cue families of
:mod:`pipeline.relations.cues` match word prefixes instead). The file is checked when
loaded: exactly the fields of :class:`RelationWords`, each a list of strings.

Usage::

    gap.strip().lower() in relation_words().possessive      # "Morocco's police"
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache

import yaml

from pipeline.ontology_data import ONTOLOGY_DIR

WORDS_FILE = ONTOLOGY_DIR / "patterns" / "relation_words.yaml"


@dataclass(frozen=True)
class RelationWords:
    possessive: frozenset[str]
    pair_joiners: frozenset[str]
    demonym_pair_joiners: frozenset[str]
    demonym_pair_marks: frozenset[str]
    list_filler: frozenset[str]
    list_conjunctions_ar: frozenset[str]
    object_prepositions_first: frozenset[str]
    object_prepositions_before_last: frozenset[str]


def parse_relation_words(loaded: object, source: str = WORDS_FILE.name) -> RelationWords:
    """``loaded`` (the file's YAML) checked: exactly the fields of :class:`RelationWords`."""
    names = [f.name for f in fields(RelationWords)]
    if not isinstance(loaded, dict) or set(loaded) != set(names):
        got = sorted(loaded) if isinstance(loaded, dict) else type(loaded).__name__
        raise ValueError(f"{source}: expected the lists {names}, got {got}")
    for name, words in loaded.items():
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise ValueError(f"{source}: {name}: expected a list of strings")
    return RelationWords(**{name: frozenset(loaded[name]) for name in names})


@lru_cache(maxsize=1)
def relation_words() -> RelationWords:
    return parse_relation_words(yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8")))
