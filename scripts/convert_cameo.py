"""Convert the CAMEO.2.0 verb dictionary (PETRARCH2) into Redshank's pattern format.

Usage:
    python scripts/convert_cameo.py [--cameo FILE] [--out FILE] [--lexicon FILE]

Reads CAMEO.2.0.txt (default: ../shared/data/phoenix/CAMEO.2.0.txt next to the repository)
and writes redshank/data/patterns/cameo.patterns (the specific lines: a verb with words or a
particle), redshank/data/lexicon/cameo.tsv (each verb lemma's default reading, for the
trigger lexicon's back-off), plus LICENSE-cameo.txt beside each. The output is checked with
Redshank's own parsers and is deterministic.

How PETRARCH's format maps onto Redshank's (docs/patterns.md):

    &MILITARY / +TROOPS ...          ->  &C_MILITARY = troop ...  (lemmatised as spaCy does)
    ---  ASK   [---]  ---            ->  a block: its verbs share its patterns
    ASK  [020]                       ->  ask  020                 (a verb's own code wins)
    +ASK_FOR  /  +CARRY_OUT          ->  ask prep.for 020  /  carry+out ...  (spaCy decides)
    - * {HUMANITARIAN AID}  [0233]   ->  ask  obj:humanitarian_aid  0233
    - * (FOR &SECURITY)     [0234]   ->  ask  prep.for:&C_SECURITY  0234
    - PROSECUTOR * SENTENCE [173]    ->  ask  subj:prosecutor  obj:sentence  173
    - * OFF &WEAPON         [183]    ->  set+off  obj:&C_WEAPON  183  ("set off" is phrasal)
    [042:043]                        ->  042 (the code for the source acting on the target)

Words after the verb become `obj:` constraints: PETRARCH2 matches them as noun phrases of
the verb phrase, and Redshank's `arg:` would also search reported and infinitive clauses
("said the attack..."), which the coder codes on their own. A (PREP ...) group right after
the verb is its prepositional phrase; one after a noun may hang on that noun, so its words
go to `obj:` too. PETRARCH's null code [---] on a pattern is written as 010, which the
crosswalk drops: such a line still blocks a weaker default ("appeal a court ruling").

Nothing is dropped for being a verb core.patterns also defines, or a verb the modality stage
reads as a cue on its complement ("asked them to leave" is a REQUEST and the modality stage
still reads "leave"): the coder ranks hand-written patterns above converted ones and
converted ones above the lexicon's defaults. PETRARCH coded events only between a source
and a target; PLOVER does not require a recipient except for COOPERATE, AID and SANCTION
(manual sections 3.5.2, 3.6.2, 3.13.2), and a CONSULT needs two parties; only lines of those
types carry `needs=2`, so one-sided events ("protesters marched", "Iran rejected the
plan") are coded.

A verb alone gets its block's code (a "default") only where PETRARCH's data supports that
reading; defaults go to the lexicon file, one per lemma (the line read last wins). A default is
left out (and counted) when the code is [---] or CAMEO 01x (statements are not events);
when the verb is neither its block's head, nor in a block of at most three verbs, nor a
phrasal form such as "wipe out" (blocks
are "synonymous with respect to the patterns", PETRARCH's manual says, and the members
are WordNet synonyms such as leave/travel in GO_SOMEWHERE [040]); when the block's own
patterns mostly code another cue category (GENERIC_DEFAULT_SHARE); or when most of them
code the target only ([:190], "X died in the raid": the subject is the victim).

A block's patterns hold for a multi-word form only with the form's own words: "- * TRIP
[160]" in CANCEL is "take leave ... trip" for +TAKE_LEAVE, never "take a trip".

A pattern whose only words are a bare preposition ("- * (TO)") is
left out: PETRARCH wants the target actor in that phrase, and any phrase with that
preposition would do here. Patterns the format cannot express are dropped and counted.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from redshank.coding.patterns import (  # noqa: E402
    TRIGGER,
    PatternSet,
    parse_lexicon,
    parse_patterns,
)
from redshank.coding.plover import NOT_AN_EVENT, Ontology, load_ontology  # noqa: E402
from redshank.parse import load_nlp  # noqa: E402

SOURCE_NAME = "CAMEO.2.0.txt"
SET_PREFIX = "&C_"
NULL_CODE = "---"
NO_EVENT_CODE = "010"
MARKERS = frozenset("$+%^")
ARTICLES = frozenset({"a", "an", "the"})
# Auxiliaries and negation before the verb: Redshank's modality stage reads these itself.
AUXILIARIES = frozenset({"will", "would", "not", "has", "have", "had", "is", "are", "was",
                         "were", "been", "be", "did", "does", "do", "can", "could", "may"})
# Words that can be particles; spaCy then decides, verb by verb, whether they are one.
PARTICLE_CANDIDATES = frozenset({
    "up", "down", "out", "off", "in", "on", "over", "back", "away", "aside", "forward",
    "through", "together", "around", "about", "along", "apart", "behind", "by", "forth",
})
GENERIC_DEFAULT_SHARE = 0.25  # below this share of patterns in the default's category...
GENERIC_MIN_PATTERNS = 8  # ...among at least this many, a block's default is too generic
MAX_PHRASE_EXPANSION = 400
# A block of this many verbs or fewer is a tight synonym set (KIDNAP: abduct kidnap; WARN:
# caution warn), so each verb takes the block's reading; larger blocks (GO_SOMEWHERE: go,
# depart, attend, embark ...) share patterns, not meaning.
SYNONYM_BLOCK_VERBS = 3
TOKEN = re.compile(r"[(){}]|[^\s(){}]+")
HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
CODE_FIELD = re.compile(r"\[([^\]]*)\]")


# ---------------------------------------------------------------- reading PETRARCH's file


@dataclass
class VerbForm:
    """One verb line of a block (`ASK [020]`, `+ASK_FOR {...}`); inflections are not kept."""

    form: str
    code: str | None
    line: int


@dataclass
class RawPattern:
    """One `- words * words [code]` line."""

    body: str
    code: str
    line: int


@dataclass
class Block:
    """A verb synonym block: its verbs share its code and its patterns."""

    name: str
    code: str
    line: int
    verbs: list[VerbForm] = field(default_factory=list)
    patterns: list[RawPattern] = field(default_factory=list)


@dataclass
class Dictionary:
    synsets: dict[str, list[str]]
    blocks: list[Block]


def read_dictionary(text: str) -> Dictionary:
    """Synsets and verb blocks of a PETRARCH verb dictionary, in file order."""
    synsets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    current_set: str | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw.startswith("#######") and "TRANSFORMATIONS" in raw:
            break
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if current_set and line.startswith("+"):
            synsets[current_set].append(line[1:].strip())
            continue
        current_set = None
        if line.startswith("&"):
            current_set = line.split()[0].rstrip("_")
            synsets[current_set] = []
        elif header := HEADER.match(line):
            blocks.append(Block(header.group(1), header.group(2).strip(), number))
        elif line.startswith("-") and blocks:
            codes = CODE_FIELD.findall(line)
            body = CODE_FIELD.split(line[1:], maxsplit=1)[0].strip()
            blocks[-1].patterns.append(RawPattern(body, codes[0] if codes else "", number))
        elif blocks:
            code = CODE_FIELD.search(line)
            form = re.split(r"[\s{\[]", line, maxsplit=1)[0]
            blocks[-1].verbs.append(
                VerbForm(form, code.group(1).strip() if code else None, number))
    return Dictionary(synsets, blocks)


# ------------------------------------------------------------------- spaCy's view of words


class Lexicon:
    """What spaCy, as Redshank runs it, makes of dictionary words: tokens, lemmas, particles."""

    def __init__(self) -> None:
        self.nlp = load_nlp()
        self._parses: dict[str, list[tuple[str, str, str, int]]] = {}

    def _parse(self, text: str) -> list[tuple[str, str, str, int]]:
        if text not in self._parses:
            self._parses[text] = [(t.lower_, t.lemma_.lower(), f"{t.tag_}/{t.dep_}", t.head.i)
                                  for t in self.nlp(text)]
        return self._parses[text]

    def tokens(self, word: str) -> tuple[str, ...]:
        """A dictionary word as the coder sees it: its tokens, plural nouns lemmatised."""
        inner = self._parse(f"They discussed the {word.lower()} today.")[3:-2]
        return tuple(lemma if tag.startswith("NNS/") else lower
                     for lower, lemma, tag, _ in inner)

    def verb_lemma(self, verb: str) -> str:
        return self._parse(f"They {verb.lower()} it.")[1][1]

    def roles(self, verb: str, words: list[str]) -> list[str]:
        """How spaCy reads words after a verb: "prt" (its particle: "carry out the plan"),
        "prep" (a preposition: "ask for the plan") or "word"."""
        parse = self._parse(f"They {verb} {' '.join(words)} the plan.")
        if len(parse) != len(words) + 5:
            return ["word"] * len(words)
        roles = []
        for _, _, tag, head in parse[2:2 + len(words)]:
            if tag.endswith("/prt") and head == 1:
                roles.append("prt")
            elif tag in ("IN/prep", "TO/prep"):
                roles.append("prep")
            else:
                roles.append("word")
        return roles

    def is_adverb(self, word: str) -> bool:
        """An adverb after a verb that spaCy does not read as a noun in a noun's place."""
        as_noun = self._parse(f"They discussed the {word.lower()} today.")[3][2]
        return (self._parse(f"They answered {word.lower()}.")[2][2].startswith("RB/")
                and not as_noun.startswith("NN"))

    def is_particle(self, verb: str, word: str) -> bool:
        return self.roles(verb, [word]) == ["prt"]

    def is_preposition(self, word: str) -> bool:
        return self.roles("waited", [word]) == ["prep"]


