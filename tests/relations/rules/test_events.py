"""Event frames (pipeline/relations/rules/events.py) on texts of our own: every party of a
list takes part, whether the list is opened after a participation cue ("among them",
"من بينها", "Participants include") or closed before a name that is no member of it."""
EVENT = "Event"


def test_a_list_opened_after_a_participation_cue_takes_part_ar(extract):
    text = ('وأطلقت الشرطة عملية "الصقر" يوم الاثنين. '
            "وشاركت في العملية أجهزة الشرطة في خمس دول، من بينها المغرب وإسبانيا والبرتغال.")
    triples, relations = extract("ar", text, [("الصقر", EVENT)])
    for country in ("المغرب", "إسبانيا", "البرتغال"):
        assert (country, "involvedIn", "الصقر") in triples
    assert {r.extractor for r in relations if r.type == "involvedIn"} == {"rule:event-party-list"}


def test_units_from_a_list_of_countries_take_part_ar(extract):
    text = 'وانطلق تمرين "درع الخليج" أمس بمشاركة وحدات من السعودية والكويت والبحرين.'
    triples, _ = extract("ar", text, [("درع الخليج", EVENT)])
    for country in ("السعودية", "الكويت", "البحرين"):
        assert (country, "involvedIn", "درع الخليج") in triples


def test_participants_include_a_list_en(extract):
    text = "The Cutlass Express exercise opened on Monday. Participants include Kenya, Somalia and Mozambique."
    triples, _ = extract("en", text, [("Cutlass Express exercise", EVENT)])
    for country in ("Kenya", "Somalia", "Mozambique"):
        assert (country, "involvedIn", "Cutlass Express exercise") in triples


def test_a_list_with_no_participation_cue_takes_no_part_en(extract):
    text = "The Nairobi summit discussed the threats facing several countries including Somalia and Mozambique."
    triples, _ = extract("en", text, [("Nairobi summit", EVENT)])
    assert not any(t == "involvedIn" for _, t, _ in triples)


def test_a_list_ends_before_a_name_that_is_no_member_fr(extract):
    # the supporting list closes with "et de Chypre"; the event and "la Libye" come after it
    text = ("Le 3 mars, la France et l'Italie ont lancé, avec le soutien de la Grèce, de Malte et de Chypre, "
            "l'opération Irini contre les trafics au large de la Libye.")
    triples, _ = extract("fr", text, [("opération Irini", EVENT)])
    for country in ("France", "Italie", "Grèce", "Malte", "Chypre"):
        assert (country, "involvedIn", "opération Irini") in triples


# --- who chairs, supervises or is involved in an event takes part; who invites a visitor does not

def test_the_co_chairs_of_a_session_take_part_fr(extract):
    text = "Le sommet de Dakar s'est ouvert lundi sous la coprésidence de Macky Sall et d'Emmanuel Macron."
    triples, _ = extract("fr", text, [("sommet de Dakar", EVENT), ("Macky Sall", "Person"), ("Emmanuel Macron", "Person")])
    assert ("Macky Sall", "involvedIn", "sommet de Dakar") in triples
    assert ("Emmanuel Macron", "involvedIn", "sommet de Dakar") in triples


def test_under_the_supervision_of_ar(extract):
    text = 'انطلقت أمس أشغال "منتدى الرباط الأمني" تحت إشراف وزير الداخلية عبد الوافي لفتيت.'
    triples, _ = extract("ar", text, [("منتدى الرباط الأمني", EVENT), ("عبد الوافي لفتيت", "Person")])
    assert ("عبد الوافي لفتيت", "involvedIn", "منتدى الرباط الأمني") in triples


def test_the_states_an_operation_involved_en(extract):
    text = "Operation Sentinel began in May. The operation was led by Spain and involved Portugal and Greece."
    triples, _ = extract("en", text, [("Operation Sentinel", EVENT)])
    for country in ("Spain", "Portugal", "Greece"):
        assert (country, "involvedIn", "Operation Sentinel") in triples


def test_the_host_who_invites_a_visitor_is_no_party_of_the_visit_en(extract):
    text = ("Spanish Interior Minister Fernando Grande-Marlaska paid a working visit to Rabat on Monday, "
            "at the invitation of Abdelouafi Laftit.")
    triples, _ = extract("en", text, [("working visit", EVENT), ("Fernando Grande-Marlaska", "Person"),
                                      ("Abdelouafi Laftit", "Person")])
    assert ("Abdelouafi Laftit", "involvedIn", "working visit") not in triples


# --- the dateline's city is where an event of the lead sentence opens ----------------------

def test_the_dateline_city_of_an_event_that_opens_ar(extract):
    text = 'مراكش - انطلقت صباح اليوم أشغال "منتدى الأطلس الأمني" بمشاركة وزراء الداخلية.\n\nوتستمر الأشغال يومين.'
    triples, relations = extract("ar", text, [("مراكش", "City"), ("منتدى الأطلس الأمني", EVENT)])
    assert ("منتدى الأطلس الأمني", "occurredIn", "مراكش") in triples
    assert {r.extractor for r in relations if r.type == "occurredIn"} == {"rule:event-dateline-place"}


