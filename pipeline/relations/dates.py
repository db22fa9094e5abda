"""Dates in text, normalized to ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

Reads the month names of ``ontology/patterns/months.yaml`` (Arabic ``يناير`` and
``كانون الثاني`` series, French, English) and finds, on normalized text (Arabic-Indic
digits folded to ASCII), full dates (``13 novembre 2015``, ``November 13, 2015``,
``13 تشرين الثاني 2015``, ``2015-11-13``, ``13/11/2015``), month and year
(``juillet 2017``) and bare years (``2017``, ``عام 1945م``). A month without a year is
not a date we can normalize and is skipped.

Usage::

    find_dates("وقعت أحداث باتاكلان في 13 نوفمبر ٢٠١٥", "ar")
    # -> [DateMention(start=23, end=36, value='2015-11-13')]
    normalize_date("le 2 juillet 2017", "fr")   # -> '2017-07-02'
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from pipeline.entities.lexicon import ONTOLOGY_DIR
from pipeline.language.normalize import normalize_with_offsets

MONTHS_FILE = ONTOLOGY_DIR / "patterns" / "months.yaml"
YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_AR_PROCLITIC = r"(?:[وبل]?)"


@dataclass(frozen=True)
class DateMention:
    """A date found in a text: character span in the ORIGINAL text and its value."""

    start: int
    end: int
    value: str


@lru_cache(maxsize=1)
def load_months() -> dict[str, dict[str, int]]:
    """``{lang: {normalized month name: month number}}``."""
    from pipeline.language.normalize import normalize

    data = yaml.safe_load(MONTHS_FILE.read_text(encoding="utf-8"))
    out: dict[str, dict[str, int]] = {}
    for number, by_lang in data.items():
        for lang, names in by_lang.items():
            for name in names:
                out.setdefault(lang, {})[normalize(name).rstrip(".")] = int(number)
    return out


@lru_cache(maxsize=4)
def _patterns(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    months = load_months().get(lang, {})
    names = "|".join(re.escape(n) for n in sorted(months, key=len, reverse=True))
    month = rf"(?P<month>{names})\.?"
    day = r"(?P<day>[0-3]?\d)(?:er|st|nd|rd|th)?"
    pre = _AR_PROCLITIC if lang == "ar" else ""
    sep = r"[\s,]+(?:(?:de|of)\s+)?"
    return [
        ("iso", re.compile(rf"(?<!\d){YEAR}-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)")),
        ("dmy_num", re.compile(rf"(?<!\d)(?P<day>[0-3]?\d)[/.](?P<month>[01]?\d)[/.]{YEAR}(?!\d)")),
        ("dmy", re.compile(rf"(?<![\w]){day}\s+{pre}{month}{sep}{YEAR}(?!\d)")),
        ("mdy", re.compile(rf"(?<![\w]){month}\s+{day},?\s+{YEAR}(?!\d)")),
        ("my", re.compile(rf"(?<![\w]){pre}{month}{sep}{YEAR}(?!\d)")),
        ("y", re.compile(rf"(?<![\w\d-]){YEAR}(?![\d])")),
    ]


def _value(match: re.Match[str], lang: str) -> str | None:
    year = match.group("year")
    groups = match.groupdict()
    month_text = groups.get("month")
    if month_text is None:
        return year
    month = int(month_text) if month_text.isdigit() else load_months()[lang].get(month_text.rstrip("."))
    if not month or not 1 <= month <= 12:
        return None
    if groups.get("day"):
        day = int(groups["day"])
        if not 1 <= day <= 31:
            return None
        return f"{year}-{month:02d}-{day:02d}"
    return f"{year}-{month:02d}"


def find_dates(text: str, lang: str) -> list[DateMention]:
    """Non-overlapping dates of ``text``, most specific first at each place, in text order."""
    norm, index = normalize_with_offsets(text)
    found: list[DateMention] = []
    taken: set[int] = set()
    for _, pattern in _patterns(lang):
        for match in pattern.finditer(norm):
            span = set(range(match.start(), match.end()))
            if span & taken:
                continue
            value = _value(match, lang)
            if value is None:
                continue
            taken |= span
            start = index[match.start()]
            end = index[match.end() - 1] + 1
            found.append(DateMention(start, end, value))
    return sorted(found, key=lambda d: d.start)


def normalize_date(text: str, lang: str) -> str | None:
    """The first date of ``text``, normalized; ``None`` when there is none."""
    dates = find_dates(text, lang)
    return dates[0].value if dates else None
