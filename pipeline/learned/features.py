"""Sparse features of a candidate relation, the same in training and at run time.

A feature is a string (its value 1.0). What the trained layer sees of a pair of mentions:

- the argument types, their order (head first or tail first) and the language;
- the distance in tokens and the number of mentions between them (bucketed);
- the normalized words between the arguments (clitics taken off Arabic words), the first
  and last of them, and two words before the first and after the second argument;
- punctuation and list structure between them (commas, "and"/"et"/"و", other mentions);
- what the rules already said: a rule relation of this type on this pair, of another type,
  or this pair's arguments in other rule relations;
- for French and English, the dependency path between the arguments' head tokens (labels
  up to their lowest common ancestor) from the spaCy parser.

Usage::

    feats = candidate_features(doc, cand, rule_index, lang)   # -> list[str]
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from pipeline.language.morphology import strip_clitics
from pipeline.language.normalize import normalize
from pipeline.learned.candidates import Candidate, MentionSpan
from pipeline.model import Relation

# Words between two arguments taken as a bag when they are this close (tokens).
BAG_WINDOW = 25
# Dependency paths longer than this (edges) say nothing useful.
MAX_PATH = 6
_CONJUNCTIONS = {"و", "and", "et", "ou", "or", "،", ","}


def _bucket(n: int) -> str:
    for limit in (0, 1, 2, 3, 5, 8, 12, 20, 35):
        if n <= limit:
            return str(limit)
    return "more"


def word_form(token: Token, lang: str) -> str:
    """The token's normalized form; an Arabic word loses a proclitic before its article."""
    return strip_clitics(token.text) if lang == "ar" else normalize(token.text)


@dataclass
class RuleIndex:
    """What the rules found, keyed by mention ids."""

    pair_types: dict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))
    mention_types: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    @classmethod
    def of(cls, relations: list[Relation]) -> "RuleIndex":
        index = cls()
        for r in relations:
            if r.literal:
                continue
            # A negated statement ("did not sign with") is a different signal from a stated one.
            rtype = r.type + ("!" if r.negated else "")
            index.pair_types[(r.head, r.tail)].add(rtype)
            if r.type == "cooperatesWith":
                index.pair_types[(r.tail, r.head)].add(rtype)
            index.mention_types[r.head].add("h:" + rtype)
            index.mention_types[r.tail].add("t:" + rtype)
        return index


def _dep_path(doc: Doc, a: MentionSpan, b: MentionSpan) -> str | None:
    ha, hb = doc[a.start:a.end].root, doc[b.start:b.end].root
    up_a = [ha, *ha.ancestors]
    up_b = [hb, *hb.ancestors]
    ids_b = {t.i: n for n, t in enumerate(up_b)}
    for n, t in enumerate(up_a):
        if t.i in ids_b:
            m = ids_b[t.i]
            if n + m > MAX_PATH:
                return None
            left = [x.dep_ for x in up_a[:n]]
            right = [x.dep_ for x in up_b[:m]]
            return "/".join(left) + "^" + t.pos_ + "^" + "/".join(reversed(right))
    return None


