"""Person roles, flows, membership and cooperation precision (pipeline/relations/rules/), on texts of our own: possessive and apposed titles with ranks and
honorifics, one role on each side of a name, titles before a whole body name (with its
acronym), "X met the head of Y" is not X's title, portfolio ministers lead the ministry the
text names (not the state), "headed by"."""
import pytest

AGENCY, IO, PERSON, ORG = "GovernmentAgency", "InternationalOrganization", "Person", "Organization"


# --- possessive and apposed head titles ------------------------------------------------

def test_possessive_title_then_apposed_name_en(extract):
    text = "Ghana's interim president, John Mensah, opened the meeting in Accra."
    triples, _ = extract("en", text, [("John Mensah", PERSON)])
    assert ("John Mensah", "leads", "Ghana") in triples


def test_possessive_title_with_honorific_en(extract):
    text = "The ceremony was attended by Kuwait's Emir, Sheikh Nawaf Al Sabah, and other guests."
    triples, _ = extract("en", text, [("Nawaf Al Sabah", PERSON)])
    assert ("Nawaf Al Sabah", "leads", "Kuwait") in triples


def test_title_body_rank_name_ar(extract):
    text = "وقال مدير الأمن العام اللواء سامي الخطيب إن التحقيق مستمر."
    triples, _ = extract("ar", text, [("الأمن العام", AGENCY), ("سامي الخطيب", PERSON)])
    assert ("سامي الخطيب", "leads", "الأمن العام") in triples
    assert ("سامي الخطيب", "memberOf", "الأمن العام") not in triples


def test_spokesman_body_comma_rank_name_ar(extract):
    text = "وقال المتحدث باسم القوات المسلحة التونسية، العقيد منير الحداد، إن المناورة انتهت."
    triples, _ = extract("ar", text, [("القوات المسلحة التونسية", AGENCY), ("منير الحداد", PERSON)])
    assert ("منير الحداد", "memberOf", "القوات المسلحة التونسية") in triples


def test_one_role_on_each_side_fr(extract):
    text = "Le président du Bénin, Paul Kodjo, président en exercice de la CEDEAO, a ouvert la session."
    triples, _ = extract("fr", text, [("Paul Kodjo", PERSON), ("CEDEAO", IO)])
    assert ("Paul Kodjo", "leads", "Bénin") in triples
    assert ("Paul Kodjo", "leads", "CEDEAO") in triples


def test_title_before_a_whole_body_name_en(extract):
    text = "The director of Portugal's Security Intelligence Service (SIS), Rui Santos, arrived on Monday."
    names = [("Security Intelligence Service", AGENCY), ("SIS", AGENCY), ("Rui Santos", PERSON)]
    triples, _ = extract("en", text, names)
    assert {("Rui Santos", "leads", "SIS"), ("Rui Santos", "leads", "Security Intelligence Service")} & triples
    assert ("Rui Santos", "leads", "Portugal") not in triples


def test_met_the_head_of_is_not_the_subjects_title_en(extract):
    text = "Rui Santos met the head of the Algerian Border Police, Karim Bey, in Algiers."
    names = [("Rui Santos", PERSON), ("Algerian Border Police", AGENCY), ("Karim Bey", PERSON)]
    triples, _ = extract("en", text, names)
    assert not any(h == "Rui Santos" and t in {"leads", "memberOf"} for h, t, _ in triples)
    assert ("Karim Bey", "leads", "Algerian Border Police") in triples


def test_title_after_verb_is_not_apposition_fr(extract):
    text = "Paul Kodjo a rencontré le directeur de la Police nationale, Jean Ado, à Lomé."
    names = [("Paul Kodjo", PERSON), ("Police nationale", AGENCY), ("Jean Ado", PERSON)]
    triples, _ = extract("fr", text, names)
    assert not any(h == "Paul Kodjo" and t in {"leads", "memberOf"} for h, t, _ in triples)
    assert ("Jean Ado", "leads", "Police nationale") in triples


