"""Validate annotated corpus files (the gold JSONL format of ../shared/eval/GUIDELINES.md).

Checks, per document: the fields and the language; unique document and entity ids; entity
types from the closed set; every alias (and no name-only entity) occurs in the text; relation
types from the closed set, heads and tails that exist, signatures that fit the guidelines
(``leads`` from a Person, ``occurredOn`` to a date literal...); domains from the closed list.
The time and sources fields (``corpus/time/``, ``corpus/events/``), where present: ``meta``
(``published`` an ISO date or null, ``outlet``, ``url``, ``dateline`` that occurs in the
text), ``date`` (an ISO date), ``dates`` (each ``text`` in the text, ``value`` at its
``precision``, null only when ``unresolved``), an ``occurredOn`` ``precision`` that fits its
tail, a role's ``status`` (leads/memberOf only) and ``start``/``end`` dates, ``attributed_to``
an entity of the document or ``outlet``, ``event_key`` on Event entities only.

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
PRECISIONS = {4: "year", 7: "month", 10: "day"}
STATUSES = {"current", "former", "acting", "appointed", "late"}
SOURCE_TYPES = {"Person", "GovernmentAgency", "InternationalOrganization", "Organization", "Country"}
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
        problems += check_relation_time(relation, label, types)
        key = (head, rtype, tail) if rtype != "cooperatesWith" else (*sorted((head, tail)), rtype)
        seen[key] += 1
        if seen[key] == 2:
            problems.append(f"{label}: stated twice")
    problems += check_document_time(doc)
    return problems


def _iso(value) -> bool:
    return isinstance(value, str) and bool(DATE.match(value))


def check_relation_time(relation: dict, label: str, types: dict[str, str]) -> list[str]:
    """A relation's time and source fields, where present."""
    problems: list[str] = []
    rtype = relation.get("type")
    if "precision" in relation:
        tail = relation.get("tail")
        if rtype != "occurredOn":
            problems.append(f"{label}: precision on a relation that is no occurredOn")
        elif isinstance(tail, str) and PRECISIONS.get(len(tail)) != relation["precision"]:
            problems.append(f"{label}: precision {relation['precision']!r} does not fit {tail!r}")
    if "status" in relation:
        if rtype not in ("leads", "memberOf"):
            problems.append(f"{label}: status on a relation that is no leads or memberOf")
        elif relation["status"] not in STATUSES:
            problems.append(f"{label}: status {relation['status']!r} not in {sorted(STATUSES)}")
    for field in ("start", "end"):
        if field in relation and not _iso(relation[field]):
            problems.append(f"{label}: {field} must be a date YYYY, YYYY-MM or YYYY-MM-DD")
    if _iso(relation.get("start")) and _iso(relation.get("end")) and relation["end"] < relation["start"]:
        problems.append(f"{label}: ends before it starts")
    source = relation.get("attributed_to")
    if source is not None and source != "outlet":
        if source not in types:
            problems.append(f"{label}: attributed_to {source!r} is no entity of the document nor 'outlet'")
        elif types[source] not in SOURCE_TYPES:
            problems.append(f"{label}: attributed_to {source!r} is a {types[source]}, not a party or person")
    return problems


def check_document_time(doc: dict) -> list[str]:
    """The document's time fields, where present."""
    problems: list[str] = []
    text = doc["text"]
    if "date" in doc and not _iso(doc["date"]):
        problems.append(f"date {doc['date']!r} is no date YYYY, YYYY-MM or YYYY-MM-DD")
    meta = doc.get("meta")
    published = None
    if meta is not None:
        if not isinstance(meta, dict):
            return [*problems, "meta must be an object"]
        published = meta.get("published")
        if published is not None and not _iso(published):
            problems.append(f"meta.published {published!r} is no date YYYY, YYYY-MM or YYYY-MM-DD")
        if "date" in doc and published != doc["date"]:
            problems.append(f"meta.published {published!r} differs from the input date {doc['date']!r}")
        if meta.get("dateline") and meta["dateline"] not in text:
            problems.append(f"meta.dateline {meta['dateline']!r} does not occur in the text")
        unknown = set(meta) - {"published", "outlet", "url", "dateline"}
        if unknown:
            problems.append(f"meta: unknown fields {sorted(unknown)}")
    for i, d in enumerate(doc.get("dates") or []):
        where = f"dates[{i}] {d.get('text')!r}"
        if not isinstance(d.get("text"), str) or d["text"] not in text:
            problems.append(f"{where}: does not occur in the text")
        value, precision = d.get("value"), d.get("precision")
        if precision not in set(PRECISIONS.values()):
            problems.append(f"{where}: precision {precision!r} not year, month or day")
        if value is None:
            if not d.get("unresolved"):
                problems.append(f"{where}: no value but not marked unresolved")
            elif meta is not None and published:
                problems.append(f"{where}: unresolved although the document has a publication date")
        elif not _iso(value):
            problems.append(f"{where}: value {value!r} is no date")
        elif PRECISIONS.get(len(value)) != precision:
            problems.append(f"{where}: precision {precision!r} does not fit {value!r}")
        if not isinstance(d.get("relative"), bool):
            problems.append(f"{where}: relative must be true or false")
    for entity in doc["entities"]:
        if "event_key" in entity and entity.get("type") != "Event":
            problems.append(f"entity {entity.get('id')}: event_key on a {entity.get('type')}")
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