# ------------------------------------------------------------------ patterns -> constraints


class Unsupported(Exception):
    """Something the format cannot express; the message is the reason it is counted under."""


@dataclass(frozen=True)
class Words:
    """Alternative word sequences: one word, a {phrase} (expanded over synsets), a synset."""

    spec: str  # as written in the output: "a_b", "a_b|c_d" or "&C_SET"
    adverb: bool = False
    preposition: bool = False


@dataclass(frozen=True)
class Prep:
    """A (PREP words) group: a prepositional phrase and the words it must contain."""

    prep: str
    content: tuple[Words, ...]


Item = Words | Prep


@dataclass(frozen=True)
class Body:
    """A pattern's items before and after the verb; `leading` may be the verb's particle."""

    before: tuple[Item, ...]
    after: tuple[Item, ...]
    leading: str | None = None


@dataclass
class Converter:
    """Turns dictionary words and patterns into Redshank constraints, counting what it drops."""

    synsets: dict[str, list[str]]
    lexicon: Lexicon
    ontology: Ontology
    dropped: Counter[str] = field(default_factory=Counter)
    notes: Counter[str] = field(default_factory=Counter)
    used_sets: dict[str, str] = field(default_factory=dict)

    def word(self, raw: str) -> tuple[str, ...]:
        words = tuple(t for part in raw.replace("_", " ").split()
                      for t in self.lexicon.tokens(part))
        if not words or any(bad in w for w in words for bad in "#|=&*_+$%^"):
            raise Unsupported("word the format cannot hold")
        return words

    def synset(self, raw: str) -> str:
        """The output name of a synset, defining it on first use."""
        name = raw.rstrip("_")
        if name not in self.synsets:
            raise Unsupported("undefined synset")
        out = SET_PREFIX + name[1:]
        if out not in self.used_sets:
            self.used_sets[out] = " ".join(self.members(name))
        return out

    def members(self, name: str) -> list[str]:
        members: list[str] = []
        for member in self.synsets[name]:
            try:
                sequence = "_".join(self.word(member))
            except Unsupported:
                self.notes["synset member the format cannot hold, left out"] += 1
                continue
            if sequence not in members:
                members.append(sequence)
        return members

    def phrase(self, raws: list[str]) -> Words:
        """A {A B} phrase: one word sequence, expanded over the synsets it contains."""
        choices: list[list[str]] = []
        for raw in raws:
            if raw in MARKERS:
                continue
            if raw.startswith("&"):
                self.synset(raw)
                choices.append(self.members(raw.rstrip("_")))
            else:
                choices.append(["_".join(self.word(raw))])
        if not choices:
            raise Unsupported("empty phrase")
        if len(choices) > 1 and any(len(c) > 1 for c in choices):
            size = 1
            for choice in choices:
                size *= len(choice)
            if size > MAX_PHRASE_EXPANSION:
                raise Unsupported("phrase with synsets too large to expand")
            self.notes["phrase with synsets, expanded into word sequences"] += 1
        sequences = dict.fromkeys("_".join(p) for p in itertools.product(*choices))
        return Words("|".join(sequences))

    def single(self, raw: str) -> Words | None:
        """A bare word or synset; None for markers and articles, which match nothing."""
        if raw in MARKERS:
            return None
        if any(m in raw for m in MARKERS):
            raise Unsupported("actor marker glued to a word")
        if raw.startswith("&"):
            return Words(self.synset(raw))
        words = self.word(raw)
        if len(words) == 1 and words[0] in ARTICLES:
            return None
        alone = words[0] if len(words) == 1 and words[0].isalpha() else ""
        return Words("_".join(words), adverb=bool(alone) and self.lexicon.is_adverb(alone),
                     preposition=bool(alone) and self.lexicon.is_preposition(alone))

    def items(self, tokens: list[str]) -> list[tuple[str | None, Item]]:
        """(the bare word or None, item) for one side of a pattern."""
        out: list[tuple[str | None, Item]] = []
        i = 0
        while i < len(tokens):
            token = tokens[i]
            if token in ("(", "{"):
                close = ")" if token == "(" else "}"
                if close not in tokens[i:]:
                    raise Unsupported("unbalanced brackets")
                end = tokens.index(close, i)
                inner = tokens[i + 1:end]
                out.extend([(None, self.phrase(inner))] if token == "{"
                           else self.prep_group(inner))
                i = end + 1
                continue
            if token in (")", "}"):
                raise Unsupported("unbalanced brackets")
            words = self.single(token)
            if words is not None:
                out.append((token.lower(), words))
            i += 1
        return out

    def prep_group(self, tokens: list[str]) -> list[tuple[str | None, Item]]:
        """(PREP words): a prepositional phrase if spaCy reads PREP as one, else plain words."""
        if not tokens:
            raise Unsupported("empty prepositional phrase")
        head = tokens[0].lower()
        if not re.fullmatch(r"[a-z]+", head):
            raise Unsupported("malformed preposition")
        if not self.lexicon.is_preposition(head):
            return self.items(tokens)
        content = []
        for _, item in self.items(tokens[1:]):
            if isinstance(item, Prep):
                raise Unsupported("prepositional phrase inside a prepositional phrase")
            content.append(item)
        return [(None, Prep(head, tuple(content)))]

    def parse_body(self, body: str) -> Body:
        tokens = TOKEN.findall(body)
        if tokens.count("*") != 1:
            raise Unsupported("verb glued to words (SPY_*_DEAL)")
        star = tokens.index("*")
        before, after = tokens[:star], tokens[star + 1:]
        if any(t.lower() in AUXILIARIES for t in before):
            raise Unsupported("auxiliary or negation before the verb")
        after_items = self.items(after)
        leading = after_items[0][0] if after_items else None
        return Body(tuple(item for _, item in self.items(before)),
                    tuple(item for _, item in after_items),
                    leading if leading in PARTICLE_CANDIDATES else None)

    def constraints(self, verb: str, body: Body, particle: str | None
                    ) -> tuple[str | None, tuple[str, ...]]:
        """(particle, constraints) of a pattern for one verb of its block."""
        after = list(body.after)
        if particle is None and body.leading and self.lexicon.is_particle(verb, body.leading):
            particle, after = body.leading, after[1:]
        if any(isinstance(i, Words) and i.preposition for i in (*body.before, *after)):
            raise Unsupported("preposition outside (...): PETRARCH2 reads it as a noun, "
                              "so the pattern never matched")
        out: list[str] = []
        for item in body.before:
            if isinstance(item, Prep):
                out.extend(f"subj:{w.spec}" for w in item.content)
            else:
                out.append(f"{'arg' if item.adverb else 'subj'}:{item.spec}")
        seen_noun = False
        for item in after:
            if isinstance(item, Words) and item.adverb:
                out.append(f"arg:{item.spec}")
            elif isinstance(item, Words):
                out.append(f"obj:{item.spec}")
                seen_noun = True
            elif not seen_noun:
                out.extend([f"prep.{item.prep}:{w.spec}" for w in item.content]
                           or [f"prep.{item.prep}"])
            else:
                out.extend([f"obj:{w.spec}" for w in item.content] or [f"obj:{item.prep}"])
        return particle, tuple(dict.fromkeys(out))

    def code(self, raw: str) -> str:
        """The CAMEO code a line gives the source acting on the target ([a:b] -> a)."""
        first, colon, _ = raw.partition(":")
        first = first.strip()
        if not first and colon:
            raise Unsupported("code for the target only ([:code]): roles reversed")
        if first == NULL_CODE:
            return NO_EVENT_CODE
        if not re.fullmatch(r"\d{3,4}", first):
            raise Unsupported("malformed code")
        if self.ontology.lookup(first) is None:
            raise Unsupported("CAMEO code not in the crosswalk")
        return first


