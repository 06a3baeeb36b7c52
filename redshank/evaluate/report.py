"""The evaluation report: typed metrics, confusion matrix, errors; and its JSON form."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

ErrorKind = Literal["miss", "wrong_type", "wrong_actors", "false_alarm"]
ERROR_KINDS: tuple[ErrorKind, ...] = ("miss", "wrong_type", "wrong_actors", "false_alarm")
NONE_LABEL = "none"
Half = Literal["A", "B"]
HALVES: tuple[Half, ...] = ("A", "B")
MetricName = Literal["recall", "full_recall", "precision", "full_precision", "f1", "full_f1"]


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None:
        return None
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(slots=True)
class Metrics:
    """Counts of gold and coded units and of how many were judged right, with their rates.

    `matched`: gold units found with the right event type; `full`: and with both actor and
    recipient right. `coded_right` and `coded_full`: the same for coded units. One-to-one
    pairing makes each equal to its gold counterpart; the sentence rules do not.
    A rate is None when its denominator is zero.
    """

    gold: int = 0
    coded: int = 0
    matched: int = 0
    full: int = 0
    coded_right: int = 0
    coded_full: int = 0

    @property
    def recall(self) -> float | None:
        return _ratio(self.matched, self.gold)

    @property
    def full_recall(self) -> float | None:
        return _ratio(self.full, self.gold)

    @property
    def precision(self) -> float | None:
        return _ratio(self.coded_right, self.coded)

    @property
    def full_precision(self) -> float | None:
        return _ratio(self.coded_full, self.coded)

    @property
    def f1(self) -> float | None:
        return _f1(self.precision, self.recall)

    @property
    def full_f1(self) -> float | None:
        return _f1(self.full_precision, self.full_recall)

    def value(self, name: MetricName) -> float | None:
        return getattr(self, name)

    def to_json(self) -> dict[str, Any]:
        rates = ("recall", "full_recall", "precision", "full_precision", "f1", "full_f1")
        return {**asdict(self), **{name: getattr(self, name) for name in rates}}


@dataclass(slots=True)
class CategoryMetrics:
    """Metrics of the records of one category, and how many were coded exactly right."""

    records: int = 0
    exact: int = 0
    metrics: Metrics = field(default_factory=Metrics)

    def to_json(self) -> dict[str, Any]:
        return {"records": self.records, "exact": self.exact, **self.metrics.to_json()}


@dataclass(slots=True)
class ActorCountries:
    """Where the coded actors and recipients of counted events got their country.

    `countryless`: no country (a code starting `---`, or none: "police", "---COP");
    `from_document`: a country the actor stage inferred from the mention's phrase or the
    article (`Actor.country_from`); `from_event`: one the coder gave from the event (where
    it happened, the other side's country), said by an entries line "country XXX: ...".
    """

    actors: int = 0
    countryless: int = 0
    from_document: int = 0
    from_event: int = 0

    @property
    def countryless_share(self) -> float | None:
        return _ratio(self.countryless, self.actors)

    @property
    def inferred_share(self) -> float | None:
        return _ratio(self.from_document + self.from_event, self.actors)

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "countryless_share": self.countryless_share,
                "inferred_share": self.inferred_share}


@dataclass(frozen=True, slots=True)
class Target:
    """A quality bar: `metric` of the overall metrics at least `minimum`."""

    metric: MetricName
    minimum: float
    label: str

    def met(self, metrics: Metrics) -> bool | None:
        value = metrics.value(self.metric)
        return None if value is None else value >= self.minimum


DEFAULT_TARGETS = (
    Target("recall", 0.75, "event-type recall"),
    Target("full_recall", 0.60, "full recall (type, actor, recipient)"),
    Target("precision", 0.75, "precision of coded events"),
)
REAL_NEWS_TARGETS = (  # issue 10's, on unseen real news
    Target("recall", 0.50, "event-type recall"),
    Target("full_recall", 0.30, "full recall (type, actor, recipient)"),
    Target("precision", 0.70, "precision of coded events"),
)


@dataclass(frozen=True, slots=True)
class EventView:
    """An event as shown in an error listing: type, mode, actor and recipient labels."""

    event: str
    mode: str | None
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    trigger: str | None = None
    rule: str | None = None
    auxiliary: str | None = None
    event_id: str | None = None

    def describe(self) -> str:
        """`REQUEST/assist IRQ -> USA ['asked', rule core:12]`."""
        mode = f"/{self.mode}" if self.mode else ""
        text = (f"{self.event}{mode} {'+'.join(self.actor) or '-'} -> "
                f"{'+'.join(self.recipient) or '-'}")
        details = [f"{self.trigger!r}" if self.trigger else "", self.rule or "",
                   self.auxiliary or ""]
        shown = ", ".join(d for d in details if d)
        return f"{text} [{shown}]" if shown else text


@dataclass(frozen=True, slots=True)
class ErrorCase:
    """One thing to fix: a missed gold event, a wrong type or actors, or a false alarm."""

    kind: ErrorKind
    record_id: str
    line: int | None
    category: str | None
    sentence: str
    gold: EventView | None
    coded: EventView | None
    note: str = ""


@dataclass(frozen=True, slots=True)
class RecordProblem:
    """A record that could not be scored as usual: a coding failure or unscored gold."""

    record_id: str
    line: int | None
    message: str


@dataclass(slots=True)
class Report:
    """Everything an evaluation found, overall, per event type and per category."""

    gold_path: str
    gold_format: str
    unit: str
    coder_version: str
    counted: str
    records: int = 0
    no_event_records: int = 0
    exact_records: int = 0
    overall: Metrics = field(default_factory=Metrics)
    by_type: dict[str, Metrics] = field(default_factory=dict)
    by_category: dict[str, CategoryMetrics] = field(default_factory=dict)
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    errors: list[ErrorCase] = field(default_factory=list)
    failures: list[RecordProblem] = field(default_factory=list)
    unscored: list[RecordProblem] = field(default_factory=list)
    unjudged: int = 0
    targets: tuple[Target, ...] = ()
    coding: str = "each gold sentence alone"
    matching: str = "one-to-one"
    errors_withheld: str | None = None
    actor_countries: ActorCountries = field(default_factory=ActorCountries)

    def errors_of(self, kind: ErrorKind) -> list[ErrorCase]:
        return [e for e in self.errors if e.kind == kind]

    def to_json(self) -> dict[str, Any]:
        """The report as plain JSON data (the `--report FILE.json` form)."""
        return {
            "gold_path": self.gold_path, "gold_format": self.gold_format, "unit": self.unit,
            "coder_version": self.coder_version, "counted": self.counted,
            "coding": self.coding, "matching": self.matching,
            "errors_withheld": self.errors_withheld,
            "records": self.records, "no_event_records": self.no_event_records,
            "exact_records": self.exact_records, "unjudged": self.unjudged,
            "overall": self.overall.to_json(),
            "actor_countries": self.actor_countries.to_json(),
            "targets": [{**asdict(t), "value": self.overall.value(t.metric),
                         "met": t.met(self.overall)} for t in self.targets],
            "by_type": {k: v.to_json() for k, v in self.by_type.items()},
            "by_category": {k: v.to_json() for k, v in self.by_category.items()},
            "confusion": self.confusion,
            "errors": [asdict(e) for e in self.errors],
            "failures": [asdict(f) for f in self.failures],
            "unscored": [asdict(u) for u in self.unscored],
        }


@dataclass(slots=True)
class HalvesReport:
    """The reports of a dev set's halves and of both: errors are kept for half A only."""

    a: Report
    b: Report
    both: Report

    def to_json(self) -> dict[str, Any]:
        return {"A": self.a.to_json(), "B": self.b.to_json(), "both": self.both.to_json()}
