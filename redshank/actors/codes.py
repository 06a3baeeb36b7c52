"""CAMEO actor codes: split `USAGOVLEG` into a country (ISO 3166 alpha-3), a sector, a type.

A CAMEO code is a run of 3-letter chunks. The first is a country (`IRQ`), an organisation
class (`IGO`, `NGO`, `IMG`, `MNC`), a region (`MEA`) or a role (`GOV`); later chunks add
roles (`GOV`, `MIL`, `REB`...), religions, organisations (`NAT` in `IGOWSTNAT`) or a
territory (`GBRVGB`). CAMEO country codes are mostly ISO alpha-3; the few that are not are
mapped by the packaged `cameo-countries.tsv` (written by `scripts/convert_phoenix.py`).

A user's TABARI dictionary may use country codes of its own (`ARN` for a fictional Arnor):
passed as `countries`, such a code is the country of every code it starts (`ARNGOVFRM`),
and the chunks after it are roles, never a second country (`HOBCIV` is not Ivory Coast).
"""

from __future__ import annotations

import csv
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from redshank.errors import DataFileError
from redshank.knowledge import words
from redshank.model import ActorType

COUNTRY_TABLE = "cameo-countries.tsv"

ROLE_SECTORS = frozenset(
    "GOV MIL REB OPP PTY COP JUD SPY MED EDU BUS CRM CVL HLH HRI LAB LEG REF AGR DEV ENV "
    "ELI MOD RAD UAF SEP INS".split()
)
ARMED_SECTORS = words("armed_sectors")
STATE_SECTORS = words("state_sectors")
ORG_PREFIXES: dict[str, ActorType] = {
    "IGO": "igo",
    "NGO": "ngo",
    "NGM": "ngo",
    "IMG": "armed_group",
    "MNC": "other",
}
REGIONS = frozenset(
    "AFR ASA BLK CAS CAU CFR CRB EAF EEU EIN EUR LAM MDT MEA NAF NMR PGS SAF SAM SAS SCN SEA "
    "WAF WEU WST INT".split()
)
RELIGIONS = frozenset("MUS CHR JEW HIN BUD SIK BAH CTH PRO ORT SHI SUN MOS ATH ZRO JAN DRZ".split())
NULL_CODE = "---"

SECTOR_LABELS = {
    "GOV": "government",
    "MIL": "military",
    "COP": "police",
    "JUD": "judiciary",
    "LEG": "legislature",
    "SPY": "intelligence services",
    "REB": "rebels",
    "INS": "insurgents",
    "UAF": "armed groups",
    "SEP": "separatists",
    "OPP": "opposition",
    "PTY": "political party",
    "MED": "media",
    "EDU": "education",
    "BUS": "business",
    "CRM": "criminals",
    "CVL": "civilians",
    "HLH": "health",
    "HRI": "human rights groups",
    "LAB": "labour",
    "REF": "refugees",
    "AGR": "agriculture",
    "DEV": "development",
    "ENV": "environment",
    "ELI": "elites",
    "MOD": "moderates",
    "RAD": "radicals",
    "IGO": "international organization",
    "NGO": "non-governmental organization",
}


@dataclass(frozen=True, slots=True)
class Country:
    """A row of the CAMEO country table: code as used in CAMEO, ISO alpha-3, short name."""

    cameo: str
    iso3: str | None
    name: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class CodeParts:
    """What a CAMEO code says: country (ISO alpha-3), sector (first role), actor type."""

    country: str | None
    sector: str | None
    type: ActorType


@lru_cache(maxsize=1)
def country_table() -> dict[str, Country]:
    """CAMEO country code -> Country, from the packaged table."""
    source = resources.files("redshank") / "data" / "actors" / COUNTRY_TABLE
    try:
        text = source.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(
            f"cannot read the packaged country table: {exc}", path=str(source)
        ) from exc
    return parse_country_table(text, path=COUNTRY_TABLE)


def parse_country_table(text: str, *, path: str) -> dict[str, Country]:
    """Parse the TSV `cameo, iso3, name, note` (header line first; empty iso3 = no country)."""
    rows = csv.reader(text.splitlines(), delimiter="\t")
    table: dict[str, Country] = {}
    for number, row in enumerate(rows, start=1):
        if number == 1:
            continue
        if len(row) != 4 or len(row[0]) != 3:
            raise DataFileError(
                "expected 4 tab-separated fields: cameo iso3 name note", path=path, line=number
            )
        cameo, iso3, name, note = row
        table[cameo] = Country(cameo, iso3 or None, name, note)
    return table


def country_name(iso3: str) -> str:
    """A short English name for an ISO alpha-3 country code (the code itself if unknown)."""
    return _names_by_iso().get(iso3, iso3)


@lru_cache(maxsize=1)
def _names_by_iso() -> dict[str, str]:
    names: dict[str, str] = {}
    for row in country_table().values():
        if row.iso3 and (row.iso3 not in names or row.cameo == row.iso3):
            names[row.iso3] = row.name
    return names


def chunks(code: str) -> list[str]:
    """`USAGOVLEG` -> ['USA', 'GOV', 'LEG']."""
    return [code[i : i + 3] for i in range(0, len(code), 3)]


def split_code(code: str, countries: Collection[str] = ()) -> CodeParts:
    """Country, sector and type of a CAMEO code (`~GOV`-style agent codes give a sector only).

    `countries` are a user dictionary's own country codes, used as written (`ARN`).
    """
    table = country_table()
    parts = chunks(code.strip("~"))
    if not parts or code == NULL_CODE:
        return CodeParts(None, None, "other")
    head, rest = parts[0], parts[1:]
    if head in countries and head not in table:
        roles = [c for c in rest if c in ROLE_SECTORS] or rest[:1]
        sector = roles[0] if roles else None
        return CodeParts(head, sector, "armed_group" if sector in ARMED_SECTORS else "state")
    country: str | None = None
    sector: str | None = None
    kind: ActorType | None = ORG_PREFIXES.get(head)
    # After an unknown first chunk (a country CAMEO does not know), no chunk is a country.
    territories = kind is not None or head in table or not is_country_code(head)
    if head in ROLE_SECTORS:
        sector = head
    elif kind is None and head in table and head not in REGIONS:
        country = table[head].iso3
    for chunk in rest:
        if chunk in ROLE_SECTORS:
            sector = sector or chunk
        elif sector is not None or not territories:
            continue
        elif chunk in countries and chunk not in table:
            country = chunk
        elif chunk in table and chunk not in RELIGIONS and chunk not in REGIONS:
            country = table[chunk].iso3 or country
    if kind is None:
        if sector in ARMED_SECTORS:
            kind = "armed_group"
        elif country is not None or sector in STATE_SECTORS:
            kind = "state"
        else:
            kind = "other"
    return CodeParts(country, sector, kind)


def is_country_code(code: str) -> bool:
    """Whether a 3-letter code could name a country: not an organisation class, region,
    religion or role (a user dictionary's `ARN` could; `IGO`, `MEA`, `GOV` could not)."""
    return (
        len(code) == 3
        and code.isalnum()
        and code not in ORG_PREFIXES
        and code not in REGIONS
        and code not in RELIGIONS
        and code not in ROLE_SECTORS
        and code != NULL_CODE
    )


def sector_label(sector: str) -> str:
    """A plain-English label for a sector code (`GOV` -> 'government')."""
    return SECTOR_LABELS.get(sector, sector)
