"""Draw the Wikinews articles of the TIMEX3 set, and build the set from their annotations.

Two steps:

1. ``sample``: draw ARTICLES dated articles of 150 to 450 words at random with a fixed
   seed from /work/shared/data/wikinews/ (skipping the articles of the PLOVER gold set),
   assign them to halves A and B alternately in drawn order, and write them for reading
   to tests/when/timex_wikinews_articles.jsonl.
2. ``build``: read the hand annotations (tests/when/timex_wikinews_annotations.txt, format
   in tests/when/TIMEX.md), find each expression's character span in its article and write
   tests/when/timex_wikinews.jsonl, one record per expression. An annotation names its
   expression by text and occurrence number; the span is only looked up, never guessed.

Usage:
    .venv/bin/python scripts/make_timex_sample.py sample
    .venv/bin/python scripts/make_timex_sample.py build
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path("/work/shared/data/wikinews")
EXCLUDED = Path("/work/shared/data/gold/wikinews_plover_articles.jsonl")
ARTICLES_FILE = REPO / "tests" / "when" / "timex_wikinews_articles.jsonl"
ANNOTATIONS = REPO / "tests" / "when" / "timex_wikinews_annotations.txt"
OUTPUT = REPO / "tests" / "when" / "timex_wikinews.jsonl"
SEED = 20240611
ARTICLES = 50
MIN_WORDS, MAX_WORDS = 150, 450
TYPES = ("DATE", "TIME", "DURATION", "SET")


def sample() -> None:
    """Draw the articles and write them with their half."""
    excluded = {json.loads(line)["id"] for line in EXCLUDED.read_text().splitlines()}
    pool = []
    for path in sorted(CORPUS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            words = len(record["text"].split())
            if (record["published"] and record["id"] not in excluded
                    and MIN_WORDS <= words <= MAX_WORDS):
                pool.append(record)
    drawn = random.Random(SEED).sample(pool, ARTICLES)
    with ARTICLES_FILE.open("w", encoding="utf-8") as out:
        for index, record in enumerate(drawn):
            half = "A" if index % 2 == 0 else "B"
            out.write(json.dumps({"id": record["id"], "half": half,
                                  "published": record["published"],
                                  "title": record["title"], "text": record["text"]},
                                 ensure_ascii=False) + "\n")


def _parse_annotation(line: str, path: Path, number: int) -> tuple[str, int, str, str]:
    """`text | TYPE | value` or `text #2 | TYPE | value` (second occurrence)."""
    fields = [field.strip() for field in line.split("|")]
    if len(fields) != 3 or fields[1] not in TYPES:
        raise ValueError(f"{path}:{number}: expected 'text [#n] | TYPE | value', got {line!r}")
    text, occurrence = fields[0], 1
    if " #" in text:
        text, count = text.rsplit(" #", 1)
        occurrence = int(count)
    return text, occurrence, fields[1], fields[2]


def build() -> None:
    """Turn the hand annotations into records with character spans."""
    articles = {json.loads(line)["id"]: json.loads(line)
                for line in ARTICLES_FILE.read_text(encoding="utf-8").splitlines()}
    records = []
    article = None
    for number, raw in enumerate(ANNOTATIONS.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            article = articles[line[1:].strip()]
            continue
        if article is None:
            raise ValueError(f"{ANNOTATIONS}:{number}: annotation before any '@article-id'")
        text, occurrence, kind, value = _parse_annotation(line, ANNOTATIONS, number)
        # whole words only: "now" is not the end of "known"
        found = list(re.finditer(rf"(?<!\w){re.escape(text)}(?!\w)", article["text"]))
        if len(found) < occurrence:
            raise ValueError(f"{ANNOTATIONS}:{number}: {text!r} occurrence {occurrence} "
                             f"not in {article['id']}")
        start = found[occurrence - 1].start()
        records.append({"doc_id": article["id"], "half": article["half"],
                        "published": article["published"], "start": start,
                        "end": start + len(text), "text": text, "type": kind, "value": value})
    annotated = {record["doc_id"] for record in records}
    with OUTPUT.open("w", encoding="utf-8") as out:
        for record in sorted(records, key=lambda r: (r["doc_id"], r["start"])):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(records)} expressions in {len(annotated)} of {len(articles)} articles "
          f"-> {OUTPUT.relative_to(REPO)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=("sample", "build"))
    args = parser.parse_args(argv)
    sample() if args.step == "sample" else build()
    return 0


if __name__ == "__main__":
    sys.exit(main())
