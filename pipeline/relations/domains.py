"""Cooperation domains from the words of a text (``ontology/patterns/domains.yaml``).

Usage::

    find_domains("تعاون في مكافحة الإرهاب والهجرة غير النظامية", "ar")
    # -> ['counterterrorism', 'migration']
"""
from __future__ import annotations

from functools import lru_cache

import yaml

from pipeline.ontology_data import ONTOLOGY_DIR
from pipeline.language.normalize import normalize
from pipeline.model import DOMAINS

DOMAINS_FILE = ONTOLOGY_DIR / "patterns" / "domains.yaml"


@lru_cache(maxsize=1)
def load_domain_keywords() -> dict[str, dict[str, list[str]]]:
    data = yaml.safe_load(DOMAINS_FILE.read_text(encoding="utf-8"))
    unknown = set(data) - set(DOMAINS)
    if unknown:
        raise ValueError(f"{DOMAINS_FILE}: domains outside the closed list: {sorted(unknown)}")
    return {d: {lang: [normalize(w) for w in words] for lang, words in by_lang.items()} for d, by_lang in data.items()}


def find_domains(text: str, lang: str) -> list[str]:
    """Domains whose keywords start a word of ``text`` (after one optional proclitic)."""
    norm = " " + " ".join(normalize(text).split()) + " "
    found = []
    for domain, by_lang in load_domain_keywords().items():
        for word in by_lang.get(lang, []):
            if f" {word}" in norm or (lang == "ar" and any(f" {c}{word}" in norm for c in "وفبلك")):
                found.append(domain)
                break
    return sorted(found, key=DOMAINS.index)
