"""Cooperation domains from the words of a text (``ontology/patterns/domains.yaml``).

Usage::

    find_domains("تعاون في مكافحة الإرهاب والهجرة غير النظامية", "ar")
    # -> ['counterterrorism', 'migration']
"""
from __future__ import annotations

from functools import lru_cache

from pipeline.language.morphology import PROCLITIC_LETTERS
from pipeline.language.normalize import normalize
from pipeline.model import DOMAINS
from pipeline.ontology_data import PATTERNS_DIR, domains

DOMAINS_FILE = PATTERNS_DIR / "domains.yaml"


@lru_cache(maxsize=1)
def load_domain_keywords() -> dict[str, dict[str, list[str]]]:
    data = domains()
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
            if f" {word}" in norm or (lang == "ar" and any(f" {c}{word}" in norm for c in PROCLITIC_LETTERS)):
                found.append(domain)
                break
    return sorted(found, key=DOMAINS.index)
