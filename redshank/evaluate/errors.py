"""The evaluation's one error: a gold-standard file that cannot be read.

    RedshankError
    └── DataFileError
        └── GoldFileError      a gold file is unreadable or malformed (path, line, record)
"""

from __future__ import annotations

from redshank.errors import DataFileError


class GoldFileError(DataFileError):
    """A gold-standard file is malformed; names the file, the line and the record."""

    def __init__(self, message: str, *, path: str, line: int | None = None,
                 record: str | None = None) -> None:
        self.record = record
        where = f"record {record!r}: " if record else ""
        super().__init__(f"{where}{message}", path=path, line=line)
