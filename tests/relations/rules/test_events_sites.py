"""Where an event took place (``occurredIn``, pipeline/relations/rules/events.py: the place
checks of :func:`events` and the rule :func:`event_hosts`) on texts of our own: the place the
event's phrase follows or a verb of holding joins to it, the first place after it, the place
that hosts it; not the place of another predicate, a place "near" it, a seat, a title's
place, the place of another event."""
EVENT = "Event"


# --- a place before the event: only when the event's phrase or a verb of holding joins them

def test_a_place_the_event_phrase_follows_ar(extract):
    text = 'انطلقت، يوم الاثنين 3 يونيو 2024 بالرباط، أشغال "منتدى الأمن الإفريقي".'
    triples, _ = extract("ar", text, [("منتدى الأمن الإفريقي", EVENT), ("الرباط", "City")])
    assert ("منتدى الأمن الإفريقي", "occurredIn", "الرباط") in triples


def test_a_place_before_the_event_description_ar(extract):
    text = "انطلقت، يوم الأحد، بمانيلا، فعاليات التمرين البحري المشترك «باليكاتان 2024» بين الفلبين والولايات المتحدة."
    triples, _ = extract("ar", text, [("باليكاتان 2024", EVENT), ("مانيلا", "City")])
    assert ("باليكاتان 2024", "occurredIn", "مانيلا") in triples


def test_a_place_of_another_predicate_before_the_event_ar(extract):
    text = ('صدر حكم بالسجن في الولايات المتحدة في قضية "هجمات مومباي" على تهور رانا. '
            'وانطلقت بالرباط أشغال "منتدى الأمن الإفريقي".')
    triples, _ = extract("ar", text, [("هجمات مومباي", EVENT), ("منتدى الأمن الإفريقي", EVENT), ("الرباط", "City")])
    assert ("هجمات مومباي", "occurredIn", "الولايات المتحدة") not in triples
    assert ("منتدى الأمن الإفريقي", "occurredIn", "الرباط") in triples  # the control


def test_a_place_of_another_predicate_before_the_event_en(extract):
    text = ("Tahawwur Rana was sentenced in Canada for his role in the Mumbai attacks. "
            "The Madrid train bombings were carried out in Madrid in March 2004.")
    triples, _ = extract("en", text, [("Mumbai attacks", EVENT), ("Madrid train bombings", EVENT)])
    assert ("Mumbai attacks", "occurredIn", "Canada") not in triples
    assert ("Madrid train bombings", "occurredIn", "Madrid") in triples


def test_a_possessor_is_no_place_en(extract):
    text = ("The allies stood together in resisting Iraq's invasion of Kuwait. "
            "The Helsinki conference was held in Helsinki.")
    triples, _ = extract("en", text, [("invasion of Kuwait", EVENT), ("Helsinki conference", EVENT)])
    assert ("invasion of Kuwait", "occurredIn", "Iraq") not in triples
    assert ("Helsinki conference", "occurredIn", "Helsinki") in triples


def test_a_place_inside_the_name_governed_from_outside_en(extract):
    text = "Ayman al-Zawahiri was killed in a U.S. drone strike at his house in Kabul in July 2022."
    triples, _ = extract("en", text, [("drone strike", EVENT), ("Kabul", "City")])
    assert not any(h == "drone strike" and t == "occurredIn" and p in {"U.S.", "United States"} for h, t, p in triples)
    assert ("drone strike", "occurredIn", "Kabul") in triples


# --- a place after the event: the first group a locative opens, not "near", not a seat

def test_the_first_place_after_the_event_not_the_wider_one_fr(extract):
    text = "L'exercice « Trident Juncture 2018 » a pris fin vendredi à Trondheim, dans le comté de Trøndelag."
    triples, _ = extract("fr", text, [("Trident Juncture 2018", EVENT), ("Trondheim", "City"),
                                      ("comté de Trøndelag", "Location")])
    assert ("Trident Juncture 2018", "occurredIn", "Trondheim") in triples
    assert ("Trident Juncture 2018", "occurredIn", "comté de Trøndelag") not in triples


def test_a_list_of_places_after_the_event_en(extract):
    text = "BALTOPS 2023 opened on Sunday with ceremonies in Tallinn and Kiel, Germany."
    triples, _ = extract("en", text, [("BALTOPS 2023", EVENT), ("Tallinn", "City"), ("Kiel", "City")])
    for place in ("Tallinn", "Kiel", "Germany"):
        assert ("BALTOPS 2023", "occurredIn", place) in triples


def test_places_each_with_its_locative_fr(extract):
    text = "L'exercice « Trident Juncture 2018 » s'est déroulé à Trondheim et à Oslo, puis en mer."
    triples, _ = extract("fr", text, [("Trident Juncture 2018", EVENT), ("Trondheim", "City"), ("Oslo", "City")])
    assert ("Trident Juncture 2018", "occurredIn", "Trondheim") in triples
    assert ("Trident Juncture 2018", "occurredIn", "Oslo") in triples


def test_places_each_with_the_same_locative_and_after_a_verb_of_holding(extract):
    text = ("Baptisée « opération Atlas », elle a mobilisé des enquêteurs en Suède, en Norvège et au Danemark. "
            "BALTOPS 2023, the largest naval exercise in Europe, which opened on Monday in Poland, Estonia and Latvia.")
    triples, _ = extract("fr", text, [("opération Atlas", EVENT)])
    for place in ("Suède", "Norvège", "Danemark"):
        assert ("opération Atlas", "occurredIn", place) in triples
    triples, _ = extract("en", text.split(". ", 1)[1], [("BALTOPS 2023", EVENT), ("Europe", "Location")])
    for place in ("Poland", "Estonia", "Latvia"):
        assert ("BALTOPS 2023", "occurredIn", place) in triples


