"""Bytes a store-only incremental run holds per archive document it did not process again:
the runner's list of :class:`~pipeline.model.StoredResult` references and the cache's sets,
built by the real :meth:`pipeline.runtime.cache.ResultCache.peek` over ``N`` entries written
under ``DIR`` (once; kept for the next call), measured with ``tracemalloc``. The documents
are jsonl-style (source ``path#Ln``) and dropped after the peek, as the runner drops them.

Usage::

    python benchmarks/bookkeeping_bytes.py /tmp/bk/cache [--documents 100000]
"""
from __future__ import annotations

import argparse
import gc
import hashlib
import sys
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.model import Document  # noqa: E402
from pipeline.runtime.cache import ResultCache, document_key  # noqa: E402


def document(i: int) -> Document:
    return Document(id=f"cipher-{i:09d}", text="", source=f"/tmp/archive/part-{i // 100:06d}.jsonl#L{i % 100 + 1}",
                    content_hash=hashlib.sha256(str(i).encode()).hexdigest())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path, help="the cache folder (entries written on the first call)")
    parser.add_argument("--documents", type=int, default=100_000)
    args = parser.parse_args()
    n = args.documents
    cache = ResultCache(args.root, fingerprint="f" * 64)
    if not cache.dir.is_dir():  # the entries: peek reads only their last byte
        for i in range(n):
            path = cache._path(document_key(document(i)))
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("{}")
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.take_snapshot()
    held = [cache.peek(document(i)) for i in range(n)]
    gc.collect()
    after = tracemalloc.take_snapshot()
    total = sum(stat.size_diff for stat in after.compare_to(before, "filename"))
    print(f"held per document: {total / n:.0f} bytes ({len(held)} references; cache hits {cache.hits}, "
          f"used {len(cache.used)}, hit_ids {len(cache.hit_ids)})")


if __name__ == "__main__":
    main()
