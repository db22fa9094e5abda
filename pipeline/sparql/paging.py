"""One page of a SELECT query's answer: ``LIMIT``/``OFFSET`` added to the query the user wrote.

A query without ``LIMIT``, ``OFFSET`` or a final ``VALUES`` gets them appended (its rows then
come as Oxigraph produces them, or in its ``ORDER BY`` order, and stop after the page: at archive
scale a first page answers in milliseconds where the whole answer takes seconds). A query with
its own ``LIMIT``/``OFFSET`` (or a final ``VALUES``) keeps it: it becomes a subquery of
``SELECT * { ... } LIMIT n OFFSET k``, so the pages run through its own answer and no further.
Without ``ORDER BY`` rows come in the store's order, the same from one page to the next on one
store generation. The shape is read on rdflib's parse (:func:`pipeline.sparql.read_only.parse_tree`),
never guessed from keywords; the paged text goes through the read-only guard like any other.

Usage::

    paged("SELECT ?c { ?c a d2k:Country }", limit=100, offset=200)
    # 'SELECT ?c { ?c a d2k:Country }\\nLIMIT 100 OFFSET 200'
"""
from __future__ import annotations

import pyoxigraph as ox

from pipeline.sparql.prefixes import PREFIXES
from pipeline.sparql.read_only import check_read_only, parse_tree

MAX_OFFSET = 10**12  # past any store's row count; keeps the integer a plain literal


class NotPageable(ValueError):
    """A query these pages cannot be cut from (the message says why)."""


def paged(query: str, limit: int | None = None, offset: int = 0, prefixes: dict[str, str] = PREFIXES) -> str:
    """``query`` answering only rows ``offset`` .. ``offset + limit - 1`` of its answer
    (``limit=None``: to the end). Raise :class:`NotPageable` for ASK, CONSTRUCT and DESCRIBE
    (their answer is not rows) and for a query with ``FROM`` that would need a subquery; the
    read-only guard's errors (:class:`pipeline.sparql.read_only.QueryRefused`) for a query it refuses."""
    if limit is not None and not 0 <= limit <= MAX_OFFSET:
        raise NotPageable(f"a page's limit is a whole number from 0 to {MAX_OFFSET}, not {limit}")
    if not 0 <= offset <= MAX_OFFSET:
        raise NotPageable(f"a page's offset is a whole number from 0 to {MAX_OFFSET}, not {offset}")
    check_read_only(query, predeclared=prefixes)  # nothing below runs a query the guard refuses
    text, tree, prologue_end = parse_tree(query)
    form = tree[1]
    if form.name != "SelectQuery":
        kind = form.name.removesuffix("Query").upper()
        raise NotPageable(f"--limit/--offset page the rows of a SELECT query; this is {kind} "
                          + ("(one answer, no rows)" if kind == "ASK" else "(give it its own LIMIT)"))
    modifiers = " ".join(part for part in (f"LIMIT {limit}" if limit is not None else "",
                                           f"OFFSET {offset}" if offset else "") if part)
    if not modifiers:
        return text
    if "limitoffset" not in form and "valuesClause" not in form:
        return text.rstrip() + "\n" + modifiers  # on a line of its own: a final comment stays a comment
    if "datasetClause" in form:  # FROM belongs to the outer query: it cannot move into a subquery
        raise NotPageable("a query with FROM and its own LIMIT, OFFSET or final VALUES cannot be paged; "
                          "change its own LIMIT/OFFSET instead")
    # The outer SELECT names the columns in the query's own order (``SELECT *`` over a subquery
    # sorts them): Oxigraph's order, read from the query run on an empty store (no data, no time).
    columns = " ".join(f"?{v.value}" for v in ox.Store().query(text, prefixes=prefixes).variables) or "*"
    prologue, body = text[:prologue_end], text[prologue_end:].strip("\n")
    return (prologue + "\n" if prologue else "") + f"SELECT {columns} {{\n{body}\n}}\n{modifiers}"
