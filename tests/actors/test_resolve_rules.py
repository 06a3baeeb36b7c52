"""Matching rules on short sentences: case, acronyms, possessives, agents, dates, offsets."""

from __future__ import annotations

import pickle
from datetime import date

import pytest

from redshank.actors import ActorResolver
from redshank.actors.matcher import cache_dir
from tests.actors.conftest import find, make_doc


def codes(
    resolver, nlp, text: str, on: date | None = date(2014, 9, 5)
) -> list[tuple[str, str | None]]:
    return [(m.actor.text, m.actor.code) for m in find(resolver, nlp, text, on)]


@pytest.mark.parametrize(
    "text",
    [
        "Let us know what is happening here.",
        "Is this the end of it?",
        "Nobody Tells Us What Is Next",
        "It is what it is, un peu.",
        "WHAT IS GOING ON WITH US TRADE?",
        "We ate turkey off china plates in the youth club.",
    ],
)
def test_common_words_and_lower_case_acronyms_do_not_match(resolver, nlp, text) -> None:
    assert [c for c in codes(resolver, nlp, text) if c[1] and not c[1].startswith("---")] == []


def test_upper_case_acronyms_match(resolver, nlp) -> None:
    found = codes(resolver, nlp, "IS fighters fled as the UN, the EU and the AU met US envoys.")
    assert ("IS fighters", "IMGMUSISI") in found
    assert (
        ("UN", "IGOUNO") in found and ("EU", "IGOEUREEC") in found and ("AU", "IGOAFROAU") in found
    )
    assert any(text.startswith("US") and code.startswith("USA") for text, code in found)


def test_dotted_initials_without_their_last_dot_match(resolver, nlp) -> None:
    found = codes(resolver, nlp, "A U.N envoy met the U.K ambassador and U.S officials.")
    assert ("U.N envoy", "IGOUNO") in found
    assert any(text.startswith("U.K") and code.startswith("GBR") for text, code in found)
    assert any(text.startswith("U.S") and code.startswith("USA") for text, code in found)


def test_title_case_headline(resolver, nlp) -> None:
    assert codes(resolver, nlp, "Iraq Asked U.S. to Bomb Militants") == [
        ("Iraq", "IRQ"),
        ("U.S.", "USA"),
        ("Militants", "---UAF"),
    ]


def test_possessive_role_is_one_mention(resolver, nlp) -> None:
    mentions = find(resolver, nlp, "Iraq's foreign minister met Turkey's army chief.")
    assert [(m.actor.text, m.actor.id) for m in mentions] == [
        ("Iraq's foreign minister", "IRQGOV"),
        ("Turkey's army chief", "TURMIL"),
    ]


def test_agent_without_a_country_keeps_its_sector_but_is_not_a_state(resolver, nlp) -> None:
    (mention,) = find(resolver, nlp, "Officials said the talks had failed.")
    actor = mention.actor
    assert (actor.country, actor.sector, actor.code, actor.type) == (None, "GOV", "---GOV", "other")


def test_role_noun_used_as_an_adjective_is_not_an_actor(resolver, nlp) -> None:
    assert codes(resolver, nlp, "He read an official statement.") == []


def test_people_are_resolved_at_the_date(resolver, nlp) -> None:
    text = "Senator John Kerry spoke on Tuesday."
    assert codes(resolver, nlp, text, date(2010, 3, 1)) == [("Senator John Kerry", "USAGOVLEG")]
    assert codes(resolver, nlp, text, date(2014, 9, 5)) == [("Senator John Kerry", "USAGOV")]
    assert codes(resolver, nlp, text, None) == [("Senator John Kerry", "USAGOV")]


def test_spans_are_document_offsets(resolver, nlp) -> None:
    doc = nlp("Britain and France sent troops.")
    plain = resolver.find_mentions(doc, None)
    shifted = resolver.find_mentions(doc, None, offset=1000)
    assert [m.actor.span.start + 1000 for m in plain] == [m.actor.span.start for m in shifted]
    assert [(m.token_start, m.token_end) for m in plain] == [
        (m.token_start, m.token_end) for m in shifted
    ]


def test_composition_from_a_hand_built_parse(resolver) -> None:
    doc = make_doc(
        [
            ("Iraqi", "JJ", "amod", 1),
            ("officials", "NNS", "nsubj", 2),
            ("met", "VBD", "ROOT", 2),
            ("Britain", "NNP", "dobj", 2),
            (".", ".", "punct", 2),
        ]
    )
    mentions = resolver.find_mentions(doc, date(2014, 1, 1))
    assert [(m.actor.text, m.actor.id, m.head) for m in mentions] == [
        ("Iraqi officials", "IRQGOV", 1),
        ("Britain", "GBR", 3),
    ]


def test_resolver_pickles_for_worker_processes(resolver, nlp) -> None:
    doc = nlp("Prime Minister Nouri al-Maliki asked the Obama administration for help.")
    copy = pickle.loads(pickle.dumps(resolver))
    assert copy.find_mentions(doc, date(2014, 6, 11)) == resolver.find_mentions(
        doc, date(2014, 6, 11)
    )


def test_compiled_index_is_cached_and_reused(resolver, dictionary, nlp) -> None:
    files = list(cache_dir().glob("actor-index-*.pickle"))
    assert len(files) == 1
    again = ActorResolver(dictionary, nlp.tokenizer)
    assert again.index.phrases == resolver.index.phrases
