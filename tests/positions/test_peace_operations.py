"""Members of peace and stabilisation operations, in the words news uses for them.

Every sentence here is written for the test."""

from __future__ import annotations

from tests.positions.conftest import Article, coalitions_of


def _members(article: Article) -> dict[str, set[str]]:
    return {c.known_id or c.coalition_id: {m.member for m in c.members if m.role == "member"}
            for c in coalitions_of(article)}


def test_peacekeepers_may_serve_a_stabilisation_mission() -> None:
    # AMISOM is a stabilisation mission, and its troops are called peacekeepers
    article = Article("somalia", published="2008-05-01")
    s0 = article.add("Kenyan soldiers arrived in Somalia as part of an African Union "
                     "peacekeeping force.")
    article.actor(s0, "Kenyan", "KEN", "KEN")
    article.actor(s0, "Somalia", "SOM", "SOM")
    article.actor(s0, "African Union", "IGOAFRAU", kind="igo", actor_id="AFRICAN_UNION")
    assert _members(article) == {"amisom": {"KEN"}}
