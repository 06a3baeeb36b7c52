"""Resolution with the large gazetteer: context, kinds of place, and the names it must not read."""

from __future__ import annotations

import pytest

from redshank.where import load_gazetteer
from redshank.where.gazetteer import Place
from redshank.where.resolve import Candidate, choose

from .conftest import Locate


def resolved(locate: Locate, text: str) -> dict[str, Place]:
    return {m.text: m.place for m in locate(text)}


def test_the_dateline_puts_the_article_in_its_country(locate: Locate) -> None:
    """Halifax is the Canadian city, unless the article was filed from Birmingham (England).

    Birmingham alone says nothing: there is one in Alabama too.
    """
    elsewhere = resolved(locate, "Police from Birmingham searched a house in Halifax.")
    assert elsewhere["Halifax"].country == "CAN"
    filed = resolved(locate, "BIRMINGHAM (Reuters) - Police searched a house in Halifax.")
    assert filed["Halifax"].country == "GBR"


def test_a_region_beats_a_village_of_its_name(locate: Locate) -> None:
    place = resolved(locate, "Tankers were attacked in the Middle East on Monday.")["Middle East"]
    assert (place.kind, place.precision, place.location().lat) == ("region", "none", None)
    assert place.lat is not None  # the nominal centre is kept for geoparsing


@pytest.mark.parametrize(
    ("text", "name", "kind", "country"),
    [
        ("Aid workers reached Bentiu in South Sudan on Tuesday.", "Bentiu", "city", "SSD"),
        ("Flooding closed roads in Cook County, Illinois.", "Cook County", "admin2", "USA"),
        ("The ship sank in the Aegean Sea near Lesbos.", "Aegean Sea", "sea", None),
        ("The government of the People's Republic of China protested.",
         "People's Republic of China", "country", "CHN"),
        ("A storm hit Tucson, Ariz., on Friday.", "Ariz.", "admin1", "USA"),
    ],
)
def test_towns_counties_seas_and_wire_abbreviations_are_found(
        locate: Locate, text: str, name: str, kind: str, country: str | None) -> None:
    place = resolved(locate, text)[name]
    assert (place.kind, place.country) == (kind, country)


def test_a_county_carries_its_region() -> None:
    cook = {p.admin1 for p, _ in load_gazetteer().lookup("Cook County")}
    assert "USA.IL" in cook


@pytest.mark.parametrize("word", ["Police", "Hope", "Young", "Tower"])
def test_small_towns_named_by_english_words_are_left_out(word: str) -> None:
    """GeoNames has towns of a few thousand people called "Police" or "Tower"."""
    assert all(p.population >= 15_000 or p.kind not in ("city", "admin2")
               for p, _ in load_gazetteer().lookup(word))


def test_countries_sit_at_geonames_points() -> None:
    """The USA at GeoNames' 39.76, -98.5, not a representative point 235 km away."""
    usa = load_gazetteer().places["country:USA"]
    assert (usa.lat, usa.lon, usa.coord_source) == (39.76, -98.5, "geonames")


def test_a_region_cue_does_not_pick_a_foreign_county_over_a_country() -> None:
    country = Place("country:MNE", "Montenegro", "country", "MNE", "country", 42.5, 19.3)
    county = Place("admin2:BRA.23.Montenegro", "Montenegro", "admin2", "BRA", "admin1",
                   -29.7, -51.5, admin1="BRA.23", population=65_000)
    choice = choose([Candidate(country, True), Candidate(county, True)], frozenset(),
                    cue="admin1")
    assert choice.place is country


def test_the_gazetteer_pickles_as_its_files() -> None:
    import pickle

    gazetteer = pickle.loads(pickle.dumps(load_gazetteer()))
    assert gazetteer.lookup("Baghdad")
