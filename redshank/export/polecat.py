"""POLECAT weekly release: one row per event, several actors joined by ";".

    polecat.tsv   the 40 columns of the POLECAT Dataverse files, tab-separated with a
                  header, then Redshank's `Headline`, `URL` and `Auxiliary`

Column mapping and what stays empty: docs/formats.md, "POLECAT".
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from redshank.export import codes
from redshank.export.catalog import POLECAT_FILE
from redshank.export.selection import ExportEvent
from redshank.export.tabular import Column, TableFile, write_table
from redshank.model import Actor, format_day

FILE = POLECAT_FILE
_SEPARATOR = ";"
_FEATURE = {"city": "PPL", "admin1": "ADM1", "country": "PCLI"}


def _side(role: str, prefix: str) -> tuple[Column, ...]:
    return (Column(f"{role} Name", "string"), Column(f"{role} Country", "string"),
            Column(f"{role} COW", "string"), Column(f"Primary {role} Sector", "string"),
            Column(f"{role} Sectors", "string"), Column(f"{role} Title", "string"),
            Column(f"{role} Name Raw", "string"), Column(f"Wikipedia {prefix} ID", "string"))


COLUMNS = (
    Column("Event ID", "string"), Column("Event Date", "string"),
    Column("Event Type", "string"), Column("Event Mode", "string"),
    Column("Event Intensity", "float64"), Column("Quad Code", "Int64"),
    Column("Contexts", "string"), *_side("Actor", "Actor"), *_side("Recipient", "Recipient"),
    Column("Placename", "string"), Column("City", "string"), Column("District", "string"),
    Column("Province", "string"), Column("Country", "string"), Column("Latitude", "float64"),
    Column("Longitude", "float64"), Column("GeoNames ID", "Int64"),
    Column("Raw Placename", "string"), Column("Feature Type", "string"),
    Column("Source", "string"), Column("Publication Date", "string"),
    Column("Story People", "string"), Column("Story Organizations", "string"),
    Column("Story Locations", "string"), Column("Language", "string"),
    Column("Version", "string"),
)  # fmt: skip
EXTRA_COLUMNS = (Column("Headline", "string"), Column("URL", "string"),
                 Column("Auxiliary", "string"))


def tables() -> tuple[TableFile, ...]:
    return (TableFile(FILE, COLUMNS + EXTRA_COLUMNS),)


def write(exported: list[ExportEvent], out_dir: Path) -> list[Path]:
    """Write polecat.tsv: every exported event, one row each."""
    return [write_table(out_dir, tables()[0], (_row(item) for item in exported))]


def _joined(values: Iterable[object]) -> str | None:
    kept = [str(value) for value in values if value]
    return _SEPARATOR.join(kept) if kept else None


def _actors(actors: list[Actor]) -> list[object]:
    return [_joined(a.name for a in actors), _joined(a.country for a in actors), None,
            actors[0].sector if actors else None, _joined(a.sector for a in actors), None,
            _joined(a.text for a in actors), None]


def _row(item: ExportEvent) -> list[object]:
    event, source = item.event, item.source
    start, _end = item.date_range
    location = event.location if event.location and event.location.precision != "none" \
        else None
    if location is None:
        place: list[object] = [None] * 10
    else:
        place = [location.name, location.name if location.precision == "city" else None, None,
                 location.admin1, codes.country_name(location.country), location.lat,
                 location.lon, location.geonames_id, None, _FEATURE.get(location.precision)]
    return [item.id, format_day(start), event.event, event.mode,
            event.intensity, event.quad, _joined(event.context),
            *_actors(event.actor), *_actors(event.recipient), *place,
            source.publisher, format_day(source.published),
            None, None, None, "en", event.coder_version,
            source.title, source.url, event.auxiliary]
