"""Document-level actor links: a bare surname refers to the person named in full elsewhere."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from redshank.model import Actor, Mention, Span


def known_persons(mentions: list[Mention]) -> dict[str, Actor]:
    """Surname (lower case) -> person actor, from full-name mentions; ambiguous ones dropped."""
    known: dict[str, Actor] = {}
    ambiguous: set[str] = set()
    for mention in mentions:
        actor = mention.actor
        if actor.type != "person" or " " not in actor.name.strip():
            continue
        surname = actor.name.split()[-1].lower()
        if surname in known and known[surname].id != actor.id:
            ambiguous.add(surname)
        known[surname] = actor
    return {name: actor for name, actor in known.items() if name not in ambiguous}


def link_surnames(doc: Doc, mentions: list[Mention], known: dict[str, Actor], offset: int
                  ) -> list[Mention]:
    """The paragraph's mentions plus one for each bare surname of a known person."""
    if not known:
        return mentions
    covered = {i for m in mentions for i in range(m.token_start, m.token_end)}
    linked = list(mentions)
    for token in doc:
        if token.i in covered or token.pos_ != "PROPN" or not token.text[:1].isupper():
            continue
        person = known.get(token.lower_)
        if person is None:
            continue
        start = offset + token.idx
        actor = replace(person, text=token.text, span=Span(start, start + len(token)),
                        entries=[*person.entries, f"surname of '{person.text}' in this document"])
        linked.append(Mention(actor=actor, token_start=token.i, token_end=token.i + 1,
                              head=token.i))
    return sorted(linked, key=lambda m: m.token_start)
