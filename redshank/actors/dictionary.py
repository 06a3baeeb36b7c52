"""The actor dictionary: packaged data files plus user files, loaded once and validated.

Files load in order: the packaged ones (`PACKAGED_FILES`: Phoenix agents first, so that a
Phoenix actor wins a name both define), then user files in the order given. A name defined
again in a later file points to the later entry; an entry whose `id` is defined again in a
later file is replaced whole. User files may be Redshank JSON Lines
(`.jsonl`) or TABARI/PETRARCH dictionaries (`*.agents.txt` for agents, other `.txt` for
actors).

A TABARI actor file may name countries with codes of its own (`ARNOR [ARN]`): a one-chunk
code that is neither a CAMEO country nor an organisation class, region, religion or role
is such a country, in its file and in every file loaded after it (`split_code`).
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path

from redshank.actors import codes, entries, jsonl, names, tabari
from redshank.actors.codes import ROLE_SECTORS, chunks, country_table, is_country_code, split_code
from redshank.actors.entries import ActorEntry, AgentEntry, RoleCode
from redshank.actors.jsonl import read_jsonl
from redshank.actors.names import display_name, entry_acronyms, is_acronym
from redshank.actors.packed import PackedEntries, Rows, pack
from redshank.actors.tabari import TabariActor, TabariAgent, read_tabari_actors, read_tabari_agents
from redshank.cache import cached
from redshank.errors import DataFileError
from redshank.model import ActorType

log = logging.getLogger(__name__)

PACKAGED_FILES = (
    "agents.jsonl",
    "ministries.jsonl",
    "phoenix-countries.jsonl",
    "phoenix-international.jsonl",
    "phoenix-nonstate.jsonl",
    "capitals.jsonl",
    "armed-groups.jsonl",
    "current-officeholders.jsonl",
    "redshank-core.jsonl",
)
# the modules whose code decides what a dictionary file loads as (part of the cache key)
_READER_MODULES = (__file__, codes.__file__, entries.__file__, jsonl.__file__, names.__file__,
                   tabari.__file__)
_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)


@dataclass
class ActorDictionary:
    """Every actor and agent entry in force, with the files they came from."""

    actors: Sequence[ActorEntry]
    agents: Sequence[AgentEntry]
    files: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    fingerprint: str = ""
    # from the cache, when no user file was loaded: every entry in load order (lazily
    # unpickled), and each surname's people as rows of it (see `people_named`)
    ordered: Sequence[ActorEntry | AgentEntry] | None = None
    surname_rows: dict[str, list[int]] | None = None

    def lookup(self, name: str) -> ActorEntry | AgentEntry | None:
        """The entry a name resolves to (case-insensitive; a leading "the" is ignored)."""
        return self._names.get(name_key(name))

    def by_id(self, entry_id: str) -> ActorEntry | None:
        """The actor entry with this id, if any."""
        return self._ids.get(entry_id)

    def people_named(self, surname: str) -> list[ActorEntry]:
        """People with a name of two or more words ending in `surname` (case-insensitive)."""
        if self.ordered is not None and self.surname_rows is not None:
            ordered = self.ordered
            return [ordered[row] for row in self.surname_rows.get(surname.casefold(), ())]
        return self._surnames.get(surname.casefold(), [])

    def entries_in_load_order(self) -> Sequence[ActorEntry | AgentEntry]:
        """Actors and agents ordered by file then line: later entries win a shared name."""
        if self.ordered is not None:
            return self.ordered
        order = {f: i for i, f in enumerate(self.files)}
        everything: list[ActorEntry | AgentEntry] = [*self.actors, *self.agents]
        return sorted(everything, key=lambda e: (order.get(e.file, len(order)), e.line))

    @cached_property
    def _names(self) -> dict[str, ActorEntry | AgentEntry]:
        index: dict[str, ActorEntry | AgentEntry] = {}
        for entry in self.entries_in_load_order():
            for name in entry.names:
                index[name_key(name)] = entry
        return index

    @cached_property
    def _surnames(self) -> dict[str, list[ActorEntry]]:
        index: dict[str, list[ActorEntry]] = {}
        for entry in self.actors:
            if entry.type != "person":
                continue
            for surname in {n.split()[-1].casefold() for n in entry.names if len(n.split()) > 1}:
                index.setdefault(surname, []).append(entry)
        return index

    @cached_property
    def _ids(self) -> dict[str, ActorEntry]:
        return {e.id: e for e in self.actors}


def name_key(name: str) -> str:
    """Case- and space-insensitive form of a name, without a leading article."""
    return _ARTICLE.sub("", " ".join(name.split())).casefold()


def packaged_path(file_name: str) -> Path:
    """Filesystem path of a packaged data file."""
    return Path(str(resources.files("redshank") / "data" / "actors" / file_name))


@dataclass
class _Loaded:
    """The state of a dictionary load after some files: what the next file builds on."""

    actors: list[ActorEntry] = field(default_factory=list)
    agents: list[AgentEntry] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    countries: set[str] = field(default_factory=set)

    def add(self, path: Path, raw: bytes) -> None:
        """Load one more file on top (its entries replace earlier ones with their ids)."""
        label = _unique_label(path.name, self.labels)
        self.labels.append(label)
        file_actors, file_agents, file_warnings = load_file(
            path, _decode(raw, path), label=label, countries=frozenset(self.countries)
        )
        self.countries |= own_countries(file_actors)
        self.actors = _replace_by_id(self.actors, file_actors)
        self.agents = _replace_by_id(self.agents, file_agents)
        self.warnings.extend(file_warnings)


@dataclass
class _Compiled:
    """The packaged files' dictionary as the cache stores it: entries packed in load order."""

    packed: list[bytes]
    actor_rows: list[int]
    agent_rows: list[int]
    surname_rows: dict[str, list[int]]
    labels: list[str]
    warnings: list[str]
    countries: set[str]