# ------------------------------------------------------------------ verbs and their triggers


@dataclass(frozen=True)
class Trigger:
    """A verb of a block: lemma, particle, and the words of a multi-word form."""

    lemma: str
    particle: str | None = None
    constraints: tuple[str, ...] = ()

    def text(self) -> str:
        return f"{self.lemma}+{self.particle}" if self.particle else self.lemma

    def is_phrase(self) -> bool:
        """A phrasal verb or a verb with its words ("wipe out", "wage war"), not "go to"."""
        return bool(self.particle) or any(c.startswith("obj:") for c in self.constraints)


def verb_trigger(form: VerbForm, converter: Converter, listed: set[str]) -> Trigger:
    """The trigger of one verb line: a lemma, a phrasal verb, or a verb with constraints."""
    words = [w.lower() for w in form.form.split("_")]
    if any(w.startswith("+") for w in words[1:]):
        raise Unsupported("words before the verb in a multi-word form")
    verb, rest = words[0].lstrip("+"), words[1:]
    if not TRIGGER.match(verb) or "+" in verb:
        raise Unsupported("verb form that is not a single word")
    if not rest:
        lemma = converter.lexicon.verb_lemma(verb)
        if lemma != verb and lemma in listed:
            raise Unsupported("inflected form of a listed verb")
        return Trigger(verb)
    if rest[0] in ("and", "or"):
        raise Unsupported("compound verb form (X and Y)")
    roles = converter.lexicon.roles(verb, rest)
    particle = None
    if roles[0] == "prt":
        particle, rest, roles = rest[0], rest[1:], roles[1:]
    after: list[Item] = []
    for i, (word, role) in enumerate(zip(rest, roles, strict=True)):
        if role == "prep":
            content = (converter.single(x) for x in rest[i + 1:])
            after.append(Prep(word, tuple(w for w in content if w is not None)))
            break
        single = converter.single(word)
        if single is not None:
            after.append(Words(single.spec, adverb=single.adverb))
    _, constraints = converter.constraints(verb, Body((), tuple(after)), particle)
    return Trigger(verb, particle, constraints)


