"""Find an article's publication date in the dateline or byline near its top.

`dateline_spans` marks the same dates wherever they stand on a line of their own or at the
head of one ("MOSCOW, Sept. 5, 2014 (AP) - ..."), so that the finder does not take the
article's date stamp for the date of an event.
"""

from __future__ import annotations

import re
from datetime import date

from redshank.when.resolve import resolve_expression
from redshank.when.vocabulary import DAY_OF_MONTH, MONTH_ANY, WEEKDAY_ANY

HEAD_LINES = 15
HEAD_CHARS = 2000
FULL_DATE = re.compile(
    rf"(?<![\w/-])(?:{WEEKDAY_ANY},?\s+)?"
    rf"(?:{MONTH_ANY}\s+{DAY_OF_MONTH},?\s+\d{{4}}"
    rf"|{DAY_OF_MONTH}\s+{MONTH_ANY},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4})(?![\w/-])",
    re.IGNORECASE,
)
LABEL = re.compile(
    r"(?P<label>(?:first\s+)?published|posted|date|(?:last\s+)?updated|modified)"
    r"(?:\s+on)?\s*:?\s*$",
    re.IGNORECASE,
)
YEARLESS_DATE = re.compile(
    rf"(?<![\w/-])(?:{MONTH_ANY}\s+{DAY_OF_MONTH}|{DAY_OF_MONTH}\s+{MONTH_ANY})(?![\w/-])",
    re.IGNORECASE,
)
CITY = r"[A-Z][A-Z.'’ -]+(?:,\s*[A-Z][A-Za-z.'’ ]+)?,\s*"
CITY_DATELINE = re.compile(rf"[\s•*·|–—-]*(?:{CITY})?")
CITY_ONLY = re.compile(rf"[\s•*·|–—-]*{CITY}")
LINE_START = re.compile(r"[\s•*·|–—-]*")
AGENCY = r"\([^()\n]{1,60}\)"
DATELINE_END = re.compile(rf"[ \t]*(?:{AGENCY}[ \t]*)?(?:[-–—|]|$)")
STAMP_END = re.compile(rf"[ \t]*(?:$|[-–—|,]?[ \t]*\d{{1,2}}:\d\d|{AGENCY}[ \t]*[-–—])")
AFTER_SEPARATOR = re.compile(r"[|•·–—]\s*$")
PUBLISHED, DATELINE, UPDATED = 0, 1, 2


def find_dateline(text: str) -> date | None:
    """The publication date written near the top of an article, or None.

    A full date (with year) counts when it is labelled ("Published: 2014-06-11"), starts a
    line or follows an upper-case city ("WASHINGTON, Sept. 5, 2014 (Reuters) -"), or follows
    a byline separator ("By Reuters | June 11, 2014"). Labelled publication dates win over
    datelines, which win over "Updated" dates; numeric dates are read month/day/year.
    """
    found: list[tuple[int, int, date]] = []
    lines = [line for line in text[:HEAD_CHARS].splitlines() if line.strip()][:HEAD_LINES]
    for number, line in enumerate(lines):
        for match in FULL_DATE.finditer(line):
            rank = _rank(line[: match.start()])
            if rank is None:
                continue
            resolved = resolve_expression(match.group(), None)
            if resolved is not None and resolved.precision == "day":
                found.append((rank, number, resolved.start))
    return min(found)[2] if found else None


def _rank(before: str) -> int | None:
    """How much the text before a date says it is the publication date (lower is stronger)."""
    label = LABEL.search(before)
    if label:
        name = label["label"].lower()
        return UPDATED if "updated" in name or "modified" in name else PUBLISHED
    if CITY_DATELINE.fullmatch(before) or AFTER_SEPARATOR.search(before):
        return DATELINE
    return None


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the dates in `text` that are datelines, not parts of sentences.

    A date labelled at the start of its line ("Published: 2014-06-11") is one; so is a
    date after an upper-case city or a byline separator that ends the line or is followed
    by a dash, optionally after a news agency in parentheses ("MOSCOW, Sept. 5, 2014 (AP)
    - ..."; a date without a year counts only after a city). A date alone at the start of
    a line counts only when a time or an agency follows it ("June 11, 2014 - 8:31 PM"):
    "June 10, 2014 - Militants seize Mosul" in a chronology dates an event.
    """
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        content = line.rstrip("\r\n")
        for pattern in (FULL_DATE, YEARLESS_DATE):
            for match in pattern.finditer(content):
                before = content[: match.start()]
                if _is_dateline(before, content, match.end(), pattern is FULL_DATE):
                    spans.append((offset + match.start(), offset + match.end()))
        offset += len(line)
    return spans


def _is_dateline(before: str, line: str, end: int, has_year: bool) -> bool:
    """Whether a date in `line` ending at `end`, with `before` ahead of it, is a dateline."""
    if CITY_ONLY.fullmatch(before):
        return DATELINE_END.match(line, end) is not None
    if not has_year:
        return False
    label = LABEL.search(before)
    if label and LINE_START.fullmatch(before[: label.start()]):
        return True
    if LINE_START.fullmatch(before):
        return STAMP_END.match(line, end) is not None
    return AFTER_SEPARATOR.search(before) is not None and DATELINE_END.match(line, end) is not None
