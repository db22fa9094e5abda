"""``person_roles`` (pipeline/relations/rules/roles.py): whose title a title is in a list of
persons with titles, and what a head title with "in" a state heads (issue 14)."""
import pytest


def _roles(triples) -> set[tuple[str, str, str]]:
    return {t for t in triples if t[1] in {"leads", "memberOf"}}


@pytest.mark.parametrize("lang, text, names, right, wrong", [
    # "A, and the secretary general of Y, B": the title after the comma and "and" is B's.
    ("ar", "وسيحضر الأشغال الأمين العام للإنتربول يورغن شتوك، والأمين العام لجامعة الدول العربية الدكتور أحمد أبو الغيط.",
     [("يورغن شتوك", "Person"), ("أحمد أبو الغيط", "Person")],
     ("أحمد أبو الغيط", "leads", "جامعة الدول العربية"), ("يورغن شتوك", "leads", "جامعة الدول العربية")),
    ("ar", "وتميزت الجلسة بكلمة المدير العام للأمن الوطني عبد اللطيف حموشي، ورئيس الإنتربول اللواء أحمد ناصر الريسي.",
     [("عبد اللطيف حموشي", "Person"), ("أحمد ناصر الريسي", "Person")],
     ("أحمد ناصر الريسي", "leads", "الإنتربول"), ("عبد اللطيف حموشي", "leads", "الإنتربول")),
    # A word of its own between the body and the name ("in the presence of"): the title
    # before the body is not the name's.
    ("ar", "واستقبل الرئيس الضيف مدير وكالة التعاون الأمريكية، بحضور اللواء حسن رشاد.",
     [("وكالة التعاون الأمريكية", "GovernmentAgency"), ("حسن رشاد", "Person")],
     None, ("حسن رشاد", "leads", "وكالة التعاون الأمريكية")),
    # After the name's apposition mark, a title after "with" is the title of the one met.
    ("ar", "أجرى المدير العام للأمن الوطني عبد اللطيف حموشي، أمس الثلاثاء، مباحثات مع مدير مكتب التحقيقات الفيدرالي الأمريكي كاش باتيل.",
     [("عبد اللطيف حموشي", "Person"), ("كاش باتيل", "Person"), ("مكتب التحقيقات الفيدرالي", "GovernmentAgency")],
     ("كاش باتيل", "leads", "مكتب التحقيقات الفيدرالي"), ("عبد اللطيف حموشي", "leads", "مكتب التحقيقات الفيدرالي")),
    ("en", "Italian Interior Minister Matteo Piantedosi, on Monday, held talks with the director of Europol, Catherine De Bolle.",
     [("Matteo Piantedosi", "Person"), ("Catherine De Bolle", "Person"), ("Europol", "InternationalOrganization")],
     None, ("Matteo Piantedosi", "leads", "Europol")),
])
def test_the_title_of_the_next_item_is_not_this_persons(extract, lang, text, names, right, wrong):
    triples, _ = extract(lang, text, names)
    assert wrong not in triples, _roles(triples)
    if right:
        assert right in triples, _roles(triples)


@pytest.mark.parametrize("lang, text, names, expected", [
    # A demonym, a status word or a portfolio after "of" between the body and the name.
    ("ar", "وترأس المدير العام للأمن الوطني ومراقبة التراب الوطني المغربي عبد اللطيف حموشي الوفد.",
     [("للأمن الوطني", "GovernmentAgency"), ("عبد اللطيف حموشي", "Person")],
     ("عبد اللطيف حموشي", "leads", "للأمن الوطني")),
    ("ar", "زار الوفد لبنان. وقال الرئيس اللبناني العماد جوزاف عون إن الزيارة مهمة.", [],
     ("جوزاف عون", "leads", "لبنان")),
])
def test_the_title_before_the_body_is_the_names(extract, lang, text, names, expected):
    triples, _ = extract(lang, text, names)
    assert expected in triples, _roles(triples)


@pytest.mark.parametrize("lang, text, expected", [
    # The head of a state's office "in" the state heads the state.
    ("ar", "وأعلن رئيس المرحلة الانتقالية في مالي، العقيد أسيمي غويتا، أنه وقع الميثاق.",
     ("أسيمي غويتا", "leads", "مالي")),
    ("ar", "وشارك في القمة النقيب إبراهيم تراوري رئيس المرحلة الانتقالية في بوركينا فاسو.",
     ("إبراهيم تراوري", "leads", "بوركينا فاسو")),
])
def test_the_head_of_a_states_office_leads_the_state(extract, lang, text, expected):
    triples, _ = extract(lang, text)
    assert expected in triples, _roles(triples)


def test_the_head_of_a_unit_in_a_state_does_not_lead_it(extract):
    text = "وقال رئيس وحدة مكافحة الإرهاب في مالي، العقيد موسى ديارا، إن العملية نجحت."
    triples, _ = extract("ar", text)
    assert not any(r == "leads" and t == "مالي" for _, r, t in triples), _roles(triples)


def test_a_rank_between_body_and_name_is_no_title_ar(extract):
    # The secretary general (head title) of the coalition, then ranks: he leads it.
    text = "وكان في استقبالهم الأمين العام للتحالف الإسلامي العسكري لمحاربة الإرهاب اللواء الطيار الركن محمد بن سعيد المغيدي."
    triples, _ = extract("ar", text)
    roles = _roles(triples)
    assert ("محمد بن سعيد المغيدي", "leads", "للتحالف الإسلامي العسكري لمحاربة الإرهاب") in roles, roles
    assert not any(r == "memberOf" for _, r, _ in roles), roles


def test_the_outlet_of_a_dateline_is_no_body_of_a_role_ar(extract):
    text = "القاهرة - أ ش أ شهد اللواء عمرو الأعصر حفل ختام الدورات التدريبية."
    triples, _ = extract("ar", text, [("عمرو الأعصر", "Person")])
    assert not _roles(triples), _roles(triples)


