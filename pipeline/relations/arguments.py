"""The arguments of a document's sentences, as the relation rules see them.

:func:`sentence_contexts` splits the document into sentences (:func:`sentence_spans`) and
gives each its :class:`~pipeline.relations.context.Arg` list: the mentions (news outlets
flagged as sources), the demonyms standing for a country the document names ("la police
*marocaine*"; the combining form of a pair, *maroco*-mauritanienne, is one too), Arabic back-references to a body ("الجهاز" for "جهاز مكافحة الإرهاب"), the
countries that only qualify an agency ("… بالمغرب"); and the document-wide facts the rules
read: the reference date (when an event is named), capitals, ministries and their states.

Usage::

    contexts = sentence_contexts(doc, document, mentions)
    contexts[0].args, contexts[0].sentence
"""
from __future__ import annotations

import functools
import re

from spacy.tokens import Doc

from pipeline.language.dates import reference_date
from pipeline.language.morphology import DEFINITE_WORD, agrees_in_gender, strip_article
from pipeline.language.normalize import normalize
from pipeline.model import Document, Mention
from pipeline.ontology_data import event_kinds, load_lexicon
from pipeline.relations.context import Arg, SentenceContext, mention_key
from pipeline.relations.cues import load_cues
from pipeline.relations.words import rule_words

SENTENCE_FINAL = (".", "!", "?", "؟", "؛", "…", ".»", ".\"", ".”", "\n")
OUTLET_KINDS = {"news_agency", "media"}
QUALIFIED_TYPES = {"GovernmentAgency", "Organization", "InternationalOrganization"}
BACK_REFERENCE_TYPES = {"GovernmentAgency", "InternationalOrganization"}
# A demonym this many characters from a body's name qualifies it ("Italy's" aside).
DEMONYM_QUALIFIER_CHARS = 2
SENTENCE_ENDS = frozenset(".!?؟\n")  # no demonym qualifies a name across them
# The title families whose state a demonym right after them names ("رئيسة الوزراء الإيطالية").
TITLE_FAMILIES = ("leads", "memberRole", "government_head", "state_head")
# "المديرية العامة للأمن الوطني بالمغرب": at most this many words between agency and country.
LOCATIVE_QUALIFIER_WORDS = 2
# "ministère de l'Intérieur du Mali": at most this many words between ministry and state.
MINISTRY_STATE_WORDS = 2


def country_mentions(mentions: list[Mention]) -> dict[str, Mention]:
    out: dict[str, Mention] = {}
    for m in mentions:
        if m.type == "Country":
            out.setdefault(mention_key(m), m)
    return out


def _demonym_args(doc: Doc, mentions: list[Mention], countries: dict[str, Mention], lang: str) -> list[Arg]:
    args = []
    for span in doc.spans.get("demonyms", []):
        country = countries.get(span.kb_id_)
        if country is None:
            continue
        s, e = span.start_char, span.end_char
        # an event's phrase holds the names of its parties: a demonym that does not agree with
        # the event's head qualifies a word inside it (زيارة وزير الداخلية الإسباني), not the event
        inside = [m for m in mentions if m.start <= s and e <= m.end
                  and not (lang == "ar" and m.type == "Event" and (not agrees_in_gender(normalize(m.text), normalize(span.text))
                                                                  or _after_title(doc.text, m.start, s, lang)))]
        if inside and inside[0].type not in QUALIFIED_TYPES:
            continue  # part of a country's or a person's name
        qualifier = inside[0].id if inside else None
        if qualifier is None:
            for m in mentions:
                if m.type in QUALIFIED_TYPES and (0 <= s - m.end <= DEMONYM_QUALIFIER_CHARS or (lang == "en" and 0 <= m.start - e <= DEMONYM_QUALIFIER_CHARS)) \
                        and not set(doc.text[min(m.end, e):max(s, m.start)]) & SENTENCE_ENDS:  # "… al-Shabaab. Somali soldiers"
                    qualifier = m.id
        prefix = _combining_prefix(doc.text, s, e)
        if prefix is not None:  # "maroco-mauritanienne": Morocco is the pair's other state
            p_start, p_end, p_key = prefix
            first = countries.get(p_key)
            if p_start >= s:
                s = p_end + 1  # the combining form inside the demonym's token (franco-sénégalaise)
            if first is not None and p_key != span.kb_id_:
                args.append(Arg(first.id, "Country", p_key, p_start, p_end, doc.text[p_start:p_end], demonym=True,
                                qualifier_of=qualifier))
        args.append(Arg(country.id, "Country", span.kb_id_, s, e, doc.text[s:e], demonym=True, qualifier_of=qualifier))
    return args


