"""The ``doc2kg`` command line.

Each command lives in its own module under :mod:`pipeline.commands` and registers itself
with ``register(app)``; modules are imported when the CLI starts.

Usage::

    doc2kg run seeds/ --out outputs/
    doc2kg eval ../shared/eval/dev.jsonl
    doc2kg --version
"""
from __future__ import annotations

import importlib
import os
import sys

import typer

COMMANDS = ("run", "eval", "validate", "query", "serve", "rules", "view")

app = typer.Typer(
    name="doc2kg",
    help="Turn news articles (Arabic, French, English) into a knowledge graph.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

def _print_version(value: bool) -> None:
    if value:
        from pipeline import __version__

        print(f"doc2kg {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """Turn news articles (Arabic, French, English) into a knowledge graph."""


for _name in COMMANDS:
    try:
        _module = importlib.import_module(f"pipeline.commands.{_name}")
    except ModuleNotFoundError as exc:  # a command whose module is not there yet
        if exc.name != f"pipeline.commands.{_name}":
            raise
        continue
    _module.register(app)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:  # outside a command (start-up); commands handle their own
        interrupted()
    except SystemExit as exc:
        if exc.code != 130:
            raise
        # typer turns an interrupt no command caught into Exit(130), silently; a command that
        # caught it has said so itself
        interrupted(say=isinstance(getattr(exc.__context__, "__cause__", None), KeyboardInterrupt))


def interrupted(*, say: bool = True) -> None:
    """Exit 130 for certain: ``os._exit`` skips the interpreter's finalization, where CPython
    ends the process by SIGINT instead (whatever ``sys.exit`` asked) once an interrupt has
    passed through code a library ran with ``PyRun_*``."""
    try:
        sys.stdout.flush()
    finally:
        try:
            if say:
                print("doc2kg: interrupted", file=sys.stderr)
            sys.stderr.flush()
        finally:
            os._exit(130)

if __name__ == "__main__":
    main()
