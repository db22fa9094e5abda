"""Who states a relation: the source the sentence names, else the outlet (three languages)."""
from __future__ import annotations

import pytest

from pipeline.model import OUTLET


def _sources(extract, lang, text):
    document_text = text
    _, relations = extract(lang, text)
    assert relations, text
    out = {}
    for r in relations:
        if r.attributed_to == OUTLET:
            out[r.type] = OUTLET
        else:
            start, end = (int(x) for x in r.attributed_to.split("#")[1].split("-"))
            out[r.type] = document_text[start:end]
    return out


@pytest.mark.parametrize(("lang", "text", "source"), [
    ("en", "Morocco and Spain cooperate against terrorism, according to Europol.", "Europol"),
    ("en", "Morocco and Spain cooperate against terrorism, the Spanish Interior Ministry said.",
     "Spanish Interior Ministry"),
    ("fr", "Selon Europol, le Maroc et l'Espagne coopèrent dans la lutte antiterroriste.", "Europol"),
    ("ar", "قال وزير الخارجية ناصر بوريطة إن المغرب وفرنسا يتعاونان في مجال الأمن.", "ناصر بوريطة"),
    ("ar", "وأفادت وزارة الداخلية الإسبانية بأن المغرب وإسبانيا يتعاونان في مكافحة الإرهاب.",
     "وزارة الداخلية الإسبانية"),
])
def test_named_source(extract, lang, text, source):
    assert _sources(extract, lang, text)["cooperatesWith"] == source


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Morocco and Spain cooperate against terrorism."),
    ("fr", "Le Maroc et l'Espagne coopèrent dans la lutte antiterroriste."),
    ("ar", "يتعاون المغرب وإسبانيا في مكافحة الإرهاب."),
])
def test_no_source_named_is_the_outlet(extract, lang, text):
    assert _sources(extract, lang, text)["cooperatesWith"] == OUTLET


def test_a_party_after_that_is_what_is_said_not_who_says_it(extract):
    # the announcer is no entity here; the agency after "أن" is the content of the announcement
    text = "وأعلنت الحكومة أن المديرية العامة للأمن الوطني تتعاون مع الشرطة الإسبانية في مكافحة الإرهاب."
    sources = _sources(extract, "ar", text)
    assert sources["cooperatesWith"] == OUTLET
    control = _sources(extract, "ar", "وأفادت وزارة الداخلية الإسبانية بأن المغرب وإسبانيا يتعاونان في مكافحة الإرهاب.")
    assert control["cooperatesWith"] == "وزارة الداخلية الإسبانية"


@pytest.mark.parametrize(("lang", "text", "source"), [
    # A statement between the cue and the source.
    ("en", "Spain and Morocco cooperate against terrorism, according to a statement from Europol.", "Europol"),
    ("fr", "Le Maroc et l'Espagne coopèrent dans la lutte antiterroriste, selon un communiqué d'Europol.", "Europol"),
    ("ar", "ويتعاون المغرب وإسبانيا في مكافحة الإرهاب، حسب ما أفاد به بيان للمديرية العامة للأمن الوطني.",
     "للمديرية العامة للأمن الوطني"),
    # A reporting clause after what is said, its subject after the verb.
    ("fr", "Le Maroc et l'Espagne coopèrent étroitement contre le terrorisme, a indiqué lundi la Garde civile.",
     "Garde civile"),
    # The subject of the verb set off by the commas of an apposition.
    ("fr", "Le ministre espagnol de l'Intérieur, Fernando Grande-Marlaska, a qualifié d'exemplaire la coopération "
           "entre le Maroc et l'Espagne.", "Fernando Grande-Marlaska"),
])
def test_source_named_some_words_away(extract, lang, text, source):
    assert _sources(extract, lang, text)["cooperatesWith"] == source


@pytest.mark.parametrize(("lang", "text", "source"), [
    ("en", "Europol said on Monday that police had arrested twelve suspects. "
           "Morocco and Spain cooperate closely against terrorism, it added.", "Europol"),
    ("fr", "Fernando Grande-Marlaska a déclaré lundi que la police avait arrêté douze suspects. "
           "Le Maroc et l'Espagne coopèrent étroitement contre le terrorisme, a-t-il ajouté.", "Fernando Grande-Marlaska"),
    # Nobody spoke before: the outlet; never the party before the comma.
    ("en", "Morocco and Spain cooperate closely against terrorism, the ministry said.", OUTLET),
])
def test_the_speaker_of_the_sentence_before(extract, lang, text, source):
    assert _sources(extract, lang, text)["cooperatesWith"] == source


def test_a_change_of_role_is_the_source_s_word_a_current_title_the_outlet_s(extract):
    former = _sources(extract, "en", "Former FBI director James Comey testified on Thursday, according to Reuters.")
    current = _sources(extract, "en", "Christopher Wray, the director of the FBI, testified on Thursday, according to Reuters.")
    assert former["leads"] == "Reuters" and current["leads"] == OUTLET


