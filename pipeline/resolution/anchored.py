"""Additive records of lexicon-anchored entities, for incremental resolution.

Every unit (:mod:`.incremental`) that holds a name of one lexicon entry (Morocco, a known
agency) ends in that entry's entity, whatever else joins it: :meth:`.resolve.Resolver.join_same_keys`
joins every node of the entry's key, and a component never holds two entries. Its record
(:func:`.resolve._make_entity`) takes its type, labels and codes from the entry, and its
aliases, documents, spans, mention count and aliases by language from its nodes, each a
union or a sum. So the record is kept as a *tally*: how many nodes give each alias, each
document, each span, each alias in each language, and how many mentions. A unit that joins
the entity adds its nodes' counts, a unit that leaves it (its document removed or changed,
or resolved again into another entity) subtracts them; the record is read back from the
tally (:func:`tally_entity`), equal to the one :func:`.resolve._make_entity` makes of every
node, and no other unit of the entity is loaded. (The index keeps a tally's documents and
spans as rows, each changed alone: :mod:`.incremental`.) The incremental run then needs, for each
key such a unit shares with the units it resolves again, one unit of the entity that has
that key (it stands for the entity in the joins: the entity is one component), not all
(:data:`REP_KEY_PREFIXES`).

Anchored entries: the place and organization entries the loaded lexicon knows (an event
entry joins by event identity, not by its key; a person's name joins by transliteration).

Usage::

    anchor = entity_anchor(resolver.uf.lexicon[root], lexicon)  # "MA" or None
    tally = node_tally(nodes); add_tally(stored, tally, -1); entity = tally_entity(stored, anchor, lexicon)
"""
from __future__ import annotations

import json
from collections.abc import Iterable

from pipeline.model import Entity
from pipeline.ontology_data import Lexicon
from pipeline.resolution.resolve import Node, _script_lang, type_group

# The type groups whose lexicon entries are anchored (see the module doc).
ANCHORED_GROUPS = ("place", "organization")
# The keys of an anchored unit one unit of its entity stands for in an incremental run's
# closure: the same key (join_same_keys: the unit joins the key's component, which holds the
# entity whichever of its units brings it) and an organization's initials and acronyms
# (join_dependents: the entity is one candidate, whichever of its units offers it). A
# transliteration block compares neighbours in order, and a surname's targets by their
# spelling: those keys bring every unit back.
REP_KEY_PREFIXES = ("k:", "d:organization|")
# The root an anchored entity is kept under in the index: the same whatever units it holds.
ROOT_PREFIX = "@"


def entity_anchor(lexicon_id: str | None, lexicon: Lexicon) -> str | None:
    """The lexicon id a component of that lexicon id is anchored to, or None."""
    entry = lexicon.entries.get(lexicon_id) if lexicon_id else None
    return lexicon_id if entry is not None and type_group(entry.type) in ANCHORED_GROUPS else None


def anchored_root(anchor: str) -> str:
    return ROOT_PREFIX + anchor


def root_anchor(root: str | None) -> str | None:
    return root[len(ROOT_PREFIX):] if root and root.startswith(ROOT_PREFIX) else None


def rep_key(key: str) -> bool:
    return key.startswith(REP_KEY_PREFIXES)


def empty_tally() -> dict:
    return {"mentions": 0, "aliases": {}, "langs": {}, "documents": {}, "spans": {}}


def node_tally(nodes: Iterable[Node]) -> dict:
    """What ``nodes`` give an entity's record, counted per node (as :func:`.resolve._make_entity` reads them)."""
    tally = empty_tally()
    for n in nodes:
        lang = n.mentions[0].lang if n.mentions else ""
        aliases = {m.text for m in n.mentions} | set(n.names) | set(n.acronyms)
        langs = ({(_script_lang(m.text, m.lang), m.text) for m in n.mentions}
                 | {(_script_lang(name, lang), name) for name in n.names}
                 | {(_script_lang(a, lang), a) for a in n.acronyms})
        tally["mentions"] += len(n.mentions)
        for alias in aliases:
            tally["aliases"][alias] = tally["aliases"].get(alias, 0) + 1
        for script, alias in langs:
            counts = tally["langs"].setdefault(script, {})
            counts[alias] = counts.get(alias, 0) + 1
        for doc in {m.document for m in n.mentions}:
            tally["documents"][doc] = tally["documents"].get(doc, 0) + 1
        for span in {json.dumps([m.document, m.start, m.end], ensure_ascii=False) for m in n.mentions}:
            tally["spans"][span] = tally["spans"].get(span, 0) + 1
    return tally


def _add_counts(into: dict, part: dict, sign: int) -> None:
    for k, v in part.items():
        n = into.get(k, 0) + sign * v
        if n < 0:
            raise RuntimeError(f"anchored tally below zero at {k!r}")  # the index is out of step
        if n:
            into[k] = n
        else:
            into.pop(k, None)


def add_tally(into: dict, part: dict, sign: int = 1) -> dict:
    """``into`` plus (``sign`` 1) or minus (-1) ``part``, in place; counts at zero are dropped."""
    into["mentions"] += sign * part["mentions"]
    for field in ("aliases", "documents", "spans"):
        _add_counts(into[field], part[field], sign)
    for script, counts in part["langs"].items():
        _add_counts(into["langs"].setdefault(script, {}), counts, sign)
        if not into["langs"][script]:
            del into["langs"][script]
    if into["mentions"] < 0:
        raise RuntimeError("anchored tally below zero")
    return into


def tally_empty(tally: dict) -> bool:
    return not tally["mentions"] and not tally["documents"]


def tally_entity(tally: dict, anchor: str, lexicon: Lexicon) -> Entity:
    """The record of the entity of ``anchor`` whose nodes give ``tally``."""
    entry = lexicon.entries[anchor]
    spans = sorted(tuple(json.loads(s)) for s in tally["spans"])
    return Entity(
        id=entry.id,
        type=entry.type,
        label=entry.label,
        aliases=sorted(tally["aliases"]),
        documents=sorted(tally["documents"]),
        key=anchor,
        labels=dict(entry.labels),
        alias_langs={script: sorted(counts) for script, counts in sorted(tally["langs"].items())},
        mentions=tally["mentions"],
        iso3166=entry.iso3166,
        geonames=entry.geonames,
        country=entry.country if entry.type == "City" else None,
        spans=[list(x) for x in spans],
        event_kind=None,
    )
