"""Score the troop withdrawals, cuts, increases and deployments Redshank reads in real news.

Usage:
    .venv/bin/python scripts/troop_change_quality.py [--shared DIR]          # markdown section
    .venv/bin/python scripts/troop_change_quality.py --errors [--shared DIR] # half A's errors

The articles are those of redshank/data/evaluation/troop_changes/articles.tsv (selected by
the rule in scripts/select_troop_change_articles.py: a withdrawal or cut verb near a
troop noun, no article about Iraq or Afghanistan) and the truth is its truth.jsonl (what
the articles state, read by a person; README.md there). Each article is coded by the full
pipeline and its troop statements read (redshank/positions/troops.py) on a spaCy parse of
its text, as `derive` reads stored documents. A statement is keyed (article, holder,
change, month): the month of the coded event at its words when the coder dated it from
the text ("withdrew in 1984": the year), else the article's (`dated_event`, as the
coalition view dates it). Counted are statements
announced, planned or completed; a demand, refusal, condition or possibility the truth
records as not a change and Redshank reports as one is a "reversed meaning".

Scores for halves A and B (by article, in articles.tsv) and both; `--errors` prints half
A's misses and false alarms only.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from redshank.model import Document  # noqa: E402
from redshank.parse import load_nlp  # noqa: E402
from redshank.pipeline import Pipeline  # noqa: E402
from redshank.positions.context import DocContext  # noqa: E402
from redshank.positions.lexicon import default_lexicon  # noqa: E402
from redshank.positions.membership import dated_event  # noqa: E402
from redshank.positions.stage import parse_contexts  # noqa: E402
from redshank.positions.troops import read_document_troops  # noqa: E402

COMMAND = ".venv/bin/python scripts/troop_change_quality.py"
TRUTH = REPO / "redshank" / "data" / "evaluation" / "troop_changes"
CORPORA = ("wikinews_2004_2018.jsonl", "wikinews_2019_2021.jsonl")
HALVES = ("A", "B")
STATED = frozenset({"announced", "planned", "completed"})
MEASURES = {"withdrawals and cuts": ("withdrawal", "cut"),
            "all changes": ("withdrawal", "cut", "increase", "deployment")}


def load(shared: Path) -> tuple[list[Document], dict[str, str], list[dict]]:
    with (TRUTH / "articles.tsv").open(encoding="utf-8") as handle:
        halves = {row["doc_id"]: row["half"] for row in csv.DictReader(handle, delimiter="\t")}
    documents = []
    for name in CORPORA:
        path = shared / "data" / "wikinews" / name
        if path.exists():
            with path.open(encoding="utf-8") as handle:
                for line in handle:
                    record = json.loads(line)
                    if record["id"] in halves:
                        documents.append(Document(
                            id=record["id"], text=record["text"], title=record.get("title"),
                            published=date.fromisoformat(record["published"])
                            if record.get("published") else None))
    with (TRUTH / "truth.jsonl").open(encoding="utf-8") as handle:
        facts = [json.loads(line) for line in handle if line.strip()]
    return documents, halves, facts


def predicted(documents: list[Document]) -> list[tuple[tuple, str, str]]:
    """(key, status, sentence) of every troop statement read in the articles."""
    pipeline = Pipeline.load(workers=1)
    contexts = [DocContext.build(r.events, r.document, r.sentences, r.actors)
                for r in pipeline.run(documents) if r.sentences]
    parse_contexts(load_nlp(), contexts)
    found = []
    lexicon = default_lexicon()
    for ctx in contexts:
        for fact in read_document_troops(ctx, lexicon):
            if fact.change is None:
                continue
            event = dated_event(ctx, fact.span)
            day = event.date_start if event else ctx.published
            month = (day.isoformat()[:4] if event and event.date_precision == "year"
                     else day.isoformat()[:7] if day else None)
            found.append(((ctx.doc_id, fact.holder.key, fact.change, month), fact.status,
                          ctx.sentence(fact.sentence_index)[0]))
    return found


def scores(facts: list[dict], found: list[tuple[tuple, str, str]], docs: set[str],
           changes: tuple[str, ...]) -> tuple[set, set, int, dict]:
    true = {(f["doc_id"], f["holder"], f["change"], f["month"]) for f in facts
            if f["type"] == "change" and f["doc_id"] in docs and f["change"] in changes}
    said = {key for key, status, _ in found
            if key[0] in docs and key[2] in changes and status in STATED}
    denied = {(f["doc_id"], f["holder"]) for f in facts
              if f["type"] == "not-change" and f["doc_id"] in docs}
    reversed_ = len({key for key in said - true if (key[0], key[1]) in denied})
    examples = {key: sentence for key, _, sentence in found}
    examples.update({(f["doc_id"], f["holder"], f["change"], f["month"]): f["evidence"]
                     for f in facts if f["type"] == "change"})
    return said, true, reversed_, examples


def _cell(right: int, total: int) -> str:
    return f"{right / total:.2f} ({right}/{total})" if total else "- (0/0)"


def report(shared: Path) -> str:
    documents, halves, facts = load(shared)
    found = predicted(documents)
    lines = [
        "## Troop withdrawals and cuts in real news "
        "(`redshank/data/evaluation/troop_changes`)", "",
        f"<!-- Generated by scripts/troop_change_quality.py: regenerate with `{COMMAND}`. -->",
        "",
        f"{len(documents)} Wikinews articles selected by a recorded rule (a withdrawal or cut "
        "verb near a troop noun; none about Iraq or Afghanistan: "
        "scripts/select_troop_change_articles.py), against what they state "
        f"({sum(f['type'] == 'change' for f in facts)} changes and "
        f"{sum(f['type'] == 'not-change' for f in facts)} demands, refusals, conditions or "
        "possibilities that are not, read by a person: its README.md). A statement is right "
        "when its holder, change and month are. Halves by article.", "",
        "| measure | half | precision | recall | reported with the meaning reversed |",
        "| :-- | :-- | --: | --: | --: |",
    ]
    for name, changes in MEASURES.items():
        for half in (*HALVES, "both"):
            docs = {d for d, h in halves.items() if half == "both" or h == half}
            said, true, reversed_, _ = scores(facts, found, docs, changes)
            right = len(said & true)
            lines.append(f"| {name} | {half} | {_cell(right, len(said))} | "
                         f"{_cell(right, len(true))} | {reversed_} |")
    return "\n".join(lines) + "\n"


def errors(shared: Path) -> str:
    documents, halves, facts = load(shared)
    found = predicted(documents)
    docs = {d for d, h in halves.items() if h == "A"}
    said, true, _, examples = scores(facts, found, docs, MEASURES["all changes"])
    out = [f"- missed: {key} :: {examples.get(key, '')[:200]}" for key in sorted(true - said)]
    out += [f"- false alarm: {key} :: {examples.get(key, '')[:200]}"
            for key in sorted(said - true)]
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--errors", action="store_true",
                        help="print half A's misses and false alarms instead")
    args = parser.parse_args()
    shared = args.shared.resolve()
    sys.stdout.write(errors(shared) if args.errors else report(shared))


if __name__ == "__main__":
    main()
