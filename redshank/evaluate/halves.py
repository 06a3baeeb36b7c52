"""Two fixed halves of each dev set: engineers read the errors of half A, never those of B.

A change that raises the scores of A and not of B fits the coder to A's sentences. The
halves are recorded in `redshank/data/evaluation/halves.json` (README.md there says how it
was made) and never re-drawn. A record is in a half by its own id (`record` unit: gsr_dev)
or by its article's id (`article` unit: Wikinews), so an article's sentences stay together.

    halves = load_halves()
    split = split_gold(gold, halves)      # {"A": GoldSet, "B": GoldSet}, or None if unknown
    report = score_halves(gold, coded, halves)   # A with its errors; B and both scores only
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from redshank.errors import DataFileError
from redshank.evaluate.errors import GoldFileError
from redshank.evaluate.gold import GoldRecord, GoldSet
from redshank.evaluate.report import HALVES, Half, HalvesReport
from redshank.evaluate.score import CODED_ALONE, RecordResult, score_records

HalfUnit = Literal["record", "article"]
HALVES_FILE = "halves.json"
SALT = "redshank-halves-1"
WITHHELD_B = "half B is scored only: nobody reads its sentences"
WITHHELD_BOTH = "only half A's are shown (see its report): nobody reads half B's sentences"


@dataclass(frozen=True, slots=True)
class HalfSplit:
    """The halves of one dev set: which record (or article) ids are in A and which in B."""

    name: str
    unit: HalfUnit
    a: frozenset[str]
    b: frozenset[str]

    def half_of(self, record: GoldRecord) -> Half | None:
        key = record.article if self.unit == "article" else record.id
        if key in self.a:
            return "A"
        return "B" if key in self.b else None


@dataclass(frozen=True, slots=True)
class Halves:
    """Every recorded split, from the halves file."""

    path: str
    splits: tuple[HalfSplit, ...]

    def half_of(self, record: GoldRecord) -> Half | None:
        """The half a gold record belongs to, or None if no split names it."""
        for split in self.splits:
            half = split.half_of(record)
            if half:
                return half
        return None


def draw_halves(keys: Iterable[str], strata: Mapping[str, str] | None = None
                ) -> dict[Half, list[str]]:
    """Split ids in two: ordered by a salted SHA-256 within each stratum, dealt alternately.

    Dealing continues across strata (sorted by name), so the halves differ in size by at
    most one overall and per stratum. Deterministic: the same ids give the same halves.
    """
    strata = strata or {}
    groups: dict[str, list[str]] = {}
    for key in dict.fromkeys(keys):
        groups.setdefault(strata.get(key, ""), []).append(key)
    halves: dict[Half, list[str]] = {"A": [], "B": []}
    dealt = 0
    for stratum in sorted(groups):
        for key in sorted(groups[stratum], key=_hash):
            halves[HALVES[dealt % 2]].append(key)
            dealt += 1
    return {half: sorted(keys) for half, keys in halves.items()}


def _hash(key: str) -> str:
    return hashlib.sha256(f"{SALT}:{key}".encode()).hexdigest()


def halves_path() -> Path:
    return Path(str(resources.files("redshank.data") / "evaluation" / HALVES_FILE))


def load_halves(path: str | Path | None = None) -> Halves:
    """The recorded halves (the packaged file by default), checked to be disjoint."""
    source = Path(path) if path else halves_path()
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DataFileError(f"cannot read the halves file: {exc.strerror}",
                            path=str(source)) from exc
    except json.JSONDecodeError as exc:
        raise DataFileError(f"not valid JSON: {exc.msg}", path=str(source),
                            line=exc.lineno) from exc
    sets = data.get("sets") if isinstance(data, dict) else None
    if not isinstance(sets, dict):
        raise DataFileError("expected an object with 'sets'", path=str(source))
    return Halves(str(source), tuple(_split(name, entry, str(source))
                                     for name, entry in sets.items()))


def _split(name: str, entry: Any, path: str) -> HalfSplit:
    def ids(half: str) -> frozenset[str]:
        values = entry.get(half)
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise DataFileError(f"set {name!r}: '{half}' must be a list of ids", path=path)
        return frozenset(values)

    if not isinstance(entry, dict) or entry.get("unit") not in ("record", "article"):
        raise DataFileError(f"set {name!r}: 'unit' must be 'record' or 'article'", path=path)
    a, b = ids("A"), ids("B")
    if a & b:
        raise DataFileError(f"set {name!r}: ids in both halves: {sorted(a & b)[:5]}", path=path)
    return HalfSplit(name, entry["unit"], a, b)


def split_gold(gold: GoldSet, halves: Halves) -> dict[Half, GoldSet] | None:
    """The gold records of each half; None when no record is in a recorded half.

    A file mixing records of a split with records of none is refused: its errors could not
    be shown without showing some of another half's.
    """
    placed = [(record, halves.half_of(record)) for record in gold.records]
    unplaced = [record.id for record, half in placed if half is None]
    if len(unplaced) == len(placed):
        return None
    if unplaced:
        raise GoldFileError(
            f"{len(unplaced)} records (first {unplaced[0]!r}) are in no half of "
            f"{halves.path} while others are; evaluate them in a separate file",
            path=gold.path)
    return {half: replace(gold, records=tuple(r for r, h in placed if h == half))
            for half in HALVES}


def score_halves(gold: GoldSet, coded: Sequence[RecordResult], halves: Halves, *,
                 include_hidden: bool = False, coding: str = CODED_ALONE) -> HalvesReport:
    """Reports for half A (with its errors), half B and both (scores only)."""
    reports = {}
    for half in HALVES:
        mine = [(record, result) for record, result in coded if halves.half_of(record) == half]
        reports[half] = score_records(
            replace(gold, records=tuple(record for record, _ in mine)), mine,
            include_hidden=include_hidden, coding=coding,
            withhold_errors=None if half == "A" else WITHHELD_B)
    both = score_records(gold, coded, include_hidden=include_hidden, coding=coding,
                         withhold_errors=WITHHELD_BOTH)
    return HalvesReport(a=reports["A"], b=reports["B"], both=both)
