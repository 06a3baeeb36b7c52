"""Score event dating on the hand-written date set and print Markdown tables.

The set (tests/when/dates_gold.jsonl) has one JSON record per line, each a short article:

    {"id": ..., "category": "absolute" | "relative" | "narrative" | "future" | "distractor"
                            | "none",
     "published": "2014-06-11", "text": ..., "trigger": "rejected",
     "date": "2014-06-10", "precision": "day", "date_text": "on Tuesday",
     "anchor": "on Monday",     # narrative only: the previous date expression in the text
     "future": true,            # the event sentence speaks of the future
     "dateline": true}          # no metadata date: the pipeline must read the dateline

`precision` is day, week, month, year or "reported" (no expression governs the event: the
event is dated by publication and `date_text` is null).

Three scores, from the whole pipeline down to one function:

- **pipeline**: every article goes through `Pipeline.run`; the event whose trigger is the
  item's `trigger` is right when its `date` and `date_precision` equal the gold ones.
  Items whose event the coder does not produce are counted apart ("not coded"), since
  they say nothing about dating. Dated events more than a year before publication must
  also carry the `historical` auxiliary. Each miss is labelled `when` when the finder
  got the expression wrong too, `attachment` when the finder was right and the coder's
  `governing_date` picked another date (or none).
- **finder**: `find_date_mentions` over the article's paragraphs, chaining `previous` as
  the pipeline does; right when a mention covering `date_text` resolves to the gold date.
- **resolver**: `resolve_expression(date_text, published, previous, future=...)` alone,
  with `previous` resolved from `anchor`. Finder and resolver skip items whose event no
  expression governs.

`tests/when/dates_heldout.jsonl` is a second set in the same format, written after the
first round of fixes (see docs/dates.md, "Measured accuracy").

Usage:
    .venv/bin/python scripts/date_accuracy.py [--gold FILE] [--errors]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from spacy.language import Language  # noqa: E402

from redshank.coding.coder import HISTORICAL_AFTER_DAYS  # noqa: E402
from redshank.model import DateMention, Document, DocumentResult, Event  # noqa: E402
from redshank.parse import split_paragraphs  # noqa: E402
from redshank.when import find_date_mentions, find_dateline, resolve_expression  # noqa: E402

GOLD = REPO / "tests" / "when" / "dates_gold.jsonl"
CATEGORIES = ("absolute", "relative", "narrative", "future", "distractor", "none")
PRECISIONS = ("day", "week", "month", "year", "reported")


@dataclass(frozen=True, slots=True)
class GoldItem:
    """One article of the set and the date its marked event should get."""

    id: str
    category: str
    published: date
    text: str
    trigger: str
    date: str
    precision: str
    date_text: str | None
    anchor: str | None = None
    future: bool = False
    dateline: bool = False

    @property
    def is_historical(self) -> bool:
        """Whether the gold date ends more than a year before publication."""
        if self.precision == "reported":
            return False
        end = _period_end(self.date, self.precision)
        return end < self.published - timedelta(days=HISTORICAL_AFTER_DAYS)


@dataclass
class Tally:
    """Right answers out of those scored, and the misses described."""

    right: int = 0
    total: int = 0
    errors: list[str] = field(default_factory=list)
    missed: set[str] = field(default_factory=set)

    def add(self, ok: bool, error: str, item_id: str = "") -> None:
        self.total += 1
        self.right += ok
        if not ok:
            self.errors.append(error)
            self.missed.add(item_id)

    @property
    def rate(self) -> float:
        return self.right / self.total if self.total else 0.0


@dataclass
class PipelineScore:
    """Per-category pipeline tallies, the items not coded and the historical flag."""

    by_category: dict[str, Tally]
    not_coded: dict[str, list[str]]
    historical: Tally
    dateline: Tally


def _period_end(label: str, precision: str) -> date:
    """The last day of an ISO label at a precision ("2014-05" month -> 2014-05-31)."""
    if precision == "day":
        return date.fromisoformat(label)
    if precision == "week":
        return date.fromisoformat(label) + timedelta(days=6)
    if precision == "month":
        year, month = int(label[:4]), int(label[5:7])
        following = date(year + month // 12, month % 12 + 1, 1)
        return following - timedelta(days=1)
    if label.endswith("X"):
        return date(int(label[:3]) * 10 + 9, 12, 31)
    return date(int(label), 12, 31)


def load_gold(path: Path = GOLD) -> list[GoldItem]:
    """The set's items, validated: a malformed line names the file and line number."""
    items: list[GoldItem] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            item = GoldItem(**{**record, "published": date.fromisoformat(record["published"])})
        except (ValueError, TypeError, KeyError) as exc:
            raise ValueError(f"{path}:{number}: {exc}") from exc
        if item.category not in CATEGORIES or item.precision not in PRECISIONS:
            raise ValueError(f"{path}:{number}: unknown category or precision")
        if (item.precision == "reported") != (item.date_text is None):
            raise ValueError(f"{path}:{number}: date_text must be null exactly when reported")
        if item.trigger not in item.text:
            raise ValueError(f"{path}:{number}: trigger {item.trigger!r} is not in the text")
        items.append(item)
    return items


