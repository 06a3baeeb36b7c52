"""Words, clause windows and the topic and cue lexicons (validated with file:line errors)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redshank.errors import DataFileError
from redshank.positions.lexicon import default_lexicon, load_lexicon, parse_lexicon
from redshank.positions.words import clause_window, token_at, tokenize, word_key


@pytest.mark.parametrize(("forms", "key"), [
    (["troops", "troop"], "troop"),
    (["training", "trained", "trains", "train"], "train"),
    (["equipping", "equipped", "equip"], "equip"),
    (["forces", "force"], "forc"),
    (["left", "leave", "leaves"], "leav"),
    (["ruling", "rule", "ruled"], "rul"),
    (["note", "noted", "notes"], "note"),
])
def test_inflected_forms_share_a_key(forms: list[str], key: str) -> None:
    assert {word_key(form) for form in forms} == {key}


def test_note_is_not_the_negation() -> None:
    assert word_key("note") != word_key("not") == word_key("n't")


def test_tokens_split_contractions_and_keep_abbreviations() -> None:
    texts = [t.text for t in tokenize("We're not looking; he won't. U.S.-led, Obama's")]
    assert texts == ["We", "'re", "not", "looking", ";", "he", "wo", "n't", ".",
                     "U.S.-led", ",", "Obama", "'s"]


@pytest.mark.parametrize(("sentence", "word", "clause"), [
    ("calling for support but ruling out committing ground forces.", "ruling",
     "ruling out committing ground forces."),
    ("they could help, including training and equipping the Iraqis.", "help",
     "they could help, including training and equipping the Iraqis."),
    ("It created a coalition, ruling out ground forces.", "created", "It created a coalition"),
    ("It created a coalition, ruling out ground forces.", "ground", "ruling out ground forces."),
    ("Kerry said so; NATO agreed.", "agreed", "NATO agreed."),
    ("fighting for IS – who return home", "IS", "fighting for IS"),
])
def test_clause_window(sentence: str, word: str, clause: str) -> None:
    tokens = tokenize(sentence)
    start, end = clause_window(tokens, token_at(tokens, sentence.index(word)))
    assert sentence[tokens[start].start:tokens[end - 1].end] == clause


def test_topics_match_lemmas_with_small_gaps_longest_first() -> None:
    lexicon = default_lexicon()
    sentence = "offered training and equipping, put troops on the ground and share more information"
    tokens = tokenize(sentence)
    found = {(m.phrase.label, sentence[m.start:m.end]) for m in lexicon.topics_in(tokens)}
    assert found == {("training", "training and equipping"),
                     ("ground-troops", "troops on the ground"),
                     ("intelligence", "share more information")}


def test_exact_words_do_not_match_other_forms() -> None:
    lexicon = default_lexicon()
    assert [m.phrase.label for m in lexicon.topics_in(tokenize("sending arms"))] == ["arms"]
    assert lexicon.topics_in(tokenize("armed men")) == []


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
    assert [m.phrase.label for m in lexicon.topics_in(tokenize("two frigates"))] == ["naval"]
    assert [s.topic for s in lexicon.signal_topics("ASSAULT", "naval", [])] == ["naval"]


@given(st.text(alphabet=st.sampled_from(list("ab\t\n#@/= -xyzTopicuehrs")), max_size=80))
def test_any_file_text_loads_or_fails_with_a_data_file_error(text: str) -> None:
    try:
        parse_lexicon(text, path="fuzz.tsv")
    except DataFileError as error:
        assert error.path == "fuzz.tsv"
