"""The embedded SPARQL store: the run's RDF dataset in a persistent Oxigraph store under ``OUT/store``.

Reads the NetworkX graph (through :func:`pipeline.exporters.rdf.dataset_triples`, one named graph
per document) and keeps ``OUT/store`` in step with it: a document's graph is replaced when
its content changes and removed when the document is gone; graphs that did not change are
not touched.

The store's default graph holds the union of all named graphs as a *set* of triples,
kept in step on every update. Oxigraph's ``union default graph`` option is a multiset: a
triple asserted by 400 documents (a country's label) comes back 400 times, and joins
over such triples grow with the power of the number of documents (measured: a
GROUP BY query over 20 copies of the dev run took 95 s, most of it in duplicate rows).
Querying the default graph costs one copy of each distinct triple on disk instead.

Crash safety: the store is never changed in place. ``OUT/store`` is a symbolic link to a
generation folder ``OUT/.store/<generation>/`` (an Oxigraph/RocksDB database) with its
manifest ``OUT/.store/<generation>.json`` (content hash per graph). An update
clones the current generation with :meth:`pyoxigraph.Store.backup` (hard links, so cheap),
applies the changes to the clone with ``bulk_extend``, flushes, and only then points the
link at it with an atomic ``os.replace``. A run killed half-way leaves the old link, so
readers (``doc2kg query``, ``doc2kg serve``) see the previous store, whole; an update that
fails (disk full) removes its half-written generation, and a killed one's is removed by
the next prune. Pruning keeps the current and the previous generation and any generation a
reader holds a lease on (:mod:`pipeline.store.leases`).

Inside a run, the exporter writes into the run's generation folder
(:mod:`pipeline.runtime.output_folder`): the databases stay in ``OUT/.store``, the
generation folder gets the ``store`` link and ``store.json``, and the runner switches
``OUT/store`` with the rest of the outputs, then prunes (:func:`prune_generations`).

``OUT/store.json`` sums up the current generation (graphs, quads); it is the file the
exporter returns, so the run's report and cache see a file, not a folder.

An incremental run that knows which documents' graphs may have changed (the touched
documents, :mod:`pipeline.store.touched`) updates them :data:`TOUCHED_CHUNK` documents at a
time (:func:`update_store_chunks`): a chunk's graphs are built, hashed against the old
manifest and the changed ones written to the new generation, then dropped, so the update
holds one chunk's quads however many documents a changed entity names; of the manifest it
reads the touched graphs' lines and writes the new one line by line (:class:`ManifestPart`).

Usage::

    update_store(dataset_quads(G), Path("outputs"))   # -> Path("outputs/store.json")
    write(G, Path("outputs"))                      # the exporter: [Path("outputs/store.json")]
    store = open_store(Path("outputs"))            # read-only pyoxigraph.Store
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from json.encoder import encode_basestring
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from pipeline.runtime.atomic import atomic_write, write_text
from pipeline.runtime.output_folder import home_of
from pipeline.store.leases import try_prune

STORE_LINK = "store"
SUMMARY = "store.json"
MANIFEST_FORMAT = 2  # 2: the default graph is the set union of the named graphs
GENERATIONS = ".store"
# Statements no document asserts (the exporter's default graph) live in this named graph.
NO_DOCUMENT_GRAPH = "https://doc2kg.org/graph/"
# Quads loaded into the store per bulk_extend call (memory is bounded by this batch, not the corpus).
LOAD_BATCH = 50_000
# Documents whose named graphs an incremental update builds, hashes and loads at a time: the
# update holds one chunk's quads, not those of every document a changed entity names (a
# country's new alias: most of the archive).
TOUCHED_CHUNK = 200


class StoreNotFound(FileNotFoundError):
    pass


def store_path(out_dir: Path) -> Path:
    return Path(out_dir) / STORE_LINK


def open_store(out_dir: Path) -> ox.Store:
    """The current store of ``out_dir``, read-only (safe while another process reads it too)."""
    path = store_path(out_dir)
    if not path.exists():
        raise StoreNotFound(f"no SPARQL store at {path} (run `doc2kg run ... --out {out_dir}` first)")
    return ox.Store.read_only(str(path.resolve()))


def group_by_graph(quads: Iterable[ox.Quad]) -> dict[str, list[ox.Quad]]:
    """Quads per graph IRI; the exporter's default-graph quads go to :data:`NO_DOCUMENT_GRAPH`."""
    graphs: dict[str, list[ox.Quad]] = defaultdict(list)
    for q in quads:
        if isinstance(q.graph_name, ox.DefaultGraph):
            graphs[NO_DOCUMENT_GRAPH].append(ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode(NO_DOCUMENT_GRAPH)))
        else:
            graphs[q.graph_name.value].append(q)
    return dict(graphs)


