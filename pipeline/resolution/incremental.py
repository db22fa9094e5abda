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
as they are. The transliteration blocks are the exception: a clean run compares a name only
with its ``window`` neighbours in each block, so the index keeps each name's place in its
blocks (``translit``) and the closure takes the neighbours of the names added or removed,
the neighbours that are one person with a name it holds, and the stored entities of the
units it holds (:class:`_Blocks`, :func:`_closure`), not whole blocks (which percolate
through most of an archive's people); the run compares only the pairs that are neighbours
in the whole block. A surname's or initials' key (``d:``) joins only the surnames and acronyms
that stand alone to the full names it finds, so the closure follows it only when some unit
that holds no full name looks it up (``lookups``, :class:`_Lookups`): a surname that thousands
of full names share, and only they, brings none of them back; and not even then when the full
names of that key left out of the run (``offers``) are already several entities spelt like
the surname: the group's answer is "several" whatever the run adds. The index keeps each unit as
step 1 left it (its nodes and mentions, and the event facts its document's relations give
it), so only the dirty documents are read again: a closure unit is loaded (:meth:`.resolve.Resolver.load_unit`), and a name many
documents share costs one small unit per document, not its documents. An entity anchored
to a lexicon entry (a country, a known agency: :mod:`.anchored`) is kept as a tally under
its own root (``@`` and its lexicon id): a unit that joins it adds its counts, one that
leaves subtracts them, and in the closure one of its units stands for it on each key it
shares with the closure (``anchored_keys``), so a new document that names Morocco loads one
unit of Morocco, not one per document that names it. Its documents and spans (the archive's
size for a country) are rows (``tally_docs``, ``tally_spans``) that a run changes by what its
units add or take away, not parts of its record: a run reads none of them but for the
clean outputs (:func:`_outputs`); what it tells the store of such an entity (``entity_changes``,
:func:`graph_part`) holds the few documents whose languages its statements read
(:func:`_lang_documents`), and the documents that entered or left it (``anchored_moved``).
Entity ids are the clean run's: a base id (label and type,
or lexicon id) shared by several entities goes to the one of the smallest root
(:func:`.resolve.assign_ids`), recomputed over every entity of each base the closure
touches. Each document's relations are kept with their ends (and source) as units, filed
under the key the merge gives them (head entity, type, tail), beside every merged relation:
a run merges again only the keys of the dirty documents' relations and of the relations
whose ends' entity was made again or renamed, in the run's document order (the merge
keeps the first start date and named source, as a clean run's).

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

import bisect
import errno
import hashlib
import json
import os
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from pipeline.model import OUTLET, SYMMETRIC_RELATIONS, DocumentResult, Entity, Relation, StoredResult
from pipeline.ontology_data import Lexicon, load_lexicon
from pipeline.resolution.anchored import (ROOT_PREFIX, add_tally, anchored_root, empty_tally, entity_anchor, node_tally, rep_key,
                                          root_anchor, tally_entity)
from pipeline.resolution.resolve import Resolver, assign_ids, make_entities, merge_relations, node_of_snapshot

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE IF NOT EXISTS docs (doc TEXT PRIMARY KEY, digest TEXT, mentions TEXT, lang TEXT);
CREATE TABLE IF NOT EXISTS units (unit TEXT PRIMARY KEY, doc TEXT, root TEXT, anchor TEXT);
CREATE INDEX IF NOT EXISTS units_doc ON units(doc);
CREATE INDEX IF NOT EXISTS units_root ON units(root);
CREATE TABLE IF NOT EXISTS unit_keys (unit TEXT, key TEXT);
CREATE INDEX IF NOT EXISTS unit_keys_key ON unit_keys(key);
CREATE INDEX IF NOT EXISTS unit_keys_unit ON unit_keys(unit);
CREATE TABLE IF NOT EXISTS anchored_keys (key TEXT, anchor TEXT, unit TEXT, doc TEXT);
CREATE INDEX IF NOT EXISTS anchored_keys_key ON anchored_keys(key, anchor, unit, doc);
CREATE INDEX IF NOT EXISTS anchored_keys_unit ON anchored_keys(unit);
CREATE TABLE IF NOT EXISTS tallies (root TEXT PRIMARY KEY, data TEXT);
CREATE TABLE IF NOT EXISTS tally_docs (root TEXT, doc TEXT, n INTEGER, PRIMARY KEY (root, doc)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tally_spans (root TEXT, doc TEXT, s INTEGER, e INTEGER, n INTEGER,
                                        PRIMARY KEY (root, doc, s, e)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS unit_data (unit TEXT PRIMARY KEY, data TEXT, facts TEXT);
CREATE TABLE IF NOT EXISTS entities (root TEXT PRIMARY KEY, base TEXT, alts TEXT, id TEXT, record TEXT);
CREATE INDEX IF NOT EXISTS entities_base ON entities(base);
CREATE TABLE IF NOT EXISTS rels (doc TEXT, seq INTEGER, head TEXT, tail TEXT, src TEXT, rkey TEXT, data TEXT);
CREATE INDEX IF NOT EXISTS rels_doc ON rels(doc);
CREATE INDEX IF NOT EXISTS rels_head ON rels(head);
CREATE INDEX IF NOT EXISTS rels_tail ON rels(tail);
CREATE INDEX IF NOT EXISTS rels_src ON rels(src);
CREATE INDEX IF NOT EXISTS rels_rkey ON rels(rkey);
CREATE TABLE IF NOT EXISTS merged (rkey TEXT PRIMARY KEY, record TEXT);
CREATE TABLE IF NOT EXISTS translit (block TEXT, skel TEXT, node TEXT, unit TEXT, doc TEXT, name TEXT);
CREATE INDEX IF NOT EXISTS translit_order ON translit(block, skel, node);
CREATE INDEX IF NOT EXISTS translit_unit ON translit(unit);
CREATE TABLE IF NOT EXISTS lookups (unit TEXT, doc TEXT, grp TEXT, key TEXT, alone INTEGER, node TEXT, name TEXT,
                                   kind TEXT);
CREATE INDEX IF NOT EXISTS lookups_key ON lookups(key, grp, doc);
CREATE INDEX IF NOT EXISTS lookups_grp ON lookups(grp, alone, doc);
CREATE INDEX IF NOT EXISTS lookups_unit ON lookups(unit);
CREATE TABLE IF NOT EXISTS offers (key TEXT, unit TEXT, doc TEXT, name TEXT);
CREATE INDEX IF NOT EXISTS offers_key ON offers(key, doc);
CREATE INDEX IF NOT EXISTS offers_unit ON offers(unit);
"""
TABLES = ("meta", "docs", "units", "unit_keys", "anchored_keys", "tallies", "tally_docs", "tally_spans", "unit_data",
          "entities", "rels", "merged", "translit", "lookups", "offers")
FORMAT = "8"
# A relation's end whose mention is in no unit (no entity): it merges into nothing.
NO_UNIT = "\x00"
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

    def load_run(self, rows: Iterable[tuple[str, int, str]]) -> None:
        """The run's documents (id, place in the run's order, digest) into a temporary table,
        read from ``rows`` as they come: not a dict of an archive's size (~77 bytes a document),
        nor the index's digests (:meth:`dirty_docs` compares them in SQLite)."""
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS run_docs (doc TEXT PRIMARY KEY, pos INTEGER, digest TEXT)")
        own = not self.db.in_transaction  # one transaction, not one a row
        if own:
            self.db.execute("BEGIN")
        try:
            self.db.execute("DELETE FROM temp.run_docs")
            self.db.executemany("INSERT OR REPLACE INTO temp.run_docs VALUES (?, ?, ?)", rows)
        except BaseException:
            if own:
                self.db.execute("ROLLBACK")
            raise
        if own:
            self.db.execute("COMMIT")

    def dirty_docs(self, digests: dict[str, str] | None = None) -> list[str]:
        """The documents added, changed or removed since the index was written: the run's
        (``digests``, or those of :meth:`load_run`) against the index's, compared in SQLite."""
        if digests is not None:
            self.load_run((doc, pos, digest) for pos, (doc, digest) in enumerate(digests.items()))
        dirty = {doc for (doc,) in self.db.execute(
            "SELECT r.doc FROM temp.run_docs r LEFT JOIN docs d ON d.doc = r.doc WHERE d.digest IS NOT r.digest")}
        dirty.update(doc for (doc,) in self.db.execute(
            "SELECT doc FROM docs WHERE doc NOT IN (SELECT doc FROM temp.run_docs)"))
        return sorted(dirty)

    def run_rows(self, docs: Iterable[str]) -> dict[str, tuple[int, str]]:
        """Of ``docs``, those in the run: doc -> (place in the run's order, digest)."""
        return {doc: (pos, digest) for doc, pos, digest in _select(
            self, "SELECT doc, pos, digest FROM temp.run_docs WHERE doc IN ({})", sorted(set(docs)))}

    def units_of_docs(self, docs: list[str]) -> list[str]:
        out: list[str] = []
        for part in _chunks(docs):
            out += [u for (u,) in self.db.execute(f"SELECT unit FROM units WHERE doc IN ({_marks(len(part))})", part)]
        return out

    def keys_of_units(self, units: list[str]) -> set[str]:
        out: set[str] = set()
        for part in _chunks(units):
            for table in ("unit_keys", "anchored_keys"):
                out |= {k for (k,) in self.db.execute(
                    f"SELECT key FROM {table} WHERE unit IN ({_marks(len(part))})", part)}
        return out

    def reps_of_keys(self, keys: list[str]) -> set[str]:
        """For each key and each anchored entity with a unit of that key (and of no dirty
        document, :meth:`set_dirty`), one such unit: it stands for the entity."""
        out: set[str] = set()
        for part in _chunks(keys):
            out |= {u for (u,) in self.db.execute(
                f"SELECT MIN(unit) FROM anchored_keys WHERE key IN ({_marks(len(part))}) "
                "AND doc NOT IN (SELECT doc FROM temp.dirty_docs) GROUP BY key, anchor", part)}
        return out

    def set_dirty(self, docs: list[str]) -> None:
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS dirty_docs (doc TEXT PRIMARY KEY)")
        self.db.execute("DELETE FROM temp.dirty_docs")
        self.db.executemany("INSERT OR IGNORE INTO temp.dirty_docs VALUES (?)", [(d,) for d in docs])

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


def translit_rows(resolver: Resolver, docs: set[str]) -> list[tuple[str, str, str, str, str]]:
    """(block, sort key, node, document, name) of each transliteration block place of the
    nodes of ``docs`` (:meth:`.resolve.Resolver.transliteration_places`)."""
    return [(block, order, node.id, node.document, node.name) for node in resolver.nodes.values()
            if node.document in docs for block, order in resolver.transliteration_places(node)]


def _joined_keys(keys: set[str]) -> set[str]:
    """The keys the closure follows as shared keys: all but the transliteration blocks
    (followed by neighbours, :class:`_Blocks`)."""
    return {k for k in keys if not k.startswith((">", "<"))}


class _Blocks:
    """The transliteration blocks as the run leaves them: the stored places of the documents
    not dirty (:meth:`ResolutionIndex.set_dirty` first) and the dirty documents' new places.
    A clean run compares each name with its ``window`` neighbours of each block
    (:meth:`.resolve.Resolver.join_transliterations`), so a name added or removed changes
    only the pairs of its ``window`` neighbours each side, and two stored names can meet only
    as neighbours whose names are one person's (:meth:`.resolve.Resolver.same_person_names`)."""

    def __init__(self, index: ResolutionIndex, resolver: Resolver,
                 new: list[tuple[str, str, str, str, str]]) -> None:
        self.index, self.resolver = index, resolver
        self.window = int(resolver.settings["window"])
        self.new: dict[str, list[tuple[str, str, str, str]]] = {}
        for block, order, node, unit, name in sorted(new):
            self.new.setdefault(block, []).append((order, node, unit, name))
        self.new_keys = {block: [(o, n) for o, n, _, _ in rows] for block, rows in self.new.items()}
        self._near: dict[tuple[str, str, str, bool], list[tuple[str, str, str, str]]] = {}

    def near(self, block: str, order: str, node: str, after: bool) -> list[tuple[str, str, str, str]]:
        """The ``window`` places after (or before) ``(order, node)`` in ``block``, nearest
        first: (sort key, node, unit, name)."""
        key = (block, order, node, after)
        if key not in self._near:
            op, direction = (">", "") if after else ("<", " DESC")
            stored = list(self.index.db.execute(
                f"SELECT skel, node, unit, name FROM translit WHERE block=? AND (skel, node) {op} (?, ?) "
                "AND doc NOT IN (SELECT doc FROM temp.dirty_docs) "
                f"ORDER BY skel{direction}, node{direction} LIMIT ?", (block, order, node, self.window)))
            rows, keys = self.new.get(block, []), self.new_keys.get(block, [])
            if after:
                i = bisect.bisect_right(keys, (order, node))
                new = rows[i:i + self.window]
            else:
                i = bisect.bisect_left(keys, (order, node))
                new = rows[max(0, i - self.window):i]
            self._near[key] = sorted(stored + new, reverse=not after)[:self.window]
        return self._near[key]

    def neighbours(self, block: str, order: str, node: str) -> list[tuple[str, str, str, str]]:
        return self.near(block, order, node, True) + self.near(block, order, node, False)

    def new_places(self) -> list[tuple[str, str, str]]:
        return [(block, order, node) for block, rows in self.new.items() for order, node, _, _ in rows]

    def stored_places(self, units: list[str]) -> list[tuple[str, str, str, str]]:
        """(block, sort key, node, name) of the stored units' places."""
        return _select(self.index, "SELECT block, skel, node, name FROM translit WHERE unit IN ({})", units)

    def matches(self, units: set[str]) -> set[str]:
        """The units of the neighbours whose name is one person's with a name of ``units``."""
        out: set[str] = set()
        for block, order, node, name in self.stored_places(sorted(units)):
            out |= {unit for _, _, unit, other in self.neighbours(block, order, node)
                    if self.resolver.same_person_names(name, other)}
        return out

    def window_of(self, block: str, order: str, node: str) -> set[str]:
        return {n for _, n, _, _ in self.near(block, order, node, True)}


class _Lookups:
    """Which ``d:`` keys (a surname's or an acronym's look-up, a full name's offer to it) can
    join anything in the state the run leaves: :meth:`.resolve.Resolver.join_dependents`
    joins the surnames or acronyms of one group (the nodes of one key) that stand alone,
    to the one full name their group's ``d:`` key finds (or to one another), so a ``d:`` key
    links units only when a group that looks it up has a unit holding no full name
    (:meth:`.resolve.Resolver.dependent_lookups`, ``lookups`` in the index). The others (a
    surname shared by thousands of full names, the surnames after them in their own
    documents) are not followed: a unit they reach could not meet the run's units by them.
    A live key is not followed either when the full names of it that the run leaves out
    (``offers``: entities none of whose units it resolves again) already give each group
    that looks it up several entities (:meth:`decided`): the group's answer is "several"
    whatever the run adds, told to the resolver (``several_dependents``).
    ``new``: the dirty documents' rows (:meth:`.resolve.Resolver.dependent_lookups`); the
    stored rows are those of the documents not dirty (:meth:`ResolutionIndex.set_dirty` first)."""

    def __init__(self, index: ResolutionIndex, new: list[tuple[str, str, str | None, bool, str, str, str]],
                 resolver: Resolver | None = None) -> None:
        self.index, self.resolver = index, resolver
        self.new_groups: dict[str, set[str]] = {}
        self.new_rows: dict[str, list[tuple[str, str, str | None, bool, str]]] = {}
        for _, group, key, alone, node, name, kind in new:
            if key is not None:
                self.new_groups.setdefault(key, set()).add(group)
            self.new_rows.setdefault(group, []).append((node, name, key, alone, kind))
        self.new_alone = {group for _, group, _, alone, *_ in new if alone}

    def live(self, keys: list[str]) -> set[str]:
        """Those of the ``d:`` ``keys`` some group that may stand alone looks up."""
        groups = self._groups(keys)
        asked = sorted(set().union(*groups.values()) - self.new_alone) if groups else []
        alone = self.new_alone | {g for (g,) in _select(
            self.index, "SELECT DISTINCT grp FROM lookups WHERE grp IN ({}) AND alone = 1 "
            "AND doc NOT IN (SELECT doc FROM temp.dirty_docs)", asked)}
        return {key for key, found in groups.items() if found & alone}

    def _groups(self, keys: list[str]) -> dict[str, set[str]]:
        groups = {key: set(self.new_groups[key]) for key in keys if key in self.new_groups}
        for key, group in _select(self.index, "SELECT DISTINCT key, grp FROM lookups WHERE key IN ({}) "
                                  "AND doc NOT IN (SELECT doc FROM temp.dirty_docs)", keys):
            groups.setdefault(key, set()).add(group)
        return groups

    def _rows(self, group: str) -> list[tuple[str, str, str | None, bool, str]]:
        """(node, name, key, alone, kind) of the group's nodes in the state the run leaves."""
        stored = self.index.db.execute(
            "SELECT node, name, key, alone, kind FROM lookups WHERE grp = ? "
            "AND doc NOT IN (SELECT doc FROM temp.dirty_docs)", (group,)).fetchall()
        return [(n, name, k, bool(a), kind) for n, name, k, a, kind in stored] + self.new_rows.get(group, [])

    def decided(self, key: str, inside: set[str]) -> set[str] | None:
        """The groups that look ``key`` up and may stand alone, when the full names of ``key``
        outside the run (their entity's root not in ``inside``, not anchored) give each of
        them several entities; None when some group's answer may depend on the others."""
        assert self.resolver is not None
        outside = [(root, name) for root, name in _select(
            self.index, "SELECT u.root, o.name FROM offers o JOIN units u ON u.unit = o.unit WHERE o.key IN ({}) "
            "AND o.doc NOT IN (SELECT doc FROM temp.dirty_docs)", [key])
            if root not in inside and not root_anchor(root)]
        if len({root for root, _ in outside}) < 2:
            return None
        decided = set()
        for group in sorted(self._groups([key]).get(key, ())):
            rows = self._rows(group)
            if not any(alone for _, _, _, alone, _ in rows):
                continue  # nothing of it stands alone: it joins nothing
            _, name, looked_up, _, kind = min(rows)  # the group's first node tells what it looks up
            if looked_up != key:
                continue  # it looks another key up
            if not self.resolver.several_by(kind, name, outside):
                return None
            decided.add(group)
        return decided


def _comembers(index: ResolutionIndex, units: set[str]) -> set[str]:
    """The stored units (of documents not dirty) of the entities ``units`` were in, but the
    anchored ones (:mod:`.anchored`: their record is a tally)."""
    return {u for (u,) in _select(
        index, "SELECT unit FROM units WHERE root IN (SELECT root FROM units WHERE unit IN ({}) "
        f"AND root NOT LIKE '{ROOT_PREFIX}%') AND doc NOT IN (SELECT doc FROM temp.dirty_docs)", sorted(units))}


def _closure(index: ResolutionIndex, dirty_docs: list[str], new_keys: set[str], blocks: _Blocks,
             new_units: set[str], new_lookups: list[tuple[str, str, str | None, bool, str, str, str]] | None = None,
             resolver: Resolver | None = None) -> tuple[set[str], set[str]]:
    """Stored units (of documents not dirty) linked to the dirty documents' old and new units
    through shared keys, transitively; of an anchored entity's units sharing a key only
    with the others, one per key (:mod:`.anchored`). Transliteration blocks are not followed
    as keys: the closure takes the ``window`` neighbours each side of every name added or
    removed (the pairs it parts or brings together), then, from every unit it holds, the
    neighbours whose names are one person's with its names (the only pairs of a block that
    can join), and the entities of the units it holds (one may split). A ``d:`` key is
    followed only when a surname or acronym that may stand alone looks it up (:class:`_Lookups`),
    and, with ``resolver``, only when the full names it leaves out do not already give those
    groups several entities (checked on the closure it ends with). Returns the closure and
    the groups so decided (the resolver's ``several_dependents``)."""
    dirty_units = set(index.units_of_docs(dirty_docs))
    index.set_dirty(dirty_docs)
    lookups = _Lookups(index, new_lookups or [], resolver)
    frontier = _joined_keys(new_keys | index.keys_of_units(sorted(dirty_units)))
    pending = _comembers(index, dirty_units)
    removed = [(block, order, node) for block, order, node, _ in blocks.stored_places(sorted(dirty_units))]
    for block, order, node in blocks.new_places() + removed:
        pending |= {unit for _, _, unit, _ in blocks.neighbours(block, order, node)}
    seen_keys: set[str] = set()
    closure: set[str] = set()
    deferred: set[str] = set()  # live d: keys not followed yet (resolver given)
    several: set[str] = set()
    follow: list[str] = []
    while True:
        while frontier or pending or follow:
            found = set(pending)
            keys = list(follow)
            if frontier:
                seen_keys |= frontier
                live = lookups.live(sorted(k for k in frontier if k.startswith("d:")))
                if resolver is not None:
                    deferred |= live
                    live = set()
                keys += [k for k in frontier if not k.startswith("d:") or k in live]
            if keys:
                keys.sort()
                found |= index.units_of_keys(keys) | index.reps_of_keys(keys)
            found -= dirty_units | new_units | closure
            closure |= found
            frontier = _joined_keys(index.keys_of_units(sorted(found))) - seen_keys
            pending = (blocks.matches(found) | _comembers(index, found)) if found else set()
            follow = []
        if not deferred:
            return closure, several
        # the deferred keys, on the closure as it is: the entities it holds are inside
        inside = {root for _, _, root in index.unit_rows(sorted(closure | dirty_units))}
        several = set()
        for key in sorted(deferred):
            decided = lookups.decided(key, inside)
            if decided is None:
                follow.append(key)
            else:
                several |= decided
        if not follow:
            return closure, several
        deferred -= set(follow)


class _RunDocs:
    """The run's ok results: their ids, order and digests in the index's temporary
    ``run_docs`` table (:meth:`ResolutionIndex.load_run`, filled as ``results`` are read in
    order), the results read whole (:class:`~pipeline.model.DocumentResult`) by id, and a
    reference (left on disk) read with ``load`` only when its document is resolved again."""

    def __init__(self, index: ResolutionIndex, results: Iterable[DocumentResult | StoredResult],
                 digest: Callable[[DocumentResult | StoredResult], str],
                 load: Callable[[StoredResult], DocumentResult] | None) -> None:
        self.results, self.load = results, load
        self.whole: dict[str, DocumentResult] = {}
        index.load_run(self._rows(digest))
        self.count = index.db.execute("SELECT COUNT(*) FROM temp.run_docs").fetchone()[0]

    def _rows(self, digest: Callable[[DocumentResult | StoredResult], str]) -> Iterator[tuple[str, int, str]]:
        for pos, r in enumerate(self.results):
            if r.status != "ok":
                continue
            if isinstance(r, DocumentResult):
                self.whole[r.document.id] = r
                yield r.document.id, pos, digest(r)
            else:
                yield r.id, pos, digest(r)

    def _read(self, r: DocumentResult | StoredResult) -> DocumentResult:
        if isinstance(r, DocumentResult):
            return r
        if self.load is None:
            raise ValueError(f"no loader for the stored result of {r.id}")
        return self.load(r)

    def all(self) -> list[DocumentResult]:
        """Every ok result, read whole, in the run's order (a clean resolution)."""
        ok = {(r.document.id if isinstance(r, DocumentResult) else r.id): r for r in self.results if r.status == "ok"}
        return [self._read(r) for r in ok.values()]

    def read(self, docs: list[str]) -> list[DocumentResult]:
        """The results of ``docs`` (each in the run), read whole, in that order: a reference
        is found by one more pass over the run's results (a stored document resolved again:
        the index out of step with the cache, not a document added or changed)."""
        missing = set(docs) - self.whole.keys()
        found = {r.id: r for r in self.results if isinstance(r, StoredResult) and r.id in missing} if missing else {}
        return [self.whole[d] if d in self.whole else self._read(found[d]) for d in docs]


def resolve_incremental(results: Iterable[DocumentResult | StoredResult], path: Path, fingerprint: str,
                        lexicon: Lexicon | None = None, stats: dict | None = None,
                        digest: Callable[[DocumentResult | StoredResult], str] = result_digest,
                        load: Callable[[StoredResult], DocumentResult] | None = None, lean: bool = False
                        ) -> tuple[list[Entity], list[Relation]]:
    """The entities and relations of ``results``, equal to :func:`.resolve.resolve_entities`,
    resolving again only the closure of what changed since the index was written.
    ``digest`` tells a changed document: by default a hash of its whole result; a caller
    whose results are a function of the document and ``fingerprint`` (the runner's cache)
    may pass the document's key, which costs no serialization.

    ``results`` may hold :class:`~pipeline.model.StoredResult` references (left on disk),
    read with ``load`` only when their document must be resolved again. ``results`` is
    read in order, twice at most (the runner's is kept in SQLite, read a page at a time);
    the documents' ids, order and digests go to a temporary table of the index, not into
    memory (:class:`_RunDocs`). With ``lean`` the
    outputs are not read back (two empty lists): what changed is in ``stats``
    (``entity_changes``, ``relation_changes``: id -> (record before, record after) as JSON,
    None for absent; an anchored entity's, listed in ``anchored_changes``, without its spans
    and with only the documents whose languages its statements read, all of them given by
    :func:`anchored_documents`; ``anchored_moved``: the documents that entered or left an
    anchored entity), and :func:`graph_part` reads any part of the graph from the index."""
    lexicon = load_lexicon() if lexicon is None else lexicon
    stats = {} if stats is None else stats
    index = None
    try:
        index = ResolutionIndex(path)
        run = _RunDocs(index, results, digest, load)
        index.db.execute("BEGIN IMMEDIATE")
        try:
            follows = index.fingerprint() == f"{FORMAT}:{fingerprint}"
            row = index.db.execute("SELECT v FROM meta WHERE k='state'").fetchone()
            stats["state_before"] = row[0] if row and follows else None
            if not follows:
                _rebuild(index, run, lexicon, fingerprint)
                stats.update(mode="full", resolved_documents=run.count, units=None)
            else:
                _update(index, run, index.dirty_docs(), lexicon, stats)
            entities, relations = ([], []) if lean else _outputs(index)
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


def index_state(path: Path, fingerprint: str) -> str | None:
    """The state token of the index at ``path`` when it holds the resolution of this
    ``fingerprint`` (an incremental run can follow it), else None."""
    if not Path(path).is_file():
        return None
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        meta = dict(db.execute("SELECT k, v FROM meta"))
    except sqlite3.DatabaseError:
        return None
    finally:
        db.close()
    return meta.get("state") if meta.get("fingerprint") == f"{FORMAT}:{fingerprint}" else None


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
                docs: list[DocumentResult], facts: dict[str, dict[str, list[str]]],
                lookups: list[tuple[str, str, str | None, bool, str, str, str]]) -> dict[str, dict[str, str]]:
    """Rows of ``docs`` (units with their data, keys and facts, mention maps); units'
    entity roots are set later. Returns each document's mention -> unit map."""
    ids = [r.document.id for r in docs]
    digests = {doc: digest for doc, (_, digest) in index.run_rows(ids).items()}
    mentions = _mention_units(resolver, units, ids)
    index.db.executemany("INSERT OR REPLACE INTO docs VALUES (?, ?, ?, ?)",
                         [(r.document.id, digests[r.document.id],
                           json.dumps(mentions[r.document.id], ensure_ascii=False), r.document.lang) for r in docs])
    wanted = set(ids)
    unit_doc = {u: resolver.nodes[u].document for u in set(units.values())}
    rows = [(u, doc) for u, doc in unit_doc.items() if doc in wanted]
    anchors = {u: entity_anchor(resolver.uf.lexicon[u], resolver.lexicon) for u, _ in rows}
    index.db.executemany("INSERT OR REPLACE INTO units (unit, doc, anchor) VALUES (?, ?, ?)",
                         [(u, doc, anchors[u]) for u, doc in rows])
    index.db.executemany("INSERT INTO unit_keys VALUES (?, ?)",
                         [(u, k) for u, _ in rows for k in sorted(keys.get(u, ()))
                          if not (anchors[u] and rep_key(k))])
    index.db.executemany("INSERT INTO anchored_keys VALUES (?, ?, ?, ?)",
                         [(k, anchors[u], u, doc) for u, doc in rows if anchors[u]
                          for k in sorted(keys.get(u, ())) if rep_key(k)])
    index.db.executemany("INSERT INTO translit VALUES (?, ?, ?, ?, ?, ?)",
                         [(block, order, node, units[node], doc, name)
                          for block, order, node, doc, name in translit_rows(resolver, wanted)])
    index.db.executemany("INSERT INTO offers VALUES (?, ?, ?, ?)",
                         [("d:" + key, units[node.id], node.document, node.name) for node in resolver.nodes.values()
                          if node.document in wanted for key in sorted(resolver.dependent_offers(node))])
    index.db.executemany("INSERT INTO lookups VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         [(u, unit_doc[u], group, key, int(alone), node, name, kind)
                          for u, group, key, alone, node, name, kind in lookups
                          if unit_doc[u] in wanted])
    members: dict[str, list[str]] = {}
    for node, unit in sorted(units.items()):
        members.setdefault(unit, []).append(node)
    index.db.executemany("INSERT OR REPLACE INTO unit_data VALUES (?, ?, ?)",
                         [(u, json.dumps(resolver.snapshot(u, members[u]), ensure_ascii=False),
                           json.dumps(facts.get(u, {}), ensure_ascii=False)) for u, _ in rows])
    return mentions