@pytest.mark.parametrize(("lang", "text", "source"), [
    # The subject set off by two commas (an apposition, a relative clause) before the verb.
    ("en", "Josep Borrell, who attended the summit in Rabat, said Morocco and Spain cooperate closely against terrorism.",
     "Josep Borrell"),
    ("en", "Ylva Johansson, 60, said Morocco and Spain cooperate closely against terrorism.", "Ylva Johansson"),
    # Arabic, verb first: the spokesman over the body he speaks for.
    ("ar", "وقال المتحدث باسم وزارة الداخلية، خالد الزروالي، إن المغرب وإسبانيا يتعاونان في مكافحة الإرهاب.",
     "خالد الزروالي"),
])
def test_the_speaker_set_off_by_commas(extract, lang, text, source):
    assert _sources(extract, lang, text)["cooperatesWith"] == source


def test_a_passive_report_and_a_party_after_said_are_not_the_source(extract):
    assert _sources(extract, "en", "Europol is also reported to have passed information to the Guardia Civil."
                    )["providesIntelligenceTo"] == OUTLET
    # "said the X had received": X is what is said, the speaker is before the verb.
    assert _sources(extract, "en", "Ylva Johansson said the Guardia Civil had received intelligence from Europol."
                    )["providesIntelligenceTo"] == "Ylva Johansson"


def test_a_state_s_membership_keeps_its_named_source(extract):
    # A country's membership is no person's title: "selon X" names its source.
    text = "Selon Frontex, l'Espagne, État membre de l'Union européenne au même titre que le Portugal, a enregistré un record."
    assert _sources(extract, "fr", text)["memberOf"] == "Frontex"


@pytest.mark.parametrize(("lang", "text", "source"), [
    # A press title between the cue and the outlet's name.
    ("en", "Spain and Morocco cooperate against terrorism, according to the British daily The Guardian.", "The Guardian"),
    ("fr", "Le Maroc et l'Espagne coopèrent dans la lutte antiterroriste, selon le quotidien Le Monde.", "Le Monde"),
    ("ar", "ويتعاون المغرب وإسبانيا في مكافحة الإرهاب، حسب صحيفة الباييس.", "الباييس"),
])
def test_a_newspaper_named_after_its_title(extract, lang, text, source):
    assert _sources(extract, lang, text)["cooperatesWith"] == source


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Spain and Morocco cooperate against terrorism, according to a statement by the government carried by Reuters."),
    ("ar", "ويتعاون المغرب وإسبانيا في مكافحة الإرهاب، وفق بيان للحكومة نقلته وكالة رويترز."),
])
def test_an_agency_that_carries_a_statement_is_not_its_source(extract, lang, text):
    assert _sources(extract, lang, text)["cooperatesWith"] == OUTLET
    # the same agency making the statement is
    control = text.replace("a statement by the government carried by Reuters", "a statement from Reuters").replace(
        "بيان للحكومة نقلته وكالة رويترز", "بيان لوكالة رويترز")
    assert _sources(extract, lang, control)["cooperatesWith"] != OUTLET


@pytest.mark.parametrize(("lang", "text", "source"), [
    # After the verb, the official set off after his title, not the body in the title.
    ("fr", "Le Maroc et l'Espagne coopèrent étroitement contre le terrorisme, a déclaré le ministre de la Défense, "
           "le général Pierre de Villiers.", "Pierre de Villiers"),
    ("en", "Morocco and Spain cooperate closely against terrorism, said the head of Europol, Catherine De Bolle.",
     "Catherine De Bolle"),
])
def test_the_official_after_his_title_in_a_reporting_clause(extract, lang, text, source):
    assert _sources(extract, lang, text)["cooperatesWith"] == source


@pytest.mark.parametrize(("lang", "text", "source"), [
    # An unnamed source quoted by an outlet: the outlet is the party named.
    ("fr", "Le Maroc et l'Espagne coopèrent dans la lutte antiterroriste, selon une source policière citée par "
           "Le Monde.", "Le Monde"),
    ("en", "Spain and Morocco cooperate against terrorism, according to a security source quoted by Reuters.", "Reuters"),
])
def test_an_outlet_that_quotes_an_unnamed_source_is_named_for_it(extract, lang, text, source):
    assert _sources(extract, lang, text)["cooperatesWith"] == source


@pytest.mark.parametrize(("lang", "text", "source"), [
    ("en", "Europol stressed that Morocco and Spain cooperate closely against terrorism.", "Europol"),
    ("fr", "Europol a expliqué que le Maroc et l'Espagne coopèrent étroitement contre le terrorisme.", "Europol"),
])
def test_more_verbs_of_saying(extract, lang, text, source):
    assert _sources(extract, lang, text)["cooperatesWith"] == source


