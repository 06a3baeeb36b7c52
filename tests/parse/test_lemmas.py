"""The remembering lemmatizer gives spaCy's lemmas (redshank/parse/nlp.py)."""

from __future__ import annotations

from redshank.parse import nlp as nlp_module
from redshank.parse.nlp import RememberingLemmatizer, _load_model, fix_tokenizer, load_nlp

TEXTS = [
    "The ministers were meeting in Baghdad while soldiers left their bases.",
    "Britain has withdrawn 500 troops; France is sending more aircraft.",
    "He said the talks had gone well, but the rebels weren't going to disarm.",
    "Striking workers struck again: the strikes cost millions, officials said.",
    "Ain't nobody gonna stop the better-trained forces' advances.",
]


def test_the_same_lemmas_as_spacys_lemmatizer() -> None:
    stock = fix_tokenizer(_load_model(None))
    ours = load_nlp()
    assert isinstance(ours.get_pipe("lemmatizer"), RememberingLemmatizer)
    for _ in range(2):  # the second time from what it remembers
        for text in TEXTS:
            assert [t.lemma_ for t in ours(text)] == [t.lemma_ for t in stock(text)], text


def test_what_it_remembers_is_bounded(monkeypatch) -> None:
    lemmatizer = load_nlp().get_pipe("lemmatizer")
    monkeypatch.setattr(nlp_module, "MAX_REMEMBERED_LEMMAS", 5)
    lemmatizer._remembered.clear()
    doc = load_nlp()(TEXTS[0] + " " + TEXTS[1])
    assert len(lemmatizer._remembered) <= 5
    assert [t.lemma_ for t in doc][:3] == ["the", "minister", "be"]
