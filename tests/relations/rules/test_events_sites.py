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


def test_a_place_of_another_predicate_before_the_event_ar(extract):
    text = ('صدر حكم بالسجن مدى الحياة في فرنسا في قضية "هجمات نوفمبر" على صلاح عبد السلام. '
            'وانطلقت بالرباط أشغال "منتدى الأمن الإفريقي".')
    triples, _ = extract("ar", text, [("هجمات نوفمبر", EVENT), ("منتدى الأمن الإفريقي", EVENT), ("الرباط", "City")])
    assert ("هجمات نوفمبر", "occurredIn", "فرنسا") not in triples
    assert ("منتدى الأمن الإفريقي", "occurredIn", "الرباط") in triples  # the control


def test_a_place_of_another_predicate_before_the_event_en(extract):
    text = ("Salah Abdeslam is serving a whole-life sentence in France for his role in the Paris attacks. "
            "The Brussels bombings were carried out in Brussels in March 2016.")
    triples, _ = extract("en", text, [("Paris attacks", EVENT), ("Brussels bombings", EVENT)])
    assert ("Paris attacks", "occurredIn", "France") not in triples
    assert ("Brussels bombings", "occurredIn", "Brussels") in triples


def test_a_possessor_is_no_place_en(extract):
    text = ("The spy chiefs said they stood together in resisting Russia's war against Ukraine. "
            "The Munich conference was held in Munich.")
    triples, _ = extract("en", text, [("war against Ukraine", EVENT), ("Munich conference", EVENT)])
    assert ("war against Ukraine", "occurredIn", "Russia") not in triples
    assert ("Munich conference", "occurredIn", "Munich") in triples


def test_a_place_inside_the_name_governed_from_outside_en(extract):
    text = "Qassem Soleimani was killed in a U.S. drone strike at Baghdad airport in January 2020."
    triples, _ = extract("en", text, [("drone strike", EVENT), ("Baghdad", "City")])
    assert not any(h == "drone strike" and t == "occurredIn" and p in {"U.S.", "United States"} for h, t, p in triples)
    assert ("drone strike", "occurredIn", "Baghdad") in triples


# --- a place after the event: the first group a locative opens, not "near", not a seat

def test_the_first_place_after_the_event_not_the_wider_one_fr(extract):
    text = "L'exercice « African Lion 2021 » a pris fin vendredi au Cap Draa, dans la province de Tan-Tan."
    triples, _ = extract("fr", text, [("African Lion 2021", EVENT), ("Cap Draa", "Location"),
                                      ("province de Tan-Tan", "Location")])
    assert ("African Lion 2021", "occurredIn", "Cap Draa") in triples
    assert ("African Lion 2021", "occurredIn", "province de Tan-Tan") not in triples


def test_a_list_of_places_after_the_event_en(extract):
    text = "Cutlass Express 2024, an East African maritime exercise, opened with ceremonies in Djibouti and Victoria, Seychelles."
    triples, _ = extract("en", text, [("Cutlass Express 2024", EVENT), ("Victoria", "City")])
    for place in ("Djibouti", "Victoria", "Seychelles"):
        assert ("Cutlass Express 2024", "occurredIn", place) in triples


def test_a_place_near_which_it_happened_en(extract):
    text = ("The Islamic State claimed the attack on the Crocus City Hall near Moscow in March 2024. "
            "The Kerman bombings took place in Kerman in January 2024.")
    triples, _ = extract("en", text, [("attack on the Crocus City Hall", EVENT), ("Kerman bombings", EVENT)])
    assert ("attack on the Crocus City Hall", "occurredIn", "Moscow") not in triples
    assert ("Kerman bombings", "occurredIn", "Kerman") in triples


def test_the_seat_of_an_operation_en(extract):
    text = ("Operation Irini, commanded from its headquarters in Rome, inspected a merchant vessel. "
            "Operation Atalanta was conducted in Somalia.")
    triples, _ = extract("en", text, [("Operation Irini", EVENT), ("Operation Atalanta", EVENT)])
    assert ("Operation Irini", "occurredIn", "Rome") not in triples
    assert ("Operation Atalanta", "occurredIn", "Somalia") in triples


