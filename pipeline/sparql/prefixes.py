"""Prefixes predeclared in every query: the ontology's (from :mod:`pipeline.exporters.rdf`) and
the usual vocabularies, so ``SELECT * { ?x a d2k:Country }`` needs no ``PREFIX`` line.

Usage::

    store.query(text, prefixes=PREFIXES)
    compact("https://doc2kg.org/id/country/MA")   # -> "country:MA" (pastes into a query as it is)
"""
from __future__ import annotations

import re

from pipeline.exporters.rdf import PREFIXES as ONTOLOGY_PREFIXES

COMMON = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/",
    "org": "http://www.w3.org/ns/org#",
    "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "geo": "http://www.opengis.net/ont/geosparql#",
    "time": "http://www.w3.org/2006/time#",
    "wd": "http://www.wikidata.org/entity/",
    "wdt": "http://www.wikidata.org/prop/direct/",
}

PREFIXES: dict[str, str] = {**COMMON, **{k: str(v) for k, v in ONTOLOGY_PREFIXES.items()}}

# Longest namespace first, so "https://doc2kg.org/id/" wins over a shorter match.
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))


# A local name that SPARQL and Turtle read back as written (PN_LOCAL, ASCII part, no escapes).
_LOCAL = re.compile(r"^[A-Za-z0-9_:-](?:[A-Za-z0-9_.:%-]*[A-Za-z0-9_:%-])?$")


def compact(iri: str) -> str:
    """``prefix:local`` when a predeclared namespace covers ``iri`` and the rest is a valid
    local name (so the text pastes into a query), else ``<iri>``."""
    for prefix, ns in _BY_LENGTH:
        if iri.startswith(ns) and len(iri) > len(ns) and _LOCAL.match(iri[len(ns):]) \
                and not re.search(r"%(?![0-9A-Fa-f]{2})", iri[len(ns):]):
            return f"{prefix}:{iri[len(ns):]}"
    return f"<{iri}>"
