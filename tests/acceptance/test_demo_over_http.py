"""The seeded demo served by the real server: what each demo login sees over HTTP."""

from __future__ import annotations

from typing import Any

import httpx

from demo.community import DEMO_PASSWORD
from tests.acceptance.conftest import LiveServer

PERSONS = "{ persons(first: 100) { totalCount nodes { name phone } } }"


def post(
    server: LiveServer, query: str, token: str | None = None, **variables: Any
) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return httpx.post(
        f"{server.url}/graphql",
        json={"query": query, "variables": variables},
        headers=headers,
        timeout=10,
    )


def test_anonymous_visitors_see_the_tree_and_the_worker_board_but_no_person(
    live_server: LiveServer,
) -> None:
    body = post(
        live_server,
        """{ grids(level: GRID) { totalCount }
             workerAssignments { nodes { post workerName place { name } } }
             persons { totalCount } }""",
    ).json()
    assert body["data"] == {
        "grids": {"totalCount": 13},
        "workerAssignments": {
            "nodes": [
                {"post": post, "workerName": name, "place": {"name": "第一网格"}}
                for post, name in (
                    ("GRID_WORKER", "刘敏"),
                    ("POLICE_OFFICER", "赵卫东"),
                    ("PROPERTY_MANAGER", "孙立新"),
                    ("PARTY_MEMBER", "王建华"),
                    ("RESIDENT_ACTIVIST", "李秀兰"),
                )
            ]
        },
        "persons": {"totalCount": 0},
    }


def test_the_grid_worker_sees_the_people_of_their_grid_with_whole_phones(
    live_server: LiveServer,
) -> None:
    token = live_server.login("gridworker", DEMO_PASSWORD)
    persons = post(live_server, PERSONS, token).json()["data"]["persons"]
    assert persons["totalCount"] == 10
    assert persons["nodes"][0] == {"name": "王建华", "phone": "13900000001"}


def test_the_resident_sees_their_own_household_with_relatives_masked(
    live_server: LiveServer,
) -> None:
    token = live_server.login("resident", DEMO_PASSWORD)
    persons = post(live_server, PERSONS, token).json()["data"]["persons"]
    assert persons == {
        "totalCount": 3,
        "nodes": [
            {"name": "王建华", "phone": "13900000001"},
            {"name": "李秀兰", "phone": "139****0002"},
            {"name": "王磊", "phone": "139****0003"},
        ],
    }


def test_a_malformed_authorization_header_is_a_401_with_a_json_error(
    live_server: LiveServer,
) -> None:
    response = httpx.post(
        f"{live_server.url}/graphql",
        json={"query": "{ apiVersion }"},
        headers={"Authorization": "Basic abc"},
        timeout=10,
    )
    assert response.status_code == 401
    body = response.json()
    assert "data" not in body
    assert body["errors"][0]["extensions"]["code"]


def test_the_responder_sees_no_residents(live_server: LiveServer) -> None:
    token = live_server.login("responder", DEMO_PASSWORD)
    assert post(live_server, PERSONS, token).json()["data"]["persons"]["totalCount"] == 0


def test_healthz_reports_the_database(live_server: LiveServer) -> None:
    response = httpx.get(f"{live_server.url}/healthz", timeout=5)
    assert response.json() == {"status": "ok", "database": "ok"}
