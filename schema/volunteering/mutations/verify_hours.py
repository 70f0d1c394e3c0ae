"""verifyHours: the organiser confirms (or corrects) a volunteer's hours; only then they count."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

import strawberry

from domain.errors import PermissionDeniedError
from domain.volunteering import verify_hours
from permissions.enums import Action, Resource
from schema.context import Info
from schema.errors import Conflict, InvalidTransition, NotFound, PermissionDenied, ValidationFailed
from schema.guards import require
from schema.volunteering.lookup import sign_up_to_change
from schema.volunteering.types import SignUpType


@strawberry.input(description="The sign-up whose hours are verified.")
class VerifyHoursInput:
    sign_up_id: strawberry.ID = strawberry.field(description="The sign-up.")
    hours: float | None = strawberry.field(
        default=None, description="Corrected hours; omit to accept the checked hours."
    )


@strawberry.type(description="The hours are verified and now count.")
class HoursVerified:
    sign_up: SignUpType = strawberry.field(description="The sign-up.")


VerifyHoursResult = Annotated[
    HoursVerified | ValidationFailed | NotFound | Conflict | PermissionDenied | InvalidTransition,
    strawberry.union("VerifyHoursResult", description="The result of verifyHours."),
]


async def verify_hours_mutation(info: Info, input: VerifyHoursInput) -> VerifyHoursResult:
    viewer = info.context.viewer
    row, activity = await sign_up_to_change(info, input.sign_up_id, field="signUpId")
    if activity.organiser_user_id != viewer.user_id and not viewer.is_admin:
        raise PermissionDeniedError("Only the activity's organiser may verify its hours")
    require(info, Resource.ACTIVITY, Action.VERIFY_HOURS, activity.place_path)
    assert viewer.user_id is not None
    hours = Decimal(str(input.hours)) if input.hours is not None else None
    row = await verify_hours(row, hours=hours, actor_user_id=viewer.user_id)
    return HoursVerified(sign_up=SignUpType.from_model(row))
