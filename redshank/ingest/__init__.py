"""Ingest stage: read articles from files, folders, JSON Lines, manifests, HTML and stdin.

Every input yields a `Document` or, if it cannot be used, a `Failure` (stage "ingest")
saying which document, what is wrong and what to do; the batch always goes on.
Formats are described in docs/formats.md.
"""

from redshank.ingest.documents import IngestOptions
from redshank.ingest.htmltext import html_to_text
from redshank.ingest.jsonl import JsonlSource, iter_jsonl_documents
from redshank.ingest.language import non_english_reason
from redshank.ingest.reader import read_inputs

__all__ = [
    "IngestOptions",
    "JsonlSource",
    "html_to_text",
    "iter_jsonl_documents",
    "non_english_reason",
    "read_inputs",
]
