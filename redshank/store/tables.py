"""The tables that keep one record each, their columns derived from the record's fields.

A field is a column typed after its Python type (`SQL_TYPES`), NOT NULL unless it is
`X | None`, unless its metadata says otherwise (redshank/model/columns.py). A table adds
the columns that are not fields (`extra`: the run that wrote a row, the JSON `record`,
query columns computed from nested records) and its primary key. `order` is the column
order of schema version 3; record columns it does not name (a field added to a record)
follow at the end, where `ALTER TABLE ... ADD COLUMN` puts them in an older database.

    runs                     Run (its RunCounts as four columns)
    documents                Document
    sentences                Sentence
    actor_mentions           Actor, numbered within its document
    events                   Event (the full record as JSON in `record`)
    failures                 Failure
    clusters                 Cluster (its members in cluster_members)
    cluster_members          ClusterMember
    positions                Position
    coalitions               CoalitionSummary
    coalition_members        Membership
    coalition_contributions  Contribution

The other tables are not one record and stay hand-written in schema.py: schema_version,
event_actors (an event's actors by role and position), cluster_aliases, link_blocks and
derived_documents.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any, get_args, get_origin, get_type_hints

from redshank.errors import StoreError
from redshank.model import (
    Actor,
    Cluster,
    ClusterMember,
    CoalitionSummary,
    Contribution,
    Document,
    Event,
    Failure,
    Membership,
    Position,
    Run,
    Sentence,
)
from redshank.model.columns import column_info

SQL_TYPES: dict[type, str] = {str: "TEXT", int: "INTEGER", float: "DOUBLE PRECISION",
                              bool: "BOOLEAN", date: "DATE", datetime: "TIMESTAMP"}


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a table: its name, SQL type and constraints."""

    name: str
    sql_type: str
    not_null: bool = True
    unique: bool = False

    def declaration(self, key: bool = False) -> str:
        """The column's line in CREATE TABLE (`key`: the table's one-column primary key)."""
        constraints = (" PRIMARY KEY" if key else " NOT NULL" * self.not_null
                       + " UNIQUE" * self.unique)
        return f"{self.name} {self.sql_type}{constraints}"


def text(name: str, *, not_null: bool = True, unique: bool = False) -> Column:
    """A TEXT column that is not a field."""
    return Column(name, "TEXT", not_null=not_null, unique=unique)


@dataclass(frozen=True, slots=True)
class RecordTable:
    """A table that keeps one record per row (see the module docstring)."""

    name: str
    record: type
    key: tuple[str, ...]
    order: tuple[str, ...]
    extra: tuple[Column, ...] = ()

    @property
    def columns(self) -> tuple[Column, ...]:
        """Every column, in table order."""
        return _columns(self)

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)

    def create_sql(self) -> str:
        """The CREATE TABLE statement of this table."""
        single = self.key[0] if len(self.key) == 1 else None
        lines = [column.declaration(key=column.name == single) for column in self.columns]
        if single is None:
            lines.append(f"PRIMARY KEY ({', '.join(self.key)})")
        body = ",\n".join(f"    {line}" for line in lines)
        return f"CREATE TABLE IF NOT EXISTS {self.name} (\n{body}\n)"


def record_columns(record: type) -> list[Column]:
    """The columns a record's fields make, in field order (see the module docstring)."""
    hints = get_type_hints(record)
    found: list[Column] = []
    for field in dataclasses.fields(record):
        info = column_info(field.metadata)
        if not info.stored:
            continue
        base, optional = _unwrap(hints[field.name])
        not_null = not optional if info.nullable is None else not info.nullable
        if info.parts:
            inner = record_columns(base)
            if len(inner) != len(info.parts):
                raise StoreError(f"{record.__name__}.{field.name}: {len(info.parts)} column "
                                 f"names for the {len(inner)} fields of {base.__name__}")
            found.extend(Column(name, part.sql_type, not_null=not_null and part.not_null)
                         for name, part in zip(info.parts, inner, strict=True))
        elif info.text or base in SQL_TYPES:
            found.append(Column(info.name or field.name, "TEXT" if info.text else SQL_TYPES[base],
                                not_null=not_null))
        else:
            raise StoreError(
                f"{record.__name__}.{field.name}: no SQL type for {hints[field.name]!r}; give "
                "the field metadata=NO_COLUMN (kept in the JSON record) or column(text=True) "
                "(redshank/model/columns.py)")
    return found


@cache
def _columns(table: RecordTable) -> tuple[Column, ...]:
    by_name = {column.name: column for column in (*record_columns(table.record), *table.extra)}
    unknown = [name for name in table.order if name not in by_name]
    if unknown or len(by_name) != len(record_columns(table.record)) + len(table.extra):
        raise StoreError(f"table {table.name}: columns {unknown} are neither fields of "
                         f"{table.record.__name__} nor extra columns, or a name is repeated")
    missing = [name for name in table.key if name not in by_name]
    if missing:
        raise StoreError(f"table {table.name}: key columns {missing} do not exist")
    ordered = [by_name[name] for name in table.order]
    return (*ordered, *(column for name, column in by_name.items() if name not in table.order))


