"""Property tests for the JSON Lines reader: records round-trip, garbage never raises."""

from __future__ import annotations

import io
import json
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from redshank.ingest import IngestOptions, JsonlSource, iter_jsonl_documents
from redshank.ingest.repair import repair_encoding
from redshank.model import Document, Failure
from tests.ingest.conftest import ENGLISH

EMPTY_DIR = Path(tempfile.mkdtemp(prefix="redshank-empty-"))

plain_chars = st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\r\t")
plain_text = st.text(alphabet=plain_chars, max_size=40)
ids = st.none() | st.integers() | st.text(alphabet=plain_chars, min_size=1, max_size=20)
optional_strings = st.none() | plain_text
published_values = (
    st.none()
    | st.dates().map(date.isoformat)
    | st.datetimes(timezones=st.none() | st.just(UTC)).map(datetime.isoformat)
)
extra_keys = st.text(max_size=10).filter(
    lambda key: key not in {"id", "text", "title", "published", "source", "url", "path"}
)

core_records = st.fixed_dictionaries(
    {
        "id": ids,
        "text": st.tuples(plain_text, plain_text).map(lambda pair: pair[0] + ENGLISH + pair[1]),
        "title": optional_strings,
        "published": published_values,
        "source": optional_strings,
        "url": optional_strings,
    }
)
extra_fields = st.dictionaries(extra_keys, st.integers() | st.text(max_size=10), max_size=2)
records = st.tuples(core_records, extra_fields).map(lambda pair: {**pair[1], **pair[0]})


def _read(lines: list[bytes]) -> list[Document | Failure]:
    source = JsonlSource(path="feed.jsonl", stem="feed", base_dir=EMPTY_DIR)
    return list(iter_jsonl_documents(io.BytesIO(b"\n".join(lines)), source, IngestOptions()))


def _expected_published(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return datetime.fromisoformat(value).date()


@settings(max_examples=200)
@given(st.lists(records, max_size=5), st.booleans())
def test_records_round_trip(batch: list[dict[str, Any]], ascii_only: bool) -> None:
    lines = [json.dumps(record, ensure_ascii=ascii_only).encode("utf-8") for record in batch]
    items = _read(lines)
    assert all(isinstance(item, Document) for item in items), items
    assert len(items) == len(batch)
    for line_no, (record, doc) in enumerate(zip(batch, items, strict=True), start=1):
        assert isinstance(doc, Document)
        record_id = record["id"]
        has_id = record_id is not None and str(record_id).strip() != ""
        assert doc.id == (str(record_id) if has_id else f"feed-{line_no}")
        text = record["text"].removeprefix("\ufeff")
        # a text that reads as mojibake is repaired, with a warning (ingest/repair.py); the
        # title follows the text, whose damage is the evidence
        repaired = repair_encoding(text)
        assert doc.text == repaired.text.replace("\r\n", "\n").replace("\r", "\n")
        assert any("damaged encoding" in w for w in doc.warnings) == repaired.changed
        title = record["title"] or None
        assert doc.title == (repair_encoding(title).text if title and repaired.changed
                             else title)
        assert doc.source == (record["source"] or None)
        assert doc.url == (record["url"] or None)
        assert doc.published == _expected_published(record["published"])
        assert doc.path == "feed.jsonl"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=8,
)
field_names = st.sampled_from(["id", "text", "title", "published", "source", "url", "path"])
near_records = st.dictionaries(field_names | st.text(max_size=5), json_values, max_size=6).map(
    lambda record: json.dumps(record).encode("utf-8")
)
garbage_lines = st.binary(max_size=80).map(lambda raw: raw.replace(b"\n", b" ")) | near_records


@settings(max_examples=300)
@given(st.lists(garbage_lines, max_size=8))
def test_garbage_lines_give_failures_never_exceptions(lines: list[bytes]) -> None:
    items = _read(lines)
    assert all(isinstance(item, Document | Failure) for item in items)
    assert len(items) <= len(lines)
    for item in items:
        if isinstance(item, Failure):
            assert item.stage == "ingest"
            assert item.path == "feed.jsonl"
            assert item.line is not None and 1 <= item.line <= len(lines)
            assert item.message and "\n" not in item.message
