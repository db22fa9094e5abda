"""``doc2kg rules``: every relation rule, in the order it runs, with what it produces.

One block per rule of :data:`pipeline.relations.rules.RULES`: its name, family (the
module under ``pipeline/relations/rules/``), the relation types it produces, its scope
(sentence or document), its memory (sentences back) and the rule ids it can emit (the
``extractor`` of the relations it finds). ``--json`` prints the same as a JSON list.

Usage::

    doc2kg rules
    doc2kg rules --json
    rule_table()[0]   # -> {'name': 'person_roles', 'family': 'roles', 'produces': [...], ...}
"""
from __future__ import annotations

import json

import typer

from pipeline.relations.rules import RULES


def rule_table() -> list[dict[str, object]]:
    """One record per registered rule, in run order."""
    return [{"name": r.name, "family": r.family, "produces": list(r.produces), "scope": r.scope,
             "memory": r.memory, "rule_ids": list(r.rule_ids)} for r in RULES]


def rules_command(
    as_json: bool = typer.Option(False, "--json", help="Print the table as JSON."),
) -> None:
    """List every relation rule: family, relation types, scope, memory and rule ids."""
    table = rule_table()
    if as_json:
        typer.echo(json.dumps(table, indent=1, ensure_ascii=False))
        return
    for row in table:
        memory = f", memory {row['memory']}" if row["memory"] else ""
        typer.echo(f"{row['name']} ({row['family']}, {row['scope']}{memory}) -> {', '.join(row['produces'])}")
        for rule_id in row["rule_ids"]:
            typer.echo(f"    {rule_id}")
    typer.echo(f"{len(table)} rules, {sum(len(r['rule_ids']) for r in table)} rule ids")


def register(app: typer.Typer) -> None:
    app.command("rules")(rules_command)
