"""The JSON API over the seed articles' store: what each endpoint returns, paging, and that
it matches what the store and the CLI say."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

import pytest
from fastapi.testclient import TestClient

from redshank.query import ClusterQuery, EventQuery, event_query
from redshank.serve.app import create_app
from redshank.store import PositionQuery, open_store

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")


def all_pages(client: TestClient, path: str, **params: object) -> tuple[list[dict], set[int]]:
    """Every item of a paged endpoint, following next_cursor; and the counts it reported."""
    items, counts, cursor = [], set(), None
    while True:
        page = client.get(path, params={**params, **({"cursor": cursor} if cursor else {})})
        assert page.status_code == 200, page.text
        body = page.json()
        items += body["items"]
        counts.add(body["count"])
        cursor = body["next_cursor"]
        if cursor is None:
            return items, counts


@pytest.mark.parametrize("limit", [1, 3, 1000])
def test_paging_returns_every_event_once_in_store_order(client: TestClient, seeds_db: str,
                                                        limit: int) -> None:
    with open_store(seeds_db, read_only=True) as store:
        expected = [e.event_id for e in store.query_events(EventQuery(include_all=True))]
    items, counts = all_pages(client, "/api/events", limit=limit, all="true")
    assert [item["event_id"] for item in items] == expected
    assert counts == {len(expected)}


def test_merged_pages_are_clusters_with_their_reports(client: TestClient, seeds_db: str) -> None:
    with open_store(seeds_db, read_only=True) as store:
        expected = [c.cluster_id for c in store.query_clusters(ClusterQuery())]
    items, counts = all_pages(client, "/api/events", merged="true", limit=2)
    assert [item["cluster_id"] for item in items] == expected
    assert counts == {len(expected)}
    assert all(item["members"] and all("url" in m and "publisher" in m for m in item["members"])
               for item in items)


def test_filters_mean_what_the_cli_flags_mean(client: TestClient, seeds_db: str) -> None:
    with open_store(seeds_db, read_only=True) as store:
        wanted = store.query_events(event_query(actor="USA", event="REJECT,REQUEST",
                                                since="2014-06"))
    found = client.get("/api/events", params=[("actor", "United States"), ("event", "REJECT"),
                                              ("event", "request"), ("since", "2014-06")])
    assert found.status_code == 200
    assert [item["event_id"] for item in found.json()["items"]] == [e.event_id for e in wanted]
    assert found.json()["count"] == len(wanted) > 0
    for item in found.json()["items"]:
        assert item["event"] in ("REJECT", "REQUEST") and "publisher" in item


@pytest.mark.parametrize(("params", "words"), [
    ({"event": "ASSUALT"}, "did you mean ASSAULT"),
    ({"since": "June 2014"}, "not a date"),
    ({"since": "2015", "until": "2014"}, "no event can match"),
    ({"within": "10"}, "add near"),
    ({"min_reports": "2"}, "add merged=true"),
    ({"scope": "planet"}, "unknown place scope"),
    ({"near": "Baghdad", "within": "-1"}, "finite number"),
    ({"near": "95,44", "within": "0"}, "latitude must be -90 to 90"),
    ({"cursor": "not-a-cursor"}, "not a cursor of events"),
])
def test_bad_filter_values_are_400_naming_the_problem(client: TestClient, params: dict,
                                                      words: str) -> None:
    answer = client.get("/api/events", params=params)
    assert answer.status_code == 400
    body = answer.json()
    assert set(body) == {"status", "code", "message", "detail"} and body["status"] == 400
    assert words in body["message"]


def test_a_cluster_cursor_is_refused_for_events(client: TestClient) -> None:
    cursor = client.get("/api/events", params={"merged": "true", "limit": 1}).json()
    answer = client.get("/api/events", params={"cursor": cursor["next_cursor"]})
    assert answer.status_code == 400 and answer.json()["code"] == "invalid_cursor"


def test_an_event_comes_with_its_explanation_and_cluster(client: TestClient) -> None:
    first = client.get("/api/events", params={"limit": 1000}).json()["items"]
    for item in first:
        answer = client.get(f"/api/events/{item['event_id']}")
        assert answer.status_code == 200
        body = answer.json()
        assert body["event"] == item
        why = body["explanation"]
        assert why["sentence"] == item["sentence"]
        assert why["text"].startswith(f"event {item['event_id']}: {item['event']}")
        for span in why["spans"]:
            assert why["sentence"][span["start"]:span["end"]] == span["text"]
        (trigger,) = [s for s in why["spans"] if s["role"] == "trigger"]
        assert trigger["text"] in item["evidence"]["trigger"]  # its head: "carried" out
        assert item["evidence"]["rule"] == why["rule"]
        assert body["cluster"]["cluster_id"] == item["cluster_id"]
        assert item["event_id"] not in {r["event_id"] for r in body["cluster"]["reports"]}


def test_the_other_reports_of_a_cluster_are_listed(middle_east_db: str) -> None:
    with TestClient(create_app(middle_east_db)) as client:
        clusters = client.get("/api/events", params={"merged": "true", "min_reports": 2,
                                                     "all": "true"}).json()["items"]
        assert clusters, "tests/middle_east.py tells some events in two articles"
        members = clusters[0]["members"]
        body = client.get(f"/api/events/{members[0]['event_id']}").json()
        assert [r["event_id"] for r in body["cluster"]["reports"]] == [
            m["event_id"] for m in members[1:]]
        assert all(r["sentence"] and r["doc_id"] for r in body["cluster"]["reports"])
        assert client.get(f"/api/clusters/{clusters[0]['cluster_id']}").json() == clusters[0]


@pytest.mark.parametrize("path", ["/api/events/nope", "/api/clusters/cl-nope",
                                  "/api/documents/nope", "/api/nothing", "/nothing"])
def test_unknown_ids_and_routes_are_404(client: TestClient, path: str) -> None:
    answer = client.get(path)
    assert answer.status_code == 404
    assert answer.json()["code"] == "not_found" and answer.json()["status"] == 404


def test_a_document_has_its_text_sentences_and_events(client: TestClient, seeds_db: str) -> None:
    item = client.get("/api/events", params={"limit": 1}).json()["items"][0]
    body = client.get(f"/api/documents/{item['doc_id']}").json()
    text = body["text"]
    assert body["title"] == item["title"] and body["publisher"] == item["publisher"]
    assert [s["index"] for s in body["sentences"]] == list(range(len(body["sentences"])))
    assert text[body["sentences"][item["sentence_index"]]["start"]:
                body["sentences"][item["sentence_index"]]["end"]] == item["sentence"]
    for event in body["events"]:
        assert text[event["trigger_start"]:event["trigger_end"]] in event["trigger"]
    with open_store(seeds_db, read_only=True) as store:
        assert len(body["events"]) == store.count_events(
            EventQuery(doc_ids=(item["doc_id"],), include_all=True))


def test_dyads_split_events_into_cooperation_and_conflict(client: TestClient) -> None:
    items = client.get("/api/dyads").json()["items"]
    assert items and all(d["cooperation"] + d["conflict"] == d["events"] for d in items)
    assert [d["events"] for d in items] == sorted((d["events"] for d in items), reverse=True)
    top = client.get("/api/dyads", params={"top": 1, "by": "month"}).json()["items"]
    assert {(d["actor"], d["recipient"]) for d in top} == {(items[0]["actor"],
                                                            items[0]["recipient"])}
    assert sum(d["events"] for d in top) >= items[0]["events"]
    codes = client.get("/api/dyads", params={"by_actor": "actor"}).json()["items"]
    assert sum(d["events"] for d in codes) >= sum(d["events"] for d in items)


def period_of(day: date, by: str) -> str:
    """The first day of the period of `by` holding `day`, as the timeline gives it."""
    first = {"day": day, "week": date.fromordinal(day.toordinal() - day.weekday()),
             "month": day.replace(day=1), "year": day.replace(month=1, day=1)}[by]
    return first.isoformat()


@pytest.mark.parametrize(("by", "stack"), [("day", "quad"), ("week", "event"),
                                           ("month", "quad"), ("year", "event")])
def test_the_timeline_counts_every_dated_event_in_its_period(
        client: TestClient, seeds_db: str, by: str, stack: str) -> None:
    body = client.get("/api/timeline", params={"by": by, "stack": stack}).json()
    with open_store(seeds_db, read_only=True) as store:
        dated = [e for e in store.query_events(EventQuery()) if e.date_start is not None]
    expected = Counter((period_of(e.date_start, by), str(e.quad) if stack == "quad"
                        else e.event) for e in dated)
    assert body["by"] == by and len(expected) > 1
    assert {(i["period"], i["key"]): i["events"] for i in body["items"]} == expected
    periods = sorted(period for period, _ in expected)
    assert body["first"] in periods and body["last"] in periods
    assert body["first"] <= body["last"]


def test_the_timeline_picks_its_period_from_the_span_of_the_events(client: TestClient) -> None:
    body = client.get("/api/timeline").json()
    span = (date.fromisoformat(body["last"]) - date.fromisoformat(body["first"])).days
    assert body["by"] == ("day" if span < 92 else "week" if span < 731 else "month")
    assert body["items"] == client.get("/api/timeline", params={"by": body["by"]}).json()[
        "items"]
    first_day = client.get("/api/timeline", params={"by": "day"}).json()["first"]
    narrow = client.get("/api/timeline", params={"since": first_day,
                                                 "until": first_day}).json()
    assert narrow["by"] == "day" and narrow["first"] == narrow["last"] == first_day
    assert client.get("/api/timeline", params={"by": "decade"}).status_code == 422


def places_of(events: list[dict], key: str) -> dict[tuple, dict]:
    """What /api/places should say, from event records: per place, the distinct `key`
    values (event or cluster ids) with their quads, and the (cluster, document) reports."""
    found: dict[tuple, dict] = defaultdict(lambda: {"ids": set(), "quads": defaultdict(set),
                                                    "reports": set()})
    for event in events:
        where = event["location"]
        if not where or where["lat"] is None:
            continue
        place = found[(where["name"], where["country"], where["lat"], where["lon"],
                       where["precision"])]
        place["ids"].add(event[key])
        place["quads"][str(event["quad"])].add(event[key])
        place["reports"].add((event["cluster_id"] or event["event_id"], event["doc_id"]))
    return {place: {"events": len(v["ids"]), "reports": len(v["reports"]),
                    "quads": {quad: len(v["quads"][quad]) for quad in "1234"}}
            for place, v in found.items()}


def answered_places(body: dict) -> dict[tuple, dict]:
    return {(p["name"], p["country"], p["lat"], p["lon"], p["precision"]):
            {"events": p["events"], "reports": p["reports"], "quads": p["quads"]}
            for p in body["items"]}


@pytest.mark.parametrize("params", [{}, {"all": "true"}, {"actor": "USA"}])
def test_places_count_the_located_events_reports_and_quads(client: TestClient,
                                                           params: dict) -> None:
    events, _ = all_pages(client, "/api/events", limit=1000, **params)
    body = client.get("/api/places", params=params).json()
    expected = places_of(events, "event_id")
    assert answered_places(body) == expected and expected
    assert body["count"] == len(events)
    assert body["located"] == sum(place["events"] for place in expected.values())
    assert [p["events"] for p in body["items"]] == sorted(
        (p["events"] for p in body["items"]), reverse=True)


def test_places_of_merged_events_count_clusters(middle_east_db: str) -> None:
    with TestClient(create_app(middle_east_db)) as client:
        clusters, _ = all_pages(client, "/api/events", merged="true", all="true")
        reports, _ = all_pages(client, "/api/events", all="true", limit=1000)
        by_id = {event["event_id"]: event for event in reports}
        members = [by_id[m["event_id"]] for c in clusters for m in c["members"]]
        body = client.get("/api/places", params={"merged": "true", "all": "true"}).json()
        expected = places_of(members, "cluster_id")
        assert answered_places(body) == expected
        assert any(place["reports"] > 1 for place in expected.values())
        assert body["count"] == len(clusters)
        located = {event["cluster_id"] for event in members
                   if event["location"] and event["location"]["lat"] is not None}
        assert body["located"] == len(located)


def test_a_places_coordinates_with_no_radius_list_its_events(client: TestClient) -> None:
    places = client.get("/api/places", params={"all": "true"}).json()["items"]
    at: Counter[tuple[float, float]] = Counter()
    for place in places:
        at[place["lat"], place["lon"]] += place["events"]
    assert len(at) > 1
    for (lat, lon), events in at.items():
        listed, counts = all_pages(client, "/api/events", near=f"{lat},{lon}", within=0,
                                   all="true")
        assert counts == {events} and len(listed) == events
        assert {(e["location"]["lat"], e["location"]["lon"]) for e in listed} == {(lat, lon)}


def test_positions_page_in_store_order(client: TestClient, seeds_db: str) -> None:
    with open_store(seeds_db, read_only=True) as store:
        expected = [p.position_id for p in store.query_positions(PositionQuery())]
        usa = [p.position_id for p in store.query_positions(PositionQuery(actor="USA"))]
    items, counts = all_pages(client, "/api/positions", limit=2)
    assert [p["position_id"] for p in items] == expected and counts == {len(expected)}
    items, counts = all_pages(client, "/api/positions", actor="USA", limit=1)
    assert [p["position_id"] for p in items] == usa and counts == {len(usa)}
    assert client.get("/api/positions", params={"stance": "shout"}).status_code == 422


def test_coalitions_list_members_with_evidence(client: TestClient) -> None:
    (coalition,) = client.get("/api/coalitions", params={"against": "ISIL"}).json()["items"]
    members = {m["member"]: m for m in coalition["members"]}
    assert coalition["lead"] == "USA" and "USA" in members
    assert all(e["sentence"] and e["doc_id"] for m in members.values() for e in m["evidence"])
    before = client.get("/api/coalitions", params={"against": "ISIL", "at": "2014-01-01"})
    assert before.json()["items"][0]["members"] == []
    assert client.get("/api/coalitions", params={"name": "no such thing"}).json() == {
        "items": []}


def test_stats_agree_with_the_store(client: TestClient, seeds_db: str) -> None:
    body = client.get("/api/stats").json()
    with open_store(seeds_db, read_only=True) as store:
        shown = store.count_events(EventQuery())
        counts = store.counts()
    assert body["documents"] == counts["documents"] == 3
    assert body["events"] == shown == sum(body["event_types"].values())
    assert body["events"] + body["events_hidden"] == counts["events"]
    assert body["first_date"] <= body["last_date"]


def test_responses_carry_the_security_headers(client: TestClient) -> None:
    for answer in (client.get("/api/stats"), client.get("/nothing"),
                   client.post("/api/stats"), client.get("/openapi.json")):
        assert answer.headers["content-security-policy"] == CSP
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert answer.headers["referrer-policy"] == "no-referrer"


def test_openapi_documents_every_endpoint_and_error(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    assert {"/api/events", "/api/events/{event_id}", "/api/clusters/{cluster_id}",
            "/api/dyads", "/api/timeline", "/api/places", "/api/positions", "/api/coalitions",
            "/api/documents/{doc_id}", "/api/stats", "/api/code"} <= set(paths)
    for path, operations in paths.items():
        for operation in operations.values():
            for status, response in operation["responses"].items():
                if status != "200":
                    schema = response["content"]["application/json"]["schema"]
                    assert schema == {"$ref": "#/components/schemas/ErrorBody"}, (path, status)
    assert "503" in paths["/api/events"]["get"]["responses"]
    assert {"413", "429"} <= set(paths["/api/code"]["post"]["responses"])