def test_a_military_leader_of_a_state_leads_it(extract):
    triples, _ = extract("en", "Niger's military leader, General Abdourahamane Tiani, spoke to Vladimir Putin.")
    assert ("Abdourahamane Tiani", "leads", "Niger") in triples, _roles(triples)


@pytest.mark.parametrize("lang, text, names, expected", [
    # Representatives, envoys, commissioners and rapporteurs are members of the body they serve.
    ("ar", "وأعلن مفوض الشؤون السياسية بالاتحاد الإفريقي، بانكولي أديوي، أن الاجتماع نجح.",
     [("بانكولي أديوي", "Person")], ("بانكولي أديوي", "memberOf", "الاتحاد الإفريقي")),
    ("ar", "وقال الممثل الأعلى للاتحاد الأوروبي للشؤون الخارجية جوزيب بوريل إن الاتحاد سيدعم القرار.",
     [("جوزيب بوريل", "Person")], ("جوزيب بوريل", "memberOf", "لاتحاد الأوروبي")),
    ("fr", "Le haut représentant de l'UE, Kaja Kallas, a salué l'accord.", [("Kaja Kallas", "Person")],
     ("Kaja Kallas", "memberOf", "UE")),
    ("fr", "Ahmed Musa, coordinateur de l'opération à Interpol, a parlé.", [("Ahmed Musa", "Person")],
     ("Ahmed Musa", "memberOf", "Interpol")),
    ("en", "Hilde Vautmans, rapporteur of the European Parliament on Libya, spoke.",
     [("Hilde Vautmans", "Person"), ("European Parliament", "InternationalOrganization")],
     ("Hilde Vautmans", "memberOf", "European Parliament")),
])
def test_a_representative_is_a_member(extract, lang, text, names, expected):
    triples, _ = extract(lang, text, names)
    # (the Arabic body's name may keep its proclitic, "للاتحاد الأوروبي": its end is compared)
    assert any(h == expected[0] and r == expected[1] and t.endswith(expected[2]) for h, r, t in triples), _roles(triples)


def test_the_title_after_a_possessive_head_title_is_a_members(extract):
    # "the UN Secretary-General's special adviser": not the head of the UN.
    text = "Stephanie Williams, the UN Secretary-General's special adviser on Libya, met the delegation."
    triples, _ = extract("en", text, [("Stephanie Williams", "Person")])
    assert ("Stephanie Williams", "memberOf", "UN") in triples, _roles(triples)
    assert ("Stephanie Williams", "leads", "UN") not in triples, _roles(triples)
    control, _ = extract("en", "Antonio Guterres, the UN Secretary-General, met the delegation.", [("Antonio Guterres", "Person")])
    assert ("Antonio Guterres", "leads", "UN") in control, _roles(control)


@pytest.mark.parametrize("text, names, expected, wrong", [
    # The state named in the possessive before the body is part of the body's phrase.
    ("Abbas Kamel, director of Egypt's General Intelligence Service, met the delegation.",
     [("Abbas Kamel", "Person"), ("General Intelligence Service", "GovernmentAgency")],
     ("Abbas Kamel", "leads", "General Intelligence Service"), ("Abbas Kamel", "leads", "Egypt")),
    ("Mohammed Berrid, Inspector General of Morocco's Royal Armed Forces, met the delegation.",
     [("Mohammed Berrid", "Person"), ("Royal Armed Forces", "GovernmentAgency")],
     ("Mohammed Berrid", "memberOf", "Royal Armed Forces"), None),
])
def test_a_state_in_the_possessive_leaves_the_title_to_its_body(extract, text, names, expected, wrong):
    triples, _ = extract("en", text, names)
    assert expected in triples, _roles(triples)
    if wrong:
        assert wrong not in triples, _roles(triples)


@pytest.mark.parametrize("lang, text, names, expected, wrong", [
    # The title after the body, an indefinite article or a modifier between: one of its members.
    ("en", "Police arrested Ahmed Saleh, a senior Hamas official.", [("Ahmed Saleh", "Person")],
     ("Ahmed Saleh", "memberOf", "Hamas"), None),
    ("en", "Ahmed Saleh, a Hezbollah commander, was killed.", [("Ahmed Saleh", "Person")],
     ("Ahmed Saleh", "memberOf", "Hezbollah"), ("Ahmed Saleh", "leads", "Hezbollah")),
    # Belonging to a group, a senior figure in it.
    ("en", "Ahmed Saleh, who belongs to the Islamic State group, was arrested.", [("Ahmed Saleh", "Person")],
     ("Ahmed Saleh", "memberOf", "Islamic State group"), None),
    ("fr", "Ahmed Saleh, qui appartient au Hamas, a été arrêté.", [("Ahmed Saleh", "Person")],
     ("Ahmed Saleh", "memberOf", "Hamas"), None),
    ("ar", "واعتقلت الشرطة أحمد صالح، القيادي في حركة حماس.", [("أحمد صالح", "Person")],
     ("أحمد صالح", "memberOf", "حركة حماس"), None),
])
def test_a_senior_figure_of_a_group_is_a_member(extract, lang, text, names, expected, wrong):
    triples, _ = extract(lang, text, names)
    assert expected in triples, _roles(triples)
    if wrong:
        assert wrong not in triples, _roles(triples)


def test_representatives_in_the_plural_are_no_title_ar(extract):
    # "a working group with representatives of the directorate": no one's title, though after a comma.
    text = "وترأس الاجتماع الوزير محمد بازوم، وأفضى إلى تنصيب فريق عمل يضم ممثلي المديرية العامة للأمن الوطني."
    names = [("محمد بازوم", "Person"), ("المديرية العامة للأمن الوطني", "GovernmentAgency")]
    triples, _ = extract("ar", text, names)
    assert not any(h == "محمد بازوم" and t == "المديرية العامة للأمن الوطني" for h, _, t in _roles(triples)), _roles(triples)
    control = "وترأس الاجتماع محمد بازوم، ممثل المديرية العامة للأمن الوطني."
    triples, _ = extract("ar", control, names)
    assert ("محمد بازوم", "memberOf", "المديرية العامة للأمن الوطني") in triples, _roles(triples)
