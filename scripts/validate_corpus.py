"""Validate annotated corpus files (the gold JSONL format of ../shared/eval/GUIDELINES.md).

Checks, per document: the fields and the language; unique document and entity ids; entity
types from the closed set; every alias (and no name-only entity) occurs in the text; relation
types from the closed set, heads and tails that exist, signatures that fit the guidelines
(``leads`` from a Person, ``occurredOn`` to a date literal...); domains from the closed list.

Usage::

    python scripts/validate_corpus.py corpus/train/*.jsonl corpus/test/*.jsonl

Prints one line per problem (``FILE:LINE id: problem``) and a summary; exit status 1 when
any problem is found.
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

ENTITY_TYPES = {"Country", "City", "Location", "GovernmentAgency", "InternationalOrganization",
                "Organization", "Person", "Event"}
PARTY = {"Country", "GovernmentAgency", "InternationalOrganization", "Organization"}
PLACE = {"City", "Country", "Location"}
# relation type -> (allowed head types, allowed tail types); None: a date literal
SIGNATURES: dict[str, tuple[set[str], set[str] | None]] = {
    "cooperatesWith": (PARTY, PARTY),
    "providesIntelligenceTo": (PARTY, PARTY),
    "providesTrainingTo": (PARTY, PARTY),
    "leads": ({"Person"}, {"GovernmentAgency", "Organization", "InternationalOrganization", "Country"}),
    "memberOf": ({"Person", "Country"} | PARTY,
                 {"Organization", "GovernmentAgency", "InternationalOrganization"}),
    "agencyOf": ({"GovernmentAgency"}, {"Country"}),
    "locatedIn": ({"City", "Location"}, PLACE),
    "involvedIn": ({"Person"} | PARTY, {"Event"}),
    "occurredIn": ({"Event"}, PLACE),
    "occurredOn": ({"Event"}, None),
}
DOMAINS = {"security", "intelligence", "counterterrorism", "organized_crime", "migration",
           "cybersecurity", "military", "economic", "judicial", "training", "other"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
LANGS = {"ar", "fr", "en"}


def check_document(doc: dict) -> list[str]:
    problems: list[str] = []
    for field in ("id", "lang", "source", "text", "entities", "relations"):
        if field not in doc:
            problems.append(f"missing field {field!r}")
    if problems:
        return problems
    if doc["lang"] not in LANGS:
        problems.append(f"lang {doc['lang']!r} not in {sorted(LANGS)}")
    text = doc["text"]
    types: dict[str, str] = {}
    for entity in doc["entities"]:
        eid = entity.get("id")
        if eid in types:
            problems.append(f"entity id {eid!r} repeated")
        etype = entity.get("type")
        if etype not in ENTITY_TYPES:
            problems.append(f"entity {eid}: type {etype!r} not in the closed set")
        types[eid] = etype
        aliases = entity.get("aliases") or []
        if not entity.get("name"):
            problems.append(f"entity {eid}: no name")
        if not aliases:
            problems.append(f"entity {eid}: no alias (every surface form must be listed)")
        for alias in aliases:
            if alias not in text:
                problems.append(f"entity {eid}: alias {alias!r} does not occur in the text")
    seen = Counter()
    for relation in doc["relations"]:
        rtype, head, tail = relation.get("type"), relation.get("head"), relation.get("tail")
        label = f"relation {head} {rtype} {tail}"
        if rtype not in SIGNATURES:
            problems.append(f"{label}: type not in the closed set")
            continue
        heads, tails = SIGNATURES[rtype]
        if head not in types:
            problems.append(f"{label}: head is no entity of the document")
        elif types[head] not in heads:
            problems.append(f"{label}: head type {types[head]} does not fit")
        if tails is None:
            if not isinstance(tail, str) or not DATE.match(tail):
                problems.append(f"{label}: tail must be a date literal YYYY, YYYY-MM or YYYY-MM-DD")
        elif tail not in types:
            problems.append(f"{label}: tail is no entity of the document")
        elif types[tail] not in tails:
            problems.append(f"{label}: tail type {types[tail]} does not fit")
        if rtype == "memberOf" and types.get(head) == "Country" and types.get(tail) != "InternationalOrganization":
            problems.append(f"{label}: a Country is a member only of an InternationalOrganization")
        for domain in relation.get("domains", []) or []:
            if domain not in DOMAINS:
                problems.append(f"{label}: domain {domain!r} not in the closed list")
        key = (head, rtype, tail) if rtype != "cooperatesWith" else (*sorted((head, tail)), rtype)
        seen[key] += 1
        if seen[key] == 2:
            problems.append(f"{label}: stated twice")
    return problems


def main(paths: list[str]) -> int:
    if not paths:
        print(__doc__)
        return 2
    ids: dict[str, str] = {}
    n_docs = n_problems = 0
    langs = Counter()
    for path in paths:
        for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                doc = json.loads(line)
            except json.JSONDecodeError as exc:
                print(f"{where}: not JSON ({exc})")
                n_problems += 1
                continue
            n_docs += 1
            langs[doc.get("lang")] += 1
            did = doc.get("id", "?")
            if did in ids:
                print(f"{where} {did}: document id also at {ids[did]}")
                n_problems += 1
            ids[did] = where
            for problem in check_document(doc):
                print(f"{where} {did}: {problem}")
                n_problems += 1
    by_lang = ", ".join(f"{k}: {v}" for k, v in sorted(langs.items(), key=lambda kv: str(kv[0])))
    print(f"{n_docs} documents ({by_lang}), {n_problems} problem(s)")
    return 1 if n_problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
