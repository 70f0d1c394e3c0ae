"""Who a credential is, remembered for a second: fewer queries, and no change overlooked.

A verb of this process (logout, deactivation, token revocation, a role change) holds at the
next request; a change made elsewhere (another worker process: here a raw UPDATE) holds
once the entry's second is up, and no entry outlives its session.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from tortoise.timezone import now

from domain.accounts import logout
from domain.roles import assign_role
from domain.users import update_user
from models.auth import Session, User
from permissions import viewer_cache
from permissions.enums import Role
from tests.support.factories import small_tree, user_with_role
from tests.support.graphql import GraphQLClient
from tests.support.sql_capture import captured_sql

ME = "{ me { username } }"
USERS = "{ users { totalCount } }"


def session_reads(statements: list[str]) -> int:
    return sum('FROM "user_session"' in sql for sql in statements)


async def test_a_second_request_does_not_read_the_session_again(gql: GraphQLClient) -> None:
    _, token = await user_with_role(Role.ADMIN)
    with captured_sql() as first:
        await gql.as_(token).data(ME)
    with captured_sql() as second:
        await gql.as_(token).data(ME)
    assert session_reads([s.sql for s in first.statements]) == 1
    assert session_reads([s.sql for s in second.statements]) == 0


async def test_logout_and_deactivation_hold_at_the_next_request(gql: GraphQLClient) -> None:
    _, token = await user_with_role(Role.ADMIN)
    await gql.as_(token).data(ME)
    assert await logout(token=token)
    assert (await gql.as_(token).post(ME)).status_code == 401

    user_id, token = await user_with_role(Role.ADMIN)
    await user_with_role(Role.ADMIN)  # not the last admin
    await gql.as_(token).data(ME)
    await update_user(user=await User.get(id=user_id), is_active=False)
    assert (await gql.as_(token).post(ME)).status_code == 401


async def test_a_new_role_is_seen_at_the_next_request(gql: GraphQLClient) -> None:
    tree = await small_tree()
    await user_with_role(Role.GRID_WORKER, tree["south_grid"])  # out of the north's sight
    user_id, token = await user_with_role(Role.GRID_WORKER, tree["north_grid"])
    as_worker = (await gql.as_(token).data(USERS))["users"]["totalCount"]
    await assign_role(role=Role.ADMIN, user=await User.get(id=user_id), everywhere=True)
    assert (await gql.as_(token).data(USERS))["users"]["totalCount"] > as_worker


async def test_a_change_made_elsewhere_holds_within_the_ttl(
    gql: GraphQLClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(viewer_cache, "TTL_SECONDS", 0.3)
    user_id, token = await user_with_role(Role.ADMIN)
    await gql.as_(token).data(ME)
    await Session.filter(user_id=user_id).update(revoked_at=now())  # as another process would
    assert (await gql.as_(token).post(ME)).status_code == 200  # remembered, within the TTL
    await asyncio.sleep(0.35)
    assert (await gql.as_(token).post(ME)).status_code == 401


async def test_no_entry_outlives_its_session(
    gql: GraphQLClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(viewer_cache, "TTL_SECONDS", 60)
    user_id, token = await user_with_role(Role.ADMIN)
    await Session.filter(user_id=user_id).update(expires_at=now() + timedelta(seconds=0.4))
    await gql.as_(token).data(ME)
    await asyncio.sleep(0.45)
    assert (await gql.as_(token).post(ME)).status_code == 401


async def test_switched_off_with_a_zero_ttl(
    gql: GraphQLClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(viewer_cache, "TTL_SECONDS", 0)
    _, token = await user_with_role(Role.ADMIN)
    await gql.as_(token).data(ME)
    with captured_sql() as again:
        await gql.as_(token).data(ME)
    assert session_reads([s.sql for s in again.statements]) == 1