# --- portfolio ministers ---------------------------------------------------------------

def test_minister_leads_the_named_ministry_ar(extract):
    text = ("استقبل وزير الداخلية الإيطالي ماركو نيري الوفد في روما. "
            "وأوضحت وزارة الداخلية الإيطالية أن التعاون مع تونس مستمر، وأن إيطاليا ملتزمة به.")
    triples, _ = extract("ar", text, [("ماركو نيري", PERSON), ("وزارة الداخلية الإيطالية", AGENCY)])
    assert ("ماركو نيري", "leads", "وزارة الداخلية الإيطالية") in triples
    assert ("ماركو نيري", "leads", "إيطاليا") not in triples


def test_minister_leads_the_named_ministry_fr(extract):
    text = ("Le ministre malien de la Défense, Amadou Traoré, était présent. "
            "Le ministère malien de la Défense a salué l'accord entre le Mali et le Niger.")
    triples, _ = extract("fr", text, [("Amadou Traoré", PERSON), ("ministère malien de la Défense", AGENCY)])
    assert ("Amadou Traoré", "leads", "ministère malien de la Défense") in triples


def test_minister_without_named_ministry_leads_nothing_en(extract):
    text = "Portugal's Foreign Minister, Rui Costa, welcomed the agreement with Spain."
    triples, _ = extract("en", text, [("Rui Costa", PERSON)])
    assert ("Rui Costa", "leads", "Portugal") not in triples
    triples, _ = extract("en", text.replace("Foreign Minister", "Prime Minister"), [("Rui Costa", PERSON)])
    assert ("Rui Costa", "leads", "Portugal") in triples


def test_prime_minister_still_leads_the_state_en(extract):
    text = "Portugal's Prime Minister, Rui Costa, welcomed the agreement with Spain."
    triples, _ = extract("en", text, [("Rui Costa", PERSON)])
    assert ("Rui Costa", "leads", "Portugal") in triples


# --- headed by -------------------------------------------------------------------------

def test_headed_by_en(extract):
    text = "Portugal's Interior Ministry, headed by Rui Costa, said arrivals had fallen."
    triples, _ = extract("en", text, [("Interior Ministry", AGENCY), ("Rui Costa", PERSON)])
    assert ("Rui Costa", "leads", "Interior Ministry") in triples


def test_headed_by_ar(extract):
    text = "أحال الملف على المجلس الأعلى للأمن برئاسة سامي الخطيب."
    triples, _ = extract("ar", text, [("المجلس الأعلى للأمن", AGENCY), ("سامي الخطيب", PERSON)])
    assert ("سامي الخطيب", "leads", "المجلس الأعلى للأمن") in triples


def test_headed_by_fr(extract):
    text = "La commission nationale de sécurité, présidée par Jean Ado, a rendu son rapport."
    triples, _ = extract("fr", text, [("commission nationale de sécurité", AGENCY), ("Jean Ado", PERSON)])
    assert ("Jean Ado", "leads", "commission nationale de sécurité") in triples


# --- modifiers, clause breaks, counterparts, police ranks --------------------------------

def test_transitional_is_a_title_modifier_fr(extract):
    text = "Le Niger a signé. Le président de transition du Niger, Ali Lamine, a salué l'accord."
    triples, _ = extract("fr", text, [("Ali Lamine", PERSON)])
    assert ("Ali Lamine", "leads", "Niger") in triples


def test_transitional_is_a_title_modifier_en(extract):
    text = "Niger signed. Niger's transitional president, Ali Lamine, welcomed the deal."
    triples, _ = extract("en", text, [("Niger", "Country"), ("Ali Lamine", PERSON)])
    assert ("Ali Lamine", "leads", "Niger") in triples


