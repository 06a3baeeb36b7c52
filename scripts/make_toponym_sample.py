"""Draw the Wikinews paragraphs of the toponym set (tests/where/toponyms_wikinews.jsonl).

Usage:
    python scripts/make_toponym_sample.py [--shared DIR] [--articles 50] [--seed 11]
        [--extra-rounds 3] > sample.jsonl

Articles are drawn at random with a fixed seed from /work/shared/data/wikinews/ (dated,
3 to 40 paragraphs), leaving out the 91 articles of the PLOVER gold set. Each gives its
first paragraph (the lead) and one more paragraph drawn with the same generator; each extra
round r then adds one more unused paragraph per article, drawn with seed + r (so a set
grown by a round keeps every paragraph it had). Places
are not looked at: the draw does not favour easy or hard articles. Each article goes to
half A or B by sha256("toponyms:" + id), ids in that order dealt alternately. The output
(one JSON record per paragraph, text not yet annotated) is what the annotator read.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPORA = ("wikinews_2004_2018.jsonl", "wikinews_2019_2021.jsonl")
GOLD_ARTICLES = Path("gold") / "wikinews_plover_articles.jsonl"
MIN_PARAGRAPH_WORDS = 15


def read_jsonl(path: Path) -> list[dict]:
    """The records of a JSON Lines file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def paragraphs_of(text: str) -> list[str]:
    """An article's paragraphs (blank-line separated), stripped."""
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def eligible(article: dict, excluded: set[str]) -> bool:
    """Dated, not in the PLOVER gold set, 3 to 40 paragraphs of real prose."""
    if article["id"] in excluded or not article.get("published"):
        return False
    return 3 <= len(_prose(article)) <= 40


def _prose(article: dict) -> list[int]:
    """Indexes of an article's paragraphs long enough to be prose, not a caption or byline."""
    return [i for i, p in enumerate(paragraphs_of(article["text"]))
            if len(p.split()) >= MIN_PARAGRAPH_WORDS]


def assign_halves(ids: Sequence[str]) -> dict[str, str]:
    """Half A or B of each article id: ordered by sha256('toponyms:' + id), dealt alternately."""
    ordered = sorted(ids, key=lambda i: hashlib.sha256(f"toponyms:{i}".encode()).hexdigest())
    return {article_id: "AB"[n % 2] for n, article_id in enumerate(ordered)}


def draw_sample(shared: Path, articles: int, seed: int, extra_rounds: int = 0) -> list[dict]:
    """The sampled paragraphs, one record each, in draw order."""
    excluded = {a["id"] for a in read_jsonl(shared / GOLD_ARTICLES)}
    corpus = [a for name in CORPORA for a in read_jsonl(shared / "wikinews" / name)]
    pool = [a for a in corpus if eligible(a, excluded)]
    rng = random.Random(seed)
    chosen = rng.sample(pool, articles)
    halves = assign_halves([a["id"] for a in chosen])
    picked: dict[str, set[int]] = {}
    for article in chosen:
        prose = _prose(article)
        picked[article["id"]] = {prose[0], rng.choice(prose[1:])}
    for round_ in range(1, extra_rounds + 1):
        extra_rng = random.Random(seed + round_)
        for article in chosen:
            unused = [i for i in _prose(article) if i not in picked[article["id"]]]
            if unused:
                picked[article["id"]].add(extra_rng.choice(unused))
    records = []
    for article in chosen:
        paragraphs = paragraphs_of(article["text"])
        for index in sorted(picked[article["id"]]):
            records.append({"id": f"{article['id']}#p{index}", "article": article["id"],
                            "published": article["published"], "title": article["title"],
                            "paragraph": index, "half": halves[article["id"]],
                            "text": paragraphs[index]})
    return records


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--extra-rounds", type=int, default=3,
                        help="paragraphs added per article after the lead and the first draw")
    args = parser.parse_args(argv)
    for record in draw_sample(args.shared, args.articles, args.seed, args.extra_rounds):
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