def content_hash(quads: list[ox.Quad]) -> str:
    # Our IRIs are derived from ids (no blank nodes), so sorted triples are canonical.
    h = hashlib.sha256()
    for line in sorted(str(q.triple) for q in quads):
        h.update(line.encode("utf-8"))
        h.update(b"\n")
    return h.hexdigest()


def current_generation(out_dir: Path) -> Path | None:
    link = store_path(out_dir)
    if link.is_symlink() and link.resolve().is_dir():
        return link.resolve()
    return None


def read_manifest(generation: Path | None) -> dict[str, str]:
    if generation is None:
        return {}
    try:
        manifest = json.loads(generation.with_suffix(".json").read_text(encoding="utf-8"))
        return manifest["graphs"] if manifest.get("format") == MANIFEST_FORMAT else {}
    except (OSError, ValueError, KeyError):
        return {}


def _manifest_lines(generation: Path) -> Iterator[tuple[str, str]]:
    """The graphs of ``generation``'s manifest as :func:`_write_manifest` writes it (one
    graph a line, in key order), read a line at a time; ValueError when the file is not in
    that layout (then :func:`read_manifest` reads it whole)."""
    with generation.with_suffix(".json").open(encoding="utf-8") as fh:
        if fh.readline() != "{\n" or fh.readline() != f' "format": {MANIFEST_FORMAT},\n':
            raise ValueError("not a manifest in lines")
        opening = fh.readline()
        if opening == ' "graphs": {},\n':
            return
        if opening != ' "graphs": {\n':
            raise ValueError("not a manifest in lines")
        for line in fh:
            if line == " },\n":
                return
            body = line.strip().removesuffix(",")
            key, sep, digest = body[1:-1].partition('": "')
            if "\\" in body or not sep or '"' in key or '"' in digest:  # escapes: read as JSON
                entry = json.loads("{" + body + "}")
                if len(entry) != 1:
                    raise ValueError("not a manifest in lines")
                key, digest = entry.popitem()
            yield key, digest
        raise ValueError("a manifest cut short")


class ManifestPart:
    """What an update of some graphs reads of the current generation's manifest: the hashes
    of those graphs and how many graphs there are, read a line at a time (the whole manifest
    is an archive's size: ~240 bytes a document), and the new manifest written from the old
    one and the changes, a line at a time as well."""

    def __init__(self, generation: Path, keys: set[str]) -> None:
        self.generation = generation
        self.whole: dict[str, str] | None = None  # a manifest in another layout: read whole
        self.known: dict[str, str] = {}
        self.count = 0
        try:
            for key, digest in _manifest_lines(generation):
                self.count += 1
                if key in keys:
                    self.known[key] = digest
        except (OSError, ValueError):
            self.whole = read_manifest(generation)
            self.known = {key: self.whole[key] for key in keys if key in self.whole}
            self.count = len(self.whole)
        self.changes: dict[str, str | None] = {}  # new hash, or None: the graph is gone

    def get(self, key: str) -> str | None:
        return self.changes[key] if key in self.changes else self.known.get(key)

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None

    def __len__(self) -> int:
        return self.count

    def set(self, key: str, digest: str | None) -> None:
        self.count += (digest is not None) - (key in self)
        self.changes[key] = digest

    def write(self, generation: Path, quads: int) -> None:
        """The manifest of ``generation``: the old one with the changes."""
        if self.whole is not None:
            graphs = self.whole
            for key, digest in self.changes.items():
                if digest is None:
                    graphs.pop(key, None)
                else:
                    graphs[key] = digest
            _write_manifest(generation, graphs, quads)
            return
        # the text _write_manifest writes, a graph at a time from the old file and the changes
        text = encode_basestring  # what JSONEncoder(ensure_ascii=False) writes for a string
        with atomic_write(generation.with_suffix(".json")) as fh:
            fh.write(f'{{\n "format": {MANIFEST_FORMAT},\n "graphs": {{')
            lines = 0
            for key, digest in self._merged():
                fh.write(("\n  " if not lines else ",\n  ") + text(key) + ": " + text(digest))
                lines += 1
            fh.write(f'\n }},\n "quads": {quads}\n}}\n' if lines else f'}},\n "quads": {quads}\n}}\n')

    def _merged(self) -> Iterator[tuple[str, str]]:
        added = iter(sorted((key, digest) for key, digest in self.changes.items() if key not in self.known))
        pending = next(added, None)
        for key, digest in _manifest_lines(self.generation):
            while pending is not None and pending[0] < key:
                if pending[1] is not None:
                    yield pending
                pending = next(added, None)
            digest = self.changes[key] if key in self.changes else digest
            if digest is not None:
                yield key, digest
        while pending is not None:
            if pending[1] is not None:
                yield pending
            pending = next(added, None)


