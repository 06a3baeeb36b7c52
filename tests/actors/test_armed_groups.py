"""Armed groups and movements since the Phoenix dictionaries (armed-groups.jsonl): they resolve
in news sentences to their codes, win the names Phoenix misread, and ambiguous acronyms left out
stay unresolved."""

from __future__ import annotations

import json
from datetime import date

import pytest
from spacy.language import Language

from redshank.actors import ActorResolver
from redshank.actors.dictionary import PACKAGED_FILES, packaged_path
from tests.actors.conftest import find

FILE = "armed-groups.jsonl"
ROWS = [json.loads(line) for line in packaged_path(FILE).read_text("utf-8").splitlines()]
ON = date(2024, 1, 1)


def mentions(resolver: ActorResolver, nlp: Language, text: str, on: date = ON) -> list[tuple]:
    return [(m.actor.text, m.actor.code, m.actor.id) for m in find(resolver, nlp, text, on)]


def test_the_file_loads_after_phoenix_and_before_the_people() -> None:
    order = PACKAGED_FILES.index
    assert order("phoenix-nonstate.jsonl") < order(FILE) < order("current-officeholders.jsonl")


def test_every_row_is_an_armed_group_with_a_source_and_an_as_of_date() -> None:
    assert len(ROWS) >= 50
    for row in ROWS:
        assert row["source"].startswith("https://en.wikipedia.org/wiki/"), row["id"]
        assert row["as_of"] == "2025-06-30", row["id"]
        assert row["type"] == "armed_group" or row["id"] == "JAPAN_SELF-DEFENSE_FORCES"


@pytest.mark.parametrize(
    ("name", "entry_id"),
    [(name, row["id"]) for row in ROWS for name in row["names"]],
)
def test_every_name_resolves_whole_to_its_entry(
    resolver: ActorResolver, nlp: Language, name: str, entry_id: str
) -> None:
    found = find(resolver, nlp, f"{name} attacked the town.", ON)
    assert [m.actor.text for m in found] == [name]
    assert any(entry.endswith(f" {entry_id}") for entry in found[0].actor.entries)


@pytest.mark.parametrize(
    ("text", "on", "expected"),
    [
        ("The RSF shelled El Fasher overnight.", ON, ("RSF", "SDNREB")),
        ("The Rapid Support Forces took the town.", ON, ("Rapid Support Forces", "SDNREB")),
        ("The Rapid Support Forces guarded the border.", date(2019, 6, 1),
         ("Rapid Support Forces", "SDNMIL")),
        ("M23 rebels captured Goma.", date(2025, 1, 28), ("M23 rebels", "CODREB")),
        ("The Wagner Group withdrew from Bakhmut.", date(2023, 6, 1),
         ("Wagner Group", "RUSMIL")),
        ("Hayat Tahrir al-Sham seized Aleppo.", date(2024, 11, 30),
         ("Hayat Tahrir al-Sham", "SYRREBMUS")),
        ("HTS fighters entered Damascus.", date(2024, 12, 7), ("HTS fighters", "SYRREBMUS")),
        ("HTS appointed new ministers.", date(2024, 12, 20), ("HTS", "SYRGOV")),
        ("The SDF holds the camps in Hasakah.", ON, ("SDF", "SYRREB")),
        ("The YPG withdrew from Manbij.", ON, ("YPG", "SYRREB")),
        ("The Houthis fired a missile at a tanker.", ON, ("Houthis", "YEMREB")),
        ("JNIM besieged the town of Djibo.", ON, ("JNIM", "WAFREB")),
        ("ISWAP attacked a military base in Borno.", ON, ("ISWAP", "NGAREB")),
        ("The TPLF signed the Pretoria agreement.", date(2022, 11, 2), ("TPLF", "ETHREB")),
        ("The Arakan Army captured Paletwa.", ON, ("Arakan Army", "MMRREB")),
        ("The Haqqani network was blamed for the bombing.", ON, ("Haqqani network", "AFGREB")),
        ("The ELN suspended its ceasefire.", ON, ("ELN", "COLREB")),
        ("ISIS-K claimed the Kerman bombings.", ON, ("ISIS-K", "AFGREB")),
        ("Islamic State Khorasan claimed the attack.", ON, ("Islamic State Khorasan", "AFGREB")),
        ("AQAP attacked a checkpoint in Abyan.", ON, ("AQAP", "YEMREB")),
        ("AQIM kidnapped two tourists.", ON, ("AQIM", "AFRREB")),
        ("Fano fighters entered Gondar.", ON, ("Fano fighters", "ETHREB")),
        ("The Kachin Independence Army seized a border post.", ON,
         ("Kachin Independence Army", "MMRREB")),
        ("The People's Defence Force ambushed a convoy.", ON,
         ("People's Defence Force", "MMRREB")),
        ("The BLA claimed the train hijacking.", date(2025, 3, 12), ("BLA", "PAKREB")),
        ("The Pakistani Taliban attacked a police station.", ON,
         ("Pakistani Taliban", "PAKREB")),
        ("Jaish-e-Mohammed claimed the Pulwama bombing.", date(2019, 2, 14),
         ("Jaish-e-Mohammed", "PAKREB")),
        ("Lashkar-e-Taiba planned the Mumbai attacks.", ON, ("Lashkar-e-Taiba", "PAKREB")),
        ("Kataib Hezbollah fired drones at the base.", ON, ("Kataib Hezbollah", "IRQREB")),
        ("The Popular Mobilization Forces entered Kirkuk.", date(2017, 10, 16),
         ("Popular Mobilization Forces", "IRQMIL")),
        ("Al-Aqsa Martyrs' Brigades gunmen opened fire.", ON,
         ("Al-Aqsa Martyrs' Brigades gunmen", "PSEREB")),
        ("The Lions' Den called a strike in Nablus.", date(2022, 10, 20),
         ("Lions' Den", "PSEREB")),
        ("Ambazonian separatists burned a school.", ON, ("Ambazonian separatists", "CMRREB")),
        ("The Allied Democratic Forces killed villagers in Beni.", ON,
         ("Allied Democratic Forces", "CODREB")),
        ("Jabhat Fateh al-Sham shelled the city.", date(2016, 9, 1),
         ("Jabhat Fateh al-Sham", "SYRREBMUS")),
        ("The Islamic Resistance in Iraq launched a drone.", ON,
         ("Islamic Resistance in Iraq", "IRQREB")),
    ],
)
def test_groups_resolve_to_their_code_at_the_story_date(
    resolver: ActorResolver, nlp: Language, text: str, on: date, expected: tuple[str, str]
) -> None:
    assert expected in [(m.actor.text, m.actor.code) for m in find(resolver, nlp, text, on)]