def test_the_dateline_city_needs_the_event_s_own_opening_cue_en(extract):
    text = "RABAT - Morocco played a strong role in Operation Weka, an INTERPOL-led crackdown that opened last year."
    triples, _ = extract("en", text, [("RABAT", "City"), ("Operation Weka", EVENT)])
    assert not any(t == "occurredIn" for _, t, _ in triples)
    text = "RABAT - Operation Weka opened on Monday with police from 24 countries."
    triples, _ = extract("en", text, [("RABAT", "City"), ("Operation Weka", EVENT)])
    assert ("Operation Weka", "occurredIn", "RABAT") in triples


def test_a_visit_does_not_take_place_in_the_dateline_city_fr(extract):
    text = "RABAT - Le ministre a entamé lundi une visite de travail de trois jours, ouverte par un entretien à Paris."
    triples, _ = extract("fr", text, [("RABAT", "City"), ("visite de travail", EVENT)])
    assert ("visite de travail", "occurredIn", "RABAT") not in triples


def test_a_first_list_of_parties_does_not_keep_the_cue_from_a_second_ar(extract):
    text = ('اختتمت أمس مناورات "الصقر 2024" السنوية. وتهدف المناورات إلى تعزيز القدرات. '
            "وشاركت فيها وحدات من الأردن والعراق ولبنان والكويت وقطر والبحرين، إلى جانب قوات من بولندا والنمسا.")
    triples, _ = extract("ar", text, [("الصقر 2024", EVENT)])
    for country in ("الأردن", "البحرين", "بولندا", "النمسا"):
        assert (country, "involvedIn", "الصقر 2024") in triples


# --- the one day of the clause dates the sentence's one event ------------------------------

def test_the_one_day_of_the_clause_dates_the_event_ar(extract):
    text = ("استقبل وزير الداخلية عبد الوافي لفتيت، يوم الاثنين 3 يونيو 2024 بمقر الوزارة بالرباط، "
            "نظيره الإسباني فرناندو غراندي مارلاسكا، الذي يقوم بزيارة عمل للمملكة تستغرق يومين.")
    triples, relations = extract("ar", text, [("زيارة عمل", EVENT)])
    assert ("زيارة عمل", "occurredOn", "2024-06-03") in triples
    assert {r.extractor for r in relations if r.type == "occurredOn"} == {"rule:event-date-clause"}


def test_no_clause_date_for_one_of_two_events_en(extract):
    # the day is too far from either event for the nearest date of the clause (rule:event-date)
    text = ("On Monday, 3 June 2024, after a long day of closed-door meetings and several delayed flights "
            "from the capital, the ministers who had attended the Rabat Security Forum met again to prepare "
            "the Madrid Summit.")
    triples, _ = extract("en", text, [("Rabat Security Forum", EVENT), ("Madrid Summit", EVENT)])
    assert not any(t == "occurredOn" for _, t, _ in triples)
    # positive control: with one event the same day dates it
    text = text.replace(" met again to prepare the Madrid Summit.", " met again.")
    triples, _ = extract("en", text, [("Rabat Security Forum", EVENT)])
    assert ("Rabat Security Forum", "occurredOn", "2024-06-03") in triples


# --- who makes a visit and who receives it, said by a verb ---------------------------------

def test_the_host_and_the_visitor_of_a_visit_ar(extract):
    text = ("استقبل وزير الداخلية عبد الوافي لفتيت، يوم الاثنين بالرباط، نظيره الإسباني فرناندو غراندي مارلاسكا، "
            "الذي يقوم بزيارة عمل للمملكة.")
    names = [("عبد الوافي لفتيت", "Person"), ("فرناندو غراندي مارلاسكا", "Person"), ("زيارة عمل", EVENT)]
    triples, relations = extract("ar", text, names)
    assert ("عبد الوافي لفتيت", "involvedIn", "زيارة عمل") in triples
    assert ("فرناندو غراندي مارلاسكا", "involvedIn", "زيارة عمل") in triples
    assert {r.extractor for r in relations if r.type == "involvedIn"} == {"rule:visit-subject"}


def test_the_subject_of_a_visit_verb_with_titles_between_fr(extract):
    text = ("Le chef de la police espagnole, Francisco Pardo Piqueras, a effectué une visite de travail au Maroc, "
            "au cours de laquelle il a rencontré plusieurs responsables.")
    triples, _ = extract("fr", text, [("Francisco Pardo Piqueras", "Person"), ("visite de travail", EVENT)])
    assert ("Francisco Pardo Piqueras", "involvedIn", "visite de travail") in triples


def test_a_person_named_near_a_visit_without_its_verb_takes_no_part_en(extract):
    text = "Officials recalled that Pedro Sánchez praised the state visit of the Moroccan delegation."
    triples, _ = extract("en", text, [("Pedro Sánchez", "Person"), ("state visit", EVENT)])
    assert ("Pedro Sánchez", "involvedIn", "state visit") not in triples


def test_the_participants_of_another_event_do_not_negate_a_held_one_en(extract):
    text = ("Egypt, which held the Bright Star exercise with Pakistan in June 2024, "
            "was not among the participants.")
    triples, relations = extract("en", text, [("Egypt", "Country"), ("Bright Star exercise", EVENT)])
    held = [r for r in relations if r.type == "involvedIn" and r.extractor == "rule:event-participant"]
    assert ("Egypt", "involvedIn", "Bright Star exercise") in triples
    assert held and not any(r.negated for r in held)


