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

    names = Names(make_bound_graph)      # a function returning a Graph bound like the exporter's
    text = turtle_document(triples, names)                  # == Graph.serialize(format="turtle")
    text = trig_document(graph_iri, triples, names)         # == one-graph Dataset.serialize(format="trig")
    lines = nquad_lines({graph_iri: triples})               # sorted, distinct N-Quads lines
"""
from __future__ import annotations

import heapq
import itertools
import re
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping

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


# Plain attributes: a DefinedNamespace's attribute lookup is slow in a hot loop.
RDF_TYPE, RDF_NIL, RDFS_LABEL, RDFS_CLASS = RDF.type, RDF.nil, RDFS.label, RDFS.Class
# rdflib's namespace trie grows with every namespace it has split an IRI into (one per
# document for the evidence fragments) and each insertion scans it: the bindings are
# renewed after this many IRIs so the cost per IRI stays flat.
IRIS_PER_BINDINGS = 256


class Names:
    """Prefixed names and term texts as rdflib's Turtle serializer writes them, memoized.

    ``bindings()`` returns a new graph bound as the exporter binds its graphs (a ``Graph``
    or ``Dataset``); its store is never read.
    """

    def __init__(self, bindings: Callable[[], Graph]) -> None:
        self._bindings = bindings
        self._serializer = TurtleSerializer(bindings())
        self._fresh = 0
        self._pnames: dict[tuple[URIRef, bool], str | None] = {}
        self._labels: dict = {}
        self._verbs: dict = {}
        self._namespaces: dict[str, str] = {}

    def pname(self, uri, verb: bool = False) -> str | None:
        """``TurtleSerializer.get_pname(uri, gen_prefix=verb)``."""
        key = (uri, verb)
        try:
            return self._pnames[key]
        except KeyError:
            pass
        if not isinstance(uri, URIRef):
            return None
        self._fresh += 1
        if self._fresh > IRIS_PER_BINDINGS:
            self._serializer, self._fresh = TurtleSerializer(self._bindings()), 1
        serializer = self._serializer
        if verb:  # rdflib would bind a generated prefix (ns1, ...): not reproduced
            try:
                serializer.store.compute_qname(uri, generate=False)
            except Exception:
                raise Unsupported(f"predicate outside the bound namespaces: {uri}") from None
        name = serializer.get_pname(uri, gen_prefix=verb)
        if name is not None:
            prefix = name.split(":", 1)[0]
            if prefix.startswith("_") or serializer._ns_rewrite:
                raise Unsupported(f"rewritten prefix for {uri}")
            namespace = str(serializer.namespaces[prefix])
            if self._namespaces.setdefault(prefix, namespace) != namespace:
                raise Unsupported(f"prefix {prefix} bound twice")
        self._pnames[key] = name
        return name

    def prefix_of(self, uri, verb: bool = False) -> str | None:
        name = self.pname(uri, verb)
        return None if name is None else name.split(":", 1)[0]

    def label(self, node) -> str:
        """A subject or object as Turtle writes it."""
        try:
            return self._labels[node]
        except KeyError:
            pass
        if isinstance(node, Literal):
            text = node._literal_n3(use_plain=True, qname_callback=lambda dt: self.pname(dt, False))
        elif isinstance(node, URIRef):
            if node == RDF_NIL:
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
        if node == RDF_TYPE:
            text = "a"
        elif isinstance(node, URIRef) and node != RDF_NIL:
            text = self.pname(node, True) or node.n3()
        else:
            raise Unsupported(f"predicate {node!r}")
        self._verbs[node] = text
        return text

    def prefix_lines(self, subjects: Iterable, predicates: Iterable, objects: Iterable) -> str:
        """The ``@prefix`` lines rdflib writes for triples with these terms: the namespaces its
        preprocessing registers (subjects, objects and datatypes without generating a prefix,
        predicates other than ``rdf:type`` generating one)."""
        used = {self.prefix_of(s) for s in subjects}
        used.update(self.prefix_of(p, True) for p in predicates if p != RDF_TYPE)
        for o in objects:
            if isinstance(o, Literal):
                if o.datatype is not None:
                    used.add(self.prefix_of(o.datatype))
            else:
                used.add(self.prefix_of(o))
        used.discard(None)
        return "".join(f"@prefix {prefix}: <{self._namespaces[prefix]}> .\n" for prefix in sorted(used))


def sort_objects(objects: list) -> None:
    """``objects.sort()`` (rdflib's term order), in place. Two common cases by a plain key, the
    same order without rdflib's Python-level comparisons: all IRIs (rdflib compares two
    ``URIRef`` by their text) and all language-tagged strings (by language tag, then text, as
    ``Literal.__gt__`` orders two literals of the same datatype ``xsd:string``)."""
    kinds = {type(o) for o in objects}
    if kinds == {URIRef}:
        objects.sort(key=str)
    elif kinds == {Literal} and all(o.datatype is None and o.language for o in objects):
        objects.sort(key=_tagged_key)
    else:
        objects.sort()


def _tagged_key(o: Literal) -> tuple[str, str]:
    return o.language, str(o)


def _statements(triples: Iterable[Triple], names: Names, depth: int, extra: Iterable = ()) -> tuple[str, str]:
    """The ``@prefix`` lines and the subject blocks of ``TurtleSerializer`` at ``depth``, in its order."""
    references: Counter = Counter()
    by_subject: dict = defaultdict(list)  # subject -> [(predicate, object)]
    for s, p, o in triples:
        references[o] += 1
        by_subject[s].append((p, o))
    predicates = {p for pairs in by_subject.values() for p, _ in pairs}
    if (any(isinstance(t, BNode) for t in itertools.chain(by_subject, predicates, references))
            or RDFS_CLASS in references):
        raise Unsupported("blank node or rdfs:Class")
    # orderSubjects: (is blank node, times used as an object, subject)
    subjects = sorted(by_subject, key=lambda s: (references[s], str(s)))
    pad, pad1, pad2 = INDENT * depth, INDENT * (depth + 1), INDENT * (depth + 2)
    blocks: list[str] = []
    label, verb = names.label, names.verb
    for s in subjects:
        props: dict = defaultdict(list)
        for p, o in by_subject.pop(s):
            props[p].append(o)
        order = sorted(props, key=str)
        if RDFS_LABEL in props:
            order.remove(RDFS_LABEL)
            order.insert(0, RDFS_LABEL)
        if RDF_TYPE in props:
            order.remove(RDF_TYPE)
            order.insert(0, RDF_TYPE)
        parts = ["\n", pad, label(s)]
        for i, p in enumerate(order):
            parts.append(" " + verb(p) if i == 0 else " ;\n" + pad1 + verb(p))
            objects = props[p]
            if len(objects) > 1:
                sort_objects(objects)
            parts.append(" " + label(objects[0]))
            for o in objects[1:]:
                parts.append(",\n" + pad2 + label(o))
        parts.append(" .\n")
        blocks.append("".join(parts))
    return names.prefix_lines(itertools.chain(subjects, extra), predicates, references), "".join(blocks)


def turtle_document(triples: Iterable[Triple], names: Names) -> str:
    """``Graph.serialize(format="turtle")`` of a graph holding ``triples`` (distinct)."""
    prefixes, body = _statements(triples, names, 0)
    return prefixes + body + "\n"


def trig_document(graph: URIRef, triples: Iterable[Triple], names: Names) -> str:
    """``Dataset.serialize(format="trig")`` of a dataset whose only graph is ``graph`` holding ``triples``."""
    if not isinstance(graph, URIRef):
        raise Unsupported("default or blank-node graph")
    prefixes, body = _statements(triples, names, 1, [graph])
    head = "\n%s {" % (names.pname(graph, False) or graph.n3())
    return prefixes + head + body + "}\n" + "\n"


class NTerms(dict):
    """term -> its N-Quads text (rdflib's ``_nq_row`` forms), filled on first use.

    With ``lines=True`` a literal that ``str.splitlines()`` would break is :class:`Unsupported`."""

    def __init__(self, lines: bool = True) -> None:
        super().__init__()
        self.lines = lines

    def __missing__(self, term) -> str:
        if isinstance(term, Literal):
            value = _quoteLiteral(term)
            if self.lines and LINE_BREAKS.search(value):
                raise Unsupported("literal with a line separator")
        elif isinstance(term, URIRef):
            value = term.n3()
        else:
            raise Unsupported(f"term {term!r}")
        self[term] = value
        return value


def graph_lines(graphs: Mapping[URIRef | None, Iterable[Triple]], text: NTerms) -> Iterator[str]:
    """N-Quads rows (without newline) of ``graphs``, in their order."""
    for graph, triples in graphs.items():
        # rdflib's _nq_row: "s p o g .", the default graph with an empty g field.
        suffix = (" " + graph.n3() if graph is not None else " ") + " ."
        for s, p, o in triples:
            yield text[s] + " " + text[p] + " " + text[o] + suffix


def nquad_lines(graphs: Mapping[URIRef | None, Iterable[Triple]], chunk: int = 500_000,
                workdir: str | None = None) -> Iterator[str]:
    """Distinct N-Quads lines (rdflib's ``nquads`` rows without their newline) in sorted order.

    ``None`` is the default graph. At most ``chunk`` lines are held at a time: beyond that,
    sorted runs go to temporary files (in ``workdir``) and are merged, so memory stays flat
    however many documents the dataset has.
    """
    lines = graph_lines(graphs, NTerms())
    runs: list = []
    try:
        while True:
            batch = sorted(set(itertools.islice(lines, chunk)))
            if not runs and len(batch) < chunk:  # everything fitted in one run
                yield from batch
                return
            if not batch:
                break
            run = tempfile.TemporaryFile("w+", encoding="utf-8", errors="surrogatepass", newline="\n", dir=workdir)
            run.writelines(line + "\n" for line in batch)
            run.seek(0)
            runs.append(run)
            del batch
        previous = None
        for line in heapq.merge(*((line[:-1] for line in run) for run in runs)):
            if line != previous:
                yield line
                previous = line
    finally:
        for run in runs:
            run.close()
