"""Syntax that joins dictionary hits into roles: role nouns with their countries,
organisations and places. People are found from these roles in `people`.

    Iraqi officials / Iraq's foreign minister / the government of Iraq   -> agent + qualifier
    Montenegro Municipality Association officials                        -> qualifier deeper in
                                                                            the premodifiers
    British and German ministers / ministers from Britain, France, ...   -> one per conjunct
    rebel leaders / Israeli intelligence officials                       -> agent + modifier
    security forces in Guinea / protesters from Baghdad                  -> agent + place

Everything here reads the parse (dep, head, tag) of one paragraph; nothing is sentence-specific.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import cast

from spacy.tokens import Doc, Token

from redshank.actors.entries import ActorEntry, AgentEntry
from redshank.actors.matcher import Hit

QUALIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss"})
MOBILE_SECTORS = frozenset({"MIL", "COP", "UAF", "REB", "INS"})
PLACE_PREPS = frozenset({"in", "from"})
# Role words that say a rank, not a body: "deputy leader" is not a police leader.
RANK_WORDS = frozenset({"deputy", "vice", "assistant", "acting", "interim", "senior", "chief"})
MAX_PREMODIFIER_DEPTH = 4
POSSESSIVE = frozenset({"'s", "\u2019s", "'"})


@dataclass(slots=True)
class Role:
    """An agent hit with the entity hits that qualify it (its country or organisation).

    `places` are where the role is ("police in Guinea"): they give a country, not a sector.
    """

    agent: Hit
    head: int
    qualifiers: list[Hit] = field(default_factory=list)
    modifiers: list[Hit] = field(default_factory=list)
    places: list[Hit] = field(default_factory=list)

    @property
    def sector_agent(self) -> AgentEntry:
        """The agent that says which body the role belongs to: a modifier of a generic
        government noun ("rebel leaders", "police officials"), else the agent itself."""
        agent = cast(AgentEntry, self.agent.entry)
        if agent.code == "~GOV":
            for modifier in self.modifiers:
                inner = modifier.entry
                if isinstance(inner, AgentEntry) and inner.sector:
                    if inner.names[0] not in RANK_WORDS:
                        return inner
        return agent

    @property
    def parts(self) -> list[Hit]:
        return [self.agent, *self.qualifiers, *self.modifiers, *self.places]

    @property
    def start(self) -> int:
        return min(h.start for h in self.parts)

    @property
    def end(self) -> int:
        return max(h.end for h in self.parts)


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
    """Builds the roles of one paragraph from its dictionary hits."""

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
            qualifiers = self._qualifiers(hit, head)
            found = role.qualifiers
            if not qualifiers:
                qualifiers, found = self._places(head), role.places
            for qualifier in qualifiers:
                if id(qualifier) not in taken:
                    taken.add(id(qualifier))
                    found.append(qualifier)
            roles.append(role)
        by_agent = {id(r.agent): r for r in roles}
        kept: list[Role] = []
        for role in roles:
            outer = self._governing_agent(role)
            if outer is not None and id(outer) in by_agent:
                joined = by_agent[id(outer)]
                joined.modifiers.append(role.agent)
                joined.qualifiers.extend(role.qualifiers)
                if not joined.qualifiers:
                    joined.places.extend(role.places)
            else:
                kept.append(role)
        return kept

    def _qualifiers(self, agent: Hit, head: int) -> list[Hit]:
        """Entities naming whose role this is: modifiers, possessors, of/for/from objects."""
        found: list[Hit] = []
        premodifiers: list[Token] = []
        for token in self.doc[agent.start : agent.end]:
            for child in token.children:
                if agent.start <= child.i < agent.end:
                    continue
                if child.dep_ in QUALIFIER_DEPS:
                    premodifiers.append(child)
                    found.extend(self.with_conjuncts(child))
                elif (
                    child.dep_ == "prep" and token.i == head and self._qualifying_prep(child, agent)
                ):
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            found.extend(self.with_conjuncts(pobj))
        if not found:
            found = self.deeper_premodifiers(premodifiers)
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

    def deeper_premodifiers(self, tokens: list[Token], skip: range = range(0)) -> list[Hit]:
        """Entities further down a chain of modifiers, nearest level first: "Montenegro" in
        "Montenegro Municipality Association officials", "U.N." in "U.N. mediator X"."""
        level = tokens
        for _ in range(MAX_PREMODIFIER_DEPTH):
            level = [
                child
                for token in level
                if self.entity_at(token.i) is None
                for child in token.children
                if child.dep_ in QUALIFIER_DEPS and child.i < token.i and child.i not in skip
            ]
            found = [hit for token in level for hit in self.with_conjuncts(token)]
            if found or not level:
                return list(dict.fromkeys(found))
        return []

    def _places(self, head: int) -> list[Hit]:
        """Entities in an `in`/`from` phrase on the role noun: where it is, or comes from."""
        found: list[Hit] = []
        for child in self.doc[head].children:
            if child.dep_ == "prep" and child.lower_ in PLACE_PREPS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found.extend(self.with_conjuncts(pobj))
        return found

    @staticmethod
    def _qualifying_prep(prep: Token, agent: Hit) -> bool:
        """of/for name whose role it is; "from" only for people ("forces from Iraq" move)."""
        if prep.lower_ in ("of", "for"):
            return True
        sector = getattr(agent.entry, "sector", None)
        return prep.lower_ == "from" and sector not in MOBILE_SECTORS

    def with_conjuncts(self, token: Token) -> list[Hit]:
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


def entry_type(hit: Hit) -> str | None:
    """The actor type of an entity hit; None for a role noun."""
    return hit.entry.type if isinstance(hit.entry, ActorEntry) else None


def is_state(hit: Hit) -> bool:
    return entry_type(hit) == "state"
