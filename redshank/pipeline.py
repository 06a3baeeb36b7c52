"""The Redshank pipeline, in one place.

    articles -> ingest -> parse (spaCy) -> actors -> when/where -> coding -> positions -> store

`Pipeline.run` parses documents in batches (spaCy is fastest that way; batches are bounded
in characters too, and over-long sentences are cut, so one huge document cannot take the
memory or time of a thousand) and hands each parsed document to `process_document`, a pure
per-document function: the same code runs in one process, a process pool or on a Dask
worker. Whatever one document makes a stage raise becomes a `Failure` naming the document
and the stage ("parse" or "coding"); if the parser fails on a batch, its documents are
parsed again one by one so that only the culprit fails. The batch goes on.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from redshank.actors import ActorResolver, load_dictionary
from redshank.actors.context import article_focus, place_actors
from redshank.actors.coref import known_persons, link_surnames
from redshank.coding import Knowledge, SentenceUnit, code_document, load_ontology, load_patterns
from redshank.errors import RedshankError
from redshank.model import Document, DocumentResult, Failure, ResolvedDate, Sentence, Span
from redshank.parse import Paragraph, bound_sentences, load_nlp, parse_texts, split_paragraphs
from redshank.parse.nlp import entity_recognizer
from redshank.parse.truecase import restore_original_text, truecase_if_lower
from redshank.positions.stage import read_parsed
from redshank.when import find_date_mentions, find_dateline
from redshank.where import Gazetteer, load_gazetteer, locate_places
from redshank.where.scope import document_place, place_events

DEFAULT_BATCH_SIZE = 32
MAX_ERROR_CHARS = 200


@dataclass(slots=True)
class Pipeline:
    """A loaded pipeline: the parser and the knowledge it codes with."""

    nlp: Language
    resolver: ActorResolver
    knowledge: Knowledge
    gazetteer: Gazetteer
    batch_size: int = DEFAULT_BATCH_SIZE
    actor_files: list[str] = field(default_factory=list)
    pattern_files: list[str] = field(default_factory=list)
    # the model's NER, run only on paragraphs whose place names the places stage doubts
    recognizer: Callable[[Doc], Doc] | None = None
    model: str | None = None
    # processes that code (redshank/workers.py); 1 codes in this process
    workers: int = 1
    # a Dask scheduler address, or "local", to code on (redshank/dask_workers.py)
    dask: str | None = None

    @classmethod
    def load(cls, actor_files: Iterable[str] = (), pattern_files: Iterable[str] = (),
             model: str | None = None, batch_size: int = DEFAULT_BATCH_SIZE,
             places_ner: bool = False, workers: int = 1, dask: str | None = None
             ) -> Pipeline:
        """Load the parser, the actor dictionaries and the event patterns (plus the user's).

        `places_ner` has the model's NER check the place names the places stage doubts
        (redshank/where/document.py): fewer people and firms read as towns, at about 5% of
        the pipeline's time (docs/places.md). `workers` > 1 codes in that many processes,
        and `dask` (a scheduler address, or "local") on a Dask cluster, with the same
        results.
        """
        nlp = load_nlp(model)
        actor_files, pattern_files = list(actor_files), list(pattern_files)
        resolver = ActorResolver(load_dictionary(actor_files), nlp.tokenizer)
        knowledge = Knowledge(load_patterns(pattern_files), load_ontology())
        pipeline = cls(nlp, resolver, knowledge, load_gazetteer(), batch_size, actor_files,
                       pattern_files, entity_recognizer(nlp) if places_ner else None, model,
                       workers, dask)
        # The dictionaries, patterns and model live as long as the process: leave them out
        # of the cyclic garbage collector's scans, which otherwise revisit them all run long
        # (and, in forked workers, would copy the pages they share with this process).
        gc.freeze()
        return pipeline

    def settings(self) -> dict[str, object]:
        """The arguments of `load` that make this pipeline again (in a spawned worker)."""
        return {"actor_files": self.actor_files, "pattern_files": self.pattern_files,
                "model": self.model, "batch_size": self.batch_size,
                "places_ner": self.recognizer is not None}

    def after_fork(self) -> None:
        """In a forked worker: open the gazetteer's index again rather than share the
        parent's SQLite connection (nor its per-process cache of loaded gazetteers)."""
        load_gazetteer.cache_clear()
        self.gazetteer = load_gazetteer(self.gazetteer.user_files)

    def run(self, documents: Iterable[Document]) -> Iterator[DocumentResult]:
        """Results for each document, in input order, parsing in batches (on the Dask
        cluster, or on `workers` processes when there are more than one)."""
        if self.dask:
            from redshank.dask_workers import run_on_dask

            return run_on_dask(self, documents, self.dask)
        if self.workers > 1:
            from redshank.workers import run_in_workers

            return run_in_workers(self, documents, self.workers)
        return self.run_here(documents)

    def run_here(self, documents: Iterable[Document]) -> Iterator[DocumentResult]:
        """Results for each document, in input order, parsing in batches in this process."""
        iterator = iter(documents)
        while batch := list(islice(iterator, self.batch_size)):
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Document]) -> Iterator[DocumentResult]:
        """Parse the batch's paragraphs together; if the parser fails, retry one by one."""
        split = [self._split(document) for document in batch]
        texts = (p.text for paragraphs in split if isinstance(paragraphs, list)
                 for p in paragraphs)
        parsed = parse_texts(self.nlp, texts, self.batch_size)
        for position, (document, paragraphs) in enumerate(zip(batch, split, strict=True)):
            if isinstance(paragraphs, DocumentResult):
                yield paragraphs
                continue
            try:
                docs = [next(parsed) for _ in paragraphs]
            except Exception:  # any paragraph of the parser's batch may be the cause
                yield from self._run_one_by_one(batch[position:], split[position:])
                return
            yield self._bound_and_process(document, paragraphs, docs)

    def _run_one_by_one(self, batch: list[Document], split: list[list[Paragraph] | DocumentResult]
                        ) -> Iterator[DocumentResult]:
        """Parse each document on its own, so that only the one the parser fails on fails."""
        for document, paragraphs in zip(batch, split, strict=True):
            if isinstance(paragraphs, DocumentResult):
                yield paragraphs
                continue
            try:
                docs = list(parse_texts(self.nlp, (p.text for p in paragraphs), self.batch_size))
            except Exception as exc:
                yield failed(document, "parse", exc)
                continue
            yield self._bound_and_process(document, paragraphs, docs)

    def _bound_and_process(self, document: Document, paragraphs: list[Paragraph],
                           docs: list[Doc]) -> DocumentResult:
        """Cut over-long sentences (re-parsing their paragraphs), then code the document."""
        try:
            parsed = bound_sentences(self.nlp, list(zip(paragraphs, docs, strict=True)),
                                     self.batch_size)
        except Exception as exc:
            return failed(document, "parse", exc)
        return self.process(document, parsed)

    @staticmethod
    def _split(document: Document) -> list[Paragraph] | DocumentResult:
        """The document's paragraphs (truecased if it is all lower case), or its failure."""
        try:
            return split_paragraphs(truecase_if_lower(document.text))
        except Exception as exc:
            return failed(document, "parse", exc)

    def process(self, document: Document, parsed: list[tuple[Paragraph, Doc]]) -> DocumentResult:
        """Code one parsed document; an error becomes a Failure, not an exception."""
        try:
            return process_document(document, parsed, self.resolver, self.knowledge,
                                    self.gazetteer, self.recognizer)
        except Exception as exc:
            return failed(document, "coding", exc)


