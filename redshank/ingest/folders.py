"""Find the files under a folder, with a Failure for every entry that cannot be used."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from redshank.ingest.documents import JSONL_SUFFIXES, Origin, failure_from, kind_suffix
from redshank.model import Failure


@dataclass(slots=True)
class FolderContents:
    """The files under a folder in reading order, and the entries that could not be read."""

    files: list[Path] = field(default_factory=list)
    problems: list[Failure] = field(default_factory=list)


def walk_folder(folder: Path) -> FolderContents:
    """Every file under `folder` (following links to folders): JSON Lines first, then the rest.

    Each group is sorted by relative path, so manifests come before the articles they list
    and their metadata wins. Hidden files and folders (names starting with ".") are left
    out; an unreadable folder, a broken link or a special file becomes a Failure. A link to
    a folder already walked is not walked again.
    """
    contents = FolderContents()
    visited = {folder.resolve()}
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError as exc:
            contents.problems.append(
                _problem(
                    current,
                    f"cannot read the folder ({exc.strerror}); its files were not "
                    "read: check its permissions",
                )
            )
            continue
        for entry in entries:
            if not entry.name.startswith("."):
                _add_entry(Path(entry.path), entry, contents, pending, visited)
    contents.files.sort(key=lambda path: _reading_order(path, folder))
    contents.problems.sort(key=lambda failure: failure.path or "")
    return contents


def _reading_order(path: Path, folder: Path) -> tuple[bool, str]:
    return kind_suffix(path) not in JSONL_SUFFIXES, path.relative_to(folder).as_posix()


def _add_entry(
    path: Path,
    entry: os.DirEntry[str],
    contents: FolderContents,
    pending: list[Path],
    visited: set[Path],
) -> None:
    try:
        if entry.is_dir():
            real = path.resolve(strict=True)
            if real not in visited:
                visited.add(real)
                pending.append(path)
        elif entry.is_file():
            contents.files.append(path)
        elif entry.is_symlink():
            contents.problems.append(
                _problem(
                    path,
                    f"is a broken symbolic link (to {os.readlink(path)!r}); fix or remove the link",
                )
            )
        else:
            contents.problems.append(
                _problem(
                    path,
                    "is not a regular file (a pipe, socket or device); remove it from the folder",
                )
            )
    except (OSError, RuntimeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        contents.problems.append(_problem(path, f"cannot read it ({reason}); check the path"))


def _problem(path: Path, message: str) -> Failure:
    return failure_from(Origin(None, str(path)).error(message))
