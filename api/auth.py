"""Who is calling: the ``Authorization: Bearer`` header turned into a ``Viewer``."""

from __future__ import annotations

from starlette.requests import HTTPConnection

from domain.accounts import user_for_session
from domain.api_tokens import token_for_secret
from domain.grants import grants_of
from domain.passwords import SESSION_PREFIX, TOKEN_PREFIX
from permissions.viewer import ANONYMOUS, Viewer


class AuthenticationFailed(Exception):
    """A credential was given but is not valid: answered with HTTP 401, never with data."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


async def viewer_for_bearer(credential: str) -> Viewer:
    if credential.startswith(SESSION_PREFIX):
        user = await user_for_session(credential)
        if user is not None:
            return Viewer(
                subject=f"user:{user.id}",
                user_id=user.id,
                person_id=user.person_id,
                grants=await grants_of(user_id=user.id),
            )
    elif credential.startswith(TOKEN_PREFIX):
        token = await token_for_secret(credential)
        if token is not None:
            return Viewer(
                subject=f"token:{token.id}",
                token_id=token.id,
                grants=await grants_of(token_id=token.id),
                read_scopes=frozenset(token.read_scopes),
                write_scopes=frozenset(token.write_scopes),
            )
    raise AuthenticationFailed("invalid_token", "The token is unknown, expired or revoked")


async def authenticate(request: HTTPConnection) -> Viewer:
    header = request.headers.get("authorization")
    if header is None:
        return ANONYMOUS
    scheme, _, credential = header.partition(" ")
    credential = credential.strip()
    if scheme.lower() != "bearer" or not credential or " " in credential:
        raise AuthenticationFailed(
            "malformed_authorization", "Authorization must be 'Bearer <token>'"
        )
    return await viewer_for_bearer(credential)
