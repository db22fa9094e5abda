"""anaphors: the event an anaphor refers back to, for the three languages."""
from pipeline.entities.anaphors import AnaphorLinks, Antecedent


def test_the_last_event_of_the_kind_before_the_anaphor():
    links = AnaphorLinks([Antecedent(0, 2, "summit"), Antecedent(5, 7, "attack"), Antecedent(10, 12, "summit")])
    assert links.resolve(20, "summit", "this summit") == 10
    assert links.resolve(9, "attack", "this attack") == 5
    assert links.resolve(4, "exercise", "this exercise") is None


def test_no_antecedent_before_the_earliest_token():
    links = AnaphorLinks([Antecedent(0, 2, "summit")])
    assert links.resolve(20, "summit", "this summit", earliest=5) is None
    assert links.resolve(20, "summit", "this summit", earliest=0) == 0


def test_one_anaphor_text_refers_to_one_event_in_a_document():
    links = AnaphorLinks([Antecedent(0, 2, "summit"), Antecedent(10, 12, "summit")])
    assert links.resolve(5, "summit", "this summit") == 0
    assert links.resolve(20, "summit", "this summit") is None  # a second reading would join two summits
    assert links.resolve(20, "summit", "the summit") == 10
