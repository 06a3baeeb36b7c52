"""Redshank's Python API: what the CLI (and later the HTTP API) call.

    from redshank.api import code_texts, dyads, events, ingest, recode
    summary = ingest(["articles/"], store=open_store("events.duckdb"))
    summary = recode(store=open_store("events.duckdb"), since=date(2014, 1, 1))
    for result in code_texts(["Iraq asked the United States to bomb militants."]): ...
    frame = events("events.duckdb", actor="USA", event="REJECT", since="2014")

`events`, `clusters` and `dyads` return pandas DataFrames and `explain` says why an event
was coded (redshank/frames.py); their filters are those of redshank/query.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TextIO

from redshank.errors import ConfigError, IngestInterrupted, StoreError
from redshank.frames import clusters, dyad_counts, dyads, events, explain
from redshank.ingest import read_inputs
from redshank.link import LinkSummary, link_store
from redshank.link.records import LinkSettings, link_record
from redshank.model import Document, DocumentResult, Event, Failure, RunCounts
from redshank.pipeline import Pipeline
from redshank.positions import DeriveSummary, derive_pending, save_readings
from redshank.query import EXCLUDED_AUXILIARIES, EventQuery
from redshank.store import Store
from redshank.version import CODER_VERSION
from redshank.when import TemporalExpression, temporal_expressions_of_text

DEFAULT_MAX_DOC_BYTES = 2_000_000
LINK_SETTINGS = LinkSettings()

__all__ = ["EventChanges", "IngestSummary", "clusters", "code_documents", "code_texts",
           "dyad_counts", "dyads", "events", "explain", "ingest", "recode",
           "temporal_expressions"]


@dataclass(slots=True)
class EventChanges:
    """How re-coding changed the events of the stored documents it coded again: events
    that came out with the same id are kept (`relinked` of them changed what linking
    reads, so they left their cluster and were linked again), new ids are added, ids no
    longer found are removed (and leave their clusters)."""

    documents: int = 0
    kept: int = 0
    relinked: int = 0
    added: int = 0
    removed: int = 0


@dataclass(slots=True)
class IngestSummary:
    """What an ingest or recode run did; `hidden` counts the stored events that are
    negated, hypothetical or future, which queries leave out unless asked for all;
    `recoded` what re-coding stored documents changed."""

    run_id: str
    documents: int = 0
    skipped: int = 0
    sentences: int = 0
    events: int = 0
    hidden: int = 0
    failures: list[Failure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    links: LinkSummary | None = None
    positions: DeriveSummary | None = None
    recoded: EventChanges = field(default_factory=EventChanges)


def _documents(inputs: Sequence[str], failures: list[Failure], stdin: TextIO | None,
               **reading: Any) -> Iterator[Document]:
    """The usable documents of `inputs`; the unusable ones go to `failures`."""
    for item in read_inputs(inputs, stdin=stdin, **reading):
        if isinstance(item, Failure):
            failures.append(item)
        else:
            yield item


def code_documents(
    inputs: Sequence[str],
    *,
    pipeline: Pipeline | None = None,
    published: date | None = None,
    source: str | None = None,
    max_doc_bytes: int = DEFAULT_MAX_DOC_BYTES,
    allow_outside_paths: bool = False,
    stdin: TextIO | None = None,
) -> Iterator[DocumentResult]:
    """Code the documents named by `inputs` without storing them; failures come as results.

    Reading options are those of `redshank.ingest.read_inputs`.
    """
    pipeline = pipeline or Pipeline.load()
    failures: list[Failure] = []
    documents = _documents(inputs, failures, stdin, published=published, source=source,
                           max_doc_bytes=max_doc_bytes, allow_outside_paths=allow_outside_paths)
    for result in pipeline.run(documents):
        yield from _drain(failures)
        yield result
    yield from _drain(failures)


def code_texts(texts: Iterable[str], *, published: date | None = None,
               pipeline: Pipeline | None = None) -> Iterator[DocumentResult]:
    """Code raw texts (ids text-1, text-2, ...): the quickest way in from Python."""
    pipeline = pipeline or Pipeline.load()
    documents = (Document(id=f"text-{n}", text=text, published=published)
                 for n, text in enumerate(texts, start=1))
    yield from pipeline.run(documents)


def temporal_expressions(text: str, published: date | None = None) -> list[TemporalExpression]:
    """Every temporal expression of a text with its TIMEX3 type, value and character span.

    Relative expressions resolve against `published` (or a dateline at the top of the
    text); see docs/dates.md, "Temporal expressions".
    """
    return temporal_expressions_of_text(text, published)


def _drain(failures: list[Failure]) -> Iterator[DocumentResult]:
    while failures:
        failure = failures.pop(0)
        document = Document(id=failure.doc_id or "", text="", path=failure.path)
        yield DocumentResult(document=document, failures=[failure])


def ingest(
    inputs: Sequence[str],
    *,
    store: Store,
    pipeline: Pipeline | None = None,
    published: date | None = None,
    source: str | None = None,
    max_doc_bytes: int = DEFAULT_MAX_DOC_BYTES,
    allow_outside_paths: bool = False,
    stdin: TextIO | None = None,
    on_result: Callable[[DocumentResult], None] | None = None,
    recode: bool = False,
) -> IngestSummary:
    """Code the inputs and store documents, sentences, actors, events and failures, then
    link and derive everything stored that is not linked or derived yet.

    Documents whose exact text is already stored are skipped (`recode`: coded again and
    their events replaced), so ingesting the same input twice adds nothing, and re-running
    an interrupted ingest finishes it. Results are committed a batch at a time; the
    database is held only while a batch is written. Any exception marks the run
    interrupted; Ctrl-C becomes `IngestInterrupted`, which says what was saved.
    """
    pipeline = pipeline or Pipeline.load()
    with store.session():
        store.close_stale_runs()
        run_id = store.start_run(list(inputs), CODER_VERSION)
        stored = set(store.document_hashes().values())
    summary = IngestSummary(run_id=run_id)
    failures: list[Failure] = []

    def unseen() -> Iterator[Document]:
        for document in _documents(inputs, failures, stdin, published=published, source=source,
                                   max_doc_bytes=max_doc_bytes,
                                   allow_outside_paths=allow_outside_paths):
            if document.content_hash in stored and not recode:
                summary.skipped += 1
                continue
            yield document

    return _code_and_store(store, pipeline, unseen(), summary, failures, stored,
                           recode=recode, on_result=on_result)


def recode(
    *,
    store: Store,
    pipeline: Pipeline | None = None,
    doc_ids: Sequence[str] = (),
    since: date | None = None,
    until: date | None = None,
    on_result: Callable[[DocumentResult], None] | None = None,
) -> IngestSummary:
    """Code stored documents again from their stored text and metadata (those in
    `doc_ids`, else all, published from `since` to `until`) and replace their sentences,
    actors and events, then bring clusters, positions and coalitions up to date.

    An event that comes out with the same id keeps its id and its cluster; one that is no
    longer found leaves its cluster. Batches commit as in `ingest`: an interrupted recode
    leaves every document either as it was or re-coded, and running it again finishes the
    work (so does `redshank link` for the clusters and positions).
    """
    pipeline = pipeline or Pipeline.load()
    selected = store.select_documents(doc_ids, since, until)
    missing = sorted(set(doc_ids) - set(store.select_documents(doc_ids)))
    if missing:
        raise ConfigError(f"{store.target}: no stored document {', '.join(map(repr, missing))};"
                          " list ids with 'redshank events --format jsonl'")
    bounds = [f"--{name} {value}" for name, value in (("since", since), ("until", until))
              if value is not None]
    with store.session():
        store.close_stale_runs()
        run_id = store.start_run(["recode", *(f"--doc {i}" for i in doc_ids), *bounds],
                                 CODER_VERSION)
        stored = set(store.document_hashes().values())

    def documents() -> Iterator[Document]:
        for start in range(0, len(selected), pipeline.batch_size):
            with store.session():
                found = [store.get_document(i) for i in selected[start:start + pipeline.batch_size]]
            yield from (document for document in found if document is not None)

    return _code_and_store(store, pipeline, documents(), IngestSummary(run_id=run_id), [],
                           stored, recode=True, on_result=on_result)


def _code_and_store(store: Store, pipeline: Pipeline, documents: Iterable[Document],
                    summary: IngestSummary, failures: list[Failure], stored: set[str], *,
                    recode: bool, on_result: Callable[[DocumentResult], None] | None
                    ) -> IngestSummary:
    """Code documents, commit their results a batch at a time (a batch per worker process
    when several code: each commit costs the writer a connection and a checkpoint, CPU the
    workers would otherwise have), then link and derive."""
    pending: list[DocumentResult] = []
    commit_every = pipeline.batch_size * max(1, pipeline.workers)
    try:
        for result in pipeline.run(documents):
            pending.append(result)
            if len(pending) >= commit_every:
                _commit(store, pending, failures, summary, stored, recode)
            if on_result:
                on_result(result)
        _commit(store, pending, failures, summary, stored, recode)
        # Everything not linked or derived yet: this run's and what an interrupted run left.
        summary.links = link_store(store)
        summary.positions = (summary.positions or DeriveSummary()) + derive_pending(store)
    except BaseException as error:
        _end_run(store, summary, "interrupted", error)
        if isinstance(error, KeyboardInterrupt):
            raise IngestInterrupted(summary.run_id, summary.documents,
                                    recode=recode) from error
        raise
    _end_run(store, summary, "complete")
    return summary


def _commit(store: Store, pending: list[DocumentResult], failures: list[Failure],
            summary: IngestSummary, stored: set[str], recode: bool) -> None:
    """Save the pending results in one transaction, record the failures and save the
    readings (positions, coalitions) the pipeline carried on the documents saved, all on
    one connection; then forget them."""
    with store.session():
        _save_batch(store, pending, failures, summary, stored, recode)
    pending.clear()
    failures.clear()


def _save_batch(store: Store, pending: list[DocumentResult], failures: list[Failure],
                summary: IngestSummary, stored: set[str], recode: bool) -> None:
    coded = [result for result in pending if not result.failures]
    before = _stored_events(store, coded) if recode else {}
    unlink = [event_id for result in coded
              for event_id in _changed(before.get(result.document.id, {}), result.events)]
    saved = store.save_results(coded, summary.run_id, unlink=unlink)
    for result in pending:
        summary.failures.extend(result.failures)
        for failure in result.failures:
            store.record_failure(failure, summary.run_id)
    for failure in failures:
        store.record_failure(failure, summary.run_id)
        summary.failures.append(failure)
    done: list[DocumentResult] = []
    for result, ok in zip(coded, saved, strict=True):
        if not ok:
            summary.skipped += 1
            continue
        if result.document.content_hash in stored:
            _count_changes(summary.recoded, before.get(result.document.id, {}), result.events)
        done.append(result)
        stored.add(result.document.content_hash)
        summary.warnings.extend(result.document.warnings)
        summary.documents += 1
        summary.sentences += len(result.sentences)
        summary.events += len(result.events)
        summary.hidden += sum(e.auxiliary in EXCLUDED_AUXILIARIES for e in result.events)
    if done:
        read = save_readings(store, done)
        summary.positions = (summary.positions or DeriveSummary()) + read


def _stored_events(store: Store, results: Sequence[DocumentResult]) -> dict[str, dict[str, Event]]:
    """doc_id -> event_id -> stored event, for the documents of `results`."""
    doc_ids = tuple(dict.fromkeys(result.document.id for result in results))
    found: dict[str, dict[str, Event]] = {}
    if doc_ids:
        for event in store.query_events(EventQuery(doc_ids=doc_ids, include_all=True)):
            found.setdefault(event.doc_id, {})[event.event_id] = event
    return found


def _changed(before: dict[str, Event], after: Sequence[Event]) -> list[str]:
    """Ids of the events coded again with the same id whose link record changed."""
    return [event.event_id for event in after if event.event_id in before
            and link_record(before[event.event_id], LINK_SETTINGS)
            != link_record(event, LINK_SETTINGS)]


def _count_changes(changes: EventChanges, before: dict[str, Event], after: Sequence[Event]
                   ) -> None:
    ids = {event.event_id for event in after}
    changes.documents += 1
    changes.kept += len(ids & before.keys())
    changes.relinked += len(_changed(before, after))
    changes.added += len(ids - before.keys())
    changes.removed += len(before.keys() - ids)


def _end_run(store: Store, summary: IngestSummary, status: str,
             error: BaseException | None = None) -> None:
    counts = RunCounts(documents=summary.documents, skipped=summary.skipped,
                       events=summary.events, failures=len(summary.failures))
    try:
        store.finish_run(summary.run_id, counts, status=status)
    except StoreError as exc:
        if error is None:
            raise
        error.add_note(f"run {summary.run_id} could not be marked {status}: {exc}")
