"""``membership`` (pipeline/relations/rules/membership.py): with only a partitive cue ("among
them", "dont", "من بينها"), the listed states are an organization's members only when the
organization is what the cue follows ("X, which includes A and B"); a part of "countries" or
"partners" is no member of an organization named elsewhere in the sentence."""
import pytest


def _members(triples) -> set[tuple[str, str]]:
    return {(h, t) for h, typ, t in triples if typ == "memberOf"}


@pytest.mark.parametrize("lang, text, states, org", [
    ("en", "Investigators from ten countries, including Germany, Poland and Sweden, worked from the headquarters of Interpol.",
     ["Germany", "Poland", "Sweden"], "Interpol"),
    ("fr", "Des enquêteurs de dix pays, dont l'Allemagne, la Pologne et la Suède, ont travaillé depuis le siège d'Interpol.",
     ["Allemagne", "Pologne", "Suède"], "Interpol"),
    ("ar", "وعمل محققون من عشر دول، من بينها ألمانيا وبولندا والسويد، انطلاقا من مقر الإنتربول.",
     ["ألمانيا", "بولندا", "السويد"], "الإنتربول"),
])
def test_a_part_of_some_countries_is_no_member(extract, lang, text, states, org):
    triples, _ = extract(lang, text)
    members = _members(triples)
    assert not any((s, org) in members for s in states), members


@pytest.mark.parametrize("lang, text, states, org", [
    ("en", "The Arab Maghreb Union, which includes Morocco, Algeria and Tunisia, met in Rabat.",
     ["Morocco", "Algeria", "Tunisia"], "Arab Maghreb Union"),
    ("fr", "L'Union du Maghreb arabe, qui comprend le Maroc, l'Algérie et la Tunisie, s'est réunie à Rabat.",
     ["Maroc", "Algérie", "Tunisie"], "Union du Maghreb arabe"),
])
def test_an_organization_that_includes_states_has_them_as_members(extract, lang, text, states, org):
    triples, _ = extract(lang, text)
    members = _members(triples)
    for s in states:
        assert (s, org) in members, (s, members)


@pytest.mark.parametrize("lang, text, states, org", [
    # Founding the organization together.
    ("en", "Senegal formed with Gambia and Guinea the Organisation for the Development of the Gambia River.",
     ["Senegal", "Gambia", "Guinea"], "Organisation for the Development of the Gambia River"),
    ("fr", "Le Sénégal forme avec la Mauritanie et le Mali l'Organisation pour la mise en valeur du fleuve Sénégal.",
     ["Mauritanie", "Mali"], "Organisation pour la mise en valeur du fleuve Sénégal"),
    # "qui réunissait": the imperfect of a grouping verb.
    ("fr", "Le Tchad a quitté l'Autorité du bassin du Niger, qui réunissait depuis 1980 le Bénin, le Niger et le Nigeria.",
     ["Bénin", "Niger", "Nigeria"], "Autorité du bassin du Niger"),
    # A seat on an organization's body.
    ("en", "Sierra Leone, which holds a non-permanent seat on the UN Security Council, called for talks.",
     ["Sierra Leone"], "UN Security Council"),
])
def test_founders_and_seat_holders_are_members(extract, lang, text, states, org):
    triples, _ = extract(lang, text, [(org, "InternationalOrganization")])
    members = _members(triples)
    assert all((s, org) in members for s in states), members


@pytest.mark.parametrize("lang, text, states, org", [
    ("en", "Chad and Mauritania, the last members of the G5 Sahel, met after Burkina Faso and Niger followed Mali out of the bloc.",
     ["Burkina Faso", "Niger"], "G5 Sahel"),
    ("ar", "ويكرس القرار نهاية مجموعة دول الساحل الخمس، بعدما انسحبت منها مالي في مايو 2022.",
     ["مالي"], "مجموعة دول الساحل الخمس"),
    ("fr", "Le Burkina Faso et le Niger ont annoncé leur retrait du G5 Sahel, dont ils étaient membres.",
     ["Burkina Faso", "Niger"], "G5 Sahel"),
    # The departing members named after the membership cue the withdrawal governs.
    ("fr", "La Mauritanie et le Tchad ont ouvert la voie à la dissolution de l'Autorité du Liptako-Gourma, "
           "après le départ de trois de ses cinq membres, le Mali, le Burkina Faso et le Niger.",
     ["Mali", "Burkina Faso", "Niger"], "Autorité du Liptako-Gourma"),
    ("en", "The Liptako-Gourma Authority was weakened by the departure of three of its five members, Mali, Burkina Faso and Niger.",
     ["Mali", "Burkina Faso", "Niger"], "Liptako-Gourma Authority"),
])
def test_states_that_leave_are_no_members(extract, lang, text, states, org):
    triples, _ = extract(lang, text, [(org, "InternationalOrganization")])
    members = _members(triples)
    assert not any((s, org) in members for s in states), members


