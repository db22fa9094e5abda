"""Incremental resolution: a run resolves again only what its changed documents touch.

The *resolution index* (``OUT/.index/resolution.sqlite``) keeps, for every document of the
last run, its *units* (the components of its names after the joins within the document,
step 1 of :mod:`.resolve`, each named by its root node), each unit's *blocking keys*
(:meth:`.resolve.Resolver.unit_keys`: every key a join across documents compares by), the
entity each unit ended in, and every entity (its record, its component root, its base id
and the suffixes it takes when another entity has that id).

A run compares its documents with the index (a hash of each document's result): the units
of the added, changed and removed documents are *dirty*; the *closure* is every unit
linked to a dirty unit through shared keys, transitively. Two units that share no key,
directly or through others, never meet in a join across documents, so resolving the
closure's units alone, with the same code as a clean run (:meth:`.resolve.Resolver.join_all`),
gives exactly the components a clean run gives them; the entities of the other units stay
as they are. The index keeps each unit as step 1 left it (its nodes and mentions, and the
event facts its document's relations give it), so only the dirty documents are read
again: a closure unit is loaded (:meth:`.resolve.Resolver.load_unit`), and a name many
documents share (a country) costs one small unit per document, not its documents. Entity ids are the clean run's: a base id (label and type,
or lexicon id) shared by several entities goes to the one of the smallest root
(:func:`.resolve.assign_ids`), recomputed over every entity of each base the closure
touches. Relations are merged again over all documents from the index's mention -> unit
maps (linear, no resolution work; not yet incremental).

Why SQLite: it is in the standard library (no new dependency), one file, transactional
(a run killed half-way leaves the previous index whole, and a later run simply compares
against it), and indexed look-ups by key are what the closure needs; LMDB would need a
package and hand-made secondary indexes, DuckDB is built for scans, not point look-ups.

The index is a cache: when its fingerprint (the pipeline's code and data) differs, or it
cannot be read, the run resolves everything and writes it anew.

Usage::

    entities, relations = resolve_incremental(results, OUT / ".index" / "resolution.sqlite", fingerprint)
"""
from __future__ import annotations

import errno
import hashlib
import json
import os
import sqlite3
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path

