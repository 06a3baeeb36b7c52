"""The topic and cue lexicons: matched on the lemma keys of parsed sentences, validated
with file:line errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redshank.errors import DataFileError
from redshank.parse import load_nlp
from redshank.positions.lexicon import default_lexicon, load_lexicon, parse_lexicon
from redshank.positions.stage import sentence_tokens
from redshank.positions.tokens import Token, lemma_key


def parsed(sentence: str) -> list[Token]:
    """The tokens of one sentence, parsed with the model."""
    return sentence_tokens({0: (sentence, 0)}, [(0, load_nlp()(sentence))])[0]


@pytest.mark.parametrize(("lemmas", "key"), [
    (["troop"], "troop"),
    (["training", "train"], "train"),
    (["funding", "fund"], "fund"),
    (["force"], "forc"),
    (["leave"], "leav"),
    (["note"], "note"),
])
def test_a_noun_and_its_verb_share_a_key(lemmas: list[str], key: str) -> None:
    assert {lemma_key(lemma) for lemma in lemmas} == {key}


def test_note_is_not_the_negation() -> None:
    assert lemma_key("note") != lemma_key("not")


def test_parsed_words_are_keyed_on_their_spacy_lemmas() -> None:
    keys = {t.text: t.key for t in parsed("He left open the possibility; we won't send "
                                          "troops, training forces instead.")}
    assert (keys["left"], keys["wo"], keys["n't"], keys["troops"], keys["training"]) == (
        "leav", "will", "not", "troop", "train")


def test_topics_match_lemmas_with_small_gaps_longest_first() -> None:
    lexicon = default_lexicon()
    sentence = ("They offered training and equipping, put troops on the ground and share "
                "more information.")
    found = {(m.phrase.label, sentence[m.start:m.end])
             for m in lexicon.topics_in(parsed(sentence))}
    assert found == {("training", "training and equipping"),
                     ("ground-troops", "troops on the ground"),
                     ("intelligence", "share more information")}


def test_exact_words_do_not_match_other_forms() -> None:
    lexicon = default_lexicon()
    assert [m.phrase.label for m in lexicon.topics_in(parsed("They are sending arms."))] == [
        "arms"]
    assert lexicon.topics_in(parsed("Armed men came.")) == []


def test_a_found_verb_is_not_the_coalition_verb_found() -> None:
    """'found' is a form cue (to found a coalition), read on the lemma: the past of
    'find' is not one."""
    lexicon = default_lexicon()
    assert lexicon.cue("form", parsed("They found a coalition of rebels in the town.")) == []
    assert lexicon.cue("form", parsed("They will found a new coalition.")) != []


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mine.tsv"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("text", "line", "message"), [
    ("topic\tphrase\nground-troops\n", 2, "expected 2 tab-separated fields"),
    ("phrase\ttopic\n", 1, "first line must be the header"),
    ("cue\tphrase\nmaybe\tperhaps\n", 2, "unknown cue kind 'maybe'"),
    ("topic\tphrase\nNaval\tfrigate\n", 2, "topic name 'Naval'"),
    ("topic\tphrase\nnaval\t@ASSAULT/sea/x/y\n", 2, "event signal"),
    ("topic\tphrase\nnaval\tfrigate\nnaval\tfrigate\n", 3, "duplicate entry"),
    ("cue\tphrase\nhedge\t;;\n", 2, "has no words"),
])
def test_bad_lexicon_lines_name_file_and_line(tmp_path: Path, text: str, line: int,
                                              message: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(DataFileError, match=message) as error:
        load_lexicon([path])
    assert error.value.line == line and str(path) in str(error.value)


def test_unknown_fallback_topic_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="fallback-topic naval"):
        load_lexicon([_write(tmp_path, "cue\tphrase\nfallback-topic\tnaval\n")])


def test_user_files_add_topics_and_cues(tmp_path: Path) -> None:
    topics = _write(tmp_path, "# my topics\ntopic\tphrase\nnaval\tfrigate\nnaval\t@ASSAULT/naval\n")
    lexicon = load_lexicon([topics])
    assert "naval" in lexicon.topic_names and "ground-troops" in lexicon.topic_names
    assert [m.phrase.label for m in lexicon.topics_in(parsed("It sent two frigates."))] == [
        "naval"]
    assert [s.topic for s in lexicon.signal_topics("ASSAULT", "naval", [])] == ["naval"]


@given(st.text(alphabet=st.sampled_from(list("ab\t\n#@/= -xyzTopicuehrs")), max_size=80))
def test_any_file_text_loads_or_fails_with_a_data_file_error(text: str) -> None:
    try:
        parse_lexicon(text, path="fuzz.tsv")
    except DataFileError as error:
        assert error.path == "fuzz.tsv"
