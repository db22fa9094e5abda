"""Synthetic archives for the SPARQL benchmarks: copies of a run's ``graph.nq`` under new ids,
written as N-Quads files and bulk-loaded into an on-disk Oxigraph store with the layout of
``OUT/store`` (:mod:`pipeline.store.oxigraph_store`: one named graph per document, their set
union as the default graph).

Copy k renames every document, statement, evidence and non-country entity IRI with a ``-k``
suffix (countries, outlets and domains stay shared, as in real news; so does a statement
between two countries, whose IRI is a hash of the two: one node for the fact, with the
evidence of every copy). Each line is cut once
where the suffixes go, so writing a copy is a join per line (10 million quads in about a minute,
streamed: memory does not grow with the number of copies). The default graph's set union is
exact: a triple with a renamed IRI is unique to its copy, one without is written once.

Usage (from the other benchmarks)::

    template = Template.read(Path("/tmp/dev/graph.nq"))
    named, union = template.write(Path("/tmp/x"), first=0, copies=360)   # two .nq files
    load(Path("/tmp/x/store"), [named, union])                           # seconds
    store = pyoxigraph.Store.read_only("/tmp/x/store")
"""
from __future__ import annotations

import datetime
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

RENAMED = re.compile(r"<https://doc2kg\.org/(?:id/(?!country/)[^>#]*|statement/[^>#]*|doc/[^>#]*|graph/[^>#]*)"
                     r"(?=[#>])")
IDENTIFIER = re.compile(r'<https://schema\.org/identifier> "[^"]*(?=")')
QUAD_END = re.compile(r"\s*<[^>]*>\s*\.\s*$")
DOCUMENT = re.compile(r"^(<https://doc2kg\.org/doc/[^>]*>) <http://www\.w3\.org/1999/02/22-rdf-syntax-ns#type> "
                      r"<https://doc2kg\.org/ontology#Document> (<[^>]*>) \.$")
DERIVED = re.compile(r"^(<[^>]*>) <http://www\.w3\.org/ns/prov#wasDerivedFrom> <([^>#]*)#[^>]*> (<[^>]*>) \.$")
DATE = "@DATE@"
DATED = ' <https://schema.org/datePublished> "' + DATE + '"^^<http://www.w3.org/2001/XMLSchema#date>'
REPORTED = ' <https://doc2kg.org/ontology#reportedOn> "' + DATE + '"^^<http://www.w3.org/2001/XMLSchema#date>'
YEAR = "@YEAR@"  # the year of DATE
REPORTED_YEAR = ' <https://doc2kg.org/ontology#reportedInYear> "' + YEAR + '"^^<http://www.w3.org/2001/XMLSchema#gYear>'
FIRST_DAY = datetime.date(2010, 1, 1)
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


def date_of(copy: int, document: int) -> str:
    """A publication date for document ``document`` of copy ``copy``: spread over 2010-2023."""
    return (FIRST_DAY + datetime.timedelta(days=(copy * 37 + document * 11) % 5000)).isoformat()


