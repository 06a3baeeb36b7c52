"""Column types read off the record definitions (redshank/model/), so an export's schema
is not written again by hand: `duckdb_schema(Event)` is the Parquet schema of the event."""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date
from typing import Any, get_args, get_origin, get_type_hints

_DUCKDB: dict[type, str] = {str: "VARCHAR", int: "BIGINT", float: "DOUBLE", bool: "BOOLEAN",
                            date: "DATE"}


def unwrap(hint: Any) -> Any:
    """The type inside `X | None` and `Literal[...]` (a Literal of strings is `str`)."""
    if get_origin(hint) in (types.UnionType, typing.Union):
        hint = next(arg for arg in get_args(hint) if arg is not type(None))
    if get_origin(hint) is typing.Literal:
        return type(get_args(hint)[0])
    return hint


def duckdb_type(hint: Any) -> str:
    """The DuckDB type of a field's type hint: scalars, lists, nested records as STRUCTs."""
    hint = unwrap(hint)
    if hint in _DUCKDB:
        return _DUCKDB[hint]
    if get_origin(hint) is list:
        return f"{duckdb_type(get_args(hint)[0])}[]"
    if dataclasses.is_dataclass(hint):
        return struct(duckdb_schema(hint))
    raise TypeError(f"no DuckDB type for {hint!r}")


def struct(schema: dict[str, str]) -> str:
    """A DuckDB STRUCT type of named fields."""
    return "STRUCT(" + ", ".join(f'"{name}" {kind}' for name, kind in schema.items()) + ")"


def duckdb_schema(cls: type) -> dict[str, str]:
    """Field name -> DuckDB type of a record class."""
    hints = get_type_hints(cls)
    return {field.name: duckdb_type(hints[field.name]) for field in dataclasses.fields(cls)}
