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
* Pages: ``/`` is the run's ``graph.html`` whole (plus a link to the query page, and
  ``/#entity=ID`` opens that entity); ``/editor`` the query page (:mod:`query_page`: editor,
  predeclared prefixes, the example queries, results whose IRIs link to the graph page and to
  ``/resource``, a SELECT's rows ``PAGE_SIZE`` at a time, CSV/JSON downloads, timing; results
  drawn with ``textContent``);
  ``/resource?iri=IRI`` the triples of one IRI (server-side HTML, every text escaped);
  ``/view?entity=Morocco&hops=1`` (or ``top=N``, ``documents=ID`` repeated, ``from``/``to``,
  ``limit``) the graph page of one view of the store (:mod:`pipeline.sparql.view`, as
  ``doc2kg view``), for an archive too large for one page.
* Pages of a SELECT: ``/sparql?limit=N&offset=K`` (our extension of the protocol) answers rows
  K+1..K+N (:mod:`pipeline.sparql.paging`: LIMIT/OFFSET added, a query's own LIMIT kept as a
  subquery); the paged text passes the read-only guard as any query. Other forms answer whole.
* CORS on request: with ``cors=("https://yasgui.example",)`` (``--cors``) ``/sparql`` answers
  that origin's pages (``"*"``: any); ``OPTIONS`` is answered (a preflight gets the allowed
  methods and headers when the origin is allowed).

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
import re
import resource
import socket
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote

import pyoxigraph as ox
import uvicorn

