"""Derive positions and coalitions, in memory or into a store.

Ingest reads each document in the pipeline (`stage.read_parsed`, on the spaCy parse the
coder used) and carries the reading on its `DocumentResult`; `save_readings` saves it
with the document at commit, marking the document derived from its text, without reading
anything again. Everything else reads stored documents on a new spaCy parse of their
stored text (`stage.parse_contexts`: spaCy only, not the whole pipeline):
`derive_pending(store)` (the end of ingest and `redshank link`) reads every stored
document not derived yet (one an interrupted run left, a database coded before positions
existed), replaces its derived rows and re-summarises the coalitions;
`derive(store, event_ids)` re-reads the documents of some events; `derive_store` does
every stored document (`--refresh`, after changing the lexicons). `read_events` reads
events built by hand or loaded, without a store; `coalitions_from` turns its memberships
and contributions into coalitions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import astuple, dataclass

from spacy.language import Language

from redshank.model import (
    Actor,
    Document,
    DocumentResult,
    Event,
    Sentence,
)
from redshank.parse import load_nlp
from redshank.positions.coalitions import (
    Coalition,
    build_coalition,
    summarize,
)
from redshank.positions.context import DocContext
from redshank.positions.lexicon import Lexicon, default_lexicon
from redshank.positions.stage import DocumentReading, parse_contexts, read_context
from redshank.store.base import EventQuery, Store

DERIVE_CHUNK_DOCUMENTS = 64


@dataclass(slots=True)
class DeriveSummary:
    """What a derivation did: documents read, rows written, coalitions updated."""

    documents: int = 0
    positions: int = 0
    memberships: int = 0
    contributions: int = 0
    coalitions: int = 0

    def __add__(self, other: DeriveSummary) -> DeriveSummary:
        return DeriveSummary(*(a + b for a, b in zip(astuple(self), astuple(other),
                                                     strict=True)))


def save_readings(store: Store, results: Sequence[DocumentResult]) -> DeriveSummary:
    """Save the readings the pipeline carried on stored results, marking their documents
    derived from their text (coalitions are summarised by `derive_pending`). A result
    without a reading is left pending for `derive_pending`."""
    reading = DocumentReading()
    read: dict[str, str] = {}
    for result in results:
        if result.reading is not None:
            reading.extend(result.reading)
            read[result.document.id] = result.document.content_hash
    store.save_derived(read, reading.positions, reading.memberships, reading.contributions)
    return DeriveSummary(documents=len(read), positions=len(reading.positions),
                         memberships=len(reading.memberships),
                         contributions=len(reading.contributions))


def read_events(events: Sequence[Event], *, lexicon: Lexicon | None = None,
                documents: Sequence[Document] = (), sentences: Sequence[Sentence] = (),
                mentions: dict[str, list[Actor]] | None = None,
                nlp: Language | None = None) -> DocumentReading:
    """Read events in memory, document by document, on a spaCy parse of their text (no
    store; `nlp` defaults to `load_nlp()`).

    Documents, sentences and actor mentions are optional: by default each event's own
    sentence and actors stand for them. A document given without events is read too
    (coalitions and their members are named without coded events).
    """
    by_doc: dict[str, list[Event]] = {}
    for event in events:
        by_doc.setdefault(event.doc_id, []).append(event)
    docs = {d.id: d for d in documents}
    contexts = [DocContext.build(by_doc.get(doc_id, []), docs.get(doc_id),
                                 [s for s in sentences if s.doc_id == doc_id],
                                 (mentions or {}).get(doc_id))
                for doc_id in dict.fromkeys([*by_doc, *docs])]
    return _read_contexts(contexts, lexicon, nlp)


def _read_contexts(contexts: Sequence[DocContext], lexicon: Lexicon | None,
                   nlp: Language | None) -> DocumentReading:
    """Parse the contexts' text with spaCy and read them."""
    reading = DocumentReading()
    if contexts:
        parse_contexts(nlp or load_nlp(), contexts)
    for ctx in contexts:
        reading.extend(read_context(ctx, lexicon))
    return reading


def coalitions_from(reading: DocumentReading) -> list[Coalition]:
    """Coalitions (with members, contributions, limits) from an in-memory reading."""
    ids = list(dict.fromkeys(m.coalition_id for m in reading.memberships))
    coalitions = []
    for coalition_id in ids:
        summary = summarize(coalition_id, reading.memberships)
        if summary is not None:
            coalitions.append(build_coalition(summary, reading.memberships,
                                              reading.contributions))
    return sorted(coalitions, key=lambda c: (c.first_date is None, c.first_date or "",
                                             c.coalition_id))


