"""Score the WHERE stage on the hand-labelled place set and print Markdown tables.

The set (tests/where/places_gold.jsonl) has one JSON record per line, each an article of
one sentence (plus optional `context`, text that precedes it in the same article):

    {"id": ..., "text": ..., "context": "...",
     "places": [[text, country ISO3 or null, precision, admin1 name (optional)], ...],
     "not_places": [text, ...],          # names that must not be read as places
     "events": [[trigger word, place text or null], ...]}

A gold place is right when a mention covers its text and resolves to the same country and
precision (and admin1, when given). A `not_places` name is right when no mention overlaps
it. Mentions that match nothing in the gold are counted as spurious and lower the
accuracy. Events are right when `governing_place` picks the gold place (or none).

`tests/where/places_heldout.jsonl` is a second set, written after the rules were settled.

Usage:
    python scripts/place_accuracy.py [--gold tests/where/places_gold.jsonl] [--errors]
    python scripts/place_accuracy.py --gold tests/where/places_heldout.jsonl
    python scripts/place_accuracy.py --bench ARTICLES.jsonl [--paragraphs 400]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from redshank.parse import load_nlp, split_paragraphs
from redshank.where import (
    PlaceMention,
    article_context,
    find_place_mentions,
    governing_place,
    load_gazetteer,
    locate_places,
    person_names,
    resolve_ambiguous,
)

GOLD = Path(__file__).resolve().parents[1] / "tests" / "where" / "places_gold.jsonl"


@dataclass
class Tally:
    """Counts for one table row."""

    right: int = 0
    total: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, ok: bool, error: str) -> None:
        self.total += 1
        self.right += ok
        if not ok:
            self.errors.append(error)

    @property
    def rate(self) -> float:
        return self.right / self.total if self.total else 0.0


def occurrences(text: str, needle: str, outside: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of needle as a whole word in text, skipping those inside `outside` spans."""
    found = []
    for match in re.finditer(rf"(?<!\w){re.escape(needle)}(?!\w)", text):
        if not any(s <= match.start() < e for s, e in outside):
            found.append(match.span())
    return found


def locate(record: dict, nlp) -> tuple[str, list, list[PlaceMention]]:
    """Parse a record's article and find and resolve its places as the pipeline would."""
    context = record.get("context", "")
    text = f"{context}\n\n{record['text']}" if context else record["text"]
    paragraphs = split_paragraphs(text)
    parsed = [(p, nlp(p.text)) for p in paragraphs]
    found = locate_places([(doc, p.offset) for p, doc in parsed])
    return text, parsed, [m for mentions in found for m in mentions]


def score(gold_path: Path) -> dict[str, Tally]:
    """Tallies for place mentions, organisation/person names, spurious finds and events."""
    nlp = load_nlp()
    tallies = {name: Tally() for name in ("places", "not_places", "spurious", "events")}
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        text, parsed, mentions = locate(record, nlp)
        base = len(text) - len(record["text"])
        claimed: set[int] = set()
        seen: dict[str, int] = {}
        excluded = [span for name in record.get("not_places", [])
                    for span in occurrences(record["text"], name, [])]
        for item in record["places"]:
            name, country, precision = item[0], item[1], item[2]
            admin1 = item[3] if len(item) > 3 else None
            start, end = occurrences(record["text"], name, excluded)[seen.get(name, 0)]
            seen[name] = seen.get(name, 0) + 1
            start, end = start + base, end + base
            hits = [m for m in mentions if m.span.start < end and start < m.span.end]
            claimed.update(id(m) for m in hits)
            location = hits[0].location if hits else None
            ok = (location is not None and location.country == country
                  and location.precision == precision
                  and (admin1 is None or location.admin1 == admin1))
            got = (f"{location.name}/{location.country}/{location.precision}/{location.admin1}"
                   if location else "not found")
            tallies["places"].add(ok, f"{record['id']}: {name!r} -> {got}, want "
                                      f"{country}/{precision}{'/' + admin1 if admin1 else ''}")
        for name in record.get("not_places", []):
            start, end = occurrences(record["text"], name, [])[0]
            start, end = start + base, end + base
            hits = [m for m in mentions if m.span.start < end and start < m.span.end]
            claimed.update(id(m) for m in hits)
            tallies["not_places"].add(not hits, f"{record['id']}: {name!r} read as "
                                                f"{[m.location.name for m in hits]}")
        for mention in mentions:
            if id(mention) not in claimed:
                tallies["spurious"].add(False, f"{record['id']}: spurious {mention.text!r} -> "
                                               f"{mention.location.name}")
        for trigger_text, want in record.get("events", []):
            doc = parsed[-1][1]
            trigger = next(t for t in doc if t.text == trigger_text)
            local = [m for m in mentions if m.span.start >= parsed[-1][0].offset]
            chosen, why = governing_place(trigger, local)
            got = chosen.text if chosen else None
            tallies["events"].add(got == want, f"{record['id']}: {trigger_text!r} -> {got!r} "
                                               f"({why}), want {want!r}")
    return tallies


