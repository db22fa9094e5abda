"""Load check of ``doc2kg serve``: concurrent SPARQL clients on loopback, bounded in count and time.

Builds the dev-set graph (or takes an existing output folder), starts the real
``doc2kg serve`` on a free loopback port, runs ``--clients`` clients (threads spread over a
few processes, each with its own keep-alive connection) for ``--seconds`` seconds, cycling
through the example queries of ``ontology/queries/``, and prints requests/s, latency
percentiles and errors, overall and per query. Not part of ``make test``.

Usage::

    .venv/bin/python benchmarks/sparql_load.py                      # 32 clients, 30 s, dev-set graph
    .venv/bin/python benchmarks/sparql_load.py --out outputs/ --clients 8 --seconds 10
"""
from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing as mp
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUERIES = {p.stem: p.read_text(encoding="utf-8") for p in sorted((ROOT / "ontology" / "queries").glob("*.rq"))}
DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"


def build_dev_output() -> Path:
    """Run the pipeline on the dev texts into a temporary folder."""
    tmp = Path(tempfile.mkdtemp(prefix="sparql-load-"))
    inp = tmp / "in"
    inp.mkdir()
    for line in DEV.read_text(encoding="utf-8").splitlines():
        if line.strip():
            doc = json.loads(line)
            (inp / f"{doc['id']}.txt").write_text(doc["text"], encoding="utf-8")
    out = tmp / "out"
    subprocess.run([sys.executable, "-m", "pipeline", "run", str(inp), "--out", str(out), "-q"], check=True, cwd=ROOT)
    return out


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(port: int, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/sparql?query=" + urllib.parse.quote("ASK {}"))
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"server on port {port} not ready after {timeout} s")


def client(port: int, stop_at: float, offset: int, results: list) -> None:
    names = sorted(QUERIES)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    i = offset
    while time.monotonic() < stop_at:
        name = names[i % len(names)]
        i += 1
        body = urllib.parse.urlencode({"query": QUERIES[name]})
        started = time.perf_counter()
        try:
            conn.request("POST", "/sparql", body=body, headers={
                "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"})
            resp = conn.getresponse()
            resp.read()
            status = resp.status
        except (OSError, http.client.HTTPException) as exc:
            status = f"error:{type(exc).__name__}"
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        results.append((name, status, time.perf_counter() - started))


def worker(port: int, stop_at: float, threads: int, first: int, queue) -> None:
    results: list = []
    pool = [threading.Thread(target=client, args=(port, stop_at, first + k, results)) for k in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    queue.put(results)


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))] if values else float("nan")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, help="an existing `doc2kg run` output folder (default: build the dev set's)")
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--processes", type=int, default=4, help="client processes the threads are spread over")
    args = ap.parse_args()
    out = args.out or build_dev_output()
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "pipeline", "serve", str(out), "--port", str(port)],
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_ready(port)
        stop_at = time.monotonic() + args.seconds
        queue: mp.Queue = mp.Queue()
        per = [args.clients // args.processes + (1 if k < args.clients % args.processes else 0)
               for k in range(args.processes)]
        started = time.monotonic()
        procs = [mp.Process(target=worker, args=(port, stop_at, n, sum(per[:k]), queue)) for k, n in enumerate(per) if n]
        for p in procs:
            p.start()
        results = [r for _ in procs for r in queue.get()]
        for p in procs:
            p.join()
        wall = time.monotonic() - started
        alive = server.poll() is None
    finally:
        server.terminate()
        server.wait(timeout=30)
    ok = [lat for _, status, lat in results if status == 200]
    errors: dict[str, int] = {}
    for _, status, _ in results:
        if status != 200:
            errors[str(status)] = errors.get(str(status), 0) + 1
    print(f"graph: {out}  clients: {args.clients}  seconds: {wall:.1f}  cpu cores: {os.cpu_count()}")
    print(f"requests: {len(results)}  ok: {len(ok)}  errors: {errors or 0}  requests/s: {len(results) / wall:.1f}")
    print(f"latency ms: p50 {1000 * percentile(ok, 0.5):.1f}  p90 {1000 * percentile(ok, 0.9):.1f}  "
          f"p99 {1000 * percentile(ok, 0.99):.1f}  max {1000 * max(ok, default=float('nan')):.1f}")
    for name in sorted(QUERIES):
        lat = [lt for n, s, lt in results if n == name and s == 200]
        if lat:
            print(f"  {name:28} n={len(lat):5}  p50 {1000 * statistics.median(lat):7.1f} ms  p99 {1000 * percentile(lat, 0.99):7.1f} ms")
    print(f"server still running at the end: {alive}")
    goal = not errors and percentile(ok, 0.99) < 0.25
    print(f"goal (zero errors, p99 < 250 ms): {'met' if goal else 'not met'}")
    return 0 if goal else 1


if __name__ == "__main__":
    sys.exit(main())
