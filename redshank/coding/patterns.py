"""Event patterns over dependency parses: the data-file format and its loader.

A pattern file (`*.patterns`, UTF-8) has one definition per line; `#` starts a comment.

    &MILITARY = troop force soldier airstrike drone_strike
    ask                               020
    ask        arg:&MILITARY          1012
    rule+out   arg:&MILITARY          1212
    n:appeal   arg:&MILITARY          1032   recipient=poss
    carry+out  obj:drone              195    mode=drone

- `&NAME = word ...` defines a word set (synset); words are lemmas, `a_b` is a sequence.
- A pattern is `TRIGGER [CONSTRAINT ...] CAMEO [option=value ...]`:
  - TRIGGER: a verb lemma, `lemma+particle` for phrasal verbs ("rule+out"), or `n:lemma`
    for a noun trigger ("the capture of Mosul").
  - CONSTRAINT: `ROLE:WORDS` where WORDS is `a|b|&SET` (or `*`: any word, i.e. the role
    must be filled, as in `decline comp:*` "declined to ...") and ROLE says where the words must
    appear: `obj` (the object or passive subject), `comp` (clausal complement), `arg`
    (anywhere in the predicate: object, complement or prepositional phrase; not its
    adverbial clauses nor what is told about, redshank/coding/match.py), `subj`
    (the subject phrase), or `prep.P` (the object of preposition P, e.g. `prep.for:aid`).
    `prep.P` without words only requires the preposition.
  - CAMEO: the CAMEO code; PLOVER event, mode and context come from the crosswalk.
  - options: `event=`, `mode=`, `context=a;b` override the crosswalk; `recipient=` names
    the role that holds the recipient (`obj`, `poss`, `prep.P`, `none`); `needs=2` drops
    the event unless it has two participants (a meeting of one actor is not a CONSULT).
- Among a trigger's patterns whose constraints all hold, hand-written files (core.patterns
  and user files) beat the converted cameo.patterns, which fill in where no hand-written
  pattern holds; then the one with most constraints wins; on a tie, the one defined last
  (so user files loaded later override).
- When no pattern of the trigger holds, the trigger lexicon (redshank.coding.lexicon,
  redshank/data/lexicon/) gives its default reading. A phrasal verb ("beat up") with no
  pattern of its own falls back to the plain verb's patterns and default.

The packaged files are compiled once into an on-disk cache (redshank/cache.py) keyed by
their content and this module's; a trigger's patterns are unpickled the first time a
sentence asks for them, so a start-up does not rebuild 44,000 patterns it will not use.
"""

from __future__ import annotations

import io
import pickle
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

from redshank import knowledge
from redshank.cache import cached
from redshank.coding import plover
from redshank.coding.plover import EVENT_TYPES, NOT_AN_EVENT, Ontology, load_ontology
from redshank.errors import DataFileError

ROLES = ("obj", "comp", "arg", "subj")
RECIPIENT_ROLES = ("obj", "poss", "none")
TRIGGER = re.compile(r"^(n:)?([a-z][a-z'\-]*)(?:\+([a-z]+))?$")
CODE = re.compile(r"^\d{3,4}$")
PACKAGED_FILES = ("cameo.patterns", "core.patterns")
CONVERTED_FILES = ("cameo.patterns",)
# Where a reading comes from, weakest first: a converted CAMEO lemma default (cameo.tsv), a
# converted CAMEO pattern (cameo.patterns), a curated lexicon line (plover.tsv,
# classes.tsv, discards.tsv), a hand-written pattern (core.patterns, users' files).
TIER_LEXICON, TIER_CONVERTED, TIER_CURATED, TIER_WRITTEN = 0, 1, 2, 3
LEXICON_FILES = ("cameo.tsv", "plover.tsv", "classes.tsv", "discards.tsv")
CONVERTED_LEXICON = frozenset({"cameo.tsv"})
ANY_TRIGGER = "*"
Synsets = dict[str, frozenset[tuple[str, ...]]]


