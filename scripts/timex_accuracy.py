"""Score `redshank.api.temporal_expressions` on the hand-annotated TIMEX3 set, TempEval-3 style.

The set (tests/when/timex_wikinews.jsonl, conventions in tests/when/TIMEX.md) has one
record per expression: doc_id, half (A or B), published, start, end, text, type, value.
Article texts are in tests/when/timex_wikinews_articles.jsonl.

Measures, as in TempEval-3:

- **strict** extent P/R/F1: system and gold spans identical;
- **relaxed** extent P/R/F1: spans overlap (each gold and system expression matched once);
- **value** P/R/F1: relaxed matches whose value is also right, over system and gold counts;
- **type** accuracy: relaxed matches whose type is right.

Per type, recall counts gold expressions of the type and precision system expressions of
the type. `--errors` lists misses and wrong values; it is allowed on half A only, so that
half B stays a held-out check.

Usage:
    .venv/bin/python scripts/timex_accuracy.py [--half A|B] [--errors]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from redshank.api import temporal_expressions  # noqa: E402

GOLD = REPO / "tests" / "when" / "timex_wikinews.jsonl"
ARTICLES = REPO / "tests" / "when" / "timex_wikinews_articles.jsonl"
TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True, slots=True)
class Timex:
    doc_id: str
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(slots=True)
class Counts:
    gold: int = 0
    system: int = 0
    strict_gold: int = 0
    strict_system: int = 0
    relaxed_gold: int = 0
    relaxed_system: int = 0
    value_gold: int = 0
    value_system: int = 0
    typed: int = 0


def _f1(right_system: int, system: int, right_gold: int, gold: int) -> tuple[float, float, float]:
    precision = right_system / system if system else 0.0
    recall = right_gold / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _match(gold: list[Timex], system: list[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one overlapping pairs, exact spans first, then in text order."""
    pairs: list[tuple[Timex, Timex]] = []
    used_gold: set[int] = set()
    used_system: set[int] = set()
    for exact in (True, False):
        for g_index, g in enumerate(gold):
            if g_index in used_gold:
                continue
            for s_index, s in enumerate(system):
                if s_index in used_system:
                    continue
                same = (g.start, g.end) == (s.start, s.end)
                if same if exact else (s.start < g.end and g.start < s.end):
                    pairs.append((g, s))
                    used_gold.add(g_index)
                    used_system.add(s_index)
                    break
    return pairs


def score(half: str | None, errors: bool) -> None:
    articles = {}
    for line in ARTICLES.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if half is None or record["half"] == half:
            articles[record["id"]] = record
    gold: dict[str, list[Timex]] = defaultdict(list)
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if r["doc_id"] in articles:
            gold[r["doc_id"]].append(Timex(r["doc_id"], r["start"], r["end"], r["text"],
                                           r["type"], r["value"]))
    totals: dict[str, Counts] = defaultdict(Counts)
    problems: list[str] = []
    for doc_id, article in articles.items():
        published = date.fromisoformat(article["published"])
        system = [Timex(doc_id, e.span.start, e.span.end, e.text, e.type, e.value)
                  for e in temporal_expressions(article["text"], published)]
        pairs = _match(gold[doc_id], system)
        for key_of in (lambda t: "all", lambda t: t.type):
            for g in gold[doc_id]:
                totals[key_of(g)].gold += 1
            for s in system:
                totals[key_of(s)].system += 1
            for g, s in pairs:
                gold_counts, system_counts = totals[key_of(g)], totals[key_of(s)]
                gold_counts.relaxed_gold += 1
                system_counts.relaxed_system += 1
                if (g.start, g.end) == (s.start, s.end):
                    gold_counts.strict_gold += 1
                    system_counts.strict_system += 1
                if g.value == s.value:
                    gold_counts.value_gold += 1
                    system_counts.value_system += 1
                if g.type == s.type:
                    gold_counts.typed += 1
        if errors:
            matched_gold = {id(g) for g, _ in pairs}
            matched_system = {id(s) for _, s in pairs}
            problems += [f"missed  {doc_id} {g.text!r} {g.type} {g.value}"
                         for g in gold[doc_id] if id(g) not in matched_gold]
            problems += [f"spurious {doc_id} {s.text!r} {s.type} {s.value}"
                         for s in system if id(s) not in matched_system]
            problems += [f"value   {doc_id} {g.text!r}: gold {g.type} {g.value}, "
                         f"system {s.text!r} {s.type} {s.value}"
                         for g, s in pairs if (g.value, g.type) != (s.value, s.type)]
    _print(totals, half)
    if errors:
        print()
        print("\n".join(sorted(problems)))


def _print(totals: dict[str, Counts], half: str | None) -> None:
    label = f"half {half}" if half else "halves A+B"
    print(f"TIMEX3 set ({label}): {totals['all'].gold} gold expressions, "
          f"{totals['all'].system} found\n")
    print("| type | gold | found | strict P | strict R | strict F1 | relaxed P | relaxed R "
          "| relaxed F1 | value P | value R | value F1 | type acc |")
    print("| :-- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |")
    for key in ("all", *TYPES):
        c = totals[key]
        strict = _f1(c.strict_system, c.system, c.strict_gold, c.gold)
        relaxed = _f1(c.relaxed_system, c.system, c.relaxed_gold, c.gold)
        value = _f1(c.value_system, c.system, c.value_gold, c.gold)
        typed = c.typed / c.relaxed_gold if c.relaxed_gold else 0.0
        name = f"**{key}**" if key == "all" else key
        cells = [*strict, *relaxed, *value, typed]
        print(f"| {name} | {c.gold} | {c.system} | "
              + " | ".join(f"{x:.3f}" for x in cells) + " |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("A", "B"))
    parser.add_argument("--errors", action="store_true",
                        help="list every miss and wrong value (half A only)")
    args = parser.parse_args(argv)
    if args.errors and args.half != "A":
        parser.error("--errors is allowed on half A only (half B is held out): add --half A")
    score(args.half, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
