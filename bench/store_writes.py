"""Store-write time: bulk `save_results` against the row-by-row path it replaced, same run.

    python bench/store_writes.py [--corpus FILE.jsonl] [--articles 400] [--repeat 3]

The articles are coded once; then each path writes all the results into a fresh DuckDB
file, the way ingest does (a batch of 32 documents per session), interleaved `--repeat`
times. The old path is the earlier `save_result`: per document, one transaction with a
conflict check, deletes, an upsert and one `executemany` INSERT per table. Prints the
fastest time of each and the ratio old/new.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "wikinews" / "wikinews_2004_2018.jsonl"
BATCH = 32

from redshank.model import Document, DocumentResult  # noqa: E402
from redshank.store import open_store, rows  # noqa: E402
from redshank.store.duckdb import CONNECT_CONFIG  # noqa: E402
from redshank.store.schema import SCHEMA  # noqa: E402

COLUMNS = {"sentences": rows.SENTENCE_COLUMNS, "actor_mentions": rows.ACTOR_MENTION_COLUMNS,
           "events": rows.EVENT_COLUMNS, "event_actors": rows.EVENT_ACTOR_COLUMNS}
UPSERT_DOCUMENT = (rows.insert_sql("documents", rows.DOCUMENT_COLUMNS)
                   + rows.upsert_suffix(rows.DOCUMENT_COLUMNS, ["doc_id"]))


def coded(corpus: Path, articles: int) -> list[DocumentResult]:
    from datetime import date

    from redshank.pipeline import Pipeline

    documents = []
    with corpus.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record.get("text"):
                documents.append(Document(
                    id=record["id"], text=record["text"], title=record.get("title"),
                    published=date.fromisoformat(record["published"])
                    if record.get("published") else None, source=record.get("source")))
            if len(documents) == articles:
                break
    return [r for r in Pipeline.load().run(documents) if not r.failures]


def write_row_by_row(path: str, results: list[DocumentResult]) -> None:
    """The write path before bulk inserts."""
    connection = duckdb.connect(path, config=CONNECT_CONFIG)
    for statement in SCHEMA:
        connection.execute(statement)
    for result in results:
        document = result.document
        events = rows.unique_events(result.events)
        connection.begin()
        connection.execute("SELECT 1 FROM documents WHERE content_hash = ? AND doc_id <> ?",
                           [document.content_hash, document.id]).fetchall()
        connection.execute("DELETE FROM event_actors WHERE event_id IN"
                           " (SELECT event_id FROM events WHERE doc_id = ?)", [document.id])
        for table in ("events", "sentences", "actor_mentions"):
            connection.execute(f"DELETE FROM {table} WHERE doc_id = ?", [document.id])
        connection.execute(UPSERT_DOCUMENT, list(rows.document_row(document, "run")))
        for table, table_rows in (
                ("sentences", rows.sentence_rows(result)),
                ("actor_mentions", rows.actor_mention_rows(result)),
                ("events", [rows.event_row(e, "run") for e in events]),
                ("event_actors", [r for e in events for r in rows.event_actor_rows(e)])):
            if table_rows:
                connection.executemany(rows.insert_sql(table, COLUMNS[table]),
                                       [list(row) for row in table_rows])
        connection.commit()
    connection.close()


def write_bulk(path: str, results: list[DocumentResult]) -> None:
    """The current write path: one `save_results` per batch."""
    with open_store(path) as store, store.session():
        for start in range(0, len(results), BATCH):
            store.save_results(results[start:start + BATCH], "run")


def timed(write, results: list[DocumentResult]) -> float:
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        write(str(Path(folder) / "bench.duckdb"), results)
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    results = coded(args.corpus, args.articles)
    counts = {"sentences": sum(len(r.sentences) for r in results),
              "actors": sum(len(r.actors) for r in results),
              "events": sum(len(r.events) for r in results)}
    old, new = [], []
    for _ in range(args.repeat):
        old.append(timed(write_row_by_row, results))
        new.append(timed(write_bulk, results))
    print(f"{len(results)} documents ({', '.join(f'{v:,} {k}' for k, v in counts.items())}); "
          f"fastest of {args.repeat}")
    print(f"row by row (executemany): {min(old):.2f} s")
    print(f"bulk (save_results):      {min(new):.2f} s")
    print(f"ratio old/new: {min(old) / min(new):.1f}x")


if __name__ == "__main__":
    main()
