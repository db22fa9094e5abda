"""model.py's type tables, doc2kg.ttl, shapes.ttl and the page palette agree; each kind of
disagreement, made on a copy in a tmp dir, is reported."""
from __future__ import annotations

import dataclasses
import importlib.util
import json
import shutil
from pathlib import Path

import pytest

from pipeline.exporters.html import PAGE
from pipeline.model import ENTITY_TYPES, RELATION_SIGNATURES, RelationType
from tests.ontology.type_tables import disagreements

ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology"


@pytest.fixture
def copies(tmp_path) -> dict[str, Path]:
    files = {"doc2kg.ttl": ONTOLOGY / "doc2kg.ttl", "shapes.ttl": ONTOLOGY / "shapes.ttl",
             "palette.json": PAGE / "palette.json"}
    return {name: Path(shutil.copy(path, tmp_path / name)) for name, path in files.items()}


def check(copies, **tables) -> list[str]:
    return disagreements(copies["doc2kg.ttl"], copies["shapes.ttl"], copies["palette.json"], **tables)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old  # the edit must hit exactly the intended place
    path.write_text(text.replace(old, new), encoding="utf-8")


def reported(problems: list[str], *fragments: str) -> bool:
    return any(all(f in p for f in fragments) for p in problems)


def test_the_repository_files_agree_with_the_tables(copies):
    assert check(copies) == []


BROKEN_FILES = [
    # a relation type missing from shapes.ttl (its head and tail shape)
    ("shapes.ttl", "    sh:targetSubjectsOf d2k:leads ;\n", "",
     ("shapes.ttl: no shape constrains the head of leads",)),
    # a shape whose tail classes do not fit the signature
    ("shapes.ttl", "sh:path d2k:agencyOf ; sh:severity sh:Warning ; sh:class d2k:Country",
     "sh:path d2k:agencyOf ; sh:severity sh:Warning ; sh:class d2k:City", ("agencyOf tail classes", "extra ['City']")),
    # a relation left out of the statement checks
    ("shapes.ttl", "                d2k:agencyOf d2k:locatedIn d2k:involvedIn d2k:occurredIn d2k:occurredOn ) ;",
     "                d2k:locatedIn d2k:involvedIn d2k:occurredIn d2k:occurredOn ) ;",
     ("rdf:predicate sh:in", "missing ['agencyOf']")),
    ("shapes.ttl", "FILTER (?p IN (d2k:cooperatesWith, ", "FILTER (?p IN (",
     ("statement SPARQL check", "missing ['cooperatesWith']")),
    # an entity type missing from the one-type shape
    ("shapes.ttl", "[ sh:class d2k:Person ] [ sh:class d2k:Event ] ) ;", "[ sh:class d2k:Person ] ) ;",
     ("OneTypeShape sh:xone classes", "missing ['Event']")),
    # a relation type missing from the ontology
    ("doc2kg.ttl", "d2k:agencyOf a owl:ObjectProperty, owl:FunctionalProperty ;",
     "d2k:agencyOff a owl:ObjectProperty, owl:FunctionalProperty ;", ("doc2kg.ttl: agencyOf is no ObjectProperty",)),
    # rdfs:domain that differs from the signature
    ("doc2kg.ttl", "    rdfs:domain d2k:GovernmentAgency ;\n", "    rdfs:domain d2k:Organization ;\n",
     ("doc2kg.ttl: agencyOf rdfs:domain", "missing ['GovernmentAgency']", "extra ['Organization']")),
    # rdfs:range that differs from the signature
    ("doc2kg.ttl", "rdfs:range [ owl:unionOf ( d2k:City d2k:Location d2k:Country ) ] ;",
     "rdfs:range [ owl:unionOf ( d2k:City d2k:Location ) ] ;", ("occurredIn rdfs:range", "missing ['Country']")),
    # a symmetric flag that differs
    ("doc2kg.ttl", "d2k:cooperatesWith a owl:ObjectProperty, owl:SymmetricProperty ;",
     "d2k:cooperatesWith a owl:ObjectProperty ;", ("cooperatesWith owl:SymmetricProperty differs",)),
    # an entity class missing from the ontology
    ("doc2kg.ttl", "d2k:Event a owl:Class ;", "d2k:Happening a owl:Class ;", ("entity classes", "missing ['Event']")),
]


@pytest.mark.parametrize("name, old, new, expected", BROKEN_FILES,
                         ids=[f"{b[0]}-{'-'.join(b[3])[:40]}" for b in BROKEN_FILES])
