"""Event relations (pipeline/relations/events.py) on texts of our own: a party belongs to
the nearest of two events of its sentence; the place named in an event's own name is where
it took place; dates of events identified by their date."""
AGENCY, ORG, CITY = "GovernmentAgency", "Organization", "City"


def test_party_goes_to_the_nearest_of_two_events_fr(extract):
    text = ("La réunion de Dakar intervient un mois après l'attaque du 3 avril 2024 contre le poste de Kidal, "
            "revendiquée par le Front du Sud.")
    triples, _ = extract("fr", text, [("Front du Sud", ORG)])
    assert ("Front du Sud", "involvedIn", "attaque du 3 avril 2024") in triples
    assert ("Front du Sud", "involvedIn", "réunion de Dakar") not in triples
    assert ("attaque du 3 avril 2024", "occurredOn", "2024-04-03") in triples


def test_place_named_in_the_event_name_ar(extract):
    text = "بغداد – افتتحت قمة بغداد أعمالها اليوم.\n\nوتعد بغداد من أكبر المدن."
    triples, _ = extract("ar", text)
    assert ("قمة بغداد", "occurredIn", "بغداد") in triples


def test_place_named_in_the_event_name_needs_the_place_elsewhere_en(extract):
    text = "Ministers praised the Rabat meeting. They did not say more."
    triples, _ = extract("en", text)
    assert not any(t == "occurredIn" for _, t, _ in triples)
