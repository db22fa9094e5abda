"""Trained event mentions: a trigger word, then the extent a model picks.

An event in news is mostly a descriptive noun phrase ("the 22nd session of the joint
commission", "زيارة وزير الداخلية إلى مدريد", "l'exercice naval conjoint"), which the event
patterns (named events: a head plus a quoted or capitalized name) do not cover. This layer:

1. finds **triggers**: tokens whose normalized form (Arabic clitics off) is a word that
   starts gold event names in the training corpus at least :data:`MIN_TRIGGER_COUNT` times
   (the vocabulary is learned and kept in the model file, not written by hand);
2. proposes **extents** for each trigger: spans starting at the trigger (or up to
   :data:`MAX_PREFIX` modifier words before it) and ending 0..:data:`MAX_LENGTH` tokens
   after it, never across a sentence end or a strong punctuation mark;
3. scores each extent with a logistic model over sparse features (trigger, first, last and
   next words, length, the mentions it contains or cuts, years and ordinals) and keeps the
   best extent of each trigger when its probability reaches the model's threshold, chosen on
   out-of-fold decoding at the layer's precision floor
   (:func:`pipeline.learned.fitting.choose_threshold`).

A kept extent becomes an ``Event`` mention (source ``learned:event``) where no mention of
the rules stands, before the relation rules run, so the event rules (participants, place,
date) read it like any other event.

Usage::

    python -m pipeline.learned.event_spans corpus/train/*.jsonl --out ontology/models/events.json
    extra = event_mentions(doc, document, mentions)      # at run time
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

from pipeline.learned.classifier import logistic
from pipeline.learned.features import word_form
from pipeline.learned.fitting import (CROSS_MIN_PRECISION, CROSS_SPLITS, author_folds, author_of, choose_threshold,
                                      read_gold, write_model)
from pipeline.model import Document, Mention
from pipeline.ontology_data import EVENT_MODEL_FILE

SOURCE = "learned:event"
SEED = 13
MIN_TRIGGER_COUNT = 2
MIN_FEATURE_COUNT = 2
MAX_LENGTH = 14  # tokens after the trigger
MAX_PREFIX = 2  # modifier tokens before the trigger ("38th", "joint naval")
_STOP_PUNCT = {".", "!", "?", ":", ";", "؛", "(", ")", "«", "»", '"', "“", "”", "—", "–"}
_ELISION = {"'", "’"}
_NOT_MODIFIER = {"DET", "ADP", "PRON", "CCONJ", "SCONJ", "VERB", "AUX", "PART"}
_YEAR = re.compile(r"^(19|20)\d\d$")
_DIGITS = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class Extent:
    trigger: int  # token index of the trigger
    start: int  # first token
    end: int  # one past the last token


def _form(doc: Doc, i: int, lang: str) -> str:
    return word_form(doc[i], lang).lower()


def _shape(token) -> str:
    text = token.text
    if _YEAR.match(text):
        return "year"
    if _DIGITS.search(text):
        return "digit"
    if not any(c.isalpha() for c in text):
        return "punct"
    if text[:1].isupper():
        return "cap"
    return "low"


def _modifier(token) -> bool:
    """A word that may qualify an event head before it ("38th", "joint", "three-day"): not a
    determiner, preposition, pronoun, conjunction or verb (POS from the fr/en parser), not a
    lone Arabic clitic or an elided article, not punctuation."""
    text = token.text
    return not (token.is_punct or text in _STOP_PUNCT or token.pos_ in _NOT_MODIFIER or len(text) < 2
                or text[-1] in _ELISION)  # an elided article (l’, d') is no modifier


def extents(doc: Doc, lang: str, triggers: frozenset[str]) -> list[Extent]:
    """Every candidate extent of every trigger in the doc."""
    out = []
    for sent in doc.sents:
        for i in range(sent.start, sent.end):
            if _form(doc, i, lang) not in triggers:
                continue
            starts = [i]
            for k in range(1, MAX_PREFIX + 1):
                j = i - k
                if j < sent.start or not _modifier(doc[j]):
                    break
                starts.append(j)
            for s in starts:
                # A head alone ("the exercise", الاجتماع) refers back to an event; it names none.
                for e in range(i + 1 if s < i else i + 2, min(sent.end, i + 1 + MAX_LENGTH) + 1):
                    last = doc[e - 1]
                    if e - 1 > i and (last.text in _STOP_PUNCT or last.is_punct):
                        break
                    out.append(Extent(i, s, e))
    return out


def _mention_tokens(doc: Doc, mentions: list[Mention]) -> list[tuple[int, int, str]]:
    out = []
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and len(span):
            out.append((span.start, span.end, m.type))
    return out


def extent_features(doc: Doc, ext: Extent, lang: str, spans: list[tuple[int, int, str]]) -> list[str]:
    s, e, t = ext.start, ext.end, ext.trigger
    trig = _form(doc, t, lang)
    length = e - s
    last = _form(doc, e - 1, lang)
    nxt = _form(doc, e, lang) if e < len(doc) else "<end>"
    nxt_shape = _shape(doc[e]) if e < len(doc) else "end"
    prev = _form(doc, s - 1, lang) if s > 0 else "<start>"
    feats = [
        f"lang={lang}", f"trig={trig}", f"len={min(length, 10)}", f"trig_len={trig}:{min(length, 8)}",
        f"prefix={t - s}", f"last={last}", f"next={nxt}", f"next_shape={nxt_shape}", f"prev={prev}",
        f"last_shape={_shape(doc[e - 1])}", f"trig_next={trig}:{nxt}", f"trig_last={trig}:{last}",
    ]
    feats += [f"pre={_form(doc, k, lang)}" for k in range(s, t)]
    inside = [_form(doc, k, lang) for k in range(t + 1, e)]
    feats += [f"in={w}" for w in set(inside)]
    if any(_YEAR.match(doc[k].text) for k in range(s, e)):
        feats.append("has_year")
    commas = sum(doc[k].text in {",", "،"} for k in range(s, e))
    feats.append(f"commas={min(commas, 3)}")
    for ms, me, mtype in spans:
        if me <= s or ms >= e:
            continue
        if s <= ms and me <= e:
            feats.append(f"contains={mtype}")
            if me == e:
                feats.append(f"ends_with={mtype}")
            if ms == s:
                feats.append(f"starts_with={mtype}")
        else:
            feats.append(f"cuts={mtype}")  # the extent cuts a mention in two
    return feats


@dataclass(frozen=True)
class EventModel:
    triggers: dict[str, frozenset[str]]
    bias: float
    threshold: float
    weights: dict[str, float]

    def probability(self, features: list[str]) -> float:
        return logistic(self.bias, self.weights, features)

    @classmethod
    def load(cls, path: Path) -> "EventModel":
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != "doc2kg-events/1":
            raise ValueError(f"{path}: not a doc2kg event model (format {data.get('format')!r})")
        return cls({lang: frozenset(words) for lang, words in data["triggers"].items()}, float(data["bias"]),
                   float(data["threshold"]), {k: float(v) for k, v in data["weights"].items()})


@lru_cache(maxsize=4)
def load_event_model(path: Path = EVENT_MODEL_FILE) -> EventModel | None:
    """The model file, or None when there is none (events then come from the rules alone)."""
    return EventModel.load(path) if path.exists() else None


def decode(scored: list[tuple[Extent, float]], threshold: float, taken: list[tuple[int, int]]) -> list[tuple[Extent, float]]:
    """The best extent of each trigger above ``threshold``, most probable first, no overlaps."""
    best: dict[int, tuple[Extent, float]] = {}
    for ext, p in scored:
        if p >= threshold and (ext.trigger not in best or p > best[ext.trigger][1]):
            best[ext.trigger] = (ext, p)
    kept: list[tuple[Extent, float]] = []
    used = list(taken)
    for ext, p in sorted(best.values(), key=lambda x: -x[1]):
        if any(ext.start < e and s < ext.end for s, e in used):
            continue
        used.append((ext.start, ext.end))
        kept.append((ext, p))
    return sorted(kept, key=lambda x: x[0].start)


def event_mentions(doc: Doc, document: Document, mentions: list[Mention],
                   model: EventModel | None = None) -> list[Mention]:
    """Event mentions the model finds where no mention stands (rule events take precedence)."""
    model = model or load_event_model()
    lang = document.lang or doc.lang_
    if model is None or lang not in model.triggers or not len(doc):
        return []
    spans = _mention_tokens(doc, mentions)
    # An extent may contain other mentions (the parties of a session) but not overlap an event.
    taken = [(s, e) for s, e, t in spans if t == "Event"]
    scored = [(ext, model.probability(extent_features(doc, ext, lang, spans)))
              for ext in extents(doc, lang, model.triggers[lang])]
    out = []
    for ext, p in decode(scored, model.threshold, taken):
        start, end = doc[ext.start].idx, doc[ext.end - 1].idx + len(doc[ext.end - 1])
        if any(m.start < end and start < m.end and (m.start < start or m.end > end) for m in mentions):
            continue  # it would cut a mention of the rules in two
        out.append(Mention(id=f"{document.id}#{start}-{end}", document=document.id, start=start, end=end,
                           text=document.text[start:end], type="Event", lang=lang, source=SOURCE,
                           confidence=round(p, 3)))
    return out


# --- training -------------------------------------------------------------------------


def _trigger_vocabulary(parsed: list[tuple[dict, Doc]]) -> dict[str, Counter]:
    """Per language, how many gold events have a name starting with each word."""
    counts: dict[str, Counter] = {}
    for g, doc in parsed:
        for e in g["entities"]:
            if e["type"] != "Event":
                continue
            firsts = set()
            for alias in e.get("aliases", []):
                for s, _ in _occurrences(doc, alias):
                    firsts.add(_form(doc, _first_content(doc, s, g["lang"]), g["lang"]))
            counts.setdefault(g["lang"], Counter()).update(firsts)
    return counts


def _first_content(doc: Doc, i: int, lang: str) -> int:
    """Skip a leading article or clitic token (fr/en determiners, an Arabic proclitic token)."""
    while i + 1 < len(doc) and (doc[i].is_stop and lang != "ar" or (lang == "ar" and len(doc[i].text) == 1)):
        i += 1
    return i


def _occurrences(doc: Doc, alias: str) -> list[tuple[int, int]]:
    out = []
    start = doc.text.find(alias)
    while start != -1 and alias.strip():
        span = doc.char_span(start, start + len(alias), alignment_mode="expand")
        if span is not None and len(span):
            out.append((span.start, span.end))
        start = doc.text.find(alias, start + 1)
    return out


def training_rows(gold: dict, doc: Doc, mentions: list[Mention], triggers: frozenset[str]):
    """(features, label) of every extent of the document; label 1 when its text is a gold event name."""
    from pipeline.evaluation.score import names as gold_names
    from pipeline.evaluation.score import variants

    lang = gold["lang"]
    event_names = set()
    for e in gold["entities"]:
        if e["type"] == "Event":
            event_names |= gold_names(e)
    spans = _mention_tokens(doc, mentions)
    rows = []
    for ext in extents(doc, lang, triggers):
        text = doc.text[doc[ext.start].idx:doc[ext.end - 1].idx + len(doc[ext.end - 1])]
        label = int(bool(variants(text) & event_names))
        rows.append((ext, extent_features(doc, ext, lang, spans), label))
    return rows


def fit(gold_docs: list[dict]) -> dict:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from pipeline.entities.recognize import recognize_entities
    from pipeline.nlp import get_nlp

    docs = []
    for g in gold_docs:
        doc = get_nlp(g["lang"])(g["text"])
        document = Document(id=g["id"], text=g["text"], lang=g["lang"])
        docs.append((g, doc, recognize_entities(doc, document)))
    counts = _trigger_vocabulary([(g, doc) for g, doc, _ in docs])
    triggers = {lang: frozenset(w for w, c in counter.items() if c >= MIN_TRIGGER_COUNT and len(w) > 1)
                for lang, counter in counts.items()}
    rows_by_doc = [(g["id"], training_rows(g, doc, mentions, triggers.get(g["lang"], frozenset())),
                    [(s, e) for s, e, t in _mention_tokens(doc, mentions) if t == "Event"], g)
                   for g, doc, mentions in docs]
    counts_f = Counter(f for _, rows, _, _ in rows_by_doc for _, feats, _ in rows for f in set(feats))
    keep = {f for f, c in counts_f.items() if c >= MIN_FEATURE_COUNT}

    def train(subset):
        vec = DictVectorizer(sort=True)
        X = vec.fit_transform([{f: 1.0 for f in feats if f in keep} for _, rows, _, _ in subset for _, feats, _ in rows])
        y = [label for _, rows, _, _ in subset for _, _, label in rows]
        clf = LogisticRegression(C=0.3, solver="lbfgs", random_state=SEED, max_iter=2000)
        clf.fit(X, y)
        return vec, clf

    def decoded(model, docs) -> list[tuple[float, int]]:
        """(probability, correct) of each extent decoded over ``docs`` (no threshold)."""
        vec, clf = model
        out = []
        for _, rows, taken, _ in docs:
            if not rows:
                continue
            X = vec.transform([{f: 1.0 for f in feats if f in keep} for _, feats, _ in rows])
            probs = clf.predict_proba(X)[:, 1]
            labels = {rows[k][0]: rows[k][2] for k in range(len(rows))}
            out += [(p, labels[ext]) for ext, p in decode([(rows[k][0], float(probs[k])) for k in range(len(rows))],
                                                          0.0, taken)]
        return out

    def out_of_author(docs):
        """Out-of-fold decoding (one fold per author) picks the threshold: F-beta of whole
        event names found, per document; and the number of gold events."""
        fold_of = author_folds([r[0] for r in docs])
        oof: list[tuple[float, int]] = []
        gold = 0
        for fold in sorted(set(fold_of.values())):
            held = [r for r in docs if fold_of[r[0]] == fold]
            gold += sum(e["type"] == "Event" for r in held for e in r[3]["entities"])
            oof += decoded(train([r for r in docs if fold_of[r[0]] != fold]), held)
        return choose_threshold(oof, gold), gold

    chosen, gold_events = out_of_author(rows_by_doc)
    # As the relation models (pipeline.learned.training.across_authors): kept only when a model
    # trained on each side of each author split adds events on the other at the floor.
    splits = None
    authors = {r[0]: author_of(r[0]) for r in rows_by_doc}
    if chosen is not None and all(set(split) < set(authors.values()) for split in CROSS_SPLITS):
        splits = []
        for split in CROSS_SPLITS:
            rest = tuple(sorted(set(authors.values()) - set(split)))
            for side, other in ((split, rest), (rest, split)):
                side_docs = [r for r in rows_by_doc if authors[r[0]] in side]
                point, _ = out_of_author(side_docs)
                taken = ([y for p, y in decoded(train(side_docs), [r for r in rows_by_doc if authors[r[0]] in other])
                          if p >= point.value] if point else [])
                splits.append({"trained_on": " ".join(side), "right": sum(taken), "added": len(taken),
                               "holds": bool(taken) and sum(taken) / len(taken) >= CROSS_MIN_PRECISION})
    held_out = ({"precision": round(chosen.precision, 3), "recall": round(chosen.recall, 3), "tp": chosen.tp,
                 "fp": chosen.fp} if chosen else None)
    if splits is not None and not all(d["holds"] for d in splits):
        chosen = None
    vec, clf = train(rows_by_doc)
    weights = {name: round(float(w), 4) for name, w in zip(vec.feature_names_, clf.coef_[0]) if abs(w) >= 1e-4}
    oof_meta = (held_out if chosen else
                {"reason": "no operating point reaches the precision floor" if held_out is None else
                 f"does not add at precision >= {CROSS_MIN_PRECISION} on every author split", "held_out": held_out})
    if splits is not None:
        oof_meta["splits"] = splits
    return {"format": "doc2kg-events/1", "triggers": {k: sorted(v) for k, v in sorted(triggers.items())},
            "bias": round(float(clf.intercept_[0]), 4),
            # No operating point: the model is kept for inspection but accepts nothing.
            "threshold": round(float(chosen.value), 4) if chosen else 1.01,
            "weights": dict(sorted(weights.items())),
            "meta": {"documents": len(gold_docs), "seed": SEED, "gold_events": gold_events, "oof": oof_meta}}


def main(argv: list[str] | None = None) -> int:

    parser = argparse.ArgumentParser(description="Train the event extent model from gold JSONL.")
    parser.add_argument("gold", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, default=EVENT_MODEL_FILE)
    args = parser.parse_args(argv)
    model = fit(read_gold(args.gold))
    model["meta"]["sources"] = sorted(p.as_posix() for p in args.gold)
    done = write_model(args.out, model, accepts=model["threshold"] <= 1.0)
    print(json.dumps(model["meta"]), {k: len(v) for k, v in model["triggers"].items()}, done)
    return 0


if __name__ == "__main__":
    sys.exit(main())
