"""checkOut: a volunteer leaves; their hours are counted, to be verified by the organiser."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from domain.volunteering import check_out
from schema.context import Info
from schema.errors import Conflict, InvalidTransition, NotFound, PermissionDenied, ValidationFailed
from schema.volunteering.lookup import sign_up_to_change
from schema.volunteering.types import SignUpType


@strawberry.input(description="The sign-up that left.")
class CheckOutInput:
    sign_up_id: strawberry.ID = strawberry.field(description="The sign-up.")
    at: datetime | None = strawberry.field(default=None, description="When; defaults to now.")


@strawberry.type(description="Checked out; hours await verification.")
class CheckedOut:
    sign_up: SignUpType = strawberry.field(description="The sign-up.")


CheckOutResult = Annotated[
    CheckedOut | ValidationFailed | NotFound | Conflict | PermissionDenied | InvalidTransition,
    strawberry.union("CheckOutResult", description="The result of checkOut."),
]


async def check_out_mutation(info: Info, input: CheckOutInput) -> CheckOutResult:
    row, _ = await sign_up_to_change(info, input.sign_up_id, field="signUpId")
    return CheckedOut(
        sign_up=SignUpType.from_model(
            await check_out(row, at=input.at, actor_user_id=info.context.viewer.user_id)
        )
    )
