"""``doc2kg query QUERY [DIR | --out DIR] [--format table|csv|tsv|json|xml|ttl] [--param NAME=VALUE] [--limit N] [--offset N]``: SPARQL on a run's store.

QUERY is the query itself, a file (``.rq``), or ``-`` for standard input; a query is at most
``--max-query-bytes`` (1 MB), and a folder, device or FIFO is refused with a message rather
than read (an endless stream stops at the cap). It runs on ``DIR/store`` (written by
``doc2kg run``, its generation leased while the query runs) with every document's graph in
the default graph and the ontology's prefixes predeclared (``d2k:``, ``id:``, ``doc:``,
``skos:``, ``country:``, ``agency:``...). ``--param country=MA`` binds the query's ``?country``
to a term (:mod:`pipeline.sparql.parameters`: substituted by the engine, never pasted into the
text); a ``d2k:`` term the ontology does not define is named in a warning on stderr (the
query still runs: it finds nothing there). ``--limit N`` / ``--offset K`` answer one page of a
SELECT's rows (:mod:`pipeline.sparql.paging`: ``LIMIT``/``OFFSET`` added, a query's own ``LIMIT``
kept by making it a subquery; rows in the store's order unless it has an ``ORDER BY``); without
them the whole answer. It is evaluated in an engine process with no network
(:func:`pipeline.sparql.run_query.run_query_isolated`, as the server's queries), or in this
process with a warning where the machine refuses a network namespace. Text from the articles is printed as text: no markup, control characters
escaped on a terminal.

Exit codes: 0 answered; 2 syntax error (with its line and column), refused query
(update, SERVICE, a foreign FROM), no store, an unreadable or oversized query, or a bad option.

Usage::

    doc2kg query 'SELECT ?c ?l { ?c a d2k:Country ; skos:prefLabel ?l }'
    doc2kg query ontology/queries/partners_of_country.rq --param country=MA --format csv > partners.csv
    echo 'ASK { ?s ?p ?o }' | doc2kg query - --out /tmp/run
    doc2kg query ontology/queries/agencies_heads_countries.rq --limit 100 --offset 100   # rows 101-200
"""
from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pyoxigraph as ox
import typer
from rich.console import Console

from pipeline.ontology_data import ontology_terms
from pipeline.sparql.paging import paged
from pipeline.sparql.parameters import ParameterError, bind, unknown_terms
from pipeline.sparql.prefixes import PREFIXES
from pipeline.sparql.read_only import QueryRefused
from pipeline.runtime.terminal import printable, printable_bytes
from pipeline.sparql.run_query import (CELL_WIDTH, FORMATS, IsolationRefused, QuerySyntaxError, format_result, leased_generation,
                                       rich_table, run_query, run_query_isolated)
from pipeline.store.oxigraph_store import StoreNotFound

MAX_QUERY_BYTES = 1_000_000
err = Console(stderr=True, highlight=False, soft_wrap=True)


class QuerySourceError(ValueError):
    """The query's source cannot be read as a query (message for the user)."""


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _read_capped(read, limit: int, what: str) -> str:
    """At most ``limit`` bytes through ``read(n)``; an endless source stops at the cap."""
    data = bytearray()
    while len(data) <= limit:
        chunk = read(min(65536, limit + 1 - len(data)))
        if not chunk:
            break
        data += chunk
    if len(data) > limit:
        raise QuerySourceError(f"{what} is over the limit of {limit} bytes for a query")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise QuerySourceError(f"{what} is not UTF-8 text (byte {exc.start})") from None


