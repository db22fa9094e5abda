"""Event relations (pipeline/relations/rules/events.py): an operation named after a description
("an international operation dubbed X", "عملية دولية حملت اسم X", "une opération baptisée X")
that a framework, occasion or locative cue governs, the Arabic announcer of its results, and the
observers listed beside an event's participants. Sentences of our own, public names."""
AGENCY, IO, COUNTRY, EVENT = "GovernmentAgency", "InternationalOrganization", "Country", "Event"


def test_a_framework_cue_before_a_named_description_en(extract):
    text = "Europol arrested 40 suspects across Europe as part of an international operation dubbed Endgame."
    triples, _ = extract("en", text, [("Europol", IO), ("Endgame", EVENT)])
    assert ("Europol", "involvedIn", "Endgame") in triples


def test_a_framework_cue_before_a_named_description_fr(extract):
    text = "Europol a annoncé jeudi l'arrestation de 40 suspects dans le cadre d'une opération internationale baptisée Endgame."
    triples, _ = extract("fr", text, [("Europol", IO), ("Endgame", EVENT)])
    assert ("Europol", "involvedIn", "Endgame") in triples


def test_an_occasion_cue_before_a_named_description_ar(extract):
    text = 'أعلنت الشرطة الإسبانية، يوم الخميس 6 يونيو 2024، توقيف عشرة أشخاص خلال عملية واسعة لمكافحة تهريب المخدرات حملت اسم "العنقاء".'
    triples, _ = extract("ar", text, [("الشرطة الإسبانية", AGENCY), ("العنقاء", EVENT)])
    assert ("الشرطة الإسبانية", "involvedIn", "العنقاء") in triples


def test_a_description_without_naming_words_keeps_the_cue_off_en(extract):
    # "during a vast operation ... that followed X": the cue governs another operation
    names = [("Europol", IO), ("Endgame", EVENT)]
    text = "Europol arrested 40 suspects during a vast operation against fraud that followed Endgame."
    assert ("Europol", "involvedIn", "Endgame") not in extract("en", text, names)[0]
    text = "Europol arrested 40 suspects during a vast operation against fraud called Endgame."
    assert ("Europol", "involvedIn", "Endgame") in extract("en", text, names)[0]


def test_a_reported_clause_keeps_the_speaker_out_en(extract):
    text = "Europol said that police arrested 40 suspects in an operation dubbed Endgame."
    triples, _ = extract("en", text, [("Europol", IO), ("Endgame", EVENT)])
    assert ("Europol", "involvedIn", "Endgame") not in triples


def test_the_announcer_and_the_bodies_it_coordinated_with_ar(extract):
    text = ('مدريد - أعلنت وزارة الداخلية الإسبانية، بالتنسيق مع وكالة الشرطة الأوروبية "يوروبول" ومكتب التحقيقات الفيدرالي، '
            'يوم الثلاثاء، تفكيك شبكة "إيموتيت" في عملية دولية حملت اسم "الصقر".')
    names = [("وزارة الداخلية الإسبانية", AGENCY), ("وكالة الشرطة الأوروبية", IO), ("يوروبول", IO),
             ("مكتب التحقيقات الفيدرالي", AGENCY), ("إيموتيت", "Organization"), ("الصقر", EVENT)]
    triples, relations = extract("ar", text, names)
    for party in ("وزارة الداخلية الإسبانية", "وكالة الشرطة الأوروبية", "مكتب التحقيقات الفيدرالي"):
        assert (party, "involvedIn", "الصقر") in triples, party
    assert any(r.extractor == "rule:event-announcer" for r in relations)


def test_no_announcer_without_a_framework_ar(extract):
    text = 'أعلنت وكالة الشرطة الأوروبية "يوروبول" أن عملية "الصقر" انتهت.'
    triples, _ = extract("ar", text, [("وكالة الشرطة الأوروبية", IO), ("يوروبول", IO), ("الصقر", EVENT)])
    assert ("وكالة الشرطة الأوروبية", "involvedIn", "الصقر") not in triples


def test_observers_listed_beside_the_participants(extract):
    text = 'وأوضح البيان أن تمرين "ميدوزا-12" يشهد مشاركة عناصر من مصر والأردن، إلى جانب مراقبين من فرنسا وإيطاليا.'
    triples, _ = extract("ar", text, [("ميدوزا-12", EVENT)])
    assert ("إيطاليا", "involvedIn", "ميدوزا-12") in triples
    text = "The Cutlass Express 2025 exercise brought together navies from Kenya and Djibouti, alongside observers from France and Italy."
    triples, _ = extract("en", text, [("Cutlass Express 2025", EVENT)])
    assert ("Italy", "involvedIn", "Cutlass Express 2025") in triples


def test_a_second_list_after_the_participants_list(extract):
    # the first list is the participation cue's own, the second one follows it after "alongside"
    text = ("The Cutlass Express 2025 exercise brought together navies and coast guards from Kenya, Djibouti, "
            "Somalia, Tanzania and Mozambique, alongside observers from France and Italy.")
    triples, _ = extract("en", text, [("Cutlass Express 2025", EVENT)])
    assert ("Mozambique", "involvedIn", "Cutlass Express 2025") in triples
    assert ("Italy", "involvedIn", "Cutlass Express 2025") in triples
    # no first list: a list after "alongside" is no party of a cue this far away
    text = ("The Cutlass Express 2025 exercise brought together navies and coast guards of the western Indian Ocean "
            "for two weeks of boarding drills at sea, alongside observers from France and Italy.")
    triples, _ = extract("en", text, [("Cutlass Express 2025", EVENT)])
    assert ("Italy", "involvedIn", "Cutlass Express 2025") not in triples


def test_the_line_after_a_sentence_the_splitter_ran_on_refers_back_en(extract):
    text = ('The minister spoke in Oslo. "Today I am announcing the establishment of Operation Harbour Shield, '
            'an important new multinational initiative."\n\nBritain, Bahrain, Canada and Norway have signed up, he said.')
    triples, _ = extract("en", text, [("Operation Harbour Shield", EVENT)])
    for party in ("Britain", "Bahrain", "Canada", "Norway"):
        assert (party, "involvedIn", "Operation Harbour Shield") in triples, party
    # the next line with no cue of taking part: no participants
    text = ('The minister spoke in Oslo. "Today I am announcing the establishment of Operation Harbour Shield, '
            'an important new multinational initiative."\n\nBritain, Bahrain, Canada and Norway have long coasts, he said.')
    triples, _ = extract("en", text, [("Operation Harbour Shield", EVENT)])
    assert not any(t == "Operation Harbour Shield" and r == "involvedIn" for _, r, t in triples)
