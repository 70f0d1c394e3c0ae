"""signForCase (签收): a summoned department reports in; its handling clock starts."""

from __future__ import annotations

from typing import Annotated

import strawberry

from api.context import Info
from domain.cases.dispatching import sign_for_case
from domain.errors import PermissionDeniedError
from models.case_records import CaseDispatch
from models.cases import Case
from models.enums import CaseAction
from schema.cases.access import dispatch_of, my_dispatch
from schema.cases.inputs import CaseUpdated, act_on_case, version_field
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
    chosen: list[CaseDispatch] = []

    async def pick(case: Case) -> CaseDispatch | None:
        found = (
            await dispatch_of(case, input.dispatch_id)
            if input.dispatch_id is not None
            else await my_dispatch(info.context.viewer, case)
        )
        if found is None:
            raise PermissionDeniedError("Nothing of this case was dispatched to you")
        chosen.append(found)
        return found

    return await act_on_case(
        info,
        input.case_id,
        CaseAction.SIGN,
        lambda case, actor: sign_for_case(
            case=case,
            actor=actor,
            dispatch=chosen[0],
            expected_version=input.expected_version,
        ),
        dispatch=pick,
    )
