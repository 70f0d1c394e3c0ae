"""Role assignments as the places they hold in: the grants of a user or a token."""

from __future__ import annotations

from models.auth import RoleAssignment
from permissions.viewer import ADMIN_DOMAIN, DEPARTMENT_PREFIX, Grant


def assignment_domain(row: RoleAssignment) -> str:
    """The Casbin domain of an assignment: a grid path, ``dept:<id>``, or ``/`` for everywhere."""
    if row.global_scope:
        return ADMIN_DOMAIN
    if row.department_id is not None:
        return f"{DEPARTMENT_PREFIX}{row.department_id}"
    assert row.grid is not None  # one of the three is always set
    return row.grid.path


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
