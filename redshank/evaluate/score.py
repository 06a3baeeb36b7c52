"""Score coded events against gold records, and run the pipeline to get them.

    from redshank.evaluate import evaluate_file
    report = evaluate_file("gsr_dev.json")                      # packaged knowledge
    report = evaluate_file("records.xml", actor_files=["PETR.Validate.actors.txt"])

`score_results` is pure (gold records + `DocumentResult`s in, `Report` out), so the rules
are tested without a parser; `evaluate` codes every gold sentence as one `Document`
(published on the record's date) in one `Pipeline.run`, then scores.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from redshank.evaluate.gold import GoldEvent, GoldFormat, GoldRecord, GoldSet
from redshank.evaluate.match import CodedUnit, Pair, coded_units, is_counted, match_record
from redshank.evaluate.read import read_gold
from redshank.evaluate.report import (
    DEFAULT_TARGETS,
    NONE_LABEL,
    CategoryMetrics,
    ErrorCase,
    EventView,
    Metrics,
    RecordProblem,
    Report,
    Target,
)
from redshank.model import Actor, Document, DocumentResult, Event
from redshank.version import CODER_VERSION

if TYPE_CHECKING:
    from redshank.pipeline import Pipeline

COUNTED_DEFAULT = "events shown by default (auxiliary not negated, hypothetical or future)"
COUNTED_ALL = "all coded events, including negated, hypothetical and future ones"


def document_id(index: int, record: GoldRecord) -> str:
    """The id a record's sentence is coded under: position and record id (ids may repeat)."""
    return f"{index:05d}:{record.id}"


def gold_documents(gold: GoldSet) -> list[Document]:
    """One document per gold record, published on the record's date."""
    return [Document(id=document_id(i, r), text=r.text, published=r.published, path=gold.path)
            for i, r in enumerate(gold.records)]


def evaluate(gold: GoldSet, pipeline: Pipeline, *, include_hidden: bool = False,
             targets: Sequence[Target] | None = None,
             on_result: Callable[[DocumentResult], None] | None = None) -> Report:
    """Code the gold sentences with `pipeline` (one batched run) and score the events."""
    results = []
    for result in pipeline.run(gold_documents(gold)):
        results.append(result)
        if on_result:
            on_result(result)
    return score_results(gold, results, include_hidden=include_hidden, targets=targets)


def evaluate_file(path: str | Path, *, gold_format: GoldFormat | None = None,
                  actor_files: Iterable[str] = (), pattern_files: Iterable[str] = (),
                  include_hidden: bool = False, pipeline: Pipeline | None = None,
                  on_result: Callable[[DocumentResult], None] | None = None) -> Report:
    """Read a gold file, load a pipeline with the extra knowledge files, code and score."""
    gold = read_gold(path, gold_format)
    if pipeline is None:
        from redshank.pipeline import Pipeline

        pipeline = Pipeline.load(actor_files=actor_files, pattern_files=pattern_files)
    return evaluate(gold, pipeline, include_hidden=include_hidden, on_result=on_result)


def score_results(gold: GoldSet, results: Iterable[DocumentResult], *,
                  include_hidden: bool = False,
                  targets: Sequence[Target] | None = None) -> Report:
    """The report for coded results of `gold_documents(gold)` (matched by document id)."""
    if targets is None:
        targets = DEFAULT_TARGETS if gold.format == "plover-gsr" else ()
    by_id = {result.document.id: result for result in results}
    report = Report(gold_path=gold.path, gold_format=gold.format, unit=gold.unit,
                    coder_version=CODER_VERSION,
                    counted=COUNTED_ALL if include_hidden else COUNTED_DEFAULT,
                    targets=tuple(targets))
    for index, record in enumerate(gold.records):
        _score_record(report, record, by_id.get(document_id(index, record)), gold,
                      include_hidden)
    return report


