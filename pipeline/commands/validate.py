"""``doc2kg validate DIR``: check ``DIR/graph.ttl`` against the SHACL shapes.

Runs pyshacl with ``ontology/shapes.ttl`` as the shapes and ``ontology/doc2kg.ttl`` as
the ontology graph (so ``sh:class`` sees the class hierarchy). Prints ``conforms`` or
one line per violation (focus node, path, message). Exit codes: 0 conforms,
1 violations, 2 no ``graph.ttl`` in DIR.

Usage::

    doc2kg validate outputs/
    conforms, violations = validate_graph(Graph().parse("outputs/graph.ttl"))
"""
from __future__ import annotations

from pathlib import Path

import typer
from pyshacl import validate
from rdflib import Graph
from rdflib.namespace import SH

ONTOLOGY_DIR = Path(__file__).resolve().parents[2] / "ontology"
SHAPES = ONTOLOGY_DIR / "shapes.ttl"
ONTOLOGY = ONTOLOGY_DIR / "doc2kg.ttl"


def validate_graph(data: Graph) -> tuple[bool, list[dict[str, str]]]:
    """SHACL-validate ``data``; returns (conforms, violations sorted by focus node and path)."""
    shapes = Graph().parse(SHAPES, format="turtle")
    ontology = Graph().parse(ONTOLOGY, format="turtle")
    conforms, report, _ = validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none",
                                   advanced=True, allow_warnings=True)
    violations = []
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        violations.append({
            "focus": str(report.value(result, SH.focusNode) or ""),
            "path": str(report.value(result, SH.resultPath) or ""),
            "value": str(report.value(result, SH.value) or ""),
            "message": str(report.value(result, SH.resultMessage) or ""),
        })
    violations.sort(key=lambda v: (v["focus"], v["path"], v["message"], v["value"]))
    return bool(conforms), violations


def validate_command(
    out_dir: Path = typer.Argument(..., help="An output folder of `doc2kg run` (reads DIR/graph.ttl)."),
) -> None:
    """Validate DIR/graph.ttl against ontology/shapes.ttl; print conforms or the violations."""
    path = out_dir / "graph.ttl" if out_dir.is_dir() else out_dir
    if not path.is_file():
        typer.echo(f"doc2kg validate: no graph.ttl in {out_dir}", err=True)
        raise typer.Exit(2)
    conforms, violations = validate_graph(Graph().parse(path, format="turtle"))
    if conforms:
        typer.echo(f"conforms: {path}")
        raise typer.Exit(0)
    typer.echo(f"does not conform: {path}: {len(violations)} violation(s)")
    for v in violations:
        value = f" value={v['value']}" if v["value"] else ""
        typer.echo(f"  {v['focus']} {v['path']}{value}: {v['message']}")
    raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("validate")(validate_command)
