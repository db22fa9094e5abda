from pipeline.nlp import get_nlp


def heads(lang, text):
    doc = get_nlp(lang)(text)
    return {s.text: (s.label_, s.kb_id_) for s in doc.spans["heads"]}


def test_arabic_agency_with_lam_complement():
    found = heads("ar", "أعلنت المديرية العامة للأمن الوطني عن توقيف")
    assert found == {"المديرية العامة للأمن الوطني": ("GovernmentAgency", "")}


def test_arabic_generic_ministry_bound_to_demonym_country():
    found = heads("ar", "وقالت وزارة الداخلية الفرنسية إن")
    assert found["وزارة الداخلية الفرنسية"] == ("GovernmentAgency", "country/FR")


def test_arabic_head_needing_a_country_alone_is_not_an_entity():
    assert heads("ar", "وقالت الحكومة إن الشرطة تحقق") == {}
    assert heads("ar", "وقالت الحكومة الفرنسية إن")["الحكومة الفرنسية"][0] == "GovernmentAgency"


def test_arabic_newspaper_takes_its_quoted_name():
    found = heads("ar", "وذكرت صحيفة «لوموند» أن")
    assert found == {"لوموند": ("Organization", "")}


def test_french_ministry_with_demonym_and_complement():
    found = heads("fr", "Le ministère espagnol de l’Intérieur a confirmé.")
    assert found["ministère espagnol de l’Intérieur"] == ("GovernmentAgency", "country/ES")


def test_french_lowercase_generic_head_is_not_a_name():
    assert heads("fr", "Les services de sécurité ont réagi.") == {}


def test_english_capitalized_words_before_head_and_demonym():
    found = heads("en", "Troops of the Egyptian armed forces met the Kenyan Coast Guard.")
    assert found["Egyptian armed forces"][0] == "GovernmentAgency"
    assert found["Kenyan Coast Guard"] == ("GovernmentAgency", "country/KE")


def test_english_head_that_only_modifies_a_noun():
    assert "U.S. service" not in heads("en", "Over 200 U.S. service members arrived.")


# -- places named by a facility or region head ------------------------------------------------

def test_arabic_facility_head_takes_an_unquoted_name_closed_by_an_adjective():
    found = heads("ar", "وصلت الوحدات إلى قاعدة أم جرس الجوية أمس")
    assert found["قاعدة أم جرس الجوية"][0] == "Location"


def test_arabic_crossing_name_stops_at_a_conjunction_and_a_nisba_adjective():
    found = heads("ar", "أعيد فتح معبر وادي سالم وتسيير الدوريات عبر معبر حدودي آخر")
    assert "معبر وادي سالم" in found
    assert not any(k.startswith("معبر حدودي") for k in found)


def test_arabic_common_noun_heads_need_a_closing_adjective_or_a_place():
    assert heads("ar", "أنشأت الوزارة قاعدة بيانات جديدة") == {}
    assert heads("ar", "زار الوزير إقليم مراكش")["إقليم مراكش"][0] == "Location"


def test_arabic_construct_chain_after_the_head_and_a_council_with_demonym():
    found = heads("ar", "وأكد جهاز خفر السواحل التونسي وقال المجلس الأعلى الجزائري إن")
    assert found["جهاز خفر السواحل التونسي"][0] == "GovernmentAgency"
    assert found["المجلس الأعلى الجزائري"][0] == "GovernmentAgency"


def test_general_staff_names_itself_in_arabic_and_a_joint_staff_yields_to_the_armed_forces():
    # corpus/train's Arabic gold names a general staff; a joint staff, and in French a staff,
    # yields to the armies inside it
    found = heads("ar", "قال رئيس هيئة الأركان العامة للقوات المسلحة الأردنية إن")
    assert found["هيئة الأركان العامة للقوات المسلحة الأردنية"][0] == "GovernmentAgency"
    found = heads("ar", "قال رئيس هيئة الأركان المشتركة للقوات المسلحة الأردنية إن")
    assert not any(k.startswith("هيئة الأركان") for k in found)
    found = heads("fr", "Le chef d'état-major général des armées mauritaniennes a dit")
    assert not any(k.startswith("état") for k in found)


def test_french_region_and_naval_centre_are_places():
    found = heads("fr", "Les patrouilles dans la région de Tombouctou partent du centre naval de Bizerte.")
    assert found["région de Tombouctou"][0] == "Location"
    assert found["centre naval de Bizerte"][0] == "Location"