def test_body_and_title_in_two_clauses_ar(extract):
    text = "وأشار بيان صادر عن المجلس الأعلى للأمن إلى أن الرئيس سامي الخطيب أجرى اتصالا."
    triples, _ = extract("ar", text, [("المجلس الأعلى للأمن", AGENCY), ("سامي الخطيب", PERSON)])
    assert not any(h == "سامي الخطيب" and t == "المجلس الأعلى للأمن" for h, _, t in triples)
    text = "وأشار رئيس المجلس الأعلى للأمن سامي الخطيب إلى أنه أجرى اتصالا."  # one clause
    triples, _ = extract("ar", text, [("المجلس الأعلى للأمن", AGENCY), ("سامي الخطيب", PERSON)])
    assert ("سامي الخطيب", "leads", "المجلس الأعلى للأمن") in triples


def test_body_and_title_in_two_clauses_en(extract):
    text = "A statement by the Supreme Security Council said that President Sami Khatib called."
    triples, _ = extract("en", text, [("Supreme Security Council", AGENCY), ("Sami Khatib", PERSON)])
    assert not any(h == "Sami Khatib" and t == "Supreme Security Council" for h, _, t in triples)
    text = "Supreme Security Council President Sami Khatib said that he called."  # one clause
    triples, _ = extract("en", text, [("Supreme Security Council", AGENCY), ("Sami Khatib", PERSON)])
    assert ("Sami Khatib", "leads", "Supreme Security Council") in triples


def test_headed_by_after_a_demonym_ar(extract):
    text = "وأحال الملف على ليبيا، أي على المجلس الأعلى للأمن الليبي برئاسة سامي الخطيب."
    triples, _ = extract("ar", text, [("المجلس الأعلى للأمن", AGENCY), ("سامي الخطيب", PERSON)])
    assert ("سامي الخطيب", "leads", "المجلس الأعلى للأمن") in triples
    assert ("سامي الخطيب", "leads", "ليبيا") not in triples


def test_counterpart_in_a_government_is_a_member_ar(extract):
    text = "والتقى الوزير ونظيره في الحكومة الانتقالية سامي الخطيب في تونس."
    triples, _ = extract("ar", text, [("الحكومة الانتقالية", AGENCY), ("سامي الخطيب", PERSON)])
    assert ("سامي الخطيب", "memberOf", "الحكومة الانتقالية") in triples


def test_police_rank_after_name_is_member_ar(extract):
    text = "وقال كريم بناني، المراقب العام بالمديرية العامة للأمن الوطني، إن العملية نجحت."
    agency = "المديرية العامة للأمن الوطني"
    triples, _ = extract("ar", text, [("كريم بناني", PERSON), (agency, AGENCY)])
    assert ("كريم بناني", "memberOf", agency) in triples


# --- information and training flows: the source after the trigger ---------------------

def test_information_supplied_by_goes_to_the_acting_party_en(extract):
    text = "Greek police arrested three men in Athens after a tip from the Cypriot Police."
    triples, _ = extract("en", text, [("Cypriot Police", AGENCY), ("Greek police", AGENCY)])
    assert ("Cypriot Police", "providesIntelligenceTo", "Greek police") in triples
    assert ("Greek police", "providesIntelligenceTo", "Cypriot Police") not in triples


def test_information_supplied_by_to_en(extract):
    text = "The arrests followed information supplied by Europol to the Greek police."
    triples, _ = extract("en", text, [("Europol", IO), ("Greek police", AGENCY)])
    assert ("Europol", "providesIntelligenceTo", "Greek police") in triples


def test_information_transmitted_to_investigators_of_y_by_x_fr(extract):
    text = "Les renseignements transmis aux enquêteurs de la Police judiciaire par Europol ont permis les arrestations."
    triples, _ = extract("fr", text, [("Police judiciaire", AGENCY), ("Europol", IO)])
    assert ("Europol", "providesIntelligenceTo", "Police judiciaire") in triples


def test_information_from_x_ar(extract):
    text = "أوقفت الشرطة القضائية ثلاثة أشخاص بناء على معلومات من الحرس الوطني."
    triples, _ = extract("ar", text, [("الشرطة القضائية", AGENCY), ("الحرس الوطني", AGENCY)])
    assert ("الحرس الوطني", "providesIntelligenceTo", "الشرطة القضائية") in triples


