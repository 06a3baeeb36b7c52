"""`redshank ingest` (code and store), `redshank recode` (code stored documents again) and
`redshank code` (code and print): they say how many events `redshank events` will show and
how many it hides by default."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from typing import TYPE_CHECKING

from redshank.cli.common import day, db_flag, db_label, error
from redshank.errors import ConfigError
from redshank.model import Event, Failure
from redshank.query import EXCLUDED_AUXILIARIES

if TYPE_CHECKING:
    from redshank.api import IngestSummary

INGEST_EXAMPLE = "redshank ingest ../shared/seeds/manifest.jsonl --db events.duckdb"
RECODE_EXAMPLE = "redshank recode --db events.duckdb --since 2014 --patterns my-patterns.txt"
CODE_EXAMPLE = ("echo 'Iraq asked the United States to bomb militants.' | "
                "redshank code - --published 2014-06-11")


def _since(value: str) -> date | None:
    return _partial(value, "since")


def _until(value: str) -> date | None:
    return _partial(value, "until")


def _partial(value: str, bound: str) -> date | None:
    from redshank.query import partial_date

    try:
        return partial_date(value, bound)
    except ConfigError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _env_list(name: str) -> list[str]:
    value = os.environ.get(name, "")
    return [item for item in value.split(os.pathsep) if item]


def _input_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="text/HTML/JSONL files, folders, manifests, or - for stdin")
    parser.add_argument("--published", type=day, help="publication date for plain files")
    _reading_flags(parser)
    _knowledge_flags(parser)


def _reading_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--source", help="source name for plain files")
    parser.add_argument("--max-doc-bytes", type=int, default=2_000_000,
                        help="refuse larger documents (default: 2000000)")
    parser.add_argument("--allow-outside-paths", action="store_true",
                        help="let manifest paths lead outside the manifest's folder")


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


def _workers_flag(parser: argparse.ArgumentParser, default: str) -> None:
    parser.add_argument("--workers", metavar="N|auto",
                        default=os.environ.get("REDSHANK_WORKERS", default),
                        help="processes that code: a number, or auto for one per core; the "
                             "results are the same (inputs under 64 documents are coded in "
                             f"one process) (default: $REDSHANK_WORKERS or {default})")
    parser.add_argument("--dask", metavar="ADDRESS",
                        help="code on a Dask cluster: its scheduler's address "
                             "(tcp://host:8786), or local for a LocalCluster of one worker "
                             "per core; same results (docs/scaling.md)")


def configure(subparsers: argparse._SubParsersAction) -> None:
    """Add `ingest` and `code` to a `redshank` sub-parser set."""
    text = "Code articles and store documents and events in the database."
    ingest = subparsers.add_parser("ingest", help=text, description=text,
                                   epilog=f"example: {INGEST_EXAMPLE}")
    _input_flags(ingest)
    db_flag(ingest)
    ingest.add_argument("--strict", action="store_true",
                        help="exit non-zero if any document failed")
    ingest.add_argument("--recode", action="store_true",
                        help="code documents already stored again and replace their events "
                             "(after changing dictionaries or upgrading), instead of skipping "
                             "them")
    _workers_flag(ingest, "auto")
    ingest.set_defaults(handler=run_ingest)

    text = ("Code stored documents again from their stored text and metadata, with the "
            "current coder, dictionaries and patterns, and replace their events; clusters, "
            "positions and coalitions follow. No original files needed.")
    recode = subparsers.add_parser("recode", help="Code stored documents again.",
                                   description=text, epilog=f"example: {RECODE_EXAMPLE}")
    db_flag(recode)
    recode.add_argument("--doc", action="extend", nargs="+", default=[], metavar="DOC_ID",
                        help="only these documents; repeatable (default: every document)")
    recode.add_argument("--since", type=_since, metavar="DATE",
                        help="only documents published on or after: YYYY, YYYY-MM or "
                             "YYYY-MM-DD")
    recode.add_argument("--until", type=_until, metavar="DATE",
                        help="only documents published on or before: YYYY (to Dec 31), "
                             "YYYY-MM or YYYY-MM-DD")
    _knowledge_flags(recode)
    recode.add_argument("--strict", action="store_true",
                        help="exit non-zero if any document failed")
    _workers_flag(recode, "auto")
    recode.set_defaults(handler=run_recode)

    text = "Code articles and print events; no database."
    code = subparsers.add_parser("code", help=text, description=text,
                                 epilog=f"example: {CODE_EXAMPLE}")
    _input_flags(code)
    code.add_argument("--format", choices=("jsonl", "table"), default="jsonl")
    code.add_argument("--all", action="store_true",
                      help="include negated, hypothetical and future events")
    _workers_flag(code, "1")
    code.set_defaults(handler=run_code)


def events_count(total: int, hidden: int, shown_by: str) -> str:
    """'33 events (21 shown by `events`; 12 negated, hypothetical or future: see --all)'."""
    if not hidden:
        return f"{total} events"
    return (f"{total} events ({total - hidden} shown{shown_by}; {hidden} negated, "
            "hypothetical or future: see --all)")


def _failure_line(failure: Failure) -> str:
    """Failure messages already name their document (see errors.InputError.describe)."""
    return f"failed [{failure.stage}] {failure.message}"


def _pipeline(args: argparse.Namespace):
    from redshank.pipeline import Pipeline
    from redshank.workers import resolve_workers

    workers = resolve_workers(args.workers)  # a bad value fails before the model loads
    return Pipeline.load(actor_files=[*_env_list("REDSHANK_ACTORS"), *args.actors],
                         pattern_files=[*_env_list("REDSHANK_PATTERNS"), *args.patterns],
                         places_ner=args.places_ner, workers=workers, dask=args.dask)


def run_ingest(args: argparse.Namespace) -> int:
    from redshank.api import ingest
    from redshank.store import open_store

    pipeline = _pipeline(args)
    with open_store(args.db) as store, _progress() as advance:
        summary = ingest(args.inputs, store=store, pipeline=pipeline, published=args.published,
                         source=args.source, max_doc_bytes=args.max_doc_bytes,
                         allow_outside_paths=args.allow_outside_paths, stdin=sys.stdin,
                         on_result=advance, recode=args.recode)
    _report(summary)
    sys.stderr.write(
        f"{summary.documents} documents coded, {summary.skipped} already stored, "
        f"{summary.sentences} sentences, "
        f"{events_count(summary.events, summary.hidden, ' by `events`')}, "
        f"{len(summary.failures)} failures -> {db_label(args.db)} (run {summary.run_id})\n")
    if args.recode:
        sys.stderr.write(recode_line(summary) + "\n")
    if summary.failures and (args.strict or (summary.documents == 0 and summary.skipped == 0)):
        return 1
    return 0


def run_recode(args: argparse.Namespace) -> int:
    from redshank.api import recode
    from redshank.store import open_store, require_existing

    require_existing(args.db)
    pipeline = _pipeline(args)
    with open_store(args.db) as store, _progress() as advance:
        summary = recode(store=store, pipeline=pipeline, doc_ids=args.doc, since=args.since,
                         until=args.until, on_result=advance)
    _report(summary)
    sys.stderr.write(f"{recode_line(summary)}; {len(summary.failures)} failures -> "
                     f"{db_label(args.db)} (run {summary.run_id})\n")
    return 1 if summary.failures and (args.strict or summary.documents == 0) else 0


def recode_line(summary: IngestSummary) -> str:
    """'3 documents re-coded: 40 events kept (2 relinked), 3 added, 1 removed; clusters:
    ...': what re-coding changed."""
    changes, links = summary.recoded, summary.links
    text = (f"{changes.documents} documents re-coded: {changes.kept} events kept "
            f"({changes.relinked} relinked), {changes.added} added, {changes.removed} removed")
    if links is not None:
        text += (f"; clusters: {links.created} new, {links.grown} grown, {links.merged} "
                 f"merged, {links.repaired} repaired")
    if summary.positions is not None:
        text += f"; positions derived for {summary.positions.documents} documents"
    return text