@pytest.mark.parametrize(
    ("text", "name", "code", "entry_id"),
    [
        ("Ansar Allah fired missiles at ships in the Red Sea.", "Ansar Allah", "YEMREB",
         "HOUTHIS"),
        ("Islamic Jihad fired rockets from Gaza.", "Islamic Jihad", "PSEREB",
         "PALESTINIAN_ISLAMIC_JIHAD"),
    ],
)
def test_names_phoenix_gave_to_lebanese_groups_are_today_s_groups(
    resolver: ActorResolver, nlp: Language, text: str, name: str, code: str, entry_id: str
) -> None:
    assert mentions(resolver, nlp, text)[0] == (name, code, entry_id)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Japan's SDF joined the drill.", [("Japan's SDF", "JPNMIL")]),
        ("Police clashed with worshippers at Al-Aqsa.", []),
        ("Hezbollah fired rockets at Israel.", [("Hezbollah", "LBNREB")]),
    ],
)
def test_neighbouring_names_keep_their_own_entries(
    resolver: ActorResolver, nlp: Language, text: str, expected: list[tuple[str, str]]
) -> None:
    found = [(m.actor.text, m.actor.code) for m in find(resolver, nlp, text, ON)]
    assert [f for f in found if f[1] and f[1][-3:] in ("MIL", "REB")] == expected


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The PDF of the report was leaked.", "PDF"),          # the document format
        ("The ADF sent aircraft to the exercise.", "ADF"),     # the Australian Defence Force
        ("AA fighters clashed with the army.", "AA"),          # Anadolu Agency, American Airlines
        ("OLA fighters clashed with the army.", "OLA"),        # the ride-hailing company
        ("The SNA took the town.", "SNA"),                     # Syrian or Somali National Army
        ("Wagner conducted the orchestra.", "Wagner"),         # a surname of known people
        ("Let the talks begin.", "Let"),                       # LeT (Lashkar-e-Taiba)
    ],
)
def test_ambiguous_names_left_out_stay_unresolved(
    resolver: ActorResolver, nlp: Language, text: str, word: str
) -> None:
    assert not [m for m in find(resolver, nlp, text, ON) if word in m.actor.text.split()]