def _write_entities(index: ResolutionIndex, made: dict, units: dict[str, str], resolver: Resolver) -> None:
    index.db.executemany("INSERT OR REPLACE INTO entities VALUES (?, ?, ?, ?, ?)",
                         [(root, base, json.dumps(alts), entity.id, _record(root, entity))
                          for root, (entity, alts, base) in made.items()])
    index.db.executemany("UPDATE units SET root=? WHERE unit=?",
                         sorted({(_root(resolver, resolver.uf.find(u)), u) for u in set(units.values())
                                 if u in resolver.nodes}))


def _root(resolver: Resolver, root: str) -> str:
    """The root a component is kept under: an anchored entity's own (:mod:`.anchored`)."""
    anchor = entity_anchor(resolver.uf.lexicon[root], resolver.lexicon)
    return anchored_root(anchor) if anchor else root


def _record(root: str, entity: Entity) -> str:
    """The record the index keeps of an entity: an anchored one's without its documents and
    spans (rows of ``tally_docs`` and ``tally_spans``, :func:`_filled`), which are the
    archive's size for a country and change with every document that names it."""
    data = entity.to_dict()
    if root_anchor(root):
        data.update(documents=[], spans=[])
    return json.dumps(data, ensure_ascii=False)


def _filled(index: ResolutionIndex, root: str, record: str, spans: bool = True) -> Entity:
    """The entity of a kept ``record``, an anchored one's documents (and ``spans``) read
    back from its rows, in the order :func:`.anchored.tally_entity` gives them."""
    entity = Entity.from_dict(json.loads(record))
    if root_anchor(root):
        entity.documents = _anchored_documents(index, root)
        if spans:
            entity.spans = [[doc, start, end] for doc, start, end in index.db.execute(
                "SELECT doc, s, e FROM tally_spans WHERE root=? ORDER BY doc, s, e", (root,))]
    return entity


