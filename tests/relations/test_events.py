"""Event relations (pipeline/relations/rules/events.py) on texts of our own: a party belongs to
the nearest of two events of its sentence; the place named in an event's own name is where
it took place; dates of events identified by their date."""
from pipeline.entities.recognize import recognize_entities
from pipeline.model import Document
from pipeline.nlp import get_nlp

AGENCY, ORG, CITY = "GovernmentAgency", "Organization", "City"


def refers_to(lang: str, text: str, anaphor: str) -> str | None:
    """The text of the mention that the anaphor mention ``anaphor`` refers back to."""
    mentions = recognize_entities(get_nlp(lang)(text), Document(id="t", text=text, lang=lang))
    by_id = {m.id: m.text for m in mentions}
    return next((by_id.get(m.attrs.refers_to) for m in mentions if m.text == anaphor), None)


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
    triples, _ = extract("en", "Ministers praised the Rabat meeting. Rabat hosts such talks often.")
    assert ("Rabat meeting", "occurredIn", "Rabat") in triples


# --- involvedIn needs a participation cue linking the party to the event -----------------

def test_sharing_a_sentence_is_no_participation_en(extract):
    text = "Officials from Kenya praised the Nairobi summit. Talks went on."
    triples, _ = extract("en", text, [("Kenya", "Country")])
    assert ("Kenya", "involvedIn", "Nairobi summit") not in triples
    text = "Officials from Kenya took part in the Nairobi summit. Talks went on."
    assert ("Kenya", "involvedIn", "Nairobi summit") in extract("en", text, [("Kenya", "Country")])[0]


def test_a_title_line_is_a_clause_of_its_own_fr(extract):
    text = ("Le Tchad et le Cameroun renforcent leur coopération après l'attaque de Mora\n\n"
            "Les ministres se sont réunis lundi à Yaoundé.")
    triples, _ = extract("fr", text, [("Tchad", "Country"), ("Cameroun", "Country")])
    assert not any(r == "involvedIn" for _, r, _ in triples)
    assert not any(r == "occurredIn" and t == "Yaoundé" for _, r, t in triples)
    assert ("Tchad", "cooperatesWith", "Cameroun") in triples  # the title line's own relation


def test_the_claiming_group_takes_part_not_its_parent_fr(extract):
    text = ("L'attaque du 4 juin 2024 contre le poste de Gao a été revendiquée par le Front du Sud, "
            "affilié à l'Alliance du Nord.")
    triples, _ = extract("fr", text, [("Front du Sud", ORG), ("Alliance du Nord", ORG)])
    assert ("Front du Sud", "involvedIn", "attaque du 4 juin 2024") in triples
    assert ("Alliance du Nord", "involvedIn", "attaque du 4 juin 2024") not in triples


def test_a_comma_chain_does_not_reach_the_next_clause_fr(extract):
    text = ("Après l'attaque du 4 juin 2024, revendiquée par le Front du Sud, la Direction des enquêtes "
            "maintient son alerte.")
    triples, _ = extract("fr", text, [("Front du Sud", ORG), ("Direction des enquêtes", AGENCY)])
    assert ("Front du Sud", "involvedIn", "attaque du 4 juin 2024") in triples
    assert ("Direction des enquêtes", "involvedIn", "attaque du 4 juin 2024") not in triples


def test_a_list_of_parties_shares_the_cue_en(extract):
    text = "Operation Sandstorm was led by the Coast Guard, with the Border Agency and the Harbour Police."
    names = [("Coast Guard", AGENCY), ("Border Agency", AGENCY), ("Harbour Police", AGENCY)]
    triples, _ = extract("en", text, names)
    for name, _ in names:
        assert (name, "involvedIn", "Operation Sandstorm") in triples


def test_partners_after_between_ar(extract):
    text = "وقعت الدولتان اتفاقية الجزائر بين مالي والنيجر في مارس 2015."
    triples, _ = extract("ar", text, [("مالي", "Country"), ("والنيجر", "Country")])
    assert ("مالي", "involvedIn", "اتفاقية الجزائر") in triples