def test_french_court_and_school_closed_by_a_city():
    found = heads("fr", "Le tribunal de première instance de Sfax et l'École nationale de police de Bamako.")
    assert found["tribunal de première instance de Sfax"][0] == "GovernmentAgency"
    assert found["École nationale de police de Bamako"][0] == "GovernmentAgency"


def test_french_body_of_an_international_organization_is_one():
    found = heads("fr", "Le Collège de défense de l'Union africaine forme des officiers.")
    assert found["Collège de défense de l'Union africaine"][0] == "InternationalOrganization"


def test_french_multiword_head_with_adjective_and_office_with_contre():
    found = heads("fr", "Le pôle judiciaire financier et l'Office de lutte contre le trafic de drogue enquêtent.")
    assert "pôle judiciaire financier" in found
    assert found["Office de lutte contre le trafic de drogue"][0] == "GovernmentAgency"


def test_french_descriptive_head_with_only_a_demonym_is_generic():
    assert heads("fr", "a annoncé l'agence européenne de police.") == {}
    assert heads("fr", "La police marocaine a arrêté deux suspects.")["police marocaine"][0] == "GovernmentAgency"


def test_french_staff_yields_to_the_nested_armed_forces():
    found = heads("fr", "le chef d'état-major général des armées maliennes a salué")
    assert "armées maliennes" in found and not any(k.startswith("état-major") for k in found)


def test_english_descriptive_heads_with_only_a_demonym_are_generic():
    assert heads("en", "Critics condemned cooperation with Syrian forces and the Syrian agency.") == {}


def test_english_place_heads():
    found = heads("en", "Fans gathered near Place Rogier before the match at the Stade Roi Stadium in northern Africa.")
    assert found["Place Rogier"][0] == "Location"
    assert found["northern Africa"][0] == "Location"


def test_english_federal_prosecutors_office():
    found = heads("en", "The suspect was named by the federal prosecutor's office on Monday.")
    assert found["federal prosecutor's office"][0] == "GovernmentAgency"


def test_arabic_lam_complement_with_a_coordinated_field():
    found = heads("ar", "وذكرت الإدارة العامة للعلاقات والإعلام الأمني أن")
    assert "الإدارة العامة للعلاقات والإعلام الأمني" in found
    found = heads("ar", "بالتنسيق بين المديرية العامة للأمن الوطني والشرطة الإسبانية")
    assert "المديرية العامة للأمن الوطني" in found and "الشرطة الإسبانية" in found
    found = heads("ar", "بين المديرية العامة للأمن الوطني والسلطات الإسبانية")
    assert list(found) == ["المديرية العامة للأمن الوطني"]


def test_arabic_school_of_the_security_forces_is_a_state_body():
    found = heads("ar", "يتلقون تدريبا في كلية الملك فهد الأمنية بالرياض")
    assert found["كلية الملك فهد الأمنية"][0] == "GovernmentAgency"
    assert heads("ar", "أصدر معهد الدراسات الأمنية تقريرا") == {}
    assert heads("ar", "فرضت سيطرة كلية على الأجهزة الأمنية") == {}


def test_arabic_wadi_name_closed_by_compass_word_or_glued_preposition():
    found = heads("ar", "في وادي حوران غربي محافظة الأنبار")
    assert found["وادي حوران"][0] == "Location"
    assert "وادي حوران" in heads("ar", "إنزال جوي في وادي حوران بإسناد من التحالف")


def test_arabic_cabinet_and_public_security_after_a_leader_word():
    assert heads("ar", "بتوجيهات من النائب الأول لرئيس مجلس الوزراء الشيخ")["مجلس الوزراء"][0] == "GovernmentAgency"
    assert heads("ar", "وافق مجلس الوزراء العراقي على")["مجلس الوزراء العراقي"] == ("GovernmentAgency", "country/IQ")
    assert "الأمن العام" in heads("ar", "وقال رئيس الأمن العام، اللواء سامي الكواري، إن")
    assert heads("ar", "أي إخلال بالأمن العام") == {}


def test_arabic_pronoun_suffixed_noun_opens_no_complement():
    found = heads("ar", "استقبل المدير العام للأمن الوطني نظيره الإسباني")
    assert not any("نظيره" in text for text in found)


def test_arabic_body_name_stops_before_a_persons_link_word():
    # "عبد اللطيف" opens the name of the person after the body, not a construct of its name.
    doc = get_nlp("ar")("التقى المدير العام السابق للأمن الوطني عبد اللطيف حموشي بنظيره الإسباني.")
    assert not any("عبد" in s.text for s in doc.spans["heads"])
    assert "عبد اللطيف حموشي" in [s.text for s in doc.spans["patterns"]]


