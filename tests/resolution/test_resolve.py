import random

import pytest

from pipeline.ontology_data import Lexicon, LexiconEntry
from pipeline.model import Document, DocumentResult, Evidence, Mention, MentionAttrs, Relation
from pipeline.resolution.resolve import merge_relations, resolve_entities, strip_title


def doc(doc_id: str, lang: str, *items: tuple, relations: list[Relation] | None = None) -> DocumentResult:
    """A result whose mentions are ``(text, type[, key[, attrs]])``, laid end to end;
    mention ids are ``doc_id#index``."""
    mentions, pos = [], 0
    for i, item in enumerate(items):
        text, typ = item[0], item[1]
        key = item[2] if len(item) > 2 else None
        attrs = item[3] if len(item) > 3 else {}
        mentions.append(Mention(id=f"{doc_id}#{i}", document=doc_id, start=pos, end=pos + len(text), text=text,
                                type=typ, lang=lang, key=key, attrs=MentionAttrs(**attrs)))
        pos += len(text) + 1
    text = " ".join(m.text for m in mentions)
    return DocumentResult(document=Document(id=doc_id, text=text, lang=lang), mentions=mentions,
                          relations=relations or [])


# Names no lexicon holds: the acronym rules are tested, not the agencies lexicon.
NO_LEXICON = Lexicon([])


def entity_with(entities, alias):
    found = [e for e in entities if alias in e.aliases]
    assert len(found) == 1, (alias, [(e.label, e.aliases) for e in found])
    return found[0]


def test_lexicon_id_groups_every_name_and_labels_in_english():
    entities, _ = resolve_entities([
        doc("a", "ar", ("المغرب", "Country", "country/MA"), ("المملكة المغربية", "Country", "country/MA")),
        doc("b", "fr", ("Maroc", "Country", "country/MA"), ("la France", "Country", "country/FR")),
    ])
    morocco = entity_with(entities, "Maroc")
    assert morocco.id == "country/MA" and morocco.label == "Morocco"
    assert {"المغرب", "المملكة المغربية", "Maroc"} <= set(morocco.aliases)
    assert morocco.documents == ["a", "b"]
    assert morocco.iso3166 == "MA"
    assert "المغرب" in morocco.alias_langs["ar"] and "Maroc" in morocco.alias_langs["fr"]


def test_a_name_without_key_joins_its_lexicon_entry():
    entities, _ = resolve_entities([doc("a", "en", ("Morocco", "Country", "country/MA")),
                                    doc("b", "en", ("Morocco", "Location"))])
    assert len(entities) == 1 and entities[0].documents == ["a", "b"]


def test_acronym_bound_by_the_recognizer():
    long_form = ("المديرية العامة للأمن الوطني", "GovernmentAgency", None, {"acronym": "DGSN"})
    acro = ("DGSN", "GovernmentAgency", None, {"long_form_of": "a#0"})
    entities, _ = resolve_entities([doc("a", "ar", long_form, acro)], NO_LEXICON)
    assert len(entities) == 1
    assert set(entities[0].aliases) == {"المديرية العامة للأمن الوطني", "DGSN"}
    assert entities[0].label == "المديرية العامة للأمن الوطني"


def test_acronym_found_by_initials_within_a_document_and_alone_elsewhere():
    entities, _ = resolve_entities([
        doc("a", "fr", ("Office central pour la répression du trafic illicite des stupéfiants", "GovernmentAgency"),
            ("OCRTIS", "Organization")),
        doc("b", "fr", ("OCRTIS", "GovernmentAgency")),
    ], NO_LEXICON)
    assert len(entities) == 1
    ocrtis = entities[0]
    assert ocrtis.label == "Office central pour la répression du trafic illicite des stupéfiants"
    assert ocrtis.type == "GovernmentAgency" and ocrtis.documents == ["a", "b"]


def test_an_acronym_of_two_long_forms_joins_neither():
    entities, _ = resolve_entities([
        doc("a", "fr", ("Direction générale de la sûreté nationale", "GovernmentAgency"), ("DGSN", "GovernmentAgency")),
        doc("b", "fr", ("Délégation générale à la sécurité nationale", "GovernmentAgency"), ("DGSN", "GovernmentAgency")),
        doc("c", "fr", ("DGSN", "GovernmentAgency")),
    ], NO_LEXICON)
    assert len(entities) == 3
    assert entity_with(entities, "Direction générale de la sûreté nationale").documents == ["a"]
    assert entity_with(entities, "Délégation générale à la sécurité nationale").documents == ["b"]


def test_surname_and_titled_surname_join_the_full_name_in_the_document():
    entities, _ = resolve_entities([
        doc("a", "ar", ("عبد اللطيف حموشي", "Person"), ("السيد حموشي", "Person"), ("حموشي", "Person")),
        doc("b", "fr", ("Abdellatif Hammouchi", "Person"), ("M. Hammouchi", "Person")),
    ])
    assert len(entities) == 1
    person = entities[0]
    assert person.label == "Abdellatif Hammouchi"
    assert {"عبد اللطيف حموشي", "السيد حموشي", "حموشي", "M. Hammouchi", "Hammouchi"} <= set(person.aliases)
    assert person.labels["ar"] == "عبد اللطيف حموشي" and person.labels["fr"] == "Abdellatif Hammouchi"