def _anchored_documents(index: ResolutionIndex, root: str) -> list[str]:
    return [doc for (doc,) in index.db.execute("SELECT doc FROM tally_docs WHERE root=? ORDER BY doc", (root,))]


def _lang_documents(index: ResolutionIndex, root: str, within: Iterable[str] = ()) -> list[str]:
    """Of an anchored entity's documents, the few whose languages its statements read
    (:func:`pipeline.exporters.rdf.entity_triples` reads whether exactly one document is
    French or English, and in what order, by id, each language first comes): the first of
    each language and a second French or English one, counted in SQLite; with those of
    ``within`` (the named graphs being built, which state that they mention it)."""
    out = {doc for _, doc in index.db.execute(
        "SELECT COALESCE(d.lang, ''), MIN(t.doc) FROM tally_docs t LEFT JOIN docs d ON d.doc = t.doc "
        "WHERE t.root = ? GROUP BY 1", (root,))}
    out |= {doc for (doc,) in index.db.execute(
        "SELECT t.doc FROM tally_docs t JOIN docs d ON d.doc = t.doc WHERE t.root = ? AND d.lang IN ('fr', 'en') "
        "ORDER BY t.doc LIMIT 2", (root,))}
    wanted = sorted(set(within))
    for part in _chunks(wanted):
        out |= {doc for (doc,) in index.db.execute(
            f"SELECT doc FROM tally_docs WHERE root = ? AND doc IN ({_marks(len(part))})", (root, *part))}
    return sorted(out)


