"""Office holders after the Phoenix dictionaries (current-officeholders.jsonl): the file passes
its checker, the checker catches what it must, and the people resolve with their role at the
story's date (a former office holder is his country's elite, `ELI`, as Phoenix codes them)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from redshank.actors import ActorResolver
from redshank.actors.dictionary import PACKAGED_FILES, packaged_path
from redshank.actors.jsonl import read_jsonl
from redshank.errors import DataFileError
from tests.actors.conftest import find

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "check_current_actors.py"
FILE = "current-officeholders.jsonl"


@pytest.fixture(scope="module")
def checker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_current_actors", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


def people(resolver, nlp, text: str, on: date) -> list[tuple[str, str | None, str]]:
    return [(m.actor.text, m.actor.code, m.actor.type) for m in find(resolver, nlp, text, on)]


def test_the_file_is_packaged_and_passes_its_checker() -> None:
    assert FILE in PACKAGED_FILES
    run = subprocess.run(
        [sys.executable, str(SCRIPT)], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "rows ok" in run.stdout


def test_every_row_has_a_source_and_an_as_of_date() -> None:
    rows = [json.loads(line) for line in packaged_path(FILE).read_text().splitlines()]
    assert len(rows) >= 150
    assert all(r["source"].startswith("https://") and date.fromisoformat(r["as_of"]) for r in rows)


def _row(entry_id: str, name: str, roles: list[dict], **extra: object) -> str:
    record = {
        "id": entry_id,
        "names": [name],
        "type": "person",
        "roles": roles,
        "source": f"https://en.wikipedia.org/wiki/{name.replace(' ', '_')}",
        "as_of": "2025-06-30",
    }
    record.update(extra)
    return json.dumps(record)


ZEMBLA_PM = {"code": "FRAGOV", "from": "2020-01-01", "until": None, "office": "FRA:premier"}


@pytest.mark.parametrize(
    ("second", "message"),
    [
        (
            _row("B", "Bea Two", [{**ZEMBLA_PM, "from": "2024-06-01"}]),
            "2: 'FRA:premier': B from 2024-06-01 overlaps A",
        ),
        (_row("B", "Bea Two", [{"code": "USAGOV", "from": "2024-01-01"}], as_of=None), "as_of"),
        (
            _row("B", "Bea Two", [{"code": "USAGOV", "from": "2024-01-01"}], as_of="2099-01-01"),
            "future",
        ),
        (
            _row("B", "Bea Two", [{"code": "USAGOV", "from": "2026-01-01"}], as_of="2025-06-30"),
            "after as_of",
        ),
        (
            _row("B", "Bea Two", [{"code": "QQQGOV", "from": "2024-01-01"}]),
            "neither a CAMEO country",
        ),
        (_row("B", "Bea Two", [{"code": "USAGOV", "from": "2024-01-01"}], source="wiki"), "https"),
        (_row("B", "Ann One", [{"code": "USAGOV", "from": "2024-01-01"}]), "also given to A"),
        (
            _row("B", "Bea Two", [{"code": "USAGOV", "from": "2024-01-01", "until": "2023-01-01"}]),
            "not before",
        ),
        (
            _row(
                "B",
                "Bea Two",
                [{"code": "DEUGOV", "from": "2019-01-01", "office": "FRA:president"}],
            ),
            "office 'FRA:president' is FRA's, the role DEUGOV is DEU's",
        ),
        (
            _row(
                "B", "Bea Two", [{"code": "USAGOV", "from": "2024-01-01", "office": "USA:defense"}]
            ),
            "is a defence office, the role USAGOV is not MIL",
        ),
        (
            json.dumps(
                {
                    **json.loads(_row("B", "Bea One", [{"code": "USAGOV", "from": "2024-01-01"}])),
                    "names": ["Bea One", "One"],
                }
            ),
            "one-word name 'One' is also the surname of A",
        ),
    ],
)
def test_the_checker_reports_bad_rows_with_file_and_line(
    checker, tmp_path: Path, second: str, message: str
) -> None:
    path = tmp_path / "offices.jsonl"
    path.write_text(_row("A", "Ann One", [ZEMBLA_PM]) + "\n" + second + "\n", encoding="utf-8")
    problems = checker.check_file(path, today=date(2026, 1, 1))
    assert len(problems) == 1 and problems[0].startswith(f"{path}:2: ")
    assert message in problems[0]
    assert checker.main([str(path)]) == 1


def test_one_office_held_in_turn_is_not_an_overlap(checker, tmp_path: Path) -> None:
    path = tmp_path / "offices.jsonl"
    first = _row("A", "Ann One", [{**ZEMBLA_PM, "until": "2024-06-01"}])
    second = _row("B", "Bea Two", [{**ZEMBLA_PM, "from": "2024-06-01"}])
    path.write_text(first + "\n" + second + "\n", encoding="utf-8")
    assert checker.check_file(path, today=date(2026, 1, 1)) == []


def test_leaders_after_2015_resolve_to_their_governments(resolver, nlp) -> None:
    found = people(resolver, nlp, "Zelensky met Macron in Paris.", date(2023, 5, 14))
    assert ("Zelensky", "UKRGOV", "person") in found
    assert ("Macron", "FRAGOV", "person") in found


@pytest.mark.parametrize(
    ("on", "code"),
    [
        (date(2016, 12, 1), "USAELI"),  # president-elect: not yet the government
        (date(2018, 6, 12), "USAGOV"),
        (date(2022, 9, 17), "USAELI"),  # between the terms, as Phoenix codes former presidents
        (date(2025, 3, 1), "USAGOV"),
    ],
)
def test_a_president_is_the_government_only_in_office(resolver, nlp, on: date, code: str) -> None:
    assert people(resolver, nlp, "Donald Trump spoke at a rally in Ohio.", on)[0] == (
        "Donald Trump",
        code,
        "person",
    )


def test_phoenix_people_keep_their_history_and_lose_their_open_offices(resolver, nlp) -> None:
    text = "Senator John Kerry spoke on Tuesday."
    assert people(resolver, nlp, text, date(2010, 3, 1))[0][1] == "USAGOVLEG"
    assert people(resolver, nlp, text, date(2014, 9, 5))[0][1] == "USAGOV"
    assert (
        people(resolver, nlp, "Barack Obama spoke in Chicago.", date(2019, 5, 1))[0][1] == "USAELI"
    )


@pytest.mark.parametrize(
    ("text", "on", "expected"),
    [
        (
            "President Zelensky thanked Prime Minister Rishi Sunak.",
            date(2023, 2, 8),
            [("President Zelensky", "UKRGOV"), ("Prime Minister Rishi Sunak", "GBRGOV")],
        ),
        (
            "Rustem Umerov met Lloyd Austin.",
            date(2023, 10, 11),
            [("Rustem Umerov", "UKRGOVMIL"), ("Lloyd Austin", "USAGOVMIL")],
        ),
        (
            "UN Secretary-General Antonio Guterres called for a ceasefire.",
            date(2023, 10, 20),
            [("UN Secretary-General Antonio Guterres", "IGOUNO")],
        ),
        ("Mark Rutte spoke in The Hague.", date(2023, 6, 1), [("Mark Rutte", "NLDGOV")]),
        ("Mark Rutte spoke in Brussels.", date(2024, 11, 1), [("Mark Rutte", "IGOWSTNAT")]),
        ("Yahya Sinwar was killed in Rafah.", date(2024, 10, 17), [("Yahya Sinwar", "PSEREBHMS")]),
    ],
)
def test_offices_and_organisations_follow_the_date(resolver, nlp, text, on, expected) -> None:
    found = [(t, c) for t, c, kind in people(resolver, nlp, text, on) if kind == "person"]
    assert found == expected


def test_curated_administration_names_still_name_the_government(resolver, nlp) -> None:
    found = people(resolver, nlp, "The Obama administration objected.", date(2014, 9, 5))
    assert found == [("Obama administration", "USAGOV", "state")]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"as_of": "last June"}, '"as_of"'),
        ({"roles": [{**ZEMBLA_PM, "office": ""}]}, '"office"'),
    ],
)
def test_the_loader_checks_as_of_and_office_when_given(tmp_path: Path, change, message) -> None:
    record = {**json.loads(_row("A", "Ann One", [ZEMBLA_PM])), **change}
    with pytest.raises(DataFileError, match=message) as caught:
        read_jsonl(tmp_path / "x.jsonl", json.dumps(record))
    assert caught.value.line == 1


@pytest.mark.parametrize(
    ("text", "on", "expected"),
    [
        # added with this file's 2025 update: in office, and after the office ends
        ("Gadi Eisenkot toured the border.", date(2017, 3, 1), ("Gadi Eisenkot", "ISRMIL")),
        ("Gadi Eisenkot toured the border.", date(2020, 3, 1), ("Gadi Eisenkot", "ISRELI")),
        ("Kevin McAleenan visited Texas.", date(2019, 6, 1), ("Kevin McAleenan", "USAGOV")),
        ("Kevin McAleenan visited Texas.", date(2020, 6, 1), ("Kevin McAleenan", "USAELI")),
        ("Hossein Salami threatened Israel.", date(2024, 4, 14), ("Hossein Salami", "IRNMIL")),
        ("Ishaq Dar met Jeyhun Bayramov.", date(2024, 6, 1), ("Ishaq Dar", "PAKGOV")),
        ("Ishaq Dar met Jeyhun Bayramov.", date(2024, 6, 1), ("Jeyhun Bayramov", "AZEGOV")),
        ("Guido Crosetto spoke in Rome.", date(2023, 5, 2), ("Guido Crosetto", "ITAGOVMIL")),
        ("Guido Crosetto spoke in Rome.", date(2021, 5, 2), ("Guido Crosetto", "ITAELI")),
        (
            "Abu Hafs al-Hashimi al-Qurashi was named leader.",
            date(2023, 8, 3),
            ("Abu Hafs al-Hashimi al-Qurashi", "IMGMUSISI"),
        ),
        ("Ahmed Diriye urged attacks.", date(2020, 1, 1), ("Ahmed Diriye", "SOMREB")),
    ],
)
def test_people_added_resolve_in_office_and_not_after(resolver, nlp, text, on, expected) -> None:
    assert (*expected, "person") in people(resolver, nlp, text, on)


def test_the_caliphs_share_no_bare_surname(resolver, nlp) -> None:
    """Every Islamic State leader since 2019 is "al-Qurashi": the name alone is nobody."""
    found = people(resolver, nlp, "Al-Qurashi was killed.", date(2023, 1, 1))
    assert all(kind != "person" for _, _, kind in found)


@pytest.mark.parametrize(
    ("on", "code"),
    [
        (date(2012, 1, 1), "ARMGOV"),  # president
        (date(2018, 4, 20), "ARMGOV"),  # prime minister for six days
        (date(2020, 1, 1), "ARMELI"),  # Phoenix had him in government with no end
    ],
)
def test_a_phoenix_person_brought_up_to_date_keeps_its_history(resolver, nlp, on, code) -> None:
    found = people(resolver, nlp, "Serzh Sargsyan spoke in Yerevan.", on)
    assert found[0] == ("Serzh Sargsyan", code, "person")


def test_a_phoenix_role_ended_before_the_first_office_is_kept(resolver, nlp) -> None:
    text = "Lindiwe Sisulu spoke in Pretoria."
    assert people(resolver, nlp, text, date(2003, 6, 1))[0][1] == "ZAFGOVSPY"  # Phoenix
    assert people(resolver, nlp, text, date(2011, 6, 1))[0][1] == "ZAFGOVMIL"
    assert people(resolver, nlp, text, date(2018, 6, 1))[0][1] == "ZAFGOV"


def test_a_phoenix_open_role_ends_with_the_office(resolver, nlp, dictionary) -> None:
    """Phoenix has Mamnoon Hussain in government from 2013 with no end; the row replaces it."""
    assert [e.id for e in dictionary.actors if e.id == "MAMNOON_HUSSAIN"] == ["MAMNOON_HUSSAIN"]
    text = "Mamnoon Hussain visited Karachi."
    assert people(resolver, nlp, text, date(2016, 1, 1))[0][1] == "PAKGOV"
    assert people(resolver, nlp, text, date(2020, 1, 1))[0][1] == "PAKELI"


def test_the_packaged_resolver_codes_a_minister_by_the_story_date(nlp) -> None:
    """Through the public entry point: Richard Marles is Australia's defence minister from 2022."""
    resolver = ActorResolver.load(nlp=nlp)
    doc = nlp("Richard Marles said Australia would buy more submarines.")
    codes = {
        on: [m.actor.code for m in resolver.find_mentions(doc, on=on) if m.actor.type == "person"]
        for on in (date(2023, 3, 14), date(2021, 3, 14))
    }
    assert codes == {date(2023, 3, 14): ["AUSGOVMIL"], date(2021, 3, 14): ["AUSELI"]}
