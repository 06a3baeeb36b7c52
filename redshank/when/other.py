"""Temporal expressions that are not calendar dates: durations, sets, clock times, references."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from spacy.tokens import Doc

from redshank.model import ResolvedDate
from redshank.when.timex import TemporalExpression


def other_expressions(doc: Doc, published: date | None, offset: int,
                      anchors: list[ResolvedDate], previous: ResolvedDate | None
                      ) -> Iterator[TemporalExpression]:
    """Durations, sets, clock times and present references of one parsed paragraph."""
    return iter(())
