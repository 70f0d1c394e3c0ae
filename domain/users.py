"""Admin verbs on accounts: activate, deactivate, reset a password — each one audited."""

from __future__ import annotations

from tortoise.transactions import in_transaction

from domain.accounts import check_password, describe_user
from domain.audit import audit
from domain.clock import moment as now
from domain.errors import ConflictError
from domain.passwords import hash_password
from models.auth import RoleAssignment, Session, User
from permissions import viewer_cache
from permissions.enums import Role
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
        if is_active is False and user.is_active:
            await ensure_not_last_admin(user_id=user.id)
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
    viewer_cache.forget_all()  # after the commit: a request in between reads the old state
    return user


async def ensure_not_last_admin(
    *, user_id: int | None = None, assignment_id: int | None = None
) -> None:
    """Refuse to lock every admin out: the last active admin cannot be deactivated or lose the
    role (make another admin first). Call it inside the change's transaction."""
    admins = RoleAssignment.filter(role=Role.ADMIN, user__is_active=True)
    if user_id is not None:
        losing, remaining = admins.filter(user_id=user_id), admins.exclude(user_id=user_id)
    else:
        losing, remaining = admins.filter(id=assignment_id), admins.exclude(id=assignment_id)
    if await losing.exists() and not await remaining.exists():
        raise ConflictError("That is the last active admin; make another admin first")
