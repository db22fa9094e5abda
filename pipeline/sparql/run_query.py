"""Run a SPARQL query on the embedded store and write its results in a chosen format.

Reads query text (prefixes of :mod:`pipeline.sparql.prefixes` predeclared) and runs it on
a read-only :class:`pyoxigraph.Store` whose default graph is the union of all documents'
graphs (see :mod:`pipeline.store.oxigraph_store`), so a query sees every document without
``GRAPH``. Formats: ``table`` (rich, for a terminal;
IRIs compacted with the prefixes, text left as it is so Arabic stays intact), ``csv``,
``tsv``, ``json`` (SPARQL 1.1 Query Results JSON), ``xml``, and ``ttl`` for CONSTRUCT and
DESCRIBE.

:func:`run_query_isolated` evaluates the checked query in an engine process of
:mod:`pipeline.sparql.engine` (no network: a SERVICE that ever got past the read-only check
still reaches nothing) and returns the same :class:`QueryResult`.

Untrusted text (titles, labels from articles) reaches a terminal as text: table cells are
``rich.text.Text`` (never markup) with control characters shown escaped
(:func:`pipeline.runtime.terminal.printable`); ``doc2kg query`` escapes them in the other
formats too when standard output is a terminal, and writes them as they are to a file or a pipe.

Usage::

    with leased_store(Path("outputs")) as store:
        result = run_query(store, "SELECT ?c { ?c a d2k:Country }")
        sys.stdout.buffer.write(format_result(result, "csv"))
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rich.table import Table
from rich.text import Text

from pipeline.runtime.terminal import printable
from pipeline.sparql.parameters import to_oxigraph
from pipeline.sparql.prefixes import PREFIXES, compact
from pipeline.sparql.read_only import UnparsableQuery, check_read_only
from pipeline.store.leases import hold
from pipeline.store.oxigraph_store import StoreNotFound, current_generation, store_path

FORMATS = ("table", "csv", "tsv", "json", "xml", "ttl")
RESULT_FORMATS = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
}
CELL_WIDTH = 60  # a table cell's widest: a long value stays on one line, cut with an ellipsis
CELL_MIN = 16  # a column's narrowest on a narrow terminal (country:MA whole)
_POSITION = re.compile(r"error at (\d+):(\d+):\s*(.*)", re.DOTALL)


@contextlib.contextmanager
def leased_generation(out_dir: Path) -> Iterator[Path]:
    """The current store generation of ``out_dir``, leased (never pruned) while in use."""
    for _ in range(10):
        generation = current_generation(out_dir)
        if generation is None:
            raise StoreNotFound(f"no SPARQL store at {store_path(out_dir)} (run `doc2kg run ... --out {out_dir}` first)")
        try:
            with hold(generation):
                yield generation
                return
        except FileNotFoundError:  # pruned between the look and the lease: look again
            continue
    raise StoreNotFound(f"the store at {store_path(out_dir)} kept changing; try again")


@contextlib.contextmanager
def leased_store(out_dir: Path) -> Iterator[ox.Store]:
    """The current store of ``out_dir``, read-only, its generation leased while in use."""
    with leased_generation(out_dir) as generation:
        yield ox.Store.read_only(str(generation))


class QuerySyntaxError(ValueError):
    """A query Oxigraph cannot parse; ``line`` and ``column`` are 1-based."""

    def __init__(self, query: str, detail: str) -> None:
        m = _POSITION.match(detail)
        self.line, self.column = (int(m.group(1)), int(m.group(2))) if m else (None, None)
        reason = m.group(3) if m else detail
        if len(reason) > 160:  # Oxigraph lists every expected character class
            reason = reason[:160].rsplit(",", 1)[0] + ", ..."
        where = ""
        if self.line is not None:
            lines = query.splitlines()
            text = lines[self.line - 1] if self.line <= len(lines) else ""
            where = f" at line {self.line}, column {self.column}"
            if text.strip():
                where += f"\n  {text}\n  {' ' * max(self.column - 1, 0)}^"
            else:
                where += " (the end of the query)"
        super().__init__(f"syntax error{where}\n  {reason}")

    @classmethod
    def from_guard(cls, exc: UnparsableQuery) -> QuerySyntaxError:
        error = cls.__new__(cls)
        ValueError.__init__(error, str(exc))
        error.line, error.column = exc.line, exc.column
        return error


@dataclass
class QueryResult:
    """``kind`` is "select", "ask" or "graph"; ``value`` is Oxigraph's result, readable once."""

    kind: str
    value: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples
    variables: list[str]


def _checked(query: str) -> str:
    try:
        return check_read_only(query, predeclared=PREFIXES)
    except UnparsableQuery as exc:
        raise QuerySyntaxError.from_guard(exc) from None


def run_query(store: ox.Store, query: str, substitutions: dict[str, dict[str, str]] | None = None) -> QueryResult:
    """Check (read-only), parse and run ``query`` (``substitutions``: bound parameters of
    :func:`pipeline.sparql.parameters.bind`); raise QuerySyntaxError or QueryRefused."""
    text = _checked(query)
    try:
        result = store.query(text, prefixes=PREFIXES, substitutions=to_oxigraph(substitutions or {}) or None)
    except SyntaxError as exc:
        raise QuerySyntaxError(query, str(exc)) from None
    if isinstance(result, ox.QueryBoolean):
        return QueryResult("ask", result, [])
    if isinstance(result, ox.QueryTriples):
        return QueryResult("graph", result, [])
    return QueryResult("select", result, [v.value for v in result.variables])