def test_information_given_by_x_to_y_ar(extract):
    text = "وجاءت العملية ثمرة لمعلومات دقيقة قدمها الحرس الوطني لجهاز الشرطة القضائية."
    triples, _ = extract("ar", text, [("الحرس الوطني", AGENCY), ("جهاز الشرطة القضائية", AGENCY)])
    assert ("الحرس الوطني", "providesIntelligenceTo", "جهاز الشرطة القضائية") in triples


def test_partitive_min_is_not_a_trainer_ar(extract):
    text = "سيواصل الجيش الوطني تكوين وحدات من الحرس الوطني في مجال مراقبة الحدود."
    triples, _ = extract("ar", text, [("الجيش الوطني", AGENCY), ("الحرس الوطني", AGENCY)])
    assert ("الجيش الوطني", "providesTrainingTo", "الحرس الوطني") in triples
    assert ("الحرس الوطني", "providesTrainingTo", "الجيش الوطني") not in triples


def test_training_from_x_en(extract):
    text = "The Greek coast guard has received boats and training from the Cypriot Navy."
    triples, _ = extract("en", text, [("Greek coast guard", AGENCY), ("Cypriot Navy", AGENCY)])
    assert ("Cypriot Navy", "providesTrainingTo", "Greek coast guard") in triples


# --- memberOf: membership lists and non-head roles -------------------------------------

def test_membership_list_which_groups_en(extract):
    text = "The Liptako Authority, which groups Mali, Burkina Faso and Niger, met in Niamey."
    triples, _ = extract("en", text, [("Liptako Authority", IO)])
    assert {("Mali", "memberOf", "Liptako Authority"), ("Niger", "memberOf", "Liptako Authority")} <= triples


def test_membership_list_tadummu_ar(extract):
    text = "ودعا إلى تفعيل لجنة الأركان المشتركة التي تضم مالي وموريتانيا والنيجر."
    triples, _ = extract("ar", text, [("لجنة الأركان المشتركة", IO)])
    assert {("مالي", "memberOf", "لجنة الأركان المشتركة"), ("النيجر", "memberOf", "لجنة الأركان المشتركة")} <= triples


def test_officer_of_a_body_is_a_member_en(extract):
    text = "Omar Haddad, an officer of the National Guard, was arrested on Monday."
    triples, _ = extract("en", text, [("Omar Haddad", PERSON), ("National Guard", AGENCY)])
    assert ("Omar Haddad", "memberOf", "National Guard") in triples


def test_agent_of_a_body_is_a_member_fr(extract):
    text = "Karim Ben Ali, un agent de la Garde nationale, a été arrêté lundi."
    triples, _ = extract("fr", text, [("Karim Ben Ali", PERSON), ("Garde nationale", AGENCY)])
    assert ("Karim Ben Ali", "memberOf", "Garde nationale") in triples


def test_officer_in_a_body_is_a_member_ar(extract):
    text = "وأوقف كريم بناني، الضابط في الحرس الوطني، يوم الاثنين."
    triples, _ = extract("ar", text, [("كريم بناني", PERSON), ("الحرس الوطني", AGENCY)])
    assert ("كريم بناني", "memberOf", "الحرس الوطني") in triples


def test_deputy_head_of_a_body_is_a_member_ar(extract):
    text = "واستقبل الوزير اللواء سامي الخطيب، نائب رئيس جهاز الأمن الوقائي، في عمان."
    triples, _ = extract("ar", text, [("سامي الخطيب", PERSON), ("جهاز الأمن الوقائي", AGENCY)])
    assert ("سامي الخطيب", "memberOf", "جهاز الأمن الوقائي") in triples
    assert ("سامي الخطيب", "leads", "جهاز الأمن الوقائي") not in triples


# --- cooperatesWith precision ----------------------------------------------------------

def _pair(triples, a, b):
    return (a, "cooperatesWith", b) in triples or (b, "cooperatesWith", a) in triples


