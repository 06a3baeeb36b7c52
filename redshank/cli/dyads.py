"""`redshank dyads`: how many events each actor directed at each recipient, overall or as
a timeline, with the filters of `redshank events`."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from typing import TextIO

from redshank.cli.common import db_flag, filter_flags, query_of, warn_absent
from redshank.model import DyadCount
from redshank.query import ClusterQuery
from redshank.store import require_existing as require_db
from redshank.store.dyads import ACTOR_KEYS, PERIODS
from redshank.tables import json_safe, terminal_safe, write_table

EXAMPLE = ("redshank dyads --top 10; redshank dyads --actor ISR --recipient LBN --by month "
           "--merged --format csv")


def configure(subparsers: argparse._SubParsersAction) -> None:
    """Add `dyads` to a `redshank` sub-parser set."""
    text = "Count events per actor-recipient pair (dyad), overall or per month or year."
    dyads = subparsers.add_parser(
        "dyads", help=text, description=text + " An event counts once for each pair of its "
        "actors and recipients; events without both are in no dyad. Takes the filters of "
        "'redshank events'.", epilog=f"example: {EXAMPLE}")
    db_flag(dyads)
    filter_flags(dyads)
    dyads.add_argument("--by-actor", choices=tuple(ACTOR_KEYS), default="country",
                       help="key actors by country (actors without one by code) or by full "
                            "CAMEO code, e.g. USAGOV (default: country)")
    dyads.add_argument("--by", choices=PERIODS,
                       help="a timeline: one row per dyad and day, week (its Monday), month "
                            "or year; an event dated only to a year is listed under the "
                            "year, not in a month")
    dyads.add_argument("--top", type=int, metavar="N",
                       help="only the N dyads with the most events (all their periods)")
    dyads.add_argument("--format", choices=("table", "csv", "json"), default="table")
    dyads.set_defaults(handler=run_dyads)


def write_dyads(counts: list[DyadCount], fmt: str, out: TextIO, *, timeline: bool) -> None:
    """Print dyad counts as a table, CSV or a JSON array (with --merged, `events` counts
    real-world events, clusters of reports)."""
    columns = ["actor", "recipient", *(["period"] if timeline else []), "events"]

    def row(count: DyadCount) -> list[str | int]:
        period = [count.period or "undated"] if timeline else []
        return [count.actor, count.recipient, *period, count.events]

    if fmt == "json":
        records = [dict(zip(columns, row(count), strict=True)) for count in counts]
        out.write(json_safe(json.dumps(records, ensure_ascii=False, indent=1)) + "\n")
    elif fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(columns)
        for count in counts:
            writer.writerow([terminal_safe(v) if isinstance(v, str) else v for v in row(count)])
    else:
        write_table(columns, ([str(v) for v in row(count)] for count in counts), out)


def run_dyads(args: argparse.Namespace) -> int:
    from redshank.frames import dyad_counts
    from redshank.store import open_store

    query = query_of(args)
    require_db(args.db)
    with open_store(args.db, read_only=True) as store:
        warn_absent(store, query)
        counts = dyad_counts(store, query, by_actor=args.by_actor, by=args.by, top=args.top)
        if args.format == "table":
            matched, dyadic = store.count_events(query), store.count_events(query, dyadic=True)
    write_dyads(counts, args.format, sys.stdout, timeline=args.by is not None)
    if args.format == "table":
        kind = "real-world events" if isinstance(query, ClusterQuery) else "events"
        pairs = len({(count.actor, count.recipient) for count in counts})
        sys.stdout.write(f"{pairs} dyads; {dyadic} of the {matched} matching {kind} have "
                         "an actor and a recipient\n")
    return 0
