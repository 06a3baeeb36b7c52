"""The word classes and the event-type table: packaged files load, bad files name file and line."""

from __future__ import annotations

from typing import get_args

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redshank.coding.plover import EVENT_TYPES, load_ontology
from redshank.errors import DataFileError
from redshank.knowledge import (
    EVENT_COLUMNS,
    STANCES,
    collect_word_classes,
    event_type,
    event_types,
    parse_event_types,
    parse_word_classes,
    types_where,
    word_classes,
    word_list,
    words,
)
from redshank.link.families import family_of, is_mutual
from redshank.model import Stance
from redshank.when.vocabulary import month_number, weekday_number

HEADER = "\t".join(EVENT_COLUMNS)
AGREE_ROW = "AGREE\t1\tagree\tyes\tno\tREJECT\t-\tcommit\tmember\tyes\tyes\tyes\t-\t-\twith\tno"
REJECT_ROW = "REJECT\t3\treject\tno\tno\t-\t-\trefuse\t-\tyes\tyes\tyes\tCOP\tAGREE\t-\tyes"


def test_packaged_classes_are_documented_and_loaded_once():
    classes = word_classes()
    assert classes is word_classes()
    assert len(classes) >= 30
    for word_class in classes.values():
        assert word_class.description and word_class.words
        assert word_class.path.startswith("redshank/data/words/")


def test_calendar_words_are_one_list_for_every_stage():
    from redshank.where.mentions import CALENDAR_WORDS

    assert CALENDAR_WORDS == words("weekdays", "months")
    assert word_list("months")[0] == "january" and len(word_list("months")) == 12
    assert month_number("Sept.") == 9 and month_number("jun") == 6
    assert weekday_number("Thurs") == 3 and weekday_number("sunday") == 6


def test_linker_sectors_extend_the_state_and_armed_classes():
    from redshank.link.records import ARMED_SECTORS, STATE_SECTORS

    assert words("state_sectors") < STATE_SECTORS and "PTY" in STATE_SECTORS
    assert words("armed_sectors") < ARMED_SECTORS and "CRM" in ARMED_SECTORS
    assert not STATE_SECTORS & ARMED_SECTORS


def test_event_table_holds_every_plover_type_the_crosswalk_and_scores_use():
    ontology = load_ontology()
    assert tuple(event_types()) == EVENT_TYPES and len(EVENT_TYPES) == 16
    crosswalk = {code.event for code in ontology.crosswalk.values() if code.event != "-"}
    assert crosswalk <= set(EVENT_TYPES)
    assert {event for event, _ in ontology.scores} == set(EVENT_TYPES)
    assert ontology.quad("ASSAULT") == 4 and ontology.quad("AGREE") == 1


def test_event_table_properties_reach_the_stages():
    assert family_of("SUPPORT") == family_of("AGREE") and is_mutual("CONSULT")
    assert family_of("ASSAULT") != family_of("COERCE")
    mobilize = event_type("MOBILIZE")
    assert mobilize is not None
    assert mobilize.refused_as == ("REJECT", "assist")
    assert mobilize.stated_future_as is None
    assert event_type("ASSAULT").stated_future_as == ("THREATEN", "violence")
    assert types_where(coalition="member") == {"AGREE", "COOPERATE", "SUPPORT"}
    assert event_type("NOT_A_TYPE") is None
    with pytest.raises(TypeError):
        types_where(colour="red")


def test_stances_are_the_positions_stances():
    assert set(get_args(Stance)) == STANCES


def test_unknown_class_names_the_classes():
    with pytest.raises(DataFileError, match="no word class \\[nope\\]"):
        word_list("nope")


@pytest.mark.parametrize(("text", "line", "message"), [
    ("monday\n", 1, "words before the first"),
    ("[Bad-Name]\n# x\nword\n", 1, "bad class name"),
    ("[days]\nmonday\n", 1, "has no description"),
    ("[days]\n# days\n\n[months]\n# months\njanuary\n", 1, "has no words"),
    ("[days]\n# days\nmonday\ntuesday monday\n", 4, "listed twice"),
])
def test_malformed_word_file_names_file_and_line(text, line, message):
    with pytest.raises(DataFileError, match=message) as caught:
        parse_word_classes(text, "extra.words")
    assert (caught.value.path, caught.value.line) == ("extra.words", line)
    assert str(caught.value).startswith(f"extra.words:{line}: ")


