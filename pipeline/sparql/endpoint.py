"""The SPARQL endpoint: uvicorn in front, a supervised pool of Oxigraph engine processes behind.

Clients reach only this server (uvicorn's HTTP/1.1 with llhttp, guarded per connection by
:mod:`pipeline.sparql.http_guard`). It speaks the SPARQL 1.1 Protocol at ``/sparql`` (and
``/query``): GET, POST form, POST ``application/sparql-query``, results as JSON, XML, CSV or
TSV (CONSTRUCT/DESCRIBE as Turtle, N-Triples, RDF/XML or JSON-LD) by ``Accept``. The store's
default graph is already the union of the documents' graphs.

* Every query is decided on its parse (:mod:`pipeline.sparql.read_only`): updates, SERVICE,
  foreign FROM / FROM NAMED / ``default-graph-uri`` / ``named-graph-uri`` get ``403``, a query
  the parser cannot parse ``400``. The engines have no network at all where the machine
  allows it (:mod:`pipeline.sparql.engine`), a second wall.
* Queries run in a pool of engine processes (:mod:`pipeline.sparql.engine_pool`), one query
  each at a time: over ``timeout`` seconds that query's engine is killed and replaced
  (``503``); a query over the memory cap kills only its engine (``503``, saying so); others'
  queries go on. Waiting for an engine is bounded: past ``max_waiting`` queued queries, or
  ``timeout`` seconds of waiting, ``503`` with ``Retry-After``.
* Results stream: up to ``COMMIT_BYTES`` are held back so that an answer that fits is sent
  whole with its status (``507`` with a message when over ``max_result_bytes``); a larger one
  is sent as it is produced, and cut (the connection closed, never a short "complete"
  answer) if it then passes the cap or the time limit.
* The request's own deadline: head and body within ``read_timeout`` seconds, the answer's
  sending within ``timeout`` seconds.
* ``/`` is the run's ``graph.html`` with a small query form added (results drawn with
  ``textContent``, right-to-left text kept right-to-left with ``dir="auto"``).

Store generations: the server serves the generation ``OUT/store`` points to, holding its
lease (:mod:`pipeline.store.leases`) so ``doc2kg run`` never deletes it. Between requests it
looks at the link again; after a run it starts engines on the new generation, switches to it
for the next requests (a request in flight finishes on the old one), then lets the old go.
``/`` and ``/sparql`` of one request always come from the same generation.

Usage::

    endpoint = Endpoint(Path("outputs"), host="127.0.0.1", port=7878, limits=Limits(timeout=30))
    endpoint.serve_forever()     # or endpoint.start() in a thread, endpoint.stop()
"""
from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import json
import html
import logging
import os
import resource
import socket
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs

import pyoxigraph as ox
import uvicorn

from pipeline.runtime.terminal import printable
from pipeline.sparql.engine_pool import LOGGED_CHARS, EngineDied, EnginePool, PoolBusy
from pipeline.sparql.http_guard import guarded_protocol
from pipeline.sparql.prefixes import PREFIXES
from pipeline.sparql.read_only import QueryRefused, accepted_before, check_query
from pipeline.store.leases import hold
from pipeline.store.oxigraph_store import current_generation, store_path

log = logging.getLogger("doc2kg.sparql")
SPARQL_PATHS = ("/sparql", "/query")
COMMIT_BYTES = 1_000_000  # held back before the status is sent (see the module docstring)
GENERATION_CHECK = 0.5  # seconds between looks at OUT/store

# Media types by answer kind, the first the default; "*/*" takes the default.
RESULT_TYPES = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": "ttl", "application/x-turtle": "ttl", "application/n-triples": "nt", "text/plain": "nt",
    "application/rdf+xml": "rdfxml", "application/xml": "rdfxml", "text/xml": "rdfxml",
    "application/ld+json": "jsonld", "application/json": "jsonld",
}
CONTENT_TYPES = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                 "csv": "text/csv; charset=utf-8", "tsv": "text/tab-separated-values; charset=utf-8",
                 "ttl": "text/turtle", "nt": "application/n-triples", "rdfxml": "application/rdf+xml",
                 "jsonld": "application/ld+json"}


