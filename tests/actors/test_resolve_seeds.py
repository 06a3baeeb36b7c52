"""Actor mentions in the seed articles: what a reader of these stories expects to be found."""

from __future__ import annotations

import re

import pytest

from tests.actors.conftest import Found

KERRY_ARTICLE = "000_11fe88d6595ed0da"
MCDONOUGH_ARTICLE = "001_dce3ab4f66cebe96"
MALIKI_ARTICLE = "002_b69bd920d9e2bfbe"


def named(found: list[Found], text: str) -> list[Found]:
    return [f for f in found if f.mention.actor.text == text]


def one(found: list[Found], text: str) -> Found:
    matches = named(found, text)
    assert matches, f"no mention {text!r}; have {sorted({f.mention.actor.text for f in found})}"
    return matches[0]


def test_every_mention_points_at_its_text_head_and_dictionary_entry(seed_mentions) -> None:
    for found in seed_mentions.values():
        for f in found:
            actor, mention = f.mention.actor, f.mention
            assert f.text[actor.span.start : actor.span.end] == actor.text
            assert mention.token_start <= mention.head < mention.token_end
            assert actor.entries and all(re.match(r"^[\w.\-#]+:\d+ \S+$", e) for e in actor.entries)


@pytest.mark.parametrize(
    ("text", "actor_id", "country", "sector", "kind"),
    [
        ("United States", "USA", "USA", None, "state"),
        ("President Barack Obama", "BARACK_OBAMA", "USA", "GOV", "person"),
        ("NATO", "NATO", None, None, "igo"),
        ("Secretary of State John Kerry", "JOHN_KERRY", "USA", "GOV", "person"),
        ("Defence Secretary Chuck Hagel", "CHUCK_HAGEL", "USA", "GOV", "person"),
        ("IS", "ISLAMIC_STATE", None, None, "armed_group"),
        ("Washington", "USAGOV", "USA", "GOV", "state"),
        ("Britain", "GBR", "GBR", None, "state"),
    ],
)
def test_coalition_article_actors(seed_mentions, text, actor_id, country, sector, kind) -> None:
    actor = one(seed_mentions[KERRY_ARTICLE], text).mention.actor
    assert (actor.id, actor.country, actor.sector, actor.type) == (actor_id, country, sector, kind)


def test_british_and_german_ministers_are_two_governments_sharing_a_head(seed_mentions) -> None:
    found = seed_mentions[KERRY_ARTICLE]
    ministers = [f for f in found if f.mention.actor.text.endswith("German ministers")]
    assert sorted((f.mention.actor.country, f.mention.actor.sector) for f in ministers) == [
        ("DEU", "GOV"),
        ("GBR", "GOV"),
    ]
    heads = {(id(f.doc), f.mention.head) for f in ministers}
    assert len(heads) == 1
    assert ministers[0].doc[ministers[0].mention.head].text == "ministers"
    assert not named(found, "British") and not named(found, "German")


def test_ministers_from_nine_countries_are_nine_governments(seed_mentions) -> None:
    found = [
        f for f in seed_mentions[KERRY_ARTICLE] if f.mention.actor.text.startswith("ministers from")
    ]
    assert {f.mention.actor.country for f in found} == {
        "GBR",
        "FRA",
        "DEU",
        "CAN",
        "AUS",
        "TUR",
        "ITA",
        "POL",
        "DNK",
    }
    assert {f.mention.actor.sector for f in found} == {"GOV"}
    assert {f.doc[f.mention.head].text for f in found} == {"ministers"}
    assert not named(seed_mentions[KERRY_ARTICLE], "Denmark")


def test_security_forces_and_officials_take_their_country(seed_mentions) -> None:
    forces = one(seed_mentions[KERRY_ARTICLE], "Iraqi security forces").mention.actor
    assert forces.country == "IRQ" and forces.sector in ("COP", "MIL") and forces.type == "state"
    officials = one(
        seed_mentions[KERRY_ARTICLE], "U.S. and European security officials"
    ).mention.actor
    assert officials.country == "USA" and officials.sector is not None


def test_headline_in_title_case_still_matches(seed_mentions) -> None:
    found = seed_mentions[MCDONOUGH_ARTICLE]
    assert one(found, "ISIS").mention.actor.id == "ISLAMIC_STATE"
    assert one(found, "State Department").mention.actor.code == "USAGOV"
    headline = seed_mentions[MALIKI_ARTICLE]
    assert [f.mention.actor.code for f in headline[:3]] == ["IRQ", "USA", "---UAF"]


def test_titled_person_absorbs_the_country_before_the_title(seed_mentions) -> None:
    found = seed_mentions[MCDONOUGH_ARTICLE]
    kerry = one(found, "U.S. Secretary of State John Kerry")
    assert kerry.mention.actor.id == "JOHN_KERRY"
    start = kerry.mention.token_start
    same_paragraph = [f for f in found if f.doc is kerry.doc]
    assert not [f for f in same_paragraph if f.mention.token_start == start and f is not kerry]