def test_person_in_arabic_and_latin_script_across_documents():
    entities, _ = resolve_entities([
        doc("a", "ar", ("عبد الحميد أبا عود", "Person")),
        doc("b", "en", ("Abdelhamid Abaaoud", "Person")),
        doc("c", "fr", ("Abaaoud", "Person")),
    ])
    assert len(entities) == 1
    assert entities[0].label == "Abdelhamid Abaaoud" and entities[0].documents == ["a", "b", "c"]


def test_two_persons_sharing_a_surname_stay_apart_and_a_lone_surname_joins_neither():
    entities, _ = resolve_entities([
        doc("a", "fr", ("Abdellatif Hammouchi", "Person")),
        doc("b", "fr", ("Mohamed Hammouchi", "Person")),
        doc("c", "fr", ("Hammouchi", "Person")),
        doc("d", "fr", ("M. Hammouchi", "Person")),
    ])
    assert len(entities) == 3
    lone = entity_with(entities, "Hammouchi")
    assert lone.documents == ["c", "d"] and lone.label == "Hammouchi"


def test_surname_refers_to_the_full_name_of_its_own_document():
    entities, _ = resolve_entities([
        doc("a", "fr", ("Abdellatif Hammouchi", "Person"), ("Hammouchi", "Person")),
        doc("b", "fr", ("Mohamed Hammouchi", "Person"), ("Hammouchi", "Person")),
    ])
    assert len(entities) == 2
    assert entity_with(entities, "Abdellatif Hammouchi").documents == ["a"]
    assert entity_with(entities, "Mohamed Hammouchi").documents == ["b"]


def test_same_script_names_with_equal_skeletons_but_other_spelling_stay_apart():
    entities, _ = resolve_entities([doc("a", "en", ("Mohamed Ali", "Person")), doc("b", "en", ("Mahmoud Ali", "Person")),
                                    doc("c", "en", ("Mohammed Ali", "Person"))])
    assert len(entities) == 2
    assert entity_with(entities, "Mohammed Ali").documents == ["a", "c"]


def test_incompatible_types_never_merge():
    entities, _ = resolve_entities([
        doc("a", "en", ("Jordan", "Person"), ("Michael Jordan", "Person")),
        doc("b", "en", ("Jordan", "Country", "country/JO")),
        doc("c", "en", ("Hammouchi", "Organization")),
        doc("d", "en", ("Abdellatif Hammouchi", "Person")),
    ])
    types = sorted(e.type for e in entities)
    assert types == ["Country", "Organization", "Person", "Person"]


def test_ids_are_stable_across_input_orders():
    docs = [
        doc("a", "ar", ("عبد اللطيف حموشي", "Person"), ("حموشي", "Person"), ("المغرب", "Country", "country/MA")),
        doc("b", "fr", ("Abdellatif Hammouchi", "Person"), ("DGSI", "GovernmentAgency"),
            ("Direction générale de la sécurité intérieure", "GovernmentAgency")),
        doc("c", "en", ("Hammouchi", "Person"), ("DGSI", "GovernmentAgency")),
        doc("d", "en", ("Exercise Bright Star 2017", "Event", None, {"year": "2017", "head": "exercise"}),
            ("Bright Star", "Event"), ("Europol", "InternationalOrganization"),
            ("European Police Office", "InternationalOrganization"), ("Ursula von der", "Person"),
            ("Ursula von der Leyen", "Person")),
        doc("e", "fr", ("Bright Star 2017", "Event"), ("محمود عباس", "Person")),
        doc("f", "en", ("Mahmoud Abbas", "Person"), ("Mohamed Abbas", "Person")),
    ]
    first, _ = resolve_entities(docs)
    for seed in range(5):
        shuffled = list(docs)
        random.Random(seed).shuffle(shuffled)
        again, _ = resolve_entities(shuffled)
        assert [e.to_dict() for e in again] == [e.to_dict() for e in first]
    assert all("/" in e.id for e in first)


def test_relations_from_two_documents_become_one_with_both_evidences():
    ev_a, ev_b = Evidence("a", 0, 10, "x"), Evidence("b", 0, 10, "y")
    rel_a = Relation(head="a#0", type="cooperatesWith", tail="a#1", domains=["security"], confidence=0.6,
                     extractor="p1", evidence=[ev_a])
    rel_b = Relation(head="b#1", type="cooperatesWith", tail="b#0", domains=["intelligence"], confidence=0.9,
                     extractor="p2", evidence=[ev_b])
    _, relations = resolve_entities([
        doc("a", "ar", ("المغرب", "Country", "country/MA"), ("فرنسا", "Country", "country/FR"), relations=[rel_a]),
        doc("b", "fr", ("la France", "Country", "country/FR"), ("Maroc", "Country", "country/MA"), relations=[rel_b]),
    ])
    assert len(relations) == 1
    rel = relations[0]
    assert (rel.head, rel.tail) == ("country/FR", "country/MA")
    assert rel.domains == ["intelligence", "security"] and rel.confidence == 0.9
    assert rel.evidence == [ev_a, ev_b]


def test_strip_title():
    assert strip_title("M. Hammouchi") == "Hammouchi"
    assert strip_title("السيد عبد اللطيف حموشي") == "عبد اللطيف حموشي"
    assert strip_title("President") == "President"


