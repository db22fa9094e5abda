"""Resolution stage: mentions of all documents become :class:`~pipeline.model.Entity` records.

Mentions are grouped by blocking keys, never compared all against all:

1. a lexicon id (``country/MA``) groups every name of that entry, in every script;
2. otherwise ``(type, normalized name without the Arabic article)``;
3. within a document, a one-word person mention joins the full name it ends
   (حموشي -> عبد اللطيف حموشي).

Entity ids are stable across runs and input orders: the lexicon id, or a hash of the
type and normalized name of the group's longest name. Relations are rewritten onto
entity ids; the same fact found twice becomes one relation with both evidences.

Usage::

    entities, relations = resolve_entities(results)
"""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable

from pipeline.entities.lexicon import Lexicon, load_lexicon
from pipeline.language.normalize import normalize_key
from pipeline.model import SYMMETRIC_RELATIONS, DocumentResult, Entity, Mention, Relation


def name_key(text: str) -> str:
    words = normalize_key(text).split()
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 3 else w for w in words)


def _script_lang(text: str, fallback: str) -> str:
    if any("\u0600" <= c <= "\u06ff" for c in text):
        return "ar"
    return fallback if fallback in ("fr", "en") else "en"


def _slug_id(typ: str, key: str) -> str:
    digest = hashlib.sha1(f"{typ}|{key}".encode("utf-8")).hexdigest()[:12]
    return f"{typ.lower()}/{digest}"


def _group_key(m: Mention) -> str:
    return m.key if m.key else f"{m.type}|{name_key(m.text)}"


def _person_surnames(mentions: list[Mention]) -> dict[str, str]:
    """Within one document: group key of a one-word person name -> group of the full name."""
    full = [m for m in mentions if m.type == "Person" and not m.key and len(name_key(m.text).split()) > 1]
    out: dict[str, str] = {}
    for m in mentions:
        if m.type != "Person" or m.key:
            continue
        words = name_key(m.text).split()
        if len(words) != 1:
            continue
        owners = {_group_key(f) for f in full if name_key(f.text).split()[-1] == words[0]}
        if len(owners) == 1:
            out[_group_key(m)] = owners.pop()
    return out


def resolve_entities(
    results: Iterable[DocumentResult], lexicon: Lexicon | None = None
) -> tuple[list[Entity], list[Relation]]:
    lexicon = lexicon or load_lexicon()
    groups: dict[str, list[Mention]] = defaultdict(list)
    mention_group: dict[str, str] = {}
    relations_in: list[Relation] = []
    for result in results:
        if result.status != "ok":
            continue
        remap = _person_surnames(result.mentions)
        for m in result.mentions:
            key = _group_key(m)
            key = remap.get(key, key)
            groups[key].append(m)
            mention_group[m.id] = key
        relations_in.extend(result.relations)

    entities: dict[str, Entity] = {}
    group_entity: dict[str, str] = {}
    for key, mentions in groups.items():
        entity = _make_entity(key, mentions, lexicon)
        group_entity[key] = entity.id
        entities[entity.id] = entity

    merged: dict[tuple[str, str, str], Relation] = {}
    for rel in relations_in:
        head = group_entity.get(mention_group.get(rel.head, ""), None)
        tail = rel.tail if rel.literal else group_entity.get(mention_group.get(rel.tail, ""), None)
        if head is None or tail is None or head == tail:
            continue
        if rel.type in SYMMETRIC_RELATIONS and tail < head:
            head, tail = tail, head
        k = (head, rel.type, tail)
        if k not in merged:
            merged[k] = Relation(head=head, type=rel.type, tail=tail, domains=list(rel.domains),
                                 confidence=rel.confidence, extractor=rel.extractor, evidence=list(rel.evidence),
                                 negated=rel.negated, hedged=rel.hedged)
            continue
        into = merged[k]
        into.domains = sorted(set(into.domains) | set(rel.domains))
        into.confidence = max(into.confidence, rel.confidence)
        into.extractor = ",".join(sorted(set(into.extractor.split(",")) | {rel.extractor}))
        for ev in rel.evidence:
            if ev not in into.evidence:
                into.evidence.append(ev)
    relations = sorted(merged.values(), key=lambda r: (r.head, r.type, r.tail))
    for rel in relations:
        rel.evidence.sort(key=lambda e: (e.document, e.start, e.end))
    return sorted(entities.values(), key=lambda e: e.id), relations


def _make_entity(key: str, mentions: list[Mention], lexicon: Lexicon) -> Entity:
    first = mentions[0]
    entry = lexicon.entries.get(first.key) if first.key else None
    surfaces = Counter(m.text for m in mentions)
    alias_langs: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        alias_langs[_script_lang(m.text, m.lang)].add(m.text)
    if entry is not None:
        entity_id, typ, label, labels = entry.id, entry.type, entry.label, dict(entry.labels)
    else:
        typ = Counter(m.type for m in mentions).most_common(1)[0][0]
        longest = max(surfaces, key=lambda s: (len(name_key(s)), surfaces[s], s))
        label = longest
        entity_id = _slug_id(typ, key.split("|", 1)[-1] if "|" in key else key)
        labels = {}
    return Entity(
        id=entity_id,
        type=typ,
        label=label,
        aliases=sorted(surfaces),
        documents=sorted({m.document for m in mentions}),
        key=entry.id if entry else None,
        labels=labels,
        alias_langs={lang: sorted(v) for lang, v in sorted(alias_langs.items())},
        mentions=len(mentions),
        iso3166=entry.iso3166 if entry else None,
        geonames=entry.geonames if entry else None,
    )
