"""The per-document guard: whatever one document makes a stage raise, the batch goes on."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable, Iterator
from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import redshank.pipeline
from redshank.model import Document, DocumentResult
from redshank.parse import parse_texts
from redshank.pipeline import Pipeline

PUBLISHED = date(2014, 6, 11)
GOOD = "Iraq asked the United States to bomb militants."
BAD = "The prime minister rejected the offer."
CAUSES = [StopIteration(), RuntimeError("generator raised StopIteration"),
          RecursionError("maximum recursion depth exceeded"), MemoryError(), ValueError("x")]


def batch(size: int, bad_at: int) -> list[Document]:
    """`size` documents that each code a REQUEST event, but the one at `bad_at`."""
    return [Document(id=f"doc-{i}", text=BAD if i == bad_at else GOOD, published=PUBLISHED)
            for i in range(size)]


def assert_only_bad_failed(results: list[DocumentResult], bad_at: int, stage: str,
                           cause: BaseException) -> None:
    assert [r.document.id for r in results] == [f"doc-{i}" for i in range(len(results))]
    for index, result in enumerate(results):
        if index == bad_at:
            assert result.events == []
            [failure] = result.failures
            assert failure.doc_id == f"doc-{bad_at}" and failure.stage == stage
            assert f"doc 'doc-{bad_at}'" in failure.message
            assert type(cause).__name__ in failure.message
        else:
            assert result.failures == []
            assert "REQUEST" in {e.event for e in result.events}


def test_friday_night_session_codes_without_failure(pipeline: Pipeline) -> None:
    text = "The talks ended on a Friday-night session. Iraq asked the United States to help."
    [result] = pipeline.run([Document(id="friday", text=text, published=PUBLISHED)])
    assert result.failures == []
    assert len(result.sentences) == 2
    assert [e.event for e in result.events] == ["REQUEST"]


@pytest.mark.parametrize("cause", CAUSES, ids=lambda c: type(c).__name__)
def test_a_coding_error_fails_one_document(pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch,
                                           cause: BaseException) -> None:
    real = redshank.pipeline.code_document

    def code_document(document: Document, *args: object, **kwargs: object) -> object:
        if document.text == BAD:
            raise cause
        return real(document, *args, **kwargs)

    monkeypatch.setattr(redshank.pipeline, "code_document", code_document)
    results = list(pipeline.run(batch(5, bad_at=2)))
    assert_only_bad_failed(results, 2, "coding", cause)


@pytest.mark.parametrize("cause", CAUSES, ids=lambda c: type(c).__name__)
def test_a_paragraph_split_error_fails_one_document(
        pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch, cause: BaseException) -> None:
    real = redshank.pipeline.split_paragraphs

    def split_paragraphs(text: str) -> object:
        if text == BAD:
            raise cause
        return real(text)

    monkeypatch.setattr(redshank.pipeline, "split_paragraphs", split_paragraphs)
    results = list(pipeline.run(batch(4, bad_at=0)))
    assert_only_bad_failed(results, 0, "parse", cause)


@dataclasses.dataclass
class ParserFailingOn:
    """A parser that raises on any batch holding a given text, as spaCy fails a whole batch."""

    nlp: Language
    text: str
    cause: BaseException

    def pipe(self, texts: Iterable[str], batch_size: int) -> Iterator[Doc]:
        texts = list(texts)
        if self.text in texts:
            raise self.cause
        yield from self.nlp.pipe(texts, batch_size=batch_size)


@pytest.mark.parametrize("cause", CAUSES, ids=lambda c: type(c).__name__)
@pytest.mark.parametrize("bad_at", [0, 3, 5])
@pytest.mark.parametrize("texts_per_parse", [1, 8])
def test_a_parser_error_fails_one_document_not_its_batch(
        pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch, cause: BaseException, bad_at: int,
        texts_per_parse: int) -> None:
    if texts_per_parse == 1:  # documents before the bad one are coded before the parser fails
        parse_one_at_a_time = functools.partial(parse_texts, max_batch_chars=1)
        monkeypatch.setattr(redshank.pipeline, "parse_texts", parse_one_at_a_time)
    failing = dataclasses.replace(pipeline, nlp=ParserFailingOn(pipeline.nlp, BAD, cause),
                                  batch_size=8)
    results = list(failing.run(batch(6, bad_at=bad_at)))
    assert_only_bad_failed(results, bad_at, "parse", cause)


@pytest.mark.parametrize("cause", [KeyboardInterrupt(), SystemExit(1)], ids=repr)
def test_interrupts_are_not_swallowed(pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch,
                                      cause: BaseException) -> None:
    def code_document(*args: object, **kwargs: object) -> object:
        raise cause

    monkeypatch.setattr(redshank.pipeline, "code_document", code_document)
    with pytest.raises(type(cause)):
        list(pipeline.run(batch(3, bad_at=1)))


def test_a_long_message_is_cut_to_its_first_line(pipeline: Pipeline,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    def code_document(*args: object, **kwargs: object) -> object:
        raise ValueError("first line " + "x" * 1000 + "\nsecond line")

    monkeypatch.setattr(redshank.pipeline, "code_document", code_document)
    [result] = pipeline.run(batch(1, bad_at=0))
    [failure] = result.failures
    assert "first line" in failure.message and "second line" not in failure.message
    assert len(failure.message) < 300
