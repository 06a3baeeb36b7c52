"""Positions as a pipeline stage: one document's readings, read on its spaCy parse.

    coded DocumentResult + the spaCy Docs of its paragraphs      (redshank/pipeline.py)
        -> each sentence's tokens: text, lemma key, offsets, tag  (tokens.py)
        -> DocContext: sentences, tokens, actor mentions, events  (context.py)
        -> readings (reading.py) -> positions, memberships, contributions (coalitions.py)
        -> DocumentResult.reading, saved with the document at commit (derive.save_readings)

`read_parsed` is what `process_document` calls: a pure function of the document's records
and parse. Documents already stored are read on a new parse of their stored text
(`parse_contexts`, spaCy only: no actors, dates, places or coding; the stored sentences,
actors and events are what is read), split into paragraphs and truecased as ingest does,
so the tokens are those the pipeline saw. That is how `derive_pending`, `derive_store`
(`--refresh`, after changing a lexicon) and `read_events` read.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Token as SpacyToken

from redshank.model import Contribution, DocumentResult, Membership, Position
from redshank.parse import parse_texts, split_paragraphs
from redshank.parse.truecase import truecase_if_lower
from redshank.positions.coalitions import contributing_members, find_contributions
from redshank.positions.context import DocContext
from redshank.positions.lexicon import Lexicon, default_lexicon
from redshank.positions.membership import document_coalitions, read_membership
from redshank.positions.reading import positions_of, read_document
from redshank.positions.tokens import Token, parsed_token

PARSE_BATCH_SIZE = 32


@dataclass(slots=True)
class DocumentReading:
    """Everything derived from some documents: positions, memberships, contributions."""

    positions: list[Position] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)
    contributions: list[Contribution] = field(default_factory=list)

    def extend(self, other: DocumentReading) -> None:
        self.positions.extend(other.positions)
        self.memberships.extend(other.memberships)
        self.contributions.extend(other.contributions)


def read_context(ctx: DocContext, lexicon: Lexicon | None = None) -> DocumentReading:
    """Positions, memberships and contributions of one parsed document."""
    lexicon = lexicon or default_lexicon()
    readings = read_document(ctx, lexicon)
    coalitions = document_coalitions(ctx, lexicon)
    memberships, forces = read_membership(ctx, lexicon, coalitions)
    contributions = [*find_contributions(ctx, readings, memberships, coalitions), *forces]
    memberships += contributing_members(ctx, contributions, memberships, coalitions)
    return DocumentReading(positions=positions_of(readings), memberships=memberships,
                           contributions=contributions)


def read_parsed(result: DocumentResult, docs: Iterable[tuple[int, Doc]],
                lexicon: Lexicon | None = None) -> DocumentReading:
    """The reading of a coded document on the pipeline's parse: `docs` are its paragraphs'
    spaCy Docs, each with its character offset in the document."""
    if result.failures or (not result.events and not result.sentences):
        return DocumentReading()
    ctx = DocContext.build(result.events, result.document, result.sentences, result.actors)
    ctx.parsed = sentence_tokens(ctx.sentences, docs)
    return read_context(ctx, lexicon)


def sentence_tokens(sentences: Mapping[int, tuple[str, int]], docs: Iterable[tuple[int, Doc]]
                    ) -> dict[int, list[Token]]:
    """Sentence index -> its tokens, from spaCy Docs of the document's text (each with its
    character offset in the document). `sentences` maps index -> (text, start offset).
    A token's head is kept when it is in the same sentence."""
    ordered = sorted(sentences.items(), key=lambda item: item[1][1])
    starts = [start for _, (_, start) in ordered]
    found: dict[int, list[Token]] = {index: [] for index in sentences}
    for offset, doc in docs:
        placed: dict[int, list[tuple[SpacyToken, str, int]]] = {}  # per sentence
        where: dict[int, tuple[int, int]] = {}  # spaCy index -> (sentence, index in it)
        for token in doc:
            begin = offset + token.idx
            at = bisect_right(starts, begin) - 1
            if token.is_space or at < 0:
                continue
            index, (text, start) = ordered[at]
            if begin + len(token.text) <= start + len(text):
                pending = placed.setdefault(index, [])
                where[token.i] = (index, len(found[index]) + len(pending))
                pending.append((token, text, begin - start))
        for index, pending in placed.items():
            for token, text, start in pending:
                sentence, head = where.get(token.head.i, (None, -1))
                found[index].append(parsed_token(token, text, start,
                                                 head if sentence == index else -1))
    return found


def parse_contexts(nlp: Language, contexts: Sequence[DocContext],
                   batch_size: int = PARSE_BATCH_SIZE) -> None:
    """Give stored documents' contexts their tokens from a new spaCy parse: of the
    document's paragraphs (truecased if all lower case, as ingest parses them), or of each
    sentence on its own when the document's text is not known or the sentences are not
    where their offsets say (events built by hand)."""
    pieces: list[tuple[int, int, str]] = []
    for number, ctx in enumerate(contexts):
        if _sentences_in_text(ctx):
            pieces.extend((number, p.offset, p.text)
                          for p in split_paragraphs(truecase_if_lower(ctx.text or "")))
        else:
            pieces.extend((number, start, text) for text, start in ctx.sentences.values())
    docs: list[list[tuple[int, Doc]]] = [[] for _ in contexts]
    parsed = parse_texts(nlp, (text for _, _, text in pieces), batch_size)
    for (number, offset, _), doc in zip(pieces, parsed, strict=True):
        docs[number].append((offset, doc))
    for ctx, found in zip(contexts, docs, strict=True):
        ctx.parsed = sentence_tokens(ctx.sentences, found)


def _sentences_in_text(ctx: DocContext) -> bool:
    """True when the document's text is known and holds each sentence at its offset."""
    return ctx.text is not None and all(ctx.text[start:start + len(text)] == text
                                        for text, start in ctx.sentences.values())
