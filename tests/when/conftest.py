"""Fixtures for the WHEN stage tests: the spaCy pipeline and the seed articles."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from redshank.model import DateMention
from redshank.parse.nlp import load_nlp
from redshank.parse.paragraphs import split_paragraphs
from redshank.when import find_date_mentions

SEEDS = Path("/work/shared/seeds")
SeedMentions = Callable[[str], tuple[str, list[DateMention]]]


@dataclass(frozen=True, slots=True)
class Seed:
    """A seed article with its publication date from the manifest."""

    id: str
    text: str
    published: date


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="session")
def seeds() -> dict[str, Seed]:
    if not (SEEDS / "manifest.jsonl").exists():
        pytest.skip(f"seed corpus not found at {SEEDS}")
    found: dict[str, Seed] = {}
    for line in (SEEDS / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text = (SEEDS / record["path"]).read_text(encoding="utf-8")
        found[record["id"]] = Seed(record["id"], text, date.fromisoformat(record["published"]))
    return found


@pytest.fixture(scope="session")
def seed_mentions(seeds: dict[str, Seed], nlp: Language) -> SeedMentions:
    """A seed's text and its date mentions, paragraph by paragraph, chaining `previous`."""

    def mentions_of(seed_id: str) -> tuple[str, list[DateMention]]:
        seed = seeds[seed_id]
        mentions: list[DateMention] = []
        for paragraph in split_paragraphs(seed.text):
            previous = mentions[-1].resolved if mentions else None
            doc = nlp(paragraph.text)
            mentions.extend(find_date_mentions(doc, seed.published, paragraph.offset, previous))
        return seed.text, mentions

    return mentions_of