def _swap_link(out_dir: Path, generation: Path) -> None:
    link = store_path(out_dir)
    if link.exists() and not link.is_symlink():  # a plain folder from elsewhere: keep it aside
        link.rename(link.with_name(f"{STORE_LINK}.old-{int(time.time())}"))
    tmp = link.with_name(f".{STORE_LINK}.{uuid.uuid4().hex}.link")
    os.symlink(os.path.relpath(generation, link.parent), tmp)
    os.replace(tmp, link)
    with contextlib.suppress(OSError):  # make the rename durable
        fd = os.open(link.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def prune_generations(out_dir: Path, keep: set[Path]) -> list[Path]:
    """Remove the store generations of ``out_dir`` not in ``keep`` and not held by a reader
    (their lease); returns the generations kept because a reader holds them."""
    root = Path(out_dir) / GENERATIONS
    held = []
    keep = {k.resolve() for k in keep if k is not None}
    entries = sorted(root.iterdir()) if root.is_dir() else []
    for entry in entries:
        if entry.is_dir() and not entry.is_symlink() and entry.resolve() not in keep:
            if not try_prune(entry):
                held.append(entry)
    for entry in entries:  # a manifest goes with its generation
        if entry.suffix == ".json" and not entry.with_suffix("").exists():
            entry.unlink(missing_ok=True)
    return held


def update_store(quads: Iterable[ox.Quad], out_dir: Path) -> Path:
    """Bring ``OUT/store`` in step with ``quads`` (see the module docstring); return ``OUT/store.json``."""
    graphs = group_by_graph(quads)
    return update_store_graphs(lambda: graphs.items(), out_dir)


def update_store_graphs(graphs: Callable[[], Iterable[tuple[str, list[ox.Quad]]]], out_dir: Path) -> Path:
    """:func:`update_store` from ``graphs()``, which yields ``(graph IRI, its quads)`` one graph
    at a time (and may be called twice: once to compare hashes, once to load what changed), so
    the whole dataset is never in memory at once.

    ``out_dir`` is an output folder, or a run's generation folder inside one: the databases
    live in the output folder's ``.store`` either way; only a plain output folder is pruned
    here (a run prunes after its switch)."""
    out_dir = Path(out_dir)
    home = home_of(out_dir)
    previous = current_generation(home)
    old = read_manifest(previous)
    wanted: dict[str, str] | None = None
    if previous is not None and old:
        wanted, total = {}, 0
        for key, qs in graphs():
            wanted[key] = content_hash(qs)
            total += len(qs)
        if old == wanted:  # nothing changed
            if out_dir != home:
                _swap_link(out_dir, previous)
            return _write_summary(out_dir, previous, len(wanted), total)

    generation, (wanted, total) = _switch_to_new_generation(
        out_dir, home, previous, lambda generation: _build(generation, graphs, previous, old, wanted))
    return _write_summary(out_dir, generation, len(wanted), total)


def _build(generation: Path, graphs: Callable[[], Iterable[tuple[str, list[ox.Quad]]]], previous: Path | None,
           old: dict[str, str], wanted: dict[str, str] | None) -> tuple[dict[str, str], int]:
    """Write the new generation (a clone of ``previous`` with the changed graphs when
    ``wanted`` is known, else everything) and its manifest; returns its graph hashes and
    quad count."""
    if wanted is not None:
        ox.Store.read_only(str(previous)).backup(str(generation))
        store = ox.Store(str(generation))
        changed = {key for key, digest in wanted.items() if old.get(key) != digest}
        dropped = [key for key in old if key not in wanted or key in changed]
    else:
        store = ox.Store(str(generation))
        changed, dropped = None, []
    hashes: dict[str, str] = {}
    total = 0

    def wanted_graphs() -> Iterator[list[ox.Quad]]:
        nonlocal total
        for key, qs in graphs():
            total += len(qs)
            if changed is None:
                hashes[key] = content_hash(qs)
            elif key not in changed:
                continue
            yield qs

    _replace_graphs(store, dropped, wanted_graphs())
    store.flush()
    del store  # close RocksDB before readers open it
    wanted = hashes if wanted is None else wanted
    _write_manifest(generation, wanted, total)
    return wanted, total


def _replace_graphs(store: ox.Store, dropped: Iterable[str], graphs: Iterable[list[ox.Quad]]) -> int:
    """Remove the named graphs ``dropped`` from ``store`` and load ``graphs`` (each a graph's
    quads), keeping the default graph the set union of the named graphs; returns how many
    quads were removed."""
    removed: set[ox.Triple] = set()
    count = 0
    for key in dropped:
        for q in store.quads_for_pattern(None, None, None, ox.NamedNode(key)):
            removed.add(q.triple)
            count += 1
        store.remove_graph(ox.NamedNode(key))
    pending: list[ox.Quad] = []

    def load() -> None:  # one bulk load per batch of graphs: each call has a fixed cost
        store.bulk_extend(pending)
        # The set union, each distinct triple of the batch once (a country's label is in many graphs).
        store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object) for t in dict.fromkeys(q.triple for q in pending))
        pending.clear()

    for qs in graphs:
        pending.extend(qs)
        if len(pending) >= LOAD_BATCH:
            load()
    if pending:
        load()
    for t in removed:  # a triple leaves the default graph when no named graph holds it any more
        if not any(not isinstance(q.graph_name, ox.DefaultGraph)
                   for q in store.quads_for_pattern(t.subject, t.predicate, t.object, None)):
            store.remove(ox.Quad(t.subject, t.predicate, t.object))
    return count


