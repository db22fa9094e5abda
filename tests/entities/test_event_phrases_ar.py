"""``arabic_event_phrases`` on the real Arabic pipeline (our own sentences, public names)."""
import spacy

from pipeline.entities.event_phrases_ar import ArabicEventPhrases, verb_shaped
from pipeline.entities.tokens import LexiconMarks, token_view
from pipeline.nlp import get_nlp


def phrases(text):
    doc = get_nlp("ar")(text)
    return doc, {s.text: s._.event_name for s in doc.spans["event_phrases"]}


def test_a_visit_runs_on_through_its_visitor_to_the_place_it_goes_to():
    _, found = phrases("وصل الوفد في زيارة أجراها رئيس الوزراء الهندي ناريندرا مودي إلى باريس، وسط حضور إعلامي.")
    assert list(found) == ["زيارة أجراها رئيس الوزراء الهندي ناريندرا مودي إلى باريس"]
    assert found["زيارة أجراها رئيس الوزراء الهندي ناريندرا مودي إلى باريس"].antecedent is None


def test_a_bridge_to_two_named_parties_and_a_year_single_the_event_out():
    _, found = phrases("نظم ملتقى مشترك بين وزارة الداخلية المغربية والمنظمة الدولية للشرطة الجنائية يوم الاثنين.")
    assert list(found) == ["ملتقى مشترك بين وزارة الداخلية المغربية والمنظمة الدولية للشرطة الجنائية"]
    _, found = phrases("أجرت القوات التمرين الجوي المشترك 2023 بمشاركة المغرب.")
    assert found["التمرين الجوي المشترك 2023"].year == "2023"


def test_nothing_that_singles_an_event_out_is_no_event():
    assert phrases("قام الوزير بزيارة قصيرة أمس.")[1] == {}
    assert phrases("ناقش الوزيران تنظيم ندوة علمية في الخريف.")[1] == {}


def test_a_definite_head_takes_no_name_right_after_it():
    # the person is the subject of the verb, not a part of the summit's name
    assert phrases("ترأس القمة الرئيس عبد المجيد تبون.")[1] == {}


def test_a_visit_under_way_does_not_run_on_past_its_verb():
    assert phrases("ناقش الوزيران زيارة يقوم بها الرئيس إلى موسكو.")[1] == {}


def test_a_demonstrative_refers_back_to_the_last_event_of_its_kind():
    doc, found = phrases("وصل الوفد في زيارة أجراها رئيس الوزراء الهندي ناريندرا مودي إلى باريس. "
                         "وقال المتحدث إن هذه الزيارة تاريخية.")
    visit = next(s for s in doc.spans["event_phrases"] if s.text.startswith("زيارة"))
    assert found["هذه الزيارة"].antecedent == visit.start
    # without an event of its kind before it, an anaphor refers to nothing
    assert phrases("وقال المتحدث إن هذه الزيارة تاريخية.")[1] == {}
    # of another kind: no link
    assert "هذا الاجتماع" not in phrases("وصل الوفد في زيارة أجراها الرئيس إيمانويل ماكرون إلى الرباط. "
                                         "وقال المتحدث إن هذا الاجتماع مهم.")[1]


def test_bare_definite_heads_are_anaphors_only_when_configured():
    text = "وصل الوفد في زيارة أجراها الرئيس إيمانويل ماكرون إلى الرباط. وقال المتحدث إن الزيارة ناجحة."
    assert "الزيارة" not in phrases(text)[1]
    nlp = spacy.blank("ar")
    bare = ArabicEventPhrases(nlp, bare_anaphors=True)
    doc = get_nlp("ar")(text)
    found = {s.text: r for s, r in bare.find(doc, token_view(doc).norms, LexiconMarks(doc))}
    assert found["الزيارة"].antecedent == next(s.start for s in doc.spans["event_phrases"] if s.text.startswith("زيارة"))


