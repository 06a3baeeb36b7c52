"""`redshank evaluate`: score the coder against a gold file and print the report.

Wired into redshank/cli.py with `configure(subparsers)`; `run(args)` is the handler (also
set as the parser's `handler` default). Library errors (`RedshankError`) propagate to the
caller, which prints one line. spaCy and the coder are imported only when `run` runs.
"""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from redshank.errors import ConfigError
from redshank.evaluate.gold import GOLD_FORMATS
from redshank.model import DocumentResult

EXAMPLE = ("redshank evaluate ../shared/data/phoenix/PETR.UnitTest.records.xml "
           "--actors ../shared/data/phoenix/PETR.Validate.actors.txt "
           "--actors ../shared/data/phoenix/PETR.Validate.agents.txt --report petrarch.md")
DEFAULT_SHOWN_ERRORS = 10


def configure(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the `evaluate` subcommand to a `redshank` sub-parser set."""
    description = textwrap.fill(
        "Code the sentences of a gold-standard file and report recall, full recall, "
        "precision and F1, overall, per event type and per category, with a confusion "
        "matrix and the misses and false alarms. Scoring rules: docs/quality.md.", width=80)
    parser = subparsers.add_parser(
        "evaluate", help="Measure the coder against a gold-standard file.",
        description=description,
        epilog=f"example: redshank evaluate ../shared/data/plover/gsr_dev.json --report "
               f"quality.md\nexample: {EXAMPLE}",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", metavar="GOLD",
                        help="gold file: PLOVER records (.json/.jsonl) or PETRARCH "
                             "validation records (.xml)")
    parser.add_argument("--format", dest="gold_format", choices=GOLD_FORMATS,
                        help="gold file format (default: from the extension or content)")
    parser.add_argument("--report", metavar="FILE",
                        help="also write the full report to FILE (.md or .json)")
    parser.add_argument("--actors", action="append", default=[], metavar="FILE",
                        help="extra actor or agent dictionary for this run (JSONL or "
                             "TABARI .txt); repeatable")
    parser.add_argument("--patterns", action="append", default=[], metavar="FILE",
                        help="extra event pattern file; repeatable")
    parser.add_argument("--show-errors", type=int, default=DEFAULT_SHOWN_ERRORS, metavar="N",
                        help=f"print at most N cases of each error kind "
                             f"(default: {DEFAULT_SHOWN_ERRORS}; 0: none)")
    parser.add_argument("--all", action="store_true",
                        help="count negated, hypothetical and future events too")
    parser.set_defaults(handler=run)
    return parser


def _env_files(name: str) -> list[str]:
    return [item for item in os.environ.get(name, "").split(os.pathsep) if item]


def run(args: argparse.Namespace) -> int:
    """Evaluate, print the report (errors limited by --show-errors), write --report."""
    from redshank.evaluate.read import read_gold
    from redshank.evaluate.render import render_json, render_markdown
    from redshank.evaluate.score import evaluate
    from redshank.pipeline import Pipeline

    if args.show_errors < 0:
        raise ConfigError(f"--show-errors must be 0 or more, not {args.show_errors}")
    report_path = Path(args.report) if args.report else None
    if report_path and report_path.suffix.lower() not in (".md", ".json"):
        raise ConfigError(f"--report {args.report!r}: use a .md or .json file name")
    gold = read_gold(args.gold, args.gold_format)
    pipeline = Pipeline.load(actor_files=[*_env_files("REDSHANK_ACTORS"), *args.actors],
                             pattern_files=[*_env_files("REDSHANK_PATTERNS"), *args.patterns])
    with _progress(len(gold.records)) as advance:
        report = evaluate(gold, pipeline, include_hidden=args.all, on_result=advance)
    sys.stdout.write(render_markdown(report, max_errors=args.show_errors))
    if report_path:
        text = (render_json(report) if report_path.suffix.lower() == ".json"
                else render_markdown(report))
        try:
            report_path.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"--report {args.report!r}: cannot write: {exc.strerror}") from exc
        sys.stderr.write(f"report written to {report_path}\n")
    return 0


@contextmanager
def _progress(total: int) -> Iterator[Callable[[DocumentResult], None]]:
    """A progress bar on a terminal; silent when stderr is piped."""
    if not sys.stderr.isatty():
        yield lambda result: None
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task("coding gold sentences", total=total)
        yield lambda result: bar.advance(task)