def anchored_documents(path: Path, entity_id: str) -> list[str] | None:
    """Every document of the entity ``entity_id`` when it is anchored (its records in a lean
    run's ``entity_changes`` hold only :func:`_lang_documents`), else None."""
    index = ResolutionIndex(path)
    try:
        row = index.db.execute("SELECT root FROM entities WHERE id = ?", (entity_id,)).fetchone()
        return _anchored_documents(index, row[0]) if row and root_anchor(row[0]) else None
    finally:
        index.close()


def _small_tally(tally: dict) -> dict:
    """The part of a tally kept as one row (``tallies``): its aliases, languages and mentions."""
    return {**tally, "documents": {}, "spans": {}}


def _insert_tally(index: ResolutionIndex, root: str, tally: dict) -> None:
    index.db.execute("INSERT INTO tallies VALUES (?, ?)", (root, json.dumps(_small_tally(tally), ensure_ascii=False)))
    index.db.executemany("INSERT INTO tally_docs VALUES (?, ?, ?)",
                         [(root, doc, n) for doc, n in sorted(tally["documents"].items())])
    index.db.executemany("INSERT INTO tally_spans VALUES (?, ?, ?, ?, ?)",
                         sorted((root, *json.loads(span), n) for span, n in tally["spans"].items()))