def test_other_languages_get_an_empty_group():
    doc = get_nlp("fr")("La visite du président Emmanuel Macron à Rabat.")
    assert list(doc.spans["event_phrases"]) == []


def test_verb_shapes_are_not_verbal_nouns():
    assert all(verb_shaped(w) for w in ("يقوم", "تتعرض", "استهدف", "نفذت"))
    assert not any(verb_shaped(w) for w in ("تعاون", "تمرين", "تدريبات", "تنسيق", "امنيه", "عمليات"))


def events(text):
    """Span text -> its record, for the events of ``event_patterns`` (described visits)."""
    doc = get_nlp("ar")(text)
    return {s.text: s._.event_name for s in doc.spans["events"]}


def test_a_described_visit_takes_its_visitor_and_place_as_its_alias():
    found = events("وقع البلدان الاتفاق خلال زيارة الدولة التي أداها الرئيس إيمانويل ماكرون إلى الرباط في أكتوبر 2024.")
    assert found["زيارة الدولة"].alias == "زيارة الدولة التي أداها الرئيس إيمانويل ماكرون إلى الرباط"
    found = events("وجاء ذلك في ختام زيارة عمل أجراها ناريندرا مودي إلى باريس استمرت يومين.")
    assert found["زيارة عمل"].alias == "زيارة عمل أجراها ناريندرا مودي إلى باريس"
    # no place after the visitor: the description stays alone
    assert events("وجاء ذلك في ختام زيارة عمل أجراها ناريندرا مودي استمرت يومين.")["زيارة عمل"].alias is None


def test_a_definite_visit_runs_on_through_a_relative_pronoun_to_its_place():
    _, found = phrases("وناقش الطرفان نتائج الزيارة التي أداها الملك عبد الله الثاني إلى واشنطن.")
    assert list(found) == ["الزيارة التي أداها الملك عبد الله الثاني إلى واشنطن"]
    # a relative clause with no place it goes to: the visit is not singled out
    assert phrases("وناقش الطرفان نتائج الزيارة التي أداها الملك عبد الله الثاني.")[1] == {}


def test_a_visit_told_as_done_is_an_event_even_after_a_time_anchor():
    text = "وجاء القرار بعد أسابيع من زيارة أجراها المستشار أولاف شولتس إلى القاهرة، التقى خلالها السيسي."
    assert list(phrases(text)[1]) == ["زيارة أجراها المستشار أولاف شولتس إلى القاهرة"]
    # a visit without its verb after the anchor only dates what the sentence tells
    assert phrases("وجاء القرار بعد أسابيع من زيارة المستشار الألماني أولاف شولتس إلى القاهرة.")[1] == {}
    # the anchor still rules out the other kinds of event
    assert phrases("وجاء القرار بعد ملتقى مشترك بين وزارة الداخلية المغربية والمنظمة الدولية للشرطة الجنائية.")[1] == {}


def test_an_attack_told_by_its_named_target_is_an_event():
    _, found = phrases("وأدان المجلس الهجوم على سفارة الولايات المتحدة في نيروبي، وطالب بمحاسبة منفذيه.")
    assert list(found) == ["الهجوم على سفارة الولايات المتحدة"]
    _, found = phrases('وتذكر الصحيفة الهجوم الذي استهدف مسرح "باتاكلان" عام 2015.')
    assert list(found) == ['الهجوم الذي استهدف مسرح "باتاكلان"']
    _, found = phrases("وأعاد ذلك إلى الأذهان الهجوم الانتحاري على مطار كابول قبل عامين.")
    assert list(found) == ["الهجوم الانتحاري على مطار كابول"]


def test_an_attack_without_a_named_target_or_a_definite_head_is_no_event():
    assert phrases("وأدان المجلس الهجوم على قاعدة عسكرية في الشمال.")[1] == {}
    # indefinite: a threat or a plan, not one event told
    assert phrases("وحذر من أن أي هجوم على النيجر سيعد إعلان حرب.")[1] == {}
    # plural heads are a series
    assert phrases("وأدان المجلس الهجمات التي استهدفت مدينة كابول.")[1] == {}