def test_a_broken_file_is_reported(copies, name, old, new, expected):
    edit(copies[name], old, new)
    problems = check(copies)
    assert reported(problems, *expected), problems


@pytest.mark.parametrize("section, key, expected", [
    ("relations", "leads", ("palette.json: relation colours", "missing ['leads']")),
    ("types", "Event", ("palette.json: node types", "missing ['Event']")),
])
def test_a_type_missing_from_the_palette_is_reported(copies, section, key, expected):
    palette = json.loads(copies["palette.json"].read_text(encoding="utf-8"))
    del palette[section][key]
    copies["palette.json"].write_text(json.dumps(palette), encoding="utf-8")
    assert reported(check(copies), *expected)


def test_a_misspelt_palette_entry_is_reported(copies):
    palette = json.loads(copies["palette.json"].read_text(encoding="utf-8"))
    palette["relations"]["cooperateWith"] = palette["relations"].pop("cooperatesWith")
    copies["palette.json"].write_text(json.dumps(palette), encoding="utf-8")
    problems = check(copies)
    assert reported(problems, "relation colours", "missing ['cooperatesWith']", "extra ['cooperateWith']")


def test_a_signature_in_model_py_that_differs_is_reported(copies):
    relations = dict(RELATION_SIGNATURES)
    relations["agencyOf"] = dataclasses.replace(relations["agencyOf"], tails=("Country", "Location"))
    problems = check(copies, relations=relations)
    assert reported(problems, "doc2kg.ttl: agencyOf rdfs:range", "missing ['Location']")
    assert reported(problems, "shapes.ttl: agencyOf tail classes", "missing ['Location']")
    assert not reported(problems, "leads")  # only the changed relation is named


def test_a_relation_type_added_only_to_model_py_is_reported_everywhere(copies):
    relations = {**RELATION_SIGNATURES, "funds": RelationType("funds", ("Country",), ("Organization",))}
    problems = check(copies, relations=relations)
    assert reported(problems, "doc2kg.ttl: funds is no ObjectProperty")
    assert reported(problems, "shapes.ttl: no shape constrains the head of funds")
    assert reported(problems, "shapes.ttl: no shape constrains the tail of funds")
    assert reported(problems, "rdf:predicate sh:in", "missing ['funds']")
    assert reported(problems, "palette.json: relation colours", "missing ['funds']")


def test_a_relation_type_dropped_from_model_py_is_reported_as_extra(copies):
    relations = {k: v for k, v in RELATION_SIGNATURES.items() if k != "occurredIn"}
    problems = check(copies, relations=relations)
    assert reported(problems, "doc2kg.ttl: relation properties", "extra ['occurredIn']")
    assert reported(problems, "shapes.ttl: relation types targeted by shapes", "extra ['occurredIn']")
    assert reported(problems, "palette.json: relation colours", "extra ['occurredIn']")


def test_an_entity_type_added_only_to_model_py_is_reported(copies):
    problems = check(copies, entity_types=(*ENTITY_TYPES, "Vessel"))
    for where in ("doc2kg.ttl: entity classes", "shapes.ttl: EntityShape target classes",
                  "shapes.ttl: OneTypeShape sh:xone classes", "palette.json: node types"):
        assert reported(problems, where, "missing ['Vessel']"), (where, problems)


def test_a_literal_flag_that_differs_is_reported(copies):
    relations = dict(RELATION_SIGNATURES)
    relations["occurredOn"] = dataclasses.replace(relations["occurredOn"], literal=False)
    assert reported(check(copies, relations=relations), "doc2kg.ttl: occurredOn is no ObjectProperty")


def test_the_gold_checker_knows_every_type_and_allows_at_least_each_signature():
    # scripts/validate_corpus.py keeps the annotation guidelines' own, looser signatures.
    path = Path(__file__).resolve().parents[2] / "scripts" / "validate_corpus.py"
    spec = importlib.util.spec_from_file_location("validate_corpus", path)
    gold = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gold)
    assert gold.ENTITY_TYPES == set(ENTITY_TYPES)
    assert set(gold.SIGNATURES) == set(RELATION_SIGNATURES)
    for name, r in RELATION_SIGNATURES.items():
        heads, tails = gold.SIGNATURES[name]
        assert set(r.heads) <= heads, name
        assert (tails is None) == r.literal and (r.literal or set(r.tails) <= tails), name
