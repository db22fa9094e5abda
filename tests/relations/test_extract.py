"""Each pattern family in each language, on texts of our own."""

from pipeline.relations.extract import MIN_CONFIDENCE

AGENCY, IO, EVENT, PERSON = "GovernmentAgency", "InternationalOrganization", "Event", "Person"


# --- cooperatesWith ---------------------------------------------------------------

def test_cooperation_coordination_ar(extract):
    triples, rels = extract("ar", "وقع المغرب وإسبانيا اتفاقية للتعاون في مكافحة الإرهاب والهجرة غير النظامية.")
    assert ("المغرب", "cooperatesWith", "إسبانيا") in triples
    [coop] = [r for r in rels if r.type == "cooperatesWith"]
    assert {"counterterrorism", "migration"} <= set(coop.domains)
    assert coop.extractor.startswith("rule:") and coop.evidence[0].text.startswith("وقع")


def test_cooperation_between_fr(extract):
    triples, _ = extract("fr", "La coopération sécuritaire entre le Maroc et la France s'est renforcée.")
    assert ("Maroc", "cooperatesWith", "France") in triples


def test_cooperation_with_en(extract):
    triples, rels = extract("en", "Tunisia will cooperate with Italy on migration and border security.")
    assert ("Tunisia", "cooperatesWith", "Italy") in triples


def test_no_cooperation_without_trigger_en(extract):
    triples, _ = extract("en", "Tunisia and Italy are separated by the Mediterranean sea.")
    assert not any(t[1] == "cooperatesWith" for t in triples)
    triples, _ = extract("en", "Tunisia and Italy agreed to strengthen their security cooperation.")
    assert ("Tunisia", "cooperatesWith", "Italy") in triples


def test_negated_cooperation_is_below_threshold(extract):
    triples, _ = extract("en", "Morocco and Algeria did not sign the security agreement.")
    assert not any(t[1] == "cooperatesWith" for t in triples)
    _, everything = extract("en", "Morocco and Algeria did not sign the security agreement.", min_confidence=0)
    [coop] = [r for r in everything if r.type == "cooperatesWith"]
    assert coop.negated and coop.confidence < MIN_CONFIDENCE


def test_hedged_cooperation_is_kept_and_marked(extract):
    _, rels = extract("fr", "Le Maroc et l'Espagne auraient signé un accord de coopération policière.")
    [coop] = [r for r in rels if r.type == "cooperatesWith"]
    assert coop.hedged and coop.confidence >= MIN_CONFIDENCE


# --- leads / memberOf (person) ------------------------------------------------------

def test_leads_apposition_ar(extract):
    text = "وقال عبد اللطيف حموشي، مدير المديرية العامة للأمن الوطني، إن التعاون مستمر."
    agency = "المديرية العامة للأمن الوطني"
    triples, _ = extract("ar", text, [("عبد اللطيف حموشي", PERSON), (agency, AGENCY)])
    assert ("عبد اللطيف حموشي", "leads", agency) in triples


def test_leads_title_demonym_fr(extract):
    text = "La France a salué l'accord. Le président français, Emmanuel Macron, était présent."
    triples, _ = extract("fr", text, [("Emmanuel Macron", PERSON)])
    assert ("Emmanuel Macron", "leads", "France") in triples


def test_leads_possessive_en(extract):
    text = "Europol's Executive Director Catherine De Bolle welcomed the results."
    triples, _ = extract("en", text, [("Europol", IO), ("Catherine De Bolle", PERSON)])
    assert ("Catherine De Bolle", "leads", "Europol") in triples


def test_deputy_is_member_not_head_en(extract):
    text = "Anna Berg, deputy director of Europol, attended."
    triples, _ = extract("en", text, [("Anna Berg", PERSON), ("Europol", IO)])
    assert ("Anna Berg", "memberOf", "Europol") in triples
    assert ("Anna Berg", "leads", "Europol") not in triples


def test_secretary_general_is_head_fr(extract):
    text = "Jean Dupont, secrétaire général d'Interpol, a souligné les résultats."
    triples, _ = extract("fr", text, [("Jean Dupont", PERSON), ("Interpol", IO)])
    assert ("Jean Dupont", "leads", "Interpol") in triples


# --- agencyOf -------------------------------------------------------------------------