def test_a_war_in_a_named_place_and_a_coup_told_by_its_target_are_events():
    assert list(phrases("وناقش الوزيران تداعيات الحرب في أوكرانيا على أسعار الحبوب.")[1]) == ["الحرب في أوكرانيا"]
    assert list(phrases("وناقش الوزيران تداعيات الحرب الروسية في أوكرانيا.")[1]) == ["الحرب الروسية في أوكرانيا"]
    # no place right after: the war on terrorism is no one war
    assert phrases("وأكد الوزير التزام بلاده بالحرب على الإرهاب.")[1] == {}
    _, found = phrases("وعلقت المجموعة عضوية النيجر بعد الانقلاب الذي أطاح بالرئيس محمد بازوم في يوليو.")
    assert list(found) == ["الانقلاب الذي أطاح بالرئيس محمد بازوم"]


def test_an_attack_told_by_its_target_beside_a_named_attack_is_that_attack():
    text = ('وجاءت العملية ردا على الهجوم الذي استهدف سفارة الولايات المتحدة في نيروبي. '
            'ونفذ هجوم «نيروبي» عناصر من تنظيم القاعدة.')
    assert phrases(text)[1] == {}
    # positive control: the first sentence alone
    assert list(phrases(text.split(". ")[0] + ".")[1]) == ["الهجوم الذي استهدف سفارة الولايات المتحدة"]


def test_a_meeting_of_named_officials_is_an_event_with_its_place_as_alias():
    _, found = phrases("وعقد اجتماع وزراء داخلية دول الساحل في نواكشوط يوم الاثنين.")
    assert list(found) == ["اجتماع وزراء داخلية دول الساحل"]
    assert found["اجتماع وزراء داخلية دول الساحل"].alias == "اجتماع وزراء داخلية دول الساحل في نواكشوط"
    # a meeting with no officials named after it is no event
    assert phrases("وعقد اجتماع مطول في نواكشوط يوم الاثنين.")[1] == {}


def test_an_attack_told_by_its_target_with_another_date_than_the_named_attack_is_another_one():
    # the named attacks are of September 2001, the attack on the embassy of August 1998: two events
    text = ('وشن التنظيم هجمات 11 سبتمبر 2001 في نيويورك. '
            'وكان قد نفذ الهجوم على سفارة الولايات المتحدة في أغسطس 1998 في نيروبي.')
    assert list(phrases(text)[1]) == ["الهجوم على سفارة الولايات المتحدة"]
    # the same month: the named attacks told by one target
    same = ('وشن التنظيم هجمات 11 سبتمبر 2001 في نيويورك. '
            'وكان قد نفذ الهجوم على سفارة الولايات المتحدة في سبتمبر 2001 في نيروبي.')
    assert phrases(same)[1] == {}


def test_a_visitor_named_ali_or_set_off_by_commas_does_not_stop_the_visit_short():
    # علي is the preposition على once normalized: before a name it is the given name
    text = "وجاء الاتفاق بعد زيارة أجراها رئيس الوزراء اليمني علي محمد مجور إلى الرياض في مارس 2008."
    assert list(phrases(text)[1]) == ["زيارة أجراها رئيس الوزراء اليمني علي محمد مجور إلى الرياض"]
    # the visitor's name in apposition between commas
    doc = get_nlp("ar")("وجاء القرار بعد زيارة العمل التي قادت وزير الخارجية الإسباني، خوسيه مانويل ألباريس، إلى الرباط.")
    visit = next(s for s in doc.spans["events"] if s.text == "زيارة العمل")
    assert visit._.event_name.alias == "زيارة العمل التي قادت وزير الخارجية الإسباني، خوسيه مانويل ألباريس، إلى الرباط"
    # a comma that ends the clause still ends the visitor
    doc = get_nlp("ar")("وجاء القرار بعد زيارة العمل التي قادت وزير الخارجية الإسباني، وأكد الوزير إلى الرباط.")
    assert next(s for s in doc.spans["events"] if s.text == "زيارة العمل")._.event_name.alias is None


