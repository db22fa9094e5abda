"""The SPARQL endpoint: Oxigraph's own server behind a small validating proxy.

Oxigraph's ``oxigraph serve-read-only`` implements the SPARQL 1.1 Protocol (GET, POST form,
POST ``application/sparql-query``, content negotiation for JSON, XML, CSV, TSV and the RDF
formats) on the store of a run; we do not write a SPARQL server. It runs as a child process
bound to a private loopback port (the store's default graph is already the union of the
documents' graphs). In front of it, this proxy
(the standard library's threading HTTP server) is the only thing clients reach:

* ``/sparql`` (and ``/query``): every query passes :func:`~pipeline.sparql.read_only.check_read_only`
  first: Update, LOAD, SERVICE and foreign FROM / FROM NAMED / ``default-graph-uri`` /
  ``named-graph-uri`` get ``403`` with a message, so Oxigraph never makes an outgoing request.
* requests over ``max_request_bytes`` get ``413``; a POST without a length ``411``.
* each query has ``timeout`` seconds. Oxigraph's own ``--timeout-s`` does not stop a running
  aggregate (measured: a 5-way cross join with COUNT ran on for minutes), so on a timeout the
  proxy kills the Oxigraph process and starts a fresh one (read-only opening takes
  milliseconds) and answers ``503`` with a message. Queries in flight on the killed process at
  that moment also get a ``503``; the next request is served by the fresh one.
* results over ``max_result_bytes`` are not sent: ``507`` with a message (add a LIMIT).
* ``/`` is the run's ``graph.html`` with a small query form added (results drawn with
  ``textContent``, right-to-left text kept right-to-left with ``dir="auto"``).

The server reads the store generation current when it starts; restart it after a new
``doc2kg run`` to serve the new data.

Usage::

    endpoint = Endpoint(Path("outputs"), host="127.0.0.1", port=7878, timeout=30)
    endpoint.serve_forever()     # or endpoint.start() in a thread, endpoint.stop()
"""
from __future__ import annotations

import base64
import contextlib
import hashlib
import html
import http.client
import queue
import re
import signal
import shutil
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pyoxigraph as ox

from pipeline.sparql.prefixes import PREFIXES
from pipeline.sparql.read_only import QueryRefused, check_read_only
from pipeline.store.oxigraph_store import store_path

SPARQL_PATHS = ("/sparql", "/query")
FORWARDED_HEADERS = ("Content-Type", "Content-Disposition")


@dataclass
class Limits:
    timeout: float = 30.0  # seconds per query
    max_result_bytes: int = 50_000_000
    max_request_bytes: int = 1_000_000


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def oxigraph_binary() -> str:
    here = Path(sys.executable).with_name("oxigraph")
    found = str(here) if here.exists() else shutil.which("oxigraph")
    if not found:
        raise FileNotFoundError("the `oxigraph` command is not installed (pip install oxigraph)")
    return found


def _die_with_parent() -> None:
    """Linux: the child gets SIGKILL when the thread that started it ends (so: the supervisor, the process)."""
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


class Upstream:
    """One ``oxigraph serve-read-only`` child on a loopback port; ``restart`` replaces it.

    Children are started from one supervisor thread that lives as long as the server:
    ``PR_SET_PDEATHSIG`` is tied to the starting thread, and request threads come and go.
    """

    def __init__(self, location: Path, timeout: float) -> None:
        self.location = location
        self.timeout = timeout
        self.process: subprocess.Popen | None = None
        self.port = 0
        self.generation = 0
        self._jobs: queue.Queue = queue.Queue()
        self._supervisor = threading.Thread(target=self._supervise, daemon=True, name="oxigraph-supervisor")
        self._supervisor.start()

    def _supervise(self) -> None:
        while True:
            job, outcome, finished = self._jobs.get()
            try:
                job()
            except BaseException as exc:  # handed back to the caller
                outcome.append(exc)
            finished.set()

    def _call(self, job) -> None:
        outcome: list[BaseException] = []
        finished = threading.Event()
        self._jobs.put((job, outcome, finished))
        finished.wait()
        if outcome:
            raise outcome[0]

    def start(self) -> None:
        self._call(self._start)

    def _start(self) -> None:
        self.port = free_port()
        self.process = subprocess.Popen(
            [oxigraph_binary(), "serve-read-only", "--location", str(self.location),
             "--bind", f"127.0.0.1:{self.port}",
             "--timeout-s", str(max(1, int(self.timeout)))],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            preexec_fn=_die_with_parent)
        self.generation += 1
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"oxigraph did not start: {self.process.stderr.read().decode(errors='replace')}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                return
            time.sleep(0.02)
        raise RuntimeError("oxigraph did not start listening within 20 s")

    def _stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        if self.process and self.process.stderr:
            self.process.stderr.close()

    def restart(self, generation: int) -> None:
        """Kill the child that ran ``generation`` (once, however many requests timed out on it)."""
        def job() -> None:
            if self.generation == generation:
                self._stop()
                self._start()
        self._call(job)

    def stop(self) -> None:
        self._call(self._stop)


