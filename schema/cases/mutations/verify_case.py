"""verifyCase (核查): check the result on site; a failed check sends it back to handling."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.cases.handling import verify_case
from models.enums import CaseAction
from schema.cases.inputs import CaseUpdated, act_on_case, version_field
from schema.context import Info
from schema.errors import Conflict, InvalidTransition, NotFound, PermissionDenied, ValidationFailed


@strawberry.input(description="The result of an on-site check.")
class VerifyCaseInput:
    case_id: strawberry.ID = strawberry.field(description="The case.")
    passed: bool = strawberry.field(description="The result holds.")
    note: str = strawberry.field(default="", description="What was found (required if not passed).")
    expected_version: int | None = version_field()


VerifyCaseResult = Annotated[
    CaseUpdated | InvalidTransition | NotFound | PermissionDenied | ValidationFailed | Conflict,
    strawberry.union("VerifyCaseResult", description="The result of verifyCase."),
]


async def verify_case_mutation(info: Info, input: VerifyCaseInput) -> VerifyCaseResult:
    return await act_on_case(
        info,
        input.case_id,
        CaseAction.VERIFY_PASS,
        lambda case, actor: verify_case(
            case=case,
            actor=actor,
            passed=input.passed,
            note=input.note,
            expected_version=input.expected_version,
        ),
    )
