"""Members of peace and stabilisation operations, in the words news uses for them.

Every sentence here is written for the test."""

from __future__ import annotations

from redshank.positions.coalitions import ContributionGroup
from tests.positions.conftest import Article, coalitions_of, contributions_by_coalition


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


def test_an_alias_in_lower_case_describes_a_force_active_at_the_time() -> None:
    # "the international force in East Timor" of 2006 is not INTERFET (1999-2000)
    article = Article("timor", published="2006-06-10")
    s0 = article.add("The international force in East Timor includes 1,500 Malaysian "
                     "soldiers.")
    article.actor(s0, "East Timor", "TLS", "TLS")
    article.actor(s0, "Malaysian", "MYS", "MYS")
    assert _members(article) == {"international-stabilisation-force-timor": {"MYS"}}
    # its name, capitalised, names it whenever it is told of
    article = Article("timor", published="2006-06-10")
    s0 = article.add("The International Force in East Timor included 1,500 Malaysian "
                     "soldiers.")
    article.actor(s0, "East Timor", "TLS", "TLS")
    article.actor(s0, "Malaysian", "MYS", "MYS")
    assert _members(article) == {"interfet": {"MYS"}}


def test_a_force_named_by_no_place_is_where_the_article_happens() -> None:
    # Portugal is named most, but as whose police; Dili is where things happen
    article = Article("dili", published="2006-06-10")
    s0 = article.add("Portuguese police arrived in Dili last week.")
    article.actor(s0, "Portuguese", "PRT", "PRT")
    article.actor(s0, "Dili", "TLS", "TLS")
    s1 = article.add("Portuguese officers said the Portuguese police would stay.")
    article.actor(s1, "Portuguese", "PRT", "PRT")
    article.actor(s1, "Portuguese", "PRT", "PRT", nth=1)
    s2 = article.add("The international force includes 1,500 Malaysian soldiers.")
    article.actor(s2, "Malaysian", "MYS", "MYS")
    # (police arrived in the host while the force serves there: a member too)
    assert _members(article) == {"international-stabilisation-force-timor": {"MYS", "PRT"}}


def test_a_force_that_includes_states_soldiers_has_them_from_each() -> None:
    article = Article("timor", published="2006-06-10")
    s0 = article.add("The international force in East Timor includes 1,500 Australian and "
                     "Malaysian soldiers.")
    article.actor(s0, "East Timor", "TLS", "TLS")
    article.actor(s0, "Australian", "AUS", "AUS")
    article.actor(s0, "Malaysian soldiers", "MYSMIL", "MYS", sector="MIL")
    assert contributions_by_coalition(article) == {"international-stabilisation-force-timor": {
        ("AUS", "ground-troops"), ("MYS", "ground-troops")}}


def test_troops_of_states_are_theirs() -> None:
    article = Article("timor", published="2006-06-10")
    s0 = article.add("The international force of 1,800 troops of Australia and Malaysia "
                     "arrived in East Timor.")
    article.actor(s0, "Australia", "AUS", "AUS")
    article.actor(s0, "Malaysia", "MYS", "MYS")
    article.actor(s0, "East Timor", "TLS", "TLS")
    assert _members(article) == {"international-stabilisation-force-timor": {"AUS", "MYS"}}


def test_where_troops_come_from_is_not_where_the_force_is() -> None:
    article = Article("timor", published="2006-06-10")
    s0 = article.add("Soldiers from Australia landed in Dili.")
    article.actor(s0, "Australia", "AUS", "AUS")
    article.actor(s0, "Dili", "TLS", "TLS")
    s1 = article.add("More troops from Australia came on Monday.")
    article.actor(s1, "Australia", "AUS", "AUS")
    s2 = article.add("The international force includes 1,500 Malaysian soldiers.")
    article.actor(s2, "Malaysian soldiers", "MYSMIL", "MYS", sector="MIL")
    assert "MYS" in _members(article)["international-stabilisation-force-timor"]


def test_states_listed_each_with_its_count_are_each_in_the_force() -> None:
    # "in the country" is the country the article happens in
    article = Article("haiti", published="2008-03-10")
    s0 = article.add("The UN peacekeeping force in Haiti grew this year.")
    article.actor(s0, "UN", "IGOUNO", kind="igo", actor_id="UNITED_NATIONS")
    article.actor(s0, "Haiti", "HTI", "HTI")
    s1 = article.add("There are now 90 Jordanian and 120 Nepalese police officers in the "
                     "country.")
    article.actor(s1, "Jordanian", "JOR", "JOR")
    article.actor(s1, "Nepalese police officers", "NPLCOP", "NPL", sector="COP")
    assert contributions_by_coalition(article) == {"minustah": {
        ("JOR", "police"), ("NPL", "police")}}


