import pytest
from pipeline.nlp import get_nlp


def lexicon_spans(lang, text):
    doc = get_nlp(lang)(text)
    return [(s.text, s.kb_id_) for s in doc.spans["lexicon"]], [(s.text, s.kb_id_) for s in doc.spans["demonyms"]]


def test_arabic_names_through_proclitics():
    names, _ = lexicon_spans("ar", "بين المغرب وفرنسا وبالجزائر")
    ids = {kb for _, kb in names}
    assert {"country/MA", "country/FR", "country/DZ"} <= ids


def test_demonyms_go_to_their_own_span_group():
    names, demonyms = lexicon_spans("fr", "les autorités marocaines")
    assert names == []
    assert demonyms == [("marocaines", "country/MA")]


def test_lowercase_latin_word_is_not_a_name():
    names, _ = lexicon_spans("en", "a nice view of the sea")
    assert names == []


def test_short_acronym_needs_all_capitals_and_spaced_acronym_its_case():
    doc = get_nlp("fr")("Un agent a parlé à l'ONU. La mission EUTM Mali forme des soldats.")
    texts = [s.text for s in doc.spans["lexicon"]]
    assert "Un" not in texts and "EUTM Mali" in texts


def test_arabic_word_is_not_a_clitic_plus_a_place_name():
    doc = get_nlp("ar")("وشكلت لجنة أمنية مشتركة")
    assert [s.text for s in doc.spans["lexicon"]] == []


def test_collapse_keeps_the_first_index_of_a_whitespace_run():
    from pipeline.entities.lexicon_matcher import _collapse

    assert _collapse("a \n\tb c\nd", list(range(9))) == ("a b c d", [0, 1, 4, 5, 6, 7, 8])
    assert _collapse("a b", [0, 1, 2]) == ("a b", [0, 1, 2])


def test_lexicon_is_read_once():
    from pipeline.ontology_data import load_lexicon

    assert load_lexicon() is load_lexicon(None)


def test_ambiguous_capital_read_as_a_city_when_its_country_is_named():
    names, _ = lexicon_spans("ar", "أشاد البيان بسلطنة عمان. وكانت المحادثات التي احتضنتها مسقط ناجحة")
    assert ("مسقط", "city/287286") in names
    names, _ = lexicon_spans("ar", "وكانت المحادثات التي احتضنتها مسقط ناجحة")
    assert all(text != "مسقط" for text, _ in names)


def test_gulf_police_is_an_international_organization():
    names, _ = lexicon_spans("ar", "وتعمل البلاد على تعزيز تعاونها عبر جهاز الشرطة الخليجية")
    assert ("جهاز الشرطة الخليجية", "io/gccpol") in names


def test_arabic_press_variants_of_agency_and_io_names():
    names, _ = lexicon_spans("ar", "وأحالت الفرقة الوطنية للشرطة القضائية المشتبه فيهم على النيابة")
    assert ("الفرقة الوطنية للشرطة القضائية", "agency/ma-bnpj") in names
    names, _ = lexicon_spans("ar", "أعلنت قوات الأمن الداخلي اللبنانية والمفوضية السامية لشؤون اللاجئين")
    assert {"agency/lb-isf", "io/unhcr"} <= {kb for _, kb in names}


def test_a_lowercase_transliterated_article_before_a_capitalized_name():
    names, _ = lexicon_spans("en", "Fighters linked to al-Qaeda and al Shabaab attacked the base.")
    assert ("al-Qaeda", "org/al-qaeda") in names
    assert any(text == "al Shabaab" for text, _ in names)


def test_a_lowercase_article_before_a_lowercase_word_is_no_name():
    # "al jazeera" in lower case: no capital after the article, so no name.
    names, _ = lexicon_spans("en", "He said that al jazeera and al qaeda were words he had heard.")
    assert names == []


@pytest.mark.parametrize("lang, text, outlet", [
    ("ar", "وقال مسؤول أمني لوكالة \"نوفا\" الإيطالية إن التحقيق مستمر.", "org/agenzia-nova"),
    ("ar", "ذكرت وكالة الأنباء العراقية (واع) أن القوات اعتقلت ثلاثة مطلوبين.", "org/ina-iraq"),
    ("fr", "DAKAR (PANA) - Le Sénégal a annoncé lundi un nouveau plan.", "org/panapress"),
    ("en", "The group claimed the attack through the Amaq News Agency on Sunday.", "org/amaq"),
])
def test_news_outlets_quoted_in_news(lang, text, outlet):
    names, _ = lexicon_spans(lang, text)
    assert outlet in {kb for _, kb in names}


