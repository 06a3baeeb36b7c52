"""Encoding repair at ingest: mojibake is undone with a warning, clean text is never touched."""

from __future__ import annotations

import json
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (registers "sloppy-windows-1252")
import pytest
from hypothesis import given
from hypothesis import strategies as st

from redshank.ingest.repair import repair_encoding
from redshank.model import Document
from tests.ingest.conftest import ENGLISH, documents, read_all

REPORT = (
    "The minister’s convoy reached São Paulo on Tuesday — a day late — and met the "
    "mayor at a café near the “old” market, where it was 31°C."
)
CLEAN = [
    REPORT,
    ENGLISH,
    "Plain ASCII text with 'straight' quotes and no accents at all.",
    "Müller, Gdańsk, Đoàn, naïve, 50 € and £20: real letters, real symbols…",
    "SÃO PAULO (Reuters) — Brazil’s capital is not Rio; Ångström, Þór and Mônaco are names.",
]


def damaged(text: str, codec: str = "sloppy-windows-1252") -> str:
    """`text` as a feed that read its UTF-8 bytes as `codec` would show it (Windows-1252 as
    browsers read it: the five bytes it leaves undefined pass through as Latin-1)."""
    return text.encode("utf-8").decode(codec)


def only_document(items: list) -> Document:
    found = documents(items)
    assert len(found) == 1, items
    return found[0]


def test_windows_1252_mojibake_is_undone() -> None:
    repair = repair_encoding(damaged(REPORT))
    assert "â€™" in damaged(REPORT)
    assert repair.text == REPORT
    assert repair.damage == "UTF-8 read as Windows-1252"


def test_latin_1_mojibake_is_undone() -> None:
    text = "The temperature in Málaga reached 40°C."
    assert repair_encoding(damaged(text, "latin-1")).text == text


def test_mojibake_damaged_twice_is_undone() -> None:
    assert repair_encoding(damaged(damaged(REPORT))).text == REPORT


@pytest.mark.parametrize("text", CLEAN)
def test_clean_text_is_never_changed(text: str) -> None:
    repair = repair_encoding(text)
    assert repair.text == text
    assert not repair.changed


def test_a_text_file_with_mojibake_is_stored_repaired_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "convoy.txt"
    path.write_text(damaged(REPORT) + "\n\n" + ENGLISH, encoding="utf-8")
    document = only_document(read_all([str(path)]))
    assert document.text == REPORT + "\n\n" + ENGLISH
    assert len(document.warnings) == 1
    assert "doc 'convoy'" in document.warnings[0]
    assert "text had damaged encoding (UTF-8 read as Windows-1252)" in document.warnings[0]


def test_a_record_s_text_and_title_are_repaired(tmp_path: Path) -> None:
    record = {"id": "r1", "title": damaged("Minister’s visit"),
              "text": damaged(REPORT) + "\n\n" + ENGLISH}
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    document = only_document(read_all([str(path)]))
    assert document.title == "Minister’s visit"
    assert document.text.startswith(REPORT)
    assert [w.split(" had ")[0] for w in document.warnings] == ["doc 'r1': text",
                                                               "doc 'r1': title"]


@pytest.mark.parametrize("text", CLEAN[:2])
def test_a_clean_file_is_stored_as_written_without_warnings(tmp_path: Path, text: str) -> None:
    path = tmp_path / "clean.txt"
    path.write_text(text + "\n\n" + ENGLISH, encoding="utf-8")
    document = only_document(read_all([str(path)]))
    assert document.text == text + "\n\n" + ENGLISH
    assert document.warnings == []


# Words and signs as news writes them: ftfy judges a text by its character sequences, so
# the strategy does not glue accents and currency signs together ("é£" is no English).
news_words = st.sampled_from([" the", " minister", "’s", " café", " São Paulo", " Zürich",
                              " naïve", " —", " –", "…", " “quoted”", " ‘this’", " 31°C",
                              " £20", " €5", " Málaga", " Gdańsk", ".", ","])
news_text = st.lists(news_words, min_size=1, max_size=30).map(lambda words: "It" + "".join(words))


@given(news_text)
def test_repair_undoes_damage_and_leaves_the_result_alone(text: str) -> None:
    assert repair_encoding(text).text == text
    if not text.isascii():
        assert repair_encoding(damaged(text)).text == text
