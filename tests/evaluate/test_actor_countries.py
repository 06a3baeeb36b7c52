"""The report counts, among the counted events' actors and recipients, those with no
country and those whose country was inferred (from the document or from the event)."""

from __future__ import annotations

from dataclasses import replace

from redshank.evaluate import read_gold, render_json, render_markdown, score_results
from redshank.evaluate.score import document_id
from tests.evaluate.builders import actor, event, gsr_record, result, write_gsr

POLICE = actor("---COP", country=None, sector="COP", kind="other", name="police")
ARTICLE = replace(actor("TURCOP", sector="COP", name="the police"), country_from="article",
                  entries=["agents.jsonl:190 POLICE", "country TUR: the article's country"])
EVENT = actor("SYRREB", sector="REB", name="rebels",
              entries=("agents.jsonl:2048 REBEL", "country SYR: the event happened in Idlib"))
DICTIONARY = actor("IRQ", name="Iraq")


def test_countryless_and_inferred_actors_are_counted_and_shown(tmp_path) -> None:
    gold = read_gold(write_gsr(tmp_path / "gold.json", [
        gsr_record("ONE", "DEMAND", ["TUR"], ["IRQ"], text="The police asked Iraq."),
        gsr_record("TWO", "ASSAULT", ["SYR"], [], text="Rebels attacked."),
    ]))
    hidden = event("ASSAULT", [POLICE], auxiliary="future")
    events = {"ONE": [event("REQUEST", [ARTICLE], [DICTIONARY])],
              "TWO": [event("ASSAULT", [EVENT, POLICE]), hidden]}
    report = score_results(gold, [result(document_id(i, r), events[r.id])
                                  for i, r in enumerate(gold.records)])
    counts = report.actor_countries
    assert (counts.actors, counts.countryless, counts.from_document, counts.from_event) == (
        4, 1, 1, 1)
    assert counts.countryless_share == 0.25 and counts.inferred_share == 0.5
    text = render_markdown(report)
    assert "| actors and recipients with no country (`---`) | 25.0% (1/4) |" in text
    assert "| ... with a country inferred from the document | 25.0% (1/4) |" in text
    assert "| ... with a country inferred from the event (coder) | 25.0% (1/4) |" in text
    assert '"countryless_share": 0.25' in render_json(report)
