"""Tokens of the positions stage from hand-built spaCy parses: offsets in the stored
sentence, lemma keys, clause windows (no model)."""

from __future__ import annotations

import pytest

from redshank.positions.lexicon import default_lexicon
from redshank.positions.stage import sentence_tokens
from redshank.positions.tokens import Token, clause_of, clause_window, token_at
from tests.conftest import make_doc

# (word, lemma, pos, tag, dep, head)
RULING_OUT = [
    ("It", "it", "PRON", "PRP", "nsubj", 1), ("created", "create", "VERB", "VBD", "ROOT", 1),
    ("a", "a", "DET", "DT", "det", 3), ("coalition", "coalition", "NOUN", "NN", "dobj", 1),
    (",", ",", "PUNCT", ",", "punct", 1), ("ruling", "rule", "VERB", "VBG", "advcl", 1),
    ("out", "out", "ADP", "RP", "prt", 5), ("ground", "ground", "NOUN", "NN", "compound", 8),
    ("forces", "force", "NOUN", "NNS", "dobj", 5), (".", ".", "PUNCT", ".", "punct", 1),
]
INCLUDING = [
    ("They", "they", "PRON", "PRP", "nsubj", 2), ("could", "could", "AUX", "MD", "aux", 2),
    ("help", "help", "VERB", "VB", "ROOT", 2), (",", ",", "PUNCT", ",", "punct", 2),
    ("including", "include", "VERB", "VBG", "prep", 2),
    ("training", "training", "NOUN", "NN", "pobj", 4), ("and", "and", "CCONJ", "CC", "cc", 5),
    ("equipping", "equip", "VERB", "VBG", "conj", 5), (".", ".", "PUNCT", ".", "punct", 2),
]
CONSISTING = [
    ("A", "a", "DET", "DT", "det", 1), ("force", "force", "NOUN", "NN", "nsubjpass", 9),
    (",", ",", "PUNCT", ",", "punct", 1), ("consisting", "consist", "VERB", "VBG", "acl", 1),
    ("of", "of", "ADP", "IN", "prep", 3), ("sailors", "sailor", "NOUN", "NNS", "pobj", 4),
    ("from", "from", "ADP", "IN", "prep", 5), ("Chile", "Chile", "PROPN", "NNP", "pobj", 6),
    ("was", "be", "AUX", "VBD", "auxpass", 9), ("formed", "form", "VERB", "VBN", "ROOT", 9),
    (".", ".", "PUNCT", ".", "punct", 9),
]
SEMICOLON = [
    ("Kerry", "Kerry", "PROPN", "NNP", "nsubj", 1), ("said", "say", "VERB", "VBD", "ROOT", 1),
    ("so", "so", "ADV", "RB", "advmod", 1), (";", ";", "PUNCT", ":", "punct", 1),
    ("NATO", "NATO", "PROPN", "NNP", "nsubj", 5), ("agreed", "agree", "VERB", "VBD", "conj", 1),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def tokens_of(rows: list[tuple[str, str, str, str, str, int]]) -> tuple[str, list[Token]]:
    doc = make_doc(rows)
    return doc.text, sentence_tokens({0: (doc.text, 0)}, [(0, doc)])[0]


@pytest.mark.parametrize(("rows", "word", "clause"), [
    (RULING_OUT, "created", "It created a coalition"),
    (RULING_OUT, "ground", "ruling out ground forces."),
    (INCLUDING, "help", "They could help, including training and equipping."),
    (SEMICOLON, "agreed", "NATO agreed."),
    # what a force is made of is part of its clause
    (CONSISTING, "force", "A force, consisting of sailors from Chile was formed."),
])
def test_clause_window(rows: list[tuple[str, str, str, str, str, int]], word: str,
                       clause: str) -> None:
    text, tokens = tokens_of(rows)
    start, end = clause_window(tokens, token_at(tokens, text.index(word)))
    assert text[tokens[start].start:tokens[end - 1].end] == clause


def test_tokens_are_keyed_on_lemmas_and_tagged() -> None:
    _, tokens = tokens_of(RULING_OUT)
    assert [(t.key, t.tag) for t in tokens[5:9]] == [("rul", "VBG"), ("out", "RP"),
                                                     ("ground", "NN"), ("forc", "NNS")]


def test_tokens_go_to_their_sentence_with_its_stored_text() -> None:
    """Two paragraphs parsed truecased: each token lands in the stored sentence it is in,
    with offsets in that sentence and its text as stored (lower case)."""
    first, second = make_doc(SEMICOLON), make_doc(RULING_OUT)
    stored = {0: (first.text.lower(), 0), 1: (second.text.lower(), 40)}
    found = sentence_tokens(stored, [(0, first), (40, second)])
    assert [t.text for t in found[0]][:2] == ["kerry", "said"]
    assert [(t.text, t.start, t.key) for t in found[1][:2]] == [("it", 0, "it"),
                                                                ("created", 3, "creat")]


RELATIVE_THAT = [
    ("They", "they", "PRON", "PRP", "nsubj", 1), ("refrain", "refrain", "VERB", "VBP", "ROOT", 1),
    ("from", "from", "ADP", "IN", "prep", 1), ("doing", "do", "VERB", "VBG", "pcomp", 2),
    ("things", "thing", "NOUN", "NNS", "dobj", 3), ("that", "that", "PRON", "WDT", "nsubj", 6),
    ("affect", "affect", "VERB", "VBP", "relcl", 4), ("peace", "peace", "NOUN", "NN", "dobj", 6),
    (".", ".", "PUNCT", ".", "punct", 1),
]
DO_THAT = [
    ("They", "they", "PRON", "PRP", "nsubj", 2), ("will", "will", "AUX", "MD", "aux", 2),
    ("do", "do", "VERB", "VB", "ROOT", 2), ("that", "that", "PRON", "DT", "dobj", 2),
    (".", ".", "PUNCT", ".", "punct", 2),
]


@pytest.mark.parametrize(("rows", "refers_back"), [(RELATIVE_THAT, False), (DO_THAT, True)])
def test_a_relative_that_ends_the_clause_so_doing_things_that_is_no_anaphor(
        rows: list[tuple[str, str, str, str, str, int]], refers_back: bool) -> None:
    """Regression: "refrain from doing things that affect peace" matched the anaphor cue
    "do that" and took the previous sentence's topic; the parser tags that "that" WDT."""
    text, tokens = tokens_of(rows)
    start, end = clause_window(tokens, token_at(tokens, text.index("do")))
    assert bool(default_lexicon().cue("anaphor", tokens, start, end)) == refers_back


# "Troops are expected to be sent, and Chad will withdraw the 900 troops it sent after
# talks end."  (heads as spaCy gives them)
EXPECTED_SENT = [
    ("Troops", "troop", "NOUN", "NNS", "nsubjpass", 2), ("are", "be", "AUX", "VBP", "auxpass", 2),
    ("expected", "expect", "VERB", "VBN", "ROOT", 2), ("to", "to", "PART", "TO", "aux", 6),
    ("be", "be", "AUX", "VB", "auxpass", 6), ("sent", "send", "VERB", "VBN", "xcomp", 2),
    ("now", "now", "ADV", "RB", "advmod", 5),
    (",", ",", "PUNCT", ",", "punct", 2), ("and", "and", "CCONJ", "CC", "cc", 2),
    ("Chad", "Chad", "PROPN", "NNP", "nsubj", 11), ("will", "will", "AUX", "MD", "aux", 11),
    ("withdraw", "withdraw", "VERB", "VB", "conj", 2), ("the", "the", "DET", "DT", "det", 14),
    ("900", "900", "NUM", "CD", "nummod", 14), ("troops", "troop", "NOUN", "NNS", "dobj", 11),
    ("it", "it", "PRON", "PRP", "nsubj", 16), ("sent", "send", "VERB", "VBD", "relcl", 14),
    ("after", "after", "SCONJ", "IN", "mark", 19), ("talks", "talk", "NOUN", "NNS", "nsubj", 19),
    ("end", "end", "VERB", "VBP", "advcl", 11), (".", ".", "PUNCT", ".", "punct", 2),
]


@pytest.mark.parametrize(("index", "words"), [
    # an open complement is read up to its governor, with its subject
    (5, "Troops are expected to be sent now , and Chad will withdraw the 900 troops it sent "
        "after talks end ."),
    # a coordinated verb brings the verb before it, and that verb's arguments only
    (11, "Troops are expected Chad will withdraw the 900 troops it sent after talks end"),
    # a relative clause brings the noun it describes and that noun's modifiers
    (16, "the 900 troops it sent"),
    # an adjunct clause is its own
    (19, "after talks end"),
])
def test_clause_of_the_parse(index: int, words: str) -> None:
    _, tokens = tokens_of(EXPECTED_SENT)
    clause = clause_of(tokens, index)
    assert clause is not None
    assert " ".join(tokens[at].text for at in sorted(clause)) == words


def test_no_clause_without_a_parse() -> None:
    assert clause_of([Token("Troops", "troop", 0, 6)], 0) is None
