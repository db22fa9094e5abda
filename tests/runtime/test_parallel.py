"""Engines: worker processes and a real Dask LocalCluster give the output of a serial run."""
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from pipeline.runner import Pipeline

TEXTS = {
    "fr1": "La DGSI coopère avec le Maroc dans la lutte contre le terrorisme. Le ministre s'est rendu à Rabat.",
    "fr2": "La France et l'Espagne ont signé à Madrid un accord sur l'échange de renseignements.",
    "en1": "Morocco and Spain signed an agreement in Rabat on intelligence sharing and police training.",
    "ar1": "وقع المغرب وفرنسا اتفاقية للتعاون الأمني في الرباط لمكافحة الإرهاب.",
    "fr3": "Interpol a salué la coopération entre la Tunisie et l'Algérie contre le trafic de drogue.",
}
EXPORTERS = ("json", "ttl")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    for name, text in TEXTS.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def serial(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("serial")
    summary = Pipeline(EXPORTERS, batch_size=2, cache=False).run([corpus], out)
    assert summary.exit_code == 0
    return out


def assert_same_outputs(a, b):
    for name in ("graph.json", "graph.ttl"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    ids = [[d["id"] for d in json.loads((x / "report.json").read_text())["documents"]] for x in (a, b)]
    assert ids[0] == ids[1] == sorted(TEXTS)


def test_serial_run_finds_the_entities(serial):
    graph = json.loads((serial / "graph.json").read_text(encoding="utf-8"))
    labels = {e["label"] for e in graph["entities"]}
    assert {"Morocco", "France", "Spain"} <= labels


def test_two_worker_processes_give_the_serial_output(corpus, serial, tmp_path):
    summary = Pipeline(EXPORTERS, jobs=2, batch_size=2, cache=False).run([corpus], tmp_path)
    assert summary.exit_code == 0
    assert_same_outputs(serial, tmp_path)


# In a fresh interpreter (no thread left by other tests): the engine's workers, asked before
# they process anything, which pipelines they hold and which process they are.
FORKED = """
import json, os
import pipeline.nlp
from pipeline.runner import warm_worker
from pipeline.runtime.parallel import make_engine

def held(batch):
    return [[os.getpid(), sorted(pipeline.nlp._cache)] for _ in batch]

with make_engine("local", jobs=2, warm_langs=("en",), warm=warm_worker) as engine:
    seen = [row for rows in engine.map(held, [[1], [2], [3]]) for row in rows]
    print(json.dumps({"forked": engine.forked, "parent": os.getpid(), "seen": seen}))
"""


@pytest.mark.skipif(sys.platform != "linux", reason="workers are forked on Linux only")
def test_workers_are_forked_with_the_models_already_loaded():
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, PYTHONPATH=str(root))
    proc = subprocess.run([sys.executable, "-c", FORKED], cwd=root, env=env, capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["forked"] is True
    assert all(pid != out["parent"] for pid, _ in out["seen"])
    # the pipeline the parent loaded, held by each worker before its first batch
    assert [langs for _, langs in out["seen"]] == [["en"]] * 3


def test_with_another_thread_running_the_workers_start_from_the_forkserver(corpus, serial, tmp_path):
    from pipeline.runtime.parallel import _fork_context, make_engine

    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=True)
    thread.start()
    try:
        assert _fork_context() is None  # a fork would copy this process without that thread
        with make_engine("local", jobs=2) as engine:
            assert engine.forked is False
        summary = Pipeline(EXPORTERS, jobs=2, batch_size=2, cache=False).run([corpus], tmp_path)
    finally:
        stop.set()
        thread.join()
    assert summary.exit_code == 0
    assert_same_outputs(serial, tmp_path)


def test_dask_local_cluster_gives_the_serial_output(corpus, serial, tmp_path):
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        pipeline = Pipeline(EXPORTERS, engine="dask", scheduler=cluster.scheduler_address, batch_size=2, cache=False)
        summary = pipeline.run([corpus], tmp_path)
    assert summary.exit_code == 0
    assert_same_outputs(serial, tmp_path)


def _quads(out):
    from pipeline.store.oxigraph_store import open_store

    return sorted(str(q) for q in open_store(out).quads_for_pattern(None, None, None, None))


def test_dask_store_only_incremental_run_gives_the_serial_store(tmp_path):
    """On Dask, a store-only incremental run (documents held as cache references, the
    touched graphs built from the index) gives a serial clean run's store."""
    from dask.distributed import LocalCluster

    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in TEXTS.items():
        if name != "fr3":
            (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        pipeline = Pipeline(engine="dask", scheduler=cluster.scheduler_address, batch_size=2, exports="none")
        assert pipeline.run([folder], out).exit_code == 0
        (folder / "fr3.txt").write_text(TEXTS["fr3"], encoding="utf-8")
        summary = pipeline.run([folder], out)
    assert summary.exit_code == 0 and summary.cached == 4
    assert summary.counts is not None and summary.resolution["mode"] == "incremental"  # the store-only path
    clean = tmp_path / "clean"
    Pipeline(batch_size=2, cache=False, exports="none").run([folder], clean)
    assert _quads(out) == _quads(clean)
