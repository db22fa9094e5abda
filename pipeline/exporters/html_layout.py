"""Node positions for large graphs, computed in Python so the browser can skip physics.

A force layout of the whole graph is quadratic per iteration (networkx ``spring_layout``
takes ~27 s at 5,000 nodes; Louvain communities alone take several seconds).
``grouped_layout`` instead splits the graph into connected components, cuts the big ones
into breadth-first chunks of neighbours (the last crumbs join their neighbours' chunk), runs a dense Fruchterman-Reingold layout inside
each group (small, vectorized with numpy) and packs the groups in rows, largest first.
Cost is the sum of the squared group sizes, not the square of the graph size.

Usage::

    pos = grouped_layout(G)       # {node: (x, y)} in pixels, for vis-network
    pos["country/MA"]             # (412.0, -88.5)
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable

import networkx as nx
import numpy as np

# Groups above this size are cut (the dense layout costs size**2 per iteration).
MAX_GROUP = 200
# Chunks smaller than this are merged into their neighbours' chunks.
MIN_CHUNK = 20


def _force_layout(A: np.ndarray, rng: np.random.Generator, iterations: int = 40) -> np.ndarray:
    """Fruchterman-Reingold on a dense adjacency matrix; positions in the unit disk."""
    n = A.shape[0]
    angle = np.linspace(0, 2 * math.pi, n, endpoint=False)
    pos = np.column_stack([np.cos(angle), np.sin(angle)]).astype(np.float32)
    if n <= 3:  # a point, a pair or a triangle: the circle is the layout
        return pos if n > 1 else np.zeros((1, 2), dtype=np.float32)
    pos += rng.uniform(-0.05, 0.05, (n, 2)).astype(np.float32)
    A = A.astype(np.float32)
    k = math.sqrt(4.0 / n)
    t = 0.2
    cool = t / (iterations + 1)
    x, y = pos[:, 0].copy(), pos[:, 1].copy()
    for _ in range(iterations):
        dx = x[:, None] - x[None, :]
        dy = y[:, None] - y[None, :]
        d2 = np.maximum(dx * dx + dy * dy, 1e-4)
        force = (k * k) / d2 - A * np.sqrt(d2) * (1 / k)
        fx, fy = (dx * force).sum(axis=1), (dy * force).sum(axis=1)
        step = t / np.maximum(np.hypot(fx, fy), 0.01)
        x += fx * step
        y += fy * step
        t -= cool
    pos = np.column_stack([x, y])
    pos -= pos.mean(axis=0)
    radius = np.hypot(pos[:, 0], pos[:, 1]).max()
    return pos / radius if radius > 0 else pos


def _chunks(U: nx.Graph, component: set) -> list[list[Hashable]]:
    """A big component cut into breadth-first chunks grown from its best-connected nodes;
    the crumbs left at the end (nodes whose neighbours were all taken) then join the chunk
    that holds most of their neighbours, so they are drawn next to them."""
    free = set(component)
    chunks: list[list[Hashable]] = []
    for start in sorted(component, key=lambda n: (-U.degree(n), str(n))):
        if start not in free:
            continue
        group, queue = [], [start]
        free.discard(start)
        while queue and len(group) < MAX_GROUP:
            node = queue.pop(0)
            group.append(node)
            for nb in sorted(U[node], key=str):
                if nb in free and len(group) + len(queue) < MAX_GROUP:
                    free.discard(nb)
                    queue.append(nb)
        chunks.append(group + queue)
    big = [c for c in chunks if len(c) >= MIN_CHUNK]
    if not big:
        return chunks
    home = {node: i for i, c in enumerate(big) for node in c}
    crumbs = []
    for chunk in chunks:
        if len(chunk) >= MIN_CHUNK:
            continue
        for node in chunk:
            votes = Counter(home[nb] for nb in U[node] if nb in home)
            best = next((i for i, _ in votes.most_common() if len(big[i]) < 2 * MAX_GROUP), None)
            if best is None:
                crumbs.append(node)
            else:
                big[best].append(node)
    return big + ([crumbs] if crumbs else [])


def _groups(U: nx.Graph) -> list[list[Hashable]]:
    """Connected components, any larger than ``MAX_GROUP`` cut in chunks of neighbours."""
    out: list[list[Hashable]] = []
    for component in nx.connected_components(U):
        if len(component) <= MAX_GROUP:
            out.append(sorted(component, key=str))
        else:
            out.extend(_chunks(U, component))
    return sorted(out, key=lambda g: (-len(g), str(g[0])))


def simple_undirected(G: nx.Graph) -> nx.Graph:
    """The same nodes, one undirected edge per linked pair, no self-loops."""
    U = nx.Graph()
    U.add_nodes_from(G)
    U.add_edges_from((u, v) for u, v in G.edges() if u != v)
    return U


def grouped_layout(G: nx.Graph, *, spacing: float = 70.0, seed: int = 0) -> dict[Hashable, tuple[float, float]]:
    """Positions in pixels: groups laid out by force, packed in rows, largest first."""
    U = simple_undirected(G)
    if U.number_of_nodes() == 0:
        return {}
    rng = np.random.default_rng(seed)
    groups = _groups(U)
    radii = [spacing * (0.3 + 0.6 * math.sqrt(len(g))) for g in groups]
    row_width = 2.2 * math.sqrt(sum(r * r for r in radii)) * 1.6
    pos: dict[Hashable, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for group, r in zip(groups, radii):
        if x > 0 and x + 2 * r > row_width:
            x, y, row_height = 0.0, y + row_height + spacing, 0.0
        index = {node: i for i, node in enumerate(group)}
        A = np.zeros((len(group), len(group)))
        for u, v in U.subgraph(group).edges():
            A[index[u], index[v]] = A[index[v], index[u]] = 1.0
        local = _force_layout(A, rng)
        cx, cy = x + r, y + r
        for node, (px, py) in zip(group, local):
            pos[node] = (round(cx + float(px) * r, 1), round(cy + float(py) * r, 1))
        x += 2 * r + spacing
        row_height = max(row_height, 2 * r)
    return pos
