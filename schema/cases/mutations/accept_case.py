"""acceptCase (受理): the grid worker sets class, category and urgency; deadlines follow."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.cases.intake import accept_case
from models.enums import CaseAction, CaseClass, CaseUrgency
from schema.cases.access import category_by_id
from schema.cases.inputs import CaseUpdated, act_on_case, version_field
from schema.context import Info
from schema.errors import Conflict, InvalidTransition, NotFound, PermissionDenied, ValidationFailed


@strawberry.input(description="Accept a submitted case.")
class AcceptCaseInput:
    case_id: strawberry.ID = strawberry.field(description="The case.")
    case_class: CaseClass = strawberry.field(description="How it will be handled.")
    category_id: strawberry.ID | None = strawberry.field(
        default=None, description="Its category; required unless the reporter chose one."
    )
    urgency: CaseUrgency | None = strawberry.field(default=None, description="Change urgency.")
    expected_version: int | None = version_field()


AcceptCaseResult = Annotated[
    CaseUpdated | InvalidTransition | NotFound | PermissionDenied | ValidationFailed | Conflict,
    strawberry.union("AcceptCaseResult", description="The result of acceptCase."),
]


async def accept_case_mutation(info: Info, input: AcceptCaseInput) -> AcceptCaseResult:
    category = await category_by_id(input.category_id)
    return await act_on_case(
        info,
        input.case_id,
        CaseAction.ACCEPT,
        lambda case, actor: accept_case(
            case=case,
            actor=actor,
            case_class=input.case_class,
            category=category,
            urgency=input.urgency,
            expected_version=input.expected_version,
        ),
    )
