"""The raw baseline: the rows minqing's API serves, from plain Starlette + aiosqlite + json —
no ORM, no GraphQL. Each route answers a POST with the same JSON the GraphQL operation returns.

    BENCH_DATABASE=path.sqlite3 python -m uvicorn bench.baseline:app --port 8001
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import aiosqlite
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

GRIDS = """
SELECT g.id, g.name, g.level, p.name
FROM grid_node g LEFT JOIN grid_node p ON p.id = g.parent_id
WHERE g.is_active = 1 ORDER BY g.id LIMIT 20
"""
state: dict[str, aiosqlite.Connection] = {}


def global_id(type_name: str, pk: int) -> str:
    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()


def json_response(body: object) -> Response:
    return Response(json.dumps(body, ensure_ascii=False), media_type="application/json")


async def trivial(request: Request) -> Response:
    json.loads(await request.body())
    return json_response({"data": {"apiVersion": "1"}})


async def grids(request: Request) -> Response:
    json.loads(await request.body())
    async with state["db"].execute(GRIDS) as cursor:
        rows = await cursor.fetchall()
    nodes = [
        {
            "id": global_id("Grid", pk),
            "name": name,
            "level": level.upper(),
            "parent": {"name": parent} if parent is not None else None,
        }
        for pk, name, level, parent in rows
    ]
    return json_response({"data": {"grids": {"nodes": nodes}}})


@asynccontextmanager
async def lifespan(app: Starlette) -> AsyncIterator[None]:
    db = await aiosqlite.connect(os.environ["BENCH_DATABASE"])
    await db.execute("PRAGMA journal_mode=WAL")
    state["db"] = db
    try:
        yield
    finally:
        await db.close()


app = Starlette(
    routes=[
        Route("/trivial", trivial, methods=["POST"]),
        Route("/grids", grids, methods=["POST"]),
    ],
    lifespan=lifespan,
)
