"""No password reaches a log line: failed logins, inline or in variables, written out by every
logger of the process at DEBUG; a client's mistake is one INFO line and never a traceback."""

from __future__ import annotations

import json
import logging
import re
from typing import Any

import pytest

from api.logging_setup import JsonFormatter
from permissions.enums import Role
from tests.support.factories import user_with_role
from tests.support.graphql import GraphQLClient
from tests.support.log_capture import every_log_line

SECRET = "hunter2-Qx7v"


def login_inline(password: str, more: str = "") -> str:
    """A login with the password written into the document."""
    fields = f'login: "admin", password: {password}{more}'
    return "mutation { login(input: {" + fields + "}) { __typename } }"


LOGIN_VARIABLES = """
mutation SignIn($input: LoginInput!) {
  login(input: $input) { __typename ... on LoggedIn { token } }
}"""

# (what goes wrong, document, variables, HTTP status, code)
CLIENT_MISTAKES: list[tuple[str, str, dict[str, Any] | None, int, str]] = [
    ("parse error", login_inline(f'"{SECRET}"')[:-4], None, 200, "invalid_query"),
    (
        "validation error",
        login_inline(f'"{SECRET}"', ", remember: true"),
        None,
        200,
        "invalid_query",
    ),
    ("wrong type", login_inline(f'["{SECRET}"]'), None, 200, "invalid_query"),
    ("wrong password, inline", login_inline(f'"{SECRET}"'), None, 401, "login_failed"),
    (
        "wrong password, variables",
        LOGIN_VARIABLES,
        {"input": {"login": "admin", "password": SECRET}},
        401,
        "login_failed",
    ),
    (
        "bad variables",
        LOGIN_VARIABLES,
        {"input": {"login": "admin", "password": SECRET, "remember": True}},
        200,
        "invalid_query",
    ),
    (
        "variable of a wrong type",
        LOGIN_VARIABLES,
        {"input": {"login": "admin", "password": [SECRET]}},
        200,
        "invalid_query",
    ),
]


@pytest.mark.parametrize(
    ("case", "document", "variables", "status", "code"),
    CLIENT_MISTAKES,
    ids=[c[0] for c in CLIENT_MISTAKES],
)
async def test_a_failed_login_logs_one_info_line_without_the_password(
    gql: GraphQLClient,
    case: str,
    document: str,
    variables: dict[str, Any] | None,
    status: int,
    code: str,
) -> None:
    await user_with_role(Role.ADMIN, username="admin")

    with every_log_line() as log:
        response = await gql.post(document, variables)

    assert (response.status_code, [e["extensions"]["code"] for e in response.json()["errors"]]) == (
        status,
        [code],
    )
    lines = log.getvalue()
    assert SECRET not in lines
    assert "Traceback" not in lines
    ours = [
        line for line in lines.splitlines() if line.startswith(("INFO minqing", "WARNING", "ERROR"))
    ]
    request_id = response.headers["x-request-id"]
    operation = "SignIn" if variables else "anonymous"
    assert len(ours) == 1, ours
    assert re.fullmatch(
        rf"INFO minqing\.errors request {request_id}: operation {operation} "
        rf"\(document [0-9a-f]{{12}}\) refused: {code}",
        ours[0],
    ), ours


async def test_a_bug_keeps_its_traceback_but_not_the_variables(
    gql: GraphQLClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(**kwargs: Any) -> Any:
        raise RuntimeError("the session store broke")

    monkeypatch.setattr("schema.mutations.login.open_session", broken)

    with every_log_line(JsonFormatter()) as log:
        response = await gql.post(LOGIN_VARIABLES, {"input": {"login": "x", "password": SECRET}})

    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "internal_error"
    entries = [json.loads(line) for line in log.getvalue().splitlines()]
    assert SECRET not in log.getvalue()
    bugs = [e for e in entries if e["level"] == "ERROR"]
    assert [(e["logger"], e["request_id"]) for e in bugs] == [
        ("minqing.errors", response.headers["x-request-id"])
    ]
    assert "RuntimeError: the session store broke" in bugs[0]["traceback"]


async def test_the_json_format_is_one_object_a_line_with_the_request_id(
    gql: GraphQLClient,
) -> None:
    with every_log_line(JsonFormatter()) as log:
        response = await gql.http.post(
            "/graphql", json={"query": "{ nope }"}, headers={"X-Request-ID": "req-42"}
        )
        logging.getLogger("minqing.test").info("outside a request")

    entries = [json.loads(line) for line in log.getvalue().splitlines()]
    assert response.headers["x-request-id"] == "req-42"
    refused = [e for e in entries if e["logger"] == "minqing.errors"]
    assert [(e["level"], e["request_id"]) for e in refused] == [("INFO", "req-42")]
    assert refused[0]["message"].endswith("refused: invalid_query")
    assert {"time", "level", "logger", "message", "request_id"} <= set(entries[-1])
    assert (entries[-1]["message"], entries[-1]["request_id"]) == ("outside a request", "-")
