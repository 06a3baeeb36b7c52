"""Export stage: stored events in Redshank's own records and in the field's formats.

    store -> selection.select -> plover | polecat | gdelt | icews | csv  (formats.py)
    store -> records.write_records -> jsonl | parquet (events, clusters, positions, ...)

Code tables (FIPS, Wikidata, Goldstein) are in codes.py; delimited files and their
dtypes.json in tabular.py. Which files each format writes: `FORMAT_FILES`; column
mappings: docs/formats.md, "Exports".
"""

from redshank.export.catalog import EXPORT_FORMATS, FORMAT_FILES, ExportFormat

__all__ = ["EXPORT_FORMATS", "FORMAT_FILES", "ExportFormat", "ExportSummary", "export_store"]


def __getattr__(name: str) -> object:
    """The writers (and the store and Arrow they need), imported when first used."""
    if name in ("ExportSummary", "export_store"):
        from redshank.export import formats

        return getattr(formats, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
