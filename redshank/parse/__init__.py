"""Parse stage: split documents into paragraphs and parse them with spaCy."""

from redshank.parse.nlp import load_nlp
from redshank.parse.paragraphs import Paragraph, split_paragraphs

__all__ = ["Paragraph", "load_nlp", "split_paragraphs"]
