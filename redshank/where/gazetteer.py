"""The place gazetteer: countries, admin1 regions, cities and sites, looked up by name.

Packaged files live in `redshank/data/places/` (see docs/places.md for their columns):
`countries.tsv`, `admin1.tsv` and `cities.tsv` are built by `scripts/build_places.py`
from GeoNames data; `sites.tsv` and `aliases.tsv` are written by hand. Users add their
own sites or aliases files (same columns, told apart by their header line) with
`Gazetteer.load(files)`; later files win.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

from redshank.errors import DataFileError
from redshank.model import Location

PlaceKind = Literal["city", "admin1", "country", "site"]
Precision = Literal["city", "admin1", "country", "none"]
PRECISIONS = ("city", "admin1", "country", "none")
PACKAGED = ("countries.tsv", "admin1.tsv", "cities.tsv", "sites.tsv", "aliases.tsv")
# Letters that Unicode decomposition leaves alone, and typographic apostrophes.
UNDECOMPOSED = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d",
                              "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe",
                              "þ": "th", "’": "'", "‘": "'", "ʼ": "'", "ʻ": "'"})
SITE_COLUMNS = ("name", "country", "admin1", "lat", "lon", "precision", "alternates", "note")
ALIAS_COLUMNS = ("name", "target", "note")


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry: what a place name can refer to."""

    key: str
    name: str
    kind: PlaceKind
    country: str | None
    precision: Precision
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    admin1_name: str | None = None
    population: int = 0
    capital: bool = False
    geonames_id: int | None = None
    coord_source: str = ""

    def location(self) -> Location:
        """The `Location` record for this place; its precision labels the coordinates."""
        return Location(name=self.name, country=self.country, lat=self.lat, lon=self.lon,
                        precision=self.precision, admin1=self.admin1_name,
                        geonames_id=self.geonames_id)

    def describe(self) -> str:
        """A short human label: "Paris (city, Ile-de-France, FRA, pop 2,138,551)"."""
        parts = ["capital" if self.capital else self.kind]
        if self.admin1_name and self.kind != "admin1":
            parts.append(self.admin1_name)
        if self.country:
            parts.append(self.country)
        if self.population:
            parts.append(f"pop {self.population:,}")
        return f"{self.name} ({', '.join(parts)})"


def name_key(text: str) -> str:
    """How names are compared: folded diacritics, lower case, hyphens as spaces, no "the"."""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        text = text.translate(UNDECOMPOSED)
    key = " ".join(text.replace("-", " ").lower().split())
    return key[4:] if key.startswith("the ") else key


