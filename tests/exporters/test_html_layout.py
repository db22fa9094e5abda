"""grouped_layout: every node placed, groups apart, neighbours near each other."""
from __future__ import annotations

import math
import random

import networkx as nx

from pipeline.exporters.html_layout import MAX_GROUP, grouped_layout


def _distance(pos, a, b):
    return math.dist(pos[a], pos[b])


def test_every_node_gets_a_distinct_position():
    G = nx.MultiDiGraph()
    G.add_edges_from([(0, 1), (1, 2), (2, 0), (3, 4)])
    G.add_node(5)
    pos = grouped_layout(G)
    assert set(pos) == set(G)
    assert len(set(pos.values())) == len(G)


def test_empty_graph():
    assert grouped_layout(nx.MultiDiGraph()) == {}


def test_neighbours_are_closer_than_strangers():
    rng = random.Random(1)
    G = nx.connected_watts_strogatz_graph(2 * MAX_GROUP + 50, 4, 0.05, seed=1)
    pos = grouped_layout(G)
    near = sum(_distance(pos, u, v) for u, v in G.edges()) / G.number_of_edges()
    nodes = list(G)
    pairs = [(rng.choice(nodes), rng.choice(nodes)) for _ in range(2000)]
    far = sum(_distance(pos, u, v) for u, v in pairs) / len(pairs)
    assert near * 4 < far


def test_components_do_not_overlap():
    G = nx.disjoint_union(nx.cycle_graph(30), nx.complete_graph(12))
    pos = grouped_layout(G)
    first = [pos[n] for n in range(30)]
    second = [pos[n] for n in range(30, 42)]
    box = lambda pts: (min(p[0] for p in pts), max(p[0] for p in pts), min(p[1] for p in pts), max(p[1] for p in pts))
    a, b = box(first), box(second)
    assert a[1] < b[0] or b[1] < a[0] or a[3] < b[2] or b[3] < a[2]
