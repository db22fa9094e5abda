"""``doc2kg eval GOLD.jsonl...``: run the pipeline on gold texts and print P/R/F1.

Scores entities and relations, overall, per language and per type, and lists what was
missed and what was spurious per document (``--misses``). ``--json FILE`` keeps the
whole report. Several gold files run as ONE corpus (their documents resolved together);
``--identity`` adds the B-cubed precision and recall of entity identity across documents
(:mod:`pipeline.evaluation.identity`) with the worst wrong merges and splits. A gold file
with time and sources (``corpus/time/``: ``meta``, ``dates``, a role's ``status``,
``attributed_to``) is also scored for them (:mod:`pipeline.evaluation.time_score`).
``--events`` adds the B-cubed precision and recall of event identity across documents
(:mod:`pipeline.evaluation.event_identity`; gold events carry ``event_key``).

Usage::

    doc2kg eval ../shared/eval/dev.jsonl tests/evaluation/data/*.jsonl --identity --no-misses
    doc2kg eval corpus/events/groups.jsonl --events
"""
from __future__ import annotations

import contextlib
import json
from collections import Counter
import tempfile
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from pipeline.evaluation.identity import score_identity
from pipeline.evaluation.event_identity import event_identity
from pipeline.evaluation.score import score
from pipeline.evaluation.time_score import has_time_gold, score_time
from pipeline.model import Document
from pipeline.runner import Pipeline
from pipeline.runtime.terminal import printable


def _table(title: str, rows: dict[str, dict[str, float]]) -> Table:
    table = Table(title=title)
    for col in ("scope", "P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(col, justify="left" if col == "scope" else "right")
    for scope, v in rows.items():
        table.add_row(scope, f"{v['p']:.3f}", f"{v['r']:.3f}", f"{v['f1']:.3f}", str(v["tp"]), str(v["fp"]), str(v["fn"]))
    return table


def _print_identity(console: Console, report: dict, top: int) -> None:
    console.print(f"identity: {report['items']} items, {report['gold_clusters']} gold clusters, "
                  f"{report['predicted_clusters']} predicted, {report['unmatched']} gold entities unmatched")
    for title, rows, parts in (("wrong merges", report["merges"], "gold"), ("splits", report["splits"], "entities")):
        console.print(f"[bold]{title}[/bold] ({len(rows)})")
        for row in rows[:top]:
            head = f"{row['label']} [{row['entity']}]" if parts == "gold" else row["gold"]
            inner = "; ".join(f"{p['name']} x{p['items']} ({', '.join(p['documents'][:3])}"
                              f"{', ...' if len(p['documents']) > 3 else ''})" for p in row[parts])
            console.print(f"  {row['pairs']:4d} pairs  {head}: {inner}", markup=False)
    print(f"identity_bcubed_p={report['p']:.3f} identity_bcubed_r={report['r']:.3f} identity_bcubed_f1={report['f1']:.3f}")


def evaluate(
    gold_paths: list[Path] = typer.Argument(..., exists=True, dir_okay=False, metavar="GOLD...",
                                            help="Gold JSONL files (shared/eval format), run as one corpus."),
    out: Path = typer.Option(None, "--out", "-o", help="Keep the run's outputs here (default: a temp folder)."),
    misses: bool = typer.Option(True, "--misses/--no-misses", help="List misses and spurious items per document."),
    json_path: Path = typer.Option(None, "--json", help="Write the full report as JSON."),
    rules_only: bool = typer.Option(False, "--rules-only", help="Leave the trained layer out (ablation)."),
    identity: bool = typer.Option(False, "--identity", help="Also score entity identity across documents (B-cubed)."),
    top: int = typer.Option(15, "--top", help="Wrong merges and splits listed with --identity."),
    events: bool = typer.Option(False, "--events", help="Also score event identity across documents (B-cubed)."),
) -> None:
    """Score extraction against GOLD (entities and relations: P, R, F1 per language and type)."""
    if out is not None and out.exists() and not out.is_dir():  # before any model is loaded
        Console(stderr=True, soft_wrap=True, highlight=False).print(f"doc2kg eval: --out {printable(out)} is a file, not a folder", markup=False)
        raise typer.Exit(2)
    sourced = [(gold, json.loads(line)) for gold in gold_paths
               for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    gold_docs = [d for _, d in sourced]
    ids = Counter(d["id"] for d in gold_docs)
    if any(n > 1 for n in ids.values()):
        raise typer.BadParameter(f"document ids repeated across the gold files: {sorted(i for i, n in ids.items() if n > 1)[:5]}")
    with contextlib.ExitStack() as scratch:  # without --out the run's outputs go when it is scored
        out_dir = out or Path(scratch.enter_context(tempfile.TemporaryDirectory(prefix="doc2kg-eval-")))
        pipeline = Pipeline(exporters=("json",), learned=not rules_only)
        # The metadata a JSONL input gives (title, date, url; the outlet as "publisher": a gold
        # file's "source" says where the text came from, not who published it).
        results = [pipeline.process(Document(id=d["id"], text=d["text"], source=str(gold), title=d.get("title"),
                                             date=d.get("date"), url=d.get("url"), publisher=d.get("publisher")))
                   for gold, d in sourced]
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
    if identity:
        report["identity"] = score_identity(gold_docs, graph)
        _print_identity(console, report["identity"], top)
    time_line = None
    if has_time_gold(gold_docs):
        report["time"] = time_report = score_time(gold_docs, graph)
        if misses:
            for d in time_report["documents"]:
                if d["misses"]:
                    console.print(f"[bold]{d['id']}[/bold] time: {'; '.join(d['misses'])}", markup=False)
        rows = {k: v for k, v in time_report.items() if k != "documents"}
        console.print(_table("time and sources", rows))
        time_line = " ".join(f"{k}_p={v['p']:.3f} {k}_r={v['r']:.3f}" for k, v in rows.items()
                             if k in ("published", "dates", "role_status", "attribution"))
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
    if time_line:
        print(time_line)
    print(f"entity_f1={e['f1']:.3f} relation_f1={r['f1']:.3f}")


def register(app: typer.Typer) -> None:
    app.command("eval")(evaluate)