class _Server(ThreadingHTTPServer):
    # The stdlib's backlog of 5 overflows under a burst of clients: connections then hang
    # in the kernel's accept queue until the client gives up.
    request_queue_size = 128


class Endpoint:
    def __init__(self, out_dir: Path, host: str = "127.0.0.1", port: int = 7878, limits: Limits | None = None) -> None:
        self.out_dir = Path(out_dir)
        location = store_path(self.out_dir)
        if not location.exists():
            raise FileNotFoundError(f"no SPARQL store at {location} (run `doc2kg run ... --out {out_dir}` first)")
        self.limits = limits or Limits()
        self.location = location.resolve()
        store = ox.Store.read_only(str(self.location))
        self.graphs = {g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)}
        del store
        self.upstream = Upstream(self.location, self.limits.timeout)
        self.httpd = _Server((host, port), self._handler_class())
        self.httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        endpoint = self

        class Handler(SparqlProxyHandler):
            pass

        Handler.endpoint = endpoint
        return Handler

    def serve_forever(self) -> None:
        self.upstream.start()
        try:
            self.httpd.serve_forever()
        finally:
            self.httpd.server_close()
            self.upstream.stop()

    def start(self) -> None:
        """Serve from a background thread (tests, notebooks)."""
        self.upstream.start()
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.upstream.stop()


class SparqlProxyHandler(BaseHTTPRequestHandler):
    endpoint: Endpoint
    server_version = "doc2kg-sparql"
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; with Nagle's algorithm the second waits for the
    # client's delayed ACK (~40 ms a request).
    disable_nagle_algorithm = True
    timeout = 60  # seconds a client may take to send its request (socket timeout)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the stdlib's name
        sys.stderr.write(f"{self.address_string()} {format % args}\n")

    # -- answers -------------------------------------------------------------------------
    def _send(self, status: int, body: bytes, content_type: str = "text/plain; charset=utf-8",
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str) -> None:
        self._send(status, (message.rstrip() + "\n").encode("utf-8"))

    # -- routes --------------------------------------------------------------------------
    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if len(self.path) > self.endpoint.limits.max_request_bytes:
            return self._error(413, "request too large")
        if url.path in ("/", "/index.html"):
            return self._send(200, page(self.endpoint.out_dir), "text/html; charset=utf-8")
        if url.path == "/favicon.ico":  # browsers ask for it; no icon, and no 404 in their console
            return self._send(204, b"")
        if url.path in SPARQL_PATHS:
            params = parse_qs(url.query, keep_blank_values=True)
            if "update" in params:
                return self._error(403, "read-only: SPARQL Update is not accepted")
            return self._query(params)
        self._error(404, f"not found: {url.path} (the SPARQL endpoint is /sparql)")

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if url.path not in SPARQL_PATHS:
            self._discard_body()
            return self._error(404, f"not found: {url.path} (the SPARQL endpoint is /sparql)")
        length = self.headers.get("Content-Length")
        if length is None:
            self.close_connection = True
            return self._error(411, "a POST needs a Content-Length")
        try:
            size = int(length)
        except ValueError:
            self.close_connection = True
            return self._error(400, "bad Content-Length")
        if size > self.endpoint.limits.max_request_bytes:
            self.close_connection = True  # the body is not read
            return self._error(413, f"request body of {size} bytes is over the limit of "
                                    f"{self.endpoint.limits.max_request_bytes}")
        body = self.rfile.read(size)
        ctype = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        params = parse_qs(url.query, keep_blank_values=True)
        if ctype == "application/x-www-form-urlencoded":
            form = parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True)
            if "update" in form:
                return self._error(403, "read-only: SPARQL Update is not accepted")
            params.update(form)
        elif ctype == "application/sparql-query":
            params["query"] = [body.decode("utf-8", errors="replace")]
        elif ctype == "application/sparql-update":
            return self._error(403, "read-only: SPARQL Update is not accepted")
        else:
            return self._error(415, "POST a form (application/x-www-form-urlencoded) or application/sparql-query")
        self._query(params)

    def _discard_body(self) -> None:
        with contextlib.suppress(ValueError):
            size = int(self.headers.get("Content-Length", 0))
            if 0 < size <= self.endpoint.limits.max_request_bytes:
                self.rfile.read(size)
                return
        self.close_connection = True

    # -- the query -----------------------------------------------------------------------
    def _query(self, params: dict[str, list[str]]) -> None:
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            return self._error(400, "give exactly one `query` parameter")
        query = queries[0]
        graphs = params.get("default-graph-uri", []) + params.get("named-graph-uri", [])
        try:
            check_read_only(query, local_graphs=self.endpoint.graphs, predeclared=PREFIXES, protocol_graphs=graphs)
        except QueryRefused as exc:
            return self._error(exc.status, str(exc))
        forward = {"query": _with_prefixes(query)}
        upstream = self.endpoint.upstream
        generation, port = upstream.generation, upstream.port
        limits = self.endpoint.limits
        deadline = time.monotonic() + limits.timeout
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=limits.timeout)
        body = urlencode(forward, doseq=True) + "".join(
            "&" + urlencode({k: v}) for k in ("default-graph-uri", "named-graph-uri") for v in params.get(k, []))
        try:
            conn.request("POST", "/query", body=body.encode("utf-8"), headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": self.headers.get("Accept", "application/sparql-results+json"),
            })
            sock = conn.sock  # kept: http.client drops conn.sock once the response owns it
            response = conn.getresponse()
            chunks, size = [], 0
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError
                sock.settimeout(remaining)
                chunk = response.read1(65536)
                if not chunk:
                    break
                size += len(chunk)
                if size > limits.max_result_bytes:
                    conn.close()
                    upstream.restart(generation)  # stop the rest of the result being computed
                    return self._error(507, f"result larger than {limits.max_result_bytes} bytes; add a LIMIT")
                chunks.append(chunk)
        except (TimeoutError, socket.timeout):
            conn.close()
            upstream.restart(generation)
            return self._error(503, f"query stopped: over the time limit of {limits.timeout:g} s")
        except (ConnectionError, http.client.HTTPException, OSError):
            conn.close()
            return self._error(503, "query interrupted (the query engine was restarted); try again")
        conn.close()
        headers = {k: response.getheader(k) for k in FORWARDED_HEADERS[1:] if response.getheader(k)}
        data = b"".join(chunks)
        if response.status == 400:  # positions as in the client's query, without our prefix line
            data = _ERROR_AT.sub(lambda m: f"error at {int(m.group(1)) - 1}:{m.group(2)}",
                                 data.decode("utf-8", errors="replace")).encode("utf-8")
        self._send(response.status, data,
                   response.getheader("Content-Type", "application/octet-stream"), headers)


