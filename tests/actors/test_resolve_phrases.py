"""Noun phrases the resolver must read whole: nationalities, titles, affiliations, places."""

from __future__ import annotations

from datetime import date

import pytest

from redshank.model import Actor
from tests.actors.conftest import find

ON = date(2005, 6, 1)


def actors(resolver, nlp, text: str, on: date | None = ON) -> dict[str, Actor]:
    """Mention text -> actor, for one sentence."""
    return {m.actor.text: m.actor for m in find(resolver, nlp, text, on)}


def only(resolver, nlp, text: str, mention: str, on: date | None = ON) -> Actor:
    found = actors(resolver, nlp, text, on)
    assert mention in found, f"no mention {mention!r}; have {sorted(found)}"
    return found[mention]


# Nationalities in the plural are their country (dictionaries list demonyms singular).


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        ("Hundreds of Kenyans marched on Friday.", "Kenyans", "KEN"),
        ("Police detained 40 Somalis near the border.", "Somalis", "SOM"),
        ("Two Sri Lankans were hurt in the crash.", "Sri Lankans", "LKA"),
        ("An Egyptian was arrested at the airport.", "Egyptian", "EGY"),
    ],
)
def test_plural_nationality_is_its_country_with_no_sector(
    resolver, nlp, text, mention, country
) -> None:
    actor = only(resolver, nlp, text, mention)
    assert (actor.country, actor.sector, actor.type) == (country, None, "state")


def test_plural_of_a_country_name_is_not_the_country(resolver, nlp) -> None:
    found = actors(resolver, nlp, "Leaders from across the Americas met on Monday.")
    assert not any(a.country == "USA" for a in found.values())


# A country anywhere among the premodifiers of a role noun or a titled name.


@pytest.mark.parametrize(
    ("text", "mention", "country", "kind"),
    [
        (
            "French Interior Minister Jean Dupont visited the camp.",
            "French Interior Minister Jean Dupont",
            "FRA",
            "person",
        ),
        (
            "Kenyan deputy trade minister Peter Otieno spoke on Monday.",
            "Kenyan deputy trade minister Peter Otieno",
            "KEN",
            "person",
        ),
        (
            "Kenya Rugby Union officials protested the ban.",
            "Kenya Rugby Union officials",
            "KEN",
            "state",
        ),
        ("Peru arrested three Ugandan army officers.", "Ugandan army officers", "UGA", "state"),
    ],
)
def test_country_in_the_premodifiers_gives_the_country(
    resolver, nlp, text, mention, country, kind
) -> None:
    actor = only(resolver, nlp, text, mention)
    assert (actor.country, actor.type) == (country, kind)


def test_role_word_ending_a_titled_name_is_part_of_the_name(resolver, nlp) -> None:
    found = actors(resolver, nlp, "Canadian Defence Minister Paul King resigned on Friday.")
    assert list(found) == ["Canadian Defence Minister Paul King"]
    actor = found["Canadian Defence Minister Paul King"]
    assert (actor.name, actor.country, actor.type) == ("Paul King", "CAN", "person")


@pytest.mark.parametrize(
    ("text", "mention", "sector"),
    [
        ("Israeli intelligence officials met.", "Israeli intelligence officials", "SPY"),
        ("Rebel leaders met on Monday.", "Rebel leaders", "REB"),
        ("Police officials said so.", "Police officials", "COP"),
    ],
)
def test_modifier_of_a_generic_role_noun_gives_the_body(
    resolver, nlp, text, mention, sector
) -> None:
    assert only(resolver, nlp, text, mention).sector == sector


def test_rank_word_does_not_change_the_body(resolver, nlp) -> None:
    actor = only(resolver, nlp, "Deputy leader Ann Smith said no.", "Deputy leader Ann Smith")
    assert actor.sector == "GOV"


# The organisation named in the phrase wins over a person's own country.


