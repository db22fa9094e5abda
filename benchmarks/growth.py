"""Growth benchmark: the on-disk SPARQL store at 10k, 100k, 1M simulated documents.

One store grows through the sizes (copies of a run under new ids, :mod:`benchmarks.synthetic`,
bulk-loaded with the layout of ``OUT/store``); at each size it prints the load time of the
step, the store's size on disk, the peak RSS of this process, the store part of an
incremental run (adding 10 new documents: clone the store by hard links, as
:func:`pipeline.store.oxigraph_store.update_store` does, then load their graphs and their
default-graph triples), and each example query's latency (median of ``--reps``, max; as
written and with its parameters bound, :mod:`benchmarks.sparql_store`).

At each size it also times a real incremental run (:mod:`benchmarks.archive_run`: ``doc2kg
run --exports none`` adding 10 new documents to a simulated archive of that many documents,
in a child process: its time, its peak RSS, the store's size); ``--incremental
MODULE:FUNCTION`` names another such hook (``FUNCTION(documents=N, work=Path) -> dict``, its
dict printed), ``--incremental none`` skips it.

Usage::

    doc2kg run ../shared/eval/dev.jsonl --out /tmp/dev
    python benchmarks/growth.py /tmp/dev/graph.nq --documents 10000 100000 --work /tmp/growth
"""
from __future__ import annotations

import argparse
import importlib
import json
import math
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.sparql_store import load_average, measure, summary  # noqa: E402
from benchmarks.synthetic import Template, disk_size, load  # noqa: E402

NEW_DOCUMENTS = 10


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def add_documents(template: Template, store_dir: Path, work: Path, copy: int) -> float:
    """Seconds to add ``NEW_DOCUMENTS`` documents (of copy ``copy``) to a clone of the store."""
    named, union = template.write(work / "new", copy, 1)
    keep = NEW_DOCUMENTS / max(template.documents, 1)
    graphs: dict[str, list[str]] = {}
    for line in named.read_text(encoding="utf-8").splitlines():
        graphs.setdefault(line[line.rindex("<"):], []).append(line)
    chosen = sorted(graphs)[:NEW_DOCUMENTS] if keep < 1 else sorted(graphs)
    data = "\n".join(line for g in chosen for line in graphs[g]) + "\n"
    clone = work / "clone"
    shutil.rmtree(clone, ignore_errors=True)
    t = time.perf_counter()
    ox.Store.read_only(str(store_dir)).backup(str(clone))
    store = ox.Store(str(clone))
    quads = list(ox.parse(data.encode("utf-8"), ox.RdfFormat.N_QUADS))
    store.bulk_extend(quads)
    store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object) for t in dict.fromkeys(q.triple for q in quads))
    store.flush()
    del store
    seconds = time.perf_counter() - t
    shutil.rmtree(clone, ignore_errors=True)
    shutil.rmtree(work / "new", ignore_errors=True)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("nquads", type=Path)
    parser.add_argument("--documents", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--work", type=Path)
    parser.add_argument("--incremental", default="benchmarks.archive_run:add_documents",
                        help="MODULE:FUNCTION(documents=N, work=Path) -> dict, at each size (none: skip)")
    parser.add_argument("--skip", nargs="*", default=["document_graph:all", "document_assertions:all"],
                        help="queries not run (name or name:variant); by default the two dumps of every document")
    parser.add_argument("--json", type=Path, help="write every figure as JSON")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="growth-"))
    shutil.rmtree(work / "store", ignore_errors=True)
    store_dir = work / "store"
    template = Template.read(args.nquads)
    hook = None
    if args.incremental and args.incremental != "none":
        module, _, name = args.incremental.partition(":")
        hook = getattr(importlib.import_module(module), name)
    copies, report = 0, []
    for documents in sorted(args.documents):
        wanted = math.ceil(documents / template.documents)
        t = time.perf_counter()
        named, union = template.write(work, copies, wanted - copies)
        written = time.perf_counter() - t
        seconds = load(store_dir, [named, union])
        named.unlink()
        union.unlink()
        copies = wanted
        store = ox.Store.read_only(str(store_dir))
        row = {"documents": copies * template.documents, "named_quads": copies * (len(template.named) + len(template.dated)),
               "store_quads": len(store), "write_s": round(written, 1), "load_s": round(seconds, 1),
               "store_mib": round(disk_size(store_dir) / 2**20), "load_average": load_average()}
        print(f"\n== {row['documents']} documents: {row['named_quads']} quads in the documents' graphs, "
              f"{row['store_quads']} in the store (with the default graph); step written in {written:.1f} s, "
              f"loaded in {seconds:.1f} s; {row['store_mib']} MiB on disk; load average {row['load_average']}",
              flush=True)
        row["add_10_documents_s"] = round(add_documents(template, store_dir, work, copies), 2)
        print(f"store part of an incremental run, {NEW_DOCUMENTS} new documents (clone + load): "
              f"{row['add_10_documents_s']} s", flush=True)
        if hook is not None:
            row["incremental"] = hook(documents=row["documents"], work=work)
            print(f"incremental run ({args.incremental}): {row['incremental']}", flush=True)
        row["queries"] = measure(store, args.reps, skip=set(args.skip))
        row["peak_rss_mb"] = round(peak_rss_mb())
        print(summary(row["queries"]), f"; peak RSS {row['peak_rss_mb']} MB", flush=True)
        del store
        report.append(row)
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
