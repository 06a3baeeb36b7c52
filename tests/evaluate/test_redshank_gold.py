"""The real-news gold reader (`redshank-gold`) on small hand-written files."""

from __future__ import annotations

import pytest

from redshank.actors.dictionary import load_dictionary
from redshank.errors import DataFileError
from redshank.evaluate import GoldFileError, read_gold
from redshank.evaluate.read import detect_format
from redshank.evaluate.redshank_gold import load_armed_groups, parse_armed_groups
from tests.conftest import SEEDS
from tests.evaluate.builders import news_event, news_record, write_news

WIKINEWS = SEEDS.parent / "data" / "gold" / "wikinews_plover.jsonl"


def test_reads_records_events_roots_and_selection(tmp_path) -> None:
    path = write_news(tmp_path / "gold.jsonl", [
        news_record("art-1-0", "Turkey's minister condemned ISIS.", [
            news_event("DISAPPROVE", ["TURGOV"], ["ISIL"]),
            news_event("ASSAULT", ["TURMIL"], ["ISIL"], auxiliary="future")]),
        news_record("art-1-4", "It rained.", [], selection="random"),
    ])
    gold = read_gold(path, "redshank-gold")
    assert (gold.format, gold.matching, len(gold.records)) == ("redshank-gold", "sentence", 2)
    first, second = gold.records
    assert (first.article, first.published.isoformat(), first.category) == (
        "art-1", "2019-07-24", "event")
    condemn, attack = first.events
    assert (condemn.event, condemn.written, condemn.optional) == ("ACCUSE", "DISAPPROVE", False)
    assert attack.optional and attack.auxiliary == "future"
    turkey, isil = condemn.actor[0], condemn.recipient[0]
    assert (turkey.code, turkey.sector, turkey.label) == ("TUR", "GOV", "TURGOV")
    assert isil.code == "ISIL" and "ISLAMIC_STATE" in isil.entries
    assert second.events == () and second.category == "random"


def test_the_format_is_detected_from_the_content(tmp_path) -> None:
    path = write_news(tmp_path / "gold.jsonl", [news_record("a-0", "Text.", [])])
    assert detect_format(path, path.read_text(encoding="utf-8")) == "redshank-gold"
    assert read_gold(path).format == "redshank-gold"


@pytest.mark.parametrize(("change", "message"), [
    ({"article": None}, "'article' must be a non-empty string"),
    ({"text": ""}, "'text' must be a non-empty string"),
    ({"published": "24/07/2019"}, "bad 'published'"),
    ({"events": None}, "'events' must be a list"),
    ({"events": [news_event("PARTY", ["USA"], [])]}, "event 1: unknown event type 'PARTY'"),
    ({"events": [news_event("AGREE", ["USA"], [], auxiliary="maybe")]}, "'auxiliary' must be"),
    ({"events": [news_event("AGREE", ["XYZGOV"], [])]}, "actor code 'XYZGOV'"),
    ({"events": [news_event("AGREE", "USA", [])]}, "'actor' must be a list of codes"),
])
def test_malformed_records_name_file_line_and_record(tmp_path, change, message) -> None:
    good = news_record("a-0", "Fine.", [])
    path = write_news(tmp_path / "gold.jsonl", [good, {**good, "id": "a-1", **change}])
    with pytest.raises(GoldFileError, match=message) as caught:
        read_gold(path, "redshank-gold")
    assert caught.value.line == 2 and caught.value.record == "a-1"
    assert "gold.jsonl:2" in str(caught.value)


def test_armed_group_table_names_only_entries_of_the_packaged_dictionaries() -> None:
    known = {entry.id for entry in load_dictionary().actors}
    groups = load_armed_groups()
    assert {"ISIL", "HEZBOLLAH", "JFS", "AHRAR", "ALQAEDA", "TALIBAN"} <= set(groups)
    missing = {(g.short_name, e) for g in groups.values() for e in g.entries if e not in known}
    assert not missing


def test_armed_group_table_errors_name_the_line() -> None:
    with pytest.raises(DataFileError, match=r"t\.tsv:3"):
        parse_armed_groups("short_name\tentries\tname\tnote\nISIL\tX\tIS\t\nbad line\n",
                           path="t.tsv")
    with pytest.raises(DataFileError, match="listed twice"):
        parse_armed_groups("h\th\th\th\nISIL\tX\tIS\t\nisil\tY\tIS\t\n", path="t.tsv")


@pytest.mark.skipif(not WIKINEWS.exists(), reason=f"{WIKINEWS} not found")
def test_the_wikinews_gold_scores_303_of_its_333_events() -> None:
    events = [e for record in read_gold(WIKINEWS, "redshank-gold").records for e in record.events]
    assert (len(events), sum(not e.optional for e in events)) == (333, 303)