# --- a relative date of the event's clause dates it, from the publication date -------------

def test_a_relative_month_of_the_clause_dates_the_event(extract):
    text = ("وأشاد الوزيران بنتائج زيارة العمل التي قام بها رئيس الحكومة الإسباني إلى المغرب في فبراير الماضي.")
    triples, _ = extract("ar", text, [("زيارة العمل", EVENT)], published="2023-05-10")
    assert ("زيارة العمل", "occurredOn", "2023-02") in triples
    # without a publication date a relative month dates nothing
    triples, _ = extract("ar", text, [("زيارة العمل", EVENT)])
    assert not any(t == "occurredOn" for _, t, _ in triples)


# --- a sentence that lists an event's participants as a group ("Participants were X, Y and Z")

def test_a_roster_of_participants_takes_part_en(extract):
    text = ("Exercise Talisman Sabre 2023 opened in Townsville on Friday. "
            "Participants were Australia, Japan, Fiji and Tonga.")
    triples, relations = extract("en", text, [("Exercise Talisman Sabre 2023", EVENT)])
    for country in ("Australia", "Japan", "Fiji", "Tonga"):
        assert (country, "involvedIn", "Exercise Talisman Sabre 2023") in triples
    assert "rule:event-roster" in {r.extractor for r in relations}


def test_a_roster_of_partners_takes_part_fr(extract):
    text = ("L'exercice Obangame Express 2023 s'est ouvert lundi à Lomé. "
            "Les pays participants sont le Ghana, le Bénin et le Nigeria.")
    triples, _ = extract("fr", text, [("exercice Obangame Express 2023", EVENT)])
    for country in ("Ghana", "Bénin", "Nigeria"):
        assert (country, "involvedIn", "exercice Obangame Express 2023") in triples


def test_a_roster_after_a_colon_takes_part_ar(extract):
    text = ('انطلقت أمس مناورات "رعد الشمال" في حفر الباطن. '
            "ومن بين الدول العربية المشاركة: مصر، والأردن، والسودان، إلى جانب البلد المضيف.")
    triples, _ = extract("ar", text, [("رعد الشمال", EVENT)])
    for country in ("مصر", "الأردن", "السودان"):
        assert (country, "involvedIn", "رعد الشمال") in triples


def test_partners_who_do_something_else_are_no_roster_en(extract):
    # "partners" opens the sentence, but the colon opens a clause, not a list of participants
    text = ("Exercise Talisman Sabre 2023 opened in Townsville on Friday. "
            "Participants were Australia and Japan. "
            "Western partners have also changed course: forces from France and Germany have left the region.")
    triples, _ = extract("en", text, [("Exercise Talisman Sabre 2023", EVENT)])
    assert ("Japan", "involvedIn", "Exercise Talisman Sabre 2023") in triples  # the roster is read
    assert ("France", "involvedIn", "Exercise Talisman Sabre 2023") not in triples
    assert ("Germany", "involvedIn", "Exercise Talisman Sabre 2023") not in triples


def test_a_report_that_keeps_referring_to_its_event_reaches_a_later_roster_en(extract):
    # four sentences after the name: the exercise is referred back to in between
    text = ("Exercise Talisman Sabre 2023 opened in Townsville on Friday. "
            "More than 30,000 troops took to the field. "
            "Warships gathered off the coast of Queensland. "
            "The exercise, held every two years, tests amphibious landings. "
            "Participants were Fiji and Tonga.")
    triples, _ = extract("en", text, [("Exercise Talisman Sabre 2023", EVENT)])
    assert ("Fiji", "involvedIn", "Exercise Talisman Sabre 2023") in triples
    assert ("Tonga", "involvedIn", "Exercise Talisman Sabre 2023") in triples


# --- the parties whose act an event is the occasion of ("X and Y agreed ... during the session")

def test_the_subjects_of_an_act_during_a_session_take_part_en(extract):
    text = "Kenya and Uganda agreed on a border plan during the 4th session of their joint commission."
    triples, relations = extract("en", text, [("4th session", EVENT)])
    assert ("Kenya", "involvedIn", "4th session") in triples
    assert ("Uganda", "involvedIn", "4th session") in triples
    assert {r.extractor for r in relations if r.type == "involvedIn"} == {"rule:event-occasion"}


def test_the_subjects_of_an_act_at_a_summit_take_part_fr(extract):
    text = "Le Sénégal et la Gambie sont convenus d'un plan frontalier lors du sommet de Banjul."
    triples, _ = extract("fr", text, [("sommet de Banjul", EVENT)])
    assert ("Sénégal", "involvedIn", "sommet de Banjul") in triples
    assert ("Gambie", "involvedIn", "sommet de Banjul") in triples


def test_the_subjects_of_an_act_during_a_session_take_part_ar(extract):
    text = "واتفقت مصر والأردن، الاثنين، على خطة مشتركة خلال أشغال الدورة الثامنة للجنة العليا المشتركة."
    triples, _ = extract("ar", text, [("الدورة الثامنة", EVENT)])
    assert ("مصر", "involvedIn", "الدورة الثامنة") in triples
    assert ("الأردن", "involvedIn", "الدورة الثامنة") in triples


