"""Evaluation: code gold-standard sentences and measure the events against the gold.

    from redshank.evaluate import evaluate_file, render_markdown
    report = evaluate_file("gsr_dev.json")                  # PLOVER gold records
    print(render_markdown(report, max_errors=10))

    gold = read_gold("wikinews_plover.jsonl")               # real news, by article
    coded = code_in_articles(gold, read_articles("wikinews_plover_articles.jsonl"), pipeline)
    print(render_halves(score_halves(gold, coded, load_halves())))   # B: scores only

Modules: `gold` (typed gold records), `plover_gsr`, `redshank_gold` and `petrarch_xml`
(the readers), `read` (format detection), `match` (which coded events count and how they
pair with gold: the scoring rules), `score` (codes sentences, builds the `Report`),
`articles` (codes whole articles, gives each gold sentence its events), `halves` (the
dev sets' fixed halves A and B), `report` (metrics and JSON form), `render` (Markdown),
`cli` (`redshank evaluate`). Rules: docs/quality.md.

Names are imported on first use, so that `redshank --help` does not load spaCy.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "DEFAULT_TARGETS": "report", "ErrorCase": "report", "HalvesReport": "report",
    "Metrics": "report", "Report": "report", "Target": "report",
    "GOLD_FORMATS": "gold", "GoldActor": "gold", "GoldEvent": "gold", "GoldRecord": "gold",
    "GoldSet": "gold",
    "GoldFileError": "errors",
    "detect_format": "read", "read_gold": "read",
    "render_halves": "render", "render_json": "render", "render_markdown": "render",
    "code_sentences": "score", "evaluate": "score", "evaluate_file": "score",
    "gold_documents": "score", "score_records": "score", "score_results": "score",
    "code_in_articles": "articles", "read_articles": "articles",
    "load_halves": "halves", "score_halves": "halves", "split_gold": "halves",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'redshank.evaluate' has no attribute {name!r}")
    return getattr(import_module(f"redshank.evaluate.{module}"), name)
