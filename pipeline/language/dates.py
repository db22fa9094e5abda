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
more than six months after the reference belong to the year before, more than six months
before it to the year after (a December dispatch announcing January).

Every date of a document, with its precision and what it is relative to
(:func:`document_dates`): absolute dates as they are; relative ones ("yesterday", "last
month", "أمس", "الثلاثاء الماضي", "mardi dernier", a date without its year) resolved
against the publication date when the document has one, else kept unresolved (marked,
never guessed); an impossible date (``31 février 2024``) or an ambiguous one (``03/04/2024``
in English) kept as text with a warning.

Usage::

    find_dates("وقعت أحداث باتاكلان في 13 نوفمبر ٢٠١٥", "ar")
    # -> [DateMention(start=23, end=36, value='2015-11-13')]
    normalize_date("le 2 juillet 2017", "fr")   # -> '2017-07-02'
    ref = reference_date("RABAT, May 20, 2024 - ...", "en")       # -> '2024-05-20'
    find_dates("They met on Monday.", "en", reference=ref)[0].value   # -> '2024-05-20'
    dates, warnings = document_dates("Il est arrivé hier.", "fr", published="2024-03-05")
    dates[0].value, dates[0].precision, dates[0].relative   # -> ('2024-03-04', 'day', True)
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.language.morphology import DATE_PROCLITICS, optional_proclitic
from pipeline.language.normalize import normalize, normalize_with_offsets
from pipeline.model import DATE_PRECISIONS, DateValue
from pipeline.ontology_data import months, relative_dates

YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_AR_PROCLITIC = optional_proclitic(DATE_PROCLITICS)
# The patterns of _patterns and _partial_patterns that can match a text without a digit.
_DIGITLESS = frozenset({"weekday"})
_DIGIT = re.compile(r"\d")
# What each pattern needs in a text to match at all; a text without it skips the pattern
# (most texts have no numeric date and few a weekday: scanning is the cost of this module).
_NEEDS = {"dmy_num": "numeric", "dmy_range": "month", "mdy_range": "month", "dmy": "month", "mdy": "month",
          "my": "month", "dm_range": "month", "dm": "month", "md": "month", "weekday": "weekday"}
_NUMERIC_HINT = re.compile(r"\d[/.]\d")
_WORD = re.compile(r"\w+")


def _present(norm: str, lang: str) -> set[str]:
    """Which of a numeric date, a month name, a weekday name the normalized text may hold
    (a word, or a word after a one-letter Arabic proclitic)."""
    words = set(_WORD.findall(norm))
    if lang == "ar":
        words |= {w[1:] for w in words if len(w) > 2}
    out = set()
    if _NUMERIC_HINT.search(norm):
        out.add("numeric")
    if words & _first_words(lang, "months"):
        out.add("month")
    if words & _first_words(lang, "weekdays"):
        out.add("weekday")
    return out


@lru_cache(maxsize=8)
def _first_words(lang: str, kind: str) -> frozenset[str]:
    names = load_months() if kind == "months" else load_weekdays()
    return frozenset(_WORD.findall(name)[0] for name in names.get(lang, {}) if _WORD.findall(name))


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


@lru_cache(maxsize=1)
def _range_words() -> str:
    """The words between the two days of a range, as the normalized text has them (إلى -> الي)."""
    return "(?:" + "|".join(re.escape(w) for w in dict.fromkeys(normalize(w) for w in months()["range_words"])) + ")"


@lru_cache(maxsize=4)
def _patterns(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    names = _alternation(load_months().get(lang, {}))
    # "كانون الثاني/يناير": the two Arabic series written together.
    month = rf"(?P<month>{names})\.?(?:\s*/\s*(?:{names})\.?)?"
    day = r"(?P<day>[0-3]?\d)(?:er|st|nd|rd|th)?"
    last_day = r"[0-3]?\d(?:er|st|nd|rd|th)?"
    upto = _range_words()
    pre = _AR_PROCLITIC if lang == "ar" else ""
    sep = r"[\s,]+(?:(?:de|of)\s+)?"
    return [
        ("iso", re.compile(rf"(?<!\d){YEAR}-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)")),
        ("dmy_num", re.compile(rf"(?<!\d)(?P<day>[0-3]?\d)[/.](?P<month>[01]?\d)[/.]{YEAR}(?!\d)")),
        # a range said with its year, one date, its first day: "du 28 au 30 octobre 2024",
        # "من 21 إلى 24 أبريل 2013", "9 و10 دجنبر 2025", "18 février au 1er mars 2019",
        # "Feb. 20 to March 9, 2013" (the year of its last day)
        ("dmy_range", re.compile(rf"(?<![\w]){day}(?:\s+{pre}{month})?\s*{upto}\s*{last_day}\s+{pre}"
                                 rf"(?P<month2>{names})\.?{sep}{YEAR}(?!\d)")),
        ("mdy_range", re.compile(rf"(?<![\w]){month}\s+{day}\s*{upto}\s*(?:(?P<month2>{names})\.?\s+)?{last_day},?\s+"
                                 rf"{YEAR}(?!\d)")) if lang == "en" else ("mdy_range", None),
        ("dmy", re.compile(rf"(?<![\w]){day}\s+{pre}{month}{sep}{YEAR}(?!\d)")),
        ("mdy", re.compile(rf"(?<![\w]){month}\s+{day},?\s+{YEAR}(?!\d)")),
        ("my", re.compile(rf"(?<![\w]){pre}{month}{sep}{YEAR}(?!\d)")),
        # a year, also "mi-2022" / "mid-2022" (not the second year of 2015-2016)
        # (the check of what stands before comes after the first two digits: 10x faster to scan)
        ("y", re.compile(r"(?P<year>(?:1[89]|20)(?:(?<![\w\d-]..)|(?<=\bmi-..)|(?<=\bmid-..))\d\d)(?![\d])")),
    ]


@lru_cache(maxsize=4)
def _partial_patterns(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    """Dates without a year; resolved against a reference date."""
    names = _alternation(load_months().get(lang, {}))
    month = rf"(?P<month>{names})\.?(?:\s*/\s*(?:{names})\.?)?"
    day = r"(?P<day>[0-3]?\d)(?:er|st|nd|rd|th)?"
    upto = _range_words()
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
    month_text = groups.get("month") or groups.get("month2")
    if month_text is None:
        return year
    month = int(month_text) if month_text.isdigit() else load_months()[lang].get(month_text.rstrip("."))
    if not month or not 1 <= month <= 12:
        return None
    if groups.get("month") and groups.get("month2") and month > load_months()[lang].get(groups["month2"].rstrip("."), 13):
        year = str(int(year) - 1)  # "28 décembre au 3 janvier 2025" began in 2024
    if groups.get("year") is None and reference and len(reference) >= 7 and month - int(reference[5:7]) > 6:
        year = str(int(year) - 1)  # "le 19 décembre" in a January dispatch
    elif groups.get("year") is None and reference and len(reference) >= 7 and int(reference[5:7]) - month > 6:
        year = str(int(year) + 1)  # "on January 9" in a December dispatch: the coming one
    if groups.get("day"):
        day = int(groups["day"])
        if not _real_day(int(year), month, day):
            return None  # 31 février: kept as text by document_dates, never a date
        return f"{year}-{month:02d}-{day:02d}"
    return f"{year}-{month:02d}"


def _real_day(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


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
    present = _present(norm, lang)
    for name, pattern in patterns:
        if pattern is None or not digits and name not in _DIGITLESS or _NEEDS.get(name, "") not in present | {""}:
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


# --- every date of a document, with its precision -----------------------------------------
# How far before a weekday or month a "last" may stand (last Tuesday).
LAST_REACH = 12
# ... and a word that says it is to come ("ahead of the ministerial session on Friday").
FUTURE_REACH = 45
# Numeric day/month orders: English news may write either, so 03/04/2024 is ambiguous there.
AMBIGUOUS_NUMERIC_LANGS = frozenset({"en"})
_NUMERIC = re.compile(r"(?<!\d)(?P<a>[0-3]?\d)[/.](?P<b>[01]?\d)[/.](?P<year>(?:1[89]|20)\d\d)(?!\d)")
# A date-like span the patterns read but no calendar has: 31 février 2024, 2024-13-45.
_CANDIDATE_NAMES = ("iso", "dmy_num", "dmy_range", "mdy_range", "dmy", "mdy")


_NAME_BEFORE = re.compile(r"(?:^|[^.!?\n:]\s)(?P<word>[A-Z][\w'’-]*)\s+$")
# A year that closes a quoted name ("الأسد الإفريقي 2024", « Flintlock 2020 »): a word, the
# year, the closing quotation mark.
_QUOTED_BEFORE = re.compile(r"[\"«“]\s*(?P<word>[^\W\d_][^\"«»“”\n]{1,60}?)\s+$")
_QUOTE_CLOSE = re.compile(r"\s*[\"»”]")
# A quoted name is short: at most this many words before its year.
QUOTED_NAME_WORDS = 4


@lru_cache(maxsize=1)
def _year_leads() -> frozenset[str]:
    """Words after which a year is a date, even in quotes: the month names, the month
    leads and the year leads of every language (normalized)."""
    data = relative_dates()
    words = {w for names in load_months().values() for w in names}
    for family in ("month_leads", "year_leads"):
        words |= {normalize(w) for forms in data.get(family, {}).values() for w in forms}
    return frozenset(words)


def _in_a_name(text: str, start: int, end: int | None = None) -> bool:
    """A year right after a capitalized word inside a sentence (Flintlock 2013, African Lion
    2018), not a month's name nor a sentence's first word (In 2013); or the year that closes
    a quoted name ("الأسد الإفريقي 2024"), in any script."""
    if end is not None and _QUOTE_CLOSE.match(text, end):
        quoted = _QUOTED_BEFORE.search(text, max(0, start - 60), start)
        words = normalize(quoted.group("word")).split() if quoted is not None else []
        if 0 < len(words) <= QUOTED_NAME_WORDS and words[-1] not in _year_leads():
            return True
    m = _NAME_BEFORE.search(text, max(0, start - 40), start)
    if m is None:
        return False
    word = normalize(m.group("word")).rstrip(".")
    return not any(word in names for names in load_months().values())


def precision_of(value: str | None) -> str | None:
    """``year``, ``month`` or ``day`` for an ISO value ``YYYY[-MM[-DD]]``."""
    return DATE_PRECISIONS.get(len(value)) if value else None


@lru_cache(maxsize=4)
def _relative_patterns(lang: str) -> tuple[re.Pattern[str] | None, dict[str, str], dict[str, re.Pattern[str]]]:
    """``(regex of every relative date word, {form: family}, {family: regex})`` on normalized
    text; one regex for all families, longest forms first ("avant-hier" before "hier", "اول
    امس" before "امس"). The words around a weekday or month are regexes of their own:
    ``last_before`` / ``next_before`` (``.search`` before the date), ``last_after`` /
    ``next_after`` (``.match`` at its end) and ``tomorrow_before`` ("غدا الجمعة")."""
    pre = _AR_PROCLITIC if lang == "ar" else ""
    family_of: dict[str, str] = {}
    around: dict[str, re.Pattern[str]] = {}
    for family, by_lang in relative_dates().items():
        forms = [" ".join(normalize(f).split()) for f in by_lang.get(lang) or []]
        if not forms or family in ("month_leads", "year_leads"):
            continue
        body = "|".join(r"\s+".join(re.escape(w) for w in f.split()) for f in sorted(forms, key=len, reverse=True))
        if family in ("last_before", "next_before"):
            around[family] = re.compile(rf"(?:{body})\s+$")
        elif family == "future_before":  # some words before: no sentence end between
            around[family] = re.compile(rf"(?<!\w){pre}(?:{body})(?!\w)[^.!?؟\n]*$")
        elif family in ("last_after", "next_after"):
            around[family] = re.compile(rf"\s+(?:{body})(?!\w)")  # .match at the end of the date
        else:
            family_of.update((f, family) for f in forms)
            if family == "tomorrow":
                around["tomorrow_before"] = re.compile(rf"(?<!\w){pre}(?:{body})[\s,،]+$")
    body = "|".join(r"\s+".join(re.escape(w) for w in f.split()) for f in sorted(family_of, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?P<pre>{pre})(?P<form>{body})(?!\w)") if family_of else None
    return pattern, family_of, around


def _shift_month(year: int, month: int, delta: int) -> str:
    index = year * 12 + (month - 1) + delta
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _relative_value(family: str, published: str | None) -> str | None:
    """The value of a relative date word against ``published`` (``None``: cannot be known)."""
    if not published:
        return None
    year = int(published[:4])
    if family in ("last_year", "this_year", "next_year"):
        return str(year + {"last_year": -1, "this_year": 0, "next_year": 1}[family])
    if len(published) < 7:
        return None
    if family == "last_month":
        return _shift_month(year, int(published[5:7]), -1)
    if len(published) < 10:
        return None
    day = dt.date.fromisoformat(published[:10])
    back = {"tomorrow": -1, "today": 0, "yesterday": 1, "day_before_yesterday": 2}.get(family)
    return (day - dt.timedelta(days=back)).isoformat() if back is not None else None


def _strict_weekday(weekday: int, published: str | None, forward: bool = False) -> str | None:
    """The last such weekday strictly before ``published`` ("mardi dernier"), or with
    ``forward`` the first strictly after it ("vendredi prochain", "غدا الجمعة")."""
    if not published or len(published) < 10:
        return None
    ref = dt.date.fromisoformat(published[:10])
    if forward:
        return (ref + dt.timedelta(days=(weekday - ref.isoweekday() - 1) % 7 + 1)).isoformat()
    return (ref - dt.timedelta(days=(ref.isoweekday() - weekday - 1) % 7 + 1)).isoformat()


def _coming_weekday(weekday: int, published: str | None) -> str | None:
    """The first such weekday on or after ``published`` ("à partir de lundi")."""
    if not published or len(published) < 10:
        return None
    ref = dt.date.fromisoformat(published[:10])
    return (ref + dt.timedelta(days=(weekday - ref.isoweekday()) % 7)).isoformat()


@lru_cache(maxsize=4)
def _month_alone(lang: str) -> re.Pattern[str]:
    """A month name without a day or year: after a preposition (en janvier, في يناير, in
    January) or before a `last` word (novembre dernier, يناير الماضي)."""
    names = _alternation(load_months().get(lang, {}))
    pre = _AR_PROCLITIC if lang == "ar" else ""
    leads = _alternation(normalize(w) for w in relative_dates().get("month_leads", {}).get(lang) or []) or "(?!)"
    return re.compile(rf"(?<![\w])(?P<lead>(?:{pre}(?:{leads})(?:\s+(?:the|of|le|la|de))?\s*))?{pre}(?P<month>{names})"
                      rf"(?!\w)(?!\s*(?:/\s*)?\d)")


def _month_value(month: int, published: str | None, strict: bool, forward: bool = False) -> str | None:
    """The last such month on or before the publication month (strictly before: ``strict``;
    with ``forward``, the first strictly after it: "mars prochain", "يونيو المقبل")."""
    if not published or len(published) < 7:
        return None
    year, current = int(published[:4]), int(published[5:7])
    if forward:
        return f"{year + (month <= current):04d}-{month:02d}"
    if month > current or (strict and month == current):
        year -= 1
    return f"{year:04d}-{month:02d}"


# The precision of a relative date that cannot be resolved, by what it names.
_UNRESOLVED_PRECISION = {"last_month": "month", "last_year": "year", "this_year": "year", "next_year": "year",
                         "month": "month"}


def _value_of(text: str, start: int, end: int, value: str | None, *, relative: bool = False,
              unresolved: bool = False, invalid: bool = False, kind: str = "day") -> DateValue:
    if text[start:end].endswith(".") and end - start > 1:
        end -= 1  # the sentence's full stop, not an abbreviation's (the patterns allow both)
    precision = precision_of(value) or (None if invalid else _UNRESOLVED_PRECISION.get(kind, "day"))
    return DateValue(text=text[start:end], start=start, end=end, value=value, precision=precision,
                     relative=relative, unresolved=unresolved, invalid=invalid)


def document_dates(text: str, lang: str, published: str | None = None) -> tuple[list[DateValue], list[str]]:
    """Every date expression of ``text`` in text order, and warnings (an impossible or an
    ambiguous date, kept as text). Relative ones are resolved against ``published`` (the
    publication date, ISO), or marked ``unresolved`` without it."""
    norm, index = normalize_with_offsets(text)
    found: list[DateValue] = []
    warnings: list[str] = []
    taken: set[int] = set()

    def claim(a: int, b: int) -> bool:
        span = set(range(a, b))
        if span & taken:
            return False
        taken.update(span)
        return True

    def orig(a: int, b: int) -> tuple[int, int]:
        return index[a], index[b - 1] + 1

    def keep_as_text(a: int, b: int, why: str) -> None:
        if claim(a, b):
            s, e = orig(a, b)
            found.append(_value_of(text, s, e, None, invalid=True))
            warnings.append(f"date kept as text ({why}): {text[s:e]!r}")

    if lang in AMBIGUOUS_NUMERIC_LANGS:
        for m in _NUMERIC.finditer(norm):
            a, b = int(m.group("a")), int(m.group("b"))
            if a != b and 1 <= a <= 12 and 1 <= b <= 12:
                keep_as_text(m.start(), m.end(), "ambiguous day and month")
    # Relative words first: "l'an dernier 2015" is not read as the year alone.
    relative, family_of, around = _relative_patterns(lang)
    for m in relative.finditer(norm) if relative is not None else ():
        if set(range(m.start(), m.end())) & taken:
            continue
        family = family_of[" ".join(m.group("form").split())]
        value = _relative_value(family, published)
        claim(m.start(), m.end())
        s, e = orig(m.end("pre"), m.end())  # the date without its proclitic (والشهر الماضي)
        found.append(_value_of(text, s, e, value, relative=True, unresolved=value is None, kind=family))
    absolute_names = {n for n, _ in _patterns(lang)}
    digits = _DIGIT.search(norm) is not None
    present = _present(norm, lang)
    for name, pattern in _patterns(lang) + _partial_patterns(lang):
        if pattern is None or not digits and name not in _DIGITLESS or _NEEDS.get(name, "") not in present | {""}:
            continue
        for m in pattern.finditer(norm):
            a, b = m.start(), m.end()
            if set(range(a, b)) & taken:
                continue
            s, e = orig(a, b)
            if name == "y" and _in_a_name(text, s, e):
                claim(a, b)  # Flintlock 2013, African Lion 2018: a name's year, not a date of the text
                continue
            if name in absolute_names:
                value = _value(m, lang)
                if value is not None:
                    claim(a, b)
                    found.append(_value_of(text, s, e, value))
                elif name in _CANDIDATE_NAMES:
                    keep_as_text(a, b, "no such day")
                continue
            strict = forward = coming = False
            if m.groupdict().get("weekday"):
                a, b, strict, forward = _around(norm, a, b, around)
                if not strict and "tomorrow_before" in around and around["tomorrow_before"].search(
                        norm, max(0, a - LAST_REACH), a):
                    strict = forward = True  # غدا الجمعة: tomorrow, the coming Friday
                elif not strict and "future_before" in around and around["future_before"].search(
                        norm, max(0, a - FUTURE_REACH), a):
                    coming = True  # "ahead of the session on Friday": on or after the publication
            if not claim(a, b):
                continue
            s, e = orig(a, b)
            if strict:
                value = _strict_weekday(load_weekdays()[lang][m.group("weekday")], published, forward)
            elif coming:
                value = _coming_weekday(load_weekdays()[lang][m.group("weekday")], published)
            else:
                value = _value(m, lang, published) if published else None
            found.append(_value_of(text, s, e, value, relative=True, unresolved=value is None))
    # Month names alone, then "novembre dernier" / "يناير الماضي" / "last November".
    for m in _month_alone(lang).finditer(norm) if "month" in present else ():
        a, b = m.start("month"), m.end("month")
        a2, b2, strict, forward = _around(norm, a, b, around, before_too=not m.group("lead"))
        if not strict and not m.group("lead"):
            continue  # a bare month name (English "may"), no date
        a, b = a2, b2
        if not claim(a, b):
            continue
        month = load_months()[lang][m.group("month").rstrip(".")]
        value = _month_value(month, published, strict, forward)
        s, e = orig(a, b)
        found.append(_value_of(text, s, e, value, relative=True, unresolved=value is None, kind="month"))
    return _joined(sorted(found, key=lambda d: d.start), text), warnings


def _around(norm: str, a: int, b: int, around: dict[str, re.Pattern[str]],
            before_too: bool = True) -> tuple[int, int, bool, bool]:
    """The span of a weekday or month with the `last` or `next` word around it, whether one
    is there (``strict``) and whether it is `next` (``forward``)."""
    for family, forward in (("last", False), ("next", True)):
        before = around.get(f"{family}_before")
        m = before.search(norm, max(0, a - LAST_REACH), a) if before is not None and before_too else None
        if m is not None:
            return m.start(), b, True, forward
    for family, forward in (("last", False), ("next", True)):
        after = around.get(f"{family}_after")
        m = after.match(norm, b) if after is not None else None
        if m is not None:
            return a, m.end(), True, forward
    return a, b, False, False


def _joined(dates: list[DateValue], text: str) -> list[DateValue]:
    """Neighbouring relative dates of one day made one ("أمس الاثنين", "اليوم الاثنين")."""
    out: list[DateValue] = []
    for d in dates:
        prev = out[-1] if out else None
        if (prev is not None and prev.relative and d.relative and prev.value == d.value
                and not text[prev.end:d.start].strip(" ,،")):
            out[-1] = DateValue(text=text[prev.start:d.end], start=prev.start, end=d.end, value=prev.value,
                                precision=prev.precision, relative=True, unresolved=prev.unresolved and d.unresolved)
            continue
        out.append(d)
    return out