def test_arabic_national_agencies_councils_and_prosecutors():
    assert heads("ar", "وقالت الوكالة الوطنية للموانئ إن") == {
        "الوكالة الوطنية للموانئ": ("GovernmentAgency", "")}
    assert heads("ar", "وأعلنت النيابة الفيدرالية السويسرية أن")["النيابة الفيدرالية السويسرية"][0] == "GovernmentAgency"
    assert heads("ar", "وصادق مجلس النواب على القانون") == {"مجلس النواب": ("GovernmentAgency", "")}
    assert "جيش بوركينا فاسو" in heads("ar", "وقال جيش بوركينا فاسو إن")
    # a bare prosecution or army names no state: no body
    assert heads("ar", "وأحالت النيابة الملف إلى القضاء") == {}


def test_arabic_construct_head_closed_by_a_city():
    assert heads("ar", "وأعلنت مديرية أمن أنقرة أن") == {"مديرية أمن أنقرة": ("GovernmentAgency", "")}


def test_arabic_chain_after_a_definite_head_opens_only_with_lam():
    # a verbal noun after النيابة العامة starts the clause; لمكافحة continues the name
    assert heads("ar", "وقررت النيابة العامة حفظ الملف") == {}
    assert "الإدارة العامة لحماية المستهلك" in heads("ar", "وأعلنت الإدارة العامة لحماية المستهلك أن")


def test_arabic_facility_with_a_definite_name():
    assert heads("ar", "نُقل اللاجئون إلى مخيم الزعتري شمال الأردن") == {"مخيم الزعتري": ("Location", "")}
    # a bare head with an adjective names nothing
    assert heads("ar", "وصل الوفد إلى المطار الدولي في الصباح") == {}


def test_arabic_place_head_after_a_glued_preposition():
    # بمطار: the clitic splitter takes ب off a place head, so the name starts at the head
    doc = get_nlp("ar")("هبطت الطائرة بمطار هيثرو الدولي مساء أمس")
    assert [t.text for t in doc][2:4] == ["ب", "مطار"]
    assert heads("ar", "هبطت الطائرة بمطار هيثرو الدولي مساء أمس") == {"مطار هيثرو الدولي": ("Location", "")}


def test_english_fleets_councils_and_centres_of_a_state_are_agencies():
    found = heads("en", "The U.S. Seventh Fleet said the Supreme National Defence Council met after the "
                        "Australian Cyber Security Centre warned.")
    assert found["U.S. Seventh Fleet"][0] == "GovernmentAgency"
    assert found["Supreme National Defence Council"][0] == "GovernmentAgency"
    assert found["Australian Cyber Security Centre"][0] == "GovernmentAgency"


def test_english_parks_and_halls_are_places_and_french_forces_need_a_capital():
    assert heads("en", "Rangers patrol Pendjari National Park.") == {"Pendjari National Park": ("Location", "")}
    assert heads("fr", "Les forces françaises sont arrivées.") == {}  # a description
    assert heads("fr", "Les Forces françaises au Sahel ont quitté Gao.")["Forces françaises"][0] == "GovernmentAgency"


def test_arabic_platforms_groups_and_networks_take_their_quoted_name():
    found = heads("ar", 'ونشر الرئيس تدوينة على منصة «إكس»، فيما فككت الشرطة شبكة "إموتيت" للبرمجيات الخبيثة.')
    assert found == {"إكس": ("Organization", ""), "إموتيت": ("Organization", "")}
    # ل glued to the head is taken off by the clitic splitter: لفرقة "X" still names X
    assert heads("ar", 'قبيل حفل لفرقة "كولدبلاي" البريطانية') == {"كولدبلاي": ("Organization", "")}
    # without quotes a group is no name
    assert heads("ar", "واعتقلت الشرطة مجموعة من المشتبه فيهم") == {}


def test_arabic_region_head_written_before_a_name_the_place_goes_by_alone():
    found = heads("ar", "قتل جنود في منطقة كازامانس الحدودية أمس.")
    assert found == {"كازامانس": ("Location", "")}
    doc = get_nlp("ar")("قتل جنود في منطقة كازامانس الحدودية أمس.")
    assert doc.spans["heads"][0]._.head_name.alias == "منطقة كازامانس الحدودية"


