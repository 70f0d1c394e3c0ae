"""attachToCase: add photos or documents to an open case."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.cases.extras import attach_to_case
from models.enums import CaseAction
from schema.cases.inputs import CaseUpdated, FileInput, act_on_case, decode_files, version_field
from schema.context import Info
from schema.errors import Conflict, InvalidTransition, NotFound, PermissionDenied, ValidationFailed


@strawberry.input(description="Files to attach to a case.")
class AttachToCaseInput:
    case_id: strawberry.ID = strawberry.field(description="The case.")
    files: list[FileInput] = strawberry.field(description="1 to 9 files.")
    expected_version: int | None = version_field()


AttachToCaseResult = Annotated[
    CaseUpdated | InvalidTransition | NotFound | PermissionDenied | ValidationFailed | Conflict,
    strawberry.union("AttachToCaseResult", description="The result of attachToCase."),
]


async def attach_to_case_mutation(info: Info, input: AttachToCaseInput) -> AttachToCaseResult:
    files = decode_files(input.files, field="files")
    return await act_on_case(
        info,
        input.case_id,
        CaseAction.ATTACH,
        lambda case, actor: attach_to_case(
            case=case,
            actor=actor,
            files=files,
            upload_dir=info.context.upload_dir,
            expected_version=input.expected_version,
        ),
    )