def test_one_party_acting_during_an_event_is_not_said_to_take_part_en(extract):
    # one party alone may act at an event it has no part in; the pair below is the control
    text = ("Al-Shabaab shelled the port during the 4th session of the joint commission. "
            "Kenya and Uganda agreed on a border plan during the 5th session of the joint commission.")
    triples, _ = extract("en", text, [("4th session", EVENT), ("5th session", EVENT), ("Al-Shabaab", "Organization")])
    assert ("Kenya", "involvedIn", "5th session") in triples
    assert ("Al-Shabaab", "involvedIn", "4th session") not in triples


# --- a place that ends a person's title is where the person serves, not the event's place

def test_the_place_of_a_title_is_no_place_of_the_event_ar(extract):
    text = ("انطلقت في نيامي أشغال القمة الأولى لتحالف دول الساحل. "
            "وشارك في القمة العقيد عاصمي غويتا، رئيس المرحلة الانتقالية في مالي.")
    triples, _ = extract("ar", text, [("القمة الأولى", EVENT), ("عاصمي غويتا", "Person")])
    assert ("القمة الأولى", "occurredIn", "نيامي") in triples  # the event's own place
    assert ("القمة الأولى", "occurredIn", "مالي") not in triples


def test_the_place_of_a_title_is_no_place_of_the_event_en(extract):
    text = ("The 5th session of the joint commission opened in Accra on Monday in the presence of "
            "Julius Maada Bio, chairman of the regional council in Sierra Leone.")
    triples, _ = extract("en", text, [("5th session", EVENT), ("Julius Maada Bio", "Person")])
    assert ("5th session", "occurredIn", "Accra") in triples
    assert ("5th session", "occurredIn", "Sierra Leone") not in triples


def test_the_place_of_a_title_is_no_place_of_the_event_fr(extract):
    text = ("La 5e session de la commission mixte s'est ouverte lundi à Dakar en présence de "
            "Macky Sall, président du conseil régional au Sénégal.")
    triples, _ = extract("fr", text, [("5e session", EVENT), ("Macky Sall", "Person")])
    assert ("5e session", "occurredIn", "Dakar") in triples
    assert ("5e session", "occurredIn", "Sénégal") not in triples


def test_the_party_whose_operation_it_is_takes_part_en(extract):
    text = "Greek frigates patrolled for the EU's Operation Irini off the coast of Libya in 2020."
    triples, relations = extract("en", text, [("Operation Irini", EVENT), ("EU", "InternationalOrganization")])
    assert ("EU", "involvedIn", "Operation Irini") in triples
    assert "rule:event-possessor" in {r.extractor for r in relations}
    assert ("Libya", "involvedIn", "Operation Irini") not in triples


# --- a list of persons with their titles between them: every person takes part, the states in the titles do not

def test_persons_listed_with_possessive_titles_take_part_en(extract):
    text = ("The summit was co-chaired by Morocco's Head of Government Aziz Akhannouch "
            "and Spain's Prime Minister Pedro Sanchez.")
    triples, relations = extract("en", text, [("summit", EVENT), ("Aziz Akhannouch", "Person"),
                                              ("Pedro Sanchez", "Person")])
    assert ("Aziz Akhannouch", "involvedIn", "summit") in triples
    assert ("Pedro Sanchez", "involvedIn", "summit") in triples
    assert ("Spain", "involvedIn", "summit") not in triples


def test_persons_listed_with_titles_take_part_ar(extract):
    text = ('وشارك في "قمة الدوحة" أمير دولة قطر الشيخ تميم بن حمد آل ثاني، '
            "وملك البحرين حمد بن عيسى آل خليفة.")
    triples, _ = extract("ar", text, [("قمة الدوحة", EVENT), ("تميم بن حمد آل ثاني", "Person"),
                                      ("حمد بن عيسى آل خليفة", "Person")])
    assert ("تميم بن حمد آل ثاني", "involvedIn", "قمة الدوحة") in triples
    assert ("حمد بن عيسى آل خليفة", "involvedIn", "قمة الدوحة") in triples
    assert ("البحرين", "involvedIn", "قمة الدوحة") not in triples


def test_persons_listed_with_titles_take_part_fr(extract):
    text = ("Le forum de Rabat s'est ouvert en présence du ministre Nasser Bourita "
            "et du Premier ministre espagnol Pedro Sanchez.")
    triples, _ = extract("fr", text, [("forum de Rabat", EVENT), ("Nasser Bourita", "Person"),
                                      ("Pedro Sanchez", "Person")])
    assert ("Nasser Bourita", "involvedIn", "forum de Rabat") in triples
    assert ("Pedro Sanchez", "involvedIn", "forum de Rabat") in triples


def test_a_person_met_after_a_title_is_no_member_of_the_list_en(extract):
    # "met" between the two persons: the second is no member of a list after the cue
    text = "The summit was attended by Aziz Akhannouch, who met Spain's Prime Minister Pedro Sanchez."
    triples, _ = extract("en", text, [("summit", EVENT), ("Aziz Akhannouch", "Person"), ("Pedro Sanchez", "Person")])
    assert ("Aziz Akhannouch", "involvedIn", "summit") in triples
    assert ("Pedro Sanchez", "involvedIn", "summit") not in triples


