"""Pure conversions between Redshank records and table rows (queries: store/filters.py).

SQL uses `?` placeholders; a backend whose driver wants another style translates them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from redshank.errors import StoreError
from redshank.model import Actor, Document, DocumentResult, Event, Failure, hash_record

Row = tuple[Any, ...]
LIST_SEPARATOR = "; "

DOCUMENT_COLUMNS = (
    "doc_id", "content_hash", "title", "published", "published_from", "source", "url", "path",
    "text", "run_id", "warnings",
)  # fmt: skip
SENTENCE_COLUMNS = ("doc_id", "sentence_index", "paragraph", "start_char", "end_char", "text")
ACTOR_MENTION_COLUMNS = (
    "doc_id", "mention_index", "actor_id", "name", "code", "country", "sector", "type", "text",
    "start_char", "end_char", "entries", "country_from",
)  # fmt: skip
EVENT_COLUMNS = (
    "event_id", "doc_id", "sentence_index", "event", "mode", "cameo", "quad", "intensity",
    "date", "date_start", "date_end", "date_precision", "auxiliary", "actor_inferred",
    "actor_codes", "actor_countries", "actor_names",
    "recipient_codes", "recipient_countries", "recipient_names",
    "published", "coder_version", "run_id", "record",
)  # fmt: skip
EVENT_ACTOR_COLUMNS = (
    "event_id", "role", "position", "actor_id", "code", "country", "name", "country_from",
)  # fmt: skip
FAILURE_COLUMNS = (
    "failure_id", "run_id", "doc_id", "stage", "message", "path", "line", "recorded_at",
)  # fmt: skip


def insert_sql(table: str, columns: Sequence[str]) -> str:
    """A plain INSERT of one row."""
    placeholders = ", ".join("?" for _ in columns)
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})"


def upsert_suffix(columns: Sequence[str], key: Sequence[str]) -> str:
    """The ON CONFLICT clause that makes an INSERT update every non-key column when the key
    already exists."""
    updates = ", ".join(f"{column} = excluded.{column}" for column in columns if column not in key)
    return f" ON CONFLICT ({', '.join(key)}) DO UPDATE SET {updates}"


def check_result(result: DocumentResult) -> None:
    """Reject a result whose sentences or events belong to another document."""
    doc_id = result.document.id
    for sentence in result.sentences:
        if sentence.doc_id != doc_id:
            raise StoreError(
                f"doc {doc_id!r}: sentence {sentence.index} is from doc {sentence.doc_id!r}"
            )
    for event in result.events:
        if event.doc_id != doc_id:
            raise StoreError(
                f"doc {doc_id!r}: event {event.event_id!r} is from doc {event.doc_id!r}"
            )


def document_row(document: Document, run_id: str) -> Row:
    """The documents row of a document."""
    return (
        document.id,
        document.content_hash,
        document.title,
        document.published,
        document.published_from,
        document.source,
        document.url,
        document.path,
        document.text,
        run_id,
        json.dumps(document.warnings, ensure_ascii=False) if document.warnings else None,
    )


def document_from_row(row: Row) -> Document:
    """A document rebuilt from a documents row (columns in DOCUMENT_COLUMNS order)."""
    return Document(
        id=row[0],
        title=row[2],
        published=row[3],
        published_from=row[4],
        source=row[5],
        url=row[6],
        path=row[7],
        text=row[8],
        warnings=json.loads(row[10]) if row[10] else [],
    )


def sentence_rows(result: DocumentResult) -> list[Row]:
    """The sentences rows of a result."""
    return [
        (s.doc_id, s.index, s.paragraph, s.span.start, s.span.end, s.text) for s in result.sentences
    ]


def actor_mention_rows(result: DocumentResult) -> list[Row]:
    """The actor_mentions rows of a result, numbered in the order the actors were found."""
    return [
        (
            result.document.id,
            index,
            actor.id,
            actor.name,
            actor.code,
            actor.country,
            actor.sector,
            actor.type,
            actor.text,
            actor.span.start,
            actor.span.end,
            json.dumps(actor.entries, ensure_ascii=False),
            actor.country_from,
        )
        for index, actor in enumerate(result.actors)
    ]


def unique_events(events: Sequence[Event]) -> list[Event]:
    """Events without repeated ids (the id is a content hash: a repeat is the same event)."""
    first: dict[str, Event] = {}
    for event in events:
        first.setdefault(event.event_id, event)
    return list(first.values())


def _joined(values: Sequence[str | None]) -> str | None:
    distinct = list(dict.fromkeys(value for value in values if value))
    return LIST_SEPARATOR.join(distinct) or None


def _actor_columns(actors: Sequence[Actor]) -> tuple[str | None, str | None, str | None]:
    return (
        _joined([actor.code for actor in actors]),
        _joined([actor.country for actor in actors]),
        _joined([actor.name for actor in actors]),
    )


def event_row(event: Event, run_id: str) -> Row:
    """The events row of an event: query columns plus the full record as JSON."""
    record = json.dumps(event.to_json(), ensure_ascii=False, sort_keys=True)
    return (
        event.event_id,
        event.doc_id,
        event.sentence_index,
        event.event,
        event.mode,
        event.cameo,
        event.quad,
        event.intensity,
        event.date,
        event.date_start,
        event.date_end,
        event.date_precision,
        event.auxiliary,
        event.actor_inferred,
        *_actor_columns(event.actor),
        *_actor_columns(event.recipient),
        event.published,
        event.coder_version,
        run_id,
        record,
    )


def event_from_record(record: str) -> Event:
    """An event rebuilt from the JSON in events.record."""
    return Event.from_json(json.loads(record))


def event_actor_rows(event: Event) -> list[Row]:
    """The event_actors rows of an event: one per actor and recipient, in order."""
    return [
        (event.event_id, role, position, actor.id, actor.code, actor.country, actor.name,
         actor.country_from)
        for role, actors in (("actor", event.actor), ("recipient", event.recipient))
        for position, actor in enumerate(actors)
    ]


def failure_row(failure: Failure, run_id: str, recorded_at: datetime) -> Row:
    """The failures row of a failure; its id is a hash of the run and the failure itself."""
    failure_id = hash_record(
        run_id, failure.doc_id, failure.stage, failure.message, failure.path, failure.line
    )
    return (
        failure_id,
        run_id,
        failure.doc_id,
        failure.stage,
        failure.message,
        failure.path,
        failure.line,
        recorded_at,
    )


def failure_from_row(row: Row) -> Failure:
    """A failure rebuilt from (doc_id, stage, message, path, line)."""
    return Failure(doc_id=row[0], stage=row[1], message=row[2], path=row[3], line=row[4])
