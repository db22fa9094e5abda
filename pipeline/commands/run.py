"""``doc2kg run INPUT... --out DIR``: process files and folders into a knowledge graph.

Options for large corpora: ``--jobs N`` worker processes, ``--engine dask`` (with
``--scheduler ADDRESS`` or a local cluster), ``--no-cache`` to ignore ``OUT/.cache`` (and the
resolution index ``OUT/.index``), ``--exports all|none|auto`` for the whole-archive files
(auto: all up to 2,000 documents, else the store only).

The run locks ``--out`` (``OUT/.doc2kg.lock``): a second run into the same folder exits 2
naming the holder, or with ``--wait`` waits for it. Outputs are written as one generation
and switched in at once (:mod:`pipeline.runtime.output_folder`). File names, ids and error
messages are printed escaped (:mod:`pipeline.runtime.terminal`).

Exit codes: 0 every document processed; 1 some failed (the others are still written);
2 usage error (no such input, nothing to read, ``--out`` not a writable folder, another run
holds it); 3 the outputs could not be written (disk full): the previous ones are unchanged;
130 interrupted (Ctrl-C, SIGINT): the previous outputs are unchanged.
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from pipeline.ingest.read import discover
from pipeline.model import DocumentResult
from pipeline.runtime.output_folder import (OutputFolderError, OutputWriteError, RunLock, describe_holder)
from pipeline.runtime.parallel import ENGINES
from pipeline.runtime.run_results import read_whole
from pipeline.runtime.terminal import printable, say

err = Console(stderr=True)


def print_summary(summary, console: Console) -> None:
    table = Table(title=Text(f"doc2kg run: {printable(summary.out_dir)}"), show_header=True)
    table.add_column("what")
    table.add_column("count", justify="right")
    held = read_whole(summary.results)  # a result left on disk is ok, without warnings
    statuses = Counter(r.status for r in held)
    statuses["ok"] += len(summary.results) - len(held)
    table.add_row("documents", str(len(summary.results)))
    for status in ("ok", "skipped", "failed"):
        if statuses.get(status):
            table.add_row(f"  {status}", str(statuses[status]))
    for typ, n in summary.entity_types().items():
        table.add_row(f"entity {typ}", str(n))
    for typ, n in summary.relation_types().items():
        table.add_row(f"relation {typ}", str(n))
    warned = sum(bool(r.warnings) for r in held)
    if warned:
        table.add_row("  with warnings (report.json)", str(warned))
    if summary.cached:
        table.add_row("  from cache", str(summary.cached))
    table.add_row("seconds", f"{summary.seconds:.1f}")
    console.print(table)


def run(
    inputs: list[Path] = typer.Argument(..., help="Files or folders (.txt .md .html .htm .jsonl), read recursively."),
    out: Path = typer.Option(Path("outputs"), "--out", "-o", help="Output folder."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary table."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes for the per-document stages."),
    engine: str = typer.Option("local", "--engine", help="local (this machine, --jobs processes) or dask."),
    scheduler: str = typer.Option(None, "--scheduler",
                                  help="Dask scheduler address (tcp://host:8786); default: a local cluster of --jobs workers."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Process every document again (ignore and keep no OUT/.cache)."),
    wait: bool = typer.Option(False, "--wait", help="If another run holds --out, wait for it instead of exiting (2)."),
    exports: str = typer.Option("auto", "--exports",
                                help="Whole-archive files (graph.json, graph.ttl, graph.html...): all, none (the store "
                                     "only), or auto (all up to 2,000 documents, else the store only)."),
) -> None:
    """Extract entities and relations from INPUT and write graph.json, graph.ttl, graph.html, report.json."""
    if engine not in ENGINES:
        say(f"doc2kg run: unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
        raise typer.Exit(2)
    if exports not in ("all", "none", "auto"):
        say(f"doc2kg run: unknown --exports {exports!r} (choose from all, none, auto)")
        raise typer.Exit(2)
    if scheduler and engine != "dask":
        say("doc2kg run: --scheduler needs --engine dask")
        raise typer.Exit(2)
    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        say(f"doc2kg run: no such file or folder: {', '.join(missing)}")
        raise typer.Exit(2)
    sources = discover(inputs, exclude=[out],
                       on_skip=lambda folder: say(f"doc2kg run: not reading {folder}: it holds doc2kg outputs"))
    if not sources:
        say("doc2kg run: no readable input files (.txt .md .html .htm .jsonl) found")
        raise typer.Exit(2)

    def on_wait(holder: dict) -> None:
        say(f"doc2kg run: waiting for the run that holds {out} ({describe_holder(holder)})")

    lock = RunLock(out, wait=wait, on_wait=on_wait)
    try:  # before any work: a file, a read-only folder, an unwritable parent, another run
        lock.acquire()
    except OutputFolderError as exc:
        say(f"doc2kg run: {exc}")
        raise typer.Exit(2) from None
    with lock:
        _run(inputs, out, sources, quiet=quiet, jobs=jobs, engine=engine, scheduler=scheduler, no_cache=no_cache,
             exports=exports)


def _run(inputs: list[Path], out: Path, sources: list, *, quiet: bool, jobs: int, engine: str,
         scheduler: str | None, no_cache: bool, exports: str = "auto") -> None:
    """The run itself, with ``out`` locked."""

    def report_failure(result: DocumentResult) -> None:
        if result.status != "ok":
            say(f"doc2kg: {result.status}: {result.document.source or result.document.id}: {result.error}")
        for warning in result.warnings:
            say(f"doc2kg: warning: {result.document.id}: {warning}")

    from pipeline.runner import Pipeline  # heavy (spaCy): only when a run really starts

    pipeline = Pipeline(jobs=jobs, engine=engine, scheduler=scheduler, cache=not no_cache, exports=exports)
    show = not quiet and sys.stderr.isatty()
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, disable=not show, transient=True) as progress:
        # A .jsonl file holds many documents: the total is then unknown until read.
        jsonl = any(s.path.suffix.lower() == ".jsonl" for s in sources)
        task = progress.add_task("documents", total=None if jsonl else len(sources))

        def on_result(result: DocumentResult) -> None:
            report_failure(result)
            progress.update(task, advance=1)

        try:
            summary = pipeline.run(inputs, out, on_result=on_result)
        except OutputFolderError as exc:
            progress.stop()
            say(f"doc2kg run: {exc}")
            raise typer.Exit(2) from None
        except OutputWriteError as exc:
            progress.stop()
            say(f"doc2kg run: {exc}")
            raise typer.Exit(3) from None
        except KeyboardInterrupt:
            progress.stop()
            say("doc2kg run: interrupted; the outputs of the previous run are unchanged "
                "(finished documents are cached for the next run)")
            raise typer.Exit(130) from None
    if not quiet:
        print_summary(summary, Console(stderr=True))
    print(printable(f"outputs: {', '.join(str(p) for p in sorted(summary.files))}"))
    raise typer.Exit(summary.exit_code)


def register(app: typer.Typer) -> None:
    app.command("run")(run)
