from pipeline.nlp import get_nlp


def events(lang, text):
    doc = get_nlp(lang)(text)
    return {s.text: s._.event_name for s in doc.spans["events"]}


def test_arabic_quoted_event_name_and_year():
    found = events("ar", "خلال هجمات «نيس» سنة 2016 قتل العشرات")
    assert list(found) == ["نيس"]
    assert found["نيس"].year == "2016"


def test_arabic_operation_named_by_a_word_not_a_verb():
    assert "عملية إيريني" in events("ar", "في إطار عملية إيريني الأوروبية")
    assert events("ar", "وهي عملية أطلقت لوقف الهجرة") == {}


def test_french_operation_with_demonym_and_naming_participle():
    assert "opération française Serval" in events("fr", "Les soldats de l’opération française Serval au Mali.")
    assert list(events("fr", "L'opération, baptisée Sentinelle, a commencé.")) == ["Sentinelle"]


def test_english_exercise_keeps_its_year_and_generic_head_is_nothing():
    found = events("en", "Troops joined Exercise African Lion 2022 in Morocco.")
    assert found["Exercise African Lion 2022"].year == "2022"
    assert events("en", "The operation was a success.") == {}


def test_arabic_quoted_name_after_head_adjectives_and_named_only_heads():
    found = events("ar", 'بدأت فعاليات التدريب الجزائري التونسي المشترك "درع الصحراء 2" أمس')
    assert list(found) == ["درع الصحراء 2"]
    assert events("ar", "واصل التدريب ضباط الجيش") == {}


def test_arabic_meeting_or_deal_with_a_bare_word_is_not_an_event():
    assert events("ar", "خلال اجتماع عقداه في الرباط") == {}
    assert events("ar", "رفضت الحكومة أي اتفاق ملزم بشأن المياه") == {}
    assert events("ar", "ونفذت القوات عملية مشتركة") == {}
    # the same heads with a name are events
    assert list(events("ar", "خلال اجتماع الرباط")) == ["اجتماع الرباط"]
    assert list(events("ar", "رفضت الحكومة اتفاق الصخيرات بشأن المياه")) == ["اتفاق الصخيرات"]
    assert list(events("ar", "ونفذت القوات عملية «درع الصحراء»")) == ["درع الصحراء"]


def test_numbered_sessions_are_events_named_with_the_body_whose_session_they_are():
    # the span is the session (the countries in the body's name stay mentions of their own);
    # the event's name runs on to the body
    found = events("ar", "افتتحت الدورة الخامسة عشرة للجنة المشتركة")
    assert found["الدورة الخامسة عشرة"].name == "الدورة الخامسة عشرة للجنة المشتركة"
    assert events("ar", "افتتحت الدورة الخامسة عشرة في الرباط")["الدورة الخامسة عشرة"].name == "الدورة الخامسة عشرة"
    assert events("en", "The 7th session of the joint commission opened.")["7th session"].name == \
        "7th session of the joint commission"
    assert events("en", "The 7th session of talks opened in Geneva.")["7th session"].name == "7th session"
    found = events("fr", "La 12e session de la commission mixte franco-tunisienne, ouverte hier à Tunis, a pris fin.")
    assert found["12e session"].name == "12e session de la commission mixte franco-tunisienne"
    found = events("ar", "عقد الاجتماع الثالث للجنة العسكرية المشتركة في تونس")
    assert found["الاجتماع الثالث"].name == "الاجتماع الثالث للجنة العسكرية المشتركة"


def test_place_complement_and_place_before_head():
    assert "attentat de Sousse" in events("fr", "L'enquête sur l'attentat de Sousse avance.")
    assert "Madrid bombings" in events("en", "A year after the Madrid bombings, police said.")
    assert events("en", "The attack on the convoy failed.") == {}


def test_capitalized_name_with_year_in_an_event_apposition():
    found = events("en", "Sailors joined Sea Breeze 2021, a multinational naval exercise in the Black Sea.")
    assert "Sea Breeze 2021" in found and found["Sea Breeze 2021"].year == "2021"
    assert events("en", "Officials presented Vision 2030, a plan for the economy.") == {}