# A bare head-of-state or head-of-government title names no state: in a dispatch it is the
# title of the state its dateline writes from (``state_head_of_dateline``).
@pytest.mark.parametrize("lang, text, expected", [
    ("en", "PRETORIA - South Africa hosted the talks on Monday. The delegation was received by President Cyril Ramaphosa.",
     ("Cyril Ramaphosa", "leads", "South Africa")),
    ("fr", "DAKAR, 5 mars 2024 (AFP) - Le Sénégal accueille la réunion. Le président Abdou Diouf a reçu mardi les ministres.",
     ("Abdou Diouf", "leads", "Sénégal")),
    ("ar", "نيروبي - تستضيف كينيا الاجتماع. واستقبل الرئيس أوهورو كينياتا الوفود المشاركة يوم الاثنين.",
     ("أوهورو كينياتا", "leads", "كينيا")),
])
def test_a_bare_head_title_heads_the_datelines_state(extract, lang, text, expected):
    triples, _ = extract(lang, text, [(expected[0], "Person")])
    assert expected in triples, _roles(triples)


@pytest.mark.parametrize("lang, text, person", [
    # The state has a president already: a second one is another state's.
    ("en", "PRETORIA - South Africa's President Cyril Ramaphosa received the envoy. "
           "The envoy conveyed the greetings of President Joe Biden.", "Joe Biden"),
    # A deputy's title, a possessive's, a relative's: not the state's head.
    ("en", "PRETORIA - South Africa hosted the talks. Vice President Paul Mashatile opened them.", "Paul Mashatile"),
    ("fr", "DAKAR - Le Sénégal accueille la réunion de la Ligue, dont le président Amr Moussa a parlé.", "Amr Moussa"),
])
def test_a_bare_title_that_is_not_the_states_head(extract, lang, text, person):
    triples, _ = extract(lang, text, [(person, "Person")])
    assert not any(h == person and r == "leads" for h, r, _ in triples), _roles(triples)


def test_no_dateline_no_state_for_a_bare_title(extract):
    # (a holder ``state_leaders.yaml`` does not list: his state is not the reader's knowledge)
    triples, _ = extract("en", "Namibia hosted the talks. The delegation was received by President Hage Geingob.",
                         [("Hage Geingob", "Person")])
    assert ("Hage Geingob", "leads", "Namibia") not in triples, _roles(triples)


def test_a_bare_head_toppled_is_a_former_head(extract):
    text = "CAIRO - Egypt marked the anniversary of the uprising that toppled President Hosni Mubarak in 2011."
    _, relations = extract("en", text, [("Hosni Mubarak", "Person")])
    leads = [r for r in relations if r.type == "leads"]
    assert leads and all(r.status == "former" for r in leads), leads


# A verb of its own between a name's apposition comma and a title: the title is the one met's
# ("X, a reçu lundi le commandant de Y, le général Z"), not X's; a copula keeps it X's.
@pytest.mark.parametrize("lang, text, wrong, kept", [
    ("fr", "Le ministre des Armées, Sébastien Lecornu, a reçu lundi le commandant de l'Africom, le général Michael Langley.",
     ("Sébastien Lecornu", "leads", "Africom"), ("Michael Langley", "leads", "Africom")),
    ("en", "Kenya's defence minister, Aden Duale, on Monday received the commander of AFRICOM, General Michael Langley.",
     ("Aden Duale", "leads", "AFRICOM"), ("Michael Langley", "leads", "AFRICOM")),
])
def test_a_verb_before_the_title_gives_it_to_the_one_met(extract, lang, text, wrong, kept):
    triples, _ = extract(lang, text, [(wrong[2], "GovernmentAgency"), (wrong[0], "Person"), (kept[0], "Person")])
    assert wrong not in triples, _roles(triples)
    assert kept in triples, _roles(triples)


@pytest.mark.parametrize("lang, text, expected", [
    ("fr", "Michael Langley, qui est le commandant de l'Africom, est arrivé à Dakar.", ("Michael Langley", "leads", "Africom")),
    ("en", "General Michael Langley, who is the commander of AFRICOM, arrived in Nairobi.", ("Michael Langley", "leads", "AFRICOM")),
])
def test_a_copula_before_the_title_keeps_it_the_names(extract, lang, text, expected):
    triples, _ = extract(lang, text, [(expected[2], "GovernmentAgency"), (expected[0], "Person")])
    assert expected in triples, _roles(triples)


# A list of titled names: the title after a name's "and" (no comma) or after the comma of a
# name that has a title of its own, followed by another name, is that next name's.
@pytest.mark.parametrize("lang, text, names, wrong, kept", [
    ("ar", "وحضر الحفل رئيس أركان الجيش الغاني الجنرال توماس أويسو وقائد القوات البريطانية في أفريقيا الجنرال جون هاملتون. "
           "وكانت بريطانيا قد أرسلت مدربين.",
     [("توماس أويسو", "Person"), ("جون هاملتون", "Person")],
     ("توماس أويسو", "leads", "بريطانيا"), None),
    ("en", "The accord was signed in the presence of President William Ruto, the African Union Commission chairperson, "
           "Moussa Faki, Italy's prime minister, Giorgia Meloni. Italy welcomed it.",
     [("William Ruto", "Person"), ("Moussa Faki", "Person"), ("African Union Commission", "InternationalOrganization")],
     ("William Ruto", "leads", "African Union Commission"), ("Giorgia Meloni", "leads", "Italy")),
])
def test_a_title_between_two_names_of_a_list(extract, lang, text, names, wrong, kept):
    triples, _ = extract(lang, text, names)
    assert wrong not in triples, _roles(triples)
    if kept:
        assert kept in triples, _roles(triples)
    assert ("Moussa Faki", "leads", "Italy") not in triples, _roles(triples)


