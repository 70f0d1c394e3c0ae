"""rejectCase (不予受理): refuse a submitted case, with a reason."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.cases.intake import reject_case
from models.enums import CaseAction
from schema.cases.inputs import CaseUpdated, act_on_case, version_field
from schema.context import Info
from schema.errors import Conflict, InvalidTransition, NotFound, PermissionDenied, ValidationFailed


@strawberry.input(description="Refuse a submitted case.")
class RejectCaseInput:
    case_id: strawberry.ID = strawberry.field(description="The case.")
    reason: str = strawberry.field(description="Why it is not accepted (required).")
    expected_version: int | None = version_field()


RejectCaseResult = Annotated[
    CaseUpdated | InvalidTransition | NotFound | PermissionDenied | ValidationFailed | Conflict,
    strawberry.union("RejectCaseResult", description="The result of rejectCase."),
]


async def reject_case_mutation(info: Info, input: RejectCaseInput) -> RejectCaseResult:
    return await act_on_case(
        info,
        input.case_id,
        CaseAction.REJECT,
        lambda case, actor: reject_case(
            case=case,
            actor=actor,
            reason=input.reason,
            expected_version=input.expected_version,
        ),
    )
