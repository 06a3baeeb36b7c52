"""What each API endpoint reads from the store, as JSON-ready dicts: plain functions of a
read-only store, run in a worker thread by redshank/serve/reader.py."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from redshank.explain import explanation
from redshank.export.records import cited_clusters, cited_events
from redshank.export.selection import load_sources
from redshank.model import Cluster, Event
from redshank.positions.coalitions import LIMIT_STATUSES, build_coalition
from redshank.query import EXCLUDED_AUXILIARIES, ClusterQuery, EventQuery
from redshank.serve.errors import ApiError
from redshank.serve.params import encode_cursor
from redshank.store import CoalitionQuery, PositionQuery, Store
from redshank.store.positions import position_sort_key


def event_sort_key(event: Event) -> tuple[Any, ...]:
    return (event.date_start, event.doc_id, event.sentence_index, event.event_id)


def cluster_sort_key(cluster: Cluster) -> tuple[Any, ...]:
    return (cluster.date_start, cluster.cluster_id)


def events_page(store: Store, query: EventQuery, limit: int) -> dict[str, Any]:
    """A page of events (clusters, for a ClusterQuery) after `query.after`, the cursor of the
    next page and the number of all matches."""
    page = replace(query, limit=limit + 1)
    items: list[dict[str, Any]]
    if isinstance(query, ClusterQuery):
        clusters = store.query_clusters(page)
        more, clusters = len(clusters) > limit, clusters[:limit]
        items = cited_clusters(store, clusters)
        last = cluster_sort_key(clusters[-1]) if clusters else None
        kind = "clusters"
    else:
        events = store.query_events(page)
        more, events = len(events) > limit, events[:limit]
        items = cited_events(store, events)
        last = event_sort_key(events[-1]) if events else None
        kind = "events"
    next_cursor = encode_cursor(kind, last) if more and last is not None else None
    return {"items": items, "next_cursor": next_cursor,
            "count": store.count_events(replace(query, after=None))}


def event_detail(store: Store, event_id: str) -> dict[str, Any]:
    """An event with its sources, its explanation and the other reports of its cluster."""
    event = store.get_event(event_id)
    if event is None:
        raise ApiError(404, "not_found", f"no event {event_id!r} in this database")
    (record,) = cited_events(store, [event])
    cluster = None
    if record["cluster_id"] is not None:
        found = store.get_cluster(record["cluster_id"])
        others = [m for m in found.members if m.event_id != event_id] if found else []
        sentences = {e.event_id: e.sentence for e in store.get_events([m.event_id
                                                                        for m in others])}
        sources = load_sources(store, (m.doc_id for m in others))
        cluster = {"cluster_id": record["cluster_id"], "reports": [
            {"event_id": m.event_id, "doc_id": m.doc_id, "title": sources[m.doc_id].title,
             "url": sources[m.doc_id].url, "publisher": sources[m.doc_id].publisher,
             "published": m.published.isoformat() if m.published else None,
             "sentence": sentences.get(m.event_id)}
            for m in others]}
    return {"event": record, "explanation": explanation(event).to_json(), "cluster": cluster}


def cluster_detail(store: Store, cluster_id: str) -> dict[str, Any]:
    """A cluster (by id or retired alias) with its members' sources."""
    cluster = store.get_cluster(cluster_id)
    if cluster is None:
        raise ApiError(404, "not_found", f"no cluster {cluster_id!r} in this database")
    return cited_clusters(store, [cluster])[0]


def dyads(store: Store, query: EventQuery, by_actor: str, by: str | None, top: int | None
          ) -> dict[str, Any]:
    """Dyad counts, busiest first (in time order with `by`); `top` keeps the busiest pairs."""
    from redshank.frames import dyad_counts

    counts = dyad_counts(store, query, by_actor=by_actor, by=by, top=top)
    return {"items": [{"actor": c.actor, "recipient": c.recipient, "period": c.period,
                       "events": c.events, "cooperation": c.cooperation,
                       "conflict": c.conflict} for c in counts]}


