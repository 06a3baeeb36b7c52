"""Read the command line's inputs (files, folders, JSON Lines, manifests, HTML, stdin)."""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
import zlib
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import BinaryIO, TextIO

from redshank.errors import InputError
from redshank.ingest.documents import (
    BINARY_SAMPLE_BYTES,
    BOM,
    DOCUMENT_SUFFIXES,
    GZIP_JSONL_SUFFIXES,
    JSONL_SUFFIXES,
    READ_TYPES,
    STAGE,
    Found,
    IngestOptions,
    Metadata,
    Origin,
    as_utf8,
    document_from_bytes,
    failure_from,
    kind_suffix,
    looks_binary,
    read_document_file,
    utf16_advice,
    wide_unicode_codec,
    without_kind_suffix,
)
from redshank.ingest.folders import walk_folder
from redshank.ingest.jsonl import JsonlSource, iter_jsonl_found
from redshank.model import Document, Failure

STDIN = "-"
STDIN_ID = "stdin"


def read_inputs(
    inputs: Sequence[str],
    *,
    published: date | None = None,
    source: str | None = None,
    max_doc_bytes: int = 2_000_000,
    allow_outside_paths: bool = False,
    stdin: TextIO | None = None,
) -> Iterator[Document | Failure]:
    """Every document in `inputs`, in order, or a Failure for each input that cannot be used.

    `published` and `source` fill the metadata that records and HTML pages leave out.
    A file is read once even if several inputs (a folder and a manifest in it) name it.
    An id seen before in the call gives a Failure in place of the later document.
    Manifest paths must stay inside the manifest's folder unless `allow_outside_paths`.
    """
    options = IngestOptions(
        published=published,
        source=source,
        max_doc_bytes=max_doc_bytes,
        allow_outside_paths=allow_outside_paths,
    )
    seen: set[Path] = set()
    ids = IdRegister()
    for item in inputs:
        if item == STDIN:
            found = read_stdin(stdin, options)
        else:
            found = _read_path(Path(item), options, seen)
        for entry in found:
            yield entry if isinstance(entry, Failure) else ids.admit(entry)


class IdRegister:
    """The ids used so far in one call, with the text hash and place of their first document."""

    def __init__(self) -> None:
        self._first: dict[str, tuple[str, str]] = {}

    def admit(self, found: Found) -> Document | Failure:
        """The document if its id is new; else a Failure naming both places."""
        document = found.document
        known = self._first.get(document.id)
        if known is None:
            self._first[document.id] = (document.content_hash, found.place)
            return document
        content_hash, first_place = known
        if content_hash == document.content_hash:
            problem = (
                f"skipped: same id and text as {first_place} (this is {found.place}); "
                "remove the repeat"
            )
        else:
            advice = (
                "give each record a unique id"
                if found.line is not None
                else "rename one of the files, or pass their common folder so ids include "
                "the subfolder"
            )
            problem = (
                f"id already used by {first_place} with different text (this is "
                f"{found.place}); {advice}"
            )
        return Failure(
            doc_id=document.id,
            stage=STAGE,
            message=f"doc {document.id!r}: {problem}",
            path=found.path,
            line=found.line,
        )


def read_stdin(stream: TextIO | None, options: IngestOptions) -> Iterator[Found | Failure]:
    """Standard input as JSON Lines if its first non-blank line is a JSON object, else one text."""
    origin = Origin(STDIN_ID, STDIN)
    try:
        data = as_utf8(_stdin_bytes(stream), origin)
    except (OSError, UnicodeError) as exc:
        yield failure_from(origin.error(f"cannot read standard input ({exc}); send UTF-8 text"))
        return
    except InputError as exc:
        yield failure_from(exc)
        return
    if _first_line_is_object(data):
        source = JsonlSource(path=STDIN, stem=STDIN_ID, base_dir=Path.cwd())
        yield from iter_jsonl_found(io.BytesIO(data), source, options)
        return
    meta = Metadata(id=STDIN_ID)
    try:
        document = document_from_bytes(data, meta, path=STDIN, html=False, options=options)
    except InputError as exc:
        yield failure_from(exc)
    else:
        yield Found(document, STDIN)


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


