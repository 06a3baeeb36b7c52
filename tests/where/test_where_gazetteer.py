"""The gazetteer: packaged data, lookups, precision labels and validated user files."""

from __future__ import annotations

from pathlib import Path

import pytest

from redshank.errors import DataFileError
from redshank.where import Gazetteer, load_gazetteer
from redshank.where.gazetteer import name_key


def places(name: str) -> dict[str, str]:
    """kind:country of every place a name may refer to."""
    return {p.key: f"{p.kind}:{p.country}" for p, _ in load_gazetteer().lookup(name)}


@pytest.mark.parametrize(
    ("name", "key", "precision"),
    [
        ("Mosul", "city:99072", "city"),
        ("Baghdad", "city:98182", "city"),
        ("Paris", "city:2988507", "city"),
        ("Wales", "admin1:GBR.WLS", "admin1"),
        ("Iraq", "country:IRQ", "country"),
        ("Golan Heights", "site:Golan Heights", "admin1"),
        ("Middle East", "site:Middle East", "none"),
    ],
)
def test_each_kind_of_place_carries_its_precision(name: str, key: str, precision: str) -> None:
    found = {p.key: p for p, _ in load_gazetteer().lookup(name)}
    assert found[key].precision == precision


def test_country_coordinates_are_labelled_as_country_precision() -> None:
    """A country's representative point is never passed off as a city's coordinates."""
    iraq = load_gazetteer().places["country:IRQ"].location()
    assert iraq.precision == "country"
    assert iraq.lat is not None and iraq.lon is not None


def test_a_place_without_location_has_no_coordinates() -> None:
    middle_east = load_gazetteer().places["site:Middle East"].location()
    assert (middle_east.precision, middle_east.lat, middle_east.lon) == ("none", None, None)


def test_cities_know_their_region() -> None:
    paris_texas = load_gazetteer().places["city:4717560"].location()
    assert (paris_texas.country, paris_texas.admin1) == ("USA", "Texas")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Georgia", {"country:GEO": "country:GEO", "admin1:USA.GA": "admin1:USA"}),
        ("Washington", {"city:4140963": "city:USA", "admin1:USA.WA": "admin1:USA"}),
    ],
)
def test_ambiguous_names_list_every_reading(name: str, expected: dict[str, str]) -> None:
    found = places(name)
    assert {key: found[key] for key in expected} == expected


def test_names_match_without_diacritics_case_or_article() -> None:
    assert "city:91597" in places("samarra")  # Sāmarrā’
    assert "country:NLD" in places("the Netherlands")
    assert name_key("Al-Fallūjah") == "al fallujah"


def test_short_capitalised_names_match_only_in_capitals() -> None:
    """"US" is the United States; "Un" (a town in India) does not make "UN" a place."""
    assert "country:USA" in places("US")
    assert places("UN") == {}


def test_blocked_names_are_never_places() -> None:
    assert places("Obama") == {}
    assert places("White House") == {}


def test_demonyms_name_countries_for_context_only() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.demonyms["french"] == "FRA"
    assert places("French") == {}


def test_user_sites_and_aliases_are_loaded_after_the_packaged_files(tmp_path: Path) -> None:
    sites = tmp_path / "my-sites.tsv"
    sites.write_text("name\tcountry\tadmin1\tlat\tlon\tprecision\talternates\tnote\n"
                     "Camp Bastion\tAFG\t\t31.86\t64.20\tcity\tBastion\tformer base\n",
                     encoding="utf-8")
    aliases = tmp_path / "my-aliases.tsv"
    aliases.write_text("name\ttarget\tnote\nBaghdad Airport\tcity:98182\t\n", encoding="utf-8")
    gazetteer = Gazetteer.load([sites, aliases])
    assert gazetteer.lookup("Bastion")[0][0].location().country == "AFG"
    assert gazetteer.lookup("Baghdad Airport")[0][0].name == "Baghdad"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("name\ttarget\tnote\nNowhere\tcity:1\t\n", "target 'city:1' is not in the gazetteer"),
        ("name\tcountry\tadmin1\tlat\tlon\tprecision\talternates\tnote\n"
         "Somewhere\tIRQ\t\t33\t44\ttown\t\t\n", "precision 'town' is not one of"),
        ("name\tcountry\tadmin1\tlat\tlon\tprecision\talternates\tnote\n"
         "Sea\t\t\t33\t44\tnone\t\t\n", "only when precision is not none"),
        ("place\tcode\n", "unknown header"),
    ],
)
def test_bad_user_files_name_file_and_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError, match=message) as error:
        Gazetteer.load([path])
    assert error.value.path == str(path)
    assert error.value.line in (1, 2)
