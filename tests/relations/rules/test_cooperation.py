"""``cooperation`` (pipeline/relations/rules/cooperation.py): a coordinated list of more than
two parties near a cooperation word names members or participants of something, not partners
of each other, unless the text has them all sign one act or says "among them"; a pair
stays a pair."""
import pytest


def _coop(triples) -> set[frozenset[str]]:
    return {frozenset((h, t)) for h, typ, t in triples if typ == "cooperatesWith"}


@pytest.mark.parametrize("lang, text, names", [
    ("en", "The programme's partners include Germany, Poland, Sweden and Portugal.",
     ["Germany", "Poland", "Sweden", "Portugal"]),
    ("fr", "Le programme a pour partenaires l'Allemagne, la Pologne, la Suède et le Portugal.",
     ["Allemagne", "Pologne", "Suède", "Portugal"]),
    ("ar", "ويضم إطار التعاون ألمانيا وبولندا والسويد والبرتغال.",
     ["ألمانيا", "بولندا", "السويد", "البرتغال"]),
])
def test_a_long_list_of_members_is_no_pairwise_cooperation(extract, lang, text, names):
    triples, _ = extract(lang, text)
    coop = _coop(triples)
    pairs = [frozenset((a, b)) for i, a in enumerate(names) for b in names[i + 1:]]
    assert not any(p in coop for p in pairs), coop


@pytest.mark.parametrize("lang, text, names", [
    ("en", "The security agreement was signed by Germany, Poland and Sweden on Monday.",
     ["Germany", "Poland", "Sweden"]),
    ("fr", "L'accord de coopération a été signé par l'Allemagne, la Pologne et la Suède lundi.",
     ["Allemagne", "Pologne", "Suède"]),
    ("ar", "ووقعت ألمانيا وبولندا والسويد اتفاقية للتعاون الأمني يوم الاثنين.",
     ["ألمانيا", "بولندا", "السويد"]),
])
def test_the_signatories_of_one_act_are_partners(extract, lang, text, names):
    triples, _ = extract(lang, text)
    coop = _coop(triples)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            assert frozenset((a, b)) in coop, (a, b, coop)


def test_a_pair_near_a_trigger_still_cooperates_en(extract):
    triples, _ = extract("en", "Germany and Poland agreed to strengthen their police cooperation.")
    assert frozenset(("Germany", "Poland")) in _coop(triples)


def test_states_that_signed_up_to_something_are_not_each_others_partners_en(extract):
    # "signed up" joins a coalition or a scheme; it is no act the listed states sign together.
    text = "Denmark, Finland, Estonia and Latvia have signed up to the maritime partnership, the minister said."
    triples, _ = extract("en", text)
    coop = _coop(triples)
    names = ["Denmark", "Finland", "Estonia", "Latvia"]
    assert not any(frozenset((a, b)) in coop for i, a in enumerate(names) for b in names[i + 1:]), coop


@pytest.mark.parametrize("lang, text, a, b", [
    ("en", "Mali suspended its military cooperation with France in 2022.", "Mali", "France"),
    ("fr", "Le Mali a rompu sa coopération militaire avec la France en 2022.", "Mali", "France"),
    ("ar", "وقطعت مالي تعاونها العسكري مع فرنسا عام 2022.", "مالي", "فرنسا"),
])
def test_suspended_or_cut_ties_are_no_cooperation(extract, lang, text, a, b):
    triples, _ = extract(lang, text)
    assert frozenset((a, b)) not in _coop(triples)


def test_cooperation_with_still_found_en(extract):
    triples, _ = extract("en", "Mali signed a military cooperation agreement with Russia in 2023.")
    assert frozenset(("Mali", "Russia")) in _coop(triples)


@pytest.mark.parametrize("lang, text, right, wrong", [
    # "with Morocco's DGSN": the state's body is the partner, not the state.
    ("en", "Spain's National Police, in close coordination with Morocco's DGSN, dismantled a network.",
     frozenset(("National Police", "DGSN")), frozenset(("National Police", "Morocco"))),
])
def test_the_partner_after_with_is_the_body_a_state_possesses(extract, lang, text, right, wrong):
    triples, _ = extract(lang, text)
    coop = _coop(triples)
    assert right in coop and wrong not in coop, coop


def test_a_trigger_inside_a_signed_texts_event_name_still_states_cooperation_fr(extract):
    text = "La France et la Côte d'Ivoire ont signé jeudi un accord de coopération militaire."
    triples, _ = extract("fr", text, [("accord de coopération militaire", "Event")])
    assert ("France", "involvedIn", "accord de coopération militaire") in triples
    assert frozenset(("France", "Côte d'Ivoire")) in _coop(triples)