# --- round 2: names given in words, dates, titled events, names before the head ---------

def test_arabic_name_after_a_naming_phrase_and_verbal_noun_is_no_name():
    found = events("ar", "نفذت القوات الخاصة عملية اقتحام ليلية أطلق عليها اسم «فجر الوادي» قرب الحدود")
    assert list(found) == ["فجر الوادي"]
    assert events("ar", "نفذت الشرطة عملية اقتحام للمبنى") == {}


def test_events_identified_by_their_date():
    found = events("fr", "Dix ans après les attentats du 13 novembre 2015 à Paris, le procès continue.")
    assert found["attentats du 13 novembre 2015"].year == "2015"
    found = events("en", "He planned the March 3, 2021 attack on the Grand Hotel in Nairobi.")
    assert found["attack on the Grand Hotel"].name == "Grand Hotel attack"
    assert found["attack on the Grand Hotel"].year == "2021"


def test_agreement_dated_by_entry_into_force_but_not_a_bare_agreement():
    found = events("fr", "Selon l'accord de cessez-le-feu entre les deux camps entré en vigueur le 4 mai 2023, les troupes reculent.")
    assert found["accord de cessez-le-feu"].year == "2023"
    assert events("fr", "Les deux pays ont signé un accord sur la pêche.") == {}


def test_titled_event_with_its_year_has_one_name():
    found = events("en", "Kenya will co-host the 2027 Africa Cup of Nations, officials said.")
    assert found["2027 Africa Cup of Nations"].name == "2027 Africa Cup of Nations"
    assert "كأس العالم 2034" in events("ar", "تستعد السعودية لاستضافة كأس العالم 2034 بملاعب جديدة")
    assert events("en", "The World Cup draws millions of viewers.") == {}


def test_arabic_coup_dated_right_after_its_head():
    assert "انقلاب 26 يوليو 2023" in events("ar", "علقت المجموعة عضوية النيجر إثر انقلاب 26 يوليو 2023 في نيامي.")
    assert events("ar", "حذر الرئيس من انقلاب محتمل.") == {}


def test_a_quoted_name_after_lowercase_adjectives_is_the_event_name():
    found = events("fr", "L'exercice naval conjoint franco-marocain « Chebec 2024 » s'est achevé vendredi.")
    assert [r.name for r in found.values()] == ["Chebec 2024"]
    found = events("fr", "Les manœuvres militaires conjointes « Eager Lion » 2024 ont débuté en Jordanie.")
    assert [(r.name, r.year) for r in found.values()] == [("Eager Lion", "2024")]
    # adjectives with no quoted name after them name nothing; a quoted name without its
    # year after adjectives is the series as often as one edition
    assert events("fr", "L'exercice naval conjoint franco-marocain s'est achevé vendredi.") == {}
    assert events("fr", "L'exercice naval conjoint « Chebec » s'est achevé vendredi.") == {}


def test_english_names_before_the_head_and_in_an_apposition():
    found = events("en", 'Jordan held the "Eager Falcon" special forces exercise with Qatar.')
    assert list(found) == ["Eager Falcon"]
    assert "Trident naval drills" in events("en", "Navies from four countries began Trident naval drills on Monday.")
    assert "Sea Guard-7" in events("en", "The navies ended Sea Guard-7, a two-week joint exercise near the coast.")
    assert events("en", "Karim Bey, the Tunisian armed forces' exercise director, spoke.") == {}


def test_an_english_name_before_its_head_keeps_its_year():
    found = events("en", "Egypt and the United States opened the Cutlass Express 2024 exercise on Monday.")
    record = found["Cutlass Express 2024 exercise"]
    assert (record.name, record.year) == ("Cutlass Express 2024", "2024")
    # a year with no name before it is no name (the phrase is a description, event_phrases')
    assert events("en", "Egypt and the United States opened the 2024 exercise on Monday.")["2024 exercise"].name == ""