def test_agency_demonym_fr(extract):
    text = "L'Italie a livré des bateaux. La Guardia di Finanza italienne a participé."
    triples, _ = extract("fr", text, [("Guardia di Finanza", AGENCY)])
    assert ("Guardia di Finanza", "agencyOf", "Italie") in triples


def test_agency_demonym_ar(extract):
    text = "تعاون أمني بين المغرب وإسبانيا. وقدمت الشرطة الإسبانية الشكر."
    triples, _ = extract("ar", text, [("الشرطة", AGENCY)])
    assert ("الشرطة", "agencyOf", "إسبانيا") in triples


def test_agency_possessive_en(extract):
    text = "Egypt's Armed Forces hosted the drills."
    triples, _ = extract("en", text, [("Armed Forces", AGENCY)])
    assert ("Armed Forces", "agencyOf", "Egypt") in triples


# --- intelligence and training flows --------------------------------------------------

def test_intelligence_flow_fr(extract):
    text = "La DGST a transmis des renseignements à la DGSI sur la cellule."
    triples, _ = extract("fr", text, [("DGST", AGENCY), ("DGSI", AGENCY)])
    assert ("DGST", "providesIntelligenceTo", "DGSI") in triples
    assert ("DGSI", "providesIntelligenceTo", "DGST") not in triples


def test_intelligence_flow_ar(extract):
    text = "وقدمت المغرب معلومات دقيقة لفرنسا حول الخلية."
    triples, _ = extract("ar", text)
    assert ("المغرب", "providesIntelligenceTo", "فرنسا") in triples


def test_training_passive_en(extract):
    text = "Officers from Niger were trained by France in counterterrorism."
    triples, _ = extract("en", text)
    assert ("France", "providesTrainingTo", "Niger") in triples


def test_training_locative_ar(extract):
    text = "يشمل الاتفاق بين المغرب وفرنسا تكوين عناصر مغاربة في مؤسسات أمنية فرنسية."
    triples, _ = extract("ar", text)
    assert ("فرنسا", "providesTrainingTo", "المغرب") in triples


# --- memberOf (country -> IO) ----------------------------------------------------------

def test_member_countries_fr(extract):
    text = "Le Mali, le Niger et le Tchad, membres du G5 Sahel, ont créé une force."
    triples, _ = extract("fr", text, [("G5 Sahel", IO)])
    assert {("Mali", "memberOf", "G5 Sahel"), ("Niger", "memberOf", "G5 Sahel"), ("Tchad", "memberOf", "G5 Sahel")} <= triples


def test_member_ar(extract):
    text = "المغرب عضو في الاتحاد الإفريقي منذ عودته."
    triples, _ = extract("ar", text, [("الاتحاد الإفريقي", IO)])
    assert ("المغرب", "memberOf", "الاتحاد الإفريقي") in triples


# --- events ------------------------------------------------------------------------------

def test_event_place_date_participants_en(extract):
    text = "Egypt and the United States took part in Exercise Bright Star 2017 in Egypt."
    triples, _ = extract("en", text, [("Exercise Bright Star 2017", EVENT)])
    assert ("Exercise Bright Star 2017", "occurredOn", "2017") in triples
    assert ("United States", "involvedIn", "Exercise Bright Star 2017") in triples
    assert any(t[:2] == ("Exercise Bright Star 2017", "occurredIn") for t in triples)


def test_event_date_ar(extract):
    text = "شاركت فرنسا في قمة الساحل في نواكشوط يوم 30 يونيو 2020."
    triples, _ = extract("ar", text, [("قمة الساحل", EVENT)])
    assert ("قمة الساحل", "occurredOn", "2020-06-30") in triples
    assert ("فرنسا", "involvedIn", "قمة الساحل") in triples


def test_event_reference_fr(extract):
    text = "L'opération Kafo a été lancée en mars 2021. Le Mali et le Niger ont participé à l'opération."
    triples, _ = extract("fr", text, [("opération Kafo", EVENT)])
    assert ("Mali", "involvedIn", "opération Kafo") in triples


# --- locatedIn ----------------------------------------------------------------------------

def test_city_comma_country_en(extract):
    triples, _ = extract("en", "The talks were held in Agadez, Niger, last week.")
    assert ("Agadez", "locatedIn", "Niger") in triples


