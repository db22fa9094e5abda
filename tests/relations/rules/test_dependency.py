"""``dependency_cues`` (pipeline/relations/rules/dependency.py): a cue word of
``dependency_cues.yaml`` and the dependents that carry its arguments in the parse (French
and English). Each test runs the rule alone, on the real pipeline, so what it asserts is
what the parse reading finds; the near misses assert absences beside a positive control."""
import pytest

from pipeline.relations.rules import RULES
from pipeline.relations.rules.dependency import word_cues

DEPENDENCY = [r for r in RULES if r.name == "dependency_cues"]


def _alone(extract, lang, text, names=()):
    triples, relations = extract(lang, text, list(names), rules=DEPENDENCY)
    assert all(r.extractor.startswith("rule:dep-cue") for r in relations)
    return triples


@pytest.mark.parametrize("lang, text, expected", [
    # a cue verb, its subject and its prepositional object; the subject's conjuncts too
    ("fr", "La Belgique et la France coopèrent avec l'Allemagne contre le trafic de cocaïne.",
     {("Belgique", "cooperatesWith", "Allemagne"), ("France", "cooperatesWith", "Allemagne")}),
    ("en", "Belgium and the Netherlands cooperate with Germany against cocaine trafficking.",
     {("Belgium", "cooperatesWith", "Germany"), ("Netherlands", "cooperatesWith", "Germany")}),
    # a fixed object that is no argument (prendre *part* à, take *part* in)
    ("fr", "Le Ghana a pris part à l'exercice Flintlock 2023 au Niger.",
     {("Ghana", "involvedIn", "exercice Flintlock 2023")}),
    ("en", "Ghana took part in the Flintlock 2023 exercise in Niger.",
     {("Ghana", "involvedIn", "Flintlock 2023 exercise")}),
    # joining an organization
    ("fr", "La Finlande a adhéré à l'OTAN en avril 2023.", {("Finlande", "memberOf", "OTAN")}),
    ("en", "Finland and Sweden joined NATO after the invasion of Ukraine.",
     {("Finland", "memberOf", "NATO"), ("Sweden", "memberOf", "NATO")}),
    # a handover between states, active or passive
    ("fr", "Un chef de réseau a été remis à la France par le Maroc.", {("Maroc", "cooperatesWith", "France")}),
    ("en", "Spain extradited the suspect to Morocco on Monday.", {("Spain", "cooperatesWith", "Morocco")}),
    # training, the trainer the subject
    ("en", "The FBI trained the Ghana Police Service in 2022.", {("FBI", "providesTrainingTo", "Ghana Police Service")}),
    ("fr", "La Gendarmerie nationale entraîne la Garde nationale tunisienne.",
     {("Gendarmerie nationale", "providesTrainingTo", "Garde nationale tunisienne")}),
    # a group noun of the trainees stands for the body it belongs to
    ("en", "The FBI has trained officers of the Ghana Police Service since 2019.",
     {("FBI", "providesTrainingTo", "Ghana Police Service")}),
    ("fr", "La Gendarmerie nationale a entraîné des policiers de la Garde nationale tunisienne.",
     {("Gendarmerie nationale", "providesTrainingTo", "Garde nationale tunisienne")}),
    # a relative clause: its pronoun stands for the noun it qualifies
    ("fr", "Le Mali, qui a rejoint l'Alliance des États du Sahel, a quitté la CEDEAO.",
     {("Mali", "memberOf", "Alliance des États du Sahel")}),
    ("en", "Sweden, which joined NATO in 2024, took part in the mission.", {("Sweden", "memberOf", "NATO")}),
])
def test_a_cue_relates_its_dependents(extract, lang, text, expected):
    triples = _alone(extract, lang, text)
    assert expected <= triples, triples


def test_a_cue_gives_the_relation_its_arguments_fit(extract):
    # "joined NATO": memberOf; "joined the exercise": involvedIn
    triples = _alone(extract, "en", "Sweden joined NATO in 2024 and Norway joined Exercise Cold Response 2024.",
                     [("Exercise Cold Response 2024", "Event")])
    assert ("Sweden", "memberOf", "NATO") in triples, triples
    assert ("Norway", "involvedIn", "Exercise Cold Response 2024") in triples, triples
    assert ("Norway", "memberOf", "Exercise Cold Response 2024") not in triples, triples


