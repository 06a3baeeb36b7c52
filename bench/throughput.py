"""Throughput, start-up and peak memory: Redshank against bare spaCy, same corpus, same run.

    python bench/throughput.py [--corpus FILE.jsonl] [--max-words N] [--repeat N]
                               [--full-model] [--markdown docs/speed.md]

Each measurement runs in a fresh subprocess, so its peak RSS is its own, with BLAS and
OpenMP pinned to one thread (set here, before any child imports numpy or spaCy). Rows:

- baseline: spaCy's `nlp.pipe` over the corpus's paragraphs with exactly the pipeline
  Redshank loads (`redshank.parse.load_nlp`: NER disabled, the tensor released);
- `code`: the Redshank pipeline (parse, actors, dates, places, coding), nothing stored;
- `ingest`: end to end into a fresh DuckDB file (parse, code, store, link, positions);
- `code` and `ingest` again with `--workers N` processes (default 2), and `ingest` on Dask:
  a LocalCluster the run starts (`--dask local`, one worker per core), and a LocalCluster
  of N workers already running and warmed (`--dask ADDRESS`), against one process;
- `redshank code` on one sentence, wall time of the command with a warm knowledge cache,
  next to a bare spaCy start-up (`load_nlp()` and one sentence) in a fresh interpreter.

Loading the pipeline is outside the throughput timings (it is the start-up row). Ratios
are baseline seconds / row seconds (targets: code >= 0.90, ingest >= 0.85; one sentence
<= 1.5 s and <= 700 MB). With --repeat N the measurements are interleaved N times and the
fastest of each kept, so a slow spell of a shared machine hits every row alike.
"""

from __future__ import annotations

import os

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                  "BLIS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[_variable] = "1"

import argparse  # noqa: E402 (the thread pinning above must come first)
import json  # noqa: E402
import multiprocessing  # noqa: E402
import platform  # noqa: E402
import resource  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's redshank, not another installed one
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "wikinews" / "wikinews_2004_2018.jsonl"
SENTENCE = "Iraq asked the United States to bomb militants."
CODE_COMMAND = ("-m", "redshank", "code", "-", "--published", "2014-06-11")
BARE_COMMAND = ("-c", f"from redshank.parse import load_nlp; load_nlp()({SENTENCE!r})")


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
    """Peak RSS of this process, or of its largest worker process if that is larger."""
    return max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
               resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024


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


def _documents(records: list[dict]) -> list:
    from redshank.model import Document

    return [Document(id=r["id"], text=r["text"],
                     published=date.fromisoformat(r["published"]) if r.get("published")
                     else None)
            for r in records]


def _pipeline(records: list[dict], workers: int, queue: multiprocessing.Queue) -> None:
    from redshank.pipeline import Pipeline

    pipeline = Pipeline.load(workers=workers)
    documents = _documents(records)
    start = time.perf_counter()
    events = sum(len(result.events) for result in pipeline.run(documents))
    elapsed = time.perf_counter() - start
    queue.put((elapsed, _peak_mb(), events))


def _ingest(records: list[dict], workers: int, queue: multiprocessing.Queue,
            dask: str | None = None) -> None:
    from redshank.api import ingest
    from redshank.pipeline import Pipeline
    from redshank.store import open_store

    pipeline = Pipeline.load(workers=workers, dask=dask)
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.jsonl"
        corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        with open_store(str(Path(folder) / "bench.duckdb")) as store:
            start = time.perf_counter()
            summary = ingest([str(corpus)], store=store, pipeline=pipeline)
            elapsed = time.perf_counter() - start
    queue.put((elapsed, _peak_mb(), summary.events))


