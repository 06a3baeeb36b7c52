"""Issue 8 ingest rules: unique ids, no silent skips, gzip, containment, UTF-16, hidden HTML."""

from __future__ import annotations

import gzip
import io
import json
import os
from datetime import date, timedelta
from pathlib import Path

import pytest

from redshank.cli import build_parser
from redshank.ingest import folders as folders_module
from redshank.ingest import html_to_text
from redshank.model import Document, Failure
from tests.ingest.conftest import ENGLISH, documents, failures, read_all

OTHER = ENGLISH + " A second, different article."


def jsonl(records: list[dict[str, object]]) -> bytes:
    return "".join(json.dumps(record) + "\n" for record in records).encode("utf-8")


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def only_failure(items: list[Document | Failure]) -> Failure:
    [failure] = failures(items)
    assert failure.stage == "ingest"
    assert "\n" not in failure.message
    return failure


# Item 3: duplicate document ids


def test_same_id_with_different_text_is_a_failure_naming_both_places(tmp_path: Path) -> None:
    first = write(tmp_path / "a.jsonl", jsonl([{"id": "x", "text": ENGLISH}]))
    records = [
        {"id": "y", "text": OTHER},
        {"id": "z", "text": OTHER + "!"},
        {"id": "x", "text": OTHER},
    ]
    second = write(tmp_path / "b.jsonl", jsonl(records))
    items = read_all([str(first), str(second)])
    assert [(doc.id, doc.text) for doc in documents(items)] == [
        ("x", ENGLISH),
        ("y", OTHER),
        ("z", OTHER + "!"),
    ]
    failure = only_failure(items)
    assert failure.doc_id == "x"
    assert (failure.path, failure.line) == (str(second), 3)
    assert "id already used by" in failure.message
    assert f"{first} line 1" in failure.message
    assert f"{second} line 3" in failure.message
    assert "different text" in failure.message
    assert "unique id" in failure.message


def test_same_id_with_same_text_is_skipped_as_a_repeat_with_a_failure(tmp_path: Path) -> None:
    feed = write(tmp_path / "feed.jsonl", jsonl([{"id": "x", "text": ENGLISH}] * 2))
    items = read_all([str(feed)])
    assert [doc.id for doc in documents(items)] == ["x"]
    failure = only_failure(items)
    assert (failure.doc_id, failure.line) == ("x", 2)
    assert "same id and text" in failure.message
    assert f"{feed} line 1" in failure.message


def test_files_with_one_name_in_two_subfolders_get_their_relative_paths_as_ids(
    tmp_path: Path,
) -> None:
    write(tmp_path / "corpus" / "a" / "article.txt", ENGLISH)
    write(tmp_path / "corpus" / "b" / "article.txt", OTHER)
    items = read_all([str(tmp_path / "corpus")])
    assert failures(items) == []
    assert [doc.id for doc in documents(items)] == ["a/article", "b/article"]


def test_a_file_given_directly_keeps_its_name_as_id(tmp_path: Path) -> None:
    path = write(tmp_path / "a" / "article.txt", ENGLISH)
    [doc] = read_all([str(path)])
    assert isinstance(doc, Document)
    assert doc.id == "article"


def test_two_files_given_directly_with_one_name_and_different_text(tmp_path: Path) -> None:
    first = write(tmp_path / "a" / "article.txt", ENGLISH)
    second = write(tmp_path / "b" / "article.txt", OTHER)
    items = read_all([str(first), str(second)])
    assert [doc.text for doc in documents(items)] == [ENGLISH]
    failure = only_failure(items)
    assert (failure.doc_id, failure.path, failure.line) == ("article", str(second), None)
    assert str(first) in failure.message
    assert "rename one of the files" in failure.message


def test_records_without_ids_in_a_subfolder_are_named_after_its_relative_path(
    tmp_path: Path,
) -> None:
    write(tmp_path / "sub" / "feed.jsonl", jsonl([{"text": ENGLISH}]))
    write(tmp_path / "other" / "feed.jsonl", jsonl([{"text": OTHER}]))
    items = read_all([str(tmp_path)])
    assert [doc.id for doc in documents(items)] == ["other/feed-1", "sub/feed-1"]


