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


# --- support: "X, with the support of Y" (rule:coop-support) ---------------------------------

@pytest.mark.parametrize("lang, text, supported, supporters", [
    ("ar", "وفككت الشرطة القضائية البرتغالية الشبكة، بدعم من يوروبول والإنتربول.",
     "الشرطة القضائية البرتغالية", ["يوروبول", "الإنتربول"]),
    ("fr", "L'enquête a été conduite par la Guardia Civil, avec l'appui d'Europol et d'Interpol.",
     "Guardia Civil", ["Europol", "Interpol"]),
    ("en", "The FBI arrested the suspects in Ohio with the support of Europol and Interpol.",
     "FBI", ["Europol", "Interpol"]),
])
def test_supporters_cooperate_with_the_party_they_support_not_with_each_other(extract, lang, text, supported, supporters):
    triples, relations = extract(lang, text)
    coop = _coop(triples)
    for y in supporters:
        assert frozenset((supported, y)) in coop, (y, coop)
    assert frozenset(supporters) not in coop, coop
    assert any(r.extractor == "rule:coop-support" for r in relations)


@pytest.mark.parametrize("lang, text, opponent, supporter", [
    ("ar", "وشن النظام حربا هجينة ضد ليتوانيا، بدعم من روسيا.", "ليتوانيا", "روسيا"),
    ("fr", "Le régime mène une guerre hybride contre la Lituanie, avec le soutien de la Russie.", "Lituanie", "Russie"),
    ("en", "The regime is waging a hybrid war against Lithuania, with the support of Russia.", "Lithuania", "Russia"),
])
def test_the_party_after_against_is_no_party_supported(extract, lang, text, opponent, supporter):
    triples, _ = extract(lang, text)
    assert frozenset((opponent, supporter)) not in _coop(triples)
    # positive control: the same cue with a party helped
    control = {"ar": ("وفككت الشرطة الإيطالية الشبكة، بدعم من روسيا.", "الشرطة الإيطالية"),
               "fr": ("La Lituanie a démantelé le réseau avec le soutien de la Russie.", "Lituanie"),
               "en": ("Lithuania dismantled the network with the support of Russia.", "Lithuania")}[lang]
    triples, _ = extract(lang, control[0])
    assert frozenset((control[1], supporter)) in _coop(triples)


# --- founders: "A, B and C founded the alliance" (rule:coop-founders) -----------------------

@pytest.mark.parametrize("lang, text, names", [
    ("ar", "وأسست تشيلي وكولومبيا والمكسيك والبيرو تحالف المحيط الهادئ عام 2011.",
     ["تشيلي", "كولومبيا", "المكسيك", "البيرو"]),
    ("fr", "Le Chili, la Colombie, le Mexique et le Pérou ont fondé en 2011 l'Alliance du Pacifique.",
     ["Chili", "Colombie", "Mexique", "Pérou"]),
    ("en", "Chile, Colombia, Mexico and Peru founded the Pacific Alliance in 2011.",
     ["Chile", "Colombia", "Mexico", "Peru"]),
])
def test_the_founders_of_an_alliance_are_pairwise_partners(extract, lang, text, names):
    triples, _ = extract(lang, text)
    coop = _coop(triples)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            assert frozenset((a, b)) in coop, (a, b, coop)


def test_one_party_founds_with_the_list_after_with_but_the_body_is_no_founder_fr(extract):
    triples, _ = extract("fr", "Le Chili forme avec le Pérou et la Colombie l'Alliance du Pacifique.")
    coop = _coop(triples)
    assert {frozenset(("Chili", "Pérou")), frozenset(("Chili", "Colombie")), frozenset(("Pérou", "Colombie"))} <= coop, coop
    assert not any("Alliance du Pacifique" in pair for pair in coop), coop


@pytest.mark.parametrize("lang, text, names", [
    ("ar", "وأنشأت ألمانيا وبولندا والسويد نقاط مراقبة على حدودها العام الماضي.", ["ألمانيا", "بولندا", "السويد"]),
    ("fr", "L'Allemagne, la Pologne et la Suède ont créé des contrôles à leurs frontières l'an dernier.",
     ["Allemagne", "Pologne", "Suède"]),
    ("en", "Germany, Poland and Sweden set up border checks last year.", ["Germany", "Poland", "Sweden"]),
])
def test_founding_something_that_is_no_alliance_makes_no_partners(extract, lang, text, names):
    triples, _ = extract(lang, text)
    coop = _coop(triples)
    assert not any(frozenset((a, b)) in coop for i, a in enumerate(names) for b in names[i + 1:]), coop