def _unwrap(hint: Any) -> tuple[Any, bool]:
    """The type inside `X | None` (and whether None was allowed); a Literal of strings is str."""
    optional = False
    if get_origin(hint) in (types.UnionType, typing.Union):
        optional = type(None) in get_args(hint)
        hint = next(arg for arg in get_args(hint) if arg is not type(None))
    if get_origin(hint) is typing.Literal:
        hint = type(get_args(hint)[0])
    return hint, optional


_RUN = text("run_id")
_RECORD = text("record")
_DOC_HASH = text("doc_hash")
_UPDATED_AT = Column("updated_at", "TIMESTAMP")

RECORD_TABLES: tuple[RecordTable, ...] = (
    RecordTable(
        "runs", Run, key=("run_id",),
        order=("run_id", "started_at", "finished_at", "inputs", "coder_version", "status",
               "pid", "host", "documents", "skipped", "events", "failures"),
    ),
    RecordTable(
        "documents", Document, key=("doc_id",),
        order=("doc_id", "content_hash", "title", "published", "published_from", "source",
               "url", "path", "text", "run_id", "warnings"),
        extra=(text("content_hash", unique=True), _RUN),
    ),
    RecordTable(
        "sentences", Sentence, key=("doc_id", "sentence_index"),
        order=("doc_id", "sentence_index", "paragraph", "start_char", "end_char", "text"),
    ),
    RecordTable(
        "actor_mentions", Actor, key=("doc_id", "mention_index"),
        order=("doc_id", "mention_index", "actor_id", "name", "code", "country", "sector",
               "type", "text", "start_char", "end_char", "entries", "country_from"),
        extra=(text("doc_id"), Column("mention_index", "INTEGER")),
    ),
    RecordTable(
        "events", Event, key=("event_id",),
        order=("event_id", "doc_id", "sentence_index", "event", "mode", "cameo", "quad",
               "intensity", "date", "date_start", "date_end", "date_precision", "auxiliary",
               "actor_inferred", "actor_codes", "actor_countries", "actor_names",
               "recipient_codes", "recipient_countries", "recipient_names", "published",
               "coder_version", "run_id", "record"),
        extra=(*(text(f"{role}_{part}", not_null=False) for role in ("actor", "recipient")
                 for part in ("codes", "countries", "names")), _RUN, _RECORD),
    ),
    RecordTable(
        "failures", Failure, key=("failure_id",),
        order=("failure_id", "run_id", "doc_id", "stage", "message", "path", "line",
               "recorded_at"),
        extra=(text("failure_id"), _RUN, Column("recorded_at", "TIMESTAMP")),
    ),
    RecordTable(
        "clusters", Cluster, key=("cluster_id",),
        order=("cluster_id", "event", "mode", "auxiliary", "date_start", "date_end",
               "actor_codes", "actor_countries", "recipient_codes", "recipient_countries",
               "location", "reports", "events", "first_published", "last_published",
               "linker_version", "updated_at"),
        extra=(Column("events", "INTEGER"), _UPDATED_AT),
    ),
    RecordTable(
        "cluster_members", ClusterMember, key=("event_id",),
        order=("event_id", "cluster_id", "doc_id", "sentence_index", "published", "linked_to",
               "reason"),
        extra=(text("cluster_id"),),
    ),
    RecordTable(
        "positions", Position, key=("position_id",),
        order=("position_id", "holder", "holder_name", "topic", "stance", "date_start",
               "date_end", "speaker_id", "speaker_name", "doc_id", "doc_hash",
               "sentence_index", "published", "deriver_version", "record"),
        extra=(text("speaker_id", not_null=False), text("speaker_name", not_null=False),
               _DOC_HASH, _RECORD),
    ),
    RecordTable(
        "coalitions", CoalitionSummary, key=("coalition_id",),
        order=("coalition_id", "name", "adversary", "adversary_code", "adversary_name",
               "adversary_aliases", "labels", "leaders", "members", "member_count",
               "first_date", "last_date", "deriver_version", "updated_at", "record"),
        extra=(*(text(name, not_null=False) for name in (
                   "adversary", "adversary_code", "adversary_name", "adversary_aliases")),
               Column("member_count", "INTEGER"), _UPDATED_AT, _RECORD),
    ),
    RecordTable(
        "coalition_members", Membership, key=("membership_id",),
        order=("membership_id", "coalition_id", "member", "role", "doc_id", "doc_hash",
               "sentence_index", "date_start", "event_id", "record"),
        extra=(_DOC_HASH, _RECORD),
    ),
    RecordTable(
        "coalition_contributions", Contribution, key=("contribution_id",),
        order=("contribution_id", "coalition_id", "actor", "kind", "status", "doc_id",
               "doc_hash", "sentence_index", "date_start", "record"),
        extra=(_DOC_HASH, _RECORD),
    ),
)


def record_table(name: str) -> RecordTable:
    """The record table called `name`."""
    for table in RECORD_TABLES:
        if table.name == name:
            return table
    raise StoreError(f"no record table {name!r}; record tables: "
                     f"{', '.join(t.name for t in RECORD_TABLES)}")