def report(tallies: dict[str, Tally]) -> str:
    """The Markdown tables for docs/quality.md."""
    places, names, spurious, events = (tallies[k] for k in
                                       ("places", "not_places", "spurious", "events"))
    overall = (places.right + names.right) / (places.total + names.total + spurious.total)
    rows = [
        "| measure | right | of | rate |",
        "| --- | ---: | ---: | ---: |",
        f"| place mentions found and resolved (country, precision, admin1) | {places.right} "
        f"| {places.total} | {places.rate:.3f} |",
        f"| organisation / person names not read as places | {names.right} | {names.total} "
        f"| {names.rate:.3f} |",
        f"| spurious place mentions (count against accuracy) | - | {spurious.total} | - |",
        f"| **place accuracy** (right / (gold + spurious)) | {places.right + names.right} | "
        f"{places.total + names.total + spurious.total} | **{overall:.3f}** |",
        f"| event place chosen by `governing_place` (or rightly none) | {events.right} | "
        f"{events.total} | {events.rate:.3f} |",
    ]
    return "\n".join(rows)


def bench(path: Path, limit: int) -> str:
    """ms per paragraph: spaCy parse vs finding, contextualising and resolving places."""
    nlp = load_nlp()
    paragraphs: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            paragraphs.extend(p.text for p in split_paragraphs(json.loads(line)["text"]))
            if len(paragraphs) >= limit:
                break
    paragraphs = paragraphs[:limit]
    start = time.perf_counter()
    load_gazetteer()
    load_ms = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    docs = list(nlp.pipe(paragraphs, batch_size=32))
    parse_ms = (time.perf_counter() - start) * 1000 / len(docs)
    start = time.perf_counter()
    mentions = [find_place_mentions(doc) for doc in docs]
    find_ms = (time.perf_counter() - start) * 1000 / len(docs)
    start = time.perf_counter()
    flat = [m for ms in mentions for m in ms]
    resolve_ambiguous(flat, article_context(flat, docs), persons=person_names(docs))
    resolve_ms = (time.perf_counter() - start) * 1000 / len(docs)
    return "\n".join([
        "| step | ms / paragraph |",
        "| --- | ---: |",
        f"| spaCy parse (batch 32) | {parse_ms:.2f} |",
        f"| find_place_mentions | {find_ms:.3f} |",
        f"| article_context + person_names + resolve_ambiguous | {resolve_ms:.3f} |",
        f"| places / parse | {(find_ms + resolve_ms) / parse_ms:.1%} |",
        f"\n{len(docs)} paragraphs from {path.name}; loading the gazetteer once took "
        f"{load_ms:.0f} ms.",
    ])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=GOLD, help="labelled place set (JSONL)")
    parser.add_argument("--errors", action="store_true", help="also list every error")
    parser.add_argument("--bench", type=Path, help="articles JSONL to time instead")
    parser.add_argument("--paragraphs", type=int, default=400, help="paragraphs to time")
    args = parser.parse_args()
    if args.bench:
        print(bench(args.bench, args.paragraphs))
        return
    tallies = score(args.gold)
    print(report(tallies))
    if args.errors:
        for name, tally in tallies.items():
            for error in tally.errors:
                print(f"- {name}: {error}")


if __name__ == "__main__":
    main()