def test_a_copula_with_its_conjunction_keeps_the_title_ar(extract):
    text = "وكان محمد الدخيسي وهو مدير الشرطة القضائية بالمديرية العامة للأمن الوطني حاضرا."
    triples, _ = extract("ar", text, [("محمد الدخيسي", "Person"), ("المديرية العامة للأمن الوطني", "GovernmentAgency")])
    assert ("محمد الدخيسي", "leads", "المديرية العامة للأمن الوطني") in triples, _roles(triples)


# A founder heads the group he founded ("founder" is a head's title; "مؤسس" only as a whole
# word: "مؤسسة" is an institution).
@pytest.mark.parametrize("lang, text, names, expected", [
    ("en", "Since the death of Al-Shabaab's founder, Ahmed Abdi Godane, in 2014, the group has changed.",
     [("Al-Shabaab", "Organization"), ("Ahmed Abdi Godane", "Person")], ("Ahmed Abdi Godane", "leads", "Al-Shabaab")),
    ("fr", "Le fondateur de Boko Haram, Mohamed Yusuf, a été tué en 2009.",
     [("Boko Haram", "Organization"), ("Mohamed Yusuf", "Person")], ("Mohamed Yusuf", "leads", "Boko Haram")),
    ("ar", "وقاد مؤسس حركة الشباب أحمد عبدي غوداني الهجمات.",
     [("حركة الشباب", "Organization"), ("أحمد عبدي غوداني", "Person")], ("أحمد عبدي غوداني", "leads", "حركة الشباب")),
])
def test_a_founder_heads_the_group(extract, lang, text, names, expected):
    triples, _ = extract(lang, text, names)
    assert expected in triples, _roles(triples)


# Outside a dispatch, a bare head's title is the title of the one state its sentence names
# (``state_head_of_sentence``): by name before the person, or in the possessive after.
@pytest.mark.parametrize("lang, text, expected", [
    ("en", "The sanctions imposed on Gabon after the overthrow of President Ali Bongo were lifted in 2024.",
     ("Ali Bongo", "leads", "Gabon")),
    ("en", "President William Ruto called the attack a blow to Kenya's tourism season.",
     ("William Ruto", "leads", "Kenya")),
    ("fr", "Le Kenya a rejeté la proposition, a déclaré lundi le président William Ruto.",
     ("William Ruto", "leads", "Kenya")),
    ("ar", "ورفضت البرتغال المقترح، إذ قال رئيس الوزراء لويس مونتينيغرو إن بلاده لن توقع عليه.",
     ("لويس مونتينيغرو", "leads", "البرتغال")),
])
def test_a_bare_head_title_heads_the_state_its_sentence_names(extract, lang, text, expected):
    triples, _ = extract(lang, text, [(expected[0], "Person")])
    assert expected in triples, _roles(triples)


@pytest.mark.parametrize("lang, text, wrong", [
    # the state after the person is the object of what he does
    ("en", "President William Ruto blamed Somalia for the attack on Monday.", ("William Ruto", "leads", "Somalia")),
    ("ar", "وحمّل الرئيس فلاديمير بوتين أوكرانيا مسؤولية الهجوم.", ("فلاديمير بوتين", "leads", "أوكرانيا")),
    # two persons with a bare head's title: the state may be either's
    ("en", "In Kenya, Prime Minister Keir Starmer met President William Ruto on Monday.", ("Keir Starmer", "leads", "Kenya")),
    # a demonym of another state the document names
    ("en", "Somalia protested. The talks in Kenya failed, President Hassan Sheikh Mohamud said, blaming the Somali delegation.",
     ("Hassan Sheikh Mohamud", "leads", "Kenya")),
])
def test_a_bare_head_title_and_a_state_that_is_not_his(extract, lang, text, wrong):
    triples, _ = extract(lang, text, [(wrong[0], "Person")])
    assert wrong not in triples, _roles(triples)


@pytest.mark.parametrize("lang, text, expected", [
    # "Y, which X leads": a relative pronoun between the body and the cue.
    ("ar", "وأعلنت حركة الشباب، التي يقودها أحمد ديري، مسؤوليتها عن الهجوم.",
     ("أحمد ديري", "leads", "حركة الشباب")),
])
def test_headed_by_after_a_relative_pronoun(extract, lang, text, expected):
    triples, _ = extract(lang, text, [(expected[2], "Organization"), (expected[0], "Person")])
    assert expected in triples, _roles(triples)


# A portfolio minister's title that names no state heads the one ministry of that portfolio
# the document names, the dateline's state's in a dispatch (``minister_of_named_ministry``).
@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Interior Minister Ivica Dacic spoke on Monday. The Ministry of the Interior of Serbia said so.",
     ("Ivica Dacic", "leads", "Ministry of the Interior of Serbia")),
    ("fr", "PARIS - La France et la Tunisie ont signé un accord. Le ministre de l'Intérieur, Bruno Retailleau, l'a signé. "
           "Le ministère de l'Intérieur français a salué l'accord.",
     ("Bruno Retailleau", "leads", "ministère de l'Intérieur français")),
    ("ar", "وأعلن وزير الداخلية هربرت كيكل توقيف مشتبه به. وقالت وزارة الداخلية النمساوية إن التحقيق مستمر.",
     ("هربرت كيكل", "leads", "وزارة الداخلية النمساوية")),
    # a ministry of no state said: the document's one of that portfolio, a dispatch's own
    ("fr", "Le ministère de l'Intérieur a annoncé l'arrestation. Selon le ministre de l'Intérieur, Bruno Retailleau, "
           "le suspect était fiché.",
     ("Bruno Retailleau", "leads", "ministère de l'Intérieur")),
    ("ar", "الرباط - أجرى وزير الداخلية محمد حصاد مباحثات مع نظيره البلجيكي. وأفاد بلاغ لوزارة الداخلية بأن اللقاء تناول الهجرة.",
     ("محمد حصاد", "leads", "وزارة الداخلية")),
])
def test_a_bare_minister_heads_the_named_ministry(extract, lang, text, expected):
    triples, _ = extract(lang, text, [(expected[0], "Person")])
    assert expected in triples, _roles(triples)


