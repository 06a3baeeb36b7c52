"""Positions and coalitions: what actors say they will or will not do, and who takes part
in which coalition, force or mission, when, and with what.

    stored events (all auxiliaries) + their sentences, actors and spaCy parse
        -> readings (reading.py): topic, stance, holder, speaker, hedges
        -> positions (an actor's stance on an action)             -> `positions` table
        -> coalitions named (membership.py): the catalogue's (catalogue.py, by name or by
           lead, host and date) or formed against an adversary
        -> memberships (joined, taking part, leaving, left)       -> `coalition_members`
        -> contributions (what each member does, troop counts)     -> `coalition_contributions`
        -> coalition summaries                                     -> `coalitions`

Positions are read on the spaCy parse: in the pipeline, `read_parsed` (stage.py) reads
each coded document on the coder's own parse and the reading is saved with the document;
stored documents are read on a new spaCy parse of their text (derive.py). `read_events`
and `coalitions_from` work in memory; `derive_pending(store)` (called at the end of ingest
and by `redshank link`) and `derive_store` keep the tables up to date; `timeline` flags
changes and hedges; `Coalition.at(day)` and `membership_timeline` give members over time.
Rules, lexicons and tables: docs/positions.md.
"""

from redshank.positions.catalogue import Catalogue, KnownCoalition, load_catalogue
from redshank.positions.coalitions import (
    Coalition,
    CoalitionMember,
    ContributionGroup,
    membership_timeline,
)
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
    "Catalogue",
    "Coalition",
    "CoalitionMember",
    "ContributionGroup",
    "DeriveSummary",
    "DocumentReading",
    "KnownCoalition",
    "Lexicon",
    "TimelineEntry",
    "coalitions_from",
    "derive",
    "derive_documents",
    "derive_pending",
    "derive_store",
    "load_catalogue",
    "load_lexicon",
    "membership_timeline",
    "read_events",
    "read_parsed",
    "save_readings",
    "timeline",
]
