"""Coding hand-built sentences (no model): the packaged knowledge, loaded once."""

from __future__ import annotations

from datetime import date

from redshank.coding import Knowledge, code_sentence, load_ontology, load_patterns
from redshank.coding.arguments import ActorContext
from redshank.model import Document, Event
from tests.conftest import make_doc, mention

PATTERNS = load_patterns()
KNOWLEDGE = Knowledge(PATTERNS, load_ontology())


def code_rows(rows, spans, published: date) -> list[Event]:
    """Code a hand-built sentence; `spans` are (start, end, code, country, kind) tuples."""
    doc = make_doc(rows)
    mentions = [mention(doc, s, e, code=c, country=country, kind=kind)
                for s, e, c, country, kind in spans]
    ctx = ActorContext(sentence=doc[:], offset=0, mentions=mentions, quotes=[], speakers={},
                       persons=[], recent=[])
    document = Document(id="test", text=doc.text, published=published)
    return code_sentence(doc[:], 0, ctx, [], document, KNOWLEDGE)


def code_text(pipeline, text: str, published: date = date(2024, 3, 4)) -> list[Event]:
    """Code a sentence or article written for a test through the whole pipeline."""
    (result,) = pipeline.run([Document(id="t", text=text, published=published)])
    assert not result.failures
    return result.events


def coded(events: list[Event]) -> list[tuple]:
    """Each event as (type, actor codes, recipient codes)."""
    return [(e.event, [a.code for a in e.actor], [a.code for a in e.recipient])
            for e in events]