def test_ordinals_after_an_adjective_and_ordinal_words():
    assert "القمة الأفريقية الخامسة عشرة" in events("ar", "انطلقت أعمال القمة الأفريقية الخامسة عشرة في أديس أبابا")
    assert "third round" in events("en", "The third round of talks ended without a deal.")


def test_meeting_takes_its_place_after_de_but_not_after_a():
    assert "réunion de Dakar" in events("fr", "La réunion de Dakar a fixé un calendrier.")
    assert events("fr", "Une réunion à Dakar a fixé un calendrier.") == {}


def test_a_comma_after_a_head_does_not_name_what_follows():
    assert events("en", "Under the agreement, PSP officers will train abroad.") == {}
    assert list(events("en", "Under Operation Sentinel, PSP officers will train abroad.")) == ["Operation Sentinel"]


def test_described_visits_are_events_without_a_name_with_the_place_they_go_to():
    doc = get_nlp("en")("Pedro Sánchez's official visit to Mauritania ended on Friday. The visit was short.")
    found = {s.text: s._.event_name for s in doc.spans["events"]}
    assert list(found) == ["official visit"]  # the place stays a mention of its own
    record = found["official visit"]
    assert (record.name, record.head, record.alias) == ("", "official visit", "official visit to Mauritania")
    assert "Mauritania" in {s.text for s in doc.spans["lexicon"]}
    found = events("fr", "La visite de travail du Premier ministre espagnol au Maroc a duré deux jours.")
    assert "visite de travail" in found and found["visite de travail"].name == ""
    # an Arabic proclitic on the first word (بزيارة), the destination after إلى
    found = events("ar", "قام رئيس الحكومة الإسبانية بزيارة رسمية إلى موريتانيا يوم الخميس.")
    assert [(r.head, r.alias) for r in found.values()] == [("زيارة رسمية", "بزيارة رسمية إلى موريتانيا")]
    # a bare visit singles out nothing
    assert events("en", "The minister's visit to Mauritania ended on Friday.") == {}


def test_arabic_session_body_runs_through_its_genitive_chain_and_hyphenated_adjectives():
    found = events("ar", "افتتحت في نيويورك الدورة الثامنة والسبعين للجمعية العامة للأمم المتحدة يوم الثلاثاء.")
    assert [r.name for r in found.values()] == ["الدورة الثامنة والسبعين للجمعية العامة للأمم المتحدة"]
    found = events("ar", "وانعقدت الدورة الرابعة للجنة المشتركة المغربية-السنغالية في داكار.")
    assert [r.name for r in found.values()] == ["الدورة الرابعة للجنة المشتركة المغربية-السنغالية"]
    # the ordinal alone when no body follows (a place is no body)
    found = events("ar", "اختتمت الدورة التسعين في داكار.")
    assert [r.name for r in found.values()] == ["الدورة التسعين"]
    # a relative pronoun or "held" ends the body
    found = events("ar", "اختتمت الدورة الخامسة للجنة المشتركة المنعقدة في داكار.")
    assert [r.name for r in found.values()] == ["الدورة الخامسة للجنة المشتركة"]


def test_arabic_numbered_meeting_with_a_possessive_suffix():
    found = events("ar", "وعقد مجلس الأمن والسلم الإفريقي اجتماعه الخامس في أديس أبابا.")
    assert [(s, r.head) for s, r in found.items()] == [("اجتماعه الخامس", "session")]
    # no ordinal after it: no event
    assert events("ar", "وعقد المجلس اجتماعه في أديس أبابا.") == {}


def test_a_latin_name_goes_on_over_a_body_or_a_place_after_its_first_word():
    # "Guardian" alone is a newspaper, "Phoenix" a city: inside an operation's or an exercise's name they are that name
    found = events("en", "The United States launched Operation Prosperity Guardian in the Red Sea.")
    assert found["Operation Prosperity Guardian"].name == "Prosperity Guardian"
    found = events("en", "Navies of Tunisia and Malta joined Exercise Phoenix Express 2024.")
    assert found["Exercise Phoenix Express 2024"].year == "2024"
    # a place right after the head still names the event alone, and a lowercase word ends the name
    assert list(events("fr", "Le sommet de Paris a eu lieu en mai.")) == ["sommet de Paris"]
    assert list(events("en", "The United States launched Operation Prosperity Guardian with allies.")) == \
        ["Operation Prosperity Guardian"]


