"""Convert the PLOVER CAMEO crosswalk into redshank/data/plover/cameo_plover.tsv.

Usage: python scripts/convert_plover.py ../shared/data/plover/CAMEO2PLOVER-2021.txt

CAMEO 01 (public statement) and 02 (appeal) are "dropped" in PLOVER's table 7.1. Redshank
keeps 01 dropped (statements are not events) but codes 02 appeals as REQUEST, mirroring
CAMEO 10's sub-codes (021 ~ 101, ...): an appeal for help is a request in PLOVER 0.8's
definition of REQUEST ("all requests, demands and orders").
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "redshank" / "data" / "plover" / "cameo_plover.tsv"
LINE = re.compile(r"^(\d{3,4}):\s*([A-Z]+)\s*,([^,#]*),?([^#]*)#?\s*(.*)$")

HEADER = """\
# CAMEO code -> PLOVER event, mode, context. Tab-separated: cameo event mode context note.
# context may hold several values separated by ';'. event '-' means: not an event (dropped).
# Derived from CAMEO2PLOVER-2021.txt, PLOVER draft 0.8 (c) Open Event Data Alliance,
# CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/); rows with origin
# 'redshank' are Redshank's own (CAMEO 01 dropped, 02 appeals coded as REQUEST).
"""

STATEMENTS = {
    "010": "Make statement", "011": "Decline comment", "012": "Make pessimistic comment",
    "013": "Make optimistic comment", "014": "Consider policy option",
    "015": "Acknowledge or claim responsibility", "016": "Deny responsibility",
    "017": "Engage in symbolic act", "018": "Make empathetic comment", "019": "Express accord",
}


def parse(path: Path) -> list[tuple[str, str, str, str, str, str]]:
    rows = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        match = LINE.match(raw.strip())
        if not match:
            continue
        code, event, mode, context, note = (part.strip() for part in match.groups())
        context = ";".join(c.strip().replace(" ", "_") for c in context.split(";") if c.strip())
        rows.append((code, event, mode.replace(" ", ""), context, note, "plover"))
    return rows


def appeals(rows: list[tuple[str, str, str, str, str, str]]) -> list[tuple[str, ...]]:
    """CAMEO 02x appeals, mirrored from the 10x demands."""
    demands = {row[0]: row for row in rows if row[0].startswith("10")}
    out = []
    for code, row in sorted(demands.items()):
        appeal = "02" + code[2:]
        out.append((appeal, row[1], row[2], row[3], f"Appeal: {row[4]}", "redshank"))
    return out


def main(source: str) -> None:
    rows = parse(Path(source))
    seen: set[str] = set()
    unique = []
    for row in rows:
        if row[0] not in seen:
            seen.add(row[0])
            unique.append(row)
    dropped = [(c, "-", "", "", note, "redshank") for c, note in STATEMENTS.items()]
    table = sorted(dropped + appeals(unique) + unique, key=lambda r: r[0])
    with OUT.open("w", encoding="utf-8") as out:
        out.write(HEADER)
        for row in table:
            out.write("\t".join(row) + "\n")
    print(f"wrote {len(table)} rows to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/plover/CAMEO2PLOVER-2021.txt")
