"""A run's results in input order, its references to the cache as rows of a SQLite table.

An incremental run holds a :class:`~pipeline.model.StoredResult` per document it did not
process again (its id, source and cache key: ~340 bytes, ~340 MB at 1,000,000 documents).
:class:`RunResults` keeps those as rows (position, id, source, key) of a table in a SQLite
file beside the cache (``OUT/.cache/run-<token>.sqlite``: on the cache's disk, as the
entries it points to, not in a temporary folder that may be memory), and in memory only the
results read whole (processed, failed, renamed) by position. It is a sequence: ``len``,
indexing and iteration in input order, the rows read a page at a time (:data:`PAGE`) and
made into references as they go; the consumers (the run key, the resolution, the report,
the prune) read it that way. Not the resolution index's database: that file is the
resolution's state, written in one transaction per run, of its own format, deleted and made
anew when out of step; the references exist before resolution runs and after it (the
report, the prune), and in runs that do not resolve incrementally.

The file lives as long as the object (a summary's ``results`` may be read after the run):
it is removed by :meth:`RunResults.close`, when the object is collected, or at exit; a file
left by a killed run is removed by the next run over the folder (:func:`remove_stale`).

Usage::

    results = RunResults(out / ".cache")
    results.append(stored_result)      # a row (written a page at a time)
    results.append(document_result)    # held
    for r in results: ...              # in order
    results.find({"doc-1"})            # ok results by id
"""
from __future__ import annotations

import contextlib
import os
import sqlite3
import uuid
import weakref
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import overload

from pipeline.model import DocumentResult, StoredResult

# Rows written, and read back, per query.
PAGE = 1000
PREFIX = "run-"
SUFFIX = ".sqlite"
# Ids and keys looked up per query (under SQLite's limit on variables).
CHUNK = 900

Result = DocumentResult | StoredResult


def remove_stale(folder: Path) -> None:
    """Remove the tables runs killed before their end left in ``folder`` (called under the
    folder's lock; a finished run's table still read by its summary is unlinked, not cut:
    its open file stays readable)."""
    for path in Path(folder).glob(f"{PREFIX}*{SUFFIX}*"):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def read_whole(results: Sequence[Result]) -> Sequence[Result]:
    """Of ``results``, those not left on disk (a run's held results; all of a list): a
    :class:`~pipeline.model.StoredResult`'s status is ok and it has no warnings, so counts
    of statuses and warnings need only these."""
    return list(results.held.values()) if isinstance(results, RunResults) else results


def _close(db: sqlite3.Connection | None, path: Path | None) -> None:
    if db is not None:
        db.close()
    if path is not None:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


