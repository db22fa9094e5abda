"""10,000 generated queries try SERVICE and LOAD (hidden by escapes, comments, strings, case,
Unicode) towards a loopback listener, through ``doc2kg query``'s function and through ``/sparql``;
the listener must receive nothing. The endpoint here runs its engines *with* network
(``keep_network``), so the guard alone is tested; the engines' own isolation (the second wall)
is tested in test_engine_pool.py."""
from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import time

import pyoxigraph as ox
import pytest
import requests

from pipeline.sparql.endpoint import free_port
from pipeline.sparql.read_only import QueryRefused
from pipeline.sparql.run_query import QuerySyntaxError, leased_store, run_query
from tests.conftest import ROOT
from tests.sparql.service_fuzz import Listener, generate

N = 10_000


@pytest.fixture()
def listener():
    listening = Listener()
    yield listening
    listening.close()


def test_generator_reaches_the_listener_without_a_guard(listener):
    """The fuzzer is live: run unguarded on Oxigraph, a good share of its queries do connect."""
    store = ox.Store()
    for query in generate(listener.port, 300, seed=1):
        try:
            result = store.query(query)
            if not isinstance(result, ox.QueryBoolean):
                list(result)
        except (SyntaxError, OSError, RuntimeError, ValueError):
            pass
    time.sleep(0.3)
    assert listener.connections >= 20


def fuzz_in_process(out_dir, queries, outcome: dict) -> None:
    with leased_store(out_dir) as store:
        for query in queries:
            try:
                result = run_query(store, query)
                if result.kind != "ask":
                    list(result.value)
                outcome["ran"] += 1
            except (QuerySyntaxError, QueryRefused):
                outcome["refused"] += 1
            except (OSError, RuntimeError, ValueError) as exc:  # would be an attempt that got through
                outcome["failed"].append((query, str(exc)))


def fuzz_http(url, queries, outcome: dict) -> None:
    session = requests.Session()
    for i, query in enumerate(queries):
        data = {"query": query} if i % 2 else None
        r = (session.post(url, data=data, timeout=60) if data else
             session.get(url, params={"query": query}, timeout=60))
        outcome[r.status_code] = outcome.get(r.status_code, 0) + 1


@pytest.mark.slow
def test_fuzzed_service_and_load_never_leave(seed_run, listener):
    port = free_port()
    code = textwrap.dedent(f"""
        from pathlib import Path
        from pipeline.sparql.endpoint import Endpoint, Limits
        Endpoint(Path({str(seed_run.out_dir)!r}), port={port}, limits=Limits(timeout=5, engines=2),
                 keep_network=True).serve_forever()
    """)
    server = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/sparql"
        deadline = time.monotonic() + 60
        while True:
            try:
                requests.get(url, params={"query": "ASK {}"}, timeout=5)
                break
            except requests.ConnectionError:
                assert time.monotonic() < deadline and server.poll() is None
                time.sleep(0.2)
        queries = generate(listener.port, N, seed=18)
        local = {"ran": 0, "refused": 0, "failed": []}
        remote: dict = {}
        http = threading.Thread(target=fuzz_http, args=(url, queries, remote))
        http.start()
        fuzz_in_process(seed_run.out_dir, queries, local)
        http.join()
        time.sleep(0.5)
        assert listener.connections == 0, listener.first_bytes[:3]
        assert not local["failed"], local["failed"][:3]
        assert local["ran"] + local["refused"] == N and sum(remote.values()) == N
        assert set(remote) <= {200, 400, 403}, remote
        assert remote.get(403, 0) > 500 and local["refused"] > 9000
    finally:
        server.terminate()
        server.wait(timeout=30)