def test_an_assassination_told_by_the_person_it_befell_is_an_event():
    _, found = phrases("وتتهم النيابة الرجل باغتيال رئيس الوزراء الياباني السابق شينزو آبي عام 2022.")
    assert list(found) == ["باغتيال رئيس الوزراء الياباني السابق شينزو آبي"]
    # the annotators write it with or without the proclitic
    assert found["باغتيال رئيس الوزراء الياباني السابق شينزو آبي"].alias == "اغتيال رئيس الوزراء الياباني السابق شينزو آبي"
    # a name no recognizer knows, after the person's titles, up to a year
    assert list(phrases("وأثار اغتيال السياسي الهولندي بيم فورتاون عام 2002 صدمة.")[1]) == [
        "اغتيال السياسي الهولندي بيم فورتاون"]


def test_an_assassination_of_no_named_person_is_no_event():
    assert phrases("وحذر من محاولات اغتيال قادة الحركة.")[1] == {}
    assert phrases("وأدان اغتيال الصحفيين الثلاثة في المدينة.")[1] == {}
    # the words after the titles run on: no name can be told apart
    assert phrases("وأدان اغتيال المعارض البارز شكري بلعيد صباح الأربعاء.")[1] == {}


def test_a_gathering_told_as_held_in_a_named_place_is_an_event():
    _, found = phrases("وقرر القادة خلال قمة رؤساء دول المجموعة المنعقدة في نيروبي يوم الأحد تعزيز التعاون.")
    assert list(found) == ["قمة رؤساء دول المجموعة المنعقدة في نيروبي"]
    # its own words before the verb are its other form
    assert found["قمة رؤساء دول المجموعة المنعقدة في نيروبي"].alias == "قمة رؤساء دول المجموعة"
    # ب glued to the place; the object of the verb after the place is no part of it
    _, found = phrases("وجاء ذلك خلال اجتماع جمع بالرباط وزير الداخلية المغربي ونظيره الإسباني.")
    assert list(found) == ["اجتماع جمع بالرباط"]
    # a city the lexicon does not know, after مدينة, and its adjective
    _, found = phrases("وقال المتحدث في مؤتمر صحفي عقد في مدينة ليون الفرنسية، إن التحقيق مستمر.")
    assert list(found) == ["مؤتمر صحفي عقد في مدينة ليون الفرنسية"]


def test_a_definite_or_possessive_gathering_told_as_held_in_or_hosted_by_a_place_is_an_event():
    _, found = phrases("واتفق القادة خلال قمتهم التي احتضنتها العاصمة الكينية نيروبي على تعزيز الدعم.")
    assert list(found) == ["قمتهم التي احتضنتها العاصمة الكينية نيروبي"]
    _, found = phrases("واتفق القادة خلال القمة التي عقدت في نيروبي على تعزيز الدعم.")
    assert list(found) == ["القمة التي عقدت في نيروبي"]
    assert found["القمة التي عقدت في نيروبي"].alias is None  # the head alone is no other form


def test_a_gathering_held_in_no_named_place_is_no_event():
    assert phrases("وناقشوا ذلك في اجتماع عقد في مقر الوزارة.")[1] == {}
    # a gathering to come is not told as held
    assert phrases("وسيناقش القادة ذلك في قمة تعقد في نيروبي الشهر المقبل.")[1] == {}


