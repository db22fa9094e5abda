"""``doc2kg validate DIR``: exit 0 and "conforms" on a valid output, 1 and the violations
on a broken one, 2 when DIR has no graph.ttl; the dev set's output validates."""
from __future__ import annotations

import json

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import SKOS
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.exporters.rdf import entity_iri
from tests.conftest import SHARED_EVAL

runner = CliRunner()


def test_validate_seed_output_conforms(seed_run):
    result = runner.invoke(app, ["validate", str(seed_run.out_dir)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("conforms")


def test_validate_reports_violations(seed_run, tmp_path):
    g = Graph().parse(seed_run.out_dir / "graph.ttl")
    ma = entity_iri("country/MA")
    g.add((ma, SKOS.prefLabel, Literal("Kingdom of Morocco", lang="en")))
    g.serialize(tmp_path / "graph.ttl", format="turtle")
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 1
    assert "does not conform" in result.output
    assert f"{ma} {SKOS.prefLabel}" in result.output


def test_validate_without_graph(tmp_path):
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 2


@pytest.mark.slow
@pytest.mark.skipif(not SHARED_EVAL.exists(), reason="shared dev set not present")
def test_dev_set_output_validates(tmp_path):
    texts = tmp_path / "texts"
    texts.mkdir()
    for line in SHARED_EVAL.read_text(encoding="utf-8").splitlines():
        if line.strip():
            doc = json.loads(line)
            (texts / f"{doc['id']}.txt").write_text(doc["text"], encoding="utf-8")
    out = tmp_path / "out"
    run = runner.invoke(app, ["run", str(texts), "--out", str(out), "--quiet", "--no-cache"])
    assert run.exit_code == 0, run.output
    result = runner.invoke(app, ["validate", str(out)])
    assert result.exit_code == 0, result.output
