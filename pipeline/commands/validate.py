"""``doc2kg validate DIR``: check ``DIR/graph.ttl`` against the SHACL shapes.

Runs pyshacl with ``ontology/shapes.ttl`` as the shapes and ``ontology/doc2kg.ttl`` as
the ontology graph (so ``sh:class`` sees the class hierarchy). Prints ``conforms`` or
one line per result (severity, focus node, path, message). Structural rules (labels,
evidence, domains, dates) are violations; relation head/tail types are warnings, which
fail only with ``--strict``. Exit codes: 0 conforms, 1 violations, 2 no ``graph.ttl``.

Usage::

    doc2kg validate outputs/ [--strict]
    conforms, results = validate_graph(Graph().parse("outputs/graph.ttl"))
"""
from __future__ import annotations

from pathlib import Path

import typer
from rdflib import Graph
from rdflib.namespace import SH

from pipeline.ontology_data import ONTOLOGY_FILE, SHAPES_FILE



def validate_graph(data: Graph, strict: bool = False) -> tuple[bool, list[dict[str, str]]]:
    """SHACL-validate ``data``; returns (conforms, results sorted by focus node and path).

    Each result has ``severity`` (Violation, Warning, Info), ``focus``, ``path``, ``value``
    and ``message``; ``conforms`` is false when there is a violation (or any result, strict)."""
    from pyshacl import validate  # imported here: pyshacl costs every other command ~0.2 s of start-up

    shapes = Graph().parse(SHAPES_FILE, format="turtle")
    ontology = Graph().parse(ONTOLOGY_FILE, format="turtle")
    conforms, report, _ = validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none",
                                   advanced=True, allow_warnings=True)
    results = []
    for result, severity in report.subject_objects(SH.resultSeverity):
        results.append({
            "severity": str(severity).rsplit("#", 1)[-1],
            "focus": str(report.value(result, SH.focusNode) or ""),
            "path": str(report.value(result, SH.resultPath) or ""),
            "value": str(report.value(result, SH.value) or ""),
            "message": str(report.value(result, SH.resultMessage) or ""),
        })
    results.sort(key=lambda v: (v["severity"] != "Violation", v["focus"], v["path"], v["message"], v["value"]))
    failing = results if strict else [r for r in results if r["severity"] == "Violation"]
    return bool(conforms) and not failing, results


def validate_command(
    out_dir: Path = typer.Argument(..., help="An output folder of `doc2kg run` (reads DIR/graph.ttl)."),
    strict: bool = typer.Option(False, "--strict", help="Fail on warnings (relation head/tail types) too."),
) -> None:
    """Validate DIR/graph.ttl against ontology/shapes.ttl; print conforms or the violations."""
    path = out_dir / "graph.ttl" if out_dir.is_dir() else out_dir
    if not path.is_file():
        typer.echo(f"doc2kg validate: no graph.ttl in {out_dir}", err=True)
        raise typer.Exit(2)
    conforms, results = validate_graph(Graph().parse(path, format="turtle"), strict=strict)
    counts = {sev: sum(r["severity"] == sev for r in results) for sev in ("Violation", "Warning", "Info")}
    summary = ", ".join(f"{n} {sev.lower()}(s)" for sev, n in counts.items() if n)
    typer.echo(f"conforms: {path}" + (f" ({summary})" if summary else "") if conforms
               else f"does not conform: {path}: {summary}")
    for r in results:
        value = f" value={r['value']}" if r["value"] else ""
        typer.echo(f"  {r['severity']}: {r['focus']} {r['path']}{value}: {r['message']}")
    raise typer.Exit(0 if conforms else 1)


def register(app: typer.Typer) -> None:
    app.command("validate")(validate_command)
