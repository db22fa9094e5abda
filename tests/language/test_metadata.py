"""A document's publication date, outlet and dateline, and its dates resolved against them."""
from __future__ import annotations

import pytest

from pipeline.language.metadata import normalize_published, read_metadata
from pipeline.model import Document


def test_input_metadata_first_then_the_dateline():
    doc = Document(id="d", text="RABAT, 5 mars 2024 (AFP) - Il est arrivé hier.", lang="fr")
    assert read_metadata(doc) == []
    assert (doc.published, doc.outlet, doc.dateline) == ("2024-03-05", "AFP", "RABAT")
    assert [(d.text, d.value, d.relative) for d in doc.dates] == [
        ("5 mars 2024", "2024-03-05", False), ("hier", "2024-03-04", True)]
    given = Document(id="d", text="RABAT, 5 mars 2024 (AFP) - Il est arrivé hier.", lang="fr",
                     date="2024-03-07T09:30:00Z", publisher="Le Matin")
    read_metadata(given)
    assert (given.published, given.outlet) == ("2024-03-07", "Le Matin")
    assert given.dates[1].value == "2024-03-06"
    assert given.date == "2024-03-07T09:30:00Z" and given.publisher == "Le Matin"  # the input is kept as given


def test_a_document_without_a_date_runs_and_keeps_relative_dates_unresolved():
    doc = Document(id="d", text="The minister arrived yesterday in Rabat.", lang="en")
    assert read_metadata(doc) == []
    assert doc.published is None
    assert [(d.text, d.value, d.unresolved) for d in doc.dates] == [("yesterday", None, True)]


@pytest.mark.parametrize(("raw", "value"), [
    ("2024-03-05", "2024-03-05"), ("2024-03", "2024-03"), ("2024", "2024"),
    ("2024-03-05T10:00:00+01:00", "2024-03-05"), ("5 March 2024", "2024-03-05"), ("5 mars 2024", "2024-03-05"),
])
def test_publication_dates_in_any_form(raw, value):
    assert normalize_published(raw) == (value, None)


@pytest.mark.parametrize("raw", ["2024-02-30", "not a date", "2024-13"])
def test_a_bad_publication_date_is_dropped_with_a_warning(raw):
    value, warning = normalize_published(raw)
    assert value is None and raw in warning
    doc = Document(id="d", text="Il est arrivé hier.", lang="fr", date=raw)
    assert any(raw in w for w in read_metadata(doc))
    assert doc.dates[0].unresolved
