"""API tokens for partner apps: created by an admin, shown once, revocable, usage recorded.

A token acts only as the roles and places it was given (its own ``role_assignment`` rows)
and, on top of what those roles allow, only in the areas of its read and write scopes
(``permissions.guard.allowed``): it never holds more than the admin gave it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from tortoise.transactions import in_transaction

from domain.audit import audit
from domain.clock import moment as now
from domain.error_codes import AccountErrorCode, InputErrorCode
from domain.errors import ConflictError, ValidationFailedError
from domain.passwords import TOKEN_PREFIX, new_secret, secret_hash
from domain.roles import grant
from domain.validation import clean_name
from models.auth import ApiToken
from models.grid import GridNode
from models.org import Department
from permissions import viewer_cache
from permissions.enums import Resource, Role
from permissions.events import permissions_changed
from permissions.viewer import Viewer

# Writing last_used_at on every call would turn each read into a write; once a minute is enough.
LAST_USED_RESOLUTION = timedelta(minutes=1)
MAX_LIFETIME = timedelta(days=366)
PREFIX_LENGTH = 12  # "mqt_" and 8 characters of the secret: enough to recognise it in a list


@dataclass(frozen=True)
class TokenGrant:
    """A role a token acts as, in a grid node (with its subtree) or a department."""

    role: Role
    grid: GridNode | None = None
    department: Department | None = None


def describe_token(token: ApiToken) -> dict[str, Any]:
    return {
        "name": token.name,
        "prefix": token.prefix,
        "read_scopes": list(token.read_scopes),
        "write_scopes": list(token.write_scopes),
        "expires_at": token.expires_at.isoformat(),
        "revoked_at": token.revoked_at.isoformat() if token.revoked_at else None,
    }


def _check(grants: Sequence[TokenGrant], expires_at: datetime, moment: datetime) -> None:
    if not grants:
        raise ValidationFailedError.one(
            "grants", "Give the token at least one role", InputErrorCode.REQUIRED
        )
    if any(g.role is Role.ADMIN for g in grants):
        raise ValidationFailedError.one(
            "grants", "A partner app's token cannot be an admin", AccountErrorCode.ADMIN_NOT_ALLOWED
        )
    if expires_at <= moment:
        raise ValidationFailedError.one(
            "expiresAt", "Must be in the future", AccountErrorCode.IN_THE_PAST
        )
    if expires_at > moment + MAX_LIFETIME:
        raise ValidationFailedError.one(
            "expiresAt", "At most a year from now", InputErrorCode.TOO_LONG
        )


async def create_api_token(
    *,
    name: str,
    grants: Sequence[TokenGrant],
    read_scopes: Sequence[Resource],
    write_scopes: Sequence[Resource],
    expires_at: datetime,
    actor: Viewer | None = None,
) -> tuple[ApiToken, str]:
    """The new token and its secret, which is not stored and cannot be shown again."""
    name = clean_name(name, field="name")
    _check(grants, expires_at, now())
    if await ApiToken.filter(name=name).exists():
        raise ConflictError(f"A token named {name!r} already exists")
    secret = new_secret(TOKEN_PREFIX)
    async with in_transaction():
        token = await ApiToken.create(
            name=name,
            prefix=secret[:PREFIX_LENGTH],
            secret_hash=secret_hash(secret),
            read_scopes=sorted({r.value for r in read_scopes}),
            write_scopes=sorted({r.value for r in write_scopes}),
            expires_at=expires_at,
            created_by_id=actor.user_id if actor else None,
        )
        await audit(actor, "token.create", f"ApiToken:{token.id}", after=describe_token(token))
        for g in grants:
            await grant(role=g.role, token=token, grid=g.grid, department=g.department, actor=actor)
    await permissions_changed()
    return token, secret


async def revoke_api_token(*, token: ApiToken, actor: Viewer | None = None) -> ApiToken:
    if token.revoked_at is not None:
        raise ConflictError("That token is already revoked")
    before = describe_token(token)
    async with in_transaction():
        token.revoked_at = now()
        await token.save(update_fields=["revoked_at"])
        await audit(
            actor,
            "token.revoke",
            f"ApiToken:{token.id}",
            before=before,
            after=describe_token(token),
        )
    viewer_cache.forget_all()
    return token


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
