"""Typed records that flow through the pipeline: documents in, events with evidence out.

Character spans (`Span`) are always offsets into the document's full text, so a user can
cut the evidence out of the stored article. Token indices (in `Mention`, `DateMention`)
refer to the spaCy `Doc` of one paragraph and are only meaningful inside the pipeline.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from redshank.positions.stage import DocumentReading

from redshank.model.columns import NO_COLUMN, column
from redshank.model.dates import json_record, parse_days

ActorType = Literal["state", "person", "igo", "ngo", "armed_group", "other"]
DatePrecision = Literal["day", "week", "month", "year", "reported", "unknown"]
Auxiliary = Literal["negated", "hypothetical", "future", "historical"]
PlaceScope = Literal["sentence", "paragraph", "document"]
PLACE_SCOPES: tuple[PlaceScope, ...] = ("sentence", "paragraph", "document")  # nearest first


def content_hash(text: str) -> str:
    """Stable identity of a text: sha256 of its UTF-8 bytes, hex, first 16 chars."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def hash_record(*parts: object) -> str:
    """Content-derived id for a record: the same inputs always give the same id."""
    payload = json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open character range [start, end) in a document's text."""

    start: int
    end: int

    def shift(self, offset: int) -> Span:
        return Span(self.start + offset, self.end + offset)


@dataclass(slots=True)
class Document:
    """One article with its metadata, as read by ingest."""

    id: str = field(metadata=column(name="doc_id"))
    text: str
    title: str | None = None
    published: date | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None
    published_from: Literal["metadata", "dateline", "none"] = "metadata"
    warnings: list[str] = field(default_factory=list, metadata=column(text=True, nullable=True))

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


@dataclass(slots=True)
class Failure:
    """A per-document problem: which document, which stage, what happened."""

    doc_id: str | None
    stage: str
    message: str
    path: str | None = None
    line: int | None = None


@dataclass(slots=True)
class Sentence:
    """A sentence of a document with its character span and paragraph number."""

    doc_id: str
    index: int = field(metadata=column(name="sentence_index"))
    text: str
    span: Span = field(metadata=column(parts=("start_char", "end_char")))
    paragraph: int


@dataclass(slots=True)
class Actor:
    """A resolved entity: who an actor mention refers to, at the date of the event.

    `country_from` says where a country not given by the dictionaries came from: "phrase"
    (a place in the mention's own phrase), "antecedent" (the same role noun named before
    with a country), "article" (the article's focus country); None
    when the dictionaries gave it, or there is none. `entries` then ends with the reason.
    """

    text: str
    name: str
    country: str | None
    sector: str | None
    type: ActorType
    id: str = field(metadata=column(name="actor_id"))
    span: Span = field(metadata=column(parts=("start_char", "end_char")))
    code: str | None = None
    entries: list[str] = field(default_factory=list, metadata=column(text=True))
    country_from: str | None = None

    @property
    def inferred(self) -> bool:
        """Whether the country was inferred from the document, not given by a dictionary."""
        return self.country_from is not None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Mention:
    """An actor found in a parsed paragraph: tokens [start, end) and the syntactic head."""

    actor: Actor
    token_start: int
    token_end: int
    head: int


@dataclass(slots=True)
class ResolvedDate:
    """A date expression resolved to a calendar range, with how it was resolved."""

    text: str
    date: str
    precision: DatePrecision
    start: date
    end: date
    method: str
    span: Span | None = None


@dataclass(slots=True)
class DateMention:
    """A date expression found in a parsed paragraph (tokens [start, end)), resolved."""

    resolved: ResolvedDate
    token_start: int
    token_end: int
    head: int


