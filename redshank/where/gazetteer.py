"""The place gazetteer: countries, regions, cities and sites, looked up by name.

Packaged files live in `redshank/data/places/` (see docs/places.md for their columns):
`countries.tsv`, `continents.tsv`, `admin1.tsv`, `admin2.tsv.gz` and `cities.tsv.gz` are
built by `scripts/build_places.py` from GeoNames data; `sites.tsv` and `aliases.tsv` are
written by hand. Users add their own sites or aliases files (same columns, told apart by
their header line) with `Gazetteer.load(files)`; later files win.

The packaged files (170,000 places) are compiled once into an SQLite index in the cache
directory (REDSHANK_CACHE_DIR, default ~/.cache/redshank), named by the hash of the files
and of this module; a process then opens the index and reads only the names it looks up.
The user's files are small and are read into memory on top of it.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import os
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from redshank.actors.matcher import cache_dir
from redshank.errors import DataFileError
from redshank.model import Location

if TYPE_CHECKING:
    import sqlite3

log = logging.getLogger(__name__)

# "site" is a hand-written place (a settlement, a base, a disputed region); the area kinds
# have no single point an event can be placed at, and carry precision "none".
PlaceKind = Literal["city", "admin2", "admin1", "country", "site", "continent", "sea",
                    "region", "river", "mountain"]
AREA_KINDS = frozenset({"continent", "sea", "region", "river", "mountain"})
SITE_KINDS = frozenset({"site"}) | AREA_KINDS
# An admin2 region (a county, a district) is labelled "admin1": a region inside a
# country, which `Place.kind` tells apart.
Precision = Literal["city", "admin1", "country", "none"]
PRECISIONS = ("city", "admin1", "country", "none")
PACKAGED = ("countries.tsv", "continents.tsv", "admin1.tsv", "admin2.tsv.gz",
            "cities.tsv.gz", "sites.tsv", "aliases.tsv")
PLACE_FIELDS = ("key", "name", "kind", "country", "precision", "lat", "lon", "admin1",
                "admin1_name", "population", "capital", "geonames_id", "coord_source",
                "admin2_name")
# Letters that Unicode decomposition leaves alone, and typographic apostrophes.
UNDECOMPOSED = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d",
                              "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe",
                              "þ": "th", "’": "'", "‘": "'", "ʼ": "'", "ʻ": "'"})
FILTER_BITS = 1 << 22
STALE_INDEX_S = 24 * 3600
FILTER_HASHES = 6
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
    admin2_name: str | None = None

    def location(self) -> Location:
        """The `Location` record for this place; its precision labels the coordinates.

        A place of precision "none" (a sea, a continent) keeps its nominal centre in
        `lat`/`lon` for geoparsing, but gives an event no coordinates.
        """
        located = self.precision != "none"
        return Location(name=self.name, country=self.country,
                        lat=self.lat if located else None, lon=self.lon if located else None,
                        precision=self.precision, admin1=self.admin1_name,
                        geonames_id=self.geonames_id)

    def describe(self) -> str:
        """A short human label: "Paris (city, Ile-de-France, FRA, pop 2,138,551)"."""
        parts = ["capital" if self.capital else self.kind]
        if self.admin2_name and self.kind != "admin2":
            parts.append(self.admin2_name)
        if self.admin1_name and self.kind != "admin1":
            parts.append(self.admin1_name)
        if self.country:
            parts.append(self.country)
        if self.population:
            parts.append(f"pop {self.population:,}")
        return f"{self.name} ({', '.join(parts)})"


@lru_cache(maxsize=1 << 17)
def name_key(text: str) -> str:
    """How names are compared: folded diacritics, lower case, hyphens as spaces, no "the"."""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        text = text.translate(UNDECOMPOSED)
    key = " ".join(text.replace("-", " ").lower().split())
    return key[4:] if key.startswith("the ") else key


class Gazetteer:
    """Place names to places: the packaged index on disk plus the user's files in memory.

    `lookup` reads a name's places from the index the first time it is asked and keeps
    them (by the text asked, then by name key); `first_words` answers whether a place
    name can start with a word.
    """

    def __init__(self, index: sqlite3.Connection, extra: _Tables, user_files: tuple[str, ...]
                 ) -> None:
        self._db = index
        self._extra = extra
        self._user_files = user_files
        self._place_cache: dict[str, Place | None] = {}
        self._name_cache: dict[tuple[str, bool], list[tuple[str, bool]]] = {}
        self._lookup_cache: dict[str, list[tuple[Place, bool]]] = {}
        meta = dict(index.execute("SELECT key, value FROM meta"))
        self.demonyms: dict[str, str] = dict(index.execute("SELECT name, iso3 FROM demonyms"))
        self.demonyms.update(extra.demonyms)
        self.blocked: set[str] = {name for (name,) in index.execute("SELECT name FROM blocked")}
        self.blocked |= extra.blocked
        self.files: list[str] = [f"redshank/data/places/{name}" for name in PACKAGED]
        self.files += extra.files
        self.max_tokens = max(int(meta["max_tokens"]), extra.max_tokens)
        self.first_words = _FirstWords(index, extra.first_words)
        (bits,) = index.execute("SELECT bits FROM name_filter").fetchone()
        self._filter = NameFilter(bytes(bits))
        self.places = _PlaceView(self)

    @classmethod
    def load(cls, files: Iterable[str | Path] = ()) -> Gazetteer:
        """The packaged gazetteer plus the user's sites and aliases files, in order."""
        index = _open_index()
        user_files = tuple(str(path) for path in files)
        extra = _Tables()
        gazetteer = cls(index, extra, user_files)
        extra.base = gazetteer.place
        for path in user_files:
            extra.read(Path(path), label=path)
        return cls(index, extra, user_files)

    def __reduce__(self) -> tuple[Callable[..., Gazetteer], tuple[tuple[str, ...]]]:
        """Pickled as its user files: a worker process reopens the same index."""
        return Gazetteer.load, (self._user_files,)

    @property
    def user_files(self) -> tuple[str, ...]:
        """The user's sites and aliases files loaded over the packaged places."""
        return self._user_files

    def lookup(self, text: str) -> list[tuple[Place, bool]]:
        """Places a name may refer to, each with whether the name is its primary name.

        A short name in capitals ("UN", "US") matches only names listed in capitals.
        """
        cached = self._lookup_cache.get(text)
        if cached is not None:
            return list(cached)
        key = name_key(text)
        if key in self.blocked:
            return []
        stripped = text.strip()
        found = self._entries(stripped, exact=True) if self._may_hold(stripped, True) else []
        if not _is_short_capitals(stripped) and self._may_hold(key, False):
            found = found + self._entries(key, exact=False)
        places = [(self.place(place_key), primary) for place_key, primary in found]
        result = [(place, primary) for place, primary in places if place is not None]
        if len(self._lookup_cache) > 100_000:
            self._lookup_cache.clear()
        self._lookup_cache[text] = result
        return list(result)

    def _may_hold(self, name: str, exact: bool) -> bool:
        """Whether the index or the user's files may list the name (no false "no")."""
        return name in self._filter or (name, exact) in self._extra.names

    def place(self, key: str) -> Place | None:
        """The place with this key ("city:98182", "country:IRQ"), or None."""
        if key in self._place_cache:
            return self._place_cache[key]
        place = self._extra.places.get(key)
        if place is None:
            row = self._db.execute(f"SELECT {', '.join(PLACE_FIELDS)} FROM places "
                                   "WHERE key = ?", (key,)).fetchone()
            if row is not None:
                values = dict(zip(PLACE_FIELDS, row, strict=True))
                values["capital"] = bool(values["capital"])
                place = Place(**values)
        self._place_cache[key] = place
        return place

    def _entries(self, key: str, exact: bool) -> list[tuple[str, bool]]:
        cached = self._name_cache.get((key, exact))
        if cached is not None:
            return cached
        entries = [(place_key, bool(primary)) for place_key, primary in self._db.execute(
            "SELECT place, is_primary FROM names WHERE name = ? AND exact = ? ORDER BY rowid",
            (key, int(exact)))]
        for place_key, primary in self._extra.names.get((key, exact), []):
            _merge(entries, place_key, primary)
        if len(self._name_cache) > 100_000:
            self._name_cache.clear()
        self._name_cache[(key, exact)] = entries
        return entries


