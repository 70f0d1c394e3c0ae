"""Query guard rails: every limit refuses the operation before any resolver runs."""

from __future__ import annotations

import logging
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

import pytest
import strawberry
from graphql import parse, validate

from api.graphiql_examples import EXAMPLE_DOCUMENT
from api.graphql_view import MinqingGraphQL
from api.settings import load_settings
from models.grid import GridNode
from permissions.enums import Role
from schema.limits import guard_rail_extensions
from schema.masking import MaskUnexpectedErrors
from schema.schema import schema
from tests.support.apps import PRODUCTION, app_with, client_for
from tests.support.factories import small_tree, user_with_role
from tests.support.graphql import GraphQLClient

CREATE = """mutation($input: CreateGridInput!) { createGrid(input: $input) {
  ... on GridCreated { grid { name %s } } } }"""


def create_input(parent: GridNode) -> dict[str, object]:
    from schema.relay import to_global_id

    return {
        "input": {"name": "新网格", "level": "GRID", "parentId": to_global_id("Grid", parent.id)}
    }


async def admin_client(gql: GraphQLClient) -> GraphQLClient:
    _, token = await user_with_role(Role.ADMIN)
    return gql.as_(token)


async def assert_refused_without_writing(
    client: GraphQLClient, selection: str, parent: GridNode
) -> dict[str, object]:
    before = await GridNode.all().count()
    body = await client(CREATE % selection, create_input(parent))
    assert body["data"] is None
    assert await GridNode.all().count() == before
    return body


async def test_an_operation_deeper_than_ten_is_refused_and_writes_nothing(
    gql: GraphQLClient,
) -> None:
    tree = await small_tree()
    client = await admin_client(gql)
    deep = "parent { " * 9 + "name" + " }" * 9
    body = await assert_refused_without_writing(client, deep, tree["north"])
    assert body["errors"][0]["message"] == "'anonymous' exceeds maximum operation depth of 10"
    assert body["errors"][0]["extensions"] == {"code": "query_too_deep"}


async def test_sixteen_aliases_are_refused(gql: GraphQLClient) -> None:
    aliases = " ".join(f"a{i}: apiVersion" for i in range(16))
    body = await gql(f"{{ {aliases} }}")
    assert body["data"] is None
    assert body["errors"][0]["message"] == "16 aliases found. Allowed: 15"
    assert body["errors"][0]["extensions"] == {"code": "too_many_aliases"}


async def test_more_than_two_thousand_tokens_are_refused(gql: GraphQLClient) -> None:
    body = await gql("{ " + "apiVersion " * 2000 + "}")
    assert body["data"] is None
    assert body["errors"][0]["message"] == (
        "Syntax Error: Document contains more than 2000 tokens. Parsing aborted."
    )
    assert body["errors"][0]["extensions"] == {"code": "too_many_tokens"}


@contextmanager
def alarm_after(seconds: int) -> Iterator[None]:
    """Raises ``TimeoutError`` in the main thread if the block runs past ``seconds``."""

    def ring(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"no answer within {seconds} s: validation is exponential again")

    previous = signal.signal(signal.SIGALRM, ring)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


async def test_a_fragment_bomb_is_refused_at_once_over_http(gql: GraphQLClient) -> None:
    # given 30 fragments each spreading the next twice (2**30 fields once expanded)
    chain = " ".join(f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}" for i in range(30))
    bomb = f"query {{ ...F0 }} {chain} fragment F30 on Query {{ apiVersion }}"
    # when it is posted (validation would hold the event loop: only a signal can stop it)
    start = time.perf_counter()
    with alarm_after(5):
        body = await gql(bomb)
    # then it is refused before validation, in well under a second
    assert time.perf_counter() - start < 1.0
    assert body["data"] is None
    assert body["errors"] == [
        {
            "message": "The document selects 1,073,741,824 fields once its fragments are "
            "expanded, more than 500: write a smaller document",
            "extensions": {"code": "query_too_complex"},
        }
    ]


async def test_many_copies_of_one_field_are_stopped_by_the_validation_budget(
    gql: GraphQLClient,
) -> None:
    # given 240 copies of one field (480 fields: under the size limit), whose pairwise
    # comparison by OverlappingFieldsCanBeMerged grows with the square of their number
    query = "{ " + "me { username } " * 240 + "}"
    # when it is posted
    with alarm_after(5):
        body = await gql(query)
    # then graphql-core's lowered budget stops validation, answered as too complex
    assert body["data"] is None
    assert body["errors"] == [
        {"message": "Validation aborted.", "extensions": {"code": "query_too_complex"}}
    ]


