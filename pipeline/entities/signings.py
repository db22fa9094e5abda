"""``event_signings``: agreement signings as events (issue 14 item 4).

A text (agreement, memorandum, protocol, joint declaration, charter: the ``heads`` of
``ontology/patterns/event_signings.yaml``) that the sentence tells as signed is the event of
its signing, named by the text's phrase:

- Arabic, read from the construct chain: a signing verb before it in its clause (وقعت الجزائر
  وموريتانيا ... على مذكرة تفاهم لإنشاء اللجنة ...، وقع ... اتفاقية للتعاون العسكري مع ...), or a
  signing participle or relative clause after it (الاتفاق الموقع مع روما، البروتوكول الذي وقعته
  X مع Y). The phrase is the head, a fixed word (تفاهم، نوايا), adjectives, a ل-complement
  (للتعاون العسكري، لإنشاء اللجنة ...), a topic after one of ``bridges`` (في مجال الأمن الداخلي،
  بشأن "شراكة استراتيجية") and a definite genitive chain, up to a party (مع، بين), a verb, a
  date or a stop;
- French and English, read from the parse: the head is the object of a signing verb (signed a
  memorandum of understanding, ont signé un mémorandum d'entente), the subject of its passive
  (The memorandum ... was signed), or carries a signing participle or relative clause
  (mémorandum d'entente signé à Rabat, an agreement they signed in 2001). The phrase is the
  head with its modifiers (``left_deps`` / ``right_deps``), a bare complement (``core_preps``:
  of understanding, d'entente) and a topic (``topic_preps``: on combating cybercrime).

The event's span is the text's phrase (names inside it stay mentions of their own); its name is
the phrase with the participle or the signing clause after it when there is one (الاتفاق
الموقع مع روما، mémorandum d'entente signé à Rabat, accord officialisant la formation), a form
the annotators give as often as the bare phrase; the alias, the phrase with its signing noun
(التوقيع على مذكرة التفاهم ...) or the participle's full complement. A text another rule already
found as an event (a dated or named agreement) is left to it.

Measured on corpus/train (tuning; the README's "Event kinds and extents" gives the figures).

Appends its spans to ``doc.spans["event_phrases"]`` (``label_`` "Event", ``span._.event_name``
an :class:`~pipeline.entities.records.EventName` with ``head`` the text's head noun), read by
:func:`pipeline.entities.recognize.recognize_entities` like the Arabic event phrases.

Usage::

    nlp = get_nlp("fr")   # the component runs after ``arabic_event_phrases``, in the languages of ``langs``
    signings = EventSignings(nlp, langs=("fr",))
    doc = nlp("Le Maroc et l'Espagne ont signé un mémorandum d'entente sur la sécurité des frontières.")
    signings.assign(doc, signings.find(doc, token_view(doc).norms, lexicon_marks(doc)))
    [s.text for s in doc.spans["event_phrases"]]   # ["mémorandum d'entente sur la sécurité des frontières"]
"""
from __future__ import annotations

import re
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.entities.component import CLOSE_QUOTES, OPEN_QUOTES, EntityComponent
from pipeline.entities.event_phrases_ar import verb_shaped
from pipeline.entities.records import EventName
from pipeline.entities.tokens import (LexiconMarks, Phrases, is_arabic_word, is_clitic, is_definite, lexicon_marks,
                                      match_at)
from pipeline.language.morphology import ARTICLE, FUSED_ARTICLE, PREPOSITIONS, WA, split_proclitic, strip_definite
from pipeline.language.normalize import normalize
from pipeline.ontology_data import event_signings

