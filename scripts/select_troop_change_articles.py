"""Select the Wikinews articles of the troop-change ground truth and check its truth file.

Usage:
    .venv/bin/python scripts/select_troop_change_articles.py [--shared DIR] [--out FILE]
    .venv/bin/python scripts/select_troop_change_articles.py --check [--truth FILE]

Writes redshank/data/evaluation/troop_changes/articles.tsv (doc_id, half, published,
title), one row per article, in corpus order, and prints counts. Only the text of the
shared Wikinews corpus (wikinews_2004_2018.jsonl and wikinews_2019_2021.jsonl) is read;
"text" below is the title and the body.

The rule, applied to every article:

1. Match. Some sentence of the text (the text is split at line breaks and after ".", "!"
   or "?" followed by a space) has a withdrawal or cut verb and a troop noun at most 8
   words apart (either order; words are runs of letters, digits, "'" and "-"):
   verb: withdraw*, drawdown, reduc*, cut*, halv*, or the two-word forms pull* out,
   pull* back, bring* home, scal* back, draw* down (the position of the first word
   counts); troop noun: troops, soldiers, forces, contingent, peacekeepers, personnel,
   battalion*. Case is ignored. The verb list is the brief's, taken literally: "withdrew",
   "brought home" and "drew down" do not start with its stems and are not covered.
2. Exclude every article whose text matches (case ignored) \\bIraq (Iraq, Iraqi, Iraqis),
   \\bBaghdad, \\bAfghan (Afghanistan, Afghan, Afghans), \\bKabul or \\bTaliban: those
   articles belong to a private evaluation set that must not be read.
3. Exclude the articles listed in redshank/data/evaluation/coalitions/articles.tsv (the
   coalition ground truth).
4. If more than 60 articles remain, take a sample of 60 with random.Random(SEED).sample
   over the matching doc_ids in corpus order, SEED = 15; the sample is written in corpus
   order.

half: "A" when int(sha256(doc_id).hexdigest(), 16) is even, else "B".

--check loads the truth file (truth.jsonl beside articles.tsv) and reports every line that
is not valid JSON, lacks a required field, has a value out of its closed set or a date not
of its form, a country or organisation code (holder, place, the optional by list) missing
from the actor dictionaries, a doc_id not selected, or evidence that is not verbatim in the
article (whitespace collapsed). A "change" has a non-null month; month is YYYY-MM, or YYYY
when the article gives only the year.
"""

from __future__ import annotations

import csv
import random
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from truth_files import (
    actor_codes,
    fact_errors,
    half,
    read_corpus,
    read_tsv,
    selection_parser,
    squash,
    truth_records,
)

REPO = Path(__file__).resolve().parents[1]
OUT_DIR = REPO / "redshank" / "data" / "evaluation" / "troop_changes"
COALITION_ARTICLES = REPO / "redshank" / "data" / "evaluation" / "coalitions" / "articles.tsv"
SEED = 15
SAMPLE = 60
WINDOW = 8

EXCLUDE = re.compile(r"\bIraq|\bBaghdad|\bAfghan|\bKabul|\bTaliban", re.I)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
WORD = re.compile(r"[A-Za-z0-9'\-]+")
VERB_ONE = re.compile(r"^(?:withdraw\w*|drawdown\w*|reduc\w*|cut\w*|halv\w*)$", re.I)
VERB_TWO = (("pull", "out"), ("pull", "back"), ("bring", "home"), ("scal", "back"),
            ("draw", "down"))
NOUN = re.compile(r"^(?:troops|soldiers|forces|contingent|peacekeepers|personnel"
                  r"|battalion\w*)$", re.I)


def text_of(article: dict) -> str:
    return article["title"] + "\n" + article["text"]


def sentence_matches(sentence: str) -> bool:
    words = WORD.findall(sentence)
    lower = [w.lower() for w in words]
    verbs = [i for i, w in enumerate(words) if VERB_ONE.match(w)]
    for i in range(len(lower) - 1):
        for first, second in VERB_TWO:
            if lower[i].startswith(first) and lower[i + 1] == second:
                verbs.append(i)
    if not verbs:
        return False
    nouns = [i for i, w in enumerate(words) if NOUN.match(w)]
    return any(abs(v - n) <= WINDOW for v in verbs for n in nouns)


def matches(article: dict) -> bool:
    return any(sentence_matches(s) for s in SENTENCE_END.split(text_of(article)))


