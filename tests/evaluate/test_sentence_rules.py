"""The real-news scoring rules of issue 9, on hand-made events: no parser needed."""

from __future__ import annotations

from datetime import date

import pytest

from redshank.evaluate import read_gold
from redshank.evaluate.articles import code_in_articles, events_in, locate, read_articles
from redshank.evaluate.match import actor_matches, coded_units, judge_sentence, side_accepts
from redshank.evaluate.redshank_gold import gold_actor
from redshank.evaluate.score import score_records
from redshank.model import Document, DocumentResult, Span
from tests.evaluate.builders import actor, event, news_event, news_record, write_news

ISIS_ENTRY = "redshank-core.jsonl:1 ISLAMIC_STATE"


def root(code: str):
    return gold_actor(code, fail=AssertionError)


def one_sentence(tmp_path, events: list[dict], coded: list, *, selection: str = "event"):
    """The report for one gold sentence holding `events`, coded as `coded`."""
    gold = read_gold(write_news(tmp_path / "gold.jsonl",
                                [news_record("a-0", "A sentence.", events,
                                             selection=selection)]))
    result = DocumentResult(document=Document(id="a-0", text="A sentence."), events=coded)
    return score_records(gold, [(gold.records[0], result)])


@pytest.mark.parametrize(("gold_code", "coded", "expected"), [
    ("USAGOV", actor("USAMIL"), True),                  # the root is scored, not the sector
    ("USAGOV", actor(None, country="USA", kind="person", name="Pompeo"), True),
    ("HKGCOP", actor("CHNCOP"), False),
    ("IGOJUD", actor("IGOUNO", country=None, kind="igo"), True),
    ("NGO", actor("NGOAMN", country=None, kind="ngo"), True),
    ("ISIL", actor("SYRUAF", kind="armed_group", entries=(ISIS_ENTRY,)), True),
    ("ISIL", actor("IMGMUSISI", country=None, kind="armed_group"), False),  # not from an entry
    ("ISIL", actor("SYR", entries=("country SYR: the event happened in Syria",)), False),
    ("ALQAEDA", actor("IMGMUSALQ", country=None, entries=("phoenix-nonstate.jsonl:350 AL_QA'IDA",)),
     True),
    ("HOUTHI", actor("YEMREB", kind="armed_group", name="Houthis"), False),  # no entry known
])
def test_actors_match_on_their_root_or_their_group_entries(gold_code, coded, expected) -> None:
    assert actor_matches(root(gold_code), coded) is expected


@pytest.mark.parametrize(("gold_codes", "coded", "expected"), [
    ([], [], True),
    ([], [actor("RUS")], True),                          # an empty gold side accepts anything
    (["USAGOV"], [actor("USA"), actor("GBR")], True),    # every gold root matched is enough
    (["USAGOV", "GBRGOV"], [actor("USA")], False),
    (["USAGOV"], [], False),
])
def test_a_side_is_right_when_every_gold_root_is_matched(gold_codes, coded, expected) -> None:
    assert side_accepts([root(c) for c in gold_codes], coded) is expected


def test_optional_gold_events_are_neither_rewarded_nor_penalised(tmp_path) -> None:
    report = one_sentence(tmp_path, [
        news_event("ASSAULT", ["TURMIL"], ["SYR"], auxiliary="future"),
        news_event("ACCUSE", ["TURGOV"], ["SYR"])],
        [event("ASSAULT", [actor("TUR")], [actor("SYR")])])
    assert (report.overall.gold, report.overall.coded, report.overall.matched) == (1, 0, 0)
    assert report.unjudged == 1
    assert [e.kind for e in report.errors] == ["miss"]


def test_coded_events_with_an_auxiliary_are_not_counted(tmp_path) -> None:
    report = one_sentence(tmp_path, [news_event("ACCUSE", ["TURGOV"], ["SYR"])],
                          [event("ACCUSE", [actor("TUR")], [actor("SYR")], auxiliary="negated")])
    assert (report.overall.gold, report.overall.coded, report.overall.matched) == (1, 0, 0)
    assert report.errors[0].note.startswith("coded but hidden: ACCUSE")


