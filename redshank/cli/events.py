"""`redshank events` (list stored events or, with --merged, event clusters) and `redshank
explain` (why an event was coded, or why reports were merged)."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from dataclasses import replace
from typing import TextIO

from redshank.cli.common import db_flag, db_label, error, filter_flags, query_of, warn_absent
from redshank.cli.link import is_cluster_id, run_explain_cluster, write_clusters
from redshank.model import Event
from redshank.query import ClusterQuery
from redshank.store import require_existing as require_db
from redshank.tables import json_safe, terminal_safe, write_table

EVENTS_EXAMPLE = ("redshank events --actor USA --event REJECT,THREATEN --since 2014-06 "
                  "--format jsonl; redshank events --merged --near Baghdad --within 100")
EXPLAIN_EXAMPLE = "redshank explain 3f2a9c01d4e5b6a7"
TABLE_COLUMNS = ("event_id", "date", "precision", "actor", "event", "mode", "recipient",
                 "auxiliary", "doc_id", "trigger")


def configure(subparsers: argparse._SubParsersAction) -> None:
    """Add `events` and `explain` to a `redshank` sub-parser set."""
    text = "List stored events, or real-world events (clusters of reports) with --merged."
    events = subparsers.add_parser(
        "events", help=text, description=text + " Several values of one filter mean any "
        "of them; different filters must all match.", epilog=f"example: {EVENTS_EXAMPLE}")
    db_flag(events)
    filter_flags(events)
    events.add_argument("--format", choices=("table", "jsonl", "csv"), default="table")
    events.add_argument("--limit", type=int, help="at most this many events")
    events.set_defaults(handler=run_events)

    text = "Show why an event was coded, or why a cluster's reports were merged."
    explain = subparsers.add_parser("explain", help=text, description=text,
                                    epilog=f"example: {EXPLAIN_EXAMPLE}")
    db_flag(explain)
    explain.add_argument("event_id", metavar="EVENT_ID|CLUSTER_ID")
    explain.set_defaults(handler=run_explain)


def _short_actors(actors: list) -> str:
    return "+".join(a.code or a.country or a.name for a in actors) or "-"


def _row(event: Event) -> list[str]:
    return [event.event_id, event.date or "", event.date_precision, _short_actors(event.actor),
            event.event, event.mode or "", _short_actors(event.recipient),
            event.auxiliary or "", event.doc_id, event.evidence.trigger]


def write_events(events: list[Event], fmt: str, out: TextIO) -> None:
    """Print events as a table, JSON Lines or CSV.

    JSON Lines keeps every character (control characters as \\u escapes); CSV drops
    escape sequences and control characters but tab and newline, since it is also read
    on terminals; the table shows text literally (tables.terminal_safe).
    """
    if fmt == "jsonl":
        for event in events:
            out.write(json_safe(json.dumps(event.to_json(), ensure_ascii=False)) + "\n")
    elif fmt == "csv":
        writer = csv.writer(out)
        writer.writerow([*TABLE_COLUMNS, "context", "cameo", "date_start", "date_end",
                         "published", "location", "location_country", "lat", "lon",
                         "location_precision", "place_scope", "sentence"])
        for event in events:
            place = event.location
            where = ([place.name, place.country or "", place.lat, place.lon, place.precision,
                      event.place_scope or ""] if place else ["", "", "", "", "", ""])
            row = [*_row(event), ";".join(event.context), event.cameo, event.date_start or "",
                   event.date_end or "", event.published or "", *where, event.sentence]
            writer.writerow([terminal_safe(value, multiline=True) if isinstance(value, str)
                             else value for value in row])
    else:
        write_table(TABLE_COLUMNS, (_row(event) for event in events), out)
        out.write(f"{len(events)} events\n")


def run_events(args: argparse.Namespace) -> int:
    from redshank.store import open_store

    query = query_of(args, limit=args.limit)
    require_db(args.db)
    with open_store(args.db, read_only=True) as store:
        warn_absent(store, query)
        if isinstance(query, ClusterQuery):
            write_clusters(store.query_clusters(query), args.format, sys.stdout)
        else:
            write_events(store.query_events(query), args.format, sys.stdout)
        if args.format == "table" and not query.include_all:
            hidden = (store.count_events(replace(query, include_all=True))
                      - store.count_events(query))
            if hidden:
                kind = "clusters" if isinstance(query, ClusterQuery) else "events"
                sys.stdout.write(f"{hidden} more {kind} matched but are negated, "
                                 "hypothetical or future: see --all\n")
    return 0


def run_explain(args: argparse.Namespace) -> int:
    from redshank.explain import explain_event
    from redshank.store import open_store

    require_db(args.db)
    if is_cluster_id(args.event_id):
        return run_explain_cluster(args)
    with open_store(args.db, read_only=True) as store:
        event = store.get_event(args.event_id)
    if event is None:
        error(f"no event {args.event_id!r} in {db_label(args.db)}; list ids with 'redshank events'")
        return 1
    sys.stdout.write(explain_event(event) + "\n")
    return 0
