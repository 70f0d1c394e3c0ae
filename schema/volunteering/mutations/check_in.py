"""checkIn: a volunteer arrives at the activity."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from domain.volunteering import check_in
from schema.context import Info
from schema.errors import Conflict, InvalidTransition, NotFound, PermissionDenied, ValidationFailed
from schema.volunteering.lookup import sign_up_to_change
from schema.volunteering.types import SignUpType


@strawberry.input(description="The sign-up that arrived.")
class CheckInInput:
    sign_up_id: strawberry.ID = strawberry.field(description="The sign-up.")
    at: datetime | None = strawberry.field(default=None, description="When; defaults to now.")


@strawberry.type(description="Checked in.")
class CheckedIn:
    sign_up: SignUpType = strawberry.field(description="The sign-up.")


CheckInResult = Annotated[
    CheckedIn | ValidationFailed | NotFound | Conflict | PermissionDenied | InvalidTransition,
    strawberry.union("CheckInResult", description="The result of checkIn."),
]


async def check_in_mutation(info: Info, input: CheckInInput) -> CheckInResult:
    row, _ = await sign_up_to_change(info, input.sign_up_id, field="signUpId")
    return CheckedIn(
        sign_up=SignUpType.from_model(
            await check_in(row, at=input.at, actor_user_id=info.context.viewer.user_id)
        )
    )
