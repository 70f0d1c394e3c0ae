"""returnCase (退单): a department returns a wrongly routed case, with a reason; counted."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.cases.dispatching import return_case
from models.enums import CaseAction
from schema.cases.inputs import CaseUpdated, act_on_dispatch, version_field
from schema.context import Info
from schema.errors import Conflict, InvalidTransition, NotFound, PermissionDenied, ValidationFailed


@strawberry.input(description="Return a case routed to you wrongly.")
class ReturnCaseInput:
    case_id: strawberry.ID = strawberry.field(description="The case.")
    dispatch_id: strawberry.ID | None = strawberry.field(
        default=None, description="Which dispatch; by default your department's."
    )
    reason: str = strawberry.field(description="Why it is not yours (required).")
    expected_version: int | None = version_field()


ReturnCaseResult = Annotated[
    CaseUpdated | InvalidTransition | NotFound | PermissionDenied | ValidationFailed | Conflict,
    strawberry.union("ReturnCaseResult", description="The result of returnCase."),
]


async def return_case_mutation(info: Info, input: ReturnCaseInput) -> ReturnCaseResult:
    return await act_on_dispatch(
        info,
        input.case_id,
        input.dispatch_id,
        CaseAction.RETURN_CASE,
        lambda case, actor, dispatch: return_case(
            case=case,
            actor=actor,
            dispatch=dispatch,
            reason=input.reason,
            expected_version=input.expected_version,
        ),
    )
