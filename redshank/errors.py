"""Redshank's exceptions.

    RedshankError                 root: every error the library raises on purpose
    ├── InputError                a document cannot be read or is unusable (doc_id, path, line)
    ├── DataFileError             a knowledge file (actors, patterns, ...) is malformed (path, line)
    ├── StoreError                the database cannot be opened, written or queried
    │   └── StoreBusy             another process holds it past the lock timeout
    ├── ConfigError               a setting or command-line value is invalid
    ├── DayFormatError            a calendar day is not an ISO date (value; also a ValueError)
    └── IngestInterrupted         an ingest or recode was stopped (Ctrl-C); says what was saved

Per-document problems are raised as `InputError` (or caught and converted to one at a
stage boundary) and recorded as a `Failure` with the stage that failed; the batch goes on.
"""

from __future__ import annotations


class RedshankError(Exception):
    """Root of all Redshank errors."""


class InputError(RedshankError):
    """A document cannot be read or processed; carries which document and where."""

    def __init__(
        self,
        message: str,
        *,
        doc_id: str | None = None,
        path: str | None = None,
        line: int | None = None,
        stage: str = "ingest",
    ) -> None:
        self.message = message
        self.doc_id = doc_id
        self.path = path
        self.line = line
        self.stage = stage
        super().__init__(self.describe())

    def describe(self) -> str:
        """One line naming the document, where in it, and the problem."""
        where = f"doc {self.doc_id!r}" if self.doc_id else f"{self.path or '<input>'}"
        if self.line is not None:
            where += f" line {self.line}"
        return f"{where}: {self.message}"


class DataFileError(RedshankError):
    """A knowledge data file is malformed; names the file and line."""

    def __init__(self, message: str, *, path: str, line: int | None = None) -> None:
        self.message = message
        self.path = path
        self.line = line
        location = f"{path}:{line}" if line is not None else path
        super().__init__(f"{location}: {message}")


class StoreError(RedshankError):
    """The event store cannot be opened, written or queried."""


class StoreBusy(StoreError):
    """Another process held the database (or a lock a statement needed) for longer than
    the lock timeout; trying again later may succeed."""


class ConfigError(RedshankError):
    """A setting or command-line value is invalid."""


class DayFormatError(RedshankError, ValueError):
    """A value that should be a calendar day is not one; names what it was for and the value.

    Also a `ValueError`, so a caller that reads many values can catch it with the others.
    """

    def __init__(self, message: str, *, value: object) -> None:
        self.value = value
        super().__init__(message)


class IngestInterrupted(RedshankError):
    """An ingest stopped before it finished; what it committed is kept and a re-run
    finishes the rest."""

    def __init__(self, run_id: str, documents: int, *, recode: bool = False) -> None:
        self.run_id = run_id
        self.documents = documents
        redo = ("documents re-coded already come out the same" if recode
                else "stored documents are skipped")
        super().__init__(
            f"interrupted: run {run_id} saved {documents} documents; run the same command "
            f"again to finish ({redo}, linking and positions resume)")
