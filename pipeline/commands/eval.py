"""``doc2kg eval GOLD.jsonl``: run the pipeline on gold texts and print P/R/F1.

Scores entities and relations, overall, per language and per type, and lists what was
missed and what was spurious per document (``--misses``). ``--json FILE`` keeps the
whole report. ``--events`` adds the B-cubed precision and recall of event identity across
documents (:mod:`pipeline.evaluation.event_identity`; gold events carry ``event_key``), e.g.
``doc2kg eval corpus/events/groups.jsonl --events``.
"""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from pipeline.evaluation.event_identity import event_identity
from pipeline.evaluation.score import score
from pipeline.model import Document
from pipeline.runner import Pipeline


def _table(title: str, rows: dict[str, dict[str, float]]) -> Table:
    table = Table(title=title)
    for col in ("scope", "P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(col, justify="left" if col == "scope" else "right")
    for scope, v in rows.items():
        table.add_row(scope, f"{v['p']:.3f}", f"{v['r']:.3f}", f"{v['f1']:.3f}", str(v["tp"]), str(v["fp"]), str(v["fn"]))
    return table


def evaluate(
    gold: Path = typer.Argument(..., exists=True, dir_okay=False, help="Gold JSONL (shared/eval format)."),
    out: Path = typer.Option(None, "--out", "-o", help="Keep the run's outputs here (default: a temp folder)."),
    misses: bool = typer.Option(True, "--misses/--no-misses", help="List misses and spurious items per document."),
    json_path: Path = typer.Option(None, "--json", help="Write the full report as JSON."),
    rules_only: bool = typer.Option(False, "--rules-only", help="Leave the trained layer out (ablation)."),
    events: bool = typer.Option(False, "--events", help="Also score event identity across documents (B-cubed)."),
) -> None:
    """Score extraction against GOLD (entities and relations: P, R, F1 per language and type)."""
    gold_docs = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    out_dir = out or Path(tempfile.mkdtemp(prefix="doc2kg-eval-"))
    pipeline = Pipeline(exporters=("json",), learned=not rules_only)
    results = [pipeline.process(Document(id=d["id"], text=d["text"], source=str(gold))) for d in gold_docs]
    summary = pipeline.finish(results, out_dir)
    graph = json.loads((out_dir / "graph.json").read_text(encoding="utf-8"))
    report = score(gold_docs, graph)
    console = Console(width=160)
    if misses:
        for d in report["documents"]:
            console.print(f"[bold]{d['id']}[/bold] ({d['lang']})")
            for key in ("missed_entities", "spurious_entities", "missed_relations", "spurious_relations"):
                if d[key]:
                    console.print(f"  {key.replace('_', ' ')}: {'; '.join(d[key])}", markup=False)
    console.print(_table("entities", report["entities"]))
    console.print(_table("relations", report["relations"]))
    if events:
        identity = event_identity(gold_docs, graph)
        report["event_identity"] = identity
        if misses:
            for key, reports in identity["clusters"].items():
                console.print(f"  {key}: {'; '.join(reports)}", markup=False)
        print(f"event_identity precision={identity['precision']:.3f} recall={identity['recall']:.3f} "
              f"f1={identity['f1']:.3f} (reports={identity['items']}, matched={identity['matched']})")
    if json_path:
        json_path.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    failed = [r.document.id for r in summary.results if r.status != "ok"]
    if failed:
        console.print(f"failed documents: {', '.join(failed)}")
    e, r = report["entities"].get("all", {"f1": 0.0}), report["relations"].get("all", {"f1": 0.0})
    print(f"entity_f1={e['f1']:.3f} relation_f1={r['f1']:.3f}")


def register(app: typer.Typer) -> None:
    app.command("eval")(evaluate)
