"""Topic and cue lexicons: small TSV files, validated on load, matched on lemma keys.

    topic <TAB> phrase     redshank/data/positions/topics.tsv (ground troops, airstrikes, ...)
    cue <TAB> phrase       redshank/data/positions/cues.tsv (hedges, refusals, speech,
                           troop nouns and changes, ...), coalition-cues.tsv (coalition
                           senses, forces, membership words)

A file says which it is by its header line (`topic<TAB>phrase` or `cue<TAB>phrase`); users
add their own files of either kind. Errors name the file and line (`DataFileError`).
Phrases are written as lemmas ("leave open the possibility") and matched on the spaCy
lemmas of the text, both reduced by `lemma_key` (redshank/positions/tokens.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from redshank.errors import DataFileError
from redshank.positions.tokens import Token, lemma_key

PACKAGED_FILES = ("topics.tsv", "cues.tsv", "coalition-cues.tsv")
CUE_KINDS = frozenset({
    "hedge", "refusal", "refusal-negation", "intention", "offer", "request", "speech",
    "first-person", "anaphor", "coalition", "campaign", "form", "join", "target",
    "fallback-topic", "stop", "receive", "scrutiny", "agent",
    # coalitions and their members (membership.py)
    "not-alliance", "force", "naval-asset", "air-asset", "police-asset", "ground-asset",
    "command-asset", "multinational", "part-of", "partner", "definite", "leave", "include",
    "command", "commands", "commanded-by",
    # troop facts (troops.py)
    "troop-noun", "troop-group", "withdraw", "depart", "arrive", "reduce", "increase", "deploy",
    "station", "remain", "deadline", "plan", "reject", "demand", "harm",
})  # fmt: skip
MAX_GAP_WORDS = 2
TOPICS = "topic"
_TOPIC_NAME = re.compile(r"^[a-z][a-z0-9-]*$")
_SIGNAL = re.compile(r"^@([A-Z]+)(?:/([\w-]*))?(?:/([\w;-]*))?$")


@dataclass(frozen=True, slots=True)
class Phrase:
    """One lexicon entry: its label (topic or cue kind), words to match, and where it is."""

    label: str
    text: str
    words: tuple[str, ...]
    source: str

    def matches_word(self, position: int, token: Token) -> bool:
        word = self.words[position]
        return token.form == word if word.startswith("=") else token.key == word


@dataclass(frozen=True, slots=True)
class EventSignal:
    """A topic given by an event's PLOVER type, mode and context ('@ASSAULT/aerial')."""

    topic: str
    event: str
    mode: str | None
    context: str | None
    source: str

    def fits(self, event: str, mode: str | None, context: Sequence[str]) -> bool:
        return (event == self.event and (not self.mode or mode == self.mode)
                and (not self.context or self.context in context))


@dataclass(frozen=True, slots=True)
class Match:
    """A phrase found in a token list: tokens [first, last] and its character span."""

    phrase: Phrase
    first: int
    last: int
    start: int
    end: int

    @property
    def size(self) -> int:
        return self.last - self.first + 1


@dataclass(slots=True)
class Lexicon:
    """All topic phrases, event signals and cues, by label."""

    topics: list[Phrase] = field(default_factory=list)
    signals: list[EventSignal] = field(default_factory=list)
    cues: dict[str, list[Phrase]] = field(default_factory=dict)
    fallback_topics: frozenset[str] = frozenset()
    _by_first_word: dict[str, dict[str, list[Phrase]]] = field(default_factory=dict)

    @property
    def topic_names(self) -> list[str]:
        names = [p.label for p in self.topics] + [s.topic for s in self.signals]
        return sorted(set(names))

    def _index(self, group: str) -> dict[str, list[Phrase]]:
        """Phrases of a group (TOPICS or a cue kind) by their first word."""
        if group not in self._by_first_word:
            index: dict[str, list[Phrase]] = {}
            for phrase in self.topics if group == TOPICS else self.cues.get(group, []):
                index.setdefault(phrase.words[0], []).append(phrase)
            self._by_first_word[group] = index
        return self._by_first_word[group]

    def find(self, tokens: Sequence[Token], group: str, start: int = 0,
             end: int | None = None) -> list[Match]:
        """Every occurrence of a group's phrases (TOPICS or a cue kind) in
        tokens[start:end], in text order."""
        index = self._index(group)
        end = len(tokens) if end is None else end
        window = tokens[start:end]
        if not any(t.key in index or t.form in index for t in window):
            return []
        words = [i for i, t in enumerate(window, start) if t.is_word]
        found: list[Match] = []
        for at, position in enumerate(words):
            token = tokens[position]
            for phrase in (*index.get(token.key, ()), *index.get(token.form, ())):
                last = _match_rest(phrase, tokens, words, at)
                if last is not None:
                    found.append(Match(phrase, position, last, token.start, tokens[last].end))
        return sorted(found, key=lambda m: (m.first, -m.size))

    def cue(self, kind: str, tokens: Sequence[Token], start: int = 0,
            end: int | None = None) -> list[Match]:
        """Occurrences of cues of one kind in tokens[start:end]."""
        return self.find(tokens, kind, start, end)

    def topics_in(self, tokens: Sequence[Token], start: int = 0,
                  end: int | None = None) -> list[Match]:
        """Topic phrases in tokens[start:end], longest first, never two on one word."""
        taken: set[int] = set()
        kept: list[Match] = []
        for match in sorted(self.find(tokens, TOPICS, start, end),
                            key=lambda m: (-m.size, m.first)):
            covered = set(range(match.first, match.last + 1))
            if not covered & taken:
                taken |= covered
                kept.append(match)
        return sorted(kept, key=lambda m: m.first)

    def signal_topics(self, event: str, mode: str | None, context: Sequence[str]
                      ) -> list[EventSignal]:
        """Topics an event's type, mode and context give."""
        return [s for s in self.signals if s.fits(event, mode, context)]


