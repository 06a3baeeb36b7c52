"""Split a document's text into paragraphs (blank-line separated), keeping offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+")
MAX_PARAGRAPH_CHARS = 20_000


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph's text and its character offset in the document."""

    index: int
    text: str
    offset: int


def _chunks(text: str, offset: int, max_chars: int) -> list[tuple[str, int]]:
    """Cut an over-long paragraph at sentence ends so no chunk exceeds max_chars."""
    pieces: list[tuple[str, int]] = []
    start = 0
    while len(text) - start > max_chars:
        window = text[start : start + max_chars]
        ends = [m.end() for m in SENTENCE_END.finditer(window)]
        cut = ends[-1] if ends else window.rfind(" ") + 1 or max_chars
        pieces.append((text[start : start + cut], offset + start))
        start += cut
    pieces.append((text[start:], offset + start))
    return pieces


def split_paragraphs(text: str, max_chars: int = MAX_PARAGRAPH_CHARS) -> list[Paragraph]:
    """Paragraphs of `text`, stripped, with their offsets; empty ones are dropped."""
    paragraphs: list[Paragraph] = []
    position = 0
    for separator in [*BLANK_LINE.finditer(text), None]:
        end = separator.start() if separator else len(text)
        raw = text[position:end]
        stripped = raw.strip()
        if stripped:
            offset = position + (len(raw) - len(raw.lstrip()))
            for chunk, chunk_offset in _chunks(stripped, offset, max_chars):
                paragraphs.append(Paragraph(len(paragraphs), chunk, chunk_offset))
        if separator:
            position = separator.end()
    return paragraphs