_ERROR_AT = re.compile(r"error at (\d+):(\d+)")


def _with_prefixes(query: str) -> str:
    """Predeclare our prefixes, on one line before the query (the query's own PREFIX lines win)."""
    return " ".join(f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items()) + "\n" + query


QUERY_FORM = """
<section id="doc2kg-sparql" style="font-family:sans-serif;margin:1em;padding:1em;border-top:1px solid #ccc">
<h2>SPARQL</h2>
<form id="doc2kg-sparql-form">
<textarea name="query" rows="8" style="width:100%;font-family:monospace">{example}</textarea>
<p><button type="submit">Run</button> <span id="doc2kg-sparql-status"></span>
Prefixes d2k:, id:, doc:, skos:, rdf:... are predeclared. Endpoint: <code>/sparql</code>.</p>
</form>
<table id="doc2kg-sparql-results" border="1" style="border-collapse:collapse"></table>
</section>
<script>{script}</script>
"""
FORM_SCRIPT = """
(function () {
  const form = document.getElementById("doc2kg-sparql-form");
  const table = document.getElementById("doc2kg-sparql-results");
  const status = document.getElementById("doc2kg-sparql-status");
  function cell(row, text, tag) {
    const c = document.createElement(tag); c.textContent = text; c.dir = "auto";
    c.style.padding = "2px 6px"; row.appendChild(c);
  }
  form.addEventListener("submit", async function (ev) {
    ev.preventDefault(); table.replaceChildren(); status.textContent = "running...";
    const started = performance.now();
    const res = await fetch("/sparql", {method: "POST", body: form.query.value,
      headers: {"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"}});
    const text = await res.text();
    if (!res.ok) { status.textContent = res.status + ": " + text; return; }
    const data = JSON.parse(text);
    if ("boolean" in data) { status.textContent = String(data.boolean); return; }
    const vars = data.head.vars, head = document.createElement("tr");
    vars.forEach(v => cell(head, v, "th")); table.appendChild(head);
    data.results.bindings.forEach(b => {
      const row = document.createElement("tr");
      vars.forEach(v => cell(row, b[v] ? b[v].value : "", "td")); table.appendChild(row);
    });
    status.textContent = data.results.bindings.length + " rows, " + Math.round(performance.now() - started) + " ms";
  });
})();
"""
EXAMPLE = "SELECT ?entity ?type ?label WHERE {\n  ?entity a ?type ; skos:prefLabel ?label .\n} LIMIT 50"


def page(out_dir: Path) -> bytes:
    """``graph.html`` of the run with the query form before ``</body>`` (a bare page without it)."""
    form = QUERY_FORM.replace("{example}", html.escape(EXAMPLE)).replace("{script}", FORM_SCRIPT)
    path = Path(out_dir) / "graph.html"
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    # The page forbids every script but its own and every request; served here it also runs
    # the form's script (by its hash) and may ask this server.
    form_hash = "'sha256-" + base64.b64encode(hashlib.sha256(FORM_SCRIPT.encode("utf-8")).digest()).decode() + "'"
    text = text.replace("script-src ", f"script-src {form_hash} ", 1).replace("connect-src 'none'", "connect-src 'self'", 1)
    at = text.lower().rfind("</body>")
    if at < 0:
        text = ("<!doctype html><html><head><meta charset='utf-8'><title>doc2kg SPARQL</title></head><body>"
                + text + form + "</body></html>")
    else:
        text = text[:at] + form + text[at:]
    return text.encode("utf-8")