def test_a_place_that_ends_a_title_before_the_name_ar(extract):
    text = ('أدى وزير الدفاع الموريتاني "زيارة عمل" إلى باماكو، استقبله خلالها رئيس المرحلة الانتقالية في مالي '
            "العقيد أسيمي غويتا.")
    triples, _ = extract("ar", text, [("زيارة عمل", EVENT), ("أسيمي غويتا", "Person")])
    assert ("زيارة عمل", "occurredIn", "مالي") not in triples
    assert ("زيارة عمل", "occurredIn", "باماكو") in triples


# --- a back-reference: not the place another event noun claims

def test_the_next_summit_is_another_event_ar(extract):
    text = ('وعقدت "قمة الحلف الأطلسي" في واشنطن. '
            "ومن المقرر أن تستضيف تركيا القمة المقبلة في أنقرة عام 2026.")
    triples, _ = extract("ar", text, [("قمة الحلف الأطلسي", EVENT), ("واشنطن", "City"), ("أنقرة", "City")])
    assert ("قمة الحلف الأطلسي", "occurredIn", "أنقرة") not in triples
    assert ("قمة الحلف الأطلسي", "occurredIn", "واشنطن") in triples


def test_another_session_between_the_reference_and_the_place_ar(extract):
    text = ('واختتمت في هونغ كونغ "الدورة الرابعة والتسعون" للجمعية العامة. '
            "وهي المرة الثانية التي يحتضن فيها المغرب هذا الحدث بعد دورة عام 2007 في مراكش نفسها.")
    triples, _ = extract("ar", text, [("الدورة الرابعة والتسعون", EVENT), ("هونغ كونغ", "City"), ("مراكش", "City")])
    assert ("الدورة الرابعة والتسعون", "occurredIn", "مراكش") not in triples
    assert ("الدورة الرابعة والتسعون", "occurredIn", "هونغ كونغ") in triples


# --- the place that hosts the event (event_hosts)

def test_a_state_hosts_an_exercise_ar(extract):
    text = 'تحتضن موريتانيا، خلال الفترة من 17 إلى 28 فبراير 2020، مناورات "فلينتلوك 2020".'
    triples, relations = extract("ar", text, [("فلينتلوك 2020", EVENT)])
    assert ("فلينتلوك 2020", "occurredIn", "موريتانيا") in triples
    assert "rule:event-hosted-in" in {r.extractor for r in relations if r.type == "occurredIn"}


def test_a_city_hosts_a_summit_fr(extract):
    text = "Bruxelles accueille le sixième sommet UE-UA, reporté de deux ans."
    triples, _ = extract("fr", text, [("sixième sommet UE-UA", EVENT)])
    assert ("sixième sommet UE-UA", "occurredIn", "Bruxelles") in triples


def test_a_co_host_is_no_place_en(extract):
    text = "Exercise Sea Breeze 2021, co-hosted by the United States and Ukraine, opened in Odesa."
    triples, _ = extract("en", text, [("Exercise Sea Breeze 2021", EVENT), ("Odesa", "City")])
    assert ("Exercise Sea Breeze 2021", "occurredIn", "United States") not in triples
    assert ("Exercise Sea Breeze 2021", "occurredIn", "Odesa") in triples


def test_a_visit_host_is_no_place_of_hosting_en(extract):
    text = "Morocco hosts the state visit of President Emmanuel Macron. Morocco hosts African Lion 2024."
    triples, _ = extract("en", text, [("state visit", EVENT), ("African Lion 2024", EVENT),
                                      ("Emmanuel Macron", "Person")])
    assert not any(h == "state visit" and t == "occurredIn" for h, t, _ in triples)
    assert ("African Lion 2024", "occurredIn", "Morocco") in triples
