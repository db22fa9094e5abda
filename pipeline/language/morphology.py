"""Arabic morphology: the one home of the proclitics, the article and the pronoun suffixes.

Every module that looks at the letters glued to an Arabic word imports them from here (a
test fails when another module spells its own list). The letters are a closed class of
the language, like the affixes of ``spacy/lang/ar/``, so they live in code; domain word
lists live under ``ontology/``. All functions take normalized text
(:func:`pipeline.language.normalize.normalize`) unless they say otherwise.

- proclitics: the conjunctions و ف, the prepositions ب ل ك, and a conjunction followed by a
  preposition (وب ول وك فب فل فك); ل before the article fuses with it (ل + الأمن = للأمن).
- the article ال; the pronoun suffixes ه ها هم هما هن (نظيره، قادتها، عناصرهم); the
  feminine endings ة and ات (:func:`is_feminine`, for agreement).

A few modules read a narrower or wider set than :data:`PROCLITICS`; each variant below is
named and says why it differs (outputs must stay what they were).

Usage::

    strip_clitics("للامن")                  # 'الامن' (the fused article restored)
    strip_clitics("وفرنسا", {"فرنسا"})      # 'فرنسا' (a known stem after و)
    strip_article("الداخليه")               # 'داخليه'
    strip_definite("وبالتدريب")             # 'تدريب'
    has_pronoun_suffix("نظيره")             # True
    without_conjunction("وقال", {"قال"})    # 'قال'
    optional_proclitic(DATE_PROCLITICS)     # '(?:[وبل]?)', to put before a month's name
"""
from __future__ import annotations

import re

from pipeline.language.normalize import normalize

ARTICLE = "ال"
# ل + ال is written لل (للأمن); the NORM of the piece after the ل gets its article back.
FUSED_ARTICLE = "لل"
WA = "و"  # "and", also a word of its own between names
FA = "ف"
CONJUNCTIONS = (WA, FA)
PREPOSITIONS = ("ب", "ل", "ك")
LAM = PREPOSITIONS[1]  # "for, of": split off للأنباء as a token of its own
# The prepositions that a glued common noun betrays (بمستوى، لشؤون); ك + a word is often a
# name of its own (كمال، كامل).
NOUN_PREPOSITIONS = ("ب", "ل")
# Conjunction + preposition pairs first: a matcher tries the longest proclitic first.
PROCLITICS = tuple(c + p for c in CONJUNCTIONS for p in PREPOSITIONS) + CONJUNCTIONS + PREPOSITIONS
# The single proclitic letters (و ف ب ل ك), for character classes and ``str.lstrip``.
PROCLITIC_LETTERS = "".join(CONJUNCTIONS + PREPOSITIONS)
# A proclitic (or a pair) written on an opening quote (و"بوسيدون"، وب«فرونتكس»): a tokenizer
# prefix, so the quoted name is read as one (language/arabic.py).
PROCLITIC_BEFORE_QUOTE = f"[{''.join(CONJUNCTIONS)}]?[{PROCLITIC_LETTERS}](?=[\"«“])"
# Hamza-bearing alefs: a proclitic glued to a hamza-initial word (بإسناد، لأجل، وأكد).
HAMZA_ALEFS = "أإآ"
# Possessive / object pronoun suffixes of the third person (``str.endswith`` takes the tuple).
PRONOUN_SUFFIXES = ("ه", "ها", "هم", "هما", "هن")
# The feminine endings, normalized: ta marbuta (ة folded to ه) and the sound plural ات.
TA_MARBUTA = "ه"
FEMININE_PLURAL = "ات"

