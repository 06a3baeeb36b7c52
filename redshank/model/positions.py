"""Records of the positions and coalition tables.

A `Position` is an actor's stated stance on an action (a topic); a `Membership` is the
evidence that an actor is in a coalition; a `Contribution` is what an actor does, offers
or refuses for one; a `CoalitionSummary` is the coalition itself. Every record keeps its
provenance: document, sentence, character span, the events it was read from and the
reasons (lexicon entries, coder notes). As in `Event`, `date` labels a period (text) and the
other dates are days (`datetime.date`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from redshank.model.columns import NO_COLUMN, column
from redshank.model.core import Actor, Span
from redshank.model.dates import json_record, parse_days

Stance = Literal["commit", "offer", "support", "request", "refuse", "hedge"]
# What a membership statement says: joining (or forming), taking part, an announced
# withdrawal, a completed one.
MembershipStatus = Literal["joined", "member", "leaving", "left"]
MEMBERSHIP_STATUSES: tuple[str, ...] = ("joined", "member", "leaving", "left")
# What a troop statement says about a member's forces.
TroopChange = Literal["deployment", "increase", "cut", "withdrawal"]
STANCES: tuple[str, ...] = ("commit", "offer", "support", "request", "refuse", "hedge")


def _actor(record: dict[str, Any] | None) -> Actor | None:
    if not record:
        return None
    data = dict(record)
    data["span"] = Span(**data["span"])
    return Actor(**data)


def _span(record: dict[str, Any] | None) -> Span | None:
    return Span(**record) if record else None


@dataclass(slots=True)
class Position:
    """A stance (commit, offer, support, request, refuse, hedge) of `holder` on `topic`.

    `holder` is whose position it is: a country code (USA) or an organisation id (NATO);
    `speaker` who stated it, `quote` the words when quoted. `hedges` are the hedge cues
    of the sentence ("left open the possibility"). `event_ids` are the coded events it
    was read from (none when read from a cue such as "red line"). The dates are the
    statement's (the event's, or publication when the event's date is a target); a target
    the statement sets ("withdraw by 2008") is `target_text` as written and `target_date`,
    the last day it names.
    """

    position_id: str
    holder: str
    holder_name: str
    holder_type: str = field(metadata=NO_COLUMN)
    topic: str
    stance: Stance
    hedges: list[str] = field(metadata=NO_COLUMN)
    date: str | None = field(metadata=NO_COLUMN)
    date_precision: str = field(metadata=NO_COLUMN)
    date_start: date | None
    date_end: date | None
    speaker: Actor | None = field(metadata=NO_COLUMN)
    quote: str | None = field(metadata=NO_COLUMN)
    quote_span: Span | None = field(metadata=NO_COLUMN)
    doc_id: str
    sentence_index: int
    sentence: str = field(metadata=NO_COLUMN)
    trigger: str = field(metadata=NO_COLUMN)
    span: Span = field(metadata=NO_COLUMN)
    event_ids: list[str] = field(metadata=NO_COLUMN)
    event: str | None = field(metadata=NO_COLUMN)
    auxiliary: str | None = field(metadata=NO_COLUMN)
    published: date | None
    reasons: list[str] = field(metadata=NO_COLUMN)
    deriver_version: str
    target_date: date | None = field(default=None, metadata=NO_COLUMN)
    target_text: str | None = field(default=None, metadata=NO_COLUMN)

    def to_json(self) -> dict[str, Any]:
        return json_record(self)

    @classmethod
    def from_json(cls, record: dict[str, Any]) -> Position:
        data = parse_days(dict(record), "date_start", "date_end", "published", "target_date")
        data["speaker"] = _actor(data.get("speaker"))
        data["quote_span"] = _span(data.get("quote_span"))
        data["span"] = Span(**data["span"])
        return cls(**data)


@dataclass(slots=True)
class Adversary:
    """Whom a coalition is against: a key (country code or actor id) and its names."""

    key: str
    name: str
    code: str | None
    type: str
    aliases: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Membership:
    """Evidence that `member` belongs to a coalition: a joining, forming, taking-part or
    withdrawal statement.

    `role` is leader (created it alone, or "X-led"), founder (formed it) or member;
    `status` what the statement says (joined, member: taking part, leaving: an announced
    withdrawal, left: a completed one); `label` is what the text calls the coalition
    ("core coalition", "KFOR").
    """

    membership_id: str
    coalition_id: str
    member: str
    member_name: str = field(metadata=NO_COLUMN)
    member_type: str = field(metadata=NO_COLUMN)
    role: Literal["leader", "founder", "member"]
    adversary: Adversary | None = field(metadata=NO_COLUMN)
    label: str = field(metadata=NO_COLUMN)
    date: str | None = field(metadata=NO_COLUMN)
    date_precision: str = field(metadata=NO_COLUMN)
    date_start: date | None
    doc_id: str
    sentence_index: int
    sentence: str = field(metadata=NO_COLUMN)
    trigger: str = field(metadata=NO_COLUMN)
    span: Span = field(metadata=NO_COLUMN)
    event_id: str | None
    published: date | None = field(metadata=NO_COLUMN)
    reasons: list[str] = field(metadata=NO_COLUMN)
    deriver_version: str = field(metadata=NO_COLUMN)
    status: MembershipStatus = field(default="member", metadata=NO_COLUMN)

    def to_json(self) -> dict[str, Any]:
        return json_record(self)

    @classmethod
    def from_json(cls, record: dict[str, Any]) -> Membership:
        data = parse_days(dict(record), "date_start", "published")
        data["adversary"] = Adversary(**data["adversary"]) if data.get("adversary") else None
        data["span"] = Span(**data["span"])
        return cls(**data)


@dataclass(slots=True)
class Contribution:
    """What `actor` does, offers or refuses on `kind` (a topic) for a coalition; `status`
    is committed, offered, supported, requested, refused, open (not ruled out), done,
    proposed, possible, planned or not done. A troop statement adds `count` (troops,
    police), `change` (deployment, increase, cut, withdrawal) and `target_date` ("by
    2008"); `date_start` stays the day it was stated or done."""

    contribution_id: str
    coalition_id: str
    actor: str
    actor_name: str = field(metadata=NO_COLUMN)
    actor_type: str = field(metadata=NO_COLUMN)
    kind: str
    status: str
    hedges: list[str] = field(metadata=NO_COLUMN)
    date: str | None = field(metadata=NO_COLUMN)
    date_precision: str = field(metadata=NO_COLUMN)
    date_start: date | None
    speaker: Actor | None = field(metadata=NO_COLUMN)
    quote: str | None = field(metadata=NO_COLUMN)
    doc_id: str
    sentence_index: int
    sentence: str = field(metadata=NO_COLUMN)
    trigger: str = field(metadata=NO_COLUMN)
    span: Span = field(metadata=NO_COLUMN)
    event_ids: list[str] = field(metadata=NO_COLUMN)
    position_id: str | None = field(metadata=NO_COLUMN)
    published: date | None = field(metadata=NO_COLUMN)
    reasons: list[str] = field(metadata=NO_COLUMN)
    deriver_version: str = field(metadata=NO_COLUMN)
    count: int | None = field(default=None, metadata=NO_COLUMN)
    change: TroopChange | None = field(default=None, metadata=NO_COLUMN)
    target_date: date | None = field(default=None, metadata=NO_COLUMN)

    def to_json(self) -> dict[str, Any]:
        return json_record(self)

    @classmethod
    def from_json(cls, record: dict[str, Any]) -> Contribution:
        data = parse_days(dict(record), "date_start", "published", "target_date")
        data["speaker"] = _actor(data.get("speaker"))
        data["span"] = Span(**data["span"])
        return cls(**data)


@dataclass(slots=True)
class CoalitionSummary:
    """A coalition: whom it is against, what it is called, who leads it and its members.
    A coalition of the catalogue (redshank/data/coalitions) carries its `known_id`,
    `kind` (coalition, force, mission, operation), `lead`, `hosts` (the countries it
    operates in: not members) and `start` and `end` dates."""

    coalition_id: str
    name: str
    adversary: Adversary | None = field(metadata=NO_COLUMN)
    labels: list[str] = field(metadata=column(text=True, nullable=True))
    leaders: list[str] = field(metadata=column(text=True, nullable=True))
    members: list[str] = field(metadata=column(text=True, nullable=True))
    first_date: date | None
    last_date: date | None
    deriver_version: str
    known_id: str | None = field(default=None, metadata=NO_COLUMN)
    kind: str | None = field(default=None, metadata=NO_COLUMN)
    lead: str | None = field(default=None, metadata=NO_COLUMN)
    hosts: list[str] = field(default_factory=list, metadata=NO_COLUMN)
    start: date | None = field(default=None, metadata=NO_COLUMN)
    end: date | None = field(default=None, metadata=NO_COLUMN)

    def to_json(self) -> dict[str, Any]:
        return json_record(self)

    @classmethod
    def from_json(cls, record: dict[str, Any]) -> CoalitionSummary:
        data = parse_days(dict(record), "first_date", "last_date", "start", "end")
        data["adversary"] = Adversary(**data["adversary"]) if data.get("adversary") else None
        return cls(**data)
