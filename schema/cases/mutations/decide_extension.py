"""decideExtension (延期审批): a cadre approves or refuses a request for more time."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.cases.handling import decide_extension
from models.case_records import CaseExtension
from models.cases import Case
from models.enums import CaseAction
from schema.cases.access import extension_of, visible_case
from schema.cases.inputs import CaseUpdated, act_on_case, version_field
from schema.context import Info
from schema.errors import Conflict, InvalidTransition, NotFound, PermissionDenied, ValidationFailed


@strawberry.input(description="Decide a pending extension request.")
class DecideExtensionInput:
    case_id: strawberry.ID = strawberry.field(description="The case.")
    extension_id: strawberry.ID = strawberry.field(description="The request.")
    approve: bool = strawberry.field(description="Grant the working days asked for.")
    note: str = strawberry.field(default="", description="Why (required when refusing).")
    expected_version: int | None = version_field()


DecideExtensionResult = Annotated[
    CaseUpdated | InvalidTransition | NotFound | PermissionDenied | ValidationFailed | Conflict,
    strawberry.union("DecideExtensionResult", description="The result of decideExtension."),
]


async def decide_extension_mutation(
    info: Info, input: DecideExtensionInput
) -> DecideExtensionResult:
    case: Case = await visible_case(info, input.case_id)
    extension: CaseExtension = await extension_of(case, input.extension_id)
    return await act_on_case(
        info,
        input.case_id,
        CaseAction.DECIDE_EXTENSION,
        lambda case, actor: decide_extension(
            case=case,
            actor=actor,
            extension=extension,
            approve=input.approve,
            note=input.note,
            expected_version=input.expected_version,
        ),
    )
