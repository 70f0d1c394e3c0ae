"""GraphQL over HTTP: ``application/graphql-response+json`` for clients that accept it (a request
error is HTTP 400 without ``data``); ``application/json`` keeps 200 with ``data: null``."""

from __future__ import annotations

import pytest

from api.media_types import GRAPHQL_RESPONSE, JSON, response_media_type
from tests.support.apps import app_with
from tests.support.graphql import GraphQLClient

GRAPHQL_RESPONSE_TYPE = "application/graphql-response+json; charset=utf-8"
BAD_REQUESTS = [
    # (what, body, code)
    ("does not parse", {"query": "{ apiVersion"}, "invalid_query"),
    ("does not validate", {"query": "{ nonsense }"}, "invalid_query"),
    (
        "bad variables",
        {"query": "query($n: Int!) { grids(first: $n) { totalCount } }", "variables": {"n": "x"}},
        "invalid_query",
    ),
    ("a limit", {"query": "{ " + "apiVersion " * 2001 + "}"}, "too_many_tokens"),
    ("a page too large", {"query": "{ grids(first: 101) { totalCount } }"}, "page_too_large"),
]


@pytest.mark.parametrize(
    ("body", "code"), [case[1:] for case in BAD_REQUESTS], ids=[c[0] for c in BAD_REQUESTS]
)
async def test_a_request_error_is_400_without_data_for_graphql_response_json(
    gql: GraphQLClient, body: dict[str, object], code: str
) -> None:
    response = await gql.http.post("/graphql", json=body, headers={"Accept": GRAPHQL_RESPONSE})
    assert response.status_code == 400
    assert response.headers["content-type"] == GRAPHQL_RESPONSE_TYPE
    assert "data" not in response.json()
    assert [e["extensions"]["code"] for e in response.json()["errors"]] == [code]


@pytest.mark.parametrize(
    ("body", "code"), [case[1:] for case in BAD_REQUESTS], ids=[c[0] for c in BAD_REQUESTS]
)
async def test_a_request_error_stays_200_with_null_data_for_application_json(
    gql: GraphQLClient, body: dict[str, object], code: str
) -> None:
    response = await gql.http.post("/graphql", json=body, headers={"Accept": JSON})
    assert response.status_code == 200
    assert response.headers["content-type"] == JSON
    assert response.json()["data"] is None
    assert [e["extensions"]["code"] for e in response.json()["errors"]] == [code]


async def test_a_good_query_is_200_in_the_accepted_media_type(gql: GraphQLClient) -> None:
    response = await gql.http.post(
        "/graphql", json={"query": "{ apiVersion }"}, headers={"Accept": GRAPHQL_RESPONSE}
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == GRAPHQL_RESPONSE_TYPE
    assert response.json()["data"] == {"apiVersion": "1"}


async def test_a_refused_body_answers_in_the_accepted_media_type_without_data(
    gql: GraphQLClient,
) -> None:
    response = await gql.http.post(
        "/graphql", content=b"null", headers={"Accept": GRAPHQL_RESPONSE, "Content-Type": JSON}
    )
    assert response.status_code == 400
    assert response.headers["content-type"] == GRAPHQL_RESPONSE_TYPE
    assert response.json() == {
        "errors": [
            {
                "message": "The body must be a JSON object with a `query`, not null",
                "extensions": {"code": "bad_request_body"},
            }
        ]
    }


async def test_a_rate_limited_request_has_no_data_for_graphql_response_json(db: str) -> None:
    async with app_with(
        db, MINQING_RATE_LIMIT_PER_SECOND="0.001", MINQING_RATE_LIMIT_BURST="1"
    ) as client:
        accept = {"Accept": GRAPHQL_RESPONSE}
        first = await client.http.post("/graphql", json={"query": "{ apiVersion }"}, headers=accept)
        second = await client.http.post(
            "/graphql", json={"query": "{ apiVersion }"}, headers=accept
        )
    assert first.status_code == 200
    assert second.status_code == 429
    assert "data" not in second.json()
    assert second.json()["errors"][0]["extensions"]["code"] == "rate_limited"


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        ("", JSON),
        ("*/*", JSON),
        ("application/json", JSON),
        ("text/html", JSON),
        ("application/graphql-response+json", GRAPHQL_RESPONSE),
        ("application/graphql-response+json, application/json;q=0.9", GRAPHQL_RESPONSE),
        ("application/json, application/graphql-response+json", GRAPHQL_RESPONSE),
        ("application/json, application/graphql-response+json;q=0.5", JSON),
        ("Application/GraphQL-Response+JSON", GRAPHQL_RESPONSE),
        ("application/graphql-response+json;q=0", JSON),
        ("application/graphql-response+json;q=nonsense", JSON),
    ],
)
def test_the_media_type_follows_the_accept_header(accept: str, media_type: str) -> None:
    assert response_media_type(accept) == media_type