def _write_manifest(generation: Path, graphs: dict[str, str], quads: int) -> None:
    # written as it is encoded (sorted keys: "format", "graphs", "quads", and the graphs in
    # order): no sorted copy of the manifest nor its whole text in memory (an archive's size)
    manifest = {"format": MANIFEST_FORMAT, "graphs": graphs, "quads": quads}
    with atomic_write(generation.with_suffix(".json")) as fh:
        for chunk in json.JSONEncoder(ensure_ascii=False, indent=1, sort_keys=True).iterencode(manifest):
            fh.write(chunk)
        fh.write("\n")


def _write_summary(out_dir: Path, generation: Path, graphs: int, quads: int) -> Path:
    summary = {"store": STORE_LINK, "engine": f"oxigraph {ox.__version__}", "generation": generation.name,
               "graphs": graphs, "quads": quads}
    return write_text(Path(out_dir) / SUMMARY, json.dumps(summary, indent=1) + "\n")


def dataset_quads(G: nx.MultiDiGraph) -> list[ox.Quad]:
    """The RDF exporter's dataset as Oxigraph quads (through its N-Quads text, Oxigraph's fast parser)."""
    return [q for _, qs in dataset_graphs(G) for q in qs]


def dataset_graphs(G: nx.MultiDiGraph, only: set[str] | None = None) -> Iterator[tuple[str, list[ox.Quad]]]:
    """The RDF exporter's dataset one graph at a time, as ``(graph IRI, Oxigraph quads)``; the
    exporter's default graph as :data:`NO_DOCUMENT_GRAPH`; ``only``: the named graphs of
    these documents alone."""
    from pipeline.exporters.rdf import dataset_triples
    from pipeline.exporters.rdf_text import NTerms, graph_lines

    text = NTerms(lines=False)
    for graph, triples in sorted(dataset_triples(G, only).items(), key=lambda item: str(item[0] or "")):
        data = "\n".join(graph_lines({graph: triples}, text)).encode("utf-8", "replace")
        quads = ox.parse(data, ox.RdfFormat.N_QUADS)
        if graph is None:
            yield NO_DOCUMENT_GRAPH, [ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode(NO_DOCUMENT_GRAPH))
                                      for q in quads]
        else:
            yield str(graph), list(quads)


