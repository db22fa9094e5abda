"""The titled list of an event's persons (``event_titled_lists``, rule:event-titled-list in
pipeline/relations/rules/events.py): the persons listed with a participant, each behind a
title (before or after the name), take part too; a verb or a clause between them ends the list."""
PERSON = "Person"


def _involved(triples, event):
    return {h for h, r, t in triples if r == "involvedIn" and t == event}


def test_the_titled_leaders_listed_after_a_participant_take_part_ar(extract):
    text = ("انطلقت يوم السبت 6 يوليو 2024 في نيامي القمة الأولى لقادة تحالف دول الساحل. وشارك في القمة الجنرال "
            "عبد الرحمن تياني، رئيس المجلس الوطني لحماية الوطن في النيجر، والنقيب إبراهيم تراوري رئيس المرحلة "
            "الانتقالية في بوركينا فاسو، والعقيد عاصمي غويتا رئيس المرحلة الانتقالية في مالي.")
    names = [("القمة الأولى", "Event"), ("عبد الرحمن تياني", PERSON), ("إبراهيم تراوري", PERSON), ("عاصمي غويتا", PERSON)]
    triples, relations = extract("ar", text, names)
    assert {"عبد الرحمن تياني", "إبراهيم تراوري", "عاصمي غويتا"} <= _involved(triples, "القمة الأولى")
    assert {r.extractor for r in relations if r.type == "involvedIn"} >= {"rule:event-titled-list"}


def test_a_verb_after_the_conjunction_ends_the_list_ar(extract):
    text = ("وفي اليوم الموالي، أدى وزير الدفاع حننه ولد سيدي زيارة عمل إلى باماكو، استقبله خلالها الرئيس "
            "عاصمي غويتا، وسلمه رسالة من رئيس الجمهورية محمد ولد الشيخ الغزواني.")
    names = [("زيارة عمل", "Event"), ("حننه ولد سيدي", PERSON), ("عاصمي غويتا", PERSON), ("محمد ولد الشيخ الغزواني", PERSON)]
    triples, _ = extract("ar", text, names)
    assert "عاصمي غويتا" in _involved(triples, "زيارة عمل")  # the control: the host is read
    assert "محمد ولد الشيخ الغزواني" not in _involved(triples, "زيارة عمل")


def test_the_co_chairs_each_behind_a_title_take_part_fr(extract):
    text = ("Le sommet de Bruxelles s'est ouvert jeudi, coprésidé par Charles Michel, président du Conseil "
            "européen, et par le chef de l'État sénégalais, Macky Sall.")
    names = [("sommet de Bruxelles", "Event"), ("Charles Michel", PERSON), ("Macky Sall", PERSON)]
    triples, _ = extract("fr", text, names)
    assert {"Charles Michel", "Macky Sall"} <= _involved(triples, "sommet de Bruxelles")


def test_a_titled_guest_after_an_apposition_takes_part_en(extract):
    text = ("The Interpol General Assembly opened in Vienna on Monday in the presence of Karl Nehammer, "
            "the Austrian chancellor, and Interpol Secretary General Jürgen Stock.")
    names = [("Interpol General Assembly", "Event"), ("Karl Nehammer", PERSON), ("Jürgen Stock", PERSON)]
    triples, _ = extract("en", text, names)
    assert {"Karl Nehammer", "Jürgen Stock"} <= _involved(triples, "Interpol General Assembly")


def test_a_person_of_another_clause_takes_no_part_en(extract):
    text = ("The Interpol General Assembly opened in Vienna on Monday in the presence of Karl Nehammer; "
            "and Secretary General Jürgen Stock stayed in Lyon.")
    names = [("Interpol General Assembly", "Event"), ("Karl Nehammer", PERSON), ("Jürgen Stock", PERSON)]
    triples, _ = extract("en", text, names)
    assert "Karl Nehammer" in _involved(triples, "Interpol General Assembly")
    assert "Jürgen Stock" not in _involved(triples, "Interpol General Assembly")