class NameFilter:
    """A Bloom filter of the index's names: most words and phrases a paragraph offers are
    no place name, and the filter answers that in memory instead of asking the index.

    `FILTER_HASHES` positions from one blake2b digest (double hashing) in `FILTER_BITS`
    bits: with the ~300,000 names of the packaged gazetteer about 0.2% of absent names
    pass and are then asked of the index; a listed name always passes.
    """

    def __init__(self, bits: bytes) -> None:
        self.bits = bits
        self._size = len(bits) * 8

    @classmethod
    def of(cls, names: Iterable[str]) -> NameFilter:
        bits = bytearray(FILTER_BITS // 8)
        for name in names:
            for position in _positions(name, FILTER_BITS):
                bits[position >> 3] |= 1 << (position & 7)
        return cls(bytes(bits))

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        bits = self.bits
        return all(bits[position >> 3] & (1 << (position & 7))
                   for position in _positions(name, self._size))


def _positions(name: str, size: int) -> Iterator[int]:
    digest = hashlib.blake2b(name.encode(), digest_size=16).digest()
    first, step = int.from_bytes(digest[:8], "little"), int.from_bytes(digest[8:], "little")
    return ((first + i * step) % size for i in range(FILTER_HASHES))


class _FirstWords:
    """The set of words a place name can start with, read from the index on demand."""

    def __init__(self, index: sqlite3.Connection, extra: set[str]) -> None:
        self._db = index
        self._known: dict[str, bool] = dict.fromkeys(extra, True)

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        known = self._known.get(word)
        if known is None:
            known = self._db.execute("SELECT 1 FROM first_words WHERE word = ?",
                                     (word,)).fetchone() is not None
            if len(self._known) > 200_000:
                self._known.clear()
            self._known[word] = known
        return known


class _PlaceView(Mapping[str, Place]):
    """`gazetteer.places[key]`: places by key, read from the index on demand."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self._gazetteer = gazetteer

    def __getitem__(self, key: str) -> Place:
        place = self._gazetteer.place(key)
        if place is None:
            raise KeyError(key)
        return place

    def __iter__(self) -> Iterator[str]:
        keys = [key for (key,) in self._gazetteer._db.execute("SELECT key FROM places")]
        return iter(dict.fromkeys([*keys, *self._gazetteer._extra.places]))

    def __len__(self) -> int:
        return sum(1 for _ in self)


def _merge(entries: list[tuple[str, bool]], place_key: str, primary: bool) -> None:
    """Add a place to a name's entries; a place named twice is primary if either is."""
    for index, (existing, was_primary) in enumerate(entries):
        if existing == place_key:
            entries[index] = (existing, was_primary or primary)
            return
    entries.append((place_key, primary))


def _is_short_capitals(name: str) -> bool:
    return name.isupper() and len(name.replace(".", "")) <= 5


def _packaged_files() -> list[tuple[str, bytes]]:
    folder = resources.files("redshank.data") / "places"
    return [(name, (folder / name).read_bytes()) for name in PACKAGED]


def _open_index() -> sqlite3.Connection:
    """The compiled index of the packaged files, built into the cache on first use.

    sqlite3 is imported here, when a gazetteer is loaded, not when a command that never
    locates places imports this module (as `redshank events` does).
    """
    import sqlite3
    packaged = _packaged_files()
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for name, content in packaged:
        digest.update(name.encode())
        digest.update(content)
    path = cache_dir() / f"places-{digest.hexdigest()[:24]}.sqlite"
    if not path.exists():
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            _build_index(sqlite3.connect(tmp), _read_packaged()).close()
            os.replace(tmp, path)
            _remove_stale(path)
        except (OSError, sqlite3.Error) as exc:
            log.warning("cannot write the places index %s (%s); building it in memory",
                        path, exc)
            tmp.unlink(missing_ok=True)
            return _build_index(sqlite3.connect(":memory:", check_same_thread=False),
                                _read_packaged())
    return sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True,
                           check_same_thread=False)


