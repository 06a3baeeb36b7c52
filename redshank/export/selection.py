"""What the field's formats export: stored events (or clusters) with their source documents.

    store -> select(store, include_all, merged) -> [ExportEvent(id, reports, cluster)]

An `ExportEvent` is one report (an event read in one document) or, with `merged`, one
cluster: a real-world event with every report of it, earliest first. Each report carries
its document's URL, title and publisher (`Source`), so every format can cite it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from redshank.model import Cluster, DatePrecision, Event
from redshank.store.base import ClusterQuery, EventQuery, Store


@dataclass(frozen=True, slots=True)
class Source:
    """The document an event was read in, as the formats cite it (documents table)."""

    doc_id: str
    url: str | None
    title: str | None
    publisher: str | None
    published: date | None
    text_length: int


@dataclass(frozen=True, slots=True)
class Report:
    """One event as coded from one document."""

    event: Event
    source: Source


@dataclass(slots=True)
class ExportEvent:
    """One exported event: a report, or (merged) a cluster with all its reports.

    `id` is the event id, or the cluster id when merged; `reports[0]` is the report the
    event-level fields are taken from (merged: the earliest published). `cluster` is the
    event's cluster, if linked.
    """

    id: str
    reports: list[Report]
    cluster: Cluster | None
    merged: bool

    @property
    def event(self) -> Event:
        return self.reports[0].event

    @property
    def source(self) -> Source:
        return self.reports[0].source

    @property
    def date_range(self) -> tuple[date | None, date | None]:
        """First and last day the event may have happened on (merged: what every report
        agrees with), the publication date when the event has no date of its own."""
        if self.merged and self.cluster is not None and self.cluster.date_start is not None:
            return self.cluster.date_start, self.cluster.date_end or self.cluster.date_start
        event = self.event
        if event.date_start:
            return event.date_start, event.date_end or event.date_start
        published = self.source.published
        return published, published

    @property
    def date_precision(self) -> DatePrecision:
        """How precise `date_range` is: the report's precision, or "day" when a cluster's
        reports narrow it to one day; "reported" when the publication date stands in."""
        start, end = self.date_range
        if self.merged and self.cluster is not None and start is not None and start == end:
            return "day"
        if self.event.date_start is None and start is not None:
            return "reported"
        return self.event.date_precision

    @property
    def documents(self) -> list[str]:
        """Distinct documents reporting the event, in report order."""
        return list(dict.fromkeys(report.source.doc_id for report in self.reports))

    @property
    def publishers(self) -> list[str]:
        """Distinct publishers of the reports (a document without one counts as its own)."""
        return list(dict.fromkeys(report.source.publisher or f"doc:{report.source.doc_id}"
                                  for report in self.reports))


def select(store: Store, *, include_all: bool = False, merged: bool = False) -> list[ExportEvent]:
    """Stored events as exported: one per report, or one per cluster when `merged` (events
    not linked into a cluster stay single reports). Negated, hypothetical and future
    events are left out unless `include_all`."""
    events = store.query_events(EventQuery(include_all=include_all))
    cluster_of = store.cluster_ids_of([event.event_id for event in events])
    clusters = {cluster.cluster_id: cluster
                for cluster in store.get_clusters(sorted(set(cluster_of.values())))}
    if not merged:
        sources = load_sources(store, (event.doc_id for event in events))
        return [ExportEvent(event.event_id, [Report(event, sources[event.doc_id])],
                            clusters.get(cluster_of.get(event.event_id, "")), merged=False)
                for event in events]
    chosen = store.query_clusters(ClusterQuery(include_all=include_all))
    member_ids = [member.event_id for cluster in chosen for member in cluster.members]
    by_id = {event.event_id: event for event in events}
    by_id.update({event.event_id: event
                  for event in store.get_events([i for i in member_ids if i not in by_id])})
    unlinked = [event for event in events if event.event_id not in cluster_of]
    sources = load_sources(store, [*(by_id[i].doc_id for i in member_ids if i in by_id),
                                   *(event.doc_id for event in unlinked)])
    exported = []
    for cluster in chosen:
        reports = [Report(by_id[m.event_id], sources[by_id[m.event_id].doc_id])
                   for m in cluster.members if m.event_id in by_id]
        reports.sort(key=_report_order)
        if reports:
            exported.append(ExportEvent(cluster.cluster_id, reports, cluster, merged=True))
    exported += [ExportEvent(event.event_id, [Report(event, sources[event.doc_id])], None,
                             merged=True) for event in unlinked]
    return exported


def _report_order(report: Report) -> tuple[date, str, int]:
    return (report.source.published or date.max, report.source.doc_id,
            report.event.sentence_index)


def load_sources(store: Store, doc_ids: Iterable[str]) -> dict[str, Source]:
    """The cited metadata of each document (a document missing from the store gets an
    empty citation under its id)."""
    sources = {}
    for doc_id in dict.fromkeys(doc_ids):
        document = store.get_document(doc_id)
        if document is None:
            sources[doc_id] = Source(doc_id, None, None, None, None, 0)
        else:
            sources[doc_id] = Source(doc_id, document.url, document.title, document.source,
                                     document.published, len(document.text))
    return sources