from pipeline.exporters import html as graph_page
from pipeline.ontology_data import example_queries
from pipeline.runtime.terminal import printable
from pipeline.sparql.engine_pool import LOGGED_CHARS, EngineDied, EnginePool, PoolBusy
from pipeline.sparql.http_guard import guarded_protocol
from pipeline.sparql.paging import MAX_OFFSET, NotPageable, paged
from pipeline.sparql.prefixes import PREFIXES, compact
from pipeline.sparql.read_only import QueryRefused, accepted_before, check_query
from pipeline.sparql.view import DEFAULT_LIMIT, ViewError, view_graph
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
                 *, keep_network: bool = False, cors: tuple[str, ...] = ()) -> None:
        self.out_dir = Path(out_dir)
        self.cors = tuple(origin.rstrip("/") for origin in cors)  # origins whose pages may query /sparql ("*": any)
        self.editor = query_page()
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

        cors = self._cors_headers(scope)

        async def reply(code: int, body: bytes, content_type: str = "text/plain; charset=utf-8",
                        headers: list[tuple[bytes, bytes]] = ()) -> None:
            status[0] = code
            await send({"type": "http.response.start", "status": code, "headers": [
                (b"content-type", content_type.encode()), (b"content-length", str(len(body)).encode()),
                (b"x-content-type-options", b"nosniff"), *cors, *headers]})
            await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})

        async def error(code: int, message: str, retry_after: int | None = None, allow: bytes | None = None) -> None:
            headers = [(b"retry-after", str(retry_after).encode())] if retry_after else []
            if allow:
                headers.append((b"allow", allow))
            if code in (400, 411, 413, 415):
                headers.append((b"connection", b"close"))
            await reply(code, (message.rstrip() + "\n").encode("utf-8"), headers=headers)

        try:
            await self._route(scope, receive, send, served, reply, error, status, cors)
        finally:
            served.active -= 1
            if log.isEnabledFor(logging.INFO):
                log.info("%s %s %s %d %.0f ms", printable(scope.get("client", ("-",))[0], limit=LOGGED_CHARS), scope["method"],
                         printable(scope["path"], limit=200), status[0], 1000 * (time.monotonic() - started))

    def _cors_headers(self, scope) -> list[tuple[bytes, bytes]]:
        """``Access-Control-Allow-Origin`` for ``/sparql`` when ``--cors`` names the request's origin."""
        if not self.cors or scope["path"] not in SPARQL_PATHS:
            return []
        origin = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"origin"), None)
        if "*" in self.cors:
            return [(b"access-control-allow-origin", b"*")]
        if origin is not None and origin.rstrip("/") in self.cors:
            return [(b"access-control-allow-origin", origin.encode("latin-1")), (b"vary", b"Origin")]
        return [(b"vary", b"Origin")]

    async def _route(self, scope, receive, send, served: Served, reply, error, status, cors) -> None:
        method, path = scope["method"], scope["path"]
        if path in ("/", "/index.html") and method in ("GET", "HEAD"):
            return await reply(200, served.page, "text/html; charset=utf-8")
        if path == "/editor" and method in ("GET", "HEAD"):
            return await reply(200, self.editor, "text/html; charset=utf-8")
        if path == "/resource" and method in ("GET", "HEAD"):
            return await self._resource(scope, served, reply, error)
        if path == "/view" and method in ("GET", "HEAD"):
            return await self._view(scope, served, reply, error)
        if path == "/favicon.ico" and method in ("GET", "HEAD"):  # no icon, and no 404 in the browser's console
            return await reply(204, b"")
        if path not in SPARQL_PATHS:
            return await error(404, f"not found: {printable(path, limit=200)} (the SPARQL endpoint is /sparql, "
                                    "the query page /editor)")
        if method == "OPTIONS":  # a CORS preflight, or a client asking what is allowed
            headers = [(b"allow", b"GET, HEAD, POST, OPTIONS")]
            if any(name == b"access-control-allow-origin" for name, _ in cors):
                headers += [(b"access-control-allow-methods", b"GET, HEAD, POST, OPTIONS"),
                            (b"access-control-allow-headers", b"Accept, Content-Type"),
                            (b"access-control-max-age", b"600")]
            return await reply(204, b"", headers=headers)
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
            return await error(405, f"method {printable(method, limit=20)} is not allowed; use GET or POST",
                               allow=b"GET, HEAD, POST, OPTIONS")
        if "update" in params:
            return await error(403, "read-only: SPARQL Update is not accepted")
        await self._query(params, headers, served, send, reply, error, status, scope["method"] == "HEAD", cors)

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

    async def _resource(self, scope, served: Served, reply, error) -> None:
        """``/resource?iri=IRI``: the triples of one IRI, as subject and as object (the IRI bound as a
        term by the engine, never pasted into the query)."""
        try:
            params = parse_qs(scope.get("query_string", b"").decode("utf-8"))
        except UnicodeDecodeError:
            return await error(400, "the query string is not UTF-8")
        iris = params.get("iri", [])
        if len(iris) != 1:
            return await error(400, "give exactly one `iri` parameter: /resource?iri=https://doc2kg.org/id/country/MA")
        iri = iris[0]
        try:
            ox.NamedNode(iri)
        except ValueError as exc:
            return await error(400, f"not an IRI: {printable(exc, limit=200)}")
        results = []
        for text in (f"SELECT ?this ?p ?o WHERE {{ ?this ?p ?o }} ORDER BY ?p ?o LIMIT {RESOURCE_LIMIT}",
                     f"SELECT ?this ?s ?p WHERE {{ ?s ?p ?this }} ORDER BY ?p ?s LIMIT {RESOURCE_LIMIT}"):
            code, body = await self._internal_select(served, text, {"this": {"iri": iri}})
            if code != 200:
                return await error(code, body.decode("utf-8", "replace"))
            results.append(json.loads(body))
        return await reply(200, resource_page(iri, *results), "text/html; charset=utf-8")

    async def _view(self, scope, served: Served, reply, error) -> None:
        """``/view?entity=E&hops=1`` (``top``, ``documents`` repeated, ``from``, ``to``, ``limit``): the
        graph page of one view, built from the served generation by :func:`view_graph` in a
        thread (its parameters bound as terms, never pasted into the queries)."""
        try:
            params = parse_qs(scope.get("query_string", b"").decode("utf-8"))
        except UnicodeDecodeError:
            return await error(400, "the query string is not UTF-8")

        def one(name: str) -> str | None:
            values = params.get(name, [])
            if len(values) > 1:
                raise ViewError(f"give `{name}` once")
            return values[0] if values else None

        def number(name: str) -> int | None:
            value = one(name)
            if value is not None and not value.isdigit():
                raise ViewError(f"`{name}` is a whole number")
            return None if value is None else int(value)

        try:
            options = {"top": number("top"), "entity": one("entity"), "hops": number("hops") or 1,
                       "documents": params.get("documents") or None, "start": one("from"), "end": one("to"),
                       "limit": number("limit") or DEFAULT_LIMIT}
        except ViewError as exc:
            return await error(400, str(exc))

        def build() -> bytes:
            G = view_graph(ox.Store.read_only(str(served.generation)), **options)
            return graph_page.render(G).encode("utf-8")

        try:
            body = await asyncio.wait_for(asyncio.to_thread(build), self.limits.timeout)
        except ViewError as exc:
            return await error(400, printable(exc, limit=300))
        except asyncio.TimeoutError:
            return await error(503, f"view stopped: over the time limit of {self.limits.timeout:g} s")
        return await reply(200, body, "text/html; charset=utf-8")

    async def _internal_select(self, served: Served, text: str, substitutions: dict) -> tuple[int, bytes]:
        """A query of the server's own pages on the pool: (status, JSON results or a message)."""
        pool, limits = served.pool, self.limits
        try:
            engine = await pool.acquire(limits.timeout)
        except PoolBusy as exc:
            return 503, f"the server is busy ({exc}); try again".encode()
        chunks: list[bytes] = []
        try:
            engine.request({"query": text, "format": "json", "max_bytes": limits.max_result_bytes,
                            "substitutions": substitutions})
            deadline = time.monotonic() + limits.timeout
            while True:
                kind, payload = await asyncio.wait_for(engine.read_frame(), max(deadline - time.monotonic(), 0.001))
                if kind == b"D":
                    chunks.append(payload)
                    continue
                if kind != b"E":
                    raise EngineDied(f"the query engine sent an unexpected {kind!r} frame")
                end = json.loads(payload)
                break
        except asyncio.TimeoutError:
            pool.discard(engine, f"over the time limit of {limits.timeout:g} s")
            return 503, f"query stopped: over the time limit of {limits.timeout:g} s".encode()
        except EngineDied as exc:
            pool.discard(engine, "it failed")
            return 503, f"query failed: {exc}".encode()
        except BaseException:
            pool.discard(engine, "its request was abandoned")
            raise
        pool.release(engine)
        if end["status"] != 200:
            return end["status"], end.get("message", "").encode()
        return 200, b"".join(chunks)

    async def _query(self, params, headers, served: Served, send, reply, error, status, head_only: bool,
                     cors=()) -> None:
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            return await error(400, "give exactly one `query` parameter (or open the query page, /editor)")
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
        if checked.form == "select" and ("limit" in params or "offset" in params):
            try:
                limit, offset = page_window(params)
            except NotPageable as exc:
                return await error(400, str(exc))
            try:
                checked = await asyncio.get_running_loop().run_in_executor(None, lambda: check_query(
                    paged(checked.text, limit, offset), **check))
            except NotPageable:
                pass  # FROM with its own LIMIT: the whole answer, as asked without a page
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
                            (b"content-type", CONTENT_TYPES[fmt].encode()), (b"x-content-type-options", b"nosniff"),
                            *cors]})
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


