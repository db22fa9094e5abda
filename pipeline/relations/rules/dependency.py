"""Relations read from the dependency parse (French and English): a cue word and the
dependents that carry its arguments (``ontology/patterns/dependency_cues.yaml``).

The surface rules read the words between two names; a phrasing they did not foresee ("Le
Burkina Faso a pris part, aux côtés du Niger, à l'exercice Flintlock", "the FBI, which
trained the officers") is still one cue and its dependents in the parse. For each token of
the sentence whose normalized form starts with a cue of ``dependency_cues.yaml`` (a table of
the vocabulary's words, filled once per word and process: no walk of token pairs), the rule
reads the cue's head-side and tail-side dependents (``nsubj``, ``obj``, ``obl`` with its case
marker, ``prep`` + ``pobj``, ``agent``; a relative pronoun stands for the noun its clause
qualifies, an xcomp or conj verb without a subject takes its governor's), adds each one's
conjuncts, maps them onto the sentence's mentions (the mention that holds the token, else
one its apposition holds, "the minister, *X*", or an event its name modifier holds, "l'exercice
*Flintlock*") and emits
the first of the cue's relation types whose signature fits the two mentions' types ("joined
NATO": memberOf, "joined the exercise": involvedIn). A body's head (``leads``) is left to the
role rules: read from the parse it added nothing they miss on the tuning files.

Rule ids: ``rule:dep-cue`` (a head and a tail), ``rule:dep-cue-among`` (the coordinated
subjects of a symmetric cue: "Morocco and Spain cooperate"). Arabic has no parse: nothing.

Usage::

    from pipeline.relations.rules.dependency import dependency_cues
    dependency_cues(ctx)    # candidates of one SentenceContext whose ``doc`` is parsed
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.attrs import LOWER
from spacy.tokens import Doc, Token

from pipeline.language.normalize import normalize
from pipeline.model import RELATION_SIGNATURES
from pipeline.ontology_data import dependency_cues as cue_data
from pipeline.relations.context import Arg, SentenceContext
from pipeline.relations.patterns import Candidate, candidate
from pipeline.relations.registry import relation_rule

DEP_CUE = 0.7
DEP_CUE_AMONG = 0.65
# Dependents of an argument's head token that hold the name when the token itself is none
# ("le ministre, Gérald Darmanin"); a modifier ("l'exercice Flintlock 2024", "the Flintlock
# exercise") only an event's name ("U.S. service members" are no U.S.).
NAME_DEPS = frozenset({"appos", "flat:name", "flat"})
EVENT_NAME_DEPS = frozenset({"nmod", "compound"})
# The prepositions of a group noun's body ("officers of X", "policiers de X").
OF_WORDS = frozenset({"of", "de", "du", "des", "d'"})
RELATIVE_CLAUSES = frozenset({"relcl", "acl:relcl"})
SUBJECT_FROM_GOVERNOR = frozenset({"xcomp", "conj"})
PREPOSITION_CHILDREN = frozenset({"prep", "agent"})


@dataclass(frozen=True)
class Role:
    """One side of a cue: the child's label (``prefix``: its subtypes too) and its case words."""

    label: str
    prefix: bool
    preps: frozenset[str]
    up: bool = False  # "^appos": the cue's governor, when the cue is its appos

    @classmethod
    def parse(cls, text: str) -> Role:
        label, _, preps = text.partition("/")
        return cls(label.strip("^*"), label.endswith("*"), frozenset(normalize(p) for p in preps.split("|") if p),
                   label.startswith("^"))

    def takes(self, dep: str) -> bool:
        return dep == self.label or self.prefix and dep.split(":")[0] == self.label


@dataclass(frozen=True)
class Cue:
    """An entry of ``dependency_cues.yaml``."""

    name: str
    pos: frozenset[str]
    relations: tuple[str, ...]
    head: tuple[Role, ...]
    tail: tuple[Role, ...]
    objects: frozenset[str]
    among: bool
    through: frozenset[str] = frozenset()


