"""The remembering attribute ruler and lemmatizer give spaCy's output
(redshank/parse/remembering.py)."""

from __future__ import annotations

import pytest

from redshank.parse import remembering
from redshank.parse.nlp import _load_model, fix_tokenizer, load_nlp
from redshank.parse.remembering import RememberingAttributeRuler, RememberingLemmatizer

TEXTS = [
    "The ministers were meeting in Baghdad while soldiers left their bases.",
    "Britain has withdrawn 500 troops; France is sending more aircraft.",
    "He said the talks had gone well, but the rebels weren't going to disarm.",
    "Striking workers struck again: the strikes cost millions, officials said.",
    # the model's longer rules: "gon na", "wan na", "ai n't"
    "Ain't nobody gonna stop the better-trained forces' advances, we wanna say.",
    "I'm sure they'd've said so... It's 5 p.m. in N.Y. and it ain't over.",
    "  Spaces,\ttabs\n\nand   ‘quotes’ — all “tokens” too!  ",
]


def _readings(nlp, text: str) -> list[tuple[str, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in nlp(text)]


@pytest.fixture(scope="module")
def stock():
    """spaCy's own components, with Redshank's tokenizer."""
    return fix_tokenizer(_load_model(None))


def test_the_same_tags_morphology_and_lemmas_as_spacy(stock) -> None:
    ours = load_nlp()
    assert isinstance(ours.get_pipe("attribute_ruler"), RememberingAttributeRuler)
    assert isinstance(ours.get_pipe("lemmatizer"), RememberingLemmatizer)
    for _ in range(2):  # the second time from what they remember
        for text in TEXTS:
            assert _readings(ours, text) == _readings(stock, text), text


def test_a_word_a_rule_names_is_told_apart(stock) -> None:
    """'na' after 'gon' is the longer rule's; alone it is an ordinary word."""
    ours = load_nlp()
    for text in ("They are gonna go.", "The na of it.", "We gon na win", "Na na na."):
        assert _readings(ours, text) == _readings(stock, text), text


def test_what_they_remember_is_bounded(monkeypatch, stock) -> None:
    nlp = load_nlp()
    monkeypatch.setattr(remembering, "MAX_REMEMBERED", 5)
    for name in ("attribute_ruler", "lemmatizer"):
        nlp.get_pipe(name).__dict__.get("_remembered", {}).clear()
    text = TEXTS[0] + " " + TEXTS[1]
    assert _readings(nlp, text) == _readings(stock, text)
    for name in ("attribute_ruler", "lemmatizer"):
        assert len(nlp.get_pipe(name).__dict__["_remembered"]) <= 5
