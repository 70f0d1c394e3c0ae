"""requestExtension (延期): ask a cadre for more working days."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.cases.handling import request_extension
from models.enums import CaseAction
from schema.cases.inputs import CaseUpdated, act_on_case, version_field
from schema.context import Info
from schema.errors import Conflict, InvalidTransition, NotFound, PermissionDenied, ValidationFailed


@strawberry.input(description="Ask for more time.")
class RequestExtensionInput:
    case_id: strawberry.ID = strawberry.field(description="The case.")
    days: int = strawberry.field(description="Working days asked for, 1 to 30.")
    reason: str = strawberry.field(description="Why (required).")
    expected_version: int | None = version_field()


RequestExtensionResult = Annotated[
    CaseUpdated | InvalidTransition | NotFound | PermissionDenied | ValidationFailed | Conflict,
    strawberry.union("RequestExtensionResult", description="The result of requestExtension."),
]


async def request_extension_mutation(
    info: Info, input: RequestExtensionInput
) -> RequestExtensionResult:
    return await act_on_case(
        info,
        input.case_id,
        CaseAction.REQUEST_EXTENSION,
        lambda case, actor: request_extension(
            case=case,
            actor=actor,
            days=input.days,
            reason=input.reason,
            expected_version=input.expected_version,
        ),
    )
