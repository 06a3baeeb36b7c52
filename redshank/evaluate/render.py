"""Render a `Report` as Markdown (also what the terminal shows) or as JSON text; gold
sentences and record ids are shown without control characters (tables.terminal_safe)."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from redshank.coding.plover import EVENT_TYPES
from redshank.evaluate.report import (
    ERROR_KINDS,
    NONE_LABEL,
    CategoryMetrics,
    ErrorCase,
    ErrorKind,
    HalvesReport,
    MetricName,
    Metrics,
    Report,
    Target,
)
from redshank.tables import json_safe, terminal_safe

ERROR_TITLES: dict[ErrorKind, str] = {
    "miss": "Misses (gold events with no coded event)",
    "wrong_type": "Wrong event type (gold paired with a coded event of another type)",
    "wrong_actors": "Right type, wrong actor or recipient",
    "false_alarm": "False alarms (coded events with no gold event)",
}


OVERALL_ROWS: tuple[tuple[MetricName, str], ...] = (
    ("recall", "event-type recall"),
    ("full_recall", "full recall (type, actor, recipient)"),
    ("precision", "precision of coded events"),
    ("f1", "F1 (event type)"),
    ("full_precision", "full precision (type, actor, recipient)"),
    ("full_f1", "full F1"),
)


_PERCENT_OF = re.compile(r"[\d.]+% \(\d+/\d+\)")


def percent(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def _is_number(cell: object) -> bool:
    """Numbers, percentages (`85.7%`, `85.7% (6/7)`) and the empty marks."""
    return isinstance(cell, int | float) or (
        isinstance(cell, str) and (cell in ("", "–", "·") or cell.endswith("%")
                                   or _PERCENT_OF.fullmatch(cell) is not None))


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A Markdown table; columns of numbers (and percentages) are right-aligned."""
    align = [":--"] + ["--:" if all(_is_number(row[i]) for row in rows) else ":--"
                       for i in range(1, len(header))]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def summary_lines(report: Report) -> list[str]:
    unit = "triples (source, target, event)" if report.unit == "triple" else "events"
    lines = [
        f"- gold: `{report.gold_path}` ({report.gold_format}), {report.records} records, "
        f"{report.overall.gold} gold {unit}, {report.no_event_records} records with no event",
        f"- coder: {report.coder_version}; coded: {report.coding}; counted: {report.counted}",
        f"- records coded exactly right: {report.exact_records} of {report.records}",
    ]
    if report.failures:
        lines.append(f"- records whose coding failed: {len(report.failures)}")
    if report.unscored:
        lines.append(f"- records with gold codings that have no PLOVER reading (not scored): "
                     f"{len(report.unscored)}; coded units left unjudged there: "
                     f"{report.unjudged}")
    return lines


def overall_table(report: Report) -> str:
    overall = report.overall
    targets: dict[MetricName, Target] = {t.metric: t for t in report.targets}
    rows = []
    for name, label in OVERALL_ROWS:
        target = targets.get(name)
        mark = "" if target is None else ("met" if target.met(overall) else "NOT met")
        rows.append([label, percent(overall.value(name)),
                     f">= {percent(target.minimum)}" if target else "", mark])
    counts = (f"gold {overall.gold}, coded {overall.coded}, type matched {overall.matched}, "
              f"fully right {overall.full}")
    if report.matching == "sentence":
        counts = (f"gold {overall.gold} (type found {overall.matched}, fully {overall.full}), "
                  f"coded {overall.coded} (type right {overall.coded_right})")
    rows += [[label, value, "", ""] for label, value in country_rows(report)]
    return table(["metric", "value", "target", "status"], rows) + f"\n\n{counts}"


def _share(part: int, whole: int) -> str:
    return f"{percent(part / whole if whole else None)} ({part}/{whole})"


def country_rows(report: Report) -> list[tuple[str, str]]:
    """Shares of the counted events' actors and recipients with no country (`---`) and
    with a country inferred from the document or from the event."""
    c = report.actor_countries
    return [("actors and recipients with no country (`---`)", _share(c.countryless, c.actors)),
            ("... with a country inferred from the document",
             _share(c.from_document, c.actors)),
            ("... with a country inferred from the event (coder)",
             _share(c.from_event, c.actors))]