def page_window(params: dict[str, list[str]]) -> tuple[int | None, int]:
    """``limit`` and ``offset`` of a ``/sparql`` request (this server's extension of the protocol:
    one page of a SELECT's rows, :mod:`pipeline.sparql.paging`); raise NotPageable on bad values."""
    window = []
    for name in ("limit", "offset"):
        values = params.get(name, [])
        if len(values) > 1:
            raise NotPageable(f"give `{name}` at most once")
        if values and not (values[0].isascii() and values[0].isdigit() and len(values[0]) <= 13
                           and int(values[0]) <= MAX_OFFSET):
            raise NotPageable(f"`{name}` is a whole number of rows up to {MAX_OFFSET}, "
                              f"not {printable(values[0], limit=40)!r}")
        window.append(int(values[0]) if values else None)
    return window[0], window[1] or 0


# -- pages -------------------------------------------------------------------------------
PAGE_DIR = Path(__file__).with_name("query_page")
ENTITY_NAMESPACE = "https://doc2kg.org/id/"
PAGE_SIZE = 100  # rows of a SELECT the query page shows at a time
EXAMPLE = "SELECT ?entity ?type ?label WHERE {\n  ?entity a ?type ; rdfs:label ?label .\n} LIMIT 50"
# Added to the graph page when served: a link to the query page, and ``#entity=ID`` opens that
# entity (the query page's links), through the page's own ``window.doc2kg`` (data, focus).
GRAPH_LINK = ('<a id="doc2kg-query-link" href="/editor" style="position:fixed;top:8px;right:12px;z-index:20;'
              'background:#fff;border:1px solid #bbb;border-radius:4px;padding:3px 8px;font:13px sans-serif">'
              'SPARQL query page</a>')
FOCUS_SCRIPT = """
(function () {
  let tries = 0;
  function open() {
    const m = /^#entity=(.+)$/.exec(location.hash), api = window.doc2kg;
    if (!m || !api) return;
    if (!api.stabilized && tries++ < 100) { setTimeout(open, 100); return; }
    const ref = decodeURIComponent(m[1]);
    const node = api.data.nodes.find(function (n) { return n.ref === ref; });
    if (node) api.focus(node.id);
  }
  window.addEventListener("hashchange", function () { tries = 0; open(); });
  open();
})();
"""


