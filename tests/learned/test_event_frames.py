"""Event frames at document level: candidates, features, the model's relations and the training labels."""
from __future__ import annotations

import json

import pytest

from pipeline.learned.classifier import RelationModel
from pipeline.learned.event_frames import (EXTRACTOR, candidates, frame_examples, frame_relations, featurize,
                                           load_frame_model, main)
from pipeline.learned.event_spans import SOURCE as EVENT_SOURCE
from pipeline.learned.training import _parse
from pipeline.model import Mention, Relation

TEXT = ("Navy units began a joint naval drill off Agadir on Monday.\n"
        "Morocco, Senegal and Ghana take part, the organizers said.\n"
        "The drill ends on Friday in Tangier.")
EVENT = "joint naval drill off Agadir"


@pytest.fixture(scope="module")
def parsed():
    doc, document, mentions, relations = _parse(TEXT, "frames-en")
    mentions = [m for m in mentions if m.source != EVENT_SOURCE and m.type != "Event"]
    start = TEXT.index(EVENT)
    event = Mention(id=f"frames-en#{start}", document="frames-en", start=start, end=start + len(EVENT),
                    text=EVENT, type="Event", lang="en", source="test")
    return doc, document, sorted(mentions + [event], key=lambda m: m.start), relations


def _model(role: str, weights: dict[str, float]) -> RelationModel:
    return RelationModel.load_dict({"format": "doc2kg-relations/1", "types": {
        role: {"bias": -5.0, "threshold": 0.5, "weights": weights}}})


def test_every_party_and_place_meets_every_event_of_the_document(parsed):
    doc, _, mentions, _ = parsed
    cands = candidates(doc, mentions, "en")
    pairs = {(c.role, c.argument.spans[0].mention.text) for c in cands}
    assert {("involvedIn", "Morocco"), ("involvedIn", "Senegal"), ("involvedIn", "Ghana")} <= pairs
    assert ("occurredIn", "Tangier") in pairs and ("occurredIn", "Agadir") in pairs
    # a party is not a place of the event, nor a place a party
    assert ("occurredIn", "Senegal") in pairs  # a country is a place too (PLACE includes Country)
    assert not any(c.role == "involvedIn" and c.argument.type == "City" for c in cands)
    # the closest mentions of a pair are a sentence apart here
    ghana = next(c for c in cands if c.role == "involvedIn" and c.argument.spans[0].mention.text == "Ghana")
    assert abs(ghana.closest[0].sentence - ghana.closest[1].sentence) == 1


def test_features_say_lists_distance_and_headline(parsed):
    doc, _, mentions, relations = parsed
    feats = {(c.role, c.argument.spans[0].mention.text): f for c, f in featurize(doc, mentions, relations, "en")}
    senegal = feats[("involvedIn", "Senegal")]
    assert "in_list" in senegal and "sent_gap=1" in senegal and "events=1" in senegal
    assert "event_in_headline" in senegal and "arg_in_headline" not in senegal
    agadir = feats[("occurredIn", "Agadir")]
    assert "inside_event_name" in agadir and "sent_gap=0" in agadir
    assert "prev_word=in" in feats[("occurredIn", "Tangier")]


def test_features_say_what_the_rules_gave_the_event_and_its_list_mates(parsed):
    doc, _, mentions, _ = parsed
    ghana = next(m for m in mentions if m.text == "Ghana")
    event = next(m for m in mentions if m.type == "Event")
    stated = [Relation(head=ghana.id, type="involvedIn", tail=event.id)]
    feats = {(c.role, c.argument.spans[0].mention.text): f for c, f in featurize(doc, mentions, stated, "en")}
    senegal = feats[("involvedIn", "Senegal")]
    # Ghana, in Senegal's list, has the role: the event is a real one with a party
    assert {"sent_mate_stated", "list_mate_stated", "ev_stated=1", "ev_rule=parties"} <= set(senegal)
    assert "acue=participation" in senegal  # "take part" in Senegal's sentence
    assert "sent_args=2" in senegal  # Morocco and Ghana beside it
    # a place is not a list-mate of parties, and without the rules' relation there is none
    assert "sent_mate_stated" not in feats[("occurredIn", "Tangier")]
    bare = {(c.role, c.argument.spans[0].mention.text): f for c, f in featurize(doc, mentions, [], "en")}
    assert "sent_mate_stated" not in bare[("involvedIn", "Senegal")] and "ev_stated=0" in bare[("involvedIn", "Senegal")]
    # the event's own words are no feature (they name one corpus's events)
    assert not any(f.startswith("ev_head=") or "drill" in f for f in senegal)


