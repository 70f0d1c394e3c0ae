"""updateUser: an admin activates or deactivates an account, or resets its password."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.users import update_user as update_account
from permissions.enums import Action, Resource
from permissions.viewer import ADMIN_DOMAIN
from schema.accounts.lookup import visible_user
from schema.accounts.types import UserType
from schema.authentication import signed_in
from schema.context import Info
from schema.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from schema.guards import require


@strawberry.input(description="What to change of an account; omitted fields stay.")
class UpdateUserInput:
    id: strawberry.ID = strawberry.field(description="The account.")
    is_active: bool | None = strawberry.field(
        default=None, description="False deactivates it and ends its sessions."
    )
    new_password: str | None = strawberry.field(
        default=None, description="A new password (at least 8 characters); ends its sessions."
    )


@strawberry.type(description="The account was changed.")
class UserUpdated:
    user: UserType = strawberry.field(description="The account as it is now.")


UpdateUserResult = Annotated[
    UserUpdated | ValidationFailed | NotFound | Conflict | PermissionDenied,
    strawberry.union("UpdateUserResult", description="The result of updateUser."),
]


async def update_user(info: Info, input: UpdateUserInput) -> UpdateUserResult:
    viewer = signed_in(info)

    user = await visible_user(info, input.id, field="id")
    require(info, Resource.USER, Action.UPDATE, ADMIN_DOMAIN)
    user = await update_account(
        user=user, is_active=input.is_active, new_password=input.new_password, actor=viewer
    )
    return UserUpdated(user=UserType.from_model(user))
