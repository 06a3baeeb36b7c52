"""Throughput and peak memory: the Redshank pipeline against bare spaCy, same corpus, same run.

    python bench/throughput.py [--corpus FILE.jsonl] [--max-words N] [--markdown docs/speed.md]

Each measurement runs in a fresh subprocess so its peak RSS is its own. The baselines are
spaCy's `nlp.pipe` over the same paragraphs with the model Redshank uses (NER excluded, as
in the pipeline) and with the full model. The ratio pipeline/bare is what we track
(target: >= 0.70).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import platform
import resource
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "wikinews" / "wikinews_2004_2018.jsonl"


def load_corpus(path: Path, max_words: int) -> list[dict]:
    """Articles from a JSONL corpus, in file order, up to about max_words words."""
    records, words = [], 0
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if not record.get("text"):
                continue
            records.append(record)
            words += len(record["text"].split())
            if words >= max_words:
                break
    return records


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _bare(records: list[dict], full_model: bool, queue: multiprocessing.Queue) -> None:
    from redshank.parse import load_nlp, split_paragraphs

    if full_model:
        import importlib

        from redshank.parse.nlp import MODEL_PACKAGES, fix_tokenizer

        for name in MODEL_PACKAGES:
            try:
                nlp = fix_tokenizer(importlib.import_module(name).load())
                break
            except ImportError:
                continue
    else:
        nlp = load_nlp()
    texts = [p.text for r in records for p in split_paragraphs(r["text"])]
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    queue.put((time.perf_counter() - start, _peak_mb()))


def _pipeline(records: list[dict], queue: multiprocessing.Queue) -> None:
    from redshank.model import Document
    from redshank.pipeline import Pipeline

    pipeline = Pipeline.load()
    documents = [
        Document(id=r["id"], text=r["text"],
                 published=date.fromisoformat(r["published"]) if r.get("published") else None)
        for r in records
    ]
    start = time.perf_counter()
    events = sum(len(result.events) for result in pipeline.run(documents))
    elapsed = time.perf_counter() - start
    queue.put((elapsed, _peak_mb(), events))


def measure(target, *args) -> tuple:
    """Run one measurement in a fresh process and return what it reported."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=target, args=(*args, queue))
    process.start()
    result = queue.get()
    process.join()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--max-words", type=int, default=150_000)
    parser.add_argument("--markdown", type=Path, help="also write the table to this file")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run each measurement this many times, interleaved, and keep "
                             "the fastest of each (default: 1)")
    args = parser.parse_args()
    records = load_corpus(args.corpus, args.max_words)
    words = sum(len(r["text"].split()) for r in records)
    runs = []
    for _ in range(args.repeat):  # interleaved, so a slow spell of the machine hits all
        runs.append((measure(_bare, records, False), measure(_bare, records, True),
                     measure(_pipeline, records)))
    bare_time, bare_mb = min(run[0] for run in runs)
    full_time, full_mb = min(run[1] for run in runs)
    pipe_time, pipe_mb, events = min(run[2] for run in runs)
    rows = [
        ("spaCy nlp.pipe, model as used (no NER)", bare_time, bare_mb),
        ("spaCy nlp.pipe, full model", full_time, full_mb),
        ("Redshank pipeline (parse+actors+dates+coding)", pipe_time, pipe_mb),
    ]
    lines = [
        f"Corpus: {args.corpus.name}, {len(records)} articles, {words:,} words; "
        f"Python {platform.python_version()}, one process; {events:,} events coded; "
        f"fastest of {args.repeat} interleaved run{'s' if args.repeat > 1 else ''} each.",
        "",
        "| run | seconds | words/s | peak RSS (MB) |",
        "|---|---:|---:|---:|",
        *(f"| {name} | {secs:.1f} | {words / secs:,.0f} | {mb:,.0f} |" for name, secs, mb in rows),
        "",
        f"Ratio Redshank / bare spaCy (same model): **{bare_time / pipe_time:.2f}**; "
        f"Redshank / full spaCy model: {full_time / pipe_time:.2f}.",
    ]
    text = "\n".join(lines)
    sys.stdout.write(text + "\n")
    if args.markdown:
        args.markdown.write_text(
            "# Speed\n\nGenerated by `python bench/throughput.py --repeat 3 --markdown "
            "docs/speed.md` "
            f"on {date.today().isoformat()}.\n\n{text}\n", encoding="utf-8")


if __name__ == "__main__":
    main()