def _add_rows(index: ResolutionIndex, root: str, joined: dict, left: dict) -> set[str]:
    """``root``'s documents and spans (rows) plus the counts of the tally ``joined`` and less
    those of ``left``, each row read and written alone: what the run's units give, not the
    entity's size. Returns the documents that entered or left the entity."""
    moved: set[str] = set()
    for table, columns, field in (("tally_docs", ("doc",), "documents"), ("tally_spans", ("doc", "s", "e"), "spans")):
        delta: dict[tuple, int] = {}
        for tally, sign in ((joined, 1), (left, -1)):
            for key, n in tally[field].items():
                row = (key,) if field == "documents" else tuple(json.loads(key))
                delta[row] = delta.get(row, 0) + sign * n
        where = " AND ".join(f"{c}=?" for c in columns)
        for row, d in sorted(delta.items()):
            found = index.db.execute(f"SELECT n FROM {table} WHERE root=? AND {where}", (root, *row)).fetchone()
            before = found[0] if found else 0
            n = before + d
            if n < 0:
                raise RuntimeError(f"anchored tally below zero at {row!r}")  # the index is out of step
            if n:
                index.db.execute(f"INSERT OR REPLACE INTO {table} VALUES (?, {_marks(len(row) + 1)})", (root, *row, n))
            elif found:
                index.db.execute(f"DELETE FROM {table} WHERE root=? AND {where}", (root, *row))
            if field == "documents" and (before > 0) != (n > 0):
                moved.add(row[0])
    return moved


