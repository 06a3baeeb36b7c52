"""Parse stage: split documents into paragraphs, parse them with spaCy in bounded batches."""

from redshank.parse.batches import parse_texts
from redshank.parse.nlp import load_nlp
from redshank.parse.paragraphs import Paragraph, split_paragraphs
from redshank.parse.sentences import bound_sentences

__all__ = ["Paragraph", "bound_sentences", "load_nlp", "parse_texts", "split_paragraphs"]