@lru_cache(maxsize=None)
def _cues(lang: str) -> tuple[tuple[tuple[str, ...], Cue], ...]:
    """(normalized prefixes, cue) of ``lang``; "$" ends a word."""
    out = []
    for name, spec in (cue_data()["cues"].get(lang) or {}).items():
        cue = Cue(name, frozenset(spec["pos"]), tuple(spec["relations"]),
                  tuple(Role.parse(r) for r in spec["head"]), tuple(Role.parse(r) for r in spec["tail"]),
                  frozenset(normalize(w) for w in spec.get("object") or []), bool(spec.get("among")),
                  frozenset(normalize(w) for w in spec.get("through") or []))
        out.append((tuple(normalize(w.rstrip("$")) + "$" * w.endswith("$") for w in spec["words"]), cue))
    return tuple(out)


_WORD_CUES: dict[tuple[str, str], tuple[Cue, ...]] = {}


def word_cues(lang: str, word: str) -> tuple[Cue, ...]:
    """The cues whose words ``word`` (a token's lowercase text) starts with; a table filled
    once per word, so a document costs one lookup per token."""
    found = _WORD_CUES.get((lang, word))
    if found is None:
        norm = normalize(word)
        found = tuple(cue for prefixes, cue in _cues(lang)
                      if any(norm == p[:-1] if p.endswith("$") else norm.startswith(p) for p in prefixes))
        _WORD_CUES[(lang, word)] = found
    return found


def _case_word(tok: Token) -> str | None:
    for c in tok.children:
        if c.dep_ == "case":
            return normalize(c.lower_)
    return None


def _role_tokens(cue_tok: Token, role: Role, objects: frozenset[str]) -> list[Token]:
    """The tokens that carry ``role`` among the dependents of ``cue_tok`` (and of its fixed
    object: "take part *in*")."""
    if role.up:
        return [cue_tok.head] if role.takes(cue_tok.dep_) and cue_tok.head is not cue_tok else []
    owners = [cue_tok] + [c for c in cue_tok.children if c.dep_ in {"obj", "dobj"} and normalize(c.lower_) in objects]
    out = []
    for owner in owners:
        for c in owner.children:
            if not role.takes(c.dep_) or owner is cue_tok and c in owners:
                continue
            if c.dep_ in PREPOSITION_CHILDREN:  # English: the preposition, then its object
                if role.preps and normalize(c.lower_) not in role.preps:
                    continue
                out.extend(g for g in c.children if g.dep_ == "pobj")
            elif not role.preps or _case_word(c) in role.preps:
                out.append(c)
    return out


def _side(cue_tok: Token, roles: tuple[Role, ...], objects: frozenset[str], subject: bool) -> list[Token]:
    tokens = [(t, role.up) for role in roles for t in _role_tokens(cue_tok, role, objects)]
    if subject and not tokens and cue_tok.dep_ in SUBJECT_FROM_GOVERNOR and cue_tok.head.pos_ in {"VERB", "AUX"}:
        tokens = [(t, role.up) for role in roles for t in _role_tokens(cue_tok.head, role, frozenset())]
    out = []
    for t, up in tokens:
        if t.pos_ == "PRON" and cue_tok.dep_ in RELATIVE_CLAUSES:
            t = cue_tok.head  # "X, qui dirige Y": X
        out.append(t)
        if up:  # "X, director of A, and Y, chief of B": Y is no director of A
            continue
        for c in [t, *t.conjuncts]:
            # a list the parser read as appositions ("la Grande-Bretagne, le Brésil, le Canada")
            for x in [c, *(a for a in c.children if a.dep_ == "appos" and a.pos_ == "PROPN")]:
                out.extend(y for y in [x, *x.conjuncts] if y not in out)
    return out