from pipeline.model import DocumentResult, Entity, Relation
from pipeline.ontology_data import Lexicon, load_lexicon
from pipeline.resolution.resolve import Resolver, assign_ids, make_entities, merge_relations

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE IF NOT EXISTS docs (doc TEXT PRIMARY KEY, digest TEXT, mentions TEXT);
CREATE TABLE IF NOT EXISTS units (unit TEXT PRIMARY KEY, doc TEXT, root TEXT);
CREATE INDEX IF NOT EXISTS units_doc ON units(doc);
CREATE INDEX IF NOT EXISTS units_root ON units(root);
CREATE TABLE IF NOT EXISTS unit_keys (unit TEXT, key TEXT);
CREATE INDEX IF NOT EXISTS unit_keys_key ON unit_keys(key);
CREATE INDEX IF NOT EXISTS unit_keys_unit ON unit_keys(unit);
CREATE TABLE IF NOT EXISTS unit_data (unit TEXT PRIMARY KEY, data TEXT, facts TEXT);
CREATE TABLE IF NOT EXISTS entities (root TEXT PRIMARY KEY, base TEXT, alts TEXT, id TEXT, record TEXT);
CREATE INDEX IF NOT EXISTS entities_base ON entities(base);
"""
FORMAT = "2"
# Keys looked up per query (SQLite's limit on variables is 32,766 in recent versions).
CHUNK = 900


def result_digest(result: DocumentResult) -> str:
    """What resolution reads of a document: its whole result."""
    return hashlib.sha256(json.dumps(result.to_dict(), ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def _chunks(items: list[str]) -> Iterable[list[str]]:
    for i in range(0, len(items), CHUNK):
        yield items[i:i + CHUNK]


def _marks(n: int) -> str:
    return ",".join("?" * n)


class ResolutionIndex:
    """The SQLite file of one output folder; every change of a run in one transaction."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)

    def close(self) -> None:
        self.db.close()

    def fingerprint(self) -> str | None:
        row = self.db.execute("SELECT v FROM meta WHERE k='fingerprint'").fetchone()
        return row[0] if row else None

    def digests(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT doc, digest FROM docs"))

    def units_of_docs(self, docs: list[str]) -> list[str]:
        out: list[str] = []
        for part in _chunks(docs):
            out += [u for (u,) in self.db.execute(f"SELECT unit FROM units WHERE doc IN ({_marks(len(part))})", part)]
        return out

    def keys_of_units(self, units: list[str]) -> set[str]:
        out: set[str] = set()
        for part in _chunks(units):
            out |= {k for (k,) in self.db.execute(f"SELECT key FROM unit_keys WHERE unit IN ({_marks(len(part))})", part)}
        return out

    def units_of_keys(self, keys: list[str]) -> set[str]:
        out: set[str] = set()
        for part in _chunks(keys):
            out |= {u for (u,) in self.db.execute(f"SELECT unit FROM unit_keys WHERE key IN ({_marks(len(part))})", part)}
        return out

    def unit_rows(self, units: list[str]) -> list[tuple[str, str, str]]:
        out: list[tuple[str, str, str]] = []
        for part in _chunks(units):
            out += list(self.db.execute(f"SELECT unit, doc, root FROM units WHERE unit IN ({_marks(len(part))})", part))
        return out


def _closure(index: ResolutionIndex, dirty_docs: list[str], new_keys: set[str]) -> set[str]:
    """Stored units (of documents not dirty) linked to the dirty documents' old and new units
    through shared keys, transitively."""
    dirty_units = set(index.units_of_docs(dirty_docs))
    frontier = new_keys | index.keys_of_units(sorted(dirty_units))
    seen_keys: set[str] = set()
    closure: set[str] = set()
    while frontier:
        seen_keys |= frontier
        found = index.units_of_keys(sorted(frontier)) - dirty_units - closure
        closure |= found
        frontier = index.keys_of_units(sorted(found)) - seen_keys
    return closure


def resolve_incremental(results: list[DocumentResult], path: Path, fingerprint: str,
                        lexicon: Lexicon | None = None, stats: dict | None = None,
                        digest: Callable[[DocumentResult], str] = result_digest
                        ) -> tuple[list[Entity], list[Relation]]:
    """The entities and relations of ``results``, equal to :func:`.resolve.resolve_entities`,
    resolving again only the closure of what changed since the index was written.
    ``digest`` tells a changed document: by default a hash of its whole result; a caller
    whose results are a function of the document and ``fingerprint`` (the runner's cache)
    may pass the document's key, which costs no serialization."""
    lexicon = load_lexicon() if lexicon is None else lexicon
    stats = {} if stats is None else stats
    ok = {r.document.id: r for r in results if r.status == "ok"}
    digests = {doc: digest(r) for doc, r in ok.items()}
    index = None
    try:
        index = ResolutionIndex(path)
        index.db.execute("BEGIN IMMEDIATE")
        try:
            stored = index.digests() if index.fingerprint() == f"{FORMAT}:{fingerprint}" else None
            row = index.db.execute("SELECT v FROM meta WHERE k='state'").fetchone()
            stats["state_before"] = row[0] if row and stored is not None else None
            if stored is None:
                _rebuild(index, ok, digests, lexicon, fingerprint)
                stats.update(mode="full", resolved_documents=len(ok), units=None)
            else:
                _update(index, ok, digests, stored, lexicon, stats)
            entities, relations = _outputs(index, results)
            # a new token per run: what the outputs built from this state record (the store)
            stats["state"] = uuid.uuid4().hex
            index.db.execute("INSERT OR REPLACE INTO meta VALUES ('state', ?)", (stats["state"],))
            index.db.execute("COMMIT")
        except BaseException:
            if index.db.in_transaction:
                index.db.execute("ROLLBACK")
            raise
    except sqlite3.OperationalError as exc:
        if "full" in str(exc):  # the disk: an OSError like every other write of the run
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path)) from exc
        raise
    finally:
        if index is not None:
            index.close()
    return entities, relations


def _resolver(docs: Iterable[DocumentResult], lexicon: Lexicon) -> tuple[Resolver, list[Relation]]:
    resolver = Resolver(lexicon)
    relations: list[Relation] = []
    for result in docs:
        resolver.add_document(result)
        relations.extend(result.relations)
    return resolver, relations


def _mention_units(resolver: Resolver, units: dict[str, str], docs: Iterable[str]) -> dict[str, dict[str, str]]:
    """Document -> its mentions' units."""
    wanted = set(docs)
    out: dict[str, dict[str, str]] = {doc: {} for doc in wanted}
    for mention, node in resolver.mention_node.items():
        doc = resolver.nodes[node].document if node in resolver.nodes else None
        if doc in wanted:
            out[doc][mention] = units[node]
    return out