@dataclass(slots=True)
class Location:
    """Where an event happened, and how precisely we know it."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: Literal["city", "admin1", "country", "none"]
    admin1: str | None = None
    geonames_id: int | None = None


@dataclass(slots=True)
class Quote:
    """A quotation an event was coded from, with its attributed speaker."""

    speaker: Actor | None
    span: Span


@dataclass(slots=True)
class Evidence:
    """Why an event was coded: the trigger, its span, the rule, the knowledge used.

    `actor_how` and `recipient_how` say how each side was found (the construction read),
    `auxiliary_cue` the words that made the event negated, hypothetical or future; `notes`
    are the other steps, in words for a reader. Later stages read the typed fields:
    `auxiliary_lemmas` (the cue's words as lemmas) and `actors_mobilized` (the actors are
    the forces a MOBILIZE sets in motion, not who decided it: "U.S. ground troops would
    not be deployed").
    """

    trigger: str
    span: Span
    rule: str
    entries: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    actor_how: str = ""
    recipient_how: str = ""
    auxiliary_cue: str | None = None
    auxiliary_lemmas: list[str] = field(default_factory=list)
    actors_mobilized: bool = False


@dataclass(slots=True)
class Event:
    """One coded PLOVER event with everything needed to check it against its source.

    `actor_inferred` is True when the actor is implied by convention, not named (an
    agentless passive: "was arrested" -> the police). `place_scope` says how far from the
    trigger its `location` was found: "sentence" (a place governs it), "paragraph" or
    "document" (redshank/where/scope.py). `date` labels the period the event is dated to
    ("2014-06-11", "2014-06", "199X"), `date_start` and `date_end` are its first and last
    day.
    """

    event_id: str
    doc_id: str
    sentence_index: int
    sentence: str = field(metadata=NO_COLUMN)
    event: str
    mode: str | None
    context: list[str] = field(metadata=NO_COLUMN)
    cameo: str | None
    quad: int
    intensity: float
    actor: list[Actor] = field(metadata=NO_COLUMN)
    recipient: list[Actor] = field(metadata=NO_COLUMN)
    date: str | None
    date_precision: DatePrecision
    date_text: str | None = field(metadata=NO_COLUMN)
    location: Location | None = field(metadata=NO_COLUMN)
    auxiliary: Auxiliary | None
    quote: Quote | None = field(metadata=NO_COLUMN)
    evidence: Evidence = field(metadata=NO_COLUMN)
    published: date | None
    coder_version: str
    date_start: date | None = None
    date_end: date | None = None
    date_method: str | None = field(default=None, metadata=NO_COLUMN)
    sentence_span: Span | None = field(default=None, metadata=NO_COLUMN)
    actor_inferred: bool = False
    place_scope: PlaceScope | None = field(default=None, metadata=NO_COLUMN)

    def to_json(self) -> dict[str, Any]:
        """The event record as documented in docs/formats.md (days as ISO strings)."""
        return json_record(self)

    @classmethod
    def from_json(cls, record: dict[str, Any]) -> Event:
        """Rebuild an event from `to_json` output (as stored in the database)."""
        data = parse_days(dict(record), "published", "date_start", "date_end")
        data["actor"] = [_actor_from_json(a) for a in data["actor"]]
        data["recipient"] = [_actor_from_json(a) for a in data["recipient"]]
        if data.get("location"):
            data["location"] = Location(**data["location"])
        if data.get("quote"):
            quote = data["quote"]
            speaker = _actor_from_json(quote["speaker"]) if quote.get("speaker") else None
            data["quote"] = Quote(speaker=speaker, span=Span(**quote["span"]))
        evidence = dict(data["evidence"])
        evidence["span"] = Span(**evidence["span"])
        data["evidence"] = Evidence(**evidence)
        if data.get("sentence_span"):
            data["sentence_span"] = Span(**data["sentence_span"])
        return cls(**data)


def _actor_from_json(record: dict[str, Any]) -> Actor:
    data = dict(record)
    data["span"] = Span(**data["span"])
    return Actor(**data)


@dataclass(slots=True)
class DocumentResult:
    """Everything the pipeline derived from one document; `reading` is its positions,
    memberships and contributions (None when not read: a failed document)."""

    document: Document
    sentences: list[Sentence] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    reading: DocumentReading | None = None
