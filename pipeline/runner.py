"""The pipeline object: ingest -> language and NLP -> entities -> relations, per document;
then resolution -> graph -> exporters over the whole run.

Light to construct; models load on first use of a language (or in :meth:`Pipeline.warm_up`).

:meth:`Pipeline.run` streams: documents are read, processed and cached a batch at a time
(``nlp.pipe`` per language within a batch), on one of the engines of
:mod:`pipeline.runtime.parallel` (``jobs`` worker processes, or a Dask cluster); results
come back in input order, so the output does not depend on the engine. With ``cache=True``
results are kept under ``OUT/.cache`` (:mod:`pipeline.runtime.cache`) and an unchanged
document is not processed again, nor read: the run keeps a
:class:`~pipeline.model.StoredResult` reference to its entry as a row of a table beside the
cache (:class:`~pipeline.runtime.run_results.RunResults`, read in order a page at a time). Resolution, the graph and the
exports run here. A run that writes the whole-archive files holds every result and the
whole graph. An incremental run that writes the store only (``exports="none"``, or
``"auto"`` above :data:`AUTO_EXPORT_LIMIT`) and processed few documents (at most
:data:`STORE_ONLY_MAX_DOCUMENTS`, or :data:`STORE_ONLY_MAX_SHARE` of the archive) holds the
new and changed documents' results, resolves their closure through the resolution index,
merges again the relations of the entities they touch and builds the named graphs of the
documents they touch (:meth:`Pipeline.finish_store_only`): its memory grows with the change
and its closure, not with the rest of the archive. A run holds the lock of its output
folder and writes all its files as one generation, switched in at once
(:mod:`pipeline.runtime.output_folder`).

Usage::

    from pipeline.runner import Pipeline
    summary = Pipeline().run(["seeds/"], Path("outputs"))
    summary.exit_code   # 0 when every document was processed
    Pipeline(jobs=2).run(["archive/"], Path("out"))             # two worker processes
    Pipeline(engine="dask", scheduler="tcp://host:8786").run(["archive/"], Path("out"))
"""
from __future__ import annotations

import itertools
import json
import sqlite3
import time
import traceback
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import __version__
from pipeline.entities.recognize import nested_mentions, outlet_mentions, recognize_entities
from pipeline.exporters import DEFAULT as DEFAULT_EXPORTERS
from pipeline.graph.build import build_graph, document_record
from pipeline.ingest.read import Source, UniqueIds, discover, read_source
from pipeline.language.detect import detect_language, language_warning
from pipeline.language.metadata import read_metadata
from pipeline.learned.classifier import learned_relations
from pipeline.learned.event_frames import frame_relations
from pipeline.learned.event_spans import event_mentions
from pipeline.model import Document, DocumentResult, Entity, Relation, StoredResult
from pipeline.nlp import get_nlp
from pipeline.relations.extract import extract_relations
from pipeline.resolution.incremental import (anchored_documents, document_langs, entity_and_relation_counts, graph_part,
                                             index_state,
                                             resolve_incremental)
from pipeline.resolution.resolve import resolve_entities
from pipeline.runtime.atomic import atomic_write
from pipeline.runtime.cache import ResultCache, document_key, pipeline_fingerprint
from pipeline.runtime.output_folder import (OutputWriteError, RunLock, carry_over, discard, home_of, new_generation,
                                            publish)
from pipeline.runtime.output_folder import current as current_outputs
from pipeline.runtime.output_folder import prune as prune_outputs
from pipeline.runtime.parallel import make_engine, run_exporters
from pipeline.runtime.run_results import RunResults, read_whole, remove_stale
from pipeline.store.oxigraph_store import STORE_LINK, DocumentGraphs, update_store_chunks, update_store_documents
from pipeline.store.oxigraph_store import current_generation as current_store
from pipeline.store.oxigraph_store import prune_generations as prune_store
from pipeline.store.touched import StoreState

