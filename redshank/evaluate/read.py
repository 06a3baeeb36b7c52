"""Read a gold file in any of the formats, detecting the format when it is not given."""

from __future__ import annotations

import json
from pathlib import Path

from redshank.evaluate.errors import GoldFileError
from redshank.evaluate.gold import GOLD_FORMATS, GoldFormat, GoldSet
from redshank.evaluate.petrarch_xml import read_petrarch_xml
from redshank.evaluate.plover_gsr import read_plover_gsr
from redshank.evaluate.redshank_gold import read_redshank_gold

_EXTENSIONS: dict[str, GoldFormat] = {
    ".json": "plover-gsr", ".jsonl": "plover-gsr", ".xml": "petrarch-xml"}


def detect_format(path: str | Path, text: str) -> GoldFormat:
    """`redshank-gold` for JSON Lines whose first record has `events` and `article`, else
    `plover-gsr` for .json/.jsonl or JSON content, `petrarch-xml` for .xml or XML content."""
    start = text.lstrip()[:1]
    if start == "{" and _first_record_keys(text) >= {"events", "article"}:
        return "redshank-gold"
    by_extension = _EXTENSIONS.get(Path(path).suffix.lower())
    if by_extension:
        return by_extension
    if start in ("[", "{"):
        return "plover-gsr"
    if start == "<":
        return "petrarch-xml"
    raise GoldFileError(f"cannot tell the gold format; pass --format ({' or '.join(GOLD_FORMATS)})",
                        path=str(path))


def _first_record_keys(text: str) -> set[str]:
    first = next((line for line in text.splitlines() if line.strip()), "")
    try:
        record = json.loads(first)
    except json.JSONDecodeError:
        return set()
    return set(record) if isinstance(record, dict) else set()


def read_gold(path: str | Path, gold_format: GoldFormat | None = None) -> GoldSet:
    """The gold records of a file (UTF-8), in `gold_format` or the detected format."""
    name = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise GoldFileError(f"cannot read the gold file: {exc.strerror}", path=name) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise GoldFileError(f"not UTF-8 at byte {exc.start}", path=name, line=line) from exc
    chosen = gold_format or detect_format(path, text)
    if chosen == "plover-gsr":
        return read_plover_gsr(name, text)
    if chosen == "petrarch-xml":
        return read_petrarch_xml(name, text)
    if chosen == "redshank-gold":
        return read_redshank_gold(name, text)
    raise GoldFileError(f"unknown gold format {chosen!r}; use {' or '.join(GOLD_FORMATS)}",
                        path=name)
