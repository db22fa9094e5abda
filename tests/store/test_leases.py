"""Leases on store generations: a generation held by another process is not pruned; a free one is."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from pipeline.store.leases import LEASE, hold, try_prune
from tests.conftest import ROOT


def generation(tmp_path, name="20260101T000000-abcd1234"):
    gen = tmp_path / ".store" / name
    gen.mkdir(parents=True)
    (gen / "CURRENT").write_text("data\n")
    return gen


def holder(gen):
    """Another process that holds the lease until its stdin closes; returns once it holds it."""
    code = textwrap.dedent(f"""
        import sys
        from pipeline.store.leases import hold
        with hold({str(gen)!r}):
            print("held", flush=True)
            sys.stdin.read()
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_free_generation_is_pruned(tmp_path):
    gen = generation(tmp_path)
    assert try_prune(gen) is True
    assert not gen.exists()


def test_generation_held_by_another_process_is_kept_until_released(tmp_path):
    gen = generation(tmp_path)
    proc = holder(gen)
    try:
        assert try_prune(gen) is False
        assert (gen / "CURRENT").read_text() == "data\n"
    finally:
        proc.stdin.close()
        proc.wait(timeout=20)
    assert try_prune(gen) is True and not gen.exists()


def test_lease_goes_with_a_killed_holder(tmp_path):
    gen = generation(tmp_path)
    proc = holder(gen)
    proc.kill()
    proc.wait(timeout=20)
    assert try_prune(gen) is True


def test_lease_in_this_process_blocks_pruning(tmp_path):
    gen = generation(tmp_path)
    with hold(gen) as held, hold(gen):
        assert held == gen and (gen / LEASE).exists()
        assert try_prune(gen) is False
    assert try_prune(gen) is True


def test_hold_on_a_pruned_generation_fails(tmp_path):
    gen = generation(tmp_path)
    assert try_prune(gen)
    with pytest.raises(FileNotFoundError):
        with hold(gen):
            pass


def test_missing_generation_is_not_pruned(tmp_path):
    assert try_prune(tmp_path / "absent") is False
