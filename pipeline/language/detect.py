"""Language identification of a document.

Arabic script is decided by counting letters (exact and fast); other texts go to
py3langid, a langid.py model shipped inside the package (97 languages, no download).

Usage::

    from pipeline.language.detect import detect_language
    detect_language("La coopération entre le Maroc et la France")  # -> ("fr", 0.99...)
    language_warning("hi", "sr")  # -> "too short to tell its language (2 letters): read as sr ..."
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from functools import lru_cache
from itertools import islice

SUPPORTED = ("ar", "fr", "en")
# Below this many letters a Latin-script guess is not to be trusted ("hi" reads as Serbian);
# Arabic script is counted, not guessed, so a short Arabic text is still Arabic.
MIN_LETTERS = 20
# Varieties the model tells apart that our Arabic pipeline reads (Moroccan, Egyptian Arabic).
ARABIC_VARIETIES = {"ary", "arz"}


def _arabic_share(text: str) -> float:
    """Share of Arabic-script letters among the letters of the first 20,000 characters
    (each distinct character is looked at once)."""
    letters = arabic = 0
    for ch, n in Counter(text[:20000]).items():
        if ch.isalpha():
            letters += n
            if "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\ufb50" <= ch <= "\ufefc":
                arabic += n
    return arabic / letters if letters else 0.0


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """ISO 639-1 code and probability. ``"und"`` when the text has no letters."""
    text = unicodedata.normalize("NFC", text)
    share = _arabic_share(text)
    if share >= 0.5:
        return "ar", round(share, 3)
    if not any(ch.isalpha() for ch in text[:20000]):
        return "und", 0.0
    lang, prob = _identifier().classify(text[:20000])
    if lang in ARABIC_VARIETIES:
        lang = "ar"
    return lang, round(float(prob), 3)


def language_warning(text: str, lang: str) -> str | None:
    """Why the language ``lang`` found for ``text`` is to be doubted, for the report: too short
    to tell, or a language with no pipeline of its own (processed with a blank tokenizer)."""
    if lang == "ar":
        return None  # Arabic script is counted, not guessed; a supported language
    # the letters counted up to MIN_LETTERS only: the count the message gives is below it
    letters = sum(1 for _ in islice(filter(str.isalpha, text[:20000]), MIN_LETTERS))
    if letters < MIN_LETTERS:
        return (f"too short to tell its language ({letters} letter{'s' if letters != 1 else ''}): read as {lang}, "
                f"which may be wrong; entities and relations may be missed")
    if lang not in SUPPORTED:
        return (f"language {lang} has no pipeline (supported: {', '.join(SUPPORTED)}): only a blank tokenizer, "
                f"the lexicon and the patterns ran; entities and relations may be missed")
    return None
