"""Safe terminal output: stored text made harmless to print, and rich tables of it.

Article text, titles and document ids are untrusted: they may hold rich markup
(`[/bold]`, `Iraq [update]`) or terminal escape sequences (`\\x1b[2J`, OSC titles and
hyperlinks). Every printer passes them through `terminal_safe` and gives rich `Text`
objects (`cell`), never markup strings, so what is stored is what is shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

# Whole escape sequences, so that their parameters do not show up as stray text: string
# sequences (OSC, DCS, SOS, PM, APC) up to BEL or ST, CSI, then any other ESC sequence.
_ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x00-\x1f\x7f-\x9f]*(?:\x07|\x1b\\|\x9c)"
    r"|(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|\x1b[ -/]*[0-~]"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # C0 but tab and newline, DEL, C1
_RAW_IN_JSON = re.compile(r"[\x7f-\x9f]")


def terminal_safe(text: str, *, multiline: bool = False) -> str:
    """`text` without escape sequences or control characters (tab kept); line breaks
    become "\\n" if `multiline`, else spaces. Other Unicode is kept as it is."""
    text = _ESCAPE_SEQUENCE.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    return text if multiline else text.replace("\n", " ")


def json_safe(json_text: str) -> str:
    """JSON text with DEL and C1 controls written as \\u escapes, which `json.dumps`
    leaves raw (it escapes C0 itself): the same JSON value, safe to print."""
    return _RAW_IN_JSON.sub(lambda found: f"\\u{ord(found.group()):04x}", json_text)


def cell(value: object) -> Text:
    """A table cell or line shown literally: no markup, no emoji codes, no controls."""
    from rich.text import Text

    return Text(terminal_safe(str(value), multiline=True))


def console(out: TextIO) -> Console:
    """A rich console on `out`: full width on a terminal, 200 columns when piped."""
    from rich.console import Console

    width = None if out.isatty() else 200
    return Console(file=out, width=width, highlight=False, soft_wrap=False)


def write_table(columns: Sequence[str], rows: Iterable[Sequence[object]], out: TextIO) -> None:
    """Print rows under the given column headers, every cell shown literally."""
    from rich.table import Table

    table = Table(show_lines=False)
    for column in columns:
        table.add_column(cell(column))
    for row in rows:
        table.add_row(*(cell(value) for value in row))
    console(out).print(table)
