"""ICEWS coded event data: one row per event and source-target pair.

    icews.tsv   the 20 columns of the ICEWS Dataverse release, tab-separated with a header,
                then Redshank's `Headline`, `URL`, `Redshank ID` (the event or cluster id)
                and `Auxiliary` (negated, hypothetical, future, historical; with --all)

Column mapping and what stays empty: docs/formats.md, "ICEWS".
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from redshank.export import codes
from redshank.export.catalog import ICEWS_FILE
from redshank.export.gdelt import global_event_id
from redshank.export.selection import ExportEvent
from redshank.export.tabular import Column, TableFile, write_table
from redshank.model import Actor, format_day

FILE = ICEWS_FILE
COLUMNS = (
    Column("Event ID", "Int64"), Column("Event Date", "string"),
    Column("Source Name", "string"), Column("Source Sectors", "string"),
    Column("Source Country", "string"), Column("Event Text", "string"),
    Column("CAMEO Code", "string"), Column("Intensity", "float64"),
    Column("Target Name", "string"), Column("Target Sectors", "string"),
    Column("Target Country", "string"), Column("Story ID", "string"),
    Column("Sentence Number", "Int64"), Column("Publisher", "string"),
    Column("City", "string"), Column("District", "string"), Column("Province", "string"),
    Column("Country", "string"), Column("Latitude", "float64"), Column("Longitude", "float64"),
)  # fmt: skip
EXTRA_COLUMNS = (Column("Headline", "string"), Column("URL", "string"),
                 Column("Redshank ID", "string"), Column("Auxiliary", "string"))


def tables() -> tuple[TableFile, ...]:
    return (TableFile(FILE, COLUMNS + EXTRA_COLUMNS),)


def write(exported: list[ExportEvent], out_dir: Path) -> list[Path]:
    """Write icews.tsv; events without a CAMEO code are left out (ICEWS requires one)."""
    rows = [row for item in exported for row in _rows(item)]
    return [write_table(out_dir, tables()[0], rows)]


def _rows(item: ExportEvent) -> Iterator[list[object]]:
    event, source = item.event, item.source
    start, _end = item.date_range
    if not event.cameo:
        return
    location = event.location if event.location and event.location.precision != "none" \
        else None
    place = [
        location.name if location and location.precision == "city" else None,
        None,
        location.admin1 if location else None,
        codes.country_name(location.country) if location else None,
        location.lat if location else None,
        location.lon if location else None,
    ]
    sources: list[Actor | None] = list(event.actor) or [None]
    targets: list[Actor | None] = list(event.recipient) or [None]
    for i, actor in enumerate(sources):
        for j, target in enumerate(targets):
            yield [global_event_id(item.id, str(i), str(j)), format_day(start),
                   *_side(actor), codes.cameo_name(event.cameo),
                   event.cameo, codes.goldstein(event.cameo), *_side(target),
                   source.doc_id, event.sentence_index + 1, source.publisher, *place,
                   source.title, source.url, item.id, event.auxiliary]


def _side(actor: Actor | None) -> list[object]:
    """Name, Sectors, Country (the country's name, as ICEWS writes it)."""
    if actor is None:
        return [None, None, None]
    return [actor.name, actor.sector, codes.country_name(actor.country) or actor.country]