# --- named variants ---------------------------------------------------------------------
# The cue matcher's proclitics (relations/cues.py): no فك, and the fused لل tried before the
# single letters, as the cue regexes were built when the outputs were fixed.
CUE_PROCLITICS = tuple(p for p in PROCLITICS[:6] if p != "فك") + (FUSED_ARTICLE,) + CONJUNCTIONS + PREPOSITIONS
# Before a month's name (language/dates.py): و ب ل ("ويناير", "بيناير", "ليناير"); the
# date patterns never allowed ف or ك there.
DATE_PROCLITICS = ("و", "ب", "ل")
# The proclitics inside a person's title complement, before a definite word (entities/patterns.py):
# "and" and the prepositions ب ل (وزير الداخلية واللامركزية، المكلفة باللجوء، للشؤون الداخلية).
COMPLEMENT_PROCLITICS = (WA,) + PREPOSITIONS[:2]
# The possessor suffixes relations/rules/cooperation.py tests on a trigger noun (no هن: its
# triggers never carry it and adding it is a change of output to check, not a refactoring).
POSSESSOR_SUFFIXES = PRONOUN_SUFFIXES[:4]
# The possessors of several (their, dual and plural: تعاونهما، تنسيقهم) on a trigger noun after
# two coordinated parties: their own cooperation (relations/rules/cooperation.py).
PLURAL_POSSESSOR_SUFFIXES = ("هم", "هما")

# The article with the proclitics it may carry: التدريب, بالتدريب, وللتدريب, فكالتدريب
# (ل before the article is the fused لل, so only ب and ك stand before ال).
_UNFUSED = tuple(p for p in PREPOSITIONS if p != "ل")
DEFINITE_PREFIX = re.compile(
    rf"^(?:{'|'.join(CONJUNCTIONS)})?(?:(?:{'|'.join(_UNFUSED)})?{ARTICLE}|{FUSED_ARTICLE})")
# The same, with a stem of three letters or more captured: "والجهاز" -> "جهاز".
DEFINITE_WORD = re.compile(rf"{DEFINITE_PREFIX.pattern}(\w{{3,}})$")
# A single proclitic standing alone as a word (what is left when a cue was cut off after it).
LONE_PROCLITIC = re.compile(rf"(?<!\w)[{PROCLITIC_LETTERS}](?!\w)")
# A single proclitic before the article, as ../shared/eval/kgscore.py strips it: the
# project's scorer must count exactly what the shared scorer counts.
SCORER_PROCLITIC = re.compile(rf"^(?:{'|'.join(CONJUNCTIONS + PREPOSITIONS)})(?={ARTICLE})")

_PROCLITIC_SET = frozenset(PROCLITICS)
# Arabic letters (ء..ي), harakat (ً..ْ) and tatweel (ـ, inside the range).
_ARABIC_WORD = re.compile("[\u0621-\u0652]+")


def optional_proclitic(letters: tuple[str, ...] = CONJUNCTIONS + PREPOSITIONS) -> str:
    """A regex fragment for one optional proclitic letter of ``letters`` before a word."""
    return f"(?:[{''.join(letters)}]?)"


def is_proclitic(norm: str) -> bool:
    """``norm`` is a proclitic on its own (what the clitic splitter cuts off)."""
    return norm in _PROCLITIC_SET


def split_proclitic(text: str, stems: frozenset[str] | set[str],
                    conjunct_stems: frozenset[str] | set[str] = frozenset()) -> tuple[str, str] | None:
    """``(clitic, rest)`` written as in ``text`` if a proclitic should be split off, else None:
    when the rest is a definite noun (ال...), a fused article (للأمن) or one of ``stems``, or
    when the proclitic is the conjunction و/ف alone and the rest one of ``conjunct_stems`` (a
    given name: وإيفان -> و + إيفان; بعمر "aged" stays whole)."""
    if not _ARABIC_WORD.fullmatch(text) or len(text) < 3:
        return None
    norm = normalize(text)
    if norm[:1] not in PROCLITIC_LETTERS:
        return None
    if norm[:1] in CONJUNCTIONS and len(norm) >= 4 and norm[1:] in conjunct_stems:
        return _cut(text, 1)
    for clitic in PROCLITICS:
        if not norm.startswith(clitic):
            continue
        rest = norm[len(clitic):]
        # Fused article: ل + ال -> لل (للأمن). Keep the rest written as in the text.
        if clitic.endswith("ل") and rest.startswith("ل") and len(rest) >= 3 and not rest.startswith(ARTICLE):
            return _cut(text, len(clitic))
        if rest.startswith(ARTICLE) and len(rest) >= 4:
            return _cut(text, len(clitic))
        if len(rest) >= 3 and rest in stems:
            return _cut(text, len(clitic))
    return None