def test_capital_demonym_fr(extract):
    text = "Le Maroc accueille la réunion. Rabat, la capitale marocaine, recevra les délégations."
    triples, _ = extract("fr", text)
    assert ("Rabat", "locatedIn", "Maroc") in triples


# --- occurredOn with a date that gives no year ---------------------------------------------

def test_event_date_without_year_resolved_by_dateline_en(extract):
    text = "NIAMEY, March 3, 2022 - Niger hosted Operation Sand Shield on Monday with Chad."
    triples, _ = extract("en", text, [("Operation Sand Shield", EVENT)])
    assert ("Operation Sand Shield", "occurredOn", "2022-02-28") in triples


def test_event_date_without_year_resolved_by_earlier_date_fr(extract):
    text = "Dakar, le 12 avril 2019. Le Sénégal a accueilli l'exercice Flintlock le 10 avril à Thiès."
    triples, _ = extract("fr", text, [("l'exercice Flintlock", EVENT)])
    assert ("l'exercice Flintlock", "occurredOn", "2019-04-10") in triples


# --- news outlets are sources, not parties ---------------------------------------------------

def test_dateline_agency_is_not_a_party_fr(extract):
    text = "Bamako (Agence de presse malienne) - Le Mali et le Niger ont signé un accord de coopération."
    triples, _ = extract("fr", text, [("Agence de presse malienne", "Organization")])
    assert ("Mali", "cooperatesWith", "Niger") in triples
    assert not any("Agence de presse malienne" in (t[0], t[2]) for t in triples)


# --- cooperation: capitals, headlines, reactions ----------------------------------------------

def test_capital_stands_for_its_state_fr(extract):
    text = "Le Sénégal et la Gambie partagent une frontière. Dakar a renforcé sa coopération avec la Gambie."
    triples, _ = extract("fr", text)
    assert {("Sénégal", "cooperatesWith", "Gambie"), ("Gambie", "cooperatesWith", "Sénégal")} & triples


def test_capital_as_a_place_is_not_a_party_en(extract):
    text = "Kenya and Uganda met in Nairobi, where Uganda signed a cooperation deal with Rwanda."
    triples, _ = extract("en", text)
    assert not any(t[1] == "cooperatesWith" and "Nairobi" in (t[0], t[2]) for t in triples)
    assert not any(t[1] == "cooperatesWith" and {t[0], t[2]} == {"Kenya", "Uganda"} for t in triples)
    assert ("Uganda", "cooperatesWith", "Rwanda") in triples


def test_headline_pair_with_trigger_further_on_ar(extract):
    text = "مصر والأردن.. ضبط خلية إرهابية بتنسيق أمني\n\nأعلنت السلطات ضبط خلية."
    triples, _ = extract("ar", text)
    assert {("مصر", "cooperatesWith", "الأردن"), ("الأردن", "cooperatesWith", "مصر")} & triples


def test_agree_dual_verb_ar(extract):
    triples, _ = extract("ar", "العراق والكويت تتفقان على تأمين الحدود")
    assert {("العراق", "cooperatesWith", "الكويت"), ("الكويت", "cooperatesWith", "العراق")} & triples


def test_shared_reaction_verb_is_not_cooperation_en(extract):
    triples, _ = extract("en", "The European Union and the Arab League welcomed the agreement between Sudan and Chad.")
    assert not any(t[1] == "cooperatesWith" and {t[0], t[2]} == {"European Union", "Arab League"} for t in triples)
    assert {("Sudan", "cooperatesWith", "Chad"), ("Chad", "cooperatesWith", "Sudan")} & triples


# --- flows: the recipient comes first -------------------------------------------------------

def test_recipient_first_training_fr(extract):
    text = "La police nigérienne bénéficiera de sessions de formation dispensées par la gendarmerie française."
    triples, _ = extract("fr", text, [("La police nigérienne", AGENCY), ("la gendarmerie française", AGENCY)])
    assert ("la gendarmerie française", "providesTrainingTo", "La police nigérienne") in triples
    assert ("La police nigérienne", "providesTrainingTo", "la gendarmerie française") not in triples


