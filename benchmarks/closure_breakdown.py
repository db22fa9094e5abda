"""What an incremental run's closure is made of: the units the closure of some documents
brings back (:func:`pipeline.resolution.incremental._closure`), by the namespace of the key
that first reached each (``k:`` same key, ``d:`` surnames and acronyms, ``t`` transliteration
blocks ``>``/``<``, ``e:`` model events, ``v:`` event reports), read from an output folder's
resolution index (read only; the documents' units must be in it: the run that added them).

Since index format 5 the run's closure does not follow the transliteration blocks as keys
(it takes the neighbours of the names added or removed, then the neighbours that are one
person, :class:`pipeline.resolution.incremental._Blocks`); ``--no-blocks`` leaves them out
here too, so the ``k:``/``d:``/``e:``/``v:`` counts are the part of the run's closure reached
by keys (the run's own ``units`` adds the block neighbours).

Since index format 6 the run follows a ``d:`` key only when a unit holding no full name looks
it up (:class:`pipeline.resolution.incremental._Lookups`), and so does this count;
``--all-lookups`` follows every ``d:`` key (the closure before format 6, on the same index).

Usage::

    python benchmarks/closure_breakdown.py OUT --documents-like 'new10000-%' --no-blocks [--all-lookups]
"""
from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.resolution.incremental import CHUNK  # noqa: E402


def family(key: str) -> str:
    if key.startswith(("k:", "d:", "e:")):
        return key[:2] + ("event" if key.startswith("k:event|") else key[2:].split("|")[0] if key[0] == "d" else "")
    if key.startswith("v:"):
        return "v:" + key[2:].split("\x1f")[0]
    return "t" + key[:1]


def breakdown(index: Path, like: str, skip=lambda key: False, all_lookups: bool = False) -> dict:
    db = sqlite3.connect(f"file:{index}?mode=ro", uri=True)

    def query(sql: str, values: list[str]) -> list[tuple]:
        out: list[tuple] = []
        for i in range(0, len(values), CHUNK):
            part = values[i:i + CHUNK]
            out += db.execute(sql.format(",".join("?" * len(part))), part).fetchall()
        return out

    dirty_docs = [d for (d,) in db.execute("SELECT doc FROM docs WHERE doc LIKE ?", (like,))]
    dirty = {u for (u,) in query("SELECT unit FROM units WHERE doc IN ({})", dirty_docs)}

    def keys_of(units: set[str]) -> set[str]:
        found = {k for (k,) in query("SELECT key FROM unit_keys WHERE unit IN ({})", sorted(units))}
        return found | {k for (k,) in query("SELECT key FROM anchored_keys WHERE unit IN ({})", sorted(units))}

    def live(keys: list[str]) -> set[str]:
        """The ``d:`` keys a group with a unit holding no full name looks up (the run's state)."""
        if all_lookups:
            return set(keys)
        return {k for (k,) in query("SELECT DISTINCT l.key FROM lookups l WHERE l.key IN ({}) AND EXISTS "
                                    "(SELECT 1 FROM lookups a WHERE a.grp = l.grp AND a.alone = 1)", keys)}

    frontier = {k for k in keys_of(dirty) if not skip(k)}
    seen: set[str] = set()
    reached: dict[str, str] = {}
    while frontier:
        seen |= frontier
        followed = live(sorted(k for k in frontier if k.startswith("d:")))
        keys = sorted(k for k in frontier if not k.startswith("d:") or k in followed)
        found = query("SELECT unit, key FROM unit_keys WHERE key IN ({})", keys)
        found += query("SELECT MIN(unit), key FROM anchored_keys WHERE key IN ({}) GROUP BY key, anchor", keys)
        new = {}
        for unit, key in sorted(found):
            if unit not in dirty and unit not in reached and unit not in new:
                new[unit] = family(key)
        reached.update(new)
        frontier = {k for k in keys_of(set(new)) if not skip(k)} - seen
    docs = {d for (d,) in query("SELECT DISTINCT doc FROM units WHERE unit IN ({})", sorted(reached))}
    return {"dirty_documents": len(dirty_docs), "units": len(reached), "documents": len(docs),
            "by_key": dict(Counter(reached.values()).most_common())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--documents-like", required=True, help="SQL LIKE pattern of the documents added")
    parser.add_argument("--no-blocks", action="store_true", help="do not follow the transliteration blocks")
    parser.add_argument("--all-lookups", action="store_true",
                        help="follow every d: key (surnames, initials), as the closure did before index format 6")
    args = parser.parse_args()
    index = args.out / ".index" / "resolution.sqlite"
    blocks = (lambda k: k.startswith((">", "<"))) if args.no_blocks else (lambda k: False)
    print(json.dumps(breakdown(index, args.documents_like, blocks, args.all_lookups)))


if __name__ == "__main__":
    main()
