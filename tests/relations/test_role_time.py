"""A role's status and since / until dates (leads, memberOf), in the three languages: each
status asserted beside a current role found in the same way (the positive control)."""
from __future__ import annotations

import pytest


def _role(extract, lang, text, person):
    triples, relations = extract(lang, text)
    found = [r for r in relations if r.type in ("leads", "memberOf")
             and text[int(r.head.split("#")[1].split("-")[0]):].startswith(person)]
    assert found, (person, triples)
    return found[0]


@pytest.mark.parametrize(("lang", "text", "person", "status"), [
    ("en", "Former FBI director James Comey met Christopher Wray, the director of the FBI.", "James Comey", "former"),
    ("en", "Former FBI director James Comey met Christopher Wray, the director of the FBI.", "Christopher Wray", "current"),
    ("en", "William Burns, the acting director of the CIA, arrived in Rabat.", "William Burns", "acting"),
    ("en", "The late Yasser Arafat, chairman of the Palestine Liberation Organization, was honoured.", "Yasser Arafat", "late"),
    ("fr", "L'ancien directeur de la DGSE Bernard Bajolet a rencontré le ministre.", "Bernard Bajolet", "former"),
    ("fr", "Le nouveau directeur de la DGSI Céline Berthon a été nommé mercredi.", "Céline Berthon", "appointed"),
    ("ar", "الراحل ياسر عرفات رئيس منظمة التحرير الفلسطينية.", "ياسر عرفات", "late"),
    ("ar", "وليام بيرنز، مدير وكالة المخابرات المركزية بالنيابة، وصل إلى الرباط.", "وليام بيرنز", "acting"),
    ("ar", "التقى المدير العام السابق للأمن الوطني عبد اللطيف حموشي بنظيره الإسباني.", "عبد اللطيف حموشي", "former"),
])
def test_role_status(extract, lang, text, person, status):
    assert _role(extract, lang, text, person).status == status


def test_since_and_until_dates(extract):
    since = _role(extract, "fr", "Nicolas Lerner, directeur de la DGSE depuis janvier 2024, était présent.",
                  "Nicolas Lerner")
    assert (since.status, since.start, since.end) == ("current", "2024-01", None)
    both = _role(extract, "en", "Robert Mueller, director of the FBI from 2001 to 2013, testified on Monday.",
                 "Robert Mueller")
    assert (both.status, both.start, both.end) == ("former", "2001", "2013")  # ended: over by now
    assert not both.held_now and since.held_now


@pytest.mark.parametrize(("lang", "text", "person"), [
    ("ar", "وقام وليام بيرنز، مدير وكالة المخابرات المركزية، بزيارة إلى المغرب خلال الفترة الممتدة من 3 إلى 5 مارس 2023.",
     "وليام بيرنز"),
    ("fr", "Nicolas Lerner, directeur de la DGSE, a effectué une visite au Maroc pendant la période du 3 au 5 mars 2023.",
     "Nicolas Lerner"),
    ("en", "William Burns, director of the CIA, visited Morocco during the period from 3 to 5 March 2023.",
     "William Burns"),
])
def test_a_visits_period_after_the_role_is_not_the_roles_time(extract, lang, text, person):
    role = _role(extract, lang, text, person)
    assert (role.status, role.start, role.end) == ("current", None, None)


def test_a_former_head_is_not_held_now_the_current_one_is(extract):
    comey = _role(extract, "en", "Former FBI director James Comey met Christopher Wray, the director of the FBI.",
                  "James Comey")
    wray = _role(extract, "en", "Former FBI director James Comey met Christopher Wray, the director of the FBI.",
                 "Christopher Wray")
    assert not comey.held_now and wray.held_now


@pytest.mark.parametrize(("lang", "text", "person", "status"), [
    # A verb of ending, some words before the duties of the person.
    ("fr", "Le président Emmanuel Macron a mis fin mercredi aux fonctions du directeur de la DGSE, Bernard Émié.",
     "Bernard Émié", "former"),
    # The object of a verb that ends the role (the subject is another person, not the one removed).
    ("en", "Prime Minister Rishi Sunak sacked Suella Braverman, the head of the Home Office, on Monday.",
     "Suella Braverman", "former"),
    ("en", "President Joe Biden on Tuesday relieved Christopher Wray, the director of the FBI, of his duties.",
     "Christopher Wray", "former"),
    # Control: the same title with no ending verb is a current role.
    ("en", "President Joe Biden on Tuesday received Christopher Wray, the director of the FBI.",
     "Christopher Wray", "current"),
])
def test_a_role_ended_some_words_away(extract, lang, text, person, status):
    assert _role(extract, lang, text, person).status == status


