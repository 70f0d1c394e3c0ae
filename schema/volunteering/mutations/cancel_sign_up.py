"""cancelSignUp: give a place up before checking in."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.volunteering import cancel_sign_up
from schema.context import Info
from schema.errors import Conflict, InvalidTransition, NotFound, PermissionDenied, ValidationFailed
from schema.volunteering.lookup import sign_up_to_change
from schema.volunteering.types import SignUpType


@strawberry.input(description="The sign-up to cancel.")
class CancelSignUpInput:
    sign_up_id: strawberry.ID = strawberry.field(description="The sign-up.")


@strawberry.type(description="The place is free again.")
class SignUpCancelled:
    sign_up: SignUpType = strawberry.field(description="The sign-up.")


CancelSignUpResult = Annotated[
    SignUpCancelled | ValidationFailed | NotFound | Conflict | PermissionDenied | InvalidTransition,
    strawberry.union("CancelSignUpResult", description="The result of cancelSignUp."),
]


async def cancel_sign_up_mutation(info: Info, input: CancelSignUpInput) -> CancelSignUpResult:
    row, _ = await sign_up_to_change(info, input.sign_up_id, field="signUpId")
    return SignUpCancelled(
        sign_up=SignUpType.from_model(
            await cancel_sign_up(row, actor_user_id=info.context.viewer.user_id)
        )
    )
