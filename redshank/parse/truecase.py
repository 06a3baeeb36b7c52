"""Truecase all-lower-case documents before parsing, and show users the original text after.

Some feeds arrive in lower case ("police arrested three men in lahore on tuesday"); the
parser, the actor dictionaries and the date and place finders all read capitals. A
document is *lower case* when fewer than 1 in 200 of its ASCII letters is a capital
(`MAX_UPPER_SHARE`; news has about 1 in 25, the least capitalised of 5,720 Wikinews
articles 1 in 95). Such a document is parsed from a truecased copy: each word takes its
usual form from the packaged table (`redshank/data/truecase/truecase.txt`, longest phrase
first: "new york" -> "New York", "the us" -> "the US"), sentences start with a capital and
"i" is "I". Truecasing only raises letters to capitals (never lowers one the text has) and
keeps the text's length, so every character offset is the same in both copies.

The stored document, the sentences, the actors' text, the triggers and the date texts of the
result are cut from the original again (`restore_original_text`); only names the coder
derived (dictionary names, prose notes) show the truecased spelling.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from redshank.errors import DataFileError
from redshank.model import Actor, DocumentResult, Span
from redshank.parse.paragraphs import Paragraph

MAX_UPPER_SHARE = 0.005
TABLE_FILE = "truecase.txt"
# A word: letters and digits, with inner periods and hyphens ("u.s", "al-qaeda", "3.5").
WORD = re.compile(r"\w+(?:[.\-]\w+)*")
# What may stand between the words of a phrase: spaces and nothing else.
PHRASE_GAP = re.compile(r"[ \t]+")
# Between a sentence's end mark and the next sentence's first word, or before a quotation
# that starts a sentence ('she said, "we will').
SENTENCE_GAP = re.compile(r"""["'”’)\]]*[.!?]+["'”’)\]]*\s+["'“‘(\[]*|[:,]\s+["“]""")
PARAGRAPH_GAP = re.compile(r"\n[ \t\r\f\v]*\n")
_ASCII_UPPER = bytes(range(ord("A"), ord("Z") + 1))
_ASCII_LOWER = bytes(range(ord("a"), ord("z") + 1))


def is_lower_case(text: str) -> bool:
    """True when fewer than `MAX_UPPER_SHARE` of the text's ASCII letters are capitals.

    Runs on every document, so it counts in C: two byte deletions over the ASCII text.
    """
    data = text.encode("ascii", "ignore")
    upper = len(data) - len(data.translate(None, _ASCII_UPPER))
    lower = len(data) - len(data.translate(None, _ASCII_LOWER))
    return lower > 0 and upper < MAX_UPPER_SHARE * (upper + lower)


@dataclass(frozen=True, slots=True)
class TruecaseTable:
    """Usual forms of words and phrases, keyed by their lower case, and the abbreviations."""

    words: dict[str, str]
    phrases: dict[str, tuple[str, ...]]
    longest_phrase: dict[str, int]
    abbreviations: frozenset[str]

    def form(self, word: str) -> str:
        """The usual form of one word (a hyphenated one part by part if not listed whole)."""
        lower = word.lower()
        form = self.words.get(lower)
        if form is not None:
            return form
        if lower == "i":
            return "I"
        if "-" in lower:
            return "-".join(self.words.get(part, part) for part in lower.split("-"))
        return word


def parse_table(lines: list[str], path: str) -> TruecaseTable:
    """A table from its lines: one form a line (see the data folder's README); `#` comments."""
    words: dict[str, str] = {}
    phrases: dict[str, tuple[str, ...]] = {}
    abbreviations: set[str] = set()
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        form = line.removesuffix(".") if " " not in line else line
        parts = tuple(form.split(" "))
        if any(WORD.fullmatch(part) is None for part in parts):
            raise DataFileError(f"{line!r} is not a word or words separated by one space",
                                path=path, line=number)
        if any(len(part.lower()) != len(part) for part in parts):
            raise DataFileError(f"{line!r} changes length in lower case", path=path, line=number)
        key = form.lower()
        if key in words or key in phrases:
            raise DataFileError(f"{key!r} is listed twice", path=path, line=number)
        if len(parts) > 1:
            phrases[key] = parts
        else:
            words[key] = form
            if line.endswith("."):
                abbreviations.add(key)
    longest: dict[str, int] = {}
    for key, parts in phrases.items():
        first = key.split(" ", 1)[0]
        longest[first] = max(longest.get(first, 0), len(parts))
    return TruecaseTable(words, phrases, longest, frozenset(abbreviations))


@lru_cache(maxsize=1)
def load_table() -> TruecaseTable:
    """The packaged truecasing table, read once."""
    source = resources.files("redshank.data") / "truecase" / TABLE_FILE
    text = source.read_text(encoding="utf-8")
    return parse_table(text.splitlines(), str(Path("redshank/data/truecase") / TABLE_FILE))


def truecase(text: str, table: TruecaseTable | None = None) -> str:
    """`text` with the usual capitals of its words and sentences; same length, never lowered."""
    table = table or load_table()
    matches = list(WORD.finditer(text))
    forms = _word_forms(text, matches, table)
    chars = list(text)
    for match, form, initial in zip(matches, forms, _sentence_initial(text, matches, table),
                                    strict=True):
        if initial:
            form = _capitalised(form)
        start = match.start()
        for index, (char, wanted) in enumerate(zip(match.group(), form, strict=False)):
            if char != wanted and char.islower() and wanted.lower() == char:
                chars[start + index] = wanted
    return "".join(chars)


def truecase_if_lower(text: str) -> str:
    """The truecased text if the document is lower case (`is_lower_case`), else `text` itself."""
    return truecase(text) if is_lower_case(text) else text


def _word_forms(text: str, matches: list[re.Match[str]], table: TruecaseTable) -> list[str]:
    """Each word's usual form: its own, overridden by the listed phrases it is part of, the
    longer phrase winning where two overlap ("accused the United" and "United States")."""
    forms = [table.form(match.group()) for match in matches]
    hits = [(len(phrase), index, phrase) for index in range(len(matches))
            for phrase in _phrases_at(text, matches, index, table)]
    for _, index, phrase in sorted(hits, key=lambda hit: hit[0]):
        forms[index : index + len(phrase)] = phrase
    return forms


def _phrases_at(text: str, matches: list[re.Match[str]], index: int,
                table: TruecaseTable) -> list[tuple[str, ...]]:
    """The forms of every listed phrase of words (only spaces between) from `index`."""
    longest = table.longest_phrase.get(matches[index].group().lower(), 0)
    found: list[tuple[str, ...]] = []
    key = matches[index].group().lower()
    for end in range(index + 1, min(index + longest, len(matches))):
        if PHRASE_GAP.fullmatch(text[matches[end - 1].end() : matches[end].start()]) is None:
            break
        key = f"{key} {matches[end].group().lower()}"
        phrase = table.phrases.get(key)
        if phrase is not None:
            found.append(phrase)
    return found


def _sentence_initial(text: str, matches: list[re.Match[str]],
                      table: TruecaseTable) -> list[bool]:
    """For each word, whether it starts a sentence (after an end mark or a blank line)."""
    initial: list[bool] = []
    previous: re.Match[str] | None = None
    for match in matches:
        if previous is None:
            starts = not text[: match.start()].strip("\"'“‘([ \t\n")
        else:
            gap = text[previous.end() : match.start()]
            ends = SENTENCE_GAP.fullmatch(gap) is not None and not (
                gap.startswith(".") and previous.group().lower() in table.abbreviations)
            starts = ends or PARAGRAPH_GAP.search(gap) is not None
        initial.append(starts)
        previous = match
    return initial


def _capitalised(form: str) -> str:
    first = form[:1].upper()
    return first + form[1:] if len(first) == 1 else form


def restore_original_text(result: DocumentResult, paragraphs: list[Paragraph]) -> DocumentResult:
    """`result` with the texts it cut from truecased paragraphs cut from the original again.

    Sentences, events' sentences, actors' text, triggers and date texts are slices of the
    parsed text; where that text was truecased they are replaced by the same slice of the
    document's own text. A result whose paragraphs are the document's text is returned as is.
    """
    original = result.document.text
    changed = [p for p in paragraphs if original[p.offset : p.offset + len(p.text)] != p.text]
    if not changed:
        return result
    pieces = list(original)
    for paragraph in changed:
        pieces[paragraph.offset : paragraph.offset + len(paragraph.text)] = paragraph.text
    recut = _Recut(original, "".join(pieces))
    for sentence in result.sentences:
        sentence.text = recut.span(sentence.text, sentence.span)
    actors = {id(actor): actor for actor in result.actors}
    for event in result.events:
        event.sentence = recut.span(event.sentence, event.sentence_span)
        event.evidence.trigger = recut.span(event.evidence.trigger, event.evidence.span)
        if event.date_text:
            event.date_text = recut.near(event.date_text, event.sentence_span)
        speaker = [event.quote.speaker] if event.quote and event.quote.speaker else []
        for actor in (*event.actor, *event.recipient, *speaker):
            actors[id(actor)] = actor
    for actor in actors.values():
        actor.text = recut.actor(actor)
    return result


@dataclass(frozen=True, slots=True)
class _Recut:
    """Cut texts taken from the truecased copy out of the original instead (same offsets)."""

    original: str
    truecased: str

    def span(self, text: str, span: Span | None) -> str:
        """The original of `text` found at `span` (a longer text: its start), else searched."""
        if span is None:
            return self.near(text, None)
        cut = self.truecased[span.start : span.end]
        if text.startswith(cut):
            rest = text[len(cut):]
            return self.original[span.start : span.end] + (self.near(rest, span) if rest else "")
        return self.near(text, span)

    def near(self, text: str, span: Span | None) -> str:
        """The original of `text`, found first from `span`'s start, then anywhere; else `text`."""
        start = self.truecased.find(text, span.start) if span else -1
        if start < 0:
            start = self.truecased.find(text)
        return self.original[start : start + len(text)] if start >= 0 else text

    def actor(self, actor: Actor) -> str:
        return self.span(actor.text, actor.span)
