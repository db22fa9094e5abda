"""event_phrases: events a noun phrase singles out, read from the French and English parse."""
import spacy

from pipeline.entities.event_phrases import EventPhrases
from pipeline.nlp import get_nlp


def events(lang, text):
    """Span text -> (name, head, year, alias) of every event of ``text``."""
    doc = get_nlp(lang)(text)
    return {s.text: s._.event_name for s in doc.spans["events"]}


def phrases(lang, text):
    """The phrase of each event: its alias when its span is shorter, else its span."""
    return sorted(r.alias or s for s, r in events(lang, text).items())


def test_a_year_or_a_name_before_the_head_singles_out_one_event():
    found = events("en", "The 2021 Guinea coup ousted Alpha Condé.")
    assert list(found) == ["2021 Guinea coup"]
    record = found["2021 Guinea coup"]
    # a description, not a name: no name of its own, its head and its year
    assert (record.name, record.head, record.year) == ("", "coup", "2021")
    assert phrases("en", "The Srebrenica massacre shocked Europe.") == ["Srebrenica massacre"]


def test_a_complement_with_a_date_a_place_or_a_target_singles_out_one_event():
    found = events("fr", "Le coup d'État du 30 août 2023 au Gabon a renversé Ali Bongo.")
    # the fixed head (coup d'État) and its date; the place after the year is cut
    assert list(found) == ["coup d'État du 30 août 2023"]
    assert found["coup d'État du 30 août 2023"].year == "2023"
    # the place (a lexicon name) stays a mention of its own: the span is the head, the phrase its alias
    found = events("fr", "La bataille de Verdun a duré dix mois.")
    assert list(found) == ["bataille"] and found["bataille"].alias == "bataille de Verdun"
    doc = get_nlp("fr")("La bataille de Verdun a duré dix mois.")
    assert "Verdun" in {s.text for s in doc.spans["lexicon"]}
    assert phrases("fr", "L'attaque contre le camp de Tillabéri a fait dix morts.") == \
        ["attaque contre le camp de Tillabéri"]


def test_the_extent_is_the_pruned_subtree_of_the_head():
    # a relative clause leaves the phrase
    assert phrases("en", "The attack on the Westgate shopping mall, which lasted four days, shocked Kenya.") == \
        ["attack on the Westgate shopping mall"]
    # a coordination after between / entre stays in it
    assert phrases("en", "The war between Ethiopia and Eritrea ended in 2000.") == ["war between Ethiopia and Eritrea"]
    assert phrases("fr", "La guerre entre l'Éthiopie et l'Érythrée a pris fin en 2000.") == \
        ["guerre entre l'Éthiopie et l'Érythrée"]
    # a participle leaves it: "signed by 195 parties" is not part of the agreement's phrase
    assert phrases("en", "The 2015 Paris climate agreement was signed by 195 parties.") == \
        ["2015 Paris climate agreement"]


def test_generic_heads_classes_and_titles_are_no_events():
    text = ("The meeting ended without a statement. Talks with Antony Blinken were useful. "
            "The largest annual exercise in Africa began. A meeting in Brussels was postponed. "
            "Attacks on shipping continued. The National Assembly voted.")
    assert events("en", text) == {}
    assert events("fr", "La réunion a pris fin. L'édition 2024 a attiré du monde. Une réunion à Bruxelles a été reportée.") == {}
    # an agreement between two parties is a text, not the event of its signing, unless a year singles it out
    assert events("en", "The nuclear agreement between Iran and six powers collapsed.") == {}
    # positive control: the same kinds of heads when a year or a name singles them out
    assert phrases("en", "The 2023 Brussels meeting of NATO ministers ended.") == ["2023 Brussels meeting of NATO ministers"]


def test_a_description_of_an_event_already_named_is_no_new_event():
    # "the joint naval exercise off Mombasa" beside Exercise Cutlass Express 2023 is that exercise
    found = events("en", "Exercise Cutlass Express 2023 began in Djibouti. The joint naval exercise off Mombasa "
                         "ended on Friday.")
    assert list(found) == ["Exercise Cutlass Express 2023"]
    # without the named exercise, the description is an event of its own
    assert phrases("en", "The joint naval exercise off Mombasa ended on Friday.") == ["joint naval exercise off Mombasa"]


