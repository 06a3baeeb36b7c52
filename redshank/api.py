"""Redshank's Python API: what the CLI (and later the HTTP API) call.

    from redshank.api import code_texts, ingest
    summary = ingest(["articles/"], store=open_store("events.duckdb"))
    for result in code_texts(["Iraq asked the United States to bomb militants."]): ...
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TextIO

from redshank.ingest import read_inputs
from redshank.link import LinkSummary, relink
from redshank.model import Document, DocumentResult, Failure
from redshank.pipeline import Pipeline
from redshank.positions import DeriveSummary, derive
from redshank.store import Store
from redshank.store.base import RunCounts
from redshank.version import CODER_VERSION

DEFAULT_MAX_DOC_BYTES = 2_000_000


@dataclass(slots=True)
class IngestSummary:
    """What an ingest run did."""

    run_id: str
    documents: int = 0
    skipped: int = 0
    sentences: int = 0
    events: int = 0
    failures: list[Failure] = field(default_factory=list)
    links: LinkSummary | None = None
    positions: DeriveSummary | None = None


def _documents(inputs: Sequence[str], failures: list[Failure], published: date | None,
               source: str | None, max_doc_bytes: int, stdin: TextIO | None
               ) -> Iterator[Document]:
    for item in read_inputs(inputs, published=published, source=source,
                            max_doc_bytes=max_doc_bytes, stdin=stdin):
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
    stdin: TextIO | None = None,
) -> Iterator[DocumentResult]:
    """Code the documents named by `inputs` without storing them; failures come as results."""
    pipeline = pipeline or Pipeline.load()
    failures: list[Failure] = []
    documents = _documents(inputs, failures, published, source, max_doc_bytes, stdin)
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
    stdin: TextIO | None = None,
    on_result: Callable[[DocumentResult], None] | None = None,
) -> IngestSummary:
    """Code the inputs and store documents, sentences, actors, events and failures.

    Documents whose exact text is already stored are skipped, so ingesting the same input
    twice adds nothing.
    """
    pipeline = pipeline or Pipeline.load()
    run_id = store.start_run(list(inputs), CODER_VERSION)
    summary = IngestSummary(run_id=run_id)
    failures: list[Failure] = []
    saved: list[str] = []

    def unseen() -> Iterator[Document]:
        for document in _documents(inputs, failures, published, source, max_doc_bytes, stdin):
            if store.has_content(document.content_hash):
                summary.skipped += 1
                continue
            yield document

    for result in pipeline.run(unseen()):
        summary.failures.extend(result.failures)
        if result.failures:
            for failure in result.failures:
                store.record_failure(failure, run_id)
        elif not store.save_result(result, run_id):
            summary.skipped += 1
        else:
            saved.extend(event.event_id for event in result.events)
            summary.documents += 1
            summary.sentences += len(result.sentences)
            summary.events += len(result.events)
        if on_result:
            on_result(result)
    for failure in failures:
        store.record_failure(failure, run_id)
        summary.failures.append(failure)
    summary.links = relink(store, saved)
    summary.positions = derive(store, saved)
    store.finish_run(run_id, RunCounts(documents=summary.documents, skipped=summary.skipped,
                                       events=summary.events, failures=len(summary.failures)))
    return summary
