"""The structured explanation of an event (explain.explanation), on a hand-built event."""

from __future__ import annotations

from dataclasses import replace

from redshank.explain import explain_event, explanation
from redshank.model import Quote, Span
from tests.store.conftest import OBAMA, event


def test_spans_are_offsets_in_the_sentence() -> None:
    coded = event()
    why = explanation(coded)
    assert why.text == explain_event(coded)
    assert [(s.role, s.text) for s in why.spans] == [
        ("actor", "Iraq"), ("trigger", "asked"), ("recipient", "United States"),
        ("date", "on Wednesday")]
    assert all(why.sentence[s.start:s.end] == s.text for s in why.spans)
    assert why.place == {"name": "Baghdad", "country": "IRQ", "lat": 33.34, "lon": 44.4,
                         "precision": "city", "scope": "sentence",
                         "method": "a place in the sentence governs the trigger"}
    assert why.date == {"value": "2014-06-11", "precision": "day", "text": "on Wednesday",
                        "method": "weekday-before-published"}
    assert [e["role"] for e in why.entries] == ["actor", "recipient", "trigger"]
    assert why.entries[-1]["entries"] == ["patterns/request.yml:12"]


def test_offsets_are_relative_to_a_later_sentence() -> None:
    base = 100
    coded = event()
    shifted = replace(
        coded, sentence_span=Span(base, base + 76), place_scope="document",
        actor=[replace(a, span=Span(a.span.start + base, a.span.end + base))
               for a in coded.actor],
        recipient=[], quote=Quote(speaker=OBAMA, span=Span(base + 15, base + 40)),
        evidence=replace(coded.evidence, span=Span(base + 5, base + 10)))
    why = explanation(shifted)
    assert why.sentence_start == base
    assert {s.role: (s.start, s.end) for s in why.spans} == {
        "actor": (0, 4), "trigger": (5, 10), "quote": (15, 40), "date": (63, 75)}
    assert why.place is not None and why.place["method"] == "the article's dateline or country"