@dataclass(frozen=True, slots=True)
class Constraint:
    """Words that must occur in one syntactic role of the trigger."""

    role: str
    words: frozenset[tuple[str, ...]]
    prep: str | None = None
    # The first word of each alternative: the constraint cannot hold in a sentence that has
    # none of them. None when any words will do ("*") or only the preposition counts.
    keys: frozenset[str] | None = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        any_words = not self.words or ("*",) in self.words
        object.__setattr__(self, "keys", None if any_words
                           else frozenset(words[0] for words in self.words))

    def describe(self) -> str:
        role = f"prep.{self.prep}" if self.prep else self.role
        words = "|".join(sorted("_".join(w) for w in self.words))
        return f"{role}:{words}" if words else role


@dataclass(frozen=True, slots=True)
class Pattern:
    """One coding rule: trigger + constraints -> CAMEO code and its PLOVER reading."""

    id: str
    pos: str
    lemma: str
    particle: str | None
    constraints: tuple[Constraint, ...]
    cameo: str
    event: str
    mode: str | None
    context: tuple[str, ...]
    recipient: str | None
    order: int
    text: str
    needs: int = 1
    tier: int = TIER_WRITTEN
    # a second event the same words report, by definition ("jailed": a conviction and an
    # arrest, ANNOTATION.md "convict ... plus COERCE arrest if prison"): (event, mode)
    also: tuple[str, str | None] | None = None

    def __reduce__(self) -> tuple[type[Pattern], tuple[object, ...]]:
        # positional arguments unpickle twice as fast as the dataclass's per-field state
        return Pattern, tuple(getattr(self, name) for name in _PATTERN_FIELDS)

    @property
    def is_event(self) -> bool:
        return self.event != NOT_AN_EVENT

    @property
    def specificity(self) -> int:
        return len(self.constraints) + (1 if self.particle else 0)

    @property
    def rank(self) -> tuple[int, int, int]:
        """How patterns that all hold are ordered: hand-written, specific, defined last."""
        return self.tier, self.specificity, self.order


_PATTERN_FIELDS = tuple(f.name for f in fields(Pattern))


@dataclass(slots=True)
class PatternSet:
    """All loaded patterns, indexed by (part of speech, trigger lemma).

    `packed` holds triggers' pattern lists still pickled (from the cache); `group` and
    `candidates` unpickle one into `by_trigger` on first use. The packed lists refer to
    their constraints by number in `shared` (see `pack_groups`), which the cache holds once.
    """

    by_trigger: dict[tuple[str, str], list[Pattern]] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    lexicon: dict[tuple[str, str], list[Pattern]] = field(default_factory=dict)
    discards: list[Pattern] = field(default_factory=list)
    # coding/match.py's per-trigger indexes, built on first use (the lists do not change)
    indexes: dict[tuple[str, str, str], object] = field(default_factory=dict, repr=False,
                                                         compare=False)
    packed: dict[tuple[str, str], bytes] = field(default_factory=dict, repr=False,
                                                 compare=False)
    shared: list[Constraint] = field(default_factory=list, repr=False, compare=False)
    # how many patterns by_trigger and packed hold: the next pattern's `order`
    count: int = 0

    def __post_init__(self) -> None:
        if not self.count:  # built from lists rather than parsed
            self.count = sum(len(group) for group in self.by_trigger.values())

    def candidates(self, pos: str, lemma: str) -> list[Pattern]:
        key = (pos, lemma)
        if key in self.packed:
            return self.group(key)
        return self.by_trigger.get(key, [])

    def group(self, key: tuple[str, str]) -> list[Pattern]:
        """The patterns of one trigger, as a list a parser may append to."""
        if key in self.packed:
            self.by_trigger[key] = _Unpacker(io.BytesIO(self.packed.pop(key)),
                                             self.shared).load()
        return self.by_trigger.setdefault(key, [])

    def triggers(self) -> set[tuple[str, str]]:
        """Every (part of speech, lemma) with patterns."""
        return set(self.by_trigger) | set(self.packed)

    def __iter__(self) -> Iterator[Pattern]:
        """Every pattern (not the lexicon's), trigger by trigger."""
        for key in sorted(self.triggers()):
            yield from self.group(key)

    def defaults(self, pos: str, lemma: str) -> list[Pattern]:
        """The trigger lexicon's readings of a lemma: senses, discards and its default."""
        return self.lexicon.get((pos, lemma), [])

    def __len__(self) -> int:
        return self.count