def test_model_adds_participants_across_sentences(parsed):
    doc, document, mentions, _ = parsed
    found = frame_relations(doc, document, mentions, [], model=_model("involvedIn", {"in_list": 10.0}))
    by_id = {m.id: m.text for m in mentions}
    assert {(by_id[r.head], r.type, by_id[r.tail]) for r in found} == {
        ("Morocco", "involvedIn", EVENT), ("Senegal", "involvedIn", EVENT), ("Ghana", "involvedIn", EVENT)}
    assert all(r.extractor == EXTRACTOR and r.confidence >= 0.5 for r in found)
    # the evidence is the two sentences that hold the party and the event, no more
    assert all(r.evidence[0].text.startswith("Navy units") and "Tangier" not in r.evidence[0].text for r in found)
    # what the rules stated is not added again
    ghana = next(m for m in mentions if m.text == "Ghana")
    event = next(m for m in mentions if m.type == "Event")
    stated = [Relation(head=ghana.id, type="involvedIn", tail=event.id)]
    again = frame_relations(doc, document, mentions, stated, model=_model("involvedIn", {"in_list": 10.0}))
    assert {by_id[r.head] for r in again} == {"Morocco", "Senegal"}


def test_occurred_in_points_from_the_event_to_the_place(parsed):
    doc, document, mentions, _ = parsed
    found = frame_relations(doc, document, mentions, [], model=_model("occurredIn", {"prev_word=in": 10.0}))
    by_id = {m.id: m.text for m in mentions}
    assert [(by_id[r.head], r.type, by_id[r.tail]) for r in found] == [(EVENT, "occurredIn", "Tangier")]


def test_no_event_no_model_nothing():
    doc, document, mentions, relations = _parse("Morocco and Spain signed a deal in Rabat.", "x")
    mentions = [m for m in mentions if m.type != "Event"]
    assert candidates(doc, mentions, "en") == []
    assert frame_relations(doc, document, mentions, relations, model=_model("involvedIn", {})) == []


def test_labels_come_from_the_gold_document():
    gold = {"id": "g", "lang": "en", "source": "test", "text": TEXT.replace("a joint naval drill off Agadir",
                                                                          "Exercise Atlas Shield"),
            "entities": [{"id": "e1", "type": "Event", "name": "Exercise Atlas Shield",
                          "aliases": ["Exercise Atlas Shield"]},
                         {"id": "e2", "type": "Country", "name": "Morocco", "aliases": ["Morocco"]},
                         {"id": "e3", "type": "Country", "name": "Senegal", "aliases": ["Senegal"]},
                         {"id": "e4", "type": "City", "name": "Tangier", "aliases": ["Tangier"]}],
            "relations": [{"head": "e2", "type": "involvedIn", "tail": "e1"},
                          {"head": "e3", "type": "involvedIn", "tail": "e1", "optional": True},
                          {"head": "e1", "type": "occurredIn", "tail": "e4"}]}
    examples = frame_examples(gold)
    labelled = {(e.type, e.label) for e in examples}
    assert ("involvedIn", 1) in labelled and ("occurredIn", 1) in labelled and ("involvedIn", 0) in labelled
    assert sum(e.label for e in examples) == 2  # Morocco's part and the place; Senegal's optional one left out


def test_a_trained_model_file_is_what_the_run_reads(tmp_path):
    """``make train``'s command on a tiny gold file: the model it writes adds the frame."""
    text = ("Exercise Atlas Shield opened in Agadir on Monday.\n"
            "Portugal, Senegal and Ghana had ships there, the organizers said.\n"
            "Officials from Brazil watched a parade in Lisbon.")
    entities = [{"id": "ev", "type": "Event", "name": "Exercise Atlas Shield"},
                {"id": "pt", "type": "Country", "name": "Portugal"}, {"id": "sn", "type": "Country", "name": "Senegal"},
                {"id": "gh", "type": "Country", "name": "Ghana"}, {"id": "br", "type": "Country", "name": "Brazil"},
                {"id": "ag", "type": "City", "name": "Agadir"}, {"id": "li", "type": "City", "name": "Lisbon"}]
    relations = [{"head": c, "type": "involvedIn", "tail": "ev"} for c in ("pt", "sn", "gh")]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps({"id": f"d{i}", "lang": "en", "source": "test", "text": text,
                                           "entities": entities, "relations": relations}) for i in range(12)) + "\n",
                    encoding="utf-8")
    out = tmp_path / "frames.json"
    assert main([str(gold), "--out", str(out)]) == 0
    model = load_frame_model(out)
    assert model is not None and "involvedIn" in model.types
    doc, document, mentions, relations = _parse(text, "run")
    found = frame_relations(doc, document, mentions, relations, model=model)
    by_id = {m.id: m.text for m in mentions}
    added = {(by_id[r.head], r.type, by_id[r.tail]) for r in found if r.type == "involvedIn"}
    stated = {(by_id[r.head], by_id[r.tail]) for r in relations if r.type == "involvedIn"}
    # the three parties take part (whatever the rules did not state, the model adds), Brazil does not
    assert {(p, "Exercise Atlas Shield") for p in ("Portugal", "Senegal", "Ghana")} <= (
        {(h, t) for h, _, t in added} | stated)
    assert not any(h == "Brazil" for h, _, _ in added)
