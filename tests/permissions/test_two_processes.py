"""Two server processes see each other's role changes within about a second: each request
context checks ``reload_if_stale`` at most once per second."""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

from domain.accounts import open_session
from domain.roles import assign_role
from models.auth import User
from models.enums import DepartmentKind
from models.org import Department
from permissions.enforcer import STALE_CHECK_SECONDS
from permissions.enums import Role
from tests.support.factories import small_tree
from tests.support.graphql import GraphQLClient

ROOT = Path(__file__).resolve().parents[2]
QUERY = "{ departments { totalCount } }"
# The check interval, plus room for a busy machine; still far below "never".
WITHIN = STALE_CHECK_SECONDS + 4.0


async def test_a_role_given_here_shows_there_and_one_taken_there_stops_here(
    gql: GraphQLClient, db: str
) -> None:
    tree = await small_tree()
    await Department.create(name="城管局", kind=DepartmentKind.GOVERNMENT)
    user = await User.create(username="wang", password_hash="!")
    bearer, _ = await open_session(user)
    client = gql.as_(bearer)
    assert (await client.data(QUERY))["departments"]["totalCount"] == 0

    peer = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.support.peer_process", db, bearer, str(user.id),
        cwd=ROOT, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
    )  # fmt: skip
    assert peer.stdin is not None and peer.stdout is not None
    try:
        assert (await asyncio.wait_for(peer.stdout.readline(), 60)).split() == [b"ready", b"0"]

        # given a role assigned in this process, when the peer keeps asking, then it sees it
        await assign_role(role=Role.GRID_WORKER, user=user, grid=tree["north_grid"])
        assert (await client.data(QUERY))["departments"]["totalCount"] == 1  # here: at once
        peer.stdin.write(b"go\n")
        await peer.stdin.drain()
        word, seconds = (await asyncio.wait_for(peer.stdout.readline(), 60)).split()
        assert word == b"granted"
        assert float(seconds) < WITHIN

        # given the peer revoked it, when this process keeps asking, then it stops here too
        assert (await asyncio.wait_for(peer.stdout.readline(), 60)).split() == [b"revoked", b"0"]
        started = time.monotonic()
        while (await client.data(QUERY))["departments"]["totalCount"] != 0:
            assert time.monotonic() - started < WITHIN
            await asyncio.sleep(0.05)
    finally:
        if peer.returncode is None:
            peer.stdin.close()
        assert await asyncio.wait_for(peer.wait(), 60) == 0