def failed(document: Document, stage: str, exc: Exception) -> DocumentResult:
    """The result of a document that `stage` raised `exc` on: one Failure naming both.

    Any Exception a document causes lands here, StopIteration, RecursionError and
    MemoryError included; KeyboardInterrupt and SystemExit are not Exceptions and stop the run.
    """
    if isinstance(exc, RedshankError):
        message = str(exc)
    else:
        lines = str(exc).strip().splitlines()
        detail = f": {lines[0][:MAX_ERROR_CHARS]}" if lines else ""
        message = (f"internal error in the {stage} stage ({type(exc).__name__}{detail}); "
                   "please report it with this document")
    failure = Failure(doc_id=document.id, stage=stage,
                      message=f"doc {document.id!r}: {message}", path=document.path)
    return DocumentResult(document=document, failures=[failure])


def process_document(
    document: Document,
    parsed: list[tuple[Paragraph, Doc]],
    resolver: ActorResolver,
    knowledge: Knowledge,
    gazetteer: Gazetteer | None = None,
    recognizer: Callable[[Doc], Doc] | None = None,
) -> DocumentResult:
    """Actors, dates, events and positions of one parsed document: a pure function of its
    inputs. Positions and coalitions are read last, on the same parse (positions/stage.py),
    once the texts cut from a truecased parse are cut from the original again."""
    if document.published is None:
        dateline = find_dateline(document.text)
        if dateline is not None:
            document.published, document.published_from = dateline, "dateline"
        else:
            document.published_from = "none"
    published = document.published
    sentences: list[Sentence] = []
    units: list[SentenceUnit] = []
    result = DocumentResult(document=document)
    found = [resolver.find_mentions(doc, on=published, offset=paragraph.offset)
             for paragraph, doc in parsed]
    persons = known_persons([mention for mentions in found for mention in mentions])
    found = [link_surnames(doc, mentions, persons, paragraph.offset)
             for (paragraph, doc), mentions in zip(parsed, found, strict=True)]
    places = locate_places(
        [(doc, paragraph.offset) for paragraph, doc in parsed],
        actor_countries={m.actor.country for ms in found for m in ms if m.actor.country},
        persons={m.actor.name for ms in found for m in ms if m.actor.type == "person"},
        gazetteer=gazetteer, recognizer=recognizer)
    focus = article_focus(found, places, document.text)
    found = place_actors([doc for _, doc in parsed], found, places, focus=focus)
    previous: ResolvedDate | None = None
    for (paragraph, doc), mentions, paragraph_places in zip(parsed, found, places, strict=True):
        dates = find_date_mentions(doc, published, offset=paragraph.offset, previous=previous)
        if dates:
            previous = dates[-1].resolved
        result.actors.extend(mention.actor for mention in mentions)
        for sent in doc.sents:
            sentence = Sentence(
                doc_id=document.id, index=len(sentences), text=sent.text,
                span=Span(paragraph.offset + sent.start_char, paragraph.offset + sent.end_char),
                paragraph=paragraph.index)
            sentences.append(sentence)
            units.append(SentenceUnit(
                sentence=sent, index=sentence.index, paragraph=paragraph.index,
                offset=paragraph.offset,
                mentions=[m for m in mentions if sent.start <= m.head < sent.end],
                dates=[d for d in dates if sent.start <= d.head < sent.end],
                places=[p for p in paragraph_places if sent.start <= p.head < sent.end]))
    result.sentences = sentences
    events = code_document(document, units, knowledge, setting=focus.country if focus else None)
    position = {paragraph.index: k for k, (paragraph, _) in enumerate(parsed)}
    result.events = place_events(events, [position[unit.paragraph] for unit in units],
                                 [doc for _, doc in parsed], places,
                                 document_place(focus, gazetteer))
    result = restore_original_text(result, [paragraph for paragraph, _ in parsed])
    result.reading = read_parsed(result, [(paragraph.offset, doc) for paragraph, doc in parsed])
    return result