@pytest.mark.parametrize("lang, text, person", [
    # A dispatch from Rome: its bare "Interior Minister" is Italy's, not the Libyan one named.
    ("en", "ROME - Interior Minister Luciana Lamorgese said the boats had left Libya. The Libyan Ministry of Interior "
           "confirmed the figures.", "Luciana Lamorgese"),
    # A deputy minister heads no ministry.
    ("en", "Deputy Interior Minister Ivica Dacic spoke on Monday. The Ministry of the Interior of Serbia said so.", "Ivica Dacic"),
])
def test_a_bare_minister_of_another_state_or_a_deputy(extract, lang, text, person):
    triples, _ = extract(lang, text, [(person, "Person")])
    assert not any(h == person and r == "leads" for h, r, _ in triples), _roles(triples)


def test_a_minister_with_his_state_heads_its_ministry(extract):
    # "Interior" is a title modifier and the portfolio word the ministry's name shares.
    text = "RABAT - Morocco's Interior Minister Chakib Benmoussa received the envoy, the Moroccan Ministry of the Interior said."
    triples, _ = extract("en", text, [("Chakib Benmoussa", "Person")])
    assert ("Chakib Benmoussa", "leads", "Moroccan Ministry of the Interior") in triples, _roles(triples)


def test_a_minister_title_before_another_item_of_a_list(extract):
    text = ("TUNIS - La Tunisie a reçu les navires. Étaient présents le secrétaire d'État auprès du ministre de l'Intérieur, "
            "de Hédi Majdoub, directeur général au ministère. Le ministère de l'Intérieur tunisien a salué le don.")
    triples, _ = extract("fr", text, [("Hédi Majdoub", "Person")])
    assert not any(h == "Hédi Majdoub" and r == "leads" for h, r, _ in triples), _roles(triples)


@pytest.mark.parametrize("lang, text, expected, wrong", [
    # A cabinet named by its head noun and a demonym: its head leads the state.
    ("ar", "زار الوفد البرتغال. وقال رئيس الحكومة البرتغالية بيدرو باسوس كويلو إن التعاون مهم.",
     ("بيدرو باسوس كويلو", "leads", "البرتغال"), ("بيدرو باسوس كويلو", "leads", "الحكومة البرتغالية")),
    ("fr", "Le Portugal et le Maroc coopèrent. Le chef du gouvernement portugais, Pedro Passos Coelho, est arrivé.",
     ("Pedro Passos Coelho", "leads", "Portugal"), ("Pedro Passos Coelho", "leads", "gouvernement portugais")),
])
def test_the_head_of_a_states_cabinet_leads_the_state(extract, lang, text, expected, wrong):
    triples, _ = extract(lang, text, [(expected[0], "Person")])
    assert expected in triples and wrong not in triples, _roles(triples)


def test_a_named_government_is_a_body_of_its_own(extract):
    text = "Le Maroc et la Libye coopèrent. Khalifa al-Ghawil, chef du Gouvernement de salut national, est arrivé."
    triples, _ = extract("fr", text, [("Khalifa al-Ghawil", "Person"), ("Gouvernement de salut national", "GovernmentAgency")])
    assert ("Khalifa al-Ghawil", "leads", "Gouvernement de salut national") in triples, _roles(triples)


def test_a_country_name_after_a_demonym_is_part_of_the_name(extract):
    # "Georgia" after the title's demonym is a given name, not the state the title heads.
    text = "زار الوفد إيطاليا وجورجيا. وقالت رئيسة الوزراء الإيطالية جورجيا ميلوني إن التعاون مهم."
    triples, _ = extract("ar", text, [("ميلوني", "Person")])
    assert not any(h == "ميلوني" and t == "جورجيا" for h, _, t in triples), _roles(triples)


def test_a_rank_read_as_a_name_holds_no_role(extract):
    # "Maj" (a rank cut off from its name) is no person that leads anything.
    text = "Europol's Executive Director, Maj, spoke at the meeting in The Hague."
    triples, _ = extract("en", text, [("Europol", "InternationalOrganization"), ("Maj", "Person")])
    assert not any(h == "Maj" for h, r, _ in triples if r in {"leads", "memberOf"}), _roles(triples)


@pytest.mark.parametrize("lang, text, names, expected", [
    # The body's own title with a possessive pronoun, the body named before it (Arabic: the
    # feminine "-ها" of the title noun).
    ("ar", "وحذرت منظمة الصحة العالمية من انتشار الوباء، وقال مديرها العام تيدروس أدهانوم غيبريسوس إن الوضع خطير.",
     [("منظمة الصحة العالمية", "InternationalOrganization"), ("تيدروس أدهانوم غيبريسوس", "Person")],
     ("تيدروس أدهانوم غيبريسوس", "leads", "منظمة الصحة العالمية")),
    ("fr", "Frontex et son porte-parole, Chris Borowski, ont présenté le rapport annuel.", [],
     ("Chris Borowski", "memberOf", "Frontex")),
    ("fr", "La Minusca « restera », a affirmé lundi son commandant, le général portugais Humberto Correia.",
     [("Minusca", "InternationalOrganization"), ("Humberto Correia", "Person")],
     ("Humberto Correia", "leads", "Minusca")),
    ("en", "The CIA thanked John Ratcliffe, its director since 2025, in a statement.", [],
     ("John Ratcliffe", "leads", "CIA")),
    ("en", "The mayor took control of the Metropolitan Police after removing its chief, Cressida Dick.",
     [("Metropolitan Police", "GovernmentAgency"), ("Cressida Dick", "Person")],
     ("Cressida Dick", "leads", "Metropolitan Police")),
])
def test_a_possessive_title_is_the_body_named_before(extract, lang, text, names, expected):
    triples, _ = extract(lang, text, names)
    assert expected in triples, _roles(triples)


