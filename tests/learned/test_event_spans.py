"""The trained event extents: triggers, candidate extents, decoding and training, on tiny texts."""
from __future__ import annotations

import json

import pytest

from pipeline.learned.event_spans import (SOURCE, EventModel, Extent, decode, event_mentions, extents, fit,
                                          training_rows)
from pipeline.learned.training import _parse
from pipeline.nlp import get_nlp

EN = "The ministers attended the fourth session of the joint military commission in Rabat. The session ended."
AR = "وانطلقت أمس زيارة وزير الداخلية الإسباني إلى الرباط، وشملت الزيارة لقاءات أمنية."


def _model(lang: str, triggers: set[str], weights: dict[str, float], threshold: float = 0.5) -> EventModel:
    return EventModel({lang: frozenset(triggers)}, -4.0, threshold, weights)


def _texts(doc, exts):
    return {doc[e.start:e.end].text for e in exts}


def test_extents_start_at_a_trigger_and_stop_at_the_sentence_end():
    doc = get_nlp("en")(EN)
    found = extents(doc, "en", frozenset({"session"}))
    texts = _texts(doc, found)
    assert "session of the joint military commission" in texts
    assert "fourth session of the joint military commission in Rabat" in texts  # a modifier before the trigger
    # a head alone refers back to an event: never an extent of its own
    assert "session" not in texts and "The session" not in texts
    # no extent runs over the full stop into the next sentence
    assert all("." not in t for t in texts)


def test_arabic_extents_read_clitic_split_tokens():
    doc = get_nlp("ar")(AR)
    texts = _texts(doc, extents(doc, "ar", frozenset({"زياره"})))
    assert "زيارة وزير الداخلية الإسباني إلى الرباط" in texts
    assert not any("،" in t for t in texts)  # a comma ends the last token, not the extent's inside
    assert "الزيارة" not in texts


def test_model_picks_the_best_extent_of_each_trigger():
    text = EN
    document = _parse(text, "t-en")[1]
    doc = get_nlp("en")(text)
    # ending right before "in" (a preposition that starts a place) wins over every other end
    model = _model("en", {"session"}, {"next=in": 6.0, "pre=fourth": 1.0})
    found = event_mentions(doc, document, [], model=model)
    assert [m.text for m in found] == ["fourth session of the joint military commission"]
    assert found[0].type == "Event" and found[0].source == SOURCE and 0.5 <= found[0].confidence <= 1


def test_rule_events_and_mentions_take_precedence():
    text = EN
    parsed = _parse(text, "t-en")
    document = parsed[1]
    doc = get_nlp("en")(text)
    model = _model("en", {"session"}, {"next=in": 6.0})
    first = event_mentions(doc, document, [], model=model)
    # the same span already found as an event by the rules: nothing is added
    as_rule = [m.__class__(**{**m.to_dict(), "source": "rule"}) for m in first]
    assert event_mentions(doc, document, as_rule, model=model) == []
    # an extent that would cut a rule mention in two is dropped
    cut = first[0].__class__(**{**first[0].to_dict(), "id": "x", "type": "GovernmentAgency",
                                "start": first[0].end - 5, "end": first[0].end + 3, "text": "?"})
    assert event_mentions(doc, document, [cut], model=model) == []


def test_no_model_no_trigger_nothing_added():
    document = _parse(EN, "t-en")[1]
    doc = get_nlp("en")(EN)
    assert event_mentions(doc, document, [], model=_model("fr", {"session"}, {"next=in": 6.0})) == []
    assert event_mentions(doc, document, [], model=_model("en", {"summit"}, {"next=in": 6.0})) == []


def test_decode_keeps_one_extent_per_trigger_without_overlaps():
    a, b, c = Extent(2, 2, 5), Extent(2, 2, 7), Extent(6, 6, 9)
    kept = decode([(a, 0.6), (b, 0.9), (c, 0.7)], 0.5, [])
    assert kept == [(b, 0.9)]  # c overlaps the more probable b
    assert decode([(a, 0.6), (c, 0.7)], 0.65, []) == [(c, 0.7)]
    assert decode([(a, 0.9)], 0.5, [(4, 6)]) == []  # a rule event stands there


GOLD = {"id": "g1", "lang": "en", "source": "test", "text": EN,
        "entities": [{"id": "e1", "type": "Event", "name": "4th session of the joint military commission",
                      "aliases": ["fourth session of the joint military commission"]},
                     {"id": "e2", "type": "City", "name": "Rabat", "aliases": ["Rabat"]}],
        "relations": [{"head": "e1", "type": "occurredIn", "tail": "e2"}]}


def test_training_labels_the_extent_that_is_a_gold_event_name():
    doc, _, mentions, _ = _parse(EN, "g1")
    rows = training_rows(GOLD, doc, mentions, frozenset({"session"}))
    positives = [doc[e.start:e.end].text for e, _, label in rows if label]
    assert positives == ["fourth session of the joint military commission"]
    assert sum(1 for *_, label in rows if not label) > 5


DRILL = "Navy units from Morocco and Spain began a joint naval drill off Agadir on Monday. The drill ends today."
GOLD_DRILL = {"id": "g", "lang": "en", "source": "test", "text": DRILL,
              "entities": [{"id": "e1", "type": "Event", "name": "joint naval drill off Agadir",
                            "aliases": ["joint naval drill off Agadir"]}], "relations": []}


def test_fit_is_deterministic_and_learns_the_trigger_vocabulary():
    golds = [{**GOLD_DRILL, "id": f"g{i}"} for i in range(12)]  # MIN_TRUE found out of fold
    a, b = fit(golds), fit(golds)
    assert json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)
    assert a["format"] == "doc2kg-events/1"
    assert a["triggers"] == {"en": ["joint"]}  # the first word of the gold name, twelve times
    assert a["meta"]["oof"]["tp"] == 12  # each held-out copy found by the other folds' model
    model = EventModel({k: frozenset(v) for k, v in a["triggers"].items()}, a["bias"], a["threshold"], a["weights"])
    doc, document, mentions, _ = _parse(DRILL, "new")
    found = event_mentions(doc, document, [m for m in mentions if m.source != SOURCE], model=model)
    assert [m.text for m in found] == ["joint naval drill off Agadir"]


def test_model_file_format_is_checked(tmp_path):
    bad = tmp_path / "events.json"
    bad.write_text(json.dumps({"format": "doc2kg-relations/1"}))
    with pytest.raises(ValueError, match="not a doc2kg event model"):
        EventModel.load(bad)
