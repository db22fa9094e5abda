"""``training_flow`` (pipeline/relations/rules/flows.py): a training trigger states a flow
only when it is one party training another; an exercise the parties take part in, the
field of an agreement, a training venue or unit, "former avec" (forms with) and a state
named as the place of a training are none (issue 14: most of the rule's false positives)."""
import pytest

TRN = "providesTrainingTo"


def _flows(triples) -> set[tuple[str, str]]:
    return {(h, t) for h, typ, t in triples if typ == TRN}


@pytest.mark.parametrize("lang, text, names, control, wrong", [
    # An exercise the parties take part in.
    ("ar", "وتشارك القوات المسلحة الملكية في التدريب إلى جانب قوات من الولايات المتحدة وتونس والسنغال.",
     [("القوات المسلحة الملكية", "GovernmentAgency"), ("الجيش السنغالي", "GovernmentAgency")],
     "وتدرب القوات المسلحة الملكية الجيش السنغالي على تقنيات القنص.",
     ("القوات المسلحة الملكية", "السنغال")),
    ("en", "Troops of the Senegalese Armed Forces took part in the training alongside units from Ghana.",
     [("Senegalese Armed Forces", "GovernmentAgency")],
     "The Senegalese Armed Forces trained units from Ghana in mine clearance.",
     ("Senegalese Armed Forces", "Ghana")),
    # The field of an agreement.
    ("en", "The Guardia Civil signed a protocol in the field of training with the Senegalese Gendarmerie.",
     [("Guardia Civil", "GovernmentAgency"), ("Senegalese Gendarmerie", "GovernmentAgency")],
     "The Guardia Civil trains the Senegalese Gendarmerie in maritime surveillance.",
     ("Guardia Civil", "Senegalese Gendarmerie")),
    ("fr", "La Guardia Civil a signé un protocole en matière de formation avec la Gendarmerie sénégalaise.",
     [("Guardia Civil", "GovernmentAgency"), ("Gendarmerie sénégalaise", "GovernmentAgency")],
     "La Guardia Civil forme la Gendarmerie sénégalaise à la surveillance maritime.",
     ("Guardia Civil", "Gendarmerie sénégalaise")),
    ("ar", "ووقع الحرس المدني بروتوكول تعاون في مجال التكوين مع الدرك السنغالي.",
     [("الحرس المدني", "GovernmentAgency"), ("الدرك السنغالي", "GovernmentAgency")],
     "ويدرب الحرس المدني الدرك السنغالي على المراقبة البحرية.",
     ("الحرس المدني", "الدرك السنغالي")),
    # "former avec": forms (a group) with.
    ("fr", "Le Tchad forme avec le Niger une force commune contre Boko Haram.", [],
     "Le Tchad forme les officiers du Niger au déminage.", ("Tchad", "Niger")),
    # A training unit, a training centre.
    ("en", "The course was run by the Carabinieri training unit of the Italian Military Mission in Niger.",
     [("Carabinieri", "GovernmentAgency"), ("Italian Military Mission in Niger", "GovernmentAgency")],
     "The Carabinieri trained the Italian Military Mission in Niger last year.",
     ("Carabinieri", "Italian Military Mission in Niger")),
    # A state after "in": where the training is, not who receives it.
    ("en", "Turkish Armed Forces instructors arrived in Somalia on Monday.",
     [("Turkish Armed Forces", "GovernmentAgency")],
     "The Turkish Armed Forces train Somalia's army.", ("Turkish Armed Forces", "Somalia")),
])
def test_no_flow_without_a_party_training_another(extract, lang, text, names, control, wrong):
    triples, _ = extract(lang, text, [(s, t) for s, t in names if s in text])
    assert wrong not in _flows(triples), _flows(triples)
    # Positive control: the same parties in a training sentence give the flow.
    control_names = [(s, t) for s, t in names if s in control]
    triples, _ = extract(lang, control, control_names)
    assert _flows(triples), (control, sorted(triples))


