"""Which files each export format writes, and `export_store`, which writes them.

    store -> select (events or clusters, hidden ones with include_all) -> format writer
          -> DIR/<the format's files> (+ DIR/dtypes.json for delimited files)

Mappings per format: docs/formats.md, "Exports".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from redshank.errors import ConfigError
from redshank.export import flat, gdelt, icews, plover, polecat
from redshank.export.catalog import EXPORT_FORMATS, ExportFormat
from redshank.export.records import RECORD_FORMATS, write_records
from redshank.export.selection import select
from redshank.export.tabular import write_dtypes
from redshank.store.base import Store


@dataclass(slots=True)
class ExportSummary:
    """What an export wrote: records per table and the files."""

    events: int = 0
    clusters: int = 0
    files: list[Path] = field(default_factory=list)
    positions: int = 0
    coalitions: int = 0
    contributions: int = 0


def export_store(store: Store, out_dir: str | Path, fmt: ExportFormat = "jsonl", *,
                 include_all: bool = False, merged: bool = False,
                 now: datetime | None = None) -> ExportSummary:
    """Write the events of `store` into `out_dir` (created if missing) in `fmt`.

    Negated, hypothetical and future events are left out unless `include_all`; `merged`
    exports one row per cluster (real-world event) instead of one per report. `now` is
    the time written as GDELT's DATEADDED (default: the current UTC time).
    """
    if fmt not in EXPORT_FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"{out}: cannot create the export folder: {exc.strerror}") from exc
    with store.session():
        if fmt in RECORD_FORMATS:
            counts = write_records(store, out, fmt, include_all)  # type: ignore[arg-type]
            suffix = "jsonl" if fmt == "jsonl" else "parquet"
            return ExportSummary(events=counts["events"], clusters=counts["clusters"],
                                 files=[out / f"{name}.{suffix}" for name in counts],
                                 positions=counts["positions"],
                                 coalitions=counts["coalitions"],
                                 contributions=counts["coalition_contributions"])
        exported = select(store, include_all=include_all, merged=merged or fmt == "gdelt")
    if fmt == "plover":
        files = plover.write(exported, out)
    elif fmt == "gdelt":
        files = gdelt.write(exported, out, now or datetime.now(UTC))
        files.append(write_dtypes(out, gdelt.tables()))
    else:
        module = {"polecat": polecat, "icews": icews, "csv": flat}[fmt]
        files = module.write(exported, out)
        files.append(write_dtypes(out, module.tables()))
    clusters = len({item.cluster.cluster_id for item in exported if item.cluster is not None})
    events = sum(len(item.reports) for item in exported)
    return ExportSummary(events=events, clusters=clusters, files=files)