def _script_hash(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode() + "'"


def _json_for_html(data: object) -> str:
    """JSON that cannot end its ``<script>`` block or open markup."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def page(out_dir: Path) -> bytes:
    """``graph.html`` of the run as it is, plus a link to the query page and the ``#entity=``
    opener (a bare page with the link where the run wrote none). The graph keeps its whole
    layout: the query page is a page of its own."""
    path = Path(out_dir) / "graph.html"
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    # The page forbids every script but its own and every request; served here it also runs
    # the opener (by its hash). It still makes no request.
    text = text.replace("script-src ", f"script-src {_script_hash(FOCUS_SCRIPT)} ", 1)
    addition = GRAPH_LINK + "<script>" + FOCUS_SCRIPT + "</script>"
    at = text.lower().rfind("</body>")
    if at < 0:
        text = ("<!doctype html><html><head><meta charset='utf-8'><title>doc2kg</title></head><body>"
                + text + GRAPH_LINK + "</body></html>")
    else:
        text = text[:at] + addition + text[at:]
    return text.encode("utf-8")


def query_page() -> bytes:
    """The query page (``/editor``): editor, predeclared prefixes, the example queries of
    ``ontology/queries`` in a menu, results with linked IRIs, CSV/JSON downloads, timing."""
    from pipeline.sparql.parameters import declared

    script = (PAGE_DIR / "query.js").read_text(encoding="utf-8")
    data = {
        "prefixes": PREFIXES,
        "entity_namespace": ENTITY_NAMESPACE,
        "example": EXAMPLE,
        "page_size": PAGE_SIZE,
        "examples": [{"name": name, "text": text,
                      "params": [f"?{d.name} {d.help}".strip() for d in declared(text).values()]}
                     for name, text in example_queries().items()],
    }
    csp = ("default-src 'none'; script-src " + _script_hash(script) + "; style-src 'unsafe-inline'; "
           "connect-src 'self'; img-src 'self' data: blob:; base-uri 'none'; form-action 'none'")
    parts = {"csp": csp, "css": (PAGE_DIR / "query.css").read_text(encoding="utf-8"), "data": _json_for_html(data),
             "js": script}
    template = (PAGE_DIR / "page.html").read_text(encoding="utf-8")
    return re.sub(r"\{\{(\w+)\}\}", lambda m: parts[m.group(1)], template).encode("utf-8")


RESOURCE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
RESOURCE_STYLE = ("body{font-family:'Noto Sans','Noto Naskh Arabic',sans-serif;font-size:14px;margin:14px;color:#222}"
                  "table{border-collapse:collapse;margin-bottom:18px}td,th{border:1px solid #ddd;padding:2px 6px;"
                  "text-align:start;vertical-align:top;unicode-bidi:plaintext}th{background:#f0f0f0}"
                  ".lang{color:#888;font-size:11px}")
RESOURCE_LIMIT = 1000  # triples listed per direction


def _term_html(term: dict | None) -> str:
    """One term of a JSON result as HTML: an IRI links to its own resource page (an entity
    also to the graph page), a literal is escaped text."""
    if not term:
        return ""
    if term["type"] == "uri":
        iri = term["value"]
        shown = html.escape(compact(iri))
        out = f'<a href="/resource?iri={quote(iri, safe="")}" title="{html.escape(iri)}">{shown}</a>'
        if iri.startswith(ENTITY_NAMESPACE):
            out += f' <a class="lang" href="/#entity={quote(unquote(iri[len(ENTITY_NAMESPACE):]), safe="")}">graph</a>'
        return out
    if term["type"] == "bnode":
        return html.escape("_:" + term["value"])
    lang = term.get("xml:lang")
    return html.escape(term["value"]) + (f' <span class="lang">@{html.escape(lang)}</span>' if lang else "")


def resource_page(iri: str, outgoing: dict, incoming: dict) -> bytes:
    """The triples of ``iri``: as subject (predicate, object) and as object (subject, predicate)."""
    def table(result: dict, columns: tuple[str, str]) -> str:
        rows = result["results"]["bindings"]
        if not rows:
            return "<p>none</p>"
        body = "".join("<tr>" + "".join(f"<td dir=\"auto\">{_term_html(b.get(c))}</td>" for c in columns) + "</tr>"
                       for b in rows)
        more = f"<p>first {RESOURCE_LIMIT} shown</p>" if len(rows) >= RESOURCE_LIMIT else ""
        return f"<table><tr><th>{columns[0]}</th><th>{columns[1]}</th></tr>{body}</table>{more}"

    title = html.escape(compact(iri))
    graph_link = ""
    if iri.startswith(ENTITY_NAMESPACE):
        graph_link = f' · <a href="/#entity={quote(unquote(iri[len(ENTITY_NAMESPACE):]), safe="")}">open in the graph</a>'
    text = (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"{RESOURCE_CSP}\">"
            f"<meta name=\"referrer\" content=\"no-referrer\"><title>{title}</title><style>{RESOURCE_STYLE}</style>"
            f"</head><body><p><a href=\"/editor\">query page</a> · <a href=\"/\">graph page</a>{graph_link}</p>"
            f"<h1 dir=\"auto\">{title}</h1><p><code>{html.escape(iri)}</code></p>"
            f"<h2>As subject</h2>{table(outgoing, ('p', 'o'))}<h2>As object</h2>{table(incoming, ('s', 'p'))}"
            f"</body></html>")
    return text.encode("utf-8")
