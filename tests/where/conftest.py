"""Fixtures for the WHERE stage tests: the parser and a helper that locates an article."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from redshank.parse import load_nlp, split_paragraphs
from redshank.where import PlaceMention, locate_places

Locate = Callable[[str], list[PlaceMention]]


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="session")
def locate(nlp: Language) -> Locate:
    """The resolved place mentions of an article, as the pipeline finds them."""

    def places_of(text: str) -> list[PlaceMention]:
        paragraphs = split_paragraphs(text)
        found = locate_places([(nlp(p.text), p.offset) for p in paragraphs])
        return [mention for mentions in found for mention in mentions]

    return places_of


def by_text(mentions: list[PlaceMention], text: str) -> PlaceMention:
    """The first mention whose text is `text`; fails the test if there is none."""
    for mention in mentions:
        if mention.text == text:
            return mention
    raise AssertionError(f"no place mention {text!r} in {[m.text for m in mentions]}")