def test_arabic_session_body_runs_on_through_construct_chains_and_named_parties():
    doc = get_nlp("ar")("افتتحت الدورة الثالثة لمجلس وزراء الداخلية العرب في تونس.")
    names = [s._.event_name.name for s in doc.spans["events"]]
    assert names == ["الدورة الثالثة لمجلس وزراء الداخلية العرب"]
    doc = get_nlp("ar")("انعقد الاجتماع الثاني للجنة العليا المشتركة للشراكة بين المغرب وإسبانيا في مدريد.")
    names = [s._.event_name.name for s in doc.spans["events"]]
    assert names == ["الاجتماع الثاني للجنة العليا المشتركة للشراكة بين المغرب وإسبانيا"]
    # the span stays the session alone: the parties stay mentions of their own
    assert [s.text for s in doc.spans["events"]] == ["الاجتماع الثاني"]


def test_arabic_session_body_takes_a_hyphenated_pair_of_named_parties():
    doc = get_nlp("ar")("عقدت الدورة الخامسة للاجتماع رفيع المستوى فرنسا-ألمانيا في برلين.")
    assert [s._.event_name.name for s in doc.spans["events"]] == ["الدورة الخامسة للاجتماع رفيع المستوى فرنسا-ألمانيا"]


def test_a_titled_event_takes_its_host_city_before_its_year():
    # the name stays the title and the year (one event whoever writes the city); the span,
    # and so an alias, runs over the city
    found = events("en", "Police will secure the Paris 2024 Olympic Games next summer.")
    assert found["Paris 2024 Olympic Games"].name == "2024 Olympic Games"
    assert found_name(events("fr", "Les renforts pour les JO de Paris 2024 sont arrivés.")) == {"JO de Paris 2024": "JO 2024"}
    assert found_name(events("ar", "شارك الأمن في تأمين الألعاب الأولمبية الصيفية باريس 2024 بنجاح.")) == {
        "الألعاب الأولمبية الصيفية باريس 2024": "الألعاب الأولمبية 2024"}
    # a city with no year after it is no part of the event
    assert events("fr", "Les renforts pour les JO de Paris sont arrivés.") == {}


def found_name(found):
    return {text: record.name for text, record in found.items()}


def test_arabic_quoted_name_after_the_body_whose_operation_it_is():
    # a body's name and a definite adjective between the head and the quoted name
    found = events("ar", 'تعتمد عليه عملية الاتحاد الأوروبي البحرية "أتالانتا" قبالة الصومال')
    assert list(found) == ["أتالانتا"]
    # no quote after them: the body is no name of the operation
    assert events("ar", "تعتمد عليه عملية الاتحاد الأوروبي البحرية قبالة الصومال") == {}


def test_arabic_event_head_after_a_proclitic_and_a_dated_event_with_its_place():
    found = events("ar", "وكان العقل المدبر لهجمات 11 سبتمبر 2001 في نيويورك مطلوبا")
    assert list(found) == ["هجمات 11 سبتمبر 2001"]
    # the place stays a mention of its own: the phrase with it is the alias
    assert found["هجمات 11 سبتمبر 2001"].alias == "هجمات 11 سبتمبر 2001 في نيويورك"
    assert events("ar", "وأدان المجلس هجمات 11 سبتمبر 2001 بشدة")["هجمات 11 سبتمبر 2001"].alias is None


def test_arabic_place_named_attack_keeps_its_year_after_a_year_word():
    found = events("ar", "في قضية اعتداءات مدريد عام 2004 أمام المحكمة")
    assert list(found) == ["اعتداءات مدريد عام 2004"]
    assert found["اعتداءات مدريد عام 2004"].year == "2004"