def _write_docs(index: ResolutionIndex, resolver: Resolver, units: dict[str, str], keys: dict[str, set[str]],
                docs: list[str], digests: dict[str, str], facts: dict[str, dict[str, list[str]]]) -> None:
    """Rows of ``docs`` (units with their data, keys and facts, mention maps); units'
    entity roots are set later."""
    mentions = _mention_units(resolver, units, docs)
    index.db.executemany("INSERT OR REPLACE INTO docs VALUES (?, ?, ?)",
                         [(d, digests[d], json.dumps(mentions[d], ensure_ascii=False)) for d in docs])
    wanted = set(docs)
    unit_doc = {u: resolver.nodes[u].document for u in set(units.values())}
    rows = [(u, doc) for u, doc in unit_doc.items() if doc in wanted]
    index.db.executemany("INSERT OR REPLACE INTO units (unit, doc) VALUES (?, ?)", rows)
    index.db.executemany("INSERT INTO unit_keys VALUES (?, ?)",
                         [(u, k) for u, _ in rows for k in sorted(keys.get(u, ()))])
    members: dict[str, list[str]] = {}
    for node, unit in sorted(units.items()):
        members.setdefault(unit, []).append(node)
    index.db.executemany("INSERT OR REPLACE INTO unit_data VALUES (?, ?, ?)",
                         [(u, json.dumps(resolver.snapshot(u, members[u]), ensure_ascii=False),
                           json.dumps(facts.get(u, {}), ensure_ascii=False)) for u, _ in rows])


def _write_entities(index: ResolutionIndex, made: dict, units: dict[str, str], resolver: Resolver) -> None:
    index.db.executemany("INSERT OR REPLACE INTO entities VALUES (?, ?, ?, ?, ?)",
                         [(root, base, json.dumps(alts), entity.id, json.dumps(entity.to_dict(), ensure_ascii=False))
                          for root, (entity, alts, base) in made.items()])
    index.db.executemany("UPDATE units SET root=? WHERE unit=?",
                         sorted({(resolver.uf.find(u), u) for u in set(units.values()) if u in resolver.nodes}))


def _made(resolver: Resolver) -> dict[str, tuple[Entity, tuple[str, str], str]]:
    return {root: (entity, alts, entity.id) for root, (entity, alts) in make_entities(resolver).items()}


def _rebuild(index: ResolutionIndex, ok: dict[str, DocumentResult], digests: dict[str, str], lexicon: Lexicon,
             fingerprint: str) -> None:
    for table in ("meta", "docs", "units", "unit_keys", "unit_data", "entities"):
        index.db.execute(f"DELETE FROM {table}")
    resolver, relations = _resolver(ok.values(), lexicon)
    units = resolver.units()
    keys = resolver.unit_keys(relations)
    _write_docs(index, resolver, units, keys, list(ok), digests, resolver.unit_facts(relations))
    resolver.join_all(relations)
    made = _made(resolver)
    assign_ids([(root, entity, alts) for root, (entity, alts, _) in made.items()])
    _write_entities(index, made, units, resolver)
    index.db.execute("INSERT INTO meta VALUES ('fingerprint', ?)", (f"{FORMAT}:{fingerprint}",))


