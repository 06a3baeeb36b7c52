"""People in a paragraph: dictionary persons and unknown names, with the roles, countries
and organisations written around the name.

    Prime Minister Nouri al-Maliki / Hoshyar Zebari, Iraq's foreign minister,
    A spokeswoman for the National Security Council, Bernadette Meehan   -> person + role
    British Defence Secretary Tom King / President Mugabe                -> titled names
    U.N. mediator Diego Cordovez                                         -> person + affiliation
    Bree Prime Minister Romendacil (a TABARI synonym of the country)     -> titled country name

Everything here reads the parse (dep, head, tag) of one paragraph; nothing is sentence-specific.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import cast

from spacy.tokens import Token

from redshank.actors.compose import QUALIFIER_DEPS, Composer, Role, entry_type, is_state, span_head
from redshank.actors.dictionary import PACKAGED_FILES
from redshank.actors.entries import ActorEntry, AgentEntry
from redshank.actors.matcher import Hit
from redshank.knowledge import words

AFFILIATIONS = frozenset({"igo", "ngo", "armed_group"})
TITLE_DEPS = frozenset({"compound", "nmod", "appos"})
CALENDAR_WORDS = words("weekdays", "months")
_PARTICLE_NAME = re.compile(r"^(?:al|el|bin|ibn|abu|de|van|von|da|di|le|la|du)-[A-Z]", re.UNICODE)


@dataclass(slots=True)
class Person:
    """A person: a dictionary hit or an unknown proper name, with the roles attached to it."""

    start: int
    end: int
    hit: Hit | None
    roles: list[Role] = field(default_factory=list)
    absorbed: list[Hit] = field(default_factory=list)
    affiliation: Hit | None = None
    name_hits: list[Hit] = field(default_factory=list)


class PeopleFinder:
    """Finds the people of one paragraph from its composer and roles.

    `holds_role(surname, sector)` says whether a known person with that surname holds a role
    of that sector at the story date: only then is one word after a title a name.
    """

    def __init__(
        self,
        composer: Composer,
        holds_role: Callable[[str, str | None], bool] = lambda _surname, _sector: False,
    ) -> None:
        self.composer = composer
        self.doc = composer.doc
        self.hits = composer.hits
        self.hit_of = composer.hit_of
        self.holds_role = holds_role

    def find(self, roles: list[Role]) -> list[Person]:
        """Dictionary people and unknown proper names that carry a role, with their roles."""
        role_at = {i: r for r in roles for i in range(r.start, r.end)}
        qualifying = {id(q) for r in roles for q in r.qualifiers}
        people: list[Person] = []
        for hit in self.hits:
            if isinstance(hit.entry, ActorEntry) and hit.entry.type == "person":
                if id(hit) not in qualifying:
                    people.append(Person(hit.start, hit.end, hit))
        for start, end, name_hits in self._unknown_names(roles):
            people.append(Person(start, end, None, name_hits=name_hits))
        for hit in self._titled_country_names(roles):
            people.append(Person(hit.start, hit.end, None, name_hits=[hit]))
        for person in people:
            self._attach_roles(person, role_at)
        return [p for p in people if p.hit is not None or p.roles or self._affiliated(p)]

    def _affiliated(self, person: Person) -> bool:
        """An unknown name with an organisation and a role word between ("U.N. mediator X");
        without the word it is more likely a body of the organisation ("UN Truth Commission")."""
        before = self.doc[person.start - 1] if person.start > 0 else None
        return (
            person.affiliation is not None
            and before is not None
            and before.tag_ == "NN"
            and before.text.islower()
        )

    def _attach_roles(self, person: Person, role_at: dict[int, Role]) -> None:
        """Titles just before the name, appositions either way, a country just before, and
        countries or organisations among the name's premodifiers."""
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
        entity = self.composer.entity_at(first - 1)
        if entity is not None and is_state(entity) and entity.end == first:
            if person.hit is not None or (person.roles and not self._name_part(entity, person)):
                person.absorbed.append(entity)
        in_roles = {id(h) for r in person.roles for h in r.parts}
        for hit in self._name_premodifiers(person, token):
            if id(hit) in in_roles or hit in person.absorbed:
                continue
            if person.affiliation is None and entry_type(hit) in AFFILIATIONS:
                person.affiliation = hit
            elif is_state(hit) and not person.absorbed and not self._name_part(hit, person):
                person.absorbed.append(hit)
        for role in person.roles:
            for qualifier in role.qualifiers:
                if person.affiliation is None and entry_type(qualifier) in AFFILIATIONS:
                    person.affiliation = qualifier

    def _name_part(self, entity: Hit, person: Person) -> bool:
        """A proper noun just before an unknown name may be part of it ("Santiago Alba
        Rico"); an adjective ("Iraqi") or a possessive ("Iraq's") is not."""
        return (
            person.hit is None
            and entity.end == person.start
            and self.doc[entity.end - 1].tag_ in ("NNP", "NNPS")
        )

    def _name_premodifiers(self, person: Person, head: Token) -> list[Hit]:
        """Entities modifying a person's name, directly or down a chain of modifiers."""
        inside = range(person.start, person.end)
        tokens = [c for c in head.children if c.dep_ in QUALIFIER_DEPS and c.i < person.start] + [
            c
            for t in self.doc[person.start : person.end]
            if t.i != head.i
            for c in t.children
            if c.dep_ in QUALIFIER_DEPS and c.i < person.start
        ]
        found = [hit for t in tokens for hit in self.composer.with_conjuncts(t)]
        return found or self.composer.deeper_premodifiers(tokens, skip=inside)

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

    def _unknown_names(self, roles: list[Role]) -> list[tuple[int, int, list[Hit]]]:
        """Runs of capitalised proper-noun tokens that no dictionary name covers.

        After a title ("Defence Secretary") a capitalised role word may end a name ("Tom
        King"), and one word is a name if it is the surname of a known person who holds
        such a role (`_titled_surname`).
        """
        titles = {r.agent.end: r for r in roles if self._is_title(r)}
        runs: list[tuple[int, int, list[Hit]]] = []
        start: int | None = None
        inner: list[Hit] = []
        for token in [*self.doc, None]:
            if token is not None and token.i not in self.hit_of and _name_like(token):
                start = token.i if start is None else start
                continue
            agent = self.composer.agent_at(token.i) if token is not None else None
            if (
                token is not None
                and start in titles
                and agent is not None
                and agent.end - agent.start == 1
                and token.tag_ == "NNP"
                and token.text[:1].isupper()
            ):
                inner.append(agent)
                continue
            if start is not None:
                end = token.i if token is not None else len(self.doc)
                proper = any(
                    t.tag_ in ("NNP", "NNPS") or _PARTICLE_NAME.match(t.text)
                    for t in self.doc[start:end]
                )
                long_enough = (
                    end - start >= 2
                    or _PARTICLE_NAME.match(self.doc[start].text)
                    or (start in titles and self._titled_surname(start, titles[start]))
                )
                if proper and long_enough:
                    runs.append((start, end, inner))
                start, inner = None, []
        return runs

    def _titled_surname(self, i: int, title: Role) -> bool:
        """Whether a word after a singular title is the surname of someone holding a role of
        the title's sector ("President Mugabe"; not "Premier Foods", "Workers Movement")."""
        noun = self.doc[title.agent.end - 1]
        return noun.tag_ in ("NN", "NNP") and self.holds_role(
            self.doc[i].text, title.sector_agent.sector
        )

    def _titled_country_names(self, roles: list[Role]) -> list[Hit]:
        """Country names used as a person's name after a role noun that modifies them: user
        TABARI dictionaries list leaders as synonyms of their country ("Prime Minister
        Romendacil", "Calenardhon leader Calimehtar"), Phoenix as the government ("President
        Assad"). In the packaged files a bare country name is a place ("Sunni Anbar")."""
        ends = {r.agent.end: r for r in roles if not cast(AgentEntry, r.agent.entry).organization}
        found: list[Hit] = []
        for hit in self.hits:
            title = ends.get(hit.start)
            institution = any(r.sector for r in getattr(hit.entry, "roles", ()))
            if (
                title is None
                or not is_state(hit)
                or (institution and hit.end - hit.start > 1)
                or (not institution and hit.entry.file in PACKAGED_FILES)
                or any(t.tag_ != "NNP" for t in self.doc[hit.start : hit.end])
                or not self._linked(title.head, hit)
            ):
                continue
            found.append(hit)
        return found

    def _linked(self, title: int, hit: Hit) -> bool:
        """Whether the parse joins a title to the name after it: the title modifies the name
        ("Prime Minister Romendacil") or the name is in apposition to it."""
        name = self.doc[span_head(self.doc, hit.start, hit.end)]
        return self.doc[title].head.i == name.i or (
            name.head.i == title and name.dep_ in TITLE_DEPS
        )


def _name_like(token: Token) -> bool:
    """A word that can be part of a person's name: capitalised proper noun, or al-Name."""
    text = token.text
    if _PARTICLE_NAME.match(text):
        return True
    if token.lower_ in CALENDAR_WORDS:
        return False
    return token.tag_ in ("NNP", "NNPS") and text[:1].isupper() and any(c.isalpha() for c in text)
