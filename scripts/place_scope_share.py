"""How near their trigger events are placed, on a fixed random sample of Wikinews articles.

Prints a Markdown table: the share of coded events (all statuses) placed at each
`Event.place_scope` (sentence, paragraph, document) or not at all, and how precise those
places are (city, admin1, country, ...). The sample is drawn once with a fixed seed from
the two files of `data/wikinews/` in the shared folder.

Usage:
    .venv/bin/python scripts/place_scope_share.py [--shared DIR] [--articles 368]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from redshank.model import PLACE_SCOPES, Document  # noqa: E402
from redshank.pipeline import Pipeline  # noqa: E402

SEED = 368
FILES = ("wikinews_2004_2018.jsonl", "wikinews_2019_2021.jsonl")


def sample(folder: Path, size: int) -> list[Document]:
    """`size` articles drawn with a fixed seed from the Wikinews files, as documents."""
    records = [json.loads(line) for name in FILES
               for line in (folder / name).read_text(encoding="utf-8").splitlines() if line]
    chosen = random.Random(SEED).sample(records, size)
    return [Document(id=r["id"], text=r["text"],
                     published=date.fromisoformat(r["published"]) if r.get("published")
                     else None) for r in chosen]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--articles", type=int, default=368)
    args = parser.parse_args(argv)
    documents = sample(args.shared / "data" / "wikinews", args.articles)
    scopes: Counter[str] = Counter()
    precisions: Counter[tuple[str, str]] = Counter()
    for result in Pipeline.load().run(documents):
        for event in result.events:
            scope = (event.place_scope or "sentence") if event.location else "none"
            scopes[scope] += 1
            if event.location is not None:
                precisions[scope, event.location.precision] += 1
    total = sum(scopes.values())
    kinds = sorted({precision for _, precision in precisions})
    print(f"{total} events in {len(documents)} articles (seed {SEED}).\n")
    print("| place scope | events | share | " + " | ".join(kinds) + " |")
    print("|---|---|---|" + "---|" * len(kinds))
    for scope in (*PLACE_SCOPES, "none"):
        cells = [str(precisions[scope, kind]) for kind in kinds]
        share = f"{scopes[scope] / total:.1%}" if total else "-"
        print(f"| {scope} | {scopes[scope]} | {share} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
