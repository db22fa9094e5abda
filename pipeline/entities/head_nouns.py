"""``head_noun_patterns``: state bodies, organizations and places named by a head noun.

A name that no lexicon holds is often a head noun plus its complement
(``ontology/patterns/entity_heads.yaml``):

- Arabic: the head, then definite words, ل + definite word, a country or a demonym
  (المديرية العامة للأمن الوطني، وزارة الداخلية الفرنسية، خفر السواحل الليبي). Heads
  such as الحكومة or الاستخبارات count only with a demonym or country. Organization
  and place heads (صحيفة، البارجة) take a quoted name: صحيفة «ديلي تلغراف».
- French: the head, adjectives and de/du/de la complements (ministère italien de
  l'Intérieur, Garde nationale tunisienne, Direction générale de la sécurité intérieure).
- English: capitalized words, a demonym or a country before the head, "of (the) X" after
  it (U.S. Central Command, Egyptian armed forces, Ministry of the Interior).

A Latin name must show it is a name: a capitalized head, a demonym or country, or a
capitalized complement.

Assigns ``doc.spans["heads"]``: ``label_`` the entity type, ``kb_id_`` the country id of a
demonym or country inside the name ("" if none). ``doc.user_data["head_names"]`` maps
``(start_char, end_char)`` to ``{"head": ..., "country": ..., "quoted": bool}``.

Usage::

    nlp = spacy.blank("ar")
    nlp.add_pipe("lexicon_matcher"); nlp.add_pipe("head_noun_patterns")
    doc = nlp("أعلنت وزارة الداخلية الفرنسية")
    [(s.text, s.label_) for s in doc.spans["heads"]]  # [('وزارة الداخلية الفرنسية', 'GovernmentAgency')]
"""
from __future__ import annotations

from spacy.lang.ar.stop_words import STOP_WORDS as AR_STOP
from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.entities.tokens import (
    PATTERNS_DIR,
    LexiconMarks,
    is_capitalized,
    is_clitic,
    is_definite,
    load_yaml,
    match_at,
    norm,
    phrases,
)
from pipeline.language.normalize import normalize

HEADS_FILE = PATTERNS_DIR / "entity_heads.yaml"
OPEN_QUOTES = {"«", "“", '"', "„", "'"}
CLOSE_QUOTES = {"»", "”", '"', "'"}
MAX_COMPLEMENT = 6
MAX_QUOTED = 5
_AR_STOP = frozenset(normalize(w) for w in AR_STOP)
_FR_DE = {"de", "du", "des", "d'", "d’", "l'", "l’", "la", "le", "les"}
_EN_OF = {"of", "the", "for"}


@Language.factory("head_noun_patterns", assigns=["doc.spans", "doc.user_data"],
                  default_config={"heads_path": str(HEADS_FILE)})
def make_head_noun_patterns(nlp: Language, name: str, heads_path: str) -> "HeadNounPatterns":
    return HeadNounPatterns(name=name, lang=nlp.lang, heads_path=heads_path)


