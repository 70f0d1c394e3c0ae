"""logout: end the session that made the request, or every session of its user."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.accounts import logout as end_session
from domain.accounts import logout_everywhere
from domain.errors import PermissionDeniedError
from schema.authentication import signed_in
from schema.context import Info
from schema.errors import PermissionDenied


@strawberry.input(description="Which sessions to end.")
class LogoutInput:
    everywhere: bool = strawberry.field(
        default=False, description="End every session of this user, not only this one."
    )


@strawberry.type(description="The session token no longer works.")
class LoggedOut:
    sessions_ended: int = strawberry.field(description="How many sessions were ended.")


LogoutResult = Annotated[
    LoggedOut | PermissionDenied,
    strawberry.union("LogoutResult", description="The result of logout."),
]


def _bearer(info: Info) -> str:
    request = info.context.request
    header = request.headers.get("authorization", "") if request is not None else ""
    return header.partition(" ")[2].strip()


async def logout(info: Info, input: LogoutInput) -> LogoutResult:
    viewer = signed_in(info)

    if viewer.user_id is None:
        raise PermissionDeniedError("An API token is not a session: an admin revokes it")
    if input.everywhere:
        return LoggedOut(sessions_ended=await logout_everywhere(user_id=viewer.user_id))
    return LoggedOut(sessions_ended=1 if await end_session(token=_bearer(info)) else 0)
