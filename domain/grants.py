"""Role assignments as the places they hold in: the grants of a user or a token."""

from __future__ import annotations

from models.auth import RoleAssignment
from permissions.adapter import assignment_place as assignment_domain
from permissions.viewer import Grant

__all__ = ["assignment_domain", "grants_of"]


async def grants_of(
    *, user_id: int | None = None, token_id: int | None = None
) -> tuple[Grant, ...]:
    query = (
        RoleAssignment.filter(user_id=user_id)
        if user_id
        else RoleAssignment.filter(token_id=token_id)
    )
    rows = await query.select_related("grid").order_by("id")
    return tuple(Grant(role=row.role, domain=assignment_domain(row)) for row in rows)