# Documents per batch: the unit of nlp.pipe, of work sent to a worker and of streaming.
BATCH_SIZE = 64
# A batch also closes after this many ready items (cache hits, unreadable files).
MAX_READY_PER_BATCH = 4096
# Input files whose first document's language is read before a large run's workers start
# (:func:`sampled_languages`): their pipelines are loaded once, in the main process, when the
# workers are forked from it.
LANGUAGE_SAMPLE = 16
# Where report.json's documents go while the rest of it is written (see Pipeline.write_report).
_DOCUMENTS = "\x00documents\x00"
# ``exports="auto"``: the whole-archive files (graph.json, the RDF files, the page...) up to
# this many documents, above it the store only. At 1,500 documents the exports take three
# quarters of a re-run's time and graph.nq alone is 44 MB; past ~2,000 documents the page's
# network of thousands of nodes is no longer readable in a browser, and the store (queried
# with ``doc2kg query`` / ``doc2kg serve``) is the way in.
AUTO_EXPORT_LIMIT = 2000
EXPORTS = ("all", "none", "auto")
# A store-only incremental run builds only what its change touches (Pipeline.finish_store_only)
# when it processed at most this many documents or this share of the archive; a larger change
# (a first run over a grown archive) is resolved and built whole: at 7,000 new documents
# over 3,000 the touched-only path peaked at 4.1 GB (benchmarks/README.md).
STORE_ONLY_MAX_DOCUMENTS = 256
STORE_ONLY_MAX_SHARE = 0.25
# The resolution index of an output folder (:mod:`pipeline.resolution.incremental`).
RESOLUTION_INDEX = Path(".index") / "resolution.sqlite"
# Beside it: the signatures of the store's graphs (:mod:`pipeline.store.touched`).
STORE_STATE = "store-state.sqlite"


@dataclass
class RunSummary:
    out_dir: Path
    # a document not processed again may stay on disk (a StoredResult: Pipeline.result reads
    # it); a run's results are a RunResults (its references kept in SQLite, read in order)
    results: Sequence[DocumentResult | StoredResult] = field(default_factory=list)
    # all of them, unless the run did not hold them (a store-only incremental run): then
    # only ``counts``, entities and relations by type
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    counts: dict[str, dict[str, int]] | None = None
    files: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    cached: int = 0
    # the ids of the hits read whole; a StoredResult in ``results`` is a hit as well (not listed
    # here: an archive's ids)
    cached_ids: set[str] = field(default_factory=set)
    # how resolution ran: full or incremental, documents resolved again (the index's stats)
    resolution: dict = field(default_factory=dict)

    @property
    def failed(self) -> list[DocumentResult]:
        return [r for r in read_whole(self.results) if r.status == "failed"]

    def entity_types(self) -> dict[str, int]:
        if self.counts is not None:
            return dict(self.counts["entities"])
        return dict(sorted(Counter(e.type for e in self.entities).items()))

    def relation_types(self) -> dict[str, int]:
        if self.counts is not None:
            return dict(self.counts["relations"])
        return dict(sorted(Counter(x.type for x in self.relations).items()))

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


def _failed(document: Document, exc: Exception, timings: dict[str, float]) -> DocumentResult:
    detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
    return DocumentResult(document=document, status="failed", error=f"processing failed: {detail}",
                          timings={k: round(v, 4) for k, v in timings.items()})


def failed_result(doc_id: str, source: str, error: str, status: str = "failed") -> DocumentResult:
    return DocumentResult(document=Document(id=doc_id, text="", source=source), status=status, error=error)