def score_resolver(items: Iterable[GoldItem]) -> dict[str, Tally]:
    """Per-category accuracy of resolve_expression on the governing expressions alone."""
    tallies = {category: Tally() for category in CATEGORIES}
    for item in items:
        if item.date_text is None:
            continue
        previous = resolve_expression(item.anchor, item.published) if item.anchor else None
        got = resolve_expression(item.date_text, item.published, previous, future=item.future)
        ok = got is not None and (got.date, got.precision) == (item.date, item.precision)
        found = f"{got.date}/{got.precision}" if got else "unresolved"
        anchor = f" after {item.anchor!r}" if item.anchor else ""
        tallies[item.category].add(
            ok,
            f"{item.id}: {item.date_text!r}{anchor} published "
            f"{item.published} -> {found}, want "
            f"{item.date}/{item.precision}",
        )
    return tallies


def mentions_of(item: GoldItem, nlp: Language) -> list[DateMention]:
    """The item's date mentions, paragraph by paragraph, as the pipeline finds them."""
    published = find_dateline(item.text) if item.dateline else item.published
    mentions: list[DateMention] = []
    for paragraph in split_paragraphs(item.text):
        previous = mentions[-1].resolved if mentions else None
        doc = nlp(paragraph.text)
        mentions.extend(find_date_mentions(doc, published, paragraph.offset, previous))
    return mentions


def score_finder(items: Iterable[GoldItem], nlp: Language) -> dict[str, Tally]:
    """Per-category accuracy of find_date_mentions on the governing expressions in context."""
    tallies = {category: Tally() for category in CATEGORIES}
    for item in items:
        if item.date_text is None:
            continue
        start = item.text.index(item.date_text)
        end = start + len(item.date_text)
        covering = [
            m.resolved
            for m in mentions_of(item, nlp)
            if m.resolved.span is not None
            and m.resolved.span.start < end
            and start < m.resolved.span.end
        ]
        ok = any((r.date, r.precision) == (item.date, item.precision) for r in covering)
        found = ", ".join(f"{r.text!r} {r.date}/{r.precision}" for r in covering) or "not found"
        tallies[item.category].add(
            ok,
            f"{item.id}: {item.date_text!r} -> {found}, want {item.date}/{item.precision}",
            item.id,
        )
    return tallies


def documents_of(items: Iterable[GoldItem]) -> list[Document]:
    """One document per item; dateline items carry no metadata date."""
    return [
        Document(id=item.id, text=item.text, published=None if item.dateline else item.published)
        for item in items
    ]


def event_for(item: GoldItem, result: DocumentResult) -> Event | None:
    """The coded event whose trigger is the item's trigger word (first one in the text)."""
    for event in result.events:
        if event.evidence.trigger.split()[0] == item.trigger:
            return event
    return None


