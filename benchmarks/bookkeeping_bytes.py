"""Bytes a store-only incremental run holds per archive document it did not process again:
the runner's references (:class:`~pipeline.model.StoredResult`), built by the real
:meth:`pipeline.runtime.cache.ResultCache.peek` over ``N`` entries written under ``DIR``
(once; kept for the next call), kept as the runner keeps them (``--held table``: rows of the
run's table, :class:`~pipeline.runtime.run_results.RunResults`; ``--held list``: a list, as
before), and the resolution's part (the run's ids, order and digests: a temporary table of
the index, :class:`pipeline.resolution.incremental._RunDocs`; with ``--held list`` the two
dicts by id the resolution held before). Measured with ``tracemalloc``
(Python's allocations), or with ``--rss`` as the growth of the process's RSS (SQLite's
native memory included, no tracing). The documents are jsonl-style (source ``path#Ln``) and
dropped after the peek, as the runner drops them.

Usage::

    python benchmarks/bookkeeping_bytes.py /tmp/bk/cache [--documents 100000] [--held list] [--rss]
"""
from __future__ import annotations

import argparse
import gc
import hashlib
import sys
import tempfile
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.model import Document  # noqa: E402
from pipeline.resolution.incremental import ResolutionIndex, _RunDocs  # noqa: E402
from pipeline.runtime.cache import ResultCache, document_key  # noqa: E402
from pipeline.runtime.run_results import RunResults  # noqa: E402


def document(i: int) -> Document:
    return Document(id=f"cipher-{i:09d}", text="", source=f"/tmp/archive/part-{i // 100:06d}.jsonl#L{i % 100 + 1}",
                    content_hash=hashlib.sha256(str(i).encode()).hexdigest())


def rss() -> int:
    with open("/proc/self/status", encoding="ascii") as fh:
        return next(int(line.split()[1]) * 1024 for line in fh if line.startswith("VmRSS:"))


class Measure:
    """Bytes held after a step: Python's allocations (tracemalloc) or the RSS's growth."""

    def __init__(self, by_rss: bool) -> None:
        self.by_rss = by_rss
        if not by_rss:
            tracemalloc.start()

    def __enter__(self) -> Measure:
        gc.collect()
        self.start = rss() if self.by_rss else tracemalloc.take_snapshot()
        return self

    def __exit__(self, *exc) -> None:
        gc.collect()
        if self.by_rss:
            self.held = rss() - self.start
        else:
            self.held = sum(s.size_diff for s in tracemalloc.take_snapshot().compare_to(self.start, "filename"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path, help="the cache folder (entries written on the first call)")
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--held", choices=("table", "list"), default="table",
                        help="the references as rows of the run's table (the runner's way) or in a list (before)")
    parser.add_argument("--rss", action="store_true", help="measure the RSS's growth, not Python's allocations")
    args = parser.parse_args()
    n = args.documents
    cache = ResultCache(args.root, fingerprint="f" * 64)
    if not cache.dir.is_dir():  # the entries: peek reads only their last byte
        for i in range(n):
            path = cache._path(document_key(document(i)))
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("{}")
    measure = Measure(args.rss)
    with measure:
        held = RunResults(args.root) if args.held == "table" else []
        for i in range(n):
            held.append(cache.peek(document(i)))
        if isinstance(held, RunResults):
            held.flush()
    runner = measure.held
    with tempfile.TemporaryDirectory() as tmp:
        index = ResolutionIndex(Path(tmp) / "resolution.sqlite")
        with measure:
            if args.held == "list":  # before (main 62278b0): the ok results by id and their digests, as dicts
                ok = {r.id: r for r in held if r.status == "ok"}
                digests = {doc: r.key for doc, r in ok.items()}
                count = len(digests)
            else:
                count = _RunDocs(index, held, lambda r: r.key, None).count
        index.close()
    print(f"held per document ({'RSS' if args.rss else 'tracemalloc'}, references in a {args.held}): "
          f"runner {runner / n:.0f} bytes, resolution {measure.held / n:.0f} bytes "
          f"({len(held)} references, {count} ids and digests; cache hits {cache.hits}, "
          f"used {len(cache.used)}, hit_ids {len(cache.hit_ids)})")


if __name__ == "__main__":
    main()
