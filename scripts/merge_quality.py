"""Print (Markdown) how well cross-article merging does on the merge test corpus.

Usage:
    .venv/bin/python scripts/merge_quality.py [--corpus FILE.jsonl]

The corpus (default tests/data/merge/articles.jsonl) is coded with the real pipeline, then
linked twice: in one batch (`link_events`) and one article at a time into a store in
publication order (`relink`, as ingest does). Scores are pairwise over events from
different articles (redshank/link/score.py; docs/merging.md). Every number is computed
here.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from redshank.ingest import read_inputs  # noqa: E402
from redshank.link import link_events, relink  # noqa: E402
from redshank.link.score import (  # noqa: E402
    GoldMention,
    PairScore,
    pairwise_score,
    read_gold,
    stories_of,
)
from redshank.model import Document, DocumentResult, Event  # noqa: E402
from redshank.pipeline import Pipeline  # noqa: E402
from redshank.store import open_store  # noqa: E402

DEFAULT_CORPUS = REPO / "tests" / "data" / "merge" / "articles.jsonl"
COMMAND = ".venv/bin/python scripts/merge_quality.py"


def code(corpus: Path) -> list[DocumentResult]:
    documents = [item for item in read_inputs([str(corpus)]) if isinstance(item, Document)]
    return list(Pipeline.load().run(documents))


def incremental_clusters(results: list[DocumentResult]) -> dict[str, str]:
    """event_id -> cluster_id after saving and relinking one article at a time."""
    ordered = sorted(results, key=lambda r: (r.document.published, r.document.id))
    with open_store(":memory:") as store:
        for result in ordered:
            store.save_result(result, "merge-quality")
            relink(store, [event.event_id for event in result.events])
        return store.cluster_ids_of([e.event_id for r in results for e in r.events])


def _score_row(name: str, score: PairScore) -> str:
    return (f"| {name} | {score.precision:.2f} ({score.correct_pairs}/{score.predicted_pairs})"
            f" | {score.recall:.2f} ({score.correct_pairs}/{score.gold_pairs}) | "
            f"{score.f1:.2f} |")


def _label(event: Event) -> str:
    actors = "+".join(a.code or a.name for a in event.actor) or "-"
    recipients = "+".join(a.code or a.name for a in event.recipient) or "-"
    aux = f" [{event.auxiliary}]" if event.auxiliary else ""
    return (f"`{event.doc_id}` s{event.sentence_index} {actors} {event.event} {recipients} "
            f"{event.date}{aux}")


def errors(events: list[Event], cluster_of: dict[str, str],
           story: dict[str, str | None]) -> list[str]:
    """One line per wrongly merged or wrongly separated pair of articles' events."""
    lines = []
    for i, a in enumerate(events):
        for b in events[i + 1:]:
            if a.doc_id == b.doc_id:
                continue
            same_cluster = cluster_of[a.event_id] == cluster_of[b.event_id]
            same_story = story[a.event_id] is not None and story[a.event_id] == story[b.event_id]
            if same_cluster and not same_story:
                lines.append(f"- merged, different events: {_label(a)} / {_label(b)}")
            elif same_story and not same_cluster:
                lines.append(f"- not merged, same event ({story[a.event_id]}): "
                             f"{_label(a)} / {_label(b)}")
    return lines


def stories_table(events: list[Event], cluster_of: dict[str, str],
                  story: dict[str, str | None], mentions: list[GoldMention]) -> list[str]:
    articles: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        articles[mention.story].add(mention.doc_id)
    coded: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        if story[event.event_id] is not None:
            coded[story[event.event_id]].append(event)
    lines = ["| story | articles | articles coded | reports coded | clusters |",
             "| :-- | --: | --: | --: | --: |"]
    for name in sorted(articles, key=lambda s: (-len(articles[s]), s)):
        found = coded.get(name, [])
        lines.append(f"| {name} | {len(articles[name])} | {len({e.doc_id for e in found})} | "
                     f"{len(found)} | {len({cluster_of[e.event_id] for e in found})} |")
    return lines


def report(corpus: Path) -> str:
    results = code(corpus)
    mentions = read_gold(corpus)
    events = [event for result in results for event in result.events]
    story = stories_of(events, mentions)
    batch = {member.event_id: cluster.cluster_id
             for cluster in link_events(events) for member in cluster.members}
    incremental = incremental_clusters(results)
    batch_score = pairwise_score(events, batch, story)
    articles = {s: len({m.doc_id for m in mentions if m.story == s})
                for s in {m.story for m in mentions}}
    stories = set(articles)
    multi = {s for s, count in articles.items() if count > 1}
    covered = {(m.doc_id, m.story) for m in mentions} & {
        (e.doc_id, story[e.event_id]) for e in events if story[e.event_id] is not None}
    mistakes = errors(events, batch, story)
    lines = [
        "## Cross-article merging",
        "",
        f"<!-- Generated by scripts/merge_quality.py: regenerate with `{COMMAND}`. -->",
        "",
        f"Corpus: `{corpus.relative_to(REPO) if corpus.is_relative_to(REPO) else corpus}`, "
        f"{len(results)} short invented articles written for the test, attributed to "
        f"{len({r.document.source for r in results})} outlets: {len(stories)} "
        f"real-world events ({len(multi)} reported by 2 to {max(articles.values())} articles "
        "in different words, dates and voices; the rest single reports and near misses: "
        "same actors a "
        "day or a week apart, other partners, negated and hypothetical reports). The "
        f"pipeline coded {len(events)} events; {len(covered)} of {len(mentions)} gold "
        "mentions were coded.",
        "",
        "A pair is two events from different articles; gold pairs report the same story "
        "(an event takes the story of its article's gold mention with the same event "
        "family, a shared actor country, the same auxiliary and a sentence containing the "
        "mention's quote). Events matching no mention are in no story, so merging them "
        "with anything is a false merge. See docs/merging.md.",
        "",
        "| linking | pairwise precision | pairwise recall | F1 |",
        "| :-- | --: | --: | --: |",
        _score_row("batch (`link_events`)", batch_score),
        _score_row("incremental (one article at a time, `relink`)",
                   pairwise_score(events, incremental, story)),
        "",
        "### Stories",
        "",
        *stories_table(events, batch, story, mentions),
        "",
        "### Pair errors (batch)",
        "",
        *(mistakes or ["None."]),
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    sys.stdout.write(report(args.corpus.resolve()))


if __name__ == "__main__":
    main()
