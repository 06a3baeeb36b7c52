"""The response and request bodies of the HTTP API, as the OpenAPI spec documents them.

Records keep every field of the stored record (`extra="allow"`): the models name the
fields the API promises (docs/api.md), the records may carry more.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Record(BaseModel):
    model_config = ConfigDict(extra="allow")


class EventRecord(Record):
    """Event.to_json() plus the cluster id and the document's url, title and publisher."""

    event_id: str
    doc_id: str
    sentence_index: int
    sentence: str
    event: str
    quad: int
    date: str | None
    date_start: str | None = None
    date_end: str | None = None
    actor: list[dict[str, Any]]
    recipient: list[dict[str, Any]]
    auxiliary: str | None
    cluster_id: str | None
    url: str | None
    title: str | None
    publisher: str | None


class ClusterRecord(Record):
    """Cluster.to_json(), each member with its document's url, title and publisher."""

    cluster_id: str
    event: str
    reports: int
    date_start: str | None
    date_end: str | None
    members: list[dict[str, Any]]


class EventsPage(BaseModel):
    items: list[EventRecord | ClusterRecord] = Field(
        description="events, or clusters when merged=true, in date then id order")
    next_cursor: str | None = Field(description="pass as cursor for the next page; null on "
                                                "the last")
    count: int = Field(description="how many events (clusters) match, on every page")


class MarkedSpan(BaseModel):
    role: str = Field(description="actor, recipient, trigger, date, place or quote")
    start: int = Field(description="offset in the sentence")
    end: int
    text: str
    label: str


class Explanation(BaseModel):
    text: str = Field(description="what `redshank explain` prints")
    sentence: str
    sentence_start: int = Field(description="offset of the sentence in the document")
    spans: list[MarkedSpan]
    rule: str
    entries: list[dict[str, Any]]
    date: dict[str, Any]
    place: dict[str, Any] | None
    auxiliary: str | None
    notes: list[str]


class Report(BaseModel):
    event_id: str
    doc_id: str
    title: str | None
    url: str | None
    publisher: str | None
    published: str | None
    sentence: str | None


class ClusterReports(BaseModel):
    cluster_id: str
    reports: list[Report] = Field(description="the cluster's other reports")


class EventDetail(BaseModel):
    event: EventRecord
    explanation: Explanation
    cluster: ClusterReports | None


class DyadItem(BaseModel):
    actor: str
    recipient: str
    period: str | None
    events: int
    cooperation: int = Field(description="events of quads 1-2")
    conflict: int = Field(description="events of quads 3-4")


class Dyads(BaseModel):
    items: list[DyadItem]


class TimelineItem(BaseModel):
    period: str = Field(description="the first day of the period (YYYY-MM-DD): the day, "
                                    "the Monday of the week, the 1st of the month or of "
                                    "January")
    key: str = Field(description="the quad (1-4) or the PLOVER type")
    events: int


class Timeline(BaseModel):
    by: str = Field(description="the period asked for, or the one chosen for the span "
                                "from first to last: day under 3 months, week under 2 "
                                "years, month under 20 years, else year")
    stack: str
    first: str | None = Field(description="the first period of the bulk of the events; "
                                          "earlier ones are outliers (null: no events)")
    last: str | None = Field(description="the last period of the bulk of the events; later "
                                         "ones are outliers")
    items: list[TimelineItem]


class PlaceItem(BaseModel):
    name: str
    country: str | None = Field(description="ISO alpha-3 code")
    lat: float
    lon: float
    precision: str = Field(description="city, admin1 or country")
    events: int = Field(description="events (clusters, with merged=true) located here")
    reports: int = Field(description="articles per real-world event: the distinct documents "
                                     "of each cluster, an unlinked event counting as one")
    quads: dict[str, int] = Field(description="events of each quad, \"1\" to \"4\"")


class Places(BaseModel):
    items: list[PlaceItem] = Field(description="one per place, most events first")
    count: int = Field(description="how many events (clusters) match")
    located: int = Field(description="how many of them are located")


class PositionRecord(Record):
    position_id: str
    holder: str
    topic: str
    stance: str
    date: str | None
    date_start: str | None
    date_end: str | None
    target_date: str | None = None
    doc_id: str
    sentence: str
    span: dict[str, int]


class PositionsPage(BaseModel):
    items: list[PositionRecord]
    next_cursor: str | None
    count: int


class Coalition(Record):
    coalition_id: str
    name: str
    kind: str | None
    lead: str | None
    hosts: list[str]
    adversary: str | None
    start: str | None
    end: str | None
    members: list[dict[str, Any]]
    contributions: list[dict[str, Any]]
    positions: list[dict[str, Any]]


class Coalitions(BaseModel):
    items: list[Coalition]


class SentenceOffsets(BaseModel):
    index: int
    start: int
    end: int


class DocumentEvent(BaseModel):
    event_id: str
    event: str
    sentence_index: int
    trigger: str
    trigger_start: int
    trigger_end: int
    auxiliary: str | None


class DocumentView(BaseModel):
    doc_id: str
    title: str | None
    url: str | None
    source: str | None
    publisher: str | None
    published: str | None
    text: str
    sentences: list[SentenceOffsets]
    events: list[DocumentEvent]


class Stats(BaseModel):
    documents: int
    sentences: int
    events: int = Field(description="events shown by default")
    events_hidden: int = Field(description="negated, hypothetical and future events")
    hidden_kinds: list[str]
    clusters: int
    positions: int
    coalitions: int
    first_date: str | None
    last_date: str | None
    event_types: dict[str, int]
    countries: dict[str, int]


class CodeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="the article's text")
    published: date | None = Field(None, description="publication date (YYYY-MM-DD): "
                                                     "relative dates resolve against it")
    title: str | None = None


class Coded(BaseModel):
    events: list[dict[str, Any]] = Field(description="Event.to_json() records")
    hidden: int = Field(description="negated, hypothetical or future events left out "
                                    "(all=true keeps them)")
    warnings: list[str]