@dataclass
class Gazetteer:
    """Place names to places, loaded once; lookups are dictionary hits on `name_key`."""

    places: dict[str, Place] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    blocked: set[str] = field(default_factory=set)
    files: list[str] = field(default_factory=list)
    _names: dict[str, list[tuple[str, bool]]] = field(default_factory=dict)
    _exact: dict[str, list[tuple[str, bool]]] = field(default_factory=dict)
    first_words: set[str] = field(default_factory=set)
    max_tokens: int = 1

    @classmethod
    def load(cls, files: Iterable[str | Path] = ()) -> Gazetteer:
        """The packaged gazetteer plus the user's sites and aliases files, in order."""
        gazetteer = cls()
        folder = resources.files("redshank.data") / "places"
        for name in PACKAGED:
            with resources.as_file(folder / name) as path:
                gazetteer._read(Path(path), label=f"redshank/data/places/{name}")
        for path in files:
            gazetteer._read(Path(path), label=str(path))
        return gazetteer

    def lookup(self, text: str) -> list[tuple[Place, bool]]:
        """Places a name may refer to, each with whether the name is its primary name.

        A short name in capitals ("UN", "US") matches only names listed in capitals.
        """
        key = name_key(text)
        if key in self.blocked:
            return []
        text = text.strip()
        found = self._exact.get(text, [])
        if not (text.isupper() and len(text.replace(".", "")) <= 5):
            found = found + self._names.get(key, [])
        return [(self.places[place_key], primary) for place_key, primary in found]

    def _read(self, path: Path, label: str) -> None:
        rows = _rows(path, label)
        header = next(rows, None)
        if header is None:
            raise DataFileError("empty file: expected a header line", path=label, line=1)
        columns = tuple(header[1])
        readers = {
            "countries.tsv": self._country, "admin1.tsv": self._admin1,
            "cities.tsv": self._city,
        }
        if path.name in readers and label.startswith("redshank/"):
            read = readers[path.name]
        elif columns[: len(SITE_COLUMNS)] == SITE_COLUMNS:
            read = self._site
        elif columns[: len(ALIAS_COLUMNS)] == ALIAS_COLUMNS:
            read = self._alias
        else:
            raise DataFileError(
                f"unknown header {'/'.join(columns)}; a places file starts with "
                f"{'/'.join(SITE_COLUMNS)} (sites) or {'/'.join(ALIAS_COLUMNS)} (aliases)",
                path=label, line=header[0])
        for line, values in rows:
            if len(values) < len(columns):
                values = values + [""] * (len(columns) - len(values))
            record = dict(zip(columns, values, strict=False))
            try:
                read(record)
            except (KeyError, ValueError) as exc:
                raise DataFileError(f"bad row ({exc}): {chr(9).join(values)}",
                                    path=label, line=line) from exc
        self.files.append(label)

    def _add(self, place: Place, names: Iterable[str], curated: bool = False) -> None:
        """Register a place; its first name is primary, and so are all curated names."""
        self.places[place.key] = place
        for index, name in enumerate(names):
            if name:
                self._name(name, place.key, primary=curated or index == 0)

    def _name(self, name: str, place_key: str, primary: bool) -> None:
        exact = name.isupper() and len(name.replace(".", "")) <= 5
        table = self._exact if exact else self._names
        folded = name_key(name)
        key = name.strip() if exact else folded
        entries = table.setdefault(key, [])
        for index, (existing, was_primary) in enumerate(entries):
            if existing == place_key:
                entries[index] = (existing, was_primary or primary)
                break
        else:
            entries.append((place_key, primary))
        words = folded.split()
        if words:
            self.first_words.add(words[0])
            self.max_tokens = max(self.max_tokens, len(words))

    def _country(self, row: dict[str, str]) -> None:
        place = Place(
            key=f"country:{row['iso3']}", name=row["name"], kind="country",
            country=row["iso3"], precision="country", lat=_float(row["lat"]),
            lon=_float(row["lon"]), population=int(row["population"] or 0),
            geonames_id=_int(row["geonames_id"]), coord_source=row["coord_source"])
        self._add(place, [row["name"], *_split(row["alternates"])])
        for demonym in _split(row["demonyms"].replace(",", "|")):
            self.demonyms.setdefault(name_key(demonym), row["iso3"])

    def _admin1(self, row: dict[str, str]) -> None:
        place = Place(
            key=f"admin1:{row['key']}", name=row["name"], kind="admin1", country=row["country"],
            precision="admin1", lat=_float(row["lat"]), lon=_float(row["lon"]),
            admin1=row["key"], admin1_name=row["name"], population=int(row["population"] or 0),
            geonames_id=_int(row["geonames_id"]), coord_source=row["coord_source"])
        self._add(place, [row["name"], *_split(row["alternates"])])

    def _city(self, row: dict[str, str]) -> None:
        admin1_key = f"{row['country']}.{row['admin1']}"
        region = self.places.get(f"admin1:{admin1_key}")
        place = Place(
            key=f"city:{row['geonames_id']}", name=row["name"], kind="city",
            country=row["country"], precision="city", lat=float(row["lat"]),
            lon=float(row["lon"]), admin1=admin1_key,
            admin1_name=region.name if region else None, population=int(row["population"]),
            capital=row["capital"] == "1", geonames_id=int(row["geonames_id"]),
            coord_source="geonames")
        self._add(place, [row["name"], *_split(row["alternates"])])

    def _site(self, row: dict[str, str]) -> None:
        precision = row["precision"]
        if precision not in PRECISIONS:
            raise ValueError(f"precision {precision!r} is not one of {', '.join(PRECISIONS)}")
        lat, lon = _float(row["lat"]), _float(row["lon"])
        if (lat is None) != (lon is None) or (precision == "none") != (lat is None):
            raise ValueError("give lat and lon together, and only when precision is not none")
        country = row["country"] or None
        admin1 = f"{country}.{row['admin1']}" if country and row["admin1"] else None
        region = self.places.get(f"admin1:{admin1}") if admin1 else None
        place = Place(
            key=f"site:{row['name']}", name=row["name"], kind="site", country=country,
            precision=precision, lat=lat, lon=lon, admin1=admin1,
            admin1_name=region.name if region else None, coord_source="sites.tsv")
        self._add(place, [row["name"], *_split(row["alternates"])], curated=True)

    def _alias(self, row: dict[str, str]) -> None:
        name, target = row["name"], row["target"].strip()
        if target == "block":
            self.blocked.add(name_key(name))
            return
        kind, _, value = target.partition(":")
        if kind == "demonym":
            self.demonyms[name_key(name)] = value
            return
        place_key = f"{kind}:{value}"
        if place_key not in self.places:
            raise KeyError(f"target {target!r} is not in the gazetteer")
        self._name(name, place_key, primary=True)


def _rows(path: Path, label: str) -> Iterator[tuple[int, list[str]]]:
    """(line number, tab-separated values) of the non-comment, non-blank lines."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"cannot read places file ({exc})", path=label) from exc
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() and not line.startswith("#"):
            yield number, line.split("\t")


def _split(value: str) -> list[str]:
    return [item for item in value.split("|") if item]


def _float(value: str) -> float | None:
    return float(value) if value else None


def _int(value: str) -> int | None:
    return int(value) if value else None


@lru_cache(maxsize=4)
def load_gazetteer(files: tuple[str, ...] = ()) -> Gazetteer:
    """The gazetteer for these user files, loaded once per process."""
    return Gazetteer.load(files)
