"""``doc2kg serve`` as a process: started on a free port, queried with SPARQLWrapper, stopped."""
from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest
import requests
from SPARQLWrapper import JSON, SPARQLWrapper

from pipeline.sparql.endpoint import free_port
from tests.conftest import ROOT, wait_for_server


@pytest.fixture()
def server(seed_run):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "serve", str(seed_run.out_dir), "--port", str(port),
                             "--timeout", "2"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    yield wait_for_server(proc, port)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=20) == 0
    time.sleep(0.2)
    assert engine_children(str(seed_run.out_dir)) == 0  # the engines went with it


def engine_children(out_dir: str) -> int:
    out = subprocess.run(["ps", "-ww", "-eo", "args"], capture_output=True, text=True).stdout
    return sum("pipeline.sparql.engine" in line and out_dir in line for line in out.splitlines())


def test_serve_answers_sparqlwrapper_and_stops_cleanly(server, seed_run):
    sparql = SPARQLWrapper(server + "/sparql")
    sparql.setQuery((ROOT / "ontology" / "queries" / "agencies_heads_countries.rq").read_text(encoding="utf-8"))
    sparql.setReturnFormat(JSON)
    rows = sparql.queryAndConvert()["results"]["bindings"]
    assert engine_children(str(seed_run.out_dir)) >= 2
    assert rows and all("agency" in r for r in rows)
    assert requests.get(server + "/", timeout=10).status_code == 200


def test_serve_listens_on_loopback_only(server):
    assert server.startswith("http://127.0.0.1:")
    assert requests.get(server + "/sparql", params={"update": "CLEAR ALL"}, timeout=10).status_code == 403
