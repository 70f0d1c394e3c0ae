"""escalateCase: blow the whistle by hand, reporting the case one level up the tree."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.cases.extras import escalate_case
from models.enums import CaseAction
from schema.cases.inputs import CaseUpdated, act_on_case, version_field
from schema.context import Info
from schema.errors import Conflict, InvalidTransition, NotFound, PermissionDenied, ValidationFailed


@strawberry.input(description="Report a case one level up.")
class EscalateCaseInput:
    case_id: strawberry.ID = strawberry.field(description="The case.")
    reason: str = strawberry.field(description="Why (required).")
    expected_version: int | None = version_field()


EscalateCaseResult = Annotated[
    CaseUpdated | InvalidTransition | NotFound | PermissionDenied | ValidationFailed | Conflict,
    strawberry.union("EscalateCaseResult", description="The result of escalateCase."),
]


async def escalate_case_mutation(info: Info, input: EscalateCaseInput) -> EscalateCaseResult:
    return await act_on_case(
        info,
        input.case_id,
        CaseAction.ESCALATE,
        lambda case, actor: escalate_case(
            case=case,
            actor=actor,
            reason=input.reason,
            expected_version=input.expected_version,
        ),
    )