def _cut(text: str, n_letters: int) -> tuple[str, str]:
    """Split ``text`` after its first ``n_letters`` letters (diacritics stay with their letter)."""
    seen = 0
    for i, ch in enumerate(text):
        if normalize(ch):
            seen += 1
            if seen == n_letters:
                j = i + 1
                while j < len(text) and not normalize(text[j]):
                    j += 1
                return text[:j], text[j:]
    return text, ""


def rest_norm(clitic_norm: str, rest: str) -> str:
    """NORM of the piece after a clitic: the fused لل form gets its article back."""
    norm = normalize(rest)
    if clitic_norm.endswith("ل") and norm.startswith("ل") and not norm.startswith(ARTICLE):
        return "ا" + norm
    return norm


def strip_clitics(text: str, stems: frozenset[str] | set[str] = frozenset()) -> str:
    """``text`` normalized without the proclitic the clitic splitter would split off (see
    :func:`split_proclitic`), the fused article restored: للأمن -> الامن, والمغرب -> المغرب."""
    parts = split_proclitic(text, stems)
    if not parts or not parts[1]:
        return normalize(text)
    return rest_norm(normalize(parts[0]), parts[1])


def without_conjunction(word: str, stems: frozenset[str] | set[str]) -> str:
    """``word`` (normalized) without its conjunction و/ف when the rest is one of ``stems``
    (وقال -> قال, فأكد -> اكد with the verbs of saying as stems); else ``word``."""
    if word[:1] in CONJUNCTIONS and word[1:] in stems:
        return word[1:]
    return word


def strip_article(word: str, min_length: int = 0) -> str:
    """``word`` without its leading article when it has one and at least ``min_length``
    letters (the article included): الداخليه -> داخليه."""
    if word.startswith(ARTICLE) and len(word) >= min_length:
        return word[len(ARTICLE):]
    return word


def strip_definite(word: str) -> str:
    """``word`` without the article and the proclitics before it (:data:`DEFINITE_PREFIX`)."""
    return DEFINITE_PREFIX.sub("", word)


def restore_fused_article(word: str) -> str:
    """للامن -> الامن: the article a fused ل + ال hides; other words unchanged."""
    return ARTICLE + word[len(FUSED_ARTICLE):] if word.startswith(FUSED_ARTICLE) else word


def lam_genitive(word: str) -> bool:
    """A word as written that opens with the preposition ل of a genitive on a definite noun:
    the fused ل + ال (للاتحاد الإفريقي, للمجلس) or ل with a tatweel (لـ"داعش"). A name that
    starts with ل (لبنان، ليبيا) is no such word."""
    return word.startswith(FUSED_ARTICLE) or word.startswith(PREPOSITIONS[1] + "\u0640")


def lam_glued_before(text: str, start: int) -> bool:
    """The preposition ل stands glued before ``text[start:]`` as a word's first letter
    (لمنطقة الشرق الأوسط, where a name starts after it)."""
    return start >= 1 and text[start - 1] == PREPOSITIONS[1] and (start == 1 or not text[start - 2].isalnum())


def has_pronoun_suffix(word: str, suffixes: tuple[str, ...] = PRONOUN_SUFFIXES, min_length: int = 0) -> bool:
    """``word`` ends with a pronoun suffix of ``suffixes`` and has more than ``min_length``
    letters (نظيره، قادتها). A final ة is no suffix."""
    return len(word) > min_length and word.endswith(suffixes)


