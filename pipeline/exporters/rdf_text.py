"""Turtle, TriG and N-Quads text from plain triples, byte for byte as rdflib's serializers write them.

rdflib stays the RDF model: the terms are rdflib ``URIRef`` / ``Literal``, prefixed names come
from rdflib's own ``TurtleSerializer.get_pname`` and literals from its ``_literal_n3`` /
``_quoteLiteral``, and the layout (subject order, ``a`` first, sorted predicates and objects,
indentation) is that of ``TurtleSerializer`` / ``TrigSerializer``. What is skipped is the
in-memory store those serializers read from (building it and looking triples up in it cost
most of the time) and the per-term work, which is memoized here: the export's terms repeat
(a country's label is in every document that names it).

Only the subset of RDF the exporter writes is reproduced: IRIs and literals, no blank nodes,
no RDF lists, no ``rdfs:Class`` subjects, no predicate outside a bound namespace. Anything
else raises :class:`Unsupported`, and the caller serializes that part with rdflib itself
(:mod:`pipeline.exporters.rdf` does), so the bytes are the same either way.

Usage::

    names = Names(graph_with_bindings)
    text = turtle_document(triples, names)                  # == Graph.serialize(format="turtle")
    text = trig_document(graph_iri, triples, names)         # == one-graph Dataset.serialize(format="trig")
    lines = nquad_lines({graph_iri: triples})               # sorted, distinct N-Quads lines
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.plugins.serializers.nt import _quoteLiteral
from rdflib.plugins.serializers.turtle import TurtleSerializer

Triple = tuple  # (subject, predicate, object) of rdflib terms

INDENT = "    "
# Characters str.splitlines() breaks on that N-Triples escaping leaves in a literal: the
# canonical N-Quads file is made of splitlines() pieces, so such a literal takes rdflib's path.
LINE_BREAKS = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


class Unsupported(ValueError):
    """The triples use RDF this writer does not reproduce; serialize them with rdflib."""


class Names:
    """Prefixed names and term texts as rdflib's Turtle serializer writes them, memoized.

    ``graph`` carries the namespace bindings (a ``Graph`` or ``Dataset`` bound as the
    exporter binds it); its store is never read.
    """

    def __init__(self, graph: Graph) -> None:
        self._serializer = TurtleSerializer(graph)
        self._pnames: dict[tuple[URIRef, bool], str | None] = {}
        self._labels: dict = {}
        self._verbs: dict = {}

    def pname(self, uri, verb: bool = False) -> str | None:
        """``TurtleSerializer.get_pname(uri, gen_prefix=verb)``."""
        key = (uri, verb)
        try:
            return self._pnames[key]
        except KeyError:
            pass
        if not isinstance(uri, URIRef):
            return None
        if verb:  # rdflib would bind a generated prefix (ns1, ...): not reproduced
            try:
                self._serializer.store.compute_qname(uri, generate=False)
            except Exception:
                raise Unsupported(f"predicate outside the bound namespaces: {uri}") from None
        name = self._serializer.get_pname(uri, gen_prefix=verb)
        if name is not None and (name.startswith("_") or name.split(":", 1)[0] in self._serializer._ns_rewrite):
            raise Unsupported(f"rewritten prefix for {uri}")
        self._pnames[key] = name
        return name

    def namespace(self, pname: str) -> tuple[str, str]:
        prefix = pname.split(":", 1)[0]
        return prefix, str(self._serializer.namespaces[prefix])

    def label(self, node) -> str:
        """A subject or object as Turtle writes it."""
        try:
            return self._labels[node]
        except KeyError:
            pass
        if isinstance(node, Literal):
            text = node._literal_n3(use_plain=True, qname_callback=lambda dt: self.pname(dt, False))
        elif isinstance(node, URIRef):
            if node == RDF.nil:
                raise Unsupported("RDF list")
            text = self.pname(node, False) or node.n3()
        else:
            raise Unsupported(f"term {node!r}")
        self._labels[node] = text
        return text

    def verb(self, node) -> str:
        try:
            return self._verbs[node]
        except KeyError:
            pass
        if node == RDF.type:
            text = "a"
        elif isinstance(node, URIRef) and node != RDF.nil:
            text = self.pname(node, True) or node.n3()
        else:
            raise Unsupported(f"predicate {node!r}")
        self._verbs[node] = text
        return text

    def prefixes(self, triples: Iterable[Triple], extra: Iterable = ()) -> set[tuple[str, str]]:
        """The ``(prefix, namespace)`` pairs rdflib's preprocessing registers for ``triples``."""
        used: set[str] = set()
        for node in extra:
            used.add(self.pname(node, False))
        for s, p, o in triples:
            used.add(self.pname(s, False))
            if p != RDF.type:
                used.add(self.pname(p, True))
            if isinstance(o, Literal):
                if o.datatype is not None:
                    used.add(self.pname(o.datatype, False))
            else:
                used.add(self.pname(o, False))
        return {self.namespace(name) for name in used if name is not None}


