"""User TABARI dictionaries with country codes of their own (`ZEM` for a fictional Zembla)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from redshank.actors import ActorResolver, load_dictionary
from redshank.actors.codes import split_code
from redshank.actors.dictionary import actors_from_tabari, tabari_countries
from redshank.actors.jsonl import read_jsonl
from redshank.actors.tabari import read_tabari_actors
from tests.actors.conftest import find

ACTORS = """\
ZEMBLA [ZEM]
+ZEMBLAN
+ODON
QUARVIA [QRV]
KARL_ODINSSON [ZEMCIV]
QUARVIAN_BORDER_GUARDS [QRVMIL]
"""
AGENTS = """\
PRIME_MINISTER [~GOV]
FOREIGN_MINISTER [~GOVFRM]
SOLDIER [~MIL]
RELIEF_AGENCY [NGO~]
"""


@pytest.mark.parametrize(
    ("code", "countries", "country", "sector", "kind"),
    [
        ("ZEMCIV", (), None, None, "other"),
        ("ZEMCIV", ("ZEM",), "ZEM", "CIV", "state"),
        ("ZEMGOVFRM", ("ZEM",), "ZEM", "GOV", "state"),
        ("ZEMREB", ("ZEM",), "ZEM", "REB", "armed_group"),
        ("NGOZEM", ("ZEM",), "ZEM", None, "ngo"),
        ("GBRVGB", (), "VGB", None, "state"),
        ("ANGREB", (), "AGO", "REB", "armed_group"),
    ],
)
def test_codes_read_with_user_countries(code, countries, country, sector, kind) -> None:
    parts = split_code(code, countries)
    assert (parts.country, parts.sector, parts.type) == (country, sector, kind)


def test_unknown_first_chunk_is_never_followed_by_a_country() -> None:
    """CIV after a country CAMEO does not know is a role, not Ivory Coast."""
    assert split_code("ZEMCIV").country is None


def test_one_chunk_codes_the_file_makes_up_are_countries() -> None:
    entries = read_tabari_actors("user.actors.txt", ACTORS)
    assert tabari_countries(entries) == {"ZEM", "QRV"}
    actors, _, _ = actors_from_tabari(entries, "user.actors.txt")
    by_id = {a.id: a for a in actors}
    assert (by_id["ZEMBLA"].type, by_id["ZEMBLA"].roles[0].country) == ("state", "ZEM")
    assert by_id["KARL_ODINSSON"].roles[0].country == "ZEM"


def test_jsonl_role_with_its_own_country_is_a_state(tmp_path: Path) -> None:
    path = tmp_path / "user.jsonl"
    path.write_text(
        '{"id": "ZEMBLA", "names": ["Zembla"], "roles": [{"code": "ZEM", "country": "ZEM"}]}\n'
    )
    (entry,), _ = read_jsonl(path)
    assert (entry.type, entry.roles[0].country) == ("state", "ZEM")


@pytest.fixture(scope="module")
def user_resolver(nlp, tmp_path_factory: pytest.TempPathFactory) -> ActorResolver:
    folder = tmp_path_factory.mktemp("user-dictionaries")
    (folder / "zembla.actors.txt").write_text(ACTORS, encoding="utf-8")
    (folder / "zembla.agents.txt").write_text(AGENTS, encoding="utf-8")
    files = [folder / "zembla.actors.txt", folder / "zembla.agents.txt"]
    return ActorResolver(load_dictionary(files), nlp.tokenizer)


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        ("Zembla Prime Minister Odon arrived on Monday.", "Zembla Prime Minister Odon", "ZEMGOV"),
        ("Zembla's foreign minister left on Monday.", "Zembla's foreign minister", "ZEMGOVFRM"),
        ("Soldiers from Quarvia crossed the river.", "Soldiers from Quarvia", "QRVMIL"),
        ("Zemblan soldiers crossed the river.", "Zemblan soldiers", "ZEMMIL"),
        ("The Zembla relief agency sent food.", "Zembla relief agency", "NGOZEM"),
        ("Karl Odinsson crossed the river.", "Karl Odinsson", "ZEMCIV"),
    ],
)
def test_user_countries_compose_with_role_nouns(user_resolver, nlp, text, mention, code) -> None:
    found = {m.actor.text: m.actor for m in find(user_resolver, nlp, text, date(2001, 1, 1))}
    assert found[mention].code == code
    assert found[mention].country == code.replace("NGO", "")[:3]
