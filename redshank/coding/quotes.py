"""Quotations in a document: where they are and who said them."""

from __future__ import annotations

import re

from redshank.knowledge import words
from redshank.model import Span

OPENING = "“‘«"
PAIRS = {"“": "”", "«": "»"}
STRAIGHT = re.compile(r'"')
# Verbs that attribute a quotation to their subject ("Kerry said", "said Kerry").
SPEECH_VERBS = words("quote_verbs")


def find_quotes(text: str) -> list[Span]:
    """Spans of quoted passages (inclusive of the quote marks), in document order.

    Curly quotes pair by kind; straight double quotes pair in order. An unclosed quote runs
    to the end of its paragraph, as in news style where a quote continues in the next one.
    """
    spans: list[Span] = []
    for opening, closing in PAIRS.items():
        start = None
        for index, char in enumerate(text):
            if char == opening and start is None:
                start = index
            elif char == closing and start is not None:
                spans.append(Span(start, index + 1))
                start = None
            elif char == "\n" and start is not None and text[index:index + 2] == "\n\n":
                spans.append(Span(start, index))
                start = None
        if start is not None:
            spans.append(Span(start, len(text)))
    positions = [m.start() for m in STRAIGHT.finditer(text)]
    for first, second in zip(positions[::2], positions[1::2], strict=False):
        if "\n\n" not in text[first:second]:
            spans.append(Span(first, second + 1))
    return sorted(spans, key=lambda span: span.start)


def quote_at(quotes: list[Span], position: int) -> Span | None:
    """The quotation containing a character position, if any."""
    for span in quotes:
        if span.start < position < span.end:
            return span
    return None
