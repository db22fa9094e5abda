"""The pipeline object: ingest -> language and NLP -> entities -> relations, per document;
then resolution -> graph -> exporters over the whole run.

Light to construct; models load on first use of a language (or in :meth:`Pipeline.warm_up`).

Usage::

    from pipeline.runner import Pipeline
    summary = Pipeline().run(["seeds/"], Path("outputs"))
    summary.exit_code   # 0 when every document was processed
"""
from __future__ import annotations

import json
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.entities.recognize import recognize_entities
from pipeline.exporters import DEFAULT as DEFAULT_EXPORTERS
from pipeline.exporters import get_exporter
from pipeline.graph.build import build_graph
from pipeline.ingest.read import IngestError, Source, discover, read_source
from pipeline.language.detect import detect_language
from pipeline.language.nlp import get_nlp
from pipeline.model import Document, DocumentResult, Entity, Relation
from pipeline.relations.extract import extract_relations
from pipeline.resolution.resolve import resolve_entities
from pipeline.runtime.atomic import write_text

PIPELINE_VERSION = "0.1.0"


@dataclass
class RunSummary:
    out_dir: Path
    results: list[DocumentResult] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> list[DocumentResult]:
        return [r for r in self.results if r.status == "failed"]

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


def failed_result(doc_id: str, source: str, error: str, status: str = "failed") -> DocumentResult:
    return DocumentResult(document=Document(id=doc_id, text="", source=source), status=status, error=error)


class Pipeline:
    """Composes the stages; each stage is a module with one job (see the package docstrings)."""

    def __init__(self, exporters: Iterable[str] = DEFAULT_EXPORTERS) -> None:
        self.exporters = tuple(exporters)

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
            t2 = time.perf_counter()
            mentions = recognize_entities(doc, document)
            t3 = time.perf_counter()
            relations = extract_relations(doc, document, mentions)
            t4 = time.perf_counter()
            timings = {"language": t1 - t0, "nlp": t2 - t1, "entities": t3 - t2, "relations": t4 - t3}
            return DocumentResult(document=document, mentions=mentions, relations=relations,
                                  timings={k: round(v, 4) for k, v in timings.items()}, tokens=len(doc))
        except Exception as exc:  # a bad document must not abort the run
            detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
            return DocumentResult(document=document, status="failed", error=f"processing failed: {detail}",
                                  timings=timings)

    def read(self, sources: Iterable[Source]) -> Iterator[Document | DocumentResult]:
        for source in sources:
            for item in read_source(source):
                if isinstance(item, Document):
                    yield item
                else:
                    doc_id, exc = item
                    status = "skipped" if str(exc).startswith("empty document") else "failed"
                    yield failed_result(doc_id, str(source.path), str(exc), status)

    def process_all(self, sources: list[Source], on_result: Callable[[DocumentResult], None] | None = None) -> list[DocumentResult]:
        results = []
        for item in self.read(sources):
            result = item if isinstance(item, DocumentResult) else self.process(item)
            results.append(result)
            if on_result:
                on_result(result)
        return results

    def run(self, inputs: Iterable[str | Path], out_dir: Path,
            on_result: Callable[[DocumentResult], None] | None = None) -> RunSummary:
        started = time.perf_counter()
        sources = discover(inputs)
        results = self.process_all(sources, on_result)
        summary = self.finish(results, out_dir)
        summary.seconds = round(time.perf_counter() - started, 3)
        self.write_report(summary)
        return summary

    def finish(self, results: list[DocumentResult], out_dir: Path) -> RunSummary:
        """Resolution, graph and exports over all results."""
        entities, relations = resolve_entities(results)
        documents = [r.document for r in results if r.status == "ok"]
        G = build_graph(entities, relations, documents)
        out_dir.mkdir(parents=True, exist_ok=True)
        files: list[Path] = []
        for name in self.exporters:
            files.extend(get_exporter(name)(G, out_dir))
        return RunSummary(out_dir=out_dir, results=results, entities=entities, relations=relations, files=files)

    def write_report(self, summary: RunSummary) -> Path:
        docs = []
        for r in summary.results:
            docs.append({
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
            })
        report = {
            "pipeline_version": PIPELINE_VERSION,
            "documents": docs,
            "totals": {
                "documents": len(summary.results),
                "ok": sum(r.status == "ok" for r in summary.results),
                "failed": len(summary.failed),
                "skipped": sum(r.status == "skipped" for r in summary.results),
                "entities": dict(sorted(Counter(e.type for e in summary.entities).items())),
                "relations": dict(sorted(Counter(x.type for x in summary.relations).items())),
                "seconds": summary.seconds,
            },
            "files": sorted(p.name for p in summary.files),
        }
        path = summary.out_dir / "report.json"
        write_text(path, json.dumps(report, ensure_ascii=False, indent=1) + "\n")
        summary.files.append(path)
        return path