def test_places_listed_after_a_locative_are_all_places_en(extract):
    text = "Operation Sandstorm was carried out in Algeria, Tunisia and Libya in May 2024."
    triples, _ = extract("en", text)
    for country in ("Algeria", "Tunisia", "Libya"):
        assert ("Operation Sandstorm", "occurredIn", country) in triples


def test_a_back_reference_needs_a_compatible_head_en(extract):
    text = ("Ministers left the Lome summit on Friday. "
            "The Coast Guard took part in the operation.")
    triples, _ = extract("en", text, [("Coast Guard", AGENCY)])
    assert not any(r == "involvedIn" and h == "Coast Guard" for h, r, _ in triples)
    summit = text.replace("the operation", "the summit")
    triples, _ = extract("en", summit, [("Coast Guard", AGENCY)])
    # "the summit" is a mention of its own that refers back to the Lome summit (an anaphor,
    # entities/event_phrases): the relation is the anaphor's, which resolution joins to it (the
    # extract fixture names an anaphor by what it refers to)
    assert ("Coast Guard", "involvedIn", "Lome summit") in triples and refers_to("en", summit, "the summit") == "Lome summit"


def test_the_speaker_is_not_the_party_of_a_reported_clause_ar(extract):
    text = ("نفذت القوات الخاصة عملية «درع الصحراء» في مارس 2024.\n\n"
            "وقال المتحدث باسم الجهاز، العميد سامي الهاشمي، إن العملية نفذت بدعم من الحلفاء.")
    triples, _ = extract("ar", text, [("سامي الهاشمي", "Person")])
    assert ("سامي الهاشمي", "involvedIn", "درع الصحراء") not in triples
    assert ("درع الصحراء", "occurredOn", "2024-03") in triples


def test_the_date_of_another_line_is_not_the_events_en(extract):
    text = "Ministers met on 3 May 2024\nThe Lome summit opened later."
    triples, _ = extract("en", text)
    assert not any(r == "occurredOn" for _, r, _ in triples)
    triples, _ = extract("en", "Ministers met on 3 May 2024\nThe Lome summit opened on 4 May 2024.")
    assert [t for t in triples if t[1] == "occurredOn"] == [("Lome summit", "occurredOn", "2024-05-04")]


def test_a_back_reference_with_the_same_head_links_en(extract):
    text = "Ministers left the Lome summit on Friday. The Coast Guard took part in the summit."
    triples, _ = extract("en", text, [("Coast Guard", AGENCY)])
    # through the anaphor "the summit", which resolution joins to the Lome summit
    assert ("Coast Guard", "involvedIn", "Lome summit") in triples and refers_to("en", text, "the summit") == "Lome summit"


# --- a visit's frame: its visitor and the place it goes to ------------------------------

def test_visit_has_its_visitor_and_its_destination_en(extract):
    triples, _ = extract("en", "Pedro Sánchez's official visit to Mauritania ended on Friday.", [("Pedro Sánchez", "Person")])
    assert ("Pedro Sánchez", "involvedIn", "official visit") in triples
    assert ("official visit", "occurredIn", "Mauritania") in triples
    triples, _ = extract("en", "The state visit by King Felipe VI to Morocco ended yesterday, and Pedro Sánchez flew "
                         "to Paris.", [("Felipe VI", "Person"), ("Pedro Sánchez", "Person")])
    assert ("Felipe VI", "involvedIn", "state visit") in triples
    assert ("state visit", "occurredIn", "Morocco") in triples
    assert ("Pedro Sánchez", "involvedIn", "state visit") not in triples
    assert ("Morocco", "involvedIn", "state visit") not in triples  # the host receives a visit
    assert ("state visit", "occurredIn", "Paris") not in triples  # past the visit's destination


def test_visit_visitor_after_the_visit_and_not_a_bystander_fr(extract):
    text = "La visite d'État du président Emmanuel Macron au Maroc a été saluée par Olaf Scholz."
    triples, _ = extract("fr", text, [("Emmanuel Macron", "Person"), ("Olaf Scholz", "Person")])
    visit = next(h for h, t, _ in triples if t == "occurredIn")
    assert visit.startswith("visite d'État") and (visit, "occurredIn", "Maroc") in triples
    assert ("Emmanuel Macron", "involvedIn", visit) in triples
    assert ("Olaf Scholz", "involvedIn", visit) not in triples


