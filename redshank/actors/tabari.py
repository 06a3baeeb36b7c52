"""Read TABARI/PETRARCH-format actor and agent dictionaries (`.txt`).

Actor files hold entries: a head line `NAME_ [CODE]` (or `NAME_` alone), `+SYNONYM_`
lines, then code lines `[CODE daterange]`. Underscores and spaces both separate words.
Dates are YYMMDD (00-30 means 20YY, else 19YY) or YYYYMMDD; a range is `<d` (before d),
`>d` (from d) or `a-b`. `#` starts a comment anywhere on a line, and `<!-- ... -->`
comments may span lines.

Agent files hold `PHRASE {PLURAL} [CODE]` lines, where `{PLURAL}` is optional (`{}`
means no plural) and `!MARKER! = A, B` lines define substitution sets used as
`FOREIGN_!MINIST!`. Regular plurals are generated as PETRARCH does.

Malformed content raises `DataFileError` naming the file and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from redshank.errors import DataFileError

_CODE_BLOCK = re.compile(r"\[([^\[\]]*)\]")
_CODE = re.compile(r"^[A-Z0-9~+\-/]+$")
_DATE = re.compile(r"^\d{6}$|^\d{8}$")
_MARKER = re.compile(r"!([A-Z0-9]+)!")


@dataclass(frozen=True, slots=True)
class TabariCode:
    """One code block: a CAMEO code and the half-open date range [start, end) it holds for."""

    code: str
    start: date | None = None
    end: date | None = None


@dataclass(slots=True)
class TabariActor:
    """One actor entry as written: its head name, synonyms, codes, line and comments."""

    name: str
    line: int
    synonyms: list[str] = field(default_factory=list)
    codes: list[TabariCode] = field(default_factory=list)
    comment: str = ""
    end_line: int = 0

    @property
    def names(self) -> list[str]:
        """Head name first, then synonyms, without duplicates."""
        return list(dict.fromkeys([self.name, *self.synonyms]))


@dataclass(slots=True)
class TabariAgent:
    """One agent line, expanded: every phrase it stands for and its code (`~GOV`, `NGO~`)."""

    phrases: list[str]
    code: str
    line: int


def parse_tabari_date(text: str, *, path: str = "<string>", line: int | None = None) -> date:
    """A TABARI date: YYMMDD (00-30 => 20YY, else 19YY) or YYYYMMDD."""
    if not _DATE.match(text):
        raise DataFileError(f"bad date {text!r}: expected YYMMDD or YYYYMMDD", path=path, line=line)
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise DataFileError(f"bad date {text!r}: {exc}", path=path, line=line) from exc


def parse_date_range(
    text: str, *, path: str = "<string>", line: int | None = None
) -> tuple[date | None, date | None]:
    """A TABARI date restriction: `<d` -> (None, d), `>d` -> (d, None), `a-b` -> (a, b)."""
    spec = "".join(text.split())
    if not spec:
        return None, None
    if spec[0] == "<":
        return None, parse_tabari_date(spec[1:], path=path, line=line)
    if spec[0] == ">":
        return parse_tabari_date(spec[1:], path=path, line=line), None
    first, sep, second = spec.partition("-")
    if not sep:
        raise DataFileError(
            f"bad date restriction {text!r}: expected <date, >date or date-date",
            path=path,
            line=line,
        )
    start = parse_tabari_date(first, path=path, line=line)
    end = parse_tabari_date(second, path=path, line=line)
    if start > end:
        raise DataFileError(
            f"bad date restriction {text!r}: starts after it ends", path=path, line=line
        )
    return start, end


def parse_code_block(body: str, *, path: str, line: int) -> TabariCode:
    """The inside of `[CODE daterange]`."""
    parts = body.split(maxsplit=1)
    if not parts:
        raise DataFileError("empty code block []", path=path, line=line)
    code = parts[0].upper()
    if not _CODE.match(code):
        raise DataFileError(f"bad code {parts[0]!r} in [{body}]", path=path, line=line)
    start, end = (
        parse_date_range(parts[1], path=path, line=line) if len(parts) > 1 else (None, None)
    )
    return TabariCode(code, start, end)


def clean_name(raw: str) -> str:
    """`JOHN_KERRY_` -> `JOHN KERRY`: underscores and runs of spaces become one space."""
    return " ".join(raw.replace("_", " ").split())


def _content_lines(path: str, text: str) -> Iterator[tuple[int, str, str]]:
    """(line number, content, comment) for each line with content, comments removed."""
    in_comment = False
    for number, raw in enumerate(text.splitlines(), start=1):
        body = raw
        if in_comment:
            end = body.find("-->")
            if end < 0:
                continue
            body = body[end + 3 :]
            in_comment = False
        while "<!" in body:
            start = body.find("<!")
            end = body.find("-->", start)
            if end < 0:
                body = body[:start]
                in_comment = True
                break
            body = body[:start] + " " + body[end + 3 :]
        body, _, comment = body.partition("#")
        if body.strip():
            yield number, body.strip(), comment.strip()
    if in_comment:
        raise DataFileError("unterminated <!-- comment", path=path)


def _split_codes(body: str, *, path: str, line: int) -> tuple[str, list[TabariCode]]:
    """Text before the first `[`, and the code blocks on the line."""
    head, bracket, _ = body.partition("[")
    codes = [parse_code_block(m.group(1), path=path, line=line) for m in _CODE_BLOCK.finditer(body)]
    rest = _CODE_BLOCK.sub("", body[len(head) :])
    if bracket and rest.strip():
        raise DataFileError(
            f"unexpected text {rest.strip()!r} around a code block", path=path, line=line
        )
    return head, codes


def read_tabari_actors(path: str | Path, text: str | None = None) -> list[TabariActor]:
    """All actor entries of a TABARI `.actors.txt` file, in file order."""
    name = str(path)
    if text is None:
        text = _read_text(path)
    entries: list[TabariActor] = []
    current: TabariActor | None = None
    for number, body, comment in _content_lines(name, text):
        if body.startswith("["):
            if current is None:
                raise DataFileError("code line before any actor name", path=name, line=number)
            head, codes = _split_codes(body, path=name, line=number)
            current.codes.extend(codes)
            current.end_line = number
        elif body.startswith("+"):
            if current is None:
                raise DataFileError("synonym line before any actor name", path=name, line=number)
            head, codes = _split_codes(body, path=name, line=number)
            for synonym in head.split("+"):
                cleaned = clean_name(synonym)
                if cleaned:
                    current.synonyms.append(cleaned)
            current.codes.extend(codes)
            current.end_line = number
        else:
            head, codes = _split_codes(body, path=name, line=number)
            cleaned = clean_name(head)
            if not cleaned:
                raise DataFileError("code block without an actor name", path=name, line=number)
            current = TabariActor(
                cleaned, number, codes=list(codes), comment=comment, end_line=number
            )
            entries.append(current)
    return entries


def regular_plural(phrase: str) -> str:
    """PETRARCH's plural of a phrase's last word: -Y -> -IES, -S -> -SES, else -S."""
    if phrase.endswith("Y") and phrase[-2:-1] not in ("A", "E", "O", "U"):
        return phrase[:-1] + "IES"
    if phrase.endswith(("S", "X", "Z", "CH", "SH")):
        return phrase + "ES"
    return phrase + "S"


def read_tabari_agents(path: str | Path, text: str | None = None) -> list[TabariAgent]:
    """All agent lines of a TABARI `.agents.txt` file, with plurals and markers expanded."""
    name = str(path)
    if text is None:
        text = _read_text(path)
    markers: dict[str, list[str]] = {}
    agents: list[TabariAgent] = []
    for number, body, _ in _content_lines(name, text):
        if "=" in body and body.startswith("!"):
            marker, _, values = body.partition("=")
            key = marker.strip().strip("!")
            if not key or marker.strip().count("!") != 2:
                raise DataFileError(
                    f"bad substitution marker {marker.strip()!r}", path=name, line=number
                )
            markers[key] = [clean_name(v).replace(" ", "_") for v in values.split(",") if v.strip()]
            continue
        head, codes = _split_codes(body, path=name, line=number)
        if len(codes) != 1:
            raise DataFileError("agent line needs exactly one [code]", path=name, line=number)
        code = codes[0].code
        if "~" not in code:
            raise DataFileError(
                f"agent code {code!r} needs a ~ (e.g. ~GOV or NGO~)", path=name, line=number
            )
        phrase, plural = _split_plural(head, path=name, line=number)
        if not phrase:
            raise DataFileError("agent line without a phrase", path=name, line=number)
        if _MARKER.search(phrase):
            phrases = _expand_markers(phrase, markers, path=name, line=number)
        else:
            phrases = [phrase]
            if plural is None:
                phrases.append(regular_plural(phrase))
            elif plural:
                phrases.append(plural)
        agents.append(TabariAgent([clean_name(p) for p in phrases], code, number))
    return agents


def _split_plural(head: str, *, path: str, line: int) -> tuple[str, str | None]:
    """`PHRASE {PLURAL}` -> (phrase, plural); None when no braces (regular plural)."""
    if "{" not in head:
        return head.strip().rstrip("_"), None
    phrase, _, rest = head.partition("{")
    plural, closing, tail = rest.partition("}")
    if not closing or tail.strip():
        raise DataFileError("bad plural: expected PHRASE {PLURAL}", path=path, line=line)
    return phrase.strip().rstrip("_"), plural.strip().rstrip("_")


def _expand_markers(
    phrase: str, markers: dict[str, list[str]], *, path: str, line: int
) -> list[str]:
    """Every substitution of the `!MARKER!`s in a phrase."""
    match = _MARKER.search(phrase)
    if match is None:
        return [phrase]
    values = markers.get(match.group(1))
    if values is None:
        raise DataFileError(
            f"substitution marker !{match.group(1)}! is not defined", path=path, line=line
        )
    out: list[str] = []
    for value in values:
        out.extend(
            _expand_markers(
                phrase[: match.start()] + value + phrase[match.end() :],
                markers,
                path=path,
                line=line,
            )
        )
    return out


def _read_text(path: str | Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataFileError(f"not UTF-8 at byte {exc.start}", path=str(path)) from exc
    except OSError as exc:
        raise DataFileError(f"cannot read: {exc.strerror}", path=str(path)) from exc
