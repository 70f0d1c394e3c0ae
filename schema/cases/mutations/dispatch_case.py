"""dispatchCase (派件): to one department or cadre, or to several departments at once with one
lead (吹哨报到), each with its own report-in deadline."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.cases.dispatching import DispatchTarget, dispatch_case
from domain.errors import NotFoundError
from models.auth import User
from models.enums import CaseAction
from schema.cases.access import department_by_id
from schema.cases.inputs import CaseUpdated, act_on_case, version_field
from schema.context import Info
from schema.errors import Conflict, InvalidTransition, NotFound, PermissionDenied, ValidationFailed
from schema.relay import parse_pk


@strawberry.input(description="A department, or a cadre, to send the case to.")
class DispatchTargetInput:
    department_id: strawberry.ID | None = strawberry.field(
        default=None, description="The department."
    )
    assignee_id: strawberry.ID | None = strawberry.field(
        default=None, description="Or the cadre (a User)."
    )
    is_lead: bool = strawberry.field(
        default=False, description="Leads a joint summons (exactly one when several)."
    )


@strawberry.input(description="Send an accepted case to its handlers.")
class DispatchCaseInput:
    case_id: strawberry.ID = strawberry.field(description="The case.")
    targets: list[DispatchTargetInput] = strawberry.field(
        description="1 to 10 handlers; several make a 吹哨报到 with one lead."
    )
    note: str = strawberry.field(default="", description="Instructions to the handlers.")
    report_in_hours: int | None = strawberry.field(
        default=None, description="Hours each has to report in (default 24, emergencies 1)."
    )
    expected_version: int | None = version_field()


DispatchCaseResult = Annotated[
    CaseUpdated | InvalidTransition | NotFound | PermissionDenied | ValidationFailed | Conflict,
    strawberry.union("DispatchCaseResult", description="The result of dispatchCase."),
]


async def _target(i: int, t: DispatchTargetInput) -> DispatchTarget:
    department = None
    assignee = None
    if t.department_id is not None:
        department = await department_by_id(t.department_id, field=f"targets.{i}.departmentId")
    if t.assignee_id is not None:
        field = f"targets.{i}.assigneeId"
        pk = parse_pk(t.assignee_id, field=field, expected="User")
        if not await User.filter(id=pk, is_active=True).exists():
            raise NotFoundError("User", t.assignee_id, field=field)
        assignee = pk
    return DispatchTarget(department=department, assignee_id=assignee, is_lead=t.is_lead)


async def dispatch_case_mutation(info: Info, input: DispatchCaseInput) -> DispatchCaseResult:
    targets = [await _target(i, t) for i, t in enumerate(input.targets)]
    return await act_on_case(
        info,
        input.case_id,
        CaseAction.DISPATCH,
        lambda case, actor: dispatch_case(
            case=case,
            actor=actor,
            targets=targets,
            note=input.note,
            report_in_hours=input.report_in_hours,
            expected_version=input.expected_version,
        ),
    )
