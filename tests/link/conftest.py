"""Link fixtures: events built by hand (no spaCy), with just what linking looks at."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from redshank.model import (
    Actor,
    Document,
    DocumentResult,
    Event,
    Evidence,
    Location,
    Sentence,
    Span,
    hash_record,
    parse_day,
)
from redshank.store import Store, open_store

SENTENCE = "Russian forces shelled Kharkiv on Tuesday."


def actor(code: str, *, sector: str | None = None, kind: str = "state") -> Actor:
    """An actor by CAMEO-style code; its country is the code's first three letters
    ('RUSMIL' -> RUS) except for generic agents ('---COP') and IGOs/NGOs ('NATO')."""
    country = None if code.startswith("---") or kind in ("igo", "ngo") else code[:3]
    return Actor(text=code, name=code, country=country, sector=sector, type=kind,  # type: ignore[arg-type]
                 id=code, span=Span(0, len(code)), code=code, entries=[f"test:{code}"])


def _as_actor(value: str | Actor) -> Actor:
    return actor(value) if isinstance(value, str) else value


def make_event(
    doc_id: str,
    kind: str = "ASSAULT",
    *,
    sentence_index: int = 0,
    actors: list[str | Actor] | None = None,
    recipients: list[str | Actor] | None = None,
    day: str | None = "2023-06-06",
    precision: str = "day",
    published: str | None = "2023-06-07",
    auxiliary: str | None = None,
    mode: str | None = None,
    location: Location | None = None,
) -> Event:
    """An event of `kind` by `actors` on `recipients`; precision 'month' spans the month of
    `day`, 'reported' dates it by `published`, 'year' spans the year."""
    actors = ["RUS"] if actors is None else actors
    recipients = ["UKR"] if recipients is None else recipients
    actor_list, recipient_list = [_as_actor(a) for a in actors], [_as_actor(r) for r in recipients]
    start = end = day
    if day and precision == "month":
        first = date.fromisoformat(day).replace(day=1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        start, end = first.isoformat(), last.isoformat()
    elif day and precision == "year":
        start, end = f"{day[:4]}-01-01", f"{day[:4]}-12-31"
    elif precision == "reported":
        start = end = published
    return Event(
        event_id=hash_record(doc_id, sentence_index, kind, [a.id for a in actor_list],
                             [r.id for r in recipient_list], auxiliary, day, precision),
        doc_id=doc_id, sentence_index=sentence_index, sentence=SENTENCE, event=kind,
        mode=mode, context=[], cameo=None, quad=4, intensity=-9.0,
        actor=actor_list, recipient=recipient_list,
        date=start, date_precision=precision,  # type: ignore[arg-type]
        date_text="on Tuesday" if precision == "day" else None, location=location,
        auxiliary=auxiliary,  # type: ignore[arg-type]
        quote=None,
        evidence=Evidence(trigger="shelled", span=Span(15, 22), rule="test:1"),
        published=parse_day(published), coder_version="test", date_start=parse_day(start),
        date_end=parse_day(end),
        date_method="test", sentence_span=Span(0, len(SENTENCE)),
    )  # fmt: skip


def document_result(doc_id: str, events: list[Event], published: str = "2023-06-07"
                    ) -> DocumentResult:
    """A stored-able result for one document holding `events` (one sentence each)."""
    text = f"{doc_id}: {SENTENCE}"
    document = Document(id=doc_id, text=text, published=date.fromisoformat(published),
                        source=f"Outlet {doc_id}", title=f"Title {doc_id}")
    sentences = [Sentence(doc_id=doc_id, index=i, text=text, span=Span(0, len(text)),
                          paragraph=0) for i in range(max((e.sentence_index for e in events),
                                                          default=0) + 1)]
    return DocumentResult(document=document, sentences=sentences, events=events)


@pytest.fixture
def store() -> Iterator[Store]:
    """A fresh in-memory store."""
    with open_store(":memory:") as fresh:
        yield fresh


def save(store: Store, *results: DocumentResult) -> list[str]:
    """Save results and return the ids of their events."""
    for result in results:
        store.save_result(result, "run")
    return [event.event_id for result in results for event in result.events]
