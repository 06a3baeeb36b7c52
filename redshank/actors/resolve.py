"""Find actor mentions in a parsed paragraph and resolve them at a date.

    resolver = ActorResolver.load()                    # packaged dictionary + load_nlp()
    mentions = resolver.find_mentions(doc, on=date(2014, 9, 5), offset=1234)

Each `Mention` carries paragraph token indices, the syntactic head, and an `Actor` whose
`span` is in document characters and whose `entries` name the dictionary lines used.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import cast

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from redshank.actors.codes import ARMED_SECTORS, STATE_SECTORS, chunks, country_name, sector_label
from redshank.actors.compose import Composer, Person, Role, span_head
from redshank.actors.dictionary import ActorDictionary, entry_id_for, load_dictionary
from redshank.actors.entries import ActorEntry, AgentEntry, RoleCode
from redshank.actors.matcher import Hit, PhraseIndex, load_index
from redshank.model import Actor, ActorType, Mention, Span


class ActorResolver:
    """Dictionary lookup plus syntax, over the pipeline's tokenizer: paragraphs in, mentions out."""

    def __init__(
        self,
        dictionary: ActorDictionary,
        tokenizer: Tokenizer | Language,
        *,
        use_cache: bool = True,
    ) -> None:
        if isinstance(tokenizer, Language):
            tokenizer = tokenizer.tokenizer
        self.dictionary = dictionary
        self.index: PhraseIndex = load_index(dictionary, tokenizer, use_cache=use_cache)

    @classmethod
    def load(
        cls, extra_paths: Sequence[str | Path] = (), nlp: Language | None = None
    ) -> ActorResolver:
        """The packaged dictionary plus `extra_paths`, tokenized with `load_nlp()`'s tokenizer."""
        if nlp is None:
            from redshank.parse.nlp import load_nlp

            nlp = load_nlp()
        return cls(load_dictionary(extra_paths), nlp.tokenizer)

    def find_mentions(self, doc: Doc, on: date | None, offset: int = 0) -> list[Mention]:
        """Actor mentions of one parsed paragraph, resolved at `on` (None: latest roles)."""
        hits = self.index.find(doc)
        composer = Composer(doc, hits)
        roles = composer.roles()
        people = composer.people(roles)
        builder = _Builder(doc, on, offset)
        mentions: list[Mention] = []
        used: set[int] = set()
        for person in people:
            mention = builder.person(person)
            if mention is not None:
                mentions.append(mention)
                used.update(id(h) for h in _person_hits(person))
        for role in roles:
            if id(role.agent) in used:
                continue
            used.add(id(role.agent))
            used.update(id(h) for h in role.modifiers)
            if role.qualifiers:
                used.update(id(q) for q in role.qualifiers)
                mentions.extend(
                    m for q in role.qualifiers if (m := builder.composite(role, q)) is not None
                )
            else:
                mentions.append(builder.agent(role))
        for hit in hits:
            if id(hit) in used or hit.is_agent:
                continue
            mention = builder.entity(hit)
            if mention is not None:
                mentions.append(mention)
        return sorted(mentions, key=lambda m: (m.token_start, m.token_end, m.actor.country or ""))


def _person_hits(person: Person) -> list[Hit]:
    hits = [*person.absorbed]
    if person.hit is not None:
        hits.append(person.hit)
    for role in person.roles:
        hits.extend([role.agent, *role.qualifiers, *role.modifiers])
    return hits


