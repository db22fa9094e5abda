"""The closed word lists of the relation rules (``ontology/patterns/relation_words.yaml``).

Whole words or whole gaps are compared with them, lower-cased (the cue families of
:mod:`pipeline.relations.cues` match word prefixes instead). The file is read and its
shape checked by the data owner (:func:`pipeline.ontology_data.relation_words`); here
it becomes a typed record.

Usage::

    gap.strip().lower() in rule_words().possessive      # "Morocco's police"
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache

from pipeline.ontology_data import relation_words


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
    elided_articles: tuple[str, ...]  # in the file's order: the first that fits is taken off


@lru_cache(maxsize=1)
def rule_words() -> RelationWords:
    data = relation_words()
    return RelationWords(**{f.name: (tuple if f.name == "elided_articles" else frozenset)(data[f.name])
                            for f in fields(RelationWords)})
