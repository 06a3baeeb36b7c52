"""The compatibility test and what the linker sees of an event (actor keys, date windows)."""

from __future__ import annotations

from datetime import date

import pytest

from redshank.coding.plover import EVENT_TYPES
from redshank.link.compatible import compatible, match_reason
from redshank.link.families import FAMILIES
from redshank.link.records import LinkSettings, actor_key, link_record, window_of
from redshank.model import Event, Location
from tests.link.conftest import actor, make_event

SETTINGS = LinkSettings()
KHARKIV = Location(name="Kharkiv", country="UKR", lat=49.99, lon=36.23, precision="city")
CHUHUIV = Location(name="Chuhuiv", country="UKR", lat=49.84, lon=36.69, precision="city")
ODESA = Location(name="Odesa", country="UKR", lat=46.48, lon=30.72, precision="city")
MOSCOW = Location(name="Moscow", country="RUS", lat=55.75, lon=37.62, precision="city")
UKRAINE = Location(name="Ukraine", country="UKR", lat=None, lon=None, precision="country")


def linked(a: Event, b: Event) -> bool:
    return compatible(link_record(a, SETTINGS), link_record(b, SETTINGS), SETTINGS) is not None


def test_every_plover_event_type_has_a_family() -> None:
    assert set(FAMILIES) == set(EVENT_TYPES)


@pytest.mark.parametrize(
    ("code", "sector", "kind", "key"),
    [
        ("RUS", None, "state", "RUS"),
        ("RUSMIL", "MIL", "state", "RUS"),
        ("RUSGOV", "GOV", "person", "RUS"),
        ("SYRREB", "REB", "armed_group", "SYR~armed"),
        ("KENOPP", "OPP", "other", "KEN~civil"),
        ("---COP", "COP", "state", None),
        ("NATO", None, "igo", "id:NATO"),
    ],
)
def test_actor_keys_keep_country_and_side_but_drop_generic_agents(
        code: str, sector: str | None, kind: str, key: str | None) -> None:
    assert actor_key(actor(code, sector=sector, kind=kind)) == key


@pytest.mark.parametrize(
    ("precision", "auxiliary", "window"),
    [
        ("day", None, (date(2023, 6, 6), date(2023, 6, 6))),
        ("reported", None, (date(2023, 6, 4), date(2023, 6, 7))),
        ("month", None, (date(2023, 6, 1), date(2023, 6, 30))),
        ("year", None, None),
        ("reported", "historical", None),
    ],
)
def test_date_windows(precision: str, auxiliary: str | None,
                      window: tuple[date, date] | None) -> None:
    found = window_of(make_event("a", precision=precision, auxiliary=auxiliary,
                                 published="2023-06-07"), SETTINGS)
    expected = None if window is None else (window[0].toordinal(), window[1].toordinal())
    assert found == expected


def test_undated_events_have_no_window() -> None:
    assert window_of(make_event("a", day=None, precision="unknown"), SETTINGS) is None