def _ingest_running_cluster(records: list[dict], workers: int, queue: multiprocessing.Queue
                            ) -> None:
    """`ingest --dask ADDRESS` on a LocalCluster already running, its workers warmed by a
    first small run (they keep their pipeline between runs, as on a real cluster)."""
    from redshank.dask_workers import local_cluster
    from redshank.model import Document
    from redshank.pipeline import DEFAULT_BATCH_SIZE, Pipeline

    with local_cluster(workers) as cluster:
        warm = [Document(id=f"warm-{n}", text="Iraq asked the United States to bomb them.")
                for n in range(workers * DEFAULT_BATCH_SIZE)]
        list(Pipeline.load(dask=cluster.scheduler_address).run(warm))
        _ingest(records, 1, queue, dask=cluster.scheduler_address)


def measure(target, *args, **kwargs) -> tuple:
    """Run one measurement in a fresh process and return what it reported."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=target, args=(*args, queue), kwargs=kwargs)
    process.start()
    result = queue.get()
    process.join()
    return result


def command_wall(arguments: tuple[str, ...]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of `python ARGUMENTS` with the sentence on stdin."""
    with tempfile.TemporaryFile() as stdin:
        stdin.write(SENTENCE.encode() + b"\n")
        stdin.seek(0)
        start = time.perf_counter()
        process = subprocess.Popen([sys.executable, *arguments], cwd=ROOT, stdin=stdin,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"python {' '.join(arguments)} failed: "
                         f"{process.stderr.read().decode(errors='replace')[-500:]}")
    process.stderr.close()
    return elapsed, usage.ru_maxrss / 1024