def test_precision_asks_only_whether_the_type_is_among_the_gold_types(tmp_path) -> None:
    report = one_sentence(tmp_path, [
        news_event("ACCUSE", ["TURGOV"], ["SYRGOV"]),
        news_event("ACCUSE", ["USAGOV"], ["SYRGOV"])],
        [event("ACCUSE", [actor("TUR")], [actor("SYR")]),
         event("ACCUSE", [actor("FRA")], [actor("SYR")]),
         event("ASSAULT", [actor("TUR")], [actor("SYR")])])
    overall = report.overall
    assert (overall.gold, overall.matched, overall.full) == (2, 2, 1)
    assert (overall.coded, overall.coded_right, overall.coded_full) == (3, 2, 1)
    assert overall.precision == pytest.approx(2 / 3)
    assert sorted(e.kind for e in report.errors) == ["false_alarm", "wrong_actors"]
    assert report.errors_of("false_alarm")[0].note == "the gold sentence has ACCUSE"


def test_a_missed_gold_event_shows_what_was_coded_instead(tmp_path) -> None:
    gold = read_gold(write_news(tmp_path / "gold.jsonl", [news_record(
        "a-0", "Germany banned Mahan Air.", [news_event("REJECT", ["DEUGOV"], ["IRNBUS"])])]))
    pairs = judge_sentence(gold.records[0].events, coded_units(
        [event("COERCE", [actor("DEU")], [actor("IRNBUS")])], "event"))
    gold_side = [p for p in pairs if p.counts_gold]
    coded_side = [p for p in pairs if p.counts_coded]
    assert [p.kind for p in gold_side] == ["wrong_type"]
    assert [p.kind for p in coded_side] == ["wrong_type"] and not coded_side[0].counts_gold


def test_random_sentences_are_a_category_of_their_own(tmp_path) -> None:
    report = one_sentence(tmp_path, [], [event("ASSAULT", [actor("USA")])], selection="random")
    assert report.by_category["random"].metrics.precision == 0.0
    assert report.errors[0].note == "no event in the gold sentence"


ARTICLE = "Turkey condemned Syria.  It also\nthreatened Iraq. Nothing else happened."


def test_sentences_are_found_exactly_or_whatever_the_whitespace() -> None:
    assert locate("Turkey condemned Syria.", ARTICLE) == Span(0, 23)
    assert locate("It also threatened Iraq.", ARTICLE) == Span(25, 49)
    assert locate("Turkey praised Syria.", ARTICLE) is None


def test_an_event_belongs_to_the_sentence_holding_the_start_of_its_trigger() -> None:
    condemned = event("ACCUSE", [actor("TUR")], trigger="condemned", at=7)
    threatened = event("THREATEN", [actor("TUR")], trigger="threatened", at=33)
    assert events_in([condemned, threatened], Span(0, 23)) == [condemned]
    assert events_in([condemned, threatened], Span(25, 49)) == [threatened]
    assert events_in([condemned, threatened], Span(50, 72)) == []


class ArticlePipeline:
    """Stands in for the pipeline: each article yields the events given for it."""

    def __init__(self, events: dict[str, list]) -> None:
        self.events = events
        self.coded: list[str] = []

    def run(self, documents):
        for document in documents:
            self.coded.append(document.id)
            yield DocumentResult(document=document, events=self.events.get(document.id, []))


def test_articles_are_coded_whole_and_events_go_to_their_sentences(tmp_path) -> None:
    articles_path = tmp_path / "articles.jsonl"
    write_news(articles_path, [
        {"id": "art-1", "title": "T", "published": "2019-07-24", "text": ARTICLE},
        {"id": "art-2", "published": "2019-07-25", "text": "Not in the gold."}])
    gold = read_gold(write_news(tmp_path / "gold.jsonl", [
        news_record("art-1-0", "Turkey condemned Syria.",
                    [news_event("ACCUSE", ["TURGOV"], ["SYR"])]),
        news_record("art-1-1", "It also threatened Iraq.",
                    [news_event("THREATEN", ["TUR"], ["IRQ"])]),
        news_record("art-1-9", "A sentence the article lacks.", []),
    ]))
    articles = read_articles(articles_path)
    assert articles[0].published == date(2019, 7, 24)
    pipeline = ArticlePipeline({"art-1": [
        event("ACCUSE", [actor("TUR")], [actor("SYR")], trigger="condemned", at=7),
        event("THREATEN", [actor("TUR")], [actor("IRQ")], trigger="threatened", at=33)]})
    coded = code_in_articles(gold, articles, pipeline)
    assert pipeline.coded == ["art-1"]
    assert [[e.event for e in result.events] for _, result in coded] == [
        ["ACCUSE"], ["THREATEN"], []]
    assert "not found in the text of article 'art-1'" in coded[2][1].failures[0].message
    report = score_records(gold, coded)
    assert (report.overall.full, report.overall.coded_right) == (2, 2)
    assert [f.record_id for f in report.failures] == ["art-1-9"]
