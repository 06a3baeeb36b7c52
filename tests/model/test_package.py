"""Every record is importable from one place: `from redshank.model import Event`."""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil

import redshank.model


def test_every_record_of_the_model_package_is_exported_by_it() -> None:
    defined = {
        name
        for module in pkgutil.iter_modules(redshank.model.__path__)
        for name, value in vars(importlib.import_module(f"redshank.model.{module.name}")).items()
        if dataclasses.is_dataclass(value) and value.__module__.startswith("redshank.model.")
        and name != "ColumnInfo"
    }
    assert {"Event", "Position", "Cluster", "Run", "CoalitionSummary"} <= defined
    assert defined <= set(redshank.model.__all__)
    assert all(getattr(redshank.model, name).__name__ == name for name in defined)
