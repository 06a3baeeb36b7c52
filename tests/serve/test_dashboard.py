"""The dashboard of `redshank serve` in a real browser: headless Chromium (the system's,
driven by Playwright) on a uvicorn server of the seed store. The views must show what the
API says, events must open their evidence, the URL must restore a view, and article text
must stay text under the page's Content-Security-Policy.

Without Chromium or Playwright these tests skip, except with CI=true, where they fail.
With REDSHANK_SCREENSHOTS=DIR (e.g. docs) they save the README's screenshots there.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit
from urllib.request import urlopen

import pytest
import uvicorn

from redshank.api import ingest
from redshank.cli import main
from redshank.serve.app import create_app
from redshank.store import open_store

CHROMIUM = os.environ.get("REDSHANK_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = os.environ.get("REDSHANK_SCREENSHOTS")
# Markup in every field of an article: none of it may run or become elements.
HOSTILE = {
    "id": "hostile-<b>doc</b>",
    "title": "<script>window.__pwned = 'title'</script>"
             "<img src=x onerror=\"window.__pwned = 'img'\">",
    "url": "javascript:window.__pwned = 'url'",
    "published": "2014-06-11",
    "source": "<i>Publisher</i>",
    "text": "BAGHDAD — Iraq asked the United States to bomb militants "
            "<img src=x onerror=\"window.__pwned = 'text'\"> near Mosul "
            "<script>window.__pwned = 'script'</script> on Tuesday.\n\n"
            "The request was made in writing.",
}

DOMESTIC = [
    {"id": "senate", "published": "2014-06-11", "text": "WASHINGTON — The United States "
     "Senate sharply criticized President Barack Obama on Tuesday over the budget."},
    {"id": "police", "published": "2014-06-12", "text": "BAGHDAD — Iraqi police arrested "
     "Iraqi militants near Mosul on Tuesday."},
    {"id": "request", "published": "2014-06-13", "text": "BAGHDAD — Iraq asked the United "
     "States to bomb militants near Mosul on Tuesday."},
]


def chromium_or_skip() -> Any:
    """Playwright's sync API; skips (fails with CI=true) without Playwright or Chromium."""
    problem = None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        problem = "Playwright is not installed (pip install playwright)"
    if problem is None and not (shutil.which(CHROMIUM) or Path(CHROMIUM).is_file()):
        problem = f"no Chromium at {CHROMIUM} (apt-get install chromium, or set REDSHANK_CHROMIUM)"
    if problem is None:
        return sync_playwright
    if os.environ.get("CI") == "true":
        pytest.fail(f"{problem} (CI=true: the browser tests must run)")
    pytest.skip(f"{problem}: dashboard browser tests skipped")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_playwright = chromium_or_skip()
    with sync_playwright() as playwright:
        # --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
        chromium = playwright.chromium.launch(executable_path=CHROMIUM,
                                              args=["--no-sandbox", "--headless=new"])
        yield chromium
        chromium.close()


class Dashboard:
    """A uvicorn server of one store in a thread, on a free port."""

    def __init__(self, db: str) -> None:
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}"
        config = uvicorn.Config(create_app(db), log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run,
                                       kwargs={"sockets": [self.socket]}, daemon=True)

    def __enter__(self) -> Dashboard:
        self.thread.start()
        ready = threading.Event()
        while not self.server.started and self.thread.is_alive():
            ready.wait(0.05)
        if not self.server.started:
            raise RuntimeError(f"the dashboard server did not start on {self.url}")
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join()
        self.socket.close()

    def api(self, path: str, **params: str) -> Any:
        query = f"?{urlencode(params)}" if params else ""
        with urlopen(f"{self.url}{path}{query}") as response:
            return json.load(response)


@pytest.fixture(scope="module")
def seeds(seeds_db: str) -> Iterator[Dashboard]:
    with Dashboard(seeds_db) as dashboard:
        yield dashboard


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dashboard]:
    folder = tmp_path_factory.mktemp("hostile")
    articles = folder / "hostile.jsonl"
    articles.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    db = str(folder / "hostile.duckdb")
    assert main(["ingest", str(articles), "--db", db]) == 0
    with Dashboard(db) as dashboard:
        yield dashboard