def test_a_dual_attack_told_by_its_named_target_is_an_event():
    _, found = phrases("وأدان المجلس التفجيرين اللذين استهدفا مدينة مزار شريف الأفغانية الشهر الماضي.")
    assert list(found) == ["التفجيرين اللذين استهدفا مدينة مزار شريف الأفغانية"]
    # no named target: no event
    assert phrases("وأدان المجلس التفجيرين اللذين استهدفا سوقا شعبية.")[1] == {}


def test_a_definite_exercise_alone_is_the_one_exercise_named_before_it():
    doc, found = phrases("انطلق تمرين \"كوبرا غولد 2023\" في تايلاند يوم الثلاثاء. "
                         "وشاركت في التمرين قوات من اليابان وإندونيسيا.")
    named = next(s for s in doc.spans["events"] if s.text == "كوبرا غولد 2023")
    assert found["التمرين"].antecedent == named.start
    _, found = phrases("انطلقت مناورات \"كوبرا غولد 2023\" في تايلاند. وشاركت في المناورات قوات من اليابان.")
    assert found["المناورات"].antecedent is not None
    # two editions named before it: which one is meant is not said, no link
    _, found = phrases("شاركت اليابان في تمرين \"كوبرا غولد 2022\" العام الماضي. وانطلق تمرين \"كوبرا غولد 2023\" "
                       "في تايلاند. وشاركت في التمرين قوات من اليابان.")
    assert "التمرين" not in found
    # a definite visit alone stays no anaphor (bare_anaphors off)
    _, found = phrases("وصل الوفد في زيارة أجراها الرئيس إيمانويل ماكرون إلى الرباط. وقال المتحدث إن الزيارة ناجحة.")
    assert "الزيارة" not in found


def test_a_numbered_edition_of_a_named_exercise_is_that_exercise():
    doc, found = phrases("انطلقت النسخة الثانية والأربعين من مناورات \"كوبرا غولد 2023\" في تايلاند.")
    named = next(s for s in doc.spans["events"] if s.text == "كوبرا غولد 2023")
    assert found["النسخة الثانية والأربعين"].antecedent == named.start
    assert [s.text for s in doc.spans["events"]] == ["كوبرا غولد 2023"]  # no event of its own
    # a session of a committee is an event of its own
    doc, found = phrases("افتتحت الدورة السابعة للجنة الثنائية الحدودية بين مالي والنيجر في نيامي.")
    assert not any(r.antecedent is not None for r in found.values())


def test_a_small_town_in_an_attacks_target_names_it_and_the_same_target_again_is_that_attack():
    doc, found = phrases("أعاد الحادث إلى الأذهان العملية التي استهدفت منشأة أرامكو في بقيق عام 2019. "
                         "وأدى الهجوم على منشأة بقيق إلى وقف نصف الإنتاج.")
    first = "العملية التي استهدفت منشأة أرامكو في بقيق"
    assert list(found) == [first, "الهجوم على منشأة بقيق"]
    assert found[first].antecedent is None
    assert found["الهجوم على منشأة بقيق"].antecedent == next(s.start for s in doc.spans["event_phrases"] if s.text == first)
    # a target with no name in it stays no event
    assert phrases("وأدى الهجوم على منشأة نفطية إلى وقف نصف الإنتاج.")[1] == {}


def test_an_attacks_target_with_no_name_takes_the_named_place_after_it():
    _, found = phrases("تذكر الجميع الهجوم الإرهابي على ملهى بولس الليلي في أورلاندو عام 2016.")
    assert list(found) == ["الهجوم الإرهابي على ملهى بولس الليلي في أورلاندو"]
    # no place's name after في: no event
    assert phrases("تذكر الجميع الهجوم الإرهابي على ملهى ليلي في الشهر الماضي.")[1] == {}


def test_an_attack_named_by_its_place_takes_its_target_as_an_alias():
    doc = get_nlp("ar")("وقع هجوم نيس على المحتفلين بالعيد الوطني في يوليو 2016.")
    [span] = doc.spans["events"]
    assert span.text == "هجوم نيس"  # the span stays the head and the place, the city a mention of its own
    assert span._.event_name.alias == "هجوم نيس على المحتفلين بالعيد الوطني"
    [span] = get_nlp("ar")("وقع هجوم نيس في يوليو 2016.").spans["events"]
    assert span._.event_name.alias is None


