"""Event relations (pipeline/relations/rules/events.py) on constructions of our own: the states
whose demonyms qualify an event's name, the site that hosts an event, the parties listed
with "and his counterpart", back-references by another head noun (the drills, التدريب),
the verbs that open or close an event."""
AGENCY, COUNTRY, PERSON = "GovernmentAgency", "Country", "Person"


def test_a_pair_of_demonyms_qualifying_the_event_ar(extract):
    text = 'انطلق التدريب المصري السوداني المشترك "حماة النيل" أمس. وتعد مصر والسودان من الدول المجاورة.'
    triples, _ = extract("ar", text, [("حماة النيل", "Event")])
    assert ("مصر", "involvedIn", "حماة النيل") in triples
    assert ("السودان", "involvedIn", "حماة النيل") in triples


def test_a_lone_demonym_further_away_is_no_qualifier_ar(extract):
    text = "أشادت قمة بغداد بالوساطة العمانية أمس. وتعد عمان من الدول الوسيطة."
    triples, _ = extract("ar", text, [("قمة بغداد", "Event"), ("عمان", COUNTRY)])
    assert ("عمان", "involvedIn", "قمة بغداد") not in triples
    text = 'انطلق التدريب المصري السوداني المشترك "حماة النيل" أمس. وتعد مصر والسودان من الدول المجاورة.'
    assert ("مصر", "involvedIn", "حماة النيل") in extract("ar", text, [("حماة النيل", "Event")])[0]


def test_a_demonym_after_a_comma_is_no_qualifier_en(extract):
    text = "The Lome summit, Moroccan and Spanish officials said, will resume. Morocco and Spain agreed."
    triples, _ = extract("en", text, [("Lome summit", "Event")])
    assert not any(r == "involvedIn" and t == "Lome summit" for _, r, t in triples)
    text = "The Moroccan-Spanish Lome summit will resume. Morocco and Spain agreed."
    assert ("Morocco", "involvedIn", "Lome summit") in extract("en", text, [("Lome summit", "Event")])[0]


def test_the_city_that_hosts_the_talks_is_their_place_en(extract):
    text = "The Kivu talks, hosted by Geneva in May, ended without a deal."
    triples, _ = extract("en", text, [("Kivu talks", "Event"), ("Geneva", "City")])
    assert ("Kivu talks", "occurredIn", "Geneva") in triples


def test_and_his_counterpart_continues_the_list_ar(extract):
    text = "اختتمت أشغال الدورة الثالثة عشرة للجنة الحدودية، برئاسة الوزير سامي الهاشمي ونظيره النيجري كريم سالم. وتعد النيجر دولة جارة."
    names = [("الدورة الثالثة عشرة", "Event"), ("سامي الهاشمي", PERSON), ("كريم سالم", PERSON)]
    triples, _ = extract("ar", text, names)
    assert ("سامي الهاشمي", "involvedIn", "الدورة الثالثة عشرة") in triples
    assert ("كريم سالم", "involvedIn", "الدورة الثالثة عشرة") in triples


def test_the_joint_exercise_refers_back_to_the_exercise_with_that_head_ar(extract):
    text = "انطلق تمرين «درع الصحراء» أمس في المنطقة.\n\nوشارك جهاز الحرس الوطني في التمرين المشترك."
    triples, _ = extract("ar", text, [("تمرين «درع الصحراء»", "Event"), ("جهاز الحرس الوطني", AGENCY)])
    assert ("جهاز الحرس الوطني", "involvedIn", "تمرين «درع الصحراء»") in triples


def test_another_head_does_not_refer_back_ar(extract):
    text = "انطلقت عملية «درع الصحراء» أمس.\n\nوشارك جهاز الحرس الوطني في التمرين المشترك."
    triples, _ = extract("ar", text, [("عملية «درع الصحراء»", "Event"), ("جهاز الحرس الوطني", AGENCY)])
    assert not any(r == "involvedIn" for _, r, _ in triples)
    text = text.replace("انطلقت عملية", "انطلق تمرين")  # the same head refers back
    triples, _ = extract("ar", text, [("تمرين «درع الصحراء»", "Event"), ("جهاز الحرس الوطني", AGENCY)])
    assert ("جهاز الحرس الوطني", "involvedIn", "تمرين «درع الصحراء»") in triples


def test_the_drills_refer_back_to_named_drills_en(extract):
    text = "Navies began the Sandstorm naval drills on Monday. The Coast Guard joined the drills later."
    triples, _ = extract("en", text, [("Sandstorm naval drills", "Event"), ("Coast Guard", AGENCY)])
    assert ("Coast Guard", "involvedIn", "Sandstorm naval drills") in triples


def test_the_agreement_does_not_refer_back_to_a_name_without_head_en(extract):
    text = "Both countries prepare the 2030 World Cup. Under the agreement, the Coast Guard took part in courses."
    triples, _ = extract("en", text, [("2030 World Cup", "Event"), ("Coast Guard", AGENCY)])
    assert ("Coast Guard", "involvedIn", "2030 World Cup") not in triples
    triples, _ = extract("en", text.replace("in courses", "in the 2030 World Cup"),
                         [("2030 World Cup", "Event"), ("Coast Guard", AGENCY)])
    assert ("Coast Guard", "involvedIn", "2030 World Cup") in triples


def test_the_navies_that_concluded_the_exercise_en(extract):
    text = "The Hellenic Navy and the Coast Guard on Sunday concluded Medusa-14, a joint exercise."
    names = [("Hellenic Navy", AGENCY), ("Coast Guard", AGENCY), ("Medusa-14", "Event")]
    triples, _ = extract("en", text, names)
    assert ("Hellenic Navy", "involvedIn", "Medusa-14") in triples
    assert ("Coast Guard", "involvedIn", "Medusa-14") in triples


def test_coordinated_by_x_as_well_as_by_y_fr(extract):
    text = "L'opération Sandstorm a été coordonnée par la Garde côtière ainsi que par la Police des frontières."
    names = [("opération Sandstorm", "Event"), ("Garde côtière", AGENCY), ("Police des frontières", AGENCY)]
    triples, _ = extract("fr", text, names)
    assert ("Garde côtière", "involvedIn", "opération Sandstorm") in triples
    assert ("Police des frontières", "involvedIn", "opération Sandstorm") in triples


def test_vso_participation_in_the_back_reference_ar(extract):
    text = "انطلق تمرين «درع الصحراء» أمس في المنطقة.\n\nوشارك في التمرين جهاز الحرس الوطني."
    triples, _ = extract("ar", text, [("درع الصحراء", "Event"), ("جهاز الحرس الوطني", AGENCY)])
    assert ("جهاز الحرس الوطني", "involvedIn", "درع الصحراء") in triples


def test_the_object_of_another_verb_is_no_participant_en(extract):
    text = "Operation Sandstorm was launched in May. Its participation in the operation angered the Task Force."
    triples, _ = extract("en", text, [("Operation Sandstorm", "Event"), ("Task Force", AGENCY)])
    assert ("Task Force", "involvedIn", "Operation Sandstorm") not in triples
    text = "Operation Sandstorm was launched in May. The Task Force took part in the operation."
    triples, _ = extract("en", text, [("Operation Sandstorm", "Event"), ("Task Force", AGENCY)])
    assert ("Task Force", "involvedIn", "Operation Sandstorm") in triples
