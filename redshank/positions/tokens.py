"""The words positions are read on: a sentence's spaCy tokens with lemma keys and clause
windows.

Tokens come from the spaCy parse (the pipeline's own, or a parse of stored text:
redshank/positions/stage.py), with their character offsets in the sentence and their text
cut from the sentence as stored (the original, where a lower-case document was parsed
truecased). `lemma_key` is what lexicon phrases and spaCy lemmas are both reduced to, so
that a noun and its verb share a key ("training" the noun and "train", "funding" and
"fund") and entries can be written as plain lemmas.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Token as SpacyToken

_VOWELS = set("aeiouy")
# Keys of function words that a stripped content word must not collide with ("note" is
# not "not").
RESERVED_KEYS = frozenset({"not", "no", "be", "do", "to", "on", "at", "for", "will", "can"})
CLAUSE_PUNCTUATION = frozenset(";:()–—")
CLAUSE_WORDS = frozenset(
    "but although though while whereas however because which who whom whose despite "
    "without unless".split())
# Words that open a list or what something is made of, not a clause (", including ...",
# "a force, comprising troops from ..."; "made up of" is not a VBG and never a boundary).
LIST_WORDS = frozenset("including such like notably especially particularly comprising "
                       "consisting containing numbering totalling totaling".split())
PARTICIPLE_TAG = "VBG"
RELATIVE_TAG = "WDT"  # a relative "that" ("things that affect peace"), not "do that"
# Dependencies a clause of the parse is read up through: open complements share their
# governor's subject ("Troops are expected to be sent").
RAISING_DEPS = frozenset({"xcomp"})
# Clauses that describe a noun ("the troops it sent", "troops sent by Britain").
DESCRIBING_DEPS = frozenset({"relcl", "acl"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# The arguments of a verb coordinated with the trigger's that are read with it ("will
# withdraw its troops from Chad and send soldiers to Congo"); not its adjuncts.
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "aux", "auxpass", "neg", "prt",
                           "dative", "prep", "agent"})
NOUN_MODIFIER_DEPS = frozenset({"amod", "compound", "nummod", "nmod", "poss", "det"})


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation mark: its text, lemma key, offsets in the sentence, PTB tag,
    and its syntactic head (index in the sentence's tokens: its own for a root, -1 when not
    parsed or outside the sentence) with the dependency label.

    `form` is the text as an exact-form lexicon entry writes it ("=arms"), `is_word`
    whether it is a word (not punctuation); both are set once, as every cue lookup reads
    them."""

    text: str
    key: str
    start: int
    end: int
    tag: str = ""
    head: int = -1
    dep: str = ""
    form: str = field(init=False, repr=False, compare=False)
    is_word: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "form", "=" + self.text.lower().replace("’", "'"))
        object.__setattr__(self, "is_word", self.text[0].isalnum() or self.text[0] in "'’")


@lru_cache(maxsize=1 << 16)  # news reuses its words: most calls are repeats
def lemma_key(lemma: str) -> str:
    """The key of a lemma: lower case, plural and -ing/-ed stripped, final e dropped."""
    word = lemma.lower().replace("’", "'")
    key = _stripped(word)
    return key + "e" if key in RESERVED_KEYS and key != word else key