def _remove_stale(current: Path) -> None:
    """Delete indexes of other data or code not written in the last day: an upgrade
    leaves its predecessor's 40 MB behind, while another checkout may be reading its own."""
    cutoff = time.time() - STALE_INDEX_S
    for stale in current.parent.glob("places-*.sqlite"):
        try:
            if stale != current and stale.stat().st_mtime < cutoff:
                stale.unlink()
        except OSError:
            continue  # removed by another process, or not ours to remove


def _read_packaged() -> _Tables:
    tables = _Tables()
    folder = resources.files("redshank.data") / "places"
    for name in PACKAGED:
        with resources.as_file(folder / name) as path:
            tables.read(Path(path), label=f"redshank/data/places/{name}")
    return tables


def _build_index(db: sqlite3.Connection, tables: _Tables) -> sqlite3.Connection:
    """Write the tables into an SQLite database: places, names, first words, meta."""
    db.executescript(f"""
        CREATE TABLE places ({', '.join(PLACE_FIELDS)}, PRIMARY KEY (key)) WITHOUT ROWID;
        CREATE TABLE names (name TEXT, exact INTEGER, place TEXT, is_primary INTEGER);
        CREATE TABLE first_words (word TEXT PRIMARY KEY) WITHOUT ROWID;
        CREATE TABLE demonyms (name TEXT PRIMARY KEY, iso3 TEXT) WITHOUT ROWID;
        CREATE TABLE blocked (name TEXT PRIMARY KEY) WITHOUT ROWID;
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
        CREATE TABLE name_filter (bits BLOB);
    """)
    db.executemany(f"INSERT INTO places VALUES ({', '.join('?' * len(PLACE_FIELDS))})",
                   ([getattr(place, name) for name in PLACE_FIELDS]
                    for place in tables.places.values()))
    db.executemany("INSERT INTO names VALUES (?, ?, ?, ?)",
                   ((name, int(exact), place_key, int(primary))
                    for (name, exact), entries in tables.names.items()
                    for place_key, primary in entries))
    db.execute("CREATE INDEX names_by_name ON names (name, exact)")
    db.executemany("INSERT INTO first_words VALUES (?)", ((w,) for w in tables.first_words))
    db.executemany("INSERT INTO demonyms VALUES (?, ?)", tables.demonyms.items())
    db.executemany("INSERT INTO blocked VALUES (?)", ((name,) for name in tables.blocked))
    db.execute("INSERT INTO meta VALUES ('max_tokens', ?)", (str(tables.max_tokens),))
    db.execute("INSERT INTO name_filter VALUES (?)",
               (NameFilter.of(name for name, _ in tables.names).bits,))
    db.commit()
    return db