async def test_a_query_graphql_refuses_has_the_code_invalid_query(gql: GraphQLClient) -> None:
    body = await gql("{ nonsense }")
    assert body["errors"][0]["extensions"] == {"code": "invalid_query"}


async def test_a_nested_page_above_one_hundred_is_refused_before_the_write(
    gql: GraphQLClient,
) -> None:
    tree = await small_tree()
    client = await admin_client(gql)
    body = await assert_refused_without_writing(
        client, "children(first: 101) { totalCount }", tree["north"]
    )
    assert body["errors"][0]["extensions"]["code"] == "page_too_large"


async def test_first_and_last_together_are_refused(gql: GraphQLClient) -> None:
    body = await gql("{ grids(first: 2, last: 2) { totalCount } }")
    assert body["errors"][0]["extensions"]["code"] == "bad_page"


async def test_the_estimate_multiplies_down_nested_connections(gql: GraphQLClient) -> None:
    await small_tree()
    body = await gql("{ grids(first: 3) { nodes { name parent { name } } } }")
    # 1 connection, 3 grids, 3 parents
    assert body["extensions"]["cost"] == {"nodes": 7, "maxNodes": 10000, "points": 1}
    nested = "{ grids(first: 50) { nodes { children(first: 10) { nodes { name } } } } }"
    body = await gql(nested)
    assert body["extensions"]["cost"]["nodes"] == 1 + 50 + 50 + 500
    assert body["extensions"]["cost"]["points"] == 7


async def test_the_estimate_reads_variables_and_defaults_to_twenty(gql: GraphQLClient) -> None:
    query = "query($n: Int) { grids(first: $n) { edges { node { name } } } }"
    assert (await gql(query, {"n": 5}))["extensions"]["cost"]["nodes"] == 1 + 5 + 5
    assert (await gql(query))["extensions"]["cost"]["nodes"] == 1 + 20 + 20


async def test_an_operation_estimated_above_ten_thousand_objects_is_refused(
    gql: GraphQLClient,
) -> None:
    tree = await small_tree()
    client = await admin_client(gql)
    wide = "children(first: 100) { nodes { children(first: 100) { nodes { name } } } }"
    body = await assert_refused_without_writing(client, wide, tree["north"])
    assert body["errors"][0]["extensions"] == {"code": "query_too_costly"}
    # result 1 + grid 1 + connection 1 + 100 children + 100 connections + 10,000 grandchildren
    assert body["errors"][0]["message"] == (
        "The operation could return about 10,203 objects, more than 10,000: "
        "ask for smaller pages or fewer nested lists"
    )