def test_a_written_hamza_the_city_name_lacks_is_no_city():
    # بأنه "that it" is not the Iranian town بانه, آب "August" not Yemen's إب, لأول "for the
    # first" not لاول (Laval); a hamza dropped from the start of a name still matches.
    doc = get_nlp("ar")("وأكد بأنه سيزور إسطنبول في شهر آب لأول مرة، ثم يتوجه إلى بانه ثم إلى اسطنبول.")
    texts = [s.text for s in doc.spans["lexicon"]]
    assert texts.count("إسطنبول") == 1 and "اسطنبول" in texts and "بانه" in texts
    assert not {"بأنه", "آب", "لأول"} & set(texts)


def test_a_place_the_lexicon_writes_with_a_lowercase_generic_first():
    names, _ = lexicon_spans("fr", "Des navires croisent en mer Rouge, près du canal de Suez et de la bande de Gaza.")
    assert ("mer Rouge", "location/red-sea") in names
    assert ("canal de Suez", "location/suez-canal") in names
    assert ("bande de Gaza", "location/gaza-strip") in names


def test_a_lowercase_generic_needs_the_capitalized_name_after_it():
    names, _ = lexicon_spans("fr", "Le bateau a pris la mer rouge de honte.")
    assert names == []


def test_a_direction_before_a_country_is_no_lowercase_place_name():
    names, _ = lexicon_spans("fr", "Des combats ont eu lieu dans le nord du Mali.")
    assert [kb for _, kb in names] == ["country/ML"]
    names, _ = lexicon_spans("en", "Clashes broke out in eastern Libya.")
    assert [kb for _, kb in names] == ["country/LY"]


@pytest.mark.parametrize("lang,text,form", [("en", "Aid convoys reached Gaza on Monday.", "Gaza"),
                                            ("fr", "Les convois d'aide sont entrés à Gaza lundi.", "Gaza"),
                                            ("ar", "وصلت قوافل المساعدات إلى غزة يوم الاثنين.", "غزة")])
def test_gaza_alone_is_the_strip(lang, text, form):
    names, _ = lexicon_spans(lang, text)
    assert (form, "location/gaza-strip") in names


def test_the_states_of_a_region_named_like_a_common_word_read_as_the_region():
    names, _ = lexicon_spans("ar", "تواجه دول الساحل تهديدات متزايدة، وتتعاون بلدان الخليج في مكافحة الإرهاب.")
    ids = [kb for _, kb in names]
    assert "location/sahel" in ids and "location/persian-gulf" in ids


def test_a_common_word_region_name_without_its_states_stays_a_word():
    names, _ = lexicon_spans("ar", "جلس الأطفال على الساحل قرب البحر.")
    assert names == []


def test_a_place_cue_does_not_read_a_common_word_as_an_organization():
    # القاعدة "the base" after في is a place, not Al-Qaeda; the group's full name still is
    doc = get_nlp("ar")("وتمركز الجنود في القاعدة قرب المطار")
    assert "org/al-qaeda" not in {s.kb_id_ for s in doc.spans["lexicon"]}
    doc = get_nlp("ar")("تبنى تنظيم القاعدة الهجوم، وقالت القاعدة إن")
    assert [s.kb_id_ for s in doc.spans["lexicon"]].count("org/al-qaeda") == 2


def test_the_general_assembly_of_another_body_is_not_the_uns():
    doc = get_nlp("ar")("افتتحت الجمعية العامة للإنتربول دورتها في مراكش")
    ids = {s.kb_id_ for s in doc.spans["lexicon"]}
    assert "io/interpol" in ids and "io/unga" not in ids
    doc = get_nlp("ar")("أمام الجمعية العامة للأمم المتحدة في نيويورك، وقالت الجمعية العامة إن")
    assert [s.kb_id_ for s in doc.spans["lexicon"]].count("io/unga") == 2