def places(store: Store, query: EventQuery) -> dict[str, Any]:
    """Matching events per place, and how many match and how many are located."""
    found, located = store.count_places(query)
    return {"items": [{"name": p.name, "country": p.country, "lat": p.lat, "lon": p.lon,
                       "precision": p.precision, "events": p.events, "reports": p.reports,
                       "quads": {str(quad): count for quad, count in p.quads.items()}}
                      for p in found],
            "count": store.count_events(query), "located": located}


# The period a timeline is counted in when none is asked for: the first whose span (days)
# the bulk of the events is shorter than, else years.
AUTO_PERIODS = (("day", 92), ("week", 731), ("month", 20 * 366))
# Dates further than this many spreads (the middle half of the events' days, at least
# MIN_SPREAD_DAYS) before the first or after the last quarter are outliers.
OUTLIER_SPREADS = 3
MIN_SPREAD_DAYS = 61


def timeline(store: Store, query: EventQuery, by: str | None, stack: str) -> dict[str, Any]:
    """Dated events per period (`by`, else one chosen for the span of the bulk of them)
    and key, and the first and last period of that bulk: far-off dates (a stray 1876 in a
    2005 corpus) fall outside it."""
    days = store.count_timeline(query, by="day", stack=stack)
    per_day: Counter[date] = Counter()
    for day, _key, count in days:
        per_day[day] += count
    first, last = bulk_range(per_day)
    if by is None:
        by = auto_period(first, last)
    rows = days if by == "day" else store.count_timeline(query, by=by, stack=stack)
    return {"by": by, "stack": stack,
            "first": _day(period_start(first, by)) if first else None,
            "last": _day(period_start(last, by)) if last else None,
            "items": [{"period": day.isoformat(), "key": key, "events": count}
                      for day, key, count in rows]}


def bulk_range(per_day: Counter[date]) -> tuple[date | None, date | None]:
    """The first and last day with events that is not an outlier: no further than
    OUTLIER_SPREADS spreads from the middle half of the events."""
    if not per_day:
        return None, None
    days = sorted(per_day)
    total = sum(per_day.values())
    seen, quartiles = 0, []
    for day in days:
        seen += per_day[day]
        while len(quartiles) < 2 and seen * 4 >= total * (1 + 2 * len(quartiles)):
            quartiles.append(day)
    low, high = quartiles
    reach = timedelta(days=OUTLIER_SPREADS * max((high - low).days, MIN_SPREAD_DAYS))
    kept = [day for day in days if low - reach <= day <= high + reach]
    return kept[0], kept[-1]


def auto_period(first: date | None, last: date | None) -> str:
    """Day for under three months, week under two years, month under twenty, else year."""
    span = (last - first).days if first and last else 0
    return next((unit for unit, days in AUTO_PERIODS if span < days), "year")


def period_start(day: date, by: str) -> date:
    """The first day of the day, week (Monday), month or year holding `day`."""
    if by == "week":
        return day - timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    if by == "year":
        return day.replace(month=1, day=1)
    return day


def positions_page(store: Store, query: PositionQuery, limit: int) -> dict[str, Any]:
    """A page of positions after `query.after`, the next cursor and the number of matches."""
    found = store.query_positions(replace(query, limit=limit + 1))
    more, found = len(found) > limit, found[:limit]
    next_cursor = (encode_cursor("positions", position_sort_key(found[-1]))
                   if more and found else None)
    return {"items": [position.to_json() for position in found], "next_cursor": next_cursor,
            "count": store.count_positions(replace(query, after=None))}


