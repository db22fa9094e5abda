"""One event across reports: the rules on report records, then the real pipeline on tiny
texts of our own (Arabic, French, English), down to the RDF dataset in Oxigraph."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from pipeline.exporters.rdf import dataset_triples, document_iri, entity_iri, trig_text
from pipeline.graph.build import build_graph
from pipeline.model import Document
from pipeline.ontology_data import load_lexicon
from pipeline.resolution.event_identity import (EventReport, countries_named, event_blocking_keys, event_kind,
                                                same_event_groups)
from pipeline.resolution.event_names import event_signature
from pipeline.resolution.resolve import resolve_entities
from pipeline.runner import Pipeline


def report(rid: str, doc: str, *names: str, dates=(), places=(), participants=()) -> EventReport:
    return EventReport(rid, doc, tuple(event_signature(n) for n in names),
                       frozenset(dates), frozenset(places), frozenset(participants))


def test_head_nouns_map_to_kinds_in_three_languages():
    assert {event_kind(h) for h in ("exercise", "manœuvres", "مناورات")} == {"exercise"}
    assert {event_kind(h) for h in ("session", "réunion", "الدورة")} == {"session"}
    assert {event_kind(h) for h in ("attack", "attentat", "هجوم")} == {"attack"}
    assert event_kind("summit") != event_kind("session") and event_kind("table") is None


def test_translated_and_transliterated_names_link_reports_of_one_year():
    groups = same_event_groups([
        report("a", "d1", "African Lion 2024"),
        report("b", "d2", "مناورات الأسد الإفريقي 2024"),
        report("c", "d3", "Flintlock 2020"),
        report("d", "d4", "تمرين فلينتلوك 2020"),
        report("e", "d5", "exercice Flintlock 2020"),
    ])
    assert groups == [["a", "b"], ["c", "d", "e"]]


def test_other_year_other_ordinal_other_kind_stay_apart():
    assert same_event_groups([report("a", "d1", "African Lion 2023"), report("b", "d2", "African Lion 2024")]) == []
    assert same_event_groups([report("a", "d1", "Sahel summit 2020"), report("b", "d2", "Sahel attack 2020")]) == []
    countries = ("country/MA", "country/FR")
    sessions = [report("a", "d1", "22e session", participants=countries),
                report("b", "d2", "الدورة الثالثة والعشرين", participants=countries),
                report("c", "d3", "twenty-third session", participants=countries)]
    assert same_event_groups(sessions) == [["b", "c"]]


def test_ordinal_alone_needs_shared_participants():
    assert same_event_groups([report("a", "d1", "8e session", participants=("country/MA", "country/MR")),
                              report("b", "d2", "eighth session", participants=("country/DZ", "country/TN"))]) == []
    assert same_event_groups([report("a", "d1", "8e session", participants=("country/MA", "country/MR")),
                              report("b", "d2", "eighth session", participants=("country/MA", "country/MR"))]) == [["a", "b"]]


def test_countries_a_name_carries():
    lexicon = load_lexicon()
    assert countries_named("12e session de la commission mixte franco-tunisienne", lexicon.demonym_country) == \
        {"country/FR", "country/TN"}
    assert countries_named("الدورة الثالثة للجنة المشتركة المغربية الموريتانية", lexicon.demonym_country) == \
        {"country/MA", "country/MR"}
    assert countries_named("the third session of the joint commission", lexicon.demonym_country) == set()


def test_a_numbered_session_is_told_by_its_ordinal_not_by_a_date_near_it():
    both = ("country/FR", "country/TN")
    a = report("a", "d1", "12e session de la commission mixte franco-tunisienne", dates=("2009",), participants=both)
    b = report("b", "d2", "twelfth session of the Franco-Tunisian joint commission", dates=("2019-03-02",),
               participants=both)
    c = report("c", "d3", "11th session of the Franco-Tunisian joint commission", dates=("2019-03-02",),
               participants=both)
    assert same_event_groups([a, b, c]) == [["a", "b"]]


def test_attacks_need_the_same_day_and_place():
    a = report("a", "d1", "attaque à Bamako", dates=("2024-09-17",), places=("city/ML-bamako",))
    b = report("b", "d2", "هجوم باماكو", dates=("2024-09-17",), places=("city/ML-bamako",))
    c = report("c", "d3", "attack in Bamako", dates=("2015-11-20",), places=("city/ML-bamako",))
    d = report("d", "d4", "attack in Bamako", dates=("2024-09-20",), places=("city/ML-bamako",))
    assert same_event_groups([a, b, c, d]) == [["a", "b"]]


def test_attacks_without_a_date_reported_years_apart_stay_apart():
    def attack(rid, doc, name, published):
        return EventReport(rid, doc, (event_signature(name),), places=frozenset({"city/TN-sousse"}), published=published)
    a = attack("a", "d1", "attaque de Sousse", "2015-06-27")
    b = attack("b", "d2", "Sousse attack", "2015-06-28")
    c = attack("c", "d3", "attack in Sousse", "2018-03-02")
    assert same_event_groups([a, b, c]) == [["a", "b"]]


def test_a_yearless_name_joins_no_edition_when_two_qualify():
    reports = [report("a", "d1", "Flintlock 2019"), report("b", "d2", "Flintlock 2020"), report("c", "d3", "Flintlock")]
    assert same_event_groups(reports) == []
    assert same_event_groups(reports[1:]) == [["b", "c"]]
    # its dates give it a year
    dated = report("c", "d3", "Flintlock", dates=("2020-02-17",))
    assert same_event_groups([*reports[:2], dated]) == [["b", "c"]]


def test_a_yearless_name_joins_the_edition_of_its_publication_year_when_two_qualify():
    editions = [report("a", "d1", "Flintlock 2019"), report("b", "d2", "Flintlock 2020")]
    dispatch = EventReport("c", "d3", (event_signature("Flintlock"),), published="2020-02-18")
    assert same_event_groups([*editions, dispatch]) == [["b", "c"]]
    # a publication year no edition has: it joins neither
    later = EventReport("c", "d3", (event_signature("Flintlock"),), published="2022-02-18")
    assert same_event_groups([*editions, later]) == []


def test_the_previous_session_is_the_one_before_the_session_its_document_reports():
    parties = ("country/MA", "country/ES")
    reports = [report("a13", "d1", "13e réunion de haut niveau maroco-espagnole", participants=parties),
               report("p", "d1", "la précédente réunion"),
               report("b12", "d2", "الاجتماع الثاني عشر رفيع المستوى المغربي الإسباني", participants=parties),
               report("c13", "d3", "13th high-level meeting", participants=parties)]
    assert same_event_groups(reports) == [["a13", "c13"], ["b12", "p"]]
    # "the next session" counts the other way
    nxt = [report("a13", "d1", "13e réunion de haut niveau maroco-espagnole", participants=parties),
           report("n", "d1", "the next meeting"), report("c14", "d2", "14th high-level meeting", participants=parties)]
    assert same_event_groups(nxt) == [["c14", "n"]]


def test_last_year_s_edition_is_the_edition_of_the_year_before():
    reports = [report("a", "d1", "African Lion 2024"), report("p", "d1", "last year's edition"),
               report("b", "d2", "مناورات الأسد الإفريقي 2023"), report("c", "d3", "African Lion 2024")]
    assert same_event_groups(reports) == [["a", "c"], ["b", "p"]]


def test_a_previous_session_shares_a_block_with_what_it_may_count_from():
    """An incremental run resolves again the units that share a block: the report named by
    its place in a series comes back with every report of its document it may count from."""
    reports = [report("a", "d1", "13e réunion", participants=("country/MA",)),
               report("p", "d1", "la précédente réunion"), report("v", "d1", "visite d'État"),
               report("b", "d2", "12th high-level meeting")]
    keys = event_blocking_keys(reports)
    shared = keys["a"] & keys["p"]
    assert shared and not shared & keys["v"] and not shared & keys["b"]


def test_a_previous_session_with_nothing_to_count_from_links_nothing():
    # two documents that each name "the previous session" and nothing else: no join
    # (they may count from two other sessions)
    parties = ("country/MA", "country/FR")
    assert same_event_groups([report("p1", "d1", "la précédente session", participants=parties),
                              report("p2", "d2", "the previous session", participants=parties)]) == []
    # two numbered sessions in its document: which one it counts from is not known
    assert same_event_groups([report("a", "d1", "22e session", participants=parties),
                              report("b", "d1", "23e session", participants=parties),
                              report("p", "d1", "la précédente session"),
                              report("c", "d2", "21st session", participants=parties)]) == []


def test_a_yearless_name_is_its_one_dated_namesake_in_its_document():
    reports = [report("a", "d1", "African Lion 24"), report("b", "d1", "African Lion"),
               report("c", "d2", "African Lion 2024"), report("d", "d3", "African Lion 2023")]
    assert same_event_groups(reports) == [["a", "b", "c"]]
    two = [report("a", "d1", "African Lion 2023"), report("b", "d1", "African Lion"), report("c", "d1", "African Lion 2024")]
    assert same_event_groups(two) == []


def test_two_events_of_one_document_stay_two():
    assert same_event_groups([report("a", "d1", "African Lion 2024"), report("b", "d1", "African Lion 2024"),
                              report("c", "d2", "African Lion 2024")]) in ([["a", "c"]], [["b", "c"]])


# -- the real pipeline ---------------------------------------------------------------------
TEXTS = {
    "ar-lion24": ("ar", "انطلقت يوم الاثنين 20 ماي 2024 بمدينة طانطان مناورات «الأسد الإفريقي 2024» "
                        "بمشاركة القوات المسلحة الملكية والجيش الأمريكي."),
    "fr-lion24": ("fr", "L'exercice « African Lion 2024 » a débuté le 20 mai 2024 à Tan-Tan avec les Forces "
                        "armées royales et l'armée américaine."),
    "en-lion23": ("en", "Exercise African Lion 2023 opened in Agadir on 22 May 2023 with Moroccan and American troops."),
    "fr-bamako24": ("fr", "Une attaque à Bamako a fait des dizaines de morts le 17 septembre 2024, selon l'armée malienne."),
    "ar-bamako24": ("ar", "أسفر هجوم باماكو يوم 17 سبتمبر 2024 عن مقتل العشرات، حسب الجيش المالي."),
    "fr-bamako15": ("fr", "Une attaque à Bamako a fait vingt morts le 20 novembre 2015, selon l'armée malienne."),
}


@pytest.fixture(scope="module")
def resolved():
    pipeline = Pipeline(exporters=("json",))
    results = [pipeline.process(Document(id=k, text=t, lang=lang)) for k, (lang, t) in TEXTS.items()]
    entities, relations = resolve_entities(results)
    return results, entities, relations


def _events(entities):
    return {tuple(e.documents): e for e in entities if e.type == "Event"}


def test_same_exercise_in_arabic_and_french_is_one_event_and_another_year_is_not(resolved):
    events = _events(resolved[1])
    lion = events[("ar-lion24", "fr-lion24")]
    assert {"الأسد الإفريقي 2024", "African Lion 2024"} <= set(lion.aliases)
    assert "African Lion 2023" in events[("en-lion23",)].aliases


def test_two_attacks_in_one_city_on_different_days_stay_apart(resolved):
    events = _events(resolved[1])
    assert {"هجوم باماكو", "attaque à Bamako"} <= set(events[("ar-bamako24", "fr-bamako24")].aliases)
    assert ("fr-bamako15",) in events
    dates = {r.tail for r in resolved[2] if r.type == "occurredOn" and r.head == events[("fr-bamako15",)].id}
    assert dates == {"2015-11-20"}


def test_every_report_of_the_event_stays_linked_in_rdf(resolved):
    results, entities, relations = resolved
    G = build_graph(entities, relations, [r.document for r in results])
    store = ox.Store()
    store.load(trig_text(dataset_triples(G)), ox.RdfFormat.TRIG)
    lion = _events(entities)[("ar-lion24", "fr-lion24")]
    rows = store.query(f"SELECT ?doc ?g WHERE {{ GRAPH ?g {{ ?doc <https://schema.org/mentions> "
                       f"<{entity_iri(lion.id)}> }} }}")
    found = {(str(row["doc"].value)) for row in rows}
    assert found == {str(document_iri("ar-lion24")), str(document_iri("fr-lion24"))}


def test_a_name_the_model_typed_as_a_body_is_the_event_another_document_dates():
    pipeline = Pipeline(exporters=("json",))
    texts = {
        # a name the named events' lexicon lacks (Cutlass Express is read there now)
        "en-iron": ("en", "Exercise Iron Union 2019 opened in Djibouti on 27 January 2019 with troops from the Gulf."),
        "fr-iron": ("fr", "Des officiers somaliens ont rejoint Iron Union à Djibouti, a annoncé l'état-major."),
    }
    results = [pipeline.process(Document(id=k, text=t, lang=lang)) for k, (lang, t) in texts.items()]
    assert [m.type for m in results[1].mentions if m.text == "Iron Union"] == ["Organization"]  # the model's
    entities, _ = resolve_entities(results)
    event = _events(entities)[("en-iron", "fr-iron")]
    assert {"Iron Union", "Exercise Iron Union 2019"} <= set(event.aliases)
    assert not [e for e in entities if e.type == "Organization"]


def described(rid: str, doc: str, head: str, dates=(), places=(), participants=()) -> EventReport:
    """A report with no name, only a kind (a state visit, visite d'État, زيارة الدولة)."""
    return EventReport(rid, doc, (event_signature("", head=head),), frozenset(dates), frozenset(places),
                       frozenset(participants))


def test_described_reports_join_by_their_frame_and_stay_apart_otherwise():
    sanchez, felipe = "person|pedro sanchez", "person|felipe vi"
    groups = same_event_groups([
        described("a", "d1", "state visit", dates={"2023-02-01"}, places={"country/MA"}, participants={felipe, "country/MA"}),
        described("b", "d2", "visite d'État", dates={"2023-02"}, places={"country/MA"}, participants={felipe}),
        described("c", "d3", "زيارة الدولة", dates={"2023"}, participants={felipe}),  # a person and a year
        # the same visitor to another country, the same year: another visit
        described("d", "d4", "state visit", dates={"2023-05"}, places={"country/MR"}, participants={felipe}),
        # another kind, the same parties
        described("e", "d5", "summit", dates={"2023-02"}, places={"country/MA"}, participants={felipe, "country/MA"}),
        # another visitor: one shared place is not enough
        described("f", "d6", "official visit", dates={"2023-02"}, places={"country/MA"}, participants={sanchez}),
        # another year
        described("g", "d7", "working visit", dates={"2019"}, places={"country/MA"}, participants={felipe, "country/MA"}),
    ])
    assert groups == [["a", "b", "c"]]


def test_described_visits_in_three_languages_are_one_event():
    pipeline = Pipeline(exporters=("json",))
    texts = {
        "en-visit": ("en", "Pedro Sánchez's official visit to Mauritania on 12 March 2024 ended with a migration accord. "
                           "Mauritania hosted him in Nouakchott."),
        "fr-visit": ("fr", "La visite officielle du président du gouvernement espagnol Pedro Sánchez en Mauritanie, "
                           "le 12 mars 2024, a porté sur la migration. La Mauritanie a signé un accord."),
        "en-other": ("en", "Pedro Sánchez's official visit to Senegal on 20 March 2024 focused on trade. "
                           "Senegal welcomed the visit."),
    }
    results = [pipeline.process(Document(id=k, text=t, lang=lang)) for k, (lang, t) in texts.items()]
    entities, _ = resolve_entities(results)
    visits = {tuple(e.documents) for e in entities if e.type == "Event" and e.event_kind == "visit"}
    assert ("en-visit", "fr-visit") in visits
    assert ("en-other",) in visits


def test_a_documents_unnamed_session_of_one_ordinal_is_its_named_one():
    # "its 9th session" beside "the 9th session of the joint commission" in one document: one
    # event, so another document's report of that session joins both, not only the first
    named = report("a", "d1", "9th session of the Chilean-Peruvian joint commission",
                   places=("city/lima",), participants=("country/CL", "country/PE"))
    unnamed = report("b", "d1", "9th session", places=("city/lima",), participants=("country/CL", "country/PE"))
    other = report("c", "d2", "9e session de la commission mixte", places=("city/lima",),
                   participants=("country/CL", "country/PE"))
    assert same_event_groups([named, unnamed, other]) == [["a", "b", "c"]]
    # another ordinal stays apart
    tenth = report("d", "d1", "10th session", places=("city/lima",), participants=("country/CL", "country/PE"))
    assert same_event_groups([named, tenth]) == []


def test_described_visits_join_by_a_shared_place_in_a_shared_month():
    # a state visit to Spain in March 2023: one report names the visitor, the other only
    # "the French president"; a visit of May, or of another named visitor, stays apart
    a = report("a", "d1", "state visit", dates=("2023-03-14",), places=("country/ES",),
               participants=("person|~lula",))
    b = report("b", "d2", "visite d'État", dates=("2023-03",), places=("country/ES",))
    c = report("c", "d3", "state visit", dates=("2023-05",), places=("country/ES",))
    d = report("d", "d4", "state visit", dates=("2023-03-20",), places=("country/ES",),
               participants=("person|~scholz",))
    assert same_event_groups([a, b]) == [["a", "b"]]
    assert same_event_groups([a, c]) == []
    assert same_event_groups([a, d]) == []


def test_a_named_events_forms_in_three_languages_are_one_name_and_its_editions_stay_apart():
    groups = same_event_groups([
        report("a", "d1", "Munich Security Conference 2024"),
        report("b", "d2", "Conférence de Munich sur la sécurité 2024"),
        report("c", "d3", "مؤتمر ميونخ للأمن 2024"),
        report("d", "d4", "Munich Security Conference 2023"),
        report("e", "d5", "Dakar International Forum on Peace and Security in Africa"),
        report("f", "d6", "منتدى داكار الدولي للسلام والأمن في إفريقيا"),
    ])
    assert groups == [["a", "b", "c"], ["e", "f"]]


def test_a_named_operation_and_an_exercise_of_one_name_root_are_two_kinds():
    # the lexicon gives each report its entry's kind: an operation is no exercise
    groups = same_event_groups([report("a", "d1", "Barkhane"), report("b", "d2", "برخان"),
                                report("c", "d3", "exercise Barkhane")])
    assert groups == [["a", "b"]]


def test_lexicon_editions_across_documents_one_edition_one_event_two_editions_two():
    pipeline = Pipeline(exporters=("json",))
    texts = {
        "en-msc24": ("en", "Ministers from the Sahel spoke at the 2024 Munich Security Conference in February."),
        "ar-msc24": ("ar", "تحدث وزير الخارجية في مؤتمر ميونخ للأمن 2024 عن الساحل."),
        "fr-msc23": ("fr", "Le ministre était à la Conférence de Munich sur la sécurité 2023 avec ses homologues."),
    }
    results = [pipeline.process(Document(id=k, text=t, lang=lang)) for k, (lang, t) in texts.items()]
    events = _events(resolve_entities(results)[0])
    assert ("ar-msc24", "en-msc24") in events and ("fr-msc23",) in events
