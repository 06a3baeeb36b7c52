"""What every `redshank` command shares: the --db flag, the event filter flags and the
one-line error."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from typing import TYPE_CHECKING

from redshank.errors import ConfigError, DayFormatError
from redshank.model import parse_day
from redshank.query import (
    DEFAULT_WITHIN_KM,
    ClusterQuery,
    EventQuery,
    check_radius_km,
    cluster_query,
    event_query,
)
from redshank.tables import terminal_safe

if TYPE_CHECKING:
    from redshank.store.base import Store

DEFAULT_DB = "redshank.duckdb"


def db_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default=os.environ.get("REDSHANK_DB", DEFAULT_DB),
                        help="database file, or postgresql://USER@HOST/DBNAME (default: "
                             f"$REDSHANK_DB or {DEFAULT_DB})")


def db_label(db: str) -> str:
    """The --db value as messages show it: a PostgreSQL URL without its password."""
    if db.startswith(("postgresql://", "postgres://")):
        from redshank.store.postgres import redact

        return redact(db)
    return db


def error(message: str) -> None:
    """One line on stderr; messages may carry document ids and text, so made terminal-safe."""
    sys.stderr.write(f"redshank: {terminal_safe(message)}\n")


def warn_absent(store: Store, query: EventQuery) -> None:
    """A warning line for each actor, recipient or document asked for that nothing stored
    has: a typo should not read as "no such events"."""
    for value in store.absent_values(query):
        error(f"warning: nothing stored matches {value}; check the spelling")


def day(text: str) -> date:
    """argparse type for a day flag (--published, --since): YYYY-MM-DD or an ISO datetime."""
    try:
        found = parse_day(text)
    except DayFormatError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc
    if found is None:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}")
    return found


def within_km(text: str) -> float:
    """argparse type for --within: a radius in kilometres, rejecting negative, NaN and inf."""
    try:
        return check_radius_km(float(text))
    except (ValueError, ConfigError) as exc:
        raise argparse.ArgumentTypeError(
            f"must be a finite number of kilometres, 0 or more (got {text!r}); "
            "e.g. --within 100") from exc


def filter_flags(parser: argparse.ArgumentParser) -> None:
    """The event filters of `events` and `dyads`; checked by redshank/query.py."""
    many = "; repeatable or comma-separated, any value matches"
    parser.add_argument("--actor", action="append", metavar="ACTOR",
                        help=f"actor country (ISO3 or name), code, id or name{many}")
    parser.add_argument("--recipient", action="append", metavar="ACTOR",
                        help=f"recipient country (ISO3 or name), code, id or name{many}")
    parser.add_argument("--event", action="append", metavar="TYPE",
                        help=f"PLOVER event type, e.g. REQUEST{many}")
    parser.add_argument("--since", metavar="DATE",
                        help="events on or after this date: YYYY, YYYY-MM or YYYY-MM-DD")
    parser.add_argument("--until", metavar="DATE",
                        help="events on or before this date: YYYY (to Dec 31), YYYY-MM or "
                             "YYYY-MM-DD")
    parser.add_argument("--doc", action="append", metavar="DOC_ID",
                        help=f"only events from this document{many}")
    parser.add_argument("--all", action="store_true",
                        help="include negated, hypothetical and future events")
    parser.add_argument("--no-inferred", action="store_true",
                        help="leave out events whose actor is implied by convention, not "
                             "named (an agentless passive: 'was arrested')")
    parser.add_argument("--no-inferred-countries", action="store_true",
                        help="leave out events with an actor or recipient whose country was "
                             "inferred from the document ('the police' in an article about "
                             "Turkey)")
    parser.add_argument("--near", metavar="PLACE",
                        help="events located within --within km of this place (a name, or "
                             "LAT,LON coordinates such as 33.31,44.36)")
    parser.add_argument("--within", type=within_km, metavar="KM",
                        help=f"radius for --near in kilometres (default: {DEFAULT_WITHIN_KM:g})")
    parser.add_argument("--country", action="append", metavar="COUNTRY",
                        help=f"events located in this country (ISO3 or name){many}")
    parser.add_argument("--place-scope", metavar="SCOPE",
                        help="only events placed this near their trigger or nearer: "
                             "'sentence' (a place governs it), 'paragraph' (also the "
                             "setting its paragraph names), 'document' (also the dateline "
                             "or the article's country)")
    parser.add_argument("--merged", action="store_true",
                        help="real-world events (clusters of reports that tell the same "
                             "event) instead of single reports; a cluster matches when one "
                             "of its reports does")
    parser.add_argument("--min-reports", type=int, default=1, metavar="N",
                        help="with --merged: only clusters reported by N or more documents")


def query_of(args: argparse.Namespace, *, limit: int | None = None
             ) -> EventQuery | ClusterQuery:
    """The query the filter flags ask for: a ClusterQuery with --merged."""
    if args.within is not None and not args.near:
        raise ConfigError("--within is the radius around --near PLACE; add --near")
    within = DEFAULT_WITHIN_KM if args.within is None else args.within
    values = dict(actor=args.actor, recipient=args.recipient, event=args.event,
                  country=args.country, since=args.since, until=args.until, doc=args.doc,
                  near=args.near, within_km=within, place_scope=args.place_scope,
                  include_all=args.all, no_inferred=args.no_inferred,
                  no_inferred_countries=args.no_inferred_countries, limit=limit)
    if args.merged:
        return cluster_query(min_reports=args.min_reports, **values)
    if args.min_reports != 1:
        raise ConfigError("--min-reports counts the reports of a merged event; add --merged")
    return event_query(**values)