@pytest.mark.parametrize("lang, text, states, org", [
    # Signing the act that establishes the organization.
    ("ar", "ووقعت كل من غانا وتوغو وبنين يوم الاثنين في أكرا على معاهدة تنشئ \"مبادرة أكرا\" للتعاون الأمني.",
     ["غانا", "توغو", "بنين"], "مبادرة أكرا"),
    ("en", "Ghana, Togo and Benin signed on Monday a treaty establishing the Accra Initiative.",
     ["Ghana", "Togo", "Benin"], "Accra Initiative"),
])
def test_the_signatories_of_a_founding_act_are_members(extract, lang, text, states, org):
    triples, _ = extract(lang, text, [(org, "InternationalOrganization")])
    members = _members(triples)
    assert all((s, org) in members for s in states), members


@pytest.mark.parametrize("lang, text, states, org", [
    # The states set after "the member states of X" by a comma are its members, not co-parties.
    ("en", "The member states of the Gulf Cooperation Council, Saudi Arabia, Kuwait and Qatar, met in Doha.",
     ["Saudi Arabia", "Kuwait", "Qatar"], "Gulf Cooperation Council"),
    ("fr", "Les États membres du Conseil de coopération du Golfe, l'Arabie saoudite, le Koweït et le Qatar, se sont réunis.",
     ["Arabie saoudite", "Koweït", "Qatar"], "Conseil de coopération du Golfe"),
    # The holder of an organization's rotating presidency is a member of it.
    ("en", "Algeria holds the rotating presidency of the Arab League this year.", ["Algeria"], "Arab League"),
    ("fr", "L'Algérie assure la présidence tournante de la Ligue arabe.", ["Algérie"], "Ligue arabe"),
    ("ar", "وتتولى الجزائر الرئاسة الدورية لجامعة الدول العربية.", ["الجزائر"], "جامعة الدول العربية"),
    # Rejoining.
    ("en", "Morocco rejoined the African Union in 2017.", ["Morocco"], "African Union"),
    ("fr", "Le Maroc a réintégré l'Union africaine en 2017.", ["Maroc"], "Union africaine"),
    # The organization formed after the one the states leave.
    ("en", "Mali and Niger left ECOWAS and formed the Alliance of Sahel States.", ["Mali", "Niger"], "Alliance of Sahel States"),
])
def test_members_named_after_the_organization_chairs_and_rejoiners(extract, lang, text, states, org):
    triples, _ = extract(lang, text, [(org, "InternationalOrganization")])
    members = _members(triples)
    assert all((s, org) in members for s in states), members


def test_states_that_leave_one_organization_are_not_its_members(extract):
    triples, _ = extract("en", "Mali and Niger left ECOWAS and formed the Alliance of Sahel States.",
                         [("ECOWAS", "InternationalOrganization"), ("Alliance of Sahel States", "InternationalOrganization")])
    members = _members(triples)
    assert ("Mali", "Alliance of Sahel States") in members, members  # positive control
    assert not any(o == "ECOWAS" for _, o in members), members


def test_members_named_after_a_membership_cue_are_members(extract):
    # Positive control of the departing members above: no withdrawal, the same construction.
    triples, _ = extract("en", "The Liptako-Gourma Authority has three members, Mali, Burkina Faso and Niger.",
                         [("Liptako-Gourma Authority", "InternationalOrganization")])
    assert ("Mali", "Liptako-Gourma Authority") in _members(triples), _members(triples)


