"""The `redshank` command: a thin layer over redshank.api.

Settings come from flags, then REDSHANK_* environment variables (REDSHANK_DB,
REDSHANK_ACTORS, REDSHANK_PATTERNS: files separated by the OS path separator).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections.abc import Sequence
from datetime import date
from typing import TextIO

from redshank import __version__
from redshank.errors import ConfigError, IngestInterrupted, RedshankError
from redshank.evaluate.cli import configure as configure_evaluate
from redshank.evaluate.cli import run as run_evaluate
from redshank.link.cli import (
    add_merged_flags,
    is_cluster_id,
    run_events_merged,
    run_explain_cluster,
    run_export,
    run_link,
)
from redshank.link.cli import configure as configure_link
from redshank.model import Event, Failure
from redshank.positions.cli import configure as configure_positions
from redshank.positions.cli import run_coalition, run_positions
from redshank.tables import json_safe, terminal_safe, write_table

DEFAULT_DB = "redshank.duckdb"
EXAMPLES = {
    "ingest": "redshank ingest ../shared/seeds/manifest.jsonl --db events.duckdb",
    "events": "redshank events --actor USA --event REJECT --since 2014-01-01 --format jsonl; "
              "redshank events --near Baghdad --within 100",
    "code": "echo 'Iraq asked the United States to bomb militants.' | "
            "redshank code - --published 2014-06-11",
    "explain": "redshank explain 3f2a9c01d4e5b6a7",
}


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from exc


def _env_list(name: str) -> list[str]:
    value = os.environ.get(name, "")
    return [item for item in value.split(os.pathsep) if item]


def _knowledge_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--actors", action="append", default=[], metavar="FILE",
                        help="extra actor dictionary (JSONL or TABARI .txt); repeatable")
    parser.add_argument("--patterns", action="append", default=[], metavar="FILE",
                        help="extra event pattern file; repeatable")
    parser.add_argument("--places-ner", action="store_true",
                        default=os.environ.get("REDSHANK_PLACES_NER", "") == "1",
                        help="check doubted place names with the model's NER: fewer people "
                             "and firms read as towns, about 5%% slower "
                             "(default: $REDSHANK_PLACES_NER=1)")


def _input_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="text/HTML/JSONL files, folders, manifests, or - for stdin")
    parser.add_argument("--published", type=_date, help="publication date for plain files")
    parser.add_argument("--source", help="source name for plain files")
    parser.add_argument("--max-doc-bytes", type=int, default=2_000_000,
                        help="refuse larger documents (default: 2000000)")
    parser.add_argument("--allow-outside-paths", action="store_true",
                        help="let manifest paths lead outside the manifest's folder")
    _knowledge_flags(parser)


def _db_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default=os.environ.get("REDSHANK_DB", DEFAULT_DB),
                        help=f"database file (default: $REDSHANK_DB or {DEFAULT_DB})")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="redshank", description="News articles in, sourced PLOVER political events out.")
    parser.add_argument("--version", action="version", version=f"redshank {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=help_text, description=help_text,
                                   epilog=f"example: {EXAMPLES[name]}")

    ingest = command("ingest", "Code articles and store documents and events in the database.")
    _input_flags(ingest)
    _db_flag(ingest)
    ingest.add_argument("--strict", action="store_true",
                        help="exit non-zero if any document failed")

    events = command("events", "List stored events.")
    _db_flag(events)
    events.add_argument("--actor", help="actor country, code, id or name")
    events.add_argument("--recipient", help="recipient country, code, id or name")
    events.add_argument("--event", help="PLOVER event type, e.g. REQUEST")
    events.add_argument("--since", type=_date, help="events on or after this date")
    events.add_argument("--until", type=_date, help="events on or before this date")
    events.add_argument("--doc", help="only events from this document id")
    events.add_argument("--format", choices=("table", "jsonl", "csv"), default="table")
    events.add_argument("--all", action="store_true",
                        help="include negated, hypothetical and future events")
    events.add_argument("--limit", type=int, help="at most this many events")
    events.add_argument("--no-inferred", action="store_true",
                        help="leave out events whose actor is implied by convention, not "
                             "named (an agentless passive: 'was arrested')")
    events.add_argument("--no-inferred-countries", action="store_true",
                        help="leave out events with an actor or recipient whose country was "
                             "inferred from the document ('the police' in an article about "
                             "Turkey)")
    events.add_argument("--near", metavar="PLACE",
                        help="events located within --within km of this place")
    from redshank.where.query import within_km

    events.add_argument("--within", type=within_km, default=50.0, metavar="KM",
                        help="radius for --near in kilometres (default: 50)")
    events.add_argument("--country", metavar="ISO3",
                        help="events located in this country (ISO alpha-3)")
    events.add_argument("--place-scope", choices=("sentence", "paragraph", "document"),
                        help="only events placed this near their trigger or nearer: "
                             "'sentence' (a place governs it), 'paragraph' (also the "
                             "setting its paragraph names), 'document' (also the dateline "
                             "or the article's country)")
    add_merged_flags(events)

    code = command("code", "Code articles and print events; no database.")
    _input_flags(code)
    code.add_argument("--format", choices=("jsonl", "table"), default="jsonl")
    code.add_argument("--all", action="store_true",
                      help="include negated, hypothetical and future events")

    explain = command("explain", "Show why an event was coded.")
    _db_flag(explain)
    explain.add_argument("event_id", metavar="EVENT_ID|CLUSTER_ID")
    configure_evaluate(commands)
    configure_link(commands)
    configure_positions(commands)
    return parser


def _error(message: str) -> None:
    """One line on stderr; messages may carry document ids and text, so made terminal-safe."""
    sys.stderr.write(f"redshank: {terminal_safe(message)}\n")


def _failure_line(failure: Failure) -> str:
    """Failure messages already name their document (see errors.InputError.describe)."""
    return f"failed [{failure.stage}] {failure.message}"


def _pipeline(args: argparse.Namespace):
    from redshank.pipeline import Pipeline

    return Pipeline.load(actor_files=[*_env_list("REDSHANK_ACTORS"), *args.actors],
                         pattern_files=[*_env_list("REDSHANK_PATTERNS"), *args.patterns],
                         places_ner=args.places_ner)


def run_ingest(args: argparse.Namespace) -> int:
    from redshank.api import ingest
    from redshank.store import open_store

    pipeline = _pipeline(args)
    with open_store(args.db) as store, _progress() as advance:
        summary = ingest(args.inputs, store=store, pipeline=pipeline, published=args.published,
                         source=args.source, max_doc_bytes=args.max_doc_bytes,
                         allow_outside_paths=args.allow_outside_paths, stdin=sys.stdin,
                         on_result=advance)
    for warning in summary.warnings:
        _error(f"warning: {warning}")
    for failure in summary.failures:
        _error(_failure_line(failure))
    sys.stderr.write(
        f"{summary.documents} documents coded, {summary.skipped} already stored, "
        f"{summary.sentences} sentences, {summary.events} events, "
        f"{len(summary.failures)} failures -> {args.db} (run {summary.run_id})\n")
    if summary.failures and (args.strict or (summary.documents == 0 and summary.skipped == 0)):
        return 1
    return 0


class _progress:
    """A progress bar on a terminal; silent when stderr is piped."""

    def __enter__(self):
        if not sys.stderr.isatty():
            return lambda result: None
        from rich.progress import Progress, SpinnerColumn, TextColumn

        self.bar = Progress(SpinnerColumn(), TextColumn("{task.description}"),
                            TextColumn("{task.completed} documents"), transient=True)
        self.bar.start()
        task = self.bar.add_task("coding", total=None)
        return lambda result: self.bar.advance(task)

    def __exit__(self, *exc_info: object) -> None:
        if hasattr(self, "bar"):
            self.bar.stop()


def _short_actors(actors: list) -> str:
    return "+".join(a.code or a.country or a.name for a in actors) or "-"


TABLE_COLUMNS = ("event_id", "date", "precision", "actor", "event", "mode", "recipient",
                 "auxiliary", "doc_id", "trigger")


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
    from redshank.store.base import EventQuery

    _require_db(args.db)
    if args.merged:
        if args.no_inferred or args.no_inferred_countries:
            raise ConfigError("--no-inferred and --no-inferred-countries filter single "
                              "events; drop them or --merged")
        return run_events_merged(args)
    placed = bool(args.near or args.country or args.place_scope)
    query = EventQuery(actor=args.actor, recipient=args.recipient,
                       event=args.event.upper() if args.event else None, since=args.since,
                       until=args.until, doc_id=args.doc, include_all=args.all,
                       limit=None if placed else args.limit,
                       exclude_implied_actors=args.no_inferred,
                       exclude_inferred_countries=args.no_inferred_countries)
    with open_store(args.db, read_only=True) as store:
        events = store.query_events(query)
    if placed:
        from redshank.where.query import Near, filter_by_place, place_named

        near = Near(place_named(args.near), args.within) if args.near else None
        events = filter_by_place(events, near, args.country, args.place_scope)[: args.limit]
    write_events(events, args.format, sys.stdout)
    return 0


def run_code(args: argparse.Namespace) -> int:
    from redshank.api import code_documents

    hidden = set() if args.all else {"negated", "hypothetical", "future"}
    coded, failed = 0, 0
    events: list[Event] = []
    for result in code_documents(args.inputs, pipeline=_pipeline(args),
                                 published=args.published, source=args.source,
                                 max_doc_bytes=args.max_doc_bytes,
                                 allow_outside_paths=args.allow_outside_paths,
                                 stdin=sys.stdin):
        for warning in result.document.warnings:
            _error(f"warning: {warning}")
        for failure in result.failures:
            _error(_failure_line(failure))
            failed += 1
        if not result.failures:
            coded += 1
        shown = [e for e in result.events if e.auxiliary not in hidden]
        if args.format == "jsonl":
            write_events(shown, "jsonl", sys.stdout)
        else:
            events.extend(shown)
    if args.format == "table":
        write_events(events, "table", sys.stdout)
    return 1 if failed and not coded else 0


def _require_db(path: str) -> None:
    if path != ":memory:" and not path.startswith("postgresql:") and not os.path.exists(path):
        raise ConfigError(f"database {path!r} does not exist; run 'redshank ingest' first "
                          "or pass --db")


def run_explain(args: argparse.Namespace) -> int:
    from redshank.explain import explain_event
    from redshank.store import open_store

    _require_db(args.db)
    if is_cluster_id(args.event_id):
        return run_explain_cluster(args)
    with open_store(args.db, read_only=True) as store:
        event = store.get_event(args.event_id)
    if event is None:
        _error(f"no event {args.event_id!r} in {args.db}; list ids with 'redshank events'")
        return 1
    sys.stdout.write(explain_event(event) + "\n")
    return 0


COMMANDS = {"ingest": run_ingest, "events": run_events, "code": run_code,
            "explain": run_explain, "evaluate": run_evaluate, "link": run_link,
            "export": run_export, "positions": run_positions, "coalition": run_coalition}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except IngestInterrupted as exc:
        _error(str(exc))
        return 130
    except KeyboardInterrupt:
        _error("interrupted; nothing was left half-written")
        return 130
    except RedshankError as exc:
        _error(str(exc))
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
