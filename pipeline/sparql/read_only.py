"""The read-only guard: a query is run only if a SPARQL 1.1 parser shows it reads our store alone.

The decision is taken on rdflib's parse of the query (:mod:`rdflib.plugins.sparql.parser`)
and its algebra, never on keywords in the text: a ``SERVICE`` pattern anywhere in the tree,
any update (``LOAD``, ``INSERT``, ``CLEAR``...: text that parses as an update, not a query),
and a ``FROM`` / ``FROM NAMED`` or ``default-graph-uri`` / ``named-graph-uri`` naming a graph
that is not one of this store's are refused (:class:`QueryRefused`, 403). A query the parser
cannot parse is refused too (:class:`UnparsableQuery`, 400): fail closed.

Where rdflib and Oxigraph read the same text differently, a guard can be fooled (an earlier
keyword scanner took ``ex:a\\#b`` for a comment; Oxigraph did not). Two such differences
are closed here, and the text checked is the text run (:func:`check_read_only` returns it):

* ``\\u`` escapes: rdflib's ``parseQuery`` expands them in the whole text first, Oxigraph
  only inside strings and IRIs (``"\\u0022"`` is one string for Oxigraph, the start of a
  ``\"\"\"`` long string for rdflib, which then hides what follows). We parse the text as it
  is, so a ``\\u`` escape that Oxigraph would expand is one rdflib does not accept: refused.
* line ends: rdflib's comment runs to ``\\n``, Oxigraph's to ``\\r`` or ``\\n``. ``\\r\\n``
  becomes ``\\n``; a bare ``\\r`` and other control characters are refused.

The endpoint's engine also runs with no network at all where the machine allows it
(:mod:`pipeline.sparql.engine`), so a future difference still reaches nothing.

Usage::

    text = check_read_only("SELECT * { ?s ?p ?o }")                  # the text to run
    check_read_only("SELECT * { SERVICE <http://x/> { ?s ?p ?o } }")  # raises QueryRefused
"""
from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass

from pyparsing import ParseBaseException
from rdflib.plugins.sparql import algebra, parser
from rdflib.plugins.sparql.parserutils import CompValue

OUR_GRAPHS = "https://doc2kg.org/graph/"
QUERY_FORMS = {"SelectQuery": "select", "AskQuery": "ask", "ConstructQuery": "graph", "DescribeQuery": "graph"}
# C0 controls but tab and line feed, DEL and C1 controls: no SPARQL token needs them raw.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# rdflib warns for every odd IRI in a parsed query; a client's query is no news for our log.
logging.getLogger("rdflib.term").setLevel(logging.ERROR)
# rdflib's pyparsing grammar keeps state while it parses: one parse at a time (measured: two
# threads parsing at once fail with TypeErrors inside pyparsing).
_PARSING = threading.Lock()


class QueryRefused(ValueError):
    """A query the read-only endpoint will not run; ``status`` is the HTTP status to answer."""

    def __init__(self, message: str, status: int = 403) -> None:
        super().__init__(message)
        self.status = status


class UnparsableQuery(QueryRefused):
    """A query the guard's parser cannot parse (400); ``line`` and ``column`` are 1-based or None."""

    def __init__(self, query: str, reason: str, line: int | None = None, column: int | None = None) -> None:
        self.line, self.column = line, column
        where = ""
        if line is not None:
            lines = query.split("\n")
            text = lines[line - 1] if line <= len(lines) else ""
            where = f" at line {line}, column {column}"
            if text.strip():
                where += f"\n  {text}\n  {' ' * max((column or 1) - 1, 0)}^"
        super().__init__(f"syntax error{where}\n  {reason}", status=400)


@dataclass(frozen=True)
class CheckedQuery:
    """What the guard saw: ``text`` (to run, line ends normalized), ``form`` ("select", "ask", "graph")."""

    text: str
    form: str


def normalize(query: str) -> str:
    """``\\r\\n`` as ``\\n``; raise :class:`UnparsableQuery` on other control characters."""
    text = query.replace("\r\n", "\n")
    bad = _CONTROL.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        raise UnparsableQuery(text, f"control character U+{ord(bad.group()):04X} is not accepted in a query",
                              line, column)
    return text


def _nodes(tree: object) -> Iterable[CompValue]:
    """Every CompValue in a parse or algebra tree (iteratively: trees can be deep)."""
    stack, seen = [tree], set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, CompValue):
            yield node
            stack.extend(node.values())
        elif isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, (list, tuple, set, frozenset)) or type(node).__name__ == "ParseResults":
            stack.extend(node)