def test_the_states_a_body_groups_stay_its_members_when_another_body_follows_them_ar(extract):
    # the second framework, coordinated after the list, is no co-party of the states
    text = ('ويرتبط الاتحاد الأوروبي بجيرانه عبر إطارين: "الاتحاد من أجل المتوسط" الذي يضم المغرب وتونس ومصر، '
            'و"الشراكة الشرقية" التي تضم أوكرانيا ومولدوفا.')
    triples, _ = extract("ar", text, [("الاتحاد من أجل المتوسط", "InternationalOrganization"),
                                      ("الشراكة الشرقية", "InternationalOrganization")])
    for state in ("المغرب", "تونس", "مصر"):
        assert (state, "memberOf", "الاتحاد من أجل المتوسط") in triples, triples
        assert (state, "memberOf", "الشراكة الشرقية") not in triples


@pytest.mark.parametrize("lang, text, states, org", [
    # Partners set apart from the members: "from outside the union", "mais aussi".
    ("ar", "وأعد التقرير بمساهمة من الدول الأعضاء ووكالة يوروبول، إضافة إلى شركاء من خارج الاتحاد، بينهم كندا واليابان والنرويج.",
     ["كندا", "اليابان", "النرويج"], "يوروبول"),
    ("fr", "L'appel a visé 40 pays, principalement au sein de l'Union européenne, mais aussi le Canada, le Japon et la Norvège.",
     ["Canada", "Japon", "Norvège"], "Union européenne"),
    # A mission's personnel counted by the states they come from.
    ("ar", "وتضم بعثة مينوسما نحو 12 ألف عنصر من تشاد والسنغال وتوغو، ومن المقرر أن تغادر مالي.",
     ["تشاد", "السنغال", "توغو"], "بعثة مينوسما"),
    # "بعثة" before the mission's bare acronym.
    ("ar", "وتضم بعثة أونميس نحو 17 ألف عنصر من رواندا والهند والنيبال.", ["رواندا", "الهند", "النيبال"], "أونميس"),
    ("fr", "La Mission de l'ONU au Mali compte des soldats du Tchad, du Sénégal et du Togo.",
     ["Tchad", "Sénégal", "Togo"], "Mission de l'ONU au Mali"),
    ("en", "The UN Mission in South Sudan comprises peacekeepers from Rwanda, India and Nepal.",
     ["Rwanda", "India", "Nepal"], "UN Mission in South Sudan"),
])
def test_states_set_apart_from_the_members_are_no_members(extract, lang, text, states, org):
    triples, _ = extract(lang, text, [(org, "InternationalOrganization")])
    members = _members(triples)
    assert not any((s, org) in members for s in states), members


@pytest.mark.parametrize("lang, text, states, org", [
    ("ar", "وتضم مجموعة دول الساحل الخمس موريتانيا وتشاد والنيجر.", ["موريتانيا", "تشاد", "النيجر"], "مجموعة دول الساحل الخمس"),
    ("fr", "Les États membres de la CEDEAO, dont le Ghana, le Nigeria et le Sénégal, se sont réunis à Abuja.",
     ["Ghana", "Nigeria", "Sénégal"], "CEDEAO"),
    # A bloc's own joint force with troops from its states: they are the bloc's members.
    ("ar", "وأعلن الوزير أن القوة المشتركة لمجموعة دول الساحل الخمس، التي تضم خمسة آلاف جندي من النيجر وتشاد وموريتانيا، ستكون جاهزة قريبا.",
     ["النيجر", "تشاد", "موريتانيا"], "مجموعة دول الساحل الخمس"),
    # "militaires" as an adjective is no count of troops.
    ("fr", "Les chefs des régimes militaires du Mali, du Burkina Faso et du Niger ont adopté le traité instituant la Confédération des États du Sahel.",
     ["Mali", "Burkina Faso", "Niger"], "Confédération des États du Sahel"),
])
def test_members_named_without_a_setting_apart_stay_members(extract, lang, text, states, org):
    triples, _ = extract(lang, text, [(org, "InternationalOrganization")])
    members = _members(triples)
    assert all((s, org) in members for s in states), members