def test_a_possessive_title_with_another_person_between_is_not_the_bodys(extract):
    # "son conseiller" is the minister's adviser, not the DGSE's
    text = "La DGSE a reçu le ministre Bruno Le Maire et son conseiller, Emmanuel Moulin, à Paris."
    triples, _ = extract("fr", text)
    assert not {t for t in _roles(triples) if t[0] == "Emmanuel Moulin"}, _roles(triples)


def test_a_head_removed_before_its_title_is_a_former_head(extract):
    text = "The mayor took control of the Metropolitan Police after removing its chief, Cressida Dick."
    _, relations = extract("en", text, [("Metropolitan Police", "GovernmentAgency"), ("Cressida Dick", "Person")])
    assert [r.status for r in relations if r.type == "leads"] == ["former"]


@pytest.mark.parametrize("lang, text, names, expected", [
    # A ministry's secretary general is its senior official, a member; the minister heads it.
    ("ar", "وعين الملك الأمين العام لوزارة الداخلية، نور الدين بوطيب، في منصب جديد.",
     [("وزارة الداخلية", "GovernmentAgency"), ("نور الدين بوطيب", "Person")],
     ("نور الدين بوطيب", "memberOf", "وزارة الداخلية")),
    ("fr", "Le secrétaire général du ministère de l'Intérieur, Didier Martin, a signé la circulaire.", [],
     ("Didier Martin", "memberOf", "ministère de l'Intérieur")),
    ("en", "The permanent secretary of the Ministry of Defence, Kevin Jones, signed the order.",
     [("Ministry of Defence", "GovernmentAgency"), ("Kevin Jones", "Person")],
     ("Kevin Jones", "memberOf", "Ministry of Defence")),
])
def test_a_ministrys_secretary_general_is_a_member(extract, lang, text, names, expected):
    triples, _ = extract(lang, text, names)
    assert expected in triples and (expected[0], "leads", expected[2]) not in triples, _roles(triples)


def test_the_secretary_general_of_an_organization_leads_it(extract):
    triples, _ = extract("en", "The Secretary General of Amnesty International, Agnès Callamard, opened the session.",
                         [("Amnesty International", "Organization"), ("Agnès Callamard", "Person")])
    assert ("Agnès Callamard", "leads", "Amnesty International") in triples, _roles(triples)


@pytest.mark.parametrize("lang, text, names, expected", [
    # A rank of several words between the title's body and the name, or after "dirigé par".
    ("fr", "Le chef d'état-major des armées françaises, le général d'armée Thierry Burkhard, a ouvert l'exercice.", [],
     ("Thierry Burkhard", "leads", "armées françaises")),
    ("fr", "La séance a été marquée par le discours du commandant de la Minusca, le général de division Humberto Correia.",
     [("Minusca", "InternationalOrganization")], ("Humberto Correia", "leads", "Minusca")),
    ("fr", "Les unités ont rejoint l'état-major de l'Armée de terre, dirigé par le général de corps d'armée Pierre Schill.", [],
     ("Pierre Schill", "leads", "Armée de terre")),
])
def test_a_rank_of_several_words_before_the_name(extract, lang, text, names, expected):
    triples, _ = extract(lang, text, names)
    assert expected in triples, _roles(triples)


@pytest.mark.parametrize("lang, text, expected", [
    ("fr", "Le Portugal, dont le président Marcelo Rebelo de Sousa plaide pour le dialogue, n'a pas été invité.",
     ("Marcelo Rebelo de Sousa", "leads", "Portugal")),
    ("en", "Amnesty International, whose secretary general Agnès Callamard spoke on Monday, welcomed the ruling.",
     ("Agnès Callamard", "leads", "Amnesty International")),
])
def test_a_title_after_whose_is_the_bodys_head(extract, lang, text, expected):
    triples, _ = extract(lang, text)
    assert expected in triples and (expected[0], "memberOf", expected[2]) not in triples, _roles(triples)


@pytest.mark.parametrize("lang, text, names, expected, nickname", [
    # A nickname between the name and its title: the title is the name's, not the nickname's.
    ("ar", "واعتقلت السلطات جواكين غوزمان، المعروف بإل تشابو، زعيم كارتل سينالوا.",
     [("جواكين غوزمان", "Person"), ("إل تشابو", "Person"), ("كارتل سينالوا", "Organization")],
     ("جواكين غوزمان", "leads", "كارتل سينالوا"), "إل تشابو"),
    ("fr", "Les autorités ont arrêté Joaquín Guzmán, dit « El Chapo », chef du cartel de Sinaloa.",
     [("Joaquín Guzmán", "Person"), ("El Chapo", "Person"), ("cartel de Sinaloa", "Organization")],
     ("Joaquín Guzmán", "leads", "cartel de Sinaloa"), "El Chapo"),
    ("en", "Authorities arrested Joaquín Guzmán, known as El Chapo, leader of the Sinaloa Cartel.",
     [("Joaquín Guzmán", "Person"), ("El Chapo", "Person"), ("Sinaloa Cartel", "Organization")],
     ("Joaquín Guzmán", "leads", "Sinaloa Cartel"), "El Chapo"),
])
def test_the_title_after_a_nickname_is_the_names(extract, lang, text, names, expected, nickname):
    triples, _ = extract(lang, text, names)
    assert expected in triples and not {t for t in _roles(triples) if t[0] == nickname}, _roles(triples)


