"""signForCase (签收): a summoned department reports in; its handling clock starts."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.cases.dispatching import sign_for_case
from models.enums import CaseAction
from schema.cases.inputs import CaseUpdated, act_on_dispatch, version_field
from schema.context import Info
from schema.errors import Conflict, InvalidTransition, NotFound, PermissionDenied, ValidationFailed


@strawberry.input(description="Sign for a dispatched case.")
class SignForCaseInput:
    case_id: strawberry.ID = strawberry.field(description="The case.")
    dispatch_id: strawberry.ID | None = strawberry.field(
        default=None, description="Which dispatch; by default your department's."
    )
    expected_version: int | None = version_field()


SignForCaseResult = Annotated[
    CaseUpdated | InvalidTransition | NotFound | PermissionDenied | ValidationFailed | Conflict,
    strawberry.union("SignForCaseResult", description="The result of signForCase."),
]


async def sign_for_case_mutation(info: Info, input: SignForCaseInput) -> SignForCaseResult:
    return await act_on_dispatch(
        info,
        input.case_id,
        input.dispatch_id,
        CaseAction.SIGN,
        lambda case, actor, dispatch: sign_for_case(
            case=case,
            actor=actor,
            dispatch=dispatch,
            expected_version=input.expected_version,
        ),
    )
