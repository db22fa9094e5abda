"""Transliteration keys: one consonant skeleton for a name in Arabic or Latin script.

Reads the letter classes of ``ontology/resolution/transliteration.yaml``. A name written
حموشي, Hammouchi or Hamouchi, or عبد اللطيف حموشي, Abdellatif Hammouchi or Abdul Latif
Hamouchi, gets the same skeleton: vowels, waw, ya, alef, ain and hamza dropped, letters the
conventions spell differently put in one class (ش/ch/sh/š, خ/kh, غ/gh, ج/dj/j, ق/q/k),
articles dropped (ال, al-, el-, the fused Abdel-/Abdul-), word-final h dropped, doubled
classes collapsed. :func:`similarity` compares two skeletons (difflib ratio) and
:func:`same_name` applies the threshold; the resolver compares only skeletons that
blocking put side by side, never all pairs. Skeletons drop vowels, so محمد and Mahmoud
share one: :func:`long_vowel_conflicts` counts the places where an Arabic long vowel
(ا و ي) finds no matching Latin vowel, or a Latin long vowel (ou, ei) in a word's last
syllable no Arabic one; :func:`arabic_long_vowel_conflicts` does the same for two Arabic
spellings.

Usage::

    from pipeline.language.transliterate import skeleton, similarity
    skeleton("عبد اللطيف حموشي")        # 'bdltfhmc'
    skeleton("Abdellatif Hammouchi")    # 'bdltfhmc'
    similarity("bdltfhmc", "bdltfhms")  # 0.875
    long_vowel_conflicts("محمود علي", "Mohamed Ali")   # 1
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from pipeline.ontology_data import transliteration

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
    arabic_long_vowels: dict[str, str]
    latin_vowels_for: dict[str, frozenset[str]]
    latin_long_vowels: dict[str, tuple[str, ...]]


@lru_cache(maxsize=1)
def load_tables(path: str | None = None) -> Tables:
    data = transliteration(path)
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
        arabic_long_vowels=data.get("arabic_long_vowels") or {},
        latin_vowels_for={k: frozenset(v) for k, v in (data.get("latin_vowels_for") or {}).items()},
        latin_long_vowels={k: tuple(v) for k, v in (data.get("latin_long_vowels") or {}).items()},
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


# A slot is a consonant class with the vowels written after it, and whether it ends the
# last syllable of its word (the consonant before the word's last one).
_Slot = tuple[str, str, bool]


def _slots(words: list[list[tuple[str, str]]]) -> list[_Slot]:
    """Per-word (class, vowels) lists to one slot list: a word's leading vowels go to the
    previous word's last slot (أبا عود = Abaaoud), doubled classes collapse."""
    out: list[list] = []
    for word in words:
        lead = "".join(v for c, v in word if not c)
        cons = [[c, v, False] for c, v in word if c]
        if lead and out:
            out[-1][1] += lead
        if len(cons) >= 2:
            cons[-2][2] = True
        for slot in cons:
            if out and out[-1][0] == slot[0]:
                out[-1][1] += slot[1]
                out[-1][2] = out[-1][2] or slot[2]
            else:
                out.append(slot)
    return [(c, v, last) for c, v, last in out]


def _drop_final_h_slot(word: list[tuple[str, str]]) -> list[tuple[str, str]]:
    if word and word[-1][0] == "h":
        return word[:-1]
    return word


def _arabic_vowel_slots(text: str, t: Tables) -> list[_Slot]:
    text = _DIACRITICS.sub("", text).translate(_ALEFS)
    words = []
    for w in re.findall(r"[\u0621-\u064a\u067e-\u06cc]+", text):
        for article in t.arabic_articles:
            if w.startswith(article) and len(w) > len(article) + 1:
                w = w[len(article):]
                break
        if w in t.arabic_articles:
            continue
        slots: list[tuple[str, str]] = [("", "")]
        for i, ch in enumerate(w):
            cls = t.arabic.get(ch, "")
            if cls:
                slots.append((cls, ""))
            elif i > 0 and ch in t.arabic_long_vowels:
                c, v = slots[-1]
                slots[-1] = (c, v + t.arabic_long_vowels[ch])
        words.append(_drop_final_h_slot(slots))
    return _slots(words)


def _latin_vowel_slots(text: str, t: Tables) -> list[_Slot]:
    words = []
    sequences = [(k, v) for k, v in t.latin_sequences if v]
    for w in re.findall(r"[a-z]+", _latin_fold(text, t)):
        if w in t.latin_articles:
            continue
        if w in t.latin_particles:
            words.append([("", "")] + [(c, "") for c in t.latin_particles[w]])
            continue
        slots: list[tuple[str, str]] = [("", "")]
        i = 0
        while i < len(w):
            if w[i] in "aeiouwy":
                c, v = slots[-1]
                slots[-1] = (c, v + w[i])
                i += 1
                continue
            for seq, cls in sequences:
                if w.startswith(seq, i):
                    slots.append((cls, ""))
                    i += len(seq)
                    break
            else:
                cls = t.latin_letters.get(w[i], "")
                if cls:
                    slots.append((cls, ""))
                i += 1
        words.append(_drop_final_h_slot(slots))
    return _slots(words)


def long_vowel_conflicts(arabic: str, latin: str) -> int:
    """Places where the Arabic spelling's long vowels and the Latin spelling's vowels
    disagree, between consonants the two share (aligned like the skeletons): an Arabic ا/ى,
    و or ي without a Latin a/e, o/u or i/e/y there, or a Latin ou/oo or ee/ei/ey in a
    word's last syllable without an Arabic و or ي. Latin vowels with no Arabic letter are short vowels, not
    conflicts (Mohamed = محمد)."""
    t = load_tables()
    a, b = _arabic_vowel_slots(arabic, t), _latin_vowel_slots(latin, t)
    matcher = SequenceMatcher(None, [s[0] for s in a], [s[0] for s in b], autojunk=False)
    conflicts = 0
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            i, j = block.a + k, block.b + k
            # the vowels after a slot sit between it and the next consonant: both must agree
            if k == block.size - 1 and not (i == len(a) - 1 and j == len(b) - 1):
                continue
            long_vowels, latin_vowels, last_syllable = a[i][1], b[j][1], b[j][2]
            for vowel in long_vowels:
                if not t.latin_vowels_for.get(vowel, frozenset()) & set(latin_vowels):
                    conflicts += 1
            if last_syllable:
                conflicts += sum(1 for vowel, spellings in t.latin_long_vowels.items()
                                 if vowel not in long_vowels and any(s in latin_vowels for s in spellings))
    return conflicts


def arabic_long_vowel_conflicts(a: str, b: str) -> int:
    """Two Arabic spellings whose words' last syllables differ by a long vowel letter
    (محمد / محمود, حسن / حسين) are two names; elsewhere foreign names vary (ترامب / ترمب)."""
    t = load_tables()
    x, y = _arabic_vowel_slots(a, t), _arabic_vowel_slots(b, t)
    matcher = SequenceMatcher(None, [s[0] for s in x], [s[0] for s in y], autojunk=False)
    conflicts = 0
    for block in matcher.get_matching_blocks():
        for k in range(block.size - 1):
            i, j = block.a + k, block.b + k
            if (x[i][2] or y[j][2]) and set(x[i][1]) != set(y[j][1]):
                conflicts += 1
    return conflicts