def test_class_defined_twice_names_both_places():
    with pytest.raises(DataFileError, match=r"already defined at a\.words:2") as caught:
        collect_word_classes([("a.words", "\n[days]\n# d\nmonday\n"),
                              ("b.words", "[days]\n# d\nfriday\n")])
    assert (caught.value.path, caught.value.line) == ("b.words", 1)


def test_description_and_order_are_kept():
    (days,) = parse_word_classes("# file note\n[days]\n# Week days,\n# in order.\n"
                                 "monday tuesday\n\nwednesday rule+out\n", "x.words")
    assert days.words == ("monday", "tuesday", "wednesday", "rule+out")
    assert days.description == "Week days, in order."
    assert days.line == 2


_WORD = st.text(st.characters(categories=("Ll", "Lu", "Nd", "Po")), min_size=1,
                max_size=12).filter(lambda w: not w.startswith(("#", "[")))
_NAME = st.from_regex(r"[a-z][a-z0-9_]{0,15}", fullmatch=True)


@given(st.dictionaries(_NAME, st.lists(_WORD, min_size=1, max_size=20, unique=True),
                       min_size=1, max_size=5))
def test_written_classes_read_back(classes):
    text = "".join(f"[{name}]\n# about {name}\n{' '.join(ws)}\n\n"
                   for name, ws in classes.items())
    parsed = {c.name: list(c.words) for c in parse_word_classes(text, "p.words")}
    assert parsed == classes


@pytest.mark.parametrize(("rows", "line", "message"), [
    (["event\tquad"], 1, "first row must name the columns"),
    ([HEADER, "AGREE\t1"], 2, "expected 16 tab-separated fields"),
    ([HEADER, AGREE_ROW.replace("\t1\t", "\t5\t", 1)], 2, "quad must be 1 to 4"),
    ([HEADER, AGREE_ROW.replace("\tyes\tno\t", "\ttrue\tno\t", 1)], 2, "mutual must be yes"),
    ([HEADER, AGREE_ROW.replace("commit", "maybe")], 2, "stance must be one of"),
    ([HEADER, AGREE_ROW.replace("member", "friend")], 2, "coalition must be one of"),
    ([HEADER, REJECT_ROW, REJECT_ROW], 3, "listed twice"),
    ([HEADER, "# note", AGREE_ROW.replace("\tREJECT\t", "\tREFUSE\t")], 3,
     "unknown event type 'REFUSE'"),
    ([HEADER, AGREE_ROW.replace("AGREE", "agree", 1)], 2, "upper-case"),
    ([HEADER, AGREE_ROW.replace("\t-\t-\twith", "\tyes\t-\twith")], 2,
     "implicit_actor must be a sector code"),
    ([HEADER, AGREE_ROW.replace("\twith", "\tboth")], 2, "reciprocal must be one of"),
    ([HEADER, AGREE_ROW, REJECT_ROW.replace("\tAGREE", "\tFIGHT")], 3,
     "folded_into names unknown event type 'FIGHT'"),
])
def test_malformed_event_table_names_file_and_line(rows, line, message):
    with pytest.raises(DataFileError, match=message) as caught:
        parse_event_types("\n".join(rows) + "\n", "types.tsv")
    assert (caught.value.path, caught.value.line) == ("types.tsv", line)


def test_event_row_reads_dashes_as_none():
    table = parse_event_types(f"{HEADER}\n{AGREE_ROW}\n{REJECT_ROW}\n", "types.tsv")
    agree = table["AGREE"]
    assert agree.refused_as == ("REJECT", None) and agree.stated_future_as is None
    assert agree.stance == "commit" and agree.mutual and not agree.located
    assert agree.folded_into is None and agree.implicit_actor is None
    assert agree.reciprocal == "with" and table["REJECT"].reciprocal is None
    assert table["REJECT"].folded_into == "AGREE" and table["REJECT"].implicit_actor == "COP"
