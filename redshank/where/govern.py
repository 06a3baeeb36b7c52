"""Choose the place where an event happened from the dependency parse of its sentence.

Not every place in a sentence is where the event happened: in "ministers from Britain
told a meeting in Wales" the event is in Wales. The rules, in order (each with the
explanation a user sees):

1. a locative phrase (in, at, near, outside, inside, ...) on the trigger or on a verb it
   controls ("agreed to meet in Geneva");
2. the object of a territorial trigger ("visited Baghdad", "the capture of Mosul"), or a
   city or region modifying the event noun or the subject ("a Kabul car bombing killed
   five");
3. a locative phrase inside one of the trigger's arguments ("Demonstrators in Baghdad
   blocked a road", "a NATO summit in Wales");
4. the same on the clauses that govern the trigger ("Kerry is in Paris for a conference
   the French government is hosting");
5. the setting of the trigger's clause: a participle clause sharing its subject
   ("Speaking in Paris, Kerry urged ...", "killed while working at a station in Leeds")
   or an occasion it happened during ("criticized Iran during a visit to Paris", "on a
   trip to Kabul");
6. a city or region the trigger moves to ("returned to Geneva");
7. otherwise nothing.

Inside a phrase, the most precise place wins ("in the town of Cizre in southeastern
Turkey" -> Cizre), then the nearest in the tree.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from redshank.knowledge import words
from redshank.where.mentions import PlaceMention

LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "within", "across",
                      "throughout", "around", "along", "off", "amid", "beside"})
DESTINATION = frozenset({"to", "into", "toward", "towards"})
# Links a locative phrase may follow down to a place: "an attack on a village in Herat".
PATH_PREPOSITIONS = LOCATIVE | {"of", "on"}
PATH_DEPS = frozenset({"pobj", "appos", "compound", "amod", "conj", "npadvmod", "nmod", "poss"})
CLIMB_DEPS = frozenset({"xcomp", "conj", "relcl", "acl", "advcl", "pcomp"})
CLAUSE_DEPS = CLIMB_DEPS | {"ccomp", "csubj", "csubjpass", "parataxis"}
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "oprd", "dative", "agent"})
NON_ARGUMENT_PREPS = frozenset({"from", "about", "than", "like", "despite"})
# Inside an argument, topic, possession and purpose phrases lead away from the event:
# "agreement on the fate of offices in Jerusalem", "a plan for a session in New York".
NESTED_EXCLUDED = frozenset({"of", "on", "over", "regarding", "concerning", "for"})
# Events whose object is the place they happen in.
TERRITORIAL = words("territorial_triggers")
NOUN_OBJECT_PREPS = frozenset({"of", "on", "to", "against"})
OCCASIONS = words("occasion_nouns")
OCCASION_PREPS = frozenset({"during", "on", "at", "after", "before", "while"})
PRECISION_RANK = {"city": 0, "admin1": 1, "country": 2, "none": 3}
DESTINATION_PRECISIONS = frozenset({"city", "admin1"})


def governing_place(trigger: Token, places: list[PlaceMention]
                    ) -> tuple[PlaceMention | None, str]:
    """The place where the trigger's event happened, with a human explanation."""
    sentence = trigger.sent
    at = {i: m for m in places if sentence.start <= m.head < sentence.end
          for i in range(m.token_start, m.token_end)}
    if not at:
        return None, "no place named in the sentence"
    own = list(_controlled(trigger))
    target = _territorial_object(trigger, at)
    for host in own:
        found = _locative(host, at)
        if found:
            mention, prep = found
            if target is not None and _within(target, mention):
                break
            inner = _object_locative(host, at)
            if inner is not None and _within(inner[0], mention):
                return inner[0], f"locative phrase inside the object '{inner[1].text}', " \
                                 f"within '{mention.text}'"
            where = "the event" if host.i == trigger.i else f"'{host.text}'"
            return mention, f"locative phrase '{prep.text} … {mention.text}' on {where}"
    if target is not None:
        return target, f"object of the territorial '{trigger.text}'"
    for noun in (trigger, *(c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass"))):
        setting = _modifying_setting(noun, at)
        if setting is not None:
            return setting, f"'{setting.text}' modifies '{noun.text}'"
    for host in own:
        found = _argument_locative(host, at)
        if found:
            mention, argument = found
            return mention, f"locative phrase inside '{argument.text}', an argument of " \
                            f"'{host.text}'"
    for clause in _governing_clauses(trigger):
        found = _locative(clause, at) or _argument_locative(clause, at)
        if found:
            mention, via = found
            return mention, f"locative phrase on the governing clause '{clause.text}' " \
                            f"(via '{via.text}')"
    for clause in (*own, *_governing_clauses(trigger)):
        found = _clause_setting(clause, at)
        if found:
            mention, via = found
            return mention, f"'{mention.text}' is the setting of '{via.text}', which " \
                            f"frames '{clause.text}'"
    for host in own:
        for prep in _preps(host, DESTINATION):
            for obj in _pobjs(prep):
                mention = _nearest_place(obj, at)
                if mention and mention.location.precision in DESTINATION_PRECISIONS:
                    return mention, f"destination '{prep.text} {mention.text}' of " \
                                    f"'{host.text}'"
    return None, "no place phrase governs the event"


def _clause_setting(clause: Token, at: dict[int, PlaceMention]
                    ) -> tuple[PlaceMention, Token] | None:
    """A place framing a whole clause: a participle clause with no subject of its own
    ("Speaking in Paris", "while working at Waterloo station") or an occasion ("during a
    visit to Paris", "at talks in Geneva", "on a trip to Kabul")."""
    for child in clause.children:
        if (child.dep_ == "advcl" and child.tag_ in ("VBG", "VBN")
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)):
            found = _locative(child, at)
            if found:
                return found[0], child
        if child.dep_ == "prep" and child.lower_ in OCCASION_PREPS:
            for occasion in _pobjs(child):
                if occasion.lemma_.lower() not in OCCASIONS:
                    continue
                found = _locative(occasion, at, LOCATIVE | DESTINATION)
                if found:
                    return found[0], occasion
    return None


def _territorial_object(trigger: Token, at: dict[int, PlaceMention]) -> PlaceMention | None:
    """The place a territorial trigger acts on ("captured Mosul"), if any."""
    if trigger.lemma_.lower() not in TERRITORIAL:
        return None
    for obj in _objects(trigger):
        mention = _nearest_place(obj, at)
        if mention:
            return mention
    return None


def _modifying_setting(trigger: Token, at: dict[int, PlaceMention]) -> PlaceMention | None:
    """A city or region naming an event noun's setting ("a Kabul car bombing", "the Aleppo
    offensive"); a country there is mostly who acts ("US sanctions")."""
    if trigger.pos_ != "NOUN":
        return None
    level = [c for c in trigger.children if c.dep_ in ("compound", "nmod")]
    while level:
        for token in level:
            mention = at.get(token.i)
            if mention is not None and mention.location.precision in DESTINATION_PRECISIONS:
                return mention
        level = [c for t in level for c in t.children if c.dep_ in ("compound", "nmod")]
    return None


def _within(inner: PlaceMention, outer: PlaceMention) -> bool:
    """A more precise place inside another ("Cizre" in "Turkey", "Punjab" in "Pakistan")."""
    if PRECISION_RANK[inner.location.precision] >= PRECISION_RANK[outer.location.precision]:
        return False
    if inner.place.country is None or inner.place.country != outer.place.country:
        return False
    return outer.place.kind != "admin1" or inner.place.admin1 == outer.place.admin1


def _object_locative(host: Token, at: dict[int, PlaceMention]
                     ) -> tuple[PlaceMention, Token] | None:
    """A locative phrase attached to the host's direct object ("a curfew in Cizre")."""
    for child in host.children:
        if child.dep_ == "dobj":
            found = _locative(child, at)
            if found:
                return found[0], child
    return None


def _controlled(trigger: Token) -> Iterator[Token]:
    """The trigger and the verbs it controls ("agreed to meet"), nearest first."""
    yield trigger
    for child in trigger.children:
        if child.dep_ == "xcomp":
            yield from _controlled(child)


def _governing_clauses(trigger: Token) -> Iterator[Token]:
    """Clause heads above the trigger, through the links that share its place and time.

    A noun trigger starts from the verb of its clause ("is in Paris for a conference").
    """
    current = trigger
    seen = {trigger.i}
    if trigger.pos_ not in ("VERB", "AUX") and trigger.head.i != trigger.i:
        current = _clause_head(trigger.head)
        if current.i in seen:
            return
        seen.add(current.i)
        yield current
    while current.dep_ in CLIMB_DEPS and current.head.i != current.i:
        current = _clause_head(current.head)
        if current.i in seen:
            return
        seen.add(current.i)
        yield current


def _clause_head(token: Token) -> Token:
    """The nearest verb at or above a token (the head of its clause)."""
    current = token
    while current.pos_ not in ("VERB", "AUX") and current.head.i != current.i:
        if current.dep_ in CLAUSE_DEPS:
            return current
        current = current.head
    return current


def _preps(host: Token, words: frozenset[str]) -> Iterator[Token]:
    for child in host.children:
        if child.dep_ == "prep" and child.lower_ in words:
            yield child


def _pobjs(prep: Token) -> Iterator[Token]:
    for child in prep.children:
        if child.dep_ == "pobj":
            yield child


def _locative(host: Token, at: dict[int, PlaceMention],
              prepositions: frozenset[str] = LOCATIVE) -> tuple[PlaceMention, Token] | None:
    """The best place in a locative phrase (or one of `prepositions`) attached to `host`."""
    for prep in _preps(host, prepositions):
        for obj in _pobjs(prep):
            mention = _nearest_place(obj, at)
            if mention:
                return mention, prep
    return None


def _argument_locative(host: Token, at: dict[int, PlaceMention]
                       ) -> tuple[PlaceMention, Token] | None:
    """A locative phrase inside the subject, object or a prepositional object of `host`.

    The phrase may be nested in the argument's own prepositional phrases ("strikes
    against militants in Yemen"); the shallowest one wins.
    """
    for argument in _arguments(host):
        queue = [argument]
        while queue:
            noun = queue.pop(0)
            found = _locative(noun, at)
            if found:
                return found[0], argument
            for child in noun.children:
                if (child.dep_ == "prep"
                        and child.lower_ not in NON_ARGUMENT_PREPS | LOCATIVE | NESTED_EXCLUDED):
                    queue.extend(_pobjs(child))
                elif child.dep_ in ("conj", "appos"):
                    queue.append(child)
    return None


def _arguments(host: Token) -> Iterator[Token]:
    for child in host.children:
        if child.dep_ in ARGUMENT_DEPS:
            yield child
            if child.dep_ == "agent":
                yield from _pobjs(child)
        elif child.dep_ == "prep" and child.lower_ not in NON_ARGUMENT_PREPS | LOCATIVE:
            yield from _pobjs(child)


def _objects(trigger: Token) -> Iterator[Token]:
    """What a territorial trigger acts on: its object, passive subject or "of" phrase."""
    for child in trigger.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            yield child
        elif (child.dep_ == "prep" and child.lower_ in NOUN_OBJECT_PREPS
              and trigger.pos_ == "NOUN"):
            yield from _pobjs(child)
        elif child.dep_ == "poss" and trigger.pos_ == "NOUN":
            yield child


def _nearest_place(root: Token, at: dict[int, PlaceMention]) -> PlaceMention | None:
    """The most precise place reachable from `root` through nominal and locative links."""
    best: tuple[int, int, PlaceMention] | None = None
    for token, depth in _phrase(root):
        mention = at.get(token.i)
        if mention is None:
            continue
        rank = (PRECISION_RANK[mention.location.precision], depth)
        if best is None or rank < best[:2]:
            best = (*rank, mention)
    return best[2] if best else None


def _phrase(root: Token) -> Iterator[tuple[Token, int]]:
    """Tokens of a noun phrase and of the place phrases nested in it, with their depth."""
    stack = [(root, 0)]
    while stack:
        token, depth = stack.pop()
        yield token, depth
        for child in token.children:
            if child.dep_ in PATH_DEPS or (child.dep_ == "prep"
                                           and child.lower_ in PATH_PREPOSITIONS):
                stack.append((child, depth + 1))