def is_feminine(word: str) -> bool:
    """A normalized noun or adjective in the feminine: a final ta marbuta (ة, folded to ه:
    زياره، المصريه) or a sound feminine plural (مناورات، هجمات), which takes feminine
    adjectives. Agreement tells which noun an adjective qualifies (زيارة وزير الداخلية
    الإسباني: الإسباني is the minister's, not the visit's)."""
    return word.endswith((TA_MARBUTA, FEMININE_PLURAL))


def agrees_in_gender(noun_phrase: str, adjective: str) -> bool:
    """The adjective (its last word) agrees in gender with the noun that starts
    ``noun_phrase``, its article and proclitics aside (both normalized): القمه + الروسيه,
    التمرين + العماني; not زياره + الاسباني."""
    nouns, adjectives = noun_phrase.split(), adjective.split()
    return bool(nouns and adjectives) and is_feminine(strip_definite(nouns[0])) == is_feminine(adjectives[-1])


def possessed_forms(word: str) -> tuple[str, ...]:
    """A noun as written with the possessive pronouns "his" and "her": رئيس -> رئيسه، رئيسها;
    a final ta marbuta is written ت before them: سفيرة -> سفيرته، سفيرتها."""
    stem = word[:-1] + "ت" if word.endswith("ة") else word
    return tuple(stem + suffix for suffix in PRONOUN_SUFFIXES[:2])


def pronoun_suffixed(word: str) -> bool:
    """A word as written that ends with a pronoun suffix no name ends with: ها، هم، هما، هن
    (حينها، بأنها), or ه on a word of five letters or more (اهتمامه، ولايته) that is no
    compound with الله (عبدالله) and no French name's -ier (لوكورتييه، أوليفييه). A name word
    never carries one."""
    if word.endswith(PRONOUN_SUFFIXES[1:]):
        return len(word) > 3
    return len(word) >= 5 and word.endswith(PRONOUN_SUFFIXES[0]) and not word.endswith(("الله", "يه"))


def glued_to_hamza(word: str) -> bool:
    """A single proclitic glued to a hamza-initial word (بإسناد، لأجل، وأكد), written as in the text."""
    return len(word) > 3 and word[0] in PROCLITIC_LETTERS and word[1] in HAMZA_ALEFS


def hamza_initial(word: str) -> bool:
    """A word written with a hamza on its first alef (ألكسندر، إيلفا، ألمانيا), as in the
    text: its ا+ل is no article, which is always written ال (the normalized form hides it)."""
    return len(word) > 1 and word[0] in HAMZA_ALEFS


# Every letter that carries a hamza (the alefs, and hamza on waw and ya): the normalized form
# writes them bare (أ إ آ -> ا, ؤ -> و, ئ -> ي).
HAMZA_LETTERS = HAMZA_ALEFS + "ؤئ"
# Harakat, superscript alef and tatweel: dropped before written forms are compared letter by letter.
_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")


def hamza_contradicts(written: str, form: str) -> bool:
    """``written`` (as in the text) has a hamza where ``form`` (a name as written in a
    lexicon) has another letter, both otherwise the same letters: بأنه "that it" is not the
    town بانه, آب "August" not إب, لأول "for the first" not لاول. A first alef written
    bare in the lexicon agrees with any hamza there (writers and gazetteers drop it:
    اسطنبول for إسطنبول)."""
    w, f = _MARKS.sub("", written), _MARKS.sub("", form)
    if len(w) != len(f):
        return False
    return any(a in HAMZA_LETTERS and a != b and not (i == 0 and b == "ا") for i, (a, b) in enumerate(zip(w, f)))


def lam_prefixed(word: str) -> bool:
    """A normalized word with the preposition ل glued to an indefinite noun (لمكافحة، لمراقبة):
    it opens a genitive complement."""
    return len(word) > 3 and word[0] == PREPOSITIONS[1] and not word.startswith(FUSED_ARTICLE)
