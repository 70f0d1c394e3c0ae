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

    # when: each step of the loop runs as its comment says
    created = await run(gql, "CreateCaseCategory", tokens["admin"])
    assert created["createCaseCategory"]["category"]["id"] == EXAMPLE_VARIABLES["categoryId"]
    submitted = await run(gql, "SubmitCase", tokens["resident"])
    assert submitted["submitCase"]["case"]["id"] == EXAMPLE_VARIABLES["caseId"]
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
        states.append(answer["case"]["state"])

    # then: the case went round to CLOSED, and the figures of 振兴路社区 count it
    assert states == [
        "ACCEPTED",
        "DISPATCHED",
        "HANDLING",
        "RESOLVED",
        "VERIFIED",
        "REPLIED",
        "CLOSED",
    ]
    figures = (await run(gql, "CaseFigures", tokens["cadre"]))["caseFigures"]
    assert [(f["received"], f["closed"], f["satisfactionRate"]) for f in figures] == [(1, 1, 1.0)]
    cases = (await run(gql, "Cases", tokens["admin"]))["cases"]
    assert [n["state"] for n in cases["nodes"]] == ["CLOSED"]
