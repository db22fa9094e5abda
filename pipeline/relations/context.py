"""The arguments of one sentence, as the relation patterns see them.

An :class:`Arg` is a mention of the sentence, or a demonym (``doc.spans["demonyms"]``,
``kb_id_`` = country id) standing for a country that the document names elsewhere: the
demonym carries that country mention's id, so "la police marocaine" can relate to the
"Maroc" of another sentence. A :class:`SentenceContext` holds a sentence's arguments in
text order and answers the questions the patterns ask: the text between two arguments,
whether it holds only certain cues, the cues of a family in a stretch of the sentence.

Usage::

    ctx = SentenceContext(document.text, sent.start_char, sent.end_char, "fr", args)
    ctx.gap(a, b)                                  # the text between a and b
    ctx.only_between(a, b, ("conjunction", "filler"))
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from pipeline.language.morphology import ARTICLE, CONJUNCTIONS, FUSED_ARTICLE, PREPOSITIONS
from pipeline.language.normalize import normalize
from pipeline.model import Mention
from pipeline.relations.cues import load_cues
from pipeline.relations.words import rule_words

PARTY_TYPES = frozenset({"Country", "GovernmentAgency", "InternationalOrganization", "Organization"})
PLACE_TYPES = frozenset({"City", "Location", "Country"})
# The Arabic article as a portfolio word carries it in a name or a title, tried in this
# order: وال, بال, the fused لل, ال (other proclitic forms are kept whole).
_AR_ARTICLES = (CONJUNCTIONS[0] + ARTICLE, PREPOSITIONS[0] + ARTICLE, FUSED_ARTICLE, ARTICLE)


@dataclass
class Arg:
    """An argument candidate: ``id`` is the mention id a relation will carry."""

    id: str
    type: str
    key: str
    start: int
    end: int
    text: str
    demonym: bool = False
    # A demonym that qualifies a neighbouring name ("police marocaine"), not a party itself.
    qualifier_of: str | None = None
    # A news outlet (dateline "(APS)", "بترا", "AFP"): the source of the text, not a party.
    source: bool = False


def mention_key(m: Mention) -> str:
    return m.key or normalize(m.text)


@dataclass
class SentenceContext:
    text: str  # the whole document text
    start: int
    end: int
    lang: str
    args: list[Arg] = field(default_factory=list)
    # The document's date (dateline or first full date): resolves "le 19 novembre", "on Monday".
    # Only events read it: left None in a document that names no event.
    reference: str | None = None
    # Capital cities standing for their state ("Rabat et Madrid coopèrent"): city arg id ->
    # the Arg of that state's mention in the document.
    capitals: dict[str, Arg] = field(default_factory=dict)
    # Ministries the document names, each with its state's key and the content words of
    # its name: a portfolio minister ("وزير الداخلية الإسباني") leads the one that matches.
    ministries: list[tuple[Arg, str, frozenset[str]]] = field(default_factory=list)
    # The parsed document (the rules that read the dependency parse take the sentence's tokens
    # from it); None where a context is built from text alone.
    doc: Doc | None = None

    @property
    def sentence(self) -> str:
        return self.text[self.start:self.end]

    def statement_span(self, start: int, end: int) -> tuple[int, int]:
        """The part of the sentence that states what lies in ``text[start:end]``: the lines
        of the sentence holding that stretch, blanks trimmed. A sentence the splitter ran
        over a line break (a headline or a byline above the first sentence, two paragraphs)
        is cut back to its own line(s)."""
        lo = max(self.start, self.text.rfind("\n", self.start, max(start, self.start)) + 1)
        nl = self.text.find("\n", min(end, self.end), self.end)
        hi = self.end if nl < 0 else nl
        while lo < hi and self.text[lo].isspace():
            lo += 1
        while hi > lo and self.text[hi - 1].isspace():
            hi -= 1
        return (lo, hi) if lo < hi else (self.start, self.end)

    def gap(self, a: Arg, b: Arg) -> str:
        """Text between two arguments, whichever comes first."""
        first, second = (a, b) if a.start <= b.start else (b, a)
        return self.text[first.end:second.start] if second.start >= first.end else ""

    def gap_span(self, a: Arg, b: Arg) -> tuple[int, int]:
        """Offsets of :meth:`gap`."""
        first, second = (a, b) if a.start <= b.start else (b, a)
        return (first.end, second.start) if second.start >= first.end else (first.end, first.end)

    def words(self, text: str) -> int:
        return len(text.split())

    def only(self, text: str, families: tuple[str, ...]) -> bool:
        return load_cues().only(families, self.lang, text)

    def only_between(self, a: Arg, b: Arg, families: tuple[str, ...]) -> bool:
        return self.only(self.gap(a, b), families)

    def cues(self, family: str, start: int | None = None, end: int | None = None) -> list[tuple[int, int]]:
        """Cues of ``family`` in ``text[start:end]`` (the sentence by default), document offsets."""
        s = self.start if start is None else max(self.start, start)
        e = self.end if end is None else min(self.end, end)
        return load_cues().find(family, self.lang, self.text[s:e], offset=s) if e > s else []

    def content_words(self, start: int, end: int, skip: tuple[str, ...] = ()) -> frozenset[str]:
        """Stems of the content words of ``text[start:end]``: arguments, cues of the ``skip``
        families and short function words left out (portfolio words: "Interior", "الداخلية")."""
        chars = list(self.text[start:end])
        # an event phrase that holds other arguments (زيارة وزير الداخلية الإسباني X إلى Y)
        # is words of its own around them: only the arguments inside it are left out
        spans = [(a.start, a.end) for a in self.args
                 if not (a.type == "Event" and any(b is not a and a.start <= b.start and b.end <= a.end for b in self.args))]
        for family in skip:
            spans += load_cues().find(family, self.lang, self.text[start:end], offset=start)
        for s0, s1 in spans:
            for i in range(max(s0, start), min(s1, end)):
                chars[i - start] = " "
        out = set()
        for word in normalize("".join(chars)).split():
            word = word.strip(".,;:()«»\"'’-،؛")
            for article in rule_words().elided_articles + _AR_ARTICLES:
                if word.startswith(article) and len(word) - len(article) >= 4:
                    word = word[len(article):]
                    break
            if len(word) >= 4:
                out.add(word[:6])
        return frozenset(out)

    def before(self, arg: Arg, n_words: int) -> tuple[int, int]:
        """The span of the ``n_words`` words before ``arg`` within the sentence."""
        head = self.text[self.start:arg.start]
        parts = head.split()
        tail = " ".join(parts[-n_words:]) if parts else ""
        idx = head.rfind(tail) if tail else len(head)
        return self.start + max(idx, 0), arg.start

    def after(self, arg: Arg, n_words: int) -> tuple[int, int]:
        rest = self.text[arg.end:self.end]
        parts = rest.split()
        if not parts:
            return arg.end, arg.end
        chunk = parts[:n_words]
        pos = 0
        for w in chunk:
            pos = rest.find(w, pos) + len(w)
        return arg.end, arg.end + pos

    def between_args(self, a: Arg, b: Arg) -> list[Arg]:
        """Arguments lying wholly in the gap between ``a`` and ``b``."""
        lo, hi = min(a.end, b.end), max(a.start, b.start)
        return [x for x in self.args if x is not a and x is not b and lo <= x.start and x.end <= hi]

    def headline(self) -> tuple[int, int] | None:
        """The span of the document's title line when this sentence lies in it: a first
        line followed by a line break, short and without final punctuation."""
        start = len(self.text) - len(self.text.lstrip())
        end = self.text.find("\n", start)
        if end < 0 or not start <= self.start < end:
            return None
        line = self.text[start:end].strip()
        if len(line.split()) > 16 or line.endswith((".", "!", "?", "؟")) and not line.endswith(".."):
            return None
        return start, end

    def metonymic_capitals(self) -> list[Arg]:
        """Capitals as their state, where the city is a party and not a place: not after
        "in" / "à" / "في", not a dateline ("RABAT -", "Rabat (MAP)"), not "Rabat, Morocco"."""
        out = []
        for a in self.args:
            country = self.capitals.get(a.id)
            if country is None:
                continue
            lo, _ = self.before(a, 1)
            if self.cues("locative", lo, a.start) or self.cues("within", lo, a.start):
                continue
            line_start = self.text.rfind("\n", 0, a.start) + 1
            following = self.text[a.end:a.end + 3].lstrip(" ")
            if not self.text[line_start:a.start].strip() and following[:1] in {"-", "—", "–", "(", ","}:
                continue
            if any(b.type == "Country" and not b.demonym and b.start >= a.end and self.text[a.end:b.start].strip() in {",", "،"} for b in self.args):
                continue
            out.append(Arg(country.id, country.type, country.key, a.start, a.end, a.text))
        return out

    def parties(self, *, demonyms: bool = False) -> list[Arg]:
        return [a for a in self.args if a.type in PARTY_TYPES and a.qualifier_of is None
                and not a.source and (demonyms or not a.demonym)]