@pytest.mark.parametrize("n_docs", [2000])
def test_twenty_thousand_mentions_resolve_by_blocking(n_docs):
    """20,000 synthetic mentions: 500 persons named in Arabic and Latin script and by surname,
    200 agencies with acronyms, 300 events named with and without their head noun, countries
    by lexicon id; the result is checked, not the time."""
    rng = random.Random(7)
    ar_first = ["عبد اللطيف", "محمد", "يوسف", "خالد", "جمال", "عبد الرحمن", "كريم", "سعيد", "رشيد", "حسن"]
    la_first = ["Abdellatif", "Mohamed", "Youssef", "Khaled", "Djamel", "Abderrahmane", "Karim", "Said", "Rachid", "Hassan"]
    ar_cons = ["ب", "ت", "د", "ر", "ز", "س", "ف", "ك", "ل", "م", "ن"]
    la_cons = ["b", "t", "d", "r", "z", "s", "f", "k", "l", "m", "n"]
    persons = []
    seen = set()
    while len(persons) < 500:
        f = rng.randrange(len(ar_first))
        idx = [rng.randrange(len(ar_cons)) for _ in range(4)]
        # no doubled consonant, within the surname or across the first name (it would collapse
        # into another person's skeleton)
        if (f, tuple(idx)) in seen or any(x == y for x, y in zip(idx, idx[1:])) or la_cons[idx[0]] in "dflmn":
            continue
        seen.add((f, tuple(idx)))
        persons.append((f"{ar_first[f]} {''.join(ar_cons[i] + 'ا' for i in idx)}",
                        f"{la_first[f]} {''.join(la_cons[i] + 'a' for i in idx).capitalize()}"))
    agencies = [(f"Agence nationale numéro {i} de la sécurité", "ANN") for i in range(200)]
    countries = ["country/MA", "country/FR", "country/DZ", "country/TN", "country/ES"]
    results, total = [], 0
    for d in range(n_docs):
        items: list[tuple] = []
        p = rng.randrange(len(persons))
        arabic = d % 2 == 0
        full = persons[p][0] if arabic else persons[p][1]
        items += [(full, "Person"), (full.split()[-1], "Person"), (full, "Person")]
        a = rng.randrange(len(agencies))
        items += [(agencies[a][0], "GovernmentAgency", None, {"acronym": f"A{a}X"}),
                  (f"A{a}X", "GovernmentAgency", None, {"long_form_of": f"d{d}#3"})]
        e, year = rng.randrange(100), str(2010 + rng.randrange(3))
        items += [(f"Exercise Desert Shield {e} {year}", "Event", None, {"year": year, "head": "exercise"}),
                  (f"Desert Shield {e} {year}", "Event")]
        items += [("name", "Country", rng.choice(countries)) for _ in range(3)]
        total += len(items)
        results.append(doc(f"d{d}", "ar" if arabic else "fr", *items))
    assert total == 20_000
    entities, _ = resolve_entities(results)
    by_type = {}
    for e in entities:
        by_type.setdefault(e.type, []).append(e)
    assert len(by_type["Country"]) == len(countries)
    # every person is one entity whatever the script it was written in
    person_docs = {}
    for d, r in enumerate(results):
        person_docs.setdefault(r.mentions[0].text, set()).add(r.document.id)
    persons_used = {i for i, (ar, la) in enumerate(persons) if ar in person_docs or la in person_docs}
    assert len(by_type["Person"]) == len(persons_used)
    for e in by_type["Person"]:
        assert len({a for a in e.aliases if " " in a}) <= 2
    assert len(by_type["GovernmentAgency"]) == len({r.mentions[3].text for r in results})
    # an event is one entity per name and year, whether named with its head noun or not
    assert len(by_type["Event"]) == len({r.mentions[5].text for r in results})
    assert sum(e.mentions for e in entities) == 20_000


def test_a_short_name_in_parentheses_joins_the_name_before_it():
    result = doc("a", "ar", ("جهاز الاستخبارات السرية", "GovernmentAgency"), ("ام آي 6", "GovernmentAgency"))
    long_form, short = result.mentions
    result.document.text = f"قال {long_form.text} ({short.text}) إن"
    long_form.start, long_form.end = 4, 4 + len(long_form.text)
    short.start, short.end = long_form.end + 2, long_form.end + 2 + len(short.text)
    entities, _ = resolve_entities([result], NO_LEXICON)
    assert len(entities) == 1 and set(entities[0].aliases) == {"جهاز الاستخبارات السرية", "ام آي 6"}


def test_a_name_of_two_lexicon_entries_takes_the_one_the_document_names():
    lexicon = Lexicon([
        LexiconEntry(id="agency/ma-x", type="GovernmentAgency", labels={"en": "X of Morocco", "ar": "مديرية س"},
                     acronyms=["DGX"], country="MA"),
        LexiconEntry(id="agency/dz-x", type="GovernmentAgency", labels={"en": "X of Algeria"}, acronyms=["DGX"],
                     country="DZ"),
        LexiconEntry(id="country/DZ", type="Country", labels={"en": "Algeria"}, country="DZ", iso3166="DZ"),
    ])
    entities, _ = resolve_entities([
        doc("a", "ar", ("مديرية س", "GovernmentAgency", "agency/ma-x"), ("DGX", "GovernmentAgency")),
        doc("b", "fr", ("DGX", "GovernmentAgency")),
        doc("c", "fr", ("DGX", "GovernmentAgency"), ("Algérie", "Country", "country/DZ")),
    ], lexicon)
    by_id = {e.id: e for e in entities}
    assert by_id["agency/ma-x"].aliases == ["DGX", "مديرية س"] and by_id["agency/ma-x"].documents == ["a"]
    assert by_id["agency/dz-x"].documents == ["c"]  # the country the document names
    assert len(entities) == 4  # and b's DGX stands alone