def test_visit_visitor_behind_a_relative_clause_ar(extract):
    text = "وجاءت الخطوة بعد زيارة العمل التي قام بها الوزير ناصر بوريطة إلى نواكشوط الشهر الماضي."
    triples, _ = extract("ar", text, [("ناصر بوريطة", "Person")])
    visit = next(t for h, r, t in triples if h == "ناصر بوريطة" and r == "involvedIn")
    assert visit.startswith("زيارة العمل")
    assert (visit, "occurredIn", "نواكشوط") in triples


# --- every party of a list takes part, however long the list ----------------------------

def test_every_member_of_a_long_list_after_the_cue_takes_part_en(extract):
    text = ("Exercise Cutlass Express 2024, scheduled from 5 to 16 February, will bring together 14 countries "
            "from two continents: Djibouti, Kenya, Somalia, Mozambique, Comoros, Madagascar and Tanzania.")
    triples, _ = extract("en", text)
    members = {h for h, t, e in triples if t == "involvedIn" and e == "Exercise Cutlass Express 2024"}
    assert members == {"Djibouti", "Kenya", "Somalia", "Mozambique", "Comoros", "Madagascar", "Tanzania"}


def test_a_comma_chain_without_a_conjunction_is_still_no_list_fr(extract):
    text = "L'exercice Flintlock 2024 réunit le Sénégal, le Mali, la Mauritanie et le Niger."
    triples, _ = extract("fr", text)
    assert {h for h, t, _ in triples if t == "involvedIn"} == {"Sénégal", "Mali", "Mauritanie", "Niger"}
    text = "L'exercice Flintlock 2024 réunit le Sénégal, le Mali salue l'accord."
    triples, _ = extract("fr", text)
    assert ("Sénégal", "involvedIn", "exercice Flintlock 2024") in triples
    assert ("Mali", "involvedIn", "exercice Flintlock 2024") not in triples


def test_a_visit_phrase_keeps_its_visitor_title_and_its_demonym_is_the_ministers_ar(extract):
    # the visit holds the minister's title, name and destination: the title still gives the
    # ministry its head, and الفرنسي (masculine, the minister's) is no party of the visit (feminine)
    text = ("وجاءت زيارة وزير الداخلية الفرنسي جيرالد دارمانان إلى الرباط بعد أشهر من التوتر. "
            "وقالت وزارة الداخلية الفرنسية إن فرنسا تريد تعاونا أوثق.")
    triples, _ = extract("ar", text)
    visit = "زيارة وزير الداخلية الفرنسي جيرالد دارمانان إلى الرباط"
    assert ("جيرالد دارمانان", "leads", "وزارة الداخلية الفرنسية") in triples
    assert ("فرنسا", "involvedIn", visit) not in triples


def test_a_title_in_apposition_before_a_co_chairs_name_is_stepped_over_fr(extract):
    # "le ministre ... de la Défense, X": the title, a comma, then the name; both co-chairs take part
    text = ("La quatrième session de la commission mixte s'est tenue lundi à Tunis. Coprésidée par le ministre "
            "tunisien de la Défense, Imed Memmiche, et par le ministre français des Armées, Sébastien Lecornu, "
            "la réunion a permis de faire le point.")
    triples, _ = extract("fr", text)
    assert ("Imed Memmiche", "involvedIn", "quatrième session") in triples, triples
    assert ("Sébastien Lecornu", "involvedIn", "quatrième session") in triples, triples


def test_a_possessive_opens_a_co_chairs_title_en(extract):
    # "and his Spanish counterpart X": the possessive and the demonym belong to the second co-chair's title
    text = ("The fourth session of the joint commission opened in Rabat on Monday. Co-chaired by Moroccan Foreign "
            "Minister Nasser Bourita and his Spanish counterpart José Manuel Albares, the meeting focused on migration.")
    triples, _ = extract("en", text)
    assert ("Nasser Bourita", "involvedIn", "fourth session") in triples, triples
    assert ("José Manuel Albares", "involvedIn", "fourth session") in triples, triples