# -------------------------------------------------------------------------- the conversion


@dataclass
class Line:
    trigger: str
    constraints: tuple[str, ...]
    code: str
    source: int
    event: bool = True

    def key(self) -> tuple[str, frozenset[str]]:
        return self.trigger, frozenset(self.constraints)


@dataclass
class Result:
    lines: list[Line]
    sets: dict[str, str]
    verbs: int
    dropped: Counter[str]
    notes: Counter[str]


def convert(dictionary: Dictionary, lexicon: Lexicon, ontology: Ontology) -> Result:
    """All pattern lines of the dictionary in file order, later duplicates winning."""
    converter = Converter(dictionary.synsets, lexicon, ontology)
    listed = {v.form.lower() for b in dictionary.blocks for v in b.verbs if "_" not in v.form}
    lines: list[Line] = []
    verbs: set[str] = set()
    for block in dictionary.blocks:
        triggers: list[tuple[Trigger, VerbForm]] = []
        for form in block.verbs:
            try:
                triggers.append((verb_trigger(form, converter, listed), form))
            except Unsupported as reason:
                converter.dropped[f"verb: {reason}"] += 1
        parsed: list[tuple[RawPattern, Body, str]] = []
        for raw in block.patterns:
            try:
                parsed.append((raw, converter.parse_body(raw.body), converter.code(raw.code)))
            except Unsupported as reason:
                converter.dropped[f"pattern: {reason}"] += 1
        for trigger, form in triggers:
            verbs.add(trigger.text())
            head = (form.code is not None or len(triggers) <= SYNONYM_BLOCK_VERBS
                    or trigger.lemma == block.name.lower() or trigger.is_phrase())
            lines.extend(default_lines(trigger, form, block, parsed, head, converter))
        bases = list(dict.fromkeys(Trigger(t.lemma, t.particle, t.constraints)
                                   for t, _ in triggers))
        for raw, body, code in parsed:
            for base in bases:
                try:
                    particle, own = converter.constraints(base.lemma, body, base.particle)
                except Unsupported as reason:
                    converter.notes[f"line left out: {reason}"] += 1
                    continue
                if not own and particle == base.particle:
                    converter.notes["line left out: no words once actor markers are gone"] += 1
                    continue
                if particle == base.particle and all(":" not in c for c in own):
                    converter.notes["line left out: only a bare (PREP), where PETRARCH wants "
                                    "the target actor"] += 1
                    continue
                if base.constraints:
                    converter.notes["line of a multi-word form keeps the form's words"] += 1
                constraints = tuple(dict.fromkeys((*base.constraints, *own)))
                event = converter.ontology.lookup(code).event != NOT_AN_EVENT
                lines.append(Line(Trigger(base.lemma, particle).text(), constraints, code,
                                  raw.line, event))
    latest: dict[tuple[str, frozenset[str]], Line] = {}
    for line in lines:
        previous = latest.pop(line.key(), None)
        if previous is not None:
            converter.notes["same trigger and words as a later line, which wins"
                            if previous.code != line.code else "exact duplicate merged"] += 1
        latest[line.key()] = line
    kept = sorted(latest.values(), key=lambda x: (x.source, x.trigger, x.constraints))
    used = {c.split(":", 1)[1] for line in kept for c in line.constraints if ":&" in c}
    sets = {name: members for name, members in converter.used_sets.items() if name in used}
    return Result(kept, sets, len(verbs), converter.dropped, converter.notes)


