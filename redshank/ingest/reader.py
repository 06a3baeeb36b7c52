"""Read the command line's inputs (files, folders, JSON Lines, manifests, HTML, stdin)."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import BinaryIO, TextIO

from redshank.errors import InputError
from redshank.ingest.documents import (
    BINARY_SAMPLE_BYTES,
    BOM,
    DOCUMENT_SUFFIXES,
    JSONL_SUFFIXES,
    KNOWN_SUFFIXES,
    IngestOptions,
    Metadata,
    Origin,
    document_from_bytes,
    document_or_failure,
    failure_from,
    looks_binary,
    read_document_file,
)
from redshank.ingest.jsonl import JsonlSource, iter_jsonl_documents
from redshank.model import Document, Failure

STDIN = "-"
STDIN_ID = "stdin"


def read_inputs(
    inputs: Sequence[str],
    *,
    published: date | None = None,
    source: str | None = None,
    max_doc_bytes: int = 2_000_000,
    stdin: TextIO | None = None,
) -> Iterator[Document | Failure]:
    """Every document in `inputs`, in order, or a Failure for each one that cannot be used.

    `published` and `source` apply to plain files and fill metadata that records leave out.
    A file is read once even if several inputs (a folder and a manifest in it) name it.
    """
    options = IngestOptions(published=published, source=source, max_doc_bytes=max_doc_bytes)
    seen: set[Path] = set()
    for item in inputs:
        if item == STDIN:
            yield from read_stdin(stdin, options)
        else:
            yield from _read_path(Path(item), options, seen)


def read_stdin(stream: TextIO | None, options: IngestOptions) -> Iterator[Document | Failure]:
    """Standard input as JSON Lines if its first non-blank line is a JSON object, else one text."""
    origin = Origin(STDIN_ID, STDIN)
    try:
        data = _stdin_bytes(stream)
    except (OSError, UnicodeError) as exc:
        yield failure_from(origin.error(f"cannot read standard input ({exc}); send UTF-8 text"))
        return
    if _first_line_is_object(data):
        source = JsonlSource(path=STDIN, stem=STDIN_ID, base_dir=Path.cwd())
        yield from iter_jsonl_documents(io.BytesIO(data), source, options)
        return
    meta = Metadata(id=STDIN_ID, published=options.published, source=options.source)
    yield document_or_failure(
        lambda: document_from_bytes(
            data, meta, path=STDIN, html=False, max_doc_bytes=options.max_doc_bytes
        )
    )


def _stdin_bytes(stream: TextIO | None) -> bytes:
    """The raw bytes of the stream when it has them, so UTF-8 is checked like a file's."""
    stream = sys.stdin if stream is None else stream
    buffer: BinaryIO | None = getattr(stream, "buffer", None)
    if buffer is not None:
        return buffer.read()
    return stream.read().encode("utf-8")


def _first_line_is_object(data: bytes) -> bool:
    for raw in io.BytesIO(data):
        line = raw.decode("utf-8", errors="replace").removeprefix(BOM).strip()
        if not line:
            continue
        if not line.startswith("{"):
            return False
        try:
            return isinstance(json.loads(line), dict)
        except (ValueError, RecursionError):
            return False
    return False


def _read_path(path: Path, options: IngestOptions, seen: set[Path]) -> Iterator[Document | Failure]:
    try:
        is_dir, exists = path.is_dir(), path.exists()
        files = directory_files(path) if is_dir else [path]
    except OSError as exc:
        problem = f"cannot read it ({exc.strerror}); check the path and its permissions"
        yield failure_from(InputError(problem, path=str(path)))
        return
    if not exists:
        yield failure_from(InputError("no such file or folder; check the path", path=str(path)))
        return
    for file in files:
        yield from _read_file(file, options, seen)


def directory_files(folder: Path) -> list[Path]:
    """Readable files under `folder`, recursively: JSON Lines first, then articles, each sorted.

    Manifests come first so their metadata wins over reading the same article files bare.
    Hidden files and folders and files of other types are ignored.
    """
    files = [
        path
        for path in folder.rglob("*")
        if path.is_file()
        and path.suffix.lower() in KNOWN_SUFFIXES
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    ]
    return sorted(
        files,
        key=lambda path: (
            path.suffix.lower() not in JSONL_SUFFIXES,
            path.relative_to(folder).as_posix(),
        ),
    )


def _read_file(path: Path, options: IngestOptions, seen: set[Path]) -> Iterator[Document | Failure]:
    resolved = path.resolve()
    if resolved in seen:
        return
    seen.add(resolved)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl_file(path, options, seen)
    elif suffix in DOCUMENT_SUFFIXES:
        meta = Metadata(id=path.stem, published=options.published, source=options.source)
        yield document_or_failure(lambda: read_document_file(path, meta, options.max_doc_bytes))
    else:
        yield failure_from(
            InputError(
                f"unknown file type {suffix or '(no extension)'!r}; Redshank reads "
                ".txt, .jsonl, .json, .html and .htm files (convert other formats to text)",
                doc_id=path.stem,
                path=str(path),
            )
        )


def _read_jsonl_file(
    path: Path, options: IngestOptions, seen: set[Path]
) -> Iterator[Document | Failure]:
    origin = Origin(None, str(path))
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield failure_from(
            origin.error(f"cannot read the file ({exc.strerror}); check its permissions")
        )
        return
    with handle:
        if looks_binary(handle.read(BINARY_SAMPLE_BYTES)):
            yield failure_from(
                origin.error("looks like a binary file, not JSON Lines; check the file")
            )
            return
        handle.seek(0)
        source = JsonlSource(path=str(path), stem=path.stem, base_dir=path.parent, seen=seen)
        yield from iter_jsonl_documents(handle, source, options)