def _report(summary: IngestSummary) -> None:
    for warning in summary.warnings:
        error(f"warning: {warning}")
    for failure in summary.failures:
        error(_failure_line(failure))


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


def run_code(args: argparse.Namespace) -> int:
    from redshank.api import code_documents
    from redshank.cli.events import write_events

    hidden = () if args.all else EXCLUDED_AUXILIARIES
    coded, failed, total, left_out = 0, 0, 0, 0
    events: list[Event] = []
    for result in code_documents(args.inputs, pipeline=_pipeline(args),
                                 published=args.published, source=args.source,
                                 max_doc_bytes=args.max_doc_bytes,
                                 allow_outside_paths=args.allow_outside_paths,
                                 stdin=sys.stdin):
        for warning in result.document.warnings:
            error(f"warning: {warning}")
        for failure in result.failures:
            error(_failure_line(failure))
            failed += 1
        if not result.failures:
            coded += 1
        shown = [e for e in result.events if e.auxiliary not in hidden]
        total += len(result.events)
        left_out += len(result.events) - len(shown)
        if args.format == "jsonl":
            write_events(shown, "jsonl", sys.stdout)
        else:
            events.extend(shown)
    if args.format == "table":
        write_events(events, "table", sys.stdout)
    sys.stderr.write(f"{coded} documents coded, {events_count(total, left_out, '')}, "
                     f"{failed} failures\n")
    return 1 if failed and not coded else 0