def _score_record(report: Report, record: GoldRecord, result: DocumentResult | None,
                  gold: GoldSet, include_hidden: bool) -> None:
    report.records += 1
    report.no_event_records += not record.events and not record.unscored
    if record.unscored:
        report.unscored.append(RecordProblem(
            record.id, record.line, "gold coding with no PLOVER reading, not scored: "
            + "; ".join(record.unscored)))
    failure = _failure(result)
    if failure:
        report.failures.append(RecordProblem(record.id, record.line, failure))
    events: list[Event] = result.events if result is not None and not failure else []
    counted = [e for e in events if is_counted(e, include_hidden)]
    hidden = coded_units([e for e in events if not is_counted(e, include_hidden)], gold.unit)
    pairs = match_record(record.events, coded_units(counted, gold.unit),
                         has_unscored=bool(record.unscored))
    category = None
    if record.category:
        category = report.by_category.setdefault(record.category, CategoryMetrics())
        category.records += 1
    exact = not failure and not record.unscored and all(p.kind == "full" for p in pairs)
    report.exact_records += exact
    if category:
        category.exact += exact
    for pair in pairs:
        if pair.kind == "unjudged":
            report.unjudged += 1
            continue
        _count(report, pair, category)
        gold_label = pair.gold.event if pair.gold else NONE_LABEL
        coded_label = pair.coded.event.event if pair.coded else NONE_LABEL
        row = report.confusion.setdefault(gold_label, {})
        row[coded_label] = row.get(coded_label, 0) + 1
        if pair.kind != "full":
            report.errors.append(_error_case(record, pair, hidden, failure, bool(counted)))


def _count(report: Report, pair: Pair, category: CategoryMetrics | None) -> None:
    """Add one pair to the overall and category counts and to its gold and coded types."""
    full = pair.kind == "full"
    for metrics in [report.overall] + ([category.metrics] if category else []):
        metrics.gold += pair.gold is not None
        metrics.coded += pair.coded is not None
        metrics.matched += pair.type_right
        metrics.full += full
    if pair.gold is not None:
        gold_type = report.by_type.setdefault(pair.gold.event, Metrics())
        gold_type.gold += 1
        gold_type.matched += pair.type_right
        gold_type.full += full
    if pair.coded is not None:
        report.by_type.setdefault(pair.coded.event.event, Metrics()).coded += 1


def _failure(result: DocumentResult | None) -> str | None:
    if result is None:
        return "the pipeline returned no result for this record"
    if result.failures:
        return "; ".join(f"[{f.stage}] {f.message}" for f in result.failures)
    return None


def _labels(actors: Iterable[Actor]) -> tuple[str, ...]:
    return tuple(a.code or a.country or a.name for a in actors)


def coded_view(unit: CodedUnit) -> EventView:
    """How a coded unit is shown in the report."""
    event = unit.event
    return EventView(event=event.event, mode=event.mode, actor=_labels(unit.actor),
                     recipient=_labels(unit.recipient), trigger=event.evidence.trigger,
                     rule=" ".join(event.evidence.rule.split()), auxiliary=event.auxiliary,
                     event_id=event.event_id)


def gold_view(event: GoldEvent) -> EventView:
    """How a gold event is shown in the report."""
    return EventView(event=event.event, mode=event.mode,
                     actor=tuple(a.label for a in event.actor),
                     recipient=tuple(a.label for a in event.recipient),
                     rule=None if event.written == event.event else f"gold: {event.written}")


def _error_case(record: GoldRecord, pair: Pair, hidden: list[CodedUnit], failure: str | None,
                anything_counted: bool) -> ErrorCase:
    kind = pair.kind
    note = ""
    if kind == "miss" and pair.gold is not None:
        same = [u for u in hidden if u.event.event == pair.gold.event]
        if failure:
            note = f"coding failed: {failure}"
        elif same:
            note = f"coded but hidden: {coded_view(same[0]).describe()}"
        elif not anything_counted:
            shown = ", ".join(coded_view(u).describe() for u in hidden)
            note = f"nothing coded (hidden: {shown})" if shown else "nothing coded"
    elif kind == "wrong_actors" and pair.gold is not None and pair.coded is not None:
        wrong = []
        if not pair.actor_right:
            wrong.append("actor")
        if not pair.recipient_right:
            wrong.append("recipient")
        note = " and ".join(wrong) + " wrong"
    elif kind == "false_alarm" and not record.events:
        note = "no event in the gold sentence"
    return ErrorCase(kind=kind, record_id=record.id, line=record.line, category=record.category,
                     sentence=record.text,
                     gold=gold_view(pair.gold) if pair.gold else None,
                     coded=coded_view(pair.coded) if pair.coded else None, note=note)