def test_arabic_region_head_before_a_lexicon_city_leaves_the_city():
    assert heads("ar", "وقع الحادث في ولاية سرت شرق البلاد.") == {}
    doc = get_nlp("ar")("وقع الحادث في ولاية سرت شرق البلاد.")
    assert [(s.text, s.label_) for s in doc.spans["lexicon"]] == [("سرت", "City")]
    # a region of the gazetteer named like its seat is the region with its head (regions.yaml)
    doc = get_nlp("ar")("وقع الحادث في ولاية تبسة شرق البلاد.")
    assert [(s.text, s.label_, s.kb_id_) for s in doc.spans["lexicon"]] == [("ولاية تبسة", "Location", "location/dz-tebessa")]


def test_arabic_region_head_before_a_lexicon_region_leaves_the_lexicon_place():
    doc = get_nlp("ar")("نفذت القوات عملية في إقليم شبيلي السفلى بدعم من الشركاء.")
    assert heads("ar", doc.text) == {}
    assert [(s.text, s.label_) for s in doc.spans["lexicon"]] == [("شبيلي السفلى", "Location")]


def test_arabic_province_head_before_an_unknown_name_names_it_alone():
    doc = get_nlp("ar")("وقعت الهجمات في إقليم بولكيمدي شمال بوركينا فاسو.")
    [span] = [s for s in doc.spans["heads"] if s.label_ == "Location"]
    assert (span.text, span._.head_name.alias) == ("بولكيمدي", "إقليم بولكيمدي")


def test_arabic_body_name_stops_before_a_civil_title():
    # "الدكتور" / "السيد" open the name of the minister after the body, as ranks do.
    assert heads("ar", "وقال وزير الداخلية في وزارة الداخلية الدكتور أحمد زكي") == {
        "وزارة الداخلية": ("GovernmentAgency", "")}
    assert "وزارة الخارجية" in heads("ar", "وأكدت وزارة الخارجية السيدة ماري")


def test_arabic_body_name_stops_before_affiliation_and_purpose_words():
    assert "مديرية المخابرات العسكرية" in heads("ar", "وقالت مديرية المخابرات العسكرية التابعة لوزارة الدفاع")
    assert "المكتب المركزي للأبحاث القضائية" in heads("ar", "ثم أحيل إلى المكتب المركزي للأبحاث القضائية للاطلاع على الملف")
    # after a definite head, ل + a verbal noun of purpose opens a clause, not the body's complement
    assert heads("ar", "وأحالت الشرطة الملف إلى النيابة العامة لاتخاذ الإجراءات") == {}
    assert "المديرية العامة لمكافحة المخدرات" in heads("ar", "وأعلنت المديرية العامة لمكافحة المخدرات")


def test_arabic_construct_chain_coordinates_a_second_field():
    assert "وزارة الهجرة واللجوء" in heads("ar", "وأعلنت وزارة الهجرة واللجوء أمس")
    # another body after و stays a body of its own
    found = heads("ar", "وتعاونت وزارة الدفاع والقوات المسلحة المصرية")
    assert "وزارة الدفاع" in found and "القوات المسلحة المصرية" in found


def test_arabic_prosecution_embassy_and_fleet_heads():
    # (Egypt's نيابة أمن الدولة العليا is a lexicon body since agency7: its own name, not the head's)
    doc = get_nlp("ar")("وأحيل المتهمون إلى نيابة أمن الدولة العليا")
    assert "نيابة أمن الدولة العليا" in {s.text for s in doc.spans["lexicon"]}
    assert heads("ar", "وقالت السفارة الفرنسية إن")["السفارة الفرنسية"][0] == "GovernmentAgency"
    assert heads("ar", "وقالت السفارة إن") == {}  # an embassy of no named state
    assert "الأسطول السادس" in heads("ar", "ورست سفن الأسطول السادس في الميناء")


def test_arabic_bare_bodies_keep_their_complement():
    assert "القيادة العامة" in heads("ar", "وقالت القيادة العامة إن")
    assert "القيادة العامة للقوات المسلحة الملكية" in heads("ar", "وأعلنت القيادة العامة للقوات المسلحة الملكية")
    assert "رئاسة الجمهورية" in heads("ar", "وأعلنت رئاسة الجمهورية أن")


def test_english_embassy_and_general_staff_are_state_bodies():
    assert heads("en", "He visited the German Embassy on Monday.")["German Embassy"][0] == "GovernmentAgency"
    assert heads("en", "The chief of the Egyptian General Staff arrived.")["Egyptian General Staff"][0] == "GovernmentAgency"