def default_lines(trigger: Trigger, form: VerbForm, block: Block,
                  parsed: list[tuple[RawPattern, Body, str]], head: bool,
                  converter: Converter) -> list[Line]:
    """The line for a verb on its own (or with the words of its multi-word form)."""
    code = form.code if form.code is not None else block.code
    if not code or code.startswith(NULL_CODE):
        converter.dropped["default: [---], no event on its own"] += 1
        return []
    try:
        cameo = converter.code(code)
    except Unsupported as reason:
        converter.dropped[f"default: {reason}"] += 1
        return []
    reason = None
    if converter.ontology.lookup(cameo).event == NOT_AN_EVENT:
        reason = "CAMEO 01x statement, not an event"
    elif not head:
        reason = "block member other than its head verb (shares patterns, not meaning)"
    elif is_generic(block, parsed):
        reason = "block whose patterns mostly code another cue category"
    elif is_reversed(block):
        reason = "block whose subject is mostly the target ([:code] patterns)"
    if reason:
        converter.dropped[f"default: {reason}"] += 1
        return []
    return [Line(trigger.text(), trigger.constraints, cameo, form.line)]


def is_generic(block: Block, parsed: list[tuple[RawPattern, Body, str]]) -> bool:
    """Whether the block's default is a poor guess: its own patterns mostly leave its CAMEO
    cue category ("give" in GRANT [060]: most patterns code 07x aid, 10x demands...)."""
    if len(parsed) < GENERIC_MIN_PATTERNS or not block.code[:1].isdigit():
        return False
    same = sum(code[:2] == block.code[:2] for _, _, code in parsed)
    return same / len(parsed) < GENERIC_DEFAULT_SHARE


