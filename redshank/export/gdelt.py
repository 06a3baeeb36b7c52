"""GDELT 2.0 event table: one row per real-world event (cluster) and actor-recipient pair.

    gdelt.export.tsv   the 61 columns of redshank/data/export/gdelt-events.tsv, in order,
                       tab-separated, no header (as GDELT ships its *.export.CSV files)
    gdelt.sources.tsv  one row per report: GLOBALEVENTID and the document's id, URL,
                       title, publisher, publication date and auxiliary (negated, hypothetical,
                       future, historical: GDELT has no such columns)

Column mapping and what stays empty: docs/formats.md, "GDELT 2.0".
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date, datetime
from functools import cache
from importlib import resources
from pathlib import Path

from redshank.errors import DataFileError
from redshank.export import codes
from redshank.export.catalog import GDELT_EVENTS_FILE, GDELT_SOURCES_FILE
from redshank.export.selection import ExportEvent
from redshank.export.tabular import Column, Dtype, TableFile, write_table
from redshank.model import Actor, Location, format_day

COLUMNS_FILE = "gdelt-events.tsv"
EVENTS_FILE = GDELT_EVENTS_FILE
SOURCES_FILE = GDELT_SOURCES_FILE
_GROUP_TYPES = ("IGO", "NGO", "IMG", "MNC")
_DTYPES: dict[str, Dtype] = {"string": "string", "Int64": "Int64", "float64": "float64"}


@cache
def event_columns() -> tuple[Column, ...]:
    """The GDELT 2.0 event table's columns with their pandas dtypes, from the data file."""
    text = (resources.files("redshank.data") / "export" / COLUMNS_FILE).read_text("utf-8")
    columns = []
    lines = [(n, line) for n, line in enumerate(text.splitlines(), start=1)
             if line.strip() and not line.startswith("#")]
    for number, line in lines[1:]:
        fields = line.split("\t")
        if len(fields) != 3 or fields[2] not in _DTYPES:
            raise DataFileError("expected: name, BigQuery type, pandas dtype (string, Int64 "
                                "or float64)", path=COLUMNS_FILE, line=number)
        columns.append(Column(fields[0], _DTYPES[fields[2]]))
    return tuple(columns)


def tables() -> tuple[TableFile, ...]:
    """The files this format writes, for dtypes.json."""
    sources = (Column("GLOBALEVENTID", "Int64"), Column("doc_id", "string"),
               Column("url", "string"), Column("title", "string"),
               Column("publisher", "string"), Column("published", "string"),
               Column("auxiliary", "string"))
    return (TableFile(EVENTS_FILE, event_columns(), header=False),
            TableFile(SOURCES_FILE, sources))


def global_event_id(*parts: str) -> int:
    """A stable positive 60-bit integer for an id (and pair), as GLOBALEVENTID."""
    digest = hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()
    return int(digest[:15], 16)


def write(exported: list[ExportEvent], out_dir: Path, added: datetime) -> list[Path]:
    """Write the GDELT event and source tables; events without a CAMEO code or a date
    are left out (GDELT requires both)."""
    events, sources = tables()
    rows, cited = [], []
    for item in exported:
        for event_id, row in _rows(item, added):
            rows.append(row)
            cited += [(event_id, r.source.doc_id, r.source.url, r.source.title,
                       r.source.publisher, format_day(r.source.published), r.event.auxiliary)
                      for r in item.reports]
    return [write_table(out_dir, events, rows), write_table(out_dir, sources, cited)]


def _rows(item: ExportEvent, added: datetime) -> Iterator[tuple[int, list[object]]]:
    event = item.event
    start, _end = item.date_range
    if not event.cameo or start is None:
        return
    actors: list[Actor | None] = list(event.actor) or [None]
    recipients: list[Actor | None] = list(event.recipient) or [None]
    first_sentence = event.sentence_index == 0
    for i, actor in enumerate(actors):
        for j, recipient in enumerate(recipients):
            number = global_event_id(item.id, str(i), str(j))
            yield number, [
                number, int(start.strftime("%Y%m%d")), int(start.strftime("%Y%m")),
                start.year, _fraction(start),
                *_actor(actor), *_actor(recipient),
                int(first_sentence), event.cameo, event.cameo[:3], event.cameo[:2],
                codes.cameo_quad(event.cameo), codes.goldstein(event.cameo),
                len(item.reports), len(item.publishers), len(item.documents), None,
                *_geo(None), *_geo(None), *_geo(event.location),
                int(added.strftime("%Y%m%d%H%M%S")), item.source.url,
            ]


def _fraction(day: date) -> float:
    """GDELT's FractionDate: the year plus the share of it gone by that day (YYYY.FFFF)."""
    return round(day.year + day.timetuple().tm_yday / 365, 4)


def _actor(actor: Actor | None) -> list[object]:
    """Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code, Religion2Code,
    Type1Code, Type2Code, Type3Code."""
    if actor is None:
        return [None] * 10
    code = actor.code if actor.code and not actor.code.startswith("-") else None
    group = code[:3] if code and code[:3] in _GROUP_TYPES else None
    return [code, actor.name.upper(), actor.country, None, None, None, None,
            actor.sector or group, None, None]


def _geo(location: Location | None) -> list[object]:
    """Type, FullName, CountryCode (FIPS), ADM1Code, ADM2Code, Lat, Long, FeatureID."""
    if location is None or location.precision == "none":
        return [None] * 8
    fips = codes.fips(location.country)
    in_us = location.country == "USA"
    if location.precision == "country":
        kind = 1
    elif location.precision == "admin1":
        kind = 2 if in_us else 5
    else:
        kind = 3 if in_us else 4
    country = codes.country_name(location.country)
    parts = [location.name] if location.precision != "country" else []
    if location.admin1 and location.precision == "city":
        parts.append(location.admin1)
    parts.append(country or location.name)
    country_level = fips if kind == 1 else None
    return [kind, ", ".join(parts), fips, country_level, None, location.lat, location.lon,
            country_level]