def _compile(packaged: list[tuple[Path, bytes]]) -> _Compiled:
    loaded = _Loaded()
    for path, raw in packaged:
        loaded.add(path, raw)
    dictionary = ActorDictionary(loaded.actors, loaded.agents, loaded.labels)
    ordered = dictionary.entries_in_load_order()
    row = {id(entry): number for number, entry in enumerate(ordered)}
    surnames = {surname: [row[id(e)] for e in people]
                for surname, people in dictionary._surnames.items()}
    return _Compiled(pack(ordered), [row[id(e)] for e in loaded.actors],
                     [row[id(e)] for e in loaded.agents], surnames, loaded.labels,
                     loaded.warnings, loaded.countries)


def load_dictionary(extra_paths: Sequence[str | Path] = ()) -> ActorDictionary:
    """The packaged dictionary plus user files; later files override earlier ones.

    The packaged files come compiled from the knowledge cache (redshank/cache.py) when
    neither they nor the modules that read them changed, their entries unpickled as the
    resolver asks for them; user files are read every time, on top.
    """
    packaged = [(packaged_path(name), _read_bytes(packaged_path(name)))
                for name in PACKAGED_FILES]
    extra = [(Path(p), _read_bytes(Path(p))) for p in extra_paths]
    digest = hashlib.sha256()
    for path, raw in packaged + extra:
        digest.update(path.name.encode() + b"\0" + hashlib.sha256(raw).digest())
    fingerprint = digest.hexdigest()[:16]
    sources = [(path.name, raw) for path, raw in packaged] + [
        (Path(module).name, Path(module).read_bytes()) for module in _READER_MODULES]
    compiled = cached("actors", sources, lambda: _compile(packaged),
                      lambda value: isinstance(value, _Compiled))
    ordered = PackedEntries(compiled.packed)
    for message in compiled.warnings:
        log.warning(message)
    if not extra:
        return ActorDictionary(Rows(ordered, compiled.actor_rows),
                               Rows(ordered, compiled.agent_rows),
                               list(compiled.labels), list(compiled.warnings), fingerprint,
                               ordered, compiled.surname_rows)
    loaded = _Loaded([ordered[row] for row in compiled.actor_rows],
                     [ordered[row] for row in compiled.agent_rows],
                     list(compiled.labels), [], set(compiled.countries))
    for path, raw in extra:
        loaded.add(path, raw)
    for message in loaded.warnings:
        log.warning(message)
    return ActorDictionary(loaded.actors, loaded.agents, loaded.labels,
                           [*compiled.warnings, *loaded.warnings], fingerprint)