def select(folder: Path) -> tuple[list[dict], Counter]:
    coalition_ids = {row["doc_id"] for row in read_tsv(COALITION_ARTICLES)}
    counts: Counter = Counter()
    kept = []
    for article in read_corpus(folder):
        if not matches(article):
            continue
        counts["match"] += 1
        if EXCLUDE.search(text_of(article)):
            counts["excluded: Iraq/Afghanistan"] += 1
            continue
        if article["id"] in coalition_ids:
            counts["excluded: coalition set"] += 1
            continue
        kept.append(article)
    counts["eligible"] = len(kept)
    if len(kept) > SAMPLE:
        chosen = set(random.Random(SEED).sample([a["id"] for a in kept], SAMPLE))
        kept = [a for a in kept if a["id"] in chosen]
    rows = [{"doc_id": a["id"], "half": half(a["id"]), "published": a.get("published") or "",
             "title": " ".join(a["title"].split())} for a in kept]
    return rows, counts


def write_tsv(rows: list[dict], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, ["doc_id", "half", "published", "title"], delimiter="\t",
                                lineterminator="\n", quoting=csv.QUOTE_NONE, quotechar=None)
        writer.writeheader()
        writer.writerows(rows)


# ---- the check of truth.jsonl -------------------------------------------------------

REQUIRED = {
    "change": {"holder", "change", "status", "count", "month", "target", "place", "doc_id",
               "evidence"},
    "not-change": {"holder", "why", "doc_id", "evidence"},
}
CLOSED = {
    ("change", "change"): {"withdrawal", "cut", "increase", "deployment"},
    ("change", "status"): {"announced", "completed"},
    ("not-change", "why"): {"demand", "refusal", "condition", "possibility", "denial"},
}
# month is YYYY-MM, or YYYY when the text gives only the year ("withdrew in 1984")
DATE = {"month": re.compile(r"^\d{4}(-\d{2})?$"), "target": re.compile(r"^\d{4}(-\d{2})?$")}


def check(truth: Path, articles: Path, folder: Path) -> list[str]:
    listed = {row["doc_id"] for row in read_tsv(articles)}
    texts = {a["id"]: squash(text_of(a)) for a in read_corpus(folder) if a["id"] in listed}
    codes = actor_codes()
    errors = []
    for number, line in enumerate(truth.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{truth.name}:{number}"
        fact, found = fact_errors(where, line, REQUIRED, CLOSED, DATE)
        errors.extend(found)
        if fact is None:
            continue
        kind = fact["type"]
        if kind == "change" and fact["month"] is None:
            errors.append(f"{where}: month is null")
        if "count" in fact and fact["count"] is not None \
                and not (isinstance(fact["count"], int) and fact["count"] > 0):
            errors.append(f"{where}: count {fact['count']!r} is not a positive integer")
        for field in ("holder", "place"):
            code = fact.get(field)
            if (field == "holder" or code is not None) and code not in codes:
                errors.append(f"{where}: {field} {code!r} not in the actor dictionaries")
        by = fact.get("by", [])
        if not isinstance(by, list):
            errors.append(f"{where}: by {by!r} is not a list")
        else:
            for code in by:
                if code not in codes:
                    errors.append(f"{where}: by {code!r} not in the actor dictionaries")
        doc = fact["doc_id"]
        if doc not in listed:
            errors.append(f"{where}: {doc} is not a selected article")
            continue
        if not isinstance(fact["evidence"], str) or not fact["evidence"].strip() \
                or squash(fact["evidence"]) not in texts[doc]:
            errors.append(f"{where}: evidence not verbatim in {doc}")
    return errors


def main(argv: Sequence[str] | None = None) -> int:
    args = selection_parser(__doc__.splitlines()[0], OUT_DIR).parse_args(argv)
    folder = args.shared / "data" / "wikinews"
    if args.check:
        errors = check(args.truth, args.out, folder)
        for error in errors:
            sys.stderr.write(error + "\n")
        halves = {row["doc_id"]: row["half"] for row in read_tsv(args.out)}
        facts = truth_records(args.truth)
        counts = Counter((f.get("type"), f.get("change") or f.get("why"),
                          halves.get(f.get("doc_id"), "?")) for f in facts)
        for (kind, sub, side), n in sorted(counts.items(), key=str):
            sys.stderr.write(f"{kind!s:11} {sub!s:11} {side} {n}\n")
        sys.stderr.write(f"{len(facts)} facts, {len(errors)} errors\n")
        return 1 if errors else 0
    rows, counts = select(folder)
    write_tsv(rows, args.out)
    for key, n in counts.items():
        sys.stderr.write(f"{key}: {n}\n")
    sides = Counter(row["half"] for row in rows)
    sys.stderr.write(f"selected {len(rows)} articles (A {sides['A']}, B {sides['B']}) "
                     f"-> {args.out}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