def test_event_bare_name_from_recognizer_becomes_an_alias():
    entities, _ = resolve_entities([
        doc("a", "ar", ("أحداث باتاكلان", "Event", None, {"name": "باتاكلان", "aliases": ["باتاكلان"], "year": "2015"})),
    ], NO_LEXICON)
    (event,) = entities
    assert set(event.aliases) == {"أحداث باتاكلان", "باتاكلان"}
    assert "باتاكلان" in event.alias_langs["ar"]


# -- round 2 rules ------------------------------------------------------------------------

def test_event_name_with_and_without_head_noun_and_year_is_one_event():
    entities, _ = resolve_entities([
        doc("a", "en", ("Exercise Bright Star 2017", "Event", None,
                        {"name": "Bright Star 2017", "head": "exercise", "year": "2017", "aliases": ["Bright Star 2017"]}),
            ("Bright Star", "Event")),
        doc("b", "fr", ("Bright Star 2017", "Event")),
        doc("c", "en", ("Bright Star 2019", "Event")),
    ], NO_LEXICON)
    assert len(entities) == 2
    event = entity_with(entities, "Bright Star 2017")
    assert event.documents == ["a", "b"] and event.label == "Exercise Bright Star 2017"
    assert entity_with(entities, "Bright Star 2019").documents == ["c"]


def test_event_names_with_two_years_or_two_heads_keep_apart():
    entities, _ = resolve_entities([
        doc("a", "en", ("Bright Star 2017", "Event"), ("Bright Star 2019", "Event"), ("Bright Star", "Event")),
        doc("b", "en", ("Paris attacks", "Event"), ("Paris summit", "Event"), ("Paris 2015", "Event")),
    ], NO_LEXICON)
    assert len(entities) == 6


def test_model_typed_event_name_joins_the_event():
    result = doc("a", "en", ("Exercise Bright Star 2017", "Event", None,
                             {"name": "Bright Star 2017", "head": "exercise", "year": "2017"}),
                 ("Bright Star", "Person"))
    result.mentions[0].source, result.mentions[1].source = "events", "model:PERSON"
    entities, _ = resolve_entities([result], NO_LEXICON)
    assert len(entities) == 1 and entities[0].type == "Event"
    # the same name found by a pattern (a titled person) is left alone
    result.mentions[1].source = "pattern"
    entities, _ = resolve_entities([result], NO_LEXICON)
    assert sorted(e.type for e in entities) == ["Event", "Person"]


def test_syllabic_acronym_joins_its_long_form_in_the_document():
    lexicon = Lexicon([
        LexiconEntry(id="agency/us-centcom", type="GovernmentAgency", labels={"en": "United States Central Command"},
                     acronyms=["CENTCOM"], country="US"),
        LexiconEntry(id="country/US", type="Country", labels={"en": "United States"}, aliases={"en": ["U.S."]},
                     country="US", iso3166="US"),
    ])
    entities, _ = resolve_entities([
        doc("a", "en", ("U.S. Central Command", "GovernmentAgency"), ("CENTCOM", "GovernmentAgency", "agency/us-centcom")),
        doc("b", "en", ("Europol", "InternationalOrganization"), ("European Police Office", "InternationalOrganization")),
        doc("c", "en", ("Central Command", "Organization")),
    ], lexicon)
    centcom = entity_with(entities, "CENTCOM")
    assert centcom.id == "agency/us-centcom" and "U.S. Central Command" in centcom.aliases
    assert centcom.documents == ["a"]
    assert entity_with(entities, "Europol").documents == ["b"] and len(entity_with(entities, "Europol").aliases) == 2


def test_syllabic_acronym_of_two_long_forms_or_across_type_groups_joins_nothing():
    entities, _ = resolve_entities([
        doc("a", "en", ("Europol", "InternationalOrganization"), ("European Police Office", "InternationalOrganization"),
            ("European Police College", "InternationalOrganization")),
        doc("b", "en", ("Europol", "Location"), ("European Police Office", "InternationalOrganization")),
    ], NO_LEXICON)
    assert all(len(e.aliases) == 1 for e in entities)


NATIONAL = Lexicon([
    LexiconEntry(id="agency/gb-mi6", type="GovernmentAgency", labels={"en": "Secret Intelligence Service"},
                 acronyms=["MI6"], country="GB", kind="intelligence"),
    LexiconEntry(id="agency/gb-mi5", type="GovernmentAgency", labels={"en": "Security Service"},
                 acronyms=["MI5"], country="GB", kind="security"),
    LexiconEntry(id="agency/gb-police", type="GovernmentAgency", labels={"en": "Metropolitan Police"},
                 country="GB", kind="police"),
    LexiconEntry(id="country/GB", type="Country", labels={"en": "United Kingdom", "ar": "بريطانيا"}, country="GB",
                 iso3166="GB", demonyms={"en": ["British"], "ar": ["بريطاني", "البريطانية"]}),
])


def test_national_reference_joins_the_one_agency_of_its_country_and_kind():
    entities, _ = resolve_entities([
        doc("a", "ar", ("الاستخبارات البريطانية", "GovernmentAgency", None, {"country": "country/GB"}),
            ("ام آي 6", "GovernmentAgency", "agency/gb-mi6"), ("بريطانيا", "Country", "country/GB")),
        doc("b", "en", ("British intelligence", "GovernmentAgency"), ("MI6", "GovernmentAgency", "agency/gb-mi6"),
            ("Metropolitan Police", "GovernmentAgency", "agency/gb-police")),
    ], NATIONAL)
    mi6 = {e.id: e for e in entities}["agency/gb-mi6"]
    assert {"الاستخبارات البريطانية", "British intelligence"} <= set(mi6.aliases) and mi6.documents == ["a", "b"]


