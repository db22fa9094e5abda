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
    # a relative clause: its pronoun stands for the noun it qualifies
    ("fr", "Christopher Wray, qui dirige le FBI, s'est rendu à Paris.", {("Christopher Wray", "leads", "FBI")}),
    ("en", "Christopher Wray, who heads the FBI, travelled to Paris.", {("Christopher Wray", "leads", "FBI")}),
])
def test_a_cue_relates_its_dependents(extract, lang, text, expected):
    triples = _alone(extract, lang, text)
    assert expected <= triples, triples


@pytest.mark.parametrize("lang, text, relation", [
    # the same cue, the type its arguments' types allow: "led the FBI" leads, "led the raid" takes part
    ("en", "The FBI led Operation Trojan Shield with the Australian Federal Police.",
     ("FBI", "involvedIn", "Operation Trojan Shield")),
])
def test_a_cue_gives_the_relation_its_arguments_fit(extract, lang, text, relation):
    triples = _alone(extract, lang, text, [("Operation Trojan Shield", "Event")])
    assert relation in triples, triples
    assert not {t for t in triples if t[1] == "leads"}, triples


def test_a_title_apposed_to_a_person_is_their_role_and_not_their_neighbours(extract):
    text = ("Bill Burns, director of the Central Intelligence Agency, and Richard Moore, "
            "chief of the Secret Intelligence Service, wrote a joint article.")
    triples = _alone(extract, "en", text)
    assert ("Bill Burns", "leads", "Central Intelligence Agency") in triples, triples
    assert ("Richard Moore", "leads", "Secret Intelligence Service") in triples, triples
    assert ("Richard Moore", "leads", "Central Intelligence Agency") not in triples, triples
    assert ("Bill Burns", "leads", "Secret Intelligence Service") not in triples, triples


def test_a_french_title_apposed_to_a_person(extract):
    triples = _alone(extract, "fr", "Bill Burns, directeur de la CIA, s'est rendu au Caire.",
                     [("CIA", "GovernmentAgency")])
    assert ("Bill Burns", "leads", "CIA") in triples, triples


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


def test_cue_words_are_prefixes_or_whole_words():
    assert any(c.name == "cooperate" for c in word_cues("fr", "coopèrent"))
    assert any(c.name == "lead" for c in word_cues("en", "led"))
    assert not any(c.name == "lead" for c in word_cues("en", "leader"))  # "lead$": a whole word
    assert word_cues("ar", "تعاون") == ()  # no parse, no cues


def test_arabic_has_no_parse_and_gets_nothing(extract):
    triples = _alone(extract, "ar", "تتعاون المغرب مع إسبانيا في مكافحة الإرهاب.")
    assert triples == set()
