"""The hand-written date sets scored by scripts/date_accuracy.py: well formed, and the
resolver keeps its accuracy on them (the pipeline score is printed by the script)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "date_accuracy.py"
HERE = Path(__file__).resolve().parent
CATEGORIES = {"absolute", "relative", "narrative", "future", "distractor", "none"}


@pytest.fixture(scope="module")
def script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("date_accuracy", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("gold", "least_items"), [("dates_gold.jsonl", 120), ("dates_heldout.jsonl", 40)]
)
def test_date_set_loads_with_every_category(
    script: ModuleType, gold: str, least_items: int
) -> None:
    items = script.load_gold(HERE / gold)
    assert len(items) >= least_items
    assert len({item.id for item in items}) == len(items)
    assert {item.category for item in items} == CATEGORIES
    assert all(item.anchor for item in items if item.category == "narrative")


def test_main_set_has_at_least_100_expressions(script: ModuleType) -> None:
    items = script.load_gold(HERE / "dates_gold.jsonl")
    assert sum(item.date_text is not None for item in items) >= 100


@pytest.mark.parametrize("gold", ["dates_gold.jsonl", "dates_heldout.jsonl"])
def test_resolver_accuracy_stays_at_least_90_percent(script: ModuleType, gold: str) -> None:
    tallies = script.score_resolver(script.load_gold(HERE / gold))
    right = sum(t.right for t in tallies.values())
    total = sum(t.total for t in tallies.values())
    errors = [error for t in tallies.values() for error in t.errors]
    assert right / total >= 0.9, "\n".join(errors)


def test_a_malformed_line_names_file_and_line(script: ModuleType, tmp_path: Path) -> None:
    gold = tmp_path / "bad.jsonl"
    gold.write_text('{"id": "x"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.jsonl:1"):
        script.load_gold(gold)
