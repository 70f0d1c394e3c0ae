"""Every request body that is not one GraphQL request answers a 4xx with a code, never a 500;
a body above ``MINQING_MAX_BODY_BYTES`` is refused while it streams in."""

from __future__ import annotations

import math
from collections.abc import AsyncIterator

import pytest
from starlette.types import Message

from api.app import create_app
from api.settings import DEFAULT_MAX_BODY_BYTES, load_settings
from domain.cases.files import MAX_FILE_BYTES, MAX_FILES
from models.grid import GridNode
from permissions.enums import Role
from schema.relay import to_global_id
from tests.support.apps import app_with
from tests.support.factories import small_tree, user_with_role
from tests.support.graphql import GraphQLClient

JSON = "application/json"
QUERY = '{"query": "{ apiVersion }"'

BAD_BODIES = [
    # (what, content type, body, status, code)
    ("null", JSON, b"null", 400, "bad_request_body"),
    ("a number", JSON, b"42", 400, "bad_request_body"),
    ("a string", JSON, b'"x"', 400, "bad_request_body"),
    ("a boolean", JSON, b"true", 400, "bad_request_body"),
    ("an array", JSON, b'[{"query": "{ apiVersion }"}]', 400, "batching_disabled"),
    ("invalid UTF-8", JSON, b'{"query": "{ apiVersion }\xff"}', 400, "bad_json"),
    ("not JSON", JSON, b'{"query": ', 400, "bad_json"),
    ("empty", JSON, b"", 400, "bad_json"),
    ("blank", JSON, b"  \n", 400, "bad_json"),
    ("text/plain", "text/plain", QUERY.encode() + b"}", 415, "unsupported_media_type"),
    ("a GraphQL document", "application/graphql", b"{ apiVersion }", 415, "unsupported_media_type"),
    ("form data", "application/x-www-form-urlencoded", b"query=x", 415, "unsupported_media_type"),
    ("latin-1", f"{JSON}; charset=latin1", QUERY.encode() + b"}", 415, "unsupported_media_type"),
    ("variables an array", JSON, QUERY.encode() + b', "variables": []}', 400, "bad_request_body"),
    ("variables a string", JSON, QUERY.encode() + b', "variables": "{}"}', 400, "bad_request_body"),
    ("extensions a number", JSON, QUERY.encode() + b', "extensions": 1}', 400, "bad_request_body"),
    (
        "operationName a number",
        JSON,
        QUERY.encode() + b', "operationName": 1}',
        400,
        "bad_request_body",
    ),
    (
        "operationName unknown",
        JSON,
        QUERY.encode() + b', "operationName": "x"}',
        400,
        "bad_request_body",
    ),
    ("query missing", JSON, b"{}", 400, "bad_request_body"),
    ("query null", JSON, b'{"query": null}', 400, "bad_request_body"),
    ("query empty", JSON, b'{"query": ""}', 400, "bad_request_body"),
    ("query a number", JSON, b'{"query": 1}', 400, "bad_request_body"),
    ("query an object", JSON, b'{"query": {}}', 400, "bad_request_body"),
]


@pytest.mark.parametrize(
    ("content_type", "body", "status", "code"),
    [case[1:] for case in BAD_BODIES],
    ids=[case[0] for case in BAD_BODIES],
)
async def test_a_body_that_is_not_one_graphql_request_is_a_4xx_with_its_code(
    gql: GraphQLClient, content_type: str, body: bytes, status: int, code: str
) -> None:
    response = await gql.http.post("/graphql", content=body, headers={"Content-Type": content_type})
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == JSON
    errors = response.json()["errors"]
    assert [e["extensions"]["code"] for e in errors] == [code]
    assert response.json()["data"] is None


async def test_a_post_without_content_type_is_415(gql: GraphQLClient) -> None:
    response = await gql.http.post("/graphql", content=QUERY.encode() + b"}")
    assert response.status_code == 415
    assert response.json()["errors"][0]["extensions"] == {"code": "unsupported_media_type"}


async def test_utf8_named_in_the_content_type_is_accepted(gql: GraphQLClient) -> None:
    response = await gql.http.post(
        "/graphql",
        content=b'{"query": "{ apiVersion }", "operationName": null, "variables": null}',
        headers={"Content-Type": "application/json; charset=UTF-8"},
    )
    assert (response.status_code, response.json()["data"]) == (200, {"apiVersion": "1"})


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
async def test_other_methods_are_405_with_a_code(gql: GraphQLClient, method: str) -> None:
    response = await gql.http.request(method, "/graphql", json={"query": "{ apiVersion }"})
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, POST"
    assert response.json()["errors"][0]["extensions"] == {"code": "method_not_allowed"}


