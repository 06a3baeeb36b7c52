"""Blocking: only reports that share a block key are ever compared.

A key is (status, event family, date bucket, role:actor key). A report gets one key per
bucket its date window touches and per actor key on each side (all participants for a
mutual family). Two compatible reports always share a key: their windows share a day,
hence that day's bucket, and their anchor side shares an actor key (docs/merging.md).
Reports with no date window get no keys and are never merged.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from redshank.link.records import LinkRecord, LinkSettings


def block_keys(record: LinkRecord, settings: LinkSettings) -> list[str]:
    """The block keys of a report, sorted; empty when it cannot be linked."""
    if record.window is None:
        return []
    if record.mutual:
        sides = [("p", record.participant_keys)]
    else:
        sides = [("a", record.actor_keys), ("r", record.recipient_keys)]
    first, last = (day // settings.bucket_days for day in record.window)
    return sorted(
        f"{record.status}|{record.family}|{bucket}|{role}:{key}"
        for bucket in range(first, last + 1)
        for role, keys in sides
        for key in keys
    )


def candidate_pairs(
    records: Sequence[LinkRecord], settings: LinkSettings, *, fixed: int = 0
) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j) of records that share a block, each once, in order.

    The first `fixed` records are already linked: pairs of two of them are left out.
    Pairs are kept as integers until they are yielded (and visited in order, so records
    are read near each other in memory): that makes large runs much faster.
    """
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, record in enumerate(records):
        for key in block_keys(record, settings):
            blocks[key].append(index)
    size = len(records)
    pairs: set[int] = set()
    for members in blocks.values():
        for position, first in enumerate(members):
            pairs.update(first * size + second for second in members[position + 1:]
                         if second >= fixed)
    for pair in sorted(pairs):
        yield divmod(pair, size)