@pytest.mark.parametrize("lang, text, names, expected", [
    # Naval ranks are ranks and member titles, as "colonel" is ("Commodore X of the Y").
    ("ar", "وترأس قائد القوات البحرية الملكية، الأميرال محمد لغماري، الحفل.",
     [("القوات البحرية الملكية", "GovernmentAgency"), ("محمد لغماري", "Person")],
     ("محمد لغماري", "leads", "القوات البحرية الملكية")),
    ("fr", "Le contre-amiral Pierre Vandier de la Marine nationale a présenté le bilan.", [],
     ("Pierre Vandier", "memberOf", "Marine nationale")),
    ("en", "Commodore Adam Lewis of the Royal Navy opened the exercise.", [],
     ("Adam Lewis", "memberOf", "Royal Navy")),
])
def test_a_naval_rank_before_the_name_of_a_body(extract, lang, text, names, expected):
    triples, _ = extract(lang, text, names)
    assert expected in triples, _roles(triples)


@pytest.mark.parametrize("lang, text, names, member, head", [
    # A portfolio minister of a cabinet named as a body is one of its members; the prime
    # minister, its head, still leads it.
    ("ar", "التقى وزير الداخلية بحكومة الوحدة الوطنية عماد الطرابلسي بالسفير الإيطالي في طرابلس.",
     [("حكومة الوحدة الوطنية", "GovernmentAgency"), ("عماد الطرابلسي", "Person")],
     ("عماد الطرابلسي", "memberOf", "حكومة الوحدة الوطنية"), ("عماد الطرابلسي", "leads", "حكومة الوحدة الوطنية")),
    ("ar", "وقال وزير الخارجية في الحكومة الإسبانية خوسيه مانويل ألباريس إن التعاون ممتاز.",
     [("الحكومة الإسبانية", "GovernmentAgency"), ("خوسيه مانويل ألباريس", "Person")],
     ("خوسيه مانويل ألباريس", "memberOf", "الحكومة الإسبانية"), ("خوسيه مانويل ألباريس", "leads", "إسبانيا")),
    ("en", "The interior minister of the Government of National Unity, Emad Trabelsi, met the Italian ambassador in Tripoli.",
     [("Government of National Unity", "GovernmentAgency"), ("Emad Trabelsi", "Person")],
     ("Emad Trabelsi", "memberOf", "Government of National Unity"), ("Emad Trabelsi", "leads", "Government of National Unity")),
    ("fr", "Le ministre de l'Intérieur du Gouvernement d'union nationale, Emad Trabelsi, a reçu l'ambassadeur italien à Tripoli.",
     [("Gouvernement d'union nationale", "GovernmentAgency"), ("Emad Trabelsi", "Person")],
     ("Emad Trabelsi", "memberOf", "Gouvernement d'union nationale"), ("Emad Trabelsi", "leads", "Gouvernement d'union nationale")),
])
def test_a_portfolio_minister_of_a_cabinet_is_its_member(extract, lang, text, names, member, head):
    triples, _ = extract(lang, text, names)
    assert member in triples and head not in triples, _roles(triples)


def test_the_prime_minister_still_leads_the_cabinet(extract):
    triples, _ = extract("en", "Libyan Prime Minister Abdul Hamid Dbeibah, head of the Government of National Unity, spoke in Tripoli.",
                         [("Government of National Unity", "GovernmentAgency"), ("Abdul Hamid Dbeibah", "Person")])
    assert ("Abdul Hamid Dbeibah", "leads", "Government of National Unity") in triples, _roles(triples)


@pytest.mark.parametrize("lang, text, names, expected", [
    # The title names the state; the ministry is named further on in the sentence, past a
    # negation word ("عدم الاستقرار", "no sign of"): the role is read at the title.
    ("ar", "وصل وزير الداخلية الفرنسي، برونو روتايو، إلى الرباط في ظل عدم الاستقرار في المنطقة، "
           "حسب ما أعلنت وزارة الداخلية الفرنسية. وقال إن فرنسا ملتزمة بالتعاون.",
     [("برونو روتايو", "Person")], ("برونو روتايو", "leads", "وزارة الداخلية الفرنسية")),
    ("en", "The French interior minister, Bruno Retailleau, arrived in Rabat with no sign of a deal, "
           "the French Ministry of the Interior said. France wants closer ties.",
     [("Bruno Retailleau", "Person")], ("Bruno Retailleau", "leads", "French Ministry of the Interior")),
])
def test_a_title_states_the_role_whatever_negation_follows_it(extract, lang, text, names, expected):
    triples, relations = extract(lang, text, names)
    assert expected in triples, _roles(triples)


@pytest.mark.parametrize("lang, text, names, expected", [
    # "الوزير الأول" (the Maghreb's "first minister") heads the government, hence the state;
    # it is no portfolio minister whose ministry the text must name.
    ("ar", "زار الوفد بلجيكا الشهر الماضي. واستقبله الوزير الأول البلجيكي بارت دي ويفر في بروكسل.",
     [("بارت دي ويفر", "Person")], ("بارت دي ويفر", "leads", "بلجيكا")),
    ("ar", "وتحدث الوزير الأول الجزائري أحمد أويحيى عن التعاون مع الجزائر وجيرانها.",
     [("أحمد أويحيى", "Person")], ("أحمد أويحيى", "leads", "الجزائر")),
])
def test_a_first_minister_heads_the_state(extract, lang, text, names, expected):
    triples, _ = extract(lang, text, names)
    assert expected in triples, _roles(triples)


def test_a_portfolio_minister_without_a_named_ministry_still_leads_nothing(extract):
    triples, _ = extract("ar", "زار الوفد بلجيكا. واستقبله وزير الداخلية البلجيكي بارت دي ويفر في بروكسل.",
                         [("بارت دي ويفر", "Person")])
    assert not any(h == "بارت دي ويفر" and r == "leads" for h, r, _ in triples), _roles(triples)


