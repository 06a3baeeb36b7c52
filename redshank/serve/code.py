"""POST /api/code: code one text with the pipeline, store nothing.

The pipeline loads once per app, when first asked for; coding runs in a worker thread.
A body over `max_bytes` is refused (413) before it is read in full, and a request beyond
`max_concurrency` running at once is refused (429) rather than queued.
"""

from __future__ import annotations

import asyncio
import threading
from typing import Any

from fastapi import Request
from pydantic import ValidationError

from redshank.model import Document
from redshank.pipeline import Pipeline
from redshank.query import EXCLUDED_AUXILIARIES
from redshank.serve.errors import ApiError
from redshank.serve.models import CodeRequest


class Coder:
    """Codes texts for POST /api/code within the app's size and concurrency limits."""

    def __init__(self, max_bytes: int, max_concurrency: int,
                 pipeline: Pipeline | None = None) -> None:
        if max_bytes < 1 or max_concurrency < 1:
            raise ValueError("max_code_bytes and max_code_concurrency must be 1 or more")
        self.max_bytes = max_bytes
        self.slots = threading.BoundedSemaphore(max_concurrency)
        self.max_concurrency = max_concurrency
        self._pipeline = pipeline
        self._loading = threading.Lock()

    def pipeline(self) -> Pipeline:
        with self._loading:
            if self._pipeline is None:
                self._pipeline = Pipeline.load()
            return self._pipeline

    async def read(self, request: Request) -> CodeRequest:
        """The request body, refused past `max_bytes` (413) or when not a CodeRequest (422)."""
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise self._too_large()
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > self.max_bytes:
                raise self._too_large()
        try:
            return CodeRequest.model_validate_json(bytes(body))
        except ValidationError as exc:
            detail = [{"loc": [str(p) for p in e["loc"]], "msg": e["msg"], "type": e["type"]}
                      for e in exc.errors()]
            where = ".".join(detail[0]["loc"]) if detail else "body"
            message = detail[0]["msg"] if detail else "invalid body"
            raise ApiError(422, "invalid_request", f"body {where}: {message}".replace(
                "body : ", "body: "), detail) from exc

    def _too_large(self) -> ApiError:
        return ApiError(413, "body_too_large", f"the request body is over {self.max_bytes} "
                        "bytes; send a shorter text", {"max_bytes": self.max_bytes})

    async def code(self, wanted: CodeRequest, include_all: bool) -> dict[str, Any]:
        """The events of the text (negated, hypothetical and future ones only with
        `include_all`) and how many were left out."""
        if not self.slots.acquire(blocking=False):
            raise ApiError(429, "too_many_requests", f"{self.max_concurrency} texts are being "
                           "coded already; try again shortly",
                           {"max_concurrency": self.max_concurrency})
        try:
            return await asyncio.get_running_loop().run_in_executor(
                None, self._code, wanted, include_all)
        finally:
            self.slots.release()

    def _code(self, wanted: CodeRequest, include_all: bool) -> dict[str, Any]:
        document = Document(id="text-1", text=wanted.text, title=wanted.title,
                            published=wanted.published)
        (result,) = self.pipeline().run([document])
        if result.failures:
            failure = result.failures[0]
            raise ApiError(422, "cannot_code", f"the text could not be coded: "
                           f"{failure.message}", {"stage": failure.stage})
        hidden = () if include_all else EXCLUDED_AUXILIARIES
        shown = [event for event in result.events if event.auxiliary not in hidden]
        return {"events": [event.to_json() for event in shown],
                "hidden": len(result.events) - len(shown),
                "warnings": list(result.document.warnings)}
