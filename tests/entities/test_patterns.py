import pytest

from pipeline.nlp import get_nlp


def persons(lang, text):
    doc = get_nlp(lang)(text)
    return [s.text for s in doc.spans["patterns"]], doc


def test_arabic_title_with_demonym_between_title_and_name():
    names, _ = persons("ar", "التقى بالرئيس الأميركي جورج بوش في البيت الأبيض")
    assert "جورج بوش" in names


def test_arabic_title_with_country_complement():
    names, _ = persons("ar", "وقال رئيس تونس قيس سعيد إن الحوار مستمر")
    assert "قيس سعيد" in names


def test_arabic_apposition_marks_name_before_role():
    names, doc = persons("ar", "وأوضح توماس مولر، مستشار الوزير، أن الاتفاق جاهز")
    assert "توماس مولر" in names
    span = next(s for s in doc.spans["patterns"] if s.text == "توماس مولر")
    assert span._.person_cue.cue == "apposition"


def test_arabic_given_name_without_title_and_link_words():
    names, _ = persons("ar", "واستقبل محمد بن سلمان آل سعود الوفد أمس")
    assert "محمد بن سلمان آل سعود" in names


def test_arabic_preposition_is_not_a_given_name():
    names, _ = persons("ar", "على أساس المصالح المشتركة")
    assert names == []


def test_arabic_title_does_not_take_a_following_conjunct():
    names, _ = persons("ar", "المدير العام للأمن الوطني ومراقبة التراب الوطني")
    assert names == []


@pytest.mark.parametrize("lang,text,name", [
    ("fr", "Hier, Paul Martin, directeur de la police, a parlé.", "Paul Martin"),
    ("en", "Lt. Gen. John Smith of the army spoke on Monday.", "John Smith"),
])
def test_latin_apposition_and_military_titles(lang, text, name):
    names, _ = persons(lang, text)
    assert name in names


def test_english_sentence_start_is_not_a_name():
    names, _ = persons("en", "On Sunday, the president of Kenya arrived.")
    assert names == []


def test_latin_name_runs_through_several_particles():
    from pipeline.nlp import get_nlp

    doc = get_nlp("fr")("La présidente de la Commission, Ursula von der Leyen, est arrivée à Tunis.")
    assert "Ursula von der Leyen" in [s.text for s in doc.spans["patterns"]]


def test_an_arabic_name_does_not_swallow_the_words_after_it():
    from pipeline.entities.recognize import recognize_entities
    from pipeline.model import Document
    from pipeline.nlp import get_nlp

    def persons(text):
        doc = Document(id="x", text=text, lang="ar")
        return [m.text for m in recognize_entities(get_nlp("ar")(text), doc) if m.type == "Person"]

    # a compound preposition after the subject's name (verb-first sentence)
    assert persons("أعفى الرئيس عبد المجيد تبون بموجب مرسوم رئاسي المدير العام للأمن الوطني.") == ["عبد المجيد تبون"]
    assert persons("وقال رئيس الوزراء كير ستارمر بشأن الهجرة.") == ["كير ستارمر"]
    # a common word before a comma closes a name only when it is a given name or a nisba
    assert persons("ودان الوزير ناصر بوريطة الاثنين، الهجوم.") == ["ناصر بوريطة"]
    assert persons("وقال الشيخ ناصر خالد الحسين، إن الوفد وصل.") == ["ناصر خالد الحسين"]


@pytest.mark.parametrize("text, name", [
    # A title, the body it names several words on, a comma, then a foreign name in Arabic script.
    ("وحضر اللقاء المدير التنفيذي ليوروبول، كاثرين دي بول، وعدد من المسؤولين.", "كاثرين دي بول"),
    ("وأجرى الوزير مباحثات مع رئيس المكتب الاتحادي للشرطة الجنائية الألمانية، هولغر مونش، في برلين.", "هولغر مونش"),
    ("وأكد المدير العام للأمن الوطني ولمراقبة التراب الوطني، عبد اللطيف حموشي، أن التعاون مثمر.", "عبد اللطيف حموشي"),
])
def test_arabic_name_apposed_after_a_titles_complement(text, name):
    names, doc = persons("ar", text)
    assert name in names
    span = next(s for s in doc.spans["patterns"] if s.text == name)
    assert span._.person_cue.cue == "title"


@pytest.mark.parametrize("text", [
    "وقال رئيس الحكومة، في تصريح صحفي، إن الحوار مستمر.",  # a clause, not a name, after the comma
    "وقال مدير الأمن الوطني، اللواء، إن التحقيق مستمر.",  # one word: no name
])
def test_arabic_comma_after_a_titles_complement_without_a_name(text):
    names, _ = persons("ar", text)
    assert names == []


