"""Answer "why was this event coded?" from the event record alone: as plain text
(`explain_event`, for `redshank explain`) or as data (`explanation`, for the HTTP API)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from redshank.model import Actor, Event, Span
from redshank.tables import terminal_safe

# How the place of an event was chosen, by its place_scope (redshank/where/scope.py).
PLACE_METHODS = {
    "sentence": "a place in the sentence governs the trigger",
    "paragraph": "the setting its paragraph names",
    "document": "the article's dateline or country",
}


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


@dataclass(slots=True)
class MarkedSpan:
    """A marked part of the sentence: `start`/`end` are offsets in the sentence."""

    role: str
    start: int
    end: int
    text: str
    label: str


@dataclass(slots=True)
class Explanation:
    """Why an event was coded, as data: the sentence (at `sentence_start` in its document)
    with its marked spans, the rule, the dictionary entries and how date and place were
    chosen; `text` is what `redshank explain` prints."""

    text: str
    sentence: str
    sentence_start: int
    spans: list[MarkedSpan]
    rule: str
    entries: list[dict[str, Any]]
    date: dict[str, Any]
    place: dict[str, Any] | None
    auxiliary: str | None
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _span(role: str, span: Span, base: int, sentence: str, label: str) -> MarkedSpan | None:
    """`span` (document offsets) relative to the sentence, if it lies in it and is not empty."""
    start, end = span.start - base, span.end - base
    if start < 0 or end > len(sentence) or start >= end:
        return None
    return MarkedSpan(role, start, end, sentence[start:end], label)


def _found(role: str, text: str | None, sentence: str, label: str) -> MarkedSpan | None:
    """The first place `text` occurs in the sentence (the record keeps no offsets for it)."""
    at = sentence.find(text) if text else -1
    if not text or at < 0:
        return None
    return MarkedSpan(role, at, at + len(text), text, label)


def explanation(event: Event) -> Explanation:
    """Why `event` was coded, as data (see `Explanation`). Actor, recipient, trigger and
    quote spans come from the record's offsets; the date and place spans are where the
    date's words and the place's name first occur in the sentence, when they do."""
    sentence = event.sentence
    base = event.sentence_span.start if event.sentence_span else 0
    evidence = event.evidence
    marked = [_span("actor", a.span, base, sentence, a.name) for a in event.actor]
    marked += [_span("recipient", a.span, base, sentence, a.name) for a in event.recipient]
    marked.append(_span("trigger", evidence.span, base, sentence, event.event))
    marked.append(_found("date", event.date_text, sentence, event.date or ""))
    if event.location is not None:
        marked.append(_found("place", event.location.name, sentence, event.location.name))
    if event.quote is not None:
        speaker = event.quote.speaker.name if event.quote.speaker else "unattributed"
        marked.append(_span("quote", event.quote.span, base, sentence, speaker))
    spans = sorted((m for m in marked if m is not None), key=lambda m: (m.start, m.end))
    entries = [{"role": role, "text": a.text, "name": a.name, "code": a.code or a.id,
                "entries": list(a.entries)}
               for role, actors in (("actor", event.actor), ("recipient", event.recipient))
               for a in actors]
    entries.append({"role": "trigger", "text": evidence.trigger, "name": evidence.rule,
                    "code": event.cameo, "entries": list(evidence.entries)})
    place = None
    if event.location is not None:
        loc = event.location
        scope = event.place_scope or "sentence"
        place = {"name": loc.name, "country": loc.country, "lat": loc.lat, "lon": loc.lon,
                 "precision": loc.precision, "scope": scope, "method": PLACE_METHODS[scope]}
    how = [f"actor: {evidence.actor_how or 'not named'}"]
    if evidence.recipient_how:
        how.append(f"recipient: {evidence.recipient_how}")
    if evidence.auxiliary_cue:
        how.append(f"auxiliary cue: '{evidence.auxiliary_cue}'")
    return Explanation(
        text=explain_event(event), sentence=sentence, sentence_start=base, spans=spans,
        rule=evidence.rule, entries=entries,
        date={"value": event.date, "precision": event.date_precision,
              "text": event.date_text, "method": event.date_method},
        place=place, auxiliary=event.auxiliary, notes=[*how, *evidence.notes])
