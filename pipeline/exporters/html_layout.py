"""Node positions for large graphs, computed in Python so the browser can skip physics.

A force layout of the whole graph is quadratic per iteration (networkx ``spring_layout``
takes ~27 s at 5,000 nodes; Louvain communities alone take several seconds).
``grouped_layout`` instead splits the graph into connected components, cuts the big ones
into breadth-first chunks of neighbours, runs a dense Fruchterman-Reingold layout inside
each group (small, vectorized with numpy) and packs the groups in rows, largest first.
Cost is the sum of the squared group sizes, not the square of the graph size.

Usage::

    pos = grouped_layout(G)       # {node: (x, y)} in pixels, for vis-network
    pos["country/MA"]             # (412.0, -88.5)
"""
from __future__ import annotations

import math
from collections.abc import Hashable

import networkx as nx
import numpy as np

# Groups above this size are cut (the dense layout costs size**2 per iteration).
MAX_GROUP = 250


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
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        d2 = np.maximum(np.einsum("ijk,ijk->ij", delta, delta), 1e-4)
        force = (k * k) / d2 - A * np.sqrt(d2) / k
        disp = np.einsum("ijk,ij->ik", delta, force)
        length = np.maximum(np.hypot(disp[:, 0], disp[:, 1]), 0.01)
        pos += disp * (t / length)[:, None]
        t -= cool
    pos -= pos.mean(axis=0)
    radius = np.hypot(pos[:, 0], pos[:, 1]).max()
    return pos / radius if radius > 0 else pos


def _groups(U: nx.Graph) -> list[list[Hashable]]:
    """Connected components; any larger than ``MAX_GROUP`` cut into breadth-first chunks
    grown from its best-connected nodes, so neighbours stay together."""
    out: list[list[Hashable]] = []
    for component in nx.connected_components(U):
        if len(component) <= MAX_GROUP:
            out.append(sorted(component, key=str))
            continue
        free = set(component)
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
            out.append(group + queue)
    return sorted(out, key=lambda g: (-len(g), str(g[0])))


def grouped_layout(G: nx.Graph, *, spacing: float = 70.0, seed: int = 0) -> dict[Hashable, tuple[float, float]]:
    """Positions in pixels: groups laid out by force, packed in rows, largest first."""
    U = nx.Graph(G.to_undirected(as_view=True))
    U.remove_edges_from(nx.selfloop_edges(U))
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
