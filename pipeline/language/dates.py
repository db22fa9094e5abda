"""Dates in text, normalized to ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

Reads the month and weekday names of ``ontology/patterns/months.yaml`` (Arabic ``يناير``
and ``كانون الثاني`` series, also written together as ``كانون الثاني/يناير``, French,
English) and finds, on normalized text (Arabic-Indic digits folded to ASCII), full dates
(``13 novembre 2015``, ``November 13, 2015``, ``13 تشرين الثاني 2015``, ``2015-11-13``,
``13/11/2015``), month and year (``juillet 2017``) and bare years (``2017``, ``عام 1945م``).

A date without its year (``le 19 novembre``, ``from 1 to 14 September``, ``on Monday``,
``يوم الخميس``) is resolved against a reference date, the document's dateline or first
full date (:func:`reference_date`); without a reference it is skipped. A weekday is the
last such day on or before the reference (news report what happened); a day and month
more than six months after the reference belong to the year before.

Usage::

    find_dates("وقعت أحداث باتاكلان في 13 نوفمبر ٢٠١٥", "ar")
    # -> [DateMention(start=23, end=36, value='2015-11-13')]
    normalize_date("le 2 juillet 2017", "fr")   # -> '2017-07-02'
    ref = reference_date("RABAT, May 20, 2024 - ...", "en")       # -> '2024-05-20'
    find_dates("They met on Monday.", "en", reference=ref)[0].value   # -> '2024-05-20'
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.language.morphology import DATE_PROCLITICS, optional_proclitic
from pipeline.language.normalize import normalize, normalize_with_offsets
from pipeline.ontology_data import months

YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_AR_PROCLITIC = optional_proclitic(DATE_PROCLITICS)
# The patterns of _patterns and _partial_patterns that can match a text without a digit.
_DIGITLESS = frozenset({"weekday"})
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class DateMention:
    """A date found in a text: character span in the ORIGINAL text and its value."""

    start: int
    end: int
    value: str


def _names(data: dict) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for number, by_lang in data.items():
        for lang, names in by_lang.items():
            for name in names:
                out.setdefault(lang, {})[normalize(name).rstrip(".")] = int(number)
    return out


@lru_cache(maxsize=1)
def load_months() -> dict[str, dict[str, int]]:
    """``{lang: {normalized month name: month number}}``."""
    return _names({k: v for k, v in months().items() if isinstance(k, int)})


@lru_cache(maxsize=1)
def load_weekdays() -> dict[str, dict[str, int]]:
    """``{lang: {normalized weekday name: ISO weekday number}}``."""
    return _names(months().get("weekdays", {}))


def _alternation(names) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


@lru_cache(maxsize=4)
def _patterns(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    names = _alternation(load_months().get(lang, {}))
    # "كانون الثاني/يناير": the two Arabic series written together.
    month = rf"(?P<month>{names})\.?(?:\s*/\s*(?:{names})\.?)?"
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


@lru_cache(maxsize=4)
def _partial_patterns(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    """Dates without a year; resolved against a reference date."""
    names = _alternation(load_months().get(lang, {}))
    month = rf"(?P<month>{names})\.?(?:\s*/\s*(?:{names})\.?)?"
    day = r"(?P<day>[0-3]?\d)(?:er|st|nd|rd|th)?"
    upto = "(?:" + "|".join(re.escape(w) for w in months()["range_words"]) + ")"
    pre = _AR_PROCLITIC if lang == "ar" else ""
    weekdays = _alternation(load_weekdays().get(lang, {}))
    return [
        # "from 1 to 14 September", "du 1er au 14 septembre": the first day.
        ("dm_range", re.compile(rf"(?<![\w]){day}\s*{upto}\s*[0-3]?\d(?:er|st|nd|rd|th)?\s+{pre}{month}(?![\w])")),
        ("dm", re.compile(rf"(?<![\w]){day}\s+{pre}{month}(?![\w])")),
        ("md", re.compile(rf"(?<![\w]){month}\s+{day}(?!\d)")) if lang == "en" else ("md", None),
        ("weekday", re.compile(rf"(?<![\w]){pre}(?P<weekday>{weekdays})(?![\w])(?![\s,]+\d)")) if weekdays else ("weekday", None),
    ]


def _value(match: re.Match[str], lang: str, reference: str | None = None) -> str | None:
    groups = match.groupdict()
    year = groups.get("year")
    if groups.get("weekday"):
        return _weekday_value(load_weekdays()[lang][groups["weekday"]], reference)
    if year is None:
        if reference is None:
            return None
        year = reference[:4]
    month_text = groups.get("month")
    if month_text is None:
        return year
    month = int(month_text) if month_text.isdigit() else load_months()[lang].get(month_text.rstrip("."))
    if not month or not 1 <= month <= 12:
        return None
    if groups.get("year") is None and reference and len(reference) >= 7 and month - int(reference[5:7]) > 6:
        year = str(int(year) - 1)  # "le 19 décembre" in a January dispatch
    if groups.get("day"):
        day = int(groups["day"])
        if not 1 <= day <= 31:
            return None
        return f"{year}-{month:02d}-{day:02d}"
    return f"{year}-{month:02d}"


def _weekday_value(weekday: int, reference: str | None) -> str | None:
    if reference is None:
        return None
    if len(reference) < 10:
        return reference[:4]
    ref = dt.date.fromisoformat(reference)
    return (ref - dt.timedelta(days=(ref.isoweekday() - weekday) % 7)).isoformat()


def find_dates(text: str, lang: str, reference: str | None = None) -> list[DateMention]:
    """Non-overlapping dates of ``text``, most specific first at each place, in text order;
    with a ``reference`` date, also the dates that give no year."""
    norm, index = normalize_with_offsets(text)
    found: list[DateMention] = []
    taken: set[int] = set()
    patterns = _patterns(lang) + (_partial_patterns(lang) if reference else [])
    digits = _DIGIT.search(norm) is not None  # most sentences have none: skip the patterns that need one
    for name, pattern in patterns:
        if pattern is None or not digits and name not in _DIGITLESS:
            continue
        for match in pattern.finditer(norm):
            span = set(range(match.start(), match.end()))
            if span & taken:
                continue
            value = _value(match, lang, reference)
            if value is None:
                continue
            taken |= span
            start = index[match.start()]
            end = index[match.end() - 1] + 1
            found.append(DateMention(start, end, value))
    return sorted(found, key=lambda d: d.start)


def reference_date(text: str, lang: str) -> str | None:
    """The date a document is written on: its first full date (the dateline's, or the
    lead's), else its first month and year; ``None`` when it has neither."""
    dates = find_dates(text, lang)
    for size in (10, 7):
        for d in dates:
            if len(d.value) == size:
                return d.value
    return None


def normalize_date(text: str, lang: str) -> str | None:
    """The first date of ``text``, normalized; ``None`` when there is none."""
    dates = find_dates(text, lang)
    return dates[0].value if dates else None
