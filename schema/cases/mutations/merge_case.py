"""mergeCase: mark a case as a duplicate of another; both are linked and the duplicate's
reporter follows the original."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.cases.extras import merge_case
from models.enums import CaseAction
from schema.cases.access import visible_case
from schema.cases.inputs import CaseUpdated, act_on_case, version_field
from schema.context import Info
from schema.errors import Conflict, InvalidTransition, NotFound, PermissionDenied, ValidationFailed


@strawberry.input(description="Merge a duplicate into its original.")
class MergeCaseInput:
    case_id: strawberry.ID = strawberry.field(description="The duplicate.")
    original_id: strawberry.ID = strawberry.field(description="The case it duplicates.")
    reason: str = strawberry.field(default="", description="Why they are the same.")
    expected_version: int | None = version_field()


MergeCaseResult = Annotated[
    CaseUpdated | InvalidTransition | NotFound | PermissionDenied | ValidationFailed | Conflict,
    strawberry.union("MergeCaseResult", description="The result of mergeCase."),
]


async def merge_case_mutation(info: Info, input: MergeCaseInput) -> MergeCaseResult:
    original = await visible_case(info, input.original_id, field="originalId")
    return await act_on_case(
        info,
        input.case_id,
        CaseAction.MERGE,
        lambda case, actor: merge_case(
            duplicate=case,
            original=original,
            actor=actor,
            reason=input.reason,
            expected_version=input.expected_version,
        ),
    )
