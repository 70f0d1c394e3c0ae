"""Case operations for ``scripts/bench api --cases N,…``: a district-like database per size
(generated once under data/bench/ and reused), a community cadre's session in it, and the
GraphQL operations measured against bench/baseline.py's raw handlers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bench.ops import Operation

COMMUNITY_ID = 2  # the first community of the generated district (street 1 is id 1)


def database_for(root: Path, cases: int) -> Path:
    return root / "data" / "bench" / f"district-{cases}.sqlite3"


async def seed_cases(database_url: str, cases: int) -> str:
    """Migrate, write a district with ``cases`` cases; returns (as JSON) a community cadre's
    session token and the case the operations read and comment on."""
    from api.db import close_db, init_db
    from api.migrate import apply_migrations
    from demo.district.generate import generate_district
    from domain.accounts import create_user, open_session
    from domain.roles import assign_role
    from models.cases import Case
    from models.grid import GridNode
    from permissions.enums import Role

    await apply_migrations(database_url)
    await init_db(database_url)
    try:
        residents = min(700_000, max(20_000, cases * 7 // 10))
        await generate_district(residents, cases=cases)
        community = await GridNode.get(id=COMMUNITY_ID)
        user = await create_user(username="bench-cadre", password="bench-password-1")
        await assign_role(role=Role.COMMUNITY_CADRE, user=user, grid=community)
        token, _ = await open_session(user)
        # the case read and commented on: the community's first (closed: a comment never moves it)
        case = await Case.filter(place_path__startswith=community.path).order_by("id").first()
        return json.dumps({"token": token, "case_id": case.id if case else 1})
    finally:
        await close_db()


def case_operations(seeded: str) -> list[Operation]:
    found = json.loads(seeded)
    token, case_id = found["token"], found["case_id"]
    headers = {"Authorization": f"Bearer {token}"}
    return [
        Operation("trivial query (the cadre's session)", "{ apiVersion }", "/trivial", headers),
        Operation(
            "case list, 20 × 10 fields + grid + reporter",
            "{ cases(first: 20) { nodes { id title state caseClass urgency channel createdAt"
            " isWhistle reopenCount lastScore place { name } reporterName } } }",
            "/cases",
            headers,
        ),
        Operation(
            "case with its timeline",
            "query($id: ID!) { node(id: $id) { ... on Case { title state"
            " timeline(first: 20) { nodes { action fromState toState createdAt } } } } }",
            "/timeline",
            headers,
            {"id": _gid("Case", case_id)},
        ),
        Operation(
            "community figures for 2025",
            'query($id: ID!) { caseFigures(placeId: $id, monthFrom: "2025-01",'
            ' monthTo: "2025-12") { received accepted rejected inProgress resolved'
            " resolvedOnTime closed overdue rated satisfied whistle } }",
            "/figures",
            headers,
            {"id": _gid("Grid", COMMUNITY_ID)},
        ),
        Operation(
            "commentOnCase (event + version bump)",
            'mutation($id: ID!) { commentOnCase(input: {caseId: $id, text: "已回访"})'
            " { __typename } }",
            "/comment",
            headers,
            {"id": _gid("Case", case_id)},
            compare=False,
        ),
    ]


def _gid(type_name: str, pk: int) -> str:
    import base64

    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()


def body_of(operation: Operation) -> str:
    payload: dict[str, Any] = {"query": operation.query}
    if operation.variables:
        payload["variables"] = operation.variables
    return json.dumps(payload)
