"""Turn raw bytes or a record's text into a checked `Document`, or say why it cannot be one."""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from redshank.errors import DayFormatError, InputError
from redshank.ingest.language import declared_language_reason, declares_other_language
from redshank.ingest.repair import repair_encoding, repair_warning
from redshank.model import Document, Failure, parse_day

if TYPE_CHECKING:
    from redshank.ingest.htmlpage import HtmlArticle

STAGE = "ingest"
TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
GZIP_JSONL_SUFFIXES = (".jsonl.gz", ".json.gz")
JSONL_SUFFIXES = frozenset({".jsonl", ".json", *GZIP_JSONL_SUFFIXES})
DOCUMENT_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
KNOWN_SUFFIXES = DOCUMENT_SUFFIXES | JSONL_SUFFIXES
READ_TYPES = ".txt, .html, .htm, .jsonl, .json, .jsonl.gz and .json.gz"
BINARY_SAMPLE_BYTES = 8192
MAX_CONTROL_SHARE = 0.1
BOM = "\ufeff"
# UTF-32 first: its little-endian BOM starts with UTF-16's.
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# UTF-16 without a BOM: mostly-ASCII text has a NUL in (nearly) every other byte.
_UTF16_MIN_NUL_SHARE = 0.3
_UTF16_MAX_OTHER_NUL_SHARE = 0.02
FUTURE_DATE_GRACE = timedelta(days=1)
# Bytes a text file may hold (as the `file` command judges): printable ASCII, whitespace,
# BEL, BS, ESC and anything >= 0x80 (UTF-8 is validated separately).
_TEXT_BYTES = bytes({7, 8, 9, 10, 11, 12, 13, 27} | set(range(0x20, 0x100)) - {0x7F})
# Control characters (Unicode category Cc: U+0000-U+001F, U+007F-U+009F) other than the
# whitespace ones (tab, newline, carriage return, form feed, vertical tab).
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# NUL (U+0000): PostgreSQL's text cannot hold it, and no article means it; replaced by a
# space in text and titles (offsets keep their places), refused in ids, sources and URLs.
NUL = "\x00"


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """Settings that apply to every input: metadata defaults, limits, and today's date."""

    published: date | None = None
    source: str | None = None
    max_doc_bytes: int = 2_000_000
    allow_outside_paths: bool = False
    today: date = field(default_factory=date.today)


