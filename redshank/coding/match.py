"""Matching: which reading (pattern, lexicon default or discard) a trigger token takes."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from redshank.coding.patterns import (
    TIER_CURATED,
    TIER_WRITTEN,
    Constraint,
    Pattern,
    PatternSet,
)
from redshank.coding.syntax import (
    COMPLEMENT_DEPS,
    OBJECT_DEPS,
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    particle,
    subtree_excluding,
)
from redshank.knowledge import words

TOPIC_PREPOSITIONS = words("topic_prepositions")
CLAUSE_PREPOSITIONS = words("clause_prepositions")


def _told_about(token: Token) -> bool:
    """A phrase of what is told about ("details about its troops")."""
    return token.dep_ == "prep" and token.lower_ in TOPIC_PREPOSITIONS


def _other_act(token: Token) -> bool:
    """A prepositional phrase that is a clause of its own ("before sending troops")."""
    return token.dep_ == "prep" and token.lower_ in CLAUSE_PREPOSITIONS and any(
        c.dep_ == "pcomp" and c.pos_ in ("VERB", "AUX") for c in token.children)


def _region(trigger: Token, role: str, prep: str | None) -> list[Token]:
    """The tokens where a constraint's words must appear."""
    kids = [c for c in trigger.children if not _dates_only(c)]
    if role == "prep":
        return [t for c in kids if c.dep_ == "prep" and c.lower_ == prep
                for t in c.subtree if t.i != c.i]
    if role == "subj":
        return [t for c in kids if c.dep_ in SUBJECT_DEPS for t in c.subtree]
    if role == "obj":
        deps = OBJECT_DEPS | PASSIVE_SUBJECT_DEPS | {"dative"}
        objects = [c for c in kids if c.dep_ in deps]
        if trigger.dep_ == "acl":
            objects.append(trigger.head)
        region: list[Token] = []
        for obj in objects:
            region.append(obj)
            for child in obj.children:
                if _told_about(child):  # what is told about, not given: "details about"
                    continue
                if child.dep_ in ("compound", "prep"):  # "a missile defence system"
                    region.extend(child.subtree)
                elif child.dep_ in ("amod", "pobj"):
                    region.append(child)
        return region
    if role == "comp":
        return [t for c in kids if c.dep_ in COMPLEMENT_DEPS for t in c.subtree]
    # the predicate: not its subject, nor an adverbial clause ("as the summit drew to a
    # close", "before sending troops"), nor what is told about ("details about its troops")
    excluded = [c for c in kids if c.dep_ in SUBJECT_DEPS or c.dep_ in ("agent", "advcl")
                or _other_act(c)]
    excluded += [t for t in trigger.subtree if t.i != trigger.i and _told_about(t)]
    return [t for t in subtree_excluding(trigger, excluded) if t.i != trigger.i]


CALENDAR_WORDS = words("weekdays", "months", "day_words")


def _dates_only(prep: Token) -> bool:
    """A prepositional phrase that only says when ("on Wednesday", "in 2011")."""
    if prep.dep_ != "prep":
        return False
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(
        o.lower_ in CALENDAR_WORDS or (o.like_num and len(o.text) == 4) for o in objects)


@dataclass(slots=True)
class _Region:
    """A constraint region's words, computed once per trigger and role."""

    tokens: list[Token]
    words: set[str]
    keys: dict[int, tuple[str, str]]

    @classmethod
    def of(cls, tokens: list[Token]) -> _Region:
        """Lemmas and lower-cased texts; proper names never match ("Free Trade")."""
        ordered = sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)
        keys = {t.i: (t.lemma_.lower(), t.lower_) for t in ordered if t.pos_ != "PROPN"}
        return cls(ordered, {w for pair in keys.values() for w in pair}, keys)

    def has(self, words: tuple[str, ...]) -> bool:
        if len(words) == 1:
            return words[0] in self.words
        if words[0] not in self.words:
            return False
        return any(all(t.i + k in self.keys and word in self.keys[t.i + k]
                       for k, word in enumerate(words)) for t in self.tokens)


class _SentenceWords:
    """The lemmas and lower-cased words of the last sentence asked about (triggers come
    sentence by sentence, so one entry is enough)."""

    def __init__(self) -> None:
        self.sentence: SpacySpan | None = None
        self.words: frozenset[str] = frozenset()

    def __call__(self, sentence: SpacySpan) -> frozenset[str]:
        last = self.sentence
        if (last is None or last.doc is not sentence.doc or last.start != sentence.start
                or last.end != sentence.end):
            self.sentence = sentence
            self.words = frozenset(word for token in sentence
                                   for word in (token.lemma_.lower(), token.lower_))
        return self.words


_sentence_words = _SentenceWords()


