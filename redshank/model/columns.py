"""How a record's fields are kept in its database table: metadata on the fields.

Every field of a stored record is a column of its table unless it says otherwise: named
like the field, typed after it (redshank/store/tables.py maps the Python types), NOT NULL
unless the type is `X | None`. A field says otherwise with `field(metadata=...)`:

    column(name="doc_id")                  another column name
    column(text=True, nullable=True)       a list kept as text in one column (JSON, or
                                           joined with "; "), here NULL when empty
    column(parts=("start_char", "end_char"))  a nested record (a `Span`) as one column per
                                           field, named in field order
    NO_COLUMN                              not a column: kept in the table's JSON `record`
                                           column, in a table of its own, or not stored
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

COLUMN_KEY = "redshank.column"


@dataclass(frozen=True, slots=True)
class ColumnInfo:
    """What a field's metadata says about its column (the defaults: a column like the field)."""

    name: str | None = None
    nullable: bool | None = None
    text: bool = False
    parts: tuple[str, ...] = ()
    stored: bool = True


def column(*, name: str | None = None, nullable: bool | None = None, text: bool = False,
           parts: tuple[str, ...] = ()) -> dict[str, Any]:
    """Field metadata for a column that differs from the field: see the module docstring."""
    return {COLUMN_KEY: ColumnInfo(name=name, nullable=nullable, text=text, parts=parts)}


NO_COLUMN: dict[str, Any] = {COLUMN_KEY: ColumnInfo(stored=False)}


def column_info(metadata: Any) -> ColumnInfo:
    """The column metadata of a field (`dataclasses.Field.metadata`), or the defaults."""
    found = metadata.get(COLUMN_KEY)
    return found if isinstance(found, ColumnInfo) else ColumnInfo()
