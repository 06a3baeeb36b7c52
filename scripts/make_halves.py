"""Draw the fixed halves A and B of the dev sets into redshank/data/evaluation/halves.json.

Usage:
    .venv/bin/python scripts/make_halves.py [--shared DIR] [--out FILE] [--force]

gsr_dev.json is split by record, stratified by gold event type; wikinews_plover.jsonl by
article. Run once: the halves are fixed, so an existing file is kept unless --force. Only
ids and event types are read, never sentence text.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from redshank.evaluate.halves import SALT, draw_halves, halves_path  # noqa: E402
from redshank.evaluate.read import read_gold  # noqa: E402

ABOUT = ("Fixed halves of the dev sets. Engineers may read the misses and false alarms of "
         "half A only; nobody reads half B's sentences. Made by scripts/make_halves.py; see "
         "README.md in this folder.")


def gsr_split(path: Path) -> dict[str, object]:
    gold = read_gold(path, "plover-gsr")
    strata = {r.id: r.events[0].event if r.events else "none" for r in gold.records}
    return {"file": "data/plover/gsr_dev.json", "unit": "record",
            "method": f"per gold event type, ids ordered by sha256('{SALT}:' + id), dealt "
                      "alternately to A and B",
            **draw_halves([r.id for r in gold.records], strata)}


def wikinews_split(path: Path) -> dict[str, object]:
    articles = [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()
                if line.strip()]
    return {"file": "data/gold/wikinews_plover_articles.jsonl", "unit": "article",
            "method": f"article ids ordered by sha256('{SALT}:' + id), dealt alternately to "
                      "A and B; every sentence goes with its article",
            **draw_halves(articles)}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared",
                        help="shared data folder (default: ../shared next to the repository)")
    parser.add_argument("--out", type=Path, default=halves_path(),
                        help="file to write (default: the packaged halves.json)")
    parser.add_argument("--force", action="store_true",
                        help="overwrite an existing file (re-draws the halves: avoid)")
    args = parser.parse_args(argv)
    if args.out.exists() and not args.force:
        sys.stderr.write(f"{args.out} exists and the halves are fixed; pass --force to "
                         "re-draw them\n")
        return 1
    data = args.shared / "data"
    halves = {"about": ABOUT, "sets": {
        "gsr_dev": gsr_split(data / "plover" / "gsr_dev.json"),
        "wikinews_plover": wikinews_split(data / "gold" / "wikinews_plover_articles.jsonl"),
    }}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(halves, indent=1) + "\n", encoding="utf-8")
    for name, split in halves["sets"].items():
        sys.stderr.write(f"{name}: A {len(split['A'])}, B {len(split['B'])} {split['unit']}s\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
