"""Giving and taking roles in places; each change is audited and reaches the enforcer."""

from __future__ import annotations

from typing import Any

from tortoise.transactions import in_transaction

from domain.audit import audit
from domain.errors import ConflictError, ValidationFailedError
from domain.grants import assignment_domain
from models.auth import ApiToken, RoleAssignment, User
from models.grid import GridNode
from models.org import Department
from permissions.enums import Role
from permissions.events import permissions_changed
from permissions.viewer import Viewer


def _describe(row: RoleAssignment) -> dict[str, Any]:
    return {
        "user_id": row.user_id,
        "token_id": row.token_id,
        "role": row.role,
        "domain": assignment_domain(row),
    }


async def assign_role(
    *,
    role: Role,
    user: User | None = None,
    token: ApiToken | None = None,
    grid: GridNode | None = None,
    department: Department | None = None,
    everywhere: bool = False,
    actor: Viewer | None = None,
) -> RoleAssignment:
    """Give ``role`` in one place: a grid node (with its subtree), a department, or everywhere."""
    if (user is None) == (token is None):
        raise ValidationFailedError.one("userId", "Give exactly one of a user or a token")
    if sum((grid is not None, department is not None, everywhere)) != 1:
        raise ValidationFailedError.one("placeId", "Give exactly one place: a grid or a department")
    if role is Role.DEPARTMENT_RESPONDER and department is None:
        raise ValidationFailedError.one("placeId", "A department responder is held in a department")
    if role is not Role.DEPARTMENT_RESPONDER and department is not None:
        raise ValidationFailedError.one("placeId", "Only department responders hold a department")
    if everywhere and role is not Role.ADMIN:
        raise ValidationFailedError.one("placeId", "Only admins hold a role everywhere")
    holder: dict[str, Any] = (
        {"user_id": user.id} if user else {"token_id": token.id if token else None}
    )
    place: dict[str, Any] = {
        "grid_id": grid.id if grid else None,
        "department_id": department.id if department else None,
        "global_scope": everywhere,
    }
    if await RoleAssignment.filter(role=role, **holder, **place).exists():
        raise ConflictError("That role is already held there")
    async with in_transaction():
        row = await RoleAssignment.create(role=role, **holder, **place)
        row.grid = grid
        await audit(actor, "role.assign", f"RoleAssignment:{row.id}", after=_describe(row))
    await permissions_changed()
    return row


async def revoke_role(*, assignment: RoleAssignment, actor: Viewer | None = None) -> None:
    await assignment.fetch_related("grid")
    before = _describe(assignment)
    async with in_transaction():
        await RoleAssignment.filter(id=assignment.id).delete()
        await audit(actor, "role.revoke", f"RoleAssignment:{assignment.id}", before=before)
    await permissions_changed()