@pytest.fixture(scope="module")
def domestic(tmp_path_factory: pytest.TempPathFactory, pipeline) -> Iterator[Dashboard]:
    """Articles of countries acting on themselves (USA -> USA) and on each other."""
    folder = tmp_path_factory.mktemp("domestic")
    articles = folder / "domestic.jsonl"
    articles.write_text("".join(json.dumps(article) + "\n" for article in DOMESTIC),
                        encoding="utf-8")
    db = str(folder / "domestic.duckdb")
    with open_store(db) as store:
        ingest([str(articles)], store=store, pipeline=pipeline)
    with Dashboard(db) as dashboard:
        yield dashboard


class Page:
    """A browser page that records console errors (CSP violations among them) and
    uncaught exceptions."""

    def __init__(self, browser: Any, base: str) -> None:
        self.base = base
        self.page = browser.new_page(viewport={"width": 1400, "height": 1000})
        self.errors: list[str] = []
        self.page.on("console", lambda message: self.errors.append(message.text)
                     if message.type == "error" else None)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def open(self, query: str = "") -> Any:
        self.page.goto(f"{self.base}/{query}")
        self.settle()
        return self.page

    def settle(self) -> None:
        """Wait until the dashboard has loaded its views (or reported an error)."""
        self.page.wait_for_selector("#status[data-state=ready], #status[data-state=error]",
                                    state="attached")
        assert self.page.get_attribute("#status", "data-state") == "ready", \
            self.page.text_content("#status")

    def shot(self, name: str) -> None:
        if SCREENSHOTS:
            self.page.screenshot(path=str(Path(SCREENSHOTS) / f"dashboard-{name}.png"),
                                 full_page=True)


@pytest.fixture
def page(browser: Any, seeds: Dashboard) -> Iterator[Page]:
    opened = Page(browser, seeds.url)
    yield opened
    opened.page.close()
    assert opened.errors == [], "console errors (a CSP violation is one)"


