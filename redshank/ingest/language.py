"""Offline check that a text is English: the share of common English function words.

A page may also declare its language (`<html lang="fr">`). The text decides when it is
long enough to judge; a shorter text is taken to be in the language its page declares.
"""

from __future__ import annotations

import re

ENGLISH_FUNCTION_WORDS = frozenset(
    """
    a about after against all also an and any are as at be because been before being
    between both but by can could did do does during each for from had has have he her
    him his how i if in into is it its may more most no not of on one or other our out
    over said says she should since so some such than that the their them then there
    these they this those through to under until up was we were what when where which
    while who whom why will with would you
    """.split()
)
MIN_WORDS = 30
MIN_LETTERS = 60
MIN_ENGLISH_SHARE = 0.12
MIN_LATIN_SHARE = 0.5
LATIN_LIMIT = 0x0250
# Language tags that name no particular language: undetermined, multiple, none, uncoded.
UNSPECIFIC_LANGUAGES = frozenset({"und", "mul", "zxx", "mis"})

_WORD = re.compile(r"[^\W\d_]+")


def english_share(text: str) -> tuple[float, int]:
    """Share of alphabetic words that are common English function words, and the word count."""
    words = _WORD.findall(text.lower())
    if not words:
        return 0.0, 0
    hits = sum(1 for word in words if word in ENGLISH_FUNCTION_WORDS)
    return hits / len(words), len(words)


def latin_share(text: str) -> tuple[float, int]:
    """Share of letters that are Latin script, and the letter count."""
    letters = [char for char in text if char.isalpha()]
    if not letters:
        return 1.0, 0
    latin = sum(1 for char in letters if ord(char) < LATIN_LIMIT)
    return latin / len(letters), len(letters)


def non_english_reason(text: str) -> str | None:
    """Why `text` does not look like English, or None if it does (or is too short to tell)."""
    latin, letters = latin_share(text)
    if letters >= MIN_LETTERS and latin < MIN_LATIN_SHARE:
        return f"mostly non-Latin script ({latin:.0%} of {letters} letters are Latin)"
    share, words = english_share(text)
    if words >= MIN_WORDS and share < MIN_ENGLISH_SHARE:
        return f"only {share:.0%} of {words} words are common English words"
    return None


def declares_other_language(tag: str | None) -> bool:
    """True for a language tag (`fr`, `de-CH`, `pt_BR`) naming a language other than English."""
    if not tag:
        return False
    primary = tag.strip().lower().replace("_", "-").split("-")[0]
    return bool(primary) and primary != "en" and primary not in UNSPECIFIC_LANGUAGES


def declared_language_reason(text: str, declared: str | None) -> str | None:
    """Why a text whose page declares another language is not English, or None.

    `non_english_reason` judges texts of `MIN_WORDS` words or more; a shorter one is refused
    when its page declares a language other than English.
    """
    reason = non_english_reason(text)
    if not declares_other_language(declared):
        return reason
    if reason is not None:
        return f"{reason}, and the page declares its language as {declared!r}"
    if english_share(text)[1] < MIN_WORDS:
        return (
            f"the page declares its language as {declared!r} and the text is too short "
            "to show otherwise"
        )
    return None