class RunResults(Sequence[Result]):
    """Results in input order: references as rows of a table in ``folder``, the others in memory.

    Without ``folder`` (no cache: no references) a reference appended opens a table in the
    system's temporary folder."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = None if folder is None else Path(folder)
        self.path: Path | None = None
        self.db: sqlite3.Connection | None = None
        self.held: dict[int, DocumentResult] = {}
        self.pending: list[tuple[int, str, str, str]] = []
        self.n = 0
        self.references = 0
        self.ok = 0
        self._by_id = False
        self._finalizer: weakref.finalize | None = None

    # -- writing --

    def _open(self) -> sqlite3.Connection:
        if self.db is None:
            if self.folder is not None:
                self.folder.mkdir(parents=True, exist_ok=True)
                self.path = self.folder / f"{PREFIX}{uuid.uuid4().hex}{SUFFIX}"
            # scratch rows: no journal, no sync (a killed run's file is removed by the next run)
            self.db = sqlite3.connect("" if self.path is None else self.path, isolation_level=None,
                                      check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=OFF")
            self.db.execute("PRAGMA synchronous=OFF")
            self.db.execute("CREATE TABLE refs (pos INTEGER PRIMARY KEY, id TEXT, source TEXT, key TEXT)")
            self._finalizer = weakref.finalize(self, _close, self.db, self.path)
        return self.db

    def append(self, result: Result) -> None:
        if isinstance(result, StoredResult):
            self.pending.append((self.n, result.id, result.source, result.key))
            self.references += 1
            if len(self.pending) >= PAGE:
                self.flush()
        else:
            self.held[self.n] = result
        self.ok += result.status == "ok"
        self.n += 1

    def extend(self, results: Iterable[Result]) -> None:
        for result in results:
            self.append(result)

    def flush(self) -> None:
        if self.pending:
            db = self._open()
            with db:  # one transaction a page (not one a row)
                db.execute("BEGIN")
                db.executemany("INSERT INTO refs VALUES (?, ?, ?, ?)", self.pending)
            self.pending = []

    def close(self) -> None:
        """Drop the table (its file): the references can no longer be read."""
        if self._finalizer is not None:
            self._finalizer()
        self.db = None

    # -- reading --

    def __len__(self) -> int:
        return self.n

    def _rows(self, start: int, stop: int) -> dict[int, StoredResult]:
        self.flush()
        if self.db is None or start >= stop:
            return {}
        return {pos: StoredResult(id=i, source=s, key=k) for pos, i, s, k in self.db.execute(
            "SELECT pos, id, source, key FROM refs WHERE pos >= ? AND pos < ? ORDER BY pos", (start, stop))}

    def __iter__(self) -> Iterator[Result]:
        for start in range(0, self.n, PAGE):
            stop = min(self.n, start + PAGE)
            rows = self._rows(start, stop) if self.references else {}
            for pos in range(start, stop):
                held = self.held.get(pos)
                yield held if held is not None else rows[pos]

    @overload
    def __getitem__(self, i: int) -> Result: ...

    @overload
    def __getitem__(self, i: slice) -> list[Result]: ...

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.n))]
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError("run results index out of range")
        if i in self.held:
            return self.held[i]
        return self._rows(i, i + 1)[i]

    def stored(self) -> Iterator[StoredResult]:
        """The references alone, in order."""
        for start in range(0, self.n, PAGE):
            yield from self._rows(start, min(self.n, start + PAGE)).values()

    def find(self, ids: Iterable[str]) -> dict[str, Result]:
        """The ok results of ``ids`` (those in the run) by id: the held ones, and the
        references read from the table by id."""
        wanted = set(ids)
        out: dict[str, Result] = {r.document.id: r for r in self.held.values()
                                  if r.status == "ok" and r.document.id in wanted}
        self.flush()
        if self.db is None or not wanted:
            return out
        if not self._by_id:  # made once, when a consumer first looks up by id
            self.db.execute("CREATE INDEX refs_id ON refs(id)")
            self._by_id = True
        rest = sorted(wanted - out.keys())
        for part in range(0, len(rest), CHUNK):
            chunk = rest[part:part + CHUNK]
            for i, s, k in self.db.execute(
                    f"SELECT id, source, key FROM refs WHERE id IN ({','.join('?' * len(chunk))})", chunk):
                out[i] = StoredResult(id=i, source=s, key=k)
        return out

    def held_keys(self, keys: Sequence[str]) -> set[str]:
        """Those of ``keys`` that a reference of the run points to (the cache's prune)."""
        self.flush()
        if self.db is None or not keys:
            return set()
        with contextlib.suppress(sqlite3.OperationalError):  # made once
            self.db.execute("CREATE INDEX IF NOT EXISTS refs_key ON refs(key)")
        out: set[str] = set()
        keys = list(keys)
        for part in range(0, len(keys), CHUNK):
            chunk = keys[part:part + CHUNK]
            out.update(k for (k,) in self.db.execute(
                f"SELECT key FROM refs WHERE key IN ({','.join('?' * len(chunk))})", chunk))
        return out

    def __repr__(self) -> str:
        return f"RunResults({self.n} results, {self.references} references{', file ' + os.fspath(self.path) if self.path else ''})"
