"""`redshank export --format plover`: every record of a real ingest meets the shipped JSON
Schema and the PLOVER manual's data fields (tables 6.1-6.6)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from redshank.export.plover import schema
from redshank.knowledge import event_types
from tests.export.conftest import export


def records(folder: Path) -> list[dict]:
    return [json.loads(line) for line in (folder / "plover.jsonl").open(encoding="utf-8")]


@pytest.fixture(scope="module")
def plover(ingested: str, tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    return records(export(ingested, tmp_path_factory.mktemp("plover"), "plover", "--all"))


def test_the_schema_is_a_valid_json_schema_naming_our_event_types() -> None:
    jsonschema.Draft202012Validator.check_schema(schema())
    assert schema()["$defs"]["event_type"]["enum"] == list(event_types())


def test_every_exported_record_validates_against_the_schema(plover: list[dict]) -> None:
    validator = jsonschema.Draft202012Validator(
        schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    assert len(plover) > 50
    problems = [f"{r['id']}: {e.message}" for r in plover for e in validator.iter_errors(r)]
    assert problems == []


def test_records_carry_the_manuals_required_fields_typed_as_it_says(plover: list[dict]) -> None:
    for record in plover:
        assert {"id", "date", "actor", "event"} <= set(record)
        assert "event_id" not in record
        assert all(isinstance(record[key], list) for key in ("event", "mode", "context"))


def test_a_month_or_year_gives_its_first_day_and_its_last_in_enddate(plover: list[dict]) -> None:
    by_precision = {r["date_precision"]: r for r in plover}
    year = by_precision["year"]
    assert year["date"].endswith("-01-01") and year["enddate"].endswith("-12-31")
    assert year["date"][:4] == year["enddate"][:4]
    day = by_precision["day"]
    assert "enddate" not in day


def test_entities_split_country_and_sector_and_name_wikidata_ids(plover: list[dict]) -> None:
    entities = [e for r in plover for e in r["actor"] + r["recipient"]]
    usa_gov = next(e for e in entities if e["cameo_code"] == "USAGOV")
    assert (usa_gov["code"], usa_gov["sector"]) == ("USA", "GOV")
    assert "identifier_id" not in usa_gov  # the government is not the country's item
    states = {e["code"]: e["identifier_id"] for e in entities
              if e["actor_type"] == "state" and e["sector"] is None and "identifier_id" in e}
    assert states.get("USA") == "Q30" and states.get("IRQ") == "Q796"
    islamic_state = [e for e in entities if e["name"] == "Islamic State"]
    assert islamic_state and all(e["identifier_id"] == "Q2429253" for e in islamic_state)


def test_location_text_and_citation_objects_are_filled(plover: list[dict]) -> None:
    located = [r for r in plover if "event_loc" in r]
    baghdad = next(r["event_loc"] for r in located if r["event_loc"]["resolved_place"] == "Baghdad")
    assert (baghdad["geonameid"], baghdad["resolution"], baghdad["feature_code"],
            baghdad["country_code"]) == (98182, 4, "PPL", "IRQ")
    record = next(r for r in plover if r["cite_info"]["citation"] == "002_b69bd920d9e2bfbe")
    assert record["cite_info"]["title"] == "Iraq asked U.S. to bomb militants"
    assert record["cite_info"]["publication"] == "Star Tribune (New York Times)"
    assert record["text_info"]["start"] <= record["text_info"]["trigger_start"]
    assert record["text_info"]["trigger_end"] <= record["text_info"]["end"]


def test_merged_records_are_clusters_with_every_source(ingested: str, tmp_path: Path,
                                                       plover: list[dict]) -> None:
    merged = records(export(ingested, tmp_path, "plover", "--all", "--merged"))
    assert len(merged) < len(plover)
    multi = [r for r in merged if r["reports"] > 1]
    assert multi and all(r["id"].startswith("cl-") and r["link"] == r["id"] for r in multi)
    assert all(len({s["citation"] for s in r["sources"]}) == r["reports"] for r in multi)
    validator = jsonschema.Draft202012Validator(schema())
    assert [e.message for r in merged for e in validator.iter_errors(r)] == []


def test_hidden_events_only_with_all(ingested: str, tmp_path: Path, plover: list[dict]) -> None:
    default = records(export(ingested, tmp_path, "plover"))
    assert len(default) < len(plover)
    assert {r["auxiliary"] for r in default} <= {None, "historical"}
    assert {"negated", "hypothetical", "future"} & {r["auxiliary"] for r in plover}


def test_pandas_keeps_cameo_codes_as_strings_when_told_not_to_guess(ingested: str,
                                                                    tmp_path: Path) -> None:
    import pandas as pd

    path = export(ingested, tmp_path, "plover") / "plover.jsonl"
    codes = [record["cameo"] for record in records(path.parent)]
    assert any(code.startswith("0") for code in codes)
    assert pd.read_json(path, lines=True, dtype=False)["cameo"].tolist() == codes