def test_a_speaker_with_a_body_in_the_title_is_no_party_of_a_quoted_cue_en(extract):
    text = ('"Operations such as Pangea XVI show how organized crime networks adapt," '
            "said Europol Director Catherine De Bolle.")
    triples, _ = extract("en", text, [("Pangea XVI", EVENT), ("Europol", "GovernmentAgency"),
                                      ("Catherine De Bolle", "Person")])
    assert ("Catherine De Bolle", "involvedIn", "Pangea XVI") not in triples


def test_a_signing_takes_place_in_its_city_and_its_countries_are_its_parties_ar(extract):
    text = "وقعت الجزائر وموريتانيا، يوم الخميس في نواكشوط، على مذكرة تفاهم لإنشاء لجنة حدودية مشتركة."
    event = "مذكرة تفاهم لإنشاء لجنة حدودية مشتركة"
    triples, _ = extract("ar", text, [(event, EVENT)])
    assert (event, "occurredIn", "نواكشوط") in triples
    for country in ("الجزائر", "موريتانيا"):
        assert (event, "occurredIn", country) not in triples


def test_a_signing_takes_place_in_its_city_and_its_countries_are_its_parties_fr(extract):
    text = "À Rabat, le Maroc et l'Espagne ont signé jeudi un mémorandum d'entente sur la sécurité des frontières."
    event = "mémorandum d'entente sur la sécurité des frontières"
    triples, _ = extract("fr", text, [(event, EVENT)])
    assert (event, "occurredIn", "Rabat") in triples
    assert not any(t == "occurredIn" and tail in ("Maroc", "Espagne") for _, t, tail in triples)


# --- the owner of an event by a genitive after its name; the subject of what is done within it

def test_the_body_a_summit_belongs_to_takes_part_ar(extract):
    # the genitive ل glued to the body's name
    text = "وصادق القادة على الاتفاقية خلال القمة العادية الخامسة والثلاثين للاتحاد الإفريقي في أديس أبابا."
    triples, relations = extract("ar", text, [("القمة العادية الخامسة والثلاثين", EVENT)])
    assert ("للاتحاد الإفريقي", "involvedIn", "القمة العادية الخامسة والثلاثين") in triples
    assert "rule:event-owner" in {r.extractor for r in relations if r.type == "involvedIn"}


def test_an_operation_of_an_alliance_takes_it_part_ar(extract):
    text = 'وأبحرت الفرقاطة نحو شرق المتوسط، ضمن عملية "حارس البحر" التابعة لحلف شمال الأطلسي.'
    triples, _ = extract("ar", text, [("حارس البحر", EVENT), ("حلف شمال الأطلسي", "InternationalOrganization")])
    assert ("حلف شمال الأطلسي", "involvedIn", "حارس البحر") in triples


def test_the_last_genitive_of_a_chain_owns_the_event_en(extract):
    # the assembly is the event's own name; Interpol is its party
    text = "Delegates gathered in Vienna for the 91st session of the General Assembly of Interpol last week."
    triples, _ = extract("en", text, [("91st session", EVENT), ("General Assembly", "InternationalOrganization"),
                                      ("Interpol", "InternationalOrganization")])
    assert ("Interpol", "involvedIn", "91st session") in triples
    assert ("General Assembly", "involvedIn", "91st session") not in triples


def test_the_body_a_summit_belongs_to_takes_part_fr(extract):
    text = "Les dirigeants se sont retrouvés à Abuja lors du sommet extraordinaire de la CEDEAO consacré au Niger."
    triples, _ = extract("fr", text, [("sommet extraordinaire", EVENT), ("CEDEAO", "InternationalOrganization")])
    assert ("CEDEAO", "involvedIn", "sommet extraordinaire") in triples


def test_a_visit_has_no_owner_en(extract):
    text = "The talks came at the end of a state visit of the European Union delegation in Rabat."
    triples, _ = extract("en", text, [("state visit", EVENT), ("European Union", "InternationalOrganization")])
    assert ("European Union", "involvedIn", "state visit") not in triples


def test_what_is_done_as_part_of_an_operation_ar(extract):
    text = ('لاهاي - أعلنت وكالة الشرطة الأوروبية "يوروبول"، الثلاثاء، توقيف عشرة أشخاص وحجز خوادم '
            'في إطار عملية "الدرع" ضد شبكات الاحتيال.')
    triples, relations = extract("ar", text, [("الدرع", EVENT), ("يوروبول", "InternationalOrganization")])
    assert ("يوروبول", "involvedIn", "الدرع") in triples
    assert "rule:event-framework" in {r.extractor for r in relations if r.type == "involvedIn"}


def test_what_is_done_as_part_of_an_operation_en(extract):
    text = "Benin has deployed around 3,000 troops to its northern border under Operation Mirador."
    triples, _ = extract("en", text, [("Operation Mirador", EVENT)])
    assert ("Benin", "involvedIn", "Operation Mirador") in triples


def test_what_is_done_as_part_of_an_operation_fr(extract):
    text = "Frontex a déployé deux navires en mer Égée dans le cadre de l'opération Poséidon."
    triples, _ = extract("fr", text, [("opération Poséidon", EVENT), ("Frontex", "InternationalOrganization")])
    assert ("Frontex", "involvedIn", "opération Poséidon") in triples


