"""Syntax that joins dictionary hits into actors: role nouns with their countries, people
with their titles and appositions.

    Iraqi officials / Iraq's foreign minister / the government of Iraq   -> agent + qualifier
    British and German ministers / ministers from Britain, France, ...   -> one per conjunct
    Prime Minister Nouri al-Maliki / Hoshyar Zebari, Iraq's foreign minister,
    A spokeswoman for the National Security Council, Bernadette Meehan   -> person + role

Everything here reads the parse (dep, head, tag) of one paragraph; nothing is sentence-specific.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from redshank.actors.entries import ActorEntry
from redshank.actors.matcher import Hit

QUALIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss"})
MOBILE_SECTORS = frozenset({"MIL", "COP", "UAF", "REB", "INS"})
TITLE_DEPS = frozenset({"compound", "nmod", "appos"})
POSSESSIVE = frozenset({"'s", "\u2019s", "'"})
CALENDAR_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december".split()
)
_PARTICLE_NAME = re.compile(r"^(?:al|el|bin|ibn|abu|de|van|von|da|di|le|la|du)-[A-Z]", re.UNICODE)


@dataclass(slots=True)
class Role:
    """An agent hit with the entity hits that qualify it (its country or organisation)."""

    agent: Hit
    head: int
    qualifiers: list[Hit] = field(default_factory=list)
    modifiers: list[Hit] = field(default_factory=list)

    @property
    def start(self) -> int:
        return min([self.agent.start, *(h.start for h in (*self.qualifiers, *self.modifiers))])

    @property
    def end(self) -> int:
        return max([self.agent.end, *(h.end for h in (*self.qualifiers, *self.modifiers))])


@dataclass(slots=True)
class Person:
    """A person: a dictionary hit or an unknown proper name, with the roles attached to it."""

    start: int
    end: int
    hit: Hit | None
    roles: list[Role] = field(default_factory=list)
    absorbed: list[Hit] = field(default_factory=list)


def span_head(doc: Doc, start: int, end: int, prefer: int | None = None) -> int:
    """The token of [start, end) whose head lies outside it (the highest one if several)."""
    outside = [
        t.i for t in doc[start:end] if t.head.i < start or t.head.i >= end or t.head.i == t.i
    ]
    if not outside:
        return end - 1
    if prefer is not None and prefer in outside:
        return prefer
    return min(outside, key=lambda i: (_depth(doc[i]), -i))


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 100:
        token = token.head
        depth += 1
    return depth


class Composer:
    """Builds roles and people for one paragraph from its dictionary hits."""

    def __init__(self, doc: Doc, hits: list[Hit]) -> None:
        self.doc = doc
        self.hits = hits
        self.hit_of: dict[int, Hit] = {i: h for h in hits for i in range(h.start, h.end)}

    def entity_at(self, i: int) -> Hit | None:
        hit = self.hit_of.get(i)
        return hit if hit is not None and not hit.is_agent else None

    def agent_at(self, i: int) -> Hit | None:
        hit = self.hit_of.get(i)
        return hit if hit is not None and hit.is_agent else None

    def roles(self) -> list[Role]:
        """Each agent hit with its qualifiers; an agent modifying another joins it."""
        roles: list[Role] = []
        taken: set[int] = set()
        for hit in self.hits:
            if not hit.is_agent:
                continue
            head = span_head(self.doc, hit.start, hit.end)
            role = Role(hit, head)
            for qualifier in self._qualifiers(hit, head):
                if id(qualifier) not in taken:
                    taken.add(id(qualifier))
                    role.qualifiers.append(qualifier)
            roles.append(role)
        by_agent = {id(r.agent): r for r in roles}
        kept: list[Role] = []
        for role in roles:
            outer = self._governing_agent(role)
            if outer is not None and not role.qualifiers and id(outer) in by_agent:
                by_agent[id(outer)].modifiers.append(role.agent)
            else:
                kept.append(role)
        return kept

    def _qualifiers(self, agent: Hit, head: int) -> list[Hit]:
        """Entities naming whose role this is: modifiers, possessors, of/for/from objects."""
        found: list[Hit] = []
        for token in self.doc[agent.start : agent.end]:
            for child in token.children:
                if agent.start <= child.i < agent.end:
                    continue
                if child.dep_ in QUALIFIER_DEPS:
                    found.extend(self._with_conjuncts(child))
                elif (
                    child.dep_ == "prep" and token.i == head and self._qualifying_prep(child, agent)
                ):
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            found.extend(self._with_conjuncts(pobj))
        if not found:
            before = agent.start - 1
            if before >= 0 and self.doc[before].text in POSSESSIVE:
                before -= 1
            entity = self.entity_at(before) if before >= 0 else None
            if entity is not None:
                found.append(entity)
        unique: list[Hit] = []
        for hit in found:
            if hit not in unique:
                unique.append(hit)
        return unique

    @staticmethod
    def _qualifying_prep(prep: Token, agent: Hit) -> bool:
        """of/for name whose role it is; "from" only for people ("forces from Iraq" move)."""
        if prep.lower_ in ("of", "for"):
            return True
        sector = getattr(agent.entry, "sector", None)
        return prep.lower_ == "from" and sector not in MOBILE_SECTORS

    def _with_conjuncts(self, token: Token) -> list[Hit]:
        """The entity at a token and at every token conjoined with it."""
        out: list[Hit] = []
        stack = [token]
        seen: set[int] = set()
        while stack:
            current = stack.pop()
            if current.i in seen:
                continue
            seen.add(current.i)
            entity = self.entity_at(current.i)
            if entity is None:
                continue
            out.append(entity)
            for member in self.doc[entity.start : entity.end]:
                stack.extend(child for child in member.children if child.dep_ == "conj")
        return sorted(out, key=lambda h: h.start)

    def _governing_agent(self, role: Role) -> Hit | None:
        """An agent this one modifies directly ("Islamist militants": Islamist -> militants)."""
        head = self.doc[role.head]
        if head.dep_ not in ("amod", "compound") or role.agent.end != head.head.i:
            return None
        return self.agent_at(head.head.i)

    def people(self, roles: list[Role]) -> list[Person]:
        """Dictionary people and unknown proper names that carry a role, with their roles."""
        role_at = {i: r for r in roles for i in range(r.start, r.end)}
        qualifying = {id(q) for r in roles for q in r.qualifiers}
        people: list[Person] = []
        for hit in self.hits:
            if isinstance(hit.entry, ActorEntry) and hit.entry.type == "person":
                if id(hit) not in qualifying:
                    people.append(Person(hit.start, hit.end, hit))
        for start, end in self._unknown_names():
            people.append(Person(start, end, None))
        for person in people:
            self._attach_roles(person, role_at)
        return [p for p in people if p.hit is not None or p.roles]

    def _attach_roles(self, person: Person, role_at: dict[int, Role]) -> None:
        """Titles just before the name, appositions either way, and a country just before."""
        before = role_at.get(person.start - 1)
        if before is not None and before.end == person.start and self._is_title(before):
            person.roles.append(before)
        head = span_head(self.doc, person.start, person.end)
        token = self.doc[head]
        candidates = [c for c in token.children if c.dep_ in TITLE_DEPS]
        if token.dep_ == "appos":
            candidates.append(token.head)
        for candidate in candidates:
            role = role_at.get(candidate.i)
            if role is not None and role not in person.roles and role.head == candidate.i:
                person.roles.append(role)
        for role in self._comma_appositions(person, role_at):
            if role not in person.roles:
                person.roles.append(role)
        first = min([person.start, *(r.start for r in person.roles)])
        entity = self.entity_at(first - 1)
        if (
            entity is not None
            and isinstance(entity.entry, ActorEntry)
            and entity.entry.type == "state"
        ):
            if entity.end == first and (person.hit is not None or person.roles):
                person.absorbed.append(entity)

    def _comma_appositions(self, person: Person, role_at: dict[int, Role]) -> list[Role]:
        """`NAME, ROLE,` and `ROLE, NAME` when the parse missed the apposition."""
        out: list[Role] = []
        after = person.end
        if after < len(self.doc) and self.doc[after].text == ",":
            role = role_at.get(after + 1) or role_at.get(after + 2)
            if role is not None and role.start in (after + 1, after + 2) and self._closes(role.end):
                out.append(role)
        before = person.start - 1
        if before >= 0 and self.doc[before].text == ",":
            role = role_at.get(before - 1)
            if role is not None and role.end == before:
                out.append(role)
        return out

    def _closes(self, end: int) -> bool:
        return end >= len(self.doc) or self.doc[end].text in (
            ",",
            ".",
            ";",
            ":",
            "-",
            "\u2013",
            "\u2014",
        )

    def _is_title(self, role: Role) -> bool:
        """A role written as a title: capitalised first and last word ("Defence Secretary")."""
        words = self.doc[role.agent.start : role.agent.end]
        return words[0].text[:1].isupper() and words[-1].text[:1].isupper()

    def _unknown_names(self) -> list[tuple[int, int]]:
        """Runs of capitalised proper-noun tokens that no dictionary name covers."""
        runs: list[tuple[int, int]] = []
        start: int | None = None
        for token in [*self.doc, None]:
            if token is not None and token.i not in self.hit_of and _name_like(token):
                start = token.i if start is None else start
                continue
            if start is not None:
                end = token.i if token is not None else len(self.doc)
                proper = any(
                    t.tag_ in ("NNP", "NNPS") or _PARTICLE_NAME.match(t.text)
                    for t in self.doc[start:end]
                )
                if proper and (end - start >= 2 or _PARTICLE_NAME.match(self.doc[start].text)):
                    runs.append((start, end))
                start = None
        return runs


def _name_like(token: Token) -> bool:
    """A word that can be part of a person's name: capitalised proper noun, or al-Name."""
    text = token.text
    if _PARTICLE_NAME.match(text):
        return True
    if token.lower_ in CALENDAR_WORDS:
        return False
    return token.tag_ in ("NNP", "NNPS") and text[:1].isupper() and any(c.isalpha() for c in text)