def every_event(dashboard: Dashboard, **filters: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        page = dashboard.api("/api/events", limit="1000", **filters,
                             **({"cursor": cursor} if cursor else {}))
        items += page["items"]
        cursor = page["next_cursor"]
        if not cursor:
            return items


def place_of(marker: Any) -> tuple[float, float, str, str]:
    """The coordinates, precision and name of a map marker (its data-marker)."""
    lat, lon, precision, name = marker.get_attribute("data-marker").split(",", 3)
    return float(lat), float(lon), precision, name


def test_overview_shows_the_api_counts(page: Page, seeds: Dashboard) -> None:
    view = page.open()
    timeline = seeds.api("/api/timeline", stack="quad")
    assert view.input_value("#filters [name=by]") == ""
    assert view.text_content("#auto-period") == f"auto ({timeline['by']})"
    on_axis = {(item["period"], item["key"]): item["events"] for item in timeline["items"]
               if timeline["first"] <= item["period"] <= timeline["last"]}
    bars = view.locator("svg.timeline rect.bar")
    assert bars.count() == len(on_axis) > 0
    assert {(bar.get_attribute("data-period"), bar.get_attribute("data-key")):
            int(bar.get_attribute("data-events")) for bar in bars.all()} == on_axis
    for side, outside in (("earlier", lambda period: period < timeline["first"]),
                          ("later", lambda period: period > timeline["last"])):
        events = sum(item["events"] for item in timeline["items"] if outside(item["period"]))
        button = view.locator(f"#timeline .outlier-{side}")
        assert button.count() == (1 if events else 0)
        if events:
            assert button.get_attribute("data-events") == str(events)

    places = seeds.api("/api/places")
    markers = view.locator("#map path[data-marker]").all()
    assert len(markers) == len(places["items"]) > 0
    assert {place_of(marker): (int(marker.get_attribute("data-events")),
                               int(marker.get_attribute("data-reports")))
            for marker in markers} == {
        (p["lat"], p["lon"], p["precision"], p["name"]): (p["events"], p["reports"])
        for p in places["items"]}
    coarse = [p for p in places["items"] if p["precision"] not in ("city", "point", "site")]
    dashed = [marker for marker in markers if marker.get_attribute("stroke-dasharray")]
    assert len(dashed) == len(coarse) > 0
    assert view.get_attribute("#map-summary [data-located]", "data-located") \
        == str(places["located"])
    assert view.locator("#map path.country").count() > 100  # the offline basemap

    dyads = [dyad for dyad in seeds.api("/api/dyads", by_actor="country", top="40")["items"]
             if dyad["actor"] and dyad["recipient"]]
    edges = view.locator("svg.network .edge")
    assert edges.count() == len(dyads) > 0
    assert {(edge.get_attribute("data-actor"), edge.get_attribute("data-recipient")):
            int(edge.get_attribute("data-events")) for edge in edges.all()} \
        == {(dyad["actor"], dyad["recipient"]): dyad["events"] for dyad in dyads}
    actors = {dyad["actor"] for dyad in dyads} | {dyad["recipient"] for dyad in dyads}
    assert view.locator("svg.network .node").count() == len(actors)
    page.shot("overview")


def test_a_timeline_bar_lists_its_events_and_one_opens_its_evidence(
        page: Page, seeds: Dashboard) -> None:
    view = page.open()
    bars = view.locator("svg.timeline rect.bar").all()
    bar = max(bars, key=lambda rect: int(rect.get_attribute("data-events")))
    bar.dispatch_event("click")
    listing = view.locator("#timeline-listing .listing-title")
    listing.wait_for()
    assert listing.get_attribute("data-events") == bar.get_attribute("data-events")
    rows = view.locator("#timeline-listing tr.event-row")
    assert rows.count() == int(bar.get_attribute("data-events"))

    event_id = rows.first.get_attribute("data-event-id")
    rows.first.click()
    sentence = view.locator("#evidence .sentence")
    sentence.wait_for()
    detail = seeds.api(f"/api/events/{event_id}")
    explanation = detail["explanation"]
    assert sentence.text_content() == explanation["sentence"]
    marks = view.locator("#evidence .sentence mark").all()
    marked = {(role, mark.text_content()) for mark in marks
              for role in mark.get_attribute("data-roles").split()}
    for span in explanation["spans"]:
        text = explanation["sentence"][span["start"]:span["end"]]
        assert any(role == span["role"] and piece in text for role, piece in marked), span
    trigger = "".join(mark.text_content() for mark in marks
                      if "trigger" in mark.get_attribute("data-roles").split())
    assert trigger == detail["event"]["evidence"]["trigger"]
    assert view.locator("#evidence dd code").first.text_content() == explanation["rule"]
    others = [report for report in (detail["cluster"] or {"reports": []})["reports"]
              if report["event_id"] != event_id]
    assert view.locator("#evidence ul.reports > li").count() == len(others)
    assert parse_qs(urlsplit(view.url).query)["open"] == [event_id]
    page.shot("evidence")


def test_events_off_the_timeline_axis_are_listed_by_its_buttons(page: Page,
                                                                seeds: Dashboard) -> None:
    view = page.open()
    timeline = seeds.api("/api/timeline")
    buttons = view.locator("#timeline .outliers button").all()
    assert buttons, "the seeds tell of events years before the rest"
    for button in buttons:
        earlier = "outlier-earlier" in button.get_attribute("class")
        button.dispatch_event("click")
        listing = view.locator("#timeline-listing .listing-title",
                               has_text="Before" if earlier else "After")
        listing.wait_for()
        assert listing.get_attribute("data-events") == button.get_attribute("data-events")
        rows = view.locator("#timeline-listing tr.event-row").all()
        assert len(rows) == int(button.get_attribute("data-events"))
        for row in rows:
            start = seeds.api(f"/api/events/{row.get_attribute('data-event-id')}")["event"][
                "date_start"]
            assert start < timeline["first"] if earlier else start > timeline["last"]


@pytest.mark.parametrize("by", ["day", "week", "month", "year"])
def test_the_timeline_period_is_in_the_url(page: Page, seeds: Dashboard, by: str) -> None:
    view = page.open(f"?by={by}")
    assert view.input_value("#filters [name=by]") == by
    timeline = seeds.api("/api/timeline", by=by)
    on_axis = {(item["period"], item["key"]): item["events"] for item in timeline["items"]
               if timeline["first"] <= item["period"] <= timeline["last"]}
    bars = view.locator("svg.timeline rect.bar").all()
    assert {(bar.get_attribute("data-period"), bar.get_attribute("data-key")):
            int(bar.get_attribute("data-events")) for bar in bars} == on_axis
    x_of = {bar.get_attribute("data-period"): float(bar.get_attribute("x")) for bar in bars}
    periods = sorted(x_of)
    assert periods and len(set(x_of.values())) == len(periods)
    if by == "year":
        return  # the seeds' bulk is one year
    # a time axis: a bar is as far from the first as its period's start is in time
    day = [date.fromisoformat(period).toordinal() for period in periods]
    assert len(day) > 2
    scale = (x_of[periods[-1]] - x_of[periods[0]]) / (day[-1] - day[0])
    for period, ordinal in zip(periods, day, strict=True):
        assert x_of[period] - x_of[periods[0]] == pytest.approx(scale * (ordinal - day[0]),
                                                                abs=0.5)


def test_a_map_marker_lists_its_events_and_filters_to_its_place(page: Page,
                                                                seeds: Dashboard) -> None:
    view = page.open()
    markers = view.locator("#map path[data-marker]").all()
    busiest = max(markers, key=lambda marker: int(marker.get_attribute("data-events")))
    # dispatched, not clicked at coordinates: the map may still be refitting itself
    busiest.dispatch_event("click")
    listing = view.locator("#map-listing .listing-title")
    listing.wait_for()
    assert listing.get_attribute("data-marker") == busiest.get_attribute("data-marker")
    assert listing.get_attribute("data-events") == busiest.get_attribute("data-events")
    assert view.locator("#map-listing tr.event-row").count() \
        == int(busiest.get_attribute("data-events"))

    lat, lon, *_ = place_of(busiest)
    view.locator(".popup .filter-place").dispatch_event("click")
    page.settle()
    query = parse_qs(urlsplit(view.url).query)
    (near,) = query["near"]
    assert tuple(map(float, near.split(","))) == (lat, lon) and query["within"] == ["0"]
    there = seeds.api("/api/places", near=near, within="0")
    assert view.locator("#map path[data-marker]").count() == len(there["items"]) > 0
    assert {(place["lat"], place["lon"]) for place in there["items"]} == {(lat, lon)}
    view.locator("#tab-events").click()
    page.settle()
    assert view.get_attribute("#events-table .summary", "data-count") == str(there["count"])


def test_domestic_events_are_loops_and_nodes_stay_in_the_box(browser: Any,
                                                              domestic: Dashboard) -> None:
    opened = Page(browser, domestic.url)
    view = opened.open()
    dyads = domestic.api("/api/dyads", top="40")["items"]
    selves = {dyad["actor"] for dyad in dyads if dyad["actor"] == dyad["recipient"]}
    assert selves and len(dyads) > len(selves)
    loops = view.locator("svg.network .edge.loop").all()
    assert {loop.get_attribute("data-actor") for loop in loops} == selves
    assert all(loop.get_attribute("data-recipient") == loop.get_attribute("data-actor")
               and loop.get_attribute("marker-end") is None for loop in loops)
    arrows = view.locator("svg.network .edge:not(.loop)").all()
    assert len(arrows) == len(dyads) - len(selves)
    assert all(arrow.get_attribute("marker-end") for arrow in arrows)
    box = view.locator("svg.network").bounding_box()
    for part in view.locator("svg.network .node circle, svg.network .node text, "
                             "svg.network .edge").all():
        inner = part.bounding_box()
        assert box["x"] <= inner["x"] and inner["x"] + inner["width"] <= box["x"] + box["width"]
        assert box["y"] <= inner["y"] and inner["y"] + inner["height"] <= box["y"] + box["height"]

    loops[0].dispatch_event("click")
    listing = view.locator("#network-listing .listing-title")
    listing.wait_for()
    actor = loops[0].get_attribute("data-actor")
    assert listing.get_attribute("data-events") == str(
        domestic.api("/api/events", actor=actor, recipient=actor)["count"])
    opened.page.close()
    assert opened.errors == [], "console errors (a CSP violation is one)"


def test_the_url_restores_filters_view_and_open_event(page: Page, seeds: Dashboard) -> None:
    refusal = seeds.api("/api/events", actor="USA", event="REJECT")
    assert refusal["count"] > 1
    event_id = refusal["items"][0]["event_id"]
    view = page.open(f"?actor=USA&event=REJECT&view=events&open={event_id}")
    assert view.input_value("#filters [name=actor]") == "USA"
    assert view.eval_on_selector("#filters [name=event]",
                                 "select => [...select.selectedOptions].map(o => o.value)") \
        == ["REJECT"]
    assert view.get_attribute("#events-table .summary", "data-count") \
        == str(refusal["count"])
    assert view.locator("#events-table tr.event-row").count() == len(refusal["items"])
    assert view.locator("#evidence").is_visible()
    assert view.text_content("#evidence .sentence") == refusal["items"][0]["sentence"]

    view.fill("#filters [name=since]", "2014-09-10")
    view.press("#filters [name=since]", "Enter")
    page.settle()
    later = seeds.api("/api/events", actor="USA", event="REJECT", since="2014-09-10")
    assert 0 < later["count"] < refusal["count"]
    query = parse_qs(urlsplit(view.url).query)
    assert query["since"] == ["2014-09-10"] and query["view"] == ["events"]
    view.reload()
    page.settle()
    assert view.input_value("#filters [name=since]") == "2014-09-10"
    assert view.get_attribute("#events-table .summary", "data-count") == str(later["count"])


def test_hidden_events_show_only_when_asked(page: Page, seeds: Dashboard) -> None:
    view = page.open("?view=events")
    shown = seeds.api("/api/events")["count"]
    every = seeds.api("/api/events", all="true")["count"]
    assert every > shown
    assert view.get_attribute("#events-table .summary", "data-count") == str(shown)
    view.check("#filters [name=all]")
    page.settle()
    assert view.get_attribute("#events-table .summary", "data-count") == str(every)
    assert parse_qs(urlsplit(view.url).query)["all"] == ["true"]


def test_positions_flag_red_lines(page: Page, seeds: Dashboard) -> None:
    view = page.open("?view=positions")
    positions = seeds.api("/api/positions", limit="1000")
    assert view.locator("#positions-view tr.position").count() == positions["count"] > 0
    refusals = [p for p in positions["items"] if p["stance"] == "refuse"]
    assert refusals
    assert view.locator("#positions-view tr.red-line").count() == len(refusals)
    page.shot("positions")


def test_the_seed_coalition_lists_its_members(page: Page, seeds: Dashboard) -> None:
    view = page.open("?view=coalitions")
    coalitions = seeds.api("/api/coalitions")["items"]
    assert coalitions
    sections = view.locator("#coalitions-view section.coalition")
    assert sections.count() == len(coalitions)
    for coalition in coalitions:
        section = view.locator("section.coalition"
                               f"[data-coalition-id='{coalition['coalition_id']}']")
        assert section.locator("tr.member").count() == len(coalition["members"])
        assert section.locator("tr.contribution").count() == len(coalition["contributions"])
        members = {row.get_attribute("data-member") for row in section.locator("tr.member").all()}
        assert members == {member["member"] for member in coalition["members"]}
    page.shot("coalitions")


def test_article_markup_is_shown_as_text_and_never_runs(browser: Any, hostile: Dashboard) -> None:
    opened = Page(browser, hostile.url)
    event = hostile.api("/api/events", all="true")["items"][0]
    view = opened.open(f"?all=true&view=events&open={event['event_id']}")
    view.locator("#evidence .sentence").wait_for()

    assert view.evaluate("window.__pwned") is None
    assert view.text_content("#evidence .sentence") == event["sentence"]
    assert "<img src=x onerror=" in view.text_content("#evidence .sentence")
    assert HOSTILE["title"] in view.text_content("#evidence .source")
    assert HOSTILE["title"] in view.text_content("#events-table")
    for region in ("#evidence", "#events-table", "main"):
        assert view.locator(f"{region} script, {region} img").count() == 0
    assert view.locator("a[href^='javascript']").count() == 0
    view.locator("#tab-overview").click()
    opened.settle()
    # dispatched, not clicked at coordinates: the map may still be refitting itself to
    # the box it has now that the overview shows
    view.locator("#map path[data-marker]").last.dispatch_event("click")
    view.locator(".popup").wait_for()
    assert view.evaluate("window.__pwned") is None
    opened.page.close()
    assert opened.errors == [], "console errors (a CSP violation is one)"


def test_a_bad_filter_shows_the_api_message(browser: Any, seeds: Dashboard) -> None:
    opened = Page(browser, seeds.url)
    view = opened.page
    view.goto(f"{seeds.url}/?event=THREATENS")
    view.wait_for_selector("#status[data-state=error]", state="attached")
    message = view.text_content("#status")
    opened.page.close()
    assert "THREATENS" in message and "THREATEN" in message.replace("THREATENS", "")