def _args_of(ctx: SentenceContext, tok: Token) -> list[Arg]:
    """The sentence's mentions at ``tok``, smallest first; else those a name dependent of it
    holds (``NAME_DEPS`` without a preposition of their own)."""
    def at(t: Token) -> list[Arg]:
        return sorted((a for a in ctx.args if not a.demonym and not a.source and a.start <= t.idx < a.end),
                      key=lambda a: a.end - a.start)
    found = at(tok)
    if found:
        return found
    for c in tok.children:
        if c.dep_ in NAME_DEPS | EVENT_NAME_DEPS and _case_word(c) is None:
            found += [a for a in at(c) if a not in found and (c.dep_ in NAME_DEPS or a.type == "Event")]
    return found


def _members_of(ctx: SentenceContext, cue: Cue, tok: Token) -> list[Arg]:
    """"officers *of the Ghana Police Service*", "des policiers *de la Garde nationale*": the
    body a group noun of the cue's ``through`` words belongs to."""
    if normalize(tok.lower_) not in cue.through:
        return []
    owners = [g for c in tok.children if c.dep_ == "prep" and normalize(c.lower_) in OF_WORDS for g in c.children if g.dep_ == "pobj"]
    owners += [c for c in tok.children if c.dep_ == "nmod" and _case_word(c) in OF_WORDS]
    return [a for o in owners for a in _args_of(ctx, o)]


def _relation(cue: Cue, head: Arg, tail: Arg) -> str | None:
    for rel in cue.relations:
        sig = RELATION_SIGNATURES[rel]
        if head.type in sig.heads and tail.type in sig.tails:
            return rel
    return None


def _pairs(ctx: SentenceContext, cue: Cue, heads: list[Token], tails: list[Token]) -> list[tuple[Arg, str, Arg]]:
    out = []
    for h in heads:
        for t in tails:
            tail_args = _args_of(ctx, t) or _members_of(ctx, cue, t)
            for ha in _args_of(ctx, h):
                typed = [(rel, ta) for ta in tail_args if ta.id != ha.id and (rel := _relation(cue, ha, ta))]
                if typed:
                    out.append((ha, typed[0][0], typed[0][1]))
                    break
    return out


@relation_rule(name="dependency_cues",
               produces=("cooperatesWith", "involvedIn", "memberOf", "providesTrainingTo"),
               rule_ids=("rule:dep-cue", "rule:dep-cue-among"))
def dependency_cues(ctx: SentenceContext) -> list[Candidate]:
    """Relations a cue word states of its dependents in the parse (see the module)."""
    doc: Doc | None = ctx.doc
    if doc is None or len(ctx.args) < 2 or not _cues(ctx.lang) or not doc.has_annotation("DEP"):
        return []
    span = doc.char_span(ctx.start, ctx.end, alignment_mode="expand")
    if span is None:
        return []
    out = []
    strings = doc.vocab.strings
    # the words' LOWER read from the array: a Token is made only for a word that is a cue
    for k, lower in enumerate(span.to_array([LOWER])[:, 0].tolist()):
        cues = word_cues(ctx.lang, strings[lower])
        if not cues:
            continue
        tok = span[k]
        for cue in cues:
            if tok.pos_ not in cue.pos and not ("VERB" in cue.pos and any(c.dep_.startswith("nsubj") for c in tok.children)):
                continue  # a verb the tagger missed ("coopèrent" as ADV) still has its subject
            if cue.objects and not any(c.dep_ in {"obj", "dobj"} and normalize(c.lower_) in cue.objects for c in tok.children):
                continue
            mark = (tok.idx, tok.idx + len(tok))
            heads = _side(tok, cue.head, cue.objects, subject=True)
            tails = _side(tok, cue.tail, cue.objects, subject=False)
            for h, rel, t in _pairs(ctx, cue, heads, tails):
                out.append(candidate(h, rel, t, "rule:dep-cue", DEP_CUE, mark))
            if cue.among and not tails:
                for i, h in enumerate(heads):
                    for t in heads[i + 1:]:
                        for ha, rel, ta in _pairs(ctx, cue, [h], [t]):
                            out.append(candidate(ha, rel, ta, "rule:dep-cue-among", DEP_CUE_AMONG, mark))
    return out
