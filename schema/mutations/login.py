"""login: a username or phone and a password for a bearer session token."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from domain.accounts import LoginFailed
from domain.accounts import login as open_session
from domain.error_codes import InputErrorCode
from domain.errors import ValidationFailedError
from schema.accounts.types import UserType
from schema.authentication import NotAuthenticated
from schema.context import Info
from schema.errors import ValidationFailed


@strawberry.input(description="Credentials: a username or a phone number, and the password.")
class LoginInput:
    login: str = strawberry.field(description="Username or phone number.")
    password: str = strawberry.field(description="The password.")


@strawberry.type(description="Signed in: send `Authorization: Bearer <token>` from now on.")
class LoggedIn:
    token: str = strawberry.field(description="The session's bearer token; keep it secret.")
    expires_at: datetime = strawberry.field(description="When the session ends.")
    user: UserType = strawberry.field(description="The signed-in user.")


LoginResult = Annotated[
    LoggedIn | ValidationFailed,
    strawberry.union("LoginResult", description="The result of login."),
]


async def login(info: Info, input: LoginInput) -> LoginResult:
    """A wrong login, a wrong password and a locked name all answer the same HTTP 401."""

    if not input.login.strip() or not input.password:
        raise ValidationFailedError.one(
            "login" if not input.login.strip() else "password",
            "Must not be empty",
            InputErrorCode.REQUIRED,
        )
    try:
        user, token, expires_at = await open_session(
            login=input.login, password=input.password, address=client_address(info)
        )
    except LoginFailed as exc:
        raise NotAuthenticated(exc.code, exc.message) from None
    return LoggedIn(token=token, expires_at=expires_at, user=UserType.from_model(user))


def client_address(info: Info) -> str | None:
    """The caller's address (behind a proxy, uvicorn's ``--proxy-headers`` makes it the client's)."""
    request = info.context.request
    return request.client.host if request is not None and request.client else None
