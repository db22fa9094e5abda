"""The command line: ``--version`` and usage errors for an output folder that is a file."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from pipeline import __version__
from pipeline.cli import app

runner = CliRunner()


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"doc2kg {__version__}"


@pytest.mark.parametrize("command", [["run", "{input}", "--out", "{file}"], ["eval", "{gold}", "--out", "{file}"],
                                     ["query", "ASK {{}}", "--out", "{file}"], ["serve", "--out", "{file}"],
                                     ["serve", "{file}"]])
def test_out_naming_a_file_is_a_one_line_usage_error(tmp_path, command):
    a_file = tmp_path / "graph.json"
    a_file.write_text("{}")
    (tmp_path / "in.txt").write_text("Morocco and France signed a security agreement in Rabat.")
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "a", "text": "Morocco and France.", "entities": [], "relations": []}\n')
    args = [a.format(file=a_file, input=tmp_path / "in.txt", gold=gold) for a in command]
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert len(result.stderr.strip().splitlines()) == 1 and str(a_file) in result.stderr
    assert "Traceback" not in result.output and a_file.read_text() == "{}"