def _metric_row(label: str, m: Metrics) -> list[object]:
    return [label, m.gold, m.coded, m.matched, m.full, percent(m.recall),
            percent(m.full_recall), percent(m.precision), percent(m.f1)]


def _sentence_row(label: str, m: Metrics) -> list[object]:
    return [label, m.gold, m.matched, m.full, m.coded, m.coded_right, percent(m.recall),
            percent(m.full_recall), percent(m.precision), percent(m.f1)]


METRIC_HEADER = ["gold", "coded", "type ok", "full ok", "recall", "full recall", "precision",
                 "F1"]
SENTENCE_HEADER = ["gold", "found", "fully found", "coded", "coded right", "recall",
                   "full recall", "precision", "F1"]


def type_table(report: Report) -> str:
    """Per event type: gold counted under its gold type, coded under its coded type."""
    row, header = ((_sentence_row, SENTENCE_HEADER) if report.matching == "sentence"
                   else (_metric_row, METRIC_HEADER))
    order = [t for t in EVENT_TYPES if t in report.by_type]
    order += sorted(t for t in report.by_type if t not in EVENT_TYPES)
    rows = [row(t, report.by_type[t]) for t in order]
    rows.append(row("**all**", report.overall))
    return table(["event type", *header], rows)


def category_table(report: Report) -> str:
    sentence = report.matching == "sentence"

    def row(label: str, c: CategoryMetrics) -> list[object]:
        m = c.metrics
        counts = ([m.gold, m.matched, m.full, m.coded, m.coded_right] if sentence
                  else [m.gold, m.coded, m.matched, m.full])
        return [label, c.records, c.exact, *counts, percent(m.recall), percent(m.full_recall),
                percent(m.precision)]

    rows = [row(name, report.by_category[name]) for name in sorted(report.by_category)]
    total = CategoryMetrics(report.records, report.exact_records, report.overall)
    rows.append(row("**all**", total))
    counts = (SENTENCE_HEADER[:5] if sentence else METRIC_HEADER[:4])
    return table(["category", "records", "exact", *counts, "recall", "full recall",
                  "precision"], rows)


def confusion_table(report: Report) -> str:
    """Rows: gold type; columns: coded type; `none` is no event."""
    labels = {g for g in report.confusion} | {c for row in report.confusion.values()
                                                for c in row}
    order = [t for t in EVENT_TYPES if t in labels]
    order += [*sorted(labels - set(order) - {NONE_LABEL}), NONE_LABEL]
    rows = []
    for gold in order:
        cells = report.confusion.get(gold, {})
        if gold == NONE_LABEL and not cells:
            continue
        rows.append([gold, *[cells.get(coded, "") or "·" for coded in order]])
    columns = [c[:4] if c != NONE_LABEL else c for c in order]
    return table(["gold \\ coded", *columns], rows)


def error_lines(errors: Sequence[ErrorCase]) -> list[str]:
    lines = []
    for error in errors:
        where = f"{error.record_id}" + (f" (line {error.line})" if error.line else "")
        parts = []
        if error.gold:
            parts.append(f"gold {error.gold.describe()}")
        if error.coded:
            parts.append(f"coded {error.coded.describe()}")
        note = f" — {error.note}" if error.note else ""
        lines.append(f"- `{where}`: {'; '.join(parts)}{note}")
        lines.append(f"  > {error.sentence}")
    return lines


def render_markdown(report: Report, *, title: str | None = "Evaluation", level: int = 1,
                    max_errors: int | None = None, categories: bool = True) -> str:
    """The report as Markdown; `max_errors` limits each error list (None: all)."""
    head = "#" * level
    sub = "#" * (level + 1)
    parts = [f"{head} {title}", ""] if title else []
    parts += [*summary_lines(report), "", overall_table(report), "",
              f"{sub} Per event type", "", type_table(report), ""]
    if categories and report.by_category:
        parts += [f"{sub} Per category", "", category_table(report), ""]
    parts += [f"{sub} Confusion matrix", "",
              "Rows are gold event types, columns coded ones (first four letters); `none` is no "
              "event.", "",
              confusion_table(report), ""]
    if max_errors != 0 and report.errors_withheld:
        parts += [f"Misses and false alarms are not shown: {report.errors_withheld}.", ""]
    if max_errors != 0:
        for kind in ERROR_KINDS:
            errors = report.errors_of(kind)
            if not errors:
                continue
            shown = errors if max_errors is None else errors[:max_errors]
            more = f" (first {len(shown)} of {len(errors)})" if len(shown) < len(errors) else ""
            parts += [f"{sub} {ERROR_TITLES[kind]}: {len(errors)}{more}", "",
                      *error_lines(shown), ""]
    for heading, problems in (("Coding failures", report.failures),
                              ("Unscored gold codings", report.unscored)):
        if problems and max_errors != 0:
            parts += [f"{sub} {heading}: {len(problems)}", ""]
            parts += [f"- `{p.record_id}`: {p.message}" for p in problems[:max_errors]]
            parts.append("")
    return terminal_safe("\n".join(parts).rstrip(), multiline=True) + "\n"