@pytest.mark.parametrize("lang, text, member, org, other", [
    # The cue before the organization is the states' before it; a state named far after it,
    # in another clause, is no member.
    ("ar", "وأعلنت كل من مالي والنيجر، العضوان في مجموعة دول الساحل الخمس، يوم الأحد 6 أبريل 2025، استدعاء سفيريهما المعتمدين لدى المغرب للتشاور.",
     "مالي", "مجموعة دول الساحل الخمس", "المغرب"),
    ("en", "Ghana, which holds a non-permanent seat on the UN Security Council until the end of 2025, has repeatedly raised the presence of foreign fighters in Mali.",
     "Ghana", "UN Security Council", "Mali"),
    ("fr", "Le Ghana, qui siège au Conseil de sécurité des Nations unies jusqu'à la fin de 2025, a dénoncé à plusieurs reprises la présence de mercenaires au Mali.",
     "Ghana", "Conseil de sécurité des Nations unies", "Mali"),
])
def test_a_state_far_after_the_organization_is_not_the_cues(extract, lang, text, member, org, other):
    triples, _ = extract(lang, text, [(org, "InternationalOrganization")])
    members = _members(triples)
    assert (member, org) in members and (other, org) not in members, members


@pytest.mark.parametrize("lang, text, person, commission", [
    # A commissioner whose title shares a word with the document's one commission, named
    # in another sentence, is its member.
    ("ar", "وأكدت المفوضية الأوروبية دعمها للمشروع. ودعت المفوضة الأوروبية للشؤون الداخلية ماغنوس برونر إلى تسريع عمليات الترحيل.",
     "ماغنوس برونر", "المفوضية الأوروبية"),
    ("fr", "La Commission européenne a salué l'accord. La commissaire européenne aux Affaires intérieures, Ylva Johansson, s'est rendue à Dakar.",
     "Ylva Johansson", "Commission européenne"),
    ("en", "The European Commission welcomed the deal. The European Commissioner for Trade, Maros Sefcovic, travelled to Rabat.",
     "Maros Sefcovic", "European Commission"),
])
def test_a_commissioner_is_a_member_of_the_documents_commission(extract, lang, text, person, commission):
    triples, _ = extract(lang, text, [(commission, "InternationalOrganization"), (person, "Person")])
    assert (person, "memberOf", commission) in triples, _members(triples)


@pytest.mark.parametrize("lang, text, person, commission", [
    # A police rank and a high commissioner (a head) are no commissioners of the commission.
    ("fr", "La Commission européenne a salué l'accord. Le commissaire divisionnaire Jean Dupont a été entendu à Paris.",
     "Jean Dupont", "Commission européenne"),
    ("ar", "وأكدت المفوضية الأوروبية دعمها للمشروع. وزار المفوض السامي الأوروبي لشؤون اللاجئين فيليبو غراندي الرباط.",
     "فيليبو غراندي", "المفوضية الأوروبية"),
])
def test_other_commissioners_are_not_the_commissions(extract, lang, text, person, commission):
    triples, _ = extract(lang, text, [(commission, "InternationalOrganization"), (person, "Person")])
    assert (person, "memberOf", commission) not in triples, _members(triples)


@pytest.mark.parametrize("lang, text, state, orgs", [
    # One state, and a membership cue near neither it nor the organizations: the cue is
    # another's ("member states" of an unnamed council).
    ("ar", "وترأست قطر الدورة التي حضرها وزراء الداخلية وكبار المسؤولين الأمنيين من الدول الأعضاء في المجلس، إلى جانب ممثلين عن جامعة الدول العربية والإنتربول.",
     "قطر", ["جامعة الدول العربية", "الإنتربول"]),
    ("en", "The session, chaired by Qatar, was attended by interior ministers and senior security officials of member states, as well as representatives of the Arab League and Interpol.",
     "Qatar", ["Arab League", "Interpol"]),
    ("fr", "La session, présidée par le Qatar, a réuni les ministres de l'Intérieur et les hauts responsables de la sécurité des États membres, ainsi que des représentants de la Ligue arabe et d'Interpol.",
     "Qatar", ["Ligue arabe", "Interpol"]),
])
def test_a_cue_near_neither_the_state_nor_the_organization_is_not_theirs(extract, lang, text, state, orgs):
    triples, _ = extract(lang, text, [(o, "InternationalOrganization") for o in orgs])
    members = _members(triples)
    assert not any((state, o) in members for o in orgs), members


