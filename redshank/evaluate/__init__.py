"""Evaluation: code gold-standard sentences and measure the events against the gold.

    from redshank.evaluate import evaluate_file, render_markdown
    report = evaluate_file("gsr_dev.json")                  # PLOVER gold records
    print(render_markdown(report, max_errors=10))

Modules: `gold` (typed gold records), `plover_gsr` and `petrarch_xml` (the two readers),
`read` (format detection), `match` (which coded events count and how they pair with gold:
the scoring rules), `score` (runs the pipeline, builds the `Report`), `report` (metrics and
JSON form), `render` (Markdown), `cli` (`redshank evaluate`). Rules: docs/quality.md.

Names are imported on first use, so that `redshank --help` does not load spaCy.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "DEFAULT_TARGETS": "report", "ErrorCase": "report", "Metrics": "report",
    "Report": "report", "Target": "report",
    "GOLD_FORMATS": "gold", "GoldActor": "gold", "GoldEvent": "gold", "GoldRecord": "gold",
    "GoldSet": "gold",
    "GoldFileError": "errors",
    "detect_format": "read", "read_gold": "read",
    "render_json": "render", "render_markdown": "render",
    "evaluate": "score", "evaluate_file": "score", "gold_documents": "score",
    "score_results": "score",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'redshank.evaluate' has no attribute {name!r}")
    return getattr(import_module(f"redshank.evaluate.{module}"), name)