def test_the_clause_after_an_apposed_title_is_no_name():
    # the apposition closes with its second comma; the verb after it is not a name
    names, _ = persons("ar", "برنار باجولي، المدير السابق للمديرية العامة للأمن الخارجي الفرنسية، نشر كتابا.")
    assert names == ["برنار باجولي"]


@pytest.mark.parametrize("text, name", [
    ("واستقبل مدير المخابرات العامة السيد أحمد حسني الوفد.", "أحمد حسني"),  # the object after the name
    ("التقى رئيس الوزراء الكندي جاستن ترودو بنظيره.", "جاستن ترودو"),  # the counterpart after the name
    ("وكانت وزيرة الداخلية آنذاك بريتي باتيل قد وقعت الاتفاق.", "بريتي باتيل"),  # a time adverb after the title
])
def test_arabic_name_ends_before_the_words_after_it(text, name):
    names, _ = persons("ar", text)
    assert names == [name]


def test_arabic_names_after_listed_demonyms():
    # The title is said once before the list; each item is a demonym and a foreign name.
    text = "وشارك وزراء دفاع الدول الثلاث: الفرنسي سيباستيان لوكورنو، والألماني بوريس بيستوريوس، والإيطالي غيدو كروزيتو."
    names, _ = persons("ar", text)
    assert {"سيباستيان لوكورنو", "بوريس بيستوريوس", "غيدو كروزيتو"} <= set(names)


@pytest.mark.parametrize("text", [
    "وأشاد الجانب المغربي، والإسباني بالتعاون بين البلدين.",  # a demonym, then a common word
    "وقال المصدر إن الوفد، الفرنسي خصوصا، رحب بالاتفاق.",  # one word after the demonym
])
def test_arabic_listed_demonym_without_a_name(text):
    names, _ = persons("ar", text)
    assert names == []


@pytest.mark.parametrize("text, name", [
    # a verb of saying with its conjunction glued (وقال، فأضاف، وأوضح) before a name found
    # backwards from its apposition: the verb is never part of the name
    ("وقال برنار كازنوف، وزير الداخلية الفرنسي السابق، إن التهديد ما زال قائما.", "برنار كازنوف"),
    ("فأضاف جيرالد دارمانان، وزير الداخلية الفرنسي، أن التعاون مع المغرب متين.", "جيرالد دارمانان"),
    ("وأوضح فيليب لازاريني، المفوض العام للأونروا، أن الوضع صعب.", "فيليب لازاريني"),
    ("وكشف كريستوفر راي، مدير مكتب التحقيقات الفيدرالي، عن تفاصيل جديدة.", "كريستوفر راي"),
])
def test_arabic_verb_of_saying_with_its_conjunction_is_not_part_of_the_name(text, name):
    names, _ = persons("ar", text)
    assert name in names
    assert not any(n != name and name in n for n in names)


@pytest.mark.parametrize("text, name, glued", [
    # a title or a common word with the conjunction glued to it ends the name before it
    ("وصدر الحكم بحق محمد بديع وعدد من قيادات الجماعة.", "محمد بديع", "محمد بديع وعدد"),
    ("واجتمع الأمين العام أنطونيو غوتيريش ورئيس المفوضية.", "أنطونيو غوتيريش", "أنطونيو غوتيريش ورئيس المفوضية"),
])
def test_arabic_conjunction_glued_to_a_title_or_common_word_ends_a_name(text, name, glued):
    names, _ = persons("ar", text)
    assert name in names
    assert glued not in names and not any("ورئيس" in n or "وعدد" in n for n in names)


def test_arabic_nisba_closes_a_name_after_a_link_and_a_definite_word():
    # بن عبد الكريم: a link, then a definite word, then the family name (ى written for ي)
    names, _ = persons("ar", "واستقبل الأمين العام لرابطة العالم الإسلامي محمد بن عبد الكريم العيسى الوفد.")
    assert "محمد بن عبد الكريم العيسى" in names
    # a definite noun that is no nisba still ends the name before it
    names, _ = persons("ar", "واستقبل ولي العهد محمد بن سلمان الوفد السعودي.")
    assert "محمد بن سلمان" in names


