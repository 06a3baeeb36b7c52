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

from redshank.actors.codes import ARMED_SECTORS, chunks, country_name, sector_label, split_code
from redshank.actors.compose import Composer, Role, span_head
from redshank.actors.dictionary import ActorDictionary, entry_id_for, load_dictionary
from redshank.actors.entries import ActorEntry, AgentEntry, RoleCode
from redshank.actors.matcher import Hit, PhraseIndex, load_index
from redshank.actors.people import PeopleFinder, Person
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
        people = PeopleFinder(composer, lambda name, sector: self._holds(name, sector, on)).find(
            roles
        )
        builder = _Builder(doc, on, offset, self.dictionary)
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
            used.update(id(h) for h in role.parts)
            qualifiers = [(q, False) for q in role.qualifiers] + [(p, True) for p in role.places]
            composed = [
                m for q, place in qualifiers if (m := builder.composite(role, q, place)) is not None
            ]
            mentions.extend(composed or [builder.agent(role)])
        for hit in hits:
            if id(hit) in used or hit.is_agent:
                continue
            mention = builder.entity(hit)
            if mention is not None:
                mentions.append(mention)
        return sorted(mentions, key=lambda m: (m.token_start, m.token_end, m.actor.country or ""))

    def _holds(self, surname: str, sector: str | None, on: date | None) -> bool:
        """Whether someone with this surname holds a role of this sector on the date."""
        return sector is not None and any(
            (role := entry.role_on(on)) is not None and role.sector == sector
            for entry in self.dictionary.people_named(surname)
        )


def _person_hits(person: Person) -> list[Hit]:
    hits = [*person.absorbed, *person.name_hits]
    if person.hit is not None:
        hits.append(person.hit)
    if person.affiliation is not None:
        hits.append(person.affiliation)
    for role in person.roles:
        hits.extend(role.parts)
    return hits


class _Builder:
    """Turns hits, roles and people into `Mention`s for one paragraph."""

    def __init__(self, doc: Doc, on: date | None, offset: int, dictionary: ActorDictionary) -> None:
        self.doc = doc
        self.text = doc.text  # Doc.text joins every token: read it once
        self.on = on
        self.offset = offset
        self.dictionary = dictionary

    def _span(self, start: int, end: int) -> tuple[str, Span]:
        first, last = self.doc[start], self.doc[end - 1]
        char_start, char_end = first.idx, last.idx + len(last.text)
        return self.text[char_start:char_end], Span(
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
        text = self.text[hit.char_start : hit.char_end]
        span = Span(hit.char_start + self.offset, hit.char_end + self.offset)
        actor = _entry_actor(entry, role, text, span, [entry.provenance])
        return self._mention(actor, hit.start, hit.end, span_head(self.doc, hit.start, hit.end))

    def agent(self, role: Role) -> Mention:
        """A role noun with no country in sight ("officials", "the administration")."""
        agent = role.sector_agent
        start, end = role.agent.start, role.agent.end
        if role.modifiers:
            start = min(start, *(m.start for m in role.modifiers))
            end = max(end, *(m.end for m in role.modifiers))
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
            entries=[role.agent.entry.provenance, *(m.entry.provenance for m in role.modifiers)],
        )
        return self._mention(actor, start, end, role.head)

    def composite(self, role: Role, qualifier: Hit, place: bool = False) -> Mention | None:
        """A role noun with one qualifying entity ("Iraqi officials", "NATO officials"), or
        with a place it is in ("police in Baghdad": the country, not the government)."""
        entry, agent = _actor_entry(qualifier), role.sector_agent
        base = entry.role_on(self.on)
        if base is None or base.is_null:
            return None
        start = min(qualifier.start, role.agent.start, *(m.start for m in role.modifiers))
        end = max(qualifier.end, role.agent.end)
        text, span = self._span(start, end)
        provenance = [
            entry.provenance,
            role.agent.entry.provenance,
            *(m.entry.provenance for m in role.modifiers),
        ]
        actor = _qualified_actor(entry, base, agent, text, span, provenance, place)
        return self._mention(actor, start, end, role.head)

    def person(self, person: Person) -> Mention | None:
        """A person, known or not, spanning their title, apposition and country."""
        context = [*person.absorbed, *([person.affiliation] if person.affiliation else [])]
        start = min([person.start, *(r.start for r in person.roles), *(h.start for h in context)])
        end = max([person.end, *(r.end for r in person.roles)])
        text, span = self._span(start, end)
        head = span_head(self.doc, start, end, prefer=span_head(self.doc, person.start, person.end))
        extra = [h.entry.provenance for h in person.absorbed]
        for role in person.roles:
            extra += [role.agent.entry.provenance, *(q.entry.provenance for q in role.qualifiers)]
        affiliation = _affiliation(person, self.on)
        if affiliation is not None and person.affiliation is not None:
            extra.append(person.affiliation.entry.provenance)
        if person.hit is not None:
            entry = _actor_entry(person.hit)
            code = entry.role_on(self.on)
            if code is None or code.is_null:
                return None
            actor = _entry_actor(entry, code, text, span, [entry.provenance, *extra])
            if affiliation is not None:
                actor.country, actor.sector, actor.code = affiliation
            return self._mention(actor, start, end, head)
        name = self.doc[person.start : person.end].text
        country, sector, code = affiliation or _role_code(person, self.on)
        known = self._titled_surname(person, name, country, sector)
        if known is not None:
            entry, role = known
            actor = _entry_actor(entry, role, text, span, [entry.provenance, *extra])
            return self._mention(actor, start, end, head)
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

    def _titled_surname(
        self, person: Person, name: str, country: str | None, sector: str | None
    ) -> tuple[ActorEntry, RoleCode] | None:
        """The one dictionary person a titled surname can be ("President Mugabe"): same
        surname, holding a role of the title's sector (and country, if named) at the date."""
        if person.end - person.start != 1 or not person.roles or sector is None:
            return None
        found: dict[str, tuple[ActorEntry, RoleCode]] = {}
        for entry in self.dictionary.people_named(name):
            role = entry.role_on(self.on)
            if role is None or role.is_null or role.sector != sector:
                continue
            if country is None or role.country == country:
                found[entry.id] = (entry, role)
        return next(iter(found.values())) if len(found) == 1 else None


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
    entry: ActorEntry,
    base: RoleCode,
    agent: AgentEntry,
    text: str,
    span: Span,
    entries: list[str],
    place: bool = False,
) -> Actor:
    """Entity + role noun: a country (or a place, or a person's country) takes the noun's
    sector and code; an organisation or an institution keeps its own code."""
    countrywide = place or entry.place or (entry.type == "state" and base.sector is None)
    if entry.type == "person" or (entry.type == "state" and countrywide):
        prefix = _country_prefix(base)
        sector = agent.sector
        code = _agent_code(prefix, agent)
        kind: ActorType = "armed_group" if sector in ARMED_SECTORS else "state"
        if agent.organization:
            kind = split_code(code).type
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