class Pipeline:
    """Composes the stages; each stage is a module with one job (see the package docstrings)."""

    def __init__(self, exporters: Iterable[str] = DEFAULT_EXPORTERS, *, jobs: int = 1, engine: str = "local",
                 scheduler: str | None = None, cache: bool = True, batch_size: int = BATCH_SIZE,
                 learned: bool = True, exports: str = "all") -> None:
        if exports not in EXPORTS:
            raise ValueError(f"unknown exports {exports!r} (choose from {', '.join(EXPORTS)})")
        self.exporters = tuple(exporters)
        # which whole-archive files a run writes: all ``exporters``, none (the store only), or
        # auto (all up to AUTO_EXPORT_LIMIT documents, else the store only)
        self.exports = exports
        # The trained layer over the rules (pipeline.learned); off for the rules-only ablation.
        self.learned = learned
        self.jobs = jobs
        self.engine = engine
        self.scheduler = scheduler
        self.cache = cache
        self.batch_size = batch_size

    def active_exporters(self, documents: int) -> tuple[str, ...]:
        """The exporters a run of ``documents`` documents runs: the store always."""
        if self.exports == "all" or (self.exports == "auto" and documents <= AUTO_EXPORT_LIMIT):
            return self.exporters
        return ("store",)

    def warm_up(self, langs: Iterable[str] = ("ar", "fr", "en")) -> None:
        for lang in langs:
            get_nlp(lang)

    def process(self, document: Document) -> DocumentResult:
        """Run the per-document stages; an exception becomes a failed result, never a crash."""
        timings: dict[str, float] = {}
        try:
            t0 = time.perf_counter()
            lang, prob = detect_language(document.text)
            document.lang, document.lang_scores = lang, {lang: prob}
            t1 = time.perf_counter()
            doc = get_nlp(lang)(document.text)
            timings = {"language": t1 - t0, "nlp": time.perf_counter() - t1}
        except Exception as exc:  # a bad document must not abort the run
            return _failed(document, exc, timings)
        return self._analyse(doc, DocumentResult(document=document, timings=timings))

    def process_batch(self, documents: list[Document]) -> list[DocumentResult]:
        """The per-document stages over a batch: one ``nlp.pipe`` per language, results in order."""
        results: list[DocumentResult | None] = [None] * len(documents)
        by_lang: dict[str, list[int]] = {}
        for i, document in enumerate(documents):
            try:
                t0 = time.perf_counter()
                lang, prob = detect_language(document.text)
                document.lang, document.lang_scores = lang, {lang: prob}
                by_lang.setdefault(lang, []).append(i)
                results[i] = DocumentResult(document=document, timings={"language": time.perf_counter() - t0})
            except Exception:
                results[i] = self.process(document)
        for lang, indices in by_lang.items():
            try:
                t0 = time.perf_counter()
                docs = list(get_nlp(lang).pipe([documents[i].text for i in indices], batch_size=self.batch_size))
                per_char = (time.perf_counter() - t0) / max(1, sum(len(documents[i].text) for i in indices))
            except Exception:  # one bad text must not fail the batch: redo these one by one
                for i in indices:
                    results[i] = self.process(documents[i])
                continue
            for i, doc in zip(indices, docs):
                result = results[i]
                assert result is not None
                result.timings["nlp"] = per_char * len(documents[i].text)
                results[i] = self._analyse(doc, result)
        return [r for r in results if r is not None]

    def _analyse(self, doc, result: DocumentResult) -> DocumentResult:
        """Entities and relations of one parsed document."""
        timings = result.timings
        try:
            t2 = time.perf_counter()
            metadata_warnings = read_metadata(result.document)
            mentions = recognize_entities(doc, result.document)
            if self.learned:
                mentions = sorted(mentions + event_mentions(doc, result.document, mentions), key=lambda m: m.start)
            t3 = time.perf_counter()
            doubt = language_warning(result.document.text, result.document.lang or "und")
            warnings = metadata_warnings + ([doubt] if doubt else [])
            rule_errors: list[str] = []  # a relation rule that failed; the others still ran
            relations = extract_relations(doc, result.document, mentions, errors=rule_errors)
            if self.learned:
                stated = list(relations)  # both models read what the rules said, not each other
                relations += learned_relations(doc, result.document, mentions, stated)
                relations += frame_relations(doc, result.document, mentions, stated)
            # names no relation rule reads: organizations inside other names, the dateline's outlet
            mentions = mentions + nested_mentions(result.document, mentions)
            mentions = sorted(mentions + outlet_mentions(result.document, mentions), key=lambda m: m.start)
            t4 = time.perf_counter()
            timings.update({"entities": t3 - t2, "relations": t4 - t3})
            return DocumentResult(document=result.document, mentions=mentions, relations=relations,
                                  timings={k: round(v, 4) for k, v in timings.items()}, tokens=len(doc),
                                  warnings=warnings + rule_errors)
        except Exception as exc:  # a bad document must not abort the run
            return _failed(result.document, exc, timings)

    def read(self, sources: Iterable[Source], renamed: dict[str, str] | None = None
             ) -> Iterator[Document | DocumentResult]:
        """Documents (ids made unique, ``renamed`` told why) and failed results, in input order."""
        ids = UniqueIds()
        for source in sources:
            for item in read_source(source):
                if isinstance(item, Document):
                    warning = ids.claim(item)
                    if warning is not None and renamed is not None:
                        renamed[item.id] = warning
                    yield item
                else:
                    doc_id, exc = item
                    status = "skipped" if str(exc).startswith("empty document") else "failed"
                    yield failed_result(doc_id, str(source.path), str(exc), status)

    def _batches(self, items: Iterable[Document | DocumentResult], cache: ResultCache | None
                 ) -> Iterator[tuple[list[Document | DocumentResult], list[Document]]]:
        """``(slots, todo)``: the next items in order (ready results or documents) and the documents to process."""
        slots: list[Document | DocumentResult] = []
        todo: list[Document] = []
        for item in items:
            if isinstance(item, Document) and cache is not None:
                item = cache.peek(item) or item
            slots.append(item)
            if isinstance(item, Document):
                todo.append(item)
            if len(todo) >= self.batch_size or len(slots) >= MAX_READY_PER_BATCH:
                yield slots, todo
                slots, todo = [], []
        if slots:
            yield slots, todo

    def iter_results(self, sources: list[Source], cache: ResultCache | None = None
                     ) -> Iterator[DocumentResult | StoredResult]:
        """Results of ``sources`` in input order, a batch at a time, on this pipeline's engine
        (a cached one as a :class:`~pipeline.model.StoredResult`, left on disk); a document
        whose id was taken carries the warning (not cached: it depends on the others)."""
        renamed: dict[str, str] = {}
        for result in self._results(self.read(sources, renamed), cache, sources):
            if renamed and result.document.id in renamed:
                if isinstance(result, StoredResult):
                    assert cache is not None
                    cache.used.add(result.key)  # read whole: no longer a reference (prune, the report)
                    cache.hit_ids.add(result.id)
                    result = cache.load(result)
                result.warnings = [renamed[result.document.id], *result.warnings]
            yield result

    def _results(self, items: Iterable[Document | DocumentResult], cache: ResultCache | None,
                 sources: Sequence[Source] = ()) -> Iterator[DocumentResult | StoredResult]:
        batches = self._batches(items, cache)
        # Batches with nothing to process (cached, unreadable) go out at once: no engine is
        # started before there is work for it, none at all on an unchanged corpus.
        for first in batches:
            if first[1]:
                break
            yield from first[0]  # type: ignore[misc]
        else:
            return
        remote = self.jobs > 1 or self.engine != "local"
        langs: list[str] | tuple[()] = ()
        if remote:  # the pipelines loaded before the workers start (forked workers share them)
            found = {detect_language(d.text)[0] for d in first[1]}
            if len(first[1]) >= self.batch_size:  # a large run, not a few changed documents
                found |= sampled_languages(sources)
            langs = sorted(found)
        queue: deque[list[Document | DocumentResult]] = deque()

        def todo() -> Iterator[list[Document]]:
            for slots, docs in itertools.chain([first], batches):
                queue.append(slots)
                yield docs

        with make_engine(self.engine, self.jobs, self.scheduler, warm_langs=langs, warm=warm_worker) as engine:
            for processed in engine.map(process_batch if remote else self.process_batch, todo()):
                slots = queue.popleft()
                done = iter(processed)
                for slot in slots:
                    if isinstance(slot, Document):
                        result = next(done)
                        if cache is not None:
                            cache.put(result)
                        yield result
                    else:
                        yield slot

    def process_all(self, sources: list[Source], on_result: Callable[[DocumentResult], None] | None = None,
                    cache: ResultCache | None = None) -> RunResults:
        """Every result in input order; with ``cache``, the references to its entries as rows
        of a table beside it (:class:`~pipeline.runtime.run_results.RunResults`), not held."""
        results = RunResults(cache.root if cache is not None else None)
        for result in self.iter_results(sources, cache):
            results.append(result)
            if on_result:
                on_result(result)
        results.flush()
        return results

    def run(self, inputs: Iterable[str | Path], out_dir: Path,
            on_result: Callable[[DocumentResult], None] | None = None, *, wait: bool = False,
            on_wait: Callable[[dict], None] | None = None) -> RunSummary:
        """Process ``inputs`` into ``out_dir``, holding its lock (``wait``: queue behind another
        run, ``on_wait`` told who holds it). Every output is written into a new generation
        and switched in at once (:mod:`pipeline.runtime.output_folder`).

        Raises ``OutputFolderError`` before any work (``out_dir`` cannot be written, or another
        run holds it) and ``OutputWriteError`` when writing fails (disk full): the previous
        outputs are then unchanged."""
        started = time.perf_counter()
        out_dir = Path(out_dir)
        with RunLock(out_dir, wait=wait, on_wait=on_wait):
            sources = discover(inputs, exclude=[out_dir])
            cache = ResultCache(out_dir / ".cache") if self.cache else None
            if cache is not None:  # the tables of runs killed before their end
                remove_stale(cache.root)
            results = self.process_all(sources, on_result, cache)
            previous_store = current_store(out_dir)
            generation = None
            try:
                generation = new_generation(out_dir)
                summary = self._write_generation(results, out_dir, generation, cache)
                summary.seconds = round(time.perf_counter() - started, 3)
                self.write_report(summary, generation, load=cache.load if cache is not None else None)
                publish(out_dir, generation)
            except BaseException as exc:
                switched = generation is not None and current_outputs(out_dir) == generation.resolve()
                if generation is not None and not switched:
                    discard(generation)
                if isinstance(exc, OSError):
                    outcome = ("the new outputs are in place, some links are missing" if switched
                               else "the previous outputs are unchanged")
                    raise OutputWriteError(f"cannot write the outputs into {out_dir}: {exc.strerror or exc}; "
                                           f"{outcome}") from exc
                raise
            prune_outputs(out_dir)
            prune_store(out_dir, {current_store(out_dir), previous_store})
            if cache is not None:
                cache.prune(held=results.held_keys)
        return summary

    def _write_generation(self, results: RunResults, out_dir: Path, generation: Path,
                          cache: ResultCache | None) -> RunSummary:
        """The run's outputs in ``generation``: exported, or carried over from the current set
        when the results are those of the last run (``cache``); paths as ``out_dir/<name>``."""
        previous = None
        exporters = self.active_exporters(results.ok)
        if cache is not None:
            run_key = cache.run_key(results, exporters)
            previous = cache.load_outputs(run_key, out_dir)
        if previous is not None:  # same results as the last run, files untouched: nothing to redo
            entities, relations, files, counts = previous
            names = [f.name for f in files] + ([STORE_LINK] if "store" in exporters else [])
            carry_over(out_dir, generation, names)
            summary = RunSummary(out_dir=out_dir, results=results, entities=entities, relations=relations,
                                 files=files, counts=counts)
        else:
            index = out_dir / RESOLUTION_INDEX if cache is not None else None
            summary = None
            fresh = sum(r.status == "ok" for r in results.held.values())
            if cache is not None and exporters == ("store",) and fresh <= max(
                    STORE_ONLY_MAX_DOCUMENTS, STORE_ONLY_MAX_SHARE * len(results)):
                summary = self.finish_store_only(results, generation, out_dir / RESOLUTION_INDEX, cache)
            if summary is None:
                if cache is not None:  # every result in memory: the whole graph is built
                    cache.hit_ids.update(r.id for r in results.stored())  # the report's
                summary = self.finish([cache.load(r) if isinstance(r, StoredResult) else r for r in results]
                                      if cache is not None else list(results), generation, index=index,
                                      exporters=exporters)
            summary.out_dir, summary.files = out_dir, [out_dir / f.name for f in summary.files]
            if cache is not None:
                cache.save_outputs(run_key, summary.entities, summary.relations,
                                   [generation / f.name for f in summary.files], summary.counts)
        if cache is not None:
            summary.cached, summary.cached_ids = cache.hits, cache.hit_ids
        return summary

    def finish(self, results: list[DocumentResult], out_dir: Path, index: Path | None = None,
               exporters: tuple[str, ...] | None = None) -> RunSummary:
        """Resolution, graph and exports over all results; with ``index``, resolution resolves
        again only what changed since that index was written (the same entities and relations)."""
        stats: dict = {}
        if index is None:
            entities, relations = resolve_entities(results)
        else:
            try:
                entities, relations = resolve_incremental(results, index, pipeline_fingerprint(), stats=stats,
                                                          digest=_result_key)
            except (RuntimeError, sqlite3.DatabaseError):  # an index out of step or unreadable: anew
                for path in index.parent.glob(index.name + "*"):
                    path.unlink()
                stats.clear()
                entities, relations = resolve_incremental(results, index, pipeline_fingerprint(), stats=stats,
                                                          digest=_result_key)
        for detail in ("entity_changes", "relation_changes"):  # the records: finish_store_only's
            stats.pop(detail, None)
        documents = [r.document for r in results if r.status == "ok"]
        G = build_graph(entities, relations, documents)
        out_dir.mkdir(parents=True, exist_ok=True)
        exporters = self.exporters if exporters is None else exporters
        state = StoreState(index.parent / STORE_STATE) if index is not None and "store" in exporters else None
        touched = None
        if state is not None and stats.get("mode") == "incremental":
            generation = current_store(home_of(index.parent.parent))
            # (and the documents that entered or left an anchored entity: its saved documents may be the few
            # whose languages its statements read, see StoreState)
            touched = state.touched(G, stats["dirty"] | stats["anchored_moved"], stats.get("state_before"),
                                    generation and generation.name)
        files = run_exporters(G, out_dir, [e for e in exporters if not (touched is not None and e == "store")],
                              self.jobs)
        if touched is not None:  # only the named graphs of the documents whose graph changed
            files.insert(exporters.index("store"), update_store_documents(G, out_dir, touched))
            stats["store_graphs_loaded"] = len(touched)
        if state is not None and stats.get("state"):
            generation_name = json.loads((out_dir / "store.json").read_text(encoding="utf-8"))["generation"]
            state.save(G, stats["state"], generation_name)
        return RunSummary(out_dir=out_dir, results=results, entities=entities, relations=relations, files=files,
                          resolution=stats)

    def finish_store_only(self, results: RunResults, out_dir: Path, index: Path,
                          cache: ResultCache) -> RunSummary | None:
        """An incremental run into the store alone, holding what the change touches: the
        results of the changed documents (the others are read from ``cache`` only when they
        must be resolved again, or their named graph built again), the entities and
        relations whose record changed, and the named graphs of the documents whose graph
        changed (:meth:`pipeline.store.touched.StoreState.touched_by`). None when the index
        or the store's signatures do not follow the last run (or there is no store yet):
        the caller then runs :meth:`finish` over every result."""
        fingerprint = pipeline_fingerprint()
        state = StoreState(index.parent / STORE_STATE)
        generation = current_store(home_of(index.parent.parent))
        before = index_state(index, fingerprint)
        if not state.follows(before, generation and generation.name):
            return None
        stats: dict = {}
        try:
            resolve_incremental(results, index, fingerprint, stats=stats, digest=_result_key, load=cache.load,
                                lean=True)
        except (RuntimeError, sqlite3.DatabaseError):  # out of step: finish() resolves anew
            return None
        if stats.get("mode") != "incremental" or stats.get("state_before") != before:
            return None
        entity_changes, relation_changes = stats.pop("entity_changes"), stats.pop("relation_changes")
        changed_entities = [Entity.from_dict(json.loads(after)) for _, after in entity_changes.values() if after]
        changed_relations = [Relation.from_dict(json.loads(after)) for _, after in relation_changes.values() if after]
        gone = ({"e\x1f" + key for key, (_, after) in entity_changes.items() if after is None}
                | {"r\x1f" + key for key, (_, after) in relation_changes.items() if after is None})
        # the languages of the changed records' documents (their labels' tags read them);
        # not graph_part's: every entity and relation of those documents (Morocco's: most)
        langs = document_langs(index, {d for e in changed_entities for d in e.documents}
                               | {ev.document for r in changed_relations for ev in r.evidence})
        changes = build_graph(changed_entities, changed_relations)
        changes.graph["documents"] = {d: {"lang": lang} for d, lang in langs.items()}
        # an anchored entity's record holds the few documents whose languages its statements read
        # (a country's documents are the archive's size): all of them are read only when its
        # statements changed, and the documents that entered or left it are touched
        anchored = stats["anchored_changes"]
        touched = state.touched_by(changes, gone, stats["dirty"] | stats["anchored_moved"], stats["state_before"],
                                   generation.name,
                                   documents_of=lambda key: (anchored_documents(index, key[2:]) if key[2:] in anchored
                                                             and key.startswith("e\x1f") else None))
        if touched is None:
            return None
        # the named graphs of the touched documents, from the index and their results, a
        # chunk of documents at a time (a country's new alias touches most of the archive),
        # the chunk's results found by id (the references in the run's table)
        def part(docs: set[str], first: bool):
            entities, relations, langs = graph_part(index, docs)
            found = results.find(docs)
            documents = [(r if isinstance(r, DocumentResult) else cache.load(r)).document
                         for r in (found[d] for d in sorted(docs) if d in found)]
            G = build_graph(entities, relations, documents)
            for doc, lang in langs.items():
                G.graph["documents"].setdefault(doc, {"lang": lang})
            present = docs & set(G.graph["documents"])
            return present, DocumentGraphs(G, present).graphs(present, first)

        out_dir.mkdir(parents=True, exist_ok=True)
        stored = update_store_chunks(out_dir, touched, part)
        if stored is None:  # no store to update after all: finish() exports it whole
            return None
        files = [stored]
        stats["store_graphs_loaded"] = len(touched)
        generation_name = json.loads((out_dir / "store.json").read_text(encoding="utf-8"))["generation"]
        state.save_changes(changes, gone, stats["state"], generation_name)
        entity_counts, relation_counts = entity_and_relation_counts(index)
        return RunSummary(out_dir=out_dir, results=results, files=files, resolution=stats,
                          counts={"entities": entity_counts, "relations": relation_counts})

    def write_report(self, summary: RunSummary, folder: Path | None = None,
                     load: Callable[[StoredResult], DocumentResult] | None = None) -> Path:
        """``report.json`` in ``folder`` (default the summary's folder), listed as
        ``OUT/report.json``; ``load`` reads a result left on disk (one at a time). The
        documents' entries are written one at a time, not held (an archive's report is
        its size); the file is the one ``json.dumps(report, indent=1)`` writes."""
        def entries() -> Iterator[dict]:
            for r in summary.results:
                cached = isinstance(r, StoredResult)
                if cached:
                    if load is None:
                        raise ValueError("a result left on disk and no loader")
                    r = load(r)
                yield _report_entry(r, cached or r.document.id in summary.cached_ids)

        # a reference's status is ok: the counts read the results held whole
        held = read_whole(summary.results)
        references = len(summary.results) - len(held)
        report = {
            "pipeline_version": __version__,
            "documents": [_DOCUMENTS] if summary.results else [],
            "totals": {
                "documents": len(summary.results),
                "ok": references + sum(r.status == "ok" for r in held),
                "failed": len(summary.failed),
                "skipped": sum(r.status == "skipped" for r in held),
                "cached": summary.cached,
                "entities": summary.entity_types(),
                "relations": summary.relation_types(),
                "seconds": summary.seconds,
                "resolution": {k: len(v) if isinstance(v, (set, list)) else v for k, v in summary.resolution.items()
                               if not k.startswith("state")},
            },
            "files": sorted(p.name for p in summary.files),
        }
        head, _, tail = json.dumps(report, ensure_ascii=False, indent=1).partition(json.dumps(_DOCUMENTS))
        path = Path(folder or summary.out_dir) / "report.json"
        with atomic_write(path) as fh:
            fh.write(head)
            for i, entry in enumerate(entries()):
                # an entry at depth 2 of indent=1 (JSON escapes every newline within a string)
                fh.write(("" if i == 0 else ",\n  ") + json.dumps(entry, ensure_ascii=False, indent=1).replace("\n", "\n  "))
            fh.write(tail + "\n")
        summary.files.append(summary.out_dir / "report.json")
        return path


