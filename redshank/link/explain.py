"""Answer "which reports make up this event, and why were they merged?" for a cluster."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from redshank.model import Cluster, Document, Event
from redshank.store.base import Store
from redshank.tables import terminal_safe


def _side(labels: Sequence[str]) -> str:
    return "+".join(labels) or "-"


def _dates(cluster: Cluster) -> str:
    if cluster.date_start is None:
        return "undated"
    if cluster.date_start == cluster.date_end or cluster.date_end is None:
        return cluster.date_start.isoformat()
    return f"{cluster.date_start.isoformat()}..{cluster.date_end.isoformat()}"


def _report(number: int, event: Event, document: Document | None, linked_to: str | None,
            reason: str) -> list[str]:
    source = document.source if document and document.source else "source unknown"
    title = f" '{document.title}'" if document and document.title else ""
    mode = f"/{event.mode}" if event.mode else ""
    actors = _side([a.code or a.country or a.name for a in event.actor])
    recipients = _side([a.code or a.country or a.name for a in event.recipient])
    when = f"{event.date or 'undated'} ({event.date_precision}"
    when += f", '{event.date_text}')" if event.date_text else ")"
    auxiliary = f" [{event.auxiliary}]" if event.auxiliary else ""
    link = f"linked to {linked_to}: {reason}" if linked_to else reason
    return [
        f"report {number}: doc {event.doc_id} ({source}{title}, published "
        f"{event.published or 'unknown'}), sentence {event.sentence_index}",
        f"  event {event.event_id}: {actors} {event.event}{mode} {recipients}, {when}"
        f"{auxiliary}, trigger '{event.evidence.trigger}'",
        f"  \"{event.sentence.strip()}\"",
        f"  {link}",
    ]


def explain_cluster(cluster: Cluster, events: Mapping[str, Event],
                    documents: Mapping[str, Document], aliases: Sequence[str] = ()) -> str:
    """A plain-text account of a cluster: what it says, then every report and its link;
    safe to print (tables.terminal_safe), since texts and ids come from articles."""
    mode = f" mode={cluster.mode}" if cluster.mode else ""
    auxiliary = f" [{cluster.auxiliary}]" if cluster.auxiliary else ""
    published = (f"{cluster.first_published}..{cluster.last_published}"
                 if cluster.first_published else "unknown")
    lines = [
        f"cluster {cluster.cluster_id}: {cluster.event}{mode}{auxiliary}, "
        f"{cluster.reports} report(s), {len(cluster.members)} event(s)",
        f"actors     {_side(cluster.actors)} -> {_side(cluster.recipients)} "
        f"(countries {_side(cluster.actor_countries)} -> "
        f"{_side(cluster.recipient_countries)})",
        f"date       {_dates(cluster)} (the range every report allows)",
        f"location   {cluster.location or 'unknown'}",
        f"published  {published}",
        f"linker     {cluster.linker_version}",
    ]
    if aliases:
        lines.append(f"aliases    {', '.join(aliases)} (merged into this cluster)")
    for number, member in enumerate(cluster.members, start=1):
        lines.append("")
        event = events.get(member.event_id)
        if event is None:
            lines.append(f"report {number}: event {member.event_id} is no longer stored")
            continue
        lines += _report(number, event, documents.get(member.doc_id), member.linked_to,
                         member.reason)
    lines += ["", "Details of one report: redshank explain EVENT_ID"]
    return terminal_safe("\n".join(lines), multiline=True)


def describe_cluster(store: Store, cluster_id: str) -> str | None:
    """`explain_cluster` for a stored cluster (id or retired alias), or None if unknown."""
    cluster = store.get_cluster(cluster_id)
    if cluster is None:
        return None
    events = {e.event_id: e for e in store.get_events([m.event_id for m in cluster.members])}
    documents = {}
    for doc_id in dict.fromkeys(m.doc_id for m in cluster.members):
        document = store.get_document(doc_id)
        if document is not None:
            documents[doc_id] = document
    return explain_cluster(cluster, events, documents, store.cluster_aliases(cluster.cluster_id))
