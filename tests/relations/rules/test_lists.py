"""``list_members`` (pipeline/relations/rules/lists.py): a relation one member of a list has
in a sentence, each member has; in the three languages, with the direction kept, and not
where the parties are no list (a comma alone) or the relation joins two members."""
import pytest

IO, COUNTRY = "InternationalOrganization", "Country"


@pytest.mark.parametrize("lang, text, members, other", [
    ("en", "Police from Belgium, the Netherlands and Luxembourg cooperated with Europol in the investigation.",
     ["Belgium", "Netherlands", "Luxembourg"], "Europol"),
    ("fr", "Les polices de la Belgique, des Pays-Bas et du Luxembourg ont coopéré avec Europol.",
     ["Belgique", "Pays-Bas", "Luxembourg"], "Europol"),
    ("ar", "وتعاونت شرطة بلجيكا وهولندا ولوكسمبورغ مع يوروبول في التحقيق.",
     ["بلجيكا", "هولندا", "لوكسمبورغ"], "يوروبول"),
])
def test_each_member_cooperates(extract, lang, text, members, other):
    triples, relations = extract(lang, text)
    pairs = {(h, t) for h, typ, t in triples if typ == "cooperatesWith"}
    for m in members:
        assert (m, other) in pairs or (other, m) in pairs, m
    assert any(r.extractor == "rule:list-member" for r in relations)


def test_training_keeps_its_direction_en(extract):
    text = "Under the agreement, France and Belgium will train police officers of Benin."
    triples, _ = extract("en", text)
    assert ("France", "providesTrainingTo", "Benin") in triples
    assert ("Belgium", "providesTrainingTo", "Benin") in triples
    assert ("Benin", "providesTrainingTo", "Belgium") not in triples


def test_an_apposition_is_not_a_list_en(extract):
    # "Europol, the EU's police agency": one party named twice, no list to spread over.
    text = "Spain cooperated with Europol, the EU agency, and the operation ended in March."
    triples, relations = extract("en", text, [("Europol", IO)])
    assert ("Spain", "cooperatesWith", "Europol") in triples or ("Europol", "cooperatesWith", "Spain") in triples
    assert not any(r.extractor == "rule:list-member" for r in relations)


def test_intelligence_from_each_giver_of_a_list_ar(extract):
    text = "وقدمت المغرب والجزائر معلومات استخباراتية إلى إسبانيا حول الشبكة."
    triples, _ = extract("ar", text)
    assert ("الجزائر", "providesIntelligenceTo", "إسبانيا") in triples
    assert ("المغرب", "providesIntelligenceTo", "إسبانيا") in triples


def test_a_list_gives_no_flow_between_a_body_and_its_own_state(extract):
    # "Egypt and Sudan" is a list; the Egyptian Armed Forces train Sudanese pilots, not Egypt.
    text = "Egypt and Sudan's Khartoum-based authorities agreed last week that the Egyptian Armed Forces will train Sudanese pilots."
    triples, _ = extract("en", text, [("Egyptian Armed Forces", "GovernmentAgency")])
    flows = {(h, t) for h, typ, t in triples if typ == "providesTrainingTo"}
    assert ("Egyptian Armed Forces", "Egypt") not in flows, flows
    assert ("Egyptian Armed Forces", "Sudan") in flows, flows


# event_group_lists: the parties people came from, listed after sentences about an event,
# take part in it (issue 14, "ten countries taking part in an exercise").
@pytest.mark.parametrize("lang, text, event, members", [
    ("en", "Exercise Cobra Gold 2024 opened on Tuesday in Thailand. Troops from Indonesia, Japan, Malaysia "
           "and Singapore carried out landings near Sattahip.",
     "Exercise Cobra Gold 2024", ["Indonesia", "Japan", "Malaysia", "Singapore"]),
    ("fr", "L'exercice Flintlock 2023 s'est ouvert lundi au Ghana. Des militaires venus du Maroc, du Sénégal, "
           "du Niger et du Tchad ont été déployés à Tamale.",
     "exercice Flintlock 2023", ["Maroc", "Sénégal", "Niger", "Tchad"]),
    ("ar", "انطلقت يوم الاثنين بمدينة أكادير مناورات الأسد الإفريقي 2023. ووصلت وحدات من تونس والسنغال وغانا "
           "وإيطاليا إلى منطقة طانطان.",
     "الأسد الإفريقي 2023", ["تونس", "السنغال", "غانا", "إيطاليا"]),
])
def test_groups_from_each_party_of_a_list_take_part(extract, lang, text, event, members):
    triples, relations = extract(lang, text)
    for m in members:
        assert (m, "involvedIn", event) in triples, m
    assert any(r.extractor == "rule:event-group-list" for r in relations)


def test_a_body_made_of_groups_from_a_list_is_no_roster_en(extract):
    # the units make up the force: the list says nothing of the exercise
    text = ("Exercise Cobra Gold 2024 opened on Tuesday in Thailand. The Combined Maritime Forces, which include "
            "ships from Indonesia, Japan, Malaysia and Singapore, patrol the Gulf.")
    triples, relations = extract("en", text)
    assert not any(r.extractor == "rule:event-group-list" for r in relations)
    assert ("Japan", "involvedIn", "Exercise Cobra Gold 2024") not in triples


def test_a_sentence_with_an_event_of_its_own_is_left_to_the_event_rules_en(extract):
    text = ("Exercise Cobra Gold 2024 opened on Tuesday in Thailand. Troops from Indonesia, Japan, Malaysia "
            "and Singapore later joined Operation Atalanta off Somalia.")
    _, relations = extract("en", text)
    assert not any(r.extractor == "rule:event-group-list" for r in relations)


def test_officers_from_national_bodies_are_no_roster_en(extract):
    # officers "from" a national body are often its trainees or staff, not the event's parties
    text = ("Exercise Cobra Gold 2024 opened on Tuesday in Thailand. The academy has trained 3,000 officers, among "
            "them officers from the Royal Thai Police and the Philippine National Police.")
    _, relations = extract("en", text)
    assert not any(r.extractor == "rule:event-group-list" for r in relations)
