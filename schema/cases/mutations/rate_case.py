"""rateCase (评价): the reporter rates 1–5; below 4 reopens the case (at most twice)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.cases.closing import rate_case
from models.enums import CaseAction
from schema.cases.inputs import CaseUpdated, act_on_case, version_field
from schema.context import Info
from schema.errors import Conflict, InvalidTransition, NotFound, PermissionDenied, ValidationFailed


@strawberry.input(description="The reporter's rating.")
class RateCaseInput:
    case_id: strawberry.ID = strawberry.field(description="The case.")
    score: int = strawberry.field(description="1 to 5; 4 and 5 count as satisfied.")
    comment: str = strawberry.field(default="", description="What the reporter says.")
    expected_version: int | None = version_field()


RateCaseResult = Annotated[
    CaseUpdated | InvalidTransition | NotFound | PermissionDenied | ValidationFailed | Conflict,
    strawberry.union("RateCaseResult", description="The result of rateCase."),
]


async def rate_case_mutation(info: Info, input: RateCaseInput) -> RateCaseResult:
    return await act_on_case(
        info,
        input.case_id,
        CaseAction.RATE_SATISFIED,
        lambda case, actor: rate_case(
            case=case,
            actor=actor,
            score=input.score,
            comment=input.comment,
            expected_version=input.expected_version,
        ),
    )