@pytest.mark.parametrize("text, name", [
    # a construct title, its genitive complement and an adverb, then the name (no comma)
    ("وحضر رئيس هيئة الأركان الفرنسية آنذاك فرانسوا لوكوانتر ورئيس الوزراء الحفل", "فرانسوا لوكوانتر"),
    # the complement ends on a lexicon body
    ("وقال الأمين العام لحلف شمال الأطلسي خافيير سولانا إن الحلف مستعد", "خافيير سولانا"),
    # an indefinite title head (مدير) with a construct complement
    ("وكان مدير جهاز المخابرات الخارجية سيرغي ناريشكين قد أعلن", "سيرغي ناريشكين"),
])
def test_arabic_name_right_after_a_titles_genitive_complement(text, name):
    names, _ = persons("ar", text)
    assert name in names


@pytest.mark.parametrize("text", [
    # a verb and its object after the complement: one name word is not enough, and the
    # complement needs a definite word (a bare construct noun is no complement)
    "وقال وزير الداخلية عقد اجتماعا مع نظيره.",
    "وأكد رئيس المجلس العسكري الانتقالي في تشاد أن البلاد مستعدة",
])
def test_arabic_genitive_complement_without_a_name(text):
    names, _ = persons("ar", text)
    assert names == []


def test_arabic_title_with_the_place_of_the_post_before_the_name():
    names, _ = persons("ar", "والتقى السفير الفرنسي في الرباط كريستوف لوكورتييه بالوزير")
    assert "كريستوف لوكورتييه" in names


def test_arabic_name_words_written_with_a_hamza_on_the_alef_are_no_article():
    # أل with a hamza is no article: أولاف, ألكسندر are name words
    names, _ = persons("ar", "واستقبل المستشار الألماني أولاف شولتس نظيره")
    assert "أولاف شولتس" in names
    names, _ = persons("ar", "وصرح السيد ألكسندر شالنبرغ للصحفيين")
    assert "ألكسندر شالنبرغ" in names


def test_arabic_ali_inside_a_name_is_no_preposition():
    names, _ = persons("ar", "واستقبل الشيخ عبد الله بن علي آل ثاني الوفد")
    assert "عبد الله بن علي آل ثاني" in names
    names, _ = persons("ar", "وتحدث محمد علي الحسيني للصحفيين")
    assert "محمد علي الحسيني" in names
    # علي alone, as the preposition على written with ya, starts no name
    names, _ = persons("ar", "وقال علي إن الأمر محسوم")
    assert names == []


def test_arabic_feminine_title_before_an_apposed_name():
    names, _ = persons("ar", "واستقبلت المديرة العامة لليونسكو، أودري أزولاي، الوفد")
    assert "أودري أزولاي" in names


def test_arabic_preposition_written_with_alef_maqsura_after_a_given_name():
    # أشرف على: "supervised", the given name أشرف then the preposition, no name
    names, _ = persons("ar", "وأشرف على العملية فريق من الخبراء")
    assert names == []


def test_arabic_object_after_a_foreign_name_is_no_family_name():
    # verb-first sentence: the definite noun after the subject's name is the object
    names, _ = persons("ar", "ووصف رئيس الوزراء الياباني فوميو كيشيدا الهجوم بأنه جبان")
    assert "فوميو كيشيدا" in names
    # led by a given name, a definite family name still closes the name
    names, _ = persons("ar", "وقال الشيخ ناصر خالد حمد العلي، إن")
    assert "ناصر خالد حمد العلي" in names


def test_arabic_word_with_tanween_fath_is_no_name_word():
    names, _ = persons("ar", "وانتخب المؤتمر السيد بارنييه رئيساً للجنة")
    assert names == ["بارنييه"]


def test_arabic_title_glued_to_a_conjunction_and_a_given_name_with_a_definite_family_name():
    # و + وزيرة in a list of officials; نجلاء + a definite family name after the title
    names, _ = persons("ar", "ووقع وزير الخارجية الإيطالي فرانكو فراتيني ووزيرة الخارجية السودانية مريم المهدي مذكرة")
    assert "فرانكو فراتيني" in names and "مريم المهدي" in names
    names, _ = persons("ar", "وقالت وزيرة الخارجية نادية العبيدي إن")
    assert "نادية العبيدي" in names


def test_arabic_envoy_and_adviser_titles():
    names, _ = persons("ar", "وقال مستشار الأمن القومي الأمريكي جون بولتون إن")
    assert "جون بولتون" in names
    names, _ = persons("ar", "وقالت المبعوثة الأممية ستيفاني خوري إن")
    assert "ستيفاني خوري" in names