def test_a_title_with_a_rank_and_a_name_after_its_body_is_that_names(extract):
    # "X، المدير العام لـ Y اللواء Z": the title after X's apposition comma names Y and then,
    # past a rank, Z: it is Z's title, not a second one of X's.
    text = "وهنأ الأمين العام لجامعة الدول العربية، عمرو موسى، المدير العام للأمن الوطني اللواء مصطفى لهبيري على تعيينه."
    triples, _ = extract("ar", text, [("عمرو موسى", "Person"), ("مصطفى لهبيري", "Person"),
                                      ("للأمن الوطني", "GovernmentAgency")])
    assert ("مصطفى لهبيري", "leads", "للأمن الوطني") in triples, _roles(triples)
    assert ("عمرو موسى", "leads", "للأمن الوطني") not in triples, _roles(triples)


def test_the_head_of_an_administration_inside_a_body_is_its_member(extract):
    # "مدير … بالإدارة المركزية لـ Y": the title heads a part of Y (its central administration).
    text = "وحضر الاجتماع بوشعيب أرميل، مدير الشرطة القضائية بالإدارة المركزية للمديرية العامة للأمن الوطني."
    body = "للمديرية العامة للأمن الوطني"
    triples, _ = extract("ar", text, [("بوشعيب أرميل", "Person"), (body, "GovernmentAgency")])
    assert ("بوشعيب أرميل", "memberOf", body) in triples, _roles(triples)
    assert ("بوشعيب أرميل", "leads", body) not in triples, _roles(triples)


def test_a_rank_read_as_a_person_does_not_part_a_title_from_its_holder(extract):
    # "وزير الدفاع الروسي، جنرال الجيش X": "جنرال الجيش" (general of the army) is X's rank, even
    # where the entity stage reads "جنرال" as a person of its own.
    text = ("زار الوفد روسيا. والتقى مسؤولين في وزارة الدفاع الروسية. "
            "وجاءت الزيارة بدعوة من وزير الدفاع الروسي، جنرال الجيش فاليري غيراسيموف، حسب بيان.")
    triples, _ = extract("ar", text, [("جنرال", "Person"), ("فاليري غيراسيموف", "Person")])
    assert ("فاليري غيراسيموف", "leads", "وزارة الدفاع الروسية") in triples, _roles(triples)


# A bare head's title given to a known holder of that office (``state_leaders.yaml``) heads
# his state when the document names it anywhere (``state_head_of_known_holder``).
@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Jordan and Iraq signed a water deal. It was announced at a ceremony attended by King Abdullah II.",
     ("Abdullah II", "leads", "Jordan")),
    ("fr", "Le Portugal a signé l'accord. Deux jours plus tard, le Premier ministre Luís Montenegro l'a défendu.",
     ("Luís Montenegro", "leads", "Portugal")),
    ("ar", "وقعت السنغال وموريتانيا اتفاقا للغاز. وحضر الرئيس باسيرو ديوماي فاي حفل التوقيع في داكار.",
     ("باسيرو ديوماي فاي", "leads", "السنغال")),
    # the title after the name, as an apposition
    ("ar", "وصلت تعزيزات إلى غينيا. وتتولى حماية العقيد مامادي دومبويا، رئيس المرحلة الانتقالية، وحدة خاصة.",
     ("مامادي دومبويا", "leads", "غينيا")),
])
def test_a_known_holder_with_a_bare_title_heads_his_state(extract, lang, text, expected):
    triples, _ = extract(lang, text, [(expected[0], "Person")])
    assert expected in triples, _roles(triples)


@pytest.mark.parametrize("lang, text, wrong", [
    # no title: a name alone is no role
    ("en", "Jordan and Iraq signed a water deal. Abdullah II was not there.", ("Abdullah II", "leads", "Jordan")),
    # a title of another kind than the office he holds
    ("en", "Portugal signed the deal. President Luís Montenegro was absent.", ("Luís Montenegro", "leads", "Portugal")),
    # his state not named in the document
    ("en", "Iraq signed a water deal at a ceremony attended by King Abdullah II.", ("Abdullah II", "leads", "Iraq")),
])
def test_a_known_holder_without_his_title_or_state(extract, lang, text, wrong):
    triples, _ = extract(lang, text, [(wrong[0], "Person")])
    assert wrong not in triples, _roles(triples)


def test_the_holders_table_reads_both_scripts_and_spellings():
    from pipeline.relations.rules.roles import _leader_entries
    assert ("country/EG", "state_head") in _leader_entries("Abdel Fattah al-Sisi")
    assert ("country/EG", "state_head") in _leader_entries("Abdel Fattah El Sisi")
    assert ("country/MA", "state_head") in _leader_entries("ومحمد السادس")
    assert ("country/TR", "government_head") in _leader_entries("Recep Tayyip Erdogan")
    assert _leader_entries("Mohammed Salah") == ()


@pytest.mark.parametrize("lang, text, expected", [
    # a title with a demonym says the state, named after it in the sentence
    ("ar", "ولم يعلن الرئيس الغابوني بريس أوليغي نغيما أي موقف، بعد أن أنهت الغابون الاتفاق.",
     ("بريس أوليغي نغيما", "leads", "الغابون")),
    # a known holder's title inside an event named with him
    ("ar", "تعمل تركيا في الصومال منذ سنوات. وبدأ ذلك بزيارة الرئيس رجب طيب أردوغان إلى مقديشو عام 2011.",
     ("رجب طيب أردوغان", "leads", "تركيا")),
])
def test_a_title_that_says_the_state_or_sits_in_an_event_name(extract, lang, text, expected):
    triples, _ = extract(lang, text, [(expected[0], "Person")])
    assert expected in triples, _roles(triples)


def test_a_deputy_with_a_demonym_title_heads_nothing(extract):
    triples, _ = extract("ar", "وقالت الجزائر إنها ترفض. واستقبل نائب الرئيس الأمريكي جي دي فانس الوفد. وتعمل الولايات المتحدة على ذلك.",
                         [("جي دي فانس", "Person")])
    assert not any(h == "جي دي فانس" and r == "leads" for h, r, _ in triples), _roles(triples)
