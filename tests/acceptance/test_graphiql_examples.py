"""GraphiQL's example document, run as an admin would run it on a fresh demo: each operation by
name, with the Variables tab's sample values, as the role its comment names."""

from __future__ import annotations

from typing import Any

from api.graphiql_examples import EXAMPLE_DOCUMENT, EXAMPLE_VARIABLES
from demo.community import load_demo
from tests.support.graphql import GraphQLClient


async def run(gql: GraphQLClient, operation: str, token: str | None = None) -> dict[str, Any]:
    """What GraphiQL sends when ▶ runs ``operation``: the whole document, its name, the variables."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    body = {"query": EXAMPLE_DOCUMENT, "operationName": operation, "variables": EXAMPLE_VARIABLES}
    response = await gql.http.post("/graphql", json=body, headers=headers)
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    assert "errors" not in result, result["errors"]
    data: dict[str, Any] = result["data"]
    return data


async def login(gql: GraphQLClient, username: str) -> str:
    # The Login example logs in as gridworker; an admin edits the name for the other steps.
    document = EXAMPLE_DOCUMENT.replace('login: "gridworker"', f'login: "{username}"')
    response = await gql.http.post("/graphql", json={"query": document, "operationName": "Login"})
    token: str = response.json()["data"]["login"]["token"]
    return token


async def test_the_examples_walk_a_case_round_the_loop_on_a_fresh_demo(gql: GraphQLClient) -> None:
    # given: the demo, and a session for each role the examples name
    assert await load_demo() is True
    roles = ["admin", "cadre", "gridworker", "microworker", "resident", "responder"]
    tokens = {role: await login(gql, role) for role in roles}
    before = (await run(gql, "CaseFigures", tokens["cadre"]))["caseFigures"]

    # when: a category and a new case are added, and the demo's submitted case (the
    # Variables tab's caseId) goes round the loop, each step as its comment says
    created = await run(gql, "CreateCaseCategory", tokens["admin"])
    assert created["createCaseCategory"]["category"]["name"] == "违法建设"
    submitted = await run(gql, "SubmitCase", tokens["resident"])
    assert submitted["submitCase"]["case"]["state"] == "SUBMITTED"
    assert submitted["submitCase"]["case"]["id"] != EXAMPLE_VARIABLES["caseId"]
    states = []
    for operation, role in [
        ("AcceptCase", "gridworker"),
        ("DispatchCase", "gridworker"),
        ("SignForCase", "responder"),
        ("ResolveCase", "responder"),
        ("VerifyCase", "microworker"),
        ("ReplyToReporter", "gridworker"),
        ("RateCase", "resident"),
    ]:
        (answer,) = (await run(gql, operation, tokens[role])).values()
        assert answer["__typename"] == "CaseUpdated", (operation, answer)
        assert answer["case"]["id"] == EXAMPLE_VARIABLES["caseId"]
        states.append(answer["case"]["state"])

    # then: the case went round to CLOSED, and the figures of 振兴路社区 count it and the new one
    assert states == [
        "ACCEPTED",
        "DISPATCHED",
        "HANDLING",
        "RESOLVED",
        "VERIFIED",
        "REPLIED",
        "CLOSED",
    ]
    after = (await run(gql, "CaseFigures", tokens["cadre"]))["caseFigures"]
    # every demo case is in 振兴花园 (Grid:3); rejected and merged ones are not counted closed
    assert [(f["key"], f["received"], f["closed"]) for f in before] == [("3", 14, 1)]
    assert [(f["key"], f["received"], f["closed"]) for f in after] == [("3", 15, 2)]
    cases = (await run(gql, "Cases", tokens["admin"]))["cases"]
    assert cases["totalCount"] == 15
    assert cases["nodes"][0] == {**cases["nodes"][0], "title": "楼道灯坏了", "state": "CLOSED"}


async def test_every_other_example_answers_something_on_a_fresh_demo(gql: GraphQLClient) -> None:
    assert await load_demo() is True
    admin, cadre = await login(gql, "admin"), await login(gql, "cadre")
    team = (await run(gql, "GridTeam"))["node"]["ancestorAt"]
    assert team["name"] == "第一网格"
    assert [(p["post"], p["workerName"]) for p in team["team"]["nodes"]] == [
        ("GRID_WORKER", "刘敏"),
        ("POLICE_OFFICER", "赵卫东"),
        ("PROPERTY_MANAGER", "孙立新"),
        ("PARTY_MEMBER", "王建华"),
        ("RESIDENT_ACTIVIST", "李秀兰"),
    ]
    assert team["stations"]["nodes"] == [{"name": "第一网格红色议事驿站", "kind": "DELIBERATION"}]
    station = (await run(gql, "CreateStation", cadre))["createStation"]
    assert station["__typename"] == "StationCreated"
    assert station["station"]["grid"] == {"name": "振兴路社区"}
    operations = (
        "People",
        "PartyMembers",
        "PublicNeeds",
        "Places",
        "Subtree",
        "History",
        "Stations",
    )
    for operation in operations:
        data = await run(gql, operation, admin)
        assert data and all(value for value in data.values()), operation