def read_query_text(query: str, max_bytes: int = MAX_QUERY_BYTES) -> str:
    """The query text for QUERY: itself, the file it names, or standard input (``-``)."""
    if query == "-":
        return _read_capped(sys.stdin.buffer.read, max_bytes, "standard input")
    names_a_path = query.endswith(".rq") or ("\n" not in query and len(query) < 4096 and os.path.lexists(query))
    if not names_a_path:
        if len(query.encode("utf-8")) > max_bytes:
            raise QuerySourceError(f"the query is over the limit of {max_bytes} bytes")
        return query
    shown = printable(query)
    try:  # O_NONBLOCK: opening a FIFO must not wait for a writer; then only a regular file is read
        fd = os.open(query, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        if exc.errno == 21:  # EISDIR
            raise QuerySourceError(f"cannot read {shown}: it is a folder, not a query file") from None
        raise QuerySourceError(f"cannot read {shown}: {exc.strerror}") from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise QuerySourceError(f"cannot read {shown}: it is {_kind(mode)}, not a query file")
        os.set_blocking(fd, True)
        return _read_capped(lambda n: os.read(fd, n), max_bytes, shown)
    finally:
        os.close(fd)


def output_folder(where: str, positional: Path | None, out: Path | None, default: Path = Path("outputs")) -> Path:
    """The output folder of a run, given as an argument or ``--out`` (not both); a file or a
    missing folder is a one-line usage error (exit 2)."""
    if positional is not None and out is not None and positional != out:
        err.print(f"doc2kg {where}: give the output folder once (DIR or --out)", markup=False)
        raise typer.Exit(2)
    folder = positional or out or default
    if folder.exists() and not folder.is_dir():
        err.print(f"doc2kg {where}: {printable(folder)} is a file, not an output folder of `doc2kg run`", markup=False)
        raise typer.Exit(2)
    return folder


def query(
    text: str = typer.Argument(..., metavar="QUERY", help="SPARQL text, a .rq file, or - for stdin."),
    folder: Path = typer.Argument(None, metavar="[DIR]", help="Output folder of `doc2kg run` (default outputs/)."),
    out: Path = typer.Option(None, "--out", "-o", help="Output folder of `doc2kg run` (as DIR)."),
    params: list[str] = typer.Option([], "--param", metavar="NAME=VALUE",
                                     help="Bind ?NAME: an ISO code or id in the query's declared namespace, "
                                          "prefix:local, <IRI>, or text."),
    fmt: str = typer.Option("table", "--format", "-f", help=f"One of {', '.join(FORMATS)}."),
    page_limit: int = typer.Option(None, "--limit", min=0,
                                   help="Answer this many rows of a SELECT (LIMIT added; a query's own LIMIT kept)."),
    page_offset: int = typer.Option(0, "--offset", min=0, help="Skip this many rows of a SELECT's answer first."),
    max_rows: int = typer.Option(1000, "--max-rows", help="Rows drawn in the table format (others print all)."),
    cell_width: int = typer.Option(CELL_WIDTH, "--cell-width",
                                   help="Table cells cut with an ellipsis past this width (0: whole, folded)."),
    max_query_bytes: int = typer.Option(MAX_QUERY_BYTES, "--max-query-bytes", help="Largest query read."),
) -> None:
    """Run a SPARQL query on the store of a run (all documents' graphs as the default graph)."""
    if fmt not in FORMATS:
        err.print(f"doc2kg query: unknown format {printable(fmt)!r}; "
                  f"use one of {', '.join(FORMATS)}", markup=False)
        raise typer.Exit(2)
    out = output_folder("query", folder, out)
    try:
        source = read_query_text(text, max_query_bytes)
        substitutions = bind(params, source, PREFIXES)
        if page_limit is not None or page_offset:
            source = paged(source, page_limit, page_offset)
        for term in unknown_terms(source, ontology_terms()):
            err.print(f"doc2kg query: warning: {term} is not defined by the ontology (ontology/doc2kg.ttl)", markup=False)
        with leased_generation(out) as generation:
            try:  # in an engine process with no network, as the server's queries
                result = run_query_isolated(generation, source, substitutions=substitutions)
            except IsolationRefused as exc:
                err.print(f"doc2kg query: warning: the query runs with network access (the machine refused "
                          f"a network namespace: {printable(exc)}); the read-only check is the only wall",
                          markup=False)
                result = run_query(ox.Store.read_only(str(generation)), source, substitutions)
            if fmt == "table" and result.kind == "select":
                Console(highlight=False, soft_wrap=False, emoji=False).print(rich_table(result, max_rows, cell_width))
                return
            data = format_result(result, fmt)
    except (QuerySourceError, QuerySyntaxError, QueryRefused, StoreNotFound, ParameterError, ValueError) as exc:
        err.print(f"doc2kg query: {printable(exc, newlines=True)}", markup=False)
        raise typer.Exit(2) from None
    if sys.stdout.isatty():
        data = printable_bytes(data)
    sys.stdout.buffer.write(data if data.endswith(b"\n") else data + b"\n")
    sys.stdout.flush()


def register(app: typer.Typer) -> None:
    app.command("query")(query)