def _made(resolver: Resolver) -> tuple[dict[str, tuple[Entity, tuple[str, str], str]], dict[str, dict]]:
    """The entities of the resolver's components, and the tally of each anchored one."""
    made = {_root(resolver, root): (entity, alts, entity.id) for root, (entity, alts) in make_entities(resolver).items()}
    tallies = {_root(resolver, root): node_tally(nodes) for root, nodes in resolver.components().items()
               if root_anchor(_root(resolver, root))}
    return made, tallies


# -- relations: each document's relations kept with their ends as units, merged per key --

def _unit_relation(rel: Relation, mention_unit: dict[str, str]) -> Relation:
    """``rel`` with its ends (and its source) as units: what the index keeps of it."""
    def unit(mention: str) -> str:
        return mention_unit.get(mention, NO_UNIT)
    source = rel.attributed_to if rel.attributed_to in (None, OUTLET) else unit(rel.attributed_to)
    return replace(rel, head=unit(rel.head), tail=rel.tail if rel.literal else unit(rel.tail), attributed_to=source)


def _rkey(rel: Relation, entity_of: Callable[[str], str | None]) -> str | None:
    """The key the merge files ``rel`` under (see :func:`.resolve.merge_relations`), or None."""
    head = entity_of(rel.head)
    tail = rel.tail if rel.literal else entity_of(rel.tail)
    if head is None or tail is None or head == tail:
        return None
    if rel.type in SYMMETRIC_RELATIONS and tail < head:
        head, tail = tail, head
    return "\x1f".join((head, rel.type, tail))


def _unit_ids(index: ResolutionIndex, units: Iterable[str]) -> dict[str, str]:
    """Unit -> the id of its entity."""
    return dict(_select(index, "SELECT u.unit, e.id FROM units u JOIN entities e ON e.root = u.root "
                        "WHERE u.unit IN ({})", sorted(set(units) - {NO_UNIT})))


def _write_relations(index: ResolutionIndex, docs: list[DocumentResult], mentions: dict[str, dict[str, str]]
                     ) -> set[str]:
    """The rows of ``docs``' relations (entities written before); returns their keys."""
    rows = [(r.document.id, seq, _unit_relation(rel, mentions.get(r.document.id, {})))
            for r in docs for seq, rel in enumerate(r.relations)]
    ids = _unit_ids(index, {u for _, _, rel in rows for u in (rel.head, rel.tail, rel.attributed_to or NO_UNIT)})
    keyed = [(doc, seq, rel, _rkey(rel, ids.get)) for doc, seq, rel in rows]
    index.db.executemany("INSERT INTO rels VALUES (?, ?, ?, ?, ?, ?, ?)",
                         [(doc, seq, rel.head, None if rel.literal else rel.tail,
                           rel.attributed_to if rel.attributed_to not in (None, OUTLET) else None, key,
                           json.dumps(rel.to_dict(), ensure_ascii=False)) for doc, seq, rel, key in keyed])
    return {key for _, _, _, key in keyed if key is not None}


def _merge_keys(index: ResolutionIndex, keys: set[str]) -> dict[str, tuple[str | None, str | None]]:
    """Merge again the relations filed under ``keys`` (in the run's document order, as a
    clean run merges them); returns the keys whose record changed: (before, after)."""
    wanted = sorted(keys)
    before = dict(_select(index, "SELECT rkey, record FROM merged WHERE rkey IN ({})", wanted))
    rows = _select(index, "SELECT doc, seq, data FROM rels WHERE rkey IN ({})", wanted)
    order = {doc: pos for doc, (pos, _) in index.run_rows({doc for doc, _, _ in rows}).items()}
    rows.sort(key=lambda row: (order[row[0]], row[1]))
    relations = [Relation.from_dict(json.loads(data)) for _, _, data in rows]
    ids = _unit_ids(index, {u for rel in relations for u in (rel.head, rel.tail, rel.attributed_to or NO_UNIT)})
    after = {"\x1f".join((rel.head, rel.type, rel.tail)): json.dumps(rel.to_dict(), ensure_ascii=False)
             for rel in merge_relations(relations, ids.get)}
    if not set(after) <= set(wanted):  # a row filed under another key than its entities give
        raise RuntimeError("resolution index out of step with its relations")
    for part in _chunks(wanted):
        index.db.execute(f"DELETE FROM merged WHERE rkey IN ({_marks(len(part))})", part)
    index.db.executemany("INSERT INTO merged VALUES (?, ?)", sorted(after.items()))
    return {key: (before.get(key), after.get(key)) for key in wanted if before.get(key) != after.get(key)}


