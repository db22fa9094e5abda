"""The trained layer: candidates, features, the JSON model and its training, on tiny texts."""
from __future__ import annotations

import json

import pytest

from pipeline.learned.candidates import candidate_pairs
from pipeline.learned.classifier import RelationModel, featurize, learned_relations
from pipeline.learned.training import _parse, examples_of, fit, scorer_alignment
from pipeline.model import Relation

FR = "Le ministre a annoncé que la DGSN et la Guardia Civil ont démantelé un réseau à Tanger. Le Maroc coopère."


@pytest.fixture(scope="module")
def parsed():
    return _parse(FR, "t-fr")


def test_candidates_fit_signatures(parsed):
    doc, _, mentions, _ = parsed
    cands = candidate_pairs(doc, mentions)
    assert cands, "the two agencies must give candidates"
    for c in cands:
        if c.type == "agencyOf":
            assert c.head.mention.type == "GovernmentAgency" and c.tail.mention.type == "Country"
        if c.type == "cooperatesWith":
            assert c.head.mention.start < c.tail.mention.start  # symmetric: one candidate, text order
    pairs = {(c.head.mention.text, c.type, c.tail.mention.text) for c in cands}
    assert ("DGSN", "cooperatesWith", "Guardia Civil") in pairs
    # a party is never paired with itself
    assert all(c.head.mention.id != c.tail.mention.id for c in cands)


def test_features_see_words_between_and_rules(parsed):
    doc, document, mentions, relations = parsed
    feats = dict((c.type + ":" + c.head.mention.text + ">" + c.tail.mention.text, f)
                 for c, f in featurize(doc, mentions, relations, "fr"))
    f = feats["cooperatesWith:DGSN>Guardia Civil"]
    assert "bw=et" in f and "types=GovernmentAgency>GovernmentAgency" in f and "lang=fr" in f
    assert any(x.startswith("path=") for x in f)  # the French parser's dependency path


def test_model_adds_what_it_accepts_and_rules_did_not_state(parsed):
    doc, document, mentions, relations = parsed
    model = RelationModel.load_dict({"format": "doc2kg-relations/1", "types": {
        "cooperatesWith": {"bias": -5.0, "threshold": 0.5, "weights": {"bw=et": 10.0}}}})
    rels_without_rules = learned_relations(doc, document, mentions, [], model=model)
    found = {(r.type, r.evidence[0].text) for r in rels_without_rules}
    assert any(t == "cooperatesWith" for t, _ in found)
    assert all(r.extractor == "learned:logistic" and 0.5 <= r.confidence <= 1 for r in rels_without_rules)
    # evidence is the sentence of both arguments
    assert all(r.evidence[0].text.startswith("Le ministre") for r in rels_without_rules)
    # what the rules already stated is not added again
    stated = [Relation(head=r.head, type=r.type, tail=r.tail) for r in rels_without_rules]
    assert learned_relations(doc, document, mentions, stated, model=model) == []
    # a model that rejects everything adds nothing
    strict = RelationModel.load_dict({"format": "doc2kg-relations/1", "types": {
        "cooperatesWith": {"bias": -5.0, "threshold": 0.99, "weights": {}}}})
    assert learned_relations(doc, document, mentions, [], model=strict) == []


def test_model_file_format_is_checked(tmp_path):
    bad = tmp_path / "m.json"
    bad.write_text(json.dumps({"format": "something-else", "types": {}}))
    with pytest.raises(ValueError, match="not a doc2kg relation model"):
        RelationModel.load(bad)


GOLD = {"id": "g1", "lang": "fr", "source": "test", "text": FR,
        "entities": [{"id": "e1", "type": "GovernmentAgency", "name": "DGSN", "aliases": ["DGSN"]},
                     {"id": "e2", "type": "GovernmentAgency", "name": "Guardia Civil", "aliases": ["Guardia Civil"]},
                     {"id": "e3", "type": "City", "name": "Tangier", "aliases": ["Tanger"]}],
        "relations": [{"head": "e1", "type": "cooperatesWith", "tail": "e2"}]}


def test_labels_come_from_the_gold_graph():
    examples = examples_of(GOLD)
    labelled = [e for e in examples if e.type == "cooperatesWith" and e.label == 1]
    assert len(labelled) == 1
    assert all(e.label == 0 for e in examples if e.type != "cooperatesWith")


def test_training_is_deterministic():
    examples = []
    for i in range(12):  # enough positives for a type to be trained
        examples += [e.__class__(f"d{i}", e.type, e.features, e.label, e.by_rule) for e in examples_of(GOLD)]
    a, b = fit(examples), fit(examples)
    assert json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)
    assert a["meta"]["report"]["cooperatesWith"]["positives"] == 12


