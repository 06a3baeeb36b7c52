"""scripts/convert_phoenix.py: which Phoenix names survive the conversion, on made-up entries."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from redshank.actors.dictionary import merge_codeless
from redshank.actors.tabari import read_tabari_actors

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "convert_phoenix.py"

ENTRIES = """\
NORTH_ZEMBLA_ [ZEN]
+ZEMBLA_(NORTH)_
SOUTH_ZEMBLA_ [ZES]
+ZEMBLA_(SOUTH)_
QUARVIA_ [QRV]
+QUARVIA_(QRC)_
+QUARVIAN_PEOPLES_REPUBLIC_
OSTRIA_ [OST]
OSTRIA_(WEST)_ [WST]
ZEMBLAN_LIBERATION_FRONT_(ZLF)_ [ZENREB]
ZEMBLAN_LIBERATION_FRONT_ [IMGZEN]
"""


@pytest.fixture(scope="module")
def convert() -> ModuleType:
    spec = importlib.util.spec_from_file_location("convert_phoenix", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


def cleaned_names(convert: ModuleType) -> dict[str, list[str]]:
    raws = merge_codeless(read_tabari_actors("test.actors.txt", ENTRIES))
    ambiguous = convert.ambiguous_derived_names(raws)
    report = convert.Report()
    out: dict[str, list[str]] = {}
    for raw in raws:
        cleaned = convert.clean_names(raw, ambiguous, report)
        out[raw.name] = [cleaned.name, *cleaned.synonyms] if cleaned else []
    return out


def test_name_cut_from_a_note_is_dropped_when_another_entry_has_it(convert) -> None:
    names = cleaned_names(convert)
    assert "ZEMBLA" not in names["NORTH ZEMBLA"] + names["SOUTH ZEMBLA"]
    assert names["OSTRIA (WEST)"] == []


def test_acronym_in_brackets_is_kept_and_so_is_the_full_name(convert) -> None:
    names = cleaned_names(convert)
    assert "QRC" in names["QUARVIA"]
    assert names["ZEMBLAN LIBERATION FRONT (ZLF)"] == ["ZEMBLAN LIBERATION FRONT", "ZLF"]


def test_peoples_is_also_written_with_an_apostrophe(convert) -> None:
    assert "QUARVIAN PEOPLE'S REPUBLIC" in cleaned_names(convert)["QUARVIA"]


@pytest.mark.parametrize(
    ("name", "kept"),
    [("embassy in", False), ("observers ins", False), ("border guard", True)],
)
def test_agent_fragments_ending_in_a_preposition_are_dropped(convert, name, kept) -> None:
    assert convert.keep_agent_name(name, convert.Report()) is kept