# --- joint agents: "an operation led by A and B" (rule:coop-joint-agents) --------------------

@pytest.mark.parametrize("lang, text, names", [
    ("ar", "وانطلق التمرين البحري الذي تنظمه كينيا وتنزانيا وأوغندا يوم الاثنين.", ["كينيا", "تنزانيا", "أوغندا"]),
    ("fr", "L'opération, menée par l'Allemagne, l'Autriche et la Suisse, a visé un réseau de passeurs.",
     ["Allemagne", "Autriche", "Suisse"]),
    ("en", "The naval exercise, co-hosted by Kenya, Tanzania and Uganda, opened on Monday.",
     ["Kenya", "Tanzania", "Uganda"]),
])
def test_the_parties_that_lead_one_act_together_are_pairwise_partners(extract, lang, text, names):
    triples, _ = extract(lang, text)
    coop = _coop(triples)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            assert frozenset((a, b)) in coop, (a, b, coop)


def test_a_list_that_does_not_open_right_after_led_by_is_no_joint_agent_en(extract):
    triples, _ = extract("en", "The raid was led by investigators who later briefed Kenya and Uganda on the results.")
    assert frozenset(("Kenya", "Uganda")) not in _coop(triples)


# --- trilateral: "the tripartite mechanism brought together A, B and C" (rule:coop-trilateral)

@pytest.mark.parametrize("lang, text, names", [
    ("ar", "واختتم في نواكشوط الاجتماع الثلاثي لقادة الجيوش بين السنغال وغامبيا وغينيا بيساو.",
     ["السنغال", "غامبيا", "غينيا بيساو"]),
    ("fr", "La réunion tripartite s'est tenue à Dakar entre le Sénégal, la Gambie et la Guinée-Bissau.",
     ["Sénégal", "Gambie", "Guinée-Bissau"]),
    ("en", "The trilateral mechanism, set up in 2019, brought together Senegal, Gambia and Guinea-Bissau.",
     ["Senegal", "Gambia", "Guinea-Bissau"]),
])
def test_a_trilateral_meeting_makes_its_list_pairwise_partners(extract, lang, text, names):
    triples, _ = extract(lang, text)
    coop = _coop(triples)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            assert frozenset((a, b)) in coop, (a, b, coop)


def test_a_list_between_with_no_trilateral_word_stays_no_clique_en(extract):
    text = "Migrants cross the border between Senegal, Gambia and Guinea-Bissau every week."
    triples, _ = extract("en", text)
    coop = _coop(triples)
    assert not any(frozenset(p) in coop for p in (("Senegal", "Gambia"), ("Gambia", "Guinea-Bissau"))), coop


# --- partners of: "X, one of the main partners of A and B" (rule:coop-partners-of) ----------

@pytest.mark.parametrize("lang, text, x, others", [
    ("ar", "ويعد مكتب التحقيقات الفيدرالي من أبرز شركاء كندا والمكسيك في مكافحة الإرهاب.",
     "مكتب التحقيقات الفيدرالي", ["كندا", "المكسيك"]),
    ("fr", "Le FBI est l'un des principaux partenaires du Canada et du Mexique dans la lutte antiterroriste.",
     "FBI", ["Canada", "Mexique"]),
    ("en", "Canada and Mexico, the FBI's partners in counterterrorism, received the report.",
     "FBI", ["Canada", "Mexico"]),
])
def test_partners_of_a_party_cooperate_with_it_not_with_each_other(extract, lang, text, x, others):
    triples, relations = extract(lang, text)
    coop = _coop(triples)
    for y in others:
        assert frozenset((x, y)) in coop, (y, coop)
    if lang != "en":  # the list after "partners of" is no pair of partners
        assert frozenset(others) not in coop, coop
    assert any(r.extractor == "rule:coop-partners-of" for r in relations)