def _update(index: ResolutionIndex, ok: dict[str, DocumentResult], digests: dict[str, str], stored: dict[str, str],
            lexicon: Lexicon, stats: dict) -> None:
    dirty = sorted({d for d in ok if stored.get(d) != digests[d]} | (set(stored) - set(ok)))
    stats.update(mode="incremental", dirty_documents=len(dirty), dirty=set(dirty))
    if not dirty:
        stats.update(resolved_documents=0, units=0, closure_documents=0, changed_entities=set(),
                     touched_documents=set())
        return
    resolver, relations = _resolver((ok[d] for d in dirty if d in ok), lexicon)
    units = resolver.units()
    keys = resolver.unit_keys(relations)
    facts = resolver.unit_facts(relations)
    closure = _closure(index, dirty, set().union(*keys.values()) if keys else set())
    rows = index.unit_rows(sorted(closure))
    old_roots = sorted({root for _, _, root in rows} | {
        root for (root,) in _select(index, "SELECT DISTINCT root FROM units WHERE doc IN ({})", dirty)})
    stats.update(resolved_documents=sum(d in ok for d in dirty), units=len(closure),
                 closure_documents=len({doc for _, doc, _ in rows}))
    # the dirty documents' rows, anew
    for table in ("unit_keys", "unit_data", "units"):
        for part in _chunks(dirty):
            index.db.execute(f"DELETE FROM {table} WHERE unit IN (SELECT unit FROM units WHERE doc IN "
                             f"({_marks(len(part))}))", part)
    for part in _chunks(dirty):
        index.db.execute(f"DELETE FROM docs WHERE doc IN ({_marks(len(part))})", part)
    _write_docs(index, resolver, units, keys, [d for d in dirty if d in ok], digests, facts)
    # the closure's stored units beside them, as step 1 left them: resolved with the clean
    # run's code (no document of theirs is read again)
    loaded = 0
    for unit, data, unit_facts in _select(index, "SELECT unit, data, facts FROM unit_data WHERE unit IN ({})",
                                          sorted(closure)):
        resolver.load_unit(unit, json.loads(data))
        facts[unit] = json.loads(unit_facts)
        loaded += 1
    if loaded != len(closure):  # a unit without its data: start over
        raise RuntimeError("resolution index out of step with its documents")
    units = {**units, **{node: unit for node, unit in resolver.units().items()}}
    resolver.join_all(relations, facts=facts)
    made = _made(resolver)
    # every entity of the bases the closure had or has competes for its id again
    old_rows = _select(index, "SELECT base, id, record FROM entities WHERE root IN ({})", old_roots)
    old_bases = {base for base, _, _ in old_rows}
    before = {entity_id: record for _, entity_id, record in old_rows}
    for part in _chunks(old_roots):
        index.db.execute(f"DELETE FROM entities WHERE root IN ({_marks(len(part))})", part)
    bases = sorted({base for _, _, base in made.values()} | old_bases)
    others = {}
    for root, base, alts, record in _select(index, "SELECT root, base, alts, record FROM entities WHERE base IN ({})",
                                            bases):
        entity = Entity.from_dict(json.loads(record))
        before[entity.id] = record
        entity.id = base
        others[root] = (entity, tuple(json.loads(alts)), base)
    assign_ids([(root, entity, alts) for root, (entity, alts, _) in (made | others).items()])
    _write_entities(index, made | others, units, resolver)
    after = {entity.id: json.dumps(entity.to_dict(), ensure_ascii=False) for entity, _, _ in (made | others).values()}
    # the entities whose record changed, and the documents that name them (before or after)
    changed: set[str] = set()
    documents = set(dirty)
    for entity_id in set(before) | set(after):
        if before.get(entity_id) != after.get(entity_id):
            changed.add(entity_id)
            for record in (before.get(entity_id), after.get(entity_id)):
                documents.update(json.loads(record)["documents"] if record is not None else ())
    stats.update(changed_entities=changed, touched_documents=documents)


def _select(index: ResolutionIndex, sql: str, values: list[str]) -> list[tuple]:
    out: list[tuple] = []
    for part in _chunks(values):
        out += list(index.db.execute(sql.format(_marks(len(part))), part))
    return out


def _outputs(index: ResolutionIndex, results: list[DocumentResult]) -> tuple[list[Entity], list[Relation]]:
    """Every entity from the index, and the relations merged over every document."""
    entities = sorted((Entity.from_dict(json.loads(record)) for (record,) in index.db.execute(
        "SELECT record FROM entities")), key=lambda e: e.id)
    root_id = dict(index.db.execute("SELECT root, id FROM entities"))
    unit_root = dict(index.db.execute("SELECT unit, root FROM units"))
    mention_units: dict[str, dict[str, str]] = {}
    relations_in: list[Relation] = []
    wanted = [r.document.id for r in results if r.status == "ok"]
    for doc, mentions in _select(index, "SELECT doc, mentions FROM docs WHERE doc IN ({})", wanted):
        mention_units[doc] = json.loads(mentions)
    mention_unit = {m: u for doc in wanted for m, u in mention_units.get(doc, {}).items()}
    for r in results:
        if r.status == "ok":
            relations_in.extend(r.relations)

    def entity_of(mention_id: str) -> str | None:
        unit = mention_unit.get(mention_id)
        return root_id[unit_root[unit]] if unit else None

    return entities, merge_relations(relations_in, entity_of)