def document_graphs(G: nx.MultiDiGraph, documents: set[str]) -> Iterator[tuple[str, list[ox.Quad]]]:
    """:func:`dataset_graphs` for the named graphs of ``documents`` only (and the graph of
    statements without a document), built from the part of ``G`` that reaches them: the
    entities they name and the relations read in them."""
    return DocumentGraphs(G, documents).graphs(documents)


class DocumentGraphs:
    """The named graphs of some of ``documents`` at a time, from ``G``: which entities and
    relations reach each of them is found once (one pass over ``G``), so that building
    them chunk by chunk does not go over the whole graph for each chunk."""

    def __init__(self, G: nx.MultiDiGraph, documents: set[str]) -> None:
        self.G = G
        self.present = set(G.graph.get("documents", {}))
        self.nodes: dict[str, list] = defaultdict(list)
        self.edges: dict[str, list] = defaultdict(list)
        self.loose: list = []  # relations without a document (the default graph's)
        for node, data in G.nodes(data=True):
            if data.get("kind") == "entity":
                for d in set(data.get("documents") or ()) & documents:
                    self.nodes[d].append(node)
        for edge in G.edges(keys=True, data=True):
            if not edge[3].get("documents"):
                self.loose.append(edge)
            else:
                for d in set(edge[3]["documents"]) & documents:
                    self.edges[d].append(edge)

    def graphs(self, documents: set[str], first: bool = True) -> Iterator[tuple[str, list[ox.Quad]]]:
        """``(graph IRI, quads)`` of the named graphs of ``documents`` (those of ``G``), and,
        when ``first``, the graph of statements without a document."""
        from pipeline.exporters.rdf import graph_iri

        G = self.G
        keep = {n for d in documents for n in self.nodes.get(d, ())}
        edges = {(h, t, k): data for d in sorted(documents) for h, t, k, data in self.edges.get(d, ())}
        if first:
            edges.update(((h, t, k), data) for h, t, k, data in self.loose)
        for h, t, _ in edges:
            keep.update((h, t))
        sub = nx.MultiDiGraph()
        sub.add_nodes_from((n, G.nodes[n]) for n in keep)
        sub.add_edges_from((h, t, k, data) for (h, t, k), data in edges.items())
        named = {d for n in keep for d in (G.nodes[n].get("documents") or ())} | documents
        sub.graph["documents"] = {d: G.graph["documents"][d] for d in named if d in self.present}
        wanted = {str(graph_iri(d)) for d in documents} | ({NO_DOCUMENT_GRAPH} if first else set())
        for key, quads in dataset_graphs(sub, documents):
            if key in wanted:
                yield key, quads


def update_store_documents(G: nx.MultiDiGraph, out_dir: Path, documents: set[str], chunk: int | None = None) -> Path:
    """Bring ``OUT/store`` in step with ``G`` where only the named graphs of ``documents`` may
    have changed (an incremental run's touched documents; those no longer in ``G`` are
    removed): the other graphs are neither rebuilt nor compared, and the touched ones are
    built and loaded ``chunk`` documents at a time (:func:`update_store_chunks`). Falls back
    to :func:`update_store_graphs` when there is no store yet."""
    parts = DocumentGraphs(G, documents)

    def part(docs: set[str], first: bool) -> tuple[set[str], Iterable[tuple[str, list[ox.Quad]]]]:
        present = docs & parts.present
        return present, parts.graphs(present, first)

    return update_store_chunks(out_dir, documents, part, chunk, whole=lambda: dataset_graphs(G))


