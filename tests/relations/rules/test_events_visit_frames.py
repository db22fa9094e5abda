"""Visits (pipeline/relations/rules/events.py, ``visits``): who made and hosted a visit when the
verb stands far from it, the counterpart met, the place the
Arabic ل names. Sentences of our own, public names."""
PERSON, EVENT, COUNTRY = "Person", "Event", "Country"


def test_the_subject_of_the_clause_opening_verb_ar(extract):
    text = ("الرباط - حل وزير الداخلية البرتغالي، جوزيه لويس كارنيرو، يوم الأحد 5 مايو 2024 بالرباط، "
            "في زيارة عمل تدوم يومين بدعوة من نظيره المغربي عبد الوافي لفتيت.")
    names = [("جوزيه لويس كارنيرو", PERSON), ("زيارة عمل", EVENT), ("عبد الوافي لفتيت", PERSON)]
    triples, relations = extract("ar", text, names)
    assert ("جوزيه لويس كارنيرو", "involvedIn", "زيارة عمل") in triples
    assert any(r.extractor == "rule:visit-subject" for r in relations)
    # the host who invited the visitor is no party of the visit (test_events.py)
    assert ("عبد الوافي لفتيت", "involvedIn", "زيارة عمل") not in triples


def test_the_subject_stands_right_after_the_opening_verb_ar(extract):
    # the person named far after the verb (a time and a place between) is no subject of it
    names = [("جوزيه لويس كارنيرو", PERSON), ("زيارة عمل", EVENT)]
    text = ("حل يوم الأحد الخامس من شهر مايو الماضي بالعاصمة الرباط الوزير جوزيه لويس كارنيرو، "
            "في زيارة عمل تدوم يومين.")
    triples, relations = extract("ar", text, names)
    assert not any(r.extractor == "rule:visit-subject" for r in relations)
    text = "حل الوزير جوزيه لويس كارنيرو، يوم الأحد الخامس من شهر مايو الماضي بالعاصمة الرباط، في زيارة عمل تدوم يومين."
    triples, relations = extract("ar", text, names)
    assert ("جوزيه لويس كارنيرو", "involvedIn", "زيارة عمل") in triples
    assert any(r.extractor == "rule:visit-subject" for r in relations)


def test_the_persons_listed_before_the_visit_verb_ar(extract):
    text = ("نواكشوط - أعلن رئيس المجلس الأوروبي شارل ميشيل ورئيس الحكومة الإسبانية بيدرو سانشيز، "
            "خلال زيارة مشتركة إلى نواكشوط يوم الخميس، عن حزمة تمويل.")
    names = [("شارل ميشيل", PERSON), ("بيدرو سانشيز", PERSON), ("زيارة مشتركة إلى نواكشوط", EVENT)]
    triples, _ = extract("ar", text, names)
    assert ("شارل ميشيل", "involvedIn", "زيارة مشتركة إلى نواكشوط") in triples
    assert ("بيدرو سانشيز", "involvedIn", "زيارة مشتركة إلى نواكشوط") in triples


def test_a_relative_clause_is_the_last_persons_own_en(extract):
    text = ("The pact was signed in Riyadh by Crown Prince Mohammed bin Salman and Pakistani Prime Minister "
            "Shehbaz Sharif, who was on a state visit to the Kingdom.")
    names = [("Mohammed bin Salman", PERSON), ("Shehbaz Sharif", PERSON), ("state visit", EVENT)]
    triples, _ = extract("en", text, names)
    assert ("Shehbaz Sharif", "involvedIn", "state visit") in triples
    assert ("Mohammed bin Salman", "involvedIn", "state visit") not in triples


def test_the_counterpart_met_during_the_visit_ar(extract):
    text = ("وتأتي العملية بعد أسابيع من زيارة أجراها الوزير جوزيه لويس كارنيرو إلى الرباط، "
            "التقى خلالها نظيره المغربي عبد الوافي لفتيت.")
    names = [("زيارة أجراها الوزير جوزيه لويس كارنيرو إلى الرباط", EVENT), ("عبد الوافي لفتيت", PERSON)]
    triples, _ = extract("ar", text, names)
    assert ("عبد الوافي لفتيت", "involvedIn", "زيارة أجراها الوزير جوزيه لويس كارنيرو إلى الرباط") in triples


def test_the_place_the_glued_lam_names_ar(extract):
    text = "استقبل المدير العام عبد اللطيف حموشي، يوم الاثنين بالرباط، السيد لوران نونيز، الذي يقوم بزيارة عمل للمملكة المغربية."
    triples, _ = extract("ar", text, [("بزيارة عمل", EVENT), ("للمملكة المغربية", COUNTRY)])
    assert ("بزيارة عمل", "occurredIn", "للمملكة المغربية") in triples
    # a place after a comma is no destination
    text = "استقبل المدير العام عبد اللطيف حموشي السيد لوران نونيز، الذي يقوم بزيارة عمل، للمملكة المغربية شراكة قوية."
    triples, _ = extract("ar", text, [("بزيارة عمل", EVENT), ("للمملكة المغربية", COUNTRY)])
    assert ("بزيارة عمل", "occurredIn", "للمملكة المغربية") not in triples