def _statements(triples: Iterable[Triple], names: Names, depth: int) -> list[str]:
    """The subject blocks of ``TurtleSerializer`` at ``depth``, in its order."""
    references: Counter = Counter()
    properties: dict = defaultdict(lambda: defaultdict(list))
    for s, p, o in triples:
        if isinstance(s, BNode) or isinstance(o, BNode) or isinstance(p, BNode):
            raise Unsupported("blank node")
        if p == RDF.type and o == RDFS.Class:
            raise Unsupported("rdfs:Class subject")
        references[o] += 1
        properties[s][p].append(o)
    # orderSubjects: (is blank node, times used as an object, subject)
    subjects = sorted(properties, key=lambda s: (references[s], str(s)))
    pad, pad1, pad2 = INDENT * depth, INDENT * (depth + 1), INDENT * (depth + 2)
    out: list[str] = []
    for s in subjects:
        props = properties[s]
        order = [p for p in (RDF.type, RDFS.label) if p in props]
        order += sorted((p for p in props if p not in (RDF.type, RDFS.label)), key=str)
        parts = ["\n", pad, names.label(s)]
        for i, p in enumerate(order):
            parts.append(" " + names.verb(p) if i == 0 else " ;\n" + pad1 + names.verb(p))
            objects = props[p]
            objects.sort()
            parts.append(" " + names.label(objects[0]))
            for o in objects[1:]:
                parts.append(",\n" + pad2 + names.label(o))
        parts.append(" .\n")
        out.append("".join(parts))
    return out


def _prefix_lines(pairs: set[tuple[str, str]]) -> str:
    return "".join(f"@prefix {prefix}: <{uri}> .\n" for prefix, uri in sorted(pairs))


def turtle_document(triples: Iterable[Triple], names: Names) -> str:
    """``Graph.serialize(format="turtle")`` of a graph holding ``triples`` (distinct)."""
    triples = list(triples)
    body = _statements(triples, names, 0)
    return _prefix_lines(names.prefixes(triples)) + "".join(body) + "\n"


def trig_document(graph: URIRef, triples: Iterable[Triple], names: Names) -> str:
    """``Dataset.serialize(format="trig")`` of a dataset whose only graph is ``graph`` holding ``triples``."""
    if not isinstance(graph, URIRef):
        raise Unsupported("default or blank-node graph")
    triples = list(triples)
    body = _statements(triples, names, 1)
    head = "\n%s {" % (names.pname(graph, False) or graph.n3())
    return _prefix_lines(names.prefixes(triples, [graph])) + head + "".join(body) + "}\n" + "\n"


def nquad_lines(graphs: Mapping[URIRef | None, Iterable[Triple]]) -> list[str]:
    """Distinct N-Quads lines (rdflib's ``nquads`` rows without their newline), sorted.

    ``None`` is the default graph (written, as rdflib does, with an empty graph field).
    Lines are grouped by subject and each group sorted: a line starts with ``<subject> ``,
    which no other subject's text starts with, so the groups in the order of that text are
    the lines in sorted order without one sort over all of them.
    """
    text: dict = {}

    def n3(term) -> str:
        try:
            return text[term]
        except KeyError:
            pass
        if isinstance(term, Literal):
            value = _quoteLiteral(term)
            if LINE_BREAKS.search(value):
                raise Unsupported("literal with a line separator")
        else:
            value = term.n3()
        text[term] = value
        return value

    by_subject: dict[str, set[str]] = defaultdict(set)
    for graph, triples in graphs.items():
        suffix = (" " + graph.n3() if graph is not None else " ") + " ."
        for s, p, o in triples:
            head = n3(s) + " "
            by_subject[head].add(head + n3(p) + " " + n3(o) + suffix)
    return [line for head in sorted(by_subject) for line in sorted(by_subject[head])]
