"""Fixtures for the actors stage: the pipeline, the packaged dictionary, parsed seed articles."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from redshank.actors import ActorDictionary, ActorResolver, load_dictionary
from redshank.model import Mention
from redshank.parse.nlp import load_nlp

# News texts we do not redistribute: read from shared/ (or REDSHANK_SEEDS).
SEEDS = Path(
    os.environ.get("REDSHANK_SEEDS", Path(__file__).resolve().parents[3] / "shared" / "seeds")
)
BLANK = spacy.blank("en")


@dataclass(frozen=True)
class Found:
    """A mention with the paragraph it came from and the whole article's text."""

    mention: Mention
    doc: Doc
    text: str


@pytest.fixture(scope="session", autouse=True)
def actor_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Keep the compiled-index cache out of the home directory during tests."""
    path = tmp_path_factory.mktemp("redshank-cache")
    previous = os.environ.get("REDSHANK_CACHE_DIR")
    os.environ["REDSHANK_CACHE_DIR"] = str(path)
    yield path
    if previous is None:
        os.environ.pop("REDSHANK_CACHE_DIR", None)
    else:
        os.environ["REDSHANK_CACHE_DIR"] = previous


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="session")
def dictionary() -> ActorDictionary:
    return load_dictionary()


@pytest.fixture(scope="session")
def resolver(dictionary: ActorDictionary, nlp: Language) -> ActorResolver:
    return ActorResolver(dictionary, nlp.tokenizer)


def find(
    resolver: ActorResolver, nlp: Language, text: str, on: date | None = None
) -> list[Mention]:
    """Mentions of one paragraph of text."""
    return resolver.find_mentions(nlp(text), on)


@pytest.fixture(scope="session")
def seed_mentions(resolver: ActorResolver, nlp: Language) -> dict[str, list[Found]]:
    """Every mention in each seed article, paragraph by paragraph, at its publication date."""
    manifest = SEEDS / "manifest.jsonl"
    if not manifest.exists():
        pytest.skip(f"seed articles not found at {SEEDS} (set REDSHANK_SEEDS)")
    out: dict[str, list[Found]] = {}
    for line in manifest.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text = (SEEDS / record["path"]).read_text(encoding="utf-8")
        published = date.fromisoformat(record["published"])
        found: list[Found] = []
        offset = 0
        for paragraph in text.split("\n"):
            if paragraph.strip():
                doc = nlp(paragraph)
                for mention in resolver.find_mentions(doc, published, offset):
                    found.append(Found(mention, doc, text))
            offset += len(paragraph) + 1
        out[record["id"]] = found
    return out


def make_doc(rows: list[tuple[str, str, str, int]]) -> Doc:
    """A parsed Doc from (word, tag, dep, head index) rows: no model needed."""
    words = [r[0] for r in rows]
    spaces = [
        i + 1 < len(rows) and rows[i + 1][1] not in (".", ",", "POS") for i in range(len(rows))
    ]
    return Doc(
        BLANK.vocab,
        words=words,
        spaces=spaces,
        tags=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        heads=[r[3] for r in rows],
    )
