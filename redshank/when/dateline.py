"""Find an article's publication date in the dateline or byline near its top."""

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
CITY_DATELINE = re.compile(r"[\s•*·|–—-]*(?:[A-Z][A-Z.'’ -]+(?:,\s*[A-Z][A-Za-z.'’ ]+)?,\s*)?")
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