class HeadNounPatterns:
    """Marks names built on a head noun (see module docstring)."""

    def __init__(self, *, name: str = "head_noun_patterns", lang: str = "xx", heads_path: str = str(HEADS_FILE)) -> None:
        self.name = name
        self.lang = lang
        data = load_yaml(heads_path)
        self.heads: list[tuple[tuple[str, ...], str]] = []
        self.needs_country: set[tuple[str, ...]] = set()
        self.standalone: set[tuple[str, ...]] = set()
        self.quoted_types: set[str] = set()
        for typ, spec in (data.get(lang) or {}).items():
            for head in phrases(spec.get("heads")):
                self.heads.append((head, typ))
            self.needs_country |= set(phrases(spec.get("needs_country")))
            self.standalone |= set(phrases(spec.get("standalone")))
            if spec.get("quoted_name"):
                self.quoted_types.add(typ)
        self.heads.sort(key=lambda h: -len(h[0]))
        self.head_words = [h for h, _ in self.heads]
        self.head_type = {h: t for h, t in self.heads}
        self.fr_modifiers = frozenset(normalize(w) for w in data.get("fr_modifiers", []))
        self.fr_complements = frozenset(normalize(w) for w in data.get("fr_complements", []))

    # -- Arabic ------------------------------------------------------------------------------
    def _arabic(self, doc: Doc, norms: list[str], marks: LexiconMarks) -> list[tuple[int, int, str, dict]]:
        found = []
        i = 0
        while i < len(doc):
            head = match_at(norms, i, self.head_words)
            if head is None:
                i += 1
                continue
            typ = self.head_type[head]
            h_end = i + len(head)
            if typ in self.quoted_types or typ == "Location":
                quoted = self._quoted(doc, h_end)
                if quoted:
                    found.append((quoted[0], quoted[1], typ, {"head": " ".join(head), "quoted": True}))
                    i = quoted[1]
                else:
                    i += 1
                continue
            end, country = (h_end, None) if head in self.standalone else self._arabic_complement(doc, norms, h_end, marks)
            ok = end > h_end or head in self.standalone
            if head in self.needs_country and country is None:
                ok = False
            if ok:
                found.append((i, end, typ, {"head": " ".join(head), "country": country}))
                i = end
            else:
                i += 1
        return found

    def _arabic_complement(self, doc: Doc, norms: list[str], j: int, marks: LexiconMarks) -> tuple[int, str | None]:
        country = None
        end = j
        while end < len(doc) and end - j < MAX_COMPLEMENT:
            token = doc[end]
            if marks.demonym_at(end):
                country = marks.demonym_at(end)
                end = marks.demonym[end].end
                break  # a demonym closes the name
            if marks.country_at(end):
                country = marks.country_at(end)
                end = marks.name[end].end
                break
            if is_clitic(token) and norm(token).endswith("ل") and end + 1 < len(doc) and is_definite(doc[end + 1]):
                end += 1
                continue
            if is_definite(token) and norms[end] not in _AR_STOP and not (end > j and is_clitic(doc[end - 1]) and norm(doc[end - 1]) in ("و", "ف")):
                end += 1
                continue
            break
        # A trailing clitic is not part of the name.
        while end > j and is_clitic(doc[end - 1]):
            end -= 1
        return end, country

    def _quoted(self, doc: Doc, j: int) -> tuple[int, int] | None:
        """Token range of a quoted name starting at ``j`` (the quotes excluded)."""
        if j >= len(doc) or doc[j].text not in OPEN_QUOTES:
            return None
        for k in range(j + 1, min(len(doc), j + 2 + MAX_QUOTED)):
            if doc[k].text in CLOSE_QUOTES:
                return (j + 1, k) if k > j + 1 else None
        return None

    # -- French --------------------------------------------------------------------------------
    def _french(self, doc: Doc, norms: list[str], marks: LexiconMarks) -> list[tuple[int, int, str, dict]]:
        found = []
        i = 0
        while i < len(doc):
            head = match_at(norms, i, self.head_words)
            if head is None:
                i += 1
                continue
            typ = self.head_type[head]
            end = i + len(head)
            country, capital = None, is_capitalized(doc[i])
            while end < len(doc) and end - i < MAX_COMPLEMENT + len(head):
                n = norms[end]
                if marks.demonym_at(end):
                    country = country or marks.demonym_at(end)
                    end = marks.demonym[end].end
                elif n in self.fr_modifiers:
                    end += 1
                elif n in _FR_DE and end + 1 < len(doc):
                    k = end + 1
                    while k < len(doc) and norms[k] in _FR_DE:
                        k += 1
                    if k < len(doc) and marks.country_at(k):
                        country = country or marks.country_at(k)
                        end = marks.name[k].end
                    elif k < len(doc) and is_capitalized(doc[k]) and not marks.type_at(k):
                        capital = True
                        end = k + 1
                        while end < len(doc) and (is_capitalized(doc[end]) or norms[end] in self.fr_modifiers) and not marks.type_at(end):
                            end += 1
                    elif k < len(doc) and norms[k] in self.fr_complements:
                        end = k + 1
                    else:
                        break
                else:
                    break
            ok = (capital or country is not None) and end > i + len(head) or (capital and len(head) > 1)
            if head in self.needs_country and country is None:
                ok = False
            if ok:
                found.append((i, end, typ, {"head": " ".join(head), "country": country}))
                i = end
            else:
                i += 1
        return found

    # -- English --------------------------------------------------------------------------------
    def _english(self, doc: Doc, norms: list[str], marks: LexiconMarks) -> list[tuple[int, int, str, dict]]:
        found = []
        for i in range(len(doc)):
            head = match_at(norms, i, self.head_words)
            if head is None:
                continue
            typ = self.head_type[head]
            h_end = i + len(head)
            country, capital = None, is_capitalized(doc[i])
            start = i
            while start > 0:
                k = start - 1
                if marks.demonym_at(k) or marks.country_at(k):
                    country = country or marks.demonym_at(k) or marks.country_at(k)
                    span = marks.demonym.get(k) or marks.name[k]
                    start = span.start
                elif is_capitalized(doc[k]) and not marks.type_at(k) and not doc[k].is_sent_start and norms[k] != "the":
                    start = k
                else:
                    break
            end = h_end
            if end + 1 < len(doc) and norms[end] == "of":
                k = end + 1
                while k < len(doc) and norms[k] == "the":
                    k += 1
                if k < len(doc) and marks.country_at(k):
                    country = country or marks.country_at(k)
                    end = marks.name[k].end
                elif k < len(doc) and is_capitalized(doc[k]) and capital:
                    end = k
                    while end < len(doc) and is_capitalized(doc[end]) and not marks.type_at(end):
                        end += 1
            # "U.S. service members": a head followed by a lowercase noun only modifies it.
            if end == h_end and end < len(doc) and doc[end].pos_ == "NOUN" and doc[end].is_lower:
                continue
            named = capital and (start < i or end > h_end or len(head) > 1)
            ok = named or country is not None
            if head in self.needs_country and country is None:
                ok = False
            if ok:
                found.append((start, end, typ, {"head": " ".join(head), "country": country}))
        return found

    def __call__(self, doc: Doc) -> Doc:
        marks = LexiconMarks(doc)
        norms = [norm(t) for t in doc]
        if self.lang == "ar":
            found = self._arabic(doc, norms, marks)
        elif self.lang == "fr":
            found = self._french(doc, norms, marks)
        elif self.lang == "en":
            found = self._english(doc, norms, marks)
        else:
            found = []
        spans: list[Span] = []
        info: dict[tuple[int, int], dict] = {}
        taken: set[int] = set()
        for start, end, typ, attrs in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
            if taken & set(range(start, end)):
                continue
            taken |= set(range(start, end))
            country = attrs.get("country")
            span = Span(doc, start, end, label=typ, kb_id=country if country and country != "?" else "")
            spans.append(span)
            info[(span.start_char, span.end_char)] = attrs
        doc.spans["heads"] = sorted(spans, key=lambda s: s.start)
        doc.user_data["head_names"] = info
        return doc
