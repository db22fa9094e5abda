"""The output folder: checks before any work, the run lock, and the switch of a generation."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time

import pytest

from pipeline.runtime.output_folder import (LOCK, OutputBusy, OutputFolderError, RunLock, check_folder, current,
                                            is_output_folder, new_generation, prune, publish)
from tests.conftest import ROOT

HOLD = """
import sys
from pathlib import Path
from pipeline.runtime.output_folder import RunLock
with RunLock(Path(sys.argv[1])):
    print("locked", flush=True)
    sys.stdin.read()
"""


def test_out_naming_a_file_is_refused(tmp_path):
    (tmp_path / "f").write_text("x")
    with pytest.raises(OutputFolderError, match="is not a folder"):
        check_folder(tmp_path / "f")
    with pytest.raises(OutputFolderError, match="cannot write"):  # a parent that is a file
        check_folder(tmp_path / "f" / "out")


def test_second_lock_names_the_holder_and_wait_gets_it_after(tmp_path):
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(tmp_path)], cwd=ROOT, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(OutputBusy, match=f"pid {holder.pid}") as busy:
            with RunLock(tmp_path):
                pass
        assert busy.value.holder["pid"] == holder.pid and busy.value.holder["started"] <= time.time()
        waited = []
        started = time.monotonic()
        threading.Timer(1.0, holder.stdin.close).start()  # the holder finishes in a second
        with RunLock(tmp_path, wait=True, on_wait=waited.append):
            held = json.loads((tmp_path / LOCK).read_text())
        assert [w["pid"] for w in waited] == [holder.pid]
        assert held["pid"] == os.getpid() and time.monotonic() - started >= 1
    finally:
        holder.kill()
        holder.wait()
    assert (tmp_path / LOCK).exists()  # the lock file is never deleted (that would let two runs in)


def test_lock_of_a_killed_run_is_free(tmp_path):
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(tmp_path)], cwd=ROOT, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    holder.kill()
    holder.wait()
    with RunLock(tmp_path):
        pass


def _generation(out, files):
    gen = new_generation(out)
    for name, text in files.items():
        (gen / name).write_text(text)
    return gen


def test_publish_switches_every_name_at_once_and_prune_keeps_only_the_current(tmp_path):
    (tmp_path / "graph.json").write_text("older layout")  # a plain file of an older version
    first = _generation(tmp_path, {"graph.json": "1", "graph.html": "1", "report.json": "1"})
    publish(tmp_path, first)
    assert (tmp_path / "graph.json").read_text() == "1" and (tmp_path / "graph.json").is_symlink()
    links = {p.name: os.readlink(p) for p in tmp_path.iterdir() if p.is_symlink()}
    second = _generation(tmp_path, {"graph.json": "2", "report.json": "2"})
    leftover = _generation(tmp_path, {"graph.json": "half"})  # a killed run's
    publish(tmp_path, second)
    # Only `current` changed; the per-name links are the same links; graph.html is gone with its generation.
    assert {p.name: os.readlink(p) for p in tmp_path.iterdir() if p.is_symlink() and p.name != "current"} == \
        {k: v for k, v in links.items() if k not in ("current", "graph.html")}
    assert not os.path.lexists(tmp_path / "graph.html")
    assert [(tmp_path / n).read_text() for n in ("graph.json", "report.json")] == ["2", "2"]
    assert prune(tmp_path) == 2 and current(tmp_path) == second.resolve()
    assert not first.exists() and not leftover.exists()
    assert is_output_folder(tmp_path) and not is_output_folder(tmp_path / ".generations")