# Arabic: words before a head where a signing verb may stand (وقعت الجزائر وموريتانيا، يوم الخميس
# 1 أبريل 2021 بالعاصمة الموريتانية نواكشوط، على مذكرة ...), at most.
MAX_VERB_DISTANCE = 24
# Words before a signing verb where a negation cancels it (ولم يتم، وفق المصادر ذاتها، التوقيع), at most.
MAX_NEGATION_GAP = 8
# The languages it runs in: none by default. corpus/train counts a signing told so as an
# event (its second annotators added them); the shared dev set and the evaluation sets of
# tests/evaluation do not (dev-en-02's EU-Tunisia memorandum, blind_set4 s4-ar-02, heldout_extra
# hx-fr-01 and hx-fr-04: with ("ar", "fr") on, blind_set4 relations ar .59 -> .574 and
# heldout_extra fr .73 -> .699 fall under their floors; with "en" too, dev .943/.798 -> .936/.778).
# Until the two conventions are one, it runs only where a pipeline is configured so
# (``langs``; README "Agreement signings").
SIGNING_LANGS: tuple[str, ...] = ()
# The languages where a signing participle or relative clause alone (mémorandum d'entente signé
# à Rabat) makes the event; elsewhere it only gives the name (on corpus/train f1 2 right for 3
# texts the annotators left out; Arabic a1, a3 7 for 8).
PARTICIPLE_ALONE: tuple[str, ...] = ()
_COUNT = re.compile(r"^\d+$")
# French and English: the same for a signing verb the parse does not hang the text on.
MAX_PARSED_VERB_DISTANCE = 12
# Arabic: tokens of a text's phrase after its head, at most; of a relative signing clause; of a
# quoted topic.
MAX_PHRASE_TOKENS = 12
MAX_RELATIVE_TOKENS = 14
MAX_QUOTED_WORDS = 6
_CLAUSE_ENDS = frozenset({".", "؛", ";", "!", "?", "؟", ":"})
_GENITIVE = PREPOSITIONS[1]  # ل: للتعاون، لإنشاء
_SPAN_KEYS = ("lexicon", "heads", "patterns")


class Signing(NamedTuple):
    """A signed text at tokens ``start:end`` (its phrase), its head, and the other forms of
    its name (token ranges, or None)."""

    start: int
    end: int
    head: str
    name: tuple[int, int] | None = None
    alias: tuple[int, int] | None = None
    # the head alone, definite or after a demonstrative (المذكرة، the agreement, cet accord):
    # the text the document named before, when it did (an anaphor), else nothing
    bare: bool = False


def _words(data: dict, key: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in data.get(key) or [])


@Language.factory("event_signings", assigns=["doc.spans", "span._.event_name"],
                  default_config={"langs": list(SIGNING_LANGS), "participle_alone": list(PARTICIPLE_ALONE)})