def test_a_place_before_a_framework_cue_takes_no_part_en(extract):
    text = "Patrols in the Red Sea were stepped up as part of Operation Atalanta."
    triples, _ = extract("en", text, [("Operation Atalanta", EVENT), ("Red Sea", "Location")])
    assert ("Red Sea", "involvedIn", "Operation Atalanta") not in triples


# --- the sides of a hyphenated pair next to the event; forces sent to the event just named

def test_a_hyphenated_pair_after_the_event_takes_part_ar(extract):
    text = "ترأس الوزيران في الرباط أشغال الدورة الخامسة للجنة العليا المشتركة المغرب-موريتانيا."
    triples, relations = extract("ar", text, [("الدورة الخامسة", EVENT)])
    assert ("المغرب", "involvedIn", "الدورة الخامسة") in triples
    assert ("موريتانيا", "involvedIn", "الدورة الخامسة") in triples


def test_a_hyphenated_pair_before_the_event_takes_part_en(extract):
    text = "Oil exports collapsed during the Iran-Iraq war of the 1980s."
    triples, _ = extract("en", text, [("war", EVENT)])
    assert ("Iran", "involvedIn", "war") in triples
    assert ("Iraq", "involvedIn", "war") in triples


def test_states_that_sent_forces_take_part_en(extract):
    text = ("Egypt and the United States opened the Bright Star exercise on Thursday. "
            "Greece, Jordan and Italy have sent forces, while others are watching as observers.")
    triples, _ = extract("en", text, [("Bright Star exercise", EVENT)])
    for country in ("Greece", "Jordan", "Italy"):
        assert (country, "involvedIn", "Bright Star exercise") in triples


def test_states_that_sent_forces_take_part_fr(extract):
    text = ("Le Maroc et les États-Unis ont lancé lundi l'exercice African Lion. "
            "Le Sénégal, le Ghana et la Tunisie ont envoyé des contingents.")
    triples, _ = extract("fr", text, [("exercice African Lion", EVENT)])
    for country in ("Sénégal", "Ghana", "Tunisie"):
        assert (country, "involvedIn", "exercice African Lion") in triples


# --- a part of the event (its opening session) and its speakers; "كلا من" is no negation

def test_the_partners_listed_after_kila_min_take_part_ar(extract):
    text = ('انطلقت في نواكشوط مناورات "فلينتلوك" للقوات الخاصة. '
            "أما الشركاء الدوليون فتضم قائمتهم كلا من فرنسا، وألمانيا، واليابان.")
    triples, _ = extract("ar", text, [("فلينتلوك", EVENT)])
    for country in ("فرنسا", "ألمانيا", "اليابان"):
        assert (country, "involvedIn", "فلينتلوك") in triples


def test_the_speakers_of_the_opening_session_take_part_ar(extract):
    text = ('انطلقت في مراكش أشغال "المنتدى الإفريقي للأمن". '
            "وتميزت الجلسة الافتتاحية بكلمة للمدير العام عبد اللطيف حموشي.")
    triples, _ = extract("ar", text, [("المنتدى الإفريقي للأمن", EVENT), ("عبد اللطيف حموشي", "Person")])
    assert ("عبد اللطيف حموشي", "involvedIn", "المنتدى الإفريقي للأمن") in triples


def test_the_speakers_of_the_opening_ceremony_take_part_en(extract):
    text = ("The Africa Security Forum opened on Monday in Marrakech. "
            "The opening ceremony was addressed by Jürgen Stock and by Abdellatif Hammouchi.")
    triples, _ = extract("en", text, [("Africa Security Forum", EVENT), ("Jürgen Stock", "Person"),
                                      ("Abdellatif Hammouchi", "Person")])
    assert ("Jürgen Stock", "involvedIn", "Africa Security Forum") in triples
    assert ("Abdellatif Hammouchi", "involvedIn", "Africa Security Forum") in triples


def test_a_speaker_of_the_opening_session_takes_part_fr(extract):
    text = ("Les deux délégations ont ouvert lundi à Rabat le Forum de Rabat sur la sécurité. "
            "Nasser Bourita a pris la parole lors de la séance d'ouverture.")
    triples, _ = extract("fr", text, [("Forum de Rabat sur la sécurité", EVENT), ("Nasser Bourita", "Person")])
    assert ("Nasser Bourita", "involvedIn", "Forum de Rabat sur la sécurité") in triples


def test_the_subjects_after_a_back_reference_take_part_fr(extract):
    # inversion: "Ont participé à l'exercice X, Y et Z": "à" governs the back-reference
    text = ("Le Maroc et les États-Unis ont lancé lundi à Agadir l'exercice African Lion. "
            "Ont participé à l'exercice la Tunisie, le Sénégal et le Ghana.")
    triples, _ = extract("fr", text, [("exercice African Lion", EVENT)])
    for country in ("Tunisie", "Sénégal", "Ghana"):
        assert (country, "involvedIn", "exercice African Lion") in triples