def test_a_trainee_in_a_state_is_not_trained_by_it_ar(extract):
    text = "وأفادت مصادر أمنية بأن الجانبين يدرسان برنامجا لتكوين عناصر الشرطة الجزائرية في ألمانيا."
    triples, _ = extract("ar", text, [("الشرطة الجزائرية", "GovernmentAgency")])
    assert ("ألمانيا", "الشرطة الجزائرية") not in _flows(triples)


def test_a_trainer_is_not_looked_for_past_a_paragraph(extract):
    text = ("Paris will fund courses for the Lebanese Armed Forces given by French instructors in Beirut.\n\n"
            "Israel was not represented.")
    triples, _ = extract("en", text, [("Lebanese Armed Forces", "GovernmentAgency")])
    assert not any(h == "Israel" for h, _ in _flows(triples)), _flows(triples)


def test_a_trigger_closing_the_clause_right_after_the_trainee_ar(extract):
    # "France took on supporting the Malian armed forces in training and equipment."
    text = "وتولت فرنسا دعم القوات المسلحة المالية تدريبا وتجهيزا، في حين ساهمت ألمانيا بالتمويل."
    triples, _ = extract("ar", text, [("القوات المسلحة المالية", "GovernmentAgency")])
    assert ("فرنسا", "القوات المسلحة المالية") in _flows(triples)


@pytest.mark.parametrize("lang, text, names, wrong", [
    # A word between the second party and the trigger: another clause.
    ("en", "Twenty officers from the Senegalese Navy travelled to Spain for instruction.",
     [("Senegalese Navy", "GovernmentAgency")], ("Senegalese Navy", "Spain")),
    # "for" the trigger: a name's complement ("agency for training").
    ("ar", "وحضر ممثلون عن الشرطة الأوروبية ووكالة الاتحاد الأوروبي للتدريب على إنفاذ القانون.",
     [("الشرطة الأوروبية", "InternationalOrganization"), ("الاتحاد الأوروبي", "InternationalOrganization")],
     ("الشرطة الأوروبية", "الاتحاد الأوروبي")),
])
def test_no_clause_final_flow_past_a_word(extract, lang, text, names, wrong):
    triples, _ = extract(lang, text, names)
    assert wrong not in _flows(triples), _flows(triples)


INT = "providesIntelligenceTo"


@pytest.mark.parametrize("lang, text, wrong", [
    # An office handed over is no information.
    ("fr", "Le Liban, président sortant, a transmis la présidence à l'Irak.", ("Liban", "Irak")),
    # "warned that": what is said, not to whom it is said.
    ("en", "Morocco warned that Spain would face new arrivals.", ("Morocco", "Spain")),
    ("en", "Russia sent two frigates to Libya. Italy warned that Russian warships could approach its shores.",
     ("Italy", "Russia")),
])
def test_no_intelligence_flow_without_information_to_a_party(extract, lang, text, wrong):
    triples, _ = extract(lang, text)
    flows = {(h, t) for h, typ, t in triples if typ == INT}
    assert wrong not in flows, flows


def test_a_warning_to_a_party_is_a_flow(extract):
    triples, _ = extract("en", "The DGSE warned the Malian army that an attack was imminent.",
                         [("DGSE", "GovernmentAgency"), ("Malian army", "GovernmentAgency")])
    assert ("DGSE", INT, "Malian army") in triples


@pytest.mark.parametrize("lang, text, names, expected", [
    # An office word inside the recipient's name is no office handed over.
    ("ar", "وزوّد جهاز الاستخبارات الأردني رئاسة أمن الدولة بمعلومات عن الشبكة.",
     [("جهاز الاستخبارات الأردني", "GovernmentAgency"), ("رئاسة أمن الدولة", "GovernmentAgency")],
     ("جهاز الاستخبارات الأردني", INT, "رئاسة أمن الدولة")),
    ("en", "The DGSE passed information to the Presidency of State Security about the network.",
     [("DGSE", "GovernmentAgency"), ("Presidency of State Security", "GovernmentAgency")],
     ("DGSE", INT, "Presidency of State Security")),
])
def test_an_office_word_in_a_name_is_no_office(extract, lang, text, names, expected):
    triples, _ = extract(lang, text, names)
    assert expected in triples, sorted(triples)


