"""Peak memory of coding one document: a normal news article against a 1.9 MB single paragraph.

    python bench/memory.py [--corpus FILE.jsonl] [--bytes N]

Each document is coded in a fresh subprocess (pipeline loaded, then the document run
through `Pipeline.run`), so its peak RSS is its own. The long documents are Wikinews
articles joined into one paragraph with no blank line, as a scraper that lost the
paragraph breaks produces; a second variant also has no sentence punctuation. What we
track is the peak RSS of the longest document (target: under 700 MB for any document
under --max-doc-bytes, default 2,000,000 bytes) and its ratio to a normal article.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import platform
import re
import resource
import sys
import time
from datetime import date
from pathlib import Path

from throughput import measure  # bench/ is the script's folder, so on sys.path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "wikinews" / "wikinews_2004_2018.jsonl"
NORMAL_MIN_WORDS = 400
SENTENCE_PUNCTUATION = re.compile(r"[.!?;:]")
PUBLISHED = date(2014, 6, 11)


def normal_article(path: Path) -> str:
    """The first article of the corpus with at least NORMAL_MIN_WORDS words."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            text = json.loads(line).get("text") or ""
            if len(text.split()) >= NORMAL_MIN_WORDS:
                return text
    raise SystemExit(f"{path}: no article of {NORMAL_MIN_WORDS}+ words")


def one_paragraph(path: Path, size_bytes: int, punctuation: bool = True) -> str:
    """Corpus articles joined into a single paragraph of about `size_bytes` UTF-8 bytes."""
    words: list[str] = []
    total = 0
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            text = json.loads(line).get("text") or ""
            if not punctuation:
                text = SENTENCE_PUNCTUATION.sub("", text)
            for word in text.split():
                total += len(word.encode("utf-8")) + 1
                if total > size_bytes:
                    return " ".join(words)
                words.append(word)
    return " ".join(words)


def _code(text: str, queue: multiprocessing.Queue) -> None:
    from redshank.model import Document
    from redshank.pipeline import Pipeline

    pipeline = Pipeline.load()
    loaded_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    results = list(pipeline.run([Document(id="bench", text=text, published=PUBLISHED)]))
    elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    failures = [f.message for result in results for f in result.failures]
    queue.put((loaded_mb, peak_mb, elapsed, sum(len(r.events) for r in results), failures))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--bytes", type=int, default=1_900_000,
                        help="size of the single-paragraph documents (default: 1,900,000)")
    args = parser.parse_args()
    documents = [
        ("normal article", normal_article(args.corpus)),
        ("one paragraph", one_paragraph(args.corpus, args.bytes)),
        ("one paragraph, no sentence punctuation", one_paragraph(args.corpus, args.bytes, False)),
    ]
    rows = [(name, len(text.encode("utf-8")), *measure(_code, text)) for name, text in documents]
    normal_peak = rows[0][3]
    lines = [
        f"Corpus: {args.corpus.name}; Python {platform.python_version()}; "
        "one document per fresh process.",
        "",
        "| document | bytes | RSS after loading (MB) | peak RSS (MB) | seconds | events | ratio |",
        "|---|---:|---:|---:|---:|---:|---:|",
        *(f"| {name} | {size:,} | {loaded:,.0f} | {peak:,.0f} | {secs:.1f} | {events:,} "
          f"| {peak / normal_peak:.2f} |"
          for name, size, loaded, peak, secs, events, _ in rows),
    ]
    failures = [f"{name}: {message}" for name, *_, messages in rows for message in messages]
    if failures:
        lines += ["", "Failures:", *failures]
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
