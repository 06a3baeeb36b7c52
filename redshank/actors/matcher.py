"""Dictionary names compiled to token sequences, and longest-match lookup over a parsed Doc.

Names are tokenized with the same spaCy tokenizer as the text, so "al-Maliki" or "U.S."
match exactly as they tokenize. Keys are lower case with curly quotes straightened. A
plural noun also matches a nationality by its singular ("Liberians" -> "Liberian"), since
dictionaries list demonyms in the singular. The compiled index is cached on disk
(REDSHANK_CACHE_DIR, default ~/.cache/redshank), keyed by the dictionary's content hash and
the tokenizer, because tokenizing every name takes seconds.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import spacy
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from redshank.actors.dictionary import ActorDictionary
from redshank.actors.entries import ActorEntry, AgentEntry
from redshank.cache import cache_dir

log = logging.getLogger(__name__)

INDEX_VERSION = "2"
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00b4": "'"})
# Dotted initials whose last dot is missing ("U.N force", "the U.S army"): news often drops
# it, and the dictionaries write the initials with it ("U.N.").
_OPEN_INITIALS = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")
_HYPHEN_SUFFIX = re.compile(r"^(?P<prefix>.*[A-Za-z.])-(?P<suffix>[a-z]+)$")
# The tagger often reads a capitalised plural ("Britons") as a singular proper noun.
PLURAL_TAGS = frozenset({"NNS", "NNPS", "NNP"})

Tokenize = Callable[[Sequence[str]], list[list[str]]]


def token_key(text: str) -> str:
    """The lookup form of a token: lower case, straight quotes, dotted initials closed
    ("U.N" is "u.n.")."""
    key = text.translate(_QUOTES).lower()
    return key + "." if "." in key and _OPEN_INITIALS.match(key) else key


@dataclass(frozen=True, slots=True)
class Hit:
    """A dictionary name found in a paragraph: tokens [start, end), its entry, its characters."""

    start: int
    end: int
    entry: ActorEntry | AgentEntry
    char_start: int
    char_end: int

    @property
    def is_agent(self) -> bool:
        return isinstance(self.entry, AgentEntry)


@dataclass(slots=True)
class PhraseIndex:
    """Token-sequence keys -> (entry number, acronym mask); first token -> longest length."""

    phrases: dict[tuple[str, ...], tuple[int, int]]
    longest: dict[str, int]
    entries: list[ActorEntry | AgentEntry]

    def find(self, doc: Doc) -> list[Hit]:
        """Leftmost-longest matches that pass the case and part-of-speech rules."""
        keys: list[str] = []
        prefixes: list[str | None] = []
        singulars: list[str | None] = []
        lower_case = False
        for token in doc:
            text = token.text
            keys.append(token_key(text))
            prefixes.append(_hyphen_prefix(text))
            singulars.append(_singular(text, token.tag_))
            lower_case = lower_case or any(c.islower() for c in text)
        shouting = not lower_case
        hits: list[Hit] = []
        longest = self.longest
        i = 0
        while i < len(doc):
            if keys[i] not in longest and prefixes[i] is None and singulars[i] is None:
                i += 1  # no name starts with this word: most words of a paragraph
                continue
            hit = self._longest_at(doc, i, keys, prefixes, singulars, shouting)
            if hit is None:
                i += 1
                continue
            hits.append(hit)
            i = hit.end
        return hits

    def _longest_at(
        self,
        doc: Doc,
        i: int,
        keys: list[str],
        prefixes: list[str | None],
        singulars: list[str | None],
        shouting: bool,
    ) -> Hit | None:
        first = prefixes[i] if prefixes[i] is not None else keys[i]
        longest = max(
            self.longest.get(keys[i], 0),
            self.longest.get(token_key(first), 0),
            self.longest.get(singulars[i] or "", 0),
        )
        for length in range(min(longest, len(doc) - i), 0, -1):
            end = i + length
            candidates = [(tuple(keys[i:end]), False, False)]
            last = prefixes[end - 1]
            if last is not None:
                candidates.append(((*keys[i : end - 1], token_key(last)), True, False))
            singular = singulars[end - 1]
            if singular is not None:
                candidates.append(((*keys[i : end - 1], singular), False, True))
            for key, cut, plural in candidates:
                found = self.phrases.get(key)
                if found is None:
                    continue
                entry = self.entries[found[0]]
                if cut and not isinstance(entry, ActorEntry):
                    continue
                if plural and not _nationality(entry, singular or ""):
                    continue
                texts = [t.text for t in doc[i:end]]
                if cut:
                    texts[-1] = last or texts[-1]
                if not _case_ok(texts, found[1], entry, shouting) or not _pos_ok(
                    doc, i, end, entry
                ):
                    continue
                char_end = doc[end - 1].idx + len(texts[-1])
                return Hit(i, end, entry, doc[i].idx, char_end)
        return None


def _hyphen_prefix(text: str) -> str | None:
    """ "U.S.-led" -> "U.S."; None when the token is not NAME-lowercase."""
    match = _HYPHEN_SUFFIX.match(text)
    return match.group("prefix") if match else None


def _singular(text: str, tag: str) -> str | None:
    """The lookup form without its plural -s, for a capitalised plural noun ("Liberians")."""
    if tag not in PLURAL_TAGS or not text[:1].isupper() or len(text) < 4:
        return None
    if not text.endswith("s") or text.endswith("ss"):
        return None
    return token_key(text[:-1])


def _nationality(entry: ActorEntry | AgentEntry, singular: str) -> bool:
    """A country named by a nationality: a state entry with no sector and not a place.

    Singulars in -a are country names, not nationalities ("the Americas", "the Koreas").
    """
    return (
        isinstance(entry, ActorEntry)
        and entry.type == "state"
        and not entry.place
        and not singular.endswith("a")
        and all(r.sector is None for r in entry.roles)
    )


def _case_ok(texts: list[str], mask: int, entry: ActorEntry | AgentEntry, shouting: bool) -> bool:
    """Acronym words must be upper case (and not in all-caps text); names need a capital."""
    for position, text in enumerate(texts):
        if mask >> position & 1:
            if not text.isupper():
                return False
            if shouting and text.lower() in spacy.lang.en.stop_words.STOP_WORDS:
                return False
    if isinstance(entry, ActorEntry):
        return any(c.isupper() for text in texts for c in text)
    return True


def _pos_ok(doc: Doc, start: int, end: int, entry: ActorEntry | AgentEntry) -> bool:
    """An agent ends on a noun ("officials", not "official statement")."""
    if isinstance(entry, ActorEntry):
        return True
    tag = doc[end - 1].tag_
    return not tag or tag.startswith("NN")


def acronym_mask(tokens: Sequence[str]) -> int:
    """Bit i set when dictionary token i is an all-capital word of 2-4 letters."""
    mask = 0
    for position, text in enumerate(tokens):
        if text.isalpha() and text.isupper() and 2 <= len(text) <= 4:
            mask |= 1 << position
    return mask


def compile_index(dictionary: ActorDictionary, tokenize: Tokenize) -> PhraseIndex:
    """Tokenize every name; a name defined again later points to the later entry."""
    entries = dictionary.entries_in_load_order()
    flat: list[tuple[int, str]] = [(n, name) for n, e in enumerate(entries) for name in e.names]
    tokenized = tokenize([name for _, name in flat])
    phrases: dict[tuple[str, ...], tuple[int, int]] = {}
    longest: dict[str, int] = {}
    for (number, _), tokens in zip(flat, tokenized, strict=True):
        if not tokens:
            continue
        key = tuple(token_key(t) for t in tokens)
        phrases[key] = (number, acronym_mask(tokens))
        longest[key[0]] = max(longest.get(key[0], 0), len(key))
    return PhraseIndex(phrases, longest, entries)


def spacy_tokenize(tokenizer: Tokenizer) -> Tokenize:
    """A batch tokenizer over a spaCy tokenizer."""

    def tokenize(texts: Sequence[str]) -> list[list[str]]:
        return [[t.text for t in doc] for doc in tokenizer.pipe(texts, batch_size=2000)]

    return tokenize


def tokenizer_signature(tokenizer: Tokenizer) -> str:
    """What makes two tokenizers tokenize alike: spaCy's version and the serialized rules."""
    rules = hashlib.sha256(tokenizer.to_bytes(exclude=["vocab"])).hexdigest()
    return f"{spacy.__version__}|{rules}"


