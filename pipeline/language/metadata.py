"""A document's time and source: its publication date, outlet and dateline, and every date
of its text normalized against the publication date.

The input's metadata comes first (a JSONL ``date``/``source``, an HTML page's metadata, read
at ingest); the text's dateline (:mod:`pipeline.language.datelines`) fills what is missing.
A publication date given in another form than ISO (``5 March 2024``, ``Tue, 05 Mar 2024
10:00:00 GMT``) is read by ``dateparser``; one that cannot be read is dropped with a
warning, never guessed. A document without a publication date still runs: its relative
dates stay unresolved.

Usage::

    doc = Document(id="d1", text="RABAT, 5 mars 2024 (AFP) - Il est arrivé hier.", lang="fr")
    warnings = read_metadata(doc)
    doc.published, doc.outlet, doc.dateline          # -> ('2024-03-05', 'AFP', 'RABAT')
    doc.dates[1].value                                # 'hier' -> '2024-03-04'
"""
from __future__ import annotations

import datetime as dt
import re

from pipeline.language.datelines import read_dateline
from pipeline.language.dates import document_dates
from pipeline.model import Document

_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$")


def normalize_published(raw: str | None) -> tuple[str | None, str | None]:
    """``(ISO date at its precision, warning)`` of a publication date as the input gives it."""
    if raw is None or not str(raw).strip():
        return None, None
    text = str(raw).strip()
    m = _ISO.match(text)
    if m:
        year, month, day = m.groups()
        value = "-".join(x for x in (year, month, day) if x)
        try:
            if day:
                dt.date(int(year), int(month), int(day))
            elif month and not 1 <= int(month) <= 12:
                raise ValueError(month)
        except ValueError:
            return None, f"publication date kept out (no such day): {text!r}"
        return value, None
    import dateparser  # slow to import; only for dates written out

    parsed = dateparser.parse(text, settings={"STRICT_PARSING": True, "PREFER_DAY_OF_MONTH": "first"})
    if parsed is None:
        return None, f"publication date kept out (not a date): {text!r}"
    return parsed.date().isoformat(), None


def read_metadata(document: Document) -> list[str]:
    """Fill ``published``, ``outlet``, ``dateline`` and ``dates`` of ``document`` (its
    language known); the warnings say what was kept as text."""
    warnings: list[str] = []
    lang = document.lang or "en"
    published, warning = normalize_published(document.date)
    if warning:
        warnings.append(warning)
    document.outlet = document.publisher
    dateline = read_dateline(document.text, lang, published)
    if dateline is not None:
        document.dateline = dateline.place or None
        document.outlet = document.outlet or dateline.outlet
        if published is None and dateline.date and len(dateline.date) == 10:
            published = dateline.date
    document.published = published
    document.dates, date_warnings = document_dates(document.text, lang, published)
    return warnings + date_warnings
