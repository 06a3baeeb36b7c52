"""The one JSON error shape of the HTTP API, and the handlers that give every error it.

    {"status": 404, "code": "not_found", "message": "no event 'x'", "detail": null}

Library errors map by kind: a bad filter or parameter value (`ConfigError`) is 400, a
database held by another process past the lock timeout (`StoreBusy`) is 503, any other
store error and anything unexpected is 500 (logged, its text not shown).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from redshank.errors import ConfigError, StoreBusy, StoreError

log = logging.getLogger(__name__)

# The code of an HTTP error that carries none of its own, by status.
STATUS_CODES = {
    400: "bad_request", 404: "not_found", 405: "method_not_allowed", 413: "body_too_large",
    422: "invalid_request", 429: "too_many_requests", 500: "internal_error",
    503: "unavailable",
}  # fmt: skip


class ErrorBody(BaseModel):
    """Every error response: the HTTP status, a snake_case code, one sentence, details."""

    status: int = Field(description="the HTTP status")
    code: str = Field(description="what went wrong, in snake_case (e.g. query_timeout)")
    message: str = Field(description="one human sentence")
    detail: Any = Field(None, description="more about the error, or null")


class ApiError(Exception):
    """An error the API answers with: status, code, message and detail."""

    def __init__(self, status: int, code: str, message: str, detail: Any = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.detail = status, code, message, detail


def error_response(status: int, code: str, message: str, detail: Any = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    body = ErrorBody(status=status, code=code, message=message, detail=detail)
    return JSONResponse(body.model_dump(), status_code=status, headers=headers)


def internal_error() -> JSONResponse:
    return error_response(500, "internal_error", "the server failed to answer; the error is "
                                                 "in its log")


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI `responses` of a route that may answer with these error statuses."""
    return {status: {"model": ErrorBody, "description": STATUS_CODES[status].replace("_", " ")}
            for status in statuses}


def _validation_detail(exc: RequestValidationError) -> list[dict[str, Any]]:
    return [{"loc": [str(part) for part in error.get("loc", ())], "msg": error.get("msg", ""),
             "type": error.get("type", "")} for error in exc.errors()]


def install_error_handlers(app: FastAPI) -> None:
    """Answer every error raised in a route or by routing with the error shape."""

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message, exc.detail)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        code = STATUS_CODES.get(exc.status_code, "http_error")
        if exc.status_code == 404:
            message = f"nothing at {request.url.path}; the API is under /api/"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
        else:
            message = str(exc.detail)
        return error_response(exc.status_code, code, message, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        detail = _validation_detail(exc)
        first = detail[0] if detail else {"loc": [], "msg": "invalid request"}
        where = ".".join(first["loc"])
        return error_response(422, "invalid_request", f"{where}: {first['msg']}".lstrip(": "),
                              detail)

    @app.exception_handler(ConfigError)
    async def bad_value(request: Request, exc: ConfigError) -> JSONResponse:
        return error_response(400, "invalid_parameter", str(exc))

    @app.exception_handler(StoreBusy)
    async def busy(request: Request, exc: StoreBusy) -> JSONResponse:
        return error_response(503, "database_busy", str(exc), headers={"Retry-After": "5"})

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> JSONResponse:
        log.error("%s %s: %s", request.method, request.url.path, exc)
        return error_response(500, "store_error", "the database could not answer; the error "
                                                  "is in the server's log")