def load_file(
    path: str | Path,
    text: str,
    *,
    label: str | None = None,
    countries: frozenset[str] = frozenset(),
) -> tuple[list[ActorEntry], list[AgentEntry], list[str]]:
    """Actors, agents and load warnings of one dictionary file, by its format.

    `countries`: user country codes defined by files loaded before this one.
    """
    path = Path(path)
    label = label or path.name
    name = path.name.lower()
    if name.endswith(".jsonl"):
        actors, agents = read_jsonl(path, text, file=label)
        return actors, agents, []
    if name.endswith(".agents.txt"):
        return [], agents_from_tabari(read_tabari_agents(path, text), label), []
    if name.endswith(".txt"):
        return actors_from_tabari(read_tabari_actors(path, text), label, countries)
    raise DataFileError(
        "unknown dictionary format: use .jsonl, .actors.txt or .agents.txt", path=str(path)
    )


def actors_from_tabari(
    entries: Iterable[TabariActor], label: str, countries: frozenset[str] = frozenset()
) -> tuple[list[ActorEntry], list[AgentEntry], list[str]]:
    """Redshank actor entries from TABARI ones: display names, typed roles, unique ids.

    Codes are read with `countries` plus the file's own country codes (`tabari_countries`).
    """
    warnings: list[str] = []
    actors: list[ActorEntry] = []
    used: set[str] = set()
    merged = merge_codeless(list(entries))
    known = countries | tabari_countries(merged)
    for entry in merged:
        if not any(c.start is None or c.end is None or c.start < c.end for c in entry.codes):
            warnings.append(
                f"{label}:{entry.line}: actor {entry.name!r} has no code and was skipped"
            )
            continue
        actors.append(actor_from_tabari(entry, label, used, countries=known))
    return actors, [], warnings


def tabari_countries(entries: Iterable[TabariActor]) -> frozenset[str]:
    """Country codes a TABARI file makes up: one-chunk codes CAMEO does not know (`ARN`)."""
    table = country_table()
    return frozenset(
        c.code
        for entry in entries
        for c in entry.codes
        if c.code not in table and is_country_code(c.code)
    )


def own_countries(actors: Iterable[ActorEntry]) -> set[str]:
    """The user country codes among loaded entries: roles whose code is their country."""
    table = country_table()
    return {r.code for a in actors for r in a.roles if r.country == r.code and r.code not in table}


def merge_codeless(entries: list[TabariActor]) -> list[TabariActor]:
    """Join an entry without codes to the entry on the very next line (a missing '+')."""
    merged: list[TabariActor] = []
    pending: list[TabariActor] = []
    for entry in entries:
        if pending and entry.line != pending[-1].end_line + 1:
            merged.extend(pending)
            pending = []
        if not entry.codes:
            pending.append(entry)
            continue
        if pending:
            head = pending[0]
            names = [n for p in pending for n in p.names] + entry.names
            entry = TabariActor(
                head.name,
                head.line,
                names[1:],
                entry.codes,
                head.comment or entry.comment,
                entry.end_line,
            )
            pending = []
        merged.append(entry)
    merged.extend(pending)
    return merged


