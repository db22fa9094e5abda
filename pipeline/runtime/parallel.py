"""Engines that run the per-document stages on batches of documents, results in input order.

- ``serial``: in this process (``--jobs 1``).
- ``local``: N worker processes (``--jobs N``). On Linux, when no other thread runs in this
  process, the models are loaded here once and the workers are forked from it: they share
  the loaded models (copy-on-write) and start at once. Elsewhere they are started with
  ``forkserver`` (``spawn`` where there is none) and each loads its models in the pool
  initializer.
- ``dask``: the workers of a ``dask.distributed`` cluster (``--engine dask``), at
  ``--scheduler ADDRESS`` or a LocalCluster of N worker processes started for the run.

Every engine maps the same function over the same batches, so the output does not depend
on the engine or on N. :func:`run_exporters` runs the exporters side by side on this machine
when more than one job is allowed. At most a few batches per worker are in flight: memory stays flat
however long the input stream is.

Usage::

    from pipeline.runner import process_batch, warm_worker
    with make_engine("local", jobs=2, warm_langs=("fr",), warm=warm_worker) as engine:
        for results in engine.map(process_batch, batches):
            ...
"""
from __future__ import annotations

import contextlib
import hashlib
import logging
import multiprocessing
import os
import pickle
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import networkx as nx

from pipeline.model import Document, DocumentResult

Batch = list[Document]
BatchFn = Callable[[Batch], list[DocumentResult]]
# Loads the models of some languages in a worker (``pipeline.runner.warm_worker``).
WarmFn = Callable[[tuple[str, ...]], None]
ENGINES = ("local", "dask")
IN_FLIGHT_PER_WORKER = 2


# One BLAS thread per worker: N workers with OpenBLAS's default of one spinning thread per
# core each would fight over the cores (Dask's nanny sets the same for its workers).
WORKER_ENV = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def _worker_context() -> multiprocessing.context.BaseContext:
    for name, value in WORKER_ENV.items():  # inherited by the forkserver when it starts
        os.environ.setdefault(name, value)
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if ctx.get_start_method() == "forkserver":
        ctx.set_forkserver_preload(["pipeline.runner"])
    return ctx


def _fork_context() -> multiprocessing.context.BaseContext | None:
    """The ``fork`` start method where it is safe: on Linux, with no other thread running in
    this process (a forked child has no copy of the other threads, and a lock one of them held
    would stay held in the child). None elsewhere."""
    if sys.platform != "linux" or "fork" not in multiprocessing.get_all_start_methods():
        return None
    if threading.active_count() > 1:
        return None
    return multiprocessing.get_context("fork")


