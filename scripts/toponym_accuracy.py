"""Score the place stage on the hand-annotated Wikinews toponyms and print Markdown tables.

The set is tests/where/toponyms_wikinews.jsonl (format and conventions in
tests/where/TOPONYMS.md). Each article's selected paragraphs are parsed with
`redshank.parse.load_nlp` and located together by `redshank.where.locate_places`, as the
pipeline does for a document (without the actor stage's countries and persons).

A gold toponym is found when a system mention overlaps it by a character. Precision counts
the system mentions that overlap no gold toponym as false, except those overlapping a gold
adjectival item and those the system itself flags `adjectival`, which count neither way.
A found toponym is resolved within 161 km when the system place has the gold GeoNames id or
lies within 161 km (great circle) of the gold coordinates.

Usage:
    python scripts/toponym_accuracy.py [--half A|B] [--errors] [--json]

`--errors` lists misses, false alarms and far resolutions, for half A only: nobody reads
half B's text to tune the system.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # score the checkout the script is in, not another install
GOLD = REPO / "tests" / "where" / "toponyms_wikinews.jsonl"
RADIUS_KM = 161.0
EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True, slots=True)
class SystemMention:
    """A place mention of the system, reduced to what scoring needs (offsets in the record)."""

    start: int
    end: int
    text: str
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    adjectival: bool = False


@dataclass(slots=True)
class Outcome:
    """How one record's gold toponyms and system mentions matched."""

    found: list[tuple[dict, SystemMention, float | None, bool]] = field(default_factory=list)
    missed: list[dict] = field(default_factory=list)
    false_alarms: list[SystemMention] = field(default_factory=list)
    true_mentions: int = 0


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Characters shared by two half-open ranges (0 when disjoint)."""
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def resolution(gold: dict, mention: SystemMention) -> tuple[float | None, bool]:
    """Distance of the system place to the gold one (None without coordinates), and whether
    it is right: same GeoNames id, or within 161 km."""
    km = None
    if mention.lat is not None and mention.lon is not None:
        km = distance_km(gold["lat"], gold["lon"], mention.lat, mention.lon)
    same_id = gold.get("geonames_id") is not None and gold["geonames_id"] == mention.geonames_id
    return km, same_id or (km is not None and km <= RADIUS_KM)


def match(record: dict, mentions: Sequence[SystemMention]) -> Outcome:
    """Match a record's gold toponyms to system mentions by character overlap."""
    outcome = Outcome()
    toponyms = [m for m in mentions if not m.adjectival]  # a demonym finds no toponym
    for gold in record["toponyms"]:
        best = max(toponyms, default=None,
                   key=lambda m: overlaps(gold["start"], gold["end"], m.start, m.end))
        if best is None or not overlaps(gold["start"], gold["end"], best.start, best.end):
            outcome.missed.append(gold)
            continue
        outcome.found.append((gold, best, *resolution(gold, best)))
    for mention in mentions:
        if any(overlaps(g["start"], g["end"], mention.start, mention.end)
               for g in record["toponyms"]):
            outcome.true_mentions += 1
        elif mention.adjectival or any(overlaps(a["start"], a["end"], mention.start, mention.end)
                                       for a in record.get("adjectival", ())):
            continue
        else:
            outcome.false_alarms.append(mention)
    return outcome


def _rate(right: int, total: int) -> float | None:
    return right / total if total else None


def metrics(outcomes: Iterable[Outcome]) -> dict[str, object]:
    """Recall, precision, accuracy within 161 km, error km: overall and by gold feature."""
    outcomes = list(outcomes)
    found = [f for o in outcomes for f in o.found]
    missed = [g for o in outcomes for g in o.missed]
    true_mentions = sum(o.true_mentions for o in outcomes)
    false_alarms = sum(len(o.false_alarms) for o in outcomes)
    errors = [km for _, _, km, _ in found if km is not None]
    summary: dict[str, object] = {
        "toponyms": len(found) + len(missed),
        "found": len(found),
        "recall": _rate(len(found), len(found) + len(missed)),
        "precision": _rate(true_mentions, true_mentions + false_alarms),
        "false_alarms": false_alarms,
        "acc161": _rate(sum(ok for *_, ok in found), len(found)),
        "mean_km": statistics.fmean(errors) if errors else None,
        "median_km": statistics.median(errors) if errors else None,
    }
    by_feature: dict[str, dict[str, int]] = defaultdict(lambda: {"gold": 0, "found": 0, "right": 0})
    for gold in missed:
        by_feature[gold["feature"]]["gold"] += 1
    for gold, _, _, ok in found:
        row = by_feature[gold["feature"]]
        row["gold"] += 1
        row["found"] += 1
        row["right"] += ok
    summary["by_feature"] = {
        feature: {**row, "recall": _rate(row["found"], row["gold"]),
                  "acc161": _rate(row["right"], row["found"])}
        for feature, row in sorted(by_feature.items(), key=lambda kv: (-kv[1]["gold"], kv[0]))}
    return summary


def system_mention(mention: object, offset: int) -> SystemMention:
    """A `PlaceMention` (whatever extra fields it grows) as a SystemMention, `offset` removed."""
    span = mention.span
    location = getattr(mention, "location", None)
    place = getattr(mention, "place", None)
    adjectival = bool(getattr(mention, "adjectival", False)
                      or getattr(location, "adjectival", False)
                      or getattr(place, "adjectival", False))
    return SystemMention(
        start=span.start - offset, end=span.end - offset, text=mention.text,
        name=getattr(location, "name", None), lat=getattr(location, "lat", None),
        lon=getattr(location, "lon", None),
        geonames_id=getattr(location, "geonames_id", None) or getattr(place, "geonames_id", None),
        adjectival=adjectival)