def test_organisation_qualifying_role_nouns_keeps_its_code(resolver, nlp) -> None:
    actor = only(
        resolver,
        nlp,
        "European Community trade ministers met.",
        "European Community trade ministers",
    )
    assert (actor.code, actor.type) == ("IGOEUREEC", "igo")


@pytest.mark.parametrize(
    ("text", "mention", "person"),
    [
        ("They spoke to U.N. envoy Maria Lopez.", "U.N. envoy Maria Lopez", "MARIA_LOPEZ"),
        ("They met UN mediator Tony Blair.", "UN mediator Tony Blair", "TONY_BLAIR"),
    ],
)
def test_person_named_with_an_organisation_takes_its_code(
    resolver, nlp, text, mention, person
) -> None:
    actor = only(resolver, nlp, text, mention)
    assert (actor.id, actor.type, actor.code, actor.country) == (person, "person", "IGOUNO", None)


def test_body_of_an_organisation_is_not_a_person(resolver, nlp) -> None:
    found = actors(resolver, nlp, "The UN Truth Commission reported on Monday.")
    assert [a.type for a in found.values()] == ["igo"]


# "X in Y", "X from Y": the place gives the country; a capital there is not the government.


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        ("Police in Kenya arrested five men.", "Police in Kenya", "KENCOP"),
        ("Protesters in Nairobi blocked roads.", "Protesters in Nairobi", "KENOPP"),
        ("Nairobi residents blocked roads.", "Nairobi residents", "KENCVL"),
    ],
)
def test_place_of_a_role_gives_country_and_keeps_the_role(
    resolver, nlp, text, mention, code
) -> None:
    actor = only(resolver, nlp, text, mention)
    assert (actor.code, actor.country, actor.type) == (code, code[:3], "state")


def test_capital_alone_is_still_the_government(resolver, nlp) -> None:
    assert only(resolver, nlp, "Nairobi said it would not negotiate.", "Nairobi").code == "KENGOV"


def test_nationality_wins_over_the_place(resolver, nlp) -> None:
    found = actors(resolver, nlp, "US troops in Kenya left on Monday.")
    assert found["US troops"].code == "USAMIL"
    assert found["Kenya"].code == "KEN"


# Names the packaged data used to get wrong.


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        ("The PRC protested on Monday.", "PRC", "CHN"),
        ("Guinea protested on Monday.", "Guinea", "GIN"),
        (
            "The Democratic People's Republic of Korea protested.",
            "Democratic People's Republic of Korea",
            "PRK",
        ),
        ("Kampuchean soldiers fired on the camp.", "Kampuchean soldiers", "KHMMIL"),
    ],
)
def test_country_names(resolver, nlp, text, mention, code) -> None:
    found = actors(resolver, nlp, text)
    assert found[mention].code == code
    assert len(found) == 1


def test_legacy_cameo_code_has_its_country(resolver, nlp) -> None:
    actor = only(resolver, nlp, "UNITA fighters attacked a convoy.", "UNITA fighters")
    assert (actor.code, actor.country) == ("ANGREB", "AGO")


# A role noun alone is not a state: a state needs a country.


@pytest.mark.parametrize(
    ("text", "kind"),
    [("Ministers met on Monday.", "other"), ("Militants attacked.", "armed_group")],
)
def test_role_noun_without_a_country_is_not_a_state(resolver, nlp, text, kind) -> None:
    (actor,) = actors(resolver, nlp, text).values()
    assert (actor.country, actor.type) == (None, kind)


# One word after a title is a name only if a known person of that surname holds such a role.


def test_titled_surname_of_a_known_leader(resolver, nlp) -> None:
    actor = only(resolver, nlp, "President Mugabe spoke on Monday.", "President Mugabe")
    assert (actor.id, actor.country, actor.type) == ("ROBERT_MUGABE", "ZWE", "person")


def test_organisation_named_after_a_title_word_is_not_a_person(resolver, nlp) -> None:
    found = actors(resolver, nlp, "Premier Foods said sales fell.")
    assert all(a.type != "person" for a in found.values())