def test_arabic_name_stops_at_a_pronoun_suffixed_or_glued_word():
    names, _ = persons("ar", "وصرح الأمين العام لحلف الناتو مارك روته بأنها خطوة مهمة")
    assert "مارك روته" in names and not any("بأنها" in n for n in names)
    names, _ = persons("ar", "وأشاد الرئيس إيمانويل ماكرون واهتمامه بالملف")
    assert "إيمانويل ماكرون" in names and not any("واهتمامه" in n for n in names)


def test_english_general_staff_is_no_person_after_the_rank_general():
    names, _ = persons("en", "The chief of the Egyptian General Staff met General Mark Milley.")
    assert "Staff" not in names


def test_arabic_family_name_after_a_patronymic_closed_by_punctuation():
    names, _ = persons("ar", "وقال قائد القوات اللواء فيصل بن سلطان الراشد، إن التمرين نجح")
    assert "فيصل بن سلطان الراشد" in names
    # without punctuation after it, a definite word after the patronymic is a noun of the clause
    names, _ = persons("ar", "واستقبل الأمير محمد بن سلمان الوفد أمس")
    assert "محمد بن سلمان" in names and not any("الوفد" in n for n in names)


def test_arabic_name_stops_before_a_glued_preposition_and_common_word():
    names, _ = persons("ar", "وأشاد المدير الفرنسي بمستوى الأمن في المدينة")
    assert names == []


def test_arabic_name_of_three_words_ends_before_a_definite_common_noun():
    # a verb-first sentence: the subject's name, then its object (الهجوم), then no punctuation
    names, _ = persons("ar", "ووصف الرئيس حسن علي خيري الهجوم بأنه جبان")
    assert names == ["حسن علي خيري"]
    names, _ = persons("ar", "وأعلن القاضي بيار لوران دوبوا الأحكام في القاعة")
    assert names == ["بيار لوران دوبوا"]


def test_arabic_name_runs_over_a_european_particle():
    names, _ = persons("ar", "وقال وزير المالية الهولندي فوبكه هوكسترا إن رئيس الوزراء مارك فان دير لاندن غائب.")
    assert "مارك فان دير لاندن" in names
    names, _ = persons("ar", "وأكد وزير الداخلية البلجيكي يان يامبون، فإن الحكومة مستعدة")
    assert all("فإن" not in n and "فان" not in n for n in names)


def test_arabic_name_ends_before_a_known_surname_with_the_conjunction():
    names, _ = persons("ar", "وصرح وزير الخارجية أنطونيو تاياني بذلك. وانتقدت المعارضة رئيسة الوزراء جورجيا ميلوني وتاياني بشدة.")
    # (the whole name since public_figures.yaml lists it; the title's reading gave ميلوني)
    assert any(n.endswith("ميلوني") for n in names) and not any("وتاياني" in n for n in names)


def test_arabic_country_name_that_is_a_given_name_leads_a_one_word_name_after_a_title():
    names, _ = persons("ar", "واستقبلت رئيسة الوزراء الإيطالية جورجيا ميلوني الوفد الليبي.")
    assert "جورجيا ميلوني" in names
    # the country as the title's complement, a name of two words after it
    names, _ = persons("ar", "وقال رئيس جورجيا ميخائيل ساكاشفيلي إن الحدود آمنة.")
    assert "ميخائيل ساكاشفيلي" in names and not any(n.startswith("جورجيا") for n in names)


def test_arabic_foreign_given_name_leads_a_name_without_a_title():
    names, _ = persons("ar", "وأكد كريستوفر راي أمام الكونغرس أن التهديد قائم.")
    assert names == ["كريستوفر راي"]


def test_english_abbreviated_rank_after_a_title_is_no_name():
    names, _ = persons("en", "Shortly after transitional president Col. Mamady Doumbouya spoke, the border closed.")
    assert "Col" not in names


def test_arabic_public_figure_named_without_a_title():
    # public_figures.yaml: a listed full name stands alone, after a verb of saying or in a list,
    # though لي is a function word and إيدي, كايا no listed given names
    names, doc = persons("ar", "وأعلن لي شانغفو أن الصين ستزيد مساعداتها العسكرية.")
    assert names == ["لي شانغفو"]
    assert doc.spans["patterns"][0]._.person_cue.cue == "public_figure"
    names, _ = persons("ar", "وأكد إيدي راما وكايا كالاس أن الحوار مستمر.")
    assert names == ["إيدي راما", "كايا كالاس"]


def test_arabic_public_figure_after_a_glued_preposition():
    # the clitic splitter cuts ب off a listed name's word: the name without the preposition
    names, doc = persons("ar", "والتقى الوزير بفولوديمير زيلينسكي في كييف.")
    assert names == ["فولوديمير زيلينسكي"]
    assert "ب" in [t.text for t in doc]