def locate_records(records: Sequence[dict], recognizer: bool = False
                   ) -> list[list[SystemMention]]:
    """The system's place mentions in each record, articles located as whole documents,
    with the adjectival country mentions and (with `recognizer`, as `redshank
    --places-ner` runs) the NER check of doubted names."""
    from redshank.parse import load_nlp, parse_texts, split_paragraphs
    from redshank.parse.nlp import entity_recognizer
    from redshank.where import load_gazetteer, locate_places

    nlp = load_nlp()
    ner = entity_recognizer(nlp) if recognizer else None
    gazetteer = load_gazetteer()
    by_article: dict[str, list[int]] = defaultdict(list)
    for index, record in enumerate(records):
        by_article[record["article"]].append(index)
    located: list[list[SystemMention]] = [[] for _ in records]
    for indexes in by_article.values():
        starts, text = [], ""
        for index in indexes:
            text += "\n\n" if text else ""
            starts.append(len(text))
            text += records[index]["text"]
        paragraphs = split_paragraphs(text)
        docs = list(parse_texts(nlp, (p.text for p in paragraphs), 64))
        places = locate_places([(doc, p.offset) for p, doc in zip(paragraphs, docs, strict=True)],
                               gazetteer=gazetteer, adjectival=True, recognizer=ner)
        for mention in (m for ms in places for m in ms):
            position = max(i for i, start in enumerate(starts) if start <= mention.span.start)
            located[indexes[position]].append(system_mention(mention, starts[position]))
    return located


def _fmt(value: object, digits: int = 3) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.{digits}f}" if digits else f"{value:,.0f}"
    return str(value)


def markdown(results: dict[str, dict]) -> str:
    """Tables of the overall measures and of recall and accuracy by feature, one column per half."""
    halves = list(results)
    lines = ["| measure | " + " | ".join(f"half {h}" for h in halves) + " |",
             "|---|" + "---|" * len(halves)]
    rows = [("toponyms", "toponyms", 0), ("found", "found", 0), ("recall", "recall", 3),
            ("precision", "precision", 3), ("false alarms", "false_alarms", 0),
            ("found resolved within 161 km", "acc161", 3), ("mean error km", "mean_km", 0),
            ("median error km", "median_km", 0)]
    for label, key, digits in rows:
        lines.append(f"| {label} | " + " | ".join(_fmt(results[h][key], digits) for h in halves)
                     + " |")
    lines += ["", "| feature | " + " | ".join(f"{h}: n / recall / acc161" for h in halves) + " |",
              "|---|" + "---|" * len(halves)]
    features = sorted({f for h in halves for f in results[h]["by_feature"]},
                      key=lambda f: (-sum(results[h]["by_feature"].get(f, {}).get("gold", 0)
                                          for h in halves), f))
    for feature in features:
        cells = []
        for h in halves:
            row = results[h]["by_feature"].get(feature)
            cells.append("-" if row is None else
                         f"{row['gold']} / {_fmt(row['recall'])} / {_fmt(row['acc161'])}")
        lines.append(f"| {feature} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def error_report(records: Sequence[dict], outcomes: Sequence[Outcome]) -> str:
    """Misses, false alarms and resolutions beyond 161 km, record by record."""
    lines = []
    for record, outcome in zip(records, outcomes, strict=True):
        for gold in outcome.missed:
            lines.append(f"MISS  {record['id']}: {gold['text']!r} ({gold['feature']}, "
                         f"{gold['name']})")
        for mention in outcome.false_alarms:
            lines.append(f"FALSE {record['id']}: {mention.text!r} -> {mention.name}")
        for gold, mention, km, ok in outcome.found:
            if not ok:
                far = "no coordinates" if km is None else f"{km:,.0f} km"
                lines.append(f"FAR   {record['id']}: {gold['text']!r} -> {mention.name} "
                             f"({far}; gold {gold['name']}, {gold['country']})")
    return "\n".join(lines)


def read_set(path: Path) -> list[dict]:
    """The records of the toponym set."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--half", choices=("A", "B"), help="score one half (default: both)")
    parser.add_argument("--errors", action="store_true", help="list the errors of half A")
    parser.add_argument("--json", action="store_true", help="print the measures as JSON")
    parser.add_argument("--places-ner", action="store_true",
                        help="check doubted names with the model's NER, as --places-ner does")
    args = parser.parse_args(argv)
    if args.errors and args.half == "B":
        parser.error("--errors reads half A only: nobody reads half B's text to tune the system")
    halves = [args.half] if args.half else ["A", "B"]
    records = [r for r in read_set(args.gold) if r["half"] in halves]
    located = locate_records(records, recognizer=args.places_ner)
    outcomes = [match(r, ms) for r, ms in zip(records, located, strict=True)]
    results = {h: metrics(o for r, o in zip(records, outcomes, strict=True) if r["half"] == h)
               for h in halves}
    sys.stdout.write((json.dumps(results, indent=2) if args.json else markdown(results)) + "\n")
    if args.errors:
        half_a = [(r, o) for r, o in zip(records, outcomes, strict=True) if r["half"] == "A"]
        sys.stdout.write("\n" + error_report([r for r, _ in half_a], [o for _, o in half_a])
                         + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
