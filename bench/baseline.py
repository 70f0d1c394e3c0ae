"""The raw baseline: the rows minqing's API serves, from plain Starlette + aiosqlite + json —
no ORM, no GraphQL. Each route answers a POST with the same JSON the GraphQL operation returns,
reading it the way minqing does (the same indexes, the kept figures), so the ratio of the two
is the cost of the framework, not of a different query plan.

    BENCH_DATABASE=path.sqlite3 python -m uvicorn bench.baseline:app --port 8001
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime, timedelta, timezone

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
CASES = """
SELECT c.id, c.title, c.state, c.case_class, c.urgency, c.channel, c.created_at, c.is_whistle,
       c.reopen_count, c.last_score, g.name, COALESCE(p.name, c.reporter_name)
FROM case_item c JOIN grid_node g ON g.id = c.place_id LEFT JOIN person p ON p.id = c.reporter_id
WHERE c.place_depth1_id = ? ORDER BY c.id LIMIT 20
"""
CASE = "SELECT title, state FROM case_item WHERE id = ? AND place_path >= ? AND place_path < ?"
TIMELINE = """
SELECT action, from_state, to_state, created_at FROM case_event WHERE case_id = ?
ORDER BY id LIMIT 20
"""
# As minqing counts them: the kept monthly rows, plus the cases late now that never ran late.
FIGURES = """
SELECT SUM(f.received), SUM(f.accepted), SUM(f.rejected), SUM(f.in_progress),
  SUM(f.resolved), SUM(f.resolved_on_time), SUM(f.closed), SUM(f.was_overdue), SUM(f.rated),
  SUM(f.satisfied), SUM(f.whistle)
FROM grid_node g JOIN case_month_figures f ON f.place_id = g.id
WHERE g.path >= :low AND g.path < :high AND f.month >= '2025-01' AND f.month <= '2025-12'
"""
LATE_NOW = """
SELECT COUNT(*) FROM case_item c
WHERE ((c.state IN ('accepted', 'dispatched', 'handling', 'reopened') AND c.handle_due_at < :now)
  OR (c.state = 'submitted' AND c.accept_due_at < :now)) AND NOT c.was_overdue
  AND c.place_path >= :low AND c.place_path < :high
  AND c.submitted_month >= '2025-01' AND c.submitted_month <= '2025-12'
"""
FIGURE_NAMES = [
    "received",
    "accepted",
    "rejected",
    "inProgress",
    "resolved",
    "resolvedOnTime",
    "closed",
    "overdue",
    "rated",
    "satisfied",
    "whistle",
]
COMMENT = """
INSERT INTO case_event (case_id, action, from_state, to_state, actor_user_id, role, reason,
  payload, created_at) VALUES (?, 'comment', ?, ?, ?, 'community_cadre', '已回访', '{}', ?)
"""
BUMP = "UPDATE case_item SET version = version + 1, updated_at = ? WHERE id = ?"
SUBTREE = ("/1/2/", "/1/20")  # the community the benchmark's cadre works in
COMMUNITY = 2  # its id: its cases carry it as place_depth1_id
SHANGHAI = timezone(timedelta(hours=8))
state: dict[str, aiosqlite.Connection] = {}
WRITE_LOCK = asyncio.Lock()


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


def when(stored: str) -> str:
    return datetime.fromisoformat(stored).isoformat()


async def cases(request: Request) -> Response:
    json.loads(await request.body())
    async with state["db"].execute(CASES, (COMMUNITY,)) as cursor:
        rows = await cursor.fetchall()
    nodes = [
        {
            "id": global_id("Case", r[0]),
            "title": r[1],
            "state": r[2].upper(),
            "caseClass": r[3].upper() if r[3] else None,
            "urgency": r[4].upper(),
            "channel": r[5].upper(),
            "createdAt": when(r[6]),
            "isWhistle": bool(r[7]),
            "reopenCount": r[8],
            "lastScore": r[9],
            "place": {"name": r[10]},
            "reporterName": r[11] or "",
        }
        for r in rows
    ]
    return json_response({"data": {"cases": {"nodes": nodes}}})


def _pk(global_id_: str) -> int:
    return int(base64.b64decode(global_id_).decode().split(":")[1])


async def timeline(request: Request) -> Response:
    pk = _pk(json.loads(await request.body())["variables"]["id"])
    db = state["db"]
    async with db.execute(CASE, (pk, *SUBTREE)) as cursor:
        case = await cursor.fetchone()
    if case is None:
        return json_response({"data": {"node": None}})
    async with db.execute(TIMELINE, (pk,)) as cursor:
        events = await cursor.fetchall()
    nodes = [
        {
            "action": a.upper(),
            "fromState": f.upper() if f else None,
            "toState": t.upper(),
            "createdAt": when(at),
        }
        for a, f, t, at in events
    ]
    node = {"title": case[0], "state": case[1].upper(), "timeline": {"nodes": nodes}}
    return json_response({"data": {"node": node}})


async def figures(request: Request) -> Response:
    json.loads(await request.body())
    now = datetime.now(SHANGHAI).isoformat(sep=" ")
    params = {"now": now, "low": SUBTREE[0], "high": SUBTREE[1]}
    async with state["db"].execute(FIGURES, params) as cursor:
        row = await cursor.fetchone()
    async with state["db"].execute(LATE_NOW, params) as cursor:
        late = await cursor.fetchone()
    counts = dict(zip(FIGURE_NAMES, [int(n or 0) for n in row or ()], strict=True))
    counts["overdue"] += late[0] if late else 0
    return json_response({"data": {"caseFigures": [counts]}})


async def comment(request: Request) -> Response:
    pk = _pk(json.loads(await request.body())["variables"]["id"])
    db = state["db"]
    at = datetime.now(SHANGHAI).isoformat(sep=" ")
    async with WRITE_LOCK:  # one connection: one transaction at a time
        await db.execute("BEGIN IMMEDIATE")
        try:
            async with db.execute("SELECT state FROM case_item WHERE id = ?", (pk,)) as cursor:
                row = await cursor.fetchone()
            current = row[0] if row else "closed"
            await db.execute(COMMENT, (pk, current, current, None, at))
            await db.execute(BUMP, (at, pk))
            await db.execute("COMMIT")
        except Exception:
            await db.execute("ROLLBACK")
            raise
    return json_response({"data": {"commentOnCase": {"__typename": "CaseUpdated"}}})


@asynccontextmanager
async def lifespan(app: Starlette) -> AsyncIterator[None]:
    db = await aiosqlite.connect(os.environ["BENCH_DATABASE"], isolation_level=None)
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
        Route("/cases", cases, methods=["POST"]),
        Route("/timeline", timeline, methods=["POST"]),
        Route("/figures", figures, methods=["POST"]),
        Route("/comment", comment, methods=["POST"]),
    ],
    lifespan=lifespan,
)