def coalitions(store: Store, query: CoalitionQuery, at: date | None) -> dict[str, Any]:
    """Coalitions with their members' evidence, contributions and their positions on the
    coalition's topics over time (`red_line`: a refusal; `conditional`: hedged); on `at`,
    the members that had joined and not left and what was stated by then."""
    summaries = store.query_coalitions(query)
    ids = [summary.coalition_id for summary in summaries]
    memberships = store.memberships_of(ids)
    evidence = {m.membership_id: m for m in memberships}
    contributed = store.contributions_of(ids)
    items = []
    for summary in summaries:
        coalition = build_coalition(summary, memberships, contributed)
        if at is not None:
            coalition = coalition.at(at)
        members = []
        for member in coalition.members:
            pieces = [member.evidence, *(evidence[i] for i in member.more_evidence
                                         if i in evidence)]
            members.append({
                "member": member.member, "name": member.name, "type": member.type,
                "role": member.role, "joined": _day(member.joined), "left": _day(member.left),
                "status": member.status,
                "evidence": [{"doc_id": m.doc_id, "event_id": m.event_id,
                              "sentence": m.sentence, "status": m.status,
                              "date": _day(m.date_start)} for m in pieces]})
        groups = [g for m in coalition.members for g in m.contributions] + coalition.related
        contributions = [
            {"member": c.actor, "name": c.actor_name, "kind": c.kind, "status": c.status,
             "count": c.count, "change": c.change, "date": _day(c.date_start),
             "target_date": _day(c.target_date), "sentence": c.sentence, "doc_id": c.doc_id}
            for group in groups for c in group.evidence]
        topics = {c["kind"] for c in contributions}
        positions = []
        for member in coalition.members:
            for position in store.query_positions(PositionQuery(actor=member.member, until=at)):
                if position.topic in topics:
                    positions.append(position.to_json() | {
                        "red_line": position.stance == "refuse",
                        "conditional": bool(position.hedges)})
        items.append({
            "coalition_id": coalition.coalition_id, "name": coalition.name,
            "kind": coalition.kind, "lead": coalition.lead, "hosts": coalition.hosts,
            "adversary": coalition.adversary.name if coalition.adversary else None,
            "start": _day(coalition.start), "end": _day(coalition.end),
            "labels": coalition.labels, "members": members, "contributions": contributions,
            "limits": [{"member": g.actor, "kind": g.kind, "status": g.status}
                       for g in coalition.limits if g.status in LIMIT_STATUSES],
            "positions": positions})
    return {"items": items}


def document(store: Store, doc_id: str) -> dict[str, Any]:
    """A document's text with its sentences' offsets and the events read in it."""
    found = store.get_document(doc_id)
    if found is None:
        raise ApiError(404, "not_found", f"no document {doc_id!r} in this database")
    events = store.query_events(EventQuery(doc_ids=(doc_id,), include_all=True))
    return {
        "doc_id": found.id, "title": found.title, "url": found.url, "source": found.source,
        "publisher": found.source, "published": _day(found.published), "text": found.text,
        "sentences": [{"index": s.index, "start": s.span.start, "end": s.span.end}
                      for s in store.get_sentences(doc_id)],
        "events": [{"event_id": e.event_id, "event": e.event, "sentence_index": e.sentence_index,
                    "trigger": e.evidence.trigger, "trigger_start": e.evidence.span.start,
                    "trigger_end": e.evidence.span.end, "auxiliary": e.auxiliary}
                   for e in events]}


def stats(store: Store) -> dict[str, Any]:
    """What the store holds: row counts, the shown events' dates, types and countries."""
    counts = store.counts()
    shown = EventQuery()
    first, last = store.date_range(shown)
    return {
        "documents": counts["documents"], "sentences": counts["sentences"],
        "events": store.count_events(shown),
        "events_hidden": store.count_events(EventQuery(include_all=True))
        - store.count_events(shown),
        "hidden_kinds": list(EXCLUDED_AUXILIARIES),
        "clusters": counts["clusters"], "positions": counts["positions"],
        "coalitions": counts["coalitions"], "first_date": _day(first), "last_date": _day(last),
        "event_types": store.count_by(shown, "event"),
        "countries": store.count_by(shown, "country")}


def _day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None
