"""Turn raw bytes or a record's text into a checked `Document`, or say why it cannot be one."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from redshank.errors import InputError
from redshank.ingest.htmltext import html_to_text
from redshank.ingest.language import non_english_reason
from redshank.model import Document, Failure

STAGE = "ingest"
TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl", ".json"})
DOCUMENT_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
KNOWN_SUFFIXES = DOCUMENT_SUFFIXES | JSONL_SUFFIXES
BINARY_SAMPLE_BYTES = 8192
MAX_CONTROL_SHARE = 0.1
BOM = "\ufeff"
# Bytes a text file may hold (as the `file` command judges): printable ASCII, whitespace,
# BEL, BS, ESC and anything >= 0x80 (UTF-8 is validated separately).
_TEXT_BYTES = bytes({7, 8, 9, 10, 11, 12, 13, 27} | set(range(0x20, 0x100)) - {0x7F})
_TEXT_WHITESPACE = frozenset("\t\n\r\f\v")


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """Settings that apply to every input: metadata defaults and the size limit."""

    published: date | None = None
    source: str | None = None
    max_doc_bytes: int = 2_000_000


@dataclass(frozen=True, slots=True)
class Metadata:
    """What is known about a document before its text is read."""

    id: str
    title: str | None = None
    published: date | None = None
    source: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a document comes from (id, file, line), to put on its errors."""

    doc_id: str | None
    path: str | None
    line: int | None = None

    def error(self, message: str) -> InputError:
        """An `InputError` for this origin."""
        return InputError(message, doc_id=self.doc_id, path=self.path, line=self.line)


def failure_from(exc: InputError) -> Failure:
    """The per-document `Failure` record for an ingest error."""
    return Failure(
        doc_id=exc.doc_id, stage=STAGE, message=exc.describe(), path=exc.path, line=exc.line
    )


def document_or_failure(build: Callable[[], Document]) -> Document | Failure:
    """Run `build`, turning an `InputError` into a `Failure` so the batch goes on."""
    try:
        return build()
    except InputError as exc:
        return failure_from(exc)


def normalise_text(text: str) -> str:
    """Drop a leading byte-order mark and turn \\r\\n and \\r into \\n; nothing else changes."""
    text = text.removeprefix(BOM)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not a text file: NUL bytes, or mostly control characters."""
    if b"\x00" in data:
        return True
    sample = data[:BINARY_SAMPLE_BYTES]
    if not sample:
        return False
    return len(sample.translate(None, _TEXT_BYTES)) / len(sample) > MAX_CONTROL_SHARE


def decode_text(data: bytes, origin: Origin) -> str:
    """UTF-8 text from bytes, normalised; binary or non-UTF-8 data is an error."""
    if looks_binary(data):
        raise origin.error(
            "looks like a binary file, not text; pass .txt, .jsonl or .html files "
            "(convert PDFs and word-processor files to text first)"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise origin.error(f"not UTF-8 at byte {exc.start}; re-save it as UTF-8") from exc
    return normalise_text(text)


def check_size(size: int, max_doc_bytes: int, origin: Origin) -> None:
    """Reject a document over the size limit, saying how to raise it."""
    if size > max_doc_bytes:
        raise origin.error(
            f"{size:,} bytes is over the limit of {max_doc_bytes:,} bytes; "
            "split the article or raise --max-doc-bytes"
        )


def check_unicode(value: str, field: str, origin: Origin) -> None:
    """Reject strings that cannot be stored as UTF-8 (unpaired surrogates from JSON escapes)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise origin.error(
            f"'{field}' holds an unpaired surrogate at character {exc.start}, which is not "
            "valid Unicode; fix the record"
        ) from exc


def check_text(text: str, origin: Origin) -> None:
    """Reject text that is empty, mostly control characters, or not English."""
    if not text.strip():
        raise origin.error("is empty (nothing but whitespace); remove it or add the article text")
    control = sum(
        1 for char in text if char not in _TEXT_WHITESPACE and unicodedata.category(char) == "Cc"
    )
    if control / len(text) > MAX_CONTROL_SHARE:
        raise origin.error("is mostly control characters, not text; check how it was exported")
    reason = non_english_reason(text)
    if reason is not None:
        raise origin.error(
            f"does not look like English ({reason}); Redshank codes English text only, "
            "so translate it first or leave it out"
        )


def parse_published(value: object, origin: Origin) -> date | None:
    """A publication date from "YYYY-MM-DD" or an ISO datetime; None or "" means unknown."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
        try:
            return datetime.fromisoformat(value).date()
        except ValueError as exc:
            raise origin.error(
                f"published date {value!r} is not YYYY-MM-DD or an ISO datetime; "
                "fix the date or leave it empty"
            ) from exc
    raise origin.error(
        f'published date must be a string like "2014-09-05", got {type(value).__name__}'
    )


def document_from_bytes(
    data: bytes, meta: Metadata, *, path: str, html: bool, max_doc_bytes: int
) -> Document:
    """A checked document from a file's bytes (plain text or HTML)."""
    origin = Origin(meta.id, path)
    if not data.strip():
        raise origin.error("is empty; remove it or add the article text")
    check_size(len(data), max_doc_bytes, origin)
    text = decode_text(data, origin)
    title = meta.title
    if html:
        html_title, text = html_to_text(text)
        title = title or html_title
        if not text.strip():
            raise origin.error(
                "has no visible paragraph or heading text; check it is an article page"
            )
    check_text(text, origin)
    return Document(
        id=meta.id,
        text=text,
        title=title,
        published=meta.published,
        source=meta.source,
        url=meta.url,
        path=path,
        published_from="metadata" if meta.published else "none",
    )


def read_document_file(path: Path, meta: Metadata, max_doc_bytes: int) -> Document:
    """A checked document from a .txt or .html file, checking its size before reading it."""
    origin = Origin(meta.id, str(path))
    try:
        check_size(path.stat().st_size, max_doc_bytes, origin)
        data = path.read_bytes()
    except OSError as exc:
        raise origin.error(f"cannot read the file ({exc.strerror}); check its permissions") from exc
    return document_from_bytes(
        data,
        meta,
        path=str(path),
        html=path.suffix.lower() in HTML_SUFFIXES,
        max_doc_bytes=max_doc_bytes,
    )