def test_arabic_name_after_the_head_of_a_place_named_after_a_person_names_the_place():
    # ar_named_after_heads: a stadium, an airport, a hall named after a king or a prince
    for text in ("وأقيمت المباراة على ملعب الملك فهد الدولي في الرياض.",
                 "ووصل الوفد إلى مطار محمد الخامس الدولي بالدار البيضاء.",
                 "وعقد الاجتماع بقاعة الأمير سلطان بن عبد العزيز للمؤتمرات.",
                 "ونظمت مؤسسة محمد السادس للعلماء الأفارقة ندوة في فاس."):
        names, _ = persons("ar", text)
        assert names == [], text
    # a rank between the head and the name, or the head in construct after a title: a person
    names, _ = persons("ar", "وقال قائد القاعدة العقيد أحمد سالم إن التدريب مستمر.")
    assert names == ["أحمد سالم"]
    names, _ = persons("ar", "واستقبل رئيس جامعة الأزهر أحمد الطيب الوفد.")
    assert names == ["أحمد الطيب"]


def test_arabic_perfect_verb_is_no_name_word():
    # ar_name_stop_verbs: the verb after a title and its demonym, or after a one-word name,
    # in the masculine and the derived feminine (عرض، تناولت)
    names, _ = persons("ar", "وأكدت وسائل إعلام أن الوزير الألماني عرض مساعدة تقنية على الحكومة.")
    assert names == []
    names, _ = persons("ar", "وأجرى الوفد محادثات مع اللواء سامر تناولت الوضع الأمني في المنطقة.")
    assert names == ["سامر"]
    # a given name that is also a verb (حسن) stays a name word
    names, _ = persons("ar", "وقال الوزير حسن علي إن الحوار مستمر.")
    assert names == ["حسن علي"]


def test_arabic_foreign_given_names_of_public_figures_lead_a_name():
    # a given name of a listed figure (كايا، ساديو) leads another person's name too
    names, _ = persons("ar", "واستقبلت الوزيرة المبعوثة كايا يانسن في بروكسل، ثم التقى ساديو ديالو بالوفد.")
    assert "كايا يانسن" in names and "ساديو ديالو" in names


def test_arabic_foreign_surname_in_final_ha_after_a_foreign_given_name():
    # German -ke written ـكه is no pronoun "his" right after a foreign given name
    names, _ = persons("ar", "وأشار التقرير إلى اغتيال فرانك لوبكه في كاسل عام 2019.")
    assert names == ["فرانك لوبكه"]
    # elsewhere the pronoun still ends the name: "X واهتمامه"
    names, _ = persons("ar", "وأشاد الوزير كريم بنعلي واهتمامه بالملف.")
    assert all("اهتمامه" not in n for n in names)


def test_arabic_listed_surname_names_its_public_figure_alone():
    # ar_surnames of public_figures.yaml: the surname alone, with a conjunction or a preposition
    names, _ = persons("ar", "وقال بوتين إن موسكو لن تتراجع، فيما دعا غوتيريش إلى التهدئة.")
    assert names == ["بوتين", "غوتيريش"]
    names, _ = persons("ar", "واتصل الرئيس الأمريكي بنتنياهو وأردوغان.")
    assert "نتنياهو" in names and "أردوغان" in names
    # a surname that is also an Arabic word is not listed: رئيسي (main)
    names, _ = persons("ar", "ويعد الملف الأمني المحور الرئيسي للمحادثات.")
    assert names == []


@pytest.mark.parametrize("text,name", [
    # issue 14 (fr7): hyphenated ranks the French tokenizer splits, feminine titles
    ("Le général-major Saïd Chanegriha a inspecté la 4e région militaire.", "Saïd Chanegriha"),
    ("Le colonel-major Célestin Simporé a pris le commandement.", "Célestin Simporé"),
    ("La porte-parole Maud Bregeon a répondu aux questions.", "Maud Bregeon"),
])
def test_french_compound_ranks_and_feminine_titles_lead_a_name(text, name):
    names, _ = persons("fr", text)
    assert name in names


def test_a_portfolio_before_an_apposed_rank_is_no_name_fr():
    # issue 14 (fr7): "le ministre malien de la Défense, le général X": "la Défense" is the portfolio
    names, _ = persons("fr", "Le ministre tchadien de la Défense, le général Issakha Malloua, a visité Abéché.")
    assert "la Défense" not in names and "Défense" not in names
