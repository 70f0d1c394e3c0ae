"""The case permission matrix: ONE table of every role × every case query and mutation ×
{own, same place, other place} × {list, node(id:), nested edge}.

A denied read returns no data; a denied write answers NotFound or PermissionDenied and
changes nothing (the case, its events, dispatches, extensions, files, notifications).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any

import pytest

from models.case_records import (
    CaseAttachment,
    CaseDispatch,
    CaseEvent,
    CaseExtension,
    Notification,
)
from models.cases import Case
from models.enums import CaseAction, CaseChannel, CaseState, NotificationKind
from models.grid import GridNode
from tests.support.cases import World, build_world, gid
from tests.support.graphql import GraphQLClient

ROLES = (
    "resident",
    "micro",  # micro_grid_worker
    "worker",  # grid_worker
    "cadre",  # community_cadre
    "property",  # department_responder
    "admin",
    "anonymous",
)
SCOPES = ("own", "same", "other")
MODES = ("list", "node", "nested")

# Which targets each role may see: a resident only their own case, the north staff their
# subtree, a department the case dispatched to it, an admin all, anonymous none.
VISIBLE: dict[str, set[str]] = {
    "resident": {"own"},
    "micro": {"own", "same"},
    "worker": {"own", "same"},
    "cadre": {"own", "same"},
    "property": {"own"},
    "admin": {"own", "same", "other"},
    "anonymous": set(),
}

STAFF = {"worker", "cadre", "admin"}
# Roles that may take each action on a case they can see (before its state is considered).
MUTATIONS: dict[str, set[str]] = {
    "acceptCase": STAFF,
    "rejectCase": STAFF,
    "dispatchCase": STAFF,
    "signForCase": {"property"},  # through their own dispatch: an admin names one
    "returnCase": {"property"},
    "requestExtension": {"property", "admin"},
    "decideExtension": {"cadre", "admin"},
    "resolveCase": {"worker", "cadre", "property", "admin"},
    "verifyCase": {"micro", "worker", "cadre", "admin"},
    "replyToReporter": STAFF,
    "rateCase": {"resident"},  # and only on their own case: the reporter rates
    "closeCase": {"cadre", "admin"},
    "mergeCase": {"cadre", "admin"},
    "commentOnCase": {"resident", "micro", "worker", "cadre", "property", "admin"},
    "attachToCase": {"resident", "micro", "worker", "cadre", "property", "admin"},
    "escalateCase": {"cadre", "admin"},
}
# submitCase names a place, not a case: anyone with a person reports for themself anywhere
# (an admin, who has none, then has to name the reporter); a department account has no
# person and holds no place.
SUBMITTERS = {"resident", "micro", "worker", "cadre", "admin"}
# caseFigures needs statistics at the place: the north cadre in the north, the admin anywhere.
FIGURES: dict[str, set[str]] = {"cadre": {"own", "same"}, "admin": {"own", "same", "other"}}

PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\x00" * 16).decode()


@dataclass
class Targets:
    cases: dict[str, Case]
    extensions: dict[str, CaseExtension]


async def _case(world: World, place: GridNode, reporter: str | None, dispatched: bool) -> Case:
    case = await Case.create(
        title="楼道堆物",
        description="楼道堆放杂物",
        channel=CaseChannel.STATION,
        state=CaseState.DISPATCHED if dispatched else CaseState.SUBMITTED,
        place_id=place.id,
        place_path=place.path,
        reporter_id=world.persons.get(reporter) if reporter else None,
        reporter_name="" if reporter else "匿名",
        submitted_month="2026-11",
    )
    await CaseEvent.create(
        case_id=case.id, action=CaseAction.SUBMIT, to_state=case.state, role="resident"
    )
    if dispatched:
        await CaseDispatch.create(
            case_id=case.id, department_id=world.departments["property"].id, is_lead=True
        )
    return case


async def _targets(world: World, role: str) -> Targets:
    north, south = world.tree["north_building"], world.tree["south_building"]
    reporter = role if role in world.persons else None
    cases = {
        "own": await _case(world, north, reporter, dispatched=role == "property"),
        "same": await _case(world, north, "resident" if role != "resident" else None, False),
        "other": await _case(world, south, "south_resident", False),
    }
    extensions = {
        scope: await CaseExtension.create(case_id=c.id, days=2, reason="等配件")
        for scope, c in cases.items()
    }
    return Targets(cases, extensions)


def _input(world: World, mutation: str, case: Case, extension: CaseExtension) -> dict[str, Any]:
    case_id = gid("Case", case.id)
    extra: dict[str, dict[str, Any]] = {
        "acceptCase": {"caseClass": "GENERAL", "categoryId": _category(world)},
        "rejectCase": {"reason": "不属实"},
        "dispatchCase": {"targets": [{"departmentId": world.dept("heating")}]},
        "signForCase": {},
        "returnCase": {"reason": "非本单位"},
        "requestExtension": {"days": 2, "reason": "等配件"},
        "decideExtension": {"extensionId": gid("CaseExtension", extension.id), "approve": True},
        "resolveCase": {"result": "已处理"},
        "verifyCase": {"passed": True},
        "replyToReporter": {"text": "已答复"},
        "rateCase": {"score": 5},
        "closeCase": {"explanation": "已解释"},
        "mergeCase": {"originalId": case_id},
        "commentOnCase": {"text": "备注"},
        "attachToCase": {
            "files": [{"filename": "a.png", "contentType": "image/png", "contentBase64": PNG}]
        },
        "escalateCase": {"reason": "协调不动"},
    }
    return {"caseId": case_id, **extra[mutation]}


def _category(world: World) -> str:
    return gid("CaseCategory", world.categories["facilities"].id)


async def _snapshot(case: Case) -> tuple[Any, ...]:
    row = await Case.get(id=case.id)
    return (
        row.state,
        row.version,
        await CaseEvent.filter(case_id=case.id).count(),
        await CaseDispatch.filter(case_id=case.id).values_list("state", flat=True),
        await CaseExtension.filter(case_id=case.id).values_list("state", flat=True),
        await CaseAttachment.filter(case_id=case.id).count(),
        await Notification.all().count(),
    )


def _mutation_doc(name: str) -> str:
    type_name = name[0].upper() + name[1:]
    return (
        f"mutation($input: {type_name}Input!) {{ {name}(input: $input) {{ __typename "
        "... on Error { code } } }"
    )


async def _read(client: GraphQLClient, mode: str, case: Case) -> bool:
    """Whether ``mode`` shows the case (and, for nodes, its first event) to the client."""
    case_id = gid("Case", case.id)
    if mode == "list":
        body = await client.data("{ cases(first: 100) { nodes { id title } } }")
        return case_id in [n["id"] for n in body["cases"]["nodes"]]
    if mode == "node":
        event = await CaseEvent.filter(case_id=case.id).first()
        assert event is not None
        body = await client.data(
            "query($c: ID!, $e: ID!) { c: node(id: $c) { id ... on Case { title } } "
            "e: node(id: $e) { id ... on CaseEvent { action } } }",
            {"c": case_id, "e": gid("CaseEvent", event.id)},
        )
        assert (body["c"] is None) == (body["e"] is None), body
        return body["c"] is not None
    body = await client.data("{ myNotifications { nodes { case { id title } } } }")
    shown = [n["case"]["id"] for n in body["myNotifications"]["nodes"] if n["case"]]
    return case_id in shown


@pytest.mark.parametrize("scope", SCOPES)
@pytest.mark.parametrize("role", ROLES)
async def test_case_permission_matrix(gql: GraphQLClient, role: str, scope: str) -> None:
    world = await build_world(gql)
    client = world.as_(role if role != "anonymous" else "nobody")
    user_id = world.users.get(role)
    wrong: list[str] = []

    # reads: list, node(id:), nested edge (a notification's case)
    targets = await _targets(world, role)
    case = targets.cases[scope]
    if user_id is not None:
        await Notification.create(
            recipient_id=user_id, kind=NotificationKind.DISPATCHED, case_id=case.id, message="x"
        )
    for mode in MODES:
        shown = await _read(client, mode, case)
        if shown != (scope in VISIBLE[role]):
            wrong.append(f"read {mode}: shown={shown}")

    # writes on a case: fresh targets for each, so one action cannot hide another
    for mutation, roles in MUTATIONS.items():
        targets = await _targets(world, role)
        case = targets.cases[scope]
        before = await _snapshot(case)
        body = await client.data(
            _mutation_doc(mutation),
            {"input": _input(world, mutation, case, targets.extensions[scope])},
        )
        typename = body[mutation]["__typename"]
        permitted = scope in VISIBLE[role] and role in roles
        if mutation == "rateCase":
            permitted = permitted and scope == "own"
        denied = typename in ("NotFound", "PermissionDenied")
        if denied == permitted:
            wrong.append(f"{mutation}: {typename}")
        if denied and await _snapshot(case) != before:
            wrong.append(f"{mutation}: denied but changed")

    # submitCase at the target's place
    place = world.tree["south_building" if scope == "other" else "north_building"]
    body = await client.data(
        _mutation_doc("submitCase"),
        {
            "input": {
                "title": "路灯坏了",
                "description": "路灯不亮",
                "channel": "ONLINE",
                "placeId": gid("Grid", place.id),
            }
        },
    )
    submitted = body["submitCase"]["__typename"] not in ("NotFound", "PermissionDenied")
    if submitted != (role in SUBMITTERS):
        wrong.append(f"submitCase: {body['submitCase']}")

    # caseFigures at the target's grid
    grid = world.tree["south_grid" if scope == "other" else "north_grid"]
    figures = await client(
        "query($p: ID!) { caseFigures(placeId: $p) { received } }", {"p": gid("Grid", grid.id)}
    )
    allowed = scope in FIGURES.get(role, set())
    if allowed != (figures.get("data") is not None and "errors" not in figures):
        wrong.append(f"caseFigures: {figures}")
    if not allowed and figures.get("data") is not None:
        wrong.append("caseFigures: denied but returned data")

    assert wrong == []
