"""A second minqing process for tests/permissions/test_two_processes.py.

    python -m tests.support.peer_process DATABASE_URL BEARER USER_ID

It serves GraphQL requests in-process (the real app, its own enforcer) and reports on
stdout: "ready", then "granted <seconds>" once a role given by the other process shows in
its answers, then "revoked" after it took that role away itself.
"""

from __future__ import annotations

import asyncio
import sys
import time

import httpx

from api.app import create_app
from api.db import close_db, init_db
from api.settings import load_settings
from domain.roles import revoke_role
from models.auth import RoleAssignment
from permissions.enforcer import reload
from tests.support.graphql import GraphQLClient

QUERY = "{ departments { totalCount } }"
PATIENCE = 20.0


def say(*words: object) -> None:
    print(*words, flush=True)


async def visible(client: GraphQLClient) -> int:
    count: int = (await client.data(QUERY))["departments"]["totalCount"]
    return count


async def main(url: str, bearer: str, user_id: int) -> None:
    await init_db(url)
    await reload()
    app = create_app(load_settings({"MINQING_DATABASE_URL": url}), manage_database=False)
    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://peer") as http:
            client = GraphQLClient(http, bearer)
            say("ready", await visible(client))
            await asyncio.to_thread(sys.stdin.readline)  # the other process assigned the role
            started = time.monotonic()
            while time.monotonic() - started < PATIENCE:
                if await visible(client):
                    break
                await asyncio.sleep(0.05)
            say("granted", round(time.monotonic() - started, 3))
            assignment = await RoleAssignment.get(user_id=user_id)
            await revoke_role(assignment=assignment)
            say("revoked", await visible(client))
    finally:
        await close_db()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], int(sys.argv[3])))