def test_english_of_complement_never_ends_on_the_article():
    # the armed forces after "of the" are a lexicon name of their own: the head keeps no "of the"
    found = heads("en", "The General Staff of the French Armed Forces said")
    assert not any(text.endswith(("of", "the")) for text in found)


def test_french_two_bodies_joined_by_et_after_a_demonym():
    found = heads("fr", "avec le concours de la police italienne et de la police espagnole.")
    assert "police italienne" in found and "police espagnole" in found
    # without a demonym closing the first, "et des" still continues one ministry's name
    assert "ministère français de l'Europe et des Affaires étrangères" in heads(
        "fr", "selon le ministère français de l'Europe et des Affaires étrangères")


# -- staffs, seats and federal levels (issue 14) ----------------------------------

def test_arabic_general_staff_is_a_body_of_its_own():
    found = heads("ar", "وأعلنت رئاسة الأركان العامة للجيش الجزائري أن الوحدات تحركت.")
    assert found["رئاسة الأركان العامة للجيش الجزائري"] == ("GovernmentAgency", "country/DZ")
    assert "الأركان العامة للقوات المسلحة المغربية" in heads("ar", "وقالت الأركان العامة للقوات المسلحة المغربية إن")
    # a bare أركان ("pillars", "staff of") opens no name
    assert heads("ar", "وأكد أن أركان الدولة ثابتة") == {}


def test_arabic_head_needing_a_country_takes_it_from_its_seat():
    doc = get_nlp("ar")("وقضت المحكمة العليا في إسبانيا بسجن المتهمين.")
    [span] = doc.spans["heads"]
    assert (span.text, span.label_, span.kb_id_) == ("المحكمة العليا", "GovernmentAgency", "country/ES")
    assert span._.head_name.alias == "المحكمة العليا في إسبانيا"
    # a court's city seat is enough; a government's is not
    assert "المحكمة الابتدائية" in heads("ar", "وأحالت الشرطة الملف إلى المحكمة الابتدائية في مراكش.")
    assert heads("ar", "وقالت الحكومة الجديدة في مراكش إن") == {}


def test_arabic_federal_government_needs_no_country():
    assert heads("ar", "وأعلنت الحكومة الفيدرالية أمس") == {"الحكومة الفيدرالية": ("GovernmentAgency", "")}
    assert heads("ar", "وأعلنت الحكومة الجديدة أمس") == {}


def test_arabic_body_needs_a_state_adjective_not_a_plural_of_persons_or_a_continent():
    # the people: officers of the Libyan navy, African police chiefs; a continent is no state
    assert heads("ar", "تدريب ضباط البحرية الليبيين على متن السفينة") == {}
    assert heads("ar", "اجتمع قادة الشرطة الأفارقة في أبوجا") == {}
    assert heads("ar", "تعزيز التعاون بين أجهزة الشرطة الإفريقية") == {}
    found = heads("ar", "أعلنت البحرية الليبية أن الشرطة النيجيرية أوقفت المهربين")
    assert found["البحرية الليبية"] == ("GovernmentAgency", "country/LY")
    assert found["الشرطة النيجيرية"] == ("GovernmentAgency", "country/NG")


def test_arabic_prosecution_at_a_court_is_one_body_with_the_court_and_its_seat():
    doc = get_nlp("ar")("وأحيل المشتبه به على النيابة العامة لدى المحكمة الابتدائية بالدار البيضاء.")
    found = {s.text: s for s in doc.spans["heads"]}
    body = found["النيابة العامة لدى المحكمة الابتدائية"]
    assert body.label_ == "GovernmentAgency"
    assert body._.head_name.alias == "النيابة العامة لدى المحكمة الابتدائية بالدار البيضاء"
    assert "المحكمة الابتدائية" not in found  # not a body of its own inside the prosecution's name
    assert heads("ar", "وقررت النيابة العامة حفظ الملف") == {}


def test_arabic_second_field_joins_the_body_before_its_demonym():
    found = heads("ar", "وقالت وزارة الهجرة واللجوء الإيطالية إن جهاز المخابرات والأمن، في بيانه، رحب")
    assert found["وزارة الهجرة واللجوء الإيطالية"] == ("GovernmentAgency", "country/IT")
    assert "جهاز المخابرات والأمن" in found
    # a head noun after و opens a body of its own, demonym or not
    found = heads("ar", "نسقت المديرية العامة للأمن الوطني والمخابرات المغربية العملية")
    assert set(found) == {"المديرية العامة للأمن الوطني", "المخابرات المغربية"}


