"""Rich tables for the command line: full width on a terminal, 200 columns when piped."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TextIO


def write_table(columns: Sequence[str], rows: Iterable[Sequence[str]], out: TextIO) -> None:
    """Print rows under the given column headers."""
    from rich.console import Console
    from rich.table import Table

    table = Table(*columns, show_lines=False)
    for row in rows:
        table.add_row(*row)
    width = None if out.isatty() else 200
    Console(file=out, width=width).print(table)