class EventSignings(EntityComponent):
    """Marks agreement signings: appends to ``doc.spans["event_phrases"]`` (see module docstring)."""

    finders = {"ar": ("_arabic",), "*": ("_parsed",)}

    def __init__(self, nlp: Language, name: str = "event_signings", *, langs: list[str] | tuple[str, ...] = SIGNING_LANGS,
                 participle_alone: list[str] | tuple[str, ...] = PARTICIPLE_ALONE) -> None:
        super().__init__(nlp, name)
        self.on = self.lang in langs
        self.participle_alone = self.lang in participle_alone
        data = event_signings().get(self.lang) or {}
        heads = {tuple(normalize(w).split()) for w in data.get("heads") or []}
        self.heads = Phrases(sorted(heads, key=lambda h: (-len(h), h)))
        self.head_first = frozenset(h[0] for h in heads)
        self.verbs = _words(data, "verbs")
        self.participles = _words(data, "participles")
        self.relatives = _words(data, "relatives")
        self.demonstratives = _words(data, "demonstratives")
        self.negations = _words(data, "negations")
        self.objects = _words(data, "objects")
        self.year_cues = _words(data, "year_cues")
        self.definites = _words(data, "definites")
        self.relative_verbs = _words(data, "relative_verbs")
        self.relative_stops = _words(data, "relative_stops")
        self.stops = _words(data, "stops")
        self.bridges = Phrases(sorted({tuple(normalize(w).split()) for w in data.get("bridges") or []},
                                      key=lambda b: (-len(b), b)))
        self.topic_preps = _words(data, "topic_preps")
        self.plural_heads = _words(data, "plural_heads")
        self.core_preps = _words(data, "core_preps")
        self.left_deps = frozenset(data.get("left_deps") or [])
        self.right_deps = frozenset(data.get("right_deps") or [])

    # -- Arabic ---------------------------------------------------------------------------

    def _bare(self, n: str) -> str:
        if n.startswith(ARTICLE) or ARTICLE in n[:3]:
            return strip_definite(n)
        cut = None if n in self.head_first else split_proclitic(n, self.head_first)
        return normalize(cut[1]) if cut else n

    def _arabic(self, doc: Doc, norms: list[str], marks: LexiconMarks) -> list[Signing]:
        bare = [self._bare(n) for n in norms]
        if not self.heads.found_in(bare):
            return []
        names = self._names(doc)
        out: list[Signing] = []
        resume = 0
        for i, head in self.heads.matches(bare):
            if i < resume:
                continue
            definite = ARTICLE in norms[i][:3] or norms[i].startswith(FUSED_ARTICLE)
            end = self._arabic_phrase(doc, norms, i + len(head), names, definite)
            if i > 0 and _COUNT.match(norms[i - 1]):
                resume = end  # 26 اتفاقية ومذكرة تفاهم: a series
                continue
            name = self._arabic_signed_after(doc, norms, end, names)
            if not (self._verb_before(doc, norms, i) or self.participle_alone and name is not None):
                continue
            if definite and end > i + len(head) and not (i > 0 and norms[i - 1] in self.objects):
                continue  # the signing verb's text is على + the text or an indefinite object; وقع الهجوم ... الاتفاق is not
            alias = None
            if i > 1 and norms[i - 1] in self.objects and norms[i - 2] in self.verbs:
                alias = (i - 2, end)  # التوقيع على مذكرة التفاهم ...
            elif i > 0 and norms[i - 1] in self.verbs:
                alias = (i - 1, end)  # وُقّع إعلان مشترك ...
            bare_head = end == i + len(head) and (definite or i > 0 and norms[i - 1] in self.demonstratives)
            out.append(Signing(i, end, " ".join(head), name, alias, bare_head and name is None))
            resume = end
        return out

    @staticmethod
    def _names(doc: Doc) -> dict[int, int]:
        out: dict[int, int] = {}
        for key in _SPAN_KEYS:
            for span in list(doc.spans.get(key, [])) + (list(doc.spans.get("demonyms", [])) if key == "lexicon" else []):
                out[span.start] = max(out.get(span.start, 0), span.end)
        return out

    def _verb_before(self, doc: Doc, norms: list[str], i: int) -> bool:
        """A signing verb before ``i`` in its clause, and no negation between them or a few
        words before it (ولم يتم التوقيع على أي اتفاق)."""
        for j in range(i - 1, max(-1, i - 1 - MAX_VERB_DISTANCE), -1):
            if doc[j].text in _CLAUSE_ENDS or "\n" in doc[j].text or norms[j] in self.negations:
                return False
            if norms[j] in self.verbs:
                return not any(norms[t] in self.negations for t in range(max(0, j - MAX_NEGATION_GAP), j))
        return False

    def _arabic_phrase(self, doc: Doc, norms: list[str], k: int, names: dict[int, int], definite: bool) -> int:
        """The end of a text's phrase whose head ends at ``k`` (after a definite head, only
        definite words: الاتفاق | امتدادا لمذكرة ...)."""
        n = len(doc)
        start = end = k
        while k < n and k - start < MAX_PHRASE_TOKENS:
            token, nk = doc[k], norms[k]
            bridge = match_at(norms, k, self.bridges)
            if bridge is not None and k + len(bridge) < n:
                j = k + len(bridge)
                if doc[j].text in OPEN_QUOTES:  # بشأن "شراكة استراتيجية وشاملة"
                    close = next((q for q in range(j + 1, min(n, j + 2 + MAX_QUOTED_WORDS)) if doc[q].text in CLOSE_QUOTES), None)
                    if close is None:
                        break
                    k = end = close + 1
                    break
                k = j
                continue
            if doc[k].text in OPEN_QUOTES and k > start and norms[k - 1][:1] == _GENITIVE and not definite:
                # لإقامة "شراكة استراتيجية": the quoted object of a ل-complement
                close = next((q for q in range(k + 1, min(n, k + 2 + MAX_QUOTED_WORDS)) if doc[q].text in CLOSE_QUOTES), None)
                if close is not None:
                    end = close + 1
                break
            if nk in self.stops or doc[k].text in _CLAUSE_ENDS:
                break
            if k in names:
                k = end = names[k]
                definite = True
                continue
            if token.text == "-" and not doc[k - 1].whitespace_ and not token.whitespace_ and k + 1 < n \
                    and is_arabic_word(doc[k + 1]):
                k += 1  # الجزائرية-الموريتانية
                continue
            if is_clitic(token) and nk in (_GENITIVE, WA) and k + 1 < n and is_definite(doc[k + 1]):
                k += 1
                continue
            if not is_arabic_word(token):
                break
            if is_definite(token) or nk.startswith(FUSED_ARTICLE) or nk[:1] in (_GENITIVE, WA) and nk[1:].startswith(ARTICLE):
                k = end = k + 1  # التعاون، للتعاون، والمصالحة
                definite = True
                continue
            if nk[:1] == _GENITIVE and len(nk) > 3 and k == end and not definite:
                k = end = k + 1  # لإنشاء (اللجنة ...)
                continue
            if definite or is_clitic(token) or verb_shaped(nk):
                break
            k = end = k + 1  # an indefinite chain: إعلان نوايا مشترك، بروتوكول تعاون دفاعي
        return end

    def _arabic_signed_after(self, doc: Doc, norms: list[str], k: int, names: dict[int, int]) -> tuple[int, int] | None:
        """The phrase with the signing participle or relative clause after it (الموقع مع روما،
        الذي وقعته X مع Y): its token range from the phrase's end, or None."""
        n = len(doc)
        if k < n and norms[k] in self.participles:
            j = k + 1
            if j < n and (is_clitic(doc[j]) or norms[j] in self.stops) and j + 1 < n:
                j += 1  # بالصخيرات، مع روما، في الجزائر، بين البلدين
                if j in names:
                    j = names[j]
                elif is_definite(doc[j]):
                    j += 1
                else:
                    return (k, k + 1)
                if j + 1 < n and norms[j] in self.year_cues and norms[j + 1].isdigit():
                    j += 2
            return (k, j)
        if k + 1 < n and norms[k] in self.relatives and norms[k + 1] in self.relative_verbs:
            j = k + 2
            while j < n and j - k < MAX_RELATIVE_TOKENS and norms[j] not in self.relative_stops \
                    and doc[j].text not in _CLAUSE_ENDS and doc[j].text not in ("،", ",") and not (
                    is_clitic(doc[j]) and norms[j] != WA):
                j += 1
            return (k, j)
        return None

    # -- French and English (the parse) ------------------------------------------------------

    def _parsed(self, doc: Doc, norms: list[str], marks: LexiconMarks) -> list[Signing]:
        if not doc.has_annotation("DEP"):
            return []
        out: list[Signing] = []
        for token in doc:
            if norms[token.i] not in self.head_first or token.pos_ not in ("NOUN", "PROPN"):
                continue
            start, end = self._parsed_phrase(token, norms)
            participle = self._signing_clause(token, norms, end)
            if not (self._signed_object(token, norms) or participle is not None and self.participle_alone):
                continue
            if self._negated(token, norms) or (norms[token.i] in self.plural_heads
                                               and not any(c.dep_ == "nummod" for c in token.children)):
                continue  # no agreement was signed; to sign agreements on ... (a series)
            if participle is None and end < len(doc) and doc[end].pos_ == "VERB" and "Part" in doc[end].morph.get("VerbForm"):
                participle = doc[end]  # un mémorandum d'entente portant création d'une commission
            name = alias = None
            if participle is not None and participle.i == end:
                # signé à Rabat, officialisant la formation: the participle and its first complement
                first = next((c for c in participle.children if c.i > participle.i and not c.is_punct), None)
                if first is not None and min(t.i for t in first.subtree) > participle.i:
                    name = (participle.i, first.i + 1)
                    full = self._pruned_end(first)
                    alias = (participle.i, full) if full > first.i + 1 else None
            bare_head = start == token.i and end == token.i + 1 and any(
                c.dep_ == "det" and norms[c.i] in self.definites | self.demonstratives for c in token.children)
            out.append(Signing(start, end, norms[token.i], name, alias, bare_head and name is None))
        return out

    def _negated(self, token: Token, norms: list[str]) -> bool:
        """A negation in the head's clause before it or on its verb (Aucun accord écrit n'a été
        signé, did not sign any agreement)."""
        doc = token.doc
        for j in range(token.i - 1, max(-1, token.i - 1 - MAX_PARSED_VERB_DISTANCE), -1):
            if doc[j].text in _CLAUSE_ENDS:
                break
            if norms[j] in self.negations:
                return True
        return any(norms[c.i] in self.negations for c in token.head.children) if token.head is not token else False

    def _signed_object(self, token: Token, norms: list[str]) -> bool:
        """The head is the object of a signing verb (the parse's, or one a few words before
        it in its clause: ont signé mercredi 4 octobre 2023 à Alger un mémorandum), or the
        subject of its passive."""
        if token.dep_ not in ("dobj", "obj", "nsubjpass", "nsubj:pass"):
            return False
        if norms[token.head.i] in self.verbs:
            # to sign, signer: a signing to come
            return not ("Inf" in token.head.morph.get("VerbForm")
                        or any(norms[c.i] == "to" and c.dep_ == "aux" for c in token.head.children))
        if token.dep_ in ("dobj", "obj"):
            for j in range(token.i - 1, max(-1, token.i - 1 - MAX_PARSED_VERB_DISTANCE), -1):
                if token.doc[j].text in _CLAUSE_ENDS or token.doc[j].is_sent_start:
                    break
                if norms[j] in self.verbs:
                    return True
        return False

    def _signing_clause(self, token: Token, norms: list[str], end: int) -> Token | None:
        """A signing participle or relative clause on the head (the participle right after
        the phrase counts whatever the parse hangs it on: un accord intergouvernemental signé en
        janvier 2008)."""
        for child in token.children:
            if child.dep_ in ("acl", "relcl", "acl:relcl") and child.i > token.i and norms[child.i] in self.verbs:
                return child
        doc = token.doc
        if end < len(doc) and norms[end] in self.participles and doc[end].pos_ in ("VERB", "ADJ", "AUX"):
            return doc[end]
        return None

    def _parsed_phrase(self, token: Token, norms: list[str]) -> tuple[int, int]:
        """The text's phrase: the head with its modifiers, bare complement and topic."""
        start = token.i
        for child in sorted((c for c in token.children if c.i < token.i), key=lambda c: -c.i):
            if child.dep_ not in self.left_deps or child.is_punct:
                break
            first = min(t.i for t in child.subtree)
            if max(t.i for t in child.subtree) != start - 1:
                break
            start = first
        end = token.i + 1
        for child in sorted((c for c in token.children if c.i > token.i), key=lambda c: c.i):
            if min(t.i for t in child.subtree) != end:
                break
            if child.dep_ in self.right_deps:
                end = self._pruned_end(child)
                continue
            prep = self._prep(child, norms)
            if prep in self.core_preps and not any(g.dep_ in ("det", "poss") for g in self._object(child).children):
                # memorandum of understanding on border security: the topic may hang on the complement
                end = self._pruned_end(child, frozenset({"of"}) | self.topic_preps)
                continue
            if prep in self.topic_preps:
                end = self._pruned_end(child)
            break
        return start, end

    @staticmethod
    def _object(child: Token) -> Token:
        """The noun of a complement: English ``prep`` -> its ``pobj``; French ``nmod`` itself."""
        if child.dep_ == "prep":
            return next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), child)
        return child

    @staticmethod
    def _prep(child: Token, norms: list[str]) -> str | None:
        if child.dep_ == "prep":
            return norms[child.i]
        if child.dep_ in ("nmod", "obl"):
            case = next((c for c in child.children if c.dep_ == "case" and c.i < child.i), None)
            return norms[case.i] if case is not None else None
        return None

    @classmethod
    def _pruned_end(cls, token: Token, keep: frozenset[str] = frozenset({"of"})) -> int:
        """The end of ``token``'s subtree, cut before a clause, a coordination, a comma or an
        English complement other than "of" (or those of ``keep`` right under it), at any depth."""
        end = token.i + 1
        cut = ("acl", "relcl", "acl:relcl", "advcl", "conj", "cc", "appos", "parataxis", "punct")
        for child in sorted((c for c in token.children if c.i > token.i), key=lambda c: c.i):
            if child.dep_ in cut and not (child.is_punct and child.text in OPEN_QUOTES | CLOSE_QUOTES):
                break
            if child.dep_ == "prep" and child.lower_ not in keep:
                break  # on combating cybercrime | on the sidelines of ...
            if min(t.i for t in child.subtree) != end:
                break
            end = cls._pruned_end(child, keep if child.dep_ != "prep" else frozenset({"of"}))
        return end

    # -- both -------------------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        # off (the default): nothing to read, so no token view or lexicon marks are built
        return super().__call__(doc) if self.on else doc

    def find(self, doc: Doc, norms: list[str], marks: LexiconMarks) -> list[Signing]:
        return super().find(doc, norms, marks) if self.on else []

    def assign(self, doc: Doc, found: list[Signing]) -> None:
        if not found:
            return
        existing = list(doc.spans.get("event_phrases", []))
        taken = {t for key in ("events", "event_phrases") for s in doc.spans.get(key, []) for t in range(s.start, s.end)}
        last: int | None = None  # the first token of the last signing named
        for m in found:
            if m.end <= m.start or taken & set(range(m.start, m.end)):
                continue
            span = Span(doc, m.start, m.end, label="Event")
            if m.bare:
                if last is None:
                    continue
                span._.event_name = EventName(span.text, m.head, None, antecedent=last)
            else:
                name = doc[m.start:m.name[1]].text if m.name else span.text
                alias = doc[min(m.start, m.alias[0]):max(m.end, m.alias[1])].text if m.alias else None
                years = [t.text for t in doc[m.start:max(m.end, m.name[1] if m.name else 0)]
                         if t.text.isdigit() and len(t.text) == 4]
                span._.event_name = EventName(name, m.head, years[0] if years else None, alias)
                last = m.start
            existing.append(span)
            taken.update(range(m.start, m.end))
        doc.spans["event_phrases"] = sorted(existing, key=lambda s: s.start)