def replace_throughput_section(path: Path, text: str) -> None:
    """Write the throughput part of the speed page, keeping its other (## ...) sections."""
    rest = ""
    if path.exists():
        old = path.read_text(encoding="utf-8")
        at = old.find("\n## ")
        rest = old[at:] if at >= 0 else ""
    path.write_text(
        "# Speed\n\nGenerated by `python bench/throughput.py --repeat 3 --markdown "
        f"docs/speed.md` on {date.today().isoformat()}; the other sections by the scripts "
        f"they name.\n\n{text}\n{rest}", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--max-words", type=int, default=150_000)
    parser.add_argument("--markdown", type=Path,
                        help="also write the table as this page's throughput section")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run each measurement this many times, interleaved, and keep "
                             "the fastest of each (default: 1)")
    parser.add_argument("--workers", type=int, default=2,
                        help="also time code and ingest with this many worker processes "
                             "(default: 2; 1 leaves those rows out)")
    parser.add_argument("--no-dask", action="store_true",
                        help="leave out the `ingest --dask local` row (a LocalCluster of one "
                             "single-threaded worker process per core)")
    parser.add_argument("--full-model", action="store_true",
                        help="also time spaCy's full model (NER included)")
    args = parser.parse_args()
    records = load_corpus(args.corpus, args.max_words)
    words = sum(len(r["text"].split()) for r in records)
    command_wall(CODE_COMMAND)  # fills the knowledge cache if this checkout's is cold
    runs: dict[str, list[tuple]] = {}
    for _ in range(args.repeat):  # interleaved, so a slow spell of the machine hits all
        runs.setdefault("bare", []).append(measure(_bare, records, False))
        if args.full_model:
            runs.setdefault("full", []).append(measure(_bare, records, True))
        runs.setdefault("code", []).append(measure(_pipeline, records, 1))
        runs.setdefault("ingest", []).append(measure(_ingest, records, 1))
        if args.workers > 1:
            runs.setdefault("code_workers", []).append(measure(_pipeline, records, args.workers))
            runs.setdefault("ingest_workers", []).append(measure(_ingest, records, args.workers))
        if not args.no_dask:
            runs.setdefault("ingest_dask", []).append(
                measure(_ingest, records, args.workers, dask="local"))
            runs.setdefault("ingest_cluster", []).append(
                measure(_ingest_running_cluster, records, args.workers))
        runs.setdefault("bare_start", []).append(command_wall(BARE_COMMAND))
        runs.setdefault("code_start", []).append(command_wall(CODE_COMMAND))
    fastest = {name: min(results) for name, results in runs.items()}
    base = fastest["bare"][0]
    rows = [("spaCy nlp.pipe, the pipeline Redshank loads (baseline)", *fastest["bare"][:2])]
    if args.full_model:
        rows.append(("spaCy nlp.pipe, full model (NER included)", *fastest["full"][:2]))
    rows += [("`code`: Redshank pipeline (parse, actors, dates, places, coding)",
              *fastest["code"][:2]),
             ("`ingest`: end to end into a fresh DuckDB file (+ store, link, positions)",
              *fastest["ingest"][:2])]
    if args.workers > 1:
        rows += [(f"`code --workers {args.workers}`", *fastest["code_workers"][:2]),
                 (f"`ingest --workers {args.workers}`", *fastest["ingest_workers"][:2])]
    if not args.no_dask:
        rows.append(("`ingest --dask local` (LocalCluster started by the run, one worker "
                     "per core)", *fastest["ingest_dask"][:2]))
        rows.append((f"`ingest --dask ADDRESS`, a running LocalCluster of {args.workers} "
                     "warmed workers", *fastest["ingest_cluster"][:2]))
    bare_start, bare_start_mb = fastest["bare_start"]
    code_start, code_start_mb = fastest["code_start"]
    lines = [
        f"Corpus: {args.corpus.name}, {len(records)} articles, {words:,} words; "
        f"Python {platform.python_version()}, one process, BLAS/OpenMP threads pinned to 1; "
        f"{fastest['code'][2]:,} events coded; fastest of {args.repeat} interleaved "
        f"run{'s' if args.repeat > 1 else ''} each.",
        "",
        "| run | seconds | words/s | ratio to baseline | peak RSS (MB) |",
        "|---|---:|---:|---:|---:|",
        *(f"| {name} | {secs:.1f} | {words / secs:,.0f} | {base / secs:.2f} | {mb:,.0f} |"
          for name, secs, mb in rows),
        "",
        "| start-up, one sentence, warm cache | wall seconds | peak RSS (MB) |",
        "|---|---:|---:|",
        f"| bare spaCy: `load_nlp()` and one sentence | {bare_start:.2f} | {bare_start_mb:,.0f} |",
        f"| `echo \"{SENTENCE}\" \\| redshank code - --published 2014-06-11` | "
        f"{code_start:.2f} | {code_start_mb:,.0f} |",
        "",
        f"Ratios to bare spaCy (same pipeline): `code` **{base / fastest['code'][0]:.2f}** "
        f"(target 0.90), `ingest` **{base / fastest['ingest'][0]:.2f}** (target 0.85); "
        f"one sentence **{code_start:.2f} s** (target 1.5 s), "
        f"{code_start - bare_start:+.2f} s on bare spaCy's start-up.",
    ]
    if args.workers > 1:
        lines += [
            "",
            f"`--workers {args.workers}` on {len(os.sched_getaffinity(0))} cores: `code` "
            f"**{fastest['code'][0] / fastest['code_workers'][0]:.2f}x** one process, "
            f"`ingest` **{fastest['ingest'][0] / fastest['ingest_workers'][0]:.2f}x** "
            "(target 1.8x); peak RSS is that of the largest process (each worker's own).",
        ]
    if not args.no_dask:
        local = fastest["ingest"][0] / fastest["ingest_dask"][0]
        running = fastest["ingest"][0] / fastest["ingest_cluster"][0]
        lines += ["", f"Dask: on a running cluster of {args.workers} workers **{running:.2f}x** "
                  f"one process (target 1.6x); `--dask local`, which starts the cluster and "
                  f"loads the pipeline in each worker within the run, **{local:.2f}x**."]
    text = "\n".join(lines)
    sys.stdout.write(text + "\n")
    if args.markdown:
        replace_throughput_section(args.markdown, text)


if __name__ == "__main__":
    main()