SAME = [
    ("different modes of one type", make_event("a", mode="heavy-weapons"),
     make_event("b", mode="aerial")),
    ("types of one family", make_event("a", "SUPPORT", actors=["KAZ", "UZB"], recipients=[]),
     make_event("b", "AGREE", actors=["KAZ"], recipients=["UZB"])),
    ("an undated report within days of the dated one", make_event("a", day="2023-06-06"),
     make_event("b", precision="reported", published="2023-06-08")),
    ("a month-dated report", make_event("a"), make_event("b", precision="month")),
    ("more precise actor (military) on the same country", make_event("a", actors=["RUS"]),
     make_event("b", actors=["RUSMIL"])),
    ("one report names an extra actor", make_event("a", actors=["USA", "GBR"],
                                                   recipients=["SYR"]),
     make_event("b", actors=["GBR"], recipients=["SYR"])),
    ("recipient missing in one report", make_event("a"), make_event("b", recipients=[])),
    ("generic actor in one report, recipients agree", make_event("a", actors=["---MIL"]),
     make_event("b")),
    ("mutual event worded the other way round", make_event("a", "CONSULT", actors=["CHN"],
                                                           recipients=["BRA"]),
     make_event("b", "CONSULT", actors=["BRA"], recipients=["CHN"])),
    ("negated reports of the same thing", make_event("a", auxiliary="negated"),
     make_event("b", auxiliary="negated")),
    ("historical and plain reports", make_event("a", auxiliary="historical"), make_event("b")),
    ("nearby places", make_event("a", location=KHARKIV), make_event("b", location=CHUHUIV)),
    ("place known in one report only", make_event("a", location=KHARKIV), make_event("b")),
    ("city and its country", make_event("a", location=KHARKIV),
     make_event("b", location=UKRAINE)),
    ("a restatement in the same article", make_event("a"), make_event("a", sentence_index=3)),
]
DIFFERENT = [
    ("different families", make_event("a", "ASSAULT"), make_event("b", "PROTEST")),
    ("negated and factual", make_event("a", auxiliary="negated"), make_event("b")),
    ("hypothetical and factual", make_event("a", auxiliary="hypothetical"), make_event("b")),
    ("future and negated", make_event("a", auxiliary="future"),
     make_event("b", auxiliary="negated")),
    ("different days", make_event("a", day="2023-06-06"), make_event("b", day="2023-06-07")),
    ("undated report long after", make_event("a", day="2023-06-06"),
     make_event("b", precision="reported", published="2023-06-12")),
    ("year-dated report", make_event("a"), make_event("b", precision="year")),
    ("swapped directed roles", make_event("a", actors=["RUS"], recipients=["UKR"]),
     make_event("b", actors=["UKR"], recipients=["RUS"])),
    ("different recipients", make_event("a", "SANCTION", actors=["POL"], recipients=["BLR"]),
     make_event("b", "SANCTION", actors=["POL"], recipients=["RUS"])),
    ("overlapping but different actor sets", make_event("a", actors=["USA", "GBR"]),
     make_event("b", actors=["USA", "FRA"])),
    ("mutual event with another partner", make_event("a", "CONSULT", actors=["CHN"],
                                                     recipients=["BRA"]),
     make_event("b", "CONSULT", actors=["CHN"], recipients=["FRA"])),
    ("an undated report without the target the dated one names",
     make_event("a", recipients=["---CVL"], precision="reported"), make_event("b")),
    ("no side known in both", make_event("a", actors=["RUS"], recipients=[]),
     make_event("b", actors=["---MIL"], recipients=["UKR"])),
    ("rebels and the army of one country", make_event("a", actors=[actor(
        "SYRREB", sector="REB", kind="armed_group")], recipients=["TUR"]),
     make_event("b", actors=["SYRMIL"], recipients=["TUR"])),
    ("places in different countries", make_event("a", location=KHARKIV),
     make_event("b", location=MOSCOW)),
    ("distant cities", make_event("a", location=KHARKIV), make_event("b", location=ODESA)),
]


@pytest.mark.parametrize(("case", "a", "b"), SAME, ids=[case for case, _, _ in SAME])
def test_reports_of_one_event_are_compatible(case: str, a: Event, b: Event) -> None:
    assert linked(a, b) and linked(b, a)


@pytest.mark.parametrize(("case", "a", "b"), DIFFERENT, ids=[case for case, _, _ in DIFFERENT])
def test_reports_of_different_events_are_not(case: str, a: Event, b: Event) -> None:
    assert not linked(a, b) and not linked(b, a)


def test_an_event_is_not_compatible_with_itself() -> None:
    event = make_event("a")
    assert not linked(event, event)


def test_the_match_says_why() -> None:
    a, b = make_event("a", mode="heavy-weapons"), make_event("b", actors=["RUSMIL"])
    ra, rb = link_record(a, SETTINGS), link_record(b, SETTINGS)
    assert compatible(ra, rb, SETTINGS) is not None
    assert match_reason(ra, rb) == (
        "ASSAULT; actors RUS ~ RUS, recipients UKR ~ UKR; dates overlap 2023-06-06")