def load_context(store: Store, doc_id: str) -> DocContext | None:
    """A stored document with its sentences, actors and all its events (None if gone)."""
    document = store.get_document(doc_id)
    if document is None:
        return None
    events = store.query_events(EventQuery(doc_ids=(doc_id,), include_all=True))
    sentences = store.get_sentences(doc_id)
    if not events and not sentences:
        return None
    return DocContext.build(events, document, sentences, store.get_actor_mentions(doc_id))


def refresh_coalitions(store: Store, coalition_ids: Iterable[str]) -> int:
    """Re-summarise coalitions from their stored memberships; those left with none are
    deleted. Returns how many were summarised."""
    ids = sorted(set(coalition_ids))
    if not ids:
        return 0
    memberships = store.memberships_of(ids)
    summaries = [s for i in ids if (s := summarize(i, memberships)) is not None]
    kept = {s.coalition_id for s in summaries}
    store.save_coalitions(summaries, [i for i in ids if i not in kept])
    return len(summaries)


def derive_documents(store: Store, doc_ids: Iterable[str], lexicon: Lexicon | None = None,
                     *, chunk_size: int = DERIVE_CHUNK_DOCUMENTS, nlp: Language | None = None
                     ) -> DeriveSummary:
    """Re-read stored documents on a new spaCy parse of their text (`nlp`, by default
    `load_nlp()`) and replace their positions, memberships and contributions.

    Documents are read and saved a chunk at a time (each chunk in its own transaction,
    the database held only while it is read and written), then the coalitions they touch
    are summarised again. A chunk saved marks its documents derived, so an interrupted
    derivation resumes where it stopped (`derive_pending`).
    """
    summary, touched = _derive_chunks(store, doc_ids, lexicon, chunk_size, nlp)
    summary.coalitions = refresh_coalitions(store, touched)
    return summary


def _derive_chunks(store: Store, doc_ids: Iterable[str], lexicon: Lexicon | None,
                   chunk_size: int, nlp: Language | None) -> tuple[DeriveSummary, set[str]]:
    """Derive the documents chunk by chunk; returns what was done and the coalitions touched."""
    lexicon = lexicon or default_lexicon()
    summary = DeriveSummary()
    touched = set(store.prune_derived())
    doc_ids = list(dict.fromkeys(doc_ids))
    for start in range(0, len(doc_ids), chunk_size):
        with store.session():
            hashes = store.document_hashes(doc_ids[start:start + chunk_size])
            contexts = [ctx for doc_id in hashes if (ctx := load_context(store, doc_id))]
        reading = _read_contexts(contexts, lexicon, nlp)
        touched.update(store.save_derived(hashes, reading.positions, reading.memberships,
                                          reading.contributions))
        summary.documents += len(hashes)
        summary.positions += len(reading.positions)
        summary.memberships += len(reading.memberships)
        summary.contributions += len(reading.contributions)
    return summary, touched


def derive_pending(store: Store, lexicon: Lexicon | None = None,
                   *, chunk_size: int = DERIVE_CHUNK_DOCUMENTS, nlp: Language | None = None
                   ) -> DeriveSummary:
    """Derive every stored document not read yet (or re-coded since), then summarise every
    coalition again (not only those touched now), so a derivation interrupted between its
    steps still converges."""
    summary, _ = _derive_chunks(store, store.underived_doc_ids(), lexicon, chunk_size, nlp)
    summary.coalitions = refresh_coalitions(store, store.coalition_ids())
    return summary


def derive(store: Store, event_ids: Sequence[str], lexicon: Lexicon | None = None,
           *, nlp: Language | None = None) -> DeriveSummary:
    """Bring positions and coalitions up to date after documents were saved: call at the
    end of ingest with the ids of the events saved. Their documents are read again."""
    doc_ids = dict.fromkeys(event.doc_id for event in store.get_events(event_ids))
    return derive_documents(store, doc_ids, lexicon, nlp=nlp)


def derive_store(store: Store, lexicon: Lexicon | None = None, *, nlp: Language | None = None
                 ) -> DeriveSummary:
    """Drop every derived row and read every stored document again."""
    store.clear_derived()
    return derive_documents(store, store.document_hashes(), lexicon, nlp=nlp)