# --- known_members: a list of states named with an organization they all belong to -----------
@pytest.mark.parametrize("lang, text, states, org", [
    ("en", "Saudi Arabia, Kuwait and Oman backed the statement issued by the Gulf Cooperation Council in Riyadh.",
     ["Saudi Arabia", "Kuwait", "Oman"], "Gulf Cooperation Council"),
    ("fr", "Le Mali, le Burkina Faso et le Niger ont signé jeudi à Niamey la charte de l'Alliance des États du Sahel.",
     ["Mali", "Burkina Faso", "Niger"], "Alliance des États du Sahel"),
    ("ar", "وعقد وزراء خارجية المغرب والجزائر وتونس اجتماعا في إطار اتحاد المغرب العربي.",
     ["المغرب", "الجزائر", "تونس"], "اتحاد المغرب العربي"),
])
def test_a_list_of_known_members_named_with_their_organization(extract, lang, text, states, org):
    triples, relations = extract(lang, text)
    members = _members(triples)
    for s in states:
        assert (s, org) in members, (s, members)


@pytest.mark.parametrize("lang, text, states, org, control", [
    # One state of the list is no member: the list says nothing of the organization.
    ("en", "Saudi Arabia, Kuwait and Egypt backed the statement issued by the Gulf Cooperation Council in Riyadh.",
     ["Saudi Arabia", "Kuwait", "Egypt"], "Gulf Cooperation Council",
     ("en", "Saudi Arabia, Kuwait and Oman backed the statement issued by the Gulf Cooperation Council in Riyadh.")),
    # Suspended from it.
    ("fr", "Le Mali, la Guinée et le Niger, suspendus de l'Union africaine, n'ont pas été invités au sommet.",
     ["Mali", "Guinée", "Niger"], "Union africaine",
     ("fr", "Le Mali, la Guinée et le Niger, membres de l'Union africaine, ont été invités au sommet.")),
])
def test_no_known_members_from_a_mixed_or_suspended_list(extract, lang, text, states, org, control):
    members = _members(extract(lang, text)[0])
    assert not any((s, org) in members for s in states), members
    assert any((s, org) in _members(extract(*control)[0]) for s in states)


def test_the_known_members_rule_reads_the_list_not_the_lexicon_alone(extract):
    # One state alone, no membership cue: the lexicon states no membership by itself.
    triples, _ = extract("en", "Oman hosted talks on maritime security, the Gulf Cooperation Council said on Monday.")
    assert ("Oman", "Gulf Cooperation Council") not in _members(triples)
    # A state the cue rule reads but the lexicon knows as no member of that organization.
    triples, _ = extract("en", "Turkey, a member of the Alliance of Sahel States, sent drones to Niamey.")
    assert ("Turkey", "Alliance of Sahel States") not in _members(triples)
    triples, _ = extract("en", "Mali, a member of the Alliance of Sahel States, sent drones to Niamey.")
    assert ("Mali", "Alliance of Sahel States") in _members(triples)


# --- bloc_members: half of a small bloc the document names in another sentence ---------------
@pytest.mark.parametrize("lang, text, states, org", [
    ("fr", "Le G5 Sahel est affaibli. Le Tchad, le Mali et le Niger ont rappelé leurs ambassadeurs.",
     ["Tchad", "Mali", "Niger"], "G5 Sahel"),
    ("en", "The Gulf Cooperation Council met on Monday. Qatar, Oman and Kuwait later issued a joint statement.",
     ["Qatar", "Oman", "Kuwait"], "Gulf Cooperation Council"),
])
def test_a_list_of_half_a_small_bloc_named_elsewhere(extract, lang, text, states, org):
    members = _members(extract(lang, text)[0])
    for s in states:
        assert (s, org) in members, (s, members)