def test_labels_align_as_the_scorer_does():
    """The scorer matches relation arguments whatever their type: so do the training labels."""
    parsed = _parse(FR, GOLD["id"])
    gold = json.loads(json.dumps(GOLD))
    gold["entities"][1]["type"] = "Organization"  # the run says GovernmentAgency
    by_name = [e for e in examples_of(gold, parsed) if e.type == "cooperatesWith" and e.label == 1]
    assert by_name == []  # same type and name only: the pair is missed
    (aligned,) = scorer_alignment([gold], [parsed])
    doc, document, mentions, relations = parsed
    guardia = next(m for m in mentions if m.text == "Guardia Civil")
    assert aligned(guardia) == {"e2"}
    scored = [e for e in examples_of(gold, parsed, aligned) if e.type == "cooperatesWith" and e.label == 1]
    assert len(scored) == 1


def test_features_name_cue_families_not_only_words():
    """The rules' cue families around a pair are features: they carry over to another author's
    wording ("a signé un accord avec", "signed an agreement with": the same families)."""
    seen = {}
    for lang, text in (("fr", "La DGSN a signé un accord avec la Guardia Civil."),
                       ("en", "The FBI signed an agreement with Interpol.")):
        doc, document, mentions, relations = _parse(text, f"t-{lang}")
        (feats,) = [f for c, f in featurize(doc, mentions, relations, lang) if c.type == "cooperatesWith"]
        seen[lang] = {f for f in feats if f.startswith("bcue=")}
        assert {"bcue=signing", "bcue=with", "bcue_o=signing:ht"} <= set(feats)
    assert seen["fr"] & seen["en"] >= {"bcue=signing", "bcue=with"}
    doc, document, mentions, relations = _parse("La DGSN et la Guardia Civil.", "t-none")
    (feats,) = [f for c, f in featurize(doc, mentions, relations, "fr") if c.type == "cooperatesWith"]
    assert "bcue=signing" not in feats  # no cue, no cue feature


def test_an_example_names_the_relation_it_would_add():
    """Candidates of one pair (and the two orders of a symmetric one) share a key: the gold
    relation when they find one, else the arguments' names."""
    examples = examples_of(GOLD)
    (positive,) = [e for e in examples if e.type == "cooperatesWith" and e.label == 1]
    assert positive.key == ("e1", "cooperatesWith", "e2")  # symmetric: one key for both orders
    negatives = [e for e in examples if e.label == 0]
    assert negatives and all(len(e.key) == 3 and e.key[1] == e.type for e in negatives)


def test_no_model_file_no_model(tmp_path):
    from pipeline.learned.classifier import load_model
    from pipeline.learned.event_frames import load_frame_model

    assert load_model(tmp_path / "relations.json") is None
    assert load_frame_model(tmp_path / "frames.json") is None


AUTHORS = (("ar", "a1"), ("ar", "a2"), ("ar", "a3"), ("ar", "a4"), ("en", "e1"), ("en", "e2"), ("fr", "f1"),
           ("fr", "f2"))


def _authored_examples(reversed_authors: tuple[str, ...] = ()) -> list:
    """Examples in corpus/train's id scheme: a "cue" word marks the right candidates, except
    in the files of ``reversed_authors``, whose annotators read it the other way."""
    from pipeline.learned.training import Example

    out = []
    for lang, author in AUTHORS:
        flip = author in reversed_authors
        for n in range(8):
            doc = f"tr-{lang}-{author}-{n:03d}"
            for k in range(6):
                cue = k < 2
                out.append(Example(doc, "leads", ["cue" if cue else "other", f"lang={lang}"], int(cue != flip),
                                   False, (doc, k)))
    return out


def test_a_type_ships_only_when_it_holds_on_every_author_split():
    from pipeline.learned.fitting import CROSS_SPLITS

    kept = fit(_authored_examples(), ["leads"])
    assert "leads" in kept["types"]
    splits = kept["meta"]["report"]["leads"]["splits"]
    assert len(splits) == 2 * len(CROSS_SPLITS) and all(d["holds"] for d in splits)
    # e2 and f2 annotate the other way: right out of fold over all eight authors would still be
    # most of it, but a model trained without them is wrong on their files, so it is not kept
    dropped = fit(_authored_examples(reversed_authors=("e2", "f2")), ["leads"])
    assert dropped["types"] == {}
    report = dropped["meta"]["report"]["leads"]
    assert "author split" in report["reason"] and not all(d["holds"] for d in report["splits"])
    assert json.dumps(dropped, sort_keys=True) == json.dumps(fit(_authored_examples(("e2", "f2")), ["leads"]),
                                                             sort_keys=True)  # deterministic