def _parts(line: str, shared: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """``line`` cut where a copy's suffix goes (after each renamed IRI and identifier literal);
    ``shared``: statement IRIs (as ``<https://...``, no ``>``) that keep their name."""
    cuts = sorted({m.end() for m in RENAMED.finditer(line) if m.group() not in shared}
                  | {m.end() for m in IDENTIFIER.finditer(line)})
    return tuple(line[a:b] for a, b in zip([0, *cuts], [*cuts, len(line)]))


def _shared_statements(lines: list[str]) -> frozenset[str]:
    """The statements whose subject and object no copy renames (a cooperation of two countries):
    their IRI is a hash of the two ids and the relation, so a real archive has one such node
    for the fact, with the evidence of every document that states it; the copies share it too."""
    parties: dict[str, list[str]] = {}
    for line in lines:
        st, predicate, rest = line.split(" ", 2)
        if predicate in (f"<{RDF}subject>", f"<{RDF}object>") and st.startswith("<https://doc2kg.org/statement/"):
            parties.setdefault(st[:-1], []).append(rest[:QUAD_END.search(rest).start()])
    return frozenset(st for st, ends in parties.items() if not any(RENAMED.match(end) for end in ends))


@dataclass
class Template:
    named: list[tuple[str, ...]]  # every quad of the run, cut (all carry their graph: one cut at least)
    union_copied: list[tuple[str, ...]]  # the distinct triples with a renamed IRI, as default-graph lines
    union_shared: list[str]  # the distinct triples with none (a country's label): written once
    documents: int  # documents per copy
    # datePublished quads (with DATE) for the documents without one, and the d2k:reportedOn and
    # d2k:reportedInYear quads (with YEAR) of the statements read in them (pipeline/exporters/rdf.py
    # writes them for a dated document):
    # (the document's index, the quad cut)
    dated: list[tuple[int, tuple[str, ...]]]

    @classmethod
    def read(cls, nquads: Path, dates: bool = True) -> Template:
        """``dates``: give each document without a ``schema:datePublished`` one (:func:`date_of`), so
        the time queries have report times to work on (the dev run has none)."""
        named, copied, shared = [], {}, {}
        graphs = set()
        lines = [line for line in Path(nquads).read_text(encoding="utf-8").splitlines() if line.strip()]
        has_date = {line.split(" ", 1)[0] for line in lines if " <https://schema.org/datePublished> " in line}
        kept = _shared_statements(lines)
        dated, index = [], {}
        for line in lines:
            m = DOCUMENT.match(line)
            if dates and m and m.group(1) not in has_date:
                index[m.group(1)[1:-1]] = len(index)
                dated.append((index[m.group(1)[1:-1]], _parts(f"{m.group(1)}{DATED} {m.group(2)} .", kept)))
        reported = {}
        for line in lines:
            m = DERIVED.match(line)
            if m and m.group(2) in index:
                reported[(index[m.group(2)], _parts(f"{m.group(1)}{REPORTED} {m.group(3)} .", kept))] = None
                reported[(index[m.group(2)], _parts(f"{m.group(1)}{REPORTED_YEAR} {m.group(3)} .", kept))] = None
        dated += list(reported)
        for line in lines:
            named.append(_parts(line, kept))
            m = QUAD_END.search(line)
            graphs.add(line[m.start():])
            triple = line[:m.start()] + " ."
            parts = _parts(triple, kept)
            (copied if len(parts) > 1 else shared)[parts] = None
        documents = sum(1 for g in graphs if not g.strip().startswith("<https://doc2kg.org/graph/>"))
        return cls(named, list(copied), ["".join(p) for p in shared], documents, dated)

    def quads_per_copy(self) -> int:
        return len(self.named) + len(self.union_copied) + 2 * len(self.dated)

    def write(self, folder: Path, first: int, copies: int) -> tuple[Path, Path]:
        """Copies ``first`` .. ``first + copies - 1`` as ``named-F.nq`` (the documents' graphs)
        and ``union-F.nq`` (their default-graph triples); copy 0 is the run itself."""
        folder.mkdir(parents=True, exist_ok=True)
        named, union = folder / f"named-{first}.nq", folder / f"union-{first}.nq"
        with open(named, "w", encoding="utf-8") as fn, open(union, "w", encoding="utf-8") as fu:
            if first == 0:
                fu.write("\n".join(self.union_shared) + "\n")
            for k in range(first, first + copies):
                sfx = f"-{k}" if k else ""
                fn.write("\n".join(sfx.join(p) for p in self.named) + "\n")
                fu.write("\n".join(sfx.join(p) for p in self.union_copied) + "\n")
                for i, p in self.dated:
                    date = date_of(k, i)
                    quad = sfx.join(p).replace(DATE, date).replace(YEAR, date[:4])
                    fn.write(quad + "\n")
                    fu.write(quad[:QUAD_END.search(quad).start()] + " .\n")
        return named, union


def load(store_dir: Path, files: list[Path]) -> float:
    """Bulk-load ``files`` into the on-disk store at ``store_dir`` (created or extended); seconds."""
    t = time.perf_counter()
    store = ox.Store(str(store_dir))
    for f in files:
        store.bulk_load(path=str(f), format=ox.RdfFormat.N_QUADS)
    store.flush()
    store.optimize()
    del store
    return time.perf_counter() - t


def disk_size(path: Path) -> int:
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(path) for f in fs)