def _read_path(path: Path, options: IngestOptions, seen: set[Path]) -> Iterator[Found | Failure]:
    try:
        is_dir, exists, is_link = path.is_dir(), path.exists(), path.is_symlink()
    except OSError as exc:
        problem = f"cannot read it ({exc.strerror}); check the path and its permissions"
        yield failure_from(InputError(problem, path=str(path)))
        return
    if is_dir:
        contents = walk_folder(path)
        yield from contents.problems
        for file in contents.files:
            yield from _read_file(file, options, seen, id_base=path)
    elif exists:
        yield from _read_file(path, options, seen, id_base=None)
    elif is_link:
        problem = f"is a broken symbolic link (to {os.readlink(path)!r}); fix the link"
        yield failure_from(InputError(problem, path=str(path)))
    else:
        yield failure_from(InputError("no such file or folder; check the path", path=str(path)))


def _read_file(
    path: Path, options: IngestOptions, seen: set[Path], *, id_base: Path | None
) -> Iterator[Found | Failure]:
    """One file's documents; `id_base` is the command-line folder it was found under, if any."""
    resolved = path.resolve()
    if resolved in seen:
        return
    seen.add(resolved)
    name = path.name if id_base is None else path.relative_to(id_base).as_posix()
    stem = without_kind_suffix(name)
    suffix = kind_suffix(path)
    if suffix in JSONL_SUFFIXES:
        source = JsonlSource(
            path=str(path), stem=stem, base_dir=path.parent, seen=seen, id_base=id_base
        )
        yield from _read_jsonl_file(path, source, options)
    elif suffix in DOCUMENT_SUFFIXES:
        meta = Metadata(id=stem)
        try:
            yield Found(read_document_file(path, meta, options), str(path))
        except InputError as exc:
            yield failure_from(exc)
    else:
        yield failure_from(InputError(_unread_type(suffix), doc_id=stem, path=str(path)))


def _unread_type(suffix: str) -> str:
    if suffix == ".gz":
        return (
            "is gzip-compressed, and only gzip-compressed JSON Lines (.jsonl.gz, .json.gz) "
            "are decompressed; decompress it with gunzip first"
        )
    return (
        f"unknown file type {suffix or '(no extension)'!r}, not read; Redshank reads "
        f"{READ_TYPES} files (convert other formats to text)"
    )


def _read_jsonl_file(
    path: Path, source: JsonlSource, options: IngestOptions
) -> Iterator[Found | Failure]:
    """The records of a JSON Lines file, gzip-compressed or not, in UTF-8 or UTF-16."""
    origin = Origin(None, str(path))
    compressed = kind_suffix(path) in GZIP_JSONL_SUFFIXES
    try:
        with gzip.open(path, "rb") if compressed else path.open("rb") as handle:
            sample = handle.read(BINARY_SAMPLE_BYTES)
            handle.seek(0)
            codec = wide_unicode_codec(sample)
            if codec is None and looks_binary(sample):
                yield failure_from(
                    origin.error("looks like a binary file, not JSON Lines; check the file")
                )
                return
            lines = handle if codec is None else _utf8_lines(handle, codec)
            yield from iter_jsonl_found(lines, source, options)
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        yield failure_from(
            origin.error(
                f"is not valid gzip data ({exc}); records before the damage were read; "
                "re-create or re-download the file"
            )
        )
    except UnicodeDecodeError as exc:
        yield failure_from(
            origin.error(
                f"is not valid {exc.encoding.upper()} text ({exc.reason}), so reading "
                f"stopped there; {utf16_advice(exc.encoding)}"
            )
        )
    except OSError as exc:
        yield failure_from(
            origin.error(f"cannot read the file ({exc.strerror}); check its permissions")
        )


def _utf8_lines(handle: BinaryIO, codec: str) -> Iterator[bytes]:
    """The lines of UTF-16 or UTF-32 text, re-encoded as UTF-8 for the JSON Lines reader."""
    for line in io.TextIOWrapper(handle, encoding=codec, newline=""):
        yield line.encode("utf-8")
