"""A news text's dateline: the place, date and outlet its first lines give.

Reads the regexes and outlets of ``ontology/patterns/datelines.yaml`` and tries them on the
first non-empty lines of the text (a headline may come first): ``RABAT, 5 mars (AFP) -``,
``Rabat (Reuters) -``, ``الرباط - مراسلون 24``, ``RABAT, May 5, 2024 -``. A line that is
only a known outlet's name (a byline ``مراسلون 24``) gives the outlet. The date, when the
dateline has one, is normalized by :mod:`pipeline.language.dates` (a day and month without
a year take the year of ``published`` when it is known, else stay out).

Usage::

    d = read_dateline("RABAT, 5 mars 2024 (AFP) - Le ministre ...", "fr")
    d.place, d.date, d.outlet      # -> ('RABAT', '2024-03-05', 'AFP')
    read_dateline("الرباط - مراسلون 24\\nأفاد ...", "ar").outlet   # -> 'مراسلون 24'
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.language.dates import find_dates
from pipeline.ontology_data import datelines

# One to three words of a place name: capitalized Latin words (RABAT, Le Caire, Addis-Abeba)
# or Arabic words.
PLACE = r"(?:[A-ZÀ-Ý][\w'’.-]*|[\u0621-\u064a][\u0621-\u065f]*)(?:\s+(?:[A-ZÀ-Ý][\w'’.-]*|[\u0621-\u064a][\u0621-\u065f]*|de|du|el|al)){0,2}"
DASH = r"\s*[-–—]\s*"


@dataclass(frozen=True)
class Dateline:
    """What a dateline says; ``start``/``end``: its span in the text."""

    place: str
    date: str | None
    outlet: str | None
    start: int
    end: int


@lru_cache(maxsize=1)
def _compiled() -> tuple[int, list[re.Pattern[str]], list[str]]:
    data = datelines()
    outlets = sorted(data["outlets"], key=len, reverse=True)
    outlet = "|".join(re.escape(o) for o in outlets)
    patterns = [re.compile(p.replace("{PLACE}", PLACE).replace("{OUTLET}", f"(?:{outlet})").replace("{DASH}", DASH))
                for p in data["patterns"]]
    return data["max_lines"], patterns, outlets


def dateline_outlets() -> frozenset[str]:
    """The outlets ``datelines.yaml`` lists (named in datelines without parentheses, or alone
    on a byline line)."""
    return frozenset(_compiled()[2])


def _lines(text: str, n: int):
    offset = 0
    seen = 0
    for line in text.split("\n"):
        if line.strip():
            lead = len(line) - len(line.lstrip())
            yield offset + lead, line.strip()
            seen += 1
            if seen >= n:
                return
        offset += len(line) + 1


@lru_cache(maxsize=1)
def unnamed_outlets() -> frozenset[str]:
    """Words a dateline's parentheses hold in place of an outlet's name ("(وكالات)",
    "(Agencies)"): no outlet, lowercased."""
    return frozenset(str(w).lower() for w in datelines().get("unnamed_outlets") or [])


def read_dateline(text: str, lang: str, published: str | None = None) -> Dateline | None:
    """The dateline of ``text`` (``None`` when its first lines have none)."""
    max_lines, patterns, outlets = _compiled()
    byline = None
    for offset, line in _lines(text, max_lines):
        if byline is None and line in outlets:
            byline = line
            continue
        for pattern in patterns:
            m = pattern.match(line)
            if m is None:
                continue
            groups = m.groupdict()
            date = None
            if groups.get("date"):
                found = find_dates(groups["date"], lang, published)
                date = found[0].value if found else None
            outlet = (groups.get("outlet") or "").strip() or byline
            if outlet and outlet.lower() in unnamed_outlets():
                outlet = byline  # "انجامينا (وكالات) -": news agencies, none named
            return Dateline(m.group("place").strip(), date, outlet, offset, offset + m.end())
    if byline is not None:
        return Dateline("", None, byline, 0, 0)
    return None