@pytest.mark.parametrize("lang, text, states, org", [
    # The states named as places.
    ("fr", "Le G5 Sahel est affaibli. Plus de 5 000 militaires sont déployés au Tchad, au Mali et au Niger.",
     ["Tchad", "Mali", "Niger"], "G5 Sahel"),
    # Too few of the bloc's members to name it (two of six).
    ("en", "The Gulf Cooperation Council met on Monday. Qatar and Oman later issued a joint statement.",
     ["Qatar", "Oman"], "Gulf Cooperation Council"),
    # States that leave.
    ("en", "The G5 Sahel is weakened. Mali, Burkina Faso and Niger have withdrawn from several bodies.",
     ["Mali", "Burkina Faso", "Niger"], "G5 Sahel"),
])
def test_no_bloc_membership_for_places_few_states_or_leavers(extract, lang, text, states, org):
    members = _members(extract(lang, text)[0])
    assert not any((s, org) in members for s in states), members


def test_a_list_that_is_a_whole_bloc_names_it_rather_than_the_larger_bloc(extract):
    # Mali, Burkina Faso and Niger: all of the AES, three of the five of the G5 Sahel
    text = ("The Alliance of Sahel States held its first summit in Niamey. Observers said the G5 Sahel no longer "
            "had a purpose. Mali, Burkina Faso and Niger recalled their ambassadors on Sunday.")
    members = _members(extract("en", text)[0])
    for s in ("Mali", "Burkina Faso", "Niger"):
        assert (s, "Alliance of Sahel States") in members, members
        assert (s, "G5 Sahel") not in members, members


@pytest.mark.parametrize("lang, text, states, org", [
    ("en", "Kazakhstan, Kyrgyzstan and Tajikistan sent their defence ministers to the meeting of the Shanghai Cooperation Organisation.",
     ["Kazakhstan", "Kyrgyzstan", "Tajikistan"], "Shanghai Cooperation Organisation"),
    ("fr", "La Suisse, l'Autriche et la Serbie ont soutenu la déclaration de l'OSCE sur les frontières.",
     ["Suisse", "Autriche", "Serbie"], "OSCE"),
    ("en", "Angola, Namibia and Botswana backed the plan of the Southern African Development Community.",
     ["Angola", "Namibia", "Botswana"], "Southern African Development Community"),
])
def test_known_members_of_more_organizations(extract, lang, text, states, org):
    members = _members(extract(lang, text)[0])
    for s in states:
        assert (s, org) in members, (s, members)
    # a state outside the organization in the list: nothing
    mixed = text.replace(states[1], "Brésil" if lang == "fr" else "Brazil")
    assert not any((s, org) in _members(extract(lang, mixed)[0]) for s in states)


def test_an_organization_listed_with_the_states_is_no_body_of_theirs_even_by_its_acronym_fr(extract):
    # "réunit A, B et la X (ACRONYM)": X is a party beside the states, its acronym too
    text = ("Ce comité, qui réunit le Mali, le Niger, la France et la Mission multidimensionnelle intégrée des "
            "Nations unies pour la stabilisation au Mali (Minusma), se réunit chaque mois.")
    members = _members(extract("fr", text)[0])
    assert not any(s in ("Mali", "Niger", "France") and "Minusma" in o or "Mission" in o for s, o in members), members


def test_a_verb_of_containing_is_no_membership_cue_ar(extract):
    # تضمنت (it contained) is not تضم (it groups)
    text = "ووقعت المفوضية الأوروبية مذكرة تفاهم مع المغرب تضمنت تمويلا لمراقبة الحدود."
    members = _members(extract("ar", text)[0])
    assert ("المغرب", "المفوضية الأوروبية") not in members, members


def test_a_whole_bloc_that_leaves_another_organization_stays_the_blocs_members(extract):
    # the organization left is named; the list is the whole of the bloc named elsewhere
    text = ("The Alliance of Sahel States adopted a common passport. Mali, Burkina Faso and Niger withdrew from "
            "ECOWAS in January.")
    members = _members(extract("en", text)[0])
    for s in ("Mali", "Burkina Faso", "Niger"):
        assert (s, "Alliance of Sahel States") in members, members
        assert (s, "ECOWAS") not in members, members
    # a part of a larger bloc that leaves: nothing
    text = "The G5 Sahel adopted a new charter. Mali, Burkina Faso and Niger withdrew from ECOWAS in January."
    members = _members(extract("en", text)[0])
    assert not any((s, "G5 Sahel") in members for s in ("Mali", "Burkina Faso", "Niger")), members
