"""Print position timelines and coalitions as tables (rich) or JSON, safe for a terminal
(redshank/tables.py: stored text is shown literally, without control characters)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TextIO

from redshank.positions.coalitions import Coalition, ContributionGroup
from redshank.positions.timeline import TimelineEntry
from redshank.tables import cell, console, json_safe

POSITION_COLUMNS = ("date", "actor", "topic", "stance", "speaker", "flags", "evidence",
                    "source")
EXCERPT_CHARS = 90


def excerpt(sentence: str, trigger: str, quote: str | None = None) -> str:
    """A short piece of evidence: the quote, else the sentence around the trigger."""
    text = " ".join((quote or sentence).split())
    if len(text) <= EXCERPT_CHARS:
        return text
    at = max(text.find(trigger), 0)
    start = max(0, min(at - EXCERPT_CHARS // 3, len(text) - EXCERPT_CHARS))
    piece = text[start:start + EXCERPT_CHARS]
    return ("…" if start else "") + piece + ("…" if start + EXCERPT_CHARS < len(text) else "")


def write_positions(entries: Sequence[TimelineEntry], fmt: str, out: TextIO) -> None:
    """Print a position timeline as a table or a JSON array."""
    if fmt == "json":
        out.write(json_safe(json.dumps([e.to_json() for e in entries], ensure_ascii=False,
                                       indent=2)) + "\n")
        return
    from rich.table import Table

    table = Table(*POSITION_COLUMNS, show_lines=False)
    for entry in entries:
        p = entry.position
        table.add_row(*map(cell, (
            p.date or "", p.holder, p.topic, p.stance, p.speaker.name if p.speaker else "",
            "\n".join(entry.flags), excerpt(p.sentence, p.trigger, p.quote),
            f"{p.doc_id}#{p.sentence_index}")))
    console(out).print(table)
    changes = sum(any(f.startswith("change") for f in e.flags) for e in entries)
    hedged = sum(any(f.startswith("hedge") for f in e.flags) for e in entries)
    out.write(f"{len(entries)} positions, {changes} changes, {hedged} hedged\n")


def _dates(group: ContributionGroup) -> str:
    if group.first_date is None:
        return ""
    if group.last_date in (None, group.first_date):
        return group.first_date.isoformat()
    return f"{group.first_date}..{group.last_date}"


def _speakers(group: ContributionGroup) -> str:
    names = [e.speaker.name for e in group.evidence if e.speaker]
    return ", ".join(dict.fromkeys(names))


def _group_table(title: str, groups: Sequence[ContributionGroup]):
    from rich.table import Table

    table = Table("actor", "kind", "status", "count", "dates", "reports", "speakers",
                  "hedges", "evidence", title=title, title_justify="left", show_lines=False)
    for group in groups:
        first = group.evidence[0]
        count = "" if group.count is None else f"{group.count:,}"
        table.add_row(*map(cell, (
            group.actor, group.kind, group.status,
            f"{count} ({group.change})" if count and group.change else count,
            _dates(group), len(group.evidence), _speakers(group), "; ".join(group.hedges),
            excerpt(first.sentence, first.trigger, first.quote))))
    return table


def write_coalitions(coalitions: Sequence[Coalition], fmt: str, out: TextIO) -> None:
    """Print coalitions (members, contributions, organisations, limits) or a JSON array."""
    if fmt == "json":
        out.write(json_safe(json.dumps([c.to_json() for c in coalitions], ensure_ascii=False,
                                       indent=2)) + "\n")
        return
    from rich.table import Table

    printer = console(out)
    for coalition in coalitions:
        adversary = coalition.adversary
        printer.print(cell(f"{coalition.name} ({coalition.coalition_id})"))
        printer.print(cell(f"  called: {'; '.join(coalition.labels)}"))
        if adversary is not None:
            aliases = [a for a in adversary.aliases if a != adversary.name]
            also = f"; also {', '.join(aliases)}" if aliases else ""
            printer.print(cell(f"  against: {adversary.name} ({adversary.key}{also})"))
        if coalition.known_id is not None:
            dates = f"{coalition.start or '?'} to {coalition.end or 'ongoing'}"
            printer.print(cell(f"  {coalition.kind} from the catalogue ({coalition.known_id}): "
                               f"{dates}; lead {coalition.lead or 'none'}; operates in "
                               f"{', '.join(coalition.hosts) or 'no one country'}"))
        if coalition.leaders:
            printer.print(cell(f"  led by (in the text): {', '.join(coalition.leaders)}"))
        if coalition.on is not None:
            printer.print(cell(f"  on {coalition.on}: members that had joined and not left"))
        members = Table("member", "name", "role", "joined", "left", "status", "evidence",
                        "source", title=f"members ({len(coalition.members)})",
                        title_justify="left")
        for member in coalition.members:
            evidence = member.evidence
            members.add_row(*map(cell, (
                member.member, member.name, member.role, member.joined or "",
                member.left or "", member.status,
                excerpt(evidence.sentence, evidence.trigger),
                f"{evidence.doc_id}#{evidence.sentence_index}")))
        printer.print(members)
        groups = [g for m in coalition.members for g in m.contributions]
        for title, found in (("contributions by members", groups),
                             ("by organisations", coalition.related),
                             ("declared limits", coalition.limits)):
            if found:
                printer.print(_group_table(title, found))
            else:
                printer.print(cell(f"{title}: none found"))
    out.write(f"{len(coalitions)} coalitions\n")
