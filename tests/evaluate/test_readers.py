"""Reading gold files: both formats into typed records, and errors that name file and line."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redshank.errors import RedshankError
from redshank.evaluate import GoldActor, GoldFileError, detect_format, read_gold
from redshank.evaluate.plover_gsr import read_plover_gsr
from tests.evaluate.builders import gsr_record, petrarch_sentence, write_gsr, write_petrarch


def test_plover_records_become_typed_gold_with_lines(tmp_path) -> None:
    path = write_gsr(tmp_path / "gold.json", [
        gsr_record("A-1", "AGREE", ["HUN", "ROU"], [], context="refugees, diplomatic"),
        gsr_record("A-2", "REJECT", ["SYR"], ["IRQ"], mode="", category="hard"),
    ])
    gold = read_gold(path)
    assert (gold.format, gold.unit, len(gold.records)) == ("plover-gsr", "event", 2)
    first, second = gold.records
    assert first.published == date(2000, 1, 1) and first.line == 2
    assert [a.code for a in first.events[0].actor] == ["HUN", "ROU"]
    assert first.events[0].recipient == () and first.events[0].context == (
        "refugees", "diplomatic")
    assert second.category == "hard" and second.events[0].mode is None
    lines = path.read_text().splitlines()
    assert lines[second.line - 1].strip() == "{" and '"id": "A-2"' in lines[second.line]


@pytest.mark.parametrize(("written", "mode", "event", "expected_mode"), [
    ("DEMAND", None, "REQUEST", None),
    ("DISAPPROVE", None, "ACCUSE", None),
    ("FIGHT", "heavy-weapons", "ASSAULT", "heavy-weapons"),
    ("INVESTIGATE", "", "ACCUSE", "investigate"),
    ("assault", None, "ASSAULT", None),
])
def test_old_plover_names_are_mapped(tmp_path, written, mode, event, expected_mode) -> None:
    record = gsr_record("R", written, ["USA"], ["IRQ"], mode=mode)
    gold = read_gold(write_gsr(tmp_path / "g.json", [record]))
    assert (gold.records[0].events[0].event, gold.records[0].events[0].mode) == (
        event, expected_mode)
    assert gold.records[0].events[0].written == written.upper()


def test_legacy_country_codes_and_sectors(tmp_path) -> None:
    record = gsr_record("R", "CONSULT", ["RUS"], [])
    record["target"] = [{"actorText": "Japanese PM", "code": "jap", "sector": "gov"}]
    gold = read_gold(write_gsr(tmp_path / "g.json", [record]))
    assert gold.records[0].events[0].recipient == (GoldActor("JPN", "GOV", "Japanese PM"),)


def test_json_lines_and_no_event_records(tmp_path) -> None:
    lines = [json.dumps(gsr_record("R1", "PROTEST", ["FRA"], [])),
             "",
             json.dumps({"id": "R2", "text": "Nothing.", "event": ""})]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    gold = read_gold(path)
    assert [r.line for r in gold.records] == [1, 3]
    assert gold.records[1].events == () and gold.records[1].published is None


@pytest.mark.parametrize(("content", "line", "words"), [
    ('[\n {"id": "X", "text": "t", "event": "AGREE"},\n {"id": "Y", "text": "t", '
     '"event": "PARLEY"}\n]', 3, ["record 'Y'", "unknown event 'PARLEY'"]),
    ('[\n {"id": "X", "text": "t", "event": "AGREE"}\n {"id": "Y"}\n]', 3,
     ["expected ',' or ']'"]),
    ('[\n {"id": "X", "text": "t", "event": "AGREE",\n  "source": [{"actorText": "U"}]}\n]',
     2, ["record 'X'", "'source' actor 1 has no 'code'"]),
    ('[\n {"id": "X", "text": "", "event": "AGREE"}\n]', 2, ["record 'X'", "no 'text'"]),
    ('[\n {"id": "X", "text": "t", "event": "AGREE", "date": "1/2/2000"}\n]', 2,
     ["bad 'date'"]),
    ('[\n {"text": "t", "event": "AGREE"}\n]', 2, ["record 1 has no 'id'"]),
    ('[\n {"id": "X", "text": "t", "event": "AGREE", }\n]', 2, ["not valid JSON"]),
    ('{"records": []}', 1, ["record 1 has no 'id'"]),
    ('\n\n"just a string"', 3, ["expected a JSON array"]),
])
def test_malformed_plover_names_file_line_and_record(tmp_path, content, line, words) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GoldFileError) as caught:
        read_gold(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:{line}: ") and caught.value.line == line
    assert all(word in message for word in words), message
    assert isinstance(caught.value, RedshankError)


def test_petrarch_records_become_triples(tmp_path) -> None:
    path = write_petrarch(tmp_path / "records.xml", [
        petrarch_sentence("DEMO-02", "Dagolath's minister left for Minas Tirith.",
                          ["DAGGOV GON 032", "GON DAGGOV 033"]),
        petrarch_sentence("DEMO-24", "Nothing to see.", ["noevents"], category="PATTERN",
                          date="20000423"),
        petrarch_sentence("ACTOR-01", "Gryffindor's head left.",
                          ['"GRYFFINDOR_HEAD" --- 032', "---GOV ### 023", "ERI OSG 903"]),
    ])
    gold = read_gold(path)
    assert (gold.format, gold.unit) == ("petrarch-xml", "triple")
    demo, empty, named = gold.records
    assert demo.line == 3 and demo.category == "DEMO" and demo.published == date(1995, 1, 1)
    assert [(e.event, e.actor[0].code, e.recipient[0].code) for e in demo.events] == [
        ("AGREE", "DAGGOV", "GON"), ("AGREE", "GON", "DAGGOV")]
    assert demo.events[0].written == "CAMEO 032"
    assert empty.events == () and empty.published == date(2000, 4, 23)
    assert named.events[0].actor == (GoldActor(code="", text="GRYFFINDOR HEAD"),)
    assert named.events[0].recipient == () and named.events[1].recipient == ()
    assert named.events[1].actor[0].code == "---GOV" and named.events[1].event == "REQUEST"
    assert named.unscored == ("ERI OSG CAMEO 903",)


def test_petrarch_expected_errors_and_missing_codings_mean_no_events(tmp_path) -> None:
    sentence = petrarch_sentence("ERROR-01", "Bad dateline.", []).replace(
        "<Text>", '<EventCoding error="dateline"></EventCoding>\n<Text>')
    path = write_petrarch(tmp_path / "r.xml", [sentence, petrarch_sentence("P-6", "T.", [])])
    assert [r.events for r in read_gold(path).records] == [(), ()]


@pytest.mark.parametrize(("sentence", "line", "words"), [
    (petrarch_sentence("D-1", "Text.", ["ARN GON 064"]).replace(' eventcode="064"', ""), 5,
     ["record 'D-1'", "lacks eventcode"]),
    (petrarch_sentence("D-2", "Text.", ["ARN GON 064"], date="1995-01-01"), 3,
     ["record 'D-2'", "bad date"]),
    (petrarch_sentence("D-3", "Text.", ["ARN GON 064"]).replace("</Text>", ""), 10,
     ["not well-formed XML"]),
    (petrarch_sentence("D-4", "", ["ARN GON 064"]), 3, ["record 'D-4'", "<Text>"]),
    (petrarch_sentence("", "Text.", ["ARN GON 064"]), 3, ["no id"]),
])
def test_malformed_petrarch_names_file_line_and_record(tmp_path, sentence, line, words) -> None:
    path = write_petrarch(tmp_path / "bad.xml", [sentence])
    with pytest.raises(GoldFileError) as caught:
        read_gold(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:{line}: "), message
    assert all(word in message for word in words), message


def test_format_detection(tmp_path) -> None:
    assert detect_format("gold.JSON", "") == "plover-gsr"
    assert detect_format("gold.xml", "") == "petrarch-xml"
    assert detect_format("gold.txt", '  [{"id": 1}]') == "plover-gsr"
    assert detect_format("gold.txt", "<Validation>") == "petrarch-xml"
    with pytest.raises(GoldFileError, match="pass --format"):
        detect_format("gold.txt", "id,text")
    path = tmp_path / "gold.data"
    write_petrarch(path, [petrarch_sentence("D", "Text.", ["ARN GON 064"])])
    assert read_gold(path).format == "petrarch-xml"
    with pytest.raises(GoldFileError, match="expected a JSON array"):
        read_gold(path, "plover-gsr")
    with pytest.raises(GoldFileError, match="not well-formed XML"):
        read_gold(write_gsr(tmp_path / "records.xml", []))


def test_unreadable_files_name_the_file(tmp_path) -> None:
    with pytest.raises(GoldFileError, match="cannot read"):
        read_gold(tmp_path / "missing.json")
    path = tmp_path / "latin1.json"
    path.write_bytes(b'[\n{"id": "X", "text": "caf\xe9"}]')
    with pytest.raises(GoldFileError, match=r"latin1.json:2: not UTF-8"):
        read_gold(path)


RECORD = st.fixed_dictionaries({
    "id": st.text(alphabet="ABC-0123456789", min_size=1, max_size=8),
    "text": st.text(min_size=1, max_size=40).filter(str.strip),
    "event": st.sampled_from(["AGREE", "DEMAND", "FIGHT", "", "PROTEST"]),
    "source": st.lists(st.fixed_dictionaries({"code": st.sampled_from(["USA", "IGO", "JAP"])}),
                       max_size=2),
})


@settings(max_examples=40, deadline=None)
@given(records=st.lists(RECORD, max_size=6), indent=st.sampled_from([None, 1, 4]))
def test_any_valid_plover_file_reads_back_with_start_lines(records, indent) -> None:
    text = json.dumps(records, indent=indent)
    gold = read_plover_gsr("mem.json", text)
    assert [r.id for r in gold.records] == [r["id"].strip() for r in records]
    assert [r.text for r in gold.records] == [" ".join(r["text"].split()) for r in records]
    assert [bool(r.events) for r in gold.records] == [bool(r["event"]) for r in records]
    lines = text.splitlines()
    for record in gold.records:
        assert record.line is not None and "{" in lines[record.line - 1]
