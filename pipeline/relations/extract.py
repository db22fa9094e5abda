"""Relation extraction stage: :class:`~pipeline.model.Relation` records between mentions.

Foundation rule set: a sentence with a cooperation trigger
(``ontology/patterns/relation_triggers.yaml``) relates every pair of distinct states,
agencies and organizations it names with ``cooperatesWith``; the domains come from
the words of that sentence (:mod:`pipeline.relations.domains`).

Every relation carries its evidence (the sentence, with character offsets into the
document text), the rule that found it and a confidence.

Usage::

    relations = extract_relations(doc, document, mentions)
"""
from __future__ import annotations

from functools import lru_cache
from itertools import combinations

import yaml
from spacy.tokens import Doc

from pipeline.entities.lexicon import ONTOLOGY_DIR
from pipeline.language.normalize import normalize
from pipeline.model import Document, Evidence, Mention, Relation
from pipeline.relations.domains import find_domains

TRIGGERS_FILE = ONTOLOGY_DIR / "patterns" / "relation_triggers.yaml"
PARTY_TYPES = {"Country", "GovernmentAgency", "InternationalOrganization", "Organization"}


@lru_cache(maxsize=1)
def load_triggers() -> dict[str, dict[str, list[str]]]:
    data = yaml.safe_load(TRIGGERS_FILE.read_text(encoding="utf-8"))
    return {rel: {lang: [normalize(w) for w in words] for lang, words in by_lang.items()} for rel, by_lang in data.items()}


def has_trigger(sentence: str, words: list[str]) -> bool:
    """True when a word of ``sentence`` starts with one of ``words`` (or a clitic + it)."""
    tokens = normalize(sentence).split()
    for token in tokens:
        token = token.strip(".,;:!?()\"'،؛؟")
        for word in words:
            if token.startswith(word) or (len(token) > len(word) and token[1:].startswith(word)):
                return True
    return False


def _entity_key(m: Mention) -> str:
    return m.key or normalize(m.text)


def extract_relations(doc: Doc, document: Document, mentions: list[Mention]) -> list[Relation]:
    lang = document.lang or "en"
    triggers = load_triggers().get("cooperatesWith", {}).get(lang, [])
    relations: list[Relation] = []
    for sent in doc.sents:
        in_sent = [m for m in mentions if sent.start_char <= m.start < sent.end_char and m.type in PARTY_TYPES]
        if len(in_sent) < 2 or not has_trigger(sent.text, triggers):
            continue
        evidence = Evidence(document.id, sent.start_char, sent.end_char, sent.text)
        domains = find_domains(sent.text, lang)
        seen: set[tuple[str, str]] = set()
        for a, b in combinations(in_sent, 2):
            pair = tuple(sorted((_entity_key(a), _entity_key(b))))
            if pair[0] == pair[1] or pair in seen:
                continue
            seen.add(pair)
            relations.append(
                Relation(head=a.id, type="cooperatesWith", tail=b.id, domains=domains, confidence=0.6,
                         extractor="rule:cooperation-sentence", evidence=[evidence])
            )
    return relations
