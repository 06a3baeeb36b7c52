"""The packaged dictionary and user files: sizes, overrides, provenance, filtered names."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from redshank.actors import ActorDictionary, ActorEntry, AgentEntry, load_dictionary
from redshank.actors.dictionary import PACKAGED_FILES, packaged_path
from redshank.errors import DataFileError


def test_packaged_dictionary_is_large_and_clean(dictionary: ActorDictionary) -> None:
    assert len(dictionary.actors) > 25_000
    assert len(dictionary.agents) > 2_000
    assert dictionary.files == list(PACKAGED_FILES)
    assert dictionary.warnings == []
    assert (packaged_path("LICENSE-phoenix.txt").read_text().count("MIT License")) == 1


@pytest.mark.parametrize(
    ("name", "entry_id", "code"),
    [
        ("Washington", "CAPITAL_USA", "USAGOV"),
        ("Baghdad", "CAPITAL_IRQ", "IRQGOV"),
        ("the Obama administration", "OBAMA_ADMINISTRATION", "USAGOV"),
        ("ISIL", "ISLAMIC_STATE", "IMGMUSISI"),
        ("Daesh", "ISLAMIC_STATE", "IMGMUSISI"),
        ("North Atlantic Treaty Organization", "NATO", "IGOWSTNAT"),
        ("the White House", "WHITE_HOUSE", "USAGOV"),
        ("National Security Council", "NATIONAL_SECURITY_COUNCIL", "USAGOV"),
        ("Kremlin", "KREMLIN", "RUSGOV"),
    ],
)
def test_names_resolve_to_the_expected_entry(dictionary, name, entry_id, code) -> None:
    entry = dictionary.lookup(name)
    assert isinstance(entry, ActorEntry)
    assert entry.id == entry_id
    assert entry.role_on(date(2014, 9, 5)).code == code


@pytest.mark.parametrize(
    ("name", "sector"), [("officials", "GOV"), ("spokeswoman", "GOV"), ("militants", "UAF")]
)
def test_role_nouns_are_agents(dictionary, name, sector) -> None:
    entry = dictionary.lookup(name)
    assert isinstance(entry, AgentEntry) and entry.sector == sector


def test_country_entries_use_country_names_and_iso_codes(dictionary) -> None:
    iraq = dictionary.lookup("Iraqi")
    assert (iraq.name, iraq.roles[0].country) == ("Iraq", "IRQ")
    assert dictionary.lookup("Britain").name == "United Kingdom"
    assert dictionary.lookup("Kosovo").roles[0].country == "XKX"


@pytest.mark.parametrize(
    "word", ["Youth", "Foundation", "Organization", "Male", "Lightning", "Tigers"]
)
def test_common_words_from_phoenix_are_not_actor_names(dictionary, word) -> None:
    assert dictionary.lookup(word) is None


def test_user_jsonl_overrides_a_packaged_name(tmp_path: Path) -> None:
    user = tmp_path / "mine.jsonl"
    record = {
        "id": "DC",
        "name": "Washington State",
        "names": ["Washington"],
        "roles": [{"code": "USA"}],
    }
    user.write_text(json.dumps(record) + "\n")
    dictionary = load_dictionary([user])
    entry = dictionary.lookup("Washington")
    assert entry.provenance == "mine.jsonl:1 DC"
    assert dictionary.lookup("Baghdad").id == "CAPITAL_IRQ"


def test_user_entry_with_a_packaged_id_replaces_it_whole(tmp_path: Path) -> None:
    user = tmp_path / "nato.jsonl"
    user.write_text(
        json.dumps({"id": "NATO", "names": ["the Alliance"], "roles": [{"code": "IGOWSTNAT"}]})
        + "\n"
    )
    dictionary = load_dictionary([user])
    assert dictionary.by_id("NATO").names == ("the Alliance",)
    assert dictionary.lookup("North Atlantic Treaty Organization") is None


def test_user_tabari_files_load_with_warnings_for_entries_without_codes(tmp_path: Path) -> None:
    actors = tmp_path / "local.actors.txt"
    actors.write_text("GONDOR [GON]\n+MINAS_TIRITH\n\nORPHAN_NAME\n\n# nothing\n")
    agents = tmp_path / "local.agents.txt"
    agents.write_text("STEWARD [~GOV]\n")
    dictionary = load_dictionary([actors, agents])
    assert dictionary.lookup("Minas Tirith").provenance == "local.actors.txt:1 GONDOR"
    assert dictionary.lookup("stewards").provenance == "local.agents.txt:1 STEWARD"
    assert dictionary.warnings == [
        "local.actors.txt:4: actor 'ORPHAN NAME' has no code and was skipped"
    ]


def test_malformed_user_file_stops_the_load_naming_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        json.dumps({"id": "A", "names": ["A"], "roles": [{"code": "USA"}]}) + "\n{oops\n"
    )
    with pytest.raises(DataFileError) as info:
        load_dictionary([bad])
    assert info.value.line == 2 and info.value.path == str(bad)


def test_unknown_file_format_is_rejected(tmp_path: Path) -> None:
    odd = tmp_path / "actors.csv"
    odd.write_text("a,b\n")
    with pytest.raises(DataFileError, match="unknown dictionary format"):
        load_dictionary([odd])


def test_fingerprint_changes_with_content(tmp_path: Path, dictionary) -> None:
    user = tmp_path / "u.jsonl"
    user.write_text(json.dumps({"id": "A", "names": ["Aaa"], "roles": [{"code": "USA"}]}) + "\n")
    assert load_dictionary([user]).fingerprint != dictionary.fingerprint