def test_co_objects_of_with_are_not_partners_en(extract):
    triples, _ = extract("en", "Morocco cooperates with Spain and Portugal on migration.")
    assert _pair(triples, "Morocco", "Spain") and _pair(triples, "Morocco", "Portugal")
    assert not _pair(triples, "Spain", "Portugal")


def test_co_objects_of_with_are_not_partners_fr(extract):
    triples, _ = extract("fr", "Le Maroc coopère avec l'Espagne et le Portugal contre la migration irrégulière.")
    assert _pair(triples, "Maroc", "Espagne")
    assert not _pair(triples, "Espagne", "Portugal")


def test_co_objects_of_with_are_not_partners_ar(extract):
    triples, _ = extract("ar", "يتعاون المغرب مع إسبانيا والبرتغال في مجال الهجرة.")
    assert _pair(triples, "المغرب", "إسبانيا") and _pair(triples, "المغرب", "البرتغال")
    assert not _pair(triples, "إسبانيا", "البرتغال")


def test_long_between_list_is_not_pairwise_en(extract):
    triples, _ = extract("en", "The talks on cooperation between Spain, Portugal and Morocco ended on Monday.")
    assert not _pair(triples, "Spain", "Portugal")
    triples, _ = extract("en", "The talks on cooperation between Spain and Portugal ended on Monday.")
    assert _pair(triples, "Spain", "Portugal")


def test_long_between_list_among_themselves_is_pairwise_en(extract):
    text = "Cooperation between Spain, Portugal and Morocco among themselves has grown."
    triples, _ = extract("en", text)
    assert _pair(triples, "Spain", "Portugal")


def test_country_after_agency_by_locative_is_no_party_ar(extract):
    text = "فككت الشرطة القضائية بالمغرب، بتنسيق وثيق مع الحرس المدني، شبكة للتهريب."
    names = [("الشرطة القضائية", AGENCY), ("الحرس المدني", AGENCY)]
    triples, _ = extract("ar", text, names)
    assert _pair(triples, "الشرطة القضائية", "الحرس المدني")
    assert not _pair(triples, "المغرب", "الحرس المدني")


def test_affiliation_of_a_person_after_with_is_no_partner_en(extract):
    text = "The African Union welcomed the deal, with UN Secretary-General Ban Ki-moon calling it historic."
    triples, _ = extract("en", text, [("Ban Ki-moon", PERSON)])
    assert not _pair(triples, "African Union", "UN")
    assert ("Ban Ki-moon", "leads", "UN") in triples


def test_possessed_trigger_takes_the_nearest_party_ar(extract):
    text = "وتشير أرقام وزارة الداخلية الإسبانية إلى تراجع الهجرة، وهو ما تعزوه إسبانيا إلى تعاونها مع المغرب."
    triples, _ = extract("ar", text, [("وزارة الداخلية الإسبانية", AGENCY)])
    assert _pair(triples, "إسبانيا", "المغرب")
    assert not _pair(triples, "وزارة الداخلية الإسبانية", "المغرب")


def test_possessed_trigger_takes_the_nearest_party_fr(extract):
    text = "Le ministère espagnol de l'Intérieur note une baisse que l'Espagne attribue à sa coopération avec le Maroc."
    triples, _ = extract("fr", text, [("ministère espagnol de l'Intérieur", AGENCY)])
    assert _pair(triples, "Espagne", "Maroc")
    assert not _pair(triples, "ministère espagnol de l'Intérieur", "Maroc")


def test_title_before_coordinated_bodies_then_name_ar(extract):
    # The title names the first of two bodies, the person comes after the second.
    text = "وأكد المدير العام للأمن الوطني ولمراقبة التراب الوطني، عبد اللطيف حموشي، أن التعاون مثمر."
    triples, _ = extract("ar", text, [("للأمن الوطني", AGENCY), ("مراقبة التراب الوطني", AGENCY), ("عبد اللطيف حموشي", PERSON)])
    assert ("عبد اللطيف حموشي", "leads", "مراقبة التراب الوطني") in triples
    assert ("عبد اللطيف حموشي", "leads", "للأمن الوطني") in triples