def test_a_plural_head_with_a_list_of_names_gives_one_event_each():
    # the proclitic written on the quote (و"إيريني") is a token of its own
    found = events("ar", 'وشاركت في عمليات "أتالانتا" في الصومال و"إيريني" في ليبيا')
    assert list(found) == ["أتالانتا", "إيريني"]
    found = events("fr", "Ces avions ont servi aux opérations Harmattan en Libye, Serval au Mali et Chammal en Irak.")
    assert list(found) == ["Harmattan", "Serval", "Chammal"]
    found = events("en", "The navy joined the exercises Cutlass Express and Obangame Express off West Africa.")
    assert [r.name for r in found.values()] == ["Cutlass Express", "Obangame Express"]
    # one name alone after a plural head that takes no name of its own is no list
    assert events("fr", "Ces avions ont servi aux opérations Harmattan en Libye.") == {}
    assert events("en", "Troops took part in operations in Mali and Niger.") == {}


def test_arabic_quoted_name_after_a_long_run_of_adjectives_a_genitive_or_an_edition():
    found = events("ar", 'انطلقت فعاليات التدريب البحري الجوي المصري اليوناني القبرصي المشترك "ميدوزا-12" أمس')
    assert list(found) == ["ميدوزا-12"]
    found = events("ar", 'وأكد أن التمرين المضاد للإرهاب "درع الصحراء 2022" مبرمج في الجزائر')
    assert list(found) == ["درع الصحراء 2022"]
    assert list(events("ar", 'وكانت نسخة "ميدوزا-9" قد جرت في جزيرة كريت')) == ["ميدوزا-9"]
    # an edition without a quoted name is no event here
    assert events("ar", "وكانت نسخة العام الماضي قد جرت في جزيرة كريت") == {}


def test_a_place_does_not_single_out_a_class_an_indefinite_or_a_bare_plural_attack():
    assert events("en", "It was one of the deadliest attacks in the Sahel in years.") == {}
    assert events("en", "The group has not been linked to attacks in the UK.") == {}
    # an indefinite attack is the one the report tells
    assert list(events("fr", "Une attaque à Bamako a fait vingt morts.")) == ["attaque à Bamako"]
    assert events("en", "It was the deadliest attack in the Islamic Republic's history.") == {}
    # a month is no place that names an attack
    assert "bombing in April 2002" not in events("en", "It was the target of a bombing in April 2002 that killed 19.")
    # positive controls: a definite attack named by its place
    assert list(events("en", "He condemned the attack in Nairobi on Monday.")) == ["attack in Nairobi"]
    assert list(events("en", "Investigators reviewed the attacks in Brussels.")) == ["attacks in Brussels"]
    # a clause that opens with the plural tells the report's own attacks
    assert list(events("en", "On 22 March 2016, suicide attacks in Brussels killed 32 people.")) == ["attacks in Brussels"]


def test_an_apposition_names_an_event_with_a_number_after_its_name():
    found = events("en", "The navy concluded Cutlass Express 24, a joint maritime exercise, on Friday.")
    assert list(found) == ["Cutlass Express 24"]
    # a year is no number of an edition here: the name with a year is the other rule's
    assert events("en", "The navy concluded 24, a joint maritime exercise, on Friday.") == {}


def test_arabic_operation_told_by_what_it_does_has_no_bare_name():
    for text in ("نفذت القوات عملية دهم في الحي", "نفذت القوات عملية لتبادل الأسرى", "نفذت عملية لإنجاز المهمة",
                 "وهي عملية شاركت فيها عدة دول"):
        assert events("ar", text) == {}, text
    # foreign names stay names
    assert list(events("ar", "شاركت فرنسا في عملية سنغاريس")) == ["عملية سنغاريس"]
    assert list(events("ar", "انتهت عملية برخان في مالي")) == ["عملية برخان"]


def test_arabic_quoted_words_in_whose_name_an_act_is_done_are_no_event_name():
    # "باسم ..." (in the name of ...) is a motto, not the attack's name
    assert events("ar", 'وأوقفت الشرطة شابا كان يخطط لتنفيذ هجوم "باسم الفكر المتطرف" على ملعب في ليون.') == {}
    # a quoted name that only opens with the letter ب is a name
    assert list(events("ar", 'وشاركت الوحدات في عملية "بركان الفرات" شمال سوريا.')) == ["بركان الفرات"]