def _words(spec: str, synsets: dict[str, frozenset[tuple[str, ...]]], where: tuple[str, int]
           ) -> frozenset[tuple[str, ...]]:
    words: set[tuple[str, ...]] = set()
    for item in spec.split("|"):
        if not item:
            continue
        if item == "*":
            words.add(("*",))
            continue
        if item.startswith("&"):
            if item not in synsets:
                raise DataFileError(f"unknown word set {item!r}", path=where[0], line=where[1])
            words |= synsets[item]
        else:
            words.add(tuple(item.lower().split("_")))
    return frozenset(words)


def _constraint(token: str, synsets: dict[str, frozenset[tuple[str, ...]]],
                where: tuple[str, int]) -> Constraint:
    role, _, spec = token.partition(":")
    prep = None
    if role.startswith("prep."):
        role, prep = "prep", role[5:]
        if not prep.isalpha():
            raise DataFileError(f"preposition missing in {token!r}", path=where[0], line=where[1])
    elif role not in ROLES:
        raise DataFileError(
            f"unknown role {role!r} in {token!r}; use one of {', '.join(ROLES)} or prep.P",
            path=where[0], line=where[1])
    elif not spec:
        raise DataFileError(f"no words given in {token!r}", path=where[0], line=where[1])
    return Constraint(role, _words(spec, synsets, where), prep)


def parse_patterns(text: str, path: str, ontology: Ontology, into: PatternSet,
                   synsets: Synsets, tier: int = TIER_WRITTEN,
                   interned: dict[Constraint, Constraint] | None = None) -> None:
    """Parse one pattern file's text into `into`, validating every line.

    `interned` shares equal constraints between patterns (50,000 in the packaged files,
    2,400 distinct): less memory, and a cache that pickles each once.
    """
    order = len(into)
    interned = {} if interned is None else interned
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        where = (path, number)
        if line.startswith("&"):
            name, eq, members = line.partition("=")
            if not eq or not name.strip()[1:]:
                raise DataFileError("word set must read '&NAME = word ...'", path=path,
                                    line=number)
            synsets[name.strip()] = _words("|".join(members.split()), synsets, where)
            continue
        pattern = parse_pattern(line, where, ontology, synsets, order, tier, interned)
        order += 1
        into.group((pattern.pos, pattern.lemma)).append(pattern)
    into.count = order
    into.files.append(path)