def test_title_before_coordinated_bodies_then_name_fr(extract):
    text = "Le directeur de la Police nationale et de la Gendarmerie nationale, Jean Ado, est arrivé à Lomé."
    names = [("Police nationale", AGENCY), ("Gendarmerie nationale", AGENCY), ("Jean Ado", PERSON)]
    triples, _ = extract("fr", text, names)
    assert ("Jean Ado", "leads", "Gendarmerie nationale") in triples
    assert ("Jean Ado", "leads", "Police nationale") in triples


def test_bodies_joined_by_a_comma_alone_do_not_share_the_title_ar(extract):
    # "… للأمن الوطني، مراقبة …": a comma, no "و": the first body is not part of the run.
    text = "وقال مسؤول في الأمن الوطني، رئيس مراقبة التراب الوطني عبد الحق الخيام، إن التحقيق مستمر."
    names = [("الأمن الوطني", AGENCY), ("مراقبة التراب الوطني", AGENCY), ("عبد الحق الخيام", PERSON)]
    triples, _ = extract("ar", text, names)
    assert ("عبد الحق الخيام", "leads", "مراقبة التراب الوطني") in triples
    assert ("عبد الحق الخيام", "leads", "الأمن الوطني") not in triples


def test_a_member_named_alone_beside_a_list_fr(extract):
    text = "Le Sénégal, membre de la CEDEAO aux côtés du Ghana et du Nigeria, a voté la résolution."
    triples, _ = extract("fr", text)
    assert ("Sénégal", "memberOf", "CEDEAO") in triples
    assert ("Ghana", "memberOf", "CEDEAO") in triples
    assert ("Nigeria", "memberOf", "CEDEAO") in triples


@pytest.mark.parametrize("lang, text, members, org", [
    ("en", "Ghana, Togo and Benin founded the Accra Initiative in 2017.", ["Ghana", "Togo", "Benin"], "Accra Initiative"),
    ("ar", "وتنتمي مصر والأردن إلى جامعة الدول العربية.", ["مصر", "الأردن"], "جامعة الدول العربية"),
])
def test_founders_and_belonging_are_membership(extract, lang, text, members, org):
    triples, _ = extract(lang, text)
    for m in members:
        assert (m, "memberOf", org) in triples


def test_title_then_coordinated_bodies_after_the_name_ar(extract):
    # "ولمراقبة": the conjunction glued to the preposition before the second body.
    text = "وأشرف على العملية عبد الحق الخيام، المدير العام للأمن الوطني ولمراقبة التراب الوطني، فيما أكد المسؤول أن العملية ناجحة."
    triples, _ = extract("ar", text)
    assert ("عبد الحق الخيام", "leads", "للأمن الوطني") in triples
    assert ("عبد الحق الخيام", "leads", "مراقبة التراب الوطني") in triples


def test_at_the_head_of_a_body_leads_fr(extract):
    text = "Le général Amadou Diallo, à la tête du ministère malien de la Défense, a salué le partenariat."
    triples, _ = extract("fr", text)
    assert ("Amadou Diallo", "leads", "ministère malien de la Défense") in triples
    assert ("Amadou Diallo", "memberOf", "ministère malien de la Défense") not in triples


def test_a_semicolon_closes_a_list_item_with_its_title_en(extract):
    text = ("The meeting was attended by Foreign Minister Ahmed Attaf; Jürgen Stock, secretary general of Interpol; "
            "and Catherine De Bolle, executive director of Europol.")
    triples, _ = extract("en", text)
    assert ("Jürgen Stock", "leads", "Interpol") in triples
    assert ("Catherine De Bolle", "leads", "Europol") in triples
    assert ("Catherine De Bolle", "leads", "Interpol") not in triples