class IsolationRefused(RuntimeError):
    """The machine does not let the engine process leave the network (the message says why)."""


def run_query_isolated(generation: Path, query: str, *, keep_network: bool = False,
                       substitutions: dict[str, dict[str, str]] | None = None) -> QueryResult:
    """As :func:`run_query`, evaluated by an engine process with no network
    (:mod:`pipeline.sparql.engine`, the server's second wall); raise IsolationRefused where the
    machine refuses the network namespace (``keep_network``: tests of the guard alone)."""
    text = _checked(query)
    status, data = _run_async(_ask_engine(generation, text, keep_network, substitutions=substitutions))
    if status.get("status") == 406:  # CONSTRUCT or DESCRIBE: RDF, asked for again as N-Triples
        status, data = _run_async(_ask_engine(generation, text, keep_network, "nt", substitutions))
        if status.get("status") == 200:
            return QueryResult("graph", ox.parse(data, ox.RdfFormat.N_TRIPLES), [])
    if status.get("status") == 400:
        raise QuerySyntaxError(query, status.get("message", ""))
    if status.get("status") != 200:
        raise ValueError(status.get("message", f"the query engine answered {status}"))
    result = ox.parse_query_results(data, ox.QueryResultsFormat.JSON)
    if isinstance(result, ox.QueryBoolean):
        return QueryResult("ask", result, [])
    return QueryResult("select", result, [v.value for v in result.variables])


def _run_async(coroutine):
    """``asyncio.run``, from a thread of its own when this one already runs an event loop (a
    notebook, or Playwright's sync API in a test session)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


async def _ask_engine(generation: Path, text: str, keep_network: bool, fmt: str = "json",
                      substitutions: dict[str, dict[str, str]] | None = None) -> tuple[dict, bytes]:
    from pipeline.sparql.engine_pool import Engine, EngineDied

    engine = Engine(generation, max_memory_mb=0, keep_network=keep_network)
    try:
        await engine.start()
        if engine.hello.get("network") != "none" and not keep_network:
            raise IsolationRefused(engine.hello.get("how", "unknown"))
        engine.request({"query": text, "format": fmt, "max_bytes": 1 << 62, "substitutions": substitutions or None})
        chunks = []
        while True:
            kind, payload = await engine.read_frame()
            if kind == b"D":
                chunks.append(payload)
            elif kind == b"E":
                return json.loads(payload), b"".join(chunks)
    except EngineDied as exc:
        raise ValueError(str(exc)) from None
    finally:
        if engine.alive:
            engine.proc.stdin.close()  # the engine ends when its input closes
            try:
                await asyncio.wait_for(engine.proc.wait(), 5)
            except asyncio.TimeoutError:
                engine.kill("did not end")
                await engine.proc.wait()


def cell(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return compact(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return term.value + (f" @{term.language}" if term.language else "")
    return str(term)


def rich_table(result: QueryResult, limit: int | None = None, cell_width: int = CELL_WIDTH) -> Table:
    """The rows as a table, each value on one line: a long one is cut with an ellipsis at
    ``cell_width`` (or sooner on a narrow terminal, where no column goes under ``CELL_MIN``);
    ``cell_width=0``: whole values, folded over lines."""
    cut = cell_width > 0
    table = Table(header_style="bold")
    rows, n = [], 0
    for solution in result.value:
        n += 1
        if limit is None or n <= limit:
            rows.append([printable(cell(solution[v])) for v in result.variables])
    for i, v in enumerate(result.variables):
        widest = max([len(v), *(len(row[i]) for row in rows)])
        table.add_column(Text(v), overflow="ellipsis" if cut else "fold", no_wrap=cut,
                         max_width=cell_width if cut else None, min_width=min(widest, CELL_MIN))
    for row in rows:
        table.add_row(*(Text(value, no_wrap=cut, overflow="ellipsis" if cut else "fold") for value in row))
    table.caption = f"{n} row{'s' if n != 1 else ''}" + (f", first {limit} shown" if limit and n > limit else "")
    return table


def format_result(result: QueryResult, fmt: str) -> bytes:
    """Serialize for ``fmt``; for ``table`` only ASK and CONSTRUCT/DESCRIBE (see :func:`rich_table`)."""
    if result.kind == "graph":
        if fmt not in ("ttl", "table"):
            raise ValueError(f"CONSTRUCT/DESCRIBE results are RDF: use --format ttl (not {fmt})")
        triples = list(result.value)
        used = {t.value for tr in triples for t in (tr.subject, tr.predicate, tr.object) if isinstance(t, ox.NamedNode)}
        prefixes = {p: ns for p, ns in PREFIXES.items() if any(iri.startswith(ns) for iri in used)}
        return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes)
    if fmt == "ttl":
        raise ValueError("--format ttl is for CONSTRUCT and DESCRIBE; use table, csv, tsv, json or xml")
    if result.kind == "ask" and fmt == "table":
        return b"true\n" if bool(result.value) else b"false\n"
    return result.value.serialize(format=RESULT_FORMATS[fmt])
