"""A trained entity tagger per language, for the names the lexicons and patterns miss.

A small spaCy ``ner`` (its own hash-embedding CNN, no vectors) trained on the annotated
corpus: the gold format has no offsets, so every occurrence of an entity's alias in the
text (longest first, whole tokens, no overlap) is a training span of the entity's type.
The tagger reads the tokens of the language pipeline (Arabic clitics split as there) and
adds a mention only where no rule mention stands, and only of the types in
:data:`ADDED_TYPES` (countries and cities come from the lexicons).

Models live in ``ontology/models/ner-<lang>/`` (built by ``make train``); without one the
language runs on the rules alone.

Usage::

    python -m pipeline.learned.span_tagger corpus/train/*.jsonl --out ontology/models
    extra = tagged_mentions(doc, document, mentions)      # at run time
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example

from pipeline.model import Document, Mention
from pipeline.ontology_data import MODELS_DIR

ADDED_TYPES = frozenset({"Event", "GovernmentAgency", "InternationalOrganization", "Organization", "Person",
                         "Location"})
SOURCE = "learned:ner"
CONFIDENCE = 0.6
SEED = 13
EPOCHS = 25
DROPOUT = 0.2
# A small, fast network: the run must stay faster than the bare French model for Arabic.
CONFIG = {"model": {
    "@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner", "extra_state_tokens": False,
    "hidden_width": 64, "maxout_pieces": 2, "use_upper": True, "nO": None,
    "tok2vec": {"@architectures": "spacy.HashEmbedCNN.v2", "pretrained_vectors": None, "width": 64,
                "depth": 2, "embed_size": 2000, "window_size": 1, "maxout_pieces": 3,
                "subword_features": True}}}


def _model_dir(lang: str, root: Path = MODELS_DIR) -> Path:
    return root / f"ner-{lang}"


@lru_cache(maxsize=8)
def load_tagger(lang: str, root: Path = MODELS_DIR) -> Language | None:
    path = _model_dir(lang, root)
    return spacy.load(path) if (path / "config.cfg").exists() else None


def _words_doc(nlp: Language, doc: Doc) -> Doc:
    """The language pipeline's tokens, as a doc of the tagger's vocab (same text, same offsets)."""
    words = [t.text for t in doc]
    spaces = [bool(t.whitespace_) for t in doc]
    out = Doc(nlp.vocab, words=words, spaces=spaces)
    for src, dst in zip(doc, out):
        dst.norm_ = src.norm_
    return out


def tagged_mentions(doc: Doc, document: Document, mentions: list[Mention],
                    tagger: Language | None = None) -> list[Mention]:
    """Tagger mentions of :data:`ADDED_TYPES` that overlap no mention already found."""
    lang = document.lang or doc.lang_
    tagger = tagger or load_tagger(lang)
    if tagger is None or not len(doc):
        return []
    tagged = tagger.get_pipe("ner")(_words_doc(tagger, doc))
    taken = sorted((m.start, m.end) for m in mentions)
    out = []
    for ent in tagged.ents:
        if ent.label_ not in ADDED_TYPES:
            continue
        start, end = ent.start_char, ent.end_char
        if any(s < end and start < e for s, e in taken):
            continue
        text = document.text[start:end]
        if len(text.strip()) < 2:
            continue
        out.append(Mention(id=f"{document.id}#{start}-{end}", document=document.id, start=start, end=end,
                           text=text, type=ent.label_, lang=lang, source=SOURCE, confidence=CONFIDENCE))
    return out


def gold_spans(doc: Doc, gold: dict) -> list[tuple[int, int, str]]:
    """Token-aligned spans of every alias occurrence, longest first, no overlap."""
    text = doc.text
    found: list[tuple[int, int, str]] = []
    aliases = sorted({(a, e["type"]) for e in gold["entities"] for a in e.get("aliases", []) if a.strip()},
                     key=lambda x: -len(x[0]))
    used: set[int] = set()
    for alias, etype in aliases:
        start = text.find(alias)
        while start != -1:
            end = start + len(alias)
            span = doc.char_span(start, end, alignment_mode="strict")
            if span is not None and not used & set(range(span.start, span.end)):
                used |= set(range(span.start, span.end))
                found.append((start, end, etype))
            start = text.find(alias, start + 1)
    return sorted(found)


def train(gold_docs: list[dict], lang: str, parse) -> Language | None:
    """A tagger for ``lang`` from the gold documents of that language (``parse``: text -> doc)."""
    docs = [g for g in gold_docs if g["lang"] == lang]
    if not docs:
        return None
    random.seed(SEED)
    spacy.util.fix_random_seed(SEED)
    nlp = spacy.blank(lang)
    ner = nlp.add_pipe("ner", config=CONFIG)
    examples = []
    for g in docs:
        parsed = _words_doc(nlp, parse(g["text"]))
        spans = gold_spans(parsed, g)
        for _, _, label in spans:
            ner.add_label(label)
        reference = Doc(nlp.vocab, words=[t.text for t in parsed], spaces=[bool(t.whitespace_) for t in parsed])
        reference.ents = [reference.char_span(s, e, label=t) for s, e, t in spans]
        examples.append(Example(parsed, reference))
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(EPOCHS):
        random.shuffle(examples)
        for batch in spacy.util.minibatch(examples, size=8):
            nlp.update(batch, drop=DROPOUT, sgd=optimizer)
    return nlp


def main(argv: list[str] | None = None) -> int:
    from pipeline.nlp import get_nlp
    from pipeline.learned.training import read_gold

    parser = argparse.ArgumentParser(description="Train the entity taggers (one per language) from gold JSONL.")
    parser.add_argument("gold", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, default=MODELS_DIR)
    parser.add_argument("--langs", default="ar,fr,en")
    args = parser.parse_args(argv)
    gold = read_gold(args.gold)
    for lang in args.langs.split(","):
        nlp = train(gold, lang, get_nlp(lang))
        if nlp is None:
            print(f"{lang}: no documents")
            continue
        nlp.meta.update({"name": f"doc2kg_ner_{lang}", "version": "0.1.0",
                         "description": f"doc2kg entity tagger ({lang}), trained on "
                                        + ", ".join(sorted(p.as_posix() for p in args.gold))})
        _model_dir(lang, args.out).mkdir(parents=True, exist_ok=True)
        nlp.to_disk(_model_dir(lang, args.out))
        print(f"{lang}: {sum(g['lang'] == lang for g in gold)} documents -> {_model_dir(lang, args.out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