@pytest.mark.parametrize(
    ("given", "expected_id"), [("folder", "sub/texts/story"), ("manifest", "texts/story")]
)
def test_manifest_default_id_is_the_article_path_relative_to_the_argument(
    tmp_path: Path, given: str, expected_id: str
) -> None:
    write(tmp_path / "sub" / "texts" / "story.txt", ENGLISH)
    manifest = write(tmp_path / "sub" / "m.jsonl", jsonl([{"path": "texts/story.txt"}]))
    argument = tmp_path if given == "folder" else manifest
    items = read_all([str(argument)])
    assert failures(items) == []
    assert [doc.id for doc in documents(items)] == [expected_id]


def test_manifest_entry_naming_a_file_already_read_is_a_failure(tmp_path: Path) -> None:
    write(tmp_path / "story.txt", ENGLISH)
    manifest = write(
        tmp_path / "m.jsonl",
        jsonl([{"id": "s1", "path": "story.txt"}, {"id": "s2", "path": "story.txt"}]),
    )
    items = read_all([str(manifest)])
    assert [doc.id for doc in documents(items)] == ["s1"]
    failure = only_failure(items)
    assert (failure.doc_id, failure.line) == ("s2", 2)
    assert "already read" in failure.message


# Item 4: nothing is skipped silently; gzip-compressed JSON Lines


def test_unknown_and_compressed_files_in_a_folder_are_failures(tmp_path: Path) -> None:
    write(tmp_path / "article.txt", ENGLISH)
    notes = write(tmp_path / "notes.md", "# notes")
    packed = write(tmp_path / "old" / "story.txt.gz", gzip.compress(ENGLISH.encode()))
    write(tmp_path / ".DS_Store", b"\x00\x01")
    items = read_all([str(tmp_path)])
    assert [doc.id for doc in documents(items)] == ["article"]
    by_path = {failure.path: failure.message for failure in failures(items)}
    assert set(by_path) == {str(notes), str(packed)}
    assert "unknown file type '.md'" in by_path[str(notes)]
    assert "gzip-compressed" in by_path[str(packed)]
    assert "gunzip" in by_path[str(packed)]


def test_broken_symlink_in_a_folder_is_a_failure(tmp_path: Path) -> None:
    write(tmp_path / "article.txt", ENGLISH)
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "missing.txt")
    items = read_all([str(tmp_path)])
    assert [doc.id for doc in documents(items)] == ["article"]
    failure = only_failure(items)
    assert failure.path == str(link)
    assert "broken symbolic link" in failure.message


def test_broken_symlink_given_directly_is_a_failure(tmp_path: Path) -> None:
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "missing.txt")
    failure = only_failure(read_all([str(link)]))
    assert "broken symbolic link" in failure.message


def test_unreadable_subfolder_is_a_failure_and_the_rest_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "article.txt", ENGLISH)
    locked = tmp_path / "locked"
    write(locked / "inside.txt", OTHER)
    real_scandir = os.scandir

    def scandir(path: os.PathLike[str]) -> object:
        # Tests run as root in CI, where chmod 000 does not stop reading: raise what the OS would.
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(folders_module.os, "scandir", scandir)
    items = read_all([str(tmp_path)])
    assert [doc.id for doc in documents(items)] == ["article"]
    failure = only_failure(items)
    assert failure.path == str(locked)
    assert "cannot read the folder (Permission denied)" in failure.message


def test_symlinked_folders_are_followed_once_and_loops_end(tmp_path: Path) -> None:
    write(tmp_path / "real" / "article.txt", ENGLISH)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "linked").symlink_to(tmp_path / "real")
    (corpus / "loop").symlink_to(corpus)
    items = read_all([str(corpus)])
    assert failures(items) == []
    assert [doc.id for doc in documents(items)] == ["linked/article"]


@pytest.mark.parametrize("name", ["feed.jsonl.gz", "feed.json.gz"])
def test_gzip_json_lines_are_read_with_the_same_per_line_errors(tmp_path: Path, name: str) -> None:
    data = jsonl([{"text": ENGLISH}]) + b"{broken\n" + jsonl([{"id": "z", "text": OTHER}])
    path = write(tmp_path / name, gzip.compress(data))
    items = read_all([str(path)])
    assert [doc.id for doc in documents(items)] == ["feed-1", "z"]
    failure = only_failure(items)
    assert (failure.path, failure.line) == (str(path), 2)
    assert "malformed JSON" in failure.message


