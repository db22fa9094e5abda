"""The query engine process: one read-only Oxigraph store, no network, a memory cap, one query at a time.

Run as ``python -m pipeline.sparql.engine GENERATION_DIR --max-memory-mb N`` by
:mod:`pipeline.sparql.engine_pool`. Before it opens anything it:

* leaves the network: ``unshare(CLONE_NEWNET)`` (as root) or ``CLONE_NEWUSER | CLONE_NEWNET``
  (unprivileged user namespaces): the new namespace has only a loopback device, and it is
  down, so ``SERVICE``, if one ever got past :mod:`pipeline.sparql.read_only`, reaches
  nothing. Where neither is allowed it says so in its hello (``"network": "host"``) and the
  server logs a line;
* caps its address space (``RLIMIT_AS``): a query that needs more memory makes Oxigraph's
  allocator fail and the process abort, which the pool sees and reports;
* holds a lease on the generation (:mod:`pipeline.store.leases`), so ``doc2kg run`` never
  deletes the store under it;
* dies with its parent (``PR_SET_PDEATHSIG``).

It talks over its standard input and output (pipes cross network namespaces). Messages
are frames: one type byte, a 4-byte big-endian length, the payload. Requests (``Q``) are
JSON ``{"query", "format", "default_graph", "named_graphs", "max_bytes", "substitutions"}`` or
``{"ping": true}`` (``substitutions``: variable -> ``{"iri": ...}`` or ``{"literal": ...}``, the
bound parameters of :mod:`pipeline.sparql.parameters`).
Answers: ``H`` hello (JSON), ``P`` pong, ``D`` result bytes (64 KiB at most a frame), and
``E`` the end of one answer: JSON ``{"status": 200}`` or ``{"status", "message"}``.

Usage::

    python -m pipeline.sparql.engine outputs/.store/20261206T101010-1a2b3c4d --max-memory-mb 2048
"""
from __future__ import annotations

import argparse
import ctypes
import json
import os
import resource
import signal
import struct
import sys

CLONE_NEWUSER = 0x10000000
CLONE_NEWNET = 0x40000000
PR_SET_PDEATHSIG = 1
FRAME = struct.Struct(">cI")
CHUNK = 65536

# The formats an answer can be written in: results of SELECT/ASK, RDF of CONSTRUCT/DESCRIBE.
RESULT_FORMATS = ("json", "xml", "csv", "tsv")
GRAPH_FORMATS = ("ttl", "nt", "rdfxml", "jsonld")


def isolate_network() -> tuple[str, str]:
    """Move this (still single-threaded) process into a new, empty network namespace."""
    libc = ctypes.CDLL(None, use_errno=True)
    reasons = []
    for flags, how in ((CLONE_NEWNET, "network namespace"),
                       (CLONE_NEWUSER | CLONE_NEWNET, "user and network namespace")):
        if libc.unshare(flags) == 0:
            return "none", how
        reasons.append(os.strerror(ctypes.get_errno()))
    return "host", "unshare(CLONE_NEWNET) refused: " + "; ".join(dict.fromkeys(reasons))


def die_with_parent() -> None:
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass
    if os.getppid() == 1:  # the parent went before the prctl took effect
        os._exit(0)


def cap_memory(megabytes: int) -> None:
    if megabytes > 0:
        limit = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


