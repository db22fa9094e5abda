"""Browser fixtures for the graph page: Debian's headless Chromium driven by Playwright.

Playwright never downloads a browser here: it runs ``/usr/bin/chromium`` (``make browser``
installs it with ``fonts-noto-core``). A :class:`Visit` opens a page and records console
errors, page errors, dialogs and every request, and aborts any request that would leave
the file.

Usage::

    visit = open_page(chromium, path, ready="window.doc2kg && window.doc2kg.drawn")
    assert visit.errors == [] and visit.outside == []
"""
from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

# The `chromium` fixture (one browser for the session) lives in tests/conftest.py.
from tests.conftest import wait_until


@dataclass
class Visit:
    page: object
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    seconds: float = 0.0


def open_page(browser, path: Path, *, ready: str, timeout_ms: int = 60_000, viewport=(1400, 900)) -> Visit:
    """Open ``path`` and wait (bounded) until the JavaScript expression ``ready`` is true."""
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    page = context.new_page()
    visit = Visit(page)
    page.on("console", lambda m: visit.errors.append(f"console.{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: visit.errors.append(f"pageerror: {e}"))
    page.on("request", lambda r: visit.requests.append(r.url))

    def on_dialog(dialog):
        visit.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    target = Path(path).resolve().as_uri()

    def guard(route):
        if route.request.url == target:
            route.continue_()
        else:
            visit.outside.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    started = time.perf_counter()
    page.goto(target)
    wait_until(page, ready, timeout_ms)
    visit.seconds = round(time.perf_counter() - started, 2)
    return visit


def synthetic_graph(n_nodes: int, n_edges: int, *, seed: int = 0) -> nx.MultiDiGraph:
    """A graph shaped like the pipeline's: typed entities with Arabic and Latin labels,
    typed relations with evidence, a few documents; hubs get more edges."""
    rng = random.Random(seed)
    types = ["Person", "Organization", "GovernmentAgency", "Country", "City", "Event"]
    relations = [("cooperatesWith", True), ("leads", False), ("memberOf", False), ("locatedIn", False),
                 ("providesTrainingTo", False), ("involvedIn", False)]
    arabic = ["المغرب", "فرنسا", "الرباط", "مديرية", "الأمن", "الوطني", "حموشي", "إسبانيا", "تعاون", "مكافحة"]
    latin = ["Rabat", "Paris", "Directorate", "Security", "Police", "Council", "Agency", "Madrid", "Bureau", "Union"]
    G = nx.MultiDiGraph()
    G.graph["documents"] = {f"doc{i}": {"source": f"doc{i}.txt", "lang": "ar" if i % 2 else "fr",
                                        "title": f"Article {i}"} for i in range(20)}
    for i in range(n_nodes):
        words = arabic if i % 2 else latin
        label = f"{rng.choice(words)} {rng.choice(words)} {i}"
        G.add_node(f"n{i}", kind="entity", type=rng.choice(types), label=label, aliases=[label],
                   documents=[f"doc{i % 20}"], labels={"ar" if i % 2 else "fr": label},
                   alias_langs={"ar" if i % 2 else "fr": [label]}, mentions=1)
    added = 0
    while added < n_edges:
        h = f"n{int(n_nodes * rng.random() ** 2)}"
        t = f"n{rng.randrange(n_nodes)}"
        rel, symmetric = rng.choice(relations)
        if h == t or G.has_edge(h, t, key=rel):
            continue
        doc = f"doc{rng.randrange(20)}"
        G.add_edge(h, t, key=rel, type=rel, symmetric=symmetric, domains=["security"], confidence=0.8,
                   extractor="synthetic", evidence=[{"document": doc, "start": 0, "end": 10, "text": "نص الدليل"}],
                   documents=[doc], negated=False, hedged=False)
        added += 1
    return G