def test_numbered_sessions_take_the_parse_extent_as_their_name():
    # the rule's name ran on to the reflexive clitic of the verb; the parse stops at the body
    found = events("fr", "La 9e session de la commission mixte algéro-tunisienne se tiendra à Tunis.")
    assert found["9e session"].name == "9e session de la commission mixte algéro-tunisienne"
    found = events("en", "The 41st session of the Council of Arab Economic Unity, held in Cairo, ended.")
    assert found["41st session"].name == "41st session of the Council of Arab Economic Unity"
    # a complement without a body is not the session's name
    assert events("en", "The 7th session of talks opened in Geneva.")["7th session"].name == "7th session"


def test_nothing_without_a_parse_or_for_arabic():
    nlp = spacy.blank("en")
    nlp.add_pipe("lexicon_matcher")
    nlp.add_pipe("event_patterns")
    component = nlp.add_pipe("event_phrases")
    assert isinstance(component, EventPhrases)
    assert list(nlp("The 2021 Guinea coup ousted Alpha Condé.").spans.get("events", [])) == []
    assert get_nlp("ar").has_pipe("event_phrases")
    assert list(events("ar", "وقعت معركة في المدينة")) == []


# --- anaphors (this summit, cette session) and events named by their place in a series -----
def anaphors(lang, text):
    """Anaphor text -> the text of the event span it refers back to."""
    doc = get_nlp(lang)(text)
    starts = {s.start: s.text for s in doc.spans["events"]}
    return {s.text: starts.get(s._.event_name.antecedent) for s in doc.spans["event_phrases"]}


def test_a_demonstrative_head_refers_back_to_the_last_event_of_its_kind():
    assert anaphors("en", "The 2017 Manchester Arena bombing killed 22 people. This bombing shocked Britain.") == {
        "This bombing": "2017 Manchester Arena bombing"}
    assert anaphors("fr", "L'attentat de Nice de 2016 a fait 86 morts. La France a condamné cet attentat.") == {
        "cet attentat": "attentat de Nice"}
    # the anaphor is no event of its own
    assert "This bombing" not in events("en", "The 2017 Manchester Arena bombing killed 22 people. This bombing shocked Britain.")


def test_a_definite_head_alone_is_an_anaphor_only_for_gatherings():
    text = "The 2022 Madrid summit of NATO ended on Thursday. Leaders praised the summit."
    assert anaphors("en", text) == {"the summit": "summit"}  # the span of "the 2022 Madrid summit of NATO"
    # "the bombing" is as often the series or another bombing: no anaphor
    assert anaphors("en", "The 2017 Manchester Arena bombing killed 22 people. Police said the bombing was planned.") == {}


def test_an_anaphor_needs_an_event_of_its_kind_in_the_sentences_before():
    assert anaphors("en", "Ministers praised this summit.") == {}
    # a meeting is no summit
    assert anaphors("fr", "Le sommet de Madrid de 2022 s'est achevé jeudi. Les ministres ont salué cette réunion.") == {}
    far = ("The 2022 Madrid summit of NATO ended on Thursday. It rained in Spain. Trains stopped. "
           "Buses were late. Ministers praised this summit.")
    assert anaphors("en", far) == {}


def test_a_head_with_a_modifier_or_a_complement_is_no_anaphor():
    text = "The 2022 Madrid summit of NATO ended on Thursday. This summit of the G7 opened later."
    assert anaphors("en", text) == {}


def test_a_comma_the_parse_hangs_on_an_anaphor_is_no_modifier_of_it():
    # a fronted participial clause: its comma, attached to the head, describes nothing
    text = ("La quatrième session de la commission mixte s'est tenue lundi à Tunis. Coprésidée par le ministre "
            "tunisien de la Défense, Imed Memmiche, et par le ministre français des Armées, Sébastien Lecornu, "
            "la réunion a permis de faire le point.")
    assert anaphors("fr", text) == {"la réunion": "quatrième session"}