def test_national_reference_with_two_candidate_agencies_or_none_stays_alone():
    entities, _ = resolve_entities([
        doc("a", "en", ("British intelligence", "GovernmentAgency"), ("MI6", "GovernmentAgency", "agency/gb-mi6"),
            ("MI5", "GovernmentAgency", "agency/gb-mi5")),
        doc("b", "en", ("British intelligence", "GovernmentAgency"),
            ("Metropolitan Police", "GovernmentAgency", "agency/gb-police")),
    ], NATIONAL)
    generic = entity_with(entities, "British intelligence")
    assert generic.documents == ["a", "b"] and generic.aliases == ["British intelligence"]


def test_person_name_cut_short_joins_the_one_full_name_it_begins():
    entities, _ = resolve_entities([
        doc("a", "en", ("Ursula von der Leyen", "Person"), ("Ursula von der", "Person")),
        doc("b", "en", ("Jean-Yves Le Drian", "Person"), ("Jean-Yves Le Gall", "Person"), ("Jean-Yves Le", "Person")),
    ], NO_LEXICON)
    assert entity_with(entities, "Ursula von der Leyen").aliases == ["Ursula von der", "Ursula von der Leyen"]
    assert len(entities) == 4  # Jean-Yves Le: two full names begin with it


def test_cross_script_persons_need_agreeing_long_vowels():
    entities, _ = resolve_entities([
        doc("a", "ar", ("محمد علي", "Person")),
        doc("b", "en", ("Mahmoud Ali", "Person")),
        doc("c", "ar", ("محمود علي", "Person")),
        doc("d", "fr", ("Mohamed Ali", "Person")),
    ], NO_LEXICON)
    assert len(entities) == 2
    assert entity_with(entities, "Mahmoud Ali").documents == ["b", "c"]
    assert entity_with(entities, "Mohamed Ali").documents == ["a", "d"]


# -- round 3 rules ------------------------------------------------------------------------

STATES = Lexicon([
    LexiconEntry(id="country/EG", type="Country", labels={"en": "Egypt", "ar": "مصر", "fr": "Égypte"}, country="EG",
                 iso3166="EG", demonyms={"en": ["Egyptian"], "ar": ["مصري", "المصري", "المصرية"],
                                         "fr": ["égyptien", "égyptienne"]}),
    LexiconEntry(id="country/SD", type="Country", labels={"en": "Sudan", "ar": "السودان"}, country="SD",
                 iso3166="SD", demonyms={"en": ["Sudanese"], "ar": ["سوداني", "السوداني"]}),
    LexiconEntry(id="country/DZ", type="Country", labels={"en": "Algeria", "fr": "Algérie"}, country="DZ",
                 iso3166="DZ", demonyms={"en": ["Algerian"]}),
    LexiconEntry(id="location/sahara", type="Location", labels={"en": "Sahara"}),
    LexiconEntry(id="city/ismailia", type="City", labels={"en": "Ismailia"}, country="EG"),
])


def test_a_longer_form_with_a_demonym_or_descriptive_adjective_joins_its_shorter_form():
    entities, _ = resolve_entities([
        doc("a", "ar", ("جهاز خفر السواحل المصري", "GovernmentAgency", None, {"country": "country/EG"}),
            ("معبر السلوم الحدودي", "Location"), ("جهاز خفر السواحل", "GovernmentAgency"), ("معبر السلوم", "Location")),
        doc("b", "en", ("the Egyptian Coast Guard", "GovernmentAgency"), ("the Coast Guard", "GovernmentAgency")),
        doc("c", "fr", ("la Garde frontalière égyptienne", "GovernmentAgency"),
            ("la Garde frontalière", "GovernmentAgency")),
    ], STATES)
    assert len(entities) == 4
    assert entity_with(entities, "جهاز خفر السواحل").label == "جهاز خفر السواحل المصري"
    assert set(entity_with(entities, "معبر السلوم").aliases) == {"معبر السلوم", "معبر السلوم الحدودي"}
    assert set(entity_with(entities, "the Coast Guard").aliases) == {"the Coast Guard", "the Egyptian Coast Guard"}
    assert entity_with(entities, "la Garde frontalière").label == "la Garde frontalière égyptienne"


def test_a_shorter_form_two_longer_forms_reduce_to_joins_neither_and_stays_in_its_document():
    entities, _ = resolve_entities([
        doc("a", "en", ("the Egyptian Coast Guard", "GovernmentAgency"), ("the Sudanese Coast Guard", "GovernmentAgency"),
            ("the Coast Guard", "GovernmentAgency")),
        doc("b", "en", ("the Egyptian Coast Guard", "GovernmentAgency"), ("the Coast Guard", "GovernmentAgency")),
        doc("c", "en", ("the Coast Guard", "GovernmentAgency")),
    ], STATES)
    egyptian = entity_with(entities, "the Egyptian Coast Guard")
    assert egyptian.documents == ["a", "b"] and "the Coast Guard" in egyptian.aliases
    # a's and c's "Coast Guard" tie to no state (a's could be Egypt's or Sudan's): any state's
    # body may bear the name, so each stays in its document; b's joined Egypt's
    bare = [e for e in entities if e.label == "the Coast Guard"]
    assert sorted(e.documents for e in bare) == [["a"], ["c"]]


