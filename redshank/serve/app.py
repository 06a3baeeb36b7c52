"""The FastAPI application of `redshank serve`: the JSON API under /api/ and the dashboard.

    create_app("events.duckdb") -> FastAPI

Every endpoint reads the store read-only in a worker thread under a time limit
(redshank/serve/reader.py); none writes it. Errors have one JSON shape
(redshank/serve/errors.py); every response carries a Content-Security-Policy. The API is
described in docs/api.md and at /openapi.json.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from redshank import __version__
from redshank.pipeline import Pipeline
from redshank.query import ClusterQuery, EventQuery
from redshank.serve import views
from redshank.serve.code import Coder
from redshank.serve.errors import ApiError, install_error_handlers, internal_error, responses
from redshank.serve.models import (
    ClusterRecord,
    Coalitions,
    Coded,
    CodeRequest,
    DocumentView,
    Dyads,
    EventDetail,
    EventsPage,
    Places,
    PositionsPage,
    Stats,
    Timeline,
)
from redshank.serve.params import decode_cursor, event_filters
from redshank.serve.reader import Reader
from redshank.store import CoalitionQuery, PositionQuery

log = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"
DEFAULT_QUERY_TIMEOUT_S = 10.0
DEFAULT_MAX_CODE_BYTES = 100_000
DEFAULT_MAX_CODE_CONCURRENCY = 2
SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
}
# What every store-reading route may answer besides 200.
READ_ERRORS = (400, 422, 500, 503)
Limit = Annotated[int, Query(ge=1, le=1000, description="items per page")]
Cursor = Annotated[str | None, Query(description="next_cursor of the previous page")]
Filters = Annotated[EventQuery, Depends(event_filters)]


class Guard:
    """ASGI middleware: every response gets the security headers, and an unexpected
    exception becomes the 500 error body (logged) instead of a bare page."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_secured(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = [(k, v) for k, v in message.get("headers", [])
                           if k.decode().lower() not in SECURITY_HEADERS]
                headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_secured)
        except Exception:
            log.exception("%s %s failed", scope.get("method"), scope.get("path"))
            if started:
                raise
            await internal_error()(scope, receive, send_secured)


