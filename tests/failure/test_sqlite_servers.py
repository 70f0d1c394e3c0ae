"""Real server processes on one SQLite file: concurrent writers never see "database is
locked", and a server killed mid-write loses nothing it acknowledged."""

from __future__ import annotations

import asyncio
import itertools
from pathlib import Path
from typing import Any

import httpx
import pytest
from tortoise import Tortoise

from models.grid import GridChange, GridNode
from permissions.enums import Role
from schema.relay import parse_pk, to_global_id
from tests.conftest import ON_POSTGRES
from tests.support.factories import small_tree, user_with_role
from tests.support.servers import Server, running, start_server

pytestmark = pytest.mark.skipif(
    ON_POSTGRES, reason="two processes on one embedded SQLite file; PostgreSQL serves many anyway"
)

CREATE = """mutation($input: CreateGridInput!) { createGrid(input: $input) {
  __typename ... on GridCreated { grid { id name } } ... on Error { code message } } }"""


async def create(
    http: httpx.AsyncClient, server: Server, token: str, parent: str, name: str
) -> Any:
    response = await http.post(
        server.url,
        json={
            "query": CREATE,
            "variables": {"input": {"name": name, "level": "GRID", "parentId": parent}},
        },
        headers={"Authorization": f"Bearer {token}"},
    )
    return response.status_code, response.json()


async def integrity() -> str:
    rows = await Tortoise.get_connection("default").execute_query_dict("PRAGMA integrity_check")
    return str(next(iter(rows[0].values())))


async def test_two_servers_writing_at_once_never_answer_database_is_locked(
    db: str, tmp_path: Path
) -> None:
    tree = await small_tree()
    _, token = await user_with_role(Role.ADMIN)
    parent = to_global_id("Grid", tree["north"].id)
    per_server, concurrency = 60, 6
    with running(db, tmp_path, count=2) as servers:
        async with httpx.AsyncClient(timeout=60) as http:
            gate = asyncio.Semaphore(concurrency * 2)

            async def one(server: Server, name: str) -> Any:
                async with gate:
                    return await create(http, server, token, parent, name)

            answers = await asyncio.gather(
                *(
                    one(server, f"并发网格-{s}-{i}")
                    for i in range(per_server)
                    for s, server in enumerate(servers)
                )
            )
        logs = "".join(server.log.read_text() for server in servers)
    assert {status for status, _ in answers} == {200}
    assert [body["errors"] for _, body in answers if "errors" in body] == []
    typenames = [body["data"]["createGrid"]["__typename"] for _, body in answers]
    assert typenames == ["GridCreated"] * (2 * per_server)
    assert "locked" not in logs
    assert await GridNode.filter(name__startswith="并发网格-").count() == 2 * per_server
    assert await integrity() == "ok"


async def test_a_server_killed_mid_write_keeps_every_acknowledged_write(
    db: str, tmp_path: Path
) -> None:
    tree = await small_tree()
    _, token = await user_with_role(Role.ADMIN)
    parent = to_global_id("Grid", tree["north"].id)
    acknowledged: dict[str, str] = {}  # global id -> name
    numbers = itertools.count()
    enough = asyncio.Event()
    server = start_server(db, tmp_path)
    try:
        async with httpx.AsyncClient(timeout=30) as http:

            async def writer() -> None:
                while True:
                    name = f"断电网格-{next(numbers)}"
                    try:
                        status, body = await create(http, server, token, parent, name)
                    except httpx.TransportError:
                        return  # the server is gone; this write was never acknowledged
                    assert status == 200
                    grid = body["data"]["createGrid"]["grid"]
                    acknowledged[grid["id"]] = grid["name"]
                    if len(acknowledged) >= 40:
                        enough.set()

            writers = [asyncio.create_task(writer()) for _ in range(4)]
            await enough.wait()
            server.kill()
            await asyncio.gather(*writers)
        sent = next(numbers)
    finally:
        server.stop()
    assert len(acknowledged) >= 40
    with running(db, tmp_path) as (restarted,):
        async with httpx.AsyncClient(timeout=30) as http:
            status, body = await create(http, restarted, token, parent, "重启后网格")
    assert status == 200
    assert body["data"]["createGrid"]["__typename"] == "GridCreated"

    ids = [grid_pk(gid) for gid in acknowledged]
    stored = {n.id: n.name for n in await GridNode.filter(id__in=ids)}
    assert stored == {grid_pk(gid): name for gid, name in acknowledged.items()}
    # every node kept the history row written in its transaction
    assert await GridChange.filter(node_id__in=ids).count() == len(ids)
    written = await GridNode.filter(name__startswith="断电网格-").count()
    assert len(acknowledged) <= written <= sent
    assert await integrity() == "ok"


def grid_pk(global_id: str) -> int:
    return parse_pk(global_id, field="id", expected="Grid")
