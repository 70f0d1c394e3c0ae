"""assignRole: give a user a role in a place (a grid subtree, a department, or everywhere)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.roles import assign_role as give_role
from domain.roles import home_of
from models.auth import RoleAssignment
from permissions.enforcer import department_domain
from permissions.enums import Action, Resource, Role
from permissions.viewer import ADMIN_DOMAIN
from schema.accounts.lookup import visible_place, visible_user
from schema.accounts.types import RoleAssignmentType
from schema.authentication import signed_in
from schema.context import Info
from schema.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from schema.guards import require


@strawberry.input(description="A role and the place it holds in.")
class AssignRoleInput:
    user_id: strawberry.ID = strawberry.field(description="The account.")
    role: Role = strawberry.field(description="The role.")
    place_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="A Grid (the role holds in its subtree) or, for responders, a Department; "
        "omit for a resident's home or with `everywhere`.",
    )
    everywhere: bool = strawberry.field(default=False, description="Everywhere (admins only).")


@strawberry.type(description="The role was given.")
class RoleAssigned:
    assignment: RoleAssignmentType = strawberry.field(description="The new assignment.")


AssignRoleResult = Annotated[
    RoleAssigned | ValidationFailed | NotFound | Conflict | PermissionDenied,
    strawberry.union("AssignRoleResult", description="The result of assignRole."),
]


async def assign_role(info: Info, input: AssignRoleInput) -> AssignRoleResult:
    viewer = signed_in(info)

    user = await visible_user(info, input.user_id, field="userId")
    grid, department = await visible_place(info, input.place_id, field="placeId")
    if grid is None and department is None and input.role is Role.RESIDENT:
        grid = await home_of(user)
    domain = grid.path if grid else department_domain(department.id) if department else ADMIN_DOMAIN
    require(info, Resource.ROLE_ASSIGNMENT, Action.CREATE, domain)
    row: RoleAssignment = await give_role(
        role=input.role,
        user=user,
        grid=grid,
        department=department,
        everywhere=input.everywhere,
        actor=viewer,
    )
    return RoleAssigned(assignment=RoleAssignmentType.from_model(row))
