"""The trained relation classifier: logistic weights per relation type, read from a JSON file.

The file (``ontology/models/relations.json``, built by ``make train``) holds, per relation
type, a bias, a threshold and a weight per feature; scoring is a sum and a sigmoid, so the
run needs neither scikit-learn nor pickles. :func:`learned_relations` adds the relations the
model accepts and the rules did not already state.

Usage::

    from pipeline.learned.classifier import learned_relations
    extra = learned_relations(doc, document, mentions, rule_relations)
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

from pipeline.learned.candidates import Candidate, candidate_pairs
from pipeline.learned.features import CueIndex, RuleIndex, candidate_features, cue_features
from pipeline.model import Document, Evidence, Mention, Relation
from pipeline.ontology_data import RELATION_MODEL_FILE
from pipeline.relations.domains import find_domains

MODEL_PATH = RELATION_MODEL_FILE
EXTRACTOR = "learned:logistic"


def logistic(bias: float, weights: dict[str, float], features: list[str]) -> float:
    """The probability a logistic model gives binary features (a sum and a sigmoid)."""
    z = bias + sum(weights.get(f, 0.0) for f in features)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True)
class TypeModel:
    bias: float
    threshold: float
    weights: dict[str, float]

    def probability(self, features: list[str]) -> float:
        return logistic(self.bias, self.weights, features)


@dataclass(frozen=True)
class RelationModel:
    types: dict[str, TypeModel]
    meta: dict

    @classmethod
    def load(cls, path: Path) -> "RelationModel":
        try:
            return cls.load_dict(json.loads(path.read_text(encoding="utf-8")))
        except ValueError as exc:
            raise ValueError(f"{path}: {exc}") from None

    @classmethod
    def load_dict(cls, data: dict) -> "RelationModel":
        if data.get("format") != "doc2kg-relations/1":
            raise ValueError(f"not a doc2kg relation model (format {data.get('format')!r})")
        types = {t: TypeModel(float(m["bias"]), float(m["threshold"]), {k: float(v) for k, v in m["weights"].items()})
                 for t, m in data["types"].items()}
        return cls(types, data.get("meta", {}))


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> RelationModel | None:
    """The model file, or None when there is none (the rules then run alone)."""
    return RelationModel.load(path) if path.exists() else None


def featurize(doc: Doc, mentions: list[Mention], relations: list[Relation], lang: str
              ) -> list[tuple[Candidate, list[str]]]:
    """Every candidate of the document with its features."""
    rules = RuleIndex.of(relations)
    cands = candidate_pairs(doc, mentions)
    starts = sorted(m.start for m in mentions)
    cues = CueIndex.of(doc, lang) if cands else None
    out = []
    for cand in cands:
        lo = min(cand.head.mention.end, cand.tail.mention.end)
        hi = max(cand.head.mention.start, cand.tail.mention.start)
        between = sum(lo <= s < hi for s in starts)
        feats = candidate_features(doc, cand, rules, lang, between) + cue_features(cand, cues)
        out.append((cand, feats))
    return out


def learned_relations(doc: Doc, document: Document, mentions: list[Mention], relations: list[Relation],
                      model: RelationModel | None = None) -> list[Relation]:
    """Relations the model accepts that no rule stated (same head, type and tail)."""
    model = model or load_model()
    if model is None or not mentions:
        return []
    lang = document.lang or "en"
    stated = {(r.head, r.type, r.tail) for r in relations}
    stated |= {(r.tail, r.type, r.head) for r in relations if r.type == "cooperatesWith"}
    out: dict[tuple[str, str, str], Relation] = {}
    for cand, feats in featurize(doc, mentions, relations, lang):
        typed = model.types.get(cand.type)
        if typed is None:
            continue
        key = (cand.head.mention.id, cand.type, cand.tail.mention.id)
        if key in stated:
            continue
        p = typed.probability(feats)
        if p < typed.threshold:
            continue
        text = document.text[cand.start_char:cand.end_char]
        evidence = Evidence(document.id, cand.start_char, cand.end_char, text)
        previous = out.get(key)
        if previous is None or previous.confidence < p:
            domains = find_domains(text, lang) if cand.type == "cooperatesWith" else []
            out[key] = Relation(head=key[0], type=cand.type, tail=key[2], domains=domains, confidence=round(p, 3),
                                extractor=EXTRACTOR, evidence=[evidence])
    return list(out.values())
