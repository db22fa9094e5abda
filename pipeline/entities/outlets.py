"""News outlets named by their noun in French and English text.

A press title's lowercase noun (``outlet_nouns`` under Organization in
``ontology/patterns/entity_heads.yaml``: quotidien, journal, hebdomadaire, daily, newspaper,
weekly...) with at most its demonyms, then a capitalized name: the name is an outlet, an
Organization, whatever else its words may look like (an "Al X" that reads like a person's
name, a place's name inside it). English also names the outlet before the noun: "the Sahel
Tribune newspaper". Arabic has no capitals to end a name: only an agency's name closed by
للأنباء (وكالة قدس برس للأنباء) is read, whole. The name alone is the mention ("le quotidien Liberté" names Liberté), as
the guidelines annotate outlets; a name the lexicon holds as an Organization is left to it.

Usage::

    doc = get_nlp("fr")("Selon le quotidien Al Akhbar, le ministre a démissionné.")
    [s.text for s in outlet_names(doc, "fr")]   # ['Al Akhbar']
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span

from pipeline.entities.component import AR_STOP
from pipeline.entities.tokens import (LexiconMarks, Phrases, is_arabic_word, is_capitalized, is_clitic, lexicon_marks, norm,
                                      phrases, token_view)
from pipeline.language.morphology import LAM
from pipeline.language.normalize import normalize
from pipeline.language.transliterate import load_tables
from pipeline.ontology_data import entity_heads

# The longest outlet name read after (or before) its noun, in tokens.
MAX_NAME = 6
# Lowercase words inside a name when a capitalized word follows (Tribune de Genève, Voice of
# America, Al Akhbar al Yaoum); Latin transliterated articles come from the transliteration tables.
CONNECTORS = {"fr": frozenset({"de", "du", "des", "d'", "d’", "la", "le", "l'", "l’", "et"}),
              "en": frozenset({"of", "the", "and", "de", "du", "la", "le"})}
QUOTES = frozenset({'"', "«", "»", "“", "”", "'", "‘", "’"})


@lru_cache(maxsize=4)
def outlet_nouns(lang: str) -> Phrases:
    """The outlet nouns of ``lang`` (normalized word tuples, longest first)."""
    spec = (entity_heads().get(lang) or {}).get("Organization") or {}
    return phrases(spec.get("outlet_nouns"))


def _name_after(doc: Doc, k: int, lang: str, marks: LexiconMarks) -> tuple[int, int] | None:
    """The capitalized name starting at token ``k`` (after an opening quote), or None."""
    while k < len(doc) and doc[k].text in QUOTES:
        k += 1
    if k >= len(doc) or not is_capitalized(doc[k]) or marks.demonym_at(k):
        return None
    start = end = k
    connectors = CONNECTORS[lang] | load_tables().latin_articles
    while end < len(doc) and end - start < MAX_NAME:
        token = doc[end]
        if is_capitalized(token) or token.text[:1].isdigit():
            end += 1
        elif token.text in ("-", "‐", "‑") and not doc[end - 1].whitespace_ and end + 1 < len(doc):
            end += 1
        elif norm(token) in connectors and end + 1 < len(doc) and is_capitalized(doc[end + 1]):
            end += 1
        else:
            break
    while end > start and not (is_capitalized(doc[end - 1]) or doc[end - 1].text[:1].isdigit()):
        end -= 1  # no connector or hyphen closes a name
    return (start, end) if end > start else None


def _name_before(doc: Doc, i: int, marks: LexiconMarks) -> tuple[int, int] | None:
    """The capitalized words right before the noun at ``i``, after "the" (the Sahel Tribune
    newspaper), without a demonym (the Moroccan newspaper), or None."""
    start = i
    while (start > 0 and i - start < MAX_NAME and is_capitalized(doc[start - 1]) and not marks.demonym_at(start - 1)
           and norm(doc[start - 1]) != "the"):
        start -= 1
    if start == i or start == 0 or norm(doc[start - 1]) != "the" or doc[start].is_sent_start:
        return None
    return start, i


@lru_cache(maxsize=1)
def _arabic_frame() -> tuple[frozenset[str], frozenset[str]]:
    """The Arabic agency nouns and the words after ل that close an agency's name (وكالة X للأنباء)."""
    spec = (entity_heads().get("ar") or {}).get("Organization") or {}
    return (frozenset(normalize(w) for w in spec.get("outlet_nouns") or []),
            frozenset(normalize(w) for w in spec.get("outlet_closers") or []))