def create_app(db: str, *, query_timeout_s: float = DEFAULT_QUERY_TIMEOUT_S,
               max_code_bytes: int = DEFAULT_MAX_CODE_BYTES,
               max_code_concurrency: int = DEFAULT_MAX_CODE_CONCURRENCY,
               pipeline: Pipeline | None = None) -> FastAPI:
    """The app serving the store at `db` (a DuckDB file or a PostgreSQL URL) read-only.

    Each query runs at most `query_timeout_s`; POST /api/code takes bodies up to
    `max_code_bytes` and codes `max_code_concurrency` texts at once, with `pipeline` (else
    the default one, loaded when first needed).
    """
    app = FastAPI(title="Redshank", version=__version__, docs_url=None, redoc_url=None,
                  description="Sourced political events read from news reports "
                              "(docs/api.md). Every error has the ErrorBody shape.")
    read = Reader(db, query_timeout_s)
    coder = Coder(max_code_bytes, max_code_concurrency, pipeline)
    app.state.reader, app.state.coder = read, coder
    install_error_handlers(app)
    app.add_middleware(Guard)
    if STATIC.is_dir():
        app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    async def index() -> FileResponse:
        page = STATIC / "index.html"
        if not page.is_file():
            raise ApiError(404, "not_found", "the dashboard is not installed; the API is "
                                             "under /api/")
        return FileResponse(page)

    @app.get("/api/events", response_model=EventsPage, responses=responses(*READ_ERRORS),
             summary="Events (or clusters, merged=true) matching the filters, a page at a time")
    async def list_events(query: Filters, limit: Limit = 100,
                          cursor: Cursor = None) -> dict[str, Any]:
        kind = "clusters" if isinstance(query, ClusterQuery) else "events"
        paged = replace(query, after=decode_cursor(kind, cursor))
        return await read(lambda store: views.events_page(store, paged, limit))

    @app.get("/api/events/{event_id}", response_model=EventDetail,
             responses=responses(404, 422, 500, 503),
             summary="One event, why it was coded, and the other reports of its cluster")
    async def get_event(event_id: Annotated[str, PathParam()]) -> dict[str, Any]:
        return await read(lambda store: views.event_detail(store, event_id))

    @app.get("/api/clusters/{cluster_id}", response_model=ClusterRecord,
             responses=responses(404, 422, 500, 503), summary="One cluster with its reports")
    async def get_cluster(cluster_id: Annotated[str, PathParam()]) -> dict[str, Any]:
        return await read(lambda store: views.cluster_detail(store, cluster_id))

    @app.get("/api/dyads", response_model=Dyads, responses=responses(*READ_ERRORS),
             summary="Events per actor-recipient pair, split into cooperation and conflict")
    async def list_dyads(
        query: Filters,
        by_actor: Literal["country", "actor"] = "country",
        by: Literal["day", "week", "month", "year"] | None = None,
        top: Annotated[int | None, Query(ge=0, description="the busiest N pairs")] = None,
    ) -> dict[str, Any]:
        key = "code" if by_actor == "actor" else "country"
        return await read(lambda store: views.dyads(store, query, key, by, top))

    @app.get("/api/timeline", response_model=Timeline, responses=responses(*READ_ERRORS),
             summary="Dated events per day, week, month or year, by quad or event type")
    async def get_timeline(
        query: Filters,
        by: Annotated[Literal["day", "week", "month", "year"] | None, Query(
            description="the period; by default one fitting the span of the events")] = None,
        stack: Literal["quad", "event"] = "quad",
    ) -> dict[str, Any]:
        return await read(lambda store: views.timeline(store, query, by, stack))

    @app.get("/api/places", response_model=Places, responses=responses(*READ_ERRORS),
             summary="Located events per place, with their reports and quads")
    async def list_places(query: Filters) -> dict[str, Any]:
        return await read(lambda store: views.places(store, query))

    @app.get("/api/positions", response_model=PositionsPage,
             responses=responses(*READ_ERRORS), summary="Stated positions, a page at a time")
    async def list_positions(
        actor: str | None = None, topic: str | None = None,
        stance: Literal["commit", "offer", "support", "request", "refuse", "hedge"] | None
        = None,
        since: date | None = None, until: date | None = None, doc: str | None = None,
        limit: Limit = 100, cursor: Cursor = None,
    ) -> dict[str, Any]:
        query = PositionQuery(actor=actor, topic=topic, stance=stance, since=since,
                              until=until, doc_id=doc,
                              after=decode_cursor("positions", cursor))
        return await read(lambda store: views.positions_page(store, query, limit))

    @app.get("/api/coalitions", response_model=Coalitions, responses=responses(*READ_ERRORS),
             summary="Coalitions: members, contributions, positions and red lines")
    async def list_coalitions(name: str | None = None, against: str | None = None,
                              member: str | None = None,
                              at: date | None = None) -> dict[str, Any]:
        query = CoalitionQuery(against=against, name=name, member=member)
        return await read(lambda store: views.coalitions(store, query, at))

    @app.get("/api/documents/{doc_id}", response_model=DocumentView,
             responses=responses(404, 422, 500, 503),
             summary="A document's text, sentences and events")
    async def get_document(doc_id: Annotated[str, PathParam()]) -> dict[str, Any]:
        return await read(lambda store: views.document(store, doc_id))

    @app.get("/api/stats", response_model=Stats, responses=responses(500, 503),
             summary="What the database holds")
    async def get_stats() -> dict[str, Any]:
        return await read(views.stats)

    @app.post("/api/code", response_model=Coded,
              responses=responses(413, 422, 429, 500),
              openapi_extra={"requestBody": {"required": True, "content": {
                  "application/json": {"schema": CodeRequest.model_json_schema()}}}},
              summary="Code a text: its events, nothing stored")
    async def code_text(request: Request, include_all: Annotated[bool, Query(
            alias="all", description="keep negated, hypothetical and future events")] = False
                        ) -> dict[str, Any]:
        return await coder.code(await coder.read(request), include_all)

    return app
