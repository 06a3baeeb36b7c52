"""What the scripts that build and check our ground-truth files share.

    read_corpus      the shared Wikinews corpus, article by article
    half             an article's fixed half (A or B) by a hash of its id
    read_tsv         a tab-separated file of selected articles
    actor_codes      every country code and actor id of the packaged dictionaries
    squash           text with its whitespace collapsed (evidence is checked verbatim)
    fact_errors      what is wrong with one line of a truth file: JSON, type, required
                     fields, closed values, dates
    selection_parser the arguments of a selection script: --shared, --out, --check, --truth
    truth_records    the records of a truth file that parse (`fact_errors` reports the rest)
    names_private_set an article that names Iraq or Afghanistan (the private set: unread)
    gold_articles    the articles of the gold dev set
    gold_corpus_ids  the ids of the gold dev set's articles, in the gold set and in the
                     corpus (the corpus holds them under other ids: matched by title)

Used by scripts/select_coalition_articles.py, scripts/select_more_coalition_articles.py,
scripts/select_troop_change_articles.py and scripts/sample_positions.py.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ACTORS = REPO / "redshank" / "data" / "actors"
FILES = ("wikinews_2004_2018.jsonl", "wikinews_2019_2021.jsonl")
GOLD_ARTICLES = Path("data") / "gold" / "wikinews_plover_articles.jsonl"
PRIVATE_WORDS = re.compile(r"\b(Iraq|Iraqis?|Baghdad|Afghanistan|Afghans?|Kabul|Taliban)\b",
                           re.I)


def read_corpus(folder: Path) -> Iterator[dict]:
    for name in FILES:
        with (folder / name).open(encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    yield json.loads(line)


def names_private_set(article: dict) -> bool:
    """True for an article whose title or text names Iraq or Afghanistan (any case): the
    maintainers' private test set, which nobody here reads."""
    return bool(PRIVATE_WORDS.search(f"{article.get('title') or ''}\n{article['text']}"))


def gold_articles(shared: Path) -> list[dict]:
    """The articles of the gold dev set, in file order."""
    with (shared / GOLD_ARTICLES).open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def gold_corpus_ids(shared: Path) -> set[str]:
    """The gold dev set's article ids and the corpus ids of the same articles: the corpus
    holds every gold article under an id of its own, so they are matched by title."""
    gold = gold_articles(shared)
    titles = {_title(article) for article in gold}
    return {article["id"] for article in gold} | {
        article["id"] for article in read_corpus(shared / "data" / "wikinews")
        if _title(article) in titles}


def _title(article: dict) -> str:
    return " ".join((article.get("title") or "").split()).casefold()


def half(doc_id: str) -> str:
    return "A" if int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "B"


def read_tsv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def actor_codes() -> set[str]:
    codes = set()
    with (ACTORS / "cameo-countries.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            codes.add(row["iso3"])
    for path in sorted(ACTORS.glob("*.jsonl")):
        if path.name == "agents.jsonl":  # roles (~GOV, ~UAF), not actors
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                codes.add(json.loads(line)["id"])
    return codes


def squash(text: str) -> str:
    return " ".join(text.split())


def fact_errors(where: str, line: str, required: Mapping[str, set[str]],
                closed: Mapping[tuple[str, str], set[str]],
                dates: Mapping[str, re.Pattern[str]]) -> tuple[dict | None, list[str]]:
    """One truth line read: the fact (None when it cannot be checked further) and what
    is wrong with it, each error starting with `where` (file:line)."""
    try:
        fact = json.loads(line)
    except json.JSONDecodeError as error:
        return None, [f"{where}: not JSON ({error})"]
    if not isinstance(fact, dict):
        return None, [f"{where}: not a JSON object"]
    kind = fact.get("type")
    if kind not in required:
        return None, [f"{where}: unknown type {kind!r}"]
    missing = required[kind] - fact.keys()
    if missing:
        return None, [f"{where}: {kind} lacks {sorted(missing)}"]
    errors = []
    for (of, field), allowed in closed.items():
        if of == kind and fact[field] not in allowed:
            errors.append(f"{where}: {field} {fact[field]!r} not one of {sorted(allowed)}")
    for field, pattern in dates.items():
        if field in fact and fact[field] is not None and not pattern.match(str(fact[field])):
            errors.append(f"{where}: {field} {fact[field]!r} is not a date of its form")
    return fact, errors


def selection_parser(description: str, out_dir: Path) -> argparse.ArgumentParser:
    """The arguments of a script that selects articles into `out_dir` and checks the
    truth file written for them."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared",
                        help="shared data folder (default: ../shared next to the repository)")
    parser.add_argument("--out", type=Path, default=out_dir / "articles.tsv",
                        help="the articles table to write (or, with --check, to read)")
    parser.add_argument("--check", action="store_true",
                        help="check the truth file instead of selecting")
    parser.add_argument("--truth", type=Path, default=out_dir / "truth.jsonl")
    return parser


def truth_records(path: Path) -> list[dict]:
    """The lines of a truth file that are JSON objects; `fact_errors` reports the others."""
    records = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(record, dict):
            records.append(record)
    return records
