"""commentOnCase: add a note to a case's history."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.cases.extras import comment_on_case
from models.enums import CaseAction
from schema.cases.inputs import CaseUpdated, act_on_case, version_field
from schema.context import Info
from schema.errors import Conflict, InvalidTransition, NotFound, PermissionDenied, ValidationFailed


@strawberry.input(description="A note on a case.")
class CommentOnCaseInput:
    case_id: strawberry.ID = strawberry.field(description="The case.")
    text: str = strawberry.field(description="The note (required).")
    expected_version: int | None = version_field()


CommentOnCaseResult = Annotated[
    CaseUpdated | InvalidTransition | NotFound | PermissionDenied | ValidationFailed | Conflict,
    strawberry.union("CommentOnCaseResult", description="The result of commentOnCase."),
]


async def comment_on_case_mutation(info: Info, input: CommentOnCaseInput) -> CommentOnCaseResult:
    return await act_on_case(
        info,
        input.case_id,
        CaseAction.COMMENT,
        lambda case, actor: comment_on_case(
            case=case,
            actor=actor,
            text=input.text,
            expected_version=input.expected_version,
        ),
    )
