"""Export stage: stored events in Redshank's own records and in the field's formats.

    store -> selection.select -> plover | polecat | gdelt | icews | csv  (formats.py)
    store -> records.write_records -> jsonl | parquet (events, clusters, positions, ...)

Code tables (FIPS, Wikidata, Goldstein) are in codes.py; delimited files and their
dtypes.json in tabular.py. Which files each format writes: `FORMAT_FILES`; column
mappings: docs/formats.md, "Exports".
"""

from redshank.export.formats import (
    EXPORT_FORMATS,
    FORMAT_FILES,
    ExportFormat,
    ExportSummary,
    export_store,
)

__all__ = ["EXPORT_FORMATS", "FORMAT_FILES", "ExportFormat", "ExportSummary", "export_store"]
