"""closeCase: a cadre closes a case with an explanation (做好解释工作)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.cases.closing import close_case
from models.enums import CaseAction
from schema.cases.inputs import CaseUpdated, act_on_case, version_field
from schema.context import Info
from schema.errors import Conflict, InvalidTransition, NotFound, PermissionDenied, ValidationFailed


@strawberry.input(description="Close a case, explaining what was and was not done.")
class CloseCaseInput:
    case_id: strawberry.ID = strawberry.field(description="The case.")
    explanation: str = strawberry.field(description="The explanation (required).")
    expected_version: int | None = version_field()


CloseCaseResult = Annotated[
    CaseUpdated | InvalidTransition | NotFound | PermissionDenied | ValidationFailed | Conflict,
    strawberry.union("CloseCaseResult", description="The result of closeCase."),
]


async def close_case_mutation(info: Info, input: CloseCaseInput) -> CloseCaseResult:
    return await act_on_case(
        info,
        input.case_id,
        CaseAction.CLOSE,
        lambda case, actor: close_case(
            case=case,
            actor=actor,
            explanation=input.explanation,
            expected_version=input.expected_version,
        ),
    )
