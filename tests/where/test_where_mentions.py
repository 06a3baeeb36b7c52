"""Finding place names and resolving ambiguous ones by the article's context."""

from __future__ import annotations

import pytest
from spacy.language import Language

from redshank.where import find_place_mentions
from tests.conftest import SEEDS, seed_documents
from tests.where.conftest import Locate, by_text


def resolved(locate: Locate, text: str, name: str) -> tuple[str | None, str, str | None]:
    location = by_text(locate(text), name).location
    return location.country, location.precision, location.admin1


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Kerry arrived in Paris for talks with the French foreign minister.", "Paris",
         ("FRA", "city", "Ile-de-France")),
        ("Police in Paris, Texas, arrested two men.", "Paris", ("USA", "city", "Texas")),
        ("The sheriff said the storm hit Paris overnight. Texas officials sent help.",
         "Paris", ("USA", "city", "Texas")),
        ("Officials in Washington said the sanctions would take effect.", "Washington",
         ("USA", "city", "Washington, D.C.")),
        ("Wildfires forced evacuations in Washington state and Oregon.", "Washington state",
         ("USA", "admin1", "Washington")),
        ("Rescue teams reached Seattle, Washington, after the storm.", "Washington",
         ("USA", "admin1", "Washington")),
        ("Russian troops crossed into Georgia and shelled Gori.", "Georgia",
         ("GEO", "country", None)),
        ("Voters in Atlanta, Georgia, waited for hours.", "Georgia", ("USA", "admin1", "Georgia")),
        ("The governor of Georgia signed the bill in Atlanta.", "Georgia",
         ("USA", "admin1", "Georgia")),
    ],
)
def test_ambiguous_names_are_resolved_by_context(locate: Locate, text: str, name: str,
                                                 expected: tuple) -> None:
    assert resolved(locate, text, name) == expected


def test_the_choice_is_explained(locate: Locate) -> None:
    mention = by_text(locate("Police in Paris, Texas, arrested two men."), "Paris")
    assert "qualified by 'Texas'" in mention.reason
    assert {c.place.country for c in mention.candidates} >= {"FRA", "USA"}


def test_a_world_city_outweighs_a_small_namesake_in_the_articles_country(
        locate: Locate) -> None:
    mention = by_text(locate("U.S. and Russian negotiators return to Geneva this week."),
                      "Geneva")
    assert mention.location.country == "CHE"
    assert "outweighs" in mention.reason


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Paris Club of creditor nations agreed to reschedule the debt.", "Paris"),
        ("The Washington Post reported that talks had stalled.", "Washington"),
        ("A Georgia Tech researcher presented the findings.", "Georgia"),
        ("The New York Times said the summit ended without agreement.", "New York"),
        ("The University of Baghdad reopened after the strike.", "Baghdad"),
        ("The Bank of England raised interest rates.", "England"),
        ("Paris Hilton attended the opening.", "Paris"),
        ("President Barack Obama spoke to reporters.", "Obama"),
        ("Defence Secretary Chuck Hagel met Denis McDonough.", "McDonough"),
        ("The Islamic State of Iraq and the Levant claimed the attack.", "Iraq"),
        ("Bolton said the talks in Hanoi had failed.", "Bolton"),
    ],
)
def test_names_inside_organisations_and_people_are_not_places(locate: Locate, text: str,
                                                              name: str) -> None:
    assert name not in [m.text for m in locate(text)]


def test_a_surname_is_not_a_town_once_the_article_names_the_person(locate: Locate) -> None:
    text = "National security adviser John Bolton resigned.\n\nBolton had opposed the deal."
    assert [m.text for m in locate(text)] == []


def test_mentions_carry_tokens_spans_and_head(nlp: Language) -> None:
    doc = nlp("Fighting erupted in Donetsk and Luhansk in eastern Ukraine.")
    mentions = find_place_mentions(doc, offset=100)
    donetsk = mentions[0]
    assert (donetsk.text, donetsk.token_start, donetsk.token_end) == ("Donetsk", 3, 4)
    assert doc[donetsk.head].text == "Donetsk"
    assert (donetsk.span.start, donetsk.span.end) == (100 + 20, 100 + 27)
    assert [m.text for m in mentions] == ["Donetsk", "Luhansk", "Ukraine"]


@pytest.mark.parametrize(
    ("seed_id", "name", "country", "precision"),
    [
        ("002_b69bd920d9e2bfbe", "Mosul", "IRQ", "city"),
        ("002_b69bd920d9e2bfbe", "Baghdad", "IRQ", "city"),
        ("001_dce3ab4f66cebe96", "Paris", "FRA", "city"),
        ("000_11fe88d6595ed0da", "Wales", "GBR", "admin1"),
    ],
)
def test_seed_places_resolve_with_coordinates(locate: Locate, seed_id: str, name: str,
                                              country: str, precision: str) -> None:
    if not (SEEDS / "manifest.jsonl").exists():
        pytest.skip(f"seed corpus not found at {SEEDS}")
    document = next(d for d in seed_documents() if d.id == seed_id)
    location = by_text(locate(document.text), name).location
    assert (location.country, location.precision) == (country, precision)
    assert location.lat is not None and location.lon is not None


def test_demonyms_are_adjectival_country_mentions_only_when_asked(nlp: Language) -> None:
    from redshank.where import locate_places

    doc = nlp("Chilean troops met the Peruvians near Arica. The Chilean Open was delayed.")
    plain = locate_places([(doc, 0)])[0]
    assert [m.text for m in plain] == ["Arica"]
    found = locate_places([(doc, 0)], adjectival=True)[0]
    assert [(m.text, m.location.country, m.adjectival) for m in found] == [
        ("Chilean", "CHL", True), ("Peruvians", "PER", True), ("Arica", "CHL", False)]
    assert found[0].span.start == 0 and found[0].location.precision == "country"


def test_the_recognizer_drops_doubted_city_names_it_reads_as_people_or_firms(
        nlp: Language) -> None:
    from redshank.parse.nlp import entity_recognizer
    from redshank.where import locate_places

    recognizer = entity_recognizer(nlp)
    assert recognizer is not None
    text = ("Shares of Toyota fell after the recall, and lawmakers in Preston met on Monday. "
            "Chile said so.")
    plain = [m.text for m in locate_places([(nlp(text), 0)])[0]]
    checked = [m.text for m in locate_places([(nlp(text), 0)], recognizer=recognizer)[0]]
    assert plain == ["Toyota", "Preston", "Chile"]
    # a firm's name goes; a city after a locative preposition and a country stay, even
    # when the recognizer reads them otherwise
    assert checked == ["Preston", "Chile"]


def test_a_name_does_not_run_on_into_a_lowercase_word(nlp: Language) -> None:
    # the gazetteer lists foreign spellings such as "Gaza by" (Danish for Gaza City)
    names = [m.text for m in find_place_mentions(nlp("Two aid workers were seized in "
                                                     "Gaza by gunmen."))]
    assert names == ["Gaza"]