# ``trainee_origins``: trainees named with their states are trained by the school the
# document names.
@pytest.mark.parametrize("lang, text, names, school, states", [
    ("ar", "احتضنت أكاديمية الشرطة المصرية حفل تخريج دورة تدريبية. وشارك في الدورة 40 متدربا يمثلون دولا إفريقية، "
           "من بينها كينيا وأوغندا وتنزانيا.",
     [("أكاديمية الشرطة المصرية", "GovernmentAgency")], "أكاديمية الشرطة المصرية", ["كينيا", "أوغندا", "تنزانيا"]),
    ("fr", "L'École de guerre a ouvert sa nouvelle session. Elle accueille 30 stagiaires venus du Sénégal, du Bénin et du Togo.",
     [("École de guerre", "GovernmentAgency")], "École de guerre", ["Sénégal", "Bénin", "Togo"]),
    ("en", "The Royal Military Academy Sandhurst held its graduation parade. Among the graduates were cadets from Jordan, "
           "Qatar and Nigeria.",
     [("Royal Military Academy Sandhurst", "GovernmentAgency")], "Royal Military Academy Sandhurst", ["Jordan", "Qatar", "Nigeria"]),
])
def test_trainees_from_listed_states_are_trained_by_the_school(extract, lang, text, names, school, states):
    triples, relations = extract(lang, text, names)
    for state in states:
        assert (school, state) in _flows(triples), (state, _flows(triples))
    assert {r.extractor for r in relations if r.type == TRN} == {"rule:training-trainees"}


def test_a_bare_school_word_names_the_trainer_among_several_ar(extract):
    # The academy the trainees study at, among an academy and a school the text names.
    text = ("وحضر الحفل مدير الأكاديمية الملكية العسكرية وممثلون عن المدرسة الملكية الجوية. "
            "ومن بين الخريجين تلاميذ ضباط ينحدرون من السنغال والغابون، يتابعون تكوينهم بالأكاديمية.")
    names = [("الأكاديمية الملكية العسكرية", "GovernmentAgency"), ("المدرسة الملكية الجوية", "GovernmentAgency")]
    flows = _flows(extract("ar", text, names)[0])
    assert ("الأكاديمية الملكية العسكرية", "السنغال") in flows, flows
    assert not any(h == "المدرسة الملكية الجوية" for h, _ in flows), flows


@pytest.mark.parametrize("text, names", [
    # Officers, not trainees: visitors of the school.
    ("The Royal Military Academy Sandhurst hosted a conference. Officers from Jordan and Qatar attended it.",
     [("Royal Military Academy Sandhurst", "GovernmentAgency")]),
    # Two schools named as often, none in the trainees' sentence: the trainer is open.
    ("The Royal Military Academy Sandhurst and the Britannia Royal Naval College held ceremonies. "
     "Among the graduates were cadets from Jordan and Qatar.",
     [("Royal Military Academy Sandhurst", "GovernmentAgency"), ("Britannia Royal Naval College", "GovernmentAgency")]),
])
def test_no_trainer_without_trainees_or_with_an_open_school(extract, text, names):
    flows = _flows(extract("en", text, names)[0])
    assert not any(t in {"Jordan", "Qatar"} for _, t in flows), flows
    # Positive control: one school, trainees.
    control = "The Royal Military Academy Sandhurst held ceremonies. Among the graduates were cadets from Jordan and Qatar."
    flows = _flows(extract("en", control, names[:1])[0])
    assert ("Royal Military Academy Sandhurst", "Jordan") in flows, flows


def test_the_schools_own_state_is_not_its_trainee(extract):
    text = ("Jordan's Royal Military Academy held its graduation parade. "
            "Among the graduates were cadets from Jordan, Qatar and Nigeria.")
    flows = _flows(extract("en", text, [("Royal Military Academy", "GovernmentAgency")])[0])
    assert ("Royal Military Academy", "Qatar") in flows, flows
    assert ("Royal Military Academy", "Jordan") not in flows, flows