@pytest.mark.parametrize("text, outer, inner", [
    ("بعثة الأمم المتحدة للدعم في ليبيا", "io/unsmil", [("الأمم المتحدة", "io/un")]),
    ("Conseil de sécurité de l'ONU", "io/unsc", [("ONU", "io/un")]),
    ("UN Office on Drugs and Crime", "io/unodc", [("UN", "io/un")]),
    ("EU Council", "io/council-of-the-eu", [("EU", "io/eu")]),
    # a Latin full name inside a mission's name is not taken apart; Arabic names are
    ("European Union Border Assistance Mission in Libya", "io/eubam-libya", []),
    ("مفوضية الاتحاد الأفريقي", "io/au-commission", [("الاتحاد الأفريقي", "io/african-union")]),
])
def test_international_organizations_named_inside_another_name(text, outer, inner):
    from pipeline.entities.lexicon_matcher import nested_names
    hits = nested_names(text, (outer,))
    assert [(text[h.start:h.end], h.pattern.ids[0]) for h in hits] == inner


def test_nested_names_leave_out_the_outer_entry_and_armed_groups():
    from pipeline.entities.lexicon_matcher import nested_names
    assert nested_names("United Nations", ("io/un",)) == []
    # a branch's name holds its group's name, which is not annotated apart
    assert nested_names("Islamic State West Africa Province") == []


def test_a_group_named_next_to_another_group_reads_as_a_group():
    doc = get_nlp("ar")("تنشط في المنطقة جماعات مرتبطة بتنظيمي القاعدة وداعش.")
    assert "org/al-qaeda" in {s.kb_id_ for s in doc.spans["lexicon"]}


def test_arabic_demonym_whose_hamza_reads_like_an_article_takes_the_article():
    # ألمانية normalizes to المانيه, which only looks definite: الألمانية is still its definite form
    _, demonyms = lexicon_spans("ar", "وقالت الشرطة الألمانية إن الحكومة الألبانية تعاونت")
    assert demonyms == [("الألمانية", "country/DE"), ("الألبانية", "country/AL")]


@pytest.mark.parametrize("lang,text,name,key", [
    ("ar", "وذكرت وكالة نواكشوط للأنباء أن الوفد وصل", "وكالة نواكشوط للأنباء", "org/ani-mauritania"),
    ("ar", "نقلت صحيفة الخبر عن مصدر أمني", "صحيفة الخبر", "org/el-khabar"),
    ("fr", "selon Sahara Médias, le convoi a été attaqué", "Sahara Médias", "org/sahara-medias"),
    ("en", "according to Middle East Eye, the talks failed", "Middle East Eye", "org/middle-east-eye"),
])
def test_news_outlets_are_organizations(lang, text, name, key):
    names, _ = lexicon_spans(lang, text)
    assert (name, key) in names


def test_an_outlet_named_like_a_common_word_needs_its_noun():
    # الخبر is "the news": the outlet only with صحيفة / جريدة
    names, _ = lexicon_spans("ar", "ونفى المسؤول الخبر جملة وتفصيلا")
    assert not any(key == "org/el-khabar" for _, key in names)


def test_listed_arabic_words_are_no_proclitic_and_town():
    # كبيرا is "big", not ك + بيرا (Beira); كنيس "synagogue", not ك + نيس (Nice); فارا "fleeing"
    names, _ = lexicon_spans("ar", "تشكل الهجمات تحديا كبيرا، وظل المتهم فارا بعد الهجوم على كنيس في المدينة.")
    assert names == []
    # the towns themselves are still read
    names, _ = lexicon_spans("ar", "وصل الوفد إلى نيس ثم إلى بيرا.")
    assert {kb for _, kb in names} >= {"city/2990440", "city/1052373"}


