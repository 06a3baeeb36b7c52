"""The pattern file format: loading, validation errors naming file and line, user overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from redshank.coding import load_ontology, load_patterns, match_pattern
from redshank.coding.patterns import PatternSet, parse_patterns
from redshank.errors import DataFileError
from tests.conftest import make_doc


def parse(text: str) -> PatternSet:
    patterns = PatternSet()
    parse_patterns(text, "user.patterns", load_ontology(), patterns, {})
    return patterns


def test_packaged_patterns_cover_every_plover_event_type() -> None:
    patterns = load_patterns()
    events = {p.event for p in patterns}
    assert {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE", "REQUEST",
            "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
            "ASSAULT"} <= events


def test_a_pattern_takes_its_plover_reading_from_the_crosswalk() -> None:
    pattern = parse("&AIR = airstrike air_strike\nrebuff arg:&AIR 1222\n").candidates(
        "verb", "rebuff")[0]
    assert (pattern.event, pattern.mode, pattern.context) == ("REJECT", "assist", ("military",))
    assert ("air", "strike") in pattern.constraints[0].words
    assert pattern.id == "user.patterns:2"


def test_options_override_the_crosswalk() -> None:
    pattern = parse("carry+out obj:drone 195 mode=drone recipient=prep.against\n").candidates(
        "verb", "carry")[0]
    assert (pattern.particle, pattern.mode, pattern.recipient) == ("out", "drone",
                                                                   "prep.against")


def test_also_names_a_second_event_of_the_same_words() -> None:
    pattern = parse("jail 173 event=SANCTION mode=convict also=COERCE/arrest\n").candidates(
        "verb", "jail")[0]
    assert (pattern.event, pattern.also) == ("SANCTION", ("COERCE", "arrest"))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("ask obj:help\n", "no CAMEO code"),
        ("ask 9999\n", "not in the crosswalk"),
        ("ask what:help 020\n", "unknown role"),
        ("ask obj:&NOPE 020\n", "unknown word set"),
        ("ask 020 colour=red\n", "bad option"),
        ("Ask! 020\n", "bad trigger"),
        ("ask 020 event=PARTY\n", "unknown PLOVER event"),
        ("jail 173 also=PARTY/arrest\n", "also= names unknown PLOVER event"),
    ],
)
def test_malformed_lines_name_file_and_line(text: str, message: str) -> None:
    with pytest.raises(DataFileError) as error:
        parse("# comment\n\n" + text)
    assert error.value.line == 3
    assert "user.patterns:3" in str(error.value)
    assert message in str(error.value)


def test_user_files_extend_and_override(tmp_path: Path) -> None:
    user = tmp_path / "mine.patterns"
    user.write_text("zorble 120\nask 020 mode=meet\n", encoding="utf-8")
    patterns = load_patterns([str(user)])
    assert patterns.candidates("verb", "zorble")[0].event == "REJECT"
    doc = make_doc([("Iraq", "Iraq", "PROPN", "NNP", "nsubj", 1),
                    ("asked", "ask", "VERB", "VBD", "ROOT", 1),
                    ("Iran", "Iran", "PROPN", "NNP", "dobj", 1)])
    chosen = match_pattern(doc[1], patterns)
    assert chosen is not None and chosen.id == "mine.patterns:2" and chosen.mode == "meet"