def score_pipeline(
    items: list[GoldItem], results: Iterable[DocumentResult], finder_missed: set[str]
) -> PipelineScore:
    """Tallies of the pipeline's event dates against the gold, per category.

    `finder_missed` holds the ids of items whose expression the finder got wrong: their
    misses are the WHEN stage's, the others the coder's choice of governing date.
    """
    score = PipelineScore(
        {c: Tally() for c in CATEGORIES}, {c: [] for c in CATEGORIES}, Tally(), Tally()
    )
    for item, result in zip(items, results, strict=True):
        event = event_for(item, result)
        if event is None:
            failures = "; ".join(f.message for f in result.failures)
            because = f" ({failures})" if failures else ""
            score.not_coded[item.category].append(
                f"{item.id}: no event on {item.trigger!r}{because}"
            )
            continue
        ok = (event.date, event.date_precision) == (item.date, item.precision)
        why = next((n for n in event.evidence.notes if n.startswith("date ")), event.date_method)
        cause = "when" if item.id in finder_missed else "attachment"
        error = (
            f"[{cause}] {item.id}: {item.trigger!r} -> {event.date}/{event.date_precision} "
            f"({event.date_text!r}; {why}), want {item.date}/{item.precision} "
            f"({item.date_text!r})\n    {item.text!r}"
        )
        score.by_category[item.category].add(ok, error)
        if item.dateline:
            score.dateline.add(ok, error)
        if item.precision != "reported" and ok:
            historical = event.auxiliary == "historical"
            score.historical.add(
                historical == item.is_historical,
                f"{item.id}: auxiliary {event.auxiliary!r}, historical "
                f"expected: {item.is_historical}",
            )
    return score


def _total(tallies: Iterable[Tally]) -> Tally:
    total = Tally()
    for tally in tallies:
        total.right += tally.right
        total.total += tally.total
        total.errors.extend(tally.errors)
    return total


def report(
    items: list[GoldItem],
    pipeline: PipelineScore,
    finder: dict[str, Tally],
    resolver: dict[str, Tally],
) -> str:
    """The Markdown table: pipeline, finder and resolver accuracy per category."""
    lines = [
        f"Date set: {len(items)} articles, "
        f"{sum(i.date_text is not None for i in items)} with a governing expression.",
        "",
        "| category | items | not coded | pipeline right | pipeline | expressions "
        "| finder right | finder | resolver right | resolver |",
        "| :-- | --: | --: | --: | --: | --: | --: | --: | --: | --: |",
    ]
    for category in (*CATEGORIES, None):
        names = CATEGORIES if category is None else (category,)
        count = sum(item.category in names for item in items)
        missing = sum(len(pipeline.not_coded[name]) for name in names)
        coded = _total(pipeline.by_category[name] for name in names)
        found = _total(finder[name] for name in names)
        resolved = _total(resolver[name] for name in names)
        label = "**all**" if category is None else category
        expression_cells = (
            f"{resolved.total} | {found.right} | {found.rate:.3f} | {resolved.right} "
            f"| {resolved.rate:.3f}"
            if resolved.total
            else "- | - | - | - | -"
        )
        lines.append(
            f"| {label} | {count} | {missing} | {coded.right} | {coded.rate:.3f} "
            f"| {expression_cells} |"
        )
    historical, dateline = pipeline.historical, pipeline.dateline
    lines += [
        "",
        f"- articles dated from their dateline (no metadata date): {dateline.right} of "
        f"{dateline.total} right",
        f"- `historical` auxiliary right on correctly dated events: {historical.right} of "
        f"{historical.total}",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=GOLD, help="the date set (JSON Lines)")
    parser.add_argument("--errors", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    from redshank.pipeline import Pipeline

    items = load_gold(args.gold)
    loaded = Pipeline.load()
    finder = score_finder(items, loaded.nlp)
    finder_missed = {item_id for tally in finder.values() for item_id in tally.missed}
    results = list(loaded.run(documents_of(items)))
    pipeline = score_pipeline(items, results, finder_missed)
    resolver = score_resolver(items)
    print(report(items, pipeline, finder, resolver))
    if args.errors:
        sections = (
            ("Pipeline misses", _total(pipeline.by_category.values()).errors),
            ("Not coded", [e for c in CATEGORIES for e in pipeline.not_coded[c]]),
            ("Historical auxiliary", pipeline.historical.errors),
            ("Finder misses", _total(finder.values()).errors),
            ("Resolver misses", _total(resolver.values()).errors),
        )
        for title, errors in sections:
            if errors:
                print(f"\n### {title}\n")
                print("\n".join(f"- {error}" for error in errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
