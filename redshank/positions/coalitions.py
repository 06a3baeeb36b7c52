"""Coalitions as users see them: members over time, contributions, limits.

    document -> references and memberships (membership.py)
             -> contributions: readings (reading.py) of the coalition's sentences, or of
                its members' sentences in an article about it; the members' troop
                statements with counts (troops.py)
    stored memberships of a coalition -> `summarize` -> the `coalitions` table
    summary + memberships + contributions -> `build_coalition` -> `Coalition`
        members with role (leader, founder, member), joined and left dates and status
        (member, leaving: an announced withdrawal, left), each with its evidence;
        contributions by kind and status with troop counts; what organisations do for it
        (`related`); the members' declared limits (refusals)
    `Coalition.at(day)`: the members and contributions on one day
    `membership_timeline`: one row per member and role (from, until, status, evidence)

A coalition of the catalogue (redshank/data/coalitions) keeps its name, lead, hosts and
dates from it; the host countries are never members.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from redshank.model import (
    Adversary,
    CoalitionSummary,
    Contribution,
    Membership,
    hash_record,
)
from redshank.model.dates import json_record
from redshank.positions.catalogue import default_catalogue
from redshank.positions.context import DocContext
from redshank.positions.membership import (
    KNOWN_PREFIX,
    DocumentCoalitions,
    Reference,
    lead_troops,
)
from redshank.positions.reading import (
    DERIVER_VERSION,
    SUBORDINATE_WORDS,
    Reading,
    position_of,
)
from redshank.positions.tokens import clause_window, token_at

ROLE_RANK = {"leader": 0, "founder": 1, "member": 2}
LIMIT_STATUSES = frozenset({"refused"})
# What a holder asks of others or backs is no contribution of its own ("urged member
# states to equip the troops", "welcomed the deployment"): a position only.
NOT_OWN_STATUSES = frozenset({"requested", "supported"})
# Contribution statuses that make the actor a member when the sentence names the coalition.
TAKING_PART = frozenset({"done", "committed"})
FOR_REACH_WORDS = 6
# Words that open a clause of time or condition: a coalition named in it is when or on
# what condition something happens, not what it is for ("continue the blockade until
# international forces are deployed"). The positions reader's words, but "whether": "asked
# whether to send ships to UNIFIL" is still for UNIFIL.
SUBORDINATORS = SUBORDINATE_WORDS - {"whether"}


def find_contributions(ctx: DocContext, readings: Sequence[Reading],
                       memberships: Sequence[Membership], coalitions: DocumentCoalitions
                       ) -> list[Contribution]:
    """Contributions: each reading of a sentence that names a coalition (for that one),
    and each reading of a member, or of an organisation, in an article about a coalition
    (for the article's coalition). Never the host's or the adversary's, nor the lead
    organisation's troops: only a troop statement counting them is its contribution; nor
    what the holder asks of others or backs (`NOT_OWN_STATUSES`)."""
    members = {(m.coalition_id, m.member) for m in memberships}
    found = []
    for reading in readings:
        index = reading.sentence_index
        own = coalitions.in_sentence(index)
        ref = _nearest(ctx, own, reading) if own else coalitions.main
        if ref is None:
            continue
        holder = reading.holder
        if not own and (ref.coalition_id, holder.key) not in members and \
                holder.type not in ("igo", "ngo"):
            continue
        if _outside(ref, holder.key) or lead_troops(holder, ref, reading.topic) or \
                reading.status in NOT_OWN_STATUSES:
            continue
        found.append(contribution_of(reading, ref.coalition_id))
    return found


def _nearest(ctx: DocContext, refs: Sequence[Reference], reading: Reading) -> Reference:
    """The reference closest to the reading's trigger."""
    tokens = ctx.tokens(reading.sentence_index)
    at = reading.span.start - ctx.sentence(reading.sentence_index)[1]
    return min(refs, key=lambda r: abs(tokens[r.first].start - at) if tokens else 0)


def _outside(ref: Reference, key: str) -> bool:
    """True for the coalition's host countries and its adversary."""
    return ((ref.known is not None and key in ref.known.hosts)
            or (ref.adversary is not None and key == ref.adversary.key))


def _stated_for(ctx: DocContext, item: Contribution, ref: Reference) -> bool:
    """True when the coalition is named after the contribution's trigger in its clause,
    at most `FOR_REACH_WORDS` words on ("sent 500 troops to KFOR"), and not in a clause
    of time or condition after it (`SUBORDINATORS`)."""
    tokens = ctx.tokens(item.sentence_index)
    at = token_at(tokens, item.span.start - ctx.sentence(item.sentence_index)[1])
    if at is None or ref.first <= at:
        return False
    start, end = clause_window(tokens, at)
    between = tokens[at + 1:ref.first]
    words = sum(1 for t in between if t.is_word)
    return (start <= ref.first < end and words <= FOR_REACH_WORDS
            and not any(t.text.lower() in SUBORDINATORS for t in between))


def contributing_members(ctx: DocContext, contributions: Sequence[Contribution],
                         memberships: Sequence[Membership], coalitions: DocumentCoalitions
                         ) -> list[Membership]:
    """Members by what they do: a state whose contribution, done or committed, is stated
    for the coalition ("Germany sent 500 troops to KFOR": `_stated_for`), when nothing
    else made it a member in that sentence. An organisation authorising or funding a
    force is not in it."""
    have = {(m.coalition_id, m.member, m.sentence_index) for m in memberships}
    found = []
    for item in contributions:
        refs = [r for r in coalitions.in_sentence(item.sentence_index)
                if r.coalition_id == item.coalition_id and _stated_for(ctx, item, r)]
        key = (item.coalition_id, item.actor, item.sentence_index)
        if (not refs or item.status not in TAKING_PART or key in have
                or item.actor_type != "state"):
            continue
        have.add(key)
        ref = refs[0]
        if ref.known is not None and item.actor == ref.known.lead and item.actor_type == "igo":
            continue
        found.append(Membership(
            membership_id="cm-" + hash_record(ref.coalition_id, item.actor, item.doc_id,
                                              item.sentence_index, item.trigger, "contributes"),
            coalition_id=ref.coalition_id, member=item.actor, member_name=item.actor_name,
            member_type=item.actor_type, role="member", adversary=ref.adversary,
            label=ref.label, date=item.date, date_precision=item.date_precision,
            date_start=item.date_start, doc_id=item.doc_id,
            sentence_index=item.sentence_index, sentence=item.sentence,
            trigger=item.trigger, span=item.span,
            event_id=item.event_ids[0] if item.event_ids else None,
            published=item.published,
            reasons=[f"member: {item.kind} {item.status} for '{ref.label}'", ref.how],
            deriver_version=DERIVER_VERSION, status="member"))
    return found


def contribution_of(reading: Reading, coalition_id: str) -> Contribution:
    """A reading as a contribution to one coalition."""
    position_id = position_of(reading).position_id if reading.stance else None
    return Contribution(
        contribution_id="cc-" + hash_record(coalition_id, reading.doc_id,
                                            reading.sentence_index, *reading.key),
        coalition_id=coalition_id, actor=reading.holder.key, actor_name=reading.holder.name,
        actor_type=reading.holder.type, kind=reading.topic, status=reading.status,
        hedges=reading.hedges, date=reading.date, date_precision=reading.date_precision,
        date_start=reading.date_start, speaker=reading.speaker, quote=reading.quote,
        doc_id=reading.doc_id, sentence_index=reading.sentence_index,
        sentence=reading.sentence, trigger=reading.trigger, span=reading.span,
        event_ids=[e.event_id for e in reading.events], position_id=position_id,
        published=reading.published, reasons=reading.reasons,
        deriver_version=DERIVER_VERSION,
    )  # fmt: skip


def summarize(coalition_id: str, memberships: Sequence[Membership]) -> CoalitionSummary | None:
    """A coalition from its membership evidence (None when it has none), with its
    catalogue entry's name, kind, lead, hosts and dates when it is a known one."""
    own = sorted((m for m in memberships if m.coalition_id == coalition_id), key=_order)
    if not own:
        return None
    adversaries = [m.adversary for m in own if m.adversary is not None]
    adversary = None
    if adversaries:
        key = Counter(a.key for a in adversaries).most_common(1)[0][0]
        same = [a for a in adversaries if a.key == key]
        adversary = Adversary(key=key, name=same[0].name, code=same[0].code, type=same[0].type,
                              aliases=list(dict.fromkeys(x for a in same for x in a.aliases)))
    labels = list(dict.fromkeys(m.label for m in own))
    first: dict[str, Membership] = {}
    for membership in own:
        first.setdefault(membership.member, membership)
    roles = {key: min((m.role for m in own if m.member == key), key=ROLE_RANK.__getitem__)
             for key in first}
    members = sorted(first, key=lambda k: (first[k].date_start or date.min, ROLE_RANK[roles[k]],
                                           first[k].member_name))
    dates = sorted(m.date_start for m in own if m.date_start)
    known = (default_catalogue().get(coalition_id[len(KNOWN_PREFIX):])
             if coalition_id.startswith(KNOWN_PREFIX) else None)
    name = (known.name if known is not None
            else f"coalition against {adversary.name}" if adversary else labels[0])
    summary = CoalitionSummary(
        coalition_id=coalition_id, name=name, adversary=adversary, labels=labels,
        leaders=list(dict.fromkeys(m.member for m in own if m.role == "leader")),
        members=members, first_date=dates[0] if dates else None,
        last_date=dates[-1] if dates else None, deriver_version=DERIVER_VERSION)
    if known is not None:
        summary = replace(summary, known_id=known.id, kind=known.kind, lead=known.lead,
                          hosts=list(known.hosts), start=known.start, end=known.end)
    return summary


def _order(record: Membership | Contribution) -> tuple[Any, ...]:
    return (record.date_start is None, record.date_start or "", record.published or date.min,
            record.doc_id, record.sentence_index)


@dataclass(slots=True)
class ContributionGroup:
    """One actor's contributions of one kind and status, with every piece of evidence;
    `count` is the latest troop count stated (with its `change`, if any)."""

    actor: str
    actor_name: str
    kind: str
    status: str
    first_date: date | None
    last_date: date | None
    hedges: list[str]
    evidence: list[Contribution]
    count: int | None = None
    change: str | None = None


@dataclass(slots=True)
class CoalitionMember:
    """A member: its role, when it joined and left by the evidence (`status` member,
    leaving: an announced withdrawal, or left), and what it contributes."""

    member: str
    name: str
    type: str
    role: str
    joined: date | None
    evidence: Membership
    more_evidence: list[str]
    contributions: list[ContributionGroup] = field(default_factory=list)
    left: date | None = None
    status: str = "member"
    left_evidence: Membership | None = None


@dataclass(slots=True)
class Coalition:
    """A coalition as shown to users: lead, hosts, members, their contributions, what
    organisations do for it (`related`) and the members' declared limits (refusals)."""

    coalition_id: str
    name: str
    adversary: Adversary | None
    labels: list[str]
    leaders: list[str]
    first_date: date | None
    members: list[CoalitionMember]
    related: list[ContributionGroup]
    limits: list[ContributionGroup]
    deriver_version: str
    known_id: str | None = None
    kind: str | None = None
    lead: str | None = None
    hosts: list[str] = field(default_factory=list)
    start: date | None = None
    end: date | None = None
    on: date | None = None

    def to_json(self) -> dict[str, Any]:
        return json_record(self)

    def at(self, day: date) -> Coalition:
        """The coalition on `day`: members that had joined and not left, with the
        contributions stated by then (each group's count the latest by then)."""
        members = []
        for member in self.members:
            if member.joined is not None and member.joined > day:
                continue
            if member.left is not None and member.left <= day:
                continue
            groups = _groups(e for g in member.contributions for e in g.evidence
                             if e.date_start is None or e.date_start <= day)
            members.append(replace(member, contributions=groups,
                                   status="member" if member.status == "left"
                                   else member.status))
        related = _groups(e for g in self.related for e in g.evidence
                          if e.date_start is None or e.date_start <= day)
        return replace(self, members=members, related=related, limits=_limits(members),
                       on=day)


def _limits(members: Iterable[CoalitionMember]) -> list[ContributionGroup]:
    """The members' declared limits: their refusals."""
    return [g for m in members for g in m.contributions if g.status in LIMIT_STATUSES]


def _groups(contributions: Iterable[Contribution]) -> list[ContributionGroup]:
    grouped: dict[tuple[str, str, str], list[Contribution]] = {}
    for item in sorted(contributions, key=_order):
        grouped.setdefault((item.actor, item.kind, item.status), []).append(item)
    groups = []
    for (actor, kind, status), items in grouped.items():
        dates = [i.date_start for i in items if i.date_start]
        counted = [i for i in items if i.count is not None]
        groups.append(ContributionGroup(
            actor=actor, actor_name=items[0].actor_name, kind=kind, status=status,
            first_date=min(dates) if dates else None, last_date=max(dates) if dates else None,
            hedges=list(dict.fromkeys(h for i in items for h in i.hedges)), evidence=items,
            count=counted[-1].count if counted else None,
            change=counted[-1].change if counted else None))
    return groups


def _standing(evidence: Sequence[Membership]) -> tuple[date | None, date | None, str,
                                                      Membership | None]:
    """Joined, left, status and the withdrawal's evidence, from a member's evidence in
    date order: a completed withdrawal leaves; taking part reported by a later article,
    after it, rejoins (the article that reports the withdrawal may also tell of the
    service before it)."""
    joined = next((m.date_start for m in evidence if m.status != "left" and m.date_start),
                  None)
    left: date | None = None
    status, why = "member", None
    for item in evidence:
        if item.status == "left":
            left, status, why = item.date_start, "left", item
        elif item.status == "leaving" and status != "left":
            status, why = "leaving", item
        elif (item.status in ("joined", "member") and left is not None and why is not None
              and item.date_start is not None and item.date_start > left
              and (item.published or date.min) > (why.published or date.min)):
            left, status, why = None, "member", None
    return joined, left, status, why


def build_coalition(summary: CoalitionSummary, memberships: Sequence[Membership],
                    contributions: Sequence[Contribution]) -> Coalition:
    """The user's view of a coalition from its summary, memberships and contributions."""
    own = sorted((m for m in memberships if m.coalition_id == summary.coalition_id),
                 key=_order)
    by_member: dict[str, list[Membership]] = {}
    for membership in own:
        by_member.setdefault(membership.member, []).append(membership)
    unique = {c.contribution_id: c for c in contributions
              if c.coalition_id == summary.coalition_id}
    members: list[CoalitionMember] = []
    for key, evidence in by_member.items():
        first = next((m for m in evidence if m.status != "left"), evidence[0])
        role = min((m.role for m in evidence), key=ROLE_RANK.__getitem__)
        joined, left, status, why = _standing(evidence)
        mine = [c for c in unique.values() if c.actor == key]
        members.append(CoalitionMember(
            member=key, name=first.member_name, type=first.member_type, role=role,
            joined=joined, evidence=first,
            more_evidence=[m.membership_id for m in evidence if m is not first],
            contributions=_groups(mine), left=left, status=status, left_evidence=why))
    members.sort(key=lambda m: (m.joined is None, m.joined or "", ROLE_RANK[m.role], m.name))
    related = _groups(c for c in unique.values()
                      if c.actor not in by_member and c.actor_type in ("igo", "ngo"))
    return Coalition(
        coalition_id=summary.coalition_id, name=summary.name, adversary=summary.adversary,
        labels=summary.labels, leaders=summary.leaders, first_date=summary.first_date,
        members=members, related=related, limits=_limits(members),
        deriver_version=summary.deriver_version, known_id=summary.known_id,
        kind=summary.kind, lead=summary.lead, hosts=list(summary.hosts),
        start=summary.start, end=summary.end)


TIMELINE_COLUMNS = ("coalition_id", "coalition", "member", "member_name", "member_type",
                    "role", "from", "until", "status", "evidence", "sentence",
                    "withdrawal_evidence", "reports")


def membership_timeline(coalitions: Iterable[Coalition]) -> list[dict[str, Any]]:
    """One row per coalition member: role, from (joined), until (left), status, the
    evidence of joining (document#sentence and the sentence) and of leaving."""
    rows = []
    for coalition in coalitions:
        for member in coalition.members:
            first, gone = member.evidence, member.left_evidence
            rows.append({
                "coalition_id": coalition.coalition_id, "coalition": coalition.name,
                "member": member.member, "member_name": member.name,
                "member_type": member.type, "role": member.role, "from": member.joined,
                "until": member.left, "status": member.status,
                "evidence": f"{first.doc_id}#{first.sentence_index}",
                "sentence": first.sentence,
                "withdrawal_evidence": (f"{gone.doc_id}#{gone.sentence_index}"
                                        if gone is not None else None),
                "reports": 1 + len(member.more_evidence),
            })
    return rows
