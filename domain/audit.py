"""The audit log: every admin action and every change to roles, policies or tokens."""

from __future__ import annotations

from typing import Any

from models.auth import AuditEntry
from permissions.viewer import Viewer


async def audit(
    actor: Viewer | None, action: str, target: str, *, before: Any = None, after: Any = None
) -> AuditEntry:
    """Append one row; call it inside the transaction of the change it records."""
    return await AuditEntry.create(
        actor_user_id=actor.user_id if actor else None,
        actor_token_id=actor.token_id if actor else None,
        action=action,
        target=target,
        before=before,
        after=after,
    )
