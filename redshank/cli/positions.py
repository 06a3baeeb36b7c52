"""Command-line pieces for positions and coalitions, wired into redshank/cli/__init__.py.

- `configure(subparsers)` adds `redshank positions` and `redshank coalition` (handlers
  `run_positions`, `run_coalition`, also set as each parser's `handler` default);
- ingest and `redshank link` call `derive_pending(store)` (redshank/positions/derive.py).

Library errors (`RedshankError`) propagate to the caller, which prints one line.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from redshank.cli.common import day, db_flag
from redshank.errors import ConfigError
from redshank.model import STANCES

# The readers and the store are imported when a command runs, not when `redshank` starts.
if TYPE_CHECKING:
    from redshank.positions.coalitions import Coalition
    from redshank.positions.lexicon import Lexicon
    from redshank.store.base import Store
    from redshank.store.position_queries import CoalitionQuery

__all__ = ["coalitions", "configure", "run_coalition", "run_positions"]

LEXICON_ENV = "REDSHANK_POSITION_LEXICONS"
POSITIONS_EXAMPLE = "redshank positions --actor USA --topic ground-troops --db events.duckdb"
COALITION_EXAMPLE = "redshank coalition --against ISIL --format json --db events.duckdb"


def _common_flags(parser: argparse.ArgumentParser) -> None:
    db_flag(parser)
    parser.add_argument("--format", choices=("table", "json"), default="table",
                        help="output format (default: table)")
    parser.add_argument("--refresh", action="store_true",
                        help="first derive positions and coalitions again from every stored "
                             "document (databases coded before them; changed lexicons)")
    parser.add_argument("--lexicon", action="append", default=[], metavar="FILE",
                        help="extra topics or cues file (docs/positions.md); repeatable; "
                             f"also ${LEXICON_ENV}")


def configure(subparsers: argparse._SubParsersAction) -> None:
    """Add the `positions` and `coalition` subcommands to a `redshank` sub-parser set."""
    positions = subparsers.add_parser(
        "positions", help="Show actors' stated positions on actions, in time order.",
        description="Commitments, offers, refusals and requests by an actor on an action "
                    "(ground troops, airstrikes, training, ...), with date, speaker and "
                    "quote; changes of stance and hedges are flagged. Rules: "
                    "docs/positions.md.",
        epilog=f"example: {POSITIONS_EXAMPLE}")
    positions.add_argument("--actor", help="whose positions: country code, organisation id "
                                           "or name, or a speaker's id or name")
    positions.add_argument("--topic", help="action, e.g. ground-troops, airstrikes, training")
    positions.add_argument("--stance", choices=STANCES, help="only this stance")
    positions.add_argument("--since", type=day, help="positions on or after this date")
    positions.add_argument("--until", type=day, help="positions on or before this date")
    positions.add_argument("--doc", help="only positions from this document id")
    _common_flags(positions)
    positions.set_defaults(handler=run_positions)

    coalition = subparsers.add_parser(
        "coalition", help="Show coalitions: members, contributions and declared limits.",
        description="Coalitions named in the text (known ones from the catalogue of "
                    "coalitions, forces and missions, with their lead and hosts): members "
                    "with the dates and evidence of joining and leaving, each member's "
                    "contributions by kind with troop counts, what organisations do for "
                    "it, and the members' declared limits. Rules: docs/positions.md.",
        epilog=f"example: {COALITION_EXAMPLE}")
    coalition.add_argument("--against", metavar="ACTOR",
                           help="the adversary: code, id or any name it goes by (IS, ISIL)")
    coalition.add_argument("--name", help="part of the coalition's name or label "
                                          "('core group') or its id")
    coalition.add_argument("--member", metavar="ACTOR", help="only coalitions with this member")
    coalition.add_argument("--at", type=day, metavar="DATE",
                           help="members and contributions on this date (YYYY-MM-DD): "
                                "those that had joined and not left, with the "
                                "contributions stated by then")
    coalition.add_argument("--timeline", metavar="FILE",
                           help="also write the members over time (member, role, from, "
                                "until, status, evidence) to FILE.csv or FILE.parquet")
    _common_flags(coalition)
    coalition.set_defaults(handler=run_coalition)


def _lexicon(args: argparse.Namespace) -> Lexicon:
    from redshank.positions.lexicon import load_lexicon

    extra = [p for p in os.environ.get(LEXICON_ENV, "").split(os.pathsep) if p]
    return load_lexicon([*extra, *args.lexicon])


def _refresh(store: Store, args: argparse.Namespace, lexicon: Lexicon) -> None:
    if args.refresh:
        from redshank.positions.derive import derive_store

        summary = derive_store(store, lexicon)
        sys.stderr.write(f"{summary.documents} documents read: {summary.positions} positions, "
                         f"{summary.memberships} memberships, {summary.contributions} "
                         f"contributions, {summary.coalitions} coalitions\n")


def run_positions(args: argparse.Namespace) -> int:
    """`redshank positions`: the timeline of stated positions matching the filters."""
    from redshank.positions.render import write_positions
    from redshank.positions.timeline import timeline
    from redshank.store import open_store
    from redshank.store import require_existing as _require_db
    from redshank.store.position_queries import PositionQuery

    _require_db(args.db)
    lexicon = _lexicon(args)
    if args.topic is not None and args.topic not in lexicon.topic_names:
        raise ConfigError(f"unknown topic {args.topic!r}; use one of "
                          f"{', '.join(lexicon.topic_names)}")
    query = PositionQuery(actor=args.actor, topic=args.topic, stance=args.stance,
                          since=args.since, until=args.until, doc_id=args.doc)
    with open_store(args.db, read_only=not args.refresh) as store:
        _refresh(store, args, lexicon)
        positions = store.query_positions(query)
    write_positions(timeline(positions), args.format, sys.stdout)
    return 0


def coalitions(store: Store, query: CoalitionQuery) -> list[Coalition]:
    """Stored coalitions matching `query`, with members, contributions and limits."""
    from redshank.positions.coalitions import build_coalition

    summaries = store.query_coalitions(query)
    ids = [s.coalition_id for s in summaries]
    memberships = store.memberships_of(ids)
    contributions = store.contributions_of(ids)
    return [build_coalition(s, memberships, contributions) for s in summaries]


def run_coalition(args: argparse.Namespace) -> int:
    """`redshank coalition`: coalitions matching --against/--name/--member."""
    from redshank.positions.render import write_coalitions
    from redshank.store import open_store
    from redshank.store import require_existing as _require_db
    from redshank.store.position_queries import CoalitionQuery

    _require_db(args.db)
    lexicon = _lexicon(args)
    query = CoalitionQuery(against=args.against, name=args.name, member=args.member)
    with open_store(args.db, read_only=not args.refresh) as store:
        _refresh(store, args, lexicon)
        found = coalitions(store, query)
    if args.at is not None:
        found = [c.at(args.at) for c in found]
    if args.timeline:
        from redshank.export.timeline import write_timeline

        rows = write_timeline(found, args.timeline)
        sys.stderr.write(f"{rows} membership rows written to {args.timeline}\n")
    write_coalitions(found, args.format, sys.stdout)
    return 0