def test_recipient_first_training_en(extract):
    text = "The Tunisian Navy received training from the Spanish Navy last year."
    triples, _ = extract("en", text, [("The Tunisian Navy", AGENCY), ("the Spanish Navy", AGENCY)])
    assert ("the Spanish Navy", "providesTrainingTo", "The Tunisian Navy") in triples


def test_recipient_first_training_ar(extract):
    text = "وتم الاتفاق على استفادة عناصر من الشرطة الليبية من دورات تدريبية تشرف عليها الشرطة الإيطالية."
    triples, _ = extract("ar", text, [("الشرطة الليبية", AGENCY), ("الشرطة الإيطالية", AGENCY)])
    assert ("الشرطة الإيطالية", "providesTrainingTo", "الشرطة الليبية") in triples


# --- involvedIn: participants named in the sentences after the event ----------------------------

def test_participants_in_a_later_sentence_en(extract):
    text = ("Operation Blue Harbour targeted arms smugglers in the Aegean. "
            "Frontex and Europol took part, along with the Hellenic Coast Guard.")
    triples, _ = extract("en", text, [("Operation Blue Harbour", EVENT), ("Hellenic Coast Guard", AGENCY)])
    assert ("Frontex", "involvedIn", "Operation Blue Harbour") in triples
    assert ("Europol", "involvedIn", "Operation Blue Harbour") in triples


def test_investigators_of_an_attack_fr(extract):
    text = "L'attentat de Sousse a fait douze morts. Le parquet national antiterroriste a ouvert une enquête."
    triples, _ = extract("fr", text, [("L'attentat de Sousse", EVENT), ("parquet national antiterroriste", AGENCY)])
    assert ("parquet national antiterroriste", "involvedIn", "L'attentat de Sousse") in triples


def test_participation_alone_gives_no_place(extract):
    text = "Operation Blue Harbour targeted arms smugglers. Frontex took part from its office in Warsaw."
    triples, _ = extract("en", text, [("Operation Blue Harbour", EVENT)])
    assert not any(t[1] == "occurredIn" and t[2] == "Warsaw" for t in triples)
    assert ("Frontex", "involvedIn", "Operation Blue Harbour") in triples


# --- locatedIn by apposition ----------------------------------------------------------------

def test_city_capital_of_country_apposition_fr(extract):
    triples, _ = extract("fr", "Le sommet s'est tenu à Niamey, capitale du Niger, en présence des ministres.")
    assert ("Niamey", "locatedIn", "Niger") in triples


def test_city_in_southern_country_en(extract):
    triples, _ = extract("en", "Police arrested the suspects in Sfax, in southern Tunisia, on Friday.")
    assert ("Sfax", "locatedIn", "Tunisia") in triples


def test_demonym_capital_city_en(extract):
    triples, _ = extract("en", "Egypt hosted the talks. Delegates met in the Egyptian capital Cairo.")
    assert ("Cairo", "locatedIn", "Egypt") in triples


# --- evidence ---------------------------------------------------------------------

def test_evidence_is_the_line_that_states_the_fact_not_the_headline(extract):
    # No full stop after the headline or the byline: the sentence splitter runs them into
    # the first sentence; the evidence keeps the statement's own line.
    text = ("Sécurité : Rabat et Madrid main dans la main\nPar la rédaction\n"
            "Le Maroc et l'Espagne ont signé un accord de coopération sécuritaire.")
    triples, rels = extract("fr", text)
    assert ("Maroc", "cooperatesWith", "Espagne") in triples
    [coop] = [r for r in rels if r.type == "cooperatesWith" and r.evidence[0].text.startswith("Le Maroc")]
    [ev] = coop.evidence
    assert ev.text == "Le Maroc et l'Espagne ont signé un accord de coopération sécuritaire."
    assert text[ev.start:ev.end] == ev.text


def test_arabic_evidence_leaves_the_headline_out(extract):
    # (a fact whose trigger is in the headline keeps both lines: "المغرب وإسبانيا.. شراكة أمنية")
    text = "أخبار اليوم\nالرباط - وكالات\nوقع المغرب وإسبانيا اتفاقية للتعاون في مكافحة الإرهاب."
    _, rels = extract("ar", text)
    texts = [ev.text for r in rels if r.type == "cooperatesWith" for ev in r.evidence]
    assert texts == ["وقع المغرب وإسبانيا اتفاقية للتعاون في مكافحة الإرهاب."]
