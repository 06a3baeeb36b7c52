"""Bound sentence length: a paragraph whose parse has an over-long sentence is cut and re-parsed.

The coder's work grows much faster than linearly with sentence length (a 3,000-token
"sentence" takes tens of seconds), and text without sentence punctuation, or with an
abbreviation every few words ("U.S.", "Mr."), can parse as one sentence a paragraph long.
News sentences stay under a few hundred tokens, so normal documents are never cut.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc

from redshank.parse.batches import parse_texts
from redshank.parse.paragraphs import Paragraph

MAX_SENTENCE_TOKENS = 400


def bound_sentences(nlp: Language, parsed: list[tuple[Paragraph, Doc]], batch_size: int,
                    max_tokens: int = MAX_SENTENCE_TOKENS) -> list[tuple[Paragraph, Doc]]:
    """The parsed paragraphs, each one with a sentence over `max_tokens` cut into re-parsed pieces.

    Pieces become paragraphs of their own (renumbered in order, offsets kept), so no
    sentence the coder sees is much longer than `max_tokens`.
    """
    if all(len(sent) <= max_tokens for _, doc in parsed for sent in doc.sents):
        return parsed
    bounded: list[tuple[Paragraph, Doc]] = []
    for paragraph, doc in parsed:
        if all(len(sent) <= max_tokens for sent in doc.sents):
            bounded.append((paragraph, doc))
            continue
        spans = piece_spans(doc, max_tokens)
        texts = (paragraph.text[start:end] for start, end in spans)
        for (start, end), piece in zip(spans, parse_texts(nlp, texts, batch_size), strict=True):
            bounded.append((Paragraph(0, paragraph.text[start:end], paragraph.offset + start),
                            piece))
    return [(Paragraph(index, paragraph.text, paragraph.offset), doc)
            for index, (paragraph, doc) in enumerate(bounded)]


def piece_spans(doc: Doc, max_tokens: int) -> list[tuple[int, int]]:
    """Character spans cutting `doc` into pieces of at most `max_tokens` tokens.

    A piece ends at the last sentence start that fits, else after the last punctuation
    followed by a space, else after any token followed by a space, else anywhere.
    """
    starts = [sent.start for sent in doc.sents]
    spans: list[tuple[int, int]] = []
    start = 0
    while start < len(doc):
        end = min(start + max_tokens, len(doc))
        if end < len(doc):
            end = _cut(doc, start, end, starts)
        last = doc[end - 1]
        spans.append((doc[start].idx, last.idx + len(last)))
        start = end
    return spans


def _cut(doc: Doc, start: int, limit: int, sentence_starts: list[int]) -> int:
    """Where to end a piece that starts at token `start` and may end at `limit` at the latest."""
    fitting = sentence_starts[bisect_right(sentence_starts, limit) - 1]
    if fitting > start:
        return fitting
    spaced = [i for i in range(limit, start, -1) if doc[i - 1].whitespace_]
    after_punct = [i for i in spaced if doc[i - 1].is_punct]
    return (after_punct or spaced or [limit])[0]