def test_gzip_json_lines_in_a_folder_are_read(tmp_path: Path) -> None:
    write(tmp_path / "dump" / "day1.jsonl.gz", gzip.compress(jsonl([{"text": ENGLISH}])))
    assert [doc.id for doc in documents(read_all([str(tmp_path)]))] == ["dump/day1-1"]


def test_corrupt_gzip_is_a_failure_naming_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "feed.jsonl.gz", b"this is not gzip data at all")
    failure = only_failure(read_all([str(path)]))
    assert failure.path == str(path)
    assert "not valid gzip data" in failure.message


def test_truncated_gzip_keeps_the_records_before_the_damage(tmp_path: Path) -> None:
    records = [{"id": f"r{n}", "text": f"{ENGLISH} Number {n}."} for n in range(200)]
    packed = gzip.compress(jsonl(records))
    path = write(tmp_path / "feed.jsonl.gz", packed[: len(packed) // 2])
    items = read_all([str(path)])
    assert documents(items)
    assert [doc.id for doc in documents(items)] == [f"r{n}" for n in range(len(documents(items)))]
    failure = only_failure(items)
    assert failure.path == str(path)
    assert "not valid gzip data" in failure.message


# Item 7: manifest paths stay inside the manifest's folder


def _outside_manifest(tmp_path: Path, entry_path: str) -> Path:
    write(tmp_path / "outside.txt", ENGLISH)
    return write(tmp_path / "lists" / "m.jsonl", jsonl([{"id": "o", "path": entry_path}]))


@pytest.mark.parametrize("kind", ["parent", "absolute", "symlink"])
def test_manifest_paths_outside_the_manifest_folder_are_refused(tmp_path: Path, kind: str) -> None:
    entry_path = {
        "parent": "../outside.txt",
        "absolute": str(tmp_path / "outside.txt"),
        "symlink": "inside.txt",
    }[kind]
    manifest = _outside_manifest(tmp_path, entry_path)
    (tmp_path / "lists" / "inside.txt").symlink_to(tmp_path / "outside.txt")
    failure = only_failure(read_all([str(manifest)]))
    assert (failure.doc_id, failure.path, failure.line) == ("o", str(manifest), 1)
    assert "outside the manifest's folder" in failure.message
    assert str(manifest) in failure.message
    assert "--allow-outside-paths" in failure.message


@pytest.mark.parametrize("entry_path", ["../outside.txt", "inside.txt"])
def test_allow_outside_paths_reads_them(tmp_path: Path, entry_path: str) -> None:
    manifest = _outside_manifest(tmp_path, entry_path)
    (tmp_path / "lists" / "inside.txt").symlink_to(tmp_path / "outside.txt")
    [doc] = read_all([str(manifest)], allow_outside_paths=True)
    assert isinstance(doc, Document)
    assert (doc.id, doc.text) == ("o", ENGLISH)


def test_manifest_path_that_only_passes_through_a_parent_stays_allowed(tmp_path: Path) -> None:
    write(tmp_path / "lists" / "texts" / "story.txt", ENGLISH)
    manifest = write(
        tmp_path / "lists" / "m.jsonl", jsonl([{"id": "s", "path": "texts/../texts/story.txt"}])
    )
    assert [doc.id for doc in documents(read_all([str(manifest)]))] == ["s"]


@pytest.mark.parametrize("command", ["ingest", "code"])
def test_allow_outside_paths_flag_is_parsed(command: str) -> None:
    parser = build_parser()
    assert parser.parse_args([command, "m.jsonl", "--allow-outside-paths"]).allow_outside_paths
    assert not parser.parse_args([command, "m.jsonl"]).allow_outside_paths


# Item 9: UTF-16, future publication dates, hidden HTML


@pytest.mark.parametrize(
    "encoding", ["utf-16", "utf-16-be-bom", "utf-16-le", "utf-16-be", "utf-32"]
)
def test_utf16_text_file_is_decoded(tmp_path: Path, encoding: str) -> None:
    text = "Iraq \u2014 Baghdad. " + ENGLISH
    if encoding == "utf-16-be-bom":
        data = "\ufeff".encode("utf-16-be") + text.encode("utf-16-be")
    else:
        data = text.encode(encoding)
    [doc] = read_all([str(write(tmp_path / "wide.txt", data))])
    assert isinstance(doc, Document)
    assert doc.text == text


def test_utf16_html_and_json_lines_are_decoded(tmp_path: Path) -> None:
    page = write(tmp_path / "page.html", f"<title>T</title><p>{ENGLISH}</p>".encode("utf-16"))
    records = json.dumps({"id": "w", "text": OTHER}) + "\n"
    feed = write(tmp_path / "feed.jsonl", records.encode("utf-16"))
    html_doc, jsonl_doc = read_all([str(page), str(feed)])
    assert isinstance(html_doc, Document)
    assert html_doc.title == "T"
    assert isinstance(jsonl_doc, Document)
    assert (jsonl_doc.id, jsonl_doc.text) == ("w", OTHER)


def test_utf16_on_standard_input_is_decoded() -> None:
    stream = io.TextIOWrapper(io.BytesIO(ENGLISH.encode("utf-16")), encoding="utf-8")
    [doc] = read_all(["-"], stdin=stream)
    assert isinstance(doc, Document)
    assert doc.text == ENGLISH


@pytest.mark.parametrize("name", ["wide.txt", "wide.jsonl"])
def test_broken_utf16_says_utf16_and_how_to_convert(tmp_path: Path, name: str) -> None:
    text = json.dumps({"id": "w", "text": ENGLISH}) + "\n"
    data = "\ufeff".encode("utf-16-le") + text.encode("utf-16-le") + b"\x00\xd8A\x00"
    failure = only_failure(read_all([str(write(tmp_path / name, data))]))
    assert "not valid UTF-16" in failure.message
    assert "iconv -f UTF-16 -t UTF-8" in failure.message
    assert "binary" not in failure.message


def test_future_publication_date_is_accepted_with_a_warning(tmp_path: Path) -> None:
    today = date.today()
    records = [
        {"id": "far", "text": ENGLISH, "published": "2999-01-01"},
        {"id": "tomorrow", "text": ENGLISH + " 1", "published": str(today + timedelta(days=1))},
        {"id": "later", "text": ENGLISH + " 2", "published": str(today + timedelta(days=2))},
        {"id": "past", "text": ENGLISH + " 3", "published": "2014-06-11"},
    ]
    feed = write(tmp_path / "feed.jsonl", jsonl(records))
    items = read_all([str(feed)])
    assert failures(items) == []
    warnings = {doc.id: doc.warnings for doc in documents(items)}
    assert warnings["tomorrow"] == warnings["past"] == []
    [far] = warnings["far"]
    assert "doc 'far'" in far
    assert "published date 2999-01-01 is in the future" in far
    assert len(warnings["later"]) == 1


def test_future_published_argument_warns_for_plain_files(article: Path) -> None:
    [doc] = read_all([str(article)], published=date(2999, 1, 1))
    assert isinstance(doc, Document)
    assert doc.published == date(2999, 1, 1)
    assert "in the future" in doc.warnings[0]


@pytest.mark.parametrize(
    "hidden",
    [
        '<div style="display:none">SECRET words</div>',
        '<p style="color: red; display: none !important">SECRET words</p>',
        '<span style="visibility:hidden">SECRET words</span>',
        "<div hidden><p>SECRET</p><div>words</div></div>",
        '<p aria-hidden="true">SECRET words</p>',
        "<iframe src='ad.html'><p>SECRET fallback</p></iframe>",
        "<noscript><p>SECRET enable scripts</p></noscript>",
        "<template><p>SECRET template</p></template>",
        "<p hidden>SECRET unclosed paragraph",
        "<ul><li hidden>SECRET item<li>Shown item</ul>",
    ],
)
def test_hidden_html_contributes_no_text(hidden: str) -> None:
    markup = f"<html><body><p>Before.</p>{hidden}<p>Visible <b>after</b>.</p></body></html>"
    _title, text = html_to_text(markup)
    assert "SECRET" not in text
    assert text.startswith("Before.")
    assert text.endswith("Visible after.")


def test_visible_text_around_a_hidden_span_stays_one_paragraph() -> None:
    _title, text = html_to_text("<p>Iraq asked <span hidden>SECRET</span> the U.S.</p>")
    assert text == "Iraq asked the U.S."


def test_aria_hidden_false_and_other_styles_keep_their_text() -> None:
    markup = '<p aria-hidden="false">One.</p><p style="display:block">Two.</p>'
    assert html_to_text(markup) == (None, "One.\n\nTwo.")


def test_body_text_after_an_unclosed_head_without_body_tag_is_kept() -> None:
    assert html_to_text("<html><head><title>T</title><p>Body text.") == ("T", "Body text.")
