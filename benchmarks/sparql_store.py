"""SPARQL latency of the example queries: Oxigraph (in memory, on disk) against rdflib, side by side.

Builds a synthetic dataset with the ontology's shape by replicating a run's ``graph.nq``:
copy k renames every document, statement, evidence and non-country entity IRI with a
``-k`` suffix (countries stay shared, as in real news), so ``--copies 400`` of the dev run
gives about one million quads. Oxigraph holds them as ``doc2kg run`` does (named graphs and
their set union as the default graph, :mod:`pipeline.store.oxigraph_store`). Then each query
of ``ontology/queries/`` runs ``--reps`` times on each Oxigraph store (median reported) and
once on rdflib's in-memory Dataset (default graph: the union).

Usage::

    doc2kg run ../shared/eval/dev.jsonl --out /tmp/dev
    python benchmarks/sparql_store.py /tmp/dev/graph.nq --copies 400
"""
from __future__ import annotations

import argparse
import re
import statistics
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
import rdflib

from pipeline.sparql.prefixes import PREFIXES
from pipeline.store.oxigraph_store import open_store, update_store

ROOT = Path(__file__).resolve().parents[1]
RENAMED = re.compile(r"<(https://doc2kg\.org/(?:id/(?!country/)[^>#]*|statement/[^>#]*|doc/[^>#]*|graph/[^>#]*))"
                     r"(#[^>]*)?>")
NEWLINE = b"\n"
IDENTIFIER = re.compile(r'(<https://schema\.org/identifier> "[^"]*)"')


def synthetic(lines: list[str], copies: int) -> bytes:
    out = list(lines)
    for k in range(1, copies):
        for line in lines:
            line = RENAMED.sub(lambda m: f"<{m.group(1)}-{k}{m.group(2) or ''}>", line)
            out.append(IDENTIFIER.sub(rf'\1-{k}"', line))
    return ("\n".join(out) + "\n").encode("utf-8")


def timed(f) -> tuple[object, float]:
    t = time.perf_counter()
    result = f()
    return result, time.perf_counter() - t


def median_ms(f, reps: int) -> float:
    return statistics.median(timed(f)[1] * 1000 for _ in range(reps))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("nquads", type=Path)
    parser.add_argument("--copies", type=int, default=400)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--no-rdflib", action="store_true")
    args = parser.parse_args()
    data = synthetic([line for line in args.nquads.read_text(encoding="utf-8").splitlines() if line.strip()],
                     args.copies)
    print(f"quads: {data.count(NEWLINE)}")
    quads = list(ox.parse(data, ox.RdfFormat.N_QUADS))
    memory = ox.Store()  # the same layout as OUT/store: named graphs plus their set union as the default graph
    load = (lambda: (memory.bulk_extend(quads), memory.bulk_extend(ox.Quad(q.subject, q.predicate, q.object)
                                                                    for q in quads)))
    print(f"oxigraph in memory, bulk load: {timed(load)[1]:.1f} s")
    out = Path(tempfile.mkdtemp(prefix="sparql-bench-"))
    print(f"oxigraph on disk (update_store into OUT/store): {timed(lambda: update_store(quads, out))[1]:.1f} s")
    disk = open_store(out)
    dataset = rdflib.Dataset(default_union=True)
    if not args.no_rdflib:
        print(f"rdflib Dataset, parse: {timed(lambda: dataset.parse(data=data, format='nquads'))[1]:.1f} s")
    print(f"{'query':28} {'rows':>7} {'memory ms':>10} {'disk ms':>10} {'rdflib ms':>10} {'rdflib/disk':>11}")
    for path in sorted((ROOT / "ontology" / "queries").glob("*.rq")):
        text = path.read_text(encoding="utf-8")

        def run(store: ox.Store) -> list:
            return list(store.query(text, prefixes=PREFIXES))

        rows = len(run(memory))
        mem_ms, disk_ms = median_ms(lambda: run(memory), args.reps), median_ms(lambda: run(disk), args.reps)
        rdf_ms = float("nan") if args.no_rdflib else median_ms(lambda: list(dataset.query(text, initNs=PREFIXES)), 1)
        print(f"{path.stem:28} {rows:7d} {mem_ms:10.1f} {disk_ms:10.1f} {rdf_ms:10.0f} {rdf_ms / disk_ms:11.0f}",
              flush=True)


if __name__ == "__main__":
    main()