def is_reversed(block: Block) -> bool:
    """Whether most coded patterns of the block give a code for the target only."""
    codes = [p.code.strip() for p in block.patterns]
    coded = [c for c in codes if c and not c.startswith(NULL_CODE)]
    return (len(coded) >= GENERIC_MIN_PATTERNS
            and 2 * sum(c.startswith(":") for c in coded) >= len(coded))


# ------------------------------------------------------------------------------- output


# PLOVER types that need a second party: "Requires recipient: Yes" (manual 3.5.2, 3.6.2,
# 3.13.2), and CONSULT, where a meeting of one actor is not a consultation.
NEEDS_TWO = frozenset({"CONSULT", "COOPERATE", "AID", "SANCTION"})

FILE_HEADER = """\
# Redshank event patterns converted from the CAMEO.2.0 verb dictionary of PETRARCH2
# (github.com/openeventdata/petrarch2), (c) 2015 Open Event Data Alliance, MIT License:
# see LICENSE-cameo.txt. Generated by scripts/convert_cameo.py; do not edit by hand.
# Format: docs/patterns.md. Word sets are prefixed &C_; "# L123" is the line in
# CAMEO.2.0.txt. PETRARCH's null code [---] is written 010 (the crosswalk drops it).
# Only specific lines are here (a verb with words or a particle); each verb lemma's default
# reading is in redshank/data/lexicon/cameo.tsv. Hand-written patterns outrank these lines.
# needs=2 only on CONSULT, COOPERATE, AID and SANCTION lines (PLOVER needs a recipient).
"""

