"""Matrix rows of the case loop's actions. Each cell gets a fresh case in the state its action
starts from: "own" is the resident's own report or the case dispatched to the responder's
department (the other actors have no person, so no case of their own), "same" a neighbour's
case in the north building, "other" one in the south building.

Who may act (permissions/policy.csv, domain/case_workflow.py, permissions/case_roles.py): the
north's workers, cadres and the API token (a grid worker of the north grid) at their place, a
department through its own active dispatch, the reporter in their own case, admins anywhere.
"""

from __future__ import annotations

import base64
import itertools
from typing import Any

from models.case_records import (
    CaseAttachment,
    CaseDispatch,
    CaseEvent,
    CaseExtension,
    Notification,
)
from models.cases import Case, CaseCategory, place_columns
from models.enums import CaseAction, CaseChannel, CaseClass, CaseState, DispatchState
from tests.support.matrix import (
    ADMIN,
    OTHER,
    OWN,
    SAME,
    TOKEN,
    Attempt,
    World,
    WriteRow,
    gid,
    only,
)

_serial = itertools.count(1)
RESIDENT, RESPONDER = "resident", "department_responder"
# A dispatch of a case in these states: pending until signed for, then signed.
PENDING_IN = (CaseState.DISPATCHED,)
SIGNED_IN = (CaseState.HANDLING, CaseState.RESOLVED, CaseState.VERIFIED, CaseState.REPLIED)
PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\x00" * 16).decode()

ANYWHERE = only(SAME, OTHER)  # admins: no case of their own
STAFF = {
    "grid_worker": only(SAME),
    TOKEN: only(SAME),
    "community_cadre": only(SAME),
    ADMIN: ANYWHERE,
}
CADRES = {"community_cadre": only(SAME), ADMIN: ANYWHERE}
DEPARTMENT = {RESPONDER: only(OWN)}
COMMENTERS = {RESIDENT: only(OWN), "micro_grid_worker": only(SAME), RESPONDER: only(OWN), **STAFF}


async def make_case(
    world: World, actor: str, relation: str, state: CaseState = CaseState.SUBMITTED
) -> Case | None:
    """A case in ``state`` for this cell (None: the actor has no case of its own)."""
    reporter_id = None
    department = world.department("dept_south")  # someone else's dispatch
    if relation == OWN:
        if actor == RESIDENT:
            reporter_id = world.person.id
        elif actor == RESPONDER:
            department = world.department("dept_north")
        else:
            return None
    place = world.grid("south_building" if relation == OTHER else "north_building")
    case = await Case.create(
        title=f"楼道堆物{next(_serial)}",
        description="楼道堆放杂物",
        channel=CaseChannel.STATION,
        state=state,
        case_class=None if state is CaseState.SUBMITTED else CaseClass.GENERAL,
        place_id=place.id,
        **place_columns(place.path),
        reporter_id=reporter_id,
        reporter_name="" if reporter_id else "邻居",
        submitted_month="2026-11",
    )
    await CaseEvent.create(
        case_id=case.id, action=CaseAction.SUBMIT, to_state=CaseState.SUBMITTED, role="resident"
    )
    if state in PENDING_IN or state in SIGNED_IN or (relation == OWN and actor == RESPONDER):
        signed = state in SIGNED_IN
        await CaseDispatch.create(
            case_id=case.id,
            department_id=department.id,
            is_lead=True,
            state=DispatchState.SIGNED if signed else DispatchState.PENDING,
        )
    return case


def snapshot(case: Case):  # type: ignore[no-untyped-def]
    async def take() -> tuple[Any, ...]:
        row = await Case.get(id=case.id)
        return (
            row.state,
            row.version,
            row.escalated_to_id,
            row.merged_into_id,
            await CaseEvent.filter(case_id=case.id).count(),
            await CaseDispatch.filter(case_id=case.id).order_by("id").values_list("state"),
            await CaseExtension.filter(case_id=case.id).order_by("id").values_list("state"),
            await CaseAttachment.filter(case_id=case.id).count(),
            await Notification.all().count(),
        )

    return take


def on_case(state: CaseState, **extra: Any):  # type: ignore[no-untyped-def]
    """A prepare: a fresh case in ``state`` and the action's other input fields."""

    async def prepare(world: World, actor: str, relation: str) -> Attempt | None:
        case = await make_case(world, actor, relation, state)
        if case is None:
            return None
        return Attempt({"input": {"caseId": gid("Case", case.id), **extra}}, snapshot(case))

    return prepare


async def _decide(world: World, actor: str, relation: str) -> Attempt | None:
    case = await make_case(world, actor, relation, CaseState.HANDLING)
    if case is None:
        return None
    asked = await CaseExtension.create(
        case_id=case.id, days=2, reason="等配件", requested_by_id=world.users[RESPONDER].id
    )
    variables = {
        "caseId": gid("Case", case.id),
        "extensionId": gid("CaseExtension", asked.id),
        "approve": False,
        "note": "先按期办",
    }
    return Attempt({"input": variables}, snapshot(case))