def test_a_place_near_which_it_happened_en(extract):
    text = ("Chechen rebels claimed the attack on the Beslan school near Vladikavkaz in September 2004. "
            "The Madrid bombings took place in Madrid in March 2004.")
    triples, _ = extract("en", text, [("attack on the Beslan school", EVENT), ("Madrid bombings", EVENT),
                                      ("Vladikavkaz", "City")])
    assert ("attack on the Beslan school", "occurredIn", "Vladikavkaz") not in triples
    assert ("Madrid bombings", "occurredIn", "Madrid") in triples


def test_the_seat_of_an_operation_en(extract):
    text = ("Operation Ocean Shield, commanded from its headquarters in Naples, patrolled the Gulf of Aden. "
            "Operation Enduring Freedom was conducted in Afghanistan.")
    triples, _ = extract("en", text, [("Operation Ocean Shield", EVENT), ("Operation Enduring Freedom", EVENT),
                                      ("Naples", "City")])
    assert ("Operation Ocean Shield", "occurredIn", "Naples") not in triples
    assert ("Operation Enduring Freedom", "occurredIn", "Afghanistan") in triples


def test_a_place_that_ends_a_title_before_the_name_ar(extract):
    text = ('أدى وزير الخارجية المغربي "زيارة عمل" إلى كيتو، استقبله خلالها رئيس الجمهورية في الإكوادور '
            "السيد دانيال نوبوا.")
    triples, _ = extract("ar", text, [("زيارة عمل", EVENT), ("كيتو", "City"), ("الإكوادور", "Country"),
                                      ("دانيال نوبوا", "Person")])
    assert ("زيارة عمل", "occurredIn", "الإكوادور") not in triples
    assert ("زيارة عمل", "occurredIn", "كيتو") in triples


# --- a back-reference: not the place another event noun claims

def test_the_next_summit_is_another_event_ar(extract):
    text = ('وعقدت "قمة مجموعة العشرين" في نيودلهي. '
            "ومن المقرر أن تستضيف البرازيل القمة المقبلة في ريو دي جانيرو عام 2024.")
    triples, _ = extract("ar", text, [("قمة مجموعة العشرين", EVENT), ("نيودلهي", "City"), ("ريو دي جانيرو", "City")])
    assert ("قمة مجموعة العشرين", "occurredIn", "ريو دي جانيرو") not in triples
    assert ("قمة مجموعة العشرين", "occurredIn", "نيودلهي") in triples


def test_another_session_between_the_reference_and_the_place_ar(extract):
    text = ('واختتمت في سانتياغو "الدورة الثامنة والثمانون" للجمعية العامة. '
            "وهي المرة الثانية التي تحتضن فيها تشيلي هذا الحدث بعد دورة عام 1985 في بوينس آيرس نفسها.")
    triples, _ = extract("ar", text, [("الدورة الثامنة والثمانون", EVENT), ("سانتياغو", "City"), ("بوينس آيرس", "City")])
    assert ("الدورة الثامنة والثمانون", "occurredIn", "بوينس آيرس") not in triples
    assert ("الدورة الثامنة والثمانون", "occurredIn", "سانتياغو") in triples


# --- the place that hosts the event (event_hosts)

def test_a_state_hosts_an_exercise_ar(extract):
    text = 'تحتضن تايلاند، خلال الفترة من 28 فبراير إلى 10 مارس 2023، مناورات "كوبرا غولد 2023".'
    triples, relations = extract("ar", text, [("كوبرا غولد 2023", EVENT), ("تايلاند", "Country")])
    assert ("كوبرا غولد 2023", "occurredIn", "تايلاند") in triples
    assert "rule:event-hosted-in" in {r.extractor for r in relations if r.type == "occurredIn"}


def test_a_city_hosts_a_summit_fr(extract):
    text = "Addis-Abeba accueille le 37e sommet de l'Union africaine, ouvert samedi."
    triples, _ = extract("fr", text, [("37e sommet de l'Union africaine", EVENT), ("Addis-Abeba", "City")])
    assert ("37e sommet de l'Union africaine", "occurredIn", "Addis-Abeba") in triples


def test_a_co_host_is_no_place_en(extract):
    text = "Exercise Cobra Gold 2023, co-hosted by the United States and Thailand, opened in Rayong."
    triples, _ = extract("en", text, [("Exercise Cobra Gold 2023", EVENT), ("Rayong", "City")])
    assert ("Exercise Cobra Gold 2023", "occurredIn", "United States") not in triples
    assert ("Exercise Cobra Gold 2023", "occurredIn", "Rayong") in triples


def test_a_visit_host_is_no_place_of_hosting_en(extract):
    text = "Thailand hosts the state visit of President Lula da Silva. Thailand hosts Cobra Gold 2023."
    triples, _ = extract("en", text, [("state visit", EVENT), ("Cobra Gold 2023", EVENT),
                                      ("Lula da Silva", "Person")])
    assert not any(h == "state visit" and t == "occurredIn" for h, t, _ in triples)
    assert ("Cobra Gold 2023", "occurredIn", "Thailand") in triples
