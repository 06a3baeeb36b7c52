"""Store fixtures: every test runs against each backend in BACKENDS; events built by hand.

The PostgreSQL backend gives each test a new database on the server named by
$REDSHANK_TEST_POSTGRES_URL (.ci/run starts one); without it, or when the server cannot be
reached, its tests skip, except with CI=true, where they fail.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from redshank.model import (
    Actor,
    Document,
    DocumentResult,
    Event,
    Evidence,
    Location,
    Quote,
    Sentence,
    Span,
    hash_record,
    parse_day,
)
from redshank.store import Store, open_store

POSTGRES_URL_ENV = "REDSHANK_TEST_POSTGRES_URL"


def postgres_server() -> str:
    """The URL of the test server's maintenance database; skips the test (fails it with
    CI=true) when none is given or it cannot be reached."""
    url = os.environ.get(POSTGRES_URL_ENV)
    problem = None if url else f"{POSTGRES_URL_ENV} is not set"
    if url:
        import psycopg

        try:
            psycopg.connect(url, connect_timeout=5).close()
        except psycopg.Error as exc:
            problem = f"cannot reach the PostgreSQL server at {POSTGRES_URL_ENV}: {exc}"
    if problem is None:
        return url
    if os.environ.get("CI") == "true":
        pytest.fail(f"{problem} (CI=true: PostgreSQL tests must run)")
    pytest.skip(f"{problem}: PostgreSQL store tests skipped")


@contextmanager
def postgres_database(tmp_path: Path) -> Iterator[str]:
    """The URL of a new, empty database on the test server, dropped when the test ends."""
    import psycopg

    server = postgres_server()
    name = f"redshank_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield urlunsplit(urlsplit(server)._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


# Backend name -> the store target of a test (given its tmp_path), for as long as it runs.
BACKENDS: dict[str, Callable[[Path], AbstractContextManager[str]]] = {
    "duckdb-memory": lambda tmp_path: nullcontext(":memory:"),
    "duckdb-file": lambda tmp_path: nullcontext(str(tmp_path / "events.duckdb")),
    "postgres": postgres_database,
}

TEXT = (
    "Iraq asked the United States to bomb militants, officials said on Wednesday.\n\n"
    '"We will not send ground troops," Obama said.'
)


@pytest.fixture(params=list(BACKENDS))
def store_target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The target string of a fresh store for each backend."""
    with BACKENDS[request.param](tmp_path) as target:
        yield target


@pytest.fixture
def store(store_target: str) -> Iterator[Store]:
    """A fresh, empty store for each backend."""
    with open_store(store_target) as fresh:
        yield fresh


def actor(code: str, country: str | None, name: str, start: int = 0, kind: str = "state") -> Actor:
    """A resolved actor with a span and the dictionary entry it came from."""
    return Actor(
        text=name,
        name=name,
        country=country,
        sector="GOV" if kind == "state" else None,
        type=kind,  # type: ignore[arg-type]
        id=code,
        span=Span(start, start + len(name)),
        code=code,
        entries=[f"actors.jsonl:{code}"],
    )


IRQ = actor("IRQ", "IRQ", "Iraq", 0)
USA = actor("USA", "USA", "United States", 15)
OBAMA = actor("USAGOV", "USA", "Barack Obama", 115, kind="person")
ISIL = actor("ISIL", None, "Islamic State", 40, kind="armed_group")


def event(
    doc_id: str = "doc-1",
    sentence_index: int = 0,
    kind: str = "REQUEST",
    *,
    actors: list[Actor] | None = None,
    recipients: list[Actor] | None = None,
    date_start: str | None = "2014-06-11",
    date_end: str | None = "2014-06-11",
    auxiliary: str | None = None,
    quote: Quote | None = None,
    published: str | None = "2014-06-11",
) -> Event:
    """A fully populated event; its id is a hash of what distinguishes it."""
    actors = [IRQ] if actors is None else actors
    recipients = [USA] if recipients is None else recipients
    return Event(
        event_id=hash_record(doc_id, sentence_index, kind, [a.id for a in actors], auxiliary),
        doc_id=doc_id,
        sentence_index=sentence_index,
        sentence="Iraq asked the United States to bomb militants, officials said on Wednesday.",
        event=kind,
        mode="military" if kind == "REQUEST" else None,
        context=["military"],
        cameo="0211",
        quad=1,
        intensity=-2.5,
        actor=actors,
        recipient=recipients,
        date=date_start,
        date_precision="day" if date_start == date_end else "month",
        date_text="on Wednesday",
        location=Location(
            name="Baghdad", country="IRQ", lat=33.34, lon=44.4, precision="city", admin1="Baghdad"
        ),
        auxiliary=auxiliary,  # type: ignore[arg-type]
        quote=quote,
        evidence=Evidence(
            trigger="asked",
            span=Span(5, 10),
            rule="REQUEST.ask.dobj",
            entries=["patterns/request.yml:12"],
            notes=["recipient from dobj"],
        ),
        published=parse_day(published),
        coder_version="redshank-test",
        date_start=parse_day(date_start),
        date_end=parse_day(date_end),
        date_method="weekday-before-published",
        sentence_span=Span(0, 76),
    )


def result(
    doc_id: str = "doc-1", text: str = TEXT, events: list[Event] | None = None
) -> DocumentResult:
    """A document result with two sentences, three actor mentions and the given events."""
    document = Document(
        id=doc_id,
        text=text,
        title="Iraq asks U.S. for air strikes",
        published=date(2014, 6, 11),
        source="Star Tribune",
        url="https://example.com/iraq",
        path="articles/iraq.txt",
    )
    sentences = [
        Sentence(doc_id=doc_id, index=0, text=text[:76], span=Span(0, 76), paragraph=0),
        Sentence(doc_id=doc_id, index=1, text=text[78:], span=Span(78, len(text)), paragraph=1),
    ]
    return DocumentResult(
        document=document,
        sentences=sentences,
        actors=[IRQ, USA, OBAMA],
        events=[event(doc_id)] if events is None else events,
    )
