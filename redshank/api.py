"""Redshank's Python API: what the CLI (and later the HTTP API) call.

    from redshank.api import code_texts, dyads, events, ingest
    summary = ingest(["articles/"], store=open_store("events.duckdb"))
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

from redshank.errors import IngestInterrupted, StoreError
from redshank.frames import clusters, dyad_counts, dyads, events, explain
from redshank.ingest import read_inputs
from redshank.link import LinkSummary, link_store
from redshank.model import Document, DocumentResult, Failure
from redshank.pipeline import Pipeline
from redshank.positions import DeriveSummary, derive_pending, save_readings
from redshank.query import EXCLUDED_AUXILIARIES
from redshank.store import Store
from redshank.store.base import RunCounts
from redshank.version import CODER_VERSION
from redshank.when import TemporalExpression, temporal_expressions_of_text

DEFAULT_MAX_DOC_BYTES = 2_000_000

__all__ = ["IngestSummary", "clusters", "code_documents", "code_texts", "dyad_counts", "dyads",
           "events", "explain", "ingest", "temporal_expressions"]


@dataclass(slots=True)
class IngestSummary:
    """What an ingest run did; `hidden` counts the stored events that are negated,
    hypothetical or future, which queries leave out unless asked for all."""

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
) -> IngestSummary:
    """Code the inputs and store documents, sentences, actors, events and failures, then
    link and derive everything stored that is not linked or derived yet.

    Documents whose exact text is already stored are skipped, so ingesting the same input
    twice adds nothing, and re-running an interrupted ingest finishes it. Results are
    committed a batch at a time; the database is held only while a batch is written. Any
    exception marks the run interrupted; Ctrl-C becomes `IngestInterrupted`, which says
    what was saved.
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
            if document.content_hash in stored:
                summary.skipped += 1
                continue
            yield document

    pending: list[DocumentResult] = []
    try:
        for result in pipeline.run(unseen()):
            pending.append(result)
            if len(pending) >= pipeline.batch_size:
                _commit(store, pending, failures, run_id, summary, stored)
            if on_result:
                on_result(result)
        _commit(store, pending, failures, run_id, summary, stored)
        # Everything not linked or derived yet: this run's and what an interrupted run left.
        summary.links, summary.positions = link_store(store), derive_pending(store)
    except BaseException as error:
        _end_run(store, run_id, summary, "interrupted", error)
        if isinstance(error, KeyboardInterrupt):
            raise IngestInterrupted(summary.run_id, summary.documents) from error
        raise
    _end_run(store, run_id, summary, "complete")
    return summary


def _commit(store: Store, pending: list[DocumentResult], failures: list[Failure], run_id: str,
            summary: IngestSummary, stored: set[str]) -> None:
    """Write the pending results and input failures in one session, derive the positions
    of the documents saved (on their records, not read back), then forget them."""
    saved: list[DocumentResult] = []
    with store.session():
        for result in pending:
            summary.failures.extend(result.failures)
            if result.failures:
                for failure in result.failures:
                    store.record_failure(failure, run_id)
            elif not store.save_result(result, run_id):
                summary.skipped += 1
            else:
                saved.append(result)
                stored.add(result.document.content_hash)
                summary.warnings.extend(result.document.warnings)
                summary.documents += 1
                summary.sentences += len(result.sentences)
                summary.events += len(result.events)
                summary.hidden += sum(e.auxiliary in EXCLUDED_AUXILIARIES for e in result.events)
        for failure in failures:
            store.record_failure(failure, run_id)
            summary.failures.append(failure)
    if saved:
        save_readings(store, saved)
    pending.clear()
    failures.clear()


def _end_run(store: Store, run_id: str, summary: IngestSummary, status: str,
             error: BaseException | None = None) -> None:
    counts = RunCounts(documents=summary.documents, skipped=summary.skipped,
                       events=summary.events, failures=len(summary.failures))
    try:
        store.finish_run(run_id, counts, status=status)
    except StoreError as exc:
        if error is None:
            raise
        error.add_note(f"run {run_id} could not be marked {status}: {exc}")