def test_commissioner_general_leads_the_police_and_a_commissioner_is_a_member_fr(extract):
    # the commissaire général heads the Belgian federal police; a plain commissaire serves in it
    text = ("Le commissaire général de la police fédérale, Eric Snoeck, a salué l'opération. "
            "Le commissaire de la police fédérale, Jan Peeters, était présent.")
    triples, _ = extract("fr", text)
    assert ("Eric Snoeck", "leads", "police fédérale") in triples
    assert ("Eric Snoeck", "memberOf", "police fédérale") not in triples
    assert ("Jan Peeters", "leads", "police fédérale") not in triples


# --- French titles (issue 14, fr7) ------------------------------------------------------

def test_body_with_demonym_then_compound_rank_and_name_fr(extract):
    text = "Le ministre a reçu le patron de la Sûreté nationale (DGSN) algérienne, le général-major Farid Bencheikh."
    triples, _ = extract("fr", text, [("Sûreté nationale", AGENCY), ("DGSN", AGENCY), ("Farid Bencheikh", PERSON)])
    assert ("Farid Bencheikh", "leads", "DGSN") in triples or ("Farid Bencheikh", "leads", "Sûreté nationale") in triples


def test_body_and_two_words_of_its_own_give_no_role_fr(extract):
    text = "Le ministre a reçu le patron de la DGSN puis a rencontré le général Farid Bencheikh."
    triples, _ = extract("fr", text, [("DGSN", AGENCY), ("Farid Bencheikh", PERSON)])
    assert ("Farid Bencheikh", "leads", "DGSN") not in triples


def test_director_of_the_spelled_out_acronym_fr(extract):
    text = "Le général Thierry Burkhard, directeur de la coopération de sécurité et de défense (DCSD), a visité Abidjan."
    triples, _ = extract("fr", text, [("Thierry Burkhard", PERSON), ("DCSD", AGENCY)])
    assert ("Thierry Burkhard", "leads", "DCSD") in triples
    text = "Le directeur de la coopération de sécurité et de défense (DCSD), le général Thierry Burkhard, a visité Abidjan."
    triples, _ = extract("fr", text, [("Thierry Burkhard", PERSON), ("DCSD", AGENCY)])
    assert ("Thierry Burkhard", "leads", "DCSD") in triples


def test_words_that_do_not_spell_the_acronym_keep_the_title_apart_fr(extract):
    text = "Le général Thierry Burkhard, directeur de la communication de la mission de formation auprès de l'armée (DCSD), a visité Abidjan."
    triples, _ = extract("fr", text, [("Thierry Burkhard", PERSON), ("DCSD", AGENCY)])
    assert ("Thierry Burkhard", "leads", "DCSD") not in triples


def test_minister_delegate_in_charge_leads_the_body_fr(extract):
    text = "Il a été reçu par le ministre délégué chargé de l'Administration de la Défense nationale, Abdeltif Loudiyi."
    triples, _ = extract("fr", text, [("Administration de la Défense nationale", AGENCY), ("Abdeltif Loudiyi", PERSON)])
    assert ("Abdeltif Loudiyi", "leads", "Administration de la Défense nationale") in triples
    assert ("Abdeltif Loudiyi", "memberOf", "Administration de la Défense nationale") not in triples


def test_possessive_title_opening_a_sentence_is_the_subject_body_before_fr(extract):
    text = "Le Parquet national antiterroriste a ouvert une enquête. Sa porte-parole, Claire Morel, a refusé de commenter."
    triples, _ = extract("fr", text, [("Parquet national antiterroriste", AGENCY), ("Claire Morel", PERSON)])
    assert ("Claire Morel", "memberOf", "Parquet national antiterroriste") in triples


def test_possessive_title_inside_a_sentence_does_not_reach_back_fr(extract):
    text = "Le Parquet national antiterroriste a ouvert une enquête. Le ministre a salué son conseiller, Claire Morel."
    triples, _ = extract("fr", text, [("Parquet national antiterroriste", AGENCY), ("Claire Morel", PERSON)])
    assert not any(h == "Claire Morel" and t == "Parquet national antiterroriste" for h, _, t in triples)