async def _accept(world: World, actor: str, relation: str) -> Attempt | None:
    attempt = await on_case(CaseState.SUBMITTED, caseClass="COORDINATION")(world, actor, relation)
    if attempt is not None:
        category = await CaseCategory.create(name=f"公共设施{next(_serial)}")
        attempt.variables["input"]["categoryId"] = gid("CaseCategory", category.id)
    return attempt


async def _dispatch(world: World, actor: str, relation: str) -> Attempt | None:
    attempt = await on_case(CaseState.ACCEPTED)(world, actor, relation)
    if attempt is not None:
        to = gid("Department", world.department("dept_south").id)
        attempt.variables["input"]["targets"] = [{"departmentId": to}]
    return attempt


async def _merge(world: World, actor: str, relation: str) -> Attempt | None:
    original = await make_case(world, actor, relation)
    duplicate = await make_case(world, actor, relation)
    if original is None or duplicate is None:
        return None
    variables = {"caseId": gid("Case", duplicate.id), "originalId": gid("Case", original.id)}
    return Attempt({"input": variables}, snapshot(duplicate))


async def _submit(world: World, actor: str, relation: str) -> Attempt | None:
    """A report at the actor's place (same) or its mirror (other): for oneself by whoever has
    a person (the resident), for a named neighbour by the others."""
    if relation == OWN:
        return None
    home = world.grid_home(actor)
    place = world.grid(world.mirror(home) if relation == OTHER else home)
    variables = {
        "title": "路灯坏了",
        "description": "路灯不亮",
        "channel": "ONLINE",
        "placeId": gid("Grid", place.id),
    }
    if actor != RESIDENT:
        variables["reporterName"] = "热心居民"

    async def count() -> int:
        return await Case.all().count()

    return Attempt({"input": variables}, count)


# A resident reports for themself from anywhere, workers and cadres where they hold their
# role; a department account holds no place.
SUBMITTERS = {
    RESIDENT: ANYWHERE,
    "micro_grid_worker": only(SAME),
    "grid_worker": only(SAME),
    TOKEN: only(SAME),
    "community_cadre": only(SAME),
    ADMIN: ANYWHERE,
}
FILES = [{"filename": "a.png", "contentType": "image/png", "contentBase64": PNG}]
S = CaseState

WRITES = [
    WriteRow("submitCase", "CaseSubmitted", _submit, SUBMITTERS),
    WriteRow("acceptCase", "CaseUpdated", _accept, STAFF),
    WriteRow("rejectCase", "CaseUpdated", on_case(S.SUBMITTED, reason="不属实"), STAFF),
    WriteRow("dispatchCase", "CaseUpdated", _dispatch, STAFF),
    WriteRow("signForCase", "CaseUpdated", on_case(S.DISPATCHED), DEPARTMENT),
    WriteRow("returnCase", "CaseUpdated", on_case(S.DISPATCHED, reason="非本单位"), DEPARTMENT),
    WriteRow(
        "requestExtension",
        "CaseUpdated",
        on_case(S.HANDLING, days=2, reason="等配件"),
        {**DEPARTMENT, ADMIN: ANYWHERE},
    ),
    WriteRow("decideExtension", "CaseUpdated", _decide, CADRES),
    WriteRow(
        "resolveCase",
        "CaseUpdated",
        on_case(S.HANDLING, result="已处理"),
        {**STAFF, **DEPARTMENT},
    ),
    WriteRow(
        "verifyCase",
        "CaseUpdated",
        on_case(S.RESOLVED, passed=True),
        {"micro_grid_worker": only(SAME), **STAFF},
    ),
    WriteRow("replyToReporter", "CaseUpdated", on_case(S.VERIFIED, text="已答复"), STAFF),
    # only the reporter rates: an admin may rate, but has no case of their own
    WriteRow("rateCase", "CaseUpdated", on_case(S.REPLIED, score=5), {RESIDENT: only(OWN)}),
    WriteRow("closeCase", "CaseUpdated", on_case(S.REPLIED, explanation="已解释"), CADRES),
    WriteRow("mergeCase", "CaseUpdated", _merge, CADRES),
    WriteRow("commentOnCase", "CaseUpdated", on_case(S.SUBMITTED, text="备注"), COMMENTERS),
    WriteRow("attachToCase", "CaseUpdated", on_case(S.SUBMITTED, files=FILES), COMMENTERS),
    WriteRow("escalateCase", "CaseUpdated", on_case(S.SUBMITTED, reason="协调不动"), CADRES),
]