@pytest.mark.parametrize("lang, text, expected", [
    # Islamic State provinces under their Arabic, English and French names
    ("ar", "وتبنت ولاية خراسان الهجوم على القاعة في موسكو.", {"ولاية خراسان": "org/iskp"}),
    ("en", "Officials blamed ISIS-K for the Moscow concert hall attack.", {"ISIS-K": "org/iskp"}),
    ("fr", "L'État islamique au Khorassan a revendiqué l'attentat.", {"État islamique au Khorassan": "org/iskp"}),
    ("ar", "ونشط تنظيم الدولة الإسلامية في الساحل قرب ميناكا.",
     {"تنظيم الدولة الإسلامية في الساحل": "org/isgs"}),
    # UN Security Council subsidiary bodies and NATO schools
    ("ar", "وأضافت لجنة العقوبات الخاصة بليبيا اسمين إلى قائمتها.",
     {"لجنة العقوبات الخاصة بليبيا": "io/unsc-libya-committee"}),
    ("en", "The UN Panel of Experts on Yemen traced the missile parts.",
     {"UN Panel of Experts on Yemen": "io/un-panel-yemen"}),
    ("ar", "وتلقى الضباط تدريبا في مدرسة الناتو في أوبراماغاو.",
     {"مدرسة الناتو في أوبراماغاو": "io/nato-school-oberammergau"}),
    # defence companies and French press spellings of acronyms
    ("en", "Ankara sold vehicles made by Otokar and radars made by Aselsan.",
     {"Otokar": "org/otokar", "Aselsan": "org/aselsan"}),
    ("fr", "Selon l'Onu, l'Aqmi a recruté au nord du Mali.", {"Onu": "io/un", "Aqmi": "org/aqim"}),
    ("fr", "L'Uemoa a levé ses sanctions contre le Niger; des Koglweogo patrouillent à Kaya.",
     {"Uemoa": "io/uemoa", "Koglweogo": "org/koglweogo"}),
])
def test_organizations_of_the_orgs5_lexicon(lang, text, expected):
    names, _ = lexicon_spans(lang, text)
    found = dict(names)
    for name, kb in expected.items():
        assert found.get(name) == kb, (name, names)


def test_eunavfor_med_before_an_operation_name_is_no_organization():
    # "EUNAVFOR MED Operation Irini" names the operation (an Event), not the force apart
    names, _ = lexicon_spans("en", "EUNAVFOR MED Operation Irini inspected the vessel off Benghazi.")
    assert "io/eunavfor-med" not in {kb for _, kb in names}
    names, _ = lexicon_spans("en", "The European Union Naval Force Mediterranean boarded the ship.")
    assert ("European Union Naval Force Mediterranean", "io/eunavfor-med") in names


@pytest.mark.parametrize("lang,text", [
    ("fr", "le commandant de l'Africom, le général Michael Langley, est arrivé"),
    ("en", "Africom said the drills would start in June"),
])
def test_us_commands_written_as_words_are_the_agency(lang, text):
    names, _ = lexicon_spans(lang, text)
    assert ("Africom", "agency/us-africom") in names


@pytest.mark.parametrize("lang, text, expected", [
    # agencies and outlets of the Maghreb, the Sahel, the Middle East and Europe, in their three scripts
    ("ar", "ونقلت وكالة السودان للأنباء عن مصدر عسكري أن الهجوم صُد، وفق ما أوردته صحيفة هآرتس.",
     {"وكالة السودان للأنباء": "org/suna", "صحيفة هآرتس": "org/haaretz"}),
    ("ar", "وبثت قناة النهار الجزائرية صور الموقوفين، فيما نشرت جريدة الصباح تفاصيل التحقيق.",
     {"قناة النهار الجزائرية": "org/ennahar-tv", "جريدة الصباح": "org/assabah-ma"}),
    ("fr", "Selon Studio Tamani et Sidwaya, les convois ont repris; Les Échos cite aussi Kommersant.",
     {"Studio Tamani": "org/studio-tamani", "Sidwaya": "org/sidwaya", "Les Échos": "org/les-echos",
      "Kommersant": "org/kommersant"}),
    ("en", "The Times of Israel and Premium Times quoted the Fars News Agency and Voice of America.",
     {"The Times of Israel": "org/times-of-israel", "Premium Times": "org/premium-times",
      "Fars News Agency": "org/fars", "Voice of America": "org/voa"}),
    # parties and trade unions
    ("ar", "وانتقد الاتحاد العام التونسي للشغل وحركة النهضة وحزب الأصالة والمعاصرة القرار.",
     {"الاتحاد العام التونسي للشغل": "org/ugtt", "حركة النهضة": "org/ennahda", "حزب الأصالة والمعاصرة": "org/pam"}),
    ("fr", "Le Rassemblement national et La France insoumise ont voté contre, comme le PSOE à Madrid.",
     {"Rassemblement national": "org/rassemblement-national", "La France insoumise": "org/lfi", "PSOE": "org/psoe"}),
    # defence and security companies, NGOs and research centres
    ("en", "BAE Systems and Hanwha Aerospace bid, while the Wilson Center and the FIDH criticised the deal.",
     {"BAE Systems": "org/bae-systems", "Hanwha Aerospace": "org/hanwha-aerospace",
      "Wilson Center": "org/wilson-center", "FIDH": "org/fidh"}),
    ("ar", "وأبرمت الهيئة العربية للتصنيع عقدا مع مجموعة إيدج، بحسب مركز الأهرام للدراسات السياسية والاستراتيجية.",
     {"الهيئة العربية للتصنيع": "org/aoi-egypt", "مجموعة إيدج": "org/edge-group",
      "مركز الأهرام للدراسات السياسية والاستراتيجية": "org/ahram-center"}),
    # platforms
    ("ar", "وتواصل أفراد الخلية عبر واتساب وإنستغرام وفيسبوك.",
     {"واتساب": "org/whatsapp", "إنستغرام": "org/instagram", "فيسبوك": "org/facebook"}),
])
def test_more_outlets_parties_companies_and_ngos(lang, text, expected):
    names, _ = lexicon_spans(lang, text)
    found = dict(names)
    for name, key in expected.items():
        assert found.get(name) == key, (name, found)


