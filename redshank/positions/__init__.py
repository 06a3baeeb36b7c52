"""Positions and coalitions: what actors say they will or will not do, and who fights whom
together.

    stored events (all auxiliaries) + their sentences and actors
        -> readings (reading.py): topic, stance, holder, speaker, hedges
        -> positions (an actor's stance on an action)          -> `positions` table
        -> memberships (formed/joined a coalition, against X)  -> `coalition_members`
        -> contributions (what each actor does for it)          -> `coalition_contributions`
        -> coalition summaries                                  -> `coalitions`

Positions are read on the spaCy parse: in the pipeline, `read_parsed` (stage.py) reads
each coded document on the coder's own parse and the reading is saved with the document;
stored documents are read on a new spaCy parse of their text (derive.py). `read_events`
and `coalitions_from` work in memory; `derive_pending(store)` (called at the end of ingest
and by `redshank link`) and `derive_store` keep the tables up to date; `timeline` flags
changes and hedges. Rules, lexicons and tables: docs/positions.md.
"""

from redshank.positions.coalitions import Coalition, CoalitionMember, ContributionGroup
from redshank.positions.derive import (
    DeriveSummary,
    coalitions_from,
    derive,
    derive_documents,
    derive_pending,
    derive_store,
    read_events,
    save_readings,
)
from redshank.positions.lexicon import Lexicon, load_lexicon
from redshank.positions.reading import DERIVER_VERSION
from redshank.positions.stage import DocumentReading, read_parsed
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
    "read_parsed",
    "save_readings",
    "timeline",
]