def _forked_worker() -> None:
    """A forked worker's initializer: one BLAS thread (the forkserver's workers have it from
    :data:`WORKER_ENV`; a forked one inherits this process's pool, already started)."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - a dependency of scikit-learn
        return
    threadpool_limits(1)


def _ordered(submit: Callable[[Batch], Any], wait: Callable[[Any], list[DocumentResult]],
             batches: Iterable[Batch], in_flight: int) -> Iterator[list[DocumentResult]]:
    # An empty batch (all its documents were cached) keeps its place without a round trip.
    pending: deque = deque()
    for batch in batches:
        pending.append(submit(batch) if batch else None)
        if len(pending) >= in_flight:
            future = pending.popleft()
            yield wait(future) if future is not None else []
    while pending:
        future = pending.popleft()
        yield wait(future) if future is not None else []


class SerialEngine:
    """Batches processed one after the other in this process."""

    workers = 1
    forked = False  # whether the workers were forked from this process with its models (ProcessEngine)

    def __init__(self, warm_langs: tuple[str, ...] = (), warm: WarmFn | None = None) -> None:
        self.warm_langs = warm_langs
        self.warm = warm

    def map(self, fn: BatchFn, batches: Iterable[Batch]) -> Iterator[list[DocumentResult]]:
        for batch in batches:
            yield fn(batch) if batch else []

    def close(self) -> None:
        pass

    def __enter__(self) -> "SerialEngine":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class ProcessEngine(SerialEngine):
    """A pool of ``jobs`` worker processes on this machine."""

    def __init__(self, jobs: int, warm_langs: tuple[str, ...] = (), warm: WarmFn | None = None) -> None:
        super().__init__(warm_langs, warm)
        self.workers = jobs
        context = _fork_context()
        self.forked = context is not None
        if context is not None:
            # The models loaded once, here: every worker forked after this has them.
            if warm:
                warm(tuple(warm_langs))
            self.pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_forked_worker)
        else:
            self.pool = ProcessPoolExecutor(max_workers=jobs, mp_context=_worker_context(), initializer=warm,
                                            initargs=(tuple(warm_langs),) if warm else ())

    def map(self, fn: BatchFn, batches: Iterable[Batch]) -> Iterator[list[DocumentResult]]:
        return _ordered(lambda b: self.pool.submit(fn, b), lambda f: f.result(), batches,
                        self.workers * IN_FLIGHT_PER_WORKER)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class DaskEngine(SerialEngine):
    """The workers of a Dask cluster: the one at ``scheduler``, or a LocalCluster of ``jobs`` processes."""

    def __init__(self, jobs: int = 2, scheduler: str | None = None, warm_langs: tuple[str, ...] = (),
                 warm: WarmFn | None = None) -> None:
        super().__init__(warm_langs, warm)
        from dask.distributed import Client, LocalCluster

        self.cluster = None
        if scheduler:
            self.client = Client(scheduler)
        else:
            self.cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=logging.ERROR)
            self.client = Client(self.cluster)
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})) or jobs)
        if warm_langs and warm:
            self.client.run(warm, tuple(warm_langs))

    def map(self, fn: BatchFn, batches: Iterable[Batch]) -> Iterator[list[DocumentResult]]:
        # pure=False: two equal batches are still two tasks (results are not shared by key).
        return _ordered(lambda b: self.client.submit(fn, b, pure=False), lambda f: f.result(), batches,
                        self.workers * IN_FLIGHT_PER_WORKER)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


# The graph an exporter worker holds: [digest, G, its reuse() context], so the exporters
# that read the RDF dataset and run in the same worker build it once.
_worker_graph: list = []
# Exporters that take longest go first, so the last one to finish is a short one.
SLOW_EXPORTERS = ("store", "jsonld", "trig", "nq", "rdf", "ttl", "html")
# Exporters made of parts that can run side by side (see pipeline.exporters.EXPORTERS).
SPLIT = {"rdf": ("ttl", "trig", "nq")}


# The graph a forked exporter worker inherits from this process (run_exporters sets it before
# the fork), not sent to it.
_inherited_graph: list = []


def _export(name: str, graph: bytes | None, out_dir: Path) -> list[Path]:
    """One exporter's files; ``graph`` pickled, or None in a forked worker (the inherited graph)."""
    from pipeline.exporters import get_exporter
    from pipeline.exporters.rdf import reuse

    digest = hashlib.sha256(graph).digest() if graph is not None else b"inherited"
    if not _worker_graph or _worker_graph[0] != digest:
        if _worker_graph:
            _worker_graph[2].close()
        G = pickle.loads(graph) if graph is not None else _inherited_graph[0]
        stack = contextlib.ExitStack()
        stack.enter_context(reuse(G))
        _worker_graph[:] = [digest, G, stack]
    return get_exporter(name)(_worker_graph[1], out_dir)


def run_exporters(G: nx.MultiDiGraph, out_dir: Path, names: Iterable[str], jobs: int = 1) -> list[Path]:
    """Each exporter's files, in the order of ``names``; with ``jobs`` > 1 the exporters run side
    by side in worker processes (each is a pure function of the graph)."""
    from pipeline.exporters import get_exporter
    from pipeline.exporters.rdf import reuse

    names = list(names)
    if jobs <= 1 or len(names) <= 1:
        with reuse(G):  # the RDF dataset is built once for rdf, jsonld and store
            return [path for name in names for path in get_exporter(name)(G, out_dir)]
    # Side by side, "rdf" is its three files as three tasks (the same files, in its order).
    tasks = {name: SPLIT.get(name, (name,)) for name in names}
    order = sorted({t for parts in tasks.values() for t in parts},
                   key=lambda n: SLOW_EXPORTERS.index(n) if n in SLOW_EXPORTERS else len(SLOW_EXPORTERS))
    context = _fork_context()
    if context is not None:  # forked workers inherit the graph: nothing to pickle
        graph, _inherited_graph[:] = None, [G]
    else:
        context, graph = _worker_context(), pickle.dumps(G, protocol=pickle.HIGHEST_PROTOCOL)  # pickled once
    try:
        with ProcessPoolExecutor(max_workers=min(jobs, len(order)), mp_context=context) as pool:
            futures = {task: pool.submit(_export, task, graph, out_dir) for task in order}
            return [path for name in names for task in tasks[name] for path in futures[task].result()]
    finally:
        _inherited_graph.clear()


def make_engine(engine: str = "local", jobs: int = 1, scheduler: str | None = None,
                warm_langs: Iterable[str] = (), warm: WarmFn | None = None) -> SerialEngine:
    """The engine for ``--engine`` / ``--jobs`` / ``--scheduler``; ``warm(warm_langs)`` runs
    once in each worker before its first batch."""
    langs = tuple(warm_langs)
    if engine == "dask":
        return DaskEngine(jobs=max(1, jobs), scheduler=scheduler, warm_langs=langs, warm=warm)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    if jobs <= 1:
        return SerialEngine(langs, warm)
    return ProcessEngine(jobs, langs, warm)
