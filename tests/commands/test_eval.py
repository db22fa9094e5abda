"""``doc2kg eval`` on several gold files run as one corpus, with ``--identity``."""
import json

from typer.testing import CliRunner

from pipeline.cli import app

runner = CliRunner()


def _gold(path, doc_id, text, entities):
    path.write_text(json.dumps({"id": doc_id, "lang": "en", "text": text, "relations": [],
                                "entities": [{"id": f"e{i}", "type": t, "name": n, "aliases": []}
                                             for i, (t, n) in enumerate(entities)]}) + "\n", encoding="utf-8")


def test_two_gold_files_run_as_one_corpus_and_identity_is_scored(tmp_path):
    _gold(tmp_path / "a.jsonl", "a1", "Emmanuel Macron met Pedro Sanchez in Madrid on Monday.",
          [("Person", "Emmanuel Macron"), ("Person", "Pedro Sanchez"), ("City", "Madrid")])
    _gold(tmp_path / "b.jsonl", "b1", "Emmanuel Macron later flew to Madrid again.",
          [("Person", "Emmanuel Macron"), ("City", "Madrid")])
    report = tmp_path / "report.json"
    result = runner.invoke(app, ["eval", str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl"),
                                 "--identity", "--no-misses", "--json", str(report)])
    assert result.exit_code == 0, result.output
    assert "identity_bcubed_p=" in result.output
    assert result.output.strip().splitlines()[-1].startswith("entity_f1=")
    identity = json.loads(report.read_text(encoding="utf-8"))["identity"]
    # Macron and Madrid of both documents, each one entity across them
    assert identity["items"] >= 4 and identity["p"] == 1.0 and identity["r"] == 1.0


def test_a_document_id_in_two_gold_files_is_refused(tmp_path):
    _gold(tmp_path / "a.jsonl", "x", "Madrid.", [("City", "Madrid")])
    _gold(tmp_path / "b.jsonl", "x", "Madrid.", [("City", "Madrid")])
    result = runner.invoke(app, ["eval", str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl"), "--identity"])
    assert result.exit_code == 2 and "repeated" in result.output
