"""Words of a sentence without a parser: tokens with offsets, crude lemmas, clause windows.

Positions are derived from stored events, long after the spaCy parse is gone, so words
are read again here with a small tokenizer. `word_key` is the crude lemma both the
lexicons and the text are reduced to: inflected forms share a key (troops/troop,
training/trained/train, forces/force, left/leave), so lexicon entries are written as
plain words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_TOKEN = re.compile(
    r"[^\W_]+?(?=n['’]t\b)"        # "do" of "don't", "wo" of "won't"
    r"|n['’]t\b"                   # the negation itself
    r"|['’](?:s|re|ve|ll|d|m)\b"   # clitics: 's 're 've 'll 'd 'm
    r"|(?:[^\W_]\.){2,}(?:-[^\W_]+)*"  # abbreviations: "U.S.", "U.S.-led"
    r"|[^\W_]+(?:[-.][^\W_]+)*"    # words: "al-Maliki", "co-operate"
    r"|[^\w\s]",                   # one punctuation mark
    re.IGNORECASE,
)
IRREGULAR = {
    "said": "say", "says": "say", "told": "tell", "left": "leave", "sent": "send",
    "built": "build", "struck": "strike", "sought": "seek", "brought": "bring",
    "gave": "give", "given": "give", "took": "take", "taken": "take", "made": "make",
    "is": "be", "are": "be", "was": "be", "were": "be", "been": "be", "being": "be",
    "am": "be", "'re": "be", "'m": "be", "has": "have", "had": "have", "'ve": "have",
    "does": "do", "did": "do", "n't": "not", "wo": "will", "ca": "can", "sha": "shall",
    "'ll": "will",
}  # fmt: skip
_VOWELS = set("aeiouy")
# Keys of function words that a stripped content word must not collide with ("note" is
# not "not").
RESERVED_KEYS = frozenset({"not", "no", "be", "do", "to", "on", "at", "for", "will", "can"})
CLAUSE_PUNCTUATION = frozenset(";:()–—")
CLAUSE_WORDS = frozenset(
    "but although though while whereas however because which who whom whose despite "
    "without unless".split())
LIST_WORDS = frozenset("including such like notably especially particularly".split())


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation mark: its text, crude lemma and offsets in the sentence."""

    text: str
    key: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum() or self.text[0] in "'’"


@lru_cache(maxsize=1 << 16)  # news reuses its words: most calls are repeats
def word_key(word: str) -> str:
    """The crude lemma of a word: lower case, plural and -ing/-ed stripped, final e dropped."""
    word = word.lower().replace("’", "'")
    word = IRREGULAR.get(word, word)
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


def tokenize(text: str) -> list[Token]:
    """The words and punctuation marks of `text` with their character offsets."""
    return [Token(m.group(), word_key(m.group()), m.start(), m.end())
            for m in _TOKEN.finditer(text)]


def words_of(phrase: str) -> list[str]:
    """The word texts of a phrase (punctuation dropped)."""
    return [token.text for token in tokenize(phrase) if token.is_word]


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
    return token.text.lower() in CLAUSE_WORDS


def _participle_follows(tokens: list[Token], index: int) -> bool:
    """True when tokens[index] opens a participial clause (", ruling out ...",
    ", calling for ..."), not a list item (", training and equipping")."""
    if index + 1 >= len(tokens):
        return False
    word, after = tokens[index], tokens[index + 1]
    return (word.is_word and len(word.text) > 5 and word.text.lower().endswith("ing")
            and word.text.lower() not in LIST_WORDS and after.is_word
            and after.text.lower() not in ("and", "or"))


def clause_window(tokens: list[Token], index: int) -> tuple[int, int]:
    """Token range [start, end) of the clause around token `index`.

    Clauses end at ; : ( ) dashes, at conjunctions and relative words (but, although,
    which, who, without, ...) and at a comma before a participle (", ruling out ...");
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