def update_store_chunks(out_dir: Path, documents: set[str],
                        part: Callable[[set[str], bool], tuple[set[str], Iterable[tuple[str, list[ox.Quad]]]]],
                        chunk: int | None = None,
                        whole: Callable[[], Iterable[tuple[str, list[ox.Quad]]]] | None = None) -> Path | None:
    """Bring ``OUT/store`` in step where only the named graphs of ``documents`` may have
    changed, ``chunk`` documents at a time (default :data:`TOUCHED_CHUNK`): ``part(docs,
    first)`` gives which of ``docs`` are still documents of the dataset and ``(graph IRI,
    quads)`` of their named graphs (and, when ``first``, the graph of statements without a
    document). Each chunk's graphs are hashed, those that changed written to the new
    generation (a clone of the current one, made at the first change), then dropped: the
    update holds one chunk's quads, whatever the number of documents. The store equals the
    one a single chunk gives. With no store yet: :func:`update_store_graphs` over
    ``whole()``, or None without ``whole``."""
    from pipeline.exporters.rdf import graph_iri

    out_dir = Path(out_dir)
    home = home_of(out_dir)
    previous = current_generation(home)
    summary = _read_summary(previous)
    ordered = sorted(documents)
    # the old hashes of the touched graphs alone, not the whole manifest (an archive's size)
    manifest = None if previous is None else ManifestPart(
        previous, {str(graph_iri(d)) for d in ordered} | {NO_DOCUMENT_GRAPH})
    if manifest is None or not len(manifest) or summary is None:
        return None if whole is None else update_store_graphs(whole, out_dir)
    size = max(1, chunk or TOUCHED_CHUNK)
    chunks = [ordered[i:i + size] for i in range(0, len(ordered), size)] or [[]]
    root = home / GENERATIONS
    generation = root / f"{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
    held: list[ox.Store] = []  # the new generation's store, once a graph changed
    total = summary

    def store() -> ox.Store:
        if not held:
            root.mkdir(parents=True, exist_ok=True)
            ox.Store.read_only(str(previous)).backup(str(generation))
            held.append(ox.Store(str(generation)))
        return held[0]

    try:
        gone: list[str] = []  # the graphs that leave (removed documents; the no-document graph)
        for n, docs in enumerate(chunks):
            present, built = part(set(docs), n == 0)
            graphs = dict(built)
            if n == 0 and NO_DOCUMENT_GRAPH in manifest and NO_DOCUMENT_GRAPH not in graphs:
                gone.append(NO_DOCUMENT_GRAPH)
            gone.extend(key for key in (str(graph_iri(d)) for d in docs if d not in present) if key in manifest)
            hashes = {key: content_hash(qs) for key, qs in graphs.items()}
            changed = sorted(key for key, digest in hashes.items() if manifest.get(key) != digest)
            if changed:
                total -= _replace_graphs(store(), [key for key in changed if key in manifest],
                                         (graphs[key] for key in changed))
                total += sum(len(graphs[key]) for key in changed)
                for key in changed:
                    manifest.set(key, hashes[key])
            del graphs, built
        if gone:
            total -= _replace_graphs(store(), sorted(gone), [])
            for key in gone:
                manifest.set(key, None)
        if not held:  # nothing changed
            if out_dir != home:
                _swap_link(out_dir, previous)
            return _write_summary(out_dir, previous, len(manifest), summary)
        held[0].flush()
        held.clear()  # close RocksDB before readers open it
        manifest.write(generation, total)
    except BaseException:  # disk full, interrupted: no half-written generation left
        held.clear()
        _discard_generation(generation)
        raise
    _publish_generation(out_dir, home, generation, previous)
    return _write_summary(out_dir, generation, len(manifest), total)


def _switch_to_new_generation(out_dir: Path, home: Path, previous: Path | None, build):
    """``build(generation)`` into a new generation folder, then ``OUT/store`` pointed at it
    (and the old generations pruned when ``out_dir`` is the store's home): ``(generation,
    what build returned)``. A build that fails leaves no half-written generation behind."""
    root = home / GENERATIONS
    root.mkdir(parents=True, exist_ok=True)
    generation = root / f"{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
    try:
        built = build(generation)
    except BaseException:  # disk full, interrupted
        _discard_generation(generation)
        raise
    _publish_generation(out_dir, home, generation, previous)
    return generation, built


def _discard_generation(generation: Path) -> None:
    """Remove a generation folder and its manifest (a build that failed half-way)."""
    shutil.rmtree(generation, ignore_errors=True)
    generation.with_suffix(".json").unlink(missing_ok=True)


def _publish_generation(out_dir: Path, home: Path, generation: Path, previous: Path | None) -> None:
    """Point ``OUT/store`` at ``generation``; prune the older ones when ``out_dir`` is the home."""
    _swap_link(out_dir, generation)
    if out_dir == home:
        prune_generations(home, {generation, previous})


def _read_summary(generation: Path | None) -> int | None:
    """The quads of ``generation`` as its manifest's summary gave them (``quads`` in the manifest)."""
    if generation is None:
        return None
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
        return int(json.loads(generation.with_suffix(".json").read_text(encoding="utf-8"))["quads"])
    return None


def write(G: nx.MultiDiGraph, out_dir: Path) -> list[Path]:
    """Exporter ``store``: load the run's dataset into ``OUT/store``, a graph at a time."""
    return [update_store_graphs(lambda: dataset_graphs(G), out_dir)]