@pytest.mark.parametrize(("lang", "text", "source"), [
    # "the ministry": the ministry named before, not the speaker of the sentence before.
    ("en", "The Spanish Interior Ministry announced twelve arrests on Monday. Europol said the suspects were "
           "recruiters. Morocco and Spain cooperate closely against terrorism, the ministry said.",
     "Spanish Interior Ministry"),
    ("fr", "Le ministère espagnol de l'Intérieur a annoncé douze arrestations lundi. Europol a déclaré que les "
           "suspects étaient des recruteurs. Selon le ministère, le Maroc et l'Espagne coopèrent étroitement "
           "contre le terrorisme.", "ministère espagnol de l'Intérieur"),
])
def test_the_ministry_is_the_ministry_named_before(extract, lang, text, source):
    assert _sources(extract, lang, text)["cooperatesWith"] == source


def test_the_ministry_in_arabic_is_the_ministry_named_before(extract):
    text = ("أعلنت وزارة الداخلية الإسبانية اعتقال اثني عشر شخصا يوم الاثنين. وقال يوروبول إن المشتبه فيهم مجندون. "
            "وأكدت الوزارة أن المغرب وإسبانيا يتعاونان في مكافحة الإرهاب.")
    assert _sources(extract, "ar", text)["cooperatesWith"] == "وزارة الداخلية الإسبانية"


@pytest.mark.parametrize(("lang", "text", "source"), [
    # A change of role said inside a reporting verb's "that" clause: the verb's subject states it.
    ("ar", "وأفاد بيان نشرته وزارة الداخلية الفرنسية بأن الرئيس إيمانويل ماكرون عين لوران نونيز على رأس "
           "المديرية العامة للأمن الداخلي.", "وزارة الداخلية الفرنسية"),
    ("fr", "L'Élysée a indiqué que le président Emmanuel Macron avait nommé Nicolas Lerner à la tête de la DGSE.",
     "Élysée"),
    ("en", "The Elysee said that President Emmanuel Macron had appointed Nicolas Lerner as head of the DGSE.", "Elysee"),
])
def test_a_change_of_role_in_a_reported_clause_is_the_reporter_s(extract, lang, text, source):
    assert _sources(extract, lang, text)["leads"] == source


@pytest.mark.parametrize(("lang", "text", "relation", "source"), [
    # The speaker's own office as the subject: the person the sentence is about. (The
    # president's own title in the Arabic sentence is the outlet's word: his leads is not here.)
    ("ar", "التقى الرئيس إيمانويل ماكرون الملك محمد السادس، وقال مكتبه إن فرنسا والمغرب يتعاونان في مكافحة الإرهاب.",
     "cooperatesWith", "إيمانويل ماكرون"),
    ("fr", "Le président Emmanuel Macron a limogé Bernard Émié, l'ancien patron de la DGSE, a indiqué son entourage.",
     "leads", "Emmanuel Macron"),
    ("en", "French President Emmanuel Macron has dismissed Bernard Emie, the former head of the DGSE, his office said "
           "on Monday.", "leads", "Emmanuel Macron"),
])
def test_the_speaker_s_own_office_names_the_person_the_sentence_is_about(extract, lang, text, relation, source):
    assert _sources(extract, lang, text)[relation] == source


def test_a_current_title_before_the_speaker_s_office_stays_the_outlet_s(extract):
    # "his office said" after a current title: the title is still the outlet's word.
    text = "Nicolas Lerner, the head of the DGSE, met Bill Burns on Monday, his office said."
    assert _sources(extract, "en", text)["leads"] == OUTLET


@pytest.mark.parametrize(("lang", "text", "source"), [
    # A body by its head noun next to the verb: the body of that noun named before.
    ("ar", "أعلنت المديرية العامة للأمن الوطني توقيف ثلاثة أشخاص يوم الاثنين. "
           "وأوضحت المديرية أن المغرب وإسبانيا يتعاونان في مكافحة الإرهاب.", "المديرية العامة للأمن الوطني"),
    ("fr", "Le Parquet national antiterroriste a ouvert une enquête lundi. Le Maroc et la France coopèrent "
           "étroitement contre le terrorisme, a indiqué le parquet.", "Parquet national antiterroriste"),
    ("en", "The Spanish National Police arrested three people on Monday. Morocco and Spain cooperate closely "
           "against terrorism, the police said.", "Spanish National Police"),
])
def test_a_body_by_its_head_noun_is_the_body_named_before(extract, lang, text, source):
    assert _sources(extract, lang, text)["cooperatesWith"] == source


def test_a_body_by_its_head_noun_named_nowhere_before_is_the_outlet(extract):
    text = "Morocco and Spain cooperate closely against terrorism, the police said."
    assert _sources(extract, "en", text)["cooperatesWith"] == OUTLET