def test_troops_in_a_host_of_the_force_the_sentence_names_further_on() -> None:
    article = Article("darfur", published="2006-03-10")
    s0 = article.add("Rwandan troops in Sudan patrol the camps, but the African Union "
                     "force is still short of men.")
    article.actor(s0, "Rwandan troops", "RWAMIL", "RWA", sector="MIL")
    article.actor(s0, "Sudan", "SDN", "SDN")
    article.actor(s0, "African Union", "IGOAFRAU", kind="igo", actor_id="AFRICAN_UNION")
    assert _members(article) == {"amis": {"RWA"}}


def _somalia(text: str, *places: tuple[str, str]) -> Article:
    """An article of 2008 naming the African Union force in Somalia, then `text`."""
    article = Article("somalia", published="2008-05-01")
    s0 = article.add("The African Union force in Somalia needs more troops.")
    article.actor(s0, "African Union", "IGOAFRAU", kind="igo", actor_id="AFRICAN_UNION")
    article.actor(s0, "Somalia", "SOM", "SOM")
    s1 = article.add(text)
    for name, code in places:
        article.actor(s1, name, code, code)
    return article


def test_forces_at_a_place_of_the_host_are_there() -> None:
    article = _somalia("Burundian soldiers at Mogadishu guard the port.",
                       ("Burundian", "BDI"), ("Mogadishu", "SOM"))
    assert _members(article) == {"amisom": {"BDI"}}


def test_forces_that_are_in_a_place_of_the_host_are_there() -> None:
    for text in ("The Burundian soldiers that are in Baidoa guard the port.",
                 "The Burundian soldiers, who are still in Baidoa, guard the port."):
        article = _somalia(text, ("Burundian", "BDI"), ("Baidoa", "SOM"))
        assert _members(article) == {"amisom": {"BDI"}}, text
    # what the forces did there does not say they serve there
    for text in ("The Burundian soldiers that fought in Baidoa left.",
                 "The Burundian soldiers who were killed in Baidoa were buried."):
        assert _members(_somalia(text, ("Burundian", "BDI"), ("Baidoa", "SOM"))) == {}, text


def test_a_town_the_actor_dictionaries_lack_is_placed_by_the_gazetteer() -> None:
    # no actor for the town: the gazetteer has Jowhar in Somalia only
    article = _somalia("Burundian soldiers in Jowhar guard the port.", ("Burundian", "BDI"))
    assert _members(article) == {"amisom": {"BDI"}}
    # Paris is in France and in the United States: it says nothing of Somalia
    article = _somalia("Burundian soldiers in Paris guard the port.", ("Burundian", "BDI"))
    assert _members(article) == {}


def test_a_states_contingent_is_its_part_of_the_articles_force() -> None:
    for text in ("The Burundian contingent guards the port.",
                 "Burundi's contingent guards the port."):
        name = text.split()[1] if text.startswith("The") else "Burundi"
        article = _somalia(text, (name, "BDI"))
        assert _members(article) == {"amisom": {"BDI"}}, text
    # a contingent placed outside the force's hosts is another force's
    article = _somalia("The Burundian contingent in Chad guards the port.",
                       ("Burundian", "BDI"), ("Chad", "TCD"))
    assert _members(article) == {}


def test_a_states_forces_taking_part_contribute_what_their_noun_names() -> None:
    article = _somalia("Burundian police officers are part of the force.",
                       ("Burundian", "BDI"))
    assert contributions_by_coalition(article) == {"amisom": {("BDI", "police")}}


def test_the_commander_of_an_x_led_force_is_xs() -> None:
    # the coder's one mention holds "Australian-led forces": Australia leads them
    article = Article("dili", published="2006-06-10")
    s0 = article.add("Violence went on in Dili, the capital of East Timor.")
    article.actor(s0, "Dili", "TLS", "TLS")
    article.actor(s0, "East Timor", "TLS", "TLS")
    s1 = article.add("The plan was confirmed by Brigadier Jan Novak, commander of the "
                     "Australian-led forces.")
    article.actor(s1, "Australian-led forces", "AUSMIL", "AUS", sector="MIL")
    coalitions = {c.known_id: c for c in coalitions_of(article)}
    force = coalitions["international-stabilisation-force-timor"]
    assert {m.member for m in force.members if m.role == "leader"} == {"AUS"}
    assert ("AUS", "command") in contributions_by_coalition(article)[
        "international-stabilisation-force-timor"]


