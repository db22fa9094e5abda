"""SPARQL latency of the example queries on the on-disk Oxigraph store, against rdflib.

Builds a synthetic archive with the ontology's shape from a run's ``graph.nq``
(:mod:`benchmarks.synthetic`: copy k renames documents, statements, evidence and
non-country entities; the dev run's 11 documents give ~2,800 quads a copy, so
``--copies 360`` is ~1 million quads and ``--copies 3600`` ~10 million), bulk-loads it into
an on-disk store with the layout of ``OUT/store`` (named graphs, their set union as the
default graph), then runs each query of ``ontology/queries/`` ``--reps`` times (median and
max reported), twice where the query has parameters: as written (``all``: every country,
every document) and with its parameters bound as ``doc2kg query --param`` binds them
(``one``: :data:`SAMPLES`, values of the dev run; countries are shared by every copy, so
``country=MA`` grows with the archive). rdflib (``--rdflib``) loads the documents' graphs
into a Dataset (default graph: the union) and runs each query once.

Usage::

    doc2kg run ../shared/eval/dev.jsonl --out /tmp/dev
    python benchmarks/sparql_store.py /tmp/dev/graph.nq --copies 360 --rdflib
    python benchmarks/sparql_store.py /tmp/dev/graph.nq --copies 3600 --answers /tmp/a.json
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import signal
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.synthetic import Template, disk_size, load  # noqa: E402
from pipeline.sparql.parameters import bind, declared, to_oxigraph  # noqa: E402
from pipeline.sparql.prefixes import PREFIXES  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ROOT / "ontology" / "queries"
# One value per parameter, from the dev run (copy 0 keeps its ids).
SAMPLES = {
    "country": "MA", "region": "EG", "document": "000_6b72f15d28a0d0d5", "graph": "000_6b72f15d28a0d0d5",
    "event": "891b98d75dd9", "giver": "agency:ma-dgst", "person": "84b7ad643691",
    "outletName": "seed article (Marassiloun 24)",
}
SLOW_S = 5.0  # a query slower than this runs once


@dataclass
class Case:
    name: str
    variant: str  # "all" or "one", "all-page" or "one-page"
    text: str
    params: dict  # --param NAME=VALUE as a dict

    @property
    def label(self) -> str:
        return f"{self.name}:{self.variant}"


ORDER_BY = re.compile(r"\nORDER BY [^\n]*\s*$")


def first_page(text: str, size: int) -> str:
    """The query's first page of ``size`` rows as an endpoint that pages would ask for it, in the
    store's order: its final ORDER BY dropped (Oxigraph sorts the whole answer before the first
    row, comparing IRIs by their strings), ``LIMIT size`` added (rows then stream: a DISTINCT or
    a join stops after ``size``; a GROUP BY still groups everything first)."""
    return ORDER_BY.sub("\n", text.rstrip() + "\n").rstrip() + f"\nLIMIT {size}\n"


def cases(folder: Path = QUERIES, page: int = 0) -> list[Case]:
    """Each query as written (``all``) and bound (``one``); with ``page``, their first pages too."""
    out = []
    for path in sorted(folder.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        params = {n: SAMPLES[n] for n in declared(text) if n in SAMPLES}
        out.append(Case(path.stem, "all", text, {}))
        if params:
            out.append(Case(path.stem, "one", text, params))
        if page:
            out.append(Case(path.stem, "all-page", first_page(text, page), {}))
            if params:
                out.append(Case(path.stem, "one-page", first_page(text, page), params))
    return out


def substitutions(case: Case) -> dict:
    return to_oxigraph(bind([f"{k}={v}" for k, v in case.params.items()], case.text, PREFIXES))


def run(store: ox.Store, case: Case) -> list:
    return list(store.query(case.text, prefixes=PREFIXES, substitutions=substitutions(case)))


def _canonical(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.Literal) and "," in term.value:  # a GROUP_CONCAT list comes in no set order
        return ",".join(sorted(term.value.split(",")))
    return str(term)


def digest(rows: list) -> str:
    """A hash of the result multiset (order-free, and free of the order inside comma-separated
    values), to compare answers across layouts and rewrites."""
    lines = sorted("\t".join(_canonical(v) for v in row) for row in rows)
    return hashlib.sha1("\n".join(lines).encode()).hexdigest()[:12]


def timings(store: ox.Store, case: Case, reps: int) -> tuple[int, str, float, float]:
    """rows, answer digest, median ms, max ms."""
    t = time.perf_counter()
    rows = run(store, case)
    times = [time.perf_counter() - t]
    while len(times) < reps and times[0] < SLOW_S:
        t = time.perf_counter()
        run(store, case)
        times.append(time.perf_counter() - t)
    return len(rows), digest(rows), statistics.median(times) * 1000, max(times) * 1000


class RdflibTimeout(Exception):
    pass


def _alarm(signum, frame):
    raise RdflibTimeout


def rdflib_ms(dataset, case: Case, timeout_s: int = 0) -> float:
    """One run of the query on rdflib; NaN where rdflib fails, +inf past ``timeout_s`` (pure
    Python, so an alarm stops it)."""
    import rdflib

    init = {rdflib.Variable(k): (rdflib.URIRef(v.value) if isinstance(v, ox.NamedNode) else rdflib.Literal(v.value))
            for k, v in ((var.value, term) for var, term in substitutions(case).items())}
    t = time.perf_counter()
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(timeout_s)
    try:
        list(dataset.query(case.text, initNs=PREFIXES, initBindings=init))
    except RdflibTimeout:
        print(f"  rdflib: over {timeout_s} s, stopped")
        return float("inf")
    except Exception as exc:  # rdflib 7.6 fails some valid queries (GROUP_CONCAT DISTINCT of an unbound)
        print(f"  rdflib: {type(exc).__name__}: {exc}")
        return float("nan")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    return (time.perf_counter() - t) * 1000


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def measure(store: ox.Store, reps: int, dataset=None, only: set[str] | None = None,
            skip: set[str] = frozenset(), rdflib_timeout_s: int = 0, folder: Path = QUERIES,
            page: int = 0) -> list[dict]:
    """Every case: a dict with the figures (printed as they come)."""
    print(f"{'query':34} {'rows':>8} {'median ms':>10} {'max ms':>9} {'rdflib ms':>10} {'ratio':>6}  answers  load")
    results = []
    for case in cases(folder, page):
        if only and case.name not in only and case.label not in only:
            continue
        if case.name in skip or case.label in skip:
            print(f"{case.label:34} skipped")
            continue
        rows, answers, med, top = timings(store, case, reps)
        rdf = rdflib_ms(dataset, case, rdflib_timeout_s) if dataset is not None else float("nan")
        results.append({"query": case.label, "rows": rows, "answers": answers, "median_ms": round(med, 1),
                        "max_ms": round(top, 1), "rdflib_ms": round(rdf, 1), "load": load_average()})
        print(f"{case.label:34} {rows:8d} {med:10.1f} {top:9.1f} {rdf:10.0f} {rdf / med:6.0f}  {answers}  "
              f"{load_average()}", flush=True)
    return results


def summary(results: list[dict]) -> str:
    meds = [r["median_ms"] for r in results]
    return (f"median of medians {statistics.median(meds):.1f} ms, worst max {max(r['max_ms'] for r in results):.1f} ms, "
            f"{sum(m < 100 for m in meds)}/{len(meds)} under 100 ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("nquads", type=Path)
    parser.add_argument("--copies", type=int, default=360)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--rdflib", action="store_true", help="also rdflib, in memory (slow past 1M quads)")
    parser.add_argument("--rdflib-timeout", type=int, default=120, help="seconds per rdflib query (then >)")
    parser.add_argument("--work", type=Path, help="folder for the files and the store (default: a temporary one)")
    parser.add_argument("--reuse", action="store_true", help="query the store already in --work")
    parser.add_argument("--queries", type=Path, default=QUERIES, help="the folder of .rq files")
    parser.add_argument("--build-only", action="store_true", help="build the store in --work, query nothing")
    parser.add_argument("--only", nargs="*", help="these queries (name or name:variant)")
    parser.add_argument("--skip", nargs="*", default=[], help="not these (name or name:variant), e.g. the dumps")
    parser.add_argument("--answers", type=Path, help="write the results (rows, answer digests) as JSON")
    parser.add_argument("--page", type=int, default=0,
                        help="also each query's first page of this many rows (name:all-page, name:one-page)")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="sparql-bench-"))
    store_dir = work / "store"
    print(f"load average {load_average()}")
    template = Template.read(args.nquads)
    named = work / "named-0.nq"
    if not (args.reuse and store_dir.exists()):
        shutil.rmtree(store_dir, ignore_errors=True)
        t = time.perf_counter()
        named, union = template.write(work, 0, args.copies)
        print(f"synthetic: {args.copies} copies, {args.copies * template.documents} documents, "
              f"written in {time.perf_counter() - t:.1f} s")
        print(f"oxigraph on disk, bulk load: {load(store_dir, [named, union]):.1f} s "
              f"(load average {load_average()})")
        union.unlink()
    store = ox.Store.read_only(str(store_dir))
    print(f"quads: {args.copies * (len(template.named) + len(template.dated))} in the documents' graphs, "
          f"{len(store)} in the store (with the default graph's union), store on disk: {disk_size(store_dir) / 2**20:.0f} MiB")
    if args.build_only:
        return
    dataset = None
    if args.rdflib:
        import rdflib

        dataset = rdflib.Dataset(default_union=True)
        t = time.perf_counter()
        dataset.parse(str(named), format="nquads")
        print(f"rdflib Dataset, parse: {time.perf_counter() - t:.1f} s")
    results = measure(store, args.reps, dataset, set(args.only) if args.only else None,
                      set(args.skip), args.rdflib_timeout, args.queries, args.page)
    print(summary(results))
    if args.answers:
        args.answers.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