def test_english_city_before_a_seat_head_names_its_body():
    doc = get_nlp("en")("Hamburg police said the Lyon prosecutor's office had opened a case.")
    found = {s.text: s for s in doc.spans["heads"]}
    # the city stays a name of its own; the phrase with it is the body's alias
    assert found["police"].label_ == "GovernmentAgency" and found["police"]._.head_name.alias == "Hamburg police"
    assert found["prosecutor's office"]._.head_name.alias == "Lyon prosecutor's office"
    # a city's police as a modifier of a person or a noun: no body
    assert heads("en", "Hamburg police officers met the Lyon police chief.") == {}


def test_english_hyphenated_capitalized_word_opens_the_name():
    found = heads("en", "The Counter-Terrorism Department of Sindh and the Anti-Narcotics Force of Pakistan met.")
    assert "Counter-Terrorism Department of Sindh" in found
    assert "Anti-Narcotics Force of Pakistan" in found


def test_english_possessive_country_names_the_state_of_a_lowercase_body():
    found = heads("en", "Algeria's foreign ministry said Nigeria's army and Tunisia's parliament agreed.")
    # the body starts after the possessive: the country is left to the lexicon, a name of its own
    assert found["foreign ministry"] == ("GovernmentAgency", "country/DZ")
    assert found["army"] == ("GovernmentAgency", "country/NG")
    assert found["parliament"] == ("GovernmentAgency", "country/TN")
    assert not any("'s" in name for name in found)
    # descriptions stay out: a government, forces, and a possessive that is no country
    assert heads("en", "Chad's government and Niger's forces met the company's army of lawyers.") == {}


def test_french_seat_after_a_common_noun_and_de_still_names_the_body():
    found = heads("fr", "La section économique du parquet de Lyon a ouvert une enquête.")
    assert found["parquet de Lyon"][0] == "GovernmentAgency"
    # the head is another name's complement after a head or a capitalized name: no body of its own
    assert "police de Lyon" not in heads("fr", "Il sort de l'école de police de Lyon.")


def test_french_lowercase_direction_yields_to_the_body_it_governs():
    found = heads("fr", "Les patrouilles opèrent sous la direction de la Gendarmerie nationale ivoirienne.")
    assert set(found) == {"Gendarmerie nationale ivoirienne"}
    # capitalized, the directorate of a lexicon body is a body whose name holds it
    found = heads("fr", "selon la Direction générale de la Garde nationale, les migrants ont été secourus.")
    assert found["Direction générale de la Garde nationale"][0] == "GovernmentAgency"


def test_french_body_after_its_demonym_ends_before_a_place_but_not_a_continent():
    found = heads("fr", "le retrait de l'armée israélienne du Liban-Sud et la Garde civile espagnole sur la Costa del Sol")
    assert found["armée israélienne"] == ("GovernmentAgency", "country/IL")
    assert found["Garde civile espagnole"] == ("GovernmentAgency", "country/ES")
    found = heads("fr", "le ministère français de l'Europe et des Affaires étrangères")
    assert "ministère français de l'Europe et des Affaires étrangères" in found


def test_arabic_tunisian_customs_need_their_state():
    assert heads("ar", "أعلنت الديوانة التونسية حجز كميات من المخدرات")["الديوانة التونسية"] == (
        "GovernmentAgency", "country/TN")
    assert heads("ar", "وقالت مصادر من الديوانة إن الشحنة وصلت") == {}


def test_french_parliaments_and_army_branches():
    found = heads("fr", "Le Sénat et le Parlement marocain ont salué l'armée de Terre et l'armée de l'Air et de l'Espace.")
    assert found["Sénat"][0] == "GovernmentAgency"
    assert found["Parlement marocain"] == ("GovernmentAgency", "country/MA")
    assert {"armée de Terre", "armée de l'Air et de l'Espace"} <= set(found)
    # a continent's adjective names no state's parliament (the lexicon's IO body stands)
    assert "Parlement européen" not in heads("fr", "le Parlement européen a voté")


def test_french_national_body_has_its_form_without_the_level_adjective_as_alias():
    doc = get_nlp("fr")("La Gendarmerie nationale ivoirienne a arrêté deux passeurs.")
    found = {s.text: s for s in doc.spans["heads"]}
    assert found["Gendarmerie nationale ivoirienne"]._.head_name.alias == "Gendarmerie ivoirienne"
    doc = get_nlp("fr")("La Gendarmerie nationale a arrêté deux passeurs.")
    assert all(s._.head_name.alias is None for s in doc.spans["heads"])


