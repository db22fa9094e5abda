"""patterns.dual_reference: "the two countries" / البلدين / "les deux parties" with a cooperation
cue stands for the two parties just named."""


def _coop(triples):
    return {frozenset((h, t)) for h, typ, t in triples if typ == "cooperatesWith"}


def test_two_states_named_before_ar(extract):
    text = "زار وفد من إسبانيا المغرب أمس. وأكد البلدان عزمهما تعزيز التعاون الأمني في مكافحة الإرهاب."
    triples, rels = extract("ar", text)
    assert frozenset(("إسبانيا", "المغرب")) in _coop(triples)
    [rel] = [r for r in rels if r.extractor == "rule:dual-reference"]
    assert rel.evidence[0].text.startswith("وأكد البلدان")


def test_two_states_named_before_en(extract):
    text = "Egypt hosted Jordan's foreign minister on Monday. Both countries agreed to deepen security cooperation."
    assert frozenset(("Egypt", "Jordan")) in _coop(extract("en", text)[0])


def test_two_sides_may_be_agencies_fr(extract):
    text = ("Le directeur de la DGSI a reçu à Paris une délégation de la DGST. "
            "Les deux services ont décidé de renforcer leur coopération contre le terrorisme.")
    assert frozenset(("DGSI", "DGST")) in _coop(extract("fr", text)[0])


def test_three_states_in_view_is_ambiguous_en(extract):
    text = "Morocco, Spain and France met in Rabat on Monday. The two countries agreed to strengthen cooperation."
    rels = extract("en", text)[1]
    assert not [r for r in rels if r.extractor == "rule:dual-reference"]
    two = "Morocco and Spain met in Rabat on Monday. The two countries agreed to strengthen cooperation."
    assert [r.extractor for r in extract("en", two)[1]] == ["rule:dual-reference"]


def test_no_cooperation_cue_no_relation_en(extract):
    text = "Egypt hosted Jordan's foreign minister on Monday. The two countries disagree on the dam."
    assert not _coop(extract("en", text)[0])
    agreed = "Egypt hosted Jordan's foreign minister on Monday. The two countries agreed on security cooperation."
    assert _coop(extract("en", agreed)[0]) == {frozenset(("Egypt", "Jordan"))}


def test_negated_cooperation_is_not_exported_en(extract):
    text = "Egypt hosted Jordan's foreign minister on Monday. The two countries did not agree on security cooperation."
    assert not _coop(extract("en", text)[0])
    agreed = "Egypt hosted Jordan's foreign minister on Monday. The two countries agreed on security cooperation."
    assert _coop(extract("en", agreed)[0]) == {frozenset(("Egypt", "Jordan"))}
