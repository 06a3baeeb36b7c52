"""Score merging against gold stories: pairwise precision and recall over reports.

Gold is given per article as mentions `{story, event, actors, quote, auxiliary}`: "this
article reports story S, an event of this PLOVER type by one of these countries, in the
sentence containing `quote`" (`auxiliary`: null for a report that it happened, else
negated/hypothetical/future). A coded event takes the story of the first mention of its
article with the same event family, a shared country (any actor's country; for a mutual
family, any participant's), the same auxiliary (historical counts as happened) and, if
the mention has a quote, a sentence containing it. Events that match no mention belong
to no story.

A pair is two events from different articles. Gold pairs are pairs with the same story;
predicted pairs are pairs in the same cluster; precision = correct / predicted, recall =
correct / gold (docs/merging.md). Pairs are counted per group, so scoring is linear.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from redshank.errors import DataFileError
from redshank.link.families import family_of, is_mutual
from redshank.link.records import NOT_FACTUAL
from redshank.model import Event


@dataclass(frozen=True, slots=True)
class GoldMention:
    """One real-world event an article reports."""

    doc_id: str
    story: str
    event: str
    actors: frozenset[str]
    quote: str | None = None
    auxiliary: str | None = None


@dataclass(frozen=True, slots=True)
class PairScore:
    """Pairwise merge quality."""

    gold_pairs: int
    predicted_pairs: int
    correct_pairs: int

    @property
    def precision(self) -> float:
        return self.correct_pairs / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.correct_pairs / self.gold_pairs if self.gold_pairs else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def read_gold(path: str | Path) -> list[GoldMention]:
    """The `gold` mentions of every record of a JSON Lines corpus file."""
    mentions: list[GoldMention] = []
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            mentions.extend(
                GoldMention(doc_id=str(record["id"]), story=item["story"],
                            event=item["event"], actors=frozenset(item["actors"]),
                            quote=item.get("quote"), auxiliary=item.get("auxiliary"))
                for item in record.get("gold", []))
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise DataFileError(f"bad gold record: {exc}", path=str(path), line=number) from exc
    return mentions


def _countries(event: Event) -> set[str]:
    actors = [*event.actor, *event.recipient] if is_mutual(event.event) else event.actor
    return {actor.country for actor in actors if actor.country}


def story_of(event: Event, mentions: Sequence[GoldMention]) -> str | None:
    """The gold story an event reports, from its article's mentions, or None."""
    auxiliary = event.auxiliary if event.auxiliary in NOT_FACTUAL else None
    for mention in mentions:
        if (mention.doc_id == event.doc_id and family_of(mention.event) == family_of(event.event)
                and _countries(event) & mention.actors and mention.auxiliary == auxiliary
                and (mention.quote is None or mention.quote in event.sentence)):
            return mention.story
    return None


def stories_of(events: Iterable[Event], mentions: Iterable[GoldMention]) -> dict[str, str | None]:
    """event_id -> gold story (or None) for every event."""
    by_doc: dict[str, list[GoldMention]] = defaultdict(list)
    for mention in mentions:
        by_doc[mention.doc_id].append(mention)
    return {event.event_id: story_of(event, by_doc[event.doc_id]) for event in events}


def _cross_document_pairs(groups: Mapping[object, list[str]]) -> int:
    """Pairs of members from different documents, summed over groups (members: doc ids)."""
    total = 0
    for docs in groups.values():
        pairs = len(docs) * (len(docs) - 1) // 2
        total += pairs - sum(n * (n - 1) // 2 for n in Counter(docs).values())
    return total


def pairwise_score(events: Iterable[Event], cluster_of: Mapping[str, str],
                   story: Mapping[str, str | None]) -> PairScore:
    """Pairwise precision/recall of clusters against gold stories, across documents."""
    clusters: dict[object, list[str]] = defaultdict(list)
    stories: dict[object, list[str]] = defaultdict(list)
    both: dict[object, list[str]] = defaultdict(list)
    for event in events:
        cluster, gold = cluster_of[event.event_id], story.get(event.event_id)
        clusters[cluster].append(event.doc_id)
        if gold is not None:
            stories[gold].append(event.doc_id)
            both[(cluster, gold)].append(event.doc_id)
    return PairScore(gold_pairs=_cross_document_pairs(stories),
                     predicted_pairs=_cross_document_pairs(clusters),
                     correct_pairs=_cross_document_pairs(both))