def test_a_definite_exercise_alone_is_the_one_exercise_named_before_it():
    text = "The Cobra Gold 2023 exercise opened in Thailand on Tuesday. Japan and Indonesia joined the drills."
    assert anaphors("en", text) == {"the drills": "Cobra Gold 2023 exercise"}
    text = "L'exercice Cobra Gold 2023 a débuté mardi en Thaïlande. Le Japon et l'Indonésie participent aux manœuvres."
    assert anaphors("fr", text) == {"aux manœuvres": "exercice Cobra Gold 2023"}
    # two exercises named before it: no link
    text = ("Japan joined the Cobra Gold 2022 exercise last year. The Cobra Gold 2023 exercise opened in Thailand "
            "on Tuesday. Indonesia joined the drills.")
    assert anaphors("en", text) == {}
    # the series, not this edition
    text = "The Cobra Gold 2023 exercise opened in Thailand on Tuesday. It is the largest edition since the drills began."
    assert anaphors("en", text) == {}


def test_an_edition_is_the_named_recurring_event_before_it():
    text = "L'exercice Cobra Gold 2023 a débuté mardi en Thaïlande. Cette 42e édition réunit 30 pays."
    assert anaphors("fr", text) == {"Cette 42e édition": "exercice Cobra Gold 2023"}
    assert "42e édition" not in events("fr", text)  # no event of its own
    text = "The Cobra Gold 2023 exercise opened in Thailand on Tuesday. This 42nd edition ends in March."
    assert anaphors("en", text) == {"This 42nd edition": "Cobra Gold 2023 exercise"}
    # another year: another edition
    assert anaphors("en", "The Cobra Gold 2023 exercise opened in Thailand on Tuesday. The 2022 edition drew 20 "
                          "countries.") == {}
    # with nothing named before it, an edition is what it was
    assert anaphors("fr", "Cette 42e édition réunit 30 pays.") == {}


def test_a_numbered_edition_of_a_named_exercise_is_that_exercise():
    text = "La 42e édition de l'exercice Cobra Gold 2023 a débuté mardi en Thaïlande."
    assert anaphors("fr", text) == {"42e édition": "exercice Cobra Gold 2023"}
    assert list(events("fr", text)) == ["exercice Cobra Gold 2023"]
    text = "The 42nd edition of the Cobra Gold 2023 exercise opened in Thailand."
    assert anaphors("en", text) == {"42nd edition": "Cobra Gold 2023 exercise"}
    # an edition of a body is an event of its own
    assert anaphors("en", "The 42nd edition of the Paris Air Show opened in June.") == {}


def test_the_previous_session_is_an_event_of_its_own_and_no_anaphor():
    text = ("The 12th session of the Joint Commission opened in Rabat. "
            "The previous session was held in Madrid. Last year's edition drew 300 people.")
    found = events("en", text)
    assert "previous session" in found and "Last year's edition" in found
    # its relative word is its name: event_identity counts from the numbered session
    assert found["previous session"].name == "previous session"
    assert anaphors("en", text) == {}
    fr = events("fr", "La 12e session de la commission mixte s'est ouverte à Rabat. "
                      "La précédente session avait eu lieu à Madrid.")
    assert "précédente session" in fr
    # a session to come is left out (the tuning sets do not annotate it)
    assert "next session" not in events("en", "The 12th session opened in Rabat. The next session will be held in Madrid.")


def test_a_session_after_a_possessive_is_named_by_the_subject_of_its_verb():
    found = events("en", "The Chilean-Peruvian joint commission held its 9th session in Lima on Monday.")
    record = found["9th session"]
    assert (record.name, record.alias) == ("9th session of the Chilean-Peruvian joint commission", "its 9th session")
    found = events("fr", "Le Conseil des ministres arabes a ouvert sa 12e session.")
    assert found["12e session"].name == "12e session du Conseil des ministres arabes"
    # a person's session is no body's
    assert events("fr", "Emmanuel Macron a présidé sa 12e session.")["12e session"].name == "12e session"


def test_nouns_before_the_head_of_a_found_event_make_its_alias():
    # event_patterns' dated and placed events start at their head; the noun before it is the
    # writer's name for the event
    found = events("en", "He was convicted for the Madrid train bombings of March 2004, which killed 193 people.")
    record = found["bombings of March 2004"]
    assert record.alias == "Madrid train bombings of March 2004"
    assert events("en", "Ministers met at a migration conference in Rome last year.")["conference in Rome"].alias \
        == "migration conference in Rome"
    # an article or a possessive before the head is no part of it
    assert events("en", "He recalled the bombings of March 2004.")["bombings of March 2004"].alias is None


