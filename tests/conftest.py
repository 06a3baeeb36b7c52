"""Shared fixtures: hand-built parses, the loaded pipeline, the coded seed corpus."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from redshank.model import Actor, Document, Mention, Span

# The seed articles are news texts we do not redistribute: tests read them from shared/.
SEEDS = Path(os.environ.get("REDSHANK_SEEDS",
                            Path(__file__).resolve().parents[2] / "shared" / "seeds"))
BLANK = spacy.blank("en")
# Commands run by the tests code in one process unless a test asks for workers
# (tests/test_workers.py): the suite already keeps every core busy.
os.environ.setdefault("REDSHANK_WORKERS", "1")


def make_doc(rows: list[tuple[str, str, str, str, str, int]]) -> Doc:
    """A parsed Doc from (word, lemma, pos, tag, dep, head index) rows: no model needed."""
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(rows) and rows[i + 1][2] != "PUNCT" for i in range(len(rows))]
    return Doc(BLANK.vocab, words=words, spaces=spaces, lemmas=[r[1] for r in rows],
               pos=[r[2] for r in rows], tags=[r[3] for r in rows], deps=[r[4] for r in rows],
               heads=[r[5] for r in rows], sent_starts=[i == 0 for i in range(len(rows))])


def mention(doc: Doc, start: int, end: int, *, code: str, country: str | None,
            sector: str | None = None, kind: str = "state", name: str | None = None) -> Mention:
    """An actor mention over doc tokens [start, end), headed by the span's root."""
    span = doc[start:end]
    actor = Actor(text=span.text, name=name or span.text, country=country, sector=sector,
                  type=kind, id=code, span=Span(span.start_char, span.end_char), code=code,
                  entries=[f"test:{code}"])
    return Mention(actor=actor, token_start=start, token_end=end, head=span.root.i)


def seed_documents() -> list[Document]:
    """The three seed articles with their manifest metadata."""
    documents = []
    for line in (SEEDS / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text = (SEEDS / record["path"]).read_text(encoding="utf-8")
        documents.append(Document(id=record["id"], text=text, title=record.get("title"),
                                  published=date.fromisoformat(record["published"]),
                                  source=record.get("source")))
    return documents


@pytest.fixture(scope="session")
def pipeline():
    from redshank.pipeline import Pipeline

    return Pipeline.load()


@pytest.fixture(scope="session")
def seed_results(pipeline):
    """The seed corpus, parsed and coded once per test session."""
    return {result.document.id: result for result in pipeline.run(seed_documents())}


@pytest.fixture(scope="session")
def middle_east_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The hand-built database of tests/middle_east.py, linked into clusters; read only."""
    from redshank.link import link_store
    from redshank.store import open_store
    from tests.middle_east import middle_east

    path = str(tmp_path_factory.mktemp("query") / "middle-east.duckdb")
    with open_store(path) as store:
        for document in middle_east():
            store.save_result(document, "run")
        link_store(store)
    return path
