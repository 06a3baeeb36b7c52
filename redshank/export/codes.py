"""Code tables the field's formats need, read once from the packaged data files.

    redshank/data/export/countries.tsv   ISO alpha-3 -> FIPS 10-4, Wikidata QID, name
    redshank/data/export/cameo.tsv       CAMEO code -> name, Goldstein scale (GDELT's tables)
    redshank/data/actors/wikidata.tsv    dictionary entry id -> Wikidata QID (hand-curated)

Sources and licences are in each file's header and in redshank/data/export/NOTICE.md.
A malformed line raises `DataFileError` naming the file and line.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from redshank.errors import DataFileError
from redshank.model import Actor

_QID = "Q"


@dataclass(frozen=True, slots=True)
class Country:
    """One country's codes in the other datasets' schemes; empty strings become None."""

    iso3: str
    fips: str | None
    wikidata: str | None
    name: str


@dataclass(frozen=True, slots=True)
class Identifier:
    """A Wikidata item an actor stands for."""

    qid: str
    label: str


def _rows(folder: str, name: str, columns: tuple[str, ...]) -> list[tuple[int, list[str]]]:
    """Data rows of redshank/data/FOLDER/NAME, a TSV whose first non-comment line names
    `columns`."""
    text = (resources.files("redshank.data") / folder / name).read_text(encoding="utf-8")
    rows: list[tuple[int, list[str]]] = []
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if not header_seen:
            if tuple(fields) != columns:
                raise DataFileError(f"header must be {' '.join(columns)}", path=name, line=number)
            header_seen = True
            continue
        if len(fields) != len(columns):
            raise DataFileError(f"expected {len(columns)} tab-separated fields, got {len(fields)}",
                                path=name, line=number)
        rows.append((number, fields))
    return rows


def _check_qid(value: str, name: str, number: int) -> str | None:
    if not value:
        return None
    if not (value.startswith(_QID) and value[1:].isdigit()):
        raise DataFileError(f"{value!r} is not a Wikidata QID (Q and digits)", path=name,
                            line=number)
    return value


@cache
def countries() -> dict[str, Country]:
    """ISO alpha-3 -> the country's FIPS code, Wikidata QID and name."""
    name = "countries.tsv"
    table = {}
    rows = _rows("export", name, ("iso3", "fips", "wikidata", "name"))
    for number, (iso3, fips, qid, label) in rows:
        table[iso3] = Country(iso3, fips or None, _check_qid(qid, name, number), label)
    return table


@dataclass(frozen=True, slots=True)
class CameoCode:
    """A CAMEO event code's name and Goldstein scale value."""

    code: str
    name: str
    goldstein: float


@cache
def cameo_codes() -> dict[str, CameoCode]:
    """CAMEO code -> its name and Goldstein value."""
    name = "cameo.tsv"
    table = {}
    for number, (code, label, value) in _rows("export", name, ("cameo", "name", "goldstein")):
        if not code.isdigit() or len(code) not in (2, 3, 4):
            raise DataFileError(f"{code!r} is not a CAMEO event code (2-4 digits)", path=name,
                                line=number)
        try:
            table[code] = CameoCode(code, label, float(value))
        except ValueError as exc:
            raise DataFileError(f"goldstein {value!r} is not a number", path=name,
                                line=number) from exc
    return table


@cache
def entity_identifiers() -> dict[str, Identifier]:
    """Dictionary entry id -> the Wikidata item of that organisation or armed group."""
    name = "wikidata.tsv"
    table = {}
    rows = _rows("actors", name, ("actor_id", "qid", "label", "source"))
    for number, (actor_id, qid, label, _source) in rows:
        checked = _check_qid(qid, name, number)
        if checked is None:
            continue
        if actor_id in table:
            raise DataFileError(f"actor id {actor_id!r} listed twice", path=name, line=number)
        table[actor_id] = Identifier(checked, label)
    return table


def identifier(actor: Actor) -> Identifier | None:
    """The Wikidata item an actor is, when we know it: a listed organisation or armed
    group, or a state named as a whole (code = its country, no sector)."""
    known = entity_identifiers().get(actor.id)
    if known is not None:
        return known
    if actor.type == "state" and actor.sector is None and actor.country is not None \
            and actor.code == actor.country:
        country = countries().get(actor.country)
        if country is not None and country.wikidata is not None:
            return Identifier(country.wikidata, country.name)
    return None


def _cameo(cameo: str | None) -> CameoCode | None:
    """A CAMEO code's entry, or its nearest listed parent's."""
    table = cameo_codes()
    code = cameo or ""
    while code:
        if code in table:
            return table[code]
        code = code[:-1] if len(code) > 2 else ""
    return None


def goldstein(cameo: str | None) -> float | None:
    """Goldstein value of a CAMEO code (or of its nearest listed parent code)."""
    found = _cameo(cameo)
    return found.goldstein if found is not None else None


def cameo_quad(cameo: str | None) -> int | None:
    """CAMEO's own quad class of a code: root 01-05 verbal cooperation (1), 06-08
    material cooperation (2), 09-13 verbal conflict (3), 14-20 material conflict (4)."""
    if not cameo or len(cameo) < 2 or not cameo[:2].isdigit():
        return None
    root = int(cameo[:2])
    if 1 <= root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4 if root <= 20 else None


def cameo_name(cameo: str | None) -> str | None:
    """CAMEO's name of a code ("Make a visit"), or of its nearest listed parent code."""
    found = _cameo(cameo)
    return found.name if found is not None else None


def fips(iso3: str | None) -> str | None:
    """FIPS 10-4 code of a country given by ISO alpha-3."""
    country = countries().get(iso3 or "")
    return country.fips if country is not None else None


def country_name(iso3: str | None) -> str | None:
    """English name of a country given by ISO alpha-3."""
    country = countries().get(iso3 or "")
    return country.name if country is not None else None
