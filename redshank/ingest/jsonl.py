"""Read JSON Lines: one article record per line, inline (`text`) or a manifest entry (`path`)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from redshank.errors import InputError
from redshank.ingest.documents import (
    BOM,
    DOCUMENT_SUFFIXES,
    Found,
    IngestOptions,
    Metadata,
    Origin,
    check_size,
    check_unicode,
    failure_from,
    new_document,
    normalise_text,
    parse_published,
    read_document_file,
    without_kind_suffix,
)
from redshank.model import Document, Failure

METADATA_FIELDS = ("title", "source", "url")


@dataclass(slots=True)
class JsonlSource:
    """A JSON Lines stream: display path, id stem, folder of manifest paths, files seen.

    `id_base` is the folder that default manifest ids are relative to (the command-line
    folder the file was found under; `base_dir` when it was named directly).
    """

    path: str
    stem: str
    base_dir: Path
    seen: set[Path] = field(default_factory=set)
    id_base: Path | None = None


def iter_jsonl_documents(
    lines: Iterable[bytes], source: JsonlSource, options: IngestOptions
) -> Iterator[Document | Failure]:
    """A Document or a Failure for every non-blank line; never raises for a bad line."""
    for item in iter_jsonl_found(lines, source, options):
        yield item if isinstance(item, Failure) else item.document


def iter_jsonl_found(
    lines: Iterable[bytes], source: JsonlSource, options: IngestOptions
) -> Iterator[Found | Failure]:
    """Like `iter_jsonl_documents`, with the line each document came from."""
    offset = 0
    for line_no, raw in enumerate(lines, start=1):
        origin = Origin(None, source.path, line_no)
        try:
            record = parse_line(raw, origin, byte_offset=offset)
            document = None if record is None else record_document(record, line_no, source, options)
        except InputError as exc:
            yield failure_from(exc)
        else:
            if document is not None:
                yield Found(document, source.path, line_no)
        offset += len(raw)


def parse_line(raw: bytes, origin: Origin, *, byte_offset: int = 0) -> dict[str, Any] | None:
    """The JSON object on one line, or None for a blank line."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise origin.error(
            f"not UTF-8 at byte {byte_offset + exc.start}; re-save the file as UTF-8"
        ) from exc
    text = text.removeprefix(BOM).rstrip("\r\n")
    if not text.strip():
        return None
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise origin.error(
            f"malformed JSON ({exc.msg} at column {exc.colno}); fix or remove the line"
        ) from exc
    except (ValueError, RecursionError) as exc:
        raise origin.error(f"malformed JSON ({exc}); fix or remove the line") from exc
    if not isinstance(record, dict):
        raise origin.error(
            f"expected one JSON object per line, got {type(record).__name__}; "
            'wrap the article in {"id": ..., "text": ...}'
        )
    return record


def record_document(
    record: dict[str, Any], line_no: int, source: JsonlSource, options: IngestOptions
) -> Document:
    """The document a record describes (its text, or the file a manifest entry names)."""
    origin = Origin(None, source.path, line_no)
    record_id = _record_id(record, origin)
    manifest_path = record.get("path") if record.get("text") is None else None
    if record_id is None and isinstance(manifest_path, str) and manifest_path.strip():
        record_id = _manifest_default_id(manifest_path, source)
    doc_id = record_id or f"{source.stem}-{line_no}"
    origin = Origin(doc_id, source.path, line_no)
    strings = {name: _optional_str(record, name, origin) for name in METADATA_FIELDS}
    meta = Metadata(
        id=doc_id,
        title=strings["title"],
        published=parse_published(record.get("published"), origin),
        source=strings["source"],
        url=strings["url"],
    )
    if manifest_path is not None:
        return _manifest_document(manifest_path, meta, origin, source, options)
    if "text" in record:
        return _inline_document(record["text"], meta, origin, options)
    raise origin.error("record has no 'text' (nor a 'path', for a manifest); add the article text")


def _manifest_default_id(manifest_path: str, source: JsonlSource) -> str:
    """The article's path relative to the id base folder, without its suffix."""
    article = os.path.normpath(source.base_dir / manifest_path)
    relative = os.path.relpath(article, source.id_base or source.base_dir)
    return without_kind_suffix(Path(relative).as_posix())


def _record_id(record: dict[str, Any], origin: Origin) -> str | None:
    value = record.get("id")
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise origin.error(f"'id' must be a string or an integer, got {type(value).__name__}")
    value = str(value)
    check_unicode(value, "id", origin)
    return value


def _optional_str(record: dict[str, Any], name: str, origin: Origin) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise origin.error(f"'{name}' must be a string or null, got {type(value).__name__}")
    check_unicode(value, name, origin)
    return value or None


def _inline_document(
    text: object, meta: Metadata, origin: Origin, options: IngestOptions
) -> Document:
    if text is None:
        raise origin.error("record has no text ('text' is null); add the article text")
    if not isinstance(text, str):
        raise origin.error(f"'text' must be a string, got {type(text).__name__}")
    check_unicode(text, "text", origin)
    check_size(len(text.encode("utf-8")), options.max_doc_bytes, origin)
    text = normalise_text(text)
    return new_document(text, meta, origin, options)


def _manifest_document(
    relative: object, meta: Metadata, origin: Origin, source: JsonlSource, options: IngestOptions
) -> Document:
    if not isinstance(relative, str) or not relative.strip():
        raise origin.error("'path' must be a non-empty string naming the article file")
    check_unicode(relative, "path", origin)
    path = source.base_dir / relative
    try:
        resolved = path.resolve()
        if not options.allow_outside_paths:
            _check_inside(relative, resolved, source, origin)
        found = path.is_file()
    except (OSError, ValueError, RuntimeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise origin.error(f"cannot use path {relative!r} ({reason}); fix the path") from exc
    if not found:
        raise origin.error(
            f"file not found: {path}; manifest paths are relative to the manifest's folder"
        )
    if path.suffix.lower() not in DOCUMENT_SUFFIXES:
        raise origin.error(
            f"manifest entry {relative!r} is not a .txt, .html or .htm file; "
            "point it at the article text"
        )
    if resolved in source.seen:
        raise origin.error(
            f"file {relative!r} was already read in this run, so this entry is not used; "
            "list each article once"
        )
    source.seen.add(resolved)
    return read_document_file(path, meta, options)


def _check_inside(relative: str, resolved: Path, source: JsonlSource, origin: Origin) -> None:
    """Refuse a manifest path that leads (directly or by a symbolic link) out of its folder."""
    folder = source.base_dir.resolve()
    if not resolved.is_relative_to(folder):
        raise origin.error(
            f"path {relative!r} in manifest {source.path} leads outside the manifest's folder "
            f"({folder}); move the article into that folder, or pass --allow-outside-paths "
            "if you trust the manifest"
        )