def test_a_possessive_summit_in_a_named_place_needs_no_verb():
    _, found = phrases("اختتم قادة مجموعة السبع قمتهم السنوية في مدينة هيروشيما اليابانية.")
    assert list(found) == ["قمتهم السنوية في مدينة هيروشيما اليابانية"]
    assert found["قمتهم السنوية في مدينة هيروشيما اليابانية"].alias == "قمتهم السنوية"
    # an indefinite or definite head still needs the verb that tells it held
    assert phrases("ناقش الوزراء فكرة قمة سنوية في مدينة هيروشيما اليابانية.")[1] == {}


def test_a_numbered_session_has_its_topic_or_its_body_without_the_owner_as_alias():
    doc = get_nlp("ar")("عقد القادة قمتهم الاستثنائية الأولى بشأن ليبيا في أديس أبابا.")
    assert [(s.text, s._.event_name.alias) for s in doc.spans["events"]] == [
        ("قمتهم الاستثنائية الأولى", "قمتهم الاستثنائية الأولى بشأن ليبيا")]
    doc = get_nlp("ar")("انطلقت أشغال الدورة الثالثة والعشرين للمجلس التنفيذي للاتحاد الإفريقي في مالابو.")
    [span] = doc.spans["events"]
    assert span._.event_name.name == "الدورة الثالثة والعشرين للمجلس التنفيذي للاتحاد الإفريقي"
    assert span._.event_name.alias == "الدورة الثالثة والعشرين للمجلس التنفيذي"
    # a body that is itself the organization's name is not cut
    doc = get_nlp("ar")("افتتحت الدورة الثامنة والسبعين للجمعية العامة للأمم المتحدة في نيويورك.")
    assert [s._.event_name.alias for s in doc.spans["events"]] == [None]


def test_an_indefinite_attack_or_one_in_construct_told_by_its_named_target_is_an_event():
    _, found = phrases("شن مسلحون هجوما داميا على بلدة سولهان شمال بوركينا فاسو.")
    assert list(found) == ["هجوما داميا على بلدة سولهان"]
    _, found = phrases("تذكر الألمان هجوم الدهس الذي استهدف سوق عيد الميلاد في برلين.")
    assert list(found) == ["هجوم الدهس الذي استهدف سوق عيد الميلاد في برلين"]
    # any attack, a possible one, one to carry out: none happened
    assert phrases("حذر الجيش من أي هجوم على مدينة غاو.")[1] == {}
    assert phrases("تحدث عن هجوم محتمل على مدينة تمبكتو.")[1] == {}
    assert phrases("خطط لتنفيذ هجوم على مدينة برلين.")[1] == {}



def test_a_definite_gathering_whose_proceedings_are_told_is_an_event():
    _, found = phrases("وانطلقت أمس بتونس أشغال الاجتماع الوزاري التونسي-الليبي لبحث أمن الحدود.")
    assert list(found) == ["الاجتماع الوزاري التونسي-الليبي"]
    # its parties after بين are its other form
    _, found = phrases("والتقى الوزيران على هامش الاجتماع رفيع المستوى بين الجزائر وإيطاليا.")
    assert list(found) == ["الاجتماع رفيع المستوى"]
    assert found["الاجتماع رفيع المستوى"].alias == "الاجتماع رفيع المستوى بين الجزائر وإيطاليا"
    # and its officials after ل
    _, found = phrases("واختتمت أشغال المؤتمر السنوي لقادة الشرطة العرب في تونس.")
    assert found["المؤتمر السنوي"].alias == "المؤتمر السنوي لقادة الشرطة العرب"


