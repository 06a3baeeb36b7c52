"""Find every temporal expression of a text: calendar dates, times, durations, sets.

Calendar dates come from `find_date_mentions` (the same mentions that date events);
durations, sets, clock times and present references come from `other_expressions` and
never date an event.
"""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from redshank.model import ResolvedDate
from redshank.parse.nlp import load_nlp
from redshank.parse.paragraphs import split_paragraphs
from redshank.when.dateline import find_dateline
from redshank.when.expressions import find_date_mentions
from redshank.when.other import other_expressions
from redshank.when.timex import TemporalExpression, from_date_mention


def find_temporal_expressions(
    doc: Doc,
    published: date | None,
    offset: int = 0,
    previous: ResolvedDate | None = None,
) -> list[TemporalExpression]:
    """The temporal expressions of one parsed paragraph, in text order.

    Arguments are those of `find_date_mentions`; calendar dates win where an expression of
    another kind overlaps one.
    """
    text = doc.text
    mentions = find_date_mentions(doc, published, offset, previous)
    found = [from_date_mention(mention, text, offset) for mention in mentions]
    anchors = [m.resolved for m in mentions]
    for expression in other_expressions(doc, published, offset, anchors, previous):
        start, end = expression.span.start, expression.span.end
        overlapping = [e for e in found if start < e.span.end and e.span.start < end]
        # a season of a year is more than the year: "the summer of 2009"
        if overlapping and not all(
                start <= e.span.start and e.span.end <= end
                and (expression.type == "SET" or (expression.type == "DATE" and e.value.isdigit()))
                for e in overlapping):
            continue
        found = [e for e in found if e not in overlapping]
        found.append(expression)
    return sorted(found, key=lambda e: e.span.start)


def temporal_expressions_of_text(
    text: str, published: date | None = None, nlp: Language | None = None
) -> list[TemporalExpression]:
    """Every temporal expression of an article, paragraph by paragraph, chaining `previous`.

    Without `published`, a dateline at the top of the article is used if there is one.
    """
    nlp = nlp or load_nlp()
    published = published or find_dateline(text)
    found: list[TemporalExpression] = []
    previous: ResolvedDate | None = None
    for paragraph in split_paragraphs(text):
        doc = nlp(paragraph.text)
        expressions = find_temporal_expressions(doc, published, paragraph.offset, previous)
        dated = [e.resolved for e in expressions if e.resolved is not None]
        if dated:
            previous = dated[-1]
        found.extend(expressions)
    return found