def test_an_ended_role_said_in_arabic_with_the_subject_between(extract):
    names = [("برنار إيمييه", "Person"), ("قيس سعيد", "Person"), ("توفيق شرف الدين", "Person"),
             ("وزارة الداخلية", "GovernmentAgency")]
    ended = "أنهى الرئيس الفرنسي إيمانويل ماكرون، أمس الأربعاء، مهام برنار إيمييه بصفته مديرا عاما للمديرية العامة للأمن الخارجي."
    triples, relations = extract("ar", ended, names[:1])
    roles = [r for r in relations if r.type == "leads" and ended[int(r.head.split("#")[1].split("-")[0]):].startswith("برنار")]
    assert roles and roles[0].status == "former", triples
    # The president who ends it keeps his own role, current.
    president = [r for r in relations if r.type == "leads" and r.status == "current"]
    assert all(not ended[int(r.head.split("#")[1].split("-")[0]):].startswith("برنار") for r in president)


def test_another_sentence_that_names_both_says_the_role_ended(extract):
    text = ("James Comey, the director of the FBI, testified before the Senate in 2016. "
            "In May 2017 Comey was dismissed from the FBI.")
    assert _role(extract, "en", text, "James Comey").status == "former"
    members = "Chad and Niger are members of the G5 Sahel. On Saturday Niger announced it was withdrawing from the G5 Sahel."
    triples, relations = extract("en", members)
    status = {triple[0]: r.status for r in relations for triple in triples
              if r.type == "memberOf" and triple[1] == "memberOf" and members[int(r.head.split("#")[1].split("-")[0]):].startswith(triple[0])}
    assert status == {"Chad": "current", "Niger": "former"}, triples


@pytest.mark.parametrize(("lang", "text", "person", "expected"), [
    ("en", "Christopher Wray, director of the FBI until his resignation in 2025, testified.", "Christopher Wray",
     ("former", None, "2025")),
    ("fr", "Patrick Calvar, directeur de la DGSI depuis sa nomination en 2012, est arrivé.", "Patrick Calvar",
     ("current", "2012", None)),
    ("ar", "عبد اللطيف حموشي، المدير العام للأمن الوطني منذ تعيينه في 2015، استقبل الوفد.", "عبد اللطيف حموشي",
     ("current", "2015", None)),
    # Control: a date some words on that no tenure event introduces is not the role's.
    ("en", "Christopher Wray, director of the FBI since Monday's meeting with senators in 2017, testified.",
     "Christopher Wray", ("current", None, None)),
])
def test_a_date_after_the_event_that_starts_or_ends_the_tenure(extract, lang, text, person, expected):
    r = _role(extract, lang, text, person)
    assert (r.status, r.start, r.end) == expected


@pytest.mark.parametrize(("lang", "text", "person"), [
    ("fr", "Abdoulaye Wade, président du Sénégal de 2000 à 2012, est rentré à Dakar.", "Abdoulaye Wade"),
    ("ar", "محمد ولد عبد العزيز، رئيس موريتانيا من 2009 إلى 2019، مثل أمام القضاء.", "محمد ولد عبد العزيز"),
])
def test_a_tenure_from_one_year_to_another_in_french_and_arabic(extract, lang, text, person):
    r = _role(extract, lang, text, person)
    start, end = {"fr": ("2000", "2012"), "ar": ("2009", "2019")}[lang]
    assert (r.status, r.start, r.end) == ("former", start, end)


def test_a_date_said_of_the_next_person_is_not_the_role_s(extract):
    text = ("Christopher Wray, the director of the FBI, met Avril Haines, who has been Director of National "
            "Intelligence since January 2021.")
    assert _role(extract, "en", text, "Christopher Wray").start is None


def test_a_clause_set_off_between_person_and_body_says_nothing_of_this_role(extract):
    text = "The cabinet appointed Nicolas Lerner, a former prefect, as head of the DGSE."
    assert _role(extract, "en", text, "Nicolas Lerner").status == "appointed"
    # Control: the status word in the title itself.
    assert _role(extract, "en", "Nicolas Lerner, a former head of the DGSE, spoke.", "Nicolas Lerner").status == "former"


@pytest.mark.parametrize(("lang", "text", "person", "start"), [
    # a tenure in another sentence that names the person, not the body
    ("en", "William Burns, the director of the CIA, met the king in Rabat. "
           "Burns, who has run the agency since March 2021, then flew to Cairo.", "William Burns", "2021-03"),
    ("fr", "Le directeur de la DGSE Bernard Bajolet a reçu son homologue marocain. "
           "Bajolet, en poste depuis avril 2013, prépare son départ.", "Bernard Bajolet", "2013-04"),
    ("ar", "استقبل المدير العام للأمن الوطني عبد اللطيف حموشي الوفد الإسباني. "
           "ويشغل حموشي هذا المنصب منذ ماي 2015.", "عبد اللطيف حموشي", "2015-05"),
    # the start itself with its date: after the name, or, in Arabic, the noun before it
    ("en", "Christopher Wray, the director of the FBI, testified on Tuesday. "
           "Wray, who took office in August 2017, defended the bureau.", "Christopher Wray", "2017-08"),
    ("ar", "استقبل مدير دائرة المخابرات العامة أحمد حسني الوفد العراقي. "
           "وجاء تعيين حسني في هذا المنصب في مايو 2019.", "أحمد حسني", "2019-05"),
])
def test_a_role_s_start_said_in_another_sentence_without_the_body(extract, lang, text, person, start):
    assert _role(extract, lang, text, person).start == start


