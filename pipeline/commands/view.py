"""``doc2kg view OUT [--top N] [--entity E --hops 1|2] [--documents ID]... [--from DATE --to DATE] [--limit N] --html FILE``.

A page of one view of a run, built from its SPARQL store (``OUT/store``) rather than from the
whole-archive files (which ``doc2kg run --exports auto`` skips for a large archive): the
view's entities and facts are read with the queries of ``pipeline/sparql/views/`` (parameters
bound as terms by the engine, never pasted into the text), made into a NetworkX graph of the
shape :func:`pipeline.graph.build.build_graph` makes, and written by the html exporter.

The views (:mod:`pipeline.sparql.view`): ``--top N`` the N entities with the most facts;
``--entity E --hops 1|2`` an entity (IRI, ``country:MA``, ``country/MA`` or a name) and what
its facts reach; ``--documents ID`` (repeated) what those documents state; ``--from DATE --to
DATE`` the documents published in the window (an event dated outside it is left out).
Documents and the window also narrow ``--top`` and ``--entity``; ``--limit`` caps the nodes
(default 200).

Exit codes: 0 written; 2 no store in OUT, an unknown entity, a bad date or option.

Usage::

    doc2kg view outputs/ --entity Morocco --hops 1 --html morocco.html
    doc2kg view outputs/ --top 50 --from 2024-01 --to 2024-06 --html top.html
"""
from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from pipeline.exporters import html
from pipeline.runtime.atomic import write_text
from pipeline.runtime.terminal import printable
from pipeline.sparql.view import DEFAULT_LIMIT, ViewError, build_view
from pipeline.store.oxigraph_store import StoreNotFound

err = Console(stderr=True, highlight=False, soft_wrap=True)


def view(
    folder: Path = typer.Argument(..., metavar="OUT", help="Output folder of `doc2kg run`."),
    html_file: Path = typer.Option(..., "--html", help="The page to write."),
    top: int = typer.Option(None, "--top", help="The N entities with the most facts."),
    entity: str = typer.Option(None, "--entity", help="An entity (IRI, country:MA, country/MA or a name)..."),
    hops: int = typer.Option(1, "--hops", help="...and what its facts reach in 1 or 2 steps."),
    documents: list[str] = typer.Option([], "--documents", help="A document id (repeat it for more): what they state."),
    start: str = typer.Option(None, "--from", help="Documents published from this date (YYYY[-MM[-DD]])."),
    end: str = typer.Option(None, "--to", help="...up to this date."),
    limit: int = typer.Option(DEFAULT_LIMIT, "--limit", help="The most nodes the page shows."),
) -> None:
    """Write a page of one view of a run (top entities, a neighbourhood, documents, a time window) from its store."""
    if folder.exists() and not folder.is_dir():
        err.print(f"doc2kg view: {printable(folder)} is a file, not an output folder of `doc2kg run`", markup=False)
        raise typer.Exit(2)
    try:
        G = build_view(folder, top=top, entity=entity, hops=hops, documents=documents or None, start=start, end=end,
                       limit=limit)
    except (ViewError, StoreNotFound) as exc:
        err.print(f"doc2kg view: {printable(exc)}", markup=False)
        raise typer.Exit(2) from None
    try:
        write_text(html_file, html.render(G))
    except OSError as exc:
        err.print(f"doc2kg view: cannot write {printable(html_file)}: {printable(exc.strerror or exc)}", markup=False)
        raise typer.Exit(2) from None
    print(f"{html_file}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges")


def register(app: typer.Typer) -> None:
    app.command("view")(view)
