"""``doc2kg serve [DIR | --out DIR] [--host 127.0.0.1] [--port 7878] [--cors ORIGIN]``: a read-only SPARQL 1.1 endpoint on a run.

Serves ``DIR/store`` (written by ``doc2kg run``) at ``/sparql`` through a pool of Oxigraph
engine processes behind uvicorn (:mod:`pipeline.sparql.endpoint`), the graph page at ``/``, the
query page at ``/editor`` and one IRI's triples at ``/resource?iri=...``; ``--cors ORIGIN`` lets
browser tools of that origin (YASGUI) query ``/sparql``. Loopback only unless ``--host`` says otherwise. A later ``doc2kg run``
into DIR is picked up between requests.

Usage::

    doc2kg serve outputs/ --port 7878 --timeout 30
    doc2kg serve --out outputs/ --cors https://yasgui.triply.cc
    curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * { ?s a d2k:Country }' http://127.0.0.1:7878/sparql
"""
from __future__ import annotations

import ipaddress
import logging
import signal
import sys
from pathlib import Path

import typer
from rich.console import Console

from pipeline.commands.query import output_folder

err = Console(stderr=True, highlight=False, soft_wrap=True)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(
    folder: Path = typer.Argument(None, metavar="[DIR]", help="Output folder of `doc2kg run` (default outputs/)."),
    out: Path = typer.Option(None, "--out", "-o", help="Output folder of `doc2kg run` (as DIR)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (loopback by default)."),
    port: int = typer.Option(7878, "--port", "-p", help="Port to listen on."),
    timeout: float = typer.Option(30.0, "--timeout", help="Seconds a query may run (and its answer take to send)."),
    max_result_bytes: int = typer.Option(50_000_000, "--max-result-bytes", help="Largest result sent."),
    max_request_bytes: int = typer.Option(1_000_000, "--max-request-bytes", help="Largest request accepted (413)."),
    engines: int = typer.Option(0, "--engines", help="Query engine processes (0: 2 to 4 by CPU count)."),
    max_memory: int = typer.Option(0, "--max-memory", help="Memory per engine in MB (0: a share of the machine's)."),
    max_waiting: int = typer.Option(256, "--max-waiting", help="Queries queued for a free engine before 503."),
    cors: list[str] = typer.Option([], "--cors", metavar="ORIGIN",
                                   help="Let pages of ORIGIN (e.g. https://yasgui.triply.cc, or *) query /sparql."),
) -> None:
    """Serve the SPARQL 1.1 Protocol (read-only) at /sparql and the graph page at /."""
    # imported here: the server (uvicorn, jinja2) costs every other command ~0.2 s of start-up
    from pipeline.sparql.endpoint import Endpoint, Limits, default_engines, default_max_memory_mb

    out = output_folder("serve", folder, out)
    engines = engines or default_engines()
    limits = Limits(timeout=timeout, max_result_bytes=max_result_bytes, max_request_bytes=max_request_bytes,
                    engines=engines, max_memory_mb=max_memory or default_max_memory_mb(engines),
                    max_waiting=max_waiting)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    try:
        endpoint = Endpoint(out, host=host, port=port, limits=limits, cors=tuple(cors))
    except (FileNotFoundError, OSError) as exc:
        err.print(f"doc2kg serve: {exc}", markup=False)
        raise typer.Exit(2) from None
    if not _is_loopback(host):
        err.print(f"doc2kg serve: listening on {host}, reachable from other machines", markup=False)
    err.print(f"SPARQL endpoint: {endpoint.url}/sparql   query page: {endpoint.url}/editor   graph page: {endpoint.url}/   "
              f"({timeout:g} s per query, {engines} engines of {limits.max_memory_mb} MB; Ctrl-C stops)", markup=False)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # so the engines are stopped too
    try:
        endpoint.serve_forever()
    except (KeyboardInterrupt, SystemExit):
        pass
    except (FileNotFoundError, RuntimeError) as exc:
        err.print(f"doc2kg serve: {exc}", markup=False)
        raise typer.Exit(2) from None


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
