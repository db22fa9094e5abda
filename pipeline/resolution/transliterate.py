"""Transliteration keys: one consonant skeleton for a name in Arabic or Latin script.

Reads the letter classes of ``ontology/resolution/transliteration.yaml``. A name written
حموشي, Hammouchi or Hamouchi, or عبد اللطيف حموشي, Abdellatif Hammouchi or Abdul Latif
Hamouchi, gets the same skeleton: vowels, waw, ya, alef, ain and hamza dropped, letters the
conventions spell differently put in one class (ش/ch/sh/š, خ/kh, غ/gh, ج/dj/j, ق/q/k),
articles dropped (ال, al-, el-, the fused Abdel-/Abdul-), word-final h dropped, doubled
classes collapsed. :func:`similarity` compares two skeletons (difflib ratio) and
:func:`same_name` applies the threshold; the resolver compares only skeletons that
blocking put side by side, never all pairs.

Usage::

    from pipeline.resolution.transliterate import skeleton, similarity
    skeleton("عبد اللطيف حموشي")        # 'bdltfhmc'
    skeleton("Abdellatif Hammouchi")    # 'bdltfhmc'
    similarity("bdltfhmc", "bdltfhms")  # 0.875
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

import yaml

TABLES = Path(__file__).resolve().parents[2] / "ontology" / "resolution" / "transliteration.yaml"
_ARABIC_CHAR = re.compile("[\u0600-\u06ff]")
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ALEFS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"})  # آل (family) is written like ال


@dataclass(frozen=True)
class Tables:
    arabic: dict[str, str]
    latin_special: dict[str, str]
    latin_sequences: tuple[tuple[str, str], ...]
    latin_letters: dict[str, str]
    latin_articles: frozenset[str]
    arabic_articles: tuple[str, ...]
    abd_article: re.Pattern[str]
    latin_particles: dict[str, str]


@lru_cache(maxsize=1)
def load_tables(path: str | None = None) -> Tables:
    data = yaml.safe_load(Path(path or TABLES).read_text(encoding="utf-8"))
    sequences = sorted(data["latin_sequences"].items(), key=lambda kv: -len(kv[0]))
    return Tables(
        arabic={k: v or "" for k, v in data["arabic"].items()},
        latin_special=data["latin_special"],
        latin_sequences=tuple((k, v or "") for k, v in sequences),
        latin_letters={k: v or "" for k, v in data["latin_letters"].items()},
        latin_articles=frozenset(data["latin_articles"]),
        arabic_articles=tuple(data["arabic_articles"]),
        abd_article=re.compile(data["latin_abd_article"]),
        latin_particles=data.get("latin_particles") or {},
    )


def is_arabic(text: str) -> bool:
    return bool(_ARABIC_CHAR.search(text))


def _collapse(s: str) -> str:
    return re.sub(r"(.)\1+", r"\1", s)


def _drop_final_h(skel: str) -> str:
    # ة, ه and often ح end a word as -a, -ah, -at, -e in Latin: a final h class is noise.
    return skel[:-1] if skel.endswith("h") else skel


def _arabic_word(word: str, t: Tables) -> str:
    for article in t.arabic_articles:
        if word.startswith(article) and len(word) > len(article) + 1:
            word = word[len(article):]
            break
    if word in t.arabic_articles:
        return ""
    return _drop_final_h("".join(t.arabic.get(ch, "") for ch in word))


def _latin_word(word: str, t: Tables) -> str:
    if word in t.latin_particles:
        return t.latin_particles[word]
    if word in t.latin_articles:
        return ""
    out: list[str] = []
    i = 0
    while i < len(word):
        for seq, cls in t.latin_sequences:
            if word.startswith(seq, i):
                out.append(cls)
                i += len(seq)
                break
        else:
            out.append(t.latin_letters.get(word[i], ""))
            i += 1
    return _drop_final_h("".join(out))


def _latin_fold(text: str, t: Tables) -> str:
    text = "".join(t.latin_special.get(ch, ch) for ch in text.lower())
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = t.abd_article.sub("abd ", text)
    # al-Qaeda, el-Fassi: a hyphenated or apostrophized article is a word of its own
    text = re.sub(r"\b([a-z]{1,3})[-'’](?=[a-z])", r"\1 ", text)
    return text


def skeleton_words(text: str) -> list[str]:
    """Per-word skeletons of ``text`` (words that are all vowels or articles give '')."""
    t = load_tables()
    if is_arabic(text):
        text = _DIACRITICS.sub("", text).translate(_ALEFS)
        words = re.findall(r"[\u0621-\u064a\u067e-\u06cc]+", text)
        return [_arabic_word(w, t) for w in words]
    words = re.findall(r"[a-z]+", _latin_fold(text, t))
    return [_latin_word(w, t) for w in words]


@lru_cache(maxsize=1 << 16)
def skeleton(text: str) -> str:
    """The consonant skeleton of a whole name, words joined, doubled classes collapsed."""
    return _collapse("".join(skeleton_words(text)))


@lru_cache(maxsize=1 << 16)
def suffix_skeletons(text: str) -> tuple[str, ...]:
    """Skeletons of the name from each word start on (the whole name first): the keys
    under which a full name is found by a surname or a family name of several words."""
    words = [w for w in skeleton_words(text) if w]
    return tuple(_collapse("".join(words[i:])) for i in range(len(words)))


def _g_readings(skel: str) -> tuple[str, ...]:
    # A plain Latin g stands for غ, for ج (Egyptian Gamal) or for ق (Maghrebi Gaïd).
    return (skel, skel.replace("g", "j"), skel.replace("g", "k")) if "g" in skel else (skel,)


def _matched(a: str, b: str) -> int:
    return sum(block.size for block in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())


def similarity(a: str, b: str) -> float:
    """Ratio of two skeletons (2 * matched / total), the readings of a plain g included."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    return max(2 * _matched(x, y) / (len(x) + len(y)) for x in _g_readings(a) for y in _g_readings(b))


def same_name(a: str, b: str, threshold: float) -> bool:
    """Two skeletons name the same person: similar enough, and one differs from the other
    only by letters that one convention writes and the other does not (no substitution)."""
    if a == b:
        return True
    if not a or not b:
        return False
    for x in _g_readings(a):
        for y in _g_readings(b):
            matched = _matched(x, y)
            if matched == min(len(x), len(y)) and 2 * matched / (len(x) + len(y)) >= threshold:
                return True
    return False
