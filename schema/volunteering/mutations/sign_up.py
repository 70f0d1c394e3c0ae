"""signUp: a volunteer or party member signs up to an activity (or a worker signs them up)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.errors import PermissionDeniedError
from domain.volunteering import sign_up
from permissions.enums import Action, Resource
from permissions.scope import may_somewhere
from schema.context import Info
from schema.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from schema.guards import require
from schema.lists.lookup import person_for, require_at_home
from schema.volunteering.lookup import activity_for
from schema.volunteering.types import SignUpType


@strawberry.input(description="Who signs up to which activity.")
class SignUpInput:
    activity_id: strawberry.ID = strawberry.field(description="The activity.")
    person_id: strawberry.ID | None = strawberry.field(
        default=None, description="Someone you sign up on their behalf; omit for yourself."
    )


@strawberry.type(description="The place is taken.")
class SignedUp:
    sign_up: SignUpType = strawberry.field(description="The sign-up.")


SignUpResult = Annotated[
    SignedUp | ValidationFailed | NotFound | Conflict | PermissionDenied,
    strawberry.union("SignUpResult", description="The result of signUp."),
]


async def sign_up_mutation(info: Info, input: SignUpInput) -> SignUpResult:
    viewer = info.context.viewer
    activity = await activity_for(info, input.activity_id, field="activityId")
    person = await person_for(info, input.person_id, field="personId")
    if person.id != viewer.person_id:
        require(info, Resource.ACTIVITY, Action.UPDATE, activity.place_path)
        await require_at_home(info, person, Resource.PERSON, Action.READ)
    elif not may_somewhere(viewer, Resource.ACTIVITY, Action.SIGN_UP):
        raise PermissionDeniedError("You may not sign up to activities")
    row = await sign_up(activity=activity, person=person, user_id=viewer.user_id)
    return SignedUp(sign_up=SignUpType.from_model(row))
