"""Code gold sentences in their whole articles: context (who "he" is, which country) counts.

    articles = read_articles("wikinews_plover_articles.jsonl")
    coded = code_in_articles(gold, articles, pipeline)   # [(GoldRecord, DocumentResult)]

Each article is coded once, as a `Document` published on its date. Each gold sentence is
found in its article's text (exactly, else with any run of whitespace matching any other);
a coded event belongs to the sentence whose span holds the start of its trigger. A sentence
that cannot be found, or whose article is missing or failed, gets a result with a failure
saying so, and its gold events count as misses.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from redshank.errors import DayFormatError
from redshank.evaluate.errors import GoldFileError
from redshank.evaluate.gold import GoldRecord, GoldSet
from redshank.evaluate.plover_gsr import json_items
from redshank.evaluate.score import RecordResult, document_id
from redshank.model import Document, DocumentResult, Event, Failure, Span, parse_day

if TYPE_CHECKING:
    from redshank.pipeline import Pipeline

STAGE = "evaluate"


def read_articles(path: str | Path) -> list[Document]:
    """Articles from JSON Lines (`id`, `text`, optional `title`, `published`, `source`, `url`)."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise GoldFileError(f"cannot read the articles file: {exc.strerror}", path=name) from exc
    except UnicodeDecodeError as exc:
        raise GoldFileError(f"not UTF-8 at byte {exc.start}", path=name) from exc
    documents, seen = [], set()
    for line, item in json_items(text, name):
        document = _article(item, name, line)
        if document.id in seen:
            raise GoldFileError(f"article {document.id!r} appears twice", path=name, line=line)
        seen.add(document.id)
        documents.append(document)
    return documents


def _article(item: Any, path: str, line: int) -> Document:
    if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not item["id"]:
        raise GoldFileError("expected an object with an 'id'", path=path, line=line)
    article_id = item["id"]
    if not isinstance(item.get("text"), str):
        raise GoldFileError("no 'text'", path=path, line=line, record=article_id)
    published = item.get("published")
    try:
        day = parse_day(published) if isinstance(published, str) else None
    except DayFormatError as exc:
        raise GoldFileError(f"bad 'published' {published!r}: expected YYYY-MM-DD", path=path,
                            line=line, record=article_id) from exc

    def optional(key: str) -> str | None:
        value = item.get(key)
        return value if isinstance(value, str) else None

    return Document(id=article_id, text=item["text"], title=optional("title"), published=day,
                    source=optional("source"), url=optional("url"), path=path)


def locate(sentence: str, article: str) -> Span | None:
    """Where a gold sentence lies in its article: exact first, else whitespace-insensitive."""
    start = article.find(sentence)
    if start >= 0:
        return Span(start, start + len(sentence))
    words = sentence.split()
    if not words:
        return None
    found = re.search(r"\s+".join(re.escape(w) for w in words), article)
    return Span(found.start(), found.end()) if found else None


def code_in_articles(gold: GoldSet, articles: Sequence[Document], pipeline: Pipeline,
                     on_result: Callable[[DocumentResult], None] | None = None
                     ) -> list[RecordResult]:
    """Each gold record with a result holding the events coded in its span of its article.

    Only the articles that gold records name are coded.
    """
    wanted = {record.article for record in gold.records}
    by_id: dict[str, DocumentResult] = {}
    for result in pipeline.run(a for a in articles if a.id in wanted):
        by_id[result.document.id] = result
        if on_result:
            on_result(result)
    return [(record, sentence_result(index, record, by_id.get(record.article or "")))
            for index, record in enumerate(gold.records)]


def sentence_result(index: int, record: GoldRecord,
                    article: DocumentResult | None) -> DocumentResult:
    """The part of an article's result that belongs to one gold sentence."""
    doc_id = document_id(index, record)
    document = Document(id=doc_id, text=record.text, published=record.published)

    def failed(message: str) -> DocumentResult:
        return DocumentResult(document=document,
                              failures=[Failure(doc_id=doc_id, stage=STAGE, message=message)])

    if article is None:
        return failed(f"article {record.article!r} is not in the articles file")
    if article.failures:
        return DocumentResult(document=document, failures=list(article.failures))
    span = locate(record.text, article.document.text)
    if span is None:
        return failed(f"sentence not found in the text of article {record.article!r}")
    return DocumentResult(document=document, events=events_in(article.events, span))


def events_in(events: Iterable[Event], span: Span) -> list[Event]:
    """The events whose trigger starts inside `span` (document characters)."""
    return [e for e in events if span.start <= e.evidence.span.start < span.end]