def load_index(
    dictionary: ActorDictionary, tokenizer: Tokenizer, *, use_cache: bool = True
) -> PhraseIndex:
    """The compiled index, from the cache when the dictionary and tokenizer are unchanged."""
    tokenize = spacy_tokenize(tokenizer)
    if not use_cache:
        return compile_index(dictionary, tokenize)
    key = hashlib.sha256(
        f"{INDEX_VERSION}|{dictionary.fingerprint}|{tokenizer_signature(tokenizer)}".encode()
    ).hexdigest()[:24]
    path = cache_dir() / f"actor-index-{key}.pickle"
    entries = dictionary.entries_in_load_order()
    try:
        with path.open("rb") as handle:
            phrases, longest, count = pickle.load(handle)
        if count == len(entries):
            return PhraseIndex(phrases, longest, entries)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError) as exc:
        log.debug("actor index cache miss at %s: %s", path, exc)
    index = compile_index(dictionary, tokenize)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        with temporary.open("wb") as handle:
            pickle.dump(
                (index.phrases, index.longest, len(entries)),
                handle,
                protocol=pickle.HIGHEST_PROTOCOL,
            )
        temporary.replace(path)
    except OSError as exc:
        log.warning("cannot write the actor index cache %s: %s", path, exc)
    return index
