"""API tokens for partner apps: created by an admin, shown once, revocable, usage recorded."""

from __future__ import annotations

from datetime import datetime, timedelta

from tortoise.timezone import now

from domain.passwords import secret_hash
from models.auth import ApiToken

# Writing last_used_at on every call would turn each read into a write; once a minute is enough.
LAST_USED_RESOLUTION = timedelta(minutes=1)


async def token_for_secret(secret: str) -> ApiToken | None:
    """The live token with this secret, recording its use; None if unknown, expired or revoked."""
    moment = now()
    token = await ApiToken.filter(
        secret_hash=secret_hash(secret), revoked_at__isnull=True, expires_at__gt=moment
    ).first()
    if token is None:
        return None
    if token.last_used_at is None or moment - token.last_used_at > LAST_USED_RESOLUTION:
        await ApiToken.filter(id=token.id).update(last_used_at=moment)
        token.last_used_at = moment
    return token


def is_live(token: ApiToken, moment: datetime | None = None) -> bool:
    moment = moment or now()
    return token.revoked_at is None and token.expires_at > moment