def test_names_that_are_not_name_plus_modifier_keep_apart():
    entities, _ = resolve_entities([
        # الوطني is part of the name, not a modifier; one word left is no name
        doc("a", "ar", ("الأمن الوطني", "GovernmentAgency"), ("الأمن", "GovernmentAgency")),
        # a demonym narrows a place to a country's part of it
        doc("b", "en", ("Algerian Sahara", "Location"), ("Sahara", "Location", "location/sahara")),
        # two countries: the recognizer tied the forms to different states
        doc("c", "ar", ("جهاز خفر السواحل المصري", "GovernmentAgency", None, {"country": "country/EG"}),
            ("جهاز خفر السواحل", "GovernmentAgency", None, {"country": "country/SD"})),
    ], STATES)
    assert all(len(e.aliases) == 1 for e in entities) and len(entities) == 6


def test_a_place_typed_by_its_head_noun_does_not_become_the_lexicon_city_of_that_name():
    district = doc("a", "en", ("Ismailia", "Location", None, {"head": "district"}))
    district.mentions[0].source = "heads"
    entities, _ = resolve_entities([district, doc("b", "en", ("Ismailia", "City", "city/ismailia"))], STATES)
    by_doc = {e.documents[0]: e for e in entities}
    assert by_doc["a"].type == "Location" and by_doc["a"].id != "city/ismailia"
    assert by_doc["b"].id == "city/ismailia"
    # without a head noun the name still joins its lexicon entry
    plain = doc("c", "en", ("Ismailia", "Location"))
    entities, _ = resolve_entities([plain], STATES)
    assert [e.id for e in entities] == ["city/ismailia"]


def test_an_acronym_the_lexicon_gives_another_entry_reads_as_the_one_the_document_spells_out():
    lexicon = Lexicon([
        LexiconEntry(id="org/apn-a", type="Organization", labels={"en": "Agence de presse nationale A"},
                     acronyms=["APN"]),
        LexiconEntry(id="org/apn-b", type="Organization", labels={"fr": "Agence presse du Niger"}),
    ])
    entities, _ = resolve_entities([
        doc("a", "fr", ("APN", "Organization", "org/apn-a"), ("Agence presse du Niger", "Organization", "org/apn-b")),
        doc("b", "fr", ("APN", "Organization", "org/apn-a")),
    ], lexicon)
    by_id = {e.id: e for e in entities}
    assert by_id["org/apn-b"].documents == ["a"] and "APN" in by_id["org/apn-b"].aliases
    assert by_id["org/apn-a"].documents == ["b"]


def test_short_name_in_parentheses_after_the_place_that_ends_the_long_name():
    result = doc("a", "fr", ("mission de conseil de l'Union africaine", "InternationalOrganization"),
                 ("Tchad", "Country"), ("MISAC Tchad", "InternationalOrganization"))
    long_form, place, short = result.mentions
    result.document.text = f"La {long_form.text} au {place.text} ({short.text}) a"
    long_form.start = 3
    long_form.end = long_form.start + len(long_form.text)
    place.start = long_form.end + 4
    place.end = place.start + len(place.text)
    short.start = place.end + 2
    short.end = short.start + len(short.text)
    assert result.document.text[short.start:short.end] == short.text
    entities, _ = resolve_entities([result], NO_LEXICON)
    mission = entity_with(entities, "MISAC Tchad")
    assert long_form.text in mission.aliases and len(entities) == 2


def test_a_country_on_a_group_or_mission_name_is_a_branch_not_a_modifier():
    entities, _ = resolve_entities([
        doc("a", "en", ("Islamic Front Sudan", "Organization"), ("Islamic Front", "Organization")),
        doc("b", "en", ("Training Mission Sudan", "InternationalOrganization"),
            ("Training Mission", "InternationalOrganization")),
    ], STATES)
    assert len(entities) == 4


def test_the_most_trusted_reading_types_an_entity_over_more_numerous_guesses():
    result = doc("a", "en", ("Ogaden Task Force", "GovernmentAgency", None, {"head": "task force"}),
                 ("Ogaden Task Force", "Organization"), ("Ogaden Task Force", "Organization"),
                 ("Ogaden Task Force", "Organization"))
    result.mentions[0].source, result.mentions[0].confidence = "heads", 0.85
    for m in result.mentions[1:]:
        m.source, m.confidence = "model:ORG", 0.6
    (entity,) = resolve_entities([result], NO_LEXICON)[0]
    assert entity.type == "GovernmentAgency"


def test_a_state_body_after_its_country_possessive_is_also_named_without_it():
    entities, _ = resolve_entities([
        doc("a", "en", ("Egypt's Border Guard", "GovernmentAgency"), ("the Border Guard", "GovernmentAgency")),
        doc("b", "en", ("Egypt's Border Guard", "GovernmentAgency")),
        doc("c", "en", ("Nasser's Free Officers", "Organization")),
    ], STATES)
    guard = entity_with(entities, "Egypt's Border Guard")
    assert {"Border Guard", "the Border Guard"} <= set(guard.aliases) and guard.documents == ["a", "b"]
    assert entity_with(entities, "Nasser's Free Officers").aliases == ["Nasser's Free Officers"]


ARMIES = Lexicon([
    LexiconEntry(id="agency/eg-army", type="GovernmentAgency", labels={"en": "Egyptian Army", "fr": "armée égyptienne"},
                 country="EG", kind="defence"),
    LexiconEntry(id="country/EG", type="Country", labels={"en": "Egypt"}, country="EG", iso3166="EG",
                 demonyms={"en": ["Egyptian"], "fr": ["égyptiennes", "égyptienne"], "ar": ["المصرية"]}),
])


