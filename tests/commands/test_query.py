"""``doc2kg query`` on the seed run: the example queries, formats, stdin, errors and exit codes."""
from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from tests.conftest import ROOT

QUERIES = sorted((ROOT / "ontology" / "queries").glob("*.rq"))
# The issue's example queries, each with an answer in the seed article.
SEED_HAS_ROWS = {"partners_of_country", "agencies_heads_countries", "intelligence_sharing", "events_place_date",
                 "document_assertions"}
runner = CliRunner()


def query(*args: str, input: str | None = None):
    return runner.invoke(app, ["query", *args], input=input)


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_example_query_from_file_as_json(seed_run, path):
    result = query(str(path), "--out", str(seed_run.out_dir), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    if path.stem in SEED_HAS_ROWS:
        assert data["results"]["bindings"], f"{path.name} found nothing on the seed"


def test_partners_as_csv(seed_run):
    result = query(str(ROOT / "ontology" / "queries" / "partners_of_country.rq"), "-o", str(seed_run.out_dir),
                   "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert "https://doc2kg.org/id/country/FR" in {r["partner"] for r in rows}


def test_inline_table_shows_arabic_labels(seed_run):
    result = query("SELECT ?c ?l { ?c a d2k:Country ; skos:prefLabel ?l FILTER(lang(?l) = 'ar') } ORDER BY ?c",
                   "--out", str(seed_run.out_dir))
    assert result.exit_code == 0, result.output
    assert "id:country/MA" in result.stdout and "المغرب" in result.stdout


def test_stdin_and_tsv(seed_run):
    result = query("-", "--out", str(seed_run.out_dir), "--format", "tsv", input="SELECT ?c { ?c a d2k:Country }")
    assert result.exit_code == 0 and result.stdout.splitlines()[0] == "?c"


def test_construct_as_turtle(seed_run):
    result = query("CONSTRUCT WHERE { ?c a d2k:Country }", "--out", str(seed_run.out_dir), "--format", "ttl")
    assert result.exit_code == 0 and "d2k:Country" in result.stdout


def test_syntax_error_exit_2_with_position(seed_run):
    result = query("SELECT ?s\nWHERE { ?s ?p }", "--out", str(seed_run.out_dir))
    assert result.exit_code == 2
    assert "syntax error at line 2, column" in result.stderr


@pytest.mark.parametrize("text", ["SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", "CLEAR ALL"])
def test_refused_exit_2(seed_run, text):
    result = query(text, "--out", str(seed_run.out_dir))
    assert result.exit_code == 2 and "read-only" in result.stderr


def test_no_store(tmp_path):
    result = query("ASK {}", "--out", str(tmp_path))
    assert result.exit_code == 2 and "doc2kg run" in result.stderr