class _Builder:
    """Turns hits, roles and people into `Mention`s for one paragraph."""

    def __init__(self, doc: Doc, on: date | None, offset: int) -> None:
        self.doc = doc
        self.on = on
        self.offset = offset

    def _span(self, start: int, end: int) -> tuple[str, Span]:
        first, last = self.doc[start], self.doc[end - 1]
        char_start, char_end = first.idx, last.idx + len(last.text)
        return self.doc.text[char_start:char_end], Span(
            char_start + self.offset, char_end + self.offset
        )

    def _mention(self, actor: Actor, start: int, end: int, head: int) -> Mention:
        return Mention(actor=actor, token_start=start, token_end=end, head=head)

    def entity(self, hit: Hit) -> Mention | None:
        """A dictionary name standing alone ("Iraq", "the White House", "U.S.-led")."""
        entry = _actor_entry(hit)
        role = entry.role_on(self.on)
        if role is None or role.is_null:
            return None
        text = self.doc.text[hit.char_start : hit.char_end]
        span = Span(hit.char_start + self.offset, hit.char_end + self.offset)
        actor = _entry_actor(entry, role, text, span, [entry.provenance])
        return self._mention(actor, hit.start, hit.end, span_head(self.doc, hit.start, hit.end))

    def agent(self, role: Role) -> Mention:
        """A role noun with no country in sight ("officials", "the administration")."""
        agent = _agent_entry(role.agent)
        start, end = role.start, role.end
        text, span = self._span(start, end)
        code = f"---{agent.sector}" if agent.sector else "---"
        actor = Actor(
            text=text,
            name=agent.names[0],
            country=None,
            sector=agent.sector,
            type=_agent_type(agent),
            id=code,
            span=span,
            code=code,
            entries=[agent.provenance, *(m.entry.provenance for m in role.modifiers)],
        )
        return self._mention(actor, start, end, role.head)

    def composite(self, role: Role, qualifier: Hit) -> Mention | None:
        """A role noun with one qualifying entity ("Iraqi officials", "NATO officials")."""
        entry, agent = _actor_entry(qualifier), _agent_entry(role.agent)
        base = entry.role_on(self.on)
        if base is None or base.is_null:
            return None
        start = min(qualifier.start, role.agent.start, *(m.start for m in role.modifiers))
        end = max(qualifier.end, role.agent.end)
        text, span = self._span(start, end)
        provenance = [
            entry.provenance,
            agent.provenance,
            *(m.entry.provenance for m in role.modifiers),
        ]
        actor = _qualified_actor(entry, base, agent, text, span, provenance)
        return self._mention(actor, start, end, role.head)

    def person(self, person: Person) -> Mention | None:
        """A person, known or not, spanning their title, apposition and country."""
        start = min(
            [person.start, *(r.start for r in person.roles), *(h.start for h in person.absorbed)]
        )
        end = max([person.end, *(r.end for r in person.roles)])
        text, span = self._span(start, end)
        head = span_head(self.doc, start, end, prefer=span_head(self.doc, person.start, person.end))
        extra = [h.entry.provenance for h in person.absorbed]
        for role in person.roles:
            extra += [role.agent.entry.provenance, *(q.entry.provenance for q in role.qualifiers)]
        if person.hit is not None:
            entry = _actor_entry(person.hit)
            code = entry.role_on(self.on)
            if code is None or code.is_null:
                return None
            actor = _entry_actor(entry, code, text, span, [entry.provenance, *extra])
            return self._mention(actor, start, end, head)
        name = self.doc[person.start : person.end].text
        country, sector, code = _role_code(person.roles, self.on)
        actor = Actor(
            text=text,
            name=name,
            country=country,
            sector=sector,
            type="person",
            id=entry_id_for(name),
            span=span,
            code=code,
            entries=extra,
        )
        return self._mention(actor, start, end, head)


def _entry_actor(
    entry: ActorEntry, role: RoleCode, text: str, span: Span, entries: list[str]
) -> Actor:
    """The actor a dictionary entry stands for at the chosen role."""
    actor_id = role.code if entry.type == "state" else entry.id
    return Actor(
        text=text,
        name=entry.name,
        country=role.country,
        sector=role.sector,
        type=entry.type,
        id=actor_id,
        span=span,
        code=role.code,
        entries=entries,
    )


def _qualified_actor(
    entry: ActorEntry, base: RoleCode, agent: AgentEntry, text: str, span: Span, entries: list[str]
) -> Actor:
    """Entity + role noun: a country takes the noun's sector; an organisation keeps its code."""
    if entry.type == "person" or (entry.type == "state" and base.sector is None):
        prefix = _country_prefix(base)
        sector = agent.sector
        code = f"{prefix}{sector or ''}"
        kind: ActorType = "armed_group" if sector in ARMED_SECTORS else "state"
        name = (
            f"{country_name(base.country)} {sector_label(sector)}"
            if base.country and sector
            else entry.name
        )
        return Actor(text, name, base.country, sector, kind, code, span, code, entries)
    sector = base.sector or agent.sector
    actor_id = base.code if entry.type == "state" else entry.id
    return Actor(
        text, entry.name, base.country, sector, entry.type, actor_id, span, base.code, entries
    )


def _country_prefix(role: RoleCode) -> str:
    """The country part of a role's CAMEO code (`IRQ` of `IRQGOV`, `GBRVGB` of `GBRVGBELI`)."""
    parts = chunks(role.code)
    if role.sector and role.sector in parts:
        return "".join(parts[: parts.index(role.sector)])
    return role.code


def _role_code(roles: list[Role], on: date | None) -> tuple[str | None, str | None, str | None]:
    """Country, sector and code an unknown person takes from their title or apposition."""
    for role in roles:
        agent = _agent_entry(role.agent)
        for qualifier in role.qualifiers:
            entry = _actor_entry(qualifier)
            base = entry.role_on(on)
            if base is None or base.is_null:
                continue
            if base.sector is not None and entry.type == "state":
                return base.country, base.sector, base.code
            if entry.type in ("state", "person"):
                return base.country, agent.sector, f"{_country_prefix(base)}{agent.sector or ''}"
            return base.country, base.sector or agent.sector, base.code
    for role in roles:
        agent = _agent_entry(role.agent)
        if agent.sector:
            return None, agent.sector, f"---{agent.sector}"
    return None, None, None


def _actor_entry(hit: Hit) -> ActorEntry:
    return cast(ActorEntry, hit.entry)


def _agent_entry(hit: Hit) -> AgentEntry:
    return cast(AgentEntry, hit.entry)


def _agent_type(agent: AgentEntry) -> ActorType:
    """A role noun's actor type from its sector."""
    if agent.sector in ARMED_SECTORS:
        return "armed_group"
    if agent.sector == "NGO":
        return "ngo"
    if agent.sector == "IGO":
        return "igo"
    if agent.sector in STATE_SECTORS:
        return "state"
    return "other"