def test_armed_forces_of_a_country_join_its_one_army_the_document_names():
    entities, _ = resolve_entities([
        doc("a", "fr", ("Forces armées égyptiennes", "GovernmentAgency"),
            ("armée égyptienne", "GovernmentAgency", "agency/eg-army")),
        doc("b", "ar", ("القوات المسلحة المصرية", "GovernmentAgency")),
    ], ARMIES)
    army = {e.id: e for e in entities}["agency/eg-army"]
    assert "Forces armées égyptiennes" in army.aliases and army.documents == ["a"]
    assert len(entities) == 2  # b names no army of the lexicon: its reference stays its own


def test_an_entity_keeps_the_span_of_every_mention():
    entities, _ = resolve_entities([
        doc("a", "ar", ("عبد الحميد أبا عود", "Person")),
        doc("b", "fr", ("Maroc", "Country"), ("Abaaoud", "Person")),
    ], NO_LEXICON)
    person = entity_with(entities, "Abaaoud")
    assert person.spans == [["a", 0, len("عبد الحميد أبا عود")], ["b", 6, 13]]


def test_persons_sharing_only_a_given_name_stay_apart_across_scripts():
    # the whole-name skeletons are close (mhmdsf / mhmdf, mrkrt / mrkrst): the family names are not
    entities, _ = resolve_entities([
        doc("a", "ar", ("محمد يوسف", "Person")),
        doc("b", "en", ("Mohammed VI", "Person")),
        doc("c", "ar", ("مارك روته", "Person")),
        doc("d", "fr", ("Marc Rosset", "Person")),
        doc("e", "en", ("Mark Rutte", "Person")),
        doc("f", "en", ("Mohammed Morsi", "Person")),
        doc("g", "ar", ("محمد مرسي", "Person")),
    ], NO_LEXICON)
    assert entity_with(entities, "Mohammed VI").documents == ["b"]
    assert entity_with(entities, "Marc Rosset").documents == ["d"]
    assert entity_with(entities, "Mark Rutte").documents == ["c", "e"]
    assert entity_with(entities, "Mohammed Morsi").documents == ["f", "g"]


def test_a_french_family_name_without_its_silent_last_letter_in_arabic_still_joins():
    entities, _ = resolve_entities([doc("a", "ar", ("جان نويل بارو", "Person")),
                                    doc("b", "fr", ("Jean-Noël Barrot", "Person")),
                                    doc("c", "fr", ("Mahamat Idriss Deby", "Person")),
                                    doc("d", "en", ("Mahamat Idriss Deby Itno", "Person"))], NO_LEXICON)
    assert entity_with(entities, "Jean-Noël Barrot").documents == ["a", "b"]
    assert entity_with(entities, "Mahamat Idriss Deby Itno").documents == ["c", "d"]


def test_a_lone_surname_of_several_consonant_matches_joins_the_one_spelt_like_it():
    # sd is the skeleton of Saied, Said and سعود; only Saied is spelt like Sayed
    entities, _ = resolve_entities([
        doc("a", "fr", ("Kais Saied", "Person")),
        doc("b", "ar", ("سلمان بن عبد العزيز آل سعود", "Person")),
        doc("c", "en", ("Ahmed Said", "Person")),
        doc("d", "en", ("Sayed", "Person")),
    ], NO_LEXICON)
    assert entity_with(entities, "Kais Saied").documents == ["a", "d"]
    assert entity_with(entities, "Ahmed Said").documents == ["c"]
    assert entity_with(entities, "سلمان بن عبد العزيز آل سعود").documents == ["b"]


def test_a_lone_arabic_name_of_several_latin_consonant_matches_joins_none():
    entities, _ = resolve_entities([
        doc("a", "en", ("Hassan Sheikh Mohamud", "Person")),
        doc("b", "en", ("Ali Mahmoud", "Person")),
        doc("c", "ar", ("محمد", "Person")),
    ], NO_LEXICON)
    assert entity_with(entities, "محمد").documents == ["c"]


def test_two_names_that_give_different_fathers_stay_apart():
    # Hamad and Ahmed share a skeleton (hmd); the spellings do not agree
    entities, _ = resolve_entities([
        doc("a", "en", ("Khalid bin Hamad Al Khalifa", "Person")),
        doc("b", "en", ("Khalid bin Ahmed Al Khalifa", "Person")),
        doc("c", "ar", ("محمد بن زايد آل نهيان", "Person")),
        doc("d", "en", ("Mohammed bin Zayed Al Nahyan", "Person")),
    ], NO_LEXICON)
    assert entity_with(entities, "Khalid bin Hamad Al Khalifa").documents == ["a"]
    assert entity_with(entities, "Khalid bin Ahmed Al Khalifa").documents == ["b"]
    assert entity_with(entities, "Mohammed bin Zayed Al Nahyan").documents == ["c", "d"]


def test_merged_roles_keep_the_later_status_and_a_named_source():
    ids = {"a#1": "person/x", "b#1": "person/x", "a#2": "agency/y", "b#2": "agency/y", "a#3": "io/z"}
    first = Relation("a#1", "leads", "a#2", evidence=[Evidence("a", 0, 5, "x")], status="current",
                     start="2015", attributed_to="outlet")
    later = Relation("b#1", "leads", "b#2", evidence=[Evidence("b", 0, 5, "x")], status="former",
                     end="2020", attributed_to="a#3")
    for order in ([first, later], [later, first]):
        (merged,) = merge_relations([Relation.from_dict(r.to_dict()) for r in order], ids.get)
        assert (merged.status, merged.start, merged.end, merged.attributed_to) == ("former", "2015", "2020", "io/z")
        assert not merged.held_now