async def test_a_query_over_get_is_answered(gql: GraphQLClient) -> None:
    response = await gql.http.get(
        "/graphql",
        params={
            "query": "query($n: Int) { grids(first: $n) { totalCount } }",
            "variables": '{"n": 1}',
        },
        headers={"Accept": JSON},
    )
    assert response.status_code == 200, response.text
    assert response.json()["data"] == {"grids": {"totalCount": 0}}


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"query": "{ apiVersion }", "variables": "{"}, "bad_json"),
        ({"query": "{ apiVersion }", "variables": "[]"}, "bad_request_body"),
        ({"query": "{ apiVersion }", "extensions": "1"}, "bad_request_body"),
        ({}, "bad_request_body"),
    ],
)
async def test_bad_get_parameters_are_400_with_a_code(
    gql: GraphQLClient, params: dict[str, str], code: str
) -> None:
    response = await gql.http.get("/graphql", params=params, headers={"Accept": JSON})
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"] == {"code": code}


async def test_a_mutation_over_get_is_405_and_changes_nothing(gql: GraphQLClient) -> None:
    tree = await small_tree()
    _, token = await user_with_role(Role.ADMIN)
    before = await GridNode.all().count()
    parent = to_global_id("Grid", tree["north"].id)
    mutation = f'mutation {{ createGrid(input: {{name: "新网格", level: GRID, parentId: "{parent}"}}) {{ __typename }} }}'
    response = await gql.http.get(
        "/graphql",
        params={"query": mutation},
        headers={"Accept": JSON, "Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert response.json()["errors"][0]["extensions"] == {"code": "method_not_allowed"}
    assert await GridNode.all().count() == before


async def test_a_content_length_above_the_limit_is_413(db: str) -> None:
    async with app_with(db, MINQING_MAX_BODY_BYTES="100") as client:
        fits = b'{"query": "{ apiVersion }"}'.ljust(100)
        assert (
            await client.http.post("/graphql", content=fits, headers=json_type())
        ).status_code == 200
        response = await client.http.post("/graphql", content=fits + b" ", headers=json_type())
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"] == {"code": "body_too_large"}


async def test_a_content_length_above_the_limit_is_refused_before_any_byte_is_read(
    db: str,
) -> None:
    settings = load_settings({"MINQING_DATABASE_URL": db, "MINQING_MAX_BODY_BYTES": "100"})
    app = create_app(settings, manage_database=False)
    reads: list[str] = []
    sent: list[Message] = []

    async def receive() -> Message:
        reads.append("http.request")
        return {"type": "http.request", "body": b"{}", "more_body": False}

    async def send(message: Message) -> None:
        sent.append(message)

    headers = [(b"content-type", b"application/json"), (b"content-length", b"101")]
    scope = {
        "type": "http",
        "method": "POST",
        "path": "/graphql",
        "headers": headers,
        "query_string": b"",
        "http_version": "1.1",
        "scheme": "http",
    }
    await app(scope, receive, send)
    assert sent[0]["status"] == 413
    assert reads == []


async def test_a_streamed_body_is_refused_as_soon_as_it_passes_the_limit(db: str) -> None:
    sent: list[int] = []

    async def chunks() -> AsyncIterator[bytes]:
        for i in range(10):
            sent.append(i)
            yield b'{"query": "{ apiVersion }", "x": "' if i == 0 else b"a" * 64

    async with app_with(db, MINQING_MAX_BODY_BYTES="100") as client:
        response = await client.http.post("/graphql", content=chunks(), headers=json_type())
    assert "content-length" not in response.request.headers  # chunked: no length announced
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"] == {"code": "body_too_large"}
    assert sent == [0, 1, 2]  # 35 + 64 bytes fit, the third chunk passes 100: no more is read


def test_the_default_body_limit_holds_the_largest_legal_request() -> None:
    attachments = MAX_FILES * 4 * math.ceil(MAX_FILE_BYTES / 3)  # base64 in the JSON
    assert load_settings({}).max_body_bytes == DEFAULT_MAX_BODY_BYTES
    assert attachments + 1024 * 1024 <= DEFAULT_MAX_BODY_BYTES


def test_the_body_limit_is_a_positive_number_of_bytes() -> None:
    assert load_settings({"MINQING_MAX_BODY_BYTES": "2048"}).max_body_bytes == 2048
    with pytest.raises(RuntimeError, match="MINQING_MAX_BODY_BYTES"):
        load_settings({"MINQING_MAX_BODY_BYTES": "0"})


def json_type() -> dict[str, str]:
    return {"Content-Type": JSON}