def _match_rest(phrase: Phrase, tokens: Sequence[Token], words: list[int], at: int
                ) -> int | None:
    """Token index of the phrase's last word when its other words follow words[at]."""
    position, last = 1, words[at]
    cursor = at + 1
    while position < len(phrase.words):
        gap = 0
        while cursor < len(words) and not phrase.matches_word(position, tokens[words[cursor]]):
            gap += 1
            cursor += 1
            if gap > MAX_GAP_WORDS:
                return None
        if cursor >= len(words):
            return None
        last = words[cursor]
        position += 1
        cursor += 1
    return last


def _phrase_words(text: str) -> tuple[str, ...]:
    return tuple(word.lower().replace("’", "'") if word.startswith("=") else lemma_key(word)
                 for word in text.split() if any(c.isalnum() for c in word))


def parse_lexicon(text: str, *, path: str, into: Lexicon | None = None) -> Lexicon:
    """Add the entries of one topics or cues file to `into` (a new lexicon by default)."""
    lexicon = into if into is not None else Lexicon()
    kind: str | None = None
    seen: dict[tuple[str, str], str] = {}
    fallback = set(lexicon.fallback_topics)
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 2 or not fields[0].strip() or not fields[1].strip():
            raise DataFileError("expected 2 tab-separated fields: label, phrase", path=path,
                                line=number)
        label, phrase = fields[0].strip(), fields[1].strip()
        if kind is None:
            if (label, phrase) not in (("topic", "phrase"), ("cue", "phrase")):
                raise DataFileError("the first line must be the header 'topic<TAB>phrase' or "
                                    "'cue<TAB>phrase'", path=path, line=number)
            kind = label
            continue
        source = f"{Path(path).name}:{number}"
        if (label, phrase) in seen:
            raise DataFileError(f"duplicate entry {label!r} {phrase!r} (first at "
                                f"{seen[(label, phrase)]})", path=path, line=number)
        seen[(label, phrase)] = source
        if kind == "topic":
            _add_topic(lexicon, label, phrase, path, number, source)
        elif label not in CUE_KINDS:
            raise DataFileError(f"unknown cue kind {label!r}; use one of "
                                f"{', '.join(sorted(CUE_KINDS))}", path=path, line=number)
        elif label == "fallback-topic":
            fallback.add(phrase)
        else:
            words = _phrase_words(phrase)
            if not words:
                raise DataFileError(f"cue {phrase!r} has no words", path=path, line=number)
            lexicon.cues.setdefault(label, []).append(Phrase(label, phrase, words, source))
    if kind is None:
        raise DataFileError("empty lexicon file: expected a header 'topic<TAB>phrase' or "
                            "'cue<TAB>phrase'", path=path)
    lexicon.fallback_topics = frozenset(fallback)
    lexicon._by_first_word.clear()
    return lexicon


def _add_topic(lexicon: Lexicon, topic: str, phrase: str, path: str, number: int,
               source: str) -> None:
    if not _TOPIC_NAME.match(topic):
        raise DataFileError(f"topic name {topic!r} must be lower-case words joined by '-'",
                            path=path, line=number)
    if phrase.startswith("@"):
        signal = _SIGNAL.match(phrase)
        if not signal:
            raise DataFileError(f"event signal {phrase!r} must look like @EVENT/mode/context "
                                "(e.g. @ASSAULT/aerial, @AID//humanitarian)", path=path,
                                line=number)
        event, mode, context = signal.groups()
        lexicon.signals.append(EventSignal(topic, event, mode or None, context or None, source))
        return
    words = _phrase_words(phrase)
    if not words:
        raise DataFileError(f"topic phrase {phrase!r} has no words", path=path, line=number)
    lexicon.topics.append(Phrase(topic, phrase, words, source))


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(f"cannot read the lexicon: {exc.strerror}", path=str(path)) from exc
    except UnicodeDecodeError as exc:
        raise DataFileError(f"not UTF-8 at byte {exc.start}", path=str(path)) from exc


def load_lexicon(extra_paths: Sequence[str | Path] = ()) -> Lexicon:
    """The packaged topic and cue files plus the user's, validated."""
    if not extra_paths:
        return default_lexicon()
    lexicon = Lexicon()
    for name in PACKAGED_FILES:
        parse_lexicon(_packaged_text(name), path=name, into=lexicon)
    for extra in extra_paths:
        parse_lexicon(_read(Path(extra)), path=str(extra), into=lexicon)
    _check_fallbacks(lexicon, ", ".join(str(p) for p in extra_paths))
    return lexicon


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The packaged lexicons, loaded once per process."""
    lexicon = Lexicon()
    for name in PACKAGED_FILES:
        parse_lexicon(_packaged_text(name), path=name, into=lexicon)
    _check_fallbacks(lexicon, "cues.tsv")
    return lexicon


def _packaged_text(name: str) -> str:
    return resources.files("redshank.data").joinpath("positions", name).read_text(
        encoding="utf-8")


def _check_fallbacks(lexicon: Lexicon, path: str) -> None:
    unknown = sorted(lexicon.fallback_topics - set(lexicon.topic_names))
    if unknown:
        raise DataFileError(f"fallback-topic {', '.join(unknown)} is not a topic of any "
                            "topics file", path=path)
