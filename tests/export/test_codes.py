"""The code tables the exports read: Wikidata QIDs, FIPS codes, CAMEO names and Goldstein."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from redshank.actors.dictionary import load_dictionary
from redshank.export import codes
from redshank.model import Actor, Span

WIKIDATA = resources.files("redshank.data") / "actors" / "wikidata.tsv"


def test_wikidata_file_has_four_columns_a_qid_and_a_source_on_every_row() -> None:
    lines = [line for line in WIKIDATA.read_text("utf-8").splitlines()
             if line and not line.startswith("#")]
    assert lines[0].split("\t") == ["actor_id", "qid", "label", "source"]
    for line in lines[1:]:
        actor_id, qid, label, source = line.split("\t")
        assert actor_id and label and source, line
        assert re.fullmatch(r"Q[1-9][0-9]*", qid), line


def test_every_wikidata_row_names_a_dictionary_entry() -> None:
    entries = {entry.id for entry in load_dictionary().entries_in_load_order()}
    assert set(codes.entity_identifiers()) <= entries


@pytest.mark.parametrize(("actor_id", "qid"), [
    ("UNITED_NATIONS", "Q1065"), ("NATO", "Q7184"), ("EUROPEAN_UNION", "Q458"),
    ("AFRICAN_UNION", "Q7159"), ("ISLAMIC_STATE", "Q2429253"), ("TALIBAN", "Q42418"),
])
def test_well_known_organisations_have_their_qids(actor_id: str, qid: str) -> None:
    assert codes.entity_identifiers()[actor_id].qid == qid


@pytest.mark.parametrize(("iso3", "fips", "qid"), [
    ("USA", "US", "Q30"), ("GBR", "UK", "Q145"), ("DEU", "GM", "Q183"), ("IRQ", "IZ", "Q796"),
    ("RUS", "RS", "Q159"), ("UKR", "UP", "Q212"), ("FRA", "FR", "Q142"),
])
def test_countries_have_fips_codes_and_qids(iso3: str, fips: str, qid: str) -> None:
    country = codes.countries()[iso3]
    assert (country.fips, country.wikidata) == (fips, qid)


def _actor(actor_id: str, code: str, country: str | None, sector: str | None,
           kind: str = "state") -> Actor:
    return Actor(text=actor_id, name=actor_id, country=country, sector=sector, type=kind,
                 id=actor_id, span=Span(0, 1), code=code)  # type: ignore[arg-type]


def test_a_state_named_as_a_whole_is_its_country_and_its_government_is_not() -> None:
    assert codes.identifier(_actor("USA", "USA", "USA", None)).qid == "Q30"
    assert codes.identifier(_actor("USAGOV", "USAGOV", "USA", "GOV")) is None
    assert codes.identifier(_actor("NOBODY", "---", None, None, "other")) is None


@pytest.mark.parametrize(("cameo", "quad", "goldstein", "name"), [
    ("042", 1, 1.9, "Make a visit"), ("0874", 2, 10.0, "Retreat or surrender militarily"),
    ("112", 3, -2.0, "Accuse, not specified below"), ("190", 4, -10.0, None),
    ("1823", 4, -10.0, "Kill by physical assault"),
])
def test_cameo_codes_give_quad_goldstein_and_name(cameo: str, quad: int, goldstein: float,
                                                 name: str | None) -> None:
    assert codes.cameo_quad(cameo) == quad
    assert codes.goldstein(cameo) == goldstein
    assert name is None or codes.cameo_name(cameo) == name


def test_a_code_the_table_lacks_takes_its_parents_values() -> None:
    assert codes.goldstein("0429") == codes.goldstein("042")
    assert codes.cameo_quad(None) is None and codes.goldstein(None) is None