def test_arabic_quoted_words_said_of_an_operation_are_no_name():
    # a clause opening with a verb, or a participle alone: what someone said of it
    assert events("ar", 'وقالت المديرة إن العملية "غيرت قواعد اللعبة" في مواجهة الشبكات.') == {}
    assert events("ar", 'وتعتبر أنقرة العملية "منحازة" لأنها تراقب البحر.') == {}
    # names that open with a definite word shaped like a verb, a verbal noun or a foreign word stay names
    assert list(events("ar", 'وشاركت القوات في عملية "السيف الذهبي" في الشمال.')) == ["السيف الذهبي"]
    assert list(events("ar", 'أطلق الجيش عملية "تسونامي" في الشمال.')) == ["تسونامي"]


def test_arabic_numbered_round_takes_the_talks_it_is_part_of():
    found = events("ar", "وانطلقت الجولة الثانية من المفاوضات السودانية في جدة أمس.")
    assert found["الجولة الثانية"].name == "الجولة الثانية من المفاوضات السودانية"
    # من before an indefinite word is no body: the round stays alone
    found = events("ar", "وانطلقت الجولة الثانية من دون تقدم يذكر.")
    assert found["الجولة الثانية"].name == "الجولة الثانية"


def test_a_task_force_with_a_capitalized_name_is_a_named_operation():
    # the name alone is the event's name, as for "opération Barkhane"
    found = events("fr", "Les forces spéciales de la task force Takuba ont quitté le Mali en 2022.")
    assert {text: record.name for text, record in found.items()} == {"task force Takuba": "Takuba"}
    assert "Task Force Sabre" in events("en", "Troops of Task Force Sabre were deployed to Burkina Faso.")
    # a number is no name (a naval command), nor is a body's name before the head
    assert events("en", "Task Force 153 patrols the Red Sea. The Financial Action Task Force met in Paris.") == {}


def test_a_described_visit_takes_a_destination_the_lexicon_lacks_or_its_duration_into_its_alias():
    found = events("en", "Xi Jinping was on a state visit to the Kingdom when the deal was signed.")
    assert [(s, r.alias) for s, r in found.items()] == [("state visit", "state visit to the Kingdom")]
    found = events("en", "It was the last day of Emmanuel Macron's three-day state visit.")
    assert [(s, r.alias) for s, r in found.items()] == [("state visit", "three-day state visit")]
    # a lowercase word after the link is no destination
    found = events("en", "Emmanuel Macron paid a state visit to mark the anniversary.")
    assert [(s, r.alias) for s, r in found.items()] == [("state visit", None)]


def test_a_lowercase_quotation_after_a_head_is_no_name():
    assert events("fr", "Antony Blinken est venu consolider un cessez-le-feu « fragile » au Liban.") == {}
    assert events("en", 'Olaf Scholz called the attack "an attack on all of us" on Sunday.') == {}
    # a capitalized quoted name still is one
    found = events("fr", "Les soldats de l'opération « Serval » ont quitté Gao.")
    assert [r.name for r in found.values()] == ["Serval"]


def test_arabic_titled_events_after_a_proclitic_a_qualifier_or_a_hosting_clause():
    found = events("ar", "استعدت الشرطة لكأس أمم إفريقيا لكرة القدم 2027 التي تستضيفها كينيا، ولكأس العالم 2026.")
    assert found_name(found) == {"كأس أمم إفريقيا لكرة القدم 2027": "كأس أمم إفريقيا 2027",
                                 "كأس العالم 2026": "كأس العالم 2026"}
    found = events("ar", "شارك الرياضيون في الألعاب الأولمبية الصيفية التي استضافتها طوكيو سنة 2021.")
    assert found_name(found) == {"الألعاب الأولمبية الصيفية التي استضافتها طوكيو سنة 2021": "الألعاب الأولمبية 2021"}


