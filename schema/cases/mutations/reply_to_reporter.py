"""replyToReporter (反馈): the answer the reporter and the public board see."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.cases.handling import reply_to_reporter
from models.enums import CaseAction
from schema.cases.inputs import CaseUpdated, act_on_case, version_field
from schema.context import Info
from schema.errors import Conflict, InvalidTransition, NotFound, PermissionDenied, ValidationFailed


@strawberry.input(description="Answer the reporter of a verified case.")
class ReplyToReporterInput:
    case_id: strawberry.ID = strawberry.field(description="The case.")
    text: str = strawberry.field(description="The answer (required, public).")
    expected_version: int | None = version_field()


ReplyToReporterResult = Annotated[
    CaseUpdated | InvalidTransition | NotFound | PermissionDenied | ValidationFailed | Conflict,
    strawberry.union("ReplyToReporterResult", description="The result of replyToReporter."),
]


async def reply_to_reporter_mutation(
    info: Info, input: ReplyToReporterInput
) -> ReplyToReporterResult:
    return await act_on_case(
        info,
        input.case_id,
        CaseAction.REPLY,
        lambda case, actor: reply_to_reporter(
            case=case,
            actor=actor,
            text=input.text,
            expected_version=input.expected_version,
        ),
    )
