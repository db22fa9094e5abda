"""Where an incremental run's memory goes: ``Pipeline(exports="none").run`` over an archive
with its phases wrapped, each printed with the process's RSS when it ends, the peak RSS
within it (``VmHWM``, reset at the phase's start through ``/proc/self/clear_refs``) and,
with ``--tracemalloc``, the Python allocations' peak within it and their top lines.

Usage::

    python benchmarks/rss_phases.py ARCHIVE OUT [--models] [--tracemalloc --at update_store_documents --top 10]
    python benchmarks/rss_phases.py ARCHIVE OUT --chunk 1000000   # the touched graphs in one chunk

Run it on an output folder prepared by ``benchmarks/archive_run.py`` (the +10 run: add the
new documents' file to ARCHIVE first). Linux only (``/proc``).
"""
from __future__ import annotations

import argparse
import functools
import importlib
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# (module, attribute): a function or a class's method (``Class.method``), wrapped where the
# runner and the resolution reach it
PHASES = [
    ("pipeline.runner", "Pipeline.process_all"),
    ("pipeline.runner", "Pipeline._write_generation"),
    ("pipeline.runner", "Pipeline.finish_store_only"),
    ("pipeline.runner", "resolve_incremental"),
    ("pipeline.resolution.incremental", "_closure"),
    ("pipeline.resolution.incremental", "_resolver"),
    ("pipeline.resolution.resolve", "Resolver.join_all"),
    ("pipeline.resolution.incremental", "_made"),
    ("pipeline.resolution.incremental", "_write_entities"),
    ("pipeline.resolution.incremental", "_rekey"),
    ("pipeline.resolution.incremental", "_merge_keys"),
    ("pipeline.runner", "document_langs"),
    ("pipeline.runner", "build_graph"),
    ("pipeline.store.touched", "StoreState.touched_by"),
    ("pipeline.runner", "graph_part"),
    ("pipeline.runner", "update_store_documents"),
    ("pipeline.runner", "update_store_chunks"),
    ("pipeline.store.oxigraph_store", "document_graphs"),
    ("pipeline.store.oxigraph_store", "_replace_graphs"),
    ("pipeline.store.oxigraph_store", "read_manifest"),
    ("pipeline.store.oxigraph_store", "ManifestPart.__init__"),
    ("pipeline.store.oxigraph_store", "ManifestPart.write"),
    ("pipeline.store.oxigraph_store", "_build"),
    ("pipeline.store.touched", "StoreState.save_changes"),
    ("pipeline.runner", "entity_and_relation_counts"),
    ("pipeline.runner", "Pipeline.write_report"),
    ("pipeline.runtime.cache", "ResultCache.run_key"),
]


def _status(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) // 1024
    return 0


def _reset_peak() -> None:
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


class Phases:
    def __init__(self, trace: bool, top: int, at: set[str]) -> None:
        self.trace, self.top, self.at = trace, top, at
        self.stack: list[int] = []  # the peak RSS seen so far within each open phase
        self.peak_seen = 0
        self.traced: list[int] = []  # the same for the Python allocations (tracemalloc)

    @property
    def depth(self) -> int:
        return len(self.stack)

    def _seen(self, peak: int) -> None:
        self.stack = [max(p, peak) for p in self.stack]
        self.peak_seen = max(self.peak_seen, peak)

    def wrap(self, name: str, fn):
        @functools.wraps(fn)
        def wrapped(*args, **kwargs):
            self._seen(_status("VmHWM"))
            _reset_peak()
            if self.trace:
                tpeak = tracemalloc.get_traced_memory()[1]
                self.traced = [max(p, tpeak) for p in self.traced] + [0]
                tracemalloc.reset_peak()
            if self.trace and name in self.at:  # what is held when the phase starts
                print(f"{'  ' * self.depth}held entering {name}:", flush=True)
                for stat in tracemalloc.take_snapshot().statistics("lineno")[:self.top]:
                    print(f"{'  ' * self.depth}  {stat}", flush=True)
            t, start = time.perf_counter(), _status("VmRSS")
            self.stack.append(start)
            try:
                return fn(*args, **kwargs)
            finally:
                peak = max(self.stack.pop(), _status("VmHWM"))
                self._seen(peak)
                line = (f"{'  ' * self.depth}{name}: {time.perf_counter() - t:.1f} s, RSS {start} -> "
                        f"{_status('VmRSS')} MB, peak {peak} MB")
                if self.trace:
                    current, tpeak = tracemalloc.get_traced_memory()
                    tpeak = max(self.traced.pop(), tpeak)
                    self.traced = [max(p, tpeak) for p in self.traced]
                    line += f", python {current / 2**20:.0f} MB (peak {tpeak / 2**20:.0f} MB)"
                print(line, flush=True)
        return wrapped

    def install(self) -> None:
        for module_name, attr in PHASES:
            module = importlib.import_module(module_name)
            owner, _, name = attr.rpartition(".")
            target = getattr(module, owner) if owner else module
            setattr(target, name, self.wrap(attr, getattr(target, name)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("archive", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--tracemalloc", action="store_true")
    parser.add_argument("--top", type=int, default=10, help="allocation lines shown (--at)")
    parser.add_argument("--at", nargs="*", default=[], help="phases at whose start the held allocations are shown")
    parser.add_argument("--models", action="store_true", help="load the models first (their RSS alone)")
    parser.add_argument("--chunk", type=int, help="touched documents whose named graphs are loaded at a time "
                        "(pipeline.store.oxigraph_store.TOUCHED_CHUNK)")
    args = parser.parse_args()
    from pipeline.runner import Pipeline

    if args.chunk:
        import pipeline.store.oxigraph_store as store

        store.TOUCHED_CHUNK = args.chunk

    print(f"imports: RSS {_status('VmRSS')} MB", flush=True)
    if args.models:
        Pipeline().warm_up()
        print(f"models: RSS {_status('VmRSS')} MB", flush=True)
    phases = Phases(args.tracemalloc, args.top, set(args.at))
    phases.install()
    if args.tracemalloc:
        tracemalloc.start()
    t = time.perf_counter()
    summary = Pipeline(exports="none").run([args.archive], args.out)
    print(f"run: {time.perf_counter() - t:.1f} s, exit {summary.exit_code}, RSS {_status('VmRSS')} MB, "
          f"peak {max(phases.peak_seen, _status('VmHWM'))} MB; resolution "
          f"{ {k: v for k, v in summary.resolution.items() if isinstance(v, (int, str)) and not k.startswith('state')} }",
          flush=True)


if __name__ == "__main__":
    main()
