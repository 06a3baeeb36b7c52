"""Dated roles and CAMEO codes: which code an actor holds on a given day."""

from __future__ import annotations

from datetime import date

import pytest

from redshank.actors.codes import split_code
from redshank.actors.entries import ActorEntry, RoleCode

KERRY = ActorEntry(
    "JOHN_KERRY",
    "John Kerry",
    "person",
    ("John Kerry",),
    (
        RoleCode.from_code("USAGOVLEG", date(1985, 1, 3), date(2013, 2, 1)),
        RoleCode.from_code("USAGOV", date(2013, 2, 1), None),
    ),
    "t.jsonl",
    1,
)
GAMGEE = ActorEntry(
    "SAM_GAMGEE",
    "Sam Gamgee",
    "person",
    ("Sam Gamgee",),
    (
        RoleCode.from_code("HOB"),
        RoleCode.from_code("ORCHOB", date(2010, 1, 9), date(2010, 1, 12)),
        RoleCode.from_code("HOBMIL", date(2008, 1, 20), date(2012, 11, 9)),
    ),
    "t.jsonl",
    2,
)


@pytest.mark.parametrize(
    ("day", "code"),
    [
        (date(2014, 9, 5), "USAGOV"),
        (date(2013, 2, 1), "USAGOV"),
        (date(2013, 1, 31), "USAGOVLEG"),
        (date(1990, 6, 1), "USAGOVLEG"),
        (date(1970, 1, 1), "USAGOVLEG"),
        (None, "USAGOV"),
    ],
)
def test_kerry_is_a_legislator_before_february_2013_and_government_after(day, code) -> None:
    role = KERRY.role_on(day)
    assert role is not None and role.code == code
    assert role.country == "USA" and role.sector == "GOV"


def test_narrowest_range_wins_and_undated_role_is_the_fallback() -> None:
    assert GAMGEE.role_on(date(2010, 1, 10)).code == "ORCHOB"
    assert GAMGEE.role_on(date(2009, 1, 10)).code == "HOBMIL"
    assert GAMGEE.role_on(date(2020, 1, 1)).code == "HOB"


def test_null_role_marks_a_name_that_is_not_an_actor() -> None:
    assert RoleCode.from_code("---").is_null
    assert not RoleCode.from_code("USA").is_null


@pytest.mark.parametrize(
    ("code", "country", "sector", "kind"),
    [
        ("USAGOVLEG", "USA", "GOV", "state"),
        ("IRQ", "IRQ", None, "state"),
        ("IGOWSTNAT", None, None, "igo"),
        ("IGOUNOJUDICJ", None, "JUD", "igo"),
        ("IMGMUSISI", None, None, "armed_group"),
        ("FRAREB", "FRA", "REB", "armed_group"),
        ("NGOUSAHRI", "USA", "HRI", "ngo"),
        ("MNCUSA", "USA", None, "other"),
        ("KSV", "XKX", None, "state"),
        ("TMPGOV", "TLS", "GOV", "state"),
        ("USRARM", "ARM", None, "state"),
        ("GBRVGBELI", "VGB", "ELI", "state"),
        ("MUSGOV", "MUS", "GOV", "state"),
        ("SASREB", None, "REB", "armed_group"),
        ("KKLREB", None, "REB", "armed_group"),
        ("WST", None, None, "other"),
    ],
)
def test_cameo_codes_split_into_iso_country_sector_and_type(code, country, sector, kind) -> None:
    parts = split_code(code)
    assert (parts.country, parts.sector, parts.type) == (country, sector, kind)