def _agent_code(prefix: str, agent: AgentEntry) -> str:
    """Country prefix + agent code, as PETRARCH writes them: `IRQ` + `~GOVMED` -> IRQGOVMED,
    `NGO~` + `ARN` -> NGOARN; an agent without a code gives its sector."""
    body = agent.code.strip("~")
    if agent.organization and body:
        return f"{body}{prefix}"
    if agent.code.startswith("~") and body:
        return f"{prefix}{body}"
    return f"{prefix}{agent.sector or ''}"


def _affiliation(person: Person, on: date | None) -> tuple[str | None, str | None, str] | None:
    """Country, sector and code of the organisation a person is named with ("U.N. mediator")."""
    if person.affiliation is None:
        return None
    base = _actor_entry(person.affiliation).role_on(on)
    if base is None or base.is_null:
        return None
    sector = base.sector or next((s for r in person.roles if (s := r.sector_agent.sector)), None)
    return base.country, sector, base.code


def _country_prefix(role: RoleCode) -> str:
    """The country part of a role's CAMEO code (`IRQ` of `IRQGOV`, `GBRVGB` of `GBRVGBELI`)."""
    parts = chunks(role.code)
    if role.sector and role.sector in parts:
        return "".join(parts[: parts.index(role.sector)])
    return role.code


def _role_code(person: Person, on: date | None) -> tuple[str | None, str | None, str | None]:
    """Country, sector and code an unknown person takes from their title or apposition,
    else from a country next to the name ("British Defence Secretary Tom King")."""
    for role in person.roles:
        agent = role.sector_agent
        for qualifier in [*role.qualifiers, *role.places]:
            entry = _actor_entry(qualifier)
            base = entry.role_on(on)
            if base is None or base.is_null:
                continue
            place = qualifier in role.places or entry.place
            if base.sector is not None and entry.type == "state" and not place:
                return base.country, base.sector, base.code
            if entry.type in ("state", "person"):
                return base.country, agent.sector, _agent_code(_country_prefix(base), agent)
            return base.country, base.sector or agent.sector, base.code
    agent = next((r.sector_agent for r in person.roles if r.sector_agent.sector), None)
    sector = agent.sector if agent else None
    for hit in [*person.absorbed, *person.name_hits]:
        if hit.is_agent or _actor_entry(hit).place:
            continue
        base = _actor_entry(hit).role_on(on)
        if base is not None and not base.is_null and base.country is not None:
            prefix = _country_prefix(base)
            return base.country, sector, _agent_code(prefix, agent) if agent else prefix
    if sector:
        return None, sector, f"---{sector}"
    return None, None, None


def _actor_entry(hit: Hit) -> ActorEntry:
    return cast(ActorEntry, hit.entry)


def _agent_entry(hit: Hit) -> AgentEntry:
    return cast(AgentEntry, hit.entry)


def _agent_type(agent: AgentEntry) -> ActorType:
    """The type of a role noun with no country: armed, IGO or NGO by sector, else `other`
    (a state needs a country: "ministers" alone are not one)."""
    if agent.sector in ARMED_SECTORS:
        return "armed_group"
    if agent.sector == "NGO":
        return "ngo"
    if agent.sector == "IGO":
        return "igo"
    return "other"
