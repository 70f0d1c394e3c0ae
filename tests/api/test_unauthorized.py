"""Bad credentials answer HTTP 401 with a clear JSON error and no data."""

from __future__ import annotations

from datetime import timedelta

import pytest
from tortoise.timezone import now

from domain.accounts import logout
from domain.api_tokens import revoke_api_token
from models.auth import ApiToken, Session
from permissions.enums import Role
from tests.support.factories import make_token, small_tree, user_with_role
from tests.support.graphql import GraphQLClient

ME = "{ me { username } }"
LOGIN = """
mutation($login: String!, $password: String!) {
  login(input: {login: $login, password: $password}) {
    __typename ... on LoggedIn { token user { username } }
  }
}"""


def assert_401(response: object, code: str) -> None:
    assert response.status_code == 401  # type: ignore[attr-defined]
    assert response.headers["www-authenticate"] == "Bearer"  # type: ignore[attr-defined]
    body = response.json()  # type: ignore[attr-defined]
    assert body.get("data") is None
    assert [e["extensions"]["code"] for e in body["errors"]] == [code]
    assert body["errors"][0]["message"]


async def test_no_token_where_one_is_required_is_401(gql: GraphQLClient) -> None:
    response = await gql.post(ME)
    assert_401(response, "unauthenticated")


async def test_no_token_on_an_admin_mutation_is_401_and_nothing_changes(gql: GraphQLClient) -> None:
    before = await ApiToken.all().count()
    response = await gql.post(
        'mutation { revokeApiToken(input: {id: "QXBpVG9rZW46MQ=="}) { __typename } }'
    )
    assert_401(response, "unauthenticated")
    assert await ApiToken.all().count() == before


@pytest.mark.parametrize(
    "header",
    ["Basic dXNlcjpwYXNz", "Bearer", "Bearer a b", "mqs_no_scheme", "Bearer  "],
)
async def test_a_malformed_authorization_header_is_401(gql: GraphQLClient, header: str) -> None:
    response = await gql.http.post(
        "/graphql", json={"query": "{ apiVersion }"}, headers={"Authorization": header}
    )
    assert_401(response, "malformed_authorization")


@pytest.mark.parametrize("secret", ["mqs_unknown", "mqt_unknown", "something-else"])
async def test_an_unknown_token_is_401(gql: GraphQLClient, secret: str) -> None:
    response = await gql.as_(secret).post("{ apiVersion }")
    assert_401(response, "invalid_token")


async def test_an_expired_session_is_401(gql: GraphQLClient) -> None:
    user_id, token = await user_with_role(Role.ADMIN)
    await Session.filter(user_id=user_id).update(expires_at=now() - timedelta(seconds=1))
    assert_401(await gql.as_(token).post(ME), "invalid_token")


async def test_a_logged_out_session_is_401(gql: GraphQLClient) -> None:
    _, token = await user_with_role(Role.ADMIN)
    assert await logout(token=token)
    assert_401(await gql.as_(token).post(ME), "invalid_token")


async def test_a_revoked_or_expired_api_token_is_401(gql: GraphQLClient) -> None:
    tree = await small_tree()
    token, secret = await make_token(Role.GRID_WORKER, tree["north_grid"])
    assert (await gql.as_(secret).post("{ apiVersion }")).status_code == 200
    await revoke_api_token(token=token)
    assert_401(await gql.as_(secret).post("{ apiVersion }"), "invalid_token")
    await ApiToken.filter(id=token.id).update(revoked_at=None, expires_at=now())
    assert_401(await gql.as_(secret).post("{ apiVersion }"), "invalid_token")


async def test_a_wrong_password_is_401_and_the_same_as_an_unknown_account(
    gql: GraphQLClient,
) -> None:
    await user_with_role(Role.ADMIN, username="keeper")
    wrong = await gql.post(LOGIN, {"login": "keeper", "password": "wrong-password"})
    missing = await gql.post(LOGIN, {"login": "nobody", "password": "wrong-password"})
    assert_401(wrong, "login_failed")
    assert_401(missing, "login_failed")
    assert wrong.json() == missing.json()
    assert await Session.filter(user__username="keeper").count() == 1  # the factory's only