def test_heading_a_body_is_left_to_the_role_rules_but_leading_an_event_is_taking_part(extract):
    triples = _alone(extract, "en", "Christopher Wray, who heads the FBI, led Operation Trojan Shield.",
                     [("Operation Trojan Shield", "Event")])
    assert ("Christopher Wray", "involvedIn", "Operation Trojan Shield") in triples, triples
    assert not {t for t in triples if t[1] == "leads"}, triples


def test_the_commander_apposed_to_a_person_takes_part_in_the_operation_not_their_neighbours(extract):
    text = ("Admiral Vasilios Gryparis, commander of Operation Aspides, and Admiral Ignacio Villanueva, "
            "commander of Operation Atalanta, met in Djibouti.")
    triples = _alone(extract, "en", text, [("Operation Aspides", "Event"), ("Operation Atalanta", "Event")])
    assert ("Vasilios Gryparis", "involvedIn", "Operation Aspides") in triples, triples
    assert ("Ignacio Villanueva", "involvedIn", "Operation Atalanta") in triples, triples
    assert ("Ignacio Villanueva", "involvedIn", "Operation Aspides") not in triples, triples
    assert ("Vasilios Gryparis", "involvedIn", "Operation Atalanta") not in triples, triples


def test_a_french_title_apposed_to_a_person_gives_the_event_and_leaves_the_body_to_the_role_rules(extract):
    text = "Le général Laurent Michon, commandant de l'opération Barkhane, et Bill Burns, directeur de la CIA, sont arrivés."
    triples = _alone(extract, "fr", text, [("opération Barkhane", "Event"), ("CIA", "GovernmentAgency")])
    assert ("Laurent Michon", "involvedIn", "opération Barkhane") in triples, triples
    assert not {t for t in triples if t[1] == "leads"}, triples


def test_coordinated_subjects_of_a_symmetric_cue_are_each_others_partners(extract):
    triples = _alone(extract, "fr", "Le Maroc et l'Espagne coopèrent étroitement dans la lutte antiterroriste.")
    assert ("Maroc", "cooperatesWith", "Espagne") in triples or ("Espagne", "cooperatesWith", "Maroc") in triples, triples


@pytest.mark.parametrize("lang, text", [
    # the object is no party of a cooperatesWith: "coopèrent avec" only
    ("fr", "La Belgique coopère depuis 2020 et l'Allemagne observe."),
    # "join" of a non-organization: no signature fits a Country -> Country
    ("en", "Finland joined Sweden in condemning the attack."),
])
def test_no_relation_where_the_parse_gives_no_fitting_argument(extract, lang, text):
    triples = _alone(extract, lang, text)
    assert not {t for t in triples if t[1] in {"cooperatesWith", "memberOf"}}, triples


def test_a_group_noun_stands_for_its_body_only_under_a_cue_that_lists_it(extract):
    # positive control above (trained officers of X); "cooperate with officers of X" reads no
    # group noun: the officers are no party
    triples = _alone(extract, "en", "The FBI cooperates with officers of the Ghana Police Service.")
    assert ("FBI", "cooperatesWith", "Ghana Police Service") not in triples, triples


def test_cue_words_are_prefixes_or_whole_words():
    assert any(c.name == "cooperate" for c in word_cues("fr", "coopèrent"))
    assert any(c.name == "lead" for c in word_cues("en", "led"))
    assert not any(c.name == "lead" for c in word_cues("en", "leader"))  # "lead$": a whole word
    assert word_cues("ar", "تعاون") == ()  # no parse, no cues


def test_arabic_has_no_parse_and_gets_nothing(extract):
    triples = _alone(extract, "ar", "تتعاون المغرب مع إسبانيا في مكافحة الإرهاب.")
    assert triples == set()


def test_a_prosecutor_entrusting_its_investigation_to_a_service_works_with_it_fr(extract):
    # issue 14 (fr7): "confier l'enquête à": the court or prosecutor and the service
    triples = _alone(extract, "fr", "Le parquet de Bruxelles a confié l'enquête à la Police judiciaire fédérale.",
                     [("parquet de Bruxelles", "GovernmentAgency"), ("Police judiciaire fédérale", "GovernmentAgency")])
    assert ("parquet de Bruxelles", "cooperatesWith", "Police judiciaire fédérale") in triples
    # anything else entrusted is no case worked together
    triples = _alone(extract, "fr", "Le parquet de Bruxelles a confié ses archives à la Police judiciaire fédérale.",
                     [("parquet de Bruxelles", "GovernmentAgency"), ("Police judiciaire fédérale", "GovernmentAgency")])
    assert not triples
