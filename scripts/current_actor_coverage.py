"""How many gold actor and recipient phrases naming a person resolve to a person of the
gold's country, with and without the office-holder dictionary (current-officeholders.jsonl).

Counts over the gold sentences of the Wikinews PLOVER dev set, half A only (the split is in
redshank/data/evaluation/halves.json; half B is never read). A phrase names a person when
the spaCy model's NER (off in Redshank's pipeline) finds a PERSON entity inside it; it is
resolved when a mention of type `person` overlapping the phrase, at the story's publication
date, has the country of one of the gold codes (for organisation codes such as `IGOUNO`,
the same first chunk). Each sentence is read alone: no document context.

Usage:
    .venv/bin/python scripts/current_actor_coverage.py [--gold FILE] [--show]
"""

from __future__ import annotations

import argparse
import importlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from unittest import mock

from spacy.language import Language

from redshank.actors import ActorResolver
from redshank.actors import dictionary as actor_dictionary
from redshank.actors.codes import chunks, split_code
from redshank.parse.nlp import MODEL_PACKAGES, load_nlp

ROOT = Path(__file__).resolve().parents[1]
GOLD = Path("/work/shared/data/gold/wikinews_plover.jsonl")
HALVES = ROOT / "redshank" / "data" / "evaluation" / "halves.json"
OFFICE_FILE = "current-officeholders.jsonl"


@dataclass(frozen=True)
class Phrase:
    """A gold actor or recipient phrase naming a person, with its sentence and gold codes."""

    record_id: str
    text: str
    published: date
    start: int
    end: int
    codes: tuple[str, ...]


def half_a_records(gold: Path) -> Iterator[dict]:
    """Gold sentence records of the half-A articles."""
    articles = set(json.loads(HALVES.read_text())["sets"]["wikinews_plover"]["A"])
    for line in gold.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["article"] in articles:
            yield record


def ner_pipeline() -> Language:
    """The installed spaCy English model with its NER, to tell which phrases name people."""
    for name in MODEL_PACKAGES:
        try:
            return importlib.import_module(name).load()
        except ImportError:
            continue
    raise SystemExit(f"no spaCy English model installed (tried {', '.join(MODEL_PACKAGES)})")


def person_phrases(ner: Language, gold: Path) -> list[Phrase]:
    """Every distinct actor/recipient phrase of half A that contains a PERSON entity."""
    found: dict[tuple[str, int, int], Phrase] = {}
    for record in half_a_records(gold):
        doc = ner(record["text"])
        people = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
        for event in record["events"]:
            for text_key, code_key in (("actor_text", "actor"), ("recipient_text", "recipient")):
                text, codes = event.get(text_key), event.get(code_key) or []
                if not text or not codes:
                    continue
                start = record["text"].find(text)
                if start < 0:
                    continue
                end = start + len(text)
                if any(s >= start and e <= end for s, e in people):
                    key = (record["id"], start, end)
                    found[key] = Phrase(
                        record["id"],
                        record["text"],
                        date.fromisoformat(record["published"]),
                        start,
                        end,
                        tuple(codes),
                    )
    return list(found.values())


def resolved(resolver: ActorResolver, nlp: Language, phrase: Phrase) -> str | None:
    """The code of a person mention overlapping the phrase with the gold's country, if any."""
    for mention in resolver.find_mentions(nlp(phrase.text), phrase.published):
        actor = mention.actor
        if actor.type != "person" or actor.code is None:
            continue
        if actor.span.end <= phrase.start or actor.span.start >= phrase.end:
            continue
        for code in phrase.codes:
            country = split_code(code).country
            if (country is not None and actor.country == country) or (
                country is None and chunks(actor.code)[0] == chunks(code)[0]
            ):
                return actor.code
    return None


def resolver_without_offices(nlp: Language) -> ActorResolver:
    """The packaged dictionary as it was before the office-holder file."""
    before = tuple(f for f in actor_dictionary.PACKAGED_FILES if f != OFFICE_FILE)
    with mock.patch.object(actor_dictionary, "PACKAGED_FILES", before):
        return ActorResolver(actor_dictionary.load_dictionary(), nlp.tokenizer)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--show", action="store_true", help="list each phrase and its result")
    args = parser.parse_args(argv)
    nlp = load_nlp()
    phrases = person_phrases(ner_pipeline(), args.gold)
    runs = {
        "before": resolver_without_offices(nlp),
        "after": ActorResolver(actor_dictionary.load_dictionary(), nlp.tokenizer),
    }
    counts = dict.fromkeys(runs, 0)
    for phrase in phrases:
        results = {name: resolved(r, nlp, phrase) for name, r in runs.items()}
        for name, code in results.items():
            counts[name] += code is not None
        if args.show:
            words = phrase.text[phrase.start : phrase.end]
            print(
                f"{phrase.record_id}\t{words!r}\tgold {','.join(phrase.codes)}\t"
                f"before {results['before']}\tafter {results['after']}"
            )
    total = len(phrases)
    print(f"Wikinews PLOVER half A: {total} gold actor/recipient phrases name a person")
    for name, count in counts.items():
        share = count / total if total else 0.0
        print(f"  {name:6} resolved to a person of the gold's country: {count} ({share:.1%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