def parse_pattern(line: str, where: tuple[str, int], ontology: Ontology,
                  synsets: Synsets, order: int, tier: int = TIER_WRITTEN,
                  interned: dict[Constraint, Constraint] | None = None) -> Pattern:
    """One pattern line (without its comment), validated; errors name file and line."""
    interned = {} if interned is None else interned
    path, number = where
    tokens = line.split()
    trigger = TRIGGER.match(tokens[0])
    if not trigger:
        raise DataFileError(f"bad trigger {tokens[0]!r}; expected lemma, lemma+particle or "
                            "n:lemma", path=path, line=number)
    codes = [i for i, t in enumerate(tokens) if CODE.match(t)]
    if not codes:
        raise DataFileError("no CAMEO code (3-4 digits) on the line", path=path, line=number)
    at = codes[0]
    constraints = tuple(_interned(_constraint(t, synsets, where), interned)
                        for t in tokens[1:at])
    cameo = tokens[at]
    reading = ontology.lookup(cameo)
    if reading is None:
        raise DataFileError(f"CAMEO code {cameo} is not in the crosswalk", path=path, line=number)
    options: dict[str, str] = {}
    for token in tokens[at + 1:]:
        key, eq, value = token.partition("=")
        if not eq or key not in ("event", "mode", "context", "recipient", "needs", "also"):
            raise DataFileError(
                f"bad option {token!r}; use event=, mode=, context=, recipient=, needs=, "
                "also=", path=path, line=number)
        options[key] = value
    event = options.get("event", reading.event)
    if event != NOT_AN_EVENT and event not in EVENT_TYPES:
        raise DataFileError(f"unknown PLOVER event {event!r}", path=path, line=number)
    needs = options.get("needs", "1")
    if needs not in ("1", "2"):
        raise DataFileError(f"needs= must be 1 or 2, not {needs!r}", path=path, line=number)
    recipient = options.get("recipient")
    if recipient and recipient not in RECIPIENT_ROLES and not recipient.startswith("prep."):
        raise DataFileError(f"bad recipient role {recipient!r}", path=path, line=number)
    also = None
    if "also" in options:
        also_event, _, also_mode = options["also"].partition("/")
        if also_event not in EVENT_TYPES:
            raise DataFileError(f"also= names unknown PLOVER event {also_event!r}", path=path,
                                line=number)
        also = (also_event, also_mode or None)
    mode = options.get("mode", reading.mode if event == reading.event else None) or None
    context = (tuple(c for c in options["context"].split(";") if c) if "context" in options
               else reading.context)
    return Pattern(
        id=f"{Path(path).name}:{number}", pos="noun" if trigger.group(1) else "verb",
        lemma=trigger.group(2), particle=trigger.group(3), constraints=constraints,
        cameo=cameo, event=event, mode=mode, context=context, recipient=recipient,
        order=order, text=line, needs=int(needs), tier=tier, also=also,
    )


def _interned(constraint: Constraint, interned: dict[Constraint, Constraint]) -> Constraint:
    return interned.setdefault(constraint, constraint)


def parse_lexicon(text: str, path: str, ontology: Ontology, into: PatternSet,
                  synsets: Synsets, interned: dict[Constraint, Constraint] | None = None
                  ) -> None:
    """Parse one trigger-lexicon file (docs/patterns.md, "The trigger lexicon") into `into`.

    A line is `PATTERN<TAB>SOURCE`: a pattern line whose trigger may be `*` (a discard for
    every trigger's lexicon and converted readings), and where the reading comes from.
    """
    base = len(into) + sum(len(group) for group in into.lexicon.values()) + len(into.discards)
    interned = {} if interned is None else interned
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        line, tab, source = raw.partition("\t")
        line, source = line.strip(), source.strip()
        where = (path, number)
        if line.startswith("&"):
            parse_patterns(line, path, ontology, into, synsets, interned=interned)
            continue
        if not tab or not source:
            raise DataFileError("lexicon line must read 'PATTERN<TAB>SOURCE'", path=path,
                                line=number)
        anywhere = line.split(maxsplit=1)[0] == ANY_TRIGGER
        if anywhere:
            line = "any" + line[1:]
        tier = TIER_LEXICON if Path(path).name in CONVERTED_LEXICON else TIER_CURATED
        pattern = parse_pattern(line, where, ontology, synsets, base + number, tier, interned)
        pattern = replace(pattern, text=f"{raw.partition(chr(9))[0].strip()} [{source}]")
        if anywhere:
            if pattern.is_event or not pattern.constraints:
                raise DataFileError("a '*' line is a discard: give constraints and code 010",
                                    path=path, line=number)
            into.discards.append(pattern)
        else:
            into.lexicon.setdefault((pattern.pos, pattern.lemma), []).append(pattern)