@dataclass
class _Tables:
    """Places and names read from places files: the index's content, or the user's files.

    `base` finds places the files refer to but do not define (a user's alias of a
    packaged city).
    """

    places: dict[str, Place] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    blocked: set[str] = field(default_factory=set)
    files: list[str] = field(default_factory=list)
    names: dict[tuple[str, bool], list[tuple[str, bool]]] = field(default_factory=dict)
    first_words: set[str] = field(default_factory=set)
    max_tokens: int = 1
    base: Callable[[str], Place | None] = field(default=lambda key: None)

    def place(self, key: str) -> Place | None:
        return self.places.get(key) or self.base(key)

    def read(self, path: Path, label: str) -> None:
        rows = _rows(path, label)
        header = next(rows, None)
        if header is None:
            raise DataFileError("empty file: expected a header line", path=label, line=1)
        columns = tuple(header[1])
        readers = {
            "countries.tsv": self._country, "continents.tsv": self._continent,
            "admin1.tsv": self._admin1, "admin2.tsv.gz": self._admin2,
            "cities.tsv.gz": self._city,
        }
        if path.name in readers and label.startswith("redshank/data/places/"):
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
        exact = _is_short_capitals(name)
        folded = name_key(name)
        key = name.strip() if exact else folded
        _merge(self.names.setdefault((key, exact), []), place_key, primary)
        words = folded.split()
        if words:
            # spaCy splits a possessive off its word: "People's Republic" starts at "People".
            self.first_words.add(words[0].removesuffix("'s"))
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

    def _continent(self, row: dict[str, str]) -> None:
        place = Place(
            key=f"continent:{row['name']}", name=row["name"], kind="continent", country=None,
            precision="none", lat=float(row["lat"]), lon=float(row["lon"]),
            geonames_id=int(row["geonames_id"]), coord_source="geonames")
        self._add(place, [row["name"], *_split(row["alternates"])], curated=True)

    def _admin1(self, row: dict[str, str]) -> None:
        place = Place(
            key=f"admin1:{row['key']}", name=row["name"], kind="admin1", country=row["country"],
            precision="admin1", lat=_float(row["lat"]), lon=_float(row["lon"]),
            admin1=row["key"], admin1_name=row["name"], population=int(row["population"] or 0),
            geonames_id=_int(row["geonames_id"]), coord_source=row["coord_source"])
        self._add(place, [row["name"], *_split(row["alternates"])])

    def _admin2(self, row: dict[str, str]) -> None:
        admin1_key = f"{row['country']}.{row['admin1']}"
        region = self.place(f"admin1:{admin1_key}")
        place = Place(
            key=f"admin2:{row['key']}", name=row["name"], kind="admin2", country=row["country"],
            precision="admin1", lat=float(row["lat"]), lon=float(row["lon"]),
            admin1=admin1_key, admin1_name=region.name if region else None,
            population=int(row["population"] or 0), coord_source=row["coord_source"],
            admin2_name=row["name"])
        self._add(place, [row["name"], *_split(row["alternates"])])

    def _city(self, row: dict[str, str]) -> None:
        admin1_key = f"{row['country']}.{row['admin1']}"
        region = self.place(f"admin1:{admin1_key}")
        place = Place(
            key=f"city:{row['geonames_id']}", name=row["name"], kind="city",
            country=row["country"], precision="city", lat=float(row["lat"]),
            lon=float(row["lon"]), admin1=admin1_key,
            admin1_name=region.name if region else None, population=int(row["population"]),
            capital=row["capital"] == "1", geonames_id=int(row["geonames_id"]),
            coord_source="geonames", admin2_name=row["admin2"] or None)
        self._add(place, [row["name"], *_split(row["alternates"])])

    def _site(self, row: dict[str, str]) -> None:
        precision = row["precision"]
        if precision not in PRECISIONS:
            raise ValueError(f"precision {precision!r} is not one of {', '.join(PRECISIONS)}")
        kind = row.get("kind") or "site"
        if kind not in SITE_KINDS:
            raise ValueError(f"kind {kind!r} is not one of {', '.join(sorted(SITE_KINDS))}")
        lat, lon = _float(row["lat"]), _float(row["lon"])
        if (lat is None) != (lon is None) or (
                kind == "site" and (precision == "none") != (lat is None)):
            raise ValueError("give lat and lon together, and only when precision is not none "
                             "(or the kind is an area: " + ", ".join(sorted(AREA_KINDS)) + ")")
        country = row["country"] or None
        admin1 = f"{country}.{row['admin1']}" if country and row["admin1"] else None
        region = self.place(f"admin1:{admin1}") if admin1 else None
        place = Place(
            key=f"site:{row['name']}", name=row["name"], kind=kind, country=country,
            precision=precision, lat=lat, lon=lon, admin1=admin1,
            admin1_name=region.name if region else None,
            geonames_id=_int(row.get("geonames_id", "")),
            coord_source=row.get("coord_source") or "sites.tsv")
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
        if self.place(place_key) is None:
            raise KeyError(f"target {target!r} is not in the gazetteer")
        self._name(name, place_key, primary=True)


def _rows(path: Path, label: str) -> Iterator[tuple[int, list[str]]]:
    """(line number, tab-separated values) of the non-comment, non-blank lines."""
    try:
        if path.suffix == ".gz":
            text = gzip.decompress(path.read_bytes()).decode("utf-8")
        else:
            text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError, gzip.BadGzipFile) as exc:
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
