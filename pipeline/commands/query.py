"""``doc2kg query QUERY [--out DIR] [--format table|csv|tsv|json|xml|ttl]``: SPARQL on a run's store.

QUERY is the query itself, a ``.rq`` file, or ``-`` for standard input. It runs on
``DIR/store`` (written by ``doc2kg run``) with every document's graph in the default
graph and the ontology's prefixes predeclared (``d2k:``, ``id:``, ``doc:``, ``skos:``...).

Exit codes: 0 answered; 2 syntax error (with its line and column), refused query
(update, SERVICE, a foreign FROM), no store, or a bad option.

Usage::

    doc2kg query 'SELECT ?c ?l { ?c a d2k:Country ; skos:prefLabel ?l }'
    doc2kg query ontology/queries/partners_of_country.rq --format csv > partners.csv
    echo 'ASK { ?s ?p ?o }' | doc2kg query - --out /tmp/run
"""
from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.console import Console

from pipeline.sparql.read_only import QueryRefused
from pipeline.sparql.run_query import FORMATS, QuerySyntaxError, format_result, rich_table, run_query
from pipeline.store.oxigraph_store import StoreNotFound, open_store

err = Console(stderr=True, highlight=False, soft_wrap=True)


def read_query_text(query: str) -> str:
    if query == "-":
        return sys.stdin.read()
    path = Path(query)
    if query.endswith(".rq") or ("\n" not in query and len(query) < 4096 and path.is_file()):
        try:
            return path.read_text(encoding="utf-8")
        except OSError as exc:
            err.print(f"doc2kg query: cannot read {query}: {exc.strerror}", markup=False)
            raise typer.Exit(2) from None
    return query


def query(
    text: str = typer.Argument(..., metavar="QUERY", help="SPARQL text, a .rq file, or - for stdin."),
    out: Path = typer.Option(Path("outputs"), "--out", "-o", help="Output folder of `doc2kg run`."),
    fmt: str = typer.Option("table", "--format", "-f", help=f"One of {', '.join(FORMATS)}."),
    limit: int = typer.Option(1000, "--max-rows", help="Rows drawn in the table format (others print all)."),
) -> None:
    """Run a SPARQL query on the store of a run (all documents' graphs as the default graph)."""
    if fmt not in FORMATS:
        err.print(f"doc2kg query: unknown format {fmt!r}; use one of {', '.join(FORMATS)}", markup=False)
        raise typer.Exit(2)
    source = read_query_text(text)
    try:
        result = run_query(open_store(out), source)
        if fmt == "table" and result.kind == "select":
            Console(highlight=False, soft_wrap=False).print(rich_table(result, limit))
            return
        data = format_result(result, fmt)
    except (QuerySyntaxError, QueryRefused, StoreNotFound, ValueError) as exc:
        err.print(f"doc2kg query: {exc}", markup=False)
        raise typer.Exit(2) from None
    sys.stdout.buffer.write(data if data.endswith(b"\n") else data + b"\n")
    sys.stdout.flush()


def register(app: typer.Typer) -> None:
    app.command("query")(query)