def test_french_navy_by_demonym_and_national_assembly():
    found = heads("fr", "un navire de la marine militaire italienne et la commission des forces armées de l'Assemblée nationale")
    assert found["marine militaire italienne"] == ("GovernmentAgency", "country/IT")
    assert found["Assemblée nationale"][0] == "GovernmentAgency"
    assert not any("forces armées" in name for name in found)
    assert heads("fr", "la marine marchande reprend la mer") == {}


def test_french_seat_city_and_level_adjective_name_a_body():
    found = heads("fr", "Le parquet de Lyon et la police fédérale ont saisi le parquet fédéral.")
    assert {"parquet de Lyon", "police fédérale", "parquet fédéral"} <= set(found)
    assert all(v[0] == "GovernmentAgency" for v in found.values())
    assert "gendarmerie nationale" in heads("fr", "Les militaires de la gendarmerie nationale sont intervenus.")
    # a plain head with a lowercase complement is no name, nor a head inside another name's complement
    assert heads("fr", "La police de proximité est intervenue.") == {}
    found = heads("fr", "Les stagiaires de l'Institut royal de police de Kénitra sont arrivés.")
    assert not any(k.startswith("police") for k in found)


def test_french_island_goes_by_its_name_alone():
    doc = get_nlp("fr")("Les secours ont débarqué sur l'île italienne de Lampedusa puis sur l'île de Pantelleria.")
    found = {s.text: (s.label_, s._.head_name.alias) for s in doc.spans["heads"]}
    # a lexicon island stands as the lexicon names it; another island's name alone, the phrase an alias
    assert found == {"Pantelleria": ("Location", "île de Pantelleria")}
    assert ("Lampedusa", "location/lampedusa") in [(s.text, s.kb_id_) for s in doc.spans["lexicon"]]


def test_arabic_town_goes_by_its_name_after_its_head():
    # بلدة، مدينة، قرية، بلدية + an unknown name: the town alone, a City; the head outside it
    found = heads("ar", "أوقفت الشرطة المشتبه به في بلدة أوبرستدورف الألمانية.")
    assert found == {"أوبرستدورف": ("City", "")}
    assert heads("ar", "ووقع الحادث قرب مدينة فيلاخ النمساوية.") == {"فيلاخ": ("City", "")}
    # a lexicon city after the head stands as the lexicon's, no second name
    assert heads("ar", "اجتمع الوفدان في مدينة طنجة.") == {}


def test_arabic_town_head_keeps_a_final_ya_in_the_name_but_not_an_adjective():
    # بلدة is feminine: its adjectives end in ية, so كوسوفسكا ميتروفيتشي keeps its last word
    found = heads("ar", "وصلت الدورية إلى بلدة كوسوفسكا ميتروفيتشي شمال البلاد.")
    assert found == {"كوسوفسكا ميتروفيتشي": ("City", "")}
    # an adjective is no town: بلدة صغيرة، قرية نائية، بلدة حدودية
    assert heads("ar", "اختبأ في بلدة صغيرة ثم في قرية نائية قرب بلدة حدودية.") == {}


def test_arabic_masculine_place_head_keeps_a_foreign_name_in_ya_but_not_a_listed_adjective():
    # مطار and ملعب are masculine: a foreign name's final ي is no nisba adjective
    assert heads("ar", "أقيمت المباراة النهائية في ملعب لوجنيكي.") == {"ملعب لوجنيكي": ("Location", "")}
    assert heads("ar", "هبطت الطائرة في مطار شانغي.") == {"مطار شانغي": ("Location", "")}
    # a listed adjective ends the name, and alone it is none: مطار عسكري، معبر حدودي، قصر رئاسي
    assert heads("ar", "هبطت في مطار عسكري ثم عبرت معبر حدودي قرب قصر رئاسي.") == {}


def test_arabic_town_head_alias_is_the_phrase_with_its_head():
    doc = get_nlp("ar")("هاجم مسلحون بلدة تيغنتورين فجر الأحد.")
    (span,) = doc.spans["heads"]
    assert span.text == "تيغنتورين" and span._.head_name.alias == "بلدة تيغنتورين"


def test_english_province_of_a_city_named_like_it_and_a_nigerian_state():
    found = heads("en", "Police raided farms in the province of Badajoz and in Kano State.")
    assert found["province of Badajoz"][0] == "Location"
    # a province or state of the gazetteer is its lexicon name (regions.yaml)
    doc = get_nlp("en")("Police raided farms in the province of Jaén and in Kano State.")
    assert {s.text: s.kb_id_ for s in doc.spans["lexicon"]} == {"province of Jaén": "location/es-jaen", "Kano State": "location/ng-kano"}
    # without the head the city stands: no heads span
    assert heads("en", "The bus left Jaén for Cuenca.") == {}


