"""Offline check that a text is English: the share of common English function words."""

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