async def test_a_batch_is_refused_with_a_json_error(gql: GraphQLClient) -> None:
    response = await gql.http.post(
        "/graphql", json=[{"query": "{ apiVersion }"}, {"query": "{ apiVersion }"}]
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"] == {"code": "batching_disabled"}


async def test_an_operation_running_past_the_timeout_is_stopped(db: str) -> None:
    await small_tree()
    async with app_with(db, MINQING_EXECUTION_TIMEOUT_SECONDS="0.000001") as client:
        body = await client("{ grids { totalCount nodes { name } } }")
    assert body["data"] is None
    assert body["errors"][0]["extensions"] == {"code": "timeout"}


INTROSPECT = "{ __schema { queryType { name } } }"


async def test_in_production_only_admins_may_introspect(db: str) -> None:
    _, token = await user_with_role(Role.ADMIN)
    tree = await small_tree()
    _, worker = await user_with_role(Role.GRID_WORKER, tree["north_grid"])
    async with app_with(db, **PRODUCTION) as client:
        anonymous = await client(INTROSPECT)
        assert anonymous["data"] is None
        assert "introspection" in anonymous["errors"][0]["message"]
        assert anonymous["errors"][0]["extensions"] == {"code": "invalid_query"}
        assert (await client.as_(worker)(INTROSPECT))["data"] is None
        admin = await client.as_(token).data(INTROSPECT)
        assert admin == {"__schema": {"queryType": {"name": "Query"}}}
        assert (await client("{ __typename }"))["data"] == {"__typename": "Query"}


async def test_in_dev_everyone_may_introspect(gql: GraphQLClient) -> None:
    assert (await gql.data(INTROSPECT))["__schema"]["queryType"]["name"] == "Query"


async def ide(client: GraphQLClient, token: str | None = None) -> tuple[int, str]:
    headers = {"Accept": "text/html"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    response = await client.http.get("/graphql", headers=headers)
    return response.status_code, response.text


async def test_in_production_graphiql_is_served_only_to_admins(db: str) -> None:
    _, token = await user_with_role(Role.ADMIN)
    tree = await small_tree()
    _, cadre = await user_with_role(Role.COMMUNITY_CADRE, tree["north"])
    async with app_with(db, **PRODUCTION) as client:
        assert (await ide(client))[0] == 404
        assert (await ide(client, cadre))[0] == 404
        status, html = await ide(client, token)
    assert status == 200
    assert "query Places" in html


async def test_in_dev_graphiql_is_open_with_the_example_document(gql: GraphQLClient) -> None:
    status, html = await ide(gql)
    assert status == 200
    assert "mutation CreateGrid" in html
    assert "Welcome to GraphiQL" not in html


async def test_graphiql_can_be_switched_off(db: str) -> None:
    async with app_with(db, MINQING_GRAPHIQL="false") as client:
        assert (await ide(client))[0] == 404


def test_every_example_operation_is_valid_against_the_schema() -> None:
    assert validate(schema._schema, parse(EXAMPLE_DOCUMENT)) == []


@strawberry.type(description="A schema with a bug.")
class Broken:
    @strawberry.field(description="Always fails.")
    def boom(self) -> str:
        raise RuntimeError("secret detail")


async def test_a_masked_error_carries_the_request_id_of_its_log_line(
    db: str, caplog: pytest.LogCaptureFixture
) -> None:
    broken = strawberry.Schema(
        query=Broken, extensions=[*guard_rail_extensions(), MaskUnexpectedErrors]
    )
    view = MinqingGraphQL(broken, load_settings({"MINQING_DATABASE_URL": db}))
    async with client_for(view) as client:
        with caplog.at_level(logging.ERROR, logger="minqing.errors"):
            response = await client.http.post("/graphql", json={"query": "{ boom }"})
    request_id = response.headers["x-request-id"]
    assert len(request_id) == 32
    assert response.json()["errors"] == [
        {
            "message": "Unexpected error.",
            "locations": [{"line": 1, "column": 3}],
            "path": ["boom"],
            "extensions": {"code": "internal_error", "requestId": request_id},
        }
    ]
    logged = [r for r in caplog.records if r.name == "minqing.errors"]
    assert [r.getMessage() for r in logged] == [
        f"request {request_id}: unexpected error at boom: secret detail"
    ]
    assert "secret detail" not in response.text


async def test_a_plain_client_request_id_is_kept_and_a_strange_one_replaced(
    gql: GraphQLClient,
) -> None:
    kept = await gql.http.post(
        "/graphql", json={"query": "{ apiVersion }"}, headers={"X-Request-ID": "abc-123"}
    )
    assert kept.headers["x-request-id"] == "abc-123"
    strange = await gql.http.post(
        "/graphql", json={"query": "{ apiVersion }"}, headers={"X-Request-ID": "a b\nc"}
    )
    assert strange.headers["x-request-id"] != "a b\nc"
    assert len(strange.headers["x-request-id"]) == 32


async def test_a_bad_token_answers_401_with_a_request_id(gql: GraphQLClient) -> None:
    response = await gql.as_("mq_s_nonsense").post("{ apiVersion }")
    assert response.status_code == 401
    assert len(response.headers["x-request-id"]) == 32


async def test_a_repeated_query_is_validated_from_the_cache(gql: GraphQLClient) -> None:
    from strawberry.extensions.validation_cache import _get_validate_cache

    from schema.limits import CACHE_SIZE

    cache = _get_validate_cache(CACHE_SIZE)
    query = "{ grids(first: 7) { totalCount } }"
    await gql.data(query)
    hits = cache.cache_info().hits
    await gql.data(query)
    await gql.data(query)
    assert cache.cache_info().hits == hits + 2


async def test_a_failure_outside_any_operation_is_masked_with_its_request_id(
    gql: GraphQLClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    async def broken(request: object) -> None:
        raise RuntimeError("secret detail")

    monkeypatch.setattr("api.graphql_view.authenticate", broken)
    with caplog.at_level(logging.ERROR, logger="minqing.requests"):
        response = await gql.post("{ apiVersion }")
    request_id = response.headers["x-request-id"]
    assert response.status_code == 500
    assert response.json() == {
        "data": None,
        "errors": [
            {
                "message": "Unexpected error.",
                "extensions": {"code": "internal_error", "requestId": request_id},
            }
        ],
    }
    assert f"request {request_id}: unexpected error outside an operation" in caplog.text
    assert "secret detail" not in response.text


async def test_an_unsupported_content_type_is_a_json_error(gql: GraphQLClient) -> None:
    response = await gql.http.post("/graphql", content="{ apiVersion }")
    assert response.status_code == 415
    assert response.json()["errors"][0]["extensions"] == {"code": "unsupported_media_type"}