def _arabic_agencies(doc: Doc) -> list[Span]:
    """وكالة X للأنباء: the agency noun, one to three words of a name, ل + الأنباء (the
    tokenizer splits the ل off); the whole phrase is the agency's name."""
    nouns, closers = _arabic_frame()
    norms = token_view(doc).norms
    found: list[Span] = []
    for i, word in enumerate(norms):
        if word not in nouns:
            continue
        for j in range(i + 2, min(i + 5, len(doc) - 1)):
            if norms[j] == LAM and norms[j + 1] in closers:
                if all(is_arabic_word(t) and not is_clitic(t) and norm(t) not in AR_STOP for t in doc[i + 1:j]):
                    found.append(Span(doc, i, j + 2, label="Organization"))
                break
    return found


@lru_cache(maxsize=4)
def _platform_cues(lang: str) -> frozenset[str]:
    spec = (entity_heads().get(lang) or {}).get("Organization") or {}
    return frozenset(normalize(w) for w in spec.get("platform_x_cues") or [])


def _platform_x(doc: Doc, lang: str) -> list[Span]:
    """The platform X (formerly Twitter), a name of one letter no lexicon matches: "X" right
    after "on", "sur", "via" ("wrote on X", "a publié sur X") and before punctuation or a
    lowercase word."""
    cues = _platform_cues(lang)
    return [Span(doc, t.i, t.i + 1, label="Organization") for t in doc
            if t.text == "X" and t.i > 0 and norm(doc[t.i - 1]) in cues
            and (t.i + 1 == len(doc) or doc[t.i + 1].is_punct or doc[t.i + 1].is_lower)]


def outlet_names(doc: Doc, lang: str) -> list[Span]:
    """Outlet names read from their noun in ``doc`` (French and English; Arabic: وكالة X
    للأنباء), in text order; ``span._`` untouched, ``label_`` Organization."""
    if lang == "ar":
        marks = lexicon_marks(doc)
        return [s for s in _arabic_agencies(doc)
                if not any(marks.name.get(k) is not None and marks.name[k].label_ == "Organization"
                           for k in range(s.start, s.end))]
    nouns = outlet_nouns(lang) if lang in CONNECTORS else Phrases()
    norms = token_view(doc).norms
    if not nouns or not nouns.found_in(norms):
        return _platform_x(doc, lang) if lang in CONNECTORS else []
    marks = lexicon_marks(doc)
    found: list[Span] = []
    for i, noun in nouns.matches(norms):
        if is_capitalized(doc[i]) and not doc[i].is_sent_start:
            continue  # Le Journal du Dimanche, Daily Trust: the noun is part of a name
        k = i + len(noun)
        while k < len(doc) and marks.demonym_at(k):
            k += 1  # le quotidien algérien X, the Israeli daily X
        spans = [_name_after(doc, k, lang, marks)]
        if lang == "en":
            spans.append(_name_before(doc, i, marks))
        for bounds in spans:
            if bounds is None:
                continue
            start, end = bounds
            if doc[start].ent_type_ in ("DATE", "TIME") or (
                    end < len(doc) and end > i and doc[end].pos_ == "NOUN" and doc[end].is_lower):
                continue  # the weekly Friday prayers, the daily Cabinet meeting: no outlet
            lexicon = marks.name.get(start)
            if lexicon is not None and lexicon.start == start and lexicon.end >= end:
                continue  # a lexicon name (Le Monde, a city) stands as the lexicon reads it
            found.append(Span(doc, start, end, label="Organization"))
    return sorted(found + _platform_x(doc, lang), key=lambda s: s.start)