# --- two parties and a cooperation word they possess; three demonyms in a row --------------

@pytest.mark.parametrize("lang, text, a, b", [
    ("ar", "وجدد الأردن ومصر، خلال اللقاء الذي جرى أمس في عمان، التزامهما بتعزيز تعاونهما الأمني.", "الأردن", "مصر"),
    ("fr", "Le Portugal et l'Irlande ont par ailleurs renforcé ces derniers mois leurs échanges d'informations.", "Portugal", "Irlande"),
    ("en", "Norway and Iceland have in recent months stepped up their exchange of information on fishing fleets.",
     "Norway", "Iceland"),
])
def test_two_parties_and_the_cooperation_they_possess_further_on(extract, lang, text, a, b):
    triples, _ = extract(lang, text)
    assert frozenset((a, b)) in _coop(triples)


def test_a_cooperation_word_of_one_party_after_two_is_not_theirs_fr(extract):
    # "sa coopération": one possessor, not the two
    text = "Le Portugal et l'Irlande ont salué ces derniers mois sa coopération avec les autorités."
    triples, _ = extract("fr", text)
    assert frozenset(("Portugal", "Irlande")) not in _coop(triples)


def test_three_demonyms_in_a_row_qualify_one_cooperation_ar(extract):
    named = "وتشارك اليونان وقبرص ومصر في المناورات."
    triples, _ = extract("ar", named)
    assert not _coop(triples)  # the list alone states no cooperation
    triples, _ = extract("ar", named + " وأشاد الوزير بالتعاون العسكري المصري اليوناني القبرصي في شرق المتوسط.")
    coop = _coop(triples)
    assert {frozenset(("مصر", "اليونان")), frozenset(("اليونان", "قبرص")), frozenset(("مصر", "قبرص"))} <= coop, coop


# --- support given: "X renforce son soutien à Y" (rule:coop-support-to) ---------------------

@pytest.mark.parametrize("lang, text, x, y", [
    ("ar", "وتقدم النرويج دعما لخفر السواحل في الدنمارك منذ عام 2020.", "النرويج", "الدنمارك"),
    ("fr", "La Norvège a annoncé lundi qu'elle renforçait son soutien au Danemark.", "Norvège", "Danemark"),
    ("en", "Norway has stepped up its support to Denmark since 2020.", "Norway", "Denmark"),
])
def test_support_given_to_a_party_is_cooperation(extract, lang, text, x, y):
    triples, _ = extract(lang, text)
    assert frozenset((x, y)) in _coop(triples)


@pytest.mark.parametrize("lang, text, place, y", [
    ("ar", "وفي النرويج، تقدم الحكومة دعما لخفر السواحل في الدنمارك منذ عام 2020.", "النرويج", "الدنمارك"),
    ("fr", "En Norvège, le soutien au Danemark a augmenté cette année.", "Norvège", "Danemark"),
    ("en", "In Norway, support for Denmark rose this year.", "Norway", "Denmark"),
])
def test_a_party_after_in_is_a_place_not_the_one_who_helps(extract, lang, text, place, y):
    triples, _ = extract(lang, text)
    assert frozenset((place, y)) not in _coop(triples)


# --- the cooperation of one party: "X praised the cooperation of Y" (rule:coop-of) ----------

@pytest.mark.parametrize("lang, text, x, y", [
    ("ar", "وأكد مكتب التحقيقات الفيدرالي، في بيان، أن تعاون الشرطة الملكية الكندية كان حاسما في القضية.",
     "مكتب التحقيقات الفيدرالي", "الشرطة الملكية الكندية"),
    ("fr", "Le FBI a salué la collaboration de la Gendarmerie royale du Canada dans cette affaire.",
     "FBI", "Gendarmerie royale du Canada"),
    ("en", "The FBI praised the valuable cooperation of the Royal Canadian Mounted Police in the case.",
     "FBI", "Royal Canadian Mounted Police"),
])
def test_a_party_that_speaks_of_the_cooperation_of_another_cooperates_with_it(extract, lang, text, x, y):
    triples, relations = extract(lang, text)
    assert frozenset((x, y)) in _coop(triples)
    assert any(r.extractor == "rule:coop-of" for r in relations)