def render_json(report: Report | HalvesReport) -> str:
    return json_safe(json.dumps(report.to_json(), indent=2, ensure_ascii=False)) + "\n"


RANDOM_SELECTION = "random"
HALF_ROWS: tuple[tuple[MetricName, str], ...] = (
    ("recall", "event-type recall"),
    ("full_recall", "full recall (type, actor, recipient)"),
    ("precision", "precision of coded events"),
)


def halves_summary(halves: HalvesReport) -> str:
    """Scores of A, B and both side by side (the last lines `redshank evaluate` prints)."""
    reports = (halves.a, halves.b, halves.both)
    rows: list[list[object]] = [
        ["gold events scored", *[r.overall.gold for r in reports]],
        ["coded events counted", *[r.overall.coded for r in reports]],
    ]
    rows += [[label, *[percent(r.overall.value(name)) for r in reports]]
             for name, label in HALF_ROWS]
    for index, (label, _) in enumerate(country_rows(halves.a)):
        rows.append([label, *[country_rows(r)[index][1] for r in reports]])
    if any(RANDOM_SELECTION in r.by_category for r in reports):
        rows.append([f"precision on `{RANDOM_SELECTION}` sentences",
                     *[_random_precision(r) for r in reports]])
    return table(["", "A", "B", "both"], rows)


def _random_precision(report: Report) -> str:
    category = report.by_category.get(RANDOM_SELECTION)
    if category is None:
        return "–"
    m = category.metrics
    return f"{percent(m.precision)} ({m.coded_right}/{m.coded})"


def halves_type_table(halves: HalvesReport) -> str:
    """Per event type, gold count, recall, full recall and precision of A and of B."""
    types = set(halves.a.by_type) | set(halves.b.by_type)
    order = [t for t in EVENT_TYPES if t in types] + sorted(types - set(EVENT_TYPES))

    def cells(report: Report, name: str | None) -> list[object]:
        m = report.overall if name is None else report.by_type.get(name, Metrics())
        return [m.gold, percent(m.recall), percent(m.full_recall), m.coded,
                percent(m.precision)]

    rows = [[t, *cells(halves.a, t), *cells(halves.b, t)] for t in order]
    rows.append(["**all**", *cells(halves.a, None), *cells(halves.b, None)])
    columns = ["gold", "recall", "full recall", "coded", "precision"]
    return table(["event type", *[f"{c} A" for c in columns], *[f"{c} B" for c in columns]],
                 rows)


def render_halves(halves: HalvesReport, *, title: str | None = "Evaluation", level: int = 1,
                  max_errors: int | None = None) -> str:
    """Half A's report with its errors, both halves per type, then A, B and both side by
    side; nothing of half B but scores."""
    head, sub = "#" * level, "#" * (level + 1)
    a, both = halves.a, halves.both
    parts = [f"{head} {title}", ""] if title else []
    parts += [*summary_lines(both), f"- halves (redshank/data/evaluation/halves.json): A "
              f"{a.records} records, B {halves.b.records}; misses and false alarms are "
              "shown for half A only", "",
              render_markdown(a, title="Half A", level=level + 1, max_errors=max_errors),
              f"{sub} Per event type, halves A and B", "", halves_type_table(halves), "",
              f"{sub} Halves A and B: {both.gold_format}, coded {both.coding}", "",
              halves_summary(halves)]
    if max_errors != 0:
        parts += ["", "Half B is scored only (nobody reads its sentences); half A's misses and "
                  "false alarms are above."]
    return terminal_safe("\n".join(parts).rstrip(), multiline=True) + "\n"