@pytest.mark.parametrize(("lang", "text", "person", "start"), [
    ("en", "Christopher Wray, the director of the FBI appointed in August 2017, testified.", "Christopher Wray", "2017-08"),
    ("fr", "Le directeur de la DGSI, Nicolas Lerner, nommé en octobre 2018, a reçu le ministre.", "Nicolas Lerner",
     "2018-10"),
    # Control: a date some words after the start cue, past a comma, is not its date
    ("fr", "Le directeur de la DGSI, Nicolas Lerner, nommé par décret, a reçu le ministre en octobre 2018.",
     "Nicolas Lerner", None),
])
def test_a_start_said_with_the_role_in_its_sentence(extract, lang, text, person, start):
    assert _role(extract, lang, text, person).start == start


def _starts(extract, text):
    triples, relations = extract("en", text)
    mentions = {r.tail: text[int(r.tail.split("#")[1].split("-")[0]):int(r.tail.split("-")[-1])] for r in relations}
    return {mentions[r.tail]: r.start for r in relations if r.type == "leads"}


def test_a_tenure_in_another_sentence_goes_to_the_role_whose_body_it_names(extract):
    roles = ("Mustafa al-Kadhimi, the head of the National Intelligence Service, met the press. "
             "Later Mustafa al-Kadhimi, the chairman of the Iraqi Media Network, spoke. ")
    starts = _starts(extract, roles + "Kadhimi, who has run the intelligence service since June 2016, left.")
    assert starts == {"National Intelligence Service": "2016-06", "Iraqi Media Network": None}
    starts = _starts(extract, roles + "Kadhimi, who has run the network since June 2016, left.")
    assert starts == {"National Intelligence Service": None, "Iraqi Media Network": "2016-06"}
    # Control: words that name neither body: neither role is given the date.
    starts = _starts(extract, roles + "Kadhimi, who has run the place since June 2016, left.")
    assert starts == {"National Intelligence Service": None, "Iraqi Media Network": None}


@pytest.mark.parametrize(("lang", "text", "person", "published", "start"), [
    ("fr", "Nicolas Lerner, directeur de la DGSE depuis janvier dernier, était présent.",
     "Nicolas Lerner", "2024-06-10", "2024-01"),
    ("en", "Mike Pompeo, the director of the CIA, arrived on Monday. Pompeo, who took office on January 23, "
           "met the king.", "Mike Pompeo", "2017-03-20", "2017-01-23"),
])
def test_a_start_read_against_the_publication_date(extract, lang, text, person, published, start):
    triples, relations = extract(lang, text, published=published)
    found = [r for r in relations if r.type in ("leads", "memberOf")
             and text[int(r.head.split("#")[1].split("-")[0]):].startswith(person)]
    assert [r.start for r in found] == [start], triples
    # Control: without the publication date, no start is guessed.
    triples, relations = extract(lang, text)
    assert all(r.start is None for r in relations if r.type in ("leads", "memberOf")), triples


@pytest.mark.parametrize(("lang", "text", "person", "status"), [
    # The object of a coup's verb no longer holds the role; its subject does.
    ("en", "Salou Djibo, the head of the Supreme Council for the Restoration of Democracy, toppled Mamadou Tandja, "
           "the president of Niger.", "Mamadou Tandja", "former"),
    ("en", "Salou Djibo, the head of the Supreme Council for the Restoration of Democracy, toppled Mamadou Tandja, "
           "the president of Niger.", "Salou Djibo", "current"),
    ("fr", "Les militaires ont renversé le président du Burkina Faso, Blaise Compaoré.", "Blaise Compaoré", "former"),
    ("ar", "ويقود المجلس العسكري الجنرال سالو جيبو، الذي أطاح بالرئيس مامادو تانجا رئيس النيجر.", "مامادو تانجا", "former"),
    ("ar", "وأعلن الجنرال سالو جيبو، رئيس المجلس الأعلى لإعادة الديمقراطية، الذي أطاح بالرئيس، حل الحكومة.", "سالو جيبو", "current"),
])
def test_a_coup_ends_its_objects_role(extract, lang, text, person, status):
    assert _role(extract, lang, text, person).status == status
