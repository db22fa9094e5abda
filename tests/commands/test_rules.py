"""``doc2kg rules``: the table of every relation rule and the rule ids it can emit."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.relations.rules import CATALOGUE, ORDER

runner = CliRunner()


def test_rules_lists_every_rule_in_order_with_its_rule_ids():
    result = runner.invoke(app, ["rules"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    headers = [line.split(" ", 1)[0] for line in lines if line and not line.startswith(" ")][:-1]
    assert headers == list(ORDER)
    assert {line.strip() for line in lines if line.startswith("    ")} == set(CATALOGUE)
    assert "events (events, sentence, memory 9) -> involvedIn, occurredIn, occurredOn" in lines
    assert "agency_in_document (agency, document) -> agencyOf" in lines
    assert lines[-1] == f"{len(ORDER)} rules, {len(CATALOGUE)} rule ids"


def test_rules_json():
    result = runner.invoke(app, ["rules", "--json"])
    assert result.exit_code == 0, result.output
    table = json.loads(result.output)
    assert [row["name"] for row in table] == list(ORDER)
    dual = next(row for row in table if row["name"] == "dual_reference")
    assert dual == {"name": "dual_reference", "family": "cooperation", "produces": ["cooperatesWith"],
                    "scope": "sentence", "memory": 2, "rule_ids": ["rule:dual-reference"]}