def _rekey(index: ResolutionIndex, units: set[str]) -> set[str]:
    """Recompute the keys of the rows whose ends or source are ``units`` (their entity may
    have changed); returns every key such a row had or has."""
    found: dict[int, tuple[str, str | None]] = {}
    for column in ("head", "tail", "src"):
        for rowid, data, key in _select(index, f"SELECT rowid, data, rkey FROM rels WHERE {column} IN ({{}})",
                                        sorted(units)):
            found[rowid] = (data, key)
    relations = {rowid: Relation.from_dict(json.loads(data)) for rowid, (data, _) in found.items()}
    ids = _unit_ids(index, {u for rel in relations.values() for u in (rel.head, rel.tail,
                                                                     rel.attributed_to or NO_UNIT)})
    keys: set[str] = set()
    updates = []
    for rowid, rel in relations.items():
        old, new = found[rowid][1], _rkey(rel, ids.get)
        keys.update(k for k in (old, new) if k is not None)
        if old != new:
            updates.append((new, rowid))
    index.db.executemany("UPDATE rels SET rkey=? WHERE rowid=?", updates)
    return keys


def _rebuild(index: ResolutionIndex, run: _RunDocs, lexicon: Lexicon, fingerprint: str) -> None:
    for table in TABLES:  # the schema may be another format's
        index.db.execute(f"DROP TABLE IF EXISTS {table}")
    for statement in SCHEMA.split(";"):
        if statement.strip():
            index.db.execute(statement)
    docs = run.all()
    resolver, relations = _resolver(docs, lexicon)
    units = resolver.units()
    keys = resolver.unit_keys(relations)
    mentions = _write_docs(index, resolver, units, keys, docs, resolver.unit_facts(relations),
                           resolver.dependent_lookups())
    resolver.join_all(relations)
    made, tallies = _made(resolver)
    assign_ids([(root, entity, alts) for root, (entity, alts, _) in made.items()])
    _write_entities(index, made, units, resolver)
    for root, tally in sorted(tallies.items()):
        _insert_tally(index, root, tally)
    _merge_keys(index, _write_relations(index, docs, mentions))
    index.db.execute("INSERT INTO meta VALUES ('fingerprint', ?)", (f"{FORMAT}:{fingerprint}",))


def _update(index: ResolutionIndex, run: _RunDocs, dirty: list[str], lexicon: Lexicon, stats: dict) -> None:
    stats.update(mode="incremental", dirty_documents=len(dirty), dirty=set(dirty))
    if not dirty:
        stats.update(resolved_documents=0, units=0, closure_documents=0, changed_entities=set(),
                     touched_documents=set(), entity_changes={}, relation_changes={}, anchored_changes=set(),
                     anchored_moved=set())
        return
    present = index.run_rows(dirty)
    docs = run.read([d for d in dirty if d in present])
    resolver, relations = _resolver(docs, lexicon)
    units = resolver.units()
    keys = resolver.unit_keys(relations)
    facts = resolver.unit_facts(relations)
    lookups = resolver.dependent_lookups()
    new_units = set(units.values())
    blocks = _Blocks(index, resolver, [(block, order, node, units[node], name) for block, order, node, _, name
                                       in translit_rows(resolver, set(dirty))])
    closure, several = _closure(index, dirty, set().union(*keys.values()) if keys else set(), blocks, new_units,
                                lookups, resolver)
    rows = index.unit_rows(sorted(closure))
    old_dirty = dict(_select(index, "SELECT unit, root FROM units WHERE doc IN ({})", dirty))
    old_roots = sorted({root for _, _, root in rows} | set(old_dirty.values()))
    # what leaves the anchored entities: the dirty documents' old units (read before they
    # go) and the closure's (resolved again below, they add themselves back where they join)
    leaving: dict[str, dict] = {}
    for unit, data in _select(index, "SELECT unit, data FROM unit_data WHERE unit IN ({})",
                              sorted(u for u, root in old_dirty.items() if root_anchor(root))):
        add_tally(leaving.setdefault(old_dirty[unit], empty_tally()),
                  node_tally(node_of_snapshot(d) for d in json.loads(data)["nodes"]))
    stats.update(resolved_documents=len(docs), units=len(closure),
                 closure_documents=len({doc for _, doc, _ in rows}))
    # the dirty documents' rows, anew (their relations' keys kept: those merge again)
    relation_keys = {key for (key,) in _select(index, "SELECT rkey FROM rels WHERE doc IN ({})", dirty)
                     if key is not None}
    for table in ("unit_keys", "anchored_keys", "unit_data", "translit", "lookups", "offers", "units"):
        for part in _chunks(dirty):
            index.db.execute(f"DELETE FROM {table} WHERE unit IN (SELECT unit FROM units WHERE doc IN "
                             f"({_marks(len(part))}))", part)
    for table in ("docs", "rels"):
        for part in _chunks(dirty):
            index.db.execute(f"DELETE FROM {table} WHERE doc IN ({_marks(len(part))})", part)
    mentions = _write_docs(index, resolver, units, keys, docs, facts, lookups)
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
    # the pairs of the blocks the run compares: those of neighbours in the whole blocks
    resolver.translit_window = {(block, node.id): blocks.window_of(block, order, node.id)
                                for node in resolver.nodes.values()
                                for block, order in resolver.transliteration_places(node)}
    old_root = {unit: root for unit, _, root in rows}
    for node, unit in units.items():
        if root_anchor(old_root.get(unit)):
            add_tally(leaving.setdefault(old_root[unit], empty_tally()), node_tally([resolver.nodes[node]]))
    resolver.several_dependents = several
    resolver.join_all(relations, facts=facts)
    made, parts = _made(resolver)
    # an anchored entity: its stored tally, less what left it, plus what joins it now
    anchored = sorted(set(parts) | {root for root in old_roots if root_anchor(root)})
    old_roots = sorted(set(old_roots) | set(anchored))
    # (its documents and spans are rows, changed by what the run's units give: not read whole)
    stored_tallies = dict(_select(index, "SELECT root, data FROM tallies WHERE root IN ({})", anchored))
    for part in _chunks(anchored):
        index.db.execute(f"DELETE FROM tallies WHERE root IN ({_marks(len(part))})", part)
    entered_left: dict[str, set[str]] = {}  # anchored root -> the documents that entered or left it
    for root in anchored:
        tally = json.loads(stored_tallies[root]) if root in stored_tallies else empty_tally()
        left, joined = leaving.get(root, empty_tally()), parts.get(root, empty_tally())
        add_tally(add_tally(tally, _small_tally(left), -1), _small_tally(joined))
        entered_left[root] = _add_rows(index, root, joined, left)
        if not tally["mentions"] and index.db.execute("SELECT 1 FROM tally_docs WHERE root=? LIMIT 1",
                                                      (root,)).fetchone() is None:
            made.pop(root, None)
            continue
        anchor = root_anchor(root)
        entity = tally_entity(tally, anchor, lexicon)
        made[root] = (entity, made[root][1] if root in made else ("", ""), entity.id)
        index.db.execute("INSERT INTO tallies VALUES (?, ?)", (root, json.dumps(tally, ensure_ascii=False)))
    stats["anchored_entities"] = len(anchored)
    # every entity of the bases the closure had or has competes for its id again
    old_rows = _select(index, "SELECT base, id, record, root FROM entities WHERE root IN ({})", old_roots)
    old_bases = {base for base, _, _, _ in old_rows}
    before = {entity_id: record for _, entity_id, record, _ in old_rows}
    # an anchored entity whose documents changed: its kept record may not (they are rows)
    moved_ids = {entity_id for _, entity_id, _, root in old_rows if entered_left.get(root)}
    for part in _chunks(old_roots):
        index.db.execute(f"DELETE FROM entities WHERE root IN ({_marks(len(part))})", part)
    bases = sorted({base for _, _, base in made.values()} | old_bases)
    others = {}
    others_ids = {}
    for root, base, alts, record in _select(index, "SELECT root, base, alts, record FROM entities WHERE base IN ({})",
                                            bases):
        entity = Entity.from_dict(json.loads(record))
        before[entity.id] = record
        others_ids[root] = entity.id
        entity.id = base
        others[root] = (entity, tuple(json.loads(alts)), base)
    assign_ids([(root, entity, alts) for root, (entity, alts, _) in (made | others).items()])
    _write_entities(index, made | others, units, resolver)
    after = {entity.id: _record(root, entity) for root, (entity, _, _) in (made | others).items()}
    moved_ids |= {made[root][0].id for root, docs in entered_left.items() if docs and root in made}
    roots = {entity.id: root for root, (entity, _, _) in (made | others).items()}
    # the relations: those of the dirty documents, and those whose ends' entity was made
    # again (the closure) or renamed (another entity of its base took its id), merge again
    relation_keys |= _write_relations(index, docs, mentions)
    renamed = sorted(root for root, old_id in others_ids.items() if others[root][0].id != old_id)
    moved = closure | {u for (u,) in _select(index, "SELECT unit FROM units WHERE root IN ({})", renamed)}
    relation_keys |= _rekey(index, moved)
    relation_changes = _merge_keys(index, relation_keys)
    # the entities whose record changed, and the documents that name them (before or after)
    # (an anchored entity's: its records without documents and spans, the one after with
    # its documents read back from its rows, the store's; its spans are no statement)
    changed: set[str] = set()
    documents = set(dirty).union(*entered_left.values())
    entity_changes = {}
    anchored_changes: set[str] = set()
    before_roots = {entity_id: root for _, entity_id, _, root in old_rows}
    for entity_id in set(before) | set(after):
        if before.get(entity_id) != after.get(entity_id) or entity_id in moved_ids:
            changed.add(entity_id)
            record = after.get(entity_id)
            if record is not None and root_anchor(roots[entity_id]):
                data = json.loads(record)
                data["documents"] = _lang_documents(index, roots[entity_id])
                record = json.dumps(data, ensure_ascii=False)
                anchored_changes.add(entity_id)
            entity_changes[entity_id] = (before.get(entity_id), record)
            for record in (before.get(entity_id), record):
                if record is not None and not root_anchor(roots.get(entity_id, before_roots.get(entity_id))):
                    documents.update(json.loads(record)["documents"])
    stats.update(changed_entities=changed, touched_documents=documents, entity_changes=entity_changes,
                 relation_changes=relation_changes, anchored_changes=anchored_changes,
                 anchored_moved=set().union(*entered_left.values()))