def test_a_name_two_parties_share_is_an_organization_without_an_entry():
    # حزب العدالة والتنمية is Morocco's PJD and Turkey's AKP: an organization either way
    doc = get_nlp("ar")("وفاز حزب العدالة والتنمية بالانتخابات.")
    spans = [(s.text, s.label_, s.kb_id_) for s in doc.spans["lexicon"]]
    assert spans == [("حزب العدالة والتنمية", "Organization", "")]
    assert set(doc.spans["lexicon"][0]._.lexicon_ids) == {"org/pjd", "org/akp"}


@pytest.mark.parametrize("lang, text", [
    ("ar", "وأكد المسؤول أن الصباح كان هادئا وأن العالم يتابع ما يجري في المدن والقدس."),
    ("fr", "Le soir même, le temps s'est couvert et la presse locale a parlé de renaissance."),
])
def test_outlets_named_like_common_words_need_their_noun(lang, text):
    names, _ = lexicon_spans(lang, text)
    assert not any(key.startswith("org/") for _, key in names), names


@pytest.mark.parametrize("lang, text, key, found", [
    # an outlet the lexicon writes with every word capitalized is not its words in lower case
    ("fr", "Le monde entier a suivi la réunion de Rabat.", "org/le-monde", False),
    ("fr", "Selon Le Monde, la réunion de Rabat a échoué.", "org/le-monde", True),
    ("en", "The independent inquiry blamed the border police.", "org/the-independent", False),
    ("en", "The Independent said the inquiry blamed the border police.", "org/the-independent", True),
    # a transliterated article may stay in lower case
    ("en", "The claim appeared in Al-Quds al-Arabi on Monday.", "org/al-quds-al-arabi", True),
])
def test_a_titled_organization_name_needs_its_capitals(lang, text, key, found):
    names, _ = lexicon_spans(lang, text)
    assert (key in {kb for _, kb in names}) is found


@pytest.mark.parametrize("lang, text, name, key", [
    ("ar", "وقضت محكمة باسماني في موسكو بحبس الصحفي شهرين.", "محكمة باسماني", "agency/ru-basmanny-court"),
    ("ar", "وأجرى جيش التحرير الشعبي الصيني مناورات قرب تايوان.", "جيش التحرير الشعبي الصيني", "agency/cn-pla"),
    ("ar", "وأوقف المكتب الاتحادي للتحقيقات الباكستاني مهربين في كراتشي.", "المكتب الاتحادي للتحقيقات الباكستاني",
     "agency/pk-fia"),
    ("ar", "وأنقذ الحرس البحري التونسي أربعين مهاجرا قبالة صفاقس.", "الحرس البحري التونسي",
     "agency/tn-maritime-national-guard"),
    ("ar", "وصادق البوندستاغ على تمديد مهمة الجنود.", "البوندستاغ", "agency/de-bundestag"),
    ("fr", "La Cellule de traitement du renseignement financier a transmis un rapport au parquet d'Alger.",
     "Cellule de traitement du renseignement financier", "agency/dz-ctrf"),
    ("fr", "Le SPF Affaires étrangères a déconseillé les voyages au Sahel.", "SPF Affaires étrangères",
     "agency/be-foreign-affairs"),
    ("fr", "Les Éléments français au Sénégal ont formé des officiers de la région.", "Éléments français au Sénégal",
     "agency/fr-efs"),
    ("fr", "La Direction du renseignement militaire a produit une note sur le Sahel.",
     "Direction du renseignement militaire", "agency/fr-drm"),
    ("en", "The U.S. Coast Guard and the Royal Navy seized the drugs.", "U.S. Coast Guard", "agency/us-coast-guard"),
    ("en", "The U.S. Coast Guard and the Royal Navy seized the drugs.", "Royal Navy", "agency/gb-royal-navy"),
    ("en", "Pakistan's Inter-Services Intelligence denied the report.", "Inter-Services Intelligence", "agency/pk-isi"),
    ("en", "Officers of the Polish Police and EKO Cobra took part.", "EKO Cobra", "agency/at-cobra"),
])
def test_more_state_bodies_of_the_agency_lexicon(lang, text, name, key):
    names, _ = lexicon_spans(lang, text)
    assert (name, key) in names, names


