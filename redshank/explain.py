"""Answer "why was this event coded?" from the event record alone."""

from __future__ import annotations

from redshank.model import Actor, Event, Span
from redshank.tables import terminal_safe


def _mark(sentence: str, base: int, spans: list[tuple[Span, str]]) -> str:
    """The sentence with [LABEL: text] around each span; overlapping spans are skipped, and
    so are empty ones (an actor implied by convention names no words)."""
    out, cursor = [], 0
    for span, label in sorted(spans, key=lambda item: item[0].start):
        start, end = span.start - base, span.end - base
        if start < cursor or start < 0 or end > len(sentence) or start == end:
            continue
        out.append(sentence[cursor:start])
        out.append(f"[{label}: {sentence[start:end]}]")
        cursor = end
    out.append(sentence[cursor:])
    return "".join(out)


def _actor_line(actor: Actor) -> str:
    code = actor.code or actor.id
    where = f"{actor.country or '-'}/{actor.sector or '-'}"
    entries = "; ".join(actor.entries) or "no dictionary entry"
    return f"'{actor.text}' -> {actor.name} [{code}, {where}, {actor.type}] from {entries}"


def explain_event(event: Event) -> str:
    """A plain-text account of an event: marked sentence, rule, dictionary entries, date;
    safe to print (tables.terminal_safe), since sentence and ids come from articles."""
    base = event.sentence_span.start if event.sentence_span else 0
    spans = [(a.span, "ACTOR") for a in event.actor]
    spans += [(a.span, "RECIPIENT") for a in event.recipient]
    spans.append((event.evidence.span, "TRIGGER"))
    mode = f" mode={event.mode}" if event.mode else ""
    context = f" context={','.join(event.context)}" if event.context else ""
    lines = [
        f"event {event.event_id}: {event.event}{mode}{context} (CAMEO {event.cameo}, "
        f"quad {event.quad}, intensity {event.intensity:+g})",
        f"document {event.doc_id}, sentence {event.sentence_index}, published "
        f"{event.published or 'unknown'}, coder {event.coder_version}",
        "",
        "  " + _mark(event.sentence, base, spans),
        "",
        f"trigger    '{event.evidence.trigger}' at characters "
        f"{event.evidence.span.start}-{event.evidence.span.end}",
        f"rule       {event.evidence.rule}",
    ]
    lines += [f"actor      {_actor_line(a)}" for a in event.actor]
    lines += [f"recipient  {_actor_line(a)}" for a in event.recipient] or ["recipient  none"]
    date_line = f"{event.date} ({event.date_precision})"
    if event.date_text:
        date_line += f" from '{event.date_text}'"
    lines.append(f"date       {date_line}: {event.date_method}")
    happened = "none (the event is reported as having happened)"
    lines.append(f"auxiliary  {event.auxiliary or happened}")
    if event.quote:
        speaker = event.quote.speaker.name if event.quote.speaker else "unattributed"
        lines.append(f"quote      said by {speaker}, characters {event.quote.span.start}-"
                     f"{event.quote.span.end}")
    if event.location:
        loc = event.location
        lines.append(f"location   {loc.name} ({loc.country}, {loc.precision}) {loc.lat},{loc.lon}")
    evidence = event.evidence
    lines.append(f"how        actor: {evidence.actor_how or 'not named'}")
    if evidence.recipient_how:
        lines.append(f"how        recipient: {evidence.recipient_how}")
    if evidence.auxiliary_cue:
        lines.append(f"how        auxiliary cue: '{evidence.auxiliary_cue}'")
    lines += [f"how        {note}" for note in evidence.notes]
    return terminal_safe("\n".join(lines), multiline=True)
