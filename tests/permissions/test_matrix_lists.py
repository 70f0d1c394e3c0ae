"""The permission matrix of the lists, patrols, visits, meetings and volunteering: ONE table of
role × query or mutation × {own, same place, other place}; reads are checked three ways (the
list, ``node(id:)``, and a nested edge). Denied reads show nothing; denied writes change nothing.

Each cell is ``Y`` (allowed) or ``N``, in the order own, same place, other place. The viewer
lives in the north building; workers hold their role in the north grid, the cadre in the north
community, the responder in a department, the admin everywhere."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from models.lists import Need
from models.meetings import Meeting
from models.patrols import Patrol, Visit
from models.volunteering import ActivitySignUp
from permissions.enums import Role
from tests.permissions.world import SCOPES, World, build_world, gid
from tests.support.graphql import GraphQLClient

ROLES: tuple[Role | None, ...] = (
    Role.RESIDENT,
    Role.MICRO_GRID_WORKER,
    Role.GRID_WORKER,
    Role.COMMUNITY_CADRE,
    Role.DEPARTMENT_RESPONDER,
    Role.ADMIN,
    None,  # anonymous
)
R, M, G, C, D, A, X = ROLES

# operation: {role: own/same/other}
MATRIX: dict[str, dict[Role | None, str]] = {
    # reads: list, node(id:) and nested edge must all agree
    "read need": {R: "YNN", M: "YYN", G: "YYN", C: "YYN", D: "YNN", A: "YYY", X: "NNN"},
    "read patrol": {R: "YNN", M: "YYN", G: "YYN", C: "YYN", D: "YNN", A: "YYY", X: "NNN"},
    "read visit": {R: "YNN", M: "YYN", G: "YYN", C: "YYN", D: "YNN", A: "YYY", X: "NNN"},
    "read meeting": {R: "YNN", M: "YNN", G: "YYN", C: "YYN", D: "YNN", A: "YYY", X: "NNN"},
    "read sign-up": {R: "YNN", M: "YNN", G: "YYN", C: "YYN", D: "YNN", A: "YYY", X: "NNN"},
    # writes
    "publishNeed": {R: "NNN", M: "NNN", G: "YYN", C: "YYN", D: "NNN", A: "YYY", X: "NNN"},
    "claimNeed": {R: "NYY", M: "NYY", G: "NYY", C: "NYY", D: "NNN", A: "NYY", X: "NNN"},
    "confirmNeed": {R: "YNN", M: "NNN", G: "NNN", C: "NNN", D: "NNN", A: "YNN", X: "NNN"},
    "startPatrol": {R: "NNN", M: "YYN", G: "YYN", C: "YYN", D: "NNN", A: "YYY", X: "NNN"},
    "recordVisit": {R: "NNN", M: "YYN", G: "YYN", C: "YYN", D: "NNN", A: "YYY", X: "NNN"},
    "createMeeting": {R: "NNN", M: "NNN", G: "YYN", C: "YYN", D: "NNN", A: "YYY", X: "NNN"},
    "verifyHours": {R: "NNN", M: "NNN", G: "YNN", C: "YNN", D: "NNN", A: "YYY", X: "NNN"},
    "signUp": {R: "YYY", M: "NNN", G: "NNN", C: "NNN", D: "NNN", A: "YYY", X: "NNN"},
    "fulfilNeed": {R: "YNN", M: "YNN", G: "YYN", C: "YYN", D: "YNN", A: "YYY", X: "NNN"},
    # reports of a place: own = the viewer's building, same = their grid, other = another grid
    "visitCoverage": {R: "NNN", M: "YYN", G: "YYN", C: "YYN", D: "NNN", A: "YYY", X: "NNN"},
    "gridsWithoutPatrol": {R: "NNN", M: "YYN", G: "YYN", C: "YYN", D: "NNN", A: "YYY", X: "NNN"},
    "listFigures": {R: "NNN", M: "NNN", G: "NNN", C: "YYN", D: "NNN", A: "YYY", X: "NNN"},
    "volunteerHours": {R: "NNN", M: "NNN", G: "YYN", C: "YYN", D: "NNN", A: "YYY", X: "NNN"},
}

REPORTS = {
    "visitCoverage": "query($p: ID!) { visitCoverage(placeId: $p) { due } }",
    "gridsWithoutPatrol": "query($p: ID!) { gridsWithoutPatrol(placeId: $p, days: 7) { totalCount } }",
    "listFigures": "query($p: ID!) { listFigures(placeId: $p) { needsPosted } }",
    "volunteerHours": "query($p: ID!) { volunteerHours(placeId: $p) { hours } }",
}


# How each read is seen: the list's field and the object, its node type, a child's node type.
READS: dict[str, tuple[str, str, str, str, str]] = {
    "read need": ("needs", "need", "Need", "NeedEvent", "need_event"),
    "read patrol": ("patrols", "patrol", "Patrol", "PatrolFinding", "finding"),
    "read visit": ("visits", "visit", "Visit", "Visit", "visit"),
    "read meeting": ("meetings", "meeting", "Meeting", "Decision", "decision"),
    "read sign-up": ("signUps", "sign_up", "ActivitySignUp", "Activity", "activity"),
}


async def _nested_ids(client: GraphQLClient, op: str, world: World, scope: str) -> set[str]:
    """The object reached through a nested edge of its parent (or of itself)."""
    if op == "read need":
        query = "query($id: ID!) { node(id: $id) { ... on Need { events { nodes { id } } } } }"
        body = await client.data(query, {"id": gid("Need", world.ids["need", scope])})
        node = body["node"]
        return {e["id"] for e in node["events"]["nodes"]} if node else set()
    if op == "read patrol":
        query = "query($id: ID!) { node(id: $id) { ... on PatrolFinding { patrol { id } } } }"
        body = await client.data(query, {"id": gid("PatrolFinding", world.ids["finding", scope])})
        return {body["node"]["patrol"]["id"]} if body["node"] and body["node"]["patrol"] else set()
    if op == "read visit":
        query = "query($p: ID!) { visits(placeId: $p) { nodes { id } } }"
        body = await client.data(query, {"p": gid("Grid", world.building(scope).id)})
        return {n["id"] for n in body["visits"]["nodes"]}
    if op == "read meeting":
        query = "query($id: ID!) { node(id: $id) { ... on Decision { id } } }"
        body = await client.data(query, {"id": gid("Decision", world.ids["decision", scope])})
        return {gid("Meeting", world.ids["meeting", scope])} if body["node"] else set()
    query = "query($id: ID!) { node(id: $id) { ... on Activity { signUps { nodes { id } } } } }"
    body = await client.data(query, {"id": gid("Activity", world.ids["activity", scope])})
    return {n["id"] for n in body["node"]["signUps"]["nodes"]} if body["node"] else set()


async def _check_read(client: GraphQLClient, op: str, world: World, scope: str) -> bool:
    field, key, type_name, _, _ = READS[op]
    wanted = gid(type_name, world.ids[key, scope])
    listed = await client.data(f"{{ {field}(first: 100) {{ nodes {{ id }} }} }}")
    in_list = wanted in {n["id"] for n in listed[field]["nodes"]}
    node = await client.data("query($id: ID!) { node(id: $id) { id } }", {"id": wanted})
    by_node = node["node"] is not None
    nested = await _nested_ids(client, op, world, scope)
    if op == "read need":
        first_event = await client.data(
            "query($id: ID!) { node(id: $id) { ... on Need { events(first: 1) { nodes { id } } } } }",
            {"id": wanted},
        )
        in_nested = bool(nested) and first_event["node"] is not None
    else:
        in_nested = wanted in nested
    assert in_list == by_node == in_nested, (scope, in_list, by_node, in_nested)
    return in_list


Write = tuple[str, dict[str, Any], Callable[[], Awaitable[Any]]]


def _write(op: str, world: World, scope: str) -> Write:
    ids = world.ids

    def need_state(key: str) -> Callable[[], Awaitable[Any]]:
        async def read() -> Any:
            row = await Need.get(id=ids[key, scope])
            return (row.state, row.version)

        return read

    if op == "publishNeed":
        return (
            "mutation($id: ID!) { publishNeed(input: {id: $id}) { __typename } }",
            {"id": gid("Need", ids["need_posted", scope])},
            need_state("need_posted"),
        )
    if op == "claimNeed":
        return (
            "mutation($id: ID!) { claimNeed(input: {id: $id, claimantKind: PARTY_MEMBER}) "
            "{ __typename } }",
            {"id": gid("PublicNeed", ids["need_claimable", scope])},
            need_state("need_claimable"),
        )
    if op == "confirmNeed":
        return (
            "mutation($id: ID!) { confirmNeed(input: {id: $id}) { __typename } }",
            {"id": gid("PublicNeed", ids["need_fulfilled", scope])},
            need_state("need_fulfilled"),
        )
    if op == "startPatrol":
        return (
            "mutation($id: ID!) { startPatrol(input: {gridId: $id}) { __typename } }",
            {"id": gid("Grid", world.grid(scope).id)},
            Patrol.all().count,
        )
    if op == "recordVisit":
        return (
            "mutation($id: ID!) { recordVisit(input: {personId: $id}) { __typename } }",
            {"id": gid("Person", ids["visit_target", scope])},
            Visit.all().count,
        )
    if op == "createMeeting":
        return (
            'mutation($id: ID!) { createMeeting(input: {title: "议事", level: PARK, kind: URGENT,'
            ' placeId: $id, heldAt: "2026-11-20T09:00:00Z"}) { __typename } }',
            {"id": gid("Grid", world.grid(scope).id)},
            Meeting.all().count,
        )
    if op == "fulfilNeed":
        return (
            'mutation($id: ID!) { fulfilNeed(input: {id: $id, evidence: "送到"}) { __typename } }',
            {"id": gid("Need", ids["need_claimed", scope])},
            need_state("need_claimed"),
        )
    if op == "verifyHours":

        async def sign_up_state() -> Any:
            return (await ActivitySignUp.get(id=ids["sign_up_checked_out", scope])).state

        return (
            "mutation($id: ID!) { verifyHours(input: {signUpId: $id}) { __typename } }",
            {"id": gid("ActivitySignUp", ids["sign_up_checked_out", scope])},
            sign_up_state,
        )
    assert op == "signUp"
    return (
        "mutation($id: ID!) { signUp(input: {activityId: $id}) { __typename } }",
        {"id": gid("Activity", ids["activity_to_join", scope])},
        ActivitySignUp.all().count,
    )


async def _check_write(client: GraphQLClient, op: str, world: World, scope: str) -> bool:
    query, variables, snapshot = _write(op, world, scope)
    await Patrol.filter(ended_at__isnull=True).update(ended_at=world.tree["street"].created_at)
    before = await snapshot()
    body = await client(query, variables)
    result = (body.get("data") or {}).get(op)
    done = result is not None and result["__typename"] not in (
        "PermissionDenied",
        "NotFound",
        "ValidationFailed",
        "Conflict",
        "InvalidTransition",
    )
    after = await snapshot()
    assert (before != after) == done, (scope, result, before, after)
    return done


async def _check_report(client: GraphQLClient, op: str, world: World, scope: str) -> bool:
    body = await client(REPORTS[op], {"p": gid("Grid", world.report_place(scope).id)})
    shown = bool(body.get("data")) and body["data"].get(op) is not None
    assert shown != bool(body.get("errors")), body
    if not shown:
        assert body["errors"][0]["extensions"]["code"] == "permission_denied"
    return shown


@pytest.mark.parametrize(
    "role", [pytest.param(role, id=role.value if role else "anonymous") for role in ROLES]
)
async def test_matrix(gql: GraphQLClient, role: Role | None) -> None:
    """One world per role (every operation acts on objects of its own), the whole row at once:
    a failure shows every cell that differs."""
    world = await build_world(role)
    client = gql.as_(world.token)
    seen = {}
    for op in MATRIX:
        check = (
            _check_read
            if op.startswith("read ")
            else _check_report
            if op in REPORTS
            else _check_write
        )
        cells = [await check(client, op, world, scope) for scope in SCOPES]
        seen[op] = "".join("Y" if cell else "N" for cell in cells)
    assert seen == {op: row[role] for op, row in MATRIX.items()}