@pytest.mark.parametrize("lang, text, expected", [
    # Trainers sent to a state: the state is the one trained, not the place of a training.
    ("en", "Russia sent military trainers to Mali in April.", ("Russia", "Mali")),
    ("fr", "La Russie a envoyé des formateurs militaires au Mali.", ("Russie", "Mali")),
    ("ar", "وأرسلت روسيا مدربين عسكريين إلى مالي.", ("روسيا", "مالي")),
])
def test_trainers_sent_to_a_state_train_it(extract, lang, text, expected):
    assert expected in _flows(extract(lang, text)[0])


def test_trainers_who_arrive_in_a_state_are_no_flow_from_it_fr(extract):
    # Without a sending verb, the state after "au" is where the trainers are (see above).
    triples, _ = extract("fr", "La Russie et le Niger ont signé un accord. Des formateurs russes sont arrivés au Niger.")
    assert ("Niger", "Russie") not in _flows(triples), _flows(triples)
    assert ("Russie", "cooperatesWith", "Niger") in triples  # positive control: the parties are read


@pytest.mark.parametrize("lang, text, expected, wrong", [
    # A supplying verb states an intelligence flow with information after it, not with arms.
    ("fr", "Les États-Unis ont fourni à l'armée libanaise des images de surveillance sur les positions.",
     ("États-Unis", "armée libanaise"), None),
    ("fr", "La DGST a fourni à la DGSI des informations précises sur le suspect.", ("DGST", "DGSI"), None),
    ("fr", "Les États-Unis ont fourni à l'armée libanaise des blindés.", None, ("États-Unis", "armée libanaise")),
    ("ar", "وزودت المخابرات المغربية الشرطة الإسبانية بمعلومات دقيقة عن الخلية.",
     ("المخابرات المغربية", "الشرطة الإسبانية"), None),
    ("ar", "ووقعت تركيا ومالي اتفاقا. وزودت تركيا مالي وبوركينا فاسو بطائرات مسيرة.", None, ("تركيا", "مالي")),
])
def test_a_supplying_verb_is_a_flow_with_information_only(extract, lang, text, expected, wrong):
    triples, _ = extract(lang, text, [("armée libanaise", "GovernmentAgency")] if "armée libanaise" in text else [])
    flows = {(h, t) for h, typ, t in triples if typ == INT}
    if expected:
        assert expected in flows, sorted(triples)
    if wrong:
        assert wrong not in flows, flows  # (the positive control: the same parties with information, above)


@pytest.mark.parametrize("lang, text, giver, receivers", [
    # Recipients coordinated with their preposition repeated: each receives it.
    ("fr", "La Syrie a transmis à la Jordanie et à l'Arabie saoudite des listes de trafiquants présumés.",
     "Syrie", ["Jordanie", "Arabie saoudite"]),
    ("en", "Morocco passed information to Spain and to France about the cell.", "Morocco", ["Spain", "France"]),
])
def test_each_recipient_after_a_repeated_preposition_receives_it(extract, lang, text, giver, receivers):
    triples, _ = extract(lang, text)
    flows = {(h, t) for h, typ, t in triples if typ == INT}
    for r in receivers:
        assert (giver, r) in flows, flows
    assert not any(h in receivers for h, _ in flows), flows


def test_verb_first_trainees_named_by_their_states_adjective_ar(extract):
    # "Turkey has so far trained thousands of Somali soldiers": verb, subject, trainees.
    text = "وقعت تركيا والصومال اتفاقا. ودربت تركيا حتى الآن آلاف الجنود الصوماليين."
    assert ("تركيا", "الصومال") in _flows(extract("ar", text)[0])
    # Its own soldiers in Somali camps: a place, not trainees.
    near = "وقعت تركيا والصومال اتفاقا. ودربت تركيا جنودها في المعسكرات الصومالية."
    assert ("تركيا", "الصومال") not in _flows(extract("ar", near)[0])