def _report_entry(r: DocumentResult, cached: bool) -> dict:
    """One document's entry in report.json."""
    return {
        "id": r.document.id,
        "source": r.document.source,
        "status": r.status,
        "error": r.error,
        "language": r.document.lang,
        "encoding": r.document.encoding,
        "characters": len(r.document.text),
        "tokens": r.tokens,
        "mentions": dict(sorted(Counter(m.type for m in r.mentions).items())),
        "relations": dict(sorted(Counter(x.type for x in r.relations).items())),
        "timings": r.timings,
        "warnings": r.warnings,
        "metadata": document_record(r.document),
        "cached": cached,
    }


def _result_key(result: DocumentResult | StoredResult) -> str:
    """A result's key for the resolution index: its document's cache key (a result is a
    function of its document under one pipeline fingerprint, the cache's own premise)."""
    return result.key if isinstance(result, StoredResult) else document_key(result.document)


def sampled_languages(sources: Sequence[Source], n: int = LANGUAGE_SAMPLE) -> set[str]:
    """The languages of the first document of up to ``n`` input files spread over ``sources``:
    the pipelines a run's workers are likely to need beyond its first batch's (a language
    missed here is loaded by the worker that meets it)."""
    picked = sorted({i * len(sources) // n for i in range(n)}) if len(sources) > n else range(len(sources))
    langs = set()
    for i in picked:
        for item in read_source(sources[i]):
            if isinstance(item, Document):
                langs.add(detect_language(item.text)[0])
            break
    return langs


def process_batch(documents: list[Document]) -> list[DocumentResult]:
    """A worker's entry point: the per-document stages of one batch, in the calling process."""
    return Pipeline().process_batch(documents)


def warm_worker(langs: tuple[str, ...]) -> None:
    """A worker's initializer: load the pipelines of ``langs`` once, before the first batch."""
    Pipeline().warm_up(langs)
