"""Coding stage: PLOVER events from parsed sentences, actors and dates."""

from redshank.coding.coder import Knowledge, code_sentence
from redshank.coding.document import SentenceUnit, code_document
from redshank.coding.match import match_pattern
from redshank.coding.patterns import load_patterns
from redshank.coding.plover import load_ontology

__all__ = [
    "Knowledge",
    "SentenceUnit",
    "code_document",
    "code_sentence",
    "load_ontology",
    "load_patterns",
    "match_pattern",
]
