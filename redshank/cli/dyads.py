"""`redshank dyads`: how many events each actor directed at each recipient, overall or as
a timeline, with the filters of `redshank events`."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from typing import TextIO

from redshank.cli.common import db_flag, filter_flags, query_of, require_db
from redshank.errors import ConfigError
from redshank.store.base import DyadCount
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
                       help="a timeline: one row per dyad and month or year (by start date)")
    dyads.add_argument("--top", type=int, metavar="N",
                       help="only the N dyads with the most events (all their periods)")
    dyads.add_argument("--format", choices=("table", "csv", "json"), default="table")
    dyads.set_defaults(handler=run_dyads)


def top_dyads(counts: list[DyadCount], top: int | None) -> list[DyadCount]:
    """The counts of the `top` dyads with the most events over every period."""
    if top is None:
        return counts
    totals: dict[tuple[str, str], int] = {}
    for count in counts:
        pair = (count.actor, count.recipient)
        totals[pair] = totals.get(pair, 0) + count.events
    kept = set(sorted(totals, key=lambda pair: (-totals[pair], pair))[:top])
    return [count for count in counts if (count.actor, count.recipient) in kept]


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
    from redshank.store import open_store
    from redshank.store.base import ClusterQuery

    query = query_of(args)
    if args.top is not None and args.top < 0:
        raise ConfigError(f"--top must be 0 or more, got {args.top}")
    require_db(args.db)
    with open_store(args.db, read_only=True) as store:
        counts = store.count_dyads(query, by_actor=args.by_actor, by=args.by)
        matched = store.count_events(query)
        dyadic = store.count_events(query, dyadic=True)
    shown = top_dyads(counts, args.top)
    kind = "clusters" if isinstance(query, ClusterQuery) else "events"
    write_dyads(shown, args.format, sys.stdout, timeline=args.by is not None)
    pairs = len({(c.actor, c.recipient) for c in shown})
    note = (f"{pairs} dyads; {dyadic} of {matched} matching {kind} have an actor and a "
            "recipient")
    if args.format == "table":
        sys.stdout.write(note + "\n")
    return 0

