"""resolveCase (办结): report the result with evidence; general cases on site, the others by
the handler they were dispatched to."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.cases.handling import resolve_case
from models.enums import CaseAction
from schema.cases.inputs import CaseUpdated, FileInput, act_on_case, decode_files, version_field
from schema.context import Info
from schema.errors import Conflict, InvalidTransition, NotFound, PermissionDenied, ValidationFailed


@strawberry.input(description="The result of handling a case.")
class ResolveCaseInput:
    case_id: strawberry.ID = strawberry.field(description="The case.")
    result: str = strawberry.field(description="What was done (required).")
    evidence: list[FileInput] | None = strawberry.field(
        default=None, description="Photos or documents of the result (at most 9)."
    )
    expected_version: int | None = version_field()


ResolveCaseResult = Annotated[
    CaseUpdated | InvalidTransition | NotFound | PermissionDenied | ValidationFailed | Conflict,
    strawberry.union("ResolveCaseResult", description="The result of resolveCase."),
]


async def resolve_case_mutation(info: Info, input: ResolveCaseInput) -> ResolveCaseResult:
    files = decode_files(input.evidence, field="evidence")
    return await act_on_case(
        info,
        input.case_id,
        CaseAction.RESOLVE,
        lambda case, actor: resolve_case(
            case=case,
            actor=actor,
            result=input.result,
            upload_dir=info.context.upload_dir,
            evidence=files,
            expected_version=input.expected_version,
        ),
    )
