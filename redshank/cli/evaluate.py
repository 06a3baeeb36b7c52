"""`redshank evaluate`: score the coder against a gold file and print the report.

Wired into redshank/cli/__init__.py with `configure(subparsers)`; `run(args)` is the
handler (also set as the parser's `handler` default). Library errors (`RedshankError`)
propagate to the caller, which prints one line. spaCy and the coder are imported only
when `run` runs.
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
from redshank.evaluate.gold import GOLD_FORMATS, GoldSet
from redshank.evaluate.report import HALVES, HalvesReport, Report
from redshank.model import DocumentResult

EXAMPLE = ("redshank evaluate ../shared/data/phoenix/PETR.UnitTest.records.xml "
           "--actors ../shared/data/phoenix/PETR.Validate.actors.txt "
           "--actors ../shared/data/phoenix/PETR.Validate.agents.txt --report petrarch.md")
REAL_NEWS_EXAMPLE = ("redshank evaluate ../shared/data/gold/wikinews_plover.jsonl --format "
                     "redshank-gold --articles ../shared/data/gold/wikinews_plover_articles.jsonl")
DEFAULT_SHOWN_ERRORS = 10


def configure(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the `evaluate` subcommand to a `redshank` sub-parser set."""
    description = textwrap.fill(
        "Code the sentences of a gold-standard file and report recall, full recall, "
        "precision and F1, overall, per event type and per category, with a confusion "
        "matrix and the misses and false alarms. The dev sets have two fixed halves "
        "(redshank/data/evaluation/halves.json): their scores are shown side by side, and "
        "misses and false alarms for half A only, since nobody reads half B. "
        "Scoring rules: docs/quality.md.", width=80)
    parser = subparsers.add_parser(
        "evaluate", help="Measure the coder against a gold-standard file.",
        description=description,
        epilog=f"example: redshank evaluate ../shared/data/plover/gsr_dev.json --report "
               f"quality.md\nexample: {REAL_NEWS_EXAMPLE}\nexample: {EXAMPLE}",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", metavar="GOLD",
                        help="gold file: PLOVER records (.json/.jsonl), real-news sentences "
                             "(redshank-gold .jsonl) or PETRARCH validation records (.xml)")
    parser.add_argument("--format", dest="gold_format", choices=GOLD_FORMATS,
                        help="gold file format (default: from the extension or content)")
    parser.add_argument("--articles", metavar="FILE",
                        help="articles of a redshank-gold file (JSON Lines: id, text, "
                             "published): code each whole article and give each gold "
                             "sentence the events whose trigger it holds (default: code each "
                             "sentence alone)")
    parser.add_argument("--half", choices=HALVES,
                        help="score one half of a dev set only; half B prints scores only")
    parser.add_argument("--report", metavar="FILE",
                        help="also write the full report to FILE (.md or .json)")
    parser.add_argument("--actors", action="append", default=[], metavar="FILE",
                        help="extra actor or agent dictionary for this run (JSONL or "
                             "TABARI .txt); repeatable")
    parser.add_argument("--patterns", action="append", default=[], metavar="FILE",
                        help="extra event pattern file; repeatable")
    parser.add_argument("--show-errors", type=int, metavar="N",
                        help=f"print at most N cases of each error kind "
                             f"(default: {DEFAULT_SHOWN_ERRORS}; 0: none); never for half B")
    parser.add_argument("--all", action="store_true",
                        help="count negated, hypothetical and future events too")
    parser.set_defaults(handler=run)
    return parser


def _env_files(name: str) -> list[str]:
    return [item for item in os.environ.get(name, "").split(os.pathsep) if item]


def run(args: argparse.Namespace) -> int:
    """Evaluate, print the report (errors limited by --show-errors), write --report."""
    from redshank.evaluate.read import read_gold
    from redshank.evaluate.render import render_json

    shown = DEFAULT_SHOWN_ERRORS if args.show_errors is None else args.show_errors
    if shown < 0:
        raise ConfigError(f"--show-errors must be 0 or more, not {args.show_errors}")
    if args.half == "B" and args.show_errors:
        raise ConfigError("half B's misses and false alarms are never shown: nobody reads "
                          "half B's sentences; use --half A to see errors")
    report_path = Path(args.report) if args.report else None
    if report_path and report_path.suffix.lower() not in (".md", ".json"):
        raise ConfigError(f"--report {args.report!r}: use a .md or .json file name")
    gold = read_gold(args.gold, args.gold_format)
    if args.articles and gold.format != "redshank-gold":
        raise ConfigError(f"--articles applies to redshank-gold files, not {gold.format}")
    report = _evaluate(args, gold)
    sys.stdout.write(_render(report, max_errors=shown))
    if report_path:
        text = (render_json(report) if report_path.suffix.lower() == ".json"
                else _render(report, max_errors=None))
        try:
            report_path.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"--report {args.report!r}: cannot write: {exc.strerror}") from exc
        sys.stderr.write(f"report written to {report_path}\n")
    return 0


def _evaluate(args: argparse.Namespace, gold: GoldSet) -> Report | HalvesReport:
    """Code what is to be scored (one half, or all) and score it, by half when known."""
    from redshank.evaluate.articles import code_in_articles, read_articles
    from redshank.evaluate.halves import WITHHELD_B, load_halves, score_halves, split_gold
    from redshank.evaluate.score import CODED_ALONE, code_sentences, score_records
    from redshank.pipeline import Pipeline

    halves = load_halves()
    split = split_gold(gold, halves)
    if args.half and split is None:
        raise ConfigError(f"{args.gold}: no record is in a recorded half "
                          f"({halves.path}); run without --half")
    scored = split[args.half] if split is not None and args.half else gold
    articles = read_articles(args.articles) if args.articles else None
    pipeline = Pipeline.load(actor_files=[*_env_files("REDSHANK_ACTORS"), *args.actors],
                             pattern_files=[*_env_files("REDSHANK_PATTERNS"), *args.patterns])
    if articles is None:
        with _progress(len(scored.records), "coding gold sentences") as advance:
            coded = code_sentences(scored, pipeline, advance)
        coding = (f"{CODED_ALONE} (no --articles)" if gold.format == "redshank-gold"
                  else CODED_ALONE)
    else:
        count = len({record.article for record in scored.records})
        with _progress(count, "coding articles") as advance:
            coded = code_in_articles(scored, articles, pipeline, advance)
        coding = f"in whole articles ({args.articles})"
    if split is None or args.half:
        withheld = WITHHELD_B if args.half == "B" else None
        return score_records(scored, coded, include_hidden=args.all, coding=coding,
                             withhold_errors=withheld)
    return score_halves(gold, coded, halves, include_hidden=args.all, coding=coding)


def _render(report: Report | HalvesReport, *, max_errors: int | None) -> str:
    from redshank.evaluate.render import render_halves, render_markdown

    if isinstance(report, HalvesReport):
        return render_halves(report, max_errors=max_errors)
    return render_markdown(report, max_errors=max_errors)


@contextmanager
def _progress(total: int, label: str) -> Iterator[Callable[[DocumentResult], None]]:
    """A progress bar on a terminal; silent when stderr is piped."""
    if not sys.stderr.isatty():
        yield lambda result: None
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda result: bar.advance(task)
