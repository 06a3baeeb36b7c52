"""Dictionary entries kept pickled until one is asked for.

The dictionary cache (redshank/cache.py, `load_dictionary`) stores the packaged files'
30,000 entries one pickle each: a start-up that codes one sentence unpickles the few
entries its names match instead of all of them, and a long run unpickles each once.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator, Sequence
from typing import overload

from redshank.actors.entries import ActorEntry, AgentEntry

Entry = ActorEntry | AgentEntry


def pack(entries: Sequence[Entry]) -> list[bytes]:
    """One pickle per entry, in order."""
    return [pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL) for entry in entries]


class PackedEntries(Sequence[Entry]):
    """A read-only list of entries that unpickles each on first access."""

    __slots__ = ("_entries", "_packed")

    def __init__(self, packed: list[bytes]) -> None:
        self._packed = packed
        self._entries: list[Entry | None] = [None] * len(packed)

    def __len__(self) -> int:
        return len(self._packed)

    @overload
    def __getitem__(self, index: int) -> Entry: ...

    @overload
    def __getitem__(self, index: slice) -> list[Entry]: ...

    def __getitem__(self, index: int | slice) -> Entry | list[Entry]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        entry = self._entries[index]
        if entry is None:
            entry = self._entries[index] = pickle.loads(self._packed[index])
        return entry

    def __iter__(self) -> Iterator[Entry]:
        return (self[i] for i in range(len(self)))

    def __reduce__(self) -> tuple[type[PackedEntries], tuple[list[bytes]]]:
        return PackedEntries, (self._packed,)


class Rows(Sequence[Entry]):
    """Some rows of a sequence, in the order given (the actors or the agents of a
    `PackedEntries` that holds both in load order)."""

    __slots__ = ("_base", "_rows")

    def __init__(self, base: Sequence[Entry], rows: list[int]) -> None:
        self._base, self._rows = base, rows

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> Entry: ...

    @overload
    def __getitem__(self, index: slice) -> list[Entry]: ...

    def __getitem__(self, index: int | slice) -> Entry | list[Entry]:
        if isinstance(index, slice):
            return [self._base[row] for row in self._rows[index]]
        return self._base[self._rows[index]]

    def __iter__(self) -> Iterator[Entry]:
        return (self._base[row] for row in self._rows)