def compile_packaged() -> tuple[PatternSet, Synsets]:
    """Parse the packaged pattern and lexicon files (what the cache stores, packed)."""
    ontology = load_ontology()
    patterns = PatternSet()
    synsets: Synsets = {}
    interned: dict[Constraint, Constraint] = {}
    package = resources.files("redshank.data.patterns")
    for name in PACKAGED_FILES:
        tier = TIER_CONVERTED if name in CONVERTED_FILES else TIER_WRITTEN
        parse_patterns(package.joinpath(name).read_text(encoding="utf-8"), name, ontology,
                       patterns, synsets, tier, interned)
    lexicon = resources.files("redshank.data.lexicon")
    for name in LEXICON_FILES:
        parse_lexicon(lexicon.joinpath(name).read_text(encoding="utf-8"), name, ontology,
                      patterns, synsets, interned)
    patterns.packed, patterns.shared = pack_groups(patterns.by_trigger, list(interned))
    patterns.by_trigger = {}
    return patterns, synsets


def pack_groups(groups: dict[tuple[str, str], list[Pattern]], shared: list[Constraint]
                ) -> tuple[dict[tuple[str, str], bytes], list[Constraint]]:
    """Each trigger's patterns pickled on its own, constraints written as their number in
    `shared`: unpickling a trigger then builds its patterns only (half the time)."""
    number = {id(constraint): n for n, constraint in enumerate(shared)}
    packed = {}
    for key, group in groups.items():
        buffer = io.BytesIO()
        _Packer(buffer, number).dump(group)
        packed[key] = buffer.getvalue()
    return packed, shared


class _Packer(pickle.Pickler):
    def __init__(self, file: io.BytesIO, number: dict[int, int]) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.number = number

    def persistent_id(self, obj: object) -> int | None:
        return self.number.get(id(obj)) if type(obj) is Constraint else None


class _Unpacker(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, shared: list[Constraint]) -> None:
        super().__init__(file)
        self.shared = shared

    def persistent_load(self, pid: object) -> Constraint:
        if not isinstance(pid, int):
            raise pickle.UnpicklingError(f"unknown constraint reference {pid!r}")
        return self.shared[pid]


def packaged_sources() -> list[tuple[str, bytes]]:
    """What the compiled patterns depend on: the data files and the modules that read them."""
    sources = []
    for package in ("redshank.data.patterns", "redshank.data.lexicon", "redshank.data.plover",
                    "redshank.data.words"):
        folder = resources.files(package)
        sources += [(f"{package}/{entry.name}", entry.read_bytes())
                    for entry in sorted(folder.iterdir(), key=lambda e: e.name)
                    if entry.is_file() and not entry.name.endswith(".py")]
    for module in (__file__, plover.__file__, knowledge.__file__):
        sources.append((Path(module).name, Path(module).read_bytes()))
    return sources


def _is_compiled(value: object) -> bool:
    return (isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], PatternSet)
            and isinstance(value[1], dict) and not value[0].by_trigger)


@lru_cache(maxsize=1)
def _packaged() -> tuple[PatternSet, Synsets]:
    """The packaged pattern files, compiled once (and cached on disk) per content."""
    return cached("patterns", packaged_sources(), compile_packaged, _is_compiled)


def load_patterns(extra_paths: list[str] | tuple[str, ...] = ()) -> PatternSet:
    """Load the packaged pattern files, then the user's (which win ties)."""
    ontology = load_ontology()
    packaged, packaged_synsets = _packaged()
    patterns = PatternSet({key: list(group) for key, group in packaged.by_trigger.items()},
                          list(packaged.files), packaged.lexicon, packaged.discards,
                          packed=dict(packaged.packed), shared=packaged.shared,
                          count=packaged.count)
    synsets = dict(packaged_synsets)
    for path in extra_paths:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DataFileError(f"cannot read pattern file: {exc}", path=path) from exc
        parse_patterns(text, path, ontology, patterns, synsets)
    return patterns
