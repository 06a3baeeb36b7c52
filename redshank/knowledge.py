"""Word classes and the PLOVER event-type table, read once from `redshank/data/`.

Every stage that needs a list of words ("calendar words", "speech verbs", "armed
sectors") or a property of an event type ("which family links it", "what a stated
refusal of it is coded as") asks here, so each fact is written in one file:

    redshank/data/words/*.words       word classes  (format: docs/architecture.md)
    redshank/data/plover/event_types.tsv   one row per PLOVER event type

Both are parsed on first use, validated (a `DataFileError` names file and line) and
cached for the life of the process.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

from redshank.errors import DataFileError

WORDS_DIR = "words"
EVENT_TABLE = "event_types.tsv"
_CLASS_HEADER = re.compile(r"^\[([a-z][a-z0-9_]*)\]$")


@dataclass(frozen=True, slots=True)
class WordClass:
    """A named list of words, in file order, with the comment that says what it is for."""

    name: str
    words: tuple[str, ...]
    description: str
    path: str
    line: int


@dataclass(frozen=True, slots=True)
class EventType:
    """What the code needs to know about one PLOVER event type (columns of event_types.tsv)."""

    name: str
    quad: int
    family: str
    mutual: bool
    located: bool
    refused_as: tuple[str, str | None] | None
    stated_future_as: tuple[str, str | None] | None
    stance: str | None
    coalition: str | None
    actor_takes_target_country: bool
    recipient_takes_actor_country: bool
    place_is_recipient: bool
    implicit_actor: str | None
    folded_into: str | None
    reciprocal: str | None
    paragraph_setting: bool


def _data() -> Traversable:
    return resources.files("redshank.data")


def parse_word_classes(text: str, path: str) -> list[WordClass]:
    """The word classes of one `.words` file; malformed input raises `DataFileError`."""
    classes: list[WordClass] = []
    name: str | None = None
    start = 0
    words: list[str] = []
    notes: list[str] = []

    def close() -> None:
        if name is None:
            return
        if not notes:
            raise DataFileError(f"class [{name}] has no description: write '# what it is "
                                "for and where it comes from' under its name", path=path,
                                line=start)
        if not words:
            raise DataFileError(f"class [{name}] has no words", path=path, line=start)
        classes.append(WordClass(name, tuple(words), " ".join(notes), path, start))

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            if name is not None and not words:
                notes.append(line.lstrip("#").strip())
            continue
        if line.startswith("["):
            header = _CLASS_HEADER.match(line)
            if header is None:
                raise DataFileError(f"bad class name {line!r}: write [lower_case_name]",
                                    path=path, line=number)
            close()
            name, start, words, notes = header.group(1), number, [], []
            continue
        if name is None:
            raise DataFileError("words before the first [class] line", path=path, line=number)
        for word in line.split():
            if word in words:
                raise DataFileError(f"{word!r} is listed twice in class [{name}]",
                                    path=path, line=number)
            words.append(word)
    close()
    return classes


def collect_word_classes(files: Iterable[tuple[str, str]]) -> dict[str, WordClass]:
    """The word classes of (path, text) files by name; a name defined twice is an error."""
    found: dict[str, WordClass] = {}
    for path, text in files:
        for word_class in parse_word_classes(text, path):
            if word_class.name in found:
                first = found[word_class.name]
                raise DataFileError(f"class [{word_class.name}] is already defined at "
                                    f"{first.path}:{first.line}", path=path,
                                    line=word_class.line)
            found[word_class.name] = word_class
    return found


@cache
def word_classes() -> dict[str, WordClass]:
    """Every packaged word class by name."""
    folder = _data().joinpath(WORDS_DIR)
    return collect_word_classes(
        (f"redshank/data/{WORDS_DIR}/{entry.name}", entry.read_text(encoding="utf-8"))
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".words"))


def word_list(name: str) -> tuple[str, ...]:
    """The words of a class in file order (order matters for months and weekdays)."""
    classes = word_classes()
    if name not in classes:
        raise DataFileError(f"no word class [{name}]; the classes are "
                            f"{', '.join(sorted(classes))}", path=f"redshank/data/{WORDS_DIR}")
    return classes[name].words


@cache
def words(*names: str) -> frozenset[str]:
    """The union of one or more word classes, for membership tests."""
    return frozenset(word for name in names for word in word_list(name))


EVENT_COLUMNS = ("event", "quad", "family", "mutual", "located", "refused_as",
                 "stated_future_as", "stance", "coalition", "actor_takes_target_country",
                 "recipient_takes_actor_country", "place_is_recipient", "implicit_actor",
                 "folded_into", "reciprocal", "paragraph_setting")
# The stances a position can take (redshank/model/positions.py, Stance).
STANCES = frozenset({"commit", "offer", "support", "request", "refuse", "hedge"})
COALITION_ROLES = frozenset({"member", "hostile"})
RECIPROCAL = frozenset({"all", "with"})
_FLAGS = {"yes": True, "no": False}
NONE = "-"


def _flag(value: str, column: str, where: tuple[str, int]) -> bool:
    if value not in _FLAGS:
        raise DataFileError(f"{column} must be yes or no, got {value!r}", path=where[0],
                            line=where[1])
    return _FLAGS[value]


def _choice(value: str, allowed: frozenset[str], column: str, where: tuple[str, int]
            ) -> str | None:
    if value == NONE:
        return None
    if value not in allowed:
        raise DataFileError(f"{column} must be one of {', '.join(sorted(allowed))} or -, "
                            f"got {value!r}", path=where[0], line=where[1])
    return value


def _sector(value: str, where: tuple[str, int]) -> str | None:
    if value == NONE:
        return None
    if not re.fullmatch(r"[A-Z]{3}", value):
        raise DataFileError(f"implicit_actor must be a sector code (COP) or -, got {value!r}",
                            path=where[0], line=where[1])
    return value


def _reading(value: str) -> tuple[str, str | None] | None:
    """'REJECT/assist' -> ("REJECT", "assist"); 'AGREE' -> ("AGREE", None); '-' -> None."""
    if value == NONE:
        return None
    event, _, mode = value.partition("/")
    return event, mode or None


def parse_event_types(text: str, path: str) -> dict[str, EventType]:
    """The rows of an event-type table; malformed input raises `DataFileError`."""
    rows = [(number, line.split("\t")) for number, line in enumerate(text.splitlines(), 1)
            if line.strip() and not line.startswith("#")]
    if not rows or tuple(rows[0][1]) != EVENT_COLUMNS:
        raise DataFileError("the first row must name the columns: " + " ".join(EVENT_COLUMNS),
                            path=path, line=rows[0][0] if rows else None)
    table: dict[str, EventType] = {}
    for number, fields in rows[1:]:
        where = (path, number)
        if len(fields) != len(EVENT_COLUMNS):
            raise DataFileError(f"expected {len(EVENT_COLUMNS)} tab-separated fields, got "
                                f"{len(fields)}", path=path, line=number)
        row = dict(zip(EVENT_COLUMNS, fields, strict=True))
        name = row["event"]
        if not re.fullmatch(r"[A-Z]+", name):
            raise DataFileError(f"event type must be upper-case letters, got {name!r}",
                                path=path, line=number)
        if name in table:
            raise DataFileError(f"event type {name} is listed twice", path=path, line=number)
        if row["quad"] not in ("1", "2", "3", "4"):
            raise DataFileError(f"quad must be 1 to 4, got {row['quad']!r}", path=path,
                                line=number)
        if not row["family"]:
            raise DataFileError("family is empty", path=path, line=number)
        table[name] = EventType(
            name=name, quad=int(row["quad"]), family=row["family"],
            mutual=_flag(row["mutual"], "mutual", where),
            located=_flag(row["located"], "located", where),
            refused_as=_reading(row["refused_as"]),
            stated_future_as=_reading(row["stated_future_as"]),
            stance=_choice(row["stance"], STANCES, "stance", where),
            coalition=_choice(row["coalition"], COALITION_ROLES, "coalition", where),
            actor_takes_target_country=_flag(row["actor_takes_target_country"],
                                             "actor_takes_target_country", where),
            recipient_takes_actor_country=_flag(row["recipient_takes_actor_country"],
                                                "recipient_takes_actor_country", where),
            place_is_recipient=_flag(row["place_is_recipient"], "place_is_recipient", where),
            implicit_actor=_sector(row["implicit_actor"], where),
            folded_into=None if row["folded_into"] == NONE else row["folded_into"],
            reciprocal=_choice(row["reciprocal"], RECIPROCAL, "reciprocal", where),
            paragraph_setting=_flag(row["paragraph_setting"], "paragraph_setting", where),
        )
    for number, fields in rows[1:]:
        event = table[fields[0]]
        for column, reading in (("refused_as", event.refused_as),
                                ("stated_future_as", event.stated_future_as)):
            if reading is not None and reading[0] not in table:
                raise DataFileError(f"{column} names unknown event type {reading[0]!r}",
                                    path=path, line=number)
        if event.folded_into is not None and event.folded_into not in table:
            raise DataFileError(f"folded_into names unknown event type {event.folded_into!r}",
                                path=path, line=number)
    return table


@cache
def event_types() -> dict[str, EventType]:
    """The PLOVER event types in table order."""
    text = _data().joinpath("plover", EVENT_TABLE).read_text(encoding="utf-8")
    return parse_event_types(text, f"redshank/data/plover/{EVENT_TABLE}")


def event_type(name: str) -> EventType | None:
    """One event type's row, or None for a name the table does not hold."""
    return event_types().get(name)


def types_where(**columns: object) -> frozenset[str]:
    """The event types whose columns hold these values: `types_where(located=True)`."""
    for column in columns:
        if column not in EVENT_COLUMNS:
            raise TypeError(f"no column {column!r} in {EVENT_TABLE}")
    return frozenset(name for name, row in event_types().items()
                     if all(getattr(row, column) == value for column, value in columns.items()))