def _select(index: ResolutionIndex, sql: str, values: list[str]) -> list[tuple]:
    out: list[tuple] = []
    for part in _chunks(values):
        out += list(index.db.execute(sql.format(_marks(len(part))), part))
    return out


def _outputs(index: ResolutionIndex) -> tuple[list[Entity], list[Relation]]:
    """Every entity and every merged relation, from the index."""
    entities = sorted((_filled(index, root, record) for root, record in index.db.execute(
        "SELECT root, record FROM entities").fetchall()), key=lambda e: e.id)
    relations = sorted((Relation.from_dict(json.loads(record)) for (record,) in index.db.execute(
        "SELECT record FROM merged")), key=lambda r: (r.head, r.type, r.tail))
    return entities, relations


def graph_part(path: Path, documents: set[str]) -> tuple[list[Entity], list[Relation], dict[str, str | None]]:
    """What the named graphs of ``documents`` are built from: the entities they name, the
    relations read in them, and the language of every document those entities and
    relations name (their labels' language tags read it)."""
    index = ResolutionIndex(path)
    try:
        wanted = sorted(documents)
        entities = []
        for root, record in _select(index, "SELECT root, record FROM entities WHERE root IN "
                                    "(SELECT DISTINCT root FROM units WHERE doc IN ({}))", wanted):
            entity = Entity.from_dict(json.loads(record))
            if root_anchor(root):  # a country's statements, not its million documents
                entity.documents = _lang_documents(index, root, wanted)
            entities.append(entity)
        relations = [Relation.from_dict(json.loads(record)) for (record,) in _select(
            index, "SELECT record FROM merged WHERE rkey IN (SELECT DISTINCT rkey FROM rels WHERE doc IN ({}))",
            wanted)]
        named = sorted({d for e in entities for d in e.documents}
                       | {ev.document for r in relations for ev in r.evidence} | documents)
        langs = dict(_select(index, "SELECT doc, lang FROM docs WHERE doc IN ({})", named))
    finally:
        index.close()
    return entities, relations, langs


def document_langs(path: Path, documents: set[str]) -> dict[str, str | None]:
    """The language of each of ``documents`` (those the index knows)."""
    index = ResolutionIndex(path)
    try:
        return dict(_select(index, "SELECT doc, lang FROM docs WHERE doc IN ({})", sorted(documents)))
    finally:
        index.close()


def entity_and_relation_counts(path: Path) -> tuple[dict[str, int], dict[str, int]]:
    """Entities and relations of the index by type (the report's totals), read in SQLite."""
    index = ResolutionIndex(path)
    try:
        entities = dict(index.db.execute("SELECT json_extract(record, '$.type'), count(*) FROM entities GROUP BY 1"))
        relations = dict(index.db.execute("SELECT json_extract(record, '$.type'), count(*) FROM merged GROUP BY 1"))
    finally:
        index.close()
    return dict(sorted(entities.items())), dict(sorted(relations.items()))