def test_a_ceasefire_is_singled_out_by_its_named_parties_before_it_an_agreement_is_not():
    found = events("en", "The Israel-Lebanon ceasefire will be monitored by a committee chaired by the United States.")
    assert list(found) == ["ceasefire"] and found["ceasefire"].alias == "Israel-Lebanon ceasefire"
    # an agreement so named is a text, not the event of its signing
    assert events("en", "The EU-Tunisia agreement will be reviewed by the Commission.") == {}


def test_an_extraordinary_or_emergency_summit_is_one_event():
    found = events("fr", "Réunis en sommet extraordinaire samedi à Abuja, les chefs d'État de la CEDEAO ont levé les sanctions.")
    assert list(found) == ["sommet extraordinaire"]  # the weekday after the adjective is no part of it
    assert found["sommet extraordinaire"].name == ""  # a description, not a name
    found = events("en", "The strike prompted an emergency Arab-Islamic summit in the Qatari capital.")
    # the span is the head with its adjectives; the phrase with its complement, its alias
    assert list(found) == ["emergency Arab-Islamic summit"]
    assert found["emergency Arab-Islamic summit"].alias == "emergency Arab-Islamic summit in the Qatari capital"
    # no cue, or a negated one: nothing
    assert events("fr", "Les chefs d'État préparent un sommet ordinaire.") == {}
    assert events("en", "The ministers ruled out any emergency summit.") == {}


def test_a_summit_item_of_a_list_is_no_event_of_its_own():
    assert events("en", "The week includes trade talks, an emergency summit and a gala dinner.") == {}


def test_a_time_with_its_year_after_a_named_event_dates_it():
    # the name singles the strike out; the time with its year stays in the phrase, and dates it
    found = events("en", "A Predator strike in November 2002 killed Qaed Salim Sinan al-Harethi in Yemen.")
    assert list(found) == ["Predator strike in November 2002"]
    assert found["Predator strike in November 2002"].year == "2002"
    assert phrases("fr", "La frappe de Barkhane en janvier 2021 a tué dix-neuf civils.") == ["frappe de Barkhane en janvier 2021"]


def test_a_ceremony_or_an_inauguration_is_singled_out_by_a_named_complement():
    found = events("en", "The handover ceremony at Camp Lemonnier was attended by General Michael Langley.")
    assert [(s, r.alias) for s, r in found.items()] == [("handover ceremony", "handover ceremony at Camp Lemonnier")]
    assert phrases("fr", "L'inauguration du Centre Pompidou de Metz a réuni les élus.") == \
        ["inauguration du Centre Pompidou de Metz"]
    # an opening or closing ceremony is a part of another event; a date alone says not what was inaugurated
    assert events("en", "The closing ceremony in Dakar was attended by the minister.") == {}
    assert events("fr", "La cérémonie d'ouverture du stage de Koulikoro a eu lieu lundi.") == {}
    assert events("fr", "Depuis son inauguration en mai 2010, le musée a accueilli des millions de visiteurs.") == {}


def test_a_coordination_before_the_head_stays_in_the_phrase():
    found = events("en", "The 2014 security and defence cooperation agreement that Rabat signed with Washington expired.")
    assert [(s, r.year) for s, r in found.items()] == [("2014 security and defence cooperation agreement", "2014")]
    # a memorandum is a text, even dated: its signing is left to the signing rules
    assert events("en", "The 2014 security memorandum that Rabat signed with Washington expired.") == {}


def test_a_french_month_without_its_year_ends_the_phrase():
    assert phrases("fr", "Il a assisté au sommet de l'UA en février avec le président Macky Sall.") == ["sommet de l'UA"]


def test_last_years_coup_is_another_event_of_the_series():
    found = events("en", "The junta expelled French troops after last year's coup.")
    assert [(s, r.name, r.head) for s, r in found.items()] == [("last year's coup", "last year's coup", "coup")]
