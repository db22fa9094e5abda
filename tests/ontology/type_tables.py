"""Checks the hand-written type declarations against the one table in ``pipeline/model.py``.

``ENTITY_TYPES`` and ``RELATION_SIGNATURES`` are the source of truth; this module lists every
place where ``ontology/doc2kg.ttl``, ``ontology/shapes.ttl`` or the page palette says otherwise:
a type missing or extra, a ``rdfs:domain``/``rdfs:range`` or a shape's head/tail classes that
differ from the signature, a symmetric or literal flag that differs. ``disagreements()`` returns
the problems as sentences (empty: all agree)::

    problems = disagreements(ONTOLOGY / "doc2kg.ttl", ONTOLOGY / "shapes.ttl", PAGE / "palette.json")
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from rdflib import Graph, Namespace
from rdflib.collection import Collection
from rdflib.namespace import OWL, PROV, RDF, RDFS, XSD
from rdflib.term import Node

from pipeline.model import DOMAINS, ENTITY_TYPES, RELATION_SIGNATURES, RelationType

D2K = Namespace("https://doc2kg.org/ontology#")
SH = Namespace("http://www.w3.org/ns/shacl#")
# The page's node type for a literal tail (a date); graph/build.py gives it.
LITERAL_NODE_TYPE = "Date"
_SPARQL_IN = re.compile(r"\?p\s+IN\s*\(([^)]*)\)")


def disagreements(ontology: Path, shapes: Path, palette: Path, *,
                  entity_types: Iterable[str] = ENTITY_TYPES,
                  relations: Mapping[str, RelationType] = RELATION_SIGNATURES,
                  domains: Iterable[str] = DOMAINS) -> list[str]:
    """Every disagreement between the tables and the three files, one sentence each."""
    entity_types, relations = tuple(entity_types), dict(relations)
    onto, shape_graph = Graph().parse(ontology), Graph().parse(shapes)
    return [*_ontology_problems(onto, entity_types, relations),
            *_shape_problems(shape_graph, onto, entity_types, relations, tuple(domains)),
            *_palette_problems(json.loads(palette.read_text(encoding="utf-8")), entity_types, relations)]


def _name(term: Node) -> str:
    return re.split(r"[#/]", str(term))[-1]


def _differ(where: str, what: str, found: Iterable[str], expected: Iterable[str]) -> list[str]:
    found, expected = set(found), set(expected)
    if found == expected:
        return []
    parts = [f"missing {sorted(expected - found)}" if expected - found else "",
             f"extra {sorted(found - expected)}" if found - expected else ""]
    return [f"{where}: {what} differ from model.py ({', '.join(p for p in parts if p)})"]


def _items(g: Graph, node: Node | None) -> list[Node]:
    return list(Collection(g, node)) if node is not None else []


def _union(g: Graph, node: Node | None) -> set[str] | None:
    """The names a ``rdfs:domain``/``rdfs:range`` allows: one term or an ``owl:unionOf`` list."""
    if node is None:
        return None
    members = g.value(node, OWL.unionOf)
    return {_name(m) for m in _items(g, members)} if members is not None else {_name(node)}


def _ontology_problems(g: Graph, entity_types: tuple[str, ...], relations: dict[str, RelationType]) -> list[str]:
    where = "doc2kg.ttl"
    classes = {_name(c) for c in g.subjects(RDF.type, OWL.Class)
               if str(c).startswith(str(D2K)) and (c, RDFS.subClassOf, PROV.Entity) not in g}
    problems = _differ(where, "entity classes (owl:Class, not a prov:Entity)", classes, entity_types)
    dates = {_name(XSD[d]) for r in relations.values() if r.literal for d in r.tails}
    declared = set()
    for prop in set(g.subjects(RDF.type, OWL.ObjectProperty)) | set(g.subjects(RDF.type, OWL.DatatypeProperty)):
        heads, tails = _union(g, g.value(prop, RDFS.domain)), _union(g, g.value(prop, RDFS.range))
        # A property from entities to entities (or to a date) is a relation.
        if heads and tails and heads <= set(entity_types) and (tails <= set(entity_types) or tails <= dates):
            declared.add(_name(prop))
    problems += _differ(where, "relation properties (entity to entity or date)", declared, relations)
    for r in relations.values():
        prop = D2K[r.name]
        kind = OWL.DatatypeProperty if r.literal else OWL.ObjectProperty
        if (prop, RDF.type, kind) not in g:
            problems.append(f"{where}: {r.name} is no {_name(kind)}")
            continue
        if ((prop, RDF.type, OWL.SymmetricProperty) in g) != r.symmetric:
            problems.append(f"{where}: {r.name} owl:SymmetricProperty differs from model.py (symmetric={r.symmetric})")
        problems += _differ(where, f"{r.name} rdfs:domain", _union(g, g.value(prop, RDFS.domain)) or (), r.heads)
        problems += _differ(where, f"{r.name} rdfs:range", _union(g, g.value(prop, RDFS.range)) or (), r.tails)
    return problems


def _allowed(g: Graph, node: Node) -> set[str] | None:
    """The classes or datatypes a shape's own constraint allows (``sh:class``, ``sh:datatype``, an
    ``sh:or`` of them); ``None`` when it has none."""
    for prop in (SH["class"], SH.datatype):
        value = g.value(node, prop)
        if value is not None:
            return {_name(value)}
    alternatives = g.value(node, SH["or"])
    if alternatives is None:
        return None
    found: set[str] = set()
    for alt in _items(g, alternatives):
        found |= _allowed(g, alt) or {"?"}
    return found


def _narrowest(constraints: list[set[str]]) -> set[str] | None:
    return set.intersection(*constraints) if constraints else None


def _shape_problems(g: Graph, onto: Graph, entity_types: tuple[str, ...], relations: dict[str, RelationType],
                    domains: tuple[str, ...]) -> list[str]:
    where = "shapes.ttl"
    problems: list[str] = []
    entity_iris = {D2K[t] for t in entity_types}
    for shape in sorted(set(g.subjects(SH.targetClass, None))):
        targets = set(g.objects(shape, SH.targetClass))
        if targets & entity_iris or targets - {D2K.Statement, D2K.Evidence, D2K.Document}:
            problems += _differ(where, f"{_name(shape)} target classes", map(_name, targets), entity_types)
        xone = g.value(shape, SH.xone)
        if xone is not None:
            problems += _differ(where, f"{_name(shape)} sh:xone classes",
                                (c for alt in _items(g, xone) for c in _allowed(g, alt) or ()), entity_types)

    targeted = {p for p in g.objects(None, SH.targetSubjectsOf)} | {p for p in g.objects(None, SH.targetObjectsOf)}
    problems += _differ(where, "relation types targeted by shapes", map(_name, targeted), relations)
    for path in sorted(set(g.objects(None, SH.path))):
        if str(path).startswith(str(D2K)) and (path, RDF.type, None) not in onto:
            problems.append(f"{where}: sh:path {_name(path)} is not declared in doc2kg.ttl")

    for r in relations.values():
        prop = D2K[r.name]
        subject_shapes = list(g.subjects(SH.targetSubjectsOf, prop))
        heads = _narrowest([c for s in subject_shapes if (c := _allowed(g, s)) is not None])
        tails = _narrowest([c for s in g.subjects(SH.targetObjectsOf, prop) if (c := _allowed(g, s)) is not None]
                           + [c for s in subject_shapes for p in g.objects(s, SH.property)
                              if g.value(p, SH.path) == prop and (c := _allowed(g, p)) is not None])
        if heads is None:
            problems.append(f"{where}: no shape constrains the head of {r.name}")
        else:
            problems += _differ(where, f"{r.name} head classes", heads, r.heads)
        if tails is None:
            problems.append(f"{where}: no shape constrains the tail of {r.name}")
        else:
            problems += _differ(where, f"{r.name} tail classes", tails, r.tails)

    # Every relation triple needs its statement node: the SPARQL check and rdf:predicate's list.
    for select in g.objects(None, SH.select):
        for listed in _SPARQL_IN.findall(str(select)):
            problems += _differ(where, "relation types of the statement SPARQL check",
                                (t.split(":", 1)[1] for t in re.findall(r"d2k:\w+", listed)), relations)
    for prop_shape in g.subjects(SH.path, RDF.predicate):
        problems += _differ(where, "rdf:predicate sh:in of the statement shape",
                            map(_name, _items(g, g.value(prop_shape, SH["in"]))), relations)
    for prop_shape in g.subjects(SH.path, D2K.domain):
        problems += _differ(where, "d2k:domain sh:in of the statement shape",
                            map(_name, _items(g, g.value(prop_shape, SH["in"]))), domains)
    return problems


def _palette_problems(palette: dict, entity_types: tuple[str, ...], relations: dict[str, RelationType]) -> list[str]:
    where = "palette.json"
    literal_nodes = {LITERAL_NODE_TYPE} if any(r.literal for r in relations.values()) else set()
    return (_differ(where, "node types", palette.get("types", {}), {*entity_types, *literal_nodes})
            + _differ(where, "relation colours", palette.get("relations", {}), relations))