def test_a_vso_cue_with_a_back_reference_for_object_leaves_a_later_event_ar(extract):
    # he supervised the operation the text is about, not the attacks named after it
    text = ("وأشرف على العملية عبد اللطيف حموشي، فيما أكد مسؤول أن هذه العملية هي الأبرز منذ "
            "هجمات مدريد في مارس 2004.")
    triples, _ = extract("ar", text, [("هجمات مدريد", EVENT), ("عبد اللطيف حموشي", "Person")])
    assert ("عبد اللطيف حموشي", "involvedIn", "هجمات مدريد") not in triples


def test_no_owner_inside_a_name_cut_short_ar(extract):
    # the conference's name runs on past Interpol ("... للإنتربول لمنطقة الشرق الأوسط"): the
    # mention was cut short, Interpol is a word of the name
    text = "افتتح الوزير أعمال المؤتمر الإقليمي العشرين للإنتربول لمنطقة الشرق الأوسط في عمان."
    triples, _ = extract("ar", text, [("المؤتمر الإقليمي العشرين", EVENT), ("للإنتربول", "InternationalOrganization"),
                                      ("منطقة الشرق الأوسط", "Location")])
    assert ("للإنتربول", "involvedIn", "المؤتمر الإقليمي العشرين") not in triples


# --- the persons a visitor met during the visit take part in it

def test_the_persons_met_during_a_visit_take_part_ar(extract):
    text = ("وجاءت المباحثات بعد زيارة عمل أداها الوزير إلى مدريد، التقى خلالها وزير الداخلية فرناندو غراندي مارلاسكا، "
            "ووزير الخارجية خوسيه مانويل ألباريس.")
    triples, relations = extract("ar", text, [("زيارة عمل", EVENT), ("فرناندو غراندي مارلاسكا", "Person"),
                                              ("خوسيه مانويل ألباريس", "Person")])
    assert ("فرناندو غراندي مارلاسكا", "involvedIn", "زيارة عمل") in triples
    assert ("خوسيه مانويل ألباريس", "involvedIn", "زيارة عمل") in triples
    assert "rule:visit-met" in {r.extractor for r in relations if r.type == "involvedIn"}


def test_the_persons_met_during_a_visit_take_part_en(extract):
    text = "In 2023 the minister paid a working visit to Rabat, during which he met Abdelouafi Laftit and Nasser Bourita."
    triples, _ = extract("en", text, [("working visit", EVENT), ("Abdelouafi Laftit", "Person"), ("Nasser Bourita", "Person")])
    assert ("Abdelouafi Laftit", "involvedIn", "working visit") in triples
    assert ("Nasser Bourita", "involvedIn", "working visit") in triples


def test_the_person_met_during_a_visit_takes_part_fr(extract):
    text = "Le ministre a effectué une visite officielle à Madrid, au cours de laquelle il a rencontré Pedro Sánchez."
    triples, _ = extract("fr", text, [("visite officielle", EVENT), ("Pedro Sánchez", "Person")])
    assert ("Pedro Sánchez", "involvedIn", "visite officielle") in triples


def test_the_co_leader_and_the_executor_take_part_en(extract):
    text = ("Exercise Phoenix Express opened in Tunisia on Monday. "
            "The exercise is co-led by Tunisia and executed by U.S. Sixth Fleet.")
    triples, _ = extract("en", text, [("Exercise Phoenix Express", EVENT), ("U.S. Sixth Fleet", "GovernmentAgency")])
    assert ("U.S. Sixth Fleet", "involvedIn", "Exercise Phoenix Express") in triples


# --- a later sentence tells the parties of a session the text has named (participation_reference)

def test_the_states_that_took_part_in_this_session_ar(extract):
    # the locative governs the back-reference: the states after it take part, they are no sites
    text = ('افتتحت في الرباط "الدورة الخامسة للجنة المشتركة". '
            "وشارك في هذه الدورة المغرب وإسبانيا والبرتغال.")
    triples, _ = extract("ar", text, [("الدورة الخامسة للجنة المشتركة", EVENT)])
    for country in ("المغرب", "إسبانيا", "البرتغال"):
        assert (country, "involvedIn", "الدورة الخامسة للجنة المشتركة") in triples
        assert ("الدورة الخامسة للجنة المشتركة", "occurredIn", country) not in triples


def test_titled_persons_after_a_back_reference_take_part_ar(extract):
    text = ('انعقدت أمس في الرياض "القمة الخليجية الخامسة والأربعون". '
            "وشارك في القمة أمير دولة قطر الشيخ تميم بن حمد آل ثاني، وملك البحرين الملك حمد بن عيسى آل خليفة.")
    summit = "القمة الخليجية الخامسة والأربعون"
    triples, _ = extract("ar", text, [(summit, EVENT), ("تميم بن حمد آل ثاني", "Person"),
                                      ("حمد بن عيسى آل خليفة", "Person")])
    assert ("تميم بن حمد آل ثاني", "involvedIn", summit) in triples
    assert ("حمد بن عيسى آل خليفة", "involvedIn", summit) in triples


def test_representatives_alongside_the_delegations_take_part_ar(extract):
    text = ('افتتحت في الرباط "الدورة الخامسة للجنة المشتركة". '
            "ويشارك في الدورة وزراء الداخلية العرب ووفود أمنية رفيعة المستوى، إلى جانب ممثلين عن "
            "الاتحاد الإفريقي، والأمم المتحدة، والإنتربول.")
    session = "الدورة الخامسة للجنة المشتركة"
    triples, _ = extract("ar", text, [(session, EVENT)])
    for body in ("الاتحاد الإفريقي", "الأمم المتحدة", "الإنتربول"):
        assert (body, "involvedIn", session) in triples


