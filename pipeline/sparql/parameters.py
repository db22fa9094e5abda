"""Query parameters (``doc2kg query FILE --param country=MA``) and checks of a query's ``d2k:`` terms.

A parameter binds a variable of the query to one RDF term before evaluation (Oxigraph's
``substitutions``, SPARQL-dev SEP-0007): the value is never pasted into the query text, so
it cannot change the query's shape. A query file declares its parameters in comments::

    # @param ?country country:  the country, by its code (MA, FR...)
    # @param ?graph graph:      a document id
    # @param ?name literal      a name, as text

A bare value of a parameter declared with a prefix is a local name in that namespace
(``country=MA`` -> ``<https://doc2kg.org/id/country/MA>``, percent-encoded as the exporter
encodes ids); ``<IRI>`` and ``prefix:local`` (a predeclared prefix) are IRIs wherever given;
anything else is a plain string literal. Without its parameter a query runs unbound (all
countries, all documents).

Usage::

    terms = bind(["country=MA"], query_text, PREFIXES)  # {"country": {"iri": ".../country/MA"}}
    store.query(text, substitutions=to_oxigraph(terms))
    unknown_terms("SELECT * { ?x d2k:cooperatesWit ?y }")  # ["d2k:cooperatesWit (did you mean d2k:cooperatesWith?)"]
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from urllib.parse import quote

DECLARATION = re.compile(r"^\s*#\s*@param\s+[?$]?(\w+)(?:\s+(literal|[A-Za-z][\w-]*:))?[ \t]*(.*)$", re.MULTILINE)
NAME = re.compile(r"^\w+$")
PREFIXED = re.compile(r"^([A-Za-z][\w-]*):([\w.%-]+)$")
# d2k: terms as written in a query: prefixed names and full IRIs (comments and strings left out).
_COMMENT_OR_STRING = re.compile(r'(<[^<>\s"{}|^`\\]*>)|#[^\n]*|"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'')
_D2K_NAME = re.compile(r"(?<![\w:])d2k:([A-Za-z_][\w-]*)")
_D2K_IRI = re.compile(r"<https://doc2kg\.org/ontology#([^>]*)>")


class ParameterError(ValueError):
    """A ``--param`` that cannot be bound (message for the user)."""


@dataclass(frozen=True)
class Declared:
    name: str
    kind: str | None  # "literal", a prefix ("country:"), or None (undeclared)
    help: str = ""


def declared(query: str) -> dict[str, Declared]:
    """The parameters a query file declares in its ``# @param`` comments."""
    return {m.group(1): Declared(m.group(1), m.group(2), m.group(3).strip()) for m in DECLARATION.finditer(query)}


def _code(query: str) -> str:
    """The query without its comments and strings (IRIs kept: a ``#`` in one starts no comment)."""
    return _COMMENT_OR_STRING.sub(lambda m: m.group(1) or " ", query)


def _mentions(query: str, name: str) -> bool:
    code = _code(query)
    return re.search(rf"[?$]{re.escape(name)}\b", code) is not None


def term(value: str, kind: str | None, prefixes: dict[str, str]) -> dict[str, str]:
    """The RDF term (as JSON: ``{"iri": ...}`` or ``{"literal": ...}``) for one value."""
    if value.startswith("<") and value.endswith(">"):
        iri = value[1:-1]
        if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|^`\\]*$", iri):
            raise ParameterError(f"{value} is not an absolute IRI")
        return {"iri": iri}
    if kind == "literal":
        return {"literal": value}
    m = PREFIXED.match(value)
    if m and m.group(1) in prefixes:
        return {"iri": prefixes[m.group(1)] + m.group(2)}
    if kind and kind[:-1] in prefixes:
        if not value:
            raise ParameterError("an empty value")
        return {"iri": prefixes[kind[:-1]] + quote(value, safe="")}
    return {"literal": value}


def bind(params: list[str], query: str, prefixes: dict[str, str]) -> dict[str, dict[str, str]]:
    """``NAME=VALUE`` options -> variable name -> term; a variable the query lacks is an error."""
    decl = declared(query)
    out: dict[str, dict[str, str]] = {}
    for item in params:
        name, sep, value = item.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not NAME.match(name):
            raise ParameterError(f"--param {item!r}: write NAME=VALUE (e.g. --param country=MA)")
        if not _mentions(query, name):
            known = ", ".join(sorted(decl)) or "none declared"
            raise ParameterError(f"--param {name}: the query has no ?{name} (its parameters: {known})")
        out[name] = term(value, decl[name].kind if name in decl else None, prefixes)
    return out


def to_oxigraph(terms: dict[str, dict[str, str]]) -> dict:
    """Oxigraph ``substitutions`` for :func:`bind`'s terms (an invalid IRI raises ParameterError)."""
    import pyoxigraph as ox

    out = {}
    for name, t in terms.items():
        try:
            out[ox.Variable(name)] = ox.NamedNode(t["iri"]) if "iri" in t else ox.Literal(t["literal"])
        except ValueError as exc:
            raise ParameterError(f"--param {name}: {exc}") from None
    return out


def unknown_terms(query: str, defined: frozenset[str]) -> list[str]:
    """``d2k:`` terms of the query that the ontology does not define, each with a close match."""
    code = _code(query)
    used = dict.fromkeys([*_D2K_NAME.findall(code), *_D2K_IRI.findall(code)])
    out = []
    for local in used:
        if local and local not in defined:
            close = difflib.get_close_matches(local, sorted(defined), n=1)
            out.append(f"d2k:{local}" + (f" (did you mean d2k:{close[0]}?)" if close else ""))
    return out
