"""WHEN stage: find date expressions in parsed text and resolve them to calendar ranges."""

from redshank.when.dateline import find_dateline
from redshank.when.expressions import find_date_mentions
from redshank.when.resolve import resolve_expression

__all__ = ["find_date_mentions", "find_dateline", "resolve_expression"]