def actor_from_tabari(
    entry: TabariActor,
    label: str,
    used_ids: set[str],
    *,
    kind: ActorType | None = None,
    countries: frozenset[str] = frozenset(),
    id_name: str | None = None,
) -> ActorEntry:
    """One Redshank actor entry from a TABARI entry (names title-cased, "the" dropped).

    `id_name`: the name to make the id and display name from (default: the first name).
    """
    raw_names = [_ARTICLE.sub("", n) for n in entry.names]
    acronyms = entry_acronyms(raw_names)
    names = tuple(dict.fromkeys(display_name(n, acronyms) for n in raw_names if n))
    head = _ARTICLE.sub("", id_name) if id_name else raw_names[0]
    roles = tuple(
        RoleCode.from_code(c.code, c.start, c.end, countries)
        for c in entry.codes
        if c.start is None or c.end is None or c.start < c.end
    )
    entry_id = unique_id(entry_id_for(head), used_ids)
    name = display_name(head, acronyms) if id_name else names[0]
    return ActorEntry(
        entry_id, name, kind or tabari_type(roles, countries), names, roles, label, entry.line
    )


def tabari_type(roles: Sequence[RoleCode], countries: frozenset[str] = frozenset()) -> ActorType:
    """A person if a dated role carries a sector (`[USAGOV >130201]`), else the code's type."""
    if any(r.dated and r.sector for r in roles):
        return "person"
    real = [r for r in roles if not r.is_null]
    return split_code(real[0].code, countries).type if real else "other"


def entry_id_for(name: str) -> str:
    """`John Kerry` -> `JOHN_KERRY`."""
    return re.sub(r"_+", "_", re.sub(r"[^0-9A-Z'.&-]+", "_", name.upper())).strip("_") or "ENTRY"


def unique_id(base: str, used: set[str]) -> str:
    """`base`, or `base_2`, `base_3`... if already used; records the result."""
    candidate, number = base, 1
    while candidate in used:
        number += 1
        candidate = f"{base}_{number}"
    used.add(candidate)
    return candidate


def agents_from_tabari(entries: Iterable[TabariAgent], label: str) -> list[AgentEntry]:
    """Redshank agent entries from TABARI agent lines (lower-case names, merged by id)."""
    by_id: dict[str, AgentEntry] = {}
    for entry in entries:
        names = tuple(dict.fromkeys(agent_display(p) for p in entry.phrases))
        entry_id = entry_id_for(entry.phrases[0])
        sector = agent_sector(entry.code)
        previous = by_id.get(entry_id)
        if previous is not None and previous.code == entry.code:
            names = tuple(dict.fromkeys(previous.names + names))
            by_id[entry_id] = AgentEntry(entry_id, names, sector, entry.code, label, previous.line)
        else:
            by_id[entry_id] = AgentEntry(entry_id, names, sector, entry.code, label, entry.line)
    return list(by_id.values())


def agent_display(phrase: str) -> str:
    """Agents are common nouns: lower case, except acronyms ("NGO")."""
    return " ".join(w if is_acronym(w) else w.lower() for w in phrase.split())


def agent_sector(code: str) -> str | None:
    """The sector an agent code gives: `~GOVMIL` -> GOV, `~MUSRAD` -> RAD, `NGO~` -> NGO."""
    parts = chunks(code.strip("~"))
    preferred = [c for c in parts if c in ROLE_SECTORS or c in ("IGO", "NGO")]
    return (preferred or parts or [None])[0]


def _replace_by_id(existing: list, new: list) -> list:
    """`existing` without entries whose id `new` defines, then `new`."""
    if not new:
        return existing
    ids = {e.id for e in new}
    return [e for e in existing if e.id not in ids] + new


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise DataFileError(f"cannot read dictionary file: {exc.strerror}", path=str(path)) from exc


def _decode(raw: bytes, path: Path) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataFileError(f"not UTF-8 at byte {exc.start}", path=str(path)) from exc


def _unique_label(name: str, labels: list[str]) -> str:
    label, number = name, 1
    while label in labels:
        number += 1
        label = f"{name}#{number}"
    return label
