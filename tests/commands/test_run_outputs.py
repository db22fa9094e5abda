"""The output folder through the real CLI (issue 18, findings 5-8): two runs racing on one
folder, a folder that cannot be written, a disk that fills up, outputs inside an input folder,
duplicate document ids, and untrusted names on stderr."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph
import pytest

from tests.conftest import ROOT, SEED, assert_one_generation

CLI = [sys.executable, "-m", "pipeline", "run"]
TEXTS = ROOT / "tests" / "evaluation" / "data" / "heldout_extra.jsonl"
SENTENCE = "La France et le Maroc ont signé un accord de coopération sécuritaire à Rabat."


def _cli(*args, cwd=ROOT, timeout=600, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, cwd=cwd, env=env,
                          timeout=timeout, **kwargs)


def _corpus(folder: Path, prefix: str, count: int) -> Path:
    folder.mkdir(parents=True)
    lines = [json.loads(line) for line in TEXTS.read_text(encoding="utf-8").splitlines() if line.strip()]
    for i, doc in enumerate(lines[:count]):
        (folder / f"{prefix}{i:02d}.txt").write_text(doc["text"], encoding="utf-8")
    return folder


def _documents_of(out: Path) -> dict[str, set[str]]:
    """The document ids each output names, read from one resolved generation."""
    gen = (out / "current").resolve()
    graph = json.loads((gen / "graph.json").read_text(encoding="utf-8"))
    report = json.loads((gen / "report.json").read_text(encoding="utf-8"))
    store = pyoxigraph.Store.read_only(str((gen / "store").resolve()))
    return {
        "graph.json": {d for e in graph["entities"] for d in e["documents"]},
        "report.json": {d["id"] for d in report["documents"]},
        "store": {g.value.rsplit("/", 1)[-1] for g in store.named_graphs()} - {""},
    }


def _assert_from_one_run(out: Path, prefix: str) -> None:
    assert_one_generation(out)
    for name, ids in _documents_of(out).items():
        assert ids and all(i.startswith(prefix) for i in ids), (name, ids)
    html = (out / "graph.html").read_text(encoding="utf-8")
    other = "b-" if prefix == "a-" else "a-"
    assert f'"{prefix}00"' in html and f'"{other}00"' not in html


@pytest.mark.slow
def test_two_runs_on_one_folder_never_mix_it(tmp_path):
    """Finding 5: the second run exits 2 naming the first (pid, start time); with --wait it
    runs after it; at every moment the folder is the set of one run."""
    a, b = _corpus(tmp_path / "a", "a-", 12), _corpus(tmp_path / "b", "b-", 3)
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    first = subprocess.Popen([*CLI, str(a), "--out", str(out), "-q"], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lock = out / ".doc2kg.lock"
    deadline = time.monotonic() + 120
    while not (lock.exists() and f'"pid": {first.pid}' in lock.read_text()):
        assert time.monotonic() < deadline and first.poll() is None, "the first run never took the lock"
        time.sleep(0.05)
    refused = _cli(b, "--out", out, "-q", timeout=120)
    assert first.poll() is None, "the first run ended before the second tried: no race was tested"
    assert refused.returncode == 2
    assert f"pid {first.pid}" in refused.stderr and "started 20" in refused.stderr and "--wait" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1 and "Traceback" not in refused.stderr
    waiting = subprocess.Popen([*CLI, str(b), "--out", str(out), "-q", "--wait"], cwd=ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen = set()
    while waiting.poll() is None:  # a reader that resolves `current` once always sees one run's set
        if (out / "current").exists():
            try:
                docs = _documents_of(out)
            except OSError:  # pruned between resolving and reading: the next look sees the new one
                continue
            prefixes = {i[:2] for ids in docs.values() for i in ids}
            assert len(prefixes) == 1, docs
            seen |= prefixes
        time.sleep(0.2)
    _, first_err = first.communicate(timeout=600)
    _, waited_err = waiting.communicate()
    assert first.returncode == 0, first_err
    assert waiting.returncode == 0, waited_err
    assert f"waiting for the run that holds {out} (pid {first.pid}" in waited_err
    assert seen >= {"a-"}
    _assert_from_one_run(out, "b-")
    assert len(list((out / ".generations").iterdir())) == 1


def _one_line_usage_error(proc: subprocess.CompletedProcess, *words: str) -> None:
    assert proc.returncode == 2, proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr, proc.stderr
    for word in words:
        assert word in proc.stderr, proc.stderr


@pytest.fixture
def mount_tmpfs(tmp_path):
    """``mount(path, options)``: a tmpfs there (root only); unmounted at the end."""
    mounted = []

    def mount(path: Path, options: str) -> None:
        path.mkdir(parents=True, exist_ok=True)
        if os.geteuid() != 0 or not shutil.which("mount"):
            pytest.skip("mounting a tmpfs needs root")
        proc = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)], capture_output=True,
                              text=True)
        if proc.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {proc.stderr.strip()}")
        mounted.append(path)

    yield mount
    for path in reversed(mounted):
        subprocess.run(["umount", "-l", str(path)], check=False)


def test_out_that_cannot_be_written_is_refused_before_any_work(tmp_path, mount_tmpfs):
    """Finding 6: --out naming a file, a read-only folder, an unwritable parent: exit 2, one line."""
    (tmp_path / "file").write_text("x")
    _one_line_usage_error(_cli(SEED, "--out", tmp_path / "file"), "is not a folder")
    readonly = tmp_path / "ro"
    mount_tmpfs(readonly, "ro,size=1m")
    started = time.monotonic()
    _one_line_usage_error(_cli(SEED, "--out", readonly), "cannot write", "Read-only file system")
    _one_line_usage_error(_cli(SEED, "--out", readonly / "new" / "out"), "Read-only file system")
    assert time.monotonic() - started < 60  # refused at start-up: no model was loaded


def _files(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


def _store_graphs(out: Path) -> set[str]:
    return {g.value for g in pyoxigraph.Store.read_only(str((out / "store").resolve())).named_graphs()}


@pytest.mark.slow
def test_full_disk_keeps_the_previous_set_whole(tmp_path, mount_tmpfs):
    """Finding 6: a run that fills the disk (a small tmpfs) exits 3 with one clear line, and
    the previous outputs stay whole and consistent; with space again the next run succeeds."""
    disk = tmp_path / "disk"
    mount_tmpfs(disk, "size=64m")
    out = disk / "out"
    small, large = tmp_path / "small", _corpus(tmp_path / "large", "a-", 6)
    small.mkdir()
    (small / "a-00.txt").write_text(SENTENCE, encoding="utf-8")
    assert _cli(small, "--out", out, "-q").returncode == 0
    before, graphs, generation = _files(out), _store_graphs(out), assert_one_generation(out)
    hidden = sorted(str(p.relative_to(out)) for p in out.rglob("*") if ".cache" not in p.parts)
    stat = os.statvfs(disk)
    used = (stat.f_blocks - stat.f_bfree) * stat.f_frsize
    # Room for the cache entries, not for a second graph.html (over 700 kB of page script alone).
    subprocess.run(["mount", "-o", f"remount,size={used + 300_000}", str(disk)], check=True)
    proc = _cli(large, "--out", out, "-q")
    assert proc.returncode == 3, proc.stderr
    assert "No space left on device" in proc.stderr and "previous outputs are unchanged" in proc.stderr
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert _files(out) == before and _store_graphs(out) == graphs
    assert assert_one_generation(out) == generation
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*") if ".cache" not in p.parts) == hidden
    subprocess.run(["mount", "-o", "remount,size=64m", str(disk)], check=True)
    proc = _cli(large, "--out", out, "-q")
    assert proc.returncode == 0, proc.stderr
    _assert_from_one_run(out, "a-")
    assert len(_documents_of(out)["report.json"]) == 6


def test_injected_enospc_in_an_exporter_keeps_the_previous_set(tmp_path, monkeypatch):
    """Finding 6 without a tmpfs: an exporter that fails half-way (ENOSPC) in process."""
    import errno

    from pipeline.exporters import html
    from pipeline.runner import Pipeline
    from pipeline.runtime.output_folder import OutputWriteError

    inp, out = tmp_path / "in", tmp_path / "out"
    inp.mkdir()
    (inp / "a-00.txt").write_text(SENTENCE, encoding="utf-8")
    assert Pipeline().run([inp], out).exit_code == 0
    before, graphs = _files(out), _store_graphs(out)
    (inp / "a-01.txt").write_text("Morocco and Spain signed an agreement in Rabat.", encoding="utf-8")

    def full_disk(G, out_dir):
        (Path(out_dir) / "graph.html").write_text("<html>half")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(html, "write", full_disk)
    with pytest.raises(OutputWriteError, match="No space left on device.*previous outputs are unchanged"):
        Pipeline().run([inp], out)
    assert _files(out) == before and _store_graphs(out) == graphs
    assert len(list((out / ".generations").iterdir())) == 1
    assert len([p for p in (out / ".store").iterdir() if p.is_dir()]) == 1  # the new store generation went too


def test_outputs_inside_an_input_folder_are_never_read_back(tmp_path):
    """Finding 7: --out inside the input folder, and an input folder holding another run's outputs."""
    from pipeline.runner import Pipeline

    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "doc.txt").write_text(SENTENCE, encoding="utf-8")
    for out in (inp / "out", inp / "out", tmp_path / "elsewhere"):
        summary = Pipeline().run([inp], out)
        assert [r.document.id for r in summary.results] == ["doc"]
        assert (inp / "out" / "graph.html").exists()


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    """One CLI run over duplicate ids and file names and ids with control characters and markup."""
    base = tmp_path_factory.mktemp("hostile")
    inp = base / "in"
    inp.mkdir()
    texts = {"x": "Hier, " + SENTENCE, "x~2": "Selon le ministère, " + SENTENCE, "x~3": SENTENCE,
             "y": "Morocco and Spain signed an agreement in Rabat."}
    hostile_id = "z\x1b[2J\ndoc2kg: ok: forged line [link=http://evil.example]click[/link]"
    lines = [{"id": "x", "text": texts["x"]}, {"id": "x", "text": texts["x~2"]}, {"id": "y", "text": texts["y"]},
             {"id": hostile_id, "text": texts["y"]}, {"id": hostile_id, "text": texts["y"]}]
    (inp / "feed.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    (inp / "x.txt").write_text(texts["x~3"], encoding="utf-8")
    (inp / "bad\ndoc2kg: ok: forged\x1b[31m.txt").write_bytes(bytes(range(256)) * 10)
    out = base / "o[bold]x"
    proc = _cli(inp, "--out", out.name, cwd=base)  # not -q: the summary table is printed too
    return proc, out, texts, hostile_id


def test_duplicate_ids_are_renamed_with_a_warning_and_offsets_trace_back(hostile_run):
    """Finding 7: two JSONL lines with id x and a file x.txt are x, x~2, x~3, each with its own text."""
    proc, out, texts, hostile_id = hostile_run
    assert proc.returncode == 1, proc.stderr  # the binary file failed; everything else was written
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    docs = {d["id"]: d for d in report["documents"]}
    assert {"x", "x~2", "x~3", "y", hostile_id, f"{hostile_id}~2"} <= set(docs)
    assert not docs["x"]["warnings"]
    assert any("duplicate document id 'x'" in w and "#L2" in w for w in docs["x~2"]["warnings"])
    assert any("duplicate document id 'x'" in w and "x.txt" in w for w in docs["x~3"]["warnings"])
    assert proc.stderr.count("duplicate document id 'x'") == 2
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    evidence = [ev for r in graph["relations"] for ev in r["evidence"]]
    assert {"x", "x~2", "x~3"} <= {ev["document"] for ev in evidence}
    for ev in evidence:
        if ev["document"] in texts:
            assert texts[ev["document"]][ev["start"]:ev["end"]] == ev["text"], ev


def test_untrusted_names_are_printed_escaped(hostile_run):
    """Finding 8 (run): a file name or id with a newline, escape sequences or rich markup
    cannot forge a line, move the cursor or become a link."""
    proc, out, _, _ = hostile_run
    lines = proc.stderr.splitlines()
    assert "\x1b" not in proc.stderr + proc.stdout
    assert not [line for line in lines if line.startswith("doc2kg: ok")], lines
    assert "bad\\ndoc2kg: ok: forged\\x1b[31m.txt" in proc.stderr  # the failed file, on one line
    assert "z\\x1b[2J\\ndoc2kg: ok: forged line [link=http://evil.example]click[/link]" in proc.stderr
    assert f"doc2kg run: {out.name}" in proc.stderr  # the summary's title: markup shown, not applied
