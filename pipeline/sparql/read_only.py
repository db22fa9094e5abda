"""Read-only guard: refuse SPARQL that would change the store or reach another server.

Reads a query string and raises :class:`QueryRefused` for SPARQL Update (INSERT, DELETE,
LOAD, CLEAR, DROP, CREATE, ADD, MOVE, COPY), ``SERVICE``, and ``FROM`` / ``FROM NAMED``
(or the protocol's ``default-graph-uri`` / ``named-graph-uri``) naming a graph that is
not one of ours. Oxigraph evaluates ``SERVICE`` by fetching from the network, so this runs
before any query reaches it.

Not a substring test: the query is tokenized the SPARQL way first (comments, the four
kinds of string literals and IRIs are set aside), so ``"service"`` in a literal, an IRI
``<http://ex.org/SERVICE>``, a prefixed name ``ex:delete`` or a variable ``?load`` is not
a keyword. In the SPARQL grammar those update words and ``SERVICE`` are reserved: as bare
words they can only be keywords, so any bare one is refused.

Usage::

    check_read_only("SELECT * { ?s ?p ?o }")                    # fine
    check_read_only("SELECT * { SERVICE <http://x/> { ?s ?p ?o } }")   # raises QueryRefused
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

OUR_GRAPHS = "https://doc2kg.org/graph/"
UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH", "USING"}

# One alternative per token kind; the order matters (long strings before short ones).
_TOKEN = re.compile(
    r"""
    (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00B7\u0300-\u036F\u203F-\u2040]+)
  | (?P<langtag>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<pname>(?:[^\W\d][\w.\-]*)?:(?:[\w:%\\\-.]*[\w:%\-])?)
  | (?P<word>[^\W\d][\w\-]*)
  | (?P<space>\s+)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass
class Token:
    kind: str
    text: str
    pos: int


class QueryRefused(ValueError):
    """A query the read-only endpoint will not run; ``status`` is the HTTP status to answer."""

    def __init__(self, message: str, status: int = 403) -> None:
        super().__init__(message)
        self.status = status


def tokenize(query: str) -> list[Token]:
    return [Token(m.lastgroup or "other", m.group(), m.start()) for m in _TOKEN.finditer(query)
            if m.lastgroup not in ("space", "comment")]


def _prefixes(tokens: list[Token]) -> dict[str, str]:
    out = {}
    for i, t in enumerate(tokens[:-2]):
        if t.kind == "word" and t.text.upper() == "PREFIX" and tokens[i + 1].kind == "pname" \
                and tokens[i + 2].kind == "iri":
            out[tokens[i + 1].text[:-1]] = tokens[i + 2].text[1:-1]
    return out


def _expand(token: Token, prefixes: dict[str, str], predeclared: dict[str, str]) -> str | None:
    if token.kind == "iri":
        return token.text[1:-1]
    if token.kind == "pname":
        prefix, _, local = token.text.partition(":")
        base = prefixes.get(prefix, predeclared.get(prefix))
        return None if base is None else base + local
    return None


def dataset_graphs(query: str, predeclared: dict[str, str] | None = None) -> list[str]:
    """The graph IRIs named by ``FROM`` and ``FROM NAMED`` (``""`` for one that cannot be read)."""
    tokens = tokenize(query)
    prefixes = _prefixes(tokens)
    graphs = []
    for i, t in enumerate(tokens):
        if t.kind == "word" and t.text.upper() == "FROM":
            j = i + 1
            if j < len(tokens) and tokens[j].kind == "word" and tokens[j].text.upper() == "NAMED":
                j += 1
            iri = _expand(tokens[j], prefixes, predeclared or {}) if j < len(tokens) else None
            graphs.append(iri or "")
    return graphs


def is_local_graph(iri: str, local: Iterable[str] = ()) -> bool:
    return iri.startswith(OUR_GRAPHS) or iri in set(local)


def check_read_only(query: str, *, local_graphs: Iterable[str] = (), predeclared: dict[str, str] | None = None,
                    protocol_graphs: Iterable[str] = ()) -> None:
    """Raise :class:`QueryRefused` unless ``query`` is a query that only reads our store."""
    local = set(local_graphs)
    for t in tokenize(query):
        if t.kind != "word":
            continue
        word = t.text.upper()
        if word in UPDATE_WORDS:
            raise QueryRefused(f"read-only: SPARQL Update ({word} at character {t.pos}) is not accepted")
        if word == "SERVICE":
            raise QueryRefused(f"read-only: SERVICE (character {t.pos}) is not accepted; "
                               "this endpoint never queries another server")
    for iri in [*dataset_graphs(query, predeclared), *protocol_graphs]:
        if not is_local_graph(iri, local):
            raise QueryRefused(f"read-only: FROM / FROM NAMED / graph-uri {iri or '(unreadable)'!r} is not a graph "
                               f"of this store (graphs here are {OUR_GRAPHS}<document id>)")
