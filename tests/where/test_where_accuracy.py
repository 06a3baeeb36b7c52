"""The labelled place sets scored by scripts/place_accuracy.py meet the issue's target."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "place_accuracy.py"
HERE = Path(__file__).resolve().parent


def load_script():
    spec = importlib.util.spec_from_file_location("place_accuracy", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("gold", "least_places"), [("places_gold.jsonl", 100),
                                                   ("places_heldout.jsonl", 30)])
def test_place_accuracy_meets_the_target(gold: str, least_places: int) -> None:
    tallies = load_script().score(HERE / gold)
    places, names, spurious = tallies["places"], tallies["not_places"], tallies["spurious"]
    assert places.total >= least_places
    accuracy = (places.right + names.right) / (places.total + names.total + spurious.total)
    assert accuracy >= 0.85, "\n".join(places.errors + names.errors + spurious.errors)
    assert tallies["events"].rate >= 0.85, "\n".join(tallies["events"].errors)