_COMBINING = re.compile(r"(\w+)[-‑–]$")


def _combining_prefix(text: str, s: int, e: int) -> tuple[int, int, str] | None:
    """The combining form of a country's name joined by a hyphen to the demonym at
    ``text[s:e]`` (maroco-mauritanienne, franco-sénégalaise, Sino-Russian; event_kinds.yaml's
    ``country_prefixes``): its offsets and lexicon id, or ``None``. It is inside the demonym's
    span when the tokenizer kept the compound whole, else right before it."""
    prefixes = _prefixes()
    inside = re.match(r"(\w+)[-‑–]", text[s:e])
    if inside is not None and inside.end() < e - s:
        key = prefixes.get(normalize(inside.group(1)))
        return (s, s + len(inside.group(1)), key) if key else None
    before = _COMBINING.search(text, max(0, s - 20), s)
    if before is None or (before.start(1) > 0 and text[before.start(1) - 1].isalnum()):
        return None
    key = prefixes.get(normalize(before.group(1)))
    return (before.start(1), before.end(1), key) if key else None


@functools.lru_cache(maxsize=1)
def _prefixes() -> dict[str, str]:
    return {normalize(k): v for k, v in event_kinds()["country_prefixes"].items()}


def _after_title(text: str, lo: int, s: int, lang: str) -> bool:
    """A person's title ends right before the demonym at ``s`` (``text[lo:s]``): "زيارة
    رئيسة الوزراء الإيطالية X" (the title's state, though it agrees with the visit too)."""
    cues = load_cues()
    stretch = text[lo:s].rstrip()
    last = len(stretch.rsplit(None, 1)[0]) if len(stretch.split()) > 1 else 0  # where the last word starts
    return any(t1 > last for family in TITLE_FAMILIES for _, t1 in cues.find(family, lang, stretch))


def _is_outlet(m: Mention, lang: str) -> bool:
    """A news agency, paper or broadcaster: by its lexicon kind, or its name's head noun."""
    if m.type not in {"Organization", "GovernmentAgency"}:
        return False
    entry = load_lexicon().entries.get(m.key or "")
    if entry is not None and entry.kind in OUTLET_KINDS:
        return True
    return bool(load_cues().find("news_outlet", lang, m.text))


_AR_WORD = re.compile(r"[\u0621-\u064A\u0660-\u0669\u064B-\u0652\u0640]+")


def _body_head(m: Mention) -> str | None:
    """The head noun of a body's Arabic name ("جهاز" of "جهاز مكافحة الإرهاب"), when it is
    one of the nouns a later "الجهاز" may refer back with (``back_reference`` cues)."""
    words = normalize(m.text).split()
    if not words:
        return None
    head = strip_article(words[0])
    return head if load_cues().find("back_reference", "ar", head) else None


def _back_references(text: str, mentions: list[Mention], args: list[Arg]) -> list[Arg]:
    """"المتحدث باسم الجهاز", "الأمين العام للجامعة", "أحالت المديرية …": a definite head
    noun alone, outside any name, refers back to the last body named before it with that
    head noun; it becomes an argument carrying that body's mention id."""
    bodies = [(m, head) for m in mentions if m.type in BACK_REFERENCE_TYPES and (head := _body_head(m))]
    if not bodies:
        return []
    heads = {head for _, head in bodies}
    taken = [(a.start, a.end) for a in args]
    out = []
    for w in _AR_WORD.finditer(text, min(m.end for m, _ in bodies)):
        found = DEFINITE_WORD.match(normalize(w.group()))  # "والجهاز", "بالمديرية", "للجامعة"
        if found is None or found.group(1) not in heads or any(s0 < w.end() and w.start() < s1 for s0, s1 in taken):
            continue
        before = [m for m, head in bodies if head == found.group(1) and m.end <= w.start()]
        if before:
            m = max(before, key=lambda x: x.end)
            out.append(Arg(m.id, m.type, mention_key(m), w.start(), w.end(), w.group()))
    return out


def _capitals(mentions: list[Mention], countries: dict[str, Mention]) -> dict[str, Arg]:
    """City mention id -> its state's Arg, for capitals whose state the document names."""
    lexicon = load_lexicon()
    out = {}
    for m in mentions:
        entry = lexicon.entries.get(m.key or "")
        if m.type != "City" or entry is None or not entry.capital:
            continue
        country = countries.get(lexicon.country_of(entry.id) or "")
        if country is not None:
            out[m.id] = Arg(country.id, "Country", mention_key(country), m.start, m.end, m.text)
    return out