def default_engines() -> int:
    return max(2, min(4, os.cpu_count() or 2))


def default_max_memory_mb(engines: int) -> int:
    """A share of the machine's memory per engine: total / (engines + 1), between 1 and 16 GB."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // (1024 * 1024)
    except (ValueError, OSError):
        total = 8192
    return max(1024, min(16384, total // (engines + 1)))


@dataclass
class Limits:
    timeout: float = 30.0  # seconds per query (and for sending its answer)
    max_result_bytes: int = 50_000_000
    max_request_bytes: int = 1_000_000
    read_timeout: float = 10.0  # seconds to receive a request, head and body
    engines: int = field(default_factory=default_engines)
    max_memory_mb: int = 0  # per engine; 0: default_max_memory_mb(engines)
    max_waiting: int = 256  # queries queued for an engine before 503
    max_connections: int = 1000


def connection_room(wanted: int, engines: int) -> int:
    """Connections the process can hold without running out of file descriptors.

    asyncio's accept loop, on ``EMFILE``, logs and retries up to ``backlog`` times per wake-up
    (measured: 26,000 log records in 10 s, a third of a core), so the server never lets it get
    there: the soft limit is raised to the hard one, and connections past what is left after
    the engines' pipes and the store's files are answered ``503`` and closed at once.
    """
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        with contextlib.suppress(ValueError, OSError):
            soft = min(hard, 1 << 20)
            resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    reserve = 48 + 2 * engines * 8  # store files, logs, listening socket; two generations of engines' pipes
    return max(8, min(wanted, soft - reserve))


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def negotiate(accept: str, kinds: dict[str, str]) -> str | None:
    """The format for an ``Accept`` header (q-values honoured), or None when nothing offered fits."""
    default = next(iter(kinds.values()))
    if not accept.strip():
        return default
    offers = []
    for position, item in enumerate(accept.split(",")):
        parts = [p.strip() for p in item.split(";")]
        q = 1.0
        for p in parts[1:]:
            if p.lower().startswith("q="):
                with contextlib.suppress(ValueError):
                    q = float(p[2:])
        offers.append((-q, position, parts[0].lower()))
    for negative_q, _, media in sorted(offers):
        if negative_q >= 0:
            continue
        if media in kinds:
            return kinds[media]
        if media in ("*/*", "application/*", "text/*"):
            family = media.split("/")[0]
            return next((f for m, f in kinds.items() if family == "*" or m.startswith(family + "/")), default)
    return None


class Abort(Exception):
    """Ends an answer already begun: the connection is closed mid-answer."""


class _QuietAbort(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], Abort))


@dataclass
class Served:
    """One store generation being served: its engines, its page, its graphs, its lease."""

    generation: Path
    pool: EnginePool
    page: bytes
    graphs: frozenset[str]
    lease: contextlib.ExitStack
    active: int = 0
    retired: bool = False


class Endpoint:
    def __init__(self, out_dir: Path, host: str = "127.0.0.1", port: int = 7878, limits: Limits | None = None,
                 *, keep_network: bool = False) -> None:
        self.out_dir = Path(out_dir)
        location = store_path(self.out_dir)
        if not location.exists():
            raise FileNotFoundError(f"no SPARQL store at {location} (run `doc2kg run ... --out {out_dir}` first)")
        self.limits = limits or Limits()
        if not self.limits.max_memory_mb:
            self.limits.max_memory_mb = default_max_memory_mb(self.limits.engines)
        self.keep_network = keep_network  # tests of the first wall alone
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.socket = socket.socket(family, socket.SOCK_STREAM)
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            self.socket.bind((host, port))
        except OSError:
            self.socket.close()
            raise
        self.socket.listen(1024)
        self.served: Served | None = None
        self._switching = False
        self._switch_task: asyncio.Task | None = None
        self._last_check = 0.0
        self._ready = threading.Event()
        self._failed: BaseException | None = None
        self._thread: threading.Thread | None = None
        self.loop: asyncio.AbstractEventLoop | None = None
        self.max_connections = connection_room(self.limits.max_connections, self.limits.engines)
        protocol = guarded_protocol(read_timeout=self.limits.read_timeout, max_request_bytes=self.limits.max_request_bytes,
                                    max_connections=self.max_connections)
        config = uvicorn.Config(self.app, http=protocol, interface="asgi3", proxy_headers=False, lifespan="off", access_log=False, log_config=None,
                                timeout_keep_alive=5, backlog=1024, server_header=False, date_header=False, timeout_graceful_shutdown=2)
        self.server = uvicorn.Server(config)
        logging.getLogger("uvicorn.error").addFilter(_QuietAbort())

    @property
    def url(self) -> str:
        host, port = self.socket.getsockname()[:2]
        return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"

    @property
    def graphs(self) -> frozenset[str]:
        return self.served.graphs if self.served else frozenset()

    # -- life --------------------------------------------------------------------------
    async def _main(self) -> None:
        self.loop = asyncio.get_running_loop()
        try:
            self.served = await self._serve_generation()
        except BaseException as exc:
            self._failed = exc
            self._ready.set()
            raise
        self._ready.set()
        try:
            await self.server.serve(sockets=[self.socket])
        finally:
            if self.served:
                await self._retire(self.served, wait=False)

    def serve_forever(self) -> None:
        asyncio.run(self._main())

    def start(self) -> None:
        """Serve from a background thread (tests, notebooks); returns once the engines answer."""
        self._thread = threading.Thread(target=lambda: asyncio.run(self._main()), daemon=True, name="sparql-endpoint")
        self._thread.start()
        self._ready.wait()
        if self._failed:
            raise self._failed
        while not self.server.started and self._thread.is_alive():
            time.sleep(0.01)

    def stop(self) -> None:
        self.server.should_exit = True
        if self._thread:
            self._thread.join(timeout=30)
        self.socket.close()

    # -- generations -------------------------------------------------------------------
    async def _serve_generation(self) -> Served:
        """Lease the current generation, read its page and graphs, start its engines."""
        for _ in range(20):
            generation = current_generation(self.out_dir)
            if generation is None:
                raise FileNotFoundError(f"no SPARQL store at {store_path(self.out_dir)}")
            lease = contextlib.ExitStack()
            try:
                lease.enter_context(hold(generation))
            except FileNotFoundError:  # pruned between the look and the lease: look again
                continue
            page_bytes = page(self.out_dir)
            if current_generation(self.out_dir) != generation:  # a run switched meanwhile: page and store must match
                lease.close()
                continue
            store = ox.Store.read_only(str(generation))
            graphs = frozenset(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
            del store
            pool = EnginePool(generation, size=self.limits.engines, max_memory_mb=self.limits.max_memory_mb,
                              max_waiting=self.limits.max_waiting, keep_network=self.keep_network)
            try:
                await pool.start()
            except BaseException:
                await pool.close()
                lease.close()
                raise
            log.info("serving store generation %s (%d graphs, %d engines)", generation.name, len(graphs), pool.size)
            return Served(generation, pool, page_bytes, graphs, lease)
        raise RuntimeError("the store kept changing while the server opened it")

    async def _switch(self) -> None:
        try:
            new = await self._serve_generation()
        except Exception as exc:  # keep serving the old generation; look again in a few seconds
            log.error("could not move to the new store generation: %s", printable(exc, limit=LOGGED_CHARS))
            self._last_check = time.monotonic() + 5
            return
        finally:
            self._switching = False
        old, self.served = self.served, new
        if old:
            await self._retire(old)

    async def _retire(self, served: Served, wait: bool = True) -> None:
        served.retired = True
        while wait and served.active:
            await asyncio.sleep(0.05)
        await served.pool.close()
        served.lease.close()

    def _current(self) -> Served:
        now = time.monotonic()
        if not self._switching and now - self._last_check > GENERATION_CHECK:
            self._last_check = now
            generation = current_generation(self.out_dir)
            if generation is not None and self.served and generation != self.served.generation:
                self._switching = True
                self._switch_task = asyncio.ensure_future(self._switch())  # kept: the loop holds tasks weakly
        return self.served

    # -- the ASGI application -----------------------------------------------------------
    async def app(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            return
        started = time.monotonic()
        served = self._current()
        served.active += 1
        status = [0]

        async def reply(code: int, body: bytes, content_type: str = "text/plain; charset=utf-8",
                        headers: list[tuple[bytes, bytes]] = ()) -> None:
            status[0] = code
            await send({"type": "http.response.start", "status": code, "headers": [
                (b"content-type", content_type.encode()), (b"content-length", str(len(body)).encode()),
                (b"x-content-type-options", b"nosniff"), *headers]})
            await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})

        async def error(code: int, message: str, retry_after: int | None = None) -> None:
            headers = [(b"retry-after", str(retry_after).encode())] if retry_after else []
            if code in (400, 411, 413, 415):
                headers.append((b"connection", b"close"))
            await reply(code, (message.rstrip() + "\n").encode("utf-8"), headers=headers)

        try:
            await self._route(scope, receive, send, served, reply, error, status)
        finally:
            served.active -= 1
            if log.isEnabledFor(logging.INFO):
                log.info("%s %s %s %d %.0f ms", printable(scope.get("client", ("-",))[0], limit=LOGGED_CHARS), scope["method"],
                         printable(scope["path"], limit=200), status[0], 1000 * (time.monotonic() - started))

    async def _route(self, scope, receive, send, served: Served, reply, error, status) -> None:
        method, path = scope["method"], scope["path"]
        if path in ("/", "/index.html") and method in ("GET", "HEAD"):
            return await reply(200, served.page, "text/html; charset=utf-8")
        if path == "/favicon.ico" and method in ("GET", "HEAD"):  # no icon, and no 404 in the browser's console
            return await reply(204, b"")
        if path not in SPARQL_PATHS:
            return await error(404, f"not found: {printable(path, limit=200)} (the SPARQL endpoint is /sparql)")
        headers: dict[bytes, list[bytes]] = {}
        for name, value in scope["headers"]:
            headers.setdefault(name, []).append(value)
        if len(headers.get(b"content-length", [])) > 1 or (b"content-length" in headers and b"transfer-encoding" in headers):
            return await error(400, "one Content-Length, and not with Transfer-Encoding")  # llhttp refuses these first
        query_string = scope.get("query_string", b"")
        try:
            params = parse_qs(query_string.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
        except UnicodeDecodeError:
            return await error(400, "the query string is not UTF-8")
        if method in ("GET", "HEAD"):
            pass
        elif method == "POST":
            if b"content-length" not in headers and b"transfer-encoding" not in headers:
                return await error(411, "a POST needs a Content-Length")
            body = await self._read_body(receive)
            if body is None:
                return await error(413, f"request body over the limit of {self.limits.max_request_bytes} bytes")
            ctype = headers.get(b"content-type", [b""])[0].decode("latin-1").split(";")[0].strip().lower()
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError:
                return await error(400, "the request body is not UTF-8")
            if ctype == "application/x-www-form-urlencoded":
                form = parse_qs(text, keep_blank_values=True)
                if "update" in form:
                    return await error(403, "read-only: SPARQL Update is not accepted")
                for key, values in form.items():
                    params.setdefault(key, []).extend(values)
            elif ctype == "application/sparql-query":
                params.setdefault("query", []).append(text)
            elif ctype == "application/sparql-update":
                return await error(403, "read-only: SPARQL Update is not accepted")
            else:
                return await error(415, "POST a form (application/x-www-form-urlencoded) or application/sparql-query")
        else:
            return await error(405, f"method {printable(method, limit=20)} is not allowed; use GET or POST")
        if "update" in params:
            return await error(403, "read-only: SPARQL Update is not accepted")
        await self._query(params, headers, served, send, reply, error, status, scope["method"] == "HEAD")

    async def _read_body(self, receive) -> bytes | None:
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                raise Abort("the client went away")
            body += message.get("body", b"")
            if len(body) > self.limits.max_request_bytes:
                return None
            if not message.get("more_body"):
                return bytes(body)

    async def _query(self, params, headers, served: Served, send, reply, error, status, head_only: bool) -> None:
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            return await error(400, "give exactly one `query` parameter")
        default_graphs = params.get("default-graph-uri", [])
        named_graphs = params.get("named-graph-uri", [])
        check = {"local_graphs": served.graphs, "predeclared": PREFIXES,
                 "protocol_graphs": [*default_graphs, *named_graphs]}
        checked = accepted_before(queries[0], **check)
        if checked is None:
            try:  # the parse is pure Python and may take a while: off the event loop
                checked = await asyncio.get_running_loop().run_in_executor(None, lambda: check_query(queries[0], **check))
            except QueryRefused as exc:
                return await error(exc.status, str(exc))
        accept = b",".join(headers.get(b"accept", [])).decode("latin-1")
        fmt = negotiate(accept, RESULT_TYPES if checked.form in ("select", "ask") else GRAPH_TYPES)
        if fmt is None:
            kinds = RESULT_TYPES if checked.form in ("select", "ask") else GRAPH_TYPES
            return await error(406, f"cannot answer in {printable(accept, limit=200)}; offered: {', '.join(kinds)}")
        limits = self.limits
        pool = served.pool
        try:
            engine = await pool.acquire(limits.timeout)
        except PoolBusy as exc:
            return await error(503, f"the server is busy ({exc}); try again", retry_after=1)
        deadline = time.monotonic() + limits.timeout
        sent_head = False
        try:
            engine.request({"query": checked.text, "format": fmt, "max_bytes": limits.max_result_bytes,
                            "default_graph": default_graphs or None, "named_graphs": named_graphs or None})
            held, size = [], 0
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise asyncio.TimeoutError
                kind, payload = await asyncio.wait_for(engine.read_frame(), remaining)
                if kind == b"D":
                    size += len(payload)
                    if sent_head:
                        await asyncio.wait_for(send({"type": "http.response.body", "body": payload, "more_body": True}),
                                               max(deadline - time.monotonic(), 0.001))
                        continue
                    held.append(payload)
                    if size > COMMIT_BYTES and not head_only:
                        status[0] = 200
                        await send({"type": "http.response.start", "status": 200, "headers": [
                            (b"content-type", CONTENT_TYPES[fmt].encode()), (b"x-content-type-options", b"nosniff")]})
                        sent_head = True
                        await asyncio.wait_for(send({"type": "http.response.body", "body": b"".join(held),
                                                     "more_body": True}), max(deadline - time.monotonic(), 0.001))
                        held = []
                    continue
                if kind != b"E":
                    raise EngineDied(f"the query engine sent an unexpected {kind!r} frame")
                end = json.loads(payload)
                break
        except asyncio.TimeoutError:
            pool.discard(engine, f"over the time limit of {limits.timeout:g} s")
            if sent_head:
                raise Abort("time limit") from None
            return await error(503, f"query stopped: over the time limit of {limits.timeout:g} s")
        except EngineDied as exc:
            pool.discard(engine, "it failed")
            if sent_head:
                raise Abort(str(exc)) from None
            return await error(503, f"query failed: {exc}", retry_after=1)
        except BaseException:  # the client went away, the server stops: the engine may be mid-answer
            pool.discard(engine, "its request was abandoned")
            raise
        pool.release(engine)
        code, message = end["status"], end.get("message", "")
        if sent_head:
            if code != 200:  # over the cap after the head went out: cut, never a short "complete" answer
                raise Abort(message)
            return await send({"type": "http.response.body", "body": b"", "more_body": False})
        if code != 200:
            return await error(code, message)
        await reply(200, b"".join(held), CONTENT_TYPES[fmt])


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