class Output:
    """Writes frames to the pipe; :class:`ResultWriter` is the file Oxigraph serializes into."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def frame(self, kind: bytes, payload: bytes = b"", before: bytes = b"") -> None:
        """Write one frame (after ``before``, frames already packed: one write for a small answer)."""
        view = memoryview(before + FRAME.pack(kind, len(payload)) + payload)
        while view:
            view = view[os.write(self.fd, view):]

    def end(self, status: int = 200, message: str | None = None, data: bytes = b"") -> None:
        """The end of an answer, after its last ``data`` (under one frame's size)."""
        before = FRAME.pack(b"D", len(data)) + data if data else b""
        self.frame(b"E", json.dumps({"status": status, **({"message": message} if message else {})}).encode(), before)


class ResultTooLarge(Exception):
    pass


class ResultWriter:
    def __init__(self, out: Output, max_bytes: int) -> None:
        self.out, self.max_bytes, self.size, self.buffer = out, max_bytes, 0, bytearray()

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self.max_bytes:
            raise ResultTooLarge
        self.buffer += data
        if len(self.buffer) >= CHUNK:
            self.flush()
        return len(data)

    def flush(self) -> None:
        """Send whole frames; a last part waits for :meth:`finish` (one write with the end frame)."""
        while len(self.buffer) >= CHUNK:
            self.out.frame(b"D", bytes(self.buffer[:CHUNK]))
            del self.buffer[:CHUNK]

    def finish(self) -> None:
        self.flush()
        self.out.end(200, data=bytes(self.buffer))
        self.buffer.clear()


def read_exactly(fd: int, n: int) -> bytes | None:
    data = bytearray()
    while len(data) < n:
        chunk = os.read(fd, n - len(data))
        if not chunk:
            return None
        data += chunk
    return bytes(data)


def answer(store, request: dict, out: Output, prefixes: dict[str, str]) -> None:
    import pyoxigraph as ox

    fmt = request.get("format", "json")
    options = {}
    if request.get("default_graph"):
        options["default_graph"] = [ox.NamedNode(g) for g in request["default_graph"]]
    if request.get("named_graphs"):
        options["named_graphs"] = [ox.NamedNode(g) for g in request["named_graphs"]]
    if request.get("substitutions"):
        try:
            options["substitutions"] = {ox.Variable(name): ox.NamedNode(t["iri"]) if "iri" in t else ox.Literal(t["literal"])
                                        for name, t in request["substitutions"].items()}
        except (ValueError, KeyError, TypeError) as exc:
            return out.end(400, f"bad parameter: {exc}")
    writer = ResultWriter(out, int(request.get("max_bytes", 50_000_000)))
    try:
        result = store.query(request["query"], prefixes=prefixes, **options)
        if isinstance(result, ox.QueryTriples):
            if fmt not in GRAPH_FORMATS:
                return out.end(406, "CONSTRUCT and DESCRIBE answer RDF: ask for text/turtle, application/n-triples, "
                                    "application/rdf+xml or application/ld+json")
            rdf = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "rdfxml": ox.RdfFormat.RDF_XML,
                   "jsonld": ox.RdfFormat.JSON_LD}[fmt]
            ox.serialize(result, writer, rdf, **({"prefixes": prefixes} if fmt in ("ttl", "rdfxml") else {}))
        else:
            if fmt not in RESULT_FORMATS:
                return out.end(406, "SELECT and ASK answer SPARQL results: ask for application/sparql-results+json, "
                                    "application/sparql-results+xml, text/csv or text/tab-separated-values")
            result.serialize(writer, getattr(ox.QueryResultsFormat, fmt.upper()))
    except ResultTooLarge:
        return out.end(507, f"result larger than {writer.max_bytes} bytes; add a LIMIT")
    except SyntaxError as exc:
        return out.end(400, str(exc))
    except MemoryError:
        return out.end(503, "the query needed more memory than the engine's limit; simplify it")
    except (OSError, ValueError, RuntimeError) as exc:
        return out.end(500, f"query failed: {exc}")
    writer.finish()


def main(argv: list[str] | None = None) -> int:
    die_with_parent()
    # Ctrl-C and a TERM to the process group are the server's to handle: it closes our input.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    args = argparse.ArgumentParser(prog="pipeline.sparql.engine")
    args.add_argument("generation", help="a store generation folder (an Oxigraph database)")
    args.add_argument("--max-memory-mb", type=int, default=0)
    args.add_argument("--prefixes", default="{}", help="predeclared prefixes, a JSON object")
    args.add_argument("--keep-network", action="store_true", help="do not leave the network (tests only)")
    opts = args.parse_args(argv)
    prefixes = json.loads(opts.prefixes)
    network, how = ("host", "--keep-network") if opts.keep_network else isolate_network()
    out = Output(os.dup(sys.stdout.fileno()))
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # stray prints must not corrupt the frames
    inp = sys.stdin.fileno()

    import pyoxigraph as ox

    from pipeline.store.leases import hold

    with hold(opts.generation):
        store = ox.Store.read_only(opts.generation)
        cap_memory(opts.max_memory_mb)  # after start-up: the cap is for queries
        out.frame(b"H", json.dumps({"pid": os.getpid(), "network": network, "how": how}).encode())
        while True:
            head = read_exactly(inp, FRAME.size)
            if head is None:
                return 0
            _, size = FRAME.unpack(head)
            body = read_exactly(inp, size)
            if body is None:
                return 0
            request = json.loads(body)
            if request.get("ping"):
                out.frame(b"P")
                continue
            answer(store, request, out, prefixes)


if __name__ == "__main__":
    sys.exit(main())