def test_an_arabic_titled_event_with_no_year_is_one_edition_in_its_host_city():
    doc = get_nlp("ar")("عززت الشرطة الأمن خلال دورة الألعاب الأولمبية في لندن.")
    [span] = doc.spans["events"]
    # the span is the title (the city stays a mention of its own), the name runs on to the city
    assert (span.text, span._.event_name.name) == ("دورة الألعاب الأولمبية", "دورة الألعاب الأولمبية في لندن")
    # a country is no host city; a title alone is no event
    assert events("ar", "تستعد الدوحة لكأس العالم في قطر.") == {}
    assert events("ar", "يتابع الملايين كأس العالم كل أربع سنوات.") == {}


def test_an_arabic_numbered_session_whose_body_is_an_organizations_name():
    doc = get_nlp("ar")("افتتح الوزير أعمال المؤتمر الإقليمي الثاني والعشرين للإنتربول لمنطقة الساحل في نيامي.")
    [span] = doc.spans["events"]
    assert span.text == "المؤتمر الإقليمي الثاني والعشرين"
    assert span._.event_name.name == "المؤتمر الإقليمي الثاني والعشرين للإنتربول لمنطقة الساحل"
    # ل + a place's name alone is no body
    doc = get_nlp("ar")("وصل الوفد إلى المؤتمر الثاني لسنغافورة أمس.")
    assert [s._.event_name.name for s in doc.spans["events"]] == ["المؤتمر الثاني"]


def test_an_arabic_word_ending_in_ta_marbuta_after_a_head_is_no_bare_name():
    # a feminine noun or adjective (حرب باردة، عملية ناجحة), not a foreign name (عملية إيريني)
    assert events("ar", "وصف المحلل التوتر بأنه حرب باردة جديدة.") == {}
    assert events("ar", "وأكد الناطق أنها كانت عملية ناجحة.") == {}
    assert "عملية برخان" in events("ar", "انتهت عملية برخان في الساحل.")


def test_exhibitions_are_events_named_before_their_head_or_by_a_year():
    # lowercase words before the head, two of them joined by "and"
    found = events("en", "Ministers met on the sidelines of the IDEX defence and security exhibition in Abu Dhabi.")
    assert [(s, r.name, r.head) for s, r in found.items()] == \
        [("IDEX defence and security exhibition", "IDEX", "exhibition")]
    # a name and its year, then an apposition whose head is an exhibition
    found = events("en", "Dozens of firms exhibited at Eurosatory 2024, the defence exhibition held in Paris.")
    assert [(s, r.name, r.year) for s, r in found.items()] == [("Eurosatory 2024", "Eurosatory", "2024")]


def test_a_summit_of_two_names_joined_by_a_dash_keeps_both_as_mentions():
    doc = get_nlp("fr")("Le sommet Chine-Afrique de Dakar s'est ouvert lundi.")
    found = {s.text: s._.event_name for s in doc.spans["events"]}
    # the head is the span, the phrase with the host city its alias: not a summit named after China
    assert [(s, r.alias) for s, r in found.items()] == [("sommet", "sommet Chine-Afrique de Dakar")]
    assert {"Chine", "Afrique", "Dakar"} <= {s.text for s in doc.spans["lexicon"]}
    # a numbered one is left to the numbered phrases
    found = events("fr", "New Delhi accueille le troisième sommet Inde-Afrique cette semaine.")
    assert [(s, r.alias) for s, r in found.items()] == [("troisième sommet", "troisième sommet Inde-Afrique")]
    # English writes the pair before the head: both names are the name
    found = events("en", "Leaders met at the EU-AU summit in Brussels.")
    assert [(s, r.name) for s, r in found.items()] == [("EU-AU summit", "EU-AU")]


def test_a_numbered_name_the_model_reads_as_a_person_names_an_operation():
    # the model reads "Alexander 5" as a person; a person's name holds no number
    found = events("en", "Police arrested 40 people during Joint Action Days Alexander 5, a week-long operation.")
    assert list(found) == ["Joint Action Days Alexander 5"]
