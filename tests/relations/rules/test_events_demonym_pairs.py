"""A hyphenated pair of demonyms that qualifies the body of an event's name (the ``events`` rule,
rule:event-demonym in pipeline/relations/rules/events.py): the hyphen is no word between the
event and the pair, so both states take part."""


def test_a_hyphenated_pair_after_the_committee_ar(extract):
    text = ("انطلقت اليوم الأحد بالعاصمة أشغال الدورة الخامسة للجنة الثنائية الحدودية المغربية-الموريتانية. "
            "وتربط المغرب وموريتانيا علاقات قوية.")
    triples, _ = extract("ar", text)
    assert ("المغرب", "involvedIn", "الدورة الخامسة") in triples
    assert ("موريتانيا", "involvedIn", "الدورة الخامسة") in triples


def test_a_lone_demonym_further_away_still_qualifies_nothing_ar(extract):
    text = ("انطلقت اليوم الأحد بالعاصمة أشغال الدورة الخامسة للجنة الثنائية الحدودية برعاية الوساطة "
            "الموريتانية. وتربط المغرب وموريتانيا علاقات قوية.")
    triples, _ = extract("ar", text)
    assert ("موريتانيا", "involvedIn", "الدورة الخامسة") not in triples
    text = text.replace("برعاية الوساطة الموريتانية", "المغربية-الموريتانية")  # the control: the pair qualifies
    assert ("موريتانيا", "involvedIn", "الدورة الخامسة") in extract("ar", text)[0]


def test_a_pair_before_the_committee_en(extract):
    text = ("The 5th session of the joint Moroccan-Mauritanian border committee opened in Rabat on Monday. "
            "Morocco and Mauritania share a border.")
    triples, _ = extract("en", text)
    assert ("Morocco", "involvedIn", "5th session") in triples
    assert ("Mauritania", "involvedIn", "5th session") in triples


def test_a_pair_after_a_longer_genitive_chain_ar(extract):
    text = ("شارك الوزير في الدورة الأولى للجنة الثنائية لتنمية المناطق الحدودية المغربية الموريتانية يوم الاثنين. "
            "وتربط المغرب وموريتانيا علاقات قوية.")
    triples, _ = extract("ar", text)
    assert ("المغرب", "involvedIn", "الدورة الأولى") in triples
    assert ("موريتانيا", "involvedIn", "الدورة الأولى") in triples


def test_a_pair_past_a_word_that_is_no_genitive_qualifies_another_noun_ar(extract):
    text = ("شارك الأسطول في الدورة الأولى مع وحدات القوات البحرية المغربية الموريتانية يوم الاثنين. "
            "وتربط المغرب وموريتانيا علاقات قوية.")
    triples, _ = extract("ar", text)
    assert ("موريتانيا", "involvedIn", "الدورة الأولى") not in triples
    text = text.replace("مع وحدات القوات البحرية", "للجنة الحدودية")  # the control: a genitive chain
    assert ("موريتانيا", "involvedIn", "الدورة الأولى") in extract("ar", text)[0]
