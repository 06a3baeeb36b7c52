"""Sample position rows of real news for a person to judge (are holder, topic and stance right?).

Usage:
    .venv/bin/python scripts/sample_positions.py build [--articles 400] [--skip 0] [--work DIR]
    .venv/bin/python scripts/sample_positions.py build --gold-half-a [--work DIR]
    .venv/bin/python scripts/sample_positions.py show --seed 7001 [--rows 30] [--refresh]

`build` selects 400 Wikinews articles (the shared corpus, read as scripts/truth_files.py
reads it) and ingests them with `redshank ingest` into WORK/positions.duckdb (default
/tmp/redshank-positions-sample). The selection is fixed: articles that name none of
Iraq, Iraqi, Baghdad, Afghanistan, Afghan, Kabul, Taliban (title or text, any case) and
are not articles of the gold dev set (data/gold/wikinews_plover_articles.jsonl), in the
order of sha256("positions-sample:" + id), the first 400 (`--articles`) after skipping
`--skip` of them: `--skip 400` gives 400 other articles, for a measure held out from the
articles a change was made on.

`build --gold-half-a` selects instead the articles of the gold dev set's half A
(redshank/data/evaluation/halves.json) that name none of the words above: articles the
event coder's engineers may read, never used for the positions reader, so their rows are
a measure held out from every reading of position rows before it. Half B stays unread.

`show` prints the number of position rows, then `--rows` of them drawn at random with
`--seed` (rows ordered by position id first, so a seed always draws from the same list):
holder, speaker, topic, stance, hedges, dates, target, trigger and the sentence.
`--refresh` first derives the positions again from the stored documents with the code
on PYTHONPATH (`derive_store`, as `redshank positions --refresh` does), so a change of
the reader is seen without coding again.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from truth_files import gold_articles, gold_corpus_ids, names_private_set, read_corpus

from redshank.evaluate.halves import load_halves
from redshank.model import Position
from redshank.positions import derive_store
from redshank.store import PositionQuery, open_store

REPO = Path(__file__).resolve().parents[1]
SALT = "positions-sample:"
DEFAULT_WORK = Path("/tmp/redshank-positions-sample")


def selected(articles: Iterable[dict], excluded_ids: set[str], count: int, skip: int = 0
             ) -> list[dict]:
    """`count` articles by salted hash of their id, after the first `skip`, of those that
    name no excluded word."""
    kept = [a for a in articles if a["id"] not in excluded_ids and not names_private_set(a)]
    kept.sort(key=lambda a: hashlib.sha256((SALT + a["id"]).encode("utf-8")).hexdigest())
    return kept[skip:skip + count]


def gold_half_a(shared: Path) -> list[dict]:
    """The gold dev set's half-A articles that name no excluded word, in file order."""
    half_a = next(s.a for s in load_halves().splits if s.name == "wikinews_plover")
    return [a for a in gold_articles(shared) if a["id"] in half_a and not names_private_set(a)]


def build(shared: Path, work: Path, count: int, skip: int, gold: bool = False) -> Path:
    if gold:
        articles = gold_half_a(shared)
    else:
        corpus = shared / "data" / "wikinews"
        articles = selected(read_corpus(corpus), gold_corpus_ids(shared), count, skip)
    work.mkdir(parents=True, exist_ok=True)
    jsonl, db = work / "articles.jsonl", work / "positions.duckdb"
    with jsonl.open("w", encoding="utf-8") as f:
        for article in articles:
            record = {k: article.get(k) for k in ("id", "title", "published", "source", "url",
                                                  "text")}
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(articles)} articles -> {jsonl}", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "redshank", "ingest", str(jsonl), "--db", str(db)],
                   check=True)
    return db


def refresh(db: Path) -> None:
    store = open_store(str(db))
    try:
        summary = derive_store(store)
    finally:
        store.close()
    print(f"derived again: {summary}", file=sys.stderr)


def all_positions(db: Path) -> list[Position]:
    store = open_store(str(db), read_only=True)
    try:
        return sorted(store.query_positions(PositionQuery()), key=lambda p: p.position_id)
    finally:
        store.close()


def rendered(number: int, position: Position) -> Iterator[str]:
    speaker = position.speaker.name if position.speaker else "-"
    target = f"{position.target_text} -> {position.target_date}" if position.target_text else "-"
    yield f"## {number}. {position.holder} ({position.holder_name}) | {position.topic} | " \
          f"{position.stance}"
    yield f"- doc {position.doc_id} #{position.sentence_index}, published {position.published}"
    yield f"- speaker: {speaker}; date {position.date} ({position.date_precision}); " \
          f"target {target}"
    yield f"- hedges: {'; '.join(position.hedges) or '-'}; trigger '{position.trigger}' " \
          f"({position.event or 'cue'} {position.auxiliary or ''})".rstrip()
    yield f"- sentence: {' '.join(position.sentence.split())}"
    yield f"- reasons: {' | '.join(position.reasons)}"
    yield ""


def show(db: Path, seed: int, rows: int) -> None:
    positions = all_positions(db)
    print(f"# {len(positions)} position rows in {db}; seed {seed}, {rows} rows\n")
    drawn = random.Random(seed).sample(positions, min(rows, len(positions)))
    for number, position in enumerate(drawn, start=1):
        for line in rendered(number, position):
            print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    build_cmd = commands.add_parser("build", help="select the articles and ingest them")
    build_cmd.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    build_cmd.add_argument("--work", type=Path, default=DEFAULT_WORK)
    build_cmd.add_argument("--articles", type=int, default=400)
    build_cmd.add_argument("--skip", type=int, default=0,
                           help="skip this many selected articles first")
    build_cmd.add_argument("--gold-half-a", action="store_true",
                           help="the gold dev set's half-A articles instead (see above)")
    show_cmd = commands.add_parser("show", help="print random position rows")
    show_cmd.add_argument("--db", type=Path, default=DEFAULT_WORK / "positions.duckdb")
    show_cmd.add_argument("--seed", type=int, required=True)
    show_cmd.add_argument("--rows", type=int, default=30)
    show_cmd.add_argument("--refresh", action="store_true",
                          help="derive the positions again with the code on PYTHONPATH first")
    args = parser.parse_args()
    if args.command == "build":
        build(args.shared, args.work, args.articles, args.skip, args.gold_half_a)
        return
    if not args.db.exists():
        parser.error(f"no database at {args.db}; run `build` first")
    if args.refresh:
        refresh(args.db)
    show(args.db, args.seed, args.rows)


if __name__ == "__main__":
    main()
