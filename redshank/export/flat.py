"""Flat CSV of events, its columns derived from the `Event` record (redshank/model/core.py).

    events.csv   one row per event (per cluster with --merged), comma-separated, header
    dtypes.json  how to read it back typed (redshank/export/tabular.py)

Each scalar field of `Event` is a column; a nested record (`location`, `evidence`,
`quote`, spans) gives one column per field, prefixed (`location_lat`, `evidence_trigger`);
a list of text (`context`) and a list of actors (`actor_name`, `actor_country`, ...) are
joined with "; ". Then the export's own columns: `id`, `cluster_id`, `reports`,
`date_first`, `date_last`, and the document's `url`, `title`, `publisher`, with every
report's event id, document and URL for merged rows.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, get_args, get_origin, get_type_hints

from redshank.export.catalog import CSV_FILE
from redshank.export.fields import unwrap
from redshank.export.selection import ExportEvent
from redshank.export.tabular import Column, Dtype, TableFile, write_table
from redshank.model import Event, format_day

FILE = CSV_FILE
JOIN = "; "
Getter = Callable[[Any], object]
# Days are written as ISO text ("2014-06-11") and read back as strings.
_SCALARS: dict[type, Dtype] = {str: "string", int: "Int64", float: "float64", bool: "boolean",
                               date: "string"}


def _columns(cls: type, prefix: str, joined: bool) -> Iterator[tuple[Column, Getter]]:
    """Columns of a dataclass's fields: scalars as they are, nested records flattened with
    a prefix, lists of text joined; `joined` when the record is an item of a list."""
    for field in dataclasses.fields(cls):
        hint, name = unwrap(get_type_hints(cls)[field.name]), f"{prefix}{field.name}"
        get = _getter(field.name)
        if hint in _SCALARS:
            yield Column(name, "string" if joined else _SCALARS[hint]), get
        elif dataclasses.is_dataclass(hint):
            for column, inner in _columns(hint, f"{name}_", joined):
                yield column, _then(get, inner)
        elif get_origin(hint) is list:
            item = unwrap(get_args(hint)[0])
            if item in _SCALARS and not joined:
                yield Column(name, "string"), _joined(get)
            elif dataclasses.is_dataclass(item) and not joined:
                for column, inner in _columns(item, f"{name}_", joined=True):
                    yield column, _each(get, inner)


def _getter(name: str) -> Getter:
    return lambda record: getattr(record, name) if record is not None else None


def _then(outer: Getter, inner: Getter) -> Getter:
    return lambda record: inner(outer(record))


def _joined(get: Getter) -> Getter:
    def value(record: Any) -> object:
        items = get(record)
        return JOIN.join(str(item) for item in items) if items else None
    return value


def _each(get: Getter, inner: Getter) -> Getter:
    def value(record: Any) -> object:
        items = get(record) or []
        parts = ["" if inner(item) is None else str(inner(item)) for item in items]
        return JOIN.join(parts) if any(parts) else None
    return value


@cache
def event_columns() -> tuple[tuple[Column, Getter], ...]:
    """The columns of `Event`, flattened, with how to read each from an event."""
    return tuple(_columns(Event, "", joined=False))


EXTRA_COLUMNS: tuple[tuple[Column, Callable[[ExportEvent], object]], ...] = (
    (Column("id", "string"), lambda item: item.id),
    (Column("cluster_id", "string"),
     lambda item: item.cluster.cluster_id if item.cluster else None),
    (Column("reports", "Int64"), lambda item: len(item.documents)),
    (Column("date_first", "string"), lambda item: format_day(item.date_range[0])),
    (Column("date_last", "string"), lambda item: format_day(item.date_range[1])),
    (Column("url", "string"), lambda item: item.source.url),
    (Column("title", "string"), lambda item: item.source.title),
    (Column("publisher", "string"), lambda item: item.source.publisher),
    (Column("report_event_ids", "string"),
     lambda item: JOIN.join(r.event.event_id for r in item.reports)),
    (Column("report_doc_ids", "string"), lambda item: JOIN.join(item.documents)),
    (Column("report_urls", "string"),
     lambda item: JOIN.join(dict.fromkeys(r.source.url for r in item.reports if r.source.url))
     or None),
)  # fmt: skip


def tables() -> tuple[TableFile, ...]:
    columns = tuple(column for column, _ in event_columns()) + tuple(
        column for column, _ in EXTRA_COLUMNS)
    return (TableFile(FILE, columns, delimiter=","),)


def write(exported: list[ExportEvent], out_dir: Path) -> list[Path]:
    """Write events.csv: one row per exported event."""
    rows = ([get(item.event) for _, get in event_columns()]
            + [get(item) for _, get in EXTRA_COLUMNS] for item in exported)
    return [write_table(out_dir, tables()[0], rows)]
