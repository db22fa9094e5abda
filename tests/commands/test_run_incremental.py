"""Incremental runs through the CLI: the cache under OUT/.cache, and outputs equal to a clean run."""
import json
import subprocess
import sys

from tests.conftest import ROOT

CLI = [sys.executable, "-m", "pipeline", "run"]


def run(inputs, out, *extra):
    proc = subprocess.run([*CLI, str(inputs), "--out", str(out), "-q", *extra], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def test_changed_and_deleted_documents_give_the_clean_run_output(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text("La DGSI coopère avec le Maroc contre le terrorisme.", encoding="utf-8")
    (corpus / "b.txt").write_text("La France et l'Espagne ont signé un accord à Madrid.", encoding="utf-8")
    (corpus / "c.txt").write_text("Morocco and Spain signed an agreement in Rabat.", encoding="utf-8")
    out = tmp_path / "out"

    first = run(corpus, out)
    assert first["totals"]["cached"] == 0 and (out / ".cache").is_dir()
    again = run(corpus, out)
    assert again["totals"]["cached"] == 3

    (corpus / "b.txt").write_text("La France et l'Allemagne ont signé un accord à Berlin.", encoding="utf-8")
    (corpus / "c.txt").unlink()
    incremental = run(corpus, out)
    assert incremental["totals"]["cached"] == 1  # only a.txt is unchanged
    assert [(d["id"], d["cached"]) for d in incremental["documents"]] == [("a", True), ("b", False)]

    clean = tmp_path / "clean"
    run(corpus, clean, "--no-cache")
    assert not (clean / ".cache").exists()
    for name in ("graph.json", "graph.ttl"):
        assert (out / name).read_bytes() == (clean / name).read_bytes(), name
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    labels = {e["label"] for e in graph["entities"]}
    assert "Germany" in labels and "Rabat" not in labels
    # The deleted and the replaced documents' entries are gone from the cache.
    assert len(list((out / ".cache").glob("results/*/*/*.json"))) == 2


def test_bad_engine_and_lonely_scheduler_are_usage_errors(tmp_path):
    proc = subprocess.run([*CLI, str(ROOT / "seeds"), "--out", str(tmp_path), "--engine", "spark"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 2
    proc = subprocess.run([*CLI, str(ROOT / "seeds"), "--out", str(tmp_path), "--scheduler", "tcp://127.0.0.1:1"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 2