def test_a_mauritanian_dgsn_shares_its_bare_names_with_the_other_dgsns():
    from pipeline.ontology_data import load_lexicon

    entry = load_lexicon().entries["agency/mr-dgsn"]
    assert entry.is_generic_form("المديرية العامة للأمن الوطني") and entry.is_generic_form("DGSN")
    assert not entry.is_generic_form("المديرية العامة للأمن الوطني الموريتانية")


def test_security_forces_of_west_and_central_african_states_fr():
    # issue 14 (fr7): the armed forces and police of the francophone states, by name and acronym
    names, _ = lexicon_spans("fr", "Les FACA et les Forces armées togolaises ont patrouillé avec la Police républicaine.")
    ids = {kb for _, kb in names}
    assert {"agency/cf-faca", "agency/tg-armed-forces", "agency/bj-police"} <= ids


@pytest.mark.parametrize("lang, text, name, key", [
    # agency families (issue 14, agency7): armed forces branches, police, special units and
    # parliaments of the states of the news, in their three scripts
    ("ar", "ونفذت قوات داناب عملية خاصة في إقليم شبيلي السفلى.", "قوات داناب", "agency/so-danab"),
    ("ar", "وأعلن الجيش الصومالي مقتل عشرين مسلحا.", "الجيش الصومالي", "agency/so-sna"),
    ("ar", "وحلقت طائرات سلاح الجو الملكي الأردني فوق الحدود.", "سلاح الجو الملكي الأردني", "agency/jo-air-force"),
    ("ar", "وصادق مجلس النواب العراقي على الموازنة.", "مجلس النواب العراقي", "agency/iq-parliament"),
    ("ar", "وأعلن جيش البحر التونسي إنقاذ ثلاثين مهاجرا.", "جيش البحر التونسي", "agency/tn-navy"),
    ("ar", "وعقد مجلس القيادة الرئاسي اجتماعا في عدن.", "مجلس القيادة الرئاسي", "agency/ye-plc"),
    ("fr", "La Gendarmerie nationale nigérienne a arrêté deux suspects à Agadez.",
     "Gendarmerie nationale nigérienne", "agency/ne-gendarmerie"),
    ("fr", "Les Forces armées béninoises ont repoussé une attaque dans le nord.", "Forces armées béninoises",
     "agency/bj-armed-forces"),
    ("en", "The Uganda People's Defence Force deployed troops to Mogadishu.", "Uganda People's Defence Force",
     "agency/ug-updf"),
    ("en", "The Royal Saudi Air Force intercepted a drone over Jazan.", "Royal Saudi Air Force", "agency/sa-air-force"),
    ("en", "Troops of the UPDF and the KDF patrolled the border.", "KDF", "agency/ke-kdf"),
])
def test_agency_families_of_the_states_of_the_news(lang, text, name, key):
    names, _ = lexicon_spans(lang, text)
    assert (name, key) in names, names


def test_ministries_of_the_horn_of_africa_and_yemen_are_bound_by_their_demonym():
    names, _ = lexicon_spans("ar", "وأصدرت وزارة الدفاع الصومالية بيانا، ورحبت به وزارة الخارجية اليمنية.")
    assert ("وزارة الدفاع الصومالية", "agency/so-defence") in names
    assert ("وزارة الخارجية اليمنية", "agency/ye-foreign-affairs") in names
