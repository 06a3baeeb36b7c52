"""Positions and coalitions: what actors say they will or will not do, and who fights whom
together.

    stored events (all auxiliaries) + their sentences and actors
        -> readings (reading.py): topic, stance, holder, speaker, hedges
        -> positions (an actor's stance on an action)          -> `positions` table
        -> memberships (formed/joined a coalition, against X)  -> `coalition_members`
        -> contributions (what each actor does for it)          -> `coalition_contributions`
        -> coalition summaries                                  -> `coalitions`

`read_events` and `coalitions_from` work in memory; `derive_pending(store)` (called at
the end of ingest and by `redshank link`) and `derive_store` keep the tables up to date;
`timeline` flags changes and hedges. Rules, lexicons and tables: docs/positions.md.
"""

from redshank.positions.coalitions import Coalition, CoalitionMember, ContributionGroup
from redshank.positions.derive import (
    DeriveSummary,
    DocumentReading,
    coalitions_from,
    derive,
    derive_documents,
    derive_pending,
    derive_store,
    read_events,
    read_result,
    save_readings,
)
from redshank.positions.lexicon import Lexicon, load_lexicon
from redshank.positions.reading import DERIVER_VERSION
from redshank.positions.timeline import TimelineEntry, timeline

__all__ = [
    "DERIVER_VERSION",
    "Coalition",
    "CoalitionMember",
    "ContributionGroup",
    "DeriveSummary",
    "DocumentReading",
    "Lexicon",
    "TimelineEntry",
    "coalitions_from",
    "derive",
    "derive_documents",
    "derive_pending",
    "derive_store",
    "load_lexicon",
    "read_events",
    "read_result",
    "save_readings",
    "timeline",
]
