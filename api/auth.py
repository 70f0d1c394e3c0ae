"""Who is calling: the ``Authorization: Bearer`` header turned into a ``Viewer``."""

from __future__ import annotations

from datetime import datetime

from starlette.requests import HTTPConnection

from domain.accounts import live_session
from domain.api_tokens import token_for_secret
from domain.grants import grants_of
from domain.passwords import SESSION_PREFIX, TOKEN_PREFIX, secret_hash
from permissions import viewer_cache
from permissions.viewer import ANONYMOUS, Viewer


class AuthenticationFailed(Exception):
    """A credential was given but is not valid: answered with HTTP 401, never with data."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


async def viewer_for_bearer(credential: str) -> Viewer:
    """The viewer a session or token secret stands for (remembered for a second)."""
    key = secret_hash(credential)
    viewer = viewer_cache.recall(key)
    if viewer is None:
        generation = viewer_cache.generation()
        viewer, expires_at = await _read_viewer(credential)
        viewer_cache.remember(key, viewer, generation, expires_at=expires_at)
    return viewer


async def _read_viewer(credential: str) -> tuple[Viewer, datetime]:
    """The viewer of a credential and when the credential itself expires."""
    if credential.startswith(SESSION_PREFIX):
        session = await live_session(credential)
        if session is not None:
            user = session.user
            viewer = Viewer(
                subject=f"user:{user.id}",
                user_id=user.id,
                person_id=user.person_id,
                grants=await grants_of(user_id=user.id),
            )
            return viewer, session.expires_at
    elif credential.startswith(TOKEN_PREFIX):
        token = await token_for_secret(credential)
        if token is not None:
            viewer = Viewer(
                subject=f"token:{token.id}",
                token_id=token.id,
                grants=await grants_of(token_id=token.id),
                read_scopes=frozenset(token.read_scopes),
                write_scopes=frozenset(token.write_scopes),
            )
            return viewer, token.expires_at
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
