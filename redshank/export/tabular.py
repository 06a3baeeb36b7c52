"""Delimited files with typed columns, and the `dtypes.json` that says how to read them.

Codes such as CAMEO "042" must stay strings, so every tabular export writes beside its
files a `dtypes.json`: for each file, the keyword arguments that make
`pandas.read_csv(DIR / name, **spec)` read it back with the right names and types
(`sep`, `header`, `names`, `dtype`, `quoting`, `keep_default_na`, `na_values`). Tab-separated
files are written as GDELT ships them: no quoting, tabs and line breaks inside a value
become spaces.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from redshank.errors import ConfigError
from redshank.export.catalog import DTYPES_FILE

Dtype = Literal["string", "Int64", "float64", "boolean"]
_BLANKS = str.maketrans({"\t": " ", "\n": " ", "\r": " "})


@dataclass(frozen=True, slots=True)
class Column:
    """A column of a delimited export: its name and the pandas dtype to read it as."""

    name: str
    dtype: Dtype


@dataclass(frozen=True, slots=True)
class TableFile:
    """A delimited file to write: name, columns, separator, and whether a header line leads."""

    name: str
    columns: tuple[Column, ...]
    delimiter: Literal["\t", ","] = "\t"
    header: bool = True

    def read_spec(self) -> dict[str, Any]:
        """Keyword arguments for pandas.read_csv that read this file back typed."""
        spec: dict[str, Any] = {
            "sep": self.delimiter,
            "header": 0 if self.header else None,
            "dtype": {column.name: column.dtype for column in self.columns},
            "keep_default_na": False,
            "na_values": [""],
        }
        if not self.header:
            spec["names"] = [column.name for column in self.columns]
        if self.delimiter == "\t":
            spec["quoting"] = csv.QUOTE_NONE
        return spec


def cell(value: object) -> str:
    """A value as written in a delimited file: None empty, booleans True/False."""
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(round(value, 6))
    return str(value)


def write_table(out_dir: Path, table: TableFile, rows: Iterable[Sequence[object]]) -> Path:
    """Write `rows` (one value per column, in order) to OUT_DIR/table.name."""
    path = out_dir / table.name
    width = len(table.columns)
    try:
        with path.open("w", encoding="utf-8", newline="") as out:
            if table.delimiter == ",":
                writer = csv.writer(out, lineterminator="\n")
                if table.header:
                    writer.writerow([column.name for column in table.columns])
                for row in rows:
                    _check_width(row, width, table.name)
                    writer.writerow([cell(value) for value in row])
            else:
                if table.header:
                    out.write("\t".join(column.name for column in table.columns) + "\n")
                for row in rows:
                    _check_width(row, width, table.name)
                    out.write("\t".join(cell(v).translate(_BLANKS) for v in row) + "\n")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write the export: {exc.strerror}") from exc
    return path


def _check_width(row: Sequence[object], width: int, name: str) -> None:
    if len(row) != width:
        raise ValueError(f"{name}: row of {len(row)} values for {width} columns")


def write_dtypes(out_dir: Path, tables: Sequence[TableFile]) -> Path:
    """Write OUT_DIR/dtypes.json: how to read each table back with pandas."""
    path = out_dir / DTYPES_FILE
    spec = {table.name: table.read_spec() for table in tables}
    try:
        path.write_text(json.dumps(spec, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write the export: {exc.strerror}") from exc
    return path
