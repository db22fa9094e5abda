"""The gazetteer: countries, cities, places, agencies and organizations from ``ontology/lexicons``.

Each ``*.jsonl`` file there holds one entry a line (format in ``ontology/lexicons/README.md``).
:func:`load_lexicon` reads them once per process.

Usage::

    from pipeline.ontology_data import load_lexicon
    lex = load_lexicon()
    lex.entries["country/MA"].labels["ar"]   # 'المغرب'
    lex.demonym_country("المغربية")          # 'country/MA'
    dgsn = lex.entries["agency/ma-dgsn"]
    dgsn.generic                             # False: its canonical name is its own
    dgsn.is_generic_form("DGSN")             # True: Algeria's DGSN shares it
    dgsn.is_generic_form("الشرطة المغربية")   # False: country-qualified
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from pipeline.language.morphology import strip_article
from pipeline.language.normalize import normalize_key
from pipeline.ontology_data.files import LEXICON_DIR

LANGS = ("ar", "fr", "en")


@dataclass
class LexiconEntry:
    id: str
    type: str
    labels: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, list[str]] = field(default_factory=dict)
    acronyms: list[str] = field(default_factory=list)
    country: str | None = None
    iso3166: str | None = None
    geonames: int | None = None
    population: int | None = None
    demonyms: dict[str, list[str]] = field(default_factory=dict)
    ambiguous: bool = False
    # The canonical label itself is a name many states share (Ministry of Interior).
    generic: bool = False
    kind: str | None = None
    # Names that are also common words (مالي "financial", Jordan, WHO): matched only in context.
    ambiguous_forms: dict[str, list[str]] = field(default_factory=dict)
    # Names several entries share (DGSN of Morocco and of Algeria): bound by context.
    # Keys are languages plus "acronyms".
    generic_forms: dict[str, list[str]] = field(default_factory=dict)
    capital: int | None = None
    # A city named like a region of its state (Kairouan, Agadez, Cádiz): the ISO 3166-2 code of
    # that region, which a region head before the name reads (ولاية القيروان, province of Cádiz).
    subdivision: str | None = None
    # GeoNames continent code of countries and continents (AF, EU...).
    continent: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "LexiconEntry":
        known = cls.__dataclass_fields__
        return cls(**{k: v for k, v in data.items() if k in known and v is not None})

    @property
    def label(self) -> str:
        """Canonical label: English where known."""
        for lang in ("en", "fr", "ar"):
            if self.labels.get(lang):
                return self.labels[lang]
        return self.id

    @cached_property
    def _ambiguous_keys(self) -> frozenset[str]:
        return frozenset(normalize_key(f) for forms in self.ambiguous_forms.values() for f in forms)

    @cached_property
    def _generic_keys(self) -> frozenset[str]:
        return frozenset(normalize_key(f) for forms in self.generic_forms.values() for f in forms)

    def is_ambiguous_form(self, text: str) -> bool:
        """True when ``text`` is a name of this entry that is also a common word."""
        return normalize_key(text) in self._ambiguous_keys

    def is_generic_form(self, text: str) -> bool:
        """True when ``text`` is a name this entry shares with other entries (other states'
        agencies): it names this entry only when the context says which state is meant."""
        return normalize_key(text) in self._generic_keys

    def surface_forms(self) -> list[tuple[str, str, str]]:
        """``(text, lang, kind)`` for every name; kind is label, alias or acronym."""
        forms: list[tuple[str, str, str]] = []
        for lang, text in self.labels.items():
            forms.append((text, lang, "label"))
        for lang, texts in self.aliases.items():
            forms.extend((t, lang, "alias") for t in texts)
        for acro in self.acronyms:
            lang = "ar" if any("\u0600" <= c <= "\u06ff" for c in acro) else "xx"
            forms.append((acro, lang, "acronym"))
        return [f for f in forms if f[0] and f[0].strip()]


class Lexicon:
    """All entries, with look-ups by id, normalized name and demonym."""

    def __init__(self, entries: list[LexiconEntry]) -> None:
        self.entries = {e.id: e for e in entries}
        self.by_name: dict[str, list[str]] = defaultdict(list)
        self.demonyms: dict[str, str] = {}
        for entry in entries:
            for text, _, _ in entry.surface_forms():
                key = normalize_key(text)
                if entry.id not in self.by_name[key]:
                    self.by_name[key].append(entry.id)
            for forms in entry.demonyms.values():
                for form in forms:
                    self.demonyms.setdefault(normalize_key(form), entry.id)
        self.countries_by_iso = {e.iso3166 or e.country: e.id for e in entries if e.type == "Country"}

    def __len__(self) -> int:
        return len(self.entries)

    def lookup(self, name: str) -> list[LexiconEntry]:
        return [self.entries[i] for i in self.by_name.get(normalize_key(name), [])]

    def demonym_country(self, word: str) -> str | None:
        """Country id for a demonym or nationality adjective (with or without ال)."""
        key = normalize_key(word)
        if key in self.demonyms:
            return self.demonyms[key]
        bare = strip_article(key)
        if bare != key and bare in self.demonyms:
            return self.demonyms[bare]
        return None

    def country_of(self, entry_id: str) -> str | None:
        entry = self.entries.get(entry_id)
        if entry is None or not entry.country:
            return None
        return self.countries_by_iso.get(entry.country)


def read_entries(directory: Path = LEXICON_DIR) -> list[LexiconEntry]:
    entries: list[LexiconEntry] = []
    for path in sorted(directory.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            entries.extend(LexiconEntry.from_dict(json.loads(line)) for line in fh if line.strip())
    return entries


def load_lexicon(directory: str | None = None) -> Lexicon:
    """The lexicon of ``directory`` (default: ``LEXICON_DIR``), read once per process:
    ``load_lexicon()`` and ``load_lexicon(None)`` return the same object."""
    return _read_lexicon(directory or None)


@lru_cache(maxsize=4)
def _read_lexicon(directory: str | None) -> Lexicon:
    return Lexicon(read_entries(Path(directory) if directory else LEXICON_DIR))