def candidate_features(doc: Doc, cand: Candidate, rules: RuleIndex, lang: str,
                       between_mentions: int) -> list[str]:
    head, tail = cand.head, cand.tail
    first, second = (head, tail) if head.start <= tail.start else (tail, head)
    order = "ht" if first is head else "th"
    th, tt = head.mention.type, tail.mention.type
    gap_tokens = max(0, second.start - first.end)
    feats = [
        f"types={th}>{tt}", f"order={order}", f"types_order={th}>{tt}:{order}", f"lang={lang}",
        f"dist={_bucket(gap_tokens)}", f"dist_order={_bucket(gap_tokens)}:{order}",
        f"between_mentions={_bucket(between_mentions)}",
        f"same_sentence={head.sentence == tail.sentence}",
    ]
    words = [word_form(t, lang) for t in doc[first.end:second.start]]
    if gap_tokens <= BAG_WINDOW:
        feats += [f"bw={w}" for w in set(words) if w]
        feats += [f"bw_o={w}:{order}" for w in set(words) if w]
        if words:
            feats += [f"first_bw={words[0]}", f"last_bw={words[-1]}"]
        if len(words) <= 3:
            feats.append("gap=" + "_".join(words))
    else:
        feats.append("far")
    commas = sum(w in {"،", ","} for w in words)
    conj = sum(w in _CONJUNCTIONS for w in words)
    feats += [f"commas={_bucket(commas)}", f"conj={_bucket(conj)}"]
    for k, t in enumerate(doc[max(0, first.start - 2):first.start]):
        feats.append(f"before{k - min(2, first.start)}={word_form(t, lang)}")
    for k, t in enumerate(doc[second.end:second.end + 2]):
        feats.append(f"after{k + 1}={word_form(t, lang)}")
    hid, tid = head.mention.id, tail.mention.id
    for rtype in rules.pair_types.get((hid, tid), ()):
        feats.append(f"rule={rtype}")
    for rtype in rules.pair_types.get((tid, hid), ()):
        feats.append(f"rule_rev={rtype}")
    feats += [f"head_rule={x}" for x in rules.mention_types.get(hid, ())]
    feats += [f"tail_rule={x}" for x in rules.mention_types.get(tid, ())]
    if lang != "ar" and head.sentence == tail.sentence:
        path = _dep_path(doc, head, tail)
        feats.append(f"path={path}" if path is not None else "path=none")
    return feats


# Cue families (ontology/patterns, :mod:`pipeline.relations.cues`) read around a candidate: the
# rules' own trigger words, grouped, so that what the model learns from them is a family (a
# signing verb, a membership word, a training noun) rather than one author's wording.
CUE_FAMILIES = ("cooperatesWith", "memberOf", "memberRole", "leads", "headed_by", "providesTrainingTo",
                "providesIntelligenceTo", "involvedIn", "participation", "hosting", "joint", "signing", "among",
                "with", "between", "within", "of", "possessive", "minister", "ministry", "government_head",
                "state_head", "deputy", "rank", "counterpart", "trainees", "training_school", "training_field",
                "flow_to", "flow_source", "recipient", "agent", "passive_agent", "relative", "clause_break",
                "affiliated", "sub_unit", "capital", "locative", "negation", "hedge", "attribution_said",
                "event_reference", "rupture", "withdrawal", "role_former")
# How far before the first argument and after the second cues are read (tokens).
CUE_WINDOW = 6


@dataclass
class CueIndex:
    """The cue families found in each sentence of a document: family -> token indexes where one
    of its cues starts, read once per document."""

    starts: dict[str, list[int]]

    @classmethod
    def of(cls, doc: Doc, lang: str) -> "CueIndex":
        from pipeline.relations.cues import load_cues

        cues = load_cues()
        families = [f for f in CUE_FAMILIES if f in cues.data]
        starts: dict[str, list[int]] = defaultdict(list)
        for sent in doc.sents:
            text = sent.text
            for family in families:
                for start, _ in cues.find(family, lang, text, sent.start_char):
                    token = doc.char_span(start, start + 1, alignment_mode="expand")
                    if token is not None and len(token):
                        starts[family].append(token.start)
        return cls(dict(starts))

    def between(self, lo: int, hi: int) -> set[str]:
        return {f for f, ts in self.starts.items() if any(lo <= t < hi for t in ts)}


def cue_features(cand: Candidate, cues: CueIndex) -> list[str]:
    """The cue families between the arguments (``bcue``), just before the first (``pcue``) and
    just after the second (``acue``), with the arguments' order and types: features that do not
    name one author's words."""
    head, tail = cand.head, cand.tail
    first, second = (head, tail) if head.start <= tail.start else (tail, head)
    order = "ht" if first is head else "th"
    feats = []
    for f in cues.between(first.end, second.start):
        feats += [f"bcue={f}", f"bcue_o={f}:{order}"]
    feats += [f"pcue={f}" for f in cues.between(max(0, first.start - CUE_WINDOW), first.start)]
    feats += [f"acue={f}" for f in cues.between(second.end, second.end + CUE_WINDOW)]
    feats += [f"inner_cue={f}" for f in cues.between(first.start, first.end) | cues.between(second.start, second.end)]
    return feats