class _Regions:
    """Lazily computed constraint regions of one trigger, and its sentence's words."""

    def __init__(self, trigger: Token) -> None:
        self.trigger = trigger
        self.cache: dict[tuple[str, str | None], _Region] = {}
        self.present = _sentence_words(trigger.sent)

    def possible(self, pattern: Pattern) -> bool:
        """False when a constraint's words are nowhere in the sentence (a cheap first test:
        every region lies inside the trigger's sentence)."""
        return all(c.keys is None or not c.keys.isdisjoint(self.present)
                   for c in pattern.constraints)

    def get(self, role: str, prep: str | None) -> _Region:
        key = (role, prep)
        if key not in self.cache:
            self.cache[key] = _Region.of(_region(self.trigger, role, prep))
        return self.cache[key]


def _holds(constraint: Constraint, regions: _Regions) -> bool:
    if constraint.role == "prep" and not constraint.words:
        return any(c.dep_ == "prep" and c.lower_ == constraint.prep and not _dates_only(c)
                   for c in regions.trigger.children)
    region = regions.get(constraint.role, constraint.prep)
    if ("*",) in constraint.words:
        return bool(region.tokens)
    return any(region.has(words) for words in constraint.words)


def _best(patterns: list[Pattern], regions: _Regions) -> Pattern | None:
    """The highest-ranked pattern whose constraints all hold (the last listed on a tie)."""
    best: Pattern | None = None
    for pattern in patterns:
        if best is not None and pattern.rank < best.rank:
            continue
        if regions.possible(pattern) and all(_holds(c, regions) for c in pattern.constraints):
            best = pattern
    return best


class _Index:
    """One trigger's patterns, by particle, findable by a word each needs in the sentence.

    A pattern whose constraints name words is filed under the words of its narrowest
    constraint: a sentence with none of them cannot hold it, so a trigger with hundreds of
    patterns ("say", "set") tests only those its sentence can hold, best-ranked first.
    """

    def __init__(self, patterns: list[Pattern]) -> None:
        self.unkeyed: dict[str | None, list[tuple[tuple, Pattern]]] = {}
        self.keyed: dict[str | None, dict[str, list[tuple[tuple, Pattern]]]] = {}
        for position, pattern in enumerate(patterns):
            entry = ((*pattern.rank, position), pattern)
            keys = [c.keys for c in pattern.constraints if c.keys is not None]
            if not keys:
                self.unkeyed.setdefault(pattern.particle, []).append(entry)
                continue
            filed = self.keyed.setdefault(pattern.particle, {})
            for word in min(keys, key=len):
                filed.setdefault(word, []).append(entry)

    def best(self, prt: str | None, regions: _Regions) -> Pattern | None:
        entries = list(self.unkeyed.get(prt, ()))
        filed = self.keyed.get(prt)
        if filed:
            for word in regions.present.intersection(filed):
                entries.extend(filed[word])
        for _, pattern in sorted(entries, key=lambda entry: entry[0], reverse=True):
            if regions.possible(pattern) and all(_holds(c, regions)
                                                 for c in pattern.constraints):
                return pattern
        return None


def _index(patterns: PatternSet, key: tuple[str, str, str], listed: list[Pattern]) -> _Index:
    index = patterns.indexes.get(key)
    if not isinstance(index, _Index):
        index = patterns.indexes[key] = _Index(listed)
    return index


def _stronger(pattern: Pattern | None, lexicon: Pattern | None) -> Pattern | None:
    """The trigger's patterns answer first; a curated lexicon sense with constraints
    ("dismiss obj:report" as a rejection) outranks a converted CAMEO line, not a
    hand-written one."""
    if pattern is None:
        return lexicon
    if (lexicon is not None and pattern.tier < TIER_CURATED and lexicon.tier == TIER_CURATED
            and lexicon.constraints):
        return lexicon
    return pattern


def match_pattern(trigger: Token, patterns: PatternSet) -> Pattern | None:
    """The reading of this token: its most specific pattern, else the lexicon's default.

    A phrasal verb none of whose own patterns or lexicon lines holds ("beat up the
    protesters") is read as the plain verb. A reading that is a bare trigger, a converted
    CAMEO line or a lexicon line gives way to a discard ("*" lexicon lines: a sports match,
    a company, the weather); a hand-written pattern with constraints does not.
    """
    pos = "noun" if trigger.pos_ == "NOUN" else "verb"
    lemma = trigger.lemma_.lower()
    listed = patterns.candidates(pos, lemma)
    lexicon = patterns.defaults(pos, lemma)
    if not listed and not lexicon:
        return None  # most words: nothing to match, no discard to check
    own = _index(patterns, (pos, lemma, "patterns"), listed) if listed else None
    senses = _index(patterns, (pos, lemma, "lexicon"), lexicon) if lexicon else None
    regions = _Regions(trigger)
    best = None
    for prt in dict.fromkeys((particle(trigger) if pos == "verb" else None, None)):
        best = own.best(prt, regions) if own else None
        if senses is not None and (best is None or best.tier < TIER_CURATED):
            best = _stronger(best, senses.best(prt, regions))
        if best is not None:
            break
    if best is not None and best.is_event and (best.tier < TIER_WRITTEN
                                               or not best.constraints):
        discard = _best(patterns.discards, regions)
        if discard is not None:
            return discard
    return best