def test_a_force_named_by_its_organisation_starts_at_the_organisations_name() -> None:
    # "of the African Union force": the force is two words on, not four
    article = _somalia_with("The Burundian commander of the African Union force met the "
                            "mayor.", ("Burundian", "BDI", "state"), AU)
    assert ("BDI", "command") in contributions_by_coalition(article)["amisom"]


def test_the_place_after_a_list_of_states_forces_is_where_each_is() -> None:
    article = _somalia("Troops of Kenya, Ghana and Nigeria arrived at Baidoa last week.",
                       ("Kenya", "KEN"), ("Ghana", "GHA"), ("Nigeria", "NGA"),
                       ("Baidoa", "SOM"))
    assert contributions_by_coalition(article) == {"amisom": {
        ("KEN", "ground-troops"), ("GHA", "ground-troops"), ("NGA", "ground-troops")}}


def test_forces_of_several_kinds_shared_by_a_list_give_no_state_a_kind() -> None:
    # who sent the soldiers and who the police is not said: members, no contributions
    article = _somalia("Soldiers and police of Kenya and Ghana are now in Somalia.",
                       ("Kenya", "KEN"), ("Ghana", "GHA"), ("Somalia", "SOM"))
    assert _members(article) == {"amisom": {"KEN", "GHA"}}
    assert contributions_by_coalition(article) == {"amisom": set()}


def _somalia_with(text: str, *actors: tuple[str, str, str]) -> Article:
    """An article of 2008 about the African Union force in Somalia and Kenya's soldiers
    there, then `text` with
    `actors` (name, code, kind) and Somalia, as the coder would find them in it."""
    article = _somalia("Kenyan soldiers arrived in Somalia last week.", ("Kenyan", "KEN"),
                       ("Somalia", "SOM"))
    s1 = article.add(text)
    for name, code, kind in (*actors, ("Somalia", "SOM", "state")):
        if name not in text:
            continue
        if kind == "igo":
            article.actor(s1, name, code, kind="igo", actor_id="AFRICAN_UNION")
        else:
            article.actor(s1, name, code, code)
    return article


AU = ("African Union", "IGOAFRAU", "igo")


def contributions_of(article: Article) -> list[ContributionGroup]:
    """The members' contributions and the organisations' (`related`) in every coalition."""
    return [g for c in coalitions_of(article)
            for g in (*c.related, *(g for m in c.members for g in m.contributions))]


def test_the_lead_organisations_counted_troops_are_the_size_of_its_force() -> None:
    for text in ("The 3,000 African Union soldiers in Somalia cannot stop the fighting.",
                 "There are some 3,000 African Union peacekeepers in Somalia.",
                 "The current African Union (AU) force of 3,000 is too small.",
                 "Kenya serves in the 3,000-strong African Union Mission in Somalia.",
                 # the force named after a preposition is there whatever Kenya may do
                 "Kenya may pull out of the 3,000-strong African Union Mission in Somalia."):
        (contribution,) = [c for c in contributions_of(_somalia_with(text, AU))
                           if c.actor == "AFRICAN_UNION"]
        assert (contribution.kind, contribution.count, contribution.status) == (
            "ground-troops", 3000, "done"), text


def test_a_states_counted_troops_there_are_its_contribution_with_their_count() -> None:
    for text in ("There are 1,600 Ugandan soldiers in Somalia.",
                 "The 1,600 Ugandan soldiers in Somalia guard the airport."):
        article = _somalia_with(text, ("Ugandan", "UGA", "state"))
        assert _members(article) == {"amisom": {"KEN", "UGA"}}
        assert ("UGA", "ground-troops", 1600) in {
            (g.actor, g.kind, g.count) for g in contributions_of(article)}, text


def test_counted_casualties_or_some_of_the_troops_are_not_the_forces_size() -> None:
    for text in ("The two African Union soldiers killed in Somalia were buried today.",
                 "Two African Union soldiers in Somalia were wounded.",
                 "Four African Union soldiers in Somalia met the mayor."):
        assert not [c for c in contributions_of(_somalia_with(text, AU))
                    if c.actor == "AFRICAN_UNION"], text
