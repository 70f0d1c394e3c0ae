"""Admin verbs on accounts: activate, deactivate, reset a password — each one audited."""

from __future__ import annotations

from tortoise.timezone import now
from tortoise.transactions import in_transaction

from domain.accounts import check_password, describe_user
from domain.audit import audit
from domain.passwords import hash_password
from models.auth import Session, User
from permissions.viewer import Viewer


async def update_user(
    *,
    user: User,
    is_active: bool | None = None,
    new_password: str | None = None,
    actor: Viewer | None = None,
) -> User:
    """Change what an admin may change; deactivating or a new password ends every session."""
    if new_password is not None:
        check_password(new_password, "newPassword")
    before = describe_user(user)
    async with in_transaction():
        if is_active is not None:
            user.is_active = is_active
        if new_password is not None:
            user.password_hash = hash_password(new_password)
            user.failed_logins = 0
            user.locked_until = None
        await user.save()
        if is_active is False or new_password is not None:
            await Session.filter(user_id=user.id, revoked_at__isnull=True).update(revoked_at=now())
        after = describe_user(user)
        after["password_reset"] = new_password is not None
        await audit(actor, "user.update", f"User:{user.id}", before=before, after=after)
    return user
