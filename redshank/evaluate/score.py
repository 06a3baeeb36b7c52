"""Score coded events against gold records, and run the pipeline to get them.

    from redshank.evaluate import evaluate_file
    report = evaluate_file("gsr_dev.json")                      # packaged knowledge
    report = evaluate_file("records.xml", actor_files=["PETR.Validate.actors.txt"])

`score_results` and `score_records` are pure (gold records + `DocumentResult`s in, `Report`
out), so the rules are tested without a parser; `evaluate` codes every gold sentence as one
`Document` (published on the record's date) in one `Pipeline.run`, or, given the articles,
codes each whole article and gives each sentence the events whose trigger it holds
(`articles.code_in_articles`), then scores.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from redshank.evaluate.gold import GoldEvent, GoldFormat, GoldRecord, GoldSet
from redshank.evaluate.match import (
    CodedUnit,
    Pair,
    coded_units,
    is_counted,
    judge_sentence,
    match_record,
)
from redshank.evaluate.read import read_gold
from redshank.evaluate.report import (
    DEFAULT_TARGETS,
    NONE_LABEL,
    REAL_NEWS_TARGETS,
    ActorCountries,
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
CODED_ALONE = "each gold sentence alone"
NULL_CODE = "---"
# The provenance line of a country given from context ("country SYR: the event happened in ...").
_COUNTRY_NOTE = re.compile(r"country [A-Z]{3}: ")
RecordResult = tuple[GoldRecord, DocumentResult | None]


def document_id(index: int, record: GoldRecord) -> str:
    """The id a record's sentence is coded under: position and record id (ids may repeat)."""
    return f"{index:05d}:{record.id}"


def gold_documents(gold: GoldSet) -> list[Document]:
    """One document per gold record, published on the record's date."""
    return [Document(id=document_id(i, r), text=r.text, published=r.published, path=gold.path)
            for i, r in enumerate(gold.records)]


def code_sentences(gold: GoldSet, pipeline: Pipeline,
                   on_result: Callable[[DocumentResult], None] | None = None
                   ) -> list[RecordResult]:
    """Each gold record with the result of coding its sentence alone (one batched run)."""
    results = []
    for result in pipeline.run(gold_documents(gold)):
        results.append(result)
        if on_result:
            on_result(result)
    by_id = {result.document.id: result for result in results}
    return [(r, by_id.get(document_id(i, r))) for i, r in enumerate(gold.records)]


def evaluate(gold: GoldSet, pipeline: Pipeline, *, include_hidden: bool = False,
             targets: Sequence[Target] | None = None,
             on_result: Callable[[DocumentResult], None] | None = None) -> Report:
    """Code the gold sentences with `pipeline` (one batched run) and score the events."""
    return score_records(gold, code_sentences(gold, pipeline, on_result),
                         include_hidden=include_hidden, targets=targets)


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
    by_id = {result.document.id: result for result in results}
    return score_records(gold, [(r, by_id.get(document_id(i, r)))
                                for i, r in enumerate(gold.records)],
                         include_hidden=include_hidden, targets=targets)


def score_records(gold: GoldSet, coded: Iterable[RecordResult], *,
                  include_hidden: bool = False, targets: Sequence[Target] | None = None,
                  coding: str = CODED_ALONE, withhold_errors: str | None = None) -> Report:
    """The report for gold records, each with the result coded for it (None: none came).

    With `withhold_errors` (the reason), the report keeps no misses or false alarms, so
    nothing of those records' sentences can be shown.
    """
    if targets is None:
        targets = {"plover-gsr": DEFAULT_TARGETS,
                   "redshank-gold": REAL_NEWS_TARGETS}.get(gold.format, ())
    report = Report(gold_path=gold.path, gold_format=gold.format, unit=gold.unit,
                    coder_version=CODER_VERSION,
                    counted=COUNTED_ALL if include_hidden else COUNTED_DEFAULT,
                    targets=tuple(targets), coding=coding, matching=gold.matching,
                    errors_withheld=withhold_errors)
    for record, result in coded:
        _score_record(report, record, result, gold, include_hidden)
    if withhold_errors:
        report.errors.clear()
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
    units = coded_units(counted, gold.unit)
    _count_countries(report.actor_countries, counted)
    pairs = (judge_sentence(record.events, units) if gold.matching == "sentence"
             else match_record(record.events, units, has_unscored=bool(record.unscored)))
    category = None
    if record.category:
        category = report.by_category.setdefault(record.category, CategoryMetrics())
        category.records += 1
    exact = not failure and not record.unscored and all(
        p.kind in ("full", "unjudged") for p in pairs)
    report.exact_records += exact
    if category:
        category.exact += exact
    for pair in pairs:
        if pair.kind == "unjudged":
            report.unjudged += 1
            continue
        _count(report, pair, category)
        if not pair.counts_gold and pair.gold is not None:
            continue  # a coded unit judged against gold already listed on the gold side
        gold_label = pair.gold.event if pair.gold else NONE_LABEL
        coded_label = pair.coded.event.event if pair.coded else NONE_LABEL
        row = report.confusion.setdefault(gold_label, {})
        row[coded_label] = row.get(coded_label, 0) + 1
        if pair.kind != "full":
            report.errors.append(_error_case(record, pair, hidden, failure, bool(counted)))


def _count(report: Report, pair: Pair, category: CategoryMetrics | None) -> None:
    """Add one pair to the overall and category counts and to its gold and coded types."""
    full = pair.kind == "full"
    gold_counts, coded_counts = [report.overall], [report.overall]
    if category:
        gold_counts.append(category.metrics)
        coded_counts.append(category.metrics)
    if pair.counts_gold and pair.gold is not None:
        gold_counts.append(report.by_type.setdefault(pair.gold.event, Metrics()))
        for metrics in gold_counts:
            metrics.gold += 1
            metrics.matched += pair.type_right
            metrics.full += full
    if pair.counts_coded and pair.coded is not None:
        coded_counts.append(report.by_type.setdefault(pair.coded.event.event, Metrics()))
        for metrics in coded_counts:
            metrics.coded += 1
            metrics.coded_right += pair.type_right
            metrics.coded_full += full


def _count_countries(counts: ActorCountries, events: Iterable[Event]) -> None:
    """Add the counted events' actors and recipients to where-the-country-came-from counts."""
    for event in events:
        for actor in [*event.actor, *event.recipient]:
            counts.actors += 1
            if not actor.code or actor.code.startswith(NULL_CODE):
                counts.countryless += 1
            elif actor.country_from is not None:
                counts.from_document += 1
            elif any(_COUNTRY_NOTE.match(entry) for entry in actor.entries):
                counts.from_event += 1


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
    elif kind == "false_alarm":
        types = ", ".join(dict.fromkeys(e.event for e in record.events))
        note = f"the gold sentence has {types}"
    return ErrorCase(kind=kind, record_id=record.id, line=record.line, category=record.category,
                     sentence=record.text,
                     gold=gold_view(pair.gold) if pair.gold else None,
                     coded=coded_view(pair.coded) if pair.coded else None, note=note)