def test_the_states_that_took_part_in_this_session_fr(extract):
    text = ("La 5e session de la commission mixte s'est ouverte lundi à Rabat. "
            "Ont pris part à cette session le Maroc, l'Espagne et le Portugal.")
    triples, _ = extract("fr", text, [("5e session de la commission mixte", EVENT)])
    for country in ("Maroc", "Espagne", "Portugal"):
        assert (country, "involvedIn", "5e session de la commission mixte") in triples


def test_a_session_is_not_the_operation_just_named_en(extract):
    # "the session" refers back to a session only: the operation named before it is another event
    text = "Operation Atalanta was launched off Somalia in 2008. The session was attended by Josep Borrell."
    triples, _ = extract("en", text, [("Operation Atalanta", EVENT), ("Josep Borrell", "Person")])
    assert ("Josep Borrell", "involvedIn", "Operation Atalanta") not in triples


# --- a later sentence whose subject is a list of states that supported or signed up to the event

def test_states_that_also_supported_the_action_en(extract):
    text = ("Europol coordinated Operation Morpheus against criminal servers in 2024. "
            "Poland, Finland and Japan also supported the action with arrests and searches.")
    triples, _ = extract("en", text, [("Operation Morpheus", EVENT)])
    for country in ("Poland", "Finland", "Japan"):
        assert (country, "involvedIn", "Operation Morpheus") in triples


def test_states_that_also_supported_the_action_fr(extract):
    text = ("L'opération Morpheus a été coordonnée par Europol en 2024. "
            "La Pologne, la Finlande et le Japon ont également soutenu l'action.")
    triples, _ = extract("fr", text, [("opération Morpheus", EVENT)])
    for country in ("Pologne", "Finlande", "Japon"):
        assert (country, "involvedIn", "opération Morpheus") in triples


def test_states_that_have_signed_up_en(extract):
    text = ("The Cutlass Express exercise opened on Monday in Mombasa. "
            "Kenya, Djibouti and Somalia have signed up, officials said.")
    triples, _ = extract("en", text, [("Cutlass Express exercise", EVENT)])
    for country in ("Kenya", "Djibouti", "Somalia"):
        assert (country, "involvedIn", "Cutlass Express exercise") in triples


def test_a_list_member_named_by_its_short_name_in_brackets_keeps_the_list_going_ar(extract):
    # "والوكالة الأوروبية للتعاون في مجال إنفاذ القانون (يوروبول)": the long name is no mention
    # (its head noun alone is read as a back-reference); the members after it still take part
    text = ("انطلقت في الرباط أعمال المنتدى الإفريقي لأمن الحدود. ويشارك في المنتدى قادة الأمن الأفارقة، إلى جانب "
            "ممثلين عن الاتحاد الإفريقي، والوكالة الأوروبية لحرس الحدود والسواحل (فرونتكس)، والوكالة الأوروبية "
            "للتعاون في مجال إنفاذ القانون (يوروبول)، وجامعة الدول العربية.")
    triples, _ = extract("ar", text)
    parties = {h for h, typ, t in triples if typ == "involvedIn"}
    assert {"الاتحاد الإفريقي", "يوروبول", "جامعة الدول العربية"} <= parties


def test_representatives_joined_after_the_groups_a_cue_names_first_take_part_en(extract):
    # the groups of the participation cue run past INTRO_CUE_WORDS; "as well as" joins the list to them
    text = ("The Munich Security Conference 2024 opened on Friday. The conference was attended by heads of state, "
            "defence ministers and senior officials from dozens of countries, as well as representatives of NATO, "
            "the European Union and the African Union.")
    triples, _ = extract("en", text)
    parties = {h for h, typ, t in triples if typ == "involvedIn"}
    assert {"NATO", "European Union", "African Union"} <= parties


def test_partners_of_an_organiser_in_partnership_take_part_ar(extract):
    # "بشراكة مع" (in partnership with): each party of the list after it takes part, as after "بالتعاون مع"
    text = ('انطلق أمس في أكادير تمرين "الأسد الإفريقي 2024" الذي تنظمه القوات المسلحة الملكية بشراكة مع '
            "القوات المسلحة الأمريكية والحرس الوطني لولاية يوتا.")
    triples, _ = extract("ar", text)
    parties = {h for h, typ, t in triples if typ == "involvedIn"}
    assert {"القوات المسلحة الملكية", "القوات المسلحة الأمريكية", "الحرس الوطني"} <= parties


def test_a_sentence_that_refers_back_is_told_once_per_text():
    from pipeline.relations.context import SentenceContext
    from pipeline.relations.rules import events

    text = "Rabat hosted the summit. Delegates praised the exercise later."
    ctx = SentenceContext(text, 25, len(text), "en")
    assert events._refers_back(ctx)
    assert events._referring[0] is text and events._referring[1] == {(25, len(text), "en"): True}
    other = "Rabat hosted the summit. Delegates praised the weather later."
    assert not events._refers_back(SentenceContext(other, 25, len(other), "en"))  # another text: asked anew
    assert events._refers_back(ctx)
