"""B-cubed of event identity: the measure on a hand-counted case, then on corpus/events."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.evaluation.event_identity import event_identity
from pipeline.model import Document
from pipeline.runner import Pipeline

ROOT = Path(__file__).resolve().parents[2]
EVENTS = ROOT / "corpus" / "events" / "groups.jsonl"
# Issue 16's targets, and the floor reached so far (precision meets its target, recall does
# not: most missed reports are events the recognizer does not find or names only by an
# anaphor or a description, "the attack", "la précédente session"; described visits, "state
# visit", "زيارة الدولة", join by their frame since 0.638; a yearless name takes its
# publication year between two editions since 0.653; "la précédente session", "the last
# session" are events counted from their document's numbered session since 0.710; editions
# the English model reads as dates, "Flintlock 2017", sessions after a possessive, "sa 23e
# session", named by the subject of their verb, and visits joined by a shared place and month
# reach the target, 0.826). Raise the floor when recall improves.
TARGET_PRECISION, TARGET_RECALL = 0.95, 0.80
RECALL_FLOOR = 0.82


def _gold(doc_id: str, *events: tuple[str, str, str]) -> dict:
    return {"id": doc_id, "entities": [{"id": gid, "type": "Event", "name": name, "aliases": [], "event_key": key}
                                       for gid, name, key in events]}


def test_bcubed_on_a_hand_counted_case():
    gold = [_gold("d1", ("e1", "African Lion 2024", "al24")),
            _gold("d2", ("e1", "الأسد الإفريقي 2024", "al24")),
            _gold("d3", ("e1", "African Lion 24", "al24"), ("e2", "African Lion 2023", "al23"))]
    graph = {"entities": [
        {"id": "x", "type": "Event", "label": "African Lion 2024", "aliases": ["الأسد الإفريقي 2024"],
         "documents": ["d1", "d2"]},
        # the 2023 edition wrongly joined to a 2024 report; d3's 2024 report unfound
        {"id": "y", "type": "Event", "label": "African Lion 2023", "aliases": [], "documents": ["d3"]},
        {"id": "z", "type": "Organization", "label": "African Lion 24", "aliases": [], "documents": ["d3"]},
    ]}
    report = event_identity(gold, graph)
    assert (report["items"], report["matched"]) == (4, 3)
    # items: d1:e1, d2:e1 in x (precision 1, recall 2/3 each); d3:e1 unmatched (1, 1/3);
    # d3:e2 in y (1, 1)
    assert report["precision"] == 1.0
    assert report["recall"] == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4, abs=1e-4)
    right = {"entities": [{"id": "x", "type": "Event", "label": "African Lion 2024",
                           "aliases": ["الأسد الإفريقي 2024", "African Lion 24"], "documents": ["d1", "d2", "d3"]},
                          {"id": "w", "type": "Event", "label": "African Lion 2023", "aliases": [], "documents": ["d3"]}]}
    assert event_identity(gold, right)["precision"] == event_identity(gold, right)["recall"] == 1.0
    # one entity for both editions: the 2024 reports share their cluster with the 2023 one
    one = {"entities": [{"id": "x", "type": "Event", "label": "African Lion 2024",
                         "aliases": ["الأسد الإفريقي 2024", "African Lion 2023", "African Lion 24"],
                         "documents": ["d1", "d2", "d3"]}]}
    lumped = event_identity([*gold[:2], _gold("d3", ("e2", "African Lion 2023", "al23"))], one)
    assert lumped["precision"] == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3, abs=1e-4)


@pytest.fixture(scope="module")
def corpus_report(tmp_path_factory):
    docs = [json.loads(line) for line in EVENTS.read_text(encoding="utf-8").splitlines() if line.strip()]
    pipeline = Pipeline(exporters=("json",))
    out = tmp_path_factory.mktemp("events")
    # the metadata a JSONL line gives, as `doc2kg eval` passes it (the publication date tells
    # a yearless name's edition)
    pipeline.finish([pipeline.process(Document(id=d["id"], text=d["text"], source=str(EVENTS), title=d.get("title"),
                                               date=d.get("date"), url=d.get("url"))) for d in docs], out)
    return event_identity(docs, json.loads((out / "graph.json").read_text(encoding="utf-8")))


def test_event_identity_on_the_events_corpus(corpus_report):
    assert corpus_report["items"] == 44
    assert corpus_report["precision"] >= TARGET_PRECISION
    assert corpus_report["recall"] >= RECALL_FLOOR


def test_event_identity_reaches_the_recall_target(corpus_report):
    assert corpus_report["recall"] >= TARGET_RECALL