def _stripped(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif word.endswith(("sses", "shes", "ches", "xes")):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3 and _VOWELS & set(stem):
            if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "lsz" + "aeiou":
                stem = stem[:-1]
            word = stem
            break
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


def parsed_token(token: SpacyToken, text: str, start: int, head: int = -1) -> Token:
    """A spaCy token of a sentence: `text` is the sentence as stored, `start` where the
    token starts in it, `head` the index of its head among the sentence's tokens."""
    end = start + len(token.text)
    return Token(text[start:end], lemma_key(token.lemma_ or token.text), start, end, token.tag_,
                 head, token.dep_)


def clause_of(tokens: Sequence[Token], index: int) -> frozenset[int] | None:
    """Indices of the words the parse puts in the clause of the word at `index`: the
    subtree of its clause head, reached up through open complements ("wants to withdraw",
    "are expected to be sent"), with the verbs it is coordinated with and their arguments,
    and with the noun a relative or participle clause describes and that noun's modifiers
    ("the 900 British troops it will withdraw"). What another verb governs (a sentence's
    main clause, a clause of saying, a time or reason adjunct of another verb) is
    outside, and so is what an apposition or a relative clause says of the clause's
    subject ("Egypt, a producer of the weapons, backed the ban"). None when the sentence
    was not parsed."""
    at = clause_head(tokens, index)
    if at is None:
        return None
    children = _children(tokens)
    found = set(_subtree(children, at))
    for number in list(found):  # what the clause says of its subject is not its own words
        head = tokens[number].head
        if tokens[number].dep in DESCRIBING_DEPS | {"appos"} and head != number and \
                tokens[head].dep in SUBJECT_DEPS and tokens[head].head == at:
            described = _subtree(children, number)
            if index not in described:
                found.difference_update(described)
    while tokens[at].dep == "conj" and (head := _head(tokens, at)) is not None:
        at = head  # a verb coordinated with the trigger's, with its arguments
        found.add(at)
        for argument in children.get(at, ()):
            if tokens[argument].dep in ARGUMENT_DEPS:
                found.update(_subtree(children, argument))
    noun = _head(tokens, at)
    if tokens[at].dep in DESCRIBING_DEPS and noun is not None and noun != at:
        found.add(noun)
        for modifier in children.get(noun, ()):
            if tokens[modifier].dep in NOUN_MODIFIER_DEPS:
                found.update(_subtree(children, modifier))
    return frozenset(found)


def clause_head(tokens: Sequence[Token], index: int) -> int | None:
    """The head of the clause of the word at `index`, reached up through open complements
    ("wants to withdraw": "wants"); None when the sentence was not parsed."""
    if _head(tokens, index) is None:
        return None
    at = index
    while tokens[at].dep in RAISING_DEPS and (head := _head(tokens, at)) not in (None, at):
        at = head
    return at


def subtree_span(tokens: Sequence[Token], index: int) -> tuple[int, int] | None:
    """First and last token of the parse's subtree of the word at `index` ("during" ->
    "during his election campaign"); None when the sentence was not parsed."""
    if _head(tokens, index) is None:
        return None
    found = _subtree(_children(tokens), index)
    return min(found), max(found)


def _head(tokens: Sequence[Token], index: int) -> int | None:
    """The index of the word's head in the sentence; None when not parsed or outside."""
    head = tokens[index].head
    return head if 0 <= head < len(tokens) else None


def _children(tokens: Sequence[Token]) -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for number in range(len(tokens)):
        if (head := _head(tokens, number)) not in (None, number):
            children.setdefault(head, []).append(number)
    return children


def _subtree(children: dict[int, list[int]], root: int) -> list[int]:
    found, todo = [], [root]
    while todo:
        at = todo.pop()
        found.append(at)
        todo.extend(children.get(at, ()))
    return found


def lemma_tokens(lemmas: Sequence[str]) -> list[Token]:
    """Tokens of words known only by their lemmas (an event's auxiliary cue)."""
    found, start = [], 0
    for lemma in lemmas:
        found.append(Token(lemma, lemma_key(lemma), start, start + len(lemma)))
        start += len(lemma) + 1
    return found


def token_at(tokens: list[Token], offset: int) -> int | None:
    """Index of the token covering (or first starting after) character `offset`."""
    for index, token in enumerate(tokens):
        if token.end > offset:
            return index
    return None


def _is_boundary(tokens: list[Token], index: int) -> bool:
    token = tokens[index]
    if token.text in CLAUSE_PUNCTUATION or token.text == "-":
        return True
    if token.text == ",":
        return _participle_follows(tokens, index + 1)
    return token.text.lower() in CLAUSE_WORDS or token.tag == RELATIVE_TAG


def _participle_follows(tokens: list[Token], index: int) -> bool:
    """True when tokens[index] opens a participial clause (", ruling out ...",
    ", calling for ..."), not a list item (", training and equipping")."""
    if index + 1 >= len(tokens):
        return False
    word, after = tokens[index], tokens[index + 1]
    return (word.tag == PARTICIPLE_TAG and word.text.lower() not in LIST_WORDS
            and after.is_word and after.text.lower() not in ("and", "or"))


def clause_window(tokens: list[Token], index: int) -> tuple[int, int]:
    """Token range [start, end) of the clause around token `index`.

    Clauses end at ; : ( ) dashes, at conjunctions and relative words (but, although,
    which, who, without, ..., and "that" the parser tags relative) and at a comma before a
    participle (", ruling out ...");
    other commas do not end them, so lists stay whole ("help, including training and
    equipping").
    """
    start = index
    while start > 0 and not _is_boundary(tokens, start - 1):
        start -= 1
    end = index + 1
    while end < len(tokens) and not _is_boundary(tokens, end):
        end += 1
    if start > 0 and tokens[start - 1].text.lower() == "without":
        start -= 1
    return start, end