@dataclass(frozen=True, slots=True)
class Metadata:
    """What is known about a document before its text is read."""

    id: str
    title: str | None = None
    published: date | None = None
    source: str | None = None
    url: str | None = None

    def filled(
        self,
        *,
        title: str | None = None,
        published: date | None = None,
        source: str | None = None,
        url: str | None = None,
    ) -> Metadata:
        """This metadata with the fields it lacks taken from the arguments."""
        return replace(
            self,
            title=self.title or title,
            published=self.published or published,
            source=self.source or source,
            url=self.url or url,
        )


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a document comes from (id, file, line), to put on its errors."""

    doc_id: str | None
    path: str | None
    line: int | None = None

    def error(self, message: str) -> InputError:
        """An `InputError` for this origin."""
        return InputError(message, doc_id=self.doc_id, path=self.path, line=self.line)


@dataclass(frozen=True, slots=True)
class Found:
    """A document read, with the file and line its id came from (to name in duplicate errors)."""

    document: Document
    path: str | None
    line: int | None = None

    @property
    def place(self) -> str:
        return f"{self.path} line {self.line}" if self.line is not None else str(self.path)


def kind_suffix(path: Path) -> str:
    """The suffix that says how a file is read, lower-cased: `.jsonl.gz`, `.txt`, ..."""
    name = path.name.lower()
    for suffix in GZIP_JSONL_SUFFIXES:
        if name.endswith(suffix):
            return suffix
    return path.suffix.lower()


def without_kind_suffix(name: str) -> str:
    """A file name or relative path without the suffix that says how it is read."""
    return name[: len(name) - len(kind_suffix(Path(name)))]


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


def wide_unicode_codec(data: bytes) -> str | None:
    """The codec of UTF-16 or UTF-32 bytes (by BOM, or UTF-16 by its NUL pattern), else None."""
    for bom, codec in _WIDE_BOMS:
        if data.startswith(bom):
            return codec
    sample = data[:BINARY_SAMPLE_BYTES]
    if len(sample) < 16:
        return None
    even, odd = _nul_share(sample[0::2]), _nul_share(sample[1::2])
    for nuls, others, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if nuls >= _UTF16_MIN_NUL_SHARE and others <= _UTF16_MAX_OTHER_NUL_SHARE:
            return codec
    return None


def _nul_share(data: bytes) -> float:
    return data.count(0) / len(data)


def _wide_name(codec: str) -> str:
    return "UTF-32" if codec.startswith("utf-32") else "UTF-16"


def utf16_advice(codec: str) -> str:
    """How to convert a UTF-16/UTF-32 file to UTF-8."""
    return f"convert it with `iconv -f {_wide_name(codec)} -t UTF-8`"


def as_utf8(data: bytes, origin: Origin) -> bytes:
    """UTF-16 or UTF-32 text re-encoded as UTF-8; other bytes unchanged (checked later)."""
    codec = wide_unicode_codec(data)
    if codec is None:
        return data
    try:
        return data.decode(codec).encode("utf-8")
    except UnicodeDecodeError as exc:
        name = _wide_name(codec)
        raise origin.error(
            f"looks like {name} text but is not valid {name} ({exc.reason}); {utf16_advice(codec)}"
        ) from exc


def decode_text(data: bytes, origin: Origin) -> str:
    """Text from UTF-8 (or UTF-16/UTF-32) bytes, normalised; binary or other data is an error."""
    data = as_utf8(data, origin)
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


def check_text(text: str, origin: Origin, *, declared_language: str | None = None) -> None:
    """Reject text that is empty, mostly control characters, or not English (judged from the
    text and, for a short text, from the language its page declares)."""
    if not text.strip():
        raise origin.error("is empty (nothing but whitespace); remove it or add the article text")
    control = len(_CONTROL.findall(text))
    if control / len(text) > MAX_CONTROL_SHARE:
        raise origin.error("is mostly control characters, not text; check how it was exported")
    reason = declared_language_reason(text, declared_language)
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
            return parse_day(value, "published")
        except DayFormatError as exc:
            raise origin.error(
                f"published date {value!r} is not YYYY-MM-DD or an ISO datetime; "
                "fix the date or leave it empty"
            ) from exc
    raise origin.error(
        f'published date must be a string like "2014-09-05", got {type(value).__name__}'
    )


def future_date_warnings(meta: Metadata, today: date) -> list[str]:
    """A warning if the publication date is after today (one day of grace for time zones)."""
    if meta.published is None or meta.published <= today + FUTURE_DATE_GRACE:
        return []
    return [
        f"doc {meta.id!r}: published date {meta.published} is in the future (today is "
        f"{today}); check the date"
    ]


def new_document(
    text: str,
    meta: Metadata,
    origin: Origin,
    options: IngestOptions,
    *,
    declared_language: str | None = None,
    warnings: tuple[str, ...] = (),
) -> Document:
    """The Document for `text` and its metadata: `options` fill the publication date and
    source it lacks; encoding damage in the text repaired, and in the title when the text
    had it (a few characters are too little evidence: "Ğ¯" is good Turkish and also the
    mojibake of "Я"), with a warning; NUL characters in the text and title made spaces,
    with a warning; the text checked, warnings about the metadata added."""
    meta = meta.filled(published=options.published, source=options.source)
    for name, value in (("id", meta.id), ("source", meta.source), ("url", meta.url)):
        if value and NUL in value:
            raise origin.error(f"'{name}' holds a NUL character (U+0000), which no database "
                               "column may hold; fix the record")
    body = repair_encoding(text)
    title = meta.title
    heading = repair_encoding(title) if title and body.changed else None
    check_text(body.text, origin, declared_language=declared_language)
    title = heading.text if heading else title
    nul_warnings = [f"doc {meta.id!r}: {field} held {value.count(NUL)} NUL characters "
                    "(U+0000), replaced by spaces; check how it was exported"
                    for field, value in (("text", body.text), ("title", title or ""))
                    if NUL in value]
    repairs = [repair_warning(meta.id, field, repair)
               for field, repair in (("text", body), ("title", heading))
               if repair is not None and repair.changed]
    if declares_other_language(declared_language):
        repairs.append(
            f"doc {meta.id!r}: the page declares its language as {declared_language!r} but "
            "its text reads as English, so it was coded"
        )
    return Document(
        id=meta.id,
        text=body.text.replace(NUL, " "),
        title=title.replace(NUL, " ") if title else title,
        published=meta.published,
        source=meta.source,
        url=meta.url,
        path=origin.path,
        published_from="metadata" if meta.published else "none",
        warnings=[*nul_warnings, *repairs, *warnings,
                  *future_date_warnings(meta, options.today)],
    )


def document_from_bytes(
    data: bytes, meta: Metadata, *, path: str, html: bool, options: IngestOptions
) -> Document:
    """A checked document from a file's bytes (plain text or HTML).

    An HTML page's metadata fills what `meta` (a manifest record's) lacks, and `options`
    fill what both lack.
    """
    origin = Origin(meta.id, path)
    if not data.strip():
        raise origin.error("is empty; remove it or add the article text")
    check_size(len(data), options.max_doc_bytes, origin)
    text = decode_text(data, origin)
    if not html:
        return new_document(text, meta, origin, options)
    page = read_page(text, origin)
    if not page.text.strip():
        raise origin.error("has no visible paragraph or heading text; check it is an article page")
    meta = meta.filled(title=page.title, published=page.published, source=page.source,
                       url=page.url)
    warnings = (
        (
            f"doc {meta.id!r}: no article text found by trafilatura, so the whole page's "
            "visible text was read (navigation, related links and other boilerplate may be "
            "in it); check it is an article page",
        )
        if page.fallback
        else ()
    )
    return new_document(
        page.text, meta, origin, options, declared_language=page.language, warnings=warnings
    )


def read_page(markup: str, origin: Origin) -> HtmlArticle:
    """The article in an HTML page, or an error naming the document if it cannot be read."""
    # Imported here: trafilatura takes about 0.2 s to import, which runs reading no HTML
    # (and commands reading no input) should not pay.
    from lxml.etree import LxmlError

    from redshank.ingest.htmlpage import read_html

    try:
        return read_html(markup)
    except (LxmlError, ValueError, TypeError, RecursionError) as exc:
        raise origin.error(
            f"cannot read the HTML ({type(exc).__name__}: {exc}); check the page, or save "
            "its text as .txt"
        ) from exc


def read_document_file(path: Path, meta: Metadata, options: IngestOptions) -> Document:
    """A checked document from a .txt or .html file, checking its size before reading it."""
    origin = Origin(meta.id, str(path))
    try:
        check_size(path.stat().st_size, options.max_doc_bytes, origin)
        data = path.read_bytes()
    except OSError as exc:
        raise origin.error(f"cannot read the file ({exc.strerror}); check its permissions") from exc
    return document_from_bytes(
        data, meta, path=str(path), html=path.suffix.lower() in HTML_SUFFIXES, options=options
    )
