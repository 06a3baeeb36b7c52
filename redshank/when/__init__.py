"""WHEN stage: find date expressions in parsed text and resolve them to calendar ranges."""

from redshank.when.dateline import find_dateline
from redshank.when.expressions import find_date_mentions
from redshank.when.resolve import resolve_expression
from redshank.when.temporal import find_temporal_expressions, temporal_expressions_of_text
from redshank.when.timex import TemporalExpression

__all__ = [
    "TemporalExpression",
    "find_date_mentions",
    "find_dateline",
    "find_temporal_expressions",
    "resolve_expression",
    "temporal_expressions_of_text",
]