def test_the_cooperation_of_a_list_is_the_lists_own_en(extract):
    # "the cooperation of A and B": A and B cooperate; the speaker is no partner of each
    triples, _ = extract("en", "The FBI praised the cooperation of Canada and Mexico in the case.")
    coop = _coop(triples)
    assert frozenset(("Canada", "Mexico")) in coop, coop
    assert frozenset(("FBI", "Canada")) not in coop, coop


def test_help_given_to_a_list_names_no_party_helped_en(extract):
    # "investigators from A, B and C …, with the help of Y": which of them Y helps is not said,
    # and list_members must not spread it either
    text = "Investigators from Norway, Sweden and Finland searched 30 sites, with the help of Europol."
    triples, _ = extract("en", text)
    coop = _coop(triples)
    assert not any(frozenset((x, "Europol")) in coop for x in ("Norway", "Sweden", "Finland")), coop
    triples, _ = extract("en", "Finnish investigators from the NBI searched 30 sites, with the help of Europol.",
                         names=[("NBI", "GovernmentAgency")])
    assert frozenset(("NBI", "Europol")) in _coop(triples)  # positive control: one party helped


# --- meeting between: "the sixth summit between A and B" (rule:coop-meeting) ---------------

@pytest.mark.parametrize("lang, text, a, b", [
    ("ar", "وانطلقت في بروكسل القمة السابعة بين الاتحاد الأوروبي واليابان يوم الخميس.", "الاتحاد الأوروبي", "اليابان"),
    ("fr", "Le septième sommet entre l'Union européenne et l'ASEAN s'est ouvert jeudi à Bruxelles.", "Union européenne", "ASEAN"),
    ("en", "The seventh summit between the European Union and ASEAN opened in Brussels on Thursday.", "European Union", "ASEAN"),
])
def test_a_summit_between_two_parties_is_cooperation(extract, lang, text, a, b):
    triples, _ = extract(lang, text)
    assert frozenset((a, b)) in _coop(triples)


@pytest.mark.parametrize("lang, text, a, b", [
    ("ar", "وتقع المدينة على الحدود بين الاتحاد الأوروبي وتركيا منذ عقود.", "الاتحاد الأوروبي", "تركيا"),
    ("fr", "La ville se trouve sur la frontière entre l'Union européenne et la Turquie depuis des décennies.", "Union européenne", "Turquie"),
    ("en", "The town has lain on the border between the European Union and Turkey for decades.", "European Union", "Turkey"),
])
def test_a_pair_after_between_with_no_meeting_word_is_no_meeting(extract, lang, text, a, b):
    triples, _ = extract(lang, text)
    assert frozenset((a, b)) not in _coop(triples)


def test_a_trigger_inside_a_signed_texts_event_name_still_states_cooperation_fr(extract):
    text = "La France et la Côte d'Ivoire ont signé jeudi un accord de coopération militaire."
    triples, _ = extract("fr", text, [("accord de coopération militaire", "Event")])
    assert ("France", "involvedIn", "accord de coopération militaire") in triples
    assert frozenset(("France", "Côte d'Ivoire")) in _coop(triples)


@pytest.mark.parametrize("lang, text, x, y", [
    ("ar", "أعلن الحرس المدني الإسباني حجز شحنة من الكوكايين في عملية نفذت بتعاون وثيق مع الدرك الملكي المغربي.",
     "الحرس المدني الإسباني", "الدرك الملكي المغربي"),
    ("fr", "La Guardia Civil a saisi deux tonnes de cocaïne lors d'une opération conjointe et simultanée avec la Gendarmerie royale marocaine.",
     "Guardia Civil", "Gendarmerie royale marocaine"),
    ("en", "Interpol said it had been cooperating closely with Europol on the fraud case.", "Interpol", "Europol"),
])
def test_a_qualified_cooperation_noun_still_takes_with_its_partner(extract, lang, text, x, y):
    # qualifiers between the cooperation noun and "with": the subject and the party after "with"
    triples, _ = extract(lang, text, names=[(x, "GovernmentAgency" if lang != "en" else "InternationalOrganization"),
                                            (y, "GovernmentAgency" if lang != "en" else "InternationalOrganization")])
    assert frozenset((x, y)) in _coop(triples), _coop(triples)