LEXICON_HEADER = """\
# Trigger lexicon: each CAMEO verb lemma's default reading, from the CAMEO.2.0 verb
# dictionary of PETRARCH2 (github.com/openeventdata/petrarch2), (c) 2015 Open Event Data
# Alliance, MIT License: see LICENSE-cameo.txt. Generated by scripts/convert_cameo.py; do not
# edit by hand. Format: redshank/data/lexicon/README.md. SOURCE names the CAMEO.2.0.txt
# line of the verb (the block head's code when the verb has none of its own).
"""


def is_default(line: Line) -> bool:
    """A verb lemma alone: the lexicon's back-off reading, not a specific pattern."""
    return not line.constraints and "+" not in line.trigger


def needs(line: Line, ontology: Ontology) -> tuple[str, ...]:
    return ("needs=2",) if ontology.lookup(line.code).event in NEEDS_TWO else ()


def render(result: Result, ontology: Ontology) -> str:
    out = [FILE_HEADER, "\n"]
    out.extend(f"{name} = {members}\n" for name, members in result.sets.items())
    out.append("\n")
    lines = [line for line in result.lines if not is_default(line)]
    width = max(len(line.trigger) for line in lines) + 2
    for line in lines:
        text = " ".join((f"{line.trigger:<{width - 1}}", *line.constraints, line.code,
                         *needs(line, ontology)))
        out.append(f"{text:<60} # L{line.source}\n")
    return "".join(out)


