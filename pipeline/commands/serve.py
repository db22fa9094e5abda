"""``doc2kg serve [DIR] [--host 127.0.0.1] [--port 7878]``: a read-only SPARQL 1.1 endpoint on a run.

Serves ``DIR/store`` (written by ``doc2kg run``) at ``/sparql`` through Oxigraph's server
behind a validating proxy (:mod:`pipeline.sparql.endpoint`), and the graph page with a
query form at ``/``. Loopback only unless ``--host`` says otherwise.

Usage::

    doc2kg serve outputs/ --port 7878 --timeout 30
    curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * { ?s a d2k:Country }' http://127.0.0.1:7878/sparql
"""
from __future__ import annotations

import ipaddress
import signal
import sys
from pathlib import Path

import typer
from rich.console import Console

from pipeline.sparql.endpoint import Endpoint, Limits

err = Console(stderr=True, highlight=False, soft_wrap=True)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(
    out: Path = typer.Argument(Path("outputs"), metavar="DIR", help="Output folder of `doc2kg run`."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (loopback by default)."),
    port: int = typer.Option(7878, "--port", "-p", help="Port to listen on."),
    timeout: float = typer.Option(30.0, "--timeout", help="Seconds a query may run."),
    max_result_bytes: int = typer.Option(50_000_000, "--max-result-bytes", help="Largest result sent."),
    max_request_bytes: int = typer.Option(1_000_000, "--max-request-bytes", help="Largest request accepted (413)."),
) -> None:
    """Serve the SPARQL 1.1 Protocol (read-only) at /sparql and the graph page at /."""
    limits = Limits(timeout=timeout, max_result_bytes=max_result_bytes, max_request_bytes=max_request_bytes)
    try:
        endpoint = Endpoint(out, host=host, port=port, limits=limits)
    except (FileNotFoundError, OSError) as exc:
        err.print(f"doc2kg serve: {exc}", markup=False)
        raise typer.Exit(2) from None
    if not _is_loopback(host):
        err.print(f"doc2kg serve: listening on {host}, reachable from other machines", markup=False)
    err.print(f"SPARQL endpoint: {endpoint.url}/sparql   graph page: {endpoint.url}/   "
              f"({len(endpoint.graphs)} graphs, {timeout:g} s per query; Ctrl-C stops)", markup=False)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # so the Oxigraph child is stopped too
    try:
        endpoint.serve_forever()
    except KeyboardInterrupt:
        pass


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
