"""A corpus of bad inputs, generated here, through the real CLI: every file gets a clear
one-line message or is processed correctly, and the run completes."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile

import pytest

from tests.conftest import ROOT

AR = "أكد وزير الداخلية أن التعاون الأمني بين المغرب وفرنسا متين في مكافحة الإرهاب."
FR = "La coopération sécuritaire entre le Maroc et la France s'est renforcée à Paris."
EN = "Morocco and France signed a security cooperation agreement in Rabat on Monday."


def _png() -> bytes:
    return bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + os.urandom(400)


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", FR * 50)
    return buf.getvalue()


@pytest.fixture(scope="module")
def bad_corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("bad")
    files = {
        "empty.txt": b"",
        "blank.txt": b"  \n\t \n",
        "image.txt": _png(),
        "archive.md": _zip(),
        "nul.txt": FR.encode() + b"\x00\x00" + EN.encode(),
        "invalid_utf8.txt": FR.encode("utf-8")[:40] + b"\xff\xfe\xfa" + FR.encode("utf-8")[40:],
        "utf16_bom.txt": AR.encode("utf-16"),
        "utf16_nobom.txt": AR.encode("utf-16-le"),
        "cp1256.txt": (AR + " " + AR).encode("cp1256"),
        "cp1252.txt": (FR + " " + FR).encode("cp1252"),
        "bidi.txt": ("\u202e" + EN + "\u200b\u200d").encode(),
        "emoji.txt": ("🔥🇲🇦 " + EN + " 👍").encode(),
        "mixed.txt": (AR + " " + FR + " " + EN).encode(),
        "dup_a.txt": EN.encode(),
        "dup_b.txt": EN.encode(),
        "nested.html": ("<html><body>" + "<div>" * 5000 + FR + "</div>" * 5000 + "</body></html>").encode(),
        "scripts.html": ("<html><head>" + "<script>alert(1)</script>" * 500 + "</head><body><article><p>"
                         + FR + "</p><p>" + FR + "</p></article>" + "<script>document.write('x')</script>" * 500
                         + "</body></html>").encode(),
        "huge.txt": (b"a" * (20 * 1024 * 1024)),
    }
    for name, data in files.items():
        (d / name).write_bytes(data)
    os.mkfifo(d / "pipe.txt")  # cannot be read as a file (and would block a naive reader)
    os.symlink(d / "loop_b.txt", d / "loop_a.txt")
    os.symlink(d / "loop_a.txt", d / "loop_b.txt")
    os.symlink(d / "gone.txt", d / "dangling.txt")
    os.symlink(d, d / "selfdir")  # a folder loop
    return d


def test_bad_corpus_run_completes_with_clear_messages(bad_corpus, tmp_path):
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "pipeline", "run", str(bad_corpus), "--out", str(out), "-q"],
                          capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert proc.returncode == 1, proc.stderr  # some failed, the run still finished
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    docs = {d["id"]: d for d in report["documents"]}
    ok = {"nul", "invalid_utf8", "utf16_bom", "utf16_nobom", "cp1256", "cp1252", "bidi", "emoji", "mixed",
          "dup_a", "dup_b", "nested", "scripts"}
    failed = {"image", "archive", "huge", "pipe", "loop_a", "loop_b", "dangling"}
    skipped = {"empty", "blank"}
    for name in ok:
        assert docs[name]["status"] == "ok", (name, docs[name]["error"])
    for name in failed | skipped:
        assert docs[name]["status"] == ("skipped" if name in skipped else "failed"), name
        message = docs[name]["error"]
        assert message and "\n" not in message
        assert any(name in line and message in line for line in proc.stderr.splitlines()), name
    assert docs["cp1256"]["language"] == "ar" and docs["utf16_nobom"]["language"] == "ar"
    assert "too long" in docs["huge"]["error"]
    assert "regular file" in docs["pipe"]["error"]
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    labels = {e["label"] for e in graph["entities"]}
    assert {"Morocco", "France"} <= labels
    morocco = next(e for e in graph["entities"] if e["label"] == "Morocco")
    assert {"cp1256", "utf16_nobom", "dup_a", "dup_b"} <= set(morocco["documents"])
    scripts_text = (out / "graph.json").read_text(encoding="utf-8")
    assert "alert(1)" not in scripts_text and "document.write" not in scripts_text
    validate = subprocess.run([sys.executable, "-m", "pipeline", "validate", str(out)], capture_output=True,
                              text=True, cwd=ROOT, timeout=300)
    assert validate.returncode == 0, validate.stdout + validate.stderr


def test_file_removed_during_run_is_reported(tmp_path):
    from pipeline.ingest.read import discover
    from pipeline.runner import Pipeline

    (tmp_path / "keep.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "vanish.txt").write_text(FR, encoding="utf-8")
    sources = discover([tmp_path])
    (tmp_path / "vanish.txt").unlink()
    results = {r.document.id: r for r in Pipeline().process_all(sources)}
    assert results["keep"].status == "ok"
    assert results["vanish"].status == "failed" and "No such file" in results["vanish"].error
