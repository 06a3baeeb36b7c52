"""Bad input becomes a Failure naming the document and what to do; the batch goes on."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from redshank.ingest.language import non_english_reason
from redshank.model import Document, Failure
from tests.ingest.conftest import ENGLISH, FRENCH, GERMAN, documents, failures, read_all

FIVE_MB = 5 * 1024 * 1024


def _write(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return make


def _big_article(folder: Path) -> Path:
    path = folder / "big.txt"
    sentence = ENGLISH.encode("utf-8") + b"\n"
    path.write_bytes(sentence * (FIVE_MB // len(sentence) + 1))
    return path


def _missing_manifest_file(folder: Path) -> Path:
    path = folder / "manifest.jsonl"
    path.write_text(json.dumps({"id": "gone", "path": "texts/gone.txt"}) + "\n")
    return path


# (make the bad input, expected doc_id, expected line, words the message must contain)
BAD_INPUTS = {
    "empty file": (_write("empty.txt", b""), "empty", None, ["'empty'", "is empty"]),
    "whitespace only": (
        _write("blank.txt", b" \n\t\r\n  "),
        "blank",
        None,
        ["'blank'", "is empty"],
    ),
    "BOM and whitespace only": (
        _write("bom.txt", b"\xef\xbb\xbf  \n"),
        "bom",
        None,
        ["is empty"],
    ),
    "binary with NUL bytes": (
        _write("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4),
        "image",
        None,
        ["'image'", "binary"],
    ),
    "binary control characters": (
        _write("blob.txt", bytes(range(1, 32)) * 40),
        "blob",
        None,
        ["binary"],
    ),
    "invalid UTF-8": (
        _write("latin1.txt", ("x" * 412).encode() + "café".encode("latin-1")),
        "latin1",
        None,
        ["'latin1'", "not UTF-8 at byte 415", "UTF-8"],
    ),
    "5 MB article": (
        _big_article,
        "big",
        None,
        ["'big'", "bytes is over the limit of 2,000,000 bytes", "--max-doc-bytes"],
    ),
    "French article": (
        _write("fr.txt", FRENCH.encode()),
        "fr",
        None,
        ["'fr'", "does not look like English", "translate"],
    ),
    "German article": (
        _write("de.txt", GERMAN.encode()),
        "de",
        None,
        ["'de'", "does not look like English"],
    ),
    "unknown file type": (
        _write("report.pdf", b"%PDF-1.4"),
        "report",
        None,
        ["unknown file type '.pdf'", ".txt"],
    ),
    "manifest pointing at a missing file": (
        _missing_manifest_file,
        "gone",
        1,
        ["'gone'", "file not found", "gone.txt", "relative to the manifest"],
    ),
    "malformed JSON line": (
        _write("feed.jsonl", b'{"id": "a", "text": "unterminated\n'),
        None,
        1,
        ["feed.jsonl", "line 1", "malformed JSON (Unterminated string", "at column 21"],
    ),
    "JSON line that is not an object": (
        _write("feed.jsonl", b'["a", "b"]\n'),
        None,
        1,
        ["expected one JSON object per line, got list"],
    ),
    "record without text": (
        _write("feed.jsonl", b'{"id": "a", "title": "No body"}\n'),
        "a",
        1,
        ["'a'", "no 'text'"],
    ),
    "record with null text": (
        _write("feed.jsonl", b'{"id": "a", "text": null}\n'),
        "a",
        1,
        ["'text' is null"],
    ),
    "record with empty text": (
        _write("feed.jsonl", b'{"id": "a", "text": "  "}\n'),
        "a",
        1,
        ["is empty"],
    ),
    "record whose text is not a string": (
        _write("feed.jsonl", b'{"id": "a", "text": ["para 1", "para 2"]}\n'),
        "a",
        1,
        ["'text' must be a string, got list"],
    ),
    "record with an unpaired surrogate": (
        _write("feed.jsonl", b'{"id": "a", "text": "bad \\ud800 escape"}\n'),
        "a",
        1,
        ["unpaired surrogate"],
    ),
    "JSON Lines line not UTF-8": (
        _write("feed.jsonl", b'\n\n{"text": "caf\xe9"}\n'),
        None,
        3,
        ["line 3", "not UTF-8 at byte 15"],
    ),
    "binary JSON Lines file": (
        _write("feed.jsonl", b"\x1f\x8b\x08\x00" + bytes(64)),
        None,
        None,
        ["binary"],
    ),
}


@pytest.mark.parametrize("kind", list(BAD_INPUTS))
def test_bad_input_is_a_failure_with_a_clear_message(tmp_path: Path, kind: str) -> None:
    make, doc_id, line, words = BAD_INPUTS[kind]
    path = make(tmp_path)
    items = read_all([str(path)])
    assert len(items) == 1
    [failure] = items
    assert isinstance(failure, Failure)
    assert failure.stage == "ingest"
    assert failure.doc_id == doc_id
    assert failure.line == line
    assert failure.path is not None
    assert "\n" not in failure.message
    for word in words:
        assert word in failure.message


def test_batch_with_every_kind_of_bad_input_still_yields_the_good_documents(
    tmp_path: Path,
) -> None:
    inputs = []
    for index, (make, *_rest) in enumerate(BAD_INPUTS.values()):
        folder = tmp_path / f"bad{index}"
        folder.mkdir()
        inputs.append(str(make(folder)))
        good = tmp_path / f"good{index}.txt"
        good.write_text(f"{ENGLISH} Item {index}.")
        inputs.append(str(good))
    inputs.append(str(tmp_path / "does-not-exist.txt"))
    items = read_all(inputs)
    assert [doc.id for doc in documents(items)] == [f"good{i}" for i in range(len(BAD_INPUTS))]
    assert len(failures(items)) == len(BAD_INPUTS) + 1


def test_jsonl_bad_lines_do_not_stop_the_file(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps({"id": "one", "text": ENGLISH}),
                "{broken",
                json.dumps({"id": "two", "text": 3}),
                json.dumps({"id": "three", "text": ENGLISH + " Three."}),
            ]
        )
    )
    items = read_all([str(path)])
    assert [doc.id for doc in documents(items)] == ["one", "three"]
    assert [(f.doc_id, f.line) for f in failures(items)] == [(None, 2), ("two", 3)]


def test_missing_input_path_is_a_failure_not_an_exception(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    [failure] = read_all([str(missing)])
    assert isinstance(failure, Failure)
    assert failure.path == str(missing)
    assert "no such file or folder" in failure.message


def test_max_doc_bytes_can_be_raised(tmp_path: Path) -> None:
    path = _big_article(tmp_path)
    [doc] = read_all([str(path)], max_doc_bytes=10 * 1024 * 1024)
    assert isinstance(doc, Document)


def test_jsonl_record_over_the_size_limit_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "long", "text": ENGLISH * 20}) + "\n")
    [failure] = read_all([str(path)], max_doc_bytes=1000)
    assert isinstance(failure, Failure)
    assert "over the limit of 1,000 bytes" in failure.message


@pytest.mark.parametrize(
    "text",
    [
        "Obama meets Putin",
        "Iraq asks U.S. to bomb militants",
        "Kerry: Countries Are Offering Ground Troops in Fight Against ISIS",
        ENGLISH,
    ],
)
def test_short_headlines_and_english_articles_count_as_english(text: str) -> None:
    assert non_english_reason(text) is None


@pytest.mark.parametrize(
    "text",
    [
        FRENCH,
        GERMAN,
        "أعلنت الحكومة العراقية يوم الثلاثاء أنها طلبت من الولايات المتحدة شن غارات جوية "
        "على مواقع المسلحين في شمال البلاد بعد سقوط مدينة الموصل",
    ],
)
def test_other_languages_are_not_english(text: str) -> None:
    assert non_english_reason(text) is not None


def test_nul_characters_become_spaces_with_a_warning_or_refuse_an_id(tmp_path: Path) -> None:
    """No database text column may hold U+0000 (PostgreSQL's cannot): a stray one in an
    article or title is a space (offsets keep their places), in an id the record fails."""
    path = tmp_path / "feed.jsonl"
    text = ENGLISH.replace("coalition", "coali\u0000tion")
    path.write_text("\n".join([
        json.dumps({"id": "stray", "text": text, "title": "Coalition\u0000 formed"}),
        json.dumps({"id": "bad\u0000id", "text": ENGLISH}),
    ]))
    items = read_all([str(path)])
    [document] = documents(items)
    assert document.text == ENGLISH.replace("coalition", "coali tion")
    assert len(document.text) == len(text) and document.title == "Coalition  formed"
    assert [w.split(":")[1].strip().split(" held")[0] for w in document.warnings] == [
        "text", "title"]
    [failure] = failures(items)
    assert failure.line == 2 and "NUL character" in failure.message and "'id'" in failure.message
