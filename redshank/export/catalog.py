"""The export formats and the files each writes: plain data, so that the CLI can list
them without loading the writers (redshank/export/formats.py writes them)."""

from __future__ import annotations

from typing import Literal

ExportFormat = Literal["plover", "polecat", "gdelt", "icews", "jsonl", "parquet", "csv"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("plover", "polecat", "gdelt", "icews", "jsonl",
                                            "parquet", "csv")

PLOVER_FILE = "plover.jsonl"
PLOVER_SCHEMA_FILE = "plover.schema.json"
POLECAT_FILE = "polecat.tsv"
GDELT_EVENTS_FILE = "gdelt.export.tsv"
GDELT_SOURCES_FILE = "gdelt.sources.tsv"
ICEWS_FILE = "icews.tsv"
CSV_FILE = "events.csv"
DTYPES_FILE = "dtypes.json"

_RECORDS = "events, clusters, positions, coalitions, coalition_contributions"
FORMAT_FILES: dict[ExportFormat, str] = {
    "plover": f"{PLOVER_FILE} (PLOVER JSON Lines; JSON Schema: redshank/data/export/"
              f"{PLOVER_SCHEMA_FILE})",
    "polecat": f"{POLECAT_FILE} (POLECAT columns, tab-separated, header), {DTYPES_FILE}",
    "gdelt": f"{GDELT_EVENTS_FILE} (GDELT 2.0 event table, 61 columns, tab-separated, no "
             f"header; always one row per cluster and actor-recipient pair), "
             f"{GDELT_SOURCES_FILE} (each report's URL, title, publisher), {DTYPES_FILE}",
    "icews": f"{ICEWS_FILE} (ICEWS columns, tab-separated, header), {DTYPES_FILE}",
    "jsonl": f"{{{_RECORDS}}}.jsonl (Redshank records; --merged has no effect: both events "
             f"and clusters are written)",
    "parquet": f"{{{_RECORDS}}}.parquet (as jsonl)",
    "csv": f"{CSV_FILE} (flat event columns, comma-separated, header), {DTYPES_FILE}",
}  # fmt: skip