def test_merged_roles_keep_what_each_document_says():
    ids = {"a#1": "person/x", "b#1": "person/x", "a#2": "agency/y", "b#2": "agency/y", "a#3": "io/z"}
    first = Relation("a#1", "leads", "a#2", evidence=[Evidence("a", 0, 5, "x")], status="current",
                     start="2015", attributed_to="a#3")
    later = Relation("b#1", "leads", "b#2", evidence=[Evidence("b", 0, 5, "x")], status="former",
                     attributed_to="outlet")
    (merged,) = merge_relations([first, later], ids.get)
    assert merged.by_document == {"a": {"status": "current", "start": "2015", "attributed_to": "io/z"},
                                  "b": {"status": "former", "attributed_to": "outlet"}}
    # One document: its fields are the relation's own, no record per document.
    (alone,) = merge_relations([Relation.from_dict(first.to_dict())], ids.get)
    assert alone.by_document == {} and alone.attributed_to == "io/z"


def test_an_event_gets_the_kind_its_head_nouns_name():
    entities, _ = resolve_entities([
        doc("a", "fr", ("exercice African Lion 2024", "Event"), ("Maroc", "Country")),
        doc("b", "ar", ("قمة الاتحاد الإفريقي", "Event")),
        doc("c", "en", ("the fourth session of the joint commission", "Event")),
        doc("d", "fr", ("Barkhane", "Event")),
    ], NO_LEXICON)
    assert entity_with(entities, "exercice African Lion 2024").event_kind == "exercise"
    assert entity_with(entities, "قمة الاتحاد الإفريقي").event_kind == "summit"
    assert entity_with(entities, "the fourth session of the joint commission").event_kind == "session"
    assert entity_with(entities, "Barkhane").event_kind is None  # a bare name says no kind
    assert entity_with(entities, "Maroc").event_kind is None  # only events have one


def test_an_anaphor_is_the_event_it_refers_to_and_names_nothing_across_documents():
    visit = ("زيارة أجراها الرئيس إلى باريس", "Event", None, {"name": "زيارة أجراها الرئيس إلى باريس"})
    summit = ("قمة الجزائر", "Event", None, {"name": "قمة الجزائر"})
    entities, _ = resolve_entities([
        doc("a", "ar", visit, summit, ("هذه الزيارة", "Event", None, {"refers_to": "a#0"})),
        doc("b", "ar", ("زيارة أخرى إلى روما", "Event"), ("هذه الزيارة", "Event", None, {"refers_to": "b#0"})),
    ], NO_LEXICON)
    a_visit = entity_with(entities, "زيارة أجراها الرئيس إلى باريس")
    assert "هذه الزيارة" in a_visit.aliases and a_visit.documents == ["a"]
    assert "هذه الزيارة" not in entity_with(entities, "قمة الجزائر").aliases
    # the same anaphor in another document is that document's visit, not this one
    assert entity_with(entities, "زيارة أخرى إلى روما").documents == ["b"]


def test_an_english_anaphor_joins_its_antecedent_and_makes_no_entity_of_its_own():
    summit = ("2022 Madrid summit", "Event", None, {"name": "2022 Madrid summit"})
    bombing = ("Manchester Arena bombing", "Event", None, {"name": "Manchester Arena bombing"})
    entities, _ = resolve_entities([
        doc("a", "en", summit, bombing, ("this summit", "Event", None, {"refers_to": "a#0"})),
    ], NO_LEXICON)
    events = [e for e in entities if e.type == "Event"]
    assert len(events) == 2
    assert "this summit" in entity_with(entities, "2022 Madrid summit").aliases
    assert "this summit" not in entity_with(entities, "Manchester Arena bombing").aliases


def test_a_group_told_several_joins_one_another_not_the_one_full_name_it_sees():
    """An incremental run that leaves out the full names of a surname's key tells the
    resolver when they already number several entities (``several_dependents``): the lone
    surnames then join one another, not the one full name the run holds; ``several_by``
    counts the roots of those spelt like the surname in its script."""
    from pipeline.resolution.resolve import Resolver

    def joined(several: set[str]) -> bool:
        resolver = Resolver(NO_LEXICON)
        for result in (doc("a", "fr", ("Abdellatif Hammouchi", "Person")), doc("c", "fr", ("Hammouchi", "Person")),
                       doc("d", "fr", ("M. Hammouchi", "Person"))):
            resolver.add_document(result)
        resolver.several_dependents = several
        resolver.join_all([])
        return len({resolver.uf.find(n) for n in resolver.nodes}) == 1

    assert joined(set())  # the one Hammouchi it sees
    assert not joined({"person|hammouchi"})  # the group: the nodes of the surname's key
    several_by = Resolver(NO_LEXICON).several_by
    assert several_by("surname", "Hammouchi", [("r1", "Abdellatif Hammouchi"), ("r2", "Mohamed Hammouchi")])
    assert not several_by("surname", "Hammouchi", [("r1", "Abdellatif Hammouchi"), ("r1", "A. Hammouchi")])
    # spelt otherwise, or in the other script: not a target of this surname
    assert not several_by("surname", "Hammouchi", [("r1", "Abdellatif Hammouchi"), ("r2", "Karim Homsi")])
    assert not several_by("surname", "Hammouchi", [("r1", "Abdellatif Hammouchi"), ("r2", "عبد اللطيف حموشي")])
    assert several_by("acronym", "AFC", [("r1", "Asian Football Confederation"), ("r2", "Arsenal Football Club")])