def test_a_gathering_with_no_adjective_or_a_noun_after_it_is_no_proceedings_event():
    assert phrases("وشارك الوزير في أشغال الاجتماع، وقال إن التنسيق مستمر.")[1] == {}
    # a noun after the head is the verb's object, not an adjective of the gathering
    assert phrases("والتقى الوزير على هامش القمة الرئيس الفرنسي إيمانويل ماكرون.")[1] == {}


def test_an_exercise_told_by_the_named_place_it_is_held_in_is_an_event():
    _, found = phrases("وأجرت القوات البحرية الجزائرية والروسية مناورات بحرية مشتركة قبالة وهران، وفق بيان.")
    assert list(found) == ["مناورات بحرية مشتركة قبالة وهران"]
    # a second place after و
    _, found = phrases("ونفذ الجيشان تمارين مشتركة في تونس وليبيا الشهر الماضي.")
    assert list(found) == ["تمارين مشتركة في تونس وليبيا"]


def test_an_exercise_in_no_named_place_or_not_joint_is_no_event():
    assert phrases("وتضمن البرنامج تمارين في مجال الاتصالات ومناورات قرب الحدود.")[1] == {}
    # a named place, but nothing says the exercise is a joint one
    assert phrases("ونفذ الجيش الجزائري مناورات عسكرية قرب تندوف.")[1] == {}


def test_an_ordinal_before_an_events_head_tells_one_event():
    _, found = phrases("وشارك الجنود في أول تمرين بحري مشترك بين الجزائر وتونس قبالة بنزرت.")
    assert "أول تمرين بحري مشترك بين الجزائر وتونس" in found
    _, found = phrases("وتولى المجلس العسكري السلطة في ثالث انقلاب عسكري تشهده البلاد منذ عام 2020.")
    assert list(found) == ["ثالث انقلاب عسكري"]


def test_an_ordinal_before_a_bare_head_or_a_gathering_to_come_is_no_event():
    assert phrases("ولم يحدد الطرفان موعد أول اجتماع مشترك للجنة.")[1] == {}
    assert phrases("ووقع القادة المعاهدة خلال أول قمة يعقدها التحالف.")[1] == {}


def test_an_edition_told_by_its_year_is_an_event_with_its_place_as_alias():
    _, found = phrases("وتحتضن المدينة الحدث للمرة الثانية بعد دورة عام 2018 في الرباط.")
    assert list(found) == ["دورة عام 2018"]
    assert found["دورة عام 2018"].alias == "دورة عام 2018 في الرباط"
    assert found["دورة عام 2018"].year == "2018"
    # an edition of a named event (من ...) is left to that event
    assert "نسخة 2022" not in phrases("وشاركت السنغال في نسخة 2022 من التمرين.")[1]


def test_a_gathering_a_holding_verb_before_it_holds_in_a_named_place_is_an_event():
    _, found = phrases("وعقد وزيرا الداخلية، يوم الاثنين الماضي، اجتماعا بمدينة وهران الساحلية، بحضور الولاة.")
    assert list(found) == ["اجتماعا بمدينة وهران الساحلية"]
    # a gathering to come is not held
    assert phrases("وسيعقد الوزيران اجتماعا في وهران.")[1] == {}


def test_an_indefinite_attack_told_by_the_town_it_struck_is_an_event():
    _, found = phrases("وقتل عشرة أشخاص في هجوم انتحاري في مقديشو أمس.")
    assert list(found) == ["هجوم انتحاري في مقديشو"]
    _, found = phrases("وأكدت التقارير ضربة في بلدة تيساليت بشمال مالي.")
    assert list(found) == ["ضربة في بلدة تيساليت"]


def test_an_attack_planned_or_in_a_whole_country_is_no_event():
    assert phrases("وأحبطت الشرطة مخططا لتنفيذ هجوم في باريس.")[1] == {}
    assert phrases("ووقع هجوم مسلح في مالي أمس.")[1] == {}
