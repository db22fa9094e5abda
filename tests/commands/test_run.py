"""The foundation path end to end: the seed article through the real CLI."""
import json
import subprocess
import sys

from tests.conftest import ROOT

CLI = [sys.executable, "-m", "pipeline"]


def test_seed_run_writes_the_four_outputs(tmp_path):
    out = tmp_path / "out"
    proc = subprocess.run([*CLI, "run", str(ROOT / "seeds"), "--out", str(out)], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    for name in ("graph.json", "graph.ttl", "graph.html", "report.json"):
        assert (out / name).stat().st_size > 0
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    by_label = {e["label"]: e for e in graph["entities"]}
    assert by_label["Morocco"]["type"] == "Country"
    assert by_label["France"]["type"] == "Country"
    persons = [e for e in graph["entities"] if e["type"] == "Person"]
    assert any("حموشي" in " ".join(p["aliases"]) for p in persons)
    ids = {by_label["Morocco"]["id"], by_label["France"]["id"]}
    coop = [r for r in graph["relations"] if r["type"] == "cooperatesWith" and {r["head"], r["tail"]} == ids]
    assert coop and coop[0]["evidence"]
    ev = coop[0]["evidence"][0]
    text = (ROOT / "seeds" / "000_6b72f15d28a0d0d5.txt").read_text(encoding="utf-8")
    assert text[ev["start"]:ev["end"]] == ev["text"]
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["documents"][0]["language"] == "ar" and report["documents"][0]["status"] == "ok"


def test_bad_document_does_not_abort_and_exit_code_is_1(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "good.txt").write_text("La coopération entre le Maroc et la France est solide.", encoding="utf-8")
    (inp / "bad.txt").write_bytes(bytes(range(256)) * 10)
    out = tmp_path / "out"
    proc = subprocess.run([*CLI, "run", str(inp), "--out", str(out)], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 1
    assert "bad.txt" in proc.stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    status = {d["id"]: d["status"] for d in report["documents"]}
    assert status == {"bad": "failed", "good": "ok"}


def test_missing_input_is_a_usage_error(tmp_path):
    proc = subprocess.run([*CLI, "run", str(tmp_path / "nope"), "--out", str(tmp_path / "o")], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 2
    assert not (tmp_path / "o").exists()


def test_a_document_too_short_to_tell_is_a_warning_in_the_summary(tmp_path):
    (tmp_path / "hi.txt").write_text("hi", encoding="utf-8")
    proc = subprocess.run([*CLI, "run", str(tmp_path / "hi.txt"), "--out", str(tmp_path / "o")], capture_output=True,
                          text=True, cwd=ROOT, env={**__import__("os").environ, "COLUMNS": "200"})
    assert proc.returncode == 0, proc.stderr
    assert "warning: hi: too short to tell its language" in proc.stderr
    assert "with warnings" in proc.stdout + proc.stderr