@pytest.mark.parametrize("lang, text, trainers, trained", [
    # Trainers named by their state's adjective who arrive in a state train it (issue 14).
    ("ar", "وقعت تركيا والصومال اتفاقا. ووصل إلى الصومال مدربون عسكريون أتراك الأسبوع الماضي.",
     ["تركيا"], ["الصومال"]),
    ("fr", "La Turquie et la Somalie ont signé un accord. Des instructeurs militaires turcs sont arrivés en Somalie.",
     ["Turquie"], ["Somalie"]),
    ("en", "Turkey and Somalia signed a pact. Turkish instructors have arrived in Somalia.",
     ["Turkey"], ["Somalia"]),
    # ... or that a state receives; each coordinated receiver.
    ("en", "Turkey and Somalia signed a pact. Somalia and Djibouti have received Turkish instructors.",
     ["Turkey"], ["Somalia", "Djibouti"]),
    ("fr", "La Turquie et la Somalie ont signé un accord. La Somalie a accueilli des instructeurs turcs.",
     ["Turquie"], ["Somalie"]),
    # The body they belong to trains as well.
    ("en", "Turkey and Somalia signed a pact. Instructors from the Turkish Armed Forces have arrived in Somalia.",
     ["Turkish Armed Forces"], ["Somalia"]),
])
def test_visiting_trainers_train_the_state_they_arrive_in(extract, lang, text, trainers, trained):
    flows = _flows(extract(lang, text)[0])
    for g in trainers:
        for r in trained:
            assert (g, r) in flows, flows
    assert not any(h in trained for h, _ in flows), flows  # never the other way round


def test_visiting_trainers_without_a_destination_or_a_receiver_are_no_flow_en(extract):
    # Trainers who leave a state, or are only talked about, train no one named.
    text = "Turkey and Somalia signed a pact. Turkish instructors have left Somalia."
    assert not _flows(extract("en", text)[0])


def test_a_training_under_a_trainers_supervision_ar(extract):
    # "A training course for members of the Tunisian National Guard, supervised by Italian police experts."
    text = "وقعت إيطاليا وتونس اتفاقا. واختتمت دورة تدريبية لفائدة عناصر الحرس الوطني التونسي من تأطير خبراء الشرطة الإيطالية."
    names = [("الحرس الوطني التونسي", "GovernmentAgency"), ("الشرطة الإيطالية", "GovernmentAgency")]
    flows = _flows(extract("ar", text, names)[0])
    assert ("الشرطة الإيطالية", "الحرس الوطني التونسي") in flows, flows
    assert ("الحرس الوطني التونسي", "الشرطة الإيطالية") not in flows, flows


@pytest.mark.parametrize("lang, text, names, school, graduates", [
    # Graduates and their school: the school trains the graduates' body (issue 14).
    ("ar", "وقع المغرب وموريتانيا اتفاقا. وتخرج 40 ضابطا من الجيش الموريتاني من الأكاديمية الملكية العسكرية بمكناس.",
     [("الجيش الموريتاني", "GovernmentAgency"), ("الأكاديمية الملكية العسكرية", "GovernmentAgency")],
     "الأكاديمية الملكية العسكرية", "الجيش الموريتاني"),
    ("en", "Turkey and Somalia signed a pact. Somali personnel graduated from the Turkish Military Academy.",
     [("Turkish Military Academy", "GovernmentAgency")], "Turkish Military Academy", "Somalia"),
])
def test_graduates_are_trained_by_their_school(extract, lang, text, names, school, graduates):
    assert (school, graduates) in _flows(extract(lang, text, names)[0])


def test_graduating_from_no_school_is_no_flow_en(extract):
    text = "Turkey and Somalia signed a pact. Somali personnel graduated from the programme in Ankara."
    assert not _flows(extract("en", text)[0])


@pytest.mark.parametrize("lang, text, expected", [
    # Guests named as trainees: the host trains them; guests named as officials it does not.
    ("en", "Turkey and Somalia signed a pact. Turkey hosted Somali cadets at its war college.", ("Turkey", "Somalia")),
    ("en", "Turkey and Somalia signed a pact. Turkey hosted Somali officials in Ankara.", None),
])
def test_a_host_of_cadets_trains_them(extract, lang, text, expected):
    flows = _flows(extract(lang, text)[0])
    assert (expected in flows) if expected else not flows, flows


