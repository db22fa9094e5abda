"""Which documents' named graphs a run changed, without building every graph.

A document's named graph holds its own triples, the triples of every entity it names and
the statement of every relation read in it (:func:`pipeline.exporters.rdf.dataset_triples`).
``OUT/.index/store-state.sqlite`` keeps, for the store's current generation, a signature of
each entity's triples and of each relation's statement (everything but its evidence) with
the documents they appear in. A run compares the new graph's signatures with them: the
named graphs to load again are those of the changed documents and of the documents of
every entity or relation whose signature changed (before and after). An entity that only
gained a document (Morocco named once more) changes no other document's graph.

An incremental run saves an anchored entity's (a country's) signature with the few
documents whose languages its statements read, not its documents (the archive's size):
such a run adds to the documents it calls changed those that entered or left an anchored
entity, so that the documents saved with a signature and those the run adds cover every
document the entity had (:mod:`pipeline.resolution.incremental`).

The signatures are valid only for the store generation and the resolution index state
they were saved with (:meth:`StoreState.touched` returns None otherwise: compare every
graph).

Usage::

    state = StoreState(OUT / ".index" / "store-state.sqlite")
    touched = state.touched(G, dirty_documents, index_state, current_generation_name)
    ...                                           # update the store's touched graphs
    state.save(G, new_index_state, new_generation_name)
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import networkx as nx

from pipeline.exporters.rdf import entity_triples
from pipeline.graph.build import entities_of, relations_of

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE IF NOT EXISTS sigs (id TEXT PRIMARY KEY, sig TEXT, docs TEXT);
"""
# A relation's fields that its statement triples read (its evidence is per document).
STATEMENT_FIELDS = ("type", "confidence", "extractor", "domains", "negated", "hedged", "status", "start", "end",
                    "attributed_to")


def signatures(G: nx.MultiDiGraph) -> Iterator[tuple[str, str, list[str]]]:
    """``(key, signature, documents)`` of every entity and every relation of ``G``."""
    documents = G.graph.get("documents", {})
    doc_langs = {d: (m.get("lang") or None) for d, m in documents.items()}
    for e in entities_of(G):
        triples = sorted(map(repr, entity_triples(e, doc_langs)))
        yield "e\x1f" + e["id"], hashlib.sha1("\n".join(triples).encode()).hexdigest(), sorted(e.get("documents", []))
    for r in relations_of(G):
        fields = json.dumps([r["head"], r["tail"], *(r.get(k) for k in STATEMENT_FIELDS)], ensure_ascii=False,
                            sort_keys=True, default=str)
        yield (f"r\x1f{r['head']}\x1f{r['type']}\x1f{r['tail']}", hashlib.sha1(fields.encode()).hexdigest(),
               sorted(r.get("documents") or []))


class StoreState:
    """The signatures the store's current generation was built from."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, isolation_level=None)
        db.executescript(SCHEMA)
        return db

    def touched(self, G: nx.MultiDiGraph, dirty: set[str], index_state: str | None,
                generation: str | None) -> set[str] | None:
        """The documents whose named graphs may differ from the store's, or None when the
        saved signatures are not those of ``index_state`` and ``generation``."""
        if not self.path.is_file() or not index_state or not generation:
            return None
        db = self._open()
        try:
            meta = dict(db.execute("SELECT k, v FROM meta"))
            if meta.get("state") != index_state or meta.get("generation") != generation:
                return None
            old = {key: (sig, docs) for key, sig, docs in db.execute("SELECT id, sig, docs FROM sigs")}
        finally:
            db.close()
        out = set(dirty)
        for key, sig, docs in signatures(G):
            before = old.pop(key, None)
            if before is None or before[0] != sig:
                out.update(docs)
                if before is not None:
                    out.update(json.loads(before[1]))
        for _, docs in old.values():  # gone
            out.update(json.loads(docs))
        return out

    def follows(self, index_state: str | None, generation: str | None) -> bool:
        """Whether the saved signatures are those of ``index_state`` and ``generation``."""
        if not self.path.is_file() or not index_state or not generation:
            return False
        db = self._open()
        try:
            meta = dict(db.execute("SELECT k, v FROM meta"))
        finally:
            db.close()
        return meta.get("state") == index_state and meta.get("generation") == generation

    def touched_by(self, changes: nx.MultiDiGraph, gone: set[str], dirty: set[str], index_state: str | None,
                   generation: str | None, documents_of: Callable[[str], list[str] | None] | None = None
                   ) -> set[str] | None:
        """:meth:`touched` when only the entities and relations of ``changes`` (those whose
        record changed, as they are now, with their documents' languages) and the keys
        ``gone`` (``e``/``r`` keys as :func:`signatures` writes them) may differ from the
        saved signatures: no other signature is computed or read. ``documents_of``: every
        document of a key whose record in ``changes`` holds only some (an anchored entity's,
        the few whose languages its statements read), else None; asked only when its
        signature changed."""
        if not self.follows(index_state, generation):
            return None
        new = list(signatures(changes))
        db = self._open()
        try:
            keys = sorted({key for key, _, _ in new} | gone)
            old: dict[str, tuple[str, str]] = {}
            for i in range(0, len(keys), 900):
                part = keys[i:i + 900]
                old.update((key, (sig, docs)) for key, sig, docs in db.execute(
                    f"SELECT id, sig, docs FROM sigs WHERE id IN ({','.join('?' * len(part))})", part))
        finally:
            db.close()
        out = set(dirty)
        for key, sig, docs in new:
            before = old.get(key)
            if before is None or before[0] != sig:
                out.update((documents_of(key) if documents_of is not None else None) or docs)
                if before is not None:
                    out.update(json.loads(before[1]))
        for key in gone:
            if key in old:
                out.update(json.loads(old[key][1]))
        return out

    def save_changes(self, changes: nx.MultiDiGraph, gone: set[str], index_state: str, generation: str) -> None:
        """:meth:`save` for an incremental run: the signatures of ``changes`` replace theirs,
        those of ``gone`` are dropped, the others stay."""
        self._write(changes, index_state, generation, gone=gone)

    def save(self, G: nx.MultiDiGraph, index_state: str, generation: str) -> None:
        self._write(G, index_state, generation)

    def _write(self, G: nx.MultiDiGraph, index_state: str, generation: str, *, gone: set[str] | None = None) -> None:
        """Stores the signatures of ``G`` and the state in one transaction: over all the old
        ones (``gone`` None), or replacing theirs and dropping those of ``gone``."""
        db = self._open()
        try:
            db.execute("BEGIN IMMEDIATE")
            if gone is None:
                db.execute("DELETE FROM sigs")
            else:
                db.executemany("DELETE FROM sigs WHERE id=?", [(key,) for key in sorted(gone)])
            insert = "INSERT INTO" if gone is None else "INSERT OR REPLACE INTO"
            db.executemany(f"{insert} sigs VALUES (?, ?, ?)",
                           ((key, sig, json.dumps(docs, ensure_ascii=False)) for key, sig, docs in signatures(G)))
            db.execute("INSERT OR REPLACE INTO meta VALUES ('state', ?)", (index_state,))
            db.execute("INSERT OR REPLACE INTO meta VALUES ('generation', ?)", (generation,))
            db.execute("COMMIT")
        finally:
            db.close()

    def forget(self) -> None:
        self.path.unlink(missing_ok=True)
