"""The demo's map over HTTP: a resident reports by coordinates alone and the case lands in the
grid whose boundary holds the point; ``placeAt`` answers the same grid, and nothing at sea."""

from __future__ import annotations

from typing import Any

import httpx

from demo.boundaries import GRID_ONE_POINT
from demo.community import DEMO_PASSWORD
from tests.acceptance.conftest import LiveServer

PLACE_AT = "query($lat: Float!, $lon: Float!) { placeAt(latitude: $lat, longitude: $lon) { name } }"
SUBMIT = """mutation($input: SubmitCaseInput!) { submitCase(input: $input) {
  __typename
  ... on CaseSubmitted { case { id latitude longitude place { name ancestors { name } } } }
  ... on ValidationFailed { fieldErrors { field code } } } }"""
READ_BACK = """query($id: ID!) { node(id: $id) { ... on Case { title state latitude longitude
  place { name } } } }"""
CASES = "{ cases(first: 100) { nodes { id place { name } } } }"
YELLOW_SEA = (33.5, 123.5)  # off the Jiangsu coast: in no place


def graphql(server: LiveServer, query: str, token: str | None = None, **variables: Any) -> Any:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = httpx.post(
        f"{server.url}/graphql",
        json={"query": query, "variables": variables},
        headers=headers,
        timeout=10,
    )
    assert response.status_code == 200, response.text
    return response.json()


def report(latitude: float, longitude: float, title: str) -> dict[str, Any]:
    return {
        "title": title,
        "description": "路口井盖缺失，晚上看不见",
        "channel": "ONLINE",
        "latitude": latitude,
        "longitude": longitude,
    }


def test_given_the_demo_when_the_resident_reports_by_coordinates_then_the_case_lands_on_the_grid(
    live_server: LiveServer,
) -> None:
    token = live_server.login("resident", DEMO_PASSWORD)
    lat, lon = GRID_ONE_POINT

    body = graphql(live_server, SUBMIT, token, input=report(lat, lon, "井盖缺失"))

    submitted = body["data"]["submitCase"]
    assert submitted["__typename"] == "CaseSubmitted", body
    case = submitted["case"]
    assert case["place"]["name"] == "第一网格"
    assert [a["name"] for a in case["place"]["ancestors"]] == ["云阳街道", "振兴路社区", "振兴花园"]
    assert (case["latitude"], case["longitude"]) == (lat, lon)
    read = graphql(live_server, READ_BACK, token, id=case["id"])["data"]["node"]
    assert read == {
        "title": "井盖缺失",
        "state": "SUBMITTED",
        "latitude": lat,
        "longitude": lon,
        "place": {"name": "第一网格"},
    }
    mine = graphql(live_server, CASES, token)["data"]["cases"]["nodes"]
    assert {"id": case["id"], "place": {"name": "第一网格"}} in mine


def test_place_at_answers_the_grid_for_its_point_and_nothing_at_sea(
    live_server: LiveServer,
) -> None:
    lat, lon = GRID_ONE_POINT
    assert graphql(live_server, PLACE_AT, lat=lat, lon=lon)["data"] == {
        "placeAt": {"name": "第一网格"}
    }
    at_sea = graphql(live_server, PLACE_AT, lat=YELLOW_SEA[0], lon=YELLOW_SEA[1])
    assert at_sea["data"] == {"placeAt": None}
    assert "errors" not in at_sea
    kunming = graphql(live_server, PLACE_AT, lat=25.005, lon=102.7715)["data"]
    assert kunming == {"placeAt": {"name": "第7网格"}}


def test_coordinates_out_of_range_answer_the_typed_error(live_server: LiveServer) -> None:
    body = graphql(live_server, PLACE_AT, lat=GRID_ONE_POINT[1], lon=GRID_ONE_POINT[0])
    assert body["data"] == {"placeAt": None}
    assert [e["extensions"]["code"] for e in body["errors"]] == ["out_of_range"]

    token = live_server.login("resident", DEMO_PASSWORD)
    swapped = report(GRID_ONE_POINT[1], GRID_ONE_POINT[0], "经纬度写反了")
    rejected = graphql(live_server, SUBMIT, token, input=swapped)["data"]["submitCase"]
    assert rejected["__typename"] == "ValidationFailed"
    assert {"field": "latitude", "code": "out_of_range"} in rejected["fieldErrors"]

    at_sea = report(*YELLOW_SEA, "海上")
    uncovered = graphql(live_server, SUBMIT, token, input=at_sea)["data"]["submitCase"]
    assert uncovered == {
        "__typename": "ValidationFailed",
        "fieldErrors": [{"field": "latitude", "code": "not_covered"}],
    }


def test_the_demo_cases_are_on_both_maps(live_server: LiveServer) -> None:
    community = graphql(live_server, '{ grids(nameContains: "振兴路社区") { nodes { id } } }')
    community_id = community["data"]["grids"]["nodes"][0]["id"]
    public = graphql(
        live_server,
        "query($id: ID!) { publicCasesGeoJson(subtreeOf: $id) }",
        id=community_id,
    )["data"]["publicCasesGeoJson"]
    assert public["type"] == "FeatureCollection"
    assert len(public["features"]) >= 2  # the replied and the closed cases, at least
    token = live_server.login("cadre", DEMO_PASSWORD)
    seen = graphql(
        live_server, "query($id: ID!) { casesGeoJson(subtreeOf: $id) }", token, id=community_id
    )["data"]["casesGeoJson"]
    assert len(seen["features"]) >= 14
    for feature in seen["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert 119.56 <= lon <= 119.58 and 31.995 <= lat <= 32.005, feature