@pytest.mark.parametrize("lang, text, names, expected", [
    # Capacity building is training: "the capacity-building package NATO provides to Mauritania".
    ("ar", "وقع الحلف وموريتانيا اتفاقا. وتشمل حزمة بناء القدرات التي يقدمها حلف شمال الأطلسي لموريتانيا مجالات عدة.",
     [], ("حلف شمال الأطلسي", "موريتانيا")),
    ("en", "The European Union and Mali signed a pact. The European Union runs a capacity-building programme for the Malian army.",
     [("Malian army", "GovernmentAgency")], ("European Union", "Malian army")),
])
def test_capacity_building_is_training(extract, lang, text, names, expected):
    assert expected in _flows(extract(lang, text, names)[0])


@pytest.mark.parametrize("lang, text, names, wrong, control", [
    # A state and a body its name qualifies are one side: no training flow between them.
    ("ar", "ووقعت إيطاليا وليبيا اتفاقا. وتدرب ليبيا خفر السواحل الليبي على صيانة الزوارق.",
     [("خفر السواحل الليبي", "GovernmentAgency")], ("ليبيا", "خفر السواحل الليبي"),
     "ووقعت إيطاليا وليبيا اتفاقا. وتدرب إيطاليا خفر السواحل الليبي على صيانة الزوارق."),
])
def test_no_training_flow_between_a_state_and_its_own_body(extract, lang, text, names, wrong, control):
    assert wrong not in _flows(extract(lang, text, names)[0])
    assert ("إيطاليا", "خفر السواحل الليبي") in _flows(extract(lang, control, names)[0])  # positive control


# --- the beneficiary and the provider of a training, by their markers ----------------------
@pytest.mark.parametrize("lang, text, trainer, trainee", [
    # The provider first, then the beneficiary (word order alone had read them the other way).
    ("fr", "La formation, dispensée par la Gendarmerie nationale française au profit de la Garde nationale tunisienne, a duré deux semaines.",
     "Gendarmerie nationale française", "Garde nationale tunisienne"),
    # The beneficiary first, the provider after the passive verb.
    ("fr", "Une session de formation au profit des officiers de la police sénégalaise a été organisée par Europol à Dakar.",
     "Europol", "police sénégalaise"),
    # No provider marker: the subject before the training word.
    ("ar", "نظمت المديرية العامة للأمن الوطني دورة تكوينية لفائدة عناصر من الشرطة الموريتانية.",
     "المديرية العامة للأمن الوطني", "الشرطة الموريتانية"),
    ("en", "The training, delivered by the Guardia Civil for the benefit of the Senegalese Gendarmerie, ended on Friday.",
     "Guardia Civil", "Senegalese Gendarmerie"),
])
def test_a_training_for_the_benefit_of_y_given_by_x(extract, lang, text, trainer, trainee):
    names = [(trainer, "GovernmentAgency" if trainer != "Europol" else "InternationalOrganization"), (trainee, "GovernmentAgency")]
    flows = _flows(extract(lang, text, names)[0])
    assert (trainer, trainee) in flows, flows
    assert (trainee, trainer) not in flows, flows


# --- trainees named by their state's adjective a few words after the training verb -----------
@pytest.mark.parametrize("lang, text, trainer, state", [
    ("fr", "Le Mali reste fragile. L'Union européenne a formé plus de 15 000 soldats maliens depuis 2013.", "Union européenne", "Mali"),
    ("en", "Somalia is fighting al-Shabaab. The United States has trained more than 7,000 Somali soldiers since 2017.",
     "United States", "Somalia"),
])
def test_trainees_named_by_their_state_adjective(extract, lang, text, trainer, state):
    assert (trainer, state) in _flows(extract(lang, text)[0])


def test_a_state_adjective_not_on_persons_of_a_force_is_no_trainee(extract):
    # "maliennes" on the towns where the training takes place, not on the trainees.
    text = "Le Mali reste fragile. L'Union européenne a formé des milliers de recrues dans plusieurs villes maliennes."
    assert ("Union européenne", "Mali") not in _flows(extract("fr", text)[0])
