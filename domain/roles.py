"""Giving and taking roles in places; each change is audited and reaches the enforcer."""

from __future__ import annotations

from typing import Any

from tortoise.transactions import in_transaction

from domain.audit import audit
from domain.error_codes import AccountErrorCode
from domain.errors import ConflictError, ValidationFailedError
from domain.grants import assignment_domain
from domain.users import ensure_not_last_admin
from models.auth import ApiToken, RoleAssignment, User
from models.grid import GridNode
from models.org import Department
from models.people import Person
from permissions.enums import Role
from permissions.events import permissions_changed
from permissions.viewer import Viewer


def describe_assignment(row: RoleAssignment) -> dict[str, Any]:
    return {
        "user_id": row.user_id,
        "token_id": row.token_id,
        "role": row.role.value,
        "domain": assignment_domain(row),
    }


def check_place(
    role: Role, grid: GridNode | None, department: Department | None, everywhere: bool
) -> None:
    """A role is held in exactly one fitting place: responders in a department, admins
    everywhere (or in a subtree), every other role in a grid node."""
    if sum((grid is not None, department is not None, everywhere)) != 1:
        raise ValidationFailedError.one("placeId", "Give exactly one place: a grid or a department")
    if role is Role.DEPARTMENT_RESPONDER and department is None:
        raise ValidationFailedError.one("placeId", "A department responder is held in a department")
    if role is not Role.DEPARTMENT_RESPONDER and department is not None:
        raise ValidationFailedError.one("placeId", "Only department responders hold a department")
    if everywhere and role is not Role.ADMIN:
        raise ValidationFailedError.one("placeId", "Only admins hold a role everywhere")


async def home_of(user: User) -> GridNode | None:
    """Where the account's person lives (the node a resident's role holds in), if known."""
    if user.person_id is None:
        return None
    person = await Person.get(id=user.person_id).select_related("place")
    return person.place


async def _check_home(role: Role, user: User | None, grid: GridNode | None) -> None:
    """A resident is a resident of where they live: their person's home node."""
    if role is not Role.RESIDENT or user is None or user.person_id is None or grid is None:
        return
    person = await Person.get(id=user.person_id)
    if person.place_id != grid.id:
        raise ValidationFailedError.one(
            "placeId", "A resident holds their role at their home", AccountErrorCode.NOT_HOME
        )


async def grant(
    *,
    role: Role,
    user: User | None = None,
    token: ApiToken | None = None,
    grid: GridNode | None = None,
    department: Department | None = None,
    everywhere: bool = False,
    actor: Viewer | None = None,
) -> RoleAssignment:
    """Write one assignment and its audit row, inside the caller's transaction (no reload)."""
    if (user is None) == (token is None):
        raise ValidationFailedError.one("userId", "Give exactly one of a user or a token")
    check_place(role, grid, department, everywhere)
    await _check_home(role, user, grid)
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
    row = await RoleAssignment.create(role=role, **holder, **place)
    row.grid = grid
    await audit(actor, "role.assign", f"RoleAssignment:{row.id}", after=describe_assignment(row))
    return row


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
    async with in_transaction():
        row = await grant(
            role=role,
            user=user,
            token=token,
            grid=grid,
            department=department,
            everywhere=everywhere,
            actor=actor,
        )
    await permissions_changed()
    return row


async def revoke_role(*, assignment: RoleAssignment, actor: Viewer | None = None) -> None:
    await assignment.fetch_related("grid")
    before = describe_assignment(assignment)
    async with in_transaction():
        await ensure_not_last_admin(assignment_id=assignment.id)
        await RoleAssignment.filter(id=assignment.id).delete()
        await audit(actor, "role.revoke", f"RoleAssignment:{assignment.id}", before=before)
    await permissions_changed()
