"""Redshank's own records as JSON Lines or Parquet (formats `jsonl`, `parquet`).

    DIR/events.jsonl    Event.to_json() plus cluster_id and the document's url, title and
                        publisher, one event a line
    DIR/clusters.jsonl  Cluster.to_json(): the summary and every member with provenance,
                        each member with its document's url, title and publisher
    DIR/positions.jsonl, coalitions.jsonl, coalition_contributions.jsonl
                        positions and coalitions (redshank/export/derived.py)

Parquet files have the same records and nested structure, written by DuckDB (offline)
with a fixed schema, so every export has the same column types whatever the data (dates
are DATE in every file); a field the schema does not know yet is kept as a JSON column.
`EVENT_SCHEMA` and `CLUSTER_SCHEMA` are read off the `Event` and `Cluster` records.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal

import duckdb

from redshank.errors import ConfigError, StoreError
from redshank.export.derived import DERIVED_EXPORTS
from redshank.export.fields import duckdb_schema, struct
from redshank.export.selection import load_sources
from redshank.model import Cluster, ClusterMember, Event
from redshank.store.base import ClusterQuery, EventQuery, Store
from redshank.store.duckdb import CONNECT_CONFIG

RecordFormat = Literal["jsonl", "parquet"]
RECORD_FORMATS: tuple[RecordFormat, ...] = ("jsonl", "parquet")

EVENT_SCHEMA: dict[str, str] = duckdb_schema(Event)
SOURCE_FIELDS: dict[str, str] = {"url": "VARCHAR", "title": "VARCHAR", "publisher": "VARCHAR"}
EXPORTED_EVENT_SCHEMA: dict[str, str] = {**EVENT_SCHEMA, "cluster_id": "VARCHAR",
                                         **SOURCE_FIELDS}
CLUSTER_SCHEMA: dict[str, str] = {
    **duckdb_schema(Cluster),
    "members": struct({**duckdb_schema(ClusterMember), **SOURCE_FIELDS}) + "[]",
}


def event_records(store: Store, include_all: bool = False) -> Iterator[dict[str, Any]]:
    """Stored events as Event.to_json() plus cluster_id and the document's url, title and
    publisher; negated, hypothetical and future ones only with `include_all`."""
    yield from cited_events(store, store.query_events(EventQuery(include_all=include_all)))


def cited_events(store: Store, events: Sequence[Event]) -> list[dict[str, Any]]:
    """Each event as Event.to_json() plus its cluster_id and its document's url, title and
    publisher."""
    clusters = store.cluster_ids_of([event.event_id for event in events])
    sources = load_sources(store, (event.doc_id for event in events))
    records = []
    for event in events:
        source = sources[event.doc_id]
        records.append(event.to_json() | {
            "cluster_id": clusters.get(event.event_id), "url": source.url,
            "title": source.title, "publisher": source.publisher})
    return records


def cluster_records(store: Store, include_all: bool = False) -> Iterator[dict[str, Any]]:
    """Stored clusters as Cluster.to_json(), each member with its document's url, title
    and publisher; clusters of negated, hypothetical or future reports only with
    `include_all`."""
    yield from cited_clusters(store, store.query_clusters(ClusterQuery(include_all=include_all)))


def cited_clusters(store: Store, clusters: Sequence[Cluster]) -> list[dict[str, Any]]:
    """Each cluster as Cluster.to_json(), each member with its document's url, title and
    publisher."""
    sources = load_sources(store, (m.doc_id for c in clusters for m in c.members))
    records = []
    for cluster in clusters:
        record = cluster.to_json()
        for member in record["members"]:
            source = sources[member["doc_id"]]
            member |= {"url": source.url, "title": source.title, "publisher": source.publisher}
        records.append(record)
    return records


def _write_jsonl(records: Iterable[dict[str, Any]], path: Path) -> tuple[int, set[str]]:
    count, keys = 0, set()
    try:
        with path.open("w", encoding="utf-8") as out:
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
                keys.update(record)
                count += 1
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write the export: {exc.strerror}") from exc
    return count, keys


def _to_parquet(source: Path, target: Path, schema: dict[str, str], keys: set[str]) -> None:
    columns = {**schema, **{key: "JSON" for key in sorted(keys - set(schema))}}
    spec = ", ".join(f"{_quote(name)}: '{kind}'" for name, kind in columns.items())
    sql = (f"COPY (SELECT * FROM read_json({_literal(source)}, format='newline_delimited',"
           f" columns={{{spec}}})) TO {_literal(target)} (FORMAT parquet)")
    try:
        with duckdb.connect(config=CONNECT_CONFIG) as connection:
            connection.execute(sql)
    except duckdb.Error as exc:
        raise StoreError(f"{target}: cannot write Parquet: {exc}") from exc


def _quote(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def write_records(store: Store, out: Path, fmt: RecordFormat,
                  include_all: bool = False) -> dict[str, int]:
    """Write events, clusters, positions and coalitions of `store` into `out` as JSON
    Lines or Parquet; returns the number of records written per file name."""
    counts: dict[str, int] = {}
    tables = (("events", event_records(store, include_all), EXPORTED_EVENT_SCHEMA),
              ("clusters", cluster_records(store, include_all), CLUSTER_SCHEMA),
              *((name, records(store), schema) for name, records, schema in DERIVED_EXPORTS))
    with tempfile.TemporaryDirectory(prefix="redshank-export-") as scratch:
        for name, records, schema in tables:
            jsonl = out / f"{name}.jsonl" if fmt == "jsonl" else Path(scratch) / f"{name}.jsonl"
            counts[name], keys = _write_jsonl(records, jsonl)
            if fmt == "parquet":
                _to_parquet(jsonl, out / f"{name}.parquet", schema, keys)
    return counts
