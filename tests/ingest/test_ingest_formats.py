"""Each input format gives the right documents, ids, metadata and text."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from redshank.ingest import html_to_text
from redshank.model import Document, Failure
from tests.conftest import SEEDS
from tests.ingest.conftest import ENGLISH, documents, failures, read_all

ONE_PARAGRAPH = " ".join(ENGLISH.split())


def write_jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def test_plain_text_file_is_one_document_named_after_the_file(article: Path) -> None:
    [doc] = read_all([str(article)])
    assert isinstance(doc, Document)
    assert doc.id == "article"
    assert doc.text == ENGLISH
    assert doc.path == str(article)
    assert doc.published is None
    assert doc.published_from == "none"


def test_published_and_source_arguments_apply_to_plain_files(article: Path) -> None:
    [doc] = read_all([str(article)], published=date(2014, 9, 5), source="Reuters")
    assert isinstance(doc, Document)
    assert doc.published == date(2014, 9, 5)
    assert doc.published_from == "metadata"
    assert doc.source == "Reuters"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"\xef\xbb\xbfLine one.\r\nLine two.", "Line one.\nLine two."),
        (b"Line one.\rLine two.\r\n\r\nLine three.", "Line one.\nLine two.\n\nLine three."),
        (b"  Indented, trailing spaces   \n", "  Indented, trailing spaces   \n"),
    ],
)
def test_text_is_normalised_only_for_bom_and_newlines(
    tmp_path: Path, raw: bytes, expected: str
) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(raw)
    [doc] = read_all([str(path)])
    assert isinstance(doc, Document)
    assert doc.text == expected


def test_directory_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / "b" / "zeta.txt").write_text(ENGLISH)
    (tmp_path / "a" / "beta.txt").write_text(ENGLISH + " Beta.")
    (tmp_path / "alpha.htm").write_text(f"<p>{ENGLISH} Alpha.</p>")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "secret.txt").write_text(ENGLISH)
    write_jsonl(tmp_path / "records.jsonl", [{"id": "r1", "text": ENGLISH + " R1."}])
    items = read_all([str(tmp_path)])
    assert failures(items) == []
    assert [doc.id for doc in documents(items)] == ["r1", "a/beta", "alpha", "b/zeta"]


def test_jsonl_records_keep_their_ids_and_metadata(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "feed.jsonl",
        [
            {
                "id": "a1",
                "text": ENGLISH,
                "title": "Coalition formed",
                "published": "2014-09-05",
                "source": "Reuters",
                "url": "https://example.com/a1",
            },
            {"text": ENGLISH + " Second.", "published": "2014-09-06T14:30:00+02:00"},
            {"id": 17, "text": ENGLISH + " Third."},
        ],
    )
    first, second, third = read_all([str(path)], source="Fallback wire")
    assert isinstance(first, Document)
    assert (first.id, first.title, first.published, first.source, first.url) == (
        "a1",
        "Coalition formed",
        date(2014, 9, 5),
        "Reuters",
        "https://example.com/a1",
    )
    assert isinstance(second, Document)
    assert second.id == "feed-2"
    assert second.published == date(2014, 9, 6)
    assert second.source == "Fallback wire"
    assert isinstance(third, Document)
    assert third.id == "17"


def test_jsonl_blank_lines_are_skipped_but_count_for_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text("\n" + json.dumps({"text": ENGLISH}) + "\n\n")
    [doc] = read_all([str(path)])
    assert isinstance(doc, Document)
    assert doc.id == "feed-2"


def test_json_suffix_is_read_as_json_lines(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "feed.json", [{"id": "j", "text": ENGLISH}])
    assert [doc.id for doc in documents(read_all([str(path)]))] == ["j"]


def test_seed_manifest_reads_every_article_with_its_metadata() -> None:
    items = read_all([str(SEEDS / "manifest.jsonl")])
    assert failures(items) == []
    docs = documents(items)
    assert [doc.id for doc in docs] == [
        "000_11fe88d6595ed0da",
        "001_dce3ab4f66cebe96",
        "002_b69bd920d9e2bfbe",
    ]
    assert [doc.published for doc in docs] == [
        date(2014, 9, 5),
        date(2014, 9, 14),
        date(2014, 6, 11),
    ]
    assert docs[0].title is None
    assert docs[1].title == "Kerry: Countries Are Offering Ground Troops in Fight Against ISIS"
    assert docs[2].source == "Star Tribune (New York Times)"
    assert docs[0].path == str(SEEDS / "000_11fe88d6595ed0da.txt")
    assert docs[0].text == (SEEDS / "000_11fe88d6595ed0da.txt").read_text(encoding="utf-8")


def test_seed_folder_reads_each_article_once_with_manifest_metadata() -> None:
    items = read_all([str(SEEDS)])
    assert failures(items) == []
    docs = documents(items)
    assert len(docs) == 3
    assert all(doc.published is not None for doc in docs)


def test_manifest_paths_are_relative_to_the_manifest_and_id_defaults_to_that_path(
    tmp_path: Path,
) -> None:
    (tmp_path / "lists" / "texts").mkdir(parents=True)
    (tmp_path / "lists" / "texts" / "story.txt").write_text(ENGLISH)
    (tmp_path / "lists" / "texts" / "page.html").write_text(
        f"<html><head><title>Page title</title></head><body><p>{ENGLISH}</p></body></html>"
    )
    manifest = write_jsonl(
        tmp_path / "lists" / "manifest.jsonl",
        [
            {"path": "texts/story.txt", "published": "2014-01-02", "source": None},
            {"id": "p", "path": "texts/page.html", "title": None},
        ],
    )
    story, page = read_all([str(manifest)], source="Default source")
    assert isinstance(story, Document)
    assert (story.id, story.published, story.source) == (
        "texts/story",
        date(2014, 1, 2),
        "Default source",
    )
    assert isinstance(page, Document)
    assert (page.id, page.title, page.text) == ("p", "Page title", ONE_PARAGRAPH)


def test_html_keeps_title_and_visible_blocks_only() -> None:
    markup = """<!doctype html>
    <html><head><title> Iraq asks
      U.S. for air strikes </title><style>p { color: red }</style>
    <script>var tracking = "the and of";</script></head>
    <body>
      <nav><a href="/">Home</a> <a href="/world">World</a></nav>
      <h1>Iraq asks U.S. for air strikes</h1>
      <p>Iraq asked the   United States
         to bomb militants, officials said.</p>
      <p>Baghdad &amp; Washington are talking.<br>More talks are planned.</p>
      <script>document.write("ad")</script>
      <ul><li>First point</li><li>Second point</li></ul>
      <footer>Copyright 2014</footer>
    </body></html>"""
    title, text = html_to_text(markup)
    assert title == "Iraq asks U.S. for air strikes"
    assert text == (
        "Iraq asks U.S. for air strikes\n\n"
        "Iraq asked the United States to bomb militants, officials said.\n\n"
        "Baghdad & Washington are talking.\nMore talks are planned.\n\n"
        "First point\n\nSecond point"
    )


def test_html_with_unclosed_head_still_yields_the_body() -> None:
    title, text = html_to_text("<html><head><title>T</title><body><p>Body text.</p>")
    assert (title, text) == ("T", "Body text.")


def test_html_file_becomes_a_document_with_its_title(tmp_path: Path) -> None:
    path = tmp_path / "story.html"
    path.write_text(f"<title>Story</title><p>{ENGLISH}</p>", encoding="utf-8")
    [doc] = read_all([str(path)])
    assert isinstance(doc, Document)
    assert (doc.id, doc.title, doc.text) == ("story", "Story", ONE_PARAGRAPH)


def test_stdin_plain_text_is_one_document() -> None:
    [doc] = read_all(["-"], stdin=io.StringIO(ENGLISH + "\r\n"), source="pasted")
    assert isinstance(doc, Document)
    assert (doc.id, doc.text, doc.source, doc.path) == ("stdin", ENGLISH + "\n", "pasted", "-")


def test_stdin_json_lines_give_one_document_per_record() -> None:
    stream = io.StringIO(
        json.dumps({"id": "x", "text": ENGLISH}) + "\n\n" + json.dumps({"text": ENGLISH + "!"})
    )
    items = read_all(["-"], stdin=stream)
    assert [doc.id for doc in documents(items)] == ["x", "stdin-3"]


def test_stdin_json_lines_with_a_bad_line_keep_the_good_records() -> None:
    stream = io.StringIO(json.dumps({"id": "x", "text": ENGLISH}) + "\n{not json\n")
    items = read_all(["-"], stdin=stream)
    assert [doc.id for doc in documents(items)] == ["x"]
    [failure] = failures(items)
    assert (failure.path, failure.line) == ("-", 2)


def test_stdin_bytes_are_checked_like_a_file() -> None:
    stream = io.TextIOWrapper(io.BytesIO(b"Caf\xe9 talks " + ENGLISH.encode()), encoding="utf-8")
    [failure] = read_all(["-"], stdin=stream)
    assert isinstance(failure, Failure)
    assert (failure.doc_id, failure.path) == ("stdin", "-")
    assert "not UTF-8 at byte 3" in failure.message


def test_same_file_named_twice_is_read_once(article: Path) -> None:
    items = read_all([str(article), str(article.parent), str(article)])
    assert [item.id for item in documents(items)] == ["article"]


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2014-09-05", date(2014, 9, 5)),
        ("2014-09-05T23:59:59", date(2014, 9, 5)),
        ("2014-09-05T23:59:59Z", date(2014, 9, 5)),
        ("2014-09-05 08:00:00-05:00", date(2014, 9, 5)),
        ("", None),
        (None, None),
    ],
)
def test_published_dates_accept_iso_dates_and_datetimes(
    tmp_path: Path, published: str | None, expected: date | None
) -> None:
    path = write_jsonl(tmp_path / "f.jsonl", [{"id": "d", "text": ENGLISH, "published": published}])
    [doc] = read_all([str(path)])
    assert isinstance(doc, Document)
    assert doc.published == expected


@pytest.mark.parametrize("published", ["05/09/2014", "September 5", "2014-13-01", 20140905])
def test_unparseable_published_date_is_a_failure_for_that_record(
    tmp_path: Path, published: object
) -> None:
    path = write_jsonl(
        tmp_path / "f.jsonl",
        [{"id": "bad", "text": ENGLISH, "published": published}, {"id": "ok", "text": ENGLISH}],
    )
    bad, ok = read_all([str(path)])
    assert isinstance(bad, Failure)
    assert (bad.doc_id, bad.stage, bad.line) == ("bad", "ingest", 1)
    assert "published date" in bad.message
    assert isinstance(ok, Document)
