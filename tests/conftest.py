"""Shared fixtures: paths to the repository, the seed article and the shared eval set."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_6b72f15d28a0d0d5.txt"
SHARED_EVAL = ROOT.parent / "shared" / "eval" / "dev.jsonl"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_run(tmp_path_factory):
    """One run of the whole pipeline on seeds/ (shared by the tests that read its outputs)."""
    from pipeline.runner import Pipeline

    out = tmp_path_factory.mktemp("seed-out")
    summary = Pipeline().run([ROOT / "seeds"], out)
    return summary


# Debian's headless Chromium, driven by Playwright (which never downloads a browser here).
# One session-wide browser: Playwright's sync API cannot be started twice in one process.
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def chromium():
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is not installed (run `make browser`)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


def wait_until(page, expression: str, timeout_ms: int = 60_000, every_s: float = 0.1) -> None:
    """Poll a JavaScript expression from Python until it is true (bounded).

    Playwright's ``wait_for_function`` polls inside the page with ``eval``, which our pages'
    Content-Security-Policy forbids; ``page.evaluate`` goes through the DevTools protocol."""
    import time

    deadline = time.monotonic() + timeout_ms / 1000
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise TimeoutError(f"not true after {timeout_ms} ms: {expression}")
        time.sleep(every_s)


def assert_one_generation(out: Path) -> Path:
    """Every output name of ``out`` reads the current generation, its store included; returns it."""
    import json

    current = (out / "current").resolve()
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    for name in [*report["files"], "report.json"]:
        assert (out / name).resolve().parent == current, name
    if (out / "store.json").exists():
        summary = json.loads((out / "store.json").read_text(encoding="utf-8"))
        assert (out / "store").resolve() == (current / "store").resolve()
        assert (out / "store").resolve().name == summary["generation"]
    return current


def wait_for_server(proc, port: int, seconds: float = 60) -> str:
    """Wait until the ``doc2kg serve`` process ``proc`` accepts connections on ``port``; its
    base URL. Fails with the server's stderr when it exits first."""
    import socket
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read().decode()
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            time.sleep(0.1)
    return f"http://127.0.0.1:{port}"