def test_chief_of_staff_is_a_person_of_the_white_house(seed_mentions) -> None:
    found = one(seed_mentions[MCDONOUGH_ARTICLE], "White House Chief of Staff Denis McDonough")
    actor = found.mention.actor
    assert (actor.type, actor.country, actor.sector) == ("person", "USA", "GOV")
    assert actor.name == "Denis McDonough"
    assert found.doc[found.mention.head].text == "McDonough"


def test_french_government_and_paris(seed_mentions) -> None:
    found = seed_mentions[MCDONOUGH_ARTICLE]
    assert one(found, "French government").mention.actor.id == "FRAGOV"
    assert one(found, "Paris").mention.actor.id == "FRAGOV"


@pytest.mark.parametrize(
    ("text", "actor_id", "country", "sector", "kind"),
    [
        ("Prime Minister Nouri al-Maliki", "NURI_AL_MALIKI", "IRQ", "GOV", "person"),
        ("Obama administration", "USAGOV", "USA", "GOV", "state"),
        ("White House", "USAGOV", "USA", "GOV", "state"),
        ("Islamic State of Iraq and the Levant", "ISLAMIC_STATE", None, None, "armed_group"),
        ("government of Iraq", "IRQGOV", "IRQ", "GOV", "state"),
        ("Hoshyar Zebari, Iraq\u2019s foreign minister", "HOSHYAR_ZEBARI", "IRQ", "GOV", "person"),
        ("U.S. officials", "USAGOV", "USA", "GOV", "state"),
        ("Baghdad", "IRQGOV", "IRQ", "GOV", "state"),
        ("Iraq\u2019s top leaders", "IRQGOV", "IRQ", "GOV", "state"),
    ],
)
def test_maliki_article_actors(seed_mentions, text, actor_id, country, sector, kind) -> None:
    actor = one(seed_mentions[MALIKI_ARTICLE], text).mention.actor
    assert (actor.id, actor.country, actor.sector, actor.type) == (actor_id, country, sector, kind)


def test_iraqi_and_us_officials_are_two_governments(seed_mentions) -> None:
    found = [
        f for f in seed_mentions[MALIKI_ARTICLE] if f.mention.actor.text.endswith("U.S. officials")
    ]
    pair = [f for f in found if f.doc is found[0].doc and f.mention.head == found[0].mention.head]
    assert sorted(f.mention.actor.id for f in pair) == ["IRQGOV", "USAGOV"]


def test_possessive_with_a_curly_apostrophe(seed_mentions) -> None:
    iraq = [f for f in named(seed_mentions[MALIKI_ARTICLE], "Iraq") if "appeals" in f.doc.text]
    assert iraq and iraq[0].mention.actor.code == "IRQ"


def test_islamic_state_of_iraq_is_not_also_iraq(seed_mentions) -> None:
    isil = one(seed_mentions[MALIKI_ARTICLE], "Islamic State of Iraq and the Levant")
    inside = [
        f
        for f in seed_mentions[MALIKI_ARTICLE]
        if f.doc is isil.doc
        and isil.mention.token_start <= f.mention.token_start < isil.mention.token_end
    ]
    assert inside == [isil]


def test_unknown_spokeswoman_becomes_a_person_of_the_security_council(seed_mentions) -> None:
    found = one(
        seed_mentions[MALIKI_ARTICLE],
        "spokeswoman for the National Security Council, Bernadette Meehan",
    )
    actor = found.mention.actor
    assert (actor.name, actor.id, actor.type) == (
        "Bernadette Meehan",
        "BERNADETTE_MEEHAN",
        "person",
    )
    assert (actor.country, actor.sector) == ("USA", "GOV")
    assert found.doc[found.mention.head].text == "spokeswoman"
    assert any("NATIONAL_SECURITY_COUNCIL" in e for e in actor.entries)


def test_us_operated_yields_the_us_before_the_hyphen(seed_mentions) -> None:
    found = [f for f in named(seed_mentions[MALIKI_ARTICLE], "U.S.") if "operated" in f.doc.text]
    us = next(f for f in found if f.doc[f.mention.head].text == "U.S.-operated")
    assert us.mention.actor.country == "USA"
    assert us.text[us.mention.actor.span.start : us.mention.actor.span.end + 9] == "U.S.-operated"


def test_maliki_is_resolved_at_the_article_date(seed_mentions) -> None:
    maliki = named(seed_mentions[MALIKI_ARTICLE], "al-Maliki")
    assert maliki and all(f.mention.actor.code == "IRQGOV" for f in maliki)
