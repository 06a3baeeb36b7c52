"""Scoring rules on hand-made events: actor matching, sides, triples, one-to-one pairing."""

from __future__ import annotations

import pytest

from redshank.evaluate.gold import GoldActor, GoldEvent
from redshank.evaluate.match import (
    actor_matches,
    coded_units,
    is_counted,
    match_record,
    side_matches,
)
from tests.evaluate.builders import actor, event


def gold(kind: str, actors: list[str], recipients: list[str]) -> GoldEvent:
    return GoldEvent(event=kind, mode=None, context=(), written=kind,
                     actor=tuple(GoldActor(c) for c in actors),
                     recipient=tuple(GoldActor(c) for c in recipients))


@pytest.mark.parametrize(("gold_code", "coded", "expected"), [
    ("USA", actor("USA"), True),
    ("USA", actor("USAGOV"), True),                      # sector not required
    ("USA", actor(None, country="USA", kind="person", name="Kerry"), True),
    ("USA", actor("USAGOV", country="RUS"), True),       # code prefix is enough
    ("GBR", actor("FRAGOV"), False),
    ("ARN", actor("ARNGOV", country=None, kind="other"), True),
    ("ARNGOV", actor("ARNGOVFRM", country=None, kind="other"), True),
    ("ARNGOV", actor("ARN", country=None, kind="other"), False),  # gold sector missing
    ("IGO", actor("IGOUNO", country=None, kind="igo"), True),
    ("IGO", actor(None, country=None, kind="igo", name="European Community"), True),
    ("NGO", actor("NGOAMN", country=None, kind="ngo"), True),
    ("NGO", actor("IGOUNO", country=None, kind="igo"), False),
    ("---GOV", actor("---GOV", country=None), True),
    ("---GOV", actor("USAGOV"), False),
])
def test_actor_matching_rules(gold_code, coded, expected) -> None:
    assert actor_matches(GoldActor(gold_code), coded) is expected


def test_uncoded_gold_actor_matches_by_name() -> None:
    named = GoldActor(code="", text="THE MINISTRY OF MAGIC")
    assert actor_matches(named, actor(None, country=None, name="Ministry of Magic"))
    assert not actor_matches(named, actor(None, country=None, name="Gondor"))


@pytest.mark.parametrize(("gold_codes", "coded", "expected"), [
    ([], [], True),
    ([], [actor("REF")], False),
    (["HUN", "ROU"], [actor("HUNGOV"), actor("ROUGOV")], True),
    (["HUN", "ROU"], [actor("HUNGOV")], False),            # a gold actor missing
    (["USA"], [actor("USA"), actor("RUS")], False),        # an extra coded actor
    (["USA"], [actor("USA"), actor("USAGOV")], True),
    (["USA"], [], False),
])
def test_a_side_is_right_only_when_gold_and_coded_actors_agree(gold_codes, coded,
                                                               expected) -> None:
    assert side_matches([GoldActor(c) for c in gold_codes], coded) is expected


def test_hidden_events_are_not_counted_unless_asked() -> None:
    assert is_counted(event("AGREE", [], auxiliary="historical"))
    for hidden in ("negated", "hypothetical", "future"):
        assert not is_counted(event("AGREE", [], auxiliary=hidden))
        assert is_counted(event("AGREE", [], auxiliary=hidden), include_hidden=True)


def test_triples_split_compound_actors_and_drop_duplicates() -> None:
    arnor, osgiliath, gondor = actor("ARN"), actor("OSG"), actor("GON")
    both = event("ASSAULT", [arnor, osgiliath], [gondor])
    units = coded_units([both, event("ASSAULT", [arnor], [gondor])], "triple")
    assert [(u.actor[0].code, u.recipient[0].code) for u in units] == [("ARN", "GON"),
                                                                      ("OSG", "GON")]
    lone = coded_units([event("PROTEST", [arnor])], "triple")
    assert [(u.actor, u.recipient) for u in lone] == [((arnor,), ())]
    assert len(coded_units([both], "event")) == 1


def test_pairs_full_wrong_actors_and_false_alarm() -> None:
    units = coded_units([event("REQUEST", [actor("IRQ")], [actor("USA")]),
                         event("REQUEST", [actor("IRQ")], [actor("IRN")]),
                         event("ASSAULT", [actor("ISL")])], "event")
    pairs = match_record([gold("REQUEST", ["IRQ"], ["USA"])], units)
    assert sorted(p.kind for p in pairs) == ["false_alarm", "false_alarm", "full"]
    pairs = match_record([gold("REQUEST", ["IRQ"], ["SYR"]), gold("ASSAULT", ["IRQ"], [])],
                         units[1:])
    kinds = {(p.gold and p.gold.event, p.kind) for p in pairs}
    assert kinds == {("REQUEST", "wrong_actors"), ("ASSAULT", "wrong_actors")}


def test_same_type_pairs_prefer_actor_agreement_over_order() -> None:
    first, second = gold("AGREE", ["GON"], ["DAG"]), gold("AGREE", ["DAG"], ["GON"])
    units = coded_units([event("AGREE", [actor("DAG")], [actor("GON")]),
                         event("AGREE", [actor("GON")], [actor("DAG")])], "triple")
    pairs = match_record([first, second], units)
    assert [p.kind for p in pairs] == ["full", "full"]


def test_leftovers_of_other_types_pair_for_the_confusion_matrix() -> None:
    units = coded_units([event("ACCUSE", [actor("NGA")], [actor("NGA")])], "event")
    pairs = match_record([gold("COERCE", ["NGA"], ["NGA"]), gold("PROTEST", ["NGA"], [])],
                         units)
    assert sorted((p.kind, p.gold.event if p.gold else None) for p in pairs) == [
        ("miss", "PROTEST"), ("wrong_type", "COERCE")]
    wrong = next(p for p in pairs if p.kind == "wrong_type")
    assert not wrong.type_right and wrong.coded is not None


def test_unscored_gold_leaves_extra_coded_units_unjudged() -> None:
    units = coded_units([event("AGREE", [actor("ARN")], [actor("GON")]),
                         event("ASSAULT", [actor("ERI")], [actor("OSG")])], "triple")
    pairs = match_record([gold("AGREE", ["ARN"], ["GON"])], units, has_unscored=True)
    assert sorted(p.kind for p in pairs) == ["full", "unjudged"]
    assert sorted(p.kind for p in match_record([], units[1:])) == ["false_alarm"]