def _parse(text: str, predeclared: dict[str, str]):
    """rdflib's parse and algebra of ``text`` as it is (no global ``\\u`` expansion: see the module docstring)."""
    try:
        tree = parser.Query.parse_string(text, parse_all=True)
    except ParseBaseException as exc:
        try:
            parser.UpdateUnit.parse_string(text, parse_all=True)
        except ParseBaseException:
            raise UnparsableQuery(text, exc.msg, exc.lineno, exc.col) from None
        except RecursionError:
            raise UnparsableQuery(text, "the query is nested too deeply") from None
        raise QueryRefused("read-only: SPARQL Update (INSERT, DELETE, LOAD, CLEAR, ...) is not accepted") from None
    except RecursionError:
        raise UnparsableQuery(text, "the query is nested too deeply") from None
    try:
        query = algebra.translateQuery(tree, initNs=predeclared)
    except RecursionError:
        raise UnparsableQuery(text, "the query is nested too deeply") from None
    except Exception as exc:  # rdflib raises plain Exceptions for unknown prefixes, bad aggregates...
        raise UnparsableQuery(text, str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from None
    return tree, query


def parse_tree(query: str) -> tuple[str, object, int]:
    """``(text, tree, prologue_end)``: the text as the guard runs it (line ends normalized),
    rdflib's parse tree of it, and where its prologue (``BASE`` / ``PREFIX`` lines) ends; for
    readers of a query's shape (:mod:`pipeline.sparql.paging`). Raise :class:`UnparsableQuery`."""
    text = normalize(query)
    with _PARSING:  # pyparsing keeps state while it parses
        try:
            tree = parser.Query.parse_string(text, parse_all=True)
            end = 0
            if len(tree[0]):  # a prologue: where its last declaration ends
                end = next(parser.Prologue.scan_string(text, max_matches=1))[2]
        except ParseBaseException as exc:
            raise UnparsableQuery(text, exc.msg, exc.lineno, exc.col) from None
        except RecursionError:
            raise UnparsableQuery(text, "the query is nested too deeply") from None
    return text, tree, end


def is_local_graph(iri: str, local: Iterable[str] = ()) -> bool:
    return iri.startswith(OUR_GRAPHS) or iri in set(local)


_ACCEPTED: dict[tuple, CheckedQuery] = {}  # accepted queries (the web page's and scripts' repeat)


def _check(query: str, local: frozenset[str], prefixes: tuple[tuple[str, str], ...],
           protocol_graphs: tuple[str, ...]) -> CheckedQuery:
    text = normalize(query)
    with _PARSING:
        try:
            tree, parsed = _parse(text, dict(prefixes))
        except QueryRefused:
            raise
        except Exception as exc:  # fail closed: what the parser cannot take is not run
            raise UnparsableQuery(text, f"the query could not be checked ({type(exc).__name__})") from None
    for node in (*_nodes(tree), *_nodes(parsed.algebra)):
        if node.name == "ServiceGraphPattern":
            raise QueryRefused("read-only: SERVICE is not accepted; this endpoint never queries another server")
    graphs = [str(clause.get("default") or clause.get("named"))
              for clause in parsed.algebra.get("datasetClause") or ()]
    for iri in [*graphs, *protocol_graphs]:
        if not is_local_graph(iri, local):
            raise QueryRefused(f"read-only: FROM / FROM NAMED / graph-uri {iri!r} is not a graph "
                               f"of this store (graphs here are {OUR_GRAPHS}<document id>)")
    form = QUERY_FORMS.get(parsed.algebra.name)
    if form is None:  # the parser's grammar has no other query form; refuse rather than guess
        raise QueryRefused(f"read-only: query form {parsed.algebra.name} is not accepted")
    return CheckedQuery(text, form)


def check_query(query: str, *, local_graphs: Iterable[str] = (), predeclared: dict[str, str] | None = None,
                protocol_graphs: Iterable[str] = ()) -> CheckedQuery:
    """The checked query (text to run and its form); raise :class:`QueryRefused` (403) or
    :class:`UnparsableQuery` (400) unless ``query`` only reads our store."""
    key = (query, frozenset(local_graphs), tuple(sorted((predeclared or {}).items())), tuple(protocol_graphs))
    found = _ACCEPTED.get(key)
    if found is None:
        found = _check(*key)
        if len(_ACCEPTED) >= 4096:
            _ACCEPTED.clear()
        _ACCEPTED[key] = found
    return found


def accepted_before(query: str, **kwargs) -> CheckedQuery | None:
    """The check of ``query`` if it was accepted before (a dictionary look-up, no parse), else None."""
    return _ACCEPTED.get((query, frozenset(kwargs.get("local_graphs", ())),
                          tuple(sorted((kwargs.get("predeclared") or {}).items())),
                          tuple(kwargs.get("protocol_graphs", ()))))


def check_read_only(query: str, **kwargs) -> str:
    """:func:`check_query`, returning the text to run."""
    return check_query(query, **kwargs).text