def sentence_contexts(doc: Doc, document: Document, mentions: list[Mention]) -> list[SentenceContext]:
    """One :class:`SentenceContext` per sentence of :func:`sentence_spans`, with its arguments."""
    lang = document.lang or "en"
    countries = country_mentions(mentions)
    all_args = [Arg(m.id, m.type, mention_key(m), m.start, m.end, m.text, source=_is_outlet(m, lang)) for m in mentions]
    all_args += _demonym_args(doc, mentions, countries, lang)
    if lang == "ar":
        all_args += _back_references(document.text, mentions, all_args)
    all_args.sort(key=lambda a: (a.start, a.end))
    _locative_qualifiers(document.text, lang, all_args)
    # Only events read the reference date: no scan of the whole text where none is named.
    reference = None
    if any(a.type == "Event" for a in all_args):  # a date without its year reads against the publication date
        reference = document.published if document.published and len(document.published) == 10 else None
        reference = reference or reference_date(document.text, lang)
    capitals = _capitals(mentions, countries)
    ministries = _ministries(document.text, lang, mentions, all_args)
    out = []
    for start, end in sentence_spans(doc, document.text):
        args = [a for a in all_args if start <= a.start < end]
        out.append(SentenceContext(document.text, start, end, lang, args, reference, capitals, ministries, doc))
    return out


def _locative_qualifiers(text: str, lang: str, args: list[Arg]) -> None:
    """"المديرية العامة للأمن الوطني بالمغرب", "la police judiciaire au Maroc": a country
    right after an agency, joined by "in" / "of" alone, says where the agency belongs; it
    is not a party of its own (it qualifies the agency)."""
    cues = load_cues()
    for prev, a in zip(args, args[1:]):
        if a.type != "Country" or a.demonym or prev.type != "GovernmentAgency" or prev.demonym:
            continue
        gap = text[prev.end:a.start]
        if len(gap.split()) <= LOCATIVE_QUALIFIER_WORDS and cues.find("locative", lang, gap) and cues.only(("locative", "of", "filler"), lang, gap):
            a.qualifier_of = prev.id


def _ministries(text: str, lang: str, mentions: list[Mention], args: list[Arg]) -> list[tuple[Arg, str, frozenset[str]]]:
    """Ministries named in the document: ``(arg, state key, content words of the name)``.
    The state comes from a demonym or country inside or next to the name ("وزارة الداخلية
    الإسبانية", "Italy's Interior Ministry", "ministère de l'Intérieur du Mali"), from the
    state the entity stage read into the name ("Ministry of the Interior of Serbia") or
    from the lexicon; failing all, the state key is "" (no state said)."""
    cues = load_cues()
    lexicon = load_lexicon()
    out = []
    for m in mentions:
        if m.type != "GovernmentAgency" or not cues.find("ministry", lang, m.text):
            continue
        state = None
        for a in args:
            if a.type != "Country" or a.id == m.id:
                continue
            inside = m.start <= a.start and a.end <= m.end
            before = a.end <= m.start and text[a.end:m.start].strip().lower() in rule_words().possessive
            after = a.start >= m.end and len(text[m.end:a.start].split()) <= MINISTRY_STATE_WORDS and cues.find("of", lang, text[m.end:a.start])
            if inside or a.qualifier_of == m.id or before or after:
                state = a.key
                break
        if state is None and m.attrs.country:  # a state the entity stage read inside the name
            state = m.attrs.country
        if state is None and m.key:
            state = lexicon.country_of(m.key)
        if state is None:
            state = ""  # a ministry of no state said ("le ministère de l'Intérieur"): a dispatch's own, or the text's one
        arg = Arg(m.id, m.type, mention_key(m), m.start, m.end, m.text)
        inner = [a for a in args if m.start <= a.start and a.end <= m.end and a.id != m.id]
        words = SentenceContext(text, m.start, m.end, lang, inner).content_words(m.start, m.end, ("ministry", "of", "filler"))
        if words:
            out.append((arg, state, words))
    return out


def sentence_spans(doc: Doc, doc_text: str) -> list[tuple[int, int]]:
    """Sentences as the parser splits them, re-joined where a split falls before any final
    punctuation (the small French and English parsers also cut at dashes and commas).
    ``doc_text`` is the text ``doc`` was parsed from (``Doc.text`` joins every token anew)."""
    spans: list[tuple[int, int]] = []
    pending: int | None = None
    for sent in doc.sents:
        start = sent.start_char if pending is None else pending
        text = doc_text[start:sent.end_char]
        closed = text.rstrip().endswith(SENTENCE_FINAL) or "\n" in doc_text[sent.end_char:sent.end_char + 2]
        if closed or sent.end == len(doc):
            spans.append((start, sent.end_char))
            pending = None
        else:
            pending = start
    return spans