def render_lexicon(result: Result, ontology: Ontology) -> str:
    """One default per lemma; where blocks disagree the line read last wins, as in PETRARCH."""
    defaults: dict[str, Line] = {}
    for line in sorted((x for x in result.lines if is_default(x)), key=lambda x: x.source):
        defaults.pop(line.trigger, None)
        defaults[line.trigger] = line
    out = [LEXICON_HEADER, "\n"]
    for line in sorted(defaults.values(), key=lambda x: x.trigger):
        text = " ".join((f"{line.trigger:<18}", line.code, *needs(line, ontology)))
        out.append(f"{text}\t{SOURCE_NAME} L{line.source}\n")
    return "".join(out)


def write_license(source: str, target: Path, derived: str) -> None:
    """The MIT notice from the head of CAMEO.2.0.txt, with what was derived from it."""
    notice = source[source.index("# The MIT License"):source.index("# LAST UPDATE")]
    lines = [line[2:] if line.startswith("# ") else line.lstrip("#")
             for line in notice.splitlines()]
    header = (
        f"{derived} in this directory is derived from CAMEO.2.0.txt, the verb pattern\n"
        "dictionary distributed with PETRARCH2 (github.com/openeventdata/petrarch2, commit\n"
        "676801c), by the Open Event Data Alliance (developed with funding from the U.S.\n"
        "National Science Foundation). It was converted by scripts/convert_cameo.py: verbs\n"
        "and words lemmatised, patterns rewritten as dependency constraints, some defaults\n"
        "and patterns left out. The original notice follows.\n\n"
    )
    target.write_text(header + "\n".join(lines).strip() + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Convert, check with the real parser, write, and print what was kept and dropped."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cameo", type=Path,
                        default=REPO.parent / "shared" / "data" / "phoenix" / SOURCE_NAME)
    parser.add_argument("--out", type=Path,
                        default=REPO / "redshank" / "data" / "patterns" / "cameo.patterns")
    parser.add_argument("--lexicon", type=Path,
                        default=REPO / "redshank" / "data" / "lexicon" / "cameo.tsv")
    args = parser.parse_args(argv)
    source = args.cameo.read_text(encoding="utf-8")
    ontology = load_ontology()
    result = convert(read_dictionary(source), Lexicon(), ontology)
    text, lexicon = render(result, ontology), render_lexicon(result, ontology)
    patterns = PatternSet()
    parse_patterns(text, args.out.name, ontology, patterns, {})
    parse_lexicon(lexicon, args.lexicon.name, ontology, patterns, {})
    args.out.write_text(text, encoding="utf-8")
    args.lexicon.write_text(lexicon, encoding="utf-8")
    for output in (args.out, args.lexicon):
        write_license(source, output.parent / "LICENSE-cameo.txt", output.name)
    print_summary(result, patterns)
    return 0


def print_summary(result: Result, patterns: PatternSet) -> None:
    print(f"verbs: {result.verbs} ({len(patterns.triggers())} triggers written); "
          f"word sets: {len(result.sets)}")
    print(f"pattern lines written: {len(patterns)} with a particle or constraints; "
          f"lexicon defaults: {len(patterns.lexicon)} verb lemmas")
    print(f"dropped from the source ({sum(result.dropped.values())}):")
    for reason, count in sorted(result.dropped.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {count:6d}  {reason}")
    print("generated lines left out or merged, and other notes:")
    for reason, count in sorted(result.notes.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {count:6d}  {reason}")


if __name__ == "__main__":
    raise SystemExit(main())
