"""docs/examples/analyst.ipynb stays valid and its code runs against today's API."""

from __future__ import annotations

import ast
import importlib.util
import json
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[1] / "docs" / "examples" / "analyst.ipynb"
PLOT_TAG = "needs-matplotlib"


def notebook() -> dict:
    return json.loads(NOTEBOOK.read_text(encoding="utf-8"))


def test_the_notebook_is_nbformat_4_without_outputs_nobody_produced() -> None:
    book = notebook()
    assert (book["nbformat"], book["nbformat_minor"]) == (4, 5)
    ids = [cell["id"] for cell in book["cells"]]
    assert len(set(ids)) == len(ids)
    for cell in book["cells"]:
        assert cell["cell_type"] in ("markdown", "code")
        assert isinstance(cell["metadata"], dict) and isinstance(cell["source"], list)
        if cell["cell_type"] == "code":
            assert (cell["outputs"], cell["execution_count"]) == ([], None)
    first = "".join(book["cells"][0]["source"])
    assert "redshank ingest /work/shared/seeds/manifest.jsonl --db seeds.duckdb" in first


def test_every_code_cell_runs(middle_east_db: str, monkeypatch: pytest.MonkeyPatch,
                              capsys: pytest.CaptureFixture[str]) -> None:
    """Cells run in order in one namespace, as a kernel would; plots need matplotlib."""
    monkeypatch.setenv("REDSHANK_DB", middle_east_db)
    has_matplotlib = importlib.util.find_spec("matplotlib") is not None
    if has_matplotlib:
        import matplotlib

        matplotlib.use("Agg")
    namespace: dict = {}
    ran = 0
    for cell in notebook()["cells"]:
        if cell["cell_type"] != "code":
            continue
        if PLOT_TAG in cell["metadata"].get("tags", []) and not has_matplotlib:
            continue
        exec(compile(ast.parse("".join(cell["source"])), NOTEBOOK.name, "exec"), namespace)
        ran += 1
    assert ran >= 6
    assert (namespace["actor"], namespace["recipient"]) == ("ISR", "LBN")
    assert namespace["timeline"].period.tolist() == ["2014-07"]
    assert "[TRIGGER: shelled]" in capsys.readouterr().out
