"""Derive positions and coalitions, in memory or into a store.

`read_events` reads events (built by hand or loaded) without a store; `coalitions_from`
turns its memberships and contributions into coalitions. `derive_pending(store)` is what
ingest and `redshank link` call: it reads every stored document not derived yet (this
run's, and any an interrupted run left), replaces their derived rows and re-summarises the
coalitions. `derive(store, event_ids)` re-reads the documents of some events;
`derive_store` does every stored document (after changing the lexicons).

Ingest reads each document on the pipeline's own records (`read_result`, a pure function
of one `DocumentResult`) and saves the readings with the document (`save_readings`), so
`derive_pending` at its end finds nothing left to load back from the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import astuple, dataclass, field

from redshank.model import (
    Actor,
    Contribution,
    Document,
    DocumentResult,
    Event,
    Membership,
    Position,
    Sentence,
)
from redshank.positions.coalitions import (
    Coalition,
    build_coalition,
    find_contributions,
    find_memberships,
    summarize,
)
from redshank.positions.context import DocContext
from redshank.positions.lexicon import Lexicon, default_lexicon
from redshank.positions.reading import positions_of, read_document
from redshank.store.base import EventQuery, Store

DERIVE_CHUNK_DOCUMENTS = 64


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


def read_context(ctx: DocContext, lexicon: Lexicon | None = None) -> DocumentReading:
    """Positions, memberships and contributions of one document."""
    lexicon = lexicon or default_lexicon()
    readings = read_document(ctx, lexicon)
    memberships = find_memberships(ctx, lexicon)
    return DocumentReading(positions=positions_of(readings), memberships=memberships,
                           contributions=find_contributions(ctx, readings, memberships,
                                                            lexicon))


def read_result(result: DocumentResult, lexicon: Lexicon | None = None) -> DocumentReading:
    """The reading of a freshly coded document from the pipeline's records: the same one
    `derive_pending` makes from what `Store.save_result` stores of it."""
    if result.failures or (not result.events and not result.sentences):
        return DocumentReading()
    return read_context(DocContext.build(result.events, result.document, result.sentences,
                                         result.actors), lexicon)


def save_readings(store: Store, results: Sequence[DocumentResult],
                  lexicon: Lexicon | None = None) -> DeriveSummary:
    """Read stored results on their records and save the readings, marking the documents
    derived from their text (coalitions are summarised by `derive_pending`)."""
    lexicon = lexicon or default_lexicon()
    reading = DocumentReading()
    for result in results:
        reading.extend(read_result(result, lexicon))
    store.save_derived({r.document.id: r.document.content_hash for r in results},
                       reading.positions, reading.memberships, reading.contributions)
    return DeriveSummary(documents=len(results), positions=len(reading.positions),
                         memberships=len(reading.memberships),
                         contributions=len(reading.contributions))


def read_events(events: Sequence[Event], *, lexicon: Lexicon | None = None,
                documents: Sequence[Document] = (), sentences: Sequence[Sentence] = (),
                mentions: dict[str, list[Actor]] | None = None) -> DocumentReading:
    """Read events in memory, document by document (no store, no spaCy).

    Documents, sentences and actor mentions are optional: by default each event's own
    sentence and actors stand for them.
    """
    by_doc: dict[str, list[Event]] = {}
    for event in events:
        by_doc.setdefault(event.doc_id, []).append(event)
    docs = {d.id: d for d in documents}
    reading = DocumentReading()
    for doc_id, doc_events in by_doc.items():
        ctx = DocContext.build(doc_events, docs.get(doc_id),
                               [s for s in sentences if s.doc_id == doc_id],
                               (mentions or {}).get(doc_id))
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
                     *, chunk_size: int = DERIVE_CHUNK_DOCUMENTS) -> DeriveSummary:
    """Re-read stored documents and replace their positions, memberships and contributions.

    Documents are read and saved a chunk at a time (each chunk in its own transaction,
    the database held only while it is read and written), then the coalitions they touch
    are summarised again. A chunk saved marks its documents derived, so an interrupted
    derivation resumes where it stopped (`derive_pending`).
    """
    summary, touched = _derive_chunks(store, doc_ids, lexicon, chunk_size)
    summary.coalitions = refresh_coalitions(store, touched)
    return summary


def _derive_chunks(store: Store, doc_ids: Iterable[str], lexicon: Lexicon | None,
                   chunk_size: int) -> tuple[DeriveSummary, set[str]]:
    """Derive the documents chunk by chunk; returns what was done and the coalitions touched."""
    lexicon = lexicon or default_lexicon()
    summary = DeriveSummary()
    touched = set(store.prune_derived())
    doc_ids = list(dict.fromkeys(doc_ids))
    for start in range(0, len(doc_ids), chunk_size):
        with store.session():
            hashes = store.document_hashes(doc_ids[start:start + chunk_size])
            contexts = [ctx for doc_id in hashes if (ctx := load_context(store, doc_id))]
        reading = DocumentReading()
        for ctx in contexts:
            reading.extend(read_context(ctx, lexicon))
        touched.update(store.save_derived(hashes, reading.positions, reading.memberships,
                                          reading.contributions))
        summary.documents += len(hashes)
        summary.positions += len(reading.positions)
        summary.memberships += len(reading.memberships)
        summary.contributions += len(reading.contributions)
    return summary, touched


def derive_pending(store: Store, lexicon: Lexicon | None = None,
                   *, chunk_size: int = DERIVE_CHUNK_DOCUMENTS) -> DeriveSummary:
    """Derive every stored document not read yet (or re-coded since), then summarise every
    coalition again (not only those touched now), so a derivation interrupted between its
    steps still converges."""
    summary, _ = _derive_chunks(store, store.underived_doc_ids(), lexicon, chunk_size)
    summary.coalitions = refresh_coalitions(store, store.coalition_ids())
    return summary


def derive(store: Store, event_ids: Sequence[str], lexicon: Lexicon | None = None
           ) -> DeriveSummary:
    """Bring positions and coalitions up to date after documents were saved: call at the
    end of ingest with the ids of the events saved. Their documents are read again."""
    doc_ids = dict.fromkeys(event.doc_id for event in store.get_events(event_ids))
    return derive_documents(store, doc_ids, lexicon)


def derive_store(store: Store, lexicon: Lexicon | None = None) -> DeriveSummary:
    """Drop every derived row and read every stored document again."""
    store.clear_derived()
    return derive_documents(store, store.document_hashes(), lexicon)
