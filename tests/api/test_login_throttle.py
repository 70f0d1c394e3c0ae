"""Failed logins are throttled per (login, address) and per address: nobody can lock anyone
else out, and every throttle that starts is in the audit log."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest

from api.app import create_app
from api.settings import load_settings
from domain.clock import moment
from domain.login_throttle import ANY_LOGIN, PER_ADDRESS, PER_LOGIN_AND_ADDRESS
from models.auth import AuditEntry, LoginAttempt, Session
from permissions.enums import Role
from tests.api.test_unauthorized import LOGIN, assert_401
from tests.support.apps import client_for
from tests.support.factories import PASSWORD, user_with_role
from tests.support.graphql import GraphQLClient

ATTACKER = "203.0.113.7"
KEEPER = "198.51.100.20"


@pytest.fixture
async def app(db: str) -> AsyncIterator[object]:
    yield create_app(load_settings({"MINQING_DATABASE_URL": db}), manage_database=False)


async def fail(client: GraphQLClient, login: str) -> None:
    assert_401(await client.post(LOGIN, {"login": login, "password": "nope-nope"}), "login_failed")


async def logs_in(client: GraphQLClient, login: str) -> bool:
    response = await client.post(LOGIN, {"login": login, "password": PASSWORD})
    return response.status_code == 200 and response.json()["data"]["login"]["__typename"] == (
        "LoggedIn"
    )


async def test_failures_from_one_address_never_lock_out_another(app: object) -> None:
    # given an admin, and an attacker who has failed far past the free failures
    await user_with_role(Role.ADMIN, username="keeper")
    async with client_for(app, ATTACKER) as attacker, client_for(app, KEEPER) as keeper:  # type: ignore[arg-type]
        for _ in range(PER_LOGIN_AND_ADDRESS.free_failures + 3):
            await fail(attacker, "keeper")
        # when the attacker now tries the right password, it is refused unchecked
        assert not await logs_in(attacker, "keeper")
        # then the keeper, from their own address, still logs in at once
        assert await logs_in(keeper, "keeper")
    assert await Session.filter(user__username="keeper").count() == 2  # the factory's and this


async def test_the_wait_grows_and_is_audited(app: object) -> None:
    # given five free failures from one address
    await user_with_role(Role.ADMIN, username="keeper")
    async with client_for(app, ATTACKER) as attacker:  # type: ignore[arg-type]
        for _ in range(PER_LOGIN_AND_ADDRESS.free_failures):
            await fail(attacker, "keeper")
        row = await LoginAttempt.get(login="keeper", address=ATTACKER)
        assert (row.failures, row.locked_until) == (5, None)
        assert not await AuditEntry.filter(action="login.throttled").exists()
        # when the sixth fails, the key waits 30 s, and the audit log says so
        await fail(attacker, "keeper")
        row = await LoginAttempt.get(login="keeper", address=ATTACKER)
        assert row.failures == 6 and row.locked_until is not None
        assert timedelta(seconds=29) < row.locked_until - moment() <= timedelta(seconds=30)
        entry = await AuditEntry.get(action="login.throttled")
        assert entry.target == "Login:keeper"
        assert entry.after["scope"] == "login"
        assert entry.after["address"] == ATTACKER
        assert entry.after["failures"] == 6
        # and once the wait has passed, the next failure waits twice as long
        await LoginAttempt.filter(id=row.id).update(locked_until=moment() - timedelta(seconds=1))
        await fail(attacker, "keeper")
        row = await LoginAttempt.get(login="keeper", address=ATTACKER)
        assert row.locked_until is not None
        assert timedelta(seconds=59) < row.locked_until - moment() <= timedelta(seconds=60)
        assert await AuditEntry.filter(action="login.throttled").count() == 2
        # and after it, the right password works and clears the key
        await LoginAttempt.filter(id=row.id).update(locked_until=moment() - timedelta(seconds=1))
        assert await logs_in(attacker, "keeper")
    row = await LoginAttempt.get(login="keeper", address=ATTACKER)
    assert (row.failures, row.locked_until) == (0, None)


async def test_an_address_spraying_many_names_is_slowed_on_all_of_them(app: object) -> None:
    # given an address that failed the per-address allowance across many names
    await user_with_role(Role.ADMIN, username="keeper")
    async with client_for(app, ATTACKER) as attacker, client_for(app, KEEPER) as keeper:  # type: ignore[arg-type]
        for i in range(PER_ADDRESS.free_failures + 1):
            await fail(attacker, f"guess-{i % 10}")
        spray = await LoginAttempt.get(login=ANY_LOGIN, address=ATTACKER)
        assert spray.failures == PER_ADDRESS.free_failures + 1
        assert spray.locked_until is not None
        # when it tries a name it never tried, with the right password, it is refused
        assert not await logs_in(attacker, "keeper")
        # then another address is untouched
        assert await logs_in(keeper, "keeper")
    entry = await AuditEntry.filter(action="login.throttled", target=f"Address:{ATTACKER}").first()
    assert entry is not None and entry.after["scope"] == "address"


async def test_a_quiet_key_starts_again_from_zero(app: object) -> None:
    await user_with_role(Role.ADMIN, username="keeper")
    async with client_for(app, ATTACKER) as attacker:  # type: ignore[arg-type]
        for _ in range(4):
            await fail(attacker, "keeper")
        long_ago = moment() - PER_LOGIN_AND_ADDRESS.forget_after - timedelta(minutes=1)
        await LoginAttempt.filter(login="keeper").update(last_failure_at=long_ago)
        await fail(attacker, "keeper")
    assert (await LoginAttempt.get(login="keeper", address=ATTACKER)).failures == 1