def test_french_canton_is_a_region_head():
    assert heads("fr", "Deux hommes domiciliés dans le canton de Berne ont été arrêtés.")["canton de Berne"][0] == "Location"


def test_english_compass_adjective_makes_a_place_of_a_continent_only():
    assert heads("en", "Ferries run between Tangier and southern Europe.")["southern Europe"][0] == "Location"
    # the central Sahel, the southern Red Sea: the region and the sea themselves
    assert heads("en", "The insurgency in the central Sahel and attacks in the southern Red Sea grew.") == {}


def test_english_capitalized_facility_head_after_a_city_names_the_facility():
    found = heads("en", "The delegation landed at Marseille Airport and drove to Topkapi Palace.")
    assert found["Marseille Airport"][0] == "Location"
    # a city before a lowercase word is still the city alone
    assert heads("en", "Flights from Marseille resumed.") == {}


def test_french_place_named_right_after_its_head():
    found = heads("fr", "Les manifestants ont occupé la place Bellecour avant de rejoindre l'hôpital Cochin.")
    assert found["place Bellecour"][0] == "Location" and found["hôpital Cochin"][0] == "Location"
    # the name stops before a complement: the city after "de" is a name of its own
    found = heads("fr", "Les soldats ont quitté le camp Kosseï de N'Djamena.")
    assert "camp Kosseï" in found and "N'Djamena" not in " ".join(found)
    # a lowercase word after the head is no name (sur place, le quartier général)
    assert heads("fr", "Les secours étaient sur place. Le quartier général de Lyon a été touché.") == {}


def test_an_outlets_noun_with_only_a_demonym_is_no_name():
    # "the Egyptian newspaper", "le quotidien algérien" describe the outlet named next to them
    assert heads("en", "The talks failed, according to the Tunisian newspaper La Presse and officials.") == {}
    assert heads("fr", "Selon le quotidien marocain Assabah, la réunion a été reportée.") == {}
    # an outlet's own name with the noun is still one
    found = heads("en", "The Nigerian News Agency said the convoy was attacked.")
    assert found.get("Nigerian News Agency", ("",))[0] == "Organization"


def test_a_groups_noun_with_only_a_demonym_is_no_name():
    assert heads("fr", "Le groupe russe a déployé des hommes et une société turque a livré des drones.") == {}
    assert heads("en", "The Russian group deployed men and a Turkish company sold drones.") == {}
    # a capitalized name with the noun is still one
    assert heads("en", "The Islamic Movement of Uzbekistan claimed the attack.").get(
        "Islamic Movement of Uzbekistan", ("",))[0] == "Organization"


def _head_names(lang, text):
    doc = get_nlp(lang)(text)
    return {s.text: s._.head_name for s in doc.spans["heads"]}


def _directorate(text):
    """The head name after a director's title in ``text`` (its span starts at the field)."""
    return next(info for span, info in _head_names("ar", text).items() if info.key or "الامن" in info.head)


def test_a_directors_title_names_the_directorate_by_its_field():
    # (issue 14, agency7) "المدير العام لـ X": X is the directorate he heads, the lexicon's when
    # it names one, of the state its demonym gives
    assert _directorate("واستقبل الوزير المدير العام للأمن الخارجي الفرنسي برنار إيمييه في الرباط.").key == "agency/fr-dgse"
    found = _head_names("ar", "ورافقت الوزير المديرة العامة للأمن الخارجي والتوثيق إلى نواكشوط.")
    assert [info.key for text, info in found.items() if text.endswith("الخارجي والتوثيق")] == ["agency/mr-dgsed"]
    # a body that elsewhere needs its state's adjective: the title singles it out
    assert any(text.endswith("لشرطة الوطنية") for text in heads("ar", "وحضر المدير العام للشرطة الوطنية فريديريك فو الاجتماع."))
    # a name many states share stays generic, bound by its context later
    assert _directorate("وقال المدير العام للأمن الداخلي إن التعاون مثمر.").generic


def test_a_directorates_field_without_its_directors_title_is_no_body():
    assert heads("ar", "وعززت الحكومة الأمن الداخلي والأمن الخارجي للبلاد.") == {}
    assert heads("ar", "وقالت الشرطة الوطنية إن") == {}
